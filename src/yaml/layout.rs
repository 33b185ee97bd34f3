//! The layout of YAML text as a person sees it: lines, their indentation, where a line's
//! dashes and key are, and which columns are open to a line (its possible siblings and
//! ancestors), found by walking up from it. `explain` compares a broken line with them.

use std::ops::Range;

/// One line: where it starts and its text without the line end.
#[derive(Clone, Copy)]
pub(super) struct Line<'a> {
    pub(super) start: usize,
    pub(super) text: &'a str,
}

impl Line<'_> {
    /// Leading spaces.
    pub(super) fn indent(&self) -> usize {
        self.text.len() - self.text.trim_start_matches(' ').len()
    }

    /// Whether the line holds more than spaces and a comment.
    pub(super) fn is_content(&self) -> bool {
        let rest = self.text.trim_start_matches([' ', '\t']);
        !rest.is_empty() && !rest.starts_with('#')
    }

    /// The range of the line's content, from its first non-space to its last.
    pub(super) fn content(&self) -> Range<usize> {
        let start = self.start + self.indent();
        start..(self.start + self.text.trim_end().len()).max(start)
    }
}

pub(super) struct Lines<'a> {
    pub(super) lines: Vec<Line<'a>>,
}

impl<'a> Lines<'a> {
    pub(super) fn of(text: &'a str) -> Lines<'a> {
        let mut lines = Vec::new();
        let mut start = 0;
        for piece in text.split('\n') {
            lines.push(Line { start, text: piece.strip_suffix('\r').unwrap_or(piece) });
            start += piece.len() + 1;
        }
        Lines { lines }
    }

    pub(super) fn get(&self, i: usize) -> Option<Line<'a>> {
        self.lines.get(i).copied()
    }

    /// The line holding `offset`.
    pub(super) fn index(&self, offset: usize) -> Option<usize> {
        self.lines.partition_point(|l| l.start <= offset).checked_sub(1)
    }

    /// The line holding `offset`; when that line has no content from there on (the parser
    /// stopped at a line's end or on a comment), the next line with content.
    pub(super) fn at(&self, offset: usize) -> Option<usize> {
        let i = self.index(offset)?;
        let line = self.get(i)?;
        let rest = line.text.get(offset.saturating_sub(line.start)..).unwrap_or("");
        let rest = rest.trim_start();
        if !rest.is_empty() && !rest.starts_with('#') {
            return Some(i);
        }
        (i + 1..self.lines.len()).find(|&j| self.get(j).is_some_and(|l| l.is_content())).or(Some(i))
    }

    /// The content lines from `at` back, `at` first, at most `count` of them.
    pub(super) fn back(
        &self,
        at: usize,
        count: usize,
    ) -> impl Iterator<Item = (usize, Line<'a>)> + '_ {
        (0..=at)
            .rev()
            .filter_map(|i| Some((i, self.get(i)?)))
            .filter(|(_, l)| l.is_content())
            .take(count)
    }

    /// Whether line `i` is inside a block text (`note: |` or `>-` and the lines under it).
    pub(super) fn in_block_text(&self, i: usize) -> bool {
        let Some(line) = self.get(i) else { return false };
        let indent = line.indent();
        (0..i)
            .rev()
            .filter_map(|j| self.get(j))
            .filter(|l| l.is_content())
            .find(|l| l.indent() < indent)
            .is_some_and(|l| block_indicator(l.text))
    }
}

/// Whether a line ends with a block text's indicator: `note: |`, `- >-`, `|+2`.
pub(super) fn block_indicator(line: &str) -> bool {
    let line = line.split(" #").next().unwrap_or("").trim();
    let Some(token) = line.rsplit(' ').next() else { return false };
    let indicator = token.starts_with(['|', '>'])
        && token[1..].chars().all(|c| c == '-' || c == '+' || c.is_ascii_digit());
    let before = line[..line.len() - token.len()].trim_end();
    indicator && (before.is_empty() || before.ends_with(':') || before.ends_with('-'))
}

/// The shape of a line: where its `-` dashes are, and where its key starts and ends.
pub(super) struct Shape {
    /// Columns of the dashes that start list items on the line (`- - a` has two).
    pub(super) dashes: Vec<usize>,
    /// The column where the key starts and where it ends, if the line has a key.
    pub(super) key: Option<(usize, usize)>,
    /// The column where the content after the dashes starts.
    pub(super) content: usize,
    /// Whether the key's value is empty (a nested block follows) or a block text.
    pub(super) opens: bool,
}

pub(super) fn shape(line: &str) -> Shape {
    let mut dashes = Vec::new();
    let mut at = line.len() - line.trim_start_matches(' ').len();
    while let Some(rest) = line.get(at..) {
        if rest == "-" || rest.starts_with("- ") {
            dashes.push(at);
            at += 1;
            at += line.get(at..).map_or(0, |r| r.len() - r.trim_start_matches(' ').len());
        } else {
            break;
        }
    }
    let rest = line.get(at..).unwrap_or("");
    let key = key_len(rest).map(|len| (at, at + len));
    let opens = key.is_some_and(|(_, end)| {
        let value = line.get(end + 1..).unwrap_or("").trim();
        value.is_empty() || value.starts_with('#') || block_indicator(line)
    });
    Shape { dashes, key, content: at, opens }
}

/// The length of the key at the start of `rest`: up to `: ` or a final `:`, outside quotes.
fn key_len(rest: &str) -> Option<usize> {
    if rest.starts_with(['#', '[', '{', '|', '>']) || rest.is_empty() {
        return None;
    }
    let skip = match rest.chars().next() {
        Some(q @ ('"' | '\'')) => rest[1..].find(q).map(|i| i + 2)?,
        _ => 0,
    };
    let bytes = rest.as_bytes();
    let mut i = skip;
    while i < bytes.len() {
        if bytes[i] == b'#' && i > 0 && bytes[i - 1] == b' ' {
            return None;
        }
        if bytes[i] == b':' && matches!(bytes.get(i + 1), None | Some(b' ' | b'\t')) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// A place where a key or a list item could stand, seen from a later line.
#[derive(Clone)]
pub(super) struct Level {
    pub(super) column: usize,
    pub(super) dash: bool,
    /// The token there: the key or the dash.
    pub(super) token: Range<usize>,
    /// The key there opens a nested block (its value is on the lines below).
    pub(super) opens: bool,
}

/// The columns open to line `at`: walking up, each line less indented than all lines between
/// it and `at` is a level (a sibling or an ancestor), and so are the columns inside it (the
/// key after `- `).
pub(super) fn levels(lines: &Lines<'_>, at: usize) -> Vec<Level> {
    let mut levels: Vec<Level> = Vec::new();
    let mut lowest = usize::MAX;
    for i in (0..at).rev() {
        let Some(line) = lines.get(i) else { continue };
        if !line.is_content() || line.text.starts_with("---") {
            continue;
        }
        let indent = line.indent();
        if indent >= lowest {
            continue;
        }
        let s = shape(line.text);
        if s.key.is_some_and(|_| s.opens) && block_indicator(line.text) {
            // The lines recorded so far were this block text's content.
            levels.retain(|l| l.column <= indent);
        }
        let mut found = Vec::new();
        for &d in &s.dashes {
            found.push(Level {
                column: d,
                dash: true,
                token: line.start + d..line.start + d + 1,
                opens: false,
            });
        }
        if let Some((start, end)) = s.key {
            found.push(Level {
                column: start,
                dash: false,
                token: line.start + start..line.start + end,
                opens: s.opens,
            });
        }
        for level in found {
            let seen = levels.iter().any(|l| l.column == level.column && l.dash == level.dash);
            if (level.column < lowest || level.column == indent) && !seen {
                levels.push(level);
            }
        }
        lowest = indent;
        if indent == 0 {
            break;
        }
    }
    levels
}
