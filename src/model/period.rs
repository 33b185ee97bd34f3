//! Calendar values: [`Period`] (a month, quarter or year), [`Date`] and [`Duration`].

use std::fmt;
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserialize, Deserializer, Visitor};

/// The span of time a document covers: `2026-12`, `2026-Q1` or `2026`.
///
/// Periods order by their first day, and a longer period before a shorter one that starts on
/// the same day: `2026`, `2026-Q1`, `2026-01`, `2026-02`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    /// A calendar year.
    Year(i32),
    /// A quarter, 1 to 4.
    Quarter(i32, u8),
    /// A month, 1 to 12.
    Month(i32, u8),
}

impl Ord for Period {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        let (a_start, a_end) = self.bounds();
        let (b_start, b_end) = other.bounds();
        a_start.cmp(&b_start).then(b_end.cmp(&a_end))
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Period {
    /// The first and last day of the period.
    pub fn bounds(self) -> (Date, Date) {
        let (year, first, last) = match self {
            Period::Year(y) => (y, 1, 12),
            Period::Quarter(y, q) => (y, q * 3 - 2, q * 3),
            Period::Month(y, m) => (y, m, m),
        };
        (Date { year, month: first, day: 1 }, Date { year, month: last, day: days_in(year, last) })
    }

    /// Whether `date` falls within the period.
    pub fn contains(self, date: Date) -> bool {
        let (start, end) = self.bounds();
        start <= date && date <= end
    }

    /// Whether this period lies within `outer` (`2026-12` within `2026-Q4` and `2026`).
    pub fn within(self, outer: Period) -> bool {
        let (a, b) = self.bounds();
        let (c, d) = outer.bounds();
        c <= a && b <= d
    }

    /// The period before this one, of the same length: the previous month, quarter or year.
    pub fn previous(self) -> Period {
        match self {
            Period::Month(y, 1) => Period::Month(y - 1, 12),
            Period::Month(y, m) => Period::Month(y, m - 1),
            Period::Quarter(y, 1) => Period::Quarter(y - 1, 4),
            Period::Quarter(y, q) => Period::Quarter(y, q - 1),
            Period::Year(y) => Period::Year(y - 1),
        }
    }
}

/// Parses `2026`, `2026-Q1` or `2026-12`.
///
/// # Examples
///
/// ```
/// use planbook::model::period::Period;
/// assert_eq!("2026-12".parse::<Period>().unwrap(), Period::Month(2026, 12));
/// assert_eq!("2026-Q1".parse::<Period>().unwrap(), Period::Quarter(2026, 1));
/// assert_eq!("2026".parse::<Period>().unwrap(), Period::Year(2026));
/// assert!("2026-13".parse::<Period>().is_err());
/// ```
impl FromStr for Period {
    type Err = String;
    fn from_str(text: &str) -> Result<Period, String> {
        let err =
            || format!("expected a period such as `2026-12`, `2026-Q1` or `2026`, found `{text}`");
        let (year, rest) = text.split_once('-').map_or((text, None), |(y, r)| (y, Some(r)));
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err());
        }
        let year: i32 = year.parse().map_err(|_| err())?;
        match rest {
            None => Ok(Period::Year(year)),
            Some(q) if q.len() == 2 && q.starts_with('Q') => match q.as_bytes()[1] {
                b @ b'1'..=b'4' => Ok(Period::Quarter(year, b - b'0')),
                _ => Err(err()),
            },
            Some(m) if m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()) => {
                let month: u8 = m.parse().map_err(|_| err())?;
                if (1..=12).contains(&month) { Ok(Period::Month(year, month)) } else { Err(err()) }
            }
            Some(_) => Err(err()),
        }
    }
}

impl Period {
    /// The period as a reader says it, like the handbook writes it: `Dec 2026`, `Q1 2026`,
    /// `2026` or `2026年12月`, `2026年第1季度`, `2026年` (`locales/*/period.ftl`).
    ///
    /// # Examples
    ///
    /// ```
    /// use planbook::i18n::Locale;
    /// use planbook::model::period::Period;
    /// assert_eq!(Period::Month(2026, 12).text(Locale::En), "Dec 2026");
    /// assert_eq!(Period::Quarter(2027, 1).text(Locale::ZhCn), "2027年第1季度");
    /// ```
    pub fn text(self, locale: crate::i18n::Locale) -> String {
        use crate::i18n::msg;
        // The year as text: a number argument would be grouped (`2,026`).
        let msg = match self {
            Period::Year(y) => msg!("period-year", year = y.to_string()),
            Period::Quarter(y, q) => msg!("period-quarter", year = y.to_string(), quarter = q),
            Period::Month(y, m) => msg!("period-month", year = y.to_string(), month = m),
        };
        msg.text(locale)
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Year(y) => write!(f, "{y}"),
            Period::Quarter(y, q) => write!(f, "{y}-Q{q}"),
            Period::Month(y, m) => write!(f, "{y}-{m:02}"),
        }
    }
}

fn days_in(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// A calendar day, written `2026-12-01`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of the month, from 1.
    pub day: u8,
}

impl Date {
    /// Days since 0000-03-01, for date arithmetic.
    pub fn day_number(self) -> i64 {
        let (y, m) = if self.month <= 2 {
            (self.year as i64 - 1, self.month as i64 + 9)
        } else {
            (self.year as i64, self.month as i64 - 3)
        };
        365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + self.day as i64 - 1
    }

    /// The date `days` days later.
    pub fn add_days(self, days: i64) -> Date {
        let mut n = self.day_number() + days;
        let y400 = n.div_euclid(146_097);
        n = n.rem_euclid(146_097);
        let yoe = (n - n / 1460 + n / 36_524 - n / 146_096) / 365;
        let doy = n - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (y400 * 400 + yoe + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }
}

/// Parses an ISO date.
///
/// # Examples
///
/// ```
/// use planbook::model::period::Date;
/// let d: Date = "2026-12-01".parse().unwrap();
/// assert_eq!(d.add_days(31).to_string(), "2027-01-01");
/// assert!("2026-02-30".parse::<Date>().is_err());
/// ```
impl FromStr for Date {
    type Err = String;
    fn from_str(text: &str) -> Result<Date, String> {
        let err = || format!("expected a date such as `2026-12-01`, found `{text}`");
        let parts: Vec<&str> = text.split('-').collect();
        let [y, m, d] = parts[..] else { return Err(err()) };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(err());
        }
        let year: i32 = y.parse().map_err(|_| err())?;
        let month: u8 = m.parse().map_err(|_| err())?;
        let day: u8 = d.parse().map_err(|_| err())?;
        if !(1..=12).contains(&month) || day == 0 || day > days_in(year, month) {
            return Err(err());
        }
        Ok(Date { year, month, day })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A length of time for a task: `10d` (days) or `2w` (weeks).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Duration {
    /// Length in days.
    pub days: u32,
}

impl Duration {
    /// The longest duration accepted, in days: no plan runs for longer than a century, and
    /// the bound keeps every date computed from a duration within the calendar.
    pub const MAX_DAYS: u32 = 36_500;
}

impl FromStr for Duration {
    type Err = String;
    fn from_str(text: &str) -> Result<Duration, String> {
        let err = || format!("expected a duration such as `10d` or `2w`, found `{text}`");
        let (number, factor) = match text.as_bytes().last() {
            Some(b'd') => (&text[..text.len() - 1], 1),
            Some(b'w') => (&text[..text.len() - 1], 7),
            _ => return Err(err()),
        };
        let n: u32 = number.parse().map_err(|_| err())?;
        if n == 0 {
            return Err(err());
        }
        match n.checked_mul(factor) {
            Some(days) if days <= Duration::MAX_DAYS => Ok(Duration { days }),
            _ => Err(format!(
                "the duration `{text}` is too long; planbook accepts at most {} days \
                 (about 100 years)",
                Duration::MAX_DAYS
            )),
        }
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.days.is_multiple_of(7) {
            write!(f, "{}w", self.days / 7)
        } else {
            write!(f, "{}d", self.days)
        }
    }
}

macro_rules! text_value {
    ($name:ident, $what:literal, $schema:tt) => {
        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct V;
                impl Visitor<'_> for V {
                    type Value = $name;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str($what)
                    }
                    fn visit_str<E: de::Error>(self, v: &str) -> Result<$name, E> {
                        v.parse().map_err(E::custom)
                    }
                    fn visit_u64<E: de::Error>(self, v: u64) -> Result<$name, E> {
                        v.to_string().parse().map_err(E::custom)
                    }
                }
                deserializer.deserialize_str(V)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!($schema)
            }
        }
    };
}

text_value!(Period, "a period such as `2026-12`, `2026-Q1` or `2026`", {
    "description": "A month (`2026-12`), a quarter (`2026-Q1`) or a year (`2026`).",
    "type": ["string", "integer"],
    "pattern": crate::model::forms::PERIOD.pattern,
    "minimum": 1000,
    "maximum": 9999
});
text_value!(Date, "a date such as `2026-12-01`", {
    "description": crate::model::forms::described("schema-doc-date", "Date"),
    "type": "string",
    "pattern": crate::model::forms::DATE.pattern
});
text_value!(Duration, "a duration such as `10d` or `2w`", {
    "description": "A length of time in days (`10d`) or weeks (`2w`).",
    "type": "string",
    "pattern": crate::model::forms::DURATION.pattern
});

impl Date {
    /// Today's date in UTC, from the system clock.
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Date { year: 1970, month: 1, day: 1 }.add_days((secs / 86_400) as i64)
    }

    /// The month that contains this day.
    pub fn month_period(self) -> Period {
        Period::Month(self.year, self.month)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn previous_periods_wrap() {
        assert_eq!(Period::Month(2026, 1).previous(), Period::Month(2025, 12));
        assert_eq!(Period::Month(2026, 12).previous(), Period::Month(2026, 11));
        assert_eq!(Period::Quarter(2027, 1).previous(), Period::Quarter(2026, 4));
        assert_eq!(Period::Year(2027).previous(), Period::Year(2026));
    }

    #[test]
    fn periods_lie_within_longer_ones() {
        assert!(Period::Month(2026, 12).within(Period::Year(2026)));
        assert!(Period::Month(2026, 12).within(Period::Quarter(2026, 4)));
        assert!(Period::Month(2026, 12).within(Period::Month(2026, 12)));
        assert!(!Period::Month(2026, 9).within(Period::Quarter(2026, 4)));
        assert!(!Period::Year(2026).within(Period::Month(2026, 12)));
    }
}
