//! The headcount rollup: people against authorised establishment by post, region and region
//! group on one day, the people acting in a post, the people working for a unit from outside
//! its roster, span of control and management depth; and headcount month by month.
//!
//! Everything is read as of a day through `model::dating` ([`Person::employed_on`],
//! [`Person::on`], [`Post::establishment_on`]), never from the roster's top-level fields: the
//! report for a period is the report for its last day ([`Period::as_of`]).
//!
//! Posts with `in_establishment: false` (a general manager paid by head office, locally hired
//! supervisors) are listed with their people, who count in headcount, but their establishment
//! is left out of the unit's establishment total and its vacancies: the report reads
//! "establishment 30, on staff 36 (of whom 8 outside the establishment)".

use std::collections::HashMap;

use serde::Serialize;

use crate::index::Index;
use crate::model::Roster;
use crate::model::chain::chains;
use crate::model::period::{Date, Period};
use crate::model::roster::Person;
use crate::rollup::{Options, unit_name};

/// Headcount of every selected roster.
#[derive(Debug, Clone, Serialize)]
pub struct HeadcountReport {
    /// One entry per roster.
    pub rosters: Vec<RosterHeadcount>,
}

/// One roster's headcount on one day.
#[derive(Debug, Clone, Serialize)]
pub struct RosterHeadcount {
    /// Unit id.
    pub unit: String,
    /// Unit name.
    pub unit_name: String,
    /// The day counted.
    pub as_of: Date,
    /// By post: every post that exists that day or has people in it.
    pub posts: Vec<PostRow>,
    /// By region (merged regions are counted under the region they were merged into).
    pub regions: Vec<RegionRow>,
    /// By region group (大区).
    pub groups: Vec<GroupRow>,
    /// Sum of the establishments of the posts in the establishment.
    pub establishment: u64,
    /// People on staff in the roster's posts, inside and outside the establishment.
    pub headcount: u64,
    /// Of `headcount`, the people in posts outside the establishment.
    pub outside_establishment: u64,
    /// Unfilled places of the posts in the establishment.
    pub vacancies: u64,
    /// People beyond the establishment of the posts in it.
    pub over: u64,
    /// People acting in a post on top of their own (counted in their own post only).
    pub acting: Vec<ActingRow>,
    /// People working for the unit without being on its roster: never counted.
    pub outside: Vec<OutsiderRow>,
    /// How many people `outside` lists, of those whose number is known.
    pub outside_count: u64,
    /// Managers and how many people report to them directly.
    pub span_of_control: Vec<ManagerRow>,
    /// The longest reporting chain, in levels (the top manager is level 1).
    pub depth: usize,
    /// The most levels `planbook.yaml` allows.
    pub max_levels: u32,
}

/// A post's headcount.
#[derive(Debug, Clone, Serialize)]
pub struct PostRow {
    /// Post id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Class.
    pub class: Option<String>,
    /// Whether the post counts toward the establishment total.
    pub in_establishment: bool,
    /// Authorised that day.
    pub establishment: u64,
    /// On staff.
    pub headcount: u64,
    /// Unfilled.
    pub vacancies: u64,
    /// Beyond establishment.
    pub over: u64,
    /// People acting in the post (not in `headcount`).
    pub acting: u64,
}

/// A region's headcount.
#[derive(Debug, Clone, Serialize)]
pub struct RegionRow {
    /// Region id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Names of the regions counted under this one.
    pub includes: Vec<String>,
    /// People assigned.
    pub headcount: u64,
}

/// A region group's headcount.
#[derive(Debug, Clone, Serialize)]
pub struct GroupRow {
    /// Group id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Names of its regions.
    pub regions: Vec<String>,
    /// The manager's person id.
    pub manager: Option<String>,
    /// The manager's name, when they are on a roster.
    pub manager_name: Option<String>,
    /// People assigned to its regions (and to regions merged into them).
    pub headcount: u64,
}

/// Someone acting in a post on the day.
#[derive(Debug, Clone, Serialize)]
pub struct ActingRow {
    /// Person id.
    pub person: String,
    /// Name.
    pub name: String,
    /// Their own post's id.
    pub own_post: String,
    /// The post they act in.
    pub post: String,
    /// The region they cover in it.
    pub region: Option<String>,
    /// First day.
    pub from: Date,
    /// Last day, when set.
    pub until: Option<Date>,
}

/// People working for the unit from outside its roster.
#[derive(Debug, Clone, Serialize)]
pub struct OutsiderRow {
    /// What they do.
    pub role: String,
    /// A name, when one person.
    pub name: Option<String>,
    /// How many: the `count` written, one for a named person without one, unknown for a
    /// group whose size is not written.
    pub count: Option<u64>,
    /// Region id.
    pub region: Option<String>,
    /// How they are paid.
    pub paid_by: Option<String>,
    /// Note.
    pub note: Option<String>,
}

/// A manager's span of control.
#[derive(Debug, Clone, Serialize)]
pub struct ManagerRow {
    /// Person id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Post id.
    pub post: String,
    /// Direct reports.
    pub direct_reports: u64,
    /// Everyone below them.
    pub total_reports: u64,
}

/// Headcount month by month of every selected roster.
#[derive(Debug, Clone, Serialize)]
pub struct HeadcountTrend {
    /// One entry per roster.
    pub rosters: Vec<RosterTrend>,
}

/// One roster's months.
#[derive(Debug, Clone, Serialize)]
pub struct RosterTrend {
    /// Unit id.
    pub unit: String,
    /// Unit name.
    pub unit_name: String,
    /// One row per month, oldest first.
    pub months: Vec<MonthRow>,
}

/// One month of a roster: counted at its last day, joiners and leavers during it.
#[derive(Debug, Clone, Serialize)]
pub struct MonthRow {
    /// The month.
    pub period: Period,
    /// Its last day, the day counted.
    pub as_of: Date,
    /// Establishment (posts in the establishment).
    pub establishment: u64,
    /// People on staff.
    pub headcount: u64,
    /// Of them, in posts outside the establishment.
    pub outside_establishment: u64,
    /// People whose `since` falls in the month.
    pub joiners: u64,
    /// People whose `until` falls in the month.
    pub leavers: u64,
}

/// The day a roster is counted on when none is asked for: its `as_of`, else today.
pub fn default_day(roster: &Roster) -> Date {
    roster.as_of.as_ref().map_or_else(Date::today, |d| d.value)
}

/// Builds the headcount rollup: each selected roster on the last day of `options.period`,
/// else on its own `as_of`, else today.
pub fn rollup(index: &Index, options: &Options) -> HeadcountReport {
    rollup_on(index, options, options.period.map(Period::as_of))
}

/// Builds the headcount rollup with every selected roster counted on `day` (each roster's
/// [`default_day`] when `None`).
pub fn rollup_on(index: &Index, options: &Options, day: Option<Date>) -> HeadcountReport {
    let mut rosters: Vec<RosterHeadcount> = selected(index, options)
        .map(|r| roster_on(index, r, day.unwrap_or_else(|| default_day(r))))
        .collect();
    rosters.sort_by(|a, b| a.unit.cmp(&b.unit));
    HeadcountReport { rosters }
}

/// One unit's headcount report on `day` (its roster's [`default_day`] when `None`), from the
/// unit's own roster (not its sub-units'); `None` when the unit has no roster. The function
/// a consolidated report calls per unit.
pub fn unit_on(index: &Index, unit: &str, day: Option<Date>) -> Option<RosterHeadcount> {
    let roster = index.rosters.iter().find(|r| r.value.unit.value.as_str() == unit)?.value;
    Some(roster_on(index, roster, day.unwrap_or_else(|| default_day(roster))))
}

fn selected<'a>(index: &'a Index, options: &'a Options) -> impl Iterator<Item = &'a Roster> {
    index
        .rosters
        .iter()
        .filter(|r| options.selects(index, &r.value.unit.value.0, None))
        .map(|r| r.value)
}

/// Headcount at the end of every month from `from` to `to` (the first month of `from` to the
/// last of `to`), with joiners and leavers, of each selected roster.
pub fn trend(index: &Index, options: &Options, from: Period, to: Period) -> HeadcountTrend {
    let months = months_between(from, to);
    let mut rosters: Vec<RosterTrend> = selected(index, options)
        .map(|r| RosterTrend {
            unit: r.unit.value.0.clone(),
            unit_name: unit_name(index, &r.unit.value.0),
            months: months_of(r, &months),
        })
        .collect();
    rosters.sort_by(|a, b| a.unit.cmp(&b.unit));
    HeadcountTrend { rosters }
}

/// The months from the first month of `from` to the last month of `to`, in order; empty when
/// `to` ends before `from` starts.
pub fn months_between(from: Period, to: Period) -> Vec<Period> {
    let (first, _) = from.bounds();
    let (_, last) = to.bounds();
    let mut out = Vec::new();
    let mut month = first.month_period();
    while month.bounds().0 <= last {
        out.push(month);
        month = month.bounds().1.add_days(1).month_period();
    }
    out
}

/// The month of the earliest dated fact of a roster (a person's `since` or `until`, a change,
/// an acting assignment, a post's `since` or change); `None` when nothing is dated.
pub fn first_dated_month(roster: &Roster) -> Option<Period> {
    let people = roster.people.iter().flat_map(Person::change_days);
    let posts = roster.posts.iter().flat_map(|p| p.change_days());
    people.chain(posts).min().map(Date::month_period)
}

/// A roster's months: headcount and establishment at each month's end, joiners and leavers.
pub fn months_of(roster: &Roster, months: &[Period]) -> Vec<MonthRow> {
    months
        .iter()
        .map(|&period| {
            let day = period.as_of();
            let posts = post_rows(roster, day);
            let inside = |p: &&PostRow| p.in_establishment;
            let within = |d: Option<Date>| d.is_some_and(|d| period.contains(d));
            let people = roster.people.iter();
            MonthRow {
                period,
                as_of: day,
                establishment: posts.iter().filter(inside).map(|p| p.establishment).sum(),
                headcount: posts.iter().map(|p| p.headcount).sum(),
                outside_establishment: posts
                    .iter()
                    .filter(|p| !p.in_establishment)
                    .map(|p| p.headcount)
                    .sum(),
                joiners: people
                    .clone()
                    .filter(|p| within(p.since.as_ref().map(|s| s.value)))
                    .count() as u64,
                leavers: people.filter(|p| within(p.until.as_ref().map(|u| u.value))).count()
                    as u64,
            }
        })
        .collect()
}

/// Posts that exist on `day` or have people in it, with their counts.
fn post_rows(roster: &Roster, day: Date) -> Vec<PostRow> {
    let mut by_post: HashMap<&str, u64> = HashMap::new();
    let mut acting: HashMap<&str, u64> = HashMap::new();
    for p in roster.people.iter().filter(|p| p.employed_on(day)) {
        *by_post.entry(p.on(day).post.value.as_str()).or_default() += 1;
        for a in p.acting_on(day) {
            *acting.entry(a.post.value.as_str()).or_default() += 1;
        }
    }
    roster
        .posts
        .iter()
        .map(|post| {
            let id = post.id.value.as_str();
            let headcount = by_post.get(id).copied().unwrap_or(0);
            let establishment = u64::from(post.establishment_on(day));
            let row = PostRow {
                id: post.id.value.0.clone(),
                title: post.title.clone(),
                class: post.class.clone(),
                in_establishment: post.in_establishment,
                establishment,
                headcount,
                vacancies: establishment.saturating_sub(headcount),
                over: headcount.saturating_sub(establishment),
                acting: acting.get(id).copied().unwrap_or(0),
            };
            (post.exists_on(day) || headcount > 0 || row.acting > 0).then_some(row)
        })
        // A post listed twice counts once, as its first entry.
        .scan(std::collections::HashSet::new(), |seen, row| {
            Some(row.filter(|r| seen.insert(r.id.clone())))
        })
        .flatten()
        .collect()
}

/// One roster's headcount report on `day`.
pub fn roster_on(index: &Index, roster: &Roster, day: Date) -> RosterHeadcount {
    let staff: Vec<&Person> = roster.people.iter().filter(|p| p.employed_on(day)).collect();
    let merged_into: HashMap<&str, &str> = roster
        .regions
        .iter()
        .filter_map(|g| Some((g.id.value.as_str(), g.merged_into.as_ref()?.value.as_str())))
        .collect();
    // Counted once over the staff, then looked up: linear in people, posts and regions.
    let mut by_region: HashMap<&str, u64> = HashMap::new();
    for p in &staff {
        if let Some(r) = p.on(day).region {
            let r = r.value.as_str();
            *by_region.entry(r).or_default() += 1;
            // Someone in a merged region also counts under the region it was merged into.
            if let Some(into) = merged_into.get(r).filter(|into| **into != r) {
                *by_region.entry(into).or_default() += 1;
            }
        }
    }
    let mut includes: HashMap<&str, Vec<String>> = HashMap::new();
    for g in &roster.regions {
        if let Some(into) = &g.merged_into {
            includes.entry(into.value.as_str()).or_default().push(g.name.clone());
        }
    }
    let posts = post_rows(roster, day);
    let regions = roster
        .regions
        .iter()
        .filter(|g| g.merged_into.is_none())
        .map(|g| RegionRow {
            id: g.id.value.0.clone(),
            name: g.name.clone(),
            includes: includes.get(g.id.value.as_str()).cloned().unwrap_or_default(),
            headcount: by_region.get(g.id.value.as_str()).copied().unwrap_or(0),
        })
        .collect();
    let groups = groups(index, roster, &staff, &merged_into, day);
    let (span_of_control, depth) = reporting(&staff, day);
    let inside = |p: &&PostRow| p.in_establishment;
    let sum = |f: fn(&PostRow) -> u64, only_inside: bool| -> u64 {
        posts.iter().filter(|p| !only_inside || p.in_establishment).map(f).sum()
    };
    let outside: Vec<OutsiderRow> = roster
        .outside
        .iter()
        .map(|o| OutsiderRow {
            role: o.role.clone(),
            name: o.name.clone(),
            count: match (&o.count, &o.name) {
                (Some(c), _) => Some(u64::from(c.value)),
                (None, Some(_)) => Some(1),
                (None, None) => None,
            },
            region: o.region.as_ref().map(|r| r.value.0.clone()),
            paid_by: o.paid_by.clone(),
            note: o.note.clone(),
        })
        .collect();
    RosterHeadcount {
        unit: roster.unit.value.0.clone(),
        unit_name: unit_name(index, &roster.unit.value.0),
        as_of: day,
        establishment: sum(|p| p.establishment, true),
        headcount: sum(|p| p.headcount, false),
        outside_establishment: posts.iter().filter(|p| !inside(p)).map(|p| p.headcount).sum(),
        vacancies: sum(|p| p.vacancies, true),
        over: sum(|p| p.over, true),
        posts,
        regions,
        groups,
        acting: acting(&staff, day),
        outside_count: outside.iter().filter_map(|o| o.count).sum(),
        outside,
        span_of_control,
        depth,
        max_levels: index.ws.config.max_management_levels,
    }
}

/// Headcount by region group: a person counts in the group of their region, or of the region
/// it was merged into.
fn groups(
    index: &Index,
    roster: &Roster,
    staff: &[&Person],
    merged_into: &HashMap<&str, &str>,
    day: Date,
) -> Vec<GroupRow> {
    let mut group_of: HashMap<&str, usize> = HashMap::new();
    for (i, g) in roster.groups.iter().enumerate() {
        for r in &g.regions {
            group_of.entry(r.value.as_str()).or_insert(i);
        }
    }
    let mut counts = vec![0u64; roster.groups.len()];
    for p in staff {
        let Some(region) = p.on(day).region else { continue };
        let region = region.value.as_str();
        let into = merged_into.get(region).copied().unwrap_or(region);
        if let Some(&i) = group_of.get(into).or_else(|| group_of.get(region))
            && let Some(count) = counts.get_mut(i)
        {
            *count += 1;
        }
    }
    let region_name = |id: &str| {
        let found = roster.regions.iter().find(|r| r.id.value.as_str() == id);
        found.map_or_else(|| id.to_string(), |r| r.name.clone())
    };
    roster
        .groups
        .iter()
        .zip(counts)
        .map(|(g, headcount)| GroupRow {
            id: g.id.value.0.clone(),
            name: g.name.clone(),
            regions: g.regions.iter().map(|r| region_name(r.value.as_str())).collect(),
            manager: g.manager.as_ref().map(|m| m.value.0.clone()),
            manager_name: g
                .manager
                .as_ref()
                .and_then(|m| index.people.get(m.value.as_str()))
                .map(|(p, _)| p.name.clone()),
            headcount,
        })
        .collect()
}

fn acting(staff: &[&Person], day: Date) -> Vec<ActingRow> {
    staff
        .iter()
        .flat_map(|p| {
            p.acting_on(day).map(move |a| ActingRow {
                person: p.id.value.0.clone(),
                name: p.name.clone(),
                own_post: p.on(day).post.value.0.clone(),
                post: a.post.value.0.clone(),
                region: a.region.as_ref().map(|r| r.value.0.clone()),
                from: a.from.value,
                until: a.until.as_ref().map(|u| u.value),
            })
        })
        .collect()
}

/// Span of control and the deepest chain, from the reporting chains of the staff on `day`
/// (linear in their number, [`chains`]). A person listed twice counts once, as their first
/// entry.
fn reporting(staff: &[&Person], day: Date) -> (Vec<ManagerRow>, usize) {
    let mut number: HashMap<&str, usize> = HashMap::with_capacity(staff.len());
    for (i, p) in staff.iter().enumerate() {
        number.entry(p.id.value.as_str()).or_insert(i);
    }
    let mut direct = vec![0u64; staff.len()];
    let managers: Vec<Option<usize>> = staff
        .iter()
        .map(|p| {
            let m = p.on(day).reports_to.filter(|m| m.value != p.id.value)?;
            let m = *number.get(m.value.as_str())?;
            direct[m] += 1;
            Some(m)
        })
        .collect();
    let chains = chains(&managers);
    let below = chains.below(&managers);
    let mut rows: Vec<ManagerRow> = staff
        .iter()
        .enumerate()
        .filter(|&(i, p)| direct[i] > 0 && number[p.id.value.as_str()] == i)
        .map(|(i, p)| ManagerRow {
            id: p.id.value.0.clone(),
            name: p.name.clone(),
            post: p.on(day).post.value.0.clone(),
            direct_reports: direct[i],
            total_reports: below[i] as u64,
        })
        .collect();
    rows.sort_by(|a, b| b.total_reports.cmp(&a.total_reports).then(a.id.cmp(&b.id)));
    (rows, chains.depth.iter().copied().max().unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn month(text: &str) -> Period {
        text.parse().expect("period")
    }

    #[test]
    fn months_between_spans_whole_periods() {
        let months = months_between(month("2026-11"), month("2027-Q1"));
        let text: Vec<String> = months.iter().map(ToString::to_string).collect();
        assert_eq!(text, ["2026-11", "2026-12", "2027-01", "2027-02", "2027-03"]);
        assert!(months_between(month("2027-01"), month("2026-12")).is_empty());
        assert_eq!(months_between(month("2026"), month("2026")).len(), 12);
    }
}
