//! The static HTML handbook: `Handbook::build` loads and validates the repository, leaves out
//! everything private, computes the rollups, renders one page per unit, roster, person, plan,
//! budget, review and free page (plus the dashboard, lists, trends, problems and search) with
//! tera, and swaps the finished folder into place.
//!
//! Takes the repository root and [`Options`]; returns a [`Built`] summary for `cli` to print.
//! Stages: `view` builds what templates see, `templates` loads them, `markdown` makes
//! narratives safe, `charts` lays out SVG, `search` writes the index, `output` writes files.

pub mod assets;
pub mod charts;
pub mod history;
pub mod i18n;
pub mod markdown;
mod output;
pub mod search;
pub mod templates;
pub mod view;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Tera};

use crate::diag::Counts;
use crate::index::Index;
use crate::model::{Content, Document};
use crate::render::search::Entry;
use crate::render::view::home::ProblemsView;
use crate::render::view::{
    BudgetView, HomeView, Link, ListView, PageView, PersonView, PlanView, Reports, ReviewView,
    RosterView, Site, TrendsView, UnitView,
};
use crate::source::FileId;
use crate::{load, validate};

pub use output::MARKER;

/// How many pages are rendered in parallel before their search entries are written.
const CHUNK: usize = 512;

/// How to build.
#[derive(Debug, Clone)]
pub struct Options {
    /// The output folder; replaced whole.
    pub out: PathBuf,
    /// Whether to read git history for change lists, blame and the recent-changes page.
    pub history: bool,
}

/// What a build produced.
#[derive(Debug, Clone)]
pub struct Built {
    /// The output folder.
    pub out: PathBuf,
    /// How many HTML pages were written.
    pub pages: usize,
    /// How many documents were left out because they are private.
    pub private: usize,
    /// The diagnostics shown on the problems page, counted.
    pub counts: Counts,
}

/// The handbook of one data repository.
pub struct Handbook;

/// One rendered page.
struct Rendered {
    path: String,
    html: String,
    search: Option<Entry>,
}

impl Handbook {
    /// Builds the handbook of the repository at `root` into `options.out`.
    ///
    /// The pages are written to a temporary sibling folder that then replaces the output
    /// folder, so the output is replaced whole or not at all. A non-empty output folder that
    /// planbook did not create is refused.
    pub fn build(root: &Path, options: &Options) -> anyhow::Result<Built> {
        let out = output::check_target(root, &options.out)?;
        let loaded = load::load(root)?;
        let mut ws = loaded.workspace;
        let mut diags = validate::all(&ws, loaded.diagnostics);
        let history = if options.history {
            history::HistoryIndex::new(root, ws.config.locale)
        } else {
            history::HistoryIndex::disabled(ws.config.locale)
        };

        // Privacy: private documents go before anything is indexed, so they reach no page,
        // link, rollup or search entry; nor does a diagnostic that points into one.
        let private: HashSet<FileId> =
            ws.documents.iter().filter(|d| is_private(d)).map(|d| d.meta.file).collect();
        diags.retain(|d| {
            !private.contains(&d.primary.span.file)
                && d.related.iter().all(|l| !private.contains(&l.span.file))
        });
        let private_ids: HashSet<String> = ws
            .documents
            .iter()
            .filter(|d| private.contains(&d.meta.file))
            .map(crate::history::identity)
            .collect();
        ws.documents.retain(|d| !private.contains(&d.meta.file));
        // The problems page is the only user of the file texts: render its view now and free
        // them, which keeps the peak memory of a large repository down.
        let counts = Counts::of(&diags);
        let problems = ProblemsView::new(&diags, &ws.sources);
        drop(diags);
        ws.sources = crate::source::SourceMap::default();
        let tera = templates::load(root)?;
        let index = Index::new(&ws);
        let reports = Reports::new(&index);
        let site = Site::new(&index, &reports);
        let shared = Shared::new(&site)?;

        let staging = output::Staging::new(&out)?;
        let jobs = jobs(&site);
        let urls: std::collections::HashMap<String, String> = site
            .index
            .ws
            .documents
            .iter()
            .map(|d| (crate::history::identity(d), site.doc_url(d)))
            .collect();
        let recent: Vec<history::RecentView> = history
            .recent(&|identity| urls.get(identity).cloned())
            .into_iter()
            .filter_map(|mut r| {
                r.documents.retain(|d| !private_ids.contains(&d.0));
                (!r.documents.is_empty()).then_some(r)
            })
            .collect();
        let changes = serde_json::json!({ "note": history.note, "commits": recent });
        let hist = HistoryContext { index: &history, changes: &changes };
        let mut index = search::IndexWriter::new(staging.create("search-index.js")?)?;
        // Rendered in parallel a chunk at a time; each chunk's search entries are written in
        // page order, so the output is deterministic and memory stays bounded.
        for chunk in jobs.chunks(CHUNK) {
            let entries = chunk
                .par_iter()
                .map(|job| {
                    let page = render_job(&site, &tera, &shared, job, &problems, counts, &hist)?;
                    staging.write(&page.path, page.html.as_bytes())?;
                    Ok(page.search)
                })
                .collect::<anyhow::Result<Vec<_>>>()?;
            for entry in entries.iter().flatten() {
                index.push(entry)?;
            }
        }
        index.finish()?;
        let search_page = render_search(&site, &tera, &shared)?;
        staging.write(&search_page.path, search_page.html.as_bytes())?;
        let count = jobs.len() + 1;
        let user = assets::user_assets(root);
        for (path, text) in assets::BUILTIN {
            if !user.iter().any(|(p, _)| p == path) {
                staging.write(path, text.as_bytes())?;
            }
        }
        for (path, file) in user {
            let bytes = std::fs::read(&file)
                .with_context(|| format!("failed to read `{}`", file.display()))?;
            staging.write(&path, &bytes)?;
        }
        staging.commit()?;
        Ok(Built { out, pages: count, private: private.len(), counts })
    }
}

/// The history a page may show.
struct HistoryContext<'h> {
    index: &'h history::HistoryIndex,
    changes: &'h serde_json::Value,
}

/// Whether a document says `private: true`.
pub fn is_private(doc: &Document) -> bool {
    match &doc.content {
        Content::Roster(r) => r.private,
        Content::Budget(b) => b.private,
        Content::Plan(p, _) => p.private,
        Content::Review(r, _) => r.private,
        Content::Page(m, _) => m.private,
    }
}

/// What every page's context shares, serialised once.
struct Shared {
    site: tera::Value,
    t: tera::Value,
}

impl Shared {
    fn new(site: &Site) -> anyhow::Result<Shared> {
        Ok(Shared {
            site: serde_json::to_value(site.view())?,
            t: serde_json::to_value(&site.strings)?,
        })
    }
}

/// One page to render.
enum Job<'a> {
    Home,
    Units,
    People,
    Plans,
    Budgets,
    Reviews,
    Pages,
    Trends,
    Changes,
    Problems,
    Unit(&'a crate::model::config::Unit),
    Roster(usize),
    Person(&'a str),
    Plan(usize),
    Budget(usize),
    Review(usize),
    Page(usize),
}

fn jobs<'a>(site: &Site<'a>) -> Vec<Job<'a>> {
    let index = site.index;
    let mut jobs = vec![
        Job::Home,
        Job::Units,
        Job::People,
        Job::Plans,
        Job::Budgets,
        Job::Reviews,
        Job::Pages,
        Job::Trends,
        Job::Changes,
        Job::Problems,
    ];
    let mut seen = HashSet::new();
    for unit in &index.ws.config.units {
        if seen.insert(unit.id.value.as_str()) {
            jobs.push(Job::Unit(unit));
        }
    }
    jobs.extend((0..index.rosters.len()).map(Job::Roster));
    let mut people: Vec<&str> = site.person_urls.keys().copied().collect();
    people.sort_unstable();
    jobs.extend(people.into_iter().map(Job::Person));
    jobs.extend((0..index.plans.len()).map(Job::Plan));
    jobs.extend((0..index.budgets.len()).map(Job::Budget));
    jobs.extend((0..index.reviews.len()).map(Job::Review));
    jobs.extend((0..site.pages.len()).map(Job::Page));
    jobs
}

/// Renders one page.
fn render_job(
    site: &Site,
    tera: &Tera,
    shared: &Shared,
    job: &Job,
    problems: &ProblemsView,
    counts: Counts,
    hist: &HistoryContext,
) -> anyhow::Result<Rendered> {
    let index = site.index;
    let t = |k: &str| site.t(k);
    let (page, template, mut ctx, text): (PageView, &str, Context, String) = match job {
        Job::Home => {
            let page = PageView::new(site.index.ws.config.name.clone(), "index.html", "home");
            (page, "index.html", view_ctx(&HomeView::new(site, counts))?, String::new())
        }
        Job::Units => list(site, "units", lists::units(site))?,
        Job::People => list(site, "people", lists::people(site))?,
        Job::Plans => list(site, "plans", lists::plans(site))?,
        Job::Budgets => list(site, "budgets", lists::budgets(site))?,
        Job::Reviews => list(site, "reviews", lists::reviews(site))?,
        Job::Pages => list(site, "pages", lists::pages(site))?,
        Job::Trends => {
            let page = PageView::new(t("trends"), "trends.html", "trends");
            (page, "trends.html", view_ctx(&TrendsView::new(site))?, String::new())
        }
        Job::Changes => {
            let page = PageView::new(t("recent_changes"), "changes.html", "changes");
            (page, "changes.html", view_ctx(hist.changes)?, String::new())
        }
        Job::Problems => {
            let page = PageView::new(t("problems"), "problems.html", "problems");
            (page, "problems.html", view_ctx(problems)?, String::new())
        }
        Job::Unit(unit) => {
            let id = unit.id.value.as_str();
            let url = site.unit_urls.get(id).cloned().unwrap_or_default();
            let view = UnitView::new(site, unit);
            let text = format!("{} {}", unit.name, unit.description.as_deref().unwrap_or(""));
            (PageView::new(unit.name.clone(), &url, "units"), "unit.html", view_ctx(&view)?, text)
        }
        Job::Roster(i) => {
            let r = index.rosters[*i];
            let url = site.doc_url(r.doc);
            let title = view::people::roster_title(site, r.value);
            let text = roster_text(r.value);
            let view = view_ctx(&RosterView::new(site, r))?;
            (PageView::new(title, &url, "people"), "roster.html", view, text)
        }
        Job::Person(id) => {
            let url = site.person_urls.get(id).cloned().unwrap_or_default();
            let (person, _) = index.people.get(id).context("person vanished")?;
            let view = view_ctx(&PersonView::new(site, id))?;
            let text = format!("{} {}", person.name, person.note.as_deref().unwrap_or(""));
            (PageView::new(person.name.clone(), &url, "people"), "person.html", view, text)
        }
        Job::Plan(i) => {
            let (plan, body) = index.plans[*i];
            let url = site.doc_url(plan.doc);
            let mut page = PageView::new(plan.value.title.clone(), &url, "plans");
            page.subtitle = Some(subtitle(site, &plan.value.unit.value.0, plan.value.period.value));
            let narrative = site.markdown(plan.doc, &body.text, Some(&plan.value.title), &url);
            let text = plan_text(plan.value, &narrative.text);
            let mut view = PlanView::new(site, plan, narrative.html);
            let identity = crate::history::identity(plan.doc);
            for row in view.targets.iter_mut().flat_map(|t| t.rows.iter_mut()) {
                let key = &row.key;
                row.target_blame = hist.index.field(&identity, &format!("targets[{key}].target"));
            }
            (page, "plan.html", view_ctx(&view)?, text)
        }
        Job::Budget(i) => {
            let b = index.budgets[*i];
            let url = site.doc_url(b.doc);
            let period = site.fmt.period(b.value.period.value);
            let unit = site.unit_name(&b.value.unit.value.0);
            let title = b.value.title.clone().unwrap_or_else(|| format!("{unit} {period}"));
            let mut page = PageView::new(title, &url, "budgets");
            page.subtitle = Some(subtitle(site, &b.value.unit.value.0, b.value.period.value));
            let text = budget_text(b.value);
            let identity = crate::history::identity(b.doc);
            let mut view = BudgetView::new(site, b);
            for (row, line) in view.lines.iter_mut().zip(&b.value.lines) {
                let field = format!("lines[{}].amount", line.id.value);
                row.amount_blame = hist.index.field(&identity, &field);
            }
            (page, "budget.html", view_ctx(&view)?, text)
        }
        Job::Review(i) => {
            let (r, body) = index.reviews[*i];
            let url = site.doc_url(r.doc);
            let mut page = PageView::new(r.value.title.clone(), &url, "reviews");
            page.subtitle = Some(subtitle(site, &r.value.unit.value.0, r.value.period.value));
            let narrative = site.markdown(r.doc, &body.text, Some(&r.value.title), &url);
            let mut view = ReviewView::new(site, r, narrative.html);
            let identity = crate::history::identity(r.doc);
            for row in view.attainment.iter_mut().flat_map(|t| t.rows.iter_mut()) {
                let key = &row.key;
                row.actual_blame = hist.index.field(&identity, &format!("actuals[{key}].actual"));
            }
            (page, "review.html", view_ctx(&view)?, narrative.text)
        }
        Job::Page(i) => {
            let p = &site.pages[*i];
            let url = site.doc_url(p.doc);
            let rendered = site.markdown(p.doc, &p.body.text, Some(&p.title), &url);
            let mut page = PageView::new(p.title.clone(), &url, "pages");
            page.subtitle = p.meta.description.clone();
            let view = serde_json::json!({ "html": rendered.html });
            (page, "markdown.html", view_ctx(&view)?, rendered.text)
        }
    };
    let mut page = page;
    let doc = match job {
        Job::Roster(i) => Some(index.rosters[*i].doc),
        Job::Plan(i) => Some(index.plans[*i].0.doc),
        Job::Budget(i) => Some(index.budgets[*i].doc),
        Job::Review(i) => Some(index.reviews[*i].0.doc),
        Job::Page(i) => Some(site.pages[*i].doc),
        _ => None,
    };
    if let Some(doc) = doc {
        page.history = hist.index.document(&crate::history::identity(doc));
    }
    let kind = match job {
        Job::Plan(_) => t("plan"),
        Job::Budget(_) => t("budget"),
        Job::Review(_) => t("review"),
        Job::Person(_) => t("person"),
        Job::Roster(_) => t("roster"),
        Job::Unit(_) => t("unit"),
        Job::Page(_) => t("pages"),
        _ => String::new(),
    };
    let search = (!kind.is_empty()).then(|| {
        let full = format!("{} {}", page.subtitle.as_deref().unwrap_or(""), text);
        Entry::new(page.title.clone(), page.url.clone(), kind, &full)
    });
    let html = render_page(tera, shared, &page, template, &mut ctx)?;
    Ok(Rendered { path: page.url, html, search })
}

fn render_search(site: &Site, tera: &Tera, shared: &Shared) -> anyhow::Result<Rendered> {
    let page = PageView::new(site.t("search"), "search.html", "search");
    let html = render_page(tera, shared, &page, "search.html", &mut Context::new())?;
    Ok(Rendered { path: page.url, html, search: None })
}

fn render_page(
    tera: &Tera,
    shared: &Shared,
    page: &PageView,
    template: &str,
    ctx: &mut Context,
) -> anyhow::Result<String> {
    ctx.insert("site", &shared.site);
    ctx.insert("t", &shared.t);
    ctx.insert("page", page);
    tera.render(template, ctx).map_err(|e| {
        // tera's own message is in the error's source chain.
        let mut msg = format!("failed to render `{}` with template `{template}`", page.url);
        let mut source = std::error::Error::source(&e);
        while let Some(s) = source {
            msg.push_str(&format!(": {s}"));
            source = s.source();
        }
        anyhow::anyhow!("{e}: {msg}")
    })
}

/// A context holding `view`, serialised once.
fn view_ctx(view: &impl Serialize) -> anyhow::Result<Context> {
    let mut ctx = Context::new();
    ctx.insert("view", view);
    Ok(ctx)
}

fn list(
    site: &Site,
    key: &'static str,
    view: ListView,
) -> anyhow::Result<(PageView, &'static str, Context, String)> {
    let page = PageView::new(site.t(key), &format!("{key}.html"), key);
    Ok((page, "list.html", view_ctx(&view)?, String::new()))
}

fn subtitle(site: &Site, unit: &str, period: crate::model::period::Period) -> String {
    format!("{} · {}", site.unit_name(unit), site.fmt.period(period))
}

fn roster_text(r: &crate::model::Roster) -> String {
    let mut text = String::new();
    for p in &r.posts {
        text.push_str(&format!("{} {} ", p.title, p.duties.as_deref().unwrap_or("")));
    }
    for p in &r.people {
        text.push_str(&p.name);
        text.push(' ');
    }
    text
}

fn plan_text(p: &crate::model::Plan, body: &str) -> String {
    let mut text = String::new();
    for x in &p.problems {
        text.push_str(&format!("{} {} ", x.title, x.detail.as_deref().unwrap_or("")));
    }
    for t in &p.tasks {
        text.push_str(&t.name);
        text.push(' ');
    }
    text.push_str(body);
    text
}

fn budget_text(b: &crate::model::Budget) -> String {
    let mut text = b.note.clone().unwrap_or_default();
    for l in &b.lines {
        text.push_str(&format!(" {} {}", l.name, l.note.as_deref().unwrap_or("")));
        for i in &l.breakdown {
            text.push_str(&format!(" {}", i.name));
        }
    }
    text
}

/// The list pages.
mod lists {
    use super::*;
    use crate::render::view::home::ListItem;

    pub fn units(site: &Site) -> ListView {
        let items = site
            .index
            .ws
            .config
            .units
            .iter()
            .map(|u| ListItem {
                link: site.unit_link(u.id.value.as_str()),
                meta: u.description.iter().cloned().collect(),
            })
            .collect();
        ListView::flat(items)
    }

    pub fn people(site: &Site) -> ListView {
        let mut items = Vec::new();
        for r in &site.index.rosters {
            let unit = r.value.unit.value.0.clone();
            let roster =
                Link { label: view::people::roster_title(site, r.value), url: site.doc_url(r.doc) };
            items.push((unit.clone(), ListItem { link: roster, meta: Vec::new() }));
            for p in &r.value.people {
                let post = view::people::post_title(r.value, p.post.value.as_str());
                let mut meta = vec![post];
                if let Some(g) = &p.region {
                    meta.push(view::people::region_name(r.value, g.value.as_str()));
                }
                items.push((
                    unit.clone(),
                    ListItem { link: site.person_link(p.id.value.as_str()), meta },
                ));
            }
        }
        ListView::by_unit(site, items)
    }

    fn docs<'a>(
        site: &Site,
        list: impl Iterator<Item = (&'a Document, &'a str, crate::model::period::Period, String)>,
    ) -> ListView {
        let mut rows: Vec<_> = list.collect();
        rows.sort_by(|a, b| (a.1, std::cmp::Reverse(a.2)).cmp(&(b.1, std::cmp::Reverse(b.2))));
        let items = rows
            .into_iter()
            .map(|(doc, unit, period, title)| {
                let item = ListItem {
                    link: Link { label: title, url: site.doc_url(doc) },
                    meta: vec![site.fmt.period(period)],
                };
                (unit.to_string(), item)
            })
            .collect();
        ListView::by_unit(site, items)
    }

    pub fn plans(site: &Site) -> ListView {
        docs(
            site,
            site.index.plans.iter().map(|(p, _)| {
                (p.doc, p.value.unit.value.as_str(), p.value.period.value, p.value.title.clone())
            }),
        )
    }

    pub fn budgets(site: &Site) -> ListView {
        docs(
            site,
            site.index.budgets.iter().map(|b| {
                let title =
                    b.value.title.clone().unwrap_or_else(|| site.fmt.period(b.value.period.value));
                (b.doc, b.value.unit.value.as_str(), b.value.period.value, title)
            }),
        )
    }

    pub fn reviews(site: &Site) -> ListView {
        docs(
            site,
            site.index.reviews.iter().map(|(r, _)| {
                (r.doc, r.value.unit.value.as_str(), r.value.period.value, r.value.title.clone())
            }),
        )
    }

    pub fn pages(site: &Site) -> ListView {
        let items = site
            .pages
            .iter()
            .map(|p| ListItem {
                link: site.page_link(p),
                meta: p.meta.description.iter().cloned().collect(),
            })
            .collect();
        ListView::flat(items)
    }
}
