//! planbook's diagnostics as the protocol's: the message with its help, the rule id as the
//! code, the other places that matter as related information, in the reader's language.

use lsp_types::{
    DiagnosticRelatedInformation, DiagnosticSeverity, NumberOrString, PublishDiagnosticsParams,
};

use crate::diag::{Diagnostic, Severity};
use crate::lsp::World;
use crate::source::FileId;

/// What the editor is told about file `file`: every diagnostic shown for it.
pub fn publish(world: &World, file: FileId) -> PublishDiagnosticsParams {
    let diagnostics = world.project.diagnostics(file).iter().map(|d| to_lsp(world, d)).collect();
    let version = world.project.version(file);
    PublishDiagnosticsParams { uri: world.uri(file), diagnostics, version }
}

/// One diagnostic for the editor.
pub fn to_lsp(world: &World, d: &Diagnostic) -> lsp_types::Diagnostic {
    let locale = world.locale;
    let mut message = d.message.text(locale);
    if let Some(note) = &d.primary.note {
        message.push('\n');
        message.push_str(&note.text(locale));
    }
    if let Some(help) = &d.help {
        message.push('\n');
        message.push_str(&help.text(locale));
    }
    let related: Vec<DiagnosticRelatedInformation> = d
        .related
        .iter()
        .map(|label| DiagnosticRelatedInformation {
            location: world.location(label.span),
            message: label.note.as_ref().map_or_else(|| d.message.text(locale), |n| n.text(locale)),
        })
        .collect();
    lsp_types::Diagnostic {
        range: world.range(d.primary.span),
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Note => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(d.rule.id.to_owned())),
        source: Some("planbook".to_owned()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..lsp_types::Diagnostic::default()
    }
}
