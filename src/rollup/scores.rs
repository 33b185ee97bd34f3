//! The scores rollup: each person's weighted score from their scorecard (Σ points × weight /
//! 100, with a subtotal per group of components and the bonus on top), ranked within their
//! post by default or across everyone when asked, and averages per post and region.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::index::{Doc, Index};
use crate::model::Review;
use crate::model::money::exact;
use crate::model::period::Period;
use crate::model::plan::{Component, Scorecard};
use crate::model::review::Score;
use crate::rollup::{Options, unit_name};

/// Scores of every selected review.
#[derive(Debug, Clone, Serialize)]
pub struct ScoresReport {
    /// What the ranks are within: each post (the default) or everyone.
    pub ranking: Ranking,
    /// One row per person scored: by unit and period, then by post in the order of the
    /// plan's scorecards when ranked per post, then by rank.
    pub people: Vec<PersonScore>,
    /// Average per post.
    pub by_post: Vec<Average>,
    /// Average per region.
    pub by_region: Vec<Average>,
}

/// What ranks are counted within, in each unit and period.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Ranking {
    /// Among the holders of the same post: a 业务员 against 业务员.
    #[default]
    Post,
    /// Among everyone scored, whatever their post.
    Overall,
}

/// How the scores rollup ranks and which rows it keeps.
#[derive(Debug, Clone, Default)]
pub struct ScoreOptions {
    /// Per post or overall.
    pub ranking: Ranking,
    /// Only the people scored under this post (ranks are counted before the filter).
    pub post: Option<String>,
}

/// One person's score.
#[derive(Debug, Clone, Serialize)]
pub struct PersonScore {
    /// Unit id.
    pub unit: String,
    /// Unit name.
    pub unit_name: String,
    /// Period.
    pub period: Period,
    /// Rank within unit, period and (unless ranked overall) post: 1 is best; ties share a rank.
    pub rank: usize,
    /// Person id.
    pub person: String,
    /// Name.
    pub name: String,
    /// Post id: the one the score names, else the person's post as of the period's end.
    pub post: String,
    /// Region id as of the period's end.
    pub region: Option<String>,
    /// Each component's points and weight.
    pub components: Vec<ComponentScore>,
    /// Subtotals per group of components (基本工作 52.8 of 60), in the scorecard's order:
    /// its `groups`, else the components' `group` labels in order of first use.
    pub groups: Vec<GroupScore>,
    /// Σ points × weight / 100 (components not yet scored count as 0).
    pub weighted: Decimal,
    /// Bonus points, when given.
    pub bonus: Option<Decimal>,
    /// The weighted score plus the bonus: what ranks.
    pub total: Decimal,
    /// Whether every component has been scored.
    pub complete: bool,
}

/// One scored component.
#[derive(Debug, Clone, Serialize)]
pub struct ComponentScore {
    /// Component id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Its group, if any.
    pub group: Option<String>,
    /// Weight in percent.
    pub weight: Decimal,
    /// Points; none while not yet scored.
    pub points: Option<Decimal>,
    /// Points × weight / 100; none while not yet scored.
    pub weighted: Option<Decimal>,
}

/// The subtotal of one group of components.
#[derive(Debug, Clone, Serialize)]
pub struct GroupScore {
    /// Group id.
    pub id: String,
    /// Display name (the id for a label without `groups`).
    pub name: String,
    /// The group's weight: the most its subtotal reaches at full marks.
    pub weight: Decimal,
    /// Σ points × weight / 100 over its components.
    pub subtotal: Decimal,
}

/// An average score of a group.
#[derive(Debug, Clone, Serialize)]
pub struct Average {
    /// Post or region id.
    pub key: String,
    /// How many people.
    pub people: usize,
    /// Mean total, two decimals.
    pub mean: Decimal,
}

/// Builds the scores rollup, ranked per post.
pub fn rollup(index: &Index, options: &Options) -> ScoresReport {
    rollup_with(index, options, &ScoreOptions::default())
}

/// The points `score` gives `component`: the points written in the review, else the points
/// computed from attainment for a component with a `scale` (`compute::scale`), else none
/// while not yet scored. The one place the rollup reads points. Written points win: a
/// written figure that differs from the computed one is `review.score-computed`'s to report.
pub fn points_of(
    ix: &Index,
    review: Doc<Review>,
    score: &Score,
    component: &Component,
) -> Option<Decimal> {
    score
        .components
        .iter()
        .find(|(k, _)| k.value == component.id.value)
        .and_then(|(_, v)| v.as_ref().map(|v| v.value.0))
        .or_else(|| crate::compute::scale::points(ix, review, score, component).map(|c| c.value))
}

/// Builds the scores rollup, ranked and filtered as `how` says.
pub fn rollup_with(index: &Index, options: &Options, how: &ScoreOptions) -> ScoresReport {
    let mut people = Vec::new();
    for (review, _) in &index.reviews {
        let r = review.value;
        if !options.selects(index, &r.unit.value.0, Some(r.period.value)) {
            continue;
        }
        let Some(plan) = index.plan_of_review(*review) else { continue };
        let cards = &plan.value.scorecards;
        let mut rows: Vec<PersonScore> = r
            .scores
            .iter()
            .filter_map(|score| person_score(index, *review, cards, score))
            .collect();
        // Posts in the order of the plan's scorecards, so that each post's table reads in
        // the order the plan sets them out.
        let order = |post: &str| cards.iter().position(|c| c.post.value.as_str() == post);
        rows.sort_by(|a, b| {
            let by_post = match how.ranking {
                Ranking::Post => order(&a.post).cmp(&order(&b.post)).then(a.post.cmp(&b.post)),
                Ranking::Overall => std::cmp::Ordering::Equal,
            };
            by_post.then(b.total.cmp(&a.total)).then(a.person.cmp(&b.person))
        });
        let mut previous: Option<(String, Decimal, usize)> = None;
        let mut place = 0;
        for row in &mut rows {
            let group = match how.ranking {
                Ranking::Post => row.post.clone(),
                Ranking::Overall => String::new(),
            };
            place = match &previous {
                Some((g, _, _)) if *g == group => place + 1,
                _ => 1,
            };
            row.rank = match &previous {
                Some((g, total, rank)) if *g == group && *total == row.total => *rank,
                _ => place,
            };
            previous = Some((group, row.total, row.rank));
        }
        people.extend(rows);
    }
    if let Some(post) = &how.post {
        people.retain(|p| &p.post == post);
    }
    let by_post = averages(people.iter().map(|p| (p.post.clone(), p.total)));
    let by_region = averages(people.iter().filter_map(|p| p.region.clone().map(|r| (r, p.total))));
    ScoresReport { ranking: how.ranking, people, by_post, by_region }
}

/// One person's row, unranked; `None` when they are not on a roster, their post has no
/// scorecard, or the sums leave exact range (points far outside any range, which
/// `review.score-range` reports).
fn person_score(
    index: &Index,
    review: Doc<Review>,
    cards: &[Scorecard],
    score: &Score,
) -> Option<PersonScore> {
    let r = review.value;
    let (person, _) = index.people.get(score.person.value.as_str())?;
    let now = person.on(r.period.value.as_of());
    let post = score.post.as_ref().map_or(&now.post.value, |p| &p.value);
    let card = cards.iter().find(|c| &c.post.value == post)?;
    let mut components = Vec::new();
    for c in &card.components {
        let points = points_of(index, review, score, c);
        let weighted = match points {
            Some(p) => exact::mul(c.weight.value.0, p).ok()?.checked_div(Decimal::ONE_HUNDRED),
            None => None,
        };
        components.push(ComponentScore {
            id: c.id.value.0.clone(),
            name: c.name.clone(),
            group: c.group.as_ref().map(|g| g.value.0.clone()),
            weight: c.weight.value.0,
            points,
            weighted: weighted.map(|w| w.normalize()),
        });
    }
    let complete = components.iter().all(|c| c.points.is_some());
    let weighted = exact::sum(components.iter().filter_map(|c| c.weighted)).ok()?.normalize();
    let bonus = score.bonus.as_ref().map(|b| b.value.0);
    let total = exact::add(weighted, bonus.unwrap_or_default()).ok()?.normalize();
    Some(PersonScore {
        unit: r.unit.value.0.clone(),
        unit_name: unit_name(index, &r.unit.value.0),
        period: r.period.value,
        rank: 0,
        person: person.id.value.0.clone(),
        name: person.name.clone(),
        post: post.0.clone(),
        region: now.region.map(|g| g.value.0.clone()),
        groups: groups(card, &components)?,
        components,
        weighted,
        bonus,
        total,
        complete,
    })
}

/// The group subtotals of `components` (scored on `card`).
fn groups(card: &Scorecard, components: &[ComponentScore]) -> Option<Vec<GroupScore>> {
    let declared: Vec<(String, String, Option<Decimal>)> = if card.groups.is_empty() {
        let mut labels: Vec<(String, String, Option<Decimal>)> = Vec::new();
        for c in components {
            if let Some(g) = &c.group
                && !labels.iter().any(|(id, _, _)| id == g)
            {
                labels.push((g.clone(), g.clone(), None));
            }
        }
        labels
    } else {
        card.groups
            .iter()
            .map(|g| (g.id.value.0.clone(), g.name.clone(), Some(g.weight.value.0)))
            .collect()
    };
    let mut out = Vec::new();
    for (id, name, weight) in declared {
        // A repeated group id is reported by `plan.duplicate-group`; its components count once.
        if out.iter().any(|g: &GroupScore| g.id == id) {
            continue;
        }
        let members: Vec<&ComponentScore> =
            components.iter().filter(|c| c.group.as_deref() == Some(id.as_str())).collect();
        let weight = match weight {
            Some(w) => w,
            None => exact::sum(members.iter().map(|c| c.weight)).ok()?,
        };
        let subtotal = exact::sum(members.iter().filter_map(|c| c.weighted)).ok()?;
        out.push(GroupScore { id, name, weight, subtotal: subtotal.normalize() });
    }
    Some(out)
}

fn averages(items: impl Iterator<Item = (String, Decimal)>) -> Vec<Average> {
    let mut groups: BTreeMap<String, Vec<Decimal>> = BTreeMap::new();
    for (key, total) in items {
        groups.entry(key).or_default().push(total);
    }
    groups
        .into_iter()
        .map(|(key, totals)| Average {
            key,
            people: totals.len(),
            mean: exact::sum(totals.iter().copied())
                .map_or(Decimal::ZERO, |sum| (sum / Decimal::from(totals.len())).round_dp(2)),
        })
        .collect()
}
