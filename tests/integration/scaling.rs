//! Cost that grows with the input, not faster: `check` and `build` on generated inputs at 1×
//! and 10× must take about ten times as long, and hostile inputs must finish in bounded memory.
//! Inputs are generated here, never committed.

use std::time::{Duration, Instant};

use crate::support::Repo;

/// A roster of `n` people, each reporting to the one before.
fn chain(n: usize) -> String {
    let mut text = format!(
        "kind: roster\nunit: henan\nposts:\n  - {{ id: rep, title: 业务员, establishment: {n} }}\n\
         people:\n"
    );
    for i in 0..n {
        let up = if i == 0 { String::new() } else { format!(", reports_to: p{}", i - 1) };
        text.push_str(&format!("  - {{ id: p{i}, name: 员工{i}, post: rep{up} }}\n"));
    }
    text
}

/// A budget of `n` lines for `period`, with amounts `scale` times a pattern.
fn budget(n: usize, period: &str, scale: usize) -> String {
    let mut text = format!("kind: budget\nunit: henan\nperiod: {period}\nlines:\n");
    for i in 0..n {
        let amount = scale * (i % 97 + 1);
        text.push_str(&format!(
            "  - {{ id: l{i}, name: 项目{i}, category: c{}, amount: {amount} }}\n",
            i % 7
        ));
    }
    text
}

/// A review reporting spend on each of `n` budget lines.
fn spend(n: usize) -> String {
    let mut text = String::from("kind: review\nunit: henan\nperiod: 2026-12\nspend:\n");
    for i in 0..n {
        text.push_str(&format!("  - {{ line: l{i}, actual: {} }}\n", i % 89 + 1));
    }
    text
}

/// The best of three runs of `planbook ARGS` on `repo`.
fn best_of_three(repo: &Repo, args: &[&str]) -> Duration {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            let run = repo.run(args);
            assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
            start.elapsed()
        })
        .min()
        .expect("three runs")
}

/// Asserts that `args` on `make(10 × n)` takes less than 25 times as long as on `make(n)`
/// (linear would be about 10, quadratic about 100).
fn assert_linear(what: &str, args: &[&str], n: usize, make: impl Fn(usize) -> Repo) {
    let (small, large) = (make(n), make(10 * n));
    let (one, ten) = (best_of_three(&small, args), best_of_three(&large, args));
    let ratio = ten.as_secs_f64() / one.as_secs_f64();
    assert!(ratio < 25.0, "{what}: {n} took {one:?}, {} took {ten:?} ({ratio:.1}×)", 10 * n);
}

// See: issue 10, "Hostile input": a chain 4,000 people deep took 25 s to check.
#[test]
fn checking_a_reporting_chain_scales_linearly() {
    assert_linear("chain", &["check", "--format", "json"], 2_000, |n| {
        Repo::new().file("roster.yaml", chain(n))
    });
}

// See: issue 10, "Hostile input": rendering a budget of 200,000 lines took 83 s.
#[test]
fn building_a_long_budget_scales_linearly() {
    assert_linear("budget", &["build", "--no-history", "-o", "out"], 1_000, |n| {
        Repo::new()
            .file("2026-11.budget.yaml", budget(n, "2026-11", 1))
            .file("2026-12.budget.yaml", budget(n, "2026-12", 2))
            .file("2026-12.review.yaml", spend(n))
    });
}

#[test]
fn a_deep_chain_is_reported_once() {
    let run =
        Repo::new().file("roster.yaml", chain(20_000)).run(["check", "--format", "json"]).code(1);
    let found = run.json();
    assert_eq!(found.len(), 1, "{}", run.stdout);
    assert_eq!(found[0]["rule"], "roster.too-deep");
    assert!(run.stdout.len() < 1_000, "{}", run.stdout);
}

/// Markdown nested 100,000 levels deep in every way pulldown-cmark nests.
fn hostile_markdown(n: usize) -> String {
    format!(
        "---\nkind: plan\nunit: henan\nperiod: 2026-12\ntitle: 计划\n---\n{}引用\n\n{}强调{}\n\n\
         {}括号{}\n\n{}项\n\n{}项\n",
        "> ".repeat(n),
        "*".repeat(n),
        "*".repeat(n),
        "[".repeat(n),
        "]".repeat(n),
        "- ".repeat(n),
        "1. ".repeat(n),
    )
}

// See: issue 10, "Hostile input": such a file made the build abort under 512 MiB.
#[test]
fn deeply_nested_markdown_builds_under_a_512_mib_address_space_limit() {
    if !crate::support::require_tool("prlimit") {
        return;
    }
    let repo = Repo::new().file("2026-12.plan.md", hostile_markdown(100_000));
    let output = std::process::Command::new("prlimit")
        .arg("--as=536870912")
        .arg(env!("CARGO_BIN_EXE_planbook"))
        .args(["build", "--no-history", "-o", "out"])
        .current_dir(repo.path())
        .output()
        .expect("run prlimit");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    let page = walk_html(&repo.path().join("out")).expect("the plan's page");
    assert!(page.contains("引用") && page.contains("强调"));
    assert!(page.matches("<blockquote>").count() <= planbook::render::markdown::MAX_NESTING);
}

/// The concatenated HTML pages under `dir` that mention the plan's narrative.
fn walk_html(dir: &std::path::Path) -> std::io::Result<String> {
    let mut found = String::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            found.push_str(&walk_html(&path)?);
        } else if path.extension().is_some_and(|e| e == "html") {
            let text = std::fs::read_to_string(&path)?;
            if text.contains("引用") {
                found.push_str(&text);
            }
        }
    }
    Ok(found)
}

/// Long texts (a narrative, a budget note) are written into their pages around the rendered
/// template, escaped as the template would have escaped them; a template override that cuts
/// such a text still gets what it asked for.
#[test]
fn long_texts_reach_their_pages_whole_and_escaped() {
    let note = "<运输费> & \u{202e}".repeat(20_000);
    let body = "河南分公司的计划，**落实到人**。\n\n".repeat(10_000);
    let budget = format!(
        "kind: budget\nunit: henan\nperiod: 2026-12\nnote: \"{note}\"\nlines:\n  \
         - {{ id: rent, name: 租赁费, amount: 13000 }}\n"
    );
    let plan = format!("---\nkind: plan\nunit: henan\nperiod: 2026-12\ntitle: 计划\n---\n{body}");
    let repo = Repo::new().file("budget.yaml", &budget).file("plan.md", &plan);
    let run = repo.run(["build", "--no-history", "-q"]);
    assert_eq!(run.code, 0, "{run:?}");
    let page = |repo: &Repo, dir: &str| {
        let folder = repo.path().join("_site").join(dir);
        let file = std::fs::read_dir(&folder).expect("pages").flatten().next().expect("a page");
        std::fs::read_to_string(file.path()).expect("read page")
    };
    let budget_page = page(&repo, "budgets");
    let escaped = "&lt;运输费&gt; &amp; \\u{202e}".repeat(20_000);
    assert!(budget_page.contains(&escaped), "the note is written whole and escaped");
    assert!(!budget_page.contains('\u{E000}'), "no marker is left");
    let plan_page = page(&repo, "plans");
    assert_eq!(plan_page.matches("<strong>落实到人</strong>").count(), 10_000);
    // An override that cuts the note: the page is rendered with the text in the view.
    let repo = repo.file(
        "templates/budget.html",
        "{% extends \"__planbook/page.html\" %}{% block content %}\
         [{{ view.note | truncate(length=5) }}]{% endblock content %}",
    );
    let run = repo.run(["build", "--no-history", "-q"]);
    assert_eq!(run.code, 0, "{run:?}");
    let cut = page(&repo, "budgets");
    let shown: String = cut.chars().take(3000).collect();
    assert!(cut.contains("[&lt;运输费&gt;…]"), "{shown}");
}

/// A roster where half the people form one reporting cycle and the other half report into it.
fn cycle_with_reports(n: usize) -> String {
    let k = n / 2;
    let mut text = format!(
        "kind: roster\nunit: henan\nposts:\n  - {{ id: rep, title: 业务员, establishment: {n} }}\n\
         people:\n"
    );
    for i in 0..n {
        let up = if i < k { (i + 1) % k } else { i % k };
        text.push_str(&format!(
            "  - {{ id: p{i}, name: 员工{i}, post: rep, reports_to: p{up} }}\n"
        ));
    }
    text
}

// Found in review: each person reporting into a cycle walked the whole cycle again.
#[test]
fn people_reporting_into_a_cycle_scale_linearly() {
    assert_linear("cycle", &["check", "--format", "json"], 1_000, |n| {
        Repo::new().file("roster.yaml", cycle_with_reports(n))
    });
}

// Found in review: every repeated heading tried `a`, `a-2`, … `a-k` again from the start.
#[test]
fn many_headings_with_the_same_text_scale_linearly() {
    assert_linear("headings", &["build", "--no-history", "-o", "out"], 1_000, |n| {
        Repo::new().file("pages/notes.md", "# 标题\n\n".repeat(n))
    });
}

// Found in review: lone `\r` line breaks hid container markers from the nesting cap.
#[test]
fn the_nesting_cap_sees_lone_cr_line_breaks() {
    let body = format!("x\r{}deep\r\r{}item\n", "> ".repeat(5_000), "- ".repeat(5_000));
    let repo = Repo::new().file("pages/deep.md", body);
    let run = repo.run(["build", "--no-history", "-o", "out"]);
    assert_eq!(run.code, 0, "{run:?}");
    let page = std::fs::read_to_string(repo.path().join("out/pages/pages/deep.html"));
    let page = page.expect("the page of pages/deep.md");
    assert!(page.matches("<blockquote>").count() <= 32, "blockquotes are not capped");
    assert!(page.matches("<ul>").count() <= 32, "lists are not capped");
}
