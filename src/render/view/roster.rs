//! The roster page: the unit as of the roster's `as_of` (else the build day) — posts against
//! establishment (posts outside it on their own line), regions and region groups, the org
//! chart, the people with their post and region of that day, acting assignments, the people
//! working for the unit from outside its roster, headcount by month, and former staff.

use std::collections::HashMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::i18n::msg;
use crate::index::Doc;
use crate::model::Roster;
use crate::model::config::PersonField;
use crate::model::period::Date;
use crate::model::roster::Person;
use crate::render::charts::{self, BarChart, BarInput};
use crate::render::view::common::published;
use crate::render::view::org::{ChartItem, OrgTree, base_of};
use crate::render::view::site::{Link, Site, page_name};
use crate::rollup::headcount::{self, RosterHeadcount};

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
    /// Region groups (大区) with their regions, manager and headcount.
    pub groups: Vec<GroupRow>,
    /// People acting in a post on top of their own.
    pub acting: Vec<ActingRow>,
    /// People working for the unit from outside its roster (never counted).
    pub outside: Vec<OutsiderRow>,
    /// How many people `outside` lists.
    pub outside_count: String,
    /// Headcount at the end of each of the last 12 months that have data.
    pub months: Vec<MonthRow>,
    /// The org chart's top levels, depth first (see `org`).
    pub org: Vec<ChartItem>,
    /// How to read the chart, and how many people's manager is not on the roster.
    pub org_note: String,
    /// Everyone on staff on the day, with their post and region of that day (none when there
    /// are more than [`TABLE_LIMIT`]: `people_elsewhere` links to them in the directory).
    pub people: Vec<PersonRow>,
    /// The unit's people in the directory, when the roster is too long to list here.
    pub people_elsewhere: Option<Link>,
    /// People who left before the day (the first [`TABLE_LIMIT`]).
    pub former: Vec<PersonRow>,
    /// How many people left before the day.
    pub former_count: String,
    /// People who join after the day (the first [`TABLE_LIMIT`]).
    pub later: Vec<PersonRow>,
    /// How many people join after the day.
    pub later_count: String,
    /// Which private columns are shown.
    pub show_pay: bool,
    /// Whether the phone column is shown.
    pub show_phone: bool,
    /// Whether the e-mail column is shown.
    pub show_email: bool,
}

/// A roster's totals, formatted.
#[derive(Debug, Default, Serialize)]
pub struct RosterTotals {
    /// "Establishment 30, on staff 36 (of whom 8 outside the establishment)".
    pub staffing: String,
    /// People on staff in posts outside the establishment.
    pub outside_establishment: String,
    /// The line about the posts outside the establishment; empty when there are none.
    pub outside_line: String,
    /// Authorised posts (in the establishment).
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
    /// Whether the post is outside the establishment.
    pub outside: bool,
    /// People acting in the post (not in the headcount).
    pub acting: String,
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

/// A region group row.
#[derive(Debug, Serialize)]
pub struct GroupRow {
    /// Name.
    pub name: String,
    /// Names of its regions, as a list.
    pub regions: String,
    /// Its manager.
    pub manager: Option<Link>,
    /// Headcount.
    pub headcount: String,
}

/// Someone acting in a post.
#[derive(Debug, Serialize)]
pub struct ActingRow {
    /// Name and page.
    pub person: Link,
    /// Their own post's title.
    pub own_post: String,
    /// The post they act in.
    pub post: String,
    /// The region they cover in it.
    pub region: Option<String>,
    /// First day.
    pub from: String,
    /// Last day.
    pub until: Option<String>,
}

/// People working for the unit from outside its roster.
#[derive(Debug, Serialize)]
pub struct OutsiderRow {
    /// What they do.
    pub role: String,
    /// A name.
    pub name: Option<String>,
    /// How many.
    pub count: String,
    /// Region name.
    pub region: Option<String>,
    /// How they are paid.
    pub paid_by: Option<String>,
    /// Note.
    pub note: Option<String>,
}

/// Headcount at the end of a month.
#[derive(Debug, Serialize)]
pub struct MonthRow {
    /// The month.
    pub period: String,
    /// Establishment.
    pub establishment: String,
    /// On staff.
    pub headcount: String,
    /// Of them outside the establishment.
    pub outside: String,
    /// Joined in the month.
    pub joiners: String,
    /// Left in the month.
    pub leavers: String,
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
    /// Until.
    pub until: Option<String>,
    /// Employment type key (translated by the template).
    pub employment: &'static str,
    /// Pay, when published.
    pub pay: Option<String>,
    /// Phone, when published.
    pub phone: Option<String>,
    /// E-mail, when published.
    pub email: Option<String>,
}

/// How many people the roster page lists in a table; longer rosters are listed in the
/// directory, page by page.
pub const TABLE_LIMIT: usize = 300;

impl RosterView {
    /// The view of one roster, as of its `as_of` (else the build day).
    pub fn new(site: &Site, roster: Doc<Roster>) -> RosterView {
        let r = roster.value;
        let day = headcount::default_day(r);
        let unit = r.unit.value.as_str();
        let h = headcount::roster_on(site.index, r, day);
        let names = Names::new(r);
        let count = |v: u64| v.to_string();
        let posts: Vec<PostRow> = h
            .posts
            .iter()
            .map(|x| {
                let post = r.posts.iter().find(|p| p.id.value.as_str() == x.id);
                PostRow {
                    title: x.title.clone(),
                    outside: !x.in_establishment,
                    acting: count(x.acting),
                    class: x.class.as_deref().map(|c| site.class_name(c)),
                    establishment: count(x.establishment),
                    headcount: count(x.headcount),
                    vacancies: count(x.vacancies),
                    over: count(x.over),
                    pay: site.money(post.and_then(|p| p.pay_on(day)).map(|m| m.value.0)),
                    duties: post.and_then(|p| crate::render::util::prose(&p.duties)),
                }
            })
            .collect();
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
        let chart = charts::bars(site.t("headcount"), site.t("headcount"), None, rows);
        let (mut people, mut former, mut later) = (Vec::new(), Vec::new(), Vec::new());
        for p in &r.people {
            let row = person_row(site, &names, p, day);
            if p.employed_on(day) {
                people.push(row);
            } else if p.until.as_ref().is_some_and(|u| u.value < day) {
                former.push(row);
            } else {
                later.push(row);
            }
        }
        let tree = OrgTree::new(r, day, &base_of(&site.doc_url(roster.doc)));
        let mut org_note = site.t("org_note");
        let missing = tree.missing_count();
        // Sentences follow each other with a space in English, without one in Chinese.
        let gap = if site.fmt.locale == crate::model::config::Locale::En { " " } else { "" };
        if missing > 0 {
            org_note.push_str(gap);
            let text = msg!("handbook-org-missing-note", count = missing);
            org_note.push_str(&text.text(site.fmt.locale));
        }
        if tree.hidden_tops() > 0 {
            org_note.push_str(gap);
            let text = msg!("handbook-org-hidden-note", count = tree.hidden_tops());
            org_note.push_str(&text.text(site.fmt.locale));
        }
        let people_elsewhere = (people.len() > TABLE_LIMIT).then(|| {
            let n = people.len();
            Link {
                label: msg!("handbook-roster-in-directory", count = n).text(site.fmt.locale),
                url: format!("directory/unit-{}.html", page_name(unit)),
                broken: None,
            }
        });
        if people_elsewhere.is_some() {
            people.clear();
        }
        let (former_count, later_count) = (former.len().to_string(), later.len().to_string());
        former.truncate(TABLE_LIMIT);
        later.truncate(TABLE_LIMIT);
        RosterView {
            unit: site.unit_link(unit),
            as_of: Some(site.fmt.date(day)),
            posts,
            totals: totals(site, &h),
            chart,
            regions: h
                .regions
                .iter()
                .map(|g| RegionRow {
                    name: g.name.clone(),
                    includes: g.includes.clone(),
                    headcount: count(g.headcount),
                })
                .collect(),
            groups: h
                .groups
                .iter()
                .map(|g| GroupRow {
                    name: g.name.clone(),
                    regions: g.regions.join(&crate::i18n::t(site.fmt.locale, "list-items")),
                    manager: g.manager.as_deref().map(|m| site.person_link(m)),
                    headcount: count(g.headcount),
                })
                .collect(),
            acting: h
                .acting
                .iter()
                .map(|a| ActingRow {
                    person: site.person_link(&a.person),
                    own_post: names.post(&a.own_post),
                    post: names.post(&a.post),
                    region: a.region.as_deref().map(|g| names.region(g)),
                    from: site.fmt.date(a.from),
                    until: a.until.map(|d| site.fmt.date(d)),
                })
                .collect(),
            outside: h
                .outside
                .iter()
                .map(|o| OutsiderRow {
                    role: o.role.clone(),
                    name: o.name.clone(),
                    count: o.count.map(count).unwrap_or_default(),
                    region: o.region.as_deref().map(|g| names.region(g)),
                    paid_by: o.paid_by.clone(),
                    note: crate::render::util::prose(&o.note),
                })
                .collect(),
            outside_count: count(h.outside_count),
            months: months(site, r, day),
            org: tree.items(site, None),
            org_note,
            people,
            people_elsewhere,
            former,
            former_count,
            later,
            later_count,
            show_pay: site.publishes(PersonField::Pay),
            show_phone: site.publishes(PersonField::Phone),
            show_email: site.publishes(PersonField::Email),
        }
    }
}

fn totals(site: &Site, h: &RosterHeadcount) -> RosterTotals {
    let outside_posts: u64 =
        h.posts.iter().filter(|p| !p.in_establishment).map(|p| p.establishment).sum();
    let staffing = msg!(
        "handbook-roster-staffing",
        establishment = h.establishment,
        headcount = h.headcount,
        outside = h.outside_establishment
    );
    let outside = h.posts.iter().any(|p| !p.in_establishment);
    let line = msg!(
        "handbook-roster-outside-line",
        headcount = h.outside_establishment,
        places = outside_posts
    );
    RosterTotals {
        staffing: staffing.text(site.fmt.locale),
        outside_establishment: h.outside_establishment.to_string(),
        outside_line: if outside { line.text(site.fmt.locale) } else { String::new() },
        establishment: h.establishment.to_string(),
        headcount: h.headcount.to_string(),
        vacancies: h.vacancies.to_string(),
        over: h.over.to_string(),
    }
}

/// Headcount at the end of each of the last 12 months up to `day`'s, from the month of the
/// roster's earliest dated fact; none when nothing is dated.
fn months(site: &Site, roster: &Roster, day: Date) -> Vec<MonthRow> {
    let Some(first) = headcount::first_dated_month(roster) else { return Vec::new() };
    let all = headcount::months_between(first, day.month_period());
    let last = all.get(all.len().saturating_sub(12)..).unwrap_or_default();
    headcount::months_of(roster, last)
        .into_iter()
        .map(|m| MonthRow {
            period: site.fmt.period(m.period),
            establishment: m.establishment.to_string(),
            headcount: m.headcount.to_string(),
            outside: m.outside_establishment.to_string(),
            joiners: m.joiners.to_string(),
            leavers: m.leavers.to_string(),
        })
        .collect()
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

/// A person as of `day`: a former member of staff as on their last day, someone joining later
/// as on their first.
fn person_row(site: &Site, names: &Names, p: &Person, day: Date) -> PersonRow {
    let until = p.until.as_ref().map(|u| u.value);
    let since = p.since.as_ref().map(|s| s.value);
    let day = match (since, until) {
        (_, Some(last)) if last < day => last,
        (Some(first), _) if day < first => first,
        _ => day,
    };
    let now = p.on(day);
    let pay = now.pay.map(|m| site.fmt.number(m.value.0));
    PersonRow {
        person: site.person_link(p.id.value.as_str()),
        post: names.post(now.post.value.as_str()),
        region: now.region.map(|g| names.region(g.value.as_str())),
        manager: now.reports_to.map(|m| site.person_link(m.value.as_str())),
        since: since.map(|d| site.fmt.date(d)),
        until: until.map(|d| site.fmt.date(d)),
        employment: now.employment.canonical(),
        pay: published(site, PersonField::Pay, pay),
        phone: published(site, PersonField::Phone, p.phone.clone()),
        email: published(site, PersonField::Email, p.email.clone()),
    }
}
