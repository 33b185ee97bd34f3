//! Scorecard components scored from attainment: a component with `kpi` and `scale` gets its
//! points from the actual of that KPI against the plan's target for the person's region,
//! region group or unit (`of`) in the review's period.
//!
//! The points lie on the straight line through (the target's `floor` → `scale.floor` points)
//! and (the target's `target` → `scale.target` points), continued beyond the target, at most
//! `cap` (else the component's `max`, else the scorecard's `points.max`, else 100), and
//! `below` (else 0) when the actual misses the floor. A target without a floor scores in
//! proportion: the line through (0 → 0) and the target. Exact decimals, rounded to 2 places.

use rust_decimal::Decimal;

use crate::compute::{Computed, Step, plain, tally};
use crate::i18n::{Msg, msg};
use crate::index::{Doc, Index};
use crate::model::config::Better;
use crate::model::plan::{Component, Plan, ScoreScope, Scorecard, Target};
use crate::model::review::{Review, Score};
use crate::model::roster::{Person, Roster};

/// Which way the line gave the points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// On the line.
    Line,
    /// Beyond the cap, so the cap.
    Capped,
    /// Short of the floor, so `below`.
    Below,
}

/// How a component's points were reached, for the working.
#[derive(Debug, Clone, PartialEq)]
pub struct Working {
    /// Whose attainment: the region's, group's or unit's display name.
    pub of: String,
    /// The KPI's display name.
    pub kpi: String,
    /// The actual.
    pub actual: Decimal,
    /// The target.
    pub target: Decimal,
    /// The floor, if the target has one.
    pub floor: Option<Decimal>,
    /// Actual against target in percent (target against actual for lower-is-better), to 2
    /// places.
    pub pct: Option<Decimal>,
    /// Which way the line gave the points.
    pub case: Case,
}

impl Working {
    /// The working in words, with the points reached.
    pub fn words(&self, points: Decimal) -> Msg {
        let pct = self.pct.map_or_else(|| "—".to_owned(), plain);
        let (of, kpi) = (self.of.as_str(), self.kpi.as_str());
        let (actual, target, points) = (plain(self.actual), plain(self.target), plain(points));
        match (self.case, self.floor) {
            (Case::Below, Some(floor)) => msg!(
                "computed-scale-below",
                of = of,
                kpi = kpi,
                actual = actual,
                floor = plain(floor),
                points = points
            ),
            (Case::Capped, _) => msg!(
                "computed-scale-capped",
                of = of,
                kpi = kpi,
                actual = actual,
                target = target,
                pct = pct,
                points = points
            ),
            _ => msg!(
                "computed-scale",
                of = of,
                kpi = kpi,
                actual = actual,
                target = target,
                pct = pct,
                points = points
            ),
        }
    }
}

/// The scorecard of `plan` that holds `component`.
fn card_of<'a>(plan: &'a Plan, component: &Component) -> Option<&'a Scorecard> {
    plan.scorecards.iter().find(|c| c.components.iter().any(|x| std::ptr::eq(x, component)))
}

/// The scorecard that applies to `score` in `plan`: of its `post`, else of the person's post
/// on the review period's last day.
pub fn scorecard<'a>(
    ix: &Index,
    review: &Review,
    plan: &'a Plan,
    score: &Score,
) -> Option<&'a Scorecard> {
    let post = match &score.post {
        Some(post) => &post.value,
        None => {
            let (person, _) = ix.people.get(score.person.value.as_str())?;
            &person.on(review.period.value.as_of()).post.value
        }
    };
    plan.scorecards.iter().find(|c| &c.post.value == post)
}

/// The points `component` computes for `score` in `review`; `None` when the component has
/// no `kpi` and `scale`, or the target, its figure or the actual is not there (the component
/// then stays to be scored by hand).
pub fn points(
    ix: &Index,
    review: Doc<'_, Review>,
    score: &Score,
    component: &Component,
) -> Option<Computed> {
    let (scale, kpi) = (component.scale.as_ref()?, component.kpi.as_ref()?);
    let plan = ix.plan_of_review(review)?.value;
    let card = card_of(plan, component)?;
    let (person, roster) = ix.people.get(score.person.value.as_str())?;
    let day = review.value.period.value.as_of();
    let scope = component.of.as_ref().map_or(ScoreScope::Region, |o| o.value);
    let (region, of) = match scope {
        ScoreScope::Unit => {
            let unit = plan.unit.value.as_str();
            (None, ix.units.get(unit).map_or_else(|| unit.to_owned(), |u| u.name.clone()))
        }
        _ => {
            let (id, name) = region_of(roster.value, person, day, scope)?;
            (Some(id), name)
        }
    };
    let target = plan.targets.iter().find(|t| {
        t.kpi.value == kpi.value
            && t.scope.is_none()
            && t.per_post.is_none()
            && t.region.as_ref().map(|r| r.value.as_str()) == region.as_deref()
    })?;
    let actual = review.value.actuals.iter().find(|a| a.reports_on(target))?;
    let actual = tally::value(&ix.ws.config, actual)?;
    let k = ix.kpis.get(kpi.value.as_str());
    let better = k.map_or(Better::Higher, |k| k.better);
    let cap = [scale.cap.as_ref(), component.max.as_ref(), card.points.as_ref().map(|p| &p.max)]
        .into_iter()
        .flatten()
        .next()
        .map_or(Decimal::ONE_HUNDRED, |c| c.value.0);
    let (value, case) = line(target, scale, actual, better, cap)?;
    let goal = target.target.as_ref()?.value.0;
    let pct = match better {
        Better::Higher => ratio(actual, goal),
        Better::Lower => ratio(goal, actual),
    };
    let working = Working {
        of,
        kpi: k.map_or_else(|| kpi.value.0.clone(), |k| k.name.clone()),
        actual,
        target: goal,
        floor: target.floor.as_ref().map(|f| f.value.0),
        pct,
        case,
    };
    Some(Computed { value, steps: vec![Step::Scale(working)] })
}

/// `part` against `whole` in percent, to 2 places.
fn ratio(part: Decimal, whole: Decimal) -> Option<Decimal> {
    part.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(whole).map(|p| p.round_dp(2))
}

/// The points on the scale's line for `actual`, and how they were reached.
fn line(
    target: &Target,
    scale: &crate::model::plan::Scale,
    actual: Decimal,
    better: Better,
    cap: Decimal,
) -> Option<(Decimal, Case)> {
    let goal = target.target.as_ref()?.value.0;
    let (at_floor, at_goal) = (scale.floor.value.0, scale.target.value.0);
    let below = scale.below.as_ref().map_or(Decimal::ZERO, |b| b.value.0);
    let (from, from_points) = match &target.floor {
        Some(floor) => (floor.value.0, at_floor),
        None => (Decimal::ZERO, Decimal::ZERO),
    };
    let short = match better {
        Better::Higher => actual < from,
        Better::Lower => actual > from,
    };
    if target.floor.is_some() && short {
        return Some((below.round_dp(2).normalize(), Case::Below));
    }
    let points = if goal == from {
        at_goal
    } else {
        let slope = at_goal.checked_sub(from_points)?.checked_div(goal.checked_sub(from)?)?;
        from_points.checked_add(actual.checked_sub(from)?.checked_mul(slope)?)?
    };
    let points = points.round_dp(2).normalize();
    if points > cap {
        Some((cap.round_dp(2).normalize(), Case::Capped))
    } else {
        Some((points, Case::Line))
    }
}

/// The region (or group) whose attainment scores `person` on `day`, and its display name: the
/// region they cover (the one it is merged into, if it is), or for `group` the group that
/// holds that region, else the group they manage.
fn region_of(
    roster: &Roster,
    person: &Person,
    day: crate::model::period::Date,
    scope: ScoreScope,
) -> Option<(String, String)> {
    let mut region = person.on(day).region.map(|r| r.value.0.clone());
    // A merged region counts under the one it is merged into (at most a few steps deep).
    for _ in 0..8 {
        let Some(id) = &region else { break };
        let merged = roster
            .regions
            .iter()
            .find(|r| &r.id.value.0 == id)
            .and_then(|r| r.merged_into.as_ref());
        match merged {
            Some(into) => region = Some(into.value.0.clone()),
            None => break,
        }
    }
    if scope == ScoreScope::Group {
        let group = roster
            .groups
            .iter()
            .find(|g| region.as_ref().is_some_and(|r| g.regions.iter().any(|x| &x.value.0 == r)))
            .or_else(|| {
                roster
                    .groups
                    .iter()
                    .find(|g| g.manager.as_ref().is_some_and(|m| m.value == person.id.value))
            })?;
        return Some((group.id.value.0.clone(), group.name.clone()));
    }
    let id = region?;
    let name = roster
        .regions
        .iter()
        .find(|r| r.id.value.0 == id)
        .map_or_else(|| id.clone(), |r| r.name.clone());
    Some((id, name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ids::KpiId;
    use crate::model::money::Figure;
    use crate::model::plan::Scale;
    use crate::source::{FileId, Span, Spanned};

    fn at<T>(value: T) -> Spanned<T> {
        Spanned { value, span: Span::new(FileId(0), 0, 0) }
    }
    fn fig(n: i64) -> Spanned<Figure> {
        at(Figure(Decimal::from(n)))
    }
    fn target(goal: i64, floor: Option<i64>) -> Target {
        Target {
            kpi: at(KpiId("sales".into())),
            scope: None,
            target: Some(fig(goal)),
            floor: floor.map(fig),
            range: None,
            per_post: None,
            region: None,
            contributes_to: None,
            note: None,
        }
    }
    fn scale(floor: i64, goal: i64, cap: Option<i64>, below: Option<i64>) -> Scale {
        Scale { floor: fig(floor), target: fig(goal), cap: cap.map(fig), below: below.map(fig) }
    }
    fn points(t: &Target, s: &Scale, actual: &str, better: Better) -> (String, Case) {
        let (p, case) = line(t, s, actual.parse().unwrap(), better, Decimal::from(120)).unwrap();
        (p.normalize().to_string(), case)
    }

    #[test]
    fn points_lie_on_the_line_through_floor_and_target_capped_and_below() {
        let (t, s) = (target(300, Some(240)), scale(60, 100, None, Some(10)));
        assert_eq!(points(&t, &s, "240", Better::Higher), ("60".into(), Case::Line));
        assert_eq!(points(&t, &s, "270", Better::Higher), ("80".into(), Case::Line));
        assert_eq!(points(&t, &s, "312", Better::Higher), ("108".into(), Case::Line));
        assert_eq!(points(&t, &s, "400", Better::Higher), ("120".into(), Case::Capped));
        assert_eq!(points(&t, &s, "239", Better::Higher), ("10".into(), Case::Below));
        // Exact, rounded to 2 places: 60 + 1 × 40/60.
        assert_eq!(points(&t, &s, "241", Better::Higher), ("60.67".into(), Case::Line));
    }

    #[test]
    fn lower_is_better_and_a_target_without_floor() {
        // Returns: floor (the most acceptable) 10, target 4.
        let (t, s) = (target(4, Some(10)), scale(60, 100, None, None));
        assert_eq!(points(&t, &s, "7", Better::Lower), ("80".into(), Case::Line));
        assert_eq!(points(&t, &s, "11", Better::Lower), ("0".into(), Case::Below));
        let (t, s) = (target(200, None), scale(60, 100, None, None));
        assert_eq!(points(&t, &s, "150", Better::Higher), ("75".into(), Case::Line));
    }
}
