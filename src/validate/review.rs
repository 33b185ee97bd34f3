//! Rules about reviews against the plan they review, its budget and the roster.

use std::collections::HashSet;

use crate::diag::{Diagnostic, rules};
use crate::i18n::{Arg, Msg, msg};
use crate::index::Index;
use crate::model::Kind;

use super::dating::{Naming, not_employed};

/// What a target or an actual is about: its KPI, its scope if any, per holder of `post` if any.
fn describe(kpi: &str, scope: &Option<String>, post: Option<&str>) -> Msg {
    match (scope, post) {
        (None, None) => msg!("review-kpi", kpi = kpi),
        (Some(scope), None) => msg!("review-kpi-scope", kpi = kpi, scope = scope),
        (None, Some(post)) => msg!("review-kpi-post", kpi = kpi, post = post),
        (Some(scope), Some(post)) => {
            msg!("review-kpi-scope-post", kpi = kpi, scope = scope, post = post)
        }
    }
}

/// `review.unplanned-actual` and `review.missing-actual`.
pub fn check_actuals(ix: &Index, out: &mut Vec<Diagnostic>) {
    for (review, _) in &ix.reviews {
        let Some(plan) = ix.plan_of_review(*review) else { continue };
        // A KPI the catalogue lacks (`document.unknown-kpi`) may be the one meant on the other
        // side: nothing is said about what might match it.
        let unknown = |kpi: &str| !ix.kpis.contains_key(kpi) && ix.broken_config().is_none();
        let plan_guess = plan.value.targets.iter().any(|t| unknown(t.kpi.value.as_str()));
        let review_guess = review.value.actuals.iter().any(|a| unknown(a.kpi.value.as_str()));
        // A region that is not the roster's (`document.unknown-region`) may be the one meant.
        let places = regions_of(ix, review.value.unit.value.as_str());
        let strange = |r: Option<&crate::source::Spanned<crate::model::ids::RegionId>>| {
            r.is_some_and(|r| places.as_ref().is_some_and(|p| !p.contains(r.value.as_str())))
        };
        let plan_places = plan.value.targets.iter().any(|t| strange(t.region.as_ref()));
        let review_places = review.value.actuals.iter().any(|a| strange(a.region.as_ref()));
        for actual in &review.value.actuals {
            if !plan.value.targets.iter().any(|t| actual.reports_on(t))
                && !ix.dropped_in(plan.doc, "targets", actual.kpi.value.as_str())
                && !unknown(actual.kpi.value.as_str())
                && !plan_guess
                && !strange(actual.region.as_ref())
                && (!plan_places || actual.region.is_none())
            {
                let what = describe(
                    &actual.kpi.value.0,
                    &actual.scope,
                    actual.per_post.as_ref().map(|p| p.value.as_str()),
                );
                let message = msg!("review-unplanned-actual", what = what);
                out.push(
                    Diagnostic::new(&rules::REVIEW_UNPLANNED_ACTUAL, message, actual.kpi.span)
                        .related(plan.value.period.span, msg!("review-the-plan"))
                        .help(msg!("review-unplanned-actual-help")),
                );
            }
        }
        for target in &plan.value.targets {
            let found = review.value.actuals.iter().find(|a| a.reports_on(target));
            if found.is_none()
                && (ix.dropped_in(review.doc, "actuals", target.kpi.value.as_str())
                    || unknown(target.kpi.value.as_str())
                    || review_guess
                    || strange(target.region.as_ref())
                    || (review_places && target.region.is_some()))
            {
                continue; // the actual has errors of its own, reported there
            }
            if found.is_none_or(|a| a.actual.is_none() && a.tally.is_none()) {
                let what = describe(
                    &target.kpi.value.0,
                    &target.scope,
                    target.per_post.as_ref().map(|p| p.value.as_str()),
                );
                let span = found.map_or(review.value.period.span, |a| a.kpi.span);
                out.push(
                    Diagnostic::new(
                        &rules::REVIEW_MISSING_ACTUAL,
                        msg!("review-missing-actual", what = what),
                        span,
                    )
                    .related(target.kpi.span, msg!("review-plan-target"))
                    .help(msg!("review-missing-actual-help")),
                );
            }
        }
    }
}

/// `review.unknown-task` and `review.unknown-line`.
pub fn check_tasks_and_spend(ix: &Index, out: &mut Vec<Diagnostic>) {
    for (review, _) in &ix.reviews {
        let Some(plan) = ix.plan_of_review(*review) else { continue };
        let tasks: HashSet<&str> = plan.value.tasks.iter().map(|t| t.id.value.as_str()).collect();
        for status in &review.value.tasks {
            if !tasks.contains(status.task.value.as_str())
                && !ix.dropped_in(plan.doc, "tasks", status.task.value.as_str())
            {
                let known = plan.value.tasks.iter().map(|t| t.id.value.as_str());
                out.push(super::roster::unknown(
                    &rules::REVIEW_UNKNOWN_TASK,
                    msg!("noun-task"),
                    status.task.value.as_str(),
                    status.task.span,
                    known,
                ));
            }
        }
        let Some(budget) = ix.budget_of_plan(plan) else {
            let (p, first) = (plan.value, review.value.spend.first());
            let broken = match &p.budget {
                Some(link) => ix.broken_link(plan.doc, link),
                None => ix.broken_doc(Kind::Budget, &p.unit.value.0, p.period.value),
            };
            if let (Some(broken), Some(spend)) = (broken, first) {
                ix.not_checked(broken, review.doc, spend.line.span);
            }
            continue;
        };
        let lines: HashSet<&str> = budget.value.lines.iter().map(|l| l.id.value.as_str()).collect();
        for spend in &review.value.spend {
            if !lines.contains(spend.line.value.as_str())
                && !ix.dropped_in(budget.doc, "lines", spend.line.value.as_str())
            {
                let known = budget.value.lines.iter().map(|l| l.id.value.as_str());
                out.push(super::roster::unknown(
                    &rules::REVIEW_UNKNOWN_LINE,
                    msg!("noun-budget-line"),
                    spend.line.value.as_str(),
                    spend.line.span,
                    known,
                ));
            }
        }
    }
}

/// `review.unknown-person`, `review.wrong-post`, `review.no-scorecard`,
/// `review.unknown-component`, `review.score-range` and `review.bonus-range` (`scores`), and
/// `review.not-employed` for the people scored and the author. People are read as of the
/// review's period: a score's post is one the person held during it, by default the one held
/// on its last day.
pub fn check_scores(ix: &Index, out: &mut Vec<Diagnostic>) {
    let mut people = super::names::UnitPeople::default();
    for (review, _) in &ix.reviews {
        let plan = ix.plan_of_review(*review);
        let unit = review.value.unit.value.as_str();
        if let Some(author) = &review.value.author
            && let Some((person, _)) = ix.people.get(author.value.as_str())
        {
            let period = review.value.period.value;
            out.extend(not_employed(Naming::Review, person, period, author.span));
        }
        for score in &review.value.scores {
            super::scores::check_points(ix, *review, plan, score, out);
            let Some((person, _)) = ix
                .people
                .get(score.person.value.as_str())
                .filter(|_| ix.person_in_unit(score.person.value.as_str(), unit))
            else {
                if ix.person_dropped_in(unit, score.person.value.as_str()) {
                    continue; // the person's entry has errors, reported there
                }
                if let Some(gap) = ix.roster_gap(unit) {
                    ix.not_checked(gap, review.doc, score.person.span);
                    continue;
                }
                let (written, span) = (score.person.value.as_str(), score.person.span);
                let (ids, names) = people.of(ix, unit);
                let diag = super::roster::unknown_among(
                    &rules::REVIEW_UNKNOWN_PERSON,
                    msg!("noun-person"),
                    written,
                    span,
                    ids,
                    None,
                );
                out.push(super::names::name_in_index(diag, written, span, names));
                continue;
            };
            let period = review.value.period.value;
            if let Some(d) = not_employed(Naming::Review, person, period, score.person.span) {
                out.push(d);
                continue;
            }
            // Scored under any post held during the period, by default the one held at its end.
            let now = person.on(period.as_of());
            let post = match &score.post {
                Some(post) if !person.posts_during(period).contains(&&post.value) => {
                    out.push(
                        Diagnostic::new(
                            &rules::REVIEW_WRONG_POST,
                            msg!(
                                "review-wrong-post",
                                name = &person.name,
                                scored_as = post.value.as_str(),
                                post = now.post.value.as_str()
                            ),
                            post.span,
                        )
                        .related(now.post.span, msg!("review-roster-post")),
                    );
                    continue;
                }
                Some(post) => &post.value,
                None => &now.post.value,
            };
            let Some(plan) = plan else { continue };
            let Some(card) = plan.value.scorecards.iter().find(|c| &c.post.value == post) else {
                if ix.dropped_in(plan.doc, "scorecards", post.as_str()) {
                    continue; // the scorecard has errors of its own, reported there
                }
                out.push(
                    Diagnostic::new(
                        &rules::REVIEW_NO_SCORECARD,
                        msg!("review-no-scorecard", name = &person.name, post = post.as_str()),
                        score.person.span,
                    )
                    .related(plan.value.period.span, msg!("review-the-plan")),
                );
                continue;
            };
            for component in score.components.keys() {
                if !card.components.iter().any(|c| c.id.value == component.value) {
                    let known = card.components.iter().map(|c| c.id.value.as_str());
                    let diag = super::roster::unknown(
                        &rules::REVIEW_UNKNOWN_COMPONENT,
                        msg!("noun-component"),
                        component.value.as_str(),
                        component.span,
                        known,
                    );
                    let note = msg!("review-scorecard-for", post = post.as_str());
                    out.push(diag.related(card.post.span, note));
                }
            }
        }
    }
}

/// `review.missing-value`: an empty task status, score or spend still to be filled in.
pub fn check_unfilled(ix: &Index, out: &mut Vec<Diagnostic>) {
    for (review, _) in &ix.reviews {
        let r = review.value;
        for status in r.tasks.iter().filter(|t| t.status.is_none()) {
            out.push(
                Diagnostic::new(
                    &rules::REVIEW_MISSING_VALUE,
                    msg!("review-no-status", task = status.task.value.as_str()),
                    status.task.span,
                )
                .help(msg!("review-no-status-help")),
            );
        }
        for score in &r.scores {
            let empty: Vec<String> = score
                .components
                .iter()
                .filter(|(k, v)| {
                    v.is_none()
                        && !super::computed::is_computed(ix, *review, score, k.value.as_str())
                })
                .map(|(k, _)| "`".to_owned() + k.value.as_str() + "`")
                .collect();
            if !empty.is_empty() {
                out.push(
                    Diagnostic::new(
                        &rules::REVIEW_MISSING_VALUE,
                        msg!(
                            "review-not-scored",
                            person = score.person.value.as_str(),
                            components = Arg::List(empty)
                        ),
                        score.person.span,
                    )
                    .help(msg!("review-not-scored-help")),
                );
            }
        }
        for spend in r.spend.iter().filter(|s| s.actual.is_none()) {
            out.push(
                Diagnostic::new(
                    &rules::REVIEW_MISSING_VALUE,
                    msg!("review-no-spend", line = spend.line.value.as_str()),
                    spend.line.span,
                )
                .help(msg!("review-no-spend-help")),
            );
        }
    }
}

/// The regions and region groups of `unit`'s rosters; `None` when the unit has no roster that
/// loaded whole, and nothing can be said about a region's name.
fn regions_of<'a>(ix: &Index<'a>, unit: &str) -> Option<std::collections::HashSet<&'a str>> {
    let rosters = ix.rosters_of(unit);
    if rosters.is_empty() || ix.roster_gap(unit).is_some() {
        return None;
    }
    Some(rosters.iter().flat_map(|r| r.value.places().map(|(p, _)| p.as_str())).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use crate::validate::tests::{budget, plan, report, review, roster, run};

    const ROSTER: &str = "posts:\n  - { id: gm, title: 总经理, establishment: 1 }
  - { id: rep, title: 业务员, establishment: 2 }
people:\n  - { id: p001, name: 张伟, post: gm }\n  - { id: p011, name: 刘洋, post: rep }\n";
    const CARD: &str = "scorecards:\n  - post: rep\n    components:
      - { id: basic, name: 基本工作, weight: 60 }
      - { id: sales, name: 销售, weight: 40 }\n";

    /// The roster, a budget, the plan with `plan_body` and the review with `review_body`.
    fn files(plan_body: &str, review_body: &str) -> [(&'static str, String); 4] {
        [
            ("r.yaml", roster(ROSTER)),
            ("b.yaml", budget("lines:\n  - { id: salary, name: 工资, amount: 1 }\n")),
            ("p.md", plan(&format!("budget: b.yaml\n{plan_body}"))),
            ("v.md", review(review_body)),
        ]
    }

    fn with(check: crate::validate::Check, plan_body: &str, review_body: &str) -> Vec<String> {
        let files = files(plan_body, review_body);
        let files: Vec<_> = files.iter().map(|(p, t)| (*p, t.as_str())).collect();
        report(check, &files)
    }

    /// The messages of `check` on the roster, budget, plan and review, in Chinese.
    fn zh(check: crate::validate::Check, plan_body: &str, review_body: &str) -> Vec<String> {
        let files = files(plan_body, review_body);
        let files: Vec<_> = files.iter().map(|(p, t)| (*p, t.as_str())).collect();
        run(check, &files).iter().map(|d| d.message.text(Locale::ZhCn)).collect()
    }

    #[test]
    fn actuals_match_targets_by_kpi_scope_and_post() {
        let targets =
            "targets:\n  - { kpi: units, target: 10 }\n  - { kpi: units, scope: 郑州, target: 4 }
  - { kpi: units, target: 1, per_post: rep }\n  - { kpi: gross-margin, target: 9 }\n";
        let actuals =
            "actuals:\n  - { kpi: units, actual: 7 }\n  - { kpi: units, scope: 安阳, actual: 3 }
  - { kpi: units, actual: 1, per_post: gm }\n  - { kpi: gross-margin }\n";
        assert_eq!(
            with(check_actuals, targets, actuals),
            [
                "review.unplanned-actual: actual for `units` (安阳) has no target in the plan",
                "review.unplanned-actual: actual for `units` per `gm` has no target in the plan",
                "review.missing-actual: no actual for the target `units` (郑州)",
                "review.missing-actual: no actual for the target `units` per `rep`",
                "review.missing-actual: no actual for the target `gross-margin`",
            ]
        );
    }

    #[test]
    fn task_statuses_and_spend_name_the_plan_tasks_and_budget_lines() {
        let found = with(
            check_tasks_and_spend,
            "tasks:\n  - { id: staffing, name: 定岗定编 }\n",
            "tasks:\n  - { task: staffing, status: done }\n  - { task: stafing, status: done }
spend:\n  - { line: salary, actual: 1 }\n  - { line: rent, actual: 1 }\n",
        );
        assert_eq!(
            found,
            [
                "review.unknown-task: unknown task `stafing`",
                "review.unknown-line: unknown budget line `rent`"
            ]
        );
    }

    #[test]
    fn spend_is_not_checked_when_the_plan_links_no_budget() {
        let files =
            [("p.md", plan("")), ("v.md", review("spend:\n  - { line: rent, actual: 1 }\n"))];
        let files: Vec<_> = files.iter().map(|(p, t)| (*p, t.as_str())).collect();
        assert!(report(check_tasks_and_spend, &files).is_empty());
    }

    #[test]
    fn scores_branches() {
        let found = with(
            check_scores,
            CARD,
            "scores:\n  - { person: p011, components: { basic: 100.5, sales: -1 } }
  - { person: p404, components: { basic: 1 } }
  - { person: p011, post: gm, components: { basic: 1 } }
  - { person: p001, components: { basic: 1 } }
  - { person: p011, post: rep, components: { basic: 0, sals: 100 } }\n",
        );
        assert_eq!(
            found,
            [
                "review.score-range: score 100.5 for `basic` is outside 0 to 100",
                "review.score-range: score -1 for `sales` is outside 0 to 100",
                "review.unknown-person: unknown person `p404`",
                "review.wrong-post: 刘洋 is scored as `gm` but holds post `rep`",
                concat!(
                    "review.no-scorecard: 张伟 is scored, but the plan has no scorecard for ",
                    "post `gm`"
                ),
                "review.unknown-component: unknown component `sals`",
            ]
        );
    }

    #[test]
    fn without_a_plan_scores_are_checked_against_the_roster_only() {
        let files = [
            ("r.yaml", roster(ROSTER)),
            ("v.md", review("scores:\n  - { person: p001, components: { any: 1 } }\n")),
        ];
        let files: Vec<_> = files.iter().map(|(p, t)| (*p, t.as_str())).collect();
        assert!(report(check_scores, &files).is_empty());
    }

    #[test]
    fn every_empty_value_is_reported_and_zero_is_a_value() {
        let found = with(
            check_unfilled,
            "",
            "tasks:\n  - task: a\n    status:\n  - { task: b, status: not-started }
scores:\n  - person: p011\n    components:\n      basic:\n      sales:
  - { person: p001, components: { basic: 0 } }
spend:\n  - { line: salary }\n  - { line: rent, actual: 0 }\n",
        );
        assert_eq!(
            found,
            [
                "review.missing-value: task `a` has no status yet",
                "review.missing-value: `p011` is not scored yet on `basic`, `sales`",
                "review.missing-value: spend on line `salary` is not filled in yet",
            ]
        );
    }

    #[test]
    fn actuals_read_as_chinese() {
        let targets = "targets:\n  - { kpi: units, scope: 郑州, target: 4 }
  - { kpi: units, scope: 郑州, target: 1, per_post: rep }\n";
        let actuals = "actuals:\n  - { kpi: units, actual: 1, per_post: gm }\n";
        assert_eq!(
            zh(check_actuals, targets, actuals),
            [
                "指标 `units`（岗位 `gm` 人均）的实际数\
                 在计划中没有对应的目标",
                "指标 `units`（郑州）有目标，但没有填报实际数",
                "指标 `units`（郑州，岗位 `rep` 人均）有目标，\
                 但没有填报实际数",
            ]
        );
    }

    #[test]
    fn scores_and_empty_values_read_as_chinese() {
        let scores = "scores:\n  - { person: p011, post: gm, components: { basic: 1 } }
  - { person: p001, components: { basic: 101 } }\n";
        assert_eq!(
            zh(check_scores, CARD, scores),
            [
                "刘洋按岗位 `gm` 考评，但其岗位是 `rep`",
                "考评项目 `basic` 的得分 101 不在 0 到 100 之间",
                "张伟有考评得分，但计划中没有岗位 `gm` 的考评表",
            ]
        );
        let empty = "tasks:\n  - task: a\n    status:
scores:\n  - person: p011\n    components:\n      basic:\n      sales:
spend:\n  - { line: salary }\n";
        assert_eq!(
            zh(check_unfilled, "", empty),
            [
                "任务 `a` 尚未填写进度",
                "`p011` 的考评项目 `basic`、`sales` 尚未打分",
                "科目 `salary` 的实际支出尚未填写",
            ]
        );
    }
}
