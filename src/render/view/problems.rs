//! The problems page: what `planbook check` reports on the published documents, as the
//! terminal shows it (without colours).

use serde::Serialize;

use crate::diag::{Counts, Diagnostic, human};
use crate::i18n::Locale;
use crate::render::view::attention::problem_anchor;
use crate::render::view::common::CountsView;
use crate::render::view::site::Link;
use crate::source::SourceMap;

/// The problems page: the current diagnostics as plain text.
#[derive(Debug, Serialize)]
pub struct ProblemsView {
    /// The diagnostics, counted.
    pub counts: CountsView,
    /// Each diagnostic.
    pub items: Vec<ProblemItem>,
    /// The documents that could not be read: links to their pages, which show their problems.
    pub broken: Vec<Link>,
}

/// One diagnostic.
#[derive(Debug, Serialize)]
pub struct ProblemItem {
    /// `error`, `warning` or `note`.
    pub severity: &'static str,
    /// The severity in words.
    pub severity_text: String,
    /// The rule id.
    pub rule: &'static str,
    /// The message.
    pub message: String,
    /// The whole diagnostic as the terminal shows it, without colours.
    pub text: String,
    /// On the first diagnostic of each file: the anchor the attention lists link to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
}

impl ProblemsView {
    /// The view of `diags`, with paths relative to the repository root.
    pub fn new(diags: &[Diagnostic], sources: &SourceMap, locale: Locale) -> ProblemsView {
        let show = |p: &std::path::Path| p.to_string_lossy().replace('\\', "/");
        let mut seen = std::collections::HashSet::new();
        ProblemsView {
            counts: CountsView::new(Counts::of(diags), locale),
            items: diags
                .iter()
                .map(|d| ProblemItem {
                    severity: d.severity.as_str(),
                    severity_text: d.severity.word(locale),
                    rule: d.rule.id,
                    message: d.message.text(locale),
                    text: human::render(d, sources, &show, human::Styles::new(false), locale),
                    anchor: seen
                        .insert(d.primary.span.file)
                        .then(|| problem_anchor(&show(sources.path(d.primary.span.file)))),
                })
                .collect(),
            broken: Vec::new(),
        }
    }
}
