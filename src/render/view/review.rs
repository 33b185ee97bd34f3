//! The review page: attainment, spend against the budget line by line, task statuses and
//! ranked scores, with the narrative. Spend over or under the budget carries a [`Signal`] on
//! each line and the total; columns no row fills are left out.

use serde::Serialize;

use crate::compute;
use crate::i18n::msg;
use crate::index::Doc;
use crate::model::Review;
use crate::render::history::HistoryIndex;
use crate::render::view::attainment::AttainmentTable;
use crate::render::view::common::{PlanTask, post_title, status_key};
use crate::render::view::figures::{self, LineView, Signal};
use crate::render::view::site::{Link, Site, slug};
use crate::rollup::scores::PersonScore;

/// A review's page.
#[derive(Debug, Serialize)]
pub struct ReviewView {
    /// Unit.
    pub unit: Link,
    /// Period.
    pub period: String,
    /// The plan reviewed.
    pub plan: Option<Link>,
    /// The budget.
    pub budget: Option<Link>,
    /// Author.
    pub author: Option<Link>,
    /// Attainment.
    pub attainment: Option<AttainmentTable>,
    /// The heading of `working`.
    pub working_heading: String,
    /// How each computed figure (a tally actual, points from attainment) was reached.
    pub working: Vec<String>,
    /// Spend against budget, line by line.
    pub spend: Vec<LineView>,
    /// Totals of the spend, when the review reports any.
    pub spend_totals: Option<SpendTotals>,
    /// The spend table's columns that some line fills.
    pub spend_cols: SpendCols,
    /// Currency.
    pub currency: String,
    /// Task statuses.
    pub tasks: Vec<PlanTask>,
    /// Scores, a table per post.
    pub scores: Vec<ScorePost>,
    /// The narrative.
    pub narrative: String,
}

/// The totals of spend against budget.
#[derive(Debug, Serialize)]
pub struct SpendTotals {
    /// Budgeted.
    pub budget: String,
    /// Spent.
    pub actual: String,
    /// Spent minus budgeted.
    pub variance: String,
    /// Over or under the budget.
    pub signal: Option<Signal>,
}

/// Which optional columns of the spend table some line fills.
#[derive(Debug, Default, Serialize)]
pub struct SpendCols {
    /// Budgeted.
    pub budget: bool,
    /// Variance, with its signal.
    pub variance: bool,
}

/// The scores of one post's holders in a review, ranked within the post.
#[derive(Debug, Serialize)]
pub struct ScorePost {
    /// Post title.
    pub post: String,
    /// The names of the groups of components, a column each.
    pub groups: Vec<String>,
    /// Whether anyone has bonus points.
    pub bonus: bool,
    /// The people, by rank.
    pub rows: Vec<ScoreLine>,
}

/// One person's scores in a review.
#[derive(Debug, Serialize)]
pub struct ScoreLine {
    /// Rank within the post.
    pub rank: String,
    /// Person.
    pub person: Link,
    /// Post title.
    pub post: String,
    /// Each group's subtotal out of its weight, in the order of the post's `groups`; `None`
    /// where the person's scorecard lacks the group.
    pub groups: Vec<Option<GroupCell>>,
    /// Bonus points; empty when none.
    pub bonus: String,
    /// Components as `name points`.
    pub components: Vec<String>,
    /// Total.
    pub total: String,
}

/// A group's subtotal out of its weight: `52.8 / 60`.
#[derive(Debug, Serialize)]
pub struct GroupCell {
    /// Σ points × weight / 100 over the group's components.
    pub subtotal: String,
    /// The group's weight.
    pub weight: String,
}

impl ReviewView {
    /// The view of one review with its `narrative` (safe HTML); `history` names who reported
    /// each actual.
    pub fn new(
        site: &Site,
        review: Doc<Review>,
        narrative: String,
        history: &HistoryIndex,
    ) -> ReviewView {
        let r = review.value;
        let unit = r.unit.value.as_str();
        let plan = site.index.plan_of_review(review);
        let budget = plan
            .and_then(|p| site.index.budget_of_plan(p))
            .or_else(|| site.index.budget(unit, r.period.value));
        let summary = budget.and_then(|b| figures::summary(site, b));
        let tasks = r
            .tasks
            .iter()
            .map(|s| {
                let task =
                    plan.and_then(|p| p.value.tasks.iter().find(|t| t.id.value == s.task.value));
                PlanTask {
                    anchor: format!("task-{}", slug(s.task.value.as_str())),
                    name: task.map_or_else(|| s.task.value.0.clone(), |t| t.name.clone()),
                    owner: task
                        .and_then(|t| t.owner.as_ref())
                        .map(|o| site.person_link(o.value.as_str())),
                    start: None,
                    end: task.and_then(crate::model::plan::Task::end).map(|d| site.fmt.date(d)),
                    depends_on: Vec::new(),
                    status: s.status.as_ref().map(|x| status_key(x.value)),
                    description: crate::render::util::prose(&s.note),
                }
            })
            .collect();
        let spend_totals = summary.and_then(|s| {
            Some(SpendTotals {
                budget: site.fmt.number(s.total),
                actual: site.fmt.number(s.actual_total?),
                variance: site.fmt.opt(s.variance),
                signal: Signal::spend(
                    site,
                    s.variance,
                    s.variance.and_then(|v| {
                        let pct = v.checked_mul(rust_decimal::Decimal::ONE_HUNDRED)?;
                        Some(pct.checked_div(s.total)?.round_dp(1).normalize())
                    }),
                ),
            })
        });
        let mut attainment = AttainmentTable::new(site, unit, r.period.value);
        if let Some(table) = &mut attainment {
            table.blame_actuals(history, &crate::history::identity(review.doc));
        }
        let spend: Vec<LineView> = budget
            .map(|b| figures::lines(site, b, &|_| None))
            .unwrap_or_default()
            .into_iter()
            .filter(|l| !l.actual.is_empty())
            .collect();
        ReviewView {
            spend_cols: SpendCols {
                budget: spend.iter().any(|l| !l.amount.is_empty()),
                variance: spend.iter().any(|l| l.signal.is_some()),
            },
            spend,
            unit: site.unit_link(unit),
            period: site.fmt.period(r.period.value),
            plan: plan.map(|p| Link {
                broken: None,
                label: p.value.title.clone(),
                url: site.doc_url(p.doc),
            }),
            budget: budget.map(|b| figures::budget_link(site, b)),
            author: r.author.as_ref().map(|a| site.person_link(a.value.as_str())),
            attainment,
            working_heading: msg!("computed-page-heading").text(site.fmt.locale),
            working: working(site, review),
            currency: summary.map_or_else(|| site.currency.clone(), |s| s.currency.clone()),
            spend_totals,
            tasks,
            scores: scores(site, review),
            narrative,
        }
    }
}

/// The review's unit's scores in its period: a table per post, ranked within it.
fn scores(site: &Site, review: Doc<Review>) -> Vec<ScorePost> {
    let r = review.value;
    let unit = r.unit.value.as_str();
    let roster = site.index.rosters_of(unit).first().map(|x| x.value);
    let Some(rows) = site.scores.get(&(unit, r.period.value)) else { return Vec::new() };
    let title = |post: &str| roster.map_or_else(|| post.to_string(), |x| post_title(x, post));
    let mut posts: Vec<(&str, Vec<&PersonScore>)> = Vec::new();
    for row in rows {
        match posts.iter_mut().find(|(p, _)| *p == row.post) {
            Some((_, found)) => found.push(row),
            None => posts.push((&row.post, vec![row])),
        }
    }
    posts
        .into_iter()
        .map(|(post, rows)| {
            let mut groups: Vec<(&str, &str)> = Vec::new();
            for g in rows.iter().flat_map(|s| &s.groups) {
                if !groups.iter().any(|(id, _)| *id == g.id) {
                    groups.push((&g.id, &g.name));
                }
            }
            let line = |s: &PersonScore| ScoreLine {
                rank: s.rank.to_string(),
                person: site.person_link(&s.person),
                post: title(&s.post),
                groups: groups
                    .iter()
                    .map(|(id, _)| {
                        s.groups.iter().find(|g| g.id == *id).map(|g| GroupCell {
                            subtotal: site.fmt.number(g.subtotal),
                            weight: site.fmt.number(g.weight),
                        })
                    })
                    .collect(),
                bonus: site.fmt.opt(s.bonus),
                components: s
                    .components
                    .iter()
                    .map(|c| format!("{} {}", c.name, site.fmt.opt(c.points)))
                    .collect(),
                total: site.fmt.number(s.total),
            };
            ScorePost {
                post: title(post),
                groups: groups.iter().map(|(_, name)| name.to_string()).collect(),
                bonus: rows.iter().any(|s| s.bonus.is_some()),
                rows: rows.iter().map(|s| line(s)).collect(),
            }
        })
        .collect()
}

/// The working of each computed figure of `review`, in the site's language: tally actuals,
/// then components scored from attainment.
fn working(site: &Site, review: Doc<Review>) -> Vec<String> {
    let (ix, locale) = (site.index, site.fmt.locale);
    let mut out = Vec::new();
    for actual in &review.value.actuals {
        let Some(tally) = &actual.tally else { continue };
        let Some(Ok(computed)) = compute::tally::of(&ix.ws.config, tally) else { continue };
        let kpi = actual.kpi.value.as_str();
        let name = ix.kpis.get(kpi).map_or_else(|| kpi.to_owned(), |k| k.name.clone());
        let name = match &actual.region {
            Some(r) => {
                let unit = review.value.unit.value.as_str();
                let rosters = ix.rosters_of(unit);
                let place = rosters.first().map_or_else(
                    || r.value.0.clone(),
                    |roster| super::common::region_name(roster.value, r.value.as_str()),
                );
                format!("{name} · {place}")
            }
            None => name,
        };
        out.push(
            msg!("computed-page-line", what = name, working = computed.working()).text(locale),
        );
    }
    let Some(plan) = ix.plan_of_review(review) else { return out };
    for score in &review.value.scores {
        let Some(card) = compute::scale::scorecard(ix, review.value, plan.value, score) else {
            continue;
        };
        let person = score.person.value.as_str();
        let who = ix.people.get(person).map_or_else(|| person.to_owned(), |(p, _)| p.name.clone());
        for component in &card.components {
            let Some(computed) = compute::scale::points(ix, review, score, component) else {
                continue;
            };
            let what = format!("{who} · {}", component.name);
            out.push(
                msg!("computed-page-line", what = what, working = computed.working()).text(locale),
            );
        }
    }
    out
}
