//! The home page: units, the latest period, attainment, each unit's latest budget against its
//! caps, open problems and the diagnostics counted.

use std::collections::HashMap;

use serde::Serialize;

use crate::diag::Counts;
use crate::render::charts;
use crate::render::view::attainment::AttainmentTable;
use crate::render::view::common::CountsView;
use crate::render::view::figures::{self, LimitView};
use crate::render::view::site::{Link, Site};
use crate::rollup::budget::BudgetSummary;

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
    /// The diagnostics on the problems page, counted.
    pub counts: CountsView,
    /// Free pages.
    pub pages: Vec<Link>,
    /// The documents that could not be read: links to their pages, which show their problems.
    pub broken: Vec<Link>,
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
                    description: crate::render::util::prose(&u.description),
                    staffing: site
                        .reports
                        .headcount
                        .rosters
                        .iter()
                        .find(|h| h.unit == id)
                        .map(|h| format!("{} / {}", h.headcount, h.establishment)),
                    documents: site.by_unit.get(id).map_or(0, Vec::len)
                        + site.broken.iter().filter(|b| b.unit.as_deref() == Some(id)).count(),
                }
            })
            .take(60)
            .collect();
        let budgets = budget_cards(site);
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
            counts: CountsView::new(counts, site.fmt.locale),
            pages: site.pages.iter().map(|p| site.page_link(p)).take(20).collect(),
            broken: site.broken.iter().map(|b| site.broken_link(b)).collect(),
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
                    detail: crate::render::util::prose(&x.detail),
                    plan: Link {
                        broken: None,
                        label: p.value.title.clone(),
                        url: site.doc_url(p.doc),
                    },
                })
        })
        .take(40)
        .collect()
}

/// Each unit's latest budget (by unit id, in the budget report's order) against its caps.
fn budget_cards(site: &Site) -> Vec<BudgetCard> {
    let mut latest: HashMap<&str, &BudgetSummary> = HashMap::new();
    for b in &site.reports.budget.budgets {
        let e = latest.entry(b.unit.as_str()).or_insert(b);
        if b.period > e.period {
            *e = b;
        }
    }
    let mut budgets: Vec<BudgetCard> = latest
        .into_values()
        .map(|s| {
            let doc = site.index.by_path.get(s.document.as_path());
            BudgetCard {
                link: Link {
                    broken: None,
                    label: s.title.clone().unwrap_or_else(|| site.fmt.period(s.period)),
                    url: doc.map(|d| site.doc_url(d)).unwrap_or_default(),
                },
                unit: s.unit_name.clone(),
                total: site.fmt.number(s.total),
                currency: s.currency.clone(),
                limits: figures::limits(site, s),
                chart: figures::limits_chart(site, s),
            }
        })
        .collect();
    budgets.sort_by(|a, b| (&a.unit, &a.link.url).cmp(&(&b.unit, &b.link.url)));
    budgets.truncate(24);
    budgets
}
