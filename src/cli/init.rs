//! `planbook init [DIR]`: a ready data repository.

use std::path::{Component, PathBuf};

use anyhow::{Context, bail};
use clap::Args;

use crate::cli::{Global, Outcome};
use crate::i18n::{Arg, msg};
use crate::model::config::Locale;
use crate::model::period::{Date, Period};
use crate::scaffold::id::parse_id;
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
    /// The id of the first unit (also its folder's name)
    #[arg(long, default_value = "team", value_parser = parse_id)]
    unit: String,
    /// The period of the sample budget, plan and review (default: this month)
    #[arg(long, value_parser = |s: &str| s.parse::<Period>())]
    period: Option<Period>,
    /// Do not run `git init` when the folder is not in a git repository
    #[arg(long)]
    no_git: bool,
    /// Copy the built-in handbook templates into `templates/` of an existing data repository,
    /// to customise them (a copied file replaces the built-in one of the same name)
    #[arg(long, conflicts_with_all = ["name", "unit", "period", "no_git"])]
    templates: bool,
}

/// Runs `planbook init`.
pub fn run(args: &InitArgs, global: &Global) -> anyhow::Result<Outcome> {
    let created = if args.locale == "en" { Locale::En } else { Locale::ZhCn };
    // Until `--templates` finds the repository, the language is the one being created.
    let lang = global.locale(created);
    let dir = args.dir.as_ref().map_or_else(|| global.cwd.clone(), |d| global.cwd.join(d));
    let path = dir.display().to_string();
    std::fs::create_dir_all(&dir)
        .with_context(|| msg!("scaffold-create-failed", path = &path).text(lang))?;
    let dir = dir
        .canonicalize()
        .with_context(|| msg!("scaffold-open-failed", path = &path).text(lang))?;
    if args.templates {
        return copy_templates(&dir, global);
    }
    let name = args.name.clone().unwrap_or_else(|| {
        dir.file_name().map_or_else(|| "planbook".into(), |n| n.to_string_lossy().into_owned())
    });
    let shown = dir.display().to_string();
    let period = args.period.unwrap_or_else(|| Date::today().month_period());
    let options = InitOptions { name, locale: created, unit: args.unit.clone(), period };
    let files = files(&options);
    // Ids are checked when parsed; this keeps any future file name from leaving the folder.
    if let Some((path, _)) =
        files.iter().find(|(p, _)| !p.components().all(|c| matches!(c, Component::Normal(_))))
    {
        let path = path.display().to_string();
        bail!("{}", msg!("scaffold-write-outside", path = path, dir = &shown).text(lang));
    }
    let existing: Vec<String> = files
        .iter()
        .filter(|(path, _)| dir.join(path).exists())
        .map(|(path, _)| format!("`{}`", path.display()))
        .collect();
    if !existing.is_empty() {
        let files = Arg::List(existing);
        bail!("{}", msg!("scaffold-init-exists", dir = &shown, files = files).text(lang));
    }
    for (path, text) in &files {
        crate::cli::write_new_file(&dir, &dir.join(path), text.as_bytes())?;
    }
    let git = if args.no_git || gix::discover(&dir).is_ok() {
        false
    } else {
        gix::init(&dir)
            .with_context(|| msg!("scaffold-git-init-failed", dir = &shown).text(lang))?;
        true
    };
    if !global.quiet {
        let created = if git {
            msg!("scaffold-init-created-git", dir = &shown, count = files.len())
        } else {
            msg!("scaffold-init-created", dir = &shown, count = files.len())
        };
        eprintln!("{}", created.text(lang));
        eprintln!("{}", msg!("scaffold-init-next", dir = &shown).text(lang));
    }
    Ok(Outcome::Success)
}

/// `planbook init --templates`: the built-in templates and assets, for editing.
fn copy_templates(dir: &std::path::Path, global: &Global) -> anyhow::Result<Outcome> {
    let root = crate::load::find_root(dir)?;
    let lang = global.locale(super::hook::repo_locale(&root));
    let base = root.join("templates");
    let files: Vec<(String, &str)> = crate::render::templates::BUILTIN
        .iter()
        .chain(crate::render::assets::BUILTIN)
        .map(|(name, text)| (name.to_string(), *text))
        .collect();
    let existing: Vec<String> = files
        .iter()
        .filter(|(name, _)| base.join(name).exists())
        .map(|(name, _)| format!("`templates/{name}`"))
        .collect();
    if !existing.is_empty() {
        let files = Arg::List(existing);
        bail!("{}", msg!("scaffold-templates-exist", files = files).text(lang));
    }
    for (name, text) in &files {
        crate::cli::write_new_file(&base, &base.join(name), text.as_bytes())?;
    }
    if !global.quiet {
        let dir = base.display().to_string();
        let copied = msg!("scaffold-templates-copied", count = files.len(), dir = dir);
        eprintln!("{}", copied.text(lang));
    }
    Ok(Outcome::Success)
}
