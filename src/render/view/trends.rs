//! The trends page: each KPI and budget category across periods, as a table and a line chart.

use serde::Serialize;

use crate::render::charts::{self, LineChart};
use crate::render::view::site::{Link, Site};

/// The trends page: KPIs and budget categories across periods.
#[derive(Debug, Serialize)]
pub struct TrendsView {
    /// KPI series.
    pub kpis: Vec<SeriesView>,
    /// Budget category series.
    pub categories: Vec<SeriesView>,
}

/// One series.
#[derive(Debug, Serialize)]
pub struct SeriesView {
    /// Unit.
    pub unit: Link,
    /// Name.
    pub name: String,
    /// Anchor id.
    pub anchor: String,
    /// The figures, one row per period.
    pub rows: Vec<TrendRow>,
    /// Chart.
    pub chart: Option<LineChart>,
}

/// One period of a series.
#[derive(Debug, Serialize)]
pub struct TrendRow {
    /// The period.
    pub period: String,
    /// The target or budgeted amount.
    pub planned: String,
    /// The actual.
    pub actual: String,
}

impl TrendsView {
    /// The view of the trends report.
    pub fn new(site: &Site) -> TrendsView {
        // KPI series are named by the KPI; category series by the category's display name.
        let series = |list: &[crate::rollup::trends::Series], prefix: &str| {
            list.iter()
                .filter(|s| s.points.len() > 1)
                .enumerate()
                .map(|(i, s)| {
                    let mut points = s.points.clone();
                    points.sort_by_key(|p| p.period);
                    let data: Vec<_> = points
                        .iter()
                        .map(|p| (site.fmt.period(p.period), p.planned, p.actual))
                        .collect();
                    let name = if prefix == "category" {
                        site.category_name(&s.key)
                    } else {
                        s.name.clone()
                    };
                    SeriesView {
                        unit: site.unit_link(&s.unit),
                        name: name.clone(),
                        anchor: format!("{prefix}-{i}"),
                        rows: points
                            .iter()
                            .map(|p| TrendRow {
                                period: site.fmt.period(p.period),
                                planned: site.fmt.opt(p.planned),
                                actual: site.fmt.opt(p.actual),
                            })
                            .collect(),
                        chart: charts::lines(name, &data, |m| site.fmt.number(m)),
                    }
                })
                .take(200)
                .collect::<Vec<_>>()
        };
        TrendsView {
            kpis: series(&site.reports.trends.kpis, "kpi"),
            categories: series(&site.reports.trends.categories, "category"),
        }
    }
}
