//! A person's name written where their id belongs (`person: 张三`, `reports_to: 李四`): the
//! unknown-person rules say whose name it is and, when exactly one person has it, write
//! their id with a safe fix (the writer named that person; only the spelling of the
//! reference changes). A name two people share gets their ids listed, and no fix.

use std::collections::HashMap;

use crate::diag::suggest::{Names, one_of};
use crate::diag::{Applicability, Diagnostic, Fix};
use crate::i18n::msg;
use crate::index::Index;
use crate::model::roster::Person;
use crate::source::Span;

/// People by name (trimmed), for looking up many written references against one roster
/// without scanning it each time.
#[derive(Debug, Default)]
pub struct NameIndex<'a> {
    ids: HashMap<&'a str, Vec<&'a str>>,
}

impl<'a> NameIndex<'a> {
    /// The names of `people`.
    pub fn new(people: impl IntoIterator<Item = &'a Person>) -> NameIndex<'a> {
        let mut ids: HashMap<&str, Vec<&str>> = HashMap::new();
        for p in people {
            ids.entry(p.name.trim()).or_default().push(p.id.value.as_str());
        }
        NameIndex { ids }
    }
}

/// `diag`, about the unknown person id `written` at `span`, with the help and fix for the name
/// of one of the people in `index` written instead of their id; unchanged when no one has that
/// name.
pub fn name_in_index(diag: Diagnostic, written: &str, span: Span, index: &NameIndex) -> Diagnostic {
    let name = written.trim();
    if name.is_empty() {
        return diag;
    }
    let mut ids: Vec<&str> = index.ids.get(name).cloned().unwrap_or_default();
    ids.sort_unstable();
    ids.dedup();
    match ids[..] {
        [] => diag,
        [id] => {
            let fix =
                Fix::replace(msg!("habit-fix-write", text = id), Applicability::Safe, span, id);
            diag.help(msg!("habit-person-name", name = name, id = id)).fix(fix)
        }
        _ => diag.help(msg!("habit-person-names", name = name, ids = one_of(&ids))),
    }
}

/// The people of each unit (its rosters and its sub-units'), indexed once by id (for
/// did-you-mean) and by name, as rules that report unknown people ask for them: a review
/// scoring thousands of unknown people costs one index, not one per reference.
#[derive(Default)]
pub struct UnitPeople<'a> {
    units: HashMap<&'a str, (Names<'a>, NameIndex<'a>)>,
}

impl<'a> UnitPeople<'a> {
    /// The people of `unit`, by id and by name.
    pub fn of(&mut self, ix: &Index<'a>, unit: &'a str) -> &(Names<'a>, NameIndex<'a>) {
        self.units.entry(unit).or_insert_with(|| {
            let rosters = ix.rosters_of(unit);
            let people = || rosters.iter().flat_map(|r| r.value.people.iter());
            (Names::new(people().map(|p| p.id.value.as_str())), NameIndex::new(people()))
        })
    }
}
