//! The trends rollup: each KPI and each budget category across periods, per unit.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::index::Index;
use crate::model::money::exact;
use crate::model::period::Period;
use crate::rollup::{Options, budget::actual_spend, unit_name};

/// KPI and budget-category series.
#[derive(Debug, Clone, Serialize)]
pub struct TrendsReport {
    /// One series per unit and unit-wide KPI target.
    pub kpis: Vec<Series>,
    /// One series per unit and budget category.
    pub categories: Vec<Series>,
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
        });
        series.points.push(Point {
            period: row.period,
            planned: row.target.or(row.floor),
            actual: row.actual,
        });
    }
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
                });
            series.points.push(Point { period: b.period.value, planned: Some(planned), actual });
        }
    }
    let sort = |mut s: Series| {
        s.points.sort_by_key(|p| p.period);
        s
    };
    TrendsReport {
        kpis: kpis.into_values().map(sort).collect(),
        categories: categories.into_values().map(sort).collect(),
    }
}
