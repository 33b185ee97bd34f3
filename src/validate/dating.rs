//! The roster over time: documents of a period name people on staff during it
//! (`review.not-employed`, `plan.not-employed`), and a roster's dated changes and acting
//! assignments are in order (`roster.dates`, `roster.change-order`).
//!
//! Checks that run over every day something changes (establishment, reporting chains) stay
//! in `roster`; they word a finding that holds only from a day on with [`from_day`].

use std::collections::HashMap;

use crate::diag::{Diagnostic, rules};
use crate::i18n::{Msg, msg};
use crate::index::Index;
use crate::model::period::{Date, Period};
use crate::model::roster::{Person, Post};
use crate::source::{Span, Spanned};

/// The kind of document naming a person, for the wording of `*.not-employed`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Naming {
    /// A review (`review.not-employed`).
    Review,
    /// A plan (`plan.not-employed`).
    Plan,
}

/// The `*.not-employed` warning at `span` when `person` was on staff on no day of `period`.
pub fn not_employed(
    naming: Naming,
    person: &Person,
    period: Period,
    span: Span,
) -> Option<Diagnostic> {
    if person.employed_during(period) {
        return None;
    }
    let (first, last) = period.bounds();
    let (name, id, p) = (&person.name, person.id.value.as_str(), period.to_string());
    let rule = match naming {
        Naming::Review => &rules::REVIEW_NOT_EMPLOYED,
        Naming::Plan => &rules::PLAN_NOT_EMPLOYED,
    };
    let (message, at, note) = match (&person.since, &person.until) {
        (Some(since), _) if since.value > last => {
            let day = since.value.to_string();
            let message = if naming == Naming::Review {
                msg!("dating-review-joined", name = name, id = id, since = day, period = p)
            } else {
                msg!("dating-plan-joined", name = name, id = id, since = day, period = p)
            };
            (message, since.span, msg!("dating-since-here"))
        }
        (_, Some(until)) if until.value < first => {
            let day = until.value.to_string();
            let message = if naming == Naming::Review {
                msg!("dating-review-left", name = name, id = id, until = day, period = p)
            } else {
                msg!("dating-plan-left", name = name, id = id, until = day, period = p)
            };
            (message, until.span, msg!("dating-until-here"))
        }
        _ => return None,
    };
    Some(
        Diagnostic::new(rule, message, span)
            .related(at, note)
            .help(msg!("dating-not-employed-help")),
    )
}

/// `message`, said to hold from `day` on; as is without a day (the roster as first written).
pub fn from_day(message: Msg, day: Option<Date>) -> Msg {
    match day {
        Some(day) => msg!("dating-from-day", day = day.to_string(), message = message),
        None => message,
    }
}

/// `roster.dates` on changes, acting assignments and posts, and `roster.change-order`.
pub fn check_changes(ix: &Index, out: &mut Vec<Diagnostic>) {
    for roster in &ix.rosters {
        for person in &roster.value.people {
            person_changes(person, out);
        }
        for post in &roster.value.posts {
            post_changes(post, out);
        }
    }
}

/// A `roster.dates` error at `span` with a related place.
fn dates(message: Msg, span: Span, related: Span, note: Msg) -> Diagnostic {
    Diagnostic::new(&rules::ROSTER_DATES, message, span).related(related, note)
}

/// The days of `changes` in the order written, each with the fields it sets.
type Written<'a> = Vec<(&'a Spanned<Date>, Vec<&'static str>)>;

/// `roster.dates` for two changes on one day setting one field, `roster.change-order` for a
/// change written after a later one; `same` and `order` word them.
fn order_and_overlap(
    written: &Written<'_>,
    same: impl Fn(&str, &str) -> Msg,
    order: impl Fn(&str, &str) -> Msg,
    out: &mut Vec<Diagnostic>,
) {
    let mut set: HashMap<(Date, &str), Span> = HashMap::new();
    let mut latest: Option<&Spanned<Date>> = None;
    for (from, fields) in written {
        for field in fields {
            if let Some(first) = set.insert((from.value, field), from.span) {
                let message = same(&from.value.to_string(), field);
                out.push(
                    dates(message, from.span, first, msg!("dating-first-change"))
                        .help(msg!("dating-same-day-help")),
                );
            }
        }
        match latest {
            Some(later) if later.value > from.value => {
                let message = order(&from.value.to_string(), &later.value.to_string());
                out.push(
                    Diagnostic::new(&rules::ROSTER_CHANGE_ORDER, message, from.span)
                        .related(later.span, msg!("dating-written-before"))
                        .help(msg!("dating-change-order-help")),
                );
            }
            _ => latest = Some(from),
        }
    }
}

/// `roster.dates` for a change dated before `since` or after `until` of what it changes;
/// `message` words it from the change's day and the `since` (before) or the `until` (after).
fn within(
    from: &Spanned<Date>,
    (since, until): (Option<&Spanned<Date>>, Option<&Spanned<Date>>),
    started: Msg,
    out: &mut Vec<Diagnostic>,
    message: impl Fn(String, Option<String>, Option<String>) -> Msg,
) {
    let day = from.value.to_string();
    if let Some(since) = since.filter(|s| from.value < s.value) {
        let text = message(day.clone(), Some(since.value.to_string()), None);
        out.push(dates(text, from.span, since.span, started));
    } else if let Some(until) = until.filter(|u| from.value > u.value) {
        let text = message(day, None, Some(until.value.to_string()));
        out.push(dates(text, from.span, until.span, msg!("dating-left-here")));
    }
}

fn person_changes(person: &Person, out: &mut Vec<Diagnostic>) {
    let name = person.name.as_str();
    for change in &person.changes {
        let bounds = (person.since.as_ref(), person.until.as_ref());
        within(
            &change.from,
            bounds,
            msg!("roster-started-here"),
            out,
            |from, since, until| match (since, until) {
                (Some(since), _) => {
                    msg!("dating-change-before-since", name = name, from = from, since = since)
                }
                (_, until) => {
                    let until = until.unwrap_or_default();
                    msg!("dating-change-after-until", name = name, from = from, until = until)
                }
            },
        );
    }
    let written: Written = person
        .changes
        .iter()
        .map(|c| {
            let set = [
                ("post", c.post.is_some()),
                ("region", c.region.is_some()),
                ("reports_to", c.reports_to.is_some()),
                ("employment", c.employment.is_some()),
                ("pay", c.pay.is_some()),
                ("counties", c.counties.is_some()),
            ];
            (&c.from, set.iter().filter(|(_, s)| *s).map(|(f, _)| *f).collect())
        })
        .collect();
    order_and_overlap(
        &written,
        |from, field| msg!("dating-same-day", name = name, from = from, field = field),
        |from, later| msg!("dating-change-order", name = name, from = from, later = later),
        out,
    );
    // An acting `until` before its `from` is `organisation::check_acting`'s to report.
}

fn post_changes(post: &Post, out: &mut Vec<Diagnostic>) {
    let id = post.id.value.as_str();
    if let (Some(since), Some(until)) = (&post.since, &post.until)
        && until.value < since.value
    {
        let (since_day, until_day) = (since.value.to_string(), until.value.to_string());
        let message = msg!("dating-post-dates", id = id, until = until_day, since = since_day);
        out.push(dates(message, until.span, since.span, msg!("dating-post-started-here")));
    }
    for change in &post.changes {
        let bounds = (post.since.as_ref(), post.until.as_ref());
        let started = msg!("dating-post-started-here");
        within(&change.from, bounds, started, out, |from, since, until| match (since, until) {
            (Some(since), _) => {
                msg!("dating-post-change-before-since", id = id, from = from, since = since)
            }
            (_, until) => {
                let until = until.unwrap_or_default();
                msg!("dating-post-change-after-until", id = id, from = from, until = until)
            }
        });
    }
    let written: Written = post
        .changes
        .iter()
        .map(|c| {
            let set = [("establishment", c.establishment.is_some()), ("pay", c.pay.is_some())];
            (&c.from, set.iter().filter(|(_, s)| *s).map(|(f, _)| *f).collect())
        })
        .collect();
    order_and_overlap(
        &written,
        |from, field| msg!("dating-post-same-day", id = id, from = from, field = field),
        |from, later| msg!("dating-post-change-order", id = id, from = from, later = later),
        out,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::tests::{chinese, report, roster, run};

    /// The rule of each diagnostic.
    fn ids(found: &[Diagnostic]) -> Vec<&'static str> {
        found.iter().map(|d| d.rule.id).collect()
    }

    const POSTS: &str = "posts:\n  - { id: rep, title: 业务员, establishment: 5 }
  - { id: rm, title: 大区经理, establishment: 2 }\n";

    #[test]
    fn changes_outside_the_persons_time_and_acting_backwards_are_date_errors() {
        let text = roster(&format!(
            "{POSTS}people:
  - id: p1
    name: 甲
    post: rep
    since: 2026-03-01
    until: 2026-12-31
    changes:
      - {{ from: 2026-02-01, post: rm }}
      - {{ from: 2027-01-05, region: x }}
    acting:
      - {{ post: rm, from: 2026-06-01, until: 2026-05-01 }}\n"
        ));
        assert_eq!(
            report(check_changes, &[("r.yaml", &text)]),
            [
                "roster.dates: 甲's change dated 2026-02-01 is before they start on 2026-03-01",
                "roster.dates: 甲's change dated 2027-01-05 is after they leave on 2026-12-31",
            ]
        );
    }

    #[test]
    fn two_changes_of_one_field_on_one_day_and_changes_out_of_order() {
        let text = roster(&format!(
            "{POSTS}people:
  - id: p1
    name: 甲
    post: rep
    changes:
      - {{ from: 2026-10-15, post: rm }}
      - {{ from: 2026-10-15, post: rep, region: x }}
      - {{ from: 2026-09-01, region: y }}\n"
        ));
        let found = run(check_changes, &[("r.yaml", &text)]);
        assert_eq!(ids(&found), ["roster.dates", "roster.change-order"]);
        assert_eq!(
            found[0].message.en(),
            "甲 has two changes dated 2026-10-15 that both set `post`"
        );
        assert_eq!(
            found[1].message.en(),
            "甲's change dated 2026-09-01 is written after the one dated 2026-10-15"
        );
        let zh = chinese(&found[1]);
        crate::validate::tests::assert_reads_chinese(&zh);
        let expected = "甲日期为 2026-09-01 的变动写在了\
                        日期为 2026-10-15 的变动之后";
        assert!(zh.starts_with(expected), "{zh}");
    }

    #[test]
    fn post_changes_are_checked_like_peoples() {
        let text = roster(
            "posts:
  - id: rep
    title: 业务员
    establishment: 5
    since: 2026-03-01
    until: 2026-02-01
    changes:
      - { from: 2026-04-01, establishment: 6 }
      - { from: 2026-04-01, establishment: 7 }\n",
        );
        assert_eq!(
            report(check_changes, &[("r.yaml", &text)]),
            [
                "roster.dates: post `rep` ends on 2026-02-01 before it starts on 2026-03-01",
                "roster.dates: the change of post `rep` dated 2026-04-01 is after the post ends \
                 on 2026-02-01",
                "roster.dates: the change of post `rep` dated 2026-04-01 is after the post ends \
                 on 2026-02-01",
                "roster.dates: post `rep` has two changes dated 2026-04-01 that both set \
                 `establishment`",
            ]
        );
    }

    #[test]
    fn not_employed_names_the_day_they_joined_or_left() {
        let text = roster(&format!(
            "{POSTS}people:
  - {{ id: p040, name: 张三, post: rep, since: 2026-10-15 }}
  - {{ id: p041, name: 李四, post: rep, until: 2026-08-31 }}
  - {{ id: p042, name: 王五, post: rep, since: 2026-09-30, until: 2026-09-30 }}\n"
        ));
        let files = [("r.yaml", text.as_str())];
        let found = run(
            |ix, out| {
                let period: Period = "2026-09".parse().unwrap_or_else(|_| unreachable!());
                for roster in &ix.rosters {
                    for p in &roster.value.people {
                        out.extend(not_employed(Naming::Review, p, period, p.id.span));
                    }
                }
            },
            &files,
        );
        let messages: Vec<_> = found.iter().map(|d| d.message.en()).collect();
        assert_eq!(
            messages,
            [
                "张三 (`p040`) joined on 2026-10-15, after this review's period 2026-09",
                "李四 (`p041`) left on 2026-08-31, before this review's period 2026-09",
            ]
        );
        let zh = chinese(&found[0]);
        crate::validate::tests::assert_reads_chinese(&zh);
        let expected = "张三（`p040`）于 2026-10-15 入职，晚于本考评的期间 2026-09";
        assert!(zh.starts_with(expected), "{zh}");
    }
}
