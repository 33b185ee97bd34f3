//! Go to definition, find references, highlights and rename.

use lsp_types::{
    DocumentHighlight, DocumentHighlightParams, GotoDefinitionParams, GotoDefinitionResponse,
    Location, PrepareRenameResponse, ReferenceParams, RenameParams, TextDocumentPositionParams,
    WorkspaceEdit,
};

use crate::lsp::World;

/// Where the id under the cursor is defined.
pub fn definition(_world: &World, _params: GotoDefinitionParams) -> Option<GotoDefinitionResponse> {
    None
}

/// Every place the id under the cursor is named.
pub fn references(_world: &World, _params: ReferenceParams) -> Option<Vec<Location>> {
    None
}

/// The id under the cursor's occurrences in this document.
pub fn highlight(
    _world: &World,
    _params: DocumentHighlightParams,
) -> Option<Vec<DocumentHighlight>> {
    None
}

/// Whether the id under the cursor can be renamed, and its range.
pub fn prepare_rename(
    _world: &World,
    _params: TextDocumentPositionParams,
) -> Option<PrepareRenameResponse> {
    None
}

/// The edit that renames the id under the cursor everywhere.
pub fn rename(_world: &World, _params: RenameParams) -> Result<Option<WorkspaceEdit>, String> {
    Ok(None)
}
