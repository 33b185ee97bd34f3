//! The parse cache: what loading produced for each file (its typed document with every span,
//! and its diagnostics), kept between runs so that `check` neither reads nor parses a file
//! that has not changed. Like git's index, it has two tiers:
//!
//! 1. per path, the file's size, modification and change times (nanoseconds) and inode: when
//!    they match, the file is not read at all, unless its modification time is within a
//!    second of the run that wrote the cache ("racy": an edit in the same clock tick could
//!    leave them unchanged), which is then read and compared by content;
//! 2. otherwise the file is read and hashed (xxh3-128): when the hash matches, it is not
//!    parsed.
//!
//! One file per data repository, `parse-cache`, in `<git dir>/planbook/` (next to the history
//! cache) when the repository is in git, else in `$XDG_CACHE_HOME/planbook/<root hash>/`
//! (`~/.cache/...`); `PLANBOOK_CACHE_DIR` puts it in `<that folder>/<root hash>/`. It is never
//! written into the data repository's work tree (outside a hidden folder).
//!
//! The header carries a magic, the format and a key (planbook's version, the size and time of
//! the running binary, the canonical root and a hash of `planbook.yaml`); the file ends with a
//! checksum of all before it: any mismatch and the whole cache is ignored and rebuilt. The
//! hidden environment variable `PLANBOOK_CACHE_SALT` is added to the key, so tests can play a
//! different planbook version. The cache is written to a temporary file and renamed over the
//! old one, so two runs at once never see a torn file; a failure to write only means no cache.

use crate::i18n::Msg;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::{Xxh3, xxh3_64, xxh3_128};

use crate::diag::{Applicability, Diagnostic, Edit, Fix, Label, Severity, rules};
use crate::model::{
    Body, Broken, Budget, Content, DocMeta, Document, Dropped, Kind, PageMeta, Plan, Review,
    Roster, SharedText,
};
use crate::source::{self, FileId, Span};

const MAGIC: &[u8; 8] = b"PBPARSE\0";
// 3: loading diagnostics are catalogue messages, not English text.
// 5: what could be read of a document that did not load whole (`Broken`).
const FORMAT: u32 = 5;
const FILE_NAME: &str = "parse-cache";
/// The environment variable that chooses the cache's folder.
pub const DIR_ENV: &str = "PLANBOOK_CACHE_DIR";
/// A hidden test hook: its value is part of the cache key, as planbook's version is.
const SALT_ENV: &str = "PLANBOOK_CACHE_SALT";
/// How close to the cache's writing a modification must be to need a check by content.
const RACY_NS: i64 = 1_000_000_000;

/// What the file system says about a file; when it matches the cache's, the file is not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Stamp {
    size: u64,
    mtime: i64,
    ctime: i64,
    ino: u64,
}

impl Stamp {
    /// The stamp of a file's metadata.
    pub fn of(meta: &std::fs::Metadata) -> Stamp {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let ns = |s: i64, n: i64| s.saturating_mul(1_000_000_000).saturating_add(n);
            Stamp {
                size: meta.len(),
                mtime: ns(meta.mtime(), meta.mtime_nsec()),
                ctime: ns(meta.ctime(), meta.ctime_nsec()),
                ino: meta.ino(),
            }
        }
        #[cfg(not(unix))]
        {
            let mtime = meta.modified().map_or(0, nanos);
            Stamp { size: meta.len(), mtime, ctime: 0, ino: 0 }
        }
    }
}

/// Nanoseconds since the epoch.
fn nanos(t: SystemTime) -> i64 {
    t.duration_since(UNIX_EPOCH).map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
}

/// Now, in nanoseconds since the epoch: taken before the files are looked at.
pub fn now() -> i64 {
    nanos(SystemTime::now())
}

/// The content hash of a file's bytes.
pub fn hash(bytes: &[u8]) -> u128 {
    xxh3_128(bytes)
}

/// One file's entry: its stamp and hash, and what loading it produced (encoded).
#[derive(Debug)]
pub struct Entry {
    stamp: Stamp,
    hash: u128,
    data: Data,
}

#[derive(Debug, Clone)]
enum Data {
    /// A range of the cache file that was read.
    Old(std::ops::Range<usize>),
    /// Encoded in this run.
    New(Vec<u8>),
}

impl Entry {
    /// The same content under a new stamp.
    pub fn keep(&self, stamp: Stamp) -> Entry {
        Entry { stamp, hash: self.hash, data: self.data.clone() }
    }

    /// Whether the file's content hash is `hash`.
    pub fn has_hash(&self, hash: u128) -> bool {
        self.hash == hash
    }

    /// The entry for a file just parsed; `None` when its results cannot be cached (a
    /// diagnostic points into another file, or encoding failed).
    pub fn new(
        stamp: Stamp,
        hash: u128,
        file: FileId,
        doc: Option<&Document>,
        diags: &[Diagnostic],
        broken: Option<&Broken>,
    ) -> Option<Entry> {
        let foreign = diags
            .iter()
            .flat_map(|d| std::iter::once(&d.primary).chain(&d.related))
            .any(|l| l.span.file != file)
            || diags
                .iter()
                .flat_map(|d| &d.fixes)
                .flat_map(|f| &f.edits)
                .any(|e| e.span.file != file);
        let foreign_broken = broken.is_some_and(|b| {
            b.file != file
                || b.first_error.file != file
                || b.dropped.iter().any(|d| d.span.file != file)
                || b.trimmed.iter().any(|s| s.file != file)
        });
        if foreign || foreign_broken || doc.is_some_and(|d| d.meta.file != file) {
            return None;
        }
        let cached = CachedFile {
            doc: doc.map(|d| DocRef {
                span: (d.meta.span.start, d.meta.span.end),
                content: (&d.content).into(),
            }),
            diags: diags.iter().map(CachedDiag::of).collect(),
            broken: broken.map(CachedBroken::of),
        };
        let data = source::with_spans(|| rmp_serde::to_vec(&cached)).ok()?;
        Some(Entry { stamp, hash, data: Data::New(data) })
    }
}

/// The cache as found at the start of a run, and where to write the next one.
#[derive(Debug)]
pub struct Cache {
    path: PathBuf,
    key: Vec<u8>,
    bytes: Vec<u8>,
    written: i64,
    /// Sorted by path (as written), looked up by binary search.
    entries: Vec<(PathBuf, Entry)>,
    valid: bool,
}

impl Cache {
    /// The cache of the repository at `root` (canonical) with this `planbook.yaml`; empty when
    /// there is none or it does not match. `None` when there is nowhere to keep one.
    pub fn open(root: &Path, config: &[u8]) -> Option<Cache> {
        let path = location(root)?;
        let key = key(root, config);
        let mut cache =
            Cache { path, key, bytes: Vec::new(), written: 0, entries: Vec::new(), valid: false };
        if let Ok(bytes) = std::fs::read(&cache.path) {
            cache.bytes = bytes;
            match parse(&cache.bytes, &cache.key) {
                Some((written, entries)) => {
                    cache.written = written;
                    cache.entries = entries;
                    cache.valid = true;
                }
                None => cache.bytes = Vec::new(),
            }
        }
        Some(cache)
    }

    /// Where the cache lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The entry of `rel`, if the cache has one.
    pub fn get(&self, rel: &Path) -> Option<&Entry> {
        let i = self.entries.binary_search_by(|(path, _)| path.as_path().cmp(rel)).ok()?;
        Some(&self.entries[i].1)
    }

    /// Whether a file with `stamp` may be taken from `entry` without reading it.
    pub fn is_fresh(&self, entry: &Entry, stamp: Stamp) -> bool {
        entry.stamp == stamp && !self.is_racy(stamp)
    }

    /// Whether a file was modified too close to the cache's writing to trust its stamp.
    pub fn is_racy(&self, stamp: Stamp) -> bool {
        stamp.mtime >= self.written.saturating_sub(RACY_NS)
    }

    /// Whether the file held a cache for this key.
    pub fn was_valid(&self) -> bool {
        self.valid
    }

    /// Number of entries read.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no entry was read.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// What `entry` holds, placed in `file` at `path`; Markdown bodies point into `text`, or
    /// are empty when the file was not read. `None` when the entry cannot be decoded.
    pub fn decode(
        &self,
        entry: &Entry,
        file: FileId,
        path: &Path,
        text: Option<&Arc<str>>,
    ) -> Option<crate::load::Parsed> {
        let bytes = match &entry.data {
            Data::Old(range) => self.bytes.get(range.clone())?,
            Data::New(bytes) => bytes,
        };
        let cached: CachedOwned = source::with_file(file, || rmp_serde::from_slice(bytes)).ok()?;
        let diags =
            cached.diags.into_iter().map(|d| d.diagnostic(file)).collect::<Option<Vec<_>>>()?;
        let doc = cached.doc.map(|d| {
            let body = |offset: Option<u32>| match (offset, text) {
                (None, _) => Body { offset: 0, text: SharedText::empty() },
                (Some(o), Some(t)) => {
                    let o = o as usize;
                    Body { offset: o, text: SharedText::new(t.clone(), o..t.len()) }
                }
                (Some(o), None) => Body { offset: o as usize, text: SharedText::empty() },
            };
            let content = match d.content {
                ContentOwned::Roster(r) => Content::Roster(r),
                ContentOwned::Budget(b) => Content::Budget(b),
                ContentOwned::Plan(p, o) => Content::Plan(p, body(o)),
                ContentOwned::Review(r, o) => Content::Review(r, body(o)),
                ContentOwned::Page(p, o) => Content::Page(p, body(o)),
            };
            let span = Span { file, start: d.span.0, end: d.span.1 };
            Document { meta: DocMeta { file, path: path.to_path_buf(), span }, content }
        });
        let broken = match cached.broken {
            Some(b) => Some(b.broken(file, path)?),
            None => None,
        };
        Some(crate::load::Parsed { doc, diags, broken })
    }

    /// Writes `entries` as the new cache, recorded as written at `started` (when this run
    /// began looking at files), streamed to a temporary file that then replaces the old one.
    /// Failures are ignored: the next run goes without.
    pub fn save(&self, entries: &[(&Path, Entry)], started: i64) {
        let named: Vec<(&str, &Entry, &[u8])> = entries
            .iter()
            .filter_map(|(path, entry)| {
                let data = match &entry.data {
                    Data::Old(range) => self.bytes.get(range.clone())?,
                    Data::New(bytes) => bytes.as_slice(),
                };
                Some((path.to_str()?, entry, data))
            })
            .collect();
        let Some(dir) = self.path.parent() else { return };
        if std::fs::create_dir_all(dir).is_err() {
            return;
        }
        let temp = dir.join(format!("{FILE_NAME}.{}.{}.tmp", std::process::id(), now()));
        let written = std::fs::File::create(&temp).and_then(|file| {
            let mut out =
                Out { file: std::io::BufWriter::with_capacity(1 << 20, file), hash: Xxh3::new() };
            let payload: usize = 4 + named
                .iter()
                .map(|(name, _, data)| 4 + name.len() + 4 * 8 + 16 + 4 + data.len())
                .sum::<usize>();
            out.put(MAGIC)?;
            out.put(&FORMAT.to_le_bytes())?;
            out.len(self.key.len())?;
            out.put(&self.key)?;
            out.put(&started.to_le_bytes())?;
            out.put(&(payload as u64).to_le_bytes())?;
            out.len(named.len())?;
            for (name, entry, data) in &named {
                out.len(name.len())?;
                out.put(name.as_bytes())?;
                out.put(&entry.stamp.size.to_le_bytes())?;
                out.put(&entry.stamp.mtime.to_le_bytes())?;
                out.put(&entry.stamp.ctime.to_le_bytes())?;
                out.put(&entry.stamp.ino.to_le_bytes())?;
                out.put(&entry.hash.to_le_bytes())?;
                out.len(data.len())?;
                out.put(data)?;
            }
            let checksum = out.hash.digest128();
            out.file.write_all(&checksum.to_le_bytes())?;
            out.file.flush()
        });
        if written.is_err() || std::fs::rename(&temp, &self.path).is_err() {
            let _ = std::fs::remove_file(&temp);
        }
    }
}

/// The cache file being written, and the checksum of what was written so far.
struct Out {
    file: std::io::BufWriter<std::fs::File>,
    hash: Xxh3,
}

impl Out {
    fn put(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.hash.update(bytes);
        self.file.write_all(bytes)
    }

    /// A count or length as 4 bytes; a larger one (never met: files are at most 64 MiB) is
    /// written as `u32::MAX`, which no reader accepts.
    fn len(&mut self, n: usize) -> std::io::Result<()> {
        self.put(&u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes())
    }
}

/// Reads a cache file: the write time and the entries, or `None` when anything is off.
fn parse(bytes: &[u8], key: &[u8]) -> Option<(i64, Vec<(PathBuf, Entry)>)> {
    let mut r = Reader::new(bytes);
    if r.take(MAGIC.len())? != MAGIC || r.u32()? != FORMAT {
        return None;
    }
    let len = r.u32()? as usize;
    if r.take(len)? != key {
        return None;
    }
    let written = r.u64()? as i64;
    let payload_len = usize::try_from(r.u64()?).ok()?;
    let start = r.pos;
    r.take(payload_len)?;
    let end = r.pos;
    if r.u128()? != xxh3_128(&bytes[..end]) || r.pos != bytes.len() {
        return None;
    }
    let mut r = Reader { bytes: &bytes[..end], pos: start };
    let count = r.u32()? as usize;
    let mut entries = Vec::with_capacity(count.min(payload_len / 64));
    for _ in 0..count {
        let len = r.u32()? as usize;
        let name = std::str::from_utf8(r.take(len)?).ok()?;
        let stamp =
            Stamp { size: r.u64()?, mtime: r.u64()? as i64, ctime: r.u64()? as i64, ino: r.u64()? };
        let hash = r.u128()?;
        let len = r.u32()? as usize;
        let at = r.pos;
        r.take(len)?;
        let entry = Entry { stamp, hash, data: Data::Old(at..at + len) };
        entries.push((PathBuf::from(name), entry));
    }
    // Written in path order; a file that is not (written by hand?) is sorted here.
    if !entries.is_sorted_by(|a, b| a.0 < b.0) {
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        entries.dedup_by(|a, b| a.0 == b.0);
    }
    (r.pos == end).then_some((written, entries))
}

/// Reads a byte slice front to back, little-endian; every read past the end is `None`. The
/// caches' headers (this one and the history's) are read with it.
#[derive(Debug)]
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    /// A reader of `bytes` from the start.
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, pos: 0 }
    }
    /// What is left to read.
    pub fn rest(&self) -> &'a [u8] {
        self.bytes.get(self.pos..).unwrap_or_default()
    }
    /// The next `n` bytes.
    pub fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.pos.checked_add(n)?;
        let out = self.bytes.get(self.pos..end)?;
        self.pos = end;
        Some(out)
    }
    /// The next `u32`.
    pub fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    /// The next `u64`.
    pub fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    /// The next `u128`.
    pub fn u128(&mut self) -> Option<u128> {
        Some(u128::from_le_bytes(self.take(16)?.try_into().ok()?))
    }
}

/// What must equal for a cache to be used: planbook's version and build, the test salt, the
/// repository's canonical root and its `planbook.yaml`.
fn key(root: &Path, config: &[u8]) -> Vec<u8> {
    let build = std::env::current_exe()
        .and_then(std::fs::metadata)
        .map(|m| {
            let s = Stamp::of(&m);
            format!("{}:{}", s.size, s.mtime)
        })
        .unwrap_or_default();
    let salt = std::env::var(SALT_ENV).unwrap_or_default();
    let mut key =
        format!("{}\n{build}\n{salt}\n{:032x}\n", env!("CARGO_PKG_VERSION"), xxh3_128(config))
            .into_bytes();
    key.extend_from_slice(root.as_os_str().as_encoded_bytes());
    key
}

/// Where the cache of the repository at `root` lives (see the module's comment).
pub fn location(root: &Path) -> Option<PathBuf> {
    let tag = format!("{:016x}", xxh3_64(root.as_os_str().as_encoded_bytes()));
    if let Some(dir) = std::env::var_os(DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir).join(tag).join(FILE_NAME));
    }
    let in_git = git_dir(root).map(|(git, top)| {
        let dir = git.join("planbook");
        if top == root { dir.join(FILE_NAME) } else { dir.join(tag.as_str()).join(FILE_NAME) }
    });
    let path = in_git.filter(|p| !in_work_tree(root, p)).or_else(|| {
        let base = std::env::var_os("XDG_CACHE_HOME")
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
        Some(base.join("planbook").join(&tag).join(FILE_NAME))
    })?;
    (!in_work_tree(root, &path)).then_some(path)
}

/// Whether `path` is in the repository's work tree where the walk would see it: under `root`
/// and in no hidden folder.
fn in_work_tree(root: &Path, path: &Path) -> bool {
    path.strip_prefix(root).is_ok_and(|rel| {
        !rel.components().any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
    })
}

/// The git directory of the repository holding `root`, and its work tree's top folder: the
/// nearest `.git` folder above, or the folder a `.git` file names (`gitdir: …`).
fn git_dir(root: &Path) -> Option<(PathBuf, PathBuf)> {
    for dir in root.ancestors() {
        let dot = dir.join(".git");
        let Ok(meta) = std::fs::symlink_metadata(&dot) else { continue };
        if meta.is_dir() {
            return Some((dot, dir.to_path_buf()));
        }
        if meta.is_file() {
            let bytes = super::read_file(&dot).ok()?;
            let text = String::from_utf8(bytes).ok()?;
            let named = PathBuf::from(text.lines().next()?.strip_prefix("gitdir: ")?.trim_end());
            let git = if named.is_relative() { dir.join(named) } else { named };
            return std::fs::symlink_metadata(&git)
                .is_ok_and(|m| m.is_dir())
                .then(|| (git, dir.to_path_buf()));
        }
        return None;
    }
    None
}

/// What one file's entry holds, borrowed for writing.
#[derive(Serialize)]
struct CachedFile<'a> {
    doc: Option<DocRef<'a>>,
    diags: Vec<CachedDiag>,
    broken: Option<CachedBroken>,
}

#[derive(Serialize)]
struct DocRef<'a> {
    span: (u32, u32),
    content: ContentRef<'a>,
}

/// [`Content`] with each body as its offset (`None`: a YAML file's empty body).
#[derive(Serialize)]
enum ContentRef<'a> {
    Roster(&'a Roster),
    Budget(&'a Budget),
    Plan(&'a Plan, Option<u32>),
    Review(&'a Review, Option<u32>),
    Page(&'a PageMeta, Option<u32>),
}

impl<'a> From<&'a Content> for ContentRef<'a> {
    fn from(content: &'a Content) -> ContentRef<'a> {
        // A Markdown body runs to the end of its file; a YAML document's body is empty.
        let offset = |b: &Body| {
            (b.offset != 0 || !b.text.is_empty()).then(|| u32::try_from(b.offset).unwrap_or(0))
        };
        match content {
            Content::Roster(r) => ContentRef::Roster(r),
            Content::Budget(b) => ContentRef::Budget(b),
            Content::Plan(p, b) => ContentRef::Plan(p, offset(b)),
            Content::Review(r, b) => ContentRef::Review(r, offset(b)),
            Content::Page(p, b) => ContentRef::Page(p, offset(b)),
        }
    }
}

/// What one file's entry holds, as read.
#[derive(Deserialize)]
struct CachedOwned {
    doc: Option<DocOwned>,
    diags: Vec<CachedDiag>,
    broken: Option<CachedBroken>,
}

/// [`Broken`] in one file: the kind by name, the period in words, spans as byte ranges.
#[derive(Serialize, Deserialize)]
struct CachedBroken {
    kind: Option<String>,
    unit: Option<String>,
    period: Option<String>,
    partial: bool,
    dropped: Vec<CachedDropped>,
    trimmed: Vec<(u32, u32)>,
    first_error: (u32, u32),
}

/// A [`Dropped`] item: list, index, id, span.
type CachedDropped = (String, u32, Option<String>, (u32, u32));

impl CachedBroken {
    fn of(b: &Broken) -> CachedBroken {
        let index = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
        CachedBroken {
            kind: b.kind.map(|k| k.name().to_string()),
            unit: b.unit.clone(),
            period: b.period.map(|p| p.to_string()),
            partial: b.partial,
            dropped: b
                .dropped
                .iter()
                .map(|d| (d.list.clone(), index(d.index), d.id.clone(), (d.span.start, d.span.end)))
                .collect(),
            trimmed: b.trimmed.iter().map(|s| (s.start, s.end)).collect(),
            first_error: (b.first_error.start, b.first_error.end),
        }
    }

    fn broken(self, file: FileId, path: &Path) -> Option<Broken> {
        let span = |(start, end): (u32, u32)| Span { file, start, end };
        let kind = match self.kind {
            Some(name) if name == Kind::Config.name() => Some(Kind::Config),
            Some(name) => Some(Kind::from_name(&name)?),
            None => None,
        };
        let period = match self.period {
            Some(p) => Some(p.parse().ok()?),
            None => None,
        };
        Some(Broken {
            file,
            path: path.to_path_buf(),
            kind,
            unit: self.unit,
            period,
            partial: self.partial,
            dropped: self
                .dropped
                .into_iter()
                .map(|(list, index, id, s)| Dropped {
                    list,
                    index: index as usize,
                    id,
                    span: span(s),
                })
                .collect(),
            trimmed: self.trimmed.into_iter().map(span).collect(),
            first_error: span(self.first_error),
        })
    }
}

#[derive(Deserialize)]
struct DocOwned {
    span: (u32, u32),
    content: ContentOwned,
}

#[derive(Deserialize)]
enum ContentOwned {
    Roster(Box<Roster>),
    Budget(Box<Budget>),
    Plan(Box<Plan>, Option<u32>),
    Review(Box<Review>, Option<u32>),
    Page(Box<PageMeta>, Option<u32>),
}

/// A diagnostic in one file: its rule by id, its labels as byte ranges.
#[derive(Serialize, Deserialize)]
struct CachedDiag {
    rule: String,
    severity: u8,
    message: Msg,
    labels: Vec<(u32, u32, Option<Msg>)>,
    help: Option<Msg>,
    fixes: Vec<CachedFix>,
}

/// A fix in one file: its edits as byte ranges.
#[derive(Serialize, Deserialize)]
struct CachedFix {
    title: Msg,
    applicability: Applicability,
    edits: Vec<(u32, u32, String)>,
}

impl CachedDiag {
    fn of(d: &Diagnostic) -> CachedDiag {
        let labels = std::iter::once(&d.primary)
            .chain(&d.related)
            .map(|l| (l.span.start, l.span.end, l.note.clone()))
            .collect();
        let severity = match d.severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Note => 2,
        };
        CachedDiag {
            rule: d.rule.id.to_string(),
            severity,
            message: d.message.clone(),
            labels,
            help: d.help.clone(),
            fixes: d
                .fixes
                .iter()
                .map(|f| CachedFix {
                    title: f.title.clone(),
                    applicability: f.applicability,
                    edits: f
                        .edits
                        .iter()
                        .map(|e| (e.span.start, e.span.end, e.text.clone()))
                        .collect(),
                })
                .collect(),
        }
    }

    fn diagnostic(self, file: FileId) -> Option<Diagnostic> {
        let rule = rules::ALL.iter().copied().find(|r| r.id == self.rule)?;
        let severity = match self.severity {
            0 => Severity::Error,
            1 => Severity::Warning,
            2 => Severity::Note,
            _ => return None,
        };
        let mut labels = self
            .labels
            .into_iter()
            .map(|(start, end, note)| Label { span: Span { file, start, end }, note });
        let primary = labels.next()?;
        Some(Diagnostic {
            rule,
            severity,
            message: self.message,
            primary,
            related: labels.collect(),
            help: self.help,
            fixes: self
                .fixes
                .into_iter()
                .map(|f| Fix {
                    title: f.title,
                    applicability: f.applicability,
                    edits: f
                        .edits
                        .into_iter()
                        .map(|(start, end, text)| Edit { span: Span { file, start, end }, text })
                        .collect(),
                })
                .collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn documents(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(read) = std::fs::read_dir(dir) else { return };
        for entry in read.flatten() {
            let path = entry.path();
            if path.is_dir() {
                documents(&path, out);
            } else if crate::load::walk::is_candidate(&path) {
                out.push(path);
            }
        }
    }

    /// Every document of `plans/` and the test fixtures reads back from its entry as it was
    /// parsed, spans, bodies and diagnostics included, also when moved to another file id.
    #[test]
    fn entries_round_trip_every_document() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut paths = Vec::new();
        documents(&root.join("plans"), &mut paths);
        documents(&root.join("tests/fixtures"), &mut paths);
        assert!(paths.len() > 100, "found {} documents", paths.len());
        let (mut docs, mut diags, mut brokens) = (0, 0, 0);
        for path in &paths {
            let Ok(text) = std::fs::read_to_string(path) else { continue };
            let text: Arc<str> = text.into();
            let rel = path.strip_prefix(root).unwrap_or(path);
            let stamp = Stamp::default();
            for (written, read) in [(FileId(3), FileId(3)), (FileId(2), FileId(9))] {
                let parsed = crate::load::parse_full(written, rel, &text);
                let (doc, found) = (parsed.doc.as_ref(), &parsed.diags);
                let Some(entry) = Entry::new(stamp, 1, written, doc, found, parsed.broken.as_ref())
                else {
                    panic!("{} is not cached", rel.display())
                };
                let cache = Cache {
                    path: PathBuf::new(),
                    key: Vec::new(),
                    bytes: Vec::new(),
                    written: 0,
                    entries: Vec::new(),
                    valid: true,
                };
                let back = cache.decode(&entry, read, rel, Some(&text));
                let Some(back) = back else { panic!("{} does not decode", rel.display()) };
                let (doc, found) = (back.doc, back.diags);
                let expected = crate::load::parse_full(read, rel, &text);
                assert_eq!(format!("{doc:?}"), format!("{:?}", expected.doc), "{}", rel.display());
                assert_eq!(found, expected.diags, "{}", rel.display());
                assert_eq!(back.broken, expected.broken, "{}", rel.display());
                brokens += usize::from(back.broken.is_some());
                docs += usize::from(doc.is_some());
                diags += found.len();
                // Not read: the same document, with empty bodies.
                let lazy = cache.decode(&entry, read, rel, None).map(|p| p.doc.is_some());
                assert_eq!(lazy, Some(doc.is_some()));
            }
        }
        assert!(docs > 50 && diags > 50, "{docs} documents and {diags} diagnostics");
        assert!(brokens > 20, "{brokens} broken documents");
    }

    #[test]
    fn a_damaged_cache_is_refused() {
        let cache = Cache {
            path: PathBuf::new(),
            key: b"key".to_vec(),
            bytes: Vec::new(),
            written: 0,
            entries: Vec::new(),
            valid: true,
        };
        let text: Arc<str> = "kind: roster\nunit: u\npeople: []\n".into();
        let parsed = crate::load::parse_shared(FileId(0), Path::new("r.yaml"), &text);
        let entry = Entry::new(Stamp::default(), 7, FileId(0), parsed.0.as_ref(), &parsed.1, None);
        let entry = entry.expect("cached");
        let dir = tempfile::tempdir().expect("temp dir");
        let cache = Cache { path: dir.path().join("c"), ..cache };
        let other = entry.keep(Stamp::default());
        // A name that is not UTF-8 is left out, and the rest still reads back.
        #[cfg(unix)]
        let odd = <std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(b"\xff.yaml");
        #[cfg(not(unix))]
        let odd = std::ffi::OsStr::new("r2.yaml");
        cache.save(&[(Path::new(odd), other), (Path::new("r.yaml"), entry)], 5);
        let bytes = std::fs::read(dir.path().join("c")).expect("written");
        let (written, entries) = parse(&bytes, b"key").expect("reads back");
        assert_eq!((written, entries.len()), (5, 1));
        assert!(parse(&bytes, b"other key").is_none());
        for cut in [0, 8, 20, bytes.len() / 2, bytes.len() - 1] {
            assert!(parse(&bytes[..cut], b"key").is_none(), "cut at {cut}");
        }
        for i in 0..bytes.len() {
            let mut bad = bytes.clone();
            bad[i] ^= 0x40;
            assert!(parse(&bad, b"key").is_none(), "byte {i} flipped");
        }
    }
}
