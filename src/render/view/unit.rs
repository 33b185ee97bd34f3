//! The unit page: its place among the units, its roster and staffing, its documents by
//! period and its latest attainment; for a unit with units below it, its budget, headcount and
//! attainment consolidated from theirs (`rollup::consolidate`).

use rust_decimal::Decimal;
use serde::Serialize;

use crate::i18n::{Msg, msg, t};

use crate::model::Kind;
use crate::model::config::Unit;
use crate::model::period::Period;
use crate::render::view::attainment::AttainmentTable;
use crate::render::view::common::roster_title;
use crate::render::view::site::{Link, Site};
use crate::rollup::consolidate::{self, Basis, Place, RowKind};

/// A unit's page.
#[derive(Debug, Serialize)]
pub struct UnitView {
    /// Its description.
    pub description: Option<String>,
    /// The unit above it.
    pub parent: Option<Link>,
    /// The units below it.
    pub children: Vec<Link>,
    /// Its roster page.
    pub roster: Option<Link>,
    /// Establishment, headcount and vacancies, formatted.
    pub staffing: Option<Staffing>,
    /// Its documents by period, newest first.
    pub periods: Vec<PeriodRow>,
    /// Attainment in the latest period with actuals.
    pub attainment: Option<AttainmentTable>,
    /// For a unit with units below it: its figures consolidated from theirs.
    pub consolidated: Option<Consolidated>,
}

/// Headline staffing figures.
#[derive(Debug, Serialize)]
pub struct Staffing {
    /// Authorised posts.
    pub establishment: String,
    /// People on staff.
    pub headcount: String,
    /// Unfilled posts.
    pub vacancies: String,
}

/// One period of a unit: its plan, budget and review.
#[derive(Debug, Serialize)]
pub struct PeriodRow {
    /// The period, formatted.
    pub period: String,
    /// The plan.
    pub plan: Option<Link>,
    /// The budget.
    pub budget: Option<Link>,
    /// The review.
    pub review: Option<Link>,
}

impl UnitView {
    /// The view of `unit`.
    pub fn new(site: &Site, unit: &Unit) -> UnitView {
        let id = unit.id.value.as_str();
        let ws = &site.index.ws;
        let children = ws
            .config
            .units
            .iter()
            .filter(|u| u.parent.as_ref().is_some_and(|p| p.value.as_str() == id))
            .map(|u| site.unit_link(u.id.value.as_str()))
            .collect();
        let roster = site.index.rosters.iter().find(|r| r.value.unit.value.as_str() == id);
        let broken_roster = || {
            let mut rosters = site.broken_of(Some(Kind::Roster));
            rosters.find(|b| b.unit.as_deref() == Some(id)).map(|b| site.broken_link(b))
        };
        let staffing =
            site.reports.headcount.rosters.iter().find(|r| r.unit == id).map(|h| Staffing {
                establishment: h.establishment.to_string(),
                headcount: h.headcount.to_string(),
                vacancies: h.vacancies.to_string(),
            });
        UnitView {
            description: crate::render::util::prose(&unit.description),
            parent: unit.parent.as_ref().map(|p| site.unit_link(p.value.as_str())),
            children,
            roster: roster
                .map(|r| Link {
                    broken: None,
                    label: roster_title(site, r.value),
                    url: site.doc_url(r.doc),
                })
                .or_else(broken_roster),
            staffing,
            periods: periods(site, id),
            attainment: AttainmentTable::latest(site, id),
            consolidated: Consolidated::new(site, id),
        }
    }
}

fn periods(site: &Site, unit: &str) -> Vec<PeriodRow> {
    let docs = site.by_unit.get(unit).into_iter().flatten().map(|(period, kind, doc, label)| {
        let link = Link { broken: None, label: label.clone(), url: site.doc_url(doc) };
        (*period, *kind, link)
    });
    let broken = site.broken_of(None).filter(|b| b.unit.as_deref() == Some(unit));
    let broken = broken.filter_map(|b| Some((b.period?, b.kind?, site.broken_link(b))));
    let mut rows: Vec<(Period, PeriodRow)> = Vec::new();
    for (period, kind, link) in docs.chain(broken) {
        let period = &period;
        let pos = match rows.iter().position(|(p, _)| p == period) {
            Some(pos) => pos,
            None => {
                let row = PeriodRow {
                    period: site.fmt.period(*period),
                    plan: None,
                    budget: None,
                    review: None,
                };
                rows.push((*period, row));
                rows.len() - 1
            }
        };
        let link = Some(link);
        let Some((_, row)) = rows.get_mut(pos) else { continue };
        match kind {
            Kind::Plan => row.plan = link,
            Kind::Budget => row.budget = link,
            Kind::Review => row.review = link,
            _ => {}
        }
    }
    rows.sort_by_key(|r| std::cmp::Reverse(r.0));
    rows.into_iter().map(|(_, r)| r).collect()
}

/// A unit's budget, headcount and attainment consolidated from the units below it, each in
/// the latest period with data (headcount on the latest `as_of` day of their rosters).
#[derive(Debug, Serialize)]
pub struct Consolidated {
    /// Budget (a table per currency), headcount and attainment, those with data.
    pub sections: Vec<Section>,
    /// What the rows are.
    pub note: String,
}

/// A section of consolidated tables.
#[derive(Debug, Serialize)]
pub struct Section {
    /// `budget`, `headcount` or `attainment`: the section's anchor.
    pub key: &'static str,
    /// The heading.
    pub heading: String,
    /// Its tables.
    pub tables: Vec<Table>,
}

/// A consolidated table: its caption, column heads, rows and total.
#[derive(Debug, Serialize)]
pub struct Table {
    /// The caption.
    pub caption: String,
    /// Whether rows come in groups (the KPIs of attainment), with a first column naming them.
    pub grouped: bool,
    /// The head of the group column.
    pub group_head: String,
    /// The head of the unit column.
    pub unit_head: String,
    /// The heads of the figure columns (after the unit's).
    pub heads: Vec<String>,
    /// The rows.
    pub rows: Vec<Row>,
}

/// A row of a consolidated table.
#[derive(Debug, Serialize)]
pub struct Row {
    /// The group (the KPI of an attainment row) on the first row of each group.
    pub group: Option<String>,
    /// The unit, linked to its page; for a subtotal, the unit with the units below it.
    pub unit: Link,
    /// Levels to indent the unit by (children are 0).
    pub indent: usize,
    /// Whether this is a subtotal or the total.
    pub sum: bool,
    /// The figure cells, formatted.
    pub cells: Vec<String>,
}

impl Consolidated {
    /// The consolidation of `unit`; none for a unit without units below it.
    pub fn new(site: &Site, unit: &str) -> Option<Consolidated> {
        let index = site.index;
        if !consolidate::has_children(index, unit) {
            return None;
        }
        let locale = site.fmt.locale;
        let mut sections = Vec::new();
        let mut section = |key, heading, tables: Vec<Table>| {
            if !tables.is_empty() {
                sections.push(Section { key, heading: t(locale, heading), tables });
            }
        };
        let budget = consolidate::latest_budget_period(index, unit)
            .map(|p| budget_tables(site, &consolidate::budget(index, unit, p)))
            .unwrap_or_default();
        section("budget", "consolidate-page-budget", budget);
        let as_of = consolidate::latest_roster_day(index, unit);
        let headcount = (!index.rosters_of(unit).is_empty()).then(|| {
            let day = as_of.unwrap_or_else(crate::model::period::Date::today);
            headcount_table(site, &consolidate::headcount(index, unit, day))
        });
        section("headcount", "consolidate-page-headcount", headcount.into_iter().collect());
        let attainment = consolidate::latest_attainment_period(index, unit)
            .map(|p| consolidate::attainment(index, unit, p))
            .filter(|a| !a.kpis.is_empty())
            .map(|a| attainment_table(site, &a));
        section("attainment", "consolidate-page-attainment", attainment.into_iter().collect());
        if sections.is_empty() {
            return None;
        }
        Some(Consolidated { sections, note: t(locale, "consolidate-page-note") })
    }
}

fn text(site: &Site, msg: Msg) -> String {
    msg.text(site.fmt.locale)
}

/// The row's unit: a link to its page, named as a subtotal on a subtotal row.
fn row_unit(site: &Site, place: &Place) -> Link {
    let mut link = site.unit_link(&place.unit);
    if place.kind == RowKind::Subtotal {
        link.label = text(site, msg!("consolidate-subtotal", unit = &place.unit_name));
    }
    link
}

fn row(site: &Site, place: &Place, cells: Vec<String>) -> Row {
    Row {
        group: None,
        unit: row_unit(site, place),
        indent: place.depth.saturating_sub(1),
        sum: place.kind == RowKind::Subtotal,
        cells,
    }
}

fn total_row(site: &Site, cells: Vec<String>) -> Row {
    let label = t(site.fmt.locale, "consolidate-page-total");
    Row {
        group: None,
        unit: Link { label, url: String::new(), broken: None },
        indent: 0,
        sum: true,
        cells,
    }
}

fn heads(site: &Site, ids: &[&'static str]) -> Vec<String> {
    ids.iter().map(|id| t(site.fmt.locale, id)).collect()
}

fn budget_tables(site: &Site, report: &consolidate::BudgetConsolidation) -> Vec<Table> {
    let period = site.fmt.period(report.period);
    let money = |v: Option<Decimal>| site.money(v);
    let mut out = Vec::new();
    for total in &report.totals {
        let currency = total.currency.as_str();
        let caption = text(
            site,
            msg!("consolidate-page-budget-caption", period = period.as_str(), currency = currency),
        );
        let mut rows = Vec::new();
        for r in &report.rows {
            let figures = r.figures.iter().find(|f| f.currency == currency);
            if figures.is_none() && r.figures.iter().any(|f| f.currency != currency) {
                continue;
            }
            let count = r.periods.len();
            let basis = r.basis.map(|b| match b {
                Basis::Exact => t(site.fmt.locale, "consolidate-basis-exact"),
                Basis::Months => text(site, msg!("consolidate-basis-months", count = count)),
                Basis::Quarters => text(site, msg!("consolidate-basis-quarters", count = count)),
                Basis::Missing => t(site.fmt.locale, "consolidate-basis-missing"),
                Basis::OutOfRange => t(site.fmt.locale, "consolidate-basis-out-of-range"),
            });
            let cells = vec![
                basis.unwrap_or_default(),
                money(figures.map(|f| f.total)),
                money(figures.and_then(|f| f.actual)),
            ];
            rows.push(row(site, &r.place, cells));
        }
        let cells = vec![String::new(), money(Some(total.total)), money(total.actual)];
        rows.push(total_row(site, cells));
        out.push(Table {
            caption,
            grouped: false,
            group_head: String::new(),
            unit_head: t(site.fmt.locale, "consolidate-page-unit"),
            heads: heads(
                site,
                &[
                    "consolidate-page-basis",
                    "consolidate-page-budget-col",
                    "consolidate-page-actual",
                ],
            ),
            rows,
        });
    }
    out
}

fn headcount_table(site: &Site, report: &consolidate::HeadcountConsolidation) -> Table {
    let n = |v: u64| site.fmt.number(Decimal::from(v));
    let cells = |s: Option<consolidate::Staffing>| match s {
        Some(s) => {
            vec![n(s.establishment), n(s.on_staff), n(s.outside), n(s.vacancies), n(s.over)]
        }
        None => {
            let mut cells = vec![String::new(); 5];
            if let Some(first) = cells.first_mut() {
                *first = t(site.fmt.locale, "consolidate-no-roster");
            }
            cells
        }
    };
    let mut rows: Vec<Row> =
        report.rows.iter().map(|r| row(site, &r.place, cells(r.staffing))).collect();
    rows.push(total_row(site, cells(Some(report.total))));
    let day = site.fmt.date(report.as_of);
    Table {
        caption: text(site, msg!("consolidate-page-headcount-caption", day = day)),
        grouped: false,
        group_head: String::new(),
        unit_head: t(site.fmt.locale, "consolidate-page-unit"),
        heads: heads(
            site,
            &[
                "consolidate-page-establishment",
                "consolidate-page-on-staff",
                "consolidate-page-outside",
                "consolidate-page-vacancies",
                "consolidate-page-over",
            ],
        ),
        rows,
    }
}

fn attainment_table(site: &Site, report: &consolidate::AttainmentConsolidation) -> Table {
    let locale = site.fmt.locale;
    let mut rows = Vec::new();
    for k in &report.kpis {
        let mut kpi = match &k.measure {
            Some(m) => text(site, msg!("rollup-kpi-measure", kpi = &k.kpi_name, measure = m)),
            None => k.kpi_name.clone(),
        };
        if let Some(post) = &k.per_post {
            let post = site
                .index
                .post_in_unit(post, &report.unit)
                .map_or(post.as_str(), |p| p.title.as_str());
            kpi = text(site, msg!("consolidate-kpi-per-post", kpi = kpi, post = post));
        }
        let rule = t(
            locale,
            match k.aggregate {
                crate::model::config::Aggregate::Sum => "rollup-aggregate-sum",
                crate::model::config::Aggregate::Mean => "rollup-aggregate-mean",
                crate::model::config::Aggregate::Min => "rollup-aggregate-min",
                crate::model::config::Aggregate::Max => "rollup-aggregate-max",
            },
        );
        let cells = |f: &consolidate::KpiFigures, combined: bool| {
            let names: Vec<String> = f.contributors.iter().map(|u| site.unit_name(u)).collect();
            vec![
                if combined { rule.clone() } else { String::new() },
                site.fmt.opt(f.target),
                site.fmt.opt(f.floor),
                site.fmt.opt(f.actual),
                f.attainment_pct.map(|p| site.fmt.percent(p)).unwrap_or_default(),
                if combined { names.join(&t(locale, "list-items")) } else { String::new() },
            ]
        };
        let start = rows.len();
        for r in &k.rows {
            rows.push(row(site, &r.place, cells(&r.figures, r.place.kind == RowKind::Subtotal)));
        }
        rows.push(total_row(site, cells(&k.total, true)));
        if let Some(first) = rows.get_mut(start) {
            first.group = Some(kpi);
        }
    }
    Table {
        caption: text(
            site,
            msg!("consolidate-page-attainment-caption", period = site.fmt.period(report.period)),
        ),
        grouped: true,
        group_head: t(locale, "consolidate-page-kpi"),
        unit_head: t(locale, "consolidate-page-unit"),
        heads: heads(
            site,
            &[
                "consolidate-page-rule",
                "consolidate-page-target",
                "consolidate-page-floor",
                "consolidate-page-actual",
                "consolidate-page-attainment-col",
                "consolidate-page-contributors",
            ],
        ),
        rows,
    }
}
