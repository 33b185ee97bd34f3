//! The handbook's interface language: the UI strings (English and Simplified Chinese)
//! that templates read as `t.<key>` and views through `Site::t`, and locale-aware formatting of
//! numbers, money, percentages, dates and periods.
//!
//! The words are messages of the catalogue (`locales/*/handbook.ftl`): the labels, whose ids
//! are the keys templates read, and `handbook-*` messages that views fill with arguments.
//! Diagnostics (`diag`) and change history (`render::history`) bring their own messages.
//!
//! `view` formats every figure through [`Fmt`] before a template sees it, so templates never
//! do arithmetic or number formatting, and money stays an exact decimal until it is text.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::i18n::{self as catalogue, msg};
use crate::model::config::Locale;
use crate::model::money::grouped;
use crate::model::period::{Date, Period};

/// Messages of `handbook.ftl` whose ids start with this are used from code (with arguments);
/// the others are the labels templates read as `t.<id>`.
const CODE_PREFIX: &str = "handbook-";

/// The UI strings of `locale`, keyed by message id: every argument-less label of
/// `locales/*/handbook.ftl`, and the search page's result counts (`search_found_one`, and
/// `search_found_other` with `{count}` where the number goes, which the script fills in).
pub fn strings(locale: Locale) -> BTreeMap<&'static str, String> {
    let mut map: BTreeMap<&'static str, String> = catalogue::ids_of("handbook.ftl")
        .into_iter()
        .filter(|id| !id.starts_with(CODE_PREFIX))
        .map(|id| (id, catalogue::lookup(locale, id).unwrap_or_default()))
        .collect();
    map.insert("search_found_one", msg!("handbook-search-found", count = 1usize).text(locale));
    let other = msg!("handbook-search-found", count = "{count}").text(locale);
    map.insert("search_found_other", other);
    map
}

/// The value of the HTML `lang` attribute for `locale`.
pub fn lang(locale: Locale) -> &'static str {
    match locale {
        Locale::En => "en",
        Locale::ZhCn => "zh-CN",
    }
}

/// Formats figures for one locale.
#[derive(Debug, Clone, Copy)]
pub struct Fmt {
    /// The locale.
    pub locale: Locale,
}

impl Fmt {
    /// A number with thousands separators, every digit kept: `122,900`, `1,350.50`.
    pub fn number(self, value: Decimal) -> String {
        grouped(value)
    }

    /// An optional number; empty text when there is none.
    pub fn opt(self, value: Option<Decimal>) -> String {
        value.map(|v| self.number(v)).unwrap_or_default()
    }

    /// A percentage: `95.3%`.
    pub fn percent(self, value: Decimal) -> String {
        format!("{}%", grouped(value.normalize()))
    }

    /// A calendar day: `1 Dec 2026` or `2026年12月1日`.
    ///
    /// # Examples
    ///
    /// ```
    /// use planbook::model::config::Locale;
    /// use planbook::render::i18n::Fmt;
    /// let day = "2026-12-01".parse().unwrap();
    /// assert_eq!(Fmt { locale: Locale::En }.date(day), "1 Dec 2026");
    /// assert_eq!(Fmt { locale: Locale::ZhCn }.date(day), "2026年12月1日");
    /// ```
    pub fn date(self, d: Date) -> String {
        let (year, month, day) = (d.year.to_string(), u32::from(d.month), u32::from(d.day));
        msg!("handbook-date", year = year, month = month, day = day).text(self.locale)
    }

    /// A period: `Dec 2026`, `Q1 2026`, `2026` or `2026年12月`, `2026年第1季度`, `2026年`.
    pub fn period(self, p: Period) -> String {
        p.text(self.locale)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_reads_in_both_languages() {
        let (en, zh) = (strings(Locale::En), strings(Locale::ZhCn));
        assert_eq!(en.keys().collect::<Vec<_>>(), zh.keys().collect::<Vec<_>>());
        for (key, text) in &zh {
            assert!(!text.is_empty() && !en[key].is_empty(), "{key} lacks a translation");
            assert!(!text.contains("{$"), "{key} needs arguments: {text}");
        }
        assert_eq!(en["search_found_other"], "{count} results");
        assert_eq!(zh["search_found_other"], "找到 {count} 个结果");
        assert_eq!(en["search_found_one"], "1 result");
    }

    #[test]
    fn every_string_the_builtin_templates_read_is_in_the_table() {
        let table = strings(Locale::ZhCn);
        let keys: std::collections::HashSet<&str> = table.keys().copied().collect();
        for (name, source) in crate::render::templates::BUILTIN {
            for (at, _) in source.match_indices("t.") {
                let before = source[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
                    continue;
                }
                let key: String = source[at + 2..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                assert!(key.is_empty() || keys.contains(key.as_str()), "{name}: t.{key}");
            }
        }
    }

    #[test]
    fn periods_and_money_follow_the_locale() {
        let zh = Fmt { locale: Locale::ZhCn };
        let en = Fmt { locale: Locale::En };
        assert_eq!(zh.period(Period::Quarter(2027, 1)), "2027年第1季度");
        assert_eq!(en.period(Period::Month(2026, 12)), "Dec 2026");
        assert_eq!(en.number(Decimal::new(12345678901, 2)), "123,456,789.01");
        assert_eq!(en.percent(Decimal::new(9530, 2)), "95.3%");
        assert_eq!(en.period(Period::Quarter(2027, 1)), "Q1 2027");
        assert_eq!(en.period(Period::Year(2027)), "2027");
        assert_eq!(zh.period(Period::Month(2026, 2)), "2026年2月");
    }
}
