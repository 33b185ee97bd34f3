//! Year to date: a target that contributes to a longer period's (`contributes_to: 2027` on a
//! month's profit target) is followed across that period. The unit's actuals for the same
//! KPI, scope, post and region in every review of the same length from the start of the
//! longer period up to the target's own (January to March for March) are combined by the
//! KPI's `aggregate` and set against the longer plan's target, beside the share of the
//! period elapsed, so a reader sees whether the year is on pace.

use std::collections::HashMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::index::{Doc, Index};
use crate::model::Review;
use crate::model::config::{Aggregate, Better};
use crate::model::period::Period;
use crate::model::plan::Target;
use crate::rollup::attainment::combine;
use crate::rollup::percent;

/// A target's year to date against the longer period's target it contributes to.
#[derive(Debug, Clone, Serialize)]
pub struct YearToDate {
    /// The longer period (`2027`).
    pub period: Period,
    /// The last period counted: the target's own.
    pub through: Period,
    /// How the periods' actuals were combined (the KPI's rule).
    pub aggregate: Aggregate,
    /// The combined actual of the periods counted; `None` when none has an actual.
    pub actual: Option<Decimal>,
    /// The periods whose review has an actual, in order.
    pub counted: Vec<Period>,
    /// The periods up to `through` without a review or without an actual, in order.
    pub missing: Vec<Period>,
    /// The longer plan's target, when it has one.
    pub annual_target: Option<Decimal>,
    /// The longer plan's floor, when it has one.
    pub annual_floor: Option<Decimal>,
    /// The year to date as a percentage of the annual target.
    pub share_pct: Option<Decimal>,
    /// The year to date as a percentage of the annual floor.
    pub floor_share_pct: Option<Decimal>,
    /// How many periods of the longer one have passed, `through` included.
    pub elapsed: usize,
    /// How many periods of this length the longer one has (12 months, 4 quarters).
    pub periods: usize,
    /// `elapsed` as a percentage of `periods`.
    pub elapsed_pct: Option<Decimal>,
    /// Whether the year to date keeps pace with the annual target: for a summed KPI, its
    /// share at least the share of time elapsed (at most, when lower is better); for a mean,
    /// least or most, the figure itself beats the annual target. `None` without both.
    pub on_pace: Option<bool>,
}

/// The reviews of each unit and period, found once for every row of a rollup.
#[derive(Debug)]
pub struct Reviews<'a> {
    index: &'a Index<'a>,
    by_key: HashMap<(&'a str, Period), Doc<'a, Review>>,
}

impl<'a> Reviews<'a> {
    /// Indexes the reviews of `index` (the first of a unit and period wins).
    pub fn new(index: &'a Index<'a>) -> Reviews<'a> {
        let mut by_key = HashMap::new();
        for (review, _) in &index.reviews {
            let key = (review.value.unit.value.as_str(), review.value.period.value);
            by_key.entry(key).or_insert(*review);
        }
        Reviews { index, by_key }
    }

    /// The year to date of `target` in `unit`'s plan for `period`; `None` when the target
    /// contributes to nothing, to a period that does not contain `period`, or to a plan
    /// that is missing.
    pub fn of(&self, unit: &str, period: Period, target: &Target) -> Option<YearToDate> {
        let longer = target.contributes_to.as_ref()?.value;
        if longer == period || !period.within(longer) {
            return None;
        }
        let annual = self.index.plan(unit, longer)?;
        let annual = annual.value.targets.iter().find(|t| t.same_key(target));
        let kpi = self.index.kpis.get(target.kpi.value.as_str());
        let aggregate = kpi.map_or(Aggregate::Sum, |k| k.aggregate);
        let better = kpi.map_or(Better::Higher, |k| k.better);
        let parts = parts(longer, period);
        let (mut counted, mut missing, mut values) = (Vec::new(), Vec::new(), Vec::new());
        for part in parts.iter().copied().filter(|p| *p <= period) {
            let actual = self
                .by_key
                .get(&(unit, part))
                .and_then(|r| r.value.actuals.iter().find(|a| a.reports_on(target)))
                .and_then(|a| crate::compute::tally::value(&self.index.ws.config, a));
            match actual {
                Some(a) => {
                    counted.push(part);
                    values.push(a);
                }
                None => missing.push(part),
            }
        }
        let actual =
            if values.is_empty() { None } else { combine(aggregate, values.into_iter()).ok() };
        let annual_target = annual.and_then(|t| t.target.as_ref()).map(|t| t.value.0);
        let annual_floor = annual.and_then(|t| t.floor.as_ref()).map(|t| t.value.0);
        let elapsed = parts.iter().filter(|p| **p <= period).count();
        let share = |of: Option<Decimal>| actual.zip(of).and_then(|(a, t)| percent(a, t));
        let on_pace = actual.zip(annual_target).and_then(|(a, t)| {
            let beats = |x: Decimal, y: Decimal| match better {
                Better::Higher => x >= y,
                Better::Lower => x <= y,
            };
            match aggregate {
                // actual / target against elapsed / periods, without rounding either.
                Aggregate::Sum => Some(beats(
                    a.checked_mul(Decimal::from(parts.len()))?,
                    t.checked_mul(Decimal::from(elapsed))?,
                )),
                _ => Some(beats(a, t)),
            }
        });
        Some(YearToDate {
            period: longer,
            through: period,
            aggregate,
            actual,
            counted,
            missing,
            annual_target,
            annual_floor,
            share_pct: share(annual_target),
            floor_share_pct: share(annual_floor),
            elapsed,
            periods: parts.len(),
            elapsed_pct: percent(Decimal::from(elapsed), Decimal::from(parts.len())),
            on_pace,
        })
    }
}

/// The periods of the same length as `like` (months or quarters) that lie within `longer`,
/// in order.
pub fn parts(longer: Period, like: Period) -> Vec<Period> {
    let (first, last) = longer.bounds();
    let mut out = Vec::new();
    for year in first.year..=last.year {
        match like {
            Period::Month(..) => out.extend((1..=12).map(|m| Period::Month(year, m))),
            Period::Quarter(..) => out.extend((1..=4).map(|q| Period::Quarter(year, q))),
            Period::Year(_) => out.push(Period::Year(year)),
        }
    }
    out.retain(|p| p.within(longer) && *p != longer);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_has_twelve_months_and_four_quarters() {
        let months = parts(Period::Year(2027), Period::Month(2027, 3));
        assert_eq!(months.len(), 12);
        assert_eq!(months.first(), Some(&Period::Month(2027, 1)));
        assert_eq!(parts(Period::Year(2027), Period::Quarter(2027, 2)).len(), 4);
        let q2 = parts(Period::Quarter(2027, 2), Period::Month(2027, 5));
        assert_eq!(q2, [Period::Month(2027, 4), Period::Month(2027, 5), Period::Month(2027, 6)]);
    }
}
