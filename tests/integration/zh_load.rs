//! Loading's diagnostics in Chinese: `check --lang zh-CN` on the fixtures of the rules that
//! loading reports (files, YAML, schema, documents, numbers) and on hostile inputs. Message,
//! note and help must read Chinese, with no English word outside backticks.

use crate::support::{CONFIG, Repo};
use crate::support::{english_words, has_chinese};

/// The fixtures of loading's rules, with the file whose diagnostics loading made (a fixture
/// may also trip a rule of `validate`, which is not loading's to word).
const FIXTURES: &[(&str, Option<&str>)] = &[
    ("file.encoding", None),
    ("file.link-outside", None),
    ("file.read", None),
    ("file.too-large", None),
    ("yaml.syntax", None),
    ("yaml.duplicate-key", None),
    ("yaml.limit", None),
    ("schema.invalid", None),
    ("schema.missing-field", None),
    ("schema.type", None),
    ("schema.unknown-field", None),
    ("schema.value", None),
    ("document.empty", None),
    ("document.missing-kind", None),
    ("document.not-mapping", None),
    ("document.unknown-kind", None),
    ("front-matter.unclosed", None),
    ("number.out-of-range", Some("budget.yaml")),
    ("config.bad-glob", None),
];

/// Every text of `diag` a person reads: message, note, help, notes of related places.
fn texts(diag: &serde_json::Value) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    for field in ["message", "note", "help"] {
        if let Some(text) = diag[field].as_str() {
            out.push((field, text.to_owned()));
        }
    }
    for related in diag["related"].as_array().into_iter().flatten() {
        if let Some(text) = related["note"].as_str() {
            out.push(("related note", text.to_owned()));
        }
    }
    out
}

/// Runs `check --lang zh-CN --format json` and checks every diagnostic of a loading rule (in
/// `file`, when given); returns them.
fn check_zh(repo: &Repo, what: &str, file: Option<&str>) -> Vec<serde_json::Value> {
    let run = repo.run(["check", "--lang", "zh-CN", "--format", "json"]);
    let diags: Vec<serde_json::Value> = run
        .json()
        .into_iter()
        .filter(|d| file.is_none_or(|f| d["file"] == f))
        .filter(|d| {
            let rule = d["rule"].as_str().unwrap_or("");
            ["file.", "yaml.", "schema.", "document.", "front-matter.", "number.", "config.bad"]
                .iter()
                .any(|p| rule.starts_with(p))
                && !["document.duplicate", "document.unknown-kpi", "document.unknown-unit"]
                    .contains(&rule)
        })
        .collect();
    assert!(!diags.is_empty(), "{what}: no diagnostic of loading\n{}", run.stdout);
    for d in &diags {
        for (field, text) in texts(d) {
            assert!(has_chinese(&text), "{what} {}: {field} is not Chinese: {text}", d["rule"]);
            let english = english_words(&text);
            assert!(english.is_empty(), "{what} {}: {field} has {english:?}: {text}", d["rule"]);
        }
    }
    diags
}

#[test]
fn loading_fixtures_read_in_chinese() {
    for (rule, file) in FIXTURES {
        let repo = Repo::fixture(&format!("check/{rule}"));
        let diags = check_zh(&repo, rule, *file);
        assert!(diags.iter().any(|d| d["rule"] == *rule), "{rule}: not reported");
    }
}

fn message_of(diags: &[serde_json::Value], rule: &str) -> String {
    let d = diags.iter().find(|d| d["rule"] == rule).unwrap_or_else(|| panic!("no {rule}"));
    d["message"].as_str().unwrap_or("").to_owned()
}

#[test]
fn a_yaml_syntax_error_reads_in_chinese() {
    let repo = Repo::new().file("budget.yaml", "kind: budget\nlines: [1, 2\n");
    let diags = check_zh(&repo, "unclosed bracket", None);
    assert_eq!(message_of(&diags, "yaml.syntax"), "语法错误：括号 `[` 未闭合");
    let repo = Repo::new().file("roster.yaml", "kind: roster\nposts:\n\t- id: a\n");
    let diags = check_zh(&repo, "tab", None);
    assert_eq!(diags[0]["help"], "缩进只能用空格；请把制表符换成空格");
}

#[test]
fn a_gbk_file_reads_in_chinese() {
    // `name: 河南` in GBK.
    let gbk: &[u8] = b"kind: roster\nname: \xba\xd3\xc4\xcf\n";
    let repo = Repo::new().file("roster.yaml", gbk);
    let diags = check_zh(&repo, "GBK", None);
    assert_eq!(message_of(&diags, "file.encoding"), "文件不是有效的 `UTF-8` 编码");
    assert!(diags[0]["help"].as_str().unwrap().contains("`GBK`"), "{}", diags[0]);
}

#[test]
fn a_duplicate_key_reads_in_chinese() {
    let text = "kind: budget\nunit: henan\nperiod: 2026-12\nperiod: 2027-01\nlines: []\n";
    let repo = Repo::new().file("budget.yaml", text);
    let diags = check_zh(&repo, "duplicate key", None);
    assert_eq!(message_of(&diags, "yaml.duplicate-key"), "键 `period` 重复");
    assert_eq!(diags[0]["related"][0]["note"], "首次定义处");
}

#[test]
fn an_unknown_field_suggests_in_chinese() {
    let text = concat!(
        "kind: budget\nunit: henan\nperiod: 2026-12\ncurrency: CNY\n",
        "lines:\n  - id: rent\n    name: 房租\n    category: rent\n    amout: 1000\n"
    );
    let repo = Repo::new().file("budget.yaml", text);
    let diags = check_zh(&repo, "unknown field", None);
    let d = diags.iter().find(|d| d["rule"] == "schema.unknown-field").expect("unknown field");
    assert_eq!(d["message"], "`lines[0]` 中有未知字段 `amout`");
    assert_eq!(d["help"], "是否应为 `amount`？");
}

#[test]
fn a_quoted_number_and_a_missing_kind_read_in_chinese() {
    let text =
        "kind: budget\nunit: henan\nperiod: 2026-13\nlines:\n  - id: a\n    amount: '4,600'\n";
    let repo = Repo::new().file("budget.yaml", text).file("notes.yaml", "titel: 说明\n");
    let diags = check_zh(&repo, "value forms", None);
    assert_eq!(message_of(&diags, "schema.value"), "`2026-13` 不是有效的期间（`period`）");
    assert_eq!(message_of(&diags, "document.missing-kind"), "文档缺少 `kind` 键");
    let config = Repo::empty().file("planbook.yaml", CONFIG.replace("zh-CN", "en"));
    let diags = check_zh(&config.file("a.yaml", "- 1\n"), "not a mapping", None);
    assert_eq!(message_of(&diags, "document.not-mapping"), "文档应为键值对的映射，实际为列表");
}
