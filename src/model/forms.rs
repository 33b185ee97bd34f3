//! The written forms of text values (periods, dates, durations, currency codes, ids): the
//! pattern each schema enforces, and how a message names the form and helps to write it.
//!
//! The schemas take their patterns from here and `schema::check` finds a failed pattern's
//! form by looking the pattern up, so a form and its explanation cannot drift apart. The
//! explanations are catalogue messages (`locales/*/schema.ftl`), named here by id.

/// One written form.
#[derive(Debug)]
pub struct Form {
    /// The JSON Schema `pattern`.
    pub pattern: &'static str,
    /// The catalogue id of what a value of this form is, as a message says it: "a period".
    pub what: &'static str,
    /// The catalogue id of how to write one.
    pub help: &'static str,
}

/// A month, quarter or year.
pub const PERIOD: Form = Form {
    pattern: "^[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$",
    what: "schema-form-period",
    help: "schema-form-period-help",
};

/// A calendar date.
pub const DATE: Form = Form {
    pattern: "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
    what: "schema-form-date",
    help: "schema-form-date-help",
};

/// A number of days or weeks, at most `Duration::MAX_DAYS` (36,500 days, 5,214 weeks), so
/// that every too-long duration of a document is reported by the schema, not just the first.
pub const DURATION: Form = Form {
    pattern: concat!(
        "^(([1-9][0-9]{0,3}|[12][0-9]{4}|3[0-5][0-9]{3}|36[0-4][0-9]{2}|36500)d",
        "|([1-9][0-9]{0,2}|[1-4][0-9]{3}|5[01][0-9]{2}|520[0-9]|521[0-4])w)$"
    ),
    what: "schema-form-duration",
    help: "schema-form-duration-help",
};

/// An ISO 4217 currency code.
pub const CURRENCY: Form =
    Form { pattern: "^[A-Z]{3}$", what: "schema-form-currency", help: "schema-form-currency-help" };

/// An identifier: no white space, slashes, control characters, or the invisible and
/// direction-changing format characters ([`forbidden_in_id`] says the same in code).
pub const ID: Form = Form {
    pattern: concat!(
        "^[^\\s/\\\\",
        "\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2069\\ufeff",
        "]+$"
    ),
    what: "schema-form-id",
    help: "schema-form-id-help",
};

/// Whether `c` may not appear in an id: the characters [`ID`]'s pattern excludes.
pub fn forbidden_in_id(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '/' | '\\'
                | '\u{061c}'
                | '\u{200b}'..='\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2060}'..='\u{2069}'
                | '\u{feff}'
        )
}

/// A schema description in English and Chinese, from catalogue message `id`, with the
/// type's `name` after it: what editors show on hover, including what `planbook check` refuses
/// that a pattern cannot say.
pub fn described(id: &'static str, name: &str) -> String {
    use crate::i18n::{Locale, t};
    format!("{} / {} ({name})", t(Locale::En, id), t(Locale::ZhCn, id))
}

/// Every form, for lookups.
pub const ALL: [&Form; 5] = [&PERIOD, &DATE, &DURATION, &CURRENCY, &ID];

/// The form whose schema pattern is exactly `pattern`.
pub fn of_pattern(pattern: &str) -> Option<&'static Form> {
    ALL.into_iter().find(|f| f.pattern == pattern)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::period::Duration;

    /// The duration pattern accepts exactly what `Duration` parses.
    #[test]
    fn the_duration_pattern_matches_the_parser() {
        let schema = serde_json::json!({ "type": "string", "pattern": DURATION.pattern });
        let validator = jsonschema::validator_for(&schema).unwrap();
        for n in (0..=40_000).chain([99_999, 613_566_757]) {
            for unit in ["d", "w"] {
                let text = format!("{n}{unit}");
                let by_pattern = validator.is_valid(&serde_json::json!(text));
                assert_eq!(by_pattern, text.parse::<Duration>().is_ok(), "{text}");
            }
        }
        assert!(!validator.is_valid(&serde_json::json!("010d")));
    }
}
