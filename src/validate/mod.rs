//! Validation: rules that a schema cannot express, over the loaded [`Workspace`].
//!
//! Takes the workspace, returns diagnostics at their default severities; `cli` applies the
//! overrides from `planbook.yaml`. Each rule is one `check_*` function that reports every
//! instance it finds.

mod budget;
mod config;

use crate::diag::Diagnostic;
use crate::model::Workspace;

/// Runs every rule over `ws`.
pub fn run(ws: &Workspace) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    config::check_unknown_rules(ws, &mut out);
    budget::check_item_form(ws, &mut out);
    out
}
