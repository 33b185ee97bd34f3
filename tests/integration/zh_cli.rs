//! What the CLI itself prints — the rule catalogue, `check`'s summary and `-v` lines, `build`'s
//! report, errors that end a run — in Chinese for a zh-CN repository and in English with
//! `--lang en`. The diagnostics' own messages are tested where they are raised.

use std::path::Path;
use std::process::Command;

use crate::support::git_as;
use crate::support::{Repo, copy_tree, project_root};

/// A copy of the sample repository `plans/` (`locale: zh-CN`) in a git repository with one
/// commit.
fn sample() -> Repo {
    let repo = Repo::empty();
    copy_tree(&project_root().join("plans"), repo.path());
    git_as(repo.path(), "测试员", &["init", "-q"]);
    git_as(repo.path(), "测试员", &["add", "-A"]);
    git_as(repo.path(), "测试员", &["commit", "-qm", "初始化"]);
    repo
}

/// A budget with an unknown key: one error.
const BAD_BUDGET: &str = "kind: budget\nunit: henan\nperiod: 2027-01\nlines:\n  \
                          - id: rent\n    name: 房租\n    amout: 5000\n";

/// Runs planbook in `dir` with `LANG` set to `lang` (and no `LC_*`).
fn run_with_env(dir: &Path, lang: &str, args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_planbook"))
        .args(args)
        .current_dir(dir)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .env("PLANBOOK_CACHE_DIR", crate::support::test_cache())
        .output()
        .expect("run planbook");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Asserts that `text` reads Chinese: outside backticks, no ASCII word but `planbook`, paths
/// and ids (with `/` or `.`), hexadecimal commit ids and the names in `names`.
#[track_caller]
fn reads_chinese(text: &str, names: &[&str]) {
    assert!(text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "no Chinese: {text}");
    let outside: String = text.split('`').step_by(2).collect::<Vec<_>>().join(" ");
    let word = |c: char| c.is_ascii_alphanumeric() || "._/~-".contains(c);
    for token in outside.split(|c: char| !word(c)).filter(|t| !t.is_empty()) {
        let ok = !token.chars().any(|c| c.is_ascii_alphabetic())
            || token == "planbook"
            || token.contains(['/', '.'])
            || token.chars().all(|c| c.is_ascii_hexdigit())
            || names.contains(&token);
        assert!(ok, "English word `{token}` in Chinese output:\n{text}");
    }
}

/// Asserts that `text` has no Chinese character or full-width punctuation.
#[track_caller]
fn reads_english(text: &str) {
    let chinese = |c: char| {
        ('\u{4e00}'..='\u{9fff}').contains(&c)
            || ('\u{3000}'..='\u{303f}').contains(&c)
            || ('\u{ff00}'..='\u{ffef}').contains(&c)
    };
    assert!(!text.chars().any(chinese), "Chinese in English output:\n{text}");
}

/// The lines of `stderr` from the summary line on: what `check` prints after the diagnostics.
fn tail(stderr: &str, lines: usize) -> String {
    let all: Vec<&str> = stderr.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

/// Proper names that Chinese text keeps in Latin letters.
const NAMES: &[&str] = &["YAML", "UTF-8", "Markdown", "HEAD"];

#[test]
fn the_rule_catalogue_reads_chinese() {
    let repo = Repo::new();
    let run = repo.run(["--lang", "zh-CN", "rules"]).code(0);
    let count = planbook::diag::rules::ALL.len();
    assert!(run.stdout.starts_with(&format!("共 {count} 条规则\n规则 ")), "{}", run.stdout);
    assert!(run.stdout.contains("预算的申报总额与科目合计不符\n"), "{}", run.stdout);
    assert!(run.stdout.contains(" 警告 "), "severities are Chinese: {}", run.stdout);
    reads_chinese(&run.stdout, NAMES);

    let run = repo.run(["--lang", "zh-CN", "rules", "budget.total-mismatch"]).code(0);
    let expected = "budget.total-mismatch（默认级别：错误）\n\n预算的申报总额与科目合计不符。\n\n\
                    填写的 `total:` 是一项声明：全部科目之和必须等于它。\n\n示例：\n    \
                    total: 123000   # 各科目合计为 122900\n";
    assert_eq!(run.stdout, expected);
    // The example is YAML; the prose above it reads Chinese.
    reads_chinese(run.stdout.split("示例").next().unwrap_or_default(), NAMES);

    let run = repo.run(["--lang", "zh-CN", "rules", "budget.breakdwon-short"]).code(2);
    assert!(run.stderr.starts_with("错误：未知的规则 `budget.breakdwon-short`"), "{}", run.stderr);
    reads_chinese(&run.stderr, NAMES);
}

#[test]
fn every_rule_explains_itself_in_chinese() {
    let repo = Repo::new();
    for rule in planbook::diag::rules::ALL {
        let run = repo.run(["--lang", "zh-CN", "rules", rule.id]).code(0);
        let head = format!("{}（默认级别：", rule.id);
        assert!(run.stdout.starts_with(&head), "{}", run.stdout);
        let prose = run.stdout.split("示例：").next().unwrap_or_default();
        reads_chinese(prose, &["YAML", "UTF-8", "Markdown", "GBK", "GB2312", "MiB"]);
    }
}

#[test]
fn the_rule_catalogue_reads_english_with_lang_en() {
    let repo = Repo::new();
    let run = repo.run(["--lang", "en", "rules"]).code(0);
    let count = planbook::diag::rules::ALL.len();
    assert!(run.stdout.starts_with(&format!("{count} rules\nrule ")), "{}", run.stdout);
    assert!(run.stdout.ends_with(
        "\n`planbook rules ID` explains a rule; `rules:` in planbook.yaml overrides severities.\n"
    ));
    reads_english(&run.stdout);
    let run = repo.run(["--lang", "en", "rules", "budget.total-mismatch"]).code(0);
    assert!(
        run.stdout.starts_with(
            "budget.total-mismatch (error by default)\n\n\
             A budget's declared total differs from the sum of its lines.\n\n"
        ),
        "{}",
        run.stdout
    );
    reads_english(&run.stdout);
}

#[test]
fn rules_speak_the_language_of_the_repository_they_run_in() {
    // `C` names no language: inside the zh-CN repository its `locale` decides, outside English.
    let repo = Repo::new();
    let (code, stdout, _) = run_with_env(repo.path(), "C.UTF-8", &["rules"]);
    assert_eq!(code, 0);
    assert!(stdout.starts_with("共 "), "{stdout}");
    let outside = Repo::empty();
    let (code, stdout, _) = run_with_env(outside.path(), "C.UTF-8", &["rules"]);
    assert_eq!(code, 0);
    reads_english(&stdout);
    // The environment's language comes before the repository's.
    let (_, stdout, _) = run_with_env(outside.path(), "zh_CN.UTF-8", &["rules"]);
    assert!(stdout.starts_with("共 "), "{stdout}");
}

#[test]
fn check_summaries_and_verbose_lines_read_chinese() {
    let repo = sample();
    let run = repo.run(["--lang", "zh-CN", "check", "-v", "--color", "never"]).code(0);
    let lines = tail(&run.stderr, 3);
    assert!(lines.contains("：4 个警告，3 条提示\n已从 "), "{}", run.stderr);
    assert!(lines.contains(" 份文档，用时 ") && lines.contains(" 毫秒\n共 "), "{lines}");
    reads_chinese(&lines, NAMES);

    std::fs::write(repo.path().join("henan/extra.budget.yaml"), BAD_BUDGET).unwrap();
    let run = repo.run(["--lang", "zh-CN", "check", "--color", "never"]).code(1);
    let summary = tail(&run.stderr, 1);
    assert!(summary.starts_with("已检查 ") && summary.contains("：1 个错误，"), "{summary}");
    reads_chinese(&summary, NAMES);

    let run = repo.run(["--lang", "zh-CN", "check", "--staged", "--color", "never"]).code(0);
    let summary = tail(&run.stderr, 1);
    assert!(summary.contains("已检查 暂存区中的 "), "{summary}");
    reads_chinese(&summary, NAMES);
    git_as(repo.path(), "测试员", &["add", "-A"]);
    let run = repo.run(["--lang", "zh-CN", "check", "--staged", "--color", "never"]).code(1);
    assert!(tail(&run.stderr, 1).contains("已检查 暂存区中的 "), "{}", run.stderr);

    let run = repo.run(["--lang", "zh-CN", "check", "--rev", "HEAD", "--color", "never"]).code(0);
    let summary = tail(&run.stderr, 1);
    assert!(summary.contains("已检查 HEAD ("), "{summary}");
    reads_chinese(&summary, NAMES);

    let run = repo.run(["--lang", "zh-CN", "check", "--rev", "no-such-rev"]).code(2);
    let first = run.stderr.lines().next().unwrap_or_default();
    assert_eq!(first, "错误：无法检查版本 `no-such-rev`", "{}", run.stderr);
    // The causes are git's own words; each is introduced in Chinese.
    assert!(run.stderr.lines().skip(1).all(|l| l.starts_with("  原因：")), "{}", run.stderr);
}

#[test]
fn check_lines_read_english_with_lang_en() {
    let repo = sample();
    std::fs::write(repo.path().join("henan/extra.budget.yaml"), BAD_BUDGET).unwrap();
    git_as(repo.path(), "测试员", &["add", "-A"]);
    let run = repo.run(["--lang", "en", "check", "-v", "--staged", "--color", "never"]).code(1);
    let lines = tail(&run.stderr, 3);
    assert!(
        lines.contains(" files in the index: 1 error, 4 warnings, 3 notes\nloaded "),
        "{lines}"
    );
    assert!(lines.contains(" documents from ") && lines.contains("\nread "), "{lines}");
    reads_english(&lines);
    let run = repo.run(["--lang", "en", "check", "--rev", "HEAD", "--color", "never"]).code(0);
    let summary = tail(&run.stderr, 1);
    assert!(summary.contains(" files at HEAD (") && summary.ends_with("): 4 warnings, 3 notes"));
    let run = repo.run(["--lang", "en", "check", "--rev", "no-such-rev"]).code(2);
    assert!(run.stderr.starts_with("error: cannot check revision `no-such-rev`\n  caused by: "));
    reads_english(&run.stderr);
}

#[test]
fn build_reports_in_chinese() {
    let repo = sample();
    std::fs::write(repo.path().join("henan/extra.budget.yaml"), BAD_BUDGET).unwrap();
    let run = repo.run(["--lang", "zh-CN", "build", "-v"]).code(0);
    assert!(run.stderr.starts_with("已生成 "), "{}", run.stderr);
    assert!(run.stderr.contains("\n手册的问题页列出了 1 个错误和 4 个警告（"), "{}", run.stderr);
    assert!(run.stderr.contains("\n打开 _site/index.html\n"), "{}", run.stderr);
    assert!(run.stderr.contains("  总计 "), "the profile: {}", run.stderr);
    reads_chinese(&run.stderr, &["_site"]);
}

#[test]
fn build_reports_in_english_with_lang_en() {
    let repo = sample();
    let run = repo.run(["--lang", "en", "build", "-v"]).code(0);
    assert!(run.stderr.starts_with("built "), "{}", run.stderr);
    assert!(run.stderr.contains(" pages into _site in "), "{}", run.stderr);
    assert!(run.stderr.contains("\nopen _site/index.html\n"), "{}", run.stderr);
    assert!(run.stderr.contains("  pages, summed over threads: views "), "{}", run.stderr);
    reads_english(&run.stderr);
}

#[test]
fn errors_and_written_files_read_chinese() {
    let empty = Repo::empty();
    let run = empty.run(["--lang", "zh-CN", "check"]).code(2);
    assert!(run.stderr.starts_with("错误："), "{}", run.stderr);
    let run = empty.run(["--lang=zh-CN", "schema", "-o", "schemas"]).code(0);
    assert!(run.stderr.starts_with("已写入 "), "{}", run.stderr);
    reads_chinese(&run.stderr, NAMES);
    let run = empty.run(["--lang", "en", "schema", "-o", "schemas2"]).code(0);
    assert!(run.stderr.starts_with("wrote "), "{}", run.stderr);
    let (code, _, stderr) = run_with_env(empty.path(), "zh_CN.UTF-8", &["--lang", "xx", "rules"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("`planbook` 不支持语言 `xx`"), "{stderr}");
}
