//! `planbook lsp` hover cards and inlay hints: what an id is, with the figures the rules and
//! rollups compute for it, in the repository's language, as Markdown or plain text.

use serde_json::{Value, json};

use crate::lsp_client::{Client, find, range, vscode_capabilities};
use crate::support::{Repo, english_words};

const PLAN: &str = "henan/2026-10.plan.md";
const REVIEW: &str = "henan/2026-10.review.md";
const BUDGET: &str = "henan/2026-10.budget.yaml";

fn text_of(repo: &Repo, path: &str) -> String {
    std::fs::read_to_string(repo.path().join(path)).unwrap()
}

/// The hover's text at the first `needle` (plus `shift`) of `path`, opened from disk.
fn hover(client: &mut Client, path: &str, needle: &str, shift: u32) -> Value {
    let text = std::fs::read_to_string(client.root.join(path)).unwrap();
    client.at("textDocument/hover", path, find(&text, needle, shift), json!({}))
}

fn value(hover: &Value) -> String {
    hover["contents"]["value"].as_str().unwrap_or_else(|| panic!("no hover: {hover}")).to_owned()
}

fn chinese_only(text: &str) {
    assert!(english_words(text).is_empty(), "{:?} in {text}", english_words(text));
}

#[test]
fn a_person_shows_their_card_as_of_the_plans_period() {
    let repo = Repo::fixture("lsp");
    let mut client = Client::start(repo.path());
    let found = hover(&mut client, PLAN, "owner: p001", 8);
    assert_eq!(found["contents"]["kind"], "markdown");
    let card = value(&found);
    assert!(card.contains("张三") && card.contains("总经理"), "{card}");
    assert!(card.contains("2026-10-31") && card.contains("河南分公司"), "{card}");
    chinese_only(&card);
    // The range is the id's.
    let (line, column) = find(&text_of(&repo, PLAN), "p001", 0);
    assert_eq!(found["range"], range((line, column), (line, column + 4)));
    // 李四 reports to 张三 and works in 郑州.
    let card = value(&hover(&mut client, REVIEW, "person: p002", 9));
    assert!(card.contains("李四") && card.contains("张三") && card.contains("郑州"), "{card}");
    chinese_only(&card);
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn a_kpi_in_the_review_shows_target_floor_actual_and_attainment() {
    let repo = Repo::fixture("lsp");
    let mut client = Client::start(repo.path());
    let card = value(&hover(&mut client, REVIEW, "kpi: units", 5));
    for figure in ["出货量", "台", "10,000", "6,000", "7,420", "74.2%（过保底"] {
        assert!(card.contains(figure), "{figure} not in {card}");
    }
    chinese_only(&card);
    // In the plan, the review's actual is found too.
    let card = value(&hover(&mut client, PLAN, "kpi: margin", 5));
    assert!(card.contains("400,000") && card.contains("412,000"), "{card}");
    // The definition in planbook.yaml: no period, so no figures.
    let card = value(&hover(&mut client, "planbook.yaml", "id: units", 4));
    assert!(card.contains("出货量") && !card.contains("10,000"), "{card}");
}

#[test]
fn a_budget_line_shows_its_arithmetic_and_the_reviews_spend() {
    let repo = Repo::fixture("lsp");
    let mut client = Client::start(repo.path());
    let card = value(&hover(&mut client, REVIEW, "line: office", 6));
    for part in ["办公费", "5 × 400 + 30 × 100 = 5,000", "4,620", "-380（节余 380）"] {
        assert!(card.contains(part), "{part} not in {card}");
    }
    assert!(!card.contains('≠'), "{card}");
    chinese_only(&card);
    // An unsaved edit of the breakdown shows at once: 24 phones make 4,400, not 5,000.
    let text = client.open_from_disk(BUDGET);
    let (line, column) = find(&text, "quantity: 30", 10);
    client.change_range(BUDGET, (line, column), (line, column + 2), "24");
    let card = value(&hover(&mut client, BUDGET, "id: office", 4));
    assert!(card.contains("5 × 400 + 24 × 100 = 4,400 ≠ 5,000"), "{card}");
    let hints = inlay(&mut client, BUDGET);
    assert!(hints.iter().any(|h| h == "≠ 4,400 明细合计"), "{hints:?}");
    // A category: its lines and what they budget.
    let card = value(&hover(&mut client, BUDGET, "category: pay", 10));
    assert!(card.contains("工资 `wages`") && card.contains("预算合计：3,000"), "{card}");
}

#[test]
fn money_stays_exact_to_the_cent() {
    let repo = Repo::fixture("lsp");
    let mut client = Client::start(repo.path());
    let text = client.open_from_disk(BUDGET);
    let edited = text.replace("amount: 5000", "amount: 1234.56");
    client.change(BUDGET, &edited);
    let card = value(&hover(&mut client, REVIEW, "line: office", 6));
    assert!(card.contains("1,234.56") && card.contains("≠ 1,234.56"), "{card}");
    // 4,620 − 1,234.56 over.
    assert!(card.contains("+3,385.44"), "{card}");
}

#[test]
fn a_task_lists_what_depends_on_it_and_its_status_in_the_review() {
    let repo = Repo::fixture("lsp");
    let mut client = Client::start(repo.path());
    let card = value(&hover(&mut client, PLAN, "id: hire", 4));
    for part in ["招聘业务员", "李四", "2026-10-01", "14 天", "2026-10-14", "培训"] {
        assert!(card.contains(part), "{part} not in {card}");
    }
    chinese_only(&card);
    let card = value(&hover(&mut client, REVIEW, "task: train", 6));
    assert!(card.contains("招聘业务员") && card.contains("已完成"), "{card}");
}

#[test]
fn posts_regions_units_and_components_have_cards() {
    let repo = Repo::fixture("lsp");
    let mut client = Client::start(repo.path());
    let card = value(&hover(&mut client, "henan/roster.yaml", "id: rep", 4));
    // Establishment 2, both on staff, pay 1,500.
    for part in ["业务员", "编制", "在岗", "1,500"] {
        assert!(card.contains(part), "{part} not in {card}");
    }
    chinese_only(&card);
    let card = value(&hover(&mut client, "henan/roster.yaml", "id: ly", 4));
    assert!(card.contains("洛阳") && card.contains("人数：1"), "{card}");
    let card = value(&hover(&mut client, "planbook.yaml", "id: henan", 4));
    assert!(card.contains("郑州大区"), "{card}");
    let card = value(&hover(&mut client, REVIEW, "sales: 90", 0));
    assert!(card.contains("销售完成率") && card.contains("60"), "{card}");
}

#[test]
fn nothing_to_say_is_null_not_an_error() {
    let repo = Repo::fixture("lsp");
    let mut client = Client::start(repo.path());
    let end = client.at("textDocument/hover", PLAN, (400, 3), json!({}));
    assert_eq!(end, Value::Null);
    let body = hover(&mut client, PLAN, "稳住队伍", 1);
    assert_eq!(body, Value::Null);
    let title = hover(&mut client, PLAN, "title:", 2);
    assert_eq!(title, Value::Null);
    // A half-typed buffer still answers.
    let text = client.open_from_disk(PLAN);
    client.change(PLAN, &text.replace("tasks:", "tasks: [\n"));
    let broken = client.at("textDocument/hover", PLAN, (5, 8), json!({}));
    assert!(broken.is_null() || broken["contents"].is_object(), "{broken}");
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn plain_text_when_the_editor_does_not_show_markdown_and_english_on_request() {
    let repo = Repo::fixture("lsp");
    let mut caps = vscode_capabilities();
    caps["textDocument"]["hover"]["contentFormat"] = json!(["plaintext"]);
    let mut client = Client::start_with(repo.path(), caps, &["--lang", "en"]);
    let found = hover(&mut client, PLAN, "owner: p001", 8);
    assert_eq!(found["contents"]["kind"], "plaintext");
    let card = value(&found);
    assert!(!card.contains("**") && !card.contains('`'), "{card}");
    assert!(card.contains("Post: 总经理 gm") && card.contains("As of 2026-10-31"), "{card}");
    let card = value(&hover(&mut client, REVIEW, "kpi: units", 5));
    assert!(card.contains("Target: 10,000") && card.contains("Floor: 6,000"), "{card}");
    let hints = inlay(&mut client, REVIEW);
    assert!(hints.iter().any(|h| h == "74.2% (above floor)"), "{hints:?}");
    assert!(hints.iter().any(|h| h == "380 under"), "{hints:?}");
}

/// The labels of the inlay hints of the whole of `path`.
fn inlay(client: &mut Client, path: &str) -> Vec<String> {
    let uri = client.uri(path);
    let hints = client.request(
        "textDocument/inlayHint",
        json!({ "textDocument": { "uri": uri }, "range": range((0, 0), (500, 0)) }),
    );
    let labels = hints.as_array().unwrap_or_else(|| panic!("no hints: {hints}"));
    labels.iter().map(|h| h["label"].as_str().unwrap_or_default().to_owned()).collect()
}

#[test]
fn inlay_hints_show_totals_weights_attainment_variance_and_names() {
    let repo = Repo::fixture("lsp");
    let mut client = Client::start(repo.path());
    let budget = inlay(&mut client, BUDGET);
    assert_eq!(budget, ["= 5,000", "= 3,000", "= 8,000"]);
    let plan = inlay(&mut client, PLAN);
    assert!(plan.contains(&"权重合计 100".to_owned()), "{plan:?}");
    assert!(plan.contains(&"张三".to_owned()) && plan.contains(&"王五".to_owned()), "{plan:?}");
    let review = inlay(&mut client, REVIEW);
    assert!(review.contains(&"达成 74.2%（过保底）".to_owned()), "{review:?}");
    assert!(review.iter().any(|h| h == "达成 103% ✓"), "{review:?}");
    assert!(review.contains(&"节余 380".to_owned()), "{review:?}");
    for label in &review {
        chinese_only(label);
    }
    // Only the requested range: the line of the first actual.
    let (line, _) = find(&text_of(&repo, REVIEW), "kpi: units", 0);
    let uri = client.uri(REVIEW);
    let hints = client.request(
        "textDocument/inlayHint",
        json!({ "textDocument": { "uri": uri }, "range": range((line, 0), (line, 99)) }),
    );
    let hints = hints.as_array().unwrap();
    assert_eq!(hints.len(), 1, "{hints:?}");
    assert_eq!(hints[0]["paddingLeft"], true);
    // A scorecard whose weights do not make 100 is flagged.
    let text = client.open_from_disk(PLAN);
    client.change(PLAN, &text.replace("weight: 40", "weight: 30"));
    let plan = inlay(&mut client, PLAN);
    assert!(plan.contains(&"权重合计 90 ≠ 100".to_owned()), "{plan:?}");
}

/// A copy of the sample repository `plans/`.
fn sample() -> Repo {
    let repo = Repo::empty();
    crate::support::copy_tree(&crate::support::project_root().join("plans"), repo.path());
    repo
}

#[test]
fn the_sample_repository_shows_headroom_and_acting_posts() {
    let repo = sample();
    let mut client = Client::start(repo.path());
    let budget = "henan/2026-12.budget.yaml";
    let card = value(&hover(&mut client, budget, "id: personnel", 4));
    for part in ["人员类费用", "上限：90,000", "已列预算", "剩余额度"] {
        assert!(card.contains(part), "{part} not in {card}");
    }
    chinese_only(&card);
    let card = value(&hover(&mut client, budget, "  - id: operating", 8));
    assert!(card.contains("113,400") && card.contains("计算小计"), "{card}");
    // 张永辉 acts as the 三门峡 rep from December.
    let card = value(&hover(&mut client, "henan/2026-12.review.md", "p004", 0));
    assert!(card.contains("张永辉") && card.contains("代理"), "{card}");
    chinese_only(&card);
}

#[test]
fn every_line_of_the_sample_repository_answers_without_error() {
    let repo = sample();
    let mut client = Client::start(repo.path());
    // Words the data itself holds (a currency `CNY`, a code) may show; nothing else English.
    let data: String = ["planbook.yaml", "henan/roster.yaml", "henan/2026-12.budget.yaml"]
        .iter()
        .map(|p| text_of(&repo, p))
        .collect();
    let chinese_only = |text: &str| {
        let words: Vec<String> =
            english_words(text).into_iter().filter(|w| !data.contains(w.as_str())).collect();
        assert!(words.is_empty(), "{words:?} in {text}");
    };
    for path in [
        "henan/2026-12.budget.yaml",
        "henan/2026-12.plan.md",
        "henan/2026-12.review.md",
        "henan/roster.yaml",
        "planbook.yaml",
    ] {
        let text = text_of(&repo, path);
        for (line, content) in text.lines().enumerate() {
            // The value after each `: `, and the end of the line.
            let columns = content.match_indices(": ").map(|(i, _)| i + 2).chain([content.len()]);
            for byte in columns {
                let column = content[..byte].encode_utf16().count() as u32;
                let answer = client.request_raw(
                    "textDocument/hover",
                    json!({ "textDocument": { "uri": client.uri(path) },
                        "position": { "line": line, "character": column } }),
                );
                assert!(answer.get("error").is_none(), "{path}:{line}:{column}: {answer}");
                if let Some(text) = answer["result"]["contents"]["value"].as_str() {
                    chinese_only(text);
                }
            }
        }
        for label in inlay(&mut client, path) {
            chinese_only(&label);
        }
    }
    assert_eq!(client.shutdown(), 0);
}
