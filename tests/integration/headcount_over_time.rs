//! `planbook rollup headcount` over time and the roster page: a small copy of the seed's
//! organisation (an establishment of 30, a general manager and supervisors outside it, region
//! groups, promoters working from outside the roster) with hires, a leaver, a promotion, an
//! acting assignment and an establishment change across 2026.

use std::collections::BTreeSet;

use crate::support::{Repo, english_words};

const ROSTER: &str = "\
kind: roster
unit: henan
title: 河南分公司名册
as_of: 2026-12-01
posts:
  - { id: gm, title: 总经理, establishment: 1, in_establishment: false }
  - { id: regional-manager, title: 大区经理, establishment: 7, reports_to: gm }
  - { id: market-resource-manager, title: 市场资源部经理, establishment: 1, reports_to: gm }
  - { id: clerk, title: 内勤, establishment: 3, reports_to: gm }
  - { id: rep, title: 业务员, establishment: 18, reports_to: regional-manager }
  - id: flexible
    title: 机动
    establishment: 1
    changes:
      - { from: 2026-12-15, establishment: 2, note: 年底增设一个机动名额 }
  - id: supervisor
    title: 市场督导
    establishment: 7
    in_establishment: false
    reports_to: regional-manager
regions:
  - { id: anyang, name: 安阳 }
  - { id: hebi, name: 鹤壁, merged_into: anyang }
  - { id: zhengzhou, name: 郑州 }
  - { id: luoyang, name: 洛阳 }
groups:
  - { id: anhepu, name: 安鹤濮大区, regions: [anyang], manager: p002 }
  - { id: zheng, name: 郑大区, regions: [zhengzhou], manager: p003 }
  - { id: luosan, name: 洛三大区, regions: [luoyang], manager: p011 }
people:
  - { id: p001, name: 周明远, post: gm, region: zhengzhou, since: 2026-01-01 }
  - { id: p002, name: 李志强, post: regional-manager, region: anyang, reports_to: p001,
      since: 2025-06-01 }
  - { id: p003, name: 刘建军, post: regional-manager, region: zhengzhou, reports_to: p001,
      since: 2025-06-01 }
  - { id: p010, name: 彭飞, post: rep, region: anyang, reports_to: p002,
      since: 2025-06-01 }
  - id: p011
    name: 冯涛
    post: rep
    region: zhengzhou
    reports_to: p003
    since: 2026-02-10
    changes:
      - { from: 2026-10-15, post: regional-manager, region: luoyang, reports_to: p001 }
  - { id: p012, name: 韩冬, post: rep, region: hebi, reports_to: p002,
      since: 2026-03-01, until: 2026-06-20 }
  - { id: p013, name: 苏建平, post: rep, region: luoyang, reports_to: p011,
      since: 2026-12-01 }
  - { id: p020, name: 王秀芳, post: supervisor, region: anyang, reports_to: p002,
      since: 2026-04-01 }
  - { id: p021, name: 刘晓丽, post: supervisor, region: zhengzhou, reports_to: p003,
      since: 2026-01-01 }
  - id: p030
    name: 陈丽娟
    post: clerk
    region: zhengzhou
    reports_to: p001
    since: 2025-01-01
    acting:
      - { post: market-resource-manager, from: 2026-05-01, until: 2026-08-31, note: 经理休假 }
outside:
  - { role: 兼职促销员, count: 12, region: anyang, paid_by: 店员奖 }
  - { role: 厂家促销员, name: 王五, region: zhengzhou, paid_by: 厂家 }
";

/// The ids the data brings: the only ASCII words a Chinese report may show.
const IDS: &[&str] = &[
    "henan",
    "gm",
    "regional-manager",
    "market-resource-manager",
    "clerk",
    "rep",
    "flexible",
    "supervisor",
    "anyang",
    "hebi",
    "zhengzhou",
    "luoyang",
    "anhepu",
    "zheng",
    "luosan",
];

fn repo() -> Repo {
    Repo::new().file("henan/roster.yaml", ROSTER)
}

/// The cells of the table row that starts with `first`, in the table whose title contains
/// `title`.
fn row(text: &str, title: &str, first: &str) -> Vec<String> {
    let table = text.split("\n\n").find(|t| t.lines().next().is_some_and(|l| l.contains(title)));
    let table = table.unwrap_or_else(|| panic!("no table `{title}` in\n{text}"));
    let line = table.lines().find(|l| l.split_whitespace().next() == Some(first));
    let line = line.unwrap_or_else(|| panic!("no row `{first}` in\n{table}"));
    line.split_whitespace().map(str::to_string).collect()
}

#[test]
fn headcount_for_a_period_is_counted_at_its_end() {
    let repo = repo();
    let march = repo.run(["rollup", "headcount", "--period", "2026-03"]).code(0).stdout;
    assert!(
        march.contains(
            "河南分公司 as of 2026-03-31: establishment 30, on staff 8 \
             (of whom 2 outside the establishment)"
        ),
        "{march}"
    );
    // A person in a merged region (鹤壁) counts in the group of the region it merged into.
    assert_eq!(
        row(&march, "region groups", "anhepu"),
        ["anhepu", "安鹤濮大区", "安阳", "李志强", "3"]
    );
    assert_eq!(row(&march, "region groups", "zheng")[4], "5");
    // Columns: post, title, establishment, headcount, vacancies, over, acting, note.
    let gm = ["gm", "总经理", "1", "1", "0", "0", "0", "outside", "the", "establishment"];
    assert_eq!(row(&march, "posts", "gm"), gm);
    assert_eq!(row(&march, "posts", "total")[1..], ["30", "8", "24", "0", "0"]);

    // June: the leaver of 20 June no longer counts, the supervisor hired in April does, and
    // the clerk acting as market resource manager is listed, not counted twice.
    let june = repo.run(["rollup", "headcount", "--period", "2026-06"]).code(0).stdout;
    assert!(june.contains("establishment 30, on staff 8 (of whom 3 outside the establishment)"));
    assert_eq!(row(&june, "posts", "market-resource-manager")[2..7], ["1", "0", "1", "0", "1"]);
    assert_eq!(
        row(&june, "acting in another post", "p030")[..4],
        ["p030", "陈丽娟", "内勤", "市场资源部经理"]
    );
    assert_eq!(row(&june, "region groups", "anhepu")[4], "3");

    // October: promoted on 15 October, 冯涛 is a regional manager in 洛阳 under 洛三大区.
    let october = repo.run(["rollup", "headcount", "--as-of", "2026-10-31"]).code(0).stdout;
    assert_eq!(row(&october, "posts", "regional-manager")[2..4], ["7", "3"]);
    assert_eq!(row(&october, "posts", "rep")[2..4], ["18", "1"]);
    assert_eq!(row(&october, "region groups", "luosan")[4], "1");
    assert_eq!(row(&october, "region groups", "zheng")[4], "4");
    assert!(!october.contains("— acting in another post"), "{october}");

    // Promoters working for the unit are listed with their count, never in headcount.
    assert_eq!(row(&october, "not on its roster", "兼职促销员")[1..], ["12", "安阳", "店员奖"]);
    assert_eq!(row(&october, "not on its roster", "total")[1], "13");
    let json = repo.run(["rollup", "headcount", "--period", "2026-10", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json.code(0).stdout).unwrap();
    let r = &json["rosters"][0];
    assert_eq!((r["establishment"].as_u64(), r["headcount"].as_u64()), (Some(30), Some(8)));
    assert_eq!(r["outside_count"], 13);
    assert_eq!(r["outside_establishment"], 3);
}

#[test]
fn the_trend_gives_each_month_with_joiners_and_leavers() {
    let repo = repo();
    let args = ["rollup", "headcount", "--unit", "henan", "--from", "2026-01", "--to", "2026-12"];
    let table = repo.run(args).code(0).stdout;
    let month = |m: &str| row(&table, "headcount by month", m)[1..].to_vec();
    assert_eq!(month("2026-01"), ["30", "6", "2", "2", "0"]);
    assert_eq!(month("2026-02"), ["30", "7", "2", "1", "0"]);
    assert_eq!(month("2026-04"), ["30", "9", "3", "1", "0"]);
    assert_eq!(month("2026-06"), ["30", "8", "3", "0", "1"]);
    assert_eq!(month("2026-12"), ["31", "9", "3", "1", "0"]);
    assert_eq!(table.lines().filter(|l| l.starts_with("2026-")).count(), 12);

    let json = repo.run(args.iter().chain(&["--format", "json"])).code(0).stdout;
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let months = json["rosters"][0]["months"].as_array().unwrap();
    assert_eq!(months.len(), 12);
    assert_eq!(months[5]["period"], "2026-06");
    assert_eq!(months[5]["as_of"], "2026-06-30");
    assert_eq!(
        (months[5]["headcount"].as_u64(), months[5]["leavers"].as_u64()),
        (Some(8), Some(1))
    );

    let csv = repo.run(args.iter().chain(&["--format", "csv"])).code(0).stdout;
    assert!(csv.contains("\n2026-06,30,8,3,0,1\n"), "{csv}");
    assert!(csv.starts_with("# 河南分公司 — headcount by month"), "{csv}");
    let md = repo.run(args.iter().chain(&["--format", "markdown"])).code(0).stdout;
    assert!(md.contains("| 2026-12 |"), "{md}");
    let xlsx = repo.run(args.iter().chain(&["--format", "xlsx", "-o", "months.xlsx"]));
    xlsx.code(0);
    assert!(repo.path().join("months.xlsx").is_file());

    // A trend the wrong way round, and a trend option on another rollup, are refused.
    let back = ["rollup", "headcount", "--from", "2026-12", "--to", "2026-01"];
    assert!(repo.run(back).code(2).stderr.contains("no months to show"));
    let budget = repo.run(["rollup", "budget", "--as-of", "2026-01-01"]).code(2);
    assert!(budget.stderr.contains("`--as-of` applies to `planbook rollup headcount` only"));
}

/// ASCII words of `text` that are not data ids.
fn english(text: &str) -> BTreeSet<String> {
    let ids: BTreeSet<String> =
        IDS.iter().flat_map(|id| id.split('-')).map(str::to_string).collect();
    english_words(text).into_iter().filter(|w| !ids.contains(w)).collect()
}

#[test]
fn chinese_reports_have_no_english() {
    let repo = repo();
    for args in [
        &["rollup", "headcount", "--period", "2026-06", "--lang", "zh-CN"][..],
        &["rollup", "headcount", "--from", "2026-01", "--to", "2026-12", "--lang", "zh-CN"],
        &["rollup", "headcount", "--period", "2026-06", "--lang", "zh-CN", "--format", "csv"],
    ] {
        let out = repo.run(args).code(0).stdout;
        assert!(english(&out).is_empty(), "{:?} in\n{out}", english(&out));
    }
    let june = repo.run(["rollup", "headcount", "--period", "2026-06", "--lang", "zh-CN"]);
    let june = june.code(0).stdout;
    assert!(
        june.contains("河南分公司（截至 2026-06-30）：编制 30 人，在岗 8 人（其中编制外 3 人）")
    );
    assert!(june.contains("编外人员"), "{june}");
    let refused =
        repo.run(["rollup", "scores", "--from", "2026-01", "--to", "2026-02", "--lang", "zh-CN"]);
    let refused = refused.code(2).stderr;
    assert!(refused.contains("只用于"), "{refused}");
    assert!(english(&refused).is_empty(), "{refused}");
}

#[test]
fn the_roster_page_shows_the_day_groups_and_the_posts_outside_the_establishment() {
    let repo = repo();
    repo.run(["build", "-o", "site"]).code(0);
    let page = std::fs::read_to_string(repo.path().join("site/rosters/henan.html")).unwrap();
    for text in [
        "2026年12月1日",
        "编制 30 人，在岗 9 人（其中编制外 3 人）",
        "编制外岗位：在岗 3 人，定员 8 人，不计入编制总数",
        "安鹤濮大区",
        "洛三大区",
        "兼职促销员",
        "店员奖",
        "各月人数",
        "已离职人员",
    ] {
        assert!(page.contains(text), "`{text}` missing from the roster page");
    }
    // The leaver is only in the former staff; the promoted rep is shown in his new post.
    let former = page.find("已离职人员").unwrap();
    assert!(page.find("韩冬").is_some_and(|at| at > former));
    let people = &page[..former];
    assert!(people.contains("冯涛"));
    // The last 12 months with data: January to December 2026, December counted at its end.
    assert!(page.contains("2026年1月") && page.contains("2026年12月"));
    assert!(!page.contains("2025年12月"), "more than 12 months");
    let words = english(&strip_tags(&page));
    assert!(words.iter().all(|w| w == "planbook"), "{words:?}");
}

/// The text of an HTML page, without tags, scripts and styles.
fn strip_tags(html: &str) -> String {
    let body = html.split("<main").nth(1).unwrap_or(html);
    let body = body.split_once('>').map_or(body, |(_, rest)| rest);
    let body = body.split("</main>").next().unwrap_or(body);
    let mut out = String::new();
    let mut inside = false;
    for c in body.chars() {
        match c {
            '<' => inside = true,
            '>' => {
                inside = false;
                out.push(' ');
            }
            c if !inside => out.push(c),
            _ => {}
        }
    }
    out
}
