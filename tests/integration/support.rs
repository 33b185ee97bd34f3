//! The test harness: a data repository in a temporary folder, the real `planbook` binary run
//! on it, and snapshot comparison with `[ROOT]` redaction.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A data repository in a temporary folder.
pub struct Repo {
    dir: tempfile::TempDir,
}

/// What a run printed and how it exited.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// A budget for unit `sales` (as `planbook init --unit sales` makes it) with one misspelt
/// field, `amout`: what the commit hooks must block.
pub const BAD_BUDGET: &str = "kind: budget\nunit: sales\nperiod: 2027-01\nlines:\n  \
                              - id: rent\n    name: 房租\n    amout: 5000\n";

/// The minimal `planbook.yaml` most tests start from.
pub const CONFIG: &str = concat!(
    "name: 测试公司\n",
    "locale: zh-CN\n",
    "units:\n",
    "  - { id: henan, name: 河南分公司 }\n",
    "kpis:\n",
    "  - { id: units, name: 出货量, unit: 台 }\n",
);

impl Repo {
    /// An empty folder.
    pub fn empty() -> Repo {
        Repo { dir: tempfile::tempdir().expect("temporary folder") }
    }

    /// A folder with the minimal `planbook.yaml`.
    pub fn new() -> Repo {
        Repo::empty().file("planbook.yaml", CONFIG)
    }

    /// A copy of a fixture folder under `tests/fixtures/`.
    pub fn fixture(name: &str) -> Repo {
        let repo = Repo::empty();
        copy_tree(&fixtures_dir().join(name), repo.path());
        repo
    }

    /// Writes `contents` to `path` (relative), creating folders.
    pub fn file(self, path: &str, contents: impl AsRef<[u8]>) -> Repo {
        let full = self.path().join(path);
        std::fs::create_dir_all(full.parent().expect("file has a parent")).expect("mkdir");
        std::fs::write(&full, contents).expect("write file");
        self
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Runs `planbook ARGS` in the folder.
    pub fn run<I, S>(&self, args: I) -> Run
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        run_in(self.path(), args)
    }

    /// The folder's real path, for redaction.
    fn root(&self) -> PathBuf {
        self.path().canonicalize().expect("canonical path")
    }

    /// Output with the folder's path replaced by `[ROOT]`.
    pub fn redact(&self, text: &str) -> String {
        text.replace(&self.root().display().to_string(), "[ROOT]")
            .replace(&self.path().display().to_string(), "[ROOT]")
    }
}

/// Where the binaries the tests run keep their parse caches (one folder per repository root),
/// instead of the user's cache folder.
pub fn test_cache() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("parse-cache")
}

/// Runs `planbook ARGS` in `dir` with a clean environment for colours, in English (`LANG` is
/// `en_US.UTF-8`, so a zh-CN fixture still prints the English the tests compare); a test of
/// another language passes `--lang`.
pub fn run_in<I, S>(dir: &Path, args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    planbook(dir, args, Some("en_US.UTF-8"))
}

/// Runs `planbook ARGS` in `dir` with `LANG` set to `lang`, or with no language at all.
fn planbook<I, S>(dir: &Path, args: I, lang: Option<&str>) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let mut command = Command::new(env!("CARGO_BIN_EXE_planbook"));
    command
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env_remove("LANGUAGE")
        .env("PLANBOOK_CACHE_DIR", test_cache());
    if let Some(lang) = lang {
        command.env("LANG", lang);
    }
    let output = command.output().expect("run planbook");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

impl Run {
    /// Asserts the exit code, showing the output on failure.
    pub fn code(self, expected: i32) -> Run {
        assert_eq!(
            self.code, expected,
            "exit code\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// The JSON diagnostics printed with `--format json`.
    pub fn json(&self) -> Vec<serde_json::Value> {
        self.stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
            .collect()
    }

    /// The rule ids of the JSON diagnostics.
    pub fn rules(&self) -> Vec<String> {
        self.json().iter().map(|d| d["rule"].as_str().unwrap_or("").to_string()).collect()
    }
}

/// The repository's root folder.
pub fn project_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `tests/fixtures`.
pub fn fixtures_dir() -> PathBuf {
    project_root().join("tests/fixtures")
}

/// Compares `actual` with the file at `path`; with `SNAPSHOTS=overwrite`, writes it instead.
pub fn assert_snapshot(path: &Path, actual: &str) {
    if std::env::var("SNAPSHOTS").as_deref() == Ok("overwrite") {
        std::fs::write(path, actual).expect("write snapshot");
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_else(|_| {
        panic!("missing snapshot {}; run with SNAPSHOTS=overwrite", path.display())
    });
    if expected != actual {
        panic!(
            "snapshot {} differs (run with SNAPSHOTS=overwrite to accept)\n--- expected\n{}\n\
             --- actual\n{}",
            path.display(),
            expected,
            actual
        );
    }
}

/// Copies a fixture folder. Symlinks stay symlinks; `NAME.sparse` holding a byte count becomes
/// a sparse file `NAME` of that size (so a huge file needs no space in git).
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap_or_else(|_| panic!("no fixture {}", from.display()))
    {
        let entry = entry.expect("dir entry");
        let name = entry.file_name().to_string_lossy().into_owned();
        let source = entry.path();
        let kind = entry.file_type().expect("file type");
        if name.starts_with("expected.") {
            continue;
        }
        if kind.is_symlink() {
            let target = std::fs::read_link(&source).expect("read link");
            std::os::unix::fs::symlink(target, to.join(&name)).expect("symlink");
        } else if kind.is_dir() {
            std::fs::create_dir_all(to.join(&name)).expect("mkdir");
            copy_tree(&source, &to.join(&name));
        } else if let Some(real) = name.strip_suffix(".sparse") {
            let size: u64 = std::fs::read_to_string(&source)
                .expect("size")
                .trim()
                .parse()
                .expect("a byte count");
            let file = std::fs::File::create(to.join(real)).expect("create sparse file");
            file.set_len(size).expect("set length");
        } else {
            std::fs::copy(&source, to.join(&name)).expect("copy");
        }
    }
}

/// Whether an external tool is available; under `CI=true` a missing tool fails the test.
pub fn require_tool(name: &str) -> bool {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {name}")])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        if std::env::var("CI").as_deref() == Ok("true") {
            panic!("`{name}` is required under CI=true; scripts/test installs it");
        }
        eprintln!("skipping: `{name}` is not installed (run scripts/test to install it)");
    }
    found
}

/// Runs `planbook ARGS` in `dir` with no language in the environment (no `LANG`, `LC_*` or
/// `LANGUAGE`), so the repository's `locale` decides.
pub fn run_bare(dir: &Path, args: &[&str]) -> Run {
    planbook(dir, args, None)
}

/// Runs `git ARGS` in `dir` as `who` on a fixed day, failing the test when git fails.
pub fn git_as(dir: &Path, who: &str, args: &[&str]) {
    let output = Command::new("git")
        .args(["-c", &format!("user.name={who}"), "-c", "user.email=someone@example.com"])
        .args(["-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"])
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_DATE", "2026-12-03T10:00:00+08:00")
        .env("GIT_COMMITTER_DATE", "2026-12-03T10:00:00+08:00")
        .env_remove("GIT_AUTHOR_NAME")
        .env_remove("GIT_COMMITTER_NAME")
        .output()
        .expect("run git");
    assert!(output.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&output.stderr));
}

/// Whether `text` holds Chinese characters.
pub fn has_chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// The English words of `text`: runs of two or more Latin letters outside `…` spans.
pub fn english_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    for part in text.split('`').step_by(2) {
        let mut word = String::new();
        for c in part.chars().chain([' ']) {
            if c.is_ascii_alphabetic() {
                word.push(c);
            } else {
                if word.len() >= 2 {
                    words.push(word.clone());
                }
                word.clear();
            }
        }
    }
    words
}

/// The browser scripts' folder (`tests/browser`), when Chromium, node and playwright-core
/// (installed there by `scripts/test`) are all present. `None` (the test skips) when one is
/// missing, except under `CI=true`, where a missing one fails the test.
pub fn browser_driver() -> Option<PathBuf> {
    if !require_tool("chromium") || !require_tool("node") {
        return None;
    }
    let dir = project_root().join("tests/browser");
    if dir.join("node_modules/playwright-core").is_dir() {
        return Some(dir);
    }
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!("tests/browser/node_modules is missing under CI=true; scripts/test installs it");
    }
    eprintln!("skipping: run scripts/test to install playwright-core into tests/browser");
    None
}

/// Runs the browser script `SCRIPT` of `driver` on `spec`, written as JSON into `dir`, and
/// returns what it printed; fails the test, with its output, when the script fails.
pub fn run_browser(driver: &Path, script: &str, dir: &Path, spec: &serde_json::Value) -> String {
    let spec_path = dir.join(format!("{script}.spec.json"));
    std::fs::write(&spec_path, spec.to_string()).expect("write the browser spec");
    let output =
        Command::new("node").arg(driver.join(script)).arg(&spec_path).output().expect("run node");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    eprintln!("{stdout}");
    assert!(
        output.status.success(),
        "{script} failed\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}
