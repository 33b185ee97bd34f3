//! `--format github`: GitHub Actions workflow commands, so diagnostics appear as annotations
//! on the changed lines of a pull request.

use std::path::Path;

use crate::diag::{Diagnostic, Severity};
use crate::source::SourceMap;

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
    let mut message = diag.message.clone();
    if let Some(note) = &diag.primary.note {
        message.push_str(&format!(" ({note})"));
    }
    if let Some(help) = &diag.help {
        message.push_str(&format!("\nhelp: {help}"));
    }
    format!(
        "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
        property(&display_path(&file.path)),
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
