//! Documents that could not be read: a file with error diagnostics that did not load as a
//! document. The handbook still gives each one a page (at the URL its document would have had
//! when its kind, unit and period can be told), which shows its problems instead of content,
//! and marks every link to it; `cli` reports them after a build.
//!
//! [`broken_documents`] is the one place that decides which documents are broken and what
//! they are; [`sniff`] reads the top-level lines of a text that did not parse, for a title,
//! `private:` and a broken roster's people; [`unreadable`] adds the problems its page shows.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::diag::Diagnostic;
use crate::i18n::Locale;
use crate::model::period::Period;
use crate::model::{Kind, Workspace};
use crate::source::{FileId, SourceFile, SourceMap};

/// A document file with errors that did not load as a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenDoc {
    /// The file.
    pub file: FileId,
    /// Its path relative to the repository root.
    pub path: PathBuf,
    /// Its kind, when its `kind:` line or its file name tells.
    pub kind: Option<Kind>,
    /// Its unit, from its `unit:` line, else its folder when that is a unit's id.
    pub unit: Option<String>,
    /// Its period, from its `period:` line, else its file name (`2026-12.budget.yaml`).
    pub period: Option<Period>,
}

/// Every document that could not be read at all (`Workspace::broken`, whole; not
/// `planbook.yaml`), in path order, with what its text and name tell about it. A document of
/// which a part loaded has its own page, made from that part.
pub fn broken_documents(ws: &Workspace) -> Vec<BrokenDoc> {
    let units: HashSet<&str> = ws.config.units.iter().map(|u| u.id.value.as_str()).collect();
    let mut broken: Vec<BrokenDoc> = ws
        .broken
        .iter()
        .filter(|b| b.is_whole() && b.file != ws.config_file && is_document_path(&b.path))
        .map(|b| {
            let folder = b.path.parent().and_then(Path::file_name).map(|n| n.to_string_lossy());
            let unit = b
                .unit
                .clone()
                .or_else(|| folder.filter(|n| units.contains(n.as_ref())).map(|n| n.into_owned()));
            BrokenDoc { file: b.file, path: b.path.clone(), kind: b.kind, unit, period: b.period }
        })
        .collect();
    broken.sort_by(|a, b| a.path.cmp(&b.path));
    broken
}

/// The problems of each document of which only a part loaded (`Broken::partial`), worded in
/// `locale`: its page shows what loaded, and says what was left out.
pub fn partial_problems(
    ws: &Workspace,
    diagnostics: &[Diagnostic],
    locale: Locale,
) -> HashMap<FileId, Vec<Problem>> {
    let partial: HashSet<FileId> = ws.broken.iter().filter(|b| b.partial).map(|b| b.file).collect();
    let mut out: HashMap<FileId, Vec<Problem>> = HashMap::new();
    for d in diagnostics.iter().filter(|d| partial.contains(&d.primary.span.file)) {
        let Some(source) = source_of(&ws.sources, d.primary.span.file) else { continue };
        if d.severity == crate::diag::Severity::Error {
            out.entry(d.primary.span.file).or_default().push(problem(d, source, locale));
        }
    }
    out
}

/// A broken document, with what its text tells and its problems: what its page is made from.
#[derive(Debug, Clone)]
pub struct Unreadable {
    /// The document.
    pub doc: BrokenDoc,
    /// What its top-level lines say.
    pub sniffed: Sniffed,
    /// Its problems, worded.
    pub problems: Vec<Problem>,
}

/// The broken documents of `ws` (see [`broken_documents`]), with what their top-level lines
/// say (`private: true` among them) and their problems worded in `locale`.
pub fn unreadable(ws: &Workspace, diagnostics: &[Diagnostic], locale: Locale) -> Vec<Unreadable> {
    let broken = broken_documents(ws);
    let files: HashSet<FileId> = broken.iter().map(|b| b.file).collect();
    let mut by_file: HashMap<FileId, Vec<&Diagnostic>> = HashMap::new();
    for d in diagnostics.iter().filter(|d| files.contains(&d.primary.span.file)) {
        by_file.entry(d.primary.span.file).or_default().push(d);
    }
    broken
        .into_iter()
        .filter_map(|doc| {
            let source = source_of(&ws.sources, doc.file)?;
            let sniffed = sniff(&source.text, is_markdown(&doc.path));
            let diags = by_file.get(&doc.file).map_or(&[][..], Vec::as_slice);
            let problems = diags.iter().map(|d| problem(d, source, locale)).collect();
            Some(Unreadable { doc, sniffed, problems })
        })
        .collect()
}

/// File `id` of `sources`, if it has one.
fn source_of(sources: &SourceMap, id: FileId) -> Option<&SourceFile> {
    (usize::try_from(id.0).ok()? < sources.len()).then(|| sources.get(id))
}

/// Whether `path` names a document file (what `load::walk` reads).
fn is_document_path(path: &Path) -> bool {
    let ext = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase());
    matches!(ext.as_deref(), Some("yaml" | "yml" | "md" | "markdown"))
}

/// Whether `path` names a Markdown file.
pub fn is_markdown(path: &Path) -> bool {
    let ext = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase());
    matches!(ext.as_deref(), Some("md" | "markdown"))
}

/// What the top-level lines of a text that did not parse say.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Sniffed {
    /// `kind:`.
    pub kind: Option<String>,
    /// `unit:`.
    pub unit: Option<String>,
    /// `period:`.
    pub period: Option<String>,
    /// `title:`.
    pub title: Option<String>,
    /// `private: true`.
    pub private: bool,
    /// A roster's people (`- id:` and `name:` under `people:`): id and name.
    pub people: Vec<(String, String)>,
}

/// How many people of a broken roster are kept at most.
const MAX_PEOPLE: usize = 10_000;

/// Reads `key: value` lines at the start of a line (of the front matter, for Markdown), and the
/// `id` and `name` of each item under a top-level `people:`. A best guess at what a document
/// that did not parse is: nothing here is checked.
pub fn sniff(text: &str, markdown: bool) -> Sniffed {
    let mut lines = text.strip_prefix('\u{feff}').unwrap_or(text).lines();
    if markdown && lines.next().map(str::trim_end) != Some("---") {
        return Sniffed::default();
    }
    let mut found = Sniffed::default();
    let mut in_people = false;
    for line in lines {
        if markdown && line.trim_end() == "---" {
            break;
        }
        if !line.starts_with([' ', '\t', '-', '#']) && !line.trim().is_empty() {
            in_people = false;
            let Some((key, value)) = line.split_once(':') else { continue };
            let value = scalar(value);
            match key.trim() {
                "kind" => found.kind = value,
                "unit" => found.unit = value,
                "period" => found.period = value,
                "title" => found.title = value,
                // Fail closed: anything but a plain `false` keeps a broken document private.
                "private" => found.private = value.as_deref() != Some("false"),
                "people" => in_people = true,
                _ => {}
            }
        } else if in_people && found.people.len() < MAX_PEOPLE {
            let item = line.trim_start();
            let (item, new) = match item.strip_prefix('-') {
                Some(rest) => (rest.trim_start(), true),
                None => (item, false),
            };
            if new && let Some(flow) = item.strip_prefix('{') {
                // `- { id: p013, name: 高磊, … }`
                let pairs = flow.trim_end().trim_end_matches('}').split(',');
                let pairs: Vec<(&str, Option<String>)> = pairs
                    .filter_map(|p| p.split_once(':'))
                    .map(|(k, v)| (k.trim(), scalar(v)))
                    .collect();
                let get =
                    |key: &str| pairs.iter().find(|(k, _)| *k == key).and_then(|p| p.1.clone());
                if let Some(id) = get("id") {
                    found.people.push((id, get("name").unwrap_or_default()));
                }
                continue;
            }
            let Some((key, value)) = item.split_once(':') else { continue };
            let Some(value) = scalar(value) else { continue };
            match key.trim() {
                "id" if new => found.people.push((value, String::new())),
                "id" => {}
                "name" => {
                    if let Some(last) = found.people.last_mut().filter(|p| p.1.is_empty()) {
                        last.1 = value;
                    }
                }
                _ => {}
            }
        }
    }
    found.people.retain(|(id, _)| !id.is_empty());
    found
}

/// A plain scalar's text: comments and quotes taken off; `None` when empty.
fn scalar(value: &str) -> Option<String> {
    let value = value.trim();
    let value = match value.find(" #") {
        Some(at) => value.get(..at).unwrap_or(value).trim_end(),
        None if value.starts_with('#') => "",
        None => value,
    };
    let value = value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
        .unwrap_or(value);
    (!value.is_empty()).then(|| value.to_string())
}

/// One problem of a broken document, as its page shows it.
#[derive(Debug, Clone, Serialize, Hash)]
pub struct Problem {
    /// `error`, `warning` or `note`.
    pub severity: &'static str,
    /// The severity in words.
    pub severity_text: String,
    /// The rule id.
    pub rule: &'static str,
    /// What is wrong.
    pub message: String,
    /// `line:column` (1-based; the column in characters).
    pub location: String,
    /// The line number.
    pub line: usize,
    /// The source line before the spot.
    pub before: String,
    /// The spot (at least one character when the line has one there).
    pub spot: String,
    /// The source line after the spot.
    pub after: String,
    /// Spaces and carets under the spot, by display width, for plain text.
    pub caret: String,
    /// Spaces as wide as the line number, to align the caret line under the source line.
    pub gutter: String,
    /// What to do about it.
    pub help: Option<String>,
}

fn problem(d: &Diagnostic, source: &SourceFile, locale: Locale) -> Problem {
    let text = crate::source::escape_controls;
    let at = source.line_col(d.primary.span.start);
    let index = at.line.saturating_sub(1);
    let line = source.line_text(index);
    let from = (d.primary.span.start as usize).saturating_sub(source.line_start(index));
    let from = floor_boundary(line, from.min(line.len()));
    let end = (d.primary.span.end as usize).saturating_sub(source.line_start(index));
    let mut to = floor_boundary(line, end.clamp(from, line.len()));
    if to == from {
        to = line.get(from..).and_then(|r| r.chars().next()).map_or(from, |c| from + c.len_utf8());
    }
    let (before, spot, after) = (
        line.get(..from).unwrap_or(""),
        line.get(from..to).unwrap_or(""),
        line.get(to..).unwrap_or(""),
    );
    let keep = crate::source::Keep::Tabs;
    Problem {
        severity: d.severity.as_str(),
        severity_text: d.severity.word(locale),
        rule: d.rule.id,
        message: d.message.text(locale),
        location: format!("{}:{}", at.line, at.column),
        line: at.line,
        gutter: " ".repeat(at.line.to_string().len()),
        caret: format!("{}{}", " ".repeat(before.width()), "^".repeat(spot.width().max(1))),
        before: text(before, keep).into_owned(),
        spot: text(spot, keep).into_owned(),
        after: text(after, keep).into_owned(),
        help: d.help.as_ref().map(|h| h.text(locale)),
    }
}

/// The largest char boundary of `text` at or before `at`.
fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_top_level_lines_and_people() {
        let text = "kind: roster # a comment\nunit: \"henan\"\ntitle: 名册\n\
                    posts:\n  - id: gm\n    title: 总经理\n\
                    people:\n  - id: p001\n    name: 王\n\
                    \x20 - id: p002\n     post: x\n    name: 李\n\
                    \x20 - { id: p013, name: \"高磊\", post: rep }\nas_of: 2026-12-01\n";
        let s = sniff(text, false);
        assert_eq!(s.kind.as_deref(), Some("roster"));
        assert_eq!(s.unit.as_deref(), Some("henan"));
        assert_eq!(s.title.as_deref(), Some("名册"));
        assert!(!s.private);
        let bom = "\u{feff}---\nkind: plan\nprivate: True\n---\n";
        assert!(sniff(bom, true).private, "a BOM and any spelling of true keep it private");
        let people: Vec<(String, String)> = [("p001", "王"), ("p002", "李"), ("p013", "高磊")]
            .map(|(a, b)| (a.into(), b.into()))
            .into();
        assert_eq!(s.people, people);
        let md = "---\nkind: plan\nperiod: 2026-12\nprivate: true\n---\nunit: body\n";
        let s = sniff(md, true);
        assert_eq!((s.kind.as_deref(), s.unit, s.private), (Some("plan"), None, true));
        assert_eq!(sniff("unit: x\n", true), Sniffed::default());
    }
}
