//! `planbook build`: render the static HTML handbook into an output folder.
//!
//! [`prepare`] is the pipeline `build` and `serve` share: load → validate → history; its
//! [`Handbook`] is then rendered.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::Args;

use crate::cli::{Global, Outcome};
use crate::diag::Severity;
use crate::i18n::{Locale, msg};
use crate::render::history::HistoryIndex;
use crate::render::profile::Profile;
use crate::render::{Built, Handbook, Options};
use crate::source::{Keep, escape_controls};
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
    /// Exit with status 1, publishing nothing, when any document has errors: the output folder
    /// is left as it was (for a publishing pipeline that keeps the last good handbook)
    #[arg(long)]
    pub deny_errors: bool,
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
    if args.deny_errors {
        let files = files_with_errors(&handbook);
        if !files.is_empty() {
            deny(&files, global, &root, &out)?;
            return Ok(Outcome::Failure);
        }
    }
    let built = handbook.build_profiled(&Options { out }, &mut profile)?;
    if !global.quiet {
        report(&built, global, &root, started)?;
        if global.verbose {
            let locale = global.locale(crate::cli::repo_locale(&root).unwrap_or_default());
            report_profile_in(&profile, locale)?;
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
    let diagnostics = super::accept::handbook(root, &loaded.workspace, diagnostics)?;
    profile.phase("validate");
    // `--lang` publishes the handbook in another language than the repository's `locale`.
    let locale = reads.lang.unwrap_or(loaded.workspace.config.locale);
    loaded.workspace.config.locale = locale;
    let history = if reads.history {
        HistoryIndex::new(root, locale).with_config(&loaded.workspace.config)
    } else {
        HistoryIndex::disabled(locale)
    };
    profile.phase("history");
    Ok(Handbook { workspace: loaded.workspace, diagnostics, history })
}

/// The files that error diagnostics point into (private documents too: the repository has
/// errors whether or not the handbook shows them), in path order.
fn files_with_errors(handbook: &Handbook) -> Vec<PathBuf> {
    let sources = &handbook.workspace.sources;
    let errors = handbook.diagnostics.iter().filter(|d| d.severity == Severity::Error);
    let files: BTreeSet<_> = errors.map(|d| d.primary.span.file).collect();
    let mut paths: Vec<PathBuf> =
        sources.files().filter(|(id, _)| files.contains(id)).map(|(_, f)| f.path.clone()).collect();
    paths.sort();
    paths
}

/// Prints why `build --deny-errors` published nothing, and the files with errors, to standard
/// error (even with `--quiet`: it is why planbook exits with status 1).
fn deny(files: &[PathBuf], global: &Global, root: &Path, out: &Path) -> anyhow::Result<()> {
    let locale = global.locale(crate::cli::repo_locale(root).unwrap_or_default());
    let mut err = std::io::stderr().lock();
    let dir = shown_out(out, global, root).display().to_string();
    let dir = escape_controls(&dir, Keep::Tabs).into_owned();
    writeln!(err, "{}", msg!("build-denied", count = files.len(), dir = dir).text(locale))?;
    for path in files {
        let path = global.display_path(root, path);
        writeln!(err, "  {}", escape_controls(&path, Keep::Tabs))?;
    }
    writeln!(err, "{}", msg!("build-denied-check").text(locale))?;
    Ok(())
}

/// What `build` and `serve` say after a build about documents with errors: how many, and the
/// pages that show problems instead of content (`doc` shows a document's path, `page` a page's
/// URL), one line each, escaped for a terminal.
pub fn errors_summary(
    built: &Built,
    locale: Locale,
    doc: &dyn Fn(&str) -> String,
    page: &dyn Fn(&str) -> String,
) -> Vec<String> {
    if built.with_errors == 0 {
        return Vec::new();
    }
    let mut head = msg!("build-errors-in", count = built.with_errors).text(locale);
    if built.broken.is_empty() {
        head.push_str(&msg!("build-errors-listed").text(locale));
    } else {
        let count = built.broken.len();
        head.push_str(&msg!("build-errors-unreadable", count = count).text(locale));
    }
    let mut lines = vec![head];
    for b in &built.broken {
        let path = escape_controls(&doc(&b.path), Keep::Tabs).into_owned();
        let page = escape_controls(&page(&b.url), Keep::Tabs).into_owned();
        let line = msg!("build-broken-page", path = path, page = page).text(locale);
        lines.push(format!("  {line}"));
    }
    lines
}

/// The output folder as planbook shows it: relative to where it runs when inside the
/// repository.
fn shown_out(out: &Path, global: &Global, root: &Path) -> PathBuf {
    out.strip_prefix(root)
        .map_or_else(|_| out.to_path_buf(), |rel| PathBuf::from(global.display_path(root, rel)))
}

/// Prints where a build's time and memory went, to standard error, in the environment's
/// language, else English; [`report_profile_in`] takes the language.
pub fn report_profile(profile: &Profile) -> anyhow::Result<()> {
    report_profile_in(profile, crate::cli::env_locale().unwrap_or_default())
}

/// Prints where a build's time and memory went, to standard error, in `locale`.
pub fn report_profile_in(profile: &Profile, locale: Locale) -> anyhow::Result<()> {
    let mut err = std::io::stderr().lock();
    let mb = |bytes: u64| format!("{:>5}", bytes / (1024 * 1024));
    for p in profile.phases() {
        let line = msg!(
            "build-profile-phase",
            phase = padded(&phase_name(p.name, locale), 28),
            seconds = format!("{:>7.2}", p.wall.as_secs_f64()),
            resident = mb(p.rss.0),
            peak = mb(p.rss.1)
        );
        writeln!(err, "  {}", line.text(locale))?;
    }
    let steps: Vec<String> = profile
        .steps()
        .iter()
        .map(|(name, d)| {
            let seconds = format!("{:.2}", d.as_secs_f64());
            msg!("build-profile-step", step = phase_name(name, locale), seconds = seconds)
                .text(locale)
        })
        .collect();
    let steps = msg!("build-profile-steps", steps = crate::i18n::Arg::List(steps));
    writeln!(err, "  {}", steps.text(locale))?;
    let total = format!("{:.2}", profile.total().as_secs_f64());
    writeln!(err, "  {}", msg!("build-profile-total", seconds = total).text(locale))?;
    Ok(())
}

/// The name of a profile phase or step in `locale`: catalogue message `build-phase-` and the
/// name in kebab-case (`privacy, problems page` → `build-phase-privacy-problems-page`), else
/// the name as it is.
fn phase_name(name: &str, locale: Locale) -> String {
    let mut id = String::from("build-phase");
    for word in name.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()) {
        id.push('-');
        id.push_str(&word.to_ascii_lowercase());
    }
    crate::i18n::lookup(locale, &id).unwrap_or_else(|| name.to_owned())
}

/// `text` padded with spaces to `width` terminal columns.
fn padded(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    let pad = width.saturating_sub(text.width());
    format!("{text}{}", " ".repeat(pad))
}

/// Prints what a build did, to standard error: in the language of what planbook prints for the
/// repository at `root` (`--lang`, the environment's, else its `locale`).
pub fn report(built: &Built, global: &Global, root: &Path, started: Instant) -> anyhow::Result<()> {
    let locale = global.locale(crate::cli::repo_locale(root).unwrap_or_default());
    let mut err = std::io::stderr().lock();
    let shown = shown_out(&built.out, global, root);
    let dir = shown.display().to_string();
    write!(err, "{}", msg!("build-built", pages = built.pages, dir = dir).text(locale))?;
    if built.private > 0 {
        write!(err, "{}", msg!("build-left-out", count = built.private).text(locale))?;
    }
    if global.verbose {
        let ms = crate::cli::millis(started.elapsed());
        write!(err, "{}", msg!("build-elapsed", ms = ms).text(locale))?;
    }
    writeln!(err)?;
    let c = built.counts;
    if c.errors + c.warnings > 0 {
        let problems = msg!("build-problems", errors = c.errors, warnings = c.warnings);
        writeln!(err, "{}", problems.text(locale))?;
    }
    let doc = |path: &str| global.display_path(root, Path::new(path));
    let page = |url: &str| shown.join(url).display().to_string();
    for line in errors_summary(built, locale, &doc, &page) {
        writeln!(err, "{line}")?;
    }
    let index = shown.join("index.html").display().to_string();
    writeln!(err, "{}", msg!("build-open", path = index).text(locale))?;
    Ok(())
}
