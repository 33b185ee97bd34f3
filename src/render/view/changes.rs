//! The recent-changes page: the latest commits and, for each, the published documents it
//! changed, linked to their pages.

use std::collections::HashMap;

use serde::Serialize;

use crate::render::history::{HistoryIndex, RecentView};
use crate::render::view::site::Site;

/// The recent-changes page.
#[derive(Debug, Serialize)]
pub struct ChangesView {
    /// Why history is missing or incomplete.
    pub note: Option<String>,
    /// The commits, newest first.
    pub commits: Vec<RecentView>,
}

/// The recent commits, each changed document linked to its page when it has one.
pub fn recent(site: &Site, history: &HistoryIndex) -> Vec<RecentView> {
    let urls: HashMap<String, String> = site
        .index
        .ws
        .documents
        .iter()
        .map(|d| (crate::history::identity(d), site.doc_url(d)))
        .collect();
    history.recent(&|identity| urls.get(identity).cloned())
}
