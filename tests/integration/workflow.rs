//! The everyday workflow: `init`, `new`, `hook install`, `check --staged` and `--rev`,
//! pre-commit, completions and the man page — each on a real git repository made at test time.

use std::path::Path;
use std::process::Command;

use crate::support::{BAD_BUDGET, Repo, require_tool, run_in};

/// Runs git in `dir` with a fixed identity; panics on failure.
fn git(dir: &Path, args: &[&str]) -> String {
    let (ok, output) = try_git(dir, args);
    assert!(ok, "git {args:?} failed: {output}");
    output
}

/// Runs git and returns whether it succeeded, and its output (stdout, then stderr).
fn try_git(dir: &Path, args: &[&str]) -> (bool, String) {
    let output = Command::new("git")
        .args([
            "-c",
            "user.name=测试员",
            "-c",
            "user.email=tester@example.com",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .env("PATH", path_with_planbook())
        .env("PLANBOOK_CACHE_DIR", crate::support::test_cache())
        .output()
        .expect("run git");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.success(), text)
}

/// PATH with the folder of the planbook binary under test first.
fn path_with_planbook() -> String {
    let bin = Path::new(env!("CARGO_BIN_EXE_planbook")).parent().unwrap().display().to_string();
    format!("{bin}:{}", std::env::var("PATH").unwrap_or_default())
}

fn init_repo() -> Repo {
    let repo = Repo::empty();
    run_in(repo.path(), ["init", "--unit", "sales", "--period", "2026-12", "-q"]).code(0);
    repo
}

#[test]
fn init_creates_a_repository_that_checks_clean() {
    let repo = init_repo();
    for file in [
        "planbook.yaml",
        "sales/roster.yaml",
        "sales/2026-12.budget.yaml",
        "sales/2026-12.plan.md",
        "sales/2026-12.review.md",
        "policies/考评办法.md",
        "README.md",
        ".gitignore",
        ".pre-commit-config.yaml",
        ".vscode/settings.json",
        "schema/budget.schema.json",
    ] {
        assert!(repo.path().join(file).is_file(), "init did not write {file}");
    }
    assert!(repo.path().join(".git").is_dir(), "init runs git init");
    let run = repo.run(["check", "--format", "json"]).code(0);
    let errors: Vec<_> = run.json().into_iter().filter(|d| d["severity"] == "error").collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let english = Repo::empty();
    run_in(english.path(), ["init", "--locale", "en", "--no-git", "-q"]).code(0);
    assert!(!english.path().join(".git").exists());
    english.run(["check"]).code(0);
}

#[test]
fn init_and_new_refuse_a_unit_id_that_is_a_path() {
    let repo = Repo::empty();
    for unit in ["../x", "..", "a/b", "a b", "a\u{1}b"] {
        let run = repo.run(["init", "d", "--no-git", "--unit", unit]).code(2);
        assert!(run.stderr.contains("invalid value"), "{unit:?}: {}", run.stderr);
    }
    assert!(!repo.path().join("x").exists(), "init wrote outside its folder");
    assert!(!repo.path().join("d/planbook.yaml").exists(), "init wrote a refused repository");
    let repo = init_repo();
    let run = repo.run(["new", "budget", "--unit", "../sales", "--period", "2027-01"]).code(2);
    assert!(run.stderr.contains("the id contains '/'"), "{}", run.stderr);
}

#[test]
fn init_with_yaml_special_ids_and_names_passes_its_own_check() {
    for (unit, name) in [("#1", "Acme: the best"), ("true", "yes"), ("a:b", "[draft], {x}")] {
        let repo = Repo::empty();
        let args = ["init", "--no-git", "-q", "--period", "2026-12", "--unit", unit];
        run_in(repo.path(), args.into_iter().chain(["--name", name])).code(0);
        let run = repo.run(["check", "--format", "json"]).code(0);
        assert!(run.json().iter().all(|d| d["severity"] != "error"), "{unit}: {}", run.stdout);
        assert!(repo.path().join(unit).join("2026-12.budget.yaml").is_file());
        let config = std::fs::read_to_string(repo.path().join("planbook.yaml")).unwrap();
        let config: serde_json::Value = serde_saphyr::from_str(&config).unwrap();
        assert_eq!(
            (config["name"].as_str(), config["units"][0]["id"].as_str()),
            (Some(name), Some(unit))
        );
        for kind in ["plan", "budget"] {
            repo.run(["new", kind, "--unit", unit, "--period", "2027-01", "-q"]).code(0);
        }
        repo.run(["new", "review", "--unit", unit, "--period", "2027-01", "-q"]).code(0);
        let run = repo.run(["check", "--format", "json"]).code(0);
        assert!(run.json().iter().all(|d| d["severity"] != "error"), "{unit}: {}", run.stdout);
        assert!(repo.path().join(unit).join("2027-01.review.md").is_file());
    }
}

#[test]
fn init_refuses_to_overwrite() {
    let repo = Repo::empty().file("planbook.yaml", "name: mine\n");
    let run = run_in(repo.path(), ["init"]).code(2);
    assert!(run.stderr.contains("never overwrites"), "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(repo.path().join("planbook.yaml")).unwrap(), "name: mine\n");
}

#[test]
fn new_review_is_prefilled_from_its_plan_and_warns_until_filled() {
    let repo = init_repo();
    std::fs::remove_file(repo.path().join("sales/2026-12.review.md")).unwrap();
    repo.run(["new", "review", "--unit", "sales", "--period", "2026-12", "-q"]).code(0);
    let text = std::fs::read_to_string(repo.path().join("sales/2026-12.review.md")).unwrap();
    for expected in [
        "kind: review",
        "plan: 2026-12.plan.md",
        "  - kpi: sales",
        "  - task: kickoff",
        "  - line: salary",
        "  - person: p002",
        "      basic:",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    let run = repo.run(["check", "--format", "json"]).code(0);
    let rules = run.rules();
    assert!(rules.iter().any(|r| r == "review.missing-actual"), "{rules:?}");
    assert!(rules.iter().any(|r| r == "review.missing-value"), "{rules:?}");
    assert!(run.json().iter().all(|d| d["severity"] != "error"));
    let again = repo.run(["new", "review", "--unit", "sales", "--period", "2026-12"]).code(2);
    assert!(again.stderr.contains("already exists"), "{}", again.stderr);
}

#[test]
fn new_plan_and_budget_continue_from_the_previous_period() {
    let repo = init_repo();
    repo.run(["new", "budget", "--unit", "sales", "--period", "2027-01", "-q"]).code(0);
    let budget = std::fs::read_to_string(repo.path().join("sales/2027-01.budget.yaml")).unwrap();
    assert!(
        budget.contains("period: 2027-01") && budget.contains("yaml-language-server"),
        "{budget}"
    );
    repo.run(["new", "plan", "--unit", "sales", "--period", "2027-01", "-q"]).code(0);
    let plan = std::fs::read_to_string(repo.path().join("sales/2027-01.plan.md")).unwrap();
    assert!(plan.contains("budget: 2027-01.budget.yaml"), "{plan}");
    assert!(
        plan.contains("  - id: visits") && !plan.contains("  - id: kickoff"),
        "unfinished tasks carry over:\n{plan}"
    );
    let run = repo.run(["check", "--format", "json"]).code(0);
    assert!(run.json().iter().all(|d| d["severity"] != "error"), "{}", run.stdout);
    let missing = repo.run(["new", "plan", "--unit", "sales", "--period", "2027-06"]).code(2);
    assert!(missing.stderr.contains("no plan of `sales` for 2027-05"), "{}", missing.stderr);
}

#[test]
fn check_staged_reads_the_index_not_the_work_tree() {
    let repo = init_repo();
    git(repo.path(), &["add", "-A"]);
    git(repo.path(), &["commit", "-qm", "初始化"]);
    std::fs::write(repo.path().join("sales/extra.budget.yaml"), BAD_BUDGET).unwrap();
    repo.run(["check", "--staged"]).code(0);
    repo.run(["check"]).code(1);
    git(repo.path(), &["add", "sales/extra.budget.yaml"]);
    let run = repo.run(["check", "--staged", "--color", "never"]).code(1);
    let summary = run.stderr.lines().last().unwrap_or_default();
    assert!(summary.ends_with("files in the index: 1 error, 1 note"), "{}", run.stderr);
    let run = repo.run(["check", "--rev", "HEAD", "--color", "never"]).code(0);
    let summary = run.stderr.lines().last().unwrap_or_default();
    assert!(
        summary.starts_with("checked ")
            && summary.contains(" files at HEAD (")
            && summary.ends_with("): 1 note"),
        "{}",
        run.stderr
    );
}

#[test]
fn check_rev_reads_a_past_revision_of_a_subfolder() {
    let outer = Repo::empty();
    git(outer.path(), &["init", "-q"]);
    run_in(outer.path(), ["init", "--unit", "sales", "--period", "2026-12", "-q", "plans"]).code(0);
    git(outer.path(), &["add", "-A"]);
    git(outer.path(), &["commit", "-qm", "good"]);
    std::fs::write(outer.path().join("plans/sales/extra.budget.yaml"), BAD_BUDGET).unwrap();
    git(outer.path(), &["add", "-A"]);
    git(outer.path(), &["commit", "-qm", "bad"]);
    run_in(outer.path(), ["-C", "plans", "check", "--rev", "HEAD~1"]).code(0);
    run_in(outer.path(), ["-C", "plans", "check", "--rev", "HEAD"]).code(1);
    let run = run_in(outer.path(), ["-C", "plans", "check", "--rev", "no-such-branch"]).code(2);
    assert!(run.stderr.contains("unknown revision `no-such-branch`"), "{}", run.stderr);
}

#[test]
fn check_staged_outside_git_or_before_the_first_commit_says_why() {
    let plain = Repo::new();
    let run = plain.run(["check", "--staged"]).code(2);
    assert!(run.stderr.contains("not in a git repository"), "{}", run.stderr);
    let empty = Repo::new();
    git(empty.path(), &["init", "-q"]);
    let run = empty.run(["check", "--rev", "HEAD"]).code(2);
    assert!(run.stderr.contains("no commits yet"), "{}", run.stderr);
}

#[test]
fn hook_install_blocks_a_bad_commit_and_refuses_foreign_hooks() {
    let repo = init_repo();
    repo.run(["hook", "install", "-q"]).code(0);
    git(repo.path(), &["add", "-A"]);
    git(repo.path(), &["commit", "-qm", "初始化"]);
    std::fs::write(repo.path().join("sales/extra.budget.yaml"), BAD_BUDGET).unwrap();
    git(repo.path(), &["add", "-A"]);
    let (ok, output) = try_git(repo.path(), &["commit", "-qm", "坏的预算"]);
    assert!(!ok, "the bad commit went through:\n{output}");
    // The hook speaks the language of the environment, else the repository's (zh-CN).
    let hint = output.contains("did you mean `amount`?") || output.contains("是否应为 `amount`？");
    assert!(output.contains("schema.unknown-field") && hint, "{output}");
    std::fs::write(
        repo.path().join("sales/extra.budget.yaml"),
        BAD_BUDGET.replace("amout", "amount"),
    )
    .unwrap();
    git(repo.path(), &["add", "-A"]);
    git(repo.path(), &["commit", "-qm", "修正"]);
    repo.run(["hook", "install", "-q"]).code(0);
    repo.run(["hook", "uninstall", "-q"]).code(0);
    assert!(!repo.path().join(".git/hooks/pre-commit").exists());
    std::fs::write(repo.path().join(".git/hooks/pre-commit"), "#!/bin/sh\nexit 0\n").unwrap();
    let run = repo.run(["hook", "install"]).code(2);
    assert!(run.stderr.contains("not written by planbook"), "{}", run.stderr);
}

#[test]
fn pre_commit_framework_runs_the_hook() {
    if !require_tool("pre-commit") {
        return;
    }
    // A hook repository holding this project's .pre-commit-hooks.yaml.
    let hooks = Repo::empty();
    std::fs::copy(
        crate::support::project_root().join(".pre-commit-hooks.yaml"),
        hooks.path().join(".pre-commit-hooks.yaml"),
    )
    .unwrap();
    git(hooks.path(), &["init", "-q"]);
    git(hooks.path(), &["add", "-A"]);
    git(hooks.path(), &["commit", "-qm", "hooks"]);
    let rev = git(hooks.path(), &["rev-parse", "HEAD"]).trim().to_string();
    let repo = init_repo();
    let config = format!(
        "repos:\n  - repo: {}\n    rev: {rev}\n    hooks:\n      - id: planbook-check-system\n",
        hooks.path().display()
    );
    std::fs::write(repo.path().join(".pre-commit-config.yaml"), config).unwrap();
    let home = Repo::empty();
    let pre_commit = |args: &[&str]| {
        Command::new("pre-commit")
            .args(args)
            .current_dir(repo.path())
            .env("PATH", path_with_planbook())
            .env("PLANBOOK_CACHE_DIR", crate::support::test_cache())
            .env("PRE_COMMIT_HOME", home.path())
            .output()
            .expect("run pre-commit")
    };
    assert!(pre_commit(&["install"]).status.success());
    git(repo.path(), &["add", "-A"]);
    let (ok, output) = try_git(repo.path(), &["commit", "-qm", "good"]);
    assert!(ok, "a good commit is accepted:\n{output}");
    std::fs::write(repo.path().join("sales/extra.budget.yaml"), BAD_BUDGET).unwrap();
    git(repo.path(), &["add", "-A"]);
    let (ok, output) = try_git(repo.path(), &["commit", "-qm", "bad"]);
    assert!(!ok, "a bad commit is blocked:\n{output}");
    let hint = output.contains("did you mean `amount`?") || output.contains("是否应为 `amount`？");
    assert!(hint, "{output}");
}

#[test]
fn completions_and_man_page() {
    let repo = Repo::empty();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let run = repo.run(["completions", shell]).code(0);
        assert!(run.stdout.contains("planbook"), "{shell}");
    }
    let run = repo.run(["man"]).code(0);
    assert!(run.stdout.contains(".TH planbook"), "{}", &run.stdout[..200.min(run.stdout.len())]);
    repo.run(["man", "-o", "man", "-q"]).code(0);
    assert!(repo.path().join("man/planbook-check.1").is_file());
}

#[test]
fn init_templates_copies_the_builtin_templates_for_editing() {
    let repo = init_repo();
    repo.run(["init", "--templates", "-q"]).code(0);
    assert!(repo.path().join("templates/page.html").is_file());
    assert!(repo.path().join("templates/assets/style.css").is_file());
    // An edited copy replaces the built-in template.
    let page = std::fs::read_to_string(repo.path().join("templates/budget.html")).unwrap();
    std::fs::write(
        repo.path().join("templates/budget.html"),
        page.replace("{% block content %}", "{% block content %}<p id=\"custom\">自定义</p>"),
    )
    .unwrap();
    repo.run(["build", "-q"]).code(0);
    let built =
        std::fs::read_to_string(repo.path().join("_site/budgets/sales-2026-12.html")).unwrap();
    assert!(built.contains("id=\"custom\""), "the edited template is used");
    let again = repo.run(["init", "--templates"]).code(2);
    assert!(again.stderr.contains("never overwrites"), "{}", again.stderr);
}
