//! The monthly report: one printable page per unit and period, in the form a branch sends to
//! head office (the seed: a branch's monthly plan, printed and submitted) — problems, the
//! measures answering them, the establishment as of the period's last day (or the roster's
//! own day, when earlier), the budget with
//! its breakdowns, subtotals and caps, the targets, the schedule, the evaluation scheme, and,
//! once the period's review exists, the results. Built from the plan, its budget, the roster
//! and the review; a section with no data is left out. Every figure is formatted here.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::i18n::{Arg, msg};
use crate::index::Doc;
use crate::model::period::Period;
use crate::model::{Budget, Plan, Roster};
use crate::render::view::attainment::AttainmentTable;
use crate::render::view::common::{post_title, region_name, task_status};
use crate::render::view::figures::{self, LineView};
use crate::render::view::site::{Link, Site, slug};
use crate::rollup::budget::BudgetSummary;
use crate::rollup::headcount;

/// The report of one unit for one period.
#[derive(Debug, Serialize)]
pub struct ReportView {
    /// Unit.
    pub unit: Link,
    /// Period.
    pub period: String,
    /// The plan's owner.
    pub owner: Option<Link>,
    /// The plan it prints.
    pub plan: Option<Link>,
    /// The budget it prints.
    pub budget_doc: Option<Link>,
    /// The period's review.
    pub review: Option<Link>,
    /// Each section's numbered heading, by key (`problems`, `measures`, `establishment`,
    /// `budget`, `targets`, `schedule`, `evaluation`, `results`); a section without data has
    /// none and is left out.
    pub heads: BTreeMap<&'static str, String>,
    /// The plan's problems, numbered.
    pub problems: Vec<ProblemItem>,
    /// The measures, with the problems they answer.
    pub measures: Vec<MeasureItem>,
    /// Whether any measure names an owner (else the column is left out).
    pub measure_owners: bool,
    /// Posts against establishment as of the period's last day.
    pub establishment: Option<EstablishmentTable>,
    /// The budget with its breakdowns.
    pub budget: Option<BudgetTable>,
    /// Targets (with actuals once reviewed).
    pub targets: Option<TargetTable>,
    /// Tasks.
    pub tasks: Vec<TaskItem>,
    /// The scorecards.
    pub scorecards: Vec<SchemeView>,
    /// The results, once the period's review exists.
    pub results: Option<ResultsView>,
}

/// A problem.
#[derive(Debug, Serialize)]
pub struct ProblemItem {
    /// Its number in the report.
    pub number: usize,
    /// Its anchor.
    pub anchor: String,
    /// Title.
    pub title: String,
    /// Detail.
    pub detail: Option<String>,
    /// Whether resolved.
    pub resolved: bool,
}

/// A measure.
#[derive(Debug, Serialize)]
pub struct MeasureItem {
    /// What is done.
    pub name: String,
    /// Detail.
    pub detail: Option<String>,
    /// The person responsible.
    pub owner: Option<String>,
    /// The problems it answers, by number, linked to them.
    pub answers: Vec<Link>,
}

/// The establishment table.
#[derive(Debug, Serialize)]
pub struct EstablishmentTable {
    /// `Headcount as of 31 Dec 2026`.
    pub as_of: String,
    /// One row per post.
    pub posts: Vec<PostItem>,
    /// Establishment (posts inside it).
    pub establishment: String,
    /// People on staff.
    pub headcount: String,
    /// Vacancies.
    pub vacancies: String,
    /// Over establishment.
    pub over: String,
    /// Whether any post is over its establishment (else the column is left out).
    pub any_over: bool,
    /// Region groups with their regions and headcount.
    pub groups: Vec<GroupItem>,
}

/// A post.
#[derive(Debug, Serialize)]
pub struct PostItem {
    /// Title.
    pub title: String,
    /// Establishment; empty for a post outside it.
    pub establishment: String,
    /// Whether the post is outside the establishment.
    pub outside: bool,
    /// On staff.
    pub headcount: String,
    /// Vacancies.
    pub vacancies: String,
    /// Over.
    pub over: String,
}

/// A region group.
#[derive(Debug, Serialize)]
pub struct GroupItem {
    /// Name.
    pub name: String,
    /// Its regions' names.
    pub regions: String,
    /// Its manager.
    pub manager: Option<String>,
    /// On staff.
    pub headcount: String,
}

/// The budget table.
#[derive(Debug, Serialize)]
pub struct BudgetTable {
    /// Currency.
    pub currency: String,
    /// Lines and subtotal rows in order.
    pub rows: Vec<BudgetRow>,
    /// The computed total.
    pub total: String,
    /// The declared total, when it differs from the computed one.
    pub declared_mismatch: Option<String>,
    /// Whether actual spend is known.
    pub reviewed: bool,
    /// Whether any line has a note (else the column is left out).
    pub notes: bool,
    /// Actual total.
    pub actual_total: String,
    /// Variance.
    pub variance: String,
    /// The total's over/under signal, when actual spend is known.
    pub signal: Option<figures::Signal>,
    /// Caps.
    pub limits: Vec<figures::LimitView>,
}

/// A row of the budget table: a line with its breakdown, or a section's subtotal.
#[derive(Debug, Serialize)]
pub struct BudgetRow {
    /// The line; none on a subtotal row.
    pub line: Option<LineView>,
    /// A subtotal row: the section's name.
    pub subtotal_of: Option<String>,
    /// A subtotal row: the sum.
    pub subtotal: String,
    /// A subtotal row: the declared subtotal, when it differs.
    pub subtotal_mismatch: Option<String>,
}

/// The targets table.
#[derive(Debug, Serialize)]
pub struct TargetTable {
    /// The floor column's head.
    pub floor_head: String,
    /// Whether the table mixes higher- and lower-is-better KPIs.
    pub mixed: bool,
    /// Whether any row has a range (else the column is left out).
    pub ranges: bool,
    /// Whether the period is reviewed (actual columns shown).
    pub reviewed: bool,
    /// Rows.
    pub rows: Vec<TargetItem>,
}

/// A target.
#[derive(Debug, Serialize)]
pub struct TargetItem {
    /// KPI name.
    pub kpi: String,
    /// Unit of measure.
    pub measure: Option<String>,
    /// Scope, region and post, in words.
    pub scope: String,
    /// Floor.
    pub floor: String,
    /// What the floor is on this row.
    pub floor_label: String,
    /// Target.
    pub target: String,
    /// Range.
    pub range: String,
    /// Actual.
    pub actual: String,
    /// Attainment.
    pub pct: String,
    /// Standing key.
    pub standing: &'static str,
    /// Standing in words.
    pub standing_text: String,
}

/// A task.
#[derive(Debug, Serialize)]
pub struct TaskItem {
    /// Name.
    pub name: String,
    /// Description.
    pub description: Option<String>,
    /// Owner.
    pub owner: Option<String>,
    /// Start.
    pub start: String,
    /// End.
    pub end: String,
    /// The problems it answers.
    pub answers: Vec<Link>,
    /// Status key from the review.
    pub status: Option<&'static str>,
}

/// One scorecard of the evaluation scheme.
#[derive(Debug, Serialize)]
pub struct SchemeView {
    /// The post's title.
    pub post: String,
    /// Groups with their weights, points and bonus cap, in words.
    pub rules: Vec<String>,
    /// Components.
    pub components: Vec<SchemeComponent>,
    /// Whether any component is computed from a KPI (else the column is left out).
    pub scales: bool,
    /// Rewards paid as bonuses.
    pub bonuses: String,
}

/// A component of a scorecard.
#[derive(Debug, Serialize)]
pub struct SchemeComponent {
    /// Name.
    pub name: String,
    /// Group.
    pub group: String,
    /// Weight.
    pub weight: String,
    /// What it is measured on.
    pub measured_on: String,
    /// Assessing posts.
    pub assessed_by: String,
    /// How points follow from the KPI, in words.
    pub scale: String,
}

/// The period's results, from its review.
#[derive(Debug, Serialize)]
pub struct ResultsView {
    /// Sentences: targets met, tasks done, spend against budget.
    pub summary: Vec<String>,
    /// Scores, ranked per post.
    pub scores: Vec<ScoreItem>,
}

/// One person's score.
#[derive(Debug, Serialize)]
pub struct ScoreItem {
    /// Rank within the post.
    pub rank: String,
    /// Name.
    pub name: String,
    /// Post title.
    pub post: String,
    /// Weighted score.
    pub weighted: String,
    /// Bonus.
    pub bonus: String,
    /// Total.
    pub total: String,
}

/// The units and periods that have a report: every unit and period with a plan or a budget,
/// by unit then period.
pub fn reports<'a>(site: &Site<'a>) -> Vec<(&'a str, Period)> {
    let index = site.index;
    let plans =
        index.plans.iter().map(|(p, _)| (p.value.unit.value.as_str(), p.value.period.value));
    let budgets = index.budgets.iter().map(|b| (b.value.unit.value.as_str(), b.value.period.value));
    let mut all: Vec<(&str, Period)> = plans.chain(budgets).collect();
    all.sort_unstable();
    all.dedup();
    all
}

/// The report's title: `河南分公司2026年12月月度报告`.
pub fn title(site: &Site, unit: &str, period: Period) -> String {
    let (unit, when) = (site.unit_name(unit), site.fmt.period(period));
    let text = match period {
        Period::Month(..) => msg!("handbook-report-title-month", unit = unit, period = when),
        _ => msg!("handbook-report-title", unit = unit, period = when),
    };
    text.text(site.fmt.locale)
}

impl ReportView {
    /// The report of `unit` for `period`.
    pub fn new(site: &Site, unit: &str, period: Period) -> ReportView {
        let index = site.index;
        let plan = index.plan(unit, period);
        let budget =
            plan.and_then(|p| index.budget_of_plan(p)).or_else(|| index.budget(unit, period));
        let review = site.reviews.get(&(unit, period)).copied();
        let roster = index.rosters.iter().find(|r| r.value.unit.value.as_str() == unit);
        let roster = roster.map(|r| r.value);
        let p = plan.map(|p| p.value);
        let problems = p.map_or_else(Vec::new, problems);
        let numbers: BTreeMap<&str, (usize, String)> = problems_by_id(p);
        let answers = |ids: &[crate::source::Spanned<crate::model::ids::ProblemId>]| {
            ids.iter()
                .map(|id| match numbers.get(id.value.as_str()) {
                    Some((n, anchor)) => {
                        Link { label: n.to_string(), url: format!("#{anchor}"), broken: None }
                    }
                    None => Link { label: id.value.0.clone(), url: String::new(), broken: None },
                })
                .collect::<Vec<_>>()
        };
        let person = |id: &str| site.person_link(id).label;
        let measures: Vec<MeasureItem> = p.map_or_else(Vec::new, |p| {
            p.measures
                .iter()
                .map(|m| MeasureItem {
                    name: m.name.clone(),
                    detail: m.detail.clone(),
                    owner: m.owner.as_ref().map(|o| person(o.value.as_str())),
                    answers: answers(&m.answers),
                })
                .collect()
        });
        let tasks: Vec<TaskItem> = p.map_or_else(Vec::new, |p| {
            p.tasks
                .iter()
                .map(|t| TaskItem {
                    name: t.name.clone(),
                    description: t.description.clone(),
                    owner: t.owner.as_ref().map(|o| person(o.value.as_str())),
                    start: t.start.as_ref().map(|d| site.fmt.date(d.value)).unwrap_or_default(),
                    end: t.end().map(|d| site.fmt.date(d)).unwrap_or_default(),
                    answers: answers(&t.answers),
                    status: task_status(review, t.id.value.as_str()),
                })
                .collect()
        });
        let establishment = establishment(site, unit, period);
        let budget_table = budget.and_then(|b| budget_table(site, b, review.is_some()));
        let targets = targets(site, unit, period, roster, review.is_some());
        let scorecards = p.map_or_else(Vec::new, |p| schemes(site, p, roster));
        let summary = budget.and_then(|b| figures::summary(site, b));
        let results =
            review.map(|_| results(site, unit, period, summary, roster, &targets, &tasks));
        let present = [
            ("problems", "report_problems", !problems.is_empty()),
            ("measures", "report_measures", !measures.is_empty()),
            ("establishment", "report_establishment", establishment.is_some()),
            ("budget", "report_budget", budget_table.is_some()),
            ("targets", "report_targets", targets.is_some()),
            ("schedule", "report_schedule", !tasks.is_empty()),
            ("evaluation", "report_evaluation", !scorecards.is_empty()),
            ("results", "report_results", results.as_ref().is_some_and(|r| !r.is_empty())),
        ];
        let heads = present
            .into_iter()
            .filter(|(.., shown)| *shown)
            .enumerate()
            .map(|(n, (key, label, _))| {
                let text = msg!("handbook-report-heading", number = n + 1, title = site.t(label));
                (key, text.text(site.fmt.locale))
            })
            .collect();
        ReportView {
            unit: site.unit_link(unit),
            period: site.fmt.period(period),
            owner: p.and_then(|p| p.owner.as_ref()).map(|o| site.person_link(o.value.as_str())),
            plan: plan.map(|x| Link {
                label: x.value.title.clone(),
                url: site.doc_url(x.doc),
                broken: None,
            }),
            budget_doc: budget.map(|b| figures::budget_link(site, b)),
            review: site.review_link_opt(unit, period),
            heads,
            problems,
            measure_owners: measures.iter().any(|m| m.owner.is_some()),
            measures,
            establishment,
            budget: budget_table,
            targets,
            tasks,
            scorecards,
            results: results.filter(|r| !r.is_empty()),
        }
    }
}

impl ResultsView {
    fn is_empty(&self) -> bool {
        self.summary.is_empty() && self.scores.is_empty()
    }
}

fn problems(plan: &Plan) -> Vec<ProblemItem> {
    plan.problems
        .iter()
        .enumerate()
        .map(|(n, x)| ProblemItem {
            number: n + 1,
            anchor: problem_anchor(x.id.as_ref().map(|i| i.value.as_str()), n + 1),
            title: x.title.clone(),
            detail: x.detail.clone(),
            resolved: x.status == crate::model::plan::ProblemStatus::Resolved,
        })
        .collect()
}

fn problem_anchor(id: Option<&str>, number: usize) -> String {
    match id {
        Some(id) => format!("problem-{}", slug(id)),
        None => format!("problem-{number}"),
    }
}

/// Each problem id's number and anchor.
fn problems_by_id(plan: Option<&Plan>) -> BTreeMap<&str, (usize, String)> {
    let Some(plan) = plan else { return BTreeMap::new() };
    let mut out = BTreeMap::new();
    for (n, x) in plan.problems.iter().enumerate() {
        if let Some(id) = &x.id {
            let id = id.value.as_str();
            out.entry(id).or_insert_with(|| (n + 1, problem_anchor(Some(id), n + 1)));
        }
    }
    out
}

/// Posts against establishment on the period's last day, through `model::dating` (the
/// headcount rollup counts a roster as of a day) — or on the roster's own day (its `as_of`,
/// else today) when that comes first: a report does not count people on a day to come.
fn establishment(site: &Site, unit: &str, period: Period) -> Option<EstablishmentTable> {
    let roster_day =
        site.index.rosters_of(unit).into_iter().next().map(|r| headcount::default_day(r.value));
    let day = roster_day.map_or(period.as_of(), |d| d.min(period.as_of()));
    let report = headcount::unit_on(site.index, unit, Some(day))?;
    if report.posts.is_empty() {
        return None;
    }
    let n = |v: u64| site.fmt.number(v.into());
    let posts = report
        .posts
        .iter()
        .map(|p| PostItem {
            title: p.title.clone(),
            establishment: if p.in_establishment { n(p.establishment) } else { String::new() },
            outside: !p.in_establishment,
            headcount: n(p.headcount),
            vacancies: if p.in_establishment { n(p.vacancies) } else { String::new() },
            over: if p.over > 0 { n(p.over) } else { String::new() },
        })
        .collect();
    let groups = report
        .groups
        .iter()
        .map(|g| GroupItem {
            name: g.name.clone(),
            regions: g.regions.join(&crate::i18n::t(site.fmt.locale, "list-items")),
            manager: g.manager_name.clone(),
            headcount: n(g.headcount),
        })
        .collect();
    let as_of = msg!("handbook-report-as-of", date = site.fmt.date(day)).text(site.fmt.locale);
    Some(EstablishmentTable {
        as_of,
        posts,
        establishment: n(report.establishment),
        headcount: n(report.headcount),
        vacancies: n(report.vacancies),
        over: if report.over > 0 { n(report.over) } else { String::new() },
        any_over: report.over > 0,
        groups,
    })
}

/// The budget's lines in section order, each section closed by its subtotal, with the caps.
fn budget_table(site: &Site, budget: Doc<Budget>, reviewed: bool) -> Option<BudgetTable> {
    let s = figures::summary(site, budget)?;
    let fmt = site.fmt;
    let b = budget.value;
    let mut lines: Vec<(Option<&str>, LineView)> = b
        .lines
        .iter()
        .map(|l| l.section.as_ref().map(|x| x.value.as_str()))
        .zip(figures::lines(site, budget, &|_| None))
        .collect();
    let notes = lines.iter().any(|(_, l)| l.note.is_some());
    let mut rows = Vec::new();
    for section in &s.sections {
        let (ours, rest): (Vec<_>, Vec<_>) =
            lines.into_iter().partition(|(id, _)| *id == Some(section.id.as_str()));
        lines = rest;
        if ours.is_empty() {
            continue;
        }
        rows.extend(ours.into_iter().map(|(_, line)| line_row(line)));
        rows.push(BudgetRow {
            line: None,
            subtotal_of: Some(section.name.clone()),
            subtotal: fmt.number(section.amount),
            subtotal_mismatch: section
                .declared
                .filter(|d| *d != section.amount)
                .map(|d| fmt.number(d)),
        });
    }
    rows.extend(lines.into_iter().map(|(_, line)| line_row(line)));
    if rows.is_empty() {
        return None;
    }
    Some(BudgetTable {
        currency: s.currency.clone(),
        rows,
        total: fmt.number(s.total),
        declared_mismatch: s.declared_total.filter(|d| *d != s.total).map(|d| fmt.number(d)),
        reviewed: reviewed && s.actual_total.is_some(),
        notes,
        actual_total: fmt.opt(s.actual_total),
        variance: fmt.opt(s.variance),
        signal: figures::Signal::spend(
            site,
            s.variance,
            s.variance.and_then(|v| crate::rollup::percent(v, s.total)),
        ),
        limits: figures::limits(site, s),
    })
}

fn line_row(line: LineView) -> BudgetRow {
    BudgetRow {
        line: Some(line),
        subtotal_of: None,
        subtotal: String::new(),
        subtotal_mismatch: None,
    }
}

/// The targets of `unit` in `period`, each with its scope in words (the region's name
/// included), and actuals once reviewed.
fn targets(
    site: &Site,
    unit: &str,
    period: Period,
    roster: Option<&Roster>,
    reviewed: bool,
) -> Option<TargetTable> {
    let table = AttainmentTable::new(site, unit, period)?;
    let raw = site.attainment.get(&(unit, period))?;
    let locale = site.fmt.locale;
    let rows: Vec<TargetItem> = table
        .rows
        .into_iter()
        .zip(raw.iter())
        .map(|(row, r)| {
            let mut scope = Vec::new();
            // The table's scope names the region when the target has no scope of its own;
            // here the region is named below, with what kind of place it is.
            scope.extend(row.scope.clone().filter(|_| r.region.is_none() || r.scope.is_some()));
            if let Some(region) = &r.region {
                let name = roster.map_or_else(|| region.clone(), |x| region_name(x, region));
                let group =
                    roster.is_some_and(|x| x.groups.iter().any(|g| g.id.value.0 == *region));
                let text = match group {
                    true => msg!("handbook-report-group", group = name),
                    false => msg!("handbook-report-region", region = name),
                };
                scope.push(text.text(locale));
            }
            if let Some(post) = &row.per_post {
                scope.push(msg!("handbook-report-per-post", post = post.clone()).text(locale));
            }
            TargetItem {
                kpi: row.kpi,
                measure: row.measure,
                scope: scope.join(&crate::i18n::t(site.fmt.locale, "list-items")),
                floor: row.floor,
                floor_label: row.floor_label,
                target: row.target,
                range: row.range,
                actual: row.actual,
                pct: row.pct,
                standing: row.standing,
                standing_text: row.standing_text,
            }
        })
        .collect();
    Some(TargetTable {
        floor_head: table.floor_head,
        mixed: table.mixed,
        ranges: rows.iter().any(|r| !r.range.is_empty()),
        reviewed,
        rows,
    })
}

/// The plan's scorecards: groups, point ranges, components and how computed ones are scored.
fn schemes(site: &Site, plan: &Plan, roster: Option<&Roster>) -> Vec<SchemeView> {
    let fmt = site.fmt;
    let locale = fmt.locale;
    let title = |post: &str| roster.map_or_else(|| post.to_string(), |r| post_title(r, post));
    let sep = crate::i18n::t(site.fmt.locale, "list-items");
    plan.scorecards
        .iter()
        .map(|c| {
            let mut rules = Vec::new();
            if !c.groups.is_empty() {
                let groups = c.groups.iter().map(|g| {
                    let weight = fmt.number(g.weight.value.0);
                    msg!("handbook-report-group-weight", name = g.name.clone(), weight = weight)
                        .text(locale)
                });
                let groups = Arg::List(groups.collect());
                rules.push(msg!("handbook-report-groups", groups = groups).text(locale));
            }
            if let Some(points) = &c.points {
                let min = points.min.as_ref().map_or_else(|| "0".into(), |m| fmt.number(m.value.0));
                let max = fmt.number(points.max.value.0);
                rules.push(msg!("handbook-report-points", min = min, max = max).text(locale));
            }
            if let Some(bonus) = &c.bonus_max {
                let max = fmt.number(bonus.value.0);
                rules.push(msg!("handbook-report-bonus-max", max = max).text(locale));
            }
            let components: Vec<SchemeComponent> = c
                .components
                .iter()
                .map(|k| SchemeComponent {
                    name: k.name.clone(),
                    group: k
                        .group
                        .as_ref()
                        .map(|g| {
                            let named = c.groups.iter().find(|x| x.id.value == g.value);
                            named.map_or_else(|| g.value.0.clone(), |x| x.name.clone())
                        })
                        .unwrap_or_default(),
                    weight: fmt.number(k.weight.value.0),
                    measured_on: k
                        .measured_on
                        .clone()
                        .or_else(|| k.kpi.as_ref().map(|x| site.kpi_name(x.value.as_str())))
                        .unwrap_or_default(),
                    assessed_by: k
                        .assessed_by
                        .iter()
                        .map(|a| title(a.value.as_str()))
                        .collect::<Vec<_>>()
                        .join(&sep),
                    scale: k.scale.as_ref().map_or_else(String::new, |s| {
                        let text = msg!(
                            "handbook-report-scale",
                            floor = fmt.number(s.floor.value.0),
                            target = fmt.number(s.target.value.0)
                        )
                        .text(locale);
                        match &s.cap {
                            Some(cap) => {
                                let cap = fmt.number(cap.value.0);
                                text + &msg!("handbook-report-scale-cap", cap = cap).text(locale)
                            }
                            None => text,
                        }
                    }),
                })
                .collect();
            SchemeView {
                post: title(c.post.value.as_str()),
                rules,
                scales: components.iter().any(|k| !k.scale.is_empty()),
                components,
                bonuses: c.bonuses.join(&sep),
            }
        })
        .collect()
}

/// The results of the period's review: targets met, tasks done, spend against budget, and
/// the scores.
fn results(
    site: &Site,
    unit: &str,
    period: Period,
    budget: Option<&BudgetSummary>,
    roster: Option<&Roster>,
    targets: &Option<TargetTable>,
    tasks: &[TaskItem],
) -> ResultsView {
    let fmt = site.fmt;
    let locale = fmt.locale;
    let mut summary = Vec::new();
    if let Some(t) = targets {
        let judged = t.rows.iter().filter(|r| r.standing != "no-actual").count();
        if judged > 0 {
            let met = t.rows.iter().filter(|r| r.standing == "met").count();
            let floor = t.rows.iter().filter(|r| r.standing == "above-floor").count();
            let text =
                msg!("handbook-report-targets-met", met = met, floor = floor, total = judged);
            summary.push(text.text(locale));
        }
    }
    let reported: Vec<_> = tasks.iter().filter_map(|t| t.status).collect();
    if !reported.is_empty() {
        let done = reported.iter().filter(|s| **s == "done").count();
        let text = msg!("handbook-report-tasks-done", done = done, total = tasks.len());
        summary.push(text.text(locale));
    }
    if let Some(s) = budget
        && let (Some(actual), Some(variance)) = (s.actual_total, s.variance)
    {
        let text = msg!(
            "handbook-report-spend",
            actual = fmt.number(actual),
            budget = fmt.number(s.total),
            variance = fmt.number(variance)
        );
        summary.push(text.text(locale));
    }
    let title = |post: &str| roster.map_or_else(|| post.to_string(), |r| post_title(r, post));
    let scores = site
        .scores
        .get(&(unit, period))
        .map(|rows| {
            rows.iter()
                .map(|s| ScoreItem {
                    rank: s.rank.to_string(),
                    name: s.name.clone(),
                    post: title(&s.post),
                    weighted: fmt.number(s.weighted),
                    bonus: fmt.opt(s.bonus),
                    total: fmt.number(s.total),
                })
                .collect()
        })
        .unwrap_or_default();
    ResultsView { summary, scores }
}

#[cfg(test)]
mod tests {
    use crate::model::period::Period;
    use crate::render::sitemap::report_url;

    fn period(text: &str) -> Period {
        text.parse().expect("period")
    }

    #[test]
    fn report_urls_are_readable_and_never_clash_by_case() {
        assert_eq!(report_url("henan", period("2026-12")), "reports/henan-2026-12.html");
        assert_eq!(report_url("power", period("2027-Q1")), "reports/power-2027-Q1.html");
        let (upper, lower) =
            (report_url("A", period("2026-12")), report_url("a", period("2026-12")));
        assert_ne!(upper.to_lowercase(), lower.to_lowercase());
        assert_eq!(report_url("考评", period("2026")), "reports/考评-2026.html");
        assert!(!report_url("../x", period("2026")).contains(".."));
    }
}
