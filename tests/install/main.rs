//! Installing planbook as a user does on a clean machine, each way built and used for real:
//!
//! - the release archive `scripts/dist` makes (as the release workflow does on every
//!   platform): its layout, its checksum, a static binary that checks the sample;
//! - the wheel, installed by pip into a fresh virtual environment;
//! - the pre-commit hook `planbook init` writes, which installs the wheel: `install-hooks`,
//!   then a blocked and a passing commit;
//! - the crate as `cargo package` makes it, built on its own;
//! - the container image (built when a container engine works here, else linted);
//! - the release workflow and the CI examples in the docs, against the linters and schemas.
//!
//! A test binary of its own, so that its release builds run before the integration tests,
//! not beside them. Under `CI=true` a missing tool fails; elsewhere it skips with a note.

mod artefacts;
mod ci_files;
mod container;
mod hook;
mod package;
mod versions;
mod wheel;

#[path = "../integration/support.rs"]
#[allow(dead_code)]
mod support;
