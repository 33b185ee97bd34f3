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
use crate::rollup::consolidate::Amount;
use crate::rollup::consolidate::{
    AttainmentConsolidation, Basis, BudgetConsolidation, Figures, HeadcountConsolidation, Place,
    RowKind, Staffing,
};
use crate::rollup::headcount::{HeadcountTrend, RosterHeadcount};
use crate::rollup::scores::{PersonScore, Ranking};
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
            .find_map(|r| r.value.places().find(|(p, _)| p.as_str() == region))
            .map_or_else(|| region.to_string(), |(_, name)| name.to_owned())
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

/// The headcount report as tables: a summary, posts, regions, region groups, acting and
/// outside people, and span of control per roster.
pub fn headcount(report: &HeadcountReport, w: &Words) -> Vec<Table> {
    let mut out = Vec::new();
    for r in &report.rosters {
        let head = msg!("rollup-roster-head", unit = &r.unit_name, day = r.as_of.to_string());
        let title = |id: &'static str| w.text(Msg::new(id).arg("roster", head.clone()));
        let sheet = |id: &'static str| (w.t(id), r.unit_name.clone());
        let n = |v: u64| Cell::Number(v.into());
        out.push(headcount_summary(r, w, &head));
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
                "rollup-headcount-col-acting",
                "rollup-headcount-col-note",
            ]),
        );
        posts.sheet = sheet("rollup-sheet-posts");
        let outside_post = w.t("rollup-headcount-outside-post");
        for p in &r.posts {
            posts.row(vec![
                Cell::Text(p.id.clone()),
                Cell::Text(p.title.clone()),
                Cell::text(p.class.as_deref().map(|c| w.class(c))),
                n(p.establishment),
                n(p.headcount),
                n(p.vacancies),
                n(p.over),
                n(p.acting),
                Cell::text((!p.in_establishment).then(|| outside_post.clone())),
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
            n(r.acting.len() as u64),
            Cell::Empty,
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
        out.extend(headcount_groups(r, w, &head));
        out.extend(headcount_acting(r, w, &head));
        out.extend(headcount_outside(r, w, &head));
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

/// A roster's headline figures; its title is the sentence a manager reads first.
fn headcount_summary(r: &RosterHeadcount, w: &Words, head: &Msg) -> Table {
    let said = msg!(
        "rollup-headcount-summary",
        roster = head.clone(),
        establishment = r.establishment,
        headcount = r.headcount,
        outside = r.outside_establishment
    );
    let mut t =
        Table::new(w.text(said), &w.heads(&["rollup-col-figure", "rollup-headcount-col-value"]))
            .sheet(w.t("rollup-headcount-sheet-headcount-summary"), r.unit_name.clone());
    let outside_posts: u64 =
        r.posts.iter().filter(|p| !p.in_establishment).map(|p| p.establishment).sum();
    let outside = r.posts.iter().any(|p| !p.in_establishment);
    // Rows about what a roster may not have (posts outside the establishment, acting or
    // outside people) are left out when it has none.
    for (id, value, shown) in [
        ("rollup-headcount-row-establishment", r.establishment, true),
        ("rollup-headcount-row-establishment-outside", outside_posts, outside),
        ("rollup-headcount-row-headcount", r.headcount, true),
        ("rollup-headcount-row-outside-establishment", r.outside_establishment, outside),
        ("rollup-headcount-row-vacancies", r.vacancies, true),
        ("rollup-headcount-row-over", r.over, true),
        ("rollup-headcount-row-acting", r.acting.len() as u64, !r.acting.is_empty()),
        ("rollup-headcount-row-outside", r.outside_count, !r.outside.is_empty()),
    ] {
        if shown {
            t.row(vec![Cell::Text(w.t(id)), Cell::Number(value.into())]);
        }
    }
    t
}

/// Headcount by region group (大区), when the roster has groups.
fn headcount_groups(r: &RosterHeadcount, w: &Words, head: &Msg) -> Option<Table> {
    if r.groups.is_empty() {
        return None;
    }
    let title = w.text(Msg::new("rollup-headcount-groups").arg("roster", head.clone()));
    let mut t = Table::new(
        title,
        &w.heads(&[
            "rollup-headcount-col-group",
            "rollup-col-name",
            "rollup-headcount-col-regions",
            "rollup-headcount-col-manager",
            "rollup-col-headcount",
        ]),
    )
    .sheet(w.t("rollup-headcount-sheet-groups"), r.unit_name.clone());
    for g in &r.groups {
        let manager = g.manager_name.clone().or_else(|| g.manager.clone());
        t.row(vec![
            Cell::Text(g.id.clone()),
            Cell::Text(g.name.clone()),
            Cell::Text(g.regions.join(&w.t("list-items"))),
            Cell::text(manager),
            Cell::Number(g.headcount.into()),
        ]);
    }
    Some(t)
}

/// People acting in another post on the day, when there are any.
fn headcount_acting(r: &RosterHeadcount, w: &Words, head: &Msg) -> Option<Table> {
    if r.acting.is_empty() {
        return None;
    }
    let title = w.text(Msg::new("rollup-headcount-acting").arg("roster", head.clone()));
    let mut t = Table::new(
        title,
        &w.heads(&[
            "rollup-col-person",
            "rollup-col-person-name",
            "rollup-headcount-col-own-post",
            "rollup-headcount-col-acting-post",
            "rollup-col-region",
            "rollup-headcount-col-from",
            "rollup-headcount-col-until",
        ]),
    )
    .sheet(w.t("rollup-headcount-sheet-acting"), r.unit_name.clone());
    for a in &r.acting {
        t.row(vec![
            Cell::Text(a.person.clone()),
            Cell::Text(a.name.clone()),
            Cell::Text(w.post(&a.own_post, &r.unit)),
            Cell::Text(w.post(&a.post, &r.unit)),
            Cell::text(a.region.as_deref().map(|g| w.region(g, Some(&r.unit)))),
            Cell::Text(a.from.to_string()),
            Cell::text(a.until.map(|d| d.to_string())),
        ]);
    }
    Some(t)
}

/// People working for the unit without being on its roster, when there are any.
fn headcount_outside(r: &RosterHeadcount, w: &Words, head: &Msg) -> Option<Table> {
    if r.outside.is_empty() {
        return None;
    }
    let title = w.text(Msg::new("rollup-headcount-outside").arg("roster", head.clone()));
    let mut t = Table::new(
        title,
        &w.heads(&[
            "rollup-headcount-col-role",
            "rollup-col-person-name",
            "rollup-headcount-col-count",
            "rollup-col-region",
            "rollup-headcount-col-paid-by",
            "rollup-headcount-col-note",
        ]),
    )
    .sheet(w.t("rollup-headcount-sheet-outside"), r.unit_name.clone());
    for o in &r.outside {
        t.row(vec![
            Cell::Text(o.role.clone()),
            Cell::text(o.name.clone()),
            o.count.map_or(Cell::Empty, |c| Cell::Number(c.into())),
            Cell::text(o.region.as_deref().map(|g| w.region(g, Some(&r.unit)))),
            Cell::text(o.paid_by.clone()),
            Cell::text(o.note.clone()),
        ]);
    }
    t.row(vec![
        w.total(),
        Cell::Empty,
        Cell::Number(r.outside_count.into()),
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
    ]);
    Some(t)
}

/// Headcount month by month: one table per roster.
pub fn headcount_trend(report: &HeadcountTrend, w: &Words) -> Vec<Table> {
    let n = |v: u64| Cell::Number(v.into());
    report
        .rosters
        .iter()
        .map(|r| {
            let mut t = Table::new(
                w.text(msg!("rollup-headcount-trend", unit = &r.unit_name)),
                &w.heads(&[
                    "rollup-headcount-col-month",
                    "rollup-col-establishment",
                    "rollup-col-headcount",
                    "rollup-headcount-col-outside-establishment",
                    "rollup-headcount-col-joiners",
                    "rollup-headcount-col-leavers",
                ]),
            )
            .sheet(w.t("rollup-headcount-sheet-by-month"), r.unit_name.clone());
            for m in &r.months {
                t.row(vec![
                    Cell::Text(m.period.to_string()),
                    n(m.establishment),
                    n(m.headcount),
                    n(m.outside_establishment),
                    n(m.joiners),
                    n(m.leavers),
                ]);
            }
            t
        })
        .collect()
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
        let scope = match (scope, &row.region) {
            (scope, None) => scope,
            (None, Some(r)) => Some(w.region(r, Some(&row.unit))),
            (Some(s), Some(r)) => Some(format!("{} {s}", w.region(r, Some(&row.unit)))),
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

/// The scores report as tables: one per post when ranked per post (one for everyone when
/// ranked overall), with a column per group subtotal and the bonus; then the averages.
pub fn scores(report: &ScoresReport, w: &Words) -> Vec<Table> {
    let mut parts: Vec<(Option<&str>, Vec<&PersonScore>)> = Vec::new();
    for p in &report.people {
        let key = (report.ranking == Ranking::Post).then_some(p.post.as_str());
        match parts.iter_mut().find(|(k, _)| *k == key) {
            Some((_, rows)) => rows.push(p),
            None => parts.push((key, vec![p])),
        }
    }
    if parts.is_empty() {
        parts.push((None, Vec::new()));
    }
    let mut out: Vec<Table> =
        parts.iter().map(|(post, rows)| scores_table(*post, rows, w)).collect();
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

/// The table of `rows`: those of one post when `post` is given, else everyone's.
fn scores_table(post: Option<&str>, rows: &[&PersonScore], w: &Words) -> Table {
    // A column per group, in the order first met: the same ids across posts share one.
    let mut groups: Vec<(&str, &str)> = Vec::new();
    for g in rows.iter().flat_map(|p| &p.groups) {
        if !groups.iter().any(|(id, _)| *id == g.id) {
            groups.push((&g.id, &g.name));
        }
    }
    let mut heads = w.heads(&[
        "rollup-col-unit",
        "rollup-col-period",
        "rollup-col-rank",
        "rollup-col-person",
        "rollup-col-person-name",
        "rollup-col-post",
        "rollup-col-region",
    ]);
    heads.extend(groups.iter().map(|(_, name)| name.to_string()));
    heads.extend(w.heads(&["scores-col-bonus", "rollup-col-score", "rollup-col-components"]));
    let shown = post.map(|p| rows.first().map_or_else(|| p.to_string(), |r| w.post(p, &r.unit)));
    let title = match &shown {
        Some(post) => w.text(msg!("scores-title-post", post = post.as_str())),
        None => w.t("rollup-scores"),
    };
    let mut table =
        Table::new(title, &heads).sheet(w.t("rollup-sheet-scores"), shown.unwrap_or_default());
    for p in rows {
        let parts: Vec<String> = p
            .components
            .iter()
            .map(|c| {
                let points =
                    c.points.map_or_else(|| "?".to_string(), |p| p.normalize().to_string());
                format!("{} {points}×{}%", c.name, c.weight.normalize())
            })
            .collect();
        let mut cells = vec![
            Cell::Text(p.unit_name.clone()),
            Cell::Text(p.period.to_string()),
            Cell::Number(p.rank.into()),
            Cell::Text(p.person.clone()),
            Cell::Text(p.name.clone()),
            Cell::Text(w.post(&p.post, &p.unit)),
            Cell::text(p.region.as_deref().map(|g| w.region(g, Some(&p.unit)))),
        ];
        cells.extend(groups.iter().map(|(id, _)| {
            Cell::number(p.groups.iter().find(|g| g.id == *id).map(|g| g.subtotal))
        }));
        cells.push(Cell::number(p.bonus));
        cells.push(Cell::Number(p.total));
        cells.push(Cell::Text(parts.join(&w.t("list-items"))));
        table.row(cells);
    }
    table
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

/// A consolidation row's unit: its name, or its subtotal's words.
fn consolidated_unit(place: &Place, w: &Words) -> Cell {
    Cell::Text(match place.kind {
        RowKind::Own => place.unit_name.clone(),
        RowKind::Subtotal => w.text(msg!("consolidate-subtotal", unit = &place.unit_name)),
    })
}

fn level(place: &Place) -> Cell {
    Cell::Number(place.depth.into())
}

/// A parent unit's consolidated budget as tables, one set per currency (amounts in different
/// currencies are never added): totals per unit, by category and by section.
pub fn consolidated_budget(report: &BudgetConsolidation, w: &Words) -> Vec<Table> {
    let period = report.period.to_string();
    let covers = format!("{} {period}", report.unit_name);
    let mut currencies: Vec<&str> = report.totals.iter().map(|f| f.currency.as_str()).collect();
    if currencies.is_empty() {
        currencies.push(&w.index.ws.config.currency.0);
    }
    let mut out = Vec::new();
    for currency in currencies {
        let title = |id: &'static str| {
            let head = Msg::new(id).arg("unit", report.unit_name.as_str());
            w.text(head.arg("period", period.as_str()).arg("currency", currency))
        };
        fn in_currency<'f>(figures: &'f [Figures], currency: &str) -> Option<&'f Figures> {
            figures.iter().find(|f| f.currency == currency)
        }
        let mut totals = Table::new(
            title("consolidate-budget"),
            &w.heads(&[
                "consolidate-col-level",
                "consolidate-col-unit",
                "consolidate-col-basis",
                "rollup-col-period",
                "consolidate-col-budget",
                "rollup-col-actual",
            ]),
        )
        .sheet(w.t("consolidate-sheet-budget"), covers.clone());
        for row in &report.rows {
            let figures = in_currency(&row.figures, currency);
            // A unit whose budget is in other currencies only has no row in this one.
            if figures.is_none() && row.figures.iter().any(|f| f.currency != currency) {
                continue;
            }
            let count = row.periods.len();
            let basis = row.basis.map(|b| match b {
                Basis::Exact => w.t("consolidate-basis-exact"),
                Basis::Months => w.text(msg!("consolidate-basis-months", count = count)),
                Basis::Quarters => w.text(msg!("consolidate-basis-quarters", count = count)),
                Basis::Missing => w.t("consolidate-basis-missing"),
                Basis::OutOfRange => w.t("consolidate-basis-out-of-range"),
            });
            let periods: Vec<String> = row.periods.iter().map(ToString::to_string).collect();
            totals.row(vec![
                level(&row.place),
                consolidated_unit(&row.place, w),
                Cell::text(basis),
                Cell::Text(periods.join(&w.t("list-items"))),
                Cell::money(figures.map(|f| f.total)),
                Cell::money(figures.and_then(|f| f.actual)),
            ]);
        }
        let total = in_currency(&report.totals, currency);
        totals.row(vec![
            Cell::Empty,
            Cell::Text(w.t("consolidate-total")),
            Cell::Empty,
            Cell::Empty,
            Cell::money(total.map(|f| f.total)),
            Cell::money(total.and_then(|f| f.actual)),
        ]);
        out.push(totals);
        let parts = [
            ("consolidate-budget-categories", "consolidate-sheet-categories", true),
            ("consolidate-budget-sections", "consolidate-sheet-sections", false),
        ];
        for (head, sheet, categories) in parts {
            let amounts = |f: &Figures| -> Vec<Amount> {
                if categories { f.categories.clone() } else { f.sections.clone() }
            };
            let key_head = if categories { "rollup-col-category" } else { "rollup-col-section" };
            let mut t = Table::new(
                title(head),
                &w.heads(&[
                    "consolidate-col-level",
                    "consolidate-col-unit",
                    key_head,
                    "consolidate-col-budget",
                ]),
            )
            .sheet(w.t(sheet), covers.clone());
            let key = |k: &str| if categories { w.category(k) } else { k.to_string() };
            let rows = report
                .rows
                .iter()
                .map(|r| (level(&r.place), consolidated_unit(&r.place, w), &r.figures));
            let total = (Cell::Empty, Cell::Text(w.t("consolidate-total")), &report.totals);
            for (level, unit, figures) in rows.chain([total]) {
                for a in in_currency(figures, currency).map(amounts).unwrap_or_default() {
                    t.row(vec![
                        level.clone(),
                        unit.clone(),
                        Cell::Text(key(&a.key)),
                        Cell::Money(a.amount),
                    ]);
                }
            }
            out.push(t);
        }
    }
    out
}

/// A parent unit's consolidated headcount as a table.
pub fn consolidated_headcount(report: &HeadcountConsolidation, w: &Words) -> Vec<Table> {
    let head =
        msg!("consolidate-headcount", unit = &report.unit_name, day = report.as_of.to_string());
    let mut t = Table::new(
        w.text(head),
        &w.heads(&[
            "consolidate-col-level",
            "consolidate-col-unit",
            "rollup-col-establishment",
            "consolidate-col-on-staff",
            "consolidate-col-outside",
            "rollup-col-vacancies",
            "rollup-col-over",
        ]),
    )
    .sheet(w.t("consolidate-sheet-headcount"), report.unit_name.clone());
    let n = |v: u64| Cell::Number(v.into());
    let figures = |s: Option<Staffing>, cells: &mut Vec<Cell>| match s {
        Some(s) => cells.extend([
            n(s.establishment),
            n(s.on_staff),
            n(s.outside),
            n(s.vacancies),
            n(s.over),
        ]),
        None => {
            cells.push(Cell::Text(w.t("consolidate-no-roster")));
            cells.extend([Cell::Empty, Cell::Empty, Cell::Empty, Cell::Empty]);
        }
    };
    for row in &report.rows {
        let mut cells = vec![level(&row.place), consolidated_unit(&row.place, w)];
        figures(row.staffing, &mut cells);
        t.row(cells);
    }
    let mut cells = vec![Cell::Empty, Cell::Text(w.t("consolidate-total"))];
    figures(Some(report.total), &mut cells);
    t.row(cells);
    vec![t]
}

/// A parent unit's consolidated attainment as a table: per KPI, a row per unit, subtotals
/// and the group's figure, combined by the KPI's rule.
pub fn consolidated_attainment(report: &AttainmentConsolidation, w: &Words) -> Vec<Table> {
    let head = msg!(
        "consolidate-attainment",
        unit = &report.unit_name,
        period = report.period.to_string()
    );
    let mut t = Table::new(
        w.text(head),
        &w.heads(&[
            "rollup-col-kpi",
            "consolidate-col-level",
            "consolidate-col-unit",
            "rollup-col-rule",
            "rollup-col-target",
            "rollup-col-threshold",
            "rollup-col-actual",
            "rollup-col-attainment",
            "consolidate-col-contributors",
        ]),
    )
    .sheet(w.t("consolidate-sheet-attainment"), report.unit_name.clone());
    for k in &report.kpis {
        let mut kpi = match &k.measure {
            Some(m) => w.text(msg!("rollup-kpi-measure", kpi = &k.kpi_name, measure = m)),
            None => k.kpi_name.clone(),
        };
        if let Some(post) = &k.per_post {
            let post = w.any_post(post);
            kpi = w.text(msg!("consolidate-kpi-per-post", kpi = kpi, post = post));
        }
        let rule = w.t(match k.aggregate {
            Aggregate::Sum => "rollup-aggregate-sum",
            Aggregate::Mean => "rollup-aggregate-mean",
            Aggregate::Min => "rollup-aggregate-min",
            Aggregate::Max => "rollup-aggregate-max",
        });
        let names = |units: &[String]| {
            let names: Vec<String> =
                units.iter().map(|u| crate::rollup::unit_name(w.index, u)).collect();
            names.join(&w.t("list-items"))
        };
        let rows = k.rows.iter().map(|r| {
            let shown = r.place.kind == RowKind::Subtotal;
            (level(&r.place), consolidated_unit(&r.place, w), &r.figures, shown)
        });
        let total = (Cell::Empty, Cell::Text(w.t("consolidate-total")), &k.total, true);
        for (level, unit, f, combined) in rows.chain([total]) {
            t.row(vec![
                Cell::Text(kpi.clone()),
                level,
                unit,
                if combined { Cell::Text(rule.clone()) } else { Cell::Empty },
                Cell::number(f.target),
                Cell::number(f.floor),
                Cell::number(f.actual),
                Cell::percent(f.attainment_pct),
                if combined { Cell::Text(names(&f.contributors)) } else { Cell::Empty },
            ]);
        }
    }
    vec![t]
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
