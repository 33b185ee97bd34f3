# `planbook rollup`: table titles, column heads, words in cells, and what it prints besides.

## Budget tables. `$budget` is `rollup-budget-head`.

rollup-budget-head = { $unit } { $period } ({ $currency })
rollup-budget-lines = { $budget } — lines
rollup-budget-categories = { $budget } — by category
rollup-budget-totals = { $budget } — totals
rollup-budget-limits = { $budget } — limits
rollup-col-line = line
rollup-col-name = name
rollup-col-category = category
rollup-col-section = section
rollup-col-amount = amount
rollup-col-breakdown = breakdown
rollup-col-previous = previous
rollup-col-actual = actual
rollup-col-variance = variance
rollup-col-variance-pct = variance %
rollup-col-share = share
rollup-col-figure = figure
rollup-col-computed = computed
rollup-col-declared = declared
rollup-col-limit = limit
rollup-col-max = max
rollup-col-used = used
rollup-col-headroom = headroom
rollup-col-used-pct = used %
# The last row of a table, adding up the rows above.
rollup-total = total
# A section of a budget: its name and id.
rollup-name-id = { $name } ({ $id })
rollup-year-to-date = year to date from { $from } ({ $budgets ->
    [one] { $budgets } budget
   *[other] { $budgets } budgets
})
rollup-year-to-date-actual = year to date, actual

## Headcount tables. `$roster` is `rollup-roster-head` or the unit's name.

rollup-roster-head = { $unit } as of { $day }
rollup-headcount-posts = { $roster } — posts
rollup-headcount-regions = { $roster } — regions
rollup-headcount-span = { $roster } — span of control (depth { $depth } of { $max ->
    [one] { $max } level
   *[other] { $max } levels
})
rollup-col-post = post
rollup-col-title = title
rollup-col-class = class
rollup-col-establishment = establishment
rollup-col-headcount = headcount
rollup-col-vacancies = vacancies
rollup-col-over = over
rollup-col-region = region
rollup-col-includes = includes
rollup-col-person-name = name
rollup-col-person = person
rollup-col-direct-reports = direct reports
rollup-col-all-reports = all reports

## Attainment tables.

rollup-attainment = attainment
rollup-attainment-hierarchy = attainment up the unit hierarchy
rollup-col-unit = unit
rollup-col-period = period
rollup-col-kpi = kpi
rollup-col-scope = scope
rollup-col-better = better
rollup-col-target = target
# The least acceptable figure of KPIs where more is better.
rollup-col-floor = floor
# The most acceptable figure of KPIs where less is better (costs, complaints).
rollup-col-ceiling = ceiling
# The least acceptable figure in a table with both kinds of KPI: a floor or a ceiling.
rollup-col-threshold = threshold
rollup-col-range = range
rollup-col-attainment = attainment
rollup-col-standing = standing
rollup-col-rule = rule
rollup-col-units = units
# A KPI and its unit of measure.
rollup-kpi-measure = { $kpi } ({ $measure })
# A target that applies to each person in a post.
rollup-per-post = per { $post }
rollup-scope-per-post = { $scope }, per { $post }
rollup-better-higher = higher
rollup-better-lower = lower
rollup-standing-met = met
rollup-standing-above-floor = above floor
# A lower-is-better KPI above its target but within its ceiling.
rollup-standing-within-ceiling = within ceiling
rollup-standing-missed = missed
rollup-standing-no-actual = no actual
rollup-aggregate-sum = sum
rollup-aggregate-mean = mean
rollup-aggregate-min = min
rollup-aggregate-max = max

## Scores tables.

rollup-scores = scores
rollup-scores-by-post = average score by post
rollup-scores-by-region = average score by region
rollup-col-rank = rank
rollup-col-components = components
rollup-col-score = score
rollup-col-people = people
rollup-col-mean = mean

## Trends tables.

rollup-trends-kpis = KPI trends
rollup-trends-categories = budget category trends
rollup-col-series = series
rollup-col-planned = planned

## Sheet names of a workbook (at most 31 characters with the unit and period after them).

rollup-sheet-lines = Budget lines
rollup-sheet-categories = Budget categories
rollup-sheet-totals = Budget totals
rollup-sheet-limits = Budget limits
rollup-sheet-posts = Posts
rollup-sheet-regions = Regions
rollup-sheet-span = Span of control
rollup-sheet-attainment = Attainment
rollup-sheet-hierarchy = Attainment by unit
rollup-sheet-scores = Scores
rollup-sheet-by-post = Scores by post
rollup-sheet-by-region = Scores by region
rollup-sheet-kpi-trends = KPI trends
rollup-sheet-category-trends = Category trends

## What `planbook rollup` prints besides the tables.

rollup-unknown-unit = unknown unit `{ $unit }`; the units are { $units }
rollup-left-out = error: the budget of `{ $unit }` for { $period } is left out: a sum or product of its figures is beyond what planbook computes exactly; run `planbook check`
rollup-load-problems = note: { $count ->
    [one] { $count } problem
   *[other] { $count } problems
} found while loading; documents that failed to load are left out; run `planbook check`
rollup-xlsx-needs-file = `--format xlsx` writes a file: add `-o FILE.xlsx`
rollup-write-failed = failed to write `{ $path }`
rollup-wrote = wrote `{ $path }`
