//! Suppression comments: a finding a person has looked at and accepted, silenced where it is.
//!
//! A YAML comment `# planbook: allow(plan.task-outside-period) carried over from November`
//! (the full-width colon, parentheses, comma and enumeration comma are read as their ASCII
//! twins) silences the rules it names for diagnostics whose primary span starts on the lines
//! it covers:
//!
//! - a comment after something on its line covers that line;
//! - a comment on its own line covers the next line that is neither blank nor a comment, and
//!   when that line opens a block (a list item `- id: t3`, or a key whose value is indented
//!   below it), the whole block: every following line indented deeper, and for a key such as
//!   `tasks:`, the list items written at its own indentation under it;
//! - `# planbook: allow-file(rule) reason`, anywhere in the file, covers the whole file.
//!
//! A reason after the parentheses is required: without one the comment is itself reported
//! (`suppress.missing-reason`) and silences nothing. Unknown rule ids (`suppress.unknown-rule`,
//! with a did-you-mean), comments that cannot be read (`suppress.malformed`) and rules that
//! matched nothing (`suppress.unused`, with a safe fix deleting the comment or the rule) are
//! reported too. In Markdown files only the front matter is read (no rule points into a body).
//!
//! Comments are not in the YAML tree, so [`apply`] reads the texts in the [`SourceMap`]: a file
//! whose text is empty (not read by a cached `check`) has no suppressions, so the caller makes
//! sure every file that [`mentions`] a directive has its text.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::diag::{Applicability, Diagnostic, Edit, Fix, rules, suggest};
use crate::i18n::msg;
use crate::model::config::Level;
use crate::source::{FileId, SourceFile, SourceMap, Span};

/// The word that starts a directive, after `#`.
const KEYWORD: &str = "planbook";

/// A diagnostic that a suppression comment silenced, and the reason the comment gives.
#[derive(Debug, Clone)]
pub struct Suppressed {
    /// The diagnostic that is not reported.
    pub diagnostic: Diagnostic,
    /// Why, as the comment says (text from the file: escape it before printing).
    pub reason: String,
}

/// What [`apply`] leaves: the diagnostics still reported and those silenced.
#[derive(Debug, Default)]
pub struct Applied {
    /// Reported, with the comments' own problems added, in [`Diagnostic::order`].
    pub kept: Vec<Diagnostic>,
    /// Silenced.
    pub suppressed: Vec<Suppressed>,
}

/// Whether `text` may hold a directive: the cheap test for files a cached load did not read.
pub fn mentions(text: &str) -> bool {
    text.contains(KEYWORD)
}

/// Which lines a directive covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    /// 0-based lines, both ends included.
    Lines(usize, usize),
    /// The whole file.
    File,
}

/// One suppression comment that reads correctly.
#[derive(Debug)]
struct Directive {
    /// From `#` to the end of the line.
    span: Span,
    /// What deleting the comment removes: the whole line when it stands alone.
    delete: Span,
    /// The bytes between the parentheses.
    list: Span,
    scope: Scope,
    /// The rule ids as written, with their spans; only known ids.
    rules: Vec<(&'static rules::Rule, Span)>,
    /// Every id as written, known or not, in order (to rewrite the list).
    written: Vec<String>,
    reason: String,
}

/// The directives of one file and the problems with its comments.
#[derive(Debug, Default)]
struct Scan {
    directives: Vec<Directive>,
    problems: Vec<Diagnostic>,
}

/// A file's directives by the lines they cover, so that each finding looks at the few that
/// could silence it, not at every directive of the file.
struct Covering {
    /// Per 0-based line, the directives (by index, ascending) that cover it.
    lines: Vec<Vec<usize>>,
    /// Directives for the whole file, ascending.
    file: Vec<usize>,
}

impl Covering {
    fn of(directives: &[Directive]) -> Covering {
        let end = directives
            .iter()
            .filter_map(|d| match d.scope {
                Scope::Lines(_, last) => Some(last.saturating_add(1)),
                Scope::File => None,
            })
            .max()
            .unwrap_or(0);
        let mut covering = Covering { lines: vec![Vec::new(); end], file: Vec::new() };
        for (i, d) in directives.iter().enumerate() {
            match d.scope {
                Scope::File => covering.file.push(i),
                Scope::Lines(first, last) => {
                    for line in covering.lines.get_mut(first..=last).into_iter().flatten() {
                        line.push(i);
                    }
                }
            }
        }
        covering
    }

    /// The directives covering `line`, ascending.
    fn at(&self, line: usize) -> impl Iterator<Item = usize> + '_ {
        let on_line = self.lines.get(line).map_or(&[][..], Vec::as_slice);
        let (mut a, mut b) = (on_line.iter().peekable(), self.file.iter().peekable());
        std::iter::from_fn(move || match (a.peek(), b.peek()) {
            (Some(&&x), Some(&&y)) if x <= y => a.next().copied(),
            (Some(_), Some(_)) => b.next().copied(),
            (Some(_), None) => a.next().copied(),
            (None, _) => b.next().copied(),
        })
    }
}

/// Takes out of `diags` those silenced by suppression comments in `sources`, and adds the
/// comments' own problems (with `levels` applied). Diagnostics of the `suppress.*` rules are
/// never silenced. A file in `broken` did not load whole, so its rules did not all run: its
/// directives are not called unused (deleting them would lose the reason once it is fixed).
pub fn apply(
    sources: &SourceMap,
    diags: Vec<Diagnostic>,
    levels: &BTreeMap<String, Level>,
    broken: &HashSet<FileId>,
) -> Applied {
    let mut by_file: HashMap<FileId, Scan> = HashMap::new();
    let mut covering: HashMap<FileId, Covering> = HashMap::new();
    for (id, file) in sources.files() {
        if mentions(&file.text) {
            let scan = scan(id, file);
            if !scan.directives.is_empty() || !scan.problems.is_empty() {
                covering.insert(id, Covering::of(&scan.directives));
                by_file.insert(id, scan);
            }
        }
    }
    if by_file.is_empty() {
        return Applied { kept: diags, suppressed: Vec::new() };
    }
    // Per directive, per rule: whether it silenced something.
    let mut used: HashMap<(FileId, usize, usize), bool> = HashMap::new();
    let mut applied = Applied::default();
    for d in diags {
        let file = d.primary.span.file;
        let hit =
            by_file.get(&file).filter(|_| !d.rule.id.starts_with("suppress.")).and_then(|scan| {
                let line = sources.get(file).line_index(d.primary.span.start);
                covering.get(&file)?.at(line).find_map(|i| {
                    let dir = scan.directives.get(i)?;
                    let r = dir.rules.iter().position(|(r, _)| r.id == d.rule.id)?;
                    Some((i, r, dir.reason.clone()))
                })
            });
        match hit {
            Some((i, r, reason)) => {
                used.insert((file, i, r), true);
                applied.suppressed.push(Suppressed { diagnostic: d, reason });
            }
            None => applied.kept.push(d),
        }
    }
    let mut own = Vec::new();
    let mut files: Vec<_> = by_file.into_iter().collect();
    files.sort_by_key(|(id, _)| *id);
    for (file, scan) in files {
        own.extend(scan.problems);
        if broken.contains(&file) {
            continue;
        }
        for (i, dir) in scan.directives.iter().enumerate() {
            let unused: Vec<usize> =
                (0..dir.rules.len()).filter(|&r| !used.contains_key(&(file, i, r))).collect();
            own.extend(unused_diagnostics(dir, &unused));
        }
    }
    applied.kept.extend(crate::diag::apply_levels(own, levels));
    applied.kept.sort_by(|a, b| Diagnostic::order(a, b, sources));
    applied
}

/// `suppress.unused` for the rules of `dir` at positions `unused`: one for the whole comment
/// (fix: delete it) when none of its rules matched, else one per rule (fix: drop it from the
/// list).
fn unused_diagnostics(dir: &Directive, unused: &[usize]) -> Vec<Diagnostic> {
    if unused.is_empty() {
        return Vec::new();
    }
    let ids = |which: &mut dyn Iterator<Item = &(&'static rules::Rule, Span)>| {
        which.map(|(r, _)| r.id).collect::<Vec<_>>().join(", ")
    };
    if unused.len() == dir.rules.len() {
        let rules = ids(&mut dir.rules.iter());
        let fix = Fix::replace(
            msg!("suppress-unused-fix"),
            Applicability::Safe,
            dir.delete,
            String::new(),
        );
        let d = Diagnostic::new(
            &rules::SUPPRESS_UNUSED,
            msg!("suppress-unused", rules = rules),
            dir.span,
        )
        .help(msg!("suppress-unused-help"))
        .fix(fix);
        return vec![d];
    }
    unused
        .iter()
        .filter_map(|&r| {
            let (rule, span) = dir.rules.get(r)?;
            let keep: Vec<&str> =
                dir.written.iter().map(String::as_str).filter(|w| *w != rule.id).collect();
            let fix = Fix {
                title: msg!("suppress-unused-fix-rule", rule = rule.id),
                applicability: Applicability::Safe,
                edits: vec![Edit { span: dir.list, text: keep.join(", ") }],
            };
            let message = msg!("suppress-unused-rule", rule = rule.id);
            let help = msg!("suppress-unused-rule-help", rule = rule.id);
            Some(Diagnostic::new(&rules::SUPPRESS_UNUSED, message, *span).help(help).fix(fix))
        })
        .collect()
}

/// The lines of `file` that may hold directives: all of a YAML file, the front matter of a
/// Markdown file (between its `---` lines), as a range of 0-based line indexes.
fn region(file: &SourceFile) -> std::ops::Range<usize> {
    let lines = line_count(file);
    let markdown = file
        .path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
    if !markdown {
        return 0..lines;
    }
    if file.line_text(0).trim_start_matches('\u{feff}').trim_end() != "---" {
        return 0..0;
    }
    let close = (1..lines).find(|&i| matches!(file.line_text(i).trim_end(), "---" | "..."));
    1..close.unwrap_or(lines)
}

/// The number of lines of `file`.
fn line_count(file: &SourceFile) -> usize {
    if file.text.is_empty() { 0 } else { file.line_index(file.text.len() as u32) + 1 }
}

/// The directives in `file` (its text must be read), and the problems with its comments.
fn scan(id: FileId, file: &SourceFile) -> Scan {
    let mut out = Scan::default();
    let region = region(file);
    let mut text = Text::default();
    for i in region.clone() {
        let line = file.line_text(i);
        let Some(hash) = text.comment_start(line) else { continue };
        let base = file.line_start(i);
        let at = |from: usize, to: usize| Span::new(id, base + from, base + to);
        let span = at(hash, line.len());
        let code = line.get(..hash).unwrap_or("");
        let alone = code.trim().is_empty();
        let delete = if alone {
            let end = file.line_start(i + 1).saturating_sub(base);
            at(0, end)
        } else {
            at(code.trim_end().len(), line.len())
        };
        let parsed = match parse(line, hash) {
            Some(p) => p,
            None => {
                out.problems.push(
                    Diagnostic::new(&rules::SUPPRESS_MALFORMED, msg!("suppress-malformed"), span)
                        .help(msg!("suppress-malformed-help")),
                );
                continue;
            }
        };
        let mut known = Vec::new();
        for (name, from, to) in &parsed.ids {
            match rules::find(name) {
                Some(rule) => known.push((rule, at(*from, *to))),
                None => {
                    let ids = rules::ALL.iter().map(|r| r.id);
                    let hint = suggest::hint(name, ids, None)
                        .unwrap_or_else(|| msg!("suppress-unknown-rule-help"));
                    let message = msg!("suppress-unknown-rule", id = name.as_str());
                    out.problems.push(
                        Diagnostic::new(&rules::SUPPRESS_UNKNOWN_RULE, message, at(*from, *to))
                            .help(hint),
                    );
                }
            }
        }
        if parsed.reason.is_empty() {
            let written: Vec<&str> = parsed.ids.iter().map(|(n, _, _)| n.as_str()).collect();
            let rules = written.join(", ");
            let message = msg!("suppress-missing-reason", rules = rules.as_str());
            out.problems.push(
                Diagnostic::new(&rules::SUPPRESS_MISSING_REASON, message, span)
                    .help(msg!("suppress-missing-reason-help", rules = rules)),
            );
            continue;
        }
        if known.is_empty() {
            continue;
        }
        let scope = if parsed.file {
            Scope::File
        } else if alone {
            target(file, i, &region)
        } else {
            Scope::Lines(i, i)
        };
        out.directives.push(Directive {
            span,
            delete,
            list: at(parsed.list.0, parsed.list.1),
            scope,
            rules: known,
            written: parsed.ids.into_iter().map(|(n, _, _)| n).collect(),
            reason: parsed.reason,
        });
    }
    out
}

/// The lines a comment standing alone on line `i` covers: the next line that is neither blank
/// nor a comment, and the block it opens.
fn target(file: &SourceFile, i: usize, region: &std::ops::Range<usize>) -> Scope {
    let content = |k: usize| {
        let t = file.line_text(k).trim();
        !t.is_empty() && !t.starts_with('#')
    };
    let Some(first) = (i + 1..region.end).find(|&k| content(k)) else {
        return Scope::Lines(i, i);
    };
    let indent = |k: usize| file.line_text(k).len() - file.line_text(k).trim_start().len();
    let head = file.line_text(first).trim();
    let base = indent(first);
    let item = head == "-" || head.starts_with("- ");
    // `key:` with nothing after it: its list may be written at its own indentation.
    let opens_list = !item && head.ends_with(':');
    let mut last = first;
    for k in first + 1..region.end {
        if !content(k) {
            continue;
        }
        let text = file.line_text(k).trim();
        let deeper = indent(k) > base;
        let own_list = opens_list && indent(k) == base && (text == "-" || text.starts_with("- "));
        if deeper || own_list {
            last = k;
        } else {
            break;
        }
    }
    Scope::Lines(first, last)
}

/// What the lines before say about the next one: inside a block of text (`|`, `>`) opened
/// by a line indented this much, or inside a quoted string that has not closed.
#[derive(Debug, Default)]
struct Text {
    block: Option<usize>,
    quote: Option<char>,
}

impl Text {
    /// Where the comment that holds a directive starts in `line`: a `#` at the start or after
    /// whitespace, outside quotes and blocks of text, followed by `planbook` and a colon. Moves
    /// the state past the line.
    fn comment_start(&mut self, line: &str) -> Option<usize> {
        let indent = line.len() - line.trim_start_matches(' ').len();
        if let Some(opened) = self.block {
            if line.trim().is_empty() || indent > opened {
                return None; // text of the block: a `#` there is the writer's text
            }
            self.block = None;
        }
        let mut comment = None;
        let mut previous = None;
        let mut chars = line.char_indices();
        while let Some((i, c)) = chars.next() {
            match (self.quote, c) {
                (Some('"'), '\\') => {
                    chars.next();
                }
                (Some(q), c) if c == q => self.quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'')
                    if previous.is_none_or(|p: char| p.is_whitespace() || ":-[{,".contains(p)) =>
                {
                    self.quote = Some(c)
                }
                (None, '#') if previous.is_none_or(char::is_whitespace) => {
                    comment = Some(i);
                    break;
                }
                _ => {}
            }
            previous = Some(c);
        }
        let code = line.get(..comment.unwrap_or(line.len())).unwrap_or("").trim_end();
        let last = code.rsplit([' ', '\t']).next().unwrap_or("");
        if self.quote.is_none()
            && (last.starts_with('|') || last.starts_with('>'))
            && last.get(1..).unwrap_or("").chars().all(|c| matches!(c, '-' | '+' | '0'..='9'))
            && code.len() > last.len()
        {
            self.block = Some(indent);
        }
        let hash = comment?;
        let rest = line.get(hash + 1..)?.trim_start();
        let after = rest.strip_prefix(KEYWORD)?;
        after.trim_start().starts_with([':', '：']).then_some(hash)
    }
}

/// A directive as written: `allow` or `allow-file`, the ids with their byte ranges in the
/// line, the range between the parentheses, and the reason.
#[derive(Debug, PartialEq)]
struct Parsed {
    file: bool,
    ids: Vec<(String, usize, usize)>,
    list: (usize, usize),
    reason: String,
}

/// Reads the directive whose comment starts at byte `hash` of `line`; `None` when it does
/// not read as `planbook: allow(ids) reason` or `planbook: allow-file(ids) reason`.
fn parse(line: &str, hash: usize) -> Option<Parsed> {
    let rest_at = |from: usize| line.get(from..).unwrap_or("");
    let mut pos = hash + 1;
    pos = skip_space(line, pos);
    pos += KEYWORD.len();
    pos = skip_space(line, pos);
    let colon = rest_at(pos).chars().next()?;
    pos += colon.len_utf8();
    pos = skip_space(line, pos);
    let word_len = rest_at(pos)
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(rest_at(pos).len());
    let word = rest_at(pos).get(..word_len)?.to_ascii_lowercase();
    let file = match word.as_str() {
        "allow" => false,
        "allow-file" => true,
        _ => return None,
    };
    pos = skip_space(line, pos + word_len);
    let open = rest_at(pos).chars().next().filter(|c| matches!(c, '(' | '（'))?;
    let list_start = pos + open.len_utf8();
    let close = rest_at(list_start).find([')', '）'])?;
    let list_end = list_start + close;
    let close_len = rest_at(list_end).chars().next().map_or(1, char::len_utf8);
    let mut ids = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in line.get(list_start..list_end)?.char_indices() {
        let at = list_start + i;
        let separator = c.is_whitespace() || matches!(c, ',' | '，' | '、');
        match (separator, start) {
            (true, Some(s)) => {
                ids.push((line.get(s..at)?.to_owned(), s, at));
                start = None;
            }
            (false, None) => start = Some(at),
            _ => {}
        }
    }
    if let Some(s) = start {
        ids.push((line.get(s..list_end)?.to_owned(), s, list_end));
    }
    if ids.is_empty() {
        return None;
    }
    let reason = rest_at(list_end + close_len)
        .trim_start_matches(|c: char| c.is_whitespace() || ":：-—–,，;；".contains(c))
        .trim_end()
        .to_owned();
    Some(Parsed { file, ids, list: (list_start, list_end), reason })
}

/// `pos` moved past whitespace in `line`.
fn skip_space(line: &str, pos: usize) -> usize {
    let rest = line.get(pos..).unwrap_or("");
    pos + (rest.len() - rest.trim_start().len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::rules;
    use crate::i18n::Locale;
    use std::path::PathBuf;

    fn sources(path: &str, text: &str) -> SourceMap {
        let mut map = SourceMap::default();
        map.add(PathBuf::from(path), text.to_owned());
        map
    }

    fn diag_at(map: &SourceMap, rule: &'static rules::Rule, needle: &str) -> Diagnostic {
        let text = &map.get(FileId(0)).text;
        let start = text.find(needle).expect("needle") as u32;
        let span = Span::new(FileId(0), start as usize, start as usize + needle.len());
        Diagnostic::new(rule, msg!("suppress-unused-fix"), span)
    }

    fn run(path: &str, text: &str, needles: &[(&'static rules::Rule, &str)]) -> Applied {
        let map = sources(path, text);
        let diags = needles.iter().map(|(r, n)| diag_at(&map, r, n)).collect();
        apply(&map, diags, &BTreeMap::new(), &HashSet::new())
    }

    fn ids(diags: &[Diagnostic]) -> Vec<&str> {
        diags.iter().map(|d| d.rule.id).collect()
    }

    const PLAN: &str = concat!(
        "kind: plan\ntasks:\n",
        "  # planbook: allow(plan.task-outside-period) from Nov\n",
        "  - id: t3\n    due: 2027-01-15\n",
        "  - id: t4\n    due: 2027-02-01\n",
    );

    #[test]
    fn a_comment_above_a_list_item_covers_the_whole_item_and_no_more() {
        let r = &rules::PLAN_TASK_OUTSIDE_PERIOD;
        let applied = run("p.yaml", PLAN, &[(r, "2027-01-15"), (r, "2027-02-01")]);
        assert_eq!(applied.suppressed.len(), 1);
        assert_eq!(applied.suppressed[0].reason, "from Nov");
        assert_eq!(ids(&applied.kept), ["plan.task-outside-period"]);
        let start = applied.kept[0].primary.span.start as usize;
        assert_eq!(&PLAN[start..start + 10], "2027-02-01");
    }

    #[test]
    fn a_trailing_comment_covers_its_line_only() {
        let text = "a: 1  # planbook: allow(schema.type) known\nb: 2\n";
        let r = &rules::SCHEMA_TYPE;
        let applied = run("x.yaml", text, &[(r, "1"), (r, "2")]);
        assert_eq!(applied.suppressed.len(), 1);
        assert_eq!(applied.kept.len(), 1);
    }

    #[test]
    fn a_comment_above_a_key_covers_its_list_at_the_same_indentation() {
        let text = "# planbook: allow(schema.type) all of them\ntasks:\n- a: 1\n- a: 2\nnext: 3\n";
        let r = &rules::SCHEMA_TYPE;
        let applied = run("x.yaml", text, &[(r, "1"), (r, "2"), (r, "3")]);
        assert_eq!(applied.suppressed.len(), 2);
        assert_eq!(applied.kept.len(), 1);
    }

    #[test]
    fn full_width_punctuation_reads_as_ascii() {
        let text = "a: 1 # planbook：allow（schema.type，schema.value） 历史遗留\n";
        let applied = run("x.yaml", text, &[(&rules::SCHEMA_TYPE, "1")]);
        assert_eq!(applied.suppressed.len(), 1);
        assert_eq!(applied.suppressed[0].reason, "历史遗留");
        // `schema.value` matched nothing: reported, with a fix that drops it from the list.
        assert_eq!(ids(&applied.kept), ["suppress.unused"]);
        let fix = &applied.kept[0].fixes[0];
        assert_eq!(fix.edits[0].text, "schema.type");
    }

    #[test]
    fn no_reason_is_reported_and_silences_nothing() {
        let text = "a: 1 # planbook: allow(schema.type)\n";
        let applied = run("x.yaml", text, &[(&rules::SCHEMA_TYPE, "1")]);
        assert!(applied.suppressed.is_empty());
        assert_eq!(ids(&applied.kept), ["schema.type", "suppress.missing-reason"]);
    }

    #[test]
    fn unknown_rules_get_a_did_you_mean() {
        let text = "a: 1 # planbook: allow(schema.typo) a reason\n";
        let applied = run("x.yaml", text, &[]);
        assert_eq!(ids(&applied.kept), ["suppress.unknown-rule"]);
        let help = applied.kept[0].help.as_ref().expect("help").text(Locale::En);
        assert!(help.contains("schema.type"), "{help}");
    }

    #[test]
    fn an_unused_comment_on_its_own_line_is_deleted_with_its_line() {
        let text = "a: 1\n# planbook: allow(schema.type) a reason\nb: 2\n";
        let applied = run("x.yaml", text, &[]);
        assert_eq!(ids(&applied.kept), ["suppress.unused"]);
        let edit = &applied.kept[0].fixes[0].edits[0];
        let mut fixed = text.to_owned();
        fixed.replace_range(edit.span.start as usize..edit.span.end as usize, &edit.text);
        assert_eq!(fixed, "a: 1\nb: 2\n");
        let trailing = "a: 1   # planbook: allow(schema.type) a reason\nb: 2\n";
        let applied = run("x.yaml", trailing, &[]);
        let edit = &applied.kept[0].fixes[0].edits[0];
        let mut fixed = trailing.to_owned();
        fixed.replace_range(edit.span.start as usize..edit.span.end as usize, &edit.text);
        assert_eq!(fixed, "a: 1\nb: 2\n");
    }

    #[test]
    fn file_level_and_markdown_front_matter() {
        let text = "---\n# planbook: allow-file(schema.type) whole file\na: 1\n---\nbody\n";
        let applied = run("x.md", text, &[(&rules::SCHEMA_TYPE, "1")]);
        assert_eq!(applied.suppressed.len(), 1);
        // A heading in a Markdown body is not a comment.
        let body = "---\na: 1\n---\n# planbook: allow(schema.type) x\n";
        let applied = run("x.md", body, &[(&rules::SCHEMA_TYPE, "1")]);
        assert!(applied.suppressed.is_empty() && applied.kept.len() == 1);
    }

    #[test]
    fn what_does_not_read_as_a_directive() {
        for text in ["a: 1 # planbook: allowed schema.type x\n", "a: 1 # planbook: allow() x\n"] {
            let applied = run("x.yaml", text, &[]);
            assert_eq!(ids(&applied.kept), ["suppress.malformed"], "{text}");
        }
        // Not a comment: no `#` before it, or `#` inside a word.
        for text in ["a: planbook: allow(x) y\n", "a: b#planbook: allow(x) y\n"] {
            assert!(run("x.yaml", text, &[]).kept.is_empty(), "{text}");
        }
    }

    /// A `# planbook:` inside a quoted string or a block of text is the writer's text, not a
    /// directive (deleting it as "unused" would change their text).
    #[test]
    fn directives_are_read_only_in_comments() {
        let lines = |text: &str| {
            let mut state = Text::default();
            text.lines().map(|l| state.comment_start(l).is_some()).collect::<Vec<_>>()
        };
        let quoted = "note: \"暂不补人 # planbook: allow(roster.vacancy) x\"\n";
        assert_eq!(lines(quoted), [false]);
        let single = "note: '暂不补人 # planbook: allow(roster.vacancy) x'\n";
        assert_eq!(lines(single), [false]);
        let block = concat!(
            "duties: >-\n  a\n  b # planbook: allow(roster.vacancy) x\n",
            "pay: 1 # planbook: allow(a) b\n"
        );
        assert_eq!(lines(block), [false, false, false, true]);
        let trailing = "pay: 900 # planbook: allow(roster.vacancy) 机动\n";
        assert_eq!(lines(trailing), [true]);
        let open = "note: \"a\n  # planbook: allow(x) y\"\nb: 1\n# planbook: allow(x) y\n";
        assert_eq!(lines(open), [false, false, false, true]);
    }
}
