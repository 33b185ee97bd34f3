//! The rule catalogue: every rule's stable id, default severity and one-line summary.
//!
//! Ids are `<area>.<kebab-case>`, and each rule has a fixture folder of the same name under
//! `tests/fixtures/check/`. Never rename an id: users configure severities by it.

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
}

macro_rules! rules {
    ($($name:ident = $id:literal, $severity:ident, $summary:literal;)*) => {
        $(
            #[doc = $summary]
            pub static $name: Rule = Rule { id: $id, default: Severity::$severity, summary: $summary };
        )*
        /// Every rule, in catalogue order.
        pub static ALL: &[&Rule] = &[$(&$name),*];
    };
}

rules! {
    FILE_READ = "file.read", Error, "a file could not be read";
    FILE_ENCODING = "file.encoding", Error, "a file is not valid UTF-8 text";
    FILE_TOO_LARGE = "file.too-large", Error, "a file is larger than planbook will read";
    YAML_SYNTAX = "yaml.syntax", Error, "a file is not valid YAML";
    YAML_DUPLICATE_KEY = "yaml.duplicate-key", Error, "a key appears twice in one mapping";
    YAML_LIMIT = "yaml.limit", Error, "a document is nested too deeply or expands too far through aliases";
    FRONT_MATTER_UNCLOSED = "front-matter.unclosed", Error, "Markdown front matter has no closing `---`";
    DOCUMENT_EMPTY = "document.empty", Warning, "a YAML file holds no document";
    DOCUMENT_NOT_MAPPING = "document.not-mapping", Error, "a document is not a mapping of keys to values";
    DOCUMENT_MISSING_KIND = "document.missing-kind", Error, "a YAML document has no `kind` key";
    DOCUMENT_UNKNOWN_KIND = "document.unknown-kind", Error, "a document's `kind` is not one planbook knows";
    SCHEMA_UNKNOWN_FIELD = "schema.unknown-field", Error, "a key that the document's schema does not allow";
    SCHEMA_MISSING_FIELD = "schema.missing-field", Error, "a required key is missing";
    SCHEMA_TYPE = "schema.type", Error, "a value has the wrong type";
    SCHEMA_VALUE = "schema.value", Error, "a value is not one of the allowed values or has the wrong form";
    SCHEMA_INVALID = "schema.invalid", Error, "a document does not match its schema";
    BUDGET_ITEM_FORM = "budget.item-form", Error, "a breakdown item has neither an `amount` nor a `quantity` and `unit_price`";
    CONFIG_UNKNOWN_RULE = "config.unknown-rule", Warning, "`rules` in planbook.yaml names a rule that does not exist";
    CONFIG_BAD_GLOB = "config.bad-glob", Error, "an `exclude` pattern in planbook.yaml is not a valid glob";
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
}
