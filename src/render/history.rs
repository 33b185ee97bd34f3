//! History in the handbook and in the history commands' output: when and by whom each
//! document last changed, its semantic changes put into sentences in the reader's language,
//! who set each budget amount, and a site-wide page of recent changes.
//!
//! `history` hands over typed changes (paths of steps, values); this module words them:
//! [`describe`] (`租赁费 预算由 13,000 改为 12,500`,
//! `line rent (租赁费) amount: 13,000 → 12,500`), [`field_label`] and [`document_label`]
//! (`河南分公司 2026年12月预算`). Field and list words come from the catalogue
//! (`history-field-<key>`, `history-list-<list>`), looked up at run time, so a key the
//! catalogue does not know is shown as itself.
//!
//! Built from one `history::history` walk. Git never fails a build: without usable history
//! the pages carry a note instead.

use std::collections::HashMap;
use std::path::Path;

use serde::Serialize;

use crate::history::{
    self, ChangeKind, CommitChanges, CommitInfo, FieldChange, FieldValue, History, Identity, Step,
};
use crate::i18n::{self, Locale, Msg, msg};
use crate::model::config::display_name;
use crate::model::config::{Better, Config};
use crate::model::period::Period;

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
    /// The language of the pages.
    locale: Locale,
    /// Unit names by id, for document labels.
    units: ConfigNames,
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
    /// The document's identity (`budget henan 2026-12`), the key pages and privacy match on.
    pub identity: String,
    /// The document as readers call it: `河南分公司 2026年12月预算`,
    /// `budget henan 2026-12`.
    pub label: String,
    /// Its page, when it is published.
    pub url: Option<String>,
    /// What changed, one line each.
    pub items: Vec<String>,
}

impl HistoryIndex {
    /// Reads the history of the repository at `root`, for pages in `locale`.
    pub fn new(root: &Path, locale: Locale) -> HistoryIndex {
        let why = match history::history(root) {
            Ok(Ok(h)) => return HistoryIndex::from_history(h, locale),
            Ok(Err(why)) => why.message(),
            // Not planbook's words: git's or the file system's.
            Err(e) => Msg::verbatim(format!("{e:#}")),
        };
        HistoryIndex { note: Some(none_note(why, locale)), locale, ..Default::default() }
    }

    /// No history, on purpose (`planbook build --no-history`).
    pub fn disabled(locale: Locale) -> HistoryIndex {
        let note = none_note(msg!("history-disabled"), locale);
        HistoryIndex { note: Some(note), locale, ..Default::default() }
    }

    /// Names units and KPIs as `config` does (`河南分公司 2026年12月预算`,
    /// `销售额 目标…`); without it labels name them by their ids. `cli/build.rs` should call
    /// it with the workspace's configuration.
    #[must_use]
    pub fn with_config(mut self, config: &Config) -> HistoryIndex {
        self.units = ConfigNames::new(config);
        self
    }

    fn from_history(history: History, locale: Locale) -> HistoryIndex {
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
        let note = history
            .starts_at
            .as_ref()
            .map(|s| msg!("history-shallow-note", commit = &s.short, date = s.date()).text(locale));
        HistoryIndex {
            note,
            commits: history.commits,
            by_identity,
            field_origin,
            locale,
            units: ConfigNames::default(),
        }
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
        let merged = if c.merge {
            format!("{} ", i18n::t(self.locale, "history-merged"))
        } else {
            "".into()
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
                        label: document_label(&d.identity, &self.units, self.locale),
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
        let head = match &change.kind {
            ChangeKind::Added => Some(msg!("history-doc-added")),
            ChangeKind::Removed => Some(msg!("history-doc-removed")),
            ChangeKind::Renamed { from } => {
                Some(msg!("history-doc-moved", from = from.display().to_string()))
            }
            ChangeKind::Modified => None,
        };
        head.map(|m| m.text(self.locale))
            .into_iter()
            .chain(
                change
                    .fields
                    .iter()
                    .filter(|f| f.field != "body")
                    .map(|f| describe(f, &self.units, self.locale)),
            )
            .take(20)
            .collect()
    }
}

/// `No change history: {why}.`, the note of pages without history.
fn none_note(why: Msg, locale: Locale) -> String {
    msg!("history-none-note", why = why).text(locale)
}

/// What the configuration calls units and KPIs, for labels (`河南分公司`, `销售额`), and
/// which KPIs are better lower (their `floor` is a ceiling: `上限`).
#[derive(Debug, Clone, Default)]
pub struct ConfigNames {
    categories: std::collections::BTreeMap<String, String>,
    classes: std::collections::BTreeMap<String, String>,
    units: HashMap<String, String>,
    kpis: HashMap<String, String>,
    lower_better: std::collections::HashSet<String>,
}

impl ConfigNames {
    /// The names of `config`'s units and KPIs.
    pub fn new(config: &Config) -> ConfigNames {
        let id = |s: &str| s.to_string();
        ConfigNames {
            categories: config.categories.clone(),
            classes: config.post_classes.clone(),
            units: config.units.iter().map(|u| (id(u.id.value.as_str()), u.name.clone())).collect(),
            kpis: config.kpis.iter().map(|k| (id(k.id.value.as_str()), k.name.clone())).collect(),
            lower_better: config
                .kpis
                .iter()
                .filter(|k| k.better == Better::Lower)
                .map(|k| id(k.id.value.as_str()))
                .collect(),
        }
    }

    /// How a unit is named in `locale`: its name in Chinese (`河南分公司`), its id in English
    /// (`henan`), where labels stay what `planbook log` users search for.
    pub fn shown(&self, id: &str, locale: Locale) -> String {
        match locale {
            Locale::ZhCn => self.units.get(id).cloned().unwrap_or_else(|| id.to_string()),
            Locale::En => id.to_string(),
        }
    }

    /// The KPI of a target's or an actual's key (`sales/henan/staff`), when it is one.
    fn kpi_of<'a>(&self, list: &str, key: &'a str) -> Option<&'a str> {
        let kpi = key.split('/').next()?;
        (matches!(list, "targets" | "actuals") && self.kpis.contains_key(kpi)).then_some(kpi)
    }
}

/// A period as a label shows it: `2026年12月` in Chinese, `2026-12` in English.
pub fn period_shown(period: &str, locale: Locale) -> String {
    match (locale, period.parse::<Period>()) {
        (Locale::ZhCn, Ok(p)) => p.text(locale),
        _ => period.to_string(),
    }
}

/// A document as readers call it, from its identity: `河南分公司 2026年12月预算`,
/// `budget henan 2026-12`.
pub fn document_label(identity: &str, units: &ConfigNames, locale: Locale) -> String {
    let msg = match Identity::parse(identity) {
        Identity::Config => msg!("history-doc-config"),
        Identity::Roster { unit } => msg!("history-doc-roster", unit = units.shown(unit, locale)),
        Identity::Periodic { kind, unit, period } => {
            let (unit, period) = (units.shown(unit, locale), period_shown(period, locale));
            match kind {
                "budget" => msg!("history-doc-budget", unit = unit, period = period),
                "plan" => msg!("history-doc-plan", unit = unit, period = period),
                _ => msg!("history-doc-review", unit = unit, period = period),
            }
        }
        Identity::Page { path } => msg!("history-doc-page", path = path),
        Identity::Other(text) => Msg::verbatim(text),
    };
    msg.text(locale)
}

/// A field's word: `预算` for a budget line's `amount`, `编制` for `establishment`; a key the
/// catalogue does not know, as itself. `lower` marks a field of a lower-is-better KPI's item.
fn field_word(list: Option<&str>, key: &str, lower: bool, locale: Locale) -> String {
    let lower = lower.then(|| i18n::lookup(locale, &format!("history-field-{key}-lower")));
    lower
        .flatten()
        .or_else(|| list.and_then(|l| i18n::lookup(locale, &format!("history-field-{l}-{key}"))))
        .or_else(|| i18n::lookup(locale, &format!("history-field-{key}")))
        .unwrap_or_else(|| key.replace('_', " "))
}

/// The noun of a list's items: `科目` / `line` for `lines`.
fn list_noun(list: &str, locale: Locale) -> String {
    i18n::lookup(locale, &format!("history-list-{list}")).unwrap_or_else(|| list.to_string())
}

/// One step as a label shows it. `last` marks the step a whole-item change is about, which
/// in Chinese is named with its noun (`科目 广告费`), elsewhere by its name alone.
fn step_text(step: &Step, context: (Option<&str>, bool), last: bool, n: &Words) -> String {
    let (list, lower) = context;
    let locale = n.locale;
    match step {
        Step::Key(key) => field_word(list, key, lower, locale),
        Step::Item { list, key, name } => {
            let noun = list_noun(list, locale);
            // A target or an actual is named by its KPI.
            let name = name.as_deref().or_else(|| {
                n.names.kpi_of(list, key).and_then(|k| n.names.kpis.get(k)).map(String::as_str)
            });
            match (locale, name) {
                (Locale::En, Some(name)) => format!("{noun} {key} ({name})"),
                (Locale::En, None) => format!("{noun} {key}"),
                (Locale::ZhCn, Some(name)) if !last => name.to_string(),
                (Locale::ZhCn, Some(name)) => format!("{noun} {name}"),
                (Locale::ZhCn, None) => format!("{noun} {key}"),
            }
        }
    }
}

/// The language and the configuration's names a label is worded with.
#[derive(Clone, Copy)]
struct Words<'a> {
    names: &'a ConfigNames,
    locale: Locale,
}

/// A field as readers call it: `租赁费 预算`, `line rent (租赁费) amount`; `names` gives
/// targets their KPI's name.
pub fn field_label(path: &[Step], names: &ConfigNames, locale: Locale) -> String {
    label(path, false, Words { names, locale })
}

fn label(path: &[Step], item_change: bool, words: Words) -> String {
    let mut context = (None, false);
    let mut parts = Vec::with_capacity(path.len());
    for (i, step) in path.iter().enumerate() {
        parts.push(step_text(step, context, item_change && i + 1 == path.len(), &words));
        if let Step::Item { list, key, .. } = step {
            let kpi = words.names.kpi_of(list, key);
            context =
                (Some(list.as_str()), kpi.is_some_and(|k| words.names.lower_better.contains(k)));
        }
    }
    parts.join(" ")
}

/// A field's value as shown, on one line: a number grouped (`12,500`), a word the catalogue
/// knows for the field (`history-value-status-done`: `已完成`) or for a yes or no, other text
/// as it is.
pub fn value(path: &[Step], text: &str, names: &ConfigNames, locale: Locale) -> String {
    let word = match (path.last(), text) {
        (_, "true" | "false") => i18n::lookup(locale, &format!("history-value-{text}")),
        (Some(Step::Key(key)), _) if key == "category" => {
            Some(display_name(&names.categories, "category-", text, locale))
        }
        (Some(Step::Key(key)), _) if key == "class" => {
            Some(display_name(&names.classes, "class-", text, locale))
        }
        (Some(Step::Key(key)), _) => i18n::lookup(locale, &format!("history-value-{key}-{text}")),
        _ => None,
    };
    word.unwrap_or_else(|| history::short(&history::number(text)))
}

/// A change as one sentence: `租赁费 预算由 13,000 改为 12,500`, `新增科目 广告费`,
/// `line rent (租赁费) amount: 13,000 → 12,500`, `line ads (广告费) added`.
pub fn describe(change: &FieldChange, names: &ConfigNames, locale: Locale) -> String {
    if change.is_item() {
        let item = label(&change.path, true, Words { names, locale });
        let msg = match (&change.before, &change.after) {
            (None, _) => msg!("history-item-added", item = item),
            (_, None) => msg!("history-item-removed", item = item),
            _ => msg!("history-item-changed", item = item),
        };
        return msg.text(locale);
    }
    let label = field_label(&change.path, names, locale);
    let show = |v: &Option<FieldValue>| {
        v.as_ref().and_then(FieldValue::text).map(|t| value(&change.path, t, names, locale))
    };
    let msg = match (show(&change.before), show(&change.after)) {
        (Some(before), Some(after)) => {
            msg!("history-changed", label = label, before = before, after = after)
        }
        (None, Some(value)) => msg!("history-set-to", label = label, value = value),
        (Some(value), None) => msg!("history-cleared", label = label, value = value),
        (None, None) => return label,
    };
    msg.text(locale)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn changes() -> Vec<FieldChange> {
        let rent = |amount: &str| json!({"id": "rent", "name": "租赁费", "amount": amount});
        let a = json!({
            "lines": [rent("13000"), {"id": "tv", "amount": "1"}],
            "people": [{"id": "p001", "name": "李娜"}],
        });
        let b = json!({
            "title": "present",
            "lines": [rent("12500"), {"id": "ads", "name": "广告费", "amount": "500"}],
            "people": [
                {"id": "p001", "name": "李娜"},
                {"id": "p017", "name": "王芳", "pay": "8000", "region": "zz"},
            ],
        });
        let mut all = history::diff(&a, &b);
        let c = json!({"people": [{"id": "p017", "name": "王芳", "pay": "8000"}]});
        // Then 李娜 leaves and 王芳's region is cleared.
        all.extend(history::diff(&b, &c).into_iter().filter(|c| c.field.starts_with("people")));
        all
    }

    fn described(locale: Locale) -> Vec<String> {
        changes().iter().map(|c| describe(c, &ConfigNames::default(), locale)).collect()
    }

    #[test]
    fn changes_read_as_english_sentences() {
        assert_eq!(
            described(Locale::En),
            [
                "line rent (租赁费) amount: 13,000 → 12,500",
                "line tv removed",
                "line ads (广告费) added",
                "person p017 (王芳) added",
                "title: set to present",
                "person p001 (李娜) removed",
                "person p017 (王芳) region: zz removed",
            ]
        );
    }

    #[test]
    fn changes_read_as_chinese_sentences_with_names_before_ids() {
        assert_eq!(
            described(Locale::ZhCn),
            [
                "租赁费 预算由 13,000 改为 12,500",
                "删除科目 tv",
                "新增科目 广告费",
                "新增人员 王芳",
                "标题设为 present",
                "删除人员 李娜",
                "王芳 地区已清除（原为 zz）",
            ]
        );
    }

    #[test]
    fn targets_are_named_by_their_kpi_and_a_lower_is_better_floor_is_a_ceiling() {
        let mut names = ConfigNames::default();
        names.kpis.insert("sales".into(), "销售额".into());
        names.kpis.insert("expenses".into(), "费用".into());
        names.lower_better.insert("expenses".into());
        let plan = |sales: &str, expenses: &str| {
            json!({"targets": [
                {"kpi": "sales", "floor": sales},
                {"kpi": "expenses", "floor": expenses},
            ]})
        };
        let changes = history::diff(&plan("400000", "40000"), &plan("420000", "38000"));
        let text = |locale| -> Vec<String> {
            changes.iter().map(|c| describe(c, &names, locale)).collect()
        };
        assert_eq!(
            text(Locale::ZhCn),
            ["销售额 保底由 400,000 改为 420,000", "费用 上限由 40,000 改为 38,000"]
        );
        assert_eq!(
            text(Locale::En),
            [
                "target sales (销售额) floor: 400,000 → 420,000",
                "target expenses (费用) ceiling: 40,000 → 38,000",
            ]
        );
    }

    #[test]
    fn an_unknown_field_is_shown_as_its_key() {
        let change = history::diff(&json!({"odd_key": "1"}), &json!({"odd_key": "2"}));
        let text = describe(&change[0], &ConfigNames::default(), Locale::ZhCn);
        assert_eq!(text, "odd key由 1 改为 2");
    }

    #[test]
    fn documents_are_named_by_unit_and_period_in_chinese() {
        let mut units = ConfigNames::default();
        units.units.insert("henan".into(), "河南分公司".into());
        let label = |id: &str, locale| document_label(id, &units, locale);
        let budget = label("budget henan 2026-12", Locale::ZhCn);
        assert_eq!(budget, "河南分公司 2026年12月预算");
        assert_eq!(label("budget henan 2026-12", Locale::En), "budget henan 2026-12");
        let review = label("review henan 2027-Q1", Locale::ZhCn);
        assert_eq!(review, "河南分公司 2027年第1季度回顾");
        assert_eq!(label("roster hubei", Locale::ZhCn), "hubei 人员编制");
        assert_eq!(label("page docs/a.md", Locale::ZhCn), "页面 docs/a.md");
    }

    #[test]
    fn notes_are_whole_sentences_in_one_language() {
        let why = history::Unavailable::NoRepository.message();
        let zh = none_note(why.clone(), Locale::ZhCn);
        assert_eq!(zh, "数据仓库不在版本库中，因此没有修改历史。");
        assert_eq!(
            none_note(why, Locale::En),
            "No change history: the data repository is not in a git repository."
        );
        let disabled = HistoryIndex::disabled(Locale::ZhCn).note.unwrap_or_default();
        assert!(disabled.starts_with("构建时指定了 --no-history，"), "{disabled}");
    }
}
