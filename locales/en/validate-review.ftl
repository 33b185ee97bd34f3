# Rules about reviews (validate::review) against their plan, its budget and the roster.

## What a target or an actual is about: a KPI, maybe a scope, maybe per holder of a post.

review-kpi = `{ $kpi }`
review-kpi-scope = `{ $kpi }` ({ $scope })
review-kpi-post = `{ $kpi }` per `{ $post }`
review-kpi-scope-post = `{ $kpi }` ({ $scope }) per `{ $post }`

## review.unplanned-actual and review.missing-actual; `what` is one of the review-kpi messages.

review-unplanned-actual = actual for { $what } has no target in the plan
# Points at the period of the plan the review reviews.
review-the-plan = the reviewed plan
review-unplanned-actual-help = check the actual's `kpi`, `scope` and `per_post` against the plan's targets
review-missing-actual = no actual for the target { $what }
review-plan-target = the plan's target
review-missing-actual-help = report the actual, even when the target was missed

## review.score-range, review.wrong-post, review.no-scorecard, review.unknown-component

# `name` is the person's name; `scored_as` the post the review gives, `post` the roster's.
review-wrong-post = { $name } is scored as `{ $scored_as }` but holds post `{ $post }`
review-roster-post = their post on the roster
review-no-scorecard = { $name } is scored, but the plan has no scorecard for post `{ $post }`
review-scorecard-for = the scorecard for `{ $post }`

## review.missing-value: values still to be filled in.

review-no-status = task `{ $task }` has no status yet
review-no-status-help = set `status:` to not-started, in-progress, done, blocked or dropped
# `components` lists the component ids, each in backticks.
review-not-scored = `{ $person }` is not scored yet on { $components }
review-not-scored-help = give each component 0 to 100 points
review-no-spend = spend on line `{ $line }` is not filled in yet
review-no-spend-help = write the amount actually spent in `actual:`
