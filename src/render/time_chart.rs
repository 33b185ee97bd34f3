//! Time charts: series over a real time axis, laid out as small multiples that share one y
//! scale (the trends page).
//!
//! The x axis has one slot per month of the span; a month's value sits at its slot's centre,
//! a quarter's or a year's value across its slots. Consecutive months of an actual series are
//! joined by a line; a month without a figure breaks it and is shaded as a gap (nothing is
//! interpolated), and every actual is also a dot, so a lone month still shows. Targets and
//! floors are stepped lines, one step per period, broken where a period has none. Month labels
//! are thinned to fit (every month, second, quarter, half year or year), years are marked at
//! their first month. The y ticks are round numbers over the values of every chart of a
//! figure, formatted by the caller (`render::i18n::Fmt`), and each chart carries the last value
//! of its series as a direct label in the right margin.
//!
//! Values stay exact decimals until they become a coordinate (rounded to a tenth of a unit);
//! the SVG is drawn by `trends.html`, so every label goes through tera's autoescape. Text is
//! [`FONT`] units high and the page never draws a chart narrower than [`WIDTH`] pixels, so no
//! text is under 11 px.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::period::Period;

/// The width of every time chart's `viewBox` (and its least rendered width in pixels).
pub const WIDTH: i64 = 340;
/// The height of every time chart's `viewBox`.
pub const HEIGHT: i64 = 200;
/// The size of chart text in `viewBox` units.
pub const FONT: i64 = 12;
const TOP: i64 = 12;
/// Room under the plot for month labels and year labels.
const AXIS_H: i64 = 36;

/// How a series is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Style {
    /// Reported figures: a line through dots, broken at gaps.
    Actual,
    /// The aim: a stepped dashed line.
    Target,
    /// The least acceptable figure: a stepped dotted line.
    Floor,
}

/// One series of a chart: its name, how it is drawn and its values by period.
#[derive(Debug, Clone)]
pub struct SeriesInput {
    /// What the series is.
    pub name: String,
    /// How it is drawn.
    pub style: Style,
    /// Values by period (months, quarters or years).
    pub points: Vec<(Period, Decimal)>,
}

/// One chart of a figure: its title, its summary sentence and its series.
#[derive(Debug, Clone)]
pub struct ChartInput {
    /// The `<title>`.
    pub title: String,
    /// The `<desc>`: one sentence saying what the chart shows.
    pub desc: String,
    /// The series.
    pub series: Vec<SeriesInput>,
}

/// How a figure's chart text is written.
pub struct Labels<'a> {
    /// A value: a y tick or a direct label.
    pub number: &'a dyn Fn(Decimal) -> String,
    /// A month's short name under its slot (`Sep`, `9月`).
    pub month: &'a dyn Fn(Period) -> String,
    /// A year at its first month (`2026`, `2026年`).
    pub year: &'a dyn Fn(i32) -> String,
}

/// A laid-out time chart; coordinates are `viewBox` units as text.
#[derive(Debug, Clone, Serialize)]
pub struct TimeChart {
    /// The `<title>`.
    pub title: String,
    /// The `<desc>`.
    pub desc: String,
    /// `viewBox` width.
    pub width: i64,
    /// `viewBox` height.
    pub height: i64,
    /// Left edge of the plot.
    pub left: String,
    /// Right edge of the plot.
    pub right: String,
    /// Top of the plot.
    pub top: String,
    /// Bottom of the plot (the x axis).
    pub bottom: String,
    /// Y ticks: a grid line at `y` and the label at `x`.
    pub y_ticks: Vec<Label>,
    /// Month labels under their slots.
    pub months: Vec<Label>,
    /// Year labels under the month labels.
    pub years: Vec<Label>,
    /// Year boundaries: x of a vertical line before each January after the first month.
    pub year_lines: Vec<String>,
    /// Where year lines end, beside the year labels.
    pub year_line_end: String,
    /// Months without an actual between the first and the last actual: shaded bands.
    pub gaps: Vec<Band>,
    /// Lines, one per unbroken run of a series.
    pub paths: Vec<Line>,
    /// Dots at actual values.
    pub dots: Vec<Dot>,
    /// The last value of each actual and target series, in the right margin.
    pub direct: Vec<Label>,
}

/// A text at a position (its baseline), with the style of the series it belongs to.
#[derive(Debug, Clone, Serialize)]
pub struct Label {
    /// x.
    pub x: String,
    /// y (the baseline, or the grid line of a y tick).
    pub y: String,
    /// Baseline of a y tick's label.
    pub text_y: String,
    /// The text.
    pub text: String,
    /// The series' style, for direct labels.
    pub style: Option<Style>,
}

/// A shaded vertical band.
#[derive(Debug, Clone, Serialize)]
pub struct Band {
    /// Left edge.
    pub x: String,
    /// Width.
    pub w: String,
    /// Top edge.
    pub y: String,
    /// Height.
    pub h: String,
    /// The month it stands for (`2026-09`).
    pub month: String,
}

/// One unbroken run of a series as SVG path data.
#[derive(Debug, Clone, Serialize)]
pub struct Line {
    /// How it is drawn.
    pub style: Style,
    /// Path data (`M`, `L`, `H`, `V` only).
    pub d: String,
}

/// A dot at an actual value.
#[derive(Debug, Clone, Serialize)]
pub struct Dot {
    /// How it is drawn.
    pub style: Style,
    /// Centre x.
    pub x: String,
    /// Centre y.
    pub y: String,
}

/// Lays out the charts of one figure over `months` (consecutive, oldest first) with one y
/// scale for all of them, from zero when `from_zero` (amounts, headcount) or else when the
/// values suggest it ([`nice_ticks`]); the margins are shared too, so the plots line up.
/// Points outside `months` are left out; with no months at all there is nothing to lay out.
pub fn small_multiples(
    months: &[Period],
    charts: &[ChartInput],
    labels: &Labels,
    from_zero: bool,
) -> Vec<TimeChart> {
    let Some(&first) = months.first() else { return Vec::new() };
    let axis = Axis { first: ordinal(first), n: months.len() as i64 };
    let values = charts
        .iter()
        .flat_map(|c| &c.series)
        .flat_map(|s| &s.points)
        .filter(|(p, _)| axis.span(*p).is_some())
        .map(|(_, v)| *v);
    let (min, max) =
        values.fold((None, None), |(lo, hi): (Option<Decimal>, Option<Decimal>), v| {
            (Some(lo.map_or(v, |l| l.min(v))), Some(hi.map_or(v, |h| h.max(v))))
        });
    let (mut min, mut max) = (min.unwrap_or_default(), max.unwrap_or_default());
    if from_zero {
        (min, max) = (min.min(Decimal::ZERO), max.max(Decimal::ZERO));
    }
    let ticks = nice_ticks(min, max);
    let tick_text: Vec<String> = ticks.iter().map(|t| (labels.number)(*t)).collect();
    let left = tick_text.iter().map(|t| text_width(t)).max().unwrap_or(0) + 10;
    let last_text = |c: &ChartInput| -> Vec<String> {
        c.series
            .iter()
            .filter(|s| s.style != Style::Floor)
            .filter_map(|s| last_point(&axis, s).map(|(_, v)| (labels.number)(v)))
            .collect()
    };
    let right = charts.iter().flat_map(last_text).map(|t| text_width(&t)).max().unwrap_or(0);
    let right = (right + 10).max(22);
    let frame = Frame {
        axis,
        left: Decimal::from(left),
        right: Decimal::from(WIDTH - right),
        top: Decimal::from(TOP),
        bottom: Decimal::from(HEIGHT - AXIS_H),
        lo: ticks.first().copied().unwrap_or_default(),
        hi: ticks.last().copied().unwrap_or(Decimal::ONE),
    };
    let y_ticks: Vec<Label> = ticks
        .iter()
        .zip(tick_text)
        .map(|(t, text)| {
            let y = frame.y(*t);
            let x = coord(frame.left - Decimal::from(6));
            Label { x, y: coord(y), text_y: coord(y + Decimal::from(4)), text, style: None }
        })
        .collect();
    let (month_labels, years, year_lines) = time_axis(&frame, months, labels);
    charts
        .iter()
        .map(|c| {
            let mut chart = TimeChart {
                title: c.title.clone(),
                desc: c.desc.clone(),
                width: WIDTH,
                height: HEIGHT,
                left: coord(frame.left),
                right: coord(frame.right),
                top: coord(frame.top),
                bottom: coord(frame.bottom),
                y_ticks: y_ticks.clone(),
                months: month_labels.clone(),
                years: years.clone(),
                year_lines: year_lines.clone(),
                year_line_end: coord(frame.bottom + Decimal::from(AXIS_H - 2)),
                gaps: Vec::new(),
                paths: Vec::new(),
                dots: Vec::new(),
                direct: Vec::new(),
            };
            for s in &c.series {
                draw(&frame, months, s, &mut chart);
            }
            chart.direct = direct_labels(&frame, c, labels);
            chart
        })
        .collect()
}

/// Months as a count from year 0, so two months subtract.
fn ordinal(p: Period) -> i64 {
    let start = p.bounds().0;
    i64::from(start.year) * 12 + i64::from(start.month) - 1
}

/// The months of the x axis.
#[derive(Debug, Clone, Copy)]
struct Axis {
    first: i64,
    n: i64,
}

impl Axis {
    /// The first and last month slot a period covers, clipped to the axis; `None` outside it.
    fn span(&self, p: Period) -> Option<(i64, i64)> {
        let (start, end) = p.bounds();
        let a = ordinal(start.month_period()) - self.first;
        let b = ordinal(end.month_period()) - self.first;
        (b >= 0 && a < self.n).then(|| (a.max(0), b.min(self.n - 1)))
    }
}

/// The plot area and the y scale.
struct Frame {
    axis: Axis,
    left: Decimal,
    right: Decimal,
    top: Decimal,
    bottom: Decimal,
    lo: Decimal,
    hi: Decimal,
}

impl Frame {
    fn slot(&self) -> Decimal {
        let n = Decimal::from(self.axis.n.max(1));
        (self.right - self.left).checked_div(n).unwrap_or_default()
    }

    /// Left edge of month slot `i`.
    fn x(&self, i: i64) -> Decimal {
        self.left + self.slot() * Decimal::from(i)
    }

    /// Centre of month slot `i`.
    fn centre(&self, i: i64) -> Decimal {
        self.x(i) + self.slot() / Decimal::TWO
    }

    /// Centre of a span of slots.
    fn mid(&self, (a, b): (i64, i64)) -> Decimal {
        (self.x(a) + self.x(b + 1)) / Decimal::TWO
    }

    fn y(&self, v: Decimal) -> Decimal {
        let range = self.hi.checked_sub(self.lo);
        let height = self.bottom - self.top;
        let up = v.checked_sub(self.lo).and_then(|u| u.checked_mul(height));
        let up = up.zip(range).and_then(|(u, r)| u.checked_div(r));
        let y = self.bottom - up.unwrap_or_default();
        y.clamp(self.top - Decimal::from(4), self.bottom + Decimal::from(4))
    }
}

/// A coordinate as SVG text: one decimal place at most.
fn coord(v: Decimal) -> String {
    v.round_dp(1).normalize().to_string()
}

/// Round y ticks covering `min..=max`: from zero when the values are positive and the least
/// is at most two thirds of the largest (or the other way round for negatives), in steps of 1,
/// 2 or 5 times a power of ten, three to six ticks, all with the step's decimals.
pub fn nice_ticks(min: Decimal, max: Decimal) -> Vec<Decimal> {
    let (mut lo, mut hi) = (min.min(max), min.max(max));
    let times = |v: Decimal, k: i64| v.checked_mul(Decimal::from(k));
    let near_zero = |a: Decimal, b: Decimal| times(a, 3).zip(times(b, 2));
    if lo >= Decimal::ZERO && near_zero(lo, hi).is_some_and(|(l, h)| l <= h) {
        lo = Decimal::ZERO;
    }
    if hi <= Decimal::ZERO && near_zero(hi, lo).is_some_and(|(h, l)| h >= l) {
        hi = Decimal::ZERO;
    }
    if lo == hi {
        let pad = (lo.abs() / Decimal::TEN).max(Decimal::ONE);
        if lo.is_zero() {
            hi = Decimal::ONE;
        } else {
            lo = lo.checked_sub(pad).unwrap_or(lo);
            hi = hi.checked_add(pad).unwrap_or(hi);
        }
    }
    ticks_between(lo, hi).unwrap_or_else(|| vec![lo, hi])
}

fn ticks_between(lo: Decimal, hi: Decimal) -> Option<Vec<Decimal>> {
    let raw = hi.checked_sub(lo)?.checked_div(Decimal::from(4))?;
    let mut mag = Decimal::ONE;
    for _ in 0..40 {
        if mag.checked_mul(Decimal::TEN)? > raw {
            break;
        }
        mag *= Decimal::TEN;
    }
    for _ in 0..40 {
        if mag <= raw {
            break;
        }
        mag = mag.checked_div(Decimal::TEN)?;
    }
    let step = [1, 2, 5, 10]
        .into_iter()
        .filter_map(|k| mag.checked_mul(Decimal::from(k)))
        .find(|s| *s >= raw)
        .filter(|s| !s.is_zero())?;
    let start = lo.checked_div(step)?.floor().checked_mul(step)?;
    let end = hi.checked_div(step)?.ceil().checked_mul(step)?;
    let mut ticks = vec![start];
    let mut t = start;
    while t < end && ticks.len() < 12 {
        t = t.checked_add(step)?;
        ticks.push(t);
    }
    // Every tick with the step's decimals: 99.88, 99.90, not 99.88, 99.9.
    let dp = step.normalize().scale();
    for t in &mut ticks {
        t.rescale(dp);
    }
    Some(ticks)
}

/// How wide a label is in `viewBox` units, generously: wide (CJK) characters a full em,
/// punctuation a third, the rest 0.62 em.
fn text_width(text: &str) -> i64 {
    let tenths: i64 = text
        .chars()
        .map(|c| match c {
            ',' | '.' | ' ' | ':' => 4,
            c if c.is_ascii() => 7,
            _ => 11,
        })
        .sum();
    tenths * FONT / 11 + 1
}

/// Month labels thinned to fit (each on a month whose number is one more than a multiple of
/// the step, so January, April, July and October for quarters), year labels at each January
/// (and at the first month when the label fits before the next year's), and year lines.
fn time_axis(
    frame: &Frame,
    months: &[Period],
    labels: &Labels,
) -> (Vec<Label>, Vec<Label>, Vec<String>) {
    let texts: Vec<String> = months.iter().map(|m| (labels.month)(*m)).collect();
    let widest = texts.iter().map(|t| text_width(t)).max().unwrap_or(0) + 6;
    let step = month_step(frame.slot(), widest);
    let month_of = |p: &Period| i64::from(p.bounds().0.month);
    let label_y = coord(frame.bottom + Decimal::from(15));
    let year_y = coord(frame.bottom + Decimal::from(30));
    let mut out: Vec<Label> = months
        .iter()
        .zip(&texts)
        .enumerate()
        .filter(|(_, (m, _))| (month_of(m) - 1) % step == 0)
        .map(|(i, (_, text))| Label {
            x: coord(frame.centre(i as i64)),
            y: label_y.clone(),
            text_y: label_y.clone(),
            text: text.clone(),
            style: None,
        })
        .collect();
    if out.is_empty()
        && let Some(text) = texts.first()
    {
        let x = coord(frame.centre(0));
        out.push(Label { x, y: label_y.clone(), text_y: label_y, text: text.clone(), style: None });
    }
    let januaries: Vec<i64> = (0..months.len() as i64)
        .filter(|i| months.get(*i as usize).is_some_and(|m| month_of(m) == 1))
        .collect();
    let year_lines = januaries.iter().filter(|i| **i > 0).map(|i| coord(frame.x(*i))).collect();
    let mut starts = januaries.clone();
    let first_fits = |next: Option<&i64>, text: &str| {
        next.is_none_or(|n| frame.x(*n) - frame.x(0) >= Decimal::from(text_width(text) + 6))
    };
    let year_text = |i: i64| months.get(i as usize).map(|m| (labels.year)(m.bounds().0.year));
    if starts.first() != Some(&0) && year_text(0).is_some_and(|t| first_fits(starts.first(), &t)) {
        starts.insert(0, 0);
    }
    let years = starts
        .iter()
        .filter_map(|i| {
            let text = year_text(*i)?;
            let x = coord(frame.x(*i) + Decimal::from(2));
            Some(Label { x, y: year_y.clone(), text_y: year_y.clone(), text, style: None })
        })
        .collect();
    (out, years, year_lines)
}

/// The fewest months between labels (1, 2, 3, 6 or 12) so that labels `width` wide fit in
/// slots `slot` wide.
pub fn month_step(slot: Decimal, width: i64) -> i64 {
    [1, 2, 3, 6, 12]
        .into_iter()
        .find(|k| slot * Decimal::from(*k) >= Decimal::from(width))
        .unwrap_or(12)
}

/// The point of a series that ends last within the axis, with its value.
fn last_point(axis: &Axis, s: &SeriesInput) -> Option<((i64, i64), Decimal)> {
    s.points
        .iter()
        .filter_map(|(p, v)| axis.span(*p).map(|span| (span, *v)))
        .max_by_key(|((a, b), _)| (*b, *a))
}

/// Draws one series: its runs as paths, its dots and, for actuals, its gaps.
fn draw(frame: &Frame, months: &[Period], s: &SeriesInput, chart: &mut TimeChart) {
    let mut points: Vec<((i64, i64), Decimal)> =
        s.points.iter().filter_map(|(p, v)| frame.axis.span(*p).map(|span| (span, *v))).collect();
    points.sort_by_key(|((a, b), _)| (*a, std::cmp::Reverse(*b)));
    let actual = s.style == Style::Actual;
    // The run being drawn: its path data and how many points it joins.
    let mut run: (String, usize) = (String::new(), 0);
    let mut paths = Vec::new();
    let mut flush = |run: &mut (String, usize)| {
        let (d, n) = std::mem::take(run);
        // A lone month of actuals is its dot alone.
        if n > 1 || (!actual && n > 0) {
            paths.push(Line { style: s.style, d });
        }
    };
    let mut prev: Option<(i64, i64)> = None;
    for &((a, b), v) in &points {
        let y = coord(frame.y(v));
        let follows = prev.is_some_and(|(pa, pb)| pb + 1 == a && (!actual || (pa == pb && a == b)));
        if !follows {
            flush(&mut run);
        }
        if actual && a == b {
            let x = coord(frame.centre(a));
            let step = if follows { format!(" L{x},{y}") } else { format!("M{x},{y}") };
            run.0.push_str(&step);
            run.1 += 1;
        } else if actual {
            // A quarter or a year: a level line across its months, never joined.
            let (x0, x1) = (coord(frame.x(a)), coord(frame.x(b + 1)));
            run = (format!("M{x0},{y} H{x1}"), 2);
            flush(&mut run);
        } else {
            let x1 = coord(frame.x(b + 1));
            let step = if follows {
                format!(" V{y} H{x1}")
            } else {
                format!("M{},{y} H{x1}", coord(frame.x(a)))
            };
            run.0.push_str(&step);
            run.1 += 1;
        }
        if actual {
            chart.dots.push(Dot { style: s.style, x: coord(frame.mid((a, b))), y });
        }
        prev = Some((a, b));
    }
    flush(&mut run);
    chart.paths.extend(paths);
    if actual {
        let covered = |i: i64| points.iter().any(|((a, b), _)| *a <= i && i <= *b);
        let first = points.iter().map(|((a, _), _)| *a).min().unwrap_or(0);
        let last = points.iter().map(|((_, b), _)| *b).max().unwrap_or(-1);
        for i in (first..=last).filter(|i| !covered(*i)) {
            chart.gaps.push(Band {
                x: coord(frame.x(i)),
                w: coord(frame.slot()),
                y: coord(frame.top),
                h: coord(frame.bottom - frame.top),
                month: months.get(i as usize).map(ToString::to_string).unwrap_or_default(),
            });
        }
    }
}

/// The last value of each actual and target series at the right of the plot, moved apart so
/// they never overlap.
fn direct_labels(frame: &Frame, c: &ChartInput, labels: &Labels) -> Vec<Label> {
    let mut out: Vec<(Decimal, String, Style)> = c
        .series
        .iter()
        .filter(|s| s.style != Style::Floor)
        .filter_map(|s| {
            let (_, v) = last_point(&frame.axis, s)?;
            Some((frame.y(v) + Decimal::from(4), (labels.number)(v), s.style))
        })
        .collect();
    out.sort_by_key(|(y, _, _)| *y);
    let gap = Decimal::from(FONT + 1);
    for i in 1..out.len() {
        let above = out.get(i - 1).map(|(y, _, _)| *y).unwrap_or_default();
        if let Some((y, _, _)) = out.get_mut(i)
            && *y - above < gap
        {
            *y = above + gap;
        }
    }
    // Pushed below the axis: shift everything back up.
    let limit = frame.bottom + Decimal::from(4);
    if let Some(over) = out.last().map(|(y, _, _)| *y - limit).filter(|o| *o > Decimal::ZERO) {
        for (y, _, _) in &mut out {
            *y -= over;
        }
    }
    let x = coord(frame.right + Decimal::from(5));
    out.into_iter()
        .map(|(y, text, style)| Label {
            x: x.clone(),
            y: coord(y),
            text_y: coord(y),
            text,
            style: Some(style),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn month(text: &str) -> Period {
        text.parse().expect("period")
    }

    fn months(from: &str, n: usize) -> Vec<Period> {
        let mut out = vec![month(from)];
        while out.len() < n {
            let next = out.last().map(|m| m.bounds().1.add_days(1).month_period());
            out.extend(next);
        }
        out
    }

    fn labels() -> (impl Fn(Decimal) -> String, impl Fn(Period) -> String, impl Fn(i32) -> String) {
        (
            |v: Decimal| v.to_string(),
            |p: Period| format!("m{}", p.bounds().0.month),
            |y: i32| y.to_string(),
        )
    }

    fn series(style: Style, points: &[(&str, i64)]) -> SeriesInput {
        SeriesInput {
            name: "s".into(),
            style,
            points: points.iter().map(|(p, v)| (month(p), Decimal::from(*v))).collect(),
        }
    }

    fn chart(series: Vec<SeriesInput>) -> ChartInput {
        ChartInput { title: "t".into(), desc: "d".into(), series }
    }

    fn lay(axis: &[Period], charts: &[ChartInput]) -> Vec<TimeChart> {
        let (n, m, y) = labels();
        small_multiples(axis, charts, &Labels { number: &n, month: &m, year: &y }, false)
    }

    #[test]
    fn a_missing_month_splits_the_line_and_is_shaded() {
        let axis = months("2026-07", 6);
        let actual = series(
            Style::Actual,
            &[("2026-07", 10), ("2026-08", 12), ("2026-10", 11), ("2026-11", 13), ("2026-12", 9)],
        );
        let out = lay(&axis, &[chart(vec![actual])]);
        let c = &out[0];
        assert_eq!(c.paths.len(), 2, "{:?}", c.paths);
        assert_eq!(c.paths[0].d.matches('L').count(), 1);
        assert_eq!(c.paths[1].d.matches('L').count(), 2);
        assert_eq!(c.dots.len(), 5);
        assert_eq!(c.gaps.len(), 1);
        assert_eq!(c.gaps[0].month, "2026-09");
        // No run crosses the gap: the first ends left of it, the second starts right of it.
        let gap_x: f64 = c.gaps[0].x.parse().unwrap();
        let xs = |d: &str| -> Vec<f64> {
            d.split(['M', 'L', ' '])
                .filter_map(|p| p.split(',').next().and_then(|x| x.parse().ok()))
                .collect()
        };
        assert!(xs(&c.paths[0].d).iter().all(|x| *x < gap_x));
        assert!(xs(&c.paths[1].d).iter().all(|x| *x > gap_x));
    }

    #[test]
    fn a_lone_month_is_a_dot_and_targets_step_where_they_change() {
        let axis = months("2026-07", 6);
        let actual = series(Style::Actual, &[("2026-07", 10), ("2026-12", 9)]);
        let target = series(
            Style::Target,
            &[("2026-07", 10), ("2026-08", 10), ("2026-10", 12), ("2026-11", 12)],
        );
        let c = &lay(&axis, &[chart(vec![actual, target])])[0];
        let lines: Vec<&Line> = c.paths.iter().filter(|p| p.style == Style::Actual).collect();
        assert!(lines.is_empty(), "{lines:?}");
        assert_eq!(c.dots.len(), 2);
        let steps: Vec<&Line> = c.paths.iter().filter(|p| p.style == Style::Target).collect();
        // July–August, then October–November: two runs, each level across its months.
        assert_eq!(steps.len(), 2, "{steps:?}");
        assert!(steps[0].d.starts_with('M') && steps[0].d.contains(" V"));
        assert_eq!(c.gaps.len(), 4);
        // Direct labels: the last actual (9) and the last target (12), never overlapping.
        let texts: Vec<&str> = c.direct.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["12", "9"]);
        let ys: Vec<f64> = c.direct.iter().map(|l| l.y.parse().unwrap()).collect();
        assert!(ys[1] - ys[0] >= FONT as f64, "{ys:?}");
    }

    #[test]
    fn quarters_and_years_lie_across_their_months() {
        let axis = months("2026-01", 24);
        let actual = SeriesInput {
            name: "a".into(),
            style: Style::Actual,
            points: vec![(month("2026"), Decimal::from(4)), (month("2027-Q1"), Decimal::ONE)],
        };
        let c = &lay(&axis, &[chart(vec![actual])])[0];
        assert_eq!(c.paths.len(), 2);
        let h = |d: &str| d.split(" H").nth(1).map(str::to_string);
        assert_eq!(h(&c.paths[0].d), Some(c.year_lines[0].clone()));
        assert_eq!(c.year_lines.len(), 1);
        assert_eq!(c.years.iter().map(|y| y.text.as_str()).collect::<Vec<_>>(), ["2026", "2027"]);
    }

    #[test]
    fn small_multiples_share_one_scale_and_margins() {
        let axis = months("2026-07", 6);
        let a = chart(vec![series(Style::Actual, &[("2026-07", 10), ("2026-08", 30)])]);
        let b = chart(vec![series(Style::Actual, &[("2026-07", 1200), ("2026-08", 900)])]);
        let out = lay(&axis, &[a, b]);
        let ticks = |c: &TimeChart| c.y_ticks.iter().map(|t| t.text.clone()).collect::<Vec<_>>();
        assert_eq!(ticks(&out[0]), ticks(&out[1]));
        assert_eq!(ticks(&out[0]).last().map(String::as_str), Some("1500"));
        assert_eq!((&out[0].left, &out[0].right), (&out[1].left, &out[1].right));
        // The same value sits at the same height in both.
        assert_eq!(out[0].y_ticks[0].y, out[1].y_ticks[0].y);
    }

    #[test]
    fn ticks_are_round_and_cover_the_values() {
        let d = |v: i64, s: u32| Decimal::new(v, s);
        let text = |t: Vec<Decimal>| t.iter().map(ToString::to_string).collect::<Vec<_>>();
        assert_eq!(text(nice_ticks(d(10, 0), d(1200, 0))), ["0", "500", "1000", "1500"]);
        assert_eq!(text(nice_ticks(d(1, 0), d(8, 0))), ["0", "2", "4", "6", "8"]);
        assert_eq!(text(nice_ticks(d(2, 0), d(3, 0))), ["0", "1", "2", "3"]);
        assert_eq!(text(nice_ticks(d(62, 1), d(75, 1))), ["6.0", "6.5", "7.0", "7.5"]);
        // Near 100 %: not from zero, in hundredths.
        let t = text(nice_ticks(d(9987, 2), d(9992, 2)));
        assert_eq!(t, ["99.86", "99.88", "99.90", "99.92"]);
        assert_eq!(text(nice_ticks(d(0, 0), d(0, 0))), ["0.0", "0.5", "1.0"]);
        assert_eq!(text(nice_ticks(d(-30, 0), d(-10, 0))), ["-30", "-20", "-10", "0"]);
        let huge = nice_ticks(Decimal::MAX, Decimal::MAX);
        assert!(!huge.is_empty());
    }

    #[test]
    fn month_labels_thin_to_fit() {
        let d = Decimal::from;
        assert_eq!(month_step(d(40), 30), 1);
        assert_eq!(month_step(d(20), 30), 2);
        assert_eq!(month_step(d(11), 30), 3);
        assert_eq!(month_step(d(9), 30), 6);
        assert_eq!(month_step(d(1), 30), 12);
        let axis = months("2026-01", 24);
        let a = chart(vec![series(Style::Actual, &[("2026-07", 10)])]);
        let c = &lay(&axis, &[a])[0];
        let shown: Vec<&str> = c.months.iter().map(|m| m.text.as_str()).collect();
        assert!(shown.len() < 24 && shown.len() >= 4, "{shown:?}");
        assert_eq!(shown.first(), Some(&"m1"));
        // Labels never overlap: neighbours are at least a label apart.
        let xs: Vec<f64> = c.months.iter().map(|m| m.x.parse().unwrap()).collect();
        assert!(xs.windows(2).all(|w| w[1] - w[0] >= text_width("m12") as f64));
        // Everything stays inside the viewBox.
        let right: f64 = c.right.parse().unwrap();
        assert!(right < WIDTH as f64 && c.left.parse::<f64>().unwrap() > 0.0);
    }
}
