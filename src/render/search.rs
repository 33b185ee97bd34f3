//! The client-side search index: one record per page (title, URL, kind, and the unit, post,
//! region and period it belongs to, and its plain text), written at build time as script
//! files that `assets/search.js` reads. [`entry`] decides which text of each kind of page is
//! searchable; [`IndexWriter`] writes the index.
//!
//! The layout, and why. `search-index.js` is a small manifest, the one script the search page
//! loads with the page: the kinds, and the units, posts, regions and periods as dictionaries
//! (id and name in the handbook's language), and the list of chunk files. The records follow
//! in chunks of about [`CHUNK_BYTES`] (`search/<n>.js`), each a script calling
//! `PLANBOOK_SEARCH_CHUNK`, which the search page adds as async `<script>` elements when its
//! script runs (so search works from `file://`, where `fetch` of a local file is refused, and
//! the page paints without waiting for them); a query typed before they arrive runs then.
//! A person's record names its post, region and unit by their number in the dictionaries, so
//! 20,000 people cost under 40 bytes each (`bench/handbook.sh`: 20,000 people and 300 units
//! make a 30 KB manifest and about 1 MB of chunks), and a query matches the dictionaries once
//! and each record with a few substring tests over text lower-cased once as its chunk arrives.
//!
//! We weighed a pagefind-style index (terms in sorted shards, only the shards a query needs
//! loaded) and kept one compact index, split only for loading: a query must match inside
//! names and text (Chinese is written without spaces, and a dictionary segmenter such as
//! pagefind's cuts personal names and misses substrings), and it must find the people of a
//! region or post, so nearly every query needs nearly every record; a bigram index of the same
//! records is larger than the records, and each keystroke that needs a new shard waits for a
//! script to load. Scanning 20,000 compact records takes a few milliseconds.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use serde::Serialize;

use crate::model::period::{Date, Period};
use crate::model::{Budget, Plan, Roster};
use crate::render::sitemap::{Input, Page};
use crate::render::view::common::{post_title, region_name};
use crate::render::view::site::Site;

/// How much of a page's text is indexed, in characters; keeps the index small for large
/// repositories while covering the whole of ordinary documents.
pub const MAX_TEXT: usize = 6000;

/// About how large one chunk of records is, in bytes: small enough that the first chunks
/// arrive while the reader types, large enough that 20,000 people are a handful of files.
pub const CHUNK_BYTES: usize = 192 * 1024;

/// The manifest's file, the one script the search page loads with the page.
pub const MANIFEST: &str = "search-index.js";

/// Something a page belongs to, as the reader knows it: its id and its name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Named {
    /// The id written in the data.
    pub id: String,
    /// The name in the handbook's language.
    pub name: String,
}

/// One page in the search index.
#[derive(Debug, Clone, Default)]
pub struct Entry {
    /// The page title.
    pub title: String,
    /// The page URL, relative to the site root.
    pub url: String,
    /// What kind of page it is, shown beside the result.
    pub kind: String,
    /// The unit it belongs to.
    pub unit: Option<Named>,
    /// A person's post.
    pub post: Option<Named>,
    /// A person's region.
    pub region: Option<Named>,
    /// A document's period.
    pub period: Option<Named>,
    /// Ids that find the page (a person's id), space-separated.
    pub ids: String,
    /// The page's text, whitespace collapsed.
    pub text: String,
}

impl Entry {
    /// An entry with `text` normalised: runs of whitespace become one space, and the text is
    /// cut at [`MAX_TEXT`] characters.
    pub fn new(title: String, url: String, kind: String, text: &str) -> Entry {
        Entry { title, url, kind, text: normalise(text), ..Entry::default() }
    }
}
/// Searchable text collected piece by piece, normalised as it comes and cut at [`MAX_TEXT`]
/// characters: a 50 MB field costs no more than a short one, and is never copied whole.
#[derive(Debug, Default)]
pub struct Text {
    out: String,
    chars: usize,
    space: bool,
}

impl Text {
    /// Adds `piece`; a piece boundary separates words.
    pub fn push(&mut self, piece: &str) -> &mut Text {
        let mut inner = false; // whitespace inside the piece: none between CJK characters
        for c in piece.chars() {
            if self.full() {
                break;
            }
            if c.is_whitespace() {
                (self.space, inner) = (!self.out.is_empty(), true);
                continue;
            }
            let joins = |b| inner && crate::render::util::joins_across_break(b, c);
            if std::mem::take(&mut self.space) && !self.out.chars().next_back().is_some_and(joins) {
                self.out.push(' ');
                self.chars += 1;
                if self.full() {
                    break;
                }
            }
            self.out.push(c);
            self.chars += 1;
        }
        self.space = !self.out.is_empty();
        self
    }

    /// Whether [`MAX_TEXT`] characters are collected; later pieces are ignored.
    pub fn full(&self) -> bool {
        self.chars >= MAX_TEXT
    }

    /// The text collected.
    pub fn into_string(self) -> String {
        self.out
    }
}

/// The search entry of `page`, listed under `kind` (a key of the catalogue); `narrative` is the
/// plain text of its Markdown body (empty for pages without one).
pub fn entry(site: &Site, page: &Page, kind: &str, narrative: &str) -> Entry {
    let mut text = Text::default();
    text.push(page.subtitle.as_deref().unwrap_or(""));
    let mut e = Entry {
        title: page.title.clone(),
        url: page.url.clone(),
        kind: site.t(kind),
        ..Entry::default()
    };
    let unit = |id: &str| Some(Named { id: id.to_string(), name: site.unit_name(id) });
    let period = |p: Period| Some(Named { id: p.to_string(), name: site.fmt.period(p) });
    match &page.input {
        Input::Unit(u) => {
            e.unit = unit(u.id.value.as_str());
            text.push(u.description.as_deref().unwrap_or(""));
        }
        Input::Roster(r) => {
            e.unit = unit(r.value.unit.value.as_str());
            roster_text(r.value, &mut text);
        }
        Input::Person(p) => {
            let id = p.id.value.as_str();
            e.ids = id.to_string();
            if let Some((_, roster)) = site.index.people.get(id) {
                let r = roster.value;
                let now = p.on(r.as_of.as_ref().map_or_else(Date::today, |d| d.value));
                let post = now.post.value.as_str();
                e.unit = unit(r.unit.value.as_str());
                e.post = Some(Named { id: post.to_string(), name: post_title(r, post) });
                e.region = now.region.map(|g| {
                    let g = g.value.as_str();
                    Named { id: g.to_string(), name: region_name(r, g) }
                });
            }
            text.push(p.note.as_deref().unwrap_or(""));
        }
        Input::Plan(p, _) => {
            (e.unit, e.period) = (unit(p.value.unit.value.as_str()), period(p.value.period.value));
            plan_text(p.value, narrative, &mut text);
        }
        Input::Budget(b) => {
            (e.unit, e.period) = (unit(b.value.unit.value.as_str()), period(b.value.period.value));
            budget_text(b.value, &mut text);
        }
        Input::Review(r, _) => {
            (e.unit, e.period) = (unit(r.value.unit.value.as_str()), period(r.value.period.value));
            text.push(narrative);
        }
        Input::Free(_) => {
            text.push(narrative);
        }
        Input::Home
        | Input::List(_)
        | Input::Trends
        | Input::Changes
        | Input::Problems
        | Input::Search
        | Input::Broken(_)
        | Input::Report(..)
        | Input::BrokenPerson(..)
        | Input::Directory(..)
        | Input::Org(..) => {}
    }
    e.text = text.into_string();
    e
}

/// Post titles and duties. Not the people's names: each person has a record of their own,
/// which names the unit (at 20,000 people the names again would be a fifth of the index).
fn roster_text(r: &Roster, text: &mut Text) {
    for p in &r.posts {
        text.push(&p.title).push(p.duties.as_deref().unwrap_or(""));
    }
}

/// Problems, task names and the narrative.
fn plan_text(p: &Plan, body: &str, text: &mut Text) {
    for x in &p.problems {
        text.push(&x.title).push(x.detail.as_deref().unwrap_or(""));
    }
    for t in &p.tasks {
        text.push(&t.name);
    }
    text.push(body);
}

/// The note, line names and notes, and breakdown item names.
fn budget_text(b: &Budget, text: &mut Text) {
    text.push(b.note.as_deref().unwrap_or(""));
    for l in &b.lines {
        text.push(&l.name).push(l.note.as_deref().unwrap_or(""));
        for i in &l.breakdown {
            text.push(&i.name);
        }
    }
}

/// Collapses whitespace, drops it between two CJK characters (a line break in the source is
/// no space in Chinese), and caps the length.
///
/// # Examples
///
/// ```
/// use planbook::render::search::normalise;
/// assert_eq!(normalise("  运输费\n\n 仍高  "), "运输费仍高");
/// assert_eq!(normalise("  fuel\n\n costs  "), "fuel costs");
/// ```
pub fn normalise(text: &str) -> String {
    let mut out = Text::default();
    out.push(text);
    out.into_string()
}

/// Values numbered in order of first use, written once in the manifest.
#[derive(Debug)]
struct Dict<T> {
    numbers: HashMap<T, usize>,
    values: Vec<T>,
}

impl<T> Default for Dict<T> {
    fn default() -> Dict<T> {
        Dict { numbers: HashMap::new(), values: Vec::new() }
    }
}

impl<T: Clone + Eq + Hash> Dict<T> {
    /// The number of `value`, or -1 for none.
    fn number(&mut self, value: Option<&T>) -> i64 {
        let Some(value) = value else { return -1 };
        let next = self.values.len();
        let n = *self.numbers.entry(value.clone()).or_insert(next);
        if n == next {
            self.values.push(value.clone());
        }
        i64::try_from(n).unwrap_or(-1)
    }
}

/// Writes one record of a chunk: `[kind, title, url, unit, post, region, period, ids, text]`,
/// the dictionary numbers -1 for none, the URL 0 when it is `people/<ids>.html` (a person's
/// page, so 20,000 people do not repeat it), ids and text left out when empty.
fn write_record(out: &mut Vec<u8>, e: &Entry, numbers: [i64; 5]) -> anyhow::Result<()> {
    use std::io::Write as _;
    let [kind, unit, post, region, period] = numbers;
    let mut out = NoScriptEnd(out);
    write!(out, "[{kind},")?;
    serde_json::to_writer(&mut out, &e.title)?;
    let derived = !e.ids.is_empty()
        && e.url.strip_prefix("people/").and_then(|u| u.strip_suffix(".html")) == Some(&e.ids);
    if derived {
        out.write_all(b",0")?;
    } else {
        out.write_all(b",")?;
        serde_json::to_writer(&mut out, &e.url)?;
    }
    write!(out, ",{unit},{post},{region},{period}")?;
    if !e.ids.is_empty() || !e.text.is_empty() {
        out.write_all(b",")?;
        serde_json::to_writer(&mut out, &e.ids)?;
    }
    if !e.text.is_empty() {
        out.write_all(b",")?;
        serde_json::to_writer(&mut out, &e.text)?;
    }
    out.write_all(b"]")?;
    Ok(())
}

/// The manifest: what the search page loads first.
#[derive(Serialize)]
struct Manifest<'a> {
    version: u32,
    count: usize,
    kinds: &'a [String],
    units: &'a [Named],
    posts: &'a [Named],
    regions: &'a [Named],
    periods: &'a [Named],
    chunks: &'a [String],
}

/// A file of the index: its site-relative path and bytes.
pub type File = (String, Vec<u8>);

/// Builds the index entry by entry, handing back each chunk file as it fills, so the index of
/// a large repository is never held in memory whole.
#[derive(Default)]
pub struct IndexWriter {
    kinds: Dict<String>,
    units: Dict<Named>,
    posts: Dict<Named>,
    regions: Dict<Named>,
    periods: Dict<Named>,
    /// The records of the chunk being filled, comma-separated JSON.
    chunk: Vec<u8>,
    /// The chunks written, as the manifest names them (path and a version for caches).
    chunks: Vec<String>,
    count: usize,
}

impl IndexWriter {
    /// An empty index.
    pub fn new() -> IndexWriter {
        IndexWriter::default()
    }

    /// Adds one entry; returns a chunk file when one is full.
    pub fn push(&mut self, e: &Entry) -> anyhow::Result<Option<File>> {
        let numbers = [
            self.kinds.number(Some(&e.kind)),
            self.units.number(e.unit.as_ref()),
            self.posts.number(e.post.as_ref()),
            self.regions.number(e.region.as_ref()),
            self.periods.number(e.period.as_ref()),
        ];
        if !self.chunk.is_empty() {
            self.chunk.push(b',');
        }
        write_record(&mut self.chunk, e, numbers)?;
        self.count += 1;
        Ok((self.chunk.len() >= CHUNK_BYTES).then(|| self.close_chunk()))
    }

    /// The chunk being filled as a file, and a new one started.
    fn close_chunk(&mut self) -> File {
        let n = self.chunks.len();
        let path = format!("search/{n}.js");
        let mut bytes = format!("(window.PLANBOOK_SEARCH_CHUNK||Object)({n},[").into_bytes();
        bytes.append(&mut self.chunk);
        bytes.extend_from_slice(b"]);\n");
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        bytes.hash(&mut hasher);
        self.chunks.push(format!("{path}?v={:x}", hasher.finish() & 0xffff_ffff));
        (path, bytes)
    }

    /// The last chunk (when it has records) and the manifest, [`MANIFEST`], last.
    pub fn finish(mut self) -> anyhow::Result<Vec<File>> {
        let mut files = Vec::new();
        if !self.chunk.is_empty() {
            files.push(self.close_chunk());
        }
        let manifest = Manifest {
            version: 2,
            count: self.count,
            kinds: &self.kinds.values,
            units: &self.units.values,
            posts: &self.posts.values,
            regions: &self.regions.values,
            periods: &self.periods.values,
            chunks: &self.chunks,
        };
        let mut bytes = b"window.PLANBOOK_SEARCH = ".to_vec();
        serde_json::to_writer(NoScriptEnd(&mut bytes), &manifest)?;
        bytes.extend_from_slice(b";\n");
        files.push((MANIFEST.to_string(), bytes));
        Ok(files)
    }
}

/// Writes JSON with every `<` as `\u003c`, so the data can never close a script element,
/// should anyone inline the file. (`<` only occurs inside JSON strings.)
pub struct NoScriptEnd<W>(W);

impl<W: std::io::Write> std::io::Write for NoScriptEnd<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        for (i, part) in buf.split(|b| *b == b'<').enumerate() {
            if i > 0 {
                self.0.write_all(b"\\u003c")?;
            }
            self.0.write_all(part)?;
        }
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, unit: &str, post: &str) -> Entry {
        let named = |id: &str, name: &str| Some(Named { id: id.into(), name: name.into() });
        Entry {
            title: name.into(),
            url: format!("people/{name}.html"),
            kind: "人员".into(),
            unit: named(unit, unit),
            post: named(post, post),
            region: named("zz", "郑州"),
            ids: "p1".into(),
            ..Entry::default()
        }
    }

    #[test]
    fn index_is_a_manifest_and_chunks_of_scripts() {
        let mut index = IndexWriter::new();
        let mut files = Vec::new();
        let doc = Entry::new("t</script>".into(), "a.html".into(), "page".into(), "x");
        files.extend(index.push(&doc).unwrap());
        for i in 0..(CHUNK_BYTES / 40) {
            let unit = if i % 2 == 0 { "河南分公司" } else { "湖北分公司" };
            files.extend(index.push(&person("王芳", unit, "业务员")).unwrap());
        }
        files.extend(index.finish().unwrap());
        assert!(files.len() >= 3, "{}", files.len());
        let (path, manifest) = files.last().unwrap();
        assert_eq!(path, MANIFEST);
        let manifest = String::from_utf8(manifest.clone()).unwrap();
        assert!(manifest.starts_with("window.PLANBOOK_SEARCH = {"), "{manifest}");
        assert!(manifest.contains(r#""units":[{"id":"河南分公司""#), "{manifest}");
        assert!(manifest.contains(r#""regions":[{"id":"zz","name":"郑州"}]"#), "{manifest}");
        assert!(manifest.contains(r#""chunks":["search/0.js?v="#), "{manifest}");
        let (path, first) = &files[0];
        assert_eq!(path, "search/0.js");
        let first = String::from_utf8(first.clone()).unwrap();
        assert!(first.starts_with("(window.PLANBOOK_SEARCH_CHUNK||Object)(0,[[0,"), "{first}");
        assert!(first.contains(r#"[0,"t\u003c/script>","a.html",-1,-1,-1,-1,"","x"]"#));
        assert!(first.contains(r#"[1,"王芳","people/王芳.html",0,0,0,-1,"p1"]"#), "{first}");
        assert!(first.contains(r#"[1,"王芳","people/王芳.html",1,0,0,-1,"p1"]"#), "{first}");
        let mut derived = Vec::new();
        let mut p = person("王芳", "u", "rep");
        p.url = "people/p1.html".into();
        write_record(&mut derived, &p, [1, 0, 0, 0, -1]).unwrap();
        assert_eq!(String::from_utf8(derived).unwrap(), r#"[1,"王芳",0,0,0,0,-1,"p1"]"#);
        assert!(!first.contains("</script>"));
        assert!(first.ends_with("]);\n"));
        assert!(first.len() < CHUNK_BYTES + 200);
    }

    #[test]
    fn an_empty_index_has_a_manifest_only() {
        let files = IndexWriter::new().finish().unwrap();
        assert_eq!(files.len(), 1);
        assert!(String::from_utf8_lossy(&files[0].1).contains(r#""count":0"#));
    }

    #[test]
    fn text_is_collected_piece_by_piece_and_cut() {
        let mut text = Text::default();
        text.push("  运输费\n").push("").push("仍高 ").push(&"字".repeat(MAX_TEXT * 100));
        assert!(text.full());
        let text = text.into_string();
        assert!(text.starts_with("运输费 仍高 字字"), "{text}");
        assert_eq!(text.chars().count(), MAX_TEXT);
    }

    #[test]
    fn long_text_is_cut() {
        assert_eq!(normalise(&"字".repeat(MAX_TEXT + 10)).chars().count(), MAX_TEXT);
    }
}
