//! YAML text → [`Node`], a tree that keeps the byte span of every key and value.
//!
//! granit-parser (re-exported by serde-saphyr) scans the text into events; `build` turns
//! them straight into planbook's tree, with YAML 1.2 core-schema resolution and planbook's
//! strict settings (`scalar`: only `true`/`false` spellings are booleans, numbers with leading
//! zeros or underscores stay strings), duplicate keys rejected, merge keys applied, and a
//! resource budget. Numbers keep their original spelling so money can be read exactly.

mod build;
mod explain;
pub mod habits;
mod layout;
mod scalar;

#[cfg(test)]
mod tests;

use crate::i18n::{Msg, msg};
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
    /// The parsed value, used only for type checks.
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
    pub fn type_name(&self) -> Msg {
        match &self.value {
            Value::Null => msg!("yaml-type-null"),
            Value::Bool(_) => msg!("yaml-type-bool"),
            Value::Number(_) => msg!("yaml-type-number"),
            Value::String(_) => msg!("yaml-type-string"),
            Value::Seq(_) => msg!("yaml-type-list"),
            Value::Map(_) => msg!("yaml-type-mapping"),
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
    pub message: Msg,
    /// Where.
    pub span: Span,
    /// What to do about it.
    pub help: Option<Msg>,
    /// Another place that matters (the first occurrence of a duplicate key, a sibling line).
    pub related: Option<(Span, Msg)>,
    /// Sure edits that fix it (a line re-indented, `：` replaced by `:`); `load` turns them
    /// into the diagnostic's fixes.
    pub fixes: Vec<Fix>,
}

/// An edit that fixes a syntax error: its title, whether it is surely what the writer meant,
/// and the spans to replace with their new text (never overlapping).
#[derive(Debug, Clone)]
pub struct Fix {
    /// What the fix does: "indent this line by 4 spaces".
    pub title: Msg,
    /// Whether `check --fix` may apply it alone.
    pub safe: bool,
    /// Each span and its replacement.
    pub edits: Vec<(Span, String)>,
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

/// The most bytes of scalar text one document may hold.
const MAX_SCALAR_BYTES: usize = 512 * 1024 * 1024;

/// Parses `text`, the part of file `file` that starts at byte `base`, into a [`Node`].
///
/// The error is boxed: it is large, and the builder recurses once per level of nesting.
pub fn parse(file: FileId, text: &str, base: usize) -> Result<Node, Box<Error>> {
    build::Builder::new(file, text, base).document()
}

pub(crate) fn too_deep(span: Span) -> Box<Error> {
    Box::new(Error {
        kind: ErrorKind::Limit,
        message: msg!("yaml-too-deep", max = MAX_DEPTH),
        span,
        related: None,
        fixes: Vec::new(),
        help: Some(msg!("yaml-too-deep-help")),
    })
}

pub(crate) fn too_many_aliases(span: Span) -> Box<Error> {
    Box::new(Error {
        kind: ErrorKind::Limit,
        message: msg!("yaml-too-many-aliases", max = MAX_ALIAS_EXPANSION),
        span,
        related: None,
        fixes: Vec::new(),
        help: Some(msg!("yaml-too-many-aliases-help")),
    })
}
