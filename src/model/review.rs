//! `kind: review`: the front matter of a review document (actuals, task statuses, spend,
//! scores); the Markdown body after it is the narrative.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::ids::{
    ComponentId, KpiId, LineId, PersonId, PostId, RegionId, TableId, TaskId, UnitId,
};
use crate::model::money::{Figure, Money};
use crate::model::period::Period;
use crate::model::vocab::vocabulary;
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
    /// For a regional target: the region or region group.
    #[serde(default)]
    pub region: Option<Spanned<RegionId>>,
    /// The value achieved; leave empty until known.
    #[serde(default)]
    pub actual: Option<Spanned<Figure>>,
    /// Computes the value from a table in `planbook.yaml`: the sum of the table's value for
    /// each of `values` (each store's monthly retail, converted to key stores). With
    /// `actual` too, `planbook check` compares the two.
    #[serde(default)]
    pub tally: Option<Tally>,
    /// Anything else worth knowing.
    #[serde(default)]
    pub note: Option<String>,
}

/// A figure computed from a table: the sum of the table's value for each input.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tally {
    /// The table, from `tables` in `planbook.yaml`.
    pub table: Spanned<TableId>,
    /// The inputs, one per thing counted.
    pub values: Vec<Spanned<Figure>>,
}

impl Actual {
    /// Whether this actual reports on `target`: the same KPI, scope, post and region.
    pub fn reports_on(&self, target: &crate::model::plan::Target) -> bool {
        self.kpi.value == target.kpi.value
            && self.scope == target.scope
            && self.per_post.as_ref().map(|p| &p.value)
                == target.per_post.as_ref().map(|p| &p.value)
            && self.region.as_ref().map(|r| &r.value) == target.region.as_ref().map(|r| &r.value)
    }
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

vocabulary! {
    /// Where a task stands.
    ///
    /// `延期` (delayed) reads as `in-progress`: a late task is still under way, and whether it
    /// is late is told by the plan's `end`, not by a status of its own.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Status {
        NotStarted = "not-started" { en: "Not begun.", zh: "未开始", aliases: ["未开始"] },
        InProgress = "in-progress" {
            en: "Under way (also when late).",
            zh: "进行中（含延期）",
            aliases: ["进行中", "延期"],
        },
        Done = "done" { en: "Finished.", zh: "已完成", aliases: ["完成", "已完成"] },
        Blocked = "blocked" { en: "Stuck.", zh: "受阻", aliases: ["受阻"] },
        Dropped = "dropped" { en: "Abandoned.", zh: "已取消", aliases: ["已取消"] },
    }
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
    /// Points per component, 0 to 100 unless the scorecard says otherwise; leave a component
    /// empty until scored. A component with a `scale` may be left out: its points are
    /// computed.
    #[serde(default)]
    pub components: Points,
    /// Bonus points on top of the weighted score, up to the scorecard's `bonus_max`.
    #[serde(default)]
    pub bonus: Option<Spanned<Figure>>,
    /// Anything else worth knowing.
    #[serde(default)]
    pub note: Option<String>,
}

/// A person's points by scorecard component, in the order written.
///
/// A map in YAML, kept as a small vector: reviews score many people on a few components each,
/// and a `BTreeMap` per person cost about 1 KB (see BENCHMARKS.md).
#[derive(Debug, Clone, Default)]
pub struct Points(pub Vec<(Spanned<ComponentId>, Option<Spanned<Figure>>)>);

impl Points {
    /// The (component, points) pairs.
    pub fn iter(&self) -> std::slice::Iter<'_, (Spanned<ComponentId>, Option<Spanned<Figure>>)> {
        self.0.iter()
    }

    /// The components scored.
    pub fn keys(&self) -> impl Iterator<Item = &Spanned<ComponentId>> {
        self.0.iter().map(|(k, _)| k)
    }
}

impl<'a> IntoIterator for &'a Points {
    type Item = &'a (Spanned<ComponentId>, Option<Spanned<Figure>>);
    type IntoIter = std::slice::Iter<'a, (Spanned<ComponentId>, Option<Spanned<Figure>>)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<'de> Deserialize<'de> for Points {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Points;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a mapping of component ids to points")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Points, A::Error> {
                let mut out = Vec::with_capacity(map.size_hint().unwrap_or(0).min(64));
                while let Some(key) = map.next_key()? {
                    out.push((key, map.next_value()?));
                }
                Ok(Points(out))
            }
        }
        deserializer.deserialize_map(V)
    }
}

impl Serialize for Points {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        // The key as `Spanned`: its value only, except for the parse cache, which keeps spans.
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl JsonSchema for Points {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        <BTreeMap<Spanned<ComponentId>, Option<Spanned<Figure>>>>::schema_name()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <BTreeMap<Spanned<ComponentId>, Option<Spanned<Figure>>>>::json_schema(generator)
    }
    fn inline_schema() -> bool {
        true
    }
}
