//! `planbook lsp` code actions: check's fixes as quick fixes, the id meant for an unknown one,
//! "fix all safe problems", and stubs that add a missing person, KPI, task or budget line to
//! the file that should define it. Every edit returned is applied here as an editor would and
//! the result checked again, by the server and by `planbook check`.

use serde_json::{Value, json};

use crate::lsp_client::{Client, apply_edits as apply, codes, find, range, vscode_capabilities};
use crate::support::{Repo, has_chinese};

const PLAN: &str = "henan/2026-10.plan.md";
const REVIEW: &str = "henan/2026-10.review.md";
const BUDGET: &str = "henan/2026-10.budget.yaml";
const ROSTER: &str = "henan/roster.yaml";
const NONE: Vec<Value> = Vec::new();
const NO_RULES: Vec<String> = Vec::new();

fn fixture() -> Repo {
    Repo::fixture("lsp")
}

fn read(repo: &Repo, path: &str) -> String {
    std::fs::read_to_string(repo.path().join(path)).unwrap()
}

/// The code actions for `[start, end)` of `path`, with `only` kinds when given.
fn actions(
    client: &mut Client,
    path: &str,
    at: ((u32, u32), (u32, u32)),
    only: Value,
) -> Vec<Value> {
    let mut context = json!({ "diagnostics": [] });
    if !only.is_null() {
        context["only"] = only;
    }
    let params = json!({
        "textDocument": { "uri": client.uri(path) },
        "range": range(at.0, at.1),
        "context": context,
    });
    client.request("textDocument/codeAction", params).as_array().cloned().unwrap_or_default()
}

/// The actions on the first `needle` of `text`.
fn actions_on(client: &mut Client, path: &str, text: &str, needle: &str) -> Vec<Value> {
    let start = find(text, needle, 0);
    let end = (start.0, start.1 + needle.encode_utf16().count() as u32);
    actions(client, path, (start, end), Value::Null)
}

fn titled<'a>(actions: &'a [Value], part: &str) -> &'a Value {
    let titles: Vec<&Value> = actions.iter().map(|a| &a["title"]).collect();
    actions
        .iter()
        .find(|a| a["title"].as_str().is_some_and(|t| t.contains(part)))
        .unwrap_or_else(|| panic!("no action titled …{part}… in {titles:?}"))
}

/// The versioned document changes of an action's workspace edit: (uri, version, edits).
fn document_changes(action: &Value) -> Vec<(String, Value, Vec<Value>)> {
    let changes = action["edit"]["documentChanges"].as_array().expect("documentChanges");
    assert!(action["edit"]["changes"].is_null(), "{action}");
    changes
        .iter()
        .map(|c| {
            let doc = &c["textDocument"];
            let edits = c["edits"].as_array().unwrap().clone();
            (doc["uri"].as_str().unwrap().to_owned(), doc["version"].clone(), edits)
        })
        .collect()
}

/// The one file an action edits: its version and its edits, checking the URI.
fn only_change(client: &Client, action: &Value, path: &str) -> (Value, Vec<Value>) {
    let mut changes = document_changes(action);
    assert_eq!(changes.len(), 1, "{action}");
    let (uri, version, edits) = changes.remove(0);
    assert_eq!(uri, client.uri(path));
    (version, edits)
}

#[test]
fn a_mistyped_person_gets_the_known_ids_and_the_chosen_one_clears_the_diagnostic() {
    let repo = fixture();
    let mut client = Client::start(repo.path());
    let text = read(&repo, PLAN).replace("owner: p001", "owner: p01");
    client.open(PLAN, &text);
    let diags =
        client.diagnostics_until(PLAN, |d| codes(d).contains(&"plan.unknown-person".to_owned()));
    let found = actions_on(&mut client, PLAN, &text, "p01");
    // The editor may name the diagnostic instead of the range: the same actions.
    let params = json!({
        "textDocument": { "uri": client.uri(PLAN) },
        "range": range((0, 0), (0, 0)),
        "context": { "diagnostics": diags },
    });
    let named = client.request("textDocument/codeAction", params);
    assert_eq!(named.as_array(), Some(&found));
    // The roster is short, so every known id is offered; none is preferred (a reference
    // changes, as `check` marks it unsafe).
    let write = titled(&found, "`p001`");
    assert_eq!(write["title"], "改为 `p001`");
    assert_eq!(write["kind"], "quickfix");
    assert_eq!(write["isPreferred"], false);
    assert_eq!(write["diagnostics"][0]["code"], "plan.unknown-person");
    assert_eq!(write["diagnostics"][0]["source"], "planbook");
    titled(&found, "`p002`");
    // The open buffer's version names the text the edit is for.
    let (version, edits) = only_change(&client, write, PLAN);
    assert_eq!(version, 1);
    let fixed = apply(&text, &edits);
    assert_eq!(fixed, read(&repo, PLAN));
    client.change(PLAN, &fixed);
    client.diagnostics_until(PLAN, |d| d.is_empty());
    // The same place again: no problem, no action.
    let found = actions_on(&mut client, PLAN, &fixed, "p001");
    assert_eq!(found, NONE);
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn a_did_you_mean_task_is_one_action_and_a_range_without_problems_has_none() {
    let repo = fixture();
    let mut client = Client::start(repo.path());
    let text = read(&repo, REVIEW).replace("task: train", "task: trian");
    client.open(REVIEW, &text);
    client.diagnostics_until(REVIEW, |d| codes(d).contains(&"review.unknown-task".to_owned()));
    let found = actions_on(&mut client, REVIEW, &text, "trian");
    let write = titled(&found, "`train`");
    let (_, edits) = only_change(&client, write, REVIEW);
    assert_eq!(apply(&text, &edits), read(&repo, REVIEW));
    // The title line, the end of a line, past the end of the file: nothing to do.
    assert_eq!(actions_on(&mut client, REVIEW, &text, "title"), NONE);
    let end_of_line = find(&text, "status: done }", 14);
    assert_eq!(actions(&mut client, REVIEW, (end_of_line, end_of_line), Value::Null), NONE);
    let past = actions(&mut client, REVIEW, ((900, 0), (901, 5)), Value::Null);
    assert_eq!(past, NONE);
    // A file outside the repository.
    let outside = json!({ "textDocument": { "uri": "file:///nowhere/x.yaml" },
        "range": range((0, 0), (0, 0)), "context": { "diagnostics": [] } });
    assert!(client.request("textDocument/codeAction", outside).is_null());
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn a_full_width_colon_gets_the_safe_preferred_fix() {
    let repo = fixture();
    let mut client = Client::start(repo.path());
    let text = read(&repo, BUDGET).replace("    name: 办公费", "    name：办公费");
    client.open(BUDGET, &text);
    client.diagnostics_until(BUDGET, |d| codes(d).contains(&"yaml.syntax".to_owned()));
    let found = actions_on(&mut client, BUDGET, &text, "：");
    let quick: Vec<&Value> = found.iter().filter(|a| a["kind"] == "quickfix").collect();
    assert_eq!(quick.len(), 1, "{found:?}");
    let fix = quick[0];
    assert!(has_chinese(fix["title"].as_str().unwrap()), "{fix}");
    assert_eq!(fix["isPreferred"], true);
    let (version, edits) = only_change(&client, fix, BUDGET);
    assert_eq!(version, 1);
    let fixed = apply(&text, &edits);
    assert_eq!(fixed, read(&repo, BUDGET));
    client.change(BUDGET, &fixed);
    client.diagnostics_until(BUDGET, |d| d.is_empty());
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn an_amount_off_its_breakdown_gets_the_unsafe_fix_setting_it_and_the_total() {
    let repo = fixture();
    let mut client = Client::start(repo.path());
    let text = read(&repo, BUDGET)
        .replace("amount: 5000", "amount: 5200")
        .replace("total: 8000", "total: 8200");
    client.open(BUDGET, &text);
    client.diagnostics_until(BUDGET, |d| codes(d).contains(&"budget.breakdown-short".to_owned()));
    let found = actions_on(&mut client, BUDGET, &text, "5200");
    let fix = titled(&found, "5,000");
    assert_eq!(fix["isPreferred"], false);
    assert_eq!(fix["diagnostics"][0]["code"], "budget.breakdown-short");
    // The unsafe fix is not "fix all": nothing safe to fix here.
    assert!(found.iter().all(|a| a["kind"] != "source.fixAll.planbook"), "{found:?}");
    let (_, edits) = only_change(&client, fix, BUDGET);
    assert_eq!(edits.len(), 2, "the amount and the total");
    let fixed = apply(&text, &edits);
    assert_eq!(fixed, read(&repo, BUDGET));
    client.change(BUDGET, &fixed);
    client.diagnostics_until(BUDGET, |d| d.is_empty());
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn fix_all_makes_every_safe_fix_of_the_file_at_once() {
    let repo = fixture();
    let mut client = Client::start(repo.path());
    let text = read(&repo, BUDGET)
        .replace("amount: 3000", "amount: 3,000")
        .replace("quantity: 5,", "quantity: ５,");
    client.open(BUDGET, &text);
    client.diagnostics_until(BUDGET, |d| {
        codes(d).iter().filter(|c| *c == "schema.type").count() == 2
    });
    // As an editor asks on save: only the fix-all kind, for the whole file.
    let found = actions(&mut client, BUDGET, ((0, 0), (0, 0)), json!(["source.fixAll"]));
    assert_eq!(found.len(), 1, "{found:?}");
    let all = &found[0];
    assert_eq!(all["kind"], "source.fixAll.planbook");
    assert_eq!(all["title"], "修复本文件中所有可安全修复的问题（2 处）");
    let (version, edits) = only_change(&client, all, BUDGET);
    assert_eq!((version, edits.len()), (json!(1), 2));
    let fixed = apply(&text, &edits);
    assert_eq!(fixed, read(&repo, BUDGET));
    // Just what `check --fix` writes.
    std::fs::write(repo.path().join(BUDGET), &text).unwrap();
    repo.run(["check", "--fix"]).code(0);
    assert_eq!(read(&repo, BUDGET), fixed);
    client.change(BUDGET, &fixed);
    client.diagnostics_until(BUDGET, |d| d.is_empty());
    // Nothing left to fix: no fix-all action.
    assert_eq!(actions(&mut client, BUDGET, ((0, 0), (0, 0)), json!(["source.fixAll"])), NONE);
    // Asking for quick fixes only leaves it out.
    client.change(BUDGET, &text);
    client.diagnostics_until(BUDGET, |d| !d.is_empty());
    let quick = actions(&mut client, BUDGET, ((0, 0), (30, 0)), json!(["quickfix"]));
    assert_eq!(quick.len(), 2, "{quick:?}");
    assert!(quick.iter().all(|a| a["kind"] == "quickfix" && a["isPreferred"] == true));
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn an_unknown_person_in_a_review_is_added_to_the_open_roster_and_check_agrees() {
    let repo = fixture();
    let mut client = Client::start(repo.path());
    let review = read(&repo, REVIEW).replace("person: p003", "person: p099");
    std::fs::write(repo.path().join(REVIEW), &review).unwrap();
    client.open(REVIEW, &review);
    client.diagnostics_until(REVIEW, |d| codes(d).contains(&"review.unknown-person".to_owned()));
    // The roster is open with an unsaved change: the edit is for that text and version.
    let roster = client.open_from_disk(ROSTER);
    let roster = roster.replace("as_of: 2026-10-01", "as_of: 2026-10-01 # 十月");
    // (Messages are answered in order: the request below sees the change.)
    client.change(ROSTER, &roster);
    let found = actions_on(&mut client, REVIEW, &review, "p099");
    let add = titled(&found, "花名册");
    assert_eq!(add["title"], "在河南分公司的花名册中添加人员 p099");
    assert_eq!(add["diagnostics"][0]["code"], "review.unknown-person");
    let (version, edits) = only_change(&client, add, ROSTER);
    assert_eq!(version, 2);
    let added = apply(&roster, &edits);
    // In the style of the last person: a flow item, indented alike, after 王五; the post is
    // the one the review's plan scores (rep), though its establishment is full.
    let expected = "  - { id: p003, name: 王五, post: rep, region: ly, reports_to: p001 }\n  \
                    - { id: p099, name: \"\", post: rep }\n";
    assert!(added.ends_with(expected), "{added}");
    client.change(ROSTER, &added);
    let diags = client
        .diagnostics_until(REVIEW, |d| !codes(d).contains(&"review.unknown-person".to_owned()));
    // Saved, `check` agrees: nobody unknown; what is left is the third rep on a post of two.
    std::fs::write(repo.path().join(ROSTER), &added).unwrap();
    let run = repo.run(["check", "--format", "json"]);
    let rules = run.rules();
    assert!(!rules.iter().any(|r| r.ends_with("unknown-person")), "{rules:?}");
    assert_eq!(rules, ["roster.over-establishment"]);
    assert!(codes(&diags).is_empty(), "{diags:?}");
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn an_unknown_kpi_task_and_line_get_stubs_in_the_files_that_define_them() {
    let repo = fixture();
    let mut client = Client::start(repo.path());
    let next = "henan/2026-11.plan.md";
    let plan = read(&repo, next).replace("kpi: units, target: 11000", "kpi: calls, target: 11000");
    std::fs::write(repo.path().join(next), &plan).unwrap();
    client.open(next, &plan);
    client.diagnostics_until(next, |d| codes(d).contains(&"document.unknown-kpi".to_owned()));
    let found = actions_on(&mut client, next, &plan, "calls");
    let add = titled(&found, "calls");
    assert_eq!(add["title"], "在 planbook.yaml 中添加指标 calls");
    // planbook.yaml is not open: the version is null (the file on disk).
    let (version, edits) = only_change(&client, add, "planbook.yaml");
    assert!(version.is_null(), "{add}");
    let config = apply(&read(&repo, "planbook.yaml"), &edits);
    assert!(
        config
            .ends_with("  - { id: margin, name: 毛利, unit: 元 }\n  - { id: calls, name: \"\" }\n")
    );
    std::fs::write(repo.path().join("planbook.yaml"), &config).unwrap();
    // A review naming a task and a budget line nobody planned.
    let review = read(&repo, REVIEW)
        .replace("task: train", "task: visit")
        .replace("line: office", "line: travel");
    std::fs::write(repo.path().join(REVIEW), &review).unwrap();
    client.open(REVIEW, &review);
    client.diagnostics_until(REVIEW, |d| codes(d).contains(&"review.unknown-line".to_owned()));
    let found = actions_on(&mut client, REVIEW, &review, "visit");
    let add = titled(&found, "visit");
    assert_eq!(add["title"], "在 henan/2026-10.plan.md 中添加任务 visit");
    let (_, edits) = only_change(&client, add, PLAN);
    let tasks = apply(&read(&repo, PLAN), &edits);
    assert!(tasks.contains("depends_on: [hire] }\n  - { id: visit, name: \"\" }\nscorecards:"));
    std::fs::write(repo.path().join(PLAN), &tasks).unwrap();
    let found = actions_on(&mut client, REVIEW, &review, "travel");
    let add = titled(&found, "travel");
    assert_eq!(add["title"], "在 henan/2026-10.budget.yaml 中添加预算科目 travel");
    let (_, edits) = only_change(&client, add, BUDGET);
    let budget = apply(&read(&repo, BUDGET), &edits);
    // The budget's lines are block items: the stub is one too.
    assert!(budget.contains("unit_price: 1500 }\n  - id: travel\n    name: \"\"\n    amount: 0\n"));
    std::fs::write(repo.path().join(BUDGET), &budget).unwrap();
    let rules = repo.run(["check", "--format", "json"]).rules();
    for gone in ["document.unknown-kpi", "review.unknown-task", "review.unknown-line"] {
        assert!(!rules.iter().any(|r| r == gone), "{rules:?}");
    }
    assert!(!rules.iter().any(|r| r.starts_with("yaml.") || r.starts_with("schema.")), "{rules:?}");
    // Nothing else either: an empty name is allowed, a line of 0 is a line.
    assert_eq!(rules, NO_RULES);
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn titles_follow_lang_and_clients_without_document_changes_get_changes() {
    let repo = fixture();
    let mut caps = vscode_capabilities();
    caps["workspace"]["workspaceEdit"] = json!({});
    let mut client = Client::start_with(repo.path(), caps, &["--lang", "en"]);
    let text = read(&repo, REVIEW).replace("person: p003", "person: p099");
    client.open(REVIEW, &text);
    client.diagnostics_until(REVIEW, |d| codes(d).contains(&"review.unknown-person".to_owned()));
    let found = actions_on(&mut client, REVIEW, &text, "p099");
    let add = titled(&found, "Add person");
    assert_eq!(add["title"], "Add person p099 to the roster of 河南分公司");
    titled(&found, "write `p003`");
    for action in &found {
        assert!(action["edit"]["documentChanges"].is_null(), "{action}");
        let changes = action["edit"]["changes"].as_object().expect("changes");
        assert_eq!(changes.len(), 1);
    }
    let changes = &add["edit"]["changes"];
    let edits = changes[client.uri(ROSTER).as_str()].as_array().expect("the roster's edits");
    let added = apply(&read(&repo, ROSTER), edits);
    assert!(added.ends_with("  - { id: p099, name: \"\", post: rep }\n"), "{added}");
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn every_document_of_the_sample_repository_answers_with_edits_that_apply() {
    let repo = Repo::empty();
    crate::support::copy_tree(&crate::support::project_root().join("plans"), repo.path());
    let mut client = Client::start(repo.path());
    let mut paths = Vec::new();
    for dir in ["", "henan", "power"] {
        let Ok(entries) = std::fs::read_dir(repo.path().join(dir)) else { continue };
        for entry in entries {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            if name.ends_with(".yaml") || name.ends_with(".md") {
                paths.push(if dir.is_empty() { name } else { format!("{dir}/{name}") });
            }
        }
    }
    paths.sort();
    assert!(paths.len() >= 8, "{paths:?}");
    let (mut count, started) = (0, std::time::Instant::now());
    for path in &paths {
        // The whole file and beyond, as "fix all" and a select-all would ask.
        let found = actions(&mut client, path, ((0, 0), (100_000, 0)), Value::Null);
        for action in &found {
            for (uri, version, edits) in document_changes(action) {
                // Nothing is open: every edit is for the file on disk.
                assert!(version.is_null(), "{action}");
                let rel = uri.strip_prefix(&client.uri("")).expect("a file of the repository");
                let text = read(&repo, rel);
                let _ = apply(&text, &edits);
            }
        }
        count += found.len();
    }
    // The sample's Henan December budget has three amounts off their breakdowns.
    let budget =
        actions(&mut client, "henan/2026-12.budget.yaml", ((0, 0), (9999, 0)), Value::Null);
    assert!(budget.iter().filter(|a| a["kind"] == "quickfix").count() >= 3, "{budget:?}");
    eprintln!("{count} actions for {} documents in {:?}", paths.len(), started.elapsed());
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn a_half_typed_roster_gets_no_stub_and_no_error() {
    let repo = fixture();
    let mut client = Client::start(repo.path());
    let review = read(&repo, REVIEW).replace("person: p003", "person: p099");
    client.open(REVIEW, &review);
    client.diagnostics_until(REVIEW, |d| codes(d).contains(&"review.unknown-person".to_owned()));
    // 王五's line half typed: the roster does not parse.
    let roster = read(&repo, ROSTER).replace("reports_to: p001 }\n", "reports_to: p0");
    let roster = roster.replacen("reports_to: p0", "reports_to: p001 }\n", 1);
    assert!(roster.ends_with("reports_to: p0"), "{roster}");
    client.open(ROSTER, &roster);
    client.diagnostics_until(ROSTER, |d| codes(d).contains(&"yaml.syntax".to_owned()));
    let found = actions(&mut client, ROSTER, ((0, 0), (100, 0)), Value::Null);
    assert!(found.iter().all(|a| a["edit"].is_object()), "{found:?}");
    let found = actions_on(&mut client, REVIEW, &review, "p099");
    assert!(found.iter().all(|a| !a["title"].as_str().unwrap().contains("花名册")), "{found:?}");
    assert_eq!(client.shutdown(), 0);
}
