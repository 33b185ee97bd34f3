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
//! - headings move one level down (the page's title is its only `h1`) and get `id`s.
//!
//! It also returns the plain text, for the search index.

use std::collections::HashSet;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Where a document link leads: the page URL (relative to the current page) for a link path
/// in the repository, `Some(None)` for a repository document that is not published, `None` for
/// anything else.
pub type LinkResolver<'a> = &'a dyn Fn(&str) -> Option<Option<String>>;

/// A rendered Markdown body.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// Safe HTML.
    pub html: String,
    /// The text without markup, for search.
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
    let events: Vec<Event> = Parser::new_ext(markdown, options).collect();
    let first_heading = leading_heading(&events);
    let skip_first = matches!(
        (&first_heading, title),
        (Some((h, HeadingLevel::H1)), Some(t)) if h.trim() == t.trim()
    );
    let mut out = Vec::with_capacity(events.len());
    let mut text = String::new();
    let mut dropped: Vec<bool> = Vec::new();
    let mut ids = HashSet::new();
    let mut skipping = false;
    for (i, event) in events.iter().enumerate() {
        if skip_first && i == 0 {
            skipping = true;
        }
        if skipping {
            if matches!(event, Event::End(TagEnd::Heading(_))) {
                skipping = false;
            }
            continue;
        }
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                text.push_str(t)
            }
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => text.push(' '),
            _ => {}
        }
        out.push(filter(event.clone(), &events[i..], resolve, &mut dropped, &mut ids));
    }
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, out.into_iter().flatten());
    Rendered { html: table_cells(html), text, first_heading: first_heading.map(|(h, _)| h) }
}

/// One event, made safe; `None` drops it.
fn filter<'a>(
    event: Event<'a>,
    rest: &[Event<'a>],
    resolve: LinkResolver,
    dropped: &mut Vec<bool>,
    ids: &mut HashSet<String>,
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

/// An `id` for a heading: its words joined by `-` (Chinese kept), unique within the page.
fn unique_id(text: &str, ids: &mut HashSet<String>) -> String {
    let mut base: String = text
        .trim()
        .chars()
        .map(|c| if c.is_alphanumeric() { c.to_lowercase().next().unwrap_or(c) } else { '-' })
        .collect();
    base = base.split('-').filter(|s| !s.is_empty()).collect::<Vec<_>>().join("-");
    if base.is_empty() {
        base = "section".into();
    }
    let mut id = base.clone();
    let mut n = 1;
    while !ids.insert(id.clone()) {
        n += 1;
        id = format!("{base}-{n}");
    }
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
