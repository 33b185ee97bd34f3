//! Containment: a broken document is present but broken, never missing. Each test copies
//! `plans/`, makes one real mistake, and checks that `planbook check` reports exactly that
//! mistake (beyond what the sample already reports), plus at most one `check.not-checked`
//! note, in English and in Chinese, with loading problems listed first.

use std::path::Path;

use crate::support::{Repo, copy_tree, git_as, has_chinese, project_root};

/// A diagnostic as compared here: rule, message, file name, line.
type Found = (String, String, String, u64);

fn plans() -> Repo {
    let repo = Repo::empty();
    copy_tree(&project_root().join("plans"), repo.path());
    repo
}

/// Replaces the first `from` in `path` with `to`, failing when there is none.
fn edit(repo: &Repo, path: &str, from: &str, to: &str) {
    let full = repo.path().join(path);
    let text = std::fs::read_to_string(&full).expect("read");
    assert!(text.contains(from), "`{from}` is not in {path}");
    std::fs::write(&full, text.replacen(from, to, 1)).expect("write");
}

fn check(dir: &Path, lang: &str, more: &[&str]) -> Vec<Found> {
    let mut args = vec!["check", "--format", "json", "--lang", lang];
    args.extend_from_slice(more);
    let run = crate::support::run_in(dir, &args);
    assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
    run.json()
        .iter()
        .map(|d| {
            let s = |k: &str| d[k].as_str().unwrap_or("").to_string();
            let file = s("file");
            let name = Path::new(&file).file_name().map(|n| n.to_string_lossy().into_owned());
            (s("rule"), s("message"), name.unwrap_or_default(), d["line"].as_u64().unwrap_or(0))
        })
        .collect()
}

/// What `broken` reports that the unchanged sample does not, in the order reported.
fn added(clean: &[Found], broken: &[Found]) -> Vec<Found> {
    let mut left: Vec<&Found> = clean.iter().collect();
    broken
        .iter()
        .filter(|d| match left.iter().position(|c| c == d) {
            Some(at) => {
                left.remove(at);
                false
            }
            None => true,
        })
        .cloned()
        .collect()
}

/// One situation: the mistake, and what each language must report for it, in order:
/// `(rule, words the message contains)`.
fn situation(
    mistake: impl Fn(&Repo),
    en: &[(&str, &str)],
    zh: &[(&str, &str)],
) -> (Vec<Found>, Vec<Found>) {
    let clean = plans();
    let repo = plans();
    mistake(&repo);
    let mut results = Vec::new();
    for (lang, expected) in [("en", en), ("zh-CN", zh)] {
        let before = check(clean.path(), lang, &[]);
        let after = check(repo.path(), lang, &[]);
        let new = added(&before, &after);
        let got: Vec<(&str, &str)> = new.iter().map(|d| (d.0.as_str(), d.1.as_str())).collect();
        assert_eq!(got.len(), expected.len(), "{lang}: {got:#?}");
        for ((rule, message), (want_rule, words)) in got.iter().zip(expected) {
            assert_eq!(rule, want_rule, "{lang}: {got:#?}");
            assert!(message.contains(words), "{lang}: `{message}` lacks `{words}`");
        }
        let notes = new.iter().filter(|d| d.0 == "check.not-checked").count();
        assert!(notes <= 1, "{lang}: {notes} notes");
        if lang == "zh-CN" {
            assert!(new.iter().all(|d| has_chinese(&d.1)), "{new:#?}");
        }
        // The real mistake is the first thing listed: what keeps a document from loading
        // comes before what rules found.
        if let Some(first) = new.first()
            && first.0 != "document.unknown-kpi"
        {
            assert_eq!(after.first(), Some(first), "{lang}: {after:#?}");
        }
        results.push(new);
    }
    let zh = results.pop().unwrap_or_default();
    (results.pop().unwrap_or_default(), zh)
}

#[test]
fn a_misspelt_key_in_a_roster_is_one_error() {
    situation(
        |r| edit(r, "henan/roster.yaml", "reports_to:", "report_to:"),
        &[("schema.unknown-field", "unknown field `report_to` in `posts[1]`")],
        &[("schema.unknown-field", "`report_to`")],
    );
}

#[test]
fn one_person_in_error_leaves_the_others_defined_and_checked() {
    let (en, _) = situation(
        |r| {
            edit(r, "henan/roster.yaml", "    since: 2023-07-01", "    since: 2023-13-01");
            // A second, real mistake in the review: still found, against the rest of the roster.
            edit(r, "henan/2026-12.review.md", "person: p013", "person: p999");
        },
        &[
            ("schema.value", "`2023-13-01` is not a date (`people[2].since`)"),
            ("review.unknown-person", "unknown person `p999`"),
        ],
        &[("schema.value", "`2023-13-01`"), ("review.unknown-person", "`p999`")],
    );
    assert_eq!(en[0].2, "roster.yaml");
}

#[test]
fn a_roster_that_does_not_parse_gives_its_error_and_one_note() {
    let (en, zh) = situation(
        |r| edit(r, "henan/roster.yaml", "people:\n", "people:\n  - [oops\n"),
        &[
            ("yaml.syntax", "invalid YAML"),
            (
                "check.not-checked",
                "1 budget, 1 plan and 1 review not checked against `henan/roster.yaml`, which \
                 has errors",
            ),
        ],
        &[
            ("yaml.syntax", "语法错误"),
            (
                "check.not-checked",
                "1 份预算、1 份计划和 1 份考评未对照 `henan/roster.yaml` 核对：该文件有错误",
            ),
        ],
    );
    // The note points at the broken file, after its error.
    assert_eq!((en[1].2.as_str(), zh[1].2.as_str()), ("roster.yaml", "roster.yaml"));
}

#[test]
fn a_budget_with_a_schema_error_is_not_missing_for_its_plan() {
    situation(
        |r| edit(r, "henan/2026-12.budget.yaml", "period: 2026-12", "period: [2026-12]"),
        &[
            ("schema.type", "`period`"),
            (
                "check.not-checked",
                "1 plan and 1 review not checked against `henan/2026-12.budget.yaml`",
            ),
        ],
        &[
            ("schema.type", "`period`"),
            ("check.not-checked", "1 份计划和 1 份考评未对照 `henan/2026-12.budget.yaml` 核对"),
        ],
    );
}

/// An optional top-level field in error is left out (its default is used): the budget is
/// still the plan's budget, and nothing else is said.
#[test]
fn a_budget_with_an_optional_field_in_error_still_loads() {
    situation(
        |r| edit(r, "henan/2026-12.budget.yaml", "currency: CNY", "currency: [CNY]"),
        &[("schema.type", "`currency`")],
        &[("schema.type", "`currency`")],
    );
}

#[test]
fn a_budget_line_in_error_is_left_out_and_the_review_spend_on_it_is_quiet() {
    situation(
        |r| edit(r, "henan/2026-12.budget.yaml", "    amount: 5000", "    amount: 五千"),
        &[("schema.type", "`lines[0].amount`")],
        &[("schema.type", "`lines[0].amount`")],
    );
}

#[test]
fn an_unknown_kpi_is_one_error() {
    situation(
        |r| edit(r, "henan/2026-12.plan.md", "  - kpi: units", "  - kpi: unit"),
        &[("document.unknown-kpi", "unknown KPI `unit`")],
        &[("document.unknown-kpi", "`unit`")],
    );
}

#[test]
fn a_broken_plan_is_not_missing_for_its_review() {
    situation(
        |r| edit(r, "henan/2026-12.plan.md", "owner: p001", "owner: [p001"),
        &[
            ("yaml.syntax", "invalid YAML"),
            ("check.not-checked", "1 review not checked against `henan/2026-12.plan.md`"),
        ],
        &[
            ("yaml.syntax", "语法错误"),
            ("check.not-checked", "1 份考评未对照 `henan/2026-12.plan.md` 核对：该文件有错误"),
        ],
    );
}

/// The parse cache and a git revision give the same containment as a fresh load of the work
/// tree: the broken roster's identity comes back from the cache entry and from `load_files`.
#[test]
fn the_cache_and_git_revisions_contain_the_same_way() {
    let repo = plans();
    edit(&repo, "henan/roster.yaml", "people:\n", "people:\n  - [oops\n");
    let fresh = check(repo.path(), "en", &["--no-cache"]);
    let first = check(repo.path(), "en", &[]);
    let cached = check(repo.path(), "en", &[]);
    assert_eq!(first, fresh);
    assert_eq!(cached, fresh);
    assert_eq!(fresh.iter().filter(|d| d.0 == "check.not-checked").count(), 1, "{fresh:#?}");
    if !crate::support::require_tool("git") {
        return;
    }
    git_as(repo.path(), "测试", &["init", "-q"]);
    git_as(repo.path(), "测试", &["add", "-A"]);
    git_as(repo.path(), "测试", &["commit", "-qm", "x"]);
    assert_eq!(check(repo.path(), "en", &["--staged"]), fresh);
    assert_eq!(check(repo.path(), "en", &["--rev", "HEAD"]), fresh);
}

/// A person whose id cannot be read may be anyone of their own unit, not of every unit: an
/// unknown owner in another unit's plan is still reported.
#[test]
fn an_unreadable_id_excuses_only_its_own_unit() {
    let repo = plans();
    edit(&repo, "power/2026.plan.md", "owner: p101", "owner: p1155");
    let before = check(repo.path(), "en", &[]);
    assert!(before.iter().any(|f| f.0 == "plan.unknown-person"), "{before:?}");
    edit(&repo, "henan/roster.yaml", "  - id: p002\n", "  - id: [p002]\n");
    let after = check(repo.path(), "en", &[]);
    assert!(
        after.iter().any(|f| f.0 == "plan.unknown-person" && f.1.contains("p1155")),
        "{after:?}"
    );
}
