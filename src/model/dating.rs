//! A roster over time: who held which post, where and under whom on a given day.
//!
//! A roster is one document per unit whose people and posts carry their own dates: `since`
//! and `until` bound a person's (or a post's) time, and `changes` entries, each with a
//! `from` day, replace fields from that day on. Every rule and rollup asks these functions
//! with the day that matters to the document it reads (a period's last day, see
//! [`Period::as_of`]), never the roster's fields directly.

use crate::model::ids::{PersonId, PostId, RegionId};
use crate::model::money::Money;
use crate::model::period::{Date, Period};
use crate::model::roster::{Acting, Employment, Person, Post};
use crate::source::Spanned;

impl Period {
    /// The day a period is judged on: its last day. Headcount "in" a month is the people on
    /// staff at its end: a leaver whose `until` is before the month's last day no longer
    /// counts (one leaving on the last day still does, and is also that month's leaver), a
    /// hire whose `since` falls in the month does.
    pub fn as_of(self) -> Date {
        self.bounds().1
    }
}

/// What a person holds on one day: their fields after every change dated on or before it.
#[derive(Debug, Clone, Copy)]
pub struct Assignment<'a> {
    /// The post.
    pub post: &'a Spanned<PostId>,
    /// The region.
    pub region: Option<&'a Spanned<RegionId>>,
    /// The manager.
    pub reports_to: Option<&'a Spanned<PersonId>>,
    /// How they are employed.
    pub employment: Employment,
    /// Individual pay (private).
    pub pay: Option<&'a Spanned<Money>>,
    /// Counties covered.
    pub counties: Option<&'a Spanned<u32>>,
}

impl Person {
    /// Whether they are on staff on `day`: on or after `since` and on or before `until`.
    pub fn employed_on(&self, day: Date) -> bool {
        self.since.as_ref().is_none_or(|s| s.value <= day)
            && self.last_day().is_none_or(|u| day <= u)
    }

    /// Whether they are on staff on any day of `period`.
    pub fn employed_during(&self, period: Period) -> bool {
        let (first, last) = period.bounds();
        self.since.as_ref().is_none_or(|s| s.value <= last)
            && self.last_day().is_none_or(|u| first <= u)
    }

    /// Their last day: `until`, unless it is before `since` — a mistake `roster.dates`
    /// reports once; read as "no known end", so it does not also make every document of
    /// their time report them as not on staff.
    pub fn last_day(&self) -> Option<Date> {
        let until = self.until.as_ref()?.value;
        self.since.as_ref().is_none_or(|s| s.value <= until).then_some(until)
    }

    /// Their fields on `day`: the person's own, replaced by each change whose `from` is on
    /// or before `day`, in date order (a change written out of order still applies by its
    /// date). Does not ask whether they are employed that day.
    pub fn on(&self, day: Date) -> Assignment<'_> {
        let mut now = self.first();
        let mut changes: Vec<_> = self.changes.iter().filter(|c| c.from.value <= day).collect();
        changes.sort_by_key(|c| c.from.value);
        for change in changes {
            if let Some(post) = &change.post {
                now.post = post;
            }
            if let Some(region) = &change.region {
                now.region = Some(region);
            }
            if let Some(manager) = &change.reports_to {
                now.reports_to = Some(manager);
            }
            if let Some(employment) = change.employment {
                now.employment = employment;
            }
            if let Some(pay) = &change.pay {
                now.pay = Some(pay);
            }
            if let Some(counties) = &change.counties {
                now.counties = Some(counties);
            }
        }
        now
    }

    /// Their fields after every change: what the roster says today.
    pub fn latest(&self) -> Assignment<'_> {
        let last = self.changes.iter().map(|c| c.from.value).max();
        match last {
            Some(day) => self.on(day),
            None => self.first(),
        }
    }

    /// Their fields as written on the person, before any change.
    pub fn first(&self) -> Assignment<'_> {
        Assignment {
            post: &self.post,
            region: self.region.as_ref(),
            reports_to: self.reports_to.as_ref(),
            employment: self.employment,
            pay: self.pay.as_ref(),
            counties: self.counties.as_ref(),
        }
    }

    /// The posts they act in on `day`.
    pub fn acting_on(&self, day: Date) -> impl Iterator<Item = &Acting> {
        self.acting.iter().filter(move |a| a.covers(day))
    }

    /// The acting assignments that cover any day of `period`.
    pub fn acting_during(&self, period: Period) -> impl Iterator<Item = &Acting> {
        let (first, last) = period.bounds();
        self.acting.iter().filter(move |a| {
            a.from.value <= last && a.until.as_ref().is_none_or(|u| first <= u.value)
        })
    }

    /// Every post they hold on any day of `period` while employed: their own post or posts
    /// (a promotion inside the period gives two) and the posts they act in.
    pub fn posts_during(&self, period: Period) -> Vec<&PostId> {
        let (first, last) = period.bounds();
        let mut posts = vec![&self.on(first).post.value];
        for change in &self.changes {
            if first < change.from.value && change.from.value <= last {
                posts.push(&self.on(change.from.value).post.value);
            }
        }
        posts.extend(self.acting_during(period).map(|a| &a.post.value));
        posts.sort();
        posts.dedup();
        posts
    }

    /// Every day a field of theirs changes, their `since` and the day after their `until`
    /// included, in order: between two of these days nothing about them changes.
    pub fn change_days(&self) -> Vec<Date> {
        let mut days: Vec<Date> = self.changes.iter().map(|c| c.from.value).collect();
        days.extend(self.since.as_ref().map(|s| s.value));
        days.extend(self.last_day().map(|u| u.add_days(1)));
        for acting in &self.acting {
            days.push(acting.from.value);
            days.extend(acting.until.as_ref().map(|u| u.value.add_days(1)));
        }
        days.sort();
        days.dedup();
        days
    }
}

impl Acting {
    /// Whether the assignment holds on `day`.
    pub fn covers(&self, day: Date) -> bool {
        self.from.value <= day && self.until.as_ref().is_none_or(|u| day <= u.value)
    }
}

impl Post {
    /// Whether the post exists on `day`: on or after `since` and on or before `until`.
    pub fn exists_on(&self, day: Date) -> bool {
        self.since.as_ref().is_none_or(|s| s.value <= day)
            && self.until.as_ref().is_none_or(|u| day <= u.value)
    }

    /// The establishment on `day`: the post's own, replaced by each change dated on or
    /// before it; zero on a day the post does not exist.
    pub fn establishment_on(&self, day: Date) -> u32 {
        if !self.exists_on(day) {
            return 0;
        }
        self.field_on(day, |c| c.establishment.as_ref())
            .map_or(self.establishment.value, |e| e.value)
    }

    /// Where the establishment that holds on `day` is written.
    pub fn establishment_span_on(&self, day: Date) -> crate::source::Span {
        self.field_on(day, |c| c.establishment.as_ref()).map_or(self.establishment.span, |e| e.span)
    }

    /// The standard pay on `day`.
    pub fn pay_on(&self, day: Date) -> Option<&Spanned<Money>> {
        self.field_on(day, |c| c.pay.as_ref()).or(self.pay.as_ref())
    }

    /// The latest change dated on or before `day` that sets a field.
    fn field_on<'a, T>(
        &'a self,
        day: Date,
        field: impl Fn(&'a crate::model::roster::PostChange) -> Option<&'a T>,
    ) -> Option<&'a T> {
        self.changes
            .iter()
            .filter(|c| c.from.value <= day)
            .filter_map(|c| field(c).map(|v| (c.from.value, v)))
            .max_by_key(|(from, _)| *from)
            .map(|(_, v)| v)
    }

    /// Every day the post's establishment or existence changes, in order.
    pub fn change_days(&self) -> Vec<Date> {
        let mut days: Vec<Date> = self.changes.iter().map(|c| c.from.value).collect();
        days.extend(self.since.as_ref().map(|s| s.value));
        days.extend(self.until.as_ref().map(|u| u.value.add_days(1)));
        days.sort();
        days.dedup();
        days
    }
}

#[cfg(test)]
mod tests {
    use crate::model::ids::{PersonId, PostId, RegionId};
    use crate::model::period::{Date, Period};
    use crate::model::roster::{Acting, Person, PersonChange, Post, PostChange};
    use crate::source::{FileId, Span, Spanned};

    fn s<T>(value: T) -> Spanned<T> {
        Spanned::new(value, Span::new(FileId(0), 0, 0))
    }

    fn day(text: &str) -> Date {
        text.parse().unwrap_or_else(|e| panic!("{e}"))
    }

    fn month(text: &str) -> Period {
        text.parse().unwrap_or_else(|e| panic!("{e}"))
    }

    fn post_id(id: &str) -> Spanned<PostId> {
        s(PostId(id.into()))
    }

    /// Person `p1` in post `post`, from `since` to `until`.
    fn person(post: &str, since: Option<&str>, until: Option<&str>) -> Person {
        Person {
            id: s(PersonId("p1".into())),
            name: "甲".into(),
            post: post_id(post),
            region: Some(s(RegionId("a".into()))),
            reports_to: None,
            since: since.map(|d| s(day(d))),
            until: until.map(|d| s(day(d))),
            changes: Vec::new(),
            acting: Vec::new(),
            counties: None,
            employment: Default::default(),
            pay: None,
            phone: None,
            email: None,
            note: None,
        }
    }

    /// A change to `post` (and `region`) from `from`.
    fn change(from: &str, post: Option<&str>, region: Option<&str>) -> PersonChange {
        PersonChange {
            from: s(day(from)),
            post: post.map(post_id),
            region: region.map(|r| s(RegionId(r.into()))),
            reports_to: None,
            employment: None,
            pay: None,
            counties: None,
            note: None,
        }
    }

    fn acting(post: &str, from: &str, until: Option<&str>) -> Acting {
        Acting {
            post: post_id(post),
            region: None,
            from: s(day(from)),
            until: until.map(|d| s(day(d))),
            note: None,
        }
    }

    #[test]
    fn changes_apply_by_date_whatever_order_they_are_written_in() {
        let mut p = person("rep", None, None);
        p.changes = vec![
            change("2027-01-01", Some("gm"), None),
            change("2026-10-15", Some("rm"), Some("b")),
        ];
        assert_eq!(p.on(day("2026-10-14")).post.value.as_str(), "rep");
        assert_eq!(p.on(day("2026-10-15")).post.value.as_str(), "rm");
        assert_eq!(p.on(day("2026-12-31")).region.map(|r| r.value.as_str()), Some("b"));
        assert_eq!(p.on(day("2027-01-01")).post.value.as_str(), "gm");
        assert_eq!(p.on(day("2027-01-01")).region.map(|r| r.value.as_str()), Some("b"));
        assert_eq!(p.latest().post.value.as_str(), "gm");
        assert_eq!(p.first().post.value.as_str(), "rep");
        assert_eq!(p.change_days(), [day("2026-10-15"), day("2027-01-01")]);
    }

    #[test]
    fn a_change_before_since_applies_from_the_start_and_employment_is_bounded() {
        let mut p = person("rep", Some("2026-10-08"), Some("2026-11-20"));
        p.changes = vec![change("2026-09-01", Some("rm"), None)];
        assert!(!p.employed_on(day("2026-10-07")));
        assert!(p.employed_on(day("2026-10-08")));
        assert_eq!(p.on(day("2026-10-08")).post.value.as_str(), "rm");
        assert!(p.employed_on(day("2026-11-20")));
        assert!(!p.employed_on(day("2026-11-21")));
        assert!(!p.employed_during(month("2026-09")));
        assert!(p.employed_during(month("2026-11")));
        assert!(!p.employed_during(month("2026-12")));
        assert_eq!(month("2026-11").as_of(), day("2026-11-30"));
        let days = [day("2026-09-01"), day("2026-10-08"), day("2026-11-21")];
        assert_eq!(p.change_days(), days);
    }

    #[test]
    fn acting_covers_its_range_and_an_open_end() {
        let mut p = person("rep", None, None);
        p.acting =
            vec![acting("rm", "2026-11-01", Some("2026-11-15")), acting("gm", "2026-12-10", None)];
        let on =
            |d: &str| -> Vec<&str> { p.acting_on(day(d)).map(|a| a.post.value.as_str()).collect() };
        assert!(on("2026-10-31").is_empty());
        assert_eq!(on("2026-11-15"), ["rm"]);
        assert!(on("2026-11-16").is_empty());
        assert_eq!(on("2030-01-01"), ["gm"]);
        assert_eq!(p.acting_during(month("2026-11")).count(), 1);
        assert_eq!(p.acting_during(month("2026-10")).count(), 0);
        let days = p.change_days();
        assert_eq!(days, [day("2026-11-01"), day("2026-11-16"), day("2026-12-10")]);
    }

    #[test]
    fn posts_during_a_month_include_a_mid_month_promotion_and_acting() {
        let mut p = person("rep", None, None);
        p.changes = vec![change("2026-10-15", Some("rm"), None)];
        p.acting = vec![acting("gm", "2026-11-20", Some("2026-11-25"))];
        let posts = |m: &str| -> Vec<String> {
            p.posts_during(month(m)).iter().map(|p| p.as_str().to_string()).collect()
        };
        assert_eq!(posts("2026-09"), ["rep"]);
        assert_eq!(posts("2026-10"), ["rep", "rm"]);
        assert_eq!(posts("2026-11"), ["gm", "rm"]);
        assert_eq!(posts("2026-12"), ["rm"]);
    }

    #[test]
    fn a_posts_establishment_follows_its_changes_and_its_dates() {
        let post = Post {
            id: post_id("rep"),
            title: "业务员".into(),
            class: None,
            establishment: s(3),
            in_establishment: true,
            pay: None,
            since: Some(s(day("2026-01-01"))),
            until: Some(s(day("2026-12-31"))),
            changes: vec![PostChange {
                from: s(day("2026-10-01")),
                establishment: Some(s(5)),
                pay: None,
                note: None,
            }],
            reports_to: None,
            duties: None,
            note: None,
        };
        assert_eq!(post.establishment_on(day("2025-12-31")), 0);
        assert_eq!(post.establishment_on(day("2026-09-30")), 3);
        assert_eq!(post.establishment_on(day("2026-10-01")), 5);
        assert_eq!(post.establishment_on(day("2027-01-01")), 0);
        let days = [day("2026-01-01"), day("2026-10-01"), day("2027-01-01")];
        assert_eq!(post.change_days(), days);
    }
}
