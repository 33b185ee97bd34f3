//! Scorecards as the seed writes them: groups of components with weights of their own
//! (基本工作 60, 绩效工作 40), points above 100 where the scheme pays for over-achievement,
//! bonus points, and rankings within each post.

use crate::support::{Repo, has_chinese};

const ROSTER: &str = "kind: roster
unit: henan
posts:
  - { id: gm, title: 总经理, establishment: 1 }
  - { id: rep, title: 业务员, establishment: 3, reports_to: gm }
  - { id: sup, title: 市场督导, establishment: 2, reports_to: gm }
regions:
  - { id: zhengzhou, name: 郑州 }
  - { id: luoyang, name: 洛阳 }
people:
  - { id: p001, name: 张伟, post: gm }
  - { id: p011, name: 刘洋, post: rep, region: luoyang, reports_to: p001 }
  - { id: p012, name: 王芳, post: rep, region: zhengzhou, reports_to: p001 }
  - { id: p013, name: 高磊, post: rep, region: zhengzhou, reports_to: p001 }
  - { id: p031, name: 刘晓丽, post: sup, region: zhengzhou, reports_to: p001 }
  - { id: p032, name: 孙丽, post: sup, region: luoyang, reports_to: p001 }
";

/// The seed's two scorecards: basic work 60, performance 40 split per post; `rep_head` goes
/// under the 业务员's `post:` (points, bonus_max), `perf` is its performance group's weight.
fn plan(rep_head: &str, perf: &str, sales: &str) -> String {
    format!(
        "---
kind: plan
unit: henan
period: 2026-12
title: 河南分公司2026年12月经营工作计划
scorecards:
  - post: rep
{rep_head}    groups:
      - {{ id: basic, name: 基本工作, weight: 60 }}
      - {{ id: performance, name: 绩效工作, weight: {perf} }}
    components:
      - {{ id: basic, name: 基本工作, weight: 60, group: basic }}
      - {{ id: sales, name: 区域销售完成率, weight: {sales}, group: performance }}
      - {{ id: retail, name: 重点零售店零售量, weight: 20, group: performance }}
  - post: sup
    groups:
      - {{ id: basic, name: 基本工作, weight: 60 }}
      - {{ id: performance, name: 绩效工作, weight: 40 }}
    components:
      - {{ id: basic, name: 基本工作, weight: 60, group: basic }}
      - {{ id: sales, name: 区域销售任务, weight: 10, group: performance }}
      - {{ id: sell-through, name: 终端消化, weight: 30, group: performance }}
---
# 十二月经营工作计划
"
    )
}

const SEED_REP: &str = "    points: { max: 120 }\n    bonus_max: 5\n";

/// A review scoring three reps and two supervisors; `extra` is more of its scores.
fn review(extra: &str) -> String {
    format!(
        "---
kind: review
unit: henan
period: 2026-12
title: 河南分公司2026年12月经营回顾
scores:
  - {{ person: p011, components: {{ basic: 88, sales: 104, retail: 90 }}, bonus: 2 }}
  - {{ person: p012, components: {{ basic: 90, sales: 95, retail: 92 }} }}
  - {{ person: p013, components: {{ basic: 70, sales: 80, retail: 60 }} }}
  - {{ person: p031, components: {{ basic: 85, sales: 90, sell-through: 87 }} }}
  - {{ person: p032, components: {{ basic: 95, sales: 99, sell-through: 99 }} }}
{extra}---
# 十二月回顾
"
    )
}

fn repo(plan: &str, review: &str) -> Repo {
    Repo::new()
        .file("roster.yaml", ROSTER)
        .file("2026-12.plan.md", plan)
        .file("2026-12.review.md", review)
}

fn seed() -> Repo {
    repo(&plan(SEED_REP, "40", "20"), &review(""))
}

#[test]
fn the_seeds_scorecards_check_clean() {
    let run = seed().run(["check", "--format", "json"]);
    assert_eq!(run.rules(), Vec::<String>::new(), "{}", run.stdout);
    assert_eq!(run.code, 0);
}

#[test]
fn group_weights_of_60_and_45_are_one_message() {
    let run = repo(&plan(SEED_REP, "45", "20"), &review("")).run(["check", "--format", "json"]);
    assert_eq!(run.rules(), ["plan.group-weights-sum"], "{}", run.stdout);
    let d = &run.json()[0];
    assert_eq!(d["message"], "the group weights of the scorecard for `rep` sum to 105, not 100");
    assert_eq!(run.code, 1);
}

#[test]
fn components_of_25_and_20_in_a_group_of_40_are_one_message_naming_the_group() {
    let run = repo(&plan(SEED_REP, "40", "25"), &review("")).run(["check", "--format", "json"]);
    assert_eq!(run.rules(), ["plan.group-mismatch"], "{}", run.stdout);
    let d = &run.json()[0];
    assert_eq!(
        d["message"],
        "the components of group `performance` (绩效工作) sum to 45, not its weight 40"
    );
    assert_eq!(d["related"].as_array().map(Vec::len), Some(2), "each component's weight");
    let zh = repo(&plan(SEED_REP, "40", "25"), &review(""));
    let human = zh.run(["check", "--color", "never", "--lang", "zh-CN"]);
    assert!(
        human.stderr.contains(
            "考评类别 `performance`（绩效工作）各项目的权重合计为 45，与该类别的权重 40 不符"
        ),
        "{}",
        human.stderr
    );
}

#[test]
fn points_up_to_the_scorecards_max_are_accepted() {
    let run = seed().run(["check", "--format", "json"]);
    assert!(run.rules().is_empty(), "104 is within `points: {{ max: 120 }}`: {}", run.stdout);
    let over = "  - { person: p011, post: rep, components: { basic: 121 } }\n";
    let run = repo(&plan(SEED_REP, "40", "20"), &review(over)).run(["check", "--format", "json"]);
    assert_eq!(run.rules(), ["review.score-range"], "{}", run.stdout);
    let d = &run.json()[0];
    assert_eq!(d["message"], "score 121 for `basic` is outside 0 to 120");
    assert_eq!(d["help"], "the scorecard for `rep` allows 0 to 120 (its `points:`)");
    // Without `points`, 104 is out of range, and the help says where the range is set.
    let run = repo(&plan("", "40", "20"), &review("")).run(["check", "--format", "json"]);
    assert_eq!(run.rules(), ["review.score-range", "review.bonus-range"], "{}", run.stdout);
    assert_eq!(
        run.json()[0]["help"],
        "components are scored 0 to 100 unless the scorecard sets `points:`"
    );
}

#[test]
fn a_bonus_over_bonus_max_is_one_message() {
    let over = "  - { person: p011, components: { basic: 1 }, bonus: 6 }\n";
    let r = repo(&plan(SEED_REP, "40", "20"), &review(over));
    let run = r.run(["check", "--format", "json"]);
    assert_eq!(run.rules(), ["review.bonus-range"], "{}", run.stdout);
    assert_eq!(run.json()[0]["message"], "bonus 6 is outside 0 to 5");
    let zh = r.run(["check", "--color", "never", "--lang", "zh-CN"]);
    assert!(zh.stderr.contains("加分 6 不在 0 到 5 之间"), "{}", zh.stderr);
    assert!(zh.stderr.contains("岗位 `rep` 的考评表规定最多加 5 分"), "{}", zh.stderr);
}

/// `(post, rank, person, total)` of each row of `rollup scores ARGS --format json`.
fn ranks(args: &[&str]) -> (serde_json::Value, Vec<(String, u64, String, String)>) {
    let mut all = vec!["rollup", "scores", "--format", "json"];
    all.extend(args);
    let run = seed().run(&all).code(0);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    let rows = report["people"]
        .as_array()
        .expect("people")
        .iter()
        .map(|p| {
            let s = |k: &str| p[k].as_str().unwrap_or_default().to_string();
            (s("post"), p["rank"].as_u64().unwrap_or(0), s("person"), s("total"))
        })
        .collect();
    (report, rows)
}

fn row(post: &str, rank: u64, person: &str, total: &str) -> (String, u64, String, String) {
    (post.into(), rank, person.into(), total.into())
}

#[test]
fn scores_rank_within_each_post_unless_asked_overall() {
    // p011: 88×60% + 104×20% + 90×20% = 52.8 + 20.8 + 18 = 91.6, and 2 bonus: 93.6.
    let (report, rows) = ranks(&[]);
    assert_eq!(report["ranking"], "post");
    assert_eq!(
        rows,
        [
            row("rep", 1, "p011", "93.6"),
            row("rep", 2, "p012", "91.4"),
            row("rep", 3, "p013", "70"),
            row("sup", 1, "p032", "96.6"),
            row("sup", 2, "p031", "86.1"),
        ]
    );
    let (report, rows) = ranks(&["--overall"]);
    assert_eq!(report["ranking"], "overall");
    assert_eq!(
        rows,
        [
            row("sup", 1, "p032", "96.6"),
            row("rep", 2, "p011", "93.6"),
            row("rep", 3, "p012", "91.4"),
            row("sup", 4, "p031", "86.1"),
            row("rep", 5, "p013", "70"),
        ]
    );
    let (_, rows) = ranks(&["--post", "sup"]);
    assert_eq!(rows, [row("sup", 1, "p032", "96.6"), row("sup", 2, "p031", "86.1")]);
}

#[test]
fn json_carries_group_subtotals_and_bonus() {
    let (report, _) = ranks(&[]);
    let first = &report["people"][0];
    assert_eq!(first["person"], "p011");
    assert_eq!(first["weighted"], "91.6");
    assert_eq!(first["bonus"], "2");
    let groups: Vec<(String, String, String)> = first["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .map(|g| {
            let s = |k: &str| g[k].as_str().unwrap_or_default().to_string();
            (s("name"), s("subtotal"), s("weight"))
        })
        .collect();
    assert_eq!(
        groups,
        [
            ("基本工作".to_string(), "52.8".to_string(), "60".to_string()),
            ("绩效工作".to_string(), "38.8".to_string(), "40".to_string()),
        ]
    );
}

#[test]
fn every_format_carries_subtotals_and_bonus_in_chinese() {
    let repo = seed();
    let table = repo.run(["rollup", "scores", "--lang", "zh-CN"]).code(0);
    let out = &table.stdout;
    assert!(out.contains("考评得分：业务员") && out.contains("考评得分：市场督导"), "{out}");
    assert!(out.contains("基本工作") && out.contains("绩效工作") && out.contains("加分"), "{out}");
    assert!(out.contains("52.8") && out.contains("38.8") && out.contains("93.6"), "{out}");
    for format in ["csv", "markdown"] {
        let run = repo.run(["rollup", "scores", "--lang", "zh-CN", "--format", format]).code(0);
        assert!(run.stdout.contains("52.8") && run.stdout.contains("加分"), "{}", run.stdout);
        assert!(has_chinese(&run.stdout));
    }
    let overall = repo.run(["rollup", "scores", "--overall", "--format", "csv"]).code(0);
    assert_eq!(overall.stdout.matches("# ").count(), 3, "one table and two averages");
    let xlsx = repo.path().join("scores.xlsx");
    let path = xlsx.to_str().expect("utf-8");
    repo.run(["rollup", "scores", "--format", "xlsx", "-o", path]).code(0);
    assert!(std::fs::metadata(&xlsx).is_ok_and(|m| m.len() > 0));
    let wrong = repo.run(["rollup", "budget", "--overall", "--lang", "zh-CN"]);
    assert_eq!(wrong.code, 2, "{}", wrong.stderr);
    assert!(wrong.stderr.contains("仅用于"), "{}", wrong.stderr);
}

#[test]
fn the_review_page_shows_each_post_ranked_with_subtotals() {
    let repo = seed();
    repo.run(["build", "-q", "--no-history"]).code(0);
    let reviews = repo.path().join("_site/reviews");
    let page = std::fs::read_dir(&reviews)
        .expect("reviews")
        .filter_map(Result::ok)
        .map(|e| std::fs::read_to_string(e.path()).expect("page"))
        .find(|html| html.contains("h-scores"))
        .expect("a review page with scores");
    assert_eq!(page.matches("<caption><bdi>").count(), 2, "a table per post");
    assert!(page.contains("52.8 / 60") && page.contains("38.8 / 40"), "group subtotals");
    assert!(page.contains("加分"), "the bonus column");
}

#[test]
fn points_are_not_judged_against_a_plan_that_did_not_load() {
    // The plan that allows 120 has a YAML mistake: 104 is not called out of range.
    let broken = plan(SEED_REP, "40", "20").replace("title: 河南", "title: [河南");
    let run = repo(&broken, &review("")).run(["check", "--format", "json"]);
    let rules = run.rules();
    assert!(!rules.iter().any(|r| r == "review.score-range"), "{}", run.stdout);
    assert!(!rules.iter().any(|r| r == "review.bonus-range"), "{}", run.stdout);
    assert!(rules.iter().any(|r| r == "yaml.syntax"), "{}", run.stdout);
}
