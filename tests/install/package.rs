//! `cargo install planbook`: the crate `cargo package` makes holds everything the binary embeds
//! (templates, message catalogues) and the JSON Schemas, and nothing large. scripts/dist builds
//! the release binary from that crate, unpacked, so the archive's binary checking the sample
//! (artefacts.rs) is the packaged crate building and running.

use std::process::Command;

use crate::artefacts::{VERSION, dist, output, planbook, sample};
use crate::support::project_root;

/// The crate's files, as `cargo package --list` gives them.
fn listed() -> Vec<String> {
    let list = output(
        Command::new(env!("CARGO"))
            .args(["package", "--list", "--locked", "--allow-dirty"])
            .current_dir(project_root()),
    );
    list.lines().map(str::to_string).collect()
}

/// Files git tracks under `dir`.
fn tracked(dir: &str) -> Vec<String> {
    let files =
        output(Command::new("git").args(["ls-files", "-z", dir]).current_dir(project_root()));
    files.split('\0').filter(|f| !f.is_empty()).map(str::to_string).collect()
}

#[test]
fn the_crate_holds_what_the_binary_embeds_and_no_tests_or_data() {
    let files = listed();
    for file in [
        "Cargo.toml",
        "Cargo.lock",
        "build.rs",
        "src/main.rs",
        "src/lib.rs",
        "pyproject.toml",
        "README.md",
        "CHANGELOG.md",
        "LICENSE-MIT",
        "LICENSE-APACHE",
    ] {
        assert!(files.iter().any(|f| f == file), "{file} is not in the crate: {files:?}");
    }
    // Everything embedded, or copied out by `init` and `schema`: whole folders.
    for dir in ["templates", "locales", "schema", "src"] {
        for file in tracked(dir) {
            assert!(files.contains(&file), "{file} is not in the crate");
        }
    }
    let outside = ["tests/", "bench/", "plans/", "scripts/", ".github/", "target/", "editors/"];
    for file in &files {
        assert!(!outside.iter().any(|dir| file.starts_with(dir)), "{file} is in the crate");
    }
}

#[test]
fn the_release_binary_is_built_from_the_packaged_crate() {
    let Some(dist) = dist() else { return };
    let root = project_root();
    let crate_file = root.join(format!("target/package/planbook-{VERSION}.crate"));
    let size = std::fs::metadata(&crate_file).expect("scripts/dist packaged the crate").len();
    eprintln!("packaged crate: {size} bytes");
    assert!(size < 2_000_000, "the crate is {size} bytes; crates.io takes 10 MB, we want small");
    let unpacked = root.join(format!("target/package/planbook-{VERSION}"));
    assert!(unpacked.join("Cargo.toml").is_file(), "scripts/dist built from {unpacked:?}");
    // cargo's list of the sources the binary was built from names the unpacked crate's.
    let sources = root.join(format!("target/{}/release/planbook.d", dist.target));
    let sources = std::fs::read_to_string(&sources).expect("the binary's dep-info");
    let main = unpacked.join("src/main.rs");
    assert!(sources.contains(&main.display().to_string()), "built from {main:?}:\n{sources}");

    // The binary built from it writes the schemas the crate ships.
    let (_dir, binary) = dist.unpacked();
    let sample = sample();
    let (code, stderr) = planbook(&binary, sample.path(), &["schema", "-o", "schema-out"]);
    assert_eq!(code, 0, "{stderr}");
    let mut compared = 0;
    for entry in std::fs::read_dir(unpacked.join("schema")).expect("the crate's schemas") {
        let name = entry.expect("entry").file_name();
        let shipped = std::fs::read(unpacked.join("schema").join(&name)).expect("shipped");
        let written = std::fs::read(sample.path().join("schema-out").join(&name));
        assert_eq!(Some(shipped), written.ok(), "{name:?}");
        compared += 1;
    }
    assert_eq!(compared, 6, "one schema per kind");
}
