//! `kind: budget`: a unit's budget for one period, with lines, breakdowns, caps and declared
//! totals that act as assertions.

use std::collections::HashSet;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::config::Currency;
use crate::model::ids::{LineId, PostId, SectionId, TableId, UnitId};
use crate::model::money::{Figure, Money};
use crate::model::period::Period;
use rust_decimal::Decimal;

use crate::model::money::exact::{self, OutOfRange};
use crate::source::Spanned;

/// A budget for one unit and period.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "planbook budget")]
pub struct Budget {
    /// Always `budget`.
    #[schemars(extend("const" = "budget"))]
    pub kind: String,
    /// The unit the budget is for.
    pub unit: Spanned<UnitId>,
    /// The period it covers.
    pub period: Spanned<Period>,
    /// A heading for the budget page.
    #[serde(default)]
    pub title: Option<String>,
    /// The currency of every amount; defaults to `currency` in `planbook.yaml`.
    #[serde(default)]
    pub currency: Option<Spanned<Currency>>,
    /// Keep this document out of the published handbook.
    #[serde(default)]
    pub private: bool,
    /// Sections that group lines, each with an optional declared subtotal.
    #[serde(default)]
    pub sections: Vec<Section>,
    /// The budget lines.
    #[serde(default)]
    pub lines: Vec<Line>,
    /// Caps: on the whole budget, or on a group of lines or categories.
    #[serde(default)]
    pub limits: Vec<Limit>,
    /// The declared grand total; `planbook check` verifies it against the lines.
    #[serde(default)]
    pub total: Option<Spanned<Money>>,
    /// Anything else worth knowing.
    #[serde(default)]
    pub note: Option<String>,
}

/// A section of a budget, such as operating costs or allocations from head office.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// The section's id, referred to by lines.
    pub id: Spanned<SectionId>,
    /// The display name.
    pub name: String,
    /// The declared subtotal of the section's lines.
    #[serde(default)]
    pub subtotal: Option<Spanned<Money>>,
}

/// One line of a budget.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Line {
    /// The line's id, unique within the budget.
    pub id: Spanned<LineId>,
    /// The display name.
    pub name: String,
    /// A category for rollups: `personnel`, `office`, `travel`...
    #[serde(default)]
    pub category: Option<Spanned<String>>,
    /// The section the line belongs to.
    #[serde(default)]
    pub section: Option<Spanned<SectionId>>,
    /// The budgeted amount; leave it out for a line that is planned but not funded.
    #[serde(default)]
    pub amount: Option<Spanned<Money>>,
    /// The line's currency, when it differs from the budget's.
    #[serde(default)]
    pub currency: Option<Spanned<Currency>>,
    /// How the amount is made up.
    #[serde(default)]
    pub breakdown: Vec<Item>,
    /// Anything else worth knowing (conditions, savings targets).
    #[serde(default)]
    pub note: Option<String>,
}

/// One item of a line's breakdown: `quantity × unit_price`, or a fixed `amount`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// What the item is.
    pub name: String,
    /// How many (people, phones, trips).
    #[serde(default)]
    pub quantity: Option<Spanned<Figure>>,
    /// The price of one.
    #[serde(default)]
    pub unit_price: Option<Spanned<Money>>,
    /// A fixed amount, for items that are not a quantity times a price.
    #[serde(default)]
    pub amount: Option<Spanned<Money>>,
    /// The roster post the quantity counts, so it can be checked against the establishment.
    #[serde(default)]
    pub post: Option<Spanned<PostId>>,
    /// Several roster posts the quantity counts together (`行政900×3` covers three clerks'
    /// posts): checked against the sum of their establishments.
    #[serde(default)]
    pub posts: Vec<Spanned<PostId>>,
    /// Computes the amount per person from a table in `planbook.yaml` and each person's
    /// count (the counties they cover), over the people in `post` or `posts` in the
    /// budget's period.
    #[serde(default)]
    pub allowance: Option<Spanned<TableId>>,
    /// Anything else worth knowing.
    #[serde(default)]
    pub note: Option<String>,
}

/// A cap on spending.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Limit {
    /// The cap's id.
    pub id: Spanned<String>,
    /// The display name (`人员类费用`).
    pub name: String,
    /// The most that may be budgeted.
    pub max: Spanned<Money>,
    /// The lines the cap covers; with neither `lines` nor `categories`, the whole budget.
    #[serde(default)]
    pub lines: Vec<Spanned<LineId>>,
    /// The categories the cap covers.
    #[serde(default)]
    pub categories: Vec<Spanned<String>>,
    /// Anything else worth knowing.
    #[serde(default)]
    pub note: Option<String>,
}

impl Item {
    /// The item's cost: `quantity × unit_price`, or its fixed `amount`. `Ok(None)` when it has
    /// neither (reported by `budget.item-form`); an error when the product is beyond exact range.
    pub fn cost(&self) -> Result<Option<Decimal>, OutOfRange> {
        match (&self.quantity, &self.unit_price, &self.amount) {
            (Some(q), Some(p), _) => exact::mul(q.value.0, p.value.0).map(Some),
            (_, _, Some(a)) => Ok(Some(a.value.0)),
            _ => Ok(None),
        }
    }
}

impl Line {
    /// The budgeted amount, zero when the line has none.
    pub fn amount_or_zero(&self) -> Decimal {
        self.amount.as_ref().map_or(Decimal::ZERO, |a| a.value.0)
    }

    /// The sum of the breakdown items; `Ok(None)` when there are none, or when an item has no
    /// cost (reported by `budget.item-form`), which leaves the sum unknown.
    pub fn breakdown_total(&self) -> Result<Option<Decimal>, OutOfRange> {
        if self.breakdown.is_empty() {
            return Ok(None);
        }
        let mut sum = Decimal::ZERO;
        for item in &self.breakdown {
            let Some(cost) = item.cost()? else { return Ok(None) };
            sum = exact::add(sum, cost)?;
        }
        Ok(Some(sum))
    }
}

impl Budget {
    /// The sum of every line's amount.
    pub fn computed_total(&self) -> Result<Decimal, OutOfRange> {
        exact::sum(self.lines.iter().map(Line::amount_or_zero))
    }

    /// The sum of the lines in section `section`.
    pub fn section_total(&self, section: &str) -> Result<Decimal, OutOfRange> {
        exact::sum(
            self.lines
                .iter()
                .filter(|l| l.section.as_ref().is_some_and(|s| s.value.as_str() == section))
                .map(Line::amount_or_zero),
        )
    }

    /// The sum of the lines a limit covers.
    pub fn used_under(&self, limit: &Limit) -> Result<Decimal, OutOfRange> {
        exact::sum(self.lines_under(limit).map(Line::amount_or_zero))
    }

    /// The lines a limit covers: listed lines, lines of listed categories, or all.
    pub fn lines_under<'a>(&'a self, limit: &'a Limit) -> impl Iterator<Item = &'a Line> + 'a {
        let all = limit.lines.is_empty() && limit.categories.is_empty();
        // Sets, so a cap listing every line of a long budget stays linear.
        let lines: HashSet<&str> = limit.lines.iter().map(|l| l.value.as_str()).collect();
        let categories: HashSet<&str> = limit.categories.iter().map(|k| k.value.as_str()).collect();
        self.lines.iter().filter(move |line| {
            all || lines.contains(line.id.value.as_str())
                || line.category.as_ref().is_some_and(|c| categories.contains(c.value.as_str()))
        })
    }
}

impl Item {
    /// Where the item is written: its quantity, price or amount, else the line's id.
    pub fn name_span(&self, line: &Line) -> crate::source::Span {
        [&self.quantity.as_ref().map(|q| q.span), &self.amount.as_ref().map(|a| a.span)]
            .into_iter()
            .flatten()
            .next()
            .copied()
            .unwrap_or(line.id.span)
    }
}
