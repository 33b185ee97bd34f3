//! `plans/` is a fixture too: it must check clean of errors.

use crate::support::{project_root, run_in};

#[test]
fn plans_check_without_errors() {
    let run = run_in(&project_root(), ["check", "-C", "plans", "--format", "json"]);
    let errors: Vec<_> = run.json().into_iter().filter(|d| d["severity"] == "error").collect();
    assert!(errors.is_empty(), "plans/ has errors: {errors:#?}");
    assert_eq!(run.code, 0);
}

#[test]
fn plans_hold_every_kind_and_period_shape() {
    let loaded = planbook::load::load(&project_root().join("plans")).unwrap();
    let ws = &loaded.workspace;
    let kinds: std::collections::BTreeSet<_> =
        ws.documents.iter().map(|d| d.content.kind()).collect();
    assert_eq!(kinds.len(), 5, "{kinds:?}");
    use planbook::model::{Content, period::Period};
    let periods: Vec<Period> = ws
        .documents
        .iter()
        .filter_map(|d| match &d.content {
            Content::Plan(p, _) => Some(p.period.value),
            Content::Review(r, _) => Some(r.period.value),
            Content::Budget(b) => Some(b.period.value),
            _ => None,
        })
        .collect();
    assert!(periods.iter().any(|p| matches!(p, Period::Month(..))));
    assert!(periods.iter().any(|p| matches!(p, Period::Quarter(..))));
    assert!(periods.iter().any(|p| matches!(p, Period::Year(..))));
}
