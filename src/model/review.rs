//! `kind: review`: the front matter of a review document (actuals, task statuses, spend,
//! scores); the Markdown body after it is the narrative.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::ids::{ComponentId, KpiId, LineId, PersonId, PostId, TaskId, UnitId};
use crate::model::money::{Figure, Money};
use crate::model::period::Period;
use crate::source::Spanned;

/// A unit's review of one period against its plan.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "planbook review (Markdown front matter)")]
pub struct Review {
    /// Always `review`.
    #[schemars(extend("const" = "review"))]
    pub kind: String,
    /// The unit reviewed.
    pub unit: Spanned<UnitId>,
    /// The period reviewed.
    pub period: Spanned<Period>,
    /// The review's title.
    pub title: String,
    /// The plan reviewed: a path relative to this file.
    #[serde(default)]
    pub plan: Option<Spanned<String>>,
    /// The person who wrote the review.
    #[serde(default)]
    pub author: Option<Spanned<PersonId>>,
    /// Keep this document out of the published handbook.
    #[serde(default)]
    pub private: bool,
    /// What was achieved, KPI by KPI.
    #[serde(default)]
    pub actuals: Vec<Actual>,
    /// Where each planned task stands.
    #[serde(default)]
    pub tasks: Vec<TaskStatus>,
    /// What was actually spent, budget line by budget line.
    #[serde(default)]
    pub spend: Vec<Spend>,
    /// Each person's scores, by scorecard component.
    #[serde(default)]
    pub scores: Vec<Score>,
}

/// The actual value of one KPI.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Actual {
    /// The KPI.
    pub kpi: Spanned<KpiId>,
    /// Matches the `scope` of the plan's target, if it has one.
    #[serde(default)]
    pub scope: Option<String>,
    /// For a per-person target: the post whose people this is the average of.
    #[serde(default)]
    pub per_post: Option<Spanned<PostId>>,
    /// The value achieved; leave empty until known.
    #[serde(default)]
    pub actual: Option<Spanned<Figure>>,
    /// Anything else worth knowing.
    #[serde(default)]
    pub note: Option<String>,
}

/// The status of one planned task.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TaskStatus {
    /// The task's id in the plan.
    pub task: Spanned<TaskId>,
    /// Where it stands; leave empty until known.
    #[serde(default)]
    pub status: Option<Spanned<Status>>,
    /// Anything else worth knowing.
    #[serde(default)]
    pub note: Option<String>,
}

/// Where a task stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Not begun.
    NotStarted,
    /// Under way.
    InProgress,
    /// Finished.
    Done,
    /// Stuck.
    Blocked,
    /// Abandoned.
    Dropped,
}

/// Actual spending on one budget line.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Spend {
    /// The budget line's id.
    pub line: Spanned<LineId>,
    /// The amount spent; leave empty until known.
    #[serde(default)]
    pub actual: Option<Spanned<Money>>,
    /// Anything else worth knowing.
    #[serde(default)]
    pub note: Option<String>,
}

/// One person's scores for the period.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Score {
    /// The person scored.
    pub person: Spanned<PersonId>,
    /// The post whose scorecard applies; defaults to the person's post on the roster.
    #[serde(default)]
    pub post: Option<Spanned<PostId>>,
    /// Points per component, 0 to 100; leave a component empty until scored.
    pub components: BTreeMap<Spanned<ComponentId>, Option<Spanned<Figure>>>,
    /// Anything else worth knowing.
    #[serde(default)]
    pub note: Option<String>,
}
