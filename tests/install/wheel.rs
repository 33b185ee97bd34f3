//! The wheel: pip installs it into a fresh virtual environment, from a local folder with no
//! package index, and the `planbook` it puts on PATH runs.

use std::process::Command;
use std::time::Instant;

use crate::artefacts::{VERSION, dist, output, planbook, sample};
use crate::support::require_tool;

#[test]
fn wheel_installs_into_a_fresh_environment_and_runs() {
    if !require_tool("python3") {
        return;
    }
    let Some(dist) = dist() else { return };
    let file = dist.wheel.file_name().expect("file name").to_string_lossy().into_owned();
    // A pre-release's wheel spells its version the Python way (`1.0.0-rc.1` → `1.0.0rc1`);
    // `planbook --version` below is checked whatever the version.
    if !VERSION.contains('-') {
        assert!(file.starts_with(&format!("planbook-{VERSION}-py3-none-")), "{file}");
    }

    let env = tempfile::tempdir().expect("temporary folder");
    output(Command::new("python3").args(["-m", "venv"]).arg(env.path()));
    let started = Instant::now();
    output(
        Command::new(env.path().join("bin/pip"))
            .args(["install", "--no-index", "--disable-pip-version-check", "--find-links"])
            .arg(&dist.dir)
            .arg(format!("planbook=={VERSION}")),
    );
    eprintln!("pip install of the wheel: {:.1} s", started.elapsed().as_secs_f64());

    let binary = env.path().join("bin/planbook");
    let version = output(Command::new(&binary).arg("--version"));
    assert_eq!(version.trim(), format!("planbook {VERSION}"));
    let sample = sample();
    let (code, stderr) = planbook(&binary, sample.path(), &["check"]);
    assert_eq!(code, 0, "{stderr}");
    let (code, stderr) = planbook(&binary, sample.path(), &["build", "--no-history", "-q"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(sample.path().join("_site/index.html").is_file(), "the handbook was built");

    // pip uninstalls it cleanly: the wheel records the binary it installed.
    output(Command::new(env.path().join("bin/pip")).args(["uninstall", "-y", "planbook"]));
    assert!(!binary.exists(), "pip uninstall removed the binary");
}
