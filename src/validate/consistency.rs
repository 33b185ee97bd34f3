//! A review checks itself: KPIs `derived:` from other figures (`review.derived-mismatch`, with
//! the catalogue's own `config.derived-form` and `config.derived-cycle`), and percentages
//! written as fractions (`document.percent-as-fraction`).

use std::collections::{HashMap, HashSet};

use rust_decimal::Decimal;

use crate::diag::{Applicability, Diagnostic, Fix, rules, suggest};
use crate::i18n::{Msg, msg};
use crate::index::{Doc, Index};
use crate::model::Kind;
use crate::model::config::{Derived, Kpi, Source};
use crate::model::money::exact::{self, OutOfRange};
use crate::model::money::{Figure, grouped};
use crate::model::review::{Actual, Review};
use crate::source::{Span, Spanned};

/// `config.derived-form`, `config.derived-cycle`, and `document.unknown-kpi` for a KPI named
/// by `plus` or `minus`.
pub fn check_derived_config(ix: &Index, out: &mut Vec<Diagnostic>) {
    for kpi in &ix.ws.config.kpis {
        let Some(d) = &kpi.derived else { continue };
        let id = kpi.id.value.as_str();
        let sum = !d.plus.is_empty() || !d.minus.is_empty();
        let problem = match (&d.from, sum) {
            (None, false) => Some(msg!("consistency-derived-neither", kpi = id)),
            (Some(_), true) => Some(msg!("consistency-derived-both", kpi = id)),
            _ => None,
        };
        if let Some(message) = problem {
            out.push(
                Diagnostic::new(&rules::CONFIG_DERIVED_FORM, message, kpi.id.span)
                    .help(msg!("consistency-derived-form-help")),
            );
        }
        for other in d.plus.iter().chain(&d.minus) {
            let name = other.value.as_str();
            if ix.kpis.contains_key(name) || ix.dropped(Kind::Config, "kpis", name) {
                continue;
            }
            let diag = Diagnostic::new(
                &rules::DOCUMENT_UNKNOWN_KPI,
                msg!("links-unknown-kpi", id = name),
                other.span,
            );
            let hint = suggest::hint(name, ix.kpis.keys().copied(), None);
            out.push(diag.help(hint.unwrap_or_else(|| msg!("links-unknown-kpi-help"))));
        }
    }
    check_cycles(ix, out);
}

/// `config.derived-cycle`: a KPI whose `plus`/`minus` lead back to itself, reported once per
/// cycle, at its first member in the catalogue.
fn check_cycles(ix: &Index, out: &mut Vec<Diagnostic>) {
    let operands = |id: &str| -> Vec<&Spanned<crate::model::ids::KpiId>> {
        ix.kpis
            .get(id)
            .and_then(|k| k.derived.as_ref())
            .map(|d| d.plus.iter().chain(&d.minus).collect())
            .unwrap_or_default()
    };
    let mut reported: HashSet<&str> = HashSet::new();
    for kpi in &ix.ws.config.kpis {
        let start = kpi.id.value.as_str();
        if reported.contains(start) {
            continue;
        }
        // Depth first from `start`, looking for a path back to it.
        let mut stack: Vec<(Vec<&str>, Span)> = vec![(vec![start], kpi.id.span)];
        let mut seen: HashSet<&str> = HashSet::new();
        let mut found = None;
        while let Some((path, _)) = stack.pop() {
            let Some(last) = path.last().copied() else { continue };
            for next in operands(last) {
                let n = next.value.as_str();
                if n == start {
                    found = Some((path.clone(), next.span));
                    break;
                }
                if seen.insert(n) && ix.kpis.contains_key(n) {
                    let mut longer = path.clone();
                    longer.push(n);
                    stack.push((longer, next.span));
                }
            }
            if found.is_some() {
                break;
            }
        }
        let Some((path, closing)) = found else { continue };
        reported.extend(path.iter().copied());
        let mut chain: Vec<String> = path.iter().map(|k| format!("`{k}`")).collect();
        chain.push(format!("`{start}`"));
        let message = msg!("consistency-derived-cycle", kpi = start, chain = chain.join(" → "));
        out.push(
            Diagnostic::new(&rules::CONFIG_DERIVED_CYCLE, message, kpi.id.span)
                .related(closing, msg!("consistency-derived-cycle-closes"))
                .help(msg!("consistency-derived-cycle-help")),
        );
    }
}

/// The unit-level actual of `kpi` in a review: no scope, post or region.
fn unit_actual<'a>(review: &'a Review, kpi: &str) -> Option<&'a Actual> {
    review.actuals.iter().find(|a| {
        a.kpi.value.as_str() == kpi
            && a.scope.is_none()
            && a.per_post.is_none()
            && a.region.is_none()
    })
}

/// What a derived KPI should be: the value, what it was computed from (for the message) and
/// the working (for the note).
struct Expected {
    value: Decimal,
    message: fn(&str, String, String) -> Msg,
    working: Msg,
    related: Vec<(Span, Msg)>,
}

/// `review.derived-mismatch`: a derived KPI's actual differs from what it is derived from by
/// more than its `tolerance`.
pub fn check_derived(ix: &Index, out: &mut Vec<Diagnostic>) {
    for (review, _) in &ix.reviews {
        // A KPI derived from another whose own figure is off is not reported too: one wrong
        // `expenses` would otherwise also make `profit` (margin − expenses) look wrong.
        let mut found: Vec<(&str, &Derived, Diagnostic)> = Vec::new();
        for kpi in &ix.ws.config.kpis {
            let Some(derived) = &kpi.derived else { continue };
            let id = kpi.id.value.as_str();
            if ix.kpis.get(id).is_none_or(|k| !std::ptr::eq(*k, kpi)) {
                continue; // a duplicate entry (`config.duplicate-kpi`)
            }
            let Some(actual) = unit_actual(review.value, id) else { continue };
            let Some(value) = &actual.actual else { continue };
            let Ok(Some(expected)) = expected(ix, *review, derived) else { continue };
            let Ok(diff) = exact::sub(value.value.0, expected.value) else { continue };
            let tolerance = derived.tolerance.as_ref().map_or(Decimal::ZERO, |t| t.value.0.abs());
            if diff.abs() <= tolerance {
                continue;
            }
            let shown = (grouped(value.value.0), grouped(expected.value));
            let message = (expected.message)(id, shown.0, shown.1);
            let fix = Fix::replace(
                msg!("consistency-derived-fix", value = expected.value.normalize().to_string()),
                Applicability::Unsafe,
                value.span,
                expected.value.to_string(),
            );
            let mut diag = Diagnostic::new(&rules::REVIEW_DERIVED_MISMATCH, message, value.span)
                .note(expected.working)
                .related(kpi.id.span, msg!("consistency-derived-here", kpi = id));
            for (span, note) in expected.related {
                diag = diag.related(span, note);
            }
            if !tolerance.is_zero() {
                diag = diag.help(msg!("consistency-tolerance", tolerance = grouped(tolerance)));
            }
            found.push((id, derived, diag.fix(fix)));
        }
        let wrong: Vec<&str> = found.iter().map(|(id, ..)| *id).collect();
        for (_, derived, diag) in found {
            let mut operands = derived.plus.iter().chain(&derived.minus);
            if !operands.any(|k| wrong.contains(&k.value.as_str())) {
                out.push(diag);
            }
        }
    }
}

/// What `derived` gives for `review`; `Ok(None)` when it cannot be told (a figure missing,
/// spend not all filled in yet, a malformed `derived`).
fn expected(
    ix: &Index,
    review: Doc<'_, Review>,
    derived: &Derived,
) -> Result<Option<Expected>, OutOfRange> {
    let r = review.value;
    let sum = !derived.plus.is_empty() || !derived.minus.is_empty();
    match (&derived.from, sum) {
        (Some(from), false) => from_source(ix, review, from.value),
        (None, true) => from_kpis(r, derived),
        _ => Ok(None),
    }
}

fn from_source(
    ix: &Index,
    review: Doc<'_, Review>,
    source: Source,
) -> Result<Option<Expected>, OutOfRange> {
    let r = review.value;
    let unit = r.unit.value.as_str();
    let period = r.period.value;
    match source {
        Source::Spend => {
            // Not all lines have spend yet: nothing to compare until they have.
            let filled: Option<Vec<_>> = r.spend.iter().map(|s| s.actual.as_ref()).collect();
            let Some(filled) = filled.filter(|f| !f.is_empty()) else { return Ok(None) };
            let value = exact::sum(filled.iter().map(|a| a.value.0))?;
            let terms: Vec<String> = r
                .spend
                .iter()
                .zip(&filled)
                .map(|(s, a)| format!("`{}` {}", s.line.value.as_str(), grouped(a.value.0)))
                .collect();
            let working = msg!(
                "consistency-working-spend",
                count = terms.len(),
                terms = terms.join(" + "),
                total = grouped(value)
            );
            let message: fn(&str, String, String) -> Msg =
                |k, a, e| msg!("consistency-mismatch-spend", kpi = k, actual = a, expected = e);
            Ok(Some(Expected { value, message, working, related: Vec::new() }))
        }
        Source::Budget => {
            let Some(budget) = ix.budget(unit, period) else { return Ok(None) };
            let value = budget.value.computed_total()?;
            let path = budget.doc.meta.path.display().to_string();
            let working = msg!(
                "consistency-working-budget",
                file = path,
                count = budget.value.lines.len(),
                total = grouped(value)
            );
            let message: fn(&str, String, String) -> Msg =
                |k, a, e| msg!("consistency-mismatch-budget", kpi = k, actual = a, expected = e);
            let related = vec![(budget.value.period.span, msg!("consistency-the-budget"))];
            Ok(Some(Expected { value, message, working, related }))
        }
        Source::Headcount => {
            if ix.roster_gap(unit).is_some() {
                return Ok(None);
            }
            let day = period.as_of();
            let mut people: HashSet<&str> = HashSet::new();
            for roster in ix.rosters_of(unit) {
                for person in roster.value.people.iter().filter(|p| p.employed_on(day)) {
                    people.insert(person.id.value.as_str());
                }
            }
            let value = Decimal::from(people.len());
            let working = msg!(
                "consistency-working-headcount",
                unit = unit,
                day = day.to_string(),
                count = people.len()
            );
            let message: fn(&str, String, String) -> Msg =
                |k, a, e| msg!("consistency-mismatch-headcount", kpi = k, actual = a, expected = e);
            Ok(Some(Expected { value, message, working, related: Vec::new() }))
        }
    }
}

fn from_kpis(r: &Review, derived: &Derived) -> Result<Option<Expected>, OutOfRange> {
    let mut value = Decimal::ZERO;
    let mut terms = String::new();
    let mut related = Vec::new();
    let signed =
        derived.plus.iter().map(|k| (k, '+')).chain(derived.minus.iter().map(|k| (k, '−')));
    for (kpi, sign) in signed {
        let id = kpi.value.as_str();
        let Some(actual) = unit_actual(r, id) else { return Ok(None) };
        let Some(figure) = &actual.actual else { return Ok(None) };
        let Figure(v) = figure.value;
        value = if sign == '+' { exact::add(value, v)? } else { exact::sub(value, v)? };
        if !terms.is_empty() || sign == '−' {
            terms.push_str(if terms.is_empty() {
                "− "
            } else if sign == '+' {
                " + "
            } else {
                " − "
            });
        }
        terms.push_str(&format!("`{id}` {}", grouped(v)));
        related.push((figure.span, msg!("consistency-operand", kpi = id)));
    }
    let working = msg!("consistency-working-kpis", terms = terms, total = grouped(value));
    let message: fn(&str, String, String) -> Msg =
        |k, a, e| msg!("consistency-mismatch-kpis", kpi = k, actual = a, expected = e);
    Ok(Some(Expected { value, message, working, related }))
}

/// Whether `kpi` is measured in percent.
fn is_percent(kpi: &Kpi) -> bool {
    kpi.unit.as_deref().is_some_and(|u| matches!(u.trim(), "%" | "％"))
}

/// A value that reads as a fraction of one: at most 1 either way, with a fractional part.
fn looks_fractional(v: Decimal) -> bool {
    v.abs() <= Decimal::ONE && !v.fract().is_zero()
}

/// `document.percent-as-fraction`: a value of a `%` KPI written as a fraction (`0.95`) where
/// the plan's target or floor for it (else the rest of the repository) is written in percent.
pub fn check_fractions(ix: &Index, out: &mut Vec<Diagnostic>) {
    let percent: HashSet<&str> =
        ix.ws.config.kpis.iter().filter(|k| is_percent(k)).map(|k| k.id.value.as_str()).collect();
    if percent.is_empty() {
        return;
    }
    // Every value of each `%` KPI in the repository written in percent (more than 1).
    let mut elsewhere: HashMap<String, Decimal> = HashMap::new();
    let mut note = |kpi: &str, v: Option<&Spanned<Figure>>| {
        if let Some(v) = v.filter(|v| v.value.0.abs() > Decimal::ONE) {
            elsewhere.entry(kpi.to_owned()).or_insert(v.value.0);
        }
    };
    for (plan, _) in &ix.plans {
        for t in &plan.value.targets {
            let k = t.kpi.value.as_str();
            note(k, t.target.as_ref());
            note(k, t.floor.as_ref());
            if let Some(r) = &t.range {
                note(k, Some(&r.min));
                note(k, Some(&r.max));
            }
        }
    }
    for (review, _) in &ix.reviews {
        for a in &review.value.actuals {
            note(a.kpi.value.as_str(), a.actual.as_ref());
        }
    }
    let judge = |out: &mut Vec<Diagnostic>, kpi: &str, v: &Spanned<Figure>, aim: &[Decimal]| {
        if !percent.contains(kpi) || !looks_fractional(v.value.0) {
            return;
        }
        let evidence = if aim.is_empty() {
            elsewhere.get(kpi).copied()
        } else {
            aim.iter().copied().find(|a| a.abs() > Decimal::ONE)
        };
        // Nearer 100 times the value than the value itself (0.8 % against a target of 1.5 % is
        // no fraction): above ten times it, the geometric middle.
        let near_percent =
            |e: Decimal| exact::mul(v.value.0.abs(), Decimal::TEN).is_ok_and(|t| e.abs() > t);
        let Some(evidence) = evidence.filter(|e| near_percent(*e)) else { return };
        let Ok(fixed) = exact::mul(v.value.0, Decimal::ONE_HUNDRED) else { return };
        let fixed = fixed.normalize().to_string();
        let message = msg!(
            "consistency-fraction",
            kpi = kpi,
            value = v.value.0.to_string(),
            other = evidence.normalize().to_string()
        );
        out.push(
            Diagnostic::new(&rules::DOCUMENT_PERCENT_AS_FRACTION, message, v.span)
                .help(msg!("consistency-fraction-help", fixed = &fixed))
                .fix(Fix::replace(
                    msg!("consistency-fraction-fix", fixed = &fixed),
                    Applicability::Unsafe,
                    v.span,
                    fixed,
                )),
        );
    };
    for (plan, _) in &ix.plans {
        for t in &plan.value.targets {
            let k = t.kpi.value.as_str();
            let mut fields: Vec<&Spanned<Figure>> = t.target.iter().chain(&t.floor).collect();
            if let Some(r) = &t.range {
                fields.extend([&r.min, &r.max]);
            }
            for (i, v) in fields.iter().enumerate() {
                let others: Vec<Decimal> = fields
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| *j != i)
                    .map(|(_, o)| o.value.0)
                    .collect();
                judge(out, k, v, &others);
            }
        }
    }
    for (review, _) in &ix.reviews {
        let plan = ix.plan_of_review(*review);
        for a in &review.value.actuals {
            let Some(v) = &a.actual else { continue };
            let target = plan.and_then(|p| p.value.targets.iter().find(|t| a.reports_on(t)));
            let aim: Vec<Decimal> = target
                .map(|t| t.target.iter().chain(&t.floor).map(|f| f.value.0).collect())
                .unwrap_or_default();
            judge(out, a.kpi.value.as_str(), v, &aim);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::tests::{budget, plan, review, roster, run_with};

    const CONFIG: &str = "name: 测试公司
units:
  - { id: henan, name: 河南分公司 }
kpis:
  - { id: staff, name: 在岗人数, derived: { from: headcount } }
  - { id: budgeted, name: 预算额, unit: CNY, derived: { from: budget } }
  - { id: returns, name: 退货率, unit: '%' }
";

    fn found(files: &[(&str, &str)]) -> Vec<String> {
        let mut out = Vec::new();
        for check in [super::check_derived, super::check_fractions] {
            let diags = run_with(CONFIG, check, files);
            out.extend(diags.iter().map(|d| format!("{}: {}", d.rule.id, d.message.en())));
        }
        out
    }

    #[test]
    fn headcount_counts_the_people_employed_on_the_last_day() {
        let people = "posts:\n  - { id: rep, title: 业务员, establishment: 5 }\npeople:
  - { id: p1, name: 甲, post: rep }
  - { id: p2, name: 乙, post: rep, until: 2026-12-15 }
  - { id: p3, name: 丙, post: rep, since: 2027-01-01 }
";
        let plan = plan("targets:\n  - { kpi: staff, target: 2 }\n");
        let roster = roster(people);
        let review = review("actuals:\n  - { kpi: staff, actual: 2 }\n");
        let files = [("r.yaml", roster.as_str()), ("p.md", &plan), ("v.md", &review)];
        let expected = "`staff` is 2 but the headcount at the end of the period is 1";
        assert_eq!(found(&files), [format!("review.derived-mismatch: {expected}")]);
    }

    #[test]
    fn budget_is_the_total_of_the_period_budget() {
        let budget = budget("lines:\n  - { id: rent, name: 房租, amount: 4000 }\n");
        let plan = plan("targets:\n  - { kpi: budgeted, target: 4000 }\n");
        let right = review("actuals:\n  - { kpi: budgeted, actual: 4000 }\n");
        let files = [("b.yaml", budget.as_str()), ("p.md", &plan), ("v.md", &right)];
        assert!(found(&files).is_empty());
        let wrong = right.replace("actual: 4000", "actual: 3000");
        let files = [("b.yaml", budget.as_str()), ("p.md", &plan), ("v.md", &wrong)];
        assert_eq!(
            found(&files),
            ["review.derived-mismatch: `budgeted` is 3,000 but the period's budget totals 4,000"]
        );
    }

    #[test]
    fn a_small_percentage_near_its_target_is_no_fraction() {
        let plan = plan("targets:\n  - { kpi: returns, target: 1.5 }\n");
        let review = review("actuals:\n  - { kpi: returns, actual: 0.8 }\n");
        assert!(found(&[("p.md", &plan), ("v.md", &review)]).is_empty());
        let plan = plan.replace("target: 1.5", "target: 15");
        let found = found(&[("p.md", &plan), ("v.md", &review)]);
        assert_eq!(found.len(), 1, "{found:?}");
    }
}
