//! Semantic comparison of two versions of a document: typed values field by field, with list
//! items matched by their ids, so a reordered list is not a change and a renamed file is the
//! same document.

use serde_json::Value;

use crate::model::{Content, Document};

/// A document's identity across revisions: its kind, unit and period (pages: their path).
pub fn identity(doc: &Document) -> String {
    match &doc.content {
        Content::Roster(r) => format!("roster {}", r.unit.value),
        Content::Budget(b) => format!("budget {} {}", b.unit.value, b.period.value),
        Content::Plan(p, _) => format!("plan {} {}", p.unit.value, p.period.value),
        Content::Review(r, _) => format!("review {} {}", r.unit.value, r.period.value),
        Content::Page(..) => format!("page {}", doc.meta.path.display()),
    }
}

/// A document identity taken apart, for the showing layer to word: `budget henan 2026-12` is
/// the kind `budget`, the unit `henan` and the period `2026-12`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Identity<'a> {
    /// `planbook.yaml`.
    Config,
    /// A unit's roster.
    Roster {
        /// The unit's id.
        unit: &'a str,
    },
    /// A budget, plan or review of a unit for a period.
    Periodic {
        /// `budget`, `plan` or `review`.
        kind: &'a str,
        /// The unit's id.
        unit: &'a str,
        /// The period as written: `2026-12`, `2027-Q1`.
        period: &'a str,
    },
    /// A page, by its path.
    Page {
        /// The path.
        path: &'a str,
    },
    /// Something else (an identity of another version of planbook).
    Other(&'a str),
}

impl Identity<'_> {
    /// The parts of an [`identity`].
    pub fn parse(identity: &str) -> Identity<'_> {
        if identity == super::diff::CONFIG_IDENTITY {
            return Identity::Config;
        }
        let mut parts = identity.splitn(3, ' ');
        match (parts.next(), parts.next(), parts.next()) {
            (Some("page"), Some(_), _) => Identity::Page { path: &identity["page ".len()..] },
            (Some("roster"), Some(unit), None) => Identity::Roster { unit },
            (Some(kind @ ("budget" | "plan" | "review")), Some(unit), Some(period)) => {
                Identity::Periodic { kind, unit, period }
            }
            _ => Identity::Other(identity),
        }
    }
}

/// A document's content as JSON (exact decimals as strings), with its narrative as `body`.
pub fn to_value(doc: &Document) -> Value {
    let (mut value, body) = match &doc.content {
        Content::Roster(r) => (serde_json::to_value(r), None),
        Content::Budget(b) => (serde_json::to_value(b), None),
        Content::Plan(p, body) => (serde_json::to_value(p), Some(body)),
        Content::Review(r, body) => (serde_json::to_value(r), Some(body)),
        Content::Page(p, body) => (serde_json::to_value(p), Some(body)),
    };
    if let (Ok(Value::Object(map)), Some(body)) = (&mut value, body) {
        map.insert("body".into(), Value::String(body.text.trim().to_string()));
    }
    value.unwrap_or(Value::Null)
}

/// One changed field: its path (`lines[salary].amount`) and its value before and after.
///
/// Carries no words: the showing layer (`render::history`) puts it into a sentence in the
/// reader's language from its typed [`Step`]s.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FieldChange {
    /// Where in the document, e.g. `lines[salary].amount` or `people[p017].region`.
    pub field: String,
    /// The same place as steps: `lines` item `salary` (工资), then the key `amount`.
    pub path: Vec<Step>,
    /// The value before; none when the field was added.
    pub before: Option<FieldValue>,
    /// The value after; none when the field was removed.
    pub after: Option<FieldValue>,
}

/// A changed field's value on one side of the change.
///
/// Serialised as the value itself: a string for a scalar, the mapping for a list item.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(untagged)]
pub enum FieldValue {
    /// A scalar, as its text (numbers keep their exact decimal spelling).
    Text(String),
    /// A whole list item that was added or removed (`lines[ads]`), as its typed content.
    Item(serde_json::Map<String, Value>),
}

impl FieldValue {
    /// The scalar's text; none for a list item.
    pub fn text(&self) -> Option<&str> {
        match self {
            FieldValue::Text(text) => Some(text),
            FieldValue::Item(_) => None,
        }
    }
}

impl FieldChange {
    /// Whether a whole list item was added or removed (`lines[ads]`), not a scalar.
    pub fn is_item(&self) -> bool {
        let item = |v: &Option<FieldValue>| matches!(v, Some(FieldValue::Item(_)));
        item(&self.before) || item(&self.after)
    }
}

/// A value as shown: decimals with thousands separators, other text as it is.
pub fn number(text: &str) -> String {
    match crate::model::money::parse_decimal(text) {
        Some(d) if !text.contains('-') || text.starts_with('-') => crate::model::money::grouped(d),
        _ => text.to_string(),
    }
}

/// Text cut to one line of at most 60 characters.
pub fn short(text: &str) -> String {
    let one_line = text.replace('\n', " ");
    if one_line.chars().count() > 60 {
        format!("{}…", one_line.chars().take(57).collect::<String>())
    } else {
        one_line
    }
}

/// Every field that differs between `before` and `after`.
pub fn diff(before: &Value, after: &Value) -> Vec<FieldChange> {
    let mut out = Vec::new();
    walk(before, after, &mut Vec::new(), &mut out);
    out
}

/// A step in a field path: an object key, or a list item with its key and display name.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// A field of a mapping: `amount`, `per_post`.
    Key(String),
    /// An item of the list `list` (`lines`), with its key (`rent`) and its name (`租赁费`)
    /// when it has one other than its key.
    Item {
        /// The list's field name: `lines`, `people`, `tasks`.
        list: String,
        /// The item's key: its id, or `kpi/scope/post` for a target.
        key: String,
        /// The item's `name`.
        name: Option<String>,
    },
}

fn walk(before: &Value, after: &Value, path: &mut Vec<Step>, out: &mut Vec<FieldChange>) {
    if before == after {
        return;
    }
    if let Some((a, b)) = item_lists(before, after) {
        let list = take_list_name(path);
        let mut keys: Vec<String> = a.iter().chain(b).map(item_key).collect();
        keys.dedup();
        let mut seen = std::collections::HashSet::new();
        for key in keys.into_iter().filter(|k| seen.insert(k.clone())) {
            let x = a.iter().find(|v| item_key(v) == key);
            let y = b.iter().find(|v| item_key(v) == key);
            let name = y.or(x).and_then(item_name).filter(|n| *n != key);
            path.push(Step::Item { list: list.clone(), key, name });
            match (x, y) {
                (Some(x), Some(y)) => walk(x, y, path, out),
                (x, y) => out.push(change(path, x.and_then(item), y.and_then(item))),
            }
            path.pop();
        }
        path.push(Step::Key(list));
        return;
    }
    match (before, after) {
        (Value::Object(a), Value::Object(b)) => {
            let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
            keys.sort();
            keys.dedup();
            for key in keys {
                let (x, y) =
                    (a.get(key).unwrap_or(&Value::Null), b.get(key).unwrap_or(&Value::Null));
                path.push(Step::Key(key.clone()));
                walk(x, y, path, out);
                path.pop();
            }
        }
        _ => out.push(change(
            path,
            scalar(before).map(FieldValue::Text),
            scalar(after).map(FieldValue::Text),
        )),
    }
}

/// The list's own key, taken off the path so its items are addressed as `list[key]`.
fn take_list_name(path: &mut Vec<Step>) -> String {
    match path.pop() {
        Some(Step::Key(k)) => k,
        Some(other) => {
            path.push(other);
            String::new()
        }
        None => String::new(),
    }
}

/// Two sides compared item by item: lists of mappings, or such a list and an empty or missing
/// one (a first region is an added item, not a new value of `regions`).
fn item_lists<'a>(a: &'a Value, b: &'a Value) -> Option<(&'a [Value], &'a [Value])> {
    let items = |v: &'a Value| match v {
        Value::Array(items) if items.is_empty() || keyed(items) => Some(items.as_slice()),
        Value::Null => Some(&[][..]),
        _ => None,
    };
    let (x, y) = (items(a)?, items(b)?);
    (keyed(x) || keyed(y)).then_some((x, y))
}

/// Lists of mappings are compared by item key; other lists as whole values.
fn keyed(items: &[Value]) -> bool {
    !items.is_empty() && items.iter().all(Value::is_object)
}

/// An item's key: its id-like field, or its KPI with scope and post. A dated entry (a
/// roster's `changes` and `acting`, a table's `tiers`) is keyed by its `from` day: the post a
/// change sets is what changed, not which change it is.
fn item_key(item: &Value) -> String {
    for field in ["id", "line", "task", "person", "from", "post", "name", "title"] {
        if let Some(v) = item.get(field).and_then(Value::as_str) {
            return v.to_string();
        }
    }
    if let Some(kpi) = item.get("kpi").and_then(Value::as_str) {
        let mut key = kpi.to_string();
        for qualifier in ["scope", "per_post"] {
            if let Some(q) = item.get(qualifier).and_then(Value::as_str) {
                key.push_str(&format!("/{q}"));
            }
        }
        return key;
    }
    serde_json::to_string(item).unwrap_or_default()
}

fn item_name(item: &Value) -> Option<String> {
    let id_like = ["id", "line", "task", "person", "post"].iter().any(|k| item.get(*k).is_some());
    // A post is called by its title.
    let name = item.get("name").or_else(|| item.get("title")).and_then(Value::as_str);
    id_like.then(|| name.map(str::to_string)).flatten()
}

/// A list item (a mapping) as a changed value.
fn item(value: &Value) -> Option<FieldValue> {
    value.as_object().map(|map| FieldValue::Item(map.clone()))
}

fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        Value::Array(items) if items.is_empty() => None,
        other => Some(other.to_string()),
    }
}

fn change(path: &[Step], before: Option<FieldValue>, after: Option<FieldValue>) -> FieldChange {
    FieldChange { field: field_of(path), path: path.to_vec(), before, after }
}

/// The path as one string: `lines[salary].amount`.
fn field_of(path: &[Step]) -> String {
    let mut field = String::new();
    for step in path {
        if !field.is_empty() {
            field.push('.');
        }
        match step {
            Step::Key(k) => field.push_str(k),
            Step::Item { list, key, .. } => field.push_str(&format!("{list}[{key}]")),
        }
    }
    field
}

/// Every leaf of a document: (field path, its steps, value), in the same paths [`diff`] uses.
pub fn leaves(value: &Value) -> Vec<(String, Vec<Step>, String)> {
    let mut out = Vec::new();
    collect(value, &mut Vec::new(), &mut out);
    out
}

fn collect(value: &Value, path: &mut Vec<Step>, out: &mut Vec<(String, Vec<Step>, String)>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                path.push(Step::Key(key.clone()));
                collect(v, path, out);
                path.pop();
            }
        }
        Value::Array(items) if keyed(items) => {
            let list = take_list_name(path);
            for item in items {
                path.push(Step::Item {
                    list: list.clone(),
                    key: item_key(item),
                    name: item_name(item).filter(|n| *n != item_key(item)),
                });
                collect(item, path, out);
                path.pop();
            }
            path.push(Step::Key(list));
        }
        other => {
            if let Some(text) = scalar(other) {
                out.push((field_of(path), path.clone(), text));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn dated_changes_are_matched_by_their_day() {
        let person = |changes: serde_json::Value| {
            let p012 = json!({"id": "p012", "name": "王芳", "post": "rep", "changes": changes});
            json!({ "people": [p012] })
        };
        let a = person(json!([{"from": "2026-10-15", "post": "rm"}]));
        let b = person(json!([
            {"from": "2026-10-15", "post": "gm"},
            {"from": "2027-01-01", "post": "rm", "note": "调回"},
        ]));
        let changes = diff(&a, &b);
        let fields: Vec<&str> = changes.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(
            fields,
            ["people[p012].changes[2026-10-15].post", "people[p012].changes[2027-01-01]"]
        );
        assert!(changes[1].is_item());
        let acting = json!({"people": [{"id": "p012", "name": "王芳", "post": "rep",
            "changes": [{"from": "2026-10-15", "post": "rm"}],
            "acting": [{"post": "gm", "from": "2026-11-21"}]}]});
        let fields: Vec<String> = diff(&a, &acting).into_iter().map(|c| c.field).collect();
        assert_eq!(fields, ["people[p012].acting[2026-11-21]"]);
    }

    #[test]
    fn list_items_are_matched_by_id() {
        let rent = json!({"id": "rent", "name": "租赁费", "amount": "13000"});
        let a = json!({"lines": [rent, {"id": "freight", "name": "运输费", "amount": "12000"}]});
        let b = json!({"lines": [
            {"id": "freight", "name": "运输费", "amount": "9000"},
            rent,
            {"id": "ads", "name": "广告费"},
        ]});
        let changes = diff(&a, &b);
        assert_eq!(changes.len(), 2, "{changes:#?}");
        assert_eq!(changes[0].field, "lines[freight].amount");
        assert_eq!(
            changes[0].path,
            [
                Step::Item {
                    list: "lines".into(),
                    key: "freight".into(),
                    name: Some("运输费".into())
                },
                Step::Key("amount".into()),
            ]
        );
        let text =
            |v: &Option<FieldValue>| v.as_ref().and_then(FieldValue::text).map(str::to_owned);
        assert_eq!(
            (text(&changes[0].before), text(&changes[0].after)),
            (Some("12000".into()), Some("9000".into()))
        );
        assert_eq!(changes[1].field, "lines[ads]");
        assert_eq!(changes[1].before, None);
        assert!(changes[1].is_item() && !changes[0].is_item());
    }

    #[test]
    fn an_added_item_carries_its_content_and_a_scalar_named_present_is_a_value() {
        let a = json!({"tasks": [{"id": "kickoff"}]});
        let b = json!({"title": "present", "tasks": [{"id": "kickoff"}, {"id": "visits"}]});
        let changes = diff(&a, &b);
        let visits = changes.iter().find(|c| c.field == "tasks[visits]").expect("item change");
        assert_eq!(
            serde_json::to_value(visits).expect("serialises")["after"],
            json!({"id": "visits"})
        );
        let title = changes.iter().find(|c| c.field == "title").expect("title change");
        assert_eq!(title.path, [Step::Key("title".into())]);
        assert_eq!(title.after, Some(FieldValue::Text("present".into())));
        let back: FieldChange =
            serde_json::from_value(serde_json::to_value(visits).expect("serialises"))
                .expect("deserialises");
        assert_eq!(&back, visits, "the history cache reads back what it wrote");
    }

    #[test]
    fn a_first_item_is_an_added_item_not_a_new_list() {
        let a = json!({"people": [{"id": "p1"}]});
        let b = json!({"people": [{"id": "p1"}], "regions": [{"id": "zz", "name": "郑州"}]});
        let changes = diff(&a, &b);
        assert_eq!(changes.len(), 1, "{changes:#?}");
        assert_eq!(changes[0].field, "regions[zz]");
        assert!(changes[0].is_item() && changes[0].before.is_none());
        let back = diff(&b, &json!({"people": [{"id": "p1"}], "regions": []}));
        assert_eq!(back[0].field, "regions[zz]");
        assert!(back[0].after.is_none());
    }

    #[test]
    fn identities_come_apart_into_kind_unit_and_period() {
        assert_eq!(
            Identity::parse("budget henan 2026-12"),
            Identity::Periodic { kind: "budget", unit: "henan", period: "2026-12" }
        );
        assert_eq!(Identity::parse("roster henan"), Identity::Roster { unit: "henan" });
        assert_eq!(Identity::parse("page docs/a b.md"), Identity::Page { path: "docs/a b.md" });
        assert_eq!(Identity::parse("planbook.yaml"), Identity::Config);
        assert_eq!(Identity::parse("budget henan"), Identity::Other("budget henan"));
    }
}
