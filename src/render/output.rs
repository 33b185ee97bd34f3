//! Writing the handbook: every file goes into a fresh temporary folder beside the output
//! folder, which then replaces the output folder by renaming, so readers see the old handbook
//! or the new one, never half of one.
//!
//! Static assets are written here too: the built-in ones, unless the data repository's
//! `templates/assets/` has a file of the same name, and every file from there.
//!
//! Every build writes a marker file; a non-empty folder without it was not made by planbook
//! and is never replaced (so `-o ~` fails instead of emptying a home folder). Paths are
//! checked to stay inside the output folder.

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use anyhow::{Context, bail};

use crate::i18n::{Failure, Msg, io_error, msg};
use crate::render::assets;

/// The file that marks a folder as a planbook handbook.
pub const MARKER: &str = ".planbook-handbook";

const MARKER_TEXT: &str = "This folder is a handbook built by `planbook build`.\n\
    planbook replaces it whole on every build; do not keep other files here.\n";

/// Checks that `out` may be (re)placed by the handbook of the repository at `root`; returns
/// it absolute, with `..` resolved.
pub fn check_target(root: &Path, out: &Path) -> anyhow::Result<PathBuf> {
    let out = absolute(out)?;
    let shown = out.display().to_string();
    let refuse = |id: &'static str| Failure(Msg::new(id).arg("path", shown.clone()));
    let name = out.file_name().ok_or_else(|| refuse("error-out-not-a-folder-name"))?;
    if name == "." || name == ".." {
        return Err(refuse("error-out-not-a-folder-name").into());
    }
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    if root.starts_with(&out) {
        return Err(refuse("error-out-holds-repository").into());
    }
    match std::fs::symlink_metadata(&out) {
        Err(_) => Ok(out),
        Ok(meta) if !meta.is_dir() => Err(refuse("error-out-not-a-folder").into()),
        Ok(_) => {
            let mut entries = std::fs::read_dir(&out).map_err(|e| {
                Failure(msg!("error-out-read", path = shown.clone(), reason = io_error(&e)))
            })?;
            if entries.next().is_some() && !out.join(MARKER).is_file() {
                let msg = msg!("error-out-foreign", path = shown.clone(), marker = MARKER);
                return Err(Failure(msg).into());
            }
            Ok(out)
        }
    }
}

/// `path` made absolute (without resolving a final symlink) and with `..` resolved lexically.
fn absolute(path: &Path) -> anyhow::Result<PathBuf> {
    let base = std::env::current_dir().context(Failure(msg!("error-current-folder")))?;
    let joined = base.join(path);
    let mut out = PathBuf::new();
    for part in joined.components() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    // Resolve symlinks in the parent, so the sibling temporary folder is on the same disk.
    if let (Some(parent), Some(name)) = (out.parent(), out.file_name())
        && let Ok(real) = parent.canonicalize()
    {
        return Ok(real.join(name));
    }
    Ok(out)
}

/// A new handbook being written into a temporary folder beside the output folder. Pages are
/// written as they are rendered (in parallel), so a large handbook is never held in memory.
/// [`Staging::commit`] swaps it into place; dropping it uncommitted removes it.
pub struct Staging {
    tmp: PathBuf,
    out: PathBuf,
    /// The handbook being replaced, whose unchanged files are linked instead of written.
    old: Option<PathBuf>,
    folders: Mutex<HashSet<PathBuf>>,
    committed: bool,
}

impl Staging {
    /// Creates the temporary folder for a new version of `out`.
    pub fn new(out: &Path) -> anyhow::Result<Staging> {
        let parent = out.parent().context(Failure(msg!("error-out-no-parent")))?;
        std::fs::create_dir_all(parent)
            .with_context(|| Failure(msg!("error-create", path = parent.display().to_string())))?;
        let name = out.file_name().context(Failure(msg!("error-out-no-name")))?.to_string_lossy();
        let tmp = parent.join(format!(".{name}.planbook-new-{}", stamp()));
        std::fs::create_dir(&tmp)
            .with_context(|| Failure(msg!("error-create", path = tmp.display().to_string())))?;
        let old = out.join(MARKER).is_file().then(|| out.to_path_buf());
        Ok(Staging {
            tmp,
            out: out.to_path_buf(),
            old,
            folders: Mutex::default(),
            committed: false,
        })
    }

    /// Writes one file at a site-relative path. A file of the handbook being replaced with the
    /// same bytes is linked instead: nothing is written, and removing the old handbook frees
    /// nothing (which on a disk that discards freed blocks is what removing costs).
    pub fn write(&self, path: &str, bytes: &[u8]) -> anyhow::Result<()> {
        let full = self.folder_for(path)?;
        if let Some(old) = &self.old
            && same_bytes(&old.join(path), bytes)
            && std::fs::hard_link(old.join(path), &full).is_ok()
        {
            return Ok(());
        }
        std::fs::write(&full, bytes)
            .with_context(|| Failure(msg!("error-write", path = full.display().to_string())))
    }

    /// Creates one file at a site-relative path, to be written by the caller.
    pub fn create(&self, path: &str) -> anyhow::Result<std::fs::File> {
        let full = self.folder_for(path)?;
        std::fs::File::create(&full)
            .with_context(|| Failure(msg!("error-write", path = full.display().to_string())))
    }

    /// The full path of a site-relative path, its folder created (once).
    fn folder_for(&self, path: &str) -> anyhow::Result<PathBuf> {
        inside(path)?;
        let full = self.tmp.join(path);
        if let Some(folder) = full.parent() {
            let known = self.folders.lock().is_ok_and(|f| f.contains(folder));
            if !known {
                std::fs::create_dir_all(folder).with_context(|| {
                    Failure(msg!("error-create", path = folder.display().to_string()))
                })?;
                if let Ok(mut f) = self.folders.lock() {
                    f.insert(folder.to_path_buf());
                }
            }
        }
        Ok(full)
    }

    /// Whether the file at `path` differs from the one in the output folder (or is new).
    pub fn differs(&self, path: &str) -> bool {
        let (new, old) = (self.tmp.join(path), self.out.join(path));
        let same_len = match (std::fs::metadata(&new), std::fs::symlink_metadata(&old)) {
            (Ok(n), Ok(o)) => o.is_file() && n.len() == o.len(),
            _ => false,
        };
        !same_len || std::fs::read(&new).ok() != std::fs::read(&old).ok()
    }

    /// Patches the output folder in place instead of replacing it: moves each of `changed`
    /// from here over the file of the same path there (a rename, so each file is replaced
    /// whole), and removes each of `gone` there, with the folders it leaves empty. For `serve`,
    /// whose output folder only it writes. Whatever was not moved is removed with this folder.
    pub fn patch(self, changed: &[String], gone: &[String]) -> anyhow::Result<()> {
        for path in changed {
            inside(path)?;
            let to = self.out.join(path);
            if let Some(folder) = to.parent() {
                std::fs::create_dir_all(folder).with_context(|| {
                    Failure(msg!("error-create", path = folder.display().to_string()))
                })?;
            }
            std::fs::rename(self.tmp.join(path), &to)
                .with_context(|| Failure(msg!("error-replace", path = to.display().to_string())))?;
        }
        for path in gone {
            inside(path)?;
            let file = self.out.join(path);
            match std::fs::remove_file(&file) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    return Err(e).with_context(|| {
                        Failure(msg!("error-remove", path = file.display().to_string()))
                    });
                }
                _ => {}
            }
            let mut folder = file.parent();
            while let Some(f) = folder.filter(|f| *f != self.out) {
                if std::fs::remove_dir(f).is_err() {
                    break;
                }
                folder = f.parent();
            }
        }
        Ok(())
    }

    /// Marks the new handbook and puts it in place of the old one.
    pub fn commit(mut self) -> anyhow::Result<()> {
        std::fs::write(self.tmp.join(MARKER), MARKER_TEXT)
            .context(Failure(msg!("error-write-marker")))?;
        let (tmp, out) = (self.tmp.clone(), self.out.clone());
        self.committed = true;
        if !out.exists() {
            return std::fs::rename(&tmp, &out).with_context(|| {
                Failure(msg!("error-move-handbook", path = out.display().to_string()))
            });
        }
        let parent = out.parent().context(Failure(msg!("error-out-no-parent")))?;
        let name = out.file_name().context(Failure(msg!("error-out-no-name")))?.to_string_lossy();
        let old = parent.join(format!(".{name}.planbook-old-{}", stamp()));
        std::fs::rename(&out, &old).with_context(|| {
            Failure(msg!("error-move-old-handbook", path = out.display().to_string()))
        })?;
        if let Err(e) = std::fs::rename(&tmp, &out) {
            let _ = std::fs::rename(&old, &out);
            let _ = std::fs::remove_dir_all(&tmp);
            return Err(e).with_context(|| {
                Failure(msg!("error-move-handbook", path = out.display().to_string()))
            });
        }
        std::fs::remove_dir_all(&old).with_context(|| {
            Failure(msg!("error-remove-old-handbook", path = old.display().to_string()))
        })
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.tmp);
        }
    }
}

/// Writes the built-in assets and those in `<root>/templates/assets/` (which win by name);
/// returns their paths.
pub fn write_assets(staging: &Staging, root: &Path) -> anyhow::Result<Vec<String>> {
    let user = assets::user_assets(root);
    let mut written = Vec::new();
    for (path, text) in assets::BUILTIN {
        if !user.iter().any(|(p, _)| p == path) {
            staging.write(path, text.as_bytes())?;
            written.push(path.to_string());
        }
    }
    for (path, file) in user {
        let bytes = std::fs::read(&file)
            .with_context(|| Failure(msg!("error-read", path = file.display().to_string())))?;
        staging.write(&path, &bytes)?;
        written.push(path);
    }
    Ok(written)
}

/// Whether the regular file at `path` holds exactly `bytes`.
fn same_bytes(path: &Path, bytes: &[u8]) -> bool {
    let Ok(meta) = std::fs::symlink_metadata(path) else { return false };
    meta.is_file()
        && meta.len() == bytes.len() as u64
        && std::fs::read(path).is_ok_and(|b| b == bytes)
}

/// A suffix unique to this process and moment.
fn stamp() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!("{}-{nanos}", std::process::id())
}

/// Checks that a site-relative path stays inside the output folder.
fn inside(path: &str) -> anyhow::Result<()> {
    let p = Path::new(path);
    let ok = !path.is_empty() && p.components().all(|c| matches!(c, Component::Normal(_)));
    if !ok {
        bail!("internal error: `{path}` would be written outside the output folder");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_must_stay_inside() {
        assert!(inside("people/p1.html").is_ok());
        for bad in ["../x.html", "/etc/passwd", "a/../../b", ""] {
            assert!(inside(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn foreign_folders_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("repo");
        std::fs::create_dir_all(&root).unwrap();
        let foreign = dir.path().join("home");
        std::fs::create_dir_all(&foreign).unwrap();
        std::fs::write(foreign.join("notes.txt"), "mine").unwrap();
        assert!(check_target(&root, &foreign).is_err());
        assert!(check_target(&root, dir.path()).is_err(), "an ancestor of the repository");
        assert!(check_target(&root, &dir.path().join("new")).is_ok());
    }
}
