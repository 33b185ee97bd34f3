//! The client-side search index: one entry per page (title, URL, kind, plain text), written at
//! build time as `search-index.js`, which assigns a global that `assets/search.js` reads.
//!
//! A script file rather than JSON, so that search works from `file://` (where `fetch` of a
//! local file is refused). Matching happens in the browser: case-insensitive substrings, which
//! is also how Chinese (written without spaces) is searched.

use serde::Serialize;

/// How much of a page's text is indexed, in characters; keeps the index small for large
/// repositories while covering the whole of ordinary documents.
pub const MAX_TEXT: usize = 6000;

/// One page in the search index.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// The page title.
    pub title: String,
    /// The page URL, relative to the site root.
    pub url: String,
    /// What kind of page it is, shown beside the result.
    pub kind: String,
    /// The page's text, whitespace collapsed.
    pub text: String,
}

impl Entry {
    /// An entry with `text` normalised: runs of whitespace become one space, and the text is
    /// cut at [`MAX_TEXT`] characters.
    pub fn new(title: String, url: String, kind: String, text: &str) -> Entry {
        Entry { title, url, kind, text: normalise(text) }
    }
}

/// Collapses whitespace and caps the length.
///
/// # Examples
///
/// ```
/// use planbook::render::search::normalise;
/// assert_eq!(normalise("  运输费\n\n 仍高  "), "运输费 仍高");
/// ```
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(MAX_TEXT * 3));
    let mut count = 0;
    for word in text.split_whitespace() {
        if count >= MAX_TEXT {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
            count += 1;
        }
        for c in word.chars() {
            if count >= MAX_TEXT {
                break;
            }
            out.push(c);
            count += 1;
        }
    }
    out
}

/// The text of `search-index.js`.
pub fn index_js(entries: &[Entry]) -> anyhow::Result<String> {
    let json = serde_json::to_string(entries)?;
    // Never let the data close a script element, should anyone inline the file.
    let json = json.replace('<', "\\u003c");
    Ok(format!("window.PLANBOOK_SEARCH = {json};\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_is_a_script_assigning_a_global() {
        let e = Entry::new("t</script>".into(), "a.html".into(), "page".into(), "x");
        let js = index_js(&[e]).unwrap();
        assert!(js.starts_with("window.PLANBOOK_SEARCH = [{"));
        assert!(!js.contains("</script>"));
    }

    #[test]
    fn long_text_is_cut() {
        assert_eq!(normalise(&"字".repeat(MAX_TEXT + 10)).chars().count(), MAX_TEXT);
    }
}
