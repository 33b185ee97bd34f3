//! Validates a parsed document against its schema and turns each error into a diagnostic that
//! points at the offending value, says what was expected and suggests a fix.

use std::sync::OnceLock;

use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::{Draft, JsonType, ValidationError, Validator};
use serde_json::Value;

use crate::diag::suggest::{did_you_mean, hint, one_of};
use crate::diag::{Diagnostic, rules};
use crate::i18n::{Msg, msg};
use crate::model::money::check_spelling;
use crate::model::{Kind, forms};
use crate::schema::habits::{self, Habit};
use crate::schema::node::{Item, Tree};
use crate::schema::{ALL_KINDS, schema};
use crate::yaml::{self, Node};

fn validator(kind: Kind) -> &'static Validator<Tree> {
    static VALIDATORS: OnceLock<Vec<Validator<Tree>>> = OnceLock::new();
    let all = VALIDATORS.get_or_init(|| {
        ALL_KINDS
            .iter()
            .map(|&k| {
                jsonschema::options_for::<Tree>()
                    .with_draft(Draft::Draft202012)
                    .build(schema(k))
                    .expect("generated schemas compile")
            })
            .collect()
    });
    &all[ALL_KINDS.iter().position(|&k| k == kind).expect("every kind has a validator")]
}

/// Checks `node` against the schema of `kind`; returns every problem found.
pub fn check(kind: Kind, node: &Node) -> Vec<Diagnostic> {
    let mut numbers = Vec::new();
    numbers_in_range(node, &mut numbers);
    // The tree is validated as it is: no JSON copy of it is built.
    let validator = validator(kind);
    if validator.is_valid(Item::Tree(node)) {
        return numbers;
    }
    let mut out = Vec::new();
    for error in validator.iter_errors(Item::Tree(node)) {
        convert(kind, node, &error, &mut out);
    }
    out.dedup_by(|a, b| a.primary.span == b.primary.span && a.message == b.message);
    // One mistake, one message: a number already reported as out of range is not also a type
    // or range error of the schema (`.inf` reads as no number at all).
    let reported: std::collections::HashSet<_> = numbers.iter().map(|n| n.primary.span).collect();
    out.retain(|d| !reported.contains(&d.primary.span));
    numbers.append(&mut out);
    numbers
}

/// `number.out-of-range`: every number written in the document, wherever it is, is within
/// the digits planbook computes with exactly. Each one beyond is reported.
fn numbers_in_range(node: &Node, out: &mut Vec<Diagnostic>) {
    match &node.value {
        yaml::Value::Number(n) => {
            if let Err(why) = check_spelling(&n.raw) {
                out.push(Diagnostic::new(&rules::NUMBER_OUT_OF_RANGE, why, node.span));
            }
        }
        yaml::Value::Seq(items) => items.iter().for_each(|i| numbers_in_range(i, out)),
        yaml::Value::Map(entries) => entries.iter().for_each(|(_, v)| numbers_in_range(v, out)),
        _ => {}
    }
}

fn convert(kind: Kind, root: &Node, error: &ValidationError<'_>, out: &mut Vec<Diagnostic>) {
    let path: Vec<String> = pointer_segments(error.instance_path().as_str());
    let node = walk(root, &path);
    let place = describe(&path);
    match error.kind() {
        ValidationErrorKind::AdditionalProperties { unexpected }
        | ValidationErrorKind::UnevaluatedProperties { unexpected } => {
            let allowed = allowed_properties(schema(kind), &path);
            let mut split_keys = Vec::new();
            for (entries, span, habit) in habits::split_numbers(node) {
                let keys: Vec<String> = node_keys(node, entries.start + 1..entries.end);
                if !keys.iter().any(|k| unexpected.contains(k)) {
                    continue;
                }
                let message = msg!("habit-split-number-title", place = describe_or_doc(&place));
                out.push(habit.apply(Diagnostic::new(&rules::SCHEMA_UNKNOWN_FIELD, message, span)));
                split_keys.extend(keys);
            }
            for name in unexpected.iter().filter(|n| !split_keys.contains(n)) {
                let key = node.entry(name).map(|(k, _)| k).or_else(|| key_node(node, name));
                let span = key.map_or(node.span, |k| k.span);
                let message = if place.is_empty() {
                    msg!("schema-unknown-field", name = name)
                } else {
                    msg!("schema-unknown-field-in", name = name, place = &place)
                };
                let mut diag = Diagnostic::new(&rules::SCHEMA_UNKNOWN_FIELD, message, span);
                // A key that is an allowed one once a habit is undone, and not also written.
                let habit = key
                    .and_then(|k| habits::key(k, &allowed))
                    .filter(|(field, _)| key_node(node, field).is_none());
                diag = match (habit, did_you_mean(name, allowed.iter().map(String::as_str))) {
                    (Some((_, habit)), _) => habit.apply(diag),
                    (None, Some(best)) => diag.help(msg!("suggest-did-you-mean", best = best)),
                    (None, None) if !allowed.is_empty() => {
                        diag.help(msg!("schema-expected-one-of", items = one_of(&allowed)))
                    }
                    (None, None) => diag,
                };
                out.push(diag);
            }
        }
        ValidationErrorKind::Required { property } => {
            let name = property.as_str().unwrap_or("?");
            if written_as_habit(kind, node, &path, name) {
                return; // `name：张三`, `name　`, `nmae`: reported once, as that key
            }
            let message = if place.is_empty() {
                msg!("schema-missing-field", name = name)
            } else {
                msg!("schema-missing-field-in", name = name, place = &place)
            };
            out.push(
                Diagnostic::new(&rules::SCHEMA_MISSING_FIELD, message, node.span)
                    .note(msg!("schema-required-here", name = name)),
            );
        }
        ValidationErrorKind::Type { kind: types } => {
            let expected = expected_types(types);
            let message = msg!(
                "schema-expected-type",
                expected = expected.clone(),
                place = describe_or_doc(&place),
                found = node.type_name()
            );
            let diag = Diagnostic::new(&rules::SCHEMA_TYPE, message, node.span)
                .note(msg!("schema-expected", expected = expected))
                .help_if(type_help(node, types));
            out.push(match type_habit(kind, node, &path, types) {
                Some(habit) => habit.apply(diag),
                None => diag,
            });
        }
        ValidationErrorKind::Enum { options } => {
            let allowed: Vec<String> =
                options.as_array().map(|a| a.iter().map(json_text).collect()).unwrap_or_default();
            let found = json_text(&node.to_json());
            let message =
                msg!("schema-not-allowed", found = &found, place = describe_or_doc(&place));
            let diag = Diagnostic::new(&rules::SCHEMA_VALUE, message, node.span);
            let hint =
                hint(&found, allowed.iter().map(String::as_str), Some("schema-expected-one-of"));
            out.push(diag.help_if(hint));
        }
        ValidationErrorKind::Constant { expected_value } => {
            let expected = json_text(expected_value);
            let message = msg!(
                "schema-expected-constant",
                expected = expected,
                place = describe_or_doc(&place),
                found = json_text(&node.to_json())
            );
            out.push(Diagnostic::new(&rules::SCHEMA_VALUE, message, node.span));
        }
        ValidationErrorKind::Pattern { pattern } => {
            let found = json_text(&node.to_json());
            let (message, help) = pattern_meaning(pattern, found, describe_or_doc(&place));
            let diag = Diagnostic::new(&rules::SCHEMA_VALUE, message, node.span).help(help);
            let habit = match pattern.as_str() {
                p if p == forms::DATE.pattern => habits::date(node),
                p if p == forms::PERIOD.pattern => habits::period(node),
                p if p == forms::ID.pattern => habits::id_spaces(node),
                _ => None,
            };
            out.push(match habit {
                Some(habit) => habit.apply(diag),
                None => diag,
            });
        }
        ValidationErrorKind::Minimum { limit }
        | ValidationErrorKind::ExclusiveMinimum { limit } => {
            let message = msg!(
                "schema-below-minimum",
                found = json_text(&node.to_json()),
                limit = limit.to_string(),
                place = describe_or_doc(&place)
            );
            out.push(Diagnostic::new(&rules::SCHEMA_VALUE, message, node.span));
        }
        ValidationErrorKind::Maximum { limit }
        | ValidationErrorKind::ExclusiveMaximum { limit } => {
            let message = msg!(
                "schema-above-maximum",
                found = json_text(&node.to_json()),
                limit = limit.to_string(),
                place = describe_or_doc(&place)
            );
            out.push(Diagnostic::new(&rules::SCHEMA_VALUE, message, node.span));
        }
        ValidationErrorKind::MinLength { .. } => {
            let message = msg!("schema-not-empty", place = describe_or_doc(&place));
            out.push(Diagnostic::new(&rules::SCHEMA_VALUE, message, node.span));
        }
        ValidationErrorKind::AnyOf { context } | ValidationErrorKind::OneOfNotValid { context } => {
            // `Option<T>` is "T or null": report what is wrong with the T branch, not both.
            let branches: Vec<&Vec<ValidationError<'static>>> =
                context.iter().filter(|errors| !errors.iter().all(expects_only_null)).collect();
            // An enum with documented variants is a `oneOf` of constants: one message, not one
            // per variant.
            let constants: Option<Vec<String>> = branches
                .iter()
                .map(|errors| match errors.as_slice() {
                    [only] => match only.kind() {
                        ValidationErrorKind::Constant { expected_value } => {
                            Some(json_text(expected_value))
                        }
                        _ => None,
                    },
                    _ => None,
                })
                .collect();
            if let Some(allowed) = constants.filter(|c| !c.is_empty()) {
                let found = json_text(&node.to_json());
                let message =
                    msg!("schema-not-allowed", found = &found, place = describe_or_doc(&place));
                let diag = Diagnostic::new(&rules::SCHEMA_VALUE, message, node.span);
                let hint = hint(
                    &found,
                    allowed.iter().map(String::as_str),
                    Some("schema-expected-one-of"),
                );
                out.push(diag.help_if(hint));
                return;
            }
            if branches.is_empty() {
                generic(node, &place, error, out);
            }
            for branch in branches {
                for inner in branch {
                    convert(kind, root, inner, out);
                }
            }
        }
        _ => generic(node, &place, error, out),
    }
}

/// The habit behind a value of the wrong type: a number written as text (`１２０００`,
/// `12,000`, `2.25万`), an id or period written as a number, `key：value` as one string.
fn type_habit(kind: Kind, node: &Node, path: &[String], types: &TypeKind) -> Option<Habit> {
    let allowed = allowed_types(types);
    let only = match allowed[..] {
        [only] => only,
        // A period is a year (a whole number) or text: `2026.12` is a number of neither.
        _ if allowed.contains(&JsonType::String) => JsonType::String,
        _ => return None,
    };
    match (&node.value, only) {
        (yaml::Value::String(_), JsonType::Number | JsonType::Integer) => {
            habits::quoted_number(node).or_else(|| habits::number(node))
        }
        (yaml::Value::String(_), JsonType::Object) => habits::colon_in_text(node),
        (yaml::Value::Number(_), JsonType::String) => {
            let patterns = patterns_at(schema(kind), path);
            let field = path.iter().rev().find(|s| s.parse::<usize>().is_err());
            let field = field.map_or("id", String::as_str);
            if patterns.contains(&forms::PERIOD.pattern) {
                habits::period(node)
            } else {
                let id = patterns.contains(&forms::ID.pattern);
                habits::quote_number(node, field, id)
            }
        }
        _ => None,
    }
}

/// Whether the object at `path` has a key that is `name` written with a habit (a full-width
/// colon or space, or a misspelling with one clear candidate), already reported as that key.
fn written_as_habit(kind: Kind, object: &Node, path: &[String], name: &str) -> bool {
    let yaml::Value::Map(entries) = &object.value else { return false };
    let allowed = allowed_properties(schema(kind), path);
    entries.iter().any(|(key, _)| {
        !allowed.iter().any(|a| *a == key.key_text())
            && habits::key(key, &allowed).is_some_and(|(field, _)| field == name)
    })
}

/// The key node written as `name` (a number key such as `000` included).
fn key_node<'a>(map: &'a Node, name: &str) -> Option<&'a Node> {
    match &map.value {
        yaml::Value::Map(entries) => entries.iter().map(|(k, _)| k).find(|k| k.key_text() == name),
        _ => None,
    }
}

/// The keys of `map`'s entries `range`, as text.
fn node_keys(map: &Node, range: std::ops::Range<usize>) -> Vec<String> {
    match &map.value {
        yaml::Value::Map(entries) => entries
            .get(range)
            .unwrap_or_default()
            .iter()
            .map(|(k, _)| k.key_text().into_owned())
            .collect(),
        _ => Vec::new(),
    }
}

fn generic(node: &Node, place: &str, error: &ValidationError<'_>, out: &mut Vec<Diagnostic>) {
    let text = error.to_string();
    let first_line = text.lines().next().unwrap_or("");
    let message = msg!("schema-mismatch", place = describe_or_doc(place), detail = first_line);
    out.push(Diagnostic::new(&rules::SCHEMA_INVALID, message, node.span));
}

fn expects_only_null(error: &ValidationError<'_>) -> bool {
    matches!(error.kind(), ValidationErrorKind::Type { kind: TypeKind::Single(JsonType::Null) })
}

/// The types `types` allows, but null: `Option<T>` is "T or null", and the message is about T.
fn allowed_types(types: &TypeKind) -> Vec<JsonType> {
    match types {
        TypeKind::Single(t) => vec![*t],
        TypeKind::Multiple(set) => set.iter().filter(|t| *t != JsonType::Null).collect(),
    }
}

fn type_word(t: JsonType) -> Msg {
    match t {
        JsonType::Array => msg!("schema-type-list"),
        JsonType::Boolean => msg!("schema-type-boolean"),
        JsonType::Integer => msg!("schema-type-integer"),
        JsonType::Null => msg!("schema-type-null"),
        JsonType::Number => msg!("schema-type-number"),
        JsonType::Object => msg!("schema-type-mapping"),
        JsonType::String => msg!("schema-type-text"),
    }
}

/// "a number", "text or a list".
fn expected_types(types: &TypeKind) -> Msg {
    let mut words = allowed_types(types).into_iter().map(type_word);
    let first = words.next().unwrap_or_else(|| type_word(JsonType::Null));
    words.fold(first, |all, next| msg!("schema-type-or", first = all, second = next))
}

fn type_help(node: &Node, types: &TypeKind) -> Option<Msg> {
    let only = match allowed_types(types)[..] {
        [only] => Some(only),
        _ => None,
    };
    match (&node.value, only) {
        (yaml::Value::String(s), Some(JsonType::Number | JsonType::Integer)) => {
            let cleaned: String =
                s.chars().filter(|c| !matches!(c, ',' | '_' | ' ' | '，')).collect();
            if crate::model::money::parse_decimal(&cleaned).is_some() {
                Some(msg!("schema-help-unquote", number = cleaned))
            } else {
                Some(msg!("schema-help-plain-number"))
            }
        }
        (yaml::Value::String(s), Some(JsonType::Boolean)) => {
            Some(msg!("schema-help-boolean", text = s))
        }
        (yaml::Value::Null, _) => Some(msg!("schema-help-empty")),
        (yaml::Value::Map(_), Some(JsonType::Array)) => Some(msg!("schema-help-list")),
        _ => None,
    }
}

/// The message and help for `found`, at `place`, which does not match `pattern`: in words
/// when the pattern is one of the written [`forms`].
fn pattern_meaning(pattern: &str, found: String, place: Msg) -> (Msg, Msg) {
    match forms::of_pattern(pattern) {
        Some(form) => (
            msg!("schema-not-form", found = found, what = Msg::new(form.what), place = place),
            Msg::new(form.help),
        ),
        None => (
            msg!("schema-not-pattern", found = found, place = place),
            msg!("schema-pattern-help", pattern = pattern),
        ),
    }
}

/// Splits a JSON pointer into unescaped segments.
fn pointer_segments(pointer: &str) -> Vec<String> {
    pointer.split('/').skip(1).map(|s| s.replace("~1", "/").replace("~0", "~")).collect()
}

/// The node at `path`, or the deepest node on the way when the path leaves the tree.
fn walk<'a>(root: &'a Node, path: &[String]) -> &'a Node {
    let mut node = root;
    for segment in path {
        let next = match &node.value {
            yaml::Value::Map(_) => node.get(segment),
            yaml::Value::Seq(items) => segment.parse::<usize>().ok().and_then(|i| items.get(i)),
            _ => None,
        };
        match next {
            Some(n) => node = n,
            None => break,
        }
    }
    node
}

/// `lines[3].breakdown[0]` for the path `/lines/3/breakdown/0`.
fn describe(path: &[String]) -> String {
    let mut out = String::new();
    for segment in path {
        if segment.parse::<usize>().is_ok() {
            out.push_str(&format!("[{segment}]"));
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(segment);
        }
    }
    out
}

/// "`lines[0].amount`", or "the document" for the root.
fn describe_or_doc(place: &str) -> Msg {
    if place.is_empty() { msg!("schema-the-document") } else { msg!("schema-place", place = place) }
}

fn json_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The property names a schema allows for the object at `path`.
fn allowed_properties(root: &Value, path: &[String]) -> Vec<String> {
    let current = schemas_at(root, path);
    let mut names: Vec<String> = current
        .iter()
        .filter_map(|s| s.get("properties").and_then(Value::as_object))
        .flat_map(|p| p.keys().cloned())
        .collect();
    names.sort();
    names.dedup();
    names
}

/// The `pattern`s of the schemas for the value at `path`.
fn patterns_at<'a>(root: &'a Value, path: &[String]) -> Vec<&'a str> {
    schemas_at(root, path).iter().filter_map(|s| s.get("pattern")?.as_str()).collect()
}

/// The schemas (with `$ref`s followed and branches flattened) for the value at `path`.
fn schemas_at<'a>(root: &'a Value, path: &[String]) -> Vec<&'a Value> {
    let mut current = expand(root, root);
    for segment in path {
        let mut next = Vec::new();
        for schema in &current {
            let child = if segment.parse::<usize>().is_ok() && schema.get("items").is_some() {
                schema.get("items")
            } else {
                schema
                    .get("properties")
                    .and_then(|p| p.get(segment))
                    .or_else(|| schema.get("additionalProperties").filter(|a| a.is_object()))
            };
            if let Some(child) = child {
                next.extend(expand(root, child));
            }
        }
        current = next;
    }
    current
}

/// A schema with `$ref`s followed and `anyOf`/`oneOf`/`allOf` branches flattened.
fn expand<'a>(root: &'a Value, schema: &'a Value) -> Vec<&'a Value> {
    let mut out = Vec::new();
    let mut stack = vec![schema];
    let mut steps = 0;
    while let Some(s) = stack.pop() {
        steps += 1;
        if steps > 64 {
            break;
        }
        if let Some(target) = s
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|r| r.strip_prefix('#'))
            .and_then(|p| root.pointer(p))
        {
            stack.push(target);
        }
        for key in ["anyOf", "oneOf", "allOf"] {
            if let Some(branches) = s.get(key).and_then(Value::as_array) {
                stack.extend(branches);
            }
        }
        out.push(s);
    }
    out
}

/// Where [`check`] finds a problem, as a path into the tree (`["people", "3", "post"]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// Map keys and list indexes from the root to the node in error.
    pub path: Vec<String>,
    /// For an unknown field: its name, in the mapping at `path`.
    pub unknown_field: Option<String>,
}

/// The place of every problem [`check`] reports, so a loader can keep what is sound.
pub fn locations(kind: Kind, node: &Node) -> Vec<Location> {
    let mut out = Vec::new();
    number_locations(node, &mut Vec::new(), &mut out);
    let validator = validator(kind);
    if validator.is_valid(Item::Tree(node)) {
        return out;
    }
    for error in validator.iter_errors(Item::Tree(node)) {
        let path = pointer_segments(error.instance_path().as_str());
        match error.kind() {
            ValidationErrorKind::AdditionalProperties { unexpected }
            | ValidationErrorKind::UnevaluatedProperties { unexpected } => {
                out.extend(unexpected.iter().map(|name| Location {
                    path: path.clone(),
                    unknown_field: Some(name.clone()),
                }));
            }
            _ => out.push(Location { path, unknown_field: None }),
        }
    }
    out
}

fn number_locations(node: &Node, path: &mut Vec<String>, out: &mut Vec<Location>) {
    match &node.value {
        yaml::Value::Number(n) if check_spelling(&n.raw).is_err() => {
            out.push(Location { path: path.clone(), unknown_field: None });
        }
        yaml::Value::Seq(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(i.to_string());
                number_locations(item, path, out);
                path.pop();
            }
        }
        yaml::Value::Map(entries) => {
            for (k, v) in entries {
                path.push(k.key_text().into_owned());
                number_locations(v, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    #[test]
    fn allowed_properties_follow_refs() {
        let names = allowed_properties(schema(Kind::Budget), &["lines".into(), "0".into()]);
        assert!(names.contains(&"amount".to_string()), "{names:?}");
    }

    #[test]
    fn every_written_form_is_a_pattern_of_the_schemas() {
        let all: String = ALL_KINDS.iter().map(|&k| schema(k).to_string()).collect();
        for form in forms::ALL {
            let quoted = serde_json::to_string(form.pattern).unwrap();
            assert!(all.contains(&quoted), "{} is in no schema", form.pattern);
            let (message, help) =
                pattern_meaning(form.pattern, "x".into(), msg!("schema-the-document"));
            assert_eq!(
                message.args().nth(1).map(|(_, a)| a.clone()),
                Some(Msg::new(form.what).into())
            );
            assert_eq!(help.id(), form.help);
            for id in [form.what, form.help] {
                for locale in Locale::ALL {
                    assert!(crate::i18n::lookup(locale, id).is_some(), "no message `{id}`");
                }
            }
        }
        let (message, help) = pattern_meaning("^x$", "x".into(), msg!("schema-place", place = "a"));
        assert_eq!(message.en(), "`x` is not in the expected form (`a`)");
        assert_eq!(help.en(), "it must match the pattern `^x$`");
    }

    fn problems(kind: Kind, text: &str, locale: Locale) -> Vec<(String, Option<String>)> {
        let node = yaml::parse(crate::source::FileId(0), text, 0).unwrap();
        check(kind, &node)
            .into_iter()
            .map(|d| (d.message.text(locale), d.help.map(|h| h.text(locale))))
            .collect()
    }

    #[test]
    fn schema_errors_read_in_chinese() {
        let budget = "kind: budget\nunit: u\nperiod: 2026-12\ncurrency: CNY\nlines:\n";
        let zh = |lines: &str| problems(Kind::Budget, &format!("{budget}{lines}"), Locale::ZhCn);
        let line = "  - id: a\n    name: 房租\n    category: rent\n";
        assert_eq!(
            zh(&format!("{line}    amount: '46,000'\n")),
            [(
                "`lines[0].amount` 应为数字，实际为文本".to_owned(),
                Some("数字不要加引号或千位分隔符，应写作 `46000`".to_owned())
            )]
        );
        assert_eq!(
            zh(&format!("{line}    amount: 1\n    amout: 2\n")),
            [(
                "`lines[0]` 中有未知字段 `amout`".to_owned(),
                Some("是否应为 `amount`？".to_owned())
            )]
        );
        let huge = zh(&format!("{line}    amount: 1e400\n"));
        assert!(huge[0].0.starts_with("`1e400` 的整数部分有 401 位；"), "{huge:?}");
        let missing = problems(Kind::Budget, "kind: budget\n", Locale::ZhCn);
        assert!(missing.iter().any(|(m, _)| m == "缺少必填字段 `period`"), "{missing:?}");
    }

    #[test]
    fn english_wording_is_kept() {
        let text = "kind: budget\nunit: u\nperiod: 2026-12\ncurrency: CNY\nlines: {}\n";
        assert_eq!(
            problems(Kind::Budget, text, Locale::En),
            [(
                "expected a list for `lines`, found a mapping".to_owned(),
                Some("start each entry with `- `".to_owned())
            )]
        );
        let text = "kind: budget\nunit: u\nperiod: 2026-12\ncurrency: CNY\nlines: []\nx: 1\n";
        let unknown = problems(Kind::Budget, text, Locale::En);
        assert_eq!(unknown[0].0, "unknown field `x`");
    }
}
