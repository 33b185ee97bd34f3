//! The tera templates: the defaults in the repository's top-level `templates/` are compiled
//! into the binary and registered under their plain names (`page.html`) and again under
//! `__planbook/<name>`; a data repository's own `templates/*.html` replace them by name.
//!
//! So a user can override the whole layout (`page.html`), one kind of page (`budget.html`), or
//! only one block of a page: `{% extends "__planbook/page.html" %}` and redefine a block.
//! Autoescaping is on for every `.html` template.
//!
//! [`Renderer`] renders one page: every template receives `site` (the shared
//! [`SiteView`](crate::render::view::site::SiteView)), `t` (the UI strings), `page` (the
//! [`PageView`]) and, except the search page, `view`.

use std::path::Path;

use anyhow::Context;
use tera::Tera;

use crate::i18n::{Locale, msg, t};
use crate::render::view::PageView;
use crate::render::view::site::Site;

/// The built-in templates: name and source.
pub const BUILTIN: &[(&str, &str)] = &[
    ("page.html", include_str!("../../templates/page.html")),
    ("macros.html", include_str!("../../templates/macros.html")),
    ("charts.html", include_str!("../../templates/charts.html")),
    ("index.html", include_str!("../../templates/index.html")),
    ("list.html", include_str!("../../templates/list.html")),
    ("unit.html", include_str!("../../templates/unit.html")),
    ("roster.html", include_str!("../../templates/roster.html")),
    ("person.html", include_str!("../../templates/person.html")),
    ("plan.html", include_str!("../../templates/plan.html")),
    ("budget.html", include_str!("../../templates/budget.html")),
    ("review.html", include_str!("../../templates/review.html")),
    ("trends.html", include_str!("../../templates/trends.html")),
    ("changes.html", include_str!("../../templates/changes.html")),
    ("markdown.html", include_str!("../../templates/markdown.html")),
    ("problems.html", include_str!("../../templates/problems.html")),
    ("search.html", include_str!("../../templates/search.html")),
    ("broken.html", include_str!("../../templates/broken.html")),
    ("report.html", include_str!("../../templates/report.html")),
    ("attention.html", include_str!("../../templates/attention.html")),
    ("directory.html", include_str!("../../templates/directory.html")),
    ("directory-macros.html", include_str!("../../templates/directory-macros.html")),
    ("org.html", include_str!("../../templates/org.html")),
];

/// The prefix under which every built-in template is also registered.
pub const BUILTIN_PREFIX: &str = "__planbook/";

/// The built-in templates, under both names; errors are worded in `locale`.
pub fn builtin(locale: Locale) -> anyhow::Result<Tera> {
    let mut tera = Tera::default();
    let both = BUILTIN.iter().flat_map(|(name, source)| {
        [(name.to_string(), *source), (format!("{BUILTIN_PREFIX}{name}"), *source)]
    });
    tera.add_raw_templates(both).with_context(|| t(locale, "handbook-builtin-template-broken"))?;
    tera.autoescape_on(vec![".html", ".htm", ".xml", ".svg"]);
    tera.set_escape_fn(crate::render::util::escape_html);
    Ok(tera)
}

/// The templates for the repository at `root`: the built-ins, with `<root>/templates/**.html`
/// replacing those of the same name.
///
/// The user's templates are added on top of the built-ins (rather than parsed first and then
/// `extend`ed, as Zola does), which gives the same result: a user template wins over the
/// built-in of the same name, and `__planbook/<name>` always names the built-in.
/// Errors are worded in `locale`, the handbook's (`planbook serve` shows them on its pages).
pub fn load(root: &Path, locale: Locale) -> anyhow::Result<Tera> {
    let mut tera = builtin(locale)?;
    let user = user_templates(root, locale)?;
    if !user.is_empty() {
        tera.add_raw_templates(user.iter().map(|(n, s)| (n.as_str(), s.as_str())))
            .with_context(|| t(locale, "handbook-user-templates-broken"))?;
    }
    Ok(tera)
}

/// The templates with what every page shares, serialised once.
pub struct Renderer {
    tera: Tera,
    site: tera::Value,
    t: tera::Value,
    /// The language of errors.
    locale: Locale,
}

impl Renderer {
    /// A renderer of `site`'s pages with `tera`.
    pub fn new(tera: Tera, site: &Site) -> anyhow::Result<Renderer> {
        Ok(Renderer {
            tera,
            site: serde_json::to_value(site.view())?,
            t: serde_json::to_value(&site.strings)?,
            locale: site.fmt.locale,
        })
    }

    /// A context holding what every page shares (`site` and `t`), to be reused page after page
    /// by one thread: [`Renderer::render`] moves a page's header and view in and out of it, so
    /// the shared values are copied once per thread, not once per page.
    pub fn context(&self) -> tera::Context {
        let mut ctx = tera::Context::new();
        ctx.insert("site", &self.site);
        ctx.insert("t", &self.t);
        ctx
    }

    /// Hashes what every page shares into `hasher`.
    pub fn hash_shared(&self, hasher: &mut impl std::hash::Hasher) -> anyhow::Result<()> {
        let mut out = crate::render::util::HashWriter(hasher);
        serde_json::to_writer(&mut out, &self.site)?;
        serde_json::to_writer(&mut out, &self.t)?;
        Ok(())
    }

    /// Renders `page` with `template`, its view (if any) as `view`, in `ctx` (from
    /// [`Renderer::context`]).
    pub fn render(
        &self,
        ctx: &mut tera::Context,
        template: &str,
        page: &PageView,
        view: Option<tera::Value>,
    ) -> anyhow::Result<String> {
        // The view is moved into the context, not copied: `Context::insert` would clone it.
        let mut map = serde_json::Map::new();
        if let Some(view) = view {
            map.insert("view".into(), view);
        }
        map.insert("page".into(), serde_json::to_value(page)?);
        ctx.extend(tera::Context::from_value(tera::Value::Object(map))?);
        let rendered = self.tera.render(template, ctx);
        ctx.remove("view");
        ctx.remove("page");
        rendered.map_err(|e| {
            // tera's own message is in the error's source chain.
            let failed = msg!("handbook-render-failed", page = &page.url, template = template);
            let mut msg = failed.text(self.locale);
            let mut source = std::error::Error::source(&e);
            while let Some(s) = source {
                msg.push_str(&format!(": {s}"));
                source = s.source();
            }
            anyhow::anyhow!("{e}: {msg}")
        })
    }
}

/// A hash of the data repository's own templates (names and sources), which decide with the
/// built-ins how every page renders.
pub fn fingerprint(root: &Path, locale: Locale) -> anyhow::Result<u64> {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    user_templates(root, locale)?.hash(&mut hasher);
    Ok(hasher.finish())
}

/// Whether `dir`, and every folder from `root` down to it, is a real folder, not a symbolic
/// link: the data repository's templates and assets are never read through a link.
pub(crate) fn is_real_dir(root: &Path, dir: &Path) -> bool {
    let Ok(rel) = dir.strip_prefix(root) else { return false };
    let mut path = root.to_path_buf();
    rel.components().all(|c| {
        path.push(c);
        std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_dir())
    })
}

/// `<root>/templates/**.html` as (name, source); the name is the path below `templates/`.
/// Symbolic links are skipped, files and folders alike, so nothing outside the repository is
/// read.
fn user_templates(root: &Path, locale: Locale) -> anyhow::Result<Vec<(String, String)>> {
    let base = root.join("templates");
    let mut out = Vec::new();
    let mut stack = vec![base.clone()];
    stack.retain(|dir| is_real_dir(root, dir));
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(kind) = entry.file_type() else { continue };
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            if kind.is_dir() {
                stack.push(path);
            } else if kind.is_file() && path.extension().is_some_and(|e| e == "html") {
                let Ok(rel) = path.strip_prefix(&base) else { continue };
                let name = rel.iter().map(|p| p.to_string_lossy()).collect::<Vec<_>>().join("/");
                if name.starts_with(BUILTIN_PREFIX) {
                    continue;
                }
                let source = std::fs::read_to_string(&path).with_context(|| {
                    let path = path.display().to_string();
                    msg!("handbook-template-unreadable", path = path).text(locale)
                })?;
                out.push((name, source));
            }
        }
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtins_compile_under_both_names() {
        let tera = builtin(Locale::En).unwrap();
        for (name, _) in BUILTIN {
            assert!(tera.get_template(name).is_ok(), "{name}");
            assert!(tera.get_template(&format!("{BUILTIN_PREFIX}{name}")).is_ok(), "{name}");
        }
    }

    #[test]
    fn a_user_template_replaces_one_block() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("templates")).unwrap();
        std::fs::write(
            dir.path().join("templates/page.html"),
            concat!(
                r#"{% extends "__planbook/page.html" %}"#,
                "{% block footer %}CUSTOM FOOTER{% endblock footer %}"
            ),
        )
        .unwrap();
        let tera = load(dir.path(), Locale::En).unwrap();
        let source = tera.get_template("page.html").unwrap();
        assert_eq!(source.parent.as_deref(), Some("__planbook/page.html"));
    }
}
