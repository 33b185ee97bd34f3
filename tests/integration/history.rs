//! History from git on real repositories made at test time: who changed which figure, across
//! a rename and a merge, and every git edge case degrading to a note, never a failure.

use std::path::Path;
use std::process::Command;

use crate::support::{Repo, run_in};

fn git_as(dir: &Path, who: (&str, &str), args: &[&str]) -> String {
    let output = Command::new("git")
        .args([
            "-c",
            &format!("user.name={}", who.0),
            "-c",
            &format!("user.email={}", who.1),
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_DATE", "2026-12-03T10:00:00+08:00")
        .env("GIT_COMMITTER_DATE", "2026-12-03T10:00:00+08:00")
        .output()
        .expect("run git");
    assert!(output.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

const ZHOU: (&str, &str) = ("周明远", "zmy@example.com");
const LI: (&str, &str) = ("李娜", "");
const WANG: (&str, &str) = ("王磊", "wl@example.com");

fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from:?} not in {file}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// A repository with a few months of edits: a change by someone without an e-mail, a rename,
/// and a branch merged back.
fn repo_with_history() -> Repo {
    let repo = Repo::empty();
    let dir = repo.path();
    git_as(dir, ZHOU, &["init", "-q"]);
    run_in(dir, ["init", "-q", "--unit", "henan", "--period", "2026-12", "."]).code(0);
    git_as(dir, ZHOU, &["add", "-A"]);
    git_as(dir, ZHOU, &["commit", "-qm", "初始化"]);
    let budget = "henan/2026-12.budget.yaml";
    edit(dir, budget, "amount: 5000 }", "amount: 4500 }");
    edit(dir, budget, "subtotal: 37000", "subtotal: 36500");
    edit(dir, budget, "\ntotal: 37000", "\ntotal: 36500");
    git_as(dir, LI, &["commit", "-qam", "房租降到4500"]);
    git_as(dir, ZHOU, &["mv", budget, "henan/budget-2026-12.yaml"]);
    edit(
        dir,
        "henan/2026-12.plan.md",
        "budget: 2026-12.budget.yaml",
        "budget: budget-2026-12.yaml",
    );
    git_as(dir, ZHOU, &["commit", "-qam", "预算改名"]);
    git_as(dir, WANG, &["checkout", "-qb", "travel"]);
    let budget = "henan/budget-2026-12.yaml";
    edit(dir, budget, "amount: 2000 }", "amount: 2600 }");
    edit(dir, budget, "subtotal: 36500", "subtotal: 37100");
    edit(dir, budget, "\ntotal: 36500", "\ntotal: 37100");
    git_as(dir, WANG, &["commit", "-qam", "差旅费调高"]);
    git_as(dir, ZHOU, &["checkout", "-q", "main"]);
    edit(
        dir,
        "henan/roster.yaml",
        "name: 王磊, post: staff",
        "name: 王磊, post: staff, region: zz",
    );
    edit(dir, "henan/roster.yaml", "posts:", "regions:\n  - { id: zz, name: 郑州 }\n\nposts:");
    git_as(dir, ZHOU, &["commit", "-qam", "王磊负责郑州"]);
    git_as(dir, ZHOU, &["merge", "-q", "--no-ff", "travel", "-m", "合并差旅调整"]);
    repo
}

fn blame_of(repo: &Repo, doc: &str, field: &str) -> serde_json::Value {
    let run = repo.run(["blame", doc, "--format", "json"]).code(0);
    let blame: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    blame["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["field"] == field)
        .unwrap_or_else(|| panic!("no {field} in {}", run.stdout))
        .clone()
}

#[test]
fn blame_names_who_changed_each_figure_across_a_rename_and_a_merge() {
    let repo = repo_with_history();
    let doc = "henan/budget-2026-12.yaml";
    let rent = blame_of(&repo, doc, "lines[rent].amount");
    assert_eq!(rent["value"], "4500");
    assert_eq!(rent["commit"]["author"], "李娜");
    assert_eq!(rent["commit"]["email"], "");
    assert_eq!(rent["commit"]["summary"], "房租降到4500");
    let travel = blame_of(&repo, doc, "lines[travel].amount");
    assert_eq!(
        travel["commit"]["author"], "王磊",
        "a branch's change is blamed on its commit, not the merge"
    );
    let salary = blame_of(&repo, doc, "lines[salary].amount");
    assert_eq!(salary["commit"]["summary"], "初始化", "the rename did not take over older figures");
    let human = repo.run(["blame", doc]).code(0);
    assert!(
        human.stdout.contains("line rent (房租) amount: 4,500\n      ")
            && human.stdout.contains("李娜 — 房租降到4500"),
        "{}",
        human.stdout
    );
}

#[test]
fn log_lists_semantic_changes_per_commit() {
    let repo = repo_with_history();
    let run = repo.run(["log"]).code(0);
    for expected in [
        "line rent (房租) amount: 5,000 → 4,500",
        "moved from henan/2026-12.budget.yaml",
        "person p002 (王磊) region: set to zz",
        "line travel (差旅费) amount: 2,000 → 2,600",
        "(merge)",
    ] {
        assert!(run.stdout.contains(expected), "missing {expected:?} in\n{}", run.stdout);
    }
    let only_roster = repo.run(["log", "henan/roster.yaml", "--format", "json"]).code(0);
    let log: serde_json::Value = serde_json::from_str(&only_roster.stdout).unwrap();
    let summaries: Vec<&str> = log["commits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["commit"]["summary"].as_str().unwrap())
        .collect();
    assert_eq!(summaries, ["王磊负责郑州", "初始化"]);
}

#[test]
fn diff_shows_uncommitted_changes_and_their_effect_on_rollups() {
    let repo = repo_with_history();
    edit(repo.path(), "henan/budget-2026-12.yaml", "amount: 4500 }", "amount: 4000 }");
    let run = repo.run(["diff"]).code(0);
    assert!(run.stdout.contains("line rent (房租) amount: 4,500 → 4,000"), "{}", run.stdout);
    assert!(run.stdout.contains("budget total henan 2026-12: 37,100 → 36,600"), "{}", run.stdout);
    let md = repo.run(["diff", "HEAD~1", "HEAD", "--format", "markdown"]).code(0);
    assert!(md.stdout.starts_with("### planbook diff: HEAD~1 → HEAD"), "{}", md.stdout);
    let blame = blame_of(&repo, "henan/budget-2026-12.yaml", "lines[rent].amount");
    assert_eq!(blame["uncommitted"], true);
}

/// A clone of the last two commits of [`repo_with_history`], and the repository it came from.
fn shallow_clone() -> (Repo, Repo) {
    let origin = repo_with_history();
    let clone = Repo::empty();
    let url = format!("file://{}", origin.path().display());
    let output = Command::new("git")
        .args(["clone", "-q", "--depth", "2", &url, "."])
        .current_dir(clone.path())
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    (origin, clone)
}

#[test]
fn a_shallow_clone_says_where_history_starts() {
    let (_origin, clone) = shallow_clone();
    let run = clone.run(["log", "--format", "json"]).code(0);
    let log: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert!(log["starts_at"].is_object(), "{}", run.stdout);
    let text = clone.run(["log"]).code(0);
    assert!(text.stdout.contains("shallow clone"), "{}", text.stdout);
    // Figures older than the boundary are not blamed on the boundary commit.
    let salary = blame_of(&clone, "henan/budget-2026-12.yaml", "lines[salary].amount");
    assert!(salary["commit"].is_null(), "{salary}");
}

#[test]
fn no_repository_empty_repository_and_detached_head_never_fail() {
    let plain = Repo::new();
    let run = plain.run(["log"]).code(0);
    assert!(run.stderr.contains("not in a git repository"), "{}", run.stderr);
    let empty = Repo::new();
    git_as(empty.path(), ZHOU, &["init", "-q"]);
    let run = empty.run(["log"]).code(0);
    assert!(run.stderr.contains("no commits yet"), "{}", run.stderr);
    let repo = repo_with_history();
    git_as(repo.path(), ZHOU, &["checkout", "-q", "--detach", "HEAD~1"]);
    let run = repo.run(["log"]).code(0);
    assert!(run.stdout.contains("王磊负责郑州"), "{}", run.stdout);
}

#[test]
fn documents_not_yet_committed_are_blamed_as_such() {
    let repo = repo_with_history();
    std::fs::copy(
        repo.path().join("henan/budget-2026-12.yaml"),
        repo.path().join("henan/draft.budget.yaml"),
    )
    .unwrap();
    edit(repo.path(), "henan/draft.budget.yaml", "period: 2026-12", "period: 2027-01");
    let run = repo.run(["blame", "henan/draft.budget.yaml", "--format", "json"]).code(0);
    let blame: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert!(blame["lines"].as_array().unwrap().iter().all(|l| l["uncommitted"] == true));
}

#[test]
fn the_handbook_shows_history_and_blames_figures() {
    let repo = repo_with_history();
    edit(repo.path(), "henan/2026-12.review.md", "actual: 468000", "actual: 471000");
    git_as(repo.path(), WANG, &["commit", "-qam", "更正销售额"]);
    repo.run(["build", "-q"]).code(0);
    let site = repo.path().join("_site");
    let review = std::fs::read_to_string(site.join("reviews/henan-2026-12.html")).unwrap();
    assert!(
        review.contains("title=\"设定于 王磊 · 2026-12-03 10:00 · "),
        "the actual carries its blame"
    );
    let plan = std::fs::read_to_string(site.join("plans/henan-2026-12.html")).unwrap();
    assert!(plan.contains("title=\"设定于 周明远 · "), "targets carry their blame");
    let changes = std::fs::read_to_string(site.join("changes.html")).unwrap();
    assert!(
        changes.contains("房租降到4500") && changes.contains("房租 预算由 5,000 改为 4,500"),
        "the changes read in the handbook's language: {changes}"
    );
    let budget = std::fs::read_to_string(site.join("budgets/henan-2026-12.html")).unwrap();
    assert!(
        budget.contains("title=\"设定于 李娜 · 2026-12-03 10:00 · "),
        "the amount carries its blame"
    );
    assert!(
        budget.contains("最后修改") && budget.contains("合并差旅调整"),
        "the page says when it last changed"
    );
    repo.run(["build", "-q", "--lang", "en"]).code(0);
    let changes = std::fs::read_to_string(site.join("changes.html")).unwrap();
    assert!(changes.contains("line rent (房租) amount: 5,000 → 4,500"), "{changes}");
}

#[test]
fn the_handbook_builds_without_git_and_says_so() {
    let repo = Repo::empty();
    run_in(repo.path(), ["init", "-q", "--no-git", "--unit", "henan", "--period", "2026-12", "."])
        .code(0);
    repo.run(["build", "-q"]).code(0);
    let changes = std::fs::read_to_string(repo.path().join("_site/changes.html")).unwrap();
    assert!(changes.contains("没有修改历史"), "{changes}");
}

#[test]
fn history_is_cached_between_runs_and_can_be_left_out_of_a_build() {
    let repo = repo_with_history();
    let first = repo.run(["log", "--format", "json"]).code(0);
    assert!(repo.path().join(".git/planbook/history.bin").is_file());
    let second = repo.run(["log", "--format", "json"]).code(0);
    assert_eq!(first.stdout, second.stdout, "the cache gives the same history");
    repo.run(["build", "-q", "--no-history"]).code(0);
    let changes = std::fs::read_to_string(repo.path().join("_site/changes.html")).unwrap();
    assert!(changes.contains("--no-history"), "{changes}");
}

#[test]
fn log_and_diff_report_a_moved_and_edited_document_the_same_way() {
    let repo = repo_with_history();
    let dir = repo.path();
    git_as(dir, ZHOU, &["mv", "henan/budget-2026-12.yaml", "henan/2026-12.budget.yaml"]);
    edit(dir, "henan/2026-12.budget.yaml", "amount: 4500 }", "amount: 4000 }");
    edit(
        dir,
        "henan/2026-12.budget.yaml",
        "  - { id: rent,",
        "  - { id: ads, name: 广告费, category: marketing, section: operating, amount: 500 }\n  \
         - { id: rent,",
    );
    edit(
        dir,
        "henan/2026-12.plan.md",
        "budget: budget-2026-12.yaml",
        "budget: 2026-12.budget.yaml",
    );
    // The same path now holds another period's review: a new document, not an edit.
    edit(dir, "henan/2026-12.review.md", "period: 2026-12", "period: 2027-01");
    git_as(dir, ZHOU, &["commit", "-qam", "预算改回原名"]);

    let log = repo.run(["log", "-n", "1", "--format", "json"]).code(0);
    let log: serde_json::Value = serde_json::from_str(&log.stdout).unwrap();
    let diff = repo.run(["diff", "HEAD~1", "HEAD", "--format", "json"]).code(0);
    let diff: serde_json::Value = serde_json::from_str(&diff.stdout).unwrap();
    let from_log = &log["commits"][0]["changes"];
    assert_eq!(from_log, &diff["changes"], "log and diff disagree");

    let kinds: Vec<String> = from_log
        .as_array()
        .unwrap()
        .iter()
        .map(|c| format!("{} {}", c["identity"].as_str().unwrap(), c["kind"]))
        .collect();
    assert_eq!(
        kinds,
        [
            r#"budget henan 2026-12 {"renamed":{"from":"henan/budget-2026-12.yaml"}}"#,
            r#"plan henan 2026-12 "modified""#,
            r#"review henan 2026-12 "removed""#,
            r#"review henan 2027-01 "added""#,
        ]
    );
    let ads = from_log[0]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["field"] == "lines[ads]")
        .expect("the new line is a change");
    assert_eq!(ads["before"], serde_json::Value::Null);
    assert_eq!(ads["after"]["id"], "ads", "an added item is its content, not a placeholder");
    assert_eq!(ads["after"]["amount"], "500");
    let text = repo.run(["log", "-n", "1"]).code(0);
    assert!(text.stdout.contains("line ads (广告费) added"), "{}", text.stdout);
}

const CACHE: &str = ".git/planbook/history.bin";

/// `planbook log --format json` with no cache: the history computed from scratch.
fn cold_log(repo: &Repo) -> String {
    let _ = std::fs::remove_file(repo.path().join(CACHE));
    let run = repo.run(["log", "--format", "json"]).code(0);
    assert!(repo.path().join(CACHE).is_file(), "the walk writes its cache");
    run.stdout
}

#[test]
fn the_cache_gives_the_history_a_cold_walk_gives_also_after_new_commits() {
    let repo = repo_with_history();
    let cold = cold_log(&repo);
    let cached = repo.run(["log", "--format", "json"]).code(0).stdout;
    assert_eq!(cold, cached, "a cached run reads back what the cold one found");
    assert!(cold.contains("房租降到4500") && cold.contains("合并差旅调整"), "{cold}");
    // New commits on top of a cached chain: only they are walked, and the result is the same
    // as walking everything.
    let dir = repo.path();
    edit(dir, "henan/budget-2026-12.yaml", "amount: 4500 }", "amount: 4400 }");
    edit(dir, "henan/budget-2026-12.yaml", "subtotal: 37100", "subtotal: 37000");
    edit(dir, "henan/budget-2026-12.yaml", "\ntotal: 37100", "\ntotal: 37000");
    git_as(dir, LI, &["commit", "-qam", "房租再降100"]);
    let incremental = repo.run(["log", "--format", "json"]).code(0).stdout;
    assert!(incremental.contains("房租再降100"), "{incremental}");
    assert_eq!(incremental, cold_log(&repo), "an extended cache matches a cold walk");
    // Back to an older commit: the cached chain already holds it.
    git_as(dir, ZHOU, &["checkout", "-q", "--detach", "HEAD~2"]);
    let older = repo.run(["log", "--format", "json"]).code(0).stdout;
    assert!(!older.contains("房租再降100") && !older.contains("合并差旅调整"), "{older}");
    assert_eq!(older, cold_log(&repo));
}

#[test]
fn a_damaged_cache_is_ignored_and_written_again() {
    let repo = repo_with_history();
    let cold = cold_log(&repo);
    let path = repo.path().join(CACHE);
    let whole = std::fs::read(&path).unwrap();
    let mut flipped = whole.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x55;
    let damaged: [(&str, Vec<u8>); 5] = [
        ("truncated", whole[..whole.len() / 2].to_vec()),
        ("empty", Vec::new()),
        ("garbage", (0..5000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect()),
        ("one byte changed", flipped),
        ("JSON", br#"{"version":"0.1.0+3","prefix":"","entries":{}}"#.to_vec()),
    ];
    for (what, bytes) in damaged {
        std::fs::write(&path, bytes).unwrap();
        let run = repo.run(["log", "--format", "json"]).code(0);
        assert_eq!(run.stdout, cold, "{what} cache");
        assert_eq!(std::fs::read(&path).unwrap(), whole, "{what} cache is written again");
    }
}

#[test]
fn the_json_cache_of_earlier_versions_is_ignored_and_removed() {
    let repo = repo_with_history();
    let cold = cold_log(&repo);
    let _ = std::fs::remove_file(repo.path().join(CACHE));
    // What an earlier planbook left: every commit cached as having changed nothing.
    let head = git_as(repo.path(), ZHOU, &["rev-parse", "HEAD"]);
    let old = format!(
        r#"{{"version":"{}+3","prefix":"","entries":{{"{}":null}}}}"#,
        env!("CARGO_PKG_VERSION"),
        head.trim()
    );
    let json = repo.path().join(".git/planbook/history-cache.json");
    std::fs::write(&json, old).unwrap();
    let run = repo.run(["log", "--format", "json"]).code(0);
    assert_eq!(run.stdout, cold);
    assert!(!json.exists(), "the old cache is removed");
}

#[test]
fn two_walks_at_once_both_give_the_whole_history() {
    let repo = repo_with_history();
    let cold = cold_log(&repo);
    for _ in 0..3 {
        let _ = std::fs::remove_file(repo.path().join(CACHE));
        let spawn = || {
            // In English, as `run` gives it: the descriptions follow the language.
            Command::new(env!("CARGO_BIN_EXE_planbook"))
                .args(["log", "--format", "json"])
                .env_remove("LC_ALL")
                .env_remove("LC_MESSAGES")
                .env("LANG", "en_US.UTF-8")
                .current_dir(repo.path())
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("run planbook")
        };
        let (a, b) = (spawn(), spawn());
        for child in [a, b] {
            let output = child.wait_with_output().expect("wait for planbook");
            assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
            assert_eq!(String::from_utf8_lossy(&output.stdout), cold);
        }
        let cached = repo.run(["log", "--format", "json"]).code(0);
        assert_eq!(cached.stdout, cold, "the cache one of them left is whole");
        let leftovers: Vec<_> = std::fs::read_dir(repo.path().join(".git/planbook"))
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
    }
}

#[test]
fn a_deepened_shallow_clone_is_walked_again_past_its_old_start() {
    let (_origin, clone) = shallow_clone();
    let shallow = clone.run(["log", "--format", "json"]).code(0);
    assert!(shallow.stdout.contains("\"starts_at\": {"), "{}", shallow.stdout);
    git_as(clone.path(), ZHOU, &["fetch", "-q", "--unshallow"]);
    let deep = clone.run(["log", "--format", "json"]).code(0);
    assert!(deep.stdout.contains("\"starts_at\": null"), "{}", deep.stdout);
    assert!(deep.stdout.contains("初始化"), "{}", deep.stdout);
    assert_eq!(deep.stdout, cold_log(&clone));
}
