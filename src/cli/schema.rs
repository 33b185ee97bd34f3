//! `planbook schema`: write the JSON Schemas.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use clap::Args;

use crate::cli::{Global, Outcome};
use crate::i18n::msg;
use crate::schema::{ALL_KINDS, file_name, render};

/// Arguments of `planbook schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Write the schemas into DIR (created if missing) instead of printing them
    #[arg(short, long, value_name = "DIR")]
    output: Option<PathBuf>,
}

/// Runs `planbook schema`.
pub fn run(args: &SchemaArgs, global: &Global) -> anyhow::Result<Outcome> {
    let Some(dir) = &args.output else {
        let mut stdout = std::io::stdout().lock();
        let all: serde_json::Map<String, serde_json::Value> =
            ALL_KINDS.iter().map(|&k| (file_name(k), crate::schema::schema(k).clone())).collect();
        writeln!(stdout, "{}", serde_json::to_string_pretty(&all)?)?;
        return Ok(Outcome::Success);
    };
    let locale = global.here_locale();
    let dir = global.cwd.join(dir);
    let shown = |p: &std::path::Path| p.display().to_string();
    std::fs::create_dir_all(&dir)
        .with_context(|| msg!("cli-create-failed", path = shown(&dir)).text(locale))?;
    for kind in ALL_KINDS {
        let path = dir.join(file_name(kind));
        std::fs::write(&path, render(kind))
            .with_context(|| msg!("cli-write-failed", path = shown(&path)).text(locale))?;
        if !global.quiet {
            eprintln!("{}", msg!("cli-wrote", path = shown(&path)).text(locale));
        }
    }
    Ok(Outcome::Success)
}
