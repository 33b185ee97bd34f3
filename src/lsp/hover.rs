//! Hover cards.

use lsp_types::{Hover, HoverParams};

use crate::lsp::World;

/// The card for what is under the cursor.
pub fn hover(_world: &World, _params: HoverParams) -> Option<Hover> {
    None
}
