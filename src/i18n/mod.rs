//! Every text a person reads, in English and Simplified Chinese: the message catalogue
//! (`locales/<lang>/*.ftl`, Fluent syntax) and [`Msg`], a message not yet put into words.
//!
//! Stages never write prose. They build a [`Msg`] — a catalogue id and its named arguments,
//! written with [`msg!`](crate::msg) — and only the layer that shows it (the CLI, a handbook
//! page) turns it into text in the reader's [`Locale`] with [`Msg::text`]. So a diagnostic in
//! the parse cache, or a change in the history cache, reads in whichever language asks.
//!
//! The catalogue is one Fluent bundle per language, made from every `.ftl` file of
//! `locales/en/` and its twin in `locales/zh-CN/` (the build embeds them; a file without its
//! twin stops the build). Tests fail when an id is missing in either language, when a
//! translation uses other arguments than the English, or when code names an id that no file
//! defines.

mod catalogue;

use std::borrow::Cow;
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// [`msg!`](crate::msg), to import as `crate::i18n::msg`.
pub use crate::msg;
pub use catalogue::{FILES, ids_of};

/// A language planbook speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize, Serialize, JsonSchema)]
pub enum Locale {
    /// English.
    #[default]
    #[serde(rename = "en")]
    En,
    /// Simplified Chinese.
    #[serde(rename = "zh-CN")]
    ZhCn,
}

impl Locale {
    /// Both languages, English first.
    pub const ALL: [Locale; 2] = [Locale::En, Locale::ZhCn];

    /// The BCP 47 tag: `en`, `zh-CN` (also the HTML `lang` attribute).
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::ZhCn => "zh-CN",
        }
    }

    /// The language a tag or a POSIX locale names: `zh-CN`, `zh_CN.UTF-8`, `zh`, `en_GB`,
    /// `EN`. `None` for other languages and for `C` and `POSIX`, which name none.
    ///
    /// # Examples
    ///
    /// ```
    /// use planbook::i18n::Locale;
    /// assert_eq!(Locale::parse("zh_CN.UTF-8"), Some(Locale::ZhCn));
    /// assert_eq!(Locale::parse("en-GB"), Some(Locale::En));
    /// assert_eq!(Locale::parse("C.UTF-8"), None);
    /// assert_eq!(Locale::parse("de_DE"), None);
    /// ```
    pub fn parse(text: &str) -> Option<Locale> {
        let lang = text.split(['_', '-', '.', '@']).next().unwrap_or("").to_ascii_lowercase();
        match lang.as_str() {
            "zh" => Some(Locale::ZhCn),
            "en" => Some(Locale::En),
            _ => None,
        }
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// A message of the catalogue with its arguments, put into words by [`Msg::text`].
///
/// Build one with [`msg!`](crate::msg): `msg!("budget-line-twice", id = line.id.value)`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Msg {
    id: Cow<'static, str>,
    args: Vec<(Cow<'static, str>, Arg)>,
}

/// An argument of a [`Msg`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Arg {
    /// Text shown as it is: an id, a name from the data, a figure already formatted.
    Text(String),
    /// A whole number, which Fluent can choose a plural form by.
    Int(i64),
    /// Another message, put into words in the same language.
    Msg(Box<Msg>),
    /// Items shown as they are, joined as the language lists things: `a, b`, `a、b`.
    List(Vec<String>),
}

impl Msg {
    /// The message `id` without arguments.
    pub fn new(id: &'static str) -> Msg {
        Msg { id: Cow::Borrowed(id), args: Vec::new() }
    }

    /// Text that is shown as it is in every language, because it is not planbook's: a message
    /// from the operating system or git, text from the data.
    pub fn verbatim(text: impl Into<String>) -> Msg {
        Msg { id: Cow::Borrowed(""), args: vec![(Cow::Borrowed("text"), Arg::Text(text.into()))] }
    }

    /// Adds the argument `name`.
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Msg {
        self.args.push((Cow::Borrowed(name), value.into()));
        self
    }

    /// The catalogue id; empty for [`Msg::verbatim`].
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The arguments, in the order they were added.
    pub fn args(&self) -> impl Iterator<Item = (&str, &Arg)> {
        self.args.iter().map(|(k, v)| (k.as_ref(), v))
    }

    /// The message in English, for tests that compare wording.
    #[doc(hidden)]
    pub fn en(&self) -> String {
        self.text(Locale::En)
    }

    /// The message in words, in `locale`.
    pub fn text(&self, locale: Locale) -> String {
        if self.id.is_empty() {
            return match self.args.first() {
                Some((_, Arg::Text(t))) => t.clone(),
                _ => String::new(),
            };
        }
        catalogue::format(locale, &self.id, &self.args)
    }
}

impl From<String> for Arg {
    fn from(v: String) -> Arg {
        Arg::Text(v)
    }
}
impl From<&String> for Arg {
    fn from(v: &String) -> Arg {
        Arg::Text(v.clone())
    }
}
impl From<&str> for Arg {
    fn from(v: &str) -> Arg {
        Arg::Text(v.to_owned())
    }
}
impl From<Cow<'_, str>> for Arg {
    fn from(v: Cow<'_, str>) -> Arg {
        Arg::Text(v.into_owned())
    }
}
impl From<Msg> for Arg {
    fn from(v: Msg) -> Arg {
        Arg::Msg(Box::new(v))
    }
}
macro_rules! int_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(v: $t) -> Arg {
                Arg::Int(i64::try_from(v).unwrap_or(i64::MAX))
            }
        }
    )*};
}
int_arg!(usize, u64, u32, u16, u8, i64, i32);

/// The text of the argument-less message `id` in `locale`; for labels and headings.
pub fn t(locale: Locale, id: &'static str) -> String {
    Msg::new(id).text(locale)
}

/// An error that ends a command, worded by the catalogue. It travels in an `anyhow` chain
/// (as an error or as a context) and shows in the language [`set_error_locale`] chose, which
/// `main` sets before the command runs; English until then.
#[derive(Debug, Clone)]
pub struct Failure(pub Msg);

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.text(ERROR_LOCALE.get().copied().unwrap_or_default()))
    }
}

static ERROR_LOCALE: std::sync::OnceLock<Locale> = std::sync::OnceLock::new();

/// The language [`Failure`]s are shown in, for the rest of the run (the first call wins).
pub fn set_error_locale(locale: Locale) {
    let _ = ERROR_LOCALE.set(locale);
}

impl std::error::Error for Failure {}

/// An operating-system error in words: the common kinds (a missing file, no permission, a
/// folder where a file was expected, a full disk…) from the catalogue, any other as the
/// system says it.
pub fn io_error(error: &std::io::Error) -> Msg {
    use std::io::ErrorKind as K;
    let id = match error.kind() {
        K::NotFound => "io-not-found",
        K::PermissionDenied => "io-permission-denied",
        K::AlreadyExists => "io-already-exists",
        K::IsADirectory => "io-is-a-directory",
        K::NotADirectory => "io-not-a-directory",
        K::DirectoryNotEmpty => "io-directory-not-empty",
        K::ReadOnlyFilesystem => "io-read-only",
        K::StorageFull => "io-storage-full",
        K::QuotaExceeded => "io-quota-exceeded",
        K::FileTooLarge => "io-file-too-large",
        K::InvalidFilename => "io-invalid-filename",
        K::TimedOut => "io-timed-out",
        K::Interrupted => "io-interrupted",
        K::UnexpectedEof => "io-unexpected-eof",
        K::OutOfMemory => "io-out-of-memory",
        K::AddrInUse => "io-address-in-use",
        K::AddrNotAvailable => "io-address-not-available",
        K::ConnectionRefused => "io-connection-refused",
        _ => return Msg::verbatim(error.to_string()),
    };
    Msg::new(id)
}

/// The text of catalogue message `id` in `locale`, when there is one: for ids made at run
/// time (`category-personnel`), which the tests cannot check against the code.
pub fn lookup(locale: Locale, id: &str) -> Option<String> {
    catalogue::has(id).then(|| catalogue::format(locale, id, &[]))
}

/// A [`Msg`]: `msg!("id")`, or `msg!("id", name = value, …)` where each value is text, a
/// whole number or another `Msg`. Every id written here must be in the catalogue (a test reads
/// the source for `msg!("…"` and `t(…, "…")`).
#[macro_export]
macro_rules! msg {
    ($id:literal) => {
        $crate::i18n::Msg::new($id)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::Msg::new($id)$(.arg(stringify!($name), $value))+
    };
}

#[cfg(test)]
mod tests;
