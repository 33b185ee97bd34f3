//! planbook checks, rolls up and publishes plans, rosters, budgets and reviews kept as YAML and
//! Markdown files in a git repository.
//!
//! The pipeline, one stage feeding the next:
//!
//! 1. [`load`] walks the data repository, parses each file into a span-carrying YAML tree,
//!    checks it against its JSON Schema ([`schema`]) and maps it onto the typed [`model`].
//!    Broken files become [`diag::Diagnostic`]s; loading goes on.
//! 2. [`validate`] runs the rules a schema cannot express over the loaded workspace.
//! 3. [`cli`] applies severity overrides, sorts and prints the diagnostics. Only `cli` prints.
//! 4. [`render`] builds the static HTML handbook from the index and the [`rollup`] reports.
//!
//! [`source`] owns file text and byte spans; line and column are computed only for output.

#![warn(missing_docs)]

pub mod cli;
pub mod diag;
pub mod history;
pub mod index;
pub mod load;
pub mod model;
pub mod render;
pub mod rollup;
pub mod scaffold;
pub mod schema;
pub mod source;
pub mod validate;
pub mod yaml;
