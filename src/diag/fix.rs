//! Applying fixes: which of the diagnostics' [`Fix`]es `check --fix` makes, and the edited
//! texts. Pure: `cli` reads and writes the files.
//!
//! A diagnostic's first fix that the mode allows is taken (safe ones, or unsafe ones too);
//! fixes are taken in the diagnostics' order, and one whose edits touch the bytes of a fix
//! taken before it is skipped (the first wins, as ruff does; the next round of `--fix` meets
//! it again if it still applies). Edits replace exactly their bytes, so comments, key order
//! and formatting everywhere else stay as they were.

use std::collections::BTreeMap;

use crate::diag::{Applicability, Diagnostic, Edit, Fix};
use crate::source::FileId;

/// Which fixes may be applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Only [`Applicability::Safe`] fixes (`--fix`).
    Safe,
    /// Safe and unsafe fixes (`--fix --unsafe-fixes`).
    Unsafe,
}

impl Mode {
    /// Whether a fix of `applicability` may be applied.
    pub fn allows(self, applicability: Applicability) -> bool {
        self == Mode::Unsafe || applicability == Applicability::Safe
    }
}

/// The fix of `diag` that `mode` applies: its first fix that `mode` allows.
pub fn fix_for(diag: &Diagnostic, mode: Mode) -> Option<&Fix> {
    diag.fixes.iter().find(|f| mode.allows(f.applicability))
}

/// The fixes chosen from a list of diagnostics: their edits by file, ready for [`apply`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Chosen {
    /// The edits, by file, in order of position; they never overlap.
    pub edits: BTreeMap<FileId, Vec<Edit>>,
    /// How many diagnostics each file's edits fix (a fix is counted in its first edit's
    /// file).
    pub fixed: BTreeMap<FileId, usize>,
    /// Fixes left out because they touch the bytes of a fix chosen before.
    pub skipped: usize,
    /// Fixes left out because an edit lies outside its file or splits a character.
    pub invalid: usize,
}

impl Chosen {
    /// How many diagnostics the chosen fixes fix.
    pub fn count(&self) -> usize {
        self.fixed.values().sum()
    }
}

/// Chooses the fixes of `diags` that `mode` allows, first come first served; `text` gives a
/// file's text (to refuse an edit outside it or inside a character). A fix identical to one
/// already chosen (two diagnostics about one spot) counts as fixed without a second edit.
pub fn choose<'a, 't>(
    diags: impl IntoIterator<Item = &'a Diagnostic>,
    mode: Mode,
    text: impl Fn(FileId) -> Option<&'t str>,
) -> Chosen {
    let mut chosen = Chosen::default();
    // Per file, the chosen edits by where they start.
    let mut taken: BTreeMap<FileId, BTreeMap<u32, Edit>> = BTreeMap::new();
    for fix in diags.into_iter().filter_map(|d| fix_for(d, mode)) {
        let Some(first) = fix.edits.first() else { continue };
        let valid = fix
            .edits
            .iter()
            .all(|e| text(e.span.file).is_some_and(|t| check_edit(t, e.start(), e.end()).is_ok()));
        if !valid || overlapping(&fix.edits) {
            chosen.invalid += 1;
            continue;
        }
        let same = |e: &Edit| taken.get(&e.span.file).and_then(|m| m.get(&e.span.start));
        if fix.edits.iter().all(|e| same(e) == Some(e)) {
            *chosen.fixed.entry(first.span.file).or_default() += 1;
            continue;
        }
        if fix.edits.iter().any(|e| taken.get(&e.span.file).is_some_and(|m| clashes(m, e))) {
            chosen.skipped += 1;
            continue;
        }
        for edit in &fix.edits {
            taken.entry(edit.span.file).or_default().insert(edit.span.start, edit.clone());
        }
        *chosen.fixed.entry(first.span.file).or_default() += 1;
    }
    chosen.edits = taken.into_iter().map(|(file, m)| (file, m.into_values().collect())).collect();
    chosen
}

/// Why [`apply`] refused a list of edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// An edit ends before it starts or past the end of the text.
    OutOfRange,
    /// An edit starts or ends inside a multi-byte character.
    NotCharBoundary,
    /// Two edits touch the same bytes (or insert at the same place).
    Overlap,
}

/// `text` with `edits` made: each replaces exactly the bytes of its span (all in this file),
/// as if applied from the end of the file backwards, so no edit moves another. Everything
/// between the edits is copied byte for byte.
pub fn apply(text: &str, edits: &[Edit]) -> Result<String, Refused> {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut previous: Option<&Edit> = None;
    for edit in sorted {
        let (start, end) = check_edit(text, edit.start(), edit.end())?;
        if let Some(p) = previous
            && (start < p.end() || start == p.start())
        {
            return Err(Refused::Overlap);
        }
        // `check_edit` made both ends boundaries within `text`, and `start >= copied`.
        out.push_str(text.get(copied..start).ok_or(Refused::Overlap)?);
        out.push_str(&edit.text);
        copied = end;
        previous = Some(edit);
    }
    out.push_str(text.get(copied..).ok_or(Refused::OutOfRange)?);
    Ok(out)
}

/// The edit's ends as indexes into `text`, when they are in order, within it and on
/// character boundaries.
fn check_edit(text: &str, start: usize, end: usize) -> Result<(usize, usize), Refused> {
    if start > end || end > text.len() {
        return Err(Refused::OutOfRange);
    }
    if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return Err(Refused::NotCharBoundary);
    }
    Ok((start, end))
}

/// Whether a fix's own edits overlap one another.
fn overlapping(edits: &[Edit]) -> bool {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.span.file, e.span.start, e.span.end));
    sorted.windows(2).any(|w| match w {
        [a, b] => a.span.file == b.span.file && (b.start() < a.end() || b.start() == a.start()),
        _ => false,
    })
}

/// Whether `edit` touches the bytes of an edit in `taken` (one file's chosen edits, which
/// never overlap, so their ends rise with their starts): they share a byte, an insertion
/// falls inside the other, or both start at the same place.
fn clashes(taken: &BTreeMap<u32, Edit>, edit: &Edit) -> bool {
    let (start, end) = (edit.span.start, edit.span.end);
    // Of the chosen edits starting before `edit` ends, the last one ends furthest.
    taken.contains_key(&start)
        || taken.range(..end).next_back().is_some_and(|(_, t)| start < t.span.end)
}

impl Edit {
    fn start(&self) -> usize {
        self.span.start as usize
    }

    fn end(&self) -> usize {
        self.span.end as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::rules;
    use crate::i18n::Msg;
    use crate::source::Span;

    const F: FileId = FileId(0);

    fn edit(start: usize, end: usize, text: &str) -> Edit {
        Edit { span: Span::new(F, start, end), text: text.to_string() }
    }

    fn diag(applicability: Applicability, edits: Vec<Edit>) -> Diagnostic {
        let span = edits.first().map_or(Span::file_start(F), |e| e.span);
        let fix = Fix { title: Msg::verbatim("fix"), applicability, edits };
        Diagnostic::new(&rules::SCHEMA_TYPE, Msg::verbatim("bad"), span).fix(fix)
    }

    fn fixed(text: &str, diags: &[Diagnostic], mode: Mode) -> (String, Chosen) {
        let chosen = choose(diags, mode, |_| Some(text));
        let edits = chosen.edits.get(&F).cloned().unwrap_or_default();
        (apply(text, &edits).unwrap(), chosen)
    }

    #[test]
    fn several_edits_in_one_file_change_only_their_bytes() {
        let text = "# 预算\nkind：budget\namount: 12,000 # 注释\n";
        let colon = text.find('：').unwrap();
        let amount = text.find("12,000").unwrap();
        let diags = [
            diag(Applicability::Safe, vec![edit(colon, colon + 3, ":")]),
            diag(Applicability::Safe, vec![edit(amount, amount + 6, "12000")]),
        ];
        let (out, chosen) = fixed(text, &diags, Mode::Safe);
        assert_eq!(out, "# 预算\nkind:budget\namount: 12000 # 注释\n");
        assert_eq!((chosen.count(), chosen.skipped, chosen.invalid), (2, 0, 0));
    }

    #[test]
    fn unsafe_fixes_wait_for_unsafe_mode_and_the_first_allowed_fix_is_taken() {
        let text = "amount: 5000\n";
        let d = diag(Applicability::Unsafe, vec![edit(8, 12, "4400")]);
        let (out, chosen) = fixed(text, std::slice::from_ref(&d), Mode::Safe);
        assert_eq!((out.as_str(), chosen.count()), (text, 0));
        let (out, chosen) = fixed(text, std::slice::from_ref(&d), Mode::Unsafe);
        assert_eq!((out.as_str(), chosen.count()), ("amount: 4400\n", 1));
        let span = d.primary.span;
        let two = d.fix(Fix::replace(Msg::verbatim("safe"), Applicability::Safe, span, "1"));
        assert_eq!(fixed(text, std::slice::from_ref(&two), Mode::Safe).0, "amount: 1\n");
        assert_eq!(fixed(text, &[two], Mode::Unsafe).0, "amount: 4400\n");
    }

    #[test]
    fn overlapping_fixes_are_skipped_and_the_first_wins() {
        let text = "a: 12,000\n";
        let diags = [
            diag(Applicability::Safe, vec![edit(3, 9, "12000")]),
            // Inside the first, crossing its end, an insertion inside it, the same start.
            diag(Applicability::Safe, vec![edit(5, 6, "")]),
            diag(Applicability::Safe, vec![edit(8, 10, "0\n")]),
            diag(Applicability::Safe, vec![edit(4, 4, "x")]),
            diag(Applicability::Safe, vec![edit(3, 3, "'")]),
            // Touching its end without sharing a byte is fine.
            diag(Applicability::Safe, vec![edit(9, 9, " # ok")]),
            // The same edit again: one fix, two diagnostics.
            diag(Applicability::Safe, vec![edit(3, 9, "12000")]),
        ];
        let (out, chosen) = fixed(text, &diags, Mode::Safe);
        assert_eq!(out, "a: 12000 # ok\n");
        assert_eq!((chosen.count(), chosen.skipped, chosen.invalid), (3, 4, 0));
        // A fix whose own edits overlap is refused whole.
        let own = diag(Applicability::Safe, vec![edit(0, 2, "b"), edit(1, 3, "c")]);
        assert_eq!(fixed(text, &[own], Mode::Safe).1.invalid, 1);
    }

    #[test]
    fn a_fix_with_two_edits_is_taken_or_skipped_whole() {
        let text = "id: 007\nname: x\n";
        let quote = diag(Applicability::Safe, vec![edit(4, 4, "'"), edit(7, 7, "'")]);
        let clash = diag(Applicability::Safe, vec![edit(14, 15, "y"), edit(7, 7, "!")]);
        let (out, chosen) = fixed(text, &[quote, clash], Mode::Safe);
        assert_eq!(out, "id: '007'\nname: x\n");
        assert_eq!((chosen.count(), chosen.skipped), (1, 1));
    }

    #[test]
    fn multibyte_text_crlf_and_the_end_of_the_file() {
        let text = "名称：工资\r\n金额：１２０００";
        let first = text.find('：').unwrap();
        let second = text.rfind('：').unwrap();
        let digits = second + 3;
        let diags = [
            diag(Applicability::Safe, vec![edit(first, first + 3, ": ")]),
            diag(Applicability::Safe, vec![edit(second, second + 3, ": ")]),
            diag(Applicability::Safe, vec![edit(digits, text.len(), "12000")]),
            diag(Applicability::Safe, vec![edit(text.len(), text.len(), "\r\n")]),
        ];
        let (out, chosen) = fixed(text, &diags, Mode::Safe);
        assert_eq!(out, "名称: 工资\r\n金额: 12000\r\n");
        assert_eq!(chosen.count(), 4);
    }

    #[test]
    fn edits_outside_the_text_or_inside_a_character_are_refused_not_a_panic() {
        let text = "名称: 工资";
        let diags = [
            diag(Applicability::Safe, vec![edit(1, 2, "x")]),
            diag(Applicability::Safe, vec![edit(8, 40, "x")]),
            diag(Applicability::Safe, vec![edit(0, 3, "甲")]),
        ];
        let (out, chosen) = fixed(text, &diags, Mode::Safe);
        assert_eq!(out, "甲称: 工资");
        assert_eq!((chosen.count(), chosen.invalid), (1, 2));
        assert_eq!(apply(text, &[edit(1, 2, "x")]), Err(Refused::NotCharBoundary));
        assert_eq!(apply(text, &[edit(5, 99, "x")]), Err(Refused::OutOfRange));
        let backwards = Edit { span: Span { file: F, start: 4, end: 2 }, text: String::new() };
        assert_eq!(apply(text, &[backwards]), Err(Refused::OutOfRange));
        assert_eq!(apply(text, &[edit(0, 3, "a"), edit(0, 0, "b")]), Err(Refused::Overlap));
        assert_eq!(apply(text, &[]).as_deref(), Ok(text));
        // A file with no text (unread) refuses every edit.
        let chosen = choose(&diags, Mode::Safe, |_| None);
        assert_eq!((chosen.count(), chosen.invalid), (0, 3));
    }

    #[test]
    fn edits_in_two_files_are_kept_apart() {
        let g = FileId(1);
        let other = Edit { span: Span::new(g, 0, 1), text: "z".into() };
        let diags = [
            diag(Applicability::Safe, vec![edit(0, 1, "y"), other.clone()]),
            diag(Applicability::Safe, vec![edit(2, 3, "w")]),
        ];
        let chosen = choose(&diags, Mode::Safe, |_| Some("abc"));
        assert_eq!(chosen.edits.get(&g), Some(&vec![other]));
        assert_eq!(chosen.edits.get(&F).map(Vec::len), Some(2));
        assert_eq!(chosen.fixed.get(&F), Some(&2));
    }
}
