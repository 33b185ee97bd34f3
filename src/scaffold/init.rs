//! The files of a new data repository: configuration, one document of each kind, editor
//! settings (VS Code, Helix and Zed, with planbook's language server), pre-commit settings,
//! the JSON Schemas and a short README for the people who edit it.

#[cfg(test)]
use std::path::Path;
use std::path::PathBuf;

use crate::i18n;
use crate::model::Kind;
use crate::model::config::Locale;
use crate::model::period::Period;
use crate::scaffold::yaml::Fill::{Scalar, Text};
use crate::scaffold::yaml::fill;

/// What `planbook init` was asked for.
#[derive(Debug, Clone)]
pub struct InitOptions {
    /// The organisation's name.
    pub name: String,
    /// The handbook's language, which is also the language of the sample documents.
    pub locale: Locale,
    /// The first unit's id.
    pub unit: String,
    /// The period of the sample budget, plan and review.
    pub period: Period,
}

/// Every file of a new data repository, as (relative path, contents).
pub fn files(options: &InitOptions) -> Vec<(PathBuf, String)> {
    let lang = options.locale;
    let t = Words::of(lang);
    let unit = &options.unit;
    let period = options.period;
    let mut out = vec![
        ("planbook.yaml".into(), config(options, &t)),
        (format!("{unit}/roster.yaml"), roster(options, &t)),
        (format!("{unit}/{period}.budget.yaml"), budget(options, &t)),
        (format!("{unit}/{period}.plan.md"), plan(options, &t)),
        (format!("{unit}/{period}.review.md"), review(options, &t)),
        (format!("policies/{}.md", t.policy_file), page(t.policy, 1)),
        ("README.md".into(), fill(t.readme, &[("name", Text(&options.name))])),
        (
            ".gitignore".into(),
            format!("# {}\n/_site/\n", i18n::t(lang, "scaffold-gitignore-comment")),
        ),
        (".pre-commit-config.yaml".into(), pre_commit(lang)),
        (".vscode/settings.json".into(), VSCODE.into()),
        (".vscode/extensions.json".into(), VSCODE_EXTENSIONS.into()),
        (".helix/languages.toml".into(), HELIX.into()),
        (".zed/settings.json".into(), ZED.into()),
    ];
    for kind in crate::schema::ALL_KINDS {
        let name = crate::schema::file_name(kind);
        out.push((format!("schema/{name}"), crate::schema::render(kind)));
    }
    out.into_iter().map(|(p, c)| (PathBuf::from(p), c)).collect()
}

/// The pre-commit configuration, its comment in `locale`: a hook that installs this version's
/// wheel, so nobody compiles planbook to check a commit.
fn pre_commit(locale: Locale) -> String {
    let comment = i18n::t(locale, "scaffold-pre-commit-comment");
    let comment: Vec<String> = comment.lines().map(|l| format!("# {}", l.trim_end())).collect();
    let version = env!("CARGO_PKG_VERSION");
    fill(PRE_COMMIT, &[("comment", Text(&comment.join("\n"))), ("version", Text(version))])
}

/// A free page with a schema modeline as the first line of its front matter (editors that
/// read front matter, and people, see which schema applies; `planbook check` checks it).
fn page(text: &str, depth: usize) -> String {
    match text.strip_prefix("---\n") {
        Some(rest) => format!("---\n{}\n{rest}", modeline(Kind::Page, depth)),
        None => text.to_string(),
    }
}

/// The modeline that points a document `depth` folders below the repository's root at the
/// repository's own copy of its schema (`schema/`), so it stays right when the repository
/// is cloned or moved.
fn modeline(kind: Kind, depth: usize) -> String {
    format!(
        "# yaml-language-server: $schema={}schema/{}.schema.json",
        "../".repeat(depth),
        kind.name()
    )
}

fn config(o: &InitOptions, t: &Words) -> String {
    let modeline = modeline(Kind::Config, 0);
    let locale = match o.locale {
        Locale::En => "en",
        Locale::ZhCn => "zh-CN",
    };
    fill(
        CONFIG,
        &[
            ("modeline", Text(&modeline)),
            ("config_comment", Text(t.config_comment)),
            ("name", Scalar(&o.name)),
            ("locale", Scalar(locale)),
            ("unit", Scalar(&o.unit)),
            ("unit_name", Scalar(t.unit_name)),
            ("sales", Scalar(t.sales)),
            ("expenses", Scalar(t.expenses)),
            ("complaints", Scalar(t.complaints)),
            ("complaints_unit", Scalar(t.complaints_unit)),
            ("rules_comment", Text(t.rules_comment)),
            ("sum", Scalar(t.sum)),
            ("higher", Scalar(t.higher)),
            ("lower", Scalar(t.lower)),
        ],
    )
}

fn roster(o: &InitOptions, t: &Words) -> String {
    let modeline = modeline(Kind::Roster, 1);
    let as_of = o.period.bounds().0.to_string();
    let since = o.period.bounds().0.add_days(-365).to_string();
    fill(
        ROSTER,
        &[
            ("modeline", Text(&modeline)),
            ("unit", Scalar(&o.unit)),
            ("as_of", Scalar(&as_of)),
            ("manager", Scalar(t.manager)),
            ("staff", Scalar(t.staff)),
            ("p1", Scalar(t.people[0])),
            ("p2", Scalar(t.people[1])),
            ("p3", Scalar(t.people[2])),
            ("since", Scalar(&since)),
        ],
    )
}

fn budget(o: &InitOptions, t: &Words) -> String {
    let modeline = modeline(Kind::Budget, 1);
    let period = o.period.to_string();
    let title = format!("{} {period}", t.budget_title);
    fill(
        BUDGET,
        &[
            ("modeline", Text(&modeline)),
            ("unit", Scalar(&o.unit)),
            ("period", Scalar(&period)),
            ("title", Scalar(&title)),
            ("operating", Scalar(t.operating)),
            ("salary", Scalar(t.salary)),
            ("manager", Scalar(t.manager)),
            ("staff", Scalar(t.staff)),
            ("rent", Scalar(t.rent)),
            ("travel", Scalar(t.travel)),
            ("personnel", Scalar(t.personnel)),
        ],
    )
}

fn plan(o: &InitOptions, t: &Words) -> String {
    let modeline = modeline(Kind::Plan, 1);
    let period = o.period.to_string();
    let (start, end) = o.period.bounds();
    let (visits_start, start, end) =
        (start.add_days(7).to_string(), start.to_string(), end.to_string());
    let title = format!("{} {period}", t.plan_title);
    let budget_file = format!("{period}.budget.yaml");
    fill(
        PLAN,
        &[
            ("modeline", Text(&modeline)),
            ("unit", Scalar(&o.unit)),
            ("period", Scalar(&period)),
            ("title", Scalar(&title)),
            ("budget_file", Scalar(&budget_file)),
            ("kickoff", Scalar(t.kickoff)),
            ("start", Scalar(&start)),
            ("visits", Scalar(t.visits)),
            ("visits_start", Scalar(&visits_start)),
            ("end", Scalar(&end)),
            ("basic", Scalar(t.basic)),
            ("sales_component", Scalar(t.sales_component)),
            ("body", Text(t.plan_body)),
        ],
    )
}

fn review(o: &InitOptions, t: &Words) -> String {
    let modeline = modeline(Kind::Review, 1);
    let period = o.period.to_string();
    let title = format!("{} {period}", t.review_title);
    let plan_file = format!("{period}.plan.md");
    fill(
        REVIEW,
        &[
            ("modeline", Text(&modeline)),
            ("unit", Scalar(&o.unit)),
            ("period", Scalar(&period)),
            ("title", Scalar(&title)),
            ("plan_file", Scalar(&plan_file)),
            ("done", Scalar(t.done)),
            ("in_progress", Scalar(t.in_progress)),
            ("body", Text(t.review_body)),
        ],
    )
}

const CONFIG: &str = include_str!("../../templates/init/planbook.yaml");
const ROSTER: &str = include_str!("../../templates/init/roster.yaml");
const BUDGET: &str = include_str!("../../templates/init/budget.yaml");
const PLAN: &str = include_str!("../../templates/init/plan.md");
const REVIEW: &str = include_str!("../../templates/init/review.md");
const PRE_COMMIT: &str = include_str!("../../templates/init/pre-commit-config.yaml");
const VSCODE: &str = include_str!("../../templates/init/vscode-settings.json");
/// The editor extensions to recommend: the schemas' and planbook's language server's.
const VSCODE_EXTENSIONS: &str = include_str!("../../templates/init/vscode-extensions.json");
/// Helix: `planbook lsp` for YAML and Markdown, next to the usual servers.
const HELIX: &str = include_str!("../../templates/init/helix-languages.toml");
/// Zed: the planbook extension's server enabled for YAML and Markdown.
const ZED: &str = include_str!("../../templates/init/zed-settings.json");

/// The words of the sample documents in one language.
struct Words {
    config_comment: &'static str,
    rules_comment: &'static str,
    unit_name: &'static str,
    sales: &'static str,
    expenses: &'static str,
    complaints: &'static str,
    complaints_unit: &'static str,
    manager: &'static str,
    staff: &'static str,
    people: [&'static str; 3],
    budget_title: &'static str,
    operating: &'static str,
    salary: &'static str,
    rent: &'static str,
    travel: &'static str,
    personnel: &'static str,
    plan_title: &'static str,
    kickoff: &'static str,
    visits: &'static str,
    basic: &'static str,
    sales_component: &'static str,
    plan_body: &'static str,
    review_title: &'static str,
    review_body: &'static str,
    policy_file: &'static str,
    policy: &'static str,
    readme: &'static str,
    // Enumerated values, by the names the language writes them (`model::vocab`).
    sum: &'static str,
    higher: &'static str,
    lower: &'static str,
    done: &'static str,
    in_progress: &'static str,
}

impl Words {
    fn of(locale: Locale) -> Words {
        match locale {
            Locale::ZhCn => ZH,
            Locale::En => EN,
        }
    }
}

const ZH: Words = Words {
    config_comment: "计划资料库的设置：单位层级、指标目录、规则级别。",
    rules_comment: "按规则编号调整级别，例如 budget.breakdown-short: note；\
                    `planbook rules` 列出全部规则。",
    unit_name: "销售一部",
    sales: "销售额",
    expenses: "费用",
    complaints: "有效投诉",
    complaints_unit: "件",
    manager: "部门经理",
    staff: "销售代表",
    people: ["陈静", "王磊", "李娜"],
    budget_title: "销售一部费用预算",
    operating: "经营费用",
    salary: "工资",
    rent: "房租",
    travel: "差旅费",
    personnel: "人员费用",
    plan_title: "销售一部工作计划",
    kickoff: "月度启动会",
    visits: "重点客户走访",
    basic: "基本工作",
    sales_component: "销售完成率",
    plan_body: include_str!("../../templates/init/zh-CN/plan-body.md"),
    review_title: "销售一部工作回顾",
    review_body: include_str!("../../templates/init/zh-CN/review-body.md"),
    policy_file: "考评办法",
    policy: include_str!("../../templates/init/zh-CN/policy.md"),
    readme: include_str!("../../templates/init/zh-CN/README.md"),
    sum: "求和",
    higher: "越高越好",
    lower: "越低越好",
    done: "完成",
    in_progress: "进行中",
};

const EN: Words = Words {
    config_comment: "Settings of this planning repository: the unit hierarchy, the KPI \
                     catalogue, rule levels.",
    rules_comment: "Change a rule's severity by its id, e.g. budget.breakdown-short: note; \
                    `planbook rules` lists them.",
    unit_name: "Sales team",
    sales: "Sales",
    expenses: "Expenses",
    complaints: "Complaints",
    complaints_unit: "cases",
    manager: "Team manager",
    staff: "Sales representative",
    people: ["Alex Chen", "Sam Wang", "Lee Li"],
    budget_title: "Sales team budget",
    operating: "Operating costs",
    salary: "Salaries",
    rent: "Rent",
    travel: "Travel",
    personnel: "Personnel costs",
    plan_title: "Sales team plan",
    kickoff: "Monthly kick-off",
    visits: "Key account visits",
    basic: "Basic work",
    sales_component: "Sales against target",
    plan_body: include_str!("../../templates/init/en/plan-body.md"),
    review_title: "Sales team review",
    review_body: include_str!("../../templates/init/en/review-body.md"),
    policy_file: "evaluation",
    policy: include_str!("../../templates/init/en/policy.md"),
    readme: include_str!("../../templates/init/en/README.md"),
    sum: "sum",
    higher: "higher",
    lower: "lower",
    done: "done",
    in_progress: "in-progress",
};

#[cfg(test)]
mod tests {
    use super::*;

    fn options(locale: Locale, unit: &str) -> InitOptions {
        InitOptions {
            name: "Acme: the #1".into(),
            locale,
            unit: unit.into(),
            period: "2026-12".parse().expect("a period"),
        }
    }

    #[test]
    fn every_placeholder_is_filled() {
        for locale in [Locale::En, Locale::ZhCn] {
            for (path, text) in files(&options(locale, "team")) {
                assert!(!text.contains("{{"), "{} keeps a placeholder", path.display());
            }
        }
    }

    /// `dir/../x` as `x`: where a relative path from `dir` lands inside the repository.
    fn land(dir: &Path, relative: &str) -> PathBuf {
        let mut out: Vec<&str> = dir.iter().filter_map(|c| c.to_str()).collect();
        for part in relative.split('/') {
            match part {
                ".." => assert!(out.pop().is_some(), "{relative} leaves the repository"),
                "." | "" => {}
                _ => out.push(part),
            }
        }
        out.iter().collect()
    }

    #[test]
    fn every_document_points_at_the_repository_s_own_schema() {
        for locale in [Locale::En, Locale::ZhCn] {
            let files = files(&options(locale, "team"));
            let documents = files.iter().filter(|(p, _)| {
                let name = p.to_string_lossy();
                !name.starts_with('.') && name != "README.md" && !name.ends_with(".json")
            });
            let mut pointed = 0;
            for (path, text) in documents {
                let prefix = "# yaml-language-server: $schema=";
                let first = text.strip_prefix("---\n").unwrap_or(text).lines().next();
                let target = first.and_then(|l| l.strip_prefix(prefix));
                let target = target.unwrap_or_else(|| panic!("{} has no modeline", path.display()));
                let landed = land(path.parent().unwrap(), target);
                assert!(landed.starts_with("schema"), "{} points at {target}", path.display());
                assert!(files.iter().any(|(p, _)| *p == landed), "{} is not written", target);
                pointed += 1;
            }
            assert_eq!(pointed, 6, "planbook.yaml, roster, budget, plan, review and a page");
        }
    }

    #[test]
    fn vscode_settings_map_every_yaml_kind_to_the_repository_s_schemas() {
        let settings: serde_json::Value = serde_json::from_str(VSCODE).unwrap();
        let schemas = settings["yaml.schemas"].as_object().unwrap();
        for kind in ["config", "roster", "budget", "plan", "review"] {
            assert!(schemas.contains_key(&format!("./schema/{kind}.schema.json")), "{kind}");
        }
        assert_eq!(schemas["./schema/budget.schema.json"][0], "**/*.budget.yaml");
    }

    #[test]
    fn editor_settings_recommend_and_run_planbook_s_language_server() {
        let extensions: serde_json::Value = serde_json::from_str(VSCODE_EXTENSIONS).unwrap();
        let manifest: serde_json::Value =
            serde_json::from_str(include_str!("../../editors/vscode/package.json")).unwrap();
        let id = format!("{}.{}", manifest["publisher"].as_str().unwrap(), "planbook");
        let recommended = extensions["recommendations"].as_array().unwrap();
        assert!(recommended.contains(&"redhat.vscode-yaml".into()), "the schemas' extension");
        assert!(recommended.contains(&id.into()), "editors/vscode's extension");
        // What init writes for Helix and Zed says what editors/ documents.
        let helix: toml::Table = HELIX.parse().unwrap();
        let documented: toml::Table =
            include_str!("../../editors/helix/languages.toml").parse().unwrap();
        assert_eq!(helix, documented);
        let zed: serde_json::Value = serde_json::from_str(ZED).unwrap();
        let documented: serde_json::Value =
            serde_json::from_str(include_str!("../../editors/zed/settings.json")).unwrap();
        assert_eq!(zed, documented);
    }

    #[test]
    fn ids_and_names_are_quoted_where_yaml_would_misread_them() {
        let files = files(&options(Locale::En, "#1"));
        let text = |name: &str| {
            files.iter().find(|(p, _)| p.ends_with(name)).map(|(_, t)| t.as_str()).unwrap_or("")
        };
        assert!(text("planbook.yaml").contains("name: \"Acme: the #1\"\n"));
        assert!(text("planbook.yaml").contains("  - id: \"#1\"\n"));
        assert!(text("roster.yaml").contains("unit: \"#1\"\n"));
        assert!(files.iter().any(|(p, _)| p == Path::new("#1/2026-12.budget.yaml")));
    }
}
