//! A free Markdown page (a policy, a how-to): its body as safe HTML.

use serde::Serialize;

/// A free page.
#[derive(Debug, Serialize)]
pub struct FreePageView {
    /// The body, as safe HTML.
    pub html: String,
}
