//! Completion of references and keys. The cursor's place is read from the buffer's text
//! ([`context`]: a half-typed buffer still completes); what is valid there comes from the
//! index, built per request (no rule runs): people with their post and region as of the
//! document's period (a plan's or review's people only those on the unit's staff during
//! it, a roster's managers only people of that roster and its ancestors'), posts and regions
//! of the unit's rosters, a budget's lines, sections and categories (a review's spending the
//! lines of its plan's budget), a plan's tasks, problems and areas, the scorecard of a
//! score's post, units, KPIs, tables, periods, `kind:` and every fixed vocabulary (canonical
//! and Chinese names). Keys come from the kind's JSON Schema. Each item replaces the word
//! typed (`text_edit`) and filters on its id and its name.

use std::collections::BTreeSet;

use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionList, CompletionParams, CompletionResponse,
    CompletionTextEdit, Documentation, MarkupContent, MarkupKind, TextEdit,
};
use serde_json::Value;

use crate::i18n::{Locale, msg, t};
use crate::index::{Doc, Index};
use crate::lsp::World;
use crate::lsp::context::{self, Context, Seg, Slot};
use crate::model::period::{Date, Period};
use crate::model::vocab::Word;
use crate::model::{Budget, Content, Kind, Plan, Roster};
use crate::source::{FileId, Span};

/// The most items one answer holds.
const MAX_ITEMS: usize = 500;

/// Completion items at the cursor.
pub fn completion(world: &World, params: CompletionParams) -> Option<CompletionResponse> {
    let at = &params.text_document_position;
    let (file, offset) = world.at(&at.text_document, at.position)?;
    let text = world.text(file);
    let ctx = context::at(text, &world.project.path(file), offset)?;
    let kind = match ctx.kind {
        Some(kind) => kind,
        // A new file says what it is first: `kind:` is offered before anything is known.
        None if ctx.slot == Slot::Value && ctx.pattern() == "kind" => Kind::Page,
        None => return None,
    };
    let index = world.index();
    let here = Here::new(world, &index, &ctx, file, kind);
    let mut found = match ctx.slot {
        Slot::Value => here.values(&ctx.pattern()),
        Slot::Key if ctx.bare_item => {
            let values = here.values(&ctx.pattern());
            if values.is_empty() { here.keys() } else { values }
        }
        Slot::Key => match here.key_values() {
            Some(values) => values,
            None => here.keys(),
        },
    };
    let taken: BTreeSet<String> = match ctx.slot {
        Slot::Key if !ctx.bare_item => ctx.entries(0).into_iter().map(|e| e.0).collect(),
        _ => ctx.listed.iter().cloned().collect(),
    };
    found.retain(|c| !taken.contains(&c.label) || c.label == ctx.word);
    let mut seen = BTreeSet::new();
    found.retain(|c| seen.insert(c.label.clone()));
    // A long list (a group's whole staff) is cut to what matches the word typed; the editor
    // asks again as the word grows.
    let cut = found.len() > MAX_ITEMS;
    if cut {
        let word = ctx.word.to_lowercase();
        found.retain(|c| {
            c.label.to_lowercase().contains(&word)
                || c.name.as_ref().is_some_and(|n| n.to_lowercase().contains(&word))
        });
        found.truncate(MAX_ITEMS);
    }
    let items: Vec<CompletionItem> =
        found.into_iter().enumerate().map(|(i, c)| here.item(i, c)).collect();
    Some(CompletionResponse::List(CompletionList { is_incomplete: cut, items }))
}

/// One thing that may be written at the cursor.
struct Cand {
    label: String,
    /// The name it is also found by.
    name: Option<String>,
    detail: Option<String>,
    doc: Option<String>,
    kind: CompletionItemKind,
    /// A key: written with `: ` after it.
    key: bool,
}

impl Cand {
    fn new(label: &str, kind: CompletionItemKind) -> Cand {
        Cand { label: label.to_owned(), name: None, detail: None, doc: None, kind, key: false }
    }

    fn named(mut self, name: &str) -> Cand {
        if !name.is_empty() {
            self.name = Some(name.to_owned());
        }
        self
    }

    fn detail(mut self, detail: String) -> Cand {
        if !detail.is_empty() {
            self.detail = Some(detail);
        }
        self
    }
}

/// What a request knows about the document at the cursor.
struct Here<'w, 'i, 'a> {
    world: &'w World<'w>,
    index: &'i Index<'a>,
    ctx: &'w Context,
    file: FileId,
    kind: Kind,
    locale: Locale,
    /// The document's unit (its `unit:`).
    unit: Option<String>,
    /// The document's period (its `period:`).
    period: Option<Period>,
    /// The day people and posts are read as of.
    day: Date,
}

const REF: CompletionItemKind = CompletionItemKind::REFERENCE;
const VALUE: CompletionItemKind = CompletionItemKind::VALUE;

impl<'w, 'i, 'a> Here<'w, 'i, 'a> {
    fn new(
        world: &'w World<'w>,
        index: &'i Index<'a>,
        ctx: &'w Context,
        file: FileId,
        kind: Kind,
    ) -> Self {
        let unit = ctx.root("unit").or_else(|| world.project.unit_of_file(file));
        let period = ctx.root("period").and_then(|p| p.parse::<Period>().ok());
        let as_of = ctx.root("as_of").and_then(|d| d.parse::<Date>().ok());
        let day = as_of.or(period.map(Period::as_of)).unwrap_or_else(Date::today);
        Here { world, index, ctx, file, kind, locale: world.locale, unit, period, day }
    }

    fn item(&self, i: usize, c: Cand) -> CompletionItem {
        let (from, to) = self.ctx.range;
        let range = self.world.range(Span::new(self.file, from, to));
        let space = if self.ctx.after_colon { " " } else { "" };
        // A key whose colon is already written after the word is not given another.
        let colon = self.world.text(self.file).get(to..).is_some_and(|r| r.starts_with(':'));
        let new_text = match (c.key, colon) {
            (true, false) => format!("{}: ", c.label),
            _ => format!("{space}{}", c.label),
        };
        let documentation = c.doc.map(|value| {
            if self.world.client.markdown {
                Documentation::MarkupContent(MarkupContent { kind: MarkupKind::Markdown, value })
            } else {
                Documentation::String(value)
            }
        });
        CompletionItem {
            filter_text: Some(match &c.name {
                Some(name) => format!("{} {name}", c.label),
                None => c.label.clone(),
            }),
            sort_text: Some(format!("{i:05}")),
            text_edit: Some(CompletionTextEdit::Edit(TextEdit { range, new_text })),
            label: c.label,
            kind: Some(c.kind),
            detail: c.detail,
            documentation,
            ..CompletionItem::default()
        }
    }

    fn unit(&self) -> &str {
        self.unit.as_deref().unwrap_or_default()
    }

    /// This file's document, when it loaded.
    fn own(&self) -> Option<&'a Content> {
        let doc = self.index.ws.documents.iter().find(|d| d.meta.file == self.file)?;
        Some(&doc.content)
    }

    fn own_plan(&self) -> Option<Doc<'a, Plan>> {
        let doc = self.index.ws.documents.iter().find(|d| d.meta.file == self.file)?;
        match &doc.content {
            Content::Plan(p, _) => Some(Doc { doc, value: &**p }),
            _ => None,
        }
    }

    /// The plan a review at the cursor reviews (its `plan:` link, else its unit's and
    /// period's); for a plan, itself.
    fn plan(&self) -> Option<Doc<'a, Plan>> {
        if self.kind == Kind::Plan {
            return self.own_plan();
        }
        let doc = self.index.ws.documents.iter().find(|d| d.meta.file == self.file);
        if let (Some(doc), Some(link)) = (doc, self.ctx.root("plan"))
            && let Some(linked) = self.index.linked(doc, &link)
            && let Content::Plan(p, _) = &linked.content
        {
            return Some(Doc { doc: linked, value: &**p });
        }
        self.index.plan(self.unit(), self.period?)
    }

    /// The budget whose lines the cursor names.
    fn budget(&self) -> Option<&'a Budget> {
        match self.kind {
            Kind::Budget => match self.own()? {
                Content::Budget(b) => Some(&**b),
                _ => None,
            },
            _ => {
                let from_plan = self.plan().and_then(|p| self.index.budget_of_plan(p));
                let budget = from_plan.or_else(|| self.index.budget(self.unit(), self.period?));
                budget.map(|b| b.value)
            }
        }
    }

    /// Completions of the value at `pattern`.
    fn values(&self, pattern: &str) -> Vec<Cand> {
        let refs = self.references(pattern);
        if !refs.is_empty() {
            return refs;
        }
        if pattern == "kind" {
            return Kind::DOCUMENTS
                .iter()
                .map(|k| Cand::new(k.name(), VALUE).detail(t(self.locale, kind_id(*k))))
                .collect();
        }
        self.vocabulary()
    }

    /// References at `pattern` in a document of this kind.
    fn references(&self, pattern: &str) -> Vec<Cand> {
        use Kind::*;
        let p = pattern;
        let is = |list: &[&str]| list.contains(&p);
        match self.kind {
            _ if p == "unit" || p == "units[].parent" => self.units(),
            _ if p == "period" => self.periods(),
            Roster if is(&["people[].reports_to", "people[].changes[].reports_to"]) => {
                self.roster_people()
            }
            Roster if p == "groups[].manager" => self.roster_people(),
            Roster if p.ends_with("post") || p == "posts[].reports_to" => self.posts(),
            Roster if p.ends_with("region") || p == "regions[].merged_into" => self.regions(),
            Roster if p == "groups[].regions[]" => self.regions(),
            Budget if p == "lines[].section" => self.sections(),
            Budget if p == "lines[].category" || p == "limits[].categories[]" => self.categories(),
            Budget if p == "limits[].lines[]" => self.lines(),
            Budget if is(&["lines[].breakdown[].post", "lines[].breakdown[].posts[]"]) => {
                self.posts()
            }
            Budget if p == "lines[].breakdown[].allowance" => self.tables(),
            Plan | Review if p == "owner" || p == "author" || p.ends_with("[].owner") => {
                self.staff()
            }
            Review if p == "scores[].person" => self.staff(),
            Plan if p.ends_with("answers[]") => self.plan_ids(Sym::Problem),
            Plan if p.ends_with("[].area") => self.plan_ids(Sym::Area),
            Plan if p == "tasks[].depends_on[]" => self.tasks(self.ctx.value_of(0, "id")),
            Review if p == "tasks[].task" => self.tasks(None),
            Review if p == "spend[].line" => self.lines(),
            Plan | Review if p.ends_with("kpi") => self.kpis(),
            Plan | Review if p.ends_with("per_post") || p.ends_with("post") => self.posts(),
            Plan if p.ends_with("assessed_by[]") => self.posts(),
            Plan | Review if p.ends_with("region") => self.regions(),
            Review if p == "actuals[].tally.table" => self.tables(),
            Plan if p == "targets[].contributes_to" => self.longer_periods(),
            Config if p.starts_with("kpis[].derived.") => self.kpis(),
            _ => Vec::new(),
        }
    }

    /// Completions of a key typed where the keys are references (a score's components).
    fn key_values(&self) -> Option<Vec<Cand>> {
        (self.kind == Kind::Review && self.ctx.pattern() == "scores[].components")
            .then(|| self.components())
    }

    fn units(&self) -> Vec<Cand> {
        let mut units: Vec<_> = self.index.ws.config.units.iter().collect();
        units.sort_by(|a, b| a.id.value.as_str().cmp(b.id.value.as_str()));
        let names = |id: &str| self.index.units.get(id).map(|u| u.name.clone());
        units
            .into_iter()
            .map(|u| {
                let parent = u.parent.as_ref().and_then(|p| names(p.value.as_str()));
                let detail = match parent {
                    Some(parent) => format!("{} · {parent}", u.name),
                    None => u.name.clone(),
                };
                Cand::new(u.id.value.as_str(), REF).named(&u.name).detail(detail)
            })
            .collect()
    }

    fn kpis(&self) -> Vec<Cand> {
        let kpis = &self.index.ws.config.kpis;
        kpis.iter()
            .map(|k| {
                let detail = match &k.unit {
                    Some(unit) => {
                        msg!("lsp-completion-kpi", name = &k.name, unit = unit).text(self.locale)
                    }
                    None => k.name.clone(),
                };
                Cand::new(k.id.value.as_str(), REF).named(&k.name).detail(detail)
            })
            .collect()
    }

    fn tables(&self) -> Vec<Cand> {
        let tables = &self.index.ws.config.tables;
        tables
            .iter()
            .map(|t| Cand::new(t.id.value.as_str(), REF).named(&t.name).detail(t.name.clone()))
            .collect()
    }

    /// A person as a completion: their name, post and region as of the document's day.
    fn person(&self, person: &crate::model::roster::Person, roster: &Roster, doc: &str) -> Cand {
        let now = person.on(self.day);
        let unit = roster.unit.value.as_str();
        let post_id = now.post.value.as_str();
        // The person's own roster first: the rest of the unit's only when it is not there.
        let post = roster.posts.iter().find(|p| p.id.value.as_str() == post_id);
        let post = post.or_else(|| self.index.post_in_unit(post_id, unit));
        let mut parts = vec![person.name.clone()];
        parts.push(post.map_or_else(|| post_id.to_owned(), |p| p.title.clone()));
        if let Some(region) = now.region {
            let id = region.value.as_str();
            let name_in = |r: &Roster| {
                let regions = r.regions.iter().map(|g| (&g.id, &g.name));
                let groups = r.groups.iter().map(|g| (&g.id, &g.name));
                regions.chain(groups).find(|(g, _)| g.value.as_str() == id).map(|(_, n)| n.clone())
            };
            let named = name_in(roster)
                .or_else(|| self.index.rosters_of(unit).into_iter().find_map(|r| name_in(r.value)));
            parts.push(named.unwrap_or_else(|| id.to_owned()));
        }
        let mut cand = Cand::new(person.id.value.as_str(), REF).named(&person.name);
        cand.detail = Some(parts.join(" · "));
        cand.doc = Some(doc.to_owned());
        cand
    }

    /// What a person's item says about the roster they are on.
    fn roster_doc(&self, roster: &Roster) -> String {
        let unit = roster.unit.value.as_str();
        let unit_name = self.index.units.get(unit).map_or(unit, |u| u.name.as_str());
        msg!("lsp-completion-person-doc", unit = unit_name).text(self.locale)
    }

    /// The people on the staff of the document's unit (and sub-units) during its period.
    fn staff(&self) -> Vec<Cand> {
        let Some(period) = self.period else { return Vec::new() };
        // As `Index::staff_during`, with the roster each is on.
        let mut out = Vec::new();
        for roster in self.index.rosters_of(self.unit()) {
            let doc = self.roster_doc(roster.value);
            for person in roster.value.people.iter().filter(|p| p.employed_during(period)) {
                out.push(self.person(person, roster.value, &doc));
            }
        }
        out
    }

    /// The people of the roster's unit and of its ancestors' rosters (a manager).
    fn roster_people(&self) -> Vec<Cand> {
        let mut units = Vec::new();
        let mut current = self.unit.clone();
        while let Some(unit) = current.take() {
            if units.contains(&unit) {
                break;
            }
            current = self
                .index
                .units
                .get(unit.as_str())
                .and_then(|u| u.parent.as_ref())
                .map(|p| p.value.as_str().to_owned());
            units.push(unit);
        }
        let self_id = self.ctx.value_of(0, "id");
        let mut out = Vec::new();
        for unit in &units {
            let rosters = self.index.rosters.iter().filter(|r| r.value.unit.value.as_str() == unit);
            for roster in rosters {
                let doc = self.roster_doc(roster.value);
                for person in &roster.value.people {
                    if self_id.as_deref() != Some(person.id.value.as_str()) {
                        out.push(self.person(person, roster.value, &doc));
                    }
                }
            }
        }
        out
    }

    fn posts(&self) -> Vec<Cand> {
        let rosters = self.index.rosters_of(self.unit());
        let posts = rosters.iter().flat_map(|r| &r.value.posts);
        posts
            .map(|p| Cand::new(p.id.value.as_str(), REF).named(&p.title).detail(p.title.clone()))
            .collect()
    }

    fn regions(&self) -> Vec<Cand> {
        let rosters = self.index.rosters_of(self.unit());
        let mut out = Vec::new();
        for r in &rosters {
            for g in &r.value.regions {
                out.push(Cand::new(g.id.value.as_str(), REF).named(&g.name).detail(g.name.clone()));
            }
            for g in &r.value.groups {
                let detail = msg!("lsp-completion-group", name = &g.name).text(self.locale);
                out.push(Cand::new(g.id.value.as_str(), REF).named(&g.name).detail(detail));
            }
        }
        out
    }

    fn lines(&self) -> Vec<Cand> {
        let Some(budget) = self.budget() else { return Vec::new() };
        let money = |l: &crate::model::budget::Line| {
            l.amount.as_ref().map(|a| crate::model::money::grouped(a.value.0))
        };
        budget
            .lines
            .iter()
            .map(|l| {
                let detail = match money(l) {
                    Some(amount) => format!("{} · {amount}", l.name),
                    None => l.name.clone(),
                };
                Cand::new(l.id.value.as_str(), REF).named(&l.name).detail(detail)
            })
            .collect()
    }

    fn sections(&self) -> Vec<Cand> {
        let Some(budget) = self.budget() else { return Vec::new() };
        let sections = budget.sections.iter();
        sections
            .map(|s| Cand::new(s.id.value.as_str(), REF).named(&s.name).detail(s.name.clone()))
            .collect()
    }

    /// Categories used by the unit's budgets (a category is defined by none).
    fn categories(&self) -> Vec<Cand> {
        let mut seen = BTreeSet::new();
        let own = self.budget().into_iter();
        let unit = self.unit();
        let others = self.index.budgets.iter().filter(|b| b.value.unit.value.as_str() == unit);
        for budget in own.chain(others.map(|b| b.value)) {
            for line in &budget.lines {
                if let Some(c) = &line.category {
                    seen.insert(c.value.clone());
                }
            }
        }
        let detail = t(self.locale, "lsp-completion-category");
        seen.into_iter().map(|c| Cand::new(&c, REF).detail(detail.clone())).collect()
    }

    /// The plan's tasks (for a review, its plan's), but `except`.
    fn tasks(&self, except: Option<String>) -> Vec<Cand> {
        let keep = |id: &str| except.as_deref() != Some(id);
        match self.plan() {
            Some(plan) => plan
                .value
                .tasks
                .iter()
                .filter(|t| keep(t.id.value.as_str()))
                .map(|t| Cand::new(t.id.value.as_str(), REF).named(&t.name).detail(t.name.clone()))
                .collect(),
            // A plan that does not parse now: the ids written in its text.
            None if self.kind == Kind::Plan => {
                let ids = self.ctx.item_values("tasks", "id");
                ids.iter().filter(|i| keep(i)).map(|i| Cand::new(i, REF)).collect()
            }
            None => Vec::new(),
        }
    }

    fn plan_ids(&self, sym: Sym) -> Vec<Cand> {
        let Some(plan) = self.own_plan() else {
            let list = if sym == Sym::Problem { "problems" } else { "areas" };
            let ids = self.ctx.item_values(list, "id");
            return ids.iter().map(|i| Cand::new(i, REF)).collect();
        };
        let p = plan.value;
        match sym {
            Sym::Problem => p
                .problems
                .iter()
                .filter_map(|x| Some((x.id.as_ref()?, &x.title)))
                .map(|(id, n)| Cand::new(id.value.as_str(), REF).named(n).detail(n.clone()))
                .collect(),
            Sym::Area => p
                .areas
                .iter()
                .map(|a| Cand::new(a.id.value.as_str(), REF).named(&a.name).detail(a.name.clone()))
                .collect(),
        }
    }

    /// The components of the scorecard of the score's post (its `post:`, else the person's).
    fn components(&self) -> Vec<Cand> {
        let Some(plan) = self.plan() else { return Vec::new() };
        let post = self.ctx.value_of(1, "post").or_else(|| {
            let person = self.ctx.value_of(1, "person")?;
            let (person, _) = self.index.people.get(person.as_str())?;
            Some(person.on(self.day).post.value.as_str().to_owned())
        });
        let Some(post) = post else { return Vec::new() };
        let card = plan.value.scorecards.iter().find(|c| c.post.value.as_str() == post);
        let Some(card) = card else { return Vec::new() };
        card.components
            .iter()
            .map(|c| {
                let weight = c.weight.value.to_string();
                let detail =
                    msg!("lsp-completion-component", name = &c.name, weight = weight.as_str());
                let mut cand = Cand::new(c.id.value.as_str(), REF).named(&c.name);
                cand.detail = Some(detail.text(self.locale));
                cand.key = true;
                cand
            })
            .collect()
    }

    /// The unit's periods that have documents of this kind, and the one after the latest.
    fn periods(&self) -> Vec<Cand> {
        let unit = self.unit();
        let mut periods: BTreeSet<Period> = BTreeSet::new();
        let of = |u: &str| u == unit;
        periods.extend(
            self.index
                .budgets
                .iter()
                .filter(|b| of(&b.value.unit.value.0))
                .map(|b| b.value.period.value),
        );
        periods.extend(
            self.index
                .plans
                .iter()
                .filter(|(p, _)| of(&p.value.unit.value.0))
                .map(|(p, _)| p.value.period.value),
        );
        periods.extend(
            self.index
                .reviews
                .iter()
                .filter(|(r, _)| of(&r.value.unit.value.0))
                .map(|(r, _)| r.value.period.value),
        );
        let months = periods.iter().filter(|p| matches!(p, Period::Month(..))).max().copied();
        if let Some(last) = months.or_else(|| periods.iter().max().copied()) {
            periods.insert(next(last));
        }
        let mut out: Vec<Cand> = periods
            .into_iter()
            .rev()
            .map(|p| Cand::new(&p.to_string(), VALUE).detail(p.text(self.locale)))
            .collect();
        out.truncate(24);
        out
    }

    /// The longer periods a target of this plan may contribute to.
    fn longer_periods(&self) -> Vec<Cand> {
        let Some(period) = self.period else { return Vec::new() };
        let (first, _) = period.bounds();
        let year = first.year;
        let quarter = (first.month.saturating_sub(1)) / 3 + 1;
        let candidates = [Period::Quarter(year, quarter), Period::Year(year)];
        candidates
            .into_iter()
            .filter(|p| *p != period && period.within(*p))
            .map(|p| Cand::new(&p.to_string(), VALUE).detail(p.text(self.locale)))
            .collect()
    }

    /// The fixed values the schema allows at the cursor, with their meanings.
    fn vocabulary(&self) -> Vec<Cand> {
        let root = crate::schema::schema(self.kind);
        let nodes = at_path(root, &self.ctx.path);
        let mut out = Vec::new();
        for name in consts(root, &nodes) {
            let word = WORDS
                .iter()
                .flat_map(|w| w.iter())
                .find(|w| w.canonical == name || w.aliases.contains(&name.as_str()));
            let detail = match (word, self.locale) {
                (Some(w), Locale::ZhCn) if w.canonical == name => {
                    w.zh.trim_end_matches('。').into()
                }
                (Some(w), Locale::ZhCn) => {
                    msg!("lsp-completion-alias", canonical = w.canonical, meaning = w.zh)
                        .text(self.locale)
                }
                (Some(w), _) if w.canonical == name => w.en.to_owned(),
                (Some(w), _) => {
                    msg!("lsp-completion-alias", canonical = w.canonical, meaning = w.en)
                        .text(self.locale)
                }
                (None, _) => String::new(),
            };
            out.push(Cand::new(&name, CompletionItemKind::ENUM_MEMBER).detail(detail));
        }
        out
    }

    /// The keys the schema allows in the mapping at the cursor.
    fn keys(&self) -> Vec<Cand> {
        let root = crate::schema::schema(self.kind);
        let nodes = at_path(root, &self.ctx.path);
        let field = t(self.locale, "lsp-completion-field");
        let mut out: Vec<(bool, Cand)> = Vec::new();
        for node in &nodes {
            let required: Vec<&str> = node
                .get("required")
                .and_then(Value::as_array)
                .map(|r| r.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            let Some(props) = node.get("properties").and_then(Value::as_object) else { continue };
            for (key, schema) in props {
                let mut cand = Cand::new(key, CompletionItemKind::FIELD).detail(field.clone());
                cand.key = true;
                // The schema's descriptions are in English only.
                if self.locale == Locale::En {
                    cand.doc = schema.get("description").and_then(Value::as_str).map(str::to_owned);
                }
                out.push((!required.contains(&key.as_str()), cand));
            }
        }
        out.sort_by_key(|(optional, _)| *optional);
        out.into_iter().map(|(_, c)| c).collect()
    }
}

/// The own ids of a plan offered without a model.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Sym {
    Problem,
    Area,
}

/// The fixed vocabularies, to find a name's meanings.
const WORDS: [&[Word]; 9] = [
    crate::model::config::Level::WORDS,
    crate::model::review::Status::WORDS,
    crate::model::plan::ProblemStatus::WORDS,
    crate::model::plan::ScoreScope::WORDS,
    crate::model::roster::Employment::WORDS,
    crate::model::config::PersonField::WORDS,
    crate::model::config::Source::WORDS,
    crate::model::config::Aggregate::WORDS,
    crate::model::config::Better::WORDS,
];

fn kind_id(kind: Kind) -> &'static str {
    match kind {
        Kind::Config => "lsp-completion-kind-config",
        Kind::Roster => "lsp-completion-kind-roster",
        Kind::Budget => "lsp-completion-kind-budget",
        Kind::Plan => "lsp-completion-kind-plan",
        Kind::Review => "lsp-completion-kind-review",
        Kind::Page => "lsp-completion-kind-page",
    }
}

/// The period after `period`, of the same length.
fn next(period: Period) -> Period {
    match period {
        Period::Month(y, 12) => Period::Month(y + 1, 1),
        Period::Month(y, m) => Period::Month(y, m + 1),
        Period::Quarter(y, 4) => Period::Quarter(y + 1, 1),
        Period::Quarter(y, q) => Period::Quarter(y, q + 1),
        Period::Year(y) => Period::Year(y + 1),
    }
}

/// `node` with its `$ref` followed and its `anyOf`/`oneOf`/`allOf` variants spread out.
fn variants<'s>(root: &'s Value, node: &'s Value, out: &mut Vec<&'s Value>, depth: usize) {
    if depth > 16 {
        return;
    }
    if let Some(name) = node.get("$ref").and_then(Value::as_str) {
        let name = name.trim_start_matches("#/$defs/");
        if let Some(def) = root.get("$defs").and_then(|d| d.get(name)) {
            variants(root, def, out, depth + 1);
        }
    }
    out.push(node);
    for key in ["anyOf", "oneOf", "allOf"] {
        for v in node.get(key).and_then(Value::as_array).into_iter().flatten() {
            variants(root, v, out, depth + 1);
        }
    }
}

/// The schemas of the node at `path` (every variant).
fn at_path<'s>(root: &'s Value, path: &[Seg]) -> Vec<&'s Value> {
    let mut nodes = Vec::new();
    variants(root, root, &mut nodes, 0);
    for seg in path {
        let mut next = Vec::new();
        for node in &nodes {
            let child = match seg {
                Seg::Key(k) => node.get("properties").and_then(|p| p.get(k)),
                Seg::Item => node.get("items"),
            };
            if let Some(child) = child {
                variants(root, child, &mut next, 0);
            }
        }
        nodes = next;
    }
    nodes
}

/// The string constants the schemas allow (a vocabulary's names), in order.
fn consts(_root: &Value, nodes: &[&Value]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for node in nodes {
        let values = node
            .get("const")
            .into_iter()
            .chain(node.get("enum").and_then(Value::as_array).into_iter().flatten());
        for v in values {
            if let Some(s) = v.as_str()
                && !out.iter().any(|o| o == s)
            {
                out.push(s.to_owned());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_gives_keys_and_vocabularies_by_path() {
        let root = crate::schema::schema(Kind::Review);
        let score = at_path(root, &[Seg::Key("scores".into()), Seg::Item]);
        assert!(score.iter().any(|n| n.get("properties").and_then(|p| p.get("person")).is_some()));
        let status =
            at_path(root, &[Seg::Key("tasks".into()), Seg::Item, Seg::Key("status".into())]);
        let names = consts(root, &status);
        assert!(names.contains(&"done".to_string()) && names.contains(&"完成".to_string()));
    }

    #[test]
    fn the_next_period_has_the_same_length() {
        assert_eq!(next(Period::Month(2026, 12)), Period::Month(2027, 1));
        assert_eq!(next(Period::Quarter(2026, 2)), Period::Quarter(2026, 3));
        assert_eq!(next(Period::Year(2026)), Period::Year(2027));
    }
}
