# Containment: what rules did not check because a document it depends on has errors.
# `what` is a containment-count-* or a list of them (containment-pair, containment-series);
# `path` is the broken file's path.
containment-not-checked = { $what } not checked against `{ $path }`, which has errors
# `count` is how many documents of the kind were not checked.
containment-count-roster = { $count ->
        [one] 1 roster
       *[other] { $count } rosters
    }
containment-count-budget = { $count ->
        [one] 1 budget
       *[other] { $count } budgets
    }
containment-count-plan = { $count ->
        [one] 1 plan
       *[other] { $count } plans
    }
containment-count-review = { $count ->
        [one] 1 review
       *[other] { $count } reviews
    }
containment-count-page = { $count ->
        [one] 1 page
       *[other] { $count } pages
    }
# The last two of a list: "1 plan and 2 reviews".
containment-pair = { $first } and { $second }
# One item before the rest of a list: "1 budget, 1 plan and 2 reviews".
containment-series = { $first }, { $rest }
# Under the carets at the broken file's first error.
containment-first-error = the first error is here
# Beside each document that was not checked.
containment-not-checked-here = not checked
containment-not-checked-help = fix the errors in `{ $path }`, then run the check again: what depends on it is checked then
