//! A roster's org chart as a tree of the staff on the roster's day, for the roster page and
//! the chart pages below it.
//!
//! People whose manager is not on staff that day (an id nobody on the roster has, or someone
//! who has left or not yet joined) are gathered under one marked group per missing manager
//! instead of standing as roots; people caught in a reporting cycle stand at the top, once.
//!
//! A page shows at most [`BUDGET`] people: the levels below its root are taken breadth first,
//! a person's reports all or none; a person whose reports do not fit links to their own chart
//! page (`org/<roster>/<person>.html`), so every page stays small at any size and everyone is
//! on exactly one page. The chart is a flat list of items the template closes level by level
//! (no recursive macro): `<details>` open on the top levels, closed below.

use std::collections::{HashMap, HashSet, VecDeque};

use serde::Serialize;

use std::sync::Arc;

use crate::i18n::msg;
use crate::index::Doc;
use crate::model::Roster;
use crate::model::period::Date;
use crate::model::roster::Person;
use crate::render::view::common::roster_title;
use crate::render::view::site::{Link, Site, page_name};
use crate::rollup::headcount;

/// How many people one chart page shows.
pub const BUDGET: usize = 600;

/// How many levels below a page's top are open.
const OPEN_LEVELS: usize = 2;

/// The folder name of a roster's chart pages: its page's name (`rosters/henan.html`: `henan`).
pub fn base_of(roster_url: &str) -> String {
    let name = roster_url.rsplit('/').next().unwrap_or(roster_url);
    name.strip_suffix(".html").unwrap_or(name).to_string()
}

/// What a node of the tree is.
enum What<'a> {
    /// A person on staff.
    Person(&'a Person),
    /// The people reporting to `id`, who is not on staff: `left` when they are on the roster.
    Missing { id: &'a str, left: Option<&'a Person> },
}

struct Node<'a> {
    what: What<'a>,
    children: Vec<usize>,
    /// People in the subtree, the node itself not counted.
    below: usize,
}

/// A roster's org chart on its day.
pub struct OrgTree<'a> {
    roster: &'a Roster,
    day: Date,
    nodes: Vec<Node<'a>>,
    /// The top: people without a manager (and cycles), then the missing-manager groups.
    tops: Vec<usize>,
    /// The chart pages: the node at their root and their URL, in the order they are found.
    pages: Vec<(usize, String)>,
}

impl<'a> OrgTree<'a> {
    /// The tree of `roster` on `day`; `base` names its chart pages' folder (`org/<base>/`).
    pub fn new(roster: &'a Roster, day: Date, base: &str) -> OrgTree<'a> {
        let staff: Vec<&Person> = roster.people.iter().filter(|p| p.employed_on(day)).collect();
        let mut at: HashMap<&str, usize> = HashMap::new();
        for (i, p) in staff.iter().enumerate() {
            at.entry(p.id.value.as_str()).or_insert(i);
        }
        let mut nodes: Vec<Node> = staff
            .iter()
            .map(|p| Node { what: What::Person(p), children: Vec::new(), below: 0 })
            .collect();
        let mut parent: Vec<Option<usize>> = vec![None; nodes.len()];
        let mut tops = Vec::new();
        let mut missing: Vec<(&str, Vec<usize>)> = Vec::new();
        let mut missing_at: HashMap<&str, usize> = HashMap::new();
        for (i, p) in staff.iter().enumerate() {
            let manager = p.on(day).reports_to.map(|m| m.value.as_str());
            match manager {
                Some(m) if m == p.id.value.as_str() => tops.push(i),
                Some(m) => match at.get(m) {
                    Some(&boss) => {
                        if let Some(slot) = parent.get_mut(i) {
                            *slot = Some(boss);
                        }
                        if let Some(n) = nodes.get_mut(boss) {
                            n.children.push(i);
                        }
                    }
                    None => match missing_at.get(m).and_then(|&g| missing.get_mut(g)) {
                        Some((_, list)) => list.push(i),
                        None => {
                            missing_at.insert(m, missing.len());
                            missing.push((m, vec![i]));
                        }
                    },
                },
                None => tops.push(i),
            }
        }
        let mut seen = vec![false; nodes.len()];
        let grouped: Vec<usize> = missing.iter().flat_map(|(_, l)| l.iter().copied()).collect();
        for &n in tops.iter().chain(&grouped) {
            reach(n, &nodes, &mut seen);
        }
        // A reporting cycle: its first member in roster order stands at the top.
        for i in 0..nodes.len() {
            if seen.get(i) == Some(&false) {
                if let Some(boss) = parent.get(i).copied().flatten()
                    && let Some(b) = nodes.get_mut(boss)
                {
                    b.children.retain(|&c| c != i);
                }
                tops.push(i);
                reach(i, &nodes, &mut seen);
            }
        }
        let mut everyone: HashMap<&str, &Person> = HashMap::new();
        for p in &roster.people {
            everyone.entry(p.id.value.as_str()).or_insert(p);
        }
        for (id, list) in missing {
            let left = everyone.get(id).copied();
            tops.push(nodes.len());
            nodes.push(Node { what: What::Missing { id, left }, children: list, below: 0 });
        }
        let mut tree = OrgTree { roster, day, nodes, tops, pages: Vec::new() };
        tree.count_below();
        tree.find_pages(base);
        tree
    }

    /// Fills every node's count of people below, children before parents.
    fn count_below(&mut self) {
        let mut order = Vec::with_capacity(self.nodes.len());
        let mut stack: Vec<usize> = self.tops.clone();
        while let Some(n) = stack.pop() {
            order.push(n);
            stack.extend(self.kids(n));
        }
        for &n in order.iter().rev() {
            let below: usize = self
                .kids(n)
                .iter()
                .map(|&c| self.nodes.get(c).map_or(0, |x| x.below + usize::from(x.is_person())))
                .sum();
            if let Some(x) = self.nodes.get_mut(n) {
                x.below = below;
            }
        }
    }

    fn kids(&self, n: usize) -> &[usize] {
        self.nodes.get(n).map(|x| x.children.as_slice()).unwrap_or_default()
    }

    /// The chart pages, each found on the page above it.
    fn find_pages(&mut self, base: &str) {
        let mut taken = HashSet::new();
        let mut queue: VecDeque<Option<usize>> = VecDeque::from([None]);
        while let Some(root) = queue.pop_front() {
            for n in self.layout(root).cut {
                let name = match self.nodes.get(n).map(|x| &x.what) {
                    Some(What::Person(p)) => page_name(p.id.value.as_str()),
                    Some(What::Missing { id, .. }) => format!("missing-{}", page_name(id)),
                    None => continue,
                };
                let mut url = format!("org/{base}/{name}.html");
                let mut k = 1;
                while !taken.insert(url.to_lowercase()) {
                    k += 1;
                    url = format!("org/{base}/{name}-{k}.html");
                }
                self.pages.push((n, url));
                queue.push_back(Some(n));
            }
        }
    }

    /// The chart pages below the roster page: the node each shows and its URL.
    pub fn pages(&self) -> impl Iterator<Item = (usize, &str)> {
        self.pages.iter().map(|(n, url)| (*n, url.as_str()))
    }

    /// What a page rooted at `root` (the roster page: `None`) shows: the nodes shown, in
    /// breadth-first order, and those whose reports are left to their own page.
    fn layout(&self, root: Option<usize>) -> Layout {
        let tops: Vec<usize> = match root {
            Some(n) => vec![n],
            None => self.tops.iter().copied().take(BUDGET).collect(),
        };
        let mut shown: HashSet<usize> = tops.iter().copied().collect();
        let mut cut = Vec::new();
        let mut queue: VecDeque<usize> = tops.iter().copied().collect();
        let mut used = tops.len();
        while let Some(n) = queue.pop_front() {
            let kids = self.kids(n);
            if kids.is_empty() {
                continue;
            }
            // A page's root always shows its reports (at most a page's worth of them).
            let forced = Some(n) == root;
            if forced || used + kids.len() <= BUDGET {
                let kids = kids.get(..kids.len().min(BUDGET)).unwrap_or_default();
                used += kids.len();
                shown.extend(kids.iter().copied());
                queue.extend(kids.iter().copied());
            } else {
                cut.push(n);
            }
        }
        Layout { tops, shown, cut }
    }

    fn is_group(&self, n: usize) -> bool {
        self.nodes.get(n).is_some_and(|x| !x.is_person())
    }

    /// The chart items of the page rooted at `root` (the roster page: `None`).
    pub fn items(&self, site: &Site, root: Option<usize>) -> Vec<ChartItem> {
        let layout = self.layout(root);
        let urls: HashMap<usize, &str> = self.pages().collect();
        let mut out: Vec<ChartItem> = Vec::new();
        // Depth-first, with the number of levels to close after each item.
        let mut stack: Vec<(usize, usize)> = layout.tops.iter().rev().map(|&n| (n, 0)).collect();
        while let Some((n, depth)) = stack.pop() {
            let kids: Vec<usize> =
                self.kids(n).iter().copied().filter(|c| layout.shown.contains(c)).collect();
            let more = if kids.is_empty() && !self.kids(n).is_empty() {
                urls.get(&n).map(|url| Link {
                    label: self.below_text(site, n),
                    url: (*url).to_string(),
                    broken: None,
                })
            } else {
                None
            };
            out.push(self.item(site, n, depth, !kids.is_empty(), more));
            if kids.is_empty() {
                let next = stack.last().map_or(0, |&(_, d)| d);
                if let Some(last) = out.last_mut() {
                    last.close = depth.saturating_sub(next);
                }
            }
            stack.extend(kids.iter().rev().map(|&c| (c, depth + 1)));
        }
        out
    }

    fn item(
        &self,
        site: &Site,
        n: usize,
        depth: usize,
        kids: bool,
        more: Option<Link>,
    ) -> ChartItem {
        let node = self.nodes.get(n);
        let below = node.map_or(0, |x| x.below);
        let mut item = ChartItem {
            person: None,
            post: String::new(),
            region: None,
            missing: None,
            below: if below > 0 { self.below_text(site, n) } else { String::new() },
            open: depth < OPEN_LEVELS,
            kids,
            more,
            close: 0,
        };
        match node.map(|x| &x.what) {
            Some(What::Person(p)) => {
                let now = p.on(self.day);
                item.person = Some(site.person_link(p.id.value.as_str()));
                item.post = self.post(now.post.value.as_str());
                item.region = now.region.map(|g| self.roster.place_name(g.value.as_str()));
            }
            Some(What::Missing { id, left }) => {
                let text = match left {
                    Some(p) => msg!("handbook-org-manager-left", name = p.name.as_str(), id = *id),
                    None => msg!("handbook-org-manager-missing", id = *id),
                };
                item.missing = Some(text.text(site.fmt.locale));
                item.open = false;
            }
            None => {}
        }
        item
    }

    fn below_text(&self, site: &Site, n: usize) -> String {
        let below = self.nodes.get(n).map_or(0, |x| x.below);
        msg!("handbook-org-below", count = below).text(site.fmt.locale)
    }

    fn post(&self, id: &str) -> String {
        crate::render::view::common::post_title(self.roster, id)
    }

    /// The title of the chart page rooted at `n`: the person's name, or the group's label.
    pub fn title(&self, site: &Site, n: usize) -> String {
        match self.nodes.get(n).map(|x| &x.what) {
            Some(What::Person(p)) => {
                msg!("handbook-org-page-title", name = p.name.as_str()).text(site.fmt.locale)
            }
            Some(What::Missing { .. }) => {
                self.item(site, n, 0, false, None).missing.unwrap_or_default()
            }
            None => String::new(),
        }
    }

    /// How many people and groups at the top of the chart the roster page leaves out (more
    /// than [`BUDGET`]: a roster without managers); the directory lists them.
    pub fn hidden_tops(&self) -> usize {
        self.tops.len().saturating_sub(BUDGET)
    }

    /// How many reports of the person (or group) at the top of a chart page the page leaves
    /// out (more than [`BUDGET`]); the directory lists them.
    pub fn hidden_below(&self, n: usize) -> usize {
        self.kids(n).len().saturating_sub(BUDGET)
    }

    /// How many people stand apart from the chart's top: missing-manager groups' members.
    pub fn missing_count(&self) -> usize {
        self.tops.iter().filter(|&&n| self.is_group(n)).map(|&n| self.kids(n).len()).sum()
    }

    /// The managers of the chart page rooted at `n`, from the top down, as links to the
    /// chart pages that show them (the roster page at the top).
    pub fn above(&self, site: &Site, n: usize) -> Vec<Link> {
        let mut parent: HashMap<usize, usize> = HashMap::new();
        for (i, x) in self.nodes.iter().enumerate() {
            for &c in &x.children {
                parent.insert(c, i);
            }
        }
        let urls: HashMap<usize, &str> = self.pages().collect();
        let mut chain = Vec::new();
        let mut at = n;
        while let Some(&p) = parent.get(&at) {
            if chain.len() > self.nodes.len() {
                break;
            }
            let label = match self.nodes.get(p).map(|x| &x.what) {
                Some(What::Person(person)) => person.name.clone(),
                _ => self.item(site, p, 0, false, None).missing.unwrap_or_default(),
            };
            let url = urls.get(&p).map(|u| (*u).to_string()).unwrap_or_default();
            chain.push(Link { label, url, broken: None });
            at = p;
        }
        chain.reverse();
        chain
    }
}

/// Marks everyone in the subtree of `from` as reached.
fn reach(from: usize, nodes: &[Node], seen: &mut [bool]) {
    let mut stack = vec![from];
    while let Some(n) = stack.pop() {
        if let Some(s) = seen.get_mut(n)
            && !*s
        {
            *s = true;
            stack.extend(nodes.get(n).map(|x| x.children.as_slice()).unwrap_or_default());
        }
    }
}

impl Node<'_> {
    fn is_person(&self) -> bool {
        matches!(self.what, What::Person(_))
    }
}

struct Layout {
    tops: Vec<usize>,
    shown: HashSet<usize>,
    cut: Vec<usize>,
}

/// One person (or missing-manager group) of a chart, in depth-first order.
#[derive(Debug, Serialize)]
pub struct ChartItem {
    /// The person; `None` for a group of people whose manager is not on staff.
    pub person: Option<Link>,
    /// Post title.
    pub post: String,
    /// Region name.
    pub region: Option<String>,
    /// For a group: who is missing ("manager not on the roster: E123").
    pub missing: Option<String>,
    /// "12 below"; empty when no one reports to them.
    pub below: String,
    /// Whether their reports are shown open.
    pub open: bool,
    /// Whether their reports follow as the next items (a nested list to open).
    pub kids: bool,
    /// Their reports are on their own chart page: the link to it.
    pub more: Option<Link>,
    /// How many levels end after this item.
    pub close: usize,
}

/// A chart page below a roster page: one person's (or group's) part of the org chart.
#[derive(Debug, Serialize)]
pub struct OrgView {
    /// The roster page.
    pub roster: Link,
    /// The managers above, top down.
    pub above: Vec<Link>,
    /// The chart.
    pub chart: Vec<ChartItem>,
    /// How many reports of its top the page leaves to the directory; empty when none.
    pub rest: String,
}

impl OrgView {
    /// The chart page of `roster`'s `tree` rooted at node `n`.
    pub fn new(site: &Site, roster: Doc<Roster>, tree: &OrgTree, n: usize) -> OrgView {
        let label = roster_title(site, roster.value);
        let roster = Link { label, url: site.doc_url(roster.doc), broken: None };
        let hidden = tree.hidden_below(n);
        let rest = match hidden {
            0 => String::new(),
            _ => msg!("handbook-org-hidden-note", count = hidden).text(site.fmt.locale),
        };
        OrgView { roster, above: tree.above(site, n), chart: tree.items(site, Some(n)), rest }
    }
}

/// The chart pages of `roster`: the tree they share, and each page's node, URL and title.
pub fn pages<'a>(
    site: &Site,
    roster: Doc<'a, Roster>,
) -> Vec<(Arc<OrgTree<'a>>, usize, String, String)> {
    let day = headcount::default_day(roster.value);
    let tree = Arc::new(OrgTree::new(roster.value, day, &base_of(&site.doc_url(roster.doc))));
    let list: Vec<(usize, String)> = tree.pages().map(|(n, url)| (n, url.to_string())).collect();
    list.into_iter().map(|(n, url)| (Arc::clone(&tree), n, url, tree.title(site, n))).collect()
}
