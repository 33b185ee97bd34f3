//! granit-parser events → [`Node`] tree, with the budget, anchors, merge keys and duplicate
//! keys handled on the way.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use serde_saphyr::granit_parser::{
    ErrorKind as ScanKind, Event, Marker, Options, Parser, ScalarStyle, ScanError,
    Span as ParserSpan, StrInput, Tag,
};

use super::explain;
use super::scalar::{Resolved, TagKind, collection_tag, resolve};
use super::{
    Error, ErrorKind, Fix, MAX_ALIAS_EXPANSION, MAX_DEPTH, MAX_NODES, MAX_SCALAR_BYTES, Node,
    Number, Parsed, Value, too_deep, too_many_aliases,
};
use crate::i18n::{Msg, msg};
use crate::source::{FileId, Span};

/// The most aliases (`*name`) and anchors (`&name`) one document may use.
const MAX_ALIASES: usize = 50_000;
/// Mappings with more entries than this find duplicate keys through a hash table.
const LINEAR_KEYS: usize = 16;

type Events<'a> = Parser<'a, StrInput<'a>>;
type Entries = Vec<(Node, Node)>;

pub(super) struct Builder<'a> {
    parser: Events<'a>,
    file: FileId,
    text: &'a str,
    base: usize,
    /// Anchored nodes by anchor id; `None` while the anchored node is still being built (an
    /// alias to it then is recursive).
    anchors: Vec<Option<Anchor>>,
    nodes: usize,
    scalar_bytes: usize,
    /// Nodes and scalar bytes held in the copies of anchored nodes, which count against the
    /// limits too: anchors inside anchors would otherwise copy a large tree once per level.
    held: usize,
    held_bytes: usize,
    /// The height of the node built last: 0 for a scalar, 1 + its children's for a collection.
    height: usize,
    aliases: usize,
    anchors_defined: usize,
    expanded: usize,
    depth: usize,
}

impl<'a> Builder<'a> {
    pub(super) fn new(file: FileId, text: &'a str, base: usize) -> Self {
        let mut options = Options::default();
        options.set_emit_comments(false);
        options.block_nesting_limit = options.block_nesting_limit.max(MAX_DEPTH + 1);
        Builder {
            parser: Parser::new_from_str_with_options(text, options),
            file,
            text,
            base,
            anchors: Vec::new(),
            nodes: 0,
            scalar_bytes: 0,
            held: 0,
            held_bytes: 0,
            height: 0,
            aliases: 0,
            anchors_defined: 0,
            expanded: 0,
            depth: 0,
        }
    }

    /// The one document in the text; nothing at all, or only comments, is null.
    pub(super) fn document(mut self) -> Result<Node, Box<Error>> {
        let (event, span) = self.next()?;
        if !matches!(event, Event::StreamStart) {
            return Err(self.unexpected(span));
        }
        let (event, span) = self.next()?;
        let root = match event {
            Event::StreamEnd => {
                return Ok(Node { span, value: Value::Null });
            }
            Event::DocumentStart(..) => {
                let (event, span) = self.next()?;
                let root = self.node(event, span)?;
                let (event, span) = self.next()?;
                if !matches!(event, Event::DocumentEnd) {
                    return Err(self.unexpected(span));
                }
                root
            }
            _ => return Err(self.unexpected(span)),
        };
        let (event, span) = self.next()?;
        match event {
            Event::StreamEnd => Ok(root),
            Event::DocumentStart(..) => {
                let mut error = self.syntax(msg!("yaml-more-documents"), span);
                error.help = Some(msg!("yaml-more-documents-help"));
                Err(error)
            }
            _ => Err(self.unexpected(span)),
        }
    }

    /// The next event and its span in the file (the parser's own span is large to move).
    fn next(&mut self) -> Result<(Event<'a>, Span), Box<Error>> {
        match self.parser.next_event() {
            Some(Ok((event, span))) => Ok((event, self.span(&span))),
            Some(Err(error)) => Err(self.scan_error(&error)),
            None => {
                let end = self.base + self.text.len();
                Err(self.syntax(msg!("yaml-unexpected-end"), Span::new(self.file, end, end)))
            }
        }
    }

    fn node(&mut self, event: Event<'a>, span: Span) -> Result<Node, Box<Error>> {
        match event {
            Event::Scalar(value, style, anchor, tag) => {
                self.count(span)?;
                let start_bytes = self.scalar_bytes;
                self.scalar_bytes += value.len() + tag.as_deref().map_or(0, tag_len);
                if self.scalar_bytes > MAX_SCALAR_BYTES {
                    return Err(self.too_large(span));
                }
                let resolved = resolve(&value, style, TagKind::of(tag.as_deref()))
                    .map_err(|message| self.syntax(message, span))?;
                let at = span;
                let value = match resolved {
                    Resolved::Null => Value::Null,
                    Resolved::Bool(b) => Value::Bool(b),
                    Resolved::String => Value::String(value.into_owned()),
                    Resolved::Number(parsed) => {
                        Value::Number(Number { raw: self.raw(at, &value), parsed })
                    }
                };
                let node = Node { span: at, value };
                self.height = 0;
                let bytes = self.scalar_bytes - start_bytes;
                self.define(anchor, &node, Size { nodes: 1, bytes, height: 0 }, span)?;
                Ok(node)
            }
            Event::SequenceStart(_, anchor, tag) => {
                collection_tag(tag.as_deref(), true).map_err(|m| self.syntax(m, span))?;
                self.enter(anchor, span)?;
                let start = (self.nodes + self.expanded, self.scalar_bytes);
                let mut items = Vec::new();
                let mut height = 0;
                loop {
                    let (event, span) = self.next()?;
                    if matches!(event, Event::SequenceEnd) {
                        break;
                    }
                    items.push(self.node(event, span)?);
                    height = height.max(self.height);
                }
                self.depth -= 1;
                self.height = height + 1;
                let at = span;
                let at = if at.start == at.end { items.first().map_or(at, |n| n.span) } else { at };
                let node = Node { span: at, value: Value::Seq(items) };
                let size = self.size_since(start);
                self.define(anchor, &node, size, span)?;
                Ok(node)
            }
            Event::MappingStart(_, anchor, tag) => {
                collection_tag(tag.as_deref(), false).map_err(|m| self.syntax(m, span))?;
                self.enter(anchor, span)?;
                let start = (self.nodes + self.expanded, self.scalar_bytes);
                let (entries, height) = self.entries()?;
                self.depth -= 1;
                self.height = height + 1;
                let at = span;
                let at = if at.start == at.end {
                    entries.first().map_or(at, |(k, _)| k.span)
                } else {
                    at
                };
                let node = Node { span: at, value: Value::Map(entries) };
                let size = self.size_since(start);
                self.define(anchor, &node, size, span)?;
                Ok(node)
            }
            Event::Alias(id) => self.alias(id, span),
            _ => Err(self.unexpected(span)),
        }
    }

    /// A mapping's entries up to its end, merge keys (`<<`) applied after the explicit keys,
    /// and the greatest height among them.
    fn entries(&mut self) -> Result<(Entries, usize), Box<Error>> {
        let mut height = 0;
        let mut entries: Vec<(Node, Node)> = Vec::new();
        let mut keys = KeySet::default();
        let mut merged: Vec<(Node, Node)> = Vec::new();
        loop {
            let (event, span) = self.next()?;
            if matches!(event, Event::MappingEnd) {
                break;
            }
            let merge = is_merge_key(&event);
            let key = self.node(event, span)?;
            height = height.max(self.height);
            // A duplicate is reported before its value is read, and before any error in it.
            if !merge && let Some(first) = keys.find(&entries, &key) {
                return Err(duplicate_key(&key, &entries[first].0));
            }
            let (event, span) = self.next()?;
            let value = self.node(event, span)?;
            height = height.max(self.height);
            if merge {
                self.merge(value, &mut merged)?;
                continue;
            }
            keys.insert(&entries, &key);
            entries.push((key, value));
        }
        // Keys written in the mapping win over merged ones, and earlier merges over later.
        for (key, value) in merged {
            if keys.find(&entries, &key).is_none() {
                keys.insert(&entries, &key);
                entries.push((key, value));
            }
        }
        Ok((entries, height))
    }

    /// The entries a merge key's value brings: a mapping, a list of mappings, or nothing.
    fn merge(&self, value: Node, merged: &mut Vec<(Node, Node)>) -> Result<(), Box<Error>> {
        match value.value {
            Value::Null => Ok(()),
            Value::Map(entries) => {
                merged.extend(respanned(entries, value.span));
                Ok(())
            }
            Value::Seq(items) => {
                for item in items {
                    match item.value {
                        Value::Map(entries) => merged.extend(respanned(entries, item.span)),
                        _ => return Err(self.merge_error(item.span)),
                    }
                }
                Ok(())
            }
            _ => Err(self.merge_error(value.span)),
        }
    }

    fn merge_error(&self, span: Span) -> Box<Error> {
        let mut error = self.syntax(msg!("yaml-merge-value"), span);
        error.span = span;
        error
    }

    fn alias(&mut self, id: usize, span: Span) -> Result<Node, Box<Error>> {
        self.aliases += 1;
        if self.aliases > MAX_ALIASES {
            return Err(too_many_aliases(self.char_span(span)));
        }
        let Some(Some(anchor)) = self.anchors.get(id) else {
            return Err(self.syntax(msg!("yaml-alias-in-itself"), span));
        };
        let Size { nodes, bytes, height } = anchor.size;
        self.expanded += nodes;
        if self.expanded > MAX_ALIAS_EXPANSION {
            return Err(too_many_aliases(self.char_span(span)));
        }
        // The copy nests as deep as the anchored node does, below where the alias is.
        if self.depth + height > MAX_DEPTH {
            return Err(too_deep(self.char_span(span)));
        }
        self.scalar_bytes += bytes;
        if self.scalar_bytes > MAX_SCALAR_BYTES {
            return Err(self.too_large(span));
        }
        // An anchored node too large for any alias is not kept; the checks above refuse it.
        let Some(node) = &anchor.node else {
            return Err(too_many_aliases(self.char_span(span)));
        };
        self.height = height;
        let mut node = node.clone();
        // Every value an alias brings points at the alias, where it is used.
        respan(&mut node, span);
        Ok(node)
    }

    /// Counts a collection and steps into it.
    fn enter(&mut self, anchor: usize, span: Span) -> Result<(), Box<Error>> {
        self.count(span)?;
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(too_deep(self.char_span(span)));
        }
        if anchor != 0 {
            // Marks the anchor as being built, so that an alias inside it is refused.
            self.slot(anchor, span)?;
        }
        Ok(())
    }

    fn count(&mut self, span: Span) -> Result<(), Box<Error>> {
        self.nodes += 1;
        if self.nodes > MAX_NODES {
            return Err(self.too_large(span));
        }
        Ok(())
    }

    /// The size of the collection that started at `start` (nodes and expanded, scalar bytes)
    /// and was built last.
    fn size_since(&self, (nodes, bytes): (usize, usize)) -> Size {
        Size {
            nodes: self.nodes + self.expanded - nodes + 1,
            bytes: self.scalar_bytes - bytes,
            height: self.height,
        }
    }

    /// Remembers an anchored node (`&name`) for later aliases.
    fn define(
        &mut self,
        anchor: usize,
        node: &Node,
        size: Size,
        span: Span,
    ) -> Result<(), Box<Error>> {
        if anchor == 0 {
            return Ok(());
        }
        let node = if size.nodes > MAX_ALIAS_EXPANSION {
            None
        } else {
            self.held += size.nodes;
            self.held_bytes += size.bytes;
            if self.nodes + self.held > MAX_NODES
                || self.scalar_bytes + self.held_bytes > MAX_SCALAR_BYTES
            {
                return Err(self.too_large(span));
            }
            Some(node.clone())
        };
        *self.slot(anchor, span)? = Some(Anchor { node, size });
        Ok(())
    }

    fn slot(&mut self, anchor: usize, span: Span) -> Result<&mut Option<Anchor>, Box<Error>> {
        if anchor >= self.anchors.len() {
            self.anchors_defined += 1;
            if self.anchors_defined > MAX_ALIASES {
                return Err(too_many_aliases(self.char_span(span)));
            }
            self.anchors.resize_with(anchor + 1, || None);
        }
        Ok(&mut self.anchors[anchor])
    }

    /// A number's spelling: its text in the source, or the parsed text when it has none there.
    fn raw(&self, at: Span, value: &str) -> Box<str> {
        let local = at.start as usize - self.base..at.end as usize - self.base;
        let text = self.text.get(local).unwrap_or("").trim();
        if text.is_empty() { value.into() } else { text.into() }
    }

    fn offset(&self, marker: &Marker) -> usize {
        let offset = marker.byte_offset().unwrap_or_else(|| {
            self.text.char_indices().nth(marker.index()).map_or(self.text.len(), |(i, _)| i)
        });
        offset.min(self.text.len())
    }

    fn span(&self, span: &ParserSpan) -> Span {
        let start = self.offset(&span.start);
        let end = self.offset(&span.end).max(start);
        Span::new(self.file, self.base + start, self.base + end)
    }

    /// The character at the start of `span`, where errors point.
    fn char_span(&self, span: Span) -> Span {
        let start = span.start as usize;
        let len = self.text.get(start - self.base..).and_then(|r| r.chars().next());
        Span::new(self.file, start, start + len.map_or(0, char::len_utf8))
    }

    fn syntax(&self, detail: Msg, span: Span) -> Box<Error> {
        Box::new(Error {
            kind: ErrorKind::Syntax,
            message: msg!("yaml-invalid", detail = detail),
            span: self.char_span(span),
            related: None,
            fixes: Vec::new(),
            help: None,
        })
    }

    fn unexpected(&self, span: Span) -> Box<Error> {
        self.syntax(msg!("yaml-unexpected-structure"), span)
    }

    fn too_large(&self, span: Span) -> Box<Error> {
        Box::new(Error {
            kind: ErrorKind::Limit,
            message: msg!("yaml-too-large", max = MAX_NODES),
            span: self.char_span(span),
            related: None,
            fixes: Vec::new(),
            help: Some(msg!("yaml-too-large-help")),
        })
    }

    fn scan_error(&self, error: &ScanError) -> Box<Error> {
        let local = self.offset(error.marker());
        let at = Span::new(self.file, self.base + local, self.base + local);
        match error.kind() {
            ScanKind::RecursionLimitExceeded => return too_deep(self.char_span(at)),
            ScanKind::UnknownAnchor => return self.unknown_alias(at),
            _ => {}
        }
        if let Some(found) = explain::explain(self.text, local, error.kind()) {
            return self.explained(found);
        }
        let mut error = self.syntax(scan_message(error.kind(), || error.info()), at);
        error.help = Some(msg!("yaml-syntax-help"));
        error
    }

    /// An explained syntax error, its ranges in the file.
    fn explained(&self, found: explain::Explained) -> Box<Error> {
        // Ranges are widened to whole characters, so that no span splits one.
        let text = self.text;
        let floor = |mut i: usize| {
            i = i.min(text.len());
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let ceil = |mut i: usize| {
            i = i.min(text.len());
            while !text.is_char_boundary(i) {
                i += 1;
            }
            i
        };
        let span = |r: std::ops::Range<usize>| {
            let start = floor(r.start);
            Span::new(self.file, self.base + start, self.base + ceil(r.end).max(start))
        };
        let fixes = found.fix.map(|(title, edits)| Fix {
            title,
            safe: true,
            edits: edits.into_iter().map(|(r, text)| (span(r), text)).collect(),
        });
        Box::new(Error {
            kind: ErrorKind::Syntax,
            message: found.message,
            span: span(found.at),
            help: Some(found.help),
            related: found.related.map(|(r, label)| (span(r), label)),
            fixes: fixes.into_iter().collect(),
        })
    }

    /// An alias whose anchor is not defined before it, named in the message.
    fn unknown_alias(&self, at: Span) -> Box<Error> {
        let start = at.start as usize - self.base;
        let rest = self.text.get(start..).and_then(|r| r.strip_prefix('*')).unwrap_or("");
        let end = rest
            .find(|c: char| c.is_whitespace() || matches!(c, ',' | '[' | ']' | '{' | '}'))
            .unwrap_or(rest.len());
        let name = &rest[..end];
        let mut error = self.syntax(msg!("yaml-unknown-alias", name = name), at);
        error.help = Some(msg!("yaml-unknown-alias-help"));
        error
    }
}

/// The parser's complaint in planbook's catalogue: the English is the parser's own wording,
/// so that it reads the same as before; kinds met only with unusual input keep the parser's
/// text as an argument.
pub(super) fn scan_message(kind: &ScanKind, info: impl FnOnce() -> String) -> Msg {
    match kind {
        ScanKind::UnexpectedEofFlowSequence => msg!("yaml-scan-eof-flow-sequence"),
        ScanKind::UnexpectedEofFlowMapping => msg!("yaml-scan-eof-flow-mapping"),
        ScanKind::UnexpectedEofImplicitFlowMapping => msg!("yaml-scan-eof-implicit-mapping"),
        ScanKind::UnexpectedEofBlockSequence => msg!("yaml-scan-eof-block-sequence"),
        ScanKind::UnexpectedEofBlockMapping => msg!("yaml-scan-eof-block-mapping"),
        ScanKind::UnexpectedEof => msg!("yaml-scan-eof"),
        ScanKind::ExpectedNodeContent => msg!("yaml-scan-no-content"),
        ScanKind::ExpectedBlockMappingKey => msg!("yaml-scan-no-key"),
        ScanKind::ExpectedFlowMappingSeparator => msg!("yaml-scan-flow-mapping"),
        ScanKind::ExpectedFlowSequenceSeparator => msg!("yaml-scan-flow-sequence"),
        ScanKind::ExpectedBlockSequenceEntry => msg!("yaml-scan-no-dash"),
        ScanKind::SimpleKeyExpected => msg!("yaml-scan-no-colon"),
        ScanKind::InvalidSimpleKey => msg!("yaml-scan-key-broken"),
        ScanKind::InvalidDocumentEnd => msg!("yaml-scan-after-end"),
        ScanKind::InvalidIndentation => msg!("yaml-scan-indentation"),
        ScanKind::InvalidFlowScalarIndent => msg!("yaml-scan-flow-indentation"),
        ScanKind::BomInsideDocument => msg!("yaml-scan-bom"),
        ScanKind::UnexpectedCharacter { character } => {
            msg!("yaml-scan-character", character = character.escape_default().to_string())
        }
        ScanKind::TabNotAllowed => msg!("yaml-scan-tab"),
        ScanKind::TabInBlockIndentation => msg!("yaml-scan-tab-block"),
        ScanKind::TabAtBlockScalarStart => msg!("yaml-scan-tab-block-text"),
        ScanKind::TabInIndentation => msg!("yaml-scan-tab-indentation"),
        ScanKind::TabInPlainScalar => msg!("yaml-scan-tab-plain"),
        ScanKind::CommentInterceptedScalar => msg!("yaml-scan-comment-in-text"),
        ScanKind::CommentNotSeparated => msg!("yaml-scan-comment-space"),
        ScanKind::MissingAnchorOrAliasName => msg!("yaml-scan-anchor-name"),
        ScanKind::MisplacedFlowCollectionEnd => msg!("yaml-scan-misplaced-bracket"),
        ScanKind::MismatchedFlowCollectionEnd { open, close } => {
            msg!("yaml-scan-mismatched-bracket", open = open.to_string(), close = close.to_string())
        }
        ScanKind::UnclosedFlowCollection { open } => {
            msg!("yaml-scan-unclosed-bracket", open = open.to_string())
        }
        ScanKind::BlockEntryInFlowCollection => msg!("yaml-scan-dash-in-brackets"),
        ScanKind::BlockSequenceEntryNotAllowed => msg!("yaml-scan-dash-not-allowed"),
        ScanKind::InvalidBlockEntryWhitespace => msg!("yaml-scan-dash-space"),
        ScanKind::InvalidBlockScalarIndent => msg!("yaml-scan-block-text-indent"),
        ScanKind::UnclosedQuotedScalar => msg!("yaml-scan-unclosed-quote"),
        ScanKind::InvalidQuotedScalarIndent => msg!("yaml-scan-quoted-indent"),
        ScanKind::InvalidTrailingSingleQuotedScalar => msg!("yaml-scan-after-single-quote"),
        ScanKind::InvalidTrailingDoubleQuotedScalar => msg!("yaml-scan-after-double-quote"),
        ScanKind::UnknownQuotedScalarEscape => msg!("yaml-scan-unknown-escape"),
        ScanKind::InvalidQuotedScalarHexEscape => msg!("yaml-scan-hex-escape"),
        ScanKind::InvalidLowSurrogateHexEscape => msg!("yaml-scan-low-surrogate-hex"),
        ScanKind::InvalidLowSurrogate => msg!("yaml-scan-low-surrogate"),
        ScanKind::MissingLowSurrogate => msg!("yaml-scan-missing-low-surrogate"),
        ScanKind::UnpairedLowSurrogate => msg!("yaml-scan-unpaired-low-surrogate"),
        ScanKind::InvalidUnicodeEscape => msg!("yaml-scan-unicode-escape"),
        ScanKind::PlainScalarStartsWithDashFlowIndicator => msg!("yaml-scan-dash-bracket"),
        ScanKind::MappingKeyNotAllowed => msg!("yaml-scan-key-not-allowed"),
        ScanKind::InvalidMappingValueWhitespace => msg!("yaml-scan-colon-space"),
        ScanKind::InvalidColonPlacement => msg!("yaml-scan-colon-placement"),
        ScanKind::FlowMappingValueAdjacentCollection => msg!("yaml-scan-colon-bracket"),
        ScanKind::MappingValueNotAllowed => msg!("yaml-scan-value-not-allowed"),
        _ => msg!("yaml-scan-other", text = info()),
    }
}

/// A copy of an anchored node for its aliases, and its size.
struct Anchor {
    /// `None` when the node is larger than the alias expansion limit, so never copied.
    node: Option<Node>,
    size: Size,
}

/// How much an anchored node holds, so that each alias of it counts against the limits.
#[derive(Clone, Copy)]
struct Size {
    /// Nodes, its own included.
    nodes: usize,
    /// Scalar text bytes.
    bytes: usize,
    /// Levels of collections.
    height: usize,
}

/// Points `node` and everything in it at `span`.
fn respan(node: &mut Node, span: Span) {
    node.span = span;
    match &mut node.value {
        Value::Seq(items) => items.iter_mut().for_each(|n| respan(n, span)),
        Value::Map(entries) => entries.iter_mut().for_each(|(k, v)| {
            respan(k, span);
            respan(v, span);
        }),
        _ => {}
    }
}

/// Merged entries, pointing at the merge value they came from (`<<: *base`).
fn respanned(mut entries: Vec<(Node, Node)>, span: Span) -> Vec<(Node, Node)> {
    for (k, v) in &mut entries {
        respan(k, span);
        respan(v, span);
    }
    entries
}

fn tag_len(tag: &Tag) -> usize {
    let (handle, suffix) = tag.parts();
    handle.len() + suffix.len()
}

/// `<<` written plain (or tagged `!!merge`) in a key's place.
fn is_merge_key(event: &Event<'_>) -> bool {
    match event {
        Event::Scalar(value, style, _, tag) => {
            value.as_ref() == "<<"
                && match tag {
                    None => *style == ScalarStyle::Plain,
                    Some(tag) => {
                        tag.suffix_in_namespace("tag:yaml.org,2002:").is_some_and(|s| s == "merge")
                    }
                }
        }
        _ => false,
    }
}

/// A duplicate key, pointing at the second occurrence, with the first as a related place.
fn duplicate_key(key: &Node, first: &Node) -> Box<Error> {
    let name = match &key.value {
        Value::Seq(_) | Value::Map(_) => "?".into(),
        _ => key.key_text(),
    };
    Box::new(Error {
        kind: ErrorKind::DuplicateKey,
        message: msg!("yaml-duplicate-key", name = name),
        span: key.span,
        related: Some((first.span, msg!("yaml-first-defined"))),
        fixes: Vec::new(),
        help: Some(msg!("yaml-duplicate-key-help")),
    })
}

/// Whether two keys name the same entry: equal values whatever their spelling (`1` and
/// `0x1`), or the same text as planbook reads keys (`true` and `"true"`, `1` and `"1"`).
fn duplicate(a: &Node, b: &Node) -> bool {
    if let (Value::String(x), Value::String(y)) = (&a.value, &b.value) {
        return x == y;
    }
    let scalar = |n: &Node| !matches!(n.value, Value::Seq(_) | Value::Map(_));
    same(a, b) || (scalar(a) && scalar(b) && a.key_text() == b.key_text())
}

/// Whether two values are equal, whatever their spelling or quoting.
fn same(a: &Node, b: &Node) -> bool {
    match (&a.value, &b.value) {
        (Value::String(a), Value::String(b)) => a == b,
        (Value::Null, Value::Null) => true,
        (Value::Bool(a), Value::Bool(b)) => a == b,
        (Value::Number(a), Value::Number(b)) => match (a.parsed, b.parsed) {
            (Parsed::Int(x), Parsed::Int(y)) => x == y,
            (Parsed::UInt(x), Parsed::UInt(y)) => x == y,
            _ => a.raw == b.raw,
        },
        (Value::Seq(a), Value::Seq(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
        }
        (Value::Map(a), Value::Map(b)) => {
            a.len() == b.len()
                && a.iter().zip(b).all(|((ka, va), (kb, vb))| same(ka, kb) && same(va, vb))
        }
        _ => false,
    }
}

/// A hash of a key consistent with [`duplicate`]: scalars hash their key text, and inside a
/// collection, where [`same`] compares integers by value, integers hash their value.
fn key_hash(node: &Node, hasher: &mut DefaultHasher, nested: bool) {
    match &node.value {
        Value::Number(Number { parsed: Parsed::Int(i), .. }) if nested => {
            (1u8, i128::from(*i)).hash(hasher);
        }
        Value::Number(Number { parsed: Parsed::UInt(u), .. }) if nested => {
            (1u8, i128::from(*u)).hash(hasher);
        }
        Value::Null | Value::Bool(_) | Value::String(_) | Value::Number(_) => {
            (0u8, node.key_text().as_ref()).hash(hasher);
        }
        Value::Seq(items) => {
            (6u8, items.len()).hash(hasher);
            items.iter().for_each(|i| key_hash(i, hasher, true));
        }
        Value::Map(entries) => {
            (7u8, entries.len()).hash(hasher);
            entries.iter().for_each(|(k, v)| {
                key_hash(k, hasher, true);
                key_hash(v, hasher, true);
            });
        }
    }
}

/// The keys of one mapping: a linear scan while it is small, a hash table after.
#[derive(Default)]
struct KeySet {
    /// Key hash → index of the first entry with that hash.
    table: Option<HashMap<u64, Vec<usize>>>,
}

impl KeySet {
    fn hash(key: &Node) -> u64 {
        let mut hasher = DefaultHasher::new();
        key_hash(key, &mut hasher, false);
        hasher.finish()
    }

    /// A second bucket for integers, so that `1` finds `0x1`.
    fn int_hash(key: &Node) -> Option<u64> {
        let Value::Number(n) = &key.value else { return None };
        let mut hasher = DefaultHasher::new();
        match n.parsed {
            Parsed::Int(i) => (1u8, i128::from(i)).hash(&mut hasher),
            Parsed::UInt(u) => (1u8, i128::from(u)).hash(&mut hasher),
            Parsed::Float(_) => return None,
        }
        Some(hasher.finish())
    }

    fn find(&self, entries: &[(Node, Node)], key: &Node) -> Option<usize> {
        let Some(table) = &self.table else {
            return entries.iter().position(|(k, _)| duplicate(k, key));
        };
        let candidates = |hash: u64| table.get(&hash).into_iter().flatten().copied();
        let found = candidates(Self::hash(key)).find(|&i| duplicate(&entries[i].0, key));
        found.or_else(|| {
            let hash = Self::int_hash(key)?;
            candidates(hash).find(|&i| duplicate(&entries[i].0, key))
        })
    }

    /// Records `key`, about to be pushed at `entries.len()`.
    fn insert(&mut self, entries: &[(Node, Node)], key: &Node) {
        if self.table.is_none() && entries.len() >= LINEAR_KEYS {
            let mut table: HashMap<u64, Vec<usize>> = HashMap::with_capacity(entries.len() * 2);
            for (i, (k, _)) in entries.iter().enumerate() {
                Self::record(&mut table, k, i);
            }
            self.table = Some(table);
        }
        if let Some(table) = &mut self.table {
            Self::record(table, key, entries.len());
        }
    }

    fn record(table: &mut HashMap<u64, Vec<usize>>, key: &Node, at: usize) {
        table.entry(Self::hash(key)).or_default().push(at);
        if let Some(hash) = Self::int_hash(key) {
            table.entry(hash).or_default().push(at);
        }
    }
}
