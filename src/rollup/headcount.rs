//! The headcount rollup: people against authorised establishment by post and region,
//! vacancies, span of control and management depth.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::index::{Index, is_active};
use crate::model::period::Date;
use crate::rollup::{Options, unit_name};

/// Headcount of every selected roster.
#[derive(Debug, Clone, Serialize)]
pub struct HeadcountReport {
    /// One entry per roster.
    pub rosters: Vec<RosterHeadcount>,
}

/// One roster's headcount.
#[derive(Debug, Clone, Serialize)]
pub struct RosterHeadcount {
    /// Unit id.
    pub unit: String,
    /// Unit name.
    pub unit_name: String,
    /// The day the roster describes.
    pub as_of: Option<Date>,
    /// By post.
    pub posts: Vec<PostRow>,
    /// By region (merged regions are counted under the region they were merged into).
    pub regions: Vec<RegionRow>,
    /// Sum of establishments.
    pub establishment: u64,
    /// People on staff.
    pub headcount: u64,
    /// Unfilled places.
    pub vacancies: u64,
    /// People beyond establishment.
    pub over: u64,
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
    /// Authorised.
    pub establishment: u64,
    /// On staff.
    pub headcount: u64,
    /// Unfilled.
    pub vacancies: u64,
    /// Beyond establishment.
    pub over: u64,
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

/// A manager's span of control.
#[derive(Debug, Clone, Serialize)]
pub struct ManagerRow {
    /// Person id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Post title.
    pub post: String,
    /// Direct reports.
    pub direct_reports: u64,
    /// Everyone below them.
    pub total_reports: u64,
}

/// Builds the headcount rollup.
pub fn rollup(index: &Index, options: &Options) -> HeadcountReport {
    let mut rosters: Vec<RosterHeadcount> = index
        .rosters
        .iter()
        .filter(|r| options.selects(index, &r.value.unit.value.0, None))
        .map(|r| summarise(index, r.value))
        .collect();
    rosters.sort_by(|a, b| a.unit.cmp(&b.unit));
    HeadcountReport { rosters }
}

fn summarise(index: &Index, roster: &crate::model::Roster) -> RosterHeadcount {
    let as_of = roster.as_of.as_ref().map(|d| d.value);
    let staff: Vec<_> = roster.people.iter().filter(|p| is_active(p, as_of)).collect();
    let posts: Vec<PostRow> = roster
        .posts
        .iter()
        .map(|post| {
            let headcount = staff.iter().filter(|p| p.post.value == post.id.value).count() as u64;
            let establishment = u64::from(post.establishment.value);
            PostRow {
                id: post.id.value.0.clone(),
                title: post.title.clone(),
                class: post.class.clone(),
                establishment,
                headcount,
                vacancies: establishment.saturating_sub(headcount),
                over: headcount.saturating_sub(establishment),
            }
        })
        .collect();
    let regions = roster
        .regions
        .iter()
        .filter(|g| g.merged_into.is_none())
        .map(|g| RegionRow {
            id: g.id.value.0.clone(),
            name: g.name.clone(),
            includes: roster
                .regions
                .iter()
                .filter(|m| m.merged_into.as_ref().is_some_and(|i| i.value == g.id.value))
                .map(|m| m.name.clone())
                .collect(),
            headcount: staff
                .iter()
                .filter(|p| {
                    p.region.as_ref().is_some_and(|r| {
                        r.value == g.id.value
                            || roster.regions.iter().any(|m| {
                                m.id.value == r.value
                                    && m.merged_into.as_ref().is_some_and(|i| i.value == g.id.value)
                            })
                    })
                })
                .count() as u64,
        })
        .collect();
    let (span_of_control, depth) = reporting(&staff);
    RosterHeadcount {
        unit: roster.unit.value.0.clone(),
        unit_name: unit_name(index, &roster.unit.value.0),
        as_of,
        establishment: posts.iter().map(|p| p.establishment).sum(),
        headcount: posts.iter().map(|p| p.headcount).sum(),
        vacancies: posts.iter().map(|p| p.vacancies).sum(),
        over: posts.iter().map(|p| p.over).sum(),
        posts,
        regions,
        span_of_control,
        depth,
        max_levels: index.ws.config.max_management_levels,
    }
}

fn reporting(staff: &[&crate::model::roster::Person]) -> (Vec<ManagerRow>, usize) {
    let mut reports: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for p in staff {
        if let Some(m) = &p.reports_to
            && m.value != p.id.value
        {
            reports.entry(m.value.as_str()).or_default().push(p.id.value.as_str());
        }
    }
    let below = |id: &str| {
        let (mut seen, mut stack) = (Vec::new(), vec![id]);
        while let Some(x) = stack.pop() {
            for r in reports.get(x).into_iter().flatten() {
                if !seen.contains(r) && *r != id {
                    seen.push(*r);
                    stack.push(r);
                }
            }
        }
        seen.len() as u64
    };
    let mut rows: Vec<ManagerRow> = staff
        .iter()
        .filter(|p| reports.contains_key(p.id.value.as_str()))
        .map(|p| ManagerRow {
            id: p.id.value.0.clone(),
            name: p.name.clone(),
            post: p.post.value.0.clone(),
            direct_reports: reports[p.id.value.as_str()].len() as u64,
            total_reports: below(p.id.value.as_str()),
        })
        .collect();
    rows.sort_by(|a, b| b.total_reports.cmp(&a.total_reports).then(a.id.cmp(&b.id)));
    let depth = staff
        .iter()
        .map(|p| {
            let (mut level, mut current) = (1, *p);
            while let Some(up) = current.reports_to.as_ref().and_then(|m| {
                staff.iter().find(|s| s.id.value == m.value && s.id.value != current.id.value)
            }) {
                level += 1;
                current = up;
                if level > staff.len() {
                    break;
                }
            }
            level
        })
        .max()
        .unwrap_or(0);
    (rows, depth)
}
