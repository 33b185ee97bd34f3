//! Issue "one mistake, one message": each mistake a manager makes in a copy of `plans/` gives
//! exactly one diagnostic (plus at most one note saying what was not checked), in English and
//! in Chinese, and where its help is a sure edit, `check --fix` makes it and the repository
//! then checks as it did before the mistake.

use std::collections::BTreeMap;
use std::path::Path;

use crate::support::{Repo, copy_tree, has_chinese, project_root, run_in};

/// One mistake: in `file`, the first `find` becomes `replace`.
struct Mistake {
    name: &'static str,
    file: &'static str,
    find: &'static str,
    replace: &'static str,
    /// Before the mistake, every `.0` in the repository becomes `.1` (still a clean repository).
    setup: Option<(&'static str, &'static str)>,
    /// The rule of the one diagnostic.
    rule: &'static str,
    /// `Some(false)`: `--fix` repairs it; `Some(true)`: `--fix --unsafe-fixes` does; `None`:
    /// no sure edit.
    fix: Option<bool>,
}

const MISTAKES: &[Mistake] = &[
    Mistake {
        name: "misspelt key in a roster",
        file: "henan/roster.yaml",
        find: "    reports_to: gm\n    duties: >-",
        replace: "    report_to: gm\n    duties: >-",
        setup: None,
        rule: "schema.unknown-field",
        fix: Some(false),
    },
    Mistake {
        name: "one space too many before a key",
        file: "henan/roster.yaml",
        find: "    name: 周明远\n    post: gm",
        replace: "    name: 周明远\n     post: gm",
        setup: None,
        rule: "yaml.syntax",
        fix: Some(false),
    },
    Mistake {
        name: "one space too few before a key",
        file: "henan/roster.yaml",
        find: "    name: 周明远\n    post: gm",
        replace: "    name: 周明远\n   post: gm",
        setup: None,
        rule: "yaml.syntax",
        fix: Some(false),
    },
    Mistake {
        name: "full-width colon",
        file: "henan/roster.yaml",
        find: "    name: 周明远",
        replace: "    name：周明远",
        setup: None,
        rule: "yaml.syntax",
        fix: Some(false),
    },
    Mistake {
        name: "full-width space after a colon",
        file: "henan/roster.yaml",
        find: "    name: 周明远",
        replace: "    name:\u{3000}周明远",
        setup: None,
        rule: "yaml.syntax",
        fix: Some(false),
    },
    Mistake {
        name: "full-width digits",
        file: "henan/2026-12.budget.yaml",
        find: "amount: 12000",
        replace: "amount: １２０００",
        setup: None,
        rule: "schema.type",
        fix: Some(false),
    },
    Mistake {
        name: "thousands separator",
        file: "henan/2026-12.budget.yaml",
        find: "amount: 12000",
        replace: "amount: 12,000",
        setup: None,
        rule: "schema.type",
        fix: Some(false),
    },
    Mistake {
        name: "full-width thousands separator",
        file: "henan/2026-12.budget.yaml",
        find: "amount: 12000",
        replace: "amount: 12，000",
        setup: None,
        rule: "schema.type",
        fix: Some(false),
    },
    Mistake {
        name: "a percent sign",
        file: "henan/2026-12.review.md",
        find: "region-sales: 95,",
        replace: "region-sales: 95%,",
        setup: None,
        rule: "schema.type",
        fix: Some(true),
    },
    Mistake {
        name: "ten-thousands (万)",
        file: "henan/2026-12.budget.yaml",
        find: "amount: 12000",
        replace: "amount: 1.2万",
        setup: None,
        rule: "schema.type",
        fix: Some(false),
    },
    Mistake {
        name: "a date with slashes",
        file: "henan/roster.yaml",
        find: "since: 2026-12-01",
        replace: "since: 2026/12/01",
        setup: None,
        rule: "schema.value",
        fix: Some(false),
    },
    Mistake {
        name: "a period in Chinese",
        file: "henan/2026-12.budget.yaml",
        find: "period: 2026-12",
        replace: "period: 2026年12月",
        setup: None,
        rule: "schema.value",
        fix: Some(false),
    },
    Mistake {
        name: "an employee number unquoted",
        file: "henan/roster.yaml",
        find: "  - id: '120376'\n",
        replace: "  - id: 120376\n",
        setup: Some(("p001", "'120376'")),
        rule: "schema.type",
        fix: Some(false),
    },
    Mistake {
        name: "a person's name where an id is expected",
        file: "henan/roster.yaml",
        find: "reports_to: p001",
        replace: "reports_to: 周明远",
        setup: None,
        rule: "roster.unknown-manager",
        fix: Some(false),
    },
    Mistake {
        name: "a budget with a schema error, linked from a plan",
        file: "henan/2026-12.budget.yaml",
        find: "currency: CNY\n",
        replace: "currency: CNY\nbogus: 1\n",
        setup: None,
        rule: "schema.unknown-field",
        fix: None,
    },
    Mistake {
        name: "a fiscal year starting in month 0",
        file: "planbook.yaml",
        find: "fiscal_year_start: 1\n",
        replace: "fiscal_year_start: 0\n",
        setup: None,
        rule: "schema.value",
        fix: None,
    },
    Mistake {
        name: "an unknown KPI",
        file: "henan/2026-12.plan.md",
        find: "kpi: units",
        replace: "kpi: unitz",
        setup: None,
        rule: "document.unknown-kpi",
        fix: None,
    },
];

/// What `check` reports, as (rule, severity, file) → count, with the messages for failures.
fn findings(dir: &Path, lang: &str) -> (BTreeMap<(String, String, String), usize>, String) {
    let run = run_in(dir, ["check", "--no-cache", "--format", "json", "--lang", lang]);
    let mut out = BTreeMap::new();
    for d in run.json() {
        let key = (
            d["rule"].as_str().unwrap_or("").to_string(),
            d["severity"].as_str().unwrap_or("").to_string(),
            d["file"].as_str().unwrap_or("").to_string(),
        );
        *out.entry(key).or_insert(0) += 1;
    }
    (out, run.stdout)
}

/// The findings in `after` that `before` does not have.
fn added(
    before: &BTreeMap<(String, String, String), usize>,
    after: &BTreeMap<(String, String, String), usize>,
) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for (key, n) in after {
        for _ in before.get(key).copied().unwrap_or(0)..*n {
            out.push(key.clone());
        }
    }
    out
}

fn sample() -> Repo {
    let repo = Repo::empty();
    copy_tree(&project_root().join("plans"), repo.path());
    let _ = std::fs::remove_dir_all(repo.path().join("_site"));
    repo
}

#[test]
fn each_mistake_gives_one_message_and_a_fix_where_the_edit_is_sure() {
    let clean = sample();
    let (baseline, _) = findings(clean.path(), "en");
    let mut failures = Vec::new();
    for m in MISTAKES {
        let repo = sample();
        if let Some((from, to)) = m.setup {
            replace_everywhere(repo.path(), from, to);
        }
        let path = repo.path().join(m.file);
        let text = std::fs::read_to_string(&path).expect("sample file");
        assert!(text.contains(m.find), "{}: `{}` not in {}", m.name, m.find, m.file);
        std::fs::write(&path, text.replacen(m.find, m.replace, 1)).expect("write");

        let (found, stdout) = findings(repo.path(), "en");
        let new = added(&baseline, &found);
        let real: Vec<_> = new.iter().filter(|k| k.1 != "note").collect();
        let notes = new.len() - real.len();
        if real.len() != 1 || real[0].0 != m.rule || notes > 1 {
            failures.push(format!("{}: expected one `{}`, got {new:?}", m.name, m.rule));
            let _ = &stdout;
            continue;
        }
        let (_, zh) = findings(repo.path(), "zh-CN");
        let line = zh.lines().find(|l| l.contains(&format!("\"rule\":\"{}\"", m.rule)));
        let message = line.map(|l| l.split("\"message\":").nth(1).unwrap_or("")).unwrap_or("");
        if !has_chinese(message) {
            failures.push(format!("{}: the Chinese message reads {message}", m.name));
        }

        match m.fix {
            None => {}
            Some(unsafe_) => {
                let mut args = vec!["check", "--fix", "--no-cache"];
                if unsafe_ {
                    args.push("--unsafe-fixes");
                }
                run_in(repo.path(), &args);
                let (fixed, stdout) = findings(repo.path(), "en");
                let left = added(&baseline, &fixed);
                if !left.is_empty() {
                    failures.push(format!("{}: after --fix still {left:?}\n{stdout}", m.name));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Replaces `from` with `to` in every document of the repository.
fn replace_everywhere(dir: &Path, from: &str, to: &str) {
    for entry in std::fs::read_dir(dir).expect("read dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            replace_everywhere(&path, from, to);
        } else if let Ok(text) = std::fs::read_to_string(&path)
            && text.contains(from)
        {
            std::fs::write(&path, text.replace(from, to)).expect("write");
        }
    }
}
