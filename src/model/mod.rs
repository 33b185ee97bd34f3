//! The typed documents: plain records that remember where each value came from.
//!
//! Nothing here does I/O. `load` fills these types; `validate`, `rollup` and `render` read them.

pub mod budget;
pub mod calendar;
pub mod chain;
pub mod config;
pub mod dating;
pub mod forms;
pub mod ids;
pub mod money;
pub mod page;
pub mod period;
pub mod plan;
pub mod review;
pub mod roster;
pub mod vocab;

use std::path::PathBuf;

use crate::source::{FileId, Span};

pub use budget::Budget;
pub use config::Config;
pub use page::PageMeta;
pub use plan::Plan;
pub use review::Review;
pub use roster::Roster;

/// The document kinds, as written in a document's `kind:` key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// `planbook.yaml`.
    Config,
    /// A roster.
    Roster,
    /// A budget.
    Budget,
    /// A plan (Markdown).
    Plan,
    /// A review (Markdown).
    Review,
    /// A free Markdown page.
    Page,
}

impl Kind {
    /// The document kinds a user can write in `kind:`.
    pub const DOCUMENTS: [Kind; 5] =
        [Kind::Roster, Kind::Budget, Kind::Plan, Kind::Review, Kind::Page];

    /// The name used in `kind:` and in schema file names.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Config => "config",
            Kind::Roster => "roster",
            Kind::Budget => "budget",
            Kind::Plan => "plan",
            Kind::Review => "review",
            Kind::Page => "page",
        }
    }

    /// The kind named `name`.
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::DOCUMENTS.into_iter().find(|k| k.name() == name)
    }

    /// Whether documents of this kind are Markdown with front matter.
    pub fn is_markdown(self) -> bool {
        matches!(self, Kind::Plan | Kind::Review | Kind::Page)
    }
}

/// Where a document came from.
#[derive(Debug, Clone)]
pub struct DocMeta {
    /// The file.
    pub file: FileId,
    /// Its path relative to the repository root.
    pub path: PathBuf,
    /// The span of the YAML part (the whole file, or the front matter).
    pub span: Span,
}

/// A Markdown body after the front matter.
#[derive(Debug, Clone)]
pub struct Body {
    /// Byte offset of the body in its file.
    pub offset: usize,
    /// The Markdown text.
    pub text: SharedText,
}

/// A slice of a shared file text: derefs to `str` without copying the text.
#[derive(Clone)]
pub struct SharedText {
    source: std::sync::Arc<str>,
    range: std::ops::Range<usize>,
}

impl SharedText {
    /// `source[range]`, sharing `source`; an out-of-range request gives the empty text.
    pub fn new(source: std::sync::Arc<str>, range: std::ops::Range<usize>) -> SharedText {
        let range = if source.get(range.clone()).is_some() { range } else { 0..0 };
        SharedText { source, range }
    }

    /// An empty text.
    pub fn empty() -> SharedText {
        SharedText { source: std::sync::Arc::from(""), range: 0..0 }
    }
}

impl std::ops::Deref for SharedText {
    type Target = str;
    fn deref(&self) -> &str {
        &self.source[self.range.clone()]
    }
}

impl std::fmt::Debug for SharedText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&**self, f)
    }
}

/// One loaded document.
#[derive(Debug, Clone)]
pub struct Document {
    /// Where it came from.
    pub meta: DocMeta,
    /// What it holds.
    pub content: Content,
}

impl Document {
    /// The document with its Markdown body's text left out (the offset stays): what `check`
    /// keeps, since no rule reads a body.
    pub fn without_body(mut self) -> Document {
        if let Content::Plan(_, body) | Content::Review(_, body) | Content::Page(_, body) =
            &mut self.content
        {
            body.text = SharedText::empty();
        }
        self
    }
}

/// The typed content of a document.
#[derive(Debug, Clone)]
pub enum Content {
    /// A roster.
    Roster(Box<Roster>),
    /// A budget.
    Budget(Box<Budget>),
    /// A plan and its narrative.
    Plan(Box<Plan>, Body),
    /// A review and its narrative.
    Review(Box<Review>, Body),
    /// A free page.
    Page(Box<PageMeta>, Body),
}

impl Content {
    /// The document's kind.
    pub fn kind(&self) -> Kind {
        match self {
            Content::Roster(_) => Kind::Roster,
            Content::Budget(_) => Kind::Budget,
            Content::Plan(..) => Kind::Plan,
            Content::Review(..) => Kind::Review,
            Content::Page(..) => Kind::Page,
        }
    }
}

/// A loaded data repository: its configuration and every document that loaded cleanly.
#[derive(Debug)]
pub struct Workspace {
    /// The repository root.
    pub root: PathBuf,
    /// `planbook.yaml`.
    pub config: Config,
    /// The file id of `planbook.yaml`.
    pub config_file: FileId,
    /// Every file read, including those that failed to load.
    pub sources: crate::source::SourceMap,
    /// The documents, in path order.
    pub documents: Vec<Document>,
    /// Every document that did not load whole (its errors are among the loader's
    /// diagnostics), in path order: present but broken, never missing.
    pub broken: Vec<Broken>,
}

/// A document that did not load whole: what could be read of it. When `partial`, the sound
/// rest of it is in [`Workspace::documents`] (same `file`); otherwise nothing of it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Broken {
    /// The file.
    pub file: FileId,
    /// Its path relative to the repository root.
    pub path: PathBuf,
    /// Its kind, when it could be read (from `kind:`, else from the file name).
    pub kind: Option<Kind>,
    /// Its unit, when it could be read.
    pub unit: Option<String>,
    /// Its period, when it could be read (from `period:`, else from the file name).
    pub period: Option<period::Period>,
    /// Whether the sound part of it loaded (unknown fields and items in error left out).
    pub partial: bool,
    /// The list items left out of a partial document because they have errors.
    pub dropped: Vec<Dropped>,
    /// The list items kept without a field the schema does not know (a misspelt key): each
    /// item's whole extent, from its first to its last byte. Rules report nothing inside them,
    /// since what the misspelt field meant to say is unknown.
    pub trimmed: Vec<Span>,
    /// Where its first error is (the file's start when none is known).
    pub first_error: Span,
}

/// A list item left out of a partial document.
#[derive(Debug, Clone, PartialEq)]
pub struct Dropped {
    /// The top-level list it was in: `people`, `lines`, `scores`.
    pub list: String,
    /// Its position in that list (0-based).
    pub index: usize,
    /// Its id or key (`id`, else `person`, `post`, `kpi`), when readable.
    pub id: Option<String>,
    /// Where the item starts.
    pub span: Span,
}

impl Broken {
    /// Whether nothing of it loaded.
    pub fn is_whole(&self) -> bool {
        !self.partial
    }

    /// Whether an item of `list` with id `id` may have been left out: one with that id, or one
    /// whose id could not be read (it may be any).
    pub fn dropped(&self, list: &str, id: &str) -> bool {
        self.dropped.iter().any(|d| d.list == list && d.id.as_deref().is_none_or(|d| d == id))
    }
}
