//! The trends page (issue 15, "trends with a time axis") on a git-free repository of two
//! units under a group with seven months of plans, budgets and reviews, September missing,
//! and a target raised from October: every chart on a real time axis, the gap shown as a gap,
//! the target stepped, the units' charts of one figure on one scale, in English and Chinese;
//! and, in a real browser (`tests/browser/trends.mjs`), titles, descriptions, no line across
//! the gap, shared tick labels, and no clipped or tiny text at 1280 and 390 pixels.

use crate::support::{Repo, browser_driver, english_words, has_chinese, run_browser};

const MONTHS: [&str; 6] = ["2026-06", "2026-07", "2026-08", "2026-10", "2026-11", "2026-12"];

fn config(locale: &str, names: [&str; 4]) -> String {
    let [group, north, south, kpi] = names;
    format!(
        "name: {group}
locale: {locale}
currency: CNY
units:
  - {{ id: grp, name: {group} }}
  - {{ id: north, name: {north}, parent: grp }}
  - {{ id: south, name: {south}, parent: grp }}
kpis:
  - {{ id: sales, name: {kpi}, unit: pcs, aggregate: sum, better: higher }}
"
    )
}

/// A roster whose headcount grows (north) or shrinks (south) during the months.
fn roster(unit: &str) -> String {
    let people = if unit == "north" {
        "  - { id: n1, name: Ann North, post: rep }
  - { id: n2, name: Bo North, post: rep, since: 2026-08-10 }
  - { id: n3, name: Cy North, post: rep, since: 2026-11-02 }
"
    } else {
        "  - { id: s1, name: Di South, post: rep }
  - { id: s2, name: Ed South, post: rep, until: 2026-10-15 }
"
    };
    format!(
        "kind: roster\nunit: {unit}\nposts:\n  - {{ id: rep, title: Rep, establishment: 3 }}\n\
         people:\n{people}"
    )
}

fn owner(unit: &str) -> &'static str {
    if unit == "north" { "n1" } else { "s1" }
}

/// The target is 1,000 until August and 1,200 from October; the floor stays 800.
fn plan(unit: &str, period: &str) -> String {
    let target = if period < "2026-09" { 1000 } else { 1200 };
    format!(
        "---
kind: plan
unit: {unit}
period: {period}
title: Plan {period}
owner: {owner}
targets:
  - {{ kpi: sales, target: {target}, floor: 800 }}
---
# Plan
",
        owner = owner(unit)
    )
}

fn budget(unit: &str, period: &str, amount: u32) -> String {
    format!(
        "kind: budget
unit: {unit}
period: {period}
lines:
  - {{ id: travel, name: Travel, category: travel, amount: {amount} }}
"
    )
}

fn review(unit: &str, period: &str, sales: u32, spent: u32) -> String {
    format!(
        "---
kind: review
unit: {unit}
period: {period}
title: Review {period}
author: {owner}
actuals:
  - {{ kpi: sales, actual: {sales} }}
spend:
  - {{ line: travel, actual: {spent} }}
---
# Review
",
        owner = owner(unit)
    )
}

/// Two units under a group, six months from June to December without September.
pub fn months_repo(zh: bool) -> Repo {
    let names = if zh {
        ["中鑫集团", "北区公司", "南区公司", "出货量"]
    } else {
        ["Group", "North", "South", "Units sold"]
    };
    let mut repo =
        Repo::empty().file("planbook.yaml", config(if zh { "zh-CN" } else { "en" }, names));
    let north = [950, 1020, 1100, 1150, 1230, 1180];
    let south = [500, 700, 650, 800, 900, 950];
    for unit in ["north", "south"] {
        repo = repo.file(&format!("{unit}/roster.yaml"), roster(unit));
        let sales = if unit == "north" { north } else { south };
        for (i, (month, sold)) in MONTHS.iter().zip(sales).enumerate() {
            let amount = 10_000 + 500 * i as u32;
            repo = repo
                .file(&format!("{unit}/{month}.plan.md"), plan(unit, month))
                .file(&format!("{unit}/{month}.budget.yaml"), budget(unit, month, amount))
                .file(
                    &format!("{unit}/{month}.review.md"),
                    review(unit, month, sold, amount - 300),
                );
        }
    }
    repo
}

fn build(repo: &Repo) -> String {
    let run = repo.run(["build", "-q", "--no-history"]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    std::fs::read_to_string(repo.path().join("_site/trends.html")).expect("trends page")
}

/// The values of `attr` on every `<tag` element of `html` that has it, in order.
fn attrs(html: &str, tag: &str, attr: &str) -> Vec<String> {
    html.split(&format!("<{tag} "))
        .skip(1)
        .filter_map(|el| {
            let el = el.split('>').next()?;
            let (_, rest) = el.split_once(&format!("{attr}=\""))?;
            rest.split('"').next().map(str::to_string)
        })
        .collect()
}

#[test]
fn the_trends_page_charts_months_with_the_gap_the_stepped_target_and_one_scale() {
    let repo = months_repo(false);
    let check = repo.run(["check", "--format", "json"]);
    let findings: Vec<_> = check.json().into_iter().filter(|d| d["severity"] != "note").collect();
    assert_eq!(findings, Vec::<serde_json::Value>::new(), "{}", check.stdout);
    let html = build(&repo);
    // One chart per figure and unit: spend, headcount and the KPI for north, south and the
    // group, and the category for each unit.
    let svgs = html.matches("<svg class=\"tc\"").count();
    assert_eq!(svgs, 11, "{html}");
    assert_eq!(html.matches("role=\"img\"").count(), svgs);
    assert_eq!(html.matches("<desc id=").count(), svgs);
    // The axis runs from June to December, seven months; September is a gap, said in words.
    assert!(html.contains("Jun 2026 to Dec 2026, 7 months"), "{html}");
    let gaps = attrs(&html, "rect", "data-month");
    assert!(!gaps.is_empty() && gaps.iter().all(|m| m == "2026-09"), "{gaps:?}");
    assert!(html.contains("No figure for Sep 2026."), "{html}");
    assert!(
        html.contains("Latest, Dec 2026: Actual 1,180, Target 1,200."),
        "the last actual against the raised target: {html}"
    );
    // The KPI's actual line is broken in two around September in each unit's chart.
    let kpi_charts: Vec<&str> = html
        .split("<figure class=\"tc-figure\"")
        .filter(|f| f.contains("data-scale=\"kpi-sales\""))
        .collect();
    assert_eq!(kpi_charts.len(), 2);
    for chart in &kpi_charts {
        assert_eq!(chart.matches("class=\"tc-line tc-actual\"").count(), 2, "{chart}");
        // The target: June to August, then October to December at a new level.
        let targets = chart.matches("class=\"tc-line tc-target\"").count();
        assert_eq!(targets, 2, "{chart}");
        assert_eq!(chart.matches("class=\"tc-dot tc-actual\"").count(), 6);
        // The table fallback has every month with its figures.
        assert!(chart.contains("<details class=\"tc-data\">"));
        assert_eq!(chart.matches("<th scope=\"row\">").count(), 6);
    }
    // Both units' KPI charts share one scale (the same tick labels), north's 1,230 on top.
    let ticks = |chart: &str| -> Vec<String> {
        chart
            .split("class=\"tc-tick\" x=")
            .skip(1)
            .filter_map(|t| t.split('>').nth(1)?.split('<').next().map(str::to_string))
            .filter(|t| t.chars().all(|c| c.is_ascii_digit() || c == ','))
            .collect()
    };
    assert_eq!(ticks(kpi_charts[0]), ticks(kpi_charts[1]));
    assert!(ticks(kpi_charts[0]).contains(&"1,500".to_string()), "{:?}", ticks(kpi_charts[0]));
    // The group's consolidated KPI, spend and headcount.
    assert!(html.contains("data-scale=\"kpi-group-sales\""));
    assert!(html.contains("Units sold (pcs) · Group (consolidated)"), "{html}");
    assert!(html.contains("data-scale=\"headcount-group\""));
    // North grows from 1 to 3 on staff against an establishment of 3.
    assert!(html.contains("Latest, Dec 2026: On staff 3, Establishment 3."), "{html}");
    assert!(!has_chinese(&html), "an English handbook shows no Chinese");
}

#[test]
fn the_chinese_trends_page_speaks_chinese() {
    let repo = months_repo(true);
    let html = build(&repo);
    assert!(html.contains("2026年6月至2026年12月，共7个月"), "{html}");
    assert!(html.contains("2026年9月无数据。"), "{html}");
    let latest = "最近一期（2026年12月）：实际1,180，目标1,200。";
    assert!(html.contains(latest), "{html}");
    assert!(html.contains(">9月<") || html.contains(">10月<"), "{html}");
    // Titles, descriptions, legends and labels: no English word but the data's own.
    let main = html.split("<main").nth(1).and_then(|m| m.split_once('>')).map(|m| m.1);
    let main = main.unwrap_or_default().split("</main>").next().unwrap_or_default();
    let mut text = String::new();
    let mut in_tag = false;
    for c in main.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let words: Vec<String> = english_words(&text)
        .into_iter()
        .filter(|w| !["pcs", "CNY", "travel"].contains(&w.as_str()))
        .collect();
    assert!(words.is_empty(), "{words:?}");
}

#[test]
fn browser_trends_charts_have_a_text_alternative_gaps_one_scale_and_readable_text() {
    let Some(driver) = browser_driver() else { return };
    let (en, zh) = (months_repo(false), months_repo(true));
    build(&en);
    build(&zh);
    let tmp = tempfile::tempdir().expect("tmp");
    let spec = serde_json::json!({
        "pages": [en.path().join("_site/trends.html"), zh.path().join("_site/trends.html")],
        "gap": "2026-09",
        "widths": [1280, 390],
        "min_px": 11,
    });
    let stdout = run_browser(&driver, "trends.mjs", tmp.path(), &spec);
    assert!(stdout.contains("charts checked"), "{stdout}");
}

#[test]
fn a_page_of_many_charts_stops_at_its_limit_and_says_so() {
    // 160 KPIs of one unit in one month: 160 charts, more than the page draws.
    let mut config =
        String::from("name: Many\nlocale: en\nunits:\n  - { id: one, name: One }\nkpis:\n");
    let mut targets = String::new();
    for i in 0..160 {
        config.push_str(&format!("  - {{ id: k{i}, name: KPI {i} }}\n"));
        targets.push_str(&format!("  - {{ kpi: k{i}, target: {i} }}\n"));
    }
    let plan = format!(
        "---\nkind: plan\nunit: one\nperiod: 2026-12\ntitle: Plan\ntargets:\n{targets}---\n# Plan\n"
    );
    let repo = Repo::empty().file("planbook.yaml", config).file("one/2026-12.plan.md", plan);
    let html = build(&repo);
    assert_eq!(html.matches("<svg class=\"tc\"").count(), 150);
    assert!(html.contains("10 more charts are left out to keep the page small"), "{html}");
    // KPIs keep the order of planbook.yaml.
    let first = html.find(">KPI 0<").unwrap_or(usize::MAX);
    let second = html.find(">KPI 1<").unwrap_or(0);
    assert!(first < second, "KPI 0 comes before KPI 1");
}
