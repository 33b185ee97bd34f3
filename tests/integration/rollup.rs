//! `planbook rollup` on `plans/` (snapshots), its formats, and exactness under random input.

use std::path::PathBuf;

use proptest::prelude::*;
use rust_decimal::Decimal;

use crate::support::{Repo, assert_snapshot, fixtures_dir, project_root, run_in};

const WHAT: [&str; 5] = ["budget", "headcount", "attainment", "scores", "trends"];

fn snapshot(name: &str) -> PathBuf {
    fixtures_dir().join("rollup/plans").join(name)
}

#[test]
fn rollups_of_plans_match_their_snapshots() {
    for what in WHAT {
        let table = run_in(&project_root(), ["-C", "plans", "rollup", what]).code(0);
        assert_snapshot(&snapshot(&format!("{what}.txt")), &table.stdout);
        let json =
            run_in(&project_root(), ["-C", "plans", "rollup", what, "--format", "json"]).code(0);
        assert_snapshot(&snapshot(&format!("{what}.json")), &json.stdout);
        for format in ["csv", "markdown"] {
            let run = run_in(&project_root(), ["-C", "plans", "rollup", what, "--format", format])
                .code(0);
            assert!(!run.stdout.is_empty(), "{what} as {format}");
        }
    }
}

#[test]
fn budget_rollup_reproduces_the_seed_totals() {
    let run = run_in(
        &project_root(),
        [
            "-C", "plans", "rollup", "budget", "--unit", "henan", "--period", "2026-12",
            "--format", "json",
        ],
    )
    .code(0);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let budget = &report["budgets"][0];
    assert_eq!(budget["sections"][0]["amount"], "113400");
    assert_eq!(budget["total"], "122900");
    assert_eq!(budget["declared_total"], "122900");
    let personnel =
        budget["limits"].as_array().unwrap().iter().find(|l| l["id"] == "personnel").unwrap();
    assert_eq!(personnel["max"], "90000");
    let table = run_in(&project_root(), ["-C", "plans", "rollup", "budget"]).code(0);
    assert!(
        table.stdout.contains("113,400") && table.stdout.contains("122,900"),
        "{}",
        table.stdout
    );
}

#[test]
fn xlsx_needs_an_output_file_and_writes_a_workbook() {
    let out = Repo::empty();
    let file = out.path().join("budget.xlsx");
    run_in(&project_root(), ["-C", "plans", "rollup", "budget", "--format", "xlsx"]).code(2);
    run_in(
        &project_root(),
        ["-C", "plans", "-q", "rollup", "budget", "--format", "xlsx", "-o", file.to_str().unwrap()],
    )
    .code(0);
    let bytes = std::fs::read(&file).unwrap();
    assert_eq!(&bytes[..2], b"PK", "an xlsx file is a zip archive");
}

#[test]
fn unknown_unit_and_period_are_usage_errors() {
    let run =
        run_in(&project_root(), ["-C", "plans", "rollup", "budget", "--unit", "henna"]).code(2);
    assert!(run.stderr.contains("unknown unit `henna`"), "{}", run.stderr);
    run_in(&project_root(), ["-C", "plans", "rollup", "budget", "--period", "2026-13"]).code(2);
}

#[test]
fn period_filter_selects_periods_within() {
    let run = run_in(
        &project_root(),
        ["-C", "plans", "rollup", "attainment", "--period", "2027", "--format", "json"],
    )
    .code(0);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let periods: std::collections::BTreeSet<String> = report["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["period"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(periods.into_iter().collect::<Vec<_>>(), ["2027", "2027-Q1"]);
}

#[test]
fn rules_are_listed_and_explained() {
    let run = Repo::new().run(["rules"]).code(0);
    for rule in planbook::diag::rules::ALL {
        assert!(run.stdout.contains(rule.id), "missing {}", rule.id);
    }
    let run = Repo::new().run(["rules", "budget.breakdown-short"]).code(0);
    assert!(
        run.stdout.starts_with("budget.breakdown-short (warning by default)"),
        "{}",
        run.stdout
    );
    let run = Repo::new().run(["rules", "budget.breakdwon-short"]).code(2);
    assert!(run.stderr.contains("did you mean `budget.breakdown-short`?"), "{}", run.stderr);
}

/// Amounts with up to 18 digits and 0–4 decimals, written as YAML text.
fn amount() -> impl Strategy<Value = (i64, u32)> {
    (0i64..999_999_999_999_999, 0u32..5)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn budget_totals_are_exact(amounts in proptest::collection::vec(amount(), 1..40)) {
        let mut text = String::from("kind: budget\nunit: henan\nperiod: 2026-12\nlines:\n");
        let mut expected = Decimal::ZERO;
        for (i, (mantissa, scale)) in amounts.iter().enumerate() {
            let value = Decimal::new(*mantissa, *scale);
            expected += value;
            text += &format!(
                "  - id: l{i}\n    name: 行{i}\n    amount: {value}\n    category: c{}\n",
                i % 3
            );
        }
        let path = std::path::Path::new("b.yaml");
        let (doc, diags) =
            planbook::load::parse_document(planbook::source::FileId(0), path, &text);
        prop_assert!(diags.is_empty(), "{:?}", diags);
        let ws = planbook::model::Workspace {
            root: PathBuf::from("."),
            config: test_config(),
            config_file: planbook::source::FileId(0),
            sources: Default::default(),
            documents: vec![doc.unwrap()],
            broken: Vec::new(),
        };
        let index = planbook::index::Index::new(&ws);
        let report = planbook::rollup::budget::rollup(&index, &Default::default());
        let budget = &report.budgets[0];
        prop_assert_eq!(budget.total, expected);
        let by_category: Decimal = budget.categories.iter().map(|c| c.amount).sum();
        prop_assert_eq!(by_category, expected);
    }
}

fn test_config() -> planbook::model::Config {
    let node =
        planbook::yaml::parse(planbook::source::FileId(0), crate::support::CONFIG, 0).unwrap();
    planbook::load::de::from_node(&node).unwrap()
}

#[test]
fn rollup_output_is_the_same_on_every_run() {
    let mut config = String::from("name: 多单位\nlocale: zh-CN\nunits:\n");
    let mut repo = Repo::empty();
    for i in 0..24 {
        config += &format!("  - {{ id: u{i:02}, name: 单位{i} }}\n");
        let budget = format!(
            "kind: budget\nunit: u{i:02}\nperiod: 2026-12\nlines:\n  \
             - {{ id: rent, name: 房租, category: premises, amount: {} }}\n",
            1000 + i
        );
        repo = repo.file(&format!("u{i:02}/2026-12.budget.yaml"), budget);
    }
    let repo = repo.file("planbook.yaml", config);
    for args in [
        &["rollup", "budget"][..],
        &["rollup", "budget", "--format", "json"],
        &["rollup", "headcount"],
        &["rollup", "trends", "--format", "csv"],
    ] {
        let first = repo.run(args).code(0);
        for _ in 0..4 {
            assert_eq!(repo.run(args).code(0).stdout, first.stdout, "{args:?} varies");
        }
    }
    let first = repo.run(["rollup", "budget", "--unit", "nowhere"]).code(2);
    assert!(first.stderr.contains("the units are u00, u01, u02,"), "{}", first.stderr);
    for _ in 0..4 {
        let again = repo.run(["rollup", "budget", "--unit", "nowhere"]).code(2);
        assert_eq!(again.stderr, first.stderr, "the list of units varies");
    }
}

/// A budget whose figures each fit but whose product does not: `check`, `rollup budget` and
/// `build` say so and never panic (exit 101).
#[test]
fn figures_beyond_exact_range_are_errors_not_panics() {
    let budget = concat!(
        "kind: budget\nunit: henan\nperiod: 2026-12\nlines:\n",
        "  - { id: a, name: A, amount: 999999999999999 }\n",
        "  - { id: b, name: B, amount: 999999999999999 }\n",
        "  - id: c\n    name: C\n    amount: 1\n    breakdown:\n",
        "      - { name: x, quantity: 999999999999999, unit_price: 999999999999999 }\n",
    );
    let repo = Repo::new().file("budget.yaml", budget);
    let check = repo.run(["check", "--format", "short"]);
    assert_eq!(check.code, 1, "{check:?}");
    assert!(check.stdout.contains("number.out-of-range"), "{check:?}");
    let rollup = repo.run(["rollup", "budget"]);
    assert_eq!(rollup.code, 1, "{rollup:?}");
    assert!(rollup.stderr.contains("left out"), "{rollup:?}");
    let build = repo.run(["build", "--no-history"]);
    assert!(build.code == 0, "{build:?}");
    // Two huge lines sum exactly: 1,999,999,999,999,998.
    let fine = Repo::new().file("budget.yaml", &budget[..budget.find("  - id: c").unwrap()]);
    let json = fine.run(["rollup", "budget", "--format", "json"]);
    assert_eq!(json.code, 0, "{json:?}");
    assert!(json.stdout.contains("\"1999999999999998\""), "{json:?}");
}
