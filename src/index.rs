//! Lookup tables over a loaded [`Workspace`]: units, KPIs, rosters, people and documents by
//! unit and period. Built once, read by `validate` and `rollup`.
//!
//! Also what did not load whole ([`Workspace::broken`]): rules ask [`Index::roster_gap`],
//! [`Index::broken_doc`], [`Index::broken_link`] and [`Index::dropped`] before calling a
//! reference unknown, and record what they could not check ([`Index::not_checked`]).

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use crate::model::config::{Kpi, Unit};
use crate::model::dating::Assignment;
use crate::model::period::{Date, Period};
use crate::model::roster::{Person, Post};
use crate::model::{
    Body, Broken, Budget, Content, Document, Kind, Plan, Review, Roster, Workspace,
};
use crate::source::{FileId, Span};

/// A check a rule left undone because what it needs is in a broken document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unchecked {
    /// The broken document: its position in [`Workspace::broken`].
    pub broken: usize,
    /// The file of the document that depends on it.
    pub dependant: FileId,
    /// That document's kind.
    pub kind: Kind,
    /// The reference in the dependant that was not checked.
    pub span: Span,
}

/// A document of a given kind with its metadata.
#[derive(Debug)]
pub struct Doc<'a, T> {
    /// The document (for its path and file).
    pub doc: &'a Document,
    /// Its typed content.
    pub value: &'a T,
}

impl<T> Clone for Doc<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Doc<'_, T> {}

/// Lookup tables over a workspace.
#[derive(Debug)]
pub struct Index<'a> {
    /// The workspace.
    pub ws: &'a Workspace,
    /// Units by id (first definition wins).
    pub units: HashMap<&'a str, &'a Unit>,
    /// KPIs by id (first definition wins).
    pub kpis: HashMap<&'a str, &'a Kpi>,
    /// Every roster.
    pub rosters: Vec<Doc<'a, Roster>>,
    /// Every budget.
    pub budgets: Vec<Doc<'a, Budget>>,
    /// Every plan with its narrative.
    pub plans: Vec<(Doc<'a, Plan>, &'a Body)>,
    /// Every review with its narrative.
    pub reviews: Vec<(Doc<'a, Review>, &'a Body)>,
    /// People by id, with the roster they are on (first occurrence wins).
    pub people: HashMap<&'a str, (&'a Person, Doc<'a, Roster>)>,
    /// Documents by repository-relative path.
    pub by_path: HashMap<&'a Path, &'a Document>,
    children: HashMap<&'a str, Vec<&'a str>>,
    rosters_by_unit: HashMap<&'a str, Vec<Doc<'a, Roster>>>,
    budgets_by_key: HashMap<(&'a str, Period), Doc<'a, Budget>>,
    plans_by_key: HashMap<(&'a str, Period), Doc<'a, Plan>>,
    /// What rules could not check, for one note per broken document and kind of dependant.
    unchecked: std::sync::Mutex<Vec<Unchecked>>,
}

impl<'a> Index<'a> {
    /// Builds the tables.
    pub fn new(ws: &'a Workspace) -> Index<'a> {
        let mut index = Index {
            ws,
            units: HashMap::new(),
            kpis: HashMap::new(),
            rosters: Vec::new(),
            budgets: Vec::new(),
            plans: Vec::new(),
            reviews: Vec::new(),
            people: HashMap::new(),
            by_path: HashMap::new(),
            children: HashMap::new(),
            rosters_by_unit: HashMap::new(),
            budgets_by_key: HashMap::new(),
            plans_by_key: HashMap::new(),
            unchecked: Default::default(),
        };
        for unit in &ws.config.units {
            index.units.entry(unit.id.value.as_str()).or_insert(unit);
            if let Some(parent) = &unit.parent {
                index
                    .children
                    .entry(parent.value.as_str())
                    .or_default()
                    .push(unit.id.value.as_str());
            }
        }
        for kpi in &ws.config.kpis {
            index.kpis.entry(kpi.id.value.as_str()).or_insert(kpi);
        }
        for doc in &ws.documents {
            index.by_path.insert(&doc.meta.path, doc);
            match &doc.content {
                Content::Roster(r) => {
                    let entry = Doc { doc, value: &**r };
                    index.rosters.push(entry);
                    index.rosters_by_unit.entry(r.unit.value.as_str()).or_default().push(entry);
                    for person in &r.people {
                        index.people.entry(person.id.value.as_str()).or_insert((person, entry));
                    }
                }
                Content::Budget(b) => {
                    let entry = Doc { doc, value: &**b };
                    index.budgets.push(entry);
                    index
                        .budgets_by_key
                        .entry((b.unit.value.as_str(), b.period.value))
                        .or_insert(entry);
                }
                Content::Plan(p, body) => {
                    let entry = Doc { doc, value: &**p };
                    index.plans.push((entry, body));
                    index
                        .plans_by_key
                        .entry((p.unit.value.as_str(), p.period.value))
                        .or_insert(entry);
                }
                Content::Review(r, body) => index.reviews.push((Doc { doc, value: &**r }, body)),
                Content::Page(..) => {}
            }
        }
        index
    }

    /// The unit and every unit below it in the hierarchy.
    pub fn unit_and_descendants(&self, unit: &str) -> Vec<&'a str> {
        let mut out: Vec<&'a str> = Vec::new();
        let Some(known) = self.units.get(unit) else { return out };
        let mut stack = vec![known.id.value.as_str()];
        let mut seen = std::collections::HashSet::new();
        while let Some(u) = stack.pop() {
            if !seen.insert(u) {
                continue;
            }
            out.push(u);
            stack.extend(self.children.get(u).into_iter().flatten().copied());
        }
        out
    }

    /// Whether `unit` is `ancestor` or below it.
    pub fn is_within(&self, unit: &str, ancestor: &str) -> bool {
        let mut current = unit;
        for _ in 0..=self.units.len() {
            if current == ancestor {
                return true;
            }
            match self.units.get(current).and_then(|u| u.parent.as_ref()) {
                Some(parent) => current = parent.value.as_str(),
                None => return false,
            }
        }
        false
    }

    /// The rosters of a unit and its sub-units.
    pub fn rosters_of(&self, unit: &str) -> Vec<Doc<'a, Roster>> {
        let mut units = self.unit_and_descendants(unit);
        if units.is_empty() {
            units.push(unit);
        }
        units.iter().filter_map(|u| self.rosters_by_unit.get(u)).flatten().copied().collect()
    }

    /// Whether `person` is on the roster of `unit` or one of its sub-units.
    pub fn person_in_unit(&self, person: &str, unit: &str) -> bool {
        let Some((_, roster)) = self.people.get(person) else { return false };
        if self.is_within(roster.value.unit.value.as_str(), unit) {
            return true;
        }
        // A person listed on several rosters (`roster.duplicate-person`) counts on each.
        self.rosters_of(unit)
            .iter()
            .any(|r| r.value.people.iter().any(|p| p.id.value.as_str() == person))
    }

    /// The post `post` as defined on a roster of `unit` or its sub-units.
    pub fn post_in_unit(&self, post: &str, unit: &str) -> Option<&'a Post> {
        self.rosters_of(unit)
            .into_iter()
            .find_map(|r| r.value.posts.iter().find(|p| p.id.value.as_str() == post))
    }

    /// Person `id` and what they hold on `day`, when they are on staff that day.
    pub fn person_on(&self, id: &str, day: Date) -> Option<(&'a Person, Assignment<'a>)> {
        let (person, _) = self.people.get(id)?;
        person.employed_on(day).then(|| (*person, person.on(day)))
    }

    /// The people of the rosters of `unit` and its sub-units on staff on `day`.
    pub fn people_of(&self, unit: &str, day: Date) -> Vec<&'a Person> {
        let rosters = self.rosters_of(unit);
        rosters.iter().flat_map(|r| &r.value.people).filter(|p| p.employed_on(day)).collect()
    }

    /// The people of the rosters of `unit` and its sub-units on staff on any day of `period`.
    pub fn staff_during(&self, unit: &str, period: Period) -> Vec<&'a Person> {
        let rosters = self.rosters_of(unit);
        let people = rosters.iter().flat_map(|r| &r.value.people);
        people.filter(|p| p.employed_during(period)).collect()
    }

    /// The post `post` of a roster of `unit` or its sub-units, when it exists on `day`.
    pub fn post_on(&self, unit: &str, post: &str, day: Date) -> Option<&'a Post> {
        self.post_in_unit(post, unit).filter(|p| p.exists_on(day))
    }

    /// The budget of `unit` for `period`.
    pub fn budget(&self, unit: &str, period: Period) -> Option<Doc<'a, Budget>> {
        self.budgets_by_key.get(&(unit, period)).copied()
    }

    /// The plan of `unit` for `period`.
    pub fn plan(&self, unit: &str, period: Period) -> Option<Doc<'a, Plan>> {
        self.plans_by_key.get(&(unit, period)).copied()
    }

    /// The document a link in `from` points at, if it exists.
    pub fn linked(&self, from: &Document, link: &str) -> Option<&'a Document> {
        self.by_path.get(resolve_link(&from.meta.path, link).as_path()).copied()
    }

    /// The plan a review reviews: its `plan:` link, else the plan of its unit and period.
    pub fn plan_of_review(&self, review: Doc<'a, Review>) -> Option<Doc<'a, Plan>> {
        match &review.value.plan {
            Some(link) => match self.linked(review.doc, link) {
                Some(doc) => match &doc.content {
                    Content::Plan(p, _) => Some(Doc { doc, value: &**p }),
                    _ => None,
                },
                None => None,
            },
            None => self.plan(&review.value.unit.value.0, review.value.period.value),
        }
    }

    /// The budget a plan links to, else the budget of its unit and period.
    pub fn budget_of_plan(&self, plan: Doc<'a, Plan>) -> Option<Doc<'a, Budget>> {
        match &plan.value.budget {
            Some(link) => self.linked(plan.doc, link).and_then(|doc| match &doc.content {
                Content::Budget(b) => Some(Doc { doc, value: &**b }),
                _ => None,
            }),
            None => self.budget(&plan.value.unit.value.0, plan.value.period.value),
        }
    }
}

/// Containment: what did not load whole, asked before a reference is called unknown.
impl<'a> Index<'a> {
    /// A roster of `unit` or one of its sub-units (or of a unit that could not be read) that
    /// did not load at all: people and posts of `unit` may be on it.
    pub fn roster_gap(&self, unit: &str) -> Option<&'a Broken> {
        self.ws.broken.iter().find(|b| {
            b.is_whole()
                && may_be(b, Kind::Roster)
                && b.unit.as_deref().is_none_or(|u| self.is_within(u, unit))
        })
    }

    /// A roster of any unit that did not load at all: a manager may be on it.
    pub fn roster_gap_anywhere(&self) -> Option<&'a Broken> {
        self.ws.broken.iter().find(|b| b.is_whole() && may_be(b, Kind::Roster))
    }

    /// A document of `kind` (or of a kind that could not be read) for `unit` and `period` that
    /// did not load at all.
    pub fn broken_doc(&self, kind: Kind, unit: &str, period: Period) -> Option<&'a Broken> {
        self.ws.broken.iter().find(|b| {
            b.is_whole()
                && may_be(b, kind)
                && b.unit.as_deref().is_none_or(|u| u == unit)
                && b.period.is_none_or(|p| p == period)
        })
    }

    /// The document a link in `from` points at, when it did not load at all.
    pub fn broken_link(&self, from: &Document, link: &str) -> Option<&'a Broken> {
        let target = resolve_link(&from.meta.path, link);
        self.ws.broken.iter().find(|b| b.is_whole() && b.path == target)
    }

    /// `planbook.yaml`, when it did not load at all (units and KPIs are then unknown).
    pub fn broken_config(&self) -> Option<&'a Broken> {
        self.ws.broken.iter().find(|b| b.is_whole() && b.kind == Some(Kind::Config))
    }

    /// Whether an item with id `id` was left out of list `list` of a partial document of
    /// `kind` (its own error says what is wrong with it).
    pub fn dropped(&self, kind: Kind, list: &str, id: &str) -> bool {
        self.ws.broken.iter().any(|b| b.kind == Some(kind) && b.dropped(list, id))
    }

    /// Whether a person `id` may have been left out of a roster of `unit` or one of its
    /// sub-units (an entry with errors of its own): a roster of another unit, or one whose unit
    /// could not be read, does not excuse an unknown person here.
    pub fn person_dropped_in(&self, unit: &str, id: &str) -> bool {
        self.ws.broken.iter().any(|b| {
            b.kind == Some(Kind::Roster)
                && b.unit.as_deref().is_some_and(|u| self.is_within(u, unit))
                && b.dropped("people", id)
        })
    }

    /// Whether an item with id `id` was left out of list `list` of `doc`.
    pub fn dropped_in(&self, doc: &Document, list: &str, id: &str) -> bool {
        self.ws.broken.iter().any(|b| b.file == doc.meta.file && b.dropped(list, id))
    }

    /// Whether items were left out of `doc` because they have errors: totals and counts over
    /// its lists are then not what its writer meant.
    pub fn is_incomplete(&self, doc: &Document) -> bool {
        self.ws.broken.iter().any(|b| b.file == doc.meta.file && !b.dropped.is_empty())
    }

    /// Records that the reference at `span` in `dependant` was not checked against `broken`.
    pub fn not_checked(&self, broken: &Broken, dependant: &Document, span: Span) {
        let Some(at) = self.ws.broken.iter().position(|b| std::ptr::eq(b, broken)) else { return };
        let (file, kind) = (dependant.meta.file, dependant.content.kind());
        if let Ok(mut list) = self.unchecked.lock() {
            list.push(Unchecked { broken: at, dependant: file, kind, span });
        }
    }

    /// Everything recorded by [`Index::not_checked`], in the order recorded.
    pub fn unchecked(&self) -> Vec<Unchecked> {
        self.unchecked.lock().map(|l| l.clone()).unwrap_or_default()
    }
}

/// Whether `broken` may be a document of `kind`: it is, or its kind could not be read but its
/// unit could (a file of which nothing could be read is tied to no document).
fn may_be(broken: &Broken, kind: Kind) -> bool {
    match broken.kind {
        Some(k) => k == kind,
        None => broken.unit.is_some(),
    }
}

/// `link`, relative to the folder of `from`, as a normalised repository-relative path.
pub fn resolve_link(from: &Path, link: &str) -> PathBuf {
    let base = from.parent().unwrap_or(Path::new(""));
    let mut out = PathBuf::new();
    for part in base.join(link).components() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::Normal(p) => out.push(p),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_resolve_relative_to_the_file() {
        let from = Path::new("henan/2026-12.plan.md");
        assert_eq!(
            resolve_link(from, "2026-12.budget.yaml"),
            Path::new("henan/2026-12.budget.yaml")
        );
        assert_eq!(resolve_link(from, "../power/./x.md"), Path::new("power/x.md"));
    }
}
