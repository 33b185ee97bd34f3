//! Static files of the handbook: the stylesheet and the search script, embedded in the
//! binary, plus any files a data repository keeps in `templates/assets/` (which override the
//! built-in ones of the same name). The live-reload script and the rebuild-failed banner's
//! stylesheet are served only by `planbook serve`.

use std::path::{Path, PathBuf};

/// The built-in stylesheet: the base rules, then one part per area of the handbook
/// (`templates/assets/style/*.css`), joined into one file so a page makes one request.
const STYLE: &str = concat!(
    include_str!("../../templates/assets/style.css"),
    include_str!("../../templates/assets/style/signals.css"),
    include_str!("../../templates/assets/style/attention.css"),
    include_str!("../../templates/assets/style/directory.css"),
    include_str!("../../templates/assets/style/search.css"),
    include_str!("../../templates/assets/style/trends.css"),
    include_str!("../../templates/assets/style/phone.css"),
    include_str!("../../templates/assets/style/report.css"),
);

/// The built-in assets: output path and contents.
pub const BUILTIN: &[(&str, &str)] = &[
    ("assets/style.css", STYLE),
    ("assets/search.js", include_str!("../../templates/assets/search.js")),
];

/// The script `planbook serve` adds to every page: it polls the build version and reloads.
pub const LIVE_RELOAD_JS: &str = include_str!("../../templates/assets/live-reload.js");

/// The stylesheet of the banner `planbook serve` adds to every page while a rebuild has failed.
pub const REBUILD_FAILED_CSS: &str = include_str!("../../templates/assets/rebuild-failed.css");

/// Files under `<root>/templates/assets/`, as (output path, file): regular files only, never
/// through a symbolic link (a link could publish a file from outside the repository), never a
/// pipe or device.
pub fn user_assets(root: &Path) -> Vec<(String, PathBuf)> {
    let base = root.join("templates");
    let mut out = Vec::new();
    let mut stack = vec![base.join("assets")];
    stack.retain(|dir| crate::render::templates::is_real_dir(root, dir));
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(kind) = entry.file_type() else { continue };
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            if hidden || kind.is_symlink() {
                continue;
            }
            if kind.is_dir() {
                stack.push(path);
            } else if !kind.is_file() {
                continue;
            } else if let Ok(rel) = path.strip_prefix(&base) {
                let rel = rel.iter().map(|p| p.to_string_lossy()).collect::<Vec<_>>().join("/");
                out.push((rel, path));
            }
        }
    }
    out.sort();
    out
}
