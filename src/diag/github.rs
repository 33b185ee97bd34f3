//! `--format github`: GitHub Actions workflow commands, so diagnostics appear as annotations
//! on the changed lines of a pull request.

use std::path::Path;

use crate::diag::{Diagnostic, Severity};
use crate::i18n::Locale;
use crate::i18n::msg;
use crate::source::{Keep, SourceMap, escape_controls};

/// Renders one diagnostic as a `::error file=…,line=…::message` command.
pub fn render(
    diag: &Diagnostic,
    sources: &SourceMap,
    display_path: &dyn Fn(&Path) -> String,
    locale: Locale,
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
    let mut message = shown(&diag.message.text(locale));
    if let Some(note) = &diag.primary.note {
        message.push(' ');
        message.push_str(&shown(&msg!("diag-aside", note = note.clone()).text(locale)));
    }
    if let Some(help) = &diag.help {
        message.push('\n');
        message.push_str(&shown(&msg!("diag-help", help = help.clone()).text(locale)));
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
