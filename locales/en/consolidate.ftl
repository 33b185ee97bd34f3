# `planbook rollup … --unit PARENT`: a parent unit's figures consolidated from the units below
# it. `$unit` is a unit's name.

## Table titles.

consolidate-budget = { $unit } { $period } — consolidated budget ({ $currency })
consolidate-budget-categories = { $unit } { $period } — consolidated budget by category ({ $currency })
consolidate-budget-sections = { $unit } { $period } — consolidated budget by section ({ $currency })
consolidate-headcount = { $unit } as of { $day } — consolidated headcount
consolidate-attainment = { $unit } { $period } — consolidated attainment

## Column heads.

consolidate-col-level = level
consolidate-col-unit = unit
consolidate-col-basis = budget used
consolidate-col-budget = budget
consolidate-col-on-staff = on staff
# People on staff in posts outside the establishment (`in_establishment: false`).
consolidate-col-outside = of them outside establishment
consolidate-col-contributors = contributed

## Words in cells.

# A budget of exactly the period asked for.
consolidate-basis-exact = budget of the period
# No budget of the quarter or year: its monthly budgets added up.
consolidate-basis-months = { $count ->
    [one] { $count } monthly budget
   *[other] sum of { $count } monthly budgets
}
consolidate-basis-quarters = { $count ->
    [one] { $count } quarterly budget
   *[other] sum of { $count } quarterly budgets
}
# A unit without a budget for the period: listed, never counted as zero.
consolidate-basis-missing = missing
consolidate-basis-out-of-range = left out: beyond exact range
consolidate-no-roster = no roster
# The row after the units below a unit: it and them together.
consolidate-subtotal = { $unit } with units below
consolidate-total = group total
# A per-person target's KPI, and the post.
consolidate-kpi-per-post = { $kpi }, per { $post }

## Spreadsheet sheet names.

consolidate-sheet-budget = Consolidated budget
consolidate-sheet-categories = Consolidated categories
consolidate-sheet-sections = Consolidated sections
consolidate-sheet-headcount = Consolidated headcount
consolidate-sheet-attainment = Consolidated attainment

## What `planbook rollup` prints besides.

consolidate-left-out = error: the budget of `{ $unit }` is left out of the consolidation of { $period }: a sum of its figures is beyond exact range; run `planbook check` to see which
