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
    fn strictness_is_the_callers_choice() {
        assert_eq!(percent_decode_lenient("a%2"), "a%2");
        assert_eq!(percent_decode_strict("a%2"), None);
        assert_eq!(percent_decode_lenient("%FF"), "\u{FFFD}");
        assert_eq!(percent_decode_strict("%FF"), None);
        assert_eq!(percent_decode_strict("%2e%2E").as_deref(), Some(".."));
    }
}
