//! Rollups: the figures derived from the documents, as report structs.
//!
//! Each `rollup::<what>(&Index, &Options) -> <What>Report` returns rows and totals in exact
//! decimals and never formats them: `cli` prints reports as tables, CSV, JSON, Markdown or
//! spreadsheets, and the handbook renders the same structs.

pub mod areas;
pub mod attainment;
pub mod budget;
pub mod consolidate;
pub mod headcount;
mod regions;
pub mod scores;
pub mod trends;
pub mod year_to_date;

use rust_decimal::Decimal;

use crate::index::Index;
use crate::model::period::Period;

pub use areas::AreasReport;
pub use attainment::AttainmentReport;
pub use budget::BudgetReport;
pub use headcount::HeadcountReport;
pub use scores::ScoresReport;
pub use trends::TrendsReport;

/// Which documents a rollup covers.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Only this unit and the units below it.
    pub unit: Option<String>,
    /// Only documents whose period lies within this one (`2026` selects its months too).
    pub period: Option<Period>,
}

impl Options {
    /// Whether a document of `unit` for `period` is selected.
    pub fn selects(&self, index: &Index, unit: &str, period: Option<Period>) -> bool {
        let unit_ok = self.unit.as_deref().is_none_or(|u| u == unit || index.is_within(unit, u));
        let period_ok = match (self.period, period) {
            (Some(wanted), Some(p)) => p.within(wanted),
            _ => true,
        };
        unit_ok && period_ok
    }
}

/// `part` as a percentage of `whole`, to one decimal place (more when one place would make a
/// figure short of or past 100 % read as 100 %); `None` when `whole` is zero.
pub fn percent(part: Decimal, whole: Decimal) -> Option<Decimal> {
    if whole.is_zero() {
        return None;
    }
    let exact = part.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(whole)?;
    // A figure short of (or past) 100 % never reads as exactly 100 %: 99.97 % stays 99.97 %.
    let mut places = 1;
    let mut rounded = exact.round_dp(places);
    while rounded == Decimal::ONE_HUNDRED && exact != Decimal::ONE_HUNDRED && places < 4 {
        places += 1;
        rounded = exact.round_dp(places);
    }
    Some(rounded)
}

/// The unit's display name from planbook.yaml, or its id.
pub fn unit_name(index: &Index, unit: &str) -> String {
    index.units.get(unit).map_or_else(|| unit.to_string(), |u| u.name.clone())
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use super::percent;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn a_percentage_short_of_or_past_a_hundred_never_reads_as_a_hundred() {
        assert_eq!(percent(d("7420"), d("10000")), Some(d("74.2")));
        assert_eq!(percent(d("99.87"), d("99.9")), Some(d("99.97")));
        assert_eq!(percent(d("100.01"), d("100")), Some(d("100.01")));
        assert_eq!(percent(d("300"), d("300")), Some(d("100.0")));
        assert_eq!(percent(d("1"), d("0")), None);
    }
}
