//! A hover card: a title and labelled rows, written as Markdown when the editor shows it,
//! else as plain text; and what a card needs to know about the document it is asked in (the
//! day it is judged on, its unit and period).

use crate::i18n::{Locale, t};
use crate::index::Index;
use crate::model::Content;
use crate::model::period::{Date, Period};
use crate::source::FileId;

/// A card being written.
pub struct Card {
    markdown: bool,
    locale: Locale,
    title: String,
    rows: Vec<(String, String)>,
    notes: Vec<String>,
}

impl Card {
    /// A card titled `title` (plain text, escaped as needed).
    pub fn new(markdown: bool, locale: Locale, title: &str) -> Card {
        let title = if markdown { format!("**{}**", escape(title)) } else { title.to_owned() };
        Card { markdown, locale, title, rows: Vec::new(), notes: Vec::new() }
    }

    /// An id as the card writes it: as code in Markdown.
    pub fn id(&self, id: &str) -> String {
        if self.markdown { format!("`{}`", id.replace('`', "")) } else { id.to_owned() }
    }

    /// Free text as the card writes it.
    pub fn text(&self, text: &str) -> String {
        if self.markdown { escape(text) } else { text.to_owned() }
    }

    /// A name followed by its id: `张三 (p001)`.
    pub fn named(&self, name: &str, id: &str) -> String {
        if name == id { self.id(id) } else { format!("{} {}", self.text(name), self.id(id)) }
    }

    /// A row: the label message `label` and a value already written for the card.
    pub fn row(&mut self, label: &'static str, value: String) {
        self.rows.push((t(self.locale, label), value));
    }

    /// A line of plain text after the rows.
    pub fn note(&mut self, text: String) {
        let text = if self.markdown { format!("*{}*", escape(&text)) } else { text };
        self.notes.push(text);
    }

    /// The card as the editor shows it.
    pub fn finish(self) -> String {
        let colon = t(self.locale, "lsp-hover-colon");
        let mut out = self.title;
        if !self.rows.is_empty() {
            out.push_str(if self.markdown { "\n\n" } else { "\n" });
        }
        let rows: Vec<String> = self
            .rows
            .iter()
            .map(|(label, value)| {
                if self.markdown {
                    format!("- {label}{colon}{value}")
                } else {
                    format!("{label}{colon}{value}")
                }
            })
            .collect();
        out.push_str(&rows.join("\n"));
        for note in &self.notes {
            out.push_str(if self.markdown { "\n\n" } else { "\n" });
            out.push_str(note);
        }
        out
    }
}

/// `text` with the characters Markdown would read as formatting escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// What a card knows of the document it is asked in.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The file.
    pub file: FileId,
    /// The day figures are judged on: a period's last day, a roster's `as_of`, else today.
    pub day: Date,
    /// The document's unit and period, for a budget, plan or review.
    pub period: Option<(&'a str, Period)>,
}

impl<'a> Context<'a> {
    /// The context of `file`.
    pub fn of(index: &Index<'a>, file: FileId) -> Context<'a> {
        let doc = index.ws.documents.iter().find(|d| d.meta.file == file);
        let (period, as_of) = match doc.map(|d| &d.content) {
            Some(Content::Budget(b)) => (Some((b.unit.value.as_str(), b.period.value)), None),
            Some(Content::Plan(p, _)) => (Some((p.unit.value.as_str(), p.period.value)), None),
            Some(Content::Review(r, _)) => (Some((r.unit.value.as_str(), r.period.value)), None),
            Some(Content::Roster(r)) => (None, r.as_of.as_ref().map(|d| d.value)),
            _ => (None, None),
        };
        let day = period.map(|(_, p)| p.as_of()).or(as_of).unwrap_or_else(Date::today);
        Context { file, day, period }
    }
}
