//! Rules about figures computed from rules the data states (`compute`): the `tables` of
//! `planbook.yaml`, the tables that `tally` actuals and `allowance` budget items name, and a
//! written figure that differs from the one computed (tally, allowance, scored component).

use std::collections::HashMap;

use crate::compute::{self, Computed, plain};
use crate::diag::{Applicability, Diagnostic, Edit, Fix, rules};
use crate::i18n::msg;
use crate::index::Index;
use crate::model::money::exact;
use crate::model::money::grouped;
use crate::source::Span;

/// `config.table-form`, `config.table-tiers` and `config.duplicate-table`.
pub fn check_tables(ix: &Index, out: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<&str, Span> = HashMap::new();
    for table in &ix.ws.config.tables {
        let (id, span) = (table.id.value.as_str(), table.id.span);
        if let Some(first) = seen.insert(id, span) {
            out.push(
                Diagnostic::new(
                    &rules::CONFIG_DUPLICATE_TABLE,
                    msg!("computed-duplicate-table", id = id),
                    span,
                )
                .related(first, msg!("config-first-defined-here")),
            );
        }
        let tiered = !table.tiers.is_empty();
        let per_count = table.first.is_some() || table.each_more.is_some();
        if tiered == per_count {
            let message = if tiered {
                msg!("computed-table-both", id = id)
            } else {
                msg!("computed-table-neither", id = id)
            };
            let diag = Diagnostic::new(&rules::CONFIG_TABLE_FORM, message, span);
            out.push(diag.help(msg!("computed-table-form-help")));
            continue;
        }
        // An allowance or a conversion below zero takes money or stores away.
        let negative = [&table.first, &table.each_more]
            .into_iter()
            .flatten()
            .chain(table.tiers.iter().map(|t| &t.value))
            .find(|v| v.value.0.is_sign_negative() && !v.value.0.is_zero());
        if let Some(value) = negative {
            let message = msg!("computed-table-negative", id = id, value = plain(value.value.0));
            out.push(Diagnostic::new(&rules::CONFIG_TABLE_FORM, message, value.span));
            continue;
        }
        let mut tiers: Vec<_> = table.tiers.iter().collect();
        tiers.sort_by_key(|t| t.from.value.0);
        for pair in tiers.windows(2) {
            let [low, high] = pair else { continue };
            let (from, value) = (plain(high.from.value.0), plain(high.value.value.0));
            let (low_value, low_from) = (plain(low.value.value.0), plain(low.from.value.0));
            let diag = if low.from.value.0 == high.from.value.0 {
                Diagnostic::new(
                    &rules::CONFIG_TABLE_TIERS,
                    msg!("computed-tiers-same-from", id = id, from = from),
                    high.from.span,
                )
                .related(low.from.span, msg!("computed-tiers-other"))
            } else if high.value.value.0 < low.value.value.0 {
                Diagnostic::new(
                    &rules::CONFIG_TABLE_TIERS,
                    msg!(
                        "computed-tiers-fall",
                        id = id,
                        from = from,
                        value = value,
                        low_from = low_from,
                        low_value = low_value
                    ),
                    high.value.span,
                )
                .related(low.value.span, msg!("computed-tiers-other"))
            } else {
                continue;
            };
            out.push(diag.help(msg!("computed-tiers-help")));
        }
    }
}

/// `document.unknown-table`: a `tally` or an `allowance` naming a table `planbook.yaml`
/// lacks.
pub fn check_unknown_tables(ix: &Index, out: &mut Vec<Diagnostic>) {
    if ix.broken_config().is_some() {
        return; // the tables may be what did not load
    }
    let known = || ix.ws.config.tables.iter().map(|t| t.id.value.as_str());
    let mut report = |id: &str, span: Span| {
        if compute::table(&ix.ws.config, id).is_none() {
            let what = msg!("computed-noun-table");
            out.push(super::roster::unknown(
                &rules::DOCUMENT_UNKNOWN_TABLE,
                what,
                id,
                span,
                known(),
            ));
        }
    };
    for (review, _) in &ix.reviews {
        for tally in review.value.actuals.iter().filter_map(|a| a.tally.as_ref()) {
            report(tally.table.value.as_str(), tally.table.span);
        }
    }
    for budget in &ix.budgets {
        for line in &budget.value.lines {
            for table in line.breakdown.iter().filter_map(|i| i.allowance.as_ref()) {
                report(table.value.as_str(), table.span);
            }
        }
    }
}

/// `review.tally-mismatch`: an actual that writes a figure and a tally that gives another.
pub fn check_tallies(ix: &Index, out: &mut Vec<Diagnostic>) {
    for (review, _) in &ix.reviews {
        for actual in &review.value.actuals {
            let (Some(tally), Some(written)) = (&actual.tally, &actual.actual) else { continue };
            let Some(Ok(computed)) = compute::tally::of(&ix.ws.config, tally) else { continue };
            if computed.value == written.value.0 {
                continue;
            }
            let message = msg!(
                "computed-tally-mismatch",
                kpi = actual.kpi.value.as_str(),
                working = computed.working(),
                written = plain(written.value.0)
            );
            out.push(
                Diagnostic::new(&rules::REVIEW_TALLY_MISMATCH, message, written.span)
                    .related(tally.table.span, msg!("computed-the-tally"))
                    .help(msg!("computed-tally-mismatch-help"))
                    .fix(write(&computed, written.span)),
            );
        }
    }
}

/// The unsafe fix that writes the computed figure over the written one.
fn write(computed: &Computed, span: Span) -> Fix {
    let text = plain(computed.value);
    Fix::replace(msg!("computed-fix-write", text = &text), Applicability::Unsafe, span, text)
}

/// `budget.allowance-count` and `budget.allowance-mismatch`.
pub fn check_allowances(ix: &Index, out: &mut Vec<Diagnostic>) {
    for budget in &ix.budgets {
        let b = budget.value;
        let day = b.period.value.as_of();
        for line in &b.lines {
            for item in &line.breakdown {
                let Some(table) = &item.allowance else { continue };
                let Some(Ok(computed)) = compute::allowance::of(ix, b, item) else { continue };
                if let Some(gap) = ix.roster_gap(b.unit.value.as_str()) {
                    ix.not_checked(gap, budget.doc, table.span);
                    continue;
                }
                for person in compute::allowance::people(ix, b, item) {
                    if person.on(day).counties.is_none() {
                        let message = msg!(
                            "computed-allowance-count",
                            id = person.id.value.as_str(),
                            name = &person.name,
                            item = &item.name,
                            day = day.to_string()
                        );
                        out.push(
                            Diagnostic::new(&rules::BUDGET_ALLOWANCE_COUNT, message, table.span)
                                .related(person.id.span, msg!("computed-on-the-roster"))
                                .help(msg!("computed-allowance-count-help")),
                        );
                    }
                }
                let Ok(Some(written)) = item.cost() else { continue };
                if written == computed.value {
                    continue;
                }
                let span = item.name_span(line);
                let message = msg!(
                    "computed-allowance-mismatch",
                    item = &item.name,
                    line = line.id.value.as_str(),
                    written = grouped(written),
                    computed = grouped(computed.value)
                );
                let diag = Diagnostic::new(&rules::BUDGET_ALLOWANCE_MISMATCH, message, span)
                    .note(computed.working())
                    .related(table.span, msg!("computed-the-allowance"));
                out.push(match &item.amount {
                    Some(amount) if item.quantity.is_none() => {
                        let mut fix = write(&computed, amount.span);
                        fix.edits.extend(move_line(line, written, computed.value));
                        diag.fix(fix)
                    }
                    _ => diag.help(msg!("computed-allowance-mismatch-help")),
                });
            }
        }
    }
}

/// The edit that moves `line`'s amount with an item going from `written` to `computed`,
/// when the amount agreed with the breakdown as written (so it still agrees).
fn move_line(
    line: &crate::model::budget::Line,
    written: rust_decimal::Decimal,
    computed: rust_decimal::Decimal,
) -> Option<Edit> {
    let amount = line.amount.as_ref()?;
    if line.breakdown_total().ok()?? != amount.value.0 {
        return None;
    }
    let moved = exact::add(exact::sub(amount.value.0, written).ok()?, computed).ok()?;
    Some(Edit { span: amount.span, text: plain(moved) })
}

/// `review.score-computed`: a score that writes points for a component that computes
/// others.
pub fn check_scores(ix: &Index, out: &mut Vec<Diagnostic>) {
    for (review, _) in &ix.reviews {
        let Some(plan) = ix.plan_of_review(*review) else { continue };
        for score in &review.value.scores {
            let Some(card) = compute::scale::scorecard(ix, review.value, plan.value, score) else {
                continue;
            };
            for (id, points) in &score.components {
                let Some(points) = points else { continue };
                let Some(component) = card.components.iter().find(|c| c.id.value == id.value)
                else {
                    continue;
                };
                let Some(computed) = compute::scale::points(ix, *review, score, component) else {
                    continue;
                };
                let accepted = super::scores::range(Some(card), id.value.as_str())
                    .is_none_or(|r| (r.min..=r.max).contains(&points.value.0));
                if computed.value == points.value.0 || !accepted {
                    continue; // out of range: `review.score-range` says so, once
                }
                let message = msg!(
                    "computed-score",
                    person = score.person.value.as_str(),
                    component = id.value.as_str(),
                    written = plain(points.value.0),
                    working = computed.working()
                );
                out.push(
                    Diagnostic::new(&rules::REVIEW_SCORE_COMPUTED, message, points.span)
                        .help(msg!("computed-score-help"))
                        .fix(write(&computed, points.span)),
                );
            }
        }
    }
}

/// Whether a score's component computes its points (so an empty one is not to be filled).
pub fn is_computed(
    ix: &Index,
    review: crate::index::Doc<'_, crate::model::review::Review>,
    score: &crate::model::review::Score,
    component: &str,
) -> bool {
    let Some(plan) = ix.plan_of_review(review) else { return false };
    let Some(card) = compute::scale::scorecard(ix, review.value, plan.value, score) else {
        return false;
    };
    card.components
        .iter()
        .find(|c| c.id.value.as_str() == component)
        .is_some_and(|c| compute::scale::points(ix, review, score, c).is_some())
}
