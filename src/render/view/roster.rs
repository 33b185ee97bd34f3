//! The roster page: posts against establishment, regions, the org chart and the people.

use std::collections::{HashMap, HashSet};

use rust_decimal::Decimal;
use serde::Serialize;

use crate::index::Doc;
use crate::model::Roster;
use crate::model::config::PersonField;
use crate::model::roster::Person;
use crate::render::charts::{self, BarChart, BarInput};
use crate::render::view::common::{employment_key, published};
use crate::render::view::site::{Link, Site};

/// A roster's page: posts against establishment, regions, the org chart and the people.
#[derive(Debug, Serialize)]
pub struct RosterView {
    /// The unit.
    pub unit: Link,
    /// The day the roster describes.
    pub as_of: Option<String>,
    /// Posts with headcount against establishment.
    pub posts: Vec<PostRow>,
    /// The roster's totals.
    pub totals: RosterTotals,
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

/// A roster's totals, formatted (empty when the roster has no headcount report).
#[derive(Debug, Default, Serialize)]
pub struct RosterTotals {
    /// Authorised posts.
    pub establishment: String,
    /// People on staff.
    pub headcount: String,
    /// Unfilled posts.
    pub vacancies: String,
    /// People beyond the establishment.
    pub over: String,
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
        let rows: HashMap<&str, &crate::rollup::headcount::PostRow> = head
            .map(|h| h.posts.iter().rev().map(|x| (x.id.as_str(), x)).collect())
            .unwrap_or_default();
        let names = Names::new(r);
        let posts: Vec<PostRow> = r
            .posts
            .iter()
            .map(|p| {
                let row = rows.get(p.id.value.as_str()).copied();
                let n = |f: fn(&crate::rollup::headcount::PostRow) -> u64| {
                    row.map_or_else(String::new, |x| f(x).to_string())
                };
                PostRow {
                    title: p.title.clone(),
                    class: p.class.as_deref().map(|c| site.class_name(c)),
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
        let totals = head.map_or_else(RosterTotals::default, |h| RosterTotals {
            establishment: h.establishment.to_string(),
            headcount: h.headcount.to_string(),
            vacancies: h.vacancies.to_string(),
            over: h.over.to_string(),
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
            org: org_chart(site, r, &names),
            people: r.people.iter().map(|p| person_row(site, &names, p)).collect(),
            show_pay: site.publishes(PersonField::Pay),
            show_phone: site.publishes(PersonField::Phone),
            show_email: site.publishes(PersonField::Email),
        }
    }
}

/// Post titles and region names by id (the first of each id), looked up once per person
/// instead of searched.
struct Names<'a> {
    posts: HashMap<&'a str, &'a str>,
    regions: HashMap<&'a str, &'a str>,
}

impl<'a> Names<'a> {
    fn new(roster: &'a Roster) -> Names<'a> {
        let posts = roster.posts.iter().rev();
        let regions = roster.regions.iter().rev();
        Names {
            posts: posts.map(|p| (p.id.value.as_str(), p.title.as_str())).collect(),
            regions: regions.map(|g| (g.id.value.as_str(), g.name.as_str())).collect(),
        }
    }

    fn post(&self, id: &str) -> String {
        self.posts.get(id).unwrap_or(&id).to_string()
    }

    fn region(&self, id: &str) -> String {
        self.regions.get(id).unwrap_or(&id).to_string()
    }
}

fn person_row(site: &Site, names: &Names, p: &Person) -> PersonRow {
    PersonRow {
        person: site.person_link(p.id.value.as_str()),
        post: names.post(p.post.value.as_str()),
        region: p.region.as_ref().map(|g| names.region(g.value.as_str())),
        manager: p.reports_to.as_ref().map(|m| site.person_link(m.value.as_str())),
        since: p.since.as_ref().map(|d| site.fmt.date(d.value)),
        employment: employment_key(p),
        pay: published(site, PersonField::Pay, p.pay.as_ref().map(|m| site.fmt.number(m.value.0))),
        phone: published(site, PersonField::Phone, p.phone.clone()),
        email: published(site, PersonField::Email, p.email.clone()),
    }
}

/// The org chart: people whose manager is not on this roster at the top, reports nested
/// below. People caught in a reporting cycle are listed at the top level, once.
fn org_chart(site: &Site, roster: &Roster, names: &Names) -> Vec<OrgNode> {
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
        roots.iter().filter_map(|p| node(site, names, p, &reports, &mut seen, 0)).collect();
    for p in &roster.people {
        if let Some(n) = node(site, names, p, &reports, &mut seen, 0) {
            out.push(n);
        }
    }
    out
}

fn node<'a>(
    site: &Site,
    names: &Names,
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
                list.iter().filter_map(|c| node(site, names, c, reports, seen, depth + 1)).collect()
            })
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    Some(OrgNode {
        person: site.person_link(p.id.value.as_str()),
        post: names.post(p.post.value.as_str()),
        region: p.region.as_ref().map(|g| names.region(g.value.as_str())),
        children,
    })
}
