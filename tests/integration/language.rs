//! A repository reads in its own language everywhere a person looks: `plans/` (`locale:
//! zh-CN`) shows no English word in `check`, any `rollup` format, `log`, `diff`, `blame` or
//! any page of the handbook, and a repository made by `planbook init --locale en` shows no
//! Chinese that its data does not hold. Words the data itself contains (ids, names, units,
//! file names), numbers, revisions and the product's name are allowed; enumeration values
//! (`kind`, `status`, `better`…) and category and class ids are not, because a reader sees
//! them in words.

use std::collections::BTreeSet;
use std::path::Path;

use crate::support::{Run, copy_tree, git_as, project_root, run_bare};

/// Keys whose values are vocabulary that planbook must show in words, never as written.
const WORDED: &[&str] = &[
    "kind",
    "status",
    "better",
    "aggregate",
    "employment",
    "locale",
    "category",
    "class",
    "person_fields",
];

/// Names that Chinese technical writing keeps as they are: the product, file formats and
/// encodings, and binary units.
const TERMS: &[&str] = &[
    "planbook",
    "yaml",
    "json",
    "csv",
    "xlsx",
    "html",
    "markdown",
    "utf",
    "gbk",
    "gb",
    "git",
    "mib",
    "javascript",
];

/// Replaces the first match of `from` in `path` with `to`.
fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).expect("read");
    assert!(text.contains(from), "{} has no {from:?}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).expect("write");
}

/// The words a repository's own files hold, lowercased: every ASCII word of a value or of
/// prose, leaving out keys and the values of [`WORDED`] keys.
fn data_words(root: &Path) -> BTreeSet<String> {
    let mut words = BTreeSet::new();
    for path in files(root) {
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        let yaml = path.extension().is_some_and(|e| e == "yaml" || e == "yml");
        for line in text.lines() {
            let comment = line.trim_start().starts_with('#');
            if (yaml && comment) || line.contains("yaml-language-server") {
                continue;
            }
            for part in line.split(['{', '}', ',', '[', ']']) {
                let value = match part.split_once(':') {
                    Some((key, value)) if is_key(key) => {
                        let key = key.trim().trim_start_matches("- ").trim();
                        if WORDED.contains(&key) {
                            continue;
                        }
                        value
                    }
                    _ => part,
                };
                words.extend(ascii_words(value).into_iter().map(|w| w.to_lowercase()));
            }
        }
        if let Some(name) = path.file_name() {
            words
                .extend(ascii_words(&name.to_string_lossy()).into_iter().map(|w| w.to_lowercase()));
        }
    }
    words
}

fn is_key(text: &str) -> bool {
    let key = text.trim().trim_start_matches("- ").trim();
    !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

fn files(root: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(root) else { return out };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || name == "_site" || name == "out" {
            continue;
        }
        if path.is_dir() {
            out.extend(files(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// Runs of two or more ASCII letters.
fn ascii_words(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| w.len() >= 2).collect()
}

/// The English words in `text` that neither the data nor the exceptions explain. Lines of a
/// diagnostic that quote the source (`12 |     amount: 5000`) are the data itself.
fn english(text: &str, allowed: &BTreeSet<String>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let quoted = |line: &str| {
        let gutter = line.trim_start();
        let digits = gutter.chars().take_while(char::is_ascii_digit).count();
        digits > 0 && gutter[digits..].starts_with(" |")
    };
    let text: Vec<&str> = text.lines().filter(|l| !quoted(l)).collect();
    let text = text.join("\n");
    for (i, piece) in text.split('`').enumerate() {
        if i % 2 == 1 {
            continue; // quoted from the data or a command
        }
        for token in piece.split(|c: char| {
            c.is_whitespace() || !(c.is_ascii_alphanumeric() || "._/@:-~^+#".contains(c))
        }) {
            let token = token.trim_matches(|c: char| ".:-".contains(c));
            let path_like = token.contains('/') || token.contains('@') || token.contains("://");
            let dotted = token.split('.').filter(|p| !p.is_empty()).count() > 1;
            let hash = token.len() >= 7 && token.chars().all(|c| c.is_ascii_hexdigit());
            if path_like || dotted || hash || token.starts_with("HEAD") {
                continue;
            }
            for word in ascii_words(token) {
                let lower = word.to_lowercase();
                if !allowed.contains(&lower) && !TERMS.contains(&lower.as_str()) {
                    found.insert(word.to_owned());
                }
            }
        }
    }
    found
}

/// The CJK characters in `text` that the data does not hold.
fn chinese(text: &str, allowed: &BTreeSet<char>) -> BTreeSet<char> {
    text.chars().filter(|c| is_cjk(*c) && !allowed.contains(c)).collect()
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
}

/// What a reader sees of an HTML page: its text and its `title`, `alt`, `aria-label` and
/// `placeholder` attributes, without scripts and styles.
fn visible(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        out.push(' ');
        rest = &rest[start..];
        let lower = rest.get(..8).unwrap_or("").to_ascii_lowercase();
        let end_tag = if lower.starts_with("<script") {
            "</script>"
        } else if lower.starts_with("<style") {
            "</style>"
        } else {
            ">"
        };
        let end = rest.find(end_tag).map_or(rest.len(), |e| e + end_tag.len());
        let tag = &rest[..end];
        if end_tag == ">" {
            for attr in ["title=\"", "alt=\"", "aria-label=\"", "placeholder=\""] {
                let mut at = tag;
                while let Some(i) = at.find(attr) {
                    let value = &at[i + attr.len()..];
                    let close = value.find('"').unwrap_or(value.len());
                    out.push(' ');
                    out.push_str(&value[..close]);
                    at = &value[close..];
                }
            }
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
}

/// Everything a person reads after `check`, every rollup, `log`, `diff`, `blame` and a build
/// of the repository at `dir`, as (what, text) pairs.
fn everything(dir: &Path, document: &str) -> Vec<(String, String)> {
    std::fs::create_dir_all(dir.join("out")).expect("mkdir out");
    let mut out = Vec::new();
    let mut say =
        |what: String, run: Run| out.push((what, format!("{}\n{}", run.stdout, run.stderr)));
    for format in ["human", "short"] {
        say(format!("check --format {format}"), run_bare(dir, &["check", "--format", format]));
    }
    // Machine formats: only the text in them is for people.
    let json = run_bare(dir, &["check", "--format", "json"]);
    let mut text = String::new();
    for line in json.stdout.lines() {
        let d: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        for key in ["message", "note", "help"] {
            text.push_str(&format!("\n{}", d[key].as_str().unwrap_or("")));
        }
        for r in d["related"].as_array().into_iter().flatten() {
            text.push_str(&format!("\n{}", r["note"].as_str().unwrap_or("")));
        }
    }
    say("check --format json".into(), Run { stdout: text, ..json });
    let github = run_bare(dir, &["check", "--format", "github"]);
    let text: Vec<&str> = github.stdout.lines().filter_map(|l| l.splitn(3, "::").nth(2)).collect();
    let text = text.join("\n").replace("%0A", "\n").replace("%25", "%");
    say("check --format github".into(), Run { stdout: text, ..github });
    say("check -v".into(), run_bare(dir, &["check", "-v"]));
    for what in ["budget", "headcount", "attainment", "scores", "trends"] {
        for format in ["table", "csv", "markdown"] {
            let args = ["rollup", what, "--format", format];
            say(format!("rollup {what} --format {format}"), run_bare(dir, &args));
        }
        let xlsx = dir.join(format!("out/{what}.xlsx"));
        let args = ["rollup", what, "--format", "xlsx", "-o", xlsx.to_str().unwrap()];
        say(format!("rollup {what} --format xlsx"), run_bare(dir, &args));
    }
    for format in ["human", "markdown"] {
        say(format!("log --format {format}"), run_bare(dir, &["log", "--format", format]));
        say(format!("diff --format {format}"), run_bare(dir, &["diff", "--format", format]));
    }
    say("diff HEAD~1 HEAD".into(), run_bare(dir, &["diff", "HEAD~1", "HEAD"]));
    say(format!("blame {document}"), run_bare(dir, &["blame", document]));
    let site = dir.join("out/site");
    let built = run_bare(dir, &["build", "-o", site.to_str().unwrap()]);
    assert_eq!(built.code, 0, "build failed: {}", built.stderr);
    say("build".into(), built);
    for page in files(&site) {
        if page.extension().is_some_and(|e| e == "html") {
            let html = std::fs::read_to_string(&page).expect("page");
            let shown = page.strip_prefix(&site).unwrap().display();
            out.push((format!("page {shown}"), visible(&html)));
        }
    }
    out
}

#[test]
fn a_chinese_repository_reads_chinese_everywhere() {
    let repo = tempfile::tempdir().unwrap();
    let dir = repo.path();
    copy_tree(&project_root().join("plans"), dir);
    let _ = std::fs::remove_dir_all(dir.join("_site"));
    git_as(dir, "张伟", &["init", "-q", "-b", "main"]);
    git_as(dir, "张伟", &["add", "-A"]);
    git_as(dir, "张伟", &["commit", "-q", "-m", "河南分公司十二月计划"]);
    let budget = dir.join("henan/2026-12.budget.yaml");
    edit(&budget, "amount: 7500", "amount: 7000");
    git_as(dir, "张伟", &["commit", "-q", "-am", "压缩费用"]);
    edit(&budget, "amount: 3000", "amount: 3200");
    let allowed = data_words(dir);
    let mut problems = Vec::new();
    for (what, text) in everything(dir, "henan/2026-12.budget.yaml") {
        let words = english(&text, &allowed);
        if !words.is_empty() {
            problems.push(format!("{what}: {words:?}"));
        }
    }
    assert!(problems.is_empty(), "English in a zh-CN repository:\n{}", problems.join("\n"));
}

#[test]
fn an_english_repository_reads_english_everywhere() {
    let repo = tempfile::tempdir().unwrap();
    let dir = repo.path();
    let init = run_bare(dir, &["init", "--locale", "en", "--name", "Acme", "--period", "2026-12"]);
    assert_eq!(init.code, 0, "{}", init.stderr);
    if !dir.join(".git").exists() {
        git_as(dir, "Zhang Wei", &["init", "-q", "-b", "main"]);
    }
    git_as(dir, "Zhang Wei", &["add", "-A"]);
    git_as(dir, "Zhang Wei", &["commit", "-q", "--allow-empty", "-m", "start"]);
    let budget = files(dir)
        .into_iter()
        .find(|p| p.to_string_lossy().ends_with(".budget.yaml") || p.ends_with("budget.yaml"))
        .expect("init writes a budget");
    edit(&budget, "amount: 5000", "amount: 4500");
    git_as(dir, "Zhang Wei", &["commit", "-q", "-am", "cheaper rent"]);
    let allowed: BTreeSet<char> = files(dir)
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .flat_map(|t| t.chars().filter(|c| is_cjk(*c)).collect::<Vec<_>>())
        .collect();
    let document = budget.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
    let mut problems = Vec::new();
    for (what, text) in everything(dir, &document) {
        let found = chinese(&text, &allowed);
        if !found.is_empty() {
            problems.push(format!("{what}: {}", found.iter().collect::<String>()));
        }
    }
    assert!(problems.is_empty(), "Chinese in an English repository:\n{}", problems.join("\n"));
}

#[test]
fn the_checker_finds_what_it_should() {
    let allowed: BTreeSet<String> = ["henan", "cny"].iter().map(|s| s.to_string()).collect();
    assert!(english("河南分公司 henan 预算 CNY 12,500", &allowed).is_empty());
    assert!(
        english("错误[budget.total-mismatch]：`amount` 与 henan/x.yaml 不符", &allowed).is_empty()
    );
    let found = english("line rent amount: 13,000 → 12,500", &allowed);
    assert_eq!(found, ["amount", "line", "rent"].iter().map(|s| s.to_string()).collect());
    let page = visible("<p title=\"Budget\">预算<script>var x = 'Total';</script></p>");
    assert!(page.contains("Budget") && !page.contains("Total"), "{page}");
    let allowed: BTreeSet<char> = "张伟".chars().collect();
    assert_eq!(chinese("Zhang 张伟 budget 预算", &allowed), "预算".chars().collect());
}

/// The human text of `check --format json` output: messages, notes and help.
fn json_texts(stdout: &str) -> String {
    let mut text = String::new();
    for line in stdout.lines() {
        let Ok(d) = serde_json::from_str::<serde_json::Value>(line) else { continue };
        for key in ["message", "note", "help"] {
            text.push_str(&format!("\n{}", d[key].as_str().unwrap_or("")));
        }
        for r in d["related"].as_array().into_iter().flatten() {
            text.push_str(&format!("\n{}", r["note"].as_str().unwrap_or("")));
        }
    }
    text
}

/// Every diagnostic of every rule's fixture reads Chinese with `--lang zh-CN`.
#[test]
fn every_diagnostic_reads_chinese() {
    let root = crate::support::fixtures_dir().join("check");
    let mut problems = Vec::new();
    let mut fixtures: Vec<_> = std::fs::read_dir(&root).unwrap().flatten().collect();
    fixtures.sort_by_key(|e| e.file_name());
    for entry in fixtures {
        let repo = tempfile::tempdir().unwrap();
        copy_tree(&entry.path(), repo.path());
        let out = run_bare(repo.path(), &["check", "--format", "json", "--lang", "zh-CN"]);
        let words = english(&json_texts(&out.stdout), &data_words(repo.path()));
        if !words.is_empty() {
            problems.push(format!("{}: {words:?}", entry.file_name().to_string_lossy()));
        }
        let human = run_bare(repo.path(), &["check", "--lang", "zh-CN"]);
        let summary = human.stderr.lines().last().unwrap_or("").to_owned();
        let words = english(&summary, &data_words(repo.path()));
        if !words.is_empty() {
            problems.push(format!("{} (summary): {words:?}", entry.file_name().to_string_lossy()));
        }
    }
    assert!(problems.is_empty(), "English in Chinese diagnostics:\n{}", problems.join("\n"));
}
