//! The files of a new data repository: configuration, one document of each kind, editor and
//! pre-commit settings, the JSON Schemas and a short README for the people who edit it.

use std::path::PathBuf;

use crate::model::Kind;
use crate::model::config::Locale;
use crate::model::period::Period;
use crate::scaffold::yaml::scalar;

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
    let t = Text::of(options.locale);
    let unit = &options.unit;
    let period = options.period;
    let mut out = vec![
        ("planbook.yaml".into(), config(options, &t)),
        (format!("{unit}/roster.yaml"), roster(options, &t)),
        (format!("{unit}/{period}.budget.yaml"), budget(options, &t)),
        (format!("{unit}/{period}.plan.md"), plan(options, &t)),
        (format!("{unit}/{period}.review.md"), review(options, &t)),
        (format!("policies/{}.md", t.policy_file), t.policy.to_string()),
        ("README.md".into(), t.readme.replace("{name}", &options.name)),
        (".gitignore".into(), "# The handbook that `planbook build` writes\n/_site/\n".into()),
        (".pre-commit-config.yaml".into(), PRE_COMMIT.into()),
        (".vscode/settings.json".into(), VSCODE.into()),
    ];
    for kind in crate::schema::ALL_KINDS {
        let name = crate::schema::file_name(kind);
        out.push((format!("schema/{name}"), crate::schema::render(kind)));
    }
    out.into_iter().map(|(p, c)| (PathBuf::from(p), c)).collect()
}

fn modeline(kind: Kind, depth: usize) -> String {
    format!(
        "# yaml-language-server: $schema={}schema/{}.schema.json",
        "../".repeat(depth),
        kind.name()
    )
}

fn config(o: &InitOptions, t: &Text) -> String {
    format!(
        "{modeline}\n# {comment}\nname: {name}\nlocale: {locale}\ncurrency: CNY\nfiscal_year_start: 1\nmax_management_levels: 3\n\nunits:\n  - id: {unit}\n    name: {unit_name}\n\nkpis:\n  - {{ id: sales, name: {sales}, unit: CNY, aggregate: sum, better: higher }}\n  - {{ id: expenses, name: {expenses}, unit: CNY, aggregate: sum, better: lower }}\n  - {{ id: complaints, name: {complaints}, unit: {complaints_unit}, aggregate: sum, better: lower }}\n\n# {rules}\nrules: {{}}\n\nexclude:\n  - README.md\n  - _site/**\n",
        modeline = modeline(Kind::Config, 0),
        comment = t.config_comment,
        name = scalar(&o.name),
        locale = match o.locale {
            Locale::En => "en",
            Locale::ZhCn => "zh-CN",
        },
        unit = o.unit,
        unit_name = t.unit_name,
        sales = t.sales,
        expenses = t.expenses,
        complaints = t.complaints,
        complaints_unit = t.complaints_unit,
        rules = t.rules_comment,
    )
}

fn roster(o: &InitOptions, t: &Text) -> String {
    let since = o.period.bounds().0.add_days(-365);
    format!(
        "{modeline}\nkind: roster\nunit: {unit}\nas_of: {as_of}\n\nposts:\n  - {{ id: manager, title: {manager}, class: management, establishment: 1, pay: 12000 }}\n  - {{ id: staff, title: {staff}, class: sales, establishment: 3, pay: 6000, reports_to: manager }}\n\npeople:\n  - {{ id: p001, name: {p1}, post: manager, since: {since} }}\n  - {{ id: p002, name: {p2}, post: staff, reports_to: p001, since: {since} }}\n  - {{ id: p003, name: {p3}, post: staff, reports_to: p001, since: {since} }}\n",
        modeline = modeline(Kind::Roster, 1),
        unit = o.unit,
        as_of = o.period.bounds().0,
        manager = t.manager,
        staff = t.staff,
        p1 = t.people[0],
        p2 = t.people[1],
        p3 = t.people[2],
    )
}

fn budget(o: &InitOptions, t: &Text) -> String {
    format!(
        "{modeline}\nkind: budget\nunit: {unit}\nperiod: {period}\ntitle: {title}\n\nsections:\n  - {{ id: operating, name: {operating}, subtotal: 37000 }}\n\nlines:\n  - id: salary\n    name: {salary}\n    category: personnel\n    section: operating\n    amount: 30000\n    breakdown:\n      - {{ name: {manager}, quantity: 1, unit_price: 12000, post: manager }}\n      - {{ name: {staff}, quantity: 3, unit_price: 6000, post: staff }}\n  - {{ id: rent, name: {rent}, category: premises, section: operating, amount: 5000 }}\n  - {{ id: travel, name: {travel}, category: travel, section: operating, amount: 2000 }}\n\nlimits:\n  - {{ id: personnel, name: {personnel}, max: 32000, categories: [personnel] }}\n\ntotal: 37000\n",
        modeline = modeline(Kind::Budget, 1),
        unit = o.unit,
        period = o.period,
        title = scalar(&format!("{} {}", t.budget_title, o.period)),
        operating = t.operating,
        salary = t.salary,
        manager = t.manager,
        staff = t.staff,
        rent = t.rent,
        travel = t.travel,
        personnel = t.personnel,
    )
}

fn plan(o: &InitOptions, t: &Text) -> String {
    let (start, end) = o.period.bounds();
    format!(
        "---\n{modeline}\nkind: plan\nunit: {unit}\nperiod: {period}\ntitle: {title}\nowner: p001\nbudget: {period}.budget.yaml\n\ntargets:\n  - {{ kpi: sales, floor: 400000, target: 500000 }}\n  - {{ kpi: expenses, target: 37000, floor: 40000 }}\n  - {{ kpi: complaints, target: 0, floor: 2 }}\n\ntasks:\n  - {{ id: kickoff, name: {kickoff}, owner: p001, start: {start}, duration: 1w }}\n  - {{ id: visits, name: {visits}, owner: p002, start: {visits_start}, due: {end}, depends_on: [kickoff] }}\n\nscorecards:\n  - post: staff\n    components:\n      - {{ id: basic, name: {basic}, weight: 60, group: basic, assessed_by: [manager] }}\n      - {{ id: sales, name: {sales_component}, weight: 40, group: performance, kpi: sales }}\n---\n{body}",
        modeline = modeline(Kind::Plan, 1),
        unit = o.unit,
        period = o.period,
        title = scalar(&format!("{} {}", t.plan_title, o.period)),
        kickoff = t.kickoff,
        visits = t.visits,
        visits_start = start.add_days(7),
        basic = t.basic,
        sales_component = t.sales_component,
        body = t.plan_body,
    )
}

fn review(o: &InitOptions, t: &Text) -> String {
    format!(
        "---\n{modeline}\nkind: review\nunit: {unit}\nperiod: {period}\ntitle: {title}\nplan: {period}.plan.md\nauthor: p001\n\nactuals:\n  - {{ kpi: sales, actual: 468000 }}\n  - {{ kpi: expenses, actual: 36200 }}\n  - {{ kpi: complaints, actual: 1 }}\n\ntasks:\n  - {{ task: kickoff, status: done }}\n  - {{ task: visits, status: in-progress }}\n\nspend:\n  - {{ line: salary, actual: 30000 }}\n  - {{ line: rent, actual: 5000 }}\n  - {{ line: travel, actual: 1200 }}\n\nscores:\n  - {{ person: p002, components: {{ basic: 85, sales: 78 }} }}\n  - {{ person: p003, components: {{ basic: 90, sales: 92 }} }}\n---\n{body}",
        modeline = modeline(Kind::Review, 1),
        unit = o.unit,
        period = o.period,
        title = scalar(&format!("{} {}", t.review_title, o.period)),
        body = t.review_body,
    )
}

const PRE_COMMIT: &str = "\
# Checks every commit with planbook (https://pre-commit.com). Install the hook once with
# `pre-commit install`. The whole repository is checked, because a change to a roster can
# break a plan in another file. Needs `planbook` on PATH.
repos:
  - repo: local
    hooks:
      - id: planbook-check
        name: planbook check
        entry: planbook check
        language: system
        pass_filenames: false
        always_run: true
";

const VSCODE: &str = r#"{
  "yaml.schemas": {
    "./schema/config.schema.json": ["planbook.yaml"],
    "./schema/roster.schema.json": ["roster.yaml", "*.roster.yaml"],
    "./schema/budget.schema.json": ["*.budget.yaml"]
  },
  "files.associations": {
    "*.budget.yaml": "yaml",
    "*.roster.yaml": "yaml"
  },
  "yaml.format.singleQuote": false,
  "editor.insertSpaces": true,
  "[yaml]": { "editor.tabSize": 2 }
}
"#;

/// The words of the sample documents in one language.
struct Text {
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
}

impl Text {
    fn of(locale: Locale) -> Text {
        match locale {
            Locale::ZhCn => ZH,
            Locale::En => EN,
        }
    }
}

const ZH: Text = Text {
    config_comment: "计划资料库的设置：单位层级、指标目录、规则级别。",
    rules_comment: "按规则编号调整级别，例如 budget.breakdown-short: note；`planbook rules` 列出全部规则。",
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
    plan_body: "# 工作计划\n\n## 现状\n\n简要说明本期的市场情况和上期遗留的问题。\n\n## 措施\n\n- 每周跟进销售进度，月底前完成重点客户走访。\n- 费用按预算控制，超支需提前申请。\n",
    review_title: "销售一部工作回顾",
    review_body: "# 工作回顾\n\n## 结果\n\n销售额完成保底目标，未达到冲刺目标；费用控制在预算内。\n\n## 问题与下一步\n\n- 重点客户走访尚未完成，下月继续。\n",
    policy_file: "考评办法",
    policy: "---\ntitle: 考评办法\norder: 1\n---\n# 考评办法\n\n每月考评一次：基本工作占 60%，绩效工作占 40%。考评结果在下月初公布。\n",
    readme: "# {name} 计划资料库\n\n这里存放本单位的人员名册、预算、计划和回顾，用文本编辑器修改，用 git 记录每一次改动。\n\n- `planbook.yaml`：单位层级和指标目录。\n- 每个单位一个文件夹：`roster.yaml`（名册）、`<期间>.budget.yaml`（预算）、`<期间>.plan.md`（计划）、`<期间>.review.md`（回顾）。\n- `policies/`：制度文件，会出现在手册的导航里。\n\n常用命令：\n\n```sh\nplanbook check                                   # 检查全部文件\nplanbook new review --unit <单位> --period <期间> # 按计划生成回顾\nplanbook build                                   # 生成手册到 _site/\n```\n\n提交前会自动检查（`planbook hook install` 或 `pre-commit install`）。在 VS Code 中安装 YAML 插件即可获得字段补全和检查。\n",
};

const EN: Text = Text {
    config_comment: "Settings of this planning repository: the unit hierarchy, the KPI catalogue, rule levels.",
    rules_comment: "Change a rule's severity by its id, e.g. budget.breakdown-short: note; `planbook rules` lists them.",
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
    plan_body: "# Plan\n\n## Situation\n\nWhere the market stands and what was left over from last period.\n\n## Measures\n\n- Follow sales weekly; finish the key account visits by the end of the period.\n- Keep costs within the budget; ask before overspending.\n",
    review_title: "Sales team review",
    review_body: "# Review\n\n## Results\n\nSales passed the floor but missed the target; costs stayed within budget.\n\n## Problems and next steps\n\n- The key account visits are not finished; they continue next period.\n",
    policy_file: "evaluation",
    policy: "---\ntitle: Evaluation policy\norder: 1\n---\n# Evaluation policy\n\nEveryone is evaluated monthly: basic work counts 60 %, performance 40 %. Results are published early the next month.\n",
    readme: "# {name} planning repository\n\nRosters, budgets, plans and reviews, edited in a text editor and versioned with git.\n\n- `planbook.yaml`: the unit hierarchy and the KPI catalogue.\n- One folder per unit: `roster.yaml`, `<period>.budget.yaml`, `<period>.plan.md`, `<period>.review.md`.\n- `policies/`: policies and processes, shown in the handbook's navigation.\n\nEveryday commands:\n\n```sh\nplanbook check                                      # check every file\nplanbook new review --unit <unit> --period <period> # start a review from its plan\nplanbook build                                      # write the handbook to _site/\n```\n\nEvery commit is checked (`planbook hook install`, or `pre-commit install`). VS Code with the YAML extension completes and checks fields as you type.\n",
};
