//! Writing YAML by hand, so generated documents read like ones a person wrote.

/// `text` as a YAML scalar: plain when that is unambiguous, double-quoted otherwise.
///
/// # Examples
///
/// ```
/// use planbook::scaffold::yaml::scalar;
/// assert_eq!(scalar("工资"), "工资");
/// assert_eq!(scalar("no"), "\"no\"");
/// assert_eq!(scalar("a: b"), "\"a: b\"");
/// assert_eq!(scalar("2026-12"), "2026-12");
/// ```
pub fn scalar(text: &str) -> String {
    let risky_start = text.starts_with([
        '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@',
        '`', ' ',
    ]);
    let risky = text.is_empty()
        || risky_start
        || text.ends_with(' ')
        || text.contains(": ")
        || text.contains(" #")
        || text.contains(['\n', '\t'])
        || matches!(
            text.to_ascii_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "~" | "y" | "n"
        )
        || (text.parse::<f64>().is_ok() && !text.contains('-'));
    if risky {
        serde_json::to_string(text).unwrap_or_else(|_| format!("{text:?}"))
    } else {
        text.to_string()
    }
}
