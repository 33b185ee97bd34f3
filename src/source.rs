//! Source text and positions: [`SourceMap`] owns every file's text, [`Span`] is a byte range
//! in one file, and [`Spanned`] ties a parsed value to the span it came from.
//!
//! Everything inside planbook is 0-based byte offsets; line and column (1-based, columns
//! counted in characters) are computed only when a diagnostic is printed. `\n`, `\r\n` and a
//! lone `\r` (old Mac files) each end a line.
//!
//! [`escape_controls`] makes text from data or git safe to print: control characters and
//! bidirectional overrides become visible escapes instead of acting on a terminal or a page.

use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;
use std::path::{Path, PathBuf};

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// Index of a file in the [`SourceMap`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct FileId(pub u32);

/// A byte range in one source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    /// The file the range is in.
    pub file: FileId,
    /// First byte, 0-based.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end` in `file`.
    pub fn new(file: FileId, start: usize, end: usize) -> Span {
        let clamp = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Span { file, start: clamp(start), end: clamp(end.max(start)) }
    }

    /// An empty span at the start of `file`.
    pub fn file_start(file: FileId) -> Span {
        Span { file, start: 0, end: 0 }
    }
}

/// One loaded file: its path relative to the data repository and its text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the repository root, with `/` separators.
    pub path: PathBuf,
    /// The text as read (after UTF-8 decoding; invalid files keep a lossy copy). Shared, so a
    /// Markdown body can point into it instead of copying it.
    pub text: std::sync::Arc<str>,
    line_starts: Vec<u32>,
}

/// A 1-based line and column; the column counts characters, not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineCol {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl SourceFile {
    /// Wraps `text` read from `path`, indexing its line starts.
    pub fn new(path: PathBuf, text: String) -> SourceFile {
        SourceFile::shared(path, text.into())
    }

    /// Wraps text that is already shared (a Markdown body may point into it).
    pub fn shared(path: PathBuf, text: std::sync::Arc<str>) -> SourceFile {
        let line_starts =
            line_starts(&text).map(|i| u32::try_from(i).unwrap_or(u32::MAX)).collect();
        SourceFile { path, text, line_starts }
    }

    /// The 0-based line index that contains byte `offset`.
    pub fn line_index(&self, offset: u32) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// The text of 0-based line `index`, without its line ending.
    pub fn line_text(&self, index: usize) -> &str {
        let start = self.line_starts.get(index).copied().unwrap_or(0) as usize;
        let end = self.line_starts.get(index + 1).map_or(self.text.len(), |&e| e as usize);
        let start = start.min(self.text.len());
        let line = self.text.get(start..end.max(start)).unwrap_or("");
        line.trim_end_matches(['\n', '\r'])
    }

    /// Byte offset where 0-based line `index` starts.
    pub fn line_start(&self, index: usize) -> usize {
        self.line_starts.get(index).map_or(self.text.len(), |&s| s as usize)
    }

    /// Line and column of byte `offset`.
    pub fn line_col(&self, offset: u32) -> LineCol {
        let line = self.line_index(offset);
        let start = self.line_starts[line] as usize;
        let offset = (offset as usize).min(self.text.len());
        let prefix = self.text.get(start..offset).unwrap_or("");
        LineCol { line: line + 1, column: prefix.chars().count() + 1 }
    }

    /// Byte offset of a 1-based line and character column; clamps to the text.
    pub fn offset_of(&self, line: usize, column: usize) -> usize {
        let index = line.saturating_sub(1).min(self.line_starts.len() - 1);
        let start = self.line_starts[index] as usize;
        start + char_offset(self.line_text(index), column)
    }
}

/// Byte offsets where the lines of `text` start: 0, then one past each `\n`, each `\r\n` and
/// each lone `\r`.
pub fn line_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    let breaks = bytes.iter().enumerate().filter_map(move |(i, &b)| {
        let ends_line = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
        ends_line.then_some(i + 1)
    });
    std::iter::once(0).chain(breaks)
}

/// Byte offset just past the line break that ends the line holding byte `from` (`\n`, `\r\n` or
/// a lone `\r`), or the text's length when that line is the last.
///
/// # Examples
///
/// ```
/// use planbook::source::line_end;
/// assert_eq!(line_end("---\rkind: plan\r\n", 0), 4);
/// assert_eq!(line_end("---\rkind: plan\r\n", 4), 16);
/// assert_eq!(line_end("---", 0), 3);
/// ```
pub fn line_end(text: &str, from: usize) -> usize {
    let rest = text.get(from..).unwrap_or("");
    match rest.find(['\n', '\r']) {
        Some(i) if rest[i..].starts_with("\r\n") => from + i + 2,
        Some(i) => from + i + 1,
        None => text.len(),
    }
}

/// Byte offset of a 1-based line and character column in `text`, counting line breaks as
/// [`line_starts`] does; clamps to the line and the text.
///
/// # Examples
///
/// ```
/// use planbook::source::offset_in;
/// assert_eq!(offset_in("a: 1\rb: 2\r\nc: 3", 3, 4), 14);
/// ```
pub fn offset_in(text: &str, line: usize, column: usize) -> usize {
    let Some(start) = line_starts(text).nth(line.saturating_sub(1)) else { return text.len() };
    let rest = &text[start..];
    let line_text = &rest[..rest.find(['\n', '\r']).unwrap_or(rest.len())];
    start + char_offset(line_text, column)
}

/// Byte offset of 1-based character `column` in `line`, or the line's end.
fn char_offset(line: &str, column: usize) -> usize {
    line.char_indices().nth(column.saturating_sub(1)).map_or(line.len(), |(i, _)| i)
}

/// What [`escape_controls`] leaves as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// One line for a terminal: only tabs stay; line breaks (U+2028 and U+2029 too), every
    /// other control character, every bidirectional control (marks included) and the
    /// invisible zero-width space, word joiner and BOM are escaped.
    Tabs,
    /// Text for a page: tabs and line breaks stay, and so do the bidirectional marks (U+200E,
    /// U+200F, U+061C), which cannot reorder text beyond themselves; overrides, embeddings and
    /// isolates are escaped.
    Layout,
}

/// Escapes C0 and C1 control characters, DEL and bidirectional controls as `\u{1b}`-style
/// text, so that a value from a document or a commit cannot move the cursor, clear a screen,
/// colour output, break a line or reorder the text around it. Borrows when nothing changes.
///
/// # Examples
///
/// ```
/// use planbook::source::{Keep, escape_controls};
/// assert_eq!(escape_controls("\x1b[2Jok\u{202e}", Keep::Tabs), "\\u{1b}[2Jok\\u{202e}");
/// assert_eq!(escape_controls("a\tb\nc", Keep::Tabs), "a\tb\\u{a}c");
/// assert_eq!(escape_controls("a\tb\nc\u{200f}", Keep::Layout), "a\tb\nc\u{200f}");
/// assert_eq!(escape_controls("amount\u{200b}\u{2028}", Keep::Tabs), "amount\\u{200b}\\u{2028}");
/// ```
pub fn escape_controls(text: &str, keep: Keep) -> Cow<'_, str> {
    let escaped = |c: char| match c {
        '\t' => false,
        '\n' | '\r' => keep == Keep::Tabs,
        '\u{200e}' | '\u{200f}' | '\u{061c}' => keep == Keep::Tabs,
        // Line and paragraph separators break a terminal's line; zero-width spaces, word
        // joiners and a stray BOM make two different keys look the same (`amount\u{200b}`).
        '\u{2028}' | '\u{2029}' | '\u{200b}' | '\u{2060}' | '\u{feff}' => keep == Keep::Tabs,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        c => c.is_control(),
    };
    if !text.chars().any(escaped) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if escaped(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Every file that planbook read in one run, addressed by [`FileId`].
#[derive(Debug, Default, Clone)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    /// Adds a file and returns its id.
    pub fn add(&mut self, path: PathBuf, text: String) -> FileId {
        self.files.push(SourceFile::new(path, text));
        FileId(self.files.len() as u32 - 1)
    }

    /// Adds a file whose text is already shared and returns its id.
    pub fn add_shared(&mut self, path: PathBuf, text: std::sync::Arc<str>) -> FileId {
        self.files.push(SourceFile::shared(path, text));
        FileId(self.files.len() as u32 - 1)
    }

    /// Replaces the text of file `id` (a file added without its text, whose text a diagnostic
    /// now needs); an unknown id is ignored.
    pub fn set_text(&mut self, id: FileId, text: String) {
        if let Some(file) = self.files.get_mut(id.0 as usize) {
            *file = SourceFile::new(std::mem::take(&mut file.path), text);
        }
    }

    /// Replaces the text of file `id` with text already shared; an unknown id is ignored.
    pub fn set_shared(&mut self, id: FileId, text: std::sync::Arc<str>) {
        if let Some(file) = self.files.get_mut(id.0 as usize) {
            *file = SourceFile::shared(std::mem::take(&mut file.path), text);
        }
    }

    /// The file with id `id`.
    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    /// The path of file `id`.
    pub fn path(&self, id: FileId) -> &Path {
        &self.get(id).path
    }

    /// All files in the order they were added.
    pub fn files(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files.iter().enumerate().map(|(i, f)| (FileId(i as u32), f))
    }

    /// Number of files.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether no file was read.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

/// A value and the span of the text it was parsed from.
///
/// Equality and ordering look at the value only, so a `Spanned<String>` works as a map key.
#[derive(Debug, Clone, Default)]
pub struct Spanned<T> {
    /// The parsed value.
    pub value: T,
    /// Where it was written.
    pub span: Span,
}

impl<T> Spanned<T> {
    /// Pairs `value` with `span`.
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

impl<T> std::ops::Deref for Spanned<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T: PartialEq> PartialEq for Spanned<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}
impl<T: Eq> Eq for Spanned<T> {}
impl<T: PartialOrd> PartialOrd for Spanned<T> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        self.value.partial_cmp(&other.value)
    }
}
impl<T: Ord> Ord for Spanned<T> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.value.cmp(&other.value)
    }
}
impl<T: fmt::Display> fmt::Display for Spanned<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.value.fmt(f)
    }
}

/// How [`Spanned`] values are (de)serialized on this thread: see [`with_spans`] and
/// [`with_file`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SpanMode {
    /// Serialize the value only (JSON output, history); deserialize spans as given.
    Plain,
    /// Serialize as `[start, end, value]`, a shape `Deserialize` accepts.
    Keep,
    /// Deserialize spans into this file, whatever file id was written.
    Into(FileId),
}

thread_local! {
    static SPAN_MODE: Cell<SpanMode> = const { Cell::new(SpanMode::Plain) };
}

/// Restores the previous mode when dropped, also on unwinding.
struct ModeGuard(SpanMode);

impl Drop for ModeGuard {
    fn drop(&mut self) {
        SPAN_MODE.with(|m| m.set(self.0));
    }
}

fn in_mode<R>(mode: SpanMode, f: impl FnOnce() -> R) -> R {
    let _guard = ModeGuard(SPAN_MODE.with(|m| m.replace(mode)));
    f()
}

/// Runs `f` with [`Spanned`] values serializing their spans too (as `[start, end, value]`,
/// which its `Deserialize` reads back into the file [`with_file`] names), on this thread.
/// Used by the parse cache; everything else serializes values only.
pub fn with_spans<R>(f: impl FnOnce() -> R) -> R {
    in_mode(SpanMode::Keep, f)
}

/// Runs `f` with every [`Spanned`] value deserialized on this thread placed in `file`
/// (file ids are assigned per run, so a cached document is moved into this run's file).
pub fn with_file<R>(file: FileId, f: impl FnOnce() -> R) -> R {
    in_mode(SpanMode::Into(file), f)
}

impl<T: serde::Serialize> serde::Serialize for Spanned<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeTuple;
        if SPAN_MODE.with(|m| m.get()) != SpanMode::Keep {
            return self.value.serialize(s);
        }
        // `[start, end, value]`: the file is the one the reader names (see `with_file`).
        let mut tuple = s.serialize_tuple(3)?;
        tuple.serialize_element(&self.span.start)?;
        tuple.serialize_element(&self.span.end)?;
        tuple.serialize_element(&self.value)?;
        tuple.end()
    }
}

/// The struct name by which `load::de` recognises a request for a span.
pub(crate) const SPANNED_STRUCT: &str = "$planbook::Spanned";
pub(crate) const SPANNED_FIELDS: &[&str] = &["file", "start", "end", "value"];

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Spanned<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SpannedVisitor<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for SpannedVisitor<T> {
            type Value = Spanned<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a value with its source span")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Spanned<T>, A::Error> {
                let file = match SPAN_MODE.with(|m| m.get()) {
                    SpanMode::Into(file) => file,
                    _ => FileId::default(),
                };
                let missing = || de::Error::invalid_length(3, &"a span and a value");
                let start = seq.next_element()?.ok_or_else(missing)?;
                let end = seq.next_element()?.ok_or_else(missing)?;
                let value = seq.next_element()?.ok_or_else(missing)?;
                Ok(Spanned { value, span: Span { file, start, end } })
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Spanned<T>, A::Error> {
                let mut next = |name: &'static str| -> Result<u32, A::Error> {
                    match map.next_key::<String>()? {
                        Some(key) if key == name => map.next_value(),
                        _ => Err(de::Error::missing_field(name)),
                    }
                };
                let file = match SPAN_MODE.with(|m| m.get()) {
                    SpanMode::Into(file) => {
                        next("file")?;
                        file
                    }
                    _ => FileId(next("file")?),
                };
                let (start, end) = (next("start")?, next("end")?);
                match map.next_key::<String>()? {
                    Some(key) if key == "value" => {
                        Ok(Spanned { value: map.next_value()?, span: Span { file, start, end } })
                    }
                    _ => Err(de::Error::missing_field("value")),
                }
            }
        }
        deserializer.deserialize_struct(
            SPANNED_STRUCT,
            SPANNED_FIELDS,
            SpannedVisitor(std::marker::PhantomData),
        )
    }
}

impl<T: JsonSchema> JsonSchema for Spanned<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }
    fn schema_id() -> std::borrow::Cow<'static, str> {
        T::schema_id()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        T::json_schema(generator)
    }
    fn inline_schema() -> bool {
        T::inline_schema()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let file = SourceFile::new("a.yaml".into(), "a: 1\r\n名字: 中文\n".into());
        assert_eq!(file.line_col(0), LineCol { line: 1, column: 1 });
        let offset = file.text.find("中文").unwrap() as u32;
        assert_eq!(file.line_col(offset), LineCol { line: 2, column: 5 });
        assert_eq!(file.line_text(0), "a: 1");
        assert_eq!(file.offset_of(2, 5), offset as usize);
    }

    #[test]
    fn lone_cr_crlf_and_lf_each_end_one_line() {
        let text = "a: 1\rb: 2\r\nc: 3\nd: 4\r\re: 名字\r";
        let file = SourceFile::new("a.yaml".into(), text.into());
        let lines: Vec<&str> = (0..6).map(|i| file.line_text(i)).collect();
        assert_eq!(lines, ["a: 1", "b: 2", "c: 3", "d: 4", "", "e: 名字"]);
        let offset = text.find("名字").unwrap();
        assert_eq!(file.line_col(offset as u32), LineCol { line: 6, column: 4 });
        assert_eq!(file.offset_of(6, 4), offset);
        assert_eq!(offset_in(text, 6, 4), offset);
        assert_eq!(offset_in(text, 2, 99), text.find("\r\nc").unwrap());
        assert_eq!(offset_in(text, 99, 1), text.len());
    }

    #[test]
    fn escapes_controls_and_bidi_but_borrows_clean_text() {
        assert!(matches!(escape_controls("河南 plain\ttext", Keep::Tabs), Cow::Borrowed(_)));
        let all = "\0\u{7f}\u{9b}\u{202a}\u{2066}\u{2069}\u{200e}\u{61c}\r";
        let shown = escape_controls(all, Keep::Tabs);
        assert_eq!(shown, "\\u{0}\\u{7f}\\u{9b}\\u{202a}\\u{2066}\\u{2069}\\u{200e}\\u{61c}\\u{d}");
        assert_eq!(
            escape_controls(all, Keep::Layout),
            shown.replace("\\u{200e}\\u{61c}\\u{d}", "\u{200e}\u{61c}\r")
        );
    }
}
