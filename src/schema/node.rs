//! planbook's YAML tree as a JSON representation jsonschema validates directly, so checking a
//! document does not first copy it into a `serde_json::Value`.
//!
//! The tree reads exactly as [`Node::to_json`] would: keys by their [`Node::key_text`], numbers
//! as the `serde_json::Number` of their parsed value, a non-finite float as null.

use std::borrow::Cow;

use jsonschema::json::{Array, Json, Node as JsonNode, NodeIdentity, Object, cmp};
use jsonschema::types::JsonType;
use serde_json::Value as J;

use crate::yaml::{Node, Parsed, Value};

/// The representation: [`Item`]s over a [`Node`] tree.
pub struct Tree;

/// A value of the tree, or a property name being validated on its own (`propertyNames`).
#[derive(Debug, Clone, Copy)]
pub enum Item<'a> {
    /// A node of the tree.
    Tree(&'a Node),
    /// A plain string.
    Str(&'a str),
}

/// What a complex (list or mapping) key reads as, as in [`Node::key_text`].
const COMPLEX_KEY: &str = "<complex key>";

impl Json for Tree {
    type Node<'a> = Item<'a>;
    type PreparedKey = Box<str>;
    type StringBuffer = ();

    // Lookups scan the entries, like `serde_json`'s insertion-ordered maps.
    const KEYS_PER_LOOKUP: usize = 2;
    const ACYCLIC: bool = true;

    fn prepare_key(key: &str) -> Box<str> {
        key.into()
    }

    fn with_string_node<T>((): &mut (), string: &str, f: impl FnOnce(Item<'_>) -> T) -> T {
        f(Item::Str(string))
    }
}

/// Whether `key` reads as `text`, without building its text.
fn key_is(key: &Node, text: &str) -> bool {
    match &key.value {
        Value::String(s) => s == text,
        Value::Number(n) => &*n.raw == text,
        Value::Bool(true) => text == "true",
        Value::Bool(false) => text == "false",
        Value::Null => text == "null",
        Value::Seq(_) | Value::Map(_) => text == COMPLEX_KEY,
    }
}

/// A number's JSON value; `None` for a non-finite float, which JSON reads as null.
fn number(parsed: Parsed) -> Option<serde_json::Number> {
    match parsed {
        Parsed::Int(i) => Some(i.into()),
        Parsed::UInt(u) => Some(u.into()),
        Parsed::Float(f) => serde_json::Number::from_f64(f),
    }
}

impl<'a> JsonNode<'a, Tree> for Item<'a> {
    type Object = Entries<'a>;
    type Array = &'a [Node];
    type Number = serde_json::Number;

    fn as_object(&self) -> Option<Entries<'a>> {
        match self {
            Item::Tree(Node { value: Value::Map(entries), .. }) => Some(Entries(entries)),
            _ => None,
        }
    }

    fn as_array(&self) -> Option<&'a [Node]> {
        match self {
            Item::Tree(Node { value: Value::Seq(items), .. }) => Some(items),
            _ => None,
        }
    }

    fn as_string(&self) -> Option<Cow<'a, str>> {
        match *self {
            Item::Tree(Node { value: Value::String(s), .. }) => Some(Cow::Borrowed(s)),
            Item::Str(s) => Some(Cow::Borrowed(s)),
            _ => None,
        }
    }

    fn as_number(&self) -> Option<serde_json::Number> {
        match self {
            Item::Tree(Node { value: Value::Number(n), .. }) => number(n.parsed),
            _ => None,
        }
    }

    fn as_boolean(&self) -> Option<bool> {
        match self {
            Item::Tree(Node { value: Value::Bool(b), .. }) => Some(*b),
            _ => None,
        }
    }

    fn is_null(&self) -> bool {
        self.json_type() == JsonType::Null
    }

    fn json_type(&self) -> JsonType {
        let node = match self {
            Item::Tree(node) => node,
            Item::Str(_) => return JsonType::String,
        };
        match &node.value {
            Value::Null => JsonType::Null,
            Value::Bool(_) => JsonType::Boolean,
            Value::Number(n) if number(n.parsed).is_none() => JsonType::Null,
            Value::Number(_) => JsonType::Number,
            Value::String(_) => JsonType::String,
            Value::Seq(_) => JsonType::Array,
            Value::Map(_) => JsonType::Object,
        }
    }

    fn equals_value(&self, expected: &J) -> bool {
        // Scalars compare without building a JSON value: `const` and `enum` are hot.
        let node = match self {
            Item::Str(s) => return matches!(expected, J::String(e) if e == s),
            Item::Tree(node) => node,
        };
        match &node.value {
            Value::String(s) => matches!(expected, J::String(e) if e == s),
            Value::Null => expected.is_null(),
            Value::Bool(b) => expected.as_bool() == Some(*b),
            Value::Number(n) => match number(n.parsed) {
                Some(n) => matches!(expected, J::Number(e) if cmp::equal_numbers(&n, e)),
                None => expected.is_null(),
            },
            Value::Seq(_) | Value::Map(_) => cmp::equal(&node.to_json(), expected),
        }
    }

    fn to_value(&self) -> Cow<'a, J> {
        match self {
            Item::Tree(node) => Cow::Owned(node.to_json()),
            Item::Str(s) => Cow::Owned(J::String((*s).to_owned())),
        }
    }

    fn identity(&self) -> Option<NodeIdentity> {
        Some(match self {
            Item::Tree(node) => NodeIdentity::new(std::ptr::from_ref::<Node>(node) as usize),
            Item::Str(s) => NodeIdentity::tagged(s.as_ptr() as usize, 1),
        })
    }
}

/// A mapping's entries, read as a JSON object.
#[derive(Debug, Clone, Copy)]
pub struct Entries<'a>(&'a [(Node, Node)]);

impl<'a> Entries<'a> {
    /// Whether entry `i` is the first of its name. Scalar keys of one name are rejected by the
    /// parser as duplicates; only complex keys (all named `<complex key>`) can collapse.
    fn first_of_name(&self, i: usize) -> bool {
        let key = &self.0[i].0;
        !key_is(key, COMPLEX_KEY) || !self.0[..i].iter().any(|(k, _)| key_is(k, COMPLEX_KEY))
    }

    /// The value of the last entry named `name`: a later one overwrites, as in `to_json`.
    fn last(&self, name: &str) -> Option<&'a Node> {
        self.0.iter().rev().find(|(k, _)| key_is(k, name)).map(|(_, v)| v)
    }
}

/// The members of [`Entries`] in source order.
pub struct Members<'a> {
    entries: Entries<'a>,
    next: usize,
}

impl<'a> Iterator for Members<'a> {
    type Item = (Cow<'a, str>, Item<'a>);

    fn next(&mut self) -> Option<Self::Item> {
        while let Some((key, value)) = self.entries.0.get(self.next) {
            let i = self.next;
            self.next += 1;
            if !self.entries.first_of_name(i) {
                continue;
            }
            let name = key.key_text();
            let value = if key_is(key, COMPLEX_KEY) {
                self.entries.last(&name).unwrap_or(value)
            } else {
                value
            };
            return Some((name, Item::Tree(value)));
        }
        None
    }
}

impl<'a> Object<'a, Tree> for Entries<'a> {
    type Node = Item<'a>;
    type MemberName = Cow<'a, str>;
    type MembersIter = Members<'a>;

    fn len(&self) -> usize {
        (0..self.0.len()).filter(|&i| self.first_of_name(i)).count()
    }

    fn get(&self, key: &Box<str>) -> Option<Item<'a>> {
        self.last(key).map(Item::Tree)
    }

    fn members(&self) -> Members<'a> {
        Members { entries: *self, next: 0 }
    }
}

impl<'a> Array<'a, Tree> for &'a [Node] {
    type Node = Item<'a>;
    type ElementsIter = std::iter::Map<std::slice::Iter<'a, Node>, fn(&'a Node) -> Item<'a>>;

    fn len(&self) -> usize {
        <[Node]>::len(self)
    }

    fn elements(&self) -> Self::ElementsIter {
        self.iter().map(Item::Tree)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::FileId;

    /// Every error of `schema` on `yaml`, as jsonschema reports it for the JSON copy and for
    /// the tree: path, message and kind.
    fn both(schema: &J, yaml: &str) -> (Vec<String>, Vec<String>) {
        let node = crate::yaml::parse(FileId(0), yaml, 0).expect("test YAML parses");
        let json = node.to_json();
        let show = |e: jsonschema::ValidationError<'_>| {
            format!("{} {e} {:?}", e.instance_path().as_str(), e.kind())
        };
        let serde = jsonschema::draft202012::new(schema).expect("schema compiles");
        let tree = jsonschema::options_for::<Tree>()
            .with_draft(jsonschema::Draft::Draft202012)
            .build(schema)
            .expect("schema compiles");
        assert_eq!(serde.is_valid(&json), tree.is_valid(Item::Tree(&node)), "{yaml}");
        (
            serde.iter_errors(&json).map(show).collect(),
            tree.iter_errors(Item::Tree(&node)).map(show).collect(),
        )
    }

    #[test]
    fn the_tree_validates_as_its_json_copy() {
        let schema = serde_json::json!({
            "type": "object",
            "properties": {
                "n": {"type": "integer", "minimum": 0, "maximum": 100},
                "f": {"type": "number", "exclusiveMaximum": 1e300},
                "e": {"enum": ["a", 1, null, true]},
                "c": {"const": 2},
                "s": {"type": "string", "minLength": 1, "pattern": "^[a-z]+$"},
                "l": {"type": "array", "items": {"type": ["string", "null"]}, "uniqueItems": true},
                "m": {"type": "object", "propertyNames": {"pattern": "^[a-z]+$"},
                      "additionalProperties": {"type": "boolean"}},
                "o": {"oneOf": [{"const": "x"}, {"const": "y"}]},
                "u": {"type": ["number", "string"]}
            },
            "required": ["n"],
            "additionalProperties": false
        });
        let documents = [
            "n: 5\n",
            "n: -1\nf: .inf\ne: a\nc: 2.0\ns: abc\n",
            "n: 1e2\nf: 1.5\ne: 1.0\nc: 2\n",
            "n: 1.5\ne: ~\nc: 3\ns: ''\nl: [a, a]\n",
            "n: 18446744073709551615\ne: true\ns: A1\nl: [a, 1, ~]\n",
            "n: 3\nm: {ab: true, 1: false, true: true, null: 1, Bad: true}\no: z\nzz: 1\n",
            "n: .nan\nf: -.inf\nl: {a: 1}\nm: [1]\no: x\nu: .inf\n",
            "[1, 2]\n",
            "n: 0\n? [a, b]\n: 1\n? {c: d}\n: 2\n",
        ];
        for yaml in documents {
            let (serde, tree) = both(&schema, yaml);
            assert_eq!(serde, tree, "{yaml}");
            let valid = yaml == "n: 5\n" || yaml.starts_with("n: 1e2");
            assert_eq!(serde.is_empty(), valid, "{yaml}: {serde:?}");
        }
    }
}
