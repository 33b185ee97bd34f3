//! The handbook's interface language: the table of UI strings (English and Simplified Chinese)
//! that templates read as `t.<key>` and views through `Site::t`, and locale-aware formatting of
//! numbers, money, percentages, dates and periods.
//!
//! Not every word on a page comes from this table: `render::history` writes its notes ("no
//! change history…", shallow clones) and change headings ("added", "merged") in both languages
//! itself; field changes are described by `history` and diagnostics by `diag`, in English only;
//! and the banner `planbook serve` adds after a failed rebuild is English.
//!
//! `view` formats every figure through [`Fmt`] before a template sees it, so templates never
//! do arithmetic or number formatting, and money stays an exact decimal until it is text.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::model::config::Locale;
use crate::model::money::grouped;
use crate::model::period::{Date, Period};

/// The UI strings: `(key, English, Chinese)`. Templates read them as `t.<key>`.
const STRINGS: &[(&str, &str, &str)] = &[
    ("actual", "Actual", "实际"),
    ("actual_spend", "Actual spend", "实际支出"),
    ("all_pages", "All pages", "全部页面"),
    ("amount", "Amount", "金额"),
    ("assessed_by", "Assessed by", "评定人"),
    ("attainment", "Attainment", "达成率"),
    ("bonuses", "Bonuses", "奖励项目"),
    ("breakdown", "Breakdown", "明细"),
    ("budget", "Budget", "预算"),
    ("budget_vs_caps", "Budget against caps", "预算与限额"),
    ("budgets", "Budgets", "预算"),
    ("by_category", "By category", "按类别"),
    ("cap", "Cap", "限额"),
    ("caps", "Caps and headroom", "限额与余量"),
    ("category", "Category", "类别"),
    ("chart_table", "Figures as a table", "图表数据"),
    ("class", "Class", "类别"),
    ("component", "Component", "项目"),
    ("currency", "Currency", "币种"),
    ("declared", "Declared", "申报"),
    ("depends_on", "Depends on", "前置任务"),
    ("description", "Description", "说明"),
    ("diagnostics_none", "No problems found.", "没有发现问题。"),
    ("direct_reports", "Direct reports", "直接下属"),
    ("documents", "Documents", "文档"),
    ("due", "Due", "截止"),
    ("duties", "Duties", "职责"),
    ("email", "E-mail", "电子邮件"),
    ("employment", "Employment", "用工形式"),
    ("end", "End", "结束"),
    ("errors", "Errors", "错误"),
    ("establishment", "Establishment", "编制"),
    ("floor", "Floor", "保底"),
    ("generated_by", "Built by planbook", "由 planbook 生成"),
    ("group", "Group", "分组"),
    ("headcount", "Headcount", "在岗人数"),
    ("headroom", "Headroom", "余量"),
    ("home", "Home", "首页"),
    ("item", "Item", "项目"),
    ("kpi", "KPI", "指标"),
    ("latest_period", "Latest period", "最新期间"),
    ("line", "Line", "科目"),
    ("lines", "Budget lines", "预算科目"),
    ("manager", "Manager", "上级"),
    ("measured_on", "Measured on", "考核依据"),
    ("met", "met", "达成"),
    ("above-floor", "above floor", "过保底"),
    ("missed", "missed", "未达成"),
    ("no-actual", "no actual", "无实际数"),
    ("name", "Name", "姓名"),
    ("narrative", "Narrative", "正文"),
    ("nav", "Sections", "栏目"),
    ("no_results", "Nothing found.", "没有找到结果。"),
    ("none", "None.", "无。"),
    ("note", "Note", "备注"),
    ("notes", "Notes", "提示"),
    ("open_problems", "Open problems", "待解决的问题"),
    ("org_chart", "Organisation chart", "组织结构"),
    ("over", "Over", "超编"),
    ("owner", "Owner", "负责人"),
    ("pages", "Pages", "页面"),
    ("parent_unit", "Part of", "上级单位"),
    ("pay", "Pay", "薪酬"),
    ("people", "People", "人员"),
    ("per_post", "Per person in", "人均（岗位）"),
    ("period", "Period", "期间"),
    ("person", "Person", "人员"),
    ("phone", "Phone", "电话"),
    ("plan", "Plan", "计划"),
    ("plans", "Plans", "计划"),
    ("points", "Points", "得分"),
    ("post", "Post", "岗位"),
    ("posts", "Posts", "岗位"),
    ("previous", "Previous period", "上期"),
    ("problem", "Problem", "问题"),
    ("problems", "Problems", "问题"),
    (
        "problems_intro",
        "What `planbook check` reports on the documents published here.",
        "`planbook check` 对本手册所含文档报告的问题。",
    ),
    ("range", "Range", "区间"),
    ("rank", "Rank", "排名"),
    ("region", "Region", "地区"),
    ("regions", "Regions", "地区"),
    ("reports", "Reports", "下属"),
    ("review", "Review", "回顾"),
    ("reviews", "Reviews", "回顾"),
    ("roster", "Roster", "人员编制"),
    ("scope", "Scope", "范围"),
    ("score", "Score", "得分"),
    ("scorecards", "Scorecards", "考评表"),
    ("scores", "Scores", "考评得分"),
    ("scores_over_time", "Scores over time", "历次考评得分"),
    ("search", "Search", "搜索"),
    ("search_placeholder", "Search the handbook", "搜索手册"),
    ("search_results", "Results", "搜索结果"),
    ("search_needs_js", "Search needs JavaScript.", "搜索需要启用 JavaScript。"),
    ("section", "Section", "部分"),
    ("share", "Share", "占比"),
    ("since", "Since", "入职"),
    ("skip", "Skip to content", "跳到正文"),
    ("standing", "Standing", "状态"),
    ("start", "Start", "开始"),
    ("status", "Status", "进度"),
    ("sub_units", "Units", "下属单位"),
    ("subtotal", "Subtotal", "小计"),
    ("target", "Target", "目标"),
    ("targets", "Targets", "目标"),
    ("task", "Task", "任务"),
    ("tasks", "Tasks", "任务"),
    ("tasks_owned", "Tasks owned", "负责的任务"),
    ("timeline", "Timeline", "进度安排"),
    ("total", "Total", "合计"),
    ("trends", "Trends", "趋势"),
    ("changes", "Changes", "修改记录"),
    ("recent_changes", "Recent changes", "最近修改"),
    ("last_changed", "Last changed", "最后修改"),
    ("by", "by", "修改人"),
    ("change_history", "Change history", "修改历史"),
    ("set_by", "set by", "设定于"),
    ("no_changes", "No changes recorded yet.", "尚无修改记录。"),
    ("unit", "Unit", "单位"),
    ("unit_price", "Unit price", "单价"),
    ("units", "Units", "单位"),
    ("until", "Until", "离职"),
    ("used", "Used", "已用"),
    ("vacancies", "Vacancies", "空编"),
    ("variance", "Variance", "差异"),
    ("warnings", "Warnings", "警告"),
    ("weight", "Weight", "权重"),
    ("year_to_date", "Fiscal year to date", "本财年累计"),
    ("quantity", "Quantity", "数量"),
    ("not-started", "not started", "未开始"),
    ("in-progress", "in progress", "进行中"),
    ("done", "done", "已完成"),
    ("blocked", "blocked", "受阻"),
    ("dropped", "dropped", "已取消"),
    ("full-time", "full-time", "全职"),
    ("part-time", "part-time", "兼职"),
    ("contract", "contract", "合同"),
    ("secondment", "secondment", "借调"),
    ("temporary", "temporary", "临时"),
];

/// The UI strings of `locale`, keyed as in the table above.
pub fn strings(locale: Locale) -> BTreeMap<&'static str, &'static str> {
    STRINGS.iter().map(|&(k, en, zh)| (k, if locale == Locale::ZhCn { zh } else { en })).collect()
}

/// The value of the HTML `lang` attribute for `locale`.
pub fn lang(locale: Locale) -> &'static str {
    match locale {
        Locale::En => "en",
        Locale::ZhCn => "zh-CN",
    }
}

/// Formats figures for one locale.
#[derive(Debug, Clone, Copy)]
pub struct Fmt {
    /// The locale.
    pub locale: Locale,
}

impl Fmt {
    /// A number with thousands separators, every digit kept: `122,900`, `1,350.50`.
    pub fn number(self, value: Decimal) -> String {
        grouped(value)
    }

    /// An optional number; empty text when there is none.
    pub fn opt(self, value: Option<Decimal>) -> String {
        value.map(|v| self.number(v)).unwrap_or_default()
    }

    /// A percentage: `95.3%`.
    pub fn percent(self, value: Decimal) -> String {
        format!("{}%", grouped(value.normalize()))
    }

    /// A calendar day: `1 Dec 2026` or `2026年12月1日`.
    ///
    /// # Examples
    ///
    /// ```
    /// use planbook::model::config::Locale;
    /// use planbook::render::i18n::Fmt;
    /// let day = "2026-12-01".parse().unwrap();
    /// assert_eq!(Fmt { locale: Locale::En }.date(day), "1 Dec 2026");
    /// assert_eq!(Fmt { locale: Locale::ZhCn }.date(day), "2026年12月1日");
    /// ```
    pub fn date(self, d: Date) -> String {
        match self.locale {
            Locale::En => format!("{} {} {}", d.day, MONTHS[usize::from(d.month - 1) % 12], d.year),
            Locale::ZhCn => format!("{}年{}月{}日", d.year, d.month, d.day),
        }
    }

    /// A period: `Dec 2026`, `Q1 2026`, `2026` or `2026年12月`, `2026年第1季度`, `2026年`.
    pub fn period(self, p: Period) -> String {
        match (self.locale, p) {
            (Locale::En, Period::Month(y, m)) => format!("{} {y}", MONTHS[usize::from(m - 1) % 12]),
            (Locale::En, Period::Quarter(y, q)) => format!("Q{q} {y}"),
            (Locale::En, Period::Year(y)) => format!("{y}"),
            (Locale::ZhCn, Period::Month(y, m)) => format!("{y}年{m}月"),
            (Locale::ZhCn, Period::Quarter(y, q)) => format!("{y}年第{q}季度"),
            (Locale::ZhCn, Period::Year(y)) => format!("{y}年"),
        }
    }
}

const MONTHS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_unique_and_translated() {
        let mut seen = std::collections::HashSet::new();
        for (key, en, zh) in STRINGS {
            assert!(seen.insert(key), "duplicate key {key}");
            assert!(!en.is_empty() && !zh.is_empty(), "{key} lacks a translation");
        }
    }

    #[test]
    fn every_string_the_builtin_templates_read_is_in_the_table() {
        let keys: std::collections::HashSet<&str> = STRINGS.iter().map(|s| s.0).collect();
        for (name, source) in crate::render::templates::BUILTIN {
            for (at, _) in source.match_indices("t.") {
                let before = source[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
                    continue;
                }
                let key: String = source[at + 2..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                assert!(key.is_empty() || keys.contains(key.as_str()), "{name}: t.{key}");
            }
        }
    }

    #[test]
    fn periods_and_money_follow_the_locale() {
        let zh = Fmt { locale: Locale::ZhCn };
        let en = Fmt { locale: Locale::En };
        assert_eq!(zh.period(Period::Quarter(2027, 1)), "2027年第1季度");
        assert_eq!(en.period(Period::Month(2026, 12)), "Dec 2026");
        assert_eq!(en.number(Decimal::new(12345678901, 2)), "123,456,789.01");
        assert_eq!(en.percent(Decimal::new(9530, 2)), "95.3%");
    }
}
