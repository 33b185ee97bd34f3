//! The person page: post, region, manager and reports, published personal details, scores over
//! time and the tasks the person owns.

use serde::Serialize;

use crate::model::config::PersonField;
use crate::render::charts::{self, BarChart, BarInput};
use crate::render::view::common::{
    employment_key, post_title, published, region_name, roster_title, task_status,
};
use crate::render::view::site::{Link, Site};

/// A person's page.
#[derive(Debug, Serialize)]
pub struct PersonView {
    /// Unit.
    pub unit: Link,
    /// Roster page.
    pub roster: Link,
    /// Post title.
    pub post: String,
    /// Region name.
    pub region: Option<String>,
    /// Manager.
    pub manager: Option<Link>,
    /// Direct reports.
    pub reports: Vec<Link>,
    /// Since.
    pub since: Option<String>,
    /// Until.
    pub until: Option<String>,
    /// Employment type key.
    pub employment: &'static str,
    /// Note.
    pub note: Option<String>,
    /// Pay, when published.
    pub pay: Option<String>,
    /// Phone, when published.
    pub phone: Option<String>,
    /// E-mail, when published.
    pub email: Option<String>,
    /// Scores by period.
    pub scores: Vec<ScoreRow>,
    /// The scores as a chart.
    pub chart: Option<BarChart>,
    /// Tasks the person owns.
    pub tasks: Vec<TaskRow>,
}

/// A person's score in one period.
#[derive(Debug, Serialize)]
pub struct ScoreRow {
    /// The period, linking to the review.
    pub review: Link,
    /// Weighted total.
    pub total: String,
    /// Rank within the unit.
    pub rank: String,
}

/// A task someone owns.
#[derive(Debug, Serialize)]
pub struct TaskRow {
    /// The plan.
    pub plan: Link,
    /// The task name.
    pub name: String,
    /// Start.
    pub start: Option<String>,
    /// End.
    pub end: Option<String>,
    /// Status key from the review, if any.
    pub status: Option<&'static str>,
}

impl PersonView {
    /// The view of person `id`.
    pub fn new(site: &Site, id: &str) -> Option<PersonView> {
        let (p, roster) = site.index.people.get(id)?;
        let r = roster.value;
        let scores: Vec<ScoreRow> = site
            .scores_by_person
            .get(id)
            .map(|rows| {
                rows.iter()
                    .map(|s| ScoreRow {
                        review: site.review_link(s.unit.as_str(), s.period),
                        total: site.fmt.number(s.total),
                        rank: s.rank.to_string(),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let chart = site.scores_by_person.get(id).and_then(|rows| {
            let bars = rows
                .iter()
                .map(|s| BarInput {
                    label: site.fmt.period(s.period),
                    value_text: site.fmt.number(s.total),
                    value: s.total,
                    second: None,
                    mark: None,
                    tone: None,
                })
                .collect();
            charts::bars(site.t("scores_over_time"), site.t("score"), None, bars)
        });
        Some(PersonView {
            unit: site.unit_link(r.unit.value.as_str()),
            roster: Link {
                broken: None,
                label: roster_title(site, r),
                url: site.doc_url(roster.doc),
            },
            post: post_title(r, p.post.value.as_str()),
            region: p.region.as_ref().map(|g| region_name(r, g.value.as_str())),
            manager: p.reports_to.as_ref().map(|m| site.person_link(m.value.as_str())),
            reports: site
                .reports_of
                .get(id)
                .map(|list| list.iter().map(|c| site.person_link(c)).collect())
                .unwrap_or_default(),
            since: p.since.as_ref().map(|d| site.fmt.date(d.value)),
            until: p.until.as_ref().map(|d| site.fmt.date(d.value)),
            employment: employment_key(p),
            note: p.note.clone(),
            pay: published(
                site,
                PersonField::Pay,
                p.pay.as_ref().map(|m| site.fmt.number(m.value.0)),
            ),
            phone: published(site, PersonField::Phone, p.phone.clone()),
            email: published(site, PersonField::Email, p.email.clone()),
            scores,
            chart,
            tasks: tasks_of(site, id),
        })
    }
}

/// The tasks person `id` owns, across plans, with their status from each plan's review.
fn tasks_of(site: &Site, id: &str) -> Vec<TaskRow> {
    let Some(list) = site.tasks_by_owner.get(id) else { return Vec::new() };
    list.iter()
        .map(|(plan, task)| {
            let review = site.review_of_plan.get(plan.doc.meta.path.as_path()).copied();
            TaskRow {
                plan: Link {
                    broken: None,
                    label: plan.value.title.clone(),
                    url: site.doc_url(plan.doc),
                },
                name: task.name.clone(),
                start: task.start.as_ref().map(|d| site.fmt.date(d.value)),
                end: task.end().map(|d| site.fmt.date(d)),
                status: task_status(review, task.id.value.as_str()),
            }
        })
        .collect()
}
