//! The static HTML handbook. `cli` loads and validates the repository and reads its history,
//! and hands the result over as a [`Handbook`]; [`Handbook::build`] then:
//!
//! 1. leaves out everything private (`privacy`);
//! 2. indexes the published documents, computes the rollups and the [`Site`] tables
//!    (`view::site`);
//! 3. lists every page with its URL, title, template and input (`sitemap`);
//! 4. builds each page's view (`view`, one module per kind of page), renders it with tera
//!    (`templates`) and collects its search text (`search`), in parallel;
//! 5. writes the pages, the search index and the assets into a fresh folder that replaces the
//!    output folder whole (`output`).
//!
//! Returns a [`Built`] summary for `cli` to print. `markdown` makes narratives safe, `charts`
//! lays out SVG, `history` turns git history into what pages show, `i18n` holds the UI
//! strings and number formats.

pub mod assets;
pub mod charts;
pub mod history;
pub mod i18n;
pub mod markdown;
mod output;
pub mod privacy;
pub mod search;
pub mod sitemap;
pub mod splice;
pub mod templates;
pub mod util;
pub mod view;

use std::path::PathBuf;

use anyhow::Context as _;
use rayon::prelude::*;
use serde::Serialize;

use crate::diag::{Counts, Diagnostic};
use crate::index::Index;
use crate::model::Workspace;
use crate::render::history::HistoryIndex;
use crate::render::search::Entry;
use crate::render::sitemap::{Input, Page};
use crate::render::splice::Taken;
use crate::render::templates::Renderer;
use crate::render::view::{
    BudgetView, ChangesView, FreePageView, HomeView, ListView, PersonView, PlanView, ProblemsView,
    Reports, ReviewView, RosterView, Site, TrendsView, UnitView,
};

pub use output::{MARKER, check_target};

/// How many pages are rendered in parallel before their search entries are written.
const CHUNK: usize = 512;

/// What the handbook is built from: a loaded and validated workspace, its diagnostics, and its
/// history (or why there is none).
pub struct Handbook {
    /// The workspace, private documents included (they are left out here).
    pub workspace: Workspace,
    /// Every diagnostic of loading and validation.
    pub diagnostics: Vec<Diagnostic>,
    /// The repository's history as pages show it.
    pub history: HistoryIndex,
}

/// How to build.
#[derive(Debug, Clone)]
pub struct Options {
    /// The output folder; replaced whole.
    pub out: PathBuf,
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

/// What the views of the fixed pages are built from, besides the site tables.
struct Extras<'a> {
    history: &'a HistoryIndex,
    counts: Counts,
    problems: &'a ProblemsView,
    changes: &'a ChangesView,
}

/// One page's view, and the plain text of its narrative for search.
struct PageData {
    view: Option<tera::Value>,
    narrative: String,
    /// Large texts taken out of the view, to be written around the rendered template.
    taken: Taken,
}

impl Handbook {
    /// Builds the handbook into `options.out`.
    ///
    /// The pages are written to a temporary sibling folder that then replaces the output
    /// folder, so the output is replaced whole or not at all. A non-empty output folder that
    /// planbook did not create is refused, and so is one that contains the data repository.
    /// Template overrides and assets are read from the repository's `templates/` folder.
    pub fn build(self, options: &Options) -> anyhow::Result<Built> {
        let root = self.workspace.root.clone();
        let out = output::check_target(&root, &options.out)?;
        let tera = templates::load(&root)?;
        let published = privacy::publish(self.workspace, self.diagnostics);
        let (mut ws, private) = (published.workspace, published.private);
        // The problems page is the only user of the file texts: build its view now and free
        // them, which keeps the peak memory of a large repository down.
        let counts = Counts::of(&published.diagnostics);
        let problems = ProblemsView::new(&published.diagnostics, &ws.sources);
        drop(published.diagnostics);
        ws.sources = crate::source::SourceMap::default();

        let index = Index::new(&ws);
        let reports = Reports::new(&index);
        let site = Site::new(&index, &reports);
        let pages = sitemap::pages(&site);
        let commits = private.recent(view::changes::recent(&site, &self.history));
        let changes = ChangesView { note: self.history.note.clone(), commits };
        let extras =
            Extras { history: &self.history, counts, problems: &problems, changes: &changes };
        let renderer = Renderer::new(tera, &site)?;

        let staging = output::Staging::new(&out)?;
        let mut search = search::IndexWriter::new(staging.create("search-index.js")?)?;
        // Rendered in parallel a chunk at a time; each chunk's search entries are written in
        // page order, so the output is deterministic and memory stays bounded.
        for chunk in pages.chunks(CHUNK) {
            let entries = chunk
                .par_iter()
                .map(|page| render_page(&site, &renderer, page, &extras, &staging))
                .collect::<anyhow::Result<Vec<_>>>()?;
            for entry in entries.iter().flatten() {
                search.push(entry)?;
            }
        }
        search.finish()?;
        output::write_assets(&staging, &root)?;
        staging.commit()?;
        Ok(Built { out, pages: pages.len(), private: private.count(), counts })
    }
}

/// Renders and writes one page; returns its search entry.
///
/// Large texts are taken out of the view and written around the rendered template
/// ([`splice`]); a template that does not print them where expected gets the page rendered
/// again with everything in the view.
fn render_page(
    site: &Site,
    renderer: &Renderer,
    page: &Page,
    extras: &Extras,
    staging: &output::Staging,
) -> anyhow::Result<Option<Entry>> {
    let mut header = page.view();
    header.history =
        page.document.and_then(|d| extras.history.document(&crate::history::identity(d)));
    let data = page_data(site, page, extras, true)?;
    let entry = page.search.map(|kind| search::entry(page, site.t(kind), &data.narrative));
    let html = renderer.render(page.template, &header, data.view)?;
    if data.taken.is_empty() {
        staging.write(&page.url, html.as_bytes())?;
    } else if !data.taken.write(&html, staging, &page.url)? {
        drop((html, data.taken));
        let whole = page_data(site, page, extras, false)?;
        let html = renderer.render(page.template, &header, whole.view)?;
        staging.write(&page.url, html.as_bytes())?;
    }
    Ok(entry)
}

/// Builds the view of `page` from its input.
/// With `take`, large texts are taken out of the view (see [`splice`]).
fn page_data(site: &Site, page: &Page, extras: &Extras, take: bool) -> anyhow::Result<PageData> {
    let history = extras.history;
    let mut taken = Taken::default();
    let markdown = |doc, body: &crate::model::Body| {
        site.markdown(doc, &body.text, Some(&page.title), &page.url)
    };
    let mut data = match &page.input {
        Input::Home => data(&HomeView::new(site, extras.counts))?,
        Input::List(kind) => data(&ListView::new(site, *kind))?,
        Input::Trends => data(&TrendsView::new(site))?,
        Input::Changes => data(extras.changes)?,
        Input::Problems => data(extras.problems)?,
        Input::Search => PageData { view: None, narrative: String::new(), taken },
        Input::Unit(unit) => data(&UnitView::new(site, unit))?,
        Input::Roster(roster) => data(&RosterView::new(site, *roster))?,
        Input::Person(person) => {
            let id = person.id.value.as_str();
            data(&PersonView::new(site, id).context("a listed person has no roster")?)?
        }
        Input::Plan(plan, body) => {
            let mut narrative = markdown(plan.doc, body);
            if take {
                taken.take_html(&mut narrative.html);
            }
            let view = PlanView::new(site, *plan, narrative.html, history);
            PageData { view: Some(serde_json::to_value(&view)?), narrative: narrative.text, taken }
        }
        Input::Budget(budget) => data(&BudgetView::new(site, *budget, history))?,
        Input::Review(review, body) => {
            let mut narrative = markdown(review.doc, body);
            if take {
                taken.take_html(&mut narrative.html);
            }
            let view = ReviewView::new(site, *review, narrative.html, history);
            PageData { view: Some(serde_json::to_value(&view)?), narrative: narrative.text, taken }
        }
        Input::Free(free) => {
            let mut narrative = markdown(free.doc, free.body);
            if take {
                taken.take_html(&mut narrative.html);
            }
            let view = FreePageView { html: narrative.html };
            PageData { view: Some(serde_json::to_value(&view)?), narrative: narrative.text, taken }
        }
    };
    if take && let Some(view) = data.view.as_mut() {
        data.taken.take_large_texts(view);
    }
    Ok(data)
}

/// A page whose view has no narrative.
fn data(view: &impl Serialize) -> anyhow::Result<PageData> {
    let view = Some(serde_json::to_value(view)?);
    Ok(PageData { view, narrative: String::new(), taken: Taken::default() })
}
