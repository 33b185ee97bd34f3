//! Compiler-style output: `error[rule]: message`, `--> path:line:col`, the original source
//! line, carets sized by display width (a CJK character is two columns), notes and help.
//!
//! Messages, notes, help, paths and excerpts embed text from the user's files, so everything
//! printed goes through [`escape_controls`]: a value cannot clear the screen or reorder a line.

use std::fmt::Write;
use std::path::Path;

use unicode_width::UnicodeWidthChar;

use crate::diag::{Applicability, Diagnostic, Label, Severity};
use crate::i18n::msg;
use crate::i18n::{Locale, t};
use crate::source::{Keep, SourceFile, SourceMap, escape_controls};

/// Tabs in excerpts are shown as this many spaces.
const TAB_WIDTH: usize = 4;

/// ANSI styles, or none.
#[derive(Debug, Clone, Copy)]
pub struct Styles {
    on: bool,
}

impl Styles {
    /// Colours when `on`.
    pub fn new(on: bool) -> Styles {
        Styles { on }
    }

    fn paint(&self, code: &str, text: &str) -> String {
        if self.on { format!("\x1b[{code}m{text}\x1b[0m") } else { text.to_string() }
    }

    fn severity(&self, severity: Severity, text: &str) -> String {
        let code = match severity {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Note => "1;36",
        };
        self.paint(code, text)
    }

    fn gutter(&self, text: &str) -> String {
        self.paint("1;34", text)
    }

    fn bold(&self, text: &str) -> String {
        self.paint("1", text)
    }
}

/// Renders one diagnostic. `display_path` turns a repository-relative path into the path
/// shown to the user (relative to where they ran planbook).
pub fn render(
    diag: &Diagnostic,
    sources: &SourceMap,
    display_path: &dyn Fn(&Path) -> String,
    styles: Styles,
    locale: Locale,
) -> String {
    let mut out = String::new();
    let head = format!("{}[{}]", diag.severity.word(locale), diag.rule.id);
    let _ = writeln!(
        out,
        "{}{}",
        styles.severity(diag.severity, &head),
        styles.bold(&shown(&msg!("diag-headline", message = diag.message.clone()).text(locale)))
    );
    let labels: Vec<&Label> = std::iter::once(&diag.primary).chain(&diag.related).collect();
    let width = labels
        .iter()
        .map(|l| sources.get(l.span.file).line_col(l.span.start).line.to_string().len())
        .max()
        .unwrap_or(1);
    let pad = " ".repeat(width);
    for (i, label) in labels.iter().enumerate() {
        let file = sources.get(label.span.file);
        let pos = file.line_col(label.span.start);
        let arrow = if i == 0 { "-->" } else { ":::" };
        let path = shown(&display_path(&file.path)).into_owned();
        let _ = writeln!(out, "{pad}{} {path}:{}:{}", styles.gutter(arrow), pos.line, pos.column);
        if file.text.is_empty() {
            continue;
        }
        let _ = writeln!(out, "{pad} {}", styles.gutter("|"));
        let (text, offset, len) = excerpt(file, label);
        let line_no = format!("{:>width$}", pos.line);
        let _ = writeln!(out, "{} {} {}", styles.gutter(&line_no), styles.gutter("|"), text);
        let marker = if i == 0 { "^" } else { "-" };
        let carets = marker.repeat(len.max(1));
        let note = label.note.as_ref().map(|n| format!(" {}", shown(&n.text(locale))));
        let note = note.unwrap_or_default();
        let underline = format!("{carets}{note}");
        let underline = if i == 0 {
            styles.severity(diag.severity, &underline)
        } else {
            styles.gutter(&underline)
        };
        let _ = writeln!(out, "{pad} {} {}{underline}", styles.gutter("|"), " ".repeat(offset));
    }
    if let Some(help) = &diag.help {
        let _ = writeln!(
            out,
            "{pad} {} {}",
            styles.gutter("="),
            styles.bold(&shown(&msg!("diag-help", help = help.clone()).text(locale)))
        );
    }
    for fix in &diag.fixes {
        let title = fix.title.clone();
        let line = match fix.applicability {
            Applicability::Safe => msg!("fix-shown-safe", title = title),
            Applicability::Unsafe => msg!("fix-shown-unsafe", title = title),
        };
        let _ = writeln!(out, "{pad} {} {}", styles.gutter("="), shown(&line.text(locale)));
    }
    out
}

/// A unified diff of one file's text before and after `check --fix` (three lines of context,
/// `--- a/path` and `+++ b/path` headers), removed lines red and added ones green. Lines are
/// shown without their line ends (a CRLF file reads like any other) and escaped like every
/// excerpt.
pub fn render_diff(path: &str, old: &str, new: &str, styles: Styles) -> String {
    // Patience with a deadline: thousands of changed lines never cost more than a moment (past
    // it, the diff is coarser, never wrong).
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(1);
    let diff = similar::TextDiff::configure()
        .algorithm(similar::Algorithm::Patience)
        .deadline(deadline)
        .diff_lines(old, new);
    let (a, b) = (format!("a/{path}"), format!("b/{path}"));
    let text = diff.unified_diff().context_radius(3).header(&a, &b).to_string();
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let line = shown(line);
        let painted = if line.starts_with("---") || line.starts_with("+++") {
            styles.bold(&line)
        } else if line.starts_with("@@") {
            styles.paint("36", &line)
        } else if line.starts_with('+') {
            styles.paint("32", &line)
        } else if line.starts_with('-') {
            styles.paint("31", &line)
        } else {
            line.into_owned()
        };
        out.push_str(&painted);
        out.push('\n');
    }
    out
}

/// Text from the user's files or git, made safe for a terminal line.
fn shown(text: &str) -> std::borrow::Cow<'_, str> {
    escape_controls(text, Keep::Tabs)
}

/// The label's line with tabs expanded and control characters and bidirectional controls shown
/// as escapes, the display column where the span starts, and the display width of the span on
/// that line.
fn excerpt(file: &SourceFile, label: &Label) -> (String, usize, usize) {
    let index = file.line_index(label.span.start);
    let line_start = file.line_start(index);
    let line = file.line_text(index);
    let start = (label.span.start as usize).saturating_sub(line_start).min(line.len());
    let end = (label.span.end as usize).saturating_sub(line_start).clamp(start, line.len());
    let mut text_shown = String::new();
    let (mut col, mut offset, mut width) = (0, 0, 0);
    for (i, c) in line.char_indices() {
        if i == start {
            offset = col;
        }
        let (text, w): (String, usize) = match c {
            '\t' => (" ".repeat(TAB_WIDTH), TAB_WIDTH),
            '\u{feff}' => (String::new(), 0),
            c => {
                let mut buf = [0; 4];
                match shown(c.encode_utf8(&mut buf)) {
                    std::borrow::Cow::Borrowed(_) => (c.to_string(), c.width().unwrap_or(0)),
                    std::borrow::Cow::Owned(escape) => {
                        let w = escape.len();
                        (escape, w)
                    }
                }
            }
        };
        if i >= start && i < end {
            width += w;
        }
        text_shown.push_str(&text);
        col += w;
    }
    if start >= line.len() {
        offset = col;
    }
    crop(text_shown, offset, width)
}

/// Lines wider than this are cut down to a window around the span.
const MAX_EXCERPT: usize = 120;

/// Cuts a long excerpt to a window around the span, marking cuts with `...`.
fn crop(shown: String, offset: usize, width: usize) -> (String, usize, usize) {
    let total: usize = shown.chars().map(|c| c.width().unwrap_or(0)).sum();
    if total <= MAX_EXCERPT {
        return (shown, offset, width);
    }
    let width = width.min(MAX_EXCERPT / 2);
    let from = offset.saturating_sub(MAX_EXCERPT / 3);
    let to = (offset + width + MAX_EXCERPT / 3).min(total);
    let mut out = String::new();
    let mut col = 0;
    for c in shown.chars() {
        let w = c.width().unwrap_or(0);
        if col >= from && col + w <= to {
            out.push(c);
        }
        col += w;
    }
    let (prefix, new_offset) = if from > 0 { ("...", offset - from + 3) } else { ("", offset) };
    let suffix = if to < total { "..." } else { "" };
    (format!("{prefix}{out}{suffix}"), new_offset, width)
}

/// One line: `path:line:col: severity[rule]: message`, for editors' quickfix lists.
pub fn render_short(
    diag: &Diagnostic,
    sources: &SourceMap,
    display_path: &dyn Fn(&Path) -> String,
    locale: Locale,
) -> String {
    let (file, pos, _) = diag.location(sources);
    let mut line = format!(
        "{}:{}:{}: {}[{}]: {}",
        shown(&display_path(&file.path)),
        pos.line,
        pos.column,
        diag.severity.word(locale),
        diag.rule.id,
        shown(&diag.message.text(locale))
    );
    if let Some(note) = &diag.primary.note {
        line.push(' ');
        line.push_str(&shown(&msg!("diag-aside", note = note.clone()).text(locale)));
    }
    line
}

/// The closing summary line, e.g. `checked 3 files at HEAD~1 (3f2a9c1): 2 errors, 1 warning`;
/// `place` says where the files were read from when that was not the work tree.
pub fn summary(
    counts: crate::diag::Counts,
    files: usize,
    place: Option<&str>,
    styles: Styles,
    locale: Locale,
) -> String {
    let mut parts = Vec::new();
    if counts.errors > 0 {
        let text = msg!("diag-count-errors", count = counts.errors).text(locale);
        parts.push(styles.severity(Severity::Error, &text));
    }
    if counts.warnings > 0 {
        let text = msg!("diag-count-warnings", count = counts.warnings).text(locale);
        parts.push(styles.severity(Severity::Warning, &text));
    }
    if counts.notes > 0 {
        let text = msg!("diag-count-notes", count = counts.notes).text(locale);
        parts.push(styles.severity(Severity::Note, &text));
    }
    let place = place.map(|p| format!(" {p}")).unwrap_or_default();
    let summary = if parts.is_empty() {
        msg!("diag-summary-clean", files = files, place = place)
    } else {
        let list = parts.join(&t(locale, "list-separator"));
        msg!("diag-summary", files = files, place = place, problems = list)
    };
    summary.text(locale)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::rules;
    use crate::source::Span;
    const EN: Locale = Locale::En;

    #[test]
    fn carets_follow_display_width() {
        let mut sources = SourceMap::default();
        let text = "name: 工资\n\tamount: 46000\n";
        let file = sources.add("b.yaml".into(), text.to_string());
        let start = text.find("工资").unwrap();
        let diag = Diagnostic::new(
            &rules::SCHEMA_TYPE,
            crate::i18n::Msg::verbatim("bad"),
            Span::new(file, start, start + 6),
        );
        let out = render(&diag, &sources, &|p| p.display().to_string(), Styles::new(false), EN);
        assert!(out.contains("--> b.yaml:1:7"), "{out}");
        assert!(out.contains("1 | name: 工资\n  |       ^^^^\n"), "{out}");
        let start = text.find("46000").unwrap();
        let diag = Diagnostic::new(
            &rules::SCHEMA_TYPE,
            crate::i18n::Msg::verbatim("bad"),
            Span::new(file, start, start + 5),
        );
        let out = render(&diag, &sources, &|p| p.display().to_string(), Styles::new(false), EN);
        assert!(out.contains("2 |     amount: 46000\n  |             ^^^^^\n"), "{out}");
    }

    #[test]
    fn fixes_are_shown_under_the_help_in_both_languages() {
        use crate::diag::{Applicability, Fix};
        let mut sources = SourceMap::default();
        let file = sources.add("b.yaml".into(), "amount：12,000\n".to_string());
        let span = Span::new(file, 9, 15);
        let safe = Fix::replace(
            crate::i18n::Msg::verbatim("write 12000"),
            Applicability::Safe,
            span,
            "12000",
        );
        let title = crate::i18n::Msg::verbatim("set 4400");
        let risky = Fix::replace(title, Applicability::Unsafe, span, "4400");
        let diag = Diagnostic::new(&rules::SCHEMA_TYPE, crate::i18n::Msg::verbatim("bad"), span)
            .fix(safe)
            .fix(risky);
        let show = |p: &Path| p.display().to_string();
        let out = render(&diag, &sources, &show, Styles::new(false), EN);
        let unsafe_line = "  = unsafe fix: set 4400 (made only with `--fix --unsafe-fixes`)\n";
        assert!(out.ends_with(&format!("  = fix: write 12000\n{unsafe_line}")), "{out}");
        let zh = render(&diag, &sources, &show, Styles::new(false), Locale::ZhCn);
        assert!(zh.contains("  = 可自动修正：write 12000\n"), "{zh}");
    }

    #[test]
    fn a_diff_shows_changed_lines_without_line_ends_and_escaped() {
        let old = "a: 1\r\nb: 2\r\nc: \u{1b}[2J\r\n";
        let new = "a: 1\r\nb: 3\r\nc: \u{1b}[2J\r\n";
        let out = render_diff("x.yaml", old, new, Styles::new(false));
        assert_eq!(
            out,
            "--- a/x.yaml\n+++ b/x.yaml\n@@ -1,3 +1,3 @@\n a: 1\n-b: 2\n+b: 3\n c: \\u{1b}[2J\n"
        );
        let painted = render_diff("x.yaml", old, new, Styles::new(true));
        assert!(painted.contains("\x1b[31m-b: 2\x1b[0m\n\x1b[32m+b: 3\x1b[0m\n"), "{painted:?}");
        assert_eq!(render_diff("x.yaml", old, old, Styles::new(false)), "");
    }
}
