//! Splits a Markdown file into its YAML front matter and its body.

use crate::source::line_end;

/// The parts of a Markdown file.
#[derive(Debug, PartialEq, Eq)]
pub enum Split {
    /// No front matter: the whole file is the body.
    None,
    /// Front matter at `yaml` (a byte range), body from `body`.
    Some {
        /// Byte range of the YAML between the fences.
        yaml: std::ops::Range<usize>,
        /// Byte offset where the body starts.
        body: usize,
    },
    /// An opening `---` at byte `open` with no closing fence.
    Unclosed {
        /// Byte range of the opening fence.
        open: std::ops::Range<usize>,
    },
}

/// Finds front matter in `text`, which starts at byte `start` (after any BOM).
///
/// Front matter opens with a line that is exactly `---` at the very start of the file and
/// closes with the next line that is exactly `---` or `...` (trailing spaces allowed). Lines end
/// with `\n`, `\r\n` or a lone `\r`.
pub fn split(text: &str, start: usize) -> Split {
    let first_end = line_end(text, start);
    if text[start..first_end].trim_end() != "---" {
        return Split::None;
    }
    let yaml_start = first_end;
    let mut pos = yaml_start;
    while pos < text.len() {
        let line_end = line_end(text, pos);
        let line = text[pos..line_end].trim_end();
        if line == "---" || line == "..." {
            return Split::Some { yaml: yaml_start..pos, body: line_end };
        }
        pos = line_end;
    }
    Split::Unclosed { open: start..start + 3 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_front_matter() {
        let text = "---\r\nkind: plan\r\n---\r\n# Body\n";
        match split(text, 0) {
            Split::Some { yaml, body } => {
                assert_eq!(&text[yaml], "kind: plan\r\n");
                assert_eq!(&text[body..], "# Body\n");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(split("# Title\n---\n", 0), Split::None);
        assert_eq!(split("---\nkind: plan\n", 0), Split::Unclosed { open: 0..3 });
        assert!(matches!(split("---\n---\n", 0), Split::Some { .. }));
        let old_mac = "---\rkind: plan\r---\r# Body\r";
        match split(old_mac, 0) {
            Split::Some { yaml, body } => {
                assert_eq!(&old_mac[yaml], "kind: plan\r");
                assert_eq!(&old_mac[body..], "# Body\r");
            }
            other => panic!("{other:?}"),
        }
    }
}
