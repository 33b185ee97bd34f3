//! One data repository as the editor sees it: every document loaded (through the parse cache),
//! with the editor's open buffers in place of the files on disk, and its diagnostics per file.
//!
//! An edit re-parses only the edited file and re-checks in two passes. The **scoped** pass
//! runs every rule over the documents of the edited file's unit, its ancestors' documents, its
//! sub-units' rosters (a unit's people include theirs) and the pages, and replaces the
//! diagnostics of the unit's own files: that is what the editor shows within a keystroke. The
//! **full** pass runs every rule over the whole repository, exactly as `check` does, when the
//! editor has been idle a moment ([`Project::full_due`]), and corrects whatever a rule that
//! reaches across units (a person id on two units' rosters) changed elsewhere. Both passes
//! apply the severities of `planbook.yaml`, the suppression comments and the baseline, as
//! `check` does.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diag::baseline::Baseline;
use crate::diag::{Diagnostic, suppress};
use crate::load;
use crate::model::{Content, Document, Workspace};
use crate::source::FileId;
use crate::validate;

/// The baseline's file name at the repository root (as `check` reads it).
const BASELINE_FILE: &str = ".planbook-baseline.json";

/// A data repository with the editor's buffers.
#[derive(Debug)]
pub struct Project {
    /// The repository root (holds `planbook.yaml`), canonical.
    pub root: PathBuf,
    /// Every document, open buffers as the editor holds them.
    pub ws: Workspace,
    /// The loader's diagnostics per file (parse, schema, habits).
    loading: Vec<Vec<Diagnostic>>,
    /// What the editor is shown per file: loader's and rules' findings, after levels,
    /// suppressions and the baseline.
    diags: Vec<Vec<Diagnostic>>,
    /// Files by path relative to the root.
    by_path: HashMap<PathBuf, FileId>,
    /// Files the editor has open, with the version it last sent.
    open: HashMap<FileId, i32>,
    /// Files that no longer exist (their id stays, with no text and no document).
    gone: HashSet<FileId>,
    /// Per file, whether its text may hold suppression comments (names `planbook`): only
    /// those files are scanned for them.
    mentions: Vec<bool>,
    /// Edits made since the last full pass.
    full_due: bool,
    baseline: Option<Baseline>,
    /// The editor's buffer of `planbook.yaml` (version, text), when it is open.
    config_buffer: Option<(i32, String)>,
    /// `planbook.yaml`'s buffer changed: the project is loaded again when the editor is idle.
    reload_due: bool,
}

/// What the editor must be told after a change: the files whose diagnostics changed.
#[derive(Debug, Default)]
pub struct Changed {
    /// Files whose published diagnostics differ from before.
    pub files: Vec<FileId>,
}

impl Project {
    /// Loads the repository at `root` (through the parse cache, as `build` does: every file
    /// read, unchanged ones not parsed again) and checks it whole.
    pub fn open(root: &Path) -> anyhow::Result<Project> {
        let root = root.canonicalize()?;
        let loaded = load::load_cached(&root, true)?;
        let mut project = Project {
            root: root.clone(),
            ws: loaded.workspace,
            loading: Vec::new(),
            diags: Vec::new(),
            by_path: HashMap::new(),
            open: HashMap::new(),
            gone: HashSet::new(),
            mentions: Vec::new(),
            full_due: false,
            baseline: read_baseline(&root),
            config_buffer: None,
            reload_due: false,
        };
        project.index_files(loaded.diagnostics);
        project.check_full();
        Ok(project)
    }

    fn index_files(&mut self, loading: Vec<Diagnostic>) {
        let n = self.ws.sources.len();
        self.loading = vec![Vec::new(); n];
        self.diags = vec![Vec::new(); n];
        self.mentions = self.ws.sources.files().map(|(_, f)| suppress::mentions(&f.text)).collect();
        self.by_path = self.ws.sources.files().map(|(id, file)| (file.path.clone(), id)).collect();
        for d in loading {
            if let Some(list) = self.loading.get_mut(d.primary.span.file.0 as usize) {
                list.push(d);
            }
        }
    }

    /// The file at `path` (absolute, or relative to the root), if it is one of the
    /// repository's.
    pub fn file(&self, path: &Path) -> Option<FileId> {
        let rel = path.strip_prefix(&self.root).unwrap_or(path);
        self.by_path.get(rel).copied().filter(|id| !self.gone.contains(id))
    }

    /// The path relative to the root of `path`, when it lies inside the repository.
    pub fn relative(&self, path: &Path) -> Option<PathBuf> {
        let rel = path.strip_prefix(&self.root).ok()?;
        Some(rel.to_path_buf())
    }

    /// The absolute path of file `id`.
    pub fn path(&self, id: FileId) -> PathBuf {
        self.root.join(self.ws.sources.path(id))
    }

    /// The text of file `id` (the editor's buffer when it is open).
    pub fn text(&self, id: FileId) -> &Arc<str> {
        &self.ws.sources.get(id).text
    }

    /// The diagnostics shown for file `id`.
    pub fn diagnostics(&self, id: FileId) -> &[Diagnostic] {
        self.diags.get(id.0 as usize).map_or(&[], Vec::as_slice)
    }

    /// Every file with its diagnostics (files that are gone have none).
    pub fn files(&self) -> impl Iterator<Item = FileId> + '_ {
        self.ws.sources.files().map(|(id, _)| id).filter(|id| !self.gone.contains(id))
    }

    /// The document loaded from file `id`, if it loaded (whole or in part).
    pub fn document(&self, id: FileId) -> Option<&Document> {
        let i = self.document_position(id).ok()?;
        self.ws.documents.get(i)
    }

    /// The version of file `id`'s buffer the editor last sent, when it is open.
    pub fn version(&self, id: FileId) -> Option<i32> {
        self.open.get(&id).copied()
    }

    /// Whether the editor has file `id` open.
    pub fn is_open(&self, id: FileId) -> bool {
        self.open.contains_key(&id)
    }

    /// Whether a full pass is owed (an edit was checked only in its scope).
    pub fn full_due(&self) -> bool {
        self.full_due || self.reload_due
    }

    /// Whether the next full pass loads the project again (its files' ids may change).
    pub fn reload_due(&self) -> bool {
        self.reload_due
    }

    /// The editor opened `path` with `text`: its buffer is the truth from now on.
    pub fn did_open(&mut self, path: &Path, version: i32, text: String) -> Option<Changed> {
        self.buffer(path, version, text)
    }

    /// The editor changed the open buffer of `path` to `text`.
    pub fn did_change(&mut self, path: &Path, version: i32, text: String) -> Option<Changed> {
        self.buffer(path, version, text)
    }

    /// The buffer of `path` (version `version`) holds `text`.
    fn buffer(&mut self, path: &Path, version: i32, text: String) -> Option<Changed> {
        if self.is_config(path) {
            // Every document depends on it: the project is loaded again with this text once
            // the editor is idle (`check_full_until`), not at each keystroke. Its text is the
            // buffer's at once, so the next change applies to it.
            let id = self.ws.config_file;
            self.ws.sources.set_shared(id, Arc::from(text.as_str()));
            self.open.insert(id, version);
            self.config_buffer = Some((version, text));
            self.reload_due = true;
            return Some(Changed::default());
        }
        let id = self.set_text(path, text)?;
        self.open.insert(id, version);
        Some(self.recheck(id))
    }

    /// The editor closed `path`: the file on disk is the truth again.
    pub fn did_close(&mut self, path: &Path) -> Option<Changed> {
        if self.is_config(path) {
            self.config_buffer = None;
            return Some(self.reload());
        }
        let id = self.file(path)?;
        self.open.remove(&id);
        self.disk_changed(path)
    }

    /// A file changed, appeared or disappeared on disk. Open buffers stay the truth for
    /// their files; `planbook.yaml` or the baseline reloads everything.
    pub fn disk_changed(&mut self, path: &Path) -> Option<Changed> {
        let rel = self.relative(path)?;
        if rel == Path::new(BASELINE_FILE) || (self.is_config(path) && self.config_buffer.is_none())
        {
            return Some(self.reload());
        }
        if self.file(path).is_some_and(|id| self.is_open(id)) {
            return None;
        }
        if std::fs::symlink_metadata(path).is_err() {
            let id = self.file(path)?;
            self.remove(id);
            return Some(self.recheck(id));
        }
        match load::read_text(path) {
            Some(text) => {
                let id = self.set_text(path, text)?;
                Some(self.recheck(id))
            }
            // A link, a device, a file too large or not UTF-8: a whole load says what is wrong.
            None => Some(self.reload()),
        }
    }

    /// Loads everything again from disk, then puts the open buffers back.
    fn is_config(&self, path: &Path) -> bool {
        self.relative(path).is_some_and(|rel| rel == Path::new(load::CONFIG_FILE))
    }

    fn reload(&mut self) -> Changed {
        self.reload_due = false;
        let config_id = self.ws.config_file;
        let buffers: Vec<(PathBuf, i32, String)> = self
            .open
            .iter()
            .filter(|(id, _)| **id != config_id)
            .map(|(&id, &v)| (self.path(id), v, self.text(id).to_string()))
            .collect();
        let before: HashMap<PathBuf, Vec<Diagnostic>> = self
            .files()
            .map(|id| (self.ws.sources.path(id).to_path_buf(), self.diagnostics(id).to_vec()))
            .collect();
        let config = self.config_buffer.as_ref().map(|(_, text)| text.clone().into_bytes());
        let Ok(loaded) = load::load_cached_with(&self.root, true, config) else {
            return Changed::default();
        };
        self.ws = loaded.workspace;
        self.open.clear();
        if let Some((version, _)) = &self.config_buffer {
            self.open.insert(self.ws.config_file, *version);
        }
        self.gone.clear();
        self.baseline = read_baseline(&self.root);
        self.index_files(loaded.diagnostics);
        for (path, version, text) in buffers {
            if let Some(id) = self.set_text(&path, text) {
                self.open.insert(id, version);
            }
        }
        self.check_full();
        let mut files: Vec<FileId> = self
            .files()
            .filter(|&id| {
                before.get(self.ws.sources.path(id)).map(Vec::as_slice)
                    != Some(self.diagnostics(id))
            })
            .collect();
        // Files that are gone: their diagnostics are cleared by the caller's publication.
        files.sort();
        Changed { files }
    }

    /// Puts `text` in place of the file at `path` and parses it again; a new document file
    /// is added. `None` when the path is not a document of this repository.
    fn set_text(&mut self, path: &Path, text: String) -> Option<FileId> {
        let rel = self.relative(path)?;
        if !load::is_document_path(&self.ws.config, &rel) {
            return None;
        }
        let id = match self.by_path.get(&rel) {
            Some(&id) => id,
            None => {
                let id = self.ws.sources.add(rel.clone(), String::new());
                self.by_path.insert(rel.clone(), id);
                self.loading.push(Vec::new());
                self.diags.push(Vec::new());
                self.mentions.push(false);
                id
            }
        };
        self.gone.remove(&id);
        let shared: Arc<str> = Arc::from(text);
        let parsed = load::parse_full(id, &rel, &shared);
        self.mentions[id.0 as usize] = suppress::mentions(&shared);
        self.ws.sources.set_shared(id, shared);
        self.take_document(id);
        if let Some(doc) = parsed.doc {
            let at = self.document_position(id).unwrap_or_else(|at| at);
            self.ws.documents.insert(at, doc);
        }
        self.ws.broken.retain(|b| b.file != id);
        if let Some(broken) = parsed.broken {
            let at = self.ws.broken.partition_point(|b| b.path < broken.path);
            self.ws.broken.insert(at, broken);
        }
        self.loading[id.0 as usize] = parsed.diags;
        Some(id)
    }

    fn remove(&mut self, id: FileId) {
        self.take_document(id);
        self.ws.broken.retain(|b| b.file != id);
        self.ws.sources.set_text(id, String::new());
        self.loading[id.0 as usize].clear();
        self.mentions[id.0 as usize] = false;
        self.gone.insert(id);
    }

    fn take_document(&mut self, id: FileId) -> Option<Document> {
        let i = self.document_position(id).ok()?;
        Some(self.ws.documents.remove(i))
    }

    /// Where file `id`'s document is (or would go) in the documents, kept in path order.
    fn document_position(&self, id: FileId) -> Result<usize, usize> {
        let path = self.ws.sources.path(id);
        let found = self.ws.documents.binary_search_by(|d| d.meta.path.as_path().cmp(path));
        match found {
            Ok(i) if self.ws.documents[i].meta.file == id => Ok(i),
            Ok(i) => Err(i),
            Err(i) => Err(i),
        }
    }

    /// Checks what an edit of file `id` affects, in scope; a document without a unit is
    /// checked with the whole repository.
    fn recheck(&mut self, id: FileId) -> Changed {
        let unit = self.unit_of_file(id);
        match unit {
            Some(unit) => {
                self.full_due = true;
                self.check_scoped(&unit, id)
            }
            None => self.check_full(),
        }
    }

    /// The files whose ids an edit of the file at `path` may change: the documents of its
    /// unit, of the unit's ancestors and of its sub-units, and the file itself; `None` when
    /// any file's may (`planbook.yaml`, a document of no unit that is not a page). A path that
    /// is not one of the project's files affects none.
    pub fn affected(&self, path: &Path) -> Option<HashSet<FileId>> {
        let Some(id) = self.file(path) else { return Some(HashSet::new()) };
        if id == self.ws.config_file {
            return None;
        }
        let Some(unit) = self.unit_of_file(id) else {
            let page = matches!(self.document(id).map(|d| &d.content), Some(Content::Page(..)));
            return page.then(|| HashSet::from([id]));
        };
        let (mut units, below) = scope(&self.ws, &unit);
        units.extend(below);
        let mut files: HashSet<FileId> = self
            .ws
            .documents
            .iter()
            .filter(|d| unit_of(d).is_some_and(|u| units.contains(u)))
            .map(|d| d.meta.file)
            .collect();
        files.insert(id);
        Some(files)
    }

    /// The unit of file `id`'s document (or of what could be read of it).
    pub fn unit_of_file(&self, id: FileId) -> Option<String> {
        if let Some(doc) = self.document(id) {
            return unit_of(doc).map(str::to_owned);
        }
        self.ws.broken.iter().find(|b| b.file == id).and_then(|b| b.unit.clone())
    }

    /// The full pass: every rule over the whole repository, as `check` runs them.
    pub fn check_full(&mut self) -> Changed {
        self.check_full_until(&|| false).unwrap_or_default()
    }

    /// The full pass, put aside (`None`, and still due) as soon as `stop` says so: it is asked
    /// before each rule, so that a keystroke waits for one rule at most, not for all of them.
    pub fn check_full_until(&mut self, stop: &dyn Fn() -> bool) -> Option<Changed> {
        if self.reload_due {
            return Some(self.reload());
        }
        let loading: Vec<Diagnostic> = self.loading.iter().flatten().cloned().collect();
        let found = validate::all_until(&self.ws, loading, stop)?;
        self.full_due = false;
        let found = self.accept(found, self.mentions.iter().any(|&m| m));
        let mut by_file: Vec<Vec<Diagnostic>> = vec![Vec::new(); self.diags.len()];
        for d in found {
            if let Some(list) = by_file.get_mut(d.primary.span.file.0 as usize) {
                list.push(d);
            }
        }
        let mut files = Vec::new();
        for (i, list) in by_file.into_iter().enumerate() {
            if self.diags[i] != list {
                self.diags[i] = list;
                files.push(FileId(i as u32));
            }
        }
        Some(Changed { files })
    }

    /// The scoped pass after an edit of file `changed` of `unit`.
    fn check_scoped(&mut self, unit: &str, changed: FileId) -> Changed {
        let (whole, rosters) = scope(&self.ws, unit);
        let in_scope = |doc: &Document| match unit_of(doc) {
            None => true,
            Some(u) => {
                whole.contains(u)
                    || (matches!(doc.content, Content::Roster(_)) && rosters.contains(u))
            }
        };
        // The unit's own files get the pass's findings; the others keep the full pass's.
        let mut owned: HashSet<FileId> = self
            .ws
            .documents
            .iter()
            .filter(|d| unit_of(d) == Some(unit))
            .map(|d| d.meta.file)
            .collect();
        owned.extend(
            self.ws.broken.iter().filter(|b| b.unit.as_deref() == Some(unit)).map(|b| b.file),
        );
        owned.insert(changed);

        let all = std::mem::take(&mut self.ws.documents);
        let mut inside = Vec::new();
        let mut outside = Vec::new();
        let mut places = Vec::with_capacity(all.len());
        for doc in all {
            places.push(in_scope(&doc));
            if in_scope(&doc) {
                inside.push(doc);
            } else {
                outside.push(doc);
            }
        }
        let files: HashSet<FileId> =
            inside.iter().map(|d| d.meta.file).chain(owned.iter().copied()).collect();
        let loading: Vec<Diagnostic> =
            files.iter().flat_map(|id| self.loading[id.0 as usize].iter().cloned()).collect();
        self.ws.documents = inside;
        let found = validate::all(&self.ws, loading);
        // Put the documents back in their order.
        let mut inside = std::mem::take(&mut self.ws.documents).into_iter();
        let mut outside = outside.into_iter();
        self.ws.documents = places
            .into_iter()
            .filter_map(|is_inside| if is_inside { inside.next() } else { outside.next() })
            .collect();

        // Only the unit's own files keep what the pass found, and only their suppression
        // comments can silence it (a comment covers lines of its own file).
        let found: Vec<Diagnostic> =
            found.into_iter().filter(|d| owned.contains(&d.primary.span.file)).collect();
        let mentioned = owned.iter().any(|id| self.mentions.get(id.0 as usize) == Some(&true));
        let found = self.accept(found, mentioned);
        let mut by_file: HashMap<FileId, Vec<Diagnostic>> =
            owned.iter().map(|&id| (id, Vec::new())).collect();
        for d in found {
            if let Some(list) = by_file.get_mut(&d.primary.span.file) {
                list.push(d);
            }
        }
        let mut files = Vec::new();
        for (id, list) in by_file {
            let slot = &mut self.diags[id.0 as usize];
            if *slot != list {
                *slot = list;
                files.push(id);
            }
        }
        files.sort();
        Changed { files }
    }

    /// Takes out what suppression comments and the baseline accept, as `check` does.
    /// `mentioned`: whether a file the findings are kept for may hold suppression comments
    /// (when none does, the comments change nothing and no file is scanned for them).
    fn accept(&self, diags: Vec<Diagnostic>, mentioned: bool) -> Vec<Diagnostic> {
        let kept = if mentioned {
            let levels =
                self.ws.config.rules.iter().map(|(k, v)| (k.value.clone(), v.value)).collect();
            let broken: HashSet<FileId> = self.ws.broken.iter().map(|b| b.file).collect();
            suppress::apply(&self.ws.sources, diags, &levels, &broken).kept
        } else {
            diags
        };
        match &self.baseline {
            Some(baseline) => baseline.apply(kept, &self.ws.sources).kept,
            None => kept,
        }
    }
}

/// The unit a document belongs to (pages belong to none).
pub fn unit_of(doc: &Document) -> Option<&str> {
    match &doc.content {
        Content::Roster(r) => Some(r.unit.value.as_str()),
        Content::Budget(b) => Some(b.unit.value.as_str()),
        Content::Plan(p, _) => Some(p.unit.value.as_str()),
        Content::Review(r, _) => Some(r.unit.value.as_str()),
        Content::Page(..) => None,
    }
}

/// The units whose documents an edit of `unit`'s documents is checked with: `unit` and its
/// ancestors (every document), and its sub-units (rosters only).
fn scope(ws: &Workspace, unit: &str) -> (HashSet<String>, HashSet<String>) {
    let parents: HashMap<&str, &str> = ws
        .config
        .units
        .iter()
        .filter_map(|u| Some((u.id.value.as_str(), u.parent.as_ref()?.value.as_str())))
        .collect();
    let mut whole = HashSet::from([unit.to_owned()]);
    let mut at = unit;
    while let Some(&parent) = parents.get(at) {
        if !whole.insert(parent.to_owned()) {
            break; // a cycle, which `config.unit-cycle` reports
        }
        at = parent;
    }
    let mut below = HashSet::new();
    let mut frontier = vec![unit];
    while let Some(u) = frontier.pop() {
        for (&child, &parent) in &parents {
            if parent == u && below.insert(child.to_owned()) {
                frontier.push(child);
            }
        }
    }
    (whole, below)
}

fn read_baseline(root: &Path) -> Option<Baseline> {
    let text = std::fs::read_to_string(root.join(BASELINE_FILE)).ok()?;
    Baseline::from_json(&text).ok()
}
