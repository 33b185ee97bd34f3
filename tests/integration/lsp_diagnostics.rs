//! `planbook lsp` diagnostics: the same findings as `check`, as the editor types, for the open
//! buffers and for every document an edit affects.

use serde_json::Value;

use crate::lsp_client::{Client, codes, find};
use crate::support::Repo;

fn fixture() -> Repo {
    Repo::fixture("lsp")
}

fn message_of<'d>(diags: &'d [Value], code: &str) -> &'d Value {
    diags.iter().find(|d| d["code"] == code).unwrap_or_else(|| panic!("no {code} in {diags:?}"))
}

#[test]
fn an_unsaved_edit_breaks_and_fixes_a_rule_across_documents() {
    let repo = fixture();
    let mut client = Client::start(repo.path());
    let review = "henan/2026-10.review.md";
    let roster = "henan/roster.yaml";
    let text = client.open_from_disk(roster);
    // Remove 王五 from the roster, unsaved: the review (not open) scores someone unknown.
    let line = find(&text, "- { id: p003", 0).0;
    client.change_range(roster, (line, 0), (line + 1, 0), "");
    let diags = client.diagnostics_until(review, |d| !d.is_empty());
    let unknown = message_of(&diags, "review.unknown-person");
    assert_eq!(unknown["source"], "planbook");
    assert_eq!(unknown["severity"], 1);
    assert!(unknown["message"].as_str().unwrap().contains("p003"), "{unknown}");
    let review_text = std::fs::read_to_string(repo.path().join(review)).unwrap();
    let (line, column) = find(&review_text, "p003", 0);
    assert_eq!(unknown["range"]["start"]["line"], line);
    assert_eq!(unknown["range"]["start"]["character"], column);
    // Put him back: the review is clean again, and nothing was written to disk.
    client.change(roster, &text);
    client.diagnostics_until(review, |d| d.is_empty());
    assert_eq!(std::fs::read_to_string(repo.path().join(roster)).unwrap(), text);
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn a_typing_mistake_in_the_open_buffer_is_reported_in_utf16_columns() {
    let repo = fixture();
    let mut client = Client::start(repo.path());
    let plan = "henan/2026-10.plan.md";
    let text = client.open_from_disk(plan);
    // The owner becomes an unknown id after a Chinese title on the line before.
    let broken = text.replace("owner: p001", "owner: 张三");
    client.change(plan, &broken);
    let diags = client.diagnostics_until(plan, |d| !d.is_empty());
    let d = &diags[0];
    let (line, column) = find(&broken, "张三", 0);
    assert_eq!(d["range"]["start"], serde_json::json!({ "line": line, "character": column }));
    assert_eq!(d["range"]["end"], serde_json::json!({ "line": line, "character": column + 2 }));
    // The message is in the repository's language and names the person it means.
    let message = d["message"].as_str().unwrap();
    assert!(crate::support::has_chinese(message), "{message}");
    client.change(plan, &text);
    client.diagnostics_until(plan, |d| d.is_empty());
}

#[test]
fn a_document_that_no_longer_parses_gets_one_message_and_others_are_still_checked() {
    let repo = fixture();
    let mut client = Client::start(repo.path());
    let budget = "henan/2026-10.budget.yaml";
    let text = client.open_from_disk(budget);
    client.change(budget, &text.replace("  - id: wages", "  - id: wages\n   bad: [unclosed"));
    let diags = client.diagnostics_until(budget, |d| !d.is_empty());
    // One error, and a note naming what could not be checked against it: no cascade.
    let errors: Vec<&Value> = diags.iter().filter(|d| d["severity"] == 1).collect();
    assert_eq!(codes(&diags), ["yaml.syntax", "check.not-checked"], "{diags:?}");
    assert_eq!(errors.len(), 1);
    // Closing the buffer makes the file on disk the truth again.
    client.close(budget);
    client.diagnostics_until(budget, |d| d.is_empty());
}

#[test]
fn severity_overrides_and_suppressions_apply_as_in_check() {
    let repo = fixture();
    let config = std::fs::read_to_string(repo.path().join("planbook.yaml")).unwrap();
    let repo =
        repo.file("planbook.yaml", format!("{config}rules:\n  review.unknown-person: warning\n"));
    let mut client = Client::start(repo.path());
    let review = "henan/2026-10.review.md";
    let text = client.open_from_disk(review);
    let broken = text.replace("person: p003", "person: p099");
    client.change(review, &broken);
    let diags = client.diagnostics_until(review, |d| !d.is_empty());
    assert_eq!(message_of(&diags, "review.unknown-person")["severity"], 2);
    let allowed = broken.replace(
        "  - person: p099",
        "  # planbook: allow(review.unknown-person) 外借人员\n  - person: p099",
    );
    client.change(review, &allowed);
    let diags =
        client.diagnostics_until(review, |d| !codes(d).contains(&"review.unknown-person".into()));
    assert!(diags.is_empty(), "{diags:?}");
}

#[test]
fn a_repository_with_problems_shows_them_at_start_as_check_does() {
    let repo = fixture();
    let budget = std::fs::read_to_string(repo.path().join("henan/2026-10.budget.yaml")).unwrap();
    let repo =
        repo.file("henan/2026-10.budget.yaml", budget.replace("amount: 5000", "amount: 5600"));
    let check = repo.run(["check", "--format", "json"]);
    let expected: Vec<String> =
        check.json().iter().map(|d| d["rule"].as_str().unwrap().into()).collect();
    let mut client = Client::start(repo.path());
    let diags = client.next_diagnostics("henan/2026-10.budget.yaml");
    let mut got = codes(&diags);
    let mut expected = expected;
    got.sort();
    expected.sort();
    assert_eq!(got, expected);
}

#[test]
fn files_changed_on_disk_are_read_again_when_the_editor_says_so() {
    let repo = fixture();
    let mut client = Client::start(repo.path());
    // The server asks the client to watch the documents, the configuration and the baseline.
    client.request("workspace/symbol", serde_json::json!({ "query": "" }));
    let register = client
        .requests
        .iter()
        .find(|r| r["method"] == "client/registerCapability")
        .expect("a file watcher registration");
    let watchers = &register["params"]["registrations"][0]["registerOptions"]["watchers"];
    assert_eq!(watchers[0]["globPattern"], "**/*.{yaml,yml,md,markdown}");
    let roster = "henan/roster.yaml";
    let text = std::fs::read_to_string(repo.path().join(roster)).unwrap();
    let without = text.lines().filter(|l| !l.contains("p003")).collect::<Vec<_>>().join("\n");
    std::fs::write(repo.path().join(roster), without).unwrap();
    let changes = serde_json::json!({ "changes": [{ "uri": client.uri(roster), "type": 2 }] });
    client.notify("workspace/didChangeWatchedFiles", changes);
    let diags = client.diagnostics_until("henan/2026-10.review.md", |d| !d.is_empty());
    assert!(codes(&diags).contains(&"review.unknown-person".to_owned()), "{diags:?}");
    // The configuration changing reloads everything: a KPI removed shows in the plan.
    let config = std::fs::read_to_string(repo.path().join("planbook.yaml")).unwrap();
    let config = config.replace("  - { id: margin, name: 毛利, unit: 元 }\n", "");
    std::fs::write(repo.path().join("planbook.yaml"), config).unwrap();
    let changes =
        serde_json::json!({ "changes": [{ "uri": client.uri("planbook.yaml"), "type": 2 }] });
    client.notify("workspace/didChangeWatchedFiles", changes);
    let kpi = |d: &[Value]| codes(d).iter().any(|c| c.contains("unknown-kpi"));
    client.diagnostics_until("henan/2026-10.plan.md", kpi);
}

#[test]
fn a_workspace_folder_added_later_is_loaded_and_one_removed_is_cleared() {
    let first = fixture();
    let budget = std::fs::read_to_string(first.path().join("henan/2026-10.budget.yaml")).unwrap();
    let second =
        fixture().file("henan/2026-10.budget.yaml", budget.replace("total: 8000", "total: 9000"));
    let mut client = Client::start(first.path());
    let root = second.path().canonicalize().unwrap();
    let uri =
        (client.uri_of_path(&root.join("henan/2026-10.budget.yaml")), client.uri_of_path(&root));
    let event = serde_json::json!({ "event": {
        "added": [{ "uri": uri.1.trim_end_matches('/'), "name": "second" }], "removed": [] } });
    client.notify("workspace/didChangeWorkspaceFolders", event);
    published(&mut client, &uri.0, false);
    let event = serde_json::json!({ "event": {
        "added": [], "removed": [{ "uri": uri.1.trim_end_matches('/'), "name": "second" }] } });
    client.notify("workspace/didChangeWorkspaceFolders", event);
    published(&mut client, &uri.0, true);
}

/// Waits until diagnostics for `uri` are published, empty or not as wanted.
fn published(client: &mut Client, uri: &str, want_empty: bool) {
    for _ in 0..1000 {
        let found = client.notifications.iter().position(|n| {
            n["method"] == "textDocument/publishDiagnostics" && n["params"]["uri"] == uri
        });
        if let Some(i) = found {
            let n = client.notifications.remove(i);
            let empty = n["params"]["diagnostics"].as_array().is_none_or(|d| d.is_empty());
            if empty == want_empty {
                return;
            }
        }
        // A request answered means every message before it was handled.
        client.request("workspace/symbol", serde_json::json!({ "query": "" }));
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("no {} diagnostics published for {uri}", if want_empty { "empty" } else { "" });
}

#[test]
fn an_unsaved_planbook_yaml_is_the_truth_while_it_is_open() {
    let repo = fixture();
    let mut client = Client::start(repo.path());
    let config = client.open_from_disk("planbook.yaml");
    let plan = "henan/2026-10.plan.md";
    // Two keystroke-sized edits in a row: the second applies to the text the first left.
    let (line, column) = find(&config, "id: margin", 4);
    client.change_range("planbook.yaml", (line, column), (line, column + 6), "profit");
    let (line, column) = find(&config, "毛利", 0);
    client.change_range("planbook.yaml", (line, column), (line, column + 2), "利润");
    let kpi = |d: &[Value]| codes(d).iter().any(|c| c.contains("unknown-kpi"));
    client.diagnostics_until(plan, kpi);
    let edited = config.replace("id: margin", "id: profit").replace("毛利", "利润");
    let symbols = serde_json::json!({ "query": "利润" });
    let found = client.request("workspace/symbol", symbols);
    assert!(found.to_string().contains("planbook.yaml"), "{found} for {edited}");
    // Back as it was, then closed: the disk's text is the truth again, and it is clean.
    client.change("planbook.yaml", &config);
    client.diagnostics_until(plan, |d| d.is_empty());
    client.close("planbook.yaml");
    let plan_text = std::fs::read_to_string(repo.path().join(plan)).unwrap();
    let at = find(&plan_text, "kpi: margin", 6);
    let hover = client.at("textDocument/hover", plan, at, serde_json::json!({}));
    assert!(hover.to_string().contains("毛利"), "{hover}");
}

#[test]
fn a_repository_opened_from_a_single_file_shows_what_it_already_holds() {
    let repo = fixture();
    let budget = std::fs::read_to_string(repo.path().join("henan/2026-10.budget.yaml")).unwrap();
    let repo = repo.file("henan/2026-10.budget.yaml", budget.replace("total: 8000", "total: 8100"));
    let elsewhere = tempfile::tempdir().unwrap();
    let mut client = Client::start_without_root(elsewhere.path(), repo.path());
    client.open_from_disk("henan/2026-10.plan.md");
    let diags = client.diagnostics_until("henan/2026-10.budget.yaml", |d| !d.is_empty());
    assert_eq!(codes(&diags), ["budget.total-mismatch"]);
    // A change to a document the editor never opened is ignored.
    client.change_range("henan/roster.yaml", (0, 0), (0, 0), "garbage: [");
    let text = std::fs::read_to_string(repo.path().join("henan/roster.yaml")).unwrap();
    let at = find(&text, "p001", 1);
    let roster = client.at("textDocument/hover", "henan/roster.yaml", at, serde_json::json!({}));
    assert!(roster.to_string().contains("张三"), "{roster}");
}

#[test]
fn the_protocol_is_kept_whatever_the_editor_sends() {
    let repo = fixture();
    let mut client = Client::spawn(repo.path(), &[]);
    // Before `initialize`: "not initialised", and the server waits.
    let early = client.request_raw("textDocument/hover", serde_json::json!({}));
    assert_eq!(early["error"]["code"], -32002, "{early}");
    let init = serde_json::json!({ "processId": null, "rootUri": client.uri(""),
        "capabilities": crate::lsp_client::vscode_capabilities() });
    client.request("initialize", init.clone());
    // A request before `initialized`, a second `initialize`, an unknown method, bad params.
    let symbols = serde_json::json!({ "query": "张" });
    assert!(client.request("workspace/symbol", symbols.clone()).is_array());
    client.notify("initialized", serde_json::json!({}));
    assert_eq!(client.request_raw("initialize", init)["error"]["code"], -32600);
    assert_eq!(client.request_raw("foo/bar", serde_json::json!({}))["error"]["code"], -32601);
    let bad = client.request_raw("textDocument/hover", serde_json::json!({ "x": 1 }));
    assert_eq!(bad["error"]["code"], -32602, "{bad}");
    // Not JSON at all, and a lone surrogate (what JavaScript writes for such a buffer).
    client.send_raw("{ not json");
    let uri = client.uri("henan/2026-10.plan.md");
    let text = std::fs::read_to_string(repo.path().join("henan/2026-10.plan.md")).unwrap();
    let body = serde_json::json!({ "jsonrpc": "2.0", "method": "textDocument/didOpen",
        "params": { "textDocument": { "uri": uri, "languageId": "markdown", "version": 1,
        "text": text.replace("十月计划", "SURROGATE") } } })
    .to_string()
    .replace("SURROGATE", "\\ud800");
    client.send_raw(&body);
    assert!(client.request("workspace/symbol", symbols.clone()).is_array());
    // After `shutdown`, requests are refused; `exit` then ends it with 0.
    client.request("shutdown", Value::Null);
    assert_eq!(client.request_raw("workspace/symbol", symbols)["error"]["code"], -32600);
    client.notify("exit", Value::Null);
    assert_eq!(client.wait(), 0);
    // `exit` without `shutdown` is exit code 1.
    let client = Client::start(repo.path());
    let mut client = client;
    client.notify("exit", Value::Null);
    assert_eq!(client.wait(), 1);
}
