//! Work areas: each area of a plan with its tasks and measures, and its progress from the
//! statuses the plan's review gives its tasks (tasks done, in progress, blocked, not started).

use std::collections::HashMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::index::{Doc, Index};
use crate::model::period::Period;
use crate::model::review::Status;
use crate::model::{Plan, Review};
use crate::rollup::{Options, percent, unit_name};

/// The work areas of every selected plan that has any.
#[derive(Debug, Clone, Serialize)]
pub struct AreasReport {
    /// One row per plan and area, in unit, period and area order.
    pub areas: Vec<AreaRow>,
}

/// One work area of one plan and its progress.
#[derive(Debug, Clone, Serialize)]
pub struct AreaRow {
    /// Unit id.
    pub unit: String,
    /// Unit name.
    pub unit_name: String,
    /// The plan's period.
    pub period: Period,
    /// The area's id; `None` for the plan's tasks and measures that name no area.
    pub area: Option<String>,
    /// The area's name, when the plan declares it.
    pub name: Option<String>,
    /// The area's owner (a person id).
    pub owner: Option<String>,
    /// Whether the plan has a review, which the statuses come from.
    pub reviewed: bool,
    /// The area's task ids, in plan order.
    pub task_ids: Vec<String>,
    /// The area's measure ids, in plan order.
    pub measure_ids: Vec<String>,
    /// How many tasks.
    pub tasks: usize,
    /// Tasks done.
    pub done: usize,
    /// Tasks in progress.
    pub in_progress: usize,
    /// Tasks blocked.
    pub blocked: usize,
    /// Tasks not started.
    pub not_started: usize,
    /// Tasks dropped.
    pub dropped: usize,
    /// Tasks the review gives no status (all of them without a review).
    pub no_status: usize,
    /// Tasks done as a percentage of the tasks not dropped; `None` without a review.
    pub done_pct: Option<Decimal>,
}

/// Builds the work-area rollup.
pub fn rollup(index: &Index, options: &Options) -> AreasReport {
    let mut reviews = HashMap::new();
    for (r, _) in &index.reviews {
        if let Some(plan) = index.plan_of_review(*r) {
            reviews.entry(std::ptr::from_ref(plan.value)).or_insert(*r);
        }
    }
    let mut areas = Vec::new();
    for (plan, _) in &index.plans {
        let p = plan.value;
        if !options.selects(index, p.unit.value.as_str(), Some(p.period.value)) {
            continue;
        }
        let review = reviews.get(&std::ptr::from_ref(p)).copied();
        areas.extend(of_plan(index, *plan, review));
    }
    areas.sort_by(|a, b| (&a.unit, a.period).cmp(&(&b.unit, b.period)));
    AreasReport { areas }
}

/// The areas of `plan` with their progress from `review`: its declared areas in order, then
/// any area named but not declared, then the tasks and measures without an area. Empty for a
/// plan that neither declares nor names an area.
pub fn of_plan(
    index: &Index,
    plan: Doc<'_, Plan>,
    review: Option<Doc<'_, Review>>,
) -> Vec<AreaRow> {
    let p = plan.value;
    let mut ids: Vec<Option<&str>> = p.areas.iter().map(|a| Some(a.id.value.as_str())).collect();
    let named = p.tasks.iter().map(|t| &t.area).chain(p.measures.iter().map(|m| &m.area));
    let named: Vec<Option<&str>> = named.map(|a| a.as_ref().map(|a| a.value.as_str())).collect();
    if named.iter().all(Option::is_none) && ids.is_empty() {
        return Vec::new();
    }
    for id in &named {
        if !ids.contains(id) && id.is_some() {
            ids.push(*id);
        }
    }
    if named.iter().any(Option::is_none) {
        ids.push(None);
    }
    let unit = p.unit.value.as_str();
    ids.into_iter()
        .map(|id| {
            let declared = id.and_then(|id| p.areas.iter().find(|a| a.id.value.as_str() == id));
            let tasks: Vec<&str> = p
                .tasks
                .iter()
                .filter(|t| t.area.as_ref().map(|a| a.value.as_str()) == id)
                .map(|t| t.id.value.as_str())
                .collect();
            let measures =
                p.measures.iter().filter(|m| m.area.as_ref().map(|a| a.value.as_str()) == id);
            let mut row = AreaRow {
                unit: unit.to_string(),
                unit_name: unit_name(index, unit),
                period: p.period.value,
                area: id.map(str::to_string),
                name: declared.map(|a| a.name.clone()),
                owner: declared.and_then(|a| a.owner.as_ref()).map(|o| o.value.0.clone()),
                reviewed: review.is_some(),
                task_ids: tasks.iter().map(|t| t.to_string()).collect(),
                measure_ids: measures.map(|m| m.id.value.0.clone()).collect(),
                tasks: tasks.len(),
                done: 0,
                in_progress: 0,
                blocked: 0,
                not_started: 0,
                dropped: 0,
                no_status: 0,
                done_pct: None,
            };
            for task in &tasks {
                let status = review
                    .and_then(|r| r.value.tasks.iter().find(|s| s.task.value.as_str() == *task))
                    .and_then(|s| s.status.as_ref())
                    .map(|s| s.value);
                match status {
                    Some(Status::Done) => row.done += 1,
                    Some(Status::InProgress) => row.in_progress += 1,
                    Some(Status::Blocked) => row.blocked += 1,
                    Some(Status::NotStarted) => row.not_started += 1,
                    Some(Status::Dropped) => row.dropped += 1,
                    None => row.no_status += 1,
                }
            }
            if review.is_some() {
                let counted = Decimal::from(row.tasks - row.dropped);
                row.done_pct = percent(Decimal::from(row.done), counted);
            }
            row
        })
        .collect()
}
