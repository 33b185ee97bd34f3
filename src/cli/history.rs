//! `planbook log`, `planbook diff` and `planbook blame`: semantic history from git.

use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, bail};
use clap::{Args, ValueEnum};
use serde::Serialize;

use crate::cli::{Global, Outcome};
use crate::history::{self, ChangeKind, CommitInfo, DocChange};
use crate::load;
use crate::model::money::grouped;

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
    for commit in &mut history.commits {
        if let Some(filter) = &filter {
            commit.changes.retain(|c| {
                c.path.starts_with(filter)
                    || matches!(&c.kind, ChangeKind::Renamed { from } if from.starts_with(filter))
            });
        }
    }
    history.commits.retain(|c| !c.changes.is_empty());
    if let Some(n) = args.max_count {
        history.commits.truncate(n);
    }
    let text = match args.format {
        HistoryFormat::Json => format!("{}\n", serde_json::to_string_pretty(&history)?),
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
                    "history starts at {} ({}): this is a shallow clone; earlier changes are not known",
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
    let email = if c.email.is_empty() { String::new() } else { format!(" <{}>", c.email) };
    if md {
        let _ = writeln!(
            out,
            "### {} — {}\n\n`{}` · {}{email}\n",
            c.summary,
            c.date(),
            c.short,
            c.author
        );
    } else {
        let merge = if c.merge { "  (merge)" } else { "" };
        let _ = writeln!(
            out,
            "{}  {}  {}{email}{merge}\n    {}",
            c.short,
            c.date(),
            c.author,
            c.summary
        );
    }
}

fn write_change(out: &mut String, change: &DocChange, md: bool) {
    let what = match &change.kind {
        ChangeKind::Added => "added".to_string(),
        ChangeKind::Removed => "removed".to_string(),
        ChangeKind::Modified => String::new(),
        ChangeKind::Renamed { from } => format!("moved from {}", from.display()),
    };
    let head = format!("{} ({}) {what}", change.identity, change.path.display());
    if md {
        let _ = writeln!(out, "- **{}**", head.trim_end());
    } else {
        let _ = writeln!(out, "    {}", head.trim_end());
    }
    for field in &change.fields {
        let line = field.describe();
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

/// A semantic diff between two versions of the repository.
#[derive(Debug, Serialize)]
struct DiffReport {
    from: String,
    to: String,
    changes: Vec<DocChange>,
    effects: Vec<Effect>,
}

/// A rollup figure that the changes move.
#[derive(Debug, Serialize)]
struct Effect {
    what: String,
    before: Option<String>,
    after: Option<String>,
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
    let report = compare(&from.workspace, &to.workspace, from_rev, to_label);
    let text = match args.format {
        HistoryFormat::Json => format!("{}\n", serde_json::to_string_pretty(&report)?),
        HistoryFormat::Human | HistoryFormat::Markdown => {
            render_diff(&report, args.format == HistoryFormat::Markdown)
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

fn compare(
    a: &crate::model::Workspace,
    b: &crate::model::Workspace,
    from: String,
    to: String,
) -> DiffReport {
    use std::collections::BTreeMap;
    let docs = |ws: &crate::model::Workspace| -> BTreeMap<String, (PathBuf, serde_json::Value)> {
        ws.documents
            .iter()
            .map(|d| (history::identity(d), (d.meta.path.clone(), history::to_value(d))))
            .collect()
    };
    let (before, after) = (docs(a), docs(b));
    let mut changes = Vec::new();
    for (id, (path, value)) in &after {
        match before.get(id) {
            None => changes.push(DocChange {
                identity: id.clone(),
                path: path.clone(),
                kind: ChangeKind::Added,
                fields: Vec::new(),
            }),
            Some((old_path, old)) => {
                let fields = history::diff(old, value);
                let kind = if old_path != path {
                    ChangeKind::Renamed { from: old_path.clone() }
                } else {
                    ChangeKind::Modified
                };
                if !fields.is_empty() || old_path != path {
                    changes.push(DocChange {
                        identity: id.clone(),
                        path: path.clone(),
                        kind,
                        fields,
                    });
                }
            }
        }
    }
    for (id, (path, _)) in &before {
        if !after.contains_key(id) {
            changes.push(DocChange {
                identity: id.clone(),
                path: path.clone(),
                kind: ChangeKind::Removed,
                fields: Vec::new(),
            });
        }
    }
    DiffReport { effects: effects(a, b), from, to, changes }
}

/// Budget totals and headcount before and after.
fn effects(a: &crate::model::Workspace, b: &crate::model::Workspace) -> Vec<Effect> {
    use crate::rollup::{budget, headcount};
    let (ia, ib) = (crate::index::Index::new(a), crate::index::Index::new(b));
    let opts = Default::default();
    let totals = |ix: &crate::index::Index| -> std::collections::BTreeMap<String, String> {
        budget::rollup(ix, &opts)
            .budgets
            .iter()
            .map(|s| (format!("budget total {} {}", s.unit, s.period), grouped(s.total)))
            .collect()
    };
    let heads = |ix: &crate::index::Index| -> std::collections::BTreeMap<String, String> {
        headcount::rollup(ix, &opts)
            .rosters
            .iter()
            .map(|r| {
                (format!("headcount {}", r.unit), format!("{} of {}", r.headcount, r.establishment))
            })
            .collect()
    };
    let mut out = Vec::new();
    for (x, y) in [(totals(&ia), totals(&ib)), (heads(&ia), heads(&ib))] {
        let mut keys: Vec<&String> = x.keys().chain(y.keys()).collect();
        keys.sort();
        keys.dedup();
        for key in keys {
            if x.get(key) != y.get(key) {
                out.push(Effect {
                    what: key.clone(),
                    before: x.get(key).cloned(),
                    after: y.get(key).cloned(),
                });
            }
        }
    }
    out
}

fn render_diff(report: &DiffReport, md: bool) -> String {
    let mut out = String::new();
    if md {
        let _ = writeln!(out, "### planbook diff: {} → {}\n", report.from, report.to);
    } else {
        let _ = writeln!(out, "{} → {}", report.from, report.to);
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
            let before = e.before.as_deref().unwrap_or("—");
            let after = e.after.as_deref().unwrap_or("—");
            let _ =
                writeln!(out, "{}{}: {before} → {after}", if md { "- " } else { "    " }, e.what);
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
        HistoryFormat::Json => format!("{}\n", serde_json::to_string_pretty(&blame)?),
        HistoryFormat::Human | HistoryFormat::Markdown => {
            let mut out = format!("{identity} ({})\n", rel.display());
            let shown = |l: &&history::BlameLine| {
                l.field != "body"
                    && l.field != "kind"
                    && !l.field.ends_with(".id")
                    && l.field != "id"
            };
            for line in blame.lines.iter().filter(shown) {
                let who = match (&line.commit, line.uncommitted) {
                    (_, true) => "not committed yet".to_string(),
                    (Some(c), _) => {
                        format!(
                            "{} {} {} — {}",
                            c.short,
                            c.date(),
                            c.author,
                            history::short(&c.summary)
                        )
                    }
                    (None, _) => "before history starts".to_string(),
                };
                let _ = writeln!(
                    out,
                    "  {}: {}\n      {who}",
                    line.label,
                    history::short(&history::number(&line.value))
                );
            }
            out
        }
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(Outcome::Success)
}
