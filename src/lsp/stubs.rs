//! Stubs for what a reference names but nobody defined: "add person p099 to the roster of
//! henan", "add KPI x to planbook.yaml", a task to the review's plan, a line to the plan's
//! budget. Each is one insertion at the end of the target list (or the list, when the document
//! has none), written in the style of the list's last item (flow `{ … }` or block, with its
//! indentation), its values quoted by [`scalar`]. An insertion is kept only when the target
//! still parses with one more item in the list.

use std::ops::Range;

use crate::diag::{Diagnostic, Edit};
use crate::i18n::{Msg, msg};
use crate::index::Index;
use crate::lsp::World;
use crate::model::Document;
use crate::model::roster::{Post, Roster};
use crate::scaffold::yaml::scalar;
use crate::source::{FileId, Span, line_end};
use crate::yaml::{self, Node, Value};

/// One "create what is missing" action.
#[derive(Debug, Clone)]
pub struct Stub {
    /// What it does, for the editor's menu.
    pub title: Msg,
    /// The insertion, in the target file.
    pub edit: Edit,
}

/// The rules whose diagnostics may get a stub.
const RULES: [&str; 6] = [
    "plan.unknown-person",
    "review.unknown-person",
    "roster.unknown-manager",
    "document.unknown-kpi",
    "review.unknown-task",
    "review.unknown-line",
];

/// Whether `d` may get a stub (so that the index is built only then).
pub fn applies(d: &Diagnostic) -> bool {
    RULES.contains(&d.rule.id)
}

/// The stubs that would resolve `d`, an unknown-id diagnostic (none for other rules).
pub fn stubs(world: &World, ix: &Index, d: &Diagnostic) -> Vec<Stub> {
    let span = d.primary.span;
    let Some(id) = written(world.text(span.file), span) else { return Vec::new() };
    let stub = match d.rule.id {
        "plan.unknown-person" | "review.unknown-person" | "roster.unknown-manager" => {
            person(world, ix, span.file, id)
        }
        "document.unknown-kpi" => kpi(world, ix, id),
        "review.unknown-task" => task(world, ix, span.file, id),
        "review.unknown-line" => line(world, ix, span.file, id),
        _ => None,
    };
    stub.into_iter().collect()
}

/// The id written at `span`, without its quotes; `None` for what cannot be an id.
pub fn written(text: &str, span: Span) -> Option<&str> {
    let raw = text.get(span.start as usize..span.end as usize)?;
    let id = raw.trim().trim_matches(|c| c == '"' || c == '\'');
    let odd = |c: char| c.is_whitespace() || ":{}[],#&*!|>%@`\"'".contains(c);
    (!id.is_empty() && id.len() <= 100 && !id.contains(odd)).then_some(id)
}

fn person(world: &World, ix: &Index, file: FileId, id: &str) -> Option<Stub> {
    if ix.people.contains_key(id) {
        return None; // on another unit's roster: a second entry would be a duplicate
    }
    let unit = world.project.unit_of_file(file)?;
    let roster = ix
        .rosters
        .iter()
        .filter(|r| r.value.unit.value.as_str() == unit)
        .max_by_key(|r| (r.value.as_of.as_ref().map(|d| d.value), r.doc.meta.path.clone()))?;
    let post = post_for(ix, roster.value, file);
    let fields = [("id", scalar(id)), ("name", scalar("")), ("post", scalar(post))];
    let edit = insert_in(world, roster.doc, "people", &fields)?;
    let name = ix.units.get(unit.as_str()).map_or(unit.as_str(), |u| u.name.as_str());
    Some(Stub { title: msg!("lsp-action-add-person", id = id, unit = name), edit })
}

/// The post of a new person on `roster`, named in file `file`: in a review, a post its plan
/// has a scorecard for (the person is scored); one with a vacancy before one without; else
/// the roster's first post (empty when it has none, which the rules report).
fn post_for<'a>(ix: &Index, roster: &'a Roster, file: FileId) -> &'a str {
    let scored: Vec<&str> = ix
        .reviews
        .iter()
        .find(|(r, _)| r.doc.meta.file == file)
        .and_then(|(r, _)| ix.plan_of_review(*r))
        .map(|p| p.value.scorecards.iter().map(|s| s.post.value.as_str()).collect())
        .unwrap_or_default();
    let held = |post: &Post| {
        roster.people.iter().filter(|p| p.post.value.as_str() == post.id.value.as_str()).count()
    };
    let vacant =
        |post: &Post| usize::try_from(post.establishment.value).is_ok_and(|e| held(post) < e);
    let posts = &roster.posts;
    let scored_post = |p: &&Post| scored.contains(&p.id.value.as_str());
    posts
        .iter()
        .filter(scored_post)
        .find(|p| vacant(p))
        .or_else(|| posts.iter().find(scored_post))
        .or_else(|| posts.iter().find(|p| vacant(p)))
        .or_else(|| posts.first())
        .map_or("", |p| p.id.value.as_str())
}

fn kpi(world: &World, ix: &Index, id: &str) -> Option<Stub> {
    if ix.kpis.contains_key(id) {
        return None;
    }
    let file = world.project.ws.config_file;
    let text = world.text(file);
    let fields = [("id", scalar(id)), ("name", scalar(""))];
    let edit = insert(text, file, 0..text.len(), "kpis", &fields)?;
    Some(Stub { title: msg!("lsp-action-add-kpi", id = id), edit })
}

fn task(world: &World, ix: &Index, file: FileId, id: &str) -> Option<Stub> {
    let (review, _) = ix.reviews.iter().find(|(r, _)| r.doc.meta.file == file)?;
    let plan = ix.plan_of_review(*review)?;
    let fields = [("id", scalar(id)), ("name", scalar(""))];
    let edit = insert_in(world, plan.doc, "tasks", &fields)?;
    let path = plan.doc.meta.path.display().to_string();
    Some(Stub { title: msg!("lsp-action-add-task", id = id, file = path), edit })
}

fn line(world: &World, ix: &Index, file: FileId, id: &str) -> Option<Stub> {
    let (review, _) = ix.reviews.iter().find(|(r, _)| r.doc.meta.file == file)?;
    let budget = ix.budget_of_plan(ix.plan_of_review(*review)?)?;
    let fields = [("id", scalar(id)), ("name", scalar("")), ("amount", "0".to_owned())];
    let edit = insert_in(world, budget.doc, "lines", &fields)?;
    let path = budget.doc.meta.path.display().to_string();
    Some(Stub { title: msg!("lsp-action-add-line", id = id, file = path), edit })
}

/// [`insert`] into the YAML part of `doc` as the editor holds it.
fn insert_in(world: &World, doc: &Document, key: &str, fields: &[(&str, String)]) -> Option<Edit> {
    let file = doc.meta.file;
    let text = world.text(file);
    let yaml = doc.meta.span.start as usize..doc.meta.span.end as usize;
    insert(text, file, yaml, key, fields)
}

/// The edit that appends an item with `fields` to the list under top-level `key` of the YAML
/// at `yaml` in `text` (the key and the list are added when missing); `None` when the YAML
/// does not parse, `key` holds something else than a list, or the result would not read back
/// with one more item.
pub fn insert(
    text: &str,
    file: FileId,
    yaml: Range<usize>,
    key: &str,
    fields: &[(&str, String)],
) -> Option<Edit> {
    let root = yaml::parse(file, text.get(yaml.clone())?, yaml.start).ok()?;
    let Value::Map(entries) = &root.value else { return None };
    let flow = || {
        let inner: Vec<String> = fields.iter().map(|(k, v)| format!("{k}: {v}")).collect();
        format!("{{ {} }}", inner.join(", "))
    };
    let entry = entries.iter().find(|(k, _)| k.as_str() == Some(key));
    let (at, end, new, count) = match entry {
        None => {
            let at = yaml.end;
            let nl = if at == 0 || text.get(..at)?.ends_with(['\n', '\r']) { "" } else { "\n" };
            (at, at, format!("{nl}{key}:\n  - {}\n", flow()), 0)
        }
        Some((_, v @ Node { value: Value::Seq(items), .. })) => match items.last() {
            Some(last) => {
                let (at, end, new) = item_after(text, v, last, fields, flow())?;
                (at, end, new, items.len())
            }
            None => {
                // `[]`: the list written in full.
                let s = v.span.start as usize;
                let list = text.get(s..).filter(|l| l.starts_with('['))?;
                let close = s + list.find(']')? + 1;
                (s, close, format!("[{}]", flow()), 0)
            }
        },
        Some((k, Node { value: Value::Null, .. })) => {
            let from = k.span.end as usize;
            let rest = text.get(from..)?;
            let at = from + rest.find(['\n', '\r']).unwrap_or(rest.len());
            (at, at, format!("\n  - {}", flow()), 0)
        }
        Some(_) => return None,
    };
    let edit = Edit { span: Span::new(file, at, end), text: new };
    reads_back(text, yaml, key, &edit, count + 1).then_some(edit)
}

/// Where and what to insert after `last`, the last item of the list `list`.
fn item_after(
    text: &str,
    list: &Node,
    last: &Node,
    fields: &[(&str, String)],
    flow: String,
) -> Option<(usize, usize, String)> {
    let end = extent(last) as usize;
    if text.get(list.span.start as usize..)?.starts_with('[') {
        // A flow list: before its closing bracket.
        let close = end + text.get(end..)?.find(']')?;
        return Some((close, close, format!(", {flow}")));
    }
    let start = last.span.start as usize;
    let line_start = text.get(..start)?.rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let prefix = text.get(line_start..start)?;
    if prefix.trim() != "-" {
        return None;
    }
    let item = if text.get(start..)?.starts_with('{') {
        format!("{prefix}{flow}")
    } else if matches!(last.value, Value::Map(_)) {
        let indent = " ".repeat(prefix.chars().count());
        let lines: Vec<String> = fields
            .iter()
            .enumerate()
            .map(
                |(i, (k, v))| {
                    if i == 0 { format!("{prefix}{k}: {v}") } else { format!("{indent}{k}: {v}") }
                },
            )
            .collect();
        lines.join("\n")
    } else {
        return None;
    };
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let item = item.replace('\n', newline);
    if end > 0 && text.get(..end)?.ends_with('\n') {
        return Some((end, end, format!("{item}{newline}")));
    }
    let at = line_end(text, end);
    if at == text.len() && !text.ends_with(['\n', '\r']) {
        return Some((at, at, format!("{newline}{item}")));
    }
    Some((at, at, format!("{item}{newline}")))
}

/// The furthest byte any node under `node` reaches.
fn extent(node: &Node) -> u32 {
    let own = node.span.end;
    match &node.value {
        Value::Seq(items) => items.iter().map(extent).fold(own, u32::max),
        Value::Map(entries) => {
            entries.iter().map(|(k, v)| extent(k).max(extent(v))).fold(own, u32::max)
        }
        _ => own,
    }
}

/// Whether `text` with `edit` made still parses, with `count` items under `key`.
fn reads_back(text: &str, yaml: Range<usize>, key: &str, edit: &Edit, count: usize) -> bool {
    let Ok(new) = crate::diag::fix::apply(text, std::slice::from_ref(edit)) else { return false };
    let removed = (edit.span.end - edit.span.start) as usize;
    let grown = (yaml.end + edit.text.len()).saturating_sub(removed);
    let Some(part) = new.get(yaml.start..grown) else { return false };
    let file = edit.span.file;
    match yaml::parse(file, part, yaml.start) {
        Ok(root) => match root.get(key) {
            Some(Node { value: Value::Seq(items), .. }) => items.len() == count,
            _ => false,
        },
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const F: FileId = FileId(0);

    fn added(text: &str, key: &str) -> Option<String> {
        let fields = [("id", scalar("p099")), ("name", scalar("")), ("post", scalar("rep"))];
        let edit = insert(text, F, 0..text.len(), key, &fields)?;
        crate::diag::fix::apply(text, &[edit]).ok()
    }

    #[test]
    fn a_flow_item_is_added_after_the_last_with_its_indentation() {
        let text =
            "kind: roster\npeople:\n    - { id: p001, name: 张三, post: gm } # 总经理\nx: 1\n";
        let out = added(text, "people").unwrap();
        assert_eq!(
            out,
            "kind: roster\npeople:\n    - { id: p001, name: 张三, post: gm } # 总经理\n    \
             - { id: p099, name: \"\", post: rep }\nx: 1\n"
        );
    }

    #[test]
    fn a_block_item_copies_the_block_style_even_after_a_nested_list() {
        let text = "lines:\n- id: a\n  breakdown:\n    - { name: x, quantity: 1 }\n";
        let out = added(text, "lines").unwrap();
        assert!(out.ends_with("quantity: 1 }\n- id: p099\n  name: \"\"\n  post: rep\n"), "{out}");
        // No newline at the end of the file, and CRLF lines.
        let out = added("people:\r\n  - id: a\r\n    name: b", "people").unwrap();
        assert_eq!(
            out,
            "people:\r\n  - id: a\r\n    name: b\r\n  - id: p099\r\n    name: \"\"\r\n    post: rep"
        );
    }

    #[test]
    fn flow_lists_empty_lists_missing_and_null_keys() {
        let out = added("people: [{ id: a }, { id: b }]\n", "people").unwrap();
        assert_eq!(out, "people: [{ id: a }, { id: b }, { id: p099, name: \"\", post: rep }]\n");
        let out = added("people: []\n", "people").unwrap();
        assert_eq!(out, "people: [{ id: p099, name: \"\", post: rep }]\n");
        let out = added("kind: roster\npeople: # none yet\nx: 1\n", "people").unwrap();
        assert_eq!(
            out,
            "kind: roster\npeople: # none yet\n  - { id: p099, name: \"\", post: rep }\nx: 1\n"
        );
        let out = added("kind: roster", "people").unwrap();
        assert_eq!(out, "kind: roster\npeople:\n  - { id: p099, name: \"\", post: rep }\n");
        // Not a list, not a map, not YAML: nothing.
        assert_eq!(added("people: 3\n", "people"), None);
        assert_eq!(added("- a\n", "people"), None);
        assert_eq!(added("people: [a\n", "people"), None);
        assert_eq!(added("people:\n  - p001\n", "people"), None);
    }

    #[test]
    fn an_id_is_read_without_its_quotes() {
        let text = "a: 'p099'\nb: x y\n";
        assert_eq!(written(text, Span::new(F, 3, 9)), Some("p099"));
        assert_eq!(written(text, Span::new(F, 13, 16)), None);
        assert_eq!(written(text, Span::new(F, 13, 99)), None);
    }
}
