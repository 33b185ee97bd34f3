//! A budget item's `allowance`: a table of `planbook.yaml` applied to the count (counties
//! covered) of each person in the item's posts on the budget period's last day, summed (100
//! phone and 50 travel for the first county, 50 more for each more).

use rust_decimal::Decimal;

use crate::compute::{Computed, Step, apply, table};
use crate::index::Index;
use crate::model::budget::{Budget, Item, Line};
use crate::model::money::exact::{self, OutOfRange};
use crate::model::roster::Person;

/// The people an allowance item counts: on a roster of the budget's unit (or a sub-unit),
/// employed on the period's last day, and holding the item's `post` or one of its `posts` that
/// day, in roster order.
pub fn people<'a>(ix: &Index<'a>, budget: &Budget, item: &Item) -> Vec<&'a Person> {
    let day = budget.period.value.as_of();
    let posts: Vec<&str> = item.post.iter().chain(&item.posts).map(|p| p.value.as_str()).collect();
    let mut out: Vec<&Person> = Vec::new();
    for roster in ix.rosters_of(budget.unit.value.as_str()) {
        for person in &roster.value.people {
            if person.employed_on(day)
                && posts.contains(&person.on(day).post.value.as_str())
                && !out.iter().any(|p| p.id.value == person.id.value)
            {
                out.push(person);
            }
        }
    }
    out
}

/// What an allowance item comes to: the table's value for each person's count, summed (a
/// person the roster gives no count counts 0). `None` when the item has no `allowance` or
/// names a table `planbook.yaml` lacks.
pub fn of(ix: &Index, budget: &Budget, item: &Item) -> Option<Result<Computed, OutOfRange>> {
    let table = table(&ix.ws.config, item.allowance.as_ref()?.value.as_str())?;
    let day = budget.period.value.as_of();
    let run = || {
        let mut steps = Vec::new();
        let mut total = Decimal::ZERO;
        for person in people(ix, budget, item) {
            let count = person.on(day).counties.map(|c| c.value);
            let value = apply(table, Decimal::from(count.unwrap_or(0)))?.value;
            total = exact::add(total, value)?;
            let (id, name) = (person.id.value.0.clone(), person.name.clone());
            steps.push(Step::Person { id, name, count, value });
        }
        Ok(Computed { value: total, steps })
    };
    Some(run())
}

/// An item's cost: what it writes (`quantity × unit_price` or `amount`), else what its
/// allowance computes; `Ok(None)` when it has none of these.
pub fn item_cost(ix: &Index, budget: &Budget, item: &Item) -> Result<Option<Decimal>, OutOfRange> {
    match item.cost()? {
        Some(cost) => Ok(Some(cost)),
        None => of(ix, budget, item).transpose().map(|c| c.map(|c| c.value)),
    }
}

/// [`Line::breakdown_total`] with an allowance item that writes no figure costed at what it
/// computes.
pub fn breakdown_total(
    ix: &Index,
    budget: &Budget,
    line: &Line,
) -> Result<Option<Decimal>, OutOfRange> {
    if line.breakdown.is_empty() {
        return Ok(None);
    }
    let mut sum = Decimal::ZERO;
    for item in &line.breakdown {
        let Some(cost) = item_cost(ix, budget, item)? else { return Ok(None) };
        sum = exact::add(sum, cost)?;
    }
    Ok(Some(sum))
}
