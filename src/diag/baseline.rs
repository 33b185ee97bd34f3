//! The baseline: findings a team has accepted as they stand, kept in a JSON file
//! (`.planbook-baseline.json`), so that `check` reports only what is new.
//!
//! A finding is matched by its rule, its file's path and a fingerprint of its message (in
//! English, whatever language prints it) and the text it flags, never by its line: lines move
//! when something above is edited. The file counts findings per fingerprint, as ruff and
//! rubocop do: with two identical findings in the baseline, a third is reported. Entries are
//! sorted by file, rule and fingerprint, one per line group, so the file diffs well.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{Locale, Msg, msg};
use crate::source::SourceMap;

/// The file's format; a file of another format is refused, not misread.
const VERSION: u32 = 1;
/// At most this many bytes of the flagged text go into a fingerprint.
const FLAGGED_MAX: usize = 200;

/// One accepted finding (or several identical ones).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Entry {
    /// The file, relative to the repository root, with `/`.
    pub file: String,
    /// The rule id.
    pub rule: String,
    /// xxh3 of the English message and the flagged text, 16 hex digits.
    pub fingerprint: String,
    /// How many findings share the fingerprint.
    pub count: usize,
    /// The message in the repository's language, for the person reading the file (not
    /// matched: the fingerprint is of the English message, whatever language prints it).
    pub message: String,
}

/// A baseline: the accepted findings.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Baseline {
    version: u32,
    /// Sorted by file, rule, fingerprint.
    pub findings: Vec<Entry>,
}

/// What [`Baseline::apply`] leaves.
#[derive(Debug, Default)]
pub struct Applied {
    /// Findings not in the baseline: reported.
    pub kept: Vec<Diagnostic>,
    /// Findings the baseline holds: not reported.
    pub baselined: Vec<Diagnostic>,
    /// Baseline findings that no longer occur (counted one per finding).
    pub stale: usize,
}

type Key = (String, String, String);

/// The key a diagnostic is matched by.
fn key(d: &Diagnostic, sources: &SourceMap) -> Key {
    let file = sources.path(d.primary.span.file).to_string_lossy().replace('\\', "/");
    let message = d.message.text(Locale::En);
    let text = &sources.get(d.primary.span.file).text;
    let (start, end) = (d.primary.span.start as usize, d.primary.span.end as usize);
    let mut cut = end.min(start.saturating_add(FLAGGED_MAX));
    // Cut on a character boundary, or `get` gives nothing and the text leaves the fingerprint.
    while cut > start && !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let flagged = text.get(start..cut).unwrap_or("");
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    for part in [d.rule.id, message.as_str(), flagged.trim()] {
        hasher.update(part.as_bytes());
        hasher.update(&[0]);
    }
    let fingerprint = format!("{:016x}", hasher.digest());
    (file, d.rule.id.to_owned(), fingerprint)
}

impl Baseline {
    /// The baseline of `diags`: every error and warning of them accepted (notes fail nothing
    /// and are never hidden), with messages in `locale`. Their files' texts must be read.
    pub fn of(diags: &[Diagnostic], sources: &SourceMap, locale: Locale) -> Baseline {
        let mut counted: BTreeMap<Key, (usize, String)> = BTreeMap::new();
        for d in diags.iter().filter(|d| d.severity != Severity::Note) {
            let key = key(d, sources);
            counted.entry(key).or_insert_with(|| (0, d.message.text(locale))).0 += 1;
        }
        let findings = counted
            .into_iter()
            .map(|((file, rule, fingerprint), (count, message))| Entry {
                file,
                rule,
                fingerprint,
                count,
                message,
            })
            .collect();
        Baseline { version: VERSION, findings }
    }

    /// Reads a baseline file's text; the error says why it cannot be used.
    pub fn from_json(text: &str) -> Result<Baseline, Msg> {
        let baseline: Baseline = serde_json::from_str(text)
            .map_err(|e| msg!("baseline-invalid", reason = e.to_string()))?;
        if baseline.version != VERSION {
            return Err(msg!("baseline-version", version = baseline.version.to_string()));
        }
        Ok(baseline)
    }

    /// The file's text: pretty JSON, entries sorted, ending with a line break.
    pub fn to_json(&self) -> String {
        let mut sorted = self.clone();
        sorted.findings.sort();
        let mut text = serde_json::to_string_pretty(&sorted).unwrap_or_default();
        text.push('\n');
        text
    }

    /// Separates the findings of `diags` the baseline holds (up to its count for each
    /// fingerprint, in the order given) from the rest. Their files' texts must be read.
    pub fn apply(&self, diags: Vec<Diagnostic>, sources: &SourceMap) -> Applied {
        let mut left: BTreeMap<Key, usize> = BTreeMap::new();
        for e in &self.findings {
            let key = (e.file.clone(), e.rule.clone(), e.fingerprint.clone());
            *left.entry(key).or_default() += e.count;
        }
        let mut applied = Applied::default();
        for d in diags {
            if d.severity == Severity::Note {
                applied.kept.push(d);
                continue;
            }
            let key = key(&d, sources);
            match left.get_mut(&key) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    applied.baselined.push(d);
                }
                _ => applied.kept.push(d),
            }
        }
        applied.stale = left.values().sum();
        applied
    }

    /// The number of findings it holds.
    pub fn len(&self) -> usize {
        self.findings.iter().map(|e| e.count).sum()
    }

    /// Whether it holds no finding.
    pub fn is_empty(&self) -> bool {
        self.findings.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::rules;
    use crate::source::{FileId, Span};
    use std::path::PathBuf;

    fn at(map: &SourceMap, needle: &str, nth: usize) -> Diagnostic {
        let text = &map.get(FileId(0)).text;
        let start = text.match_indices(needle).nth(nth).expect("needle").0;
        let span = Span::new(FileId(0), start, start + needle.len());
        Diagnostic::new(&rules::SCHEMA_TYPE, msg!("suppress-malformed"), span)
    }

    fn map(text: &str) -> SourceMap {
        let mut map = SourceMap::default();
        map.add(PathBuf::from("dir/a.yaml"), text.to_owned());
        map
    }

    #[test]
    fn findings_match_by_text_not_line_and_are_counted() {
        let before = map("a: x\nb: x\nc: y\n");
        let diags = vec![at(&before, "x", 0), at(&before, "x", 1), at(&before, "y", 0)];
        let baseline = Baseline::of(&diags, &before, Locale::ZhCn);
        assert_eq!(baseline.len(), 3);
        assert_eq!(baseline.findings.len(), 2, "the two `x` share a fingerprint");
        let text = baseline.to_json();
        let read = Baseline::from_json(&text).expect("reads back");
        assert_eq!(read, baseline);
        assert!(text.contains("\"file\": \"dir/a.yaml\""));

        // Lines added above; a third `x` is new; `y` is gone.
        let after = map("# new\n\na: x\nb: x\nd: x\n");
        let diags = vec![at(&after, "x", 0), at(&after, "x", 1), at(&after, "x", 2)];
        let applied = read.apply(diags, &after);
        assert_eq!(applied.baselined.len(), 2);
        assert_eq!(applied.kept.len(), 1);
        assert_eq!(applied.stale, 1);
    }

    #[test]
    fn other_versions_and_broken_files_are_refused() {
        assert!(Baseline::from_json("{\"version\": 9, \"findings\": []}").is_err());
        assert!(Baseline::from_json("<<<<<<< HEAD").is_err());
    }
}
