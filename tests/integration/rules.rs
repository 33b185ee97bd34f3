//! Near misses: for every rule, a data repository in `tests/fixtures/check-ok/<rule-id>/` that
//! comes as close to breaking the rule as it can without breaking it. A rule that also fires
//! on its near miss is too eager; a rule without one fails the suite.
//!
//! A near miss should produce no diagnostic at all. When getting close to one rule forces
//! another (a budget item that counts the people in a post needs a post that is not full, which
//! is a `roster.vacancy` note), the folder's `expected.rules` lists those other rule ids, one a
//! line, and the run must report exactly them.

use crate::support::{Repo, fixtures_dir};

#[test]
fn every_rule_has_a_near_miss_that_stays_quiet() {
    let mut missing = Vec::new();
    let mut failures = Vec::new();
    for rule in planbook::diag::rules::ALL {
        let name = format!("check-ok/{}", rule.id);
        if !fixtures_dir().join(&name).is_dir() {
            missing.push(rule.id);
            continue;
        }
        let expected = std::fs::read_to_string(fixtures_dir().join(&name).join("expected.rules"))
            .unwrap_or_default();
        let expected: Vec<&str> = expected.lines().filter(|l| !l.trim().is_empty()).collect();
        let run = Repo::fixture(&name).run(["check", "--format", "json"]);
        let got = run.rules();
        if expected.contains(&rule.id) || got != expected || !run.stderr.is_empty() {
            failures.push(format!(
                "{}: expected {expected:?}, got {got:?}\n{}{}",
                rule.id, run.stdout, run.stderr
            ));
        }
    }
    assert!(
        missing.is_empty(),
        "rules without a near miss in tests/fixtures/check-ok/: {missing:?}"
    );
    assert!(failures.is_empty(), "near misses that are not clean:\n{}", failures.join("\n"));
}

#[test]
fn every_fixture_folder_names_a_rule() {
    let mut strays = Vec::new();
    for set in ["check", "check-ok"] {
        for entry in std::fs::read_dir(fixtures_dir().join(set)).expect("fixture folder") {
            let name = entry.expect("dir entry").file_name().to_string_lossy().into_owned();
            if planbook::diag::rules::find(&name).is_none() {
                strays.push(format!("{set}/{name}"));
            }
        }
    }
    assert!(strays.is_empty(), "fixture folders for rules that do not exist: {strays:?}");
}
