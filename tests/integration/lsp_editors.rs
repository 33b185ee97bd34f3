//! Editor set-up for `planbook lsp` (`editors/`, and what `planbook init` writes): the VS Code
//! extension loaded in node with the real `vscode-languageclient`, the Neovim configuration in
//! a real headless Neovim, and the Helix and Zed files parsed and checked key by key.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::support::{Repo, has_chinese, project_root, require_tool, run_in};

fn editors() -> PathBuf {
    project_root().join("editors")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn json(path: &Path) -> Value {
    serde_json::from_str(&read(path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn toml(path: &Path) -> toml::Table {
    read(path).parse().unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The lsp fixture with one mistake on disk: the plan's owner `p999` is on no roster.
fn broken_fixture() -> (Repo, PathBuf) {
    let repo = Repo::fixture("lsp");
    let plan = repo.path().join("henan/2026-10.plan.md");
    let text = read(&plan);
    assert!(text.contains("owner: p001"), "the fixture's plan changed");
    std::fs::write(&plan, text.replace("owner: p001", "owner: p999")).unwrap();
    (repo, plan)
}

/// The folder of the `planbook` binary under test, first on PATH.
fn path_with_planbook() -> String {
    let bin = Path::new(env!("CARGO_BIN_EXE_planbook")).parent().unwrap().display().to_string();
    format!("{bin}:{}", std::env::var("PATH").unwrap_or_default())
}

#[test]
fn the_vscode_extension_s_manifest_agrees_with_its_code() {
    let dir = editors().join("vscode");
    let manifest = json(&dir.join("package.json"));
    assert_eq!(manifest["name"], "planbook");
    let publisher = manifest["publisher"].as_str().unwrap();
    assert_eq!(format!("{publisher}.planbook"), "planbook.planbook", "the id init recommends");
    assert!(manifest["engines"]["vscode"].as_str().unwrap().starts_with('^'));
    let events = manifest["activationEvents"].as_array().unwrap();
    assert!(events.contains(&"workspaceContains:planbook.yaml".into()), "{events:?}");
    let main = manifest["main"].as_str().unwrap();
    assert!(dir.join(main).is_file(), "main {main} is missing");
    assert!(manifest["dependencies"]["vscode-languageclient"].as_str().unwrap().starts_with("^9"));
    let properties = manifest["contributes"]["configuration"]["properties"].as_object().unwrap();
    assert_eq!(properties["planbook.path"]["default"], "planbook");
    assert!(properties.contains_key("planbook.trace.server"), "the client reads <id>.trace.server");
    // Every setting the code reads is declared, and every declared one is read (trace.server by
    // the client, whose id is `planbook`).
    let code = read(&dir.join(main));
    let mut read_keys: Vec<String> = code
        .split("settings.get('")
        .skip(1)
        .map(|rest| format!("planbook.{}", rest.split('\'').next().unwrap()))
        .collect();
    read_keys.push("planbook.trace.server".into());
    read_keys.sort();
    read_keys.dedup();
    let mut declared: Vec<String> = properties.keys().cloned().collect();
    declared.sort();
    assert_eq!(read_keys, declared);
    assert!(code.contains("getConfiguration('planbook')"), "settings are read from `planbook`");
    assert!(code.contains("new LanguageClient('planbook'"), "the client's id is `planbook`");
    // The test harness stays out of the packaged extension.
    assert!(read(&dir.join(".vscodeignore")).lines().any(|l| l == "test/**"));
    if require_tool("node") {
        for script in ["extension.js", "test/activate.js"] {
            let out = Command::new("node").arg("--check").arg(dir.join(script)).output().unwrap();
            assert!(out.status.success(), "{script}: {}", String::from_utf8_lossy(&out.stderr));
        }
    }
}

/// `editors/vscode/node_modules`, installed by scripts/test (`npm ci`), or None to skip.
fn vscode_client() -> Option<PathBuf> {
    if !require_tool("node") {
        return None;
    }
    let dir = editors().join("vscode");
    if dir.join("node_modules/vscode-languageclient/package.json").is_file() {
        return Some(dir);
    }
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!("editors/vscode/node_modules is missing under CI=true; scripts/test installs it");
    }
    eprintln!("skipping: run scripts/test to install vscode-languageclient into editors/vscode");
    None
}

#[test]
fn the_vscode_extension_starts_planbook_lsp_through_the_real_language_client() {
    let Some(dir) = vscode_client() else { return };
    let (repo, plan) = broken_fixture();
    let output = Command::new("node")
        .arg(dir.join("test/activate.js"))
        .arg(repo.path())
        .arg(env!("CARGO_BIN_EXE_planbook"))
        .arg(&plan)
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "activate.js failed\n{stdout}\n{stderr}");
    let report: Value = serde_json::from_str(&stdout).unwrap();
    // Activation: one client, `planbook lsp` over stdio (no `--stdio` transport argument),
    // YAML and Markdown files on disk, both kinds of files watched, one output channel.
    let first = &report["constructed"][0];
    assert_eq!(first["id"], "planbook");
    assert_eq!(first["server"], serde_json::json!({ "command": "planbook", "args": ["lsp"] }));
    assert_eq!(
        first["documentSelector"],
        serde_json::json!([
            { "scheme": "file", "language": "yaml" },
            { "scheme": "file", "language": "markdown" }
        ])
    );
    assert_eq!(first["fileEvents"], 2);
    assert_eq!(first["outputChannel"], "planbook");
    let watchers = report["watchers"].as_array().unwrap();
    assert!(watchers.contains(&"**/*.{yaml,yml,md,markdown}".into()), "{watchers:?}");
    assert!(watchers.contains(&"**/.planbook-baseline.json".into()), "{watchers:?}");
    assert_eq!(report["channels"], serde_json::json!(["planbook"]));
    // Changing planbook.path and planbook.lang restarts the server with them.
    let second = &report["constructed"][1];
    assert_eq!(second["server"]["command"], env!("CARGO_BIN_EXE_planbook"));
    assert_eq!(second["server"]["args"], serde_json::json!(["lsp", "--lang", "en"]));
    assert_eq!((&report["started"], &report["stopped"]), (&2.into(), &1.into()));
    // The process the client itself launched is planbook's server, speaking English.
    assert_eq!(report["serverName"], "planbook");
    let diagnostic = &report["diagnostics"][0];
    assert_eq!(diagnostic["code"], "plan.unknown-person");
    assert_eq!(diagnostic["source"], "planbook");
    assert_eq!(diagnostic["range"]["start"], serde_json::json!({ "line": 5, "character": 7 }));
    let message = diagnostic["message"].as_str().unwrap();
    assert!(message.contains("p999") && !has_chinese(message), "{message}");
}

/// Runs editors/neovim/test/diagnostics.lua on `document` in a headless Neovim.
fn neovim(document: &Path, wait_ms: u32) -> Value {
    let out = tempfile::NamedTempFile::new().unwrap();
    let dir = editors().join("neovim");
    let status = Command::new("nvim")
        .args(["--headless", "--clean", "-c"])
        .arg(format!("luafile {}", dir.join("test/diagnostics.lua").display()))
        .current_dir(document.parent().unwrap())
        .env("PATH", path_with_planbook())
        .env("PLANBOOK_LUA", dir.join("planbook.lua"))
        .env("PLANBOOK_DOC", document)
        .env("PLANBOOK_OUT", out.path())
        .env("PLANBOOK_WAIT", wait_ms.to_string())
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run nvim");
    let text = read(out.path());
    assert!(status.status.success(), "nvim failed: {text}");
    let result: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
    assert!(result.get("error").is_none(), "{result}");
    result
}

#[test]
fn neovim_runs_planbook_lsp_and_shows_its_diagnostics_in_chinese() {
    if !require_tool("nvim") {
        return;
    }
    let (repo, plan) = broken_fixture();
    let result = neovim(&plan, 20_000);
    assert_eq!(result["filetype"], "markdown");
    assert_eq!(result["clients"], serde_json::json!(["planbook"]));
    let diagnostic = &result["diagnostics"][0];
    assert_eq!(diagnostic["code"], "plan.unknown-person", "{result}");
    assert_eq!(diagnostic["source"], "planbook");
    assert_eq!((&diagnostic["lnum"], &diagnostic["col"]), (&5.into(), &7.into()));
    let message = diagnostic["message"].as_str().unwrap();
    assert!(has_chinese(message) && message.contains("p999"), "{message}");
    assert!(message.contains("人员编制"), "{message}");
    // A YAML file outside any planbook repository gets no planbook client.
    let elsewhere = tempfile::tempdir().unwrap();
    let other = elsewhere.path().join("other.yaml");
    std::fs::write(&other, "a: 1\n").unwrap();
    let result = neovim(&other, 300);
    assert_eq!(result["filetype"], "yaml");
    assert_eq!(result["clients"], serde_json::json!([]), "{result}");
    drop(repo);
}

#[test]
fn the_neovim_configuration_has_the_0_11_form_and_the_older_ones() {
    let lua = read(&editors().join("neovim/planbook.lua"));
    for needle in [
        "vim.lsp.config('planbook'",
        "vim.lsp.enable('planbook')",
        "root_markers = { 'planbook.yaml' }",
        "cmd = cmd",
        "vim.lsp.start({ name = 'planbook'",
        "vim.lsp.start_client(",
        "{ 'planbook', 'lsp' }",
        "{ 'yaml', 'markdown' }",
    ] {
        assert!(lua.contains(needle), "planbook.lua lacks {needle}");
    }
}

/// `[language-server.planbook]` runs `planbook lsp`, and YAML and Markdown list it after
/// their usual servers.
fn assert_helix(path: &Path) {
    let table = toml(path);
    let server = &table["language-server"]["planbook"];
    assert_eq!(server["command"].as_str(), Some("planbook"), "{}", path.display());
    assert_eq!(server["args"], toml::Value::Array(vec!["lsp".into()]));
    let languages = table["language"].as_array().unwrap();
    for (name, first) in [("yaml", "yaml-language-server"), ("markdown", "marksman")] {
        let language = languages.iter().find(|l| l["name"].as_str() == Some(name)).unwrap();
        let servers: Vec<&str> = language["language-servers"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|s| s.as_str())
            .collect();
        assert_eq!(servers, [first, "planbook"], "{}: {name}", path.display());
    }
}

#[test]
fn the_helix_configuration_runs_planbook_lsp_for_yaml_and_markdown() {
    assert_helix(&editors().join("helix/languages.toml"));
}

/// The Zed settings enable the `planbook` server for YAML and Markdown and keep the others.
fn assert_zed_settings(path: &Path) {
    let settings = json(path);
    for (language, first) in [("YAML", "yaml-language-server"), ("Markdown", "planbook")] {
        let servers = &settings["languages"][language]["language_servers"];
        let servers: Vec<&str> =
            servers.as_array().unwrap().iter().filter_map(|s| s.as_str()).collect();
        assert!(servers.contains(&"planbook"), "{}: {language}", path.display());
        assert_eq!(servers.first(), Some(&first));
        assert_eq!(servers.last(), Some(&"..."), "the other servers stay");
    }
}

#[test]
fn the_zed_extension_declares_planbook_for_yaml_and_markdown() {
    let dir = editors().join("zed");
    let extension = toml(&dir.join("extension.toml"));
    assert_eq!(extension["id"].as_str(), Some("planbook"));
    assert_eq!(extension["schema_version"].as_integer(), Some(1));
    let server = &extension["language_servers"]["planbook"];
    let languages: Vec<&str> =
        server["languages"].as_array().unwrap().iter().filter_map(|l| l.as_str()).collect();
    assert_eq!(languages, ["YAML", "Markdown"]);
    let cargo = toml(&dir.join("Cargo.toml"));
    assert_eq!(cargo["lib"]["crate-type"], toml::Value::Array(vec!["cdylib".into()]));
    let api = cargo["dependencies"]["zed_extension_api"].as_str().unwrap();
    assert!(api.starts_with("0.7"), "{api}");
    assert!(cargo.contains_key("workspace"), "not a member of planbook's workspace");
    let code = read(&dir.join("src/lib.rs"));
    for needle in [
        "fn language_server_command(",
        "worktree\n                .which(\"planbook\")",
        "vec![\"lsp\".to_string()]",
        "LspSettings::for_worktree(\"planbook\"",
        "zed::register_extension!(Planbook);",
    ] {
        assert!(code.contains(needle), "src/lib.rs lacks {needle}");
    }
    assert_zed_settings(&dir.join("settings.json"));
}

#[test]
fn init_writes_the_editor_settings_for_the_language_server() {
    let repo = Repo::empty();
    run_in(repo.path(), ["init", "--no-git", "-q", "--period", "2026-12"]).code(0);
    let extensions = json(&repo.path().join(".vscode/extensions.json"));
    assert_eq!(
        extensions["recommendations"],
        serde_json::json!(["redhat.vscode-yaml", "planbook.planbook"])
    );
    let settings = json(&repo.path().join(".vscode/settings.json"));
    assert!(settings["yaml.schemas"].is_object(), "the schemas stay");
    assert_helix(&repo.path().join(".helix/languages.toml"));
    assert_zed_settings(&repo.path().join(".zed/settings.json"));
    // The editor files are not documents: the new repository still checks clean.
    run_in(repo.path(), ["check"]).code(0);
}

#[test]
fn neovim_finds_the_repository_planbook_init_wrote() {
    if !require_tool("nvim") {
        return;
    }
    let repo = Repo::empty();
    run_in(repo.path(), ["init", "--no-git", "-q", "--unit", "sales", "--period", "2026-12"])
        .code(0);
    let roster = repo.path().join("sales/roster.yaml");
    let text = read(&roster);
    assert!(text.contains("reports_to: p001"), "init's roster changed");
    // The example: `reports_to: p071` names nobody.
    std::fs::write(&roster, text.replacen("reports_to: p001", "reports_to: p071", 1)).unwrap();
    let result = neovim(&roster, 20_000);
    assert_eq!(result["clients"], serde_json::json!(["planbook"]), "{result}");
    let diagnostics = result["diagnostics"].as_array().unwrap();
    assert!(!diagnostics.is_empty(), "{result}");
    assert!(diagnostics.iter().all(|d| d["source"] == "planbook"), "{result}");
    let unknown = diagnostics.iter().find(|d| d["message"].as_str().unwrap().contains("p071"));
    let unknown = unknown.unwrap_or_else(|| panic!("nothing says p071: {result}"));
    assert!(unknown["code"].as_str().unwrap().starts_with("roster."), "{unknown}");
    assert!(has_chinese(unknown["message"].as_str().unwrap()), "{unknown}");
}
