//! `plans/` says what the seed (`../shared/seed/`) says, and planbook reproduces the seed's
//! figures from it: the budget of 113,400 / 122,900, the establishment of 30 with the general
//! manager and the supervisors outside it, the seven 大区, `行政900×3` and `大区1800×8` checked
//! against their posts, the 104 % of 洛阳 scored as the scheme says, the key-store rule, and
//! the four places where the seed contradicts itself, flagged.

use serde_json::Value;

use crate::support::{project_root, run_in};

fn plans(args: &[&str]) -> Value {
    let mut all = vec!["-C", "plans"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let run = run_in(&project_root(), all);
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).expect("json")
}

#[test]
fn the_seed_s_budget_adds_up_to_113_400_and_122_900() {
    let json = plans(&["rollup", "budget", "--unit", "henan", "--period", "2026-12"]);
    let budget = &json["budgets"][0];
    let operating = budget["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .find(|s| s["id"] == "operating")
        .expect("operating");
    assert_eq!(operating["amount"], "113400", "{operating}");
    assert_eq!(budget["total"].to_string().trim_matches('"'), "122900", "{budget}");
    // The group's consolidated budget is henan's: the utility has no monthly budget.
    let group = plans(&["rollup", "budget", "--unit", "zx", "--period", "2026-12"]);
    assert!(group["consolidated"].to_string().contains("122900"), "{group}");
}

#[test]
fn the_establishment_is_30_without_the_general_manager_and_the_supervisors() {
    let json = plans(&["rollup", "headcount", "--unit", "henan", "--period", "2026-12"]);
    let roster = &json["rosters"][0];
    assert_eq!(roster["establishment"], 30, "{roster}");
    assert_eq!(roster["outside_establishment"], 8, "general manager + 7 supervisors: {roster}");
    let groups: Vec<&str> = roster["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .filter_map(|g| g["name"].as_str())
        .collect();
    assert_eq!(
        groups,
        [
            "安鹤濮大区",
            "焦新济大区",
            "洛三大区",
            "郑大区",
            "开商周许漯大区",
            "平南大区",
            "信驻大区"
        ]
    );
    // The promoters are listed, never counted; 张永辉 acts as 三门峡's rep.
    assert_eq!(roster["outside"][0]["role"], "兼职促销员");
    assert_eq!(roster["acting"][0]["person"], "p004");
}

#[test]
fn the_seed_s_own_contradictions_are_flagged_and_nothing_else_is() {
    let run = run_in(&project_root(), ["-C", "plans", "check", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut found: Vec<(String, String)> = run
        .json()
        .into_iter()
        .filter(|d| d["severity"] != "note")
        .map(|d| {
            let rule = d["rule"].as_str().unwrap_or_default().to_owned();
            let message = d["message"].as_str().unwrap_or_default();
            // The id is in backticks, or (a limit's, in English) in brackets after its name.
            let quoted = message.split('`').nth(1);
            let bracketed = message.split_once(" (").and_then(|(_, r)| r.split(')').next());
            let id = quoted.or(bracketed).unwrap_or_default().to_owned();
            (rule, id)
        })
        .collect();
    found.sort();
    let expected = [
        ("budget.breakdown-short", "office"), // IP phones 2,000 + supplies 2,400 of 5,000
        ("budget.breakdown-short", "salary"), // 22,950 + 5,600 + 2,700 + 14,400 of 46,000
        ("budget.breakdown-short", "travel"), // 3,400 + 3,500 + 1,200 + 1,200 of 12,000
        ("budget.cap-exceeded", "hospitality"), // "限2000元" against 3,000 budgeted
    ];
    let expected: Vec<(String, String)> =
        expected.iter().map(|(r, i)| (r.to_string(), i.to_string())).collect();
    assert_eq!(found, expected, "{}", run.stdout);
}

#[test]
fn luoyang_s_104_percent_scores_104_and_the_key_stores_follow_the_conversion_rule() {
    let scores = plans(&["rollup", "scores", "--unit", "henan", "--period", "2026-12"]);
    let text = scores.to_string();
    let person = find(&scores, &|v| v["person"] == "p017").expect("p017 is scored");
    let sales = person["components"]
        .as_array()
        .expect("components")
        .iter()
        .find(|c| c["id"] == "region-sales")
        .expect("region-sales");
    assert_eq!(sales["points"], "104", "computed from 312 of 300: {text}");
    assert_eq!(person["bonus"], "5");
    let groups: Vec<_> =
        person["groups"].as_array().expect("groups").iter().map(|g| g["weight"].clone()).collect();
    assert_eq!(groups, ["60", "40"], "基本工作 60 %, 绩效工作 40 %");

    let attainment = plans(&["rollup", "attainment", "--unit", "henan", "--period", "2026-12"]);
    let stores = find(&attainment, &|v| v["kpi"] == "key-stores" && v["region"] == "zhengzhou")
        .expect("郑州's key stores");
    // 320, 260, 210 → 4, 3, 3; 180, 150, 120 → 2 each; eight stores of 30 to 99 → 1 each.
    assert_eq!(stores["actual"], "24", "{stores}");
}

/// The first object in `value`, depth first, that `test` accepts.
fn find<'a>(value: &'a Value, test: &dyn Fn(&Value) -> bool) -> Option<&'a Value> {
    if value.is_object() && test(value) {
        return Some(value);
    }
    match value {
        Value::Object(map) => map.values().find_map(|v| find(v, test)),
        Value::Array(items) => items.iter().find_map(|v| find(v, test)),
        _ => None,
    }
}

#[test]
fn next_month_s_plan_keeps_the_seed_s_structure_and_checks_as_clean() {
    use crate::support::{Repo, copy_tree};
    let repo = Repo::empty();
    copy_tree(&project_root().join("plans"), repo.path());
    repo.run(["new", "plan", "--unit", "henan", "--period", "2027-01"]).code(0);
    let text = std::fs::read_to_string(repo.path().join("henan/2027-01.plan.md")).expect("plan");
    assert!(text.contains("title: 河南分公司2027年1月经营工作计划\n"), "{text}");
    assert!(text.contains("\n# 河南分公司2027年1月经营工作计划\n"), "{text}");
    for kept in [
        "  - id: oversight\n",                  // problem ids
        "\nmeasures:\n  - id: daily-control\n", // measures, with their answers
        "    answers: [oversight]\n",
        "    groups:\n      - { id: basic, name: 基本工作, weight: 60 }\n", // 60/40
        "    points: { max: 120 }\n",
        "scale: { floor: 60, target: 100, cap: 120 }",
        "    region: luoyang\n",
    ] {
        assert!(text.contains(kept), "{kept:?} not carried over:\n{text}");
    }
    let run = repo.run(["check", "--format", "json"]).code(0);
    let found: Vec<String> = run
        .json()
        .into_iter()
        .filter(|d| d["severity"] != "note")
        .map(|d| d["rule"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(found.len(), 4, "only the seed's own four: {}", run.stdout);
}
