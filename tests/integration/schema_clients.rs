//! The schemas in `schema/` read the same in every client an editor or a pipeline uses:
//! check-jsonschema (PyPI), ajv (npm, draft 2020-12, strict mode) and yaml-language-server
//! (npm, driven over LSP as an editor drives it) compile them, accept every valid sample
//! document, and reject what `planbook check` rejects wherever a schema can tell. Where it
//! cannot (`0500`, `2026-02-30`), the clients accept and the schema's description says so.
//!
//! The node harnesses are in `tests/schema-clients/` (`ajv.mjs`, `yls.mjs`); `scripts/test`
//! installs the clients. Without them these tests skip with a note; under `CI=true` they fail.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::support::{CONFIG, Repo, copy_tree, fixtures_dir, project_root, require_tool, run_in};

fn harness() -> PathBuf {
    project_root().join("tests/schema-clients")
}

/// Whether the three clients are installed. Locally a missing one skips the test with a note
/// saying how to install it; under `CI=true` it fails the test.
fn clients() -> bool {
    if !require_tool("check-jsonschema") || !require_tool("node") {
        return false;
    }
    let modules = harness().join("node_modules");
    let missing: Vec<_> = ["ajv", "ajv-formats", "yaml", "yaml-language-server"]
        .into_iter()
        .filter(|m| !modules.join(m).is_dir())
        .collect();
    if missing.is_empty() {
        return true;
    }
    let why = format!(
        "tests/schema-clients/node_modules lacks {missing:?}: run scripts/test, or \
         `npm ci` in tests/schema-clients"
    );
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!("{why} (required under CI=true)");
    }
    eprintln!("\n*** SKIPPING the schema client parity tests: {why} ***\n");
    false
}

/// A document as the clients see it: the YAML alone (front matter without its fences), in a
/// file of its own, with its kind.
#[derive(Debug, Clone)]
struct Doc {
    kind: String,
    file: PathBuf,
    /// Where it came from, for messages.
    origin: String,
}

/// Writes the YAML of every document of the repository at `root` (and its `planbook.yaml`)
/// into `staging`, one file each. Modelines are blanked: the clients are pointed at the
/// schemas under test, not at wherever a modeline leads from the staging folder.
fn extract(root: &Path, staging: &Path, docs: &mut Vec<Doc>) {
    let mut write = |kind: &str, yaml: &str, origin: String| {
        let file = staging.join(format!("{:04}-{kind}.yaml", docs.len()));
        let text: String = yaml
            .split_inclusive('\n')
            .map(|l| if l.starts_with("# yaml-language-server:") { "#\n" } else { l })
            .collect();
        std::fs::write(&file, text).unwrap();
        docs.push(Doc { kind: kind.into(), file, origin });
    };
    let config = root.join("planbook.yaml");
    if let Ok(text) = std::fs::read_to_string(&config) {
        write("config", &text, config.display().to_string());
    }
    let loaded = planbook::load::load(root).expect("the repository loads");
    for doc in &loaded.workspace.documents {
        let text = &loaded.workspace.sources.get(doc.meta.file).text;
        let yaml = &text[doc.meta.span.start as usize..doc.meta.span.end as usize];
        if !yaml.trim().is_empty() {
            let origin = root.join(&doc.meta.path).display().to_string();
            write(doc.content.kind().name(), yaml, origin);
        }
    }
}

/// Which of `docs` check-jsonschema accepts.
fn check_jsonschema(schemas: &Path, docs: &[Doc]) -> BTreeMap<PathBuf, bool> {
    let mut out = BTreeMap::new();
    let mut kinds: Vec<&str> = docs.iter().map(|d| d.kind.as_str()).collect();
    kinds.sort_unstable();
    kinds.dedup();
    for kind in kinds {
        let files: Vec<&PathBuf> =
            docs.iter().filter(|d| d.kind == kind).map(|d| &d.file).collect();
        let output = Command::new("check-jsonschema")
            .args(["--output-format", "json", "--schemafile"])
            .arg(schemas.join(format!("{kind}.schema.json")))
            .args(&files)
            .output()
            .expect("run check-jsonschema");
        let report: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|_| {
            panic!("check-jsonschema failed: {}", String::from_utf8_lossy(&output.stderr))
        });
        let failed: Vec<&str> = ["errors", "parse_errors"]
            .iter()
            .flat_map(|k| report[k].as_array().into_iter().flatten())
            .filter_map(|e| e["filename"].as_str())
            .collect();
        for file in files {
            out.insert(file.clone(), !failed.contains(&file.to_str().unwrap()));
        }
    }
    out
}

fn node(script: &str, args: &[String], schemas: &Path) -> Value {
    node_with(script, args, schemas, &[])
}

fn node_with(script: &str, args: &[String], schemas: &Path, env: &[(&str, &str)]) -> Value {
    let output = Command::new("node")
        .arg(harness().join(script))
        .args(args)
        .env("SCHEMA_DIR", schemas)
        .envs(env.iter().copied())
        .output()
        .expect("run node");
    assert!(
        output.status.success(),
        "{script} failed:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("the harness prints JSON")
}

fn tagged(docs: &[Doc]) -> Vec<String> {
    docs.iter().map(|d| format!("{}={}", d.kind, d.file.display())).collect()
}

/// Which of `docs` ajv accepts (the schemas compiled in strict mode).
fn ajv(schemas: &Path, docs: &[Doc]) -> BTreeMap<PathBuf, bool> {
    let mut args = vec![schemas.display().to_string()];
    args.extend(tagged(docs));
    let report = node("ajv.mjs", &args, schemas);
    let results = report["results"].as_array().unwrap();
    results
        .iter()
        .map(|r| (PathBuf::from(r["file"].as_str().unwrap()), r["valid"] == Value::Bool(true)))
        .collect()
}

/// What yaml-language-server publishes for each file: (line, message) of every error and
/// warning.
fn yls_diagnostics(schemas: &Path, args: &[String]) -> BTreeMap<PathBuf, Vec<String>> {
    let report = node("yls.mjs", args, schemas);
    let files = report.as_array().unwrap();
    files
        .iter()
        .map(|f| {
            let problems = f["diagnostics"].as_array().unwrap().iter();
            let problems = problems
                .filter(|d| d["severity"].as_i64().is_some_and(|s| s <= 2))
                .map(|d| format!("{}: {}", d["line"], d["message"].as_str().unwrap_or("")));
            (PathBuf::from(f["file"].as_str().unwrap()), problems.collect())
        })
        .collect()
}

/// Which of `docs` yaml-language-server accepts, each mapped to its schema by `yaml.schemas`.
fn yls(schemas: &Path, docs: &[Doc]) -> BTreeMap<PathBuf, bool> {
    let diagnostics = yls_diagnostics(schemas, &tagged(docs));
    diagnostics.into_iter().map(|(file, problems)| (file, problems.is_empty())).collect()
}

/// A client run on documents: which it accepts.
type Client = fn(&Path, &[Doc]) -> BTreeMap<PathBuf, bool>;

/// Every client's verdict on every document: `(client, doc, valid)`.
fn verdicts(schemas: &Path, docs: &[Doc]) -> Vec<(&'static str, Doc, bool)> {
    let mut out = Vec::new();
    let clients: [(&str, Client); 3] =
        [("check-jsonschema", check_jsonschema), ("ajv", ajv), ("yaml-language-server", yls)];
    for (name, client) in clients {
        let found = client(schemas, docs);
        for doc in docs {
            let valid = *found.get(&doc.file).unwrap_or_else(|| panic!("{name}: no verdict"));
            out.push((name, doc.clone(), valid));
        }
    }
    out
}

#[test]
fn ajv_compiles_every_schema_in_strict_mode() {
    if !clients() {
        return;
    }
    let schemas = project_root().join("schema");
    let report = node("ajv.mjs", &[schemas.display().to_string()], &schemas);
    let compiled = report["compiled"].as_array().unwrap();
    assert_eq!(compiled.len(), planbook::schema::ALL_KINDS.len(), "{report}");
}

#[test]
fn every_client_accepts_every_valid_sample_document() {
    if !clients() {
        return;
    }
    let staging = Repo::empty();
    let mut docs = Vec::new();
    extract(&project_root().join("plans"), staging.path(), &mut docs);
    let from_plans = docs.len();
    assert!(from_plans >= 12, "plans/ should hold a dozen documents: {docs:?}");
    // The near misses: documents `planbook check` accepts (tests/integration/rules.rs).
    let mut near_misses: Vec<PathBuf> = std::fs::read_dir(fixtures_dir().join("check-ok"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    near_misses.sort();
    for dir in near_misses {
        let copy = Repo::empty();
        copy_tree(&dir, copy.path());
        extract(copy.path(), staging.path(), &mut docs);
        // The copy is gone after this; name the fixture, not the temporary folder.
        for doc in docs.iter_mut().filter(|d| d.origin.starts_with(copy.path().to_str().unwrap())) {
            let name = dir.file_name().unwrap().to_string_lossy();
            doc.origin =
                doc.origin.replace(copy.path().to_str().unwrap(), &format!("check-ok/{name}"));
        }
    }
    assert!(docs.len() > from_plans + 60, "the near misses should add documents");
    let schemas = project_root().join("schema");
    let refused: Vec<String> = verdicts(&schemas, &docs)
        .into_iter()
        .filter(|(_, _, valid)| !valid)
        .filter(|(client, doc, _)| {
            !PARSER_GAPS.iter().any(|(c, origin, _)| c == client && doc.origin.ends_with(origin))
        })
        .map(|(client, doc, _)| format!("{client} refuses {} ({})", doc.origin, doc.kind))
        .collect();
    assert!(refused.is_empty(), "planbook check accepts these:\n{}", refused.join("\n"));
}

/// Valid YAML a client's own YAML parser cannot read, so it never reaches the schema:
/// (client, document, why).
const PARSER_GAPS: &[(&str, &str, &str)] = &[(
    "check-jsonschema",
    "check-ok/yaml.syntax/budget.yaml",
    "ruamel.yaml refuses a tab between a value and its comment, which YAML 1.2 allows",
)];

/// A mistake in one document: its kind, where it goes, its text, and whether a schema can
/// tell (if not, `hint` is what the schema's description says about it instead).
struct Mistake {
    kind: &'static str,
    path: &'static str,
    text: &'static str,
    schema_can_tell: bool,
    hint: &'static str,
}

/// A roster or budget of unit `henan`: its header, then the rest.
macro_rules! roster {
    ($($rest:literal),+) => {
        concat!("kind: roster\nunit: henan\nposts:\n", $($rest),+)
    };
}
macro_rules! budget {
    ($period:literal, $line:literal) => {
        concat!("kind: budget\nunit: henan\nperiod: ", $period, "\nlines:\n  - ", $line, "\n")
    };
}

const ROSTER: &str = roster!("  - { id: rep, title: 业务员, establishment: 2 }\n");

/// A mistake a schema can tell: every client refuses it.
const fn seen(kind: &'static str, path: &'static str, text: &'static str) -> Mistake {
    Mistake { kind, path, text, schema_can_tell: true, hint: "" }
}

/// A mistake no schema can tell: every client accepts it, and the schema says `hint`.
const fn said(
    kind: &'static str,
    path: &'static str,
    text: &'static str,
    hint: &'static str,
) -> Mistake {
    Mistake { kind, path, text, schema_can_tell: false, hint }
}

const BUDGET: &str = "henan/2026-12.budget.yaml";
const PEOPLE: &str = "henan/roster.yaml";

const MISTAKES: &[Mistake] = &[
    seen("roster", PEOPLE, roster!("  - { id: rep, title: 业务员, establishment: -1 }\n")),
    seen("roster", PEOPLE, roster!("  - { id: rep, titel: 业务员, establishment: 2 }\n")),
    seen("roster", PEOPLE, roster!("  - { id: sales rep, title: 业务员, establishment: 2 }\n")),
    seen(
        "budget",
        BUDGET,
        budget!("2026-12", "{ id: rent, name: 房租, amount: 1000000000000001 }"),
    ),
    seen("budget", BUDGET, budget!("2026-12", "{ id: rent, name: 房租, amount: '46,000' }")),
    seen(
        "budget",
        "henan/2026-13.budget.yaml",
        budget!("2026-13", "{ id: rent, name: 房租, amount: 1 }"),
    ),
    seen(
        "config",
        "planbook.yaml",
        concat!(
            "name: 测试公司\nfiscal_year_start: 13\n",
            "units:\n  - { id: henan, name: 河南分公司 }\n"
        ),
    ),
    // YAML reads `0500` as 500; planbook refuses it as ambiguous.
    said("budget", BUDGET, budget!("2026-12", "{ id: rent, name: 房租, amount: 0500 }"), "`0500`"),
    said(
        "budget",
        BUDGET,
        budget!("2026-12", "{ id: rent, name: 房租, amount: 1.1234567 }"),
        "at most 6 decimal places",
    ),
    said(
        "roster",
        PEOPLE,
        roster!(
            "  - { id: rep, title: 业务员, establishment: 2 }\n",
            "people:\n  - { id: p001, name: 王伟, post: rep, since: 2023-02-30 }\n"
        ),
        "`2026-02-30`",
    ),
];

#[test]
fn clients_agree_with_check_on_mistakes_a_schema_can_tell() {
    if !clients() {
        return;
    }
    let staging = Repo::empty();
    let mut docs = Vec::new();
    for (i, mistake) in MISTAKES.iter().enumerate() {
        // planbook check refuses each one, in the file of the mistake.
        let config = if mistake.kind == "config" { mistake.text } else { CONFIG };
        let repo = Repo::empty().file("planbook.yaml", config).file(mistake.path, mistake.text);
        let repo =
            if mistake.kind == "config" { repo.file("henan/roster.yaml", ROSTER) } else { repo };
        let run = repo.run(["check", "--format", "json"]).code(1);
        let errors: Vec<Value> =
            run.json().into_iter().filter(|d| d["severity"] == "error").collect();
        assert!(
            errors.iter().any(|d| d.to_string().contains(mistake.path)),
            "check should refuse {}:\n{}",
            mistake.text,
            run.stdout
        );
        let file = staging.path().join(format!("{i:02}-{}.yaml", mistake.kind));
        std::fs::write(&file, mistake.text).unwrap();
        docs.push(Doc { kind: mistake.kind.into(), file, origin: mistake.text.into() });
    }
    let schemas = project_root().join("schema");
    let mut wrong = Vec::new();
    for (client, doc, valid) in verdicts(&schemas, &docs) {
        let mistake = MISTAKES.iter().find(|m| m.text == doc.origin).unwrap();
        if valid == mistake.schema_can_tell {
            let verdict = if valid { "accepts" } else { "refuses" };
            wrong.push(format!("{client} {verdict}:\n{}", mistake.text));
        }
    }
    assert!(wrong.is_empty(), "the clients disagree with the table:\n{}", wrong.join("\n"));
    // What no schema can say, each schema says in words, shown by editors on hover.
    for mistake in MISTAKES.iter().filter(|m| !m.schema_can_tell) {
        let schema = std::fs::read_to_string(schemas.join(format!("{}.schema.json", mistake.kind)));
        assert!(
            schema.unwrap().contains(mistake.hint),
            "the {} schema should say {}",
            mistake.kind,
            mistake.hint
        );
    }
}

/// Every YAML file of `root`, for opening in yaml-language-server with its own modeline.
fn yaml_files(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if path.is_dir() && !name.starts_with('.') {
                stack.push(path);
            } else if name.ends_with(".yaml") && !name.starts_with('.') {
                out.push(path.display().to_string());
            }
        }
    }
    out.sort();
    out
}

/// The schema each modeline of `root` points at, resolved from the file's folder.
fn modeline_targets(root: &Path) -> Vec<(PathBuf, PathBuf)> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            let line =
                text.lines().find_map(|l| l.strip_prefix("# yaml-language-server: $schema="));
            if let Some(target) = line {
                out.push((path.clone(), path.parent().unwrap().join(target)));
            }
        }
    }
    out
}

#[test]
fn every_modeline_in_plans_points_at_plans_own_schemas() {
    let plans = project_root().join("plans").canonicalize().unwrap();
    let targets = modeline_targets(&plans);
    assert!(targets.len() >= 13, "every document of plans/ has a modeline: {targets:?}");
    for (file, target) in targets {
        let target = target.canonicalize().unwrap_or_else(|_| panic!("{file:?}: {target:?}"));
        assert!(target.starts_with(plans.join("schema")), "{file:?} points at {target:?}");
    }
}

#[test]
fn plans_copy_of_the_schemas_is_current() {
    for kind in planbook::schema::ALL_KINDS {
        let name = planbook::schema::file_name(kind);
        let copy = std::fs::read_to_string(project_root().join("plans/schema").join(&name));
        assert!(
            copy.ok().as_deref() == Some(planbook::schema::render(kind).as_str()),
            "plans/schema/{name} is out of date; run `cargo run -- schema -o plans/schema`"
        );
    }
}

#[test]
fn modelines_still_work_after_the_repository_moves() {
    if !clients() {
        return;
    }
    // plans/ copied elsewhere, and a repository made by `planbook init`, each opened in place.
    let moved = Repo::empty();
    copy_tree(&project_root().join("plans"), moved.path());
    let fresh = Repo::empty();
    run_in(fresh.path(), ["init", "new-repo", "--no-git", "-q"]).code(0);
    let fresh_root = fresh.path().join("new-repo");
    let roster = fresh_root.join("team/roster.yaml");
    assert!(roster.is_file(), "init writes team/roster.yaml");
    let mut files = yaml_files(moved.path());
    files.extend(yaml_files(&fresh_root));
    assert!(files.len() >= 6, "{files:?}");
    // A mistake, to show that the modeline's schema is really read.
    let broken = moved.path().join("henan/broken.budget.yaml");
    let budget = std::fs::read_to_string(moved.path().join("henan/2026-12.budget.yaml")).unwrap();
    std::fs::write(&broken, budget.replacen("\nlines:", "\nbogus: 1\nlines:", 1)).unwrap();
    files.push(broken.display().to_string());
    let found = yls_diagnostics(moved.path(), &files);
    for (file, problems) in &found {
        if *file == broken {
            assert!(problems.iter().any(|p| p.contains("bogus")), "{problems:?}");
        } else {
            assert!(problems.is_empty(), "{}: {problems:?}", file.display());
        }
    }
}

#[test]
fn editors_show_on_hover_what_no_schema_can_check() {
    if !clients() {
        return;
    }
    let staging = Repo::empty();
    let said: Vec<&Mistake> = MISTAKES.iter().filter(|m| !m.schema_can_tell).collect();
    for mistake in said {
        // Hover over the mistaken value, as a manager checking what went wrong does.
        let value = ["0500", "1.1234567", "2023-02-30"]
            .into_iter()
            .find(|v| mistake.text.contains(v))
            .expect("each mistake of the table has its value here");
        let lines: Vec<&str> = mistake.text.lines().collect();
        let line = lines.iter().position(|l| l.contains(value)).unwrap();
        // LSP positions count UTF-16 units.
        let byte = lines[line].find(value).unwrap();
        let (line, column) = (line + 1, lines[line][..byte].encode_utf16().count() + 1);
        let file = staging.path().join(format!("hover-{}.yaml", mistake.kind));
        std::fs::write(&file, mistake.text).unwrap();
        let args = [format!("{}={}", mistake.kind, file.display())];
        let position = format!("{line}:{column}");
        let schemas = project_root().join("schema");
        let report = node_with("yls.mjs", &args, &schemas, &[("YLS_HOVER", &position)]);
        let hover = report[0]["hover"].as_str().unwrap_or_default().replace('\\', "");
        assert!(
            hover.contains(mistake.hint) && crate::support::has_chinese(&hover),
            "hovering at {position} over\n{}shows\n{hover}",
            mistake.text
        );
    }
}
