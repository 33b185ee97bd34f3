//! Scaffolding: the files of a new data repository (`planbook init`) and next period's
//! documents prefilled from this period's (`planbook new`).
//!
//! Functions here return file contents; `cli` decides where they go and refuses to overwrite.

pub mod calendar;
pub mod id;
pub mod init;
pub mod new;
pub mod yaml;
