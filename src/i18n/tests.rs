use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

use super::*;

/// `id` (or `id.attribute`) → the variables its pattern uses, for one language.
fn catalogue(pick: fn(&(&str, &'static str, &'static str)) -> &'static str) -> Messages {
    let mut out = Messages::new();
    for file in FILES {
        let resource = match fluent_syntax::parser::parse(pick(file)) {
            Ok(r) => r,
            Err((_, errors)) => panic!("{}: {errors:?}", file.0),
        };
        for entry in resource.body {
            match entry {
                Entry::Message(m) => {
                    let id = m.id.name;
                    let value = m.value.as_ref().map(vars).unwrap_or_default();
                    assert!(m.value.is_some(), "{}: `{id}` has no value", file.0);
                    let old = out.insert(id.to_owned(), (file.0, value));
                    assert!(
                        old.is_none(),
                        "`{id}` is defined twice ({} and {})",
                        file.0,
                        old.unwrap().0
                    );
                    for a in m.attributes {
                        out.insert(format!("{id}.{}", a.id.name), (file.0, vars(&a.value)));
                    }
                }
                Entry::Junk { content } => panic!("{}: cannot parse {content:?}", file.0),
                _ => {}
            }
        }
    }
    out
}

type Messages = BTreeMap<String, (&'static str, BTreeSet<String>)>;

fn vars(pattern: &Pattern<&str>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_vars(expression, &mut out);
        }
    }
    out
}

fn expression_vars(e: &Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        Expression::Inline(i) => inline_vars(i, out),
        Expression::Select { selector, variants } => {
            inline_vars(selector, out);
            for v in variants {
                out.extend(vars(&v.value));
            }
        }
    }
}

fn inline_vars(e: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match e {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            arguments.positional.iter().for_each(|a| inline_vars(a, out));
            arguments.named.iter().for_each(|a| inline_vars(&a.value, out));
        }
        InlineExpression::Placeable { expression } => expression_vars(expression, out),
        _ => {}
    }
}

#[test]
fn catalogue_is_sound() {
    let en = catalogue(|f| f.1);
    let zh = catalogue(|f| f.2);
    for (id, (file, args)) in &en {
        let Some((zh_file, zh_args)) = zh.get(id) else {
            panic!("`{id}` ({file}) has no Chinese translation");
        };
        assert_eq!(file, zh_file, "`{id}` is in {file} in English but {zh_file} in Chinese");
        assert_eq!(args, zh_args, "`{id}`: the Chinese uses other arguments than the English");
    }
    for id in zh.keys() {
        assert!(en.contains_key(id), "`{id}` is in Chinese only");
    }
}

/// Every `msg!("id", name = …)` in `src/` names an id of the catalogue and passes exactly the
/// arguments its English text uses; every `t(locale, "id")` names an id.
#[test]
fn code_names_only_ids_the_catalogue_has() {
    let en = catalogue(|f| f.1);
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut problems = Vec::new();
    for path in rust_files(&root) {
        let text = std::fs::read_to_string(&path).unwrap();
        let shown = path.strip_prefix(&root).unwrap().display().to_string();
        for (id, args) in macro_calls(&text) {
            match en.get(&id) {
                None => problems.push(format!("{shown}: msg!(\"{id}\") is not in the catalogue")),
                Some((_, wanted)) if args.as_ref().is_some_and(|a| a != wanted) => problems.push(
                    format!("{shown}: msg!(\"{id}\") passes {args:?}, the text uses {wanted:?}"),
                ),
                _ => {}
            }
        }
        for id in t_calls(&text) {
            if !en.contains_key(&id) {
                problems.push(format!("{shown}: t(…, \"{id}\") is not in the catalogue"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn rust_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs")
            && !path.parent().is_some_and(|d| d.ends_with("i18n"))
        {
            out.push(path);
        }
    }
    out
}

/// `(id, Some(argument names))` of every `msg!("id", …)`; `None` when an argument is not
/// written `name = value` (then only the id is checked).
fn macro_calls(text: &str) -> Vec<(String, Option<BTreeSet<String>>)> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices("msg!(\"") {
        let rest = &text[at + 6..];
        let Some(end) = rest.find('"') else { continue };
        let id = rest[..end].to_owned();
        let parts = top_level_parts(&rest[end + 1..]);
        let mut names = BTreeSet::new();
        let mut plain = true;
        for part in parts.iter().skip(1) {
            match part.split_once('=') {
                Some((name, _)) if is_ident(name.trim()) => {
                    names.insert(name.trim().to_owned());
                }
                _ if part.trim().is_empty() => {}
                _ => plain = false,
            }
        }
        out.push((id, plain.then_some(names)));
    }
    out
}

/// The text up to the macro's closing parenthesis, split at its top-level commas.
fn top_level_parts(text: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut depth = 0usize;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                parts.last_mut().unwrap().push(c);
                while let Some(d) = chars.next() {
                    parts.last_mut().unwrap().push(d);
                    if d == '\\' {
                        chars.next();
                    } else if d == '"' {
                        break;
                    }
                }
                continue;
            }
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => break,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(String::new());
                continue;
            }
            _ => {}
        }
        parts.last_mut().unwrap().push(c);
    }
    parts
}

fn is_ident(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The ids of every `t(<expr>, "id")`.
fn t_calls(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices("t(") {
        if text[..at].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let rest = &text[at + 2..];
        let Some(comma) = rest.find(", \"") else { continue };
        if !rest[..comma].chars().all(|c| c.is_alphanumeric() || "_.:&*".contains(c)) {
            continue;
        }
        let id = &rest[comma + 3..];
        if let Some(end) = id.find('"') {
            out.push(id[..end].to_owned());
        }
    }
    out
}

#[test]
fn arguments_fill_both_languages() {
    let msg = crate::msg!("i18n-example", count = 12_500usize, name = "租赁费");
    assert_eq!(msg.text(Locale::En), "12,500 changes to 租赁费");
    assert_eq!(msg.text(Locale::ZhCn), "租赁费 有 12,500 处修改");
    let one = crate::msg!("i18n-example", count = 1usize, name = "rent");
    assert_eq!(one.text(Locale::En), "1 change to rent");
    assert_eq!(Msg::verbatim("as is").text(Locale::ZhCn), "as is");
}

#[test]
fn a_message_survives_the_cache_encoding() {
    let msg = crate::msg!("i18n-example", count = 2usize, name = crate::msg!("i18n-example-noun"));
    let bytes = rmp_serde::to_vec(&msg).unwrap();
    let back: Msg = rmp_serde::from_slice(&bytes).unwrap();
    assert_eq!(back, msg);
    assert_eq!(back.text(Locale::En), "2 changes to the budget");
    assert_eq!(back.text(Locale::ZhCn), "预算 有 2 处修改");
}

#[test]
fn lists_and_nested_messages() {
    let list = crate::msg!(
        "list-some",
        items = Arg::List(vec!["`a`".into(), "`b`".into()]),
        more = 0usize
    );
    assert_eq!(list.text(Locale::En), "`a`, `b`");
    assert_eq!(list.text(Locale::ZhCn), "`a`、`b`");
    let outer = crate::msg!("schema-expected-one-of", items = list);
    assert_eq!(outer.text(Locale::En), "expected one of `a`, `b`");
}
