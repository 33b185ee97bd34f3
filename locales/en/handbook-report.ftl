# The printable monthly report (render::view::report). Figures arrive formatted.

# The page title of a month's report; `unit` is the unit's name, `period` the formatted month.
handbook-report-title-month = { $unit }: monthly report, { $period }
# The page title of a report for a quarter or a year.
handbook-report-title = { $unit }: report, { $period }
# A section heading, numbered in the order the sections are shown.
handbook-report-heading = { $number }. { $title }
# Under the establishment table; `date` is the period's last day.
handbook-report-as-of = On staff as of { $date }
# A target's scope: the region (or region group) it is set for.
handbook-report-region = region: { $region }
# A target's scope: per person in the post.
handbook-report-per-post = per { $post }
# A scorecard's group of components and its weight in percent.
handbook-report-group-weight = { $name } { $weight }%
# The groups of a scorecard, listed.
handbook-report-groups = Groups: { $groups }
# The points a component may be given.
handbook-report-points = Points per component: { $min }–{ $max }
# The most bonus points on top of the weighted score.
handbook-report-bonus-max = Bonus: at most { $max } points
# How a computed component is scored from the KPI's attainment.
handbook-report-scale = { $floor } points at the floor, { $target } at the target
handbook-report-scale-cap = , at most { $cap }
# Results: how many of the targets with an actual were met or reached their floor.
handbook-report-targets-met = Targets: { $met } of { $total } met, { $floor } above the floor only.
# Results: tasks done.
handbook-report-tasks-done = Tasks: { $done } of { $total } done.
# Results: actual spend against the budget; `variance` is actual minus budget.
handbook-report-spend = Spend: { $actual } against a budget of { $budget } (variance { $variance }).
# A target's scope: the region group it is set for, or whose regions it sums.
handbook-report-group = region group: { $group }
