//! The links of a plan page: each problem with the measures and tasks that answer it, each
//! measure and task with the problems it answers, and the work areas with their tasks,
//! measures and progress from the review. Part of the plan page (`plan`), in its own file.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::i18n::msg;
use crate::index::Doc;
use crate::model::ids::ProblemId;
use crate::model::{Plan, Review};
use crate::render::view::common::task_status;
use crate::render::view::site::{Link, Site, slug};
use crate::rollup::areas;
use crate::source::Spanned;

/// The links of one plan.
#[derive(Debug, Serialize)]
pub struct PlanLinks {
    /// For each problem in plan order: its anchor (when it has an id) and what answers it.
    pub problems: Vec<ProblemLinks>,
    /// The measures.
    pub measures: Vec<MeasureView>,
    /// The work areas; empty when the plan has none.
    pub areas: Vec<AreaView>,
    /// The problems each task answers, by the task's anchor (every task has an entry).
    pub task_answers: BTreeMap<String, Vec<Link>>,
}

/// What answers one problem.
#[derive(Debug, Serialize)]
pub struct ProblemLinks {
    /// The problem's anchor on the page, when it has an id.
    pub anchor: Option<String>,
    /// The measures and tasks that answer it.
    pub answered_by: Vec<Link>,
}

/// A measure of the plan.
#[derive(Debug, Serialize)]
pub struct MeasureView {
    /// Anchor id.
    pub anchor: String,
    /// What is done.
    pub name: String,
    /// The person responsible.
    pub owner: Option<Link>,
    /// The area it belongs to, linked to the area.
    pub area: Option<Link>,
    /// The problems it answers.
    pub answers: Vec<Link>,
    /// More detail.
    pub detail: Option<String>,
}

/// A work area with its tasks, measures and progress.
#[derive(Debug, Serialize)]
pub struct AreaView {
    /// Anchor id.
    pub anchor: String,
    /// The area's name (its id when the plan does not declare it; `No area` for the rest).
    pub name: String,
    /// The person who leads it.
    pub owner: Option<Link>,
    /// What it covers.
    pub description: Option<String>,
    /// `3 of 5 tasks done (60%)`, once the plan has a review.
    pub progress: Option<String>,
    /// Tasks done as a number from 0 to 100, for a bar.
    pub done_pct: Option<String>,
    /// Its tasks, each with its status key.
    pub tasks: Vec<AreaTask>,
    /// Its measures.
    pub measures: Vec<Link>,
}

/// A task listed under its area.
#[derive(Debug, Serialize)]
pub struct AreaTask {
    /// The task, linked to its row in the task table.
    pub link: Link,
    /// Status key from the review.
    pub status: Option<&'static str>,
}

fn anchor(prefix: &str, id: &str) -> String {
    format!("{prefix}-{}", slug(id))
}

fn here(label: &str, url: String) -> Link {
    Link { label: label.to_string(), url, broken: None }
}

impl PlanLinks {
    /// The links of `plan`, with task statuses and area progress from `review`.
    pub fn new(site: &Site, plan: Doc<Plan>, review: Option<Doc<Review>>) -> PlanLinks {
        let p = plan.value;
        let problem_link = |id: &Spanned<ProblemId>| {
            let id = id.value.as_str();
            let found = p.problems.iter().find(|x| x.id.as_ref().is_some_and(|i| i.value.0 == id));
            match found {
                Some(x) => here(&x.title, format!("#{}", anchor("problem", id))),
                None => here(id, String::new()),
            }
        };
        let problems =
            p.problems
                .iter()
                .map(|x| {
                    let Some(id) = &x.id else {
                        return ProblemLinks { anchor: None, answered_by: Vec::new() };
                    };
                    let answers = |a: &[Spanned<ProblemId>]| a.iter().any(|a| a.value == id.value);
                    let measures = p.measures.iter().filter(|m| answers(&m.answers)).map(|m| {
                        here(&m.name, format!("#{}", anchor("measure", m.id.value.as_str())))
                    });
                    let tasks = p.tasks.iter().filter(|t| answers(&t.answers)).map(|t| {
                        here(&t.name, format!("#{}", anchor("task", t.id.value.as_str())))
                    });
                    ProblemLinks {
                        anchor: Some(anchor("problem", id.value.as_str())),
                        answered_by: measures.chain(tasks).collect(),
                    }
                })
                .collect();
        let area_link = |id: &str| {
            let name = p.areas.iter().find(|a| a.id.value.as_str() == id).map(|a| &a.name);
            here(name.map_or(id, |n| n.as_str()), format!("#{}", anchor("area", id)))
        };
        let measures = p
            .measures
            .iter()
            .map(|m| MeasureView {
                anchor: anchor("measure", m.id.value.as_str()),
                name: m.name.clone(),
                owner: m.owner.as_ref().map(|o| site.person_link(o.value.as_str())),
                area: m.area.as_ref().map(|a| area_link(a.value.as_str())),
                answers: m.answers.iter().map(problem_link).collect(),
                detail: crate::render::util::prose(&m.detail),
            })
            .collect();
        let task_answers = p
            .tasks
            .iter()
            .map(|t| {
                let links = t.answers.iter().map(problem_link).collect();
                (anchor("task", t.id.value.as_str()), links)
            })
            .collect();
        let areas = areas::of_plan(site.index, plan, review)
            .into_iter()
            .map(|row| {
                let declared = row
                    .area
                    .as_deref()
                    .and_then(|id| p.areas.iter().find(|a| a.id.value.as_str() == id));
                let name = match (&row.name, &row.area) {
                    (Some(n), _) => n.clone(),
                    (None, Some(id)) => id.clone(),
                    (None, None) => site.t("no_area"),
                };
                let pct = row.done_pct.map(|p| site.fmt.percent(p));
                let progress = row.reviewed.then(|| {
                    let pct = pct.clone().unwrap_or_else(|| "—".to_string());
                    let text = msg!(
                        "handbook-area-progress",
                        done = row.done,
                        tasks = row.tasks,
                        pct = pct
                    );
                    text.text(site.fmt.locale)
                });
                let tasks = row
                    .task_ids
                    .iter()
                    .filter_map(|id| p.tasks.iter().find(|t| t.id.value.as_str() == id))
                    .map(|t| AreaTask {
                        link: here(&t.name, format!("#{}", anchor("task", t.id.value.as_str()))),
                        status: task_status(review, t.id.value.as_str()),
                    })
                    .collect();
                let measures = row
                    .measure_ids
                    .iter()
                    .filter_map(|id| p.measures.iter().find(|m| m.id.value.as_str() == id))
                    .map(|m| here(&m.name, format!("#{}", anchor("measure", m.id.value.as_str()))))
                    .collect();
                AreaView {
                    anchor: row
                        .area
                        .as_deref()
                        .map_or_else(|| "areas-none".to_string(), |a| anchor("area", a)),
                    name,
                    owner: row.owner.as_deref().map(|o| site.person_link(o)),
                    description: declared.and_then(|a| crate::render::util::prose(&a.description)),
                    progress,
                    done_pct: row.done_pct.map(|p| p.round_dp(0).to_string()),
                    tasks,
                    measures,
                }
            })
            .collect();
        PlanLinks { problems, measures, areas, task_answers }
    }
}
