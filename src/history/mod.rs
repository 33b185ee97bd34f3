//! History from git, read with gix: the documents as they were at a revision or as staged in
//! the index, fed through the same loader as the working tree.
//!
//! Takes a data repository root (a folder inside a git work tree) and returns file contents;
//! `load::load_files` turns them into a workspace. When history cannot be had, the reason is
//! an [`Unavailable`], which callers show as a note rather than fail on.

mod blame;
mod cache;
mod diff;
mod semantic;
mod snapshot;
mod walk;

pub use blame::{Blame, BlameLine, blame};
pub use diff::{Amount, DiffReport, Effect, Figure, compare};
pub use semantic::{FieldChange, diff, identity, leaves, number, short, to_value};
pub use snapshot::{Snapshot, Source, snapshot};
pub use walk::{ChangeKind, CommitChanges, CommitInfo, DocChange, History, history, open};

use std::fmt;

/// Why git history is not available for a data repository.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unavailable {
    /// The folder is not inside a git repository.
    NoRepository,
    /// The repository has no commits yet (an unborn `HEAD`).
    EmptyRepository,
    /// A bare repository has no work tree to relate the data repository to.
    Bare,
}

impl fmt::Display for Unavailable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unavailable::NoRepository => {
                f.write_str("the data repository is not in a git repository")
            }
            Unavailable::EmptyRepository => f.write_str("the git repository has no commits yet"),
            Unavailable::Bare => f.write_str("the git repository is bare"),
        }
    }
}

impl std::error::Error for Unavailable {}
