//! Ids typed on the command line (`--unit`), checked before they become file names and YAML.

use std::fmt;

/// Why a command-line id was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadId {
    /// The id is empty.
    Empty,
    /// It contains a space, a slash, a backslash or a control character.
    Character(char),
    /// It is `.` or `..`, which name folders.
    Dots,
}

impl fmt::Display for BadId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let grammar = "an id is letters, digits and punctuation without spaces or slashes";
        match self {
            BadId::Empty => write!(f, "the id is empty; {grammar}"),
            BadId::Character(c) if c.is_control() => {
                write!(f, "the id contains the control character {c:?}; {grammar}")
            }
            BadId::Character(c) => write!(f, "the id contains {c:?}; {grammar}"),
            BadId::Dots => write!(f, "`.` and `..` name folders, not units; {grammar}"),
        }
    }
}

impl std::error::Error for BadId {}

/// Checks an id against the grammar the schemas give ids (`^[^\s/\\]+$`, see `model::ids`),
/// and refuses what could not safely be a folder name as well: control characters, `.` and
/// `..`.
///
/// # Examples
///
/// ```
/// use planbook::scaffold::id::check_id;
/// assert!(check_id("henan").is_ok());
/// assert!(check_id("a:b").is_ok());
/// assert!(check_id("../x").is_err());
/// assert!(check_id("..").is_err());
/// ```
pub fn check_id(text: &str) -> Result<(), BadId> {
    if text.is_empty() {
        return Err(BadId::Empty);
    }
    if let Some(c) = text.chars().find(|&c| crate::model::forms::forbidden_in_id(c)) {
        return Err(BadId::Character(c));
    }
    if text == "." || text == ".." {
        return Err(BadId::Dots);
    }
    Ok(())
}

/// [`check_id`] as a clap value parser: the id, or the reason it was refused.
pub fn parse_id(text: &str) -> Result<String, BadId> {
    check_id(text).map(|()| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the schema of a unit id accepts `text`.
    fn schema_accepts(text: &str) -> bool {
        let schema = serde_json::to_value(schemars::schema_for!(crate::model::ids::UnitId))
            .expect("schema serialises");
        jsonschema::is_valid(&schema, &serde_json::Value::String(text.to_string()))
    }

    #[test]
    fn accepted_ids_are_ids_the_schemas_accept() {
        for id in ["henan", "a:b", "#1", "true", "2026", "[x]", "*x", "-x", "销售一部", "x.y"] {
            assert_eq!(check_id(id), Ok(()), "{id}");
            assert!(schema_accepts(id), "the schema refuses {id:?}");
        }
    }

    #[test]
    fn refused_ids() {
        for (id, why) in [
            ("", BadId::Empty),
            ("../x", BadId::Character('/')),
            ("a\\b", BadId::Character('\\')),
            ("a b", BadId::Character(' ')),
            ("a: b", BadId::Character(' ')),
            ("a\u{1}", BadId::Character('\u{1}')),
            ("a\u{7f}", BadId::Character('\u{7f}')),
            ("..", BadId::Dots),
            (".", BadId::Dots),
        ] {
            assert_eq!(check_id(id), Err(why), "{id:?}");
        }
        for id in ["", "../x", "a\\b", "a b", "a\u{3000}b"] {
            assert!(!schema_accepts(id), "the schema accepts {id:?}");
        }
    }
}
