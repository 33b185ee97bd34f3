//! `planbook.yaml`: the repository's name, locale, currency, unit hierarchy, KPI catalogue,
//! rule severities and exclusions.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::ids::{KpiId, UnitId};
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
