//! `planbook build` over documents that could not be read (a YAML syntax error in a roster, a
//! schema error in a budget, a review that is not UTF-8): every page still exists, the broken
//! ones show their problems, every link leads somewhere and marks a broken document as such,
//! and the summary says so in English and Chinese; `--deny-errors` publishes nothing and
//! exits 1.

use std::path::{Path, PathBuf};

use crate::safe_text::{html_files, local_links};
use crate::support::{copy_tree, project_root, run_in};

/// A copy of `plans/` with three documents that cannot be read.
pub(crate) fn broken_plans() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tmp");
    copy_tree(&project_root().join("plans"), dir.path());
    let edit = |rel: &str, f: &dyn Fn(Vec<u8>) -> Vec<u8>| {
        let path = dir.path().join(rel);
        let bytes = std::fs::read(&path).expect("read");
        std::fs::write(&path, f(bytes)).expect("write");
    };
    // One `post:` indented by an extra space: the roster is no longer YAML.
    edit("henan/roster.yaml", &|b| {
        let text = String::from_utf8(b).expect("utf-8");
        let at = text.find("    post: regional-manager").expect("a regional manager");
        format!("{} {}", &text[..at], &text[at..]).into_bytes()
    });
    // A word where the schema wants a number.
    edit("henan/2026-12.budget.yaml", &|b| {
        String::from_utf8(b)
            .expect("utf-8")
            .replacen("amount: 5000", "amount: 五千", 1)
            .into_bytes()
    });
    // Two bytes that are not UTF-8 at the end of the title line.
    edit("power/2026.review.md", &|mut b| {
        let title = b.windows(6).position(|w| w == b"title:").expect("title");
        let end = title + b[title..].iter().position(|&c| c == b'\n').expect("line end");
        b.splice(end..end, [b' ', 0xff, 0xfe]);
        b
    });
    dir
}

/// The HTML pages under `site`, relative, sorted.
fn pages(site: &Path) -> Vec<String> {
    let mut files = Vec::new();
    html_files(site, &mut files);
    let mut rel: Vec<String> = files
        .iter()
        .map(|p| p.strip_prefix(site).expect("inside").to_string_lossy().replace('\\', "/"))
        .collect();
    rel.sort();
    rel
}

fn read(site: &Path, page: &str) -> String {
    std::fs::read_to_string(site.join(page)).unwrap_or_else(|e| panic!("{page}: {e}"))
}

fn build(repo: &Path, out: &Path, extra: &[&str]) -> crate::support::Run {
    let mut args = vec!["build", "--no-history", "-o", out.to_str().expect("utf-8")];
    args.extend_from_slice(extra);
    run_in(repo, args)
}

#[test]
fn every_page_stays_and_broken_documents_show_their_problems() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (good, bad) = (tmp.path().join("good"), tmp.path().join("bad"));
    build(&project_root().join("plans"), &good, &["-q"]).code(0);
    let repo = broken_plans();
    let run = build(repo.path(), &bad, &[]).code(0);

    let before = pages(&good);
    let after = pages(&bad);
    // The directory's filters by post and region are made from the data: a roster that could
    // not be read names no posts or regions (its people keep their pages and unit filter).
    let derived =
        |p: &&String| p.starts_with("directory/post-") || p.starts_with("directory/region-");
    let missing: Vec<&String> =
        before.iter().filter(|p| !after.contains(p) && !derived(p)).collect();
    assert!(missing.is_empty(), "pages gone: {missing:?}\n{}", run.stderr);

    // Each broken document's page names the file, and shows each problem with its place, the
    // line with the spot marked, and the help.
    let roster = read(&bad, "rosters/henan.html");
    assert!(roster.contains("yaml.syntax") && roster.contains(":136:6"), "{roster}");
    assert!(roster.contains("<mark>post: regional-manager</mark>"), "the spot is marked");
    assert!(roster.contains("henan&#x2F;roster.yaml"), "the file is named");
    assert!(roster.contains("无法读取"), "the handbook's language says it could not be read");
    // A budget with one bad line still loads without it; its page says what was left out.
    let budget = read(&bad, "budgets/henan-2026-12.html");
    assert!(budget.contains("h-partial") && budget.contains("lines[0].amount"), "{budget}");
    let review = read(&bad, "reviews/power-2026.html");
    assert!(review.contains("file.encoding"), "{review}");
    // People of the broken roster keep a page that leads to it.
    let person = read(&bad, "people/p002.html");
    assert!(person.contains("李志强") && person.contains("rosters&#x2F;henan.html"), "{person}");

    // Links that lead to a broken document say so, in words.
    for page in ["index.html", "problems.html", "units/henan.html", "people.html"] {
        assert!(read(&bad, page).contains("broken-mark\">⚠ 无法读取"), "{page} marks nothing");
    }
    let unit = read(&bad, "units/henan.html");
    assert!(unit.contains("rosters&#x2F;henan.html"), "the unit page links its roster");
    let home = read(&bad, "index.html");
    assert!(home.contains("rosters&#x2F;henan.html"), "the home page lists the roster");
    // A clean handbook marks nothing.
    assert!(!read(&good, "units/henan.html").contains("broken-mark"));

    // Every link of every page leads to a file.
    let mut links = 0;
    for page in &after {
        let html = read(&bad, page);
        let from: PathBuf = bad.join(page).parent().expect("folder").to_path_buf();
        for link in local_links(&html) {
            assert!(from.join(&link).is_file(), "{page}: link {link:?} leads nowhere");
            links += 1;
        }
    }
    assert!(links > 1000, "only {links} links checked");
}

#[test]
fn the_summary_names_the_pages_that_show_problems_in_english_and_chinese() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("site");
    let repo = broken_plans();
    let en = build(repo.path(), &out, &[]).code(0).stderr;
    // The fourth document (or not, once a broken roster no longer makes its people unknown
    // elsewhere) is the review that names people of the broken roster.
    assert!(
        en.contains(
            " documents have errors; 2 could not be read, and their pages show the problems \
             instead of their content:\n"
        ),
        "{en}"
    );
    let shown = |rel: &str| out.join(rel).display().to_string();
    for (doc, page) in [
        ("henan/roster.yaml", "rosters/henan.html"),
        ("power/2026.review.md", "reviews/power-2026.html"),
    ] {
        assert!(en.contains(&format!("  {doc} → {}\n", shown(page))), "{doc} in\n{en}");
    }
    let zh = build(repo.path(), &out, &["--lang", "zh-CN"]).code(0).stderr;
    assert!(zh.contains(" 份文档有错误；其中 2 份无法读取，其页面显示问题而非内容：\n"), "{zh}");
    assert!(zh.contains(&format!("  henan/roster.yaml → {}\n", shown("rosters/henan.html"))));
    // Without documents that could not be read, the line says where the problems are listed.
    let plans = tempfile::tempdir().expect("tmp");
    copy_tree(&project_root().join("plans"), plans.path());
    let path = plans.path().join("henan/2026-12.review.md");
    let text =
        std::fs::read_to_string(&path).expect("read").replacen("person: p013", "person: p999", 1);
    std::fs::write(&path, text).expect("write");
    let one = build(plans.path(), &out, &[]).code(0).stderr;
    assert!(one.contains("1 document has errors; the problems page lists them\n"), "{one}");
    assert!(!one.contains("could not be read"), "{one}");
}

#[test]
fn deny_errors_publishes_nothing_and_exits_1() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("site");
    // A clean repository is published as usual.
    let clean = build(&project_root().join("plans"), &out, &["--deny-errors"]).code(0);
    assert!(out.join("rosters/henan.html").is_file(), "{}", clean.stderr);
    let published = read(&out, "rosters/henan.html");

    let repo = broken_plans();
    let run = build(repo.path(), &out, &["--deny-errors"]).code(1);
    assert!(
        run.stderr.contains(" documents have errors and `--deny-errors` was given, so "),
        "{}",
        run.stderr
    );
    assert!(run.stderr.starts_with("not published: "), "{}", run.stderr);
    for doc in ["henan/roster.yaml", "henan/2026-12.budget.yaml", "power/2026.review.md"] {
        assert!(run.stderr.contains(&format!("  {doc}\n")), "{}", run.stderr);
    }
    assert_eq!(read(&out, "rosters/henan.html"), published, "the published handbook stays");
    let quiet = build(repo.path(), &out, &["--deny-errors", "-q", "--lang", "zh-CN"]).code(1);
    assert!(quiet.stderr.starts_with("未发布："), "{}", quiet.stderr);
    assert!(quiet.stderr.contains("份文档有错误，且指定了 `--deny-errors`"), "{}", quiet.stderr);
    // Without the flag the same repository is published, its broken pages included.
    build(repo.path(), &out, &["-q"]).code(0);
    assert!(read(&out, "rosters/henan.html").contains("yaml.syntax"));
}

#[test]
fn broken_documents_without_a_known_place_get_one_and_private_ones_stay_out() {
    let repo = crate::support::Repo::empty()
        .file("planbook.yaml", crate::support::CONFIG)
        .file(
            "henan/2026-12.budget.yaml",
            "kind: budget\nunit: henan\nperiod: 2026-12\nprivate: true\n\
             lines: [\n  SECRET-LINE: 1\n",
        )
        .file("notes/odd.yaml", "kind: roster\nposts: [\n")
        .file("policies/rules.md", "---\ntitle: [Rules\n---\n# Rules\n");
    let run = repo.run(["build", "--no-history"]).code(0);
    let site = repo.path().join("_site");
    for (doc, page) in [
        ("notes/odd.yaml", "broken/notes/odd.html"),
        ("policies/rules.md", "pages/policies/rules.html"),
    ] {
        assert!(run.stderr.contains(&format!("  {doc} → _site/{page}\n")), "{}", run.stderr);
        assert!(read(&site, page).contains("yaml.syntax"), "{page}");
    }
    let all: String = pages(&site).iter().map(|p| read(&site, p)).collect();
    assert!(!all.contains("SECRET-LINE"), "a private document's text is published");
    assert!(!site.join("budgets/henan-2026-12.html").exists());
    assert!(!run.stderr.contains("budget.yaml"), "{}", run.stderr);
}
