//! One fixture folder per rule, named after the rule id, with the expected human and JSON
//! output. A rule without a fixture fails the suite.

use crate::support::{Repo, assert_snapshot, fixtures_dir};

#[test]
fn every_rule_has_a_fixture_that_fires() {
    let mut missing = Vec::new();
    for rule in planbook::diag::rules::ALL {
        let dir = fixtures_dir().join("check").join(rule.id);
        if !dir.is_dir() {
            missing.push(rule.id);
            continue;
        }
        let repo = Repo::fixture(&format!("check/{}", rule.id));
        let human = repo.run(["check", "--color", "never"]);
        let json = repo.run(["check", "--format", "json"]);
        assert!(
            json.rules().iter().any(|r| r == rule.id),
            "fixture {} does not trigger its rule; got {:?}\n{}",
            rule.id,
            json.rules(),
            human.stderr
        );
        let expected_code =
            if json.json().iter().any(|d| d["severity"] == "error") { 1 } else { 0 };
        assert_eq!(human.code, expected_code, "{}: {}", rule.id, human.stderr);
        assert_snapshot(&dir.join("expected.stderr"), &repo.redact(&human.stderr));
        assert_snapshot(&dir.join("expected.json"), &repo.redact(&json.stdout));
    }
    assert!(missing.is_empty(), "rules without a fixture in tests/fixtures/check/: {missing:?}");
}

#[test]
fn readme_lists_every_rule() {
    let readme = std::fs::read_to_string(crate::support::project_root().join("README.md")).unwrap();
    let missing: Vec<&str> = planbook::diag::rules::ALL
        .iter()
        .map(|r| r.id)
        .filter(|id| !readme.contains(&format!("| `{id}` |")))
        .collect();
    assert!(missing.is_empty(), "README.md's rule table lacks {missing:?}");
}
