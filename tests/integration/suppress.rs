//! Accepting a finding: `# planbook: allow(rule) reason` comments and the baseline file, run
//! on a copy of `plans/` (whose budget for henan has three `budget.breakdown-short` warnings).

use crate::support::{Repo, copy_tree, git_as, has_chinese, project_root};

const BUDGET: &str = "henan/2026-12.budget.yaml";
/// The line that opens the `office` budget line, whose breakdown is 600 short.
const OFFICE: &str = "  - id: office\n";

/// A copy of `plans/`.
fn plans() -> Repo {
    let repo = Repo::empty();
    copy_tree(&project_root().join("plans"), repo.path());
    repo
}

/// `plans/` with the henan budget edited by `edit`.
fn plans_with(edit: impl Fn(&str) -> String) -> Repo {
    let repo = plans();
    let path = repo.path().join(BUDGET);
    let text = std::fs::read_to_string(&path).expect("budget");
    let edited = edit(&text);
    assert_ne!(edited, text, "the edit changed nothing");
    std::fs::write(&path, edited).expect("write budget");
    repo
}

/// `plans/` with `comment` on its own line above the `office` budget line.
fn above_office(comment: &str) -> Repo {
    plans_with(|text| text.replacen(OFFICE, &format!("  {comment}\n{OFFICE}"), 1))
}

/// The `budget.breakdown-short` findings' messages.
fn short_lines(run: &crate::support::Run) -> Vec<String> {
    run.json()
        .iter()
        .filter(|d| d["rule"] == "budget.breakdown-short")
        .map(|d| d["message"].as_str().unwrap_or("").to_owned())
        .collect()
}

/// Dates every file under `dir` an hour back.
fn age(dir: &std::path::Path) {
    let past = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for entry in std::fs::read_dir(dir).expect("folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            age(&path);
        } else {
            let file = std::fs::File::options().write(true).open(&path).expect("open");
            file.set_modified(past).expect("set mtime");
        }
    }
}

#[test]
fn plans_has_the_warnings_these_tests_accept() {
    let run = plans().run(["check", "--format", "json"]).code(0);
    let lines = short_lines(&run);
    assert_eq!(lines.len(), 3, "{}", run.stdout);
    assert!(lines.iter().any(|m| m.contains("`office`")));
}

#[test]
fn a_comment_with_a_reason_silences_the_finding_it_is_above() {
    let repo = above_office("# planbook: allow(budget.breakdown-short) 600 for the new printer");
    let run = repo.run(["check", "--format", "json"]).code(0);
    let lines = short_lines(&run);
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    assert!(!lines.iter().any(|m| m.contains("`office`")), "{lines:?}");
    assert!(!run.rules().iter().any(|r| r.starts_with("suppress.")), "{}", run.stdout);

    let human = repo.run(["check", "--color", "never"]).code(0);
    assert!(
        human.stderr.contains("not shown: 1 finding suppressed by a comment"),
        "{}",
        human.stderr
    );
    assert!(!human.stderr.contains("`office`"), "{}", human.stderr);

    // `--show-suppressed` lists it, with the comment's reason.
    let shown = repo.run(["check", "--color", "never", "--show-suppressed"]).code(0);
    assert!(shown.stderr.contains("`office`"), "{}", shown.stderr);
    assert!(shown.stderr.contains("suppressed: 600 for the new printer"), "{}", shown.stderr);
    let json = repo.run(["check", "--format", "json", "--show-suppressed"]).code(0);
    let office =
        json.json().into_iter().find(|d| d["message"].as_str().unwrap_or("").contains("`office`"));
    let office = office.expect("listed");
    assert_eq!(office["suppressed"]["reason"], "600 for the new printer");
}

#[test]
fn a_warm_check_finds_the_comment_in_a_file_it_did_not_read_again() {
    let repo = above_office("# planbook: allow(budget.breakdown-short) 600 for the new printer");
    // An hour old, so the cache trusts every file's stamp and the warm run reads none.
    age(repo.path());
    let cold = repo.run(["check", "--format", "json"]).code(0);
    let warm = repo.run(["check", "--format", "json", "-v"]).code(0);
    assert_eq!(cold.stdout, warm.stdout);
    assert_eq!(short_lines(&warm).len(), 2);
    assert!(warm.stderr.contains("read 0 of"), "{}", warm.stderr);
}

#[test]
fn without_a_reason_nothing_is_silenced_and_the_comment_is_reported() {
    let repo = above_office("# planbook: allow(budget.breakdown-short)");
    let run = repo.run(["check", "--format", "json"]).code(0);
    assert_eq!(short_lines(&run).len(), 3, "{}", run.stdout);
    assert!(run.rules().contains(&"suppress.missing-reason".to_owned()), "{}", run.stdout);

    let zh = repo.run(["check", "--color", "never", "--lang", "zh-CN"]);
    assert!(zh.stderr.contains("没有写明原因"), "{}", zh.stderr);
    assert!(zh.stderr.contains("警告[suppress.missing-reason]"), "{}", zh.stderr);
}

#[test]
fn a_comment_that_silences_nothing_is_reported_with_a_fix_that_deletes_it() {
    // Above `rent`, which is not short.
    let repo = plans_with(|text| {
        text.replacen(
            "  - id: rent\n",
            "  # planbook: allow(budget.breakdown-short) checked with finance\n  - id: rent\n",
            1,
        )
    });
    let run = repo.run(["check", "--format", "json"]).code(0);
    let unused: Vec<_> =
        run.json().into_iter().filter(|d| d["rule"] == "suppress.unused").collect();
    assert_eq!(unused.len(), 1, "{}", run.stdout);
    let fix = &unused[0]["fixes"][0];
    assert_eq!(fix["applicability"], "safe", "{fix}");
    assert_eq!(fix["edits"][0]["text"], "", "{fix}");
    // The edit removes the whole line: applied, the file is as it was.
    let path = repo.path().join(BUDGET);
    let text = std::fs::read_to_string(&path).expect("budget");
    let original = std::fs::read_to_string(project_root().join("plans").join(BUDGET)).unwrap();
    let start = text.find("  # planbook:").expect("comment");
    let end = start + text[start..].find('\n').expect("line end") + 1;
    let edit = &fix["edits"][0];
    assert_eq!(
        (edit["start_byte"].as_u64(), edit["end_byte"].as_u64()),
        (Some(start as u64), Some(end as u64))
    );
    let mut fixed = text.clone();
    fixed.replace_range(start..end, "");
    assert_eq!(fixed, original);

    let zh = repo.run(["check", "--color", "never", "--lang", "zh-CN"]);
    assert!(zh.stderr.contains("这条屏蔽注释已不需要"), "{}", zh.stderr);
}

#[test]
fn an_unknown_rule_gets_a_did_you_mean() {
    let repo = above_office("# planbook: allow(budget.breakdown-shrot) 600 for the new printer");
    let run = repo.run(["check", "--format", "json"]).code(0);
    let unknown = run.json().into_iter().find(|d| d["rule"] == "suppress.unknown-rule");
    let unknown = unknown.expect("reported");
    let help = unknown["help"].as_str().unwrap_or("");
    assert!(help.contains("did you mean `budget.breakdown-short`?"), "{help}");
    assert_eq!(short_lines(&run).len(), 3, "nothing silenced");
}

#[test]
fn full_width_punctuation_in_the_directive_is_read() {
    let repo = above_office(
        "# planbook：allow（budget.breakdown-short，budget.headcount）新打印机 600 元",
    );
    let run = repo.run(["check", "--format", "json"]).code(0);
    assert_eq!(short_lines(&run).len(), 2, "{}", run.stdout);
    // `budget.headcount` matched nothing: reported on its own, with a fix that keeps the other.
    let unused = run.json().into_iter().find(|d| d["rule"] == "suppress.unused").expect("unused");
    assert_eq!(unused["fixes"][0]["edits"][0]["text"], "budget.breakdown-short");
    let shown = repo.run(["check", "--color", "never", "--show-suppressed", "--lang", "zh-CN"]);
    assert!(shown.stderr.contains("已屏蔽：新打印机 600 元"), "{}", shown.stderr);
}

#[test]
fn a_file_level_comment_silences_the_whole_file() {
    let repo = plans_with(|text| {
        format!("# planbook: allow-file(budget.breakdown-short) breakdowns are drafts\n{text}")
    });
    let run = repo.run(["check", "--format", "json"]).code(0);
    assert!(short_lines(&run).is_empty(), "{}", run.stdout);
    assert!(!run.rules().iter().any(|r| r.starts_with("suppress.")), "{}", run.stdout);
}

#[test]
fn the_handbook_lists_no_suppressed_finding() {
    let repo = above_office("# planbook: allow(budget.breakdown-short) 600 for the new printer");
    let run = repo.run(["build", "--no-history", "--color", "never"]).code(0);
    assert!(run.stderr.contains("lists 0 errors and 3 warnings"), "{}", run.stderr);
    let problems =
        std::fs::read_to_string(repo.path().join("_site/problems.html")).expect("a problems page");
    assert!(problems.contains("`travel`"), "the other findings are listed");
    assert!(!problems.contains("`office`"), "the suppressed one is not");
}

#[test]
fn the_baseline_round_trip() {
    let repo = plans();
    let wrote = repo.run(["check", "--write-baseline", "--color", "never"]).code(0);
    assert!(
        wrote.stderr.contains("wrote 4 findings to .planbook-baseline.json"),
        "{}",
        wrote.stderr
    );
    let file = repo.path().join(".planbook-baseline.json");
    let text = std::fs::read_to_string(&file).expect("baseline written");
    let json: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let findings = json["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 4, "{text}");
    // Messages in the repository's language (`plans/` is zh-CN), whatever the terminal speaks.
    assert!(findings.iter().all(|f| has_chinese(f["message"].as_str().unwrap_or(""))), "{text}");
    assert!(findings.iter().all(|f| f["file"] == BUDGET && f.get("line").is_none()), "{text}");
    // Written again, byte for byte the same.
    repo.run(["check", "--write-baseline"]).code(0);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);

    // Clean now: the warnings are accepted, the notes stay.
    let clean = repo.run(["check", "--format", "json"]).code(0);
    assert_eq!(clean.rules(), ["roster.vacancy"; 3], "{}", clean.stdout);
    let human = repo.run(["check", "--color", "never"]).code(0);
    assert!(human.stderr.contains("checked 12 files: 3 notes"), "{}", human.stderr);
    assert!(human.stderr.contains("4 findings in the baseline"), "{}", human.stderr);
    // The handbook's problems page leaves them out too.
    let built = repo.run(["build", "--no-history"]).code(0);
    assert!(!built.stderr.contains("problems page lists"), "{}", built.stderr);
    // `--no-baseline` shows them all again.
    let all = repo.run(["check", "--format", "json", "--no-baseline"]).code(0);
    assert_eq!(short_lines(&all).len(), 3);

    // Lines added above the findings: still accepted. A new problem: only it is reported.
    let path = repo.path().join(BUDGET);
    let budget = std::fs::read_to_string(&path).unwrap();
    let edited = budget.replacen("lines:\n", "# 2026年12月预算（修订）\n\nlines:\n", 1).replacen(
        "IP电话, quantity: 5,",
        "IP电话, quantity: 4,",
        1,
    );
    assert_ne!(edited, budget);
    std::fs::write(&path, &edited).unwrap();
    let run = repo.run(["check", "--format", "json"]).code(0);
    let lines = short_lines(&run);
    assert_eq!(lines.len(), 1, "{}", run.stdout);
    assert!(lines[0].contains("`office`") && lines[0].contains("4,000"), "{lines:?}");
    // The old `office` finding is gone: the baseline has an entry that no longer occurs.
    let human = repo.run(["check", "--color", "never"]);
    assert!(
        human
            .stderr
            .contains("1 baseline entry no longer occurs; run `planbook check --write-baseline`"),
        "{}",
        human.stderr
    );
    let zh = repo.run(["check", "--color", "never", "--lang", "zh-CN"]);
    assert!(zh.stderr.contains("基线中有 1 项问题已不再出现"), "{}", zh.stderr);
    assert!(has_chinese(&zh.stderr));
}

#[test]
fn another_baseline_file_and_a_broken_one() {
    let repo = plans();
    repo.run(["check", "--write-baseline", "accepted.json"]).code(0);
    assert!(repo.path().join("accepted.json").is_file());
    assert!(!repo.path().join(".planbook-baseline.json").exists());
    let run = repo.run(["check", "--format", "json", "--baseline", "accepted.json"]).code(0);
    assert!(short_lines(&run).is_empty(), "{}", run.stdout);
    // Not read unless asked for.
    let run = repo.run(["check", "--format", "json"]).code(0);
    assert_eq!(short_lines(&run).len(), 3);
    // A broken baseline (a merge left its markers) stops the run: exit 2, saying why.
    std::fs::write(repo.path().join(".planbook-baseline.json"), "<<<<<<< HEAD\n").unwrap();
    let run = repo.run(["check"]).code(2);
    assert!(
        run.stderr.contains("cannot read the baseline .planbook-baseline.json"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_pre_commit_check_honours_the_baseline() {
    let repo = plans();
    git_as(repo.path(), "管理员", &["init", "-q"]);
    repo.run(["check", "--write-baseline"]).code(0);
    git_as(repo.path(), "管理员", &["add", "-A"]);
    let run = repo.run(["check", "--staged", "--format", "json"]).code(0);
    assert!(short_lines(&run).is_empty(), "{}", run.stdout);
    // A new problem staged: reported.
    let path = repo.path().join(BUDGET);
    let budget = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, budget.replacen("IP电话, quantity: 5,", "IP电话, quantity: 4,", 1))
        .unwrap();
    git_as(repo.path(), "管理员", &["add", "-A"]);
    let run = repo.run(["check", "--staged", "--format", "json"]).code(0);
    let lines = short_lines(&run);
    assert_eq!(lines.len(), 1, "{}", run.stdout);
    assert!(lines[0].contains("`office`"), "{lines:?}");
}

/// A suppression in a document that did not load whole is not "unused" (its rules did not all
/// run), and `--fix` keeps it while it fixes the real mistake.
#[test]
fn a_broken_documents_suppressions_are_kept() {
    let repo = plans();
    let path = repo.path().join("henan/roster.yaml");
    let text = std::fs::read_to_string(&path).expect("roster");
    let text = text
        .replacen(
            "  - id: flexible\n",
            "  # planbook: allow(roster.vacancy) 机动岗暂不补人\n  - id: flexible\n",
            1,
        )
        .replacen("    pay: 900\n", "    pay：900\n", 1);
    std::fs::write(&path, &text).expect("write");
    let run = repo.run(["check", "--format", "json"]);
    assert!(!run.rules().iter().any(|r| r == "suppress.unused"), "{}", run.stdout);
    repo.run(["check", "--fix"]);
    let fixed = std::fs::read_to_string(&path).expect("roster");
    assert!(fixed.contains("# planbook: allow(roster.vacancy) 机动岗暂不补人"), "{fixed}");
    assert!(fixed.contains("    pay: 900\n") && !fixed.contains("pay："), "{fixed}");
}

/// `# planbook:` inside a quoted value is the writer's text: it silences nothing, is never
/// called unused, and `--fix` leaves it alone.
#[test]
fn a_directive_inside_a_quoted_value_is_text() {
    let repo = plans();
    let path = repo.path().join("henan/roster.yaml");
    let text = std::fs::read_to_string(&path).expect("roster");
    let note = "    note: \"暂不补人 # planbook: allow(roster.vacancy) 不列工资预算\"\n";
    let text = text.replacen("  - id: admin-clerk\n", &format!("  - id: admin-clerk\n{note}"), 1);
    std::fs::write(&path, &text).expect("write");
    let run = repo.run(["check", "--format", "json"]).code(0);
    assert!(!run.rules().iter().any(|r| r.starts_with("suppress.")), "{}", run.stdout);
    repo.run(["check", "--fix"]);
    assert_eq!(std::fs::read_to_string(&path).expect("roster"), text);
}
