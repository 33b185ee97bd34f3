//! Views of units, rosters (with the org chart) and people.

use std::collections::{HashMap, HashSet};

use rust_decimal::Decimal;
use serde::Serialize;

use crate::index::Doc;
use crate::model::Roster;
use crate::model::config::{PersonField, Unit};
use crate::model::roster::Person;
use crate::render::charts::{self, BarChart, BarInput};
use crate::render::view::{Link, Site};

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
    pub attainment: Option<super::docs::AttainmentTable>,
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
                .map(|r| Link { label: roster_title(site, r.value), url: site.doc_url(r.doc) }),
            staffing,
            periods: periods(site, id),
            attainment: super::docs::AttainmentTable::latest(site, id),
        }
    }
}

fn periods(site: &Site, unit: &str) -> Vec<PeriodRow> {
    let Some(docs) = site.by_unit.get(unit) else { return Vec::new() };
    let mut rows: Vec<(crate::model::period::Period, PeriodRow)> = Vec::new();
    for (period, kind, doc, label) in docs {
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
        let link = Some(Link { label: label.clone(), url: site.doc_url(doc) });
        let row = &mut rows[pos].1;
        match kind {
            crate::model::Kind::Plan => row.plan = link,
            crate::model::Kind::Budget => row.budget = link,
            _ => row.review = link,
        }
    }
    rows.sort_by_key(|r| std::cmp::Reverse(r.0));
    rows.into_iter().map(|(_, r)| r).collect()
}

/// The heading of a roster page.
pub fn roster_title(site: &Site, roster: &Roster) -> String {
    roster.title.clone().unwrap_or_else(|| {
        format!("{} — {}", site.unit_name(roster.unit.value.as_str()), site.t("roster"))
    })
}

/// A roster's page: posts against establishment, regions, the org chart and the people.
#[derive(Debug, Serialize)]
pub struct RosterView {
    /// The unit.
    pub unit: Link,
    /// The day the roster describes.
    pub as_of: Option<String>,
    /// Posts with headcount against establishment.
    pub posts: Vec<PostRow>,
    /// Totals: establishment, headcount, vacancies, over.
    pub totals: [String; 4],
    /// Headcount against establishment by post.
    pub chart: Option<BarChart>,
    /// Regions and their headcount.
    pub regions: Vec<RegionRow>,
    /// The org chart: top-level people with their reports, nested.
    pub org: Vec<OrgNode>,
    /// Everyone on the roster.
    pub people: Vec<PersonRow>,
    /// Which private columns are shown.
    pub show_pay: bool,
    /// Whether the phone column is shown.
    pub show_phone: bool,
    /// Whether the e-mail column is shown.
    pub show_email: bool,
}

/// A post row.
#[derive(Debug, Serialize)]
pub struct PostRow {
    /// Title.
    pub title: String,
    /// Class.
    pub class: Option<String>,
    /// Establishment.
    pub establishment: String,
    /// Headcount.
    pub headcount: String,
    /// Vacancies.
    pub vacancies: String,
    /// Over establishment.
    pub over: String,
    /// Standard pay of the post (not personal).
    pub pay: String,
    /// Duties.
    pub duties: Option<String>,
}

/// A region row.
#[derive(Debug, Serialize)]
pub struct RegionRow {
    /// Name.
    pub name: String,
    /// Names of merged regions counted under it.
    pub includes: Vec<String>,
    /// Headcount.
    pub headcount: String,
}

/// A person in the org chart.
#[derive(Debug, Serialize)]
pub struct OrgNode {
    /// Name and page.
    pub person: Link,
    /// Post title.
    pub post: String,
    /// Region name.
    pub region: Option<String>,
    /// Their reports.
    pub children: Vec<OrgNode>,
}

/// A person row of the roster table.
#[derive(Debug, Serialize)]
pub struct PersonRow {
    /// Name and page.
    pub person: Link,
    /// Post title.
    pub post: String,
    /// Region name.
    pub region: Option<String>,
    /// Manager.
    pub manager: Option<Link>,
    /// Since.
    pub since: Option<String>,
    /// Employment type key (translated by the template).
    pub employment: &'static str,
    /// Pay, when published.
    pub pay: Option<String>,
    /// Phone, when published.
    pub phone: Option<String>,
    /// E-mail, when published.
    pub email: Option<String>,
}

/// How deep the org chart nests before listing the rest flat.
const ORG_DEPTH: usize = 12;

impl RosterView {
    /// The view of one roster.
    pub fn new(site: &Site, roster: Doc<Roster>) -> RosterView {
        let r = roster.value;
        let unit = r.unit.value.as_str();
        let head = site.reports.headcount.rosters.iter().find(|h| h.unit == unit);
        let posts: Vec<PostRow> = r
            .posts
            .iter()
            .map(|p| {
                let row = head.and_then(|h| h.posts.iter().find(|x| x.id == p.id.value.as_str()));
                let n = |f: fn(&crate::rollup::headcount::PostRow) -> u64| {
                    row.map_or_else(String::new, |x| f(x).to_string())
                };
                PostRow {
                    title: p.title.clone(),
                    class: p.class.clone(),
                    establishment: p.establishment.value.to_string(),
                    headcount: n(|x| x.headcount),
                    vacancies: n(|x| x.vacancies),
                    over: n(|x| x.over),
                    pay: site.money(p.pay.as_ref().map(|m| m.value.0)),
                    duties: p.duties.clone(),
                }
            })
            .collect();
        let chart = head.and_then(|h| {
            let rows = h
                .posts
                .iter()
                .map(|p| BarInput {
                    label: p.title.clone(),
                    value_text: format!("{} / {}", p.headcount, p.establishment),
                    value: Decimal::from(p.headcount),
                    second: None,
                    mark: Some(Decimal::from(p.establishment)),
                    tone: None,
                })
                .collect();
            charts::bars(site.t("headcount"), site.t("headcount"), None, rows)
        });
        let totals = head.map_or_else(Default::default, |h| {
            [h.establishment, h.headcount, h.vacancies, h.over].map(|v| v.to_string())
        });
        let regions = head.map_or_else(Vec::new, |h| {
            h.regions
                .iter()
                .map(|g| RegionRow {
                    name: g.name.clone(),
                    includes: g.includes.clone(),
                    headcount: g.headcount.to_string(),
                })
                .collect()
        });
        RosterView {
            unit: site.unit_link(unit),
            as_of: r.as_of.as_ref().map(|d| site.fmt.date(d.value)),
            posts,
            totals,
            chart,
            regions,
            org: org_chart(site, r),
            people: r.people.iter().map(|p| person_row(site, r, p)).collect(),
            show_pay: site.publishes(PersonField::Pay),
            show_phone: site.publishes(PersonField::Phone),
            show_email: site.publishes(PersonField::Email),
        }
    }
}

fn person_row(site: &Site, roster: &Roster, p: &Person) -> PersonRow {
    PersonRow {
        person: site.person_link(p.id.value.as_str()),
        post: post_title(roster, p.post.value.as_str()),
        region: p.region.as_ref().map(|g| region_name(roster, g.value.as_str())),
        manager: p.reports_to.as_ref().map(|m| site.person_link(m.value.as_str())),
        since: p.since.as_ref().map(|d| site.fmt.date(d.value)),
        employment: employment_key(p),
        pay: private(site, PersonField::Pay, p.pay.as_ref().map(|m| site.fmt.number(m.value.0))),
        phone: private(site, PersonField::Phone, p.phone.clone()),
        email: private(site, PersonField::Email, p.email.clone()),
    }
}

/// `value`, only when `planbook.yaml` publishes `field`.
fn private(site: &Site, field: PersonField, value: Option<String>) -> Option<String> {
    value.filter(|_| site.publishes(field))
}

fn employment_key(p: &Person) -> &'static str {
    use crate::model::roster::Employment::*;
    match p.employment {
        FullTime => "full-time",
        PartTime => "part-time",
        Contract => "contract",
        Secondment => "secondment",
        Temporary => "temporary",
    }
}

/// The title of post `id` on `roster`, else the id.
pub fn post_title(roster: &Roster, id: &str) -> String {
    roster
        .posts
        .iter()
        .find(|p| p.id.value.as_str() == id)
        .map_or_else(|| id.to_string(), |p| p.title.clone())
}

/// The name of region `id` on `roster`, else the id.
pub fn region_name(roster: &Roster, id: &str) -> String {
    roster
        .regions
        .iter()
        .find(|g| g.id.value.as_str() == id)
        .map_or_else(|| id.to_string(), |g| g.name.clone())
}

/// The org chart: people whose manager is not on this roster at the top, reports nested
/// below. People caught in a reporting cycle are listed at the top level, once.
fn org_chart(site: &Site, roster: &Roster) -> Vec<OrgNode> {
    let ids: HashSet<&str> = roster.people.iter().map(|p| p.id.value.as_str()).collect();
    let mut reports: HashMap<&str, Vec<&Person>> = HashMap::new();
    let mut roots = Vec::new();
    for p in &roster.people {
        match p.reports_to.as_ref().map(|m| m.value.as_str()).filter(|m| ids.contains(m)) {
            Some(m) if m != p.id.value.as_str() => reports.entry(m).or_default().push(p),
            _ => roots.push(p),
        }
    }
    let mut seen = HashSet::new();
    let mut out: Vec<OrgNode> =
        roots.iter().filter_map(|p| node(site, roster, p, &reports, &mut seen, 0)).collect();
    for p in &roster.people {
        if let Some(n) = node(site, roster, p, &reports, &mut seen, 0) {
            out.push(n);
        }
    }
    out
}

fn node<'a>(
    site: &Site,
    roster: &Roster,
    p: &'a Person,
    reports: &HashMap<&str, Vec<&'a Person>>,
    seen: &mut HashSet<&'a str>,
    depth: usize,
) -> Option<OrgNode> {
    if !seen.insert(p.id.value.as_str()) {
        return None;
    }
    let children = if depth < ORG_DEPTH {
        reports
            .get(p.id.value.as_str())
            .map(|list| {
                list.iter()
                    .filter_map(|c| node(site, roster, c, reports, seen, depth + 1))
                    .collect()
            })
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    Some(OrgNode {
        person: site.person_link(p.id.value.as_str()),
        post: post_title(roster, p.post.value.as_str()),
        region: p.region.as_ref().map(|g| region_name(roster, g.value.as_str())),
        children,
    })
}

/// A person's page.
#[derive(Debug, Serialize)]
pub struct PersonView {
    /// Unit.
    pub unit: Link,
    /// Roster page.
    pub roster: Link,
    /// Post title.
    pub post: String,
    /// Region name.
    pub region: Option<String>,
    /// Manager.
    pub manager: Option<Link>,
    /// Direct reports.
    pub reports: Vec<Link>,
    /// Since.
    pub since: Option<String>,
    /// Until.
    pub until: Option<String>,
    /// Employment type key.
    pub employment: &'static str,
    /// Note.
    pub note: Option<String>,
    /// Pay, when published.
    pub pay: Option<String>,
    /// Phone, when published.
    pub phone: Option<String>,
    /// E-mail, when published.
    pub email: Option<String>,
    /// Scores by period.
    pub scores: Vec<ScoreRow>,
    /// The scores as a chart.
    pub chart: Option<BarChart>,
    /// Tasks the person owns.
    pub tasks: Vec<TaskRow>,
}

/// A person's score in one period.
#[derive(Debug, Serialize)]
pub struct ScoreRow {
    /// The period, linking to the review.
    pub review: Link,
    /// Weighted total.
    pub total: String,
    /// Rank within the unit.
    pub rank: String,
}

/// A task someone owns.
#[derive(Debug, Serialize)]
pub struct TaskRow {
    /// The plan.
    pub plan: Link,
    /// The task name.
    pub name: String,
    /// Start.
    pub start: Option<String>,
    /// End.
    pub end: Option<String>,
    /// Status key from the review, if any.
    pub status: Option<&'static str>,
}

impl PersonView {
    /// The view of person `id`.
    pub fn new(site: &Site, id: &str) -> Option<PersonView> {
        let (p, roster) = site.index.people.get(id)?;
        let r = roster.value;
        let scores: Vec<ScoreRow> = site
            .scores_by_person
            .get(id)
            .map(|rows| {
                rows.iter()
                    .map(|s| ScoreRow {
                        review: site.review_link(s.unit.as_str(), s.period),
                        total: site.fmt.number(s.total),
                        rank: s.rank.to_string(),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let chart = site.scores_by_person.get(id).and_then(|rows| {
            let bars = rows
                .iter()
                .map(|s| BarInput {
                    label: site.fmt.period(s.period),
                    value_text: site.fmt.number(s.total),
                    value: s.total,
                    second: None,
                    mark: None,
                    tone: None,
                })
                .collect();
            charts::bars(site.t("scores_over_time"), site.t("score"), None, bars)
        });
        Some(PersonView {
            unit: site.unit_link(r.unit.value.as_str()),
            roster: Link { label: roster_title(site, r), url: site.doc_url(roster.doc) },
            post: post_title(r, p.post.value.as_str()),
            region: p.region.as_ref().map(|g| region_name(r, g.value.as_str())),
            manager: p.reports_to.as_ref().map(|m| site.person_link(m.value.as_str())),
            reports: site
                .reports_of
                .get(id)
                .map(|list| list.iter().map(|c| site.person_link(c)).collect())
                .unwrap_or_default(),
            since: p.since.as_ref().map(|d| site.fmt.date(d.value)),
            until: p.until.as_ref().map(|d| site.fmt.date(d.value)),
            employment: employment_key(p),
            note: p.note.clone(),
            pay: private(
                site,
                PersonField::Pay,
                p.pay.as_ref().map(|m| site.fmt.number(m.value.0)),
            ),
            phone: private(site, PersonField::Phone, p.phone.clone()),
            email: private(site, PersonField::Email, p.email.clone()),
            scores,
            chart,
            tasks: site.tasks_of(id),
        })
    }
}
