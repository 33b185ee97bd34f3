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
//!    output folder whole (`output`), linking files that did not change from the old one.
//!
//! [`Handbook::rebuild`] (for `serve`) instead renders only the pages whose view changed since
//! the build its [`Memo`] describes, and patches the folder file by file.
//!
//! Returns a [`Built`] summary for `cli` to print. `markdown` makes narratives safe, `charts`
//! lays out SVG, `history` turns git history into what pages show, `i18n` holds the UI
//! strings and number formats.

pub mod assets;
pub mod broken;
pub mod charts;
pub mod history;
pub mod i18n;
pub mod markdown;
mod output;
pub mod privacy;
pub mod profile;
pub mod search;
pub mod sitemap;
pub mod splice;
pub mod templates;
pub mod time_chart;
pub mod util;
pub mod view;

use std::collections::HashMap;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::PathBuf;

use anyhow::Context as _;
use rayon::prelude::*;
use serde::Serialize;

use crate::diag::{Counts, Diagnostic};
use crate::index::Index;
use crate::model::Workspace;
use crate::render::history::HistoryIndex;
use crate::render::profile::{Profile, Step};
use crate::render::search::Entry;
use crate::render::sitemap::{Input, Page};
use crate::render::splice::Taken;
use crate::render::templates::Renderer;
use crate::render::view::{
    BrokenView, BudgetView, ChangesView, FreePageView, HomeView, ListView, PageView, PersonView,
    PlanView, ProblemsView, Reports, ReviewView, RosterView, Site, TrendsView, UnitView,
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
    /// How many HTML pages the handbook has.
    pub pages: usize,
    /// How many of them were rendered and written by this build (all of them, except in a
    /// [`Handbook::rebuild`] that patched the folder).
    pub written: usize,
    /// The handbook's language.
    pub locale: crate::i18n::Locale,
    /// How many documents were left out because they are private.
    pub private: usize,
    /// The diagnostics shown on the problems page, counted.
    pub counts: Counts,
    /// How many published files have errors.
    pub with_errors: usize,
    /// The documents that could not be read, whose pages show their problems instead of
    /// content, in path order.
    pub broken: Vec<BrokenSummary>,
}

/// A document that could not be read, and its page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenSummary {
    /// The document's path in the repository, with `/`.
    pub path: String,
    /// Its page's URL, relative to the output folder.
    pub url: String,
}

/// How many files the error diagnostics of `diagnostics` point into.
fn files_with_errors(diagnostics: &[Diagnostic]) -> usize {
    let errors = diagnostics.iter().filter(|d| d.severity == crate::diag::Severity::Error);
    errors.map(|d| d.primary.span.file).collect::<std::collections::HashSet<_>>().len()
}

/// What one build leaves for the next in the same output folder, so that a rebuild renders
/// only the pages whose inputs changed (see [`Handbook::rebuild`]). Empty at first.
#[derive(Debug, Default)]
pub struct Memo {
    /// The output folder it describes.
    out: PathBuf,
    /// A hash of what every page shares: the templates, the site view and the UI strings.
    shared: u64,
    /// Each page's hash of everything its HTML is rendered from, by URL.
    pages: HashMap<String, u64>,
    /// The assets written.
    assets: Vec<String>,
}

/// How the pages reach the output folder.
enum Mode<'m> {
    /// Into a fresh folder that replaces the output folder whole; with a memo to fill.
    Whole(Option<&'m mut Memo>),
    /// Only changed pages, each moved over its old file (the memo describes the folder).
    Patch(&'m mut Memo),
}

/// What the views of the fixed pages are built from, besides the site tables.
struct Extras<'a> {
    history: &'a HistoryIndex,
    counts: Counts,
    problems: &'a ProblemsView,
    changes: &'a ChangesView,
    /// The errors of each document of which only a part could be read.
    partial: &'a std::collections::HashMap<crate::source::FileId, Vec<broken::Problem>>,
    /// What needs attention, by unit.
    attention: &'a view::attention::Attention,
}

/// What rendering a page needs besides the page.
struct Job<'a> {
    site: &'a Site<'a>,
    renderer: &'a Renderer,
    extras: &'a Extras<'a>,
    staging: &'a output::Staging,
    profile: &'a Profile,
    /// The hash every page hash starts from; `None` when no memo is kept.
    shared: Option<u64>,
    /// The page hashes of the folder being patched.
    old: Option<&'a HashMap<String, u64>>,
}

/// What became of one page.
struct Done {
    entry: Option<Entry>,
    hash: u64,
    written: bool,
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
        self.build_profiled(options, &mut Profile::default())
    }

    /// [`Handbook::build`], recording its phases in `profile`.
    pub fn build_profiled(self, options: &Options, profile: &mut Profile) -> anyhow::Result<Built> {
        self.run(options, Mode::Whole(None), profile)
    }

    /// Builds the handbook into `options.out` again after a change, for `planbook serve`.
    ///
    /// With the `memo` of the last build into the same folder (which nothing else writes), and
    /// the same templates and assets, every page's view is built and hashed, and only pages
    /// whose hash changed are rendered; of those, only files whose bytes changed are moved
    /// over the old ones (each file is replaced whole, by renaming), and pages that are gone
    /// are removed. The search index and assets are replaced when their bytes changed.
    /// Nothing is touched until every page has rendered, so a failed rebuild leaves the last
    /// handbook as it was. Otherwise (the first build, another folder, new templates) the
    /// folder is replaced whole as by [`Handbook::build`]. Either way `memo` is updated.
    pub fn rebuild(
        self,
        options: &Options,
        memo: &mut Memo,
        profile: &mut Profile,
    ) -> anyhow::Result<Built> {
        self.run(options, Mode::Patch(memo), profile)
    }

    fn run(self, options: &Options, mode: Mode, profile: &mut Profile) -> anyhow::Result<Built> {
        let root = self.workspace.root.clone();
        let out = output::check_target(&root, &options.out)?;
        let tera = templates::load(&root, self.workspace.config.locale)?;
        let published = privacy::publish(self.workspace, self.diagnostics);
        let (mut ws, private) = (published.workspace, published.private);
        // The problems page is the only user of the file texts: build its view now and free
        // them, which keeps the peak memory of a large repository down.
        let mut diagnostics = published.diagnostics;
        let locale = ws.config.locale;
        // A document that could not be read but says `private: true` is left out like a
        // private document that loaded, with what points into it.
        let (hidden, unreadable): (Vec<_>, Vec<_>) = broken::unreadable(&ws, &diagnostics, locale)
            .into_iter()
            .partition(|u| u.sniffed.private);
        let hidden: std::collections::HashSet<_> = hidden.iter().map(|u| u.doc.file).collect();
        diagnostics.retain(|d| {
            std::iter::once(&d.primary).chain(&d.related).all(|l| !hidden.contains(&l.span.file))
        });
        let counts = Counts::of(&diagnostics);
        let mut problems = ProblemsView::new(&diagnostics, &ws.sources, locale);
        let with_errors = files_with_errors(&diagnostics);
        let file_problems = view::attention::file_problems(&diagnostics, &ws.sources);
        let partial = broken::partial_problems(&ws, &diagnostics, locale);
        drop(diagnostics);
        ws.sources = crate::source::SourceMap::default();
        profile.phase("privacy, problems page");

        let index = Index::new(&ws);
        profile.phase("index");
        let reports = Reports::new(&index);
        profile.phase("rollups");
        let site = Site::new(&index, &reports, unreadable);
        problems.broken = site.broken.iter().map(|b| site.broken_link(b)).collect();
        let attention = view::attention::Attention::new(&site, &file_problems);
        let pages = sitemap::pages(&site);
        let commits = private.recent(view::changes::recent(&site, &self.history));
        let changes = ChangesView { note: self.history.note.clone(), commits };
        let extras = Extras {
            history: &self.history,
            counts,
            problems: &problems,
            changes: &changes,
            partial: &partial,
            attention: &attention,
        };
        let renderer = Renderer::new(tera, &site)?;
        profile.phase("site tables, site map");

        let (memo, patch) = match mode {
            Mode::Whole(memo) => (memo, false),
            Mode::Patch(memo) => {
                let patch = !memo.pages.is_empty() && memo.out == out && out.join(MARKER).is_file();
                (Some(memo), patch)
            }
        };
        let shared = match memo {
            None => None,
            Some(_) => {
                let mut hasher = DefaultHasher::new();
                templates::fingerprint(&root, site.fmt.locale)?.hash(&mut hasher);
                renderer.hash_shared(&mut hasher)?;
                Some(hasher.finish())
            }
        };
        let patch = patch && memo.as_ref().is_some_and(|m| Some(m.shared) == shared);

        let staging = output::Staging::new(&out)?;
        let mut job = Job {
            site: &site,
            renderer: &renderer,
            extras: &extras,
            staging: &staging,
            profile,
            shared,
            old: None,
        };
        if patch {
            job.old = memo.as_ref().map(|m| &m.pages);
        }
        let mut search = search::IndexWriter::new();
        let mut search_files = Vec::new();
        let mut hashes = HashMap::new();
        let mut changed = Vec::new();
        // Rendered in parallel a chunk at a time; each chunk's search entries are written in
        // page order, so the output is deterministic and memory stays bounded.
        for chunk in pages.chunks(CHUNK) {
            let done = chunk
                .par_iter()
                .map_init(|| renderer.context(), |ctx, page| render_page(&job, ctx, page))
                .collect::<anyhow::Result<Vec<_>>>()?;
            for (page, done) in chunk.iter().zip(done) {
                if let Some(entry) = &done.entry
                    && let Some((path, bytes)) = search.push(entry)?
                {
                    staging.write(&path, &bytes)?;
                    search_files.push(path);
                }
                if shared.is_some() {
                    hashes.insert(page.url.clone(), done.hash);
                }
                if done.written {
                    changed.push(page.url.clone());
                }
            }
        }
        for (path, bytes) in search.finish()? {
            staging.write(&path, &bytes)?;
            search_files.push(path);
        }
        let written = changed.len();
        // The search index's files are replaced and removed as the assets are.
        let mut assets = output::write_assets(&staging, &root)?;
        assets.extend(search_files);
        profile.phase("pages, search index, assets");
        if patch && let Some(memo) = memo {
            // Only files whose bytes changed are moved in.
            changed.retain(|url| staging.differs(url));
            for path in &assets {
                if staging.differs(path) {
                    changed.push(path.to_string());
                }
            }
            let mut gone: Vec<String> =
                memo.pages.keys().filter(|url| !hashes.contains_key(*url)).cloned().collect();
            gone.extend(memo.assets.iter().filter(|a| !assets.contains(a)).cloned());
            gone.sort();
            staging.patch(&changed, &gone)?;
            *memo = Memo { out: out.clone(), shared: shared.unwrap_or(0), pages: hashes, assets };
        } else {
            staging.commit()?;
            if let Some(memo) = memo {
                *memo =
                    Memo { out: out.clone(), shared: shared.unwrap_or(0), pages: hashes, assets };
            }
        }
        profile.phase("swap");
        let locale = site.fmt.locale;
        let broken = site
            .broken
            .iter()
            .map(|b| BrokenSummary { path: b.path.clone(), url: b.url.clone() })
            .collect();
        Ok(Built {
            out,
            pages: pages.len(),
            written,
            locale,
            private: private.count() + hidden.len(),
            counts,
            with_errors,
            broken,
        })
    }
}

/// Builds one page's view and, unless its hash is the one the folder being patched has,
/// renders it and writes it to the staging folder.
///
/// Large texts are taken out of the view and written around the rendered template
/// ([`splice`]); a template that does not print them where expected gets the page rendered
/// again with everything in the view.
fn render_page(job: &Job, ctx: &mut tera::Context, page: &Page) -> anyhow::Result<Done> {
    let (site, extras, profile) = (job.site, job.extras, job.profile);
    let mut header = page.view();
    header.history =
        page.document.and_then(|d| extras.history.document(&crate::history::identity(d)));
    header.partial = page.document.and_then(|d| extras.partial.get(&d.meta.file).cloned());
    let data = profile.time(Step::View, || page_data(site, page, extras, true))?;
    let entry = page.search.map(|kind| search::entry(site, page, kind, &data.narrative));
    let hash = match job.shared {
        Some(shared) => page_hash(shared, page, &header, &data)?,
        None => 0,
    };
    if job.old.is_some_and(|old| old.get(&page.url) == Some(&hash)) {
        return Ok(Done { entry, hash, written: false });
    }
    let render = |ctx: &mut tera::Context, view| {
        profile.time(Step::Template, || job.renderer.render(ctx, page.template, &header, view))
    };
    let html = render(ctx, data.view)?;
    let staging = job.staging;
    if data.taken.is_empty() {
        profile.time(Step::Write, || staging.write(&page.url, html.as_bytes()))?;
    } else if !profile.time(Step::Write, || data.taken.write(&html, staging, &page.url))? {
        drop((html, data.taken));
        let whole = page_data(site, page, extras, false)?;
        let html = render(ctx, whole.view)?;
        profile.time(Step::Write, || staging.write(&page.url, html.as_bytes()))?;
    }
    Ok(Done { entry, hash, written: true })
}

/// A hash of everything `page`'s HTML is rendered from, besides what every page shares
/// (`shared`): its template, header and view, and the texts taken out of the view.
fn page_hash(shared: u64, page: &Page, header: &PageView, data: &PageData) -> anyhow::Result<u64> {
    let mut hasher = DefaultHasher::new();
    (shared, page.template, &page.url).hash(&mut hasher);
    let mut out = util::HashWriter(&mut hasher);
    serde_json::to_writer(&mut out, header)?;
    if let Some(view) = &data.view {
        serde_json::to_writer(&mut out, view)?;
    }
    data.taken.hash_into(&mut hasher);
    Ok(hasher.finish())
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
        Input::Home => data(&HomeView::new(site, extras.counts, extras.attention))?,
        Input::List(kind) => data(&ListView::new(site, *kind))?,
        Input::Trends => data(&TrendsView::new(site))?,
        Input::Changes => data(extras.changes)?,
        Input::Problems => data(extras.problems)?,
        Input::Search => PageData { view: None, narrative: String::new(), taken },
        Input::Unit(unit) => data(&UnitView::new(site, unit, extras.attention))?,
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
        Input::Report(unit, period) => data(&view::ReportView::new(site, unit, *period))?,
        Input::Review(review, body) => {
            let mut narrative = markdown(review.doc, body);
            if take {
                taken.take_html(&mut narrative.html);
            }
            let view = ReviewView::new(site, *review, narrative.html, history);
            PageData { view: Some(serde_json::to_value(&view)?), narrative: narrative.text, taken }
        }
        Input::Broken(broken) => data(&BrokenView::new(broken))?,
        Input::BrokenPerson(roster, _) => data(&BrokenView::person(site, roster))?,
        Input::Directory(dir, at) => {
            data(&at.map_or_else(|| dir.front(site), |at| dir.page(site, at)))?
        }
        Input::Org(roster, tree, n) => data(&view::org::OrgView::new(site, *roster, tree, *n))?,
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
