//! Search at scale: a generated organisation of a few thousand people (Chinese names, some
//! shared, across units, posts and regions) built into a zh-CN handbook. The index records
//! each person's post, region and unit and each document's unit and period; the script the
//! search page loads first stays small; and in headless Chromium (`tests/browser/search.mjs`,
//! over HTTP and from `file://`) a name finds both people of that name told apart by post,
//! region and unit, a region's name finds its people, and results show no English.

use std::fmt::Write as _;

use crate::support::{Repo, browser_driver, english_words, run_browser, run_in};

/// People in the generated repository, and units.
const PEOPLE: usize = 3000;
const UNITS: usize = 12;

/// The most the search page may load before the first query: the manifest and the script.
const FIRST_LOAD_BUDGET: u64 = 500 * 1024;

/// The most the manifest may hold per unit of the organisation (it grows with units, posts,
/// regions and periods, never with people).
const MANIFEST_PER_UNIT: u64 = 2 * 1024;

const SURNAMES: &[char] = &['赵', '钱', '孙', '李', '周', '吴', '郑', '冯', '陈', '褚', '卫', '蒋'];
const GIVEN: &[char] = &['伟', '强', '磊', '洋', '勇', '军', '杰', '涛', '明', '超', '华', '平'];
const CITIES: &[&str] =
    &["郑州", "开封", "洛阳", "安阳", "新乡", "焦作", "许昌", "漯河", "商丘", "周口"];

/// A zh-CN repository of [`PEOPLE`] people in [`UNITS`] units, each with a roster, a plan, a
/// budget and a review for 2026-12. Two people are named 王芳 (a rep in 郑州 of unit 1, a
/// regional manager in 武汉 of unit 7); only unit 3 has the region 南阳, with 南阳's people.
fn organisation() -> Repo {
    let mut config = String::from("name: 华中通讯集团\nlocale: zh-CN\nunits:\n");
    config.push_str("  - { id: group, name: 华中通讯集团 }\n");
    for u in 1..=UNITS {
        writeln!(config, "  - {{ id: u{u:02}, name: 第{u}分公司, parent: group }}").unwrap();
    }
    config.push_str("kpis:\n  - { id: units, name: 出货量, unit: 台 }\n");
    let mut repo = Repo::empty().file("planbook.yaml", config);
    let per_unit = PEOPLE / UNITS;
    let mut serial = 0;
    for u in 1..=UNITS {
        let mut regions: Vec<&str> = (0..4).map(|i| CITIES[(u + i) % CITIES.len()]).collect();
        if u == 3 {
            regions[0] = "南阳";
        }
        if u == 7 {
            regions[0] = "武汉";
        }
        let mut roster = format!("kind: roster\nunit: u{u:02}\nas_of: 2026-12-01\nposts:\n");
        roster.push_str("  - { id: gm, title: 总经理, establishment: 1 }\n");
        writeln!(roster, "  - {{ id: rm, title: 大区经理, establishment: 4, reports_to: gm }}")
            .unwrap();
        let reps = per_unit - 5;
        writeln!(roster, "  - {{ id: rep, title: 业务员, establishment: {reps}, reports_to: rm }}")
            .unwrap();
        roster.push_str("regions:\n");
        for (i, r) in regions.iter().enumerate() {
            writeln!(roster, "  - {{ id: r{i}, name: {r} }}").unwrap();
        }
        roster.push_str("people:\n");
        let first = serial;
        for i in 0..per_unit {
            serial += 1;
            let post = match i {
                0 => "gm",
                1..=4 => "rm",
                _ => "rep",
            };
            let name = match (u, i) {
                (1, 9) | (7, 1) => "王芳".to_string(),
                _ => {
                    let s = SURNAMES[serial % SURNAMES.len()];
                    let g = GIVEN[(serial / SURNAMES.len()) % GIVEN.len()];
                    let h = GIVEN[(serial / 7) % GIVEN.len()];
                    format!("{s}{g}{h}")
                }
            };
            let region = match (u, i) {
                (1, 9) | (7, 1) => 0,
                _ => i % regions.len(),
            };
            let boss = match i {
                0 => String::new(),
                1..=4 => format!(", reports_to: p{:05}", first + 1),
                _ => format!(", reports_to: p{:05}", first + 2 + i % 4),
            };
            writeln!(
                roster,
                "  - {{ id: p{serial:05}, name: {name}, post: {post}, region: r{region}{boss} }}"
            )
            .unwrap();
        }
        let dir = format!("u{u:02}");
        let head = |kind: &str| format!("kind: {kind}\nunit: u{u:02}\nperiod: 2026-12\n");
        repo = repo
            .file(&format!("{dir}/roster.yaml"), roster)
            .file(
                &format!("{dir}/2026-12.budget.yaml"),
                format!("{}lines:\n  - {{ id: a, name: 运输费, amount: 1200 }}\n", head("budget")),
            )
            .file(
                &format!("{dir}/2026-12.plan.md"),
                format!("---\n{}title: 第{u}分公司十二月计划\n---\n\n稳定队伍。\n", head("plan")),
            )
            .file(
                &format!("{dir}/2026-12.review.md"),
                format!(
                    "---\n{}title: 第{u}分公司十二月回顾\n---\n\n运输费仍高。\n",
                    head("review")
                ),
            );
    }
    repo
}

/// The JSON a script file assigns or passes: what follows `start` up to the closing `end`.
fn json_in(text: &str, start: &str, end: &str) -> serde_json::Value {
    let from = text.find(start).expect("script start") + start.len();
    let body = text[from..].trim_end().strip_suffix(end).expect("script end");
    serde_json::from_str(body).expect("JSON")
}

fn build(repo: &Repo) -> std::path::PathBuf {
    run_in(repo.path(), ["build", "-q", "--no-history"]).code(0);
    repo.path().join("_site")
}

fn names(manifest: &serde_json::Value, key: &str) -> Vec<String> {
    manifest[key]
        .as_array()
        .expect("dictionary")
        .iter()
        .map(|n| n["name"].as_str().expect("name").to_string())
        .collect()
}

#[test]
fn the_index_knows_post_region_unit_and_period_and_loads_little_first() {
    let repo = organisation();
    let site = build(&repo);
    let manifest_file = site.join("search-index.js");
    let size = std::fs::metadata(&manifest_file).expect("manifest").len();
    let script = std::fs::metadata(site.join("assets/search.js")).expect("search.js").len();
    assert!(size + script < FIRST_LOAD_BUDGET, "first load {} bytes", size + script);
    assert!(size < MANIFEST_PER_UNIT * UNITS as u64, "manifest {size} bytes");
    let manifest = json_in(
        &std::fs::read_to_string(&manifest_file).expect("read"),
        "window.PLANBOOK_SEARCH = ",
        ";",
    );
    assert!(names(&manifest, "posts").contains(&"大区经理".to_string()), "{manifest}");
    assert!(names(&manifest, "regions").contains(&"南阳".to_string()), "{manifest}");
    assert!(names(&manifest, "units").contains(&"第7分公司".to_string()), "{manifest}");
    assert!(names(&manifest, "periods").iter().any(|p| p.contains("2026年12月")), "{manifest}");
    // Nothing the reader sees in the manifest is English: kinds and names.
    for key in ["units", "posts", "regions", "periods"] {
        for name in names(&manifest, key) {
            assert!(english_words(&name).is_empty(), "{key}: {name}");
        }
    }
    for kind in manifest["kinds"].as_array().expect("kinds") {
        assert!(english_words(kind.as_str().expect("kind")).is_empty(), "{kind}");
    }
    // Every page is in a chunk; each chunk is a script calling the loader.
    let chunks = manifest["chunks"].as_array().expect("chunks");
    let mut records = Vec::new();
    for chunk in chunks {
        let path = chunk.as_str().expect("path").split('?').next().expect("path");
        let text = std::fs::read_to_string(site.join(path)).expect("chunk");
        let rows = json_in(&text, ",", ");");
        assert!(text.starts_with("(window.PLANBOOK_SEARCH_CHUNK||Object)("), "{path}");
        records.extend(rows.as_array().expect("rows").iter().cloned());
    }
    assert!(!chunks.is_empty(), "no chunks");
    assert_eq!(records.len() as u64, manifest["count"].as_u64().expect("count"));
    assert!(records.len() > PEOPLE, "{}", records.len());
    // The two 王芳: each with their post, region and unit.
    let name_of = |key: &str, at: &serde_json::Value| -> String {
        let at = at.as_u64().expect("number") as usize;
        manifest[key][at]["name"].as_str().expect("name").to_string()
    };
    let mut wang: Vec<(String, String, String)> = records
        .iter()
        .filter(|r| r[1] == "王芳")
        .map(|r| (name_of("posts", &r[4]), name_of("regions", &r[5]), name_of("units", &r[3])))
        .collect();
    wang.sort();
    assert_eq!(
        wang,
        [
            ("业务员".to_string(), "开封".to_string(), "第1分公司".to_string()),
            ("大区经理".to_string(), "武汉".to_string(), "第7分公司".to_string()),
        ]
    );
    // A plan: its unit and period.
    let plan = records.iter().find(|r| r[1] == "第3分公司十二月计划").expect("plan record");
    assert_eq!(name_of("units", &plan[3]), "第3分公司");
    assert!(name_of("periods", &plan[6]).contains("2026年12月"));
}

#[test]
fn in_the_browser_a_name_finds_both_people_and_a_region_finds_its_people() {
    let Some(driver) = browser_driver() else { return };
    let repo = organisation();
    let site = build(&repo);
    let south = (0..PEOPLE / UNITS).filter(|i| i % 4 == 0).count();
    let spec = serde_json::json!({
        "site": site,
        "status": "^找到 [0-9][0-9,]* 个结果$",
        // Generous: a debug build's page on a shared machine; the benchmark reports the times.
        "budget_ms": 3000,
        "queries": [
            {
                "query": "王芳",
                "min": 2,
                "titles": ["王芳", "王芳"],
                "metas": ["业务员 · 开封 · 第1分公司", "大区经理 · 武汉 · 第7分公司"],
            },
            { "query": "南阳", "min": south, "metas": ["业务员 · 南阳 · 第3分公司"] },
            { "query": "第3分公司 十二月", "min": 2 },
        ],
    });
    let stdout = run_browser(&driver, "search.mjs", repo.path(), &spec);
    assert!(stdout.contains("TIMING file typed 王芳") && stdout.contains("TIMING http open"));
    // Results in a zh-CN handbook show no English: titles, kinds, the lines under them and
    // the status.
    let mut shown = 0;
    for line in stdout.lines().filter_map(|l| l.strip_prefix("TEXT ")) {
        let texts: Vec<String> = serde_json::from_str(line).expect("TEXT json");
        for text in &texts {
            assert!(english_words(text).is_empty(), "English in results: {text}");
        }
        shown += texts.len();
    }
    assert!(shown > 20, "{shown} texts");
}
