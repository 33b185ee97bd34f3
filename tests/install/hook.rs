//! The pre-commit hook `planbook init` writes: pre-commit installs planbook's wheel into the
//! hook's own environment (`language: python`), here from a local folder with no package
//! index, and the hook then blocks a bad commit and lets a good one through. The planbook
//! under test is not on PATH, so the commits are checked by the wheel's.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use crate::artefacts::{dist, output};
use crate::support::{BAD_BUDGET, Repo, project_root, require_tool, run_in, test_cache};

/// The build backend pre-commit's placeholder package for a local hook needs, from PyPI once.
const SETUPTOOLS: &str = "setuptools==80.9.0";

/// A folder holding setuptools' wheel, so pip needs no index.
fn wheelhouse() -> PathBuf {
    let dir = project_root().join("target/wheelhouse");
    let present = std::fs::read_dir(&dir).is_ok_and(|mut d| {
        d.any(|e| e.is_ok_and(|e| e.file_name().to_string_lossy().starts_with("setuptools-")))
    });
    if !present {
        output(
            Command::new("python3")
                .args(["-m", "pip", "download", "--no-deps", "--disable-pip-version-check"])
                .args(["--dest"])
                .arg(&dir)
                .arg(SETUPTOOLS),
        );
    }
    dir
}

/// PATH without any folder that holds a `planbook`.
fn path_without_planbook() -> String {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let kept: Vec<PathBuf> =
        std::env::split_paths(&path).filter(|dir| !dir.join("planbook").exists()).collect();
    std::env::join_paths(kept).expect("PATH").to_string_lossy().into_owned()
}

/// Runs `git ARGS` in `dir` with the hook's environment; returns (success, all output).
fn git(dir: &Path, args: &[&str], env: &[(&str, String)]) -> (bool, String) {
    let out = Command::new("git")
        .args(["-c", "user.name=测试员", "-c", "user.email=tester@example.com"])
        .args(["-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"])
        .args(args)
        .current_dir(dir)
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .output()
        .expect("run git");
    let text =
        format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.success(), text)
}

#[test]
fn pre_commit_installs_the_wheel_and_blocks_a_bad_commit() {
    if !require_tool("pre-commit") || !require_tool("python3") {
        return;
    }
    let Some(dist) = dist() else { return };
    let pre_commit = output(Command::new("sh").args(["-c", "command -v pre-commit"]));
    let pre_commit = pre_commit.trim();

    let repo = Repo::empty();
    run_in(repo.path(), ["init", "--unit", "sales", "--period", "2026-12", "-q"]).code(0);
    let home = tempfile::tempdir().expect("temporary folder");
    let links = format!("{} {}", dist.dir.display(), wheelhouse().display());
    let env = [
        ("PATH", path_without_planbook()),
        ("PIP_NO_INDEX", "1".to_string()),
        ("PIP_FIND_LINKS", links),
        ("PRE_COMMIT_HOME", home.path().display().to_string()),
        ("PLANBOOK_CACHE_DIR", test_cache().display().to_string()),
        ("LANG", "en_US.UTF-8".to_string()),
    ];
    let git = |args: &[&str]| git(repo.path(), args, &env);
    let pre_commit = |args: &[&str]| {
        let out = Command::new(pre_commit)
            .args(args)
            .current_dir(repo.path())
            .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
            .output()
            .expect("run pre-commit");
        let text = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "pre-commit {args:?}:\n{text}");
    };
    assert!(git(&["add", "-A"]).0);

    let started = Instant::now();
    pre_commit(&["install-hooks"]);
    eprintln!("pre-commit install-hooks from the wheel: {:.1} s", started.elapsed().as_secs_f64());
    pre_commit(&["install"]);

    let (ok, out) = git(&["commit", "-qm", "good"]);
    assert!(ok, "a good commit is accepted:\n{out}");
    assert!(out.contains("planbook check") && out.contains("Passed"), "{out}");
    std::fs::write(repo.path().join("sales/extra.budget.yaml"), BAD_BUDGET).expect("write");
    assert!(git(&["add", "-A"]).0);
    let (ok, out) = git(&["commit", "-qm", "bad"]);
    assert!(!ok, "a bad commit is blocked:\n{out}");
    let hint = out.contains("did you mean `amount`?") || out.contains("是否应为 `amount`？");
    assert!(out.contains("schema.unknown-field") && hint, "{out}");

    // The hook ran the wheel's planbook, installed in pre-commit's own environment.
    let installed = walk(home.path()).into_iter().any(|p| p.ends_with("bin/planbook"));
    assert!(installed, "planbook is in the hook's environment under PRE_COMMIT_HOME");
}

/// Every file under `dir`.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files
}
