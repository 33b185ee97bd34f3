//! `kind: budget`: a unit's budget for one period, with lines, breakdowns, caps and declared
//! totals that act as assertions.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::config::Currency;
use crate::model::ids::{LineId, PostId, SectionId, UnitId};
use crate::model::money::{Figure, Money};
use crate::model::period::Period;
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
    /// The item's cost: `quantity × unit_price`, or its fixed `amount`.
    pub fn cost(&self) -> Option<rust_decimal::Decimal> {
        match (&self.quantity, &self.unit_price, &self.amount) {
            (Some(q), Some(p), _) => q.value.0.checked_mul(p.value.0),
            (_, _, Some(a)) => Some(a.value.0),
            _ => None,
        }
    }
}

impl Line {
    /// The budgeted amount, zero when the line has none.
    pub fn amount_or_zero(&self) -> rust_decimal::Decimal {
        self.amount.as_ref().map_or(rust_decimal::Decimal::ZERO, |a| a.value.0)
    }

    /// The sum of the breakdown items, when there are any.
    pub fn breakdown_total(&self) -> Option<rust_decimal::Decimal> {
        if self.breakdown.is_empty() {
            return None;
        }
        // An item without a cost (reported by `budget.item-form`) leaves the sum unknown.
        self.breakdown
            .iter()
            .try_fold(rust_decimal::Decimal::ZERO, |sum, item| sum.checked_add(item.cost()?))
    }
}

impl Budget {
    /// The sum of every line's amount.
    pub fn computed_total(&self) -> rust_decimal::Decimal {
        self.lines.iter().map(Line::amount_or_zero).sum()
    }

    /// The sum of the lines in section `section`.
    pub fn section_total(&self, section: &str) -> rust_decimal::Decimal {
        self.lines
            .iter()
            .filter(|l| l.section.as_ref().is_some_and(|s| s.value.as_str() == section))
            .map(Line::amount_or_zero)
            .sum()
    }

    /// The lines a limit covers: listed lines, lines of listed categories, or all.
    pub fn lines_under<'a>(&'a self, limit: &'a Limit) -> impl Iterator<Item = &'a Line> + 'a {
        let all = limit.lines.is_empty() && limit.categories.is_empty();
        self.lines.iter().filter(move |line| {
            all || limit.lines.iter().any(|l| l.value == line.id.value)
                || line
                    .category
                    .as_ref()
                    .is_some_and(|c| limit.categories.iter().any(|k| k.value == c.value))
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
