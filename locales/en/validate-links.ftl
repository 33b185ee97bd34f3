# Rules that span documents (validate::links): units and KPIs against planbook.yaml, budgets
# against rosters, plans against budgets, reviews against plans.

links-unknown-unit = unknown unit `{ $id }`
links-unknown-unit-help = add the unit under `units:` in planbook.yaml
links-unknown-kpi = unknown KPI `{ $id }`
links-unknown-kpi-help = add it to `kpis:` in planbook.yaml

## Kinds of documents, as nouns in sentences.

links-kind-config = configuration
links-kind-roster = roster
links-kind-budget = budget
links-kind-plan = plan
links-kind-review = review
links-kind-page = page

# Two documents of one kind for the same unit (a roster) or unit and period; `kind` is a
# links-kind-* noun.
links-duplicate = a second { $kind } of unit `{ $unit }`
links-duplicate-period = a second { $kind } of unit `{ $unit }` for { $period }
links-duplicate-first = the first { $kind }
links-duplicate-help = merge the two documents, or correct the unit or period

# A budget item linked to a post counts other than the post's establishment or headcount;
# `quantity` is the item's quantity as written.
links-headcount = item `{ $item }` of line `{ $line }` counts { $quantity } for post `{ $post }`, which has an establishment of { $establishment } and { $people ->
        [one] { $people } person
       *[other] { $people } people
    }
# `title` is the post's title.
links-authorised = { $title } is authorised { $establishment }
links-headcount-use = use { $establishment }
links-headcount-use-either = use { $establishment } (the establishment) or { $people } (the people in the post at the end of the budget's period)

## A plan's `budget:` link.

links-budget-missing = linked budget `{ $link }` does not exist
# `path` is where the link points, from the repository's root.
links-looked-for = looked for `{ $path }`
links-budget-missing-help = the path is relative to this plan's file
links-not-a-budget = `{ $link }` is a { $kind }, not a budget
links-budget-mismatch = plan of `{ $unit }` for { $period } links the budget of `{ $budget_unit }` for { $budget_period }
links-budget-period = the budget's period

## A review's plan.

links-not-a-plan = `{ $link }` is a { $kind }, not a plan
links-not-a-plan-help = link the plan document itself
links-plan-missing = linked plan `{ $link }` does not exist
links-plan-missing-help = looked for `{ $path }`; the path is relative to this review's file
links-no-plan = no plan of `{ $unit }` covers { $period }
links-no-plan-help = write the plan, or link it with `plan:` (a path relative to this file)
links-plan-mismatch = review of `{ $unit }` for { $period } links the plan of `{ $plan_unit }` for { $plan_period }
links-plan-period = the plan's period
