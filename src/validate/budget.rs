//! Rules about a single budget: line ids, sections, breakdowns, declared totals and caps.

use std::collections::{HashMap, HashSet};

use rust_decimal::Decimal;

use crate::diag::{Diagnostic, rules};
use crate::index::Index;
use crate::model::money::exact::{self, OutOfRange};
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
        let sections: HashSet<&str> = b.sections.iter().map(|s| s.id.value.as_str()).collect();
        let line_ids: HashSet<&str> = b.lines.iter().map(|l| l.id.value.as_str()).collect();
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
                && !sections.contains(section.value.as_str())
            {
                let known = b.sections.iter().map(|s| s.id.value.as_str());
                out.push(super::roster::unknown(
                    &rules::BUDGET_UNKNOWN_SECTION,
                    crate::i18n::msg!("noun-section"),
                    section.value.as_str(),
                    section.span,
                    known,
                ));
            }
        }
        for limit in &b.limits {
            for id in &limit.lines {
                if !line_ids.contains(id.value.as_str()) {
                    let known = b.lines.iter().map(|l| l.id.value.as_str());
                    out.push(super::roster::unknown(
                        &rules::BUDGET_UNKNOWN_LINE,
                        crate::i18n::msg!("noun-line"),
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

/// `number.out-of-range`: `what` (a sum, product or difference) needs more digits than
/// planbook computes exactly.
fn beyond(what: String, span: crate::source::Span) -> Diagnostic {
    Diagnostic::new(&rules::NUMBER_OUT_OF_RANGE, format!("{what} is beyond exact range"), span)
        .note(OutOfRange.to_string())
        .help("check the figures for a typo; planbook never rounds money")
}

/// `budget.breakdown-over` and `budget.breakdown-short`.
pub fn check_breakdowns(ix: &Index, out: &mut Vec<Diagnostic>) {
    for budget in &ix.budgets {
        for line in &budget.value.lines {
            let (Some(amount), Ok(Some(sum))) = (&line.amount, line.breakdown_total()) else {
                continue;
            };
            let Ok(diff) = exact::sub(amount.value.0, sum) else {
                let what = format!(
                    "the difference between line `{}`'s amount and its breakdown",
                    line.id.value
                );
                out.push(beyond(what, amount.span));
                continue;
            };
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

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use crate::i18n::Msg;
    use crate::validate::tests::{budget, report, run};

    fn check(check: crate::validate::Check, body: &str) -> Vec<String> {
        report(check, &[("b.yaml", &budget(body))])
    }

    #[test]
    fn a_breakdown_too_far_from_its_amount_is_out_of_range_not_a_panic() {
        let found = check(
            check_breakdowns,
            "lines:\n  - id: s\n    name: 工资\n    amount: -999999999999999\n    \
             breakdown:\n      \
             - { name: x, quantity: 79228162514264, unit_price: 999999999999999 }\n",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("number.out-of-range: the difference"), "{found:?}");
    }

    #[test]
    fn item_form_branches() {
        let found = check(
            check_item_form,
            "lines:\n  - id: s\n    name: 工资\n    breakdown:
      - { name: both, quantity: 1, unit_price: 2, amount: 2 }
      - { name: half-and-amount, quantity: 1, amount: 2 }
      - { name: quantity-only, quantity: 1 }
      - { name: price-only, unit_price: 2 }
      - { name: neither, note: 待定 }
      - { name: product, quantity: 1, unit_price: 2 }
      - { name: fixed, amount: 2 }\n",
        );
        let line = "breakdown item";
        assert_eq!(
            found,
            [
                format!(
                    "budget.item-form: {line} `both` of line `s` has both an `amount` and a \
                     `quantity`/`unit_price`"
                ),
                format!(
                    "budget.item-form: {line} `half-and-amount` of line `s` has both an `amount` \
                     and a `quantity`/`unit_price`"
                ),
                format!(
                    "budget.item-form: {line} `quantity-only` of line `s` needs both `quantity` \
                     and `unit_price`"
                ),
                format!(
                    "budget.item-form: {line} `price-only` of line `s` needs both `quantity` and \
                     `unit_price`"
                ),
                format!(
                    "budget.item-form: {line} `neither` of line `s` has neither an `amount` nor a \
                     `quantity` and `unit_price`"
                ),
            ]
        );
    }

    #[test]
    fn references_duplicate_lines_unknown_sections_and_unknown_limit_lines() {
        let found = check(
            check_references,
            "sections:\n  - { id: operating, name: 经营 }
lines:\n  - { id: s, name: 工资, section: operating }
  - { id: s, name: 奖金, section: operatng }
limits:\n  - { id: l, name: 限额, max: 1, lines: [s, t] }\n",
        );
        assert_eq!(
            found,
            [
                "budget.duplicate-line: line id `s` is used twice",
                "budget.unknown-section: unknown section `operatng`",
                "budget.unknown-line: unknown line `t`",
            ]
        );
    }

    #[test]
    fn negative_figures_anywhere_in_a_line_but_not_zero() {
        let found = check(
            check_negative,
            "lines:\n  - id: a\n    name: 甲\n    amount: -1\n    breakdown:
      - { name: q, quantity: -2, unit_price: -3 }\n      - { name: f, amount: -4 }
  - id: z\n    name: 零\n    amount: -0\n    breakdown:
      - { name: q, quantity: 0, unit_price: 0.00 }\n",
        );
        assert_eq!(
            found,
            [
                "budget.negative: line `a` has a negative figure -1",
                "budget.negative: line `a` has a negative figure -2",
                "budget.negative: line `a` has a negative figure -3",
                "budget.negative: line `a` has a negative figure -4",
            ]
        );
    }

    #[test]
    fn a_line_currency_is_compared_with_the_budget_or_the_configured_default() {
        let lines = "lines:\n  - { id: a, name: 甲, amount: 1, currency: USD }
  - { id: b, name: 乙, amount: 1, currency: CNY }\n";
        let found = run(check_currency, &[("b.yaml", &budget(lines))]);
        let messages: Vec<_> = found.iter().map(|d| d.message.en()).collect();
        assert_eq!(messages, ["line `a` is in USD but the budget is in CNY"]);
        assert!(found[0].related.is_empty(), "the default currency has no place to point at");
        let found = run(check_currency, &[("b.yaml", &budget(&format!("currency: USD\n{lines}")))]);
        let messages: Vec<_> = found.iter().map(|d| d.message.en()).collect();
        assert_eq!(messages, ["line `b` is in CNY but the budget is in USD"]);
        assert_eq!(found[0].related.len(), 1);
    }

    #[test]
    fn breakdowns_over_short_and_exact() {
        let found = check(
            check_breakdowns,
            "lines:
  - id: over\n    name: 超\n    amount: 5000\n    breakdown:
      - { name: 电话, quantity: 30, unit_price: 250 }
  - id: short\n    name: 缺\n    amount: 46000\n    breakdown:
      - { name: 员工, quantity: 17, unit_price: 1350 }
  - id: exact\n    name: 平\n    amount: 0.30\n    breakdown:\n      - { name: 甲, amount: 0.1 }
      - { name: 乙, amount: 0.2 }
  - id: no-amount\n    name: 无\n    breakdown:\n      - { name: 甲, amount: 1 }
  - { id: no-breakdown, name: 无明细, amount: 1 }\n",
        );
        assert_eq!(
            found,
            [
                "budget.breakdown-over: breakdown of line `over` needs 7,500, more than its \
                 amount 5,000",
                "budget.breakdown-short: line `short` is 46,000 but its breakdown explains only \
                 22,950",
            ]
        );
    }

    #[test]
    fn declared_subtotals_and_totals_must_equal_the_lines() {
        let body = "sections:\n  - { id: a, name: 甲, subtotal: 300.3 }
  - { id: b, name: 乙, subtotal: 1 }
lines:\n  - { id: x, name: 甲, section: a, amount: 100.10 }
  - { id: y, name: 乙, section: a, amount: 200.20 }
  - { id: z, name: 丙, section: b, amount: 2 }\ntotal: ";
        assert_eq!(
            check(check_declared_totals, &format!("{body}302.3\n")),
            ["budget.subtotal-mismatch: declared subtotal of section `b` 1 differs from the \
                 lines' sum 2"]
        );
        assert_eq!(
            check(check_declared_totals, &format!("{body}303\n")),
            [
                "budget.subtotal-mismatch: declared subtotal of section `b` 1 differs from the \
                 lines' sum 2",
                "budget.total-mismatch: declared total 303 differs from the lines' sum 302.30",
            ]
        );
    }

    #[test]
    fn a_limit_may_be_reached_but_not_exceeded() {
        let body = |max: &str| {
            format!(
                "lines:\n  - {{ id: a, name: 甲, category: people, amount: 60 }}
  - {{ id: b, name: 乙, category: travel, amount: 30 }}\n  - {{ id: c, name: 丙, amount: 10 }}
limits:\n  - {{ id: named, name: 指定, max: {max}, lines: [a, b] }}
  - {{ id: by-category, name: 分类, max: {max}, categories: [people, travel] }}
  - {{ id: all, name: 全部, max: {max} }}\n"
            )
        };
        assert_eq!(check(check_caps, &body("100")), Vec::<String>::new());
        assert_eq!(
            check(check_caps, &body("89.99")),
            [
                "budget.cap-exceeded: 指定 (named) of 90 exceeds its limit of 89.99 by 0.01",
                concat!(
                    "budget.cap-exceeded: 分类 (by-category) of 90 exceeds its limit of 89.99 ",
                    "by 0.01"
                ),
                "budget.cap-exceeded: 全部 (all) of 100 exceeds its limit of 89.99 by 10.01",
            ]
        );
    }
}
