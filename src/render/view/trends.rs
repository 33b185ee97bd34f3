//! The trends page: for each unit (and, consolidated, for each unit with units below it)
//! budget against actual spend and headcount against establishment month by month, each KPI's
//! actual against its target and floor, and the budget by category, as time charts
//! (`render::time_chart`) over the months the documents span, each with its figures in a
//! table beside it.
//!
//! Charts of one figure share one y scale (the `scale` key): a KPI across units, spend across
//! units, headcount across units, the categories of one unit; a group's charts have their own.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::i18n::msg;
use crate::model::config::{Better, Locale};
use crate::model::period::Period;
use crate::render::time_chart::{self, ChartInput, Labels, SeriesInput, Style, TimeChart};
use crate::render::view::site::{Link, Site};
use crate::rollup::trends::Series;

/// The trends page.
#[derive(Debug, Serialize)]
pub struct TrendsView {
    /// The months shown, as a sentence; empty without any.
    pub span: String,
    /// One section per unit: groups first, then units in the order of `planbook.yaml`.
    pub units: Vec<UnitTrends>,
    /// When charts were left out to keep the page small, the sentence that says so.
    pub left_out: String,
}

/// The most charts the page draws (about 3.5 KB each, so some 500 KB): overviews first, then
/// KPIs, then categories, groups before units.
pub const MAX_CHARTS: usize = 150;

/// One unit's (or group's) charts.
#[derive(Debug, Serialize)]
pub struct UnitTrends {
    /// The unit.
    pub unit: Link,
    /// Anchor id.
    pub anchor: String,
    /// Whether the figures are the sums of the units below it.
    pub group: bool,
    /// Overview, KPIs, categories: the blocks that have charts.
    pub blocks: Vec<Block>,
}

/// A heading and its charts.
#[derive(Debug, Serialize)]
pub struct Block {
    /// The heading.
    pub heading: String,
    /// The charts.
    pub figures: Vec<Figure>,
}

/// One chart with its legend and its figures.
#[derive(Debug, Serialize)]
pub struct Figure {
    /// Element id.
    pub id: String,
    /// What it shows (a KPI's or category's name, "Headcount").
    pub heading: String,
    /// Charts with the same key share one y scale.
    pub scale: String,
    /// The chart.
    pub chart: TimeChart,
    /// The legend: a style and its words.
    pub legend: Vec<(Style, String)>,
    /// Whether the chart shades months without a figure.
    pub has_gaps: bool,
    /// Column heads of the table (the period first).
    pub heads: Vec<String>,
    /// Rows of the table: period, then the figures.
    pub rows: Vec<Vec<String>>,
}

/// What a series' planned and actual figures are called, and where a figure goes.
struct Pending {
    /// Index into the units list.
    unit: usize,
    /// Block 0 overview, 1 KPIs, 2 categories.
    block: usize,
    heading: String,
    scale: String,
    input: ChartInput,
    legend: Vec<(Style, String)>,
    heads: Vec<String>,
    rows: Vec<Vec<String>>,
}

/// The words of one kind of series.
struct Words {
    actual: String,
    planned: String,
    floor: String,
}

impl TrendsView {
    /// The view of the trends report.
    pub fn new(site: &Site) -> TrendsView {
        let report = &site.reports.trends;
        let months = &report.months;
        let (Some(&first), Some(&last)) = (months.first(), months.last()) else {
            return TrendsView { span: String::new(), units: Vec::new(), left_out: String::new() };
        };
        let fmt = site.fmt;
        let span = msg!(
            "trends-span",
            from = fmt.period(first),
            to = fmt.period(last),
            months = months.len()
        )
        .text(fmt.locale);
        // Sections: groups first, then every unit, in the order of planbook.yaml.
        let order: Vec<&str> =
            site.index.ws.config.units.iter().map(|u| u.id.value.as_str()).collect();
        let mut keys: Vec<(bool, &str)> = Vec::new();
        let all = report.spend.iter().chain(&report.headcount).chain(&report.kpis);
        for s in all.chain(&report.categories) {
            if !keys.contains(&(!s.group, s.unit.as_str())) {
                keys.push((!s.group, s.unit.as_str()));
            }
        }
        let position = |u: &str| order.iter().position(|o| *o == u).unwrap_or(usize::MAX);
        keys.sort_by_key(|(own, u)| (*own, position(u), *u));
        let section = |s: &Series| keys.iter().position(|k| *k == (!s.group, s.unit.as_str()));
        let words =
            |a: &str, p: &str| Words { actual: site.t(a), planned: site.t(p), floor: "".into() };
        let mut pending: Vec<Pending> = Vec::new();
        let group_tag = |s: &Series| if s.group { "-group" } else { "" };
        for s in &report.spend {
            let w = words("trends_spent", "trends_budget");
            let heading = site.t("trends_spend");
            let scale = format!("spend{}-{}", group_tag(s), s.key);
            pending.extend(section(s).map(|u| figure(site, u, 0, heading, scale, s, &w)));
        }
        for s in &report.headcount {
            let w = words("trends_on_staff", "trends_establishment");
            let heading = site.t("trends_headcount");
            let scale = format!("headcount{}", group_tag(s));
            pending.extend(section(s).map(|u| figure(site, u, 0, heading, scale, s, &w)));
        }
        let kpi_order: Vec<&str> =
            site.index.ws.config.kpis.iter().map(|k| k.id.value.as_str()).collect();
        let mut kpis: Vec<&Series> = report.kpis.iter().collect();
        kpis.sort_by_key(|s| kpi_order.iter().position(|k| *k == s.key).unwrap_or(usize::MAX));
        for s in kpis {
            let mut w = words("trends_actual", "trends_target");
            // A lower-is-better KPI's floor is its ceiling.
            let lower =
                site.index.kpis.get(s.key.as_str()).is_some_and(|k| k.better == Better::Lower);
            w.floor = site.t(if lower { "trends_ceiling" } else { "trends_floor" });
            let heading = match &s.measure {
                Some(m) => format!("{} ({m})", s.name),
                None => s.name.clone(),
            };
            let scale = format!("kpi{}-{}", group_tag(s), s.key);
            pending.extend(section(s).map(|u| figure(site, u, 1, heading, scale, s, &w)));
        }
        for s in &report.categories {
            let w = words("trends_spent", "trends_budget");
            let heading = site.category_name(&s.key);
            let scale = format!("category-{}", s.unit);
            pending.extend(section(s).map(|u| figure(site, u, 2, heading, scale, s, &w)));
        }
        // Overviews first, then KPIs, then categories, each in section order, up to the cap.
        pending.sort_by_key(|p| (p.block, p.unit));
        let dropped = pending.len().saturating_sub(MAX_CHARTS);
        pending.truncate(MAX_CHARTS);
        let left_out = if dropped > 0 {
            msg!("trends-left-out", count = dropped).text(fmt.locale)
        } else {
            String::new()
        };
        let laid = lay_out(site, months, pending);
        let block_heads = [site.t("trends_overview"), site.t("trends_kpis"), site.t("by_category")];
        let mut units: Vec<UnitTrends> = keys
            .iter()
            .enumerate()
            .map(|(i, (own, unit))| UnitTrends {
                unit: site.unit_link(unit),
                anchor: format!("{}{}", if *own { "unit-" } else { "group-" }, slug(unit, i)),
                group: !own,
                blocks: block_heads
                    .iter()
                    .map(|h| Block { heading: h.clone(), figures: Vec::new() })
                    .collect(),
            })
            .collect();
        for (unit, block, fig) in laid {
            if let Some(b) = units.get_mut(unit).and_then(|u| u.blocks.get_mut(block)) {
                b.figures.push(fig);
            }
        }
        for u in &mut units {
            u.blocks.retain(|b| !b.figures.is_empty());
        }
        units.retain(|u| !u.blocks.is_empty());
        TrendsView { span, units, left_out }
    }
}

/// An anchor-safe form of a unit id (its index when it has other characters).
fn slug(unit: &str, i: usize) -> String {
    if unit.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        unit.to_string()
    } else {
        i.to_string()
    }
}

/// One series as a chart to lay out, with its table.
fn figure(
    site: &Site,
    unit: usize,
    block: usize,
    heading: String,
    scale: String,
    s: &Series,
    w: &Words,
) -> Pending {
    let fmt = site.fmt;
    let pick = |f: &dyn Fn(&crate::rollup::trends::Point) -> Option<Decimal>| -> Vec<_> {
        s.points.iter().filter_map(|p| f(p).map(|v| (p.period, v))).collect()
    };
    let is_kpi = !w.floor.is_empty();
    let planned = if is_kpi { pick(&|p| p.target) } else { pick(&|p| p.planned) };
    let floor = if is_kpi { pick(&|p| p.floor) } else { Vec::new() };
    let actual = pick(&|p| p.actual);
    let mut series =
        vec![SeriesInput { name: w.actual.clone(), style: Style::Actual, points: actual }];
    let mut legend = vec![(Style::Actual, w.actual.clone())];
    let mut heads = vec![site.t("period"), w.planned.clone()];
    if !planned.is_empty() {
        legend.push((Style::Target, w.planned.clone()));
    }
    series.push(SeriesInput { name: w.planned.clone(), style: Style::Target, points: planned });
    if !floor.is_empty() {
        legend.push((Style::Floor, w.floor.clone()));
        heads.push(w.floor.clone());
        series.push(SeriesInput { name: w.floor.clone(), style: Style::Floor, points: floor });
    }
    heads.push(w.actual.clone());
    let with_floor = heads.len() == 4;
    let rows = s
        .points
        .iter()
        .map(|p| {
            let planned = if is_kpi { p.target } else { p.planned };
            let mut row = vec![fmt.period(p.period), fmt.opt(planned)];
            if with_floor {
                row.push(fmt.opt(p.floor));
            }
            row.push(fmt.opt(p.actual));
            row
        })
        .collect();
    let title = msg!("trends-chart-title", name = heading.as_str(), unit = s.unit_name.as_str())
        .text(fmt.locale);
    let title = if s.group {
        msg!("trends-chart-title-group", name = heading.as_str(), unit = s.unit_name.as_str())
            .text(fmt.locale)
    } else {
        title
    };
    Pending {
        unit,
        block,
        heading,
        scale,
        input: ChartInput { title, desc: String::new(), series },
        legend,
        heads,
        rows,
    }
}

/// Lays out every scale's charts together and writes each chart's summary sentence.
fn lay_out(site: &Site, months: &[Period], pending: Vec<Pending>) -> Vec<(usize, usize, Figure)> {
    // Keep the order the charts came in (KPIs in the order of planbook.yaml) within a block.
    let pending: Vec<(usize, Pending)> = pending.into_iter().enumerate().collect();
    let fmt = site.fmt;
    let number = |v: Decimal| fmt.number(v);
    let month =
        |p: Period| msg!("trends-month", month = u32::from(p.bounds().0.month)).text(fmt.locale);
    let year = |y: i32| fmt.period(Period::Year(y));
    let labels = Labels { number: &number, month: &month, year: &year };
    let mut by_scale: BTreeMap<String, Vec<(usize, Pending)>> = BTreeMap::new();
    for (i, p) in pending {
        by_scale.entry(p.scale.clone()).or_default().push((i, p));
    }
    let mut out = Vec::new();
    for (scale, list) in by_scale {
        let inputs: Vec<ChartInput> = list.iter().map(|(_, p)| p.input.clone()).collect();
        let from_zero = !scale.starts_with("kpi");
        let charts = time_chart::small_multiples(months, &inputs, &labels, from_zero);
        for ((order, p), mut chart) in list.into_iter().zip(charts) {
            chart.desc = describe(site, months, &p.input, &chart);
            let has_gaps = !chart.gaps.is_empty();
            let fig = Figure {
                id: format!("trend-{}", order + 1),
                heading: p.heading,
                scale: scale.clone(),
                chart,
                legend: p.legend,
                has_gaps,
                heads: p.heads,
                rows: p.rows,
            };
            out.push((order, p.unit, p.block, fig));
        }
    }
    out.sort_by_key(|(order, u, b, _)| (*u, *b, *order));
    out.into_iter().map(|(_, u, b, f)| (u, b, f)).collect()
}

/// One sentence saying what a chart shows: its span, how many periods have an actual, the
/// months without one, and the latest actual against the latest planned figure.
fn describe(site: &Site, months: &[Period], input: &ChartInput, chart: &TimeChart) -> String {
    let fmt = site.fmt;
    let (from, to) = match (months.first(), months.last()) {
        (Some(a), Some(b)) => (fmt.period(*a), fmt.period(*b)),
        _ => (String::new(), String::new()),
    };
    let actual = input.series.iter().find(|s| s.style == Style::Actual);
    let planned = input.series.iter().find(|s| s.style == Style::Target);
    let mut periods: Vec<Period> =
        input.series.iter().flat_map(|s| s.points.iter().map(|(p, _)| *p)).collect();
    periods.sort();
    periods.dedup();
    let reported = actual.map_or(0, |s| s.points.len());
    let chart_name = input.title.as_str();
    // Chinese sentences follow each other without a space.
    let space = if fmt.locale == Locale::En { " " } else { "" };
    let mut text = msg!(
        "trends-desc",
        chart = chart_name,
        from = from,
        to = to,
        reported = reported,
        periods = periods.len()
    )
    .text(fmt.locale);
    if !chart.gaps.is_empty() {
        let gaps = chart
            .gaps
            .iter()
            .filter_map(|g| g.month.parse::<Period>().ok())
            .map(|p| fmt.period(p))
            .reduce(|list, item| msg!("trends-list", list = list, item = item).text(fmt.locale))
            .unwrap_or_default();
        text.push_str(space);
        text += &msg!("trends-desc-gaps", gaps = gaps).text(fmt.locale);
    }
    let latest = actual.and_then(|s| s.points.iter().max_by_key(|(p, _)| *p));
    if let (Some(s), Some((when, value))) = (actual, latest) {
        let target = planned.and_then(|t| t.points.iter().find(|(p, _)| p == when));
        let last = fmt.number(*value);
        let when = fmt.period(*when);
        let sentence = match (planned, target) {
            (Some(t), Some((_, v))) => msg!(
                "trends-desc-last-planned",
                when = when,
                actual_name = s.name.as_str(),
                last = last,
                planned_name = t.name.as_str(),
                planned = fmt.number(*v)
            ),
            _ => msg!("trends-desc-last", when = when, actual_name = s.name.as_str(), last = last),
        };
        text.push_str(space);
        text += &sentence.text(fmt.locale);
    }
    text
}
