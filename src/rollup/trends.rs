//! The trends rollup: each KPI and each budget category across periods, per unit; budget
//! against actual spend and establishment against headcount per period, per unit and summed
//! for every unit with units below it; and the months all of them span.
//!
//! Every figure stays an exact decimal. A group's series is the sum of its units' series
//! period by period; its actual is known only when every unit that adds to it has one.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::index::Index;
use crate::model::money::exact;
use crate::model::period::Period;
use crate::rollup::headcount::months_between;
use crate::rollup::{Options, budget::actual_spend, unit_name};

/// The most months a report spans: the latest ten years of the documents' periods.
pub const MAX_MONTHS: usize = 120;

/// KPI and budget-category series.
#[derive(Debug, Clone, Serialize)]
pub struct TrendsReport {
    /// One series per unit and unit-wide KPI target; then, for a unit with units below it,
    /// one per KPI that two or more of them report (`group: true`), combined by the KPI's
    /// aggregate rule.
    pub kpis: Vec<Series>,
    /// One series per unit and budget category.
    pub categories: Vec<Series>,
    /// The months from the first month of the earliest period of a KPI or budget to the last
    /// month of the latest one (at most [`MAX_MONTHS`], the latest), oldest first.
    pub months: Vec<Period>,
    /// Budget total (planned) against actual spend per unit, period and currency (`key`);
    /// then the sums for every unit with units below it (`group: true`).
    pub spend: Vec<Series>,
    /// Establishment (planned) against people on staff (actual) at the end of each of
    /// `months`, per roster's unit; then the sums for every unit with units below it.
    pub headcount: Vec<Series>,
}

/// A series of values over periods.
#[derive(Debug, Clone, Serialize)]
pub struct Series {
    /// Unit id.
    pub unit: String,
    /// Unit name.
    pub unit_name: String,
    /// KPI id or category.
    pub key: String,
    /// Display name.
    pub name: String,
    /// The points, in period order.
    pub points: Vec<Point>,
    /// Unit of measure (a KPI's `unit`, a currency), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
    /// Whether the series sums the units below `unit` (and its own documents).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub group: bool,
}

/// One period's planned and actual value.
#[derive(Debug, Clone, Serialize)]
pub struct Point {
    /// Period.
    pub period: Period,
    /// Target or budget.
    pub planned: Option<Decimal>,
    /// Actual.
    pub actual: Option<Decimal>,
    /// The KPI's target, if it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<Decimal>,
    /// The KPI's floor, if it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub floor: Option<Decimal>,
}

impl Point {
    fn new(period: Period, planned: Option<Decimal>, actual: Option<Decimal>) -> Point {
        Point { period, planned, actual, target: None, floor: None }
    }
}

/// Builds the trends rollup.
pub fn rollup(index: &Index, options: &Options) -> TrendsReport {
    let attainment = crate::rollup::attainment::rollup(index, options);
    let mut kpis: BTreeMap<(String, String), Series> = BTreeMap::new();
    for row in attainment
        .targets
        .iter()
        .filter(|r| r.scope.is_none() && r.per_post.is_none() && r.region.is_none())
    {
        let series = kpis.entry((row.unit.clone(), row.kpi.clone())).or_insert_with(|| Series {
            unit: row.unit.clone(),
            unit_name: row.unit_name.clone(),
            key: row.kpi.clone(),
            name: row.kpi_name.clone(),
            points: Vec::new(),
            measure: row.measure.clone(),
            group: false,
        });
        series.points.push(Point {
            period: row.period,
            planned: row.target.or(row.floor),
            actual: row.actual,
            target: row.target,
            floor: row.floor,
        });
    }
    let kpi_groups = kpi_groups(index, &attainment, &kpis);
    let mut categories: BTreeMap<(String, String), Series> = BTreeMap::new();
    for budget in &index.budgets {
        let b = budget.value;
        if !options.selects(index, &b.unit.value.0, Some(b.period.value)) {
            continue;
        }
        let actuals = actual_spend(index, *budget);
        let mut sums: BTreeMap<String, (Decimal, Option<Decimal>)> = BTreeMap::new();
        for line in &b.lines {
            let key = line.category.as_ref().map_or_else(|| "—".to_string(), |c| c.value.clone());
            let entry =
                sums.entry(key).or_insert((Decimal::ZERO, actuals.as_ref().map(|_| Decimal::ZERO)));
            // Sums of lines are bounded by the figures' own bounds; saturate rather than panic
            // on a repository built to overflow them (`planbook check` reports such budgets).
            entry.0 = exact::add(entry.0, line.amount_or_zero()).unwrap_or(entry.0);
            if let (Some(a), Some(spent)) =
                (entry.1.as_mut(), actuals.as_ref().and_then(|m| m.get(&line.id.value.0)))
            {
                *a = exact::add(*a, *spent).unwrap_or(*a);
            }
        }
        for (key, (planned, actual)) in sums {
            let series =
                categories.entry((b.unit.value.0.clone(), key.clone())).or_insert_with(|| Series {
                    unit: b.unit.value.0.clone(),
                    unit_name: unit_name(index, &b.unit.value.0),
                    name: key.clone(),
                    key,
                    points: Vec::new(),
                    measure: None,
                    group: false,
                });
            series.points.push(Point::new(b.period.value, Some(planned), actual));
        }
    }
    let sort = |mut s: Series| {
        s.points.sort_by_key(|p| p.period);
        s
    };
    let spend = with_groups(index, spend(index, options));
    let mut kpis: Vec<Series> = kpis.into_values().map(sort).collect();
    kpis.extend(kpi_groups.into_iter().map(sort));
    let periods = kpis.iter().chain(&spend).flat_map(|s| s.points.iter().map(|p| p.period));
    let months = span(periods);
    let headcount = match (months.first(), months.last()) {
        (Some(&first), Some(&last)) => with_groups(index, headcount(index, options, first, last)),
        _ => Vec::new(),
    };
    TrendsReport {
        kpis,
        categories: categories.into_values().map(sort).collect(),
        months,
        spend,
        headcount,
    }
}

/// The months from the first month of the earliest period to the last of the latest, at most
/// [`MAX_MONTHS`] (the latest).
pub fn span(periods: impl Iterator<Item = Period>) -> Vec<Period> {
    let mut first: Option<Period> = None;
    let mut last: Option<Period> = None;
    for p in periods {
        if first.is_none_or(|f| p.bounds().0 < f.bounds().0) {
            first = Some(p);
        }
        if last.is_none_or(|l| p.bounds().1 > l.bounds().1) {
            last = Some(p);
        }
    }
    let (Some(first), Some(last)) = (first, last) else { return Vec::new() };
    // Start no earlier than MAX_MONTHS before the end, so a stray year 1 costs nothing.
    let (_, end) = last.bounds();
    let earliest = Period::Month(end.year.saturating_sub(10), end.month).bounds().1.add_days(1);
    let from = if first.bounds().0 < earliest { earliest.month_period() } else { first };
    let mut months = months_between(from, last);
    let extra = months.len().saturating_sub(MAX_MONTHS);
    months.drain(..extra);
    months
}

/// Budget total against actual spend per unit, period and currency; two budgets of one unit
/// and period add up.
fn spend(index: &Index, options: &Options) -> Vec<Series> {
    let report = crate::rollup::budget::rollup(index, options);
    let mut out: BTreeMap<(String, String), Series> = BTreeMap::new();
    for b in &report.budgets {
        let series = out.entry((b.unit.clone(), b.currency.clone())).or_insert_with(|| Series {
            unit: b.unit.clone(),
            unit_name: b.unit_name.clone(),
            key: b.currency.clone(),
            name: b.currency.clone(),
            points: Vec::new(),
            measure: Some(b.currency.clone()),
            group: false,
        });
        add_point(&mut series.points, Point::new(b.period, Some(b.total), b.actual_total));
    }
    out.into_values()
        .map(|mut s| {
            s.points.sort_by_key(|p| p.period);
            s
        })
        .collect()
}

/// Establishment against people on staff at the end of every month, per roster.
fn headcount(index: &Index, options: &Options, first: Period, last: Period) -> Vec<Series> {
    let trend = crate::rollup::headcount::trend(index, options, first, last);
    trend
        .rosters
        .into_iter()
        .map(|r| Series {
            key: "headcount".to_string(),
            name: r.unit_name.clone(),
            unit: r.unit,
            unit_name: r.unit_name,
            points: r
                .months
                .iter()
                .map(|m| {
                    let planned = Some(Decimal::from(m.establishment));
                    Point::new(m.period, planned, Some(Decimal::from(m.headcount)))
                })
                .collect(),
            measure: None,
            group: false,
        })
        .collect()
}

/// Adds `point` to `points`, summing it into a point of the same period.
fn add_point(points: &mut Vec<Point>, point: Point) {
    let Some(same) = points.iter_mut().find(|p| p.period == point.period) else {
        points.push(point);
        return;
    };
    let sum = |a: Option<Decimal>, b: Option<Decimal>| match (a, b) {
        (Some(a), Some(b)) => exact::add(a, b).ok(),
        _ => None,
    };
    same.planned = sum(same.planned, point.planned);
    same.actual = sum(same.actual, point.actual);
}

/// `series` followed by, for every unit with units below it, the sum of its own and its
/// units' series of each key, period by period.
fn with_groups(index: &Index, series: Vec<Series>) -> Vec<Series> {
    let mut groups = Vec::new();
    for unit in &index.ws.config.units {
        let id = unit.id.value.as_str();
        let members = index.unit_and_descendants(id);
        if members.len() < 2 {
            continue;
        }
        let mut sums: BTreeMap<&str, Series> = BTreeMap::new();
        for s in series.iter().filter(|s| members.contains(&s.unit.as_str())) {
            let sum = sums.entry(s.key.as_str()).or_insert_with(|| Series {
                unit: id.to_string(),
                unit_name: unit.name.clone(),
                key: s.key.clone(),
                name: s.name.clone(),
                points: Vec::new(),
                measure: s.measure.clone(),
                group: true,
            });
            if sum.name != s.name {
                sum.name = unit.name.clone();
            }
            for p in &s.points {
                add_point(&mut sum.points, Point::new(p.period, p.planned, p.actual));
            }
        }
        groups.extend(sums.into_values().map(|mut s| {
            s.points.sort_by_key(|p| p.period);
            s
        }));
    }
    let mut out = series;
    out.extend(groups);
    out
}

/// For every unit with units below it: one series per KPI that two or more of them report,
/// from the attainment rollup's combined figures.
fn kpi_groups(
    index: &Index,
    attainment: &crate::rollup::AttainmentReport,
    own: &BTreeMap<(String, String), Series>,
) -> Vec<Series> {
    let mut out: BTreeMap<(String, String), Series> = BTreeMap::new();
    for row in &attainment.hierarchy {
        let members = index.unit_and_descendants(&row.unit);
        let reporting = own.keys().filter(|(u, k)| *k == row.kpi && members.contains(&u.as_str()));
        if members.len() < 2 || reporting.count() < 2 {
            continue;
        }
        let kpi = index.kpis.get(row.kpi.as_str());
        let series = out.entry((row.unit.clone(), row.kpi.clone())).or_insert_with(|| Series {
            unit: row.unit.clone(),
            unit_name: row.unit_name.clone(),
            key: row.kpi.clone(),
            name: kpi.map_or_else(|| row.kpi.clone(), |k| k.name.clone()),
            points: Vec::new(),
            measure: kpi.and_then(|k| k.unit.clone()),
            group: true,
        });
        let mut point = Point::new(row.period, row.target, Some(row.actual));
        point.target = row.target;
        series.points.push(point);
    }
    out.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(text: &str) -> Period {
        text.parse().expect("period")
    }

    #[test]
    fn the_span_runs_from_the_first_month_to_the_last_and_is_capped() {
        let months = span([period("2026-Q4"), period("2026-07"), period("2027-01")].into_iter());
        let text: Vec<String> = months.iter().map(ToString::to_string).collect();
        assert_eq!(text.first().map(String::as_str), Some("2026-07"));
        assert_eq!(text.last().map(String::as_str), Some("2027-01"));
        assert_eq!(text.len(), 7);
        assert_eq!(span([period("2026")].into_iter()).len(), 12);
        assert!(span(std::iter::empty()).is_empty());
        let long = span([period("0001-01"), period("9999-12")].into_iter());
        assert_eq!(long.len(), MAX_MONTHS);
        assert_eq!(long.last().map(ToString::to_string).as_deref(), Some("9999-12"));
    }

    #[test]
    fn points_of_one_period_add_up_exactly_and_an_unknown_actual_stays_unknown() {
        let d = |v: i64, scale: u32| Some(Decimal::new(v, scale));
        let mut points = vec![Point::new(period("2026-09"), d(1, 1), d(2, 1))];
        add_point(&mut points, Point::new(period("2026-09"), d(2, 1), d(1, 1)));
        add_point(&mut points, Point::new(period("2026-10"), d(5, 0), None));
        assert_eq!(points.len(), 2);
        assert_eq!(points[0].planned, d(3, 1));
        assert_eq!(points[0].actual, d(3, 1));
        add_point(&mut points, Point::new(period("2026-10"), d(5, 0), d(4, 0)));
        assert_eq!(points[1].planned, d(10, 0));
        assert_eq!(points[1].actual, None);
    }
}
