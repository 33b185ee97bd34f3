//! Rules about how a unit is organised beyond its posts and people: region groups (大区) and
//! the regions and groups documents name, acting assignments (代理, 兼任), and the people who
//! work for the unit without being on its roster (`outside:`).
//!
//! People are read as of the day that matters through `model::dating`: a group's manager on
//! the roster's `as_of`, a person's own post on each day an acting assignment covers.

use std::collections::HashMap;

use crate::diag::suggest::Names;
use crate::diag::{Diagnostic, rules};
use crate::i18n::msg;
use crate::index::Index;
use crate::model::Kind;
use crate::model::ids::RegionId;
use crate::model::roster::{Acting, Person, Region, RegionGroup, Roster};
use crate::source::{Span, Spanned};

use super::roster::{unknown, unknown_among};

/// `roster.unknown-region`, `roster.region-in-two-groups`, `roster.duplicate-region`,
/// `roster.merged-region`, `roster.unknown-manager` and `roster.group-manager` for the
/// `groups:` of every roster.
pub fn check_groups(ix: &Index, out: &mut Vec<Diagnostic>) {
    for roster in &ix.rosters {
        let r = roster.value;
        let regions: HashMap<&str, &Region> =
            r.regions.iter().rev().map(|g| (g.id.value.as_str(), g)).collect();
        let mut ids: HashMap<&str, Span> = HashMap::new();
        // The group each region is in (the first that lists it), and where it lists it.
        let mut member: HashMap<&str, (&RegionGroup, Span)> = HashMap::new();
        for group in &r.groups {
            let id = group.id.value.as_str();
            if let Some(region) = regions.get(id) {
                out.push(
                    Diagnostic::new(
                        &rules::ROSTER_DUPLICATE_REGION,
                        msg!("org-group-is-region", id = id),
                        group.id.span,
                    )
                    .related(region.id.span, msg!("org-region-defined-here"))
                    .help(msg!("org-group-is-region-help")),
                );
            } else if let Some(first) = ids.insert(id, group.id.span) {
                out.push(
                    Diagnostic::new(
                        &rules::ROSTER_DUPLICATE_REGION,
                        msg!("org-group-twice", id = id),
                        group.id.span,
                    )
                    .related(first, msg!("roster-first-defined-here")),
                );
                ids.insert(id, first);
            }
            for at in &group.regions {
                let region = at.value.as_str();
                if !regions.contains_key(region) {
                    if !ix.dropped_in(roster.doc, "regions", region) {
                        let known = r.regions.iter().map(|g| g.id.value.as_str());
                        out.push(unknown(
                            &rules::ROSTER_UNKNOWN_REGION,
                            msg!("noun-region"),
                            region,
                            at.span,
                            known,
                        ));
                    }
                    continue;
                }
                match member.get(region) {
                    None => {
                        member.insert(region, (group, at.span));
                    }
                    Some((first, _)) if std::ptr::eq(*first, group) => {} // listed twice
                    Some((first, span)) => out.push(
                        Diagnostic::new(
                            &rules::ROSTER_REGION_IN_TWO_GROUPS,
                            msg!(
                                "org-region-in-two-groups",
                                region = region,
                                group = id,
                                first = first.id.value.as_str()
                            ),
                            at.span,
                        )
                        .related(
                            *span,
                            msg!("org-region-first-group", group = first.id.value.as_str()),
                        )
                        .help(msg!("org-region-in-two-groups-help")),
                    ),
                }
            }
        }
        for group in &r.groups {
            merged_members(group, &regions, &member, out);
            group_manager(ix, roster.doc, r, group, out);
        }
    }
}

/// `roster.merged-region`: a group lists a region merged into another (鹤壁 into 安阳) while
/// the region it counts under is in another group, or in none. Listing both in one group
/// (安鹤濮) is what the seed does, and fine.
fn merged_members(
    group: &RegionGroup,
    regions: &HashMap<&str, &Region>,
    member: &HashMap<&str, (&RegionGroup, Span)>,
    out: &mut Vec<Diagnostic>,
) {
    for at in &group.regions {
        let Some(region) = regions.get(at.value.as_str()) else { continue };
        let Some(into) = &region.merged_into else { continue };
        if !regions.contains_key(into.value.as_str()) {
            continue; // reported as an unknown region by the roster's own rules
        }
        let (id, into_id) = (group.id.value.as_str(), into.value.as_str());
        let help = match member.get(into_id) {
            Some((other, _)) if std::ptr::eq(*other, group) => continue,
            Some((other, _)) => msg!(
                "org-merged-member-help-other",
                region = at.value.as_str(),
                into = into_id,
                other = other.id.value.as_str()
            ),
            None => {
                msg!(
                    "org-merged-member-help-none",
                    region = at.value.as_str(),
                    into = into_id,
                    group = id
                )
            }
        };
        out.push(
            Diagnostic::new(
                &rules::ROSTER_MERGED_REGION,
                msg!("org-merged-member", group = id, region = at.value.as_str(), into = into_id),
                at.span,
            )
            .related(into.span, msg!("roster-merged-here", name = &region.name, into = into_id))
            .help(help),
        );
    }
}

/// `roster.unknown-manager` and `roster.group-manager` for one group's `manager`.
fn group_manager(
    ix: &Index,
    doc: &crate::model::Document,
    roster: &Roster,
    group: &RegionGroup,
    out: &mut Vec<Diagnostic>,
) {
    let Some(manager) = &group.manager else { return };
    let (id, group_id) = (manager.value.as_str(), group.id.value.as_str());
    let Some((person, on)) = ix.people.get(id) else {
        if ix.dropped(Kind::Roster, "people", id) {
            return; // the person's entry has errors, reported there
        }
        if let Some(gap) = ix.roster_gap_anywhere() {
            ix.not_checked(gap, doc, manager.span);
            return;
        }
        let known = Names::new(ix.people.keys().copied());
        let diag = unknown_among(
            &rules::ROSTER_UNKNOWN_MANAGER,
            msg!("noun-person"),
            id,
            manager.span,
            &known,
            None,
        );
        let message = msg!("org-unknown-group-manager", group = group_id, manager = id);
        out.push(Diagnostic { message, ..diag });
        return;
    };
    let unit = roster.unit.value.as_str();
    let (name, span) = (person.name.as_str(), manager.span);
    if !ix.person_in_unit(id, unit) {
        let message = msg!(
            "org-group-manager-elsewhere",
            group = group_id,
            name = name,
            manager = id,
            unit = on.value.unit.value.as_str()
        );
        out.push(
            Diagnostic::new(&rules::ROSTER_GROUP_MANAGER, message, span)
                .related(person.id.span, msg!("org-manager-is-here"))
                .help(msg!("org-group-manager-elsewhere-help", unit = unit)),
        );
        return;
    }
    let Some(as_of) = &roster.as_of else { return };
    if person.employed_on(as_of.value) {
        return;
    }
    let day = as_of.value.to_string();
    let message =
        msg!("org-group-manager-gone", group = group_id, name = name, manager = id, day = &day);
    let dates = person.until.as_ref().or(person.since.as_ref()).map_or(person.id.span, |d| d.span);
    out.push(
        Diagnostic::new(&rules::ROSTER_GROUP_MANAGER, message, span)
            .related(dates, msg!("org-manager-dates"))
            .help(msg!("org-group-manager-gone-help", day = day)),
    );
}

/// `document.unknown-region`: a target's or an actual's `region` is a region or a group of a
/// roster of the document's unit.
pub fn check_document_regions(ix: &Index, out: &mut Vec<Diagnostic>) {
    let check = |doc: &crate::model::Document, unit: &str, at: &Spanned<RegionId>| {
        let rosters = ix.rosters_of(unit);
        let known = || {
            rosters.iter().flat_map(|r| {
                let regions = r.value.regions.iter().map(|g| g.id.value.as_str());
                regions.chain(r.value.groups.iter().map(|g| g.id.value.as_str()))
            })
        };
        let id = at.value.as_str();
        if known().any(|k| k == id) {
            return None;
        }
        if let Some(gap) = ix.roster_gap(unit) {
            ix.not_checked(gap, doc, at.span);
            return None;
        }
        if rosters.is_empty()
            || ix.dropped(Kind::Roster, "regions", id)
            || ix.dropped(Kind::Roster, "groups", id)
        {
            return None; // nothing to check against, or the entry has errors of its own
        }
        let what = msg!("noun-region");
        Some(unknown(&rules::DOCUMENT_UNKNOWN_REGION, what, id, at.span, known()))
    };
    for (plan, _) in &ix.plans {
        let unit = plan.value.unit.value.as_str();
        let regions = plan.value.targets.iter().filter_map(|t| t.region.as_ref());
        out.extend(regions.filter_map(|at| check(plan.doc, unit, at)));
    }
    for (review, _) in &ix.reviews {
        let unit = review.value.unit.value.as_str();
        let regions = review.value.actuals.iter().filter_map(|a| a.region.as_ref());
        out.extend(regions.filter_map(|at| check(review.doc, unit, at)));
    }
}

/// `roster.unknown-post` and `roster.unknown-region` for acting assignments,
/// `roster.acting-own-post`, `roster.acting-overlap`, and `roster.dates` for an assignment
/// outside the person's time on the roster.
pub fn check_acting(ix: &Index, out: &mut Vec<Diagnostic>) {
    for roster in &ix.rosters {
        let r = roster.value;
        let post_ids = || r.posts.iter().map(|p| p.id.value.as_str());
        for person in &r.people {
            for (i, acting) in person.acting.iter().enumerate() {
                let post = acting.post.value.as_str();
                if post_ids().any(|p| p == post) {
                    out.extend(own_post(person, acting));
                } else if !ix.dropped_in(roster.doc, "posts", post) {
                    let what = msg!("noun-post");
                    out.push(unknown(
                        &rules::ROSTER_UNKNOWN_POST,
                        what,
                        post,
                        acting.post.span,
                        post_ids(),
                    ));
                }
                if let Some(at) = &acting.region {
                    out.extend(unknown_region(ix, roster.doc, r, at));
                }
                let earlier = person
                    .acting
                    .iter()
                    .take(i)
                    .find(|b| b.post.value == acting.post.value && overlap(acting, b));
                if let Some(earlier) = earlier {
                    let message = msg!("org-acting-overlap", name = &person.name, post = post);
                    out.push(
                        Diagnostic::new(&rules::ROSTER_ACTING_OVERLAP, message, acting.from.span)
                            .related(earlier.from.span, msg!("org-acting-earlier"))
                            .help(msg!("org-acting-overlap-help")),
                    );
                }
                out.extend(acting_dates(person, acting));
            }
        }
    }
}

/// Whether two acting assignments share a day.
fn overlap(a: &Acting, b: &Acting) -> bool {
    let ends_after = |x: &Acting, day| x.until.as_ref().is_none_or(|u| day <= u.value);
    ends_after(a, b.from.value) && ends_after(b, a.from.value)
}

/// `roster.acting-own-post`: on a day the assignment covers, the person's own post is the
/// post they act in. Their post changes only on `changes` days, so those and the first day
/// are the days to ask.
fn own_post(person: &Person, acting: &Acting) -> Option<Diagnostic> {
    let changes = person.changes.iter().map(|c| c.from.value).filter(|d| acting.covers(*d));
    let day = std::iter::once(acting.from.value)
        .chain(changes)
        .filter(|d| person.employed_on(*d))
        .find(|d| person.on(*d).post.value == acting.post.value)?;
    let own = person.on(day).post.span;
    let message = msg!(
        "org-acting-own-post",
        name = &person.name,
        post = acting.post.value.as_str(),
        day = day.to_string()
    );
    Some(
        Diagnostic::new(&rules::ROSTER_ACTING_OWN_POST, message, acting.post.span)
            .related(own, msg!("org-own-post-here"))
            .help(msg!("org-acting-own-post-help")),
    )
}

/// `roster.dates` for an acting assignment: it ends before it starts, starts before the
/// person joins or after they leave, or ends after they leave.
fn acting_dates(person: &Person, acting: &Acting) -> Option<Diagnostic> {
    let (name, post) = (person.name.as_str(), acting.post.value.as_str());
    let from = acting.from.value.to_string();
    let (message, span, related) = match (&acting.until, &person.since, &person.until) {
        (Some(end), ..) if end.value < acting.from.value => {
            let m = msg!(
                "org-acting-reversed",
                name = name,
                post = post,
                from = &from,
                until = end.value.to_string()
            );
            (m, end.span, None)
        }
        (_, Some(since), _) if acting.from.value < since.value => {
            let m = msg!(
                "org-acting-before",
                name = name,
                post = post,
                from = &from,
                since = since.value.to_string()
            );
            (m, acting.from.span, Some(since.span))
        }
        (_, _, Some(left)) if left.value < acting.from.value => {
            let m = msg!(
                "org-acting-after",
                name = name,
                post = post,
                from = &from,
                until = left.value.to_string()
            );
            (m, acting.from.span, Some(left.span))
        }
        (Some(end), _, Some(left)) if left.value < end.value => {
            let m =
                msg!("org-acting-past", name = name, post = post, until = left.value.to_string());
            (m, end.span, Some(left.span))
        }
        _ => return None,
    };
    let diag = Diagnostic::new(&rules::ROSTER_DATES, message, span);
    Some(match related {
        Some(at) => diag.related(at, msg!("org-person-dates")),
        None => diag,
    })
}

/// `roster.unknown-region` for a region that may also be a group of the roster (an acting
/// assignment's or an outsider's).
fn unknown_region(
    ix: &Index,
    doc: &crate::model::Document,
    roster: &Roster,
    at: &Spanned<RegionId>,
) -> Option<Diagnostic> {
    let known = || {
        let regions = roster.regions.iter().map(|g| g.id.value.as_str());
        regions.chain(roster.groups.iter().map(|g| g.id.value.as_str()))
    };
    let id = at.value.as_str();
    if known().any(|k| k == id)
        || ix.dropped_in(doc, "regions", id)
        || ix.dropped_in(doc, "groups", id)
    {
        return None;
    }
    Some(unknown(&rules::ROSTER_UNKNOWN_REGION, msg!("noun-region"), id, at.span, known()))
}

/// `roster.unknown-region` and `roster.outside-empty` for the `outside:` entries.
pub fn check_outside(ix: &Index, out: &mut Vec<Diagnostic>) {
    for roster in &ix.rosters {
        for outsider in &roster.value.outside {
            if let Some(at) = &outsider.region {
                out.extend(unknown_region(ix, roster.doc, roster.value, at));
            }
            if let Some(count) = outsider.count.as_ref().filter(|c| c.value == 0) {
                out.push(
                    Diagnostic::new(
                        &rules::ROSTER_OUTSIDE_EMPTY,
                        msg!("org-outside-empty", role = &outsider.role),
                        count.span,
                    )
                    .help(msg!("org-outside-empty-help")),
                );
            }
        }
    }
}
