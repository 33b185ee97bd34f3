//! Report structs → display tables. The reports hold exact figures; this decides columns.

use crate::cli::table::{Cell, Table};
use crate::rollup::attainment::Standing;
use crate::rollup::{AttainmentReport, BudgetReport, HeadcountReport, ScoresReport, TrendsReport};

/// The budget report as tables: lines, categories, sections and limits per budget.
pub fn budget(report: &BudgetReport) -> Vec<Table> {
    let mut out = Vec::new();
    for b in &report.budgets {
        let head = format!("{} {} ({})", b.unit_name, b.period, b.currency);
        let mut lines = Table::new(
            format!("{head} — lines"),
            &[
                "line",
                "name",
                "category",
                "section",
                "amount",
                "breakdown",
                "previous",
                "actual",
                "variance",
                "variance %",
            ],
        );
        for l in &b.lines {
            lines.row(vec![
                Cell::Text(l.id.clone()),
                Cell::Text(l.name.clone()),
                Cell::text(l.category.clone()),
                Cell::text(l.section.clone()),
                Cell::money(l.amount),
                Cell::money(l.breakdown),
                Cell::money(l.previous),
                Cell::money(l.actual),
                Cell::money(l.variance),
                Cell::percent(l.variance_pct),
            ]);
        }
        lines.row(vec![
            Cell::Text("total".into()),
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Money(b.total),
            Cell::Empty,
            Cell::money(b.previous_total),
            Cell::money(b.actual_total),
            Cell::money(b.variance),
            Cell::Empty,
        ]);
        out.push(lines);
        let mut categories = Table::new(
            format!("{head} — by category"),
            &["category", "amount", "share", "previous", "actual"],
        );
        for c in &b.categories {
            categories.row(vec![
                Cell::Text(c.key.clone()),
                Cell::Money(c.amount),
                Cell::percent(c.share_pct),
                Cell::money(c.previous),
                Cell::money(c.actual),
            ]);
        }
        out.push(categories);
        let mut totals =
            Table::new(format!("{head} — totals"), &["figure", "computed", "declared"]);
        for s in &b.sections {
            totals.row(vec![
                Cell::Text(format!("{} ({})", s.name, s.id)),
                Cell::Money(s.amount),
                Cell::money(s.declared),
            ]);
        }
        totals.row(vec![
            Cell::Text("total".into()),
            Cell::Money(b.total),
            Cell::money(b.declared_total),
        ]);
        if let Some(ytd) = &b.year_to_date {
            totals.row(vec![
                Cell::Text(format!(
                    "year to date from {} ({})",
                    ytd.from,
                    crate::diag::count(ytd.budgets, "budget", "budgets")
                )),
                Cell::Money(ytd.budget),
                Cell::Empty,
            ]);
            totals.row(vec![
                Cell::Text("year to date, actual".into()),
                Cell::Money(ytd.actual),
                Cell::Empty,
            ]);
        }
        out.push(totals);
        if !b.limits.is_empty() {
            let mut limits = Table::new(
                format!("{head} — limits"),
                &["limit", "name", "max", "used", "headroom", "used %"],
            );
            for l in &b.limits {
                limits.row(vec![
                    Cell::Text(l.id.clone()),
                    Cell::Text(l.name.clone()),
                    Cell::Money(l.max),
                    Cell::Money(l.used),
                    Cell::Money(l.headroom),
                    Cell::percent(l.used_pct),
                ]);
            }
            out.push(limits);
        }
    }
    out
}

/// The headcount report as tables: posts, regions and span of control per roster.
pub fn headcount(report: &HeadcountReport) -> Vec<Table> {
    let mut out = Vec::new();
    for r in &report.rosters {
        let head = match r.as_of {
            Some(day) => format!("{} as of {day}", r.unit_name),
            None => r.unit_name.clone(),
        };
        let n = |v: u64| Cell::Number(v.into());
        let mut posts = Table::new(
            format!("{head} — posts"),
            &["post", "title", "class", "establishment", "headcount", "vacancies", "over"],
        );
        for p in &r.posts {
            posts.row(vec![
                Cell::Text(p.id.clone()),
                Cell::Text(p.title.clone()),
                Cell::text(p.class.clone()),
                n(p.establishment),
                n(p.headcount),
                n(p.vacancies),
                n(p.over),
            ]);
        }
        posts.row(vec![
            Cell::Text("total".into()),
            Cell::Empty,
            Cell::Empty,
            n(r.establishment),
            n(r.headcount),
            n(r.vacancies),
            n(r.over),
        ]);
        out.push(posts);
        if !r.regions.is_empty() {
            let mut regions = Table::new(
                format!("{head} — regions"),
                &["region", "name", "includes", "headcount"],
            );
            for g in &r.regions {
                regions.row(vec![
                    Cell::Text(g.id.clone()),
                    Cell::Text(g.name.clone()),
                    Cell::Text(g.includes.join("、")),
                    n(g.headcount),
                ]);
            }
            out.push(regions);
        }
        let mut span = Table::new(
            format!(
                "{head} — span of control (depth {} of {})",
                r.depth,
                crate::diag::count(r.max_levels as usize, "level", "levels")
            ),
            &["person", "name", "post", "direct reports", "all reports"],
        );
        for m in &r.span_of_control {
            span.row(vec![
                Cell::Text(m.id.clone()),
                Cell::Text(m.name.clone()),
                Cell::Text(m.post.clone()),
                n(m.direct_reports),
                n(m.total_reports),
            ]);
        }
        out.push(span);
    }
    out
}

/// The attainment report as tables: targets, and the hierarchy.
pub fn attainment(report: &AttainmentReport) -> Vec<Table> {
    let mut targets = Table::new(
        "attainment",
        &[
            "unit",
            "period",
            "kpi",
            "scope",
            "target",
            "floor",
            "range",
            "actual",
            "attainment",
            "standing",
        ],
    );
    for t in &report.targets {
        let mut kpi = t.kpi_name.clone();
        if let Some(m) = &t.measure {
            kpi.push_str(&format!(" ({m})"));
        }
        let scope = match (&t.scope, &t.per_post) {
            (Some(s), Some(p)) => Some(format!("{s}, per {p}")),
            (Some(s), None) => Some(s.clone()),
            (None, Some(p)) => Some(format!("per {p}")),
            (None, None) => None,
        };
        let range = t.range.map(|(a, b)| {
            format!("{}–{}", crate::model::money::grouped(a), crate::model::money::grouped(b))
        });
        let standing = match t.standing {
            Standing::Met => "met",
            Standing::AboveFloor => "above floor",
            Standing::Missed => "missed",
            Standing::NoActual => "no actual",
        };
        targets.row(vec![
            Cell::Text(t.unit_name.clone()),
            Cell::Text(t.period.to_string()),
            Cell::Text(kpi),
            Cell::text(scope),
            Cell::number(t.target),
            Cell::number(t.floor),
            Cell::text(range),
            Cell::number(t.actual),
            Cell::percent(t.attainment_pct),
            Cell::Text(standing.into()),
        ]);
    }
    let mut hierarchy = Table::new(
        "attainment up the unit hierarchy",
        &["unit", "period", "kpi", "rule", "units", "actual", "target", "attainment"],
    );
    for h in &report.hierarchy {
        let rule = serde_json::to_value(h.aggregate)
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default();
        hierarchy.row(vec![
            Cell::Text(h.unit_name.clone()),
            Cell::Text(h.period.to_string()),
            Cell::Text(h.kpi.clone()),
            Cell::Text(rule),
            Cell::Number(h.units.into()),
            Cell::Number(h.actual),
            Cell::number(h.target),
            Cell::percent(h.attainment_pct),
        ]);
    }
    vec![targets, hierarchy]
}

/// The scores report as tables: ranking, and averages.
pub fn scores(report: &ScoresReport) -> Vec<Table> {
    let mut people = Table::new(
        "scores",
        &["unit", "period", "rank", "person", "name", "post", "region", "components", "score"],
    );
    for p in &report.people {
        let parts = p
            .components
            .iter()
            .map(|c| match c.points {
                Some(points) => {
                    format!("{} {}×{}%", c.name, points.normalize(), c.weight.normalize())
                }
                None => format!("{} ?×{}%", c.name, c.weight.normalize()),
            })
            .collect::<Vec<_>>()
            .join(", ");
        people.row(vec![
            Cell::Text(p.unit_name.clone()),
            Cell::Text(p.period.to_string()),
            Cell::Number(p.rank.into()),
            Cell::Text(p.person.clone()),
            Cell::Text(p.name.clone()),
            Cell::Text(p.post.clone()),
            Cell::text(p.region.clone()),
            Cell::Text(parts),
            Cell::Number(p.total),
        ]);
    }
    let mut out = vec![people];
    for (title, rows) in
        [("average score by post", &report.by_post), ("average score by region", &report.by_region)]
    {
        let mut t = Table::new(title, &["group", "people", "mean"]);
        for a in rows {
            t.row(vec![
                Cell::Text(a.key.clone()),
                Cell::Number(a.people.into()),
                Cell::Number(a.mean),
            ]);
        }
        out.push(t);
    }
    out
}

/// The trends report as tables: KPIs and categories, one row per period.
pub fn trends(report: &TrendsReport) -> Vec<Table> {
    let mut out = Vec::new();
    for (title, series, money) in
        [("KPI trends", &report.kpis, false), ("budget category trends", &report.categories, true)]
    {
        let mut t = Table::new(title, &["unit", "series", "period", "planned", "actual"]);
        for s in series.iter() {
            for p in &s.points {
                let cell = |v| if money { Cell::money(v) } else { Cell::number(v) };
                t.row(vec![
                    Cell::Text(s.unit_name.clone()),
                    Cell::Text(s.name.clone()),
                    Cell::Text(p.period.to_string()),
                    cell(p.planned),
                    cell(p.actual),
                ]);
            }
        }
        out.push(t);
    }
    out
}
