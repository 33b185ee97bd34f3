//! Keeps ARCHITECTURE.md true: every `crate::` path in a module must name a module that
//! ARCHITECTURE.md's "Layers" list allows it to use, and every module must be listed.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The `- \`module\` uses: a, b, c` lines under ARCHITECTURE.md's "## Layers" heading.
fn allowed() -> BTreeMap<String, BTreeSet<String>> {
    let doc = std::fs::read_to_string(root().join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let section = doc.split("\n## Layers\n").nth(1).expect("ARCHITECTURE.md has a Layers section");
    let section = section.split("\n## ").next().unwrap_or(section);
    let mut map = BTreeMap::new();
    for line in section.lines() {
        let Some(rest) = line.strip_prefix("- `") else { continue };
        let (module, rest) = rest.split_once('`').expect("- `module` uses: …");
        let uses = rest.trim().strip_prefix("uses:").expect("- `module` uses: …");
        let uses = uses.trim().trim_end_matches('.');
        let set = if uses == "nothing" {
            BTreeSet::new()
        } else {
            uses.split(',').map(|u| u.trim().trim_matches('`').to_string()).collect()
        };
        map.insert(module.to_string(), set);
    }
    map
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The top-level module a source file belongs to (`src/load/walk.rs` → `load`).
fn module_of(path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root().join("src")).ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    match first {
        "lib.rs" | "main.rs" => None,
        f => Some(f.trim_end_matches(".rs").to_string()),
    }
}

/// Every top-level module named by a `crate::` path in `text`, grouped imports included.
fn used_modules(text: &str) -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    for (at, _) in text.match_indices("crate::") {
        let before = text[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        let rest = &text[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // `crate::{a::B, b, c::{D, E}}`: the names at the group's first level.
            let mut depth = 0;
            let mut item = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        used.insert(first_segment(&item));
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                if depth == 0 {
                    item.push(c);
                }
            }
            used.insert(first_segment(&item));
        } else {
            used.insert(first_segment(rest));
        }
    }
    // `msg!` is exported at the crate root, but it is i18n's.
    if used.remove("msg") {
        used.insert("i18n".to_owned());
    }
    used.remove("");
    used
}

fn first_segment(path: &str) -> String {
    path.trim().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn modules_use_only_the_layers_architecture_md_allows() {
    let allowed = allowed();
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    files.sort();
    let mut problems = Vec::new();
    let mut modules = BTreeSet::new();
    for file in &files {
        let Some(module) = module_of(file) else { continue };
        modules.insert(module.clone());
        let Some(may_use) = allowed.get(&module) else { continue };
        let text = std::fs::read_to_string(file).expect("read source");
        // Unit tests (at the bottom of a file, by convention) may build their inputs with
        // any stage; only the code that ships is held to the layers.
        let text = text.split("#[cfg(test)]").next().unwrap_or(&text);
        for used in used_modules(text) {
            if used != module && !may_use.contains(&used) {
                let rel = file.strip_prefix(root()).unwrap_or(file);
                problems.push(format!("{} uses `{used}`, which `{module}` may not", rel.display()));
            }
        }
    }
    for module in &modules {
        if !allowed.contains_key(module) {
            problems.push(format!("module `{module}` is missing from ARCHITECTURE.md's Layers"));
        }
    }
    for module in allowed.keys() {
        if !modules.contains(module) {
            problems.push(format!("ARCHITECTURE.md's Layers lists `{module}`, which is no module"));
        }
    }
    assert!(problems.is_empty(), "dependencies point up the stack:\n{}", problems.join("\n"));
}

#[test]
fn the_dependency_reader_sees_grouped_and_inline_paths() {
    let text = "use crate::{diag::{Diagnostic, rules}, model, source::Span};\n\
                fn f() { crate::index::Index::new(); let x = my_crate::load::x; }";
    let used: Vec<String> = used_modules(text).into_iter().collect();
    assert_eq!(used, ["diag", "index", "model", "source"]);
}

#[test]
fn no_line_of_code_is_wider_than_100_columns() {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    rust_files(&root().join("tests/integration"), &mut files);
    files.sort();
    let mut wide = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("read source");
        for (i, line) in text.lines().enumerate() {
            // Columns as a terminal or editor shows them: a Chinese character takes two.
            let width = unicode_width::UnicodeWidthStr::width(line);
            if width > 100 {
                let rel = file.strip_prefix(root()).unwrap_or(file);
                wide.push(format!("{}:{}: {width} columns", rel.display(), i + 1));
            }
        }
    }
    assert!(wide.is_empty(), "lines over 100 columns (rustfmt.toml's limit):\n{}", wide.join("\n"));
}
