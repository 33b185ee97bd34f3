//! Validation: the rules a schema cannot express, within one document and across documents.
//!
//! [`run`] takes the loaded [`Workspace`] and returns the rules' diagnostics at their default
//! severities; [`all`] adds them to the loader's, applies the overrides from `planbook.yaml`
//! (through `diag::apply_levels`) and sorts them, which is what `check`, `build` and `serve`
//! use. Each rule is one `check_*` function that reports every instance it finds. Rules that
//! span documents live in `links`.
//!
//! Containment: no rule runs against what did not load ([`Workspace::broken`]). A reference
//! into a document that did not load at all is recorded as not checked ([`Index::not_checked`])
//! and [`run`] turns those into one `check.not-checked` note per broken document and kind of
//! dependant (`not_checked`); a reference to an item left out of a partial document is not
//! reported (the item's own error is the message).

mod budget;
mod computed;
mod config;
mod consistency;
mod dating;
mod links;
mod names;
mod not_checked;
mod organisation;
mod plan;
mod problems;
mod review;
mod roster;
mod scores;
mod titles;

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
    dating::check_changes,
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
    scores::check_groups,
    scores::check_point_ranges,
    plan::check_task_graph,
    plan::check_task_dates,
    links::check_plan_budgets,
    links::check_review_plans,
    review::check_actuals,
    review::check_tasks_and_spend,
    review::check_scores,
    review::check_unfilled,
    budget::check_ranges,
    organisation::check_groups,
    organisation::check_document_regions,
    organisation::check_acting,
    organisation::check_outside,
    computed::check_tables,
    computed::check_unknown_tables,
    computed::check_tallies,
    computed::check_allowances,
    computed::check_scores,
    consistency::check_derived_config,
    consistency::check_derived,
    consistency::check_fractions,
    titles::check_title_periods,
    problems::check_ids,
    problems::check_answers,
    problems::check_areas,
    problems::check_contributions,
];

/// Everything `planbook check` reports: the loader's diagnostics and every rule's, at the
/// severities `planbook.yaml` sets (rules set `off` dropped), in file and position order.
pub fn all(ws: &Workspace, loaded: Vec<Diagnostic>) -> Vec<Diagnostic> {
    all_until(ws, loaded, &|| false).unwrap_or_default()
}

/// [`all`], given up (`None`) as soon as `stop` says so. It is asked before each rule, so that
/// the language server can put a check of the whole repository aside when the editor sends
/// something.
pub fn all_until(
    ws: &Workspace,
    loaded: Vec<Diagnostic>,
    stop: &dyn Fn() -> bool,
) -> Option<Vec<Diagnostic>> {
    let mut diags = loaded;
    diags.extend(run_until(ws, stop)?);
    let levels = ws.config.rules.iter().map(|(k, v)| (k.value.clone(), v.value)).collect();
    let mut diags = crate::diag::apply_levels(diags, &levels);
    diags.sort_by(|a, b| Diagnostic::order(a, b, &ws.sources));
    Some(diags)
}

/// Runs every rule over `ws`.
pub fn run(ws: &Workspace) -> Vec<Diagnostic> {
    run_until(ws, &|| false).unwrap_or_default()
}

/// [`run`], given up (`None`) as soon as `stop`, asked before each rule, says so.
fn run_until(ws: &Workspace, stop: &dyn Fn() -> bool) -> Option<Vec<Diagnostic>> {
    let index = Index::new(ws);
    let mut out = Vec::new();
    for check in CHECKS {
        if stop() {
            return None;
        }
        check(&index, &mut out);
    }
    // What rules found inside a list item kept without a misspelt field is a consequence of
    // that one mistake (a target whose `target:` was misspelt is not empty).
    let trimmed: Vec<crate::source::Span> =
        ws.broken.iter().flat_map(|b| b.trimmed.iter().copied()).collect();
    out.retain(|d| {
        let s = d.primary.span;
        !trimmed.iter().any(|t| t.file == s.file && t.start <= s.start && s.end <= t.end)
    });
    out.extend(not_checked::notes(&index));
    Some(out)
}

/// What the rule tests of every `validate` module share: documents from YAML text, loaded the
/// way `planbook check` loads them, and one rule function run over them.
#[cfg(test)]
pub(crate) mod tests {
    use std::path::{Path, PathBuf};

    use super::Check;
    use crate::diag::Diagnostic;
    use crate::i18n::{Locale, Msg};
    use crate::index::Index;

    /// A `planbook.yaml` with units `henan` and its sub-unit `zhengzhou`, and the KPIs `units`,
    /// `gross-margin` and `returns` (lower is better).
    pub const CONFIG: &str = "name: 测试公司\nlocale: zh-CN\nmax_management_levels: 3\nunits:
  - { id: henan, name: 河南分公司 }
  - { id: zhengzhou, name: 郑州大区, parent: henan }
kpis:
  - { id: units, name: 出货量, unit: 台 }
  - { id: gross-margin, name: 毛利, unit: CNY }
  - { id: returns, name: 退货量, unit: 台, better: lower }
";

    /// Runs `check` over `files` (path, text) loaded under [`CONFIG`].
    pub fn run(check: Check, files: &[(&str, &str)]) -> Vec<Diagnostic> {
        run_with(CONFIG, check, files)
    }

    /// Runs `check` over `files` loaded under `config`. Panics when loading reports anything, so
    /// that a typo in a test document cannot pass for a rule that stays quiet.
    pub fn run_with(config: &str, check: Check, files: &[(&str, &str)]) -> Vec<Diagnostic> {
        let files: Vec<(PathBuf, Vec<u8>)> =
            files.iter().map(|(p, t)| (PathBuf::from(p), t.as_bytes().to_vec())).collect();
        let loaded = crate::load::load_files(Path::new("/repo"), config.into(), files);
        let problems: Vec<_> = loaded.diagnostics.iter().map(|d| &d.message).collect();
        assert!(problems.is_empty(), "the test documents do not load: {problems:?}");
        let mut out = Vec::new();
        check(&Index::new(&loaded.workspace), &mut out);
        out
    }

    /// `rule: message` of each diagnostic `check` reports on `files`, in the order found.
    pub fn report(check: Check, files: &[(&str, &str)]) -> Vec<String> {
        run(check, files).iter().map(|d| format!("{}: {}", d.rule.id, d.message.en())).collect()
    }

    /// Each diagnostic's rule, English message and the English of one more of its texts
    /// (`help`: its help, `note`: its primary note), to compare wording with [`owned`].
    pub fn english(
        found: &[Diagnostic],
        more: fn(&Diagnostic) -> Option<&Msg>,
    ) -> Vec<(&'static str, String, Option<String>)> {
        found.iter().map(|d| (d.rule.id, d.message.en(), more(d).map(Msg::en))).collect()
    }

    /// The help of a diagnostic, for [`english`].
    pub fn help(d: &Diagnostic) -> Option<&Msg> {
        d.help.as_ref()
    }

    /// The primary note of a diagnostic, for [`english`].
    pub fn note(d: &Diagnostic) -> Option<&Msg> {
        d.primary.note.as_ref()
    }

    /// Expected `(rule, message, help or note)` triples, owned like [`english`]'s.
    pub fn owned(
        expected: &[(&'static str, &str, Option<&str>)],
    ) -> Vec<(&'static str, String, Option<String>)> {
        expected.iter().map(|(r, m, h)| (*r, m.to_string(), h.map(str::to_string))).collect()
    }

    /// Every text of `d` (message, notes, help) in Chinese, one per line.
    pub fn chinese(d: &Diagnostic) -> String {
        let notes = std::iter::once(&d.primary).chain(&d.related).filter_map(|l| l.note.as_ref());
        let texts = std::iter::once(&d.message).chain(notes).chain(d.help.as_ref());
        texts.map(|m| m.text(Locale::ZhCn)).collect::<Vec<_>>().join("\n")
    }

    /// Panics unless `text` is Chinese: some Chinese, and no word of two or more Latin letters
    /// outside `…` spans (ids and file names).
    pub fn assert_reads_chinese(text: &str) {
        assert!(text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{text}");
        let outside: String = text.split('`').step_by(2).collect::<Vec<_>>().join(" ");
        let mut run = 0;
        for c in outside.chars() {
            run = if c.is_ascii_alphabetic() { run + 1 } else { 0 };
            assert!(run < 2, "an English word in {text:?}");
        }
    }

    /// A roster of `henan` with `body` (posts, regions, people).
    pub fn roster(body: &str) -> String {
        format!("kind: roster\nunit: henan\n{body}")
    }

    /// A budget of `henan` for 2026-12 with `body` (lines, sections, limits).
    pub fn budget(body: &str) -> String {
        format!("kind: budget\nunit: henan\nperiod: 2026-12\n{body}")
    }

    /// A plan of `henan` for 2026-12 with `body` as the rest of its front matter.
    pub fn plan(body: &str) -> String {
        format!("---\nkind: plan\nunit: henan\nperiod: 2026-12\ntitle: 计划\n{body}---\n")
    }

    /// A review of `henan` for 2026-12 with `body` as the rest of its front matter.
    pub fn review(body: &str) -> String {
        format!("---\nkind: review\nunit: henan\nperiod: 2026-12\ntitle: 回顾\n{body}---\n")
    }

    #[test]
    fn broken_test_documents_are_caught() {
        let result = std::panic::catch_unwind(|| run(|_, _| {}, &[("b.yaml", "kind: bugdet\n")]));
        assert!(result.is_err());
    }
}
