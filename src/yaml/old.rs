//! The serde-saphyr based parser this module used before, kept only for differential tests.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::granit_parser::ErrorKind as ScanKind;
use serde_saphyr::{ExternalMessageSource, Location, Spanned as SaphyrSpanned};

use super::{
    Error, ErrorKind, MAX_ALIAS_EXPANSION, MAX_DEPTH, MAX_NODES, Node, Number, Parsed, Value,
    limit, too_deep, too_many_aliases,
};
use crate::source::{FileId, Span};

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
pub fn old_parse(file: FileId, text: &str, base: usize) -> Result<Node, Error> {
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
