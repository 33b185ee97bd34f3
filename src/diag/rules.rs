//! The rule catalogue: every rule's stable id and default severity. Its one-line summary and
//! longer explanation with an example are in the message catalogue (`locales/*/rules.ftl`),
//! under ids made from the rule id: `rule-budget-total-mismatch` and
//! `rule-budget-total-mismatch-explanation`.
//!
//! Ids are `<area>.<kebab-case>`, and each rule has a fixture folder of the same name under
//! `tests/fixtures/check/`. Never rename an id: users configure severities by it. The rules are
//! listed in the order `planbook rules` lists them.

use crate::diag::Severity;
use crate::i18n::{self, Locale};

/// A rule: what it checks and how seriously it is taken by default.
#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    /// Stable id, e.g. `budget.total-mismatch`.
    pub id: &'static str,
    /// Severity unless `planbook.yaml` overrides it.
    pub default: Severity,
}

impl Rule {
    /// One line in `locale`: what the rule finds (no trailing period).
    pub fn summary(&self, locale: Locale) -> String {
        self.text(locale, "")
    }

    /// Why the rule matters and how to fix it, with an example, in `locale`.
    pub fn explanation(&self, locale: Locale) -> String {
        self.text(locale, "-explanation")
    }

    /// The catalogue id of the rule's summary: `rule-` and the id with dots as hyphens.
    fn message_id(&self) -> String {
        format!("rule-{}", self.id.replace('.', "-"))
    }

    /// The catalogue message `rule-<id><suffix>`; the rule id if it is missing (a test
    /// prevents that).
    fn text(&self, locale: Locale, suffix: &str) -> String {
        let id = format!("{}{suffix}", self.message_id());
        i18n::lookup(locale, &id).unwrap_or_else(|| self.id.to_owned())
    }
}

macro_rules! rules {
    ($($name:ident = $id:literal, $severity:ident;)*) => {
        $(
            #[doc = concat!("The rule `", $id, "`.")]
            pub static $name: Rule = Rule { id: $id, default: Severity::$severity };
        )*
        /// Every rule, in catalogue order.
        pub static ALL: &[&Rule] = &[$(&$name),*];
    };
}

rules! {
    FILE_READ = "file.read", Error;
    FILE_ENCODING = "file.encoding", Error;
    FILE_TOO_LARGE = "file.too-large", Error;
    FILE_LINK_OUTSIDE = "file.link-outside", Warning;
    YAML_SYNTAX = "yaml.syntax", Error;
    YAML_DUPLICATE_KEY = "yaml.duplicate-key", Error;
    YAML_LIMIT = "yaml.limit", Error;
    FRONT_MATTER_UNCLOSED = "front-matter.unclosed", Error;
    DOCUMENT_EMPTY = "document.empty", Warning;
    DOCUMENT_NOT_MAPPING = "document.not-mapping", Error;
    DOCUMENT_MISSING_KIND = "document.missing-kind", Error;
    DOCUMENT_UNKNOWN_KIND = "document.unknown-kind", Error;
    DOCUMENT_UNKNOWN_UNIT = "document.unknown-unit", Error;
    DOCUMENT_UNKNOWN_KPI = "document.unknown-kpi", Error;
    DOCUMENT_DUPLICATE = "document.duplicate", Error;
    SCHEMA_UNKNOWN_FIELD = "schema.unknown-field", Error;
    SCHEMA_MISSING_FIELD = "schema.missing-field", Error;
    SCHEMA_TYPE = "schema.type", Error;
    SCHEMA_VALUE = "schema.value", Error;
    SCHEMA_INVALID = "schema.invalid", Error;
    NUMBER_OUT_OF_RANGE = "number.out-of-range", Error;
    CONFIG_UNKNOWN_RULE = "config.unknown-rule", Warning;
    CONFIG_BAD_GLOB = "config.bad-glob", Error;
    CONFIG_DUPLICATE_UNIT = "config.duplicate-unit", Error;
    CONFIG_UNKNOWN_PARENT = "config.unknown-parent", Error;
    CONFIG_UNIT_CYCLE = "config.unit-cycle", Error;
    CONFIG_DUPLICATE_KPI = "config.duplicate-kpi", Error;
    ROSTER_DUPLICATE_PERSON = "roster.duplicate-person", Error;
    ROSTER_DUPLICATE_POST = "roster.duplicate-post", Error;
    ROSTER_DUPLICATE_REGION = "roster.duplicate-region", Error;
    ROSTER_UNKNOWN_POST = "roster.unknown-post", Error;
    ROSTER_UNKNOWN_REGION = "roster.unknown-region", Error;
    ROSTER_MERGED_REGION = "roster.merged-region", Warning;
    ROSTER_UNKNOWN_MANAGER = "roster.unknown-manager", Error;
    ROSTER_SELF_MANAGER = "roster.self-manager", Error;
    ROSTER_CYCLE = "roster.cycle", Error;
    ROSTER_TOO_DEEP = "roster.too-deep", Error;
    ROSTER_OVER_ESTABLISHMENT = "roster.over-establishment", Error;
    ROSTER_VACANCY = "roster.vacancy", Note;
    ROSTER_DATES = "roster.dates", Error;
    BUDGET_ITEM_FORM = "budget.item-form", Error;
    BUDGET_DUPLICATE_LINE = "budget.duplicate-line", Error;
    BUDGET_UNKNOWN_SECTION = "budget.unknown-section", Error;
    BUDGET_UNKNOWN_LINE = "budget.unknown-line", Error;
    BUDGET_NEGATIVE = "budget.negative", Error;
    BUDGET_MIXED_CURRENCY = "budget.mixed-currency", Error;
    BUDGET_BREAKDOWN_OVER = "budget.breakdown-over", Error;
    BUDGET_BREAKDOWN_SHORT = "budget.breakdown-short", Warning;
    BUDGET_SUBTOTAL_MISMATCH = "budget.subtotal-mismatch", Error;
    BUDGET_TOTAL_MISMATCH = "budget.total-mismatch", Error;
    BUDGET_CAP_EXCEEDED = "budget.cap-exceeded", Error;
    BUDGET_HEADCOUNT = "budget.headcount", Warning;
    PLAN_UNKNOWN_PERSON = "plan.unknown-person", Error;
    PLAN_UNKNOWN_POST = "plan.unknown-post", Error;
    PLAN_TARGET_EMPTY = "plan.target-empty", Error;
    PLAN_FLOOR_ABOVE_TARGET = "plan.floor-above-target", Error;
    PLAN_INVERTED_RANGE = "plan.inverted-range", Error;
    PLAN_WEIGHTS_SUM = "plan.weights-sum", Error;
    PLAN_DUPLICATE_COMPONENT = "plan.duplicate-component", Error;
    PLAN_DUPLICATE_SCORECARD = "plan.duplicate-scorecard", Error;
    PLAN_DUPLICATE_TASK = "plan.duplicate-task", Error;
    PLAN_UNKNOWN_DEPENDENCY = "plan.unknown-dependency", Error;
    PLAN_TASK_CYCLE = "plan.task-cycle", Error;
    PLAN_TASK_DATES = "plan.task-dates", Error;
    PLAN_TASK_OUTSIDE_PERIOD = "plan.task-outside-period", Warning;
    PLAN_BUDGET_MISSING = "plan.budget-missing", Error;
    PLAN_BUDGET_MISMATCH = "plan.budget-mismatch", Error;
    REVIEW_NO_PLAN = "review.no-plan", Error;
    REVIEW_PLAN_MISMATCH = "review.plan-mismatch", Error;
    REVIEW_UNPLANNED_ACTUAL = "review.unplanned-actual", Warning;
    REVIEW_MISSING_ACTUAL = "review.missing-actual", Warning;
    REVIEW_UNKNOWN_TASK = "review.unknown-task", Error;
    REVIEW_UNKNOWN_LINE = "review.unknown-line", Error;
    REVIEW_UNKNOWN_PERSON = "review.unknown-person", Error;
    REVIEW_WRONG_POST = "review.wrong-post", Error;
    REVIEW_NO_SCORECARD = "review.no-scorecard", Error;
    REVIEW_UNKNOWN_COMPONENT = "review.unknown-component", Error;
    REVIEW_SCORE_RANGE = "review.score-range", Error;
    REVIEW_MISSING_VALUE = "review.missing-value", Warning;
    SUPPRESS_MALFORMED = "suppress.malformed", Warning;
    SUPPRESS_MISSING_REASON = "suppress.missing-reason", Warning;
    SUPPRESS_UNKNOWN_RULE = "suppress.unknown-rule", Warning;
    SUPPRESS_UNUSED = "suppress.unused", Warning;
    CHECK_NOT_CHECKED = "check.not-checked", Note;
    ROSTER_REGION_IN_TWO_GROUPS = "roster.region-in-two-groups", Error;
    ROSTER_GROUP_MANAGER = "roster.group-manager", Warning;
    DOCUMENT_UNKNOWN_REGION = "document.unknown-region", Error;
    ROSTER_ACTING_OWN_POST = "roster.acting-own-post", Warning;
    ROSTER_ACTING_OVERLAP = "roster.acting-overlap", Warning;
    ROSTER_OUTSIDE_EMPTY = "roster.outside-empty", Warning;
    CONFIG_TABLE_FORM = "config.table-form", Error;
    CONFIG_TABLE_TIERS = "config.table-tiers", Warning;
    CONFIG_DUPLICATE_TABLE = "config.duplicate-table", Error;
    DOCUMENT_UNKNOWN_TABLE = "document.unknown-table", Error;
    REVIEW_TALLY_MISMATCH = "review.tally-mismatch", Error;
    BUDGET_ALLOWANCE_COUNT = "budget.allowance-count", Warning;
    BUDGET_ALLOWANCE_MISMATCH = "budget.allowance-mismatch", Error;
    REVIEW_SCORE_COMPUTED = "review.score-computed", Warning;
    REVIEW_DERIVED_MISMATCH = "review.derived-mismatch", Warning;
    CONFIG_DERIVED_FORM = "config.derived-form", Error;
    CONFIG_DERIVED_CYCLE = "config.derived-cycle", Error;
    DOCUMENT_PERCENT_AS_FRACTION = "document.percent-as-fraction", Warning;
    DOCUMENT_TITLE_PERIOD = "document.title-period", Warning;
    PLAN_GROUP_WEIGHTS_SUM = "plan.group-weights-sum", Error;
    PLAN_GROUP_MISMATCH = "plan.group-mismatch", Error;
    PLAN_UNKNOWN_GROUP = "plan.unknown-group", Error;
    PLAN_DUPLICATE_GROUP = "plan.duplicate-group", Error;
    PLAN_POINTS_RANGE = "plan.points-range", Error;
    REVIEW_BONUS_RANGE = "review.bonus-range", Error;
    ROSTER_CHANGE_ORDER = "roster.change-order", Warning;
    REVIEW_NOT_EMPLOYED = "review.not-employed", Warning;
    PLAN_NOT_EMPLOYED = "plan.not-employed", Warning;
    PLAN_UNKNOWN_PROBLEM = "plan.unknown-problem", Error;
    PLAN_PROBLEM_UNANSWERED = "plan.problem-unanswered", Warning;
    PLAN_DUPLICATE_ID = "plan.duplicate-id", Error;
    PLAN_UNKNOWN_AREA = "plan.unknown-area", Error;
    PLAN_EMPTY_AREA = "plan.empty-area", Note;
    PLAN_CONTRIBUTION_OUTSIDE = "plan.contribution-outside", Error;
    PLAN_UNKNOWN_ANNUAL_TARGET = "plan.unknown-annual-target", Error;
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
        }
    }

    /// The message ids are made at run time, so the catalogue's own test cannot see them.
    #[test]
    fn every_rule_has_a_summary_and_an_explanation_in_every_language() {
        for rule in ALL {
            for suffix in ["", "-explanation"] {
                let id = format!("{}{suffix}", rule.message_id());
                for locale in Locale::ALL {
                    let text = i18n::lookup(locale, &id);
                    assert!(text.is_some_and(|t| !t.trim().is_empty()), "no `{id}` in {locale}");
                }
            }
            for locale in Locale::ALL {
                let summary = rule.summary(locale);
                assert!(!summary.contains('\n'), "{}: summaries are one line", rule.id);
                assert!(!summary.ends_with(['.', '。']), "{}: summary ends in a period", rule.id);
            }
        }
    }

    #[test]
    fn summaries_and_explanations_read_in_the_language_asked_for() {
        let rule = &BUDGET_TOTAL_MISMATCH;
        let en = rule.summary(Locale::En);
        assert_eq!(en, "a budget's declared total differs from the sum of its lines");
        assert_eq!(rule.summary(Locale::ZhCn), "预算的申报总额与科目合计不符");
        // Examples keep their YAML, with the indentation and braces Fluent would otherwise eat.
        let zh = BUDGET_BREAKDOWN_OVER.explanation(Locale::ZhCn);
        assert!(zh.ends_with("\n      - { name: 电话, quantity: 30, unit_price: 250 }   # 7500"));
        assert!(YAML_SYNTAX.explanation(Locale::En).contains("\n    \t- id: rent "), "tab");
    }
}
