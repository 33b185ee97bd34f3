//! Chinese typography and phones: soft line breaks between CJK characters (Markdown bodies and
//! folded YAML text) read without a space, Latin words keep theirs; `planbook serve` leads a
//! list's folder URL (`/budgets`, `/budgets/`) to the list page; and in headless Chromium at
//! 390×844 every page of the zh-CN sample fits the screen, shows no text under 11 px and no
//! space from a soft break (`tests/browser/phone.mjs`).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::support::{browser_driver, copy_tree, project_root, run_browser, run_in};

/// A copy of `plans/` whose henan plan body, budget note and unit description have line breaks
/// between CJK characters, between Latin words, between CJK and Latin, and across emphasis;
/// and with a long Chinese unit name and a long English person's name.
fn plans_with_breaks() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tmp");
    copy_tree(&project_root().join("plans"), tmp.path());
    let edit = |rel: &str, from: &str, to: &str| {
        let path = tmp.path().join(rel);
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(text.contains(from), "{rel} has {from:?}");
        std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
    };
    edit(
        "henan/2026-12.plan.md",
        "## 一、形势判断\n",
        "## 一、形势判断\n\n**重点**\n在于落实：Plain\nwords stay apart；预算\nBudget\n分开。\n\n",
    );
    edit(
        "planbook.yaml",
        "    description: 负责全省十六个地市的手机分销、渠道管理与终端零售推动。",
        concat!(
            "    description: >-\n      负责全省十六个地市的手机分销、\n",
            "      渠道管理与终端零售推动。\n      Sales and\n      channels.",
        ),
    );
    // Long names, Chinese and English, in facts boxes, cards, tables and charts.
    edit(
        "planbook.yaml",
        "name: 城区供电公司",
        "name: 城区供电公司配电网运行营销与客户服务中心第一分中心（试点）",
    );
    edit(
        "power/roster.yaml",
        "name: 何振华",
        "name: Maximilian Featherstonehaugh-Worthingtonshire",
    );
    tmp
}

#[test]
fn soft_breaks_between_cjk_characters_read_without_a_space() {
    let repo = plans_with_breaks();
    let out = repo.path().join("_site");
    run_in(repo.path(), ["build", "-q", "--no-history"]).code(0);
    let read = |rel: &str| std::fs::read_to_string(out.join(rel)).expect(rel);
    let plan = read("plans/henan-2026-12.html");
    // The sample's own soft breaks, CJK punctuation included, and the added paragraph.
    for joined in ["那种大批发", "做实，谁就能", "基础、以终端", "<strong>重点</strong>在于落实"]
    {
        assert!(plan.contains(joined), "plan: {joined}");
    }
    assert!(plan.contains("Plain\nwords stay apart"), "Latin words keep their break");
    assert!(plan.contains("预算\nBudget\n分开"), "CJK and Latin keep theirs");
    assert!(!plan.contains("那种\n大批发") && !plan.contains("那种 大批发"));
    // Folded YAML: the budget's note and the unit's description.
    let budget = read("budgets/henan-2026-12.html");
    assert!(budget.contains("压缩到13万元以内。预算细化到岗位"), "budget note");
    let unit = read("units/henan.html");
    assert!(unit.contains("手机分销、渠道管理与终端零售推动。 Sales and channels."), "unit");
    // The search index carries no stray space either.
    // The search index: its manifest and the chunks of records it loads.
    let mut index = read("search-index.js");
    let mut chunks: Vec<_> = std::fs::read_dir(out.join("search")).unwrap().flatten().collect();
    chunks.sort_by_key(|e| e.file_name());
    for chunk in chunks {
        index.push_str(&std::fs::read_to_string(chunk.path()).unwrap());
    }
    assert!(index.contains("那种大批发") && index.contains("以内。预算细化"), "search index");
    assert!(!index.contains("那种 大批发") && !index.contains("以内。 预算"), "search index");
}

/// Sends a GET request; returns the status line, the `Location` header and the body.
fn get(addr: &str, path: &str) -> (String, Option<String>, String) {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream.set_read_timeout(Some(Duration::from_secs(10))).expect("timeout");
    write!(stream, "GET {path} HTTP/1.0\r\nHost: {addr}\r\n\r\n").expect("send");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("read");
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
    let status = head.lines().next().unwrap_or_default().to_string();
    let location = head.lines().find_map(|l| {
        let (name, value) = l.split_once(':')?;
        name.eq_ignore_ascii_case("location").then(|| value.trim().to_string())
    });
    (status, location, body.to_string())
}

/// A running `planbook serve`, killed when dropped.
struct Serve(std::process::Child, String);

impl Serve {
    fn start(dir: &Path) -> Serve {
        let mut child = Command::new(env!("CARGO_BIN_EXE_planbook"))
            .args(["serve", "--port", "0", "-q", "--no-history"])
            .current_dir(dir)
            .env("LANG", "en_US.UTF-8")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start planbook serve");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout")).read_line(&mut line).expect("read");
        let addr = line.split("http://").nth(1).and_then(|rest| rest.split('/').next());
        let Some(addr) = addr.map(str::to_string) else {
            let _ = child.kill();
            let _ = child.wait();
            panic!("no address in {line:?}");
        };
        Serve(child, addr)
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn serve_leads_every_list_folder_to_its_list_page() {
    let tmp = tempfile::tempdir().expect("tmp");
    copy_tree(&project_root().join("plans"), tmp.path());
    let serve = Serve::start(tmp.path());
    let site = tmp.path().join("_site");
    // Every list page beside a folder of the pages it lists: budgets.html and budgets/, …
    let mut lists = Vec::new();
    for entry in std::fs::read_dir(&site).expect("site") {
        let name = entry.expect("entry").file_name().to_string_lossy().into_owned();
        if let Some(stem) = name.strip_suffix(".html")
            && site.join(stem).is_dir()
        {
            lists.push(stem.to_string());
        }
    }
    lists.sort();
    for want in ["budgets", "people", "plans", "reviews", "units"] {
        assert!(lists.iter().any(|l| l == want), "{want} in {lists:?}");
    }
    for list in &lists {
        let (status, _, page) = get(&serve.1, &format!("/{list}.html"));
        assert!(status.contains(" 200 "), "/{list}.html: {status}");
        assert!(page.contains("<h1"), "/{list}.html is a page");
        for path in [format!("/{list}"), format!("/{list}/")] {
            let (status, location, _) = get(&serve.1, &path);
            assert!(status.contains(" 301 "), "{path}: {status}");
            assert_eq!(location.as_deref(), Some(format!("/{list}.html").as_str()), "{path}");
        }
    }
    // Other paths are as they were: the home page, a page in a folder, a missing page.
    assert!(get(&serve.1, "/").0.contains(" 200 "));
    assert!(get(&serve.1, "/budgets/henan-2026-12.html").0.contains(" 200 "));
    assert!(get(&serve.1, "/budgets/nothing.html").0.contains(" 404 "));
    assert!(get(&serve.1, "/nothing").0.contains(" 404 "));
    // A folder of pages with no list page answers 404 at once, never a redirect to a 404.
    for path in ["/reports", "/reports/"] {
        let (status, location, _) = get(&serve.1, path);
        assert!(status.contains(" 404 ") && location.is_none(), "{path}: {status}");
    }
}

/// The pairs of texts a soft line break separates in the Markdown of `file`: the last two
/// characters of a line and the first two of the next, when all four are CJK and the next
/// line continues the paragraph.
fn soft_break_pairs(markdown: &str) -> Vec<(String, String)> {
    let cjk =
        |c: char| ('\u{3000}'..='\u{9FFF}').contains(&c) || ('\u{FF01}'..='\u{FF5E}').contains(&c);
    let body = markdown
        .strip_prefix("---\n")
        .and_then(|m| m.split_once("\n---\n"))
        .map_or(markdown, |(_, b)| b);
    let lines: Vec<&str> = body.lines().collect();
    let mut fenced = false;
    let mut pairs = Vec::new();
    for w in lines.windows(2) {
        let (a, b) = (w[0].trim(), w[1].trim());
        if a.starts_with("```") {
            fenced = !fenced;
        }
        let block = |l: &str| {
            l.is_empty()
                || l.starts_with(['#', '-', '*', '+', '>', '|', '`', '='])
                || l.split_once(['.', ')']).is_some_and(|(n, _)| n.parse::<u32>().is_ok())
        };
        if fenced || a.is_empty() || a.starts_with(['#', '|']) || block(b) || w[0].ends_with("  ") {
            continue;
        }
        let tail: Vec<char> = a.chars().rev().take(2).collect();
        let head: Vec<char> = b.chars().take(2).collect();
        if tail.len() == 2 && head.len() == 2 && tail.iter().chain(&head).all(|&c| cjk(c)) {
            pairs.push((tail.iter().rev().collect(), head.iter().collect()));
        }
    }
    pairs
}

#[test]
fn browser_phone_layout_of_every_page() {
    let Some(driver) = browser_driver() else { return };
    let repo = plans_with_breaks();
    run_in(repo.path(), ["build", "-q", "--no-history"]).code(0);
    let site = repo.path().join("_site");
    // Plan and review pages, and the soft breaks of their Markdown.
    let mut joined = serde_json::Map::new();
    for unit in ["henan", "power"] {
        for entry in std::fs::read_dir(repo.path().join(unit)).expect("unit folder") {
            let path = entry.expect("entry").path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
            let page = match name.rsplit_once('.').map(|(stem, _)| stem.rsplit_once('.')) {
                Some(Some((stem, "plan"))) => format!("plans/{unit}-{stem}.html"),
                Some(Some((stem, "review"))) => format!("reviews/{unit}-{stem}.html"),
                _ => continue,
            };
            let text = std::fs::read_to_string(&path).expect("read");
            let pairs: Vec<_> = soft_break_pairs(&text).into_iter().map(|(a, b)| [a, b]).collect();
            joined.insert(page, serde_json::json!(pairs));
        }
    }
    let count: usize = joined.values().map(|p| p.as_array().map_or(0, Vec::len)).sum();
    assert!(count >= 10, "the sample has soft breaks between CJK characters: {joined:?}");
    joined.insert("budgets/henan-2026-12.html".into(), serde_json::json!([["以内。", "预算细化"]]));
    let spec = serde_json::json!({ "site": site, "joined": joined });
    let stdout = run_browser(&driver, "phone.mjs", repo.path(), &spec);
    let all = count + 1;
    assert!(stdout.contains(&format!(" {all}/{all} soft-break pairs joined")), "{stdout}");
}
