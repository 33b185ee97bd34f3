//! Periods named in prose: the forms managers write in titles and headings (`2026-10`,
//! `2026年10月`, `10月份`, `October 2026`, `2026年第四季度`, `Q4 2026`,
//! `2026年度`…), found in a text and written again for another period in the same form.
//!
//! Pure text work for `new` (which rewrites last period's titles) and `check` (which compares a
//! title with its document's `period`). A month or quarter named without a year (`10月`,
//! `第四季度`) takes the year of the period the text is read for; `Q4` alone is a period only
//! in a quarterly document; a bare `2026` only in a yearly one. Dates (`2026年10月1日`,
//! `2026-10-01`, `10月15日`) are not periods.

use crate::model::period::Period;

/// How a period is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// `2026-10`, `2026-Q4`, or a bare `2026` (in a yearly document).
    Iso,
    /// `2026年10月`, `2026年10月份` (`fen`).
    ZhYearMonth {
        /// Ends in 份.
        fen: bool,
    },
    /// `10月`, `10月份`: the year is implied.
    ZhMonth {
        /// Ends in 份.
        fen: bool,
    },
    /// `2026年第四季度`, `2026年四季度`, `第四季度`, `四季度`, `第4季度`.
    ZhQuarter {
        /// Begins with the year.
        year: bool,
        /// Has 第.
        di: bool,
        /// The quarter in digits (`4`) rather than Chinese (`四`).
        digit: bool,
    },
    /// `2026年`, `2026年度` (`du`).
    ZhYear {
        /// Ends in 度.
        du: bool,
    },
    /// `October 2026`.
    EnLong,
    /// `Oct 2026`.
    EnShort,
    /// `Q4 2026`.
    EnQuarter,
    /// `Q4` alone (in a quarterly document).
    QuarterAlone,
}

/// A period named in a text: where (byte offsets), which, and how it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The period named.
    pub period: Period,
    /// How it is written.
    pub form: Form,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const QUARTERS: [char; 4] = ['一', '二', '三', '四'];

/// Every period named in `text`, read as a text about `context` (whose year a month or quarter
/// without a year takes), in order.
pub fn find(text: &str, context: Period) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let before = text[..i].chars().next_back();
        if let Some((end, period, form)) = at(text, i, before, context) {
            out.push(Mention { start: i, end, period, form });
            i = end;
        } else {
            i += text[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    out
}

/// `text` with every mention of `from` (read as a text about `from`) written for `to`, each
/// in its own form.
pub fn rewrite(text: &str, from: Period, to: Period) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for m in find(text, from).into_iter().filter(|m| m.period == from) {
        out.push_str(&text[last..m.start]);
        out.push_str(&write(m.form, to));
        last = m.end;
    }
    out.push_str(&text[last..]);
    out
}

/// `period` written in `form`, or in the nearest form of the same language when `form` is for
/// another length of period (a month form asked for a quarter).
pub fn write(form: Form, period: Period) -> String {
    let quarter = |year: bool, di: bool, digit: bool, y: i32, q: u8| {
        let n = if digit {
            q.to_string()
        } else {
            QUARTERS.get(usize::from(q).saturating_sub(1)).map_or(q.to_string(), char::to_string)
        };
        let y = if year { format!("{y}年") } else { String::new() };
        format!("{y}{}{n}季度", if di { "第" } else { "" })
    };
    let fen = |f: bool| if f { "份" } else { "" };
    match (form, period) {
        (Form::Iso, p) => p.to_string(),
        (Form::ZhYearMonth { fen: f }, Period::Month(y, m)) => format!("{y}年{m}月{}", fen(f)),
        (Form::ZhMonth { fen: f }, Period::Month(_, m)) => format!("{m}月{}", fen(f)),
        (Form::ZhQuarter { year, di, digit }, Period::Quarter(y, q)) => {
            quarter(year, di, digit, y, q)
        }
        (Form::ZhYearMonth { .. } | Form::ZhYear { .. }, Period::Quarter(y, q)) => {
            quarter(true, true, false, y, q)
        }
        (Form::ZhMonth { .. }, Period::Quarter(y, q)) => quarter(false, true, false, y, q),
        (Form::ZhYear { .. } | Form::ZhQuarter { year: true, .. }, Period::Month(y, m)) => {
            format!("{y}年{m}月")
        }
        (Form::ZhQuarter { year: false, .. }, Period::Month(_, m)) => format!("{m}月"),
        (Form::ZhYear { du: true }, Period::Year(y)) => format!("{y}年度"),
        (
            Form::ZhYear { .. } | Form::ZhYearMonth { .. } | Form::ZhMonth { .. },
            Period::Year(y),
        )
        | (Form::ZhQuarter { .. }, Period::Year(y)) => format!("{y}年"),
        (Form::EnShort, Period::Month(y, m)) => {
            let name = MONTHS.get(usize::from(m).saturating_sub(1)).copied().unwrap_or("");
            format!("{} {y}", name.get(..3).unwrap_or(name))
        }
        (Form::EnLong | Form::EnQuarter | Form::QuarterAlone, Period::Month(y, m)) => {
            let name = MONTHS.get(usize::from(m).saturating_sub(1)).copied().unwrap_or("");
            format!("{name} {y}")
        }
        (Form::QuarterAlone, Period::Quarter(_, q)) => format!("Q{q}"),
        (Form::EnLong | Form::EnShort | Form::EnQuarter, Period::Quarter(y, q)) => {
            format!("Q{q} {y}")
        }
        (Form::EnLong | Form::EnShort | Form::EnQuarter | Form::QuarterAlone, Period::Year(y)) => {
            y.to_string()
        }
    }
}

/// The byte range of the raw value of the top-level `title:` of a YAML document or of a
/// Markdown file's front matter (quotes included, a trailing comment left out).
pub fn title_value(source: &str) -> Option<std::ops::Range<usize>> {
    let mut offset = 0;
    for (n, line) in source.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += line.len();
        let bare = line.trim_end();
        if n > 0 && (bare == "---" || bare == "...") {
            return None;
        }
        let Some(value) = bare.strip_prefix("title:") else { continue };
        let lead = value.len() - value.trim_start().len();
        let value = value.trim_start();
        let value = match value.chars().next() {
            Some(q @ ('"' | '\'')) => value.get(..quoted_len(value, q)).unwrap_or(value),
            _ => value.split(" #").next().unwrap_or(value).trim_end(),
        };
        let from = start + "title:".len() + lead;
        return Some(from..from + value.len());
    }
    None
}

/// The length of the quoted scalar at the start of `value` (quote `q` included), or all of
/// `value` when it is not closed on this line.
fn quoted_len(value: &str, q: char) -> usize {
    let mut chars = value.char_indices().skip(1);
    while let Some((i, c)) = chars.next() {
        if c == '\\' && q == '"' {
            chars.next();
        } else if c == q {
            if q == '\'' && value[i + 1..].starts_with('\'') {
                chars.next();
                continue;
            }
            return i + 1;
        }
    }
    value.len()
}

/// The first `# ` heading of a Markdown text outside code fences: the byte range of its text.
pub fn first_heading(markdown: &str) -> Option<std::ops::Range<usize>> {
    headings(markdown).into_iter().find(|(level, _)| *level == 1).map(|(_, r)| r)
}

/// Every ATX heading of a Markdown text outside code fences: its level and the byte range of
/// its text (after the `#`s and the space).
pub fn headings(markdown: &str) -> Vec<(usize, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let (mut offset, mut fenced) = (0, false);
    for line in markdown.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let bare = line.trim_end();
        if bare.starts_with("```") || bare.starts_with("~~~") {
            fenced = !fenced;
            continue;
        }
        let level = bare.bytes().take_while(|b| *b == b'#').count();
        if fenced || !(1..=6).contains(&level) {
            continue;
        }
        let Some(text) = bare[level..].strip_prefix(' ') else { continue };
        let text = text.trim();
        let from = start + bare.len() - bare[level..].trim_start().len();
        out.push((level, from..from + text.len()));
    }
    out
}

/// The mention starting at byte `i`, if any: its end, period and form.
fn at(
    text: &str,
    i: usize,
    before: Option<char>,
    context: Period,
) -> Option<(usize, Period, Form)> {
    let rest = &text[i..];
    if before.is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let year_of_context = context.bounds().0.year;
    if let Some(year) = year4(rest) {
        return after_year(rest, year, context).map(|(len, p, f)| (i + len, p, f));
    }
    if let Some((m, len)) = month_number(rest) {
        let tail = &rest[len..];
        if let Some(t) = tail.strip_prefix('月') {
            if is_date(t) {
                return None;
            }
            let fen = t.starts_with('份');
            let end = i + len + '月'.len_utf8() + if fen { '份'.len_utf8() } else { 0 };
            return Some((end, Period::Month(year_of_context, m), Form::ZhMonth { fen }));
        }
    }
    if let Some((q, len, di, digit)) = zh_quarter(rest) {
        let form = Form::ZhQuarter { year: false, di, digit };
        return Some((i + len, Period::Quarter(year_of_context, q), form));
    }
    if before.is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    if let Some(found) = english(rest, context) {
        return Some((i + found.0, found.1, found.2));
    }
    None
}

/// What follows a four-digit year at the start of `rest`.
fn after_year(rest: &str, year: i32, context: Period) -> Option<(usize, Period, Form)> {
    let tail = &rest[4..];
    if let Some(t) = tail.strip_prefix('-') {
        if let Some(q) = t.strip_prefix('Q').and_then(|q| q.chars().next()) {
            let end = 7;
            let after = rest[end..].chars().next();
            if let Some(q @ 1..=4) = q.to_digit(10)
                && !after.is_some_and(|c| c.is_ascii_alphanumeric())
            {
                return Some((end, Period::Quarter(year, q as u8), Form::Iso));
            }
            return None;
        }
        let two = t.get(..2).filter(|d| d.bytes().all(|b| b.is_ascii_digit()))?;
        let m: u8 = two.parse().ok()?;
        let after = &t[2..];
        if !(1..=12).contains(&m)
            || after.starts_with(|c: char| c.is_ascii_digit())
            || after.strip_prefix('-').is_some_and(|a| a.starts_with(|c: char| c.is_ascii_digit()))
        {
            return None;
        }
        return Some((7, Period::Month(year, m), Form::Iso));
    }
    if let Some(t) = tail.strip_prefix('年') {
        let at = 4 + '年'.len_utf8();
        if let Some((m, len)) = month_number(t)
            && let Some(u) = t[len..].strip_prefix('月')
        {
            if is_date(u) {
                return None;
            }
            let fen = u.starts_with('份');
            let end = at + len + '月'.len_utf8() + if fen { '份'.len_utf8() } else { 0 };
            return Some((end, Period::Month(year, m), Form::ZhYearMonth { fen }));
        }
        if let Some((q, len, di, digit)) = zh_quarter(t) {
            let form = Form::ZhQuarter { year: true, di, digit };
            return Some((at + len, Period::Quarter(year, q), form));
        }
        let du = t.starts_with('度');
        let end = at + if du { '度'.len_utf8() } else { 0 };
        return Some((end, Period::Year(year), Form::ZhYear { du }));
    }
    let next = tail.chars().next();
    if matches!(context, Period::Year(_)) && !next.is_some_and(|c| c.is_ascii_alphanumeric()) {
        return Some((4, Period::Year(year), Form::Iso));
    }
    None
}

/// A year of four digits (1900 to 2199) at the start of `text`, not followed by a digit.
fn year4(text: &str) -> Option<i32> {
    let digits = text.get(..4).filter(|d| d.bytes().all(|b| b.is_ascii_digit()))?;
    if text[4..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let year: i32 = digits.parse().ok()?;
    (1900..2200).contains(&year).then_some(year)
}

/// A month number (1 to 12, one or two digits) at the start of `text`: the month and its length.
fn month_number(text: &str) -> Option<(u8, usize)> {
    let len = text.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&len) {
        return None;
    }
    let m: u8 = text[..len].parse().ok()?;
    (1..=12).contains(&m).then_some((m, len))
}

/// Whether what follows `月` makes a date: a day number and 日 or 号.
fn is_date(after_month: &str) -> bool {
    let len = after_month.bytes().take_while(u8::is_ascii_digit).count();
    len > 0 && after_month[len..].starts_with(['日', '号'])
}

/// `第四季度`, `四季度`, `第4季度` at the start of `text`: quarter, length, 第, digits.
fn zh_quarter(text: &str) -> Option<(u8, usize, bool, bool)> {
    let (di, t) = match text.strip_prefix('第') {
        Some(t) => (true, t),
        None => (false, text),
    };
    let c = t.chars().next()?;
    let (q, digit) = match QUARTERS.iter().position(|&x| x == c) {
        Some(p) => (p as u8 + 1, false),
        None => match c.to_digit(10) {
            Some(d @ 1..=4) => (d as u8, true),
            _ => return None,
        },
    };
    let t = t[c.len_utf8()..].strip_prefix("季度")?;
    Some((q, text.len() - t.len(), di, digit))
}

/// `October 2026`, `Oct 2026`, `Q4 2026`, or `Q4` alone, at the start of `text`.
fn english(text: &str, context: Period) -> Option<(usize, Period, Form)> {
    if let Some(t) = text.strip_prefix('Q') {
        let q = t.chars().next()?.to_digit(10).filter(|q| (1..=4).contains(q))? as u8;
        let t = &t[1..];
        if t.starts_with(|c: char| c.is_ascii_alphanumeric()) {
            return None;
        }
        let gap = t.len() - t.trim_start_matches(' ').len();
        if gap > 0
            && let Some(year) = year4(&t[gap..])
        {
            return Some((2 + gap + 4, Period::Quarter(year, q), Form::EnQuarter));
        }
        return match context {
            Period::Quarter(y, _) => Some((2, Period::Quarter(y, q), Form::QuarterAlone)),
            _ => None,
        };
    }
    for (index, name) in MONTHS.iter().enumerate() {
        let m = index as u8 + 1;
        for (len, form) in [(name.len(), Form::EnLong), (3, Form::EnShort)] {
            let Some(word) = text.get(..len) else { continue };
            if !word.eq_ignore_ascii_case(&name[..len]) {
                continue;
            }
            let mut t = &text[len..];
            if t.starts_with(|c: char| c.is_ascii_alphabetic()) {
                continue;
            }
            if form == Form::EnShort {
                t = t.strip_prefix('.').unwrap_or(t);
            }
            let gap = t.len() - t.trim_start_matches(' ').len();
            if gap == 0 {
                continue;
            }
            let Some(year) = year4(&t[gap..]) else { continue };
            let end = text.len() - t.len() + gap + 4;
            return Some((end, Period::Month(year, m), form));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOV: Period = Period::Month(2026, 11);

    /// Each mention in `text` read for `context`: its text and period.
    fn found(text: &str, context: Period) -> Vec<(String, String)> {
        find(text, context)
            .iter()
            .map(|m| (text[m.start..m.end].to_string(), m.period.to_string()))
            .collect()
    }

    fn one(text: &str, context: Period) -> (String, String) {
        let all = found(text, context);
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        all.into_iter().next().unwrap()
    }

    #[test]
    fn every_form_is_found() {
        let q4 = Period::Quarter(2026, 4);
        let cases = [
            ("计划2026-10执行", NOV, "2026-10", "2026-10"),
            ("河南分公司2026年10月工作计划", NOV, "2026年10月", "2026-10"),
            ("2026年10月份计划", NOV, "2026年10月份", "2026-10"),
            ("一、10月工作回顾", NOV, "10月", "2026-10"),
            ("一、12月份工作回顾", NOV, "12月份", "2026-12"),
            ("October 2026 plan", NOV, "October 2026", "2026-10"),
            ("Plan for Oct 2026", NOV, "Oct 2026", "2026-10"),
            ("Plan for oct. 2026", NOV, "oct. 2026", "2026-10"),
            ("2026-Q4 plan", NOV, "2026-Q4", "2026-Q4"),
            ("2026年第四季度计划", NOV, "2026年第四季度", "2026-Q4"),
            ("2026年四季度计划", NOV, "2026年四季度", "2026-Q4"),
            ("2026年第4季度计划", NOV, "2026年第4季度", "2026-Q4"),
            ("第四季度重点", NOV, "第四季度", "2026-Q4"),
            ("Q4 2026 plan", NOV, "Q4 2026", "2026-Q4"),
            ("Q4 plan", q4, "Q4", "2026-Q4"),
            ("2026年工作计划", NOV, "2026年", "2026"),
            ("2026年度工作计划", NOV, "2026年度", "2026"),
            ("2026 plan", Period::Year(2026), "2026", "2026"),
        ];
        for (text, context, mention, period) in cases {
            assert_eq!(one(text, context), (mention.to_string(), period.to_string()), "{text}");
        }
    }

    #[test]
    fn numbers_dates_and_lone_quarters_are_not_periods() {
        for text in [
            "销量20261台",
            "编号120261月",
            "10月1日前完成",
            "2026年10月15日开业",
            "2026-10-01 开业",
            "2026-13",
            "13月",
            "Q4 plan",
            "2026 plan",
            "销售额12345",
            "FAQ4 2026",
        ] {
            assert!(found(text, NOV).is_empty(), "{text}: {:?}", found(text, NOV));
        }
    }

    #[test]
    fn a_month_followed_by_fen_is_one_mention() {
        assert_eq!(one("12月份总结", NOV), ("12月份".into(), "2026-12".into()));
        assert_eq!(
            rewrite("12月份总结", Period::Month(2026, 12), Period::Month(2027, 1)),
            "1月份总结"
        );
    }

    #[test]
    fn rewriting_changes_only_the_old_period_in_its_own_form() {
        let (oct, nov) = (Period::Month(2026, 10), NOV);
        assert_eq!(
            rewrite("河南分公司2026年10月工作计划", oct, nov),
            "河南分公司2026年11月工作计划"
        );
        assert_eq!(
            rewrite("一、10月工作回顾（比9月增长）", oct, nov),
            "一、11月工作回顾（比9月增长）"
        );
        assert_eq!(rewrite("October 2026 plan", oct, nov), "November 2026 plan");
        assert_eq!(rewrite("Oct 2026 plan, 2026-10", oct, nov), "Nov 2026 plan, 2026-11");
        let (dec, jan) = (Period::Month(2026, 12), Period::Month(2027, 1));
        let text = rewrite("2026年12月计划：12月重点", dec, jan);
        assert_eq!(text, "2027年1月计划：1月重点");
        assert_eq!(rewrite("December 2026", dec, jan), "January 2027");
        let (q3, q4) = (Period::Quarter(2026, 3), Period::Quarter(2026, 4));
        let text = rewrite("2026年第三季度：三季度回顾", q3, q4);
        assert_eq!(text, "2026年第四季度：四季度回顾");
        assert_eq!(rewrite("Q3 2026 / Q3 / 2026-Q3", q3, q4), "Q4 2026 / Q4 / 2026-Q4");
        let (y, next) = (Period::Year(2026), Period::Year(2027));
        assert_eq!(rewrite("2026年度计划 (2026)", y, next), "2027年度计划 (2027)");
    }

    #[test]
    fn forms_write_other_lengths_of_period_in_their_language() {
        let q4 = Period::Quarter(2026, 4);
        assert_eq!(write(Form::ZhYearMonth { fen: false }, q4), "2026年第四季度");
        assert_eq!(write(Form::EnLong, q4), "Q4 2026");
        assert_eq!(write(Form::Iso, q4), "2026-Q4");
        assert_eq!(write(Form::ZhMonth { fen: true }, Period::Month(2027, 1)), "1月份");
    }
}
