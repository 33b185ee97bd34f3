//! Rules about rosters: ids, posts, regions, reporting lines and establishment.

use std::collections::HashMap;

use crate::diag::{Diagnostic, count, rules};
use crate::index::{Index, is_active};
use crate::schema::check::did_you_mean;
use crate::source::Span;

/// `roster.duplicate-person` (across all rosters), `roster.duplicate-post`,
/// `roster.duplicate-region`.
pub fn check_duplicates(ix: &Index, out: &mut Vec<Diagnostic>) {
    let mut people: HashMap<&str, Span> = HashMap::new();
    for roster in &ix.rosters {
        for person in &roster.value.people {
            if let Some(first) = people.insert(person.id.value.as_str(), person.id.span) {
                out.push(
                    Diagnostic::new(
                        &rules::ROSTER_DUPLICATE_PERSON,
                        format!("person id `{}` is used twice", person.id.value),
                        person.id.span,
                    )
                    .related(first, "first used here")
                    .help("give each person their own id"),
                );
                people.insert(person.id.value.as_str(), first);
            }
        }
        let mut posts = HashMap::new();
        for post in &roster.value.posts {
            if let Some(first) = posts.insert(post.id.value.as_str(), post.id.span) {
                out.push(
                    Diagnostic::new(
                        &rules::ROSTER_DUPLICATE_POST,
                        format!("post `{}` is defined twice", post.id.value),
                        post.id.span,
                    )
                    .related(first, "first defined here"),
                );
            }
        }
        let mut regions = HashMap::new();
        for region in &roster.value.regions {
            if let Some(first) = regions.insert(region.id.value.as_str(), region.id.span) {
                out.push(
                    Diagnostic::new(
                        &rules::ROSTER_DUPLICATE_REGION,
                        format!("region `{}` is defined twice", region.id.value),
                        region.id.span,
                    )
                    .related(first, "first defined here"),
                );
            }
        }
    }
}

/// `roster.unknown-post`, `roster.unknown-region`, `roster.merged-region`.
pub fn check_posts_and_regions(ix: &Index, out: &mut Vec<Diagnostic>) {
    for roster in &ix.rosters {
        let r = roster.value;
        let post_ids = || r.posts.iter().map(|p| p.id.value.as_str());
        let region = |id: &str| r.regions.iter().find(|g| g.id.value.as_str() == id);
        for post in &r.posts {
            if let Some(up) = &post.reports_to
                && !post_ids().any(|p| p == up.value.as_str())
            {
                out.push(unknown(
                    &rules::ROSTER_UNKNOWN_POST,
                    "post",
                    up.value.as_str(),
                    up.span,
                    post_ids().filter(|p| *p != post.id.value.as_str()),
                ));
            }
        }
        for g in &r.regions {
            if let Some(into) = &g.merged_into
                && region(into.value.as_str()).is_none()
            {
                out.push(unknown(
                    &rules::ROSTER_UNKNOWN_REGION,
                    "region",
                    into.value.as_str(),
                    into.span,
                    r.regions
                        .iter()
                        .map(|g| g.id.value.as_str())
                        .filter(|id| *id != g.id.value.as_str()),
                ));
            }
        }
        for person in &r.people {
            if !post_ids().any(|p| p == person.post.value.as_str()) {
                out.push(unknown(
                    &rules::ROSTER_UNKNOWN_POST,
                    "post",
                    person.post.value.as_str(),
                    person.post.span,
                    post_ids(),
                ));
            }
            let Some(at) = &person.region else { continue };
            match region(at.value.as_str()) {
                None => out.push(unknown(
                    &rules::ROSTER_UNKNOWN_REGION,
                    "region",
                    at.value.as_str(),
                    at.span,
                    r.regions.iter().map(|g| g.id.value.as_str()),
                )),
                Some(g) => {
                    if let Some(into) = &g.merged_into {
                        out.push(
                            Diagnostic::new(
                                &rules::ROSTER_MERGED_REGION,
                                format!(
                                    "{} is assigned to `{}`, which is counted under `{}`",
                                    person.name, at.value, into.value
                                ),
                                at.span,
                            )
                            .related(
                                into.span,
                                format!("`{}` is merged into `{}` here", g.name, into.value),
                            )
                            .help(format!("assign {} to `{}`", person.name, into.value)),
                        );
                    }
                }
            }
        }
    }
}

/// A "`kind` `id` is not on the roster" diagnostic with a suggestion.
pub fn unknown<'a>(
    rule: &'static crate::diag::Rule,
    what: &str,
    id: &str,
    span: Span,
    known: impl Iterator<Item = &'a str>,
) -> Diagnostic {
    let diag = Diagnostic::new(rule, format!("unknown {what} `{id}`"), span);
    let mut known: Vec<&str> = known.collect();
    known.sort_unstable();
    known.dedup();
    match did_you_mean(id, known.iter().copied()) {
        Some(best) => diag.help(format!("did you mean `{best}`?")),
        None if known.is_empty() => diag,
        None => {
            let mut shown: Vec<String> = known.iter().take(8).map(|k| format!("`{k}`")).collect();
            if known.len() > 8 {
                shown.push(format!("and {} more", known.len() - 8));
            }
            diag.help(format!("the known {what} ids are {}", shown.join(", ")))
        }
    }
}

/// `roster.unknown-manager`, `roster.self-manager`, `roster.cycle`, `roster.too-deep`.
pub fn check_reporting_lines(ix: &Index, out: &mut Vec<Diagnostic>) {
    let max = ix.ws.config.max_management_levels as usize;
    let mut cycles_seen: Vec<Vec<&str>> = Vec::new();
    for roster in &ix.rosters {
        for person in &roster.value.people {
            let Some(manager) = &person.reports_to else { continue };
            if manager.value == person.id.value {
                out.push(Diagnostic::new(&rules::ROSTER_SELF_MANAGER, format!("{} (`{}`) reports to themselves", person.name, person.id.value), manager.span).help("name their manager's id, or leave `reports_to` out for the top of the organisation"));
                continue;
            }
            if !ix.people.contains_key(manager.value.as_str()) {
                // Nobody is suggested as their own manager: that would be `roster.self-manager`.
                let others = ix.people.keys().copied().filter(|id| *id != person.id.value.as_str());
                let diag = unknown(
                    &rules::ROSTER_UNKNOWN_MANAGER,
                    "person",
                    manager.value.as_str(),
                    manager.span,
                    others,
                );
                out.push(Diagnostic {
                    message: format!(
                        "{} reports to `{}`, who is on no roster",
                        person.name, manager.value
                    ),
                    ..diag
                });
                continue;
            }
            // Walk up from the person; stop at the top, a dangling link, or a repeat.
            let mut chain = vec![person];
            let mut current = person;
            let cycle = loop {
                let Some(up) = current
                    .reports_to
                    .as_ref()
                    .and_then(|m| ix.people.get(m.value.as_str()))
                    .map(|(p, _)| *p)
                else {
                    break None;
                };
                if up.reports_to.as_ref().is_some_and(|m| m.value == up.id.value) {
                    break None;
                }
                if let Some(pos) = chain.iter().position(|p| p.id.value == up.id.value) {
                    break Some(chain[pos..].to_vec());
                }
                chain.push(up);
                current = up;
            };
            match cycle {
                Some(members) => {
                    let mut ids: Vec<&str> = members.iter().map(|p| p.id.value.as_str()).collect();
                    ids.sort();
                    if cycles_seen.contains(&ids) || members[0].id.value != person.id.value {
                        continue;
                    }
                    cycles_seen.push(ids);
                    let names = members
                        .iter()
                        .map(|p| format!("{} (`{}`)", p.name, p.id.value))
                        .collect::<Vec<_>>()
                        .join(" → ");
                    let mut diag = Diagnostic::new(
                        &rules::ROSTER_CYCLE,
                        format!("reporting lines form a cycle: {names} → {}", person.name),
                        manager.span,
                    );
                    for member in &members[1..] {
                        if let Some(m) = &member.reports_to {
                            diag = diag.related(
                                m.span,
                                format!("{} reports to `{}`", member.name, m.value),
                            );
                        }
                    }
                    out.push(diag.help(
                        "someone in the cycle must report to a manager outside it, or to nobody",
                    ));
                }
                None if chain.len() > max => {
                    let names =
                        chain.iter().rev().map(|p| p.name.as_str()).collect::<Vec<_>>().join(" → ");
                    out.push(
                        Diagnostic::new(
                            &rules::ROSTER_TOO_DEEP,
                            format!(
                                "the reporting chain of {} has {}, more than the {max} allowed",
                                person.name,
                                count(chain.len(), "level", "levels")
                            ),
                            manager.span,
                        )
                        .note(format!("chain: {names}"))
                        .help("`max_management_levels` in planbook.yaml sets the limit"),
                    );
                }
                None => {}
            }
        }
    }
}

/// `roster.over-establishment` and `roster.vacancy`.
pub fn check_establishment(ix: &Index, out: &mut Vec<Diagnostic>) {
    for roster in &ix.rosters {
        let as_of = roster.value.as_of.as_ref().map(|d| d.value);
        for post in &roster.value.posts {
            let holders: Vec<_> = roster
                .value
                .people
                .iter()
                .filter(|p| p.post.value == post.id.value && is_active(p, as_of))
                .collect();
            let authorised = post.establishment.value as usize;
            if holders.len() > authorised {
                let mut diag = Diagnostic::new(
                    &rules::ROSTER_OVER_ESTABLISHMENT,
                    format!(
                        "post `{}` ({}) has {}, {} more than its establishment of {authorised}",
                        post.id.value,
                        post.title,
                        count(holders.len(), "person", "people"),
                        holders.len() - authorised
                    ),
                    post.establishment.span,
                );
                for extra in &holders[authorised..] {
                    diag = diag.related(
                        extra.post.span,
                        format!("{} is over the establishment", extra.name),
                    );
                }
                out.push(diag.help("raise the establishment, or move someone to another post"));
            } else if holders.len() < authorised {
                let open = authorised - holders.len();
                out.push(Diagnostic::new(
                    &rules::ROSTER_VACANCY,
                    format!(
                        "post `{}` ({}) has {} ({} of {authorised} filled)",
                        post.id.value,
                        post.title,
                        count(open, "vacancy", "vacancies"),
                        holders.len()
                    ),
                    post.establishment.span,
                ));
            }
        }
    }
}

/// `roster.dates`: `until` before `since`.
pub fn check_dates(ix: &Index, out: &mut Vec<Diagnostic>) {
    for roster in &ix.rosters {
        for person in &roster.value.people {
            if let (Some(since), Some(until)) = (&person.since, &person.until)
                && until.value < since.value
            {
                out.push(
                    Diagnostic::new(
                        &rules::ROSTER_DATES,
                        format!(
                            "{} leaves on {} before starting on {}",
                            person.name, until.value, since.value
                        ),
                        until.span,
                    )
                    .related(since.span, "started here"),
                );
            }
        }
    }
}
