# Change history: `planbook log`, `diff`, `blame` and the handbook's history notes.

## A changed field, as one sentence. `$label` names the field (`line rent (租赁费) amount`),
## `$item` a list item (`line ads (广告费)`), values are shown as they are.

history-changed = { $label }: { $before } → { $after }
history-set-to = { $label }: set to { $value }
history-cleared = { $label }: { $value } removed
history-item-added = { $item } added
history-item-removed = { $item } removed
history-item-changed = { $item } changed

## What happened to a whole document.

history-doc-added = added
history-doc-removed = removed
history-doc-moved = moved from { $from }
# A line of `planbook log` and `planbook diff`: a document, its path, what happened to it.
history-line-modified = { $doc } ({ $path })
history-line-added = { $doc } ({ $path }) added
history-line-removed = { $doc } ({ $path }) removed
history-line-moved = { $doc } ({ $path }) moved from { $from }

## Documents by identity. `$unit` is the unit, `$period` the period.

history-doc-config = planbook.yaml
history-doc-roster = roster { $unit }
history-doc-budget = budget { $unit } { $period }
history-doc-plan = plan { $unit } { $period }
history-doc-review = review { $unit } { $period }
history-doc-page = page { $path }

## Lists whose items a change names: `line rent`, `person p002`.

history-list-lines = line
history-list-people = person
history-list-posts = post
history-list-regions = region
history-list-sections = section
history-list-limits = limit
history-list-breakdown = item
history-list-targets = target
history-list-tasks = task
history-list-scorecards = scorecard
history-list-components = component
history-list-problems = problem
history-list-actuals = actual
history-list-spend = spend
history-list-scores = score
history-list-units = unit
history-list-kpis = KPI
history-list-bonuses = bonus
history-list-categories = category
history-list-post_classes = post class

## Field names. `history-field-<list>-<key>` words a field of a list's items when it reads
## differently there (a budget line's amount); else `history-field-<key>`.

history-field-actual = actual
history-field-aggregate = aggregate
history-field-amount = amount
history-field-as_of = as of
history-field-assessed_by = assessed by
history-field-author = author
history-field-better = better
history-field-body = text
history-field-budget = budget
history-field-category = category
history-field-class = class
history-field-currency = currency
history-field-depends_on = depends on
history-field-description = description
history-field-detail = detail
history-field-due = due
history-field-duration = duration
history-field-duties = duties
history-field-email = email
history-field-employment = employment
history-field-establishment = establishment
history-field-floor = floor
# The floor of a KPI that is better lower: the most it may reach.
history-field-floor-lower = ceiling
history-field-group = group
history-field-kpi = KPI
history-field-line = line
history-field-max = max
history-field-measured_on = measured on
history-field-min = min
history-field-name = name
history-field-note = note
history-field-order = order
history-field-owner = owner
history-field-parent = parent
history-field-pay = pay
history-field-per_post = per post
history-field-period = period
history-field-person = person
history-field-phone = phone
history-field-plan = plan
history-field-post = post
history-field-private = private
history-field-publish = publish
history-field-quantity = quantity
history-field-range = range
history-field-region = region
history-field-reports_to = reports to
history-field-scope = scope
history-field-section = section
history-field-since = since
history-field-start = start
history-field-status = status
history-field-subtotal = subtotal
history-field-target = target
history-field-task = task
history-field-title = title
history-field-total = total
history-field-unit = unit
history-field-unit_price = unit price
history-field-until = until
history-field-weight = weight
history-field-lines-amount = amount
history-field-posts-title = title
history-field-lines = lines
history-field-people = people
history-field-posts = posts
history-field-regions = regions
history-field-sections = sections
history-field-limits = limits
history-field-breakdown = breakdown
history-field-targets = targets
history-field-tasks = tasks
history-field-scorecards = scorecards
history-field-components = components
history-field-problems = problems
history-field-actuals = actuals
history-field-spend = spend
history-field-scores = scores
history-field-units = units
history-field-kpis = KPIs
history-field-bonuses = bonuses
history-field-categories = categories
history-field-post_classes = post classes

## Values with words of their own: a task's or a problem's `status`.

history-value-true = yes
history-value-false = no
history-value-status-not-started = not started
history-value-status-in-progress = in progress
history-value-status-done = done
history-value-status-blocked = blocked
history-value-status-dropped = dropped
history-value-status-open = open
history-value-status-resolved = resolved

## Commands.

# After a merge commit's line in `planbook log`.
history-merge = (merge)
history-shallow = history starts at { $commit } ({ $date }): this is a shallow clone; earlier changes are not known
history-note = note: { $text }
history-none = no history: { $why }
history-no-repository = the data repository is not in a git repository
history-no-commits = the git repository has no commits yet
history-bare = the git repository is bare
history-work-tree = the work tree
history-diff-heading = planbook diff: { $from } → { $to }
history-no-change = no document changed
history-effects = effect on rollups:
history-effects-heading = Effect on rollups
history-effect = { $what }: { $before } → { $after }
history-effect-budget-total = budget total { $unit } { $period }
history-effect-headcount = headcount { $unit }
history-staffing = { $headcount } of { $establishment }
history-blame-line = { $label }: { $value }
history-uncommitted = not committed yet
history-before-start = before history starts
history-cannot-read-revision = cannot read revision `{ $rev }`
history-not-a-document = `{ $path }` is not a document that loads; run `planbook check` on it

## The handbook.

history-none-note = No change history: { $why }.
history-shallow-note = This is a shallow clone: history starts at { $commit } ({ $date }); earlier changes are not known.
history-disabled = the build did not read git history (--no-history)
# Before who set a figure, when a merge brought it: `merged 王磊 · 2026-12-03 10:00 · …`.
history-merged = merged
