//! One walk over the commit history: for each commit, the documents it changed and their
//! semantic changes. Trees are compared recursively, skipping unchanged subtrees, and each
//! blob is parsed once however many commits contain it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context;
use gix::ObjectId;
use serde::Serialize;

use crate::history::Unavailable;
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
        let local = self.time + i64::from(self.offset);
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

/// A parsed blob: identity and content, or nothing when it does not load.
pub(crate) type Parsed = Option<Arc<(String, serde_json::Value)>>;

/// Reads blobs and parses each once.
pub(crate) struct Reader<'r> {
    pub(crate) repo: &'r gix::Repository,
    cache: HashMap<(ObjectId, bool), Parsed>,
}

impl<'r> Reader<'r> {
    pub(crate) fn new(repo: &'r gix::Repository) -> Reader<'r> {
        Reader { repo, cache: HashMap::new() }
    }

    /// The document in blob `id` at `path`.
    pub(crate) fn parse(&mut self, id: ObjectId, path: &Path) -> Parsed {
        let markdown = path.extension().is_some_and(|e| e == "md" || e == "markdown");
        if let Some(hit) = self.cache.get(&(id, markdown)) {
            return hit.clone();
        }
        let parsed = self.repo.find_blob(id).ok().and_then(|blob| {
            let text = String::from_utf8(blob.data.clone()).ok()?;
            if path == Path::new(CONFIG_FILE) {
                return Some(Arc::new((CONFIG_IDENTITY.to_string(), config_value(&text)?)));
            }
            let (doc, _) = parse_document(FileId(0), path, &text);
            let doc = doc?;
            Some(Arc::new((semantic::identity(&doc), semantic::to_value(&doc))))
        });
        self.cache.insert((id, markdown), parsed.clone());
        parsed
    }
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

/// Paths whose blob differs between two trees: (path, before, after).
pub(crate) fn diff_trees(
    repo: &gix::Repository,
    before: Option<ObjectId>,
    after: Option<ObjectId>,
    base: &Path,
    out: &mut Vec<(PathBuf, Option<ObjectId>, Option<ObjectId>)>,
) -> anyhow::Result<()> {
    if before == after {
        return Ok(());
    }
    let entries = |id: Option<ObjectId>| -> anyhow::Result<Vec<(String, bool, ObjectId)>> {
        let Some(id) = id else { return Ok(Vec::new()) };
        let tree = repo.find_tree(id)?;
        let decoded = tree.decode()?;
        Ok(decoded
            .entries
            .iter()
            // `is_blob` is false for links and submodules: a link is never followed.
            .filter(|e| e.mode.is_tree() || e.mode.is_blob())
            .map(|e| (e.filename.to_string(), e.mode.is_tree(), e.oid.to_owned()))
            .collect())
    };
    let (a, b) = (entries(before)?, entries(after)?);
    let mut names: Vec<(&str, bool)> =
        a.iter().chain(&b).map(|(n, t, _)| (n.as_str(), *t)).collect();
    names.sort();
    names.dedup();
    for (name, is_tree) in names {
        let find = |list: &[(String, bool, ObjectId)]| {
            list.iter().find(|(n, t, _)| n == name && *t == is_tree).map(|e| e.2)
        };
        let (x, y) = (find(&a), find(&b));
        if x == y {
            continue;
        }
        let path = base.join(name);
        if is_tree {
            diff_trees(repo, x, y, &path, out)?;
        } else if path == Path::new(CONFIG_FILE) || is_candidate(&path) {
            out.push((path, x, y));
        }
    }
    Ok(())
}

/// The document changes between two trees of the data repository, matched by
/// [`match_versions`], the rule `diff` uses too.
pub(crate) fn changes_between(
    reader: &mut Reader,
    before: Option<ObjectId>,
    after: Option<ObjectId>,
) -> anyhow::Result<Vec<DocChange>> {
    let mut paths = Vec::new();
    diff_trees(reader.repo, before, after, Path::new(""), &mut paths)?;
    let mut old = Vec::new();
    let mut new = Vec::new();
    for (path, x, y) in paths {
        if let Some(parsed) = x.and_then(|id| reader.parse(id, &path)) {
            old.push((path.clone(), parsed));
        }
        if let Some(parsed) = y.and_then(|id| reader.parse(id, &path)) {
            new.push((path, parsed));
        }
    }
    Ok(match_versions(&versions(&old), &versions(&new)))
}

fn versions(list: &[(PathBuf, Arc<(String, serde_json::Value)>)]) -> Vec<Version<'_>> {
    list.iter()
        .map(|(path, parsed)| Version { path, identity: &parsed.0, value: &parsed.1 })
        .collect()
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
pub fn history(root: &Path) -> anyhow::Result<Result<History, Unavailable>> {
    let (mut repo, prefix) = match open(root) {
        Ok(found) => found,
        Err(why) => return Ok(Err(why)),
    };
    // Consecutive commits share most trees; keep decoded objects around.
    repo.object_cache_size_if_unset(64 * 1024 * 1024);
    let head = repo.head_id().context("failed to read HEAD")?.detach();
    let mailmap = repo.open_mailmap();
    let boundary: std::collections::HashSet<ObjectId> = repo
        .shallow_commits()
        .ok()
        .flatten()
        .map(|commits| commits.iter().copied().collect())
        .unwrap_or_default();
    let ids: Vec<ObjectId> = repo
        .rev_walk([head])
        .first_parent_only()
        .all()
        .context("failed to walk the history")?
        .filter_map(Result::ok)
        .map(|info| info.id)
        .collect();
    let mut reader = Reader::new(&repo);
    let mut cache = Cache::load(&repo, &prefix);
    let mut commits = Vec::new();
    let mut starts_at = None;
    // The walk follows first parents, so a commit's parent is the next id: each subtree is
    // looked up once.
    let mut next_after = None;
    for (i, id) in ids.iter().enumerate() {
        let commit = repo.find_commit(*id)?;
        let parent = commit.parent_ids().next().map(|p| p.detach());
        let parent_present =
            parent.is_some_and(|p| ids.get(i + 1) == Some(&p) || repo.find_commit(p).is_ok());
        if boundary.contains(id) || (parent.is_some() && !parent_present) {
            // A shallow clone's boundary: what this commit changed cannot be known.
            starts_at = Some(info(&repo, &mailmap, *id)?);
            break;
        }
        let key = id.to_string();
        if let Some(hit) = cache.entries.get(&key) {
            // Known from an earlier run: no tree or blob needs reading.
            commits.extend(hit.clone());
            next_after = None;
            continue;
        }
        let after = match next_after.take() {
            Some(tree) => tree,
            None => subtree(&repo, *id, &prefix)?,
        };
        let before = match parent.filter(|_| parent_present) {
            Some(p) => subtree(&repo, p, &prefix)?,
            None => None,
        };
        next_after = Some(before);
        let changes = changes_between(&mut reader, before, after)?;
        let entry = if changes.is_empty() {
            None
        } else {
            Some(CommitChanges { commit: info(&repo, &mailmap, *id)?, changes })
        };
        commits.extend(entry.clone());
        cache.entries.insert(key, entry);
        cache.dirty = true;
    }
    cache.save(&repo);
    Ok(Ok(History { commits, starts_at }))
}

/// Each commit's document changes, kept in the git directory between runs, so a rebuild after
/// one new commit reads one commit. A commit's changes never change; the cache is dropped when
/// planbook's version or the data repository's folder differ.
#[derive(Debug, Default, Serialize, serde::Deserialize)]
struct Cache {
    version: String,
    prefix: PathBuf,
    entries: HashMap<String, Option<CommitChanges>>,
    #[serde(skip)]
    dirty: bool,
}

/// The cache's format: planbook's version, and a number raised whenever what a commit's
/// changes are (the matching rule, the shape of a [`FieldChange`], how commit metadata is
/// decoded) changes within a version.
const CACHE_VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "+3");

impl Cache {
    fn path(repo: &gix::Repository) -> PathBuf {
        repo.git_dir().join("planbook").join("history-cache.json")
    }

    fn load(repo: &gix::Repository, prefix: &Path) -> Cache {
        let fresh = || Cache {
            version: CACHE_VERSION.into(),
            prefix: prefix.to_path_buf(),
            ..Cache::default()
        };
        let Ok(bytes) = std::fs::read(Cache::path(repo)) else { return fresh() };
        match serde_json::from_slice::<Cache>(&bytes) {
            Ok(c) if c.version == CACHE_VERSION && c.prefix == prefix => c,
            _ => fresh(),
        }
    }

    /// Writes the cache if it grew; a read-only repository just goes without.
    fn save(&self, repo: &gix::Repository) {
        if !self.dirty {
            return;
        }
        let path = Cache::path(repo);
        let Some(dir) = path.parent() else { return };
        if std::fs::create_dir_all(dir).is_err() {
            return;
        }
        let temp = dir.join(format!("history-cache.{}.tmp", std::process::id()));
        let written =
            serde_json::to_vec(self).ok().is_some_and(|bytes| std::fs::write(&temp, bytes).is_ok());
        if !written || std::fs::rename(&temp, &path).is_err() {
            let _ = std::fs::remove_file(&temp);
        }
    }
}
