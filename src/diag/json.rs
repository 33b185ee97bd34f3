//! `--format json`: one JSON object per diagnostic, one per line.

use std::borrow::Cow;
use std::path::Path;

use serde::Serialize;

use crate::diag::{Applicability, Diagnostic, Label};
use crate::i18n::Locale;
use crate::source::{Keep, SourceMap, escape_controls};

/// The JSON shape of a diagnostic. Lines and columns are 1-based; columns count characters;
/// `end_line`/`end_column` point just past the last character.
#[derive(Debug, Serialize)]
pub struct JsonDiagnostic<'a> {
    /// Rule id.
    pub rule: &'a str,
    /// `error`, `warning` or `note`.
    pub severity: &'a str,
    /// One-line message.
    pub message: String,
    /// Path of the file, as shown to the user.
    pub file: String,
    /// Start line.
    pub line: usize,
    /// Start column.
    pub column: usize,
    /// End line.
    pub end_line: usize,
    /// End column (exclusive).
    pub end_column: usize,
    /// Note under the primary location, if any.
    pub note: Option<String>,
    /// Hint.
    pub help: Option<String>,
    /// Other places that matter.
    pub related: Vec<JsonLabel>,
    /// Edits that fix it; left out when the help is not a sure edit.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fixes: Vec<JsonFix>,
}

/// A fix: its title, whether `check --fix` applies it alone, and its edits.
#[derive(Debug, Serialize)]
pub struct JsonFix {
    /// What it does.
    pub title: String,
    /// `safe` (applied by `--fix`) or `unsafe` (only with `--unsafe-fixes`).
    pub applicability: Applicability,
    /// Replace each range with its text.
    pub edits: Vec<JsonEdit>,
}

/// One edit: a range (1-based lines and character columns, end exclusive; also as byte
/// offsets into the file) and its new text.
#[derive(Debug, Serialize)]
pub struct JsonEdit {
    /// Path.
    pub file: String,
    /// Start line.
    pub line: usize,
    /// Start column.
    pub column: usize,
    /// End line.
    pub end_line: usize,
    /// End column (exclusive).
    pub end_column: usize,
    /// Start byte offset in the file.
    pub start_byte: u32,
    /// End byte offset (exclusive).
    pub end_byte: u32,
    /// The replacement text.
    pub text: String,
}

/// A related location.
#[derive(Debug, Serialize)]
pub struct JsonLabel {
    /// Path.
    pub file: String,
    /// Line.
    pub line: usize,
    /// Column.
    pub column: usize,
    /// What about it.
    pub note: Option<String>,
}

/// Renders one diagnostic as a single line of JSON.
pub fn render<'a>(
    diag: &'a Diagnostic,
    sources: &SourceMap,
    display_path: &dyn Fn(&Path) -> String,
    locale: Locale,
) -> String {
    let (file, start, end) = diag.location(sources);
    let label = |l: &'a Label| -> JsonLabel {
        let f = sources.get(l.span.file);
        let pos = f.line_col(l.span.start);
        JsonLabel {
            file: display_path(&f.path),
            line: pos.line,
            column: pos.column,
            note: l.note.as_ref().map(|n| n.text(locale)),
        }
    };
    let json = JsonDiagnostic {
        rule: diag.rule.id,
        severity: diag.severity.as_str(),
        message: diag.message.text(locale),
        file: display_path(&file.path),
        line: start.line,
        column: start.column,
        end_line: end.line,
        end_column: end.column,
        note: diag.primary.note.as_ref().map(|n| n.text(locale)),
        help: diag.help.as_ref().map(|h| h.text(locale)),
        related: diag.related.iter().map(label).collect(),
        fixes: diag
            .fixes
            .iter()
            .map(|f| JsonFix {
                title: f.title.text(locale),
                applicability: f.applicability,
                edits: f
                    .edits
                    .iter()
                    .map(|e| {
                        let f = sources.get(e.span.file);
                        let (start, end) = (f.line_col(e.span.start), f.line_col(e.span.end));
                        JsonEdit {
                            file: display_path(&f.path),
                            line: start.line,
                            column: start.column,
                            end_line: end.line,
                            end_column: end.column,
                            start_byte: e.span.start,
                            end_byte: e.span.end,
                            text: e.text.clone(),
                        }
                    })
                    .collect(),
            })
            .collect(),
    };
    escape_json(serde_json::to_string(&json).expect("diagnostics serialise to JSON"))
}

/// Rewrites the characters serde_json leaves raw but a terminal or log viewer may act on (DEL,
/// C1 controls, bidirectional controls) as `\uXXXX` escapes. Such characters only occur inside
/// JSON strings, so the text still parses to the same values.
///
/// # Examples
///
/// ```
/// use planbook::diag::json::escape_json;
/// let json = serde_json::to_string("a\u{9b}2J\u{202e}").unwrap();
/// assert_eq!(escape_json(json), r#""a\u009b2J\u202e""#);
/// assert_eq!(escape_json("[\n  \"中\"\n]".into()), "[\n  \"中\"\n]");
/// ```
pub fn escape_json(json: String) -> String {
    // C0 controls are escaped by serde_json inside strings; outside them, `\n` and spaces lay
    // out pretty-printed JSON.
    let raw = |c: char| {
        u32::from(c) >= 0x7f
            && matches!(escape_controls(c.encode_utf8(&mut [0; 4]), Keep::Tabs), Cow::Owned(_))
    };
    if !json.chars().any(raw) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if raw(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}
