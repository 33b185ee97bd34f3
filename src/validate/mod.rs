//! Validation: the rules a schema cannot express, within one document and across documents.
//!
//! Takes the loaded [`Workspace`], returns diagnostics at their default severities; `cli`
//! applies the overrides from `planbook.yaml`. Each rule is one `check_*` function that
//! reports every instance it finds. Rules that span documents live in `links`.

mod budget;
mod config;
mod links;
mod plan;
mod review;
mod roster;

use crate::diag::Diagnostic;
use crate::index::Index;
use crate::model::Workspace;

type Check = fn(&Index, &mut Vec<Diagnostic>);

/// Every rule function, in catalogue order.
const CHECKS: &[Check] = &[
    config::check_unknown_rules,
    config::check_duplicate_ids,
    config::check_unit_tree,
    links::check_units,
    links::check_kpis,
    links::check_duplicates,
    roster::check_duplicates,
    roster::check_posts_and_regions,
    roster::check_reporting_lines,
    roster::check_establishment,
    roster::check_dates,
    budget::check_item_form,
    budget::check_references,
    budget::check_negative,
    budget::check_currency,
    budget::check_breakdowns,
    budget::check_declared_totals,
    budget::check_caps,
    links::check_budget_posts,
    plan::check_people,
    plan::check_posts,
    plan::check_targets,
    plan::check_scorecards,
    plan::check_task_graph,
    plan::check_task_dates,
    links::check_plan_budgets,
    links::check_review_plans,
    review::check_actuals,
    review::check_tasks_and_spend,
    review::check_scores,
    review::check_unfilled,
    budget::check_ranges,
];

/// Everything `planbook check` reports: the loader's diagnostics and every rule's, at the
/// severities `planbook.yaml` sets (rules set `off` dropped), in file and position order.
pub fn all(ws: &Workspace, loaded: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut diags = loaded;
    diags.extend(run(ws));
    let levels = ws.config.rules.iter().map(|(k, v)| (k.value.clone(), v.value)).collect();
    let mut diags = crate::diag::apply_levels(diags, &levels);
    diags.sort_by(|a, b| Diagnostic::order(a, b, &ws.sources));
    diags
}

/// Runs every rule over `ws`.
pub fn run(ws: &Workspace) -> Vec<Diagnostic> {
    let index = Index::new(ws);
    let mut out = Vec::new();
    for check in CHECKS {
        check(&index, &mut out);
    }
    out
}
