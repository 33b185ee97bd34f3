//! `check.not-checked`: one note per broken document, saying which documents the rules did not
//! check against it (recorded by rules through [`Index::not_checked`]), counted by kind.

use crate::diag::{Diagnostic, rules};
use crate::i18n::{Msg, msg};
use crate::index::{Index, Unchecked};
use crate::model::Kind;

/// The kinds of dependant, in the order a note counts them.
const ORDER: [Kind; 5] = [Kind::Roster, Kind::Budget, Kind::Plan, Kind::Review, Kind::Page];

/// The notes for everything the rules recorded as not checked.
pub fn notes(ix: &Index) -> Vec<Diagnostic> {
    // Broken document → the first unchecked reference of each dependant file.
    let mut groups: Vec<(usize, Vec<Unchecked>)> = Vec::new();
    for u in ix.unchecked() {
        let at = match groups.iter().position(|(b, _)| *b == u.broken) {
            Some(at) => at,
            None => {
                groups.push((u.broken, Vec::new()));
                groups.len() - 1
            }
        };
        if let Some((_, list)) = groups.get_mut(at)
            && !list.iter().any(|v| v.dependant == u.dependant)
        {
            list.push(u);
        }
    }
    groups
        .into_iter()
        .filter_map(|(at, mut list)| {
            let broken = ix.ws.broken.get(at)?;
            let path = broken.path.display().to_string();
            let counts: Vec<Msg> = ORDER
                .iter()
                .map(|&kind| (kind, list.iter().filter(|u| same(u.kind, kind)).count()))
                .filter(|&(_, n)| n > 0)
                .map(|(kind, n)| count(kind, n))
                .collect();
            let what = series(counts)?;
            let message = msg!("containment-not-checked", what = what, path = &path);
            let mut diag = Diagnostic::new(&rules::CHECK_NOT_CHECKED, message, broken.first_error)
                .note(msg!("containment-first-error"))
                .help(msg!("containment-not-checked-help", path = &path));
            list.sort_by_key(|u| (u.span.file, u.span.start));
            for u in &list {
                diag = diag.related(u.span, msg!("containment-not-checked-here"));
            }
            Some(diag)
        })
        .collect()
}

/// Whether a dependant of kind `found` counts under `kind` (the configuration as a page).
fn same(found: Kind, kind: Kind) -> bool {
    found == kind || (found == Kind::Config && kind == Kind::Page)
}

fn count(kind: Kind, count: usize) -> Msg {
    match kind {
        Kind::Roster => msg!("containment-count-roster", count = count),
        Kind::Budget => msg!("containment-count-budget", count = count),
        Kind::Plan => msg!("containment-count-plan", count = count),
        Kind::Review => msg!("containment-count-review", count = count),
        Kind::Page | Kind::Config => msg!("containment-count-page", count = count),
    }
}

/// "a", "a and b", "a, b and c".
fn series(mut parts: Vec<Msg>) -> Option<Msg> {
    let mut rest = parts.pop()?;
    if let Some(second_last) = parts.pop() {
        rest = msg!("containment-pair", first = second_last, second = rest);
    }
    while let Some(before) = parts.pop() {
        rest = msg!("containment-series", first = before, rest = rest);
    }
    Some(rest)
}
