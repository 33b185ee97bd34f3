//! Rules about a single budget: line ids, sections, breakdowns, declared totals and caps.

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::diag::{Diagnostic, rules};
use crate::index::Index;
use crate::model::money::exact::OutOfRange;
use crate::model::money::grouped;

/// `budget.item-form`: every breakdown item is `quantity × unit_price` or a fixed `amount`.
pub fn check_item_form(ix: &Index, out: &mut Vec<Diagnostic>) {
    for budget in &ix.budgets {
        for line in &budget.value.lines {
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
                let span = [
                    item.quantity.as_ref().map(|q| q.span),
                    item.unit_price.as_ref().map(|p| p.span),
                    item.amount.as_ref().map(|a| a.span),
                ]
                .into_iter()
                .flatten()
                .next()
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

/// `budget.duplicate-line`, `budget.unknown-section`, `budget.unknown-line`.
pub fn check_references(ix: &Index, out: &mut Vec<Diagnostic>) {
    for budget in &ix.budgets {
        let b = budget.value;
        let mut seen = HashMap::new();
        for line in &b.lines {
            if let Some(first) = seen.insert(line.id.value.as_str(), line.id.span) {
                out.push(
                    Diagnostic::new(
                        &rules::BUDGET_DUPLICATE_LINE,
                        format!("line id `{}` is used twice", line.id.value),
                        line.id.span,
                    )
                    .related(first, "first used here"),
                );
            }
            if let Some(section) = &line.section
                && !b.sections.iter().any(|s| s.id.value == section.value)
            {
                let known = b.sections.iter().map(|s| s.id.value.as_str());
                out.push(super::roster::unknown(
                    &rules::BUDGET_UNKNOWN_SECTION,
                    "section",
                    section.value.as_str(),
                    section.span,
                    known,
                ));
            }
        }
        for limit in &b.limits {
            for id in &limit.lines {
                if !b.lines.iter().any(|l| l.id.value == id.value) {
                    let known = b.lines.iter().map(|l| l.id.value.as_str());
                    out.push(super::roster::unknown(
                        &rules::BUDGET_UNKNOWN_LINE,
                        "line",
                        id.value.as_str(),
                        id.span,
                        known,
                    ));
                }
            }
        }
    }
}

/// `budget.negative`: amounts, quantities and prices below zero.
pub fn check_negative(ix: &Index, out: &mut Vec<Diagnostic>) {
    for budget in &ix.budgets {
        for line in &budget.value.lines {
            let mut figures = vec![];
            figures.extend(line.amount.as_ref().map(|a| (a.value.0, a.span)));
            for item in &line.breakdown {
                figures.extend(item.quantity.as_ref().map(|q| (q.value.0, q.span)));
                figures.extend(item.unit_price.as_ref().map(|p| (p.value.0, p.span)));
                figures.extend(item.amount.as_ref().map(|a| (a.value.0, a.span)));
            }
            for (value, span) in
                figures.into_iter().filter(|(v, _)| v.is_sign_negative() && !v.is_zero())
            {
                out.push(
                    Diagnostic::new(
                        &rules::BUDGET_NEGATIVE,
                        format!(
                            "line `{}` has a negative figure {}",
                            line.id.value,
                            grouped(value)
                        ),
                        span,
                    )
                    .help("budget amounts are zero or more"),
                );
            }
        }
    }
}

/// `budget.mixed-currency`: a line in another currency than its budget.
pub fn check_currency(ix: &Index, out: &mut Vec<Diagnostic>) {
    for budget in &ix.budgets {
        let b = budget.value;
        let currency = b.currency.as_ref().map_or(&ix.ws.config.currency, |c| &c.value);
        for line in &b.lines {
            if let Some(own) = &line.currency
                && own.value != *currency
            {
                let mut diag = Diagnostic::new(
                    &rules::BUDGET_MIXED_CURRENCY,
                    format!(
                        "line `{}` is in {} but the budget is in {}",
                        line.id.value, own.value.0, currency.0
                    ),
                    own.span,
                );
                if let Some(c) = &b.currency {
                    diag = diag.related(c.span, "the budget's currency");
                }
                out.push(diag.help("convert the amount, or budget it separately"));
            }
        }
    }
}

/// `number.out-of-range` for what a budget computes: each quantity × unit price, each
/// breakdown, section, cap and the total. A sum is reported only when no term of it was.
pub fn check_ranges(ix: &Index, out: &mut Vec<Diagnostic>) {
    let beyond = |what: String, span| {
        Diagnostic::new(&rules::NUMBER_OUT_OF_RANGE, format!("{what} is beyond exact range"), span)
            .note(OutOfRange.to_string())
            .help("check the figures for a typo; planbook never rounds money")
    };
    for budget in &ix.budgets {
        let b = budget.value;
        let mut reported = false;
        for line in &b.lines {
            let mut line_reported = false;
            for item in &line.breakdown {
                if item.cost().is_err() {
                    let what = format!(
                        "quantity × unit price of `{}` in line `{}`",
                        item.name, line.id.value
                    );
                    out.push(beyond(what, item.name_span(line)));
                    line_reported = true;
                }
            }
            if !line_reported && line.breakdown_total().is_err() {
                let span = line.amount.as_ref().map_or(line.id.span, |a| a.span);
                out.push(beyond(format!("the breakdown of line `{}`", line.id.value), span));
            }
            reported |= line_reported;
        }
        for section in &b.sections {
            if b.section_total(&section.id.value.0).is_err() {
                let what = format!("the sum of section `{}`", section.id.value);
                out.push(beyond(what, section.id.span));
                reported = true;
            }
        }
        for limit in &b.limits {
            if b.used_under(limit).is_err() {
                out.push(beyond(
                    format!("the sum under limit `{}`", limit.id.value),
                    limit.max.span,
                ));
                reported = true;
            }
        }
        if !reported && b.computed_total().is_err() {
            let span = b.total.as_ref().map_or(b.unit.span, |t| t.span);
            out.push(beyond("the budget's total".into(), span));
        }
    }
}

/// `budget.breakdown-over` and `budget.breakdown-short`.
pub fn check_breakdowns(ix: &Index, out: &mut Vec<Diagnostic>) {
    for budget in &ix.budgets {
        for line in &budget.value.lines {
            let (Some(amount), Ok(Some(sum))) = (&line.amount, line.breakdown_total()) else {
                continue;
            };
            let diff = amount.value.0 - sum;
            if diff.is_zero() {
                continue;
            }
            let detail: Vec<String> = line
                .breakdown
                .iter()
                .filter_map(|i| {
                    i.cost().ok().flatten().map(|c| format!("{} {}", i.name, grouped(c)))
                })
                .collect();
            let diag = if diff.is_sign_negative() {
                Diagnostic::new(
                    &rules::BUDGET_BREAKDOWN_OVER,
                    format!(
                        "breakdown of line `{}` needs {}, more than its amount {}",
                        line.id.value,
                        grouped(sum),
                        grouped(amount.value.0)
                    ),
                    amount.span,
                )
                .note(format!("breakdown sums to {}, {} over", grouped(sum), grouped(-diff)))
                .help(format!("raise `amount` to {}, or reduce the items", grouped(sum)))
            } else {
                Diagnostic::new(
                    &rules::BUDGET_BREAKDOWN_SHORT,
                    format!(
                        "line `{}` is {} but its breakdown explains only {}",
                        line.id.value,
                        grouped(amount.value.0),
                        grouped(sum)
                    ),
                    amount.span,
                )
                .note(format!("{} unexplained", grouped(diff)))
                .help(format!(
                    "set `amount` to {}, or add an item for the remaining {}",
                    grouped(sum),
                    grouped(diff)
                ))
            };
            out.push(diag.related(line.breakdown[0].name_span(line), detail.join(" + ")));
        }
    }
}

/// `budget.subtotal-mismatch` and `budget.total-mismatch`.
pub fn check_declared_totals(ix: &Index, out: &mut Vec<Diagnostic>) {
    for budget in &ix.budgets {
        let b = budget.value;
        for section in &b.sections {
            let Some(declared) = &section.subtotal else { continue };
            let Ok(computed) = b.section_total(&section.id.value.0) else { continue };
            if computed != declared.value.0 {
                out.push(mismatch(
                    &rules::BUDGET_SUBTOTAL_MISMATCH,
                    &format!("subtotal of section `{}`", section.id.value),
                    declared.value.0,
                    computed,
                    declared.span,
                ));
            }
        }
        if let (Some(declared), Ok(computed)) = (&b.total, b.computed_total())
            && computed != declared.value.0
        {
            out.push(mismatch(
                &rules::BUDGET_TOTAL_MISMATCH,
                "total",
                declared.value.0,
                computed,
                declared.span,
            ));
        }
    }
}

fn mismatch(
    rule: &'static crate::diag::Rule,
    what: &str,
    declared: Decimal,
    computed: Decimal,
    span: crate::source::Span,
) -> Diagnostic {
    let diff = computed - declared;
    Diagnostic::new(
        rule,
        format!(
            "declared {what} {} differs from the lines' sum {}",
            grouped(declared),
            grouped(computed)
        ),
        span,
    )
    .note(format!(
        "the lines add up to {} ({}{})",
        grouped(computed),
        if diff.is_sign_negative() { "" } else { "+" },
        grouped(diff)
    ))
    .help(format!("set it to {}, or correct the lines", grouped(computed)))
}

/// `budget.cap-exceeded`: the lines under a limit add up to more than its `max`.
pub fn check_caps(ix: &Index, out: &mut Vec<Diagnostic>) {
    for budget in &ix.budgets {
        let b = budget.value;
        for limit in &b.limits {
            let Ok(sum) = b.used_under(limit) else { continue };
            let lines: Vec<_> = b.lines_under(limit).collect();
            if sum > limit.max.value.0 {
                let parts = lines
                    .iter()
                    .filter(|l| l.amount.is_some())
                    .map(|l| format!("{} {}", l.name, grouped(l.amount_or_zero())))
                    .collect::<Vec<_>>()
                    .join(" + ");
                out.push(
                    Diagnostic::new(
                        &rules::BUDGET_CAP_EXCEEDED,
                        format!(
                            "{} ({}) of {} exceeds its limit of {} by {}",
                            limit.name,
                            limit.id.value,
                            grouped(sum),
                            grouped(limit.max.value.0),
                            grouped(sum - limit.max.value.0)
                        ),
                        limit.max.span,
                    )
                    .note(format!("covered lines add up to {}", grouped(sum)))
                    .help(format!("covered: {parts}")),
                );
            }
        }
    }
}
