//! Hostile text from documents, file names and commits reaches a terminal only as visible
//! escapes; commit metadata is decoded by its declared encoding; lone CR, CRLF and LF each end
//! a line for positions and excerpts.

use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;
use std::path::Path;
use std::process::Command;

use crate::support::{Repo, run_in};

/// Clears the screen and prints a fake success line, when printed raw.
const FAKE_PASS: &str = r#"\x1b[2J\x1b[32mAll checks passed\u202e"#;

/// A file name with a line break and a right-to-left override.
const EVIL_NAME: &str = "henan/a\n\u{202e}lmth.yaml";

/// Fails when `text` holds a raw escape, carriage return or bidi override.
fn assert_inert(what: &str, text: &str) {
    for bad in ['\x1b', '\r', '\u{202e}', '\u{9b}'] {
        assert!(!text.contains(bad), "{what} holds a raw {bad:?}:\n{text}");
    }
}

fn hostile_repo() -> Repo {
    Repo::new()
        .file(
            "henan/roster.yaml",
            format!(
                "kind: roster\nunit: henan\n\"{FAKE_PASS}\": 1\nposts:\n  \
                 - {{ id: staff, title: 员工, establishment: 2 }}\npeople:\n  \
                 - {{ id: p001, name: 张三, post: staff, reports_to: \"{FAKE_PASS}\" }}\n"
            ),
        )
        .file(EVIL_NAME, "kind: roster\nunit: henan\nbogus: 1\n")
}

#[test]
fn check_escapes_hostile_values_keys_and_file_names_in_every_format() {
    let repo = hostile_repo();
    let human = repo.run(["check"]).code(1);
    assert_inert("human output", &human.stderr);
    assert!(
        human.stderr.contains("unknown field `\\u{1b}[2J\\u{1b}[32mAll checks passed\\u{202e}`"),
        "{}",
        human.stderr
    );
    assert!(human.stderr.contains("--> henan/a\\u{a}\\u{202e}lmth.yaml:3:1"), "{}", human.stderr);
    assert!(human.stderr.contains("is not a valid id"), "{}", human.stderr);

    let short = repo.run(["check", "--format", "short"]).code(1);
    assert_inert("short output", &short.stdout);
    for line in short.stdout.lines() {
        assert!(line.starts_with("henan/"), "a value broke the line: {line:?}");
    }
    assert!(
        short.stdout.contains("henan/a\\u{a}\\u{202e}lmth.yaml:3:1: error"),
        "{}",
        short.stdout
    );

    let github = repo.run(["check", "--format", "github"]).code(1);
    assert_inert("github output", &github.stdout);
    assert!(github.stdout.lines().all(|l| l.starts_with("::error file=")), "{}", github.stdout);
    assert!(github.stdout.contains("\\u{1b}[2J"), "{}", github.stdout);

    let json = repo.run(["check", "--format", "json"]).code(1);
    assert_inert("json output", &json.stdout);
    let diags = json.json();
    // The JSON stays faithful: the escapes decode to the original characters.
    assert!(diags.iter().any(|d| d["file"] == EVIL_NAME), "{}", json.stdout);
    let fake = "\x1b[2J\x1b[32mAll checks passed\u{202e}";
    assert!(diags.iter().any(|d| d["message"].as_str().unwrap().contains(fake)));
}

#[test]
fn raw_control_characters_in_an_excerpt_are_shown_as_escapes_under_wider_carets() {
    let repo = Repo::new().file("henan/roster.yaml", "kind: roster\nunit: \u{1b}[2J\u{202e}x: [\n");
    let run = repo.run(["check"]).code(1);
    assert_inert("human output", &run.stderr);
    assert!(run.stderr.contains("unit: \\u{1b}[2J\\u{202e}x: ["), "{}", run.stderr);
}

#[test]
fn lone_cr_crlf_and_lf_each_end_a_line_for_positions_and_excerpts() {
    let cr_only = "kind: roster\runit: henan\rtitle: x\rbogus: 1\rposts: []\rpeople: []\r";
    let repo = Repo::new().file("henan/roster.yaml", cr_only);
    let run = repo.run(["check"]).code(1);
    assert!(run.stderr.contains("--> henan/roster.yaml:4:1"), "{}", run.stderr);
    assert!(run.stderr.contains("4 | bogus: 1\n  | ^^^^^"), "{}", run.stderr);

    let mixed = "kind: roster\nunit: henan\r\ntitle: x\rposts: []\r\npeople: []\rbad: [ 名字\n";
    let repo = Repo::new().file("henan/roster.yaml", mixed);
    let run = repo.run(["check", "--format", "json"]).code(1);
    let diags = run.json();
    assert_eq!(diags.len(), 1, "{}", run.stdout);
    assert_eq!((&diags[0]["line"], &diags[0]["column"]), (&6.into(), &6.into()), "{}", run.stdout);
    let run = repo.run(["check"]).code(1);
    assert!(run.stderr.contains("6 | bad: [ 名字\n  |      ^"), "{}", run.stderr);

    let old_mac_page = "---\rtitle: x\rbogus: 1\r---\r# Hi\r";
    let run = Repo::new().file("p.md", old_mac_page).run(["check"]).code(1);
    assert!(run.stderr.contains("--> p.md:3:1"), "{}", run.stderr);
    assert!(run.stderr.contains("3 | bogus: 1\n  | ^^^^^"), "{}", run.stderr);
}

fn git(dir: &Path, env: &[(&str, OsString)], args: &[&str]) {
    let output = Command::new("git")
        .args(["-c", "user.name=Tester", "-c", "user.email=t@example.com"])
        .args(["-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"])
        .args(args)
        .envs(env.iter().map(|(k, v)| (k, v)))
        .current_dir(dir)
        .output()
        .expect("run git");
    assert!(output.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&output.stderr));
}

/// A repository whose second commit has a hostile author and subject, renames a page to a
/// hostile file name and gives a person a hostile name.
fn hostile_history() -> Repo {
    let repo = Repo::empty();
    let dir = repo.path();
    git(dir, &[], &["init", "-q"]);
    run_in(dir, ["init", "-q", "--unit", "henan", "--period", "2026-12", "."]).code(0);
    git(dir, &[], &["add", "-A"]);
    git(dir, &[], &["commit", "-qm", "start"]);
    let roster = dir.join("henan/roster.yaml");
    let text = std::fs::read_to_string(&roster).unwrap();
    std::fs::write(&roster, text.replace("name: 王磊", &format!("name: \"{FAKE_PASS}\""))).unwrap();
    git(dir, &[], &["mv", "policies/考评办法.md", "policies/a\n\u{202e}lmth.md"]);
    std::fs::write(dir.join(".git/msg"), "\x1b[2J\x1b[32mAll good\u{202e}\n").unwrap();
    let author = OsString::from("Eve \x1b[31mRed\u{202e}");
    git(dir, &[("GIT_AUTHOR_NAME", author)], &["commit", "-qa", "-F", ".git/msg"]);
    repo
}

#[test]
fn log_diff_and_blame_escape_names_paths_values_and_messages() {
    let repo = hostile_history();
    for format in ["human", "markdown", "json"] {
        let log = repo.run(["log", "--format", format]).code(0);
        assert_inert(&format!("log --format {format}"), &log.stdout);
        let diff = repo.run(["diff", "HEAD~1", "HEAD", "--format", format]).code(0);
        assert_inert(&format!("diff --format {format}"), &diff.stdout);
        let blame = repo.run(["blame", "henan/roster.yaml", "--format", format]).code(0);
        assert_inert(&format!("blame --format {format}"), &blame.stdout);
    }
    let log = repo.run(["log"]).code(0).stdout;
    for shown in [
        "Eve \\u{1b}[31mRed\\u{202e}",
        "\\u{1b}[2J\\u{1b}[32mAll good\\u{202e}",
        "(policies/a\\u{a}\\u{202e}lmth.md) moved from policies/考评办法.md",
        "\\u{1b}[2J\\u{1b}[32mAll checks passed\\u{202e}",
    ] {
        assert!(log.contains(shown), "missing {shown:?} in\n{log}");
    }
    let blame = repo.run(["blame", "henan/roster.yaml"]).code(0).stdout;
    assert!(blame.contains("Eve \\u{1b}[31mRed\\u{202e}"), "{blame}");
    let json = repo.run(["log", "--format", "json"]).code(0).stdout;
    let log: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(log["commits"][0]["commit"]["author"], "Eve \x1b[31mRed\u{202e}");
}

#[test]
fn commit_metadata_is_decoded_by_its_declared_encoding() {
    let repo = Repo::empty();
    let dir = repo.path();
    git(dir, &[], &["init", "-q"]);
    run_in(dir, ["init", "-q", "--unit", "henan", "--period", "2026-12", "."]).code(0);
    git(dir, &[], &["add", "-A"]);
    // "Größe geändert" and "Jürgen Müller" in ISO-8859-1.
    std::fs::write(dir.join(".git/msg"), b"Gr\xf6\xdfe ge\xe4ndert\n").unwrap();
    let author = OsString::from_vec(b"J\xfcrgen M\xfcller".to_vec());
    git(
        dir,
        &[("GIT_AUTHOR_NAME", author)],
        &["-c", "i18n.commitEncoding=ISO-8859-1", "commit", "-q", "-F", ".git/msg"],
    );
    let run = repo.run(["log", "--format", "json"]).code(0);
    let log: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let commit = &log["commits"][0]["commit"];
    assert_eq!(commit["author"], "Jürgen Müller", "{}", run.stdout);
    assert_eq!(commit["summary"], "Größe geändert", "{}", run.stdout);
    let human = repo.run(["log"]).code(0).stdout;
    assert!(human.contains("Jürgen Müller") && human.contains("Größe geändert"), "{human}");
}

/// A repository whose ids and file names make awkward page names: 255 bytes of Chinese, 10,000
/// characters, names Windows reserves, a trailing dot, ids differing only in case; and names
/// written right to left, one of them with an override.
pub(crate) fn awkward_names_repo() -> Repo {
    let chinese = "考".repeat(84);
    let long = "x".repeat(10_000);
    let mut repo = Repo::empty()
        .file(
            "planbook.yaml",
            "name: 测试公司\nlocale: zh-CN\nunits:\n  - { id: henan, name: 河南分公司 }\n  \
             - { id: CON, name: 控制台 }\n  - { id: A, name: 大A }\n  - { id: a, name: 小a }\n\
             kpis:\n  - { id: units, name: 出货量, unit: 台 }\n",
        )
        .file(
            "henan/roster.yaml",
            format!(
                "kind: roster\nunit: henan\nposts:\n  \
                 - {{ id: staff, title: 员工, establishment: 6 }}\npeople:\n  \
                 - {{ id: {long}, name: 长, post: staff }}\n  \
                 - {{ id: CON, name: \"\\u202Eevil\", post: staff }}\n  \
                 - {{ id: \"a.\", name: محمد, post: staff }}\n  \
                 - {{ id: A, name: 大, post: staff }}\n  \
                 - {{ id: a, name: 小, post: staff, reports_to: A }}\n  \
                 - {{ id: aux, name: שלום, post: staff, reports_to: CON }}\n"
            ),
        );
    let links = format!("[aux](aux.md) [长](<{chinese}.md>) [a](a.md) [A](A.md) [dot](a..md)");
    for name in [format!("{chinese}.md"), "aux.md".into(), "CON.md".into(), "a..md".into()]
        .into_iter()
        .chain(["A.md".to_string(), "a.md".into()])
    {
        assert!(name.len() <= 255);
        repo = repo.file(&format!("pages/{name}"), format!("# {name}\n\n{links}\n"));
    }
    repo
}

/// Every `href` in `html`, decoded, that points inside the site.
pub(crate) fn local_links(html: &str) -> Vec<String> {
    let entities = [("&#x2F;", "/"), ("&#x27;", "'"), ("&quot;", "\""), ("&amp;", "&")];
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|href| entities.iter().fold(href.to_string(), |h, (e, c)| h.replace(e, c)))
        .filter(|href| !href.starts_with('#') && !href.contains(':'))
        .map(|href| href.split(['#', '?']).next().unwrap_or("").to_string())
        .map(|href| percent_decode(&href))
        .collect()
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let hex = text.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).expect("utf-8 link")
}

pub(crate) fn html_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            html_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "html") {
            out.push(path);
        }
    }
}

#[test]
fn awkward_names_make_short_distinct_portable_pages_that_every_link_reaches() {
    let repo = awkward_names_repo();
    repo.run(["build", "-q"]).code(0);
    let site = repo.path().join("_site");
    let mut pages = Vec::new();
    html_files(&site, &mut pages);
    let mut seen = std::collections::HashSet::new();
    let mut links = 0;
    for page in &pages {
        let rel = page.strip_prefix(&site).unwrap().to_string_lossy().into_owned();
        assert!(seen.insert(rel.to_lowercase()), "two pages differ only in case: {rel}");
        for part in rel.split('/') {
            assert!(part.len() <= 130, "{rel}: a {}-byte name", part.len());
            let stem = part.split('.').next().unwrap().to_ascii_uppercase();
            let reserved = ["CON", "PRN", "AUX", "NUL"].contains(&stem.as_str())
                || (stem.len() == 4 && (stem.starts_with("COM") || stem.starts_with("LPT")));
            assert!(!reserved, "{rel}: a name Windows reserves");
            assert!(!part.contains(['<', '>', ':', '"', '\\', '|', '?', '*']), "{rel}");
            assert!(!part.ends_with(['.', ' ']), "{rel}");
        }
        let html = std::fs::read_to_string(page).unwrap();
        for link in local_links(&html) {
            let target = page.parent().unwrap().join(&link);
            assert!(target.is_file(), "{rel}: link {link:?} leads nowhere");
            links += 1;
        }
    }
    assert!(links > 500, "only {links} links checked");
    // Each of the six people, the four units and the six free pages has a page of its own.
    let count = |folder: &str| pages.iter().filter(|p| p.starts_with(site.join(folder))).count();
    assert_eq!((count("people"), count("units"), count("pages/pages")), (6, 4, 6));
}

#[test]
fn names_in_pages_are_isolated_and_control_characters_never_reach_them() {
    let repo = awkward_names_repo();
    repo.run(["build", "-q"]).code(0);
    let site = repo.path().join("_site");
    let mut pages = Vec::new();
    html_files(&site, &mut pages);
    for page in &pages {
        let html = std::fs::read_to_string(page).unwrap();
        let raw = html.chars().find(|&c| {
            (c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c)
        });
        assert_eq!(raw, None, "{} holds a raw control character", page.display());
    }
    let roster = std::fs::read_to_string(site.join("rosters/henan.html")).unwrap();
    for isolated in ["<bdi>\\u{202e}evil</bdi>", "<bdi>محمد</bdi>", "<bdi>שלום</bdi>"] {
        assert!(roster.contains(isolated), "{isolated} missing in\n{roster}");
    }
}
