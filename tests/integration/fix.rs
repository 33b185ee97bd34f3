//! `check --fix`, `--unsafe-fixes` and `--diff` on a copy of `plans/`, whose Henan budget has
//! three lines whose amounts differ from their breakdowns (each with an unsafe fix): what is
//! written, byte for byte; what is only shown; what is refused.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::support::{Repo, copy_tree, project_root};

const BUDGET: &str = "henan/2026-12.budget.yaml";

fn plans() -> Repo {
    let repo = Repo::empty();
    copy_tree(&project_root().join("plans"), repo.path());
    repo
}

/// Every file under `root`, by relative path, with its bytes.
fn files(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path.strip_prefix(root).unwrap().to_path_buf();
                out.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(root, root, &mut out);
    out
}

/// `text` with each `(from, to)` replaced where it occurs, each exactly once.
fn edited(text: &str, edits: &[(&str, &str)]) -> String {
    let mut out = text.to_string();
    for (from, to) in edits {
        assert_eq!(out.matches(from).count(), 1, "{from:?} is not unique");
        out = out.replacen(from, to, 1);
    }
    out
}

/// The five places the three unsafe fixes change, as text around them.
const UNSAFE_EDITS: &[(&str, &str)] = &[
    ("subtotal: 113400\n", "subtotal: 109750\n"),
    ("amount: 5000\n", "amount: 4400\n"),
    ("amount: 12000\n", "amount: 9300\n"),
    ("amount: 46000\n", "amount: 45650\n"),
    ("\ntotal: 122900\n", "\ntotal: 119250\n"),
];

#[test]
fn fix_alone_leaves_unsafe_fixes_and_says_how_to_make_them() {
    let repo = plans();
    let before = files(repo.path());
    let run = repo.run(["check", "--fix"]).code(0);
    assert_eq!(files(repo.path()), before, "--fix made an unsafe fix");
    assert!(run.stderr.contains("nothing was fixed; 7 remaining\n"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("3 fixable with `planbook check --fix --unsafe-fixes` (review the result)"),
        "{}",
        run.stderr
    );
    // Without --unsafe-fixes the unsafe fix is not shown under its problem.
    assert!(!run.stderr.contains("fix:"), "{}", run.stderr);
}

#[test]
fn unsafe_fixes_set_the_amounts_and_change_no_other_byte() {
    let repo = plans();
    let before = files(repo.path());
    let run = repo.run(["check", "--fix", "--unsafe-fixes"]).code(0);
    // The hospitality limit the seed sets itself and breaks has no sure fix: it remains.
    assert!(run.stderr.contains("fixed 3 problems in 1 file; 4 remaining\n"), "{}", run.stderr);
    assert!(!run.stderr.contains("budget.breakdown"), "{}", run.stderr);
    let after = files(repo.path());
    let budget = Path::new(BUDGET);
    let old = String::from_utf8(before[budget].clone()).unwrap();
    assert_eq!(String::from_utf8(after[budget].clone()).unwrap(), edited(&old, UNSAFE_EDITS));
    // Every other file is as it was, and no temporary file is left behind.
    let mut others = after.clone();
    others.remove(budget);
    let mut expected = before.clone();
    expected.remove(budget);
    assert_eq!(others, expected);
    // The repository then has no breakdown or total problem, and a second run fixes nothing.
    // (The seed's hospitality limit stays broken: no sure edit says which figure is wrong.)
    let json = repo.run(["check", "--format", "json"]).code(0);
    let left = ["budget.cap-exceeded", "roster.vacancy", "roster.vacancy", "roster.vacancy"];
    assert_eq!(json.rules(), left);
    let again = repo.run(["check", "--fix", "--unsafe-fixes"]).code(0);
    assert!(again.stderr.contains("nothing was fixed; 4 remaining"), "{}", again.stderr);
    assert_eq!(files(repo.path()), after);
}

#[test]
fn a_total_that_did_not_agree_is_not_moved() {
    let repo = plans();
    let path = repo.path().join(BUDGET);
    let text = std::fs::read_to_string(&path).unwrap();
    // The line's amount below its breakdown, and the subtotal and total left as they were.
    let text = edited(&text, &[("amount: 5000\n", "amount: 4000\n")]);
    std::fs::write(&path, &text).unwrap();
    let shown = repo.run(["check", "--unsafe-fixes"]).code(1);
    assert!(
        shown.stderr.contains("= unsafe fix: set `amount` to 4,400 (made only with"),
        "{}",
        shown.stderr
    );
    let run = repo.run(["check", "--fix", "--unsafe-fixes", "--format", "json"]).code(1);
    let rules = run.rules();
    assert!(rules.contains(&"budget.subtotal-mismatch".to_string()), "{rules:?}");
    assert!(!rules.iter().any(|r| r.starts_with("budget.breakdown")), "{rules:?}");
    let edits = [
        ("amount: 4000\n", "amount: 4400\n"),
        ("amount: 12000\n", "amount: 9300\n"),
        ("amount: 46000\n", "amount: 45650\n"),
    ];
    assert_eq!(std::fs::read_to_string(&path).unwrap(), edited(&text, &edits));
}

#[test]
fn the_fix_is_shown_under_its_problem_with_unsafe_fixes_in_both_languages() {
    let repo = plans();
    let en = repo.run(["check", "--unsafe-fixes"]).code(0);
    assert!(
        en.stderr.contains(
            "   = unsafe fix: set `amount` to 4,400, and the section's `subtotal` and the \
             budget's `total` with it (made only with `--fix --unsafe-fixes`)\n"
        ),
        "{}",
        en.stderr
    );
    let zh = repo.run(["check", "--unsafe-fixes", "--lang", "zh-CN"]).code(0);
    assert!(
        zh.stderr.contains(
            "   = 需核对的修正（加 `--fix --unsafe-fixes` 时才修改）：将 `amount` 改为 4,400，\
             并相应调整所属分项的小计 `subtotal` 与预算合计 `total`\n"
        ),
        "{}",
        zh.stderr
    );
    assert!(
        zh.stderr.contains("有 3 个问题可用 `planbook check --fix --unsafe-fixes` 修正"),
        "{}",
        zh.stderr
    );
    let fixed = repo.run(["check", "--fix", "--unsafe-fixes", "--lang", "zh-CN"]).code(0);
    assert!(
        fixed.stderr.contains("已修正 3 个问题，涉及 1 个文件；还剩 4 个问题\n"),
        "{}",
        fixed.stderr
    );
}

#[test]
fn diff_shows_what_fix_would_change_and_writes_nothing() {
    let repo = plans();
    let before = files(repo.path());
    let safe = repo.run(["check", "--diff"]).code(0);
    assert_eq!(safe.stdout, "");
    assert!(safe.stderr.contains("nothing to fix"), "{}", safe.stderr);
    let run = repo.run(["check", "--diff", "--unsafe-fixes"]).code(1);
    assert_eq!(files(repo.path()), before, "--diff wrote");
    assert!(
        run.stdout.starts_with(&format!("--- a/{BUDGET}\n+++ b/{BUDGET}\n@@ ")),
        "{}",
        run.stdout
    );
    for (from, to) in UNSAFE_EDITS {
        let (from, to) = (from.trim_start(), to.trim_start());
        let pair = format!("\n-    {from}+    {to}");
        let top = format!("\n-{from}+{to}");
        assert!(run.stdout.contains(&pair) || run.stdout.contains(&top), "{}", run.stdout);
    }
    // Context lines, and nothing but the five changes.
    assert!(run.stdout.contains("\n     breakdown:\n"), "{}", run.stdout);
    assert_eq!(run.stdout.lines().filter(|l| l.starts_with('+')).count(), 6);
    assert!(run.stderr.contains("would fix 3 problems in 1 file"), "{}", run.stderr);
    // The diff is exactly what --fix then writes.
    let coloured = repo.run(["check", "--diff", "--unsafe-fixes", "--color", "always"]).code(1);
    assert!(coloured.stdout.contains("\x1b[32m+    amount: 4400\x1b[0m\n"), "{}", coloured.stdout);
    assert!(coloured.stdout.contains("\x1b[31m-    amount: 5000\x1b[0m\n"), "{}", coloured.stdout);
    let zh = repo.run(["check", "--diff", "--unsafe-fixes", "--lang", "zh-CN"]).code(1);
    assert!(zh.stderr.contains("将修正 3 个问题，涉及 1 个文件"), "{}", zh.stderr);
    repo.run(["check", "--fix", "--unsafe-fixes"]).code(0);
    let old = String::from_utf8(before[Path::new(BUDGET)].clone()).unwrap();
    let new = std::fs::read_to_string(repo.path().join(BUDGET)).unwrap();
    assert_eq!(new, edited(&old, UNSAFE_EDITS));
}

#[test]
fn json_lists_the_fix_before_and_the_remaining_problems_after() {
    let repo = plans();
    let json = repo.run(["check", "--format", "json"]).code(0).json();
    let office = json.iter().find(|d| d["message"].as_str().unwrap().contains("`office`")).unwrap();
    let fix = &office["fixes"][0];
    assert_eq!(fix["applicability"], "unsafe");
    let texts: Vec<&str> =
        fix["edits"].as_array().unwrap().iter().map(|e| e["text"].as_str().unwrap()).collect();
    assert_eq!(texts, ["4400", "112800", "122300"]);
    let after = repo.run(["check", "--format", "json", "--fix", "--unsafe-fixes"]).code(0);
    let left = ["budget.cap-exceeded", "roster.vacancy", "roster.vacancy", "roster.vacancy"];
    assert_eq!(after.rules(), left);
    assert!(after.stderr.contains("fixed 3 problems in 1 file; 4 remaining"), "{}", after.stderr);
}

#[test]
fn fix_and_diff_refuse_to_run_on_git_content() {
    let repo = plans();
    let before = files(repo.path());
    let staged = repo.run(["check", "--fix", "--staged"]).code(2);
    assert!(
        staged.stderr.contains(
            "`--fix` changes the files in the work tree, but `--staged` checks what git holds; \
             run `planbook check --fix` without `--staged`"
        ),
        "{}",
        staged.stderr
    );
    let rev = repo.run(["check", "--diff", "--rev", "HEAD", "--lang", "zh-CN"]).code(2);
    assert!(
        rev.stderr.contains("`--diff` 修改的是工作区中的文件，而 `--rev` 检查的是 git 中的内容"),
        "{}",
        rev.stderr
    );
    assert_eq!(files(repo.path()), before);
}

#[test]
fn only_problems_in_the_named_paths_are_fixed() {
    let repo = plans();
    let before = files(repo.path());
    let run = repo.run(["check", "--fix", "--unsafe-fixes", "power"]).code(0);
    assert!(run.stderr.contains("nothing was fixed; 1 remaining"), "{}", run.stderr);
    assert_eq!(files(repo.path()), before);
    repo.run(["check", "--fix", "--unsafe-fixes", "henan"]).code(0);
    assert_ne!(files(repo.path()), before);
}

#[test]
fn a_crlf_file_stays_crlf() {
    let repo = plans();
    let path = repo.path().join(BUDGET);
    let text = std::fs::read_to_string(&path).unwrap();
    let crlf = text.replace('\n', "\r\n");
    std::fs::write(&path, &crlf).unwrap();
    repo.run(["check", "--fix", "--unsafe-fixes"]).code(0);
    let expected = edited(&text, UNSAFE_EDITS).replace('\n', "\r\n");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), expected);
}

#[cfg(unix)]
#[test]
fn a_fixed_file_is_replaced_whole_and_keeps_its_permissions() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let repo = plans();
    let path = repo.path().join(BUDGET);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    let inode = std::fs::metadata(&path).unwrap().ino();
    repo.run(["check", "--fix", "--unsafe-fixes"]).code(0);
    let meta = std::fs::metadata(&path).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o640);
    // A new file renamed over the old one: a reader sees the old bytes or the new, never half.
    assert_ne!(meta.ino(), inode);
    let names: Vec<String> = std::fs::read_dir(repo.path().join("henan"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.starts_with('.')), "{names:?}");
}
