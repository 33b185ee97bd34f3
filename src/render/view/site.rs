//! What every view shares: the [`Site`] tables (URLs of every document, unit and person; the
//! rollup reports and lookups over them), the navigation, [`Link`] and URL slugs.
//!
//! Built once per build from the published index and the reports; the page views read it.

use std::collections::HashMap;
use std::path::Path;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::index::{Doc, Index};
use crate::model::config::{Locale, PersonField};
use crate::model::period::Period;
use crate::model::plan::Task;
use crate::model::{Body, Content, Document, Kind, PageMeta, Plan, Review};
use crate::render::broken::{Problem, Unreadable};
use crate::render::i18n::{self, Fmt};
use crate::render::markdown::{self, Rendered};
use crate::render::util::{escape_controls_in_html, percent_decode_lenient};
use crate::rollup::attainment::AttainmentRow;
use crate::rollup::budget::BudgetSummary;
use crate::rollup::scores::PersonScore;
use crate::rollup::{
    self, AttainmentReport, BudgetReport, HeadcountReport, ScoresReport, TrendsReport,
};

/// A link to another page: its label and its site-relative URL.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    /// The text.
    pub label: String,
    /// The URL relative to the site root (`plans/henan-2026-12.html`).
    pub url: String,
    /// When it leads to a document that could not be read: the words that say so, shown
    /// beside the link (`could not be read`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub broken: Option<String>,
}

/// What every page shares: the site's name, language, navigation and UI strings.
#[derive(Debug, Clone, Serialize)]
pub struct SiteView {
    /// The organisation's name.
    pub name: String,
    /// The `lang` attribute.
    pub lang: &'static str,
    /// The navigation.
    pub nav: Vec<NavItem>,
    /// Free pages shown in the navigation.
    pub nav_pages: Vec<Link>,
    /// Whether there are more free pages than the navigation shows.
    pub more_pages: bool,
}

/// One entry of the navigation.
#[derive(Debug, Clone, Serialize)]
pub struct NavItem {
    /// Which section it is (matches [`PageView::section`]).
    pub key: &'static str,
    /// The label.
    pub label: String,
    /// Site-relative URL.
    pub url: &'static str,
}

/// A free Markdown page that is published.
#[derive(Debug)]
pub struct FreePage<'a> {
    /// The document.
    pub doc: &'a Document,
    /// Its front matter.
    pub meta: &'a PageMeta,
    /// Its body.
    pub body: &'a Body,
    /// Its title: front matter, else first heading, else file name.
    pub title: String,
}

/// A document that could not be read, and the page that shows its problems.
#[derive(Debug)]
pub struct BrokenPage {
    /// Its path relative to the repository root, with `/`.
    pub path: String,
    /// Its kind, when known.
    pub kind: Option<Kind>,
    /// Its unit, when known.
    pub unit: Option<String>,
    /// Its period, when known.
    pub period: Option<Period>,
    /// Its page's title.
    pub title: String,
    /// Its page's URL.
    pub url: String,
    /// A broken roster's people that have no page otherwise: id, name and page URL.
    pub people: Vec<(String, String, String)>,
    /// Its problems.
    pub problems: Vec<Problem>,
}

/// The rollup reports the pages show.
#[derive(Debug)]
pub struct Reports {
    /// Budgets.
    pub budget: BudgetReport,
    /// Headcount.
    pub headcount: HeadcountReport,
    /// Attainment.
    pub attainment: AttainmentReport,
    /// Scores.
    pub scores: ScoresReport,
    /// Trends.
    pub trends: TrendsReport,
}

impl Reports {
    /// Computes every report over the whole (published) workspace.
    pub fn new(index: &Index) -> Reports {
        let options = rollup::Options::default();
        Reports {
            budget: rollup::budget::rollup(index, &options),
            headcount: rollup::headcount::rollup(index, &options),
            attainment: rollup::attainment::rollup(index, &options),
            scores: rollup::scores::rollup(index, &options),
            trends: rollup::trends::rollup(index, &options),
        }
    }
}

/// Shared lookup tables for building views.
pub struct Site<'a> {
    /// The index over the published documents.
    pub index: &'a Index<'a>,
    /// The reports.
    pub reports: &'a Reports,
    /// Number, date and period formatting.
    pub fmt: Fmt,
    /// URLs of documents, by repository path.
    pub doc_urls: HashMap<&'a Path, String>,
    /// URLs of unit pages, by unit id.
    pub unit_urls: HashMap<&'a str, String>,
    /// URLs of person pages, by person id.
    pub person_urls: HashMap<&'a str, String>,
    /// The published free pages, in navigation order.
    pub pages: Vec<FreePage<'a>>,
    /// The budget summary of each budget, by the budget document's repository path.
    pub budget_summaries: HashMap<&'a Path, &'a BudgetSummary>,
    /// Which private person fields may be published.
    pub person_fields: Vec<PersonField>,
    /// The default currency.
    pub currency: String,
    /// Each unit's plans, budgets and reviews: period, kind, document, title.
    pub by_unit: HashMap<&'a str, Vec<(Period, Kind, &'a Document, String)>>,
    /// Attainment rows by unit and period.
    pub attainment: HashMap<(&'a str, Period), Vec<&'a AttainmentRow>>,
    /// Scores by unit and period, ranked.
    pub scores: HashMap<(&'a str, Period), Vec<&'a PersonScore>>,
    /// Scores by person, by period.
    pub scores_by_person: HashMap<&'a str, Vec<&'a PersonScore>>,
    /// The review of each plan, by the plan's path.
    pub review_of_plan: HashMap<&'a Path, Doc<'a, Review>>,
    /// Reviews by unit and period.
    pub reviews: HashMap<(&'a str, Period), Doc<'a, Review>>,
    /// Direct reports by manager id.
    pub reports_of: HashMap<&'a str, Vec<&'a str>>,
    /// The ids of people who share a name with someone else, by name, in id order.
    pub namesakes: HashMap<&'a str, Vec<&'a str>>,
    /// Tasks by owner: the plan and the task.
    pub tasks_by_owner: HashMap<&'a str, Vec<(Doc<'a, Plan>, &'a Task)>>,
    /// The UI strings.
    pub strings: std::collections::BTreeMap<&'static str, String>,
    /// The documents that could not be read, in path order, with their pages.
    pub broken: Vec<BrokenPage>,
    /// The people of broken rosters (see [`BrokenPage::people`]): the roster's index in
    /// [`Site::broken`] and the person's name, by id.
    pub broken_people: HashMap<String, (usize, String)>,
}

impl<'a> Site<'a> {
    /// Builds the tables for `index`, with pages for the documents that could not be read.
    pub fn new(index: &'a Index<'a>, reports: &'a Reports, broken: Vec<Unreadable>) -> Site<'a> {
        let config = &index.ws.config;
        let mut slugs = Slugs::default();
        let mut doc_urls = HashMap::new();
        let mut pages = Vec::new();
        for doc in &index.ws.documents {
            let unit_period = |folder: &str, unit: &str, period: String| {
                format!("{folder}/{}", page_name(&format!("{unit}-{period}")))
            };
            let base = match &doc.content {
                Content::Roster(r) => format!("rosters/{}", page_name(&r.unit.value.0)),
                Content::Budget(b) => {
                    unit_period("budgets", &b.unit.value.0, b.period.value.to_string())
                }
                Content::Plan(p, _) => {
                    unit_period("plans", &p.unit.value.0, p.period.value.to_string())
                }
                Content::Review(r, _) => {
                    unit_period("reviews", &r.unit.value.0, r.period.value.to_string())
                }
                Content::Page(meta, body) => {
                    pages.push(FreePage { doc, meta, body, title: page_title(doc, meta, body) });
                    page_base(&doc.meta.path)
                }
            };
            doc_urls.insert(doc.meta.path.as_path(), slugs.claim(&base));
        }
        let fmt = Fmt { locale: config.locale };
        let strings = i18n::strings(config.locale);
        let mut broken: Vec<BrokenPage> =
            broken.into_iter().map(|u| broken_page(index, fmt, &strings, &mut slugs, u)).collect();
        pages.sort_by(|a, b| {
            (a.meta.order.unwrap_or(i64::MAX), &a.title)
                .cmp(&(b.meta.order.unwrap_or(i64::MAX), &b.title))
        });
        let mut unit_urls = HashMap::new();
        for unit in &config.units {
            let id = unit.id.value.as_str();
            if !unit_urls.contains_key(id) {
                unit_urls.insert(id, slugs.claim(&format!("units/{}", page_name(id))));
            }
        }
        let mut ids: Vec<&str> = index.people.keys().copied().collect();
        ids.sort_unstable();
        let person_urls: HashMap<&str, String> = ids
            .into_iter()
            .map(|id| (id, slugs.claim(&format!("people/{}", page_name(id)))))
            .collect();
        let mut broken_people = HashMap::new();
        for (at, page) in broken.iter_mut().enumerate() {
            for (id, name, url) in &mut page.people {
                if person_urls.contains_key(id.as_str()) || broken_people.contains_key(id) {
                    continue;
                }
                *url = slugs.claim(&format!("people/{}", page_name(id)));
                broken_people.insert(id.clone(), (at, name.clone()));
            }
            page.people.retain(|(.., url)| !url.is_empty());
        }
        let budget_summaries =
            reports.budget.budgets.iter().map(|s| (s.document.as_path(), s)).collect();
        let mut site = Site {
            index,
            reports,
            fmt,
            doc_urls,
            unit_urls,
            person_urls,
            pages,
            budget_summaries,
            person_fields: config.publish.person_fields.clone(),
            currency: config.currency.0.clone(),
            by_unit: HashMap::new(),
            attainment: HashMap::new(),
            scores: HashMap::new(),
            scores_by_person: HashMap::new(),
            review_of_plan: HashMap::new(),
            reviews: HashMap::new(),
            reports_of: HashMap::new(),
            namesakes: HashMap::new(),
            tasks_by_owner: HashMap::new(),
            strings,
            broken,
            broken_people,
        };
        site.fill_tables();
        site
    }

    fn fill_tables(&mut self) {
        let index = self.index;
        for b in &index.budgets {
            let v = b.value;
            let label = v.title.clone().unwrap_or_else(|| self.fmt.period(v.period.value));
            self.by_unit.entry(v.unit.value.as_str()).or_default().push((
                v.period.value,
                Kind::Budget,
                b.doc,
                label,
            ));
        }
        for (p, _) in &index.plans {
            let v = p.value;
            self.by_unit.entry(v.unit.value.as_str()).or_default().push((
                v.period.value,
                Kind::Plan,
                p.doc,
                v.title.clone(),
            ));
            for task in &v.tasks {
                if let Some(owner) = &task.owner {
                    self.tasks_by_owner.entry(owner.value.as_str()).or_default().push((*p, task));
                }
            }
        }
        for (r, _) in &index.reviews {
            let v = r.value;
            self.by_unit.entry(v.unit.value.as_str()).or_default().push((
                v.period.value,
                Kind::Review,
                r.doc,
                v.title.clone(),
            ));
            self.reviews.entry((v.unit.value.as_str(), v.period.value)).or_insert(*r);
            if let Some(plan) = index.plan_of_review(*r) {
                self.review_of_plan.entry(plan.doc.meta.path.as_path()).or_insert(*r);
            }
        }
        for row in &self.reports.attainment.targets {
            self.attainment.entry((row.unit.as_str(), row.period)).or_default().push(row);
        }
        for row in &self.reports.scores.people {
            self.scores.entry((row.unit.as_str(), row.period)).or_default().push(row);
            self.scores_by_person.entry(row.person.as_str()).or_default().push(row);
        }
        for rows in self.scores_by_person.values_mut() {
            rows.sort_by_key(|r| r.period);
        }
        for (id, (p, _)) in &index.people {
            self.namesakes.entry(p.name.as_str()).or_default().push(id);
        }
        self.namesakes.retain(|_, ids| ids.len() > 1);
        self.namesakes.values_mut().for_each(|ids| ids.sort_unstable());
        for roster in &index.rosters {
            // Managers as of the roster's day, as the person pages show them; people not on
            // staff that day report to nobody.
            let day = roster
                .value
                .as_of
                .as_ref()
                .map_or_else(crate::model::period::Date::today, |d| d.value);
            for p in roster.value.people.iter().filter(|p| p.employed_on(day)) {
                if let Some(m) = p.on(day).reports_to
                    && m.value != p.id.value
                {
                    self.reports_of.entry(m.value.as_str()).or_default().push(p.id.value.as_str());
                }
            }
        }
    }

    /// A UI string.
    pub fn t(&self, key: &str) -> String {
        self.strings.get(key).cloned().unwrap_or_else(|| key.to_string())
    }

    /// The latest period any plan, budget or review covers.
    pub fn latest_period(&self) -> Option<Period> {
        self.by_unit.values().flatten().map(|(p, ..)| *p).max()
    }

    /// A link to the review of `unit` for `period`, if there is one.
    pub fn review_link_opt(&self, unit: &str, period: Period) -> Option<Link> {
        self.reviews.get(&(unit, period)).map(|r| Link {
            broken: None,
            label: r.value.title.clone(),
            url: self.doc_url(r.doc),
        })
    }

    /// A link to the review of `unit` for `period`, labelled with the period.
    pub fn review_link(&self, unit: &str, period: Period) -> Link {
        Link {
            broken: None,
            label: self.fmt.period(period),
            url: self.review_link_opt(unit, period).map(|l| l.url).unwrap_or_default(),
        }
    }

    /// The shared part of every page.
    pub fn view(&self) -> SiteView {
        let label = |k: &str| self.t(k);
        let nav = [
            ("home", "index.html"),
            ("units", "units.html"),
            ("people", "people.html"),
            ("plans", "plans.html"),
            ("budgets", "budgets.html"),
            ("reviews", "reviews.html"),
            ("trends", "trends.html"),
            ("changes", "changes.html"),
            ("problems", "problems.html"),
        ]
        .into_iter()
        .map(|(key, url)| NavItem { key, label: label(key), url })
        .collect();
        let nav_pages = self.pages.iter().take(NAV_PAGES).map(|p| self.page_link(p)).collect();
        SiteView {
            name: self.index.ws.config.name.clone(),
            lang: i18n::lang(self.fmt.locale),
            nav,
            nav_pages,
            more_pages: self.pages.len() > NAV_PAGES,
        }
    }

    /// The link to a free page.
    pub fn page_link(&self, page: &FreePage) -> Link {
        Link { broken: None, label: page.title.clone(), url: self.doc_url(page.doc) }
    }

    /// The URL of a published document.
    pub fn doc_url(&self, doc: &Document) -> String {
        self.doc_urls.get(doc.meta.path.as_path()).cloned().unwrap_or_default()
    }

    /// The unit's display name.
    pub fn unit_name(&self, unit: &str) -> String {
        rollup::unit_name(self.index, unit)
    }

    /// A link to a unit's page (plain text when the unit is unknown).
    pub fn unit_link(&self, unit: &str) -> Link {
        Link {
            broken: None,
            label: self.unit_name(unit),
            url: self.unit_urls.get(unit).cloned().unwrap_or_default(),
        }
    }

    /// A link to a person's page; an unknown id is shown as it is, without a link.
    pub fn person_link(&self, id: &str) -> Link {
        match self.index.people.get(id) {
            Some((person, _)) => Link {
                broken: None,
                label: person.name.clone(),
                url: self.person_urls.get(id).cloned().unwrap_or_default(),
            },
            None => match self.broken_people.get(id).and_then(|(at, name)| {
                let roster = self.broken.get(*at)?;
                let (.., url) = roster.people.iter().find(|(p, ..)| p == id)?;
                Some((name, url))
            }) {
                Some((name, url)) => Link {
                    broken: Some(self.t("broken_marker")),
                    label: if name.is_empty() { id.to_string() } else { name.clone() },
                    url: url.clone(),
                },
                None => Link { broken: None, label: id.to_string(), url: String::new() },
            },
        }
    }

    /// The KPI's display name and unit of measure.
    pub fn kpi_name(&self, kpi: &str) -> String {
        self.index.kpis.get(kpi).map_or_else(|| kpi.to_string(), |k| k.name.clone())
    }

    /// Renders a Markdown body found in `doc`, for a page at `page_url`.
    pub fn markdown(
        &self,
        doc: &Document,
        body: &str,
        title: Option<&str>,
        page_url: &str,
    ) -> Rendered {
        let root = "../".repeat(page_url.matches('/').count());
        let resolve = |link: &str| -> Option<Option<String>> {
            let decoded = percent_decode_lenient(link);
            let target = crate::index::resolve_link(&doc.meta.path, &decoded);
            if let Some(url) = self.doc_urls.get(target.as_path()) {
                return Some(Some(format!("{root}{url}")));
            }
            let is_doc = ["yaml", "yml", "md", "markdown"]
                .iter()
                .any(|e| target.extension().is_some_and(|x| x.eq_ignore_ascii_case(e)));
            is_doc.then_some(None)
        };
        let mut rendered = markdown::render(body, title, &resolve);
        rendered.html = escape_controls_in_html(rendered.html);
        rendered
    }

    /// Formats an optional amount.
    pub fn money(&self, value: Option<Decimal>) -> String {
        self.fmt.opt(value)
    }

    /// Whether person field `field` may be published.
    pub fn publishes(&self, field: PersonField) -> bool {
        self.person_fields.contains(&field)
    }

    /// How budget category `id` is shown: its name in the configuration, else planbook's.
    pub fn category_name(&self, id: &str) -> String {
        self.index.ws.config.category_name(id, self.fmt.locale)
    }

    /// How post class `id` is shown, as [`Site::category_name`].
    pub fn class_name(&self, id: &str) -> String {
        self.index.ws.config.class_name(id, self.fmt.locale)
    }

    /// Whether the locale is Chinese.
    pub fn is_zh(&self) -> bool {
        self.fmt.locale == Locale::ZhCn
    }

    /// The link to a broken document's page, marked as broken.
    pub fn broken_link(&self, page: &BrokenPage) -> Link {
        Link {
            label: page.title.clone(),
            url: page.url.clone(),
            broken: Some(self.t("broken_marker")),
        }
    }

    /// The broken documents of `kind` (all of them with `None`).
    pub fn broken_of(&self, kind: Option<Kind>) -> impl Iterator<Item = &BrokenPage> {
        self.broken.iter().filter(move |b| kind.is_none() || b.kind == kind)
    }
}

/// A broken document's page: its URL (where its document's page would be, when its kind, unit
/// and period are known; else from its path) and title (its `title:`, else what it is, else its
/// path). A broken roster's people get their pages later, after the loaded people's.
fn broken_page(
    index: &Index,
    fmt: Fmt,
    strings: &std::collections::BTreeMap<&'static str, String>,
    slugs: &mut Slugs,
    doc: Unreadable,
) -> BrokenPage {
    let Unreadable { doc, sniffed, problems } = doc;
    let t = |k: &str| strings.get(k).cloned().unwrap_or_else(|| k.to_string());
    let unit_name = |u: &str| rollup::unit_name(index, u);
    let folder = |kind: Kind| match kind {
        Kind::Budget => Some("budgets"),
        Kind::Plan => Some("plans"),
        Kind::Review => Some("reviews"),
        _ => None,
    };
    let path = doc.path.to_string_lossy().replace('\\', "/");
    let (base, title) = match (doc.kind, doc.unit.as_deref(), doc.period) {
        (Some(Kind::Roster), Some(unit), _) => (
            format!("rosters/{}", page_name(unit)),
            format!("{} — {}", unit_name(unit), t("roster")),
        ),
        (Some(kind), Some(unit), Some(period)) if folder(kind).is_some() => (
            format!(
                "{}/{}",
                folder(kind).unwrap_or("broken"),
                page_name(&format!("{unit}-{period}"))
            ),
            format!("{} {} {}", unit_name(unit), fmt.period(period), t(kind.name())),
        ),
        (Some(Kind::Page) | None, ..) if crate::render::broken::is_markdown(&doc.path) => {
            (page_base(&doc.path), path.clone())
        }
        _ => {
            (format!("broken/{}", page_base(&doc.path).trim_start_matches("pages/")), path.clone())
        }
    };
    let people = match doc.kind {
        Some(Kind::Roster) => sniffed.people,
        _ => Vec::new(),
    };
    let people = people.into_iter().map(|(id, name)| (id, name, String::new()));
    BrokenPage {
        title: sniffed.title.filter(|t| !t.trim().is_empty()).unwrap_or(title),
        url: slugs.claim(&base),
        path,
        kind: doc.kind,
        unit: doc.unit,
        period: doc.period,
        people: people.collect(),
        problems,
    }
}

/// How many free pages the navigation lists before "All pages".
const NAV_PAGES: usize = 8;

/// Hands out unique site-relative URLs.
#[derive(Default)]
struct Slugs {
    taken: std::collections::HashSet<String>,
}

impl Slugs {
    /// A unique `<base>.html`. When another page has that name (compared case-insensitively, for
    /// the file systems of Windows and macOS), the base's hash is added, which depends on the
    /// base alone, so `A` and `a` get the same pages whatever else the site holds; `-2`, `-3`…
    /// follow only if that is taken too.
    fn claim(&mut self, base: &str) -> String {
        let mut candidate = format!("{base}.html");
        let mut n = 1;
        while !self.taken.insert(candidate.to_lowercase()) {
            n += 1;
            candidate = match n {
                2 => format!("{base}-{}.html", short_hash(base)),
                _ => format!("{base}-{}-{n}.html", short_hash(base)),
            };
        }
        candidate
    }
}

/// The longest readable part of a page name, in bytes: with the hash, a suffix and `.html`, a
/// name stays far below the 255 bytes file systems allow.
const MAX_NAME_BYTES: usize = 100;

/// A page name (one path component, without `.html`) for any name: an id, a unit and period,
/// a folder or file name. The readable part is [`slug`] (letters of any script, digits, `-`, `_`),
/// cut to [`MAX_NAME_BYTES`] at a character boundary. When that differs from the name — cut,
/// characters replaced, or a name Windows reserves (`CON`, `aux`, `COM1`…) — a short hash of
/// the whole name is added, so different names get different pages and the same name always
/// gets the same page.
///
/// # Examples
///
/// ```
/// use planbook::render::view::site::page_name;
/// assert_eq!(page_name("henan-2026-12"), "henan-2026-12");
/// assert_eq!(page_name("考评办法"), "考评办法");
/// assert_eq!(page_name("CON"), "CON-0ba0f119aa");
/// assert_ne!(page_name("a."), page_name("a"));
/// assert!(page_name(&"x".repeat(10_000)).len() < 120);
/// ```
pub fn page_name(name: &str) -> String {
    let slugged = slug(name);
    let mut end = slugged.len().min(MAX_NAME_BYTES);
    while !slugged.is_char_boundary(end) {
        end -= 1;
    }
    let readable = slugged[..end].trim_end_matches('-');
    if readable == name && !reserved_on_windows(readable) {
        readable.to_string()
    } else {
        format!("{readable}-{}", short_hash(name))
    }
}

/// Whether Windows refuses `name` as a file name whatever its extension: `CON`, `PRN`, `AUX`,
/// `NUL`, `COM0`–`COM9` and `LPT0`–`LPT9` (with superscript digits too), in any case.
fn reserved_on_windows(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).to_ascii_uppercase();
    if ["CON", "PRN", "AUX", "NUL"].contains(&stem.as_str()) {
        return true;
    }
    let Some(digit) = stem.strip_prefix("COM").or_else(|| stem.strip_prefix("LPT")) else {
        return false;
    };
    let mut chars = digit.chars();
    matches!((chars.next(), chars.next()), (Some('0'..='9' | '¹' | '²' | '³'), None))
}

/// Ten hex digits of the 64-bit FNV-1a hash of `text`: short, and the same on every platform
/// and in every version, so page names stay put.
fn short_hash(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("{:010x}", hash >> 24)
}

/// A file-name-safe form of an id: letters and digits of any script, `-` and `_`; anything
/// else (slashes, dots, quotes, spaces) becomes `-`.
///
/// # Examples
///
/// ```
/// use planbook::render::view::site::slug;
/// assert_eq!(slug("p001"), "p001");
/// assert_eq!(slug("../etc/passwd"), "etc-passwd");
/// assert_eq!(slug("考评办法"), "考评办法");
/// assert_eq!(slug(".."), "_");
/// ```
pub fn slug(id: &str) -> String {
    let mapped: String =
        id.chars().map(|c| if c.is_alphanumeric() || c == '_' { c } else { '-' }).collect();
    let joined = mapped.split('-').filter(|s| !s.is_empty()).collect::<Vec<_>>().join("-");
    if joined.is_empty() { "_".into() } else { joined }
}

/// The URL base of a free page: `pages/<folders>/<name>`, each part a [`page_name`].
fn page_base(path: &Path) -> String {
    let mut parts: Vec<String> =
        path.iter().map(|p| page_name(p.to_string_lossy().as_ref())).collect();
    if let Some(last) = parts.last_mut() {
        let stem = path.file_stem().map(|s| page_name(&s.to_string_lossy())).unwrap_or_default();
        *last = stem;
    }
    format!("pages/{}", parts.join("/"))
}

/// A free page's title: front matter, else its first heading, else its file name.
fn page_title(doc: &Document, meta: &PageMeta, body: &Body) -> String {
    if let Some(t) = meta.title.as_ref().filter(|t| !t.trim().is_empty()) {
        return t.clone();
    }
    let heading =
        body.text.lines().map(str::trim).find(|l| !l.is_empty()).and_then(|l| {
            l.strip_prefix('#').map(|h| h.trim_start_matches('#').trim().to_string())
        });
    heading.filter(|h| !h.is_empty()).unwrap_or_else(|| {
        doc.meta.path.file_stem().map_or_else(String::new, |s| s.to_string_lossy().into_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_unique_and_safe() {
        let mut slugs = Slugs::default();
        assert_eq!(slugs.claim("people/p1"), "people/p1.html");
        let upper = format!("people/P1-{}.html", short_hash("people/P1"));
        assert_eq!(slugs.claim("people/P1"), upper);
        assert_eq!(slugs.claim("people/P1"), upper.replace(".html", "-3.html"));
        assert_eq!(page_base(Path::new("policies/考评办法.md")), "pages/policies/考评办法");
        let folder = format!("a-b-{}", short_hash("a b"));
        assert_eq!(
            page_base(Path::new("a b/.x.md")),
            format!("pages/{folder}/x-{}", short_hash(".x"))
        );
    }

    #[test]
    fn page_names_are_bounded_valid_everywhere_and_distinct() {
        let chinese = "考".repeat(84);
        let long = page_name(&chinese);
        assert!(long.len() <= MAX_NAME_BYTES + 11 && long.starts_with("考考考"), "{long}");
        assert_ne!(long, page_name(&"考".repeat(85)));
        for reserved in ["CON", "con", "Aux", "nul", "COM1", "lpt9", "COM¹"] {
            let name = page_name(reserved);
            assert!(name.starts_with(reserved) && name.len() > reserved.len(), "{name}");
        }
        for fine in ["CONS", "COM10", "console", "henan"] {
            assert_eq!(page_name(fine), fine);
        }
        for odd in ["a.", "a ", "a:b", "a<b>", "a\u{1b}b", "a\\b", "a|b?*\""] {
            let name = page_name(odd);
            assert!(!name.ends_with(['.', ' ']), "{name:?}");
            assert!(!name.contains(['<', '>', ':', '"', '/', '\\', '|', '?', '*', '\u{1b}']));
            assert_ne!(name, page_name("a"), "{odd:?}");
        }
    }
}
