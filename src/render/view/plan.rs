//! The plan page: problems, targets with their actuals, tasks and their timeline, scorecards,
//! the linked budget in brief and the narrative.

use serde::Serialize;

use crate::index::Doc;
use crate::model::period::{Date, Period};
use crate::model::plan::Task;
use crate::model::{Budget, Plan};
use crate::render::charts::{self, BarChart, TaskInput, Timeline};
use crate::render::history::HistoryIndex;
use crate::render::view::attainment::AttainmentTable;
use crate::render::view::common::{PlanTask, post_title, task_status};
use crate::render::view::figures;
use crate::render::view::plan_links::PlanLinks;
use crate::render::view::site::{Link, Site, slug};

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
    /// Measures, work areas and the problems each task answers.
    pub links: PlanLinks,
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
    /// The URL of the unit's printable monthly report for the period.
    pub report: String,
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
    /// Its anchor on the page, when it has an id.
    pub anchor: Option<String>,
    /// The measures and tasks that answer it.
    pub answered_by: Vec<Link>,
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

impl PlanView {
    /// The view of one plan with its `narrative` (safe HTML); `history` names who set each
    /// target.
    pub fn new(
        site: &Site,
        plan: Doc<Plan>,
        narrative: String,
        history: &HistoryIndex,
    ) -> PlanView {
        let p = plan.value;
        let unit = p.unit.value.as_str();
        let review = site.review_of_plan.get(plan.doc.meta.path.as_path()).copied();
        let status = |task: &str| task_status(review, task);
        let mut targets = AttainmentTable::new(site, unit, p.period.value);
        if let Some(table) = &mut targets {
            table.blame_targets(history, &crate::history::identity(plan.doc));
        }
        let tasks: Vec<PlanTask> = p
            .tasks
            .iter()
            .map(|t| PlanTask {
                anchor: format!("task-{}", slug(t.id.value.as_str())),
                name: t.name.clone(),
                owner: t.owner.as_ref().map(|o| site.person_link(o.value.as_str())),
                start: t.start.as_ref().map(|d| site.fmt.date(d.value)),
                end: t.end().map(|d| site.fmt.date(d)),
                depends_on: t
                    .depends_on
                    .iter()
                    .map(|d| {
                        let name = p.tasks.iter().find(|x| x.id.value == d.value);
                        Link {
                            broken: None,
                            label: name.map_or_else(|| d.value.0.clone(), |x| x.name.clone()),
                            url: name.map_or_else(String::new, |_| {
                                format!("#task-{}", slug(d.value.as_str()))
                            }),
                        }
                    })
                    .collect(),
                status: status(t.id.value.as_str()),
                description: crate::render::util::prose(&t.description),
            })
            .collect();
        let mut links = PlanLinks::new(site, plan, review);
        let rosters = site.index.rosters_of(unit);
        let roster = rosters.first().map(|r| r.value);
        let title_of =
            |post: &str| roster.map_or_else(|| post.to_string(), |r| post_title(r, post));
        PlanView {
            unit: site.unit_link(unit),
            period: site.fmt.period(p.period.value),
            owner: p.owner.as_ref().map(|o| site.person_link(o.value.as_str())),
            budget: site.index.budget_of_plan(plan).map(|b| budget_brief(site, b)),
            review: review.map(|r| Link {
                broken: None,
                label: r.value.title.clone(),
                url: site.doc_url(r.doc),
            }),
            problems: p
                .problems
                .iter()
                .zip(std::mem::take(&mut links.problems))
                .map(|(x, l)| ProblemRow {
                    title: x.title.clone(),
                    detail: crate::render::util::prose(&x.detail),
                    resolved: x.status == crate::model::plan::ProblemStatus::Resolved,
                    anchor: l.anchor,
                    answered_by: l.answered_by,
                })
                .collect(),
            links,
            targets,
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
                            group: k.group.as_ref().map(|g| {
                                let named = c.groups.iter().find(|x| x.id.value == g.value);
                                named.map_or_else(|| g.value.0.clone(), |x| x.name.clone())
                            }),
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
            report: crate::render::sitemap::report_url(unit, p.period.value),
        }
    }
}

fn timeline(site: &Site, plan: &Plan) -> Option<Timeline> {
    let dated: Vec<&Task> =
        plan.tasks.iter().filter(|t| t.start.is_some() || t.due.is_some()).collect();
    let inputs: Vec<TaskInput> = dated
        .iter()
        .filter_map(|t| {
            let (start, end) = t.drawn_days()?;
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
    let summary = figures::summary(site, budget);
    BudgetBrief {
        link: figures::budget_link(site, budget),
        total: summary.map(|s| site.fmt.number(s.total)).unwrap_or_default(),
        currency: summary.map_or_else(|| site.currency.clone(), |s| s.currency.clone()),
        chart: summary.and_then(|s| figures::category_chart(site, s)),
    }
}
