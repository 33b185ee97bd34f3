//! Salvage: what is sound in a document that fails its schema, kept instead of dropping it
//! whole. An unknown field is left out of the tree; an item of a list with an error inside it
//! is left out of its list (the outermost list on the way, so `people[3]` for an error in
//! `people[3].post`); an error outside every list item leaves nothing to keep. Also reads a
//! broken document's identity (kind, unit, period) from whatever survived: the tree, the text's
//! top-level lines, the file name.

use std::collections::BTreeSet;
use std::path::Path;

use crate::model::period::Period;
use crate::model::{Dropped, Kind};
use crate::schema::check::Location;
use crate::source::Span;
use crate::yaml::{Node, Value};

/// The keys that name a list item, in the order they are tried.
const ITEM_KEYS: [&str; 4] = ["id", "person", "post", "kpi"];

/// A tree with its unsound parts left out.
#[derive(Debug)]
pub struct Salvaged {
    /// The tree that remains.
    pub node: Node,
    /// The list items left out.
    pub dropped: Vec<Dropped>,
    /// The whole extent of each list item kept without an unknown field.
    pub trimmed: Vec<Span>,
}

/// `node` without the unknown fields and the list items that `locations` point into, and
/// without a top-level field whose value has an error outside every list item (the caller
/// checks the rest against the schema again: a required field left out leaves the document
/// unusable, an optional one takes its default, so `fiscal_year_start: 0` does not throw away
/// every unit and KPI of `planbook.yaml`); `None` when a location is the document itself.
pub fn salvage(node: &Node, locations: &[Location]) -> Option<Salvaged> {
    // (path to the mapping, field) and (path to the list, index).
    let mut fields: BTreeSet<(Vec<String>, String)> = BTreeSet::new();
    let mut items: BTreeSet<(Vec<String>, usize)> = BTreeSet::new();
    let mut trimmed_items: BTreeSet<(Vec<String>, usize)> = BTreeSet::new();
    for location in locations {
        if let Some(name) = &location.unknown_field {
            fields.insert((location.path.clone(), name.clone()));
            trimmed_items.extend(outermost_item(node, &location.path));
            continue;
        }
        match outermost_item(node, &location.path) {
            Some(item) => {
                items.insert(item);
            }
            // `private` is never guessed: a document whose privacy cannot be read is unusable
            // (and its page stays out of the handbook), never published by a default.
            None => match location.path.first() {
                Some(field) if field != "private" => {
                    fields.insert((Vec::new(), field.clone()));
                }
                _ => return None,
            },
        }
    }
    let mut out = node.clone();
    for (path, name) in &fields {
        if let Some(Value::Map(entries)) = at_mut(&mut out, path).map(|n| &mut n.value) {
            entries.retain(|(k, _)| k.key_text() != name.as_str());
        }
    }
    let mut dropped = Vec::new();
    // Highest index first, so that the indexes still to remove stay where they were.
    for (path, index) in items.iter().rev() {
        let original = at(node, path).and_then(|list| match &list.value {
            Value::Seq(list) => list.get(*index),
            _ => None,
        });
        if let Some(item) = original {
            let list = path.last().cloned().unwrap_or_default();
            dropped.push(Dropped { list, index: *index, id: item_key(item), span: item.span });
        }
        if let Some(Value::Seq(list)) = at_mut(&mut out, path).map(|n| &mut n.value)
            && *index < list.len()
        {
            list.remove(*index);
        }
    }
    dropped.sort_by_key(|d| (d.span.start, d.index));
    let trimmed = trimmed_items
        .difference(&items)
        .filter_map(|(path, index)| match &at(node, path)?.value {
            Value::Seq(list) => list.get(*index).map(extent),
            _ => None,
        })
        .collect();
    Some(Salvaged { node: out, dropped, trimmed })
}

/// The bytes a node and everything under it cover.
fn extent(node: &Node) -> Span {
    let mut span = node.span;
    let mut grow = |s: Span| {
        span.start = span.start.min(s.start);
        span.end = span.end.max(s.end);
    };
    fn each(node: &Node, f: &mut dyn FnMut(Span)) {
        f(node.span);
        match &node.value {
            Value::Seq(items) => items.iter().for_each(|i| each(i, f)),
            Value::Map(entries) => entries.iter().for_each(|(k, v)| {
                each(k, f);
                each(v, f);
            }),
            _ => {}
        }
    }
    each(node, &mut grow);
    span
}

/// The outermost list item on `path`: the list's path and the item's index.
fn outermost_item(root: &Node, path: &[String]) -> Option<(Vec<String>, usize)> {
    let mut node = root;
    for (i, segment) in path.iter().enumerate() {
        match &node.value {
            Value::Seq(list) => {
                let index = segment.parse::<usize>().ok()?;
                list.get(index)?;
                return Some((path.get(..i)?.to_vec(), index));
            }
            Value::Map(_) => node = node.get(segment)?,
            _ => return None,
        }
    }
    None
}

fn at<'a>(root: &'a Node, path: &[String]) -> Option<&'a Node> {
    let mut node = root;
    for segment in path {
        node = match &node.value {
            Value::Map(_) => node.get(segment)?,
            Value::Seq(list) => list.get(segment.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(node)
}

fn at_mut<'a>(root: &'a mut Node, path: &[String]) -> Option<&'a mut Node> {
    let mut node = root;
    for segment in path {
        node = match &mut node.value {
            Value::Map(entries) => entries
                .iter_mut()
                .find(|(k, _)| k.key_text() == segment.as_str())
                .map(|e| &mut e.1)?,
            Value::Seq(list) => list.get_mut(segment.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(node)
}

/// The id or key of a list item: the first of [`ITEM_KEYS`] it has, when that is a readable
/// scalar (an `id` that is not readable is no id, not a cue to use `post`).
fn item_key(item: &Node) -> Option<String> {
    ITEM_KEYS.iter().find_map(|key| item.get(key)).and_then(scalar)
}

fn scalar(node: &Node) -> Option<String> {
    match &node.value {
        Value::String(_) | Value::Number(_) => Some(node.key_text().into_owned()),
        _ => None,
    }
}

/// What could be read of a broken document's identity.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Identity {
    /// Its kind.
    pub kind: Option<Kind>,
    /// Its unit.
    pub unit: Option<String>,
    /// Its period.
    pub period: Option<Period>,
}

impl Identity {
    /// From a parsed tree's top-level `kind`, `unit` and `period`.
    pub fn of_tree(node: &Node) -> Identity {
        let text = |key: &str| node.get(key).and_then(scalar);
        Identity {
            kind: text("kind").as_deref().and_then(Kind::from_name),
            unit: text("unit"),
            period: text("period").and_then(|p| p.parse().ok()),
        }
    }

    /// From the top-level `kind:`, `unit:` and `period:` lines of a text that did not parse.
    pub fn of_text(text: &str) -> Identity {
        let line = |key: &str| {
            text.lines().find_map(|l| {
                let rest = l.strip_prefix(key)?.trim_start().strip_prefix([':', '：'])?;
                let value = rest.split(" #").next().unwrap_or("").trim();
                let value = value.trim_matches(|c| c == '"' || c == '\'').trim();
                (!value.is_empty()).then(|| value.to_string())
            })
        };
        Identity {
            kind: line("kind").as_deref().and_then(Kind::from_name),
            unit: line("unit"),
            period: line("period").and_then(|p| p.parse().ok()),
        }
    }

    /// From a file name: `2026-12.budget.yaml`, `roster.yaml`, `2026.plan.md`; other
    /// Markdown is a page.
    pub fn of_path(path: &Path) -> Identity {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let parts: Vec<&str> = name.split('.').collect();
        let markdown = parts.len() > 1
            && parts.last().is_some_and(|e| {
                e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown")
            });
        let named = parts.iter().rev().skip(1).find_map(|p| Kind::from_name(p));
        // Markdown without a kind is a free page.
        let kind = named.or(markdown.then_some(Kind::Page));
        let period = parts.first().and_then(|p| p.parse().ok());
        Identity { kind, unit: None, period }
    }

    /// `self`, with what it lacks taken from `other`.
    pub fn or(self, other: Identity) -> Identity {
        Identity {
            kind: self.kind.or(other.kind),
            unit: self.unit.or(other.unit),
            period: self.period.or(other.period),
        }
    }
}

/// The first error's place: the earliest primary span among `spans`, else the file's start.
pub fn first(spans: impl Iterator<Item = Span>, fallback: Span) -> Span {
    spans.min_by_key(|s| (s.start, s.end)).unwrap_or(fallback)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::FileId;

    fn tree(text: &str) -> Node {
        crate::yaml::parse(FileId(0), text, 0).unwrap()
    }

    fn roster(people: &str) -> String {
        let posts = "posts:\n  - { id: rep, title: 业务员, establishment: 3 }\n";
        format!("kind: roster\nunit: henan\n{posts}people:\n{people}")
    }

    #[test]
    fn an_item_in_error_is_left_out_and_the_others_kept() {
        let text = roster(
            "  - { id: p1, name: 甲, post: rep }\n  - { id: p2, name: 乙, post: [rep] }
  - { id: p3, name: 丙, post: rep }\n",
        );
        let node = tree(&text);
        let found = crate::schema::check::locations(Kind::Roster, &node);
        assert!(!found.is_empty());
        let kept = salvage(&node, &found).expect("the rest is sound");
        let ids: Vec<Option<String>> = kept.dropped.iter().map(|d| d.id.clone()).collect();
        assert_eq!(ids, [Some("p2".to_string())]);
        assert_eq!(kept.dropped[0].list, "people");
        assert!(crate::schema::check::check(Kind::Roster, &kept.node).is_empty());
        let people = kept.node.get("people").unwrap();
        assert!(matches!(&people.value, Value::Seq(l) if l.len() == 2));
    }

    #[test]
    fn an_item_whose_id_cannot_be_read_is_dropped_without_one() {
        let first = "  - { id: [p1], name: 甲, post: rep }\n";
        let text = roster(&format!("{first}  - {{ id: p2, name: 乙, post: rep }}\n"));
        let node = tree(&text);
        let kept = salvage(&node, &crate::schema::check::locations(Kind::Roster, &node)).unwrap();
        assert_eq!(kept.dropped.len(), 1);
        assert_eq!(kept.dropped[0].id, None, "not the post: an id that cannot be read is none");
    }

    #[test]
    fn an_unknown_field_is_left_out_and_nothing_else() {
        let text = roster("  - { id: p1, name: 甲, post: rep, report_to: p2 }\n")
            .replace("unit: henan", "unit: henan\ntitel: 名册");
        let node = tree(&text);
        let found = crate::schema::check::locations(Kind::Roster, &node);
        assert_eq!(found.len(), 2, "{found:?}");
        let kept = salvage(&node, &found).expect("the rest is sound");
        assert!(kept.dropped.is_empty());
        assert!(kept.node.get("titel").is_none());
        assert!(crate::schema::check::check(Kind::Roster, &kept.node).is_empty());
    }

    #[test]
    fn an_optional_top_level_field_in_error_is_left_out() {
        let config = "name: x\nfiscal_year_start: 0\nunits:\n  - { id: henan, name: henan }\n";
        let node = tree(config);
        let found = crate::schema::check::locations(Kind::Config, &node);
        assert!(!found.is_empty());
        let kept = salvage(&node, &found).expect("salvaged");
        assert!(kept.node.get("fiscal_year_start").is_none() && kept.node.get("units").is_some());
        assert!(crate::schema::check::locations(Kind::Config, &kept.node).is_empty());
    }

    #[test]
    fn an_error_outside_every_item_leaves_nothing() {
        let node =
            tree(&roster("  - { id: p1, name: 甲, post: rep }\n").replace("unit: henan\n", ""));
        let found = crate::schema::check::locations(Kind::Roster, &node);
        assert!(salvage(&node, &found).is_none());
    }

    #[test]
    fn identity_from_text_and_file_name() {
        let text = "---\nkind: budget\nunit: 'henan'  # 河南\nperiod: 2026-12\nlines: [\n";
        let found = Identity::of_text(text);
        assert_eq!(found.kind, Some(Kind::Budget));
        assert_eq!(found.unit.as_deref(), Some("henan"));
        assert_eq!(found.period, Some(Period::Month(2026, 12)));
        let named = Identity::of_path(Path::new("henan/2026-Q1.plan.md"));
        assert_eq!(named.kind, Some(Kind::Plan));
        assert_eq!(named.period, Some(Period::Quarter(2026, 1)));
        assert_eq!(Identity::of_path(Path::new("x/roster.yaml")).kind, Some(Kind::Roster));
    }
}
