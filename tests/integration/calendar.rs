//! `new` knows the calendar: titles and headings that name last period (in any form) name the
//! new one, target notes and the narrative's headings carry over with the prose left out;
//! `document.title-period` catches a title that still names another period.

use crate::support::{Repo, english_words, has_chinese};

/// A plan of `henan` for `period` titled `title`, with target notes and a narrative.
fn plan(period: &str, title: &str, headings: &str) -> String {
    format!(
        "---
kind: plan
unit: henan
period: {period}
title: {title}
targets:
  - kpi: units
    target: 300
    note: 含郑州大区
  - {{ kpi: units, scope: 新品, target: 50, note: 新品单列 }}
---
{headings}"
    )
}

const OCTOBER_BODY: &str = "# 河南分公司2026年10月工作计划

## 一、10月工作回顾

10月销量完成 280 台，比9月增长 12%。

- 郑州：120 台
- 洛阳：90 台

### 1. 10月份重点客户

走访 12 家。

## 二、2026年11月工作安排

待定。
";

fn read(repo: &Repo, path: &str) -> String {
    std::fs::read_to_string(repo.path().join(path)).unwrap()
}

fn new(repo: &Repo, kind: &str, period: &str) {
    repo.run(["new", kind, "--unit", "henan", "--period", period, "-q"]).code(0);
}

#[test]
fn new_plan_names_the_new_month_everywhere_the_old_one_was_named() {
    let october = plan("2026-10", "河南分公司2026年10月工作计划", OCTOBER_BODY);
    let repo = Repo::new().file("henan/2026-10.plan.md", october);
    new(&repo, "plan", "2026-11");
    let text = read(&repo, "henan/2026-11.plan.md");
    assert!(text.contains("title: 河南分公司2026年11月工作计划\n"), "{text}");
    assert!(
        text.contains("    note: 含郑州大区\n") && text.contains("    note: 新品单列\n"),
        "{text}"
    );
    let body = text.split("---\n").nth(2).unwrap();
    assert_eq!(
        body,
        "# 河南分公司2026年11月工作计划

## 一、11月工作回顾

### 1. 11月份重点客户

## 二、2026年11月工作安排

",
        "every heading, 10月 made 11月, and 11月 (another period than 10月) left alone: {text}"
    );
}

#[test]
fn december_to_january_crosses_the_year() {
    let body = "## 一、12月工作回顾\n\n比11月增长。\n\n## 二、12月份计划\n";
    let december = plan("2026-12", "河南分公司2026年12月工作计划", body);
    let repo = Repo::new().file("henan/2026-12.plan.md", december);
    new(&repo, "plan", "2027-01");
    let text = read(&repo, "henan/2027-01.plan.md");
    assert!(text.contains("title: 河南分公司2027年1月工作计划\n"), "{text}");
    let body = text.split("---\n").nth(2).unwrap();
    assert_eq!(
        body, "# 河南分公司2027年1月工作计划\n\n## 一、1月工作回顾\n\n## 二、1月份计划\n\n",
        "{text}"
    );
}

#[test]
fn english_titles_move_on_too() {
    let body = "## Review of Oct 2026\n\nText.\n";
    let repo =
        Repo::new().file("henan/2026-10.plan.md", plan("2026-10", "October 2026 plan", body));
    new(&repo, "plan", "2026-11");
    let text = read(&repo, "henan/2026-11.plan.md");
    assert!(text.contains("title: November 2026 plan\n"), "{text}");
    assert!(text.ends_with("# November 2026 plan\n\n## Review of Nov 2026\n\n"), "{text}");
}

#[test]
fn new_budget_changes_the_title() {
    let budget = "kind: budget
unit: henan
period: 2026-10
title: 河南分公司2026年10月费用预算   # 月度
lines:
  - { id: rent, name: 10月房租, amount: 46000 }
";
    let repo = Repo::new().file("henan/2026-10.budget.yaml", budget);
    new(&repo, "budget", "2026-11");
    let text = read(&repo, "henan/2026-11.budget.yaml");
    assert_eq!(
        text,
        budget
            .replace("period: 2026-10", "period: 2026-11")
            .replace("title: 河南分公司2026年10月费用预算", "title: 河南分公司2026年11月费用预算")
    );
    let run = repo.run(["check", "--format", "json"]).code(0);
    assert!(run.json().is_empty(), "{}", run.stdout);
}

#[test]
fn a_november_plan_titled_october_warns_once_with_the_right_title() {
    let wrong = plan("2026-11", "河南分公司2026年10月工作计划", "## 一、10月工作回顾\n");
    let repo = Repo::new().file("henan/2026-11.plan.md", wrong);
    let run = repo.run(["check", "--format", "json"]).code(0);
    assert_eq!(run.rules(), ["document.title-period"], "{}", run.stdout);
    let d = &run.json()[0];
    assert_eq!(d["message"], "the title says 2026年10月 but the period is 2026-11");
    assert_eq!(d["severity"], "warning");

    let zh = repo.run(["--lang", "zh-CN", "check", "--format", "json"]).code(0);
    let d = &zh.json()[0];
    let message = d["message"].as_str().unwrap();
    assert_eq!(message, "标题写的是 2026年10月，但期间为 2026-11");
    for text in [message, d["help"].as_str().unwrap().split('`').next().unwrap()] {
        assert!(has_chinese(text) && english_words(text).is_empty(), "{text}");
    }

    assert_eq!(d["help"], "请将标题改为 `河南分公司2026年11月工作计划`");
    // The finding points at `period`: the title has no place of its own in the model.
    assert_eq!(run.json()[0]["line"], 4);
}

#[test]
fn titles_that_name_the_period_or_a_longer_one_are_fine() {
    for title in [
        "河南分公司2026年11月工作计划",
        "11月份工作计划（比10月增长）",
        "河南分公司2026年工作计划",
        "2026年第四季度第二个月",
        "November 2026 plan",
        "工作计划",
    ] {
        let repo = Repo::new().file("henan/2026-11.plan.md", plan("2026-11", title, ""));
        let run = repo.run(["check", "--format", "json"]).code(0);
        assert!(run.json().is_empty(), "{title}: {}", run.stdout);
    }
    // A bare month names the document's year: 10月 in a November plan is October.
    let repo = Repo::new().file("henan/2026-11.plan.md", plan("2026-11", "10月工作计划", ""));
    let run = repo.run(["check", "--format", "json"]).code(0);
    assert_eq!(run.rules(), ["document.title-period"], "{}", run.stdout);
    assert_eq!(run.json()[0]["help"], "make the title `11月工作计划`");
}
