//! The document changes between two versions of a data repository, and what they do to the
//! rollups.
//!
//! One rule decides which documents are "the same" for both `log` (one commit against its
//! parent, in [`walk`](crate::history::history)) and `diff` (two loaded workspaces):
//! [`match_versions`]. Documents are matched by identity (kind, unit, period; pages by path), so
//! a document that moved and changed is one rename with its field changes, whichever command
//! reports it. Takes typed documents as JSON values; returns [`DocChange`]s in path order.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use rust_decimal::Decimal;
use serde_json::Value;

use crate::history::semantic;
use crate::history::walk::{ChangeKind, DocChange};
use crate::index::Index;
use crate::load::CONFIG_FILE;
use crate::model::Workspace;
use crate::model::period::Period;
use crate::rollup::{Options, budget, headcount};

/// The identity of `planbook.yaml`, which is compared like a document.
pub(crate) const CONFIG_IDENTITY: &str = "planbook.yaml";

/// One version of a document, as compared: where it was, what it is and what it said.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Version<'a> {
    /// Its path in the data repository.
    pub(crate) path: &'a Path,
    /// Its identity ([`semantic::identity`]).
    pub(crate) identity: &'a str,
    /// Its content ([`semantic::to_value`]).
    pub(crate) value: &'a Value,
}

/// The changes from `before` to `after`, matching documents by identity.
///
/// A document whose identity is on both sides at the same path is modified (when a field
/// differs); at another path it was renamed; an identity on one side only was added or
/// removed. When several documents share an identity, the one at the same path is matched
/// first, then the others in path order. The result is in path order.
pub(crate) fn match_versions(before: &[Version], after: &[Version]) -> Vec<DocChange> {
    let mut by_identity: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut order: Vec<usize> = (0..before.len()).collect();
    order.sort_by(|&x, &y| before[x].path.cmp(before[y].path));
    for i in order {
        by_identity.entry(before[i].identity).or_default().push(i);
    }
    let mut taken = vec![false; before.len()];
    let mut out = Vec::new();
    let mut moved_or_new = Vec::new();
    for new in after {
        let same_path = by_identity.get(new.identity).and_then(|list| {
            list.iter().copied().find(|&i| !taken[i] && before[i].path == new.path)
        });
        match same_path {
            Some(i) => {
                taken[i] = true;
                let fields = semantic::diff(before[i].value, new.value);
                if !fields.is_empty() {
                    out.push(change(new, ChangeKind::Modified, fields));
                }
            }
            None => moved_or_new.push(new),
        }
    }
    for new in moved_or_new {
        let old = by_identity
            .get(new.identity)
            .and_then(|list| list.iter().copied().find(|&i| !taken[i]));
        match old {
            Some(i) => {
                taken[i] = true;
                let kind = ChangeKind::Renamed { from: before[i].path.to_path_buf() };
                out.push(change(new, kind, semantic::diff(before[i].value, new.value)));
            }
            None => out.push(change(new, ChangeKind::Added, Vec::new())),
        }
    }
    for (old, _) in before.iter().zip(&taken).filter(|(_, taken)| !**taken) {
        out.push(change(old, ChangeKind::Removed, Vec::new()));
    }
    out.sort_by(|a, b| (&a.path, &a.identity).cmp(&(&b.path, &b.identity)));
    out
}

fn change(v: &Version, kind: ChangeKind, fields: Vec<semantic::FieldChange>) -> DocChange {
    DocChange { identity: v.identity.to_string(), path: v.path.to_path_buf(), kind, fields }
}

/// A semantic diff between two versions of a data repository.
#[derive(Debug, Clone)]
pub struct DiffReport {
    /// The documents that changed, in path order.
    pub changes: Vec<DocChange>,
    /// The rollup figures the changes move.
    pub effects: Vec<Effect>,
}

/// A rollup figure that differs between the two versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Effect {
    /// Which figure.
    pub figure: Figure,
    /// Its value before; none when it did not exist.
    pub before: Option<Amount>,
    /// Its value after; none when it no longer exists.
    pub after: Option<Amount>,
}

/// A rollup figure the diff follows, in report order.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Figure {
    /// The computed total of a unit's budget for a period.
    BudgetTotal {
        /// The unit.
        unit: String,
        /// The budget's period.
        period: Period,
    },
    /// The headcount of a unit's roster.
    Headcount {
        /// The unit.
        unit: String,
    },
}

/// The value of a [`Figure`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Amount {
    /// Money, exact.
    Money(Decimal),
    /// People on staff against the establishment.
    Staffing {
        /// People on staff.
        headcount: u64,
        /// Sum of the posts' establishments.
        establishment: u64,
    },
}

/// Compares two loaded workspaces: the documents (and `planbook.yaml`) that changed, and the
/// budget totals and headcounts they move.
pub fn compare(before: &Workspace, after: &Workspace) -> DiffReport {
    let (old, new) = (Versions::of(before), Versions::of(after));
    DiffReport {
        changes: match_versions(&old.borrowed(), &new.borrowed()),
        effects: effects(before, after),
    }
}

/// A workspace's documents as owned (path, identity, value).
struct Versions(Vec<(PathBuf, String, Value)>);

impl Versions {
    fn of(ws: &Workspace) -> Versions {
        let config = serde_json::to_value(&ws.config).unwrap_or(Value::Null);
        let config = (PathBuf::from(CONFIG_FILE), CONFIG_IDENTITY.to_string(), config);
        let docs = ws
            .documents
            .iter()
            .map(|d| (d.meta.path.clone(), semantic::identity(d), semantic::to_value(d)));
        Versions(std::iter::once(config).chain(docs).collect())
    }

    fn borrowed(&self) -> Vec<Version<'_>> {
        self.0.iter().map(|(path, identity, value)| Version { path, identity, value }).collect()
    }
}

/// Budget totals and headcounts that differ, in [`Figure`] order.
fn effects(before: &Workspace, after: &Workspace) -> Vec<Effect> {
    let figures = |ws: &Workspace| -> BTreeMap<Figure, Amount> {
        let index = Index::new(ws);
        let options = Options::default();
        let totals = budget::rollup(&index, &options).budgets.into_iter().map(|s| {
            (Figure::BudgetTotal { unit: s.unit, period: s.period }, Amount::Money(s.total))
        });
        let heads = headcount::rollup(&index, &options).rosters.into_iter().map(|r| {
            let staffing =
                Amount::Staffing { headcount: r.headcount, establishment: r.establishment };
            (Figure::Headcount { unit: r.unit }, staffing)
        });
        totals.chain(heads).collect()
    };
    let (mut old, new) = (figures(before), figures(after));
    let mut out = Vec::new();
    for (figure, value) in new {
        let was = old.remove(&figure);
        if was.as_ref() != Some(&value) {
            out.push(Effect { figure, before: was, after: Some(value) });
        }
    }
    out.extend(old.into_iter().map(|(figure, was)| Effect {
        figure,
        before: Some(was),
        after: None,
    }));
    out.sort_by(|a, b| a.figure.cmp(&b.figure));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn v<'a>(path: &'a str, identity: &'a str, value: &'a Value) -> Version<'a> {
        Version { path: Path::new(path), identity, value }
    }

    #[test]
    fn a_moved_and_edited_document_is_one_rename() {
        let (a, b) = (json!({"total": "1"}), json!({"total": "2"}));
        let changes = match_versions(
            &[v("x/a.yaml", "budget x 2026-12", &a)],
            &[v("x/b.yaml", "budget x 2026-12", &b)],
        );
        assert_eq!(changes.len(), 1, "{changes:#?}");
        assert!(matches!(&changes[0].kind, ChangeKind::Renamed { from } if from == "x/a.yaml"));
        assert_eq!(changes[0].fields[0].field, "total");
    }

    #[test]
    fn a_new_identity_at_the_same_path_replaces_the_document() {
        let a = json!({"period": "2026-11"});
        let b = json!({"period": "2026-12"});
        let changes = match_versions(
            &[v("x/b.yaml", "budget x 2026-11", &a)],
            &[v("x/b.yaml", "budget x 2026-12", &b)],
        );
        let kinds: Vec<_> = changes.iter().map(|c| (&c.identity, &c.kind)).collect();
        assert!(
            matches!(
                kinds.as_slice(),
                [(_, ChangeKind::Added), (_, ChangeKind::Removed)]
                    | [(_, ChangeKind::Removed), (_, ChangeKind::Added)]
            ),
            "{changes:#?}"
        );
    }

    #[test]
    fn duplicates_match_at_their_own_path_first() {
        let a = json!({"total": "1"});
        let before = [v("a.yaml", "budget x 2026-12", &a), v("b.yaml", "budget x 2026-12", &a)];
        let after = [v("b.yaml", "budget x 2026-12", &a), v("c.yaml", "budget x 2026-12", &a)];
        let changes = match_versions(&before, &after);
        assert_eq!(changes.len(), 1, "{changes:#?}");
        assert!(matches!(&changes[0].kind, ChangeKind::Renamed { from } if from == "a.yaml"));
        assert_eq!(changes[0].path, Path::new("c.yaml"));
    }
}
