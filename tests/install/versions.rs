//! One version everywhere: Cargo.toml's is the wheel's (pyproject.toml leaves it to maturin),
//! the one `planbook init` pins its pre-commit hook to, and every version the install
//! instructions name (README.md, RELEASING.md, .pre-commit-hooks.yaml).

use crate::artefacts::VERSION;
use crate::support::{Repo, project_root, run_in};

/// Every version written right after `marker` in `text` (`planbook==0.1.0` → `0.1.0`).
fn versions_after<'t>(text: &'t str, marker: &str) -> Vec<&'t str> {
    text.match_indices(marker)
        .map(|(at, _)| {
            let rest = &text[at + marker.len()..];
            let end =
                rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '.')).unwrap_or(rest.len());
            rest[..end].trim_end_matches('.')
        })
        .filter(|v| v.starts_with(|c: char| c.is_ascii_digit()))
        .collect()
}

#[test]
fn the_wheel_takes_its_version_from_cargo_toml() {
    let text = std::fs::read_to_string(project_root().join("pyproject.toml")).expect("pyproject");
    let pyproject: toml::Table = text.parse().expect("pyproject.toml is TOML");
    let project = pyproject["project"].as_table().expect("[project]");
    assert_eq!(project["name"].as_str(), Some("planbook"));
    let dynamic = project.get("dynamic").and_then(|d| d.as_array());
    let is_dynamic = dynamic.is_some_and(|d| d.iter().any(|v| v.as_str() == Some("version")));
    match project.get("version") {
        Some(version) => assert_eq!(version.as_str(), Some(VERSION), "pyproject's version"),
        None => {
            assert!(is_dynamic, "pyproject.toml names no version and does not leave it dynamic")
        }
    }
    let maturin = pyproject["tool"]["maturin"].as_table().expect("[tool.maturin]");
    assert_eq!(maturin["bindings"].as_str(), Some("bin"), "the wheel holds the binary");
    let backend = pyproject["build-system"]["build-backend"].as_str();
    assert_eq!(backend, Some("maturin"));
}

#[test]
fn the_docs_install_this_version() {
    for (doc, least) in [("README.md", 8), ("RELEASING.md", 0), (".pre-commit-hooks.yaml", 1)] {
        let text = std::fs::read_to_string(project_root().join(doc)).expect(doc);
        let mut named = Vec::new();
        for marker in ["planbook==", "planbook-", "planbook:"] {
            named.extend(versions_after(&text, marker));
        }
        assert!(named.len() >= least, "{doc} names the version to install: {named:?}");
        for version in named {
            assert_eq!(version, VERSION, "a version in {doc} is not Cargo.toml's");
        }
    }
}

#[test]
fn init_pins_the_pre_commit_hook_to_this_version() {
    let repo = Repo::empty();
    run_in(repo.path(), ["init", "--unit", "sales", "--period", "2026-12", "-q"]).code(0);
    let config = std::fs::read_to_string(repo.path().join(".pre-commit-config.yaml")).unwrap();
    assert!(config.contains("language: python"), "{config}");
    assert_eq!(versions_after(&config, "planbook=="), [VERSION], "{config}");
    let run = run_in(repo.path(), ["--version"]).code(0);
    assert_eq!(run.stdout.trim(), format!("planbook {VERSION}"));
}

#[test]
fn versions_after_reads_what_follows_the_marker() {
    let text = "pipx install planbook==0.1.0. Or planbook-0.2.0-x86_64.tar.gz, planbook-check";
    assert_eq!(versions_after(text, "planbook=="), ["0.1.0"]);
    assert_eq!(versions_after(text, "planbook-"), ["0.2.0"]);
}
