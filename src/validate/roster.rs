//! Rules about rosters: ids, posts, regions, reporting lines and establishment.

use std::collections::{HashMap, HashSet};

use crate::diag::suggest::{self, Names};
use crate::diag::{Diagnostic, rules};
use crate::i18n::msg;
use crate::i18n::{Arg, Msg};
use crate::index::Index;
use crate::model::Kind;
use crate::model::chain::{Chains, chains};
use crate::model::ids::PersonId;
use crate::model::period::Date;
use crate::model::roster::{Person, Post, Region, Roster};
use crate::source::{Span, Spanned};

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
                        msg!("roster-duplicate-person", id = person.id.value.as_str()),
                        person.id.span,
                    )
                    .related(first, msg!("roster-first-used-here"))
                    .help(msg!("roster-duplicate-person-help")),
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
                        msg!("roster-duplicate-post", id = post.id.value.as_str()),
                        post.id.span,
                    )
                    .related(first, msg!("roster-first-defined-here")),
                );
            }
        }
        let mut regions = HashMap::new();
        for region in &roster.value.regions {
            if let Some(first) = regions.insert(region.id.value.as_str(), region.id.span) {
                out.push(
                    Diagnostic::new(
                        &rules::ROSTER_DUPLICATE_REGION,
                        msg!("roster-duplicate-region", id = region.id.value.as_str()),
                        region.id.span,
                    )
                    .related(first, msg!("roster-first-defined-here")),
                );
            }
        }
    }
}

/// `roster.unknown-post`, `roster.unknown-region` (of people, posts and people's dated
/// changes), `roster.merged-region`.
pub fn check_posts_and_regions(ix: &Index, out: &mut Vec<Diagnostic>) {
    for roster in &ix.rosters {
        let r = roster.value;
        let post_ids = || r.posts.iter().map(|p| p.id.value.as_str());
        let posts: HashSet<&str> = post_ids().collect();
        let regions: HashMap<&str, &Region> =
            r.regions.iter().rev().map(|g| (g.id.value.as_str(), g)).collect();
        let region = |id: &str| regions.get(id).copied();
        for post in &r.posts {
            if let Some(up) = &post.reports_to
                && !posts.contains(up.value.as_str())
                && !ix.dropped_in(roster.doc, "posts", up.value.as_str())
            {
                out.push(unknown(
                    &rules::ROSTER_UNKNOWN_POST,
                    msg!("noun-post"),
                    up.value.as_str(),
                    up.span,
                    post_ids().filter(|p| *p != post.id.value.as_str()),
                ));
            }
        }
        for g in &r.regions {
            if let Some(into) = &g.merged_into
                && region(into.value.as_str()).is_none()
                && !ix.dropped_in(roster.doc, "regions", into.value.as_str())
            {
                out.push(unknown(
                    &rules::ROSTER_UNKNOWN_REGION,
                    msg!("noun-region"),
                    into.value.as_str(),
                    into.span,
                    r.regions
                        .iter()
                        .map(|g| g.id.value.as_str())
                        .filter(|id| *id != g.id.value.as_str()),
                ));
            }
        }
        for (person, change) in r.people.iter().flat_map(|p| p.changes.iter().map(move |c| (p, c)))
        {
            if let Some(at) = &change.region
                && let Some(g) = region(at.value.as_str())
            {
                out.extend(merged(&person.name, at, g));
            }
            if let Some(post) = &change.post
                && !posts.contains(post.value.as_str())
                && !ix.dropped_in(roster.doc, "posts", post.value.as_str())
            {
                let (id, span) = (post.value.as_str(), post.span);
                let what = msg!("noun-post");
                out.push(unknown(&rules::ROSTER_UNKNOWN_POST, what, id, span, post_ids()));
            }
            if let Some(at) = &change.region
                && region(at.value.as_str()).is_none()
                && !ix.dropped_in(roster.doc, "regions", at.value.as_str())
            {
                let known = r.regions.iter().map(|g| g.id.value.as_str());
                let (id, what) = (at.value.as_str(), msg!("noun-region"));
                out.push(unknown(&rules::ROSTER_UNKNOWN_REGION, what, id, at.span, known));
            }
        }
        for person in &r.people {
            if !posts.contains(person.post.value.as_str())
                && !ix.dropped_in(roster.doc, "posts", person.post.value.as_str())
            {
                out.push(unknown(
                    &rules::ROSTER_UNKNOWN_POST,
                    msg!("noun-post"),
                    person.post.value.as_str(),
                    person.post.span,
                    post_ids(),
                ));
            }
            let Some(at) = &person.region else { continue };
            match region(at.value.as_str()) {
                None if ix.dropped_in(roster.doc, "regions", at.value.as_str()) => {}
                None => out.push(unknown(
                    &rules::ROSTER_UNKNOWN_REGION,
                    msg!("noun-region"),
                    at.value.as_str(),
                    at.span,
                    r.regions.iter().map(|g| g.id.value.as_str()),
                )),
                Some(g) => out.extend(merged(&person.name, at, g)),
            }
        }
    }
}

/// `roster.merged-region`: `name` is placed, in the person's own fields or in a dated change,
/// in region `g` that counts under another.
fn merged(
    name: &str,
    at: &crate::source::Spanned<crate::model::ids::RegionId>,
    g: &crate::model::roster::Region,
) -> Option<Diagnostic> {
    let into = g.merged_into.as_ref()?;
    let region = at.value.as_str();
    let message =
        msg!("roster-merged-region", name = name, region = region, into = into.value.as_str());
    Some(
        Diagnostic::new(&rules::ROSTER_MERGED_REGION, message, at.span)
            .related(
                into.span,
                msg!("roster-merged-here", name = &g.name, into = into.value.as_str()),
            )
            .help(msg!("roster-merged-region-help", name = name, into = into.value.as_str())),
    )
}

/// An "unknown `what` `id`" diagnostic with a suggestion; `what` is a noun of the catalogue
/// (`noun-person`).
pub fn unknown<'a>(
    rule: &'static crate::diag::Rule,
    what: Msg,
    id: &str,
    span: Span,
    known: impl Iterator<Item = &'a str>,
) -> Diagnostic {
    unknown_among(rule, what, id, span, &Names::new(known), None)
}

/// [`unknown`] with the known ids indexed once, for a rule that reports many; `except` is never
/// suggested. The help suggests the closest id, or lists the known ones when there are so few
/// that the list helps: never a list of everything.
pub fn unknown_among(
    rule: &'static crate::diag::Rule,
    what: Msg,
    id: &str,
    span: Span,
    known: &Names<'_>,
    except: Option<&str>,
) -> Diagnostic {
    const LISTED: usize = 12;
    let diag = Diagnostic::new(rule, msg!("unknown-id", what = what.clone(), id = id), span);
    let listed =
        || -> Vec<&str> { known.all().iter().copied().filter(|k| Some(*k) != except).collect() };
    let hint = match known.closest(id, except) {
        Some(best) => Some(msg!("suggest-did-you-mean", best = best)),
        None if known.all().len() > LISTED + 1 => None,
        None => Some(listed())
            .filter(|l| !l.is_empty() && l.len() <= LISTED)
            .map(|l| msg!("known-ids", what = what, items = suggest::one_of(&l))),
    };
    diag.help_if(hint)
}

/// `roster.unknown-manager`, `roster.self-manager`, `roster.cycle`, `roster.too-deep`.
///
/// Linear in the number of people ([`chains`]): a cycle is reported once, by its first member,
/// and a chain deeper than `max_management_levels` once, at the person where it first goes
/// past the limit, however many people are below them.
pub fn check_reporting_lines(ix: &Index, out: &mut Vec<Diagnostic>) {
    let people: Vec<&Person> = ix.rosters.iter().flat_map(|r| &r.value.people).collect();
    // The roster document of each person, in the same order.
    let rosters: Vec<&crate::model::Document> =
        ix.rosters.iter().flat_map(|r| r.value.people.iter().map(|_| r.doc)).collect();
    let mut number: HashMap<&str, usize> = HashMap::with_capacity(people.len());
    for (i, p) in people.iter().enumerate() {
        number.entry(p.id.value.as_str()).or_insert(i);
    }
    // Reporting lines as first written, then on every day a change sets a manager: a cycle
    // made only through changes is still a cycle. Each finding is reported once, on the
    // first day it holds.
    let mut days: Vec<Date> = people
        .iter()
        .flat_map(|p| p.changes.iter().filter(|c| c.reports_to.is_some()).map(|c| c.from.value))
        .collect();
    days.sort();
    days.dedup();
    let mut seen: HashSet<Vec<Option<Span>>> = HashSet::new();
    let mut reported: HashSet<(&str, Span)> = HashSet::new();
    let everyone = Everyone { people: &people, rosters: &rosters, number: &number };
    for day in std::iter::once(None).chain(days.into_iter().map(Some)) {
        let lines: Vec<Option<&Spanned<PersonId>>> = people
            .iter()
            .map(|p| match day {
                None => p.reports_to.as_ref(),
                Some(day) => p.on(day).reports_to,
            })
            .collect();
        if !seen.insert(lines.iter().map(|l| l.map(|m| m.span)).collect()) {
            continue;
        }
        let mut found = Vec::new();
        lines_on(ix, &everyone, &lines, &mut found);
        for mut diag in found {
            if reported.insert((diag.rule.id, diag.primary.span)) {
                if [rules::ROSTER_CYCLE.id, rules::ROSTER_TOO_DEEP.id].contains(&diag.rule.id) {
                    diag.message = super::dating::from_day(diag.message, day);
                }
                out.push(diag);
            }
        }
    }
}

/// Every person on a roster, their roster and their number by id.
struct Everyone<'a, 'b> {
    people: &'b [&'a Person],
    rosters: &'b [&'a crate::model::Document],
    number: &'b HashMap<&'a str, usize>,
}

/// The reporting-line rules for one set of `lines` (each person's manager, in order).
fn lines_on(
    ix: &Index,
    everyone: &Everyone,
    lines: &[Option<&Spanned<PersonId>>],
    out: &mut Vec<Diagnostic>,
) {
    let (people, rosters, number) = (everyone.people, everyone.rosters, everyone.number);
    let max = ix.ws.config.max_management_levels as usize;
    let managers: Vec<Option<usize>> = people
        .iter()
        .zip(lines)
        .map(|(p, m)| {
            let m = (*m)?;
            (m.value != p.id.value).then(|| number.get(m.value.as_str()).copied()).flatten()
        })
        .collect();
    let chains = chains(&managers);
    let depths = chains.depth.iter().any(|&d| d > max).then(|| Depths::new(&chains, &managers));
    let mut known: Option<Names> = None;
    let mut names: Option<super::names::NameIndex> = None;
    for (i, person) in people.iter().enumerate() {
        let Some(manager) = lines.get(i).copied().flatten() else { continue };
        if manager.value == person.id.value {
            let message =
                msg!("roster-self-manager", name = &person.name, id = person.id.value.as_str());
            out.push(
                Diagnostic::new(&rules::ROSTER_SELF_MANAGER, message, manager.span)
                    .help(msg!("roster-self-manager-help")),
            );
        } else if managers[i].is_none() {
            if ix.dropped(Kind::Roster, "people", manager.value.as_str()) {
                continue; // the manager's entry has errors, reported there
            }
            if let Some((gap, doc)) = ix.roster_gap_anywhere().zip(rosters.get(i)) {
                ix.not_checked(gap, doc, manager.span);
                continue;
            }
            // Nobody is suggested as their own manager: that would be `roster.self-manager`.
            let known = known.get_or_insert_with(|| Names::new(number.keys().copied()));
            let diag = unknown_among(
                &rules::ROSTER_UNKNOWN_MANAGER,
                msg!("noun-person"),
                manager.value.as_str(),
                manager.span,
                known,
                Some(person.id.value.as_str()),
            );
            let message = msg!(
                "roster-unknown-manager",
                name = &person.name,
                manager = manager.value.as_str()
            );
            let diag = Diagnostic { message, ..diag };
            let (written, span) = (manager.value.as_str(), manager.span);
            let names =
                names.get_or_insert_with(|| super::names::NameIndex::new(people.iter().copied()));
            out.push(super::names::name_in_index(diag, written, span, names));
        } else if let Some(c) = chains.reaches_cycle[i] {
            if chains.cycles[c][0] == i {
                out.push(cycle(people, lines, &chains.cycles[c], manager.span));
            }
        } else if let Some(depths) = depths.as_ref().filter(|_| chains.depth[i] == max + 1) {
            out.push(too_deep(people, &managers, &chains, depths, (i, max), manager.span));
        }
    }
}

/// What a too-deep chain is reported with: for each person, the deepest person below them
/// (themselves when nobody is deeper, the lowest number first among equals) and their
/// ancestor three levels from the top. People whose chain runs into a cycle are left alone.
struct Depths {
    deepest: Vec<usize>,
    third: Vec<usize>,
}

impl Depths {
    fn new(chains: &Chains, managers: &[Option<usize>]) -> Depths {
        let mut deepest: Vec<usize> = (0..managers.len()).collect();
        let mut order: Vec<usize> =
            (0..managers.len()).filter(|&i| chains.reaches_cycle[i].is_none()).collect();
        order.sort_by_key(|&i| chains.depth[i]);
        let mut third = deepest.clone();
        for &i in &order {
            if let Some(m) = managers[i].filter(|_| chains.depth[i] > 3) {
                third[i] = third[m];
            }
        }
        let key = |p: usize| (chains.depth[p], std::cmp::Reverse(p));
        for &i in order.iter().rev() {
            if let Some(m) = managers[i]
                && key(deepest[i]) > key(deepest[m])
            {
                deepest[m] = deepest[i];
            }
        }
        Depths { deepest, third }
    }
}

/// The names of the `k` people from person `from` up (fewer at the top), top first.
fn names_up(people: &[&Person], managers: &[Option<usize>], from: usize, k: usize) -> Vec<Arg> {
    let mut names: Vec<Arg> = std::iter::successors(Some(from), |&p| managers[p])
        .take(k)
        .map(|p| Arg::from(people[p].name.as_str()))
        .collect();
    names.reverse();
    names
}

/// "… (N more)", for `more` people left out of a chain; nothing when none is.
fn gap(more: usize) -> Option<Arg> {
    (more > 0).then(|| msg!("roster-chain-more", more = more).into())
}

/// The parts of a chain joined by arrows, top first: "A → B → … (N more) → Y → Z".
fn arrows(parts: impl IntoIterator<Item = Arg>) -> Arg {
    parts
        .into_iter()
        .reduce(|from, to| msg!("roster-chain-link", from = from, to = to).into())
        .unwrap_or_else(|| Arg::Text(String::new()))
}

/// The first three and the last three of `parts`, the others counted: all of them when
/// there are six or fewer.
fn ends(mut parts: Vec<Arg>) -> Vec<Arg> {
    let n = parts.len();
    if n > 6 {
        let last = parts.split_off(n - 3);
        parts.truncate(3);
        parts.extend(gap(n - 6));
        parts.extend(last);
    }
    parts
}

/// The `roster.too-deep` diagnostic for person `i`, the first in their chain past `max`.
fn too_deep(
    people: &[&Person],
    managers: &[Option<usize>],
    chains: &Chains,
    depths: &Depths,
    (i, max): (usize, usize),
    span: Span,
) -> Diagnostic {
    let levels = chains.depth[i];
    let mut chain = if levels <= 6 {
        names_up(people, managers, i, levels)
    } else {
        let mut top = names_up(people, managers, depths.third[i], 3);
        top.extend(gap(levels - 6));
        top.extend(names_up(people, managers, i, 3));
        top
    };
    let mut message = msg!("roster-too-deep", name = &people[i].name, levels = levels, max = max);
    let deepest = depths.deepest[i];
    if deepest != i {
        let below = chains.depth[deepest] - levels;
        message = msg!("roster-too-deep-below", message = message, deepest = chains.depth[deepest]);
        let shown = names_up(people, managers, deepest, below.min(3));
        chain.extend(gap(below - shown.len()));
        chain.extend(shown);
    }
    Diagnostic::new(&rules::ROSTER_TOO_DEEP, message, span)
        .note(msg!("roster-chain", chain = arrows(chain)))
        .help(msg!("roster-too-deep-help"))
}

/// The `roster.cycle` diagnostic for a cycle's `members` (in reporting order), reported at
/// the first member's `reports_to`.
fn cycle(
    people: &[&Person],
    lines: &[Option<&Spanned<PersonId>>],
    members: &[usize],
    span: Span,
) -> Diagnostic {
    const RELATED: usize = 6;
    let first = people[members[0]];
    let names = members
        .iter()
        .map(|&m| {
            msg!("roster-person-id", name = &people[m].name, id = people[m].id.value.as_str())
        })
        .map(Arg::from)
        .collect();
    let message = msg!("roster-cycle", chain = arrows(ends(names)), name = &first.name);
    let mut diag = Diagnostic::new(&rules::ROSTER_CYCLE, message, span);
    for &m in members[1..].iter().take(RELATED) {
        if let Some(to) = lines.get(m).copied().flatten() {
            let note =
                msg!("roster-reports-to", name = &people[m].name, manager = to.value.as_str());
            diag = diag.related(to.span, note);
        }
    }
    if members.len() > RELATED + 1 {
        diag = diag.note(msg!("roster-cycle-size", count = members.len()));
    }
    diag.help(msg!("roster-cycle-help"))
}

/// `roster.over-establishment` and `roster.vacancy`.
///
/// Over establishment is checked on every day something on the roster changes (a person's
/// `since`, `until`, change or acting, a post's), and reported once per post, on the first
/// day it happens; the roster as first written (before every dated change) is checked too.
/// A vacancy is checked on the roster's `as_of`, else after its last change: a vacancy of the
/// past, since filled, is nothing to act on.
pub fn check_establishment(ix: &Index, out: &mut Vec<Diagnostic>) {
    for roster in &ix.rosters {
        let r = roster.value;
        let mut days: Vec<Date> = r.people.iter().flat_map(Person::change_days).collect();
        days.extend(r.posts.iter().flat_map(Post::change_days));
        days.extend(r.as_of.as_ref().map(|d| d.value));
        days.sort();
        days.dedup();
        // The roster as first written holds on the day before the first dated change.
        let first = days.first().map_or_else(Date::today, |d| d.add_days(-1));
        let checked = std::iter::once((first, None)).chain(days.iter().map(|&d| (d, Some(d))));
        let mut over: HashSet<&str> = HashSet::new();
        for (day, said) in checked {
            let holders = holders_on(r, day);
            for post in &r.posts {
                if over.contains(post.id.value.as_str()) {
                    continue;
                }
                let holders = holders.get(post.id.value.as_str()).map_or(&[][..], Vec::as_slice);
                let authorised = post.establishment_on(day) as usize;
                if holders.len() > authorised {
                    over.insert(post.id.value.as_str());
                    out.push(over_establishment(post, holders, day, said));
                }
            }
        }
        if ix.is_incomplete(roster.doc) {
            continue;
        }
        let day = r.as_of.as_ref().map(|d| d.value).or(days.last().copied()).unwrap_or(first);
        let holders = holders_on(r, day);
        for post in &r.posts {
            let filled = holders.get(post.id.value.as_str()).map_or(0, Vec::len);
            let authorised = post.establishment_on(day) as usize;
            if filled < authorised {
                let message = msg!(
                    "roster-vacancy",
                    id = post.id.value.as_str(),
                    title = post.title.as_str(),
                    open = authorised - filled,
                    filled = filled,
                    establishment = authorised
                );
                let span = post.establishment_span_on(day);
                out.push(Diagnostic::new(&rules::ROSTER_VACANCY, message, span));
            }
        }
    }
}

/// The people on staff on `day` by the post they hold that day, with the place it is written.
fn holders_on(roster: &Roster, day: Date) -> HashMap<&str, Vec<(&Person, Span)>> {
    let mut by_post: HashMap<&str, Vec<(&Person, Span)>> = HashMap::new();
    for p in roster.people.iter().filter(|p| p.employed_on(day)) {
        let post = p.on(day).post;
        by_post.entry(post.value.as_str()).or_default().push((p, post.span));
    }
    by_post
}

/// The `roster.over-establishment` error for `post` held by `holders` on `day`, said to hold
/// from `said` when that is a day of a dated change.
fn over_establishment(
    post: &Post,
    holders: &[(&Person, Span)],
    day: Date,
    said: Option<Date>,
) -> Diagnostic {
    let authorised = post.establishment_on(day) as usize;
    let message = msg!(
        "roster-over-establishment",
        id = post.id.value.as_str(),
        title = post.title.as_str(),
        people = holders.len(),
        extra = holders.len() - authorised,
        establishment = authorised
    );
    let message = super::dating::from_day(message, said);
    let span = post.establishment_span_on(day);
    let mut diag = Diagnostic::new(&rules::ROSTER_OVER_ESTABLISHMENT, message, span);
    for (extra, at) in holders.iter().skip(authorised) {
        diag = diag.related(*at, msg!("roster-over-person", name = &extra.name));
    }
    diag.help(msg!("roster-over-establishment-help"))
}

/// `roster.dates`: `until` before `since`.
pub fn check_dates(ix: &Index, out: &mut Vec<Diagnostic>) {
    for roster in &ix.rosters {
        for person in &roster.value.people {
            if let (Some(since), Some(until)) = (&person.since, &person.until)
                && until.value < since.value
            {
                let message = msg!(
                    "roster-dates",
                    name = &person.name,
                    until = until.value.to_string(),
                    since = since.value.to_string()
                );
                out.push(
                    Diagnostic::new(&rules::ROSTER_DATES, message, until.span)
                        .related(since.span, msg!("roster-started-here")),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use crate::source::FileId;
    use crate::validate::tests::{
        CONFIG, chinese, english, help, owned, report, roster, run, run_with,
    };

    const POSTS: &str = "posts:\n  - { id: gm, title: 总经理, establishment: 1 }
  - { id: rm, title: 大区经理, establishment: 1, reports_to: gm }
  - { id: rep, title: 业务员, establishment: 2, reports_to: rm }\n";

    fn lines(people: &str) -> Vec<String> {
        report(check_reporting_lines, &[("r.yaml", &roster(&format!("{POSTS}people:\n{people}")))])
    }

    #[test]
    fn a_move_into_a_merged_region_is_reported_like_a_placing_in_one() {
        let text = roster(&format!(
            "{POSTS}regions:\n  - {{ id: anyang, name: 安阳 }}
  - {{ id: hebi, name: 鹤壁, merged_into: anyang }}
people:\n  - id: p001\n    name: 张伟\n    post: gm\n    region: anyang
    changes: [{{ from: 2026-10-01, region: hebi }}]\n"
        ));
        assert_eq!(
            report(check_posts_and_regions, &[("r.yaml", &text)]),
            ["roster.merged-region: 张伟 is assigned to `hebi`, which is counted under `anyang`"]
        );
    }

    #[test]
    fn reporting_to_oneself_is_reported_once() {
        assert_eq!(
            lines("  - { id: p001, name: 张伟, post: gm, reports_to: p001 }\n"),
            ["roster.self-manager: 张伟 (`p001`) reports to themselves"]
        );
    }

    // The did-you-mean used to offer the person themselves (`p007` → `p070`).
    #[test]
    fn an_unknown_manager_is_never_suggested_as_the_person_themselves() {
        let text = roster(&format!(
            "{POSTS}people:\n  - {{ id: p001, name: 张伟, post: gm }}
  - {{ id: p070, name: 王芳, post: rep, reports_to: p007 }}\n"
        ));
        let found = run(check_reporting_lines, &[("r.yaml", &text)]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].message.en(), "王芳 reports to `p007`, who is on no roster");
        assert_eq!(
            found[0].help.as_ref().map(Msg::en).as_deref(),
            Some("the known person ids are `p001`")
        );
    }

    #[test]
    fn a_cycle_is_reported_once_for_all_its_members() {
        let found = lines(
            "  - { id: p001, name: 张伟, post: gm, reports_to: p003 }
  - { id: p002, name: 李娜, post: rm, reports_to: p001 }
  - { id: p003, name: 王芳, post: rep, reports_to: p002 }
  - { id: p004, name: 陈静, post: rep, reports_to: p003 }\n",
        );
        assert_eq!(
            found,
            ["roster.cycle: reporting lines form a cycle: 张伟 (`p001`) → 王芳 (`p003`) → \
              李娜 (`p002`) → 张伟"]
        );
    }

    #[test]
    fn chains_may_reach_max_management_levels_but_not_exceed_it() {
        let three = "  - { id: p001, name: 张伟, post: gm }
  - { id: p002, name: 李娜, post: rm, reports_to: p001 }
  - { id: p011, name: 刘洋, post: rep, reports_to: p002 }\n";
        assert!(lines(three).is_empty());
        let wang = "  - { id: p012, name: 王芳, post: rep, reports_to: p011 }\n";
        let four = format!("{three}{wang}");
        assert_eq!(
            lines(&four),
            ["roster.too-deep: the reporting chain of 王芳 has 4 levels, more than the 3 allowed"]
        );
        let text = roster(&format!("{POSTS}people:\n{three}"));
        let one_level = CONFIG.replace("max_management_levels: 3", "max_management_levels: 1");
        let found = run_with(&one_level, check_reporting_lines, &[("r.yaml", &text)]);
        let messages: Vec<_> = found.iter().map(|d| d.message.en()).collect();
        assert_eq!(
            messages,
            ["the reporting chain of 李娜 has 2 levels, more than the 1 allowed; below them it \
              reaches 3"]
        );
        assert_eq!(
            found[0].primary.note.as_ref().map(Msg::en).as_deref(),
            Some("chain: 张伟 → 李娜 → 刘洋")
        );
    }

    /// A roster of `n` people, each reporting to the one before (the first to `top`).
    fn chain_of(n: usize, top: Option<&str>) -> String {
        let mut people = String::from("people:\n");
        for i in 0..n {
            let up = if i == 0 { top.map(str::to_string) } else { Some(format!("p{}", i - 1)) };
            let up = up.map(|u| format!(", reports_to: {u}")).unwrap_or_default();
            people.push_str(&format!("  - {{ id: p{i}, name: n{i}, post: rep{up} }}\n"));
        }
        roster(&format!("{POSTS}{people}"))
    }

    // See: issue 10, "Hostile input": a 2,000-person chain printed one error per person.
    #[test]
    fn a_deep_chain_is_reported_once_with_a_bounded_list_of_names() {
        let found = run(check_reporting_lines, &[("r.yaml", &chain_of(2_000, None))]);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message.en(),
            "the reporting chain of n3 has 4 levels, more than the 3 allowed; below them it \
             reaches 2,000"
        );
        assert_eq!(
            found[0].primary.note.as_ref().map(Msg::en).as_deref(),
            Some(
                "chain: n0 → n1 → n2 → n3 → … (1,993 more) → n1997 → n1998 → \
                 n1999"
            )
        );
        let ten = CONFIG.replace("max_management_levels: 3", "max_management_levels: 10");
        let found = run_with(&ten, check_reporting_lines, &[("r.yaml", &chain_of(12, None))]);
        assert_eq!(
            found[0].primary.note.as_ref().map(Msg::en).as_deref(),
            Some("chain: n0 → n1 → n2 → … (5 more) → n8 → n9 → n10 → n11")
        );
    }

    #[test]
    fn a_long_cycle_is_reported_once_with_a_bounded_list_of_names() {
        let found = run(check_reporting_lines, &[("r.yaml", &chain_of(1_000, Some("p999")))]);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message.en(),
            "reporting lines form a cycle: n0 (`p0`) → n999 (`p999`) → n998 (`p998`) → … \
             (994 more) → n3 (`p3`) → n2 (`p2`) → n1 (`p1`) → n0"
        );
        assert_eq!(found[0].related.len(), 6);
        assert_eq!(
            found[0].primary.note.as_ref().map(Msg::en).as_deref(),
            Some("1,000 people form this cycle")
        );
    }

    #[test]
    fn a_chain_stops_at_someone_who_reports_to_themselves() {
        let found = lines(
            "  - { id: p001, name: 张伟, post: gm, reports_to: p001 }
  - { id: p002, name: 李娜, post: rm, reports_to: p001 }\n",
        );
        assert_eq!(found, ["roster.self-manager: 张伟 (`p001`) reports to themselves"]);
    }

    #[test]
    fn duplicates_of_people_across_rosters_and_of_posts_and_regions_within_one() {
        let henan = roster(
            "posts:\n  - { id: gm, title: 总经理, establishment: 1 }
  - { id: gm, title: 经理, establishment: 1 }
regions:\n  - { id: ay, name: 安阳 }\n  - { id: ay, name: 鹤壁 }
people:\n  - { id: p001, name: 张伟, post: gm }\n",
        );
        let zhengzhou = "kind: roster\nunit: zhengzhou\nposts:
  - { id: gm, title: 总经理, establishment: 1 }
regions:\n  - { id: ay, name: 安阳 }
people:\n  - { id: p001, name: 李娜, post: gm }\n";
        assert_eq!(
            report(check_duplicates, &[("h.yaml", &henan), ("z.yaml", zhengzhou)]),
            [
                "roster.duplicate-post: post `gm` is defined twice",
                "roster.duplicate-region: region `ay` is defined twice",
                "roster.duplicate-person: person id `p001` is used twice",
            ]
        );
    }

    #[test]
    fn posts_and_regions_are_defined_and_people_sit_in_unmerged_regions() {
        let text = roster(
            "posts:\n  - { id: gm, title: 总经理, establishment: 1, reports_to: gn }
  - { id: rep, title: 业务员, establishment: 3 }
regions:\n  - { id: anyang, name: 安阳 }\n  - { id: hebi, name: 鹤壁, merged_into: anyng }
  - { id: puyang, name: 濮阳, merged_into: anyang }
people:\n  - { id: p001, name: 张伟, post: gmm }
  - { id: p002, name: 李娜, post: rep, region: xinxiang }
  - { id: p003, name: 王芳, post: rep, region: puyang }
  - { id: p004, name: 陈静, post: rep, region: anyang }\n",
        );
        let found = run(check_posts_and_regions, &[("r.yaml", &text)]);
        assert_eq!(
            english(&found, help),
            owned(&[
                ("roster.unknown-post", "unknown post `gn`", Some("the known post ids are `rep`")),
                ("roster.unknown-region", "unknown region `anyng`", Some("did you mean `anyang`?")),
                ("roster.unknown-post", "unknown post `gmm`", Some("did you mean `gm`?")),
                (
                    "roster.unknown-region",
                    "unknown region `xinxiang`",
                    Some("the known region ids are `anyang`, `hebi`, `puyang`")
                ),
                (
                    "roster.merged-region",
                    "王芳 is assigned to `puyang`, which is counted under `anyang`",
                    Some("assign 王芳 to `anyang`")
                ),
            ])
        );
    }

    // A post reporting to a misspelling of itself used to be told "did you mean" itself.
    #[test]
    fn a_post_or_region_is_never_suggested_as_its_own_parent() {
        let text = roster(
            "posts:\n  - { id: rep, title: 业务员, establishment: 1, reports_to: rpe }
regions:\n  - { id: hebi, name: 鹤壁, merged_into: hebei }\n",
        );
        let found = run(check_posts_and_regions, &[("r.yaml", &text)]);
        let helps: Vec<_> = found.iter().map(|d| d.help.as_ref().map(Msg::en)).collect();
        assert_eq!(helps, [None, None]);
    }

    #[test]
    fn unknown_lists_known_ids_only_when_they_are_few() {
        let span = Span::new(FileId(0), 0, 1);
        let known = [
            "a1", "b2", "c3", "d4", "e5", "f6", "g7", "h8", "i9", "j10", "k11", "l12", "m13", "n14",
        ];
        let diag = unknown(
            &rules::ROSTER_UNKNOWN_POST,
            msg!("noun-post"),
            "zzzz",
            span,
            known.into_iter(),
        );
        assert_eq!(diag.help, None, "fourteen ids are too many to list");
        let diag = unknown(
            &rules::ROSTER_UNKNOWN_POST,
            msg!("noun-post"),
            "zzzz",
            span,
            known[..12].iter().copied(),
        );
        assert_eq!(
            diag.help.as_ref().map(Msg::en).as_deref(),
            Some(
                "the known post ids are `a1`, `b2`, `c3`, `d4`, `e5`, `f6`, `g7`, `h8`, `i9`, \
                 `j10`, `k11`, `l12`"
            )
        );
        let diag =
            unknown(&rules::ROSTER_UNKNOWN_POST, msg!("noun-post"), "zzzz", span, [].into_iter());
        assert_eq!(diag.help, None);
    }

    #[test]
    fn establishment_counts_only_the_people_in_post_on_the_roster_date() {
        // 甲 replaces 乙 on 2026-12-01; 丙's start on 2026-12-02 puts `rep` over from then.
        let text = roster(
            "as_of: 2026-12-01\nposts:\n  - { id: rep, title: 业务员, establishment: 1 }
  - { id: rm, title: 大区经理, establishment: 2 }
  - { id: gm, title: 总经理, establishment: 0 }
  - { id: clerk, title: 内勤, establishment: 3 }
people:\n  - { id: p1, name: 甲, post: rep, since: 2026-12-01 }
  - { id: p2, name: 乙, post: rep, until: 2026-11-30 }
  - { id: p3, name: 丙, post: rep, since: 2026-12-02 }\n  - { id: p4, name: 丁, post: gm }
  - { id: p5, name: 戊, post: clerk }\n",
        );
        assert_eq!(
            report(check_establishment, &[("r.yaml", &text)]),
            [
                "roster.over-establishment: post `gm` (总经理) has 1 person, 1 more than its \
                 establishment of 0",
                "roster.over-establishment: from 2026-12-02, post `rep` (业务员) has 2 people, \
                 1 more than its establishment of 1",
                "roster.vacancy: post `rm` (大区经理) has 2 vacancies (0 of 2 filled)",
                "roster.vacancy: post `clerk` (内勤) has 2 vacancies (1 of 3 filled)",
            ]
        );
        let one = roster(
            "posts:\n  - { id: rep, title: 业务员, establishment: 2 }
people:\n  - { id: p1, name: 甲, post: rep }\n  - { id: p2, name: 乙, post: rep }
  - { id: p3, name: 丙, post: rep }\n",
        );
        assert_eq!(
            report(check_establishment, &[("r.yaml", &one)]),
            ["roster.over-establishment: post `rep` (业务员) has 3 people, 1 more than its \
              establishment of 2"]
        );
    }

    #[test]
    fn leaving_the_day_one_starts_is_allowed_but_not_before() {
        let text = roster(
            "posts:\n  - { id: rep, title: 业务员, establishment: 2 }
people:\n  - { id: p1, name: 甲, post: rep, since: 2026-03-01, until: 2026-03-01 }
  - { id: p2, name: 乙, post: rep, since: 2026-03-01, until: 2026-02-28 }\n",
        );
        assert_eq!(
            report(check_dates, &[("r.yaml", &text)]),
            ["roster.dates: 乙 leaves on 2026-02-28 before starting on 2026-03-01"]
        );
    }

    #[test]
    fn a_cycle_made_only_through_changes_is_reported_from_its_day() {
        let found = lines(
            "  - { id: p001, name: 张伟, post: gm }
  - { id: p002, name: 李娜, post: rm, reports_to: p001 }
  - id: p003\n    name: 王芳\n    post: rep\n    reports_to: p002
    changes:\n      - { from: 2026-10-15, reports_to: p004 }
  - { id: p004, name: 陈静, post: rep, reports_to: p001 }
  - id: p005\n    name: 刘洋\n    post: rep\n    reports_to: p001
    changes:\n      - { from: 2026-11-01, reports_to: p009 }\n",
        );
        let expected = "roster.unknown-manager: 刘洋 reports to `p009`, who is on no roster";
        assert_eq!(found, [expected]);
        let found = lines(
            "  - id: p001\n    name: 张伟\n    post: gm
    changes:\n      - { from: 2026-10-15, reports_to: p002 }
  - { id: p002, name: 李娜, post: rm, reports_to: p001 }\n",
        );
        assert_eq!(
            found,
            ["roster.cycle: from 2026-10-15, reporting lines form a cycle: 张伟 (`p001`) → \
              李娜 (`p002`) → 张伟"]
        );
    }

    #[test]
    fn a_change_naming_an_unknown_post_or_region_is_reported_with_a_suggestion() {
        let text = roster(&format!(
            "{POSTS}regions:\n  - {{ id: anyang, name: 安阳 }}\npeople:
  - id: p1\n    name: 甲\n    post: rep
    changes:\n      - {{ from: 2026-10-15, post: rn, region: anyng }}\n"
        ));
        let found = run(check_posts_and_regions, &[("r.yaml", &text)]);
        assert_eq!(
            english(&found, help),
            owned(&[
                ("roster.unknown-post", "unknown post `rn`", Some("did you mean `rm`?")),
                ("roster.unknown-region", "unknown region `anyng`", Some("did you mean `anyang`?")),
            ])
        );
    }

    #[test]
    fn over_establishment_is_found_on_the_first_day_it_happens() {
        let text = roster(
            "posts:\n  - id: rep\n    title: 业务员\n    establishment: 2
    changes:\n      - { from: 2026-11-01, establishment: 1 }
  - { id: rm, title: 大区经理, establishment: 1 }
people:\n  - { id: p1, name: 甲, post: rep }\n  - { id: p2, name: 乙, post: rep }
  - id: p3\n    name: 丙\n    post: rep\n    until: 2026-11-20\n    changes:
      - { from: 2026-10-15, post: rm }\n",
        );
        let found = run(check_establishment, &[("r.yaml", &text)]);
        assert_eq!(
            found.iter().map(|d| d.message.en()).collect::<Vec<_>>(),
            [
                "post `rep` (业务员) has 3 people, 1 more than its establishment of 2",
                "post `rm` (大区经理) has 1 vacancy (0 of 1 filled)",
            ]
        );
        let promoted_early = text.replace("until: 2026-11-20\n", "since: 2026-09-01\n");
        let found = run(check_establishment, &[("r.yaml", &promoted_early)]);
        assert_eq!(
            in_chinese(&found)[0],
            "自 2026-09-01 起，岗位 `rep`（业务员）在岗 3 人，\
             超出编制 1 人（编制 2 人）\n\
             丙超出编制\n请增加编制，或将人员调往其他岗位"
        );
    }

    /// Each diagnostic's texts in Chinese, checked to read as Chinese.
    fn in_chinese(found: &[Diagnostic]) -> Vec<String> {
        let texts: Vec<String> = found.iter().map(chinese).collect();
        texts.iter().for_each(|t| crate::validate::tests::assert_reads_chinese(t));
        texts
    }

    #[test]
    fn reporting_lines_read_in_chinese() {
        let people = "  - { id: p001, name: 张伟, post: gm, reports_to: p001 }
  - { id: p002, name: 李娜, post: rm, reports_to: p009 }\n";
        let text = roster(&format!("{POSTS}people:\n{people}"));
        assert_eq!(
            in_chinese(&run(check_reporting_lines, &[("r.yaml", &text)])),
            [
                "张伟（`p001`）的上级是其本人\n\
                 请填写其上级的人员编号；组织最高层人员请省略 `reports_to`",
                "李娜的上级 `p009` 不在任何人员编制中\n\
                 已有的人员编号为 `p001`",
            ]
        );
        let found = run(check_reporting_lines, &[("r.yaml", &chain_of(1_000, Some("p999")))]);
        let text = &in_chinese(&found)[0];
        assert!(
            text.starts_with(
                "汇报关系形成循环：n0（`p0`） → n999（`p999`） → \
                 n998（`p998`） → ……（另有 994 人） → n3（`p3`） → \
                 n2（`p2`） → n1（`p1`） → n0\n"
            ),
            "{text}"
        );
        assert!(text.contains("\n此循环共涉及 1,000 人\n"), "{text}");
        assert!(text.contains("\nn999的上级为 `p998`\n"), "{text}");
    }

    #[test]
    fn a_deep_chain_reads_in_chinese() {
        let ten = CONFIG.replace("max_management_levels: 3", "max_management_levels: 10");
        let found = run_with(&ten, check_reporting_lines, &[("r.yaml", &chain_of(15, None))]);
        assert_eq!(
            in_chinese(&found),
            ["n10的汇报链有 11 级，超过允许的 10 级；\
                 其下属的汇报链最深达 15 级\n\
                 汇报链：n0 → n1 → n2 → ……（另有 5 人） → \
                 n8 → n9 → n10 → ……（另有 1 人） → n12 → n13 → n14\n\
                 管理层级上限由 `planbook.yaml` 中的 `max_management_levels` 设定"]
        );
        assert_eq!(
            found[0].message.en(),
            "the reporting chain of n10 has 11 levels, more than the 10 allowed; below them it \
             reaches 15"
        );
        let one = CONFIG.replace("max_management_levels: 3", "max_management_levels: 1");
        let found = run_with(&one, check_reporting_lines, &[("r.yaml", &chain_of(2, None))]);
        let message = found[0].message.text(Locale::ZhCn);
        assert_eq!(message, "n1的汇报链有 2 级，超过允许的 1 级");
    }

    #[test]
    fn establishment_dates_and_regions_read_in_chinese() {
        let text = roster(
            "posts:\n  - { id: rep, title: 业务员, establishment: 2 }
  - { id: gm, title: 总经理, establishment: 0 }
regions:\n  - { id: anyang, name: 安阳 }\n  - { id: hebi, name: 鹤壁, merged_into: anyang }
people:\n  - { id: p1, name: 甲, post: rep, region: hebi }
  - { id: p2, name: 乙, post: rep, since: 2026-03-01, until: 2026-02-28 }
  - { id: p3, name: 丙, post: gm }\n",
        );
        let files = [("r.yaml", text.as_str())];
        let mut found = run(check_establishment, &files);
        found.extend(run(check_dates, &files));
        found.extend(run(check_posts_and_regions, &files));
        assert_eq!(
            in_chinese(&found),
            [
                "岗位 `gm`（总经理）在岗 1 人，超出编制 1 人（编制 0 人）\n\
                 丙超出编制\n请增加编制，或将人员调往其他岗位",
                "乙的离职日期 2026-02-28 早于入职日期 2026-03-01\n入职日期",
                "甲所在地区 `hebi` 已并入 `anyang` 统计\n`鹤壁` 在此并入 `anyang`\n\
                 请将甲的地区改为 `anyang`",
            ]
        );
        // 乙's `until` before `since` is one mistake, reported once: they still count in
        // `rep` (no end is known), so no vacancy is reported too. The singular wording of a
        // vacancy is checked by the `roster.vacancy` fixture.
        assert_eq!(found.len(), 3);
    }

    #[test]
    fn duplicates_read_in_chinese() {
        let text = roster(
            "posts:\n  - { id: gm, title: 总经理, establishment: 1 }
  - { id: gm, title: 经理, establishment: 1 }
regions:\n  - { id: ay, name: 安阳 }\n  - { id: ay, name: 鹤壁 }
people:\n  - { id: p1, name: 甲, post: gm }\n  - { id: p1, name: 乙, post: gm }\n",
        );
        assert_eq!(
            in_chinese(&run(check_duplicates, &[("r.yaml", &text)])),
            [
                "人员编号 `p1` 重复使用\n首次使用处\n\
                 请为每位人员分配唯一的编号",
                "岗位 `gm` 重复定义\n首次定义处",
                "地区 `ay` 重复定义\n首次定义处",
            ]
        );
    }
}
