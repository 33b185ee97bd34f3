//! Validates a parsed document against its schema and turns each error into a diagnostic that
//! points at the offending value, says what was expected and suggests a fix.

use std::sync::OnceLock;

use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::{Draft, JsonType, ValidationError, Validator};
use serde_json::Value;

use crate::diag::suggest::{did_you_mean, hint, one_of};
use crate::diag::{Diagnostic, rules};
use crate::i18n::msg;
use crate::model::money::check_spelling;
use crate::model::{Kind, forms};
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
            for name in unexpected {
                let span = node.entry(name).map_or(node.span, |(k, _)| k.span);
                let mut diag = Diagnostic::new(
                    &rules::SCHEMA_UNKNOWN_FIELD,
                    format!("unknown field `{name}`{}", in_place(&place)),
                    span,
                );
                diag = match did_you_mean(name, allowed.iter().map(String::as_str)) {
                    Some(best) => diag.help(format!("did you mean `{best}`?")),
                    None if !allowed.is_empty() => {
                        diag.help(msg!("schema-expected-one-of", items = one_of(&allowed)))
                    }
                    None => diag,
                };
                out.push(diag);
            }
        }
        ValidationErrorKind::Required { property } => {
            let name = property.as_str().unwrap_or("?");
            out.push(
                Diagnostic::new(
                    &rules::SCHEMA_MISSING_FIELD,
                    format!("missing required field `{name}`{}", in_place(&place)),
                    node.span,
                )
                .note(format!("`{name}` is required here")),
            );
        }
        ValidationErrorKind::Type { kind: types } => {
            let expected = expected_types(types);
            let span = node.span;
            out.push(
                Diagnostic::new(
                    &rules::SCHEMA_TYPE,
                    format!(
                        "expected {expected} for {}, found {}",
                        describe_or_doc(&place),
                        node.type_name()
                    ),
                    span,
                )
                .note(format!("expected {expected}"))
                .help_if(type_help(node, &expected)),
            );
        }
        ValidationErrorKind::Enum { options } => {
            let allowed: Vec<String> =
                options.as_array().map(|a| a.iter().map(json_text).collect()).unwrap_or_default();
            let found = json_text(&node.to_json());
            let diag = Diagnostic::new(
                &rules::SCHEMA_VALUE,
                format!("`{found}` is not an allowed value for {}", describe_or_doc(&place)),
                node.span,
            );
            let hint =
                hint(&found, allowed.iter().map(String::as_str), Some("schema-expected-one-of"));
            out.push(diag.help_if(hint));
        }
        ValidationErrorKind::Constant { expected_value } => {
            let expected = json_text(expected_value);
            out.push(Diagnostic::new(
                &rules::SCHEMA_VALUE,
                format!(
                    "expected `{expected}` for {}, found `{}`",
                    describe_or_doc(&place),
                    json_text(&node.to_json())
                ),
                node.span,
            ));
        }
        ValidationErrorKind::Pattern { pattern } => {
            let found = json_text(&node.to_json());
            let (what, help) = pattern_meaning(pattern);
            out.push(
                Diagnostic::new(
                    &rules::SCHEMA_VALUE,
                    format!("`{found}` is not {what} ({})", describe_or_doc(&place)),
                    node.span,
                )
                .help(help),
            );
        }
        ValidationErrorKind::Minimum { limit }
        | ValidationErrorKind::ExclusiveMinimum { limit } => {
            out.push(Diagnostic::new(
                &rules::SCHEMA_VALUE,
                format!(
                    "{} is below the smallest allowed value {limit} for {}",
                    json_text(&node.to_json()),
                    describe_or_doc(&place)
                ),
                node.span,
            ));
        }
        ValidationErrorKind::Maximum { limit }
        | ValidationErrorKind::ExclusiveMaximum { limit } => {
            out.push(Diagnostic::new(
                &rules::SCHEMA_VALUE,
                format!(
                    "{} is above the largest allowed value {limit} for {}",
                    json_text(&node.to_json()),
                    describe_or_doc(&place)
                ),
                node.span,
            ));
        }
        ValidationErrorKind::MinLength { .. } => {
            out.push(Diagnostic::new(
                &rules::SCHEMA_VALUE,
                format!("{} must not be empty", describe_or_doc(&place)),
                node.span,
            ));
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
                let diag = Diagnostic::new(
                    &rules::SCHEMA_VALUE,
                    format!("`{found}` is not an allowed value for {}", describe_or_doc(&place)),
                    node.span,
                );
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

fn generic(node: &Node, place: &str, error: &ValidationError<'_>, out: &mut Vec<Diagnostic>) {
    let text = error.to_string();
    let first_line = text.lines().next().unwrap_or("");
    out.push(Diagnostic::new(
        &rules::SCHEMA_INVALID,
        format!("{} does not match the schema: {first_line}", describe_or_doc(place)),
        node.span,
    ));
}

fn expects_only_null(error: &ValidationError<'_>) -> bool {
    matches!(error.kind(), ValidationErrorKind::Type { kind: TypeKind::Single(JsonType::Null) })
}

fn expected_types(types: &TypeKind) -> String {
    let word = |t: &JsonType| match t {
        JsonType::Array => "a list",
        JsonType::Boolean => "`true` or `false`",
        JsonType::Integer => "a whole number",
        JsonType::Null => "nothing (null)",
        JsonType::Number => "a number",
        JsonType::Object => "a mapping",
        JsonType::String => "text",
    };
    match types {
        TypeKind::Single(t) => word(t).to_string(),
        TypeKind::Multiple(set) => {
            let words: Vec<&str> =
                set.iter().filter(|t| *t != JsonType::Null).map(|t| word(&t)).collect();
            words.join(" or ")
        }
    }
}

fn type_help(node: &Node, expected: &str) -> Option<String> {
    match (&node.value, expected) {
        (yaml::Value::String(s), "a number" | "a whole number") => {
            let cleaned: String =
                s.chars().filter(|c| !matches!(c, ',' | '_' | ' ' | '，')).collect();
            if crate::model::money::parse_decimal(&cleaned).is_some() {
                Some(format!("write the number without quotes or separators: `{cleaned}`"))
            } else {
                Some("write a plain number such as 46000 or 1350.5".into())
            }
        }
        (yaml::Value::String(s), "`true` or `false`") => {
            Some(format!("planbook reads only `true` and `false` as booleans; `{s}` is text"))
        }
        (yaml::Value::Null, _) => Some("the value is empty; fill it in or remove the key".into()),
        (yaml::Value::Map(_), "a list") => Some("start each entry with `- `".into()),
        _ => None,
    }
}

fn pattern_meaning(pattern: &str) -> (&'static str, String) {
    match forms::of_pattern(pattern) {
        Some(form) => (form.what, form.help.to_string()),
        None => ("in the expected form", format!("it must match the pattern `{pattern}`")),
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

fn in_place(place: &str) -> String {
    if place.is_empty() { String::new() } else { format!(" in `{place}`") }
}

fn describe_or_doc(place: &str) -> String {
    if place.is_empty() { "the document".into() } else { format!("`{place}`") }
}

fn json_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The property names a schema allows for the object at `path`.
fn allowed_properties(root: &Value, path: &[String]) -> Vec<String> {
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
    let mut names: Vec<String> = current
        .iter()
        .filter_map(|s| s.get("properties").and_then(Value::as_object))
        .flat_map(|p| p.keys().cloned())
        .collect();
    names.sort();
    names.dedup();
    names
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

#[cfg(test)]
mod tests {
    use super::*;

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
            assert_eq!(pattern_meaning(form.pattern).0, form.what);
        }
        assert_eq!(pattern_meaning("^x$").0, "in the expected form");
    }
}
