//! `planbook lsp` navigation and outline: go to definition, references, highlights, rename
//! across files as one workspace edit, document and workspace symbols, folding — through the
//! real binary, with UTF-16 columns after Chinese text.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::lsp_client::{Client, apply_edits as apply, find, vscode_capabilities};
use crate::support::{Repo, has_chinese};

const ROSTER: &str = "henan/roster.yaml";
const PLAN: &str = "henan/2026-10.plan.md";
const PLAN11: &str = "henan/2026-11.plan.md";
const REVIEW: &str = "henan/2026-10.review.md";
const BUDGET: &str = "henan/2026-10.budget.yaml";
const CONFIG: &str = "planbook.yaml";

fn read(repo: &Repo, path: &str) -> String {
    std::fs::read_to_string(repo.path().join(path)).expect("read file")
}

fn start(value: &Value) -> (u64, u64) {
    let s = &value["range"]["start"];
    (s["line"].as_u64().unwrap(), s["character"].as_u64().unwrap())
}

fn pos((line, column): (u32, u32)) -> (u64, u64) {
    (line.into(), column.into())
}

/// The path relative to the root a location's URI names.
fn path_of(client: &Client, uri: &Value) -> String {
    let uri = uri.as_str().expect("uri");
    let root = client.uri("");
    uri.strip_prefix(&root).unwrap_or(uri).to_owned()
}

/// A versioned workspace edit's edits per path, with each document's version.
fn document_changes(client: &Client, edit: &Value) -> BTreeMap<String, (Value, Vec<Value>)> {
    let changes = edit["documentChanges"].as_array().expect("documentChanges");
    changes
        .iter()
        .map(|c| {
            let doc = &c["textDocument"];
            let edits = c["edits"].as_array().unwrap().clone();
            (path_of(client, &doc["uri"]), (doc["version"].clone(), edits))
        })
        .collect()
}

fn definition(client: &mut Client, path: &str, at: (u32, u32)) -> Value {
    client.at("textDocument/definition", path, at, json!({}))
}

#[test]
fn definition_leads_from_each_reference_to_where_the_id_is_defined() {
    let repo = Repo::fixture("lsp");
    let mut client = Client::start(repo.path());
    let plan = client.open_from_disk(PLAN);
    let review = client.open_from_disk(REVIEW);
    let roster = read(&repo, ROSTER);
    let budget = read(&repo, BUDGET);
    // The plan's owner, after a Chinese title: the person on the roster.
    let def = definition(&mut client, PLAN, find(&plan, "owner: p001", 9));
    assert_eq!(path_of(&client, &def["uri"]), ROSTER);
    assert_eq!(start(&def), pos(find(&roster, "p001", 0)));
    assert_eq!(def["range"]["end"]["character"], find(&roster, "p001", 4).1);
    // A review's task, spend line and the plan's scorecard post.
    let def = definition(&mut client, REVIEW, find(&review, "task: hire", 6));
    assert_eq!(path_of(&client, &def["uri"]), PLAN);
    assert_eq!(start(&def), pos(find(&plan, "id: hire", 4)));
    let def = definition(&mut client, REVIEW, find(&review, "line: office", 6));
    assert_eq!(path_of(&client, &def["uri"]), BUDGET);
    assert_eq!(start(&def), pos(find(&budget, "id: office", 4)));
    let def = definition(&mut client, PLAN, find(&plan, "post: rep", 8));
    assert_eq!(path_of(&client, &def["uri"]), ROSTER);
    assert_eq!(start(&def), pos(find(&roster, "id: rep", 4)));
    // The cursor just after an id still names it; a definition leads to itself.
    let def = definition(&mut client, PLAN, find(&plan, "owner: p001", 11));
    assert_eq!(path_of(&client, &def["uri"]), ROSTER);
    let def = definition(&mut client, ROSTER, find(&roster, "reports_to: p001", 14));
    assert_eq!(start(&def), pos(find(&roster, "p001", 0)));
    // A document link: the file it names.
    let def = definition(&mut client, REVIEW, find(&review, "plan: 2026-10.plan.md", 9));
    assert_eq!(path_of(&client, &def["uri"]), PLAN);
    let def = definition(&mut client, PLAN, find(&plan, "budget: 2026-10", 10));
    assert_eq!(path_of(&client, &def["uri"]), BUDGET);
    // Whitespace, the Markdown body, a key and a position past the end: nothing.
    assert_eq!(definition(&mut client, PLAN, find(&plan, "tasks:", 0)), Value::Null);
    assert_eq!(definition(&mut client, PLAN, find(&plan, "稳住队伍", 2)), Value::Null);
    assert_eq!(definition(&mut client, PLAN, (400, 3)), Value::Null);
    assert_eq!(definition(&mut client, PLAN, (3, 400)), Value::Null);
    // An unknown id, in an unsaved buffer: nothing, and no error.
    let broken = plan.replace("owner: p001", "owner: p999");
    client.change(PLAN, &broken);
    assert_eq!(definition(&mut client, PLAN, find(&broken, "owner: p999", 8)), Value::Null);
    // A half-typed buffer does not make the server fail.
    client.change(PLAN, &plan.replace("owner: p001", "owner: [p0"));
    assert_eq!(definition(&mut client, PLAN, find(&plan, "owner: p001", 8)), Value::Null);
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn references_and_highlights_of_a_person_across_files() {
    let repo = Repo::fixture("lsp");
    let mut client = Client::start(repo.path());
    let roster = client.open_from_disk(ROSTER);
    let at = find(&roster, "reports_to: p001", 13);
    let all = client.at(
        "textDocument/references",
        ROSTER,
        at,
        json!({ "context": { "includeDeclaration": true } }),
    );
    let all = all.as_array().unwrap();
    let paths: Vec<String> = all.iter().map(|l| path_of(&client, &l["uri"])).collect();
    assert_eq!(paths, [PLAN, REVIEW, PLAN11, ROSTER, ROSTER, ROSTER]);
    // In the roster: the definition, then 李四's and 王五's `reports_to`, after Chinese names.
    let line = |name: &str| roster.lines().position(|l| l.contains(name)).unwrap() as u64;
    let column = |name: &str| {
        let l = roster.lines().find(|l| l.contains(name)).unwrap();
        l[..l.find("p001").unwrap()].encode_utf16().count() as u64
    };
    let in_roster: Vec<(u64, u64)> = all[3..].iter().map(start).collect();
    assert_eq!(
        in_roster,
        [
            (line("张三"), column("张三")),
            (line("李四"), column("李四")),
            (line("王五"), column("王五"))
        ]
    );
    let without = client.at(
        "textDocument/references",
        ROSTER,
        at,
        json!({ "context": { "includeDeclaration": false } }),
    );
    assert_eq!(without.as_array().unwrap().len(), 5);
    // Highlights: in this file only, the definition written and the references read.
    let marks = client.at("textDocument/documentHighlight", ROSTER, at, json!({}));
    let kinds: Vec<&Value> = marks.as_array().unwrap().iter().map(|h| &h["kind"]).collect();
    assert_eq!(kinds, [&json!(3), &json!(2), &json!(2)]);
    let none = client.at(
        "textDocument/references",
        ROSTER,
        find(&roster, "people:", 0),
        json!({ "context": { "includeDeclaration": true } }),
    );
    assert_eq!(none, Value::Null);
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn renaming_a_person_edits_four_files_in_one_workspace_edit_and_the_result_checks_clean() {
    let repo = Repo::fixture("lsp");
    let mut client = Client::start(repo.path());
    // The roster is open with an unsaved edit that quotes one reference.
    let roster = client.open_from_disk(ROSTER);
    let quoted = roster.replacen("reports_to: p001 }", "reports_to: \"p001\" }", 1);
    client.change(ROSTER, &quoted);
    let plan = read(&repo, PLAN);
    let at = find(&plan, "owner: p001", 7);
    let prepared = client.at("textDocument/prepareRename", PLAN, at, json!({}));
    assert_eq!(prepared["placeholder"], "p001");
    assert_eq!(start(&prepared), pos(at));
    assert_eq!(prepared["range"]["end"]["character"], at.1 + 4);
    let edit = client.at("textDocument/rename", PLAN, at, json!({ "newName": "p100" }));
    let changes = document_changes(&client, &edit);
    let paths: Vec<&str> = changes.keys().map(String::as_str).collect();
    assert_eq!(paths, [PLAN, REVIEW, PLAN11, ROSTER]);
    // The open buffer's version; null for files on disk.
    assert_eq!(changes[ROSTER].0, json!(2));
    assert_eq!(changes[PLAN].0, Value::Null);
    assert_eq!(changes[ROSTER].1.len(), 3);
    for (path, (_, edits)) in &changes {
        let text = if path == ROSTER { quoted.clone() } else { read(&repo, path) };
        let edited = apply(&text, edits);
        assert!(!edited.contains("p001"), "{path}: {edited}");
        std::fs::write(repo.path().join(path), edited).unwrap();
    }
    let edited = read(&repo, ROSTER);
    assert!(edited.contains("reports_to: \"p100\" }"), "{edited}");
    assert!(edited.contains("{ id: p100, name: 张三"), "{edited}");
    assert!(read(&repo, REVIEW).contains("author: p100"));
    let run = repo.run(["check"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn a_kpi_and_a_score_component_are_renamed_everywhere_they_are_named() {
    let repo = Repo::fixture("lsp");
    let mut client = Client::start(repo.path());
    let config = read(&repo, CONFIG);
    let edit = client.at(
        "textDocument/rename",
        CONFIG,
        find(&config, "id: units", 5),
        json!({ "newName": "销量" }),
    );
    let changes = document_changes(&client, &edit);
    let paths: Vec<&str> = changes.keys().map(String::as_str).collect();
    assert_eq!(paths, [PLAN, REVIEW, PLAN11, CONFIG]);
    for (path, (_, edits)) in &changes {
        let edited = apply(&read(&repo, path), edits);
        assert!(edited.contains("销量"), "{path}");
        std::fs::write(repo.path().join(path), edited).unwrap();
    }
    assert!(read(&repo, PLAN).contains("{ kpi: 销量, floor: 6000"));
    // The editor saved the edit: the server reads the files again.
    let saved: Vec<Value> =
        changes.keys().map(|p| json!({ "uri": client.uri(p), "type": 2 })).collect();
    client.notify("workspace/didChangeWatchedFiles", json!({ "changes": saved }));
    // The component is a key of the review's score mappings.
    let review = read(&repo, REVIEW);
    let edit = client.at(
        "textDocument/rename",
        REVIEW,
        find(&review, "{ sales: 90", 3),
        json!({ "newName": "出货" }),
    );
    let changes = document_changes(&client, &edit);
    assert_eq!(changes[REVIEW].1.len(), 2);
    assert_eq!(changes[PLAN].1.len(), 1);
    for (path, (_, edits)) in &changes {
        std::fs::write(repo.path().join(path), apply(&read(&repo, path), edits)).unwrap();
    }
    assert!(read(&repo, REVIEW).contains("components: { 出货: 90, basic: 85 }"));
    assert!(read(&repo, PLAN).contains("{ id: 出货, name: 销售完成率"));
    let run = repo.run(["check"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn a_rename_onto_an_existing_id_or_into_a_bad_id_is_refused_in_chinese() {
    let repo = Repo::fixture("lsp");
    let mut client = Client::start(repo.path());
    let plan = client.open_from_disk(PLAN);
    let rename = |client: &mut Client, at: (u32, u32), name: &str| {
        client.request_raw(
            "textDocument/rename",
            json!({ "textDocument": { "uri": client.uri(PLAN) },
                "position": { "line": at.0, "character": at.1 }, "newName": name }),
        )
    };
    let owner = find(&plan, "owner: p001", 8);
    for bad in ["p002", "p 1", "", "a/b"] {
        let answer = rename(&mut client, owner, bad);
        let message = answer["error"]["message"].as_str().unwrap_or_else(|| panic!("{answer}"));
        assert!(has_chinese(message), "{message}");
    }
    let taken = rename(&mut client, owner, "p002");
    assert!(taken["error"]["message"].as_str().unwrap().contains("p002"));
    // A task onto another task of the same plan; a task named like a person is fine.
    let hire = find(&plan, "id: hire", 4);
    assert!(rename(&mut client, hire, "train")["error"].is_object());
    assert!(rename(&mut client, hire, "p001")["result"].is_object());
    // Not on an id: prepareRename says null, rename says why.
    let title = find(&plan, "title:", 2);
    let prepared = client.at("textDocument/prepareRename", PLAN, title, json!({}));
    assert_eq!(prepared, Value::Null);
    assert!(rename(&mut client, title, "x")["error"].is_object());
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn an_editor_without_versioned_edits_or_symbol_trees_gets_plain_changes_and_a_flat_list() {
    let repo = Repo::fixture("lsp");
    let mut caps = vscode_capabilities();
    caps["workspace"]["workspaceEdit"]["documentChanges"] = json!(false);
    caps["textDocument"]["documentSymbol"] = json!({});
    let mut client = Client::start_with(repo.path(), caps, &[]);
    let budget = read(&repo, BUDGET);
    let edit = client.at(
        "textDocument/rename",
        BUDGET,
        find(&budget, "id: office", 4),
        json!({ "newName": "admin" }),
    );
    let changes = edit["changes"].as_object().expect("changes");
    assert_eq!(changes.len(), 2, "{edit}");
    assert!(edit.get("documentChanges").is_none_or(Value::is_null));
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": client.uri(BUDGET) } }),
    );
    let names: Vec<&str> =
        symbols.as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["办公费", "工资"]);
    assert_eq!(symbols[0]["containerName"], "科目");
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn the_outline_names_people_and_the_workspace_finds_them() {
    let repo = Repo::fixture("lsp");
    let mut client = Client::start(repo.path());
    let roster = client.open_from_disk(ROSTER);
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": client.uri(ROSTER) } }),
    );
    let lists: Vec<&str> =
        symbols.as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(lists, ["岗位", "区域", "人员"]);
    let people = symbols[2]["children"].as_array().unwrap();
    let names: Vec<&str> = people.iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["张三", "李四", "王五"]);
    assert_eq!(people[0]["detail"], "p001 · 总经理");
    // The selection is the id; the range is the whole item, from its dash.
    let li = &people[1];
    assert_eq!(
        (
            li["selectionRange"]["start"]["line"].as_u64(),
            li["selectionRange"]["start"]["character"].as_u64()
        ),
        (Some(find(&roster, "p002", 0).0.into()), Some(find(&roster, "p002", 0).1.into()))
    );
    let dash = find(&roster, "- { id: p002", 0);
    assert_eq!(start(li), pos(dash));
    let line_len = roster.lines().nth(dash.0 as usize).unwrap().encode_utf16().count();
    assert_eq!(li["range"]["end"]["character"], line_len as u64);
    // The plan: targets by KPI name, the scorecard with its components.
    let plan = client.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": client.uri(PLAN) } }),
    );
    let text = serde_json::to_string(&plan).unwrap();
    for name in ["出货量", "毛利", "招聘业务员", "业务员考核表", "销售完成率"]
    {
        assert!(text.contains(name), "{name} not in {text}");
    }
    // The review: its tasks and spend by the names the plan and the budget give them.
    let review = client.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": client.uri(REVIEW) } }),
    );
    let text = serde_json::to_string(&review).unwrap();
    for name in ["招聘业务员", "培训", "办公费", "李四", "出货量", "4,620"] {
        assert!(text.contains(name), "{name} not in {text}");
    }
    // planbook.yaml: its units and KPIs.
    let config = client.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": client.uri(CONFIG) } }),
    );
    let lists: Vec<&str> =
        config.as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(lists, ["单位", "指标"]);
    assert_eq!(config[1]["children"][0]["name"], "出货量");
    // Workspace symbols: Chinese substrings, Latin in any case, with the unit and file.
    let found = client.request("workspace/symbol", json!({ "query": "张" }));
    let found = found.as_array().unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["name"], "张三");
    assert_eq!(found[0]["containerName"], "henan · henan/roster.yaml");
    let found = client.request("workspace/symbol", json!({ "query": "P00" }));
    let names: Vec<&str> =
        found.as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["张三", "李四", "王五"]);
    let all = client.request("workspace/symbol", json!({ "query": "" }));
    assert!(all.as_array().unwrap().len() > 15);
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn a_markdown_plan_folds_its_front_matter_items_and_sections() {
    let repo = Repo::fixture("lsp");
    let mut client = Client::start(repo.path());
    let plan = client.open_from_disk(PLAN);
    let request = |client: &mut Client| {
        let uri = client.uri(PLAN);
        let folds =
            client.request("textDocument/foldingRange", json!({ "textDocument": { "uri": uri } }));
        let folds = folds.as_array().unwrap().clone();
        folds
            .iter()
            .map(|f| (f["startLine"].as_u64().unwrap(), f["endLine"].as_u64().unwrap()))
            .collect::<Vec<_>>()
    };
    let folds = request(&mut client);
    let close = plan.lines().skip(1).position(|l| l == "---").unwrap() as u64 + 1;
    let line = |needle: &str| u64::from(find(&plan, needle, 0).0);
    assert!(folds.contains(&(0, close)), "{folds:?}");
    assert!(folds.contains(&(line("targets:"), line("{ kpi: margin"))), "{folds:?}");
    assert!(folds.contains(&(line("scorecards:"), line("{ id: basic"))), "{folds:?}");
    assert!(folds.contains(&(line("- post: rep"), line("{ id: basic"))), "{folds:?}");
    assert!(folds.contains(&(line("# 十月计划"), line("稳住队伍"))), "{folds:?}");
    // Whole lines only, and a broken buffer still folds.
    client.change(PLAN, &plan.replace("tasks:", "tasks: [\n"));
    let folds = request(&mut client);
    assert!(folds.contains(&(0, close + 1)), "{folds:?}");
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn definitions_and_references_follow_unsaved_edits_in_and_across_units() {
    let repo = Repo::fixture("lsp");
    let mut client = Client::start(repo.path());
    let plan = client.open_from_disk(PLAN);
    // The table is built once here, then kept up to date edit by edit.
    let def = definition(&mut client, PLAN, find(&plan, "owner: p001", 9));
    assert_eq!(path_of(&client, &def["uri"]), ROSTER);
    // A new person on the roster, unsaved, becomes the plan's owner, unsaved.
    let roster = client.open_from_disk(ROSTER);
    let roster = roster.replace(
        "  - { id: p003",
        "  - { id: p004, name: 赵七, post: rep, region: zz }\n  - { id: p003",
    );
    client.change(ROSTER, &roster);
    let plan = plan.replace("owner: p001", "owner: p004");
    client.change(PLAN, &plan);
    let def = definition(&mut client, PLAN, find(&plan, "owner: p004", 9));
    assert_eq!(path_of(&client, &def["uri"]), ROSTER);
    assert_eq!(start(&def), pos(find(&roster, "p004", 0)));
    // The sub-unit's roster names him too: its edit is seen from the parent's documents.
    let sub = "zhengzhou/roster.yaml";
    let text = client.open_from_disk(sub);
    client.change(sub, &text.replace("reports_to: p002", "reports_to: p004"));
    let refs = client.at(
        "textDocument/references",
        ROSTER,
        find(&roster, "p004", 1),
        json!({ "context": { "includeDeclaration": true } }),
    );
    let mut files: Vec<String> =
        refs.as_array().unwrap().iter().map(|r| path_of(&client, &r["uri"])).collect();
    files.sort();
    assert_eq!(files, [PLAN, ROSTER, sub]);
    // Closing the plan brings back the disk's owner: p004 is named in two files again.
    client.close(PLAN);
    let refs = client.at(
        "textDocument/references",
        ROSTER,
        find(&roster, "p004", 1),
        json!({ "context": { "includeDeclaration": false } }),
    );
    assert_eq!(refs.as_array().unwrap().len(), 1, "{refs}");
}
