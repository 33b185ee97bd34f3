//! `planbook check`: load, validate, print diagnostics.

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use clap::Args;

use crate::cli::{Global, Outcome};
use crate::diag::{self, Counts, Diagnostic, Format, Severity, human};
use crate::{load, validate};

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
}

/// Runs `planbook check`.
pub fn run(args: &CheckArgs, global: &Global) -> anyhow::Result<Outcome> {
    let started = Instant::now();
    let root = load::find_root(&global.cwd)?;
    let loaded = load::load(&root)?;
    let ws = &loaded.workspace;
    let mut diags = loaded.diagnostics;
    diags.extend(validate::run(ws));
    let levels = ws.config.rules.iter().map(|(k, v)| (k.value.clone(), v.value)).collect();
    let mut diags = diag::apply_levels(diags, &levels);
    diags.sort_by(|a, b| Diagnostic::order(a, b, &ws.sources));
    if !args.paths.is_empty() {
        let wanted = selected_paths(&args.paths, global, &root);
        diags.retain(|d| {
            let path = ws.sources.path(d.primary.span.file);
            wanted.iter().any(|w| path.starts_with(w))
        });
    }

    let show = |p: &std::path::Path| global.display_path(&root, p);
    let mut stdout = std::io::stdout().lock();
    let mut stderr = std::io::stderr().lock();
    for d in &diags {
        match args.format {
            Format::Human => {
                let styles = human::Styles::new(global.color_stderr);
                writeln!(stderr, "{}", human::render(d, &ws.sources, &show, styles))?;
            }
            Format::Json => writeln!(stdout, "{}", diag::json::render(d, &ws.sources, &show))?,
            Format::Github => writeln!(stdout, "{}", diag::github::render(d, &ws.sources, &show))?,
        }
    }
    let counts = Counts::of(&diags);
    if !global.quiet && args.format == Format::Human {
        let styles = human::Styles::new(global.color_stderr);
        let files = ws.sources.len();
        writeln!(stderr, "{}", human::summary(counts, files, styles))?;
    }
    if global.verbose {
        writeln!(
            stderr,
            "loaded {} documents from {} in {:.0?}",
            ws.documents.len(),
            root.display(),
            started.elapsed()
        )?;
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
