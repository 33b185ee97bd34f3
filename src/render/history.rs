//! History in the handbook: when and by whom each document last changed, its semantic
//! changes, who set each budget amount, and a site-wide page of recent changes.
//!
//! Built from one `history::history` walk. Git never fails a build: without usable history
//! the pages carry a note instead.

use std::collections::HashMap;
use std::path::Path;

use serde::Serialize;

use crate::history::{self, ChangeKind, CommitChanges, CommitInfo, History};
use crate::model::config::Locale;

/// How many changes a document page lists, and how many commits the recent-changes page shows.
const PER_DOCUMENT: usize = 12;
const RECENT: usize = 100;

/// What the handbook knows of the repository's history.
#[derive(Debug, Default)]
pub struct HistoryIndex {
    /// Why there is no (complete) history, for a note on every page that shows history.
    pub note: Option<String>,
    commits: Vec<CommitChanges>,
    /// Per document identity: (commit index, change index), newest first.
    by_identity: HashMap<String, Vec<(usize, usize)>>,
    /// Per (identity, field path): the newest commit that changed it.
    field_origin: HashMap<(String, String), usize>,
    zh: bool,
}

/// One commit as a page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct CommitLine {
    /// Abbreviated id.
    pub short: String,
    /// Date and time in the author's zone.
    pub date: String,
    /// Author.
    pub author: String,
    /// First line of the message.
    pub summary: String,
    /// What changed, one line each.
    pub items: Vec<String>,
}

/// A document's history on its page.
#[derive(Debug, Clone, Serialize)]
pub struct DocHistoryView {
    /// The last change.
    pub last: CommitLine,
    /// The most recent changes, newest first (with `last`).
    pub changes: Vec<CommitLine>,
    /// A note about incomplete history.
    pub note: Option<String>,
}

/// One entry of the recent-changes page.
#[derive(Debug, Clone, Serialize)]
pub struct RecentView {
    /// The commit.
    pub commit: CommitLine,
    /// The documents it changed.
    pub documents: Vec<ChangedDocument>,
}

/// A document a commit changed, on the recent-changes page.
#[derive(Debug, Clone, Serialize)]
pub struct ChangedDocument {
    /// The document's identity (`budget henan 2026-12`), also its label.
    pub identity: String,
    /// Its page, when it is published.
    pub url: Option<String>,
    /// What changed, one line each.
    pub items: Vec<String>,
}

impl HistoryIndex {
    /// Reads the history of the repository at `root`.
    pub fn new(root: &Path, locale: Locale) -> HistoryIndex {
        let zh = locale == Locale::ZhCn;
        let history = match history::history(root) {
            Ok(Ok(h)) => h,
            Ok(Err(why)) => {
                return HistoryIndex {
                    note: Some(note(&why.to_string(), zh)),
                    zh,
                    ..Default::default()
                };
            }
            Err(e) => {
                return HistoryIndex {
                    note: Some(note(&format!("{e:#}"), zh)),
                    zh,
                    ..Default::default()
                };
            }
        };
        HistoryIndex::from_history(history, zh)
    }

    /// No history, on purpose (`planbook build --no-history`).
    pub fn disabled(locale: Locale) -> HistoryIndex {
        let zh = locale == Locale::ZhCn;
        let why = if zh {
            "构建时未读取 git 历史（--no-history）"
        } else {
            "the build did not read git history (--no-history)"
        };
        HistoryIndex { note: Some(note(why, zh)), zh, ..Default::default() }
    }

    fn from_history(history: History, zh: bool) -> HistoryIndex {
        let mut by_identity: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        let mut field_origin = HashMap::new();
        for (ci, commit) in history.commits.iter().enumerate() {
            for (di, change) in commit.changes.iter().enumerate() {
                by_identity.entry(change.identity.clone()).or_default().push((ci, di));
                for field in &change.fields {
                    field_origin
                        .entry((change.identity.clone(), field.field.clone()))
                        .or_insert(ci);
                }
            }
        }
        let note = history.starts_at.as_ref().map(|s| {
            if zh {
                let (short, date) = (&s.short, s.date());
                let head = "这是浅克隆：历史从";
                let tail = "开始，更早的修改未知。";
                format!("{head} {short}（{date}）{tail}")
            } else {
                format!(
                    "This is a shallow clone: history starts at {} ({}); earlier changes are not \
                     known.",
                    s.short,
                    s.date()
                )
            }
        });
        HistoryIndex { note, commits: history.commits, by_identity, field_origin, zh }
    }

    /// The history shown on a document's page.
    pub fn document(&self, identity: &str) -> Option<DocHistoryView> {
        let entries = self.by_identity.get(identity)?;
        let changes: Vec<CommitLine> = entries
            .iter()
            .take(PER_DOCUMENT)
            .map(|&(ci, di)| {
                self.line(&self.commits[ci].commit, Some(&self.commits[ci].changes[di]))
            })
            .collect();
        Some(DocHistoryView { last: changes.first()?.clone(), changes, note: self.note.clone() })
    }

    /// Who last set a field: `李娜 · 2026-12-03 10:00 · dec88e3 房租降到4500`.
    pub fn field(&self, identity: &str, field: &str) -> Option<String> {
        // A field never changed since the document was added was set by the commit adding it.
        let added = || {
            let &(ci, di) = self.by_identity.get(identity)?.last()?;
            matches!(self.commits[ci].changes[di].kind, ChangeKind::Added).then_some(ci)
        };
        // The newest change to the field or to an item containing it (`lines[ads]` added).
        let prefixes = field.char_indices().filter(|&(_, c)| c == '.').map(|(i, _)| &field[..i]);
        let found = std::iter::once(field)
            .chain(prefixes)
            .filter_map(|f| self.field_origin.get(&(identity.to_string(), f.to_string())))
            .min()
            .copied();
        let ci = match found {
            Some(ci) => ci,
            None => added()?,
        };
        let c = &self.commits[ci].commit;
        // Along first parents, a merge brings a branch's changes: say so rather than name the
        // merger as their author (`planbook blame` finds the branch's commit).
        let merged = match (c.merge, self.zh) {
            (true, true) => "合并 ",
            (true, false) => "merged ",
            (false, _) => "",
        };
        Some(format!(
            "{merged}{} · {} · {} {}",
            c.author,
            c.date(),
            c.short,
            history::short(&c.summary)
        ))
    }

    /// The recent-changes page, with each document's page URL from `url_of`.
    pub fn recent(&self, url_of: &dyn Fn(&str) -> Option<String>) -> Vec<RecentView> {
        self.commits
            .iter()
            .take(RECENT)
            .map(|c| RecentView {
                commit: self.line(&c.commit, None),
                documents: c
                    .changes
                    .iter()
                    .map(|d| ChangedDocument {
                        identity: d.identity.clone(),
                        url: url_of(&d.identity),
                        items: self.items(d),
                    })
                    .collect(),
            })
            .collect()
    }

    fn line(&self, c: &CommitInfo, change: Option<&history::DocChange>) -> CommitLine {
        CommitLine {
            short: c.short.clone(),
            date: c.date(),
            author: c.author.clone(),
            summary: c.summary.clone(),
            items: change.map(|d| self.items(d)).unwrap_or_default(),
        }
    }

    fn items(&self, change: &history::DocChange) -> Vec<String> {
        let head = match (&change.kind, self.zh) {
            (ChangeKind::Added, true) => Some("新建".to_string()),
            (ChangeKind::Added, false) => Some("added".to_string()),
            (ChangeKind::Removed, true) => Some("删除".to_string()),
            (ChangeKind::Removed, false) => Some("removed".to_string()),
            (ChangeKind::Renamed { from }, true) => Some(format!("由 {} 移来", from.display())),
            (ChangeKind::Renamed { from }, false) => Some(format!("moved from {}", from.display())),
            (ChangeKind::Modified, _) => None,
        };
        head.into_iter()
            .chain(change.fields.iter().filter(|f| f.field != "body").map(|f| f.describe()))
            .take(20)
            .collect()
    }
}

fn note(why: &str, zh: bool) -> String {
    if zh { format!("没有修改历史：{why}。") } else { format!("No change history: {why}.") }
}
