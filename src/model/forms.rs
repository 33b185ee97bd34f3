//! The written forms of text values (periods, dates, durations, currency codes, ids): the
//! pattern each schema enforces, and how a message names the form and helps to write it.
//!
//! The schemas take their patterns from here and `schema::check` finds a failed pattern's
//! form by looking the pattern up, so a form and its explanation cannot drift apart.

/// One written form.
#[derive(Debug)]
pub struct Form {
    /// The JSON Schema `pattern`.
    pub pattern: &'static str,
    /// What a value of this form is, as a message says it: "a period".
    pub what: &'static str,
    /// How to write one.
    pub help: &'static str,
}

/// A month, quarter or year.
pub const PERIOD: Form = Form {
    pattern: "^[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$",
    what: "a period",
    help: "write a month (`2026-12`), a quarter (`2026-Q1`) or a year (`2026`)",
};

/// A calendar date.
pub const DATE: Form = Form {
    pattern: "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
    what: "a date",
    help: "write a date as `YYYY-MM-DD`, e.g. `2026-12-01`",
};

/// A number of days or weeks.
pub const DURATION: Form = Form {
    pattern: "^[1-9][0-9]*[dw]$",
    what: "a duration",
    help: "write a number of days or weeks, e.g. `10d` or `2w`",
};

/// An ISO 4217 currency code.
pub const CURRENCY: Form = Form {
    pattern: "^[A-Z]{3}$",
    what: "a currency code",
    help: "write a three-letter ISO 4217 code such as `CNY`",
};

/// An identifier: no white space, slashes, control characters, or the invisible and
/// direction-changing format characters ([`forbidden_in_id`] says the same in code).
pub const ID: Form = Form {
    pattern: concat!(
        "^[^\\s/\\\\",
        "\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2069\\ufeff",
        "]+$"
    ),
    what: "a valid id",
    help: "ids may not contain spaces, slashes or invisible characters; use e.g. \
           `regional-manager`",
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

/// Every form, for lookups.
pub const ALL: [&Form; 5] = [&PERIOD, &DATE, &DURATION, &CURRENCY, &ID];

/// The form whose schema pattern is exactly `pattern`.
pub fn of_pattern(pattern: &str) -> Option<&'static Form> {
    ALL.into_iter().find(|f| f.pattern == pattern)
}
