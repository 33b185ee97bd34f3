//! Org charts and the people directory at scale: a repository of 20,040 people over 301 units
//! (one unit of 6,000 with a deep chart, managers missing or gone, people sharing names) is
//! generated here, built, and every page checked for size; the directory's order (pinyin in
//! Chinese, the Unicode collation in English), filters, pager and namesakes, the chart's
//! missing-manager groups and the units tree are checked on it and on a small English one, and
//! in headless Chromium by `tests/browser/directory.mjs`.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::support::{Repo, browser_driver, has_chinese, run_browser};

/// No HTML page may be larger than this.
const MAX_PAGE: u64 = 500 * 1024;

const SURNAMES: [&str; 24] = [
    "张", "王", "李", "赵", "陈", "刘", "杨", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "林", "罗", "高", "安", "白", "邓", "曹",
];
const GIVEN: [&str; 40] = [
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
    "超", "秀英", "霞", "平", "刚", "桂英", "建华", "志强", "海燕", "晓东", "国庆", "文博", "雪梅",
    "子涵", "浩然", "欣怡", "思远", "梓轩", "雨桐", "俊杰", "佳怡", "宇航", "若曦", "天佑",
];

/// The name of person `i`: people `i` and `i + 15,000` share a name.
fn chinese_name(i: usize) -> String {
    let i = i % 15_000;
    let s = SURNAMES.get(i % SURNAMES.len()).copied().unwrap_or("张");
    let a = GIVEN.get((i / 24) % GIVEN.len()).copied().unwrap_or("伟");
    let b = GIVEN.get((i / 960) % GIVEN.len()).copied().unwrap_or("");
    format!("{s}{a}{b}")
}

/// A roster of `n` people for `unit`: a head, `n / 40` managers under them, the rest under
/// the managers; every 97th person reports to an id nobody has, and the team of a manager who
/// has left (`until` before `as_of`) is still on staff.
fn roster(unit: &str, n: usize, first: usize, name: &dyn Fn(usize) -> String) -> String {
    let mut y = format!(
        "kind: roster\nunit: {unit}\nas_of: 2026-12-01\nposts:\n\
         \x20 - {{ id: head, title: 总经理, establishment: 1 }}\n\
         \x20 - {{ id: mgr, title: 区域经理, establishment: {n} }}\n\
         \x20 - {{ id: rep, title: 业务员, establishment: {n} }}\n\
         regions:\n  - {{ id: east, name: 东区 }}\n  - {{ id: west, name: 西区 }}\n\
         people:\n"
    );
    let managers = (n / 40).max(1);
    for k in 0..n {
        let i = first + k;
        let id = format!("{unit}-{k}");
        let region = if k % 2 == 0 { "east" } else { "west" };
        let (post, boss) = match k {
            0 => ("head", String::new()),
            k if k <= managers => ("mgr", format!(", reports_to: {unit}-0")),
            k if k % 97 == 0 => ("rep", format!(", reports_to: ghost-{unit}")),
            k => ("rep", format!(", reports_to: {unit}-{}", 1 + k % managers)),
        };
        let until = if k == 1 && n > 10 { ", until: 2026-06-30" } else { "" };
        let _ = writeln!(
            y,
            "  - {{ id: {id}, name: {}, post: {post}, region: {region}{boss}{until} }}",
            name(i)
        );
    }
    y
}

/// A repository of `people` people over a group, 20 companies and `branches` branches, in
/// `locale`; the first branch holds `big` of them.
fn repo(locale: &str, people: usize, branches: usize, big: usize) -> Repo {
    let mut config =
        format!("name: 测试集团\nlocale: {locale}\nunits:\n  - {{ id: g, name: 集团 }}\n");
    for c in 0..20 {
        let _ = writeln!(config, "  - {{ id: c{c}, name: 公司{c}, parent: g }}");
    }
    for b in 0..branches {
        let _ = writeln!(config, "  - {{ id: b{b}, name: 分部{b}, parent: c{} }}", b % 20);
    }
    config.push_str("kpis:\n  - { id: units, name: 出货量, unit: 台 }\n");
    let mut repo = Repo::empty().file("planbook.yaml", config);
    let rest = (people - big) / (branches - 1);
    let mut first = 0;
    for b in 0..branches {
        let n = match b {
            0 => big,
            b if b == branches - 1 => people - big - rest * (branches - 2),
            _ => rest,
        };
        repo = repo
            .file(&format!("b{b}/roster.yaml"), roster(&format!("b{b}"), n, first, &chinese_name));
        first += n;
    }
    repo
}

/// Every HTML file under `dir`, with its size.
fn pages(dir: &Path) -> Vec<(PathBuf, u64)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read dir").flatten() {
            let path = e.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|x| x == "html") {
                out.push((path.clone(), e.metadata().expect("metadata").len()));
            }
        }
    }
    out
}

/// A page's HTML, with the slashes tera escapes in URLs put back.
fn read(path: &Path) -> String {
    let html = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    html.replace("&#x2F;", "/")
}

/// The names in a directory page's rows, in order.
fn row_names(html: &str) -> Vec<String> {
    html.split("<th scope=\"row\">")
        .skip(1)
        .filter_map(|r| r.split("<bdi>").nth(1)?.split("</bdi>").next().map(str::to_string))
        .collect()
}

#[test]
fn twenty_thousand_people_over_three_hundred_units_keep_every_page_small() {
    let repo = repo("zh-CN", 20_040, 280, 6_000);
    let start = Instant::now();
    let run = repo.run(["build", "--no-history", "-q", "-o", "out"]);
    let took = start.elapsed();
    assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
    eprintln!("build of 20,040 people over 301 units: {took:?}");
    let out = repo.path().join("out");
    let all = pages(&out);
    let (largest, size) = all.iter().max_by_key(|(_, s)| *s).expect("pages");
    eprintln!("{} pages; largest {} ({size} bytes)", all.len(), largest.display());
    let big: Vec<_> = all.iter().filter(|(_, s)| *s > MAX_PAGE).collect();
    assert!(big.is_empty(), "pages over {MAX_PAGE} bytes: {big:?}");

    // The directory's front page: letters, pages, filters with counts.
    let front = read(&out.join("people.html"));
    assert!(front.contains("共 20,040 人"), "total");
    for letter in ["A", "B", "C", "Z"] {
        assert!(front.contains(&format!(">{letter}</a>")), "letter {letter}");
    }
    assert!(front.contains("directory/unit-b0.html"), "unit filter");
    assert!(front.contains("directory/post-"), "post filters");
    assert!(front.contains("directory/region-"), "region filters");
    assert!(front.contains("directory/all-41.html"), "41 pages of 500");

    // Pinyin order across the whole list: 安 < 白 < 曹 < 陈 < … < 张 < 赵 < 周 < 朱.
    let mut names = Vec::new();
    for k in 1..=41 {
        let page = if k == 1 { "all".to_string() } else { format!("all-{k}") };
        names.extend(row_names(&read(&out.join(format!("directory/{page}.html")))));
    }
    assert_eq!(names.len(), 20_040);
    let surnames: Vec<char> = names.iter().filter_map(|n| n.chars().next()).collect();
    let order = "安白曹陈邓高郭何胡黄李林刘罗马孙王吴徐杨张赵周朱";
    let rank: HashMap<char, usize> = order.chars().enumerate().map(|(i, c)| (c, i)).collect();
    for w in surnames.windows(2) {
        let (a, b) = (rank.get(&w[0]), rank.get(&w[1]));
        assert!(a <= b, "{} before {}", w[0], w[1]);
    }

    // A filter lists exactly its people; a page over 500 has a pager.
    let unit = read(&out.join("directory/unit-b0.html"));
    assert_eq!(row_names(&unit).len(), 500);
    assert!(unit.contains("aria-current=\"page\"") && unit.contains("directory/unit-b0-12.html"));
    let small = read(&out.join("directory/unit-b5.html"));
    assert!(small.contains("单位：分部5"), "the filter is named");
    assert!(row_names(&small).len() > 40 && !small.contains("分部6<"), "only its unit");

    // Namesakes: marked, with their id; person pages link to each other.
    assert!(unit.contains("class=\"namesake\"") && unit.contains("同名"), "namesakes marked");
    let person = read(&out.join("people/b0-3.html"));
    assert!(person.contains("同名人员："), "namesakes section");

    // The roster of 6,000: a collapsible chart, the missing manager and the one who left named,
    // the rest on chart pages; the people table left to the directory.
    let roster = read(&out.join("rosters/b0.html"));
    assert!(roster.contains("<details open>") && roster.contains("<details>"), "collapsible");
    assert!(roster.contains("上级不在名册中：ghost-b0"), "missing manager");
    assert!(roster.contains("上级已不在岗："), "manager who left");
    assert!(roster.contains("下属 "), "counts below");
    assert!(roster.contains("href=\"../org/b0/"), "chart pages");
    assert!(roster.contains("directory/unit-b0.html"), "people in the directory");
    assert!(out.join("org/b0").is_dir());

    // The units list: a tree with counts.
    let units = read(&out.join("units.html"));
    assert!(units.contains("class=\"unit-tree\"") && units.contains("19,760 人"), "group total");
    assert!(units.contains("下属 20 个单位"), "units below");

    // In the browser: the chart opens and closes, filters and pages lead on, first paint.
    let largest = largest.strip_prefix(&out).expect("in out").to_string_lossy().replace('\\', "/");
    browser(&out, "rosters/b0.html", &largest);
}

#[test]
fn an_english_directory_uses_the_unicode_collation_and_english_words() {
    let people = ["Zoë Adams", "émile Roux", "Adam Smith", "bob Lee", "Ödön Varga", "Adam Smith"];
    let mut y = String::from(
        "kind: roster\nunit: b0\nas_of: 2026-12-01\n\
         posts:\n  - { id: rep, title: Rep, establishment: 9 }\npeople:\n",
    );
    for (k, n) in people.iter().enumerate() {
        let boss = if k == 0 { "" } else { ", reports_to: gone" };
        let _ = writeln!(y, "  - {{ id: e{k}, name: {n}, post: rep{boss} }}");
    }
    let repo = Repo::empty()
        .file(
            "planbook.yaml",
            "name: Test\nlocale: en\nunits:\n  - { id: g, name: Group }\n\
             \x20 - { id: b0, name: Branch, parent: g }\n\
             kpis:\n  - { id: units, name: Units, unit: pcs }\n",
        )
        .file("b0/roster.yaml", y);
    let run = repo.run(["build", "--no-history", "-q", "-o", "out"]);
    assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
    let out = repo.path().join("out");
    let list = read(&out.join("directory/all.html"));
    assert_eq!(
        row_names(&list),
        ["Adam Smith", "Adam Smith", "bob Lee", "émile Roux", "Ödön Varga", "Zoë Adams"]
    );
    assert!(list.contains("Same name") && list.contains("<code>e2</code>"), "namesakes");
    let roster = read(&out.join("rosters/b0.html"));
    assert!(roster.contains("Manager not on the roster: gone"), "missing manager");
    assert!(roster.contains("5 below"), "the group counts its people");
    for page in ["people.html", "directory/all.html", "rosters/b0.html", "units.html"] {
        let html = read(&out.join(page));
        assert!(!has_chinese(&html), "{page} has Chinese");
    }
    let person = read(&out.join("people/e2.html"));
    assert!(person.contains("Also named Adam Smith") && person.contains("e5"), "namesakes");
}

/// Runs `tests/browser/directory.mjs` on the handbook in `site`.
fn browser(site: &Path, roster: &str, largest: &str) {
    let Some(driver) = browser_driver() else { return };
    let tmp = tempfile::tempdir().expect("tmp");
    let spec = serde_json::json!({ "site": site, "roster": roster, "largest": largest });
    run_browser(&driver, "directory.mjs", tmp.path(), &spec);
}
