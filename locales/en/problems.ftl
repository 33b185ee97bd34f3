# Problems, measures, work areas and targets that contribute to a longer period's
# (`validate::problems`, `rollup::areas`, `rollup::year_to_date`).

noun-problem = problem
noun-measure = measure
noun-area = work area

problems-duplicate-id = { $what } id `{ $id }` is used twice in this plan
problems-first-here = first used here
problems-duplicate-id-help = give each one its own id, or merge the two
problems-unknown-problem-help = give the problem an `id:` under `problems:` and name that id in `answers:`
problems-unanswered = open problem `{ $id }` ({ $title }) is answered by no measure or task
problems-unanswered-help = name `{ $id }` in the `answers:` of a measure or task, or set the problem's `status: resolved`
problems-unknown-area-help = declare the area under the plan's `areas:` with an `id:` and a `name:`
problems-empty-area = work area `{ $id }` ({ $name }) has no task or measure
problems-empty-area-help = give tasks or measures `area: { $id }`, or remove the area
problems-contribution-outside = the plan is for `{ $period }`, which does not lie within `{ $longer }`
problems-plan-period = the plan's period
problems-contribution-outside-help = `contributes_to:` names a longer period that contains `{ $period }`, such as its year
problems-no-longer-plan = `{ $unit }` has no plan for `{ $longer }` to contribute to
problems-no-longer-plan-help = write the plan for `{ $longer }` with this target, or remove `contributes_to:`
problems-unknown-annual-target = the plan for `{ $longer }` has no target for `{ $kpi }` with the same scope, post and region
problems-target-key = this target: scope { $scope }, post { $post }, region { $region }
problems-longer-plan-kpis = the plan for `{ $longer }` has targets for { $kpis }
problems-longer-plan-no-targets = the plan for `{ $longer }` has no targets

# `planbook rollup areas`
rollup-areas = work areas
rollup-sheet-areas = Areas
rollup-col-area = area
rollup-col-tasks = tasks
rollup-col-done = done
rollup-col-in-progress = in progress
rollup-col-blocked = blocked
rollup-col-not-started = not started
rollup-col-dropped = dropped
rollup-col-no-status = no status
rollup-col-done-pct = % done
rollup-col-measures = measures
rollup-area-none = (no area)

# Year to date in `rollup attainment`
rollup-col-ytd = year to date
rollup-col-annual = annual target
rollup-col-ytd-share = share of annual
rollup-col-elapsed = elapsed
rollup-ytd-elapsed = { $elapsed } of { $total }

# Handbook: year to date under an actual, area progress
handbook-ytd = year to date { $actual } of { $annual } ({ $share }), { $elapsed } of { $total } periods
handbook-ytd-no-share = year to date { $actual } of { $annual }, { $elapsed } of { $total } periods
handbook-ytd-no-actual = no actual yet this year against { $annual }, { $elapsed } of { $total } periods
handbook-ytd-no-annual = year to date { $actual }, { $elapsed } of { $total } periods
handbook-ytd-elapsed = { $elapsed } of { $total } periods of the year
handbook-ytd-missing = ; no actual for { $periods }
handbook-area-progress = { $done } of { $tasks } tasks done ({ $pct })
problems-contribution-same = the plan is itself for `{ $period }`: a target contributes to a longer period than its plan's
