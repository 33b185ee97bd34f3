//! Confinement: planbook never reads outside the data repository. Links to files and folders
//! outside, link loops, links to devices and pipes are made at test time; none is followed,
//! none blocks, and what they point to reaches no output: not `check`, not the handbook, not
//! its search index, not history.
#![cfg(unix)]

use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{Repo, Run, require_tool, run_in};

/// Text that must never appear in any output: it lives only outside the repository.
const SECRET: &str = "OUTSIDE-SECRET-7f3a";

/// A folder outside the repository: a Markdown page and a budget that would load if followed,
/// and templates that would be used.
fn outside() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    let write = |rel: &str, text: &str| {
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    };
    write("secret.md", &format!("---\ntitle: {SECRET}\n---\n\n{SECRET} body\n"));
    write(
        "docs/budget.yaml",
        &format!(
            "kind: budget\nunit: henan\nperiod: 2026-12\nlines:\n  - id: rent\n    name: \
             {SECRET}\n    amount: 13000\n"
        ),
    );
    write("templates/page.html", &format!("{SECRET} template"));
    write("templates/assets/style.css", &format!("/* {SECRET} */"));
    dir
}

fn link(target: impl AsRef<Path>, repo: &Repo, name: &str) {
    let path = repo.path().join(name);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    symlink(target, path).expect("symlink");
}

/// Every file's text under `dir`, concatenated.
fn all_text(dir: &Path) -> String {
    let mut out = String::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("read dir") {
            let entry = entry.expect("entry");
            let kind = entry.file_type().expect("file type");
            if kind.is_dir() {
                stack.push(entry.path());
            } else if kind.is_file() {
                out.push_str(&String::from_utf8_lossy(&std::fs::read(entry.path()).expect("read")));
            }
        }
    }
    out
}

/// Runs `planbook ARGS` in `dir`, failing the test if it has not finished within a minute (a
/// debug build on a shared machine; a blocked read would never finish).
fn run_within(dir: &Path, args: &[&str]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_planbook"))
        .args(args)
        .current_dir(dir)
        .env("PLANBOOK_CACHE_DIR", crate::support::test_cache())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run planbook");
    let deadline = Instant::now() + Duration::from_secs(60);
    while child.try_wait().expect("wait").is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("planbook {args:?} did not finish within a minute");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let output = child.wait_with_output().expect("output");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// (rule, file) of each JSON diagnostic, sorted.
fn located(run: &Run) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = run
        .json()
        .iter()
        .map(|d| (d["rule"].as_str().unwrap_or("").into(), d["file"].as_str().unwrap_or("").into()))
        .collect();
    out.sort();
    out
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(r, f)| (r.to_string(), f.to_string())).collect()
}

#[test]
fn links_leading_outside_are_warned_about_and_never_read_or_published() {
    let out = outside();
    let repo = Repo::new();
    link(out.path().join("secret.md"), &repo, "notes.md");
    link(out.path().join("docs"), &repo, "shared");
    link(out.path().join("secret.md"), &repo, "pages/logo.png");
    let run = run_within(repo.path(), &["check", "--format", "json"]).code(0);
    let expected = [("file.link-outside", "notes.md"), ("file.link-outside", "shared")];
    assert_eq!(located(&run), pairs(&expected), "one warning per link, none for logo.png");
    let human = run_within(repo.path(), &["check"]).code(0);
    assert!(!human.stderr.contains(SECRET), "no excerpt of the outside file: {}", human.stderr);
    assert!(human.stderr.contains("--> notes.md:1:1"), "{}", human.stderr);

    let site = tempfile::tempdir().expect("tmp");
    let site = site.path().join("site");
    let built = run_within(repo.path(), &["build", "-q", "-o", site.to_str().expect("utf-8")]);
    built.code(0);
    assert!(site.join("search-index.js").is_file());
    assert!(!all_text(&site).contains(SECRET), "nothing from outside is published");
    assert!(all_text(&site).contains("file.link-outside"), "the problems page names the rule");
}

#[test]
fn a_link_inside_the_repository_is_read_once_under_its_own_path() {
    let repo = Repo::new().file(
        "henan/2026-12.budget.yaml",
        "kind: budget\nunit: henan\nperiod: 2026-12\nlines:\n  - id: rent\n    name: 租赁费\n    \
         amount: 13000\n",
    );
    link("henan/2026-12.budget.yaml", &repo, "budget.yaml");
    link("henan", &repo, "mirror");
    link("..", &repo, "henan/up");
    let run = run_within(repo.path(), &["check", "--format", "json"]).code(0);
    assert_eq!(located(&run), [], "no document.duplicate, no warning: {}", run.stdout);
    let rollup = run_within(repo.path(), &["rollup", "budget", "--format", "json"]).code(0);
    assert_eq!(rollup.stdout.matches("\"rent\"").count(), 1, "loaded once: {}", rollup.stdout);
}

#[test]
fn link_loops_finish_promptly() {
    let repo = Repo::new();
    link("b.yaml", &repo, "a.yaml");
    link("a.yaml", &repo, "b.yaml");
    link("self", &repo, "self");
    link("..", &repo, "sub/parent");
    link("../sub", &repo, "sub/again");
    let run = run_within(repo.path(), &["check", "--format", "json", "--lang", "en"]).code(1);
    assert_eq!(located(&run), pairs(&[("file.read", "a.yaml"), ("file.read", "b.yaml")]));
    assert!(run.json()[0]["message"].as_str().unwrap_or("").contains("leads back to itself"));
}

#[test]
fn devices_and_pipes_are_never_opened() {
    if !require_tool("mkfifo") {
        return;
    }
    let repo = Repo::new();
    link("/dev/zero", &repo, "x.yaml");
    link("/dev/urandom", &repo, "notes.md");
    let fifo = repo.path().join("y.yaml");
    assert!(Command::new("mkfifo").arg(&fifo).status().expect("mkfifo").success());
    link("y.yaml", &repo, "z.yaml");
    let run = run_within(repo.path(), &["check", "--format", "json"]).code(1);
    let expected = [
        ("file.link-outside", "notes.md"),
        ("file.link-outside", "x.yaml"),
        ("file.read", "y.yaml"),
    ];
    assert_eq!(located(&run), pairs(&expected), "the link to the pipe is inside: skipped");
    let site = repo.path().join("_site");
    let built = run_within(repo.path(), &["build", "-q", "-o", site.to_str().expect("utf-8")]);
    built.code(0);
}

#[test]
fn ignore_files_that_are_links_or_pipes_are_never_opened() {
    if !require_tool("mkfifo") {
        return;
    }
    let out = outside();
    std::fs::write(out.path().join("ignore-all"), "*\n").expect("write");
    let repo = Repo::new().file("sub/kept.yaml", "kind: nonsense\n");
    link("/dev/zero", &repo, ".gitignore");
    link(out.path().join("ignore-all"), &repo, ".ignore");
    let fifo = repo.path().join("sub/.gitignore");
    assert!(Command::new("mkfifo").arg(&fifo).status().expect("mkfifo").success());
    let run = run_within(repo.path(), &["check", "--format", "json"]).code(1);
    let expected = [("document.unknown-kind", "sub/kept.yaml")];
    assert_eq!(located(&run), pairs(&expected), "no rule from outside applied");
}

#[test]
fn planbook_yaml_linking_outside_is_refused() {
    let out = outside();
    std::fs::write(out.path().join("planbook.yaml"), format!("name: {SECRET}\n")).expect("write");
    let repo = Repo::empty();
    link(out.path().join("planbook.yaml"), &repo, "planbook.yaml");
    for args in [&["check"][..], &["build", "-q", "-o", "_site"]] {
        let run = run_within(repo.path(), args).code(2);
        assert!(run.stderr.contains("outside the repository"), "{}", run.stderr);
        assert!(!run.stderr.contains(SECRET) && !run.stdout.contains(SECRET));
    }
    assert!(!repo.path().join("_site").exists());
}

/// A `planbook.yaml` that is a link to a device is this repository's configuration, refused;
/// planbook does not go on to use the configuration of a folder further up.
#[test]
fn a_planbook_yaml_that_is_no_file_is_refused_not_skipped() {
    let parent = Repo::new();
    link("/dev/null", &parent, "inner/planbook.yaml");
    let run = run_within(&parent.path().join("inner"), &["check"]).code(2);
    assert!(run.stderr.contains("inner"), "{}", run.stderr);
    assert!(!run.stderr.contains("checked"), "{}", run.stderr);
}

#[test]
fn templates_and_assets_are_never_read_through_links() {
    let out = outside();
    let site = |repo: &Repo| {
        let site = repo.path().join("_site");
        run_within(repo.path(), &["build", "-q", "-o", site.to_str().expect("utf-8")]).code(0);
        site
    };
    let files = Repo::new().file("templates/assets/own.css", "/* own */");
    link(out.path().join("secret.md"), &files, "templates/assets/leak.css");
    link(out.path().join("templates/assets"), &files, "templates/assets/more");
    link(out.path().join("templates/page.html"), &files, "templates/page.html");
    let built = site(&files);
    assert!(built.join("assets/own.css").is_file(), "a real asset is copied");
    assert!(!built.join("assets/leak.css").exists() && !built.join("assets/more").exists());
    assert!(!all_text(&built).contains(SECRET));

    let folder = Repo::new();
    link(out.path().join("templates"), &folder, "templates");
    let built = site(&folder);
    assert!(!all_text(&built).contains(SECRET), "a linked templates folder is not read");
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args(["-c", "user.name=测试员", "-c", "user.email=t@example.com"])
        .args(["-c", "commit.gpgsign=false"])
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::null())
        .status()
        .expect("git");
    assert!(status.success(), "git {args:?}");
}

#[test]
fn committed_links_are_never_read_from_history() {
    if !require_tool("git") {
        return;
    }
    let out = outside();
    let repo = Repo::new().file("news.md", "# 新闻\n\n年终总结大会。\n");
    git(repo.path(), &["init", "-q"]);
    git(repo.path(), &["add", "."]);
    git(repo.path(), &["commit", "-q", "-m", "新闻"]);
    link(out.path().join("secret.md"), &repo, "notes.md");
    link(out.path().join("docs"), &repo, "shared");
    link("/etc/hostname", &repo, "host.md");
    git(repo.path(), &["add", "."]);
    let staged = run_within(repo.path(), &["check", "--staged", "--format", "json"]).code(0);
    assert_eq!(located(&staged), [], "git holds only the links' targets' names");
    git(repo.path(), &["commit", "-q", "-m", "链接"]);
    let host = std::fs::read_to_string("/etc/hostname").unwrap_or_default();
    let host = host.trim();
    let leaks = |text: &str| text.contains(SECRET) || (host.len() > 3 && text.contains(host));
    for args in [&["log"][..], &["log", "--format", "json"], &["check", "--rev", "HEAD"]] {
        let run = run_within(repo.path(), args);
        assert!(!leaks(&run.stdout) && !leaks(&run.stderr), "{args:?}: {run:?}");
    }
    let rev = run_within(repo.path(), &["check", "--rev", "HEAD", "--format", "json"]).code(0);
    assert_eq!(located(&rev), []);
    let site = repo.path().join("_site");
    run_in(repo.path(), ["build", "-q", "-o", site.to_str().expect("utf-8")]).code(0);
    assert!(!all_text(&site).contains(SECRET), "not in the handbook or its history pages");
}

/// `new` writes only new files inside the repository: never through a link at the document's
/// name (even a dangling one), never into a unit folder that links out of the repository.
#[test]
fn new_documents_are_never_written_through_links() {
    let away = tempfile::tempdir().expect("temporary folder");
    let repo = Repo::empty();
    let init = run_in(repo.path(), ["init", "--unit", "sales", "--period", "2026-12", "-q"]);
    assert_eq!(init.code, 0, "{init:?}");
    // A dangling link where next month's budget goes.
    let target = away.path().join("planted.yaml");
    link(&target, &repo, "sales/2027-01.budget.yaml");
    let run = repo.run(["new", "budget", "--unit", "sales", "--period", "2027-01"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("already exists"), "{run:?}");
    assert!(!target.exists(), "written through a dangling link");
    // A unit folder that leads out of the repository.
    std::fs::remove_file(repo.path().join("sales/2027-01.budget.yaml")).expect("remove link");
    std::fs::rename(repo.path().join("sales"), away.path().join("sales")).expect("move unit");
    link(away.path().join("sales"), &repo, "sales");
    let run = repo.run(["new", "budget", "--unit", "sales", "--period", "2027-01"]);
    assert_ne!(run.code, 0, "{run:?}");
    assert!(!away.path().join("sales/2027-01.budget.yaml").exists(), "written outside");
}

/// Found in review: a `.git` file in a subfolder (`gitdir: /elsewhere`) made planbook read
/// `/elsewhere/info/exclude` and apply it. Only the repository's own root may point elsewhere.
#[test]
fn a_git_file_deeper_in_the_tree_is_not_followed_out_of_the_repository() {
    let away = tempfile::tempdir().expect("temporary folder");
    std::fs::create_dir_all(away.path().join("info")).expect("mkdir");
    std::fs::write(away.path().join("info/exclude"), "*.yaml\n").expect("write");
    let repo = Repo::new().file("team/.git", format!("gitdir: {}\n", away.path().display())).file(
        "team/roster.yaml",
        "kind: roster\nunit: henan\nposts:\n  - { id: rep, title: 业务员, establishment: x }\n",
    );
    let run = repo.run(["check", "--format", "short"]);
    assert!(run.stdout.contains("team/roster.yaml"), "the roster was dropped: {run:?}");
}
