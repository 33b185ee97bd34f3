//! Rules about a single budget: line ids, sections, breakdowns, declared totals and caps.

use std::collections::{HashMap, HashSet};

use rust_decimal::Decimal;

use crate::diag::{Applicability, Diagnostic, Edit, Fix, rules};
use crate::i18n::{Msg, msg};
use crate::index::Index;
use crate::model::money::exact;
use crate::model::money::grouped;

/// `budget.item-form`: every breakdown item is `quantity × unit_price` or a fixed `amount`.
pub fn check_item_form(ix: &Index, out: &mut Vec<Diagnostic>) {
    for budget in &ix.budgets {
        for line in &budget.value.lines {
            for item in &line.breakdown {
                let product = item.quantity.is_some() && item.unit_price.is_some();
                let half = item.quantity.is_some() != item.unit_price.is_some();
                let (name, id) = (&item.name, line.id.value.as_str());
                let (message, help) = if item.amount.is_some() && (product || half) {
                    (
                        msg!("budget-item-both", item = name, line = id),
                        msg!("budget-item-both-help"),
                    )
                } else if half {
                    (
                        msg!("budget-item-half", item = name, line = id),
                        msg!("budget-item-half-help"),
                    )
                } else if item.amount.is_none() && !product && item.allowance.is_none() {
                    (
                        msg!("budget-item-neither", item = name, line = id),
                        msg!("budget-item-neither-help"),
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
                out.push(Diagnostic::new(&rules::BUDGET_ITEM_FORM, message, span).help(help));
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
                        msg!("budget-line-twice", id = line.id.value.as_str()),
                        line.id.span,
                    )
                    .related(first, msg!("budget-first-used-here")),
                );
            }
            if let Some(section) = &line.section
                && !sections.contains(section.value.as_str())
                && !ix.dropped_in(budget.doc, "sections", section.value.as_str())
            {
                let known = b.sections.iter().map(|s| s.id.value.as_str());
                out.push(super::roster::unknown(
                    &rules::BUDGET_UNKNOWN_SECTION,
                    msg!("noun-section"),
                    section.value.as_str(),
                    section.span,
                    known,
                ));
            }
        }
        for limit in &b.limits {
            for id in &limit.lines {
                if !line_ids.contains(id.value.as_str())
                    && !ix.dropped_in(budget.doc, "lines", id.value.as_str())
                {
                    let known = b.lines.iter().map(|l| l.id.value.as_str());
                    out.push(super::roster::unknown(
                        &rules::BUDGET_UNKNOWN_LINE,
                        msg!("noun-line"),
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
                        msg!(
                            "budget-negative",
                            line = line.id.value.as_str(),
                            figure = grouped(value)
                        ),
                        span,
                    )
                    .help(msg!("budget-negative-help")),
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
                    msg!(
                        "budget-mixed-currency",
                        line = line.id.value.as_str(),
                        currency = &own.value.0,
                        budget_currency = &currency.0
                    ),
                    own.span,
                );
                if let Some(c) = &b.currency {
                    diag = diag.related(c.span, msg!("budget-currency-here"));
                }
                out.push(diag.help(msg!("budget-mixed-currency-help")));
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
                    let what = msg!(
                        "budget-beyond-item",
                        item = &item.name,
                        line = line.id.value.as_str()
                    );
                    out.push(beyond(what, item.name_span(line)));
                    line_reported = true;
                }
            }
            if !line_reported && line.breakdown_total().is_err() {
                let span = line.amount.as_ref().map_or(line.id.span, |a| a.span);
                out.push(beyond(
                    msg!("budget-beyond-breakdown", line = line.id.value.as_str()),
                    span,
                ));
            }
            reported |= line_reported;
        }
        for section in &b.sections {
            if b.section_total(&section.id.value.0).is_err() {
                let what = msg!("budget-beyond-section", section = section.id.value.as_str());
                out.push(beyond(what, section.id.span));
                reported = true;
            }
        }
        for limit in &b.limits {
            if b.used_under(limit).is_err() {
                let what = msg!("budget-beyond-limit", limit = limit.id.value.as_str());
                out.push(beyond(what, limit.max.span));
                reported = true;
            }
        }
        if !reported && b.computed_total().is_err() {
            let span = b.total.as_ref().map_or(b.unit.span, |t| t.span);
            out.push(beyond(msg!("budget-beyond-total"), span));
        }
    }
}

/// `number.out-of-range`: `message` names a sum, product or difference that needs more digits
/// than planbook computes exactly.
fn beyond(message: Msg, span: crate::source::Span) -> Diagnostic {
    Diagnostic::new(&rules::NUMBER_OUT_OF_RANGE, message, span)
        .note(msg!("budget-beyond-note"))
        .help(msg!("budget-beyond-help"))
}

/// `budget.breakdown-over` and `budget.breakdown-short`.
pub fn check_breakdowns(ix: &Index, out: &mut Vec<Diagnostic>) {
    for budget in &ix.budgets {
        for line in &budget.value.lines {
            let total = crate::compute::allowance::breakdown_total(ix, budget.value, line);
            let (Some(amount), Ok(Some(sum))) = (&line.amount, total) else {
                continue;
            };
            let Ok(diff) = exact::sub(amount.value.0, sum) else {
                let what = msg!("budget-beyond-difference", line = line.id.value.as_str());
                out.push(beyond(what, amount.span));
                continue;
            };
            if diff.is_zero() {
                continue;
            }
            let items = sum_of(line.breakdown.iter().filter_map(|i| {
                let cost = crate::compute::allowance::item_cost(ix, budget.value, i);
                cost.ok().flatten().map(|c| (i.name.as_str(), c))
            }));
            let line_sum = sum;
            let (id, sum, amount_text) =
                (line.id.value.as_str(), grouped(sum), grouped(amount.value.0));
            let diag = if diff.is_sign_negative() {
                Diagnostic::new(
                    &rules::BUDGET_BREAKDOWN_OVER,
                    msg!("budget-breakdown-over", line = id, sum = &sum, amount = amount_text),
                    amount.span,
                )
                .note(msg!("budget-breakdown-over-note", sum = &sum, over = grouped(-diff)))
                .help(msg!("budget-breakdown-over-help", sum = sum))
            } else {
                Diagnostic::new(
                    &rules::BUDGET_BREAKDOWN_SHORT,
                    msg!("budget-breakdown-short", line = id, amount = amount_text, sum = &sum),
                    amount.span,
                )
                .note(msg!("budget-breakdown-short-note", missing = grouped(diff)))
                .help(msg!(
                    "budget-breakdown-short-help",
                    sum = sum,
                    missing = grouped(diff)
                ))
            };
            let items = msg!("budget-breakdown-items", items = items);
            let diag = diag.fix(set_amount(budget.value, line, amount.span, line_sum, diff));
            out.push(diag.related(line.breakdown[0].name_span(line), items));
        }
    }
}

/// The unsafe fix of a line whose breakdown (`sum`) differs from its amount by `diff`: the
/// amount becomes `sum`, written plainly (`4400`: no grouping, no trailing zeros), and a
/// declared section subtotal and budget total that agree with the lines now move with it, so
/// they still agree.
fn set_amount(
    b: &crate::model::budget::Budget,
    line: &crate::model::budget::Line,
    span: crate::source::Span,
    sum: Decimal,
    diff: Decimal,
) -> Fix {
    let plain = |d: Decimal| d.normalize().to_string();
    let mut edits = vec![Edit { span, text: plain(sum) }];
    let section = line.section.as_ref().and_then(|id| {
        let s = b.sections.iter().find(|s| s.id.value.0 == id.value.0)?;
        Some((s.subtotal.as_ref()?, b.section_total(&s.id.value.0).ok()?))
    });
    let mut moved = |declared: &crate::source::Spanned<crate::model::money::Money>| {
        let Ok(new) = exact::sub(declared.value.0, diff) else { return false };
        edits.push(Edit { span: declared.span, text: plain(new) });
        true
    };
    let subtotal = section.is_some_and(|(d, computed)| d.value.0 == computed && moved(d));
    let total = b.total.as_ref().is_some_and(|d| {
        b.computed_total().is_ok_and(|computed| d.value.0 == computed) && moved(d)
    });
    let also = match (subtotal, total) {
        (true, true) => "both",
        (true, false) => "subtotal",
        (false, true) => "total",
        (false, false) => "none",
    };
    let title = msg!("fix-set-amount", sum = grouped(sum), also = also);
    Fix { title, applicability: Applicability::Unsafe, edits }
}

/// `budget.subtotal-mismatch` and `budget.total-mismatch`.
pub fn check_declared_totals(ix: &Index, out: &mut Vec<Diagnostic>) {
    // Lines left out for errors of their own would make every declared total look wrong.
    for budget in ix.budgets.iter().filter(|b| !ix.is_incomplete(b.doc)) {
        let b = budget.value;
        for section in &b.sections {
            let Some(declared) = &section.subtotal else { continue };
            let Ok(computed) = b.section_total(&section.id.value.0) else { continue };
            if computed != declared.value.0 {
                let message = msg!(
                    "budget-subtotal-mismatch",
                    section = section.id.value.as_str(),
                    declared = grouped(declared.value.0),
                    computed = grouped(computed)
                );
                let rule = &rules::BUDGET_SUBTOTAL_MISMATCH;
                out.push(mismatch(rule, message, declared.value.0, computed, declared.span));
            }
        }
        if let (Some(declared), Ok(computed)) = (&b.total, b.computed_total())
            && computed != declared.value.0
        {
            let message = msg!(
                "budget-total-mismatch",
                declared = grouped(declared.value.0),
                computed = grouped(computed)
            );
            let rule = &rules::BUDGET_TOTAL_MISMATCH;
            out.push(mismatch(rule, message, declared.value.0, computed, declared.span));
        }
    }
}

/// A declared subtotal or total (`message`) that is not the sum of its lines, `computed`.
fn mismatch(
    rule: &'static crate::diag::Rule,
    message: Msg,
    declared: Decimal,
    computed: Decimal,
    span: crate::source::Span,
) -> Diagnostic {
    let diff = computed - declared;
    let sign = if diff.is_sign_negative() { "" } else { "+" };
    let difference = sign.to_owned() + &grouped(diff);
    Diagnostic::new(rule, message, span)
        .note(msg!("budget-mismatch-note", computed = grouped(computed), difference = difference))
        .help(msg!("budget-mismatch-help", computed = grouped(computed)))
}

/// Names with their amounts, as a sum: `工资 46,000 + 奖金 18,000` (no words to translate).
fn sum_of<'a>(parts: impl Iterator<Item = (&'a str, Decimal)>) -> String {
    let parts: Vec<String> =
        parts.map(|(name, amount)| name.to_owned() + " " + &grouped(amount)).collect();
    parts.join(" + ")
}

/// `budget.cap-exceeded`: the lines under a limit add up to more than its `max`.
pub fn check_caps(ix: &Index, out: &mut Vec<Diagnostic>) {
    for budget in &ix.budgets {
        let b = budget.value;
        for limit in &b.limits {
            let Ok(sum) = b.used_under(limit) else { continue };
            let lines: Vec<_> = b.lines_under(limit).collect();
            if sum > limit.max.value.0 {
                let covered = sum_of(
                    lines
                        .iter()
                        .filter(|l| l.amount.is_some())
                        .map(|l| (l.name.as_str(), l.amount_or_zero())),
                );
                let message = msg!(
                    "budget-cap-exceeded",
                    name = &limit.name,
                    limit = limit.id.value.as_str(),
                    sum = grouped(sum),
                    max = grouped(limit.max.value.0),
                    over = grouped(sum - limit.max.value.0)
                );
                out.push(
                    Diagnostic::new(&rules::BUDGET_CAP_EXCEEDED, message, limit.max.span)
                        .note(msg!("budget-cap-note", sum = grouped(sum)))
                        .help(msg!("budget-cap-help", lines = covered)),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
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
        assert_eq!(
            found,
            [
                "budget.item-form: breakdown item `both` of line `s` has both an `amount` and a \
                 `quantity`/`unit_price`",
                "budget.item-form: breakdown item `half-and-amount` of line `s` has both an \
                 `amount` and a `quantity`/`unit_price`",
                "budget.item-form: breakdown item `quantity-only` of line `s` needs both \
                 `quantity` and `unit_price`",
                "budget.item-form: breakdown item `price-only` of line `s` needs both `quantity` \
                 and `unit_price`",
                "budget.item-form: breakdown item `neither` of line `s` has neither an `amount` \
                 nor a `quantity` and `unit_price`",
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

    /// A message, note or help in Chinese; empty when there is none.
    fn zh<'a>(m: impl Into<Option<&'a Msg>>) -> String {
        m.into().map(|m| m.text(Locale::ZhCn)).unwrap_or_default()
    }

    const BREAKDOWNS: &str = "lines:
  - id: phone\n    name: 电话费\n    amount: 5000\n    breakdown:
      - { name: 人均通讯标准, quantity: 30, unit_price: 250 }
  - id: salary\n    name: 工资\n    amount: 46000\n    breakdown:
      - { name: 地区业务员, quantity: 17, unit_price: 1350 }\n";

    #[test]
    fn breakdowns_explain_the_difference_in_notes_and_helps() {
        let found = run(check_breakdowns, &[("b.yaml", &budget(BREAKDOWNS))]);
        let en = |m: Option<&Msg>| m.map(Msg::en).unwrap_or_default();
        let over = &found[0];
        assert_eq!(en(over.primary.note.as_ref()), "breakdown sums to 7,500, 2,500 over");
        assert_eq!(en(over.help.as_ref()), "raise `amount` to 7,500, or reduce the items");
        assert_eq!(en(over.related[0].note.as_ref()), "人均通讯标准 7,500");
        let short = &found[1];
        assert_eq!(en(short.primary.note.as_ref()), "23,050 unexplained");
        assert_eq!(
            en(short.help.as_ref()),
            "set `amount` to 22,950, or add an item for the remaining 23,050"
        );
    }

    #[test]
    fn breakdowns_read_as_chinese() {
        let found = run(check_breakdowns, &[("b.yaml", &budget(BREAKDOWNS))]);
        let (over, help) = (zh(&found[0].message), zh(found[0].help.as_ref()));
        assert_eq!(over, "科目 `phone` 的明细合计 7,500，超过其金额 5,000");
        assert_eq!(help, "请将 `amount` 提高到 7,500，或削减明细项");
        assert_eq!(
            zh(&found[1].message),
            "科目 `salary` 的金额为 46,000，但明细只说明了其中的 22,950"
        );
        assert_eq!(zh(found[1].primary.note.as_ref()), "有 23,050 未说明用途");
    }

    #[test]
    fn item_forms_caps_and_totals_read_as_chinese() {
        let half = "lines:\n  - id: s\n    name: 工资\n    breakdown:
      - { name: 地区, quantity: 1 }\n";
        let found = run(check_item_form, &[("b.yaml", &budget(half))]);
        assert_eq!(
            zh(&found[0].message),
            "科目 `s` 的明细项 `地区` 须同时写明 `quantity` 和 `unit_price`"
        );
        let caps = "lines:\n  - { id: a, name: 工资, amount: 60000 }
  - { id: b, name: 奖金, amount: 31000 }
limits:\n  - { id: personnel, name: 人员类费用, max: 90000, lines: [a, b] }\n";
        let found = run(check_caps, &[("b.yaml", &budget(caps))]);
        assert_eq!(
            zh(&found[0].message),
            "人员类费用（`personnel`）合计 91,000，比限额 90,000 多出 1,000"
        );
        assert_eq!(zh(found[0].help.as_ref()), "所辖科目：工资 60,000 + 奖金 31,000");
        let total = "lines:\n  - { id: a, name: 甲, amount: 100 }\ntotal: 200\n";
        let found = run(check_declared_totals, &[("b.yaml", &budget(total))]);
        assert_eq!(zh(&found[0].message), "申报的合计 200 与各科目合计 100 不符");
        assert_eq!(zh(found[0].primary.note.as_ref()), "各科目合计为 100（差额 -100）");
    }
}
