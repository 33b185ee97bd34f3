//! Code actions: the fixes of `check`, and stubs for what is missing.

use lsp_types::{CodeActionParams, CodeActionResponse};

use crate::lsp::World;

/// The actions for a range of a document.
pub fn code_actions(_world: &World, _params: CodeActionParams) -> Option<CodeActionResponse> {
    None
}
