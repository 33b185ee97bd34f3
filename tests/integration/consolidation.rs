//! Consolidation up the unit hierarchy: `planbook rollup budget|headcount|attainment --unit
//! PARENT` and the parent's handbook page, on a group with two children and a grandchild.

use calamine::{Data, Reader, Xlsx, open_workbook};
use serde_json::Value;

use crate::support::{Repo, copy_tree, english_words, has_chinese, project_root, run_bare};

const CONFIG: &str = "name: 测试集团
locale: zh-CN
currency: CNY
units:
  - { id: grp, name: 集团 }
  - { id: east, name: 东区公司, parent: grp }
  - { id: west, name: 西区公司, parent: grp }
  - { id: city, name: 东区城区部, parent: east }
kpis:
  - { id: sales, name: 销量, unit: 台, aggregate: sum }
  - { id: satisfaction, name: 满意率, unit: \"%\", aggregate: mean }
";

fn roster(unit: &str) -> String {
    format!(
        "kind: roster
unit: {unit}
as_of: 2026-12-01
posts:
  - {{ id: mgr, title: 经理, establishment: 1 }}
  - {{ id: rep, title: 业务员, establishment: 3 }}
  - {{ id: temp, title: 临时工, establishment: 2, in_establishment: false }}
people:
  - {{ id: {unit}1, name: 张三, post: mgr }}
  - {{ id: {unit}2, name: 李四, post: rep, reports_to: {unit}1 }}
  - {{ id: {unit}3, name: 王五, post: temp, reports_to: {unit}1 }}
  - {{ id: {unit}4, name: 赵六, post: rep, reports_to: {unit}1, until: 2026-11-30 }}
"
    )
}

fn plan(unit: &str, sales: u32) -> String {
    format!(
        "---
kind: plan
unit: {unit}
period: 2026-12
title: 十二月计划
targets:
  - {{ kpi: sales, target: {sales}, floor: {} }}
  - {{ kpi: satisfaction, target: 90 }}
---
# 十二月计划
",
        sales / 2
    )
}

fn review(unit: &str, sales: u32, satisfaction: u32, spend: &str) -> String {
    format!(
        "---
kind: review
unit: {unit}
period: 2026-12
title: 十二月回顾
actuals:
  - {{ kpi: sales, actual: {sales} }}
  - {{ kpi: satisfaction, actual: {satisfaction} }}
{spend}---
# 十二月回顾
"
    )
}

/// The group `grp` (with a small budget of its own), `east` (with the grandchild `city`) and
/// `west` (no budget); `city` has a line in USD.
fn group() -> Repo {
    let spend = "spend:\n  - { line: salary, actual: 49000 }\n  - { line: travel, actual: 6500 }\n";
    Repo::empty()
        .file("planbook.yaml", CONFIG)
        .file(
            "grp/2026-12.budget.yaml",
            "kind: budget\nunit: grp\nperiod: 2026-12\nlines:\n  \
             - { id: office, name: 办公费, category: office, amount: 1000 }\n",
        )
        .file(
            "east/2026-12.budget.yaml",
            "kind: budget\nunit: east\nperiod: 2026-12\nsections:\n  \
             - { id: ops, name: 经营费用 }\nlines:\n  \
             - { id: salary, name: 工资, category: personnel, section: ops, amount: 50000.50 }\n  \
             - { id: travel, name: 差旅费, category: travel, section: ops, amount: 7000 }\n",
        )
        .file(
            "city/2026-12.budget.yaml",
            "kind: budget\nunit: city\nperiod: 2026-12\nlines:\n  \
             - { id: salary, name: 工资, category: personnel, amount: 20000 }\n  \
             - { id: import, name: 进口设备, category: office, amount: 300, currency: USD }\n",
        )
        .file("east/roster.yaml", roster("east"))
        .file("west/roster.yaml", roster("west"))
        .file("city/roster.yaml", roster("city"))
        .file("east/2026-12.plan.md", plan("east", 100))
        .file("west/2026-12.plan.md", plan("west", 200))
        .file("city/2026-12.plan.md", plan("city", 300))
        .file("east/2026-12.review.md", review("east", 120, 80, spend))
        .file("west/2026-12.review.md", review("west", 150, 96, ""))
}

fn consolidated(repo: &Repo, what: &str) -> Value {
    let args = ["rollup", what, "--unit", "grp", "--period", "2026-12", "--format", "json"];
    let run = repo.run(args).code(0);
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    report["consolidated"].clone()
}

fn rows(report: &Value) -> &Vec<Value> {
    report["rows"].as_array().unwrap()
}

fn row<'a>(report: &'a Value, unit: &str, kind: &str) -> &'a Value {
    rows(report).iter().find(|r| r["unit"] == unit && r["kind"] == kind).unwrap()
}

fn in_currency<'a>(row: &'a Value, currency: &str) -> Option<&'a Value> {
    row["figures"].as_array().unwrap().iter().find(|f| f["currency"] == currency)
}

#[test]
fn budget_consolidates_per_unit_with_the_exact_total_and_missing_units() {
    let repo = group();
    let report = consolidated(&repo, "budget");
    let units: Vec<(&str, &str, u64)> = rows(&report)
        .iter()
        .map(|r| {
            (r["unit"].as_str().unwrap(), r["kind"].as_str().unwrap(), r["depth"].as_u64().unwrap())
        })
        .collect();
    assert_eq!(
        units,
        [
            ("grp", "own", 0),
            ("east", "own", 1),
            ("city", "own", 2),
            ("east", "subtotal", 1),
            ("west", "own", 1),
        ]
    );
    let cny = |unit, kind| in_currency(row(&report, unit, kind), "CNY").map(|f| f["total"].clone());
    assert_eq!(cny("grp", "own").unwrap(), "1000");
    assert_eq!(cny("east", "own").unwrap(), "57000.50");
    assert_eq!(cny("city", "own").unwrap(), "20000");
    assert_eq!(cny("east", "subtotal").unwrap(), "77000.50");
    // The group's total is the exact sum of the own rows; a missing budget is not a zero.
    let totals = report["totals"].as_array().unwrap();
    let total = totals.iter().find(|t| t["currency"] == "CNY").unwrap();
    assert_eq!(total["total"], "78000.50");
    assert_eq!(row(&report, "west", "own")["basis"], "missing");
    assert!(row(&report, "west", "own")["figures"].as_array().unwrap().is_empty());
    assert_eq!(report["missing"], serde_json::json!(["west"]));
    // Never added across currencies: the USD line stays in a USD total of its own.
    let usd = totals.iter().find(|t| t["currency"] == "USD").unwrap();
    assert_eq!(usd["total"], "300");
    let east = in_currency(row(&report, "east", "own"), "CNY").unwrap();
    assert_eq!(east["actual"], "55500");
    assert_eq!(east["sections"][0]["key"], "经营费用");
    let categories = total["categories"].as_array().unwrap();
    let personnel = categories.iter().find(|c| c["key"] == "personnel").unwrap();
    assert_eq!(personnel["amount"], "70000.50");
    // A quarter adds up the months within it.
    let args = ["rollup", "budget", "--unit", "grp", "--period", "2026-Q4", "--format", "json"];
    let quarter: Value = serde_json::from_str(&repo.run(args).code(0).stdout).unwrap();
    let quarter = &quarter["consolidated"];
    assert_eq!(row(quarter, "east", "own")["basis"], "months");
    let total = quarter["totals"].as_array().unwrap().iter().find(|t| t["currency"] == "CNY");
    assert_eq!(total.unwrap()["total"], "78000.50");
    // A child unit has no consolidation: its rollup is as before.
    let args = ["rollup", "budget", "--unit", "west", "--format", "json"];
    let west: Value = serde_json::from_str(&repo.run(args).code(0).stdout).unwrap();
    assert!(west.get("consolidated").is_none(), "{west}");
}

#[test]
fn every_format_carries_the_consolidated_rows() {
    let repo = group();
    let base = ["rollup", "budget", "--unit", "grp", "--period", "2026-12", "--lang", "en"];
    let table = repo.run(base).code(0).stdout;
    assert!(table.contains("consolidated budget (CNY)"), "{table}");
    assert!(table.contains("78,000.50") && table.contains("missing"), "{table}");
    let csv = repo.run([&base[..], &["--format", "csv"]].concat()).code(0).stdout;
    assert!(csv.contains("东区公司") && csv.contains("78000.50"), "{csv}");
    let markdown = repo.run([&base[..], &["--format", "markdown"]].concat()).code(0).stdout;
    assert!(markdown.contains("| 东区城区部") && markdown.contains("77,000.50"), "{markdown}");
    for what in ["headcount", "attainment"] {
        let args = ["rollup", what, "--unit", "grp", "--period", "2026-12", "--format", "csv"];
        let csv = repo.run(args).code(0).stdout;
        assert!(csv.contains("东区公司") && csv.contains("西区公司"), "{what}: {csv}");
    }
    let out = Repo::empty();
    let file = out.path().join("group.xlsx");
    let file = file.to_str().unwrap();
    repo.run([&base[..], &["-q", "--format", "xlsx", "-o", file]].concat()).code(0);
    let mut book: Xlsx<_> = open_workbook(file).unwrap();
    let first = book.sheet_names().first().cloned().unwrap();
    assert!(first.starts_with("Consolidated budget"), "{first}");
    let range = book.worksheet_range(&first).unwrap();
    let cells: Vec<Data> = range.rows().flat_map(<[Data]>::to_vec).collect();
    assert!(cells.contains(&Data::String("西区公司".into())), "{cells:?}");
    assert!(cells.contains(&Data::Float(78000.5)), "{cells:?}");
}

#[test]
fn headcount_consolidates_establishment_staff_and_vacancies_on_the_day() {
    let repo = group();
    let report = consolidated(&repo, "headcount");
    assert_eq!(report["as_of"], "2026-12-31");
    let east = &row(&report, "east", "own")["staffing"];
    // `temp` is outside the establishment; 赵六 left before the day.
    assert_eq!(east["establishment"], 4);
    assert_eq!(east["on_staff"], 3);
    assert_eq!(east["outside"], 1);
    assert_eq!(east["vacancies"], 2);
    assert_eq!(row(&report, "east", "subtotal")["staffing"]["establishment"], 8);
    assert_eq!(report["total"]["establishment"], 12);
    assert_eq!(report["total"]["on_staff"], 9);
    assert_eq!(report["total"]["vacancies"], 6);
    // A month before, 赵六 was still on staff.
    let args = ["rollup", "headcount", "--unit", "grp", "--period", "2026-10", "--format", "json"];
    let earlier: Value = serde_json::from_str(&repo.run(args).code(0).stdout).unwrap();
    assert_eq!(earlier["consolidated"]["total"]["on_staff"], 12);
}

#[test]
fn attainment_combines_figures_by_each_kpis_rule_before_the_percentage() {
    let repo = group();
    let report = consolidated(&repo, "attainment");
    let kpi = |id: &str| {
        report["kpis"].as_array().unwrap().iter().find(|k| k["kpi"] == id).unwrap().clone()
    };
    let sales = kpi("sales");
    assert_eq!(sales["aggregate"], "sum");
    // city has a target but no actual: the sum is over east and west, targets likewise.
    assert_eq!(sales["total"]["actual"], "270");
    assert_eq!(sales["total"]["target"], "300");
    assert_eq!(sales["total"]["attainment_pct"], "90");
    assert_eq!(sales["total"]["contributors"], serde_json::json!(["east", "west"]));
    let satisfaction = kpi("satisfaction");
    assert_eq!(satisfaction["aggregate"], "mean");
    assert_eq!(satisfaction["total"]["actual"], "88");
    assert_eq!(satisfaction["total"]["target"], "90");
    // 88 of 90, not the mean of 88.9 % and 106.7 %.
    assert_eq!(satisfaction["total"]["attainment_pct"], "97.8");
    let city = satisfaction["rows"].as_array().unwrap().iter().find(|r| r["unit"] == "city");
    assert_eq!(city.unwrap()["actual"], Value::Null);
}

#[test]
fn the_parent_unit_page_shows_the_consolidated_tables() {
    let repo = group();
    let site = repo.path().join("site");
    run_bare(repo.path(), &["build", "-o", site.to_str().unwrap()]).code(0);
    let page = std::fs::read_to_string(site.join("units/grp.html")).unwrap();
    assert!(page.contains("id=\"h-consolidated-budget\">合并预算</h2>"), "{page}");
    assert!(page.contains("78,000.50") && page.contains("缺预算"), "{page}");
    assert!(page.contains("href=\"../units/east.html\"") || page.contains("east.html"), "{page}");
    assert!(
        page.contains("h-consolidated-headcount") && page.contains("h-consolidated-attainment")
    );
    assert!(page.contains("97.8%"), "{page}");
    // What a reader sees of the consolidated sections is Chinese (tags and ids aside).
    let start = page.find("<h2 id=\"h-consolidated-budget\"").unwrap();
    let end = page.find("</main>").unwrap_or(page.len());
    let mut text = String::new();
    for part in page[start..end].split('<') {
        text.push_str(part.split_once('>').map_or("", |(_, t)| t));
        text.push(' ');
    }
    let words: Vec<String> = english_words(&text.replace("&emsp;", " "))
        .into_iter()
        .filter(|w| !DATA_IDS.contains(&w.as_str()))
        .collect();
    assert!(words.is_empty(), "{words:?}\n{text}");
    let leaf = std::fs::read_to_string(site.join("units/west.html")).unwrap();
    assert!(!leaf.contains("h-consolidated-budget"), "{leaf}");
    let english = repo.path().join("site-en");
    run_bare(repo.path(), &["--lang", "en", "build", "-o", english.to_str().unwrap()]).code(0);
    let page = std::fs::read_to_string(english.join("units/grp.html")).unwrap();
    assert!(page.contains(">Consolidated budget</h2>") && page.contains("missing"), "{page}");
}

/// Currency codes and ids of the test data: lines, sections, posts, people and units.
const DATA_IDS: [&str; 13] = [
    "CNY", "USD", "salary", "travel", "import", "ops", "office", "mgr", "rep", "temp", "east",
    "west", "city",
];

#[test]
fn chinese_output_has_no_english_words() {
    let repo = group();
    for what in ["budget", "headcount", "attainment"] {
        for format in ["table", "csv", "markdown"] {
            let args = ["rollup", what, "--unit", "grp", "--period", "2026-12", "--format", format];
            let run = run_bare(repo.path(), &args).code(0);
            assert!(has_chinese(&run.stdout), "{what} {format}");
            let words: Vec<String> = english_words(&run.stdout)
                .into_iter()
                // Currency codes and the ids of the data itself (the per-unit tables show them).
                .filter(|w| !DATA_IDS.contains(&w.as_str()))
                .collect();
            assert!(words.is_empty(), "{what} {format}: {words:?}\n{}", run.stdout);
        }
    }
}

#[test]
fn plans_consolidate_henans_budget_under_the_group() {
    let repo = Repo::empty();
    copy_tree(&project_root().join("plans"), repo.path());
    let args = ["rollup", "budget", "--unit", "zx", "--period", "2026-12", "--format", "json"];
    let report: Value = serde_json::from_str(&repo.run(args).code(0).stdout).unwrap();
    let report = &report["consolidated"];
    let henan = row(report, "henan", "own");
    assert_eq!(in_currency(henan, "CNY").unwrap()["total"], "122900");
    assert_eq!(row(report, "power", "own")["basis"], "missing");
    assert_eq!(report["totals"][0]["total"], "122900");
    let table = repo.run(["rollup", "budget", "--unit", "zx", "--period", "2026-12"]).code(0);
    assert!(table.stdout.contains("122,900"), "{}", table.stdout);
}
