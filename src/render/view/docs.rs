//! Views of plans, budgets and reviews, and the attainment table they share.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::index::Doc;
use crate::model::period::{Date, Period};
use crate::model::plan::Task;
use crate::model::review::Status;
use crate::model::{Budget, Plan, Review};
use crate::render::charts::{self, BarChart, BarInput, TaskInput, Timeline};
use crate::render::view::people::post_title;
use crate::render::view::{Link, Site};
use crate::rollup::attainment::Standing;

/// KPI targets with their actuals, for one unit and period.
#[derive(Debug, Serialize)]
pub struct AttainmentTable {
    /// The period, formatted.
    pub period: String,
    /// The rows.
    pub rows: Vec<AttainRow>,
    /// Attainment in percent as a chart, with 100 % marked.
    pub chart: Option<BarChart>,
}

/// One target and its actual.
#[derive(Debug, Serialize)]
pub struct AttainRow {
    /// KPI name.
    pub kpi: String,
    /// Unit of measure.
    pub measure: Option<String>,
    /// Scope.
    pub scope: Option<String>,
    /// Per person in this post.
    pub per_post: Option<String>,
    /// Floor.
    pub floor: String,
    /// Target.
    pub target: String,
    /// Range `min–max`.
    pub range: String,
    /// Actual.
    pub actual: String,
    /// Attainment.
    pub pct: String,
    /// Standing key (`met`, `above-floor`, `missed`, `no-actual`).
    pub standing: &'static str,
    /// The target's key in the documents (`kpi/scope/post`), to look up its history.
    #[serde(skip)]
    pub key: String,
    /// Who last set the target figures, from git history.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_blame: Option<String>,
    /// Who last reported the actual, from git history.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual_blame: Option<String>,
}

impl AttainmentTable {
    /// The table of `unit` in `period`; `None` when the unit has no targets then.
    pub fn new(site: &Site, unit: &str, period: Period) -> Option<AttainmentTable> {
        let rows = site.attainment.get(&(unit, period))?;
        let fmt = site.fmt;
        let per_post = |post: &str| {
            site.index
                .rosters_of(unit)
                .first()
                .map_or_else(|| post.to_string(), |r| post_title(r.value, post))
        };
        let view = rows
            .iter()
            .map(|r| AttainRow {
                key: [Some(r.kpi.as_str()), r.scope.as_deref(), r.per_post.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join("/"),
                target_blame: None,
                actual_blame: None,
                kpi: r.kpi_name.clone(),
                measure: r.measure.clone(),
                scope: r.scope.clone(),
                per_post: r.per_post.as_deref().map(per_post),
                floor: fmt.opt(r.floor),
                target: fmt.opt(r.target),
                range: r
                    .range
                    .map(|(a, b)| format!("{}–{}", fmt.number(a), fmt.number(b)))
                    .unwrap_or_default(),
                actual: fmt.opt(r.actual),
                pct: r.attainment_pct.map(|p| fmt.percent(p)).unwrap_or_default(),
                standing: standing_key(r.standing),
            })
            .collect();
        let bars: Vec<BarInput> = rows
            .iter()
            .filter_map(|r| {
                let pct = r.attainment_pct?;
                let label = match &r.scope {
                    Some(s) => format!("{} ({s})", r.kpi_name),
                    None => r.kpi_name.clone(),
                };
                Some(BarInput {
                    label,
                    value_text: fmt.percent(pct),
                    value: pct,
                    second: None,
                    mark: Some(Decimal::ONE_HUNDRED),
                    tone: Some(match r.standing {
                        Standing::Met => "good",
                        Standing::AboveFloor => "warn",
                        _ => "bad",
                    }),
                })
            })
            .collect();
        let chart = charts::bars(site.t("attainment"), site.t("attainment"), None, bars);
        Some(AttainmentTable { period: fmt.period(period), rows: view, chart })
    }

    /// The table of `unit` in its latest period with an actual (else its latest period).
    pub fn latest(site: &Site, unit: &str) -> Option<AttainmentTable> {
        let mut periods: Vec<(Period, bool)> = site
            .attainment
            .iter()
            .filter(|((u, _), _)| *u == unit)
            .map(|((_, p), rows)| (*p, rows.iter().any(|r| r.actual.is_some())))
            .collect();
        periods.sort();
        let pick = periods.iter().rev().find(|(_, a)| *a).or(periods.last())?;
        AttainmentTable::new(site, unit, pick.0)
    }
}

fn standing_key(s: Standing) -> &'static str {
    match s {
        Standing::Met => "met",
        Standing::AboveFloor => "above-floor",
        Standing::Missed => "missed",
        Standing::NoActual => "no-actual",
    }
}

/// The translation key of a task status.
pub fn status_key(s: Status) -> &'static str {
    match s {
        Status::NotStarted => "not-started",
        Status::InProgress => "in-progress",
        Status::Done => "done",
        Status::Blocked => "blocked",
        Status::Dropped => "dropped",
    }
}

/// A plan's page.
#[derive(Debug, Serialize)]
pub struct PlanView {
    /// Unit.
    pub unit: Link,
    /// Period.
    pub period: String,
    /// Owner.
    pub owner: Option<Link>,
    /// The linked budget.
    pub budget: Option<BudgetBrief>,
    /// The review of this plan.
    pub review: Option<Link>,
    /// Problems the plan addresses.
    pub problems: Vec<ProblemRow>,
    /// Targets (with actuals once reviewed).
    pub targets: Option<AttainmentTable>,
    /// Tasks.
    pub tasks: Vec<PlanTask>,
    /// The tasks as a timeline.
    pub timeline: Option<Timeline>,
    /// Scorecards.
    pub scorecards: Vec<ScorecardView>,
    /// The narrative, as safe HTML.
    pub narrative: String,
}

/// A problem from a plan.
#[derive(Debug, Serialize)]
pub struct ProblemRow {
    /// Title.
    pub title: String,
    /// Detail.
    pub detail: Option<String>,
    /// Whether resolved.
    pub resolved: bool,
}

/// A task of a plan.
#[derive(Debug, Serialize)]
pub struct PlanTask {
    /// Anchor id.
    pub anchor: String,
    /// Name.
    pub name: String,
    /// Owner.
    pub owner: Option<Link>,
    /// Start.
    pub start: Option<String>,
    /// End.
    pub end: Option<String>,
    /// Prerequisites (anchor and name).
    pub depends_on: Vec<Link>,
    /// Status key.
    pub status: Option<&'static str>,
    /// Description.
    pub description: Option<String>,
}

/// A scorecard.
#[derive(Debug, Serialize)]
pub struct ScorecardView {
    /// The post's title.
    pub post: String,
    /// Components.
    pub components: Vec<ComponentRow>,
    /// Bonuses.
    pub bonuses: Vec<String>,
}

/// A scorecard component.
#[derive(Debug, Serialize)]
pub struct ComponentRow {
    /// Name.
    pub name: String,
    /// Weight.
    pub weight: String,
    /// Group.
    pub group: Option<String>,
    /// Measured on (or the KPI's name).
    pub measured_on: Option<String>,
    /// Titles of the assessing posts.
    pub assessed_by: Vec<String>,
}

/// The linked budget in brief.
#[derive(Debug, Serialize)]
pub struct BudgetBrief {
    /// Link.
    pub link: Link,
    /// Total.
    pub total: String,
    /// Currency.
    pub currency: String,
    /// By category.
    pub chart: Option<BarChart>,
}

/// The last day of a task: its due date, else start plus duration, else its start.
pub fn task_end(task: &Task) -> Option<Date> {
    if let Some(due) = &task.due {
        return Some(due.value);
    }
    let start = task.start.as_ref()?.value;
    Some(match &task.duration {
        Some(d) => start.add_days(i64::from(d.value.days.max(1)) - 1),
        None => start,
    })
}

impl PlanView {
    /// The view of one plan.
    pub fn new(site: &Site, plan: Doc<Plan>, narrative: String) -> PlanView {
        let p = plan.value;
        let unit = p.unit.value.as_str();
        let review = site.review_of_plan.get(plan.doc.meta.path.as_path()).copied();
        let status = |task: &str| {
            review.and_then(|r| {
                r.value
                    .tasks
                    .iter()
                    .find(|s| s.task.value.as_str() == task)
                    .and_then(|s| s.status.as_ref())
                    .map(|s| status_key(s.value))
            })
        };
        let tasks: Vec<PlanTask> = p
            .tasks
            .iter()
            .map(|t| PlanTask {
                anchor: format!("task-{}", super::slug(t.id.value.as_str())),
                name: t.name.clone(),
                owner: t.owner.as_ref().map(|o| site.person_link(o.value.as_str())),
                start: t.start.as_ref().map(|d| site.fmt.date(d.value)),
                end: task_end(t).map(|d| site.fmt.date(d)),
                depends_on: t
                    .depends_on
                    .iter()
                    .map(|d| {
                        let name = p.tasks.iter().find(|x| x.id.value == d.value);
                        Link {
                            label: name.map_or_else(|| d.value.0.clone(), |x| x.name.clone()),
                            url: name.map_or_else(String::new, |_| {
                                format!("#task-{}", super::slug(d.value.as_str()))
                            }),
                        }
                    })
                    .collect(),
                status: status(t.id.value.as_str()),
                description: t.description.clone(),
            })
            .collect();
        let rosters = site.index.rosters_of(unit);
        let roster = rosters.first().map(|r| r.value);
        let title_of =
            |post: &str| roster.map_or_else(|| post.to_string(), |r| post_title(r, post));
        PlanView {
            unit: site.unit_link(unit),
            period: site.fmt.period(p.period.value),
            owner: p.owner.as_ref().map(|o| site.person_link(o.value.as_str())),
            budget: site.index.budget_of_plan(plan).map(|b| budget_brief(site, b)),
            review: review.map(|r| Link { label: r.value.title.clone(), url: site.doc_url(r.doc) }),
            problems: p
                .problems
                .iter()
                .map(|x| ProblemRow {
                    title: x.title.clone(),
                    detail: x.detail.clone(),
                    resolved: x.status == crate::model::plan::ProblemStatus::Resolved,
                })
                .collect(),
            targets: AttainmentTable::new(site, unit, p.period.value),
            timeline: timeline(site, p),
            tasks,
            scorecards: p
                .scorecards
                .iter()
                .map(|c| ScorecardView {
                    post: title_of(c.post.value.as_str()),
                    components: c
                        .components
                        .iter()
                        .map(|k| ComponentRow {
                            name: k.name.clone(),
                            weight: site.fmt.number(k.weight.value.0),
                            group: k.group.clone(),
                            measured_on: k.measured_on.clone().or_else(|| {
                                k.kpi.as_ref().map(|x| site.kpi_name(x.value.as_str()))
                            }),
                            assessed_by: k
                                .assessed_by
                                .iter()
                                .map(|a| title_of(a.value.as_str()))
                                .collect(),
                        })
                        .collect(),
                    bonuses: c.bonuses.clone(),
                })
                .collect(),
            narrative,
        }
    }
}

fn timeline(site: &Site, plan: &Plan) -> Option<Timeline> {
    let dated: Vec<&Task> =
        plan.tasks.iter().filter(|t| t.start.is_some() || t.due.is_some()).collect();
    let inputs: Vec<TaskInput> = dated
        .iter()
        .filter_map(|t| {
            let end = task_end(t)?;
            let start = t.start.as_ref().map_or(end, |s| s.value);
            Some(TaskInput {
                label: t.name.clone(),
                start: start.day_number(),
                end: end.day_number(),
                status: String::new(),
                depends_on: t
                    .depends_on
                    .iter()
                    .filter_map(|d| dated.iter().position(|x| x.id.value == d.value))
                    .collect(),
            })
        })
        .collect();
    if inputs.len() != dated.len() {
        return None;
    }
    let (first, last) = plan.period.value.bounds();
    let mut ticks = Vec::new();
    let mut day = first;
    while day <= last && ticks.len() < 400 {
        if day.day == 1
            || (matches!(plan.period.value, Period::Month(..)) && matches!(day.day, 8 | 15 | 22))
        {
            ticks.push((day.day_number(), short_date(site, day)));
        }
        day = day.add_days(1);
    }
    charts::timeline(site.t("timeline"), &inputs, &ticks)
}

fn short_date(site: &Site, d: Date) -> String {
    if site.is_zh() { format!("{}/{}", d.month, d.day) } else { format!("{}/{}", d.day, d.month) }
}

fn budget_brief(site: &Site, budget: Doc<Budget>) -> BudgetBrief {
    let summary = site.budget_summaries.get(budget.doc.meta.path.as_path());
    BudgetBrief {
        link: Link {
            label: budget
                .value
                .title
                .clone()
                .unwrap_or_else(|| site.fmt.period(budget.value.period.value)),
            url: site.doc_url(budget.doc),
        },
        total: summary.map(|s| site.fmt.number(s.total)).unwrap_or_default(),
        currency: summary.map_or_else(|| site.currency.clone(), |s| s.currency.clone()),
        chart: summary.and_then(|s| category_chart(site, s)),
    }
}

fn category_chart(site: &Site, s: &crate::rollup::budget::BudgetSummary) -> Option<BarChart> {
    let has_actual = s.categories.iter().any(|c| c.actual.is_some());
    let rows = s
        .categories
        .iter()
        .map(|c| BarInput {
            label: c.key.clone(),
            value_text: site.fmt.number(c.amount),
            value: c.amount,
            second: c.actual,
            mark: None,
            tone: None,
        })
        .collect();
    let legend2 = has_actual.then(|| site.t("actual"));
    charts::bars(site.t("by_category"), site.t("budget"), legend2, rows)
}

/// A budget's page.
#[derive(Debug, Serialize)]
pub struct BudgetView {
    /// Unit.
    pub unit: Link,
    /// Period.
    pub period: String,
    /// Currency.
    pub currency: String,
    /// Note.
    pub note: Option<String>,
    /// The previous period's budget.
    pub previous: Option<Link>,
    /// The review with actual spend.
    pub review: Option<Link>,
    /// The plan it funds.
    pub plan: Option<Link>,
    /// Lines with their breakdowns.
    pub lines: Vec<LineView>,
    /// Categories.
    pub categories: Vec<CategoryRow>,
    /// Categories as a chart.
    pub chart: Option<BarChart>,
    /// Sections.
    pub sections: Vec<SectionView>,
    /// Caps.
    pub limits: Vec<LimitView>,
    /// Caps as a chart.
    pub limits_chart: Option<BarChart>,
    /// Totals: computed, declared, previous, actual, variance.
    pub total: String,
    /// Declared total.
    pub declared_total: String,
    /// Whether the declared total differs from the computed one.
    pub total_mismatch: bool,
    /// Previous total.
    pub previous_total: String,
    /// Actual total.
    pub actual_total: String,
    /// Variance.
    pub variance: String,
    /// Fiscal year to date: from, budget, actual.
    pub ytd: Option<[String; 3]>,
}

/// A budget line.
#[derive(Debug, Serialize)]
pub struct LineView {
    /// Name.
    pub name: String,
    /// Category.
    pub category: Option<String>,
    /// Section name.
    pub section: Option<String>,
    /// Amount.
    pub amount: String,
    /// Sum of the breakdown.
    pub breakdown: String,
    /// Whether the breakdown differs from the amount.
    pub mismatch: bool,
    /// Previous period.
    pub previous: String,
    /// Actual.
    pub actual: String,
    /// Variance.
    pub variance: String,
    /// Variance in percent.
    pub variance_pct: String,
    /// Note.
    pub note: Option<String>,
    /// Breakdown items.
    pub items: Vec<ItemView>,
    /// Who last set the amount, from git history.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount_blame: Option<String>,
}

/// A breakdown item.
#[derive(Debug, Serialize)]
pub struct ItemView {
    /// Name.
    pub name: String,
    /// Quantity.
    pub quantity: String,
    /// Unit price.
    pub unit_price: String,
    /// Cost.
    pub cost: String,
    /// Post title.
    pub post: Option<String>,
    /// Note.
    pub note: Option<String>,
}

/// A category row.
#[derive(Debug, Serialize)]
pub struct CategoryRow {
    /// Category.
    pub key: String,
    /// Amount.
    pub amount: String,
    /// Share.
    pub share: String,
    /// Previous.
    pub previous: String,
    /// Actual.
    pub actual: String,
}

/// A section row.
#[derive(Debug, Serialize)]
pub struct SectionView {
    /// Name.
    pub name: String,
    /// Computed.
    pub amount: String,
    /// Declared.
    pub declared: String,
    /// Whether they differ.
    pub mismatch: bool,
}

/// A cap row.
#[derive(Debug, Serialize)]
pub struct LimitView {
    /// Name.
    pub name: String,
    /// Cap.
    pub max: String,
    /// Used.
    pub used: String,
    /// Headroom.
    pub headroom: String,
    /// Used, percent.
    pub used_pct: String,
    /// Whether exceeded.
    pub over: bool,
}

impl BudgetView {
    /// The view of one budget.
    pub fn new(site: &Site, budget: Doc<Budget>) -> BudgetView {
        let b = budget.value;
        let fmt = site.fmt;
        let unit = b.unit.value.as_str();
        let s = site.budget_summaries.get(budget.doc.meta.path.as_path()).copied();
        let row = |id: &str| s.and_then(|s| s.lines.iter().find(|l| l.id == id));
        let roster = site.index.rosters_of(unit).first().map(|r| r.value);
        let lines = b
            .lines
            .iter()
            .map(|l| {
                let r = row(l.id.value.as_str());
                let breakdown = l.breakdown_total().ok().flatten();
                LineView {
                    amount_blame: None,
                    name: l.name.clone(),
                    category: l.category.as_ref().map(|c| c.value.clone()),
                    section: l.section.as_ref().map(|sec| {
                        b.sections
                            .iter()
                            .find(|x| x.id.value == sec.value)
                            .map_or_else(|| sec.value.0.clone(), |x| x.name.clone())
                    }),
                    amount: fmt.opt(l.amount.as_ref().map(|a| a.value.0)),
                    breakdown: fmt.opt(breakdown),
                    mismatch: breakdown.is_some_and(|t| t != l.amount_or_zero()),
                    previous: fmt.opt(r.and_then(|r| r.previous)),
                    actual: fmt.opt(r.and_then(|r| r.actual)),
                    variance: fmt.opt(r.and_then(|r| r.variance)),
                    variance_pct: r
                        .and_then(|r| r.variance_pct)
                        .map(|p| fmt.percent(p))
                        .unwrap_or_default(),
                    note: l.note.clone(),
                    items: l
                        .breakdown
                        .iter()
                        .map(|i| ItemView {
                            name: i.name.clone(),
                            quantity: fmt.opt(i.quantity.as_ref().map(|q| q.value.0)),
                            unit_price: fmt.opt(i.unit_price.as_ref().map(|q| q.value.0)),
                            cost: fmt.opt(i.cost().ok().flatten()),
                            post: i.post.as_ref().map(|p| {
                                roster.map_or_else(
                                    || p.value.0.clone(),
                                    |r| post_title(r, p.value.as_str()),
                                )
                            }),
                            note: i.note.clone(),
                        })
                        .collect(),
                }
            })
            .collect();
        let previous = s.and_then(|s| s.previous_period).and_then(|p| site.index.budget(unit, p));
        let plan = site.index.plan(unit, b.period.value);
        let review = site.review_link_opt(unit, b.period.value);
        BudgetView {
            unit: site.unit_link(unit),
            period: fmt.period(b.period.value),
            currency: s.map_or_else(|| site.currency.clone(), |s| s.currency.clone()),
            note: b.note.clone(),
            previous: previous.map(|p| Link {
                label: fmt.period(p.value.period.value),
                url: site.doc_url(p.doc),
            }),
            review,
            plan: plan.map(|p| Link { label: p.value.title.clone(), url: site.doc_url(p.doc) }),
            lines,
            categories: s.map_or_else(Vec::new, |s| {
                s.categories
                    .iter()
                    .map(|c| CategoryRow {
                        key: c.key.clone(),
                        amount: fmt.number(c.amount),
                        share: c.share_pct.map(|p| fmt.percent(p)).unwrap_or_default(),
                        previous: fmt.opt(c.previous),
                        actual: fmt.opt(c.actual),
                    })
                    .collect()
            }),
            chart: s.and_then(|s| category_chart(site, s)),
            sections: s.map_or_else(Vec::new, |s| {
                s.sections
                    .iter()
                    .map(|x| SectionView {
                        name: x.name.clone(),
                        amount: fmt.number(x.amount),
                        declared: fmt.opt(x.declared),
                        mismatch: x.declared.is_some_and(|d| d != x.amount),
                    })
                    .collect()
            }),
            limits: s.map_or_else(Vec::new, |s| {
                s.limits
                    .iter()
                    .map(|x| LimitView {
                        name: x.name.clone(),
                        max: fmt.number(x.max),
                        used: fmt.number(x.used),
                        headroom: fmt.number(x.headroom),
                        used_pct: x.used_pct.map(|p| fmt.percent(p)).unwrap_or_default(),
                        over: x.used > x.max,
                    })
                    .collect()
            }),
            limits_chart: s.and_then(|s| limits_chart(site, s)),
            total: s.map(|s| fmt.number(s.total)).unwrap_or_default(),
            declared_total: fmt.opt(s.and_then(|s| s.declared_total)),
            total_mismatch: s.is_some_and(|s| s.declared_total.is_some_and(|d| d != s.total)),
            previous_total: fmt.opt(s.and_then(|s| s.previous_total)),
            actual_total: fmt.opt(s.and_then(|s| s.actual_total)),
            variance: fmt.opt(s.and_then(|s| s.variance)),
            ytd: s
                .and_then(|s| s.year_to_date.as_ref())
                .map(|y| [fmt.period(y.from), fmt.number(y.budget), fmt.number(y.actual)]),
        }
    }
}

/// Caps as bars: used against the cap.
pub fn limits_chart(site: &Site, s: &crate::rollup::budget::BudgetSummary) -> Option<BarChart> {
    let rows = s
        .limits
        .iter()
        .map(|l| BarInput {
            label: l.name.clone(),
            value_text: format!("{} / {}", site.fmt.number(l.used), site.fmt.number(l.max)),
            value: l.used,
            second: None,
            mark: Some(l.max),
            tone: None,
        })
        .collect();
    charts::bars(site.t("caps"), site.t("used"), None, rows)
}

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
    /// Spend against budget, line by line.
    pub spend: Vec<LineView>,
    /// Totals: budget, actual, variance.
    pub spend_totals: Option<[String; 3]>,
    /// Currency.
    pub currency: String,
    /// Task statuses.
    pub tasks: Vec<PlanTask>,
    /// Scores.
    pub scores: Vec<ScoreLine>,
    /// The narrative.
    pub narrative: String,
}

/// One person's scores in a review.
#[derive(Debug, Serialize)]
pub struct ScoreLine {
    /// Rank.
    pub rank: String,
    /// Person.
    pub person: Link,
    /// Post title.
    pub post: String,
    /// Components as `name points`.
    pub components: Vec<String>,
    /// Total.
    pub total: String,
}

impl ReviewView {
    /// The view of one review.
    pub fn new(site: &Site, review: Doc<Review>, narrative: String) -> ReviewView {
        let r = review.value;
        let unit = r.unit.value.as_str();
        let plan = site.index.plan_of_review(review);
        let budget = plan
            .and_then(|p| site.index.budget_of_plan(p))
            .or_else(|| site.index.budget(unit, r.period.value));
        let budget_view = budget.map(|b| BudgetView::new(site, b));
        let roster = site.index.rosters_of(unit).first().map(|x| x.value);
        let tasks = r
            .tasks
            .iter()
            .map(|s| {
                let task =
                    plan.and_then(|p| p.value.tasks.iter().find(|t| t.id.value == s.task.value));
                PlanTask {
                    anchor: format!("task-{}", super::slug(s.task.value.as_str())),
                    name: task.map_or_else(|| s.task.value.0.clone(), |t| t.name.clone()),
                    owner: task
                        .and_then(|t| t.owner.as_ref())
                        .map(|o| site.person_link(o.value.as_str())),
                    start: None,
                    end: task.and_then(task_end).map(|d| site.fmt.date(d)),
                    depends_on: Vec::new(),
                    status: s.status.as_ref().map(|x| status_key(x.value)),
                    description: s.note.clone(),
                }
            })
            .collect();
        let scores = site
            .scores
            .get(&(unit, r.period.value))
            .map(|rows| {
                rows.iter()
                    .map(|s| ScoreLine {
                        rank: s.rank.to_string(),
                        person: site.person_link(&s.person),
                        post: roster.map_or_else(|| s.post.clone(), |x| post_title(x, &s.post)),
                        components: s
                            .components
                            .iter()
                            .map(|c| format!("{} {}", c.name, site.fmt.opt(c.points)))
                            .collect(),
                        total: site.fmt.number(s.total),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let spend_totals = budget_view
            .as_ref()
            .filter(|b| !b.actual_total.is_empty())
            .map(|b| [b.total.clone(), b.actual_total.clone(), b.variance.clone()]);
        ReviewView {
            unit: site.unit_link(unit),
            period: site.fmt.period(r.period.value),
            plan: plan.map(|p| Link { label: p.value.title.clone(), url: site.doc_url(p.doc) }),
            budget: budget.map(|b| Link {
                label: b
                    .value
                    .title
                    .clone()
                    .unwrap_or_else(|| site.fmt.period(b.value.period.value)),
                url: site.doc_url(b.doc),
            }),
            author: r.author.as_ref().map(|a| site.person_link(a.value.as_str())),
            attainment: AttainmentTable::new(site, unit, r.period.value),
            currency: budget_view
                .as_ref()
                .map_or_else(|| site.currency.clone(), |b| b.currency.clone()),
            spend: budget_view
                .map(|b| b.lines.into_iter().filter(|l| !l.actual.is_empty()).collect())
                .unwrap_or_default(),
            spend_totals,
            tasks,
            scores,
            narrative,
        }
    }
}
