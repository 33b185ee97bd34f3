//! Next period's documents, prefilled: a review from its plan, a plan or a budget from the
//! previous period's.
//!
//! Values still to be filled are left empty; `planbook check` reports them as warnings
//! (`review.missing-actual`, `review.missing-value`) until they are filled in. The comments
//! written into a document are in the `locale` asked for (the repository's); a failure is a
//! [`Msg`] for the command line to put into words.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use crate::i18n::{Locale, Msg, msg};
use crate::index::{Doc, Index};
use crate::model::period::{Date, Period};
use crate::model::plan::{ProblemStatus, Target, Task};
use crate::model::review::Status;
use crate::model::roster::Person;
use crate::model::{Kind, Plan};
use crate::scaffold::calendar;
use crate::scaffold::yaml::scalar;

/// A generated document: where it goes (relative to the repository root) and its text.
#[derive(Debug, Clone)]
pub struct NewDocument {
    /// Repository-relative path.
    pub path: PathBuf,
    /// Contents.
    pub text: String,
}

/// The review of `unit` for `period`, prefilled from the plan for that period, its comments
/// in `locale`.
pub fn review(
    index: &Index,
    unit: &str,
    period: Period,
    locale: Locale,
) -> Result<NewDocument, Msg> {
    let plan = index.plan(unit, period).ok_or_else(|| {
        msg!("scaffold-no-plan-to-review", unit = unit, period = period.to_string())
    })?;
    let p = plan.value;
    let dir = parent(&plan.doc.meta.path);
    let mut out = front_matter_start(Kind::Review, &dir);
    let _ = writeln!(out, "kind: review\nunit: {}\nperiod: {period}", scalar(unit));
    let _ = writeln!(out, "title: {}", scalar(&review_title(&p.title, locale)));
    let _ = writeln!(out, "plan: {}", scalar(&file_name(&plan.doc.meta.path)));
    if let Some(owner) = &p.owner {
        let _ = writeln!(out, "author: {}", scalar(owner.value.as_str()));
    }
    write_actuals(&mut out, &p.targets, locale);
    if !p.tasks.is_empty() {
        let _ = writeln!(out, "\n# {}\ntasks:", msg!("scaffold-comment-status").text(locale));
        for task in &p.tasks {
            let _ = writeln!(out, "  - task: {}\n    status:", scalar(task.id.value.as_str()));
        }
    }
    if let Some(budget) = index.budget_of_plan(plan) {
        out.push_str("\nspend:\n");
        for line in budget.value.lines.iter().filter(|l| l.amount.is_some()) {
            let _ = writeln!(
                out,
                "  - line: {}    # {} {}\n    actual:",
                scalar(line.id.value.as_str()),
                comment(&line.name),
                line.amount_or_zero()
            );
        }
    }
    write_scores(&mut out, index, plan, locale);
    out.push_str("---\n");
    let _ = writeln!(out, "# {}\n", review_title(&p.title, locale));
    for heading in headings(plan.doc) {
        let _ = writeln!(out, "{heading}\n");
    }
    Ok(NewDocument { path: dir.join(format!("{period}.review.md")), text: out })
}

/// `- kpi:` with the target's `scope` and `per_post`, which an actual repeats to match it.
fn write_target_key(out: &mut String, t: &Target) {
    let _ = writeln!(out, "  - kpi: {}", scalar(t.kpi.value.as_str()));
    if let Some(scope) = &t.scope {
        let _ = writeln!(out, "    scope: {}", scalar(scope));
    }
    if let Some(post) = &t.per_post {
        let _ = writeln!(out, "    per_post: {}", scalar(post.value.as_str()));
    }
    if let Some(region) = &t.region {
        let _ = writeln!(out, "    region: {}", scalar(region.value.as_str()));
    }
}

fn write_actuals(out: &mut String, targets: &[Target], locale: Locale) {
    if targets.is_empty() {
        return;
    }
    out.push_str("\nactuals:\n");
    for t in targets {
        write_target_key(out, t);
        let aim = match (&t.target, &t.floor, &t.range) {
            (Some(target), _, _) => {
                msg!("scaffold-comment-target", value = target.value.to_string())
            }
            (None, Some(floor), _) => {
                msg!("scaffold-comment-floor", value = floor.value.to_string())
            }
            (None, None, Some(r)) => {
                let (min, max) = (r.min.value.to_string(), r.max.value.to_string());
                msg!("scaffold-comment-range", min = min, max = max)
            }
            _ => Msg::verbatim(""),
        };
        let aim = aim.text(locale);
        let _ = writeln!(out, "    actual:    # {aim}");
    }
}

/// `scores:`: everyone on the unit's rosters employed on any day of the plan's period, under
/// the scorecard of their post on its last day, and anyone acting in a scored post during it
/// (with `post:`); a comment names who joined, left, moved or acted during the period.
fn write_scores(out: &mut String, index: &Index, plan: Doc<Plan>, locale: Locale) {
    let unit = plan.value.unit.value.as_str();
    let period = plan.value.period.value;
    let staff = index.staff_during(unit, period);
    let mut lines = String::new();
    for card in &plan.value.scorecards {
        let post = &card.post.value;
        for person in &staff {
            let own = &person.on(period.as_of()).post.value == post;
            if !own && !person.acting_during(period).any(|a| &a.post.value == post) {
                continue;
            }
            let mut note = format!("{}, {}", comment(&person.name), comment(post.as_str()));
            if let Some(what) = changed_during(person, period) {
                note = format!("{note}, {}", comment(&what.text(locale)));
            }
            let _ = writeln!(lines, "  - person: {}    # {note}", scalar(person.id.value.as_str()));
            if !own {
                let _ = writeln!(lines, "    post: {}", scalar(post.as_str()));
            }
            lines.push_str("    components:\n");
            for c in &card.components {
                let _ = writeln!(
                    lines,
                    "      {}:    # {} ({}%)",
                    scalar(c.id.value.as_str()),
                    comment(&c.name),
                    c.weight.value
                );
            }
        }
    }
    if !lines.is_empty() {
        let _ = writeln!(out, "\n# {}\nscores:", msg!("scaffold-comment-scores").text(locale));
        out.push_str(&lines);
    }
}

/// What changed about `person` during `period`: joined, moved from a post, acted, left.
fn changed_during(person: &Person, period: Period) -> Option<Msg> {
    let mut said: Vec<Msg> = Vec::new();
    let in_period = |d: &Date| period.contains(*d);
    if let Some(since) = person.since.as_ref().filter(|s| in_period(&s.value)) {
        said.push(msg!("dating-new-joined", day = since.value.to_string()));
    }
    for change in &person.changes {
        let Some(post) = change.post.as_ref().filter(|_| in_period(&change.from.value)) else {
            continue;
        };
        let before = person.on(change.from.value.add_days(-1)).post;
        if before.value != post.value {
            let (from, day) = (before.value.as_str(), change.from.value.to_string());
            said.push(msg!("dating-new-moved", from = from, day = day));
        }
    }
    for acting in person.acting_during(period) {
        let (post, from) = (acting.post.value.as_str(), acting.from.value.to_string());
        said.push(match &acting.until {
            Some(u) => msg!("dating-new-acting", post = post, from = from, until = u.to_string()),
            None => msg!("dating-new-acting-open", post = post, from = from),
        });
    }
    if let Some(until) = person.until.as_ref().filter(|u| in_period(&u.value)) {
        said.push(msg!("dating-new-left", day = until.value.to_string()));
    }
    said.into_iter().reduce(|a, b| msg!("dating-new-and", a = a, b = b))
}

/// The plan of `unit` for `period`, from the previous period's plan: its targets,
/// scorecards, open problems and unfinished tasks (without dates), its comments in `locale`.
pub fn plan(index: &Index, unit: &str, period: Period, locale: Locale) -> Result<NewDocument, Msg> {
    let before = period.previous();
    let prev = index
        .plan(unit, before)
        .ok_or_else(|| msg!("scaffold-no-plan-before", unit = unit, period = before.to_string()))?;
    let p = prev.value;
    let dir = parent(&prev.doc.meta.path);
    let mut out = front_matter_start(Kind::Plan, &dir);
    let _ = writeln!(out, "kind: plan\nunit: {}\nperiod: {period}", scalar(unit));
    let title = calendar::title(&p.title, before, period);
    let _ = writeln!(out, "title: {}", scalar(&title));
    if let Some(owner) = &p.owner {
        let _ = writeln!(out, "owner: {}", scalar(owner.value.as_str()));
    }
    let budget = dir.join(format!("{period}.budget.yaml"));
    if index.by_path.contains_key(budget.as_path()) {
        let _ = writeln!(out, "budget: {}", scalar(&format!("{period}.budget.yaml")));
    }
    let open: Vec<_> = p.problems.iter().filter(|x| x.status == ProblemStatus::Open).collect();
    if !open.is_empty() {
        out.push_str("\nproblems:\n");
        for problem in &open {
            match &problem.id {
                Some(id) => {
                    let _ = writeln!(out, "  - id: {}", scalar(id.value.as_str()));
                    let _ = writeln!(out, "    title: {}", scalar(&problem.title));
                }
                None => {
                    let _ = writeln!(out, "  - title: {}", scalar(&problem.title));
                }
            }
            if let Some(detail) = &problem.detail {
                let _ = writeln!(out, "    detail: {}", scalar(detail));
            }
        }
    }
    // Answers name only the problems carried over: a solved one is left behind.
    let carried: Vec<&str> =
        open.iter().filter_map(|x| x.id.as_ref()).map(|id| id.value.as_str()).collect();
    write_measures(&mut out, p, &carried);
    write_targets(&mut out, &p.targets, period);
    write_tasks(&mut out, unfinished(index, prev), &carried, locale);
    write_scorecards(&mut out, p);
    out.push_str("---\n");
    let body = body_text(prev.doc).unwrap_or_default();
    out.push_str(&calendar::skeleton(body, before, period, &title));
    Ok(NewDocument { path: dir.join(format!("{period}.plan.md")), text: out })
}

/// The targets, with their notes; `contributes_to` kept while `period` lies within it.
fn write_targets(out: &mut String, targets: &[Target], period: Period) {
    if targets.is_empty() {
        return;
    }
    out.push_str("\ntargets:\n");
    for t in targets {
        write_target_key(out, t);
        if let Some(floor) = &t.floor {
            let _ = writeln!(out, "    floor: {}", floor.value);
        }
        if let Some(target) = &t.target {
            let _ = writeln!(out, "    target: {}", target.value);
        }
        if let Some(range) = &t.range {
            let _ = writeln!(
                out,
                "    range: {{ min: {}, max: {} }}",
                range.min.value, range.max.value
            );
        }
        if let Some(longer) = t.contributes_to.as_ref().filter(|c| period.within(c.value)) {
            let _ = writeln!(out, "    contributes_to: {}", scalar(&longer.value.to_string()));
        }
        if let Some(note) = &t.note {
            let _ = writeln!(out, "    note: {}", scalar(note));
        }
    }
}

/// Tasks of the previous plan that its review does not mark done or dropped.
fn unfinished<'a>(index: &Index<'a>, plan: Doc<'a, Plan>) -> Vec<&'a Task> {
    let review = index
        .reviews
        .iter()
        .map(|(r, _)| *r)
        .find(|r| index.plan_of_review(*r).is_some_and(|p| std::ptr::eq(p.value, plan.value)));
    plan.value
        .tasks
        .iter()
        .filter(|t| {
            let status = review
                .and_then(|r| r.value.tasks.iter().find(|s| s.task.value == t.id.value))
                .and_then(|s| s.status.as_ref());
            !matches!(status.map(|s| s.value), Some(Status::Done | Status::Dropped))
        })
        .collect()
}

/// The measures (standing ways of working) and the work areas, as they were.
fn write_measures(out: &mut String, plan: &Plan, carried: &[&str]) {
    if !plan.measures.is_empty() {
        out.push_str("\nmeasures:\n");
        for m in &plan.measures {
            let _ = writeln!(out, "  - id: {}", scalar(m.id.value.as_str()));
            let _ = writeln!(out, "    name: {}", scalar(&m.name));
            write_answers(out, &m.answers, carried);
            if let Some(area) = &m.area {
                let _ = writeln!(out, "    area: {}", scalar(area.value.as_str()));
            }
            if let Some(owner) = &m.owner {
                let _ = writeln!(out, "    owner: {}", scalar(owner.value.as_str()));
            }
            if let Some(detail) = &m.detail {
                let _ = writeln!(out, "    detail: {}", scalar(detail));
            }
        }
    }
    if !plan.areas.is_empty() {
        out.push_str("\nareas:\n");
        for a in &plan.areas {
            let _ = write!(
                out,
                "  - {{ id: {}, name: {}",
                scalar(a.id.value.as_str()),
                scalar(&a.name)
            );
            if let Some(owner) = &a.owner {
                let _ = write!(out, ", owner: {}", scalar(owner.value.as_str()));
            }
            out.push_str(" }\n");
        }
    }
}

/// `answers:` with the problems of `answers` that are carried over, if any.
fn write_answers(
    out: &mut String,
    answers: &[crate::source::Spanned<crate::model::ids::ProblemId>],
    carried: &[&str],
) {
    let kept: Vec<String> = answers
        .iter()
        .map(|a| a.value.as_str())
        .filter(|a| carried.contains(a))
        .map(scalar)
        .collect();
    if !kept.is_empty() {
        let _ = writeln!(out, "    answers: [{}]", kept.join(", "));
    }
}

fn write_tasks(out: &mut String, tasks: Vec<&Task>, carried: &[&str], locale: Locale) {
    if tasks.is_empty() {
        return;
    }
    let comment = msg!("scaffold-comment-carried-over").text(locale);
    let _ = writeln!(out, "\n# {comment}\ntasks:");
    let ids: Vec<&str> = tasks.iter().map(|t| t.id.value.as_str()).collect();
    for task in &tasks {
        let _ = writeln!(
            out,
            "  - id: {}\n    name: {}",
            scalar(task.id.value.as_str()),
            scalar(&task.name)
        );
        if let Some(owner) = &task.owner {
            let _ = writeln!(out, "    owner: {}", scalar(owner.value.as_str()));
        }
        let deps: Vec<String> = task
            .depends_on
            .iter()
            .map(|d| d.value.as_str())
            .filter(|d| ids.contains(d))
            .map(scalar)
            .collect();
        if !deps.is_empty() {
            let _ = writeln!(out, "    depends_on: [{}]", deps.join(", "));
        }
        if let Some(area) = &task.area {
            let _ = writeln!(out, "    area: {}", scalar(area.value.as_str()));
        }
        write_answers(out, &task.answers, carried);
    }
}

fn write_scorecards(out: &mut String, plan: &Plan) {
    if plan.scorecards.is_empty() {
        return;
    }
    out.push_str("\nscorecards:\n");
    for card in &plan.scorecards {
        let _ = writeln!(out, "  - post: {}", scalar(card.post.value.as_str()));
        if !card.groups.is_empty() {
            out.push_str("    groups:\n");
            for g in &card.groups {
                let (id, name) = (scalar(g.id.value.as_str()), scalar(&g.name));
                let _ = writeln!(
                    out,
                    "      - {{ id: {id}, name: {name}, weight: {} }}",
                    g.weight.value
                );
            }
        }
        if let Some(points) = &card.points {
            let min = points.min.as_ref().map(|m| format!("min: {}, ", m.value));
            let _ = writeln!(
                out,
                "    points: {{ {}max: {} }}",
                min.unwrap_or_default(),
                points.max.value
            );
        }
        if let Some(bonus) = &card.bonus_max {
            let _ = writeln!(out, "    bonus_max: {}", bonus.value);
        }
        out.push_str("    components:\n");
        for c in &card.components {
            let _ = write!(
                out,
                "      - {{ id: {}, name: {}, weight: {}",
                scalar(c.id.value.as_str()),
                scalar(&c.name),
                c.weight.value
            );
            if let Some(group) = &c.group {
                let _ = write!(out, ", group: {}", scalar(group.value.as_str()));
            }
            if let Some(kpi) = &c.kpi {
                let _ = write!(out, ", kpi: {}", scalar(kpi.value.as_str()));
            }
            if let Some(of) = &c.of {
                let _ = write!(out, ", of: {}", of.value.canonical());
            }
            if let Some(s) = &c.scale {
                let _ =
                    write!(out, ", scale: {{ floor: {}, target: {}", s.floor.value, s.target.value);
                if let Some(cap) = &s.cap {
                    let _ = write!(out, ", cap: {}", cap.value);
                }
                if let Some(below) = &s.below {
                    let _ = write!(out, ", below: {}", below.value);
                }
                out.push_str(" }");
            }
            if let Some(max) = &c.max {
                let _ = write!(out, ", max: {}", max.value);
            }
            if !c.assessed_by.is_empty() {
                let posts: Vec<String> =
                    c.assessed_by.iter().map(|p| scalar(p.value.as_str())).collect();
                let _ = write!(out, ", assessed_by: [{}]", posts.join(", "));
            }
            out.push_str(" }\n");
        }
        if !card.bonuses.is_empty() {
            let bonuses: Vec<String> = card.bonuses.iter().map(|b| scalar(b)).collect();
            let _ = writeln!(out, "    bonuses: [{}]", bonuses.join(", "));
        }
    }
}

/// The budget of `unit` for `period`: the previous period's budget file, word for word
/// (comments included), with its period changed, and the previous period named in its title
/// rewritten.
pub fn budget(index: &Index, unit: &str, period: Period) -> Result<NewDocument, Msg> {
    let before = period.previous();
    let prev = index.budget(unit, before).ok_or_else(|| {
        msg!("scaffold-no-budget-before", unit = unit, period = before.to_string())
    })?;
    let source = &index.ws.sources.get(prev.doc.meta.file).text;
    let span = prev.value.period.span;
    let (start, end) = (span.start as usize, span.end as usize);
    if source.get(start..end).is_none() {
        let path = prev.doc.meta.path.display().to_string();
        return Err(msg!("scaffold-no-period", path = path));
    }
    let mut edits = vec![(start..end, period.to_string())];
    edits.extend(calendar::title_edit(source, before, period));
    edits.sort_by_key(|(r, _)| r.start);
    let mut text = String::with_capacity(source.len());
    let mut last = 0;
    for (range, new) in edits {
        let Some(kept) = source.get(last..range.start) else { continue };
        text.push_str(kept);
        text.push_str(&new);
        last = range.end;
    }
    text.push_str(source.get(last..).unwrap_or_default());
    let name = file_name(&prev.doc.meta.path);
    let new_name = if name.contains(&before.to_string()) {
        name.replace(&before.to_string(), &period.to_string())
    } else {
        format!("{period}.budget.yaml")
    };
    Ok(NewDocument { path: parent(&prev.doc.meta.path).join(new_name), text })
}

/// `text` for a `#` comment: on one line.
fn comment(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

fn front_matter_start(kind: Kind, dir: &Path) -> String {
    let depth = dir.components().count();
    format!(
        "---\n# yaml-language-server: $schema={}schema/{}.schema.json\n",
        "../".repeat(depth),
        kind.name()
    )
}

fn review_title(plan_title: &str, locale: Locale) -> String {
    let replaced = plan_title
        .replace("工作计划", "工作回顾")
        .replace("计划", "回顾")
        .replace("Plan", "Review")
        .replace("plan", "review");
    if replaced == plan_title {
        msg!("scaffold-review-title", plan = plan_title).text(locale)
    } else {
        replaced
    }
}

/// The headings below the first level of a document's Markdown body, with their `#`s.
fn headings(doc: &crate::model::Document) -> Vec<String> {
    let Some(body) = body_text(doc) else { return Vec::new() };
    crate::model::calendar::headings(body)
        .into_iter()
        .filter(|(level, _)| *level > 1)
        .filter_map(|(level, r)| body.get(r).map(|h| format!("{} {h}", "#".repeat(level))))
        .collect()
}

/// A plan's or review's Markdown body.
fn body_text(doc: &crate::model::Document) -> Option<&str> {
    match &doc.content {
        crate::model::Content::Plan(_, body) | crate::model::Content::Review(_, body) => {
            Some(&body.text)
        }
        _ => None,
    }
}

fn parent(path: &Path) -> PathBuf {
    path.parent().map(Path::to_path_buf).unwrap_or_default()
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// Where a generated document is written: `output`, if given, else the default path, never
/// over an existing file.
pub fn destination(root: &Path, doc: &NewDocument, output: Option<&Path>) -> Result<PathBuf, Msg> {
    let path = match output {
        Some(p) => p.to_path_buf(),
        None => root.join(&doc.path),
    };
    // `symlink_metadata`: a link, even a dangling one, is something that exists.
    if path.symlink_metadata().is_ok() {
        return Err(msg!("scaffold-document-exists", path = path.display().to_string()));
    }
    Ok(path)
}
