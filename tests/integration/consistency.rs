//! A review checks itself: `review.derived-mismatch` for KPIs `derived:` from the spend lines
//! or from other KPIs, and `document.percent-as-fraction` for `0.95` where `95` was meant;
//! each with its fix, in English and Chinese.

use crate::support::{Repo, english_words, has_chinese};

/// Panics unless every text of the JSON diagnostics `--lang zh-CN` printed (messages, notes,
/// helps, related notes) reads Chinese: no English word outside `…`.
pub fn assert_reads_chinese(repo: &Repo) {
    let run = repo.run(["--lang", "zh-CN", "check", "--format", "json"]);
    let found = run.json();
    assert!(!found.is_empty());
    for d in found {
        assert!(has_chinese(d["message"].as_str().unwrap()), "{d}");
        let mut texts = vec![&d["message"], &d["note"], &d["help"]];
        texts.extend(d["related"].as_array().into_iter().flatten().map(|r| &r["note"]));
        for text in texts.into_iter().filter_map(|t| t.as_str()) {
            assert!(english_words(text).is_empty(), "{text}");
        }
    }
}

const CONFIG: &str = "name: 测试公司
locale: zh-CN
units:
  - { id: henan, name: 河南分公司 }
kpis:
  - { id: gross-margin, name: 毛利, unit: CNY }
  - { id: expenses, name: 费用, unit: CNY, derived: { from: spend } }
  - id: profit
    name: 利润
    unit: CNY
    derived: { plus: [gross-margin], minus: [expenses] }
  - { id: reliability, name: 供货及时率, unit: '%' }
";

const BUDGET: &str = "kind: budget
unit: henan
period: 2026-11
lines:
  - { id: rent, name: 房租, amount: 46000 }
  - { id: salary, name: 工资, amount: 76000 }
";

const PLAN: &str = "---
kind: plan
unit: henan
period: 2026-11
title: 河南分公司2026年11月工作计划
targets:
  - { kpi: gross-margin, target: 300000 }
  - { kpi: expenses, target: 122000 }
  - { kpi: profit, target: 178000 }
  - { kpi: reliability, target: 99.9 }
---
";

/// A review of November with these actuals of expenses, profit and reliability; the spend
/// lines add up to 121,800 and the gross margin is 300,000.
fn review(expenses: &str, profit: &str, reliability: &str) -> String {
    format!(
        "---
kind: review
unit: henan
period: 2026-11
title: 河南分公司2026年11月工作回顾
actuals:
  - {{ kpi: gross-margin, actual: 300000 }}
  - {{ kpi: expenses, actual: {expenses} }}
  - {{ kpi: profit, actual: {profit} }}
  - {{ kpi: reliability, actual: {reliability} }}
spend:
  - {{ line: rent, actual: 46000 }}
  - {{ line: salary, actual: 75800 }}
---
"
    )
}

fn repo(review_text: &str) -> Repo {
    Repo::empty()
        .file("planbook.yaml", CONFIG)
        .file("henan/2026-11.budget.yaml", BUDGET)
        .file("henan/2026-11.plan.md", PLAN)
        .file("henan/2026-11.review.md", review_text)
}

const REVIEW: &str = "henan/2026-11.review.md";

fn read(repo: &Repo, path: &str) -> String {
    std::fs::read_to_string(repo.path().join(path)).unwrap()
}

#[test]
fn a_review_whose_figures_agree_is_clean() {
    let repo = repo(&review("121800", "178200", "99.95"));
    let run = repo.run(["check", "--format", "json"]).code(0);
    assert!(run.json().is_empty(), "{}", run.stdout);
}

#[test]
fn expenses_off_by_500_from_the_spend_lines_warn_once_and_the_fix_writes_the_sum() {
    // Profit agrees with the expenses as written: only expenses is wrong.
    let repo = repo(&review("121300", "178700", "99.95"));
    let run = repo.run(["check", "--format", "json"]).code(0);
    let found = run.json();
    assert_eq!(run.rules(), ["review.derived-mismatch"], "{}", run.stdout);
    let d = &found[0];
    assert_eq!(d["message"], "`expenses` is 121,300 but the spend lines add up to 121,800");
    assert_eq!(d["note"], "2 spend lines: `rent` 46,000 + `salary` 75,800 = 121,800");
    assert_eq!(d["severity"], "warning");

    let human = repo.run(["--lang", "zh-CN", "check", "--color", "never"]).code(0);
    assert!(
        human.stderr.contains("`expenses` 填报为 121,300，但各项实际支出合计为 121,800"),
        "{}",
        human.stderr
    );
    assert_reads_chinese(&repo);

    repo.run(["check", "--fix"]).code(0);
    assert!(read(&repo, REVIEW).contains("kpi: expenses, actual: 121300 "), "a safe fix");
    repo.run(["check", "--fix", "--unsafe-fixes"]).code(0);
    assert!(read(&repo, REVIEW).contains("kpi: expenses, actual: 121800 "));
    // `--fix` checks again after fixing: profit, which followed the wrong expenses, is made
    // 300,000 − 121,800 in the same run.
    assert!(read(&repo, REVIEW).contains("kpi: profit, actual: 178200 "));
    let clean = repo.run(["check", "--format", "json"]).code(0);
    assert!(clean.json().is_empty(), "{}", clean.stdout);
}

#[test]
fn profit_is_gross_margin_minus_expenses() {
    let repo = repo(&review("121800", "178000", "99.95"));
    let run = repo.run(["check", "--format", "json"]).code(0);
    assert_eq!(run.rules(), ["review.derived-mismatch"], "{}", run.stdout);
    let d = &run.json()[0];
    assert_eq!(d["message"], "`profit` is 178,000 but its KPIs give 178,200");
    assert_eq!(d["note"], "`gross-margin` 300,000 − `expenses` 121,800 = 178,200");
    repo.run(["check", "--fix", "--unsafe-fixes"]).code(0);
    assert!(read(&repo, REVIEW).contains("kpi: profit, actual: 178200 "));
    let clean = repo.run(["check", "--format", "json"]).code(0);
    assert!(clean.json().is_empty(), "{}", clean.stdout);
}

#[test]
fn spend_not_all_filled_in_is_not_compared() {
    let text = review("121300", "178700", "99.95").replace("actual: 75800", "actual:");
    let run = repo(&text).run(["check", "--format", "json"]);
    assert!(!run.rules().iter().any(|r| r == "review.derived-mismatch"), "{}", run.stdout);
}

#[test]
fn a_tolerance_accepts_small_differences() {
    let config =
        CONFIG.replace("derived: { from: spend }", "derived: { from: spend, tolerance: 500 }");
    let repo = repo(&review("121300", "178700", "99.95")).file("planbook.yaml", config);
    let run = repo.run(["check", "--format", "json"]).code(0);
    assert!(run.json().is_empty(), "{}", run.stdout);
}

#[test]
fn a_percentage_written_as_a_fraction_warns_and_the_fix_gives_95() {
    let repo = repo(&review("121800", "178200", "0.95"));
    let run = repo.run(["check", "--format", "json"]).code(0);
    assert_eq!(run.rules(), ["document.percent-as-fraction"], "{}", run.stdout);
    let d = &run.json()[0];
    assert_eq!(
        d["message"],
        "`reliability` is a percentage but 0.95 reads as a fraction (elsewhere it is 99.9)"
    );
    assert_eq!(d["help"], "write 95 for 95 %");

    let human = repo.run(["--lang", "zh-CN", "check", "--color", "never"]).code(0);
    assert!(human.stderr.contains("95% 请写作 95"), "{}", human.stderr);
    assert_reads_chinese(&repo);

    repo.run(["check", "--fix", "--unsafe-fixes"]).code(0);
    assert!(read(&repo, REVIEW).contains("kpi: reliability, actual: 95 "));
    let clean = repo.run(["check", "--format", "json"]).code(0);
    assert!(clean.json().is_empty(), "{}", clean.stdout);
}

#[test]
fn fractions_of_a_kpi_written_as_fractions_everywhere_are_fine() {
    let plan = PLAN.replace("target: 99.9", "target: 0.999");
    let repo = repo(&review("121800", "178200", "0.95")).file("henan/2026-11.plan.md", plan);
    let run = repo.run(["check", "--format", "json"]).code(0);
    assert!(run.json().is_empty(), "{}", run.stdout);
}

#[test]
fn derived_kpis_that_are_malformed_or_circular_are_errors() {
    let config = CONFIG
        .replace("derived: { from: spend }", "derived: { from: spend, plus: [gross-margin] }")
        + "  - { id: a, name: 甲, derived: { plus: [b] } }\n"
        + "  - { id: b, name: 乙, derived: { minus: [a, nosuch] } }\n"
        + "  - { id: c, name: 丙, derived: {} }\n";
    let repo = repo(&review("121800", "178200", "99.95")).file("planbook.yaml", config);
    let run = repo.run(["check", "--format", "json"]).code(1);
    let mut rules = run.rules();
    rules.sort();
    assert_eq!(
        rules,
        [
            "config.derived-cycle",
            "config.derived-form",
            "config.derived-form",
            "document.unknown-kpi"
        ],
        "{}",
        run.stdout
    );
    let messages: Vec<String> =
        run.json().iter().map(|d| d["message"].as_str().unwrap().to_string()).collect();
    assert!(messages.contains(&"KPI `a` is derived from itself: `a` → `b` → `a`".to_string()));
    let zh = repo.run(["--lang", "zh-CN", "check", "--color", "never"]).code(1);
    assert!(zh.stderr.contains("指标 `a` 由其自身推算：`a` → `b` → `a`"), "{}", zh.stderr);
    assert_reads_chinese(&repo);
}
