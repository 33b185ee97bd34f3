//! Completion of references.

use lsp_types::{CompletionParams, CompletionResponse};

use crate::lsp::World;

/// Completion items at the cursor.
pub fn completion(_world: &World, _params: CompletionParams) -> Option<CompletionResponse> {
    None
}
