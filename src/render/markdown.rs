//! Markdown to safe HTML: the only user text that reaches a page without tera's autoescape.
//!
//! pulldown-cmark parses the narrative; before HTML is written, the events are filtered:
//!
//! - raw HTML (block and inline) becomes text, so it is escaped like any other text;
//! - link and image URLs must be `http`, `https`, `mailto` or relative; any other scheme
//!   (`javascript:`, `data:`, `vbscript:`…, in any case and with any whitespace or control
//!   characters inside) drops the link and keeps its text;
//! - links to other documents of the repository (`2026-12.budget.yaml`) are rewritten to their
//!   handbook pages; a link to a document that is not published is dropped;
//! - headings move one level down (the page's title is its only `h1`) and get `id`s;
//! - a soft line break between two CJK characters is dropped rather than read as a space
//!   ([`joins_across_break`], the rule of pandoc's `east_asian_line_breaks`).
//!
//! It also returns the plain text, for the search index (normalised and cut as the index
//! keeps it, so a 50 MB body is never copied whole for search).
//!
//! Nesting is bounded before parsing ([`cap_nesting`]): beyond [`MAX_NESTING`] block quotes
//! or list items on one line, open brackets, or emphasis markers in a row, the markers are
//! escaped and render as text, so hostile Markdown costs memory linear in its size.

use std::borrow::Cow;
use std::collections::{HashSet, VecDeque};

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::render::search::Text;
use crate::render::util::joins_across_break;

/// Where a document link leads: the page URL (relative to the current page) for a link path
/// in the repository, `Some(None)` for a repository document that is not published, `None` for
/// anything else.
pub type LinkResolver<'a> = &'a dyn Fn(&str) -> Option<Option<String>>;

/// A rendered Markdown body.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// Safe HTML.
    pub html: String,
    /// The text without markup, for search: whitespace collapsed, cut at
    /// [`search::MAX_TEXT`](crate::render::search::MAX_TEXT) characters.
    pub text: String,
    /// The text of the first heading, if the body starts with one.
    pub first_heading: Option<String>,
}

/// Renders `markdown`. A leading level-1 heading equal to `title` is left out (the page shows
/// the title already); `resolve` maps links to other documents.
pub fn render(markdown: &str, title: Option<&str>, resolve: LinkResolver) -> Rendered {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_TASKLISTS);
    options.insert(Options::ENABLE_FOOTNOTES);
    let markdown = cap_nesting(markdown);
    let mut parser = Parser::new_ext(&markdown, options);
    let mut first_heading: Option<String> = None;
    let mut text = Text::default();
    let mut dropped: Vec<bool> = Vec::new();
    let mut ids = HeadingIds::default();
    let mut first = true;
    let mut queue: VecDeque<Event> = VecDeque::new();
    // The text of the current block, for search, and its last character (soft breaks).
    let mut block = String::new();
    let mut last: Option<char> = None;
    // Events stream from the parser through the filter into the HTML writer; only a heading
    // (whose text names its `id`) is held whole, never the document's events.
    let out = std::iter::from_fn(|| {
        loop {
            if let Some(event) = queue.pop_front() {
                return Some(event);
            }
            let mut group = vec![parser.next()?];
            if let Event::Start(Tag::Heading { .. }) = group[0] {
                for event in parser.by_ref() {
                    let end = matches!(event, Event::End(TagEnd::Heading(_)));
                    group.push(event);
                    if end {
                        break;
                    }
                }
            } else if let Event::SoftBreak = group[0] {
                // A soft break waits for the text after it, which decides whether it is a space.
                for event in parser.by_ref() {
                    let inline = is_inline_tag(&event);
                    group.push(event);
                    if !inline {
                        break;
                    }
                }
            }
            if std::mem::take(&mut first)
                && let Some((h, level)) = leading_heading(&group)
            {
                let repeats_title =
                    level == HeadingLevel::H1 && title.is_some_and(|t| h.trim() == t.trim());
                first_heading = Some(h);
                if repeats_title {
                    continue;
                }
            }
            for (i, event) in group.iter().enumerate() {
                match event {
                    Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                        push_bounded(&mut block, t);
                        last = t.chars().next_back().or(last);
                    }
                    Event::SoftBreak => {
                        let next = first_char(&group[i + 1..]);
                        if last.zip(next).is_some_and(|(b, a)| joins_across_break(b, a)) {
                            continue;
                        }
                        block.push(' ');
                    }
                    Event::HardBreak => block.push(' '),
                    _ if is_inline_tag(event) => {}
                    _ => {
                        // A block starts or ends: its text is a separate piece for search.
                        text.push(&block).push(" ");
                        block.clear();
                        last = None;
                    }
                }
                queue.extend(filter(event.clone(), &group[i..], resolve, &mut dropped, &mut ids));
            }
        }
    });
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, out);
    text.push(&block);
    Rendered { html: table_cells(html), text: text.into_string(), first_heading }
}

/// Whether `event` opens or closes inline markup (emphasis, a link…), which a soft break looks
/// through for the characters on either side.
fn is_inline_tag(event: &Event) -> bool {
    match event {
        Event::Start(tag) => matches!(
            tag,
            Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript
                | Tag::Link { .. }
                | Tag::Image { .. }
        ),
        Event::End(tag) => matches!(
            tag,
            TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript
                | TagEnd::Link
                | TagEnd::Image
        ),
        _ => false,
    }
}

/// The first character of the text that `events` start with, looking through inline markup.
fn first_char(events: &[Event]) -> Option<char> {
    for event in events {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                if let Some(c) = t.chars().next() {
                    return Some(c);
                }
            }
            _ if is_inline_tag(event) => {}
            _ => return None,
        }
    }
    None
}

/// Adds `piece` to a block's search text, up to what the index can keep of it.
fn push_bounded(block: &mut String, piece: &str) {
    const CAP: usize = crate::render::search::MAX_TEXT * 4;
    if block.len() + piece.len() <= CAP {
        block.push_str(piece);
    } else if block.len() < CAP {
        let mut end = CAP - block.len();
        while !piece.is_char_boundary(end) {
            end -= 1;
        }
        block.push_str(&piece[..end]);
    }
}

/// How deeply Markdown may nest: block quotes and list items opened on one line, brackets
/// open at once on a line, and emphasis markers in a row. Beyond it the markers are text.
pub const MAX_NESTING: usize = 32;

/// `markdown` with nesting beyond [`MAX_NESTING`] escaped (a `\\` before each marker past the
/// limit), borrowed unchanged when nothing nests that deeply. One pass, linear in the text.
///
/// # Examples
///
/// ```
/// use planbook::render::markdown::{MAX_NESTING, cap_nesting};
/// assert_eq!(cap_nesting("> quoted *and* [linked](a.md)"), "> quoted *and* [linked](a.md)");
/// let deep = "> ".repeat(MAX_NESTING + 2);
/// assert_eq!(cap_nesting(&deep), format!("{}\\> \\> ", "> ".repeat(MAX_NESTING)));
/// ```
pub fn cap_nesting(markdown: &str) -> Cow<'_, str> {
    let bytes = markdown.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut escape = |at: usize, out: &mut Option<String>| {
        let o = out.get_or_insert_with(|| String::with_capacity(markdown.len() + 64));
        o.push_str(&markdown[copied..at]);
        o.push('\\');
        copied = at;
    };
    let mut start = 0;
    while start < bytes.len() {
        // A line ends at `\n`, `\r\n` or a lone `\r`, as pulldown-cmark reads it.
        let end = match bytes[start..].iter().position(|&b| b == b'\n' || b == b'\r') {
            None => bytes.len(),
            Some(p) if bytes[start + p] == b'\r' && bytes.get(start + p + 1) == Some(&b'\n') => {
                start + p + 2
            }
            Some(p) => start + p + 1,
        };
        // Container markers at the start of the line: `>`, `-`, `*`, `+`, `1.`, `1)`.
        let (mut i, mut depth) = (start, 0);
        loop {
            while i < end && (bytes[i] == b' ' || bytes[i] == b'\t') {
                i += 1;
            }
            let digits = bytes[i..end].iter().take_while(|b| b.is_ascii_digit()).count();
            let marker = match bytes.get(i) {
                Some(b'>') => 1,
                Some(b'-' | b'*' | b'+') if matches!(bytes.get(i + 1), Some(b' ' | b'\t')) => 1,
                _ if (1..=9).contains(&digits)
                    && matches!(bytes.get(i + digits), Some(b'.' | b')'))
                    && matches!(bytes.get(i + digits + 1), Some(b' ' | b'\t')) =>
                {
                    digits + 1
                }
                _ => break,
            };
            depth += 1;
            if depth > MAX_NESTING {
                escape(i + marker - 1, &mut out);
            }
            i += marker;
        }
        // Inline: brackets open at once, and runs of emphasis markers.
        let (mut open, mut run, mut run_of) = (0usize, 0usize, 0u8);
        while i < end {
            let b = bytes[i];
            if b == b'\\' {
                i += 2;
                run = 0;
                continue;
            }
            match b {
                b'[' => {
                    open += 1;
                    if open > MAX_NESTING {
                        escape(i, &mut out);
                    }
                }
                b']' => open = open.saturating_sub(1),
                _ => {}
            }
            if matches!(b, b'*' | b'_' | b'~') {
                run = if run_of == b { run + 1 } else { 1 };
                run_of = b;
                if run > MAX_NESTING {
                    escape(i, &mut out);
                }
            } else {
                run = 0;
            }
            i += 1;
        }
        start = end;
    }
    match out {
        Some(mut o) => {
            o.push_str(&markdown[copied..]);
            Cow::Owned(o)
        }
        None => Cow::Borrowed(markdown),
    }
}

/// One event, made safe; `None` drops it.
fn filter<'a>(
    event: Event<'a>,
    rest: &[Event<'a>],
    resolve: LinkResolver,
    dropped: &mut Vec<bool>,
    ids: &mut HeadingIds,
) -> Option<Event<'a>> {
    match event {
        Event::Html(t) | Event::InlineHtml(t) => Some(Event::Text(t)),
        Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
            let url = safe_url(&dest_url, resolve);
            dropped.push(url.is_none());
            url.map(|dest_url| Event::Start(Tag::Link { link_type, dest_url, title, id }))
        }
        Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
            let url = safe_url(&dest_url, resolve);
            dropped.push(url.is_none());
            url.map(|dest_url| Event::Start(Tag::Image { link_type, dest_url, title, id }))
        }
        Event::End(TagEnd::Link | TagEnd::Image) => {
            if dropped.pop().unwrap_or(false) {
                None
            } else {
                Some(event)
            }
        }
        Event::Start(Tag::Heading { level, classes, attrs, .. }) => {
            let text = heading_text(rest);
            let id = unique_id(&text, ids);
            Some(Event::Start(Tag::Heading {
                level: demote(level),
                id: Some(CowStr::from(id)),
                classes,
                attrs,
            }))
        }
        Event::End(TagEnd::Heading(level)) => Some(Event::End(TagEnd::Heading(demote(level)))),
        other => Some(other),
    }
}

/// The URL to write for `url`, or `None` to drop the link.
fn safe_url<'a>(url: &CowStr<'a>, resolve: LinkResolver) -> Option<CowStr<'a>> {
    match scheme(url) {
        Some(s) if ["http", "https", "mailto"].contains(&s.as_str()) => Some(url.clone()),
        Some(_) => None,
        None => {
            if url.starts_with('#') || url.starts_with('/') || url.is_empty() {
                return Some(url.clone());
            }
            let (path, fragment) =
                url.split_once('#').map_or((&**url, None), |(p, f)| (p, Some(f)));
            match resolve(path) {
                Some(Some(page)) => Some(CowStr::from(match fragment {
                    Some(f) => format!("{page}#{f}"),
                    None => page,
                })),
                Some(None) => None,
                None => Some(url.clone()),
            }
        }
    }
}

/// The scheme of `url`, lower-cased, as a browser would read it: control characters and
/// whitespace are ignored, and a scheme ends at the first `:` before any `/`, `?` or `#`.
///
/// # Examples
///
/// ```
/// use planbook::render::markdown::scheme;
/// assert_eq!(scheme(" Java\tScript:alert(1)").as_deref(), Some("javascript"));
/// assert_eq!(scheme("../budget.yaml"), None);
/// assert_eq!(scheme("a/b:c"), None);
/// ```
pub fn scheme(url: &str) -> Option<String> {
    let cleaned: String =
        url.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect::<String>();
    let end = cleaned.find([':', '/', '?', '#'])?;
    if cleaned[end..].starts_with(':') {
        return Some(cleaned[..end].to_ascii_lowercase());
    }
    // `&#58;` and the like are decoded by the parser already; a colon-less URL is relative.
    None
}

fn demote(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// The text of the heading that starts `events`.
fn heading_text(events: &[Event]) -> String {
    let mut text = String::new();
    for event in events.iter().skip(1) {
        match event {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            _ => {}
        }
    }
    text
}

/// The body's first heading, when the body starts with one.
fn leading_heading(events: &[Event]) -> Option<(String, HeadingLevel)> {
    match events.first() {
        Some(Event::Start(Tag::Heading { level, .. })) => Some((heading_text(events), *level)),
        _ => None,
    }
}

/// The heading ids given out on one page, and the next number to try after each base: a page
/// of thousands of headings with the same text numbers them in linear time.
#[derive(Default)]
struct HeadingIds {
    taken: HashSet<String>,
    next: std::collections::HashMap<String, usize>,
}

/// An `id` for a heading: its words joined by `-` (Chinese kept), unique within the page.
fn unique_id(text: &str, ids: &mut HeadingIds) -> String {
    let mut base: String = text
        .trim()
        .chars()
        .map(|c| if c.is_alphanumeric() { c.to_lowercase().next().unwrap_or(c) } else { '-' })
        .collect();
    base = base.split('-').filter(|s| !s.is_empty()).collect::<Vec<_>>().join("-");
    if base.is_empty() {
        base = "section".into();
    }
    let mut n = ids.next.get(&base).copied().unwrap_or(1);
    let mut id = if n == 1 { base.clone() } else { format!("{base}-{n}") };
    while !ids.taken.insert(id.clone()) {
        n += 1;
        id = format!("{base}-{n}");
    }
    ids.next.insert(base, n + 1);
    id
}

/// Gives table header cells a scope, and turns alignment styles (which the Content Security
/// Policy blocks) into classes. User text cannot produce a raw `<`, so only cells that
/// pulldown-cmark wrote are touched.
fn table_cells(html: String) -> String {
    if !html.contains("<table>") {
        return html;
    }
    let mut out = html.replace("<th>", "<th scope=\"col\">");
    for align in ["left", "center", "right"] {
        out = out
            .replace(
                &format!("<th style=\"text-align: {align}\">"),
                &format!("<th scope=\"col\" class=\"align-{align}\">"),
            )
            .replace(
                &format!("<td style=\"text-align: {align}\">"),
                &format!("<td class=\"align-{align}\">"),
            );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(md: &str) -> String {
        render(md, None, &|_| None).html
    }

    #[test]
    fn raw_html_is_escaped() {
        let out = html("<script>alert(1)</script>\n\nhi <img src=x onerror=alert(1)>");
        assert!(!out.contains("<script"), "{out}");
        assert!(!out.contains("<img"), "{out}");
        assert!(out.contains("&lt;script&gt;"), "{out}");
    }

    #[test]
    fn dangerous_schemes_are_dropped() {
        for url in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "java\tscript:x",
            "data:text/html,x",
            " vbscript:x",
        ] {
            let out = html(&format!("[click]({url}) ![img]({url})"));
            assert!(!out.contains("href"), "{url}: {out}");
            assert!(!out.contains("<img"), "{url}: {out}");
            assert!(out.contains("click"), "{out}");
        }
        let out =
            html("<javascript:alert(1)> [ok](https://example.com) [rel](a/b.html) [m](mailto:a@b)");
        assert!(!out.contains("href=\"javascript"), "{out}");
        assert!(out.contains("javascript:alert(1)"), "the text of a dropped link stays: {out}");
        assert_eq!(out.matches("href").count(), 3, "{out}");
    }

    #[test]
    fn headings_move_down_and_the_title_is_not_repeated() {
        let out = render("# 计划\n\n## 一、问题\n\ntext", Some("计划"), &|_| None);
        assert!(!out.html.contains("<h1"), "{}", out.html);
        assert!(out.html.contains("<h3 id=\"一-问题\">"), "{}", out.html);
        assert_eq!(out.first_heading.as_deref(), Some("计划"));
    }

    #[test]
    fn table_headers_get_a_scope_and_no_inline_style() {
        let out = html("| a | b |\n|:-|-:|\n| 1 | 2 |\n\n<th>");
        assert!(out.contains("<th scope=\"col\" class=\"align-left\">a</th>"), "{out}");
        assert!(out.contains("<td class=\"align-right\">2</td>"), "{out}");
        assert!(!out.contains("style="), "{out}");
        assert!(out.contains("&lt;th&gt;"), "{out}");
    }

    #[test]
    fn soft_breaks_between_cjk_characters_are_dropped() {
        let cases = [
            ("那种\n大批发", "<p>那种大批发</p>"),
            ("以内。\n预算细化", "<p>以内。预算细化</p>"),
            ("plain\nwords", "<p>plain\nwords</p>"),
            ("预算\nBudget\n年度", "<p>预算\nBudget\n年度</p>"),
            ("**强调**\n文字", "<p><strong>强调</strong>文字</p>"),
            ("文字\n*强调*", "<p>文字<em>强调</em></p>"),
            ("文字\n[链接](a.html)", "<p>文字<a href=\"a.html\">链接</a></p>"),
            ("硬换行  \n保留", "<p>硬换行<br />\n保留</p>"),
            ("反斜杠\\\n保留", "<p>反斜杠<br />\n保留</p>"),
        ];
        for (md, want) in cases {
            assert_eq!(html(md).trim_end(), want, "{md:?}");
        }
    }

    #[test]
    fn search_text_has_no_space_from_a_dropped_break() {
        let out = render("那种\n大**批发**\n的做法\nand\nmore\n\n段落", None, &|_| None);
        assert_eq!(out.text, "那种大批发的做法 and more 段落");
    }

    #[test]
    fn document_links_are_rewritten() {
        let resolve = |p: &str| match p {
            "b.yaml" => Some(Some("../budgets/b.html".to_string())),
            "secret.md" => Some(None),
            _ => None,
        };
        let out = render("[b](b.yaml#x) [s](secret.md) [o](other.pdf)", None, &resolve).html;
        assert!(out.contains("href=\"../budgets/b.html#x\""), "{out}");
        assert!(!out.contains("secret"), "{out}");
        assert!(out.contains("href=\"other.pdf\""), "{out}");
    }
}
