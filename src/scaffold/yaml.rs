//! Writing YAML by hand, so generated documents read like ones a person wrote: every value
//! that comes from the user or a document goes through [`scalar`], and templates are filled
//! with [`fill`].

/// `text` as a YAML scalar that reads back as exactly `text` (a string), in a block mapping,
/// a flow mapping (`{ name: … }`) or a flow list (`[…]`): plain when that is unambiguous,
/// double-quoted otherwise.
///
/// # Examples
///
/// ```
/// use planbook::scaffold::yaml::scalar;
/// assert_eq!(scalar("工资"), "工资");
/// assert_eq!(scalar("no"), "\"no\"");
/// assert_eq!(scalar("a: b"), "\"a: b\"");
/// assert_eq!(scalar("Smith, J"), "\"Smith, J\"");
/// assert_eq!(scalar("2026-12"), "2026-12");
/// assert_eq!(scalar("1e3"), "\"1e3\"");
/// ```
pub fn scalar(text: &str) -> String {
    if plain_is_safe(text) { text.to_string() } else { quoted(text) }
}

/// Whether `text` can be written plain: no character that means something in YAML's flow or
/// block syntax, and the parser planbook uses reads it back as this string (not a number,
/// boolean, null or date) in every context [`scalar`] promises.
fn plain_is_safe(text: &str) -> bool {
    let Some(first) = text.chars().next() else { return false };
    let indicator = "-?:,[]{}#&*!|>'\"%@`".contains(first);
    let special = |c: char| ":#,[]{}\"\\".contains(c) || !printable(c) || c.is_whitespace();
    if indicator || text.starts_with(char::is_whitespace) || text.ends_with(char::is_whitespace) {
        return false;
    }
    if text.chars().any(|c| c != ' ' && special(c)) {
        return false;
    }
    let document = format!("block: {text}\nflow: {{ a: {text} }}\nlist: [{text}]\n");
    let expected = serde_json::Value::String(text.to_string());
    match serde_saphyr::from_str::<serde_json::Value>(&document) {
        Ok(v) => v["block"] == expected && v["flow"]["a"] == expected && v["list"][0] == expected,
        Err(_) => false,
    }
}

/// A character YAML allows unescaped (its `c-printable`, without the byte order mark).
fn printable(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | ' '..='~' | '\u{85}')
        || matches!(c, '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
            && !matches!(c, '\u{feff}' | '\u{2028}' | '\u{2029}')
}

/// `text` double-quoted, with `"` and `\` escaped and everything unprintable written as an
/// escape, so any string survives.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if printable(c) && c != '\u{85}' => out.push(c),
            c if u32::from(c) <= 0xffff => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push_str(&format!("\\U{:08x}", u32::from(c))),
        }
    }
    out.push('"');
    out
}

/// What replaces a `{{name}}` placeholder in a document template.
#[derive(Debug, Clone, Copy)]
pub enum Fill<'a> {
    /// A YAML value, written through [`scalar`].
    Scalar(&'a str),
    /// Text inserted as it is: a comment's words, a Markdown body, a file name in a modeline.
    Text(&'a str),
}

/// `template` with every `{{name}}` replaced by its value in `values`.
///
/// Templates are compiled in, so a placeholder without a value is a bug in planbook; it is
/// left in place, where the tests of each template find it.
pub fn fill(template: &str, values: &[(&str, Fill)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else { break };
        let name = &after[..end];
        match values.iter().find(|(n, _)| *n == name) {
            Some((_, Fill::Scalar(v))) => out.push_str(&scalar(v)),
            Some((_, Fill::Text(v))) => out.push_str(v),
            None => out.push_str(&rest[start..start + 2 + end + 2]),
        }
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// Parses `scalar(text)` in each context and returns what came back.
    fn read_back(text: &str) -> Vec<serde_json::Value> {
        let s = scalar(text);
        let document = format!("block: {s}\nflow: {{ a: {s}, b: 1 }}\nlist: [{s}, x]\n");
        let v: serde_json::Value = serde_saphyr::from_str(&document)
            .unwrap_or_else(|e| panic!("{document:?} does not parse: {e}"));
        vec![v["block"].clone(), v["flow"]["a"].clone(), v["list"][0].clone()]
    }

    #[test]
    fn yaml_special_text_is_quoted_and_reads_back() {
        for text in [
            "",
            " x",
            "x ",
            "true",
            "Yes",
            "~",
            "null",
            "0x1f",
            "0o17",
            ".inf",
            "1_000",
            "+1",
            "-",
            "- x",
            "#team",
            "a #b",
            "a: b",
            "a:",
            "x,y",
            "[x]",
            "{x}",
            "*x",
            "&x",
            "!x",
            "'x",
            "\"x\"",
            "a\\b",
            "tab\there",
            "line\nbreak",
            "\u{7f}",
            "\u{85}",
            "\u{feff}x",
            "\u{2028}",
            "\u{1}",
            "😀",
            "2026-12-01",
            "12:30",
            "1.0",
            "NaN",
        ] {
            let expected = serde_json::Value::String(text.to_string());
            for got in read_back(text) {
                assert_eq!(got, expected, "{text:?} written as {}", scalar(text));
            }
        }
    }

    #[test]
    fn readable_text_stays_plain() {
        for text in ["工资", "Sales team budget 2026-12", "2026-12", "2026-12.plan.md", "p001"] {
            assert_eq!(scalar(text), text);
        }
    }

    #[test]
    fn fill_quotes_scalars_and_inserts_text() {
        let values = [("unit", Fill::Scalar("yes")), ("note", Fill::Text("a: b"))];
        assert_eq!(fill("unit: {{unit}} # {{note}} {{other}}", &values), {
            "unit: \"yes\" # a: b {{other}}"
        });
    }

    proptest! {
        #[test]
        fn any_text_reads_back_as_itself(text in "\\PC{0,12}|[ -~\\t\\n\u{80}-\u{a0}]{0,8}") {
            let expected = serde_json::Value::String(text.clone());
            for got in read_back(&text) {
                prop_assert_eq!(&got, &expected, "written as {}", scalar(&text));
            }
        }
    }
}
