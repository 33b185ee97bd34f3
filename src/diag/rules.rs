//! The rule catalogue: every rule's stable id, default severity, one-line summary and longer
//! explanation with an example.
//!
//! Ids are `<area>.<kebab-case>`, and each rule has a fixture folder of the same name under
//! `tests/fixtures/check/`. Never rename an id: users configure severities by it. This file is
//! long because it is uniform: one entry per rule, in the order `planbook rules` lists them.

use crate::diag::Severity;

/// A rule: what it checks and how seriously it is taken by default.
#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    /// Stable id, e.g. `budget.total-mismatch`.
    pub id: &'static str,
    /// Severity unless `planbook.yaml` overrides it.
    pub default: Severity,
    /// One line: what the rule finds.
    pub summary: &'static str,
    /// Why it matters and how to fix it, with an example.
    pub explanation: &'static str,
}

macro_rules! rules {
    ($($name:ident = $id:literal, $severity:ident, $summary:literal, $explanation:literal;)*) => {
        $(
            #[doc = $summary]
            pub static $name: Rule = Rule {
                id: $id,
                default: Severity::$severity,
                summary: $summary,
                explanation: $explanation,
            };
        )*
        /// Every rule, in catalogue order.
        pub static ALL: &[&Rule] = &[$(&$name),*];
    };
}

rules! {
    FILE_READ = "file.read", Error,
        "a file could not be read",
        "planbook could not open the file, for example because it is a link to a file that does \
         not exist or a folder it may not read. The other files are still checked.";
    FILE_ENCODING = "file.encoding", Error,
        "a file is not valid UTF-8 text",
        "Documents must be saved as UTF-8. Files saved as GBK or GB2312 by older editors show up \
         here, with the position of the first byte that is not UTF-8. Re-save the file as UTF-8.";
    FILE_TOO_LARGE = "file.too-large", Error,
        "a file is larger than planbook will read",
        "planbook does not read files over 64 MiB, so a stray export cannot exhaust memory. Split \
         the document, or list the file under `exclude:` in planbook.yaml.";
    FILE_LINK_OUTSIDE = "file.link-outside", Warning,
        "a symbolic link leads outside the repository and is not followed",
        "planbook never reads outside the data repository, so a file such as `/etc/passwd` \
         linked in as `notes.md` cannot reach the handbook. Links are never followed: a link to \
         a file or folder inside the repository is skipped (its target is read under its own \
         path), and a document-named link or folder link that leads outside gets this warning. \
         Copy the file into the repository, or list the link under `exclude:`.";
    YAML_SYNTAX = "yaml.syntax", Error,
        "a file is not valid YAML",
        "The YAML parser stopped at the position shown. A common cause is a tab used for \
         indentation (YAML allows only spaces) or an unclosed bracket or quote.\n\n\
         Example:\n    lines:\n    \t- id: rent      # the tab makes this invalid";
    YAML_DUPLICATE_KEY = "yaml.duplicate-key", Error,
        "a key appears twice in one mapping",
        "YAML forbids writing the same key twice in one mapping; other tools silently keep one \
         of the values. planbook points at the second occurrence and names the first.\n\n\
         Example:\n    amount: 13000\n    amount: 12000   # which one is meant?";
    YAML_LIMIT = "yaml.limit", Error,
        "a document is nested too deeply or expands too far through aliases",
        "planbook refuses documents nested more than 128 levels deep, and documents whose \
         aliases (`*name`) expand into more than 100,000 values (an \"alias bomb\" of a few lines \
         can otherwise expand into billions). Real planning documents stay far below both limits.";
    FRONT_MATTER_UNCLOSED = "front-matter.unclosed", Error,
        "Markdown front matter has no closing `---`",
        "A Markdown file that starts with `---` has YAML front matter, which must end with a line \
         holding only `---`. Without it the whole file would be read as YAML.";
    DOCUMENT_EMPTY = "document.empty", Warning,
        "a YAML file holds no document",
        "The file is empty or holds only comments. Add `kind:` and the document's fields, or \
         delete the file.";
    DOCUMENT_NOT_MAPPING = "document.not-mapping", Error,
        "a document is not a mapping of keys to values",
        "A document is a mapping that starts with `kind:`. A file whose top level is a list \
         (lines starting with `- `) or a single value is not a document.";
    DOCUMENT_MISSING_KIND = "document.missing-kind", Error,
        "a YAML document has no `kind` key",
        "Every YAML file in the repository must say what it is, so that a typo never makes \
         planbook skip a document silently. Add `kind: roster`, `budget`, `plan`, `review` or \
         `page`, or exclude the file in planbook.yaml. (Markdown without `kind` is a free page.)";
    DOCUMENT_UNKNOWN_KIND = "document.unknown-kind", Error,
        "a document's `kind` is not one planbook knows",
        "The kinds are `roster`, `budget`, `plan`, `review` and `page`.";
    DOCUMENT_UNKNOWN_UNIT = "document.unknown-unit", Error,
        "a document names a unit that is not in planbook.yaml",
        "Every document belongs to a unit of the hierarchy in planbook.yaml, so that rollups can \
         climb it. Add the unit under `units:` or correct the id.\n\n\
         Example:\n    unit: henna     # planbook.yaml has `henan`";
    DOCUMENT_UNKNOWN_KPI = "document.unknown-kpi", Error,
        "a target or actual names a KPI that is not in the catalogue",
        "KPIs are defined once, in `kpis:` of planbook.yaml, with their unit, how they aggregate \
         and which direction is better. Plans and reviews refer to them by id.";
    DOCUMENT_DUPLICATE = "document.duplicate", Error,
        "two documents of the same kind cover the same unit and period",
        "A unit has at most one budget, one plan and one review per period (and one roster), so \
         that links and rollups are unambiguous. Merge the two documents or correct a period.";
    SCHEMA_UNKNOWN_FIELD = "schema.unknown-field", Error,
        "a key that the document's schema does not allow",
        "Usually a typo. planbook suggests the closest allowed key.\n\n\
         Example:\n    amout: 46000    # did you mean `amount`?";
    SCHEMA_MISSING_FIELD = "schema.missing-field", Error,
        "a required key is missing",
        "Some keys are required, such as a post's `establishment` or a budget's `period`.";
    SCHEMA_TYPE = "schema.type", Error,
        "a value has the wrong type",
        "For example text where a number belongs. Numbers are written plainly, without quotes or \
         thousands separators; only `true` and `false` are booleans.\n\n\
         Example:\n    amount: \"46,000\"   # write 46000";
    SCHEMA_VALUE = "schema.value", Error,
        "a value is not one of the allowed values or has the wrong form",
        "The value has the right type but not an allowed form: a period must look like \
         `2026-12`, `2026-Q1` or `2026`; an enumeration takes one of its listed words.";
    SCHEMA_INVALID = "schema.invalid", Error,
        "a document does not match its schema",
        "Any other mismatch with the schema, such as a date that does not exist (`2026-02-30`).";
    NUMBER_OUT_OF_RANGE = "number.out-of-range", Error,
        "a number, or a sum or product of numbers, is beyond what planbook computes exactly",
        "planbook never rounds money. A number may have at most 15 digits before the decimal \
         point and 6 after it, written out in full (no exponent); a sum or a quantity × unit \
         price that would need more than 28 significant digits is reported here instead of \
         being rounded.\n\n\
         Example:\n    amount: 79000000000000000000000000000    # 29 digits";
    CONFIG_UNKNOWN_RULE = "config.unknown-rule", Warning,
        "`rules` in planbook.yaml names a rule that does not exist",
        "Severity overrides use rule ids as `planbook rules` lists them.";
    CONFIG_BAD_GLOB = "config.bad-glob", Error,
        "an `exclude` pattern in planbook.yaml is not a valid glob",
        "Patterns use glob syntax relative to planbook.yaml, e.g. `drafts/**` or `*.tmp.yaml`.";
    CONFIG_DUPLICATE_UNIT = "config.duplicate-unit", Error,
        "two units in planbook.yaml have the same id",
        "Unit ids must be unique: documents and rollups refer to units by id.";
    CONFIG_UNKNOWN_PARENT = "config.unknown-parent", Error,
        "a unit's `parent` is not a unit",
        "`parent:` must name another unit's id, or be left out for a top-level unit.";
    CONFIG_UNIT_CYCLE = "config.unit-cycle", Error,
        "units are their own ancestors",
        "The unit hierarchy must be a tree: following `parent:` from any unit must reach a \
         top-level unit. Every unit in the cycle is named.";
    CONFIG_DUPLICATE_KPI = "config.duplicate-kpi", Error,
        "two KPIs in the catalogue have the same id",
        "KPI ids must be unique: targets and actuals refer to KPIs by id.";
    ROSTER_DUPLICATE_PERSON = "roster.duplicate-person", Error,
        "a person id is used twice, in one roster or across rosters",
        "Person ids are unique across the whole repository, so that scores, tasks and reporting \
         lines point at exactly one person. The other occurrence is named.";
    ROSTER_DUPLICATE_POST = "roster.duplicate-post", Error,
        "a post id is used twice in one roster",
        "Post ids are unique within a roster.";
    ROSTER_DUPLICATE_REGION = "roster.duplicate-region", Error,
        "a region id is used twice in one roster",
        "Region ids are unique within a roster.";
    ROSTER_UNKNOWN_POST = "roster.unknown-post", Error,
        "a person, post or budget item names a post that is not on the roster",
        "Posts are defined in the unit's roster under `posts:`.";
    ROSTER_UNKNOWN_REGION = "roster.unknown-region", Error,
        "a person or region names a region that is not on the roster",
        "Regions are defined in the unit's roster under `regions:`.";
    ROSTER_MERGED_REGION = "roster.merged-region", Warning,
        "a person is assigned to a region that is counted under another",
        "A region with `merged_into:` is covered from the region it was merged into (鹤壁 is \
         counted under 安阳), so people are assigned to that region instead.";
    ROSTER_UNKNOWN_MANAGER = "roster.unknown-manager", Error,
        "`reports_to` names a person who is on no roster",
        "A reporting line must end at a real person. Correct the id or add the manager.";
    ROSTER_SELF_MANAGER = "roster.self-manager", Error,
        "a person reports to themselves",
        "`reports_to:` names the person's own id.";
    ROSTER_CYCLE = "roster.cycle", Error,
        "reporting lines form a cycle",
        "Following `reports_to:` from these people comes back to where it started, so nobody in \
         the cycle has a top manager. Every member of the cycle is named.";
    ROSTER_TOO_DEEP = "roster.too-deep", Error,
        "a reporting chain has more levels than `max_management_levels`",
        "planbook.yaml sets how many management levels the organisation allows (the seed plan \
         allows three: general manager, regional manager, sales rep). The chain is shown.";
    ROSTER_OVER_ESTABLISHMENT = "roster.over-establishment", Error,
        "a post has more people than its establishment",
        "The establishment (定编) is the number of people a post is authorised to have. Raise \
         the establishment or move someone.";
    ROSTER_VACANCY = "roster.vacancy", Note,
        "a post has fewer people than its establishment",
        "Reported for information: the vacancies of each post.";
    ROSTER_DATES = "roster.dates", Error,
        "a person's `until` is before their `since`",
        "`until:` (the day they leave) cannot come before `since:` (the day they started).";
    BUDGET_ITEM_FORM = "budget.item-form", Error,
        "a breakdown item has neither an `amount` nor a `quantity` and `unit_price`",
        "A breakdown item is either `quantity` × `unit_price` or a fixed `amount`, not both and \
         not half of one.";
    BUDGET_DUPLICATE_LINE = "budget.duplicate-line", Error,
        "two lines of a budget have the same id",
        "Line ids are unique within a budget; reviews report spend by line id.";
    BUDGET_UNKNOWN_SECTION = "budget.unknown-section", Error,
        "a line names a section the budget does not define",
        "Sections are declared under `sections:`; a line's `section:` must name one.";
    BUDGET_UNKNOWN_LINE = "budget.unknown-line", Error,
        "a limit names a line the budget does not have",
        "A group limit lists line ids under `lines:`; each must be a line of the budget.";
    BUDGET_NEGATIVE = "budget.negative", Error,
        "a budget amount is negative",
        "Amounts, quantities and prices are zero or more. Record income and refunds elsewhere.";
    BUDGET_MIXED_CURRENCY = "budget.mixed-currency", Error,
        "a line's currency differs from its budget's",
        "A budget is totalled in one currency. Convert the line, or budget it separately.";
    BUDGET_BREAKDOWN_OVER = "budget.breakdown-over", Error,
        "a line's breakdown adds up to more than its amount",
        "The items (quantity × unit price) need more money than the line budgets.\n\n\
         Example:\n    amount: 5000\n    breakdown:\n      \
         - { name: 电话, quantity: 30, unit_price: 250 }   # 7500";
    BUDGET_BREAKDOWN_SHORT = "budget.breakdown-short", Warning,
        "a line's breakdown adds up to less than its amount",
        "Part of the amount is not explained by its items; the unexplained remainder is stated. \
         The seed budget's salary line is 46,000 while its items add up to 45,650.";
    BUDGET_SUBTOTAL_MISMATCH = "budget.subtotal-mismatch", Error,
        "a section's declared subtotal differs from the sum of its lines",
        "A declared `subtotal:` is an assertion: the lines of the section must add up to it.";
    BUDGET_TOTAL_MISMATCH = "budget.total-mismatch", Error,
        "a budget's declared total differs from the sum of its lines",
        "A declared `total:` is an assertion: all lines must add up to it.\n\n\
         Example:\n    total: 123000   # the lines add up to 122900";
    BUDGET_CAP_EXCEEDED = "budget.cap-exceeded", Error,
        "a limit is exceeded",
        "The lines a limit covers (all lines, or its `lines:` and `categories:`) add up to more \
         than its `max:`. The seed caps personnel costs at 90,000.";
    BUDGET_HEADCOUNT = "budget.headcount", Warning,
        "a breakdown item's quantity differs from its post's establishment and headcount",
        "An item linked to a roster post with `post:` counts people in that post. Its quantity \
         should equal the post's establishment or the number of people now in it.";
    PLAN_UNKNOWN_PERSON = "plan.unknown-person", Error,
        "a plan's owner or a task owner is not on the unit's roster",
        "Owners are person ids from the roster of the plan's unit (or one of its sub-units).";
    PLAN_UNKNOWN_POST = "plan.unknown-post", Error,
        "a scorecard or target names a post that is not on the unit's roster",
        "`post:`, `per_post:` and `assessed_by:` name posts of the unit's roster.";
    PLAN_TARGET_EMPTY = "plan.target-empty", Error,
        "a target has no `target`, `floor` or `range`",
        "A target needs a figure to aim for: a `target`, a `floor`, or a `range`.";
    PLAN_FLOOR_ABOVE_TARGET = "plan.floor-above-target", Error,
        "a target's floor is beyond its target",
        "The floor is the least acceptable result and the target the aim, so for a \
         higher-is-better KPI the floor must not exceed the target (and for a lower-is-better \
         KPI it must not be below it).";
    PLAN_INVERTED_RANGE = "plan.inverted-range", Error,
        "a range's `min` is greater than its `max`",
        "Example:\n    range: { min: 600000, max: 350000 }   # swap them";
    PLAN_WEIGHTS_SUM = "plan.weights-sum", Error,
        "a scorecard's weights do not sum to 100",
        "The seed scores 60 % basic work and 40 % performance. The sum found is stated.";
    PLAN_DUPLICATE_COMPONENT = "plan.duplicate-component", Error,
        "two components of a scorecard have the same id",
        "Reviews score components by id, so ids are unique within a scorecard.";
    PLAN_DUPLICATE_SCORECARD = "plan.duplicate-scorecard", Error,
        "a post has two scorecards in one plan",
        "Each post is evaluated by one scorecard per plan.";
    PLAN_DUPLICATE_TASK = "plan.duplicate-task", Error,
        "two tasks of a plan have the same id",
        "Task ids are unique within a plan; dependencies and reviews refer to them.";
    PLAN_UNKNOWN_DEPENDENCY = "plan.unknown-dependency", Error,
        "a task depends on a task the plan does not have",
        "`depends_on:` lists ids of other tasks in the same plan.";
    PLAN_TASK_CYCLE = "plan.task-cycle", Error,
        "tasks depend on each other in a cycle",
        "No task in the cycle could ever start. Every task in the cycle is named.";
    PLAN_TASK_DATES = "plan.task-dates", Error,
        "a task's dates contradict each other",
        "A task's `due` is before its `start`, or `start` plus `duration` disagrees with `due`, \
         or it starts before a task it depends on is due.";
    PLAN_TASK_OUTSIDE_PERIOD = "plan.task-outside-period", Warning,
        "a task starts or ends outside the plan's period",
        "A December plan's tasks normally fall within December.";
    PLAN_BUDGET_MISSING = "plan.budget-missing", Error,
        "a plan's linked budget does not exist or is not a budget",
        "`budget:` is a path relative to the plan's file.";
    PLAN_BUDGET_MISMATCH = "plan.budget-mismatch", Error,
        "a plan's linked budget is for another unit or period",
        "A plan for `henan` in 2026-12 links the budget of `henan` for 2026-12.";
    REVIEW_NO_PLAN = "review.no-plan", Error,
        "a review has no plan to review",
        "The review's `plan:` link is missing or broken, and no plan covers its unit and period.";
    REVIEW_PLAN_MISMATCH = "review.plan-mismatch", Error,
        "a review's plan is for another unit or period",
        "A review of `henan` in 2026-12 reviews the plan of `henan` for 2026-12.";
    REVIEW_UNPLANNED_ACTUAL = "review.unplanned-actual", Warning,
        "an actual is reported for a target the plan does not have",
        "Either the plan lacks the target, or the actual's `kpi`, `scope` or `per_post` differs \
         from the target's.";
    REVIEW_MISSING_ACTUAL = "review.missing-actual", Warning,
        "a plan target has no actual in the review",
        "Every target of the plan should have its actual reported, even when it was missed.";
    REVIEW_UNKNOWN_TASK = "review.unknown-task", Error,
        "a task status is given for a task the plan does not have",
        "Statuses refer to task ids of the reviewed plan.";
    REVIEW_UNKNOWN_LINE = "review.unknown-line", Error,
        "spend is reported for a line the budget does not have",
        "Spend refers to line ids of the budget linked from the reviewed plan.";
    REVIEW_UNKNOWN_PERSON = "review.unknown-person", Error,
        "a scored person is not on the roster",
        "Scores are for people on the unit's roster.";
    REVIEW_WRONG_POST = "review.wrong-post", Error,
        "a person is scored under a post they do not hold",
        "The scorecard applied is the one for the person's post on the roster.";
    REVIEW_NO_SCORECARD = "review.no-scorecard", Error,
        "a person is scored but the plan has no scorecard for their post",
        "Add a scorecard for the post to the plan, or remove the scores.";
    REVIEW_UNKNOWN_COMPONENT = "review.unknown-component", Error,
        "a score is given for a component that is not in the person's scorecard",
        "Components are the ids in the plan's scorecard for the person's post.";
    REVIEW_SCORE_RANGE = "review.score-range", Error,
        "a score is below 0 or above 100",
        "Each component is scored from 0 to 100 points; the weights turn them into a total.";
    REVIEW_MISSING_VALUE = "review.missing-value", Warning,
        "a task status, score or spend in a review is still empty",
        "`planbook new review` writes every task, score and budget line of the plan with an empty \
         value to fill in. Until each is filled it is reported here, as a warning, so the review \
         can be committed while it is being written.\n\n\
         Example:\n    tasks:\n      - task: staffing\n        \
         status:      # fill in: done, in-progress, ...";
}

/// The rule with id `id`.
pub fn find(id: &str) -> Option<&'static Rule> {
    ALL.iter().copied().find(|r| r.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_well_formed() {
        let mut seen = std::collections::HashSet::new();
        for rule in ALL {
            assert!(seen.insert(rule.id), "duplicate rule id {}", rule.id);
            let (area, name) = rule.id.split_once('.').expect("area.name");
            assert!(!area.is_empty() && !name.is_empty());
            assert!(rule.id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-' || b == b'.'));
            assert!(!rule.summary.ends_with('.'), "{}: summaries have no trailing period", rule.id);
        }
    }
}
