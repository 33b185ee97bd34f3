//! The parse cache: a warm `check` prints exactly what a cold one prints, reads only what
//! changed, and survives edits, renames, deletions, a new configuration, a new planbook, a
//! damaged cache file and two runs at once.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, SystemTime};

use crate::support::{Repo, copy_tree, project_root, require_tool};

/// A data repository and a cache folder of its own.
struct Cached {
    repo: Repo,
    cache: tempfile::TempDir,
}

/// What one `check` printed.
#[derive(Debug, PartialEq)]
struct Printed {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl From<Output> for Printed {
    fn from(o: Output) -> Printed {
        Printed {
            code: o.status.code(),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }
}

impl Cached {
    fn new(repo: Repo) -> Cached {
        Cached { repo, cache: tempfile::tempdir().expect("cache folder") }
    }

    fn path(&self) -> &Path {
        self.repo.path()
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_planbook"));
        cmd.arg("check")
            .args(args)
            .current_dir(self.path())
            .env("PLANBOOK_CACHE_DIR", self.cache.path())
            .env_remove("PLANBOOK_CACHE_SALT")
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR_FORCE")
            // The `-v` statistics are read as English.
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "en_US.UTF-8");
        cmd
    }

    fn check(&self, args: &[&str]) -> Printed {
        self.command(args).output().expect("run planbook").into()
    }

    /// Every format, as a cold run without the cache prints it.
    fn reference(&self) -> Vec<Printed> {
        FORMATS.iter().map(|f| self.check(&[f, "--no-cache"])).collect()
    }

    /// Every format through the cache.
    fn cached(&self) -> Vec<Printed> {
        FORMATS.iter().map(|f| self.check(&[f])).collect()
    }

    /// `(read, parsed, files)` of a cached run, from `-v`.
    fn stats(&self, env: &[(&str, &str)]) -> (usize, usize, usize) {
        let mut cmd = self.command(&["-v"]);
        cmd.envs(env.iter().copied());
        let out: Printed = cmd.output().expect("run planbook").into();
        let line = out
            .stderr
            .lines()
            .find(|l| l.starts_with("read "))
            .unwrap_or_else(|| panic!("no statistics in\n{}", out.stderr));
        let words: Vec<&str> = line.split(' ').collect();
        let n = |i: usize| words[i].parse::<usize>().unwrap_or_else(|_| panic!("{line}"));
        (n(1), n(6), n(3))
    }

    /// The cache files written (temporary files included).
    fn cache_files(&self) -> Vec<PathBuf> {
        files_under(self.cache.path())
    }

    fn write(&self, rel: &str, text: &str) {
        let path = self.path().join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }
}

const FORMATS: [&str; 3] = ["--format=human", "--format=json", "--format=short"];

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(read) = std::fs::read_dir(dir) else { return out };
    for entry in read.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// Dates every file under `dir` an hour back, so none is "racy" (modified too close to the
/// cache's writing for its stamp to be trusted).
fn age(dir: &Path) {
    let past = SystemTime::now() - Duration::from_secs(3600);
    for path in files_under(dir) {
        let file = std::fs::File::options().write(true).open(&path).expect("open");
        file.set_modified(past).expect("set mtime");
    }
}

fn plans() -> Cached {
    let repo = Repo::empty();
    copy_tree(&project_root().join("plans"), repo.path());
    let _ = std::fs::remove_dir_all(repo.path().join("_site"));
    age(repo.path());
    Cached::new(repo)
}

/// Errors in several files: a YAML syntax error, a schema error, and a duplicate budget whose
/// diagnostic points into two files.
fn broken() -> Cached {
    let repo = Repo::fixture("check/document.duplicate")
        .file("broken.yaml", "kind: roster\nunit: [henan\n")
        .file("typo.yaml", "kind: roster\nunit: henan\npeople: 55\n")
        .file("notes.md", "---\ntitle: 笔记\n---\n第一版\n");
    age(repo.path());
    Cached::new(repo)
}

#[test]
fn warm_output_equals_cold_output_and_nothing_unchanged_is_read() {
    for repo in [plans(), broken()] {
        let reference = repo.reference();
        assert!(repo.cache_files().is_empty(), "--no-cache wrote {:?}", repo.cache_files());
        assert_eq!(repo.cached(), reference, "cold run through the cache");
        let (read, parsed, files) = repo.stats(&[]);
        assert!(files > 3);
        assert_eq!((read, parsed), (0, 0), "a warm run reads and parses nothing");
        assert_eq!(repo.cached(), reference, "warm run");
    }
}

#[test]
fn an_edit_elsewhere_still_shows_snippets_of_unread_files() {
    let repo = broken();
    repo.cached();
    repo.write("notes.md", "---\ntitle: 笔记\n---\n第二版，更长一些\n");
    let reference = repo.reference();
    assert!(reference[0].stderr.contains("3 | period: 2026-12"), "{}", reference[0].stderr);
    assert!(reference[0].stderr.contains("broken.yaml"), "{}", reference[0].stderr);
    assert_eq!(repo.cached(), reference);
    assert_eq!(repo.stats(&[]).0, 1, "only the edited file is read");
}

#[test]
fn edits_renames_deletions_and_new_files_are_seen() {
    let repo = broken();
    repo.cached();
    // Same size, and the modification time set back to what it was.
    let path = repo.path().join("typo.yaml");
    let before = std::fs::metadata(&path).and_then(|m| m.modified()).expect("mtime");
    let text = std::fs::read_to_string(&path).expect("read");
    let fixed = text.replace("55", "[]");
    assert_eq!(fixed.len(), text.len());
    std::fs::write(&path, &fixed).expect("write");
    let file = std::fs::File::options().write(true).open(&path).expect("open");
    file.set_modified(before).expect("set mtime");
    let reference = repo.reference();
    assert!(!reference[1].stdout.contains("typo.yaml"), "{}", reference[1].stdout);
    assert_eq!(repo.cached(), reference, "same size and mtime, new content");

    std::fs::rename(repo.path().join("broken.yaml"), repo.path().join("moved.yaml"))
        .expect("rename");
    let reference = repo.reference();
    assert!(reference[1].stdout.contains("moved.yaml"), "{}", reference[1].stdout);
    assert_eq!(repo.cached(), reference, "renamed file");

    std::fs::remove_file(repo.path().join("2026-12.budget-修订.yaml")).expect("delete");
    let reference = repo.reference();
    assert!(!reference[1].stdout.contains("document.duplicate"), "{}", reference[1].stdout);
    assert_eq!(repo.cached(), reference, "deleted file");

    repo.write("sub/new.yaml", "kind: budget\nunit: nowhere\nperiod: 2026-12\n");
    let reference = repo.reference();
    assert!(reference[1].stdout.contains("sub/new.yaml"), "{}", reference[1].stdout);
    assert_eq!(repo.cached(), reference, "new file");
    age(repo.path());
    repo.cached();
    assert_eq!(repo.stats(&[]).0, 0, "after the changes the cache is whole again");
}

#[test]
fn a_racy_file_is_compared_by_content() {
    // A file modified at (or after) the moment the cache was written may have changed within
    // the same clock tick without its stamp changing: it is read and compared by content
    // (and, when it matches, not parsed).
    let repo = broken();
    let files = std::fs::read_dir(repo.path()).expect("list").count() - 1;
    let future = SystemTime::now() + Duration::from_secs(600);
    for path in files_under(repo.path()) {
        let file = std::fs::File::options().write(true).open(&path).expect("open");
        file.set_modified(future).expect("set mtime");
    }
    let reference = repo.reference();
    assert_eq!(repo.cached(), reference);
    assert_eq!(repo.stats(&[]), (files, 0, files), "racy files are read, not parsed");
    assert_eq!(repo.cached(), reference);
}

#[test]
fn a_changed_configuration_or_planbook_version_rebuilds_the_cache() {
    let repo = broken();
    repo.cached();
    let (_, parsed, files) = repo.stats(&[("PLANBOOK_CACHE_SALT", "9.9.9")]);
    assert_eq!(parsed, files, "another planbook version parses everything");
    assert_eq!(repo.stats(&[("PLANBOOK_CACHE_SALT", "9.9.9")]).1, 0);
    assert_eq!(repo.stats(&[]).1, files, "and back");

    let config = std::fs::read_to_string(repo.path().join("planbook.yaml")).expect("config");
    repo.write("planbook.yaml", &format!("{config}rules:\n  yaml.syntax: warning\n"));
    let reference = repo.reference();
    assert!(reference[1].stdout.contains("\"severity\":\"warning\""), "{}", reference[1].stdout);
    assert_eq!(repo.stats(&[]).1, files, "a new planbook.yaml parses everything");
    assert_eq!(repo.cached(), reference);
}

#[test]
fn a_damaged_cache_is_ignored_and_rebuilt() {
    let repo = broken();
    let reference = repo.reference();
    repo.cached();
    let [cache] = repo.cache_files().try_into().expect("one cache file");
    let good = std::fs::read(&cache).expect("cache");
    assert_eq!(repo.stats(&[]).1, 0);
    let mut flipped = good.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x5a;
    let noise: Vec<u8> = (0..good.len()).map(|i| (i * 7919 % 251) as u8).collect();
    let damaged =
        [good[..good.len() / 3].to_vec(), Vec::new(), flipped, noise, good[..40].to_vec()];
    for bytes in damaged {
        std::fs::write(&cache, &bytes).expect("damage");
        let (_, parsed, files) = repo.stats(&[]);
        assert_eq!(parsed, files, "a damaged cache is not used");
        assert_eq!(repo.stats(&[]).1, 0, "and is rebuilt");
        std::fs::write(&cache, &bytes).expect("damage");
        assert_eq!(repo.cached(), reference);
    }
}

#[test]
fn two_runs_at_once_both_print_the_right_thing() {
    let repo = plans();
    for round in 0..4 {
        if round % 2 == 1 {
            repo.write("policies/extra.md", &format!("---\ntitle: 第{round}版\n---\n"));
        }
        let reference = repo.reference();
        let children: Vec<_> = (0..3)
            .map(|_| {
                let mut cmd = repo.command(&["--format=json"]);
                cmd.stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped());
                cmd.spawn().expect("spawn")
            })
            .collect();
        for child in children {
            let out: Printed = child.wait_with_output().expect("wait").into();
            assert_eq!(out, reference[1], "round {round}");
        }
        let files = repo.cache_files();
        assert_eq!(files.len(), 1, "no temporary file left: {files:?}");
        assert_eq!(repo.cached(), reference, "the cache left behind is valid");
    }
}

#[test]
fn the_cache_is_never_written_into_the_work_tree() {
    if !require_tool("git") {
        return;
    }
    let repo = broken();
    let status =
        Command::new("git").args(["init", "-q"]).current_dir(repo.path()).status().expect("git");
    assert!(status.success());
    let before = files_under(repo.path());
    let run = |env: &[(&str, &Path)]| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_planbook"));
        cmd.args(["check", "-v", "--lang", "en"])
            .current_dir(repo.path())
            .env_remove("PLANBOOK_CACHE_DIR");
        cmd.envs(env.iter().copied());
        let out: Printed = cmd.output().expect("run").into();
        out.stderr
    };
    let stderr = run(&[]);
    let cache = repo.path().canonicalize().expect("root").join(".git/planbook/parse-cache");
    assert!(cache.is_file(), "no cache in the git folder:\n{stderr}");
    assert!(run(&[]).contains("read 0 of"), "the git folder's cache is used");

    // Outside git: under XDG_CACHE_HOME, and never in the repository.
    std::fs::remove_dir_all(repo.path().join(".git")).expect("remove .git");
    let xdg = tempfile::tempdir().expect("xdg");
    let stderr = run(&[("XDG_CACHE_HOME", xdg.path())]);
    let written = files_under(xdg.path());
    assert_eq!(written.len(), 1, "{stderr}");
    assert!(written[0].ends_with("parse-cache"));
    let after: Vec<PathBuf> = files_under(repo.path())
        .into_iter()
        .filter(|p| !p.starts_with(repo.path().join(".git")))
        .collect();
    let before: Vec<PathBuf> =
        before.into_iter().filter(|p| !p.starts_with(repo.path().join(".git"))).collect();
    assert_eq!(after, before, "nothing written into the work tree");
}

#[test]
fn no_cache_neither_reads_nor_writes_one() {
    let repo = broken();
    repo.check(&["--no-cache"]);
    assert!(repo.cache_files().is_empty());
    repo.cached();
    let [cache] = repo.cache_files().try_into().expect("one cache file");
    let written = std::fs::read(&cache).expect("cache");
    repo.write("notes.md", "---\ntitle: 新\n---\n");
    let out = repo.check(&["--no-cache", "-v"]);
    assert!(out.stderr.contains("no parse cache"), "{}", out.stderr);
    assert_eq!(std::fs::read(&cache).expect("cache"), written, "--no-cache leaves it alone");
}

#[test]
fn staged_checks_reuse_the_work_tree_cache() {
    if !require_tool("git") {
        return;
    }
    let repo = broken();
    let git = |args: &[&str]| {
        let status = Command::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
            .args(args)
            .current_dir(repo.path())
            .status()
            .expect("git");
        assert!(status.success(), "git {args:?}");
    };
    git(&["init", "-q"]);
    git(&["add", "."]);
    repo.write("notes.md", "---\ntitle: 未暂存\n---\n");
    repo.write("typo.yaml", "kind: roster\nunit: henan\npeople: 55\nextra: 1\n");
    git(&["add", "typo.yaml"]);
    let reference = repo.check(&["--staged", "--format=json", "--no-cache"]);
    assert!(reference.stdout.contains("extra"), "{}", reference.stdout);
    repo.cached();
    assert_eq!(repo.check(&["--staged", "--format=json"]), reference);
    let out = repo.check(&["--staged", "-v"]);
    let files = std::fs::read_dir(repo.path()).expect("list").count() - 2;
    let expected = format!("read {files} of {files} files, parsed 1 (");
    assert!(out.stderr.contains(&expected), "{expected}\n{}", out.stderr);
}

impl Cached {
    /// Builds the handbook into `out` (without history), through the cache unless `--no-cache`
    /// is among `args`, and returns every file of it with its bytes.
    fn build(&self, out: &Path, args: &[&str]) -> Vec<(PathBuf, Vec<u8>)> {
        let status = Command::new(env!("CARGO_BIN_EXE_planbook"))
            .args(["build", "-q", "--no-history", "-o"])
            .arg(out)
            .args(args)
            .current_dir(self.path())
            .env("PLANBOOK_CACHE_DIR", self.cache.path())
            .env_remove("PLANBOOK_CACHE_SALT")
            .status()
            .expect("run planbook build");
        assert!(status.success(), "build failed");
        files_under(out)
            .into_iter()
            .map(|p| {
                let bytes = std::fs::read(&p).expect("read page");
                (p.strip_prefix(out).expect("inside").to_path_buf(), bytes)
            })
            .collect()
    }
}

#[test]
fn a_handbook_built_through_the_cache_equals_one_built_without() {
    let repo = plans();
    let sites = tempfile::tempdir().expect("output folder");
    let fresh = |name: &str| sites.path().join(name);
    let reference = repo.build(&fresh("reference"), &["--no-cache"]);
    assert!(repo.cache_files().is_empty(), "--no-cache wrote {:?}", repo.cache_files());
    // The cache a check leaves holds no Markdown bodies; a build reads them from the files.
    repo.cached();
    assert!(!repo.cache_files().is_empty());
    assert!(repo.build(&fresh("after-check"), &[]) == reference, "built from check's cache");
    assert!(repo.build(&fresh("warm"), &[]) == reference, "built from the build's cache");
    // An edited plan body shows in the next build.
    let plan = files_under(repo.path())
        .into_iter()
        .find(|p| p.file_name().is_some_and(|n| n.to_string_lossy().ends_with(".plan.md")))
        .expect("a plan in plans/");
    let text = std::fs::read_to_string(&plan).expect("read plan") + "\n新增的一段话。\n";
    std::fs::write(&plan, text).expect("edit plan");
    let edited = repo.build(&fresh("edited"), &[]);
    assert!(edited == repo.build(&fresh("edited-reference"), &["--no-cache"]), "after an edit");
    assert!(edited != reference, "the edit shows");
}
