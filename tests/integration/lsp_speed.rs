//! What `planbook lsp` does to stay fast must not change what it says: after a burst of
//! keystrokes (each re-checked in its unit's scope) and an idle moment (the full pass, which a
//! keystroke puts aside), the editor shows exactly what `planbook check` reports on the same
//! texts saved; and a suppression comment typed into a buffer works within a keystroke.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use serde_json::{Value, json};

use crate::lsp_client::Client;
use crate::support::{Repo, copy_tree, project_root};

/// A copy of `plans/` (two units, `henan` and `power`, under `zx`).
fn plans() -> Repo {
    let repo = Repo::empty();
    copy_tree(&project_root().join("plans"), repo.path());
    repo
}

/// The open buffers, kept as the server should hold them.
struct Editor {
    client: Client,
    texts: BTreeMap<String, String>,
}

impl Editor {
    fn open(&mut self, path: &str) {
        let text = self.client.open_from_disk(path);
        self.texts.insert(path.to_owned(), text);
    }

    /// Replaces the first `needle` (after `after`, when given) with `with`, one range edit.
    fn replace(&mut self, path: &str, after: &str, needle: &str, with: &str) {
        let text = &self.texts[path];
        let from = text.find(after).unwrap_or_else(|| panic!("{after:?} not in {path}"));
        let at = from + text[from..].find(needle).unwrap_or_else(|| panic!("{needle:?}"));
        let start = position(text, at);
        let end = position(text, at + needle.len());
        self.client.change_range(path, start, end, with);
        let mut text = text.clone();
        text.replace_range(at..at + needle.len(), with);
        self.texts.insert(path.to_owned(), text);
    }

    /// Types `typed` one character at a time right after the first `needle`, pausing
    /// `pause` between keystrokes.
    fn type_after(&mut self, path: &str, needle: &str, typed: &str, pause: Duration) {
        let mut at = self.texts[path].find(needle).expect("needle") + needle.len();
        for c in typed.chars() {
            let text = &self.texts[path];
            let here = position(text, at);
            self.client.change_range(path, here, here, &c.to_string());
            let mut text = text.clone();
            text.insert(at, c);
            self.texts.insert(path.to_owned(), text);
            at += c.len_utf8();
            std::thread::sleep(pause);
        }
    }

    /// Deletes `n` characters before the end of the first `needle`, one keystroke each.
    fn backspace_in(&mut self, path: &str, needle: &str, n: usize, pause: Duration) {
        let mut end = self.texts[path].find(needle).expect("needle") + needle.len();
        for _ in 0..n {
            let text = &self.texts[path];
            let start = text[..end].char_indices().next_back().expect("a character").0;
            self.client.change_range(path, position(text, start), position(text, end), "");
            let mut text = text.clone();
            text.replace_range(start..end, "");
            self.texts.insert(path.to_owned(), text);
            end = start;
            std::thread::sleep(pause);
        }
    }

    /// Waits until the server has been idle long enough for its full pass, and returns the
    /// diagnostics it last published per file, as (line, column, rule, severity).
    fn settled(&mut self) -> BTreeMap<String, BTreeSet<(u64, u64, String, u64)>> {
        std::thread::sleep(Duration::from_millis(1500));
        // Answered after every message before it, the full pass included.
        self.client.request("workspace/symbol", json!({ "query": "" }));
        let root = self.client.uri("");
        let mut last: BTreeMap<String, BTreeSet<(u64, u64, String, u64)>> = BTreeMap::new();
        for note in &self.client.notifications {
            if note["method"] != "textDocument/publishDiagnostics" {
                continue;
            }
            let uri = note["params"]["uri"].as_str().unwrap_or_default();
            let path = decode(uri.strip_prefix(&root).unwrap_or(uri));
            let diags = note["params"]["diagnostics"].as_array().cloned().unwrap_or_default();
            let found = diags.iter().map(|d| {
                let start = &d["range"]["start"];
                let rule = d["code"].as_str().unwrap_or_default().to_owned();
                let severity = d["severity"].as_u64().unwrap_or(0);
                (
                    start["line"].as_u64().unwrap(),
                    start["character"].as_u64().unwrap(),
                    rule,
                    severity,
                )
            });
            last.insert(path, found.collect());
        }
        last.retain(|_, d| !d.is_empty());
        last
    }
}

/// The 0-based line and UTF-16 column of byte `at` of `text`.
fn position(text: &str, at: usize) -> (u32, u32) {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = text[..at].matches('\n').count() as u32;
    (line, text[line_start..at].encode_utf16().count() as u32)
}

/// A percent-encoded path back to text.
fn decode(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap().trim_start_matches('/').to_owned()
}

/// What `planbook check` reports on the texts saved, per file as [`Editor::settled`] has it
/// (lines and columns 0-based; the fixtures' characters are all in the BMP, so a character is
/// one UTF-16 unit).
fn check(repo: &Repo, editor: &Editor) -> BTreeMap<String, BTreeSet<(u64, u64, String, u64)>> {
    for (path, text) in &editor.texts {
        std::fs::write(repo.path().join(path), text).unwrap();
    }
    let run = repo.run(["check", "--format", "json"]);
    let mut out: BTreeMap<String, BTreeSet<_>> = BTreeMap::new();
    for d in run.json() {
        let severity = match d["severity"].as_str() {
            Some("error") => 1,
            Some("warning") => 2,
            _ => 3,
        };
        out.entry(d["file"].as_str().unwrap().to_owned()).or_default().insert((
            d["line"].as_u64().unwrap() - 1,
            d["column"].as_u64().unwrap() - 1,
            d["rule"].as_str().unwrap().to_owned(),
            severity,
        ));
    }
    out
}

fn codes_of(diags: &[Value]) -> Vec<&str> {
    diags.iter().filter_map(|d| d["code"].as_str()).collect()
}

/// Types a burst of edits over four files of two units (`pause` between keystrokes), one of
/// which only the full pass sees (a person id taken from the other unit's roster).
fn burst(pause: Duration) {
    let repo = plans();
    let mut editor = Editor { client: Client::start(repo.path()), texts: BTreeMap::new() };
    let (budget, review) = ("henan/2026-12.budget.yaml", "henan/2026-12.review.md");
    let (roster, power) = ("henan/roster.yaml", "power/roster.yaml");
    for path in [budget, review, roster, power] {
        editor.open(path);
    }
    // A figure retyped digit by digit; an author broken; a person renamed in Chinese.
    editor.replace(budget, "  - id: office", "amount: 5000", "amount: ");
    editor.type_after(budget, "    amount: ", "4400", pause);
    editor.type_after(review, "author: p001", "9", pause);
    editor.type_after(roster, "  - id: p002\n    name: ", "新", pause);
    // The power roster takes henan's p001: `roster.duplicate-person`, across units.
    editor.replace(power, "people:", "id: p101", "id: p001");
    let settled = editor.settled();
    let expected = check(&repo, &editor);
    assert!(
        expected.get(power).is_some_and(|d| d.iter().any(|d| d.2 == "roster.duplicate-person")),
        "{expected:?}"
    );
    assert_eq!(settled, expected);
    assert_eq!(editor.client.shutdown(), 0);
}

#[test]
fn after_a_burst_of_keystrokes_and_a_pause_the_editor_shows_what_check_reports() {
    burst(Duration::ZERO);
}

#[test]
fn keystrokes_landing_in_full_passes_still_end_with_what_check_reports() {
    // 300 ms idle starts a full pass; a keystroke right after puts it aside.
    burst(Duration::from_millis(305));
}

#[test]
fn a_suppression_comment_typed_in_a_buffer_works_within_the_keystroke() {
    let repo = plans();
    let mut editor = Editor { client: Client::start(repo.path()), texts: BTreeMap::new() };
    let review = "henan/2026-12.review.md";
    editor.open(review);
    editor.type_after(review, "kpi: units", "x", Duration::ZERO);
    let diags = editor.client.diagnostics_until(review, |d| !d.is_empty());
    assert_eq!(codes_of(&diags), ["document.unknown-kpi"], "{diags:?}");
    // Allowed on its line, with a reason (full-width colon and parentheses).
    let comment = "  # planbook：allow（document.unknown-kpi）指标待定";
    editor.type_after(review, "kpi: unitsx", comment, Duration::ZERO);
    editor.client.diagnostics_until(review, |d| d.is_empty());
    // The KPI fixed, the comment silences nothing: it is reported as unused.
    editor.backspace_in(review, "kpi: unitsx", 1, Duration::ZERO);
    let diags = editor.client.diagnostics_until(review, |d| !d.is_empty());
    assert_eq!(codes_of(&diags), ["suppress.unused"], "{diags:?}");
    assert_eq!(editor.client.shutdown(), 0);
}
