//! A review's `tally` actual: a table of `planbook.yaml` applied to each input and summed
//! (each store's monthly retail converted to key stores).

use rust_decimal::Decimal;

use crate::compute::{Computed, Step, apply, table};
use crate::model::config::Config;
use crate::model::money::exact::{self, OutOfRange};
use crate::model::review::{Actual, Tally};

/// What `tally` gives: the sum of the table's value for each input. `None` when the table is
/// not in `planbook.yaml` (`document.unknown-table`).
pub fn of(config: &Config, tally: &Tally) -> Option<Result<Computed, OutOfRange>> {
    let table = table(config, tally.table.value.as_str())?;
    let run = || {
        let mut steps = Vec::with_capacity(tally.values.len());
        let mut total = Decimal::ZERO;
        for input in &tally.values {
            let applied = apply(table, input.value.0)?;
            total = exact::add(total, applied.value)?;
            steps.push(Step::Input(applied));
        }
        Ok(Computed { value: total, steps })
    };
    Some(run())
}

/// The value of an actual: what its tally gives when it has one, else the figure written.
/// `None` when neither is known (no figure written, or a tally over an unknown table). This
/// is the value rollups and pages use; `validate` reports a written figure that differs from
/// the tally (`review.tally-mismatch`).
pub fn actual_value(config: &Config, actual: &Actual) -> Option<Result<Computed, OutOfRange>> {
    if let Some(tally) = &actual.tally
        && let Some(computed) = of(config, tally)
    {
        return Some(computed);
    }
    actual.actual.as_ref().map(|a| Ok(Computed { value: a.value.0, steps: Vec::new() }))
}

/// The value of an actual as a plain figure, for rollups: [`actual_value`] with a figure
/// beyond exact range left out.
pub fn value(config: &Config, actual: &Actual) -> Option<Decimal> {
    actual_value(config, actual).and_then(Result::ok).map(|c| c.value)
}
