//! The diagnostics of the roster, link and `planbook.yaml` rules read Chinese with
//! `--lang zh-CN`: every fixture of those rules, in JSON, has Chinese in its message, notes and
//! help, and no English word outside `…` spans (ids, file names).

use serde_json::Value;

use crate::support::Repo;
use crate::support::{english_words, has_chinese};

/// The rules of `validate::roster`, `validate::links` and `validate::config`, each with its
/// fixture under `tests/fixtures/check/`.
const RULES: &[&str] = &[
    "roster.cycle",
    "roster.dates",
    "roster.duplicate-person",
    "roster.duplicate-post",
    "roster.duplicate-region",
    "roster.merged-region",
    "roster.over-establishment",
    "roster.self-manager",
    "roster.too-deep",
    "roster.unknown-manager",
    "roster.unknown-post",
    "roster.unknown-region",
    "roster.vacancy",
    "config.duplicate-kpi",
    "config.duplicate-unit",
    "config.unit-cycle",
    "config.unknown-parent",
    "config.unknown-rule",
    "document.duplicate",
    "document.unknown-kpi",
    "document.unknown-unit",
    "budget.headcount",
    "plan.budget-mismatch",
    "plan.budget-missing",
    "review.no-plan",
    "review.plan-mismatch",
];

/// The diagnostics of `rule` that `planbook check --lang zh-CN --format json` reports on its
/// fixture.
fn chinese_diagnostics(rule: &str) -> Vec<Value> {
    let run = Repo::fixture(&format!("check/{rule}"))
        .run(["check", "--lang", "zh-CN", "--format", "json"]);
    let found: Vec<Value> = run.json().into_iter().filter(|d| d["rule"] == rule).collect();
    assert!(!found.is_empty(), "{rule}: the fixture does not fire\n{}", run.stdout);
    found
}

/// Every text of a JSON diagnostic a person reads: message, note, help, related notes.
fn texts(d: &Value) -> Vec<&str> {
    let related = d["related"].as_array().into_iter().flatten().map(|r| &r["note"]);
    [&d["message"], &d["note"], &d["help"]]
        .into_iter()
        .chain(related)
        .filter_map(Value::as_str)
        .collect()
}

#[test]
fn the_check_finds_english_words() {
    assert_eq!(english_words("未知的单位 `henna` in planbook.yaml"), ["in", "planbook", "yaml"]);
    assert!(english_words("链接的预算 `a.yaml` 不存在（2026-Q1，p001）").is_empty());
    assert!(!has_chinese("unknown unit `henna`"));
}

#[test]
fn roster_link_and_config_rules_read_chinese() {
    let mut problems = Vec::new();
    for rule in RULES {
        for d in chinese_diagnostics(rule) {
            for text in texts(&d) {
                let words = english_words(text);
                if !has_chinese(text) || !words.is_empty() {
                    problems.push(format!("{rule}: {text:?} {words:?}"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "texts that do not read Chinese:\n{}", problems.join("\n"));
}

#[test]
fn establishment_and_reporting_lines_in_chinese() {
    let vacancy = &chinese_diagnostics("roster.vacancy")[0];
    assert_eq!(vacancy["message"], "岗位 `rep`（业务员）空编 1 人（编制 3 人，在岗 2 人）");
    let over = &chinese_diagnostics("roster.over-establishment")[0];
    assert_eq!(over["message"], "岗位 `rep`（业务员）在岗 3 人，超出编制 1 人（编制 2 人）");
    assert_eq!(over["related"][0]["note"], "陈静超出编制");
    let deep = &chinese_diagnostics("roster.too-deep")[0];
    assert_eq!(deep["message"], "刘洋的汇报链有 4 级，超过允许的 3 级");
    assert_eq!(deep["note"], "汇报链：张伟 → 孙强 → 李娜 → 刘洋");
    let cycle = &chinese_diagnostics("roster.cycle")[0];
    assert_eq!(
        cycle["message"],
        "汇报关系形成循环：张伟（`p001`） → 李娜（`p002`） → 王芳（`p003`） → 张伟"
    );
}

#[test]
fn links_between_documents_in_chinese() {
    let headcount = &chinese_diagnostics("budget.headcount")[0];
    assert_eq!(
        headcount["message"],
        "科目 `salary` 的明细 `地区业务员` 为岗位 `rep` 计 4 人，而该岗位编制 3 人、在岗 3 人"
    );
    assert_eq!(headcount["help"], "请填 3");
    let duplicate = &chinese_diagnostics("document.duplicate")[0];
    assert_eq!(duplicate["message"], "单位 `henan` 在 2026-12 有第二份预算");
    assert_eq!(duplicate["related"][0]["note"], "第一份预算");
    let missing = &chinese_diagnostics("plan.budget-missing")[0];
    assert_eq!(missing["message"], "链接的预算 `2026-12-budget.yaml` 不存在");
    assert_eq!(missing["note"], "查找的位置为 `2026-12-budget.yaml`");
    let cycle = &chinese_diagnostics("config.unit-cycle")[0];
    assert_eq!(cycle["message"], "单位上下级关系形成循环：`zx` → `power` → `henan` → `zx`");
}
