//! `planbook log`, `planbook diff` and `planbook blame`: semantic history from git.
//!
//! Names, messages, paths and values come from documents and commits, so the text formats
//! pass each through [`shown`] and the JSON through [`escape_json`]: nothing printed can act
//! on the terminal, break a line or reorder it.

use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;

use anyhow::anyhow;
use clap::{Args, ValueEnum};
use serde_json::Value;

use crate::cli::{Global, Outcome};
use crate::diag::json::escape_json;
use crate::history::{self, Amount, ChangeKind, CommitInfo, DiffReport, DocChange, Effect, Figure};
use crate::i18n::{Failure, Locale, msg};
use crate::load;
use crate::model::config::Config;
use crate::model::money::grouped;
use crate::render::history::{
    ConfigNames, describe, document_label, field_label, period_shown, value as value_of,
};
use crate::source::{Keep, escape_controls};

/// The language and unit names the output is worded with.
struct Words {
    locale: Locale,
    units: ConfigNames,
}

impl Words {
    fn new(config: &Config, global: &Global) -> Words {
        Words { locale: global.locale(config.locale), units: ConfigNames::new(config) }
    }

    /// For `log`, which reads no documents: the repository's `planbook.yaml` alone.
    fn of_root(root: &std::path::Path, global: &Global) -> Words {
        match std::fs::read(root.join(load::CONFIG_FILE)) {
            Ok(bytes) => {
                Words::new(&load::load_files(root, bytes, Vec::new()).workspace.config, global)
            }
            Err(_) => Words { locale: global.own_locale(), units: ConfigNames::default() },
        }
    }

    fn doc(&self, identity: &str) -> String {
        document_label(identity, &self.units, self.locale)
    }
}

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
    let words = Words::of_root(&root, global);
    let filter = args.path.as_ref().map(|p| repo_relative(&root, global, p));
    let mut history = match history::history(&root)? {
        Ok(h) => h,
        Err(why) => return unavailable(&why, global, &words),
    };
    history.retain(filter.as_deref(), args.max_count);
    let text = match args.format {
        HistoryFormat::Json => {
            let mut json = serde_json::to_value(&history)?;
            if let Some(commits) = json.get_mut("commits").and_then(Value::as_array_mut) {
                for (c, value) in history.commits.iter().zip(commits) {
                    if let Some(changes) = value.get_mut("changes") {
                        add_descriptions(changes, &c.changes, &words);
                    }
                }
            }
            format!("{}\n", escape_json(serde_json::to_string_pretty(&json)?))
        }
        HistoryFormat::Human | HistoryFormat::Markdown => {
            let md = args.format == HistoryFormat::Markdown;
            let mut out = String::new();
            for c in &history.commits {
                write_commit(&mut out, &c.commit, md, &words);
                for change in &c.changes {
                    write_change(&mut out, change, md, &words);
                }
                out.push('\n');
            }
            if let Some(start) = &history.starts_at {
                let shallow = msg!("history-shallow", commit = &start.short, date = start.date());
                let _ = writeln!(out, "{}", shallow.text(words.locale));
            }
            out
        }
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(Outcome::Success)
}

/// Adds to each change of a JSON `changes` list its document's `label` and to each field a
/// `description`, in the output's language (the other fields stay as machines read them).
fn add_descriptions(json: &mut Value, changes: &[DocChange], words: &Words) {
    let Some(list) = json.as_array_mut() else { return };
    for (change, value) in changes.iter().zip(list) {
        let Some(object) = value.as_object_mut() else { continue };
        object.insert("label".into(), Value::String(words.doc(&change.identity)));
        let Some(fields) = object.get_mut("fields").and_then(Value::as_array_mut) else {
            continue;
        };
        for (field, value) in change.fields.iter().zip(fields) {
            if let Some(object) = value.as_object_mut() {
                let text = describe(field, &words.units, words.locale);
                object.insert("description".into(), Value::String(text));
            }
        }
    }
}

fn write_commit(out: &mut String, c: &CommitInfo, md: bool, words: &Words) {
    let email = if c.email.is_empty() { String::new() } else { format!(" <{}>", shown(&c.email)) };
    let (summary, author) = (shown(&c.summary), shown(&c.author));
    if md {
        let (date, short) = (c.date(), &c.short);
        let _ = writeln!(out, "### {summary} — {date}\n\n`{short}` · {author}{email}\n");
    } else {
        let merge = if c.merge {
            format!("  {}", crate::i18n::t(words.locale, "history-merge"))
        } else {
            String::new()
        };
        let _ = writeln!(out, "{}  {}  {author}{email}{merge}\n    {summary}", c.short, c.date(),);
    }
}

fn write_change(out: &mut String, change: &DocChange, md: bool, words: &Words) {
    let (doc, path) = (shown(&words.doc(&change.identity)), shown_path(&change.path));
    let head = match &change.kind {
        ChangeKind::Added => msg!("history-line-added", doc = doc, path = path),
        ChangeKind::Removed => msg!("history-line-removed", doc = doc, path = path),
        ChangeKind::Modified => msg!("history-line-modified", doc = doc, path = path),
        ChangeKind::Renamed { from } => {
            msg!("history-line-moved", doc = doc, path = path, from = shown_path(from))
        }
    };
    let head = head.text(words.locale);
    if md {
        let _ = writeln!(out, "- **{head}**");
    } else {
        let _ = writeln!(out, "    {head}");
    }
    for field in &change.fields {
        let line = shown(&describe(field, &words.units, words.locale));
        if md {
            let _ = writeln!(out, "  - {line}");
        } else {
            let _ = writeln!(out, "      {line}");
        }
    }
}

fn unavailable(
    why: &history::Unavailable,
    global: &Global,
    words: &Words,
) -> anyhow::Result<Outcome> {
    if !global.quiet {
        let note = msg!("history-note", text = msg!("history-none", why = why.message()));
        eprintln!("{}", note.text(words.locale));
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
        None => (load::load(&root)?, String::new()),
    };
    let words = Words::new(&to.workspace.config, global);
    let report = history::compare(&from.workspace, &to.workspace);
    let text = match args.format {
        HistoryFormat::Json => {
            let effects: Vec<Value> = report
                .effects
                .iter()
                .map(|e| {
                    let (what, before, after) = effect_text(e, Locale::En);
                    let description = effect_line(e, &words);
                    serde_json::json!({
                        "what": what,
                        "before": before,
                        "after": after,
                        "description": description,
                    })
                })
                .collect();
            let mut changes = serde_json::to_value(&report.changes)?;
            add_descriptions(&mut changes, &report.changes, &words);
            // A machine field: the same words in every language.
            let to = if args.to.is_some() { to_label } else { "the work tree".into() };
            let json = serde_json::json!({
                "from": from_rev,
                "to": to,
                "changes": changes,
                "effects": effects,
            });
            format!("{}\n", escape_json(serde_json::to_string_pretty(&json)?))
        }
        HistoryFormat::Human | HistoryFormat::Markdown => {
            let md = args.format == HistoryFormat::Markdown;
            let to_label = if args.to.is_some() {
                to_label
            } else {
                crate::i18n::t(words.locale, "history-work-tree")
            };
            render_diff(&report, &shown(&from_rev), &shown(&to_label), md, &words)
        }
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(Outcome::Success)
}

fn load_rev(root: &std::path::Path, rev: &str) -> anyhow::Result<load::Loaded> {
    let snap =
        history::snapshot(root, &history::Source::Revision(rev.to_string())).map_err(|e| {
            // The cause (git's words) is printed after it, as `caused by`.
            e.context(Failure(msg!("history-cannot-read-revision", rev = rev)))
        })?;
    Ok(load::load_files(root, snap.config, snap.files))
}

/// An effect as shown: `budget total henan 2026-12`, `37,000`, `36,500` (`河南分公司
/// 2026年12月预算合计`, `37,000`, `36,500` in Chinese, unit ids named by `units` there).
fn effect_words(
    effect: &Effect,
    units: &ConfigNames,
    locale: Locale,
) -> (String, Option<String>, Option<String>) {
    let what = match &effect.figure {
        Figure::BudgetTotal { unit, period } => {
            let period = period_shown(&period.to_string(), locale);
            msg!("history-effect-budget-total", unit = units.shown(unit, locale), period = period)
        }
        Figure::Headcount { unit } => {
            msg!("history-effect-headcount", unit = units.shown(unit, locale))
        }
    };
    let amount = |a: &Amount| match a {
        Amount::Money(m) => grouped(*m),
        Amount::Staffing { headcount, establishment } => {
            msg!("history-staffing", headcount = *headcount, establishment = *establishment)
                .text(locale)
        }
    };
    (what.text(locale), effect.before.as_ref().map(amount), effect.after.as_ref().map(amount))
}

/// An effect in English with unit ids, as JSON's machine fields give it.
fn effect_text(effect: &Effect, locale: Locale) -> (String, Option<String>, Option<String>) {
    effect_words(effect, &ConfigNames::default(), locale)
}

/// `budget total henan 2026-12: 37,100 → 36,600`,
/// `河南分公司 2026年12月预算合计：37,100 → 36,600`.
fn effect_line(effect: &Effect, words: &Words) -> String {
    let (what, before, after) = effect_words(effect, &words.units, words.locale);
    let before = before.unwrap_or_else(|| "—".into());
    let after = after.unwrap_or_else(|| "—".into());
    msg!("history-effect", what = shown(&what), before = before, after = after).text(words.locale)
}

fn render_diff(report: &DiffReport, from: &str, to: &str, md: bool, words: &Words) -> String {
    let mut out = String::new();
    if md {
        let heading = msg!("history-diff-heading", from = from, to = to).text(words.locale);
        let _ = writeln!(out, "### {heading}\n");
    } else {
        let _ = writeln!(out, "{from} → {to}");
    }
    if report.changes.is_empty() {
        let _ = writeln!(out, "{}", crate::i18n::t(words.locale, "history-no-change"));
        return out;
    }
    for change in &report.changes {
        write_change(&mut out, change, md, words);
    }
    if !report.effects.is_empty() {
        if md {
            let heading = crate::i18n::t(words.locale, "history-effects-heading");
            let _ = write!(out, "\n**{heading}**\n\n");
        } else {
            let _ = write!(out, "\n{}\n", crate::i18n::t(words.locale, "history-effects"));
        }
        for e in &report.effects {
            let _ = writeln!(out, "{}{}", if md { "- " } else { "    " }, effect_line(e, words));
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
    let words = Words::new(&loaded.workspace.config, global);
    let Some(doc) = loaded.workspace.documents.iter().find(|d| d.meta.path == rel) else {
        let path = args.document.display().to_string();
        let why = msg!("history-not-a-document", path = path);
        return Err(anyhow!(why.text(words.locale)));
    };
    let identity = history::identity(doc);
    let blame = match history::blame(&root, &identity, &rel, &history::to_value(doc))? {
        Ok(b) => b,
        Err(why) => return unavailable(&why, global, &words),
    };
    let text = match args.format {
        HistoryFormat::Json => {
            let mut json = serde_json::to_value(&blame)?;
            if let Some(object) = json.as_object_mut() {
                object.insert("label".into(), Value::String(words.doc(&identity)));
            }
            if let Some(lines) = json.get_mut("lines").and_then(Value::as_array_mut) {
                for (line, value) in blame.lines.iter().zip(lines) {
                    if let Some(object) = value.as_object_mut() {
                        let label = field_label(&line.path, &words.units, words.locale);
                        object.insert("description".into(), Value::String(label));
                    }
                }
            }
            format!("{}\n", escape_json(serde_json::to_string_pretty(&json)?))
        }
        HistoryFormat::Human | HistoryFormat::Markdown => {
            let doc =
                msg!("history-line-modified", doc = words.doc(&identity), path = shown_path(&rel));
            let mut out = format!("{}\n", shown(&doc.text(words.locale)));
            let listed = |l: &&history::BlameLine| {
                l.field != "body"
                    && l.field != "kind"
                    && !l.field.ends_with(".id")
                    && l.field != "id"
            };
            for line in blame.lines.iter().filter(listed) {
                let who = match (&line.commit, line.uncommitted) {
                    (_, true) => crate::i18n::t(words.locale, "history-uncommitted"),
                    (Some(c), _) => {
                        format!(
                            "{} {} {} — {}",
                            c.short,
                            c.date(),
                            shown(&c.author),
                            shown(&history::short(&c.summary))
                        )
                    }
                    (None, _) => crate::i18n::t(words.locale, "history-before-start"),
                };
                let value = value_of(&line.path, &line.value, &words.units, words.locale);
                let label = field_label(&line.path, &words.units, words.locale);
                let text = msg!("history-blame-line", label = label, value = value);
                let _ = writeln!(out, "  {}\n      {who}", shown(&text.text(words.locale)));
            }
            out
        }
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(Outcome::Success)
}
