//! A serde `Deserializer` over [`Node`], so typed documents are built from the tree that was
//! already parsed and schema-checked, without parsing the text a second time.
//!
//! Two things make it planbook's own: a request for [`crate::source::Spanned`] is answered with
//! the node's span, and a request for a string on a number yields the number's original
//! spelling (which is how [`crate::model::money::Money`] stays exact).

use std::fmt;

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, IntoDeserializer, MapAccess, SeqAccess,
    VariantAccess, Visitor,
};

use crate::i18n::{Locale, Msg, msg};
use crate::model::period::Date;
use crate::source::{SPANNED_FIELDS, SPANNED_STRUCT, Span};
use crate::yaml::{Node, Parsed, Value};

/// A failure to map a node onto a Rust type, with the span of the node at fault.
#[derive(Debug, Clone)]
pub struct Error {
    /// What was wrong: planbook's words, or (as [`Msg::verbatim`]) the text a type's
    /// `Deserialize` gave, which [`explain`] puts into words.
    pub message: Msg,
    /// Where, when known.
    pub span: Option<Span>,
}

impl Error {
    fn at(mut self, span: Span) -> Error {
        self.span.get_or_insert(span);
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message.text(Locale::En))
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Error {
        Error { message: Msg::verbatim(msg.to_string()), span: None }
    }
}

/// The message for `error`, met while deserializing `root`. The schema has checked every form
/// already, so what a type still refuses is a value of the right form that does not exist: a
/// date such as `2026-02-30`. Other refusals keep the type's own words.
pub fn explain(error: &Error, root: &Node) -> Msg {
    if !error.message.id().is_empty() {
        return error.message.clone();
    }
    let text = error.message.text(Locale::En);
    let at = error.span.and_then(|span| string_at(root, span));
    match at {
        Some(s) if looks_like_date(s) && s.parse::<Date>().is_err() => {
            msg!("load-no-such-date", found = s)
        }
        _ => msg!("load-cannot-read", detail = text),
    }
}

/// The text of the string node at `span`.
fn string_at(node: &Node, span: Span) -> Option<&str> {
    match &node.value {
        Value::String(s) if node.span == span => Some(s),
        Value::Seq(items) => items.iter().find_map(|n| string_at(n, span)),
        Value::Map(entries) => entries.iter().find_map(|(_, v)| string_at(v, span)),
        _ => None,
    }
}

/// `dddd-dd-dd`: the shape of a date, whether or not the day exists.
fn looks_like_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter()
            .enumerate()
            .all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() })
}

/// Deserializes a `T` from `node`.
pub fn from_node<'de, T: de::Deserialize<'de>>(node: &'de Node) -> Result<T, Error> {
    T::deserialize(NodeDe(node))
}

struct NodeDe<'de>(&'de Node);

impl<'de> NodeDe<'de> {
    fn any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let node = self.0;
        match &node.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => match n.parsed {
                Parsed::Int(i) => visitor.visit_i64(i),
                Parsed::UInt(u) => visitor.visit_u64(u),
                Parsed::Float(f) => visitor.visit_f64(f),
            },
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Seq(items) => visitor.visit_seq(Seq { items: items.iter() }),
            Value::Map(entries) => visitor.visit_map(Map { entries: entries.iter(), value: None }),
        }
        .map_err(|e| e.at(node.span))
    }
}

impl<'de> Deserializer<'de> for NodeDe<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.any(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match &self.0.value {
            Value::Number(n) => visitor.visit_str(&n.raw).map_err(|e: Error| e.at(self.0.span)),
            _ => self.any(visitor),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        if name == SPANNED_STRUCT && fields == SPANNED_FIELDS {
            return visitor.visit_map(SpanAccess { node: self.0, step: 0 });
        }
        self.any(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let node = self.0;
        match &node.value {
            Value::String(s) => visitor.visit_enum(s.as_str().into_deserializer()),
            Value::Map(entries) if entries.len() == 1 => {
                visitor.visit_enum(Variant { key: &entries[0].0, value: &entries[0].1 })
            }
            _ => Err(Error {
                message: msg!("load-expected-word", found = node.type_name()),
                span: None,
            }),
        }
        .map_err(|e: Error| e.at(node.span))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char bytes byte_buf unit
        unit_struct seq tuple tuple_struct map identifier ignored_any
    }
}

struct Seq<'de> {
    items: std::slice::Iter<'de, Node>,
}

impl<'de> SeqAccess<'de> for Seq<'de> {
    type Error = Error;
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        self.items.next().map(|node| seed.deserialize(NodeDe(node))).transpose()
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct Map<'de> {
    entries: std::slice::Iter<'de, (Node, Node)>,
    value: Option<&'de Node>,
}

impl<'de> MapAccess<'de> for Map<'de> {
    type Error = Error;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        match self.entries.next() {
            Some((key, value)) => {
                self.value = Some(value);
                seed.deserialize(NodeDe(key)).map(Some)
            }
            None => Ok(None),
        }
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let value = self
            .value
            .take()
            .ok_or_else(|| Error { message: msg!("load-value-without-key"), span: None })?;
        seed.deserialize(NodeDe(value))
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

/// Answers a [`crate::source::Spanned`] request: `file`, `start`, `end`, then the value.
struct SpanAccess<'de> {
    node: &'de Node,
    step: usize,
}

impl<'de> MapAccess<'de> for SpanAccess<'de> {
    type Error = Error;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some(&name) = SPANNED_FIELDS.get(self.step) else { return Ok(None) };
        seed.deserialize(name.into_deserializer()).map(Some)
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let span = self.node.span;
        self.step += 1;
        match self.step {
            1 => seed.deserialize(span.file.0.into_deserializer()),
            2 => seed.deserialize(span.start.into_deserializer()),
            3 => seed.deserialize(span.end.into_deserializer()),
            _ => seed.deserialize(NodeDe(self.node)),
        }
    }
}

struct Variant<'de> {
    key: &'de Node,
    value: &'de Node,
}

impl<'de> EnumAccess<'de> for Variant<'de> {
    type Error = Error;
    type Variant = NodeDe<'de>;
    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Self::Variant), Error> {
        Ok((seed.deserialize(NodeDe(self.key))?, NodeDe(self.value)))
    }
}

impl<'de> VariantAccess<'de> for NodeDe<'de> {
    type Error = Error;
    fn unit_variant(self) -> Result<(), Error> {
        Ok(())
    }
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(self)
    }
    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        self.any(visitor)
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.any(visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::money::Money;
    use crate::source::{FileId, Spanned};
    use crate::yaml;

    #[derive(serde::Deserialize)]
    struct Doc {
        amount: Spanned<Money>,
        name: Spanned<String>,
    }

    #[test]
    fn spans_and_exact_money() {
        let node = yaml::parse(FileId(3), "name: 工资\namount: 123456789012345.67\n", 0).unwrap();
        let doc: Doc = from_node(&node).unwrap();
        assert_eq!(doc.amount.value.to_string(), "123456789012345.67");
        assert_eq!(doc.amount.span.file, FileId(3));
        assert_eq!(doc.amount.span.start, 21);
        assert_eq!(doc.name.value, "工资");
        assert_eq!(doc.name.span.start, 6);
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Dated {
        start: crate::model::period::Date,
    }

    #[test]
    fn a_date_that_does_not_exist_reads_in_both_languages() {
        use crate::i18n::Locale;
        let node = yaml::parse(FileId(0), "start: 2026-02-30\n", 0).unwrap();
        let error = from_node::<Dated>(&node).unwrap_err();
        let message = explain(&error, &node);
        assert_eq!(message.en(), "expected a date such as `2026-12-01`, found `2026-02-30`");
        assert_eq!(
            message.text(Locale::ZhCn),
            "应为日期（如 `2026-12-01`），实际为 `2026-02-30`，该日期不存在"
        );
    }
}
