//! `planbook completions SHELL` and `planbook man`: shell completions and a man page, generated
//! from the same clap definitions as the help text.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, CommandFactory};

use crate::cli::{Cli, Global, Outcome};
use crate::i18n::msg;

/// Arguments of `planbook completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    shell: clap_complete::Shell,
}

/// Prints a completion script.
pub fn completions(args: &CompletionsArgs, _global: &Global) -> anyhow::Result<Outcome> {
    let mut command = Cli::command();
    clap_complete::generate(args.shell, &mut command, "planbook", &mut std::io::stdout().lock());
    Ok(Outcome::Success)
}

/// Arguments of `planbook man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write `planbook.1` and one page per command into DIR instead of printing `planbook.1`
    #[arg(short, long, value_name = "DIR")]
    output: Option<PathBuf>,
}

/// Prints or writes the man pages.
pub fn man(args: &ManArgs, global: &Global) -> anyhow::Result<Outcome> {
    let command = Cli::command();
    let Some(dir) = &args.output else {
        let mut page = Vec::new();
        clap_mangen::Man::new(command).render(&mut page)?;
        std::io::stdout().lock().write_all(&page)?;
        return Ok(Outcome::Success);
    };
    let locale = global.here_locale();
    let dir = global.cwd.join(dir);
    let shown = dir.display().to_string();
    std::fs::create_dir_all(&dir)
        .with_context(|| msg!("cli-create-failed", path = &shown).text(locale))?;
    clap_mangen::generate_to(command, &dir)
        .with_context(|| msg!("cli-man-write-failed", path = &shown).text(locale))?;
    if !global.quiet {
        eprintln!("{}", msg!("cli-man-wrote", path = &shown).text(locale));
    }
    Ok(Outcome::Success)
}
