# The rule catalogue (`planbook rules`): for each rule id, with dots as hyphens, a one-line
# summary of what the rule finds (no trailing period; it continues "finds …") and, as
# `-explanation`, why it matters and how to fix it, with an example.

rule-file-read = a file could not be read
rule-file-read-explanation = planbook could not open the file, for example because it is a link to a file that does not exist or a folder it may not read. The other files are still checked.

rule-file-encoding = a file is not valid UTF-8 text
rule-file-encoding-explanation = Documents must be saved as UTF-8. Files saved as GBK or GB2312 by older editors show up here, with the position of the first byte that is not UTF-8. Re-save the file as UTF-8.

rule-file-too-large = a file is larger than planbook will read
rule-file-too-large-explanation = planbook does not read files over 64 MiB, so a stray export cannot exhaust memory. Split the document, or list the file under `exclude:` in planbook.yaml.

rule-file-link-outside = a symbolic link leads outside the repository and is not followed
rule-file-link-outside-explanation = planbook never reads outside the data repository, so a file such as `/etc/passwd` linked in as `notes.md` cannot reach the handbook. Links are never followed: a link to a file or folder inside the repository is skipped (its target is read under its own path), and a document-named link or folder link that leads outside gets this warning. Copy the file into the repository, or list the link under `exclude:`.

rule-yaml-syntax = a file is not valid YAML
rule-yaml-syntax-explanation =
    The YAML parser stopped at the position shown. A common cause is a tab used for indentation (YAML allows only spaces) or an unclosed bracket or quote.

    Example:
        lines:
    {"    \u0009"}- id: rent      # the tab makes this invalid

rule-yaml-duplicate-key = a key appears twice in one mapping
rule-yaml-duplicate-key-explanation =
    YAML forbids writing the same key twice in one mapping; other tools silently keep one of the values. planbook points at the second occurrence and names the first.

    Example:
        amount: 13000
        amount: 12000   # which one is meant?

rule-yaml-limit = a document is nested too deeply or expands too far through aliases
rule-yaml-limit-explanation = planbook refuses documents nested more than 128 levels deep, and documents whose aliases (`*name`) expand into more than 100,000 values (an "alias bomb" of a few lines can otherwise expand into billions). Real planning documents stay far below both limits.

rule-front-matter-unclosed = Markdown front matter has no closing `---`
rule-front-matter-unclosed-explanation = A Markdown file that starts with `---` has YAML front matter, which must end with a line holding only `---`. Without it the whole file would be read as YAML.

rule-document-empty = a YAML file holds no document
rule-document-empty-explanation = The file is empty or holds only comments. Add `kind:` and the document's fields, or delete the file.

rule-document-not-mapping = a document is not a mapping of keys to values
rule-document-not-mapping-explanation = A document is a mapping that starts with `kind:`. A file whose top level is a list (lines starting with `- `) or a single value is not a document.

rule-document-missing-kind = a YAML document has no `kind` key
rule-document-missing-kind-explanation = Every YAML file in the repository must say what it is, so that a typo never makes planbook skip a document silently. Add `kind: roster`, `budget`, `plan`, `review` or `page`, or exclude the file in planbook.yaml. (Markdown without `kind` is a free page.)

rule-document-unknown-kind = a document's `kind` is not one planbook knows
rule-document-unknown-kind-explanation = The kinds are `roster`, `budget`, `plan`, `review` and `page`.

rule-document-unknown-unit = a document names a unit that is not in planbook.yaml
rule-document-unknown-unit-explanation =
    Every document belongs to a unit of the hierarchy in planbook.yaml, so that rollups can climb it. Add the unit under `units:` or correct the id.

    Example:
        unit: henna     # planbook.yaml has `henan`

rule-document-unknown-kpi = a target or actual names a KPI that is not in the catalogue
rule-document-unknown-kpi-explanation = KPIs are defined once, in `kpis:` of planbook.yaml, with their unit, how they aggregate and which direction is better. Plans and reviews refer to them by id.

rule-document-duplicate = two documents of the same kind cover the same unit and period
rule-document-duplicate-explanation = A unit has at most one budget, one plan and one review per period (and one roster), so that links and rollups are unambiguous. Merge the two documents or correct a period.

rule-schema-unknown-field = a key that the document's schema does not allow
rule-schema-unknown-field-explanation =
    Usually a typo. planbook suggests the closest allowed key.

    Example:
        amout: 46000    # did you mean `amount`?

rule-schema-missing-field = a required key is missing
rule-schema-missing-field-explanation = Some keys are required, such as a post's `establishment` or a budget's `period`.

rule-schema-type = a value has the wrong type
rule-schema-type-explanation =
    For example text where a number belongs. Numbers are written plainly, without quotes or thousands separators; only `true` and `false` are booleans.

    Example:
        amount: "46,000"   # write 46000

rule-schema-value = a value is not one of the allowed values or has the wrong form
rule-schema-value-explanation = The value has the right type but not an allowed form: a period must look like `2026-12`, `2026-Q1` or `2026`; an enumeration takes one of its listed words.

rule-schema-invalid = a document does not match its schema
rule-schema-invalid-explanation = Any other mismatch with the schema, such as a date that does not exist (`2026-02-30`).

rule-number-out-of-range = a number, or a sum or product of numbers, is beyond what planbook computes exactly
rule-number-out-of-range-explanation =
    planbook never rounds money. A number may have at most 15 digits before the decimal point and 6 after it, written out in full (no exponent); a sum or a quantity × unit price that would need more than 28 significant digits is reported here instead of being rounded.

    Example:
        amount: 79000000000000000000000000000    # 29 digits

rule-config-unknown-rule = `rules` in planbook.yaml names a rule that does not exist
rule-config-unknown-rule-explanation = Severity overrides use rule ids as `planbook rules` lists them.

rule-config-bad-glob = an `exclude` pattern in planbook.yaml is not a valid glob
rule-config-bad-glob-explanation = Patterns use glob syntax relative to planbook.yaml, e.g. `drafts/**` or `*.tmp.yaml`.

rule-config-duplicate-unit = two units in planbook.yaml have the same id
rule-config-duplicate-unit-explanation = Unit ids must be unique: documents and rollups refer to units by id.

rule-config-unknown-parent = a unit's `parent` is not a unit
rule-config-unknown-parent-explanation = `parent:` must name another unit's id, or be left out for a top-level unit.

rule-config-unit-cycle = units are their own ancestors
rule-config-unit-cycle-explanation = The unit hierarchy must be a tree: following `parent:` from any unit must reach a top-level unit. Every unit in the cycle is named.

rule-config-duplicate-kpi = two KPIs in the catalogue have the same id
rule-config-duplicate-kpi-explanation = KPI ids must be unique: targets and actuals refer to KPIs by id.

rule-roster-duplicate-person = a person id is used twice, in one roster or across rosters
rule-roster-duplicate-person-explanation = Person ids are unique across the whole repository, so that scores, tasks and reporting lines point at exactly one person. The other occurrence is named.

rule-roster-duplicate-post = a post id is used twice in one roster
rule-roster-duplicate-post-explanation = Post ids are unique within a roster.

rule-roster-duplicate-region = a region id is used twice in one roster
rule-roster-duplicate-region-explanation = Region ids are unique within a roster.

rule-roster-unknown-post = a person, post or budget item names a post that is not on the roster
rule-roster-unknown-post-explanation = Posts are defined in the unit's roster under `posts:`.

rule-roster-unknown-region = a person or region names a region that is not on the roster
rule-roster-unknown-region-explanation = Regions are defined in the unit's roster under `regions:`.

rule-roster-merged-region = a person is assigned to a region that is counted under another
rule-roster-merged-region-explanation = A region with `merged_into:` is covered from the region it was merged into (鹤壁 is counted under 安阳), so people are assigned to that region instead.

rule-roster-unknown-manager = `reports_to` names a person who is on no roster
rule-roster-unknown-manager-explanation = A reporting line must end at a real person. Correct the id or add the manager.

rule-roster-self-manager = a person reports to themselves
rule-roster-self-manager-explanation = `reports_to:` names the person's own id.

rule-roster-cycle = reporting lines form a cycle
rule-roster-cycle-explanation = Following `reports_to:` from these people comes back to where it started, so nobody in the cycle has a top manager. Every member of the cycle is named.

rule-roster-too-deep = a reporting chain has more levels than `max_management_levels`
rule-roster-too-deep-explanation = planbook.yaml sets how many management levels the organisation allows (the seed plan allows three: general manager, regional manager, sales rep). The chain is shown.

rule-roster-over-establishment = a post has more people than its establishment
rule-roster-over-establishment-explanation = The establishment (定编) is the number of people a post is authorised to have. Raise the establishment or move someone.

rule-roster-vacancy = a post has fewer people than its establishment
rule-roster-vacancy-explanation = Reported for information: the vacancies of each post.

rule-roster-dates = a person's `until` is before their `since`
rule-roster-dates-explanation = `until:` (the day they leave) cannot come before `since:` (the day they started).

rule-budget-item-form = a breakdown item has neither an `amount` nor a `quantity` and `unit_price`
rule-budget-item-form-explanation = A breakdown item is either `quantity` × `unit_price` or a fixed `amount`, not both and not half of one.

rule-budget-duplicate-line = two lines of a budget have the same id
rule-budget-duplicate-line-explanation = Line ids are unique within a budget; reviews report spend by line id.

rule-budget-unknown-section = a line names a section the budget does not define
rule-budget-unknown-section-explanation = Sections are declared under `sections:`; a line's `section:` must name one.

rule-budget-unknown-line = a limit names a line the budget does not have
rule-budget-unknown-line-explanation = A group limit lists line ids under `lines:`; each must be a line of the budget.

rule-budget-negative = a budget amount is negative
rule-budget-negative-explanation = Amounts, quantities and prices are zero or more. Record income and refunds elsewhere.

rule-budget-mixed-currency = a line's currency differs from its budget's
rule-budget-mixed-currency-explanation = A budget is totalled in one currency. Convert the line, or budget it separately.

rule-budget-breakdown-over = a line's breakdown adds up to more than its amount
rule-budget-breakdown-over-explanation =
    The items (quantity × unit price) need more money than the line budgets.

    Example:
        amount: 5000
        breakdown:
          - {"{"} name: 电话, quantity: 30, unit_price: 250 {"}"}   # 7500

rule-budget-breakdown-short = a line's breakdown adds up to less than its amount
rule-budget-breakdown-short-explanation = Part of the amount is not explained by its items; the unexplained remainder is stated. The seed budget's salary line is 46,000 while its items add up to 45,650.

rule-budget-subtotal-mismatch = a section's declared subtotal differs from the sum of its lines
rule-budget-subtotal-mismatch-explanation = A declared `subtotal:` is an assertion: the lines of the section must add up to it.

rule-budget-total-mismatch = a budget's declared total differs from the sum of its lines
rule-budget-total-mismatch-explanation =
    A declared `total:` is an assertion: all lines must add up to it.

    Example:
        total: 123000   # the lines add up to 122900

rule-budget-cap-exceeded = a limit is exceeded
rule-budget-cap-exceeded-explanation = The lines a limit covers (all lines, or its `lines:` and `categories:`) add up to more than its `max:`. The seed caps personnel costs at 90,000.

rule-budget-headcount = a breakdown item's quantity differs from its post's establishment and headcount
rule-budget-headcount-explanation = An item linked to roster posts with `post:` (or several with `posts: [admin-clerk, sales-clerk]`) counts people in them. Its quantity should equal the posts' establishment or the number of people in them, both as they stood on the last day of the budget's period: September's budget is checked against September's roster, not today's.

rule-plan-unknown-person = a plan's owner or a task owner is not on the unit's roster
rule-plan-unknown-person-explanation = Owners are person ids from the roster of the plan's unit (or one of its sub-units).

rule-plan-unknown-post = a scorecard or target names a post that is not on the unit's roster
rule-plan-unknown-post-explanation = `post:`, `per_post:` and `assessed_by:` name posts of the unit's roster.

rule-plan-target-empty = a target has no `target`, `floor` or `range`
rule-plan-target-empty-explanation = A target needs a figure to aim for: a `target`, a `floor`, or a `range`.

rule-plan-floor-above-target = a target's floor is beyond its target
rule-plan-floor-above-target-explanation = The floor is the least acceptable result and the target the aim, so for a higher-is-better KPI the floor must not exceed the target (and for a lower-is-better KPI it must not be below it).

rule-plan-inverted-range = a range's `min` is greater than its `max`
rule-plan-inverted-range-explanation =
    Example:
        range: {"{"} min: 600000, max: 350000 {"}"}   # swap them

rule-plan-weights-sum = a scorecard's weights do not sum to 100
rule-plan-weights-sum-explanation = The seed scores 60 % basic work and 40 % performance. The sum found is stated.

rule-plan-duplicate-component = two components of a scorecard have the same id
rule-plan-duplicate-component-explanation = Reviews score components by id, so ids are unique within a scorecard.

rule-plan-duplicate-scorecard = a post has two scorecards in one plan
rule-plan-duplicate-scorecard-explanation = Each post is evaluated by one scorecard per plan.

rule-plan-duplicate-task = two tasks of a plan have the same id
rule-plan-duplicate-task-explanation = Task ids are unique within a plan; dependencies and reviews refer to them.

rule-plan-unknown-dependency = a task depends on a task the plan does not have
rule-plan-unknown-dependency-explanation = `depends_on:` lists ids of other tasks in the same plan.

rule-plan-task-cycle = tasks depend on each other in a cycle
rule-plan-task-cycle-explanation = No task in the cycle could ever start. Every task in the cycle is named.

rule-plan-task-dates = a task's dates contradict each other
rule-plan-task-dates-explanation = A task's `due` is before its `start`, or `start` plus `duration` disagrees with `due`, or it starts before a task it depends on is due.

rule-plan-task-outside-period = a task starts or ends outside the plan's period
rule-plan-task-outside-period-explanation = A December plan's tasks normally fall within December.

rule-plan-budget-missing = a plan's linked budget does not exist or is not a budget
rule-plan-budget-missing-explanation = `budget:` is a path relative to the plan's file.

rule-plan-budget-mismatch = a plan's linked budget is for another unit or period
rule-plan-budget-mismatch-explanation = A plan for `henan` in 2026-12 links the budget of `henan` for 2026-12.

rule-review-no-plan = a review has no plan to review
rule-review-no-plan-explanation = The review's `plan:` link is missing or broken, and no plan covers its unit and period.

rule-review-plan-mismatch = a review's plan is for another unit or period
rule-review-plan-mismatch-explanation = A review of `henan` in 2026-12 reviews the plan of `henan` for 2026-12.

rule-review-unplanned-actual = an actual is reported for a target the plan does not have
rule-review-unplanned-actual-explanation = Either the plan lacks the target, or the actual's `kpi`, `scope` or `per_post` differs from the target's.

rule-review-missing-actual = a plan target has no actual in the review
rule-review-missing-actual-explanation = Every target of the plan should have its actual reported, even when it was missed.

rule-review-unknown-task = a task status is given for a task the plan does not have
rule-review-unknown-task-explanation = Statuses refer to task ids of the reviewed plan.

rule-review-unknown-line = spend is reported for a line the budget does not have
rule-review-unknown-line-explanation = Spend refers to line ids of the budget linked from the reviewed plan.

rule-review-unknown-person = a scored person is not on the roster
rule-review-unknown-person-explanation = Scores are for people on the unit's roster.

rule-review-wrong-post = a person is scored under a post they do not hold
rule-review-wrong-post-explanation = The scorecard applied is the one for the person's post on the roster.

rule-review-no-scorecard = a person is scored but the plan has no scorecard for their post
rule-review-no-scorecard-explanation = Add a scorecard for the post to the plan, or remove the scores.

rule-review-unknown-component = a score is given for a component that is not in the person's scorecard
rule-review-unknown-component-explanation = Components are the ids in the plan's scorecard for the person's post.

rule-review-score-range = a score is below 0 or above 100
rule-review-score-range-explanation = Each component is scored from 0 to 100 points; the weights turn them into a total.

rule-review-missing-value = a task status, score or spend in a review is still empty
rule-review-missing-value-explanation =
    `planbook new review` writes every task, score and budget line of the plan with an empty value to fill in. Until each is filled it is reported here, as a warning, so the review can be committed while it is being written.

    Example:
        tasks:
          - task: staffing
            status:      # fill in: done, in-progress, ...

rule-suppress-malformed = a `planbook:` comment cannot be read as a suppression
rule-suppress-malformed-explanation =
    A suppression comment names the rules it silences in parentheses and says why after them.

    Example:
        # planbook: allow(plan.task-outside-period) carried over from November
        # planbook: allow-file(review.missing-value) filled in at month end

rule-suppress-missing-reason = a suppression comment gives no reason
rule-suppress-missing-reason-explanation =
    A finding is silenced only with a reason, so that whoever reads the file later knows why it was accepted. Without one the comment silences nothing.

    Example:
        # planbook: allow(plan.task-outside-period) carried over from November

rule-suppress-unknown-rule = a suppression comment names a rule that does not exist
rule-suppress-unknown-rule-explanation = Suppression comments use rule ids as `planbook rules` lists them.

rule-suppress-unused = a suppression comment silences nothing
rule-suppress-unused-explanation = The finding the comment was written for is gone (fixed, or moved to another line). Delete the comment, or run `planbook check --fix`, so that it does not silence a new finding later.
rule-check-not-checked = a document was not checked against another that has errors
rule-check-not-checked-explanation =
    When a document cannot be read whole (a YAML mistake, a field the schema does not know, a value of the wrong type), planbook reports that mistake once, where it is, and does not check other documents against what it could not read: a review is not told that everyone it scores is unknown because the roster has one typo. Instead this note says which documents were not checked against the broken one; they are checked once it is fixed.

    Items of a list with an error of their own (one person, one budget line) are left out and the rest of the document is used; a reference to a left-out item is not reported either.

rule-roster-region-in-two-groups = a region is listed in two region groups
rule-roster-region-in-two-groups-explanation = A region belongs to at most one group (大区) of `groups:`, so that headcount and attainment rolled up by group count it once. Remove it from one of the groups.

rule-roster-group-manager = a region group's manager is not on the unit's staff on the roster's day
rule-roster-group-manager-explanation = A group's `manager:` is a person on the roster of the group's unit, on staff on the roster's `as_of` day. A manager who left, who has not started yet, or who is on another unit's roster leaves the group without one: name the group's manager on that day.

rule-document-unknown-region = a target or an actual names a region or group that is not on the unit's roster
rule-document-unknown-region-explanation = `region:` on a target or an actual names a region of `regions:` or a group of `groups:` on the roster of the document's unit (or one of its sub-units).

rule-roster-acting-own-post = a person acts in the post they already hold
rule-roster-acting-own-post-explanation = An `acting:` entry gives a second post held for a while on top of the person's own. On a day it covers, their own post (after their dated changes) is already that post: remove the entry, or correct its dates or post.

rule-roster-acting-overlap = a person acts in the same post twice on the same days
rule-roster-acting-overlap-explanation = Two `acting:` entries of one person for the same post cover some of the same days. Merge them into one entry, or correct the dates.

rule-roster-outside-empty = an entry of people outside the roster counts nobody
rule-roster-outside-empty-explanation = An `outside:` entry with `count: 0` lists no one. Give how many there are, or remove the entry; leave `count` out for one person.
rule-config-table-form = a table has both `tiers` and `first`/`each_more`, or neither
rule-config-table-form-explanation = A table of `planbook.yaml` is either tiered (`tiers`: monthly retail from 30 counts as 1 key store, from 100 as 2) or per count (`first` for the first county, `each_more` for each after). Give it one form.

rule-config-table-tiers = two tiers of a table start at the same figure, or a higher tier gives less
rule-config-table-tiers-explanation = Tiers apply by their `from`: an input gives the value of the last tier it reaches. Two tiers with the same `from` leave one of them unused, and a tier that gives less than the one below it is usually a typing mistake.

rule-config-duplicate-table = a table id is defined twice in `planbook.yaml`
rule-config-duplicate-table-explanation = `tally` and `allowance` name tables by id, so each id names one table; the first definition is used.

rule-document-unknown-table = a `tally` or `allowance` names a table `planbook.yaml` does not define
rule-document-unknown-table-explanation = The tables a review's `tally` and a budget item's `allowance` apply are defined under `tables:` in `planbook.yaml`. Until the name matches one, the figure is not computed.

rule-review-tally-mismatch = a review's actual differs from what its tally computes
rule-review-tally-mismatch-explanation = An actual with a `tally` is the sum of its table's value for each input. When `actual` is written too, it must equal that sum; leave `actual` out to use the tally. The message shows the working.

rule-budget-allowance-count = a person counted by an allowance item has no `counties` on the roster
rule-budget-allowance-count-explanation = An `allowance` item applies its table to the counties each person in its posts covers, as of the budget period's last day. A person without `counties:` on the roster counts 0, which is rarely what is meant.

rule-budget-allowance-mismatch = a budget item's amount differs from what its allowance computes
rule-budget-allowance-mismatch-explanation = An item with `allowance` comes to the table's value for each person in its posts, summed. A written `amount` (or quantity × unit price) must equal that; leave it out to use the computed figure. The note shows each person's share.

rule-review-score-computed = a score gives a component points other than those its scale computes
rule-review-score-computed-explanation = A scorecard component with `kpi` and `scale` is scored from the attainment of that KPI for the person's region, region group or unit: `floor` points at the target's floor, `target` points at the target, in a straight line between and beyond, up to the cap. A review may leave it out; written points that differ are reported with the working.
rule-review-derived-mismatch = a derived KPI's actual differs from what it is derived from
rule-review-derived-mismatch-explanation =
    A KPI with `derived:` in `planbook.yaml` is computed from other figures of the review: `from: spend` (the sum of the review's `spend` lines, once all are filled in), `from: budget` (the unit's budget total for the period), `from: headcount` (the unit's people employed on the period's last day), or `plus:`/`minus:` other KPIs' actuals. A review whose actual differs by more than `tolerance` gets this warning, with the working; `planbook check --fix --unsafe-fixes` writes the computed value.

    Example:
        kpis:
          - {"{"} id: expenses, name: 费用, unit: CNY, derived: {"{"} from: spend {"}"} {"}"}
          - {"{"} id: profit, name: 利润, unit: CNY, derived: {"{"} plus: [gross-margin], minus: [expenses] {"}"} {"}"}

rule-config-derived-form = a KPI's `derived` names no source, or both a source and KPIs
rule-config-derived-form-explanation =
    `derived:` is either `from:` one figure (`spend`, `budget`, `headcount`) or `plus:`/`minus:` lists of other KPIs.

    Example:
        derived: {"{"} from: spend, tolerance: 100 {"}"}

rule-config-derived-cycle = a KPI is derived from itself
rule-config-derived-cycle-explanation =
    A KPI's `plus:`/`minus:` must not lead back to it, directly or through other derived KPIs: its value could never be checked.

    Example:
        - {"{"} id: profit, name: 利润, derived: {"{"} plus: [gross-margin], minus: [expenses] {"}"} {"}"}

rule-document-percent-as-fraction = a percentage is written as a fraction
rule-document-percent-as-fraction-explanation =
    For a KPI whose `unit` is `%`, a value such as `0.95` where the plan's target (or the KPI's other values) is written `99.9` is most likely 95 % written as a fraction. Write percentages as the number before the `%`; `planbook check --fix --unsafe-fixes` multiplies by 100.

    Example:
        actuals:
          - {"{"} kpi: reliability, actual: 95 {"}"}   # not 0.95

rule-document-title-period = a document's title names another period than its `period`
rule-document-title-period-explanation =
    A plan, review or budget copied from last month keeps last month's title unless it is changed (`planbook new` changes it). The title may name the period in any form (`2026-10`, `2026年10月`, `10月`, `October 2026`, `2026年第四季度`); one that names another period than the document's `period`, and none containing it, is reported, with the title as it should read.

    Example:
        period: 2026-11
        title: 河南分公司2026年11月工作计划
rule-plan-group-weights-sum = the weights of a scorecard's groups do not sum to 100
rule-plan-group-weights-sum-explanation =
    A scorecard with `groups:` weighs each group of components (the seed: basic work 60 %, performance 40 %), and the group weights sum to 100. The components' own weights are then checked group by group (`plan.group-mismatch`) instead of as one sum.

    Example:
      groups:
        - {"{"} id: basic, name: 基本工作, weight: 60 {"}"}
        - {"{"} id: performance, name: 绩效工作, weight: 40 {"}"}
rule-plan-group-mismatch = the components of a scorecard group do not sum to the group's weight
rule-plan-group-mismatch-explanation =
    The components of a group share its weight: a sales rep's performance group of 40 is region sales 20 and key-store retail 20. The message names the group, its weight and what its components sum to.

    Example:
      - {"{"} id: sales, name: 区域销售完成率, weight: 20, group: performance {"}"}
      - {"{"} id: retail, name: 重点零售店零售量, weight: 20, group: performance {"}"}
rule-plan-unknown-group = a scorecard component names a group the scorecard does not have, or none
rule-plan-unknown-group-explanation = When a scorecard has `groups:`, every component belongs to one of them by its `group:`, so that its weight counts in that group. Without `groups:`, `group:` is a free label and is not checked.
rule-plan-duplicate-group = two groups of a scorecard have the same id
rule-plan-duplicate-group-explanation = Components name their group by id, so each group of a scorecard needs an id of its own.
rule-plan-points-range = a scorecard's range of points is not usable
rule-plan-points-range-explanation =
    `points:` sets the points a component may be given, 0 to 100 when left out; a scheme that pays for over-achievement allows more (104 % of target scores 104). Its `max` may not be below 100, the full marks the weights are reckoned on, nor below its `min`; a component's `max` overrides it under the same conditions, and `bonus_max` may not be negative.

    Example:
      points: {"{"} max: 120 {"}"}
rule-review-bonus-range = a score's bonus is below 0 or above the scorecard's `bonus_max`
rule-review-bonus-range-explanation =
    Bonus points (rewards for cost savings, promoted models, top sellers) are added to the weighted score, from 0 up to the scorecard's `bonus_max`; a scorecard without `bonus_max` allows none.

    Example:
      scores:
        - {"{"} person: p011, components: {"{"} basic: 88, sales: 104 {"}"}, bonus: 3 {"}"}
rule-roster-change-order = a roster's dated changes are not written in date order
rule-roster-change-order-explanation =
    A person's or a post's `changes:` apply by their `from` day whatever order they are written in, so the roster still means the same; but a reader expects the latest change last, and a change written out of order is easily taken for the latest. This is a warning, not an error, for that reason: nothing is computed differently.

    Example:
        changes:
          - {"{"} from: 2026-10-15, post: regional-manager {"}"}
          - {"{"} from: 2027-01-01, region: xinxiang {"}"}
rule-review-not-employed = a review names a person who was not on staff during its period
rule-review-not-employed-explanation = A review is read against the roster as it was during its period: someone scored, or the author, should have been on staff on at least one day of it (`since` on or before its last day, `until` on or after its first). A hire of October scored in September's review, or a leaver scored after leaving, is usually the wrong person or the wrong month.
rule-plan-not-employed = a plan names an owner who was not on staff during its period
rule-plan-not-employed-explanation = A plan's owner and its task owners should be on staff on at least one day of the plan's period, by the roster's `since` and `until`. An owner who left before the period, or joins after it, cannot do the work.
rule-plan-unknown-problem = a measure or task answers a problem the plan does not have
rule-plan-unknown-problem-explanation = `answers:` on a measure or task lists ids of the plan's `problems:`. Give the problem an `id:` and name it: `problems: [{"{"} id: stock, title: 库存积压 {"}"}]`, `tasks: [{"{"} id: t1, name: 清库存, answers: [stock] {"}"}]`.

rule-plan-problem-unanswered = an open problem is answered by no measure or task
rule-plan-problem-unanswered-explanation = Every open problem the plan names should have a measure or a task that answers it (`answers: [stock]`). A problem without an `id:` is not checked: give it an id to have it checked.

rule-plan-duplicate-id = two problems, measures or work areas of a plan have the same id
rule-plan-duplicate-id-explanation = Answers and areas name problems, measures and areas by id, so each id means one item within the plan.

rule-plan-unknown-area = a task or measure names a work area the plan does not have
rule-plan-unknown-area-explanation = `area:` on a task or measure names an area declared under the plan's `areas:` (`- {"{"} id: sales, name: 营销管理 {"}"}`).

rule-plan-empty-area = a work area has no task and no measure
rule-plan-empty-area-explanation = An area groups tasks and measures and shows their progress; an area with none shows nothing.

rule-plan-contribution-outside = a target contributes to a period that does not contain its plan's
rule-plan-contribution-outside-explanation = `contributes_to: 2027` on a target of a month or quarter plan names the year whose target the month's counts toward; the plan's period must lie within it.

rule-plan-unknown-annual-target = a target contributes to a longer period's target that does not exist
rule-plan-unknown-annual-target-explanation = The same unit's plan for the period named by `contributes_to:` must have a target for the same KPI, scope, post and region: the attainment rollup adds up the year to date against it.
