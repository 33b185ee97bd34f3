//! "Did you mean …?": the closest known name to a mistyped one, and the hint built from it.
//!
//! Every suggestion planbook makes (field names, kinds, units, KPIs, people, rule ids) goes
//! through [`did_you_mean`] and is worded by [`hint`], so the rules for what counts as a typo
//! and how the hint reads are defined once.

use crate::i18n::msg;
use crate::i18n::{Arg, Msg};

/// The closest candidate to `name`, if it is close enough to be a likely typo.
///
/// Numbered ids (`p005`, `p007`) are always close to each other; a different number is not a
/// typo, so candidates whose letters match but whose digits differ are never suggested.
pub fn did_you_mean<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    Names::new(candidates).closest(name, None)
}

/// Known names, indexed once for many suggestions: by length in characters, each with a
/// 64-bit signature of the characters it holds, so that a name asked about is measured only
/// against candidates that could be close enough. With 20,000 ids and thousands of unknown
/// references, asking is then about as cheap as the check itself.
pub struct Names<'a> {
    sorted: Vec<&'a str>,
    by_length: Vec<(usize, Vec<(u64, &'a str)>)>,
}

impl<'a> Names<'a> {
    /// Indexes `names` (duplicates are dropped).
    pub fn new(names: impl Iterator<Item = &'a str>) -> Names<'a> {
        let mut sorted: Vec<&str> = names.collect();
        sorted.sort_unstable();
        sorted.dedup();
        let mut by_length: std::collections::BTreeMap<usize, Vec<(u64, &str)>> =
            std::collections::BTreeMap::new();
        for name in &sorted {
            by_length.entry(name.chars().count()).or_default().push((signature(name), name));
        }
        Names { sorted, by_length: by_length.into_iter().collect() }
    }

    /// Every name, sorted.
    pub fn all(&self) -> &[&'a str] {
        &self.sorted
    }

    /// The closest name to `name` other than `except`, by the rule of [`did_you_mean`]: within
    /// a Damerau–Levenshtein distance of 2, or a third of the candidate's length when that is
    /// more, and less than the candidate's length; the nearest first, then the first in order.
    pub fn closest(&self, name: &str, except: Option<&str>) -> Option<&'a str> {
        let letters = |s: &str| s.chars().filter(|c| !c.is_ascii_digit()).collect::<String>();
        let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
        let (own_letters, own_digits) = (letters(name), digits(name));
        let length = name.chars().count();
        let own = signature(name);
        let mut best: Option<(usize, &str)> = None;
        for (candidate_length, names) in &self.by_length {
            let allowed = 2.max(candidate_length / 3).min(candidate_length.saturating_sub(1));
            if candidate_length.abs_diff(length) > allowed {
                continue;
            }
            for &(sig, candidate) in names {
                // Each character of `name` that `candidate` lacks costs at least one edit.
                if (own & !sig).count_ones() as usize > allowed || Some(candidate) == except {
                    continue;
                }
                let numbered_differently = letters(candidate) == own_letters
                    && digits(candidate) != own_digits
                    && !own_digits.is_empty();
                if numbered_differently {
                    continue;
                }
                let d = strsim::damerau_levenshtein(name, candidate);
                if d <= allowed && best.is_none_or(|(bd, bc)| (d, candidate) < (bd, bc)) {
                    best = Some((d, candidate));
                }
            }
        }
        best.map(|(_, c)| c)
    }
}

/// Which of 64 classes of characters `text` holds.
fn signature(text: &str) -> u64 {
    text.chars().fold(0, |sig, c| sig | 1 << (u32::from(c) % 64))
}

/// The hint for `name`, which is not one of `candidates`: "did you mean `best`?" when one is
/// close; then, when `list` is given, the candidates put into the catalogue message `list`
/// (as its `items`: "the kinds are `a`, `b` and 3 more"). `None` when there is nothing to say.
pub fn hint<'a>(
    name: &str,
    candidates: impl Iterator<Item = &'a str>,
    list: Option<&'static str>,
) -> Option<Msg> {
    let mut candidates: Vec<&str> = candidates.collect();
    let best = did_you_mean(name, candidates.iter().copied())
        .map(|b| msg!("suggest-did-you-mean", best = b));
    let listed = list.filter(|_| !candidates.is_empty()).map(|id| {
        candidates.dedup();
        Msg::new(id).arg("items", one_of(&candidates))
    });
    match (best, listed) {
        (Some(best), Some(listed)) => Some(msg!("suggest-both", best = best, listed = listed)),
        (best, listed) => best.or(listed),
    }
}

/// At most twelve items, quoted, as a list in words, with "and N more" for the rest.
pub fn one_of(items: &[impl AsRef<str>]) -> Msg {
    const SHOWN: usize = 12;
    let shown: Vec<String> =
        items.iter().take(SHOWN).map(|i| format!("`{}`", i.as_ref())).collect();
    let more = items.len().saturating_sub(SHOWN);
    msg!("list-some", items = Arg::List(shown), more = more)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rule as it reads, measured against every candidate: what the index must agree with.
    fn brute_force<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
        let letters = |s: &str| s.chars().filter(|c| !c.is_ascii_digit()).collect::<String>();
        let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
        candidates
            .iter()
            .copied()
            .filter(|c| {
                letters(c) != letters(name) || digits(c) == digits(name) || digits(name).is_empty()
            })
            .map(|c| (strsim::damerau_levenshtein(name, c), c))
            .filter(|&(d, c)| d <= 2.max(c.chars().count() / 3) && d < c.chars().count())
            .min_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(b.1)))
            .map(|(_, c)| c)
    }

    proptest::proptest! {
        #[test]
        fn the_index_suggests_what_measuring_every_candidate_would(
            name in "[a-d0-2中]{0,9}",
            candidates in proptest::collection::vec("[a-d0-2中]{1,12}", 0..40),
        ) {
            let refs: Vec<&str> = candidates.iter().map(String::as_str).collect();
            proptest::prop_assert_eq!(
                Names::new(refs.iter().copied()).closest(&name, None),
                brute_force(&name, &refs)
            );
        }
    }

    #[test]
    fn suggestions_catch_typos_only() {
        let fields = ["amount", "category", "name"];
        assert_eq!(did_you_mean("amout", fields.into_iter()), Some("amount"));
        assert_eq!(did_you_mean("catgory", fields.into_iter()), Some("category"));
        assert_eq!(did_you_mean("zzz", fields.into_iter()), None);
    }

    #[test]
    fn numbered_ids_are_not_typos_of_each_other() {
        assert_eq!(did_you_mean("p005", ["p007", "p050"].into_iter()), None);
        assert_eq!(did_you_mean("pp005", ["p005"].into_iter()), Some("p005"));
    }

    #[test]
    fn hints_combine_the_suggestion_and_the_list() {
        let kinds = ["budget", "plan"];
        assert_eq!(
            hint("bugdet", kinds.into_iter(), Some("schema-expected-one-of")).map(|m| m.en()),
            Some("did you mean `budget`? Expected one of `budget`, `plan`".to_owned())
        );
        assert_eq!(hint("zzz", kinds.into_iter(), None), None);
        assert_eq!(hint("zzz", std::iter::empty(), Some("schema-expected-one-of")), None);
        let many: Vec<String> = (0..15).map(|i| format!("k{i}")).collect();
        assert!(one_of(&many).en().ends_with("`k11` and 3 more"), "{}", one_of(&many).en());
    }
}
