//! Rules that span documents: units and KPIs against planbook.yaml, budgets against rosters,
//! plans against budgets, reviews against plans.

use std::collections::HashMap;

use crate::diag::suggest;
use crate::diag::{Diagnostic, rules};
use crate::i18n::{Arg, Msg, msg};
use crate::index::Index;
use crate::model::ids::{PostId, UnitId};
use crate::model::period::{Date, Period};
use crate::model::roster::{Person, Post};
use crate::model::{Content, Kind};
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
        let id = unit.value.as_str();
        if let Some(config) = ix.broken_config() {
            ix.not_checked(config, doc, unit.span);
            continue;
        }
        if ix.dropped(Kind::Config, "units", id) {
            continue; // the unit's own entry has errors, reported there
        }
        let diag = Diagnostic::new(
            &rules::DOCUMENT_UNKNOWN_UNIT,
            msg!("links-unknown-unit", id = id),
            unit.span,
        );
        let hint = suggest::hint(id, ix.units.keys().copied(), None);
        out.push(diag.help(hint.unwrap_or_else(|| msg!("links-unknown-unit-help"))));
    }
}

/// `document.unknown-kpi`: targets, actuals and scorecard components name catalogue KPIs.
pub fn check_kpis(ix: &Index, out: &mut Vec<Diagnostic>) {
    let mut check = |doc: &crate::model::Document, kpi: &Spanned<crate::model::ids::KpiId>| {
        if !ix.kpis.contains_key(kpi.value.as_str()) {
            let id = kpi.value.as_str();
            if let Some(config) = ix.broken_config() {
                ix.not_checked(config, doc, kpi.span);
                return;
            }
            if ix.dropped(Kind::Config, "kpis", id) {
                return; // the KPI's own entry has errors, reported there
            }
            let message = msg!("links-unknown-kpi", id = id);
            let diag = Diagnostic::new(&rules::DOCUMENT_UNKNOWN_KPI, message, kpi.span);
            let hint = suggest::hint(id, ix.kpis.keys().copied(), None);
            out.push(diag.help(hint.unwrap_or_else(|| msg!("links-unknown-kpi-help"))));
        }
    };
    for (plan, _) in &ix.plans {
        plan.value.targets.iter().for_each(|t| check(plan.doc, &t.kpi));
        plan.value
            .scorecards
            .iter()
            .flat_map(|s| &s.components)
            .filter_map(|c| c.kpi.as_ref())
            .for_each(|k| check(plan.doc, k));
    }
    for (review, _) in &ix.reviews {
        review.value.actuals.iter().for_each(|a| check(review.doc, &a.kpi));
    }
}

/// `document.duplicate`: one roster per unit; one budget, plan and review per unit and period.
pub fn check_duplicates(ix: &Index, out: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<(&str, &str, Option<Period>), Span> = HashMap::new();
    for doc in &ix.ws.documents {
        let (unit, period) = match &doc.content {
            Content::Roster(r) => (&r.unit, None),
            Content::Budget(b) => (&b.unit, Some(&b.period)),
            Content::Plan(p, _) => (&p.unit, Some(&p.period)),
            Content::Review(r, _) => (&r.unit, Some(&r.period)),
            Content::Page(..) => continue,
        };
        let kind = doc.content.kind().name();
        let span = period.map_or(unit.span, |p| p.span);
        if let Some(first) = seen.insert((kind, unit.value.as_str(), period.map(|p| p.value)), span)
        {
            let noun = kind_noun(doc.content.kind());
            let unit_id = unit.value.as_str();
            let message = match period {
                Some(p) => msg!(
                    "links-duplicate-period",
                    kind = noun.clone(),
                    unit = unit_id,
                    period = p.value.to_string()
                ),
                None => msg!("links-duplicate", kind = noun.clone(), unit = unit_id),
            };
            out.push(
                Diagnostic::new(&rules::DOCUMENT_DUPLICATE, message, span)
                    .related(first, msg!("links-duplicate-first", kind = noun))
                    .help(msg!("links-duplicate-help")),
            );
            seen.insert((kind, unit.value.as_str(), period.map(|p| p.value)), first);
        }
    }
}

/// A kind of document as a noun: "budget", "预算".
fn kind_noun(kind: Kind) -> Msg {
    match kind {
        Kind::Config => msg!("links-kind-config"),
        Kind::Roster => msg!("links-kind-roster"),
        Kind::Budget => msg!("links-kind-budget"),
        Kind::Plan => msg!("links-kind-plan"),
        Kind::Review => msg!("links-kind-review"),
        Kind::Page => msg!("links-kind-page"),
    }
}

/// `roster.unknown-post` for budget items and `budget.headcount`: an item linked to a post
/// (`post`) or to several (`posts`, `行政900×3`) counts as many people as their
/// establishments or their headcounts add up to, on the last day of the budget's period.
///
/// An item that gives both `post` and `posts` counts the posts of both, each once: the sum
/// still has to match, so a post written in the wrong place shows there.
pub fn check_budget_posts(ix: &Index, out: &mut Vec<Diagnostic>) {
    for budget in &ix.budgets {
        let unit = budget.value.unit.value.as_str();
        let as_of = budget.value.period.value.as_of();
        let rosters = ix.rosters_of(unit);
        for line in &budget.value.lines {
            for item in &line.breakdown {
                let mut found = Vec::new();
                let mut unknown = false;
                for post_id in item_posts(item) {
                    let hit = rosters.iter().find_map(|r| {
                        r.value.posts.iter().find(|p| p.id.value == post_id.value).map(|p| (r, p))
                    });
                    match hit {
                        Some(hit) => found.push(hit),
                        None => {
                            unknown = true;
                            unknown_post(ix, budget, &rosters, post_id, out);
                        }
                    }
                }
                let Some(quantity) = &item.quantity else { continue };
                if unknown || found.is_empty() || found.iter().any(|(r, _)| ix.is_incomplete(r.doc))
                {
                    continue; // people or posts left out: the headcount is not known
                }
                let counts = Counts::on(&found, as_of);
                let q = quantity.value.0;
                if q == counts.establishment.into() || q == counts.people.into() {
                    continue;
                }
                out.push(headcount(item, line, &found, &counts, quantity.span));
            }
        }
    }
}

/// The posts an item counts: `post`, then `posts`, each once.
fn item_posts(item: &crate::model::budget::Item) -> Vec<&Spanned<PostId>> {
    let mut posts: Vec<&Spanned<PostId>> = Vec::new();
    for post in item.post.iter().chain(&item.posts) {
        if !posts.iter().any(|p| p.value == post.value) {
            posts.push(post);
        }
    }
    posts
}

/// `roster.unknown-post` for a budget item's post, unless the roster that may hold it did not
/// load or left it out.
fn unknown_post(
    ix: &Index,
    budget: &crate::index::Doc<'_, crate::model::Budget>,
    rosters: &[crate::index::Doc<'_, crate::model::Roster>],
    post_id: &Spanned<PostId>,
    out: &mut Vec<Diagnostic>,
) {
    let unit = budget.value.unit.value.as_str();
    if let Some(gap) = ix.roster_gap(unit) {
        ix.not_checked(gap, budget.doc, post_id.span);
    } else if !rosters.is_empty() && !ix.dropped(Kind::Roster, "posts", post_id.value.as_str()) {
        let known = rosters.iter().flat_map(|r| r.value.posts.iter().map(|p| p.id.value.as_str()));
        out.push(super::roster::unknown(
            &rules::ROSTER_UNKNOWN_POST,
            msg!("noun-post"),
            post_id.value.as_str(),
            post_id.span,
            known,
        ));
    }
}

/// The establishment and the people of a budget item's posts on one day.
struct Counts {
    day: Date,
    establishment: u64,
    people: u64,
}

type Found<'a> = (&'a crate::index::Doc<'a, crate::model::Roster>, &'a Post);

impl Counts {
    /// Summed over `posts`, each with its roster, on `day`: people on staff that day whose
    /// post that day is one of them.
    fn on(posts: &[Found<'_>], day: Date) -> Counts {
        let establishment = posts.iter().map(|(_, p)| u64::from(p.establishment_on(day))).sum();
        let people = posts
            .iter()
            .map(|(r, post)| {
                let holds =
                    |p: &&Person| p.employed_on(day) && p.on(day).post.value == post.id.value;
                r.value.people.iter().filter(holds).count() as u64
            })
            .sum();
        Counts { day, establishment, people }
    }
}

/// The `budget.headcount` diagnostic: the one-post wording for one post, else the posts named.
fn headcount(
    item: &crate::model::budget::Item,
    line: &crate::model::budget::Line,
    found: &[Found<'_>],
    counts: &Counts,
    span: Span,
) -> Diagnostic {
    let (establishment, people) = (counts.establishment, counts.people);
    let (item_name, line_id) = (&item.name, line.id.value.as_str());
    let quantity = item.quantity.as_ref().map_or(String::new(), |q| q.value.0.to_string());
    let day = counts.day.to_string();
    let (message, help) = match found {
        [(_, post)] => (
            msg!(
                "links-headcount",
                item = item_name,
                line = line_id,
                quantity = quantity,
                post = post.id.value.as_str(),
                establishment = establishment,
                people = people
            ),
            if establishment == people {
                msg!("links-headcount-use", establishment = establishment)
            } else {
                msg!("links-headcount-use-either", establishment = establishment, people = people)
            },
        ),
        _ => {
            let ids = found.iter().map(|(_, p)| format!("`{}`", p.id.value.as_str())).collect();
            (
                msg!(
                    "org-headcount",
                    item = item_name,
                    line = line_id,
                    quantity = quantity,
                    posts = Arg::List(ids),
                    establishment = establishment,
                    people = people,
                    day = &day
                ),
                if establishment == people {
                    msg!("org-headcount-use", establishment = establishment)
                } else {
                    msg!(
                        "org-headcount-use-either",
                        establishment = establishment,
                        people = people,
                        day = day
                    )
                },
            )
        }
    };
    let mut diag = Diagnostic::new(&rules::BUDGET_HEADCOUNT, message, span);
    for (_, post) in found {
        let authorised = msg!(
            "links-authorised",
            title = &post.title,
            establishment = post.establishment_on(counts.day)
        );
        diag = diag.related(post.establishment_span_on(counts.day), authorised);
    }
    diag.help(help)
}

/// Every file the load read, documents or not: a link to one that did not become a document
/// points at a file with errors of its own, not at a missing one.
fn read_files<'a>(ix: &Index<'a>) -> std::collections::HashSet<&'a std::path::Path> {
    ix.ws.sources.files().map(|(_, f)| f.path.as_path()).collect()
}

/// `plan.budget-missing` and `plan.budget-mismatch`.
pub fn check_plan_budgets(ix: &Index, out: &mut Vec<Diagnostic>) {
    let read = read_files(ix);
    for (plan, _) in &ix.plans {
        let Some(link) = &plan.value.budget else { continue };
        let Some(doc) = ix.linked(plan.doc, link) else {
            let target = crate::index::resolve_link(&plan.doc.meta.path, link);
            if let Some(broken) = ix.broken_link(plan.doc, link) {
                ix.not_checked(broken, plan.doc, link.span);
                continue;
            }
            if read.contains(target.as_path()) {
                continue; // it exists but has errors of its own, reported there
            }
            out.push(
                Diagnostic::new(
                    &rules::PLAN_BUDGET_MISSING,
                    msg!("links-budget-missing", link = link.value.as_str()),
                    link.span,
                )
                .note(msg!("links-looked-for", path = target.display().to_string()))
                .help(msg!("links-budget-missing-help")),
            );
            continue;
        };
        let Content::Budget(budget) = &doc.content else {
            let kind = kind_noun(doc.content.kind());
            let message = msg!("links-not-a-budget", link = link.value.as_str(), kind = kind);
            out.push(Diagnostic::new(&rules::PLAN_BUDGET_MISSING, message, link.span));
            continue;
        };
        if budget.unit.value != plan.value.unit.value
            || budget.period.value != plan.value.period.value
        {
            out.push(
                Diagnostic::new(
                    &rules::PLAN_BUDGET_MISMATCH,
                    msg!(
                        "links-budget-mismatch",
                        unit = plan.value.unit.value.as_str(),
                        period = plan.value.period.value.to_string(),
                        budget_unit = budget.unit.value.as_str(),
                        budget_period = budget.period.value.to_string()
                    ),
                    link.span,
                )
                .related(budget.period.span, msg!("links-budget-period")),
            );
        }
    }
}

/// `review.no-plan` and `review.plan-mismatch`.
pub fn check_review_plans(ix: &Index, out: &mut Vec<Diagnostic>) {
    let read = read_files(ix);
    for (review, _) in &ix.reviews {
        let r = review.value;
        match ix.plan_of_review(*review) {
            None => {
                let (span, why, help) = match &r.plan {
                    Some(link) => match ix.linked(review.doc, link) {
                        Some(doc) => (
                            link.span,
                            msg!(
                                "links-not-a-plan",
                                link = link.value.as_str(),
                                kind = kind_noun(doc.content.kind())
                            ),
                            msg!("links-not-a-plan-help"),
                        ),
                        None => {
                            let target = crate::index::resolve_link(&review.doc.meta.path, link);
                            if let Some(broken) = ix.broken_link(review.doc, link) {
                                ix.not_checked(broken, review.doc, link.span);
                                continue;
                            }
                            if read.contains(target.as_path()) {
                                continue; // it exists but has errors of its own
                            }
                            (
                                link.span,
                                msg!("links-plan-missing", link = link.value.as_str()),
                                msg!(
                                    "links-plan-missing-help",
                                    path = target.display().to_string()
                                ),
                            )
                        }
                    },
                    None => {
                        let period = r.period.value;
                        if let Some(broken) = ix.broken_doc(Kind::Plan, &r.unit.value.0, period) {
                            ix.not_checked(broken, review.doc, r.period.span);
                            continue;
                        }
                        (
                            r.period.span,
                            msg!(
                                "links-no-plan",
                                unit = r.unit.value.as_str(),
                                period = r.period.value.to_string()
                            ),
                            msg!("links-no-plan-help"),
                        )
                    }
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
                        msg!(
                            "links-plan-mismatch",
                            unit = r.unit.value.as_str(),
                            period = r.period.value.to_string(),
                            plan_unit = plan.value.unit.value.as_str(),
                            plan_period = plan.value.period.value.to_string()
                        ),
                        span,
                    )
                    .related(plan.value.period.span, msg!("links-plan-period")),
                );
            }
            Some(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::tests::{budget, english, help, note, owned, plan, report, review};
    use crate::validate::tests::{chinese, roster, run};

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
        let unit = "document.unknown-unit";
        assert_eq!(
            english(&found, help),
            owned(&[
                (unit, "unknown unit `henna`", Some("did you mean `henan`?")),
                (
                    unit,
                    "unknown unit `beijing`",
                    Some("add the unit under `units:` in planbook.yaml")
                ),
            ])
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
        let headcount = "budget.headcount";
        assert_eq!(
            english(&found, help),
            owned(&[
                (
                    headcount,
                    "item `odd` of line `s` counts 1 for post `rep`, which has an establishment \
                     of 3 and 2 people",
                    Some(
                        "use 3 (the establishment) or 2 (the people in the post at the end of \
                         the budget's period)"
                    )
                ),
                (
                    headcount,
                    "item `boss` of line `s` counts 2 for post `gm`, which has an establishment \
                     of 1 and 1 person",
                    Some("use 1")
                ),
                ("roster.unknown-post", "unknown post `rpe`", Some("did you mean `rep`?")),
            ])
        );
        assert_eq!(
            chinese(&found[0]),
            "科目 `s` 的明细 `odd` 为岗位 `rep` 计 1 人，\
             而该岗位编制 3 人、在岗 2 人\n\
             业务员编制 3 人\n请填 3（编制人数）或 2（预算期末在岗人数）"
        );
        let alone = [("b.yaml", budget(lines))];
        assert!(
            report(check_budget_posts, &files(&alone)).is_empty(),
            "no roster, nothing to check"
        );
    }

    #[test]
    fn items_over_several_posts_count_their_sum_as_of_the_budgets_period() {
        let people = "posts:\n  - { id: admin, title: 行政内勤, establishment: 1 }
  - { id: sales, title: 销售内勤, establishment: 1 }
  - { id: market, title: 市场内勤, establishment: 1 }
  - { id: rm, title: 大区经理, establishment: 7 }
  - { id: mr, title: 市场资源部经理, establishment: 1 }
people:\n  - { id: p1, name: 甲, post: admin }\n  - { id: p2, name: 乙, post: sales }
  - { id: p3, name: 丙, post: market, since: 2026-12-10 }
  - { id: p4, name: 丁, post: admin, until: 2026-11-29 }\n";
        let lines = "lines:\n  - id: s\n    name: 工资\n    breakdown:
      - { name: 行政, quantity: 3, unit_price: 900, posts: [admin, sales, market] }
      - { name: 在岗, quantity: 2, unit_price: 900, post: admin, posts: [sales, admin] }
      - { name: 大区, quantity: 8, unit_price: 1800, posts: [rm, mr] }
      - { name: 错, quantity: 4, unit_price: 900, posts: [admin, sales, market] }
      - { name: 拼错, quantity: 2, unit_price: 900, posts: [admin, salse] }\n";
        let november = budget(lines).replace("2026-12", "2026-11");
        let list = [("r.yaml", roster(people)), ("b.yaml", budget(lines)), ("n.yaml", november)];
        let found = run(check_budget_posts, &files(&list));
        let headcount = "budget.headcount";
        let either = "use 3 (the establishment) or 2 (the people in the posts on 2026-11-30)";
        assert_eq!(
            english(&found, help),
            owned(&[
                (
                    headcount,
                    "item `错` of line `s` counts 4 for posts `admin`, `sales`, `market`, which \
                     together have an establishment of 3 and 3 people on 2026-12-31",
                    Some("use 3")
                ),
                ("roster.unknown-post", "unknown post `salse`", Some("did you mean `sales`?")),
                (
                    headcount,
                    "item `错` of line `s` counts 4 for posts `admin`, `sales`, `market`, which \
                     together have an establishment of 3 and 2 people on 2026-11-30",
                    Some(either)
                ),
                ("roster.unknown-post", "unknown post `salse`", Some("did you mean `sales`?")),
            ])
        );
        assert_eq!(found[0].related.len(), 3, "each post's establishment is shown");
        assert_eq!(
            chinese(&found[2]),
            "科目 `s` 的明细 `错` 为岗位 `admin`、`sales`、`market` 合计 4 人，\
             而这些岗位在 2026-11-30 合计编制 3 人、在岗 2 人\n\
             行政内勤编制 1 人\n销售内勤编制 1 人\n市场内勤编制 1 人\n\
             请填 3（编制人数）或 2（2026-11-30 在岗人数）"
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
        assert_eq!(
            english(&found, note),
            owned(&[
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
            ])
        );
        assert_eq!(
            in_chinese(&found),
            [
                "链接的预算 `../nowhere.yaml` 不存在\n查找的位置为 `nowhere.yaml`\n\
                 该路径相对于本计划文件所在的位置",
                "`a.md` 是计划，不是预算",
                "单位 `henan` 2026-12 的计划链接了单位 `henan` 2026-11 的预算\n\
                 预算的期间",
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

    /// Each diagnostic's texts in Chinese, checked to read as Chinese.
    fn in_chinese(found: &[Diagnostic]) -> Vec<String> {
        let texts: Vec<String> = found.iter().map(chinese).collect();
        texts.iter().for_each(|t| crate::validate::tests::assert_reads_chinese(t));
        texts
    }

    #[test]
    fn reviews_without_their_plan_read_in_chinese() {
        let linked = |to: &str| review(&format!("plan: {to}\n"));
        let list = [
            ("v/a.md", review("")),
            ("v/b.md", linked("nowhere.md").replace("henan", "zhengzhou")),
            ("v/c.md", linked("../b.yaml").replace("2026-12", "2027-01")),
            ("b.yaml", budget("")),
        ];
        assert_eq!(
            in_chinese(&run(check_review_plans, &files(&list))),
            [
                "单位 `henan` 没有涵盖 2026-12 的计划\n\
                 请编写计划，或用 `plan:` 链接计划（路径相对于本文件）",
                "链接的计划 `nowhere.md` 不存在\n\
                 查找的位置为 `v/nowhere.md`；\
                 该路径相对于本回顾文件所在的位置",
                "`../b.yaml` 是预算，不是计划\n请链接计划文档本身",
            ]
        );
        let list = [("v.md", linked("p.md")), ("p.md", plan("").replace("2026-12", "2026-11"))];
        assert_eq!(
            in_chinese(&run(check_review_plans, &files(&list))),
            ["单位 `henan` 2026-12 的回顾链接了单位 `henan` 2026-11 的计划\n\
             计划的期间"]
        );
    }

    #[test]
    fn units_kpis_and_duplicates_read_in_chinese() {
        let list = [
            ("a.yaml", budget("").replace("henan", "beijing")),
            ("p.md", plan("targets:\n  - { kpi: unit, target: 1 }\n")),
            ("r1.yaml", roster("")),
            ("r2.yaml", roster("")),
            ("b1.yaml", budget("")),
            ("b2.yaml", budget("")),
        ];
        let list = files(&list);
        let mut found = run(check_units, &list);
        found.extend(run(check_kpis, &list));
        found.extend(run(check_duplicates, &list));
        assert_eq!(
            in_chinese(&found),
            [
                "未知的单位 `beijing`\n请在 `planbook.yaml` 的 `units:` 下添加该单位",
                "未知的指标 `unit`\n是否应为 `units`？",
                "单位 `henan` 在 2026-12 有第二份预算\n第一份预算\n\
                 请合并这两份文档，或更正单位或期间",
                "单位 `henan` 有第二份人员编制\n第一份人员编制\n\
                 请合并这两份文档，或更正单位或期间",
            ]
        );
        let no_kpis = [("p.md", plan("targets:\n  - { kpi: sales, target: 1 }\n"))];
        let found = run(check_kpis, &files(&no_kpis));
        assert_eq!(
            found[0].help.as_ref().map(|m| m.text(crate::i18n::Locale::ZhCn)).as_deref(),
            Some("请在 `planbook.yaml` 的 `kpis:` 中添加该指标"),
        );
    }
}
