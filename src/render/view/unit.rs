//! The unit page: its place among the units, its roster and staffing, its documents by
//! period and its latest attainment; for a unit with units below it, its budget, headcount and
//! attainment consolidated from theirs (`rollup::consolidate`), each child's row linked to its
//! own budget, roster or review for the period; and first, what needs attention there.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::i18n::{Msg, msg, t};

use crate::model::Kind;
use crate::model::config::Unit;
use crate::model::period::Period;
use crate::render::view::attainment::AttainmentTable;
use crate::render::view::attention::{Attention, AttentionList, period_anchor};
use crate::render::view::common::roster_title;
use crate::render::view::site::{Link, Site};
use crate::rollup::consolidate::{self, Basis, Place, RowKind};

/// A unit's page.
#[derive(Debug, Serialize)]
pub struct UnitView {
    /// What needs attention in it and the units below it.
    pub attention: AttentionList,
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
    /// The row's anchor (`period-2026-12`).
    pub anchor: String,
    /// The period, formatted.
    pub period: String,
    /// The plan.
    pub plan: Option<Link>,
    /// The budget.
    pub budget: Option<Link>,
    /// The review.
    pub review: Option<Link>,
    /// The printable report of the period, when it has a plan or a budget that could be read.
    pub report: Option<Link>,
}

impl UnitView {
    /// The view of `unit`.
    pub fn new(site: &Site, unit: &Unit, attention: &Attention) -> UnitView {
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
            attention: attention.unit(site, id, FIRST_ITEMS),
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

/// How many items of each unit below it a unit page lists before linking to that unit's page.
const FIRST_ITEMS: usize = 6;

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
                    anchor: period_anchor(*period),
                    period: site.fmt.period(*period),
                    plan: None,
                    budget: None,
                    review: None,
                    report: None,
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
    for (period, row) in &mut rows {
        let readable = |l: &Option<Link>| l.as_ref().is_some_and(|l| l.broken.is_none());
        if readable(&row.plan) || readable(&row.budget) {
            let label = crate::render::view::report::title(site, unit, *period);
            let url = crate::render::sitemap::report_url(unit, *period);
            row.report = Some(Link { label, url, broken: None });
        }
    }
    rows.sort_by_key(|r| std::cmp::Reverse(r.0));
    rows.into_iter().map(|(_, r)| r).collect()
}

/// A unit's budget, headcount and attainment consolidated from the units below it, each in
/// the latest period with data (headcount on the latest `as_of` day of their rosters); the
/// budgets of the other periods below, each table folded.
#[derive(Debug, Serialize)]
pub struct Consolidated {
    /// The headline figures for the facts box.
    pub facts: Facts,
    /// Budget (a table per currency), headcount and attainment, those with data.
    pub sections: Vec<Section>,
    /// The consolidated budgets of the other periods, newest first.
    pub other_periods: Vec<OtherPeriod>,
    /// What the rows are.
    pub note: String,
}

/// A parent unit's headline figures, formatted.
#[derive(Debug, Default, Serialize)]
pub struct Facts {
    /// How many units are below it.
    pub units_below: String,
    /// Establishment, on staff and vacancies, summed over it and the units below it.
    pub staffing: Option<Staffing>,
    /// The latest period with a budget, formatted.
    pub budget_period: Option<String>,
    /// The consolidated budget of that period, `1,234 CNY` per currency.
    pub budget: Vec<String>,
    /// Its actual spend, per currency, where reported.
    pub actual: Vec<String>,
}

/// The consolidated budget of a period other than the latest.
#[derive(Debug, Serialize)]
pub struct OtherPeriod {
    /// The period, formatted.
    pub period: String,
    /// The anchor of its folded tables.
    pub anchor: String,
    /// Its totals, `1,234 CNY` per currency.
    pub total: String,
    /// Its actual spend, per currency, where reported.
    pub actual: String,
    /// Its tables (a table per currency).
    pub tables: Vec<Table>,
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

/// A consolidated table: its caption, column heads and groups of rows.
#[derive(Debug, Serialize)]
pub struct Table {
    /// The caption.
    pub caption: String,
    /// The head of the unit column.
    pub unit_head: String,
    /// The heads of the figure columns (after the unit's).
    pub heads: Vec<String>,
    /// The groups of rows: one for budget and headcount, one per KPI for attainment.
    pub groups: Vec<RowGroup>,
}

/// Rows under one heading (the KPI of attainment rows; none for the other tables).
#[derive(Debug, Serialize)]
pub struct RowGroup {
    /// The heading row's text.
    pub head: Option<String>,
    /// The rows.
    pub rows: Vec<Row>,
}

/// A row of a consolidated table.
#[derive(Debug, Serialize)]
pub struct Row {
    /// The unit, linked to its budget, roster or review for the period (its own row), or to
    /// its consolidated table (a subtotal).
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
        let below = index.unit_and_descendants(unit).len().saturating_sub(1);
        let mut facts = Facts { units_below: below.to_string(), ..Facts::default() };
        let mut sections = Vec::new();
        let mut section = |key, heading, tables: Vec<Table>| {
            if !tables.is_empty() {
                sections.push(Section { key, heading: t(locale, heading), tables });
            }
        };
        let periods = budget_periods(site, unit);
        let mut other_periods = Vec::new();
        let mut budget = Vec::new();
        for (i, p) in periods.iter().enumerate() {
            let report = consolidate::budget(index, unit, *p);
            let tables = budget_tables(site, &report);
            if i == 0 {
                facts.budget_period = Some(site.fmt.period(*p));
                facts.budget = totals(site, &report, |f| Some(f.total));
                facts.actual = totals(site, &report, |f| f.actual);
                budget = tables;
            } else if !tables.is_empty() {
                let join = |v: Vec<String>| v.join(&t(locale, "list-items"));
                other_periods.push(OtherPeriod {
                    period: site.fmt.period(*p),
                    anchor: format!("consolidated-budget-{p}"),
                    total: join(totals(site, &report, |f| Some(f.total))),
                    actual: join(totals(site, &report, |f| f.actual)),
                    tables,
                });
            }
        }
        section("budget", "consolidate-page-budget", budget);
        let as_of = consolidate::latest_roster_day(index, unit);
        let headcount = (!index.rosters_of(unit).is_empty()).then(|| {
            let day = as_of.unwrap_or_else(crate::model::period::Date::today);
            let report = consolidate::headcount(index, unit, day);
            let n = |v: u64| site.fmt.number(Decimal::from(v));
            facts.staffing = Some(Staffing {
                establishment: n(report.total.establishment),
                headcount: n(report.total.on_staff),
                vacancies: n(report.total.vacancies),
            });
            headcount_table(site, &report)
        });
        section("headcount", "consolidate-page-headcount", headcount.into_iter().collect());
        let attainment = consolidate::latest_attainment_periods(index, unit)
            .into_iter()
            .map(|p| consolidate::attainment(index, unit, p))
            .filter(|a| !a.kpis.is_empty())
            .map(|a| attainment_table(site, &a))
            .collect();
        section("attainment", "consolidate-page-attainment", attainment);
        if sections.is_empty() && facts.staffing.is_none() {
            return None;
        }
        let note = t(locale, "consolidate-page-note");
        Some(Consolidated { facts, sections, other_periods, note })
    }
}

/// The periods of the budgets of `unit` and the units below it, newest first.
fn budget_periods(site: &Site, unit: &str) -> Vec<Period> {
    let units = site.index.unit_and_descendants(unit);
    let budgets =
        site.index.budgets.iter().filter(|b| units.contains(&b.value.unit.value.as_str()));
    let mut periods: Vec<Period> = budgets.map(|b| b.value.period.value).collect();
    periods.sort_by(|a, b| b.cmp(a));
    periods.dedup();
    periods
}

/// A figure of each currency's total, `1,234 CNY`, where there is one.
fn totals(
    site: &Site,
    report: &consolidate::BudgetConsolidation,
    figure: impl Fn(&consolidate::Figures) -> Option<Decimal>,
) -> Vec<String> {
    let each = report.totals.iter();
    each.filter_map(|f| Some(format!("{} {}", site.fmt.number(figure(f)?), f.currency))).collect()
}

fn text(site: &Site, msg: Msg) -> String {
    msg.text(site.fmt.locale)
}

/// The row's unit: its own row linked to `own` (its document for the period), a subtotal named
/// as one and linked to that unit's consolidated `section`.
fn row_unit(site: &Site, place: &Place, own: Option<String>, section: &str) -> Link {
    let mut link = site.unit_link(&place.unit);
    if place.kind == RowKind::Subtotal {
        link.label = text(site, msg!("consolidate-subtotal", unit = &place.unit_name));
        if !link.url.is_empty() {
            link.url = format!("{}#consolidated-{section}", link.url);
        }
    } else if let Some(url) = own.filter(|u| !u.is_empty()) {
        link.url = url;
    }
    link
}

fn row(site: &Site, place: &Place, own: Option<String>, section: &str, cells: Vec<String>) -> Row {
    Row {
        unit: row_unit(site, place, own, section),
        indent: place.depth.saturating_sub(1),
        sum: place.kind == RowKind::Subtotal,
        cells,
    }
}

fn total_row(site: &Site, cells: Vec<String>) -> Row {
    let label = t(site.fmt.locale, "consolidate-page-total");
    Row { unit: Link { label, url: String::new(), broken: None }, indent: 0, sum: true, cells }
}

fn heads(site: &Site, ids: &[&'static str]) -> Vec<String> {
    ids.iter().map(|id| t(site.fmt.locale, id)).collect()
}

/// The page of `unit`'s own budget for a period made of `periods`: the budget of the one
/// period, else the unit page's row of documents of the first.
fn budget_url(site: &Site, unit: &str, periods: &[Period]) -> Option<String> {
    if let [period] = periods {
        let doc = site
            .index
            .budgets
            .iter()
            .find(|b| b.value.unit.value.as_str() == unit && b.value.period.value == *period);
        if let Some(doc) = doc {
            return Some(format!("{}#h-lines", site.doc_url(doc.doc)));
        }
    }
    let first = periods.first()?;
    let unit = site.unit_urls.get(unit)?;
    Some(format!("{unit}#{}", period_anchor(*first)))
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
            let own = budget_url(site, &r.place.unit, &r.periods);
            rows.push(row(site, &r.place, own, "budget", cells));
        }
        let cells = vec![String::new(), money(Some(total.total)), money(total.actual)];
        rows.push(total_row(site, cells));
        out.push(Table {
            caption,
            unit_head: t(site.fmt.locale, "consolidate-page-unit"),
            heads: heads(
                site,
                &[
                    "consolidate-page-basis",
                    "consolidate-page-budget-col",
                    "consolidate-page-actual",
                ],
            ),
            groups: vec![RowGroup { head: None, rows }],
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
    let roster = |unit: &str| {
        let r = site.index.rosters.iter().find(|r| r.value.unit.value.as_str() == unit)?;
        Some(format!("{}#h-posts", site.doc_url(r.doc)))
    };
    let mut rows: Vec<Row> = report
        .rows
        .iter()
        .map(|r| row(site, &r.place, roster(&r.place.unit), "headcount", cells(r.staffing)))
        .collect();
    rows.push(total_row(site, cells(Some(report.total))));
    let day = site.fmt.date(report.as_of);
    Table {
        caption: text(site, msg!("consolidate-page-headcount-caption", day = day)),
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
        groups: vec![RowGroup { head: None, rows }],
    }
}

/// The page that shows `unit`'s attainment in `period`: its review, else its plan.
fn attainment_url(site: &Site, unit: &str, period: Period) -> Option<String> {
    if let Some(review) = site.reviews.get(&(unit, period)) {
        return Some(format!("{}#h-attainment", site.doc_url(review.doc)));
    }
    let plan = site
        .index
        .plans
        .iter()
        .find(|(p, _)| p.value.unit.value.as_str() == unit && p.value.period.value == period)?;
    Some(format!("{}#h-targets", site.doc_url(plan.0.doc)))
}

/// Attainment as one group of rows per KPI: the units with a figure, their subtotals, and the
/// group's total when more than one unit contributes.
fn attainment_table(site: &Site, report: &consolidate::AttainmentConsolidation) -> Table {
    let locale = site.fmt.locale;
    let mut groups = Vec::new();
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
        let has_figures = |f: &consolidate::KpiFigures| {
            f.target.is_some() || f.floor.is_some() || f.actual.is_some()
        };
        let shown: Vec<_> = k.rows.iter().filter(|r| has_figures(&r.figures)).collect();
        let mut rows = Vec::new();
        for r in &shown {
            let sum = r.place.kind == RowKind::Subtotal;
            let own = attainment_url(site, &r.place.unit, report.period);
            rows.push(row(site, &r.place, own, "attainment", cells(&r.figures, sum)));
        }
        if shown.len() != 1 {
            rows.push(total_row(site, cells(&k.total, true)));
        }
        groups.push(RowGroup { head: Some(kpi), rows });
    }
    let mut table = Table {
        caption: text(
            site,
            msg!("consolidate-page-attainment-caption", period = site.fmt.period(report.period)),
        ),
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
        groups,
    };
    drop_empty_columns(&mut table);
    table
}

/// Leaves out the figure columns that are empty on every row (the rule and contributors of a
/// table with no total, a floor no KPI has).
fn drop_empty_columns(table: &mut Table) {
    let rows = || table.groups.iter().flat_map(|g| &g.rows);
    let empty: Vec<bool> = (0..table.heads.len())
        .map(|i| rows().all(|r| r.cells.get(i).is_none_or(String::is_empty)))
        .collect();
    let keep = |i: &mut usize| {
        let kept = !empty.get(*i).copied().unwrap_or(false);
        *i += 1;
        kept
    };
    let mut i = 0;
    table.heads.retain(|_| keep(&mut i));
    for row in table.groups.iter_mut().flat_map(|g| &mut g.rows) {
        let mut i = 0;
        row.cells.retain(|_| keep(&mut i));
    }
}
