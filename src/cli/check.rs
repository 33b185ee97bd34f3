//! `planbook check`: load, validate, print diagnostics.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context;
use clap::Args;

use crate::cli::{Global, Outcome, fix};
use crate::diag::fix::Mode;
use crate::diag::{self, Counts, Severity, human};
use crate::i18n::{Locale, msg};
use crate::source::{Keep, escape_controls};
use crate::{history, load, validate};

/// The output formats of `planbook check`: which of `diag`'s renderers prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Compiler-style messages with the source line and carets.
    Human,
    /// One line per diagnostic: `path:line:col: severity[rule]: message`.
    Short,
    /// One JSON object per line.
    Json,
    /// GitHub Actions workflow annotations.
    Github,
}

/// Arguments of `planbook check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Report only problems in these files or folders (the whole repository is still loaded,
    /// because rules span documents)
    paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Exit with 1 when there are warnings, not only errors
    #[arg(long)]
    deny_warnings: bool,
    /// Check the content staged in the git index (for a pre-commit hook), not the work tree
    #[arg(long, conflicts_with = "rev")]
    staged: bool,
    /// Check the documents as they were at a git revision (a commit, branch or tag)
    #[arg(long, value_name = "REV")]
    rev: Option<String>,
    /// Neither use nor write the parse cache (by default unchanged files are not read again)
    #[arg(long)]
    no_cache: bool,
    /// Make the safe fixes (what the writer surely meant) in the files, then check again
    #[arg(long)]
    fix: bool,
    /// With --fix, make the unsafe fixes too (they change a figure or a reference: review the
    /// result); without it, show them under their problems
    #[arg(long)]
    unsafe_fixes: bool,
    /// Print as a diff what --fix would change, and change nothing (exit 1 if it would change
    /// something)
    #[arg(long)]
    diff: bool,
    #[command(flatten)]
    accept: crate::cli::accept::AcceptArgs,
}

/// Runs `planbook check`.
pub fn run(args: &CheckArgs, global: &Global) -> anyhow::Result<Outcome> {
    let started = Instant::now();
    let root = load::find_root(&global.cwd)?;
    let source = match (&args.rev, args.staged) {
        (Some(rev), _) => Some(history::Source::Revision(rev.clone())),
        (None, true) => Some(history::Source::Index),
        (None, false) => None,
    };
    // Before the repository is loaded, its `planbook.yaml` alone says its language.
    let early = global.locale(crate::cli::repo_locale(&root).unwrap_or_default());
    // A path that names nothing is a typo, not a clean report.
    if source.is_none()
        && let Some(missing) = args.paths.iter().find(|p| !global.cwd.join(p).exists())
    {
        let path = escape_controls(&missing.display().to_string(), Keep::Tabs).into_owned();
        anyhow::bail!(msg!("check-no-such-path", path = path).text(early));
    }
    let fixes = fix_options(args, global, &root);
    if let Some(refused) =
        fix::refuse_with_git(args.fix, args.diff, args.staged, args.rev.is_some())
    {
        anyhow::bail!(refused.text(early));
    }
    if args.diff {
        return show_diff(&root, &fixes, global, early);
    }
    let fixed = if args.fix { Some(make_fixes(&root, &fixes, early)?) } else { None };
    let (mut loaded, place) = match &source {
        None => (load::load_for_check(&root, !args.no_cache)?, None),
        Some(source) => {
            let what = match source {
                history::Source::Index => msg!("check-what-staged"),
                history::Source::Revision(rev) => msg!("check-what-revision", rev = rev),
            };
            let snap = history::snapshot(&root, source)
                .with_context(|| msg!("check-cannot-check", what = what).text(early))?;
            let place = match source {
                history::Source::Index => msg!("check-place-index"),
                history::Source::Revision(_) => {
                    msg!("check-place-revision", revision = snap.label.as_str())
                }
            };
            let loaded = if args.no_cache {
                load::Checked::from(load::load_files(&root, snap.config, snap.files))
            } else {
                load::load_files_cached(&root, snap.config, snap.files)
            };
            (loaded, Some(place))
        }
    };
    let found = std::mem::take(&mut loaded.diagnostics);
    let diags = validate::all(loaded.workspace(), found);
    let (mut diags, mut hidden) = crate::cli::accept::check(
        &args.accept,
        global,
        &root,
        &mut loaded,
        diags,
        source.is_none(),
    )?;
    if !args.paths.is_empty() {
        let wanted = selected_paths(&args.paths, global, &root);
        let sources = &loaded.workspace().sources;
        diags.retain(|d| {
            let path = sources.path(d.primary.span.file);
            wanted.iter().any(|w| path.starts_with(w))
        });
        hidden.retain(|d| wanted.iter().any(|w| sources.path(d.primary.span.file).starts_with(w)));
    }
    // Files the cache let us skip are read now if a diagnostic shows a line of them.
    loaded.fill_texts(
        diags
            .iter()
            .flat_map(|d| std::iter::once(&d.primary).chain(&d.related))
            .map(|l| l.span.file),
    );
    let ws = loaded.workspace();
    let locale = global.locale(ws.config.locale);

    let show = |p: &std::path::Path| global.display_path(&root, p);
    let mut stdout = std::io::stdout().lock();
    let mut stderr = std::io::stderr().lock();
    for d in &diags {
        match args.format {
            Format::Human => {
                let styles = human::Styles::new(global.color_stderr);
                let d = fix::shown_fixes(d, fixes.mode);
                writeln!(stderr, "{}", human::render(&d, &ws.sources, &show, styles, locale))?;
            }
            Format::Short => {
                writeln!(stdout, "{}", human::render_short(d, &ws.sources, &show, locale))?;
            }
            Format::Json => {
                writeln!(stdout, "{}", diag::json::render(d, &ws.sources, &show, locale))?;
            }
            Format::Github => {
                writeln!(stdout, "{}", diag::github::render(d, &ws.sources, &show, locale))?;
            }
        }
    }
    // Before the summary, which stays the last line. Fixes apply to the work tree only.
    if !global.quiet && source.is_none() {
        let human = args.format == Format::Human;
        fix_lines(&diags, fixed.as_ref(), &fixes, human, &show, &mut stderr, locale)?;
    }
    crate::cli::accept::print_hidden(
        &args.accept,
        &hidden,
        args.format,
        ws,
        &show,
        global,
        locale,
    )?;
    let counts = Counts::of(&diags);
    if !global.quiet && args.format == Format::Human {
        let styles = human::Styles::new(global.color_stderr);
        let files = ws.sources.len();
        let place = place.map(|p| p.text(locale));
        writeln!(stderr, "{}", human::summary(counts, files, place.as_deref(), styles, locale))?;
    }
    crate::cli::accept::print_footer(&hidden, args.format, global, locale)?;
    if global.verbose {
        let loaded_line = msg!(
            "check-verbose-loaded",
            documents = ws.documents.len(),
            root = root.display().to_string(),
            ms = crate::cli::millis(started.elapsed())
        );
        writeln!(stderr, "{}", loaded_line.text(locale))?;
        let stats = &loaded.stats;
        let cache = stats.path.as_ref().map_or_else(
            || msg!("check-verbose-no-cache"),
            |p| {
                let path = escape_controls(&p.display().to_string(), Keep::Tabs).into_owned();
                msg!("check-verbose-cache", path = path)
            },
        );
        let read = msg!(
            "check-verbose-read",
            read = stats.read,
            files = stats.files,
            parsed = stats.parsed,
            cache = cache
        );
        writeln!(stderr, "{}", read.text(locale))?;
    }
    let failed = diags.iter().any(|d| {
        d.severity == Severity::Error || (args.deny_warnings && d.severity == Severity::Warning)
    });
    Ok(if failed { Outcome::Failure } else { Outcome::Success })
}

/// What `--fix`, `--unsafe-fixes` and PATHS ask of fixes.
fn fix_options(args: &CheckArgs, global: &Global, root: &Path) -> fix::Options {
    fix::Options {
        mode: if args.unsafe_fixes { Mode::Unsafe } else { Mode::Safe },
        wanted: selected_paths(&args.paths, global, root),
        use_cache: !args.no_cache,
    }
}

/// `check --fix`: rounds of fixes, then the changed files written.
fn make_fixes(root: &Path, options: &fix::Options, locale: Locale) -> anyhow::Result<fix::Fixed> {
    let mut fixed = fix::compute(root, options)?;
    fix::write(root, &mut fixed, locale)?;
    Ok(fixed)
}

/// `check --diff`: what `--fix` would change, as a unified diff on stdout; nothing is written.
/// Fails (exit 1) when something would change, as `ruff check --diff` does.
fn show_diff(
    root: &Path,
    options: &fix::Options,
    global: &Global,
    locale: Locale,
) -> anyhow::Result<Outcome> {
    let fixed = fix::compute(root, options)?;
    let show = |p: &Path| global.display_path(root, p);
    let styles = human::Styles::new(global.color_stdout);
    write!(std::io::stdout().lock(), "{}", fix::diffs(&fixed, &show, styles))?;
    if !global.quiet {
        let mut stderr = std::io::stderr().lock();
        for line in fix::report(&fixed, None, &show) {
            writeln!(stderr, "{}", line.text(locale))?;
        }
    }
    Ok(if fixed.changes.is_empty() { Outcome::Success } else { Outcome::Failure })
}

/// Just before the summary: what `--fix` fixed and what remains, or how many problems it could
/// fix.
fn fix_lines(
    diags: &[diag::Diagnostic],
    fixed: Option<&fix::Fixed>,
    options: &fix::Options,
    human: bool,
    show: &dyn Fn(&Path) -> String,
    out: &mut dyn Write,
    locale: Locale,
) -> anyhow::Result<()> {
    let mut lines = fixed.map(|f| fix::report(f, Some(diags.len()), show)).unwrap_or_default();
    if human || fixed.is_some() {
        lines.extend(fix::hint(diags, options.mode, fixed.is_some()));
    }
    for line in lines {
        writeln!(out, "{}", line.text(locale))?;
    }
    Ok(())
}

/// The user's PATHS as repository-relative paths.
fn selected_paths(paths: &[PathBuf], global: &Global, root: &std::path::Path) -> Vec<PathBuf> {
    paths
        .iter()
        .map(|p| {
            let full = global.cwd.join(p);
            let full = full.canonicalize().unwrap_or(full);
            full.strip_prefix(root).map(|r| r.to_path_buf()).unwrap_or_else(|_| p.clone())
        })
        .collect()
}
