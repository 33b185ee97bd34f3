//! Finds the documents of a data repository: every `.yaml`, `.yml` and `.md` file, honouring
//! `.gitignore`, hidden files and folders, and the `exclude` globs of `planbook.yaml`.

use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};

/// Extensions of files planbook reads.
pub const EXTENSIONS: [&str; 4] = ["yaml", "yml", "md", "markdown"];

/// Builds the exclusion set; returns the index and message of each pattern that is invalid.
pub fn globs(patterns: &[&str]) -> (GlobSet, Vec<(usize, String)>) {
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
            Err(e) => bad.push((i, e.kind().to_string())),
        }
    }
    (builder.build().unwrap_or_else(|_| GlobSet::empty()), bad)
}

/// What the walk found: document files (relative to the root, sorted) and the paths it
/// could not read, with the reason.
#[derive(Debug, Default)]
pub struct Found {
    /// Document files.
    pub files: Vec<PathBuf>,
    /// Paths that could not be read (a dangling link, a folder without permission).
    pub errors: Vec<(PathBuf, String)>,
}

/// The one way planbook walks a data repository's folder: hidden files and folders and
/// git-ignored paths left out (the repository's own `.gitignore` and `.git/info/exclude`, not
/// the user's global one, so every machine sees the same files). `serve` walks with it too, to
/// see what changed.
pub fn walker(root: &Path) -> ignore::WalkBuilder {
    let mut builder = ignore::WalkBuilder::new(root);
    builder
        .hidden(true)
        .git_ignore(true)
        .git_exclude(true)
        .git_global(false)
        .require_git(false)
        .parents(false)
        .follow_links(true);
    builder
}

/// Every document file under `root`.
pub fn walk(root: &Path, exclude: &GlobSet) -> Found {
    let mut found = Found::default();
    for entry in walker(root).build() {
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
        if !entry.file_type().is_some_and(|t| t.is_file()) {
            continue;
        }
        let Ok(rel) = entry.path().strip_prefix(root) else { continue };
        if is_document(rel) && rel != Path::new(crate::load::CONFIG_FILE) && !exclude.is_match(rel)
        {
            found.files.push(rel.to_path_buf());
        }
    }
    found.files.sort();
    found.errors.sort();
    found
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

fn io_message(error: &ignore::Error) -> String {
    match error {
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => io_message(err),
        ignore::Error::Io(io) if io.kind() == std::io::ErrorKind::NotFound => {
            "it is a link to a file that does not exist".into()
        }
        other => other.to_string(),
    }
}
