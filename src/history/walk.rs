//! One walk over the commit history: for each commit, the documents it changed and their
//! semantic changes. Trees are compared recursively, skipping unchanged subtrees, and each
//! blob is parsed once however many commits contain it.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::{Mutex, TryLockError};

use rayon::prelude::*;

use anyhow::Context;
use gix::ObjectId;
use serde::Serialize;

use crate::history::Unavailable;
use crate::history::cache;
use crate::history::diff::{CONFIG_IDENTITY, Version, match_versions};
use crate::history::semantic::{self, FieldChange};
use crate::load::{CONFIG_FILE, parse_document, walk::is_candidate};
use crate::source::FileId;

/// Who made a commit, when and why.
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct CommitInfo {
    /// Full commit id.
    pub id: String,
    /// Abbreviated id.
    pub short: String,
    /// Author name (after `.mailmap`).
    pub author: String,
    /// Author e-mail (after `.mailmap`); may be empty.
    pub email: String,
    /// Author time, seconds since the Unix epoch.
    pub time: i64,
    /// The author's UTC offset in seconds.
    pub offset: i32,
    /// First line of the message.
    pub summary: String,
    /// Whether the commit merges others.
    pub merge: bool,
}

impl CommitInfo {
    /// `2026-12-03 14:05` in the author's time zone.
    pub fn date(&self) -> String {
        let local = self.time.saturating_add(i64::from(self.offset));
        let day = crate::model::period::Date { year: 1970, month: 1, day: 1 }
            .add_days(local.div_euclid(86_400));
        let secs = local.rem_euclid(86_400);
        format!("{day} {:02}:{:02}", secs / 3600, secs % 3600 / 60)
    }
}

/// What happened to a document in a commit.
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeKind {
    /// It appeared.
    Added,
    /// It disappeared.
    Removed,
    /// Its content changed.
    Modified,
    /// It moved to a new path (maybe changing too).
    Renamed {
        /// The old path.
        from: PathBuf,
    },
}

/// One document's change in a commit.
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct DocChange {
    /// The document's identity (`budget henan 2026-12`).
    pub identity: String,
    /// Its path after the commit (before, when removed).
    pub path: PathBuf,
    /// What happened.
    pub kind: ChangeKind,
    /// The fields that changed.
    pub fields: Vec<FieldChange>,
}

/// A commit and the document changes it made.
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct CommitChanges {
    /// The commit.
    pub commit: CommitInfo,
    /// Its changes, by path.
    pub changes: Vec<DocChange>,
}

/// The history of a data repository, newest commit first.
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct History {
    /// Commits that changed documents.
    pub commits: Vec<CommitChanges>,
    /// In a shallow clone, the oldest commit available: changes before it are unknown.
    pub starts_at: Option<CommitInfo>,
}

impl History {
    /// Keeps only the changes to documents at or under `path` (before or after a rename) and
    /// the commits that still have changes, then at most `max` commits.
    pub fn retain(&mut self, path: Option<&Path>, max: Option<usize>) {
        if let Some(path) = path {
            for commit in &mut self.commits {
                commit.changes.retain(|c| {
                    c.path.starts_with(path)
                        || matches!(&c.kind, ChangeKind::Renamed { from } if from.starts_with(path))
                });
            }
        }
        self.commits.retain(|c| !c.changes.is_empty());
        if let Some(max) = max {
            self.commits.truncate(max);
        }
    }
}

/// A document as compared: its identity and its content.
pub(crate) type Doc = Arc<(String, serde_json::Value)>;

/// A parsed blob: identity and content, or nothing when it does not load.
pub(crate) type Parsed = Option<Doc>;

/// Reads blobs and parses each once.
pub(crate) struct Reader<'r> {
    pub(crate) repo: &'r gix::Repository,
    cache: HashMap<(ObjectId, PathBuf), Parsed>,
}

impl<'r> Reader<'r> {
    pub(crate) fn new(repo: &'r gix::Repository) -> Reader<'r> {
        Reader { repo, cache: HashMap::new() }
    }

    /// The document in blob `id` at `path`.
    pub(crate) fn parse(&mut self, id: ObjectId, path: &Path) -> Parsed {
        if let Some(hit) = self.cache.get(&(id, path.to_path_buf())) {
            return hit.clone();
        }
        let parsed = parse_blob(self.repo, id, path);
        self.cache.insert((id, path.to_path_buf()), parsed.clone());
        parsed
    }
}

/// The document in blob `id` at `path` (the path decides the format and a page's identity).
fn parse_blob(repo: &gix::Repository, id: ObjectId, path: &Path) -> Parsed {
    let mut blob = repo.find_blob(id).ok()?;
    let text = String::from_utf8(std::mem::take(&mut blob.data)).ok()?;
    if path == Path::new(CONFIG_FILE) {
        return Some(Arc::new((CONFIG_IDENTITY.to_string(), config_value(&text)?)));
    }
    let (doc, _) = parse_document(FileId(0), path, &text);
    let doc = doc?;
    Some(Arc::new((semantic::identity(&doc), semantic::to_value(&doc))))
}

fn config_value(text: &str) -> Option<serde_json::Value> {
    let node = crate::yaml::parse(FileId(0), text, 0).ok()?;
    let config: crate::model::Config = crate::load::de::from_node(&node).ok()?;
    serde_json::to_value(config).ok()
}

/// The data repository's subtree of a commit.
pub(crate) fn subtree(
    repo: &gix::Repository,
    commit: ObjectId,
    prefix: &Path,
) -> anyhow::Result<Option<ObjectId>> {
    let commit = repo.find_commit(commit)?;
    let tree = commit.tree()?;
    if prefix.as_os_str().is_empty() {
        return Ok(Some(tree.id));
    }
    Ok(tree.lookup_entry_by_path(prefix)?.filter(|e| e.mode().is_tree()).map(|e| e.object_id()))
}

/// A path whose blob differs between two trees: (path, before, after).
pub(crate) type Changed = (PathBuf, Option<ObjectId>, Option<ObjectId>);

/// Paths whose blob differs between two trees: (path, before, after), in path order.
pub(crate) fn diff_trees(
    repo: &gix::Repository,
    before: Option<ObjectId>,
    after: Option<ObjectId>,
    base: &Path,
    out: &mut Vec<Changed>,
) -> anyhow::Result<()> {
    if before == after {
        return Ok(());
    }
    let find = |id: Option<ObjectId>| id.map(|id| repo.find_tree(id)).transpose();
    let (tree_a, tree_b) = (find(before)?, find(after)?);
    let (a, b) = (entries(tree_a.as_ref())?, entries(tree_b.as_ref())?);
    // Both sorted by (name, is tree): one merge pass.
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let (name, is_tree, x, y) = match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if (x.0, x.1) == (y.0, y.1) => {
                (i, j) = (i + 1, j + 1);
                (x.0, x.1, Some(x.2), Some(y.2))
            }
            (Some(x), Some(y)) if (x.0, x.1) < (y.0, y.1) => {
                i += 1;
                (x.0, x.1, Some(x.2), None)
            }
            (Some(x), None) => {
                i += 1;
                (x.0, x.1, Some(x.2), None)
            }
            (_, Some(y)) => {
                j += 1;
                (y.0, y.1, None, Some(y.2))
            }
            (None, None) => break,
        };
        if x == y {
            continue;
        }
        let path = base.join(&*String::from_utf8_lossy(name));
        if is_tree {
            diff_trees(repo, x, y, &path, out)?;
        } else if path == Path::new(CONFIG_FILE) || is_candidate(&path) {
            out.push((path, x, y));
        }
    }
    Ok(())
}

/// A tree's entries that are trees or blobs, sorted by (name, is tree).
fn entries<'t>(tree: Option<&'t gix::Tree<'_>>) -> anyhow::Result<Vec<(&'t [u8], bool, ObjectId)>> {
    let Some(tree) = tree else { return Ok(Vec::new()) };
    let decoded = tree.decode()?;
    let mut list: Vec<(&[u8], bool, ObjectId)> = decoded
        .entries
        .iter()
        // `is_blob` is false for links and submodules: a link is never followed.
        .filter(|e| e.mode.is_tree() || e.mode.is_blob())
        .map(|e| -> (&[u8], bool, ObjectId) { (e.filename, e.mode.is_tree(), e.oid.to_owned()) })
        .collect();
    list.sort_unstable_by(|x, y| (x.0, x.1).cmp(&(y.0, y.1)));
    Ok(list)
}

/// Opens the repository that holds `root` and the path of `root` inside its work tree.
pub fn open(root: &Path) -> Result<(gix::Repository, PathBuf), Unavailable> {
    let repo = gix::discover(root).map_err(|_| Unavailable::NoRepository)?;
    let workdir = repo.workdir().ok_or(Unavailable::Bare)?;
    let workdir = workdir.canonicalize().unwrap_or_else(|_| workdir.to_path_buf());
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let prefix = root.strip_prefix(&workdir).unwrap_or(Path::new("")).to_path_buf();
    if repo.head_id().is_err() {
        return Err(Unavailable::EmptyRepository);
    }
    Ok((repo, prefix))
}

/// Who and when, from a commit.
pub(crate) fn info(
    repo: &gix::Repository,
    mailmap: &gix::mailmap::Snapshot,
    id: ObjectId,
) -> anyhow::Result<CommitInfo> {
    let commit = repo.find_commit(id)?;
    let decoded = commit.decode()?;
    let encoding = decoded.encoding.and_then(|label| encoding_rs::Encoding::for_label(label));
    let text = |bytes: &[u8]| decode(bytes, encoding);
    let author = decoded.author()?;
    let resolved = mailmap.resolve(author);
    let time = author.time().map(|t| (t.seconds, t.offset)).unwrap_or((0, 0));
    let message = decoded.message();
    Ok(CommitInfo {
        id: id.to_string(),
        short: id.to_hex_with_len(7).to_string(),
        author: text(&resolved.name),
        email: text(&resolved.email),
        time: time.0,
        offset: time.1,
        summary: text(&message.summary()),
        merge: decoded.parents().count() > 1,
    })
}

/// Text from a commit header or message in the commit's declared `encoding` (git writes one
/// when `i18n.commitEncoding` is not UTF-8), else UTF-8; what does not decode becomes U+FFFD.
fn decode(bytes: &[u8], encoding: Option<&'static encoding_rs::Encoding>) -> String {
    match encoding {
        Some(encoding) if encoding != encoding_rs::UTF_8 => {
            encoding.decode_without_bom_handling(bytes).0.into_owned()
        }
        _ => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// Walks the first-parent history from `HEAD` and returns each commit's document changes.
///
/// Commits already in the cache are not read again. The others are compared in three steps:
/// the tree diffs one commit after another (consecutive commits share most trees), then the
/// distinct blobs they name parsed in parallel, then each commit's changes matched in
/// parallel; a chunk of commits at a time, so only a chunk's documents are held at once.
pub fn history(root: &Path) -> anyhow::Result<Result<History, Unavailable>> {
    let (mut repo, prefix) = match open(root) {
        Ok(found) => found,
        Err(why) => return Ok(Err(why)),
    };
    // Consecutive commits share most trees; keep decoded objects around.
    repo.object_cache_size_if_unset(64 * 1024 * 1024);
    let head = repo.head_id().context("failed to read HEAD")?.detach();
    let boundary: HashSet<ObjectId> = repo
        .shallow_commits()
        .ok()
        .flatten()
        .map(|commits| commits.iter().copied().collect())
        .unwrap_or_default();
    let parent_present = |id: ObjectId| -> anyhow::Result<bool> {
        let commit = repo.find_commit(id)?;
        let parent = commit.parent_ids().next().map(|p| p.detach());
        Ok(!boundary.contains(&id) && parent.is_none_or(|p| repo.find_commit(p).is_ok()))
    };
    let mut cached = cache::load(repo.git_dir(), &prefix).filter(|c| match &c.starts_at {
        // A shallow clone deepened since: where the cached history stopped is not the start.
        Some(start) => ObjectId::from_hex(start.id.as_bytes())
            .is_ok_and(|id| !parent_present(id).unwrap_or(true)),
        None => true,
    });
    let position: HashMap<ObjectId, usize> = cached
        .as_ref()
        .map(|c| c.chain.iter().enumerate().map(|(i, (id, _))| (*id, i)).collect())
        .unwrap_or_default();
    // The commits not cached, newest first, and where the cached chain takes over.
    let mut ids = Vec::new();
    let mut tail = None;
    for found in repo
        .rev_walk([head])
        .first_parent_only()
        .all()
        .context("failed to walk the history")?
        .filter_map(Result::ok)
    {
        if let Some(&at) = position.get(&found.id) {
            tail = Some(at);
            break;
        }
        ids.push(found.id);
    }
    let mailmap = repo.open_mailmap();
    let mut starts_at = None;
    for (i, id) in ids.iter().enumerate() {
        let commit = repo.find_commit(*id)?;
        let parent = commit.parent_ids().next().map(|p| p.detach());
        let next = ids.get(i + 1).copied().or_else(|| tail.map(|at| position_id(&cached, at)));
        let present = parent.is_some_and(|p| next == Some(p) || repo.find_commit(p).is_ok());
        if boundary.contains(id) || (parent.is_some() && !present) {
            // A shallow clone's boundary: what this commit changed cannot be known.
            starts_at = Some(info(&repo, &mailmap, *id)?);
            ids.truncate(i);
            tail = None;
            break;
        }
    }
    let fresh = compute(&repo, &prefix, &ids, &mailmap)?;
    let old = cached.take().unwrap_or_default();
    // Nothing new (`HEAD` on the cached chain): the file stays as it is.
    let unchanged = ids.is_empty() && tail.is_some();
    let mut store = cache::Cache::default();
    let mut commits: Vec<CommitChanges> = Vec::new();
    for (id, entry) in ids.iter().zip(fresh) {
        let index = entry.map(|e| {
            commits.push(e);
            commits.len() - 1
        });
        store.chain.push((*id, index.and_then(|i| u32::try_from(i).ok())));
    }
    if let Some(at) = tail {
        let mut old_commits: Vec<Option<CommitChanges>> =
            old.commits.into_iter().map(Some).collect();
        for (id, index) in old.chain.into_iter().skip(at) {
            let entry = index.and_then(|i| old_commits.get_mut(i as usize)).and_then(Option::take);
            let index = entry.map(|e| {
                commits.push(e);
                commits.len() - 1
            });
            store.chain.push((id, index.and_then(|i| u32::try_from(i).ok())));
        }
        starts_at = old.starts_at;
    }
    store.starts_at = starts_at;
    store.commits = commits;
    if !unchanged {
        cache::save(repo.git_dir(), &prefix, &store);
    }
    Ok(Ok(History { commits: store.commits, starts_at: store.starts_at }))
}

fn position_id(cached: &Option<cache::Cache>, at: usize) -> ObjectId {
    cached
        .as_ref()
        .and_then(|c| c.chain.get(at))
        .map_or_else(|| ObjectId::null(gix::hash::Kind::Sha1), |(id, _)| *id)
}

/// `f` over `items` in parallel, results in the order of `items`. Each thread of rayon's
/// pool uses its own repository handle (and so its own object and delta caches), kept for the
/// whole walk: threads and caches live on from chunk to chunk.
fn in_parallel<T: Sync, R: Send>(
    shared: &gix::ThreadSafeRepository,
    workers: &[Mutex<gix::Repository>],
    items: &[T],
    f: impl Fn(&gix::Repository, &T) -> R + Sync,
) -> Vec<R> {
    items
        .par_iter()
        .map(|item| {
            let at = rayon::current_thread_index().unwrap_or(0) % workers.len().max(1);
            // Only this thread takes this lock, so it is free unless `f` itself waits on rayon
            // and this thread runs another item meanwhile: then a handle of its own.
            match workers.get(at).map(Mutex::try_lock) {
                Some(Ok(repo)) => f(&repo, item),
                Some(Err(TryLockError::Poisoned(poisoned))) => f(&poisoned.into_inner(), item),
                _ => f(&shared.to_thread_local(), item),
            }
        })
        .collect()
}

/// A side of a commit's changes as compared: a page moved unchanged takes the identity in
/// `moved` (its blob's page on the new side).
fn versions<'a>(
    list: &[(ObjectId, &'a PathBuf, &'a Doc)],
    moved: &HashMap<ObjectId, &'a str>,
) -> Vec<Version<'a>> {
    list.iter()
        .map(|&(blob, path, doc)| {
            let page = doc.0.starts_with("page ");
            let identity = moved.get(&blob).filter(|_| page).copied();
            Version { path, identity: identity.unwrap_or(&doc.0), value: &doc.1 }
        })
        .collect()
}

/// One commit's changes, if any.
type Entry = anyhow::Result<Option<CommitChanges>>;

/// Commits compared per chunk: a chunk's parsed documents are held at once.
const CHUNK: usize = 512;

/// Each commit's changes against its first parent (none when nothing changed), in order.
fn compute(
    repo: &gix::Repository,
    prefix: &Path,
    ids: &[ObjectId],
    mailmap: &gix::mailmap::Snapshot,
) -> anyhow::Result<Vec<Option<CommitChanges>>> {
    let shared = repo.clone().into_sync();
    // One repository handle per thread, kept for the whole walk: each has its own caches.
    let workers: Vec<Mutex<gix::Repository>> =
        (0..rayon::current_num_threads()).map(|_| Mutex::new(shared.to_thread_local())).collect();
    let mut out = Vec::with_capacity(ids.len());
    let mut next_after = None;
    for (n, chunk) in ids.chunks(CHUNK).enumerate() {
        // 1. Tree diffs, in order: a commit's parent is the next id, so each subtree is looked
        // up once.
        let mut diffs: Vec<(ObjectId, Vec<Changed>)> = Vec::with_capacity(chunk.len());
        for (i, id) in chunk.iter().enumerate() {
            let after = match next_after.take() {
                Some(tree) => tree,
                None => subtree(repo, *id, prefix)?,
            };
            let commit = repo.find_commit(*id)?;
            let before = match commit.parent_ids().next() {
                Some(p) if ids.get(n * CHUNK + i + 1) == Some(&p.detach()) => {
                    subtree(repo, p.detach(), prefix)?
                }
                Some(p) if repo.find_commit(p.detach()).is_ok() => {
                    subtree(repo, p.detach(), prefix)?
                }
                _ => None,
            };
            next_after = Some(before);
            let mut paths = Vec::new();
            diff_trees(repo, before, after, Path::new(""), &mut paths)?;
            diffs.push((*id, paths));
        }
        // 2. Each distinct blob parsed once, in parallel.
        let mut keys: Vec<(ObjectId, &Path)> = diffs
            .iter()
            .flat_map(|(_, paths)| paths.iter())
            .flat_map(|(path, x, y)| [x, y].into_iter().flatten().map(|id| (*id, path.as_path())))
            .collect();
        keys.sort_unstable();
        keys.dedup();
        let parsed: HashMap<(ObjectId, &Path), Parsed> =
            in_parallel(&shared, &workers, &keys, |repo, &(id, path)| {
                ((id, path), parse_blob(repo, id, path))
            })
            .into_iter()
            .collect();
        // 3. Each commit's changes, in parallel, in order.
        let changes = in_parallel(&shared, &workers, &diffs, |repo, (id, paths)| -> Entry {
            let side = |pick: fn(&Changed) -> Option<ObjectId>| {
                paths
                    .iter()
                    .filter_map(|c| {
                        let blob = pick(c)?;
                        Some((blob, &c.0, parsed.get(&(blob, c.0.as_path()))?.as_ref()?))
                    })
                    .collect::<Vec<_>>()
            };
            let (old, new) = (side(|c| c.1), side(|c| c.2));
            // A page is known by its path, but one moved unchanged (its blob now at another
            // path) is the same page: it keeps its new identity on both sides, a rename.
            let moved: HashMap<ObjectId, &str> = new
                .iter()
                .filter(|(_, _, doc)| doc.0.starts_with("page "))
                .map(|(blob, _, doc)| (*blob, doc.0.as_str()))
                .collect();
            let changes = match_versions(&versions(&old, &moved), &versions(&new, &moved));
            if changes.is_empty() {
                return Ok(None);
            }
            Ok(Some(CommitChanges { commit: info(repo, mailmap, *id)?, changes }))
        });
        for entry in changes {
            out.push(entry?);
        }
    }
    Ok(out)
}
