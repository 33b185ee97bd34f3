//! The Fluent bundles, one per language, built once from the embedded `.ftl` files.

use std::borrow::Cow;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use super::{Arg, Locale};

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

type Bundle = FluentBundle<FluentResource>;

static BUNDLES: LazyLock<[Bundle; 2]> =
    LazyLock::new(|| [bundle(Locale::En), bundle(Locale::ZhCn)]);

fn bundle(locale: Locale) -> Bundle {
    let tag: unic_langid::LanguageIdentifier = locale.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![tag]);
    // Unicode isolation marks around every argument would end up in terminals and files.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(grouped_integer));
    // `CAPITAL($text)`: the text with its first letter a capital, for a sentence that starts
    // with an argument.
    let _ = bundle.add_function("CAPITAL", |positional, _named| match positional.first() {
        Some(FluentValue::String(text)) => {
            let mut chars = text.chars();
            let first = chars.next().map(|c| c.to_uppercase().collect::<String>());
            FluentValue::from(format!("{}{}", first.unwrap_or_default(), chars.as_str()))
        }
        Some(other) => other.clone(),
        None => FluentValue::None,
    });
    for (_, en, zh) in FILES {
        let text = if locale == Locale::En { en } else { zh };
        // A file that does not parse, or an id defined twice, fails `catalogue_is_sound`;
        // here the entries that did parse are still used.
        let resource = FluentResource::try_new((*text).to_owned()).unwrap_or_else(|(r, _)| r);
        bundle.add_resource_overriding(resource);
    }
    bundle
}

/// Whole numbers with thousands separators, `12,500`, as the rest of planbook writes them.
fn grouped_integer<M>(value: &FluentValue, _: &M) -> Option<String> {
    let FluentValue::Number(n) = value else { return None };
    if n.value.fract() != 0.0 || n.value.abs() >= 1e15 {
        return None;
    }
    #[allow(clippy::cast_possible_truncation)]
    let whole = n.value as i64;
    let digits = whole.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if whole < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    Some(out)
}

/// Formats message `id` with `args`; a missing id (a test prevents it) shows as itself.
pub(super) fn format(locale: Locale, id: &str, args: &[(Cow<'static, str>, Arg)]) -> String {
    let bundle = &BUNDLES[usize::from(locale == Locale::ZhCn)];
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_owned();
    };
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        let value = match value {
            Arg::Text(text) => FluentValue::from(text.as_str()),
            Arg::Int(n) => FluentValue::from(*n),
            Arg::Msg(msg) => FluentValue::from(msg.text(locale)),
            Arg::List(items) => FluentValue::from(items.join(&format(locale, "list-items", &[]))),
        };
        fluent_args.set(name.as_ref(), value);
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    text.into_owned()
}

/// Whether the catalogue has message `id` (every language has the same ids).
pub(super) fn has(id: &str) -> bool {
    BUNDLES[0].has_message(id)
}

/// The message ids of catalogue file `file` (e.g. `handbook.ftl`), in file order.
pub fn ids_of(file: &str) -> Vec<&'static str> {
    use fluent_syntax::ast::Entry;
    let Some((_, en, _)) = FILES.iter().find(|(name, _, _)| *name == file) else {
        return Vec::new();
    };
    let Ok(resource) = fluent_syntax::parser::parse(*en) else { return Vec::new() };
    resource
        .body
        .into_iter()
        .filter_map(|entry| match entry {
            Entry::Message(m) => Some(m.id.name),
            _ => None,
        })
        .collect()
}
