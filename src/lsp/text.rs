//! Positions as the editor counts them: a line and a column in UTF-8 bytes, UTF-16 code units
//! (the protocol's default, and what VS Code counts) or code points, turned into the byte
//! offsets planbook's spans hold and back; and edits of a buffer applied as the editor sends
//! them.
//!
//! A Chinese character is 3 bytes, 1 UTF-16 unit and 1 code point; an emoji 4 bytes, 2 units
//! and 1 code point. Lines end at `\n`, `\r\n` or a lone `\r`, as in [`crate::source`].

use lsp_types::{Position, PositionEncodingKind, Range, TextDocumentContentChangeEvent};

/// How the client counts columns, agreed at initialisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    /// UTF-8 bytes.
    Utf8,
    /// UTF-16 code units: the protocol's default.
    #[default]
    Utf16,
    /// Unicode code points.
    Utf32,
}

impl Encoding {
    /// The encoding to use, from the client's `general.positionEncodings` (in its order of
    /// preference): UTF-8 when offered, since it is what spans count, else UTF-32, else UTF-16.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        let offered = offered.unwrap_or_default();
        if offered.contains(&PositionEncodingKind::UTF8) {
            Encoding::Utf8
        } else if offered.contains(&PositionEncodingKind::UTF32) {
            Encoding::Utf32
        } else {
            Encoding::Utf16
        }
    }

    /// The protocol's name for it.
    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
            Encoding::Utf32 => PositionEncodingKind::UTF32,
        }
    }

    fn width(self, c: char) -> u32 {
        match self {
            Encoding::Utf8 => c.len_utf8() as u32,
            Encoding::Utf16 => c.len_utf16() as u32,
            Encoding::Utf32 => 1,
        }
    }
}

/// Where each line of a text starts, to turn byte offsets into positions and back.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<u32>,
    len: u32,
}

impl LineIndex {
    /// The lines of `text`.
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i as u32 + 1),
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    starts.push(i as u32 + 2);
                    i += 1;
                }
                b'\r' => starts.push(i as u32 + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex { starts, len: text.len() as u32 }
    }

    /// The number of lines (a text ending in a line break has an empty last line).
    pub fn lines(&self) -> usize {
        self.starts.len()
    }

    /// The byte offset where line `line` (0-based) starts; past the last line, the text's end.
    pub fn line_start(&self, line: usize) -> usize {
        self.starts.get(line).map_or(self.len as usize, |&s| s as usize)
    }

    /// The 0-based line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.len as usize) as u32;
        self.starts.partition_point(|&s| s <= offset).saturating_sub(1)
    }

    /// The editor's position of byte `offset` in `text` (the text this index was made from).
    /// An offset inside a character counts from that character's start.
    pub fn position(&self, text: &str, offset: usize, enc: Encoding) -> Position {
        let offset = floor_char(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let start = self.line_start(line);
        let character = text[start..offset].chars().map(|c| enc.width(c)).sum();
        Position { line: line as u32, character }
    }

    /// The byte offset of the editor's `position` in `text`. A column past the line's end is
    /// the line's end (before its line break), a line past the last is the text's end, and a
    /// column inside a character (half of a UTF-16 pair) is that character's start.
    pub fn offset(&self, text: &str, position: Position, enc: Encoding) -> usize {
        let line = position.line as usize;
        if line >= self.starts.len() {
            return text.len();
        }
        let start = self.line_start(line);
        let end = line_content_end(text, start);
        let mut column = 0u32;
        for (i, c) in text[start..end].char_indices() {
            let next = column + enc.width(c);
            if next > position.character {
                return start + i;
            }
            column = next;
        }
        end
    }

    /// The editor's range of bytes `start..end` of `text`.
    pub fn range(&self, text: &str, start: usize, end: usize, enc: Encoding) -> Range {
        Range { start: self.position(text, start, enc), end: self.position(text, end, enc) }
    }
}

/// Where the content of the line starting at `start` ends (before its line break).
fn line_content_end(text: &str, start: usize) -> usize {
    text[start..].find(['\n', '\r']).map_or(text.len(), |i| start + i)
}

fn floor_char(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Applies the editor's changes to `text`, in order: a change with a range replaces that
/// range (positions counted in `enc`), one without replaces the whole text.
pub fn apply_changes(
    text: &mut String,
    changes: Vec<TextDocumentContentChangeEvent>,
    enc: Encoding,
) {
    // Consecutive ranged changes reuse one index until the text they index changes.
    for change in changes {
        match change.range {
            None => *text = change.text,
            Some(range) => {
                let index = LineIndex::new(text);
                let start = index.offset(text, range.start, enc);
                let end = index.offset(text, range.end, enc).max(start);
                text.replace_range(start..end, &change.text);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, character: u32) -> Position {
        Position { line, character }
    }

    #[test]
    fn chinese_counts_one_unit_in_utf16_and_three_bytes_in_utf8() {
        let text = "name: 张三\nunit: 郑州\n";
        let index = LineIndex::new(text);
        let at = text.find('三').unwrap();
        assert_eq!(index.position(text, at, Encoding::Utf16), pos(0, 7));
        assert_eq!(index.position(text, at, Encoding::Utf8), pos(0, 9));
        assert_eq!(index.position(text, at, Encoding::Utf32), pos(0, 7));
        assert_eq!(index.offset(text, pos(0, 7), Encoding::Utf16), at);
        assert_eq!(index.offset(text, pos(0, 9), Encoding::Utf8), at);
        let zhou = text.find('州').unwrap();
        assert_eq!(index.position(text, zhou, Encoding::Utf16), pos(1, 7));
        assert_eq!(index.offset(text, pos(1, 7), Encoding::Utf16), zhou);
    }

    #[test]
    fn an_emoji_is_a_surrogate_pair_in_utf16() {
        let text = "a😀b";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 5, Encoding::Utf16), pos(0, 3));
        assert_eq!(index.offset(text, pos(0, 3), Encoding::Utf16), 5);
        // The middle of the pair is the character's start.
        assert_eq!(index.offset(text, pos(0, 2), Encoding::Utf16), 1);
    }

    #[test]
    fn every_line_ending_ends_a_line_and_columns_stop_before_it() {
        let text = "a\r\nb\rc\nd";
        let index = LineIndex::new(text);
        assert_eq!(index.lines(), 4);
        assert_eq!(index.offset(text, pos(0, 9), Encoding::Utf16), 1);
        assert_eq!(index.offset(text, pos(1, 0), Encoding::Utf16), 3);
        assert_eq!(index.offset(text, pos(2, 0), Encoding::Utf16), 5);
        assert_eq!(index.offset(text, pos(3, 1), Encoding::Utf16), 8);
        assert_eq!(index.offset(text, pos(9, 0), Encoding::Utf16), text.len());
        assert_eq!(index.position(text, 4, Encoding::Utf16), pos(1, 1));
    }

    #[test]
    fn changes_apply_in_order_with_ranges_in_the_clients_encoding() {
        let mut text = String::from("reports_to: 张三\n");
        let change = |range: Option<Range>, text: &str| TextDocumentContentChangeEvent {
            range,
            range_length: None,
            text: text.into(),
        };
        apply_changes(
            &mut text,
            vec![
                change(Some(Range { start: pos(0, 12), end: pos(0, 14) }), "p071"),
                change(Some(Range { start: pos(1, 0), end: pos(1, 0) }), "x: 1\n"),
            ],
            Encoding::Utf16,
        );
        assert_eq!(text, "reports_to: p071\nx: 1\n");
        apply_changes(&mut text, vec![change(None, "whole")], Encoding::Utf16);
        assert_eq!(text, "whole");
    }

    #[test]
    fn negotiation_prefers_utf8_then_utf32_then_the_default() {
        let offered = [PositionEncodingKind::UTF16, PositionEncodingKind::UTF8];
        assert_eq!(Encoding::negotiate(Some(&offered)), Encoding::Utf8);
        assert_eq!(Encoding::negotiate(Some(&[PositionEncodingKind::UTF32])), Encoding::Utf32);
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
    }
}
