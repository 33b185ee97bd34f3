//! Habits of a Chinese input method or a spreadsheet (`schema::habits`, `validate::names`):
//! each, made once in a copy of `plans/`, gives exactly one diagnostic that names the habit in
//! English and Chinese, and the fix in `--format json`, applied, makes the repository clean.

use std::collections::BTreeMap;
use std::path::Path;

use crate::support::{copy_tree, project_root, run_in};

/// One habit: in `file`, `from` (written once) becomes `to`.
struct Case {
    file: &'static str,
    /// An edit made first, which the baseline includes (an id the habit then unquotes).
    setup: Option<(&'static str, &'static str)>,
    from: &'static str,
    to: &'static str,
    rule: &'static str,
    en: &'static str,
    zh: &'static str,
    safe: bool,
}

/// Diagnostics by (rule, file, message), counted.
type Counted = BTreeMap<(String, String, String), usize>;

/// What a run reports, wherever on the line, and the JSON diagnostics.
fn reported(dir: &Path) -> (Counted, Vec<serde_json::Value>) {
    let run = run_in(dir, ["check", "--format", "json", "--lang", "en"]);
    assert!(run.code == 0 || run.code == 1, "{run:?}");
    let json = run.json();
    let mut counted = BTreeMap::new();
    for d in &json {
        let key = |k: &str| d[k].as_str().unwrap_or("").to_owned();
        *counted.entry((key("rule"), key("file"), key("message"))).or_insert(0) += 1;
    }
    (counted, json)
}

fn replace_once(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.matches(from).count(), 1, "`{from}` is not written once in {file}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// Applies a JSON fix's edits, from the end of each file backwards.
fn apply(dir: &Path, fix: &serde_json::Value) {
    let mut edits: Vec<(String, usize, usize, String)> = fix["edits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let n = |k: &str| e[k].as_u64().unwrap() as usize;
            let file = e["file"].as_str().unwrap().to_owned();
            (file, n("start_byte"), n("end_byte"), e["text"].as_str().unwrap().to_owned())
        })
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.1));
    for (file, start, end, text) in edits {
        let path = dir.join(&file);
        let mut bytes = std::fs::read(&path).unwrap();
        bytes.splice(start..end, text.into_bytes());
        std::fs::write(&path, bytes).unwrap();
    }
}

fn check(case: &Case) {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&project_root().join("plans"), dir.path());
    if let Some((from, to)) = case.setup {
        replace_once(dir.path(), case.file, from, to);
    }
    let (baseline, _) = reported(dir.path());
    assert!(!baseline.keys().any(|(rule, ..)| rule.starts_with("schema.")), "{baseline:?}");
    replace_once(dir.path(), case.file, case.from, case.to);
    let (_, json) = reported(dir.path());
    let new: Vec<&serde_json::Value> = json
        .iter()
        .filter(|d| {
            let key = |k: &str| d[k].as_str().unwrap_or("").to_owned();
            // Only the edited file: a roster that fails its schema is not loaded, and what
            // other documents then cannot find is the containment rules' part, not this one.
            // The one note saying what was not checked against a broken document is allowed.
            key("file") == case.file
                && key("rule") != "check.not-checked"
                && !baseline.contains_key(&(key("rule"), key("file"), key("message")))
        })
        .collect();
    assert_eq!(new.len(), 1, "{}: one diagnostic, not {new:#?}", case.to);
    let diag = new[0];
    assert_eq!(diag["rule"], case.rule, "{diag:#}");
    assert_eq!(diag["severity"], "error", "{diag:#}");
    let help = diag["help"].as_str().unwrap_or("");
    assert!(help.contains(case.en), "{}: help `{help}` lacks `{}`", case.to, case.en);
    for (lang, help) in [("zh-CN", case.zh), ("en", case.en)] {
        let run = run_in(dir.path(), ["check", "--lang", lang]);
        let out = format!("{}{}", run.stdout, run.stderr);
        assert!(out.contains(help), "{}: no `{help}` in\n{out}", case.to);
    }
    let fixes = diag["fixes"].as_array().unwrap();
    assert_eq!(fixes.len(), 1, "{diag:#}");
    let applicability = if case.safe { "safe" } else { "unsafe" };
    assert_eq!(fixes[0]["applicability"], applicability, "{diag:#}");
    apply(dir.path(), &fixes[0]);
    let (fixed, _) = reported(dir.path());
    assert_eq!(fixed, baseline, "{}: the fix leaves the repository as it was", case.to);
}

const BUDGET: &str = "henan/2026-12.budget.yaml";
const ROSTER: &str = "henan/roster.yaml";

fn case(file: &'static str, from: &'static str, to: &'static str) -> Case {
    Case { file, setup: None, from, to, rule: "schema.type", en: "", zh: "", safe: true }
}

#[test]
fn full_width_digits() {
    check(&Case {
        en: "`７５００` is written in full-width digits; write `7500`",
        zh: "`７５００` 使用了全角数字；应写作 `7500`",
        ..case(BUDGET, "amount: 7500", "amount: ７５００")
    });
}

#[test]
fn thousands_separators() {
    check(&Case {
        en: "write `46000` (thousands separators are not allowed)",
        zh: "应写作 `46000`（数字不能带千位分隔符）",
        ..case(BUDGET, "amount: 46000", "amount: 46,000")
    });
    check(&Case {
        en: "write `13000` (thousands separators are not allowed)",
        zh: "应写作 `13000`（数字不能带千位分隔符）",
        ..case(BUDGET, "amount: 13000", "amount: 13，000")
    });
}

#[test]
fn a_thousands_separator_in_a_one_line_mapping() {
    check(&Case {
        rule: "schema.unknown-field",
        en: "so `1,350` was read as several fields; write `1350`",
        zh: "`1,350` 因此被拆成了几个字段；应写作 `1350`",
        ..case(BUDGET, "unit_price: 1350,", "unit_price: 1,350,")
    });
}

#[test]
fn chinese_units_of_ten_thousand() {
    check(&Case {
        en: "`1.2万` is 12000; write `12000`",
        zh: "`1.2万` 即 12000；应写作 `12000`",
        ..case(BUDGET, "amount: 12000", "amount: 1.2万")
    });
}

#[test]
fn a_percent_sign() {
    check(&Case {
        en: "write `99.87` without `%`",
        zh: "应写作 `99.87`，不带 `%`",
        safe: false,
        ..case("power/2026.review.md", "actual: 99.87", "actual: 99.87%")
    });
}

#[test]
fn dates_and_periods_written_another_way() {
    for to in ["since: 2024/03/01", "since: 2024.03.01", "since: 2024年3月1日"] {
        check(&Case {
            rule: "schema.value",
            en: "write the date as `2024-03-01`",
            zh: "日期应写作 `2024-03-01`",
            ..case(ROSTER, "since: 2024-03-01", to)
        });
    }
    for to in ["period: 2026/12", "period: 2026年12月"] {
        check(&Case {
            rule: "schema.value",
            en: "write the period as `2026-12`",
            zh: "期间应写作 `2026-12`",
            ..case(BUDGET, "period: 2026-12", to)
        });
    }
    check(&Case {
        en: "write the period as `2026-12`",
        zh: "期间应写作 `2026-12`",
        ..case(BUDGET, "period: 2026-12", "period: 2026.12")
    });
}

#[test]
fn an_employee_number_as_an_id() {
    check(&Case {
        setup: Some(("id: p036,", "id: '120376',")),
        en: "numbers used as ids must be quoted: `id: '120376'`",
        zh: "用作编号的数字必须加引号：`id: '120376'`",
        ..case(ROSTER, "id: '120376',", "id: 120376,")
    });
}

#[test]
fn full_width_colon_and_space() {
    check(&Case {
        rule: "schema.unknown-field",
        en: "`：` is a full-width colon, which YAML does not read as one; write `name: 高磊`",
        zh: "`：` 是全角冒号，YAML 不把它当作冒号；应写作 `name: 高磊`",
        ..case(ROSTER, "name: 高磊,", "name：高磊,")
    });
    check(&Case {
        rule: "schema.value",
        en: "contains a full-width space; write `henan`",
        zh: "中含有全角空格；应写作 `henan`",
        ..case(BUDGET, "unit: henan\n", "unit: henan\u{3000}\n")
    });
}

#[test]
fn a_misspelt_field_name() {
    check(&Case {
        rule: "schema.unknown-field",
        en: "did you mean `reports_to`?",
        zh: "是否应为 `reports_to`？",
        ..case(
            ROSTER,
            "reports_to: p001\n    since: 2024-03-01",
            "report_to: p001\n    since: 2024-03-01",
        )
    });
}

#[test]
fn a_name_where_a_person_id_belongs() {
    check(&Case {
        rule: "plan.unknown-person",
        en: "`周明远` is the name of `p001`; write `p001`",
        zh: "`周明远` 是 `p001` 的姓名；应写作 `p001`",
        ..case("henan/2026-12.plan.md", "owner: p001\nbudget", "owner: 周明远\nbudget")
    });
    check(&Case {
        rule: "roster.unknown-manager",
        en: "`刘建军` is the name of `p005`; write `p005`",
        zh: "`刘建军` 是 `p005` 的姓名；应写作 `p005`",
        ..case(
            ROSTER,
            "reports_to: p005, since: 2023-05-01",
            "reports_to: 刘建军, since: 2023-05-01",
        )
    });
}
