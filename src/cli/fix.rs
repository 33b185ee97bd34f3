//! `check --fix`, `--unsafe-fixes` and `--diff`: rounds of fixes made to the repository's
//! texts in memory (`diag::fix` chooses and applies them), then the changed files written,
//! each atomically, or shown as a unified diff; and the lines that say what was or could be
//! fixed.
//!
//! A fix can uncover another problem with a fix of its own (a full-width colon mended, the
//! value behind it is read and its `12,000` is next), so the repository is checked again
//! after each round, as ruff does, until nothing more applies or [`MAX_ROUNDS`] have run.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context as _;

use crate::diag::fix::{self, Mode};
use crate::diag::{Diagnostic, human};
use crate::i18n::{Locale, Msg, msg};
use crate::source::{Keep, escape_controls};
use crate::{load, validate};

/// At most this many rounds of fixes, like ruff's limit on its fix loop.
pub const MAX_ROUNDS: usize = 10;

/// What `check` was asked to do about fixes.
#[derive(Debug, Clone)]
pub struct Options {
    /// Safe fixes only, or unsafe ones too.
    pub mode: Mode,
    /// Only diagnostics in these repository-relative paths (empty: all).
    pub wanted: Vec<PathBuf>,
    /// Whether loading may use the parse cache.
    pub use_cache: bool,
}

/// One file the fixes change.
#[derive(Debug, Clone)]
pub struct Change {
    /// Its text as read.
    pub old: Arc<str>,
    /// Its text with every round's fixes made.
    pub new: String,
    /// How many problems the fixes in it fix.
    pub fixed: usize,
}

/// What rounds of fixes would change.
#[derive(Debug, Default)]
pub struct Fixed {
    /// The changed files by repository-relative path.
    pub changes: BTreeMap<PathBuf, Change>,
    /// Files with fixes that are left alone: their bytes on disk are not the text planbook
    /// read (changed meanwhile, or not UTF-8), or they are no longer regular files.
    pub left: BTreeSet<PathBuf>,
    /// Whether the rounds stopped at [`MAX_ROUNDS`] with fixes still applying.
    pub stopped: bool,
}

impl Fixed {
    /// How many problems the changes fix.
    pub fn count(&self) -> usize {
        self.changes.values().map(|c| c.fixed).sum()
    }
}

/// `--fix` and `--diff` change files in the work tree; `--staged` and `--rev` read git.
pub fn refuse_with_git(fix: bool, diff: bool, staged: bool, rev: bool) -> Option<Msg> {
    let option = if diff { "--diff" } else { "--fix" };
    let git = if staged { "--staged" } else { "--rev" };
    ((fix || diff) && (staged || rev)).then(|| msg!("fix-with-git", option = option, git = git))
}

/// Runs rounds of fixes over the repository at `root`, in memory.
pub fn compute(root: &Path, options: &Options) -> anyhow::Result<Fixed> {
    let mut checked = load::load_for_check(root, options.use_cache)?;
    let mut fixed = Fixed::default();
    for round in 1..=MAX_ROUNDS {
        let found = std::mem::take(&mut checked.diagnostics);
        let diags = validate::all(checked.workspace(), found);
        let diags = crate::cli::accept::unsuppressed(&mut checked, diags);
        let diags = selected(diags, &checked, options);
        let edited = diags
            .iter()
            .filter_map(|d| fix::fix_for(d, options.mode))
            .flat_map(|f| &f.edits)
            .map(|e| e.span.file);
        checked.fill_texts(edited);
        let sources = &checked.workspace().sources;
        let chosen = fix::choose(&diags, options.mode, |id| Some(&*sources.get(id).text));
        let mut progressed = false;
        for (file, edits) in &chosen.edits {
            let path = sources.path(*file).to_path_buf();
            let current = &sources.get(*file).text;
            let Ok(new) = fix::apply(current, edits) else { continue };
            if new == **current || fixed.left.contains(&path) {
                continue;
            }
            if !fixed.changes.contains_key(&path) && !on_disk(root, &path, current) {
                fixed.left.insert(path);
                continue;
            }
            let change = fixed.changes.entry(path).or_insert_with(|| Change {
                old: Arc::clone(current),
                new: String::new(),
                fixed: 0,
            });
            change.new = new;
            change.fixed += chosen.fixed.get(file).copied().unwrap_or(0);
            progressed = true;
        }
        if !progressed {
            break;
        }
        if round == MAX_ROUNDS {
            fixed.stopped = true;
            break;
        }
        checked = reload(root, checked, &fixed, options)?;
    }
    Ok(fixed)
}

/// The diagnostics in the paths the user named.
fn selected(
    mut diags: Vec<Diagnostic>,
    checked: &load::Checked,
    options: &Options,
) -> Vec<Diagnostic> {
    if !options.wanted.is_empty() {
        let sources = &checked.workspace().sources;
        diags.retain(|d| {
            let path = sources.path(d.primary.span.file);
            options.wanted.iter().any(|w| path.starts_with(w))
        });
    }
    diags
}

/// Whether the file at `rel` is a regular file holding exactly `text`.
fn on_disk(root: &Path, rel: &Path, text: &str) -> bool {
    let full = root.join(rel);
    let regular = full.symlink_metadata().is_ok_and(|m| m.file_type().is_file());
    regular && std::fs::read(&full).is_ok_and(|bytes| bytes == text.as_bytes())
}

/// The repository loaded again from the texts of the last round with the changes made.
fn reload(
    root: &Path,
    mut last: load::Checked,
    fixed: &Fixed,
    options: &Options,
) -> anyhow::Result<load::Checked> {
    let ids: Vec<_> = last.workspace().sources.files().map(|(id, _)| id).collect();
    last.fill_texts(ids);
    let text = |path: &Path, text: &str| -> Vec<u8> {
        fixed.changes.get(path).map_or(text, |c| c.new.as_str()).as_bytes().to_vec()
    };
    let mut config = None;
    let mut files = Vec::new();
    for (_, file) in last.workspace().sources.files() {
        if file.path == Path::new(load::CONFIG_FILE) {
            config = Some(text(&file.path, &file.text));
        } else if !file.text.is_empty() {
            files.push((file.path.clone(), text(&file.path, &file.text)));
        }
    }
    let config = match config {
        Some(config) => config,
        None => std::fs::read(root.join(load::CONFIG_FILE))?,
    };
    Ok(if options.use_cache {
        load::load_files_cached(root, config, files)
    } else {
        load::Checked::from(load::load_files(root, config, files))
    })
}

/// Writes the changed files, each through a temporary file renamed over it (keeping its
/// permissions), so a reader never sees half a file. A file whose bytes are no longer what
/// planbook read is left alone and added to `fixed.left`, its fixes not counted.
pub fn write(root: &Path, fixed: &mut Fixed, locale: Locale) -> anyhow::Result<()> {
    let mut written = BTreeMap::new();
    for (path, change) in std::mem::take(&mut fixed.changes) {
        let full = root.join(&path);
        let meta = full.symlink_metadata();
        let same = std::fs::read(&full).is_ok_and(|bytes| bytes == change.old.as_bytes());
        match meta {
            Ok(meta) if meta.file_type().is_file() && same => {
                let shown = path.display().to_string();
                write_atomically(&full, change.new.as_bytes(), meta.permissions())
                    .with_context(|| msg!("cli-write-failed", path = shown).text(locale))?;
                written.insert(path, change);
            }
            _ => {
                fixed.left.insert(path);
            }
        }
    }
    fixed.changes = written;
    Ok(())
}

/// Writes `bytes` to a new hidden file beside `path`, then renames it over `path`.
fn write_atomically(
    path: &Path,
    bytes: &[u8],
    permissions: std::fs::Permissions,
) -> std::io::Result<()> {
    let folder = path.parent().unwrap_or(Path::new("."));
    let temporary = folder.join(format!(".planbook-fix-{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::OpenOptions::new().write(true).create_new(true).open(&temporary)?;
        file.write_all(bytes)?;
        file.set_permissions(permissions)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&temporary, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result
}

/// The unified diff of every change, for `--diff`.
pub fn diffs(fixed: &Fixed, shown: &dyn Fn(&Path) -> String, styles: human::Styles) -> String {
    fixed
        .changes
        .iter()
        .map(|(path, c)| human::render_diff(&shown(path), &c.old, &c.new, styles))
        .collect()
}

/// The lines after `--fix` or `--diff`: what was (or would be) fixed and what remains, files
/// left alone, a stop at the round limit.
pub fn report(
    fixed: &Fixed,
    remaining: Option<usize>,
    shown: &dyn Fn(&Path) -> String,
) -> Vec<Msg> {
    let mut lines: Vec<Msg> = fixed
        .left
        .iter()
        .map(|p| {
            let path = escape_controls(&shown(p), Keep::Tabs).into_owned();
            msg!("fix-file-left", path = path)
        })
        .collect();
    if fixed.stopped {
        lines.push(msg!("fix-rounds-limit", rounds = MAX_ROUNDS));
    }
    let (count, files) = (fixed.count(), fixed.changes.len());
    lines.push(match remaining {
        Some(remaining) if count == 0 => msg!("fix-summary-none", remaining = remaining),
        Some(remaining) => {
            msg!("fix-summary", fixed = count, files = files, remaining = remaining)
        }
        None if count == 0 => msg!("fix-diff-none"),
        None => msg!("fix-diff-summary", fixed = count, files = files),
    });
    lines
}

/// The line that says how many of `diags` `--fix` (and `--unsafe-fixes`) could fix, if any.
/// `fixing`: `--fix` ran, so the problems left are only those the mode does not fix.
pub fn hint(diags: &[Diagnostic], mode: Mode, fixing: bool) -> Option<Msg> {
    let safe = diags.iter().filter(|d| fix::fix_for(d, Mode::Safe).is_some()).count();
    let any = diags.iter().filter(|d| !d.fixes.is_empty()).count();
    let more = any - safe.min(any);
    match (mode, fixing) {
        (Mode::Unsafe, _) if any > 0 && !fixing => Some(msg!("fix-hint-unsafe", count = any)),
        (Mode::Safe, false) if safe > 0 && more > 0 => {
            Some(msg!("fix-hint-both", safe = safe, more = more))
        }
        (Mode::Safe, false) if safe > 0 => Some(msg!("fix-hint-safe", count = safe)),
        (Mode::Safe, _) if more > 0 => Some(msg!("fix-hint-unsafe", count = more)),
        _ => None,
    }
}

/// `diag` as `check` shows it: without its unsafe fixes unless `--unsafe-fixes` was given.
pub fn shown_fixes(diag: &Diagnostic, mode: Mode) -> std::borrow::Cow<'_, Diagnostic> {
    if diag.fixes.iter().all(|f| mode.allows(f.applicability)) {
        return std::borrow::Cow::Borrowed(diag);
    }
    let mut shown = diag.clone();
    shown.fixes.retain(|f| mode.allows(f.applicability));
    std::borrow::Cow::Owned(shown)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::{Applicability, Fix, rules};
    use crate::source::{FileId, Span};

    fn diag(fixes: &[Applicability]) -> Diagnostic {
        let span = Span::new(FileId(0), 0, 1);
        fixes
            .iter()
            .fold(Diagnostic::new(&rules::SCHEMA_TYPE, Msg::verbatim("bad"), span), |d, a| {
                d.fix(Fix::replace(Msg::verbatim("fix"), *a, span, "x"))
            })
    }

    fn hinted(diags: &[Diagnostic], mode: Mode, fixing: bool) -> Option<String> {
        hint(diags, mode, fixing).map(|m| m.text(Locale::En))
    }

    #[test]
    fn the_hint_counts_safe_fixes_and_those_waiting_for_unsafe_fixes() {
        use Applicability::{Safe, Unsafe};
        let diags =
            [diag(&[Safe]), diag(&[Unsafe, Safe]), diag(&[Unsafe]), diag(&[]), diag(&[Safe])];
        let both = "3 fixable with `planbook check --fix` (1 more with `--unsafe-fixes`)";
        assert_eq!(hinted(&diags, Mode::Safe, false).as_deref(), Some(both));
        let all = "4 fixable with `planbook check --fix --unsafe-fixes` (review the result)";
        assert_eq!(hinted(&diags, Mode::Unsafe, false).as_deref(), Some(all));
        assert_eq!(hinted(&diags, Mode::Unsafe, true), None);
        let safe = "1 fixable with `planbook check --fix`";
        assert_eq!(hinted(&diags[..1], Mode::Safe, false).as_deref(), Some(safe));
        let left = "1 fixable with `planbook check --fix --unsafe-fixes` (review the result)";
        assert_eq!(hinted(&diags[2..4], Mode::Safe, true).as_deref(), Some(left));
        assert_eq!(hinted(&diags[3..4], Mode::Safe, false), None);
    }

    #[test]
    fn unsafe_fixes_are_shown_only_when_asked_for() {
        let d = diag(&[Applicability::Unsafe, Applicability::Safe]);
        assert_eq!(shown_fixes(&d, Mode::Safe).fixes.len(), 1);
        assert!(matches!(shown_fixes(&d, Mode::Unsafe), std::borrow::Cow::Borrowed(_)));
        assert!(refuse_with_git(false, false, true, false).is_none());
        assert!(refuse_with_git(true, false, false, false).is_none());
        let refused = refuse_with_git(false, true, true, false).map(|m| m.text(Locale::En));
        assert!(
            refused.is_some_and(|r| r.starts_with("`--diff` changes") && r.contains("`--staged`"))
        );
    }
}
