//! The budget rollup: lines, categories and sections; totals against declared figures; caps
//! and headroom; the previous period; actual spend from the review; year to date.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::index::{Doc, Index};
use crate::model::Budget;
use crate::model::budget::Line;
use crate::model::money::exact::{self, OutOfRange};
use crate::model::period::Period;
use crate::rollup::{Options, percent, unit_name};

/// Every selected budget, summarised.
#[derive(Debug, Clone, Serialize)]
pub struct BudgetReport {
    /// One summary per budget, by unit then period.
    pub budgets: Vec<BudgetSummary>,
    /// Budgets left out because a sum or product of their figures is beyond exact range
    /// (`planbook check` reports which, as `number.out-of-range`): unit id and period.
    pub out_of_range: Vec<(String, Period)>,
}

/// One budget's figures.
#[derive(Debug, Clone, Serialize)]
pub struct BudgetSummary {
    /// The budget document's path in the repository: which budget this summarises (a unit may
    /// have two budgets for a period). Left out of the JSON, which identifies by unit and period.
    #[serde(skip)]
    pub document: PathBuf,
    /// Unit id.
    pub unit: String,
    /// Unit name.
    pub unit_name: String,
    /// The budget's period.
    pub period: Period,
    /// The budget's title.
    pub title: Option<String>,
    /// Currency code.
    pub currency: String,
    /// Every line.
    pub lines: Vec<LineRow>,
    /// Lines grouped by category.
    pub categories: Vec<GroupRow>,
    /// Lines grouped by section, with declared subtotals.
    pub sections: Vec<SectionRow>,
    /// Sum of all lines.
    pub total: Decimal,
    /// The total the document declares.
    pub declared_total: Option<Decimal>,
    /// Caps and their headroom.
    pub limits: Vec<LimitRow>,
    /// The previous period, when a budget exists for it.
    pub previous_period: Option<Period>,
    /// The previous period's total.
    pub previous_total: Option<Decimal>,
    /// Total actual spend reported in the review, when there is one.
    pub actual_total: Option<Decimal>,
    /// Actual minus budget over the lines that have an actual.
    pub variance: Option<Decimal>,
    /// Year to date (fiscal year), for month and quarter budgets.
    pub year_to_date: Option<YearToDate>,
}

/// One budget line.
#[derive(Debug, Clone, Serialize)]
pub struct LineRow {
    /// Line id.
    pub id: String,
    /// Line name.
    pub name: String,
    /// Category.
    pub category: Option<String>,
    /// Section id.
    pub section: Option<String>,
    /// Budgeted amount (none for a planned but unfunded line).
    pub amount: Option<Decimal>,
    /// Sum of the breakdown items.
    pub breakdown: Option<Decimal>,
    /// The same line in the previous period's budget.
    pub previous: Option<Decimal>,
    /// Actual spend from the review.
    pub actual: Option<Decimal>,
    /// Actual minus amount.
    pub variance: Option<Decimal>,
    /// Variance as a percentage of the amount.
    pub variance_pct: Option<Decimal>,
}

/// Lines grouped by a key (category).
#[derive(Debug, Clone, Serialize)]
pub struct GroupRow {
    /// The category (or `—` for lines without one).
    pub key: String,
    /// Sum of amounts.
    pub amount: Decimal,
    /// Share of the total, in percent.
    pub share_pct: Option<Decimal>,
    /// Previous period's sum.
    pub previous: Option<Decimal>,
    /// Actual spend.
    pub actual: Option<Decimal>,
}

/// A section.
#[derive(Debug, Clone, Serialize)]
pub struct SectionRow {
    /// Section id.
    pub id: String,
    /// Section name.
    pub name: String,
    /// Sum of its lines.
    pub amount: Decimal,
    /// Declared subtotal.
    pub declared: Option<Decimal>,
}

/// A cap and how much room is left under it.
#[derive(Debug, Clone, Serialize)]
pub struct LimitRow {
    /// Limit id.
    pub id: String,
    /// Limit name.
    pub name: String,
    /// The cap.
    pub max: Decimal,
    /// What the covered lines add up to.
    pub used: Decimal,
    /// `max - used` (negative when exceeded).
    pub headroom: Decimal,
    /// `used` as a percentage of `max`.
    pub used_pct: Option<Decimal>,
}

/// Budget and actual from the start of the fiscal year to the end of this period.
#[derive(Debug, Clone, Serialize)]
pub struct YearToDate {
    /// The first period counted.
    pub from: Period,
    /// How many budgets were added up.
    pub budgets: usize,
    /// Sum of their totals.
    pub budget: Decimal,
    /// Sum of actual spend reported for them.
    pub actual: Decimal,
}

/// Builds the budget rollup.
pub fn rollup(index: &Index, options: &Options) -> BudgetReport {
    let mut budgets: Vec<Doc<Budget>> = index
        .budgets
        .iter()
        .filter(|b| options.selects(index, &b.value.unit.value.0, Some(b.value.period.value)))
        .copied()
        .collect();
    budgets.sort_by(|a, b| {
        (&a.value.unit.value, a.value.period.value)
            .cmp(&(&b.value.unit.value, b.value.period.value))
    });
    let mut report = BudgetReport { budgets: Vec::new(), out_of_range: Vec::new() };
    for b in budgets {
        match summarise(index, b) {
            Ok(summary) => report.budgets.push(summary),
            Err(OutOfRange) => {
                report.out_of_range.push((b.value.unit.value.0.clone(), b.value.period.value));
            }
        }
    }
    report
}

/// Actual spend per line id from the review that covers `budget`.
pub fn actual_spend(index: &Index, budget: Doc<Budget>) -> Option<BTreeMap<String, Decimal>> {
    let review = index.reviews.iter().map(|(r, _)| *r).find(|r| {
        r.value.unit.value == budget.value.unit.value
            && r.value.period.value == budget.value.period.value
    })?;
    let spend: BTreeMap<String, Decimal> = review
        .value
        .spend
        .iter()
        .filter_map(|s| s.actual.as_ref().map(|a| (s.line.value.0.clone(), a.value.0)))
        .collect();
    (!review.value.spend.is_empty()).then_some(spend)
}

fn summarise(index: &Index, doc: Doc<Budget>) -> Result<BudgetSummary, OutOfRange> {
    let b = doc.value;
    let unit = b.unit.value.0.clone();
    let prev_period = b.period.value.previous();
    let prev = index.budget(&unit, prev_period);
    let actuals = actual_spend(index, doc);
    let total = b.computed_total()?;
    let previous: HashMap<&str, &Line> = prev
        .map(|p| p.value.lines.iter().rev().map(|l| (l.id.value.as_str(), l)).collect())
        .unwrap_or_default();
    let lines: Vec<LineRow> = b
        .lines
        .iter()
        .map(|l| {
            let actual = actuals.as_ref().and_then(|a| a.get(&l.id.value.0)).copied();
            let amount = l.amount.as_ref().map(|a| a.value.0);
            let variance = actual.map(|a| exact::sub(a, amount.unwrap_or_default())).transpose()?;
            Ok(LineRow {
                id: l.id.value.0.clone(),
                name: l.name.clone(),
                category: l.category.as_ref().map(|c| c.value.clone()),
                section: l.section.as_ref().map(|s| s.value.0.clone()),
                amount,
                breakdown: crate::compute::allowance::breakdown_total(index, b, l)?,
                previous: previous.get(l.id.value.as_str()).map(|pl| pl.amount_or_zero()),
                actual,
                variance,
                variance_pct: variance.and_then(|v| percent(v, amount.unwrap_or_default())),
            })
        })
        .collect::<Result<_, OutOfRange>>()?;
    let categories = group(&lines, total, prev.is_some(), actuals.is_some())?;
    let sections = b
        .sections
        .iter()
        .map(|s| {
            Ok(SectionRow {
                id: s.id.value.0.clone(),
                name: s.name.clone(),
                amount: b.section_total(&s.id.value.0)?,
                declared: s.subtotal.as_ref().map(|d| d.value.0),
            })
        })
        .collect::<Result<_, OutOfRange>>()?;
    let limits = b
        .limits
        .iter()
        .map(|limit| {
            let used = b.used_under(limit)?;
            Ok(LimitRow {
                id: limit.id.value.clone(),
                name: limit.name.clone(),
                max: limit.max.value.0,
                used,
                headroom: exact::sub(limit.max.value.0, used)?,
                used_pct: percent(used, limit.max.value.0),
            })
        })
        .collect::<Result<_, OutOfRange>>()?;
    let actual_total = actuals.as_ref().map(|a| exact::sum(a.values().copied())).transpose()?;
    let variance = actuals
        .as_ref()
        .map(|_| exact::sum(lines.iter().filter_map(|l: &LineRow| l.variance)))
        .transpose()?;
    Ok(BudgetSummary {
        document: doc.doc.meta.path.clone(),
        unit_name: unit_name(index, &unit),
        unit,
        period: b.period.value,
        title: b.title.clone(),
        currency: b
            .currency
            .as_ref()
            .map_or_else(|| index.ws.config.currency.0.clone(), |c| c.value.0.clone()),
        lines,
        categories,
        sections,
        total,
        declared_total: b.total.as_ref().map(|t| t.value.0),
        limits,
        previous_period: prev.map(|_| prev_period),
        previous_total: prev.and_then(|p| p.value.computed_total().ok()),
        actual_total,
        variance,
        year_to_date: year_to_date(index, doc)?,
    })
}

fn group(
    lines: &[LineRow],
    total: Decimal,
    with_previous: bool,
    with_actual: bool,
) -> Result<Vec<GroupRow>, OutOfRange> {
    let mut groups: BTreeMap<String, GroupRow> = BTreeMap::new();
    for line in lines {
        let key = line.category.clone().unwrap_or_else(|| "—".into());
        let row = groups.entry(key.clone()).or_insert(GroupRow {
            key,
            amount: Decimal::ZERO,
            share_pct: None,
            previous: with_previous.then_some(Decimal::ZERO),
            actual: with_actual.then_some(Decimal::ZERO),
        });
        row.amount = exact::add(row.amount, line.amount.unwrap_or_default())?;
        if let (Some(p), Some(lp)) = (row.previous.as_mut(), line.previous) {
            *p = exact::add(*p, lp)?;
        }
        if let (Some(a), Some(la)) = (row.actual.as_mut(), line.actual) {
            *a = exact::add(*a, la)?;
        }
    }
    let mut rows: Vec<GroupRow> = groups
        .into_values()
        .map(|mut g| {
            g.share_pct = percent(g.amount, total);
            g
        })
        .collect();
    rows.sort_by(|a, b| b.amount.cmp(&a.amount).then(a.key.cmp(&b.key)));
    Ok(rows)
}

/// The first period of the fiscal year that contains `period`.
pub fn fiscal_start(period: Period, start_month: u8) -> Period {
    // The schema holds `fiscal_year_start` to 1–12; a month outside them is never subtracted
    // from (`0 - 1` would overflow a `u8`).
    let start_month = start_month.clamp(1, 12);
    let (first, _) = period.bounds();
    let year = if first.month >= start_month { first.year } else { first.year - 1 };
    match period {
        Period::Month(..) => Period::Month(year, start_month),
        Period::Quarter(..) => Period::Quarter(year, (start_month - 1) / 3 + 1),
        Period::Year(y) => Period::Year(y),
    }
}

/// `Ok(None)` for a yearly budget; an error when a sum is beyond exact range.
fn year_to_date(index: &Index, doc: Doc<Budget>) -> Result<Option<YearToDate>, OutOfRange> {
    let period = doc.value.period.value;
    if matches!(period, Period::Year(_)) {
        return Ok(None);
    }
    let from = fiscal_start(period, index.ws.config.fiscal_year_start);
    let same_shape = |p: Period| std::mem::discriminant(&p) == std::mem::discriminant(&period);
    let mut ytd = YearToDate { from, budgets: 0, budget: Decimal::ZERO, actual: Decimal::ZERO };
    for b in &index.budgets {
        let p = b.value.period.value;
        if b.value.unit.value != doc.value.unit.value || !same_shape(p) || p < from || p > period {
            continue;
        }
        ytd.budgets += 1;
        ytd.budget = exact::add(ytd.budget, b.value.computed_total()?)?;
        let spent = actual_spend(index, *b).map(|a| exact::sum(a.values().copied()));
        ytd.actual = exact::add(ytd.actual, spent.transpose()?.unwrap_or_default())?;
    }
    Ok(Some(ytd))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fiscal_year_start_outside_the_calendar_never_underflows() {
        assert_eq!(fiscal_start(Period::Quarter(2026, 4), 0), Period::Quarter(2026, 1));
        assert_eq!(fiscal_start(Period::Month(2026, 3), 255), Period::Month(2025, 12));
        assert_eq!(fiscal_start(Period::Month(2026, 3), 4), Period::Month(2025, 4));
        assert_eq!(fiscal_start(Period::Quarter(2026, 3), 4), Period::Quarter(2026, 2));
        assert_eq!(fiscal_start(Period::Year(0), 1), Period::Year(0));
    }
}
