//! The attainment rollup: each KPI's actual against its target, floor or range, respecting
//! higher- or lower-is-better, and aggregated up the unit hierarchy by each KPI's rule.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::index::Index;
use crate::model::config::{Aggregate, Better};
use crate::model::money::exact::{self, OutOfRange};
use crate::model::period::Period;
use crate::model::plan::Target;
use crate::rollup::year_to_date::{Reviews, YearToDate};
use crate::rollup::{Options, percent, unit_name};

/// Attainment of every selected plan's targets.
#[derive(Debug, Clone, Serialize)]
pub struct AttainmentReport {
    /// One row per target.
    pub targets: Vec<AttainmentRow>,
    /// Unit totals aggregated up the hierarchy, one row per unit, period and KPI.
    pub hierarchy: Vec<AggregateRow>,
}

/// Where an actual stands against its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Standing {
    /// Reached the target (or stayed within the range).
    Met,
    /// Reached the floor but not the target.
    AboveFloor,
    /// Missed the floor (or fell outside the range).
    Missed,
    /// No actual reported yet.
    NoActual,
}

/// One target and its actual.
#[derive(Debug, Clone, Serialize)]
pub struct AttainmentRow {
    /// Unit id.
    pub unit: String,
    /// Unit name.
    pub unit_name: String,
    /// Period.
    pub period: Period,
    /// KPI id.
    pub kpi: String,
    /// KPI name.
    pub kpi_name: String,
    /// Unit of measure.
    pub measure: Option<String>,
    /// What the target applies to.
    pub scope: Option<String>,
    /// Per person in this post.
    pub per_post: Option<String>,
    /// For a regional target: the region or region group.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// For a region group without a target of its own: the regions whose targets and
    /// actuals it sums (by the KPI's `aggregate`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub summed_from: Vec<String>,
    /// Higher or lower is better.
    pub better: Better,
    /// The aim.
    pub target: Option<Decimal>,
    /// The least acceptable figure.
    pub floor: Option<Decimal>,
    /// The acceptable range.
    pub range: Option<(Decimal, Decimal)>,
    /// The actual.
    pub actual: Option<Decimal>,
    /// Actual against target in percent (target against actual for lower-is-better).
    pub attainment_pct: Option<Decimal>,
    /// Where it stands.
    pub standing: Standing,
    /// The year to date against the longer period's target it contributes to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year_to_date: Option<YearToDate>,
}

/// A KPI's value for a unit including the units below it.
#[derive(Debug, Clone, Serialize)]
pub struct AggregateRow {
    /// Unit id.
    pub unit: String,
    /// Unit name.
    pub unit_name: String,
    /// Period.
    pub period: Period,
    /// KPI id.
    pub kpi: String,
    /// How values were combined.
    pub aggregate: Aggregate,
    /// How many units contributed an actual.
    pub units: usize,
    /// The combined actual.
    pub actual: Decimal,
    /// The combined target, when every contributing unit has one.
    pub target: Option<Decimal>,
    /// Combined actual against combined target.
    pub attainment_pct: Option<Decimal>,
}

/// Judges `actual` against a target.
pub fn standing(
    target: &Target,
    actual: Option<Decimal>,
    better: Better,
) -> (Standing, Option<Decimal>) {
    let Some(actual) = actual else { return (Standing::NoActual, None) };
    let beats = |a: Decimal, b: Decimal| match better {
        Better::Higher => a >= b,
        Better::Lower => a <= b,
    };
    let pct = target
        .target
        .as_ref()
        .map(|t| t.value.0)
        .or(target.floor.as_ref().map(|f| f.value.0))
        .and_then(|goal| match better {
            Better::Higher => percent(actual, goal),
            Better::Lower if goal.is_zero() => None,
            Better::Lower => percent(goal, actual),
        });
    let standing = if let Some(range) = &target.range {
        if range.min.value.0 <= actual && actual <= range.max.value.0 {
            Standing::Met
        } else {
            Standing::Missed
        }
    } else if target.target.as_ref().is_some_and(|t| beats(actual, t.value.0)) {
        Standing::Met
    } else if let Some(floor) = &target.floor {
        match (beats(actual, floor.value.0), target.target.is_some()) {
            (true, true) => Standing::AboveFloor,
            (true, false) => Standing::Met,
            (false, _) => Standing::Missed,
        }
    } else {
        Standing::Missed
    };
    (standing, pct)
}

/// Builds the attainment rollup.
pub fn rollup(index: &Index, options: &Options) -> AttainmentReport {
    // The first review of each plan, found once rather than per plan (quadratic in large
    // repositories).
    let mut reviews = std::collections::HashMap::new();
    for (r, _) in &index.reviews {
        if let Some(plan) = index.plan_of_review(*r) {
            reviews.entry(std::ptr::from_ref(plan.value)).or_insert(*r);
        }
    }
    let by_period = Reviews::new(index);
    let mut targets = Vec::new();
    for (plan, _) in &index.plans {
        let p = plan.value;
        if !options.selects(index, &p.unit.value.0, Some(p.period.value)) {
            continue;
        }
        let review = reviews.get(&std::ptr::from_ref(p)).copied();
        for t in &p.targets {
            let kpi = index.kpis.get(t.kpi.value.as_str());
            let better = kpi.map_or(Better::Higher, |k| k.better);
            let actual = review
                .and_then(|r| r.value.actuals.iter().find(|a| a.reports_on(t)))
                .and_then(|a| crate::compute::tally::value(&index.ws.config, a));
            let (standing, attainment_pct) = standing(t, actual, better);
            targets.push(AttainmentRow {
                unit: p.unit.value.0.clone(),
                unit_name: unit_name(index, &p.unit.value.0),
                period: p.period.value,
                kpi: t.kpi.value.0.clone(),
                kpi_name: kpi.map_or_else(|| t.kpi.value.0.clone(), |k| k.name.clone()),
                measure: kpi.and_then(|k| k.unit.clone()),
                scope: t.scope.clone(),
                per_post: t.per_post.as_ref().map(|p| p.value.0.clone()),
                region: t.region.as_ref().map(|r| r.value.0.clone()),
                summed_from: Vec::new(),
                better,
                target: t.target.as_ref().map(|v| v.value.0),
                floor: t.floor.as_ref().map(|v| v.value.0),
                range: t.range.as_ref().map(|r| (r.min.value.0, r.max.value.0)),
                actual,
                attainment_pct,
                standing,
                year_to_date: by_period.of(&p.unit.value.0, p.period.value, t),
            });
        }
        targets.extend(super::regions::groups(index, p, review));
    }
    targets.sort_by(|a, b| (&a.unit, a.period).cmp(&(&b.unit, b.period)));
    let hierarchy = aggregate(index, &targets, options);
    AttainmentReport { targets, hierarchy }
}

/// Combines unit-wide actuals (no scope, no per-post, no region) up the hierarchy.
fn aggregate(index: &Index, rows: &[AttainmentRow], options: &Options) -> Vec<AggregateRow> {
    let unit_wide: Vec<&AttainmentRow> = rows
        .iter()
        .filter(|r| {
            r.scope.is_none() && r.per_post.is_none() && r.region.is_none() && r.actual.is_some()
        })
        .collect();
    let mut out = Vec::new();
    // Rows grouped by period and KPI once, so each unit looks only at its own group's rows.
    let mut keys: BTreeMap<(Period, &str), Vec<&AttainmentRow>> = BTreeMap::new();
    for r in &unit_wide {
        keys.entry((r.period, r.kpi.as_str())).or_default().push(r);
    }
    for unit in &index.ws.config.units {
        let id = unit.id.value.as_str();
        if options.unit.as_deref().is_some_and(|u| !index.unit_and_descendants(u).contains(&id)) {
            continue;
        }
        let members = index.unit_and_descendants(id);
        for ((period, kpi), group) in &keys {
            let found: Vec<&&AttainmentRow> =
                group.iter().filter(|r| members.contains(&r.unit.as_str())).collect();
            if found.is_empty() {
                continue;
            }
            let rule = index.kpis.get(kpi).map_or(Aggregate::Sum, |k| k.aggregate);
            // A unit-wide figure beyond exact range (reported by `planbook check`) is left out.
            let Ok(actual) = combine(rule, found.iter().filter_map(|r| r.actual)) else { continue };
            let target = if found.iter().all(|r| r.target.is_some()) {
                combine(rule, found.iter().filter_map(|r| r.target)).ok()
            } else {
                None
            };
            let better = index.kpis.get(kpi).map_or(Better::Higher, |k| k.better);
            out.push(AggregateRow {
                unit: id.to_string(),
                unit_name: unit.name.clone(),
                period: *period,
                kpi: kpi.to_string(),
                aggregate: rule,
                units: found.len(),
                actual,
                target,
                attainment_pct: target.and_then(|t| match better {
                    Better::Higher => percent(actual, t),
                    Better::Lower if t.is_zero() => None,
                    Better::Lower => percent(t, actual),
                }),
            });
        }
    }
    out
}

/// Combines values by an aggregate rule; an error when their sum is beyond exact range.
pub fn combine(
    rule: Aggregate,
    values: impl Iterator<Item = Decimal>,
) -> Result<Decimal, OutOfRange> {
    let values: Vec<Decimal> = values.collect();
    Ok(match rule {
        Aggregate::Sum => exact::sum(values)?,
        Aggregate::Mean if values.is_empty() => Decimal::ZERO,
        Aggregate::Mean => {
            let sum = exact::sum(values.iter().copied())?;
            sum.checked_div(Decimal::from(values.len())).ok_or(OutOfRange)?.round_dp(4)
        }
        Aggregate::Min => values.iter().copied().min().unwrap_or_default(),
        Aggregate::Max => values.iter().copied().max().unwrap_or_default(),
    })
}
