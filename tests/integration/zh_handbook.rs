//! The handbook speaks one language throughout: `plans/` (`locale: zh-CN`) built as it is
//! shows no English a reader could see — text, `title`, `alt`, `aria-label` and `placeholder`
//! — besides words of the data; an English repository shows no Chinese; and `plans/` built
//! with `--lang en` shows no Chinese that is not in its data.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::support::{Repo, copy_tree, project_root, run_in};

/// ASCII words a Chinese page may show although the data does not hold them: names.
const NAMES: &[&str] = &["planbook", "JavaScript", "git"];

/// The `.html` files under `dir`, by path relative to it.
fn pages(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "html") {
                let rel = path.strip_prefix(dir).expect("inside").to_string_lossy().into_owned();
                out.push((rel, std::fs::read_to_string(&path).expect("read page")));
            }
        }
    }
    out.sort();
    out
}

/// Every file under `dir` except `.git`, as text.
fn data_files(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.file_name().is_some_and(|n| n == ".git" || n == "_site") {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(text) = std::fs::read_to_string(&path) {
                out.push((path, text));
            }
        }
    }
    out
}

/// The text of the data a page may show: YAML values (not keys, not comments) and Markdown
/// text, one line each.
fn data_values(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for (path, text) in data_files(dir) {
        let yaml = path.extension().is_some_and(|e| e == "yaml" || e == "yml");
        for line in text.lines() {
            let l = line.trim().trim_start_matches("- ");
            if yaml && l.starts_with('#') {
                continue;
            }
            let key_end = l.find(':').filter(|&at| {
                at > 0 && l[..at].chars().all(|c| c.is_ascii_alphanumeric() || "_-".contains(c))
            });
            out.push(match key_end {
                Some(at) => l[at + 1..].to_string(),
                None => l.to_string(),
            });
        }
    }
    out
}

/// The values of `key:` in the data (`category`, `class`).
fn values_of(dir: &Path, key: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (_, text) in data_files(dir) {
        for (at, _) in text.match_indices(&format!("{key}: ")) {
            let before = text[..at].chars().next_back();
            if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
                continue;
            }
            let value: String = text[at + key.len() + 2..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            if !value.is_empty() {
                out.insert(value);
            }
        }
    }
    out
}

/// `&amp;`, `&#x2F;`, `&#39;`… decoded.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(end) = rest.find(';').filter(|&e| e < 12) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..end];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "nbsp" => Some(' '),
            _ => entity.strip_prefix('#').and_then(|n| {
                let code = match n.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => n.parse().ok(),
                };
                code.and_then(char::from_u32)
            }),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// What a reader of `html` can see: the text outside tags (not in `<script>` or `<style>`)
/// and the `title`, `alt`, `aria-label` and `placeholder` attributes, one piece each.
fn visible(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push(unescape(&rest[..open]));
        rest = &rest[open..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |e| &after[e + 3..]);
            continue;
        }
        let end = rest.find('>').map_or(rest.len(), |e| e + 1);
        let tag = &rest[..end];
        for attr in ["title", "alt", "aria-label", "placeholder"] {
            let needle = format!(" {attr}=\"");
            if let Some(at) = tag.find(&needle) {
                let value = &tag[at + needle.len()..];
                out.push(unescape(&value[..value.find('"').unwrap_or(value.len())]));
            }
        }
        rest = &rest[end..];
        for element in ["script", "style"] {
            if tag.starts_with(&format!("<{element}")) {
                let close = format!("</{element}>");
                rest = rest.find(&close).map_or("", |e| &rest[e + close.len()..]);
            }
        }
    }
    out.push(unescape(rest));
    out
}

/// `html` without what diagnostics say: their wording belongs to the rules that report them,
/// and they quote the source (whose keys are English); `language.rs` checks the problems page
/// with the quoted lines left out, and every rule's fixture in Chinese. The badge and the rule
/// id stay.
fn without_diagnostic_messages(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<article class=\"diagnostic") {
        out.push_str(&rest[..at]);
        let end = rest[at..].find("</article>").map_or(rest.len(), |e| at + e);
        let article = &rest[at..end];
        let badge = article.find("<span class=\"badge").map_or("", |b| {
            let close = article[b..].find("</span>").map_or(article.len(), |e| b + e + 7);
            &article[b..close]
        });
        out.push_str(badge);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// `text` without what is not prose: commands in backticks and `--flags`.
fn prose(text: &str) -> String {
    let mut out = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 0 {
            out.push_str(part);
            out.push(' ');
        }
    }
    out.split_whitespace().filter(|w| !w.starts_with("--")).collect::<Vec<_>>().join(" ")
}

fn ascii_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| !w.is_empty())
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

fn cjk_runs(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !is_cjk(c)).filter(|w| !w.is_empty())
}

/// A copy of `plans/` built with `args` into `<copy>/out`.
fn build_plans(args: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tmp");
    copy_tree(&project_root().join("plans"), dir.path());
    let out = dir.path().join("out");
    let mut all = vec!["build", "-q", "--no-history", "-o", out.to_str().expect("utf-8")];
    all.extend_from_slice(args);
    run_in(dir.path(), all).code(0);
    (dir, out)
}

#[test]
fn the_chinese_handbook_shows_no_english_but_the_data() {
    let (repo, out) = build_plans(&[]);
    let values = data_values(repo.path());
    let data: BTreeSet<&str> = values.iter().flat_map(|v| ascii_words(v)).collect();
    let mut ids = values_of(repo.path(), "category");
    ids.extend(values_of(repo.path(), "class"));
    assert!(ids.contains("personnel") && ids.contains("management"), "{ids:?}");
    let mut english = BTreeSet::new();
    let mut raw_ids = BTreeSet::new();
    let pages = pages(&out);
    assert!(pages.len() > 50, "{} pages", pages.len());
    for (page, html) in &pages {
        for piece in visible(&without_diagnostic_messages(html)) {
            let text = prose(&piece);
            for word in ascii_words(&text) {
                if ids.contains(word) {
                    raw_ids.insert(format!("{page}: `{word}` in {:?}", text.trim()));
                }
                if !data.contains(word) && !NAMES.contains(&word) {
                    english.insert(format!("{page}: {word:?} in {:?}", text.trim()));
                }
            }
        }
    }
    assert!(english.is_empty(), "English on Chinese pages:\n{}", join(&english));
    assert!(raw_ids.is_empty(), "category or class ids shown raw:\n{}", join(&raw_ids));
    // The search page carries its status sentences for the script.
    let search = std::fs::read_to_string(out.join("search.html")).expect("search page");
    assert!(search.contains("data-found-other=\"找到 {count} 个结果\""), "{search}");
}

#[test]
fn a_lower_is_better_kpi_has_a_ceiling_not_a_floor() {
    let (_repo, out) = build_plans(&[]);
    // power's 2026 plan mixes both directions (reliability, complaints): each row says which.
    let plan = std::fs::read_to_string(out.join("plans/power-2026.html")).expect("plan page");
    let text = visible(&plan).concat();
    assert!(text.contains("保底/上限"), "a neutral head for a mixed table: {text}");
    assert!(text.contains("上限") && text.contains("保底"), "each row says which: {text}");
    let review = std::fs::read_to_string(out.join("reviews/power-2026.html")).expect("review");
    assert!(visible(&review).concat().contains("未超上限"), "a standing that reads right");
}

#[test]
fn an_english_handbook_shows_no_chinese() {
    let repo = english_repo();
    repo.run(["build", "-q", "--no-history"]).code(0);
    let out = repo.path().join("_site");
    let pages = pages(&out);
    assert!(pages.len() > 15, "{} pages", pages.len());
    let mut chinese = BTreeSet::new();
    let mut all = String::new();
    for (page, html) in &pages {
        for piece in visible(html) {
            if piece.chars().any(is_cjk) {
                chinese.insert(format!("{page}: {:?}", piece.trim()));
            }
            all.push_str(&piece);
            all.push(' ');
        }
    }
    assert!(chinese.is_empty(), "Chinese on English pages:\n{}", join(&chinese));
    for words in ["Floor / ceiling", "Ceiling", "within ceiling", "Vehicles and freight"] {
        assert!(all.contains(words), "{words:?} missing from the English handbook");
    }
    // Categories and classes by their names, in tables and charts alike.
    assert!(all.contains("Field sales"), "the post class by its name");
    for id in ["logistics", "sales"] {
        let raw = pages.iter().flat_map(|(_, h)| visible(h)).any(|p| p.trim() == id);
        assert!(!raw, "`{id}` shown by its id");
    }
    assert!(all.contains("1 Dec 2026") || all.contains("Dec 2026"), "English periods");
    let search = std::fs::read_to_string(out.join("search.html")).expect("search page");
    assert!(search.contains("data-found-other=\"{count} results\""), "{search}");
}

#[test]
fn plans_in_english_show_no_chinese_but_the_data() {
    let (repo, out) = build_plans(&["--lang", "en"]);
    let data: String = data_files(repo.path()).into_iter().map(|(_, t)| t).collect();
    let mut chinese = BTreeSet::new();
    for (page, html) in pages(&out) {
        for piece in visible(&without_diagnostic_messages(&html)) {
            for run in cjk_runs(&piece) {
                if !data.contains(run) {
                    chinese.insert(format!("{page}: {run:?} in {:?}", piece.trim()));
                }
            }
        }
    }
    assert!(chinese.is_empty(), "Chinese UI text on English pages:\n{}", join(&chinese));
    let index = std::fs::read_to_string(out.join("index.html")).expect("index");
    assert!(index.contains("lang=\"en\"") && index.contains(">Budgets<"), "English navigation");
}

fn join(items: &BTreeSet<String>) -> String {
    items.iter().take(60).cloned().collect::<Vec<_>>().join("\n")
}

/// A small repository in English: units, a roster with classes, two budgets with categories,
/// a plan with targets of both directions and tasks, its review, a free page.
fn english_repo() -> Repo {
    Repo::empty()
        .file("planbook.yaml", EN_CONFIG)
        .file("east.roster.yaml", EN_ROSTER)
        .file("east-2026-11.budget.yaml", EN_BUDGET_NOV)
        .file("east-2026-12.budget.yaml", EN_BUDGET_DEC)
        .file("east-2026-12.plan.md", EN_PLAN)
        .file("east-2026-12.review.md", EN_REVIEW)
        .file("handbook.md", "# Welcome\n\nHow we plan, in one page.\n")
}

const EN_CONFIG: &str = "\
name: Acme Holdings
locale: en
currency: USD
categories: { logistics: Vehicles and freight }
post_classes: { sales: Field sales }
units:
  - { id: hq, name: Head office }
  - { id: east, name: East branch, parent: hq, description: Sales in the eastern region. }
kpis:
  - { id: sales, name: Sales, unit: pcs, aggregate: sum, better: higher }
  - { id: costs, name: Costs, unit: USD, aggregate: sum, better: lower }
  - { id: complaints, name: Complaints, unit: cases, aggregate: sum, better: lower }
";

const EN_ROSTER: &str = "\
kind: roster
unit: east
title: East branch roster
posts:
  - { id: boss, title: Branch manager, class: management, establishment: 1 }
  - { id: rep, title: Sales rep, class: sales, establishment: 3, reports_to: boss }
people:
  - { id: e1, name: Alice Smith, post: boss, since: 2026-01-05 }
  - { id: e2, name: Bob Jones, post: rep, reports_to: e1, since: 2026-03-01 }
";

const EN_BUDGET_NOV: &str = "\
kind: budget
unit: east
period: 2026-11
title: East branch budget, November 2026
currency: USD
lines:
  - { id: pay, name: Salaries, category: personnel, amount: 9000 }
  - { id: rent, name: Rent, category: office, amount: 2000 }
";

const EN_BUDGET_DEC: &str = "\
kind: budget
unit: east
period: 2026-12
title: East branch budget, December 2026
currency: USD
sections:
  - { id: ops, name: Operations }
lines:
  - id: pay
    name: Salaries
    category: personnel
    section: ops
    amount: 9500
    breakdown:
      - { name: Reps, quantity: 3, unit_price: 2500, post: rep }
      - { name: Manager, quantity: 1, unit_price: 2000, post: boss }
  - { id: rent, name: Rent, category: office, section: ops, amount: 2000 }
  - { id: trucks, name: Trucks, category: logistics, amount: 1500 }
";

const EN_PLAN: &str = "\
---
kind: plan
unit: east
period: 2026-12
title: East branch plan, December 2026
owner: e1
targets:
  - { kpi: sales, floor: 800, target: 1000 }
  - { kpi: costs, floor: 14000, target: 12000 }
  - { kpi: complaints, target: 2 }
tasks:
  - { id: hire, name: Hire two reps, owner: e1, start: 2026-12-01, duration: 2w }
  - { id: train, name: Train the reps, owner: e2, start: 2026-12-15, duration: 1w, \
depends_on: [hire] }
---
# Plan

We sell more and spend less.
";

const EN_REVIEW: &str = "\
---
kind: review
unit: east
period: 2026-12
title: East branch review, December 2026
plan: east-2026-12.plan.md
author: e1
actuals:
  - { kpi: sales, actual: 900 }
  - { kpi: costs, actual: 13000 }
  - { kpi: complaints, actual: 1 }
tasks:
  - { task: hire, status: done }
  - { task: train, status: in-progress }
---
# Review

Sales grew; costs stayed under the ceiling.
";
