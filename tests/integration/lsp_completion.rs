//! `planbook lsp` completion: every reference with its name and details, filtered to what is
//! valid at the cursor, read from the buffer as typed (even when it does not parse).

use serde_json::{Value, json};

use crate::lsp_client::{Client, find};
use crate::support::{Repo, english_words};

/// The cursor in the test texts.
const CURSOR: &str = "‸";

/// A repository with a leaver on the henan roster (gone before 2026-10).
fn fixture() -> Repo {
    let repo = Repo::fixture("lsp");
    let roster = std::fs::read_to_string(repo.path().join("henan/roster.yaml")).unwrap();
    let leaver = "  - { id: p009, name: 钱九, post: rep, region: zz, until: 2026-08-31 }\n";
    repo.file("henan/roster.yaml", format!("{roster}{leaver}"))
}

/// Puts `text` (with the cursor mark) in the buffer of `path` and asks for completion there.
fn complete(client: &mut Client, path: &str, text: &str, open: bool) -> Vec<Value> {
    let at = find(text, CURSOR, 0);
    let clean = text.replacen(CURSOR, "", 1);
    if open {
        client.open(path, &clean);
    } else {
        client.change(path, &clean);
    }
    let result = client.at("textDocument/completion", path, at, json!({}));
    match result {
        Value::Array(items) => items,
        Value::Object(list) => list["items"].as_array().cloned().unwrap_or_default(),
        _ => Vec::new(),
    }
}

fn labels(items: &[Value]) -> Vec<&str> {
    items.iter().filter_map(|i| i["label"].as_str()).collect()
}

fn item<'i>(items: &'i [Value], label: &str) -> &'i Value {
    let found = items.iter().find(|i| i["label"] == label);
    found.unwrap_or_else(|| panic!("no {label} in {:?}", labels(items)))
}

/// Every detail of `items` is free of English words.
fn no_english(items: &[Value]) {
    for i in items {
        let detail = i["detail"].as_str().unwrap_or_default();
        assert!(english_words(detail).is_empty(), "{detail}");
        let doc = i["documentation"]["value"].as_str().or(i["documentation"].as_str());
        assert!(english_words(doc.unwrap_or_default()).is_empty(), "{doc:?}");
    }
}

#[test]
fn a_rosters_manager_is_offered_with_name_post_and_region() {
    let repo = fixture();
    let mut client = Client::start(repo.path());
    let path = "henan/roster.yaml";
    let text = std::fs::read_to_string(repo.path().join(path)).unwrap();
    let typed = format!("{text}  - {{ id: p005, name: 孙七, post: rep, reports_to: {CURSOR} }}\n");
    let items = complete(&mut client, path, &typed, true);
    let gm = item(&items, "p001");
    let detail = gm["detail"].as_str().unwrap();
    assert!(detail.contains("张三") && detail.contains("总经理"), "{detail}");
    assert!(gm["filterText"].as_str().unwrap().contains("张三"));
    let li = item(&items, "p002")["detail"].as_str().unwrap().to_string();
    assert!(li.contains("李四") && li.contains("业务员") && li.contains("郑州"), "{li}");
    assert!(!labels(&items).contains(&"p005"), "not their own manager");
    // The sub-unit's people are not managers of the parent's roster.
    assert!(!labels(&items).contains(&"p101"));
    // The edit replaces the (empty) word at the cursor.
    let (line, column) = find(&typed, CURSOR, 0);
    let edit = &gm["textEdit"];
    assert_eq!(edit["newText"], "p001");
    assert_eq!(edit["range"]["start"], json!({ "line": line, "character": column }));
    no_english(&items);
    // In the sub-unit's roster, the parent's people are managers too.
    let path = "zhengzhou/roster.yaml";
    let text = std::fs::read_to_string(repo.path().join(path)).unwrap();
    let typed = text.replace("reports_to: p002", &format!("reports_to: p0{CURSOR}"));
    let items = complete(&mut client, path, &typed, true);
    for id in ["p001", "p002", "p003"] {
        item(&items, id);
    }
    let edit = &item(&items, "p002")["textEdit"];
    let (line, column) = find(&typed, CURSOR, 0);
    assert_eq!(edit["range"]["start"], json!({ "line": line, "character": column - 2 }));
    assert_eq!(edit["range"]["end"], json!({ "line": line, "character": column }));
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn a_reviews_scores_offer_only_the_units_staff_during_the_period() {
    let repo = fixture();
    let mut client = Client::start(repo.path());
    let path = "henan/2026-10.review.md";
    let text = std::fs::read_to_string(repo.path().join(path)).unwrap();
    let typed = text.replace("  - person: p003", &format!("  - person: {CURSOR}"));
    let items = complete(&mut client, path, &typed, true);
    let got = labels(&items);
    for id in ["p001", "p002", "p003", "p101"] {
        assert!(got.contains(&id), "{id} in {got:?}");
    }
    assert!(!got.contains(&"p009"), "a leaver is not offered: {got:?}");
    no_english(&items);
    // A review of the sub-unit: only its own staff.
    let sub = "zhengzhou/2026-10.review.md";
    let typed = format!(
        "---\nkind: review\nunit: zhengzhou\nperiod: 2026-10\ntitle: 郑州十月\n\
         scores:\n  - person: {CURSOR}\n---\n"
    );
    let items = complete(&mut client, sub, &typed, true);
    assert_eq!(labels(&items), ["p101"]);
    assert!(item(&items, "p101")["detail"].as_str().unwrap().contains("赵六"));
}

#[test]
fn spending_tasks_kpis_components_and_statuses() {
    let repo = fixture();
    let mut client = Client::start(repo.path());
    let path = "henan/2026-10.review.md";
    let text = std::fs::read_to_string(repo.path().join(path)).unwrap();
    // spend: - line: → the plan's budget lines with names.
    let typed = text.replace("spend:\n", &format!("spend:\n  - line: {CURSOR}\n"));
    let items = complete(&mut client, path, &typed, true);
    assert_eq!(labels(&items), ["office", "wages"]);
    let office = item(&items, "office")["detail"].as_str().unwrap().to_string();
    assert!(office.contains("办公费") && office.contains("5,000"), "{office}");
    assert!(item(&items, "wages")["detail"].as_str().unwrap().contains("工资"));
    no_english(&items);
    // A review's task → its plan's tasks.
    let typed = text.replace("{ task: train", &format!("{{ task: {CURSOR}"));
    let items = complete(&mut client, path, &typed, false);
    assert!(labels(&items).contains(&"train"));
    // A status: canonical and Chinese names.
    let typed = text
        .replace("{ task: hire, status: done }", &format!("{{ task: hire, status: {CURSOR} }}"));
    let items = complete(&mut client, path, &typed, false);
    let got = labels(&items);
    assert!(got.contains(&"done") && got.contains(&"完成"), "{got:?}");
    no_english(&items);
    // A score's components: the scorecard of the person's post, less those written.
    let typed = text.replace("{ sales: 90, basic: 85 }", &format!("{{ sales: 90, {CURSOR} }}"));
    let items = complete(&mut client, path, &typed, false);
    assert_eq!(labels(&items), ["basic"]);
    assert!(item(&items, "basic")["detail"].as_str().unwrap().contains("基本工作"));
    // kpi: → units and margin with their names.
    let typed = text.replace("{ kpi: margin", &format!("{{ kpi: {CURSOR}"));
    let items = complete(&mut client, path, &typed, false);
    let units = item(&items, "units")["detail"].as_str().unwrap().to_string();
    assert!(units.contains("出货量") && units.contains("台"), "{units}");
    item(&items, "margin");
    no_english(&items);
    // period: the unit's periods and the next one.
    let typed = text.replace("period: 2026-10", &format!("period: {CURSOR}"));
    let items = complete(&mut client, path, &typed, false);
    let got = labels(&items);
    for p in ["2026-10", "2026-11", "2026-12"] {
        assert!(got.contains(&p), "{p} in {got:?}");
    }
    no_english(&items);
}

#[test]
fn a_plans_dependencies_offer_other_tasks_not_itself_nor_those_listed() {
    let repo = fixture();
    let mut client = Client::start(repo.path());
    let path = "henan/2026-10.plan.md";
    let text = std::fs::read_to_string(repo.path().join(path)).unwrap();
    let typed = text.replace("depends_on: [hire]", &format!("depends_on: [{CURSOR}]"));
    let items = complete(&mut client, path, &typed, true);
    assert_eq!(labels(&items), ["hire"]);
    assert_eq!(item(&items, "hire")["detail"], "招聘业务员");
    let more = "  - { id: visit, name: 走访, owner: p002, start: 2026-10-20, duration: 1w, \
                depends_on: [hire, ";
    let typed = text.replace("scorecards:", &format!("{more}{CURSOR}] }}\nscorecards:"));
    let items = complete(&mut client, path, &typed, false);
    assert_eq!(labels(&items), ["train"]);
}

#[test]
fn a_half_typed_buffer_that_does_not_parse_still_completes() {
    let repo = fixture();
    let mut client = Client::start(repo.path());
    let path = "henan/2026-10.plan.md";
    let text = std::fs::read_to_string(repo.path().join(path)).unwrap();
    let typed = text
        .replace("owner: p001", &format!("owner: {CURSOR}"))
        .replace("targets:", "targets: [unclosed\n  bad: {");
    let items = complete(&mut client, path, &typed, true);
    for id in ["p001", "p002", "p003"] {
        item(&items, id);
    }
    // Tasks of a plan that does not parse: the ids written in it.
    let typed = text
        .replace("depends_on: [hire]", &format!("depends_on: [{CURSOR}]"))
        .replace("targets:", "targets: [unclosed\n  bad: {");
    let items = complete(&mut client, path, &typed, false);
    assert_eq!(labels(&items), ["hire"]);
}

#[test]
fn keys_of_a_roster_person_skip_those_written() {
    let repo = fixture();
    let mut client = Client::start(repo.path());
    let path = "henan/roster.yaml";
    let text = std::fs::read_to_string(repo.path().join(path)).unwrap();
    let typed = format!("{text}  - id: p005\n    name: 孙七\n    {CURSOR}\n");
    let items = complete(&mut client, path, &typed, true);
    let got = labels(&items);
    for key in ["post", "region", "reports_to", "since"] {
        assert!(got.contains(&key), "{key} in {got:?}");
    }
    assert!(!got.contains(&"id") && !got.contains(&"name"), "{got:?}");
    assert_eq!(item(&items, "post")["textEdit"]["newText"], "post: ");
    no_english(&items);
    // Typing the start of a key: the word typed is replaced.
    let typed = format!("{text}  - id: p005\n    name: 孙七\n    rep{CURSOR}\n");
    let items = complete(&mut client, path, &typed, false);
    let (line, column) = find(&typed, CURSOR, 0);
    let edit = &item(&items, "reports_to")["textEdit"];
    assert_eq!(edit["range"]["start"], json!({ "line": line, "character": column - 3 }));
}

#[test]
fn chinese_text_before_the_cursor_and_a_chinese_name_typed() {
    let repo = fixture();
    let mut client = Client::start(repo.path());
    let path = "henan/roster.yaml";
    let text = std::fs::read_to_string(repo.path().join(path)).unwrap();
    // After Chinese characters on the line, the range is counted in UTF-16 units.
    let typed =
        format!("{text}  - {{ id: p005, name: 孙七七, post: rep, reports_to: 张{CURSOR} }}\n");
    let items = complete(&mut client, path, &typed, true);
    let (line, column) = find(&typed, CURSOR, 0);
    let edit = &item(&items, "p001")["textEdit"];
    assert_eq!(edit["range"]["start"], json!({ "line": line, "character": column - 1 }));
    assert_eq!(edit["range"]["end"], json!({ "line": line, "character": column }));
    // The name is what the editor filters on, with the id.
    let p001 = item(&items, "p001");
    assert_eq!(p001["filterText"], "p001 张三");
    // A post after Chinese text.
    let typed = format!("{text}  - {{ id: p005, name: 孙七七, post: {CURSOR} }}\n");
    let items = complete(&mut client, path, &typed, false);
    // The unit's own posts first (a sub-unit's posts are valid too, as the rules say).
    assert_eq!(labels(&items)[..2], ["gm", "rep"]);
    assert_eq!(item(&items, "rep")["detail"], "业务员");
    let (line, column) = find(&typed, CURSOR, 0);
    let edit = &item(&items, "gm")["textEdit"];
    assert_eq!(edit["range"]["start"], json!({ "line": line, "character": column }));
}

#[test]
fn nothing_outside_the_front_matter_or_past_the_end() {
    let repo = fixture();
    let mut client = Client::start(repo.path());
    let path = "henan/2026-10.plan.md";
    let text = std::fs::read_to_string(repo.path().join(path)).unwrap();
    let typed = text.replace("稳住队伍", &format!("稳住{CURSOR}队伍"));
    assert!(complete(&mut client, path, &typed, true).is_empty());
    let far = client.at("textDocument/completion", path, (999, 999), json!({}));
    assert!(far.is_null() || far.as_array().is_some_and(Vec::is_empty), "{far}");
    let wide = client.at("textDocument/completion", path, (3, 999), json!({}));
    // A column past the line's end is its end: the period there is completed.
    assert!(wide["items"].as_array().is_some_and(|i| !i.is_empty()), "{wide}");
    // In a comment: nothing either.
    let typed = text.replace("owner: p001", &format!("owner: p001 # 负责{CURSOR}"));
    assert!(complete(&mut client, path, &typed, false).is_empty());
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn english_details_for_an_english_repository() {
    let repo = fixture();
    let caps = crate::lsp_client::vscode_capabilities();
    let mut client = Client::start_with(repo.path(), caps, &["--lang", "en"]);
    let path = "henan/2026-10.review.md";
    let text = std::fs::read_to_string(repo.path().join(path)).unwrap();
    let typed = text.replace("{ kpi: margin", &format!("{{ kpi: {CURSOR}"));
    let items = complete(&mut client, path, &typed, true);
    assert_eq!(item(&items, "units")["detail"], "出货量 (台)");
    let typed = text.replace("  - person: p003", &format!("  - person: p003\n    {CURSOR}"));
    let items = complete(&mut client, path, &typed, false);
    let bonus = item(&items, "bonus");
    assert_eq!(bonus["documentation"]["kind"], "markdown");
    assert!(bonus["documentation"]["value"].as_str().unwrap().contains("Bonus"));
}

#[test]
fn a_new_file_is_offered_the_kinds_and_a_written_colon_is_kept() {
    let repo = fixture();
    let mut client = Client::start(repo.path());
    let items = complete(&mut client, "henan/新文件.yaml", &format!("kind: {CURSOR}\n"), true);
    let got = labels(&items);
    assert!(got.contains(&"roster") && got.contains(&"review"), "{got:?}");
    assert_eq!(item(&items, "roster")["detail"], "花名册");
    // A value typed straight after the colon gets a space before it.
    let path = "henan/roster.yaml";
    let text = std::fs::read_to_string(repo.path().join(path)).unwrap();
    let typed = text.replace("as_of: 2026-10-01", &format!("as_of: 2026-10-01\nunit:{CURSOR}"));
    let items = complete(&mut client, path, &typed, true);
    assert_eq!(item(&items, "henan")["textEdit"]["newText"], " henan");
    assert!(item(&items, "zhengzhou")["detail"].as_str().unwrap().contains("郑州大区"));
    // Completing a key over a word whose colon is written keeps that colon.
    let typed = text.replace("as_of: 2026", &format!("as_o{CURSOR}: 2026"));
    let items = complete(&mut client, path, &typed, false);
    assert_eq!(item(&items, "title")["textEdit"]["newText"], "title");
}

#[test]
fn every_position_of_the_fixtures_answers_without_an_error() {
    let repo = fixture();
    let mut client = Client::start(repo.path());
    for path in ["henan/2026-10.review.md", "henan/roster.yaml", "henan/2026-10.budget.yaml"] {
        let text = client.open_from_disk(path);
        for (line, content) in text.lines().enumerate() {
            let width = content.encode_utf16().count() as u32;
            for column in 0..=width + 1 {
                let params = json!({
                    "textDocument": { "uri": client.uri(path) },
                    "position": { "line": line, "character": column },
                });
                let response = client.request_raw("textDocument/completion", params);
                assert!(response.get("error").is_none(), "{path}:{line}:{column}: {response}");
            }
        }
    }
}

#[test]
fn a_long_list_is_cut_to_what_matches_the_word_and_marked_incomplete() {
    let people: String =
        (0..600).map(|i| format!("  - {{ id: q{i:03}, name: 员工{i:03}, post: rep }}\n")).collect();
    let roster = format!(
        "kind: roster\nunit: zhengzhou\nas_of: 2026-10-01\nposts:\n  \
         - {{ id: rep, title: 业务员, establishment: 600 }}\npeople:\n{people}"
    );
    let repo = fixture().file("zhengzhou/roster.yaml", roster);
    let mut client = Client::start(repo.path());
    let path = "henan/2026-10.review.md";
    let text = std::fs::read_to_string(repo.path().join(path)).unwrap();
    let typed = text.replace("  - person: p003", &format!("  - person: {CURSOR}"));
    let at = find(&typed, CURSOR, 0);
    client.open(path, &typed.replacen(CURSOR, "", 1));
    let result = client.at("textDocument/completion", path, at, json!({}));
    assert_eq!(result["isIncomplete"], true);
    assert_eq!(result["items"].as_array().unwrap().len(), 500);
    // Typing part of a name narrows it to the matches.
    let typed = text.replace("  - person: p003", &format!("  - person: 员工59{CURSOR}"));
    let items = complete(&mut client, path, &typed, false);
    assert_eq!(labels(&items).len(), 10, "{:?}", labels(&items));
    assert!(labels(&items).contains(&"q599"));
}
