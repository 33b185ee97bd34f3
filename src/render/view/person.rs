//! The person page: post, region, manager and reports (as of the roster's `as_of`, else
//! today), published personal details, their history (joined, dated changes, acting, left),
//! scores over time and the tasks the person owns.

use serde::Serialize;

use crate::i18n::{Msg, msg};
use crate::model::config::PersonField;
use crate::model::period::Date;
use crate::model::roster::{Person, Roster};
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
    /// Their history, oldest first: empty when nothing about them is dated.
    pub history: Vec<HistoryRow>,
    /// The history table's heading and column labels.
    pub history_labels: HistoryLabels,
    /// Others with the same name, with what tells them apart.
    pub namesakes: Vec<Namesake>,
    /// The heading over them ("Also named 王伟") and the line saying who this one is.
    pub namesakes_heading: String,
    /// "This is 王伟 (E102) of the Henan branch."
    pub namesakes_intro: String,
}

/// Someone else with the same name.
#[derive(Debug, Serialize)]
pub struct Namesake {
    /// Name and page.
    pub person: Link,
    /// Their unit.
    pub unit: Link,
    /// Post title.
    pub post: String,
    /// Region name.
    pub region: Option<String>,
    /// Their id.
    pub id: String,
}

/// One dated line of a person's history.
#[derive(Debug, Serialize)]
pub struct HistoryRow {
    /// The day, formatted.
    pub date: String,
    /// What happened that day.
    pub what: String,
}

/// The words of the history table, in the handbook's language.
#[derive(Debug, Serialize)]
pub struct HistoryLabels {
    /// The heading.
    pub title: String,
    /// The date column.
    pub date: String,
    /// The change column.
    pub change: String,
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
        let now = p.on(r.as_of.as_ref().map_or_else(Date::today, |d| d.value));
        let locale = site.fmt.locale;
        let namesakes = namesakes(site, id, &p.name);
        let unit_name = site.unit_name(r.unit.value.as_str());
        let (name, me) = (p.name.as_str(), id);
        Some(PersonView {
            namesakes_heading: msg!("handbook-person-namesakes", name = name).text(locale),
            namesakes_intro: msg!(
                "handbook-person-namesakes-intro",
                name = name,
                id = me,
                unit = unit_name
            )
            .text(locale),
            namesakes,
            unit: site.unit_link(r.unit.value.as_str()),
            roster: Link {
                broken: None,
                label: roster_title(site, r),
                url: site.doc_url(roster.doc),
            },
            post: post_title(r, now.post.value.as_str()),
            region: now.region.map(|g| region_name(r, g.value.as_str())),
            manager: now.reports_to.map(|m| site.person_link(m.value.as_str())),
            reports: site
                .reports_of
                .get(id)
                .map(|list| list.iter().map(|c| site.person_link(c)).collect())
                .unwrap_or_default(),
            since: p.since.as_ref().map(|d| site.fmt.date(d.value)),
            until: p.until.as_ref().map(|d| site.fmt.date(d.value)),
            employment: employment_key(now.employment),
            note: crate::render::util::prose(&p.note),
            pay: published(site, PersonField::Pay, now.pay.map(|m| site.fmt.number(m.value.0))),
            phone: published(site, PersonField::Phone, p.phone.clone()),
            email: published(site, PersonField::Email, p.email.clone()),
            scores,
            chart,
            tasks: tasks_of(site, id),
            history: history(site, r, p),
            history_labels: HistoryLabels {
                title: msg!("handbook-history-title").text(locale),
                date: msg!("handbook-history-date").text(locale),
                change: msg!("handbook-history-change").text(locale),
            },
        })
    }
}

/// The others named `name`, in id order.
fn namesakes(site: &Site, id: &str, name: &str) -> Vec<Namesake> {
    let Some(ids) = site.namesakes.get(name) else { return Vec::new() };
    ids.iter()
        .filter(|other| **other != id)
        .filter_map(|other| {
            let (p, roster) = site.index.people.get(other)?;
            let r = roster.value;
            let now = p.on(r.as_of.as_ref().map_or_else(Date::today, |d| d.value));
            Some(Namesake {
                person: site.person_link(other),
                unit: site.unit_link(r.unit.value.as_str()),
                post: post_title(r, now.post.value.as_str()),
                region: now.region.map(|g| region_name(r, g.value.as_str())),
                id: (*other).to_string(),
            })
        })
        .collect()
}

/// A person's history, oldest first: joined, each change, each acting assignment, left.
/// Empty when nothing about them is dated.
fn history(site: &Site, roster: &Roster, p: &Person) -> Vec<HistoryRow> {
    if p.changes.is_empty() && p.acting.is_empty() && p.since.is_none() && p.until.is_none() {
        return Vec::new();
    }
    let post = |id: &str| post_title(roster, id);
    let mut rows: Vec<(Date, u8, Msg)> = Vec::new();
    if let Some(since) = &p.since {
        let first = p.on(since.value).post.value.as_str();
        rows.push((since.value, 0, msg!("handbook-history-joined", post = post(first))));
    }
    for change in &p.changes {
        let mut said: Vec<Msg> = Vec::new();
        if let Some(to) = &change.post {
            said.push(msg!("handbook-history-post", post = post(to.value.as_str())));
        }
        if let Some(to) = &change.region {
            let region = region_name(roster, to.value.as_str());
            said.push(msg!("handbook-history-region", region = region));
        }
        if let Some(to) = &change.reports_to {
            let manager = site.person_link(to.value.as_str()).label;
            said.push(msg!("handbook-history-manager", manager = manager));
        }
        if let Some(count) = &change.counties {
            said.push(msg!("handbook-history-counties", count = count.value));
        }
        if let Some(note) = &change.note {
            said.push(Msg::verbatim(note));
        }
        if let Some(what) =
            said.into_iter().reduce(|a, b| msg!("handbook-history-and", a = a, b = b))
        {
            rows.push((change.from.value, 1, what));
        }
    }
    for acting in &p.acting {
        let title = post(acting.post.value.as_str());
        let what = match &acting.until {
            Some(until) => {
                let until = site.fmt.date(until.value);
                msg!("handbook-history-acting", post = title, until = until)
            }
            None => msg!("handbook-history-acting-open", post = title),
        };
        rows.push((acting.from.value, 2, what));
    }
    if let Some(until) = &p.until {
        rows.push((until.value, 3, msg!("handbook-history-left")));
    }
    rows.sort_by_key(|(day, order, _)| (*day, *order));
    let locale = site.fmt.locale;
    rows.into_iter()
        .map(|(day, _, what)| HistoryRow { date: site.fmt.date(day), what: what.text(locale) })
        .collect()
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

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::history::diff;
    use crate::i18n::Locale;
    use crate::render::history::{ConfigNames, describe};

    /// A person's dated changes and acting assignments read well in a roster's history.
    #[test]
    fn dated_entries_read_in_the_history_in_both_languages() {
        let person = |changes: serde_json::Value, acting: serde_json::Value| {
            json!({"people": [{"id": "p012", "name": "王芳", "post": "rep",
                "changes": changes, "acting": acting}]})
        };
        let a = person(json!([{"from": "2026-10-15", "post": "rm"}]), json!([]));
        let b = person(
            json!([{"from": "2026-10-15", "post": "gm"}, {"from": "2027-01-01", "region": "x"}]),
            json!([{"post": "rm", "from": "2026-11-21"}]),
        );
        let names = ConfigNames::default();
        let said = |locale| -> Vec<String> {
            diff(&a, &b).iter().map(|c| describe(c, &names, locale)).collect()
        };
        assert_eq!(
            said(Locale::En),
            [
                "person p012 (王芳) acting assignment 2026-11-21 added",
                "person p012 (王芳) change 2026-10-15 post: rm → gm",
                "person p012 (王芳) change 2027-01-01 added",
            ]
        );
        assert_eq!(
            said(Locale::ZhCn),
            [
                "新增王芳 代理 2026-11-21",
                "王芳 变动 2026-10-15 岗位由 rm 改为 gm",
                "新增王芳 变动 2027-01-01",
            ]
        );
    }
}
