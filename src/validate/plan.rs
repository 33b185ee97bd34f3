//! Rules about plans: owners and posts against the roster, targets, scorecards and tasks.

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::diag::{Diagnostic, rules};
use crate::i18n::{Msg, msg};
use crate::index::{Doc, Index};
use crate::model::config::Better;
use crate::model::money::grouped;
use crate::model::period::Duration;
use crate::model::plan::Task;
use crate::model::{Kind, Plan};

use super::dating::{Naming, not_employed};

/// `plan.unknown-person`: the owner and task owners are on the unit's roster;
/// `plan.not-employed`: and on staff on some day of the plan's period.
pub fn check_people(ix: &Index, out: &mut Vec<Diagnostic>) {
    let mut people = super::names::UnitPeople::default();
    for (plan, _) in &ix.plans {
        let unit = plan.value.unit.value.as_str();
        let owners = plan.value.owner.iter().map(|o| (o, None));
        let task_owners =
            plan.value.tasks.iter().filter_map(|t| t.owner.as_ref().map(|o| (o, Some(&t.id))));
        let gap = ix.roster_gap(unit);
        for (person, task) in owners.chain(task_owners) {
            if ix.person_in_unit(person.value.as_str(), unit) {
                if let Some((p, _)) = ix.people.get(person.value.as_str()) {
                    let period = plan.value.period.value;
                    out.extend(not_employed(Naming::Plan, p, period, person.span));
                }
                continue;
            }
            if ix.person_dropped_in(unit, person.value.as_str()) {
                continue;
            }
            if let Some(gap) = gap {
                ix.not_checked(gap, plan.doc, person.span);
                continue;
            }
            if ix.rosters_of(unit).is_empty() {
                break;
            }
            let elsewhere = ix.people.get(person.value.as_str()).map(|(p, r)| {
                msg!("plan-person-elsewhere", name = &p.name, unit = r.value.unit.value.as_str())
            });
            let (ids, names) = people.of(ix, unit);
            let diag = super::roster::unknown_among(
                &rules::PLAN_UNKNOWN_PERSON,
                msg!("noun-person"),
                person.value.as_str(),
                person.span,
                ids,
                None,
            );
            let message = match task {
                None => {
                    msg!("plan-owner-not-on-roster", person = person.value.as_str(), unit = unit)
                }
                Some(task) => msg!(
                    "plan-task-owner-not-on-roster",
                    task = task.value.as_str(),
                    person = person.value.as_str(),
                    unit = unit
                ),
            };
            let diag = Diagnostic { message, ..diag };
            let diag = super::names::name_in_index(diag, person.value.as_str(), person.span, names);
            out.push(match elsewhere {
                Some(note) => diag.note(note),
                None => diag,
            });
        }
    }
}

/// `plan.unknown-post`: scorecard posts, `per_post` and `assessed_by` are roster posts.
pub fn check_posts(ix: &Index, out: &mut Vec<Diagnostic>) {
    for (plan, _) in &ix.plans {
        let unit = plan.value.unit.value.as_str();
        let rosters = ix.rosters_of(unit);
        let gap = ix.roster_gap(unit);
        if rosters.is_empty() && gap.is_none() {
            continue;
        }
        let p = plan.value;
        let mut posts: Vec<_> = p.targets.iter().filter_map(|t| t.per_post.as_ref()).collect();
        for card in &p.scorecards {
            posts.push(&card.post);
            posts.extend(card.components.iter().flat_map(|c| &c.assessed_by));
        }
        for post in posts {
            if ix.dropped(Kind::Roster, "posts", post.value.as_str()) {
                continue;
            }
            if let Some(gap) = gap
                && ix.post_in_unit(post.value.as_str(), unit).is_none()
            {
                ix.not_checked(gap, plan.doc, post.span);
                continue;
            }
            if ix.post_in_unit(post.value.as_str(), unit).is_none() {
                let known =
                    rosters.iter().flat_map(|r| r.value.posts.iter().map(|p| p.id.value.as_str()));
                out.push(super::roster::unknown(
                    &rules::PLAN_UNKNOWN_POST,
                    msg!("noun-post"),
                    post.value.as_str(),
                    post.span,
                    known,
                ));
            }
        }
    }
}

/// `plan.target-empty`, `plan.floor-above-target`, `plan.inverted-range`.
pub fn check_targets(ix: &Index, out: &mut Vec<Diagnostic>) {
    for (plan, _) in &ix.plans {
        for t in &plan.value.targets {
            if t.target.is_none() && t.floor.is_none() && t.range.is_none() {
                out.push(
                    Diagnostic::new(
                        &rules::PLAN_TARGET_EMPTY,
                        msg!("plan-target-empty", kpi = t.kpi.value.as_str()),
                        t.kpi.span,
                    )
                    .help(msg!("plan-target-empty-help")),
                );
            }
            if let Some(range) = &t.range
                && range.min.value > range.max.value
            {
                out.push(
                    Diagnostic::new(
                        &rules::PLAN_INVERTED_RANGE,
                        msg!(
                            "plan-inverted-range",
                            kpi = t.kpi.value.as_str(),
                            min = grouped(range.min.value.0),
                            max = grouped(range.max.value.0)
                        ),
                        range.min.span,
                    )
                    .related(range.max.span, msg!("plan-range-maximum"))
                    .help(msg!("plan-inverted-range-help")),
                );
            }
            let (Some(floor), Some(target)) = (&t.floor, &t.target) else { continue };
            // A KPI the catalogue lacks has no direction to judge by (`document.unknown-kpi`
            // says what is wrong with it).
            let Some(better) = ix.kpis.get(t.kpi.value.as_str()).map(|k| k.better) else {
                continue;
            };
            let wrong = match better {
                Better::Higher => floor.value > target.value,
                Better::Lower => floor.value < target.value,
            };
            if wrong {
                let (kpi, floor_text) = (t.kpi.value.as_str(), grouped(floor.value.0));
                let target_text = grouped(target.value.0);
                let message = match better {
                    Better::Higher => msg!(
                        "plan-floor-above-target",
                        floor = floor_text,
                        kpi = kpi,
                        target = target_text
                    ),
                    Better::Lower => msg!(
                        "plan-floor-below-target",
                        floor = floor_text,
                        kpi = kpi,
                        target = target_text
                    ),
                };
                out.push(
                    Diagnostic::new(&rules::PLAN_FLOOR_ABOVE_TARGET, message, floor.span)
                        .related(target.span, msg!("plan-the-target"))
                        .help(msg!("plan-floor-help")),
                );
            }
        }
    }
}

/// `plan.weights-sum` (of a scorecard without `groups`), `plan.duplicate-component`,
/// `plan.duplicate-scorecard`.
pub fn check_scorecards(ix: &Index, out: &mut Vec<Diagnostic>) {
    for (plan, _) in &ix.plans {
        let mut cards = HashMap::new();
        for card in &plan.value.scorecards {
            if let Some(first) = cards.insert(card.post.value.as_str(), card.post.span) {
                out.push(
                    Diagnostic::new(
                        &rules::PLAN_DUPLICATE_SCORECARD,
                        msg!("plan-duplicate-scorecard", post = card.post.value.as_str()),
                        card.post.span,
                    )
                    .related(first, msg!("plan-first-scorecard")),
                );
            }
            let mut ids = HashMap::new();
            for c in &card.components {
                if let Some(first) = ids.insert(c.id.value.as_str(), c.id.span) {
                    out.push(
                        Diagnostic::new(
                            &rules::PLAN_DUPLICATE_COMPONENT,
                            msg!(
                                "plan-duplicate-component",
                                component = c.id.value.as_str(),
                                post = card.post.value.as_str()
                            ),
                            c.id.span,
                        )
                        .related(first, msg!("plan-first-used-here")),
                    );
                }
            }
            let sum: Decimal = card.components.iter().map(|c| c.weight.value.0).sum();
            // With `groups`, the weights are checked group by group (`scores`).
            if sum != Decimal::ONE_HUNDRED && card.groups.is_empty() {
                let parts = card
                    .components
                    .iter()
                    .map(|c| c.name.clone() + " " + &c.weight.value.to_string())
                    .collect::<Vec<_>>()
                    .join(" + ");
                let post = card.post.value.as_str();
                out.push(
                    Diagnostic::new(
                        &rules::PLAN_WEIGHTS_SUM,
                        msg!("plan-weights-sum", post = post, sum = sum.to_string()),
                        card.post.span,
                    )
                    .note(msg!("plan-weights-parts", parts = parts))
                    .help(if sum > Decimal::ONE_HUNDRED {
                        let excess = (sum - Decimal::ONE_HUNDRED).to_string();
                        msg!("plan-weights-reduce", excess = excess)
                    } else {
                        let missing = (Decimal::ONE_HUNDRED - sum).to_string();
                        msg!("plan-weights-add", missing = missing)
                    }),
                );
            }
        }
    }
}

/// `plan.duplicate-task`, `plan.unknown-dependency`, `plan.task-cycle`.
pub fn check_task_graph(ix: &Index, out: &mut Vec<Diagnostic>) {
    for (plan, _) in &ix.plans {
        let tasks = &plan.value.tasks;
        let mut by_id: HashMap<&str, &Task> = HashMap::new();
        for task in tasks {
            if let Some(first) = by_id.insert(task.id.value.as_str(), task) {
                out.push(
                    Diagnostic::new(
                        &rules::PLAN_DUPLICATE_TASK,
                        msg!("plan-task-twice", id = task.id.value.as_str()),
                        task.id.span,
                    )
                    .related(first.id.span, msg!("plan-first-used-here")),
                );
                by_id.insert(first.id.value.as_str(), first);
            }
        }
        for task in tasks {
            for dep in &task.depends_on {
                if !by_id.contains_key(dep.value.as_str())
                    && !ix.dropped_in(plan.doc, "tasks", dep.value.as_str())
                {
                    let known = tasks
                        .iter()
                        .map(|t| t.id.value.as_str())
                        .filter(|id| *id != task.id.value.as_str());
                    out.push(super::roster::unknown(
                        &rules::PLAN_UNKNOWN_DEPENDENCY,
                        msg!("noun-task"),
                        dep.value.as_str(),
                        dep.span,
                        known,
                    ));
                }
            }
        }
        report_cycles(tasks, &by_id, out);
    }
}

fn report_cycles(tasks: &[Task], by_id: &HashMap<&str, &Task>, out: &mut Vec<Diagnostic>) {
    // Depth-first search; 0 unvisited, 1 on the stack, 2 done.
    let mut state: HashMap<&str, u8> = HashMap::new();
    let mut reported: Vec<Vec<&str>> = Vec::new();
    for task in tasks {
        let mut stack: Vec<(&Task, usize)> = vec![(task, 0)];
        let mut path: Vec<&Task> = Vec::new();
        while let Some((t, next)) = stack.pop() {
            let id = t.id.value.as_str();
            if next == 0 {
                if state.get(id).copied().unwrap_or(0) != 0 {
                    continue;
                }
                state.insert(id, 1);
                path.push(t);
            }
            match t.depends_on.get(next) {
                Some(dep) => {
                    stack.push((t, next + 1));
                    let Some(&d) = by_id.get(dep.value.as_str()) else { continue };
                    match state.get(d.id.value.as_str()).copied().unwrap_or(0) {
                        0 => stack.push((d, 0)),
                        1 => {
                            let start =
                                path.iter().position(|p| p.id.value == d.id.value).unwrap_or(0);
                            let cycle: Vec<&Task> = path[start..].to_vec();
                            let mut key: Vec<&str> =
                                cycle.iter().map(|t| t.id.value.as_str()).collect();
                            key.sort();
                            if !reported.contains(&key) {
                                reported.push(key);
                                let chain = cycle
                                    .iter()
                                    .chain([&d])
                                    .map(|t| "`".to_owned() + t.id.value.as_str() + "`")
                                    .collect::<Vec<_>>()
                                    .join(" → ");
                                let mut diag = Diagnostic::new(
                                    &rules::PLAN_TASK_CYCLE,
                                    msg!("plan-task-cycle", cycle = chain),
                                    dep.span,
                                );
                                for member in &cycle {
                                    let task = member.id.value.as_str();
                                    let note = msg!("plan-task-in-cycle", task = task);
                                    diag = diag.related(member.id.span, note);
                                }
                                out.push(diag.help(msg!("plan-task-cycle-help")));
                            }
                        }
                        _ => {}
                    }
                }
                None => {
                    state.insert(id, 2);
                    path.pop();
                }
            }
        }
    }
}

/// `plan.task-dates` and `plan.task-outside-period`.
pub fn check_task_dates(ix: &Index, out: &mut Vec<Diagnostic>) {
    for (plan, _) in &ix.plans {
        check_dates_of(*plan, out);
    }
}

fn check_dates_of(plan: Doc<'_, Plan>, out: &mut Vec<Diagnostic>) {
    let period = plan.value.period.value;
    let (first, last) = period.bounds();
    for task in &plan.value.tasks {
        if let (Some(start), Some(due)) = (&task.start, &task.due) {
            if due.value < start.value {
                out.push(
                    Diagnostic::new(
                        &rules::PLAN_TASK_DATES,
                        msg!(
                            "plan-due-before-start",
                            task = task.id.value.as_str(),
                            due = due.value.to_string(),
                            start = start.value.to_string()
                        ),
                        due.span,
                    )
                    .related(start.span, msg!("plan-starts-here")),
                );
            } else if let Some(duration) = &task.duration {
                let end = task.end_by_duration().unwrap_or(due.value);
                if end != due.value {
                    let message = msg!(
                        "plan-duration-mismatch",
                        task = task.id.value.as_str(),
                        start = start.value.to_string(),
                        duration = lasting(duration.value),
                        end = end.to_string(),
                        due = due.value.to_string()
                    );
                    out.push(
                        Diagnostic::new(&rules::PLAN_TASK_DATES, message, duration.span)
                            .related(due.span, msg!("plan-due-date"))
                            .help(msg!("plan-duration-help")),
                    );
                }
            }
        }
        for dep in &task.depends_on {
            let Some(before) = plan.value.tasks.iter().find(|t| t.id.value == dep.value) else {
                continue;
            };
            if let (Some(start), Some(end)) = (&task.start, before.end())
                && start.value <= end
            {
                out.push(
                    Diagnostic::new(
                        &rules::PLAN_TASK_DATES,
                        msg!(
                            "plan-starts-before-dependency",
                            task = task.id.value.as_str(),
                            start = start.value.to_string(),
                            dependency = dep.value.as_str(),
                            end = end.to_string()
                        ),
                        start.span,
                    )
                    .related(dep.span, msg!("plan-the-dependency")),
                );
            }
        }
        let end = task.due.is_none().then(|| task.end()).flatten();
        let dates = [
            task.start.as_ref().map(|s| (When::Starts, s.value, s.span)),
            task.due.as_ref().map(|d| (When::Due, d.value, d.span)),
            end.zip(task.duration.as_ref()).map(|(end, d)| (When::Ends, end, d.span)),
        ];
        for (when, date, span) in dates.into_iter().flatten() {
            if date < first || date > last {
                let (task, date) = (task.id.value.as_str(), date.to_string());
                let (period, first, last) =
                    (period.to_string(), first.to_string(), last.to_string());
                // One message per date, each with the same arguments.
                let id = match when {
                    When::Starts => "plan-starts-outside",
                    When::Due => "plan-due-outside",
                    When::Ends => "plan-ends-outside",
                };
                let message = Msg::new(id)
                    .arg("task", task)
                    .arg("date", date)
                    .arg("period", period)
                    .arg("first", first)
                    .arg("last", last);
                out.push(
                    Diagnostic::new(&rules::PLAN_TASK_OUTSIDE_PERIOD, message, span)
                        .related(plan.value.period.span, msg!("plan-the-period")),
                );
            }
        }
    }
}

/// Which date of a task falls outside its plan's period.
enum When {
    Starts,
    Due,
    Ends,
}

/// A task's duration as the plan spells it, `2w` or `3d`, in words of the reader's language.
fn lasting(duration: Duration) -> Msg {
    // Written as `Duration`'s `Display` writes it, without thousands separators.
    if duration.days.is_multiple_of(7) {
        msg!("plan-duration-weeks", count = (duration.days / 7).to_string())
    } else {
        msg!("plan-duration-days", count = duration.days.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use crate::validate::tests::{plan, report, roster, run};

    const ROSTER: &str = "posts:\n  - { id: gm, title: 总经理, establishment: 1 }
  - { id: rep, title: 业务员, establishment: 1, reports_to: gm }
people:\n  - { id: p001, name: 张伟, post: gm }\n  - { id: p011, name: 刘洋, post: rep }\n";

    fn tasks(body: &str) -> Vec<String> {
        report(check_task_dates, &[("p.md", &plan(&format!("tasks:\n{body}")))])
    }

    #[test]
    fn task_due_before_start() {
        let found = tasks("  - { id: a, name: A, start: 2026-12-05, due: 2026-12-04 }\n");
        assert_eq!(
            found,
            ["plan.task-dates: task `a` is due on 2026-12-04 before it starts on 2026-12-05"]
        );
    }

    #[test]
    fn task_duration_disagrees_with_due() {
        let found =
            tasks("  - { id: a, name: A, start: 2026-12-01, duration: 1w, due: 2026-12-08 }\n");
        assert_eq!(found.len(), 1);
        assert!(
            found[0].contains("lasts 1w, so it ends 2026-12-07, not on its due date 2026-12-08")
        );
        assert!(
            tasks("  - { id: a, name: A, start: 2026-12-01, duration: 1w, due: 2026-12-07 }\n")
                .is_empty()
        );
    }

    #[test]
    fn task_starts_before_its_dependency_ends() {
        let by_due = "  - { id: a, name: A, start: 2026-12-01, due: 2026-12-07 }
  - { id: b, name: B, start: 2026-12-07, depends_on: [a] }\n";
        assert_eq!(
            tasks(by_due),
            ["plan.task-dates: task `b` starts on 2026-12-07 but depends on `a`, which ends on \
                 2026-12-07"]
        );
        let by_duration = "  - { id: a, name: A, start: 2026-12-01, duration: 3d }
  - { id: b, name: B, start: 2026-12-03, depends_on: [a] }\n";
        assert_eq!(tasks(by_duration).len(), 1);
        let next_day = "  - { id: a, name: A, start: 2026-12-01, duration: 3d }
  - { id: b, name: B, start: 2026-12-04, due: 2026-12-04, depends_on: [a] }\n";
        assert!(tasks(next_day).is_empty());
    }

    #[test]
    fn task_outside_period_names_the_date_that_is() {
        let found = tasks(
            "  - { id: a, name: A, start: 2026-11-30, due: 2026-12-02 }
  - { id: b, name: B, start: 2026-12-20, due: 2027-01-02 }
  - { id: c, name: C, start: 2026-12-30, duration: 3d }
  - { id: d, name: D, start: 2026-12-01, duration: 31d }\n",
        );
        let period = "outside the plan's period 2026-12 (2026-12-01 to 2026-12-31)";
        assert_eq!(
            found,
            [
                format!("plan.task-outside-period: task `a` starts on 2026-11-30, {period}"),
                format!("plan.task-outside-period: task `b` is due on 2027-01-02, {period}"),
                format!("plan.task-outside-period: task `c` ends on 2027-01-01, {period}"),
            ]
        );
    }

    #[test]
    fn task_graph_reports_duplicates_unknown_dependencies_and_cycles() {
        let found = report(
            check_task_graph,
            &[(
                "p.md",
                &plan(
                    "tasks:\n  - { id: a, name: A }\n  - { id: a, name: A2 }
  - { id: b, name: B, depends_on: [c] }\n  - { id: c, name: C, depends_on: [b] }
  - { id: d, name: D, depends_on: [x] }\n",
                ),
            )],
        );
        assert_eq!(
            found,
            [
                "plan.duplicate-task: task id `a` is used twice",
                "plan.unknown-dependency: unknown task `x`",
                "plan.task-cycle: tasks depend on each other in a cycle: `b` → `c` → `b`",
            ]
        );
    }

    #[test]
    fn a_task_depending_on_itself_is_a_cycle_and_shared_dependencies_are_not() {
        let own = plan("tasks:\n  - { id: a, name: A, depends_on: [a] }\n");
        assert_eq!(
            report(check_task_graph, &[("p.md", &own)]),
            ["plan.task-cycle: tasks depend on each other in a cycle: `a` → `a`"]
        );
        let diamond = plan(
            "tasks:\n  - { id: d, name: D, depends_on: [b, c] }
  - { id: b, name: B, depends_on: [a] }
  - { id: c, name: C, depends_on: [a] }\n  - { id: a, name: A }\n",
        );
        assert!(report(check_task_graph, &[("p.md", &diamond)]).is_empty());
    }

    #[test]
    fn an_unknown_dependency_never_suggests_the_task_itself() {
        let text = plan(
            "tasks:\n  - { id: staffing, name: 定岗定编, depends_on: [stafing] }
",
        );
        let found = run(check_task_graph, &[("p.md", &text)]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].help, None, "{:?}", found[0].help);
    }

    #[test]
    fn targets_need_a_figure_an_ordered_range_and_a_floor_short_of_the_target() {
        let text = plan(
            "targets:\n  - { kpi: units, note: 力争 }
  - { kpi: units, scope: a, range: { min: 5, max: 4 } }
  - { kpi: units, scope: b, floor: 11, target: 10 }
  - { kpi: returns, floor: 9, target: 10 }
  - { kpi: units, scope: c, floor: 10, target: 10, range: { min: 4, max: 4 } }
  - { kpi: returns, scope: d, floor: 11, target: 10 }\n",
        );
        assert_eq!(
            report(check_targets, &[("p.md", &text)]),
            [
                "plan.target-empty: target for `units` has no figure",
                "plan.inverted-range: range for `units` runs from 5 down to 4",
                "plan.floor-above-target: floor 11 of `units` is above its target 10 (higher is \
                 better)",
                "plan.floor-above-target: floor 9 of `returns` is below its target 10 (lower is \
                 better)",
            ]
        );
    }

    #[test]
    fn scorecards_have_unique_posts_and_components_and_weights_of_exactly_100() {
        let text = plan(
            "scorecards:\n  - post: rep\n    components:
      - { id: a, name: 甲, weight: 33.3 }\n      - { id: b, name: 乙, weight: 33.3 }
      - { id: c, name: 丙, weight: 33.4 }
  - post: rep\n    components:\n      - { id: a, name: 甲, weight: 60 }
      - { id: a, name: 乙, weight: 50 }
  - post: gm\n    components:\n      - { id: a, name: 甲, weight: 99.5 }\n",
        );
        assert_eq!(
            report(check_scorecards, &[("p.md", &text)]),
            [
                "plan.duplicate-scorecard: post `rep` has a second scorecard",
                "plan.duplicate-component: component `a` appears twice in the scorecard of `rep`",
                "plan.weights-sum: weights of the scorecard for `rep` sum to 110, not 100",
                "plan.weights-sum: weights of the scorecard for `gm` sum to 99.5, not 100",
            ]
        );
        let found = run(check_scorecards, &[("p.md", &text)]);
        assert_eq!(found[2].primary.note.as_ref().map(Msg::en).as_deref(), Some("甲 60 + 乙 50"));
        assert_eq!(
            found[2].help.as_ref().map(Msg::en).as_deref(),
            Some("reduce the weights by 10")
        );
        assert_eq!(found[3].help.as_ref().map(Msg::en).as_deref(), Some("add the missing 0.5"));
    }

    #[test]
    fn owners_are_on_the_roster_of_the_unit_or_a_sub_unit() {
        let sub = "kind: roster\nunit: zhengzhou\nposts:
  - { id: rm, title: 大区经理, establishment: 1 }
people:\n  - { id: p002, name: 李娜, post: rm }\n";
        let text = plan(
            "owner: p002\ntasks:\n  - { id: a, name: A, owner: p001 }
  - { id: b, name: B, owner: p404 }\n",
        );
        let files = [("r.yaml", roster(ROSTER)), ("z/r.yaml", sub.to_string()), ("p.md", text)];
        let files: Vec<_> = files.iter().map(|(p, t)| (*p, t.as_str())).collect();
        assert_eq!(
            report(check_people, &files),
            ["plan.unknown-person: task `b` has owner `p404`, who is not on the roster of `henan`"]
        );
        let elsewhere = plan("owner: p001\n").replace("unit: henan", "unit: zhengzhou");
        let found = run(
            check_people,
            &[("r.yaml", &roster(ROSTER)), ("z/r.yaml", sub), ("p.md", &elsewhere)],
        );
        assert_eq!(
            found[0].message.en(),
            "the plan has owner `p001`, who is not on the roster of `zhengzhou`"
        );
        assert_eq!(
            found[0].primary.note.as_ref().map(Msg::en).as_deref(),
            Some("张伟 is on the roster of `henan`")
        );
    }

    #[test]
    fn owners_and_posts_are_not_checked_without_a_roster() {
        let text = plan("owner: p404\ntargets:\n  - { kpi: units, target: 1, per_post: nobody }\n");
        assert!(report(check_people, &[("p.md", &text)]).is_empty());
        assert!(report(check_posts, &[("p.md", &text)]).is_empty());
    }

    #[test]
    fn per_post_scorecard_posts_and_assessors_are_roster_posts() {
        let text = plan(
            "targets:\n  - { kpi: units, target: 1, per_post: clerk }\nscorecards:\n  - post: sales
    components:\n      - { id: a, name: 甲, weight: 100, assessed_by: [gm, boss] }\n",
        );
        let found = report(check_posts, &[("r.yaml", &roster(ROSTER)), ("p.md", &text)]);
        assert_eq!(
            found,
            [
                "plan.unknown-post: unknown post `clerk`",
                "plan.unknown-post: unknown post `sales`",
                "plan.unknown-post: unknown post `boss`",
            ]
        );
    }

    /// A message, note or help in Chinese; empty when there is none.
    fn zh<'a>(m: impl Into<Option<&'a Msg>>) -> String {
        m.into().map(|m| m.text(Locale::ZhCn)).unwrap_or_default()
    }

    #[test]
    fn targets_and_scorecards_read_as_chinese() {
        let text = plan(
            "targets:\n  - { kpi: returns, floor: 9, target: 10 }
  - { kpi: units, range: { min: 5, max: 4 } }
scorecards:\n  - post: rep\n    components:\n      - { id: a, name: 甲, weight: 99.5 }\n",
        );
        let found = run(check_targets, &[("p.md", &text)]);
        let floor = found.iter().find(|d| d.rule.id == "plan.floor-above-target").unwrap();
        assert_eq!(
            zh(&floor.message),
            "指标 `returns` 的保底 9 低于目标 10\
             （该指标越低越好）"
        );
        assert_eq!(zh(floor.related[0].note.as_ref()), "目标");
        let range = found.iter().find(|d| d.rule.id == "plan.inverted-range").unwrap();
        assert_eq!(zh(&range.message), "指标 `units` 的区间下限 5 大于上限 4");
        let found = run(check_scorecards, &[("p.md", &text)]);
        let weights = zh(&found[0].message);
        assert_eq!(weights, "岗位 `rep` 考评表的权重合计为 99.5，而不是 100");
        assert_eq!(zh(found[0].help.as_ref()), "请补足缺少的 0.5");
    }

    #[test]
    fn tasks_read_as_chinese() {
        let text = plan(
            "tasks:\n  - { id: a, name: A, start: 2026-12-01, duration: 1w, due: 2026-12-08 }
  - { id: b, name: B, start: 2026-12-30, duration: 3d, depends_on: [c] }
  - { id: c, name: C, depends_on: [b] }\n",
        );
        let found = run(check_task_dates, &[("p.md", &text)]);
        assert_eq!(
            zh(&found[0].message),
            "任务 `a` 于 2026-12-01 开始，历时 1 周，\
             应于 2026-12-07 结束，与截止日期 \
             2026-12-08 不符"
        );
        assert_eq!(
            zh(&found[1].message),
            "任务 `b` 的结束日期 2027-01-01 不在计划期间 \
             2026-12（2026-12-01 至 2026-12-31）之内"
        );
        let found = run(check_task_graph, &[("p.md", &text)]);
        assert_eq!(zh(&found[0].message), "任务之间存在循环依赖：`b` → `c` → `b`");
        assert_eq!(zh(found[0].related[1].note.as_ref()), "任务 `c` 处于循环之中");
    }

    #[test]
    fn an_owner_off_the_roster_reads_as_chinese() {
        let text = plan("owner: p404\ntasks:\n  - { id: a, name: A, owner: p011x }\n");
        let found = run(check_people, &[("r.yaml", &roster(ROSTER)), ("p.md", &text)]);
        let (owner, task_owner) = (zh(&found[0].message), zh(&found[1].message));
        assert_eq!(owner, "计划的负责人 `p404` 不在 `henan` 的人员编制中");
        assert_eq!(task_owner, "任务 `a` 的负责人 `p011x` 不在 `henan` 的人员编制中");
    }
}
