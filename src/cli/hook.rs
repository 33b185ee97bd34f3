//! `planbook hook install|uninstall`: a plain git pre-commit hook that runs
//! `planbook check --staged`.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use clap::{Args, Subcommand};

use crate::cli::{Global, Outcome};
use crate::i18n::{Locale, msg};
use crate::load;

/// The line that marks a hook as planbook's own.
const MARKER: &str = "# planbook pre-commit hook";

/// Arguments of `planbook hook`.
#[derive(Debug, Args)]
pub struct HookArgs {
    #[command(subcommand)]
    action: Action,
}

#[derive(Debug, Subcommand)]
enum Action {
    /// Write .git/hooks/pre-commit so every commit is checked (refuses to replace another hook)
    Install,
    /// Remove the hook that `planbook hook install` wrote
    Uninstall,
}

/// Runs `planbook hook`.
pub fn run(args: &HookArgs, global: &Global) -> anyhow::Result<Outcome> {
    let root = load::find_root(&global.cwd)?;
    let repo_locale = repo_locale(&root);
    let lang = global.locale(repo_locale);
    let repo = gix::discover(&root).map_err(|_| {
        let dir = root.display().to_string();
        anyhow::anyhow!("{}", msg!("scaffold-not-in-git", dir = dir).text(lang))
    })?;
    let workdir = repo.workdir().with_context(|| msg!("scaffold-git-bare").text(lang))?;
    let workdir = workdir.to_path_buf();
    let hooks = hooks_dir(&repo, &workdir);
    let path = hooks.join("pre-commit");
    let shown = path.display().to_string();
    let ours = std::fs::read_to_string(&path).is_ok_and(|text| text.contains(MARKER));
    match args.action {
        Action::Install => {
            if path.exists() && !ours {
                bail!("{}", msg!("scaffold-hook-foreign", path = &shown).text(lang));
            }
            std::fs::create_dir_all(&hooks).with_context(|| {
                let dir = hooks.display().to_string();
                msg!("scaffold-create-failed", path = dir).text(lang)
            })?;
            // The script's comments are for whoever opens it: in the repository's language.
            let script = script(&root, &workdir, global.publication_locale(repo_locale));
            std::fs::write(&path, script)
                .with_context(|| msg!("scaffold-write-failed", path = &shown).text(lang))?;
            make_executable(&path, lang)?;
            if !global.quiet {
                eprintln!("{}", msg!("scaffold-hook-installed", path = &shown).text(lang));
            }
        }
        Action::Uninstall => {
            if !path.exists() {
                eprintln!("{}", msg!("scaffold-hook-none").text(lang));
            } else if !ours {
                bail!("{}", msg!("scaffold-hook-not-ours", path = &shown).text(lang));
            } else {
                std::fs::remove_file(&path)
                    .with_context(|| msg!("scaffold-remove-failed", path = &shown).text(lang))?;
                if !global.quiet {
                    eprintln!("{}", msg!("scaffold-hook-removed", path = &shown).text(lang));
                }
            }
        }
    }
    Ok(Outcome::Success)
}

/// The `locale` of the repository at `root`, read from its `planbook.yaml` alone; English
/// when there is none or it does not load.
pub(super) fn repo_locale(root: &Path) -> Locale {
    match std::fs::read(root.join("planbook.yaml")) {
        Ok(config) => load::load_files(root, config, Vec::new()).workspace.config.locale,
        Err(_) => Locale::En,
    }
}

/// `core.hooksPath` when set, else `.git/hooks`.
fn hooks_dir(repo: &gix::Repository, workdir: &Path) -> PathBuf {
    let configured = repo.config_snapshot().string("core.hooksPath").map(|p| p.to_string());
    match configured {
        Some(p) if !p.is_empty() => workdir.join(p),
        _ => repo.git_dir().join("hooks"),
    }
}

fn script(root: &Path, workdir: &Path, locale: Locale) -> String {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let workdir = workdir.canonicalize().unwrap_or_else(|_| workdir.to_path_buf());
    let rel = root.strip_prefix(&workdir).map(Path::to_path_buf).unwrap_or(root.clone());
    let dir = if rel.as_os_str().is_empty() { ".".to_string() } else { rel.display().to_string() };
    // Prefer `planbook` on PATH (updated by reinstalling); fall back to this binary.
    let exe = std::env::current_exe()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| "planbook".into());
    let written_by = msg!("scaffold-hook-written-by").text(locale);
    let explained = msg!("scaffold-hook-explained").text(locale);
    format!(
        "#!/bin/sh\n\
         {MARKER} ({written_by})\n\
         # {explained}\n\
         if command -v planbook >/dev/null 2>&1; then\n    \
         exec planbook -C {dir} check --staged\n\
         else\n    \
         exec {exe} -C {dir} check --staged\n\
         fi\n",
        dir = shell_quote(&dir),
        exe = shell_quote(&exe),
    )
}

fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "'\\''"))
}

#[cfg(unix)]
fn make_executable(path: &Path, lang: Locale) -> anyhow::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let failed = || msg!("scaffold-chmod-failed", path = path.display().to_string()).text(lang);
    let mut permissions = std::fs::metadata(path).with_context(failed)?.permissions();
    permissions.set_mode(0o755);
    std::fs::set_permissions(path, permissions).with_context(failed)
}

#[cfg(not(unix))]
fn make_executable(_path: &Path, _lang: Locale) -> anyhow::Result<()> {
    Ok(())
}
