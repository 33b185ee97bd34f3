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
pub use semantic::{
    FieldChange, FieldValue, Identity, Step, diff, identity, leaves, number, short, to_value,
};
pub use snapshot::{Snapshot, Source, snapshot};
pub use walk::{ChangeKind, CommitChanges, CommitInfo, DocChange, History, history, open};

use std::fmt;

use crate::i18n::{Msg, msg};

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

impl Unavailable {
    /// Why, as a message: `the data repository is not in a git repository`.
    pub fn message(&self) -> Msg {
        match self {
            Unavailable::NoRepository => msg!("history-no-repository"),
            Unavailable::EmptyRepository => msg!("history-no-commits"),
            Unavailable::Bare => msg!("history-bare"),
        }
    }
}

/// In the language errors are shown in (`i18n::set_error_locale`), for an error chain that
/// ends a run; the commands that go on without history show [`Unavailable::message`].
impl fmt::Display for Unavailable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&crate::i18n::Failure(self.message()), f)
    }
}

impl std::error::Error for Unavailable {}
