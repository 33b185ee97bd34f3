//! Views of the home dashboard, the list pages, trends and the problems page.

use std::collections::HashMap;

use serde::Serialize;

use crate::diag::{Counts, Diagnostic, human};
use crate::render::charts::{self, LineChart};
use crate::render::view::docs::{AttainmentTable, LimitView, limits_chart};
use crate::render::view::{Link, Site};
use crate::source::SourceMap;

/// The home page: units, the latest period, attainment, budgets against caps, open problems.
#[derive(Debug, Serialize)]
pub struct HomeView {
    /// The top-level units and their direct children.
    pub units: Vec<UnitCard>,
    /// The latest period any document covers.
    pub latest_period: Option<String>,
    /// Each unit's latest attainment.
    pub attainment: Vec<UnitAttainment>,
    /// Each unit's latest budget against its caps.
    pub budgets: Vec<BudgetCard>,
    /// Open problems from each unit's latest plan.
    pub problems: Vec<OpenProblem>,
    /// Diagnostics: errors, warnings, notes.
    pub counts: [usize; 3],
    /// Free pages.
    pub pages: Vec<Link>,
}

/// A unit on the dashboard.
#[derive(Debug, Serialize)]
pub struct UnitCard {
    /// The unit.
    pub link: Link,
    /// Description.
    pub description: Option<String>,
    /// `headcount / establishment`.
    pub staffing: Option<String>,
    /// Its documents, counted.
    pub documents: usize,
}

/// One unit's latest attainment.
#[derive(Debug, Serialize)]
pub struct UnitAttainment {
    /// The unit.
    pub unit: Link,
    /// The table.
    pub table: AttainmentTable,
}

/// A budget on the dashboard.
#[derive(Debug, Serialize)]
pub struct BudgetCard {
    /// The budget.
    pub link: Link,
    /// The unit's name.
    pub unit: String,
    /// Total.
    pub total: String,
    /// Currency.
    pub currency: String,
    /// Caps.
    pub limits: Vec<LimitView>,
    /// Caps as a chart.
    pub chart: Option<charts::BarChart>,
}

/// An open problem from a plan.
#[derive(Debug, Serialize)]
pub struct OpenProblem {
    /// The problem.
    pub title: String,
    /// Detail.
    pub detail: Option<String>,
    /// The plan.
    pub plan: Link,
}

impl HomeView {
    /// The dashboard.
    pub fn new(site: &Site, counts: Counts) -> HomeView {
        let ws = &site.index.ws;
        let units = ws
            .config
            .units
            .iter()
            .map(|u| {
                let id = u.id.value.as_str();
                UnitCard {
                    link: site.unit_link(id),
                    description: u.description.clone(),
                    staffing: site
                        .reports
                        .headcount
                        .rosters
                        .iter()
                        .find(|h| h.unit == id)
                        .map(|h| format!("{} / {}", h.headcount, h.establishment)),
                    documents: site.by_unit.get(id).map_or(0, Vec::len),
                }
            })
            .take(60)
            .collect();
        let mut latest: HashMap<&str, &crate::rollup::budget::BudgetSummary> = HashMap::new();
        for b in &site.reports.budget.budgets {
            let e = latest.entry(b.unit.as_str()).or_insert(b);
            if b.period > e.period {
                *e = b;
            }
        }
        let mut budgets: Vec<BudgetCard> = Vec::new();
        for (path, s) in &site.budget_summaries {
            if !latest.get(s.unit.as_str()).is_some_and(|l| std::ptr::eq(*l, *s)) {
                continue;
            }
            let doc = site.index.by_path.get(path);
            budgets.push(BudgetCard {
                link: Link {
                    label: s.title.clone().unwrap_or_else(|| site.fmt.period(s.period)),
                    url: doc.map(|d| site.doc_url(d)).unwrap_or_default(),
                },
                unit: s.unit_name.clone(),
                total: site.fmt.number(s.total),
                currency: s.currency.clone(),
                limits: s
                    .limits
                    .iter()
                    .map(|x| LimitView {
                        name: x.name.clone(),
                        max: site.fmt.number(x.max),
                        used: site.fmt.number(x.used),
                        headroom: site.fmt.number(x.headroom),
                        used_pct: x.used_pct.map(|p| site.fmt.percent(p)).unwrap_or_default(),
                        over: x.used > x.max,
                    })
                    .collect(),
                chart: limits_chart(site, s),
            });
        }
        budgets.sort_by(|a, b| a.unit.cmp(&b.unit));
        budgets.truncate(24);
        let mut attainment = Vec::new();
        for u in ws.config.units.iter().take(60) {
            let id = u.id.value.as_str();
            if let Some(table) = AttainmentTable::latest(site, id) {
                attainment.push(UnitAttainment { unit: site.unit_link(id), table });
            }
        }
        HomeView {
            units,
            latest_period: site.latest_period().map(|p| site.fmt.period(p)),
            attainment,
            budgets,
            problems: open_problems(site),
            counts: [counts.errors, counts.warnings, counts.notes],
            pages: site.pages.iter().map(|p| site.page_link(p)).take(20).collect(),
        }
    }
}

fn open_problems(site: &Site) -> Vec<OpenProblem> {
    let mut latest: HashMap<&str, crate::index::Doc<crate::model::Plan>> = HashMap::new();
    for (p, _) in &site.index.plans {
        let e = latest.entry(p.value.unit.value.as_str()).or_insert(*p);
        if p.value.period.value > e.value.period.value {
            *e = *p;
        }
    }
    let mut plans: Vec<_> = latest.into_values().collect();
    plans.sort_by(|a, b| a.value.unit.value.cmp(&b.value.unit.value));
    plans
        .iter()
        .flat_map(|p| {
            p.value
                .problems
                .iter()
                .filter(|x| x.status == crate::model::plan::ProblemStatus::Open)
                .map(move |x| OpenProblem {
                    title: x.title.clone(),
                    detail: x.detail.clone(),
                    plan: Link { label: p.value.title.clone(), url: site.doc_url(p.doc) },
                })
        })
        .take(40)
        .collect()
}

/// A list page (units, people, plans, budgets, reviews, pages): groups of links.
#[derive(Debug, Serialize)]
pub struct ListView {
    /// The groups.
    pub groups: Vec<ListGroup>,
}

/// A group of a list page.
#[derive(Debug, Serialize)]
pub struct ListGroup {
    /// The group's heading.
    pub heading: Option<Link>,
    /// The items.
    pub items: Vec<ListItem>,
}

/// An item of a list page.
#[derive(Debug, Serialize)]
pub struct ListItem {
    /// The link.
    pub link: Link,
    /// Further facts shown beside it.
    pub meta: Vec<String>,
}

impl ListView {
    /// Groups `items` by unit, in the order of planbook.yaml's units.
    pub fn by_unit(site: &Site, items: Vec<(String, ListItem)>) -> ListView {
        let mut groups: Vec<(String, Vec<ListItem>)> = Vec::new();
        for (unit, item) in items {
            match groups.iter_mut().find(|(u, _)| *u == unit) {
                Some((_, list)) => list.push(item),
                None => groups.push((unit, vec![item])),
            }
        }
        let order =
            |u: &str| site.index.ws.config.units.iter().position(|x| x.id.value.as_str() == u);
        groups.sort_by_key(|(u, _)| order(u).unwrap_or(usize::MAX));
        ListView {
            groups: groups
                .into_iter()
                .map(|(u, items)| ListGroup { heading: Some(site.unit_link(&u)), items })
                .collect(),
        }
    }

    /// One group without a heading.
    pub fn flat(items: Vec<ListItem>) -> ListView {
        ListView { groups: vec![ListGroup { heading: None, items }] }
    }
}

/// The trends page: KPIs and budget categories across periods.
#[derive(Debug, Serialize)]
pub struct TrendsView {
    /// KPI series.
    pub kpis: Vec<SeriesView>,
    /// Budget category series.
    pub categories: Vec<SeriesView>,
}

/// One series.
#[derive(Debug, Serialize)]
pub struct SeriesView {
    /// Unit.
    pub unit: Link,
    /// Name.
    pub name: String,
    /// Anchor id.
    pub anchor: String,
    /// Rows: period, planned, actual.
    pub rows: Vec<[String; 3]>,
    /// Chart.
    pub chart: Option<LineChart>,
}

impl TrendsView {
    /// The view of the trends report.
    pub fn new(site: &Site) -> TrendsView {
        let series = |list: &[crate::rollup::trends::Series], prefix: &str| {
            list.iter()
                .filter(|s| s.points.len() > 1)
                .enumerate()
                .map(|(i, s)| {
                    let mut points = s.points.clone();
                    points.sort_by_key(|p| p.period);
                    let data: Vec<_> = points
                        .iter()
                        .map(|p| (site.fmt.period(p.period), p.planned, p.actual))
                        .collect();
                    SeriesView {
                        unit: site.unit_link(&s.unit),
                        name: s.name.clone(),
                        anchor: format!("{prefix}-{i}"),
                        rows: points
                            .iter()
                            .map(|p| {
                                [
                                    site.fmt.period(p.period),
                                    site.fmt.opt(p.planned),
                                    site.fmt.opt(p.actual),
                                ]
                            })
                            .collect(),
                        chart: charts::lines(s.name.clone(), &data, |m| site.fmt.number(m)),
                    }
                })
                .take(200)
                .collect::<Vec<_>>()
        };
        TrendsView {
            kpis: series(&site.reports.trends.kpis, "kpi"),
            categories: series(&site.reports.trends.categories, "category"),
        }
    }
}

/// The problems page: the current diagnostics as plain text.
#[derive(Debug, Serialize)]
pub struct ProblemsView {
    /// Errors, warnings and notes.
    pub counts: [usize; 3],
    /// Each diagnostic.
    pub items: Vec<ProblemItem>,
}

/// One diagnostic.
#[derive(Debug, Serialize)]
pub struct ProblemItem {
    /// `error`, `warning` or `note`.
    pub severity: &'static str,
    /// The rule id.
    pub rule: &'static str,
    /// The message.
    pub message: String,
    /// The whole diagnostic as the terminal shows it, without colours.
    pub text: String,
}

impl ProblemsView {
    /// The view of `diags`, with paths relative to the repository root.
    pub fn new(diags: &[Diagnostic], sources: &SourceMap) -> ProblemsView {
        let show = |p: &std::path::Path| p.to_string_lossy().replace('\\', "/");
        let counts = Counts::of(diags);
        ProblemsView {
            counts: [counts.errors, counts.warnings, counts.notes],
            items: diags
                .iter()
                .map(|d| ProblemItem {
                    severity: d.severity.as_str(),
                    rule: d.rule.id,
                    message: d.message.clone(),
                    text: human::render(d, sources, &show, human::Styles::new(false)),
                })
                .collect(),
        }
    }
}
