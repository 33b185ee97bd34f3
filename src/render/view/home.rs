//! The home page: what needs attention in the group, by unit; then the units (a parent unit
//! with its consolidated figures), the latest period, attainment, each unit's latest budget
//! against its caps, open problems and the diagnostics counted.

use std::collections::HashMap;

use serde::Serialize;

use crate::diag::Counts;
use crate::i18n::msg;
use crate::model::period::Date;
use crate::render::charts;
use crate::render::view::attainment::AttainmentTable;
use crate::render::view::attention::{Attention, AttentionList};
use crate::render::view::common::CountsView;
use crate::render::view::figures::{self, LimitView};
use crate::render::view::site::{Link, Site};
use crate::rollup::budget::BudgetSummary;
use crate::rollup::consolidate;

/// The home page: units, the latest period, attainment, budgets against caps, open problems.
#[derive(Debug, Serialize)]
pub struct HomeView {
    /// What needs attention, by unit.
    pub attention: AttentionList,
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
    /// Its documents, counted (none for a parent unit without documents of its own).
    pub documents: Option<usize>,
    /// For a parent unit: how many units are below it.
    pub units_below: Option<usize>,
    /// For a parent unit: its latest consolidated budget, `1,234 CNY (Dec 2026)`.
    pub budget: Option<String>,
    /// Items needing action and to watch in it and the units below it.
    pub attention: String,
    /// Whether any item needs action.
    pub needs_action: bool,
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
    pub fn new(site: &Site, counts: Counts, attention: &Attention) -> HomeView {
        let ws = &site.index.ws;
        let units =
            ws.config.units.iter().map(|u| unit_card(site, u, attention)).take(60).collect();
        let budgets = budget_cards(site);
        let mut attainment = Vec::new();
        for u in ws.config.units.iter().take(60) {
            let id = u.id.value.as_str();
            if let Some(table) = AttainmentTable::latest(site, id) {
                attainment.push(UnitAttainment { unit: site.unit_link(id), table });
            }
        }
        HomeView {
            attention: attention.group(site, HOME_ITEMS),
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

/// How many items of each unit the home page lists before linking to the unit's page.
const HOME_ITEMS: usize = 6;

/// A unit's card: a parent unit's figures consolidated over the units below it.
fn unit_card(site: &Site, u: &crate::model::config::Unit, attention: &Attention) -> UnitCard {
    let id = u.id.value.as_str();
    let index = site.index;
    let documents = site.by_unit.get(id).map_or(0, Vec::len)
        + site.broken.iter().filter(|b| b.unit.as_deref() == Some(id)).count();
    let parent = consolidate::has_children(index, id);
    let own = || {
        let h = site.reports.headcount.rosters.iter().find(|h| h.unit == id)?;
        Some(format!("{} / {}", h.headcount, h.establishment))
    };
    let staffing = if parent && !index.rosters_of(id).is_empty() {
        let day = consolidate::latest_roster_day(index, id).unwrap_or_else(Date::today);
        let total = consolidate::headcount(index, id, day).total;
        Some(format!("{} / {}", total.on_staff, total.establishment))
    } else {
        own()
    };
    let budget = parent.then(|| consolidate::latest_budget_period(index, id)).flatten().map(|p| {
        let report = consolidate::budget(index, id, p);
        let totals: Vec<String> = report
            .totals
            .iter()
            .map(|f| format!("{} {}", site.fmt.number(f.total), f.currency))
            .collect();
        format!(
            "{} ({})",
            totals.join(&crate::i18n::t(site.fmt.locale, "list-items")),
            site.fmt.period(p)
        )
    });
    let (action, watch) = attention.counts(site, id);
    UnitCard {
        link: site.unit_link(id),
        description: crate::render::util::prose(&u.description),
        staffing,
        documents: (!parent || documents > 0).then_some(documents),
        units_below: parent.then(|| index.unit_and_descendants(id).len().saturating_sub(1)),
        budget,
        attention: msg!("attention-counts", action = action, watch = watch).text(site.fmt.locale),
        needs_action: action > 0,
    }
}
