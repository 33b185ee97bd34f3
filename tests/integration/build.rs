//! `planbook build` and `planbook serve`: the handbook of `plans/`, atomic replacement, the
//! output-folder guard, privacy, templates, and (in a real headless browser) loading, links,
//! search and script safety.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{Repo, browser_driver, project_root, require_tool, run_browser, run_in};

/// Every file under `dir` (relative path, contents), sorted.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).expect("inside").to_string_lossy().into_owned();
                out.push((rel, std::fs::read(&path).expect("read")));
            }
        }
    }
    out.sort();
    out
}

/// All text of the handbook in `dir`, concatenated.
fn all_text(dir: &Path) -> String {
    files(dir).into_iter().map(|(_, b)| String::from_utf8_lossy(&b).into_owned()).collect()
}

fn build_plans(out: &Path) {
    run_in(&project_root().join("plans"), ["build", "-q", "-o", out.to_str().expect("utf-8")])
        .code(0);
}

#[test]
fn plans_handbook_has_every_kind_of_page() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("site");
    build_plans(&out);
    for page in [
        "index.html",
        "units/henan.html",
        "rosters/henan.html",
        "people/p001.html",
        "plans/henan-2026-12.html",
        "budgets/henan-2026-12.html",
        "reviews/henan-2026-12.html",
        "trends.html",
        "problems.html",
        "search.html",
        "pages/policies/考评办法.html",
        "search-index.js",
        "assets/style.css",
        ".planbook-handbook",
    ] {
        assert!(out.join(page).is_file(), "missing {page}");
    }
    let budget = std::fs::read_to_string(out.join("budgets/henan-2026-12.html")).expect("read");
    // Money is exact and grouped; the breakdown mismatch of the seed is flagged.
    assert!(budget.contains("122,900"), "total");
    assert!(budget.contains("45,650"), "breakdown of the salary line");
    assert!(budget.contains("<svg"), "a chart");
    assert!(budget.contains("lang=\"zh-CN\""));
    let plan = std::fs::read_to_string(out.join("plans/henan-2026-12.html")).expect("read");
    assert_eq!(plan.matches("<h1").count(), 1, "one h1");
    assert!(plan.contains("href=\"..&#x2F;budgets&#x2F;henan-2026-12.html\""), "linked budget");
    assert!(!plan.contains("2026-12.budget.yaml\""), "Markdown links to documents are rewritten");
    let index = std::fs::read_to_string(out.join("search-index.js")).expect("read");
    assert!(index.starts_with("window.PLANBOOK_SEARCH = "));
    // The records are in the chunks the manifest names.
    let records = std::fs::read_to_string(out.join("search/0.js")).expect("read");
    assert!(index.contains("\"search/0.js?v="), "{index}");
    assert!(records.contains("运输费") && records.contains("考评"));
    let problems = std::fs::read_to_string(out.join("problems.html")).expect("read");
    assert!(problems.contains("budget.breakdown-short"), "the seed's warnings are listed");
}

#[test]
fn building_twice_gives_the_same_files() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("site");
    build_plans(&out);
    let first = files(&out);
    build_plans(&out);
    assert_eq!(first, files(&out));
}

#[test]
fn a_rebuild_replaces_the_folder_whole_and_leaves_nothing_beside_it() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("site");
    build_plans(&out);
    std::fs::write(out.join("stale.html"), "old").expect("write");
    build_plans(&out);
    assert!(!out.join("stale.html").exists(), "the old folder was replaced, not merged");
    let siblings: Vec<_> = std::fs::read_dir(tmp.path()).expect("dir").flatten().collect();
    assert_eq!(siblings.len(), 1, "no temporary folders left: {siblings:?}");
}

#[test]
fn a_failed_build_leaves_the_old_handbook_in_place() {
    let repo = Repo::new().file("templates/page.html", "{% block content %}{% endblock content %");
    let out = repo.path().join("_site");
    std::fs::create_dir_all(&out).expect("mkdir");
    std::fs::write(out.join(".planbook-handbook"), "").expect("marker");
    std::fs::write(out.join("index.html"), "previous").expect("write");
    let run = repo.run(["build"]).code(2);
    assert!(run.stderr.contains("templates"), "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(out.join("index.html")).expect("read"), "previous");
}

#[test]
fn refuses_to_replace_a_folder_planbook_did_not_build() {
    let repo = Repo::new();
    let foreign = tempfile::tempdir().expect("tmp");
    std::fs::write(foreign.path().join("thesis.txt"), "years of work").expect("write");
    let run = repo.run(["build", "-o", foreign.path().to_str().expect("utf-8")]).code(2);
    assert!(run.stderr.contains("refusing to replace"), "{}", run.stderr);
    assert!(foreign.path().join("thesis.txt").is_file());
    // Nor the repository itself, or a folder that contains it.
    repo.run(["build", "-o", "."]).code(2);
    repo.run(["build", "-o", ".."]).code(2);
    assert!(repo.path().join("planbook.yaml").is_file());
    // An empty folder is fine.
    let empty = tempfile::tempdir().expect("tmp");
    repo.run(["build", "-q", "-o", empty.path().to_str().expect("utf-8")]).code(0);
    assert!(empty.path().join("index.html").is_file());
}

#[test]
fn private_documents_reach_no_page_link_or_search_entry() {
    let repo = Repo::fixture("build/private");
    let run = repo.run(["build"]).code(0);
    assert!(run.stderr.contains("3 private documents left out"), "{}", run.stderr);
    let text = all_text(&repo.path().join("_site"));
    for secret in ["SECRET", "secret.budget", "notes.md", "424242", "424,242"] {
        assert!(!text.contains(secret), "{secret} was published");
    }
    assert!(text.contains("Public plan"));
}

#[test]
fn personal_details_are_published_only_when_allowed() {
    let repo = Repo::fixture("build/private");
    repo.run(["build"]).code(0);
    let text = all_text(&repo.path().join("_site"));
    for private in ["555-0101-PHONE", "alice-secret@example.com", "98765", "98,765"] {
        assert!(!text.contains(private), "{private} was published by default");
    }
    assert!(text.contains("Alice Visible"));

    let config = std::fs::read_to_string(repo.path().join("planbook.yaml")).expect("read");
    let repo = repo.file("planbook.yaml", format!("{config}publish:\n  person_fields: [phone]\n"));
    repo.run(["build"]).code(0);
    let text = all_text(&repo.path().join("_site"));
    assert!(text.contains("555-0101-PHONE"), "phone is allowed now");
    assert!(!text.contains("alice-secret@example.com"), "e-mail is still private");
    assert!(!text.contains("98,765"), "pay is still private");
}

/// The element names that planbook's templates and its Markdown renderer write.
const OUR_TAGS: &[&str] = &[
    "html",
    "head",
    "meta",
    "title",
    "link",
    "body",
    "a",
    "header",
    "div",
    "form",
    "label",
    "input",
    "button",
    "nav",
    "ul",
    "ol",
    "li",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "footer",
    "section",
    "article",
    "dl",
    "dt",
    "dd",
    "table",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "span",
    "strong",
    "em",
    "code",
    "pre",
    "blockquote",
    "hr",
    "br",
    "figure",
    "figcaption",
    "svg",
    "g",
    "text",
    "tspan",
    "rect",
    "line",
    "defs",
    "marker",
    "path",
    "polyline",
    "circle",
    "del",
    "sup",
    "bdi",
    // The trends page: a chart's summary and the figures behind it.
    "desc",
    "details",
    "summary",
];

#[test]
fn hostile_text_is_escaped_everywhere() {
    let repo = Repo::fixture("build/hostile");
    repo.run(["build"]).code(0);
    for (path, bytes) in files(&repo.path().join("_site")) {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).expect("utf-8");
        let scripts = html.matches("<script").count();
        assert_eq!(scripts, usize::from(path == "search.html") * 2, "{path} has a <script> tag");
        // Every element in the page is one planbook writes: user text made no tag of its own.
        for (at, _) in html.match_indices('<') {
            let name: String = html[at + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            if name.is_empty() || name == "script" {
                continue;
            }
            assert!(
                OUR_TAGS.contains(&name.as_str()),
                "{path}: <{name}> near {:?}",
                &html[at..(at + 80).min(html.len())]
            );
        }
        assert!(!html.to_ascii_lowercase().contains("<a href=\"javascript:"), "{path}");
    }
}

#[test]
fn a_user_template_overrides_one_block_of_the_builtin() {
    let repo = Repo::new().file(
        "templates/page.html",
        concat!(
            r#"{% extends "__planbook/page.html" %}"#,
            "{% block footer %}Internal use only — {{ site.name }}{% endblock footer %}"
        ),
    );
    repo.run(["build"]).code(0);
    let index = std::fs::read_to_string(repo.path().join("_site/index.html")).expect("read");
    assert!(index.contains("Internal use only — 测试公司"), "{index}");
    assert!(index.contains("<nav"), "the rest of the built-in layout is kept");
}

#[test]
fn the_interface_follows_the_locale() {
    let repo = Repo::new();
    repo.run(["build"]).code(0);
    let zh = std::fs::read_to_string(repo.path().join("_site/index.html")).expect("read");
    assert!(zh.contains("lang=\"zh-CN\"") && zh.contains(">预算<"), "Chinese navigation");
    let repo = repo.file("planbook.yaml", crate::support::CONFIG.replace("zh-CN", "en"));
    repo.run(["build"]).code(0);
    let en = std::fs::read_to_string(repo.path().join("_site/index.html")).expect("read");
    assert!(en.contains("lang=\"en\"") && en.contains(">Budgets<"), "English navigation");
}

/// Sends a GET request and returns the status line and body.
fn get(addr: &str, path: &str) -> (String, String) {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream.set_read_timeout(Some(Duration::from_secs(10))).expect("timeout");
    write!(stream, "GET {path} HTTP/1.0\r\nHost: {addr}\r\n\r\n").expect("send");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("read");
    let status = response.lines().next().unwrap_or_default().to_string();
    let body = response.split_once("\r\n\r\n").map(|(_, b)| b.to_string()).unwrap_or_default();
    (status, body)
}

/// A running `planbook serve`, killed when dropped.
struct Serve {
    child: std::process::Child,
    addr: String,
    stderr: PathBuf,
    _logs: tempfile::TempDir,
}

impl Serve {
    /// Starts `planbook serve --port 0 ARGS` in `dir` and reads its address from its first line.
    /// Its standard error goes to a file outside `dir`, so writing it triggers no rebuild. It
    /// speaks English in the terminal (`LANG`, as `run_in`); ARGS may hold `--lang`.
    fn start(dir: &Path, args: &[&str]) -> Serve {
        let logs = tempfile::tempdir().expect("tmp");
        let stderr = logs.path().join("stderr.txt");
        let mut child = Command::new(env!("CARGO_BIN_EXE_planbook"))
            .args(["serve", "--port", "0"])
            .args(args)
            .current_dir(dir)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "en_US.UTF-8")
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(&stderr).expect("stderr file"))
            .spawn()
            .expect("start planbook serve");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout")).read_line(&mut line).expect("read");
        let addr = line.split("http://").nth(1).and_then(|rest| rest.split('/').next());
        let Some(addr) = addr.map(str::to_string) else {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "no address in {line:?}: {}",
                std::fs::read_to_string(&stderr).unwrap_or_default()
            );
        };
        Serve { child, addr, stderr, _logs: logs }
    }

    fn get(&self, path: &str) -> (String, String) {
        get(&self.addr, path)
    }

    /// Waits (at most 20 s) until a rebuild after `version` has finished; returns the new one.
    fn next_version(&self, version: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let (_, v) = self.get("/__planbook/version");
            if v != version {
                return v;
            }
            assert!(Instant::now() < deadline, "no rebuild after a change");
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    /// What the server has written to standard error so far.
    fn stderr(&self) -> String {
        std::fs::read_to_string(&self.stderr).unwrap_or_default()
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn serve_rebuilds_on_change_and_reloads() {
    let repo = Repo::new();
    let serve = Serve::start(repo.path(), &["-q"]);
    assert!(serve.addr.starts_with("127.0.0.1:"), "bound to localhost by default: {}", serve.addr);
    let (status, page) = serve.get("/");
    assert!(status.contains("200"), "{status}");
    assert!(page.contains("/__planbook/live-reload.js"), "live reload is added");
    assert!(serve.get("/../planbook.yaml").0.contains("400"));
    let (_, v1) = serve.get("/__planbook/version");
    std::fs::write(repo.path().join("news.md"), "# 新闻\n\n年终总结大会。\n").expect("write");
    serve.next_version(&v1);
    let (status, news) = serve.get("/pages/news.html");
    assert!(status.contains("200") && news.contains("年终总结大会"), "{status}");
    assert!(!repo.path().join("_site/news.html").exists());
}

#[test]
fn serve_keeps_the_last_good_handbook_and_says_why_a_rebuild_failed() {
    let repo = Repo::new();
    let serve = Serve::start(repo.path(), &["-q"]);
    let (_, v1) = serve.get("/__planbook/version");
    let broken = "{% block content %}{% endblock content %";
    std::fs::write(repo.path().join("news.md"), "# 新闻\n\n年终总结大会。\n").expect("write");
    let repo = repo.file("templates/page.html", broken);
    let v2 = serve.next_version(&v1);

    let (status, page) = serve.get("/");
    assert!(status.contains("200"), "still serving: {status}");
    // In the handbook's language (zh-CN), whatever the terminal's.
    assert!(page.contains("上一次重建失败"), "a banner on the page: {page}");
    assert!(!page.contains("The last rebuild failed"), "no English banner: {page}");
    assert!(page.contains("templates"), "the banner says why: {page}");
    assert!(page.contains("<nav"), "the last good handbook, not the broken template");
    assert!(serve.get("/pages/news.html").0.contains("404"), "the failed rebuild wrote nothing");
    let on_disk = std::fs::read_to_string(repo.path().join("_site/index.html")).expect("read");
    assert!(!on_disk.contains("rebuild failed"), "the banner is added as pages are served");
    let stderr = serve.stderr();
    assert!(stderr.contains("error: rebuild failed") && stderr.contains("templates"), "{stderr}");

    std::fs::remove_file(repo.path().join("templates/page.html")).expect("fix the template");
    serve.next_version(&v2);
    let (_, page) = serve.get("/");
    assert!(!page.contains("上一次重建失败"), "the banner goes after a good rebuild");
    assert!(serve.get("/pages/news.html").0.contains("200"));
}

#[test]
fn serve_speaks_the_terminal_language_and_the_handbook_language() {
    let repo = Repo::new();
    let serve = Serve::start(repo.path(), &["-q", "--lang", "zh-CN"]);
    let (_, v1) = serve.get("/__planbook/version");
    let repo = repo.file("templates/page.html", "{% block content %}{% endblock content %");
    serve.next_version(&v1);
    let stderr = serve.stderr();
    assert!(stderr.contains("错误：重建失败") && !stderr.contains("rebuild failed"), "{stderr}");
    let (status, body) = serve.get("/missing.html");
    assert!(status.contains("404") && body.contains("未找到"), "{status} {body}");
    drop(repo);
}

#[test]
fn serve_without_history_reads_no_git_history() {
    if !require_tool("git") {
        return;
    }
    let repo = Repo::new().file("news.md", "# 新闻\n\n年终总结大会。\n");
    for args in [
        &["init", "-q"][..],
        &["add", "."],
        &["-c", "user.name=测试员", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"]
            [..],
    ] {
        let mut command = Command::new("git");
        command.args(args).current_dir(repo.path());
        if args[0] == "-c" {
            command.args(["commit", "-q", "-m", "添加新闻页"]);
        }
        assert!(command.status().expect("git").success(), "git {args:?}");
    }
    let serve = Serve::start(repo.path(), &["-q", "--no-history"]);
    let (_, changes) = serve.get("/changes.html");
    assert!(changes.contains("--no-history"), "the page says history was not read: {changes}");
    assert!(!changes.contains("添加新闻页"), "no commit is listed");
    let (_, news) = serve.get("/pages/news.html");
    assert!(news.contains("年终总结大会") && !news.contains("测试员"), "no change history");
}

#[test]
#[cfg(unix)]
fn serve_never_follows_a_link_out_of_the_repository() {
    let outside = tempfile::tempdir().expect("tmp");
    let secret = outside.path().join("secret.md");
    std::fs::write(&secret, "# OUTSIDE-SECRET\n\nOUTSIDE-SECRET body\n").expect("write");
    let repo = Repo::new();
    std::os::unix::fs::symlink(&secret, repo.path().join("notes.md")).expect("symlink");
    let serve = Serve::start(repo.path(), &["-q"]);
    assert!(serve.get("/pages/notes.html").0.contains("404"), "no page for the link");
    let (_, problems) = serve.get("/problems.html");
    assert!(problems.contains("file.link-outside"), "the problems page names the link");
    for path in ["/problems.html", "/search-index.js", "/pages.html"] {
        assert!(!serve.get(path).1.contains("OUTSIDE-SECRET"), "{path}");
    }
}

#[test]
fn browser_loads_every_page_follows_every_link_searches_and_runs_no_hostile_script() {
    let Some(driver) = browser_driver() else { return };
    let tmp = tempfile::tempdir().expect("tmp");
    let site = tmp.path().join("site");
    build_plans(&site);
    let hostile = Repo::fixture("build/hostile");
    hostile.run(["build", "-q"]).code(0);
    let awkward = crate::safe_text::awkward_names_repo();
    awkward.run(["build", "-q"]).code(0);
    // A handbook with documents that could not be read: their pages and the links to them.
    let broken = crate::build_broken::broken_plans();
    run_in(broken.path(), ["build", "-q", "--no-history"]).code(0);
    let spec = serde_json::json!({
        "site": site,
        "hostile": hostile.path().join("_site"),
        "more": [awkward.path().join("_site"), broken.path().join("_site")],
        "search": [["运输费", "reviews/henan-2026-12"], ["考评", "pages/policies/考评办法"]],
        // The search status of the zh-CN handbook is a Chinese sentence.
        "status": ["^找到 [0-9][0-9,]* 个结果$", "^没有找到结果。$"],
    });
    let stdout = run_browser(&driver, "check.mjs", tmp.path(), &spec);
    assert!(stdout.contains("hostile pages"), "{stdout}");
    assert!(stdout.contains(" pages of "), "{stdout}");
}

/// A copy of `plans/` to edit.
fn plans_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tmp");
    crate::support::copy_tree(&project_root().join("plans"), dir.path());
    dir
}

/// The inode of every file under `dir`, by relative path.
#[cfg(unix)]
fn inodes(dir: &Path) -> std::collections::BTreeMap<String, u64> {
    use std::os::unix::fs::MetadataExt;
    files(dir)
        .into_iter()
        .map(|(rel, _)| {
            let ino = std::fs::metadata(dir.join(&rel)).expect("metadata").ino();
            (rel, ino)
        })
        .collect()
}

/// Asserts that serve's output folder in `repo` is, file for file, what a clean build gives.
fn assert_same_as_clean_build(repo: &Path) {
    let clean = tempfile::tempdir().expect("tmp");
    let out = clean.path().join("site");
    run_in(repo, ["build", "-q", "--no-history", "-o", out.to_str().expect("utf-8")]).code(0);
    let (served, built) = (files(&repo.join("_site")), files(&out));
    let names = |f: &[(String, Vec<u8>)]| f.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&served), names(&built), "the same files");
    for ((name, a), (_, b)) in served.iter().zip(&built) {
        assert!(a == b, "`{name}` differs from a clean build");
    }
}

#[test]
#[cfg(unix)]
fn serve_rewrites_only_the_pages_an_edit_changes_and_matches_a_clean_build() {
    let repo = plans_copy();
    let serve = Serve::start(repo.path(), &["--no-history"]);
    let site = repo.path().join("_site");
    let before = inodes(&site);
    let (_, v1) = serve.get("/__planbook/version");
    let review = repo.path().join("henan/2026-12.review.md");
    let mut text = std::fs::read_to_string(&review).expect("read");
    text.push_str("\n补充说明：运输费下季度继续压降。\n");
    std::fs::write(&review, text).expect("write");
    serve.next_version(&v1);
    let (_, page) = serve.get("/reviews/henan-2026-12.html");
    assert!(page.contains("运输费下季度继续压降"), "the edit is on its page");
    assert_same_as_clean_build(repo.path());

    let after = inodes(&site);
    let replaced: Vec<&String> =
        after.iter().filter(|(rel, ino)| before.get(*rel) != Some(ino)).map(|(r, _)| r).collect();
    assert!(replaced.contains(&&"reviews/henan-2026-12.html".to_string()), "{replaced:?}");
    assert!(replaced.contains(&&"search-index.js".to_string()), "{replaced:?}");
    for untouched in ["plans/power-2026.html", "pages/policies/考评办法.html", "assets/style.css"]
    {
        assert!(!replaced.contains(&&untouched.to_string()), "{untouched} was rewritten");
    }
    assert!(replaced.len() * 2 < after.len(), "most pages stay: {replaced:?}");
    assert!(serve.stderr().contains("rendered)"), "{}", serve.stderr());
}

#[test]
fn serve_rebuilds_after_documents_are_deleted_and_added_as_a_clean_build_would() {
    let repo = plans_copy();
    let serve = Serve::start(repo.path(), &["-q", "--no-history"]);
    let (_, v1) = serve.get("/__planbook/version");
    std::fs::remove_file(repo.path().join("power/2027-Q1.plan.md")).expect("delete");
    std::fs::remove_file(repo.path().join("policies/费用管理办法.md")).expect("delete");
    let v2 = serve.next_version(&v1);
    assert!(serve.get("/plans/power-2027-Q1.html").0.contains("404"), "a deleted page is gone");
    assert_same_as_clean_build(repo.path());

    let new = repo.path().join("policies/新想法.md");
    std::fs::write(new, "# 新想法\n\n精简流程。\n").expect("add");
    serve.next_version(&v2);
    let (status, page) = serve.get("/pages/policies/%E6%96%B0%E6%83%B3%E6%B3%95.html");
    assert!(status.contains("200") && page.contains("精简流程"), "{status}");
    assert_same_as_clean_build(repo.path());
}

#[test]
fn a_build_over_an_old_handbook_is_a_clean_build_and_leaves_the_old_files_as_they_were() {
    let repo = plans_copy();
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("site");
    let build = |out: &Path| {
        run_in(repo.path(), ["build", "-q", "--no-history", "-o", out.to_str().expect("utf-8")])
            .code(0);
    };
    build(&out);
    // A reader holding a page of the old handbook keeps reading the old page.
    let old_page = out.join("reviews/henan-2026-12.html");
    let old_text = std::fs::read(&old_page).expect("read");
    let held = std::fs::File::open(&old_page).expect("open");
    let review = repo.path().join("henan/2026-12.review.md");
    let text = std::fs::read_to_string(&review).expect("read") + "\n新增一段结论。\n";
    std::fs::write(&review, text).expect("write");
    build(&out);
    let mut still = Vec::new();
    std::io::Read::read_to_end(&mut &held, &mut still).expect("read held");
    assert_eq!(still, old_text, "the old file was replaced, not written over");
    let fresh = tmp.path().join("fresh");
    build(&fresh);
    assert_eq!(files(&out), files(&fresh), "the same as a build into a new folder");
    assert!(std::fs::read_to_string(&old_page).expect("read").contains("新增一段结论"));
}
