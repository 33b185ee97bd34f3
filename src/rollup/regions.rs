//! Regional attainment beyond what is written: a region group (大区) of the unit's roster
//! without a target of its own for a KPI gets a row that combines its regions' targets and
//! actuals by the KPI's `aggregate`. A group with its own target is left as written.

use rust_decimal::Decimal;

use crate::index::{Doc, Index};
use crate::model::config::{Aggregate, Better};
use crate::model::plan::{Plan, Target};
use crate::model::review::Review;
use crate::rollup::attainment::{AttainmentRow, combine, standing};
use crate::rollup::unit_name;
use crate::source::Spanned;

/// The summed rows of `plan`'s region groups, with actuals from `review`.
pub fn groups(index: &Index, plan: &Plan, review: Option<Doc<'_, Review>>) -> Vec<AttainmentRow> {
    let unit = plan.unit.value.as_str();
    let regional: Vec<&Target> = plan
        .targets
        .iter()
        .filter(|t| t.region.is_some() && t.scope.is_none() && t.per_post.is_none())
        .collect();
    if regional.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut done: Vec<(&str, &str)> = Vec::new();
    for roster in index.rosters_of(unit) {
        for group in &roster.value.groups {
            let gid = group.id.value.as_str();
            let mut kpis: Vec<&str> = regional.iter().map(|t| t.kpi.value.as_str()).collect();
            kpis.dedup();
            for kpi in kpis {
                if done.contains(&(gid, kpi)) {
                    continue;
                }
                done.push((gid, kpi));
                let of_kpi = || regional.iter().filter(|t| t.kpi.value.as_str() == kpi);
                if of_kpi().any(|t| t.region.as_ref().is_some_and(|r| r.value.as_str() == gid)) {
                    continue; // the group's own target, as written
                }
                let members: Vec<&Target> = of_kpi()
                    .filter(|t| {
                        group
                            .regions
                            .iter()
                            .any(|r| t.region.as_ref().is_some_and(|x| x.value == r.value))
                    })
                    .copied()
                    .collect();
                if let Some(row) = summed(index, plan, review, gid, kpi, &members) {
                    out.push(row);
                }
            }
        }
    }
    out
}

/// The row of group `gid` for `kpi` that combines `members`' targets and actuals.
fn summed(
    index: &Index,
    plan: &Plan,
    review: Option<Doc<'_, Review>>,
    gid: &str,
    kpi: &str,
    members: &[&Target],
) -> Option<AttainmentRow> {
    let first = members.first()?;
    let k = index.kpis.get(kpi);
    let rule = k.map_or(Aggregate::Sum, |k| k.aggregate);
    let better = k.map_or(Better::Higher, |k| k.better);
    let all = |f: fn(&Target) -> Option<Decimal>| -> Option<Decimal> {
        let values: Option<Vec<Decimal>> = members.iter().map(|t| f(t)).collect();
        combine(rule, values?.into_iter()).ok()
    };
    let goal = all(|t| t.target.as_ref().map(|v| v.value.0));
    let floor = all(|t| t.floor.as_ref().map(|v| v.value.0));
    let actuals: Option<Vec<Decimal>> = members
        .iter()
        .map(|t| {
            let r = review?;
            let a = r.value.actuals.iter().find(|a| a.reports_on(t))?;
            crate::compute::tally::value(&index.ws.config, a)
        })
        .collect();
    let actual = actuals.and_then(|a| combine(rule, a.into_iter()).ok());
    let mut target = (*first).clone();
    target.target =
        goal.map(|g| Spanned { value: crate::model::money::Figure(g), span: first.kpi.span });
    target.floor =
        floor.map(|f| Spanned { value: crate::model::money::Figure(f), span: first.kpi.span });
    target.range = None;
    let (standing, attainment_pct) = standing(&target, actual, better);
    Some(AttainmentRow {
        unit: plan.unit.value.0.clone(),
        unit_name: unit_name(index, plan.unit.value.as_str()),
        period: plan.period.value,
        kpi: kpi.to_owned(),
        kpi_name: k.map_or_else(|| kpi.to_owned(), |k| k.name.clone()),
        measure: k.and_then(|k| k.unit.clone()),
        scope: None,
        per_post: None,
        region: Some(gid.to_owned()),
        summed_from: members
            .iter()
            .filter_map(|t| t.region.as_ref())
            .map(|r| r.value.0.clone())
            .collect(),
        better,
        target: goal,
        floor,
        range: None,
        actual,
        attainment_pct,
        standing,
        year_to_date: None,
    })
}
