# Rules about plans (validate::plan): owners and posts, targets, scorecards and tasks.

## plan.unknown-person

plan-owner-not-on-roster = the plan has owner `{ $person }`, who is not on the roster of `{ $unit }`
plan-task-owner-not-on-roster = task `{ $task }` has owner `{ $person }`, who is not on the roster of `{ $unit }`
# `name` is the person's name, `unit` the unit whose roster lists them.
plan-person-elsewhere = { $name } is on the roster of `{ $unit }`

## plan.target-empty, plan.inverted-range, plan.floor-above-target

plan-target-empty = target for `{ $kpi }` has no figure
plan-target-empty-help = add a `target`, a `floor` or a `range`
plan-inverted-range = range for `{ $kpi }` runs from { $min } down to { $max }
# Points at the range's `max`.
plan-range-maximum = the maximum
plan-inverted-range-help = swap `min` and `max`
# For a KPI where a higher result is better.
plan-floor-above-target = floor { $floor } of `{ $kpi }` is above its target { $target } (higher is better)
# For a KPI where a lower result is better.
plan-floor-below-target = floor { $floor } of `{ $kpi }` is below its target { $target } (lower is better)
# Points at the target's figure.
plan-the-target = the target
plan-floor-help = the floor is the least acceptable result; swap the two figures if they were entered the wrong way round

## plan.duplicate-scorecard, plan.duplicate-component, plan.weights-sum

plan-duplicate-scorecard = post `{ $post }` has a second scorecard
plan-first-scorecard = the first scorecard
plan-duplicate-component = component `{ $component }` appears twice in the scorecard of `{ $post }`
# Points at the component or task that first used the id.
plan-first-used-here = first used here
plan-weights-sum = weights of the scorecard for `{ $post }` sum to { $sum }, not 100
# The components with their weights: `基本工作 60 + 销售 20`.
plan-weights-parts = { $parts }
plan-weights-reduce = reduce the weights by { $excess }
plan-weights-add = add the missing { $missing }

## plan.duplicate-task, plan.task-cycle

plan-task-twice = task id `{ $id }` is used twice
# `cycle` is the chain of task ids: `a` → `b` → `a`.
plan-task-cycle = tasks depend on each other in a cycle: { $cycle }
plan-task-in-cycle = task `{ $task }` is part of the cycle
plan-task-cycle-help = remove one of the dependencies

## plan.task-dates; dates are written 2026-12-01.

plan-due-before-start = task `{ $task }` is due on { $due } before it starts on { $start }
plan-starts-here = starts here
# `duration` is plan-duration-weeks or plan-duration-days.
plan-duration-mismatch = task `{ $task }` starts { $start } and lasts { $duration }, so it ends { $end }, not on its due date { $due }
# A task's duration as the plan spells it: `2w`, `3d`.
plan-duration-weeks = { $count }w
plan-duration-days = { $count }d
plan-due-date = due date
plan-duration-help = keep either `duration` or `due`
plan-starts-before-dependency = task `{ $task }` starts on { $start } but depends on `{ $dependency }`, which ends on { $end }
plan-the-dependency = the dependency

## plan.task-outside-period: `period` is 2026-12, 2026-Q4 or 2026; `first` and `last` its days.

plan-starts-outside = task `{ $task }` starts on { $date }, outside the plan's period { $period } ({ $first } to { $last })
plan-due-outside = task `{ $task }` is due on { $date }, outside the plan's period { $period } ({ $first } to { $last })
plan-ends-outside = task `{ $task }` ends on { $date }, outside the plan's period { $period } ({ $first } to { $last })
plan-the-period = the plan's period
