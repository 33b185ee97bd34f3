//! The budget page: lines with their breakdowns, categories, sections, caps, totals against
//! the declared, previous and actual figures, and the fiscal year to date.

use serde::Serialize;

use crate::index::Doc;
use crate::model::Budget;
use crate::render::charts::BarChart;
use crate::render::history::HistoryIndex;
use crate::render::view::figures::{self, LimitView, LineView};
use crate::render::view::site::{Link, Site};

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
    /// The computed total.
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
    /// The fiscal year to date.
    pub ytd: Option<YearToDateView>,
    /// The URL of the unit's printable monthly report for the period.
    pub report: String,
}

/// A category row.
#[derive(Debug, Serialize)]
pub struct CategoryRow {
    /// The category's display name.
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

/// The fiscal year to date.
#[derive(Debug, Serialize)]
pub struct YearToDateView {
    /// The first period counted.
    pub from: String,
    /// Budgeted since then.
    pub budget: String,
    /// Spent since then.
    pub actual: String,
}

impl BudgetView {
    /// The view of one budget; `history` names who set each line's amount.
    pub fn new(site: &Site, budget: Doc<Budget>, history: &HistoryIndex) -> BudgetView {
        let b = budget.value;
        let fmt = site.fmt;
        let unit = b.unit.value.as_str();
        let s = figures::summary(site, budget);
        let identity = crate::history::identity(budget.doc);
        let blame = |id: &str| history.field(&identity, &format!("lines[{id}].amount"));
        let previous = s.and_then(|s| s.previous_period).and_then(|p| site.index.budget(unit, p));
        let plan = site.index.plan(unit, b.period.value);
        BudgetView {
            unit: site.unit_link(unit),
            period: fmt.period(b.period.value),
            currency: s.map_or_else(|| site.currency.clone(), |s| s.currency.clone()),
            note: crate::render::util::prose(&b.note),
            previous: previous.map(|p| Link {
                broken: None,
                label: fmt.period(p.value.period.value),
                url: site.doc_url(p.doc),
            }),
            review: site.review_link_opt(unit, b.period.value),
            plan: plan.map(|p| Link {
                broken: None,
                label: p.value.title.clone(),
                url: site.doc_url(p.doc),
            }),
            lines: figures::lines(site, budget, &blame),
            categories: s.map_or_else(Vec::new, |s| {
                s.categories
                    .iter()
                    .map(|c| CategoryRow {
                        key: site.category_name(&c.key),
                        amount: fmt.number(c.amount),
                        share: c.share_pct.map(|p| fmt.percent(p)).unwrap_or_default(),
                        previous: fmt.opt(c.previous),
                        actual: fmt.opt(c.actual),
                    })
                    .collect()
            }),
            chart: s.and_then(|s| figures::category_chart(site, s)),
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
            limits: s.map_or_else(Vec::new, |s| figures::limits(site, s)),
            limits_chart: s.and_then(|s| figures::limits_chart(site, s)),
            total: s.map(|s| fmt.number(s.total)).unwrap_or_default(),
            declared_total: fmt.opt(s.and_then(|s| s.declared_total)),
            total_mismatch: s.is_some_and(|s| s.declared_total.is_some_and(|d| d != s.total)),
            previous_total: fmt.opt(s.and_then(|s| s.previous_total)),
            actual_total: fmt.opt(s.and_then(|s| s.actual_total)),
            variance: fmt.opt(s.and_then(|s| s.variance)),
            ytd: s.and_then(|s| s.year_to_date.as_ref()).map(|y| YearToDateView {
                from: fmt.period(y.from),
                budget: fmt.number(y.budget),
                actual: fmt.number(y.actual),
            }),
            report: crate::render::sitemap::report_url(unit, b.period.value),
        }
    }
}
