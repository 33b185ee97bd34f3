//! `file:` URIs and paths. Editors percent-encode every byte outside a small set (a Chinese
//! folder name arrives as `%E6%B2%B3%E5%8D%97`), VS Code also the colon of a Windows drive
//! (`file:///c%3A/plans`); both ways are handled here, by hand, so a path survives the trip
//! byte for byte.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use lsp_types::Uri;

/// The path a `file:` URI names; `None` for any other scheme (an unsaved `untitled:` buffer)
/// or a malformed one.
pub fn to_path(uri: &Uri) -> Option<PathBuf> {
    let text = uri.as_str();
    let rest = strip_prefix_ignore_case(text, "file://")?;
    // An authority (`localhost`) before the path; a UNC host is not a local file here.
    let rest = match rest.find('/') {
        Some(0) => rest,
        Some(i) if rest[..i].eq_ignore_ascii_case("localhost") => &rest[i..],
        _ => return None,
    };
    let path = rest.split(['?', '#']).next().unwrap_or(rest);
    let bytes = decode(path)?;
    let decoded = String::from_utf8(bytes).ok()?;
    Some(native(&decoded))
}

/// The `file:` URI of an absolute path.
pub fn from_path(path: &Path) -> Uri {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut out = String::from("file://");
    if !text.starts_with('/') {
        // `C:/plans` → `file:///C:/plans`.
        out.push('/');
    }
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/:".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    // Every byte outside the unreserved set is escaped, so this always parses.
    Uri::from_str(&out).unwrap_or_else(|_| Uri::from_str("file:///").expect("a valid URI"))
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &text[prefix.len()..])
}

fn decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

#[cfg(windows)]
fn native(path: &str) -> PathBuf {
    // `/C:/plans` → `C:\plans`.
    let path = match path.as_bytes() {
        [b'/', drive, b':', ..] if drive.is_ascii_alphabetic() => &path[1..],
        _ => path,
    };
    PathBuf::from(path.replace('/', "\\"))
}

#[cfg(not(windows))]
fn native(path: &str) -> PathBuf {
    PathBuf::from(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stray_percent_is_not_a_path() {
        assert_eq!(decode("/a/%zz"), None);
        assert_eq!(decode("/a/%4"), None);
    }

    #[cfg(not(windows))]
    #[test]
    fn a_chinese_path_goes_there_and_back() {
        let path = Path::new("/work/计划 书/河南/2026-10.plan.md");
        let uri = from_path(path);
        assert!(uri.as_str().starts_with("file:///work/%E8%AE%A1%E5%88%92%20%E4%B9%A6/"));
        assert_eq!(to_path(&uri).as_deref(), Some(path));
    }

    #[cfg(not(windows))]
    #[test]
    fn editors_spellings_are_read() {
        let read = |s: &str| to_path(&Uri::from_str(s).unwrap());
        assert_eq!(read("file:///a/b%20c.yaml"), Some(PathBuf::from("/a/b c.yaml")));
        assert_eq!(read("FILE://localhost/a/b.yaml"), Some(PathBuf::from("/a/b.yaml")));
        assert_eq!(read("file:///a/%e6%b2%b3.yaml"), Some(PathBuf::from("/a/河.yaml")));
        assert_eq!(read("untitled:Untitled-1"), None);
        assert_eq!(read("file://server/share/a.yaml"), None);
    }
}
