//! The attention lists and consolidated unit pages: a copy of `plans/` with an overspend
//! (交通费 +18 %), missed targets, a vacancy, a budget whose period ended without a review and
//! a budget that cannot be read. The home page and every unit page open with what needs
//! attention, each item with a sign and its severity in words, linked to a page that exists and
//! an anchor on it; the group's page has consolidated facts and a row per child unit linked to
//! that unit's own budget and roster; the zh-CN handbook shows no English. Then the same in a
//! real browser (`tests/browser/attention.mjs`).

use std::path::{Path, PathBuf};

use crate::support::{browser_driver, copy_tree, english_words, project_root, run_browser, run_in};

/// A copy of `plans/` in `locale`, with October's budget (no review) and a broken budget.
fn fixture(locale: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tmp");
    copy_tree(&project_root().join("plans"), dir.path());
    let config = dir.path().join("planbook.yaml");
    let text = std::fs::read_to_string(&config).expect("config");
    let text = text.replace("locale: zh-CN", &format!("locale: {locale}"));
    std::fs::write(&config, text).expect("write config");
    let december = std::fs::read_to_string(dir.path().join("henan/2026-12.budget.yaml"))
        .expect("december's budget");
    let october =
        december.replace("period: 2026-12", "period: 2026-10").replace("2026年12月", "2026年10月");
    std::fs::write(dir.path().join("henan/2026-10.budget.yaml"), october).expect("write");
    // A flow mapping never closed: not YAML.
    let broken = "kind: budget\nunit: power\nperiod: 2026-11\ncurrency: CNY\nlines:\n  \
                  - { id: tools, name: 工具, amount: 5000\n";
    std::fs::write(dir.path().join("power/2026-11.budget.yaml"), broken).expect("write");
    dir
}

fn build(repo: &Path) -> PathBuf {
    let site = repo.join("_site");
    run_in(repo, ["build", "-q", "--no-history", "-o", site.to_str().expect("utf-8")]).code(0);
    site
}

fn read(site: &Path, page: &str) -> String {
    std::fs::read_to_string(site.join(page)).unwrap_or_else(|e| panic!("{page}: {e}"))
}

/// The attention section of a page.
fn section(html: &str) -> &str {
    let start = html.find("<section class=\"attention\"").expect("an attention section");
    let end = html[start..].find("</section>").expect("its end") + start;
    &html[start..end]
}

/// The `href`s of `html`.
fn hrefs(html: &str) -> Vec<String> {
    let unescape = |s: &str| s.replace("&#x2F;", "/").replace("&#x27;", "'").replace("&amp;", "&");
    html.split("href=\"").skip(1).filter_map(|s| s.split('"').next()).map(unescape).collect()
}

/// Every link of `html` (of page `page`) leads to a page of `site` and, with an anchor, to an
/// element with that id there.
fn assert_links_land(site: &Path, page: &str, html: &str) -> usize {
    let dir = Path::new(page).parent().unwrap_or(Path::new(""));
    let mut n = 0;
    for href in hrefs(html) {
        let (file, anchor) = href.split_once('#').unwrap_or((&href, ""));
        let target = if file.is_empty() { site.join(page) } else { site.join(dir).join(file) };
        let text = std::fs::read_to_string(&target)
            .unwrap_or_else(|e| panic!("{page}: {href} leads nowhere ({e})"));
        if !anchor.is_empty() {
            assert!(text.contains(&format!("id=\"{anchor}\"")), "{page}: no #{anchor} in {href}");
        }
        n += 1;
    }
    n
}

/// The text of `html` without tags.
fn text(html: &str) -> String {
    let mut out = String::new();
    let mut tag = false;
    for c in html.chars() {
        match c {
            '<' => tag = true,
            '>' => {
                tag = false;
                out.push(' ');
            }
            c if !tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// The items of an attention section: each `<li>`'s text.
fn items(section: &str) -> Vec<String> {
    section.split("<li class=\"attention-item").skip(1).map(text).collect()
}

#[test]
fn home_and_unit_pages_lead_with_what_needs_attention_in_chinese() {
    let repo = fixture("zh-CN");
    let site = build(repo.path());
    let home = read(&site, "index.html");
    let att = section(&home);
    // It comes first: before the unit cards.
    assert!(home.find("class=\"attention\"") < home.find("id=\"h-units\""));
    let all = items(att);
    assert!(all.len() >= 5, "{all:#?}");
    for item in &all {
        assert!(item.contains('▲') || item.contains('▼') || item.contains('⚠'), "{item}");
        assert!(item.contains("需处理") || item.contains("需关注"), "{item}");
    }
    // The overspend, with its percentage and amounts; a missed target; the broken budget.
    let overspend = all.iter().find(|i| i.contains("交通费")).expect("交通费 overspent");
    assert!(overspend.contains("+18%") && overspend.contains("超支 180"), "{overspend}");
    assert!(overspend.contains('▲') && overspend.contains("需处理"), "{overspend}");
    assert!(all.iter().any(|i| i.contains('▼') && i.contains("未达目标")), "{all:#?}");
    let power = items(section(&read(&site, "units/power.html")));
    let broken = power.iter().find(|i| i.contains("无法读取")).expect("the broken budget");
    assert!(broken.contains('⚠') && broken.contains("需处理"), "{broken}");
    assert!(att.contains("需处理") && att.contains("项，见单位页"), "{att}");
    assert!(assert_links_land(&site, "index.html", att) >= all.len());
    // The group card shows consolidated figures, not "文档 0".
    let card = &home[home.find("<li class=\"card\">").expect("a card")..];
    let card = &card[..card.find("</li>").expect("end")];
    assert!(card.contains("下属单位") && card.contains("合并预算"), "{card}");
    assert!(!text(card).contains("文档 0") && !card.contains("<dd>0</dd>"), "{card}");

    // The unit page of henan: everything, with the vacancy and October's missing review.
    let henan = read(&site, "units/henan.html");
    let att = section(&henan);
    let all = items(att);
    let vacancy = all.iter().find(|i| i.contains("缺员")).expect("a vacancy");
    assert!(vacancy.contains('▼') && vacancy.contains("−1"), "{vacancy}");
    let review = all.iter().find(|i| i.contains("尚无总结")).expect("a missing review");
    assert!(review.contains("2026年10月") && review.contains('⚠'), "{review}");
    assert!(!att.contains("见单位页"), "a unit's own items are all listed");
    assert_links_land(&site, "units/henan.html", att);
    let words = english_words(&text(att));
    assert!(words.is_empty(), "English in the zh-CN attention list: {words:?}");
    // Overspends before shortfalls of the same severity are ordered by size; action first.
    let first_watch = all.iter().position(|i| i.contains("需关注")).expect("something to watch");
    assert!(all[..first_watch].iter().all(|i| i.contains("需处理")), "{all:#?}");
    assert!(all[first_watch..].iter().all(|i| i.contains("需关注")), "{all:#?}");

    // The group's page: consolidated facts, child rows drilling down, other periods.
    let zx = read(&site, "units/zx.html");
    section(&zx);
    let facts = &zx[zx.find("<dl class=\"facts\">").expect("facts")..];
    let facts = text(&facts[..facts.find("</dl>").expect("end")]);
    for fact in ["下属单位", "编制", "在岗人数", "空编", "合并预算", "122,900 CNY"]
    {
        assert!(facts.contains(fact), "{fact} missing from {facts}");
    }
    let links = hrefs(&zx);
    for drill in [
        "../budgets/henan-2026-12.html#h-lines",
        "../rosters/henan.html#h-posts",
        "../rosters/power.html#h-posts",
        "#consolidated-budget-2026-10",
    ] {
        assert!(links.iter().any(|l| l == drill), "no drill-down to {drill}: {links:?}");
    }
    assert!(
        zx.contains("<details class=\"consolidated-period\" id=\"consolidated-budget-2026-10\"")
    );
    assert!(zx.contains("scope=\"rowgroup\""), "attainment grouped by KPI");
    let consolidated = &zx[zx.find("id=\"consolidated-budget\"").expect("budget")..];
    assert_links_land(&site, "units/zx.html", consolidated);
    let main = &zx[zx.find("<main").expect("main")..zx.find("</main>").expect("main's end")];
    let words = english_words(&text(main));
    // Currency codes and units of measure in the data's KPI names (`10kV线路改造`) are not
    // interface English.
    let data = ["CNY", "kV"];
    let ui = words.iter().filter(|w| !data.contains(&w.as_str())).collect::<Vec<_>>();
    assert!(ui.is_empty(), "English on the group's page: {ui:?}");
}

#[test]
fn the_english_handbook_words_the_same_items() {
    let repo = fixture("en");
    let site = build(repo.path());
    let home = read(&site, "index.html");
    let att = section(&home);
    assert!(att.contains("Needs attention") && att.contains("need action"), "{att}");
    let all = items(att);
    let overspend = all.iter().find(|i| i.contains("交通费")).expect("交通费 overspent");
    assert!(overspend.contains("+18%") && overspend.contains("180 over"), "{overspend}");
    assert!(overspend.contains("Needs action"), "{overspend}");
    let henan = read(&site, "units/henan.html");
    let all = items(section(&henan));
    assert!(all.iter().any(|i| i.contains("vacancy") && i.contains("Watch")), "{all:#?}");
    assert!(all.iter().any(|i| i.contains("has no review")), "{all:#?}");
    assert!(!has_chinese_ui(section(&henan)), "Chinese UI words in the English handbook");
    assert_links_land(&site, "units/henan.html", section(&henan));
}

/// Whether the handbook's own Chinese words (not the data's) appear.
fn has_chinese_ui(html: &str) -> bool {
    ["需处理", "需关注", "超支", "缺员", "尚无总结"].iter().any(|w| html.contains(w))
}

#[test]
fn a_handbook_with_nothing_off_says_so() {
    let dir = tempfile::tempdir().expect("tmp");
    let config =
        "name: 测试集团\nlocale: zh-CN\ncurrency: CNY\nunits:\n  - id: a\n    name: 甲公司\n";
    std::fs::write(dir.path().join("planbook.yaml"), config).expect("write");
    let site = build(dir.path());
    let home = read(&site, "index.html");
    assert!(section(&home).contains("目前没有需要关注的事项。"), "{}", section(&home));
    assert!(items(section(&home)).is_empty());
    assert!(section(&read(&site, "units/a.html")).contains("目前没有需要关注的事项。"));
}

#[test]
fn browser_shows_attention_with_signs_and_links_that_land() {
    let Some(driver) = browser_driver() else { return };
    let zh = fixture("zh-CN");
    let en = fixture("en");
    let spec = serde_json::json!({
        "sites": [build(zh.path()), build(en.path())],
        "pages": ["index.html", "units/henan.html", "units/power.html"],
        "parent": "units/zx.html",
        "children": ["units/henan.html", "units/power.html"],
    });
    let stdout = run_browser(&driver, "attention.mjs", zh.path(), &spec);
    assert!(stdout.contains("attention items checked"), "{stdout}");
}

#[test]
fn a_unit_with_no_document_at_all_is_worth_a_look() {
    let repo = fixture("zh-CN");
    let config = repo.path().join("planbook.yaml");
    let text = std::fs::read_to_string(&config).expect("config");
    let east = "units:\n  - id: east\n    name: 华东分公司\n    parent: zx\n";
    std::fs::write(&config, text.replacen("units:\n", east, 1)).expect("write config");
    let site = build(repo.path());
    let unit = read(&site, "units/east.html");
    let found = items(section(&unit));
    assert!(
        found.iter().any(|i| i.contains("华东分公司尚无花名册、计划、预算或回顾")),
        "{found:?}"
    );
    assert!(!section(&unit).contains("目前没有需要关注的事项。"));
    let home = read(&site, "index.html");
    assert!(section(&home).contains("华东分公司尚无花名册"), "{}", section(&home));
}

#[test]
fn the_group_page_consolidates_each_length_of_period_its_units_review() {
    let repo = fixture("zh-CN");
    let site = build(repo.path());
    let group = read(&site, "units/zx.html");
    // 河南 reviews monthly, 城区供电 yearly: both latest periods have their table.
    let month = group.find("<caption>2026年12月合并指标达成</caption>").expect("the month's table");
    let year = group.find("<caption>2026年合并指标达成</caption>").expect("the year's table");
    assert!(month < year, "the shorter period first when both end on 31 Dec");
    assert!(group[year..].contains("供电可靠率"), "城区供电's KPIs in the year's table");
}

#[test]
fn columns_empty_on_every_row_are_left_out_and_english_lists_use_commas() {
    let repo = tempfile::tempdir().expect("tmp");
    copy_tree(&project_root().join("plans"), repo.path());
    let site = build(repo.path());
    // 城区供电 has plans and reviews but no budget: no 预算 column in its documents table.
    let power = read(&site, "units/power.html");
    let documents = &power[power.find("<th scope=\"col\">期间</th>").expect("documents")..];
    assert!(!documents.contains("<th scope=\"col\">预算</th>"), "{documents}");
    // No target of 城区供电 has a scope: the report has no 适用范围 column.
    let report = read(&site, "reports/power-2026.html");
    assert!(!report.contains("<th scope=\"col\">适用范围</th>"), "{report}");
    assert!(read(&site, "reports/henan-2026-12.html").contains("<th scope=\"col\">适用范围</th>"));
    let en = fixture("en");
    let site = build(en.path());
    for page in ["plans/henan-2026-12.html", "reports/henan-2026-12.html"] {
        // The data is Chinese; what separates the links of a list is the interface's.
        assert!(!read(&site, page).contains("</a>、"), "{page} lists with 、 in English");
    }
}
