//! Every id written in the repository: where each is defined and where it is named, resolved
//! the way the rules resolve it. Go to definition, find references, rename, hover and the
//! outline all read this one table.
//!
//! An id is unique within a scope: units, KPIs, tables and people across the repository
//! (`Index::people` is global); posts and regions (and region groups, which share the regions'
//! ids) within a unit's roster, a reference from a unit's document finding the post on the
//! roster of that unit or of one of its sub-units (`Index::rosters_of`); budget lines,
//! sections, limits and categories within a budget, a review's `spend` naming its plan's
//! budget (else the budget of its unit and period); problems, measures, areas and tasks
//! within a plan, a review's `tasks` naming its plan's; scorecard components and groups
//! within one scorecard of a plan, a review's points naming the scorecard of the score's post.
//! A reference that resolves to nothing keeps the scope it was looked for in, so two
//! mentions of the same unknown id are still each other's references.

use std::collections::HashMap;

use crate::index::{Doc, Index};
use crate::model::period::Date;
use crate::model::{Budget, Plan, Review, Roster};
use crate::source::{FileId, Span, Spanned};

/// What an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Sym {
    /// A unit of `planbook.yaml`.
    Unit,
    /// A KPI of `planbook.yaml`.
    Kpi,
    /// A table of `planbook.yaml` (`tally`, `allowance`).
    Table,
    /// A person on a roster.
    Person,
    /// A post on a roster.
    Post,
    /// A region (or region group) on a roster.
    Region,
    /// A budget section.
    Section,
    /// A budget line.
    Line,
    /// A budget line category (named by lines and limits; defined by none).
    Category,
    /// A budget limit.
    Limit,
    /// A plan's problem.
    Problem,
    /// A plan's measure.
    Measure,
    /// A plan's work area.
    Area,
    /// A plan's task.
    Task,
    /// A scorecard component.
    Component,
    /// A scorecard's group of components.
    ComponentGroup,
}

/// Where an id is unique.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Scope {
    /// The whole repository.
    Repo,
    /// The roster(s) of a unit.
    Unit(String),
    /// One document (a budget or a plan).
    File(FileId),
    /// One scorecard of a plan: the plan's file and the scorecard's post.
    Scorecard(FileId, String),
}

/// What an id is: its kind, its scope and the id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    /// The kind.
    pub sym: Sym,
    /// Where it is unique.
    pub scope: Scope,
    /// The id as written.
    pub id: String,
}

/// One id written in a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Occurrence {
    /// The id's text (the scalar, without quotes).
    pub span: Span,
    /// What it names (for a reference, resolved).
    pub key: Key,
    /// Whether this is where it is defined.
    pub def: bool,
}

/// Every id of a workspace, kept per file so that an edit rebuilds only the files it can
/// change (`update`); the index by key is built when a query first needs it.
#[derive(Debug, Default)]
pub struct Table {
    /// Per file, in position order.
    by_file: HashMap<FileId, Vec<Occurrence>>,
    /// Every file's occurrences by key, as (file, position in its list).
    by_key: std::sync::OnceLock<HashMap<Key, Vec<(FileId, usize)>>>,
}

impl Table {
    /// The ids of every document `index` holds, and of `planbook.yaml`.
    pub fn build(index: &Index) -> Table {
        let mut w = Writer { index, out: Vec::new(), owners: HashMap::new() };
        w.config();
        for roster in &index.rosters {
            w.roster(*roster);
        }
        for budget in &index.budgets {
            w.budget(*budget);
        }
        for (plan, _) in &index.plans {
            w.plan(*plan);
        }
        for (review, _) in &index.reviews {
            w.review(*review);
        }
        let mut table = Table::default();
        table.store(index, w.out);
        table
    }

    /// Builds again the ids of `files` (documents and `planbook.yaml`) after an edit; the
    /// other files keep theirs.
    pub fn update(&mut self, index: &Index, files: &std::collections::HashSet<FileId>) {
        let mut w = Writer { index, out: Vec::new(), owners: HashMap::new() };
        if files.contains(&index.ws.config_file) {
            w.config();
        }
        for roster in index.rosters.iter().filter(|d| files.contains(&d.doc.meta.file)) {
            w.roster(*roster);
        }
        for budget in index.budgets.iter().filter(|d| files.contains(&d.doc.meta.file)) {
            w.budget(*budget);
        }
        for (plan, _) in index.plans.iter().filter(|(d, _)| files.contains(&d.doc.meta.file)) {
            w.plan(*plan);
        }
        for (review, _) in index.reviews.iter().filter(|(d, _)| files.contains(&d.doc.meta.file)) {
            w.review(*review);
        }
        for file in files {
            self.by_file.remove(file);
        }
        self.store(index, w.out);
    }

    fn store(&mut self, index: &Index, mut occurrences: Vec<Occurrence>) {
        for o in &mut occurrences {
            o.span = unquoted(&index.ws.sources.get(o.span.file).text, o.span);
        }
        occurrences.sort_by_key(|o| (o.span.file, o.span.start, o.span.end));
        occurrences.dedup_by(|a, b| a.span == b.span);
        for o in occurrences {
            self.by_file.entry(o.span.file).or_default().push(o);
        }
        self.by_key = std::sync::OnceLock::new();
    }

    fn by_key(&self) -> &HashMap<Key, Vec<(FileId, usize)>> {
        self.by_key.get_or_init(|| {
            let mut files: Vec<&FileId> = self.by_file.keys().collect();
            files.sort();
            let mut by_key: HashMap<Key, Vec<(FileId, usize)>> = HashMap::new();
            for &file in files {
                for (i, o) in self.in_file(file).iter().enumerate() {
                    by_key.entry(o.key.clone()).or_default().push((file, i));
                }
            }
            by_key
        })
    }

    /// The id written at byte `offset` of `file` (its end counts: the cursor just after it).
    pub fn at(&self, file: FileId, offset: usize) -> Option<&Occurrence> {
        // In position order and never overlapping: the last one starting at or before
        // `offset`, or the one before it when `offset` is just past that one's end.
        let list = self.in_file(file);
        let after = list.partition_point(|o| o.span.start as usize <= offset);
        list[..after]
            .iter()
            .rev()
            .take(2)
            .find(|o| o.span.start as usize <= offset && offset <= o.span.end as usize)
    }

    /// The ids written in `file`, in order.
    pub fn in_file(&self, file: FileId) -> &[Occurrence] {
        self.by_file.get(&file).map_or(&[], Vec::as_slice)
    }

    /// Where `key` is defined (the first definition, when it is defined twice).
    pub fn definition(&self, key: &Key) -> Option<&Occurrence> {
        // What a budget or plan defines is found in that file alone.
        if let Scope::File(file) | Scope::Scorecard(file, _) = &key.scope {
            return self.in_file(*file).iter().find(|o| o.def && o.key == *key);
        }
        self.all(key).find(|o| o.def)
    }

    /// Every occurrence of `key`, definitions and references, in file and position order.
    pub fn all<'t>(&'t self, key: &Key) -> impl Iterator<Item = &'t Occurrence> + 't {
        let found = self.by_key().get(key).into_iter().flatten();
        found.filter_map(|&(file, i)| self.in_file(file).get(i))
    }

    /// Every definition, in file and position order.
    pub fn definitions(&self) -> impl Iterator<Item = &Occurrence> {
        let mut files: Vec<&FileId> = self.by_file.keys().collect();
        files.sort();
        files.into_iter().flat_map(|f| self.in_file(*f)).filter(|o| o.def)
    }
}

/// `span` without the quotes around it when it is a quoted scalar (`"p001"`, `'p001'`).
pub fn unquoted(text: &str, span: Span) -> Span {
    let written = text.get(span.start as usize..span.end as usize).unwrap_or_default();
    let quoted = written.len() >= 2
        && ((written.starts_with('"') && written.ends_with('"'))
            || (written.starts_with('\'') && written.ends_with('\'')));
    if quoted { Span { start: span.start + 1, end: span.end - 1, ..span } } else { span }
}

struct Writer<'i, 'a> {
    index: &'i Index<'a>,
    out: Vec<Occurrence>,
    /// Per unit named by a document: which unit's roster defines each post and region id
    /// (its own roster first, then its sub-units'), worked out once per unit.
    owners: HashMap<&'a str, HashMap<(Sym, &'a str), &'a str>>,
}

impl<'a> Writer<'_, 'a> {
    fn push<T: AsRef<str>>(&mut self, sym: Sym, scope: Scope, id: &Spanned<T>, def: bool) {
        let key = Key { sym, scope, id: id.value.as_ref().to_owned() };
        self.out.push(Occurrence { span: id.span, key, def });
    }

    fn repo<T: AsRef<str>>(&mut self, sym: Sym, id: &Spanned<T>, def: bool) {
        self.push(sym, Scope::Repo, id, def);
    }

    /// A post or region named in a document of `unit`: the unit whose roster defines it,
    /// among `unit`'s and its sub-units' rosters, else `unit`.
    fn roster_ref<T: AsRef<str>>(&mut self, sym: Sym, unit: &'a str, id: &Spanned<T>) {
        let index = self.index;
        let owners = self.owners.entry(unit).or_insert_with(|| {
            let mut owners = HashMap::new();
            let mut rosters = index.rosters_of(unit);
            // The unit's own roster wins over its sub-units'.
            rosters.sort_by_key(|r| r.value.unit.value.as_str() != unit);
            for r in rosters {
                let owner = r.value.unit.value.as_str();
                let posts = r.value.posts.iter().map(|p| (Sym::Post, p.id.value.as_str()));
                let regions = r.value.regions.iter().map(|g| g.id.value.as_str());
                let groups = r.value.groups.iter().map(|g| g.id.value.as_str());
                let regions = regions.chain(groups).map(|id| (Sym::Region, id));
                for key in posts.chain(regions) {
                    owners.entry(key).or_insert(owner);
                }
            }
            owners
        });
        let owner = owners.get(&(sym, id.value.as_ref())).copied().unwrap_or(unit);
        self.push(sym, Scope::Unit(owner.to_owned()), id, false);
    }

    fn config(&mut self) {
        let config = &self.index.ws.config;
        for unit in &config.units {
            self.repo(Sym::Unit, &unit.id, true);
            if let Some(parent) = &unit.parent {
                self.repo(Sym::Unit, parent, false);
            }
        }
        for kpi in &config.kpis {
            self.repo(Sym::Kpi, &kpi.id, true);
            for other in kpi.derived.iter().flat_map(|d| d.plus.iter().chain(&d.minus)) {
                self.repo(Sym::Kpi, other, false);
            }
        }
        for table in &config.tables {
            self.repo(Sym::Table, &table.id, true);
        }
    }

    fn roster(&mut self, doc: Doc<'a, Roster>) {
        let r = doc.value;
        let unit = r.unit.value.as_str();
        self.repo(Sym::Unit, &r.unit, false);
        let own = Scope::Unit(unit.to_owned());
        for post in &r.posts {
            self.push(Sym::Post, own.clone(), &post.id, true);
            if let Some(up) = &post.reports_to {
                self.roster_ref(Sym::Post, unit, up);
            }
        }
        for region in &r.regions {
            self.push(Sym::Region, own.clone(), &region.id, true);
            if let Some(into) = &region.merged_into {
                self.roster_ref(Sym::Region, unit, into);
            }
        }
        for group in &r.groups {
            self.push(Sym::Region, own.clone(), &group.id, true);
            for region in &group.regions {
                self.roster_ref(Sym::Region, unit, region);
            }
            if let Some(manager) = &group.manager {
                self.repo(Sym::Person, manager, false);
            }
        }
        for person in &r.people {
            self.repo(Sym::Person, &person.id, true);
            self.roster_ref(Sym::Post, unit, &person.post);
            if let Some(region) = &person.region {
                self.roster_ref(Sym::Region, unit, region);
            }
            if let Some(manager) = &person.reports_to {
                self.repo(Sym::Person, manager, false);
            }
            for change in &person.changes {
                if let Some(post) = &change.post {
                    self.roster_ref(Sym::Post, unit, post);
                }
                if let Some(region) = &change.region {
                    self.roster_ref(Sym::Region, unit, region);
                }
                if let Some(manager) = &change.reports_to {
                    self.repo(Sym::Person, manager, false);
                }
            }
            for acting in &person.acting {
                self.roster_ref(Sym::Post, unit, &acting.post);
                if let Some(region) = &acting.region {
                    self.roster_ref(Sym::Region, unit, region);
                }
            }
        }
        for outsider in &r.outside {
            if let Some(region) = &outsider.region {
                self.roster_ref(Sym::Region, unit, region);
            }
        }
    }

    fn budget(&mut self, doc: Doc<'a, Budget>) {
        let b = doc.value;
        let unit = b.unit.value.as_str();
        let file = Scope::File(doc.doc.meta.file);
        self.repo(Sym::Unit, &b.unit, false);
        for section in &b.sections {
            self.push(Sym::Section, file.clone(), &section.id, true);
        }
        for line in &b.lines {
            self.push(Sym::Line, file.clone(), &line.id, true);
            if let Some(section) = &line.section {
                self.push(Sym::Section, file.clone(), section, false);
            }
            if let Some(category) = &line.category {
                self.push(Sym::Category, file.clone(), category, false);
            }
            for item in &line.breakdown {
                for post in item.post.iter().chain(&item.posts) {
                    self.roster_ref(Sym::Post, unit, post);
                }
                if let Some(table) = &item.allowance {
                    self.repo(Sym::Table, table, false);
                }
            }
        }
        for limit in &b.limits {
            self.push(Sym::Limit, file.clone(), &limit.id, true);
            for line in &limit.lines {
                self.push(Sym::Line, file.clone(), line, false);
            }
            for category in &limit.categories {
                self.push(Sym::Category, file.clone(), category, false);
            }
        }
    }

    fn plan(&mut self, doc: Doc<'a, Plan>) {
        let p = doc.value;
        let unit = p.unit.value.as_str();
        let file = Scope::File(doc.doc.meta.file);
        self.repo(Sym::Unit, &p.unit, false);
        if let Some(owner) = &p.owner {
            self.repo(Sym::Person, owner, false);
        }
        for problem in &p.problems {
            if let Some(id) = &problem.id {
                self.push(Sym::Problem, file.clone(), id, true);
            }
        }
        for measure in &p.measures {
            self.push(Sym::Measure, file.clone(), &measure.id, true);
            for problem in &measure.answers {
                self.push(Sym::Problem, file.clone(), problem, false);
            }
            if let Some(area) = &measure.area {
                self.push(Sym::Area, file.clone(), area, false);
            }
            if let Some(owner) = &measure.owner {
                self.repo(Sym::Person, owner, false);
            }
        }
        for area in &p.areas {
            self.push(Sym::Area, file.clone(), &area.id, true);
            if let Some(owner) = &area.owner {
                self.repo(Sym::Person, owner, false);
            }
        }
        for target in &p.targets {
            self.repo(Sym::Kpi, &target.kpi, false);
            if let Some(post) = &target.per_post {
                self.roster_ref(Sym::Post, unit, post);
            }
            if let Some(region) = &target.region {
                self.roster_ref(Sym::Region, unit, region);
            }
        }
        for task in &p.tasks {
            self.push(Sym::Task, file.clone(), &task.id, true);
            if let Some(owner) = &task.owner {
                self.repo(Sym::Person, owner, false);
            }
            for other in &task.depends_on {
                self.push(Sym::Task, file.clone(), other, false);
            }
            if let Some(area) = &task.area {
                self.push(Sym::Area, file.clone(), area, false);
            }
            for problem in &task.answers {
                self.push(Sym::Problem, file.clone(), problem, false);
            }
        }
        for card in &p.scorecards {
            self.roster_ref(Sym::Post, unit, &card.post);
            let scope = Scope::Scorecard(doc.doc.meta.file, card.post.value.as_str().to_owned());
            for group in &card.groups {
                self.push(Sym::ComponentGroup, scope.clone(), &group.id, true);
            }
            for component in &card.components {
                self.push(Sym::Component, scope.clone(), &component.id, true);
                if let Some(group) = &component.group {
                    self.push(Sym::ComponentGroup, scope.clone(), group, false);
                }
                for post in &component.assessed_by {
                    self.roster_ref(Sym::Post, unit, post);
                }
                if let Some(kpi) = &component.kpi {
                    self.repo(Sym::Kpi, kpi, false);
                }
            }
        }
    }

    fn review(&mut self, doc: Doc<'a, Review>) {
        let r = doc.value;
        let unit = r.unit.value.as_str();
        self.repo(Sym::Unit, &r.unit, false);
        if let Some(author) = &r.author {
            self.repo(Sym::Person, author, false);
        }
        let plan = self.index.plan_of_review(doc);
        let budget = plan
            .and_then(|p| self.index.budget_of_plan(p))
            .or_else(|| self.index.budget(unit, r.period.value));
        for actual in &r.actuals {
            self.repo(Sym::Kpi, &actual.kpi, false);
            if let Some(post) = &actual.per_post {
                self.roster_ref(Sym::Post, unit, post);
            }
            if let Some(region) = &actual.region {
                self.roster_ref(Sym::Region, unit, region);
            }
            if let Some(tally) = &actual.tally {
                self.repo(Sym::Table, &tally.table, false);
            }
        }
        // Without its plan or budget, a review's tasks and lines are looked for in itself.
        let plan_file = Scope::File(plan.map_or(doc.doc.meta.file, |p| p.doc.meta.file));
        for task in &r.tasks {
            self.push(Sym::Task, plan_file.clone(), &task.task, false);
        }
        let budget_file = Scope::File(budget.map_or(doc.doc.meta.file, |b| b.doc.meta.file));
        for spend in &r.spend {
            self.push(Sym::Line, budget_file.clone(), &spend.line, false);
        }
        let day = r.period.value.as_of();
        for score in &r.scores {
            self.repo(Sym::Person, &score.person, false);
            if let Some(post) = &score.post {
                self.roster_ref(Sym::Post, unit, post);
            }
            let post = self.score_post(score, day);
            let plan_file = plan.map_or(doc.doc.meta.file, |p| p.doc.meta.file);
            let scope = Scope::Scorecard(plan_file, post);
            for (component, _) in &score.components.0 {
                self.push(Sym::Component, scope.clone(), component, false);
            }
        }
    }

    /// The post whose scorecard scores `score`: its own `post`, else the person's on `day`.
    fn score_post(&self, score: &crate::model::review::Score, day: Date) -> String {
        if let Some(post) = &score.post {
            return post.value.as_str().to_owned();
        }
        self.index
            .people
            .get(score.person.value.as_str())
            .map(|(person, _)| person.on(day).post.as_str().to_owned())
            .unwrap_or_default()
    }
}
