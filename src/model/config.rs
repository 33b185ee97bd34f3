//! `planbook.yaml`: the repository's name, locale, currency, unit hierarchy, KPI catalogue,
//! rule severities and exclusions.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::ids::{KpiId, TableId, UnitId};
use crate::model::money::Figure;
use crate::model::vocab::vocabulary;
use crate::source::Spanned;

/// The settings in `planbook.yaml` at the root of a data repository.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "planbook.yaml")]
pub struct Config {
    /// The organisation's name, shown in the handbook's title.
    pub name: String,
    /// The handbook's language.
    #[serde(default)]
    pub locale: Locale,
    /// The default currency of budgets, an ISO 4217 code such as `CNY`.
    #[serde(default = "default_currency")]
    pub currency: Currency,
    /// The month the fiscal year starts in (1 = January).
    #[serde(default = "default_fiscal_start")]
    #[schemars(range(min = 1, max = 12))]
    pub fiscal_year_start: u8,
    /// The deepest a reporting chain may be (the seed allows three management levels).
    #[serde(default = "default_levels")]
    #[schemars(range(min = 1, max = 1000))]
    pub max_management_levels: u32,
    /// The unit hierarchy that rollups climb.
    #[serde(default)]
    pub units: Vec<Unit>,
    /// The KPI catalogue: what each figure means, how it aggregates and which way is better.
    #[serde(default)]
    pub kpis: Vec<Kpi>,
    /// Tables of computation the documents refer to: tiered conversions (monthly retail of
    /// 100 counts as 2 key stores) and allowances per count (100 for the first county, 50
    /// for each more).
    #[serde(default)]
    pub tables: Vec<Table>,
    /// Display names of budget line categories by id, e.g. `personnel: 人员费用`. Built-in
    /// categories (`personnel`, `office`, `travel`…) have names in both languages already;
    /// a name here replaces them, and any other category shows its id until named here.
    #[serde(default)]
    pub categories: BTreeMap<String, String>,
    /// Display names of post classes by id, e.g. `management: 管理岗`, as for `categories`.
    #[serde(default)]
    pub post_classes: BTreeMap<String, String>,
    /// Severity overrides by rule id, e.g. `budget.breakdown-short: warning`.
    #[serde(default)]
    pub rules: BTreeMap<Spanned<String>, Spanned<Level>>,
    /// Glob patterns (relative to this file) of paths to skip, e.g. `drafts/**`.
    #[serde(default)]
    pub exclude: Vec<Spanned<String>>,
    /// What the handbook may publish beyond the defaults.
    #[serde(default)]
    pub publish: Publish,
}

impl Config {
    /// How budget line category `id` is shown in `locale`: the name `categories:` gives it,
    /// else the built-in name (`personnel` is 人员费用 in Chinese), else the id itself.
    pub fn category_name(&self, id: &str, locale: Locale) -> String {
        display_name(&self.categories, "category-", id, locale)
    }

    /// How post class `id` is shown in `locale`, as [`Config::category_name`].
    pub fn class_name(&self, id: &str, locale: Locale) -> String {
        display_name(&self.post_classes, "class-", id, locale)
    }
}

/// How `id` is shown in `locale`: its name in `names`, else the catalogue's `<prefix><id>`,
/// else the id itself.
pub fn display_name(
    names: &BTreeMap<String, String>,
    prefix: &str,
    id: &str,
    locale: Locale,
) -> String {
    if let Some(name) = names.get(id) {
        return name.clone();
    }
    crate::i18n::lookup(locale, &format!("{prefix}{id}")).unwrap_or_else(|| id.to_owned())
}

/// What `planbook build` may publish. By default a person's pay, phone and e-mail stay out of
/// the handbook.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Publish {
    /// The private fields of people on rosters that the handbook shows, e.g. `[phone, email]`.
    #[serde(default)]
    pub person_fields: Vec<PersonField>,
}

vocabulary! {
    /// A private field of a person on a roster.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum PersonField {
        Pay = "pay" { en: "Individual pay.", zh: "个人薪酬", aliases: ["薪酬", "工资"] },
        Phone = "phone" { en: "Phone number.", zh: "电话号码", aliases: ["电话"] },
        Email = "email" { en: "E-mail address.", zh: "电子邮箱", aliases: ["邮箱"] },
    }
}

fn default_currency() -> Currency {
    Currency("CNY".into())
}
fn default_fiscal_start() -> u8 {
    1
}
fn default_levels() -> u32 {
    3
}

pub use crate::i18n::Locale;

/// An ISO 4217 currency code such as `CNY`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize, Serialize, JsonSchema)]
#[serde(transparent)]
pub struct Currency(#[schemars(regex(pattern = crate::model::forms::CURRENCY.pattern))] pub String);

/// A unit of the organisation: a company, branch or department.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// The unit's id, used by documents' `unit:` field.
    pub id: Spanned<UnitId>,
    /// The unit's display name.
    pub name: String,
    /// The unit this one belongs to; omit for a top-level unit.
    #[serde(default)]
    pub parent: Option<Spanned<UnitId>>,
    /// A short description.
    #[serde(default)]
    pub description: Option<String>,
}

/// A KPI: a figure that plans target and reviews report.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Kpi {
    /// The KPI's id, used by targets and actuals.
    pub id: Spanned<KpiId>,
    /// The display name.
    pub name: String,
    /// The unit of measure: `台`, `CNY`, `%`, `家`.
    #[serde(default)]
    pub unit: Option<String>,
    /// How values of child units combine into their parent's value.
    #[serde(default)]
    pub aggregate: Aggregate,
    /// Whether a higher or a lower value is better.
    #[serde(default)]
    pub better: Better,
    /// What the KPI measures and how it is counted.
    #[serde(default)]
    pub description: Option<String>,
    /// Where a review's value must come from, when it is computed from other figures:
    /// `planbook check` compares the review's actual with it.
    #[serde(default)]
    pub derived: Option<Derived>,
}

/// How a KPI's value follows from other figures: from one source, or as KPIs added and
/// subtracted (profit is gross margin minus expenses).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Derived {
    /// A figure of the repository it equals.
    #[serde(default)]
    pub from: Option<Spanned<Source>>,
    /// KPIs of the same review added up.
    #[serde(default)]
    pub plus: Vec<Spanned<KpiId>>,
    /// KPIs of the same review subtracted.
    #[serde(default)]
    pub minus: Vec<Spanned<KpiId>>,
    /// How far the review's value may differ before `planbook check` warns; exact when left
    /// out.
    #[serde(default)]
    pub tolerance: Option<Spanned<Figure>>,
}

vocabulary! {
    /// A figure of the repository a KPI may be derived from.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Source {
        Spend = "spend" {
            en: "The review's spend: the sum of its `spend` lines.",
            zh: "回顾中 `spend` 各行实际支出之和",
            aliases: ["实际费用", "支出"],
        },
        Budget = "budget" {
            en: "The period's budget total for the unit.",
            zh: "本单位该期预算总额",
            aliases: ["预算"],
        },
        Headcount = "headcount" {
            en: "The unit's headcount at the end of the period.",
            zh: "本单位期末在岗人数",
            aliases: ["人数", "在岗人数"],
        },
    }
}

/// A table of computation: `tiers` (a step for each threshold), or `first` and
/// `each_more` (an allowance per count).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Table {
    /// The table's id, named by `tally` and `allowance`.
    pub id: Spanned<TableId>,
    /// The display name (`重点零售店折算`).
    pub name: String,
    /// The unit of what it gives (`家`, `CNY`).
    #[serde(default)]
    pub unit: Option<String>,
    /// Steps, in rising order of `from`: an input at or above a step's `from` (and below
    /// the next's) gives its `value`; an input below the first gives 0.
    #[serde(default)]
    pub tiers: Vec<Tier>,
    /// For a count: what the first one gives.
    #[serde(default)]
    pub first: Option<Spanned<Figure>>,
    /// For a count: what each one after the first adds.
    #[serde(default)]
    pub each_more: Option<Spanned<Figure>>,
    /// Where the rule comes from, or anything else worth knowing.
    #[serde(default)]
    pub note: Option<String>,
}

/// One step of a tiered table.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    /// The least input of the step.
    pub from: Spanned<Figure>,
    /// What an input in the step gives.
    pub value: Spanned<Figure>,
}

vocabulary! {
    /// How a KPI's values from several units combine.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub enum Aggregate {
        #[default]
        Sum = "sum" {
            en: "Add them up (units sold, money).",
            zh: "求和（销量、金额）",
            aliases: ["求和", "合计"],
        },
        Mean = "mean" {
            en: "Average them (rates, percentages).",
            zh: "取平均（比率、百分比）",
            aliases: ["平均", "平均值"],
        },
        Min = "min" {
            en: "Take the smallest.",
            zh: "取最小值",
            aliases: ["最小", "最小值"],
        },
        Max = "max" {
            en: "Take the largest.",
            zh: "取最大值",
            aliases: ["最大", "最大值"],
        },
    }
}

vocabulary! {
    /// Which direction of a KPI is good.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub enum Better {
        #[default]
        Higher = "higher" {
            en: "More is better (sales, margin).",
            zh: "越高越好（销售额、毛利）",
            aliases: ["越高越好", "高"],
        },
        Lower = "lower" {
            en: "Less is better (costs, complaints).",
            zh: "越低越好（费用、投诉）",
            aliases: ["越低越好", "低"],
        },
    }
}

vocabulary! {
    /// A rule severity as configured in `planbook.yaml`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Level {
        Error = "error" {
            en: "Fails `planbook check`.",
            zh: "错误，检查不通过",
            aliases: ["错误"],
        },
        Warning = "warning" {
            en: "Reported; fails only with `--deny-warnings`.",
            zh: "警告，仅在 `--deny-warnings` 时不通过",
            aliases: ["警告"],
        },
        Note = "note" {
            en: "Reported for information.",
            zh: "提示，仅供参考",
            aliases: ["提示"],
        },
        Off = "off" { en: "Not reported.", zh: "关闭，不报告", aliases: ["关闭"] },
    }
}
