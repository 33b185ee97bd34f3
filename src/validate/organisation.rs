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
        let known = || rosters.iter().flat_map(|r| r.value.places().map(|(p, _)| p.as_str()));
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
    let known = || roster.places().map(|(p, _)| p.as_str());
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::tests::{
        chinese, english, help, owned, plan, report, review, roster, run,
    };

    const REGIONS: &str = "regions:
  - { id: anyang, name: 安阳 }
  - { id: hebi, name: 鹤壁, merged_into: anyang }
  - { id: puyang, name: 濮阳 }
  - { id: zhengzhou, name: 郑州 }
  - { id: luoyang, name: 洛阳 }
";

    fn groups(people: &str, groups: &str) -> String {
        roster(&format!(
            "as_of: 2026-12-01\nposts:\n  - {{ id: rm, title: 大区经理, establishment: 2 }}
{REGIONS}people:\n{people}groups:\n{groups}"
        ))
    }

    const PEOPLE: &str = "  - { id: p1, name: 李志强, post: rm }
  - { id: p2, name: 刘建军, post: rm, until: 2026-11-30 }
";

    #[test]
    fn the_seeds_groups_are_clean() {
        let text = groups(
            PEOPLE,
            "  - { id: ahp, name: 安鹤濮大区, regions: [anyang, hebi, puyang], manager: p1 }
  - { id: zheng, name: 郑大区, regions: [zhengzhou] }\n",
        );
        assert_eq!(report(check_groups, &[("r.yaml", &text)]), Vec::<String>::new());
    }

    #[test]
    fn groups_name_known_regions_once_and_a_manager_on_staff() {
        let text = groups(
            PEOPLE,
            "  - { id: ahp, name: 安鹤濮, regions: [anyng, anyang, puyang], manager: p2 }
  - { id: zheng, name: 郑, regions: [zhengzhou, puyang, hebi], manager: p9 }
  - { id: anyang, name: 重名, regions: [luoyang] }\n",
        );
        let found = run(check_groups, &[("r.yaml", &text)]);
        assert_eq!(
            english(&found, help),
            owned(&[
                ("roster.unknown-region", "unknown region `anyng`", Some("did you mean `anyang`?")),
                (
                    "roster.region-in-two-groups",
                    "region `puyang` of group `zheng` is already in group `ahp`",
                    Some("a region belongs to one group: remove it from one of them")
                ),
                (
                    "roster.duplicate-region",
                    "group `anyang` has the id of a region",
                    Some("group ids share the region namespace: give the group an id of its own")
                ),
                (
                    "roster.group-manager",
                    "group `ahp` is managed by 刘建军 (`p2`), who is not on staff on 2026-12-01",
                    Some(
                        "name the group's manager on 2026-12-01, or correct their `since` or \
                          `until`"
                    )
                ),
                (
                    "roster.merged-region",
                    "group `zheng` lists `hebi`, which is counted under `anyang`",
                    Some("`anyang` is in group `ahp`: move `hebi` there too, or leave it out")
                ),
                (
                    "roster.unknown-manager",
                    "group `zheng` is managed by `p9`, who is on no roster",
                    Some("the known person ids are `p1`, `p2`")
                ),
            ])
        );
        let zh: Vec<String> = found.iter().map(chinese).collect();
        assert_eq!(
            zh[1],
            [
                "大区 `zheng` 中的地区 `puyang` 已属于大区 `ahp`",
                "已在此列入大区 `ahp`",
                "一个地区只能属于一个大区：请从其中一个大区中删去",
            ]
            .join("\n")
        );
        zh.iter().for_each(|t| crate::validate::tests::assert_reads_chinese(t));
    }

    #[test]
    fn a_manager_of_another_unit_is_reported() {
        let other = "kind: roster\nunit: zhengzhou\nregions:\n  - { id: erqi, name: 二七区 }
groups:\n  - { id: west, name: 西区, regions: [erqi], manager: p1 }\n";
        let text =
            groups(PEOPLE, "  - { id: ahp, name: 安鹤濮, regions: [anyang], manager: p1 }\n");
        let found = report(check_groups, &[("r.yaml", &text), ("z.yaml", other)]);
        assert_eq!(
            found,
            ["roster.group-manager: group `west` is managed by 李志强 (`p1`), \
                 who is on the roster of unit `henan`"]
        );
    }

    #[test]
    fn targets_and_actuals_name_regions_or_groups_of_the_units_roster() {
        let text = groups(PEOPLE, "  - { id: ahp, name: 安鹤濮, regions: [anyang] }\n");
        let p = plan(
            "targets:\n  - { kpi: units, target: 1, region: ahp }
  - { kpi: units, target: 1, region: anyang }\n  - { kpi: units, target: 1, region: ahq }\n",
        );
        let v = review("actuals:\n  - { kpi: units, actual: 1, region: zhengzhuo }\n");
        let list = [("r.yaml", text.as_str()), ("p.md", &p), ("v.md", &v)];
        assert_eq!(
            english(&run(check_document_regions, &list), help),
            owned(&[
                ("document.unknown-region", "unknown region `ahq`", Some("did you mean `ahp`?")),
                (
                    "document.unknown-region",
                    "unknown region `zhengzhuo`",
                    Some("did you mean `zhengzhou`?")
                ),
            ])
        );
        let alone = [("p.md", p.as_str())];
        assert!(report(check_document_regions, &alone).is_empty(), "no roster, nothing to check");
    }

    #[test]
    fn acting_assignments() {
        let text = roster(
            "posts:\n  - { id: rep, title: 业务员, establishment: 2 }
  - { id: rm, title: 大区经理, establishment: 1 }\nregions:\n  - { id: anyang, name: 安阳 }
groups:\n  - { id: ahp, name: 安鹤濮, regions: [anyang] }
people:
  - id: p1
    name: 甲
    post: rep
    since: 2026-01-01
    changes:\n      - { from: 2026-10-15, post: rm }
    acting:
      - { post: rm, region: ahp, from: 2026-09-01, until: 2026-10-31 }
      - { post: rm, from: 2026-10-01, until: 2026-10-10 }
      - { post: boss, from: 2026-11-01 }
  - id: p2
    name: 乙
    post: rep
    since: 2026-03-01
    until: 2026-06-30
    acting:
      - { post: rm, from: 2026-02-01, until: 2026-03-31, region: anyan }
      - { post: rm, from: 2026-07-01 }
      - { post: rm, from: 2026-05-01, until: 2026-04-01 }
      - { post: rm, from: 2026-06-01, until: 2026-07-31 }\n",
        );
        let found = run(check_acting, &[("r.yaml", &text)]);
        let rules: Vec<&str> = found.iter().map(|d| d.rule.id).collect();
        assert_eq!(
            found.iter().map(|d| d.message.en()).collect::<Vec<_>>(),
            [
                "甲 acts in `rm`, which is their own post on 2026-10-15",
                "甲 acts in `rm` twice on the same days",
                "unknown post `boss`",
                "unknown region `anyan`",
                "乙 acts in `rm` from 2026-02-01, before joining on 2026-03-01",
                "乙 acts in `rm` from 2026-07-01, after leaving on 2026-06-30",
                "乙's acting in `rm` ends on 2026-04-01, before it starts on 2026-05-01",
                "乙 acts in `rm` twice on the same days",
                "乙's acting in `rm` goes on after their last day, 2026-06-30",
            ],
            "{rules:?}"
        );
        assert_eq!(
            rules,
            [
                "roster.acting-own-post",
                "roster.acting-overlap",
                "roster.unknown-post",
                "roster.unknown-region",
                "roster.dates",
                "roster.dates",
                "roster.dates",
                "roster.acting-overlap",
                "roster.dates",
            ]
        );
        for d in &found {
            crate::validate::tests::assert_reads_chinese(&chinese(d));
        }
    }

    #[test]
    fn outside_staff() {
        let text = roster(
            "regions:\n  - { id: anyang, name: 安阳 }\noutside:
  - { role: 兼职促销员, count: 40, region: anyang, paid_by: 店员奖 }
  - { role: 厂家促销员, count: 0, region: anyng }\n  - { role: 保洁, name: 张阿姨 }\n",
        );
        let found = run(check_outside, &[("r.yaml", &text)]);
        assert_eq!(
            english(&found, help),
            owned(&[
                ("roster.unknown-region", "unknown region `anyng`", Some("did you mean `anyang`?")),
                (
                    "roster.outside-empty",
                    "`厂家促销员`: a count of 0 lists nobody",
                    Some("give how many there are, or remove the entry")
                ),
            ])
        );
    }
}
