//! Where the cursor is in a document's YAML, read from the buffer's text — not from the parsed
//! tree, as a buffer being typed is often half-written and does not parse: the chain of keys
//! above the cursor by indentation (block mappings and sequences, `- ` items, and flow
//! mappings and sequences on the cursor's line), whether a key or a value is being typed, the
//! word typed so far and the byte range a completion replaces, and the keys and values already
//! written around it. In Markdown only the front matter (`---` … `---`) is YAML.

use std::path::Path;

use crate::model::Kind;

/// One step of the path from the document's root to the cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    /// The value of a mapping's key.
    Key(String),
    /// An item of a sequence.
    Item,
}

/// What is being typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// A key of the mapping at the path.
    Key,
    /// The value at the path (a scalar, or an item of a list).
    Value,
}

/// The keys (with their inline scalar values) of one mapping around the cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Obj {
    /// A block mapping whose keys sit at this column.
    Block(usize),
    /// A flow mapping on the cursor's line: its entries.
    Flow(Vec<(String, String)>),
}

/// The cursor's place in a document.
#[derive(Debug, Clone)]
pub struct Context {
    /// The document's kind (`kind:`, else its file name).
    pub kind: Option<Kind>,
    /// From the root to the node at the cursor: for [`Slot::Key`] the mapping whose key is
    /// typed, for [`Slot::Value`] the value typed (ending in [`Seg::Item`] in a list).
    pub path: Vec<Seg>,
    /// Key or value.
    pub slot: Slot,
    /// The word typed so far (the whole word around the cursor).
    pub word: String,
    /// The word's byte range in the text: what a completion replaces.
    pub range: (usize, usize),
    /// The word directly follows `- ` (an item that may be a scalar or a mapping's key).
    pub bare_item: bool,
    /// The character before the word is `:` (a value typed with no space after the colon).
    pub after_colon: bool,
    /// The other items already in the flow or block list the cursor is in.
    pub listed: Vec<String>,
    /// The mappings along the path, innermost last (for [`Context::entries`]).
    objects: Vec<Obj>,
    lines: Vec<(usize, String)>,
    line: usize,
}

impl Context {
    /// The path as text: keys joined by `.`, items as `[]` (`tasks[].depends_on[]`).
    pub fn pattern(&self) -> String {
        let mut out = String::new();
        for seg in &self.path {
            match seg {
                Seg::Key(k) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(k);
                }
                Seg::Item => out.push_str("[]"),
            }
        }
        out
    }

    /// The keys and inline values of a mapping around the cursor: `up` = 0 the innermost
    /// (the one whose key is typed, or that holds the value typed), 1 its parent mapping…
    pub fn entries(&self, up: usize) -> Vec<(String, String)> {
        let Some(at) = self.objects.len().checked_sub(up + 1) else { return Vec::new() };
        match self.objects.get(at) {
            Some(Obj::Flow(entries)) => entries.clone(),
            Some(Obj::Block(col)) => block_entries(&self.lines, self.line, *col),
            None => Vec::new(),
        }
    }

    /// The inline value of `key` in the mapping `up` levels above the cursor's.
    pub fn value_of(&self, up: usize, key: &str) -> Option<String> {
        let entries = self.entries(up);
        entries.into_iter().find(|(k, v)| k == key && !v.is_empty()).map(|(_, v)| v)
    }

    /// A top-level key's inline value (`unit`, `period`).
    pub fn root(&self, key: &str) -> Option<String> {
        let entries = block_entries(&self.lines, self.line, 0);
        entries.into_iter().find(|(k, v)| k == key && !v.is_empty()).map(|(_, v)| v)
    }

    /// Every inline value of `key` in the items of the top-level list `list` (block or flow
    /// items: `tasks:` → each task's `id`).
    pub fn item_values(&self, list: &str, key: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut inside = false;
        for (_, text) in &self.lines {
            let pieces = pieces(text);
            let Some(first) = pieces.first() else { continue };
            if first.col == 0 {
                inside = matches!(&first.what, What::Key(k, _) if k == list);
                continue;
            }
            if !inside {
                continue;
            }
            for p in &pieces {
                match &p.what {
                    What::Key(k, v) if k == key && !v.is_empty() => out.push(v.clone()),
                    What::Flow(rest) if rest.starts_with('{') => {
                        let (entries, _) = flow_entries(rest);
                        out.extend(entries.into_iter().filter(|(k, _)| k == key).map(|e| e.1));
                    }
                    _ => {}
                }
            }
        }
        out.retain(|v| !v.is_empty());
        out
    }
}

/// The kind of a document from its `kind:` (in the YAML `text`), else from its file name.
pub fn kind_of(yaml: &str, path: &Path) -> Option<Kind> {
    let named = yaml.lines().find_map(|l| {
        let rest = l.strip_prefix("kind:")?;
        Kind::from_name(strip_comment(rest).trim().trim_matches(['"', '\'']))
    });
    if named.is_some() {
        return named;
    }
    let name = path.file_name()?.to_str()?;
    match name {
        "planbook.yaml" => Some(Kind::Config),
        "roster.yaml" => Some(Kind::Roster),
        _ if name.ends_with(".budget.yaml") => Some(Kind::Budget),
        _ if name.ends_with(".plan.md") => Some(Kind::Plan),
        _ if name.ends_with(".review.md") => Some(Kind::Review),
        _ if name.ends_with(".md") => Some(Kind::Page),
        _ => None,
    }
}

/// The YAML lines of `text` (the front matter in Markdown): each line's byte offset and
/// its text without the line break.
fn yaml_lines(text: &str, markdown: bool) -> Vec<(usize, String)> {
    let mut all = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        all.push((start, line.trim_end_matches('\r').to_string()));
        start += line.len() + 1;
    }
    if !markdown {
        return all;
    }
    let mut it = all.into_iter();
    match it.next() {
        Some((_, first)) if first.trim_end() == "---" => {}
        _ => return Vec::new(),
    }
    it.take_while(|(_, l)| l.trim_end() != "---" && l.trim_end() != "...").collect()
}

/// The cursor's context at byte `offset` of `text` (the file at `path`), `None` outside the
/// YAML (a Markdown body, a comment) or past the end.
pub fn at(text: &str, path: &Path, offset: usize) -> Option<Context> {
    let markdown = path.extension().is_some_and(|e| e == "md");
    let lines = yaml_lines(text, markdown);
    let yaml: String = lines.iter().map(|(_, l)| format!("{l}\n")).collect();
    let kind = kind_of(&yaml, path);
    let line = lines.iter().rposition(|(start, _)| *start <= offset)?;
    let (start, text_line) = lines.get(line)?;
    let col = offset - start;
    if col > text_line.len() || !text_line.is_char_boundary(col) {
        return None;
    }
    let prefix = &text_line[..col];
    if in_comment(prefix) {
        return None;
    }
    let mut ctx = Context {
        kind,
        path: Vec::new(),
        slot: Slot::Key,
        word: String::new(),
        range: (offset, offset),
        bare_item: false,
        after_colon: false,
        listed: Vec::new(),
        objects: vec![Obj::Block(0)],
        lines: lines.clone(),
        line,
    };
    // The pieces of the cursor's line before the cursor.
    let indent = prefix.len() - prefix.trim_start_matches([' ', '\t']).len();
    let mut pos = indent;
    let mut own: Vec<(usize, Seg)> = Vec::new();
    while let Some(rest) = prefix.get(pos..) {
        if rest == "-" || rest.starts_with("- ") || rest.starts_with("-\t") {
            own.push((pos, Seg::Item));
            pos += 1;
            pos +=
                prefix.get(pos..).map_or(0, |r| r.len() - r.trim_start_matches([' ', '\t']).len());
        } else {
            break;
        }
    }
    let content_col = pos;
    let limit = indent;
    // Ancestors: the lines above with pieces left of the cursor line's first piece.
    let mut above: Vec<(Vec<Seg>, usize)> = Vec::new();
    let mut limit_now = limit;
    for i in (0..line).rev() {
        if limit_now == 0 {
            break;
        }
        let Some((_, l)) = lines.get(i) else { break };
        let ps = pieces(l);
        let Some(first) = ps.first() else { continue };
        if first.col >= limit_now {
            continue;
        }
        let segs: Vec<Seg> = ps
            .iter()
            .filter(|p| p.col < limit_now)
            .filter_map(|p| match &p.what {
                What::Dash => Some(Seg::Item),
                What::Key(k, _) => Some(Seg::Key(k.clone())),
                _ => None,
            })
            .collect();
        above.push((segs, limit_now));
        limit_now = first.col;
    }
    for (segs, child_col) in above.into_iter().rev() {
        ctx.path.extend(segs);
        ctx.objects.push(Obj::Block(child_col));
    }
    let item_here = !own.is_empty();
    let rest = prefix.get(content_col..).unwrap_or("");
    for (_, seg) in &own {
        ctx.path.push(seg.clone());
    }
    // An item opens a mapping whose keys sit after its dash (nested dashes: the last).
    if item_here && !rest.starts_with(['{', '[']) {
        ctx.objects.push(Obj::Block(content_col));
    }
    let after_cursor = text_line.get(col..).unwrap_or("");
    fill(&mut ctx, rest, offset, after_cursor, item_here);
    let own_dash = own.last().map(|o| o.0);
    if ctx.bare_item {
        ctx.listed = block_items(&ctx.lines, line, own_dash.unwrap_or(0));
    }
    let word_col = ctx.range.0.saturating_sub(*start);
    ctx.after_colon = text_line.get(..word_col).is_some_and(|b| b.ends_with(':'));
    Some(ctx)
}

/// Reads the cursor's line from its first key or scalar (`rest`, up to the cursor at byte
/// `offset`; `after` the rest of the line).
fn fill(ctx: &mut Context, rest: &str, offset: usize, after_cursor: &str, item_here: bool) {
    // `key: value…` on the cursor's line.
    if let Some((key, value_at)) = split_key(rest) {
        ctx.path.push(Seg::Key(key));
        let value = rest.get(value_at..).unwrap_or("");
        let value_start = offset - value.len();
        let trimmed = value.trim_start();
        if trimmed.starts_with('{') || trimmed.starts_with('[') {
            let flow_start = value_start + (value.len() - trimmed.len());
            flow(ctx, trimmed, flow_start, after_cursor);
        } else {
            ctx.slot = Slot::Value;
            word_at(ctx, value, value_start, after_cursor);
        }
        return;
    }
    let trimmed = rest.trim_start();
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        let flow_start = offset - trimmed.len();
        flow(ctx, trimmed, flow_start, after_cursor);
        return;
    }
    // A bare word: a key being typed (or a scalar item after `- `).
    ctx.slot = Slot::Key;
    ctx.bare_item = item_here;
    word_at(ctx, rest, offset - rest.len(), after_cursor);
}

/// The word around the cursor: `typed` is the text between the value's start (byte `start`
/// of the file) and the cursor; `after` the rest of the line.
fn word_at(ctx: &mut Context, typed: &str, start: usize, after: &str) {
    let delim = |c: char| c.is_whitespace() || "[]{},:\"'#".contains(c);
    let begin =
        typed.rfind(delim).map_or(0, |i| i + typed[i..].chars().next().map_or(1, char::len_utf8));
    let tail = after.find(delim).unwrap_or(after.len());
    ctx.word = format!("{}{}", &typed[begin..], &after[..tail]);
    let from = start + begin;
    ctx.range = (from, from + ctx.word.len());
}

/// A flow collection starting at byte `start` whose text up to the cursor is `typed`.
fn flow(ctx: &mut Context, typed: &str, start: usize, after: &str) {
    // The open collections: (is a mapping, entries, items, current key, after its colon).
    struct Frame {
        map: bool,
        entries: Vec<(String, String)>,
        items: Vec<String>,
        key: Option<String>,
        token: String,
        token_at: usize,
        closed: bool,
    }
    let mut stack: Vec<Frame> = Vec::new();
    let mut quote: Option<char> = None;
    let mut chars = typed.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if let Some(q) = quote {
            if c == q {
                quote = None;
            } else if let Some(top) = stack.last_mut() {
                top.token.push(c);
            }
            continue;
        }
        match c {
            '{' | '[' => {
                if let Some(top) = stack.last_mut()
                    && let Some(k) = &top.key
                {
                    let path_key = Seg::Key(k.clone());
                    ctx.path.push(path_key);
                } else if stack.last().is_some_and(|t| !t.map) {
                    ctx.path.push(Seg::Item);
                }
                stack.push(Frame {
                    map: c == '{',
                    entries: Vec::new(),
                    items: Vec::new(),
                    key: None,
                    token: String::new(),
                    token_at: i + 1,
                    closed: false,
                });
            }
            '}' | ']' => {
                stack.pop();
                let Some(top) = stack.last_mut() else { break };
                if top.map {
                    if let Some(k) = top.key.take() {
                        top.entries.push((k, String::new()));
                        ctx.path.pop();
                    }
                } else {
                    top.closed = true;
                    ctx.path.pop();
                }
                top.token.clear();
            }
            ',' => {
                if let Some(top) = stack.last_mut() {
                    let token = std::mem::take(&mut top.token).trim().to_string();
                    if top.map {
                        match top.key.take() {
                            Some(k) => top.entries.push((k, token)),
                            None if !token.is_empty() => top.entries.push((token, String::new())),
                            None => {}
                        }
                    } else if !token.is_empty() && !top.closed {
                        top.items.push(token);
                    }
                    top.closed = false;
                    top.token_at = i + 1;
                }
            }
            ':' if chars.peek().is_none_or(|(_, n)| n.is_whitespace())
                && stack.last().is_some_and(|t| t.map && t.key.is_none()) =>
            {
                if let Some(top) = stack.last_mut() {
                    top.key = Some(std::mem::take(&mut top.token).trim().to_string());
                    top.token_at = i + 1;
                }
            }
            '"' | '\'' => quote = Some(c),
            _ => {
                if let Some(top) = stack.last_mut() {
                    top.token.push(c);
                }
            }
        }
    }
    // The mappings the cursor is inside, outermost first, hold the value or key typed.
    let outer = stack.len().saturating_sub(1);
    for frame in stack.iter().take(outer).filter(|f| f.map) {
        ctx.objects.push(Obj::Flow(frame.entries.clone()));
    }
    let Some(top) = stack.pop() else {
        // Every collection closed before the cursor: nothing is being typed.
        ctx.slot = Slot::Value;
        ctx.word.clear();
        ctx.path.push(Seg::Item);
        ctx.listed.clear();
        return;
    };
    // What the rest of the line adds to the innermost collection.
    let (more_entries, more_items) = flow_rest(after);
    let value_typed = typed.get(top.token_at..).unwrap_or("");
    if top.map {
        let mut entries = top.entries;
        entries.extend(more_entries);
        match top.key {
            Some(k) => {
                ctx.path.push(Seg::Key(k));
                ctx.slot = Slot::Value;
            }
            None => ctx.slot = Slot::Key,
        }
        ctx.objects.push(Obj::Flow(entries));
    } else {
        ctx.path.push(Seg::Item);
        ctx.slot = Slot::Value;
        ctx.listed = top.items;
        ctx.listed.extend(more_items);
    }
    word_at(ctx, value_typed, start + top.token_at, after);
}

/// The entries (`key: value`) and items of the rest of a flow collection after the cursor,
/// up to where it closes.
fn flow_rest(after: &str) -> (Vec<(String, String)>, Vec<String>) {
    let mut depth = 0usize;
    let mut end = after.len();
    for (i, c) in after.char_indices() {
        match c {
            '{' | '[' => depth += 1,
            '}' | ']' if depth == 0 => {
                end = i;
                break;
            }
            '}' | ']' => depth -= 1,
            _ => {}
        }
    }
    let body = &after[..end];
    // The word at the cursor is not an entry of its own.
    let body = match body.find(',') {
        Some(i) => &body[i + 1..],
        None => "",
    };
    let (entries, items) = flow_entries(&format!("{{{body}}}"));
    let _ = items;
    let items = split_top(body).into_iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    (entries, items.collect())
}

/// The entries of a one-line flow mapping `{ a: 1, b: 2 }` (and its comma-separated parts).
fn flow_entries(text: &str) -> (Vec<(String, String)>, Vec<String>) {
    let inner = text.trim().trim_start_matches('{');
    let inner = inner.rsplit_once('}').map_or(inner, |(a, _)| a);
    let parts = split_top(inner);
    let mut entries = Vec::new();
    for part in &parts {
        match split_key(part.trim()) {
            Some((k, at)) => {
                let v = part.trim().get(at..).unwrap_or("").trim();
                let v = if v.starts_with(['{', '[']) { "" } else { v };
                entries.push((k, v.trim_matches(['"', '\'']).to_string()));
            }
            None if !part.trim().is_empty() => {
                entries.push((part.trim().to_string(), String::new()))
            }
            None => {}
        }
    }
    (entries, parts.into_iter().map(|s| s.to_string()).collect())
}

/// `text` split at the commas outside nested collections and quotes.
fn split_top(text: &str) -> Vec<&str> {
    let (mut depth, mut quote, mut from, mut out) = (0usize, None, 0, Vec::new());
    for (i, c) in text.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '{' | '[') => depth += 1,
            (None, '}' | ']') => depth = depth.saturating_sub(1),
            (None, ',') if depth == 0 => {
                out.push(&text[from..i]);
                from = i + 1;
            }
            _ => {}
        }
    }
    out.push(&text[from..]);
    out
}

/// `key: …` at the start of `text`: the key and the byte where its value begins.
fn split_key(text: &str) -> Option<(String, usize)> {
    let mut quote = None;
    for (i, c) in text.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') if i == 0 => quote = Some(c),
            (None, '{' | '[' | '#' | ',' | '}' | ']') => return None,
            (None, ':') => {
                let next = text[i + 1..].chars().next();
                if next.is_none_or(char::is_whitespace) {
                    let key = text[..i].trim().trim_matches(['"', '\'']).to_string();
                    return (!key.is_empty()).then_some((key, i + 1));
                }
            }
            _ => {}
        }
    }
    None
}

/// Whether the cursor (at the end of `prefix`) is in a comment.
fn in_comment(prefix: &str) -> bool {
    let mut quote = None;
    let mut prev = ' ';
    for c in prefix.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '#') if prev.is_whitespace() => return true,
            _ => {}
        }
        prev = c;
    }
    false
}

fn strip_comment(text: &str) -> &str {
    match text.find(" #") {
        Some(i) => &text[..i],
        None => text,
    }
}

/// A piece of a line: where it starts and what it is.
#[derive(Debug)]
struct Piece {
    col: usize,
    what: What,
}

#[derive(Debug)]
enum What {
    Dash,
    /// A key with its inline scalar value (empty when none, or a collection).
    Key(String, String),
    /// A flow collection or scalar.
    Flow(String),
}

/// The pieces of a YAML line: its dashes, then a key or a scalar.
fn pieces(line: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut pos = line.len() - line.trim_start_matches([' ', '\t']).len();
    let trimmed = line.trim();
    if trimmed.is_empty() || trimmed.starts_with('#') || trimmed == "---" || trimmed == "..." {
        return out;
    }
    loop {
        let rest = line.get(pos..).unwrap_or("");
        if rest == "-" || rest.starts_with("- ") || rest.starts_with("-\t") {
            out.push(Piece { col: pos, what: What::Dash });
            pos += 1;
            let r = line.get(pos..).unwrap_or("");
            pos += r.len() - r.trim_start_matches([' ', '\t']).len();
            continue;
        }
        if rest.is_empty() {
            break;
        }
        match split_key(rest) {
            Some((k, at)) => {
                let v = strip_comment(rest.get(at..).unwrap_or("")).trim();
                let v = if v.starts_with(['{', '[', '|', '>']) { "" } else { v };
                out.push(Piece {
                    col: pos,
                    what: What::Key(k, v.trim_matches(['"', '\'']).into()),
                });
            }
            None => out.push(Piece { col: pos, what: What::Flow(strip_comment(rest).into()) }),
        }
        break;
    }
    out
}

/// The keys (with inline values) of the block mapping whose keys sit at column `col`
/// around line `line`.
fn block_entries(lines: &[(usize, String)], line: usize, col: usize) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let take = |ps: &[Piece], out: &mut Vec<(String, String)>| {
        for p in ps {
            if let (true, What::Key(k, v)) = (p.col == col, &p.what) {
                out.push((k.clone(), v.clone()));
            }
        }
    };
    for i in (0..=line).rev() {
        let Some((_, l)) = lines.get(i) else { break };
        let ps = pieces(l);
        let Some(first) = ps.first() else { continue };
        take(&ps, &mut out);
        if first.col < col {
            break;
        }
    }
    for (_, l) in lines.iter().skip(line + 1) {
        let ps = pieces(l);
        let Some(first) = ps.first() else { continue };
        if first.col < col {
            break;
        }
        take(&ps, &mut out);
    }
    out
}

/// The scalar items of the block list whose dashes sit at column `col` around `line`
/// (the cursor's own line left out).
fn block_items(lines: &[(usize, String)], line: usize, col: usize) -> Vec<String> {
    let mut out = Vec::new();
    let item = |l: &str| -> Option<Option<String>> {
        let ps = pieces(l);
        let first = ps.first()?;
        if first.col < col {
            return Some(None);
        }
        match (first.col == col, &first.what, ps.get(1)) {
            (true, What::Dash, Some(Piece { what: What::Flow(v), .. })) => {
                Some(Some(v.trim().to_string()))
            }
            _ => Some(Some(String::new())),
        }
    };
    for i in (0..line).rev() {
        let Some((_, l)) = lines.get(i) else { break };
        match item(l) {
            Some(None) => break,
            Some(Some(v)) if !v.is_empty() => out.push(v),
            _ => {}
        }
    }
    for (_, l) in lines.iter().skip(line + 1) {
        match item(l) {
            Some(None) => break,
            Some(Some(v)) if !v.is_empty() => out.push(v),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The context at the `|` in `text`.
    fn ctx(name: &str, text: &str) -> Option<Context> {
        let offset = text.find('|').expect("a cursor");
        let text = text.replacen('|', "", 1);
        at(&text, Path::new(name), offset)
    }

    fn must(name: &str, text: &str) -> Context {
        ctx(name, text).expect("a context")
    }

    #[test]
    fn a_flow_mapping_item_in_a_roster() {
        let text =
            "kind: roster\nunit: henan\npeople:\n  - { id: p002, post: rep, reports_to: p0| }\n";
        let c = must("roster.yaml", text);
        assert_eq!(c.kind, Some(Kind::Roster));
        assert_eq!(c.pattern(), "people[].reports_to");
        assert_eq!(c.slot, Slot::Value);
        assert_eq!(c.word, "p0");
        let at = text.find("p0|").unwrap();
        assert_eq!(c.range, (at, at + 2));
        assert_eq!(c.value_of(0, "id").as_deref(), Some("p002"));
        assert_eq!(c.root("unit").as_deref(), Some("henan"));
    }

    #[test]
    fn a_flow_list_lists_what_is_already_there() {
        let text = "kind: plan\ntasks:\n  - { id: train, depends_on: [hire, |, visit] }\n";
        let c = must("x.plan.md", &format!("---\n{text}---\n"));
        assert_eq!(c.pattern(), "tasks[].depends_on[]");
        assert_eq!(c.slot, Slot::Value);
        assert_eq!(c.word, "");
        assert_eq!(c.listed, ["hire", "visit"]);
        assert_eq!(c.value_of(0, "id").as_deref(), Some("train"));
    }

    #[test]
    fn block_items_keys_and_chinese_text() {
        let text = concat!(
            "kind: review\nunit: 河南\nscores:\n",
            "  - person: 张三\n    note: 很好\n    co|\n"
        );
        let c = must("a.review.md", &format!("---\n{text}---\n# 正文\n"));
        assert_eq!(c.pattern(), "scores[]");
        assert_eq!(c.slot, Slot::Key);
        assert_eq!(c.word, "co");
        let keys: Vec<String> = c.entries(0).into_iter().map(|e| e.0).collect();
        assert_eq!(keys, ["note", "person"]);
        assert_eq!(c.root("unit").as_deref(), Some("河南"));
        let c = must("a.review.md", "---\nkind: review\nscores:\n  - person: 张|\n---\n");
        assert_eq!(
            (c.pattern().as_str(), c.slot, c.word.as_str()),
            ("scores[].person", Slot::Value, "张")
        );
    }

    #[test]
    fn nested_block_mapping_keys_see_their_parent() {
        let text = "scores:\n  - person: p002\n    components:\n      sales: 90\n      |\n";
        let c = must("a.review.md", &format!("---\nkind: review\n{text}---\n"));
        assert_eq!(c.pattern(), "scores[].components");
        assert_eq!(c.slot, Slot::Key);
        assert_eq!(c.entries(0).len(), 1);
        assert_eq!(c.value_of(1, "person").as_deref(), Some("p002"));
        let flow = "scores:\n  - person: p003\n    components: { sales: 80, b| }\n";
        let c = must("a.review.md", &format!("---\nkind: review\n{flow}---\n"));
        assert_eq!(
            (c.pattern().as_str(), c.slot, c.word.as_str()),
            ("scores[].components", Slot::Key, "b")
        );
        assert_eq!(c.value_of(1, "person").as_deref(), Some("p003"));
        assert_eq!(c.entries(0)[0].0, "sales");
    }

    #[test]
    fn crlf_tabs_odd_indentation_and_line_ends() {
        let text = "kind: plan\r\nunit: henan\r\ntasks:\r\n   -   id: a\r\n       owner: |\r\n";
        let c = must("p.plan.md", &format!("---\r\n{text}---\r\n"));
        assert_eq!(c.pattern(), "tasks[].owner");
        assert_eq!(c.slot, Slot::Value);
        assert_eq!(c.value_of(0, "id").as_deref(), Some("a"));
        let tabs = "kind: roster\npeople:\n\t- id: p1\n\t  post: r|";
        let c = must("roster.yaml", tabs);
        assert_eq!((c.pattern().as_str(), c.word.as_str()), ("people[].post", "r"));
        // The cursor at the end of the file, after a colon with no space.
        let c = must("roster.yaml", "kind: roster\nunit:|");
        assert_eq!((c.pattern().as_str(), c.slot), ("unit", Slot::Value));
        assert!(c.after_colon);
        let c = must("roster.yaml", "kind: roster\n|");
        assert_eq!((c.pattern().as_str(), c.slot), ("", Slot::Key));
    }

    #[test]
    fn block_list_items_and_places_with_nothing() {
        let text = "kind: plan\ntasks:\n  - id: b\n    depends_on:\n      - hire\n      - |\n";
        let c = must("p.plan.md", &format!("---\n{text}---\n"));
        assert_eq!(c.pattern(), "tasks[].depends_on[]");
        assert!(c.bare_item);
        assert_eq!(c.listed, ["hire"]);
        assert!(ctx("p.plan.md", "---\nkind: plan\n---\n# 正文 |\n").is_none());
        assert!(ctx("roster.yaml", "kind: roster # 注释 |\n").is_none());
        let text = "kind: plan\n";
        assert!(at(text, Path::new("roster.yaml"), 999).is_none());
        assert_eq!(at("kind: 张", Path::new("roster.yaml"), 7).map(|c| c.word), None);
        assert_eq!(
            must("x.budget.yaml", "lines:\n  - id: a\n    category: |").kind,
            Some(Kind::Budget)
        );
    }

    #[test]
    fn item_values_read_block_and_flow_items() {
        let text = concat!(
            "tasks:\n  - { id: hire, name: 招聘 }\n",
            "  - id: train\n    name: 培训\nx: |\n"
        );
        let c = must("p.plan.md", &format!("---\nkind: plan\n{text}---\n"));
        assert_eq!(c.item_values("tasks", "id"), ["hire", "train"]);
    }
    #[test]
    fn no_offset_of_an_ugly_text_panics() {
        let text = concat!(
            "---\r\nkind: plan\r\n\tunit: \"河南\r\ntasks:\n  - { id: 'a, b: [x, {y: ",
            "z}, ], c: \"张三: 李四\" }\n  - - - 深\n    -\n  ? key\n  : v\nx: [1, [2, [3\n",
            "---\n# 正文 - { a: b }\n"
        );
        for offset in 0..=text.len() + 2 {
            for name in ["p.plan.md", "roster.yaml", "x.txt"] {
                let _ = at(text, Path::new(name), offset);
            }
        }
    }
}
