//! Small text helpers shared by the handbook and `planbook serve`.

use crate::source::{Keep, escape_controls};

/// The templates' escaping: HTML as tera escapes it, after control characters and
/// bidirectional overrides in the value are shown as escapes (`\u{1b}`), so data cannot hide
/// text or reorder a page. Tabs, line breaks and bidirectional marks stay.
///
/// # Examples
///
/// ```
/// use planbook::render::util::escape_html;
/// assert_eq!(escape_html("<b>\u{202e}x\u{7}\n"), "&lt;b&gt;\\u{202e}x\\u{7}\n");
/// ```
pub fn escape_html(text: &str) -> String {
    tera::escape_html(&escape_controls(text, Keep::Layout))
}

/// Shows control characters and bidirectional overrides in HTML that planbook made (from
/// Markdown) as escapes, as [`escape_html`] does for values. The characters never take part in
/// markup, so replacing them keeps the HTML as it was.
pub fn escape_controls_in_html(html: String) -> String {
    match escape_controls(&html, Keep::Layout) {
        std::borrow::Cow::Borrowed(_) => html,
        std::borrow::Cow::Owned(shown) => shown,
    }
}

/// Whether a line break between `before` and `after` is dropped rather than read as a space:
/// when both are East Asian wide or fullwidth characters (Chinese, Japanese kana, CJK and
/// fullwidth punctuation), but not Hangul, whose words are separated by spaces; or when either
/// is a zero-width space. The rule of pandoc's `east_asian_line_breaks` and markdown-it's
/// cjk-breaks: between CJK and Latin, and between Latin words, the break stays a space.
///
/// # Examples
///
/// ```
/// use planbook::render::util::joins_across_break;
/// assert!(joins_across_break('种', '大'));
/// assert!(joins_across_break('。', '预'));
/// assert!(!joins_across_break('a', 'b'));
/// assert!(!joins_across_break('元', 'A'));
/// ```
pub fn joins_across_break(before: char, after: char) -> bool {
    let wide = |c: char| {
        (unicode_width::UnicodeWidthChar::width(c) == Some(2) && !is_hangul(c))
            || ('\u{FF61}'..='\u{FF9F}').contains(&c)
    };
    before == '\u{200B}' || after == '\u{200B}' || (wide(before) && wide(after))
}

/// Hangul syllables, jamo and compatibility letters.
fn is_hangul(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' | '\u{3200}'..='\u{321E}'
        | '\u{3260}'..='\u{327E}' | '\u{A960}'..='\u{A97F}' | '\u{AC00}'..='\u{D7FF}'
        | '\u{FFA0}'..='\u{FFDC}')
}

/// Plain text from a document (a note, a description) as a page shows it: a line break, or
/// the single space YAML folding (`>`) leaves of one, between two CJK characters (see
/// [`joins_across_break`]) is dropped, so `以内。↵预算` reads `以内。预算`; between
/// Latin words and between CJK and Latin it stays. Two spaces, a blank line and a
/// full-width space stay.
///
/// # Examples
///
/// ```
/// use planbook::render::util::join_cjk_breaks;
/// assert_eq!(join_cjk_breaks("以内。 预算"), "以内。预算");
/// assert_eq!(join_cjk_breaks("那种\n大 and\nmore 共\n3"), "那种大 and\nmore 共\n3");
/// assert_eq!(join_cjk_breaks("张三  李四\n\n王五"), "张三  李四\n\n王五");
/// ```
pub fn join_cjk_breaks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find([' ', '\t', '\n', '\r']) {
        let (head, tail) = rest.split_at(at);
        out.push_str(head);
        let run = tail.len() - tail.trim_start_matches([' ', '\t', '\n', '\r']).len();
        let (gap, after) = tail.split_at(run);
        let lines =
            gap.matches('\n').count() + gap.matches('\r').count() - gap.matches("\r\n").count();
        let soft = gap == " " || lines == 1;
        let join = match (out.chars().next_back(), after.chars().next()) {
            (Some(b), Some(a)) => soft && joins_across_break(b, a),
            _ => false,
        };
        if !join {
            out.push_str(gap);
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// [`join_cjk_breaks`] for an optional field of a document: what views put on a page.
pub fn prose(text: &Option<String>) -> Option<String> {
    text.as_deref().map(join_cjk_breaks)
}

/// Decodes `%XX` escapes, leaving invalid ones as they are and replacing bytes that are not
/// UTF-8: for links written in documents (`%E8%80%83.md`), which should resolve when they can.
///
/// # Examples
///
/// ```
/// use planbook::render::util::percent_decode_lenient;
/// assert_eq!(percent_decode_lenient("%E8%80%83x%zz"), "考x%zz");
/// ```
pub fn percent_decode_lenient(text: &str) -> String {
    let bytes = decode(text, false).unwrap_or_default();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Decodes `%XX` escapes; `None` when an escape is invalid or the result is not UTF-8: for
/// request paths, which must mean exactly one file or nothing.
///
/// # Examples
///
/// ```
/// use planbook::render::util::percent_decode_strict;
/// assert_eq!(percent_decode_strict("/%E8%80%83.html").as_deref(), Some("/考.html"));
/// assert_eq!(percent_decode_strict("/%zz"), None);
/// ```
pub fn percent_decode_strict(text: &str) -> Option<String> {
    String::from_utf8(decode(text, true)?).ok()
}

/// The bytes of `text` with escapes decoded; an invalid escape is kept as it is, or (`strict`)
/// makes the result `None`.
fn decode(text: &str, strict: bool) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let escape = bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            match escape {
                Some(b) => {
                    out.push(b);
                    i += 3;
                    continue;
                }
                None if strict => return None,
                None => {}
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    Some(out)
}

/// Feeds everything written to it into a hasher: hashes a serialised value without holding
/// its text.
pub struct HashWriter<'h, H: std::hash::Hasher>(pub &'h mut H);

impl<H: std::hash::Hasher> std::io::Write for HashWriter<'_, H> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breaks_between_cjk_characters_are_dropped() {
        // CJK/CJK, CJK punctuation/CJK, CRLF and spaces around the break.
        assert_eq!(join_cjk_breaks("那种\n大批发"), "那种大批发");
        assert_eq!(join_cjk_breaks("以内。\r\n  预算"), "以内。预算");
        assert_eq!(join_cjk_breaks("（见附表）\n下月"), "（见附表）下月");
        assert_eq!(join_cjk_breaks("日本語の\nテキスト"), "日本語のテキスト");
        // Latin/Latin, CJK/Latin, digits, Hangul and paragraphs keep their gap.
        assert_eq!(join_cjk_breaks("plain\nwords"), "plain\nwords");
        assert_eq!(join_cjk_breaks("预算\nBudget 2026\n年"), "预算\nBudget 2026\n年");
        assert_eq!(join_cjk_breaks("한국어\n문장"), "한국어\n문장");
        assert_eq!(join_cjk_breaks("段落一\n\n段落二"), "段落一\n\n段落二");
        assert_eq!(join_cjk_breaks("第一\u{3000}第二"), "第一\u{3000}第二");
        assert_eq!(join_cjk_breaks(" 开头\n"), " 开头\n");
        assert_eq!(join_cjk_breaks(""), "");
    }

    #[test]
    fn strictness_is_the_callers_choice() {
        assert_eq!(percent_decode_lenient("a%2"), "a%2");
        assert_eq!(percent_decode_strict("a%2"), None);
        assert_eq!(percent_decode_lenient("%FF"), "\u{FFFD}");
        assert_eq!(percent_decode_strict("%FF"), None);
        assert_eq!(percent_decode_strict("%2e%2E").as_deref(), Some(".."));
    }
}
