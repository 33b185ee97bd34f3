//! `kind: plan`: the front matter of a plan document (targets, tasks, scorecards, links);
//! the Markdown body after it is the narrative.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::ids::{
    AreaId, ComponentGroupId, ComponentId, KpiId, MeasureId, PersonId, PostId, ProblemId, RegionId,
    TaskId, UnitId,
};
use crate::model::money::Figure;
use crate::model::period::{Date, Duration, Period};
use crate::model::vocab::vocabulary;
use crate::source::Spanned;

/// A unit's plan for one period.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "planbook plan (Markdown front matter)")]
pub struct Plan {
    /// Always `plan`.
    #[schemars(extend("const" = "plan"))]
    pub kind: String,
    /// The unit the plan is for.
    pub unit: Spanned<UnitId>,
    /// The period it covers.
    pub period: Spanned<Period>,
    /// The plan's title.
    pub title: String,
    /// The person responsible for the plan.
    #[serde(default)]
    pub owner: Option<Spanned<PersonId>>,
    /// The budget that funds the plan: a path relative to this file.
    #[serde(default)]
    pub budget: Option<Spanned<String>>,
    /// Keep this document out of the published handbook.
    #[serde(default)]
    pub private: bool,
    /// Problems the plan sets out to fix.
    #[serde(default)]
    pub problems: Vec<Problem>,
    /// Measures the plan takes, each answering one or more problems.
    #[serde(default)]
    pub measures: Vec<Measure>,
    /// Work areas that group the tasks (the seven areas of a year's work); each area's
    /// progress is rolled up from its tasks.
    #[serde(default)]
    pub areas: Vec<Area>,
    /// What the unit is to achieve.
    #[serde(default)]
    pub targets: Vec<Target>,
    /// The work schedule.
    #[serde(default)]
    pub tasks: Vec<Task>,
    /// How people in each post are evaluated.
    #[serde(default)]
    pub scorecards: Vec<Scorecard>,
}

/// A problem the plan addresses.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Problem {
    /// The problem's id, for measures and tasks to name in `answers`.
    #[serde(default)]
    pub id: Option<Spanned<ProblemId>>,
    /// A short statement of the problem.
    pub title: String,
    /// More detail.
    #[serde(default)]
    pub detail: Option<String>,
    /// Whether it is still open.
    #[serde(default)]
    pub status: ProblemStatus,
}

/// A measure: a standing way of working that answers problems (日清日结, 表格化管理).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// The measure's id.
    pub id: Spanned<MeasureId>,
    /// What is done.
    pub name: String,
    /// The problems it answers, by id.
    #[serde(default)]
    pub answers: Vec<Spanned<ProblemId>>,
    /// The work area it belongs to.
    #[serde(default)]
    pub area: Option<Spanned<AreaId>>,
    /// The person responsible.
    #[serde(default)]
    pub owner: Option<Spanned<PersonId>>,
    /// More detail.
    #[serde(default)]
    pub detail: Option<String>,
}

/// A work area: a heading under which tasks and measures are grouped.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// The area's id, named by tasks' and measures' `area`.
    pub id: Spanned<AreaId>,
    /// The display name.
    pub name: String,
    /// The person who leads it.
    #[serde(default)]
    pub owner: Option<Spanned<PersonId>>,
    /// What the area covers.
    #[serde(default)]
    pub description: Option<String>,
}

vocabulary! {
    /// Whether a problem is still open.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub enum ProblemStatus {
        #[default]
        Open = "open" {
            en: "Still to be solved.",
            zh: "未解决",
            aliases: ["未解决", "待解决"],
        },
        Resolved = "resolved" { en: "Solved.", zh: "已解决", aliases: ["已解决"] },
    }
}

/// A target for one KPI: a stretch `target`, a `floor` that must be met, or a `range`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// The KPI, from the catalogue in `planbook.yaml`.
    pub kpi: Spanned<KpiId>,
    /// What the target applies to when not the whole unit (`每款`, a product line).
    #[serde(default)]
    pub scope: Option<String>,
    /// The figure aimed for.
    #[serde(default)]
    pub target: Option<Spanned<Figure>>,
    /// The least acceptable figure (the most, for a lower-is-better KPI).
    #[serde(default)]
    pub floor: Option<Spanned<Figure>>,
    /// An acceptable range.
    #[serde(default)]
    pub range: Option<Range>,
    /// A per-person target for everyone in this post, instead of a unit total.
    #[serde(default)]
    pub per_post: Option<Spanned<PostId>>,
    /// A target for one region or region group of the unit's roster, instead of the unit.
    #[serde(default)]
    pub region: Option<Spanned<RegionId>>,
    /// The longer period whose target this one contributes to (`2027` for a month or a
    /// quarter of 2027): the same unit's plan for that period has a target for the same KPI,
    /// scope, post and region, and the attainment rollup shows the year to date against it.
    #[serde(default)]
    pub contributes_to: Option<Spanned<Period>>,
    /// Anything else worth knowing.
    #[serde(default)]
    pub note: Option<String>,
}

impl Target {
    /// Whether `other` is a target for the same KPI, scope, post and region: the key an
    /// actual reports on, and a `contributes_to` target's counterpart in the longer plan.
    pub fn same_key(&self, other: &Target) -> bool {
        self.kpi.value == other.kpi.value
            && self.scope == other.scope
            && self.per_post.as_ref().map(|p| &p.value) == other.per_post.as_ref().map(|p| &p.value)
            && self.region.as_ref().map(|r| &r.value) == other.region.as_ref().map(|r| &r.value)
    }
}

/// An inclusive range of acceptable values.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Range {
    /// The lower bound.
    pub min: Spanned<Figure>,
    /// The upper bound.
    pub max: Spanned<Figure>,
}

/// A task in the plan's schedule.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Task {
    /// The task's id, unique within the plan.
    pub id: Spanned<TaskId>,
    /// What is to be done.
    pub name: String,
    /// The person responsible.
    #[serde(default)]
    pub owner: Option<Spanned<PersonId>>,
    /// The day work starts.
    #[serde(default)]
    pub start: Option<Spanned<Date>>,
    /// How long it takes from `start`.
    #[serde(default)]
    pub duration: Option<Spanned<Duration>>,
    /// The day it must be finished.
    #[serde(default)]
    pub due: Option<Spanned<Date>>,
    /// Tasks that must finish first.
    #[serde(default)]
    pub depends_on: Vec<Spanned<TaskId>>,
    /// The work area it belongs to.
    #[serde(default)]
    pub area: Option<Spanned<AreaId>>,
    /// The problems it answers, by id.
    #[serde(default)]
    pub answers: Vec<Spanned<ProblemId>>,
    /// More detail.
    #[serde(default)]
    pub description: Option<String>,
}

impl Task {
    /// The last day of the task: its `due` date, else the last day of `duration` counted from
    /// `start`. `None` when neither says: a task with only a `start` has no known end.
    pub fn end(&self) -> Option<Date> {
        self.due.as_ref().map(|d| d.value).or_else(|| self.end_by_duration())
    }

    /// The last day of `duration` counted from `start`, whatever `due` says.
    pub fn end_by_duration(&self) -> Option<Date> {
        let start = self.start.as_ref()?.value;
        let days = self.duration.as_ref()?.value.days;
        Some(start.add_days(i64::from(days) - 1))
    }

    /// The first and last day a timeline draws: from `start` to [`Task::end`]; a task with
    /// only one of the two is drawn as that one day. `None` when the task has no dates.
    pub fn drawn_days(&self) -> Option<(Date, Date)> {
        let start = self.start.as_ref().map(|s| s.value);
        match (start, self.end()) {
            (Some(start), Some(end)) => Some((start, end)),
            (Some(day), None) | (None, Some(day)) => Some((day, day)),
            (None, None) => None,
        }
    }
}

/// How the people in one post are evaluated.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scorecard {
    /// The post evaluated.
    pub post: Spanned<PostId>,
    /// The components; their weights sum to 100.
    pub components: Vec<Component>,
    /// Groups of components with their own weights (基本工作 60, 绩效工作 40): the group
    /// weights sum to 100, and each group's components' weights sum to the group's.
    #[serde(default)]
    pub groups: Vec<ComponentGroup>,
    /// The points a component may be given; 0 to 100 when left out. A scheme that pays for
    /// over-achievement (104 % of target scores 104) sets a higher `max`.
    #[serde(default)]
    pub points: Option<PointRange>,
    /// The most bonus points a person may be given on top of the weighted score.
    #[serde(default)]
    pub bonus_max: Option<Spanned<Figure>>,
    /// Rewards paid as bonuses outside the weighted score.
    #[serde(default)]
    pub bonuses: Vec<String>,
}

/// A group of scorecard components with a weight of its own.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ComponentGroup {
    /// The group's id, named by components' `group`.
    pub id: Spanned<ComponentGroupId>,
    /// The display name (`基本工作`).
    pub name: String,
    /// Its weight in percent.
    pub weight: Spanned<Figure>,
}

/// The points a scorecard component may be given.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PointRange {
    /// The fewest points.
    #[serde(default)]
    pub min: Option<Spanned<Figure>>,
    /// The most points.
    pub max: Spanned<Figure>,
}

/// How points are computed from a KPI's attainment: `floor` points when the actual reaches
/// the target's floor, `target` points when it reaches the target, in a straight line
/// between and beyond, up to `cap`; `below` points under the floor.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    /// Points at the floor.
    pub floor: Spanned<Figure>,
    /// Points at the target.
    pub target: Spanned<Figure>,
    /// The most points; the scorecard's `points.max` when left out.
    #[serde(default)]
    pub cap: Option<Spanned<Figure>>,
    /// Points under the floor; 0 when left out.
    #[serde(default)]
    pub below: Option<Spanned<Figure>>,
}

/// One component of a scorecard.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Component {
    /// The component's id, used by reviews' scores.
    pub id: Spanned<ComponentId>,
    /// The display name.
    pub name: String,
    /// Its weight in percent.
    pub weight: Spanned<Figure>,
    /// A grouping such as `basic` (基本工作) or `performance` (绩效工作); a group of the
    /// scorecard's `groups` when it has any.
    #[serde(default)]
    pub group: Option<Spanned<ComponentGroupId>>,
    /// What it is measured on.
    #[serde(default)]
    pub measured_on: Option<String>,
    /// The posts that score it.
    #[serde(default)]
    pub assessed_by: Vec<Spanned<PostId>>,
    /// The KPI it follows, if any.
    #[serde(default)]
    pub kpi: Option<Spanned<KpiId>>,
    /// Whose attainment of `kpi` scores it: the person's `region` (the default), the
    /// region `group` they manage or belong to, or the whole `unit`.
    #[serde(default)]
    pub of: Option<Spanned<ScoreScope>>,
    /// Computes the points from the attainment of `kpi`, so a review may leave them out.
    #[serde(default)]
    pub scale: Option<Scale>,
    /// The most points for this component, when it differs from the scorecard's.
    #[serde(default)]
    pub max: Option<Spanned<Figure>>,
}

vocabulary! {
    /// Whose attainment a computed component is scored on.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum ScoreScope {
        Region = "region" {
            en: "The region the person covers.",
            zh: "本人负责的地区",
            aliases: ["地区"],
        },
        Group = "group" {
            en: "The region group the person manages or works in.",
            zh: "本人管理或所在的大区",
            aliases: ["大区"],
        },
        Unit = "unit" {
            en: "The whole unit.",
            zh: "整个单位",
            aliases: ["单位", "全公司"],
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{FileId, Span};

    fn at<T>(value: T) -> Spanned<T> {
        Spanned { value, span: Span::new(FileId(0), 0, 0) }
    }

    fn task(start: Option<&str>, duration: Option<&str>, due: Option<&str>) -> Task {
        Task {
            id: at(TaskId("t".into())),
            name: "t".into(),
            owner: None,
            start: start.map(|d| at(d.parse().unwrap())),
            duration: duration.map(|d| at(d.parse().unwrap())),
            due: due.map(|d| at(d.parse().unwrap())),
            depends_on: Vec::new(),
            area: None,
            answers: Vec::new(),
            description: None,
        }
    }

    #[test]
    fn a_task_ends_on_its_due_date_else_after_its_duration() {
        let day = |d: &str| d.parse::<Date>().unwrap();
        let due = task(Some("2026-12-01"), Some("10d"), Some("2026-12-20"));
        assert_eq!(due.end(), Some(day("2026-12-20")));
        let lasts = task(Some("2026-12-01"), Some("2w"), None);
        assert_eq!(lasts.end(), Some(day("2026-12-14")));
        let started = task(Some("2026-12-01"), None, None);
        assert_eq!(started.end(), None);
        assert_eq!(started.drawn_days(), Some((day("2026-12-01"), day("2026-12-01"))));
        let due_only = task(None, None, Some("2026-12-31"));
        assert_eq!(due_only.drawn_days(), Some((day("2026-12-31"), day("2026-12-31"))));
        assert_eq!(task(None, Some("3d"), None).drawn_days(), None);
    }

    #[test]
    fn durations_are_bounded() {
        assert_eq!("36500d".parse::<Duration>().map(|d| d.days), Ok(36_500));
        assert!("613566757w".parse::<Duration>().unwrap_err().contains("at most 36500 days"));
        assert_eq!("5214w".parse::<Duration>().map(|d| d.days), Ok(36_498));
        assert!("5215w".parse::<Duration>().is_err());
    }
}
