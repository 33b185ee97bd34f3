//! Small pieces every page view may use: the page header ([`PageView`]), diagnostic counts,
//! names looked up on rosters, task rows and the keys that templates translate.

use serde::Serialize;

use crate::diag::Counts;
use crate::i18n::{Locale, msg};
use crate::index::Doc;
use crate::model::config::PersonField;
use crate::model::review::Status;
use crate::model::roster::Employment;
use crate::model::{Review, Roster};
use crate::render::history::DocHistoryView;
use crate::render::view::site::{Link, Site};

/// What every page's layout needs about the page itself.
#[derive(Debug, Clone, Serialize)]
pub struct PageView {
    /// The page title (the only `h1`).
    pub title: String,
    /// The prefix that leads from this page to the site root (`""`, `"../"`).
    pub root: String,
    /// This page's URL relative to the site root.
    pub url: String,
    /// The navigation entry this page belongs to.
    pub section: &'static str,
    /// A line under the title.
    pub subtitle: Option<String>,
    /// When and by whom the page's document last changed, and its recent changes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub history: Option<DocHistoryView>,
    /// Problems of a document of which only a part could be read (items with errors are left
    /// out of the page): shown above the content.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partial: Option<Vec<crate::render::broken::Problem>>,
}

impl PageView {
    /// A page at `url` (site-relative) in navigation `section`.
    pub fn new(title: String, url: &str, section: &'static str) -> PageView {
        let depth = url.matches('/').count();
        PageView {
            title,
            root: "../".repeat(depth),
            url: url.to_string(),
            section,
            subtitle: None,
            history: None,
            partial: None,
        }
    }
}

/// Diagnostics counted by severity.
#[derive(Debug, Clone, Serialize)]
pub struct CountsView {
    /// Errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Notes.
    pub notes: usize,
    /// The counts in words, in the handbook's language: `0 errors · 3 warnings · 1 note`.
    pub text: String,
}

impl CountsView {
    /// The counts `c`, with their words in `locale`.
    pub fn new(c: Counts, locale: Locale) -> CountsView {
        let text = msg!(
            "handbook-problem-counts",
            errors = c.errors,
            warnings = c.warnings,
            notes = c.notes
        )
        .text(locale);
        CountsView { errors: c.errors, warnings: c.warnings, notes: c.notes, text }
    }
}

/// The heading of a roster page.
pub fn roster_title(site: &Site, roster: &Roster) -> String {
    roster.title.clone().unwrap_or_else(|| {
        format!("{} — {}", site.unit_name(roster.unit.value.as_str()), site.t("roster"))
    })
}

/// The title of post `id` on `roster`, else the id.
pub fn post_title(roster: &Roster, id: &str) -> String {
    roster
        .posts
        .iter()
        .find(|p| p.id.value.as_str() == id)
        .map_or_else(|| id.to_string(), |p| p.title.clone())
}

/// The title of post `id` on the unit's first roster, else the id.
pub fn unit_post_title(site: &Site, unit: &str, id: &str) -> String {
    site.index.rosters_of(unit).first().map_or_else(|| id.to_string(), |r| post_title(r.value, id))
}

/// The name of region `id` on `roster`, else the id.
pub fn region_name(roster: &Roster, id: &str) -> String {
    roster.place_name(id)
}

/// The translation key of a person's employment type.
pub fn employment_key(employment: Employment) -> &'static str {
    match employment {
        Employment::FullTime => "full-time",
        Employment::PartTime => "part-time",
        Employment::Contract => "contract",
        Employment::Secondment => "secondment",
        Employment::Temporary => "temporary",
    }
}

/// The translation key of a task status.
pub fn status_key(s: Status) -> &'static str {
    match s {
        Status::NotStarted => "not-started",
        Status::InProgress => "in-progress",
        Status::Done => "done",
        Status::Blocked => "blocked",
        Status::Dropped => "dropped",
    }
}

/// The status key `review` gives task `task`, if any.
pub fn task_status(review: Option<Doc<Review>>, task: &str) -> Option<&'static str> {
    let r = review?;
    let line = r.value.tasks.iter().find(|s| s.task.value.as_str() == task)?;
    line.status.as_ref().map(|s| status_key(s.value))
}

/// A task of a plan, or its status in a review.
#[derive(Debug, Serialize)]
pub struct PlanTask {
    /// Anchor id.
    pub anchor: String,
    /// Name.
    pub name: String,
    /// Owner.
    pub owner: Option<Link>,
    /// Start.
    pub start: Option<String>,
    /// End.
    pub end: Option<String>,
    /// Prerequisites (anchor and name).
    pub depends_on: Vec<Link>,
    /// Status key.
    pub status: Option<&'static str>,
    /// Description.
    pub description: Option<String>,
}

/// `value`, only when `planbook.yaml` publishes person field `field`.
pub fn published(site: &Site, field: PersonField, value: Option<String>) -> Option<String> {
    value.filter(|_| site.publishes(field))
}
