//! `planbook lsp`: starts the language server on stdin and stdout (see [`crate::lsp`]).

use clap::Args;

use crate::cli::{Global, Outcome};

/// Arguments of `planbook lsp`.
#[derive(Debug, Args)]
pub struct LspArgs {
    /// Speak over stdin and stdout (the only transport; editors pass it by habit)
    #[arg(long)]
    stdio: bool,
}

/// Runs the server until the editor says `exit`.
pub fn run(_args: &LspArgs, global: &Global) -> anyhow::Result<Outcome> {
    let options = crate::lsp::Options { cwd: global.cwd.clone(), lang: global.lang };
    // `exit` without `shutdown` first is exit code 1, as the protocol asks.
    Ok(if crate::lsp::run(options)? { Outcome::Success } else { Outcome::Failure })
}
