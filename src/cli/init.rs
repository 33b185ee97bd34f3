//! `planbook init [DIR]`: a ready data repository.

use std::path::PathBuf;

use anyhow::{Context, bail};
use clap::Args;

use crate::cli::{Global, Outcome};
use crate::model::config::Locale;
use crate::model::period::{Date, Period};
use crate::scaffold::init::{InitOptions, files};

/// Arguments of `planbook init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to create the data repository in (default: the current folder)
    dir: Option<PathBuf>,
    /// The organisation's name (default: the folder's name)
    #[arg(long)]
    name: Option<String>,
    /// Language of the handbook and the sample documents
    #[arg(long, value_parser = ["en", "zh-CN"], default_value = "zh-CN")]
    locale: String,
    /// The id of the first unit
    #[arg(long, default_value = "team")]
    unit: String,
    /// The period of the sample budget, plan and review (default: this month)
    #[arg(long, value_parser = |s: &str| s.parse::<Period>())]
    period: Option<Period>,
    /// Do not run `git init` when the folder is not in a git repository
    #[arg(long)]
    no_git: bool,
}

/// Runs `planbook init`.
pub fn run(args: &InitArgs, global: &Global) -> anyhow::Result<Outcome> {
    let dir = args.dir.as_ref().map_or_else(|| global.cwd.clone(), |d| global.cwd.join(d));
    std::fs::create_dir_all(&dir)
        .with_context(|| format!("failed to create `{}`", dir.display()))?;
    let dir = dir.canonicalize().with_context(|| format!("failed to open `{}`", dir.display()))?;
    let name = args.name.clone().unwrap_or_else(|| {
        dir.file_name().map_or_else(|| "planbook".into(), |n| n.to_string_lossy().into_owned())
    });
    let locale = if args.locale == "en" { Locale::En } else { Locale::ZhCn };
    let period = args.period.unwrap_or_else(|| Date::today().month_period());
    let options = InitOptions { name, locale, unit: args.unit.clone(), period };
    let files = files(&options);
    let existing: Vec<String> = files
        .iter()
        .filter(|(path, _)| dir.join(path).exists())
        .map(|(path, _)| path.display().to_string())
        .collect();
    if !existing.is_empty() {
        bail!(
            "`{}` already has {}; planbook init never overwrites files",
            dir.display(),
            existing.iter().map(|p| format!("`{p}`")).collect::<Vec<_>>().join(", ")
        );
    }
    for (path, text) in &files {
        let full = dir.join(path);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("failed to create `{}`", parent.display()))?;
        }
        std::fs::write(&full, text)
            .with_context(|| format!("failed to write `{}`", full.display()))?;
    }
    let git = if args.no_git || gix::discover(&dir).is_ok() {
        false
    } else {
        gix::init(&dir)
            .with_context(|| format!("failed to run `git init` in `{}`", dir.display()))?;
        true
    };
    if !global.quiet {
        eprintln!(
            "created a planbook repository in {} ({} files{})",
            dir.display(),
            files.len(),
            if git { ", git initialised" } else { "" }
        );
        eprintln!(
            "next: `planbook -C {} check`, then `planbook hook install` to check every commit",
            dir.display()
        );
    }
    Ok(Outcome::Success)
}
