//! Names in the order a reader of the handbook's language expects: pinyin order in Chinese
//! (安 before 白 before 陈 before 张), the Unicode collation in English; with each name's
//! initial letter for the directory's letter index. ICU4X's collator with its compiled data.

use std::cmp::Ordering;

use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};
use icu_locale_core::locale;

use crate::i18n::Locale;

/// The first character of each pinyin initial in the Chinese collation (CLDR's index
/// boundaries): a name sorting at or after one of them and before the next starts with its
/// letter. I, U and V begin no syllable.
const PINYIN_BOUNDARIES: [(char, char); 23] = [
    ('A', '吖'),
    ('B', '八'),
    ('C', '嚓'),
    ('D', '咑'),
    ('E', '妸'),
    ('F', '发'),
    ('G', '旮'),
    ('H', '哈'),
    ('J', '丌'),
    ('K', '咔'),
    ('L', '垃'),
    ('M', '呣'),
    ('N', '拏'),
    ('O', '噢'),
    ('P', '妑'),
    ('Q', '七'),
    ('R', '呥'),
    ('S', '仨'),
    ('T', '他'),
    ('W', '屲'),
    ('X', '夕'),
    ('Y', '丫'),
    ('Z', '帀'),
];

/// A collator for one language.
pub struct Collation {
    collator: Option<CollatorBorrowed<'static>>,
    locale: Locale,
}

impl Collation {
    /// The collation of `locale`; when its data is missing, code point order.
    pub fn new(locale: Locale) -> Collation {
        let prefs = match locale {
            Locale::ZhCn => locale!("zh").into(),
            Locale::En => locale!("en").into(),
        };
        Collation { collator: Collator::try_new(prefs, CollatorOptions::default()).ok(), locale }
    }

    /// The sort key of `text`: comparing keys byte by byte orders the texts.
    pub fn key(&self, text: &str) -> Vec<u8> {
        let mut key = Vec::new();
        match &self.collator {
            Some(c) if c.write_sort_key_to(text, &mut key).is_ok() => key,
            _ => text.as_bytes().to_vec(),
        }
    }

    /// How `a` and `b` compare.
    pub fn compare(&self, a: &str, b: &str) -> Ordering {
        match &self.collator {
            Some(c) => c.compare(a, b),
            None => a.cmp(b),
        }
    }

    /// The letter a name is listed under: its first letter in Latin script, its pinyin
    /// initial in Chinese (in the Chinese handbook), else `#`.
    pub fn initial(&self, name: &str) -> String {
        let Some(first) = name.trim().chars().next() else { return "#".to_string() };
        if first.is_ascii_alphabetic() {
            return first.to_ascii_uppercase().to_string();
        }
        if self.locale == Locale::ZhCn && is_han(first) {
            let mut buf = [0; 4];
            let first: &str = first.encode_utf8(&mut buf);
            let letter = PINYIN_BOUNDARIES
                .iter()
                .rev()
                .find(|(_, b)| self.compare(first, b.encode_utf8(&mut [0; 4])) != Ordering::Less);
            return letter.map_or_else(|| "#".to_string(), |(l, _)| l.to_string());
        }
        let folded: String = first.to_uppercase().collect();
        if folded.chars().all(char::is_alphabetic) { folded } else { "#".to_string() }
    }
}

/// Whether `c` is a CJK ideograph.
fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_names_sort_in_pinyin_order_with_their_initials() {
        let c = Collation::new(Locale::ZhCn);
        let mut names = vec!["张伟", "陈静", "白雪", "安娜", "李强", "赵敏"];
        names.sort_by_key(|n| c.key(n));
        assert_eq!(names, ["安娜", "白雪", "陈静", "李强", "张伟", "赵敏"]);
        let initials: Vec<String> = names.iter().map(|n| c.initial(n)).collect();
        assert_eq!(initials, ["A", "B", "C", "L", "Z", "Z"]);
        assert_eq!(c.initial("Émile"), "É");
        assert_eq!(c.initial("42"), "#");
    }

    #[test]
    fn english_names_sort_in_unicode_collation() {
        let c = Collation::new(Locale::En);
        let mut names = vec!["Zoë", "émile", "Adam", "Ödön", "bob"];
        names.sort_by_key(|n| c.key(n));
        assert_eq!(names, ["Adam", "bob", "émile", "Ödön", "Zoë"]);
    }
}
