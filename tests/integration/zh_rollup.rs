//! `planbook rollup` in Chinese and in English: every kind in every format on a copy of
//! `plans/` (a zh-CN repository), read back as a person reads it, including the workbook.

use std::collections::BTreeSet;
use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};

use crate::support::run_bare;
use crate::support::{Repo, copy_tree, project_root};

const WHAT: [&str; 5] = ["budget", "headcount", "attainment", "scores", "trends"];
const FORMATS: [&str; 4] = ["table", "csv", "markdown", "json"];

/// A copy of `plans/`.
fn plans() -> Repo {
    let repo = Repo::empty();
    copy_tree(&project_root().join("plans"), repo.path());
    repo
}

/// The ASCII words of `text` a person would read as English: backticked text, numbers,
/// periods and anything with a digit (`2026-Q4`, `10kV`) do not count.
fn ascii_words(text: &str) -> BTreeSet<String> {
    let mut plain = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 0 {
            plain.push_str(part);
            plain.push(' ');
        }
    }
    plain
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.'))
        .map(|w| w.trim_matches(|c: char| c == '.' || c == '-'))
        .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
        .filter(|w| !w.chars().any(|c| c.is_ascii_digit()))
        .map(str::to_string)
        .collect()
}

/// Every string value of a JSON report except machine values (`standing`, `better`,
/// `aggregate`): ids, names and units from the data.
fn data_strings(value: &serde_json::Value, key: &str, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) if !["standing", "better", "aggregate"].contains(&key) => {
            out.push(s.clone());
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| data_strings(v, key, out)),
        serde_json::Value::Object(map) => map.iter().for_each(|(k, v)| data_strings(v, k, out)),
        _ => {}
    }
}

/// Every data string of the JSON reports of `repo`: ids, names and units.
fn data_texts(repo: &Repo) -> Vec<String> {
    let mut strings = Vec::new();
    for what in WHAT {
        let json = run_bare(repo.path(), &["rollup", what, "--format", "json"]).code(0);
        let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
        data_strings(&value, "", &mut strings);
    }
    strings
}

/// The ASCII words the data itself brings.
fn data_words(repo: &Repo) -> BTreeSet<String> {
    data_texts(repo).iter().flat_map(|s| ascii_words(s)).collect()
}

/// Runs of Chinese characters in `text`.
fn chinese_runs(text: &str) -> BTreeSet<String> {
    let is_cjk =
        |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c);
    let mut runs = BTreeSet::new();
    let mut run = String::new();
    for c in text.chars().chain([' ']) {
        if is_cjk(c) {
            run.push(c);
        } else if !run.is_empty() {
            runs.insert(std::mem::take(&mut run));
        }
    }
    runs
}

/// Every sheet of a workbook: its name and its cells as text, row by row.
fn read_workbook(path: &Path) -> Vec<(String, Vec<Vec<Data>>)> {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    let names = book.sheet_names().to_vec();
    names
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            let rows = range.rows().map(<[Data]>::to_vec).collect();
            (name, rows)
        })
        .collect()
}

fn workbook_text(sheets: &[(String, Vec<Vec<Data>>)]) -> String {
    let mut text = String::new();
    for (name, rows) in sheets {
        text += &format!("{name}\n");
        for row in rows {
            for cell in row {
                if let Data::String(s) = cell {
                    text += &format!("{s}\t");
                }
            }
            text.push('\n');
        }
    }
    text
}

/// Every rollup, in every format and as a workbook, in the language `args` ask for.
fn every_output(repo: &Repo, lang: &[&'static str]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for what in WHAT {
        for format in FORMATS {
            let mut args = lang.to_vec();
            args.extend(["rollup", what, "--format", format]);
            let run = run_bare(repo.path(), &args).code(0);
            out.push((format!("{what} {format}"), run.stdout + &run.stderr));
            // The same written to a file with -o.
            let file = repo.path().join(format!("{what}.{format}.out"));
            args.extend(["-o", file.to_str().unwrap()]);
            let run = run_bare(repo.path(), &args).code(0);
            let text = std::fs::read_to_string(&file).unwrap();
            out.push((format!("{what} {format} -o"), text + &run.stderr));
        }
        let file = repo.path().join(format!("{what}.xlsx"));
        let mut args = lang.to_vec();
        args.extend(["rollup", what, "--format", "xlsx", "-o", file.to_str().unwrap()]);
        let run = run_bare(repo.path(), &args).code(0);
        out.push((format!("{what} xlsx"), workbook_text(&read_workbook(&file)) + &run.stderr));
    }
    out
}

#[test]
fn a_chinese_repository_gets_every_rollup_in_chinese() {
    let repo = plans();
    let data = data_words(&repo);
    for lang in [&[][..], &["--lang", "zh-CN"]] {
        for (what, text) in every_output(&repo, lang) {
            if what.contains("json") {
                continue;
            }
            let english: Vec<String> = ascii_words(&text).difference(&data).cloned().collect();
            assert!(english.is_empty(), "{what} ({lang:?}) has English {english:?}:\n{text}");
            assert!(!chinese_runs(&text).is_empty(), "{what}: {text}");
        }
    }
    // The sentences of the budget tables, their totals and standings.
    let run = run_bare(repo.path(), &["rollup", "budget"]).code(0);
    for expected in ["— 预算科目", "— 按费用类别", "合计", "本年累计（自 2026-01 起，共 1 份预算）"]
    {
        assert!(run.stdout.contains(expected), "{expected}: {}", run.stdout);
    }
    let run = run_bare(repo.path(), &["rollup", "attainment"]).code(0);
    for expected in ["达成率", "达保底", "未达成", "无实际数", "未超上限", "每名业务员"]
    {
        assert!(run.stdout.contains(expected), "{expected}: {}", run.stdout);
    }
}

#[test]
fn english_asked_for_gets_no_chinese_but_the_data() {
    let repo = plans();
    // Chinese from the data: names of units, lines, KPIs, posts, regions, people, sections.
    let data = data_texts(&repo).join("\n");
    for (what, text) in every_output(&repo, &["--lang", "en"]) {
        let ours: Vec<String> =
            chinese_runs(&text).into_iter().filter(|run| !data.contains(run.as_str())).collect();
        assert!(ours.is_empty(), "{what} has Chinese {ours:?}:\n{text}");
        assert!(!text.contains('（') && !text.contains('：'), "{what}: {text}");
    }
}

#[test]
fn json_is_the_same_in_every_language_and_keeps_machine_values() {
    let repo = plans();
    for what in WHAT {
        let en = run_bare(repo.path(), &["--lang", "en", "rollup", what, "--format", "json"]);
        let zh = run_bare(repo.path(), &["rollup", what, "--format", "json"]);
        assert_eq!(en.code(0).stdout, zh.code(0).stdout, "{what}");
    }
    let json = run_bare(repo.path(), &["rollup", "attainment", "--format", "json"]).code(0);
    let report: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let standings: BTreeSet<&str> = report["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["standing"].as_str().unwrap())
        .collect();
    let known = ["met", "above-floor", "missed", "no-actual"];
    assert!(standings.iter().all(|s| known.contains(s)), "{standings:?}");
}

/// The floor column reads right for the direction of its KPIs: 保底 for higher-is-better,
/// 上限 for lower-is-better, 底线 (with each row's direction) when a table holds both.
#[test]
fn floors_and_ceilings_are_named_by_direction() {
    let config = concat!(
        "name: 测试公司\nlocale: zh-CN\nunits:\n  - { id: henan, name: 河南分公司 }\n",
        "kpis:\n",
        "  - { id: units, name: 出货量, unit: 台, better: higher }\n",
        "  - { id: costs, name: 费用, unit: CNY, better: lower }\n",
    );
    let plan = |kpis: &[&str]| {
        let mut text =
            String::from("---\nkind: plan\nunit: henan\nperiod: 2026-12\ntitle: 计划\ntargets:\n");
        for kpi in kpis {
            let floor = if *kpi == "costs" { 120 } else { 80 };
            text += &format!("  - {{ kpi: {kpi}, target: 100, floor: {floor} }}\n");
        }
        text + "---\n"
    };
    for (kpis, zh, en) in [
        (&["units"][..], "保底", "floor"),
        (&["costs"][..], "上限", "ceiling"),
        (&["units", "costs"][..], "底线", "threshold"),
    ] {
        let repo =
            Repo::empty().file("planbook.yaml", config).file("henan/2026-12.plan.md", plan(kpis));
        let run = run_bare(repo.path(), &["rollup", "attainment"]).code(0);
        assert!(run.stderr.is_empty(), "{}", run.stderr);
        let head = run.stdout.lines().nth(1).unwrap().to_string();
        assert!(head.contains(zh) && head.contains("目标"), "{kpis:?}: {}", run.stdout);
        for other in ["保底", "上限", "底线"].iter().filter(|h| **h != zh) {
            assert!(!head.contains(other), "{kpis:?}: {head}");
        }
        let run = run_bare(repo.path(), &["--lang", "en", "rollup", "attainment"]).code(0);
        let head = run.stdout.lines().nth(1).unwrap().to_string();
        assert!(head.contains(en) && head.contains("target"), "{kpis:?}: {}", run.stdout);
        if kpis.len() == 2 {
            assert!(
                run.stdout.contains("higher") && run.stdout.contains("lower"),
                "{}",
                run.stdout
            );
        }
    }
}

#[test]
fn the_workbook_reads_back_in_the_language_with_numbers_as_numbers() {
    let repo = plans();
    let zh = repo.path().join("budget-zh.xlsx");
    run_bare(repo.path(), &["rollup", "budget", "--format", "xlsx", "-o", zh.to_str().unwrap()])
        .code(0);
    let sheets = read_workbook(&zh);
    let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "预算科目 河南分公司 2026-12",
            "预算类别 河南分公司 2026-12",
            "预算合计 河南分公司 2026-12",
            "预算限额 河南分公司 2026-12"
        ]
    );
    let lines = &sheets[0].1;
    let heads: Vec<String> = lines[0].iter().map(|c| c.to_string()).collect();
    assert_eq!(
        heads,
        ["科目", "名称", "类别", "分项", "预算额", "明细合计", "上期", "实际", "差异", "差异率"]
    );
    // office: 5,000 budgeted, 4,620 spent, -7.6 %; stored as numbers and a fraction.
    let office = lines.iter().find(|r| r[0] == Data::String("office".into())).unwrap();
    assert_eq!(office[2], Data::String("办公费用".into()));
    let number = |c: &Data| match c {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        other => panic!("not a number: {other:?}"),
    };
    assert_eq!(number(&office[4]), 5000.0);
    assert_eq!(number(&office[4]).fract(), 0.0);
    assert!((number(&office[9]) + 0.076).abs() < 1e-12, "{:?}", office[9]);
    let total = lines.last().unwrap();
    assert_eq!(total[0], Data::String("合计".into()));
    assert_eq!(number(&total[4]), 122_900.0);
    let categories = &sheets[1].1;
    assert_eq!(categories[1][0], Data::String("人员费用".into()));
    assert!((number(&categories[1][2]) - 0.458).abs() < 1e-12, "{:?}", categories[1][2]);
    // Every other sheet: names unique regardless of case, at most 31 characters.
    for what in ["headcount", "attainment", "scores", "trends"] {
        let file = repo.path().join(format!("{what}.xlsx"));
        run_bare(repo.path(), &["rollup", what, "--format", "xlsx", "-o", file.to_str().unwrap()])
            .code(0);
        let sheets = read_workbook(&file);
        let lower: BTreeSet<String> = sheets.iter().map(|(n, _)| n.to_lowercase()).collect();
        assert_eq!(lower.len(), sheets.len(), "{what}");
        for (name, rows) in &sheets {
            assert!(name.chars().count() <= 31, "{name}");
            assert!(!chinese_runs(name).is_empty(), "{name}");
            assert!(
                !chinese_runs(&rows[0].iter().map(|c| c.to_string()).collect::<String>())
                    .is_empty()
            );
        }
    }
    let file = repo.path().join("headcount.xlsx");
    let sheets = read_workbook(&file);
    assert_eq!(sheets[0].0, "人数概况 河南分公司");
    assert_eq!(sheets[1].0, "岗位编制 河南分公司");
    let heads: Vec<String> = sheets[1].1[0].iter().map(|c| c.to_string()).collect();
    let posts = ["岗位", "岗位名称", "岗位类别", "编制", "在岗人数", "空编", "超编", "代理人数"];
    assert_eq!(heads, [&posts[..], &["备注"]].concat());
    // The attainment rate of 出货量: 74.2 % is 0.742.
    let file = repo.path().join("attainment.xlsx");
    let sheets = read_workbook(&file);
    assert_eq!(sheets[0].0, "指标达成");
    let units = &sheets[0].1[1];
    assert!((number(&units[9]) - 0.742).abs() < 1e-12, "{units:?}");
    assert_eq!(units[10], Data::String("达保底".into()));
    // The number formats: whole numbers `#,##0`, percentages `0.0%` of a fraction; no
    // `#,##0.####` (a trailing point on whole numbers), no literal `"%"` after a number.
    let mut styles = String::new();
    let archive = std::fs::File::open(&zh).unwrap();
    let mut archive = zip::ZipArchive::new(archive).unwrap();
    std::io::Read::read_to_string(&mut archive.by_name("xl/styles.xml").unwrap(), &mut styles)
        .unwrap();
    assert!(styles.contains(r##"formatCode="#,##0""##), "{styles}");
    assert!(styles.contains(r#"formatCode="0.0%""#), "{styles}");
    assert!(!styles.contains("&quot;%&quot;") && !styles.contains("#,##0.#"), "{styles}");
    // English when asked for.
    let en = repo.path().join("budget-en.xlsx");
    let args = ["--lang", "en", "rollup", "budget", "--format", "xlsx", "-o"];
    run_bare(repo.path(), &[&args[..], &[en.to_str().unwrap()]].concat()).code(0);
    let sheets = read_workbook(&en);
    assert_eq!(sheets[0].0, "Budget lines 河南分公司 2026-12");
    let heads: Vec<String> = sheets[0].1[0].iter().map(|c| c.to_string()).collect();
    assert_eq!(heads[..5], ["line", "name", "category", "section", "amount"]);
    assert_eq!(sheets[0].1.last().unwrap()[0], Data::String("total".into()));
}

/// A workbook that cannot be written leaves nothing behind: no file, no temporary file.
#[test]
fn a_failed_export_leaves_no_file() {
    let repo = plans();
    let out = Repo::empty();
    let folder = out.path().join("budget.xlsx");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("keep"), "x").unwrap();
    let run = run_bare(
        repo.path(),
        &["rollup", "budget", "--format", "xlsx", "-o", folder.to_str().unwrap()],
    );
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("无法写入"), "{}", run.stderr);
    let left: Vec<_> =
        std::fs::read_dir(out.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(left, ["budget.xlsx"], "a temporary file was left");
    assert_eq!(std::fs::read(folder.join("keep")).unwrap(), b"x");
    // A folder that does not exist.
    let missing = out.path().join("nowhere/budget.xlsx");
    let run = run_bare(
        repo.path(),
        &["rollup", "budget", "--format", "xlsx", "-o", missing.to_str().unwrap()],
    );
    assert_eq!(run.code, 2, "{run:?}");
    assert!(!missing.exists() && !out.path().join("nowhere").exists());
    // A file already there is replaced whole, not appended to.
    let file = out.path().join("budget.csv");
    std::fs::write(&file, "old").unwrap();
    let run = run_bare(
        repo.path(),
        &["rollup", "budget", "--format", "csv", "-o", file.to_str().unwrap()],
    );
    run.code(0);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("# 河南分公司"), "{text}");
    let left: BTreeSet<_> =
        std::fs::read_dir(out.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(left.len(), 2, "{left:?}");
}

#[test]
fn errors_and_notes_are_in_the_language() {
    let repo = plans();
    let run = run_bare(repo.path(), &["rollup", "budget", "--unit", "henna"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("未知的单位 `henna`；已有的单位为 "), "{}", run.stderr);
    let run = run_bare(repo.path(), &["rollup", "budget", "--format", "xlsx"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("需写入文件"), "{}", run.stderr);
    let broken = plans().file("henan/broken.budget.yaml", "kind: budget\nunit: [\n");
    let run = run_bare(broken.path(), &["rollup", "budget"]).code(0);
    assert!(run.stderr.contains("提示：加载时发现 1 个问题"), "{}", run.stderr);
    let run = run_bare(broken.path(), &["--lang", "en", "rollup", "budget"]).code(0);
    assert!(run.stderr.contains("note: 1 problem found while loading"), "{}", run.stderr);
}

/// The terminal speaks the reader's language (here `LANG=en_US.UTF-8`); a file written with
/// `-o` is a publication, in the repository's language unless `--lang` says otherwise.
#[test]
fn files_written_are_in_the_repository_language_the_terminal_in_the_readers() {
    let repo = plans();
    let shown = crate::support::run_in(repo.path(), ["rollup", "headcount"]).code(0);
    assert!(shown.stdout.contains("— posts") && !shown.stdout.contains("岗位编制"));
    let file = repo.path().join("headcount.md");
    let args = ["rollup", "headcount", "--format", "markdown", "-o", file.to_str().unwrap()];
    crate::support::run_in(repo.path(), args).code(0);
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(written.contains("— 岗位编制") && !written.contains("posts"), "{written}");
    let args = ["--lang", "en", "rollup", "headcount", "--format", "csv", "-o"];
    run_bare(repo.path(), &[&args[..], &[file.to_str().unwrap()]].concat()).code(0);
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(written.contains("— posts") && !written.contains("岗位编制"), "{written}");
}
