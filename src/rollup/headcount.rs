//! The headcount rollup: people against authorised establishment by post and region,
//! vacancies, span of control and management depth.

use std::collections::HashMap;

use serde::Serialize;

use crate::index::Index;
use crate::model::chain::chains;
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
    let staff: Vec<_> =
        roster.people.iter().filter(|p| as_of.is_none_or(|d| p.employed_on(d))).collect();
    // Counted once over the staff, then looked up: linear in people, posts and regions.
    let mut by_post: HashMap<&str, u64> = HashMap::new();
    let mut by_region: HashMap<&str, u64> = HashMap::new();
    let merged_into: HashMap<&str, &str> = roster
        .regions
        .iter()
        .filter_map(|g| Some((g.id.value.as_str(), g.merged_into.as_ref()?.value.as_str())))
        .collect();
    for p in &staff {
        *by_post.entry(p.post.value.as_str()).or_default() += 1;
        if let Some(r) = &p.region {
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
    let posts: Vec<PostRow> = roster
        .posts
        .iter()
        .map(|post| {
            let headcount = by_post.get(post.id.value.as_str()).copied().unwrap_or(0);
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
            includes: includes.get(g.id.value.as_str()).cloned().unwrap_or_default(),
            headcount: by_region.get(g.id.value.as_str()).copied().unwrap_or(0),
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

/// Span of control and the deepest chain, from the reporting chains of the staff (linear in
/// their number, [`chains`]). A person listed twice counts once, as their first entry.
fn reporting(staff: &[&crate::model::roster::Person]) -> (Vec<ManagerRow>, usize) {
    let mut number: HashMap<&str, usize> = HashMap::with_capacity(staff.len());
    for (i, p) in staff.iter().enumerate() {
        number.entry(p.id.value.as_str()).or_insert(i);
    }
    let mut direct = vec![0u64; staff.len()];
    let managers: Vec<Option<usize>> = staff
        .iter()
        .map(|p| {
            let m = p.reports_to.as_ref().filter(|m| m.value != p.id.value)?;
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
            post: p.post.value.0.clone(),
            direct_reports: direct[i],
            total_reports: below[i] as u64,
        })
        .collect();
    rows.sort_by(|a, b| b.total_reports.cmp(&a.total_reports).then(a.id.cmp(&b.id)));
    (rows, chains.depth.iter().copied().max().unwrap_or(0))
}
