//! The documents of a data repository at a revision, or as staged in the git index.

use std::path::{Path, PathBuf};

use anyhow::Context;

use crate::history::Unavailable;
use crate::i18n::{Failure, msg};
use crate::load::CONFIG_FILE;

/// Where to read documents from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The content staged in the git index (what the next commit will hold).
    Index,
    /// A revision such as `HEAD~3`, a branch, a tag or a commit id.
    Revision(String),
}

/// The raw files of a data repository taken from git.
#[derive(Debug)]
pub struct Snapshot {
    /// `planbook.yaml`.
    pub config: Vec<u8>,
    /// Every other file under the data repository, relative to its root.
    pub files: Vec<(PathBuf, Vec<u8>)>,
    /// What was read, for messages: `the index`, `HEAD~1 (3f2a9c1)`.
    pub label: String,
}

/// Reads the data repository at `root` from `source`.
pub fn snapshot(root: &Path, source: &Source) -> anyhow::Result<Snapshot> {
    let repo = gix::discover(root).map_err(|_| Unavailable::NoRepository)?;
    let workdir = repo.workdir().ok_or(Unavailable::Bare)?;
    let workdir = workdir.canonicalize().unwrap_or_else(|_| workdir.to_path_buf());
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let prefix = root.strip_prefix(&workdir).unwrap_or(Path::new("")).to_path_buf();
    let (entries, label) = match source {
        Source::Index => (index_entries(&repo)?, "the index".to_string()),
        Source::Revision(rev) => revision_entries(&repo, rev)?,
    };
    let mut config = None;
    let mut files = Vec::new();
    for (path, id) in entries {
        let Ok(rel) = path.strip_prefix(&prefix) else { continue };
        let wanted = rel == Path::new(CONFIG_FILE) || crate::load::walk::is_candidate(rel);
        if !wanted {
            continue;
        }
        let data = repo
            .find_blob(id)
            .with_context(|| {
                let path = path.display().to_string();
                Failure(msg!("error-read-from", path = path, place = label.clone()))
            })?
            .data
            .clone();
        if rel == Path::new(CONFIG_FILE) {
            config = Some(data);
        } else {
            files.push((rel.to_path_buf(), data));
        }
    }
    let config = config.ok_or_else(|| {
        let path = prefix.join(CONFIG_FILE).display().to_string();
        Failure(msg!("error-config-not-in", path = path, place = label.clone()))
    })?;
    Ok(Snapshot { config, files, label })
}

fn index_entries(repo: &gix::Repository) -> anyhow::Result<Vec<(PathBuf, gix::ObjectId)>> {
    let index = repo.index_or_empty().context(Failure(msg!("error-read-index")))?;
    let mut out = Vec::new();
    for entry in index.entries() {
        // Stage 0 is the normal entry; during a merge conflict, take "ours" (stage 2).
        let stage = entry.stage_raw();
        if stage != 0 && stage != 2 {
            continue;
        }
        // Only regular files: a symbolic link's blob is its target's name and a submodule is
        // another repository, so neither is ever read as a document (links are never followed).
        if !entry.mode.to_tree_entry_mode().is_some_and(|m| m.is_blob()) {
            continue;
        }
        let Ok(path) = gix::path::from_bstr(entry.path(&index)) else { continue };
        out.push((path.into_owned(), entry.id));
    }
    Ok(out)
}

fn revision_entries(
    repo: &gix::Repository,
    rev: &str,
) -> anyhow::Result<(Vec<(PathBuf, gix::ObjectId)>, String)> {
    if repo.head_id().is_err() {
        return Err(Unavailable::EmptyRepository.into());
    }
    let id = repo
        .rev_parse_single(rev)
        .with_context(|| Failure(msg!("error-unknown-revision", rev = rev)))?;
    let tree = id
        .object()
        .with_context(|| Failure(msg!("error-read-revision", rev = rev)))?
        .peel_to_tree()
        .with_context(|| Failure(msg!("error-revision-no-tree", rev = rev)))?;
    let mut recorder = gix::traverse::tree::Recorder::default();
    tree.traverse()
        .breadthfirst(&mut recorder)
        .with_context(|| Failure(msg!("error-walk-revision", rev = rev)))?;
    let entries = recorder
        .records
        .into_iter()
        // Regular files only, as in the index: no links, no submodules.
        .filter(|e| e.mode.is_blob())
        .filter_map(|e| Some((gix::path::from_bstr(&e.filepath).ok()?.into_owned(), e.oid)))
        .collect();
    let short = id.shorten_or_id().to_string();
    Ok((entries, format!("{rev} ({short})")))
}
