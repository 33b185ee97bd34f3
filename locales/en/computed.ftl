# Figures computed from rules the data states (compute, validate::computed): tables of
# planbook.yaml, `tally` actuals, `allowance` budget items, components scored from attainment.

## The working of a computed figure.

# `steps` lists each input and what the table gives for it: `120 → 2, 45 → 1`.
computed-tally-working = { $count ->
    [one] 1 value
   *[other] { $count } values
  }: { $steps }; total { $total }
computed-person = `{ $id }` { $name } { $count ->
    [one] 1 county
   *[other] { $count } counties
  } → { $value }
computed-person-no-count = `{ $id }` { $name } no counties on the roster → 0
# `steps` is each person's working, joined.
computed-allowance-working = { $steps }; total { $total }
computed-join = { $head }; { $tail }
computed-nothing = nobody in the item's posts
# `of` is the region's, region group's or unit's name; `kpi` the KPI's name.
computed-scale = { $of } { $kpi } { $actual } of { $target } = { $pct } % → { $points } points
computed-scale-capped = { $of } { $kpi } { $actual } of { $target } = { $pct } % → { $points } points, capped
computed-scale-below = { $of } { $kpi } { $actual }, short of the floor of { $floor } → { $points } points
computed-fix-write = write `{ $text }`

## config.table-form, config.table-tiers, config.duplicate-table

computed-duplicate-table = table `{ $id }` is defined twice
computed-table-both = table `{ $id }` has both `tiers` and `first`/`each_more`
computed-table-neither = table `{ $id }` has neither `tiers` nor `first`/`each_more`
computed-table-form-help = give a tiered table `tiers` (`from` → `value`), or a per-count table `first` and `each_more`
computed-tiers-same-from = two tiers of table `{ $id }` start at { $from }
computed-tiers-fall = in table `{ $id }`, the tier from { $from } gives { $value }, less than the { $low_value } of the tier from { $low_from }
computed-tiers-other = the other tier
computed-tiers-help = each tier starts at its own `from`, and its value is at least the value of the tier below

## document.unknown-table

computed-noun-table = table

## review.tally-mismatch

# `working` is the tally's working: `3 values: 120 → 2, 45 → 1, 310 → 4; total 7`.
computed-tally-mismatch = the actual of `{ $kpi }` differs from its tally: { $working }, written { $written }
computed-the-tally = the tally
computed-tally-mismatch-help = write the tally's total, correct an input, or leave `actual` out to use the tally

## budget.allowance-count, budget.allowance-mismatch

computed-allowance-count = `{ $id }` { $name } has no `counties` on the roster on { $day }, so item `{ $item }` counts 0 for them
computed-on-the-roster = on the roster
computed-allowance-count-help = give the person `counties:` on the roster (or a dated change with `counties`)
computed-allowance-mismatch = item `{ $item }` of line `{ $line }` is { $written }, but its allowance comes to { $computed }
computed-the-allowance = the allowance
computed-allowance-mismatch-help = write the computed amount as `amount`, or leave the figures out to use it

## review.score-computed

computed-score = `{ $person }` is given { $written } for `{ $component }`, which computes from attainment: { $working }
computed-score-help = leave the component out (or empty) to use the computed points

## The handbook: the working of computed figures on review and budget pages.

computed-page-heading = How computed figures were reached
# `what` is the KPI's name (and region), or a person's name and a component's.
computed-page-line = { $what }: { $working }
computed-table-negative = table `{ $id }` gives { $value }: what a table gives is never below zero
