//! A syntax error in a manager's words: from the parser's error kind and where it stopped,
//! and the text around it, what the writer most likely did (a line indented one space too
//! many, a full-width colon, a quote or bracket never closed) and what to do, with the edit
//! when it is sure. The parser's kind chooses what to look for; the text gives the columns.

use std::ops::Range;

use serde_saphyr::granit_parser::ErrorKind as ScanKind;

use super::build::scan_message;
use super::habits::{self, Habit};
use super::layout::{Level, Lines, levels, shape};
use crate::i18n::{Msg, msg};

/// A range of the parsed text and its replacement.
pub(super) type Edit = (Range<usize>, String);

/// An explained syntax error, in byte ranges of the parsed text.
pub(super) struct Explained {
    /// The message, a whole sentence.
    pub message: Msg,
    /// Where.
    pub at: Range<usize>,
    /// What to do.
    pub help: Msg,
    /// A second place that explains the first (a sibling line, an opening bracket).
    pub related: Option<(Range<usize>, Msg)>,
    /// A sure edit: its title and the ranges to replace.
    pub fix: Option<(Msg, Vec<Edit>)>,
}

/// How many content lines above the error a habit or a missing space may be: the parser reads
/// `name：张三` on as text and stops a line or two later.
const LOOK_BACK: usize = 3;

/// The explanation of the parser's `kind` of error at byte `offset` of `text`, when the text
/// shows a cause; `None` leaves the parser's complaint, with general help.
pub(super) fn explain(text: &str, offset: usize, kind: &ScanKind) -> Option<Explained> {
    let lines = Lines::of(text);
    let at = lines.at(offset)?;
    match kind {
        ScanKind::TabNotAllowed
        | ScanKind::TabInBlockIndentation
        | ScanKind::TabAtBlockScalarStart
        | ScanKind::TabInIndentation
        | ScanKind::TabInPlainScalar => return tab(&lines, offset),
        ScanKind::UnclosedQuotedScalar => return unclosed_quote(text, offset),
        ScanKind::InvalidTrailingSingleQuotedScalar
        | ScanKind::InvalidTrailingDoubleQuotedScalar => {
            let line = lines.get(at)?;
            let end = line.start + line.text.trim_end().len();
            return Some(Explained {
                message: invalid(msg!("yaml-after-quote")),
                at: offset.min(end)..end,
                help: msg!("yaml-after-quote-help"),
                related: None,
                fix: None,
            });
        }
        ScanKind::UnexpectedCharacter { character: c @ '@' } => {
            return Some(Explained {
                message: invalid(msg!("yaml-reserved-start", character = c.to_string())),
                at: offset..offset + 1,
                help: msg!("yaml-reserved-start-help", character = c.to_string()),
                related: None,
                fix: None,
            });
        }
        ScanKind::UnknownQuotedScalarEscape => {
            return Some(Explained {
                message: invalid(msg!("yaml-unknown-escape")),
                at: offset..offset + 1,
                help: msg!("yaml-unknown-escape-help"),
                related: None,
                fix: None,
            });
        }
        ScanKind::BlockSequenceEntryNotAllowed
            if lines.get(at).is_some_and(|l| shape(l.text).key.is_some()) =>
        {
            return Some(Explained {
                message: invalid(msg!("yaml-list-after-key")),
                at: offset..offset + 1,
                help: msg!("yaml-list-after-key-help"),
                related: None,
                fix: None,
            });
        }
        _ => {}
    }
    if let Some(found) = unclosed_bracket(text, offset, kind) {
        return Some(found);
    }
    if let Some(found) = habit(&lines, at) {
        return Some(found);
    }
    if let Some(found) = colon_without_space(&lines, at) {
        return Some(found);
    }
    if let Some(found) = dash_without_space(&lines, at) {
        return Some(found);
    }
    if matches!(
        kind,
        ScanKind::MappingValueNotAllowed
            | ScanKind::ExpectedBlockSequenceEntry
            | ScanKind::ExpectedBlockMappingKey
            | ScanKind::InvalidIndentation
            | ScanKind::BlockSequenceEntryNotAllowed
            | ScanKind::SimpleKeyExpected
            | ScanKind::InvalidSimpleKey
            | ScanKind::MappingKeyNotAllowed
            | ScanKind::ExpectedNodeContent
    ) && let Some(found) = indentation(&lines, at)
    {
        return Some(found);
    }
    if matches!(
        kind,
        ScanKind::ExpectedFlowMappingSeparator | ScanKind::ExpectedFlowSequenceSeparator
    ) {
        return Some(Explained {
            message: invalid(scan_message(kind, String::new)),
            at: offset..offset + 1,
            help: msg!("yaml-flow-separator-help"),
            related: None,
            fix: None,
        });
    }
    if matches!(kind, ScanKind::MappingValueNotAllowed) {
        return Some(Explained {
            message: invalid(msg!("yaml-colon-in-value")),
            at: offset..offset + 1,
            help: msg!("yaml-colon-in-value-help"),
            related: None,
            fix: None,
        });
    }
    None
}

/// "invalid YAML: …", the frame of every syntax error but an input-method habit's.
fn invalid(detail: Msg) -> Msg {
    msg!("yaml-invalid", detail = detail)
}

/// A line indented differently from the lines it belongs with.
fn indentation(lines: &Lines<'_>, at: usize) -> Option<Explained> {
    let line = lines.get(at)?;
    let s = shape(line.text);
    let indent = line.indent();
    let is_dash = s.dashes.first() == Some(&indent);
    if !is_dash && s.key.is_none() {
        return None;
    }
    let levels = levels(lines, at);
    let same: Vec<&Level> = levels.iter().filter(|l| l.dash == is_dash).collect();
    if same.iter().any(|l| l.column == indent) {
        return None;
    }
    let content = line.content();
    if same.is_empty() && is_dash {
        // A list item where the lines around it are a mapping's keys.
        let key = levels.iter().find(|l| !l.dash && !l.opens)?;
        return Some(Explained {
            message: invalid(msg!("yaml-dash-in-mapping")),
            at: content,
            help: msg!("yaml-dash-in-mapping-help"),
            related: Some((key.token.clone(), msg!("yaml-mapping-keys-here"))),
            fix: None,
        });
    }
    if same.is_empty() {
        // A `key: value` line where the lines around it are a list's items.
        let dash = levels.iter().find(|l| l.dash && l.column == indent)?;
        return Some(Explained {
            message: invalid(msg!("yaml-key-in-list")),
            at: content,
            help: msg!("yaml-key-in-list-help"),
            related: Some((dash.token.clone(), msg!("yaml-list-items-here"))),
            fix: None,
        });
    }
    let distance = |l: &&Level| l.column.abs_diff(indent);
    let nearest = same.iter().map(distance).min()?;
    let closest: Vec<&&Level> = same.iter().filter(|l| distance(l) == nearest).collect();
    let [sibling] = closest.as_slice() else {
        return Some(Explained {
            message: invalid(msg!("yaml-indent-unclear", found = indent)),
            at: content,
            help: msg!("yaml-indent-unclear-help"),
            related: None,
            fix: None,
        });
    };
    let expected = sibling.column;
    // A key right above with no value: the line may belong under it, or beside it.
    let above = lines.back(at.checked_sub(1)?, 1).next().map(|(_, l)| l);
    if let Some(above) = above
        && !is_dash
        && indent < expected + 2
        && let Some((start, end)) = shape(above.text).key.filter(|_| shape(above.text).opens)
        && start == expected
    {
        let key = above.text.get(start..end).unwrap_or("").to_string();
        return Some(Explained {
            message: invalid(msg!("yaml-indent-key", found = indent, expected = expected)),
            at: content,
            help: msg!(
                "yaml-indent-under-key-help",
                key = key,
                expected = expected,
                nested = expected + 2
            ),
            related: Some((sibling.token.clone(), msg!("yaml-siblings-here"))),
            fix: None,
        });
    }
    let fix = (nearest == 1).then(|| {
        let edit = if indent > expected {
            (line.start..line.start + 1, String::new())
        } else {
            (line.start..line.start, " ".to_string())
        };
        (msg!("yaml-indent-fix", expected = expected), vec![edit])
    });
    let (message, help) = if is_dash {
        (
            invalid(msg!("yaml-indent-item", found = indent, expected = expected)),
            msg!("yaml-indent-item-help", expected = expected),
        )
    } else {
        (
            invalid(msg!("yaml-indent-key", found = indent, expected = expected)),
            msg!("yaml-indent-key-help", expected = expected),
        )
    };
    Some(Explained {
        message,
        at: content,
        help,
        related: Some((sibling.token.clone(), msg!("yaml-siblings-here"))),
        fix,
    })
}

/// A tab, pointed at; when it is in the indentation, replaced by the spaces that line the
/// line up with the one above it (or nest it under a key that opens a block).
fn tab(lines: &Lines<'_>, offset: usize) -> Option<Explained> {
    let first = lines.index(offset)?;
    let (i, line) = (first..first + 3)
        .find_map(|i| Some((i, lines.get(i)?)).filter(|(_, l)| l.text.contains('\t')))?;
    let tab = line.text.find('\t')?;
    let lead = line.text.len() - line.text.trim_start_matches([' ', '\t']).len();
    let at = line.start + tab..line.start + tab + 1;
    let fix = (tab < lead).then(|| {
        let (_, above) = lines.back(i.checked_sub(1)?, 1).next()?;
        let above_shape = shape(above.text);
        let own = shape(&line.text.replace('\t', " "));
        let is_dash = !own.dashes.is_empty();
        let column = if above_shape.opens {
            above_shape.key.map_or(above.indent(), |(k, _)| k) + 2
        } else if is_dash {
            above_shape.dashes.first().copied().unwrap_or(above.indent())
        } else {
            above_shape.content
        };
        let edit = (line.start..line.start + lead, " ".repeat(column));
        Some((msg!("yaml-indent-fix", expected = column), vec![edit]))
    });
    let message = if tab < lead { msg!("yaml-tab") } else { msg!("yaml-tab-text") };
    Some(Explained {
        message: invalid(message),
        at,
        help: msg!("yaml-tab-help"),
        related: None,
        fix: fix.flatten(),
    })
}

/// A quote opened at `offset` and never closed.
fn unclosed_quote(text: &str, offset: usize) -> Option<Explained> {
    let quote = text.get(offset..)?.chars().next().filter(|c| matches!(c, '"' | '\''))?;
    Some(Explained {
        message: invalid(msg!("yaml-unclosed-quote", quote = quote.to_string())),
        at: offset..offset + 1,
        help: msg!("yaml-unclosed-quote-help", quote = quote.to_string()),
        related: None,
        fix: None,
    })
}

/// A `[` or `{` still open where the parser stopped.
fn unclosed_bracket(text: &str, offset: usize, kind: &ScanKind) -> Option<Explained> {
    if !matches!(
        kind,
        ScanKind::UnclosedFlowCollection { .. }
            | ScanKind::InvalidColonPlacement
            | ScanKind::ExpectedFlowMappingSeparator
            | ScanKind::ExpectedFlowSequenceSeparator
            | ScanKind::UnexpectedEofFlowSequence
            | ScanKind::UnexpectedEofFlowMapping
            | ScanKind::UnexpectedEofImplicitFlowMapping
            | ScanKind::BlockEntryInFlowCollection
            | ScanKind::InvalidFlowScalarIndent
            | ScanKind::ExpectedNodeContent
            | ScanKind::UnexpectedEof
    ) {
        return None;
    }
    let eof = matches!(
        kind,
        ScanKind::UnclosedFlowCollection { .. }
            | ScanKind::UnexpectedEofFlowSequence
            | ScanKind::UnexpectedEofFlowMapping
            | ScanKind::UnexpectedEofImplicitFlowMapping
            | ScanKind::UnexpectedEof
    );
    // At the end of the text the parser may point at the bracket itself.
    let open = open_bracket(if eof { text } else { text.get(..offset)? })?;
    let line_end = text[open..].find('\n').map_or(text.len(), |i| open + i);
    if offset <= line_end && !eof {
        // The parser stopped on the bracket's own line: something else is wrong inside it.
        return None;
    }
    let bracket = if text[open..].starts_with('[') { "[" } else { "{" };
    let close = if bracket == "[" { "]" } else { "}" };
    Some(Explained {
        message: invalid(msg!("yaml-unclosed-bracket", open = bracket)),
        at: open..open + 1,
        help: msg!("yaml-unclosed-bracket-help", open = bracket, close = close),
        related: None,
        fix: None,
    })
}

/// The innermost `[` or `{` that starts a flow collection in `text` and is not closed in it;
/// quotes and comments skipped, and brackets inside plain text (`a[1]`) not counted.
fn open_bracket(text: &str) -> Option<usize> {
    let mut stack: Vec<usize> = Vec::new();
    let mut quote: Option<char> = None;
    let mut comment = false;
    let mut prev = '\n';
    // Whether a value may start here: at a line's start, after `: `, `- `, `,` or a bracket.
    let mut can_open = true;
    for (i, c) in text.char_indices() {
        if comment {
            comment = c != '\n';
        } else if let Some(q) = quote {
            if c == q {
                quote = None;
                can_open = false;
            }
        } else {
            match c {
                '#' if prev.is_whitespace() => comment = true,
                '"' | '\'' if can_open => quote = Some(c),
                '[' | '{' if can_open => stack.push(i),
                ']' | '}' if !stack.is_empty() => {
                    stack.pop();
                    can_open = false;
                }
                ',' if !stack.is_empty() => can_open = true,
                ':' | '-' | '\n' => can_open = true,
                ' ' | '\t' | '\r' => {}
                _ => can_open = false,
            }
        }
        if c == '\n' && !comment && stack.is_empty() {
            can_open = true;
        }
        prev = c;
    }
    stack.last().copied()
}

/// A full-width colon, space or dash on the line where the parser stopped or a few above it.
fn habit(lines: &Lines<'_>, at: usize) -> Option<Explained> {
    let (line, found) = lines
        .back(at, LOOK_BACK)
        .filter(|(i, _)| !lines.in_block_text(*i))
        .find_map(|(_, l)| Some((l, habits::scan_line(l.text)?)))?;
    Some(from_habit(line.start, &found))
}

fn from_habit(start: usize, habit: &Habit) -> Explained {
    let first = habit.first();
    Explained {
        message: habit.message(),
        at: start + first.start..start + first.end,
        help: habit.help(),
        related: None,
        fix: Some((
            habit.fix_title(),
            habit
                .edits
                .iter()
                .map(|(r, t)| (start + r.start..start + r.end, t.to_string()))
                .collect(),
        )),
    }
}

/// `post:gm` where a key is expected: without a space after the colon it is one word.
fn colon_without_space(lines: &Lines<'_>, at: usize) -> Option<Explained> {
    let (line, colon) = lines
        .back(at, LOOK_BACK)
        .filter(|(i, _)| !lines.in_block_text(*i))
        .find_map(|(_, l)| Some((l, glued_colon(l.text)?)))?;
    let key = line.text.get(shape(line.text).content..colon)?.to_string();
    let value = line.text.get(colon + 1..)?.trim_end().to_string();
    let at = line.start + colon;
    Some(Explained {
        message: invalid(msg!("yaml-colon-no-space", key = key.clone(), value = value.clone())),
        at: at..at + 1,
        help: msg!("yaml-colon-no-space-help", key = key, value = value),
        related: None,
        fix: Some((msg!("yaml-colon-no-space-fix"), vec![(at + 1..at + 1, " ".to_string())])),
    })
}

/// The colon of `key:value` on a line that has no `key: value`: a word of letters, digits,
/// `_` or `-` before it, a value that is not a URL's `//` or a time's digits after it.
fn glued_colon(line: &str) -> Option<usize> {
    let s = shape(line);
    if s.key.is_some() {
        return None;
    }
    let rest = line.get(s.content..)?;
    let colon = rest.find(':')?;
    let key = &rest[..colon];
    let value = &rest[colon + 1..];
    let word = |c: char| c.is_alphanumeric() || c == '_' || c == '-';
    let plain = !key.is_empty()
        && key.chars().all(word)
        && !key.chars().all(|c| c.is_ascii_digit())
        && !value.is_empty()
        && !value.starts_with("//")
        && !value.starts_with(|c: char| c.is_whitespace() || c.is_ascii_digit());
    plain.then_some(s.content + colon)
}

/// `-id: p002` where the lines around it are list items: the dash needs a space after it.
fn dash_without_space(lines: &Lines<'_>, at: usize) -> Option<Explained> {
    let line = lines.get(at)?;
    let indent = line.indent();
    let rest = line.text.get(indent..)?;
    let after = rest.strip_prefix('-')?.chars().next()?;
    if after.is_whitespace() || after == '-' || after.is_ascii_digit() {
        return None;
    }
    levels(lines, at).iter().find(|l| l.dash && l.column == indent)?;
    let dash = line.start + indent;
    Some(Explained {
        message: invalid(msg!("yaml-dash-no-space")),
        at: dash..dash + 1,
        help: msg!("yaml-dash-no-space-help"),
        related: None,
        fix: Some((msg!("yaml-dash-no-space-fix"), vec![(dash + 1..dash + 1, " ".to_string())])),
    })
}
