//! Document and workspace symbols, folding.

use lsp_types::{
    DocumentSymbolParams, DocumentSymbolResponse, FoldingRange, FoldingRangeParams,
    WorkspaceSymbolParams, WorkspaceSymbolResponse,
};

use crate::lsp::World;

/// The outline of a document.
pub fn document_symbols(
    _world: &World,
    _params: DocumentSymbolParams,
) -> Option<DocumentSymbolResponse> {
    None
}

/// Ids across the repository matching a query.
pub fn workspace_symbols(
    _world: &World,
    _params: WorkspaceSymbolParams,
) -> Option<WorkspaceSymbolResponse> {
    None
}

/// Folding ranges of a document.
pub fn folding(_world: &World, _params: FoldingRangeParams) -> Option<Vec<FoldingRange>> {
    None
}
