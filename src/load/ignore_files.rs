//! The ignore rules of a data repository — `.ignore`, `.gitignore` and `.git/info/exclude` —
//! read by planbook itself rather than by the `ignore` crate's walker, which opens those files
//! by name: through a link, and blocking on a pipe or reading `/dev/zero` for ever. Here each is
//! read only when it is a regular file (see `load::read_file`); anything else counts as absent.
//!
//! The precedence is the `ignore` crate's: the nearest `.ignore` that matches decides, then the
//! nearest `.gitignore`, then `.git/info/exclude`; `.gitignore` and `info/exclude` do not apply
//! across a nested git repository.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use ignore::Match;
use ignore::gitignore::{Gitignore, GitignoreBuilder};

/// The ignore rules of each folder of a walk, read the first time a path below it is asked about.
pub struct Ignores {
    root: PathBuf,
    levels: Mutex<HashMap<PathBuf, Arc<Level>>>,
}

/// One folder's rules.
struct Level {
    ignore: Gitignore,
    git: Gitignore,
    exclude: Gitignore,
    has_git: bool,
}

impl Ignores {
    /// The rules of the repository at `root`.
    pub fn new(root: &Path) -> Ignores {
        Ignores { root: root.to_path_buf(), levels: Mutex::default() }
    }

    /// Whether `path` (below the root) is ignored; its parent folders are known not to be.
    pub fn is_ignored(&self, path: &Path, is_dir: bool) -> bool {
        // Each is `Some(true)` once a rule ignores the path, `Some(false)` once one re-includes it.
        let (mut ignore, mut git, mut exclude) = (None, None, None);
        let decide = |rules: &Gitignore| match rules.matched(path, is_dir) {
            Match::None => None,
            m => Some(m.is_ignore()),
        };
        let mut saw_git = false;
        for dir in path.ancestors().skip(1).take_while(|d| d.starts_with(&self.root)) {
            let level = self.level(dir);
            ignore = ignore.or_else(|| decide(&level.ignore));
            if !saw_git {
                git = git.or_else(|| decide(&level.git));
                exclude = exclude.or_else(|| decide(&level.exclude));
            }
            saw_git |= level.has_git;
        }
        ignore.or(git).or(exclude).unwrap_or(false)
    }

    fn level(&self, dir: &Path) -> Arc<Level> {
        let mut levels = self.levels.lock().unwrap_or_else(|e| e.into_inner());
        let is_root = dir == self.root;
        levels
            .entry(dir.to_path_buf())
            .or_insert_with(|| Arc::new(Level::read(dir, is_root)))
            .clone()
    }
}

impl Level {
    /// The rules of folder `dir`; `is_root` when it is the data repository's root.
    fn read(dir: &Path, is_root: bool) -> Level {
        let git_dir = dir.join(".git");
        let has_git = std::fs::symlink_metadata(&git_dir).is_ok();
        let exclude = match has_git.then(|| info_exclude(&git_dir, is_root)).flatten() {
            Some(path) => matcher(dir, &path),
            None => Gitignore::empty(),
        };
        Level {
            ignore: matcher(dir, &dir.join(".ignore")),
            git: matcher(dir, &dir.join(".gitignore")),
            exclude,
            has_git,
        }
    }
}

/// `info/exclude` of the repository whose `.git` is `git_dir`: a folder (with a real `info`
/// folder in it), or, only for the data repository's own root, a work tree's file naming the
/// real one (`gitdir: …`, whose `commondir` holds the shared `info/`). A `.git` file deeper in
/// the tree could name any folder on the machine, so it is not followed.
fn info_exclude(git_dir: &Path, is_root: bool) -> Option<PathBuf> {
    let meta = std::fs::symlink_metadata(git_dir).ok()?;
    if meta.is_dir() {
        let info = git_dir.join("info");
        return std::fs::symlink_metadata(&info)
            .is_ok_and(|m| m.is_dir())
            .then(|| info.join("exclude"));
    }
    if !is_root {
        return None;
    }
    let text = read_text(git_dir)?;
    let real = PathBuf::from(text.lines().next()?.strip_prefix("gitdir: ")?.trim_end());
    let real = if real.is_relative() { git_dir.parent()?.join(real) } else { real };
    let common = read_text(&real.join("commondir"))
        .and_then(|t| t.lines().next().map(|l| real.join(l.trim_end())))
        .unwrap_or(real);
    Some(common.join("info/exclude"))
}

/// The rules in the ignore file at `path`, relative to `dir`; none unless it is a regular file.
fn matcher(dir: &Path, path: &Path) -> Gitignore {
    let mut builder = GitignoreBuilder::new(dir);
    if let Some(text) = read_text(path) {
        for line in text.trim_start_matches('\u{feff}').lines() {
            // A bad pattern is skipped, as git does.
            let _ = builder.add_line(Some(path.to_path_buf()), line);
        }
    }
    builder.build().unwrap_or_else(|_| Gitignore::empty())
}

/// The text of a regular file (never a link, pipe or device), if there is one.
fn read_text(path: &Path) -> Option<String> {
    let bytes = crate::load::read_file(path).ok()?;
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repo(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temporary folder");
        for (rel, text) in files {
            let path = dir.path().join(rel);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, text).expect("write");
        }
        dir
    }

    fn ignored(dir: &tempfile::TempDir, rel: &str) -> bool {
        let path = dir.path().join(rel.trim_end_matches('/'));
        Ignores::new(dir.path()).is_ignored(&path, rel.ends_with('/'))
    }

    #[test]
    fn the_nearest_gitignore_decides_and_may_re_include() {
        let dir = repo(&[(".gitignore", "*.yaml\nout/\n"), ("keep/.gitignore", "!a.yaml\n")]);
        assert!(ignored(&dir, "b.yaml"));
        assert!(ignored(&dir, "out/"));
        assert!(!ignored(&dir, "keep/a.yaml"));
        assert!(ignored(&dir, "keep/b.yaml"));
        assert!(!ignored(&dir, "b.md"));
    }

    #[test]
    fn dot_ignore_wins_over_gitignore_and_exclude_comes_last() {
        let dir = repo(&[
            (".gitignore", "a.yaml\n"),
            (".ignore", "!a.yaml\n"),
            (".git/info/exclude", "b.yaml\n!c.yaml\n"),
            ("sub/.gitignore", "c.yaml\n"),
        ]);
        assert!(!ignored(&dir, "a.yaml"));
        assert!(ignored(&dir, "b.yaml"));
        assert!(ignored(&dir, "sub/c.yaml"), "a .gitignore wins over info/exclude");
    }

    #[test]
    fn gitignore_stops_at_a_nested_repository() {
        let dir = repo(&[(".gitignore", "*.yaml\n"), ("inner/.git/HEAD", "ref\n")]);
        assert!(ignored(&dir, "a.yaml"));
        assert!(!ignored(&dir, "inner/a.yaml"));
    }

    #[test]
    fn a_work_tree_reads_the_shared_info_exclude() {
        let dir = repo(&[
            ("main/.git/info/exclude", "x.yaml\n"),
            ("main/.git/worktrees/wt/commondir", "../..\n"),
        ]);
        let gitdir = dir.path().join("main/.git/worktrees/wt");
        let wt = dir.path().join("wt");
        std::fs::create_dir_all(&wt).expect("mkdir");
        std::fs::write(wt.join(".git"), format!("gitdir: {}\n", gitdir.display())).expect("write");
        assert!(Ignores::new(&wt).is_ignored(&wt.join("x.yaml"), false));
    }

    #[cfg(unix)]
    #[test]
    fn an_ignore_file_that_is_a_link_or_a_device_counts_as_absent() {
        let outside = repo(&[("rules", "*\n")]);
        let dir = repo(&[]);
        std::os::unix::fs::symlink(outside.path().join("rules"), dir.path().join(".gitignore"))
            .expect("symlink");
        std::os::unix::fs::symlink("/dev/zero", dir.path().join(".ignore")).expect("symlink");
        assert!(!ignored(&dir, "a.yaml"));
    }
}
