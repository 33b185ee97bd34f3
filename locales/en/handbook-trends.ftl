# The trends page (`render::view::trends`): time charts' titles and summaries.

# `$from` and `$to` are months as the handbook writes them.
trends-span = { $from } to { $to }, { $months } months
# Short month names under a chart's time axis.
trends-month = { $month ->
    [1] Jan
    [2] Feb
    [3] Mar
    [4] Apr
    [5] May
    [6] Jun
    [7] Jul
    [8] Aug
    [9] Sep
    [10] Oct
    [11] Nov
   *[12] Dec
}
# `$name` is what the chart shows (a KPI, a category, headcount), `$unit` a unit's name.
trends-chart-title = { $name } · { $unit }
trends-chart-title-group = { $name } · { $unit } (consolidated)
# A chart's summary: `$chart` is its title, `$reported` how many periods have an actual.
trends-desc = { $chart }, { $from } to { $to }: figures for { $reported } of { $periods } periods.
trends-desc-gaps = No figure for { $gaps }.
trends-desc-last = Latest, { $when }: { $actual_name } { $last }.
trends-desc-last-planned = Latest, { $when }: { $actual_name } { $last }, { $planned_name } { $planned }.
# A list of months: the list so far and the next one.
trends-list = { $list }, { $item }
# Charts beyond the page's limit: `$count` of them.
trends-left-out = { $count ->
    [one] One more chart is left out to keep the page small; `planbook rollup trends` lists every figure.
   *[other] { $count } more charts are left out to keep the page small; `planbook rollup trends` lists every figure.
}
