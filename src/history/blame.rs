//! Per-field blame: for every value of a document, the commit that last changed it.
//!
//! Commits are visited parents first over the whole graph (not only first parents), and a
//! field whose value a merge took from one of its parents keeps that parent's origin, so a
//! figure changed on a branch is blamed on the branch's commit, not on the merge.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use anyhow::Context;
use gix::ObjectId;
use serde::Serialize;

use crate::history::Unavailable;
use crate::history::semantic::{Step, leaves};
use crate::history::walk::{CommitInfo, Reader, diff_trees, info, open, subtree};

/// One field of a document and the commit that last changed it.
#[derive(Debug, Clone, Serialize)]
pub struct BlameLine {
    /// Field path, e.g. `lines[salary].amount`.
    pub field: String,
    /// The field as steps, for the showing layer to word.
    pub path: Vec<Step>,
    /// The current value.
    pub value: String,
    /// The commit that set it; none when the change is not committed yet, or older than a
    /// shallow clone's history.
    pub commit: Option<CommitInfo>,
    /// Whether the value differs from the last commit (work-tree change).
    pub uncommitted: bool,
}

/// The blame of one document.
#[derive(Debug, Clone, Serialize)]
pub struct Blame {
    /// The document's identity.
    pub identity: String,
    /// Every field.
    pub lines: Vec<BlameLine>,
    /// In a shallow clone, where history starts (fields older than it have no commit).
    pub starts_at: Option<CommitInfo>,
}

struct State {
    path: PathBuf,
    blob: ObjectId,
    origins: HashMap<String, (String, usize)>,
}

/// Blames the document `identity`, whose current content is `current` (as JSON).
pub fn blame(
    root: &Path,
    identity: &str,
    path: &Path,
    current: &serde_json::Value,
) -> anyhow::Result<Result<Blame, Unavailable>> {
    let (repo, prefix) = match open(root) {
        Ok(found) => found,
        Err(why) => return Ok(Err(why)),
    };
    let head = repo.head_id().context("failed to read HEAD")?.detach();
    let order = topological(&repo, head)?;
    let mailmap = repo.open_mailmap();
    let mut reader = Reader::new(&repo);
    let index: HashMap<ObjectId, usize> =
        order.iter().enumerate().map(|(i, (id, _))| (*id, i)).collect();
    let mut states: Vec<Option<Rc<State>>> = Vec::with_capacity(order.len());
    let mut starts_at = None;
    let mut boundary = None;
    for (i, (id, parents)) in order.iter().enumerate() {
        let parent_states: Vec<Rc<State>> = parents
            .iter()
            .filter_map(|p| index.get(p))
            .filter_map(|&p| states[p].clone())
            .collect();
        if parents.iter().any(|p| !index.contains_key(p)) && starts_at.is_none() {
            starts_at = Some(info(&repo, &mailmap, *id)?);
            boundary = Some(*id);
        }
        let tree = subtree(&repo, *id, &prefix)?;
        let found = locate(&mut reader, tree, &parent_states, identity, path, &prefix, parents)?;
        let state = match found {
            None => None,
            Some((found_path, blob)) => match parent_states.iter().find(|s| s.blob == blob) {
                Some(same) if same.path == found_path => Some(same.clone()),
                _ => {
                    let value =
                        reader.parse(blob, &found_path).map(|p| p.1.clone()).unwrap_or_default();
                    let mut origins = HashMap::new();
                    for (field, _, v) in leaves(&value) {
                        let inherited = parent_states.iter().find_map(|s| {
                            s.origins.get(&field).filter(|(old, _)| *old == v).map(|(_, o)| *o)
                        });
                        origins.insert(field, (v, inherited.unwrap_or(i)));
                    }
                    Some(Rc::new(State { path: found_path, blob, origins }))
                }
            },
        };
        states.push(state);
    }
    let last = states.last().cloned().flatten();
    let mut infos: HashMap<usize, CommitInfo> = HashMap::new();
    let mut lines = Vec::new();
    for (field, path, value) in leaves(current) {
        let committed = last.as_ref().and_then(|s| s.origins.get(&field));
        let (commit, uncommitted) = match committed {
            Some((old, origin)) if *old == value => {
                // The first commit of a shallow history did not necessarily make the change.
                let origin_is_boundary = boundary == Some(order[*origin].0);
                if origin_is_boundary {
                    (None, false)
                } else {
                    let commit = match infos.get(origin) {
                        Some(c) => c.clone(),
                        None => {
                            let c = info(&repo, &mailmap, order[*origin].0)?;
                            infos.insert(*origin, c.clone());
                            c
                        }
                    };
                    (Some(commit), false)
                }
            }
            _ => (None, true),
        };
        lines.push(BlameLine { field, path, value, commit, uncommitted });
    }
    Ok(Ok(Blame { identity: identity.to_string(), lines, starts_at }))
}

/// Every commit reachable from `head`, parents before children, with its parents.
fn topological(
    repo: &gix::Repository,
    head: ObjectId,
) -> anyhow::Result<Vec<(ObjectId, Vec<ObjectId>)>> {
    let mut parents: HashMap<ObjectId, Vec<ObjectId>> = HashMap::new();
    let mut seen_order = Vec::new();
    for info in repo.rev_walk([head]).all().context("failed to walk the history")? {
        let info = info?;
        let ps: Vec<ObjectId> = info.parent_ids().map(|p| p.detach()).collect();
        seen_order.push(info.id);
        parents.insert(info.id, ps);
    }
    // Depth-first post-order: a commit after all of its (available) parents.
    let mut done: std::collections::HashSet<ObjectId> = Default::default();
    let mut out = Vec::with_capacity(seen_order.len());
    for start in seen_order.iter().rev() {
        let mut stack = vec![(*start, false)];
        while let Some((id, expanded)) = stack.pop() {
            if done.contains(&id) {
                continue;
            }
            if expanded {
                done.insert(id);
                out.push((id, parents.get(&id).cloned().unwrap_or_default()));
                continue;
            }
            stack.push((id, true));
            for p in parents.get(&id).into_iter().flatten() {
                if parents.contains_key(p) && !done.contains(p) {
                    stack.push((*p, false));
                }
            }
        }
    }
    Ok(out)
}

/// Where the document is in a commit's tree: at a parent's path, else wherever a file with
/// the same identity changed.
fn locate(
    reader: &mut Reader,
    tree: Option<ObjectId>,
    parent_states: &[Rc<State>],
    identity: &str,
    wanted: &Path,
    prefix: &Path,
    parents: &[ObjectId],
) -> anyhow::Result<Option<(PathBuf, ObjectId)>> {
    let repo = reader.repo;
    let Some(tree) = tree else { return Ok(None) };
    let tree_obj = repo.find_tree(tree)?;
    let mut candidates: Vec<PathBuf> = parent_states.iter().map(|s| s.path.clone()).collect();
    candidates.push(wanted.to_path_buf());
    for path in &candidates {
        if let Some(entry) = tree_obj.lookup_entry_by_path(path)?.filter(|e| e.mode().is_blob()) {
            let blob = entry.object_id();
            if reader.parse(blob, path).is_some_and(|p| p.0 == identity) {
                return Ok(Some((path.clone(), blob)));
            }
        }
    }
    let before = match parents.first() {
        Some(p) if repo.find_commit(*p).is_ok() => subtree(repo, *p, prefix)?,
        _ => None,
    };
    let mut changed = Vec::new();
    diff_trees(repo, before, Some(tree), Path::new(""), &mut changed)?;
    for (path, _, after) in changed {
        let Some(blob) = after else { continue };
        if reader.parse(blob, &path).is_some_and(|p| p.0 == identity) {
            return Ok(Some((path, blob)));
        }
    }
    Ok(None)
}
