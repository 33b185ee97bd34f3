//! What the handbook leaves out: documents that say `private: true`, and everything that points
//! into them (diagnostics, entries of the recent-changes page). The one place that decides.
//!
//! Private documents are dropped before anything is indexed, so they reach no page, link,
//! rollup or search entry. Personal fields of people (`pay`, `phone`, `email`) are a separate
//! matter, decided per field by `publish.person_fields` where the views show them.

use std::collections::HashSet;

use crate::diag::Diagnostic;
use crate::model::{Content, Document, Workspace};
use crate::render::history::RecentView;
use crate::source::FileId;

/// A workspace and its diagnostics with everything private left out.
pub struct Published {
    /// The published documents.
    pub workspace: Workspace,
    /// The diagnostics that point only into published documents.
    pub diagnostics: Vec<Diagnostic>,
    /// What was left out.
    pub private: Private,
}

/// The documents left out, to filter what else points into them.
pub struct Private {
    files: HashSet<FileId>,
    identities: HashSet<String>,
}

/// Whether a document says `private: true`.
pub fn is_private(doc: &Document) -> bool {
    match &doc.content {
        Content::Roster(r) => r.private,
        Content::Budget(b) => b.private,
        Content::Plan(p, _) => p.private,
        Content::Review(r, _) => r.private,
        Content::Page(m, _) => m.private,
    }
}

/// Leaves out private documents and the diagnostics that point into any of them.
pub fn publish(mut workspace: Workspace, mut diagnostics: Vec<Diagnostic>) -> Published {
    let (hidden, shown): (Vec<Document>, Vec<Document>) =
        std::mem::take(&mut workspace.documents).into_iter().partition(is_private);
    workspace.documents = shown;
    let private = Private {
        files: hidden.iter().map(|d| d.meta.file).collect(),
        identities: hidden.iter().map(crate::history::identity).collect(),
    };
    diagnostics.retain(|d| {
        !private.files.contains(&d.primary.span.file)
            && d.related.iter().all(|l| !private.files.contains(&l.span.file))
    });
    Published { workspace, diagnostics, private }
}

impl Private {
    /// How many documents were left out.
    pub fn count(&self) -> usize {
        self.files.len()
    }

    /// The recent changes without private documents; a commit that changed only private
    /// documents is left out whole.
    pub fn recent(&self, recent: Vec<RecentView>) -> Vec<RecentView> {
        recent
            .into_iter()
            .filter_map(|mut r| {
                r.documents.retain(|d| !self.identities.contains(&d.identity));
                (!r.documents.is_empty()).then_some(r)
            })
            .collect()
    }
}
