//! Document and workspace symbols, and folding.
//!
//! A document's outline is its lists (`people:`, `lines:`, `tasks:`…), each holding its items
//! named as a person reads them (a person's or a line's name) with the id or figure as
//! detail. The model keeps spans on ids and values, not on whole items, so an item's range
//! is found in the text by indentation ([`item_end`]); folding reads only the text, so it
//! works in broken buffers too.

use lsp_types::{
    DocumentSymbol, DocumentSymbolParams, DocumentSymbolResponse, FoldingRange, FoldingRangeParams,
    SymbolInformation, SymbolKind, WorkspaceSymbolParams, WorkspaceSymbolResponse,
};

use crate::i18n::{msg, t};
use crate::index::Index;
use crate::lsp::World;
use crate::model::ids::KpiId;
use crate::model::money::{Figure, grouped};
use crate::model::{Content, Document};
use crate::source::{FileId, Span, Spanned};

/// The most symbols a workspace query returns.
const MAX_WORKSPACE: usize = 200;

/// One item of an outline.
struct Entry {
    name: String,
    detail: Option<String>,
    kind: SymbolKind,
    /// The id (or the value that stands for the item): the selection.
    span: Span,
    /// The id it defines, when it defines one (what workspace symbols list).
    defines: Option<String>,
    children: Vec<Entry>,
}

/// One list of a document (`people:`) and its items.
struct List {
    key: &'static str,
    title: &'static str,
    items: Vec<Entry>,
}

fn entry<T: AsRef<str>>(name: &str, id: &Spanned<T>, kind: SymbolKind) -> Entry {
    let (id, span) = (id.value.as_ref(), id.span);
    let name = if name.trim().is_empty() { id } else { name };
    Entry {
        name: name.to_owned(),
        detail: Some(id.to_owned()),
        kind,
        span,
        defines: Some(id.to_owned()),
        children: Vec::new(),
    }
}

fn mention(name: &str, detail: Option<String>, span: Span, kind: SymbolKind) -> Entry {
    Entry { name: name.to_owned(), detail, kind, span, defines: None, children: Vec::new() }
}

fn list(key: &'static str, title: &'static str, items: Vec<Entry>) -> List {
    List { key, title, items }
}

/// The lists of `planbook.yaml`.
fn config_lists(index: &Index) -> Vec<List> {
    let config = &index.ws.config;
    let units = config.units.iter().map(|u| entry(&u.name, &u.id, SymbolKind::MODULE));
    let kpis = config.kpis.iter().map(|k| entry(&k.name, &k.id, SymbolKind::CONSTANT));
    let tables = config.tables.iter().map(|x| entry(&x.name, &x.id, SymbolKind::STRUCT));
    vec![
        list("units", "lsp-outline-units", units.collect()),
        list("kpis", "lsp-outline-kpis", kpis.collect()),
        list("tables", "lsp-outline-tables", tables.collect()),
    ]
}

fn kpi_name(index: &Index, id: &str) -> String {
    index.kpis.get(id).map_or_else(|| id.to_owned(), |k| k.name.clone())
}

/// The lists of a document.
fn lists(world: &World, index: &Index, doc: &Document) -> Vec<List> {
    match &doc.content {
        Content::Roster(r) => {
            let posts = r.posts.iter().map(|p| entry(&p.title, &p.id, SymbolKind::CLASS));
            let regions = r.regions.iter().map(|g| entry(&g.name, &g.id, SymbolKind::NAMESPACE));
            let groups = r.groups.iter().map(|g| entry(&g.name, &g.id, SymbolKind::NAMESPACE));
            let people = r.people.iter().map(|p| {
                let mut e = entry(&p.name, &p.id, SymbolKind::OBJECT);
                let post = r.posts.iter().find(|x| x.id.value == p.post.value);
                let post = post.map_or(p.post.value.as_str(), |x| x.title.as_str());
                e.detail = Some(format!("{} · {post}", p.id.value.as_str()));
                e
            });
            vec![
                list("posts", "lsp-outline-posts", posts.collect()),
                list("regions", "lsp-outline-regions", regions.collect()),
                list("groups", "lsp-outline-groups", groups.collect()),
                list("people", "lsp-outline-people", people.collect()),
            ]
        }
        Content::Budget(b) => {
            let sections = b.sections.iter().map(|s| entry(&s.name, &s.id, SymbolKind::NAMESPACE));
            let lines = b.lines.iter().map(|l| {
                let mut e = entry(&l.name, &l.id, SymbolKind::FIELD);
                let amount = l.amount.as_ref().map(|a| grouped(a.value.0));
                e.detail = Some(amount.map_or_else(
                    || l.id.value.to_string(),
                    |a| format!("{} · {a}", l.id.value.as_str()),
                ));
                e
            });
            let limits = b.limits.iter().map(|l| {
                let mut e = entry(&l.name, &l.id, SymbolKind::CONSTANT);
                e.detail = Some(format!("{} · {}", l.id.value, grouped(l.max.value.0)));
                e
            });
            vec![
                list("sections", "lsp-outline-sections", sections.collect()),
                list("lines", "lsp-outline-lines", lines.collect()),
                list("limits", "lsp-outline-limits", limits.collect()),
            ]
        }
        Content::Plan(p, _) => {
            let problems = p.problems.iter().filter_map(|x| {
                let id = x.id.as_ref()?;
                Some(entry(&x.title, id, SymbolKind::EVENT))
            });
            let measures = p.measures.iter().map(|m| entry(&m.name, &m.id, SymbolKind::METHOD));
            let areas = p.areas.iter().map(|a| entry(&a.name, &a.id, SymbolKind::PACKAGE));
            let targets = p.targets.iter().map(|x| kpi_figure(index, &x.kpi, x.target.as_ref()));
            let tasks = p.tasks.iter().map(|x| entry(&x.name, &x.id, SymbolKind::FUNCTION));
            let cards = p.scorecards.iter().map(|c| {
                let post = index
                    .post_in_unit(c.post.value.as_str(), p.unit.value.as_str())
                    .map_or_else(|| c.post.value.to_string(), |x| x.title.clone());
                let name = msg!("lsp-outline-scorecard", post = post).text(world.locale);
                let mut card =
                    mention(&name, Some(c.post.value.to_string()), c.post.span, SymbolKind::STRUCT);
                card.children = c
                    .components
                    .iter()
                    .map(|x| {
                        let mut e = entry(&x.name, &x.id, SymbolKind::FIELD);
                        e.detail = Some(format!("{} · {}", x.id.value, x.weight.value.0));
                        e
                    })
                    .collect();
                card
            });
            vec![
                list("problems", "lsp-outline-problems", problems.collect()),
                list("measures", "lsp-outline-measures", measures.collect()),
                list("areas", "lsp-outline-areas", areas.collect()),
                list("targets", "lsp-outline-targets", targets.collect()),
                list("tasks", "lsp-outline-tasks", tasks.collect()),
                list("scorecards", "lsp-outline-scorecards", cards.collect()),
            ]
        }
        Content::Review(r, _) => {
            let actuals = r.actuals.iter().map(|x| kpi_figure(index, &x.kpi, x.actual.as_ref()));
            let tasks = r.tasks.iter().map(|x| {
                let id = x.task.value.as_str();
                let name = defined_name(world, x.task.span).unwrap_or_else(|| id.to_owned());
                mention(&name, Some(id.to_owned()), x.task.span, SymbolKind::FUNCTION)
            });
            let spend = r.spend.iter().map(|x| {
                let id = x.line.value.as_str();
                let figure = x.actual.as_ref().map(|f| grouped(f.value.0));
                let detail = figure.map_or_else(|| id.to_owned(), |f| format!("{id} · {f}"));
                let name = defined_name(world, x.line.span).unwrap_or_else(|| id.to_owned());
                mention(&name, Some(detail), x.line.span, SymbolKind::FIELD)
            });
            let scores = r.scores.iter().map(|x| {
                let id = x.person.value.as_str();
                let name = index.people.get(id).map_or(id, |(p, _)| p.name.as_str());
                mention(name, Some(id.to_owned()), x.person.span, SymbolKind::OBJECT)
            });
            vec![
                list("actuals", "lsp-outline-actuals", actuals.collect()),
                list("tasks", "lsp-outline-tasks", tasks.collect()),
                list("spend", "lsp-outline-spend", spend.collect()),
                list("scores", "lsp-outline-scores", scores.collect()),
            ]
        }
        Content::Page(..) => Vec::new(),
    }
}

/// A target or actual: its KPI by name, with its figure as the detail.
fn kpi_figure(index: &Index, kpi: &Spanned<KpiId>, figure: Option<&Spanned<Figure>>) -> Entry {
    let figure = figure.map(|f| grouped(f.value.0));
    mention(&kpi_name(index, kpi.value.as_str()), figure, kpi.span, SymbolKind::NUMBER)
}

/// The name of the task or budget line the id at `span` refers to, from where it is defined.
fn defined_name(world: &World, span: Span) -> Option<String> {
    let table = world.table();
    let def = table.definition(&table.at(span.file, span.start as usize)?.key)?;
    let id = def.key.id.as_str();
    match &world.project.document(def.span.file)?.content {
        Content::Plan(p, _) => {
            p.tasks.iter().find(|t| t.id.value.as_str() == id).map(|t| t.name.clone())
        }
        Content::Budget(b) => {
            b.lines.iter().find(|l| l.id.value.as_str() == id).map(|l| l.name.clone())
        }
        _ => None,
    }
}

/// The lists of file `file`: a document's, or `planbook.yaml`'s.
fn lists_of(world: &World, index: &Index, file: FileId) -> Vec<List> {
    if file == world.project.ws.config_file {
        return config_lists(index);
    }
    match world.project.document(file) {
        Some(doc) => lists(world, index, doc),
        None => Vec::new(),
    }
}

/// The outline of a document: its lists and their items, as a tree when the editor shows
/// one.
pub fn document_symbols(
    world: &World,
    params: DocumentSymbolParams,
) -> Option<DocumentSymbolResponse> {
    let file = world.file(&params.text_document.uri)?;
    let index = world.index();
    let text = world.text(file);
    let lists: Vec<List> =
        lists_of(world, &index, file).into_iter().filter(|l| !l.items.is_empty()).collect();
    if !world.client.hierarchical_symbols {
        let mut flat = Vec::new();
        for l in &lists {
            let container = t(world.locale, l.title);
            flatten(world, &l.items, &container, &mut flat);
        }
        return Some(DocumentSymbolResponse::Flat(flat));
    }
    let tree = lists.into_iter().map(|l| {
        let children: Vec<DocumentSymbol> =
            l.items.iter().map(|e| symbol(world, text, e)).collect();
        let key = key_line(text, l.key);
        let first = l.items.first().map_or(0, |e| e.span.start as usize);
        let (start, select) = key.map_or((first, None), |(s, k)| (s.min(first), Some(k)));
        let last = l.items.last().map_or(start, |e| item_end(text, e.span.start as usize));
        let end = key.map_or(last, |(s, _)| item_end(text, s)).max(last);
        let range = world.range(Span::new(file, start, end));
        let selection = select.map_or(range, |k| world.range(Span::new(file, start, k)));
        #[allow(deprecated)]
        DocumentSymbol {
            name: t(world.locale, l.title),
            detail: Some(msg!("lsp-outline-count", count = children.len()).text(world.locale)),
            kind: SymbolKind::ARRAY,
            tags: None,
            deprecated: None,
            range,
            selection_range: selection,
            children: Some(children),
        }
    });
    Some(DocumentSymbolResponse::Nested(tree.collect()))
}

fn symbol(world: &World, text: &str, e: &Entry) -> DocumentSymbol {
    let (start, end) = item_range(text, e.span);
    let children: Vec<DocumentSymbol> = e.children.iter().map(|c| symbol(world, text, c)).collect();
    let end = end.max(e.span.end as usize);
    #[allow(deprecated)]
    DocumentSymbol {
        name: e.name.clone(),
        detail: e.detail.clone(),
        kind: e.kind,
        tags: None,
        deprecated: None,
        range: world.range(Span::new(e.span.file, start, end)),
        selection_range: world.range(e.span),
        children: (!children.is_empty()).then_some(children),
    }
}

fn flatten(world: &World, entries: &[Entry], container: &str, out: &mut Vec<SymbolInformation>) {
    for e in entries {
        out.push(information(world, e, container));
        flatten(world, &e.children, &e.name, out);
    }
}

fn information(world: &World, e: &Entry, container: &str) -> SymbolInformation {
    #[allow(deprecated)]
    SymbolInformation {
        name: e.name.clone(),
        kind: e.kind,
        tags: None,
        deprecated: None,
        location: world.location(e.span),
        container_name: Some(container.to_owned()),
    }
}

/// Ids defined across the repository whose id or name holds the query (Latin letters in
/// any case), by file and position, at most [`MAX_WORKSPACE`].
pub fn workspace_symbols(
    world: &World,
    params: WorkspaceSymbolParams,
) -> Option<WorkspaceSymbolResponse> {
    let query = params.query.trim().to_lowercase();
    let index = world.index();
    let mut files: Vec<FileId> = world.project.files().collect();
    files.sort_by_key(|&f| world.project.path(f));
    let mut out = Vec::new();
    'files: for file in files {
        let relative = world.project.relative(&world.project.path(file));
        let path = relative.map_or_else(String::new, |p| p.to_string_lossy().replace('\\', "/"));
        let container = match world.project.unit_of_file(file) {
            Some(unit) => format!("{unit} · {path}"),
            None => path,
        };
        for l in lists_of(world, &index, file) {
            for e in all_entries(&l.items) {
                let Some(id) = &e.defines else { continue };
                let hit = query.is_empty()
                    || id.to_lowercase().contains(&query)
                    || e.name.to_lowercase().contains(&query);
                if hit {
                    out.push(information(world, e, &container));
                    if out.len() >= MAX_WORKSPACE {
                        break 'files;
                    }
                }
            }
        }
    }
    Some(WorkspaceSymbolResponse::Flat(out))
}

fn all_entries(entries: &[Entry]) -> Vec<&Entry> {
    let mut out = Vec::new();
    for e in entries {
        out.push(e);
        out.extend(all_entries(&e.children));
    }
    out
}

/// Folding ranges of a document: the front matter of a Markdown file, its sections by
/// heading, and every YAML list item and mapping of two lines or more. Whole lines only.
pub fn folding(world: &World, params: FoldingRangeParams) -> Option<Vec<FoldingRange>> {
    let file = world.file(&params.text_document.uri)?;
    let text = world.text(file);
    let markdown = world.project.path(file).extension().is_some_and(|e| e == "md");
    Some(folds(text, markdown).into_iter().map(|(start, end)| fold(start, end)).collect())
}

fn fold(start: usize, end: usize) -> FoldingRange {
    FoldingRange {
        start_line: u32::try_from(start).unwrap_or(u32::MAX),
        end_line: u32::try_from(end).unwrap_or(u32::MAX),
        ..FoldingRange::default()
    }
}

/// The folds of `text` as (first line, last line), sorted.
fn folds(text: &str, markdown: bool) -> Vec<(usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let (yaml, body) = if markdown {
        match front_matter_end(&lines) {
            Some(close) => {
                if close >= 1 {
                    out.push((0, close));
                }
                ((1, close), close + 1)
            }
            None => ((0, 0), 0),
        }
    } else {
        ((0, lines.len()), lines.len())
    };
    yaml_folds(&lines, yaml.0, yaml.1, &mut out);
    if markdown {
        heading_folds(&lines, body, &mut out);
    }
    out.retain(|(s, e)| e > s);
    out.sort_unstable();
    out.dedup();
    out
}

/// The line of the `---` closing the front matter, when the file opens with one.
fn front_matter_end(lines: &[&str]) -> Option<usize> {
    if lines.first().map(|l| l.trim_end()) != Some("---") {
        return None;
    }
    lines
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, l)| matches!(l.trim_end(), "---" | "..."))
        .map(|(i, _)| i)
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn blank(line: &str) -> bool {
    let t = line.trim();
    t.is_empty() || t.starts_with('#')
}

fn is_dash(trimmed: &str) -> bool {
    trimmed == "-" || trimmed.starts_with("- ")
}

/// Folds of the YAML lines `from..to`: each list item and each key whose value is a block.
fn yaml_folds(lines: &[&str], from: usize, to: usize, out: &mut Vec<(usize, usize)>) {
    let to = to.min(lines.len());
    for i in from..to {
        let line = lines[i];
        if blank(line) {
            continue;
        }
        let ind = indent(line);
        let trimmed = &line[ind..];
        let dash = is_dash(trimmed);
        let opens = dash || trimmed.trim_end().ends_with(':') || trimmed.contains(": ");
        if !opens {
            continue;
        }
        let mut last = i;
        for (j, next) in lines.iter().enumerate().take(to).skip(i + 1) {
            if blank(next) {
                continue;
            }
            let n = indent(next);
            // A key's block list may sit at the key's own indentation.
            let compact = !dash && n == ind && is_dash(&next[n..]);
            if n > ind || compact {
                last = j;
            } else {
                break;
            }
        }
        out.push((i, last));
    }
}

/// Folds of Markdown sections from line `from`: a heading to the line before the next
/// heading of its level or above, outside code fences.
fn heading_folds(lines: &[&str], from: usize, out: &mut Vec<(usize, usize)>) {
    let mut headings = Vec::new();
    let mut fence = false;
    for (i, line) in lines.iter().enumerate().skip(from) {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            fence = !fence;
            continue;
        }
        if fence {
            continue;
        }
        let level = t.chars().take_while(|&c| c == '#').count();
        if (1..=6).contains(&level) && t[level..].starts_with(' ') | t[level..].is_empty() {
            headings.push((i, level));
        }
    }
    for (k, &(line, level)) in headings.iter().enumerate() {
        let next =
            headings.iter().skip(k + 1).find(|(_, l)| *l <= level).map_or(lines.len(), |(n, _)| *n);
        let mut end = next.saturating_sub(1);
        while end > line && lines.get(end).is_some_and(|l| l.trim().is_empty()) {
            end -= 1;
        }
        out.push((line, end));
    }
}

/// The start of the line holding byte `offset`.
fn line_start(text: &str, offset: usize) -> usize {
    text.get(..offset).and_then(|t| t.rfind('\n')).map_or(0, |i| i + 1)
}

/// The end (before its newline) of the line holding byte `offset`.
fn line_end(text: &str, offset: usize) -> usize {
    text.get(offset..).and_then(|t| t.find('\n')).map_or(text.len(), |i| offset + i)
}

/// The byte range of the list item holding `span`: from its `- ` to its last more-indented
/// line; the span's own line when it is in no list item.
fn item_range(text: &str, span: Span) -> (usize, usize) {
    let at = (span.start as usize).min(text.len());
    let own = line_start(text, at);
    let own_line = text.get(own..line_end(text, own)).unwrap_or_default();
    let own_indent = indent(own_line);
    if is_dash(own_line[own_indent..].trim_end()) && own + own_indent < at {
        return (own + own_indent, item_end(text, own));
    }
    // Up to the first line indented less than the span's own: the item's dash, if it is one.
    let mut start = own;
    while start > 0 {
        start = line_start(text, start - 1);
        let line = text.get(start..line_end(text, start)).unwrap_or_default();
        let ind = indent(line);
        if blank(line) || ind >= own_indent {
            continue;
        }
        if is_dash(line[ind..].trim_end()) {
            return (start + ind, item_end(text, start));
        }
        break;
    }
    (own + own_indent, line_end(text, at))
}

/// The end of the block that opens on the line holding `offset`: its last line indented
/// deeper than that line (or, for a key, a list at the key's own indentation).
fn item_end(text: &str, offset: usize) -> usize {
    let start = line_start(text, offset);
    let first = text.get(start..line_end(text, start)).unwrap_or_default();
    let ind = indent(first);
    let dash = is_dash(first[ind..].trim_end());
    let mut end = line_end(text, start);
    let mut next = end + 1;
    while next < text.len() {
        let e = line_end(text, next);
        let line = text.get(next..e).unwrap_or_default();
        if !blank(line) {
            let n = indent(line);
            if line.trim_end() == "---" || !(n > ind || (!dash && n == ind && is_dash(&line[n..])))
            {
                break;
            }
            end = e;
        }
        next = e + 1;
    }
    end
}

/// The line `key:` at the top level: its start and the end of the key.
fn key_line(text: &str, key: &str) -> Option<(usize, usize)> {
    let mut start = 0;
    while start < text.len() {
        let end = line_end(text, start);
        let line = text.get(start..end).unwrap_or_default();
        if line.strip_prefix(key).is_some_and(|rest| rest.starts_with(':')) {
            return Some((start, start + key.len()));
        }
        start = end + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_items_and_blocks_fold_by_indentation() {
        let text = "a: 1\nlist:\n  - id: x\n    name: 甲\n\n  - { id: y }\nmap:\n  k: v\n";
        assert_eq!(folds(text, false), [(1, 5), (2, 3), (6, 7)]);
        // A compact list at the key's indentation, and a half-typed line.
        let text = "people:\n- id: p1\n  name: 张三\n- id: [\n";
        assert_eq!(folds(text, false), [(0, 3), (1, 2)]);
    }

    #[test]
    fn markdown_folds_its_front_matter_and_sections() {
        let text = concat!(
            "---\nkind: plan\ntasks:\n  - id: a\n---\n\n",
            "# 一\n\n正文\n\n## 二\n内容\n\n# 三\n"
        );
        assert_eq!(folds(text, true), [(0, 4), (2, 3), (6, 11), (10, 11)]);
    }

    #[test]
    fn an_items_range_runs_from_its_dash_to_its_last_line() {
        let text = "lines:\n  - id: office\n    name: 办公费\n  - id: wages\n";
        let at = text.find("office").unwrap();
        let (s, e) = item_range(text, Span::new(FileId(0), at, at + 6));
        assert_eq!(&text[s..e], "- id: office\n    name: 办公费");
        let flow = "x:\n  - { id: a, name: 甲 }\n";
        let at = flow.find("a,").unwrap();
        let (s, e) = item_range(flow, Span::new(FileId(0), at, at + 1));
        assert_eq!(&flow[s..e], "- { id: a, name: 甲 }");
        assert_eq!(key_line(text, "lines"), Some((0, 5)));
        // An id on a later line of its item, after a nested list of a sibling key.
        let nested = "x:\n  - name: 甲\n    sub:\n      - y\n    id: b\n  - id: c\n";
        let at = nested.find("b\n").unwrap();
        let (s, e) = item_range(nested, Span::new(FileId(0), at, at + 1));
        assert_eq!(&nested[s..e], "- name: 甲\n    sub:\n      - y\n    id: b");
        let top = "title: 计划\n";
        let (s, e) = item_range(top, Span::new(FileId(0), 7, 13));
        assert_eq!(&top[s..e], "title: 计划");
        assert_eq!(item_end(text, 0), text.len() - 1);
    }
}
