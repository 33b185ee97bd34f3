//! `planbook check`: load, validate, print diagnostics.

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use clap::Args;

use crate::cli::{Global, Outcome};
use crate::diag::{self, Counts, Severity, human};
use crate::i18n::msg;
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
                writeln!(stderr, "{}", human::render(d, &ws.sources, &show, styles, locale))?;
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
