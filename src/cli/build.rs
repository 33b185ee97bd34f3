//! `planbook build`: render the static HTML handbook into an output folder.
//!
//! [`prepare`] is the pipeline `build` and `serve` share: load → validate → history; its
//! [`Handbook`] is then rendered.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::Args;

use crate::cli::{Global, Outcome};
use crate::i18n::Locale;
use crate::render::history::HistoryIndex;
use crate::render::profile::Profile;
use crate::render::{Built, Handbook, Options};
use crate::{load, validate};

/// Arguments of `planbook build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The output folder, replaced whole [default: _site in the data repository]
    #[arg(short, long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Do not read git history (no change history, blame or recent-changes page)
    #[arg(long)]
    pub no_history: bool,
    /// Neither use nor write the parse cache (by default files whose content is unchanged are
    /// not parsed again)
    #[arg(long)]
    pub no_cache: bool,
}

/// What a build reads besides the files (git history, the parse cache), and the language it
/// writes in when `--lang` chose one.
#[derive(Debug, Clone, Copy)]
pub struct Reads {
    /// Read git history.
    pub history: bool,
    /// Use the parse cache.
    pub cache: bool,
    /// `--lang`: the handbook's language instead of the repository's `locale`.
    pub lang: Option<Locale>,
}

impl BuildArgs {
    /// What this build reads besides the files.
    pub fn reads(&self, global: &Global) -> Reads {
        Reads { history: !self.no_history, cache: !self.no_cache, lang: global.lang }
    }
}

impl BuildArgs {
    /// The output folder: `-o DIR` relative to where planbook runs, else `<root>/_site`.
    pub fn out_dir(&self, global: &Global, root: &Path) -> PathBuf {
        match &self.output {
            Some(dir) => global.cwd.join(dir),
            None => root.join("_site"),
        }
    }
}

/// Runs `planbook build`.
pub fn run(args: &BuildArgs, global: &Global) -> anyhow::Result<Outcome> {
    let started = Instant::now();
    let root = load::find_root(&global.cwd)?;
    let out = args.out_dir(global, &root);
    let mut profile = Profile::default();
    let handbook = prepare(&root, args.reads(global), &mut profile)?;
    let built = handbook.build_profiled(&Options { out }, &mut profile)?;
    if !global.quiet {
        report(&built, global, &root, started)?;
        if global.verbose {
            report_profile(&profile)?;
        }
    }
    Ok(Outcome::Success)
}

/// Loads and validates the repository at `root` and reads its history (when `history`): what
/// the handbook is built from.
pub fn prepare(root: &Path, reads: Reads, profile: &mut Profile) -> anyhow::Result<Handbook> {
    let mut loaded = load::load_cached(root, reads.cache)?;
    profile.phase("load");
    let diagnostics = validate::all(&loaded.workspace, loaded.diagnostics);
    profile.phase("validate");
    // `--lang` publishes the handbook in another language than the repository's `locale`.
    let locale = reads.lang.unwrap_or(loaded.workspace.config.locale);
    loaded.workspace.config.locale = locale;
    let history = if reads.history {
        HistoryIndex::new(root, locale)
    } else {
        HistoryIndex::disabled(locale)
    };
    profile.phase("history");
    Ok(Handbook { workspace: loaded.workspace, diagnostics, history })
}

/// Prints where a build's time and memory went, to standard error.
pub fn report_profile(profile: &Profile) -> anyhow::Result<()> {
    let mut err = std::io::stderr().lock();
    let mb = |bytes: u64| bytes / (1024 * 1024);
    for p in profile.phases() {
        writeln!(
            err,
            "  {:<28} {:>7.2} s   {:>5} MB resident, {:>5} MB peak",
            p.name,
            p.wall.as_secs_f64(),
            mb(p.rss.0),
            mb(p.rss.1)
        )?;
    }
    let steps = profile.steps();
    let steps: Vec<String> =
        steps.iter().map(|(name, d)| format!("{name} {:.2} s", d.as_secs_f64())).collect();
    writeln!(err, "  pages, summed over threads: {}", steps.join(", "))?;
    writeln!(err, "  total {:.2} s", profile.total().as_secs_f64())?;
    Ok(())
}

/// Prints what a build did, to standard error.
pub fn report(built: &Built, global: &Global, root: &Path, started: Instant) -> anyhow::Result<()> {
    let mut err = std::io::stderr().lock();
    let shown = built
        .out
        .strip_prefix(root)
        .map_or_else(|_| built.out.clone(), |rel| PathBuf::from(global.display_path(root, rel)));
    write!(
        err,
        "built {} into {}",
        crate::diag::count(built.pages, "page", "pages"),
        shown.display()
    )?;
    if built.private > 0 {
        write!(
            err,
            " ({} left out)",
            crate::diag::count(built.private, "private document", "private documents")
        )?;
    }
    if global.verbose {
        write!(err, " in {:.0?}", started.elapsed())?;
    }
    writeln!(err)?;
    let c = built.counts;
    if c.errors + c.warnings > 0 {
        writeln!(
            err,
            "the handbook's problems page lists {} and {} (run `planbook check`)",
            crate::diag::count(c.errors, "error", "errors"),
            crate::diag::count(c.warnings, "warning", "warnings")
        )?;
    }
    writeln!(err, "open {}", shown.join("index.html").display())?;
    Ok(())
}
