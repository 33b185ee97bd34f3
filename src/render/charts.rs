//! Chart geometry, computed at build time: horizontal bar charts (budget by category, caps,
//! headcount, attainment), a task timeline with dependencies, and line charts of trends.
//!
//! Only coordinates are computed here, in exact decimals rounded to a tenth of a unit; the
//! SVG is drawn by the `charts.html` template macros, so every label goes through tera's
//! autoescape like any other text. Every chart is shown next to a table of its figures and
//! carries its legend ([`LegendKey`]). Labels are never cut: their width is estimated (a CJK
//! character about 1 em, a Latin one about 0.55 em), long ones wrap onto more lines, and the
//! label column and the `viewBox` grow to hold the text.

use rust_decimal::Decimal;
use serde::Serialize;

/// The width of every chart's `viewBox` (a bar chart grows wider when its text needs it).
pub const WIDTH: i64 = 640;
const LABEL_W: i64 = 200;
const BAR_W: i64 = 340;
const ROW_H: i64 = 26;
/// The font size of chart text, in `viewBox` units (`.bar-label` in the stylesheet).
const FONT: i64 = 12;
/// The widest a bar label's line may be before it wraps.
const LABEL_MAX: i64 = 216;
/// The distance between the baselines of a wrapped label's lines.
const LINE_H: i64 = 14;
/// The width of a Latin character of chart text: about 0.55 em, rounded up.
const LATIN: i64 = (FONT * 55 + 99) / 100;

/// A horizontal bar chart with an optional second series and an optional marker per row.
#[derive(Debug, Clone, Serialize)]
pub struct BarChart {
    /// What the chart shows, for its text alternative.
    pub title: String,
    /// The rows.
    pub rows: Vec<Bar>,
    /// The `viewBox` height.
    pub height: i64,
    /// The `viewBox` width.
    pub width: i64,
    /// Where bars start.
    pub x0: i64,
    /// Legend text of the first series.
    pub legend: String,
    /// Legend text of the second series, if any.
    pub legend2: Option<String>,
    /// The legend: what each colour, sign and line of the chart means.
    pub keys: Vec<LegendKey>,
}

/// One entry of a chart's legend.
#[derive(Debug, Clone, Serialize)]
pub struct LegendKey {
    /// The swatch's class: `key-1`, `key-2` (the series), `key-good`, `key-warn`,
    /// `key-bad` (a row's colour) or `key-mark` (the marker line).
    pub class: &'static str,
    /// The sign the rows of this colour carry (`✓`, `▲`), or empty.
    pub sign: String,
    /// What it means.
    pub text: String,
}

impl LegendKey {
    /// A legend entry.
    pub fn new(class: &'static str, sign: &str, text: String) -> LegendKey {
        LegendKey { class, sign: sign.to_string(), text }
    }
}

impl BarChart {
    /// The chart with `keys` as its legend instead of the series names.
    pub fn with_keys(mut self, keys: Vec<LegendKey>) -> BarChart {
        self.keys = keys;
        self
    }
}

/// One row of a bar chart.
#[derive(Debug, Clone, Serialize)]
pub struct Bar {
    /// The row's label, whole.
    pub label: String,
    /// The label's lines, each with its baseline: one, or more for a long label.
    pub lines: Vec<LabelLine>,
    /// The value as shown.
    pub value: String,
    /// Top of the row.
    pub y: String,
    /// Length of the first bar.
    pub w: String,
    /// Length of the second bar (actual), if any.
    pub w2: Option<String>,
    /// x of a marker line (a cap, 100 %), if any.
    pub mark: Option<String>,
    /// Whether the row is over its marker.
    pub over: bool,
    /// A colour class: `good`, `warn`, `bad` or empty.
    pub tone: &'static str,
    /// x of the value text.
    pub text_x: String,
    /// Baseline of the label and value text.
    pub text_y: String,
    /// Top of the second bar.
    pub y2: String,
    /// Top of the marker line.
    pub mark_y1: String,
    /// Bottom of the marker line.
    pub mark_y2: String,
}

/// One line of a bar's label.
#[derive(Debug, Clone, Serialize)]
pub struct LabelLine {
    /// The text.
    pub text: String,
    /// Its baseline.
    pub y: String,
}

/// One input row of a bar chart: label, value text, value, second value and marker value.
#[derive(Debug, Clone)]
pub struct BarInput {
    /// The label.
    pub label: String,
    /// The value as shown.
    pub value_text: String,
    /// The value.
    pub value: Decimal,
    /// A second value drawn under the first.
    pub second: Option<Decimal>,
    /// A marker (cap or goal).
    pub mark: Option<Decimal>,
    /// A colour class; by default a row over its marker is `bad`.
    pub tone: Option<&'static str>,
}

/// Lays out a bar chart; `None` when there is nothing positive to draw. The legend names the
/// series (`legend`, `legend2`); [`BarChart::with_keys`] replaces it.
pub fn bars(
    title: String,
    legend: String,
    legend2: Option<String>,
    rows: Vec<BarInput>,
) -> Option<BarChart> {
    let max = rows
        .iter()
        .flat_map(|r| [Some(r.value), r.second, r.mark])
        .flatten()
        .max()
        .filter(|m| *m > Decimal::ZERO)?;
    let scale = |v: Decimal| scale(v.max(Decimal::ZERO), max, BAR_W);
    let wrapped: Vec<Vec<String>> = rows.iter().map(|r| wrap(&r.label, LABEL_MAX)).collect();
    let widest = wrapped.iter().flatten().map(|l| text_width(l)).max().unwrap_or(0);
    let x0 = (widest + 16).clamp(80, LABEL_W.max(LABEL_MAX + 16));
    let mut top = 4;
    let mut right = WIDTH;
    let rows: Vec<Bar> = rows
        .into_iter()
        .zip(wrapped)
        .map(|(r, lines)| {
            let w = scale(r.value);
            let end = r.second.map_or(w, |s| w.max(scale(s))).max(r.mark.map_or(w, scale));
            let extra = (lines.len().max(1) as i64 - 1) * LINE_H;
            let row_top = top;
            let bar_top = row_top + extra / 2;
            top += ROW_H + extra;
            let text_x = end + Decimal::from(x0 + 6);
            let text_end = text_x.ceil().try_into().unwrap_or(i64::MAX / 2);
            right = right.max(text_end.saturating_add(text_width(&r.value_text) + 8));
            let over = r.mark.is_some_and(|m| r.value > m);
            Bar {
                lines: lines
                    .into_iter()
                    .enumerate()
                    .map(|(i, text)| LabelLine {
                        text,
                        y: (row_top + 13 + i as i64 * LINE_H).to_string(),
                    })
                    .collect(),
                label: r.label,
                value: r.value_text,
                y: bar_top.to_string(),
                text_y: (bar_top + 14).to_string(),
                y2: (bar_top + 11).to_string(),
                mark_y1: (bar_top - 2).to_string(),
                mark_y2: (bar_top + 20).to_string(),
                w: w.to_string(),
                w2: r.second.map(|s| scale(s).to_string()),
                mark: r.mark.map(|m| (scale(m) + Decimal::from(x0)).to_string()),
                over,
                tone: r.tone.unwrap_or(if over { "bad" } else { "" }),
                text_x: text_x.to_string(),
            }
        })
        .collect();
    let mut keys = vec![LegendKey::new("key-1", "", legend.clone())];
    if let Some(l2) = &legend2 {
        keys.push(LegendKey::new("key-2", "", l2.clone()));
    }
    let height = top + 6;
    Some(BarChart { title, rows, height, width: right, x0, legend, legend2, keys })
}

/// The estimated width of `text` in chart text: a wide (CJK, full-width or symbol) character
/// about 1 em, any other about 0.55 em, rounded up.
pub fn text_width(text: &str) -> i64 {
    text.chars().map(|c| if wide(c) { FONT } else { LATIN }).sum()
}

/// Whether `c` takes about a full em: CJK, Hangul, kana, full-width forms and the symbols
/// (arrows, shapes, dingbats) that CJK fonts draw square.
fn wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2190..=0x21FF | 0x2460..=0x27BF | 0x2E80..=0xA4CF
        | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

/// `text` broken into lines no wider than `max`, at a space, before an opening bracket or
/// between wide characters where it can, else between any two characters; nothing is cut.
pub fn wrap(text: &str, max: i64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut rest: Vec<char> = text.trim().chars().collect();
    while text_width(&rest.iter().collect::<String>()) > max {
        let mut width = 0;
        let mut fit = 0;
        for c in &rest {
            width += text_width(c.encode_utf8(&mut [0; 4]));
            if width > max {
                break;
            }
            fit += 1;
        }
        let fit = fit.max(1);
        let brk = (1..=fit)
            .rev()
            .find(|&i| {
                let (before, after) = (rest.get(i - 1), rest.get(i));
                matches!(after, Some(' ' | '(' | '（' | '·'))
                    || (before.is_some_and(|b| *b == ' ' || wide(*b))
                        && after.is_some_and(|a| wide(*a) && !"，。、）)：；".contains(*a)))
            })
            .filter(|&i| i * 2 >= fit)
            .unwrap_or(fit);
        let line: String = rest.drain(..brk).collect();
        lines.push(line.trim_end().to_string());
        while rest.first() == Some(&' ') {
            rest.remove(0);
        }
    }
    let last: String = rest.into_iter().collect();
    if !last.is_empty() || lines.is_empty() {
        lines.push(last);
    }
    lines
}

/// A task timeline: one bar per task between its start and end, arrows for dependencies.
#[derive(Debug, Clone, Serialize)]
pub struct Timeline {
    /// What the chart shows.
    pub title: String,
    /// The bars.
    pub tasks: Vec<TimelineBar>,
    /// Arrows from a task's end to a dependent task's start, as SVG path data.
    pub arrows: Vec<String>,
    /// Date ticks along the top.
    pub ticks: Vec<Tick>,
    /// The `viewBox` height.
    pub height: i64,
    /// The `viewBox` width.
    pub width: i64,
    /// Where bars start.
    pub x0: i64,
}

/// One task on the timeline.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineBar {
    /// The task's name, whole.
    pub label: String,
    /// The name's lines, each with its baseline.
    pub lines: Vec<LabelLine>,
    /// Left edge.
    pub x: String,
    /// Top edge.
    pub y: String,
    /// Width (at least a sliver, for a one-day task).
    pub w: String,
    /// Baseline of the label.
    pub text_y: String,
    /// A CSS class for its status.
    pub status: String,
}

/// A labelled position on an axis.
#[derive(Debug, Clone, Serialize)]
pub struct Tick {
    /// Position.
    pub x: String,
    /// Label.
    pub label: String,
}

/// A point of a line chart.
#[derive(Debug, Clone, Serialize)]
pub struct Dot {
    /// Horizontal position.
    pub x: String,
    /// Vertical position.
    pub y: String,
    /// The period it stands for.
    pub label: String,
}

/// One input task: label, first and last day (as day numbers), status, and the indices of the
/// tasks it depends on.
#[derive(Debug, Clone)]
pub struct TaskInput {
    /// The label.
    pub label: String,
    /// First day number.
    pub start: i64,
    /// Last day number.
    pub end: i64,
    /// Status class.
    pub status: String,
    /// Indices of prerequisite tasks in the same list.
    pub depends_on: Vec<usize>,
}

/// Lays out a timeline; `ticks` are `(day number, label)`. `None` without tasks. Long task
/// names wrap onto more lines, as bar labels do.
pub fn timeline(title: String, tasks: &[TaskInput], ticks: &[(i64, String)]) -> Option<Timeline> {
    let first = tasks.iter().map(|t| t.start).min()?;
    let last = tasks.iter().map(|t| t.end.max(t.start)).max()?;
    let span = Decimal::from(last - first + 1);
    let wrapped: Vec<Vec<String>> = tasks.iter().map(|t| wrap(&t.label, LABEL_MAX)).collect();
    let widest = wrapped.iter().flatten().map(|l| text_width(l)).max().unwrap_or(0);
    let left = (widest + 16).clamp(80, LABEL_W.max(LABEL_MAX + 16));
    let x = |day: i64| scale(Decimal::from(day - first), span, BAR_W) + Decimal::from(left);
    // Each row's top and the extra height of its wrapped label.
    let mut rows: Vec<(i64, i64)> = Vec::with_capacity(tasks.len());
    let mut top = 24;
    for lines in &wrapped {
        let extra = (lines.len().max(1) as i64 - 1) * LINE_H;
        rows.push((top, extra));
        top += ROW_H + extra;
    }
    let row_y = |i: usize| Decimal::from(rows.get(i).map_or(0, |(top, extra)| top + extra / 2));
    let bars: Vec<TimelineBar> = tasks
        .iter()
        .zip(wrapped)
        .enumerate()
        .map(|(i, (t, lines))| {
            let x0 = x(t.start);
            let w = (x(t.end.max(t.start) + 1) - x0).max(Decimal::new(3, 0));
            let row_top = rows.get(i).map_or(0, |r| r.0);
            TimelineBar {
                lines: lines
                    .into_iter()
                    .enumerate()
                    .map(|(k, text)| LabelLine {
                        text,
                        y: (row_top + 17 + k as i64 * LINE_H).to_string(),
                    })
                    .collect(),
                label: t.label.clone(),
                x: x0.to_string(),
                y: (row_y(i) + Decimal::from(4)).to_string(),
                text_y: (row_y(i) + Decimal::from(17)).to_string(),
                w: w.to_string(),
                status: t.status.clone(),
            }
        })
        .collect();
    let mut arrows = Vec::new();
    for (i, t) in tasks.iter().enumerate() {
        for &d in &t.depends_on {
            let Some(dep) = tasks.get(d) else { continue };
            let from_x = x(dep.end.max(dep.start) + 1);
            let from_y = row_y(d) + Decimal::from(13);
            let to_x = x(t.start);
            let to_y = row_y(i) + Decimal::from(13);
            let mid = from_x + Decimal::from(4);
            arrows.push(format!("M{from_x} {from_y}H{mid}V{to_y}H{to_x}"));
        }
    }
    let ticks = ticks
        .iter()
        .filter(|(day, _)| (first..=last).contains(day))
        .map(|(day, label)| Tick { x: x(*day).to_string(), label: label.clone() })
        .collect();
    let height = top + 8;
    let width = WIDTH.max(left + BAR_W + 40);
    Some(Timeline { title, tasks: bars, arrows, ticks, height, width, x0: left })
}

/// A line chart of planned and actual values across periods.
#[derive(Debug, Clone, Serialize)]
pub struct LineChart {
    /// What the chart shows.
    pub title: String,
    /// Polyline points of the planned values (`x,y x,y`).
    pub planned: String,
    /// Polyline points of the actual values.
    pub actual: String,
    /// Dots of the actual values.
    pub dots: Vec<Dot>,
    /// Period labels along the bottom.
    pub labels: Vec<Tick>,
    /// The largest value shown, as text.
    pub max: String,
    /// The `viewBox` width.
    pub width: i64,
    /// The `viewBox` height.
    pub height: i64,
}

/// One point of a line chart: period label, planned value, actual value.
pub type LinePoint = (String, Option<Decimal>, Option<Decimal>);

/// Lays out a line chart of `(period label, planned, actual)`; `None` with nothing to draw.
pub fn lines(
    title: String,
    points: &[LinePoint],
    max_text: impl Fn(Decimal) -> String,
) -> Option<LineChart> {
    let max = points
        .iter()
        .flat_map(|(_, p, a)| [*p, *a])
        .flatten()
        .max()
        .filter(|m| *m > Decimal::ZERO)?;
    let (w, h, left, top) = (WIDTH, 180_i64, 60_i64, 16_i64);
    let plot_h = Decimal::from(h - top - 30);
    let n = points.len().max(2) as i64 - 1;
    let px = |i: usize| {
        Decimal::from(left) + scale(Decimal::from(i as i64), Decimal::from(n), w - left - 40)
    };
    let py = |v: Decimal| {
        let up = v.max(Decimal::ZERO).checked_mul(plot_h).and_then(|x| x.checked_div(max));
        (Decimal::from(top) + plot_h - up.unwrap_or_default()).round_dp(1).normalize()
    };
    let line = |pick: &dyn Fn(&LinePoint) -> Option<Decimal>| {
        points
            .iter()
            .enumerate()
            .filter_map(|(i, p)| pick(p).map(|v| format!("{},{}", px(i), py(v))))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let planned = line(&|p| p.1);
    let actual = line(&|p| p.2);
    let dots = points
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let v = p.2?;
            Some(Dot { x: px(i).to_string(), y: py(v).to_string(), label: p.0.clone() })
        })
        .collect();
    let labels =
        points.iter().enumerate().map(|(i, p)| Tick { x: px(i).to_string(), label: p.0.clone() });
    Some(LineChart {
        title,
        planned,
        actual,
        dots,
        labels: labels.collect(),
        max: max_text(max),
        width: w,
        height: h,
    })
}

/// `value / max × length`, to one decimal place (0 when `max` or `length` is 0).
fn scale(value: Decimal, max: Decimal, length: i64) -> Decimal {
    if max.is_zero() || length == 0 {
        return Decimal::ZERO;
    }
    value
        .checked_mul(Decimal::from(length))
        .and_then(|v| v.checked_div(max))
        .map_or(Decimal::ZERO, |v| v.round_dp(1).normalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(label: &str, v: i64, mark: Option<i64>) -> BarInput {
        BarInput {
            label: label.into(),
            value_text: v.to_string(),
            value: Decimal::from(v),
            second: None,
            mark: mark.map(Decimal::from),
            tone: None,
        }
    }

    #[test]
    fn bars_scale_to_the_largest_value() {
        let chart = bars(
            "t".into(),
            "l".into(),
            None,
            vec![input("a", 50, None), input("b", 100, Some(80))],
        )
        .unwrap();
        assert_eq!(chart.rows[0].w, "170");
        assert_eq!(chart.rows[1].w, "340");
        assert!(chart.rows[1].over);
        assert!(bars("t".into(), "l".into(), None, vec![input("z", 0, None)]).is_none());
        assert_eq!(chart.keys.len(), 1);
    }

    #[test]
    fn long_labels_wrap_and_nothing_is_cut() {
        let long = format!("{} (每款畅销机型)", "畅销机型单款月销量".repeat(2));
        let chart = bars(
            "t".into(),
            "l".into(),
            None,
            vec![input(&long, 100, Some(100)), input("a", 50, None)],
        )
        .unwrap();
        let row = &chart.rows[0];
        assert!(row.lines.len() > 1, "{:?}", row.lines);
        let joined: String = row.lines.iter().map(|l| l.text.replace(' ', "")).collect();
        assert_eq!(joined, long.replace(' ', ""));
        assert!(row.lines.iter().all(|l| text_width(&l.text) <= LABEL_MAX));
        assert!(chart.x0 >= row.lines.iter().map(|l| text_width(&l.text)).max().unwrap());
        // The second row starts below the wrapped first one.
        assert!(chart.rows[1].y.parse::<i64>().unwrap() >= 4 + ROW_H + LINE_H);
    }

    #[test]
    fn the_view_box_grows_to_hold_the_value_text() {
        let mut row = input("月度费用总额", 122_900, Some(130_000));
        row.value_text = "122,900 / 130,000".into();
        let chart = bars("t".into(), "l".into(), None, vec![row]).unwrap();
        let x: Decimal = chart.rows[0].text_x.parse().unwrap();
        let end = x + Decimal::from(text_width("122,900 / 130,000"));
        assert!(Decimal::from(chart.width) >= end, "{} < {end}", chart.width);
    }

    #[test]
    fn text_width_counts_cjk_as_one_em() {
        assert_eq!(text_width("出货量"), 36);
        assert_eq!(text_width("ab"), 14);
        assert_eq!(wrap("short", 100), vec!["short".to_string()]);
        assert_eq!(wrap("", 100), vec![String::new()]);
    }

    #[test]
    fn timeline_draws_dependencies() {
        let tasks = vec![
            TaskInput {
                label: "a".into(),
                start: 0,
                end: 6,
                status: String::new(),
                depends_on: vec![],
            },
            TaskInput {
                label: "b".into(),
                start: 7,
                end: 13,
                status: String::new(),
                depends_on: vec![0],
            },
        ];
        let t = timeline("t".into(), &tasks, &[]).unwrap();
        assert_eq!(t.arrows.len(), 1);
        assert_eq!(t.tasks[1].x, (t.x0 + 170).to_string());
        assert_eq!(t.tasks[1].lines.len(), 1);
    }
}
