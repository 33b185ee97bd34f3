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

/// Every document file under `root`, as paths relative to `root`, sorted.
pub fn walk(root: &Path, exclude: &GlobSet) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = ignore::WalkBuilder::new(root)
        .hidden(true)
        .git_ignore(true)
        .git_exclude(true)
        .git_global(false)
        .require_git(false)
        .parents(false)
        .follow_links(false)
        .build()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_some_and(|t| t.is_file()))
        .filter_map(|entry| entry.path().strip_prefix(root).ok().map(Path::to_path_buf))
        .filter(|rel| {
            rel.extension().and_then(|e| e.to_str()).is_some_and(|e| EXTENSIONS.contains(&e))
        })
        .filter(|rel| rel != Path::new(crate::load::CONFIG_FILE))
        .filter(|rel| !exclude.is_match(rel))
        .collect();
    files.sort();
    files
}
