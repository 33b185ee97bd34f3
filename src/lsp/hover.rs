//! Hover cards: what the id under the cursor is, with the figures the rules and rollups
//! compute for it as of the document's day — a person's post and manager, a KPI's target
//! and actual with the attainment `planbook rollup attainment` reports, a budget line's
//! breakdown arithmetic and spend, a limit's headroom, a task's dates and dependents, a
//! post's establishment and vacancies, a region's people, a unit's place in the hierarchy,
//! a scorecard component's weight and scale.

use lsp_types::{Hover, HoverContents, HoverParams, MarkupContent, MarkupKind};
use rust_decimal::Decimal;

use crate::i18n::msg;
use crate::index::{Doc, Index};
use crate::lsp::World;
use crate::lsp::card::{Card, Context};
use crate::lsp::figures::{breakdown, number, signed};
use crate::lsp::symbols::{Key, Occurrence, Scope, Sym};
use crate::model::budget::Budget;
use crate::model::period::Period;
use crate::model::plan::Plan;
use crate::model::review::Review;
use crate::model::roster::Roster;
use crate::rollup::attainment::{self, AttainmentRow, Standing};

/// The card for what is under the cursor.
pub fn hover(world: &World, params: HoverParams) -> Option<Hover> {
    let doc = &params.text_document_position_params;
    let (file, offset) = world.at(&doc.text_document, doc.position)?;
    if offset > world.text(file).len() {
        return None;
    }
    let occurrence = world.table().at(file, offset)?;
    let index = world.index();
    let cx = Context::of(&index, file);
    let h = Hovering { world, index: &index, cx, at: occurrence };
    let card = match occurrence.key.sym {
        Sym::Person => h.person(),
        Sym::Kpi => h.kpi(),
        Sym::Line => h.line(),
        Sym::Limit => h.limit(),
        Sym::Section => h.section(),
        Sym::Category => h.category(),
        Sym::Task => h.task(),
        Sym::Post => h.post(),
        Sym::Region => h.region(),
        Sym::Unit => h.unit(),
        Sym::Component | Sym::ComponentGroup => h.component(),
        _ => None,
    }?;
    let kind = if world.client.markdown { MarkupKind::Markdown } else { MarkupKind::PlainText };
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent { kind, value: card.finish() }),
        range: Some(world.range(occurrence.span)),
    })
}

struct Hovering<'h, 'w> {
    world: &'h World<'w>,
    index: &'h Index<'w>,
    cx: Context<'w>,
    at: &'h Occurrence,
}

impl<'w> Hovering<'_, 'w> {
    fn key(&self) -> &Key {
        &self.at.key
    }

    fn id(&self) -> &str {
        &self.at.key.id
    }

    fn card(&self, title: &str) -> Card {
        Card::new(self.world.client.markdown, self.world.locale, title)
    }

    fn text(&self, m: crate::i18n::Msg) -> String {
        m.text(self.world.locale)
    }

    /// `card` with a last line saying the day its figures are as of.
    fn as_of(&self, mut card: Card, day: crate::model::period::Date) -> Card {
        card.note(self.text(msg!("lsp-hover-as-of", day = day.to_string())));
        card
    }

    fn label(&self, id: &'static str) -> String {
        crate::i18n::t(self.world.locale, id)
    }

    /// A person's name and id, or the id alone when nobody has it.
    fn person_name(&self, card: &Card, id: &str) -> String {
        match self.index.people.get(id) {
            Some((p, _)) => card.named(&p.name, id),
            None => card.id(id),
        }
    }

    fn person(&self) -> Option<Card> {
        let (person, roster) = self.index.people.get(self.id()).copied()?;
        let day = self.cx.day;
        let mut card = self.card(&person.name);
        let r = roster.value;
        card.row("lsp-hover-id", card.id(self.id()));
        card.row(
            "lsp-hover-unit",
            card.named(&unit_name(self.index, r.unit.value.as_str()), r.unit.value.as_str()),
        );
        if !person.employed_on(day) {
            let note = self.text(msg!("lsp-hover-not-on-staff", day = day.to_string()));
            card.row("lsp-hover-status", card.text(&note));
        }
        let now = person.on(day);
        let post = post_title(r, now.post.value.as_str());
        card.row("lsp-hover-post", card.named(&post, now.post.value.as_str()));
        if let Some(region) = now.region {
            let name = r.place_name(region.value.as_str());
            card.row("lsp-hover-region", card.named(&name, region.value.as_str()));
        }
        if let Some(manager) = now.reports_to {
            card.row("lsp-hover-manager", self.person_name(&card, manager.value.as_str()));
        }
        let employment = msg!("lsp-hover-employment-value", value = now.employment.canonical());
        card.row("lsp-hover-employment", card.text(&self.text(employment)));
        if let Some(since) = &person.since {
            card.row("lsp-hover-since", since.value.to_string());
        }
        if let Some(until) = &person.until {
            card.row("lsp-hover-until", until.value.to_string());
        }
        for acting in person.acting_on(day) {
            let post =
                card.named(&post_title(r, acting.post.value.as_str()), acting.post.value.as_str());
            let m = match &acting.until {
                Some(u) => msg!(
                    "lsp-hover-acting-between",
                    post = post,
                    from = acting.from.value.to_string(),
                    until = u.value.to_string()
                ),
                None => msg!(
                    "lsp-hover-acting-since",
                    post = post,
                    from = acting.from.value.to_string()
                ),
            };
            card.row("lsp-hover-acting", self.text(m));
        }
        let mut changes: Vec<_> = person.changes.iter().collect();
        changes.sort_by_key(|c| c.from.value);
        for change in changes {
            let mut parts = Vec::new();
            if let Some(post) = &change.post {
                let post = card.named(&post_title(r, post.value.as_str()), post.value.as_str());
                parts.push(self.text(msg!("lsp-hover-change-post", post = post)));
            }
            if let Some(region) = &change.region {
                let name = card.named(&r.place_name(region.value.as_str()), region.value.as_str());
                parts.push(self.text(msg!("lsp-hover-change-region", region = name)));
            }
            if let Some(manager) = &change.reports_to {
                let name = self.person_name(&card, manager.value.as_str());
                parts.push(self.text(msg!("lsp-hover-change-manager", manager = name)));
            }
            if let Some(employment) = change.employment {
                let value = msg!("lsp-hover-employment-value", value = employment.canonical());
                let value = self.text(value);
                parts.push(self.text(msg!("lsp-hover-change-employment", employment = value)));
            }
            let sep = if self.world.locale == crate::i18n::Locale::En { ", " } else { "，" };
            card.row("lsp-hover-changes", format!("{} {}", change.from.value, parts.join(sep)));
        }
        Some(self.as_of(card, day))
    }

    fn kpi(&self) -> Option<Card> {
        let kpi = self.index.kpis.get(self.id()).copied()?;
        let mut card = self.card(&kpi.name);
        card.row("lsp-hover-id", card.id(self.id()));
        if let Some(unit) = &kpi.unit {
            card.row("lsp-hover-measure", card.text(unit));
        }
        let better = msg!("lsp-hover-better-value", value = kpi.better.canonical());
        card.row("lsp-hover-better", self.text(better));
        let aggregate = msg!("lsp-hover-aggregate-value", value = kpi.aggregate.canonical());
        card.row("lsp-hover-aggregate", self.text(aggregate));
        if let Some(description) = &kpi.description {
            card.row("lsp-hover-description", card.text(description));
        }
        if let Some(row) = self.attainment_row() {
            if let Some(target) = row.target {
                card.row("lsp-hover-target", number(target));
            }
            if let Some(floor) = row.floor {
                card.row("lsp-hover-floor", number(floor));
            }
            if let Some((min, max)) = row.range {
                card.row("lsp-hover-range", format!("{} – {}", number(min), number(max)));
            }
            if let Some(actual) = row.actual {
                card.row("lsp-hover-actual", number(actual));
            }
            let standing =
                self.text(msg!("lsp-hover-standing", standing = standing_id(row.standing)));
            let value = match row.attainment_pct {
                Some(pct) => {
                    let pct = format!("{}%", crate::lsp::figures::percent(pct));
                    card.text(&self.text(msg!("lsp-hover-with", value = pct, words = standing)))
                }
                None => card.text(&standing),
            };
            card.row("lsp-hover-attainment", value);
        }
        Some(card)
    }

    /// The attainment row of the KPI under the cursor in a plan or review: the target or
    /// actual the cursor is in, else the unit-wide one.
    fn attainment_row(&self) -> Option<AttainmentRow> {
        let (unit, period) = self.cx.period?;
        let rows = attainment_rows(self.index, unit, period);
        pick_row(&rows, self.index, self.cx.file, self.at).cloned()
    }

    fn budget(&self) -> Option<Doc<'w, Budget>> {
        let Scope::File(file) = self.key().scope else { return None };
        self.index.budgets.iter().find(|b| b.doc.meta.file == file).copied()
    }

    fn plan(&self) -> Option<Doc<'w, Plan>> {
        let file = match &self.key().scope {
            Scope::File(f) | Scope::Scorecard(f, _) => *f,
            _ => return None,
        };
        self.index.plans.iter().map(|(p, _)| *p).find(|p| p.doc.meta.file == file)
    }

    fn review(&self) -> Option<&'w Review> {
        let file = self.cx.file;
        self.index
            .reviews
            .iter()
            .map(|(r, _)| *r)
            .find(|r| r.doc.meta.file == file)
            .map(|r| r.value)
    }

    fn line(&self) -> Option<Card> {
        let budget = self.budget()?;
        let b = budget.value;
        let line = b.lines.iter().find(|l| l.id.value.as_str() == self.id())?;
        let mut card = self.card(&line.name);
        card.row("lsp-hover-id", card.id(self.id()));
        let amount = line.amount.as_ref().map(|a| a.value.0);
        match amount {
            Some(a) => card.row("lsp-hover-amount", number(a)),
            None => card.row("lsp-hover-amount", self.label("lsp-hover-no-amount")),
        }
        if let Some(arithmetic) = breakdown(line) {
            card.row("lsp-hover-breakdown", arithmetic);
        }
        if let Some(section) = &line.section {
            let name = b
                .sections
                .iter()
                .find(|s| s.id.value.as_str() == section.value.as_str())
                .map_or(section.value.as_str(), |s| s.name.as_str());
            card.row("lsp-hover-section", card.named(name, section.value.as_str()));
        }
        if let Some(category) = &line.category {
            let name =
                self.index.ws.config.category_name(category.value.as_str(), self.world.locale);
            card.row("lsp-hover-category", card.named(&name, category.value.as_str()));
        }
        if let Some(review) = self.review() {
            let spent = review
                .spend
                .iter()
                .filter(|s| s.line.value.as_str() == self.id())
                .find_map(|s| s.actual.as_ref().map(|a| a.value.0));
            if let Some(spent) = spent {
                card.row("lsp-hover-spent", number(spent));
                if let Ok(variance) =
                    crate::model::money::exact::sub(spent, amount.unwrap_or_default())
                {
                    let words = self.text(variance_msg(variance, "lsp-hover"));
                    card.row(
                        "lsp-hover-variance",
                        card.text(&self.text(msg!(
                            "lsp-hover-with",
                            value = signed(variance),
                            words = words
                        ))),
                    );
                }
            }
        }
        Some(card)
    }

    fn limit(&self) -> Option<Card> {
        let b = self.budget()?.value;
        let limit = b.limits.iter().find(|l| l.id.value.as_str() == self.id())?;
        let mut card = self.card(&limit.name);
        card.row("lsp-hover-id", card.id(self.id()));
        card.row("lsp-hover-max", number(limit.max.value.0));
        let covers: Vec<String> = limit
            .lines
            .iter()
            .map(|l| card.id(l.value.as_str()))
            .chain(limit.categories.iter().map(|c| {
                let name = self.index.ws.config.category_name(c.value.as_str(), self.world.locale);
                card.named(&name, c.value.as_str())
            }))
            .collect();
        let covers =
            if covers.is_empty() { self.label("lsp-hover-covers-all") } else { covers.join(", ") };
        card.row("lsp-hover-covers", covers);
        if let Ok(used) = b.used_under(limit) {
            card.row("lsp-hover-used", number(used));
            if let Ok(room) = crate::model::money::exact::sub(limit.max.value.0, used) {
                if room.is_sign_negative() {
                    card.row("lsp-hover-beyond", number(-room));
                } else {
                    card.row("lsp-hover-headroom", number(room));
                }
            }
        }
        Some(card)
    }

    fn section(&self) -> Option<Card> {
        let b = self.budget()?.value;
        let section = b.sections.iter().find(|s| s.id.value.as_str() == self.id())?;
        let mut card = self.card(&section.name);
        card.row("lsp-hover-id", card.id(self.id()));
        if let Some(subtotal) = &section.subtotal {
            card.row("lsp-hover-amount", number(subtotal.value.0));
        }
        if let Ok(sum) = b.section_total(self.id()) {
            card.row("lsp-hover-subtotal", number(sum));
        }
        Some(card)
    }

    fn category(&self) -> Option<Card> {
        let b = self.budget()?.value;
        let name = self.index.ws.config.category_name(self.id(), self.world.locale);
        let mut card = self.card(&name);
        card.row("lsp-hover-id", card.id(self.id()));
        let lines: Vec<_> = b
            .lines
            .iter()
            .filter(|l| l.category.as_ref().is_some_and(|c| c.value.as_str() == self.id()))
            .collect();
        let names: Vec<String> =
            lines.iter().map(|l| card.named(&l.name, l.id.value.as_str())).collect();
        if !names.is_empty() {
            card.row("lsp-hover-lines", names.join(", "));
        }
        if let Ok(sum) = crate::model::money::exact::sum(lines.iter().map(|l| l.amount_or_zero())) {
            card.row("lsp-hover-lines-total", number(sum));
        }
        Some(card)
    }

    fn task(&self) -> Option<Card> {
        let plan = self.plan()?.value;
        let task = plan.tasks.iter().find(|t| t.id.value.as_str() == self.id())?;
        let mut card = self.card(&task.name);
        card.row("lsp-hover-id", card.id(self.id()));
        if let Some(owner) = &task.owner {
            card.row("lsp-hover-owner", self.person_name(&card, owner.value.as_str()));
        }
        if let Some(start) = &task.start {
            card.row("lsp-hover-start", start.value.to_string());
        }
        if let Some(duration) = &task.duration {
            card.row(
                "lsp-hover-duration",
                self.text(msg!("lsp-hover-days", days = duration.value.days)),
            );
        }
        if let Some(due) = &task.due {
            card.row("lsp-hover-due", due.value.to_string());
        }
        if let Some(end) = task.end() {
            card.row("lsp-hover-end", end.to_string());
        }
        let name_of = |id: &str| {
            let name =
                plan.tasks.iter().find(|t| t.id.value.as_str() == id).map_or(id, |t| &t.name);
            card.named(name, id)
        };
        if !task.depends_on.is_empty() {
            let before: Vec<String> =
                task.depends_on.iter().map(|d| name_of(d.value.as_str())).collect();
            card.row("lsp-hover-depends-on", before.join(", "));
        }
        let after: Vec<String> = plan
            .tasks
            .iter()
            .filter(|t| t.depends_on.iter().any(|d| d.value.as_str() == self.id()))
            .map(|t| card.named(&t.name, t.id.value.as_str()))
            .collect();
        if !after.is_empty() {
            card.row("lsp-hover-dependents", after.join(", "));
        }
        if let Some(review) = self.review() {
            let status = review
                .tasks
                .iter()
                .filter(|s| s.task.value.as_str() == self.id())
                .find_map(|s| s.status.as_ref());
            if let Some(status) = status {
                let words =
                    self.text(msg!("lsp-hover-status-value", value = status.value.canonical()));
                card.row("lsp-hover-status", card.text(&words));
            }
        }
        Some(card)
    }

    /// The roster of the key's unit that defines the id under `defines`.
    fn roster(&self, defines: impl Fn(&Roster) -> bool) -> Option<&'w Roster> {
        let Scope::Unit(unit) = &self.key().scope else { return None };
        self.index
            .rosters
            .iter()
            .map(|r| r.value)
            .find(|r| r.unit.value.as_str() == unit.as_str() && defines(r))
    }

    fn post(&self) -> Option<Card> {
        let id = self.id();
        let r = self.roster(|r| r.posts.iter().any(|p| p.id.value.as_str() == id))?;
        let post = r.posts.iter().find(|p| p.id.value.as_str() == id)?;
        let day = self.cx.day;
        let mut card = self.card(&post.title);
        card.row("lsp-hover-id", card.id(id));
        card.row(
            "lsp-hover-unit",
            card.named(&unit_name(self.index, r.unit.value.as_str()), r.unit.value.as_str()),
        );
        let establishment = post.establishment_on(day);
        let staff = r
            .people
            .iter()
            .filter(|p| p.employed_on(day) && p.on(day).post.value.as_str() == id)
            .count();
        card.row("lsp-hover-establishment", establishment.to_string());
        card.row("lsp-hover-on-staff", staff.to_string());
        let open = u64::from(establishment).saturating_sub(staff as u64);
        card.row("lsp-hover-vacancies", open.to_string());
        if let Some(pay) = post.pay_on(day) {
            card.row("lsp-hover-pay", number(pay.value.0));
        }
        if let Some(up) = &post.reports_to {
            card.row(
                "lsp-hover-manager",
                card.named(&post_title(r, up.value.as_str()), up.value.as_str()),
            );
        }
        Some(self.as_of(card, day))
    }

    fn region(&self) -> Option<Card> {
        let id = self.id();
        let r = self.roster(|r| {
            r.regions.iter().any(|g| g.id.value.as_str() == id)
                || r.groups.iter().any(|g| g.id.value.as_str() == id)
        })?;
        let day = self.cx.day;
        let mut card = self.card(&r.place_name(id));
        card.row("lsp-hover-id", card.id(id));
        let group = r.groups.iter().find(|g| g.id.value.as_str() == id);
        let members: Vec<&str> = match group {
            Some(g) => g.regions.iter().map(|x| x.value.as_str()).collect(),
            None => vec![id],
        };
        let people = r
            .people
            .iter()
            .filter(|p| p.employed_on(day))
            .filter(|p| p.on(day).region.is_some_and(|x| members.contains(&x.value.as_str())))
            .count();
        card.row("lsp-hover-people", people.to_string());
        match group {
            Some(g) => {
                let names: Vec<String> =
                    members.iter().map(|m| card.named(&r.place_name(m), m)).collect();
                card.row("lsp-hover-regions", names.join(", "));
                if let Some(manager) = &g.manager {
                    card.row("lsp-hover-manager", self.person_name(&card, manager.value.as_str()));
                }
            }
            None => {
                let groups: Vec<String> = r
                    .groups
                    .iter()
                    .filter(|g| g.regions.iter().any(|x| x.value.as_str() == id))
                    .map(|g| card.named(&g.name, g.id.value.as_str()))
                    .collect();
                if !groups.is_empty() {
                    card.row("lsp-hover-group", groups.join(", "));
                }
            }
        }
        Some(self.as_of(card, day))
    }

    fn unit(&self) -> Option<Card> {
        let unit = self.index.units.get(self.id()).copied()?;
        let mut card = self.card(&unit.name);
        card.row("lsp-hover-id", card.id(self.id()));
        if let Some(parent) = &unit.parent {
            let name = unit_name(self.index, parent.value.as_str());
            card.row("lsp-hover-parent", card.named(&name, parent.value.as_str()));
        }
        let children: Vec<String> = self
            .index
            .ws
            .config
            .units
            .iter()
            .filter(|u| u.parent.as_ref().is_some_and(|p| p.value.as_str() == self.id()))
            .map(|u| card.named(&u.name, u.id.value.as_str()))
            .collect();
        if !children.is_empty() {
            card.row("lsp-hover-children", children.join(", "));
        }
        if let Some(description) = &unit.description {
            card.row("lsp-hover-description", card.text(description));
        }
        Some(card)
    }

    fn component(&self) -> Option<Card> {
        let Scope::Scorecard(_, post) = &self.key().scope else { return None };
        let plan = self.plan()?.value;
        let scorecard = plan.scorecards.iter().find(|s| s.post.value.as_str() == post.as_str())?;
        if self.key().sym == Sym::ComponentGroup {
            let group = scorecard.groups.iter().find(|g| g.id.value.as_str() == self.id())?;
            let mut card = self.card(&group.name);
            card.row("lsp-hover-id", card.id(self.id()));
            card.row("lsp-hover-weight", number(group.weight.value.0));
            return Some(card);
        }
        let component = scorecard.components.iter().find(|c| c.id.value.as_str() == self.id())?;
        let mut card = self.card(&component.name);
        card.row("lsp-hover-id", card.id(self.id()));
        card.row("lsp-hover-weight", number(component.weight.value.0));
        if let Some(group) = &component.group {
            let name = scorecard
                .groups
                .iter()
                .find(|g| g.id.value.as_str() == group.value.as_str())
                .map_or(group.value.as_str(), |g| g.name.as_str());
            card.row("lsp-hover-component-group", card.named(name, group.value.as_str()));
        }
        if let Some(kpi) = &component.kpi {
            let name =
                self.index.kpis.get(kpi.value.as_str()).map_or(kpi.value.as_str(), |k| &k.name);
            card.row("lsp-hover-kpi", card.named(name, kpi.value.as_str()));
        }
        if let Some(scale) = &component.scale {
            let (floor, target) = (number(scale.floor.value.0), number(scale.target.value.0));
            let m = match &scale.cap {
                Some(cap) => msg!(
                    "lsp-hover-scale-cap",
                    floor = floor,
                    target = target,
                    cap = number(cap.value.0)
                ),
                None => msg!("lsp-hover-scale-value", floor = floor, target = target),
            };
            card.row("lsp-hover-scale", self.text(m));
        }
        Some(card)
    }
}

/// The attainment rows of `unit`'s plan for `period`, from the same report as `planbook
/// rollup attainment`.
pub fn attainment_rows(index: &Index, unit: &str, period: Period) -> Vec<AttainmentRow> {
    let options = crate::rollup::Options { unit: Some(unit.to_owned()), period: Some(period) };
    let report = attainment::rollup(index, &options);
    report.targets.into_iter().filter(|r| r.unit == unit && r.period == period).collect()
}

/// Among `rows`, the one of the KPI occurrence `at` in the plan or review `file`: the target
/// or actual it is written in (same post, region and scope), else the unit-wide one.
pub fn pick_row<'r>(
    rows: &'r [AttainmentRow],
    index: &Index,
    file: crate::source::FileId,
    at: &Occurrence,
) -> Option<&'r AttainmentRow> {
    let mut rows = rows.iter().filter(|r| r.kpi == at.key.id);
    match written_fields(index, file, at) {
        Some((scope, post, region)) => {
            rows.find(|r| r.scope == scope && r.per_post == post && r.region == region)
        }
        None => rows.find(|r| r.scope.is_none() && r.per_post.is_none() && r.region.is_none()),
    }
}

type Fields = (Option<String>, Option<String>, Option<String>);

/// The scope, post and region of the target or actual whose `kpi` is written at `at`.
fn written_fields(index: &Index, file: crate::source::FileId, at: &Occurrence) -> Option<Fields> {
    let of = |s: Option<&str>| s.map(str::to_owned);
    for (plan, _) in &index.plans {
        if plan.doc.meta.file == file {
            let t = plan.value.targets.iter().find(|t| t.kpi.span == at.span)?;
            return Some((
                t.scope.clone(),
                of(t.per_post.as_ref().map(|p| p.value.as_str())),
                of(t.region.as_ref().map(|r| r.value.as_str())),
            ));
        }
    }
    for (review, _) in &index.reviews {
        if review.doc.meta.file == file {
            let a = review.value.actuals.iter().find(|a| a.kpi.span == at.span)?;
            return Some((
                a.scope.clone(),
                of(a.per_post.as_ref().map(|p| p.value.as_str())),
                of(a.region.as_ref().map(|r| r.value.as_str())),
            ));
        }
    }
    None
}

/// The message id of a standing, for `lsp-hover-standing`.
pub fn standing_id(standing: Standing) -> &'static str {
    match standing {
        Standing::Met => "met",
        Standing::AboveFloor => "above-floor",
        Standing::Missed => "missed",
        Standing::NoActual => "no-actual",
    }
}

/// "over by" / "under by" / "on budget" for a spend variance (actual − amount).
pub fn variance_msg(variance: Decimal, prefix: &str) -> crate::i18n::Msg {
    let amount = number(variance.abs());
    match (variance.cmp(&Decimal::ZERO), prefix) {
        (std::cmp::Ordering::Greater, "lsp-hover") => msg!("lsp-hover-over", amount = amount),
        (std::cmp::Ordering::Less, "lsp-hover") => msg!("lsp-hover-under", amount = amount),
        (_, "lsp-hover") => msg!("lsp-hover-even"),
        (std::cmp::Ordering::Greater, _) => msg!("lsp-inlay-over", amount = amount),
        (std::cmp::Ordering::Less, _) => msg!("lsp-inlay-under", amount = amount),
        _ => msg!("lsp-inlay-even"),
    }
}

fn post_title(roster: &Roster, post: &str) -> String {
    roster
        .posts
        .iter()
        .find(|p| p.id.value.as_str() == post)
        .map_or_else(|| post.to_owned(), |p| p.title.clone())
}

fn unit_name(index: &Index, unit: &str) -> String {
    crate::rollup::unit_name(index, unit)
}
