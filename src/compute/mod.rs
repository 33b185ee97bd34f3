//! Figures planbook computes from rules the data states: tables of `planbook.yaml` applied to
//! inputs (`tally` actuals, `allowance` budget items) and scorecard components scored from
//! attainment (`scale`). Each result carries its working, so `validate` can explain a
//! mismatch and `rollup`/`render` can show how the figure was reached, the way a breakdown
//! explains a budget line.
//!
//! Pure functions of the model and the [`Index`](crate::index::Index); `validate`, `rollup`
//! and `render` all read the same results.

pub mod allowance;
pub mod scale;
pub mod tally;

use rust_decimal::Decimal;

use crate::i18n::{Arg, Msg, msg};
use crate::model::config::{Config, Table};
use crate::model::money::exact::{self, OutOfRange};

/// A figure computed from a rule of the data, with its working.
#[derive(Debug, Clone, PartialEq)]
pub struct Computed {
    /// The figure.
    pub value: Decimal,
    /// How it was reached, one step per input (or one for a score).
    pub steps: Vec<Step>,
}

/// One step of a computation, as data; [`Computed::working`] puts the steps into words.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// A table applied to one input of a tally.
    Input(Applied),
    /// A table applied to one person's count (the counties they cover); `count` is `None`
    /// when the roster gives none, which counts as 0.
    Person {
        /// The person's id.
        id: String,
        /// Their name.
        name: String,
        /// Their count on the day.
        count: Option<u32>,
        /// What the table gives for it.
        value: Decimal,
    },
    /// Points from attainment: see [`scale::Working`].
    Scale(scale::Working),
}

impl Computed {
    /// The working in words: `3 values: 120 → 2, 45 → 1, 310 → 4; total 7`.
    pub fn working(&self) -> Msg {
        let total = plain(self.value);
        let inputs: Vec<String> = self
            .steps
            .iter()
            .filter_map(|s| match s {
                Step::Input(a) => Some(format!("{} → {}", plain(a.input), plain(a.value))),
                _ => None,
            })
            .collect();
        if let Some(Step::Scale(w)) = self.steps.first() {
            return w.words(self.value);
        }
        if self.steps.iter().all(|s| matches!(s, Step::Input(_))) {
            return msg!(
                "computed-tally-working",
                count = inputs.len(),
                steps = Arg::List(inputs),
                total = total
            );
        }
        let people: Vec<Msg> = self
            .steps
            .iter()
            .filter_map(|s| match s {
                Step::Person { id, name, count: Some(n), value } => Some(msg!(
                    "computed-person",
                    id = id.as_str(),
                    name = name.as_str(),
                    count = *n,
                    value = plain(*value)
                )),
                Step::Person { id, name, count: None, .. } => {
                    Some(msg!("computed-person-no-count", id = id.as_str(), name = name.as_str()))
                }
                _ => None,
            })
            .collect();
        msg!("computed-allowance-working", steps = join(people), total = total)
    }
}

/// Messages one after the other, separated as the language separates clauses (`; `, `；`).
pub fn join(mut items: Vec<Msg>) -> Msg {
    let Some(last) = items.pop() else { return msg!("computed-nothing") };
    items.into_iter().rev().fold(last, |tail, head| msg!("computed-join", head = head, tail = tail))
}

/// A figure written plainly, as YAML would take it back: `4400`, `12.5`, no grouping.
pub fn plain(value: Decimal) -> String {
    value.normalize().to_string()
}

/// The table `id` of `planbook.yaml` (the first of that id).
pub fn table<'a>(config: &'a Config, id: &str) -> Option<&'a Table> {
    config.tables.iter().find(|t| t.id.value.as_str() == id)
}

/// What a table gives for one input, and which step gave it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Applied {
    /// The input.
    pub input: Decimal,
    /// What the table gives for it.
    pub value: Decimal,
    /// The tier that applied (its position in `tiers`), for a tiered table; `None` below the
    /// first tier or for a per-count table.
    pub tier: Option<usize>,
}

/// Applies `table` to `input`.
///
/// A tiered table gives the `value` of the last tier whose `from` is at or below the input
/// (tiers are taken in rising order of `from`, whatever order they are written in), and 0
/// below the first. A per-count table gives 0 for a count of 0, `first` for 1, and `first`
/// plus `each_more` for each one after. A table with neither form gives 0
/// (`validate` reports it).
pub fn apply(table: &Table, input: Decimal) -> Result<Applied, OutOfRange> {
    if !table.tiers.is_empty() {
        let mut order: Vec<usize> = (0..table.tiers.len()).collect();
        order.sort_by_key(|&i| table.tiers.get(i).map(|t| t.from.value.0));
        let tier = order
            .into_iter()
            .rfind(|&i| table.tiers.get(i).is_some_and(|t| t.from.value.0 <= input));
        let value =
            tier.and_then(|i| table.tiers.get(i)).map_or(Decimal::ZERO, |t| t.value.value.0);
        return Ok(Applied { input, value, tier });
    }
    let first = table.first.as_ref().map_or(Decimal::ZERO, |f| f.value.0);
    let each = table.each_more.as_ref().map_or(Decimal::ZERO, |e| e.value.0);
    let value = if input <= Decimal::ZERO {
        Decimal::ZERO
    } else {
        exact::add(first, exact::mul(exact::sub(input, Decimal::ONE)?, each)?)?
    };
    Ok(Applied { input, value, tier: None })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::config::Tier;
    use crate::model::ids::TableId;
    use crate::model::money::Figure;
    use crate::source::{FileId, Span, Spanned};

    fn at<T>(value: T) -> Spanned<T> {
        Spanned { value, span: Span::new(FileId(0), 0, 0) }
    }
    fn fig(n: i64) -> Spanned<Figure> {
        at(Figure(Decimal::from(n)))
    }
    fn table(tiers: &[(i64, i64)], first: Option<i64>, each: Option<i64>) -> Table {
        Table {
            id: at(TableId("t".into())),
            name: "t".into(),
            unit: None,
            tiers: tiers.iter().map(|&(f, v)| Tier { from: fig(f), value: fig(v) }).collect(),
            first: first.map(fig),
            each_more: each.map(fig),
            note: None,
        }
    }

    #[test]
    fn the_key_store_rule_steps_at_each_threshold() {
        // Written out of order on purpose: tiers apply by `from`.
        let t = table(&[(100, 2), (30, 1), (300, 4), (200, 3)], None, None);
        let v = |n: i64| apply(&t, Decimal::from(n)).unwrap().value;
        assert_eq!(v(29), Decimal::ZERO);
        assert_eq!(v(30), Decimal::from(1));
        assert_eq!(v(99), Decimal::from(1));
        assert_eq!(v(100), Decimal::from(2));
        assert_eq!(v(250), Decimal::from(3));
        assert_eq!(v(5000), Decimal::from(4));
    }

    #[test]
    fn an_allowance_pays_the_first_county_and_each_more() {
        let t = table(&[], Some(100), Some(50));
        let v = |n: i64| apply(&t, Decimal::from(n)).unwrap().value;
        assert_eq!(v(0), Decimal::ZERO);
        assert_eq!(v(1), Decimal::from(100));
        assert_eq!(v(3), Decimal::from(200));
    }
}
