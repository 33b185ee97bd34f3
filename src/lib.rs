//! planbook checks, rolls up and publishes plans, rosters, budgets and reviews kept as YAML and
//! Markdown files in a git repository.
//!
//! The pipeline, one stage feeding the next:
//!
//! 1. [`load`] walks the data repository, parses each file into a span-carrying [`yaml`] tree,
//!    checks it against its JSON Schema ([`schema`]) and maps it onto the typed [`model`].
//!    Broken files become [`diag::Diagnostic`]s; loading goes on.
//! 2. [`validate`] runs the rules a schema cannot express over the loaded workspace;
//!    [`validate::all`] adds them to the loader's, applies the severity overrides of
//!    `planbook.yaml` and sorts them.
//! 3. [`rollup`] computes reports over the [`index`]; [`history`] reads git beside the rest.
//! 4. [`render`] builds the static HTML handbook from a validated workspace, its diagnostics,
//!    the rollups and history; [`scaffold`] writes new documents.
//! 5. [`cli`] runs the stages for each command and is the only module that prints; [`lsp`] is
//!    the language server, the one other front end, speaking the protocol on stdio.
//!
//! [`source`] owns file text and byte spans; line and column are computed only for output.
//! ARCHITECTURE.md lists which module may use which.

#![warn(missing_docs)]

pub mod cli;
pub mod compute;
pub mod diag;
pub mod history;
pub mod i18n;
pub mod index;
pub mod load;
pub mod lsp;
pub mod model;
pub mod render;
pub mod rollup;
pub mod scaffold;
pub mod schema;
pub mod source;
pub mod validate;
pub mod yaml;
