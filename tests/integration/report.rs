//! The monthly report (`reports/<unit>-<period>.html`): one printable page per unit and period
//! in the seed's form and order, and its PDF as the browser prints it (A4, page numbers,
//! table heads repeated, the grand total once), read back with `pdftotext`.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{
    browser_driver, copy_tree, english_words, has_chinese, project_root, require_tool, run_browser,
    run_in,
};

/// The section headings of the zh-CN report, in the seed's order.
const SECTIONS: [&str; 8] = [
    "存在问题",
    "应对措施",
    "定岗定编",
    "费用预算",
    "经营目标",
    "工作安排",
    "考评办法",
    "执行情况",
];

/// Figures of the seed (河南分公司's December plan and budget) the report must show exactly.
const FIGURES: [&str; 12] = [
    "122,900",
    "113,400",
    "130,000",
    "90,000",
    "5 × 400 = 2,000",
    "30 × 250 = 7,500",
    "17 × 1,350 = 22,950",
    "8 × 1,800 = 14,400",
    "46,000",
    "对一线人员缺乏过程监督",
    "日清日结",
    "市场拉动和团队培养",
];

/// Budget lines of `plans/henan/2026-12.budget.yaml`.
const LINES: [&str; 6] = ["办公费", "电话费", "差旅费", "运输费", "教育经费", "财务费用"];

/// `plans/` copied and built into `<copy>/out` (with `extra` arguments).
fn build_plans(extra: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tmp");
    copy_tree(&project_root().join("plans"), dir.path());
    let out = dir.path().join("out");
    let mut args = vec!["build", "-q", "--no-history", "-o", out.to_str().expect("utf-8")];
    args.extend_from_slice(extra);
    run_in(dir.path(), args).code(0);
    (dir, out)
}

/// The text a reader sees of an HTML page's main element.
fn main_text(html: &str) -> String {
    let body = html.split("<main").nth(1).unwrap_or(html);
    let body = body.split("</main>").next().unwrap_or(body);
    let mut out = String::new();
    let mut inside = true;
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
    out.replace("&#x2F;", "/").replace("&amp;", "&")
}

/// Where each of `needles` first occurs in `text`, asserting they occur in that order.
fn assert_in_order(text: &str, needles: &[&str]) {
    let mut from = 0;
    for needle in needles {
        let at = text[from..].find(needle).unwrap_or_else(|| {
            panic!("`{needle}` missing or out of order after byte {from}\n{text}")
        });
        from += at + needle.len();
    }
}

#[test]
fn the_report_page_prints_the_plan_in_the_seeds_order_with_its_figures() {
    let (_dir, out) = build_plans(&[]);
    let html = std::fs::read_to_string(out.join("reports/henan-2026-12.html")).expect("report");
    assert_eq!(html.matches("<h1").count(), 1, "{html}");
    assert!(html.contains("河南分公司月度报告（2026年12月）"), "{html}");
    let text = main_text(&html);
    let headings: Vec<String> = SECTIONS.iter().map(|s| format!("、{s}")).collect();
    assert_in_order(&text, &headings.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(text.contains("1、存在问题") && text.contains("8、执行情况"), "{text}");
    for figure in FIGURES.iter().chain(&LINES) {
        assert!(text.contains(figure), "`{figure}` missing\n{text}");
    }
    // The establishment as of the roster's own day (its `as_of`, 1 Dec), which comes before the
    // period's last day: 30 in establishment, 36 on staff.
    assert!(text.contains("在岗人数截至2026年12月1日"), "{text}");
    assert!(html.contains("<td class=\"num\">30</td><td class=\"num\">36</td>"), "{html}");
    assert!(text.contains("安鹤濮大区") && text.contains("编制外"), "{text}");
    // Targets with their scope, the region included; actuals once reviewed.
    assert!(text.contains("地区：洛阳") && text.contains("7,420"), "{text}");
    assert!(text.contains("保底") && text.contains("每名业务员"), "{text}");
    // The evaluation scheme: groups, points, a computed component's scale.
    assert!(text.contains("基本工作60%") && text.contains("每项得分：0—120分"), "{text}");
    assert!(text.contains("达到保底得60分，达到目标得100分，最高120分"), "{text}");
    // The budget's grand total is one row, in the table's foot.
    assert_eq!(html.matches("class=\"grand-total\"").count(), 1);
    // Measures answer problems by number, linked to them.
    assert!(html.contains("href=\"#problem-oversight\""), "{html}");
    assert!(html.contains("id=\"problem-oversight\""), "{html}");
    // A zh-CN report shows no English (currency codes and data aside).
    let words: Vec<String> = english_words(&text)
        .into_iter()
        .filter(|w| !["CNY", "IP", "hospitality"].contains(&w.as_str()))
        .collect();
    assert!(words.is_empty(), "{words:?}\n{text}");
    assert!(has_chinese(&text));

    // The plan and budget pages link to it.
    for page in ["plans/henan-2026-12.html", "budgets/henan-2026-12.html"] {
        let html = std::fs::read_to_string(out.join(page)).expect("page").replace("&#x2F;", "/");
        assert!(html.contains("href=\"../reports/henan-2026-12.html\">打印月度报告</a>"), "{html}");
    }
    // A unit and period without a budget: the section is left out, never shown empty.
    let power = std::fs::read_to_string(out.join("reports/power-2027.html")).expect("power");
    assert!(!power.contains("r-budget") && !power.contains("费用预算"), "{power}");
    assert!(power.contains("工作报告"), "{power}");
}

#[test]
fn the_english_report_has_the_same_sections_in_english() {
    let (_dir, out) = build_plans(&["--lang", "en"]);
    let html = std::fs::read_to_string(out.join("reports/henan-2026-12.html")).expect("report");
    let text = main_text(&html);
    assert_in_order(
        &text,
        &[
            "1. Problems",
            "2. Measures",
            "3. Establishment",
            "4. Budget",
            "5. Targets",
            "6. Schedule",
            "7. Evaluation scheme",
            "8. Results",
        ],
    );
    assert!(text.contains("122,900") && text.contains("On staff as of 1 Dec 2026"), "{text}");
    assert!(html.contains(">Monthly report</a>") || text.contains("monthly report"), "{text}");
}

/// Prints `pages` (HTML file, PDF file) with the browser script; `None` when the tools are
/// missing outside CI.
fn print_pdfs(pages: &[(PathBuf, PathBuf)]) -> Option<()> {
    if !require_tool("pdftotext") {
        return None;
    }
    let driver = browser_driver()?;
    let tmp = tempfile::tempdir().expect("tmp");
    run_browser(&driver, "report.mjs", tmp.path(), &serde_json::json!({ "pages": pages }));
    Some(())
}

/// The text of a PDF laid out as printed, one string per page.
fn pdf_pages(pdf: &Path) -> Vec<String> {
    let output = Command::new("pdftotext").arg("-layout").arg(pdf).arg("-").output().expect("run");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8(output.stdout).expect("utf-8");
    let mut pages: Vec<String> = text.split('\x0c').map(str::to_string).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// The pages (from 0) holding a row that starts with `head` and shows `figure`.
fn rows_with(pages: &[String], head: &str, figure: &str) -> Vec<usize> {
    let mut found = Vec::new();
    for (n, page) in pages.iter().enumerate() {
        for line in page.lines() {
            if line.trim_start().starts_with(head) && line.contains(figure) {
                found.push(n);
            }
        }
    }
    found
}

/// Every page shows `n / total` at its foot.
fn assert_page_numbers(pages: &[String]) {
    let total = pages.len();
    for (n, page) in pages.iter().enumerate() {
        let squeezed: String = page.chars().filter(|c| !c.is_whitespace()).collect();
        let number = format!("{}/{total}", n + 1);
        assert!(squeezed.ends_with(&number), "page {} has no `{number}`:\n{page}", n + 1);
    }
}

#[test]
fn the_printed_report_has_its_sections_in_order_page_numbers_and_the_total_once() {
    let (dir, out) = build_plans(&[]);
    let report = dir.path().join("report.pdf");
    let budget = dir.path().join("budget.pdf");
    let pages = [
        (out.join("reports/henan-2026-12.html"), report.clone()),
        (out.join("budgets/henan-2026-12.html"), budget.clone()),
    ];
    if print_pdfs(&pages).is_none() {
        return;
    }
    let printed = pdf_pages(&report);
    assert!(printed.len() >= 3, "{} pages", printed.len());
    let all = printed.join("\n");
    assert_in_order(&all, &SECTIONS);
    for figure in FIGURES.iter().chain(&LINES) {
        assert!(all.contains(figure), "`{figure}` missing from the PDF\n{all}");
    }
    // The grand total exactly once, though the budget table spans pages (its head repeats).
    let totals = rows_with(&printed, "合计", "122,900");
    assert_eq!(totals.len(), 1, "the grand total is printed {} times\n{all}", totals.len());
    let first_line = rows_with(&printed, "办公费", "5,000");
    assert_eq!(first_line.len(), 1, "{all}");
    assert!(first_line[0] < totals[0], "the budget table fits one page; nothing is tested\n{all}");
    let heads = rows_with(&printed, "科目", "金额").len();
    assert!(heads >= 2, "the budget table's head is printed {heads} times\n{all}");
    assert_page_numbers(&printed);
    // No navigation, search or header chrome.
    for chrome in ["首页", "搜索", "最近修改", "跳到正文", "planbook", "修改记录"] {
        assert!(!all.contains(chrome), "`{chrome}` printed\n{all}");
    }

    // Every page prints by the same rules: the budget page's total row once, numbered pages.
    let printed = pdf_pages(&budget);
    let all = printed.join("\n");
    let totals = rows_with(&printed, "合计", "122,900");
    assert_eq!(totals.len(), 1, "the budget page prints its total {} times\n{all}", totals.len());
    assert_page_numbers(&printed);
    assert!(!all.contains("首页") && !all.contains("搜索"), "{all}");
}
