//! The site map: every page of the handbook, in the order it is built, with its URL, title,
//! template, the input its view is built from, the document whose history it shows and the
//! kind it is listed under in search. The one place that knows which pages exist.

use std::collections::HashSet;
use std::sync::Arc;

use crate::index::Doc;
use crate::model::config::Unit;
use crate::model::period::Period;
use crate::model::roster::Person;
use crate::model::{Body, Budget, Document, Kind, Plan, Review, Roster};
use crate::render::view::common::{PageView, roster_title};
use crate::render::view::directory::{DirPage, Directory};
use crate::render::view::lists::ListKind;
use crate::render::view::org::{self, OrgTree};
use crate::render::view::report;
use crate::render::view::site::{BrokenPage, FreePage, Site, page_name};

/// One page of the handbook.
pub struct Page<'s> {
    /// What the page shows.
    pub input: Input<'s>,
    /// Its URL, relative to the site root.
    pub url: String,
    /// Its title (the only `h1`).
    pub title: String,
    /// A line under the title.
    pub subtitle: Option<String>,
    /// The navigation section it belongs to.
    pub section: &'static str,
    /// The template that renders it.
    pub template: &'static str,
    /// The document the page shows, whose history it lists.
    pub document: Option<&'s Document>,
    /// The UI string of its kind in search results; `None` keeps it out of search.
    pub search: Option<&'static str>,
}

/// What a page's view is built from.
pub enum Input<'s> {
    /// The dashboard.
    Home,
    /// A list page.
    List(ListKind),
    /// Trends across periods.
    Trends,
    /// Recent changes from git.
    Changes,
    /// The diagnostics.
    Problems,
    /// The search page (its results are computed in the browser).
    Search,
    /// A unit.
    Unit(&'s Unit),
    /// A roster.
    Roster(Doc<'s, Roster>),
    /// A person.
    Person(&'s Person),
    /// A plan and its narrative.
    Plan(Doc<'s, Plan>, &'s Body),
    /// A budget.
    Budget(Doc<'s, Budget>),
    /// A review and its narrative.
    Review(Doc<'s, Review>, &'s Body),
    /// The printable monthly report of a unit and period.
    Report(&'s str, Period),
    /// A free Markdown page.
    Free(&'s FreePage<'s>),
    /// A document that could not be read: its problems instead of its content.
    Broken(&'s BrokenPage),
    /// A person listed in a roster that could not be read: the roster's page and the person.
    BrokenPerson(&'s BrokenPage, usize),
    /// The people directory: its front page (`people.html`, `None`) or one of its pages.
    Directory(Arc<Directory>, Option<DirPage>),
    /// A part of a roster's org chart too big for the roster page: the node at its top.
    Org(Doc<'s, Roster>, Arc<OrgTree<'s>>, usize),
}

impl Page<'_> {
    /// The header every template sees as `page` (history is added by the caller).
    pub fn view(&self) -> PageView {
        let mut page = PageView::new(self.title.clone(), &self.url, self.section);
        page.subtitle = self.subtitle.clone();
        page
    }
}

/// Every page of the site: the fixed pages, then units, rosters, people, plans, budgets,
/// reviews, monthly reports and free pages (which is also the order of the search index), then
/// the pages of documents that could not be read (and of the people of a broken roster), then
/// search.
pub fn pages<'s>(site: &'s Site<'s>) -> Vec<Page<'s>> {
    let index = site.index;
    let name = index.ws.config.name.clone();
    let mut pages = vec![fixed(Input::Home, name, "index.html", "home", "index.html")];
    let directory = Arc::new(Directory::new(site));
    for kind in ListKind::ALL {
        let key = kind.key();
        let url = format!("{key}.html");
        let (input, template) = match kind {
            ListKind::People => (Input::Directory(Arc::clone(&directory), None), "directory.html"),
            _ => (Input::List(kind), "list.html"),
        };
        pages.push(fixed(input, site.t(key), &url, key, template));
    }
    let trends = site.t("trends");
    pages.push(fixed(Input::Trends, trends, "trends.html", "trends", "trends.html"));
    let changes = site.t("recent_changes");
    pages.push(fixed(Input::Changes, changes, "changes.html", "changes", "changes.html"));
    let problems = site.t("problems");
    pages.push(fixed(Input::Problems, problems, "problems.html", "problems", "problems.html"));
    let mut seen = HashSet::new();
    for unit in &index.ws.config.units {
        if seen.insert(unit.id.value.as_str()) {
            pages.push(unit_page(site, unit));
        }
    }
    for roster in &index.rosters {
        pages.push(roster_page(site, *roster));
        for (tree, n, url, title) in org::pages(site, *roster) {
            let input = Input::Org(*roster, tree, n);
            let mut page = fixed(input, title, &url, "people", "org.html");
            page.subtitle = Some(roster_title(site, roster.value));
            pages.push(page);
        }
    }
    let mut people: Vec<&str> = site.person_urls.keys().copied().collect();
    people.sort_unstable();
    pages.extend(people.into_iter().filter_map(|id| person_page(site, id)));
    for (url, title, at) in directory.pages(site) {
        let input = Input::Directory(Arc::clone(&directory), Some(at));
        pages.push(fixed(input, title, &url, "people", "directory.html"));
    }
    pages.extend(index.plans.iter().map(|(p, body)| plan_page(site, *p, body)));
    pages.extend(index.budgets.iter().map(|b| budget_page(site, *b)));
    pages.extend(index.reviews.iter().map(|(r, body)| review_page(site, *r, body)));
    pages.extend(report::reports(site).into_iter().map(|(u, p)| report_page(site, u, p)));
    pages.extend(site.pages.iter().map(|p| free_page(site, p)));
    for page in &site.broken {
        pages.push(broken_page(site, page));
        for at in 0..page.people.len() {
            pages.extend(broken_person_page(site, page, at));
        }
    }
    pages.push(fixed(Input::Search, site.t("search"), "search.html", "search", "search.html"));
    pages
}

/// A page about no one document, kept out of search.
fn fixed<'s>(
    input: Input<'s>,
    title: String,
    url: &str,
    section: &'static str,
    template: &'static str,
) -> Page<'s> {
    Page {
        input,
        template,
        url: url.to_string(),
        title,
        subtitle: None,
        section,
        document: None,
        search: None,
    }
}

fn unit_page<'s>(site: &Site<'s>, unit: &'s Unit) -> Page<'s> {
    let url = site.unit_urls.get(unit.id.value.as_str()).cloned().unwrap_or_default();
    Page {
        input: Input::Unit(unit),
        url,
        title: unit.name.clone(),
        subtitle: None,
        section: "units",
        template: "unit.html",
        document: None,
        search: Some("unit"),
    }
}

fn roster_page<'s>(site: &Site<'s>, roster: Doc<'s, Roster>) -> Page<'s> {
    Page {
        input: Input::Roster(roster),
        url: site.doc_url(roster.doc),
        title: roster_title(site, roster.value),
        subtitle: None,
        section: "people",
        template: "roster.html",
        document: Some(roster.doc),
        search: Some("roster"),
    }
}

fn person_page<'s>(site: &Site<'s>, id: &str) -> Option<Page<'s>> {
    let (person, _) = site.index.people.get(id)?;
    Some(Page {
        input: Input::Person(person),
        url: site.person_urls.get(id).cloned().unwrap_or_default(),
        title: person.name.clone(),
        subtitle: None,
        section: "people",
        template: "person.html",
        document: None,
        search: Some("person"),
    })
}

fn plan_page<'s>(site: &Site<'s>, plan: Doc<'s, Plan>, body: &'s Body) -> Page<'s> {
    let p = plan.value;
    Page {
        input: Input::Plan(plan, body),
        url: site.doc_url(plan.doc),
        title: p.title.clone(),
        subtitle: Some(subtitle(site, p.unit.value.as_str(), p.period.value)),
        section: "plans",
        template: "plan.html",
        document: Some(plan.doc),
        search: Some("plan"),
    }
}

fn budget_page<'s>(site: &Site<'s>, budget: Doc<'s, Budget>) -> Page<'s> {
    let b = budget.value;
    let unit = b.unit.value.as_str();
    let title = b
        .title
        .clone()
        .unwrap_or_else(|| format!("{} {}", site.unit_name(unit), site.fmt.period(b.period.value)));
    Page {
        input: Input::Budget(budget),
        url: site.doc_url(budget.doc),
        title,
        subtitle: Some(subtitle(site, unit, b.period.value)),
        section: "budgets",
        template: "budget.html",
        document: Some(budget.doc),
        search: Some("budget"),
    }
}

fn review_page<'s>(site: &Site<'s>, review: Doc<'s, Review>, body: &'s Body) -> Page<'s> {
    let r = review.value;
    Page {
        input: Input::Review(review, body),
        url: site.doc_url(review.doc),
        title: r.title.clone(),
        subtitle: Some(subtitle(site, r.unit.value.as_str(), r.period.value)),
        section: "reviews",
        template: "review.html",
        document: Some(review.doc),
        search: Some("review"),
    }
}

/// The URL of the monthly report of `unit` for `period`: `reports/henan-2026-12.html`. A unit id
/// with capitals gets a hash too, so two ids that differ only in case never share a file on a
/// case-insensitive file system.
pub fn report_url(unit: &str, period: Period) -> String {
    let name = format!("{unit}-{period}");
    let base = page_name(&name);
    if unit.chars().any(char::is_uppercase) {
        format!("reports/{}.html", page_name(&format!("{name}~")))
    } else {
        format!("reports/{base}.html")
    }
}

fn report_page<'s>(site: &Site<'s>, unit: &'s str, period: Period) -> Page<'s> {
    let plan = site.index.plan(unit, period);
    Page {
        input: Input::Report(unit, period),
        url: report_url(unit, period),
        title: report::title(site, unit, period),
        subtitle: plan.map(|p| p.value.title.clone()),
        section: "plans",
        template: "report.html",
        document: None,
        search: None,
    }
}

fn free_page<'s>(site: &Site<'s>, page: &'s FreePage<'s>) -> Page<'s> {
    Page {
        input: Input::Free(page),
        url: site.doc_url(page.doc),
        title: page.title.clone(),
        subtitle: page.meta.description.clone(),
        section: "pages",
        template: "markdown.html",
        document: Some(page.doc),
        search: Some("pages"),
    }
}

fn broken_page<'s>(site: &Site<'s>, page: &'s BrokenPage) -> Page<'s> {
    let section = match page.kind {
        Some(Kind::Roster) => "people",
        Some(Kind::Budget) => "budgets",
        Some(Kind::Plan) => "plans",
        Some(Kind::Review) => "reviews",
        _ => "problems",
    };
    let subtitle = match (page.unit.as_deref(), page.period) {
        (Some(unit), Some(period)) => subtitle(site, unit, period),
        (Some(unit), None) => site.unit_name(unit),
        _ => page.path.clone(),
    };
    Page {
        input: Input::Broken(page),
        url: page.url.clone(),
        title: page.title.clone(),
        subtitle: Some(format!("{subtitle} · {}", site.t("broken_marker"))),
        section,
        template: "broken.html",
        document: None,
        search: None,
    }
}

fn broken_person_page<'s>(site: &Site<'s>, roster: &'s BrokenPage, at: usize) -> Option<Page<'s>> {
    let (id, name, url) = roster.people.get(at)?;
    Some(Page {
        input: Input::BrokenPerson(roster, at),
        url: url.clone(),
        title: if name.is_empty() { id.clone() } else { name.clone() },
        subtitle: Some(format!("{} · {}", roster.title, site.t("broken_marker"))),
        section: "people",
        template: "broken.html",
        document: None,
        search: None,
    })
}

/// `unit · period`, under the title of a plan, budget or review.
fn subtitle(site: &Site, unit: &str, period: Period) -> String {
    format!("{} · {}", site.unit_name(unit), site.fmt.period(period))
}
