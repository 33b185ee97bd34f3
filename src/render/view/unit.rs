//! The unit page: its place among the units, its roster and staffing, its documents by
//! period and its latest attainment.

use serde::Serialize;

use crate::model::Kind;
use crate::model::config::Unit;
use crate::model::period::Period;
use crate::render::view::attainment::AttainmentTable;
use crate::render::view::common::roster_title;
use crate::render::view::site::{Link, Site};

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
            description: unit.description.clone(),
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
