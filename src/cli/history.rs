//! `planbook log`, `planbook diff` and `planbook blame`: semantic history from git.
//!
//! Names, messages, paths and values come from documents and commits, so the text formats
//! pass each through [`shown`] and the JSON through [`escape_json`]: nothing printed can act
//! on the terminal, break a line or reorder it.

use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, bail};
use clap::{Args, ValueEnum};

use crate::cli::{Global, Outcome};
use crate::diag::json::escape_json;
use crate::history::{self, Amount, ChangeKind, CommitInfo, DiffReport, DocChange, Effect, Figure};
use crate::load;
use crate::model::money::grouped;
use crate::source::{Keep, escape_controls};

/// Text from a document or a commit, as one safe terminal line.
fn shown(text: &str) -> String {
    escape_controls(text, Keep::Tabs).into_owned()
}

/// A path from the repository, as one safe terminal line.
fn shown_path(path: &std::path::Path) -> String {
    shown(&path.display().to_string())
}

/// Output formats of the history commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HistoryFormat {
    /// Readable text
    Human,
    /// JSON
    Json,
    /// Markdown, to paste into a merge request
    Markdown,
}

/// Arguments of `planbook log`.
#[derive(Debug, Args)]
pub struct LogArgs {
    /// Only changes to this document or folder
    path: Option<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = HistoryFormat::Human)]
    format: HistoryFormat,
    /// Show at most N commits
    #[arg(short = 'n', long, value_name = "N")]
    max_count: Option<usize>,
}

/// Runs `planbook log`.
pub fn log(args: &LogArgs, global: &Global) -> anyhow::Result<Outcome> {
    let root = load::find_root(&global.cwd)?;
    let filter = args.path.as_ref().map(|p| repo_relative(&root, global, p));
    let mut history = match history::history(&root)? {
        Ok(h) => h,
        Err(why) => return unavailable(&why, global),
    };
    history.retain(filter.as_deref(), args.max_count);
    let text = match args.format {
        HistoryFormat::Json => {
            format!("{}\n", escape_json(serde_json::to_string_pretty(&history)?))
        }
        HistoryFormat::Human | HistoryFormat::Markdown => {
            let md = args.format == HistoryFormat::Markdown;
            let mut out = String::new();
            for c in &history.commits {
                write_commit(&mut out, &c.commit, md);
                for change in &c.changes {
                    write_change(&mut out, change, md);
                }
                out.push('\n');
            }
            if let Some(start) = &history.starts_at {
                let _ = writeln!(
                    out,
                    "history starts at {} ({}): this is a shallow clone; \
                     earlier changes are not known",
                    start.short,
                    start.date()
                );
            }
            out
        }
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(Outcome::Success)
}

fn write_commit(out: &mut String, c: &CommitInfo, md: bool) {
    let email = if c.email.is_empty() { String::new() } else { format!(" <{}>", shown(&c.email)) };
    let (summary, author) = (shown(&c.summary), shown(&c.author));
    if md {
        let (date, short) = (c.date(), &c.short);
        let _ = writeln!(out, "### {summary} — {date}\n\n`{short}` · {author}{email}\n");
    } else {
        let merge = if c.merge { "  (merge)" } else { "" };
        let _ = writeln!(out, "{}  {}  {author}{email}{merge}\n    {summary}", c.short, c.date(),);
    }
}

fn write_change(out: &mut String, change: &DocChange, md: bool) {
    let what = match &change.kind {
        ChangeKind::Added => "added".to_string(),
        ChangeKind::Removed => "removed".to_string(),
        ChangeKind::Modified => String::new(),
        ChangeKind::Renamed { from } => format!("moved from {}", shown_path(from)),
    };
    let head = format!("{} ({}) {what}", shown(&change.identity), shown_path(&change.path));
    if md {
        let _ = writeln!(out, "- **{}**", head.trim_end());
    } else {
        let _ = writeln!(out, "    {}", head.trim_end());
    }
    for field in &change.fields {
        let line = shown(&field.describe());
        if md {
            let _ = writeln!(out, "  - {line}");
        } else {
            let _ = writeln!(out, "      {line}");
        }
    }
}

fn unavailable(why: &history::Unavailable, global: &Global) -> anyhow::Result<Outcome> {
    if !global.quiet {
        eprintln!("note: no history: {why}");
    }
    Ok(Outcome::Success)
}

fn repo_relative(root: &std::path::Path, global: &Global, path: &std::path::Path) -> PathBuf {
    let full = global.cwd.join(path);
    let full = full.canonicalize().unwrap_or(full);
    full.strip_prefix(root).map(|p| p.to_path_buf()).unwrap_or_else(|_| path.to_path_buf())
}

/// Arguments of `planbook diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// Compare from this revision (default: HEAD)
    from: Option<String>,
    /// Compare to this revision (default: the work tree, uncommitted changes included)
    to: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = HistoryFormat::Human)]
    format: HistoryFormat,
}

/// Runs `planbook diff`.
pub fn diff(args: &DiffArgs, global: &Global) -> anyhow::Result<Outcome> {
    let root = load::find_root(&global.cwd)?;
    let from_rev = args.from.clone().unwrap_or_else(|| "HEAD".into());
    let from = load_rev(&root, &from_rev)?;
    let (to, to_label) = match &args.to {
        Some(rev) => (load_rev(&root, rev)?, rev.clone()),
        None => (load::load(&root)?, "the work tree".to_string()),
    };
    let report = history::compare(&from.workspace, &to.workspace);
    let text = match args.format {
        HistoryFormat::Json => {
            let effects: Vec<serde_json::Value> = report
                .effects
                .iter()
                .map(|e| {
                    let (what, before, after) = effect_text(e);
                    serde_json::json!({ "what": what, "before": before, "after": after })
                })
                .collect();
            let json = serde_json::json!({
                "from": from_rev,
                "to": to_label,
                "changes": report.changes,
                "effects": effects,
            });
            format!("{}\n", escape_json(serde_json::to_string_pretty(&json)?))
        }
        HistoryFormat::Human | HistoryFormat::Markdown => {
            let md = args.format == HistoryFormat::Markdown;
            render_diff(&report, &shown(&from_rev), &shown(&to_label), md)
        }
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(Outcome::Success)
}

fn load_rev(root: &std::path::Path, rev: &str) -> anyhow::Result<load::Loaded> {
    let snap = history::snapshot(root, &history::Source::Revision(rev.to_string()))
        .with_context(|| format!("cannot read revision `{rev}`"))?;
    Ok(load::load_files(root, snap.config, snap.files))
}

/// An effect as shown: `budget total henan 2026-12`, `37,000`, `36,500`.
fn effect_text(effect: &Effect) -> (String, Option<String>, Option<String>) {
    let what = match &effect.figure {
        Figure::BudgetTotal { unit, period } => format!("budget total {unit} {period}"),
        Figure::Headcount { unit } => format!("headcount {unit}"),
    };
    let amount = |a: &Amount| match a {
        Amount::Money(m) => grouped(*m),
        Amount::Staffing { headcount, establishment } => format!("{headcount} of {establishment}"),
    };
    (what, effect.before.as_ref().map(amount), effect.after.as_ref().map(amount))
}

fn render_diff(report: &DiffReport, from: &str, to: &str, md: bool) -> String {
    let mut out = String::new();
    if md {
        let _ = writeln!(out, "### planbook diff: {from} → {to}\n");
    } else {
        let _ = writeln!(out, "{from} → {to}");
    }
    if report.changes.is_empty() {
        out.push_str("no document changed\n");
        return out;
    }
    for change in &report.changes {
        write_change(&mut out, change, md);
    }
    if !report.effects.is_empty() {
        out.push_str(if md { "\n**Effect on rollups**\n\n" } else { "\neffect on rollups:\n" });
        for e in &report.effects {
            let (what, before, after) = effect_text(e);
            let before = before.unwrap_or_else(|| "—".into());
            let after = after.unwrap_or_else(|| "—".into());
            let what = shown(&what);
            let _ = writeln!(out, "{}{what}: {before} → {after}", if md { "- " } else { "    " });
        }
    }
    out
}

/// Arguments of `planbook blame`.
#[derive(Debug, Args)]
pub struct BlameArgs {
    /// The document
    document: PathBuf,
    /// Output format
    #[arg(long, value_enum, default_value_t = HistoryFormat::Human)]
    format: HistoryFormat,
}

/// Runs `planbook blame`.
pub fn blame(args: &BlameArgs, global: &Global) -> anyhow::Result<Outcome> {
    let root = load::find_root(&global.cwd)?;
    let rel = repo_relative(&root, global, &args.document);
    let loaded = load::load(&root)?;
    let Some(doc) = loaded.workspace.documents.iter().find(|d| d.meta.path == rel) else {
        bail!(
            "`{}` is not a document that loads; run `planbook check` on it",
            args.document.display()
        );
    };
    let identity = history::identity(doc);
    let blame = match history::blame(&root, &identity, &rel, &history::to_value(doc))? {
        Ok(b) => b,
        Err(why) => return unavailable(&why, global),
    };
    let text = match args.format {
        HistoryFormat::Json => format!("{}\n", escape_json(serde_json::to_string_pretty(&blame)?)),
        HistoryFormat::Human | HistoryFormat::Markdown => {
            let mut out = format!("{} ({})\n", shown(&identity.to_string()), shown_path(&rel));
            let listed = |l: &&history::BlameLine| {
                l.field != "body"
                    && l.field != "kind"
                    && !l.field.ends_with(".id")
                    && l.field != "id"
            };
            for line in blame.lines.iter().filter(listed) {
                let who = match (&line.commit, line.uncommitted) {
                    (_, true) => "not committed yet".to_string(),
                    (Some(c), _) => {
                        format!(
                            "{} {} {} — {}",
                            c.short,
                            c.date(),
                            shown(&c.author),
                            shown(&history::short(&c.summary))
                        )
                    }
                    (None, _) => "before history starts".to_string(),
                };
                let _ = writeln!(
                    out,
                    "  {}: {}\n      {who}",
                    shown(&line.label),
                    shown(&history::short(&history::number(&line.value)))
                );
            }
            out
        }
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(Outcome::Success)
}
