//! The JSON Schemas in `schema/`: in sync with the types, and usable by standard validators.

use std::path::Path;
use std::process::Command;

use crate::support::{Repo, project_root, require_tool, run_in};

#[test]
fn committed_schemas_match_the_types() {
    let out = Repo::empty();
    run_in(&project_root(), ["schema", "-q", "-o", out.path().to_str().unwrap()]).code(0);
    for kind in planbook::schema::ALL_KINDS {
        let name = planbook::schema::file_name(kind);
        let generated = std::fs::read_to_string(out.path().join(&name)).unwrap();
        let committed =
            std::fs::read_to_string(project_root().join("schema").join(&name)).unwrap_or_default();
        assert!(
            generated == committed,
            "schema/{name} is out of date; run `cargo run -- schema -o schema` and commit it"
        );
    }
}

#[test]
fn schemas_are_draft_2020_12() {
    for kind in planbook::schema::ALL_KINDS {
        let schema = planbook::schema::schema(kind);
        assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    }
}

/// Writes the YAML of each document in `plans/` (front matter for Markdown) into `dir`,
/// grouped by kind; returns the files per kind.
fn extract_plans(dir: &Path) -> Vec<(String, Vec<std::path::PathBuf>)> {
    let plans = project_root().join("plans");
    let loaded = planbook::load::load(&plans).expect("plans/ loads");
    let mut groups: std::collections::BTreeMap<String, Vec<std::path::PathBuf>> =
        Default::default();
    groups.entry("config".into()).or_default().push(plans.join("planbook.yaml"));
    for (i, doc) in loaded.workspace.documents.iter().enumerate() {
        let text = &loaded.workspace.sources.get(doc.meta.file).text;
        let yaml = &text[doc.meta.span.start as usize..doc.meta.span.end as usize];
        if yaml.trim().is_empty() {
            continue;
        }
        let kind = doc.content.kind().name().to_string();
        let path = dir.join(format!("{i:03}-{kind}.yaml"));
        std::fs::write(&path, yaml).unwrap();
        groups.entry(kind).or_default().push(path);
    }
    groups.into_iter().collect()
}

#[test]
fn check_jsonschema_accepts_plans() {
    if !require_tool("check-jsonschema") {
        return;
    }
    let staging = Repo::empty();
    let groups = extract_plans(staging.path());
    assert!(groups.len() >= 5, "plans/ should hold every kind: {groups:?}");
    for (kind, files) in groups {
        let schema = project_root().join("schema").join(format!("{kind}.schema.json"));
        let output = Command::new("check-jsonschema")
            .arg("--schemafile")
            .arg(&schema)
            .args(&files)
            .output()
            .expect("run check-jsonschema");
        assert!(
            output.status.success(),
            "check-jsonschema rejected {kind} documents:\n{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

#[test]
fn check_jsonschema_rejects_what_planbook_rejects() {
    if !require_tool("check-jsonschema") {
        return;
    }
    let repo = Repo::empty().file(
        "budget.yaml",
        concat!(
            "kind: budget\n",
            "unit: henan\n",
            "period: 2026-12\n",
            "lines:\n",
            "  - id: salary\n",
            "    name: 工资\n",
            "    amout: 46000\n",
        ),
    );
    let output = Command::new("check-jsonschema")
        .arg("--schemafile")
        .arg(project_root().join("schema/budget.schema.json"))
        .arg(repo.path().join("budget.yaml"))
        .output()
        .expect("run check-jsonschema");
    assert!(!output.status.success(), "the unknown field should be rejected");
}

#[test]
fn schemas_pass_the_metaschema() {
    if !require_tool("check-jsonschema") {
        return;
    }
    let files: Vec<_> = planbook::schema::ALL_KINDS
        .iter()
        .map(|&k| project_root().join("schema").join(planbook::schema::file_name(k)))
        .collect();
    let output =
        Command::new("check-jsonschema").arg("--check-metaschema").args(&files).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stdout));
}
