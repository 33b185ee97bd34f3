//! Report structs → display tables, in the reader's language. The reports hold exact figures
//! and ids; this decides columns, and puts titles, heads and words in cells into words:
//! categories and post classes by their display names, KPIs by name, standings and
//! directions as the catalogue says them.

use crate::cli::table::{Cell, Table};
use crate::i18n::{Locale, Msg, msg, t};
use crate::index::Index;
use crate::model::config::{Aggregate, Better};
use crate::model::money::grouped;
use crate::rollup::attainment::{AttainmentRow, Standing};
use crate::rollup::year_to_date::YearToDate;
use crate::rollup::{
    AreasReport, AttainmentReport, BudgetReport, HeadcountReport, ScoresReport, TrendsReport,
};

/// What turning a report into tables needs besides the report: the repository (display
/// names of categories, classes, KPIs and posts) and the language.
pub struct Words<'a> {
    /// The repository's index.
    pub index: &'a Index<'a>,
    /// The language of the tables.
    pub locale: Locale,
}

impl Words<'_> {
    fn t(&self, id: &'static str) -> String {
        t(self.locale, id)
    }

    fn text(&self, msg: Msg) -> String {
        msg.text(self.locale)
    }

    fn heads(&self, ids: &[&'static str]) -> Vec<String> {
        ids.iter().map(|id| self.t(id)).collect()
    }

    fn category(&self, id: &str) -> String {
        // Lines without a category are grouped under `—`, which is no id.
        if id == "—" {
            id.to_string()
        } else {
            self.index.ws.config.category_name(id, self.locale)
        }
    }

    fn class(&self, id: &str) -> String {
        self.index.ws.config.class_name(id, self.locale)
    }

    /// A post's title in `unit`'s roster, or its id.
    fn post(&self, post: &str, unit: &str) -> String {
        self.index.post_in_unit(post, unit).map_or_else(|| post.to_string(), |p| p.title.clone())
    }

    /// A region's name in `unit`'s rosters (any roster's when `unit` is `None`), or its id.
    fn region(&self, region: &str, unit: Option<&str>) -> String {
        self.index
            .rosters
            .iter()
            .filter(|r| unit.is_none_or(|u| r.value.unit.value.0 == u))
            .find_map(|r| r.value.regions.iter().find(|g| g.id.value.as_str() == region))
            .map_or_else(|| region.to_string(), |g| g.name.clone())
    }

    /// A post's title in any roster, or its id.
    fn any_post(&self, post: &str) -> String {
        self.index
            .rosters
            .iter()
            .find_map(|r| r.value.posts.iter().find(|p| p.id.value.as_str() == post))
            .map_or_else(|| post.to_string(), |p| p.title.clone())
    }

    fn total(&self) -> Cell {
        Cell::Text(self.t("rollup-total"))
    }
}

/// The budget report as tables: lines, categories, sections and limits per budget.
pub fn budget(report: &BudgetReport, w: &Words) -> Vec<Table> {
    let mut out = Vec::new();
    for b in &report.budgets {
        let head = msg!(
            "rollup-budget-head",
            unit = &b.unit_name,
            period = b.period.to_string(),
            currency = &b.currency
        );
        let covers = format!("{} {}", b.unit_name, b.period);
        let sheet = |id: &'static str| (w.t(id), covers.clone());
        let title = |id: &'static str| w.text(Msg::new(id).arg("budget", head.clone()));
        // A section by its name, as the totals table lists it.
        let section = |id: &str| {
            b.sections
                .iter()
                .find(|s| s.id == id)
                .map_or_else(|| id.to_string(), |s| s.name.clone())
        };
        let mut lines = Table::new(
            title("rollup-budget-lines"),
            &w.heads(&[
                "rollup-col-line",
                "rollup-col-name",
                "rollup-col-category",
                "rollup-col-section",
                "rollup-col-amount",
                "rollup-col-breakdown",
                "rollup-col-previous",
                "rollup-col-actual",
                "rollup-col-variance",
                "rollup-col-variance-pct",
            ]),
        );
        lines.sheet = sheet("rollup-sheet-lines");
        for l in &b.lines {
            lines.row(vec![
                Cell::Text(l.id.clone()),
                Cell::Text(l.name.clone()),
                Cell::text(l.category.as_deref().map(|c| w.category(c))),
                Cell::text(l.section.as_deref().map(&section)),
                Cell::money(l.amount),
                Cell::money(l.breakdown),
                Cell::money(l.previous),
                Cell::money(l.actual),
                Cell::money(l.variance),
                Cell::percent(l.variance_pct),
            ]);
        }
        lines.row(vec![
            w.total(),
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
            title("rollup-budget-categories"),
            &w.heads(&[
                "rollup-col-category",
                "rollup-col-amount",
                "rollup-col-share",
                "rollup-col-previous",
                "rollup-col-actual",
            ]),
        );
        categories.sheet = sheet("rollup-sheet-categories");
        for c in &b.categories {
            categories.row(vec![
                Cell::Text(w.category(&c.key)),
                Cell::Money(c.amount),
                Cell::percent(c.share_pct),
                Cell::money(c.previous),
                Cell::money(c.actual),
            ]);
        }
        out.push(categories);
        let mut totals = Table::new(
            title("rollup-budget-totals"),
            &w.heads(&["rollup-col-figure", "rollup-col-computed", "rollup-col-declared"]),
        );
        totals.sheet = sheet("rollup-sheet-totals");
        for s in &b.sections {
            totals.row(vec![
                Cell::Text(w.text(msg!("rollup-name-id", name = &s.name, id = &s.id))),
                Cell::Money(s.amount),
                Cell::money(s.declared),
            ]);
        }
        totals.row(vec![w.total(), Cell::Money(b.total), Cell::money(b.declared_total)]);
        if let Some(ytd) = &b.year_to_date {
            let from =
                msg!("rollup-year-to-date", from = ytd.from.to_string(), budgets = ytd.budgets);
            totals.row(vec![Cell::Text(w.text(from)), Cell::Money(ytd.budget), Cell::Empty]);
            totals.row(vec![
                Cell::Text(w.t("rollup-year-to-date-actual")),
                Cell::Money(ytd.actual),
                Cell::Empty,
            ]);
        }
        out.push(totals);
        if !b.limits.is_empty() {
            let mut limits = Table::new(
                title("rollup-budget-limits"),
                &w.heads(&[
                    "rollup-col-limit",
                    "rollup-col-name",
                    "rollup-col-max",
                    "rollup-col-used",
                    "rollup-col-headroom",
                    "rollup-col-used-pct",
                ]),
            );
            limits.sheet = sheet("rollup-sheet-limits");
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
pub fn headcount(report: &HeadcountReport, w: &Words) -> Vec<Table> {
    let mut out = Vec::new();
    for r in &report.rosters {
        let head = match r.as_of {
            Some(day) => msg!("rollup-roster-head", unit = &r.unit_name, day = day.to_string()),
            None => Msg::verbatim(&r.unit_name),
        };
        let title = |id: &'static str| w.text(Msg::new(id).arg("roster", head.clone()));
        let sheet = |id: &'static str| (w.t(id), r.unit_name.clone());
        let n = |v: u64| Cell::Number(v.into());
        let mut posts = Table::new(
            title("rollup-headcount-posts"),
            &w.heads(&[
                "rollup-col-post",
                "rollup-col-title",
                "rollup-col-class",
                "rollup-col-establishment",
                "rollup-col-headcount",
                "rollup-col-vacancies",
                "rollup-col-over",
            ]),
        );
        posts.sheet = sheet("rollup-sheet-posts");
        for p in &r.posts {
            posts.row(vec![
                Cell::Text(p.id.clone()),
                Cell::Text(p.title.clone()),
                Cell::text(p.class.as_deref().map(|c| w.class(c))),
                n(p.establishment),
                n(p.headcount),
                n(p.vacancies),
                n(p.over),
            ]);
        }
        posts.row(vec![
            w.total(),
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
                title("rollup-headcount-regions"),
                &w.heads(&[
                    "rollup-col-region",
                    "rollup-col-name",
                    "rollup-col-includes",
                    "rollup-col-headcount",
                ]),
            );
            regions.sheet = sheet("rollup-sheet-regions");
            for g in &r.regions {
                regions.row(vec![
                    Cell::Text(g.id.clone()),
                    Cell::Text(g.name.clone()),
                    Cell::Text(g.includes.join(&w.t("list-items"))),
                    n(g.headcount),
                ]);
            }
            out.push(regions);
        }
        let span_title = msg!(
            "rollup-headcount-span",
            roster = head.clone(),
            depth = r.depth,
            max = r.max_levels
        );
        let mut span = Table::new(
            w.text(span_title),
            &w.heads(&[
                "rollup-col-person",
                "rollup-col-person-name",
                "rollup-col-post",
                "rollup-col-direct-reports",
                "rollup-col-all-reports",
            ]),
        );
        span.sheet = sheet("rollup-sheet-span");
        for m in &r.span_of_control {
            span.row(vec![
                Cell::Text(m.id.clone()),
                Cell::Text(m.name.clone()),
                Cell::Text(w.post(&m.post, &r.unit)),
                n(m.direct_reports),
                n(m.total_reports),
            ]);
        }
        out.push(span);
    }
    out
}

/// The head of the column of floors and ceilings: `floor` when every KPI of the table is
/// better higher, `ceiling` when every one is better lower, `threshold` when they mix (each
/// row's `better` column then says which it is).
fn threshold_head(rows: &[AttainmentRow]) -> &'static str {
    let lower = rows.iter().filter(|r| r.better == Better::Lower).count();
    match lower {
        0 => "rollup-col-floor",
        n if n == rows.len() => "rollup-col-ceiling",
        _ => "rollup-col-threshold",
    }
}

/// Where an actual stands, in words that fit the KPI's direction: a lower-is-better figure
/// between its target and its ceiling is "within ceiling", not "above floor".
pub fn standing(standing: Standing, better: Better) -> Msg {
    Msg::new(match (standing, better) {
        (Standing::Met, _) => "rollup-standing-met",
        (Standing::AboveFloor, Better::Higher) => "rollup-standing-above-floor",
        (Standing::AboveFloor, Better::Lower) => "rollup-standing-within-ceiling",
        (Standing::Missed, _) => "rollup-standing-missed",
        (Standing::NoActual, _) => "rollup-standing-no-actual",
    })
}

/// The attainment report as tables: targets, and the hierarchy.
pub fn attainment(report: &AttainmentReport, w: &Words) -> Vec<Table> {
    let mut targets = Table::new(
        w.t("rollup-attainment"),
        &w.heads(&[
            "rollup-col-unit",
            "rollup-col-period",
            "rollup-col-kpi",
            "rollup-col-scope",
            "rollup-col-better",
            "rollup-col-target",
            threshold_head(&report.targets),
            "rollup-col-range",
            "rollup-col-actual",
            "rollup-col-attainment",
            "rollup-col-standing",
        ]),
    )
    .sheet(w.t("rollup-sheet-attainment"), "");
    let ytd = report.targets.iter().any(|r| r.year_to_date.is_some());
    if ytd {
        let heads = ["rollup-col-ytd", "rollup-col-annual", "rollup-col-ytd-share"];
        targets.headers.extend(w.heads(&heads));
        targets.headers.push(w.t("rollup-col-elapsed"));
    }
    for row in &report.targets {
        let kpi = match &row.measure {
            Some(m) => w.text(msg!("rollup-kpi-measure", kpi = &row.kpi_name, measure = m)),
            None => row.kpi_name.clone(),
        };
        let post = row.per_post.as_deref().map(|p| w.post(p, &row.unit));
        let scope = match (&row.scope, post) {
            (Some(s), Some(p)) => Some(w.text(msg!("rollup-scope-per-post", scope = s, post = p))),
            (Some(s), None) => Some(s.clone()),
            (None, Some(p)) => Some(w.text(msg!("rollup-per-post", post = p))),
            (None, None) => None,
        };
        let range = row.range.map(|(a, b)| format!("{}–{}", grouped(a), grouped(b)));
        let better = match row.better {
            Better::Higher => "rollup-better-higher",
            Better::Lower => "rollup-better-lower",
        };
        let mut cells = vec![
            Cell::Text(row.unit_name.clone()),
            Cell::Text(row.period.to_string()),
            Cell::Text(kpi),
            Cell::text(scope),
            Cell::Text(w.t(better)),
            Cell::number(row.target),
            Cell::number(row.floor),
            Cell::text(range),
            Cell::number(row.actual),
            Cell::percent(row.attainment_pct),
            Cell::Text(w.text(standing(row.standing, row.better))),
        ];
        if ytd {
            cells.extend(year_to_date_cells(row.year_to_date.as_ref(), w));
        }
        targets.row(cells);
    }
    let mut hierarchy = Table::new(
        w.t("rollup-attainment-hierarchy"),
        &w.heads(&[
            "rollup-col-unit",
            "rollup-col-period",
            "rollup-col-kpi",
            "rollup-col-rule",
            "rollup-col-units",
            "rollup-col-actual",
            "rollup-col-target",
            "rollup-col-attainment",
        ]),
    )
    .sheet(w.t("rollup-sheet-hierarchy"), "");
    for h in &report.hierarchy {
        let rule = match h.aggregate {
            Aggregate::Sum => "rollup-aggregate-sum",
            Aggregate::Mean => "rollup-aggregate-mean",
            Aggregate::Min => "rollup-aggregate-min",
            Aggregate::Max => "rollup-aggregate-max",
        };
        let kpi =
            w.index.kpis.get(h.kpi.as_str()).map_or_else(|| h.kpi.clone(), |k| k.name.clone());
        hierarchy.row(vec![
            Cell::Text(h.unit_name.clone()),
            Cell::Text(h.period.to_string()),
            Cell::Text(kpi),
            Cell::Text(w.t(rule)),
            Cell::Number(h.units.into()),
            Cell::Number(h.actual),
            Cell::number(h.target),
            Cell::percent(h.attainment_pct),
        ]);
    }
    vec![targets, hierarchy]
}

/// The scores report as tables: ranking, and averages.
pub fn scores(report: &ScoresReport, w: &Words) -> Vec<Table> {
    let mut people = Table::new(
        w.t("rollup-scores"),
        &w.heads(&[
            "rollup-col-unit",
            "rollup-col-period",
            "rollup-col-rank",
            "rollup-col-person",
            "rollup-col-person-name",
            "rollup-col-post",
            "rollup-col-region",
            "rollup-col-components",
            "rollup-col-score",
        ]),
    )
    .sheet(w.t("rollup-sheet-scores"), "");
    for p in &report.people {
        let parts: Vec<String> = p
            .components
            .iter()
            .map(|c| {
                let points =
                    c.points.map_or_else(|| "?".to_string(), |p| p.normalize().to_string());
                format!("{} {points}×{}%", c.name, c.weight.normalize())
            })
            .collect();
        people.row(vec![
            Cell::Text(p.unit_name.clone()),
            Cell::Text(p.period.to_string()),
            Cell::Number(p.rank.into()),
            Cell::Text(p.person.clone()),
            Cell::Text(p.name.clone()),
            Cell::Text(w.post(&p.post, &p.unit)),
            Cell::text(p.region.as_deref().map(|g| w.region(g, Some(&p.unit)))),
            Cell::Text(parts.join(&w.t("list-items"))),
            Cell::Number(p.total),
        ]);
    }
    let mut out = vec![people];
    let by_post: (_, _, _, _, fn(&Words, &str) -> String) = (
        "rollup-scores-by-post",
        "rollup-sheet-by-post",
        "rollup-col-post",
        &report.by_post,
        |w, k| w.any_post(k),
    );
    let by_region: (_, _, _, _, fn(&Words, &str) -> String) = (
        "rollup-scores-by-region",
        "rollup-sheet-by-region",
        "rollup-col-region",
        &report.by_region,
        |w, k| w.region(k, None),
    );
    for (title, sheet, group, rows, name) in [by_post, by_region] {
        let mut t =
            Table::new(w.t(title), &w.heads(&[group, "rollup-col-people", "rollup-col-mean"]))
                .sheet(w.t(sheet), "");
        for a in rows {
            t.row(vec![
                Cell::Text(name(w, &a.key)),
                Cell::Number(a.people.into()),
                Cell::Number(a.mean),
            ]);
        }
        out.push(t);
    }
    out
}

/// The trends report as tables: KPIs and categories, one row per period.
pub fn trends(report: &TrendsReport, w: &Words) -> Vec<Table> {
    let mut out = Vec::new();
    for (title, sheet, series, money) in [
        ("rollup-trends-kpis", "rollup-sheet-kpi-trends", &report.kpis, false),
        ("rollup-trends-categories", "rollup-sheet-category-trends", &report.categories, true),
    ] {
        let mut t = Table::new(
            w.t(title),
            &w.heads(&[
                "rollup-col-unit",
                "rollup-col-series",
                "rollup-col-period",
                "rollup-col-planned",
                "rollup-col-actual",
            ]),
        )
        .sheet(w.t(sheet), "");
        for s in series.iter() {
            let name = if money { w.category(&s.key) } else { s.name.clone() };
            for p in &s.points {
                let cell = |v| if money { Cell::money(v) } else { Cell::number(v) };
                t.row(vec![
                    Cell::Text(s.unit_name.clone()),
                    Cell::Text(name.clone()),
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

/// A target's year to date: the figure so far, the annual target, its share, periods elapsed.
fn year_to_date_cells(ytd: Option<&YearToDate>, w: &Words) -> Vec<Cell> {
    let Some(y) = ytd else { return vec![Cell::Empty, Cell::Empty, Cell::Empty, Cell::Empty] };
    let elapsed = msg!("rollup-ytd-elapsed", elapsed = y.elapsed, total = y.periods);
    vec![
        Cell::number(y.actual),
        Cell::number(y.annual_target),
        Cell::percent(y.share_pct),
        Cell::Text(w.text(elapsed)),
    ]
}

/// The work-area rollup as a table: each plan's areas with their tasks' progress.
pub fn areas(report: &AreasReport, w: &Words) -> Vec<Table> {
    let mut table = Table::new(
        w.t("rollup-areas"),
        &w.heads(&[
            "rollup-col-unit",
            "rollup-col-period",
            "rollup-col-area",
            "rollup-col-tasks",
            "rollup-col-done",
            "rollup-col-in-progress",
            "rollup-col-blocked",
            "rollup-col-not-started",
            "rollup-col-dropped",
            "rollup-col-no-status",
            "rollup-col-done-pct",
            "rollup-col-measures",
        ]),
    )
    .sheet(w.t("rollup-sheet-areas"), "");
    for a in &report.areas {
        let name = match (&a.name, &a.area) {
            (Some(name), _) => name.clone(),
            (None, Some(id)) => id.clone(),
            (None, None) => w.t("rollup-area-none"),
        };
        let count = |n: usize| Cell::Number(n.into());
        table.row(vec![
            Cell::Text(a.unit_name.clone()),
            Cell::Text(a.period.to_string()),
            Cell::Text(name),
            count(a.tasks),
            count(a.done),
            count(a.in_progress),
            count(a.blocked),
            count(a.not_started),
            count(a.dropped),
            count(a.no_status),
            Cell::percent(a.done_pct),
            count(a.measure_ids.len()),
        ]);
    }
    vec![table]
}
