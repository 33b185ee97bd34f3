# `planbook rollup headcount`: headcount as of a day, by region group, acting and outside
# people, and month by month (`--from`/`--to`). `$roster` is `rollup-roster-head`.

# The title of the summary table: what a manager reads first.
rollup-headcount-summary = { $roster }: establishment { $establishment }, on staff { $headcount } (of whom { $outside } outside the establishment)
rollup-headcount-groups = { $roster } — region groups
rollup-headcount-acting = { $roster } — acting in another post (counted in their own post only)
rollup-headcount-outside = { $roster } — working for the unit, not on its roster (not counted)
rollup-headcount-trend = { $unit } — headcount by month (at each month's end)

## Rows of the summary table.

rollup-headcount-row-establishment = establishment (posts in the establishment)
rollup-headcount-row-establishment-outside = establishment of posts outside it
rollup-headcount-row-headcount = on staff
rollup-headcount-row-outside-establishment = of whom in posts outside the establishment
rollup-headcount-row-vacancies = vacancies in the establishment
rollup-headcount-row-over = over the establishment
rollup-headcount-row-acting = acting in another post
rollup-headcount-row-outside = working for the unit, not on its roster

## Column heads and words in cells.

rollup-headcount-col-value = value
rollup-headcount-col-acting = acting
rollup-headcount-col-note = note
rollup-headcount-col-group = group
rollup-headcount-col-regions = regions
rollup-headcount-col-manager = manager
rollup-headcount-col-own-post = own post
rollup-headcount-col-acting-post = acting post
rollup-headcount-col-from = from
rollup-headcount-col-until = until
rollup-headcount-col-role = role
rollup-headcount-col-count = count
rollup-headcount-col-paid-by = paid by
rollup-headcount-col-month = month
rollup-headcount-col-outside-establishment = of whom outside
rollup-headcount-col-joiners = joined
rollup-headcount-col-leavers = left
# In the note column of a post with `in_establishment: false`.
rollup-headcount-outside-post = outside the establishment

## Sheet names of a workbook (at most 31 characters with the unit after them).

rollup-headcount-sheet-headcount-summary = Headcount
rollup-headcount-sheet-groups = Region groups
rollup-headcount-sheet-acting = Acting
rollup-headcount-sheet-outside = Outside the roster
rollup-headcount-sheet-by-month = By month

## What `planbook rollup headcount` prints besides the tables.

rollup-headcount-only = `{ $option }` applies to `planbook rollup headcount` only
rollup-headcount-no-months = `--from { $from }` comes after `--to { $to }`: no months to show
