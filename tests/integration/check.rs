//! `planbook check`: output formats, exit codes, path filters and global options.

use crate::support::{Repo, run_in};

const BAD: &str = concat!(
    "kind: budget\n",
    "unit: henan\n",
    "period: 2026-12\n",
    "lines:\n",
    "  - id: salary\n",
    "    name: 工资\n",
    "    amout: 46000\n",
);

#[test]
fn clean_repository_exits_zero() {
    let run = Repo::new().run(["check"]).code(0);
    assert!(run.stderr.contains("no problems found"), "{}", run.stderr);
}

#[test]
fn no_config_exits_two_with_a_hint() {
    let run = Repo::empty().run(["check"]).code(2);
    assert!(run.stderr.starts_with("error: no `planbook.yaml`"), "{}", run.stderr);
    assert!(run.stderr.contains("planbook init"));
}

#[test]
fn runs_from_a_subfolder_and_with_dash_c() {
    let repo = Repo::new().file("henan/budget.yaml", BAD);
    let run = run_in(&repo.path().join("henan"), ["check", "--color", "never"]).code(1);
    assert!(run.stderr.contains("--> budget.yaml:7:5"), "{}", run.stderr);
    let parent = repo.path().parent().unwrap();
    let name = repo.path().file_name().unwrap().to_str().unwrap();
    let run = run_in(parent, ["-C", name, "check", "--color", "never"]).code(1);
    assert!(run.stderr.contains(&format!("--> {name}/henan/budget.yaml:7:5")), "{}", run.stderr);
}

#[test]
fn human_output_reads_like_a_compiler() {
    let run = Repo::new().file("budget.yaml", BAD).run(["check", "--color", "never"]).code(1);
    let expected = "\
error[schema.unknown-field]: unknown field `amout` in `lines[0]`
 --> budget.yaml:7:5
  |
7 |     amout: 46000
  |     ^^^^^
  = help: did you mean `amount`?
  = fix: rename `amout` to `amount`

1 fixable with `planbook check --fix`
checked 2 files: 1 error
";
    assert_eq!(run.stderr, expected);
}

#[test]
fn json_output_has_the_documented_fields() {
    let run = Repo::new().file("budget.yaml", BAD).run(["check", "--format", "json"]).code(1);
    let d = &run.json()[0];
    for field in
        ["rule", "severity", "message", "file", "line", "column", "end_line", "end_column", "help"]
    {
        assert!(d.get(field).is_some(), "missing {field} in {d}");
    }
    assert_eq!(d["rule"], "schema.unknown-field");
    assert_eq!(d["severity"], "error");
    assert_eq!((d["line"].as_u64(), d["column"].as_u64()), (Some(7), Some(5)));
    assert_eq!((d["end_line"].as_u64(), d["end_column"].as_u64()), (Some(7), Some(10)));
    assert!(run.stderr.is_empty(), "json mode keeps stderr clean: {}", run.stderr);
}

#[test]
fn github_output_is_workflow_annotations() {
    let run = Repo::new().file("budget.yaml", BAD).run(["check", "--format", "github"]).code(1);
    assert_eq!(
        run.stdout.trim_end(),
        concat!(
            "::error file=budget.yaml,line=7,col=5,endLine=7,endColumn=10,",
            "title=schema.unknown-field::unknown field `amout` in `lines[0]`",
            "%0Ahelp: did you mean `amount`?"
        )
    );
}

#[test]
fn paths_filter_the_report_but_not_the_load() {
    let repo = Repo::new().file("a/budget.yaml", BAD).file("b/budget.yaml", BAD);
    let run = repo.run(["check", "--format", "json", "a"]).code(1);
    let files: Vec<String> =
        run.json().iter().map(|d| d["file"].as_str().unwrap().to_string()).collect();
    assert_eq!(files, ["a/budget.yaml"]);
    // A path that names nothing is a typo: saying "no problems" would hide it.
    let run = repo.run(["check", "b/other.yaml"]).code(2);
    assert!(run.stderr.contains("`b/other.yaml` does not exist"), "{}", run.stderr);
    let run = repo.run(["check", "--lang", "zh-CN", "b/other.yaml"]).code(2);
    assert!(run.stderr.contains("`b/other.yaml` 不存在"), "{}", run.stderr);
}

#[test]
fn warnings_fail_only_with_deny_warnings() {
    let repo = Repo::new().file("empty.yaml", "");
    repo.run(["check"]).code(0);
    repo.run(["check", "--deny-warnings"]).code(1);
}

#[test]
fn severity_overrides_from_config() {
    let config = format!(
        "{}rules:\n  schema.unknown-field: warning\n  document.empty: off\n",
        crate::support::CONFIG
    );
    let repo =
        Repo::empty().file("planbook.yaml", config).file("budget.yaml", BAD).file("e.yaml", "");
    let run = repo.run(["check", "--format", "json"]).code(0);
    assert_eq!(run.rules(), ["schema.unknown-field"]);
    assert_eq!(run.json()[0]["severity"], "warning");
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let repo = Repo::new().file("budget.yaml", BAD);
    let run = repo.run(["check", "--color", "always"]);
    assert!(run.stderr.contains("\x1b[1;31merror"), "{:?}", run.stderr);
    let run = repo.run(["check", "--color", "never"]);
    assert!(!run.stderr.contains('\x1b'));
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_planbook"))
        .args(["check"])
        .current_dir(repo.path())
        .env("PLANBOOK_CACHE_DIR", crate::support::test_cache())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&output.stderr).contains('\x1b'));
}

#[test]
fn invalid_config_is_reported_and_the_rest_still_checked() {
    let repo =
        Repo::empty().file("planbook.yaml", "name: 测试\nlocale: fr\n").file("budget.yaml", BAD);
    let run = repo.run(["check", "--format", "json"]).code(1);
    // The budget loads without its unknown field, planbook.yaml without its wrong `locale`
    // (the default is used); it names no units, so the budget's unit is unknown.
    assert_eq!(run.rules(), ["schema.unknown-field", "schema.value", "document.unknown-unit"]);
    assert!(run.json()[1]["help"].as_str().unwrap().contains("`zh-CN`"));
}

#[test]
fn chinese_carets_are_two_columns_wide() {
    let text = concat!(
        "kind: roster\n",
        "unit: henan\n",
        "posts:\n",
        "  - id: rep\n",
        "    title: 业务员\n",
        "    establishment: 十八\n",
    );
    let run = Repo::new().file("roster.yaml", text).run(["check", "--color", "never"]).code(1);
    assert!(
        run.stderr.contains(
            "6 |     establishment: 十八\n  |                    ^^^^ expected a whole number"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn broken_pipe_is_not_an_error() {
    let mut repo = Repo::new();
    for i in 0..300 {
        repo = repo.file(&format!("b{i:03}.yaml"), BAD);
    }
    let script = format!(
        "{} check --format json | head -c 10 >/dev/null; echo ${{PIPESTATUS[0]}}",
        env!("CARGO_BIN_EXE_planbook")
    );
    let output = std::process::Command::new("bash")
        .args(["-c", &script])
        .current_dir(repo.path())
        .env("PLANBOOK_CACHE_DIR", crate::support::test_cache())
        .output()
        .unwrap();
    let code = String::from_utf8_lossy(&output.stdout).trim().to_string();
    assert!(code == "0" || code == "1", "exit code {code}");
    assert!(!String::from_utf8_lossy(&output.stderr).contains("panicked"));
}

#[test]
fn short_output_is_one_line_per_problem() {
    let run = Repo::new().file("budget.yaml", BAD).run(["check", "--format", "short"]).code(1);
    assert_eq!(
        run.stdout,
        "budget.yaml:7:5: error[schema.unknown-field]: unknown field `amout` in `lines[0]`\n"
    );
}

#[test]
fn counts_agree_with_their_nouns() {
    let run = Repo::new().run(["-v", "check", "--color", "never"]).code(0);
    assert!(run.stderr.contains("checked 1 file: no problems found"), "{}", run.stderr);
    assert!(run.stderr.contains("loaded 0 documents from"), "{}", run.stderr);
    let repo = Repo::new().file("budget.yaml", BAD).file("empty.yaml", "");
    let run = repo.run(["-v", "check", "--color", "never"]).code(1);
    assert!(run.stderr.contains("checked 3 files: 1 error, 1 warning\n"), "{}", run.stderr);
    let roster = "kind: roster\nunit: henan\n";
    let run = Repo::new().file("roster.yaml", roster).run(["-v", "check"]).code(0);
    assert!(run.stderr.contains("loaded 1 document from"), "{}", run.stderr);
}

/// Ids with invisible or direction-changing characters are refused where they are written
/// (they would make two ids look the same, or reorder the text around them).
#[test]
fn ids_with_invisible_characters_are_not_valid_ids() {
    let roster = concat!(
        "kind: roster\nunit: henan\nposts:\n",
        "  - { id: \"a\\u202eb\", title: A, establishment: 1 }\n",
        "  - { id: \"rep\\u200b\", title: B, establishment: 1 }\n",
        "  - { id: 业务员-1, title: C, establishment: 1 }\n",
    );
    let run = Repo::new().file("roster.yaml", roster).run(["check", "--format", "short"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.contains("roster.yaml:4:11: error[schema.value]: `a\\u{202e}b`"), "{run:?}");
    assert!(
        run.stdout.contains("roster.yaml:5:11: error[schema.value]: `rep\\u{200b}`"),
        "{run:?}"
    );
    assert_eq!(run.stdout.lines().count(), 2, "{run:?}");
}

/// A broken document is present, not missing, and an unknown KPI has no direction: each mistake
/// is reported once, where it is.
#[test]
fn a_broken_budget_and_an_unknown_kpi_cause_no_second_error() {
    let repo = Repo::new()
        .file("henan/budget.yaml", "kind: budget\nunit: henan\nperiod: 2026-12\nlines: [\n")
        .file(
            "henan/plan.md",
            "---\nkind: plan\nunit: henan\nperiod: 2026-12\ntitle: 计划\nbudget: budget.yaml\n\
             targets:\n  - { kpi: nosuch, floor: 11, target: 10 }\n---\n",
        )
        .file(
            "henan/review.md",
            "---\nkind: review\nunit: henan\nperiod: 2026-12\ntitle: 回顾\nplan: plan2.md\n---\n",
        )
        .file("henan/plan2.md", "---\nkind: plan\nunit: [\n---\n");
    let run = repo.run(["check", "--format", "json"]).code(1);
    let rules = run.rules();
    assert!(rules.contains(&"yaml.syntax".to_string()), "{rules:?}");
    assert!(rules.contains(&"document.unknown-kpi".to_string()), "{rules:?}");
    for false_alarm in ["plan.budget-missing", "plan.floor-above-target", "review.no-plan"] {
        assert!(!rules.iter().any(|r| r == false_alarm), "{false_alarm}: {rules:?}");
    }
    // The same links to files that are not there are still reported.
    std::fs::remove_file(repo.path().join("henan/budget.yaml")).unwrap();
    std::fs::remove_file(repo.path().join("henan/plan2.md")).unwrap();
    let rules = repo.run(["check", "--format", "json"]).code(1).rules();
    assert!(rules.contains(&"plan.budget-missing".to_string()), "{rules:?}");
    assert!(rules.contains(&"review.no-plan".to_string()), "{rules:?}");
}
