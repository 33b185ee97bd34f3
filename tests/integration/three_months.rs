//! Three months of one unit whose roster changes under it (issue 14, "a year of months"): a
//! hire on 2026-10-08, a promotion on 2026-10-15, a leaver on 2026-11-20 and an acting
//! assignment in November. Every document is read against the roster as of its own period.

use crate::support::{Repo, has_chinese};

const CONFIG: &str = "name: 测试公司
locale: zh-CN
units:
  - { id: henan, name: 河南分公司 }
kpis:
  - { id: units, name: 出货量, unit: 台 }
";

/// 王芳 is promoted from `rep` to `rm` on 2026-10-15, 张三 joins on 2026-10-08, 陈静 leaves
/// on 2026-11-20 (the post shrinks the next day) and 刘洋 acts as regional manager from
/// 2026-11-21.
const ROSTER: &str = "kind: roster
unit: henan
posts:
  - { id: rm, title: 大区经理, establishment: 2 }
  - id: rep
    title: 业务员
    establishment: 4
    reports_to: rm
    changes:
      - { from: 2026-11-21, establishment: 2, note: 陈静离职后缩编 }
people:
  - { id: p001, name: 张伟, post: rm }
  - id: p011
    name: 刘洋
    post: rep
    reports_to: p001
    acting:
      - { post: rm, from: 2026-11-21, until: 2026-12-31, note: 代管陈静原区域 }
  - id: p012
    name: 王芳
    post: rep
    reports_to: p001
    changes:
      - { from: 2026-10-15, post: rm, note: 晋升大区经理 }
  - { id: p013, name: 陈静, post: rep, reports_to: p001, until: 2026-11-20 }
  - { id: p040, name: 张三, post: rep, reports_to: p012, since: 2026-10-08 }
";

/// A budget whose salary line pays `reps` representatives and `rms` regional managers.
fn budget(period: &str, reps: u32, rms: u32) -> String {
    let amount = reps * 1350 + rms * 3000;
    format!(
        "kind: budget
unit: henan
period: {period}
lines:
  - id: salary
    name: 工资
    category: personnel
    amount: {amount}
    breakdown:
      - {{ name: 业务员工资, quantity: {reps}, unit_price: 1350, post: rep }}
      - {{ name: 大区经理工资, quantity: {rms}, unit_price: 3000, post: rm }}
"
    )
}

/// A plan with a scorecard for each post and a task owned by `owner`.
fn plan(period: &str, owner: &str) -> String {
    format!(
        "---
kind: plan
unit: henan
period: {period}
title: 河南分公司经营工作计划
owner: p001
scorecards:
  - post: rep
    components:
      - {{ id: basic, name: 基本工作, weight: 60 }}
      - {{ id: sales, name: 区域销售完成率, weight: 40 }}
  - post: rm
    components:
      - {{ id: team, name: 团队管理, weight: 100 }}
tasks:
  - {{ id: visit, name: 走访重点客户, owner: {owner} }}
---
# 经营工作计划
"
    )
}

/// A review scoring `reps` under `rep` and `rms` under `rm`, none of them naming a post.
fn review(period: &str, reps: &[&str], rms: &[&str]) -> String {
    let mut scores = String::new();
    for p in reps {
        scores
            .push_str(&format!("  - {{ person: {p}, components: {{ basic: 50, sales: 30 }} }}\n"));
    }
    for p in rms {
        scores.push_str(&format!("  - {{ person: {p}, components: {{ team: 85 }} }}\n"));
    }
    format!(
        "---
kind: review
unit: henan
period: {period}
title: 河南分公司经营回顾
author: p001
tasks:
  - {{ task: visit, status: done }}
spend:
  - {{ line: salary, actual: 1000 }}
scores:
{scores}---
# 经营回顾
"
    )
}

fn three_months() -> Repo {
    Repo::empty()
        .file("planbook.yaml", CONFIG)
        .file("henan/roster.yaml", ROSTER)
        // September: three representatives, one manager; October's hire is not counted.
        .file("henan/2026-09.budget.yaml", budget("2026-09", 3, 1))
        .file("henan/2026-09.plan.md", plan("2026-09", "p013"))
        .file("henan/2026-09.review.md", review("2026-09", &["p011", "p012", "p013"], &["p001"]))
        // October: 王芳 promoted mid-month, scored under `rm` without saying so.
        .file("henan/2026-10.budget.yaml", budget("2026-10", 3, 2))
        .file("henan/2026-10.plan.md", plan("2026-10", "p040"))
        .file(
            "henan/2026-10.review.md",
            review("2026-10", &["p011", "p013", "p040"], &["p001", "p012"]),
        )
        // November: 陈静 leaves on the 20th and is still scored; the post shrinks to two.
        .file("henan/2026-11.budget.yaml", budget("2026-11", 2, 2))
        .file("henan/2026-11.plan.md", plan("2026-11", "p040"))
        .file(
            "henan/2026-11.review.md",
            review("2026-11", &["p011", "p013", "p040"], &["p001", "p012"]),
        )
}

#[test]
fn three_months_of_a_changing_roster_check_clean() {
    let repo = three_months();
    let run = repo.run(["check", "--format", "json"]);
    assert_eq!(run.json(), Vec::<serde_json::Value>::new(), "{}", run.stdout);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let human = repo.run(["check", "--color", "never"]).code(0);
    assert!(!human.stderr.contains("warning"), "{}", human.stderr);
    assert!(!human.stderr.contains("suppress"), "{}", human.stderr);
}

#[test]
fn septembers_budget_counts_septembers_people() {
    // September's budget pays 3 representatives (clean, see above) where counting October's
    // hire would make 4; paying 5 is told September's count, not today's.
    let repo = three_months().file("henan/2026-09.budget.yaml", budget("2026-09", 5, 1));
    let run = repo.run(["check", "--format", "json"]).code(0);
    assert_eq!(run.rules(), ["budget.headcount"], "{}", run.stdout);
    let found = &run.json()[0];
    assert_eq!(found["file"], "henan/2026-09.budget.yaml");
    let message = found["message"].as_str().unwrap_or_default();
    assert!(message.contains("an establishment of 4 and 3 people"), "{message}");
}

#[test]
fn a_promotion_moves_the_person_to_the_new_posts_scorecard_from_its_month() {
    // In September 王芳 is still a representative: scoring her as a manager is wrong.
    let september = review("2026-09", &["p011", "p013"], &["p001", "p012"]);
    let repo = three_months().file("henan/2026-09.review.md", september);
    let run = repo.run(["check", "--format", "json"]).code(1);
    let rules = run.rules();
    assert!(rules.contains(&"review.unknown-component".to_string()), "{rules:?}");
    // In October she may be scored under either post she held, named explicitly.
    let october = review("2026-10", &["p011", "p013", "p040"], &["p001", "p012"])
        .replace("person: p012,", "person: p012, post: rm,")
        .replace("person: p011,", "person: p011, post: rep,");
    let repo = three_months().file("henan/2026-10.review.md", october);
    repo.run(["check", "--format", "json"]).code(0);
    let october = review("2026-10", &["p011", "p013", "p040", "p012"], &["p001"])
        .replace("person: p012,", "person: p012, post: rep,");
    let repo = three_months().file("henan/2026-10.review.md", october);
    let run = repo.run(["check", "--format", "json"]).code(0);
    assert_eq!(run.rules(), Vec::<String>::new(), "{}", run.stdout);
    // But not in a post she never held that month.
    let december_post = review("2026-11", &["p011", "p013", "p040", "p012"], &["p001"])
        .replace("person: p012,", "person: p012, post: rep,");
    let repo = three_months().file("henan/2026-11.review.md", december_post);
    let run = repo.run(["check", "--format", "json"]).code(1);
    assert_eq!(run.rules(), ["review.wrong-post"], "{}", run.stdout);
}

#[test]
fn people_not_on_staff_during_the_period_are_warned_about_with_their_dates() {
    let repo = three_months()
        .file("henan/2026-09.review.md", review("2026-09", &["p011", "p040"], &["p001"]))
        .file("henan/2026-09.plan.md", plan("2026-09", "p040"));
    let run = repo.run(["check", "--format", "json"]).code(0);
    assert_eq!(run.rules(), ["plan.not-employed", "review.not-employed"], "{}", run.stdout);
    let messages: Vec<String> =
        run.json().iter().map(|d| d["message"].as_str().unwrap_or_default().into()).collect();
    assert_eq!(
        messages,
        [
            "张三 (`p040`) joined on 2026-10-08, after this plan's period 2026-09",
            "张三 (`p040`) joined on 2026-10-08, after this review's period 2026-09",
        ]
    );
    let zh = repo.run(["check", "--color", "never", "--lang", "zh-CN"]).code(0);
    assert!(
        zh.stderr.contains("张三（`p040`）于 2026-10-08 入职，晚于本考评的期间"),
        "{}",
        zh.stderr
    );
}

#[test]
fn new_review_lists_everyone_on_staff_during_the_month_under_their_post() {
    let repo = three_months();
    let run = repo.run(["new", "review", "--unit", "henan", "--period", "2026-11", "--stdout"]);
    let text = run.code(0).stdout;
    let scores = text.split("scores:").nth(1).unwrap_or_default();
    let entry = |id: &str| -> String {
        let start = scores.find(&format!("  - person: {id}")).unwrap_or_else(|| {
            panic!("{id} is not listed in\n{text}");
        });
        let rest = &scores[start + 3..];
        rest[..rest.find("  - person:").unwrap_or(rest.len())].to_string()
    };
    // The hire and the leaver, under `rep`; the leaver's comment says when they leave.
    assert!(entry("p040").contains("basic:"), "{text}");
    assert!(entry("p013").contains("basic:"), "{text}");
    assert!(entry("p013").contains("2026-11-20 离职"), "{text}");
    // The promoted person under the new post's scorecard.
    assert!(entry("p012").contains("team:"), "{text}");
    assert!(!entry("p012").contains("basic:"), "{text}");
    // The acting manager is listed under `rm` too, with the post named.
    assert!(
        text.contains(
            "  - person: p011    # 刘洋, rm, 2026-11-21 至 2026-12-31 代理 `rm`\n    \
             post: rm\n"
        ),
        "{text}"
    );
    // October's list names the month's hire and the promotion.
    let october = repo.run(["new", "review", "--unit", "henan", "--period", "2026-10", "--stdout"]);
    let october = october.code(0).stdout;
    assert!(october.contains("# 张三, rep, 2026-10-08 入职\n"), "{october}");
    assert!(october.contains("# 王芳, rm, 2026-10-15 由 `rep` 调任\n"), "{october}");
    assert!(has_chinese(&october));
    // The new review, once written, checks clean but for the values still to fill.
    std::fs::remove_file(repo.path().join("henan/2026-11.review.md")).unwrap_or_default();
    repo.run(["new", "review", "--unit", "henan", "--period", "2026-11", "-q"]).code(0);
    let run = repo.run(["check", "--format", "json"]).code(0);
    assert!(run.rules().iter().all(|r| r == "review.missing-value"), "{}", run.stdout);
}

#[test]
fn a_persons_page_shows_their_history_in_the_handbooks_language() {
    let repo = three_months();
    repo.run(["build", "-q", "--no-history"]).code(0);
    let pages = html_pages(&repo.path().join("_site"));
    // A person's page is the one whose title is their name.
    let page = |name: &str| -> String {
        let title = format!("<title>{name}");
        let found = pages.iter().find(|html| html.contains(&title));
        found.cloned().unwrap_or_else(|| panic!("no page of {name}"))
    };
    let wang = page("王芳");
    assert!(wang.contains("任职经历"), "{wang}");
    assert!(wang.contains("2026年10月15日"), "{wang}");
    assert!(wang.contains("岗位：大区经理；晋升大区经理"), "{wang}");
    let liu = page("刘洋");
    assert!(liu.contains("代理大区经理，至2026年12月31日"), "{liu}");
    let chen = page("陈静");
    assert!(chen.contains("2026年11月20日") && chen.contains("离职"), "{chen}");
}

/// Every HTML page under `dir`.
fn html_pages(dir: &std::path::Path) -> Vec<String> {
    let mut pages = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            pages.extend(html_pages(&path));
        } else if path.extension().is_some_and(|e| e == "html") {
            pages.push(std::fs::read_to_string(&path).unwrap_or_default());
        }
    }
    pages
}

/// Needs `rollup headcount --period` (the `rosterview` branch): enable once merged.
#[test]
fn headcount_by_month_follows_the_roster() {
    let repo = three_months();
    for (period, total) in [("2026-09", 4), ("2026-10", 5), ("2026-11", 4)] {
        let run = repo.run(["rollup", "headcount", "--period", period, "--format", "json"]);
        let run = run.code(0);
        let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
        assert_eq!(json["rosters"][0]["headcount"], total, "{period}: {json}");
    }
    // The same three months as a trend: one row per month, counted at its end.
    repo.run(["rollup", "headcount", "--from", "2026-09", "--to", "2026-11"]).code(0);
    let run = repo.run([
        "rollup",
        "headcount",
        "--from",
        "2026-09",
        "--to",
        "2026-11",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&run.code(0).stdout).expect("json");
    let months: Vec<_> = json["rosters"][0]["months"]
        .as_array()
        .expect("months")
        .iter()
        .map(|m| (m["period"].as_str().unwrap_or_default().to_owned(), m["headcount"].clone()))
        .collect();
    assert_eq!(
        months,
        [
            ("2026-09".to_owned(), 4.into()),
            ("2026-10".to_owned(), 5.into()),
            ("2026-11".to_owned(), 4.into())
        ],
        "{json}"
    );
}
