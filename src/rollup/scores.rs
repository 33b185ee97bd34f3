//! The scores rollup: each person's weighted score from their scorecard, averages per post
//! and region, and a ranking.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::index::Index;
use crate::model::money::exact;
use crate::model::period::Period;
use crate::rollup::{Options, unit_name};

/// Scores of every selected review.
#[derive(Debug, Clone, Serialize)]
pub struct ScoresReport {
    /// One row per person scored, ranked within unit and period.
    pub people: Vec<PersonScore>,
    /// Average per post.
    pub by_post: Vec<Average>,
    /// Average per region.
    pub by_region: Vec<Average>,
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
    /// Rank within unit and period (1 is best; ties share a rank).
    pub rank: usize,
    /// Person id.
    pub person: String,
    /// Name.
    pub name: String,
    /// Post id.
    pub post: String,
    /// Region id.
    pub region: Option<String>,
    /// Each component's points and weight.
    pub components: Vec<ComponentScore>,
    /// Σ weight × points / 100 (components not yet scored count as 0).
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
    /// Weight in percent.
    pub weight: Decimal,
    /// Points, 0 to 100; none while not yet scored.
    pub points: Option<Decimal>,
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

/// Builds the scores rollup.
pub fn rollup(index: &Index, options: &Options) -> ScoresReport {
    let mut people = Vec::new();
    for (review, _) in &index.reviews {
        let r = review.value;
        if !options.selects(index, &r.unit.value.0, Some(r.period.value)) {
            continue;
        }
        let Some(plan) = index.plan_of_review(*review) else { continue };
        let mut rows: Vec<PersonScore> = Vec::new();
        for score in &r.scores {
            let Some((person, _)) = index.people.get(score.person.value.as_str()) else { continue };
            let post = score.post.as_ref().map_or(&person.post.value, |p| &p.value);
            let Some(card) = plan.value.scorecards.iter().find(|c| &c.post.value == post) else {
                continue;
            };
            let components: Vec<ComponentScore> = card
                .components
                .iter()
                .map(|c| ComponentScore {
                    id: c.id.value.0.clone(),
                    name: c.name.clone(),
                    weight: c.weight.value.0,
                    points: score
                        .components
                        .iter()
                        .find(|(k, _)| k.value == c.id.value)
                        .and_then(|(_, v)| v.as_ref().map(|v| v.value.0)),
                })
                .collect();
            let complete = components.iter().all(|c| c.points.is_some());
            // Σ weight × points / 100; a score beyond exact range (points far outside 0–100,
            // which `review.score-range` reports) is left out of the ranking.
            let weighted = components
                .iter()
                .map(|c| exact::mul(c.weight, c.points.unwrap_or_default()))
                .try_fold(Decimal::ZERO, |sum, term| exact::add(sum, term?));
            let Ok(weighted) = weighted else { continue };
            let total = weighted / Decimal::ONE_HUNDRED;
            rows.push(PersonScore {
                unit: r.unit.value.0.clone(),
                unit_name: unit_name(index, &r.unit.value.0),
                period: r.period.value,
                rank: 0,
                person: person.id.value.0.clone(),
                name: person.name.clone(),
                post: post.0.clone(),
                region: person.region.as_ref().map(|g| g.value.0.clone()),
                components,
                complete,
                total: total.normalize(),
            });
        }
        rows.sort_by(|a, b| b.total.cmp(&a.total).then(a.person.cmp(&b.person)));
        for i in 0..rows.len() {
            rows[i].rank =
                if i > 0 && rows[i].total == rows[i - 1].total { rows[i - 1].rank } else { i + 1 };
        }
        people.extend(rows);
    }
    let by_post = averages(people.iter().map(|p| (p.post.clone(), p.total)));
    let by_region = averages(people.iter().filter_map(|p| p.region.clone().map(|r| (r, p.total))));
    ScoresReport { people, by_post, by_region }
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
