//! The budget page: lines with their breakdowns, categories, sections, caps, totals against
//! the declared, previous and actual figures, and the fiscal year to date. Spend against the
//! budget carries a [`Signal`] on every line, category and the total; the lines overspent are
//! named above the table; columns no row fills are left out.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::i18n::{Arg, msg};
use crate::index::Doc;
use crate::model::Budget;
use crate::render::charts::BarChart;
use crate::render::history::HistoryIndex;
use crate::render::view::figures::{self, LimitView, LineView, Signal};
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
    /// The total over or under the budget.
    pub signal: Option<Signal>,
    /// The lines over budget, named with their excess, in a sentence; empty when none.
    pub overspent: String,
    /// The lines table's columns that some line fills.
    pub cols: LineCols,
    /// The categories table's columns that some category fills.
    pub category_cols: CategoryCols,
    /// The fiscal year to date.
    pub ytd: Option<YearToDateView>,
    /// The URL of the unit's printable monthly report for the period.
    pub report: String,
}

/// Which optional columns of the lines table some line fills, and the spans a breakdown
/// item's row needs to line up under them.
#[derive(Debug, Default, Serialize)]
pub struct LineCols {
    /// Category.
    pub category: bool,
    /// Section.
    pub section: bool,
    /// Breakdown.
    pub breakdown: bool,
    /// Previous period.
    pub previous: bool,
    /// Actual.
    pub actual: bool,
    /// Variance.
    pub variance: bool,
    /// An item row's span from the category column to the amount column.
    pub item_before: usize,
    /// An item row's span after the breakdown column (0: none).
    pub item_after: usize,
}

/// Which optional columns of the categories table some category fills.
#[derive(Debug, Default, Serialize)]
pub struct CategoryCols {
    /// Share.
    pub share: bool,
    /// Previous period.
    pub previous: bool,
    /// Actual.
    pub actual: bool,
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
    /// Over or under the category's budget, when there is an actual.
    pub signal: Option<Signal>,
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
    /// Spent over or under the budget since then.
    pub signal: Option<Signal>,
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
        let lines = figures::lines(site, budget, &blame);
        let cols = line_cols(&lines, s.is_some_and(|s| s.previous_total.is_some()));
        BudgetView {
            overspent: overspent(site, &lines),
            cols,
            category_cols: s.map_or_else(CategoryCols::default, |s| CategoryCols {
                share: s.categories.iter().any(|c| c.share_pct.is_some()),
                previous: s.categories.iter().any(|c| c.previous.is_some()),
                actual: s.categories.iter().any(|c| c.actual.is_some()),
            }),
            signal: s.and_then(|s| {
                Signal::spend(site, s.variance, s.variance.and_then(|v| percent_of(v, s.total)))
            }),
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
            lines,
            categories: s.map_or_else(Vec::new, |s| {
                s.categories
                    .iter()
                    .map(|c| CategoryRow {
                        key: site.category_name(&c.key),
                        amount: fmt.number(c.amount),
                        share: c.share_pct.map(|p| fmt.percent(p)).unwrap_or_default(),
                        previous: fmt.opt(c.previous),
                        actual: fmt.opt(c.actual),
                        signal: c.actual.and_then(|a| {
                            let v = a - c.amount;
                            Signal::spend(site, Some(v), percent_of(v, c.amount))
                        }),
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
                signal: Signal::spend(
                    site,
                    Some(y.actual - y.budget),
                    percent_of(y.actual - y.budget, y.budget),
                ),
            }),
            report: crate::render::sitemap::report_url(unit, b.period.value),
        }
    }
}

/// `part` as a percentage of `whole`, to one decimal place; `None` when `whole` is 0.
fn percent_of(part: Decimal, whole: Decimal) -> Option<Decimal> {
    let pct = part.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(whole)?;
    Some(pct.round_dp(1).normalize())
}

/// The optional columns some line fills; `previous_total` keeps the previous column for a
/// budget whose previous period has a total.
fn line_cols(lines: &[LineView], previous_total: bool) -> LineCols {
    let any = |f: &dyn Fn(&LineView) -> bool| lines.iter().any(f);
    let category = any(&|l| l.category.is_some());
    let section = any(&|l| l.section.is_some());
    let breakdown = any(&|l| !l.breakdown.is_empty() || !l.items.is_empty());
    let previous = previous_total || any(&|l| !l.previous.is_empty());
    let actual = any(&|l| !l.actual.is_empty());
    let variance = any(&|l| !l.variance.is_empty());
    LineCols {
        item_before: 1 + usize::from(category) + usize::from(section),
        item_after: usize::from(previous) + usize::from(actual) + usize::from(variance),
        category,
        section,
        breakdown,
        previous,
        actual,
        variance,
    }
}

/// `Over budget: 交通费 +18%, 水电费 +9.3%`; empty when no line is over.
fn overspent(site: &Site, lines: &[LineView]) -> String {
    let over: Vec<String> = lines
        .iter()
        .filter_map(|l| {
            let s = l.signal.as_ref().filter(|s| s.direction == "over")?;
            let by = if s.pct.is_empty() { &s.figure } else { &s.pct };
            Some(format!("{} {by}", l.name))
        })
        .collect();
    if over.is_empty() {
        return String::new();
    }
    let count = over.len();
    msg!("handbook-signals-overspent", count = count, lines = Arg::List(over)).text(site.fmt.locale)
}
