//! `--format github`: GitHub Actions workflow commands, so diagnostics appear as annotations
//! on the changed lines of a pull request.

use std::path::Path;

use crate::diag::{Diagnostic, Severity};
use crate::source::{Keep, SourceMap, escape_controls};

/// Renders one diagnostic as a `::error file=…,line=…::message` command.
pub fn render(
    diag: &Diagnostic,
    sources: &SourceMap,
    display_path: &dyn Fn(&Path) -> String,
) -> String {
    let (file, start, end) = diag.location(sources);
    let command = match diag.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "notice",
    };
    // Text from the user's files is escaped before the command's own encoding, so a value can
    // neither end the command early nor send escape sequences to the log viewer.
    let shown = |text: &str| escape_controls(text, Keep::Tabs).into_owned();
    let mut message = shown(&diag.message);
    if let Some(note) = &diag.primary.note {
        message.push_str(&format!(" ({})", shown(note)));
    }
    if let Some(help) = &diag.help {
        message.push_str(&format!("\nhelp: {}", shown(help)));
    }
    format!(
        "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
        property(&shown(&display_path(&file.path))),
        start.line,
        start.column,
        end.line,
        end.column,
        property(diag.rule.id),
        data(&message)
    )
}

fn data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}
