//! Finds the documents of a data repository: every `.yaml`, `.yml` and `.md` file, honouring
//! `.gitignore`, hidden files and folders, and the `exclude` globs of `planbook.yaml`.
//!
//! The walk never follows a symbolic link, so nothing outside the repository is read. A link
//! whose target is inside the repository is left to the walk, which finds the target under its
//! own path (so a linked document is read once). A link that leads outside, is dangling or loops
//! is reported when its name is a document's or it leads to a folder. Pipes, sockets and devices
//! are never opened.

use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};

use crate::i18n::{Msg, msg};
use crate::load::ignore_files::Ignores;

/// Extensions of files planbook reads.
pub const EXTENSIONS: [&str; 4] = ["yaml", "yml", "md", "markdown"];

/// Builds the exclusion set; returns the index and message of each pattern that is invalid.
pub fn globs(patterns: &[&str]) -> (GlobSet, Vec<(usize, Msg)>) {
    let mut builder = GlobSetBuilder::new();
    let mut bad = Vec::new();
    for (i, pattern) in patterns.iter().enumerate() {
        match Glob::new(pattern) {
            Ok(glob) => {
                builder.add(glob);
                // `drafts` and `drafts/` exclude the folder's contents too.
                let folder = format!("{}/**", pattern.trim_end_matches('/'));
                if let Ok(glob) = Glob::new(&folder) {
                    builder.add(glob);
                }
            }
            Err(e) => bad.push((i, glob_error(e.kind()))),
        }
    }
    (builder.build().unwrap_or_else(|_| GlobSet::empty()), bad)
}

/// Why a glob is invalid; the English is globset's own wording.
fn glob_error(kind: &globset::ErrorKind) -> Msg {
    use globset::ErrorKind as K;
    match kind {
        K::InvalidRecursive => msg!("load-glob-recursive"),
        K::UnclosedClass => msg!("load-glob-unclosed-class"),
        K::InvalidRange(start, end) => {
            msg!("load-glob-range", start = start.to_string(), end = end.to_string())
        }
        K::UnopenedAlternates => msg!("load-glob-unopened-group"),
        K::UnclosedAlternates => msg!("load-glob-unclosed-group"),
        K::NestedAlternates => msg!("load-glob-nested-groups"),
        K::TooManyNestedAlternates => msg!("load-glob-too-deep"),
        K::DanglingEscape => msg!("load-glob-dangling-escape"),
        other => Msg::verbatim(other.to_string()),
    }
}

/// What the walk found: document files (relative to the root, sorted), the paths it could not
/// read, with the reason, and the links it did not follow because they lead outside.
#[derive(Debug, Default)]
pub struct Found {
    /// Document files.
    pub files: Vec<PathBuf>,
    /// Paths that could not be read (a dangling link, a pipe, a folder without permission).
    pub errors: Vec<(PathBuf, Msg)>,
    /// Links that lead outside the repository: to a file under a document's name, or to a folder.
    pub outside: Vec<Outside>,
}

/// A link the walk did not follow because its target is outside the repository.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Outside {
    /// The link, relative to the root.
    pub link: PathBuf,
    /// Whether it leads to a folder.
    pub folder: bool,
}

/// What a symbolic link leads to.
enum Link {
    /// A file or folder inside the repository, which the walk meets under its own path.
    Inside,
    /// Something outside the repository; `true` for a folder.
    Outside(bool),
    /// Nothing: the link is dangling or loops, with the reason.
    Broken(Msg),
}

/// The one way planbook walks a data repository's folder: hidden files and folders and
/// ignored paths left out (the repository's own `.ignore`, `.gitignore` and
/// `.git/info/exclude`, not the user's global ones, so every machine sees the same files), and
/// `skip` (the output folder `serve` writes to) with what is under it. `serve` walks with it
/// too, to see what changed. Links are never followed (see the module's comment), and the
/// ignore files are read by [`Ignores`], never through a link or from a pipe.
pub fn walker(root: &Path, skip: Option<PathBuf>) -> ignore::WalkBuilder {
    let ignores = Ignores::new(root);
    let mut builder = ignore::WalkBuilder::new(root);
    builder
        .hidden(true)
        .ignore(false)
        .git_ignore(false)
        .git_exclude(false)
        .git_global(false)
        .require_git(false)
        .parents(false)
        .follow_links(false)
        .filter_entry(move |entry| {
            let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
            skip.as_deref() != Some(entry.path()) && !ignores.is_ignored(entry.path(), is_dir)
        });
    builder
}

/// Every document file under `root`, and the links and special files it did not read.
pub fn walk(root: &Path, exclude: &GlobSet) -> Found {
    let real_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let mut found = Found::default();
    for entry in walker(root, None).build() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                if let Some(path) = error_path(&error) {
                    let rel = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
                    if is_document(&rel) && !exclude.is_match(&rel) {
                        found.errors.push((rel, io_message(&error)));
                    }
                }
                continue;
            }
        };
        let (Some(kind), Ok(rel)) = (entry.file_type(), entry.path().strip_prefix(root)) else {
            continue;
        };
        if kind.is_dir() || rel == Path::new(crate::load::CONFIG_FILE) || exclude.is_match(rel) {
            continue;
        }
        let rel = rel.to_path_buf();
        if kind.is_file() {
            if is_document(&rel) {
                found.files.push(rel);
            }
        } else if kind.is_symlink() {
            match follow(entry.path(), &real_root) {
                Link::Inside => {}
                Link::Outside(folder) if folder || is_document(&rel) => {
                    found.outside.push(Outside { link: rel, folder });
                }
                Link::Outside(_) => {}
                Link::Broken(reason) if is_document(&rel) => found.errors.push((rel, reason)),
                Link::Broken(_) => {}
            }
        } else if is_document(&rel) {
            // A pipe would block the read and a device could be endless: never open them.
            found.errors.push((rel, msg!("load-not-regular")));
        }
    }
    found.files.sort();
    found.errors.sort();
    found.outside.sort();
    found
}

/// Where the link at `path` leads, without reading anything through it.
fn follow(path: &Path, real_root: &Path) -> Link {
    match path.canonicalize() {
        Ok(target) if target.starts_with(real_root) => Link::Inside,
        Ok(target) => Link::Outside(target.is_dir()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Link::Broken(dangling()),
        Err(e) if is_loop(&e) => Link::Broken(msg!("load-link-loop")),
        Err(e) => Link::Broken(msg!("load-link-broken", error = e.to_string())),
    }
}

fn dangling() -> Msg {
    msg!("load-link-dangling")
}

/// Whether `e` says a chain of links loops (`ELOOP`; `ErrorKind::FilesystemLoop` is unstable).
fn is_loop(e: &std::io::Error) -> bool {
    let eloop = if cfg!(any(target_os = "linux", target_os = "android")) { 40 } else { 62 };
    cfg!(unix) && e.raw_os_error() == Some(eloop)
}

/// Whether a repository-relative path from git is a document file planbook reads: a document
/// extension, not `planbook.yaml` itself, and no hidden folder or file on the way.
pub fn is_candidate(rel: &Path) -> bool {
    is_document(rel)
        && rel != Path::new(crate::load::CONFIG_FILE)
        && !rel.components().any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
}

fn is_document(rel: &Path) -> bool {
    rel.extension().and_then(|e| e.to_str()).is_some_and(|e| EXTENSIONS.contains(&e))
}

fn error_path(error: &ignore::Error) -> Option<PathBuf> {
    match error {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        ignore::Error::Loop { child, .. } => Some(child.clone()),
        _ => None,
    }
}

fn io_message(error: &ignore::Error) -> Msg {
    match error {
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => io_message(err),
        ignore::Error::Io(io) if io.kind() == std::io::ErrorKind::NotFound => dangling(),
        ignore::Error::Io(io) => crate::i18n::io_error(io),
        other => Msg::verbatim(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    /// A bad glob's message keeps globset's English and has a Chinese twin.
    #[test]
    fn bad_globs_keep_the_glob_library_english() {
        for pattern in ["[a", "a/**b", "{a", "a}", "{a,{b}}", "a\\", "[z-a]"] {
            let Err(e) = Glob::new(pattern) else { continue };
            let message = glob_error(e.kind());
            assert_eq!(message.en(), e.kind().to_string(), "{pattern}");
            assert!(!message.id().is_empty(), "{pattern}: {}", e.kind());
            let zh = message.text(Locale::ZhCn);
            assert!(zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{zh}");
        }
        let (_, bad) = globs(&["ok/*", "[a"]);
        assert_eq!(bad.len(), 1);
        assert_eq!(bad[0].1.text(Locale::ZhCn), "字符集合未闭合，缺少 `]`");
    }
}
