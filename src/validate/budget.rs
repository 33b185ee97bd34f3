//! Rules about a single budget.

use crate::diag::{Diagnostic, rules};
use crate::model::{Content, Workspace};

/// `budget.item-form`: every breakdown item is `quantity × unit_price` or a fixed `amount`.
pub fn check_item_form(ws: &Workspace, out: &mut Vec<Diagnostic>) {
    for doc in &ws.documents {
        let Content::Budget(budget) = &doc.content else { continue };
        for line in &budget.lines {
            for item in &line.breakdown {
                let product = item.quantity.is_some() && item.unit_price.is_some();
                let half = item.quantity.is_some() != item.unit_price.is_some();
                let (message, help) = if item.amount.is_some() && (product || half) {
                    (
                        "has both an `amount` and a `quantity`/`unit_price`",
                        "keep one form: a fixed `amount`, or `quantity` and `unit_price`",
                    )
                } else if half {
                    (
                        "needs both `quantity` and `unit_price`",
                        "add the missing one, or use a fixed `amount` instead",
                    )
                } else if item.amount.is_none() && !product {
                    (
                        "has neither an `amount` nor a `quantity` and `unit_price`",
                        "add `quantity` and `unit_price`, or a fixed `amount`",
                    )
                } else {
                    continue;
                };
                let span = item
                    .quantity
                    .as_ref()
                    .map(|q| q.span)
                    .or(item.unit_price.as_ref().map(|p| p.span))
                    .or(item.amount.as_ref().map(|a| a.span))
                    .unwrap_or(line.id.span);
                out.push(
                    Diagnostic::new(
                        &rules::BUDGET_ITEM_FORM,
                        format!(
                            "breakdown item `{}` of line `{}` {message}",
                            item.name, line.id.value
                        ),
                        span,
                    )
                    .help(help),
                );
            }
        }
    }
}
