//! YAML text → [`Node`], a tree that keeps the byte span of every key and value.
//!
//! serde-saphyr does the parsing (with strict booleans, numbers with leading zeros or
//! underscores kept as strings, duplicate keys rejected and a resource budget); this module
//! only turns its span-carrying output into planbook's own tree. Numbers keep their original
//! spelling so money can be read exactly.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::granit_parser::ErrorKind as ScanKind;
use serde_saphyr::{ExternalMessageSource, Location, Spanned as SaphyrSpanned};

use crate::source::{FileId, Span};

/// A YAML node and where it was written.
#[derive(Debug, Clone)]
pub struct Node {
    /// The node's span: a scalar's text, or a collection's first token.
    pub span: Span,
    /// The node's value.
    pub value: Value,
}

/// The value of a [`Node`].
#[derive(Debug, Clone)]
pub enum Value {
    /// `null`, `~` or nothing.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, with its spelling in the source.
    Number(Number),
    /// A string.
    String(String),
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, in source order; keys are nodes too, so they keep their spans.
    Map(Vec<(Node, Node)>),
}

/// A YAML number: its parsed value and its source text.
#[derive(Debug, Clone)]
pub struct Number {
    /// The text as written (`46000`, `0.1`).
    pub raw: Box<str>,
    /// The value serde-saphyr parsed, used only for type checks.
    pub parsed: Parsed,
}

/// A number as parsed by the YAML library.
#[derive(Debug, Clone, Copy)]
pub enum Parsed {
    /// A signed integer.
    Int(i64),
    /// An unsigned integer too large for `i64`.
    UInt(u64),
    /// A floating-point number.
    Float(f64),
}

impl Node {
    /// The value under `key`, when this node is a mapping that has it.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|(_, v)| v)
    }

    /// The key node and value node of `key`.
    pub fn entry(&self, key: &str) -> Option<(&Node, &Node)> {
        match &self.value {
            Value::Map(entries) => entries
                .iter()
                .find(|(k, _)| matches!(&k.value, Value::String(s) if s == key))
                .map(|(k, v)| (k, v)),
            _ => None,
        }
    }

    /// The string value, when this node is a string.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// A word for the node's type, as used in messages: `a string`, `a list`.
    pub fn type_name(&self) -> &'static str {
        match &self.value {
            Value::Null => "nothing (null)",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }

    /// Converts the tree to JSON for schema validation.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match &self.value {
            Value::Null => J::Null,
            Value::Bool(b) => J::Bool(*b),
            Value::Number(n) => match n.parsed {
                Parsed::Int(i) => J::from(i),
                Parsed::UInt(u) => J::from(u),
                Parsed::Float(f) => serde_json::Number::from_f64(f).map_or(J::Null, J::Number),
            },
            Value::String(s) => J::String(s.clone()),
            Value::Seq(items) => J::Array(items.iter().map(Node::to_json).collect()),
            Value::Map(entries) => J::Object(
                entries.iter().map(|(k, v)| (k.key_text().into_owned(), v.to_json())).collect(),
            ),
        }
    }

    /// The node as a mapping key: strings as they are, other scalars in their YAML spelling.
    pub fn key_text(&self) -> std::borrow::Cow<'_, str> {
        match &self.value {
            Value::String(s) => s.as_str().into(),
            Value::Number(n) => n.raw.as_ref().into(),
            Value::Bool(b) => b.to_string().into(),
            Value::Null => "null".into(),
            Value::Seq(_) | Value::Map(_) => "<complex key>".into(),
        }
    }
}

/// Why YAML text could not be parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// Not valid YAML.
    Syntax,
    /// A key appears twice in one mapping.
    DuplicateKey,
    /// Too deep, too large or too many alias expansions.
    Limit,
}

/// A YAML parse failure, located in the file.
#[derive(Debug, Clone)]
pub struct Error {
    /// What went wrong, in planbook's words.
    pub kind: ErrorKind,
    /// One-line message.
    pub message: String,
    /// Where.
    pub span: Span,
    /// What to do about it.
    pub help: Option<String>,
    /// Another place that matters (the first occurrence of a duplicate key).
    pub related: Option<(Span, String)>,
}

/// Limits that keep hostile input from exhausting memory or stack.
///
/// Sized so that a roster of 100,000 people (about 1.5 million nodes) loads, while an alias
/// bomb (a few anchors that expand into millions of nodes) is refused.
pub const MAX_NODES: usize = 20_000_000;
/// The deepest nesting accepted; real documents nest fewer than ten levels.
pub const MAX_DEPTH: usize = 128;
/// The most values that aliases (`*name`) may expand into, across one document.
pub const MAX_ALIAS_EXPANSION: usize = 100_000;

fn options() -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_events = MAX_NODES * 2;
    budget.max_nodes = MAX_NODES;
    budget.max_depth = MAX_DEPTH;
    budget.max_total_scalar_bytes = 512 * 1024 * 1024;
    budget.max_documents = 1;
    let mut alias_limits = serde_saphyr::options::AliasLimits::default();
    alias_limits.max_total_replayed_events = MAX_ALIAS_EXPANSION;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    options.alias_limits = alias_limits;
    options.strict_booleans = true;
    options.leading_zero_numbers_as_strings = true;
    options.underscored_numbers_as_strings = true;
    options.with_snippet = false;
    // `.inf`, `.nan` and `1e400` become numbers that the schema check reports, with the rest
    // of the file, instead of failing the whole file as invalid YAML.
    options.non_finite_float_policy = serde_saphyr::NonFiniteFloatPolicy::PassThrough;
    options
}

/// Parses `text`, the part of file `file` that starts at byte `base`, into a [`Node`].
pub fn parse(file: FileId, text: &str, base: usize) -> Result<Node, Error> {
    let raw: SaphyrSpanned<Raw> = serde_saphyr::from_str_with_options(text, options())
        .map_err(|e| convert_error(&e, file, text, base))?;
    let cx = Cx { file, text, base };
    Ok(cx.node(raw))
}

struct Cx<'a> {
    file: FileId,
    text: &'a str,
    base: usize,
}

impl Cx<'_> {
    fn span(&self, location: &Location) -> Span {
        let span = location.span();
        let (start, len) = match (span.byte_offset(), span.byte_len()) {
            (Some(o), Some(l)) if o as usize <= self.text.len() => (o as usize, l as usize),
            _ => (offset_of(self.text, location.line() as usize, location.column() as usize), 0),
        };
        let end = (start + len).min(self.text.len());
        Span::new(self.file, self.base + start, self.base + end)
    }

    fn node(&self, raw: SaphyrSpanned<Raw>) -> Node {
        let span = self.span(&raw.referenced);
        let value = match raw.value {
            Raw::Null => Value::Null,
            Raw::Bool(b) => Value::Bool(b),
            Raw::Str(s) => Value::String(s),
            Raw::Num(parsed) => {
                // The spelling comes from where the value is defined (an alias points elsewhere).
                let defined = self.span(&raw.defined);
                let raw_text = self
                    .text
                    .get(defined.start as usize - self.base..defined.end as usize - self.base)
                    .unwrap_or("")
                    .trim();
                let raw_text = if raw_text.is_empty() {
                    match parsed {
                        Parsed::Int(i) => i.to_string(),
                        Parsed::UInt(u) => u.to_string(),
                        Parsed::Float(f) => f.to_string(),
                    }
                } else {
                    raw_text.to_string()
                };
                Value::Number(Number { raw: raw_text.into(), parsed })
            }
            Raw::Seq(items) => Value::Seq(items.into_iter().map(|n| self.node(n)).collect()),
            Raw::Map(entries) => {
                Value::Map(entries.into_iter().map(|(k, v)| (self.node(k), self.node(v))).collect())
            }
        };
        // A collection's span is empty; point at its first entry instead, which reads better.
        let span = match &value {
            Value::Map(entries) if span.start == span.end => {
                entries.first().map_or(span, |(k, _)| k.span)
            }
            Value::Seq(items) if span.start == span.end => items.first().map_or(span, |n| n.span),
            _ => span,
        };
        Node { span, value }
    }
}

/// Byte offset of a 1-based line and character column in `text`.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    crate::source::offset_in(text, line, column)
}

fn convert_error(error: &serde_saphyr::Error, file: FileId, text: &str, base: usize) -> Error {
    use serde_saphyr::Error as E;
    let span = match error.location() {
        Some(loc) if loc.line() > 0 => {
            let start = offset_of(text, loc.line() as usize, loc.column() as usize);
            let len = text[start..].chars().next().map_or(0, char::len_utf8);
            Span::new(file, base + start, base + start + len)
        }
        _ => Span::new(file, base, base),
    };
    // Wrappers carry the real error inside.
    let mut error = error;
    while let E::AliasError { error: inner, .. } | E::WithSnippet { error: inner, .. } = error {
        error = inner;
    }
    let error_at = |kind, message: String, help: Option<String>| Error {
        kind,
        message,
        span,
        related: None,
        help,
    };
    match error {
        E::DuplicateMappingKey { key, .. } => duplicate_key(key.as_deref(), file, text, base, span),
        E::Budget { breach: BudgetBreach::Depth { .. }, .. } => too_deep(span),
        E::Budget {
            breach: BudgetBreach::Aliases { .. } | BudgetBreach::Anchors { .. }, ..
        }
        | E::AliasReplayLimitExceeded { .. }
        | E::AliasExpansionLimitExceeded { .. }
        | E::AliasReplayStackDepthExceeded { .. }
        | E::AliasReplayCounterOverflow { .. } => too_many_aliases(span),
        E::Budget { .. } => error_at(
            ErrorKind::Limit,
            format!("document has more than {} values", limit(MAX_NODES)),
            Some(
                "planbook does not read documents this large; split it into several documents"
                    .into(),
            ),
        ),
        E::ExternalMessage { source, msg, .. } => match source.as_ref() {
            ExternalMessageSource::Parser(scan) => match scan.kind() {
                ScanKind::RecursionLimitExceeded => too_deep(span),
                ScanKind::TabNotAllowed
                | ScanKind::TabInBlockIndentation
                | ScanKind::TabAtBlockScalarStart
                | ScanKind::TabInIndentation
                | ScanKind::TabInPlainScalar => Error {
                    span: tab_span(file, text, base, span),
                    ..error_at(
                        ErrorKind::Syntax,
                        format!("invalid YAML: {msg}"),
                        Some(
                            "YAML indentation must use spaces; replace the tab with spaces".into(),
                        ),
                    )
                },
                _ => error_at(ErrorKind::Syntax, format!("invalid YAML: {msg}"), None),
            },
            _ => error_at(ErrorKind::Syntax, format!("invalid YAML: {msg}"), None),
        },
        other => {
            let full = other.to_string();
            let message = full.split(" at line ").next().unwrap_or(&full).trim();
            error_at(ErrorKind::Syntax, format!("invalid YAML: {message}"), None)
        }
    }
}

/// A duplicate key, pointing at the second occurrence, with the first as a related place.
fn duplicate_key(key: Option<&str>, file: FileId, text: &str, base: usize, span: Span) -> Error {
    let key = key.unwrap_or("?");
    let local = span.start as usize - base;
    let span = if text[local..].starts_with(key) {
        Span::new(file, span.start as usize, span.start as usize + key.len())
    } else {
        span
    };
    let related = first_occurrence(text, local, key).map(|at| {
        (Span::new(file, base + at, base + at + key.len()), "first defined here".to_string())
    });
    Error {
        kind: ErrorKind::DuplicateKey,
        message: format!("duplicate key `{key}`"),
        span,
        related,
        help: Some("a key may appear once in a mapping; remove one of them or merge them".into()),
    }
}

/// The tab itself, which is usually on the line after the token the parser reports.
fn tab_span(file: FileId, text: &str, base: usize, span: Span) -> Span {
    let local = span.start as usize - base;
    let line_start = text[..local].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    text[line_start..]
        .find('\t')
        .filter(|&i| text[line_start..line_start + i].matches('\n').count() <= 2)
        .map_or(span, |i| Span::new(file, base + line_start + i, base + line_start + i + 1))
}

fn too_deep(span: Span) -> Error {
    Error {
        kind: ErrorKind::Limit,
        message: format!("document is nested more than {MAX_DEPTH} levels deep"),
        span,
        related: None,
        help: Some(
            "planbook reads at most that many levels of lists and mappings inside each other; \
             flatten the document, or look for a `[` or `{` that is never closed"
                .into(),
        ),
    }
}

fn too_many_aliases(span: Span) -> Error {
    Error {
        kind: ErrorKind::Limit,
        message: format!(
            "aliases (`*name`) in this document expand into more than {} values",
            limit(MAX_ALIAS_EXPANSION)
        ),
        span,
        related: None,
        help: Some(
            "planbook stops there, so that a few lines of aliases cannot expand into billions of \
             values; write the repeated values out, or use fewer aliases of aliases"
                .into(),
        ),
    }
}

/// A limit with thousands separators, as messages show numbers.
fn limit(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The offset of an earlier `key:` at the same indentation as the one at `at`.
fn first_occurrence(text: &str, at: usize, key: &str) -> Option<usize> {
    let line_start = text[..at].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let column = at - line_start;
    let mut offset = 0;
    for line in text[..line_start].split_inclusive(['\n', '\r']) {
        let indent = line.len() - line.trim_start_matches([' ', '-']).len();
        if indent == column
            && line[indent..].strip_prefix(key).is_some_and(|r| r.trim_start().starts_with(':'))
        {
            return Some(offset + indent);
        }
        offset += line.len();
    }
    None
}

/// What serde-saphyr hands over before spans are converted.
enum Raw {
    Null,
    Bool(bool),
    Num(Parsed),
    Str(String),
    Seq(Vec<SaphyrSpanned<Raw>>),
    Map(Vec<(SaphyrSpanned<Raw>, SaphyrSpanned<Raw>)>),
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Raw;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_none<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Raw, D::Error> {
        Raw::deserialize(d)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Raw, E> {
        Ok(Raw::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Raw, E> {
        Ok(Raw::Num(Parsed::Int(v)))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Raw, E> {
        Ok(match i64::try_from(v) {
            Ok(i) => Raw::Num(Parsed::Int(i)),
            Err(_) => Raw::Num(Parsed::UInt(v)),
        })
    }
    fn visit_i128<E>(self, v: i128) -> Result<Raw, E> {
        Ok(Raw::Num(Parsed::Float(v as f64)))
    }
    fn visit_u128<E>(self, v: u128) -> Result<Raw, E> {
        Ok(Raw::Num(Parsed::Float(v as f64)))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Raw, E> {
        Ok(Raw::Num(Parsed::Float(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Raw, E> {
        Ok(Raw::Str(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Raw, E> {
        Ok(Raw::Str(v))
    }
    fn visit_bytes<E>(self, v: &[u8]) -> Result<Raw, E> {
        Ok(Raw::Str(String::from_utf8_lossy(v).into_owned()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Raw::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
        let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0).min(1024));
        while let Some(key) = map.next_key()? {
            entries.push((key, map.next_value()?));
        }
        Ok(Raw::Map(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok(text: &str) -> Node {
        parse(FileId(0), text, 0).unwrap()
    }

    #[test]
    fn numbers_keep_their_spelling() {
        let node = parse_ok("a: 0.1 # comment\nb: 12345678901234567.89\nc: &x 5\nd: *x\n");
        let raw = |k: &str| match &node.get(k).unwrap().value {
            Value::Number(n) => n.raw.to_string(),
            other => panic!("{other:?}"),
        };
        assert_eq!(raw("a"), "0.1");
        assert_eq!(raw("b"), "12345678901234567.89");
        assert_eq!(raw("d"), "5");
    }

    #[test]
    fn yaml_11_words_stay_strings() {
        let node = parse_ok("a: no\nb: on\nc: 010\nd: 1_000\n");
        for key in ["a", "b", "c", "d"] {
            assert!(node.get(key).unwrap().as_str().is_some(), "{key}");
        }
    }

    #[test]
    fn spans_are_byte_offsets_with_base() {
        let node = parse(FileId(0), "名字: 中文\n", 10).unwrap();
        let value = node.get("名字").unwrap();
        assert_eq!((value.span.start, value.span.end), (10 + 8, 10 + 14));
    }

    #[test]
    fn duplicate_key_points_at_duplicate() {
        let err = parse(FileId(0), "a: 1\nb: 2\na: 3\n", 0).unwrap_err();
        assert_eq!(err.kind, ErrorKind::DuplicateKey);
        assert_eq!(err.span.start, 10);
    }

    #[test]
    fn deep_nesting_and_alias_bombs_are_refused() {
        let deep = "[".repeat(10_000);
        assert_eq!(parse(FileId(0), &deep, 0).unwrap_err().kind, ErrorKind::Limit);
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (i, c) in "bcdefgh".chars().enumerate() {
            let prev = (b'a' + i as u8) as char;
            bomb += &format!("{c}: &{c} [{}]\n", vec![format!("*{prev}"); 10].join(", "));
        }
        assert_eq!(parse(FileId(0), &bomb, 0).unwrap_err().kind, ErrorKind::Limit);
    }
}
