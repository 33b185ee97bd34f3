//! Loading: finds the files of a data repository, parses them into span-carrying YAML trees,
//! checks each against its schema and maps it onto the typed model.
//!
//! Takes a root folder, returns a [`Loaded`]: the [`Workspace`] of every document that loaded
//! and a diagnostic for every one that did not. A broken file never stops the others. Only a
//! missing or unreadable root or `planbook.yaml` is an `Err`. Next stage: `validate`.

pub mod cache;
pub mod de;
pub mod front_matter;
pub mod ignore_files;
mod salvage;
pub mod walk;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diag::{Diagnostic, rules, suggest};
use crate::i18n::{Failure, io_error};
use crate::i18n::{Msg, msg};
use crate::model::{
    Body, Broken, Config, Content, DocMeta, Document, Dropped, Kind, PageMeta, SharedText,
    Workspace,
};
use crate::schema;
use crate::source::{FileId, SourceMap, Span};
use crate::yaml;

/// The name of the configuration file that marks a data repository's root.
pub const CONFIG_FILE: &str = "planbook.yaml";

/// Files larger than this are refused with a diagnostic instead of being read.
pub const MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

const BOM: &str = "\u{feff}";

/// The result of loading: the workspace and the problems met on the way.
#[derive(Debug)]
pub struct Loaded {
    /// Everything that loaded.
    pub workspace: Workspace,
    /// Everything that did not, and why.
    pub diagnostics: Vec<Diagnostic>,
}

/// Finds the repository root: `start` or the nearest ancestor that holds `planbook.yaml`.
pub fn find_root(start: &Path) -> anyhow::Result<PathBuf> {
    let shown = start.display().to_string();
    let start = start.canonicalize().map_err(|e| {
        Failure(msg!("error-open-folder", path = shown.clone(), reason = io_error(&e)))
    })?;
    // The nearest folder where something is called `planbook.yaml` (a link or a device too:
    // `load` then says what is wrong with it, rather than a folder further up being used).
    start
        .ancestors()
        .find(|dir| dir.join(CONFIG_FILE).symlink_metadata().is_ok())
        .map(Path::to_path_buf)
        .ok_or_else(|| Failure(msg!("error-no-config", path = start.display().to_string())).into())
}

/// Loads the data repository at `root` (a folder holding `planbook.yaml`) from disk.
///
/// Nothing outside `root` is read: links are not followed (see [`walk`]), and a
/// `planbook.yaml` that is a link to a file outside the repository is refused.
pub fn load(root: &Path) -> anyhow::Result<Loaded> {
    let config_bytes = read_config(root)?;
    let mut start = Start::new(root, config_bytes);
    let found = start.walk(root);
    let read: Vec<(PathBuf, Result<Vec<u8>, ReadError>)> = found
        .files
        .into_par_iter()
        .map(|rel| {
            let result = read_file(&root.join(&rel));
            (rel, result)
        })
        .collect();
    Ok(start.finish(read, None).0)
}

/// A load for `check`: every document and diagnostic, but files unchanged since the last
/// run (by the [`cache`]) were not read, so their text is empty until [`Checked::fill_texts`]
/// reads it, and their Markdown bodies are empty. Rules do not read bodies; rendering does,
/// so the workspace is only lent ([`Checked::workspace`]), never handed over: a handbook is
/// built from [`load`], which reads every file.
#[derive(Debug)]
pub struct Checked {
    workspace: Workspace,
    /// What loading found wrong.
    pub diagnostics: Vec<Diagnostic>,
    /// What the cache saved.
    pub stats: CacheStats,
    unread: Vec<bool>,
}

/// How much work a cached load did.
#[derive(Debug, Clone, Default)]
pub struct CacheStats {
    /// Document files found.
    pub files: usize,
    /// Files read.
    pub read: usize,
    /// Files parsed.
    pub parsed: usize,
    /// Where the cache is kept, when one is used.
    pub path: Option<PathBuf>,
}

impl Checked {
    /// The loaded workspace; bodies of files that were not read are empty.
    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    /// Reads the text of those of `files` that were not read, so that diagnostics pointing
    /// into them can show lines and snippets. A file that cannot be read keeps no text.
    pub fn fill_texts(&mut self, files: impl IntoIterator<Item = FileId>) {
        let mut wanted: Vec<FileId> = files
            .into_iter()
            .filter(|id| self.unread.get(id.0 as usize).copied().unwrap_or(false))
            .collect();
        wanted.sort_unstable();
        wanted.dedup();
        let root = &self.workspace.root;
        let sources = &self.workspace.sources;
        let texts: Vec<(FileId, String)> = wanted
            .par_iter()
            .filter_map(|&id| {
                let bytes = read_file(&root.join(sources.path(id))).ok()?;
                Some((id, decode_utf8(bytes).0))
            })
            .collect();
        for (id, text) in texts {
            self.workspace.sources.set_text(id, text);
            self.unread[id.0 as usize] = false;
        }
    }

    /// Reads every file that was not read and keeps the text of those for which `keep` holds
    /// (suppression comments: files that mention `planbook`); the others' texts are dropped
    /// at once, so memory holds only what is kept. Costs a read of each unread file, no parse.
    pub fn fill_texts_if(&mut self, keep: impl Fn(&str) -> bool + Sync) {
        let root = &self.workspace.root;
        let sources = &self.workspace.sources;
        let unread = &self.unread;
        let texts: Vec<(FileId, String)> = (0..unread.len())
            .into_par_iter()
            .filter(|&i| unread.get(i).copied().unwrap_or(false))
            .filter_map(|i| {
                let id = FileId(u32::try_from(i).ok()?);
                let bytes = read_file(&root.join(sources.path(id))).ok()?;
                let text = decode_utf8(bytes).0;
                keep(&text).then_some((id, text))
            })
            .collect();
        for (id, text) in texts {
            self.workspace.sources.set_text(id, text);
            self.unread[id.0 as usize] = false;
        }
    }
}

impl From<Loaded> for Checked {
    fn from(loaded: Loaded) -> Checked {
        // Every file but `planbook.yaml`, as a cached load counts them.
        let files = loaded.workspace.sources.len().saturating_sub(1);
        Checked {
            workspace: loaded.workspace,
            diagnostics: loaded.diagnostics,
            stats: CacheStats { files, read: files, parsed: files, path: None },
            unread: Vec::new(),
        }
    }
}

/// What loading one file produced, in a cached load.
struct FileLoad {
    /// Whether the file was read.
    read: bool,
    /// The text, kept only when it could not be decoded: every other text is read again by
    /// [`Checked::fill_texts`] if a diagnostic shows a line of it, so that a check does not hold
    /// the whole repository in memory.
    text: Option<std::sync::Arc<str>>,
    problem: Option<ReadError>,
    doc: Option<Document>,
    diags: Vec<Diagnostic>,
    /// What could be read of it, when it did not load whole.
    broken: Option<Broken>,
    /// What the next cache keeps for it.
    entry: Option<cache::Entry>,
    parsed: bool,
    /// Whether the cache must be written again for it.
    dirty: bool,
}

/// Loads the data repository at `root` for `check`: with `use_cache`, files whose size, times
/// and inode match the [`cache`] are neither read nor parsed, and files whose content hash
/// matches are not parsed; the cache is then brought up to date. See [`Checked`].
pub fn load_for_check(root: &Path, use_cache: bool) -> anyhow::Result<Checked> {
    cached_load(root, use_cache, Reading::Changed, None)
}

/// Loads the data repository at `root` as [`load`] does, every file read and every Markdown
/// body kept (what a handbook needs), but with `use_cache` a file whose content hash matches
/// the [`cache`] is not parsed again; the cache is then brought up to date.
pub fn load_cached(root: &Path, use_cache: bool) -> anyhow::Result<Loaded> {
    load_cached_with(root, use_cache, None)
}

/// [`load_cached`] with `planbook.yaml`'s text given instead of read from disk (an editor's
/// unsaved buffer); the documents are read from disk.
pub fn load_cached_with(
    root: &Path,
    use_cache: bool,
    config: Option<Vec<u8>>,
) -> anyhow::Result<Loaded> {
    let checked = cached_load(root, use_cache, Reading::Every, config)?;
    Ok(Loaded { workspace: checked.workspace, diagnostics: checked.diagnostics })
}

/// Which files a cached load reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// Only those whose stamp changed; texts and bodies are not kept (`check`).
    Changed,
    /// Every file, keeping texts and bodies (`build`, `serve`).
    Every,
}

fn cached_load(
    root: &Path,
    use_cache: bool,
    reading: Reading,
    config: Option<Vec<u8>>,
) -> anyhow::Result<Checked> {
    let started = cache::now();

    let config_bytes = match config {
        Some(bytes) => bytes,
        None => read_config(root)?,
    };
    let cache = if use_cache { cache::Cache::open(root, &config_bytes) } else { None };
    let mut start = Start::new(root, config_bytes);
    let mut found = start.walk(root);
    found.files.sort();
    let first = start.sources.len();
    let results: Vec<FileLoad> = found
        .files
        .par_iter()
        .enumerate()
        .map(|(i, rel)| {
            let id = FileId(u32::try_from(first + i).unwrap_or(u32::MAX));
            load_one(root, rel, id, cache.as_ref(), reading)
        })
        .collect();
    let mut stats = CacheStats {
        files: found.files.len(),
        path: cache.as_ref().map(|c| c.path().to_path_buf()),
        ..CacheStats::default()
    };
    let mut unread = vec![false; first];
    let mut documents = Vec::with_capacity(results.len());
    let mut broken = std::mem::take(&mut start.broken);
    let mut entries = Vec::with_capacity(results.len());
    let mut dirty = cache.as_ref().is_some_and(|c| !c.was_valid());
    for (rel, result) in found.files.iter().zip(results) {
        let was_read = result.read;
        let id = match result.text {
            Some(text) => start.sources.add_shared(rel.clone(), text),
            None => start.sources.add(rel.clone(), String::new()),
        };
        unread.push(start.sources.get(id).text.is_empty());
        if let Some(problem) = result.problem {
            let diag = problem.diagnostic(id, &start.sources);
            broken.push(unreadable(id, rel, &start.sources.get(id).text, diag.primary.span));
            start.diagnostics.push(diag);
        }
        documents.extend(result.doc);
        broken.extend(result.broken);
        start.diagnostics.extend(result.diags);
        stats.read += usize::from(was_read);
        stats.parsed += usize::from(result.parsed);
        dirty |= result.dirty;
        if let Some(entry) = result.entry {
            entries.push((rel.as_path(), entry));
        }
    }
    broken.sort_by(|a, b| a.path.cmp(&b.path));
    if let Some(cache) = &cache
        && (dirty || entries.len() != cache.len())
    {
        cache.save(&entries, started);
    }
    let workspace = Workspace {
        root: start.root,
        config: start.config,
        config_file: start.config_file,
        sources: start.sources,
        documents,
        broken,
    };
    Ok(Checked { workspace, diagnostics: start.diagnostics, stats, unread })
}

/// Loads one file of a cached load: from the cache without reading it when its stamp matches,
/// from the cache after reading it when its hash matches, else parsed.
fn load_one(
    root: &Path,
    rel: &Path,
    id: FileId,
    cache: Option<&cache::Cache>,
    reading: Reading,
) -> FileLoad {
    let path = root.join(rel);
    let old = cache.and_then(|c| Some((c, c.get(rel)?)));
    let stamp = std::fs::symlink_metadata(&path).ok().map(|m| cache::Stamp::of(&m));
    let mut load = FileLoad {
        read: false,
        text: None,
        problem: None,
        doc: None,
        diags: Vec::new(),
        broken: None,
        entry: None,
        parsed: false,
        dirty: false,
    };
    if let (Some((cache, entry)), Some(stamp)) = (old, stamp)
        && reading == Reading::Changed
        && cache.is_fresh(entry, stamp)
        && let Some(hit) = cache.decode(entry, id, rel, None)
    {
        let (doc, diags, broken) = (hit.doc, hit.diags, hit.broken);
        return FileLoad { doc, diags, broken, entry: Some(entry.keep(stamp)), ..load };
    }
    let bytes = match read_file(&path) {
        Ok(bytes) => bytes,
        Err(e) => {
            return FileLoad { text: Some("".into()), problem: Some(e), ..load };
        }
    };
    load.read = true;
    let hash = cache::hash(&bytes);
    let (text, problem) = decode_utf8(bytes);
    let text: std::sync::Arc<str> = text.into();
    if problem.is_some() {
        return FileLoad { text: Some(text), problem, ..load };
    }
    let keep = (reading == Reading::Every).then_some(&text);
    if let (Some((cache, entry)), Some(stamp)) = (old, stamp)
        && entry.has_hash(hash)
        && let Some(hit) = cache.decode(entry, id, rel, keep)
    {
        // A new stamp, or one too close to the last write, is worth writing down again.
        let dirty = !cache.is_fresh(entry, stamp);
        let text = keep.cloned();
        let (doc, diags, broken) = (hit.doc, hit.diags, hit.broken);
        let entry = Some(entry.keep(stamp));
        return FileLoad { text, doc, diags, broken, entry, dirty, ..load };
    }
    let Parsed { doc, diags, broken } = parse_full(id, rel, &text);
    // `check` reads no Markdown body, and a cached document has none: drop this one's too, so
    // that the text can go.
    let doc = if reading == Reading::Every { doc } else { doc.map(Document::without_body) };
    let entry = match (cache, stamp) {
        (Some(_), Some(stamp)) => {
            cache::Entry::new(stamp, hash, id, doc.as_ref(), &diags, broken.as_ref())
        }
        _ => None,
    };
    let text = (reading == Reading::Every).then_some(text);
    FileLoad { text, doc, diags, broken, entry, parsed: true, dirty: true, ..load }
}

/// Loads a data repository whose files are already in memory: a git revision or the index.
///
/// `files` are paths relative to the repository root with their contents; the same filters
/// as on disk apply (document extensions, no hidden paths, `exclude`).
pub fn load_files(root: &Path, config: Vec<u8>, files: Vec<(PathBuf, Vec<u8>)>) -> Loaded {
    load_files_with(root, config, files, None).0
}

/// [`load_files`] for `check --staged` and `--rev`: a file whose content hash matches the work
/// tree's parse [`cache`] (same path, same `planbook.yaml`) is not parsed. The cache is only
/// read: these files have no stamps to record.
pub fn load_files_cached(root: &Path, config: Vec<u8>, files: Vec<(PathBuf, Vec<u8>)>) -> Checked {
    let cache = cache::Cache::open(root, &config);
    let (loaded, parsed) = load_files_with(root, config, files, cache.as_ref());
    let mut checked = Checked::from(loaded);
    checked.stats.parsed = parsed;
    checked.stats.path = cache.map(|c| c.path().to_path_buf());
    checked
}

/// [`load_files`], parsing only files the cache does not hold; returns how many were parsed.
fn load_files_with(
    root: &Path,
    config: Vec<u8>,
    files: Vec<(PathBuf, Vec<u8>)>,
    cache: Option<&cache::Cache>,
) -> (Loaded, usize) {
    let start = Start::new(root, config);
    let read = files
        .into_iter()
        .filter(|(rel, _)| walk::is_candidate(rel) && !start.exclude.is_match(rel))
        .map(|(rel, bytes)| {
            let result = if bytes.len() as u64 > MAX_FILE_SIZE {
                Err(ReadError::TooLarge(bytes.len() as u64))
            } else {
                Ok(bytes)
            };
            (rel, result)
        })
        .collect();
    start.finish(read, cache)
}

/// A load under way: the configuration is read, the documents are next.
struct Start {
    root: PathBuf,
    sources: SourceMap,
    diagnostics: Vec<Diagnostic>,
    config: Config,
    config_file: FileId,
    exclude: globset::GlobSet,
    /// What did not load whole, so far (`planbook.yaml`, files that could not be read).
    broken: Vec<Broken>,
}

impl Start {
    /// Lists the repository's document files, with a diagnostic for each path that could not
    /// be listed and each link that leads outside the repository.
    fn walk(&mut self, root: &Path) -> walk::Found {
        let mut found = walk::walk(root, &self.exclude);
        for (rel, message) in std::mem::take(&mut found.errors) {
            let id = self.sources.add(rel, String::new());
            self.diagnostics.push(ReadError::Io(message).diagnostic(id, &self.sources));
        }
        for outside in std::mem::take(&mut found.outside) {
            let id = self.sources.add(outside.link, String::new());
            self.diagnostics.push(link_outside(id, outside.folder));
        }
        found
    }

    fn new(root: &Path, config_bytes: Vec<u8>) -> Start {
        let mut sources = SourceMap::default();
        let mut diagnostics = Vec::new();
        let mut broken = Vec::new();
        let (config_file, config) = load_config(
            &mut sources,
            &mut diagnostics,
            &mut broken,
            config_bytes,
            fallback_name(root),
        );
        let patterns: Vec<&str> = config.exclude.iter().map(|p| p.value.as_str()).collect();
        let (exclude, bad) = walk::globs(&patterns);
        for (i, reason) in bad {
            diagnostics.push(Diagnostic::new(
                &rules::CONFIG_BAD_GLOB,
                msg!("load-bad-glob", reason = reason),
                config.exclude[i].span,
            ));
        }
        Start {
            root: root.to_path_buf(),
            sources,
            diagnostics,
            config,
            config_file,
            exclude,
            broken,
        }
    }

    fn finish(
        mut self,
        mut read: Vec<(PathBuf, Result<Vec<u8>, ReadError>)>,
        cache: Option<&cache::Cache>,
    ) -> (Loaded, usize) {
        read.sort_by(|a, b| a.0.cmp(&b.0));
        let mut texts = Vec::with_capacity(read.len());
        for (rel, result) in read {
            let (text, problem) = match result {
                Ok(bytes) => decode_utf8(bytes),
                Err(e) => (String::new(), Some(e)),
            };
            let id = self.sources.add(rel, text);
            match problem {
                Some(problem) => {
                    let diag = problem.diagnostic(id, &self.sources);
                    let file = self.sources.get(id);
                    self.broken.push(unreadable(id, &file.path, &file.text, diag.primary.span));
                    self.diagnostics.push(diag);
                }
                None => texts.push(id),
            }
        }
        let sources = &self.sources;
        let results: Vec<(Parsed, bool)> = texts
            .par_iter()
            .map(|&id| {
                let file = sources.get(id);
                if let Some(cache) = cache
                    && let Some(entry) = cache.get(&file.path)
                    && entry.has_hash(cache::hash(file.text.as_bytes()))
                    && let Some(hit) = cache.decode(entry, id, &file.path, Some(&file.text))
                {
                    return (hit, false);
                }
                (parse_full(id, &file.path, &file.text), true)
            })
            .collect();
        let mut documents = Vec::with_capacity(results.len());
        let mut parsed = 0;
        for (result, was_parsed) in results {
            documents.extend(result.doc);
            self.diagnostics.extend(result.diags);
            self.broken.extend(result.broken);
            parsed += usize::from(was_parsed);
        }
        self.broken.sort_by(|a, b| a.path.cmp(&b.path));
        let workspace = Workspace {
            root: self.root,
            config: self.config,
            config_file: self.config_file,
            sources: self.sources,
            documents,
            broken: self.broken,
        };
        (Loaded { workspace, diagnostics: self.diagnostics }, parsed)
    }
}

fn fallback_name(root: &Path) -> String {
    root.file_name().map_or_else(|| "planbook".into(), |n| n.to_string_lossy().into_owned())
}

/// Loads `planbook.yaml`; on failure reports why and carries on with defaults.
fn load_config(
    sources: &mut SourceMap,
    diagnostics: &mut Vec<Diagnostic>,
    broken: &mut Vec<Broken>,
    bytes: Vec<u8>,
    fallback: String,
) -> (FileId, Config) {
    let (text, problem) = decode_utf8(bytes);
    let id = sources.add(PathBuf::from(CONFIG_FILE), text);
    let default = || Config {
        name: fallback.clone(),
        locale: Default::default(),
        currency: crate::model::config::Currency("CNY".into()),
        fiscal_year_start: 1,
        max_management_levels: 3,
        units: Vec::new(),
        kpis: Vec::new(),
        tables: Vec::new(),
        categories: Default::default(),
        post_classes: Default::default(),
        rules: Default::default(),
        exclude: Vec::new(),
        publish: Default::default(),
    };
    let path = PathBuf::from(CONFIG_FILE);
    let whole = |first: Span| Broken {
        file: id,
        path: path.clone(),
        kind: Some(Kind::Config),
        unit: None,
        period: None,
        partial: false,
        dropped: Vec::new(),
        trimmed: Vec::new(),
        first_error: first,
    };
    if let Some(problem) = problem {
        let diag = problem.diagnostic(id, sources);
        broken.push(whole(diag.primary.span));
        diagnostics.push(diag);
        return (id, default());
    }
    let text = &sources.get(id).text;
    let base = if text.starts_with(BOM) { BOM.len() } else { 0 };
    let node = match yaml::parse(id, &text[base..], base) {
        Ok(node) => node,
        Err(e) => {
            let diag = yaml_diagnostic(*e);
            broken.push(whole(diag.primary.span));
            diagnostics.push(diag);
            return (id, default());
        }
    };
    let typed = typed::<Config>(Kind::Config, &node, id);
    let first = salvage::first(typed.diags.iter().map(|d| d.primary.span), Span::file_start(id));
    diagnostics.extend(typed.diags);
    if typed.salvaged || typed.value.is_none() {
        broken.push(Broken {
            partial: typed.value.is_some(),
            dropped: typed.dropped,
            trimmed: typed.trimmed,
            ..whole(first)
        });
    }
    (id, typed.value.unwrap_or_else(default))
}

/// Parses one document from text already in memory (a working-tree file, or a blob from git).
///
/// Returns the document, if it loaded, and every problem found in it.
pub fn parse_document(
    file: FileId,
    path: &Path,
    text: &str,
) -> (Option<Document>, Vec<Diagnostic>) {
    parse_shared(file, path, &std::sync::Arc::from(text))
}

/// [`parse_document`] for text that is already shared: a Markdown body points into `text`
/// instead of copying it.
pub fn parse_shared(
    file: FileId,
    path: &Path,
    text: &std::sync::Arc<str>,
) -> (Option<Document>, Vec<Diagnostic>) {
    let parsed = parse_full(file, path, text);
    (parsed.doc, parsed.diags)
}

/// The text of the document file at `path` (read as every document is: no link followed, no
/// device opened, size checked), when it can be read and is UTF-8; `None` otherwise, when a
/// whole [`load`] is what reports why.
pub fn read_text(path: &Path) -> Option<String> {
    match decode_utf8(read_file(path).ok()?) {
        (text, None) => Some(text),
        (_, Some(_)) => None,
    }
}

/// Whether `rel` (relative to the root) is a document file of a repository configured by
/// `config`: a YAML or Markdown file outside hidden folders, not `planbook.yaml`, not excluded.
pub fn is_document_path(config: &Config, rel: &Path) -> bool {
    let patterns: Vec<&str> = config.exclude.iter().map(|p| p.value.as_str()).collect();
    walk::is_candidate(rel) && !walk::globs(&patterns).0.is_match(rel)
}

/// What parsing one file produced: its document (whole, or the sound part of it), its
/// problems, and, when it did not load whole, what could be read of it.
#[derive(Debug)]
pub struct Parsed {
    /// The document, or what is sound of it.
    pub doc: Option<Document>,
    /// Every problem found in it.
    pub diags: Vec<Diagnostic>,
    /// Set when the document did not load whole.
    pub broken: Option<Broken>,
}

/// [`parse_shared`], also saying what could be read of a document that did not load whole.
pub fn parse_full(file: FileId, path: &Path, text: &std::sync::Arc<str>) -> Parsed {
    let mut decoded = decode_file(file, path, text);
    let broken = (decoded.salvaged || decoded.content.is_none()).then(|| {
        let identity = decoded
            .identity
            .take()
            .unwrap_or_default()
            .or(salvage::Identity::of_text(text))
            .or(salvage::Identity::of_path(path));
        let spans = decoded.diags.iter().map(|d| d.primary.span);
        Broken {
            partial: decoded.content.is_some(),
            dropped: std::mem::take(&mut decoded.dropped),
            trimmed: std::mem::take(&mut decoded.trimmed),
            ..whole(file, path, identity, salvage::first(spans, Span::file_start(file)))
        }
    });
    let doc = decoded.content.map(|content| Document {
        meta: DocMeta { file, path: path.to_path_buf(), span: decoded.span },
        content,
    });
    Parsed { doc, diags: decoded.diags, broken }
}

/// What could be read of a file that could not be read or decoded: its identity from the
/// text decoded so far and its name.
fn unreadable(file: FileId, path: &Path, text: &str, first_error: Span) -> Broken {
    let identity = salvage::Identity::of_text(text).or(salvage::Identity::of_path(path));
    whole(file, path, identity, first_error)
}

/// A document of which nothing loaded, with what could be read of its identity.
fn whole(file: FileId, path: &Path, identity: salvage::Identity, first_error: Span) -> Broken {
    Broken {
        file,
        path: path.to_path_buf(),
        kind: identity.kind,
        unit: identity.unit,
        period: identity.period,
        partial: false,
        dropped: Vec::new(),
        trimmed: Vec::new(),
        first_error,
    }
}

/// One file decoded: its content (if any), where its YAML is, its problems, and the salvage.
struct Decoded {
    content: Option<Content>,
    span: Span,
    diags: Vec<Diagnostic>,
    /// Identity read from the tree, when it parsed.
    identity: Option<salvage::Identity>,
    /// Whether unknown fields or items in error were left out.
    salvaged: bool,
    dropped: Vec<Dropped>,
    trimmed: Vec<Span>,
}

impl Decoded {
    fn whole(content: Option<Content>, span: Span, diags: Vec<Diagnostic>) -> Decoded {
        let (dropped, trimmed) = (Vec::new(), Vec::new());
        Decoded { content, span, diags, identity: None, salvaged: false, dropped, trimmed }
    }
}

fn decode_file(file: FileId, path: &Path, text: &std::sync::Arc<str>) -> Decoded {
    let shared = |t: &std::sync::Arc<str>| t.clone();
    let base = if text.starts_with(BOM) { BOM.len() } else { 0 };
    let markdown = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
    if !markdown {
        let span = Span::new(file, base, text.len());
        return decode(file, &text[base..], base, None, span);
    }
    let (yaml_range, body_start) = match front_matter::split(text, base) {
        front_matter::Split::None => {
            let body = Body { offset: base, text: SharedText::new(shared(text), base..text.len()) };
            let content = Content::Page(Box::default(), body);
            return Decoded::whole(Some(content), Span::new(file, base, base), Vec::new());
        }
        front_matter::Split::Unclosed { open } => {
            let diag = Diagnostic::new(
                &rules::FRONT_MATTER_UNCLOSED,
                msg!("load-front-matter-unclosed"),
                Span::new(file, open.start, open.end),
            )
            .note(msg!("load-front-matter-opens"))
            .help(msg!("load-front-matter-close"));
            return Decoded::whole(None, Span::file_start(file), vec![diag]);
        }
        front_matter::Split::Some { yaml, body } => (yaml, body),
    };
    let body =
        Body { offset: body_start, text: SharedText::new(shared(text), body_start..text.len()) };
    let span = Span::new(file, yaml_range.start, yaml_range.end);
    decode(file, &text[yaml_range.clone()], yaml_range.start, Some(body), span)
}

/// YAML text (a whole file, or front matter with its `body`) → typed content, or the sound
/// part of it.
fn decode(file: FileId, yaml_text: &str, base: usize, body: Option<Body>, span: Span) -> Decoded {
    let node = match yaml::parse(file, yaml_text, base) {
        Ok(node) => node,
        Err(e) => return Decoded::whole(None, span, vec![yaml_diagnostic(*e)]),
    };
    let is_markdown = body.is_some();
    let fail = |diag: Diagnostic| Decoded::whole(None, span, vec![diag]);
    match &node.value {
        yaml::Value::Null if is_markdown => {
            let content = Content::Page(Box::default(), body.unwrap_or_else(empty_body));
            return Decoded::whole(Some(content), span, Vec::new());
        }
        yaml::Value::Null => {
            return fail(
                Diagnostic::new(
                    &rules::DOCUMENT_EMPTY,
                    msg!("load-empty"),
                    Span::new(file, base, base),
                )
                .help(msg!("load-empty-help")),
            );
        }
        yaml::Value::Map(_) => {}
        _ => {
            return fail(
                Diagnostic::new(
                    &rules::DOCUMENT_NOT_MAPPING,
                    msg!("load-not-mapping", found = node.type_name()),
                    node.span,
                )
                .help(msg!("load-not-mapping-help")),
            );
        }
    }
    let identity = Some(salvage::Identity::of_tree(&node));
    let kind = match document_kind(&node, is_markdown) {
        Ok(kind) => kind,
        Err(diag) => return Decoded { identity, ..fail(*diag) },
    };
    let body = body.unwrap_or_else(empty_body);
    let (content, diags, salvaged, dropped, trimmed) = match kind {
        Kind::Roster => typed(kind, &node, file).map(|r| Content::Roster(Box::new(r))),
        Kind::Budget => typed(kind, &node, file).map(|b| Content::Budget(Box::new(b))),
        Kind::Plan => typed(kind, &node, file).map(|p| Content::Plan(Box::new(p), body)),
        Kind::Review => typed(kind, &node, file).map(|r| Content::Review(Box::new(r), body)),
        Kind::Page | Kind::Config => {
            typed::<PageMeta>(Kind::Page, &node, file).map(|p| Content::Page(Box::new(p), body))
        }
    }
    .parts();
    Decoded { content, span, diags, identity, salvaged, dropped, trimmed }
}

fn empty_body() -> Body {
    Body { offset: 0, text: SharedText::empty() }
}

/// Reads `kind:`; Markdown without it is a free page.
fn document_kind(node: &yaml::Node, is_markdown: bool) -> Result<Kind, Box<Diagnostic>> {
    let Some(value) = node.get("kind") else {
        if is_markdown {
            return Ok(Kind::Page);
        }
        let keys: Vec<&yaml::Node> = match &node.value {
            yaml::Value::Map(entries) => entries.iter().map(|(k, _)| k).collect(),
            _ => Vec::new(),
        };
        let typo = keys.iter().find(|k| {
            let text = k.key_text();
            text != "kind" && strsim::damerau_levenshtein(&text, "kind") <= 2 && text.len() >= 3
        });
        let diag = match typo {
            Some(key) => Diagnostic::new(
                &rules::DOCUMENT_MISSING_KIND,
                msg!("load-no-kind-found", key = key.key_text()),
                key.span,
            )
            .help(msg!("suggest-did-you-mean", best = "kind")),
            None => Diagnostic::new(&rules::DOCUMENT_MISSING_KIND, msg!("load-no-kind"), node.span)
                .help(msg!("load-add-kind", items = kind_list())),
        };
        return Err(Box::new(diag));
    };
    let name = value.as_str().map(str::to_string).unwrap_or_else(|| value.key_text().into_owned());
    Kind::from_name(&name).ok_or_else(|| {
        let names = Kind::DOCUMENTS.map(Kind::name);
        let diag = Diagnostic::new(
            &rules::DOCUMENT_UNKNOWN_KIND,
            msg!("load-unknown-kind", name = &name),
            value.span,
        );
        Box::new(diag.help_if(suggest::hint(&name, names.into_iter(), Some("suggest-kinds-are"))))
    })
}

fn kind_list() -> Msg {
    suggest::one_of(&Kind::DOCUMENTS.map(Kind::name))
}

/// A document checked against its schema and mapped onto `T`: whole, or the sound part of it
/// (see [`salvage`]), or nothing; with every problem the schema found.
struct Typed<T> {
    value: Option<T>,
    diags: Vec<Diagnostic>,
    /// Whether unknown fields or items in error were left out.
    salvaged: bool,
    dropped: Vec<Dropped>,
    trimmed: Vec<Span>,
}

impl<T> Typed<T> {
    fn nothing(diags: Vec<Diagnostic>) -> Typed<T> {
        Typed { value: None, diags, salvaged: false, dropped: Vec::new(), trimmed: Vec::new() }
    }

    fn map<U>(self, f: impl FnOnce(T) -> U) -> Typed<U> {
        let Typed { value, diags, salvaged, dropped, trimmed } = self;
        Typed { value: value.map(f), diags, salvaged, dropped, trimmed }
    }

    fn parts(self) -> (Option<T>, Vec<Diagnostic>, bool, Vec<Dropped>, Vec<Span>) {
        (self.value, self.diags, self.salvaged, self.dropped, self.trimmed)
    }
}

/// Checks `node` against `kind`'s schema, then maps it onto `T`. When the schema finds
/// problems, the diagnostics are kept as they are and what is sound of the tree is loaded.
fn typed<T: serde::de::DeserializeOwned>(kind: Kind, node: &yaml::Node, file: FileId) -> Typed<T> {
    let diags = schema::check::check(kind, node);
    if diags.is_empty() {
        return match de::from_node::<T>(node) {
            Ok(value) => Typed { value: Some(value), ..Typed::nothing(diags) },
            Err(e) => {
                let diag = Diagnostic::new(
                    &rules::SCHEMA_INVALID,
                    de::explain(&e, node),
                    e.span.unwrap_or(Span::file_start(file)),
                );
                Typed::nothing(vec![diag])
            }
        };
    }
    let locations = schema::check::locations(kind, node);
    let kept = salvage::salvage(node, &locations)
        .filter(|kept| schema::check::locations(kind, &kept.node).is_empty())
        .and_then(|kept| Some((de::from_node::<T>(&kept.node).ok()?, kept.dropped, kept.trimmed)));
    match kept {
        Some((value, dropped, trimmed)) => {
            Typed { value: Some(value), diags, salvaged: true, dropped, trimmed }
        }
        None => Typed::nothing(diags),
    }
}

fn yaml_diagnostic(error: yaml::Error) -> Diagnostic {
    use crate::diag::{Applicability, Edit, Fix};
    let rule = match error.kind {
        yaml::ErrorKind::Syntax => &rules::YAML_SYNTAX,
        yaml::ErrorKind::DuplicateKey => &rules::YAML_DUPLICATE_KEY,
        yaml::ErrorKind::Limit => &rules::YAML_LIMIT,
    };
    let mut diag = Diagnostic::new(rule, error.message, error.span);
    if let Some((span, note)) = error.related {
        diag = diag.related(span, note);
    }
    for fix in error.fixes {
        let applicability = if fix.safe { Applicability::Safe } else { Applicability::Unsafe };
        let edits = fix.edits.into_iter().map(|(span, text)| Edit { span, text }).collect();
        diag = diag.fix(Fix { title: fix.title, applicability, edits });
    }
    diag.help_if(error.help)
}

/// Why a file's bytes could not be used.
#[derive(Debug)]
enum ReadError {
    /// Why, in words: the operating system's, or the walk's.
    Io(Msg),
    TooLarge(u64),
    Encoding {
        offset: usize,
    },
}

impl ReadError {
    fn diagnostic(self, file: FileId, sources: &SourceMap) -> Diagnostic {
        let start = Span::file_start(file);
        match self {
            ReadError::Io(reason) => {
                Diagnostic::new(&rules::FILE_READ, msg!("load-read-failed", reason = reason), start)
            }
            ReadError::TooLarge(size) => Diagnostic::new(
                &rules::FILE_TOO_LARGE,
                msg!(
                    "load-too-large",
                    size = size.div_ceil(1024 * 1024),
                    max = MAX_FILE_SIZE / (1024 * 1024)
                ),
                start,
            )
            .help(msg!("load-too-large-help")),
            ReadError::Encoding { offset } => {
                let text = &sources.get(file).text;
                let end = text[offset..].chars().next().map_or(offset, |c| offset + c.len_utf8());
                Diagnostic::new(
                    &rules::FILE_ENCODING,
                    msg!("load-not-utf8"),
                    Span::new(file, offset, end),
                )
                .note(msg!("load-invalid-bytes"))
                .help(msg!("load-save-as-utf8"))
            }
        }
    }
}

/// The warning for a link the walk did not follow because it leads outside the repository.
fn link_outside(file: FileId, folder: bool) -> Diagnostic {
    let message =
        if folder { msg!("load-link-outside-folder") } else { msg!("load-link-outside-file") };
    Diagnostic::new(&rules::FILE_LINK_OUTSIDE, message, Span::file_start(file))
        .help(msg!("load-link-outside-help"))
}

/// Reads `<root>/planbook.yaml`, refusing a link that leads outside the repository.
fn read_config(root: &Path) -> anyhow::Result<Vec<u8>> {
    let path = root.join(CONFIG_FILE);
    let shown = path.display().to_string();
    let failed = |e: std::io::Error| {
        Failure(msg!("error-read-config-because", path = shown.clone(), reason = io_error(&e)))
    };
    let real_root = root.canonicalize().map_err(failed)?;
    let target = path.canonicalize().map_err(failed)?;
    if !target.starts_with(&real_root) {
        let root = real_root.display().to_string();
        return Err(Failure(msg!("error-config-outside", path = shown.clone(), root = root)).into());
    }
    read_file(&target).map_err(|e| {
        let reason = match e {
            ReadError::Io(reason) => reason,
            ReadError::TooLarge(size) => msg!("error-config-too-large", size = size),
            ReadError::Encoding { .. } => msg!("load-not-utf8"),
        };
        anyhow::Error::new(Failure(msg!(
            "error-read-config-because",
            path = shown.clone(),
            reason = reason
        )))
    })
}

/// Reads a regular file that is not a link, with at most [`MAX_FILE_SIZE`] bytes.
///
/// The walk only hands over regular files, but one may be swapped for a link or a pipe before
/// it is read; so the file is opened without following links or waiting for a writer, and its
/// type is checked on the open handle.
fn read_file(path: &Path) -> Result<Vec<u8>, ReadError> {
    use std::io::Read;
    let io = |e: std::io::Error| ReadError::Io(crate::i18n::io_error(&e));
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(
        &mut options,
        libc::O_NOFOLLOW | libc::O_NONBLOCK,
    );
    let file = options.open(path).map_err(io)?;
    let metadata = file.metadata().map_err(io)?;
    if !metadata.is_file() {
        return Err(ReadError::Io(msg!("load-not-a-file")));
    }
    if metadata.len() > MAX_FILE_SIZE {
        return Err(ReadError::TooLarge(metadata.len()));
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    file.take(MAX_FILE_SIZE + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

fn decode_utf8(bytes: Vec<u8>) -> (String, Option<ReadError>) {
    match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            (text, Some(ReadError::Encoding { offset }))
        }
    }
}
