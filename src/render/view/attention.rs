//! What needs attention, per unit and for the group: overspent budget lines, categories and
//! caps, targets missed or short of target, vacancies and over-establishment, periods that
//! ended without a review, and documents with errors or that could not be read.
//!
//! Built once per build from the [`Site`] tables and the diagnostics counted per file
//! ([`file_problems`]); the home page shows every unit's list, a unit page its own and that of
//! the units below it. Each item has a severity, a sign that is not a colour (`▲`, `▼`, `⚠`),
//! a sentence in the handbook's language, its figure and a link to the page and the figure's
//! anchor on it. Items are ordered by severity, then by how far off they are.

use std::collections::{BTreeMap, HashMap, HashSet};

use rust_decimal::Decimal;
use serde::Serialize;

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{Msg, msg};
use crate::model::config::Better;
use crate::model::period::{Date, Period};
use crate::model::{Content, Kind};
use crate::render::view::common::roster_title;
use crate::render::view::site::{Link, Site, page_name, slug};
use crate::rollup::attainment::{AttainmentRow, Standing};
use crate::rollup::budget::BudgetSummary;
use crate::source::{FileId, SourceMap};

/// An overspend of at least this percentage needs action; a smaller one is watched.
const ACTION_OVERSPEND_PCT: i64 = 10;

/// The diagnostics of one file, counted.
#[derive(Debug, Clone)]
pub struct FileProblems {
    /// The file.
    pub file: FileId,
    /// Its path relative to the repository root, with `/`.
    pub path: String,
    /// Errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
}

/// The errors and warnings of each file `diags` point into (by their primary label), in the
/// order the files first appear.
pub fn file_problems(diags: &[Diagnostic], sources: &SourceMap) -> Vec<FileProblems> {
    let mut out: Vec<FileProblems> = Vec::new();
    let mut at: HashMap<FileId, usize> = HashMap::new();
    for d in diags {
        let file = d.primary.span.file;
        let i = *at.entry(file).or_insert_with(|| {
            let path = sources.path(file).to_string_lossy().replace('\\', "/");
            out.push(FileProblems { file, path, errors: 0, warnings: 0 });
            out.len() - 1
        });
        if let Some(f) = out.get_mut(i) {
            match d.severity {
                Severity::Error => f.errors += 1,
                Severity::Warning => f.warnings += 1,
                Severity::Note => {}
            }
        }
    }
    out.retain(|f| f.errors + f.warnings > 0);
    out
}

/// The anchor, on the problems page, of the first diagnostic of the file at `path`.
pub fn problem_anchor(path: &str) -> String {
    format!("file-{}", page_name(path))
}

/// The anchor of a budget line's row on the budget page.
pub fn line_anchor(line: &str) -> String {
    format!("line-{}", slug(line))
}

/// The anchor of the `index`th row (from 0) of `unit`'s attainment table.
pub fn target_anchor(unit: &str, index: usize) -> String {
    format!("target-{}-{}", slug(unit), index + 1)
}

/// The anchor of a period's row in the unit page's table of documents.
pub fn period_anchor(period: Period) -> String {
    format!("period-{period}")
}

/// How urgent an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    /// Needs action.
    Action,
    /// To watch.
    Watch,
}

/// One thing that is off.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    /// `action` or `watch`.
    pub severity: Level,
    /// The severity in words.
    pub severity_text: String,
    /// The sign shown before it: `▲` over, `▼` under, `⚠` a problem.
    pub sign: &'static str,
    /// The figure (`+18%`, `2`, `78.5%`).
    pub figure: String,
    /// What is off, in a sentence, linked to the page and the figure's anchor.
    pub link: Link,
    /// The unit's id (empty for the repository as a whole).
    #[serde(skip)]
    pub unit: String,
    /// How far off, for the order within a severity.
    #[serde(skip)]
    pub size: Decimal,
}

/// Items of one unit, as a page shows them.
#[derive(Debug, Serialize)]
pub struct Group {
    /// The unit (no URL for the repository as a whole).
    pub unit: Link,
    /// `2 need action, 1 to watch`.
    pub counts: String,
    /// The items, most urgent first.
    pub items: Vec<Item>,
    /// When only the first items are shown: the rest, counted, linked to the unit's list.
    pub more: Option<Link>,
}

/// An attention list as a page shows it.
#[derive(Debug, Serialize)]
pub struct AttentionList {
    /// One group per unit with items, in the units' order.
    pub groups: Vec<Group>,
    /// Whether to name each group's unit (more than one unit is covered).
    pub by_unit: bool,
    /// All items, counted: `3 need action, 4 to watch`, or that nothing needs attention.
    pub summary: String,
    /// Items needing action.
    pub action: usize,
    /// Items to watch.
    pub watch: usize,
}

/// Everything that needs attention in the handbook, by unit.
#[derive(Debug, Default)]
pub struct Attention {
    /// Items by unit id (`""` for files of no unit), most urgent first.
    items: HashMap<String, Vec<Item>>,
    /// Unit ids in the configuration's order, then `""`.
    order: Vec<String>,
}

impl Attention {
    /// What is off in `site`, with the diagnostics counted per file.
    pub fn new(site: &Site, files: &[FileProblems]) -> Attention {
        let mut all = Vec::new();
        budgets(site, &mut all);
        targets(site, &mut all);
        staffing(site, &mut all);
        reviews(site, &mut all, Date::today());
        problems(site, files, &mut all);
        empty_units(site, &mut all);
        let mut items: HashMap<String, Vec<Item>> = HashMap::new();
        for item in all {
            items.entry(item.unit.clone()).or_default().push(item);
        }
        for list in items.values_mut() {
            list.sort_by(|a, b| {
                (a.severity, std::cmp::Reverse(a.size))
                    .cmp(&(b.severity, std::cmp::Reverse(b.size)))
            });
        }
        let mut order: Vec<String> =
            site.index.ws.config.units.iter().map(|u| u.id.value.0.clone()).collect();
        order.push(String::new());
        Attention { items, order }
    }

    /// The items of `unit` alone.
    pub fn of(&self, unit: &str) -> &[Item] {
        self.items.get(unit).map_or(&[], Vec::as_slice)
    }

    /// The list of the whole handbook, by unit, with the first `first` items of each unit.
    pub fn group(&self, site: &Site, first: usize) -> AttentionList {
        self.list(site, |_| true, true, |_| first)
    }

    /// The list of `unit` and the units below it (and, for a unit at the top, of the files
    /// of no unit): all of its own items, the first `first` of each unit below it.
    pub fn unit(&self, site: &Site, unit: &str, first: usize) -> AttentionList {
        let below: HashSet<&str> = site.index.unit_and_descendants(unit).into_iter().collect();
        let top = site.index.units.get(unit).is_some_and(|u| u.parent.is_none());
        let covers = |u: &str| u == unit || below.contains(u) || (top && u.is_empty());
        let with_items = self.order.iter().filter(|u| covers(u) && !self.of(u).is_empty());
        let by_unit = with_items.clone().any(|u| u != unit);
        self.list(site, covers, by_unit, |u| if u == unit { usize::MAX } else { first })
    }

    /// Items needing action and to watch, of `unit` and the units below it.
    pub fn counts(&self, site: &Site, unit: &str) -> (usize, usize) {
        let units = site.index.unit_and_descendants(unit);
        let items = units.iter().flat_map(|u| self.of(u));
        items.fold((0, 0), |(a, w), i| match i.severity {
            Level::Action => (a + 1, w),
            Level::Watch => (a, w + 1),
        })
    }

    fn list(
        &self,
        site: &Site,
        covers: impl Fn(&str) -> bool,
        by_unit: bool,
        first: impl Fn(&str) -> usize,
    ) -> AttentionList {
        let locale = site.fmt.locale;
        let mut groups = Vec::new();
        let (mut action, mut watch) = (0, 0);
        for unit in self.order.iter().filter(|u| covers(u)) {
            let items = self.of(unit);
            if items.is_empty() {
                continue;
            }
            let a = items.iter().filter(|i| i.severity == Level::Action).count();
            let w = items.len() - a;
            action += a;
            watch += w;
            let link = if unit.is_empty() {
                Link { label: site.t("attention_repository"), url: String::new(), broken: None }
            } else {
                site.unit_link(unit)
            };
            let counts = msg!("attention-counts", action = a, watch = w).text(locale);
            let first = first(unit);
            let rest = items.len().saturating_sub(first);
            let more = (rest > 0 && !link.url.is_empty()).then(|| Link {
                label: msg!("attention-more", count = rest).text(locale),
                url: format!("{}#attention", link.url),
                broken: None,
            });
            let shown = if more.is_some() { items.get(..first).unwrap_or(items) } else { items };
            groups.push(Group { unit: link, counts, items: shown.to_vec(), more });
        }
        let summary = if action + watch == 0 {
            site.t("attention_none")
        } else {
            msg!("attention-counts", action = action, watch = watch).text(locale)
        };
        AttentionList { groups, by_unit, summary, action, watch }
    }
}

/// An item under construction.
struct New<'s> {
    site: &'s Site<'s>,
    unit: String,
    severity: Level,
    sign: &'static str,
}

impl New<'_> {
    fn item(self, text: Msg, figure: String, url: String, size: Decimal) -> Item {
        let site = self.site;
        let severity_text = site.t(match self.severity {
            Level::Action => "attention_action",
            Level::Watch => "attention_watch",
        });
        Item {
            severity: self.severity,
            severity_text,
            sign: self.sign,
            link: Link { label: text.text(site.fmt.locale), url, broken: None },
            figure,
            unit: self.unit,
            size,
        }
    }
}

/// `+9.3%` for a positive percentage.
fn plus_percent(site: &Site, pct: Decimal) -> String {
    format!("+{}", site.fmt.percent(pct.round_dp(1)))
}

/// How far over `budget` an `actual` is, in percent (none for a budget of zero).
fn over_pct(actual: Decimal, budget: Decimal) -> Option<Decimal> {
    if budget <= Decimal::ZERO {
        return None;
    }
    actual.checked_sub(budget)?.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(budget)
}

fn overspend_level(pct: Option<Decimal>) -> Level {
    match pct {
        Some(p) if p < Decimal::from(ACTION_OVERSPEND_PCT) => Level::Watch,
        _ => Level::Action,
    }
}

/// Each unit's latest budget with actual spend: its lines, categories and caps over budget.
fn budgets(site: &Site, out: &mut Vec<Item>) {
    let mut latest: BTreeMap<&str, &BudgetSummary> = BTreeMap::new();
    for b in site.reports.budget.budgets.iter().filter(|b| b.actual_total.is_some()) {
        let e = latest.entry(b.unit.as_str()).or_insert(b);
        if b.period > e.period {
            *e = b;
        }
    }
    for s in latest.into_values() {
        let Some(doc) = site.index.by_path.get(s.document.as_path()) else { continue };
        let url = site.doc_url(doc);
        let period = site.fmt.period(s.period);
        let num = |v: Decimal| site.fmt.number(v);
        for l in &s.lines {
            let (Some(amount), Some(actual)) = (l.amount, l.actual) else { continue };
            if actual <= amount {
                continue;
            }
            let pct = over_pct(actual, amount);
            let over = actual - amount;
            let new =
                New { site, unit: s.unit.clone(), severity: overspend_level(pct), sign: "▲" };
            let text = msg!(
                "attention-line-over",
                period = period.as_str(),
                line = l.name.as_str(),
                actual = num(actual),
                budget = num(amount),
                over = num(over)
            );
            let figure = pct.map_or_else(|| format!("+{}", num(over)), |p| plus_percent(site, p));
            let size = pct.unwrap_or(Decimal::ONE_THOUSAND);
            out.push(new.item(text, figure, format!("{url}#{}", line_anchor(&l.id)), size));
        }
        for c in &s.categories {
            let Some(actual) = c.actual.filter(|a| *a > c.amount) else { continue };
            // A category with one overspent line would say again what that line says.
            let lines = s.lines.iter().filter(|l| l.category.as_deref() == Some(c.key.as_str()));
            let over =
                lines.filter(|l| matches!((l.amount, l.actual), (Some(a), Some(x)) if x > a));
            if over.count() < 2 {
                continue;
            }
            let pct = over_pct(actual, c.amount);
            let new =
                New { site, unit: s.unit.clone(), severity: overspend_level(pct), sign: "▲" };
            let text = msg!(
                "attention-category-over",
                period = period.as_str(),
                category = site.category_name(&c.key),
                actual = num(actual),
                budget = num(c.amount),
                over = num(actual - c.amount)
            );
            let figure = pct.map_or_else(|| format!("+{}", num(actual)), |p| plus_percent(site, p));
            let size = pct.unwrap_or(Decimal::ONE_THOUSAND);
            out.push(new.item(text, figure, format!("{url}#h-categories"), size));
        }
        if let Some(actual) = s.actual_total.filter(|a| *a > s.total) {
            let pct = over_pct(actual, s.total);
            let new =
                New { site, unit: s.unit.clone(), severity: overspend_level(pct), sign: "▲" };
            let text = msg!(
                "attention-total-over",
                period = period.as_str(),
                actual = num(actual),
                budget = num(s.total),
                over = num(actual - s.total)
            );
            let figure = pct
                .map_or_else(|| format!("+{}", num(actual - s.total)), |p| plus_percent(site, p));
            // The whole budget first among its unit's overspends of the same size.
            let size = pct.unwrap_or(Decimal::ONE_THOUSAND) + Decimal::ONE_THOUSAND;
            out.push(new.item(text, figure, format!("{url}#h-lines"), size));
        }
        for c in s.limits.iter().filter(|c| c.used > c.max) {
            let new = New { site, unit: s.unit.clone(), severity: Level::Action, sign: "▲" };
            let text = msg!(
                "attention-cap-over",
                period = period.as_str(),
                cap = c.name.as_str(),
                used = num(c.used),
                max = num(c.max),
                over = num(c.used - c.max)
            );
            let pct = over_pct(c.used, c.max);
            let figure =
                pct.map_or_else(|| format!("+{}", num(c.used - c.max)), |p| plus_percent(site, p));
            let size = pct.unwrap_or(Decimal::ONE_THOUSAND);
            out.push(new.item(text, figure, format!("{url}#h-caps"), size));
        }
    }
}

/// The page that shows `unit`'s attainment in `period`: its review, else its plan.
fn attainment_page(site: &Site, unit: &str, period: Period) -> String {
    if let Some(review) = site.reviews.get(&(unit, period)) {
        return site.doc_url(review.doc);
    }
    let plan = site
        .index
        .plans
        .iter()
        .find(|(p, _)| p.value.unit.value.as_str() == unit && p.value.period.value == period);
    plan.map(|(p, _)| site.doc_url(p.doc)).unwrap_or_default()
}

/// Each unit's latest period with actuals: its targets missed or short of target.
fn targets(site: &Site, out: &mut Vec<Item>) {
    let mut latest: BTreeMap<&str, Period> = BTreeMap::new();
    for ((unit, period), rows) in &site.attainment {
        if rows.iter().any(|r| r.actual.is_some()) {
            let e = latest.entry(unit).or_insert(*period);
            *e = (*e).max(*period);
        }
    }
    for (unit, period) in latest {
        let Some(rows) = site.attainment.get(&(unit, period)) else { continue };
        let url = attainment_page(site, unit, period);
        for (i, r) in rows.iter().enumerate() {
            let severity = match r.standing {
                Standing::Missed => Level::Action,
                Standing::AboveFloor => Level::Watch,
                _ => continue,
            };
            let Some(actual) = r.actual else { continue };
            // A region group's row summed from its regions' rows repeats what they say.
            if !r.summed_from.is_empty() {
                continue;
            }
            let new = New { site, unit: unit.to_string(), severity, sign: "▼" };
            let text = target_text(site, r, actual);
            let figure =
                r.attainment_pct.map_or_else(|| site.fmt.number(actual), |p| site.fmt.percent(p));
            let size = r.attainment_pct.map_or(Decimal::ONE_HUNDRED, |p| Decimal::ONE_HUNDRED - p);
            out.push(new.item(text, figure, format!("{url}#{}", target_anchor(unit, i)), size));
        }
    }
}

fn target_text(site: &Site, r: &AttainmentRow, actual: Decimal) -> Msg {
    let fmt = site.fmt;
    let mut kpi = r.kpi_name.clone();
    let roster = site.index.rosters_of(&r.unit).into_iter().next();
    let region =
        r.region.as_ref().map(|id| roster.map_or_else(|| id.clone(), |x| x.value.place_name(id)));
    for scope in [r.scope.clone(), region].into_iter().flatten() {
        kpi = msg!("attention-kpi-scope", kpi = kpi, scope = scope).text(fmt.locale);
    }
    if let Some(post) = &r.per_post {
        let post = crate::render::view::common::unit_post_title(site, &r.unit, post);
        kpi = msg!("attention-kpi-scope", kpi = kpi, scope = post).text(fmt.locale);
    }
    let period = fmt.period(r.period);
    let actual = fmt.number(actual);
    let target = fmt.opt(r.target);
    if let Some((a, b)) = r.range {
        let range = format!("{}–{}", fmt.number(a), fmt.number(b));
        return msg!(
            "attention-target-range",
            period = period,
            kpi = kpi,
            actual = actual,
            range = range
        );
    }
    match (r.standing, r.floor, r.better) {
        (Standing::AboveFloor, _, Better::Lower) => msg!(
            "attention-target-short-lower",
            period = period,
            kpi = kpi,
            actual = actual,
            target = target
        ),
        (Standing::AboveFloor, ..) => {
            msg!(
                "attention-target-short",
                period = period,
                kpi = kpi,
                actual = actual,
                target = target
            )
        }
        (_, Some(floor), Better::Higher) if r.target.is_none() => msg!(
            "attention-target-below-floor-only",
            period = period,
            kpi = kpi,
            actual = actual,
            floor = fmt.number(floor)
        ),
        (_, Some(floor), Better::Higher) => msg!(
            "attention-target-below-floor",
            period = period,
            kpi = kpi,
            actual = actual,
            floor = fmt.number(floor),
            target = target
        ),
        (_, Some(ceiling), Better::Lower) => msg!(
            "attention-target-over-ceiling",
            period = period,
            kpi = kpi,
            actual = actual,
            ceiling = fmt.number(ceiling)
        ),
        _ => msg!(
            "attention-target-missed",
            period = period,
            kpi = kpi,
            actual = actual,
            target = target
        ),
    }
}

/// Each roster's posts with vacancies (to watch) or over their establishment (needing action).
fn staffing(site: &Site, out: &mut Vec<Item>) {
    for h in &site.reports.headcount.rosters {
        let Some(roster) =
            site.index.rosters.iter().find(|r| r.value.unit.value.as_str() == h.unit)
        else {
            continue;
        };
        let url = format!("{}#h-posts", site.doc_url(roster.doc));
        let day = site.fmt.date(h.as_of);
        for p in h.posts.iter().filter(|p| p.in_establishment && p.establishment > 0) {
            let share =
                |n: u64| Decimal::from(n) * Decimal::ONE_HUNDRED / Decimal::from(p.establishment);
            if p.over > 0 {
                let new = New { site, unit: h.unit.clone(), severity: Level::Action, sign: "▲" };
                let text = msg!(
                    "attention-over",
                    day = day.as_str(),
                    post = p.title.as_str(),
                    establishment = p.establishment,
                    headcount = p.headcount,
                    over = p.over
                );
                out.push(new.item(text, format!("+{}", p.over), url.clone(), share(p.over)));
            }
            if p.vacancies > 0 {
                let new = New { site, unit: h.unit.clone(), severity: Level::Watch, sign: "▼" };
                let text = msg!(
                    "attention-vacancies",
                    day = day.as_str(),
                    post = p.title.as_str(),
                    establishment = p.establishment,
                    headcount = p.headcount,
                    vacancies = p.vacancies
                );
                let figure = format!("−{}", p.vacancies);
                out.push(new.item(text, figure, url.clone(), share(p.vacancies)));
            }
        }
    }
}

/// Periods that ended before `today` with a plan or budget of a unit and no review.
fn reviews(site: &Site, out: &mut Vec<Item>, today: Date) {
    let mut units: Vec<&&str> = site.by_unit.keys().collect();
    units.sort();
    for unit in units {
        let Some(docs) = site.by_unit.get(*unit) else { continue };
        let mut periods: Vec<Period> = docs.iter().map(|(p, ..)| *p).collect();
        periods.sort();
        periods.dedup();
        for period in periods {
            let (_, last) = period.bounds();
            let reviewed = docs.iter().any(|(p, k, ..)| *p == period && *k == Kind::Review);
            let broken = site
                .broken_of(Some(Kind::Review))
                .any(|b| b.unit.as_deref() == Some(*unit) && b.period == Some(period));
            if last >= today || reviewed || broken {
                continue;
            }
            let kinds: Vec<String> = [Kind::Plan, Kind::Budget]
                .into_iter()
                .filter(|k| docs.iter().any(|(p, dk, ..)| *p == period && dk == k))
                .map(|k| site.t(k.name()))
                .collect();
            let new = New { site, unit: unit.to_string(), severity: Level::Action, sign: "⚠" };
            let text = msg!(
                "attention-review-missing",
                period = site.fmt.period(period),
                ended = site.fmt.date(last),
                documents = crate::i18n::Arg::List(kinds)
            );
            let url = site.unit_urls.get(*unit).cloned().unwrap_or_default();
            let days = Decimal::from(today.day_number() - last.day_number());
            let figure = site.fmt.period(period);
            out.push(new.item(text, figure, format!("{url}#{}", period_anchor(period)), days));
        }
    }
}

/// Units with no units below them and no document at all (no roster, plan, budget or review,
/// readable or not): nothing about them can be checked, which is itself worth a look.
fn empty_units(site: &Site, out: &mut Vec<Item>) {
    let config = &site.index.ws.config;
    // A repository just begun, with no document anywhere, has nothing to compare with.
    if site.index.ws.documents.is_empty() && site.broken.is_empty() {
        return;
    }
    let parents: HashSet<&str> =
        config.units.iter().filter_map(|u| u.parent.as_ref()).map(|p| p.value.as_str()).collect();
    for u in &config.units {
        let id = u.id.value.as_str();
        let documents = site.by_unit.get(id).is_some_and(|d| !d.is_empty())
            || !site.index.rosters_of(id).is_empty()
            || site.broken.iter().any(|b| b.unit.as_deref() == Some(id));
        if parents.contains(id) || documents {
            continue;
        }
        let new = New { site, unit: id.to_string(), severity: Level::Watch, sign: "⚠" };
        let text = msg!("attention-no-documents", unit = u.name.as_str());
        let url = site.unit_urls.get(id).cloned().unwrap_or_default();
        out.push(new.item(text, "0".to_string(), url, Decimal::ZERO));
    }
}

/// Documents with errors or warnings, and documents that could not be read.
fn problems(site: &Site, files: &[FileProblems], out: &mut Vec<Item>) {
    let broken: HashSet<&str> = site.broken.iter().map(|b| b.path.as_str()).collect();
    let docs: HashMap<FileId, &crate::model::Document> =
        site.index.ws.documents.iter().map(|d| (d.meta.file, d)).collect();
    for f in files.iter().filter(|f| !broken.contains(f.path.as_str())) {
        let doc = docs.get(&f.file);
        let (unit, name) = match doc.map(|d| &d.content) {
            Some(Content::Roster(r)) => (r.unit.value.0.clone(), roster_title(site, r)),
            Some(Content::Budget(b)) => (b.unit.value.0.clone(), doc_title(site, doc, &f.path)),
            Some(Content::Plan(p, _)) => (p.unit.value.0.clone(), p.title.clone()),
            Some(Content::Review(r, _)) => (r.unit.value.0.clone(), r.title.clone()),
            _ => (String::new(), f.path.clone()),
        };
        let unit = if site.index.units.contains_key(unit.as_str()) { unit } else { String::new() };
        let url = format!("problems.html#{}", problem_anchor(&f.path));
        let size = Decimal::from(f.errors + f.warnings);
        let (severity, text, figure) = if f.errors > 0 {
            let text = msg!(
                "attention-errors",
                document = name.as_str(),
                errors = f.errors,
                warnings = f.warnings
            );
            (Level::Action, text, f.errors.to_string())
        } else {
            let text = msg!("attention-warnings", document = name.as_str(), warnings = f.warnings);
            (Level::Watch, text, f.warnings.to_string())
        };
        out.push(New { site, unit, severity, sign: "⚠" }.item(text, figure, url, size));
    }
    for b in &site.broken {
        let unit = b.unit.clone().filter(|u| site.index.units.contains_key(u.as_str()));
        let new =
            New { site, unit: unit.unwrap_or_default(), severity: Level::Action, sign: "⚠" };
        let n = b.problems.len();
        let text = msg!("attention-broken", document = b.title.as_str(), problems = n);
        let url = format!("{}#h-broken-problems", b.url);
        out.push(new.item(text, n.to_string(), url, Decimal::from(n) + Decimal::ONE_THOUSAND));
    }
}

fn doc_title(site: &Site, doc: Option<&&crate::model::Document>, path: &str) -> String {
    let Some(doc) = doc else { return path.to_string() };
    let entries = site.by_unit.values().flatten();
    let mut found = entries.filter(|(.., d, _)| std::ptr::eq(*d, *doc));
    found.next().map_or_else(|| path.to_string(), |(.., label)| label.clone())
}
