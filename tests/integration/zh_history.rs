//! Change history in Chinese: `log`, `diff`, `blame` and the handbook's changes page of a
//! zh-CN repository read as Chinese sentences, and in English with `--lang en`.

use std::path::Path;
use std::process::Command;

use crate::support::git_as;
use crate::support::{Repo, run_in};

fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from:?} not in {file}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// A zh-CN repository (`planbook init`) and one commit that lowers a budget amount, adds a
/// line, removes a person and finishes a task.
fn repo_with_edits() -> Repo {
    let repo = Repo::empty();
    let dir = repo.path();
    git_as(dir, "周明远", &["init", "-q"]);
    run_in(dir, ["init", "-q", "--unit", "henan", "--period", "2026-12", "."]).code(0);
    git_as(dir, "周明远", &["add", "-A"]);
    git_as(dir, "周明远", &["commit", "-qm", "初始化"]);
    let budget = "henan/2026-12.budget.yaml";
    edit(dir, budget, "amount: 5000 }", "amount: 4500 }");
    edit(
        dir,
        budget,
        "  - { id: travel,",
        "  - { id: ads, name: 广告费, category: marketing, section: operating, amount: 500 }\n  \
         - { id: travel,",
    );
    edit(
        dir,
        "henan/roster.yaml",
        "  - { id: p003, name: 李娜, post: staff, reports_to: p001, since: 2025-12-01 }\n",
        "",
    );
    edit(
        dir,
        "henan/2026-12.review.md",
        "{ task: visits, status: 进行中 }",
        "{ task: visits, status: 完成 }",
    );
    git_as(dir, "周明远", &["commit", "-qam", "调整预算与人员"]);
    repo
}

/// The sentences the commit reads as in Chinese.
const CHINESE: [&str; 4] = [
    "房租 预算由 5,000 改为 4,500",
    "新增科目 广告费",
    "删除人员 李娜",
    "任务 visits 状态由 进行中 改为 已完成",
];

/// The same in English.
const ENGLISH: [&str; 4] = [
    "line rent (房租) amount: 5,000 → 4,500",
    "line ads (广告费) added",
    "person p003 (李娜) removed",
    "task visits status: in progress → done",
];

/// Ids and revisions the Chinese output may show: of tasks, units, sections, posts and
/// categories.
const IDS: [&str; 10] = [
    "visits",
    "henan",
    "HEAD",
    "operating",
    "manager",
    "staff",
    "personnel",
    "premises",
    "marketing",
    "travel",
];

/// Every ASCII word of `text` that is not an id, a path, a number, a hash, an e-mail or
/// backticked text: what a Chinese reader should never see.
fn english_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 1 {
            continue;
        }
        let tokens = part.split(|c: char| !(c.is_ascii_alphanumeric() || "-_./@".contains(c)));
        for token in tokens.filter(|t| t.chars().any(|c| c.is_ascii_alphabetic())) {
            let hash = token.len() >= 7 && token.chars().all(|c| c.is_ascii_hexdigit());
            let path_or_number = token.chars().any(|c| c.is_ascii_digit() || "/.@".contains(c));
            if !hash && !path_or_number && !IDS.contains(&token) {
                words.push(token.to_string());
            }
        }
    }
    words
}

/// The Chinese characters of `text` that are not from the data (names, commit messages).
fn chinese_words(text: &str) -> String {
    let data = [
        "房租",
        "广告费",
        "李娜",
        "王磊",
        "陈静",
        "周明远",
        "工资",
        "差旅费",
        "经营费用",
        "部门经理",
        "销售代表",
        "初始化",
        "调整预算与人员",
        "考评办法",
        "人员费用",
        "销售一部费用预算",
        "销售一部",
    ];
    let mut left = text.to_string();
    for word in data {
        left = left.replace(word, "");
    }
    left.chars()
        .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c) || "，：（）。".contains(*c))
        .collect()
}

#[test]
fn log_diff_and_blame_speak_chinese_in_a_chinese_repository() {
    let repo = repo_with_edits();
    let log = repo.run(["log", "--lang", "zh-CN"]).code(0);
    let diff = repo.run(["diff", "HEAD~1", "HEAD", "--lang", "zh-CN"]).code(0);
    for (command, out) in [("log", &log.stdout), ("diff", &diff.stdout)] {
        for sentence in CHINESE {
            assert!(out.contains(sentence), "{command}: no {sentence:?} in\n{out}");
        }
        assert!(out.contains("销售一部 2026年12月预算（henan/2026-12.budget.yaml）"), "{out}");
        assert_eq!(english_words(out), Vec::<String>::new(), "{command}:\n{out}");
    }
    assert!(log.stdout.contains("新建 销售一部 人员编制（henan/roster.yaml）"), "{}", log.stdout);
    assert!(diff.stdout.contains("对汇总的影响：\n    销售一部 在岗人数："), "{}", diff.stdout);

    let json = repo.run(["log", "-n", "1", "--format", "json", "--lang", "zh-CN"]).code(0);
    let json: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let budget = &json["commits"][0]["changes"][0];
    assert_eq!(budget["identity"], "budget henan 2026-12", "the machine fields stay");
    assert_eq!(budget["label"], "销售一部 2026年12月预算");
    let rent =
        budget["fields"].as_array().unwrap().iter().find(|f| f["field"] == "lines[rent].amount");
    assert_eq!(rent.unwrap()["description"], "房租 预算由 5,000 改为 4,500");

    let blame = repo.run(["blame", "henan/2026-12.budget.yaml", "--lang", "zh-CN"]).code(0);
    assert!(blame.stdout.contains("  房租 预算：4,500\n"), "{}", blame.stdout);
    assert!(blame.stdout.contains("  经营费用 小计：37,000\n"), "{}", blame.stdout);
    assert_eq!(english_words(&blame.stdout), Vec::<String>::new(), "{}", blame.stdout);
}

#[test]
fn the_same_history_in_english_has_no_chinese_words_of_ours() {
    let repo = repo_with_edits();
    let log = repo.run(["log", "--lang", "en"]).code(0);
    let diff = repo.run(["diff", "HEAD~1", "HEAD", "--lang", "en"]).code(0);
    let blame = repo.run(["blame", "henan/2026-12.budget.yaml", "--lang", "en"]).code(0);
    for (command, out) in [("log", &log.stdout), ("diff", &diff.stdout)] {
        for sentence in ENGLISH {
            assert!(out.contains(sentence), "{command}: no {sentence:?} in\n{out}");
        }
        assert!(out.contains("budget henan 2026-12 (henan/2026-12.budget.yaml)"), "{out}");
    }
    assert!(blame.stdout.contains("  line rent (房租) amount: 4,500\n"), "{}", blame.stdout);
    for (command, out) in [("log", &log.stdout), ("diff", &diff.stdout), ("blame", &blame.stdout)] {
        assert_eq!(chinese_words(out), "", "{command}:\n{out}");
    }
}

#[test]
fn the_handbook_changes_page_reads_chinese() {
    let repo = repo_with_edits();
    repo.run(["build", "-q"]).code(0);
    let changes = std::fs::read_to_string(repo.path().join("_site/changes.html")).unwrap();
    for sentence in CHINESE {
        assert!(changes.contains(sentence), "no {sentence:?} in {changes}");
    }
}

#[test]
fn without_git_the_note_is_all_chinese() {
    let repo = Repo::empty();
    run_in(repo.path(), ["init", "-q", "--no-git", "--unit", "henan", "--period", "2026-12", "."])
        .code(0);
    // No language asked for: the repository's zh-CN.
    let output = Command::new(env!("CARGO_BIN_EXE_planbook"))
        .arg("log")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .current_dir(repo.path())
        .output()
        .expect("run planbook");
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr, "提示：数据仓库不在版本库中，因此没有修改历史\n");
    repo.run(["build", "-q"]).code(0);
    let changes = std::fs::read_to_string(repo.path().join("_site/changes.html")).unwrap();
    assert!(changes.contains("数据仓库不在版本库中，因此没有修改历史。"), "{changes}");
    assert!(!changes.contains("not in a git repository"), "{changes}");
}
