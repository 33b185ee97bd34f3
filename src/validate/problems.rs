//! Rules about the links managers use in plans: problems and the measures and tasks that
//! answer them, work areas that group tasks and measures, and targets that contribute to a
//! longer period's target (a month's profit toward the year's).

use std::collections::HashMap;

use crate::diag::{Diagnostic, rules};
use crate::i18n::{Arg, Msg, msg};
use crate::index::{Doc, Index};
use crate::model::plan::{ProblemStatus, Target};
use crate::model::{Kind, Plan};
use crate::source::{Span, Spanned};

/// `plan.duplicate-id`: two problems, two measures or two areas of a plan share an id.
pub fn check_ids(ix: &Index, out: &mut Vec<Diagnostic>) {
    for (plan, _) in &ix.plans {
        let p = plan.value;
        let problems = p.problems.iter().filter_map(|x| x.id.as_ref()).map(spanned_str);
        duplicates(problems, msg!("noun-problem"), out);
        duplicates(p.measures.iter().map(|m| spanned_str(&m.id)), msg!("noun-measure"), out);
        duplicates(p.areas.iter().map(|a| spanned_str(&a.id)), msg!("noun-area"), out);
    }
}

fn spanned_str<T: std::borrow::Borrow<str>>(s: &Spanned<T>) -> (&str, Span) {
    (s.value.borrow(), s.span)
}

fn duplicates<'a>(
    ids: impl Iterator<Item = (&'a str, Span)>,
    what: Msg,
    out: &mut Vec<Diagnostic>,
) {
    let mut seen: HashMap<&str, Span> = HashMap::new();
    for (id, span) in ids {
        if let Some(first) = seen.get(id) {
            out.push(
                Diagnostic::new(
                    &rules::PLAN_DUPLICATE_ID,
                    msg!("problems-duplicate-id", what = what.clone(), id = id),
                    span,
                )
                .related(*first, msg!("problems-first-here"))
                .help(msg!("problems-duplicate-id-help")),
            );
        } else {
            seen.insert(id, span);
        }
    }
}

/// `plan.unknown-problem` and `plan.problem-unanswered`: every answer names a problem of the
/// plan, and every open problem with an id is answered by a measure or a task.
pub fn check_answers(ix: &Index, out: &mut Vec<Diagnostic>) {
    for (plan, _) in &ix.plans {
        let p = plan.value;
        let known: Vec<&str> =
            p.problems.iter().filter_map(|x| x.id.as_ref()).map(|i| i.value.as_str()).collect();
        let answers = p.measures.iter().flat_map(|m| &m.answers);
        let answers: Vec<&Spanned<_>> =
            answers.chain(p.tasks.iter().flat_map(|t| &t.answers)).collect();
        for answer in &answers {
            let id = answer.value.as_str();
            if known.contains(&id) || ix.dropped_in(plan.doc, "problems", id) {
                continue;
            }
            let diag = super::roster::unknown(
                &rules::PLAN_UNKNOWN_PROBLEM,
                msg!("noun-problem"),
                id,
                answer.span,
                known.iter().copied(),
            );
            let diag = if diag.help.is_none() {
                diag.help(msg!("problems-unknown-problem-help"))
            } else {
                diag
            };
            out.push(diag);
        }
        let partial = partial(ix, plan.doc);
        for problem in &p.problems {
            let Some(id) = &problem.id else { continue };
            if partial {
                break;
            }
            if problem.status != ProblemStatus::Open
                || answers.iter().any(|a| a.value.as_str() == id.value.as_str())
            {
                continue;
            }
            out.push(
                Diagnostic::new(
                    &rules::PLAN_PROBLEM_UNANSWERED,
                    msg!("problems-unanswered", id = id.value.as_str(), title = &problem.title),
                    id.span,
                )
                .help(msg!("problems-unanswered-help", id = id.value.as_str())),
            );
        }
    }
}

/// `plan.unknown-area` and `plan.empty-area`: tasks and measures name areas of the plan, and
/// every area has a task or a measure.
pub fn check_areas(ix: &Index, out: &mut Vec<Diagnostic>) {
    for (plan, _) in &ix.plans {
        let p = plan.value;
        let known: Vec<&str> = p.areas.iter().map(|a| a.id.value.as_str()).collect();
        let named: Vec<&Spanned<_>> = p
            .tasks
            .iter()
            .filter_map(|t| t.area.as_ref())
            .chain(p.measures.iter().filter_map(|m| m.area.as_ref()))
            .collect();
        for area in &named {
            let id = area.value.as_str();
            if known.contains(&id) || ix.dropped_in(plan.doc, "areas", id) {
                continue;
            }
            let diag = super::roster::unknown(
                &rules::PLAN_UNKNOWN_AREA,
                msg!("noun-area"),
                id,
                area.span,
                known.iter().copied(),
            );
            out.push(if diag.help.is_none() {
                diag.help(msg!("problems-unknown-area-help"))
            } else {
                diag
            });
        }
        let partial = partial(ix, plan.doc);
        for area in &p.areas {
            let id = area.id.value.as_str();
            if partial || named.iter().any(|n| n.value.as_str() == id) {
                continue;
            }
            out.push(
                Diagnostic::new(
                    &rules::PLAN_EMPTY_AREA,
                    msg!("problems-empty-area", id = id, name = &area.name),
                    area.id.span,
                )
                .help(msg!("problems-empty-area-help", id = id)),
            );
        }
    }
}

/// Whether `doc` did not load whole: a measure or task left out for an error of its own, or
/// kept without a misspelt `answers` or `area`, may be what answers a problem or fills an
/// area, so absences are not reported (the error is the message).
fn partial(ix: &Index, doc: &crate::model::Document) -> bool {
    ix.ws.broken.iter().any(|b| b.file == doc.meta.file)
}

/// `plan.contribution-outside` and `plan.unknown-annual-target`: a target's `contributes_to`
/// names a longer period containing the plan's, whose plan (same unit) has a target for the
/// same KPI, scope, post and region.
pub fn check_contributions(ix: &Index, out: &mut Vec<Diagnostic>) {
    for (plan, _) in &ix.plans {
        for target in &plan.value.targets {
            if let Some(to) = &target.contributes_to {
                check_contribution(ix, *plan, target, to, out);
            }
        }
    }
}

fn check_contribution(
    ix: &Index,
    plan: Doc<'_, Plan>,
    target: &Target,
    to: &Spanned<crate::model::period::Period>,
    out: &mut Vec<Diagnostic>,
) {
    let p = plan.value;
    let (own, longer) = (p.period.value, to.value);
    if !own.within(longer) || own == longer {
        let message = if own == longer {
            msg!("problems-contribution-same", period = own.to_string())
        } else {
            let (period, longer) = (own.to_string(), longer.to_string());
            msg!("problems-contribution-outside", period = period, longer = longer)
        };
        out.push(
            Diagnostic::new(&rules::PLAN_CONTRIBUTION_OUTSIDE, message, to.span)
                .related(p.period.span, msg!("problems-plan-period"))
                .help(msg!("problems-contribution-outside-help", period = own.to_string())),
        );
        return;
    }
    let unit = p.unit.value.as_str();
    let Some(annual) = ix.plan(unit, longer) else {
        if let Some(broken) = ix.broken_doc(Kind::Plan, unit, longer) {
            ix.not_checked(broken, plan.doc, to.span);
            return;
        }
        out.push(
            Diagnostic::new(
                &rules::PLAN_UNKNOWN_ANNUAL_TARGET,
                msg!("problems-no-longer-plan", unit = unit, longer = longer.to_string()),
                to.span,
            )
            .help(msg!("problems-no-longer-plan-help", longer = longer.to_string())),
        );
        return;
    };
    if annual.value.targets.iter().any(|t| t.same_key(target)) {
        return;
    }
    if ix.is_incomplete(annual.doc)
        && let Some(broken) = ix.ws.broken.iter().find(|b| b.file == annual.doc.meta.file)
    {
        ix.not_checked(broken, plan.doc, to.span);
        return;
    }
    let mut kpis: Vec<String> =
        annual.value.targets.iter().map(|t| t.kpi.value.as_str().to_string()).collect();
    kpis.dedup();
    let help = if kpis.is_empty() {
        msg!("problems-longer-plan-no-targets", longer = longer.to_string())
    } else {
        msg!(
            "problems-longer-plan-kpis",
            longer = longer.to_string(),
            kpis = Arg::List(kpis.iter().map(|k| format!("`{k}`")).collect())
        )
    };
    out.push(
        Diagnostic::new(
            &rules::PLAN_UNKNOWN_ANNUAL_TARGET,
            msg!(
                "problems-unknown-annual-target",
                kpi = target.kpi.value.as_str(),
                longer = longer.to_string()
            ),
            to.span,
        )
        .note(describe(target))
        .help(help),
    );
}

/// What a target is for besides its KPI: scope, post and region, as the note of a message.
fn describe(target: &Target) -> Msg {
    let or_dash = |s: Option<&str>| s.unwrap_or("—").to_string();
    msg!(
        "problems-target-key",
        scope = or_dash(target.scope.as_deref()),
        post = or_dash(target.per_post.as_ref().map(|p| p.value.as_str())),
        region = or_dash(target.region.as_ref().map(|r| r.value.as_str()))
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::tests::{assert_reads_chinese, chinese, plan, report, run};

    #[test]
    fn answers_name_problems_and_open_problems_are_answered() {
        let doc = plan(
            "problems:
  - { id: stock, title: 库存积压 }
  - { id: cash, title: 回款慢, status: resolved }
  - { title: 没有编号的问题 }
  - { id: people, title: 人员流失 }
measures:
  - { id: daily, name: 日清日结, answers: [stok] }
tasks:
  - { id: t1, name: 清库存, answers: [stock] }
",
        );
        let found = report(check_answers, &[("p.md", &doc)]);
        assert_eq!(
            found,
            [
                "plan.unknown-problem: unknown problem `stok`",
                "plan.problem-unanswered: open problem `people` (人员流失) is answered by no \
                 measure or task"
            ]
        );
        let diags = run(check_answers, &[("p.md", &doc)]);
        assert_eq!(diags[0].help.as_ref().map(Msg::en).as_deref(), Some("did you mean `stock`?"));
        for d in &diags {
            assert_reads_chinese(&chinese(d));
        }
    }

    #[test]
    fn areas_are_known_and_used_and_ids_unique() {
        let doc = plan(
            "areas:
  - { id: sales, name: 销售 }
  - { id: hr, name: 人事 }
  - { id: sales, name: 销售二 }
tasks:
  - { id: t1, name: 铺货, area: sale }
  - { id: t2, name: 培训, area: hr }
",
        );
        let found = report(check_areas, &[("p.md", &doc)]);
        assert_eq!(
            found,
            [
                "plan.unknown-area: unknown work area `sale`",
                "plan.empty-area: work area `sales` (销售) has no task or measure",
                "plan.empty-area: work area `sales` (销售二) has no task or measure",
            ]
        );
        let dups = report(check_ids, &[("p.md", &doc)]);
        assert_eq!(dups, ["plan.duplicate-id: work area id `sales` is used twice in this plan"]);
    }

    #[test]
    fn contributions_lie_within_and_name_a_target_of_the_longer_plan() {
        let year = "---\nkind: plan\nunit: henan\nperiod: 2027\ntitle: 年度计划\ntargets:
  - { kpi: gross-margin, target: 3500000 }\n---\n";
        let month = |period: &str, kpi: &str| {
            format!(
                "---\nkind: plan\nunit: henan\nperiod: {period}\ntitle: 月计划\ntargets:
  - {{ kpi: {kpi}, target: 300000, contributes_to: 2027 }}\n---\n"
            )
        };
        let good = month("2027-01", "gross-margin");
        assert!(report(check_contributions, &[("y.md", year), ("m.md", &good)]).is_empty());
        let outside = month("2026-12", "gross-margin");
        let found = report(check_contributions, &[("y.md", year), ("m.md", &outside)]);
        assert_eq!(
            found,
            ["plan.contribution-outside: the plan is for `2026-12`, which does not lie within \
              `2027`"]
        );
        let other = month("2027-02", "units");
        let diags = run(check_contributions, &[("y.md", year), ("m.md", &other)]);
        assert_eq!(diags.len(), 1);
        assert_eq!(
            diags[0].help.as_ref().map(Msg::en).as_deref(),
            Some("the plan for `2027` has targets for `gross-margin`")
        );
        assert_reads_chinese(&chinese(&diags[0]));
        let alone = report(check_contributions, &[("m.md", &good)]);
        assert_eq!(
            alone,
            ["plan.unknown-annual-target: `henan` has no plan for `2027` to contribute to"]
        );
    }
}
