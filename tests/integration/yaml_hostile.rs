//! Hostile YAML run through the real binary: aliases of aliases, deep nesting, tags on
//! collections, duplicate keys in Markdown front matter.

use crate::support::Repo;

fn check(path: &str, text: String) -> crate::support::Run {
    Repo::new().file(path, text).run(["check", "--format", "json"])
}

/// Each anchor nests 120 lists around an alias of the one before: a few kilobytes whose
/// aliases would expand into a tree nested thousands of levels deep.
fn alias_tower() -> String {
    let (open, close) = ("[".repeat(120), "]".repeat(120));
    let mut text = format!("kind: roster\nunit: henan\na0: &a0 {open}x{close}\n");
    for i in 1..36 {
        text += &format!("a{i}: &a{i} {open}*a{}{close}\n", i - 1);
    }
    text
}

#[test]
fn aliases_that_nest_past_the_depth_limit_are_refused() {
    let run = check("roster.yaml", alias_tower()).code(1);
    assert_eq!(run.rules(), ["yaml.limit"]);
    let found = &run.json()[0];
    assert_eq!((found["line"].as_u64(), found["column"].as_u64()), (Some(4), Some(129)));
    assert!(found["message"].as_str().unwrap().contains("nested more than 128"), "{found}");
    let plan = format!("---\n{}---\n# 计划\n", alias_tower().replace("roster", "plan"));
    let run = check("plan.md", plan).code(1);
    assert_eq!(run.rules(), ["yaml.limit"]);
}

#[test]
fn nesting_100_000_deep_is_a_limit_error() {
    for deep in ["[".repeat(100_000), "{a: ".repeat(100_000)] {
        let run = check("deep.yaml", format!("kind: roster\nunit: henan\nnote: {deep}\n")).code(1);
        assert_eq!(run.rules(), ["yaml.limit"]);
        let run = check("deep.md", format!("---\nkind: plan\nx: {deep}\n---\n")).code(1);
        assert_eq!(run.rules(), ["yaml.limit"]);
    }
    let run = check("deep.yaml", "- ".repeat(100_000)).code(1);
    assert_eq!(run.rules(), ["yaml.limit"]);
    let run = check("deep.md", format!("---\n{}\n---\n", "- ".repeat(100_000))).code(1);
    assert_eq!(run.rules(), ["yaml.limit"]);
}

#[test]
fn a_scalar_tag_on_a_list_is_a_syntax_error() {
    let run = check("roster.yaml", "kind: roster\nunit: henan\npeople: !!str []\n".into()).code(1);
    assert_eq!(run.rules(), ["yaml.syntax"]);
    assert_eq!(run.json()[0]["column"], 15);
}

#[test]
fn a_duplicate_key_in_front_matter_after_chinese_and_crlf_is_located() {
    let plan = "---\r\nkind: plan\r\n名字: 计划\r\n  \r\n名字: 二\r\n---\r\n# 正文\r\n";
    let run = check("plan.md", plan.into()).code(1);
    let found = run.json();
    let dup = found.iter().find(|d| d["rule"] == "yaml.duplicate-key").expect("a duplicate");
    assert_eq!((dup["line"].as_u64(), dup["column"].as_u64()), (Some(5), Some(1)));
    assert_eq!(dup["related"][0]["line"], 3);
}
