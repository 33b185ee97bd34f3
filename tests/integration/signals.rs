//! Over/under signalling, legends, empty columns and regional scopes on the handbook's
//! budget, review and unit pages: on a copy of `plans/` (zh-CN, no previous budget), and on a
//! small repository with no previous budget and no ranges, in English and in Chinese. The
//! browser half (`tests/browser/signals.mjs`) checks that no chart text leaves its `viewBox`,
//! every chart has a legend and the signs and words still tell over from under in greyscale.

use std::path::{Path, PathBuf};

use crate::support::{
    Repo, browser_driver, copy_tree, english_words, project_root, run_browser, run_in,
};

/// A copy of `plans/` built into its `_site`.
fn plans_site() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tmp");
    copy_tree(&project_root().join("plans"), dir.path());
    run_in(dir.path(), ["build", "-q", "--no-history"]).code(0);
    let site = dir.path().join("_site");
    (dir, site)
}

/// A unit with a budget (one line over, one under, one on budget), a plan whose targets have
/// no ranges (one unit-wide, two regional) and a review, in `locale`; built.
fn small(locale: &str) -> Repo {
    let repo = Repo::empty()
        .file(
            "planbook.yaml",
            format!(
                "name: 测试公司\nlocale: {locale}\nunits:\n  - {{ id: henan, name: 河南分公司 }}\n\
                 kpis:\n  - {{ id: units, name: 出货量, unit: 台 }}\n"
            ),
        )
        .file(
            "henan/roster.yaml",
            "kind: roster\nunit: henan\nposts:\n  - { id: rep, title: 业务员, establishment: 2 }\n\
             regions:\n  - { id: luoyang, name: 洛阳 }\n  - { id: zhengzhou, name: 郑州 }\n\
             people:\n  - { id: p1, name: 张三, post: rep, region: luoyang, since: 2026-01-01 }\n",
        )
        .file(
            "henan/2026-12.budget.yaml",
            "kind: budget\nunit: henan\nperiod: 2026-12\ncurrency: CNY\nlines:\n\
             \x20 - { id: transport, name: 交通费, amount: 1000 }\n\
             \x20 - { id: office, name: 办公费, amount: 5000 }\n\
             \x20 - { id: rent, name: 房租, amount: 2000 }\n",
        )
        .file(
            "henan/2026-12.plan.md",
            "---\nkind: plan\nunit: henan\nperiod: 2026-12\ntitle: 经营计划\n\
             budget: 2026-12.budget.yaml\ntargets:\n  - { kpi: units, floor: 80, target: 100 }\n\
             \x20 - { kpi: units, region: luoyang, target: 60 }\n\
             \x20 - { kpi: units, region: zhengzhou, target: 40 }\n---\n# 计划\n",
        )
        .file(
            "henan/2026-12.review.md",
            "---\nkind: review\nunit: henan\nperiod: 2026-12\ntitle: 经营回顾\nactuals:\n\
             \x20 - { kpi: units, actual: 90 }\n  - { kpi: units, region: luoyang, actual: 66 }\n\
             \x20 - { kpi: units, region: zhengzhou, actual: 24 }\nspend:\n\
             \x20 - { line: transport, actual: 1180 }\n  - { line: office, actual: 4620 }\n\
             \x20 - { line: rent, actual: 2000 }\n---\n# 回顾\n",
        );
    repo.run(["build", "-q", "--no-history"]).code(0);
    repo
}

fn read(site: &Path, page: &str) -> String {
    std::fs::read_to_string(site.join(page)).unwrap_or_else(|e| panic!("{page}: {e}"))
}

/// The table row (`<tr …>…</tr>`) of `html` whose header cell names `name`.
fn row<'a>(html: &'a str, name: &str) -> &'a str {
    let at = html
        .match_indices("<tr")
        .map(|(i, _)| i)
        .find(|&i| {
            let end = html[i..].find("</tr>").map_or(html.len(), |e| i + e);
            html[i..end].contains(&format!("<th scope=\"row\"><bdi>{name}</bdi>"))
        })
        .unwrap_or_else(|| panic!("no row for {name}"));
    let end = html[at..].find("</tr>").map_or(html.len(), |e| at + e);
    &html[at..end]
}

/// The text of `html` with its tags taken out.
fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.trim().to_string()
}

/// The cells (`th` or `td`) of a row, as text.
fn cells(row: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = row;
    while let Some(at) = rest.find(['<']) {
        rest = &rest[at..];
        let open = rest.starts_with("<td") || rest.starts_with("<th");
        if !open || rest.starts_with("<thead") || rest.starts_with("<tbody") {
            rest = &rest[1..];
            continue;
        }
        let close = if rest.starts_with("<td") { "</td>" } else { "</th>" };
        let end = rest.find(close).unwrap_or(rest.len());
        out.push(text(&rest[..end]));
        rest = &rest[end..];
    }
    out
}

/// The columns of the tables of `html` that no body row fills, as `caption: header`.
fn empty_columns(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for table in html.split("<table").skip(1) {
        let table = table.split("</table>").next().unwrap_or_default();
        let caption = table
            .split("<caption")
            .nth(1)
            .map(|c| text(&format!("<caption{}", c.split("</caption>").next().unwrap_or(""))))
            .unwrap_or_default();
        let Some(head) = table.split("<thead>").nth(1).and_then(|h| h.split("</thead>").next())
        else {
            continue;
        };
        let heads = cells(head);
        let mut filled = vec![false; heads.len()];
        let body = table.split("</thead>").nth(1).unwrap_or_default();
        for r in body.split("<tr").skip(1) {
            if r.contains("colspan") {
                continue; // a breakdown item's row lines up differently
            }
            for (i, cell) in cells(r).iter().enumerate() {
                if let Some(f) = filled.get_mut(i) {
                    *f |= !cell.is_empty();
                }
            }
        }
        for (h, f) in heads.iter().zip(filled) {
            if !f {
                out.push(format!("{caption}: {h}"));
            }
        }
    }
    out
}

/// Every chart of `html` has a legend with at least one key.
fn assert_legends(page: &str, html: &str) {
    let charts = html.matches("<figure class=\"chart\">").count();
    let legends = html.matches("<ul class=\"chart-legend\"><li>").count();
    assert!(charts > 0, "{page}: no chart");
    assert_eq!(charts, legends, "{page}: {charts} charts, {legends} legends");
    for svg in html.split("<svg").skip(1) {
        let svg = svg.split("</svg>").next().unwrap_or_default();
        assert!(svg.contains("role=\"img\"") && svg.contains("<title"), "{page}: {svg}");
    }
}

#[test]
fn plans_budget_signals_overspends_and_not_savings() {
    let (_dir, site) = plans_site();
    let page = read(&site, "budgets/henan-2026-12.html");
    for (line, pct) in [("交通费", "+18%"), ("水电费", "+9.3%"), ("运输费", "+8.2%")] {
        let r = row(&page, line);
        assert!(r.contains("sig-over") && r.contains("sig-bad"), "{line}: {r}");
        assert!(r.contains('▲') && r.contains(pct) && r.contains("超支"), "{line}: {r}");
        assert!(page.contains(&format!("{line} {pct}")), "{line} is named above the table");
    }
    for line in ["办公费", "招待费"] {
        let r = row(&page, line);
        assert!(r.contains("sig-under") && r.contains('▼') && r.contains("节余"), "{r}");
        assert!(!r.contains("sig-over") && !r.contains("超支") && !r.contains('▲'), "{r}");
    }
    // The total (121,300 against 122,900) is under; the hospitality cap is over.
    let foot = page.split("<tfoot>").nth(1).expect("a footer");
    assert!(foot.contains("sig-under") && foot.contains("−1,600"), "{foot}");
    let cap = row(&page, "招待费限额");
    assert!(cap.contains("sig-over") && cap.contains("超限") && cap.contains('▲'), "{cap}");
    let within = row(&page, "月度费用总额");
    assert!(within.contains("sig-under") && within.contains("未超限"), "{within}");
    let ytd = page.split("本年累计").nth(1).and_then(|y| y.split("</p>").next()).expect("ytd");
    assert!(ytd.contains("sig-under") && ytd.contains("节余"), "{ytd}");
    // No previous budget: no 上期 column anywhere, and no column left empty.
    assert!(!page.contains(">上期</th>"), "an empty previous column");
    assert_eq!(empty_columns(&page), Vec::<String>::new());
    assert_legends("budget", &page);
    // The limits chart's label is whole, its viewBox wide enough by the estimate.
    assert!(page.contains("122,900 &#x2F; 130,000"), "the cap's label is whole");
    let legends: String = page
        .split("<ul class=\"chart-legend\">")
        .skip(1)
        .map(|l| text(l.split("</ul>").next().unwrap_or("")))
        .collect();
    assert!(legends.contains("竖线：限额") && legends.contains("超限"), "{legends}");
    assert_eq!(english_words(&legends), Vec::<String>::new(), "{legends}");
}

#[test]
fn plans_unit_and_review_pages_name_regions_and_carry_signals() {
    let (_dir, site) = plans_site();
    let unit = read(&site, "units/henan.html");
    assert_legends("unit", &unit);
    // The regional targets name their region (and the groups theirs, summed from regions).
    for (scope, chart) in [("洛阳", "出货量 (洛阳)"), ("郑州", "重点零售店 (郑州)")]
    {
        let rows: Vec<&str> = unit.match_indices("<tr").map(|(i, _)| &unit[i..]).collect();
        assert!(
            rows.iter().any(|r| {
                let r = r.split("</tr>").next().unwrap_or_default();
                cells(r).iter().any(|c| c == scope)
            }),
            "no row scoped to {scope}"
        );
        assert!(unit.contains(chart), "the chart names {chart}");
    }
    assert!(unit.contains("洛三大区") && unit.contains("洛阳合计"), "the group and its sum");
    assert!(!unit.contains('…'), "a label was cut");
    // Standing badges carry an icon and the words.
    assert!(unit.contains("sig-missed") && unit.contains('✗') && unit.contains("未达成"));
    assert!(unit.contains("sig-met") && unit.contains('✓'));
    let legend = unit.split("<ul class=\"chart-legend\">").nth(1).expect("legend");
    let legend = text(legend.split("</ul>").next().unwrap_or_default());
    for words in ["达成", "达保底", "未达成", "目标"] {
        assert!(legend.contains(words), "{legend}");
    }
    assert_eq!(english_words(&legend), Vec::<String>::new(), "{legend}");
    assert_eq!(empty_columns(&unit), Vec::<String>::new());

    let review = read(&site, "reviews/henan-2026-12.html");
    let r = row(&review, "交通费");
    assert!(r.contains("sig-over") && r.contains("+18%") && r.contains("超支"), "{r}");
    assert_eq!(empty_columns(&review), Vec::<String>::new());
}

#[test]
fn without_previous_budget_or_ranges_no_empty_column_in_either_language() {
    for (locale, over, under, range, previous) in [
        ("en", "over budget", "under budget", ">Range</th>", ">Previous</th>"),
        ("zh-CN", "超支", "节余", ">区间</th>", ">上期</th>"),
    ] {
        let repo = small(locale);
        let site = repo.path().join("_site");
        let budget = read(&site, "budgets/henan-2026-12.html");
        let unit = read(&site, "units/henan.html");
        let review = read(&site, "reviews/henan-2026-12.html");
        for (page, html) in [("budget", &budget), ("unit", &unit), ("review", &review)] {
            assert_eq!(empty_columns(html), Vec::<String>::new(), "{locale} {page}");
            assert!(!html.contains(range) && !html.contains(previous), "{locale} {page}");
        }
        let t = row(&budget, "交通费");
        assert!(t.contains("sig-over") && t.contains(over) && t.contains("+180"), "{t}");
        let o = row(&budget, "办公费");
        assert!(o.contains("sig-under") && o.contains(under) && !o.contains(over), "{o}");
        let rent = row(&budget, "房租");
        assert!(rent.contains("sig-even") && !rent.contains(over), "{rent}");
        assert!(row(&review, "交通费").contains("sig-over"));
        // The regional targets are told apart by their region.
        assert!(unit.contains("出货量 (洛阳)") && unit.contains("出货量 (郑州)"), "{locale}");
        assert_legends("unit", &unit);
        if locale == "zh-CN" {
            let legend = unit.split("<ul class=\"chart-legend\">").nth(1).unwrap_or_default();
            let legend = text(legend.split("</ul>").next().unwrap_or_default());
            assert_eq!(english_words(&legend), Vec::<String>::new(), "{legend}");
        }
    }
}

#[test]
fn browser_signals_legends_and_no_text_outside_its_chart() {
    let Some(driver) = browser_driver() else { return };
    let (_dir, site) = plans_site();
    let en = small("en");
    let pages = [
        site.join("budgets/henan-2026-12.html"),
        site.join("units/henan.html"),
        site.join("reviews/henan-2026-12.html"),
        en.path().join("_site/budgets/henan-2026-12.html"),
        en.path().join("_site/units/henan.html"),
    ];
    let spec = serde_json::json!({ "pages": pages, "overspent": [pages[0], pages[3]] });
    let tmp = tempfile::tempdir().expect("tmp");
    run_browser(&driver, "signals.mjs", tmp.path(), &spec);
}
