//! The people directory: everyone with a page, sorted by name in the handbook's collation
//! (pinyin order in Chinese), in pages of [`PAGE_SIZE`] with a pager, and filtered by unit, post
//! and region on pre-built pages (`directory/unit-…`, `post-…`, `region-…`), so that it works
//! without script and no page grows with the organisation. People who share a name are shown
//! with their id beside their unit, post and region. `people.html` is its front page: the
//! letter index, the pages of the whole list and the filters with their counts.
//!
//! Built once per build ([`Directory::new`]); each page's view reads its slice.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::i18n::msg;
use crate::model::Kind;
use crate::model::config::{Config, Unit};
use crate::render::view::collate::Collation;
use crate::render::view::common::{post_title, region_name, roster_title};
use crate::render::view::site::{Link, Site, page_name};
use crate::rollup::headcount;

/// How many people one page of the directory lists.
pub const PAGE_SIZE: usize = 500;

/// One person of the directory.
struct Entry {
    id: String,
    initial: String,
    person: Link,
    unit: Link,
    unit_id: String,
    post: String,
    region: Option<String>,
    /// `directory_former`, `directory_later` (not on staff on their roster's day) or empty.
    state: &'static str,
}

/// What a filter selects by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum By {
    All,
    Unit,
    Post,
    Region,
}

/// A filter (or the whole list) and the people it selects, in name order.
struct Facet {
    by: By,
    label: String,
    members: Vec<usize>,
    /// Its pages' URLs.
    urls: Vec<String>,
    /// For a unit: how deep it stands under its parents, and its roster's page.
    depth: usize,
    roster: Option<Link>,
}

/// The directory of a build.
pub struct Directory {
    entries: Vec<Entry>,
    facets: Vec<Facet>,
    /// Ids of the people whose name someone else has too.
    namesakes: HashSet<String>,
}

/// One page of the directory below its front page: a facet's `page`-th slice.
#[derive(Debug, Clone, Copy)]
pub struct DirPage {
    facet: usize,
    page: usize,
}

impl Directory {
    /// The directory of everyone with a page on `site`.
    pub fn new(site: &Site) -> Directory {
        let collation = Collation::new(site.fmt.locale);
        let mut entries = Vec::new();
        let mut rosters: HashMap<&str, Link> = HashMap::new();
        for r in &site.index.rosters {
            let unit_id = r.value.unit.value.as_str();
            let link =
                Link { label: roster_title(site, r.value), url: site.doc_url(r.doc), broken: None };
            rosters.entry(unit_id).or_insert(link);
        }
        let mut people: Vec<_> = site.index.people.iter().collect();
        people.sort_unstable_by_key(|(id, _)| **id);
        for (id, (p, roster)) in people {
            let r = roster.value;
            let day = headcount::default_day(r);
            let now = p.on(day);
            let state = if p.employed_on(day) {
                ""
            } else if p.since.as_ref().is_some_and(|s| day < s.value) {
                "directory_later"
            } else {
                "directory_former"
            };
            entries.push(Entry {
                id: (*id).to_string(),
                initial: collation.initial(&p.name),
                person: site.person_link(id),
                unit: site.unit_link(r.unit.value.as_str()),
                unit_id: r.unit.value.0.clone(),
                post: post_title(r, now.post.value.as_str()),
                region: now.region.map(|g| region_name(r, g.value.as_str())),
                state,
            });
        }
        for b in site.broken_of(Some(Kind::Roster)) {
            let unit_id = b.unit.clone().unwrap_or_default();
            if let Some(unit) = b.unit.as_deref() {
                rosters.entry(unit).or_insert_with(|| site.broken_link(b));
            }
            for (id, name, url) in &b.people {
                entries.push(Entry {
                    id: id.clone(),
                    initial: collation.initial(name),
                    person: Link { label: name.clone(), url: url.clone(), broken: None },
                    unit: site.unit_link(&unit_id),
                    unit_id: unit_id.clone(),
                    post: String::new(),
                    region: None,
                    state: "",
                });
            }
        }
        let keys: Vec<Vec<u8>> = entries.iter().map(|e| collation.key(&e.person.label)).collect();
        let mut order: Vec<usize> = (0..entries.len()).collect();
        order.sort_by(|&a, &b| {
            let (ea, eb) = (entries.get(a), entries.get(b));
            (keys.get(a), ea.map(|e| &e.id)).cmp(&(keys.get(b), eb.map(|e| &e.id)))
        });
        let mut slots: Vec<Option<Entry>> = entries.into_iter().map(Some).collect();
        let entries: Vec<Entry> =
            order.iter().filter_map(|&i| slots.get_mut(i).and_then(Option::take)).collect();
        let mut names: HashMap<&str, usize> = HashMap::new();
        for e in &entries {
            *names.entry(e.person.label.as_str()).or_default() += 1;
        }
        let namesakes = entries
            .iter()
            .filter(|e| names.get(e.person.label.as_str()).is_some_and(|&n| n > 1))
            .map(|e| e.id.clone())
            .collect();
        let facets = facets(site, &collation, &entries, &rosters);
        Directory { entries, facets, namesakes }
    }

    /// Every page below the front page: its URL, title and what it shows.
    pub fn pages(&self, site: &Site) -> Vec<(String, String, DirPage)> {
        let mut out = Vec::new();
        for (f, facet) in self.facets.iter().enumerate() {
            for (page, url) in facet.urls.iter().enumerate() {
                out.push((url.clone(), self.title(site, facet, page), DirPage { facet: f, page }));
            }
        }
        out
    }

    fn title(&self, site: &Site, facet: &Facet, page: usize) -> String {
        let l = site.fmt.locale;
        let base = match facet.by {
            By::All => site.t("directory_all"),
            _ => msg!("handbook-directory-filtered", filter = facet.label.as_str()).text(l),
        };
        if facet.urls.len() > 1 {
            let (page, pages) = (page + 1, facet.urls.len());
            msg!("handbook-directory-page-title", title = base, page = page, pages = pages).text(l)
        } else {
            base
        }
    }

    /// The front page (`people.html`).
    pub fn front(&self, site: &Site) -> DirectoryView {
        let rows = |by: By| -> Vec<FacetRow> {
            self.facets
                .iter()
                .filter(|f| f.by == by)
                .map(|f| FacetRow {
                    link: Link {
                        label: f.label.clone(),
                        url: f.urls.first().cloned().unwrap_or_default(),
                        broken: None,
                    },
                    count: site.fmt.number(f.members.len().into()),
                    depth: f.depth,
                    roster: f.roster.clone(),
                })
                .collect()
        };
        let all = self.facets.iter().find(|f| f.by == By::All);
        let pages = all.map(|f| self.pager(f, usize::MAX)).unwrap_or_default();
        DirectoryView {
            front: true,
            total: msg!("handbook-directory-total", count = self.entries.len())
                .text(site.fmt.locale),
            letters: all.map(|f| self.letters(f)).unwrap_or_default(),
            pages,
            units: rows(By::Unit),
            posts: rows(By::Post),
            regions: rows(By::Region),
            filter: None,
            rows: Vec::new(),
        }
    }

    /// A page of the whole list or of a filter.
    pub fn page(&self, site: &Site, at: DirPage) -> DirectoryView {
        let Some(facet) = self.facets.get(at.facet) else { return self.front(site) };
        let start = at.page * PAGE_SIZE;
        let slice = facet.members.get(start..).unwrap_or_default();
        let mut seen_initials = HashSet::new();
        if let Some(before) = start.checked_sub(1).and_then(|i| facet.members.get(i)) {
            seen_initials.extend(self.entries.get(*before).map(|e| e.initial.clone()));
        }
        let rows = slice
            .iter()
            .take(PAGE_SIZE)
            .filter_map(|&i| self.entries.get(i))
            .map(|e| {
                let first = facet.by == By::All && seen_initials.insert(e.initial.clone());
                self.row(site, e, first)
            })
            .collect();
        DirectoryView {
            front: false,
            total: msg!("handbook-directory-total", count = facet.members.len())
                .text(site.fmt.locale),
            letters: if facet.by == By::All { self.letters(facet) } else { Vec::new() },
            pages: self.pager(facet, at.page),
            units: Vec::new(),
            posts: Vec::new(),
            regions: Vec::new(),
            filter: (facet.by != By::All).then(|| {
                let kind = site.t(match facet.by {
                    By::Unit => "unit",
                    By::Post => "post",
                    _ => "region",
                });
                let value = facet.label.as_str();
                msg!("handbook-directory-filter", kind = kind, value = value).text(site.fmt.locale)
            }),
            rows,
        }
    }

    fn row(&self, site: &Site, e: &Entry, first: bool) -> Row {
        let namesake = self.namesakes.contains(&e.id);
        Row {
            anchor: first.then(|| anchor(&e.initial)),
            person: e.person.clone(),
            unit: e.unit.clone(),
            post: e.post.clone(),
            region: e.region.clone(),
            id: namesake.then(|| e.id.clone()),
            state: e.state,
            namesake: namesake.then(|| site.t("directory_namesake")),
        }
    }

    /// The pager of `facet` with page `current` marked; labelled with each page's first and
    /// last name.
    fn pager(&self, facet: &Facet, current: usize) -> Vec<PagerItem> {
        let name = |i: Option<&usize>| {
            i.and_then(|&i| self.entries.get(i)).map(|e| e.person.label.clone()).unwrap_or_default()
        };
        facet
            .urls
            .iter()
            .enumerate()
            .map(|(k, url)| {
                let start = k * PAGE_SIZE;
                let end = (start + PAGE_SIZE).min(facet.members.len());
                let first = name(facet.members.get(start));
                let last = name(end.checked_sub(1).and_then(|i| facet.members.get(i)));
                PagerItem {
                    number: (k + 1).to_string(),
                    range: format!("{first} – {last}"),
                    url: url.clone(),
                    current: k == current,
                }
            })
            .collect()
    }

    /// The letter index: each initial and the page (and row) where its names begin.
    fn letters(&self, facet: &Facet) -> Vec<Link> {
        let mut out: Vec<Link> = Vec::new();
        for (k, i) in facet.members.iter().enumerate() {
            let Some(e) = self.entries.get(*i) else { continue };
            if out.iter().any(|l| l.label == e.initial) {
                continue;
            }
            let url = facet.urls.get(k / PAGE_SIZE).cloned().unwrap_or_default();
            let url = format!("{url}#{}", anchor(&e.initial));
            out.push(Link { label: e.initial.clone(), url, broken: None });
        }
        out
    }
}

/// The id of the first row of an initial: `letter-A`, `letter-%23`.
fn anchor(initial: &str) -> String {
    let safe: String = initial.chars().map(|c| if c.is_alphanumeric() { c } else { '_' }).collect();
    format!("letter-{safe}")
}

/// The whole list, then units in the order and nesting of planbook.yaml, then posts and
/// regions in name order, each with its members and pages.
fn facets(
    site: &Site,
    collation: &Collation,
    entries: &[Entry],
    rosters: &HashMap<&str, Link>,
) -> Vec<Facet> {
    let mut taken = HashSet::new();
    let mut urls = |base: String, n: usize| -> Vec<String> {
        let pages = n.div_ceil(PAGE_SIZE).max(1);
        let mut base = base;
        let mut k = 1;
        while !taken.insert(base.to_lowercase()) {
            k += 1;
            base = format!("{base}-{k}");
        }
        (0..pages)
            .map(|p| match p {
                0 => format!("directory/{base}.html"),
                _ => format!("directory/{base}-{}.html", p + 1),
            })
            .collect()
    };
    let all: Vec<usize> = (0..entries.len()).collect();
    let mut out = vec![Facet {
        by: By::All,
        label: site.t("directory_all"),
        urls: urls("all".to_string(), all.len()),
        members: all,
        depth: 0,
        roster: None,
    }];
    let config = &site.index.ws.config;
    let mut by_unit: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        by_unit.entry(e.unit_id.as_str()).or_default().push(i);
    }
    let order = unit_order(config);
    for (u, depth) in order.iter().zip(tree_depths(&order)) {
        let id = u.id.value.as_str();
        // Every unit with people or a roster (a roster that could not be read too).
        let members = by_unit.remove(id).unwrap_or_default();
        if members.is_empty() && !rosters.contains_key(id) {
            continue;
        }
        out.push(Facet {
            by: By::Unit,
            label: u.name.clone(),
            urls: urls(format!("unit-{}", page_name(id)), members.len()),
            members,
            depth,
            roster: rosters.get(id).cloned(),
        });
    }
    let mut rest: Vec<(&str, Vec<usize>)> = by_unit.into_iter().collect();
    rest.sort_unstable_by_key(|(id, _)| *id);
    for (id, members) in rest {
        out.push(Facet {
            by: By::Unit,
            label: site.unit_name(id),
            urls: urls(format!("unit-{}", page_name(id)), members.len()),
            members,
            depth: 0,
            roster: rosters.get(id).cloned(),
        });
    }
    for (by, prefix) in [(By::Post, "post"), (By::Region, "region")] {
        let mut groups: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            let key = match by {
                By::Post => Some(e.post.as_str()),
                _ => e.region.as_deref(),
            };
            if let Some(key) = key.filter(|k| !k.is_empty()) {
                groups.entry(key).or_default().push(i);
            }
        }
        let mut groups: Vec<(&str, Vec<usize>)> = groups.into_iter().collect();
        groups.sort_by(|a, b| collation.compare(a.0, b.0).then_with(|| a.0.cmp(b.0)));
        for (label, members) in groups {
            out.push(Facet {
                by,
                label: label.to_string(),
                urls: urls(format!("{prefix}-{}", page_name(label)), members.len()),
                members,
                depth: 0,
                roster: None,
            });
        }
    }
    out
}

/// A page of the directory (its front page, or a page of the list or of a filter).
#[derive(Debug, Serialize)]
pub struct DirectoryView {
    /// Whether this is the front page.
    pub front: bool,
    /// "20,040 people".
    pub total: String,
    /// The letter index.
    pub letters: Vec<Link>,
    /// The pages of this list.
    pub pages: Vec<PagerItem>,
    /// Filters by unit, with counts (front page).
    pub units: Vec<FacetRow>,
    /// Filters by post (front page).
    pub posts: Vec<FacetRow>,
    /// Filters by region (front page).
    pub regions: Vec<FacetRow>,
    /// The filter this page shows: "Unit: Henan branch".
    pub filter: Option<String>,
    /// The people of this page.
    pub rows: Vec<Row>,
}

/// A filter with its count.
#[derive(Debug, Serialize)]
pub struct FacetRow {
    /// Its first page.
    pub link: Link,
    /// How many people.
    pub count: String,
    /// How deep the unit stands.
    pub depth: usize,
    /// The unit's roster.
    pub roster: Option<Link>,
}

/// A page in the pager.
#[derive(Debug, Serialize)]
pub struct PagerItem {
    /// Its number, from 1.
    pub number: String,
    /// The first and last name on it.
    pub range: String,
    /// Its URL.
    pub url: String,
    /// Whether it is the page shown.
    pub current: bool,
}

/// A person of the directory.
#[derive(Debug, Serialize)]
pub struct Row {
    /// The letter anchor on the first row of an initial.
    pub anchor: Option<String>,
    /// Name and page.
    pub person: Link,
    /// Unit.
    pub unit: Link,
    /// Post title.
    pub post: String,
    /// Region name.
    pub region: Option<String>,
    /// The id, when someone else has the same name.
    pub id: Option<String>,
    /// The UI string of `directory_former` or `directory_later`, or empty.
    pub state: &'static str,
    /// The words that say the name is shared.
    pub namesake: Option<String>,
}

/// The units of planbook.yaml as a tree walked depth first: each unit after its parent, in
/// the file's order among its siblings; units in a cycle of parents last.
pub fn unit_order(config: &Config) -> Vec<&Unit> {
    let ids: HashSet<&str> = config.units.iter().map(|u| u.id.value.as_str()).collect();
    let mut children: HashMap<&str, Vec<&Unit>> = HashMap::new();
    let mut roots = Vec::new();
    for u in &config.units {
        match u.parent.as_ref().map(|p| p.value.as_str()).filter(|p| ids.contains(p)) {
            Some(p) if p != u.id.value.as_str() => children.entry(p).or_default().push(u),
            _ => roots.push(u),
        }
    }
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    let mut stack: Vec<&Unit> = roots.into_iter().rev().collect();
    while let Some(u) = stack.pop() {
        if !seen.insert(u.id.value.as_str()) {
            continue;
        }
        out.push(u);
        if let Some(kids) = children.get(u.id.value.as_str()) {
            stack.extend(kids.iter().rev());
        }
    }
    out.extend(config.units.iter().filter(|u| !seen.contains(u.id.value.as_str())));
    out
}

/// Each unit's depth in `order` (from [`unit_order`]): one below its parent when the parent
/// came before it, never more than one below the unit before it, so the list nests.
pub fn tree_depths(order: &[&Unit]) -> Vec<usize> {
    let mut placed: HashMap<&str, usize> = HashMap::new();
    let mut out: Vec<usize> = Vec::with_capacity(order.len());
    for u in order {
        let parent = u.parent.as_ref().and_then(|p| placed.get(p.value.as_str()));
        let limit = out.last().map_or(0, |d| d + 1);
        let depth = parent.map_or(0, |d| d + 1).min(limit);
        placed.entry(u.id.value.as_str()).or_insert(depth);
        out.push(depth);
    }
    out
}
