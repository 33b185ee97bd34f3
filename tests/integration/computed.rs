//! Figures computed from rules the data states, end to end: the seed's key-store conversion
//! (a `tally` actual), its county allowance (an `allowance` budget item) and a region-sales
//! component scored from attainment (`scale`); their values in the rollups, one diagnostic
//! with the working for each written figure that differs, the fixes, and the pages.

use std::path::Path;

use crate::support::Repo;

const CONFIG: &str = "name: 测试公司
locale: zh-CN
units:
  - { id: henan, name: 河南分公司 }
kpis:
  - { id: key-stores, name: 掌控零售店, unit: 家 }
  - { id: sales, name: 区域销售, unit: 台 }
tables:
  - id: key-store
    name: 掌控零售店折算
    unit: 家
    tiers:
      - { from: 30, value: 1 }
      - { from: 100, value: 2 }
      - { from: 200, value: 3 }
      - { from: 300, value: 4 }
  - { id: county-phone, name: 县级区域电话费, unit: CNY, first: 100, each_more: 50 }
";

const ROSTER: &str = "kind: roster
unit: henan
posts:
  - { id: rep, title: 业务员, establishment: 2, pay: 1350 }
regions:
  - { id: luoyang, name: 洛阳 }
  - { id: anyang, name: 安阳 }
  - { id: hebi, name: 鹤壁, merged_into: anyang }
groups:
  - { id: north, name: 安鹤濮大区, regions: [anyang] }
people:
  - { id: p011, name: 刘洋, post: rep, region: luoyang, counties: 3 }
  - { id: p012, name: 王芳, post: rep, region: anyang, counties: 1 }
";

const PLAN: &str = "---
kind: plan
unit: henan
period: 2026-12
title: 河南分公司2026年12月经营工作计划
targets:
  - { kpi: key-stores, target: 6 }
  - { kpi: sales, region: luoyang, target: 300, floor: 240 }
  - { kpi: sales, region: anyang, target: 200, floor: 150 }
scorecards:
  - post: rep
    components:
      - { id: basic, name: 基本工作, weight: 80 }
      - id: sales
        name: 区域销售完成率
        weight: 20
        kpi: sales
        scale: { floor: 60, target: 100, cap: 100 }
---
# 十二月经营工作计划
";

/// The budget with the allowance item written as `item` and the line's amount.
fn budget(line: &str, item: &str) -> String {
    format!(
        "kind: budget\nunit: henan\nperiod: 2026-12\nlines:\n  - id: phone\n    name: 通讯费
    category: office\n    amount: {line}\n    breakdown:
      - {{ name: 县级区域电话费, post: rep, allowance: county-phone{item} }}\n"
    )
}

/// The review with the key-store actual's extra fields and p011's sales points.
fn review(tally_extra: &str, sales: &str) -> String {
    format!(
        "---\nkind: review\nunit: henan\nperiod: 2026-12\ntitle: 河南分公司2026年12月经营回顾
actuals:
  - {{ kpi: key-stores, tally: {{ table: key-store, values: [120, 45, 310] }}{tally_extra} }}
  - {{ kpi: sales, region: luoyang, actual: 312 }}
  - {{ kpi: sales, region: anyang, actual: 170 }}
scores:
  - {{ person: p011, components: {{ basic: 80{sales} }} }}
  - {{ person: p012, components: {{ basic: 90, sales: }} }}
---
# 十二月回顾\n"
    )
}

fn repo(roster: &str, budget: &str, review: &str) -> Repo {
    Repo::empty()
        .file("planbook.yaml", CONFIG)
        .file("roster.yaml", roster)
        .file("2026-12.budget.yaml", budget)
        .file("2026-12.plan.md", PLAN)
        .file("2026-12.review.md", review)
}

/// Every HTML page of a handbook built into `out`, concatenated.
fn pages(out: &Path) -> String {
    let mut text = String::new();
    let mut dirs = vec![out.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("read dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "html") {
                text.push_str(&std::fs::read_to_string(&path).expect("read page"));
            }
        }
    }
    text
}

#[test]
fn computed_figures_are_the_actuals_costs_and_points_everywhere() {
    let repo = repo(ROSTER, &budget("300", ""), &review("", ""));
    // A tally without `actual` is not missing, a computed component left empty is not
    // unscored, an allowance item without an amount has a cost.
    let run = repo.run(["check"]).code(0);
    assert!(run.stderr.contains("no problems found"), "{}", run.stderr);

    let json = repo.run(["rollup", "attainment", "--format", "json"]).code(0).stdout;
    let report: serde_json::Value = serde_json::from_str(&json).expect("json");
    let rows = report["targets"].as_array().expect("targets");
    let row = |kpi: &str, region: Option<&str>| {
        rows.iter()
            .find(|r| r["kpi"] == kpi && r["region"].as_str() == region)
            .unwrap_or_else(|| panic!("no row for {kpi} {region:?}: {json}"))
    };
    assert_eq!(row("key-stores", None)["actual"], "7");
    assert_eq!(row("sales", Some("luoyang"))["actual"], "312");
    assert_eq!(row("sales", Some("luoyang"))["standing"], "met");
    assert_eq!(row("sales", Some("anyang"))["standing"], "above-floor");
    // The group has no target of its own: its regions' summed, and said so.
    let north = row("sales", Some("north"));
    assert_eq!((&north["target"], &north["actual"]), (&"200".into(), &"170".into()));
    assert_eq!(north["summed_from"], serde_json::json!(["anyang"]));
    // Regional rows are not unit totals.
    let hierarchy = report["hierarchy"].as_array().expect("hierarchy");
    assert!(hierarchy.iter().all(|h| h["kpi"] != "sales"), "{json}");

    let json = repo.run(["rollup", "budget", "--format", "json"]).code(0).stdout;
    assert!(json.contains("\"breakdown\": \"300\""), "{json}");

    let out = tempfile::tempdir().expect("tmp");
    let dir = out.path().join("site");
    let target = dir.to_str().expect("utf-8");
    repo.run(["build", "-q", "--no-history", "-o", target]).code(0);
    let zh = pages(&dir);
    for working in [
        "掌控零售店：共 3 项：120 → 2、45 → 1、310 → 4；合计 7",
        "刘洋 · 区域销售完成率：洛阳区域销售 312，目标 300，达成率 104% → 封顶 100 分",
        "王芳 · 区域销售完成率：安阳区域销售 170，目标 200，达成率 85% → 76 分",
        "`p011` 刘洋 3 个县 → 200；`p012` 王芳 1 个县 → 100；合计 300",
    ] {
        assert!(zh.contains(working), "no `{working}` on the pages");
    }
    repo.run(["build", "-q", "--no-history", "--lang", "en", "-o", target]).code(0);
    let en = pages(&dir);
    for working in [
        "3 values: 120 → 2, 45 → 1, 310 → 4; total 7",
        "洛阳 区域销售 312 of 300 = 104 % → 100 points, capped",
        "`p011` 刘洋 3 counties → 200; `p012` 王芳 1 county → 100; total 300",
    ] {
        assert!(en.contains(working), "no `{working}` on the English pages");
    }
}

#[test]
fn each_written_figure_that_differs_is_one_diagnostic_with_its_working() {
    let repo = repo(ROSTER, &budget("400", ", amount: 400"), &review(", actual: 8", ", sales: 90"));
    let run = repo.run(["check", "--format", "json"]).code(1);
    let mut rules = run.rules();
    rules.sort();
    assert_eq!(
        rules,
        ["budget.allowance-mismatch", "review.score-computed", "review.tally-mismatch"],
        "{}",
        run.stdout
    );
    let en = run.stdout;
    for working in [
        "differs from its tally: 3 values: 120 → 2, 45 → 1, 310 → 4; total 7, written 8",
        "`p011` 刘洋 3 counties → 200; `p012` 王芳 1 county → 100; total 300",
        "is given 90 for `sales`, which computes from attainment: \
         洛阳 区域销售 312 of 300 = 104 % → 100 points, capped",
    ] {
        assert!(en.contains(working), "no `{working}` in {en}");
    }
    let zh = repo.run(["check", "--format", "json", "--lang", "zh-CN"]).code(1).stdout;
    for working in [
        "`key-stores` 的实际值与折算结果不符：\
         共 3 项：120 → 2、45 → 1、310 → 4；合计 7，填写的是 8",
        "`p011` 刘洋 3 个县 → 200；`p012` 王芳 1 个县 → 100；合计 300",
        "按达成率计算：洛阳区域销售 312，目标 300，达成率 104% → 封顶 100 分",
    ] {
        assert!(zh.contains(working), "no `{working}` in {zh}");
    }

    let run = repo.run(["check", "--fix", "--unsafe-fixes"]).code(0);
    assert!(run.stderr.contains("fixed 3 problems in 2 files; 0 remaining"), "{}", run.stderr);
    let read = |p: &str| std::fs::read_to_string(repo.path().join(p)).expect("read");
    assert!(read("2026-12.review.md").contains("values: [120, 45, 310] }, actual: 7 }"));
    assert!(read("2026-12.review.md").contains("{ basic: 80, sales: 100 }"));
    assert_eq!(read("2026-12.budget.yaml"), budget("300", ", amount: 300"));
    let run = repo.run(["check"]).code(0);
    assert!(run.stderr.contains("no problems found"), "{}", run.stderr);
}

#[test]
fn a_merged_region_scores_on_the_region_it_is_merged_into() {
    let roster = ROSTER.replace("region: anyang, counties", "region: hebi, counties");
    let review = review("", "").replace("{ basic: 90, sales: }", "{ basic: 90, sales: 70 }");
    let repo = repo(&roster, &budget("300", ""), &review);
    let run = repo.run(["check", "--format", "json"]);
    let mut rules = run.rules();
    rules.sort();
    assert_eq!(rules, ["review.score-computed", "roster.merged-region"], "{}", run.stdout);
    assert!(run.stdout.contains("安阳 区域销售 170 of 200 = 85 % → 76 points"), "{}", run.stdout);
}
