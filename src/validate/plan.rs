//! Rules about plans: owners and posts against the roster, targets, scorecards and tasks.

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::diag::{Diagnostic, rules};
use crate::index::{Doc, Index};
use crate::model::Plan;
use crate::model::config::Better;
use crate::model::money::grouped;
use crate::model::plan::Task;

/// `plan.unknown-person`: the owner and task owners are on the unit's roster.
pub fn check_people(ix: &Index, out: &mut Vec<Diagnostic>) {
    for (plan, _) in &ix.plans {
        let unit = plan.value.unit.value.as_str();
        if ix.rosters_of(unit).is_empty() {
            continue;
        }
        let owners = plan.value.owner.iter().map(|o| (o, "the plan".to_string()));
        let task_owners = plan
            .value
            .tasks
            .iter()
            .filter_map(|t| t.owner.as_ref().map(|o| (o, format!("task `{}`", t.id.value))));
        for (person, role) in owners.chain(task_owners) {
            if ix.person_in_unit(person.value.as_str(), unit) {
                continue;
            }
            let known = ix
                .rosters_of(unit)
                .into_iter()
                .flat_map(|r| r.value.people.iter().map(|p| p.id.value.as_str()))
                .collect::<Vec<_>>();
            let elsewhere = ix
                .people
                .get(person.value.as_str())
                .map(|(p, r)| format!("{} is on the roster of `{}`", p.name, r.value.unit.value));
            let diag = super::roster::unknown(
                &rules::PLAN_UNKNOWN_PERSON,
                "person",
                person.value.as_str(),
                person.span,
                known.into_iter(),
            );
            let diag = Diagnostic {
                message: format!(
                    "{role} has owner `{}`, who is not on the roster of `{unit}`",
                    person.value
                ),
                ..diag
            };
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
        if rosters.is_empty() {
            continue;
        }
        let p = plan.value;
        let mut posts: Vec<_> = p.targets.iter().filter_map(|t| t.per_post.as_ref()).collect();
        for card in &p.scorecards {
            posts.push(&card.post);
            posts.extend(card.components.iter().flat_map(|c| &c.assessed_by));
        }
        for post in posts {
            if ix.post_in_unit(post.value.as_str(), unit).is_none() {
                let known =
                    rosters.iter().flat_map(|r| r.value.posts.iter().map(|p| p.id.value.as_str()));
                out.push(super::roster::unknown(
                    &rules::PLAN_UNKNOWN_POST,
                    "post",
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
                        format!("target for `{}` has no figure", t.kpi.value),
                        t.kpi.span,
                    )
                    .help("add a `target`, a `floor` or a `range`"),
                );
            }
            if let Some(range) = &t.range
                && range.min.value > range.max.value
            {
                out.push(
                    Diagnostic::new(
                        &rules::PLAN_INVERTED_RANGE,
                        format!(
                            "range for `{}` runs from {} down to {}",
                            t.kpi.value,
                            grouped(range.min.value.0),
                            grouped(range.max.value.0)
                        ),
                        range.min.span,
                    )
                    .related(range.max.span, "the maximum")
                    .help("swap `min` and `max`"),
                );
            }
            let (Some(floor), Some(target)) = (&t.floor, &t.target) else { continue };
            let better = ix.kpis.get(t.kpi.value.as_str()).map_or(Better::Higher, |k| k.better);
            let wrong = match better {
                Better::Higher => floor.value > target.value,
                Better::Lower => floor.value < target.value,
            };
            if wrong {
                let (word, direction) = match better {
                    Better::Higher => ("above", "higher is better"),
                    Better::Lower => ("below", "lower is better"),
                };
                out.push(
                    Diagnostic::new(&rules::PLAN_FLOOR_ABOVE_TARGET, format!("floor {} of `{}` is {word} its target {} ({direction})", grouped(floor.value.0), t.kpi.value, grouped(target.value.0)), floor.span)
                        .related(target.span, "the target")
                        .help("the floor is the least acceptable result; swap the two figures if they were entered the wrong way round"),
                );
            }
        }
    }
}

/// `plan.weights-sum`, `plan.duplicate-component`, `plan.duplicate-scorecard`.
pub fn check_scorecards(ix: &Index, out: &mut Vec<Diagnostic>) {
    for (plan, _) in &ix.plans {
        let mut cards = HashMap::new();
        for card in &plan.value.scorecards {
            if let Some(first) = cards.insert(card.post.value.as_str(), card.post.span) {
                out.push(
                    Diagnostic::new(
                        &rules::PLAN_DUPLICATE_SCORECARD,
                        format!("post `{}` has a second scorecard", card.post.value),
                        card.post.span,
                    )
                    .related(first, "the first scorecard"),
                );
            }
            let mut ids = HashMap::new();
            for c in &card.components {
                if let Some(first) = ids.insert(c.id.value.as_str(), c.id.span) {
                    out.push(
                        Diagnostic::new(
                            &rules::PLAN_DUPLICATE_COMPONENT,
                            format!(
                                "component `{}` appears twice in the scorecard of `{}`",
                                c.id.value, card.post.value
                            ),
                            c.id.span,
                        )
                        .related(first, "first used here"),
                    );
                }
            }
            let sum: Decimal = card.components.iter().map(|c| c.weight.value.0).sum();
            if sum != Decimal::ONE_HUNDRED {
                let parts = card
                    .components
                    .iter()
                    .map(|c| format!("{} {}", c.name, c.weight.value))
                    .collect::<Vec<_>>()
                    .join(" + ");
                out.push(
                    Diagnostic::new(
                        &rules::PLAN_WEIGHTS_SUM,
                        format!(
                            "weights of the scorecard for `{}` sum to {sum}, not 100",
                            card.post.value
                        ),
                        card.post.span,
                    )
                    .note(parts)
                    .help(if sum > Decimal::ONE_HUNDRED {
                        format!("reduce the weights by {}", sum - Decimal::ONE_HUNDRED)
                    } else {
                        format!("add the missing {}", Decimal::ONE_HUNDRED - sum)
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
                        format!("task id `{}` is used twice", task.id.value),
                        task.id.span,
                    )
                    .related(first.id.span, "first used here"),
                );
                by_id.insert(first.id.value.as_str(), first);
            }
        }
        for task in tasks {
            for dep in &task.depends_on {
                if !by_id.contains_key(dep.value.as_str()) {
                    let known = tasks.iter().map(|t| t.id.value.as_str());
                    out.push(super::roster::unknown(
                        &rules::PLAN_UNKNOWN_DEPENDENCY,
                        "task",
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
                                let names = cycle
                                    .iter()
                                    .map(|t| format!("`{}`", t.id.value))
                                    .collect::<Vec<_>>()
                                    .join(" → ");
                                let mut diag = Diagnostic::new(
                                    &rules::PLAN_TASK_CYCLE,
                                    format!(
                                        "tasks depend on each other in a cycle: {names} → `{}`",
                                        d.id.value
                                    ),
                                    dep.span,
                                );
                                for member in &cycle {
                                    diag = diag.related(
                                        member.id.span,
                                        format!("task `{}` is part of the cycle", member.id.value),
                                    );
                                }
                                out.push(diag.help("remove one of the dependencies"));
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
                        format!(
                            "task `{}` is due on {} before it starts on {}",
                            task.id.value, due.value, start.value
                        ),
                        due.span,
                    )
                    .related(start.span, "starts here"),
                );
            } else if let Some(duration) = &task.duration {
                let end = start.value.add_days(i64::from(duration.value.days) - 1);
                if end != due.value {
                    out.push(Diagnostic::new(&rules::PLAN_TASK_DATES, format!("task `{}` starts {} and lasts {}, so it ends {end}, not on its due date {}", task.id.value, start.value, duration.value, due.value), duration.span).related(due.span, "due date").help("keep either `duration` or `due`"));
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
                        format!(
                            "task `{}` starts on {} but depends on `{}`, which ends on {end}",
                            task.id.value, start.value, dep.value
                        ),
                        start.span,
                    )
                    .related(dep.span, "the dependency"),
                );
            }
        }
        let end = task.due.is_none().then(|| task.end()).flatten();
        let dates = [
            task.start.as_ref().map(|s| (s.value, s.span)),
            task.due.as_ref().map(|d| (d.value, d.span)),
            end.zip(task.duration.as_ref().map(|d| d.span)),
        ];
        for (date, span) in dates.into_iter().flatten() {
            if date < first || date > last {
                out.push(Diagnostic::new(&rules::PLAN_TASK_OUTSIDE_PERIOD, format!("task `{}` runs to or from {date}, outside the plan's period {period} ({first} to {last})", task.id.value), span).related(plan.value.period.span, "the plan's period"));
            }
        }
    }
}
