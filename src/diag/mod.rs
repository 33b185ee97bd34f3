//! Diagnostics: what is wrong, where, and what would fix it. The product's most visible type.
//!
//! Stages produce [`Diagnostic`]s; `cli` prints them with [`human`], [`json`] or [`github`].

pub mod baseline;
pub mod fix;
pub mod github;
pub mod human;
pub mod json;
pub mod rules;
pub mod suggest;
pub mod suppress;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::i18n::Msg;
use crate::model::config::Level;
use crate::source::{LineCol, SourceFile, SourceMap, Span};

pub use rules::Rule;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Fails `planbook check`.
    Error,
    /// Should be looked at; fails only with `--deny-warnings`.
    Warning,
    /// For information.
    Note,
}

impl Severity {
    /// The word printed before the rule id, in `locale`: `error`, `错误`.
    pub fn word(self, locale: crate::i18n::Locale) -> String {
        match self {
            Severity::Error => crate::i18n::t(locale, "severity-error"),
            Severity::Warning => crate::i18n::t(locale, "severity-warning"),
            Severity::Note => crate::i18n::t(locale, "severity-note"),
        }
    }

    /// The severity's name in JSON and configuration: `error`, `warning`, `note`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

/// A place in the source, with an optional note printed under the carets.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// Where.
    pub span: Span,
    /// What about it.
    pub note: Option<Msg>,
}

impl Label {
    /// A label without a note.
    pub fn new(span: Span) -> Label {
        Label { span, note: None }
    }

    /// A label with a note.
    pub fn with_note(span: Span, note: impl Into<Msg>) -> Label {
        Label { span, note: Some(note.into()) }
    }
}

/// A problem in the user's documents: what, where, and what would fix it.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// The rule that found it.
    pub rule: &'static Rule,
    /// Its severity, after `planbook.yaml` overrides.
    pub severity: Severity,
    /// One line: what is wrong.
    pub message: Msg,
    /// Where; always present.
    pub primary: Label,
    /// Other places that matter.
    pub related: Vec<Label>,
    /// What to do about it.
    pub help: Option<Msg>,
    /// Edits that would fix it, when the help is a sure edit (`check --fix` applies them).
    pub fixes: Vec<Fix>,
}

/// Whether a fix may be applied without a person looking at it, as rustc marks suggestions
/// machine-applicable or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// The edit is what the writer meant: `check --fix` applies it.
    Safe,
    /// The edit is likely right but changes meaning (a figure, a reference): applied only with
    /// `--fix --unsafe-fixes`.
    Unsafe,
}

/// One edit that fixes a diagnostic: replace the bytes of `span` with `replacement`.
///
/// A fix with several edits (a quote on each side) lists them all; they never overlap.
#[derive(Debug, Clone, PartialEq)]
pub struct Fix {
    /// What the fix does, in a few words: "replace `：` with `:`".
    pub title: Msg,
    /// Safe or unsafe.
    pub applicability: Applicability,
    /// The edits, each a span of the diagnostic's files and its new text.
    pub edits: Vec<Edit>,
}

/// Replace the bytes of `span` with `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// The bytes to replace (empty to insert).
    pub span: Span,
    /// The new text.
    pub text: String,
}

impl Fix {
    /// A fix that replaces one span.
    pub fn replace(
        title: impl Into<Msg>,
        applicability: Applicability,
        span: Span,
        text: impl Into<String>,
    ) -> Fix {
        Fix { title: title.into(), applicability, edits: vec![Edit { span, text: text.into() }] }
    }
}

impl Diagnostic {
    /// A diagnostic of `rule` at its default severity.
    pub fn new(rule: &'static Rule, message: impl Into<Msg>, span: Span) -> Diagnostic {
        Diagnostic {
            rule,
            severity: rule.default,
            message: message.into(),
            primary: Label::new(span),
            related: Vec::new(),
            help: None,
            fixes: Vec::new(),
        }
    }

    /// Adds a note under the primary carets.
    pub fn note(mut self, note: impl Into<Msg>) -> Diagnostic {
        self.primary.note = Some(note.into());
        self
    }

    /// Adds a related place.
    pub fn related(mut self, span: Span, note: impl Into<Msg>) -> Diagnostic {
        self.related.push(Label::with_note(span, note));
        self
    }

    /// Adds a hint.
    pub fn help(mut self, help: impl Into<Msg>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// Adds an edit that fixes it.
    pub fn fix(mut self, fix: Fix) -> Diagnostic {
        self.fixes.push(fix);
        self
    }

    /// Adds a hint when there is one.
    pub fn help_if(self, help: Option<impl Into<Msg>>) -> Diagnostic {
        match help {
            Some(h) => self.help(h),
            None => self,
        }
    }

    /// Where the primary label is: the file, and the 1-based start and end (just past the
    /// last character; an empty span counts one character).
    pub fn location<'s>(&self, sources: &'s SourceMap) -> (&'s SourceFile, LineCol, LineCol) {
        let span = self.primary.span;
        let file = sources.get(span.file);
        (file, file.line_col(span.start), file.line_col(span.end.max(span.start + 1)))
    }

    /// Sort order, the order a person should fix them in: first what keeps documents from
    /// loading (file, YAML, front matter, document and schema problems), then what rules
    /// found; each by file path, then position, then rule.
    pub fn order(a: &Diagnostic, b: &Diagnostic, sources: &SourceMap) -> std::cmp::Ordering {
        let path = |d: &Diagnostic| sources.path(d.primary.span.file).to_path_buf();
        let stage = |d: &Diagnostic| u8::from(!breaks_documents(d.rule));
        stage(a)
            .cmp(&stage(b))
            .then_with(|| path(a).cmp(&path(b)))
            .then(a.primary.span.start.cmp(&b.primary.span.start))
            .then(a.rule.id.cmp(b.rule.id))
            .then(a.message.cmp(&b.message))
    }
}

/// Whether `rule` is one of those that keep a document from loading whole (reported by the
/// loader, and fixed first).
fn breaks_documents(rule: &Rule) -> bool {
    const WHOLE: [&str; 4] = [
        "document.empty",
        "document.not-mapping",
        "document.missing-kind",
        "document.unknown-kind",
    ];
    ["file.", "yaml.", "front-matter.", "schema.", "number."]
        .iter()
        .any(|prefix| rule.id.starts_with(prefix))
        || WHOLE.contains(&rule.id)
}

/// Applies severity overrides from `planbook.yaml`; drops diagnostics whose rule is `off`.
pub fn apply_levels(diags: Vec<Diagnostic>, levels: &BTreeMap<String, Level>) -> Vec<Diagnostic> {
    diags
        .into_iter()
        .filter_map(|mut d| {
            match levels.get(d.rule.id) {
                Some(Level::Off) => return None,
                Some(Level::Error) => d.severity = Severity::Error,
                Some(Level::Warning) => d.severity = Severity::Warning,
                Some(Level::Note) => d.severity = Severity::Note,
                None => {}
            }
            Some(d)
        })
        .collect()
}

/// A count and its noun, singular for one: `1 budget`, `2 budgets`, `1 person`, `3 people`.
///
/// # Examples
///
/// ```
/// assert_eq!(planbook::diag::count(1, "budget", "budgets"), "1 budget");
/// assert_eq!(planbook::diag::count(0, "person", "people"), "0 people");
/// ```
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Counts of diagnostics by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Notes.
    pub notes: usize,
}

impl Counts {
    /// Counts `diags`.
    pub fn of(diags: &[Diagnostic]) -> Counts {
        let mut counts = Counts::default();
        for d in diags {
            match d.severity {
                Severity::Error => counts.errors += 1,
                Severity::Warning => counts.warnings += 1,
                Severity::Note => counts.notes += 1,
            }
        }
        counts
    }
}
