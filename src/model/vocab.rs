//! Enumerations written in documents by their canonical names (`done`, `full-time`) or by
//! Chinese names (`完成`, `全职`).
//!
//! [`vocabulary!`] declares such an enum once: each value's canonical name, its description in
//! English and Chinese, and the Chinese names it also accepts. serde reads an alias as the
//! canonical value (so rollups, history and the handbook only ever see `done`), writes the
//! canonical name, and the JSON Schema lists every accepted name as a `oneOf` of constants,
//! each with a description in both languages, so editors complete and explain them and
//! `schema::check` can name them all when a value is wrong.

use schemars::{Schema, json_schema};
use serde_json::{Value, json};

/// One value of a vocabulary: its canonical name, what it means in English and Chinese, and
/// the other names it accepts.
#[derive(Debug, Clone, Copy)]
pub struct Word {
    /// The canonical name, written back when the document is serialised.
    pub canonical: &'static str,
    /// What it means, in English (the variant's documentation).
    pub en: &'static str,
    /// What it means, in Chinese.
    pub zh: &'static str,
    /// The other names that read as this value.
    pub aliases: &'static [&'static str],
}

/// Every accepted name of `words`: the canonical ones first, in declaration order, then the
/// aliases.
pub fn names(words: &[Word]) -> Vec<&'static str> {
    let canonical = words.iter().map(|w| w.canonical);
    canonical.chain(words.iter().flat_map(|w| w.aliases.iter().copied())).collect()
}

/// The schema of a vocabulary: a `oneOf` of string constants, canonical names first, each
/// described in English and Chinese (yaml-language-server offers every `const` of a `oneOf`
/// as a completion, with its `description`).
pub fn schema(description: &str, words: &[Word]) -> Schema {
    let constant =
        |name: &str, text: String| json!({ "type": "string", "const": name, "description": text });
    let mut one_of: Vec<Value> =
        words.iter().map(|w| constant(w.canonical, format!("{} / {}。", w.en, w.zh))).collect();
    for w in words {
        for alias in w.aliases {
            let c = w.canonical;
            let text = format!("Same as `{c}`: {} / 同 `{c}`：{}。", w.en, w.zh);
            one_of.push(constant(alias, text));
        }
    }
    json_schema!({ "oneOf": one_of, "description": description })
}

/// Declares an enum whose values are written by canonical or Chinese name; see the module
/// documentation. Each value reads
/// `Variant = "canonical" { en: "English.", zh: "中文", aliases: ["别名"] }`, optionally
/// preceded by `#[default]`.
macro_rules! vocabulary {
    (
        $(#[doc = $doc:literal])*
        #[derive($($derive:path),* $(,)?)]
        $vis:vis enum $name:ident {
            $(
                $(#[$attr:meta])*
                $variant:ident = $canonical:literal {
                    en: $en:literal,
                    zh: $zh:literal,
                    aliases: [$($alias:literal),* $(,)?] $(,)?
                }
            ),* $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        #[derive($($derive),*, serde::Deserialize, serde::Serialize)]
        $vis enum $name {
            $(
                #[doc = $en]
                $(#[$attr])*
                #[serde(rename = $canonical $(, alias = $alias)*)]
                $variant,
            )*
        }

        impl $name {
            /// Every value: canonical name, meaning in English and Chinese, other names.
            pub const WORDS: &'static [$crate::model::vocab::Word] = &[$(
                $crate::model::vocab::Word {
                    canonical: $canonical,
                    en: $en,
                    zh: $zh,
                    aliases: &[$($alias),*],
                }
            ),*];

            /// The canonical name of this value.
            pub fn canonical(self) -> &'static str {
                match self {
                    $($name::$variant => $canonical,)*
                }
            }
        }

        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                let doc: &[&str] = &[$($doc),*];
                let doc: Vec<&str> = doc.iter().map(|line| line.trim()).collect();
                $crate::model::vocab::schema(&doc.join(" "), Self::WORDS)
            }
        }
    };
}

pub(crate) use vocabulary;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::config::{Aggregate, Better, Level, PersonField};
    use crate::model::plan::ProblemStatus;
    use crate::model::review::Status;
    use crate::model::roster::Employment;

    /// Every name a vocabulary lists reads as the value it belongs to, which writes back as its
    /// canonical name; no name is listed twice; the list fits the twelve names an error shows.
    fn reads_back<T>(words: &[Word])
    where
        T: serde::de::DeserializeOwned + serde::Serialize + std::fmt::Debug,
    {
        let all = names(words);
        let mut unique = all.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), all.len(), "a name is listed twice: {all:?}");
        assert!(all.len() <= 12, "an error lists at most twelve names: {all:?}");
        for w in words {
            for name in std::iter::once(&w.canonical).chain(w.aliases) {
                let value: T = serde_json::from_value(json!(name)).expect("an accepted name");
                assert_eq!(serde_json::to_value(&value).unwrap(), json!(w.canonical), "{name}");
            }
        }
        assert!(serde_json::from_value::<T>(json!("finished")).is_err());
    }

    #[test]
    fn every_listed_name_reads_as_its_canonical_value() {
        reads_back::<Status>(Status::WORDS);
        reads_back::<ProblemStatus>(ProblemStatus::WORDS);
        reads_back::<Better>(Better::WORDS);
        reads_back::<Aggregate>(Aggregate::WORDS);
        reads_back::<Employment>(Employment::WORDS);
        reads_back::<Level>(Level::WORDS);
        reads_back::<PersonField>(PersonField::WORDS);
    }

    #[test]
    fn chinese_names_are_the_values_they_stand_for() {
        let status = |s: &str| serde_json::from_value::<Status>(json!(s)).unwrap();
        assert_eq!(status("完成"), Status::Done);
        assert_eq!(status("已完成"), Status::Done);
        assert_eq!(status("延期"), Status::InProgress);
        assert_eq!(status("已取消"), Status::Dropped);
        assert_eq!(Status::Done.canonical(), "done");
    }

    #[test]
    fn the_schema_lists_canonical_names_first_with_both_languages() {
        let schema = schema("Where a task stands.", Status::WORDS).to_value();
        let one_of = schema["oneOf"].as_array().unwrap();
        let consts: Vec<&str> = one_of.iter().filter_map(|c| c["const"].as_str()).collect();
        assert_eq!(&consts[..5], ["not-started", "in-progress", "done", "blocked", "dropped"]);
        assert!(consts.contains(&"完成"));
        let done = &one_of[2]["description"];
        assert_eq!(done, "Finished. / 已完成。");
        let alias = one_of.iter().find(|c| c["const"] == "完成").unwrap();
        assert_eq!(alias["description"], "Same as `done`: Finished. / 同 `done`：已完成。");
    }
}
