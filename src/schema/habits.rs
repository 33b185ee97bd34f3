//! Habits of a Chinese input method or a spreadsheet that make a value fail its schema:
//! full-width digits, thousands separators, `85%`, `2.25万`, `2026/12/01`, an unquoted
//! employee number, a full-width colon or space, a misspelt field name. Each is named in
//! the help and comes with the exact edit ([`Fix`]) that writes what was meant.
//!
//! `schema::check` asks here once it knows what a value should have been; a [`Habit`] is the
//! help and the fix of the one diagnostic it reports.

use rust_decimal::Decimal;

use crate::diag::suggest::Names;
use crate::diag::{Applicability, Diagnostic, Fix};
use crate::i18n::{Msg, msg};
use crate::model::money::{check_spelling, parse_decimal};
use crate::model::period::{Date, Period};
use crate::source::Span;
use crate::yaml::{self, Node};

/// What a diagnostic says to do about a habit, and the edit that does it.
#[derive(Debug, Clone, PartialEq)]
pub struct Habit {
    /// Names the habit and what to write.
    pub help: Msg,
    /// The edit.
    pub fix: Fix,
}

impl Habit {
    fn new(help: Msg, applicability: Applicability, span: Span, text: &str) -> Habit {
        let fix = Fix::replace(msg!("habit-fix-write", text = text), applicability, span, text);
        Habit { help, fix }
    }

    /// `diag` with this habit's help (replacing any) and fix.
    pub fn apply(self, diag: Diagnostic) -> Diagnostic {
        diag.help(self.help).fix(self.fix)
    }
}

/// Full-width forms typed by a Chinese input method, in their ASCII spelling.
fn half_width(c: char) -> char {
    match c {
        '０'..='９' | '．' | '，' | '－' | '＋' | '％' | '：' | '／' => {
            char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c)
        }
        '\u{3000}' => ' ',
        '。' => '.',
        other => other,
    }
}

fn has_full_width_digits(text: &str) -> bool {
    text.chars().any(|c| matches!(c, '０'..='９'))
}

/// Whether a string node is written as it reads (a plain scalar on one line), so that a byte
/// of the string is the byte at the same offset from the span's start.
fn plain(node: &Node, text: &str) -> bool {
    (node.span.end as usize).checked_sub(node.span.start as usize) == Some(text.len())
}

/// The span of `len` bytes at byte `at` of a plain string node.
fn inside(node: &Node, at: usize, len: usize) -> Option<Span> {
    let start = node.span.start.checked_add(u32::try_from(at).ok()?)?;
    let end = start.checked_add(u32::try_from(len).ok()?)?;
    Some(Span { end, start, ..node.span })
}

/// What was unusual in a number written as text.
#[derive(Debug, Default)]
struct Spelling {
    full_width: bool,
    space: bool,
    currency: bool,
    percent: bool,
    separators: bool,
    multiplier: Option<Decimal>,
}

/// `text` as a plain number, and what made it not one.
fn read_number(text: &str) -> Option<(String, Spelling)> {
    let mut how = Spelling {
        full_width: has_full_width_digits(text),
        space: text.contains('\u{3000}'),
        ..Spelling::default()
    };
    let ascii: String = text.chars().map(half_width).collect();
    let mut t = ascii.trim();
    for sign in ["¥", "￥", "RMB", "CNY"] {
        if let Some(rest) = t.strip_prefix(sign) {
            t = rest.trim_start();
            how.currency = true;
        }
    }
    if let Some(rest) = t.strip_suffix('元') {
        t = rest.trim_end();
        how.currency = true;
    }
    if let Some(rest) = t.strip_suffix('%') {
        t = rest.trim_end();
        how.percent = true;
    }
    const UNITS: [(&str, u64); 5] = [
        ("亿", 100_000_000),
        ("千万", 10_000_000),
        ("百万", 1_000_000),
        ("万", 10_000),
        ("千", 1_000),
    ];
    for (unit, times) in UNITS {
        if let Some(rest) = t.strip_suffix(unit) {
            t = rest.trim_end();
            how.multiplier = Some(Decimal::from(times));
            break;
        }
    }
    let digits = if t.contains(',') {
        how.separators = true;
        grouped_digits(t)?
    } else {
        t.to_owned()
    };
    let plain = digits.strip_prefix(['-', '+']).unwrap_or(&digits);
    let (int, frac) = plain.split_once('.').unwrap_or((plain, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() || !all_digits(int) || !all_digits(frac) {
        return None;
    }
    if plain.contains('.') && frac.is_empty() {
        return None;
    }
    check_spelling(&digits).ok()?;
    let written = match how.multiplier {
        Some(times) => parse_decimal(&digits)?.checked_mul(times)?.normalize().to_string(),
        None => digits,
    };
    check_spelling(&written).ok()?;
    let changed = how.full_width
        || how.space
        || how.currency
        || how.percent
        || how.separators
        || how.multiplier.is_some();
    changed.then_some((written, how))
}

/// `12,000` or `-1,234,567.5` without its separators; `None` when the groups are not of three.
fn grouped_digits(text: &str) -> Option<String> {
    let (sign, rest) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    let mut groups = int.split(',');
    let first = groups.next()?;
    let ok = |g: &str, len: std::ops::RangeInclusive<usize>| {
        len.contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit())
    };
    if !ok(first, 1..=3) || !groups.clone().all(|g| ok(g, 3..=3)) {
        return None;
    }
    let mut out = format!("{sign}{first}{}", groups.collect::<String>());
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    Some(out)
}

/// A string written where a number belongs: `１２０００`, `12,000`, `85%`, `2.25万`, `¥30`.
pub fn number(node: &Node) -> Option<Habit> {
    let yaml::Value::String(text) = &node.value else { return None };
    let (fixed, how) = read_number(text)?;
    let found = text.as_str();
    let (help, applicability) = if how.multiplier.is_some() {
        (msg!("habit-chinese-unit", found = found, fixed = &fixed), Applicability::Safe)
    } else if how.percent {
        // 85 is what was meant only when the KPI is measured in %, which a document's schema
        // cannot see: a person confirms it.
        (msg!("habit-percent", fixed = &fixed), Applicability::Unsafe)
    } else if how.currency {
        (msg!("habit-currency", fixed = &fixed), Applicability::Safe)
    } else if !plain(node, text) {
        (msg!("schema-help-unquote", number = &fixed), Applicability::Safe)
    } else if how.separators {
        (msg!("habit-thousands", fixed = &fixed), Applicability::Safe)
    } else if how.full_width {
        (msg!("habit-full-width-digits", found = found, fixed = &fixed), Applicability::Safe)
    } else {
        (msg!("habit-full-width-space", found = found, fixed = &fixed), Applicability::Safe)
    };
    Some(Habit::new(help, applicability, node.span, &fixed))
}

/// A number in quotes where a number belongs: `'46000'`.
pub fn quoted_number(node: &Node) -> Option<Habit> {
    let yaml::Value::String(text) = &node.value else { return None };
    if plain(node, text) {
        return None;
    }
    let t = text.trim();
    let plain_number = t.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
        && parse_decimal(t).is_some()
        && check_spelling(t).is_ok();
    plain_number.then(|| {
        Habit::new(msg!("schema-help-unquote", number = t), Applicability::Safe, node.span, t)
    })
}

/// Year, month and day (or year and month) written with `/`, `.`, `年月日` or full-width
/// digits, or without leading zeros: the numbers, when that is all the text holds.
fn date_parts(text: &str) -> Option<Vec<u32>> {
    let ascii: String = text.chars().map(half_width).collect();
    let t = ascii.trim().trim_end_matches(['日', '号', '月', '年']);
    let parts: Vec<&str> = t.split(['/', '.', '-', '年', '月']).map(str::trim).collect();
    let numbers: Option<Vec<u32>> = parts
        .iter()
        .map(|p| p.bytes().all(|b| b.is_ascii_digit()).then(|| p.parse().ok()).flatten())
        .collect();
    let numbers = numbers?;
    (parts.first().map(|y| y.len()) == Some(4)).then_some(numbers)
}

/// A date written another way: `2026/12/01`, `2026.12.01`, `2026年12月1日`, `2026-12-1`.
pub fn date(node: &Node) -> Option<Habit> {
    let text = match &node.value {
        yaml::Value::String(text) => text.clone(),
        _ => return None,
    };
    let [y, m, d] = date_parts(&text)?[..] else { return None };
    let fixed = format!("{y:04}-{m:02}-{d:02}");
    fixed.parse::<Date>().ok()?;
    let help = msg!("habit-date", fixed = &fixed);
    Some(Habit::new(help, Applicability::Safe, node.span, &fixed))
}

/// A period written another way: `2026/12`, `2026年12月`, `2026.12` (a number), `2026Q1`,
/// `2026年第1季度`, `2026年`.
pub fn period(node: &Node) -> Option<Habit> {
    let text = match &node.value {
        yaml::Value::String(text) => text.clone(),
        yaml::Value::Number(n) => n.raw.to_string(),
        _ => return None,
    };
    let fixed = quarter(&text).or_else(|| match date_parts(&text)?[..] {
        [y, m] => Some(format!("{y:04}-{m:02}")),
        [y] => Some(format!("{y:04}")),
        _ => None,
    })?;
    fixed.parse::<Period>().ok()?;
    if fixed == text {
        return None;
    }
    let help = msg!("habit-period", fixed = &fixed);
    Some(Habit::new(help, Applicability::Safe, node.span, &fixed))
}

/// `2026Q1`, `2026-q1`, `2026年Q1`, `2026年第1季度`, `2026年一季度` as `2026-Q1`.
fn quarter(text: &str) -> Option<String> {
    let ascii: String = text.chars().map(half_width).collect();
    let t = ascii.trim();
    let year = t.get(..4).filter(|y| y.bytes().all(|b| b.is_ascii_digit()))?;
    let rest = t.get(4..)?.trim_start_matches(['-', '年', ' ']).trim_start_matches('第');
    let rest = rest.strip_suffix("季度").unwrap_or(rest);
    let q = match rest.trim_start_matches(['Q', 'q']) {
        "1" | "一" => 1,
        "2" | "二" => 2,
        "3" | "三" => 3,
        "4" | "四" => 4,
        _ => return None,
    };
    Some(format!("{year}-Q{q}"))
}

/// A number written where text belongs: quoted, it reads as the text it was written as.
/// `id` says whether the field is an id (`id: 120376`, `reports_to: 120376`).
pub fn quote_number(node: &Node, field: &str, id: bool) -> Option<Habit> {
    let yaml::Value::Number(n) = &node.value else { return None };
    let raw = n.raw.as_ref();
    let quoted = format!("'{raw}'");
    let help = if id {
        msg!("habit-quote-id", field = field, raw = raw)
    } else {
        msg!("habit-quote-text", field = field, raw = raw)
    };
    Some(Habit::new(help, Applicability::Safe, node.span, &quoted))
}

/// An id with a full-width space or other white space around it: `henan　`.
pub fn id_spaces(node: &Node) -> Option<Habit> {
    let yaml::Value::String(text) = &node.value else { return None };
    let fixed = text.trim_matches(|c: char| c.is_whitespace());
    let ok = !fixed.is_empty() && !fixed.chars().any(crate::model::forms::forbidden_in_id);
    (ok && text.contains('\u{3000}')).then(|| {
        let help = msg!("habit-full-width-space", found = text.as_str(), fixed = fixed);
        Habit::new(help, Applicability::Safe, node.span, fixed)
    })
}

/// A string holding `key：value` (a full-width colon) where a mapping belongs.
pub fn colon_in_text(node: &Node) -> Option<Habit> {
    let yaml::Value::String(text) = &node.value else { return None };
    let at = text.find('：')?;
    let (key, value) = (text.get(..at)?, text.get(at + '：'.len_utf8()..)?);
    if !plain(node, text) || key.trim().is_empty() || key.contains(':') {
        return None;
    }
    let fixed = format!("{}: {}", key.trim_end(), value.trim_start());
    let span = inside(node, at, '：'.len_utf8())?;
    let help = msg!("habit-full-width-colon", fixed = &fixed);
    Some(Habit::new(help, Applicability::Safe, span, ": "))
}

/// A key that is one of `allowed` once a habit is undone, and the habit: `name：张三`
/// (a full-width colon inside a key of a one-line mapping), `amount　` (a full-width space),
/// `report_to` (a misspelling with one clear candidate).
pub fn key(key: &Node, allowed: &[String]) -> Option<(String, Habit)> {
    let name = key.key_text();
    let known = |n: &str| allowed.iter().any(|a| a == n);
    if let Some(at) = name.find('：') {
        let field = name.get(..at)?.trim();
        if known(field) && plain(key, &name) {
            let value = name.get(at + '：'.len_utf8()..)?.trim_start();
            let fixed = format!("{field}: {value}");
            let span = inside(key, at, '：'.len_utf8())?;
            let help = msg!("habit-full-width-colon", fixed = &fixed);
            return Some((field.to_owned(), Habit::new(help, Applicability::Safe, span, ": ")));
        }
        return None;
    }
    if name.contains('\u{3000}') {
        let field: String = name.chars().filter(|c| !c.is_whitespace()).collect();
        if known(&field) {
            let help = msg!("habit-full-width-space", found = name.as_ref(), fixed = &field);
            return Some((field.clone(), Habit::new(help, Applicability::Safe, key.span, &field)));
        }
        return None;
    }
    let best = one_clear(&name, allowed)?;
    let help = msg!("suggest-did-you-mean", best = best);
    let fix = Fix::replace(
        msg!("habit-fix-rename", from = name.as_ref(), to = best),
        Applicability::Safe,
        key.span,
        best,
    );
    Some((best.to_owned(), Habit { help, fix }))
}

/// The one candidate close to `name`, when exactly one is.
fn one_clear<'a>(name: &str, candidates: &'a [String]) -> Option<&'a str> {
    let names = Names::new(candidates.iter().map(String::as_str));
    let best = names.closest(name, None)?;
    names.closest(name, Some(best)).is_none().then_some(best)
}

/// In a one-line mapping a comma separates entries, so `{ amount: 12,000 }` reads as
/// `amount: 12` and a key `000`. For the entries of `map`, each such split number: the
/// entry indexes it spans (the number's, then the keys), its span and its help and fix.
pub fn split_numbers(map: &Node) -> Vec<(std::ops::Range<usize>, Span, Habit)> {
    let yaml::Value::Map(entries) = &map.value else { return Vec::new() };
    let mut out = Vec::new();
    let mut i = 0;
    while let Some((_, value)) = entries.get(i) {
        let first = match &value.value {
            yaml::Value::Number(n) if is_group(&n.raw, 1, false) => n.raw.to_string(),
            _ => {
                i += 1;
                continue;
            }
        };
        let mut written = first.clone();
        let mut shown = first;
        let mut last = i;
        while let Some((key, yaml::Node { value: yaml::Value::Null, .. })) = entries.get(last + 1) {
            let text = key.key_text();
            if !is_group(&text, 3, true) || written.contains('.') {
                break;
            }
            written.push_str(&text);
            shown.push(',');
            shown.push_str(&text);
            last += 1;
        }
        let end = entries.get(last).map(|(k, _)| k.span.end);
        match end.filter(|_| last > i && check_spelling(&written).is_ok()) {
            Some(end) => {
                let span = Span { end, ..value.span };
                let help = msg!("habit-split-number", found = &shown, fixed = &written);
                out.push((
                    i..last + 1,
                    span,
                    Habit::new(help, Applicability::Safe, span, &written),
                ));
                i = last + 1;
            }
            None => i += 1,
        }
    }
    out
}

/// `12` (1 to 3 digits, a sign allowed, when `first` is 1) or `000` / `000.50` (exactly three).
fn is_group(text: &str, min: usize, fraction: bool) -> bool {
    let text = if min == 1 { text.strip_prefix('-').unwrap_or(text) } else { text };
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) if fraction && !f.is_empty() => (i, f),
        Some(_) => return false,
        None => (text, ""),
    };
    let len_ok = if min == 1 { (1..=3).contains(&int.len()) } else { int.len() == 3 };
    len_ok && int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
}

/// Applies `edits` to `text`, from the end backwards (for tests).
#[cfg(test)]
pub fn apply(text: &str, edits: &[crate::diag::Edit]) -> String {
    let mut out = text.to_owned();
    let mut edits = edits.to_vec();
    edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
    for e in edits {
        out.replace_range(e.span.start as usize..e.span.end as usize, &e.text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(text: &str) -> Node {
        yaml::parse(crate::source::FileId(0), &format!("v: {text}\n"), 0)
            .unwrap()
            .get("v")
            .unwrap()
            .clone()
    }

    fn fixed(f: fn(&Node) -> Option<Habit>, text: &str) -> Option<String> {
        let doc = format!("v: {text}\n");
        let n = node(text);
        f(&n).map(|h| apply(&doc, &h.fix.edits).trim_start_matches("v: ").trim_end().to_owned())
    }

    #[test]
    fn numbers_as_a_spreadsheet_or_an_input_method_writes_them() {
        let cases = [
            ("１２０００", "12000"),
            ("12,000", "12000"),
            ("12，000", "12000"),
            ("'46,000'", "46000"),
            ("1,234,567.50", "1234567.50"),
            ("85%", "85"),
            ("８５％", "85"),
            ("2.25万", "22500"),
            ("3千", "3000"),
            ("1.2亿", "120000000"),
            ("¥3000", "3000"),
            ("3000元", "3000"),
            ("12000\u{3000}", "12000"),
        ];
        for (written, meant) in cases {
            assert_eq!(fixed(number, written).as_deref(), Some(meant), "{written}");
        }
        for not in ["12,00", "abc", "1.2.3万", "12000", "1,2345", "万"] {
            assert_eq!(fixed(number, not), None, "{not}");
        }
        let pct = number(&node("85%")).unwrap();
        assert_eq!(pct.fix.applicability, Applicability::Unsafe);
        let full_width = number(&node("１２０００")).unwrap();
        assert_eq!(full_width.fix.applicability, Applicability::Safe);
    }

    #[test]
    fn dates_and_periods() {
        for (written, meant) in [
            ("2026/12/01", "2026-12-01"),
            ("2026.12.01", "2026-12-01"),
            ("2026年12月1日", "2026-12-01"),
            ("2026-12-1", "2026-12-01"),
        ] {
            assert_eq!(fixed(date, written).as_deref(), Some(meant), "{written}");
        }
        assert_eq!(fixed(date, "2026/02/30"), None);
        for (written, meant) in [
            ("2026/12", "2026-12"),
            ("2026年12月", "2026-12"),
            ("2026.12", "2026-12"),
            ("2026Q1", "2026-Q1"),
            ("2026年第一季度", "2026-Q1"),
        ] {
            assert_eq!(fixed(period, written).as_deref(), Some(meant), "{written}");
        }
        assert_eq!(fixed(period, "2026/13"), None);
    }

    #[test]
    fn full_width_colon_in_text() {
        assert_eq!(fixed(colon_in_text, "name：张三").as_deref(), Some("name: 张三"));
        assert_eq!(fixed(colon_in_text, "'name：张三'"), None);
    }

    #[test]
    fn split_numbers_in_one_line_mappings() {
        let doc = "v: { a: 1, amount: 12,000,000.5, note: x }\n";
        let map = yaml::parse(crate::source::FileId(0), doc, 0).unwrap();
        let map = map.get("v").unwrap();
        let found = split_numbers(map);
        assert_eq!(found.len(), 1);
        let (range, _, habit) = &found[0];
        assert_eq!(range, &(1..4));
        assert_eq!(apply(doc, &habit.fix.edits), "v: { a: 1, amount: 12000000.5, note: x }\n");
    }
}
