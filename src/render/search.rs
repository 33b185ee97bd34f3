//! The client-side search index: one entry per page (title, URL, kind, plain text), written at
//! build time as `search-index.js`, which assigns a global that `assets/search.js` reads.
//! [`entry`] decides which text of each kind of page is searchable.
//!
//! A script file rather than JSON, so that search works from `file://` (where `fetch` of a
//! local file is refused). Matching happens in the browser: case-insensitive substrings, which
//! is also how Chinese (written without spaces) is searched.

use serde::Serialize;

use crate::model::{Budget, Plan, Roster};
use crate::render::sitemap::{Input, Page};

/// How much of a page's text is indexed, in characters; keeps the index small for large
/// repositories while covering the whole of ordinary documents.
pub const MAX_TEXT: usize = 6000;

/// One page in the search index.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// The page title.
    pub title: String,
    /// The page URL, relative to the site root.
    pub url: String,
    /// What kind of page it is, shown beside the result.
    pub kind: String,
    /// The page's text, whitespace collapsed.
    pub text: String,
}

impl Entry {
    /// An entry with `text` normalised: runs of whitespace become one space, and the text is
    /// cut at [`MAX_TEXT`] characters.
    pub fn new(title: String, url: String, kind: String, text: &str) -> Entry {
        Entry { title, url, kind, text: normalise(text) }
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
        for c in piece.chars() {
            if self.full() {
                break;
            }
            if c.is_whitespace() {
                self.space = !self.out.is_empty();
                continue;
            }
            if std::mem::take(&mut self.space) {
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

/// The search entry of `page`, listed under `kind`; `narrative` is the plain text of its
/// Markdown body (empty for pages without one).
pub fn entry(page: &Page, kind: String, narrative: &str) -> Entry {
    let mut text = Text::default();
    text.push(page.subtitle.as_deref().unwrap_or(""));
    match &page.input {
        Input::Unit(u) => {
            text.push(&u.name).push(u.description.as_deref().unwrap_or(""));
        }
        Input::Roster(r) => roster_text(r.value, &mut text),
        Input::Person(p) => {
            text.push(&p.name).push(p.note.as_deref().unwrap_or(""));
        }
        Input::Plan(p, _) => plan_text(p.value, narrative, &mut text),
        Input::Budget(b) => budget_text(b.value, &mut text),
        Input::Review(..) | Input::Free(_) => {
            text.push(narrative);
        }
        Input::Home
        | Input::List(_)
        | Input::Trends
        | Input::Changes
        | Input::Problems
        | Input::Search
        | Input::Broken(_)
        | Input::BrokenPerson(..)
        | Input::Directory(..)
        | Input::Org(..) => {}
    }
    Entry { title: page.title.clone(), url: page.url.clone(), kind, text: text.into_string() }
}

/// Post titles and duties, and people's names.
fn roster_text(r: &Roster, text: &mut Text) {
    for p in &r.posts {
        text.push(&p.title).push(p.duties.as_deref().unwrap_or(""));
    }
    for p in &r.people {
        text.push(&p.name);
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

/// Collapses whitespace and caps the length.
///
/// # Examples
///
/// ```
/// use planbook::render::search::normalise;
/// assert_eq!(normalise("  运输费\n\n 仍高  "), "运输费 仍高");
/// ```
pub fn normalise(text: &str) -> String {
    let mut out = Text::default();
    out.push(text);
    out.into_string()
}

/// Writes `search-index.js` entry by entry: a script that assigns an array of entries to
/// `window.PLANBOOK_SEARCH`. Entries are written as pages are rendered, so the index of a large
/// repository is never held in memory whole.
pub struct IndexWriter<W: std::io::Write> {
    out: std::io::BufWriter<NoScriptEnd<W>>,
    first: bool,
}

impl<W: std::io::Write> IndexWriter<W> {
    /// Starts the script.
    pub fn new(out: W) -> anyhow::Result<IndexWriter<W>> {
        use std::io::Write as _;
        let mut out = std::io::BufWriter::new(NoScriptEnd(out));
        out.write_all(b"window.PLANBOOK_SEARCH = [")?;
        Ok(IndexWriter { out, first: true })
    }

    /// Adds one entry.
    pub fn push(&mut self, entry: &Entry) -> anyhow::Result<()> {
        use std::io::Write as _;
        if !self.first {
            self.out.write_all(b",")?;
        }
        self.first = false;
        serde_json::to_writer(&mut self.out, entry)?;
        Ok(())
    }

    /// Ends the script.
    pub fn finish(mut self) -> anyhow::Result<()> {
        use std::io::Write as _;
        self.out.write_all(b"];\n")?;
        self.out.flush()?;
        Ok(())
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

    #[test]
    fn index_is_a_script_assigning_a_global() {
        let e = Entry::new("t</script>".into(), "a.html".into(), "page".into(), "x");
        let mut js = Vec::new();
        let mut index = IndexWriter::new(&mut js).unwrap();
        index.push(&e).unwrap();
        index.push(&e).unwrap();
        index.finish().unwrap();
        let js = String::from_utf8(js).unwrap();
        assert!(js.ends_with("}];\n"), "{js}");
        assert_eq!(js.matches("\"title\"").count(), 2);
        assert!(js.starts_with("window.PLANBOOK_SEARCH = [{"));
        assert!(!js.contains("</script>"));
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
