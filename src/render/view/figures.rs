//! Budget figures that several views show: lines with their breakdowns and actual spend
//! (budget and review pages), caps against use (budget page and dashboard), and the chart by
//! category (budget and plan pages). Figures come from the budget's [`BudgetSummary`], found
//! by the budget document's path, and are formatted for the locale.

use std::collections::HashMap;

use serde::Serialize;

use crate::index::Doc;
use crate::model::Budget;
use crate::render::charts::{self, BarChart, BarInput};
use crate::render::view::site::{Link, Site};
use crate::rollup::budget::{BudgetSummary, LineRow};

/// A budget's label in links: its title, else its period.
pub fn budget_link(site: &Site, budget: Doc<Budget>) -> Link {
    let b = budget.value;
    Link {
        broken: None,
        label: b.title.clone().unwrap_or_else(|| site.fmt.period(b.period.value)),
        url: site.doc_url(budget.doc),
    }
}

/// The summary of `budget` in the budget report.
pub fn summary<'a>(site: &Site<'a>, budget: Doc<Budget>) -> Option<&'a BudgetSummary> {
    site.budget_summaries.get(budget.doc.meta.path.as_path()).copied()
}

/// A budget line.
#[derive(Debug, Serialize)]
pub struct LineView {
    /// The row's anchor (`line-travel`), which the attention lists link to.
    pub anchor: String,
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
    /// How an `allowance` item's amount is reached, person by person.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub working: Option<String>,
}

/// The lines of `budget`, each joined by its id with its row of the budget report; `blame`
/// names who set the amount of the line with the given id.
pub fn lines(
    site: &Site,
    budget: Doc<Budget>,
    blame: &dyn Fn(&str) -> Option<String>,
) -> Vec<LineView> {
    let b = budget.value;
    let fmt = site.fmt;
    let s = summary(site, budget);
    // Looked up by key, never searched: a budget of 200,000 lines used to take minutes.
    let rows: HashMap<&str, &LineRow> =
        s.map(|s| s.lines.iter().rev().map(|l| (l.id.as_str(), l)).collect()).unwrap_or_default();
    let row = |id: &str| rows.get(id).copied();
    let sections: HashMap<&str, &str> =
        b.sections.iter().rev().map(|x| (x.id.value.as_str(), x.name.as_str())).collect();
    let roster = site.index.rosters_of(b.unit.value.as_str()).first().map(|r| r.value);
    let titles: HashMap<&str, &str> = roster
        .map(|r| r.posts.iter().rev().map(|p| (p.id.value.as_str(), p.title.as_str())).collect())
        .unwrap_or_default();
    b.lines
        .iter()
        .map(|l| {
            let id = l.id.value.as_str();
            let r = row(id);
            let breakdown =
                crate::compute::allowance::breakdown_total(site.index, b, l).ok().flatten();
            LineView {
                anchor: crate::render::view::attention::line_anchor(id),
                amount_blame: blame(id),
                name: l.name.clone(),
                category: l.category.as_ref().map(|c| site.category_name(&c.value)),
                section: l.section.as_ref().map(|sec| {
                    sections
                        .get(sec.value.as_str())
                        .map_or_else(|| sec.value.0.clone(), |x| x.to_string())
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
                note: crate::render::util::prose(&l.note),
                items: l
                    .breakdown
                    .iter()
                    .map(|i| ItemView {
                        name: i.name.clone(),
                        quantity: fmt.opt(i.quantity.as_ref().map(|q| q.value.0)),
                        unit_price: fmt.opt(i.unit_price.as_ref().map(|q| q.value.0)),
                        cost: fmt.opt(
                            crate::compute::allowance::item_cost(site.index, b, i).ok().flatten(),
                        ),
                        post: i.post.as_ref().map(|p| {
                            titles
                                .get(p.value.as_str())
                                .map_or_else(|| p.value.0.clone(), |t| t.to_string())
                        }),
                        note: crate::render::util::prose(&i.note),
                        working: crate::compute::allowance::of(site.index, b, i)
                            .and_then(Result::ok)
                            .map(|c| c.working().text(fmt.locale)),
                    })
                    .collect(),
            }
        })
        .collect()
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

/// The caps of a budget with what the lines under each use.
pub fn limits(site: &Site, s: &BudgetSummary) -> Vec<LimitView> {
    s.limits
        .iter()
        .map(|x| LimitView {
            name: x.name.clone(),
            max: site.fmt.number(x.max),
            used: site.fmt.number(x.used),
            headroom: site.fmt.number(x.headroom),
            used_pct: x.used_pct.map(|p| site.fmt.percent(p)).unwrap_or_default(),
            over: x.used > x.max,
        })
        .collect()
}

/// Caps as bars: used against the cap.
pub fn limits_chart(site: &Site, s: &BudgetSummary) -> Option<BarChart> {
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

/// The budget by category as bars, with actual spend as the second series when known.
pub fn category_chart(site: &Site, s: &BudgetSummary) -> Option<BarChart> {
    let has_actual = s.categories.iter().any(|c| c.actual.is_some());
    let rows = s
        .categories
        .iter()
        .map(|c| BarInput {
            label: site.category_name(&c.key),
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
