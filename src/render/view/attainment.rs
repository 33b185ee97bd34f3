//! The attainment table (KPI targets with their actuals, and a chart of attainment) that the
//! unit, plan, review and home views share. Each row's standing is a [`Signal`] (colour, sign
//! and words); a regional target's scope names its region or region group from the roster;
//! columns no row fills are left out.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::i18n::{Arg, msg};
use crate::model::config::Better;
use crate::model::period::Period;
use crate::render::charts::{self, BarChart, BarInput, LegendKey};
use crate::render::history::HistoryIndex;
use crate::render::view::common::unit_post_title;
use crate::render::view::figures::{Direction, Signal};
use crate::render::view::site::Site;
use crate::rollup::attainment::{AttainmentRow, Standing};
use crate::rollup::year_to_date::YearToDate;

/// KPI targets with their actuals, for one unit and period.
#[derive(Debug, Serialize)]
pub struct AttainmentTable {
    /// The period, formatted.
    pub period: String,
    /// The rows.
    pub rows: Vec<AttainRow>,
    /// Attainment in percent as a chart, with 100 % marked.
    pub chart: Option<BarChart>,
    /// The head of the column of floors: `Floor`, `Ceiling` for a table of lower-is-better
    /// KPIs only, or `Floor / ceiling` when the table mixes both (each row then says which).
    pub floor_head: String,
    /// Whether the table mixes higher- and lower-is-better KPIs.
    pub mixed: bool,
    /// The columns some row fills; the others are left out.
    pub cols: AttainCols,
}

/// Which of the attainment table's optional columns any row fills.
#[derive(Debug, Default, Serialize)]
pub struct AttainCols {
    /// Scope, per post or region.
    pub scope: bool,
    /// Floor or ceiling.
    pub floor: bool,
    /// Target.
    pub target: bool,
    /// Range.
    pub range: bool,
    /// Actual.
    pub actual: bool,
    /// Attainment.
    pub pct: bool,
}

/// One target and its actual.
#[derive(Debug, Serialize)]
pub struct AttainRow {
    /// The row's anchor (`target-henan-3`), which the attention lists link to.
    pub anchor: String,
    /// KPI name.
    pub kpi: String,
    /// Unit of measure.
    pub measure: Option<String>,
    /// Scope: the target's own, else its region or region group by name.
    pub scope: Option<String>,
    /// For a region group's row summed from its regions: the regions' names, joined.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summed_from: Option<String>,
    /// Per person in this post.
    pub per_post: Option<String>,
    /// Floor (the ceiling of a lower-is-better KPI).
    pub floor: String,
    /// What the floor is on this row: `Floor`, or `Ceiling` for a lower-is-better KPI.
    pub floor_label: String,
    /// Whether lower is better for this KPI.
    pub lower: bool,
    /// Target.
    pub target: String,
    /// Range `min–max`.
    pub range: String,
    /// Actual.
    pub actual: String,
    /// Attainment.
    pub pct: String,
    /// Standing key (`met`, `above-floor`, `missed`, `no-actual`).
    pub standing: &'static str,
    /// The standing in words, for the KPI's direction (`within-ceiling` for a lower-is-better
    /// KPI above its floor).
    pub standing_text: String,
    /// The standing as a signal: colour, sign and the same words.
    pub signal: Signal,
    /// The target's key in the documents (`kpi/scope/post`), to look up its history.
    #[serde(skip)]
    pub key: String,
    /// Who last set the target figures, from git history.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_blame: Option<String>,
    /// Who last reported the actual, from git history.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual_blame: Option<String>,
    /// The year to date against the longer period's target, in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ytd: Option<String>,
}

impl AttainmentTable {
    /// The table of `unit` in `period`; `None` when the unit has no targets then.
    pub fn new(site: &Site, unit: &str, period: Period) -> Option<AttainmentTable> {
        let rows = site.attainment.get(&(unit, period))?;
        let fmt = site.fmt;
        let per_post = |post: &str| unit_post_title(site, unit, post);
        let roster = site.index.rosters_of(unit).first().map(|r| r.value);
        let place = |id: &str| roster.map_or_else(|| id.to_string(), |r| r.place_name(id));
        let scope = |r: &AttainmentRow| {
            r.scope.clone().or_else(|| r.region.as_deref().map(place)).filter(|s| !s.is_empty())
        };
        let view: Vec<AttainRow> = rows
            .iter()
            .enumerate()
            .map(|(i, r)| AttainRow {
                anchor: crate::render::view::attention::target_anchor(unit, i),
                key: [Some(r.kpi.as_str()), r.scope.as_deref(), r.per_post.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join("/"),
                target_blame: None,
                actual_blame: None,
                ytd: r.year_to_date.as_ref().map(|y| year_to_date(site, y)),
                kpi: r.kpi_name.clone(),
                measure: r.measure.clone(),
                scope: scope(r),
                summed_from: (!r.summed_from.is_empty()).then(|| {
                    let names = Arg::List(r.summed_from.iter().map(|x| place(x)).collect());
                    msg!("handbook-signals-summed", regions = names).text(fmt.locale)
                }),
                per_post: r.per_post.as_deref().map(per_post),
                floor: fmt.opt(r.floor),
                floor_label: site.t(if r.better == Better::Lower { "ceiling" } else { "floor" }),
                lower: r.better == Better::Lower,
                target: fmt.opt(r.target),
                range: r
                    .range
                    .map(|(a, b)| format!("{}–{}", fmt.number(a), fmt.number(b)))
                    .unwrap_or_default(),
                actual: fmt.opt(r.actual),
                pct: r.attainment_pct.map(|p| fmt.percent(p)).unwrap_or_default(),
                standing: standing_key(r.standing),
                standing_text: standing_text(site, r),
                signal: Signal::new(direction(r.standing), standing_text(site, r)),
            })
            .collect();
        let bars: Vec<BarInput> = rows
            .iter()
            .filter_map(|r| {
                let pct = r.attainment_pct?;
                let within = [scope(r), r.per_post.as_deref().map(per_post)];
                let within: Vec<String> = within.into_iter().flatten().collect();
                let label = match within.is_empty() {
                    false => format!("{} ({})", r.kpi_name, within.join(" · ")),
                    true => r.kpi_name.clone(),
                };
                let d = direction(r.standing);
                Some(BarInput {
                    label,
                    value_text: format!("{} {}", d.sign(), fmt.percent(pct)),
                    value: pct,
                    second: None,
                    mark: Some(Decimal::ONE_HUNDRED),
                    tone: Some(d.tone()),
                })
            })
            .collect();
        let keys = [(Direction::Met, "met"), (Direction::Near, "above-floor")]
            .into_iter()
            .chain([(Direction::Missed, "missed")])
            .map(|(d, key)| LegendKey::new(d.tone_key(), d.sign(), site.t(key)))
            .chain([LegendKey::new("key-mark", "", site.t("sig_key_target_line"))])
            .collect();
        let chart = charts::bars(site.t("attainment"), site.t("attainment"), None, bars)
            .map(|c| c.with_keys(keys));
        let cols = AttainCols {
            scope: view.iter().any(|r| r.scope.is_some() || r.per_post.is_some()),
            floor: view.iter().any(|r| !r.floor.is_empty()),
            target: view.iter().any(|r| !r.target.is_empty()),
            range: view.iter().any(|r| !r.range.is_empty()),
            actual: view.iter().any(|r| !r.actual.is_empty()),
            pct: view.iter().any(|r| !r.pct.is_empty()),
        };
        let lower = rows.iter().filter(|r| r.better == Better::Lower).count();
        let (mixed, floor_head) = match lower {
            0 => (false, site.t("floor")),
            n if n == rows.len() => (false, site.t("ceiling")),
            _ => (true, site.t("floor_or_ceiling")),
        };
        Some(AttainmentTable {
            period: fmt.period(period),
            rows: view,
            chart,
            floor_head,
            mixed,
            cols,
        })
    }

    /// The table of `unit` in its latest period with an actual (else its latest period).
    pub fn latest(site: &Site, unit: &str) -> Option<AttainmentTable> {
        let mut periods: Vec<(Period, bool)> = site
            .attainment
            .iter()
            .filter(|((u, _), _)| *u == unit)
            .map(|((_, p), rows)| (*p, rows.iter().any(|r| r.actual.is_some())))
            .collect();
        periods.sort();
        let pick = periods.iter().rev().find(|(_, a)| *a).or(periods.last())?;
        AttainmentTable::new(site, unit, pick.0)
    }

    /// Names, on each row, who last set its target in the plan `identity`.
    pub fn blame_targets(&mut self, history: &HistoryIndex, identity: &str) {
        for row in &mut self.rows {
            row.target_blame = history.field(identity, &format!("targets[{}].target", row.key));
        }
    }

    /// Names, on each row, who last reported its actual in the review `identity`.
    pub fn blame_actuals(&mut self, history: &HistoryIndex, identity: &str) {
        for row in &mut self.rows {
            row.actual_blame = history.field(identity, &format!("actuals[{}].actual", row.key));
        }
    }
}

/// The standing of `r` in words, for its KPI's direction.
fn standing_text(site: &Site, r: &AttainmentRow) -> String {
    site.t(match (r.standing, r.better) {
        (Standing::AboveFloor, Better::Lower) => "within-ceiling",
        (s, _) => standing_key(s),
    })
}

/// The signal's direction of a standing.
pub fn direction(s: Standing) -> Direction {
    match s {
        Standing::Met => Direction::Met,
        Standing::AboveFloor => Direction::Near,
        Standing::Missed => Direction::Missed,
        Standing::NoActual => Direction::None,
    }
}

fn standing_key(s: Standing) -> &'static str {
    match s {
        Standing::Met => "met",
        Standing::AboveFloor => "above-floor",
        Standing::Missed => "missed",
        Standing::NoActual => "no-actual",
    }
}

/// `year to date 915,000 of 3,500,000 (26.1%), 3 of 12 periods`, and the periods missing.
fn year_to_date(site: &Site, y: &YearToDate) -> String {
    let fmt = site.fmt;
    let (elapsed, total) = (y.elapsed, y.periods);
    // Only the figures that are known are named: never an empty slot.
    let text = match (y.actual, y.annual_target, y.share_pct) {
        (Some(actual), Some(annual), Some(share)) => msg!(
            "handbook-ytd",
            actual = fmt.number(actual),
            annual = fmt.number(annual),
            share = fmt.percent(share),
            elapsed = elapsed,
            total = total
        ),
        (Some(actual), Some(annual), None) => msg!(
            "handbook-ytd-no-share",
            actual = fmt.number(actual),
            annual = fmt.number(annual),
            elapsed = elapsed,
            total = total
        ),
        (None, Some(annual), _) => {
            msg!(
                "handbook-ytd-no-actual",
                annual = fmt.number(annual),
                elapsed = elapsed,
                total = total
            )
        }
        (Some(actual), None, _) => {
            msg!(
                "handbook-ytd-no-annual",
                actual = fmt.number(actual),
                elapsed = elapsed,
                total = total
            )
        }
        (None, None, _) => msg!("handbook-ytd-elapsed", elapsed = elapsed, total = total),
    }
    .text(fmt.locale);
    if y.missing.is_empty() {
        return text;
    }
    let periods = Arg::List(y.missing.iter().map(|p| fmt.period(*p)).collect());
    text + &msg!("handbook-ytd-missing", periods = periods).text(fmt.locale)
}
