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
    /// staff at its end; a leaver whose `until` falls inside the month no longer counts, a
    /// hire whose `since` does.
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
            && self.until.as_ref().is_none_or(|u| day <= u.value)
    }

    /// Whether they are on staff on any day of `period`.
    pub fn employed_during(&self, period: Period) -> bool {
        let (first, last) = period.bounds();
        self.since.as_ref().is_none_or(|s| s.value <= last)
            && self.until.as_ref().is_none_or(|u| first <= u.value)
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
        days.extend(self.until.as_ref().map(|u| u.value.add_days(1)));
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
