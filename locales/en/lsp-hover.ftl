# The language server's hover cards and inlay hints (src/lsp/hover.rs, src/lsp/inlay.rs).

## Between a label and its value.

lsp-hover-colon = {": "}

## Labels of a card's rows.

lsp-hover-as-of = As of { $day }
lsp-hover-id = Id
lsp-hover-name = Name
lsp-hover-post = Post
lsp-hover-region = Region
lsp-hover-manager = Reports to
lsp-hover-employment = Employment
lsp-hover-since = Since
lsp-hover-until = Until
lsp-hover-unit = Unit
lsp-hover-acting = Acting
lsp-hover-changes = Dated changes
lsp-hover-not-on-staff = not on staff on { $day }
lsp-hover-measure = Measured in
lsp-hover-better = Direction
lsp-hover-aggregate = Combined by
lsp-hover-description = Description
lsp-hover-target = Target
lsp-hover-floor = Floor
lsp-hover-range = Range
lsp-hover-actual = Actual
lsp-hover-attainment = Attainment
lsp-hover-amount = Amount
lsp-hover-no-amount = none written
lsp-hover-breakdown = Breakdown
lsp-hover-section = Section
lsp-hover-category = Category
lsp-hover-spent = Spent
lsp-hover-variance = Variance
lsp-hover-max = Cap
lsp-hover-covers = Covers
lsp-hover-covers-all = every line
lsp-hover-used = Budgeted under it
lsp-hover-headroom = Headroom
lsp-hover-owner = Owner
lsp-hover-start = Start
lsp-hover-duration = Duration
lsp-hover-due = Due
lsp-hover-end = Ends
lsp-hover-depends-on = Depends on
lsp-hover-dependents = Needed by
lsp-hover-status = Status
lsp-hover-establishment = Establishment
lsp-hover-on-staff = On staff
lsp-hover-vacancies = Vacancies
lsp-hover-pay = Pay
lsp-hover-people = People
lsp-hover-group = Group
lsp-hover-regions = Regions
lsp-hover-parent = Parent unit
lsp-hover-children = Sub-units
lsp-hover-weight = Weight
lsp-hover-scale = Scale
lsp-hover-kpi = KPI
lsp-hover-subtotal = Computed subtotal
lsp-hover-lines = Lines
lsp-hover-lines-total = Budgeted
lsp-hover-none = none

## Values.

lsp-hover-with = { $value } ({ $words })

lsp-hover-days = { $days ->
    [one] 1 day
   *[other] { $days } days
}
lsp-hover-scale-value = floor { $floor }, target { $target }
lsp-hover-scale-cap = floor { $floor }, target { $target }, cap { $cap }
lsp-hover-acting-since = { $post } from { $from }
lsp-hover-acting-between = { $post } from { $from } to { $until }
lsp-hover-employment-value = { $value ->
    [part-time] part-time
    [contract] contract
    [secondment] secondment
    [temporary] temporary
   *[full-time] full-time
}
lsp-hover-better-value = { $value ->
    [lower] lower is better
   *[higher] higher is better
}
lsp-hover-aggregate-value = { $value ->
    [mean] average
    [min] smallest
    [max] largest
   *[sum] sum
}
lsp-hover-status-value = { $value ->
    [not-started] not started
    [in-progress] in progress
    [blocked] blocked
    [dropped] dropped
   *[done] done
}
lsp-hover-standing = { $standing ->
    [met] met
    [above-floor] above the floor, short of the target
    [missed] missed
   *[no-actual] no actual yet
}
lsp-hover-over = { $amount } over
lsp-hover-under = { $amount } under
lsp-hover-even = on budget
lsp-hover-change-post = post { $post }
lsp-hover-change-region = region { $region }
lsp-hover-change-manager = reports to { $manager }
lsp-hover-change-employment = { $employment }
lsp-hover-change-pay = pay { $pay }

## Inlay hints (short).

lsp-inlay-breakdown-differs = ≠ { $total } breakdown total
lsp-inlay-sum-differs = ≠ { $total } computed
lsp-inlay-weights = weights { $sum }
lsp-inlay-weights-off = weights { $sum } ≠ 100
lsp-inlay-attainment = { $pct }%{ $standing ->
    [met] {" "}✓
    [missed] {" "}✗
   *[above-floor] {" "}(above floor)
}
lsp-inlay-over = { $amount } over
lsp-inlay-under = { $amount } under
lsp-inlay-even = on budget
lsp-hover-component-group = Group
lsp-hover-beyond = Over the limit by
