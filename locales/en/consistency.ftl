# A review checks itself (validate::consistency): derived KPIs and percentages written as
# fractions.

## config.derived-form: a KPI's `derived:` has `from:`, or `plus:`/`minus:`, never both.

consistency-derived-neither = `derived` of KPI `{ $kpi }` says neither what it comes `from` nor which KPIs it adds (`plus`) or subtracts (`minus`)
consistency-derived-both = `derived` of KPI `{ $kpi }` has both `from` and `plus`/`minus`
consistency-derived-form-help = write `from: spend`, `budget` or `headcount`; or `plus:` and `minus:` lists of KPIs

## config.derived-cycle: `$chain` is the KPIs in order, joined by arrows.

consistency-derived-cycle = KPI `{ $kpi }` is derived from itself: { $chain }
consistency-derived-cycle-closes = this leads back
consistency-derived-cycle-help = derive the KPI from figures that do not depend on it

## review.derived-mismatch: `$actual` and `$expected` are figures with thousands separators.

consistency-mismatch-spend = `{ $kpi }` is { $actual } but the spend lines add up to { $expected }
consistency-mismatch-budget = `{ $kpi }` is { $actual } but the period's budget totals { $expected }
consistency-mismatch-headcount = `{ $kpi }` is { $actual } but the headcount at the end of the period is { $expected }
consistency-mismatch-kpis = `{ $kpi }` is { $actual } but its KPIs give { $expected }
# `$terms`: "`rent` 46,000 + `salary` 75,800".
consistency-working-spend = { $count ->
    [one] one spend line
   *[other] { $count } spend lines
}: { $terms } = { $total }
consistency-working-budget = the { $count ->
    [one] one line
   *[other] { $count } lines
} of `{ $file }` total { $total }
consistency-working-headcount = `{ $unit }` has { $count ->
    [one] one person
   *[other] { $count } people
} employed on { $day }
consistency-working-kpis = { $terms } = { $total }
consistency-derived-here = `{ $kpi }` is derived here
consistency-the-budget = the budget
consistency-operand = `{ $kpi }`
consistency-tolerance = differences up to { $tolerance } are accepted
consistency-derived-fix = write { $value }

## document.percent-as-fraction: `$value` is the value as written, `$other` a value of the
## same KPI written in percent, `$fixed` the value times 100.

consistency-fraction = `{ $kpi }` is a percentage but { $value } reads as a fraction (elsewhere it is { $other })
consistency-fraction-help = write { $fixed } for { $fixed } %
consistency-fraction-fix = write { $fixed }
