//! `planbook hook install|uninstall`: a plain git pre-commit hook that runs
//! `planbook check --staged`.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use clap::{Args, Subcommand};

use crate::cli::{Global, Outcome};
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
    let repo = gix::discover(&root).map_err(|_| {
        anyhow::anyhow!("`{}` is not in a git repository; run `git init` first", root.display())
    })?;
    let workdir = repo.workdir().context("the git repository is bare")?.to_path_buf();
    let hooks = hooks_dir(&repo, &workdir);
    let path = hooks.join("pre-commit");
    let ours = std::fs::read_to_string(&path).is_ok_and(|text| text.contains(MARKER));
    match args.action {
        Action::Install => {
            if path.exists() && !ours {
                bail!(
                    "`{}` already exists and was not written by planbook; add \
                     `planbook check --staged` to it yourself, or move it away and run this again",
                    path.display()
                );
            }
            std::fs::create_dir_all(&hooks)
                .with_context(|| format!("failed to create `{}`", hooks.display()))?;
            let script = script(&root, &workdir);
            std::fs::write(&path, script)
                .with_context(|| format!("failed to write `{}`", path.display()))?;
            make_executable(&path)?;
            if !global.quiet {
                eprintln!(
                    "installed {}: every commit now runs `planbook check --staged`",
                    path.display()
                );
            }
        }
        Action::Uninstall => {
            if !path.exists() {
                eprintln!("no pre-commit hook is installed");
            } else if !ours {
                bail!("`{}` was not written by planbook; leaving it alone", path.display());
            } else {
                std::fs::remove_file(&path)
                    .with_context(|| format!("failed to remove `{}`", path.display()))?;
                if !global.quiet {
                    eprintln!("removed {}", path.display());
                }
            }
        }
    }
    Ok(Outcome::Success)
}

/// `core.hooksPath` when set, else `.git/hooks`.
fn hooks_dir(repo: &gix::Repository, workdir: &Path) -> PathBuf {
    let configured = repo.config_snapshot().string("core.hooksPath").map(|p| p.to_string());
    match configured {
        Some(p) if !p.is_empty() => workdir.join(p),
        _ => repo.git_dir().join("hooks"),
    }
}

fn script(root: &Path, workdir: &Path) -> String {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let workdir = workdir.canonicalize().unwrap_or_else(|_| workdir.to_path_buf());
    let rel = root.strip_prefix(&workdir).map(Path::to_path_buf).unwrap_or(root.clone());
    let dir = if rel.as_os_str().is_empty() { ".".to_string() } else { rel.display().to_string() };
    // Prefer `planbook` on PATH (updated by reinstalling); fall back to this binary.
    let exe = std::env::current_exe()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| "planbook".into());
    format!(
        "#!/bin/sh\n\
         {MARKER} (written by `planbook hook install`; `planbook hook uninstall` removes it)\n\
         # Checks the staged documents before each commit; `git commit --no-verify` skips it \
         once.\n\
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
fn make_executable(path: &Path) -> anyhow::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mut permissions = std::fs::metadata(path)?.permissions();
    permissions.set_mode(0o755);
    std::fs::set_permissions(path, permissions)
        .with_context(|| format!("failed to make `{}` executable", path.display()))
}

#[cfg(not(unix))]
fn make_executable(_path: &Path) -> anyhow::Result<()> {
    Ok(())
}
