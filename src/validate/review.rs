//! Rules about reviews against the plan they review, its budget and the roster.

use rust_decimal::Decimal;

use crate::diag::{Diagnostic, rules};
use crate::index::Index;

fn describe(kpi: &str, scope: &Option<String>, post: Option<&str>) -> String {
    let mut out = format!("`{kpi}`");
    if let Some(s) = scope {
        out.push_str(&format!(" ({s})"));
    }
    if let Some(p) = post {
        out.push_str(&format!(" per `{p}`"));
    }
    out
}

/// `review.unplanned-actual` and `review.missing-actual`.
pub fn check_actuals(ix: &Index, out: &mut Vec<Diagnostic>) {
    for (review, _) in &ix.reviews {
        let Some(plan) = ix.plan_of_review(*review) else { continue };
        for actual in &review.value.actuals {
            if !plan.value.targets.iter().any(|t| actual.reports_on(t)) {
                let what = describe(
                    &actual.kpi.value.0,
                    &actual.scope,
                    actual.per_post.as_ref().map(|p| p.value.as_str()),
                );
                out.push(Diagnostic::new(&rules::REVIEW_UNPLANNED_ACTUAL, format!("actual for {what} has no target in the plan"), actual.kpi.span).related(plan.value.period.span, "the reviewed plan").help("check the actual's `kpi`, `scope` and `per_post` against the plan's targets"));
            }
        }
        for target in &plan.value.targets {
            let found = review.value.actuals.iter().find(|a| a.reports_on(target));
            if found.is_none_or(|a| a.actual.is_none()) {
                let what = describe(
                    &target.kpi.value.0,
                    &target.scope,
                    target.per_post.as_ref().map(|p| p.value.as_str()),
                );
                let span = found.map_or(review.value.period.span, |a| a.kpi.span);
                out.push(
                    Diagnostic::new(
                        &rules::REVIEW_MISSING_ACTUAL,
                        format!("no actual for the target {what}"),
                        span,
                    )
                    .related(target.kpi.span, "the plan's target")
                    .help("report the actual, even when the target was missed"),
                );
            }
        }
    }
}

/// `review.unknown-task` and `review.unknown-line`.
pub fn check_tasks_and_spend(ix: &Index, out: &mut Vec<Diagnostic>) {
    for (review, _) in &ix.reviews {
        let Some(plan) = ix.plan_of_review(*review) else { continue };
        for status in &review.value.tasks {
            if !plan.value.tasks.iter().any(|t| t.id.value == status.task.value) {
                let known = plan.value.tasks.iter().map(|t| t.id.value.as_str());
                out.push(super::roster::unknown(
                    &rules::REVIEW_UNKNOWN_TASK,
                    "task",
                    status.task.value.as_str(),
                    status.task.span,
                    known,
                ));
            }
        }
        let Some(budget) = ix.budget_of_plan(plan) else { continue };
        for spend in &review.value.spend {
            if !budget.value.lines.iter().any(|l| l.id.value == spend.line.value) {
                let known = budget.value.lines.iter().map(|l| l.id.value.as_str());
                out.push(super::roster::unknown(
                    &rules::REVIEW_UNKNOWN_LINE,
                    "budget line",
                    spend.line.value.as_str(),
                    spend.line.span,
                    known,
                ));
            }
        }
    }
}

/// `review.unknown-person`, `review.wrong-post`, `review.no-scorecard`,
/// `review.unknown-component`, `review.score-range`.
pub fn check_scores(ix: &Index, out: &mut Vec<Diagnostic>) {
    for (review, _) in &ix.reviews {
        let plan = ix.plan_of_review(*review);
        let unit = review.value.unit.value.as_str();
        for score in &review.value.scores {
            for (component, points) in &score.components {
                let Some(points) = points else { continue };
                if points.value.0 < Decimal::ZERO || points.value.0 > Decimal::ONE_HUNDRED {
                    out.push(Diagnostic::new(
                        &rules::REVIEW_SCORE_RANGE,
                        format!(
                            "score {} for `{}` is outside 0 to 100",
                            points.value, component.value
                        ),
                        points.span,
                    ));
                }
            }
            let Some((person, _)) = ix
                .people
                .get(score.person.value.as_str())
                .filter(|_| ix.person_in_unit(score.person.value.as_str(), unit))
            else {
                let known: Vec<&str> = ix
                    .rosters_of(unit)
                    .into_iter()
                    .flat_map(|r| r.value.people.iter().map(|p| p.id.value.as_str()))
                    .collect();
                out.push(super::roster::unknown(
                    &rules::REVIEW_UNKNOWN_PERSON,
                    "person",
                    score.person.value.as_str(),
                    score.person.span,
                    known.into_iter(),
                ));
                continue;
            };
            let post = match &score.post {
                Some(post) if post.value != person.post.value => {
                    out.push(
                        Diagnostic::new(
                            &rules::REVIEW_WRONG_POST,
                            format!(
                                "{} is scored as `{}` but holds post `{}`",
                                person.name, post.value, person.post.value
                            ),
                            post.span,
                        )
                        .related(person.post.span, "their post on the roster"),
                    );
                    continue;
                }
                _ => &person.post.value,
            };
            let Some(plan) = plan else { continue };
            let Some(card) = plan.value.scorecards.iter().find(|c| &c.post.value == post) else {
                out.push(
                    Diagnostic::new(
                        &rules::REVIEW_NO_SCORECARD,
                        format!(
                            "{} is scored, but the plan has no scorecard for post `{post}`",
                            person.name
                        ),
                        score.person.span,
                    )
                    .related(plan.value.period.span, "the reviewed plan"),
                );
                continue;
            };
            for component in score.components.keys() {
                if !card.components.iter().any(|c| c.id.value == component.value) {
                    let known = card.components.iter().map(|c| c.id.value.as_str());
                    let diag = super::roster::unknown(
                        &rules::REVIEW_UNKNOWN_COMPONENT,
                        "component",
                        component.value.as_str(),
                        component.span,
                        known,
                    );
                    out.push(diag.related(card.post.span, format!("the scorecard for `{post}`")));
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
                    format!("task `{}` has no status yet", status.task.value),
                    status.task.span,
                )
                .help("set `status:` to not-started, in-progress, done, blocked or dropped"),
            );
        }
        for score in &r.scores {
            let empty: Vec<&str> = score
                .components
                .iter()
                .filter(|(_, v)| v.is_none())
                .map(|(k, _)| k.value.as_str())
                .collect();
            if !empty.is_empty() {
                out.push(
                    Diagnostic::new(
                        &rules::REVIEW_MISSING_VALUE,
                        format!(
                            "`{}` is not scored yet on {}",
                            score.person.value,
                            empty.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", ")
                        ),
                        score.person.span,
                    )
                    .help("give each component 0 to 100 points"),
                );
            }
        }
        for spend in r.spend.iter().filter(|s| s.actual.is_none()) {
            out.push(
                Diagnostic::new(
                    &rules::REVIEW_MISSING_VALUE,
                    format!("spend on line `{}` is not filled in yet", spend.line.value),
                    spend.line.span,
                )
                .help("write the amount actually spent in `actual:`"),
            );
        }
    }
}
