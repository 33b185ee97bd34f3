//! Consolidation up the unit hierarchy: a parent unit's budget, headcount and attainment as
//! the exact combination of the units below it, with a row per unit.
//!
//! Rows are flattened in the order of `units:` in `planbook.yaml`, depth first, each with its
//! depth under the consolidated unit (its children are depth 1, their children depth 2): a
//! flat list reads the same in a terminal table, CSV, a spreadsheet and JSON, where nesting
//! would not. A unit's own row holds its own documents only; a unit with units below it also
//! gets a [`RowKind::Subtotal`] row after them (its own figures and theirs), so the own rows
//! add up to the total and the subtotals never count twice. The consolidated unit itself has
//! an own row only when it has a document of its own, and no subtotal row: that is the total.

use std::collections::{BTreeMap, HashSet};

use rust_decimal::Decimal;
use serde::Serialize;

use crate::index::{Doc, Index};
use crate::model::Budget;
use crate::model::config::{Aggregate, Better};
use crate::model::money::exact::{self, OutOfRange};
use crate::model::period::{Date, Period};
use crate::rollup::attainment::combine;
use crate::rollup::budget::actual_spend;
use crate::rollup::{percent, unit_name};

/// Whether a row is a unit's own figures or the subtotal of it and the units below it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RowKind {
    /// The unit's own documents.
    Own,
    /// The unit and every unit below it.
    Subtotal,
}

/// Where a row's unit sits under the consolidated unit.
#[derive(Debug, Clone, Serialize)]
pub struct Place {
    /// Unit id.
    pub unit: String,
    /// Unit name.
    pub unit_name: String,
    /// Levels below the consolidated unit (its children are 1).
    pub depth: usize,
    /// The unit above it; none for the consolidated unit.
    pub parent: Option<String>,
    /// Own figures or a subtotal.
    pub kind: RowKind,
}

/// A unit of the consolidated tree, depth first.
#[derive(Debug, Clone)]
struct Member<'a> {
    id: &'a str,
    depth: usize,
    parent: Option<&'a str>,
    /// The unit and the units below it.
    subtree: Vec<&'a str>,
}

/// `top` and the units below it, depth first in the order of `units:`; a unit is visited once
/// even when `parent:` fields form a loop.
fn members<'a>(index: &Index<'a>, top: &str) -> Vec<Member<'a>> {
    let units = &index.ws.config.units;
    let Some(top) = index.units.get(top).map(|u| u.id.value.as_str()) else { return Vec::new() };
    let mut out: Vec<Member<'a>> = Vec::new();
    let mut seen = HashSet::new();
    let mut stack: Vec<(&'a str, usize, Option<&'a str>)> = vec![(top, 0, None)];
    while let Some((id, depth, parent)) = stack.pop() {
        if !seen.insert(id) {
            continue;
        }
        out.push(Member { id, depth, parent, subtree: Vec::new() });
        let children = units
            .iter()
            .filter(|u| u.parent.as_ref().is_some_and(|p| p.value.as_str() == id))
            .map(|u| (u.id.value.as_str(), depth + 1, Some(id)));
        let children: Vec<_> = children.collect();
        stack.extend(children.into_iter().rev());
    }
    // A member's subtree is it and the members after it that are deeper, up to the next one
    // that is not.
    for i in 0..out.len() {
        let depth = out.get(i).map_or(0, |m| m.depth);
        let subtree: Vec<&str> = std::iter::once(i)
            .chain((i + 1..out.len()).take_while(|j| out.get(*j).is_some_and(|m| m.depth > depth)))
            .filter_map(|j| out.get(j).map(|m| m.id))
            .collect();
        if let Some(m) = out.get_mut(i) {
            m.subtree = subtree;
        }
    }
    out
}

/// The rows of a consolidation in order: each member's own row, and after the last unit below
/// a member with units below it, that member's subtotal (never the consolidated unit's).
fn layout<'m, 'a>(members: &'m [Member<'a>]) -> Vec<(&'m Member<'a>, RowKind)> {
    let mut out = Vec::new();
    let mut open: Vec<&Member> = Vec::new();
    for m in members {
        while open.last().is_some_and(|o| o.depth >= m.depth) {
            if let Some(o) = open.pop() {
                out.push((o, RowKind::Subtotal));
            }
        }
        out.push((m, RowKind::Own));
        if m.depth > 0 && m.subtree.len() > 1 {
            open.push(m);
        }
    }
    while let Some(o) = open.pop() {
        out.push((o, RowKind::Subtotal));
    }
    out
}

fn place(index: &Index, m: &Member, kind: RowKind) -> Place {
    Place {
        unit: m.id.to_string(),
        unit_name: unit_name(index, m.id),
        depth: m.depth,
        parent: m.parent.map(str::to_string),
        kind,
    }
}

/// Whether `unit` has units below it, so that a rollup of it consolidates.
pub fn has_children(index: &Index, unit: &str) -> bool {
    members(index, unit).len() > 1
}

// ---------------------------------------------------------------------------------------
// Budget

/// A parent unit's consolidated budget for one period.
#[derive(Debug, Clone, Serialize)]
pub struct BudgetConsolidation {
    /// The consolidated unit.
    pub unit: String,
    /// Its name.
    pub unit_name: String,
    /// The period.
    pub period: Period,
    /// A row per unit (own budget) and per subtotal.
    pub rows: Vec<BudgetRow>,
    /// The group's totals, one per currency: amounts in different currencies are never added.
    pub totals: Vec<Figures>,
    /// Units below the consolidated one with no budget for the period (neither of it nor of
    /// months within it).
    pub missing: Vec<String>,
    /// Units whose budget is left out because a sum is beyond exact range.
    pub out_of_range: Vec<String>,
}

/// How a unit's own budget for the period was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    /// A budget of exactly the period.
    Exact,
    /// No budget of the period: the sum of its monthly budgets within it.
    Months,
    /// No budget of the year nor of its months: the sum of its quarterly budgets.
    Quarters,
    /// No budget at all: listed, never counted as zero.
    Missing,
    /// Left out: a sum of its figures is beyond exact range.
    OutOfRange,
}

/// One row of the consolidated budget.
#[derive(Debug, Clone, Serialize)]
pub struct BudgetRow {
    /// The unit and what the row holds.
    #[serde(flatten)]
    pub place: Place,
    /// How the unit's own budget was found; none on a subtotal row.
    pub basis: Option<Basis>,
    /// The periods of the budgets added up.
    pub periods: Vec<Period>,
    /// The figures, one per currency (none for a missing budget).
    pub figures: Vec<Figures>,
}

/// Budget figures in one currency.
#[derive(Debug, Clone, Serialize)]
pub struct Figures {
    /// Currency code.
    pub currency: String,
    /// Sum of the lines.
    pub total: Decimal,
    /// Actual spend from reviews, when every budget added up has a review with spend.
    pub actual: Option<Decimal>,
    /// By category id (`—` for lines without one).
    pub categories: Vec<Amount>,
    /// By section name (`—` for lines without one).
    pub sections: Vec<Amount>,
}

/// An amount under a key.
#[derive(Debug, Clone, Serialize)]
pub struct Amount {
    /// Category id or section name.
    pub key: String,
    /// Budgeted.
    pub amount: Decimal,
}

/// Running sums in one currency.
#[derive(Debug, Clone, Default)]
struct Sums {
    total: Decimal,
    actual: Option<Decimal>,
    /// Whether an added budget had no actual spend: the actual is then not known.
    actual_unknown: bool,
    categories: BTreeMap<String, Decimal>,
    sections: BTreeMap<String, Decimal>,
}

impl Sums {
    fn add(&mut self, other: &Sums) -> Result<(), OutOfRange> {
        self.total = exact::add(self.total, other.total)?;
        self.actual_unknown |= other.actual_unknown;
        self.actual = match (self.actual, other.actual) {
            (Some(a), Some(b)) => Some(exact::add(a, b)?),
            (a, b) => a.or(b),
        };
        for (into, from) in
            [(&mut self.categories, &other.categories), (&mut self.sections, &other.sections)]
        {
            for (k, v) in from {
                let slot = into.entry(k.clone()).or_default();
                *slot = exact::add(*slot, *v)?;
            }
        }
        Ok(())
    }

    fn figures(&self, currency: &str) -> Figures {
        let amounts = |m: &BTreeMap<String, Decimal>| {
            m.iter().map(|(k, v)| Amount { key: k.clone(), amount: *v }).collect()
        };
        Figures {
            currency: currency.to_string(),
            total: self.total,
            actual: self.actual.filter(|_| !self.actual_unknown),
            categories: amounts(&self.categories),
            sections: amounts(&self.sections),
        }
    }
}

type ByCurrency = BTreeMap<String, Sums>;

fn add_all(into: &mut ByCurrency, from: &ByCurrency) -> Result<(), OutOfRange> {
    for (currency, sums) in from {
        into.entry(currency.clone()).or_default().add(sums)?;
    }
    Ok(())
}

/// A unit's budgets for `period`: of the period itself, else of its months, else (for a year)
/// of its quarters. A month's figure is never made from a quarter's.
fn budgets_for<'a>(index: &Index<'a>, unit: &str, period: Period) -> (Basis, Vec<Doc<'a, Budget>>) {
    if let Some(b) = index.budget(unit, period) {
        return (Basis::Exact, vec![b]);
    }
    let months: Vec<Period> = match period {
        Period::Month(..) => Vec::new(),
        Period::Quarter(y, q) => (0..3).map(|i| Period::Month(y, (q - 1) * 3 + 1 + i)).collect(),
        Period::Year(y) => (1..=12).map(|m| Period::Month(y, m)).collect(),
    };
    let found: Vec<_> = months.iter().filter_map(|p| index.budget(unit, *p)).collect();
    if !found.is_empty() {
        return (Basis::Months, found);
    }
    if let Period::Year(y) = period {
        let found: Vec<_> =
            (1..=4).filter_map(|q| index.budget(unit, Period::Quarter(y, q))).collect();
        if !found.is_empty() {
            return (Basis::Quarters, found);
        }
    }
    (Basis::Missing, Vec::new())
}

/// One budget's sums by currency: a line in its own currency counts under it.
fn budget_sums(index: &Index, doc: Doc<Budget>) -> Result<ByCurrency, OutOfRange> {
    let b = doc.value;
    let default = b
        .currency
        .as_ref()
        .map_or_else(|| index.ws.config.currency.0.clone(), |c| c.value.0.clone());
    let spend = actual_spend(index, doc);
    let mut out = ByCurrency::new();
    for line in &b.lines {
        let currency =
            line.currency.as_ref().map_or_else(|| default.clone(), |c| c.value.0.clone());
        let sums = out.entry(currency).or_default();
        let amount = line.amount_or_zero();
        sums.total = exact::add(sums.total, amount)?;
        let category = line.category.as_ref().map_or("—", |c| c.value.as_str());
        let slot = sums.categories.entry(category.to_string()).or_default();
        *slot = exact::add(*slot, amount)?;
        let section = line.section.as_ref().map(|s| {
            let id = s.value.as_str();
            b.sections.iter().find(|x| x.id.value.as_str() == id).map_or(id, |x| x.name.as_str())
        });
        let slot = sums.sections.entry(section.unwrap_or("—").to_string()).or_default();
        *slot = exact::add(*slot, amount)?;
        if let Some(spend) = &spend {
            let spent = spend.get(line.id.value.as_str()).copied().unwrap_or_default();
            sums.actual = Some(exact::add(sums.actual.unwrap_or_default(), spent)?);
        }
    }
    for sums in out.values_mut() {
        sums.actual_unknown = spend.is_none();
    }
    if b.lines.is_empty() {
        out.entry(default).or_default();
    }
    Ok(out)
}

/// Consolidates the budgets of `unit` and the units below it for `period`.
pub fn budget(index: &Index, unit: &str, period: Period) -> BudgetConsolidation {
    let members = members(index, unit);
    let mut own: BTreeMap<&str, (Basis, Vec<Period>, ByCurrency)> = BTreeMap::new();
    let mut report = BudgetConsolidation {
        unit: unit.to_string(),
        unit_name: unit_name(index, unit),
        period,
        rows: Vec::new(),
        totals: Vec::new(),
        missing: Vec::new(),
        out_of_range: Vec::new(),
    };
    for m in &members {
        let (basis, docs) = budgets_for(index, m.id, period);
        let periods = docs.iter().map(|d| d.value.period.value).collect();
        let mut sums = ByCurrency::new();
        let added = docs.iter().try_for_each(|d| add_all(&mut sums, &budget_sums(index, *d)?));
        let basis = match added {
            Ok(()) => basis,
            Err(OutOfRange) => {
                report.out_of_range.push(m.id.to_string());
                sums.clear();
                Basis::OutOfRange
            }
        };
        if basis == Basis::Missing && m.depth > 0 {
            report.missing.push(m.id.to_string());
        }
        own.insert(m.id, (basis, periods, sums));
    }
    let subtotal = |m: &Member| -> Result<ByCurrency, OutOfRange> {
        let mut sums = ByCurrency::new();
        for u in &m.subtree {
            if let Some((_, _, s)) = own.get(u) {
                add_all(&mut sums, s)?;
            }
        }
        Ok(sums)
    };
    let figures = |s: &ByCurrency| s.iter().map(|(c, s)| s.figures(c)).collect::<Vec<_>>();
    for (m, kind) in layout(&members) {
        let Some((basis, periods, sums)) = own.get(m.id) else { continue };
        if kind == RowKind::Own && m.depth == 0 && sums.is_empty() {
            continue;
        }
        let row = match kind {
            RowKind::Own => BudgetRow {
                place: place(index, m, kind),
                basis: Some(*basis),
                periods: periods.clone(),
                figures: figures(sums),
            },
            RowKind::Subtotal => BudgetRow {
                place: place(index, m, kind),
                basis: None,
                periods: Vec::new(),
                figures: subtotal(m).map(|s| figures(&s)).unwrap_or_default(),
            },
        };
        report.rows.push(row);
    }
    if let Some(top) = members.first() {
        match subtotal(top) {
            Ok(s) => report.totals = figures(&s),
            Err(OutOfRange) => report.out_of_range.push(top.id.to_string()),
        }
    }
    report
}

/// The latest `as_of` of a roster of `unit` or a unit below it: the day a consolidated
/// headcount is counted on when no day is asked for.
pub fn latest_roster_day(index: &Index, unit: &str) -> Option<Date> {
    let units = index.unit_and_descendants(unit);
    let rosters = index.rosters.iter().filter(|r| units.contains(&r.value.unit.value.as_str()));
    rosters.filter_map(|r| r.value.as_of.as_ref().map(|d| d.value)).max()
}

/// The latest period of a budget of `unit` or a unit below it.
pub fn latest_budget_period(index: &Index, unit: &str) -> Option<Period> {
    let units = index.unit_and_descendants(unit);
    let budgets = index.budgets.iter().filter(|b| units.contains(&b.value.unit.value.as_str()));
    budgets.map(|b| b.value.period.value).max()
}

// ---------------------------------------------------------------------------------------
// Headcount

/// A parent unit's consolidated headcount on one day.
#[derive(Debug, Clone, Serialize)]
pub struct HeadcountConsolidation {
    /// The consolidated unit.
    pub unit: String,
    /// Its name.
    pub unit_name: String,
    /// The day counted.
    pub as_of: Date,
    /// A row per unit (own rosters) and per subtotal.
    pub rows: Vec<HeadcountRow>,
    /// The group's total.
    pub total: Staffing,
    /// Units below the consolidated one without a roster.
    pub missing: Vec<String>,
}

/// One row of the consolidated headcount.
#[derive(Debug, Clone, Serialize)]
pub struct HeadcountRow {
    /// The unit and what the row holds.
    #[serde(flatten)]
    pub place: Place,
    /// The figures; none for a unit without a roster.
    pub staffing: Option<Staffing>,
}

/// Establishment against people on staff.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Staffing {
    /// Authorised places in posts that count towards the establishment.
    pub establishment: u64,
    /// People on staff.
    pub on_staff: u64,
    /// Of them, people in posts outside the establishment (`in_establishment: false`).
    pub outside: u64,
    /// Unfilled places, post by post.
    pub vacancies: u64,
    /// People beyond their post's establishment, post by post.
    pub over: u64,
}

impl Staffing {
    fn add(self, o: Staffing) -> Staffing {
        Staffing {
            establishment: self.establishment.saturating_add(o.establishment),
            on_staff: self.on_staff.saturating_add(o.on_staff),
            outside: self.outside.saturating_add(o.outside),
            vacancies: self.vacancies.saturating_add(o.vacancies),
            over: self.over.saturating_add(o.over),
        }
    }
}

/// The one place consolidation asks a unit's own headcount on a day; `None` without a roster.
///
/// Posts that exist on `day` with `in_establishment` (not `false`) count their establishment on
/// that day; people employed on `day` count in the post they hold that day (acting does not
/// fill a post), as `rollup::headcount` counts a roster.
pub fn unit_staffing(index: &Index, unit: &str, day: Date) -> Option<Staffing> {
    let rosters: Vec<_> =
        index.rosters.iter().filter(|r| r.value.unit.value.as_str() == unit).collect();
    if rosters.is_empty() {
        return None;
    }
    let mut total = Staffing::default();
    for roster in rosters {
        let r = roster.value;
        let staff: Vec<_> = r.people.iter().filter(|p| p.employed_on(day)).collect();
        let mut held: BTreeMap<&str, u64> = BTreeMap::new();
        for p in &staff {
            *held.entry(p.on(day).post.value.as_str()).or_default() += 1;
        }
        let mut s = Staffing { on_staff: staff.len() as u64, ..Staffing::default() };
        for post in r.posts.iter().filter(|p| !p.in_establishment) {
            let people = held.get(post.id.value.as_str()).copied().unwrap_or(0);
            s.outside = s.outside.saturating_add(people);
        }
        for post in r.posts.iter().filter(|p| p.in_establishment && p.exists_on(day)) {
            let est = u64::from(post.establishment_on(day));
            let people = held.get(post.id.value.as_str()).copied().unwrap_or(0);
            s.establishment = s.establishment.saturating_add(est);
            s.vacancies = s.vacancies.saturating_add(est.saturating_sub(people));
            s.over = s.over.saturating_add(people.saturating_sub(est));
        }
        total = total.add(s);
    }
    Some(total)
}

/// Consolidates the headcount of `unit` and the units below it on `day`.
pub fn headcount(index: &Index, unit: &str, day: Date) -> HeadcountConsolidation {
    let members = members(index, unit);
    let own: BTreeMap<&str, Option<Staffing>> =
        members.iter().map(|m| (m.id, unit_staffing(index, m.id, day))).collect();
    let subtotal = |m: &Member| {
        m.subtree
            .iter()
            .filter_map(|u| own.get(u).copied().flatten())
            .fold(Staffing::default(), Staffing::add)
    };
    let mut rows = Vec::new();
    for (m, kind) in layout(&members) {
        let staffing = match kind {
            RowKind::Own => own.get(m.id).copied().flatten(),
            RowKind::Subtotal => Some(subtotal(m)),
        };
        if kind == RowKind::Own && m.depth == 0 && staffing.is_none() {
            continue;
        }
        rows.push(HeadcountRow { place: place(index, m, kind), staffing });
    }
    HeadcountConsolidation {
        unit: unit.to_string(),
        unit_name: unit_name(index, unit),
        as_of: day,
        rows,
        total: members.first().map(subtotal).unwrap_or_default(),
        missing: members
            .iter()
            .filter(|m| m.depth > 0 && own.get(m.id).is_some_and(Option::is_none))
            .map(|m| m.id.to_string())
            .collect(),
    }
}

// ---------------------------------------------------------------------------------------
// Attainment

/// A parent unit's consolidated attainment for one period.
#[derive(Debug, Clone, Serialize)]
pub struct AttainmentConsolidation {
    /// The consolidated unit.
    pub unit: String,
    /// Its name.
    pub unit_name: String,
    /// The period.
    pub period: Period,
    /// One entry per KPI (and per post, for per-person targets), in catalogue order.
    pub kpis: Vec<KpiConsolidation>,
}

/// One KPI across the units.
#[derive(Debug, Clone, Serialize)]
pub struct KpiConsolidation {
    /// KPI id.
    pub kpi: String,
    /// KPI name.
    pub kpi_name: String,
    /// Unit of measure.
    pub measure: Option<String>,
    /// The post of a per-person target: such figures are combined as the mean, never summed.
    pub per_post: Option<String>,
    /// Higher or lower is better.
    pub better: Better,
    /// How units' figures were combined: the KPI's `aggregate`, or `mean` per person.
    pub aggregate: Aggregate,
    /// A row per unit with a target for the KPI, and per subtotal.
    pub rows: Vec<KpiRow>,
    /// The group's combined figure.
    pub total: KpiFigures,
}

/// One row of a KPI's consolidation.
#[derive(Debug, Clone, Serialize)]
pub struct KpiRow {
    /// The unit and what the row holds.
    #[serde(flatten)]
    pub place: Place,
    /// The figures.
    #[serde(flatten)]
    pub figures: KpiFigures,
}

/// Target, floor and actual, and attainment from them.
#[derive(Debug, Clone, Default, Serialize)]
pub struct KpiFigures {
    /// The target (combined: over the contributing units, when each of them has one).
    pub target: Option<Decimal>,
    /// The floor (the ceiling of a lower-is-better KPI), combined likewise.
    pub floor: Option<Decimal>,
    /// The actual (combined: over the units that reported one).
    pub actual: Option<Decimal>,
    /// Actual against target (else floor), in percent; target against actual when lower is
    /// better.
    pub attainment_pct: Option<Decimal>,
    /// The units whose actual the figure combines.
    pub contributors: Vec<String>,
}

/// One unit's unit-wide (or per-person) target and actual.
#[derive(Debug, Clone, Copy)]
struct Own {
    target: Option<Decimal>,
    floor: Option<Decimal>,
    actual: Option<Decimal>,
}

fn attainment_pct(
    actual: Option<Decimal>,
    goal: Option<Decimal>,
    better: Better,
) -> Option<Decimal> {
    let (actual, goal) = (actual?, goal?);
    match better {
        Better::Higher => percent(actual, goal),
        Better::Lower if goal.is_zero() => None,
        Better::Lower => percent(goal, actual),
    }
}

/// Combines the own figures of `units` by `rule`: the actual over the units that reported
/// one, the target and floor over the same units when each has one.
fn combined(
    units: &[&str],
    own: &BTreeMap<&str, Own>,
    rule: Aggregate,
    better: Better,
) -> Result<KpiFigures, OutOfRange> {
    let reported: Vec<(&str, Own)> = units
        .iter()
        .filter_map(|u| own.get(u).filter(|o| o.actual.is_some()).map(|o| (*u, *o)))
        .collect();
    if reported.is_empty() {
        return Ok(KpiFigures::default());
    }
    let all = |f: fn(&Own) -> Option<Decimal>| -> Result<Option<Decimal>, OutOfRange> {
        let values: Option<Vec<Decimal>> = reported.iter().map(|(_, o)| f(o)).collect();
        values.map(|v| combine(rule, v.into_iter())).transpose()
    };
    let target = all(|o| o.target)?;
    let floor = all(|o| o.floor)?;
    let actual = all(|o| o.actual)?;
    Ok(KpiFigures {
        target,
        floor,
        actual,
        attainment_pct: attainment_pct(actual, target.or(floor), better),
        contributors: reported.iter().map(|(u, _)| u.to_string()).collect(),
    })
}

/// Consolidates attainment of `unit` and the units below it for `period`.
///
/// Only unit-wide targets (no `scope`, no `region`) and per-person targets (`per_post`) take
/// part: a scoped or regional target is a part of a unit's figure, not the unit's.
pub fn attainment(index: &Index, unit: &str, period: Period) -> AttainmentConsolidation {
    let members = members(index, unit);
    let in_tree: HashSet<&str> = members.iter().map(|m| m.id).collect();
    // (kpi, per_post) → unit → its figures.
    let mut found: BTreeMap<(&str, Option<&str>), BTreeMap<&str, Own>> = BTreeMap::new();
    let mut reviews = std::collections::HashMap::new();
    for (r, _) in &index.reviews {
        if let Some(plan) = index.plan_of_review(*r) {
            reviews.entry(std::ptr::from_ref(plan.value)).or_insert(*r);
        }
    }
    for (plan, _) in &index.plans {
        let p = plan.value;
        let u = p.unit.value.as_str();
        if p.period.value != period || !in_tree.contains(u) {
            continue;
        }
        let review = reviews.get(&std::ptr::from_ref(p)).copied();
        for t in p.targets.iter().filter(|t| t.scope.is_none() && t.region.is_none()) {
            let key = (t.kpi.value.as_str(), t.per_post.as_ref().map(|p| p.value.as_str()));
            let actual = review
                .and_then(|r| r.value.actuals.iter().find(|a| a.reports_on(t)))
                .and_then(|a| crate::compute::tally::value(&index.ws.config, a));
            let own = Own {
                target: t.target.as_ref().map(|v| v.value.0),
                floor: t.floor.as_ref().map(|v| v.value.0),
                actual,
            };
            found.entry(key).or_default().entry(u).or_insert(own);
        }
    }
    let catalogue: Vec<&str> = index.ws.config.kpis.iter().map(|k| k.id.value.as_str()).collect();
    let mut keys: Vec<(&str, Option<&str>)> = found.keys().copied().collect();
    let position = |k: &str| catalogue.iter().position(|c| *c == k).unwrap_or(usize::MAX);
    keys.sort_by_key(|(k, post)| (position(k), *k, *post));
    let mut kpis = Vec::new();
    for key in keys {
        let Some(own) = found.get(&key) else { continue };
        let (kpi_id, per_post) = key;
        let kpi = index.kpis.get(kpi_id);
        let better = kpi.map_or(Better::Higher, |k| k.better);
        let rule = match per_post {
            Some(_) => Aggregate::Mean,
            None => kpi.map_or(Aggregate::Sum, |k| k.aggregate),
        };
        let mut rows = Vec::new();
        for (m, kind) in layout(&members) {
            let figures = match kind {
                RowKind::Own => match own.get(m.id) {
                    Some(o) => KpiFigures {
                        target: o.target,
                        floor: o.floor,
                        actual: o.actual,
                        attainment_pct: attainment_pct(o.actual, o.target.or(o.floor), better),
                        contributors: o.actual.map(|_| m.id.to_string()).into_iter().collect(),
                    },
                    None => continue,
                },
                RowKind::Subtotal => {
                    if !m.subtree.iter().any(|u| own.contains_key(u)) {
                        continue;
                    }
                    combined(&m.subtree, own, rule, better).unwrap_or_default()
                }
            };
            rows.push(KpiRow { place: place(index, m, kind), figures });
        }
        let all: Vec<&str> = members.iter().map(|m| m.id).collect();
        let Ok(total) = combined(&all, own, rule, better) else { continue };
        kpis.push(KpiConsolidation {
            kpi: kpi_id.to_string(),
            kpi_name: kpi.map_or_else(|| kpi_id.to_string(), |k| k.name.clone()),
            measure: kpi.and_then(|k| k.unit.clone()),
            per_post: per_post.map(str::to_string),
            better,
            aggregate: rule,
            rows,
            total,
        });
    }
    AttainmentConsolidation {
        unit: unit.to_string(),
        unit_name: unit_name(index, unit),
        period,
        kpis,
    }
}

/// The latest period of a plan of `unit` or a unit below it whose review reports an actual.
pub fn latest_attainment_period(index: &Index, unit: &str) -> Option<Period> {
    let units = index.unit_and_descendants(unit);
    let reported = index.reviews.iter().filter(|(r, _)| {
        units.contains(&r.value.unit.value.as_str())
            && r.value.actuals.iter().any(|a| a.actual.is_some() || a.tally.is_some())
    });
    reported.map(|(r, _)| r.value.period.value).max()
}

/// The latest period of each length (month, quarter, year) in which `unit` or a unit below it
/// reported actuals, the one ending last first (the shorter first when they end together): a
/// group whose branches review monthly and whose other companies review yearly shows both.
pub fn latest_attainment_periods(index: &Index, unit: &str) -> Vec<Period> {
    let units = index.unit_and_descendants(unit);
    let mut latest: BTreeMap<u8, Period> = BTreeMap::new();
    let reported = index.reviews.iter().filter(|(r, _)| {
        units.contains(&r.value.unit.value.as_str())
            && r.value.actuals.iter().any(|a| a.actual.is_some() || a.tally.is_some())
    });
    for (r, _) in reported {
        let period = r.value.period.value;
        let length = match period {
            Period::Month(..) => 0,
            Period::Quarter(..) => 1,
            Period::Year(..) => 2,
        };
        let e = latest.entry(length).or_insert(period);
        *e = (*e).max(period);
    }
    let mut periods: Vec<Period> = latest.into_values().collect();
    periods.sort_by_key(|p| std::cmp::Reverse((p.bounds().1, *p)));
    periods
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mean_targets_and_actuals_combine_before_attainment() {
        let mut own = BTreeMap::new();
        let d = |v: i64| Some(Decimal::from(v));
        own.insert("a", Own { target: d(100), floor: None, actual: d(50) });
        own.insert("b", Own { target: d(300), floor: None, actual: d(350) });
        own.insert("c", Own { target: d(10), floor: None, actual: None });
        let f = combined(&["a", "b", "c"], &own, Aggregate::Mean, Better::Higher).unwrap();
        assert_eq!(f.actual, d(200));
        assert_eq!(f.target, d(200));
        // 100 %, not the mean of 50 % and 116.7 %.
        assert_eq!(f.attainment_pct, Some(Decimal::from(100)));
        assert_eq!(f.contributors, ["a", "b"]);
        let f = combined(&["a", "b"], &own, Aggregate::Sum, Better::Lower).unwrap();
        assert_eq!(f.actual, d(400));
        assert_eq!(f.attainment_pct, Some(Decimal::from(100)));
    }
}
