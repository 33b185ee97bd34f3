//! Rules about scorecards as the seed writes them: groups of components with weights of their
//! own (基本工作 60, 绩效工作 40), the range of points a component may be given, and bonus
//! points on top of the weighted score.
//!
//! `plan.group-weights-sum`, `plan.group-mismatch`, `plan.unknown-group`,
//! `plan.duplicate-group` and `plan.points-range` on plans; `review.score-range` and
//! `review.bonus-range` on each score of a review, called from `review::check_scores`.

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::diag::{Diagnostic, rules};
use crate::i18n::{Msg, msg};
use crate::index::{Doc, Index};
use crate::model::money::exact;
use crate::model::plan::{Component, Scorecard};
use crate::model::review::Score;
use crate::model::{Kind, Plan, Review};
use crate::source::Span;

/// `plan.group-weights-sum`, `plan.group-mismatch`, `plan.unknown-group`,
/// `plan.duplicate-group`: a scorecard's `groups` and its components' `group`.
pub fn check_groups(ix: &Index, out: &mut Vec<Diagnostic>) {
    for (plan, _) in &ix.plans {
        for card in plan.value.scorecards.iter().filter(|c| !c.groups.is_empty()) {
            check_card_groups(card, out);
        }
    }
}

fn check_card_groups(card: &Scorecard, out: &mut Vec<Diagnostic>) {
    let post = card.post.value.as_str();
    let mut first: HashMap<&str, Span> = HashMap::new();
    let mut clean = true;
    for group in &card.groups {
        if let Some(span) = first.insert(group.id.value.as_str(), group.id.span) {
            clean = false;
            let message =
                msg!("scores-duplicate-group", group = group.id.value.as_str(), post = post);
            out.push(
                Diagnostic::new(&rules::PLAN_DUPLICATE_GROUP, message, group.id.span)
                    .related(span, msg!("scores-first-here")),
            );
            first.insert(group.id.value.as_str(), span);
        }
    }
    let weights = card.groups.iter().map(|g| g.weight.value.0);
    if let Ok(sum) = exact::sum(weights)
        && sum != Decimal::ONE_HUNDRED
    {
        clean = false;
        let parts = card.groups.iter().map(|g| format!("{} {}", g.name, g.weight.value));
        let mut diag = Diagnostic::new(
            &rules::PLAN_GROUP_WEIGHTS_SUM,
            msg!("scores-group-weights-sum", post = post, sum = sum.to_string()),
            card.post.span,
        )
        .note(msg!("scores-parts", parts = parts.collect::<Vec<_>>().join(" + ")))
        .help(adjust(sum, Decimal::ONE_HUNDRED));
        for g in &card.groups {
            let label = msg!(
                "scores-group-weight",
                group = g.id.value.as_str(),
                weight = g.weight.value.to_string()
            );
            diag = diag.related(g.weight.span, label);
        }
        out.push(diag);
    }
    let ids: Vec<&str> = card.groups.iter().map(|g| g.id.value.as_str()).collect();
    let groups_span = card.groups.first().map(|g| g.id.span);
    for c in &card.components {
        match &c.group {
            None => {
                clean = false;
                let listed = crate::diag::suggest::one_of(&ids);
                let message = msg!("scores-no-group", component = c.id.value.as_str(), post = post);
                let mut diag = Diagnostic::new(&rules::PLAN_UNKNOWN_GROUP, message, c.id.span)
                    .help(msg!("scores-no-group-help", groups = listed));
                if let Some(span) = groups_span {
                    diag = diag.related(span, msg!("scores-groups-here"));
                }
                out.push(diag);
            }
            Some(g) if !ids.contains(&g.value.as_str()) => {
                clean = false;
                let mut diag = super::roster::unknown(
                    &rules::PLAN_UNKNOWN_GROUP,
                    msg!("scores-noun-group"),
                    g.value.as_str(),
                    g.span,
                    ids.iter().copied(),
                );
                if let Some(span) = groups_span {
                    diag = diag.related(span, msg!("scores-groups-here"));
                }
                out.push(diag);
            }
            Some(_) => {}
        }
    }
    // Group weights that miss 100, a component in no group or an unknown one, or two groups
    // of one id, is its own message: a group is not also said to differ from its components.
    if !clean {
        return;
    }
    for group in &card.groups {
        let members: Vec<&Component> = card
            .components
            .iter()
            .filter(|c| c.group.as_ref().is_some_and(|g| g.value == group.id.value))
            .collect();
        let Ok(sum) = exact::sum(members.iter().map(|c| c.weight.value.0)) else { continue };
        if sum == group.weight.value.0 {
            continue;
        }
        let parts = members.iter().map(|c| format!("{} {}", c.name, c.weight.value));
        let parts = parts.collect::<Vec<_>>().join(" + ");
        let message = msg!(
            "scores-group-mismatch",
            group = group.id.value.as_str(),
            name = &group.name,
            sum = sum.to_string(),
            weight = group.weight.value.to_string()
        );
        let mut diag = Diagnostic::new(&rules::PLAN_GROUP_MISMATCH, message, group.weight.span)
            .help(adjust(sum, group.weight.value.0));
        if !parts.is_empty() {
            diag = diag.note(msg!("scores-parts", parts = parts));
        }
        for c in members {
            let label = msg!(
                "scores-component-weight",
                component = c.id.value.as_str(),
                weight = c.weight.value.to_string()
            );
            diag = diag.related(c.weight.span, label);
        }
        out.push(diag);
    }
}

/// "reduce the weights by …" or "add the missing …", to bring `sum` to `wanted`.
fn adjust(sum: Decimal, wanted: Decimal) -> Msg {
    if sum > wanted {
        msg!("scores-weights-reduce", excess = (sum - wanted).to_string())
    } else {
        msg!("scores-weights-add", missing = (wanted - sum).to_string())
    }
}

/// `plan.points-range`: a scorecard's `points`, its components' `max` and its `bonus_max`.
pub fn check_point_ranges(ix: &Index, out: &mut Vec<Diagnostic>) {
    for (plan, _) in &ix.plans {
        for card in &plan.value.scorecards {
            let min = card.points.as_ref().and_then(|p| p.min.as_ref());
            let maxes = card.points.iter().map(|p| &p.max);
            for max in maxes.chain(card.components.iter().filter_map(|c| c.max.as_ref())) {
                if let Some(min) = min.filter(|m| m.value.0 > max.value.0) {
                    let message = msg!(
                        "scores-points-inverted",
                        min = min.value.to_string(),
                        max = max.value.to_string()
                    );
                    out.push(Diagnostic::new(&rules::PLAN_POINTS_RANGE, message, max.span));
                } else if max.value.0 < Decimal::ONE_HUNDRED {
                    let message = msg!("scores-points-max-low", max = max.value.to_string());
                    out.push(
                        Diagnostic::new(&rules::PLAN_POINTS_RANGE, message, max.span)
                            .help(msg!("scores-points-max-low-help")),
                    );
                }
            }
            for scale in card.components.iter().filter_map(|c| c.scale.as_ref()) {
                let (floor, target) = (&scale.floor, &scale.target);
                let cap = scale.cap.as_ref().filter(|c| c.value.0 < target.value.0);
                if floor.value.0 > target.value.0 {
                    let message = msg!(
                        "scores-scale-falls",
                        floor = floor.value.to_string(),
                        target = target.value.to_string()
                    );
                    out.push(
                        Diagnostic::new(&rules::PLAN_POINTS_RANGE, message, floor.span)
                            .related(target.span, msg!("scores-scale-target")),
                    );
                } else if let Some(cap) = cap {
                    let message = msg!(
                        "scores-scale-cap-low",
                        cap = cap.value.to_string(),
                        target = target.value.to_string()
                    );
                    out.push(
                        Diagnostic::new(&rules::PLAN_POINTS_RANGE, message, cap.span)
                            .related(target.span, msg!("scores-scale-target")),
                    );
                }
            }
            if let Some(bonus) = card.bonus_max.as_ref().filter(|b| b.value.0 < Decimal::ZERO) {
                let message = msg!("scores-bonus-max-negative", max = bonus.value.to_string());
                out.push(Diagnostic::new(&rules::PLAN_POINTS_RANGE, message, bonus.span));
            }
        }
    }
}

/// The points a component may be given, and where that is said.
pub(super) struct Range {
    pub(super) min: Decimal,
    pub(super) max: Decimal,
    /// The scorecard's `points` or the component's `max`, when either sets the range.
    set: Option<Span>,
    help: Msg,
}

/// The range of points of `component` (by id) in `card`; `None` when the scorecard's own
/// range is unusable (`plan.points-range` reports it).
pub(super) fn range(card: Option<&Scorecard>, component: &str) -> Option<Range> {
    let points = card.and_then(|c| c.points.as_ref());
    let min = points.and_then(|p| p.min.as_ref()).map_or(Decimal::ZERO, |m| m.value.0);
    let own = card
        .and_then(|c| c.components.iter().find(|x| x.id.value.as_str() == component))
        .and_then(|c| c.max.as_ref());
    let (max, set) = match (own, points) {
        (Some(max), _) => (max.value.0, Some(max.span)),
        (None, Some(p)) => (p.max.value.0, Some(p.max.span)),
        (None, None) => (Decimal::ONE_HUNDRED, None),
    };
    if min > max || max < Decimal::ONE_HUNDRED {
        return None;
    }
    let (lo, hi) = (min.to_string(), max.to_string());
    let help = match (own, card) {
        (Some(_), _) => msg!("scores-range-component", component = component, min = lo, max = hi),
        (None, Some(c)) if points.is_some() => {
            msg!("scores-range-card", post = c.post.value.as_str(), min = lo, max = hi)
        }
        _ => msg!("scores-range-default", min = lo, max = hi),
    };
    Some(Range { min, max, set, help })
}

/// The scorecard `score` is judged against: the one for the post it names, else for the
/// person's post as of the review's period.
pub fn card_of<'a>(
    ix: &Index<'a>,
    review: Doc<'a, Review>,
    plan: Option<Doc<'a, Plan>>,
    score: &Score,
) -> Option<&'a Scorecard> {
    let unit = review.value.unit.value.as_str();
    let post = match &score.post {
        Some(post) => &post.value,
        None => {
            let id = score.person.value.as_str();
            let (person, _) = ix.people.get(id).filter(|_| ix.person_in_unit(id, unit))?;
            &person.on(review.value.period.value.as_of()).post.value
        }
    };
    plan?.value.scorecards.iter().find(|c| &c.post.value == post)
}

/// Whether the scorecard of `score` may be in a plan that did not load, or was left out of
/// a plan that loaded in part.
fn scorecard_unread(
    ix: &Index,
    review: Doc<Review>,
    plan: Option<Doc<Plan>>,
    score: &Score,
) -> bool {
    let r = review.value;
    match plan {
        None => match &r.plan {
            Some(link) => ix.broken_link(review.doc, &link.value).is_some(),
            None => ix.broken_doc(Kind::Plan, r.unit.value.as_str(), r.period.value).is_some(),
        },
        Some(plan) => {
            let post = score.post.as_ref().map(|p| p.value.as_str());
            ix.is_incomplete(plan.doc)
                && post.is_none_or(|p| ix.dropped_in(plan.doc, "scorecards", p))
        }
    }
}

/// `review.score-range` and `review.bonus-range` for one score of `review`.
pub fn check_points<'a>(
    ix: &Index<'a>,
    review: Doc<'a, Review>,
    plan: Option<Doc<'a, Plan>>,
    score: &Score,
    out: &mut Vec<Diagnostic>,
) {
    let card = card_of(ix, review, plan, score);
    if card.is_none() && scorecard_unread(ix, review, plan, score) {
        return; // the range may be set in what could not be read
    }
    for (component, points) in &score.components {
        let Some(points) = points else { continue };
        let Some(range) = range(card, component.value.as_str()) else { continue };
        let p = points.value.0;
        if p < range.min || p > range.max {
            let message = msg!(
                "scores-score-range",
                points = points.value.to_string(),
                component = component.value.as_str(),
                min = range.min.to_string(),
                max = range.max.to_string()
            );
            let mut diag =
                Diagnostic::new(&rules::REVIEW_SCORE_RANGE, message, points.span).help(range.help);
            if let Some(span) = range.set {
                diag = diag.related(span, msg!("scores-range-set-here"));
            }
            out.push(diag);
        }
    }
    let (Some(bonus), Some(card)) = (&score.bonus, card) else { return };
    let post = card.post.value.as_str();
    let shown = bonus.value.to_string();
    let diag = match &card.bonus_max {
        None => Diagnostic::new(
            &rules::REVIEW_BONUS_RANGE,
            msg!("scores-no-bonus", bonus = shown, post = post),
            bonus.span,
        )
        .help(msg!("scores-no-bonus-help")),
        Some(max) if bonus.value.0 < Decimal::ZERO || bonus.value.0 > max.value.0 => {
            let most = max.value.to_string();
            Diagnostic::new(
                &rules::REVIEW_BONUS_RANGE,
                msg!("scores-bonus-range", bonus = shown, max = most.clone()),
                bonus.span,
            )
            .related(max.span, msg!("scores-range-set-here"))
            .help(msg!("scores-bonus-range-help", post = post, max = most))
        }
        Some(_) => return,
    };
    out.push(diag);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use crate::validate::tests::{
        assert_reads_chinese, chinese, plan, report, review, roster, run,
    };

    const ROSTER: &str = "posts:\n  - { id: rep, title: 业务员, establishment: 2 }
people:\n  - { id: p011, name: 刘洋, post: rep }\n";

    /// A scorecard for `rep` with `groups` (YAML list items) and `head` (more fields).
    fn card(head: &str, groups: &str, perf: (&str, &str)) -> String {
        plan(&format!(
            "scorecards:\n  - post: rep\n{head}    groups:\n{groups}    components:
      - {{ id: basic, name: 基本工作, weight: 60, group: basic }}
      - {{ id: sales, name: 区域销售完成率, weight: {}, group: {} }}
      - {{ id: retail, name: 重点零售店零售量, weight: 20, group: performance }}\n",
            perf.0, perf.1
        ))
    }

    const SEED: &str = "      - { id: basic, name: 基本工作, weight: 60 }
      - { id: performance, name: 绩效工作, weight: 40 }\n";

    #[test]
    fn the_seeds_groups_are_clean() {
        let text = card("", SEED, ("20", "performance"));
        assert!(report(check_groups, &[("p.md", &text)]).is_empty());
        assert!(report(check_point_ranges, &[("p.md", &text)]).is_empty());
    }

    #[test]
    fn group_weights_and_components_sum_to_their_group() {
        let groups = SEED.replace("weight: 40", "weight: 45");
        let text = card("", &groups, ("20", "performance"));
        let found = run(check_groups, &[("p.md", &text)]);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message.en(),
            "the group weights of the scorecard for `rep` sum to 105, not 100"
        );
        assert_eq!(found[0].help.as_ref().map(Msg::en).as_deref(), Some("reduce the weights by 5"));
        let text = card("", SEED, ("25", "performance"));
        let found = run(check_groups, &[("p.md", &text)]);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message.en(),
            "the components of group `performance` (绩效工作) sum to 45, not its weight 40"
        );
        assert_eq!(found[0].related.len(), 2);
        assert_eq!(
            found[0].primary.note.as_ref().map(Msg::en).as_deref(),
            Some("区域销售完成率 25 + 重点零售店零售量 20")
        );
        assert_chinese(&found[0]);
    }

    fn assert_chinese(d: &Diagnostic) {
        assert_reads_chinese(&chinese(d));
    }

    #[test]
    fn components_name_a_group_and_groups_are_unique() {
        let text = card("", SEED, ("20", "perfomance"));
        let found = run(check_groups, &[("p.md", &text)]);
        assert_eq!(found.len(), 1, "an unknown group is one message, not also a shortfall");
        assert_eq!(found[0].rule.id, "plan.unknown-group");
        assert_eq!(found[0].message.en(), "unknown component group `perfomance`");
        assert_eq!(
            found[0].help.as_ref().map(Msg::en).as_deref(),
            Some("did you mean `performance`?")
        );
        let text = card("", SEED, ("20", "performance")).replace(", group: basic }", " }");
        let found = report(check_groups, &[("p.md", &text)]);
        assert_eq!(
            found,
            [concat!(
                "plan.unknown-group: component `basic` belongs to no group, but the scorecard ",
                "for `rep` has groups"
            )]
        );
        let twice = format!("{SEED}      - {{ id: basic, name: 又一个, weight: 0 }}\n");
        let found = report(check_groups, &[("p.md", &card("", &twice, ("20", "performance")))]);
        assert_eq!(
            found,
            ["plan.duplicate-group: group `basic` appears twice in the scorecard of `rep`"]
        );
    }

    #[test]
    fn without_groups_a_group_is_a_free_label() {
        let text = plan(
            "scorecards:\n  - post: rep\n    components:
      - { id: a, name: 甲, weight: 100, group: anything }\n",
        );
        assert!(report(check_groups, &[("p.md", &text)]).is_empty());
    }

    #[test]
    fn point_ranges_start_at_or_above_full_marks() {
        let text = plan(
            "scorecards:\n  - post: rep\n    points: { min: 10, max: 90 }\n    bonus_max: -1
    components:\n      - { id: a, name: 甲, weight: 100, max: 5 }\n",
        );
        assert_eq!(
            report(check_point_ranges, &[("p.md", &text)]),
            [
                "plan.points-range: the most points, 90, is below 100",
                "plan.points-range: the points run from 10 down to 5",
                "plan.points-range: `bonus_max` is negative: -1",
            ]
        );
    }

    /// `check_scores` (which calls [`check_points`]) on a roster, `plan_text` and the review.
    fn scored(plan_text: &str, scores: &str) -> Vec<Diagnostic> {
        let files =
            [("r.yaml", roster(ROSTER)), ("p.md", plan_text.to_string()), ("v.md", review(scores))];
        let files: Vec<_> = files.iter().map(|(p, t)| (*p, t.as_str())).collect();
        run(super::super::review::check_scores, &files)
    }

    #[test]
    fn points_may_reach_the_scorecards_max() {
        let text =
            card("    points: { max: 120 }\n    bonus_max: 5\n", SEED, ("20", "performance"));
        let ok = "scores:\n  - { person: p011, components: { basic: 88, sales: 104 }, bonus: 5 }\n";
        assert!(scored(&text, ok).is_empty());
        let over =
            "scores:\n  - { person: p011, components: { basic: 121, sales: -1 }, bonus: 6 }\n";
        let found = scored(&text, over);
        let messages: Vec<String> = found.iter().map(|d| d.message.en()).collect();
        assert_eq!(
            messages,
            [
                "score 121 for `basic` is outside 0 to 120",
                "score -1 for `sales` is outside 0 to 120",
                "bonus 6 is outside 0 to 5",
            ]
        );
        assert_eq!(
            found[0].help.as_ref().map(Msg::en).as_deref(),
            Some("the scorecard for `rep` allows 0 to 120 (its `points:`)")
        );
        assert_eq!(found[0].related.len(), 1);
        for d in &found {
            assert_chinese(d);
        }
        assert_eq!(found[2].message.text(Locale::ZhCn), "加分 6 不在 0 到 5 之间");
    }

    #[test]
    fn a_components_max_overrides_and_no_bonus_max_allows_none() {
        let text = card("", SEED, ("20", "performance"))
            .replace("group: basic }", "group: basic, max: 110 }");
        let found =
            scored(&text, "scores:\n  - { person: p011, components: { basic: 111 }, bonus: 1 }\n");
        let messages: Vec<String> = found.iter().map(|d| d.message.en()).collect();
        assert_eq!(
            messages,
            [
                "score 111 for `basic` is outside 0 to 110",
                "bonus 1 is given, but the scorecard for `rep` allows none",
            ]
        );
        assert_eq!(
            found[0].help.as_ref().map(Msg::en).as_deref(),
            Some("component `basic` allows 0 to 110 (its `max`)")
        );
    }
}
