//! Rules that span documents: units and KPIs against planbook.yaml, budgets against rosters,
//! plans against budgets, reviews against plans.

use std::collections::HashMap;

use crate::diag::suggest;
use crate::diag::{Diagnostic, rules};
use crate::index::{Index, is_active};
use crate::model::Content;
use crate::model::ids::UnitId;
use crate::model::period::Period;
use crate::source::{Span, Spanned};

/// `document.unknown-unit`: every document's `unit` is in planbook.yaml.
pub fn check_units(ix: &Index, out: &mut Vec<Diagnostic>) {
    for doc in &ix.ws.documents {
        let unit: &Spanned<UnitId> = match &doc.content {
            Content::Roster(r) => &r.unit,
            Content::Budget(b) => &b.unit,
            Content::Plan(p, _) => &p.unit,
            Content::Review(r, _) => &r.unit,
            Content::Page(..) => continue,
        };
        if ix.units.contains_key(unit.value.as_str()) {
            continue;
        }
        let diag = Diagnostic::new(
            &rules::DOCUMENT_UNKNOWN_UNIT,
            format!("unknown unit `{}`", unit.value),
            unit.span,
        );
        let hint = suggest::hint(unit.value.as_str(), ix.units.keys().copied(), None);
        out.push(
            diag.help(
                hint.unwrap_or_else(|| "add the unit under `units:` in planbook.yaml".into()),
            ),
        );
    }
}

/// `document.unknown-kpi`: targets, actuals and scorecard components name catalogue KPIs.
pub fn check_kpis(ix: &Index, out: &mut Vec<Diagnostic>) {
    let mut check = |kpi: &Spanned<crate::model::ids::KpiId>| {
        if !ix.kpis.contains_key(kpi.value.as_str()) {
            let diag = Diagnostic::new(
                &rules::DOCUMENT_UNKNOWN_KPI,
                format!("unknown KPI `{}`", kpi.value),
                kpi.span,
            );
            let hint = suggest::hint(kpi.value.as_str(), ix.kpis.keys().copied(), None);
            out.push(
                diag.help(hint.unwrap_or_else(|| "add it to `kpis:` in planbook.yaml".into())),
            );
        }
    };
    for (plan, _) in &ix.plans {
        plan.value.targets.iter().for_each(|t| check(&t.kpi));
        plan.value
            .scorecards
            .iter()
            .flat_map(|s| &s.components)
            .filter_map(|c| c.kpi.as_ref())
            .for_each(&mut check);
    }
    for (review, _) in &ix.reviews {
        review.value.actuals.iter().for_each(|a| check(&a.kpi));
    }
}

/// `document.duplicate`: one roster per unit; one budget, plan and review per unit and period.
pub fn check_duplicates(ix: &Index, out: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<(&str, &str, Option<Period>), Span> = HashMap::new();
    for doc in &ix.ws.documents {
        let (kind, unit, period) = match &doc.content {
            Content::Roster(r) => ("roster", &r.unit, None),
            Content::Budget(b) => ("budget", &b.unit, Some(&b.period)),
            Content::Plan(p, _) => ("plan", &p.unit, Some(&p.period)),
            Content::Review(r, _) => ("review", &r.unit, Some(&r.period)),
            Content::Page(..) => continue,
        };
        let span = period.map_or(unit.span, |p| p.span);
        if let Some(first) = seen.insert((kind, unit.value.as_str(), period.map(|p| p.value)), span)
        {
            let when = period.map(|p| format!(" for {}", p.value)).unwrap_or_default();
            out.push(
                Diagnostic::new(
                    &rules::DOCUMENT_DUPLICATE,
                    format!("a second {kind} of unit `{}`{when}", unit.value),
                    span,
                )
                .related(first, format!("the first {kind}"))
                .help("merge the two documents, or correct the unit or period"),
            );
            seen.insert((kind, unit.value.as_str(), period.map(|p| p.value)), first);
        }
    }
}

/// `roster.unknown-post` for budget items and `budget.headcount`: an item linked to a post
/// counts as many people as the post's establishment or its headcount.
pub fn check_budget_posts(ix: &Index, out: &mut Vec<Diagnostic>) {
    for budget in &ix.budgets {
        let unit = budget.value.unit.value.as_str();
        for line in &budget.value.lines {
            for item in &line.breakdown {
                let Some(post_id) = &item.post else { continue };
                let rosters = ix.rosters_of(unit);
                let Some((roster, post)) = rosters.iter().find_map(|r| {
                    r.value.posts.iter().find(|p| p.id.value == post_id.value).map(|p| (r, p))
                }) else {
                    if !rosters.is_empty() {
                        let known = rosters
                            .iter()
                            .flat_map(|r| r.value.posts.iter().map(|p| p.id.value.as_str()));
                        out.push(super::roster::unknown(
                            &rules::ROSTER_UNKNOWN_POST,
                            crate::i18n::msg!("noun-post"),
                            post_id.value.as_str(),
                            post_id.span,
                            known,
                        ));
                    }
                    continue;
                };
                let Some(quantity) = &item.quantity else { continue };
                let as_of = roster.value.as_of.as_ref().map(|d| d.value);
                let headcount = roster
                    .value
                    .people
                    .iter()
                    .filter(|p| p.post.value == post.id.value && is_active(p, as_of))
                    .count();
                let establishment = post.establishment.value;
                let q = quantity.value.0;
                if q == establishment.into() || q == (headcount as u64).into() {
                    continue;
                }
                out.push(
                    Diagnostic::new(
                        &rules::BUDGET_HEADCOUNT,
                        format!(
                            "item `{}` of line `{}` counts {} for post `{}`, which has an \
                             establishment of {establishment} and {}",
                            item.name,
                            line.id.value,
                            q,
                            post.id.value,
                            crate::diag::count(headcount, "person", "people")
                        ),
                        quantity.span,
                    )
                    .related(
                        post.establishment.span,
                        format!("{} is authorised {establishment}", post.title),
                    )
                    .help(if u64::from(establishment) == headcount as u64 {
                        format!("use {establishment}")
                    } else {
                        format!(
                            "use {establishment} (the establishment) or {headcount} (the people \
                             now in the post)"
                        )
                    }),
                );
            }
        }
    }
}

/// `plan.budget-missing` and `plan.budget-mismatch`.
pub fn check_plan_budgets(ix: &Index, out: &mut Vec<Diagnostic>) {
    for (plan, _) in &ix.plans {
        let Some(link) = &plan.value.budget else { continue };
        let Some(doc) = ix.linked(plan.doc, link) else {
            let target = crate::index::resolve_link(&plan.doc.meta.path, link);
            out.push(
                Diagnostic::new(
                    &rules::PLAN_BUDGET_MISSING,
                    format!("linked budget `{}` does not exist", link.value),
                    link.span,
                )
                .note(format!("looked for `{}`", target.display()))
                .help("the path is relative to this plan's file"),
            );
            continue;
        };
        let Content::Budget(budget) = &doc.content else {
            out.push(Diagnostic::new(
                &rules::PLAN_BUDGET_MISSING,
                format!("`{}` is a {}, not a budget", link.value, doc.content.kind().name()),
                link.span,
            ));
            continue;
        };
        if budget.unit.value != plan.value.unit.value
            || budget.period.value != plan.value.period.value
        {
            out.push(
                Diagnostic::new(
                    &rules::PLAN_BUDGET_MISMATCH,
                    format!(
                        "plan of `{}` for {} links the budget of `{}` for {}",
                        plan.value.unit.value,
                        plan.value.period.value,
                        budget.unit.value,
                        budget.period.value
                    ),
                    link.span,
                )
                .related(budget.period.span, "the budget's period"),
            );
        }
    }
}

/// `review.no-plan` and `review.plan-mismatch`.
pub fn check_review_plans(ix: &Index, out: &mut Vec<Diagnostic>) {
    for (review, _) in &ix.reviews {
        let r = review.value;
        match ix.plan_of_review(*review) {
            None => {
                let (span, why, help) = match &r.plan {
                    Some(link) => match ix.linked(review.doc, link) {
                        Some(doc) => (
                            link.span,
                            format!(
                                "`{}` is a {}, not a plan",
                                link.value,
                                doc.content.kind().name()
                            ),
                            "link the plan document itself".to_string(),
                        ),
                        None => {
                            let target = crate::index::resolve_link(&review.doc.meta.path, link);
                            (
                                link.span,
                                format!("linked plan `{}` does not exist", link.value),
                                format!(
                                    "looked for `{}`; the path is relative to this review's file",
                                    target.display()
                                ),
                            )
                        }
                    },
                    None => (
                        r.period.span,
                        format!("no plan of `{}` covers {}", r.unit.value, r.period.value),
                        "write the plan, or link it with `plan:` (a path relative to this file)"
                            .to_string(),
                    ),
                };
                out.push(Diagnostic::new(&rules::REVIEW_NO_PLAN, why, span).help(help));
            }
            Some(plan)
                if plan.value.unit.value != r.unit.value
                    || plan.value.period.value != r.period.value =>
            {
                let span = r.plan.as_ref().map_or(r.period.span, |l| l.span);
                out.push(
                    Diagnostic::new(
                        &rules::REVIEW_PLAN_MISMATCH,
                        format!(
                            "review of `{}` for {} links the plan of `{}` for {}",
                            r.unit.value,
                            r.period.value,
                            plan.value.unit.value,
                            plan.value.period.value
                        ),
                        span,
                    )
                    .related(plan.value.period.span, "the plan's period"),
                );
            }
            Some(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use crate::i18n::Msg;
    use crate::validate::tests::{budget, plan, report, review, roster, run};

    fn files<'a>(list: &'a [(&'a str, String)]) -> Vec<(&'a str, &'a str)> {
        list.iter().map(|(p, t)| (*p, t.as_str())).collect()
    }

    #[test]
    fn unknown_units_get_a_suggestion_or_a_hint() {
        let found = run(
            check_units,
            &[
                ("a.yaml", &budget("").replace("henan", "henna")),
                ("b.yaml", &budget("").replace("henan", "beijing")),
                ("c.md", "# 备忘\n"),
            ],
        );
        let helps: Vec<_> = found
            .iter()
            .map(|d| (&*d.message.en().leak(), d.help.as_ref().map(|m| &*m.en().leak())))
            .collect();
        assert_eq!(
            helps,
            [
                ("unknown unit `henna`", Some("did you mean `henan`?")),
                ("unknown unit `beijing`", Some("add the unit under `units:` in planbook.yaml")),
            ]
        );
    }

    #[test]
    fn kpis_of_targets_components_and_actuals_are_in_the_catalogue() {
        let list = [
            (
                "p.md",
                plan(
                    "targets:\n  - { kpi: unit, target: 1 }\nscorecards:\n  - post: rep
    components:
      - { id: a, name: 甲, weight: 100, kpi: profit }\n",
                ),
            ),
            (
                "v.md",
                review(
                    "actuals:\n  - { kpi: units, actual: 1 }
  - { kpi: margin, actual: 1 }\n",
                ),
            ),
        ];
        assert_eq!(
            report(check_kpis, &files(&list)),
            [
                "document.unknown-kpi: unknown KPI `unit`",
                "document.unknown-kpi: unknown KPI `profit`",
                "document.unknown-kpi: unknown KPI `margin`",
            ]
        );
    }

    #[test]
    fn one_document_of_a_kind_per_unit_and_period() {
        let list = [
            ("a.yaml", budget("")),
            ("b.yaml", budget("")),
            ("c.yaml", budget("").replace("2026-12", "2026-11")),
            ("p.md", plan("")),
            ("r1.yaml", roster("")),
            ("r2.yaml", roster("")),
        ];
        assert_eq!(
            report(check_duplicates, &files(&list)),
            [
                "document.duplicate: a second budget of unit `henan` for 2026-12",
                "document.duplicate: a second roster of unit `henan`",
            ]
        );
    }

    #[test]
    fn budget_items_count_the_establishment_or_the_people_in_the_post() {
        let people = "posts:\n  - { id: rep, title: 业务员, establishment: 3 }
  - { id: gm, title: 总经理, establishment: 1 }
people:\n  - { id: p1, name: 甲, post: rep }\n  - { id: p2, name: 乙, post: rep }
  - { id: p3, name: 丙, post: gm }\n";
        let lines = "lines:\n  - id: s\n    name: 工资\n    breakdown:
      - { name: est, quantity: 3, unit_price: 1, post: rep }
      - { name: now, quantity: 2, unit_price: 1, post: rep }
      - { name: odd, quantity: 1, unit_price: 1, post: rep }
      - { name: boss, quantity: 2, unit_price: 1, post: gm }
      - { name: fixed, amount: 1, post: rep }
      - { name: typo, quantity: 1, unit_price: 1, post: rpe }\n";
        let list = [("r.yaml", roster(people)), ("b.yaml", budget(lines))];
        let found = run(check_budget_posts, &files(&list));
        let got: Vec<_> = found
            .iter()
            .map(|d| (&*d.message.en().leak(), d.help.as_ref().map(|m| &*m.en().leak())))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "item `odd` of line `s` counts 1 for post `rep`, which has an establishment \
                     of 3 \
                     and 2 people",
                    Some("use 3 (the establishment) or 2 (the people now in the post)")
                ),
                (
                    "item `boss` of line `s` counts 2 for post `gm`, which has an establishment \
                     of 1 \
                     and 1 person",
                    Some("use 1")
                ),
                ("unknown post `rpe`", Some("did you mean `rep`?")),
            ]
        );
        let alone = [("b.yaml", budget(lines))];
        assert!(
            report(check_budget_posts, &files(&alone)).is_empty(),
            "no roster, nothing to check"
        );
    }

    #[test]
    fn a_plan_links_an_existing_budget_of_its_unit_and_period() {
        let link = |to: &str| plan(&format!("budget: {to}\n"));
        let list = [
            ("p/a.md", link("../nowhere.yaml")),
            ("p/b.md", link("a.md")),
            ("p/c.md", link("../b.yaml")),
            ("b.yaml", budget("").replace("2026-12", "2026-11")),
        ];
        let found = run(check_plan_budgets, &files(&list));
        let lines: Vec<_> = found
            .iter()
            .map(|d| {
                (
                    d.rule.id,
                    &*d.message.en().leak(),
                    d.primary.note.as_ref().map(|m| &*m.en().leak()),
                )
            })
            .collect();
        assert_eq!(
            lines,
            [
                (
                    "plan.budget-missing",
                    "linked budget `../nowhere.yaml` does not exist",
                    Some("looked for `nowhere.yaml`")
                ),
                ("plan.budget-missing", "`a.md` is a plan, not a budget", None),
                (
                    "plan.budget-mismatch",
                    "plan of `henan` for 2026-12 links the budget of `henan` for 2026-11",
                    None
                ),
            ]
        );
    }

    #[test]
    fn a_review_has_a_plan_of_its_unit_and_period() {
        let linked = |to: &str| review(&format!("plan: {to}\n"));
        let list = [("v.md", review(""))];
        assert_eq!(
            report(check_review_plans, &files(&list)),
            ["review.no-plan: no plan of `henan` covers 2026-12"]
        );
        let list = [("v.md", linked("nowhere.md"))];
        assert_eq!(
            report(check_review_plans, &files(&list)),
            ["review.no-plan: linked plan `nowhere.md` does not exist"]
        );
        let list = [("v.md", linked("b.yaml")), ("b.yaml", budget(""))];
        assert_eq!(
            report(check_review_plans, &files(&list)),
            ["review.no-plan: `b.yaml` is a budget, not a plan"]
        );
        let list = [("v.md", linked("p.md")), ("p.md", plan("").replace("2026-12", "2026-11"))];
        assert_eq!(
            report(check_review_plans, &files(&list)),
            ["review.plan-mismatch: review of `henan` for 2026-12 links the plan of `henan` \
                 for 2026-11"]
        );
        let other_unit = plan("").replace("unit: henan", "unit: zhengzhou");
        let list = [("v.md", review("")), ("p.md", plan("")), ("z.md", other_unit)];
        assert!(report(check_review_plans, &files(&list)).is_empty());
    }
}
