//! The budget, plan and review rules speak Chinese: `planbook check --lang zh-CN` on their
//! fixtures, and on a repository that fires the variants the fixtures do not, leaves no English
//! word in a message, note or help outside backticks; only ids and codes of the data remain.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

use crate::support::has_chinese;
use crate::support::{Repo, fixtures_dir};

/// The rules `validate::budget`, `validate::plan` and `validate::review` report (each has a
/// fixture under `tests/fixtures/check/`).
const RULES: &[&str] = &[
    "budget.breakdown-over",
    "budget.breakdown-short",
    "budget.cap-exceeded",
    "budget.duplicate-line",
    "budget.item-form",
    "budget.mixed-currency",
    "budget.negative",
    "budget.subtotal-mismatch",
    "budget.total-mismatch",
    "budget.unknown-line",
    "budget.unknown-section",
    "plan.duplicate-component",
    "plan.duplicate-scorecard",
    "plan.duplicate-task",
    "plan.floor-above-target",
    "plan.inverted-range",
    "plan.target-empty",
    "plan.task-cycle",
    "plan.task-dates",
    "plan.task-outside-period",
    "plan.unknown-dependency",
    "plan.unknown-person",
    "plan.unknown-post",
    "plan.weights-sum",
    "review.missing-actual",
    "review.missing-value",
    "review.no-scorecard",
    "review.score-range",
    "review.unknown-component",
    "review.unknown-line",
    "review.unknown-person",
    "review.unknown-task",
    "review.unplanned-actual",
    "review.wrong-post",
];

/// The English words left in `text` once backticked spans are taken out: runs of two or more
/// ASCII letters that are not in `data` (ids and codes written in the repository's files).
fn english_words(text: &str, data: &BTreeSet<String>) -> Vec<String> {
    let mut outside = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 0 {
            outside.push_str(part);
            outside.push(' ');
        }
    }
    let mut words = Vec::new();
    let mut word = String::new();
    for c in outside.chars().chain([' ']) {
        if c.is_ascii_alphabetic() {
            word.push(c);
        } else {
            if word.len() >= 2 && !data.contains(&word) {
                words.push(std::mem::take(&mut word));
            }
            word.clear();
        }
    }
    words
}

/// Ids and codes the data itself writes: the values of `id`, `unit`, `currency` and the other
/// keys naming something, in every file of `dir` (the expected outputs left out).
fn data_words(dir: &Path) -> BTreeSet<String> {
    const KEYS: [&str; 12] = [
        "id", "unit", "currency", "kpi", "post", "person", "owner", "line", "section", "task",
        "per_post", "scope",
    ];
    let mut out = BTreeSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read fixture folder") {
            let path = entry.expect("entry").path();
            let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if name.starts_with("expected.") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            for key in KEYS {
                for (at, _) in text.match_indices(&format!("{key}:")) {
                    let before = text[..at].chars().next_back();
                    if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
                        continue;
                    }
                    let value = text[at + key.len() + 1..].trim_start_matches([' ', '[']);
                    let value: String = value
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || "-_".contains(*c))
                        .collect();
                    out.extend(value.split(|c: char| !c.is_ascii_alphabetic()).map(str::to_owned));
                }
            }
        }
    }
    out
}

/// The problems with the Chinese of diagnostic `d`: a message, note or help without Chinese,
/// or any of them, or a related note, with an English word.
fn problems(d: &Value, data: &BTreeSet<String>) -> Vec<String> {
    let mut texts: Vec<(&str, &str, bool)> = vec![];
    for key in ["message", "note", "help"] {
        if let Some(text) = d[key].as_str() {
            texts.push((key, text, true));
        }
    }
    for related in d["related"].as_array().into_iter().flatten() {
        if let Some(text) = related["note"].as_str() {
            texts.push(("related note", text, false));
        }
    }
    let mut out = Vec::new();
    for (key, text, ours) in texts {
        if ours && !has_chinese(text) {
            out.push(format!("{} {key} has no Chinese: {text}", d["rule"]));
        }
        let words = english_words(text, data);
        if !words.is_empty() {
            out.push(format!("{} {key} has English {words:?}: {text}", d["rule"]));
        }
    }
    out
}

/// Runs `check --lang zh-CN --format json` in `repo` and returns the diagnostics of `RULES`
/// (and `number.out-of-range` when `with_ranges`).
fn chinese(repo: &Repo, with_ranges: bool) -> Vec<Value> {
    let run = repo.run(["check", "--lang", "zh-CN", "--format", "json"]);
    run.json()
        .into_iter()
        .filter(|d| {
            let rule = d["rule"].as_str().unwrap_or("");
            RULES.contains(&rule) || (with_ranges && rule == "number.out-of-range")
        })
        .collect()
}

#[test]
fn the_checker_finds_english_outside_backticks_only() {
    let data: BTreeSet<String> = ["USD".to_owned()].into();
    assert_eq!(english_words("科目 `salary` 以 USD 计价", &data), Vec::<String>::new());
    assert_eq!(english_words("任务 `a` is due 于 2026-Q4", &data), ["is", "due"]);
    assert_eq!(english_words("first used here", &data), ["first", "used", "here"]);
}

#[test]
fn every_fixture_of_the_budget_plan_and_review_rules_reads_chinese() {
    let mut found = Vec::new();
    for rule in RULES {
        let dir = fixtures_dir().join("check").join(rule);
        let repo = Repo::fixture(&format!("check/{rule}"));
        let diagnostics = chinese(&repo, false);
        assert!(
            diagnostics.iter().any(|d| d["rule"] == *rule),
            "fixture {rule} does not fire its rule in Chinese: {diagnostics:?}"
        );
        let data = data_words(&dir);
        found.extend(diagnostics.iter().flat_map(|d| problems(d, &data)));
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn fixture_messages_read_as_written() {
    let cases = [
        ("budget.cap-exceeded", "人员类费用（`personnel`）合计 91,000，比限额 90,000 多出 1,000"),
        ("budget.mixed-currency", "科目 `samples` 以 USD 计价，而预算以 CNY 计价"),
        ("plan.floor-above-target", "指标 `units` 的保底 10,000 高于目标 6,000（该指标越高越好）"),
        (
            "plan.task-cycle",
            "任务之间存在循环依赖：`staffing` → `re-compete` → `publish-scheme` → `staffing`",
        ),
        ("review.unplanned-actual", "指标 `gross-margin` 的实际数在计划中没有对应的目标"),
    ];
    for (rule, message) in cases {
        let repo = Repo::fixture(&format!("check/{rule}"));
        let diagnostics = chinese(&repo, false);
        let messages: Vec<_> = diagnostics.iter().map(|d| d["message"].clone()).collect();
        assert!(messages.iter().any(|m| m == message), "{rule}: {messages:?}");
    }
}

/// Variants no fixture fires: each item form, the other floor, a duration, dates outside the
/// period, actuals per post and scope, empty values, sums beyond exact range.
#[test]
fn the_variants_the_fixtures_leave_out_read_chinese() {
    let repo = Repo::new()
        .file(
            "planbook.yaml",
            "name: 测试公司\nlocale: zh-CN\nunits:\n  - { id: henan, name: 河南分公司 }
kpis:\n  - { id: units, name: 出货量, unit: 台 }
  - { id: returns, name: 退货率, unit: '%', better: lower }\n",
        )
        .file(
            "roster.yaml",
            "kind: roster\nunit: henan\nposts:
  - { id: gm, title: 总经理, establishment: 1 }
  - { id: rep, title: 业务员, establishment: 2, reports_to: gm }
people:\n  - { id: p001, name: 张伟, post: gm }\n  - { id: p011, name: 刘洋, post: rep }\n",
        )
        .file(
            "2026-12.budget.yaml",
            "kind: budget\nunit: henan\nperiod: 2026-12\nlines:
  - id: salary\n    name: 工资\n    amount: 10\n    breakdown:
      - { name: 甲, quantity: 1, unit_price: 2, amount: 2 }
      - { name: 乙, note: 待定 }
      - { name: 丙, quantity: 100000000000000, unit_price: 999999999999999 }
  - id: rent\n    name: 租赁费\n    amount: 5\n    breakdown:\n      - { name: 房租, amount: 3 }
sections:\n  - { id: big, name: 大额 }
limits:\n  - { id: cap, name: 限额, max: 1, lines: [rent] }\n",
        )
        .file(
            "2026-12.plan.md",
            "---\nkind: plan\nunit: henan\nperiod: 2026-12\ntitle: 计划\nowner: p001
budget: 2026-12.budget.yaml
targets:\n  - { kpi: returns, floor: 7, target: 8 }
  - { kpi: units, scope: 郑州, target: 5, per_post: rep }
scorecards:\n  - post: rep\n    components:\n      - { id: basic, name: 基本工作, weight: 120 }
tasks:\n  - { id: a, name: 甲, owner: p001, start: 2026-11-30, duration: 1w, due: 2026-12-08 }
  - { id: b, name: 乙, start: 2026-12-30, duration: 3d }\n---\n",
        )
        .file(
            "2026-12.review.md",
            "---\nkind: review\nunit: henan\nperiod: 2026-12\ntitle: 回顾
actuals:\n  - { kpi: units, scope: 安阳, actual: 3 }
tasks:\n  - task: a\n    status:
scores:\n  - person: p011\n    components:\n      basic:
spend:\n  - { line: salary }\n---\n",
        );
    let diagnostics = chinese(&repo, true);
    let rules: BTreeSet<&str> = diagnostics.iter().filter_map(|d| d["rule"].as_str()).collect();
    for rule in [
        "budget.item-form",
        "budget.cap-exceeded",
        "budget.breakdown-short",
        "number.out-of-range",
        "plan.floor-above-target",
        "plan.weights-sum",
        "plan.task-dates",
        "plan.task-outside-period",
        "review.unplanned-actual",
        "review.missing-actual",
        "review.missing-value",
    ] {
        assert!(rules.contains(rule), "{rule} did not fire: {diagnostics:#?}");
    }
    let data: BTreeSet<String> =
        ["henan", "gm", "rep", "cap", "rent", "salary"].into_iter().map(str::to_owned).collect();
    let found: Vec<String> = diagnostics.iter().flat_map(|d| problems(d, &data)).collect();
    assert!(found.is_empty(), "{}", found.join("\n"));
    let messages: Vec<&str> = diagnostics.iter().filter_map(|d| d["message"].as_str()).collect();
    for expected in [
        "指标 `returns` 的保底 7 低于目标 8（该指标越低越好）",
        "任务 `a` 于 2026-11-30 开始，历时 1 周，应于 2026-12-06 结束，与截止日期 2026-12-08 不符",
        "任务 `b` 的结束日期 2027-01-01 不在计划期间 2026-12（2026-12-01 至 2026-12-31）之内",
        "指标 `units`（郑州，岗位 `rep` 人均）有目标，但没有填报实际数",
        "科目 `salary` 中 `丙` 的数量 × 单价超出了精确计算的范围",
    ] {
        assert!(messages.contains(&expected), "no {expected:?} in {messages:#?}");
    }
}
