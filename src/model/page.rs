//! Free Markdown pages (policies, process descriptions): Markdown without a `kind`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The optional front matter of a free handbook page.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "planbook page (Markdown front matter)")]
pub struct PageMeta {
    /// Always `page` when given; a Markdown file without `kind` is a page too.
    #[serde(default)]
    #[schemars(extend("const" = "page"))]
    pub kind: Option<String>,
    /// The page title; defaults to the first heading.
    #[serde(default)]
    pub title: Option<String>,
    /// A one-line summary.
    #[serde(default)]
    pub description: Option<String>,
    /// Position in the navigation; lower comes first.
    #[serde(default)]
    #[schemars(range(min = -1_000_000_000, max = 1_000_000_000))]
    pub order: Option<i64>,
    /// Keep this page out of the published handbook.
    #[serde(default)]
    pub private: bool,
}
