//! The list pages (units, plans, budgets, reviews, free pages): links grouped by unit in the
//! order of `planbook.yaml`; the units as a tree by parent with their people and sub-units
//! counted. (The people list is the directory's front page, see `directory`.)

use std::collections::HashMap;

use serde::Serialize;

use crate::i18n::msg;
use crate::model::period::Period;
use crate::model::{Document, Kind};
use crate::render::view::common::{post_title, region_name, roster_title};
use crate::render::view::directory::{tree_depths, unit_order};
use crate::render::view::site::{Link, Site};

/// Which list a list page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    /// Every unit.
    Units,
    /// Every roster and its people, by unit.
    People,
    /// Plans by unit, newest first.
    Plans,
    /// Budgets by unit, newest first.
    Budgets,
    /// Reviews by unit, newest first.
    Reviews,
    /// The free pages.
    Pages,
}

impl ListKind {
    /// Every list, in navigation order.
    pub const ALL: [ListKind; 6] = [
        ListKind::Units,
        ListKind::People,
        ListKind::Plans,
        ListKind::Budgets,
        ListKind::Reviews,
        ListKind::Pages,
    ];

    /// The list's key: its navigation section, UI string and file name (`plans.html`).
    pub fn key(self) -> &'static str {
        match self {
            ListKind::Units => "units",
            ListKind::People => "people",
            ListKind::Plans => "plans",
            ListKind::Budgets => "budgets",
            ListKind::Reviews => "reviews",
            ListKind::Pages => "pages",
        }
    }
}

/// A list page (units, people, plans, budgets, reviews, pages): groups of links.
#[derive(Debug, Serialize)]
pub struct ListView {
    /// The groups.
    pub groups: Vec<ListGroup>,
    /// The units list: the units as a tree, depth first (empty on the other lists).
    pub tree: Vec<UnitNode>,
}

/// A unit in the tree of the units list.
#[derive(Debug, Serialize)]
pub struct UnitNode {
    /// The unit's page.
    pub link: Link,
    /// Its description.
    pub description: Option<String>,
    /// "120 people" on staff in it and below it.
    pub people: String,
    /// "3 units" directly below it; empty for a unit without any.
    pub units: String,
    /// Its roster's page.
    pub roster: Option<Link>,
    /// Whether its sub-units follow (a nested list).
    pub kids: bool,
    /// Whether they are shown open (the top two levels).
    pub open: bool,
    /// How many levels end after it.
    pub close: usize,
}

/// A group of a list page.
#[derive(Debug, Serialize)]
pub struct ListGroup {
    /// The group's heading.
    pub heading: Option<Link>,
    /// The items.
    pub items: Vec<ListItem>,
}

/// An item of a list page.
#[derive(Debug, Serialize)]
pub struct ListItem {
    /// The link.
    pub link: Link,
    /// Further facts shown beside it.
    pub meta: Vec<String>,
}

impl ListView {
    /// The list page of `kind`.
    pub fn new(site: &Site, kind: ListKind) -> ListView {
        match kind {
            ListKind::Units => units(site),
            ListKind::People => people(site),
            ListKind::Plans => plans(site),
            ListKind::Budgets => budgets(site),
            ListKind::Reviews => reviews(site),
            ListKind::Pages => pages(site),
        }
    }

    /// Groups `items` by unit, in the order of planbook.yaml's units.
    pub fn by_unit(site: &Site, items: Vec<(String, ListItem)>) -> ListView {
        let mut groups: Vec<(String, Vec<ListItem>)> = Vec::new();
        for (unit, item) in items {
            match groups.iter_mut().find(|(u, _)| *u == unit) {
                Some((_, list)) => list.push(item),
                None => groups.push((unit, vec![item])),
            }
        }
        let order =
            |u: &str| site.index.ws.config.units.iter().position(|x| x.id.value.as_str() == u);
        groups.sort_by_key(|(u, _)| order(u).unwrap_or(usize::MAX));
        ListView {
            groups: groups
                .into_iter()
                .map(|(u, items)| ListGroup { heading: Some(site.unit_link(&u)), items })
                .collect(),
            tree: Vec::new(),
        }
    }

    /// One group without a heading.
    pub fn flat(items: Vec<ListItem>) -> ListView {
        ListView { groups: vec![ListGroup { heading: None, items }], tree: Vec::new() }
    }
}

/// The units as a tree by parent, each with its people (on staff on its roster's day, its
/// sub-units' included) and how many units are directly below it.
fn units(site: &Site) -> ListView {
    let config = &site.index.ws.config;
    let parents: HashMap<&str, Option<&str>> = config
        .units
        .iter()
        .map(|u| (u.id.value.as_str(), u.parent.as_ref().map(|p| p.value.as_str())))
        .collect();
    let order = unit_order(config);
    let mut staff: HashMap<&str, usize> = HashMap::new();
    let mut rosters: HashMap<&str, Link> = HashMap::new();
    for r in &site.index.rosters {
        let day = crate::rollup::headcount::default_day(r.value);
        let unit = r.value.unit.value.as_str();
        *staff.entry(unit).or_default() +=
            r.value.people.iter().filter(|p| p.employed_on(day)).count();
        let link =
            Link { broken: None, label: roster_title(site, r.value), url: site.doc_url(r.doc) };
        rosters.entry(unit).or_insert(link);
    }
    let depths = tree_depths(&order);
    // People below: each unit's staff added to every unit above it.
    let mut total: HashMap<&str, usize> = HashMap::new();
    let mut direct: HashMap<&str, usize> = HashMap::new();
    for u in &order {
        let id = u.id.value.as_str();
        let n = staff.get(id).copied().unwrap_or_default();
        let mut at = Some(id);
        let mut steps = 0;
        while let Some(a) = at {
            *total.entry(a).or_default() += n;
            at = parents.get(a).copied().flatten();
            steps += 1;
            if steps > parents.len() {
                break;
            }
        }
        if let Some(Some(p)) = parents.get(id) {
            *direct.entry(p).or_default() += 1;
        }
    }
    let l = site.fmt.locale;
    let mut tree: Vec<UnitNode> = Vec::new();
    for (k, u) in order.iter().enumerate() {
        let id = u.id.value.as_str();
        let depth = depths.get(k).copied().unwrap_or_default();
        let next = depths.get(k + 1).copied();
        let kids = next.is_some_and(|d| d > depth);
        let below = direct.get(id).copied().unwrap_or_default();
        tree.push(UnitNode {
            link: site.unit_link(id),
            description: crate::render::util::prose(&u.description),
            people: msg!(
                "handbook-units-people",
                count = total.get(id).copied().unwrap_or_default()
            )
            .text(l),
            units: if below > 0 {
                msg!("handbook-units-below", count = below).text(l)
            } else {
                String::new()
            },
            roster: rosters.get(id).cloned(),
            kids,
            open: depth < 2,
            close: if kids { 0 } else { depth.saturating_sub(next.unwrap_or(0)) },
        });
    }
    ListView { groups: Vec::new(), tree }
}

fn people(site: &Site) -> ListView {
    let mut items = Vec::new();
    for r in &site.index.rosters {
        let unit = r.value.unit.value.0.clone();
        let roster =
            Link { broken: None, label: roster_title(site, r.value), url: site.doc_url(r.doc) };
        items.push((unit.clone(), ListItem { link: roster, meta: Vec::new() }));
        let day =
            r.value.as_of.as_ref().map_or_else(crate::model::period::Date::today, |d| d.value);
        for p in &r.value.people {
            let now = p.on(day);
            let post = post_title(r.value, now.post.value.as_str());
            let mut meta = vec![post];
            if let Some(g) = now.region {
                meta.push(region_name(r.value, g.value.as_str()));
            }
            items.push((
                unit.clone(),
                ListItem { link: site.person_link(p.id.value.as_str()), meta },
            ));
        }
    }
    for b in site.broken_of(Some(Kind::Roster)) {
        let unit = b.unit.clone().unwrap_or_default();
        items.push((unit.clone(), ListItem { link: site.broken_link(b), meta: Vec::new() }));
        for (id, ..) in &b.people {
            items.push((unit.clone(), ListItem { link: site.person_link(id), meta: Vec::new() }));
        }
    }
    ListView::by_unit(site, items)
}

/// The documents of one kind, by unit, newest first; the broken documents of `kind` with
/// them (those without a period last in their unit).
fn docs<'a>(
    site: &Site,
    kind: Kind,
    list: impl Iterator<Item = (&'a Document, &'a str, Period, String)>,
) -> ListView {
    let mut rows: Vec<(&str, Option<Period>, Link)> = list
        .map(|(doc, unit, period, title)| {
            (unit, Some(period), Link { broken: None, label: title, url: site.doc_url(doc) })
        })
        .collect();
    for b in site.broken_of(Some(kind)) {
        rows.push((b.unit.as_deref().unwrap_or_default(), b.period, site.broken_link(b)));
    }
    rows.sort_by(|a, b| (a.0, std::cmp::Reverse(a.1)).cmp(&(b.0, std::cmp::Reverse(b.1))));
    let items = rows
        .into_iter()
        .map(|(unit, period, link)| {
            let item =
                ListItem { link, meta: period.map(|p| site.fmt.period(p)).into_iter().collect() };
            (unit.to_string(), item)
        })
        .collect();
    ListView::by_unit(site, items)
}

fn plans(site: &Site) -> ListView {
    docs(
        site,
        Kind::Plan,
        site.index.plans.iter().map(|(p, _)| {
            (p.doc, p.value.unit.value.as_str(), p.value.period.value, p.value.title.clone())
        }),
    )
}

fn budgets(site: &Site) -> ListView {
    docs(
        site,
        Kind::Budget,
        site.index.budgets.iter().map(|b| {
            let title =
                b.value.title.clone().unwrap_or_else(|| site.fmt.period(b.value.period.value));
            (b.doc, b.value.unit.value.as_str(), b.value.period.value, title)
        }),
    )
}

fn reviews(site: &Site) -> ListView {
    docs(
        site,
        Kind::Review,
        site.index.reviews.iter().map(|(r, _)| {
            (r.doc, r.value.unit.value.as_str(), r.value.period.value, r.value.title.clone())
        }),
    )
}

fn pages(site: &Site) -> ListView {
    let items = site
        .pages
        .iter()
        .map(|p| ListItem {
            link: site.page_link(p),
            meta: crate::render::util::prose(&p.meta.description).into_iter().collect(),
        })
        .collect();
    ListView::flat(items)
}
