//! Large texts go into pages without being copied through the template engine.
//!
//! A view's long strings (over [`LARGE`] bytes: a narrative, a 50 MB note) are taken out of
//! the view before it reaches tera and replaced by a marker; tera renders the small page
//! around them; [`Taken::write`] then writes the page with each text put back at its marker,
//! escaped in small pieces as tera would have escaped it (a narrative's HTML, already safe, is
//! written as it is). So a large text is held once, not as model, view, template context and
//! rendered page at the same time.
//!
//! A template that does not print a marker exactly once (it cut or filtered the value, or a
//! document happens to contain a marker) makes [`Taken::write`] decline, and the caller renders
//! the page again without taking anything out.

use std::io::Write as _;

use anyhow::Context as _;

use crate::render::output::Staging;
use crate::render::util::escape_html;

/// Strings at least this long are taken out of a view.
pub const LARGE: usize = 64 * 1024;

/// Texts taken out of one page's view, in marker order.
#[derive(Debug, Default)]
pub struct Taken {
    parts: Vec<Part>,
}

#[derive(Debug)]
enum Part {
    /// Safe HTML (a rendered narrative), written as it is.
    Html(String),
    /// Plain text, written escaped.
    Text(String),
}

/// The marker of part `i`: private-use characters, which escaping leaves as they are, around
/// a number drawn once per run, so that no document can contain a marker ahead of time.
fn marker(i: usize) -> String {
    static NONCE: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    let nonce = NONCE.get_or_init(|| {
        use std::hash::{BuildHasher, Hasher};
        std::collections::hash_map::RandomState::new().build_hasher().finish()
    });
    format!("\u{E000}planbook-splice-{nonce:016x}-{i}\u{E001}")
}

impl Taken {
    /// Takes `html` (safe HTML) out, leaving its marker; an empty text stays, so templates can
    /// still test whether there is one.
    pub fn take_html(&mut self, html: &mut String) {
        if !html.is_empty() {
            let text = std::mem::replace(html, marker(self.parts.len()));
            self.parts.push(Part::Html(text));
        }
    }

    /// Takes every string of at least [`LARGE`] bytes out of `value`, leaving markers.
    pub fn take_large_texts(&mut self, value: &mut serde_json::Value) {
        match value {
            serde_json::Value::String(s) if s.len() >= LARGE => {
                let text = std::mem::replace(s, marker(self.parts.len()));
                self.parts.push(Part::Text(text));
            }
            serde_json::Value::Array(items) => {
                items.iter_mut().for_each(|v| self.take_large_texts(v));
            }
            serde_json::Value::Object(map) => {
                map.values_mut().for_each(|v| self.take_large_texts(v));
            }
            _ => {}
        }
    }

    /// Hashes the texts taken out, in order, into `hasher`.
    pub fn hash_into(&self, hasher: &mut impl std::hash::Hasher) {
        use std::hash::Hash;
        for part in &self.parts {
            match part {
                Part::Html(text) => (0u8, text).hash(hasher),
                Part::Text(text) => (1u8, text).hash(hasher),
            }
        }
    }

    /// Whether nothing was taken.
    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }

    /// Writes `page` to `path` with every part at its marker. `Ok(false)`, writing nothing,
    /// when a marker does not appear exactly once, in order.
    pub fn write(&self, page: &str, staging: &Staging, path: &str) -> anyhow::Result<bool> {
        let markers: Vec<String> = (0..self.parts.len()).map(marker).collect();
        let mut at = Vec::with_capacity(markers.len());
        let mut from = 0;
        for m in &markers {
            if page.matches(m.as_str()).count() != 1 {
                return Ok(false);
            }
            let Some(i) = page[from..].find(m.as_str()) else { return Ok(false) };
            at.push(from + i);
            from += i + m.len();
        }
        let mut file = std::io::BufWriter::new(staging.create(path)?);
        let failed = || format!("failed to write `{path}`");
        let mut from = 0;
        for ((part, m), i) in self.parts.iter().zip(&markers).zip(at) {
            file.write_all(&page.as_bytes()[from..i]).with_context(failed)?;
            match part {
                Part::Html(html) => file.write_all(html.as_bytes()).with_context(failed)?,
                Part::Text(text) => {
                    for piece in pieces(text, 64 * 1024) {
                        file.write_all(escape_html(piece).as_bytes()).with_context(failed)?;
                    }
                }
            }
            from = i + m.len();
        }
        file.write_all(&page.as_bytes()[from..]).with_context(failed)?;
        file.flush().with_context(failed)?;
        Ok(true)
    }
}

/// `text` in pieces of about `size` bytes, cut at character boundaries.
fn pieces(text: &str, size: usize) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut cut = size.min(rest.len());
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        let (piece, tail) = rest.split_at(cut);
        rest = tail;
        Some(piece)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_cut_at_character_boundaries_and_cover_the_text() {
        let text = "河南分公司<b>".repeat(1000);
        let parts: Vec<&str> = pieces(&text, 7).collect();
        assert_eq!(parts.concat(), text);
        assert!(parts.iter().all(|p| p.len() <= 7 + 3));
    }

    #[test]
    fn large_texts_are_taken_out_and_written_back_escaped() {
        let big = format!("<{}>", "备注".repeat(LARGE));
        let mut view = serde_json::json!({ "note": big, "name": "短", "list": [big.clone()] });
        let mut taken = Taken::default();
        let mut html = "<p>正文</p>".to_string();
        taken.take_html(&mut html);
        taken.take_large_texts(&mut view);
        assert_eq!(taken.parts.len(), 3);
        assert_eq!(view["name"], "短");
        let page = format!("[{html}|{}|{}]", view["note"].as_str().unwrap(), view["list"][0]);
        let page = page.replace('"', "");
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        let staging = Staging::new(&out).unwrap();
        assert!(taken.write(&page, &staging, "a.html").unwrap());
        assert!(!taken.write("no markers", &staging, "b.html").unwrap());
        staging.commit().unwrap();
        let written = std::fs::read_to_string(out.join("a.html")).unwrap();
        let escaped = escape_html(&big);
        assert_eq!(written, format!("[<p>正文</p>|{escaped}|{escaped}]"));
        assert!(!out.join("b.html").exists());
    }
}
