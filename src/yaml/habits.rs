//! Input-method habits in YAML's punctuation: a full-width colon `：` as a key's separator,
//! a full-width space `　` (U+3000) in the indentation or after a colon, a full-width `－` as
//! a list's dash. A Chinese input method types these when it is left in full-width mode; the
//! text then looks right but reads as one string. [`scan_line`] finds them on one line, with
//! the ASCII text that replaces each; `build` calls it when a syntax error follows, and other
//! stages may call it when a line that should be a key or an item reads as text.

use std::ops::Range;

use crate::i18n::{Msg, msg};

/// The full-width colon.
const COLON: char = '：';
/// The ideographic (full-width) space, U+3000.
const SPACE: char = '\u{3000}';
/// The full-width hyphen-minus.
const DASH: char = '－';

/// Which habit a line shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HabitKind {
    /// `name：张三`: a full-width colon where the key ends.
    Colon,
    /// `　　post: gm` or `post:　gm`: a full-width space in the indentation or after `:`.
    Space,
    /// `－ id: gm`: a full-width dash where a list item starts.
    Dash,
}

/// The habits found on one line: the first one's kind, and every character to replace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Habit {
    /// The first habit on the line, which the message names.
    pub kind: HabitKind,
    /// Byte ranges of the line and their ASCII replacements, in order, never overlapping.
    pub edits: Vec<(Range<usize>, &'static str)>,
}

impl Habit {
    /// What is wrong, naming the character: "full-width colon `：` — use `:`".
    pub fn message(&self) -> Msg {
        match self.kind {
            HabitKind::Colon => msg!("yaml-habit-colon"),
            HabitKind::Space => msg!("yaml-habit-space"),
            HabitKind::Dash => msg!("yaml-habit-dash"),
        }
    }

    /// What to do about it.
    pub fn help(&self) -> Msg {
        match self.kind {
            HabitKind::Colon => msg!("yaml-habit-colon-help"),
            HabitKind::Space => msg!("yaml-habit-space-help"),
            HabitKind::Dash => msg!("yaml-habit-dash-help"),
        }
    }

    /// The title of the fix that makes the edits.
    pub fn fix_title(&self) -> Msg {
        msg!("yaml-habit-fix")
    }

    /// The byte range of the first character to replace, where a message points.
    pub fn first(&self) -> Range<usize> {
        self.edits.first().map_or(0..0, |(r, _)| r.clone())
    }
}

/// The habits on `line` (its text without the line end), or `None` when it has none.
///
/// Only punctuation in YAML's own places counts: the indentation, a `－` that starts an item,
/// a `：` right after a key (an ASCII word: planbook's keys are English) on a line with no
/// ASCII `:` before it, and a `　` right after a colon. A `：` in a value
/// (`note: 时间：下午`), in a sentence (`- 第一：做好库存`) or in a comment
/// is text and stays.
pub fn scan_line(line: &str) -> Option<Habit> {
    let mut edits: Vec<(Range<usize>, &'static str)> = Vec::new();
    let mut at = 0;
    // Indentation and list dashes, ASCII or full-width, in any order.
    loop {
        let rest = line.get(at..).unwrap_or("");
        let Some(c) = rest.chars().next() else { break };
        let after = rest.get(c.len_utf8()..).unwrap_or("");
        match c {
            ' ' | '\t' | '-' if c != '-' || after.starts_with([' ', SPACE]) => at += 1,
            // In the indentation, a `　` is as wide as two spaces, and looked so to the writer.
            SPACE => {
                edits.push((at..at + SPACE.len_utf8(), "  "));
                at += SPACE.len_utf8();
            }
            DASH if after.is_empty() || after.starts_with([' ', SPACE]) => {
                edits.push((at..at + DASH.len_utf8(), "-"));
                at += DASH.len_utf8();
                // Right after the dash, a `　` stands for the one space that follows a dash.
                if after.starts_with(SPACE) {
                    edits.push((at..at + SPACE.len_utf8(), " "));
                    at += SPACE.len_utf8();
                }
            }
            _ => break,
        }
    }
    let content = line.get(at..).unwrap_or("");
    if let Some(end) = key_end(content) {
        let colon = at + end;
        let found = line.get(colon..).and_then(|r| r.chars().next());
        let width = found.map_or(1, char::len_utf8);
        if found == Some(COLON) {
            let next = line.get(colon + width..).and_then(|r| r.chars().next());
            let spaced = matches!(next, None | Some(' ' | '\t' | SPACE));
            edits.push((colon..colon + width, if spaced { ":" } else { ": " }));
        }
        let value = colon + width;
        if line.get(value..).is_some_and(|r| r.starts_with(SPACE)) {
            edits.push((value..value + SPACE.len_utf8(), " "));
        }
    }
    // The message names the first habit on the line.
    let first = edits.first().map(|(r, _)| r.start)?;
    let kind = match line.get(first..).and_then(|r| r.chars().next()) {
        Some(COLON) => HabitKind::Colon,
        Some(DASH) => HabitKind::Dash,
        _ => HabitKind::Space,
    };
    Some(Habit { kind, edits })
}

/// The first habit on the lines of `text` that `range` (byte offsets of `text`) touches, with
/// the byte offset of its line's start: where a value that should have been a mapping or a
/// list (`name：张三` read as one string) was written. Add the line's start to each edit's
/// range for offsets in `text`.
pub fn in_range(text: &str, range: Range<usize>) -> Option<(usize, Habit)> {
    let start = text.get(..range.start)?.rfind('\n').map_or(0, |i| i + 1);
    let end = range.end.max(range.start);
    let mut line_start = start;
    for line in text.get(start..)?.split('\n') {
        if line_start > end {
            break;
        }
        if let Some(habit) = scan_line(line.strip_suffix('\r').unwrap_or(line)) {
            return Some((line_start, habit));
        }
        line_start += line.len() + 1;
    }
    None
}

/// Where the key of `content` (a line after its indentation and dashes) ends: the byte offset
/// of its colon, ASCII `:` (followed by a space, a `　` or the end) or full-width `：`
/// (followed by anything). `None` for comments, quoted or bracketed text, and lines whose
/// first colon is neither.
fn key_end(content: &str) -> Option<usize> {
    if content.starts_with(['#', '"', '\'', '[', '{', '|', '>']) || content.is_empty() {
        return None;
    }
    let mut chars = content.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            // planbook's keys are ASCII words; `第一：做好库存` is a sentence.
            COLON => return is_word(&content[..i]).then_some(i),
            ':' => {
                let next = chars.peek().map(|&(_, n)| n);
                return matches!(next, None | Some(' ' | '\t' | SPACE)).then_some(i);
            }
            '#' if content[..i].ends_with([' ', '\t']) => return None,
            _ => {}
        }
    }
    None
}

/// Whether `key` looks like one of planbook's keys: ASCII letters, digits, `_` and `-`,
/// starting with a letter.
fn is_word(key: &str) -> bool {
    key.starts_with(|c: char| c.is_ascii_alphabetic())
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}
