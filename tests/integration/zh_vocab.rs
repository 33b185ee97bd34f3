//! Chinese names of enumerated values (`status: 完成`, `employment: 临时`) read as the canonical
//! values, and what `init`, `new` and `hook` print reads Chinese in a Chinese repository.

use std::path::Path;

use crate::support::git_as;
use crate::support::{Repo, copy_tree, project_root, run_in};

/// The enumerated fields of the sample repository: key, canonical value, its Chinese names
/// (the first is the one written into the Chinese copy).
const VALUES: &[(&str, &str, &[&str])] = &[
    ("status", "not-started", &["未开始"]),
    ("status", "in-progress", &["进行中", "延期"]),
    ("status", "done", &["完成", "已完成"]),
    ("status", "blocked", &["受阻"]),
    ("status", "dropped", &["已取消"]),
    ("status", "open", &["待解决", "未解决"]),
    ("status", "resolved", &["已解决"]),
    ("aggregate", "sum", &["求和", "合计"]),
    ("aggregate", "mean", &["平均", "平均值"]),
    ("aggregate", "min", &["最小", "最小值"]),
    ("aggregate", "max", &["最大", "最大值"]),
    ("better", "higher", &["越高越好", "高"]),
    ("better", "lower", &["越低越好", "低"]),
    ("employment", "full-time", &["全职"]),
    ("employment", "part-time", &["兼职"]),
    ("employment", "contract", &["合同", "合同工"]),
    ("employment", "secondment", &["借调"]),
    ("employment", "temporary", &["临时", "临时工"]),
];

/// Rewrites every document under `dir`; returns how many values were replaced, by key.
fn rewrite(dir: &Path, chinese: bool) -> std::collections::BTreeMap<&'static str, usize> {
    let mut counts = std::collections::BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        let Ok(mut text) = std::fs::read_to_string(&path) else { continue };
        for (key, canonical, names) in VALUES {
            let from: Vec<&str> = if chinese { vec![canonical] } else { names.to_vec() };
            let to = if chinese { names[0] } else { canonical };
            for name in from {
                // A value ends the line or its flow mapping entry.
                for end in ["\n", " }", ","] {
                    let old = format!("{key}: {name}{end}");
                    *counts.entry(*key).or_insert(0) += text.matches(&old).count();
                    text = text.replace(&old, &format!("{key}: {to}{end}"));
                }
            }
        }
        std::fs::write(&path, text).unwrap();
    }
    counts
}

/// `plans/` with every enumerated value written in one language, rule levels and published
/// person fields included.
fn sample(chinese: bool) -> Repo {
    let repo = Repo::empty();
    copy_tree(&project_root().join("plans"), repo.path());
    let counts = rewrite(repo.path(), chinese);
    if chinese {
        for key in ["status", "aggregate", "better", "employment"] {
            assert!(counts[key] > 0, "no `{key}:` rewritten: {counts:?}");
        }
    }
    let config = repo.path().join("planbook.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    // `plans/planbook.yaml` has a `rules:` of its own: these go into it.
    assert!(text.contains("\nrules:\n"), "plans/planbook.yaml has no `rules:`");
    let mut text = text.replacen(
        "\nrules:\n",
        if chinese {
            "\nrules:\n  roster.vacancy: 关闭\n  budget.total-mismatch: 错误\n"
        } else {
            "\nrules:\n  roster.vacancy: off\n  budget.total-mismatch: error\n"
        },
        1,
    );
    text.push_str(if chinese {
        "publish:\n  person_fields: [电话, 邮箱]\n"
    } else {
        "publish:\n  person_fields: [phone, email]\n"
    });
    std::fs::write(&config, text).unwrap();
    repo
}

fn rules_of(repo: &Repo) -> Vec<String> {
    let run = repo.run(["check", "--format", "json"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    run.json().iter().map(|d| d["rule"].as_str().unwrap_or("?").to_owned()).collect()
}

#[test]
fn chinese_values_check_clean_and_roll_up_as_the_english_ones() {
    let (en, zh) = (sample(false), sample(true));
    let review = std::fs::read_to_string(zh.path().join("henan/2026-12.review.md")).unwrap();
    assert!(review.contains("status: 完成") && !review.contains("status: done"));
    let rules = rules_of(&zh);
    assert!(!rules.iter().any(|r| r.starts_with("schema.")), "{rules:?}");
    assert!(!rules.iter().any(|r| r == "roster.vacancy"), "`关闭` did not turn it off");
    assert_eq!(rules, rules_of(&en));
    for kind in ["budget", "headcount", "attainment", "scores", "trends"] {
        let of = |repo: &Repo| repo.run(["rollup", kind, "--format", "json"]).code(0).stdout;
        let (zh_out, en_out) = (of(&zh), of(&en));
        assert!(zh_out.len() > 2, "{kind}: {zh_out}");
        assert_eq!(zh_out, en_out, "{kind} rolls up differently");
    }
}

fn review_with(status: &str) -> Repo {
    let config = concat!(
        "name: 测试公司\nlocale: zh-CN\nunits:\n  - { id: henan, name: 河南分公司 }\n",
        "kpis:\n  - { id: units, name: 出货量, unit: 台, aggregate: 求和, better: 越高越好 }\n",
    );
    let review = format!(
        "---\nkind: review\nunit: henan\nperiod: 2026-12\ntitle: 回顾\n\
         tasks:\n  - {{ task: a, status: {status} }}\n---\n"
    );
    Repo::empty().file("planbook.yaml", config).file("henan/2026-12.review.md", review)
}

#[test]
fn a_wrong_value_lists_the_canonical_and_the_chinese_names() {
    let repo = review_with("finished");
    let run = repo.run(["check", "--format", "json"]).code(1);
    let wrong = run.json().into_iter().find(|d| d["rule"] == "schema.value").expect("an error");
    let help = wrong["help"].as_str().unwrap_or_default().to_owned();
    for name in ["`done`", "`in-progress`", "`完成`", "`进行中`", "`延期`", "`已取消`"] {
        assert!(help.contains(name), "{name} missing from {help:?}");
    }
    let zh = repo.run(["--lang", "zh-CN", "check"]).code(1);
    let text = format!("{}{}", zh.stdout, zh.stderr);
    assert!(text.contains("应为以下之一：`not-started`、"), "{text}");
    assert!(text.contains("`完成`、`已完成`"), "{text}");
    // A near miss of a Chinese name is suggested.
    let typo = review_with("完工").run(["check", "--format", "json"]).code(1);
    let help = typo.json().into_iter().find(|d| d["rule"] == "schema.value").unwrap()["help"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(help.starts_with("did you mean `完成`?"), "{help}");
}

#[test]
fn chinese_names_pass_where_the_canonical_ones_do() {
    for status in ["完成", "已完成", "进行中", "延期", "未开始", "受阻", "已取消", "done"]
    {
        let run = review_with(status).run(["check", "--format", "json"]);
        let schema: Vec<_> = run
            .json()
            .into_iter()
            .filter(|d| d["rule"].as_str().is_some_and(|r| r.starts_with("schema.")))
            .collect();
        assert!(schema.is_empty(), "{status}: {schema:#?}");
    }
}

#[test]
fn writing_a_value_by_its_chinese_name_is_no_change_in_history() {
    let repo = Repo::empty();
    let dir = repo.path();
    git_as(dir, "周明远", &["init", "-q"]);
    run_in(dir, ["init", "-q", "--locale", "en", "--unit", "henan", "--period", "2026-12", "."])
        .code(0);
    git_as(dir, "周明远", &["add", "-A"]);
    git_as(dir, "周明远", &["commit", "-qm", "init"]);
    let review = dir.join("henan/2026-12.review.md");
    let text = std::fs::read_to_string(&review).unwrap();
    assert!(text.contains("status: done }") && text.contains("status: in-progress }"));
    // The same status by its Chinese name, and one real change.
    let text = text.replace("status: done }", "status: 完成 }");
    std::fs::write(&review, text.replace("status: in-progress }", "status: 已完成 }")).unwrap();
    let config = dir.join("planbook.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, text.replace("aggregate: sum", "aggregate: 求和")).unwrap();
    let run = repo.run(["diff", "--format", "json"]).code(0);
    let diff: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let fields: Vec<String> = diff["changes"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["fields"].as_array().cloned().unwrap_or_default())
        .map(|f| format!("{} {} {}", f["field"], f["before"], f["after"]))
        .collect();
    assert_eq!(fields, [r#""tasks[visits].status" "in-progress" "done""#], "{}", run.stdout);
}

/// ASCII words in `text` that are not in backticks, not part of a path and not `allowed`: what
/// a Chinese reader would see as English.
fn english_words(text: &str, allowed: &[&str]) -> Vec<String> {
    let mut plain = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 0 {
            plain.push_str(part);
            plain.push(' ');
        }
    }
    plain
        .split(|c: char| c.is_whitespace() || !c.is_ascii() || matches!(c, '(' | ')' | ',' | ':'))
        .filter(|w| !w.contains('/') && !w.contains('.') && !w.starts_with('-'))
        .filter(|w| w.chars().filter(char::is_ascii_alphabetic).count() >= 2)
        .filter(|w| !allowed.contains(w))
        .map(str::to_owned)
        .collect()
}

fn zh(repo: &Repo, args: &[&str]) -> crate::support::Run {
    repo.run(["--lang", "zh-CN"].iter().chain(args))
}

#[test]
fn init_new_and_hook_speak_chinese_in_a_chinese_repository() {
    let repo = Repo::empty();
    let dir = repo.path();
    git_as(dir, "周明远", &["init", "-q"]);
    let run = zh(&repo, &["init", "--unit", "sales", "--period", "2026-12"]).code(0);
    assert!(run.stderr.contains("创建数据仓库（19 个文件）"), "{}", run.stderr);
    assert!(run.stderr.contains("下一步：运行 `planbook -C "), "{}", run.stderr);
    assert_eq!(english_words(&run.stderr, &[]), Vec::<String>::new(), "{}", run.stderr);
    let read = |file: &str| std::fs::read_to_string(dir.join(file)).unwrap();
    assert!(read(".gitignore").starts_with("# `planbook build` 生成的手册\n"));
    assert!(read(".pre-commit-config.yaml").starts_with("# 用 `planbook` 检查每次提交"));
    assert!(read("sales/2026-12.review.md").contains("{ task: kickoff, status: 完成 }"));
    assert!(read("planbook.yaml").contains("aggregate: 求和, better: 越低越好 }"));
    repo.run(["check"]).code(0);

    // `new`: messages in the reader's language, comments in the repository's.
    let run = repo.run(["new", "plan", "--unit", "sales", "--period", "2027-01"]).code(0);
    assert!(run.stderr.starts_with("wrote "), "{}", run.stderr);
    let plan = read("sales/2027-01.plan.md");
    assert!(plan.contains("\n# 上期未完成的任务，已结转；请重新填写日期\ntasks:\n"), "{plan}");
    let run = zh(&repo, &["new", "review", "--unit", "sales", "--period", "2027-01"]).code(0);
    assert_eq!(run.stderr.trim_end(), "已写入 sales/2027-01.review.md");
    let review = read("sales/2027-01.review.md");
    for expected in [
        "\n# status：未开始 | 进行中 | 已完成 | 受阻 | 已取消",
        "actual:    # 目标 ",
        "# 每个考评项目 0 至 100 分",
    ] {
        assert!(review.contains(expected), "{expected:?} missing in\n{review}");
    }
    let again = zh(&repo, &["new", "review", "--unit", "sales", "--period", "2027-01"]).code(2);
    assert!(again.stderr.contains("已存在；`planbook` 不覆盖已有文档（可用 `-o` 写到别处）"));
    let missing = zh(&repo, &["new", "plan", "--unit", "sales", "--period", "2027-06"]).code(2);
    assert!(missing.stderr.contains("`sales` 没有 2027-05 的计划可作为起点"), "{}", missing.stderr);
    let unknown = zh(&repo, &["new", "plan", "--unit", "north", "--period", "2027-02"]).code(2);
    assert!(unknown.stderr.contains("未知单位 `north`；单位在 `planbook.yaml` 中定义"));

    let install = zh(&repo, &["hook", "install"]).code(0);
    assert!(install.stderr.contains("：今后每次提交都会运行 `planbook check --staged`"));
    let script = read(".git/hooks/pre-commit");
    assert!(script.contains("# 每次提交前检查暂存的文档；"), "{script}");
    assert!(script.contains("# planbook pre-commit hook ("), "the marker changed:\n{script}");
    let removed = zh(&repo, &["hook", "uninstall"]).code(0);
    assert!(removed.stderr.starts_with("已删除 "), "{}", removed.stderr);
    let none = zh(&repo, &["hook", "uninstall"]).code(0);
    assert_eq!(none.stderr.trim_end(), "未安装 `pre-commit` 钩子");
    std::fs::write(dir.join(".git/hooks/pre-commit"), "#!/bin/sh\nexit 0\n").unwrap();
    let foreign = zh(&repo, &["hook", "install"]).code(2);
    assert!(foreign.stderr.contains("已存在且不是 `planbook` 写入的"), "{}", foreign.stderr);
    let twice = zh(&repo, &["init", "--unit", "sales", "--period", "2026-12"]).code(2);
    assert!(twice.stderr.contains("；`planbook init` 从不覆盖已有文件"), "{}", twice.stderr);
    assert!(twice.stderr.contains("`planbook.yaml`、`sales/roster.yaml`"), "{}", twice.stderr);
}

#[test]
fn an_english_repository_is_written_in_english() {
    let repo = Repo::empty();
    run_in(repo.path(), ["init", "--locale", "en", "--no-git", "--unit", "sales"]).code(0);
    let read = |file: &str| std::fs::read_to_string(repo.path().join(file)).unwrap();
    assert!(read(".gitignore").starts_with("# The handbook that `planbook build` writes\n"));
    assert!(read("planbook.yaml").contains("aggregate: sum, better: lower }"));
    let run = repo.run(["new", "plan", "--unit", "sales", "--period", "2099-01"]).code(2);
    assert!(run.stderr.contains("no plan of `sales` for 2098-12 to start from"), "{}", run.stderr);
}
