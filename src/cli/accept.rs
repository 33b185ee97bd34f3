//! Accepted findings on the command line: the suppression comments ([`diag::suppress`]) and the
//! baseline file ([`diag::baseline`]) applied to what `check`, `build` and `serve` report, the
//! baseline options of `check`, and what `check` says about the findings it does not show.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;

use crate::cli::Global;
use crate::cli::check::Format;
use crate::diag::baseline::Baseline;
use crate::diag::suppress::{self, Suppressed};
use crate::diag::{self, Diagnostic, human};
use crate::i18n::{Arg, Locale, Msg, io_error, msg};
use crate::load;
use crate::model::Workspace;
use crate::source::{Keep, escape_controls};

/// The baseline's file name at the repository root.
pub const BASELINE_FILE: &str = ".planbook-baseline.json";

/// The options of `planbook check` about accepted findings.
#[derive(Debug, Args)]
pub struct AcceptArgs {
    /// Also list the findings that `# planbook: allow(...)` comments and the baseline hide,
    /// with their reasons
    #[arg(long)]
    show_suppressed: bool,
    /// Accept every current finding: write them to FILE [default: .planbook-baseline.json at
    /// the repository root], which later checks read and do not report again
    #[arg(long, value_name = "FILE", num_args = 0..=1)]
    write_baseline: Option<Option<PathBuf>>,
    /// Read the accepted findings from FILE [default: .planbook-baseline.json at the
    /// repository root, when it exists]
    #[arg(long, value_name = "FILE", conflicts_with = "no_baseline")]
    baseline: Option<PathBuf>,
    /// Report the findings the baseline holds too
    #[arg(long)]
    no_baseline: bool,
}

/// What was not reported, and why.
#[derive(Debug, Default)]
pub struct Hidden {
    /// Silenced by suppression comments.
    pub suppressed: Vec<Suppressed>,
    /// Held by the baseline.
    pub baselined: Vec<Diagnostic>,
    /// Baseline entries that no longer occur.
    pub stale: usize,
    /// `--write-baseline`: how many findings were written, and where (as shown).
    pub wrote: Option<(usize, String)>,
}

impl Hidden {
    /// Keeps the hidden findings for which `keep` holds (`check PATHS`).
    pub fn retain(&mut self, keep: impl Fn(&Diagnostic) -> bool) {
        self.suppressed.retain(|s| keep(&s.diagnostic));
        self.baselined.retain(|d| keep(d));
    }
}

/// The severity overrides of the workspace's `planbook.yaml`.
/// The files that did not load whole.
fn broken(ws: &Workspace) -> std::collections::HashSet<crate::source::FileId> {
    ws.broken.iter().map(|b| b.file).collect()
}

fn levels(ws: &Workspace) -> std::collections::BTreeMap<String, crate::model::config::Level> {
    ws.config.rules.iter().map(|(k, v)| (k.value.clone(), v.value)).collect()
}

/// `check --fix`: takes the suppressed findings out of `diags` (so their fixes are not made),
/// after reading the skipped files that mention `planbook`. The baseline is not consulted:
/// a baselined finding is still a finding its fix may resolve.
pub fn unsuppressed(loaded: &mut load::Checked, diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    loaded.fill_texts_if(suppress::mentions);
    suppress::apply(
        &loaded.workspace().sources,
        diags,
        &levels(loaded.workspace()),
        &broken(loaded.workspace()),
    )
    .kept
}

/// `check`: takes the accepted findings out of `diags`, after reading what suppressions and
/// fingerprints need. `work_tree`: the files are on disk (not `--staged` or `--rev`), so
/// files the cache let `check` skip are read (not parsed) to find their comments.
pub fn check(
    args: &AcceptArgs,
    global: &Global,
    root: &Path,
    loaded: &mut load::Checked,
    diags: Vec<Diagnostic>,
    work_tree: bool,
) -> anyhow::Result<(Vec<Diagnostic>, Hidden)> {
    if work_tree {
        loaded.fill_texts_if(suppress::mentions);
    }
    let ws = loaded.workspace();
    let applied = suppress::apply(&ws.sources, diags, &levels(ws), &broken(ws));
    let mut hidden = Hidden { suppressed: applied.suppressed, ..Hidden::default() };
    let locale = global.locale(loaded.workspace().config.locale);
    let path = match (&args.write_baseline, &args.baseline) {
        (Some(Some(p)), _) | (None, Some(p)) => global.cwd.join(p),
        _ => root.join(BASELINE_FILE),
    };
    let shown = display(global, root, &path);
    let wanted = args.write_baseline.is_some() || (!args.no_baseline && path.exists());
    if !wanted {
        return Ok((applied.kept, hidden));
    }
    // Fingerprints read the flagged text.
    loaded.fill_texts(applied.kept.iter().map(|d| d.primary.span.file));
    let sources = &loaded.workspace().sources;
    if args.write_baseline.is_some() {
        let baseline = Baseline::of(&applied.kept, sources, loaded.workspace().config.locale);
        std::fs::write(&path, baseline.to_json()).map_err(|e| {
            let reason = io_error(&e);
            anyhow::anyhow!(
                "{}",
                msg!("accept-write-failed", path = &shown, reason = reason).text(locale)
            )
        })?;
        hidden.wrote = Some((baseline.len(), shown));
        let applied = baseline.apply(applied.kept, sources);
        hidden.baselined = applied.baselined;
        return Ok((applied.kept, hidden));
    }
    let baseline = read(&path, &shown, locale)?;
    let applied = baseline.apply(applied.kept, sources);
    hidden.baselined = applied.baselined;
    hidden.stale = applied.stale;
    Ok((applied.kept, hidden))
}

/// `build` and `serve`: `diags` without those that suppression comments and the baseline at
/// the root (when there is one) accept. Every text is read.
pub fn handbook(
    root: &Path,
    ws: &Workspace,
    diags: Vec<Diagnostic>,
) -> anyhow::Result<Vec<Diagnostic>> {
    let applied = suppress::apply(&ws.sources, diags, &levels(ws), &broken(ws));
    let path = root.join(BASELINE_FILE);
    if !path.exists() {
        return Ok(applied.kept);
    }
    let locale = crate::cli::env_locale().unwrap_or(ws.config.locale);
    let baseline = read(&path, BASELINE_FILE, locale)?;
    Ok(baseline.apply(applied.kept, &ws.sources).kept)
}

/// Reads the baseline at `path`; an error says why it cannot be used.
fn read(path: &Path, shown: &str, locale: Locale) -> anyhow::Result<Baseline> {
    let failed = |reason: Msg| {
        anyhow::anyhow!(
            "{}",
            msg!("accept-read-failed", path = shown, reason = reason).text(locale)
        )
    };
    let text = std::fs::read_to_string(path).map_err(|e| failed(io_error(&e)))?;
    Baseline::from_json(&text).map_err(failed)
}

/// `path` as the user should see it.
fn display(global: &Global, root: &Path, path: &Path) -> String {
    let shown = match path.strip_prefix(root) {
        Ok(rel) => global.display_path(root, rel),
        Err(_) => path.display().to_string(),
    };
    escape_controls(&shown, Keep::Tabs).into_owned()
}

/// With `--show-suppressed`, prints the hidden findings as `check` prints the others, each
/// with why it is hidden.
pub fn print_hidden(
    args: &AcceptArgs,
    hidden: &Hidden,
    format: Format,
    ws: &Workspace,
    show: &dyn Fn(&Path) -> String,
    global: &Global,
    locale: Locale,
) -> anyhow::Result<()> {
    if !args.show_suppressed {
        return Ok(());
    }
    let reasons = hidden
        .suppressed
        .iter()
        .map(|s| (&s.diagnostic, Some(s.reason.as_str())))
        .chain(hidden.baselined.iter().map(|d| (d, None)));
    let mut stdout = std::io::stdout().lock();
    let mut stderr = std::io::stderr().lock();
    for (d, reason) in reasons {
        let why = match reason {
            Some(r) => {
                msg!("accept-suppressed", reason = escape_controls(r, Keep::Tabs).into_owned())
            }
            None => msg!("accept-baselined"),
        };
        let why = why.text(locale);
        match format {
            Format::Human => {
                let styles = human::Styles::new(global.color_stderr);
                let text = human::render(d, &ws.sources, show, styles, locale);
                // Under the gutter, as the help line is: as wide as the longest line number.
                let widest = std::iter::once(&d.primary)
                    .chain(&d.related)
                    .map(|l| ws.sources.get(l.span.file).line_col(l.span.start).line)
                    .max()
                    .unwrap_or(1);
                let pad = " ".repeat(widest.to_string().len() + 1);
                writeln!(stderr, "{text}{pad}= {why}\n")?;
            }
            Format::Short => {
                let line = human::render_short(d, &ws.sources, show, locale);
                writeln!(stdout, "{line} [{why}]")?;
            }
            Format::Json => {
                let line = diag::json::render(d, &ws.sources, show, locale);
                let why = serde_json::json!({ "reason": reason });
                let extra = diag::json::escape_json(why.to_string());
                let body = line.strip_suffix('}').unwrap_or(&line);
                writeln!(stdout, "{body},\"suppressed\":{extra}}}")?;
            }
            // Workflow annotations are for what needs doing.
            Format::Github => {}
        }
    }
    Ok(())
}

/// After the summary: how many findings were not shown, stale baseline entries, and what
/// `--write-baseline` wrote.
pub fn print_footer(
    hidden: &Hidden,
    format: Format,
    global: &Global,
    locale: Locale,
) -> anyhow::Result<()> {
    let mut stderr = std::io::stderr().lock();
    if let Some((count, path)) = &hidden.wrote {
        let path = path.as_str();
        writeln!(stderr, "{}", msg!("accept-wrote", count = *count, path = path).text(locale))?;
        return Ok(());
    }
    if global.quiet || format != Format::Human {
        return Ok(());
    }
    let mut parts = Vec::new();
    if !hidden.suppressed.is_empty() {
        let count = hidden.suppressed.len();
        parts.push(msg!("accept-hidden-suppressed", count = count).text(locale));
    }
    if !hidden.baselined.is_empty() {
        let count = hidden.baselined.len();
        parts.push(msg!("accept-hidden-baselined", count = count).text(locale));
    }
    if !parts.is_empty() {
        writeln!(stderr, "{}", msg!("accept-hidden", parts = Arg::List(parts)).text(locale))?;
    }
    if hidden.stale > 0 {
        writeln!(stderr, "{}", msg!("accept-stale", count = hidden.stale).text(locale))?;
    }
    Ok(())
}
