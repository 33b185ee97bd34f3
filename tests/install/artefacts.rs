//! The artefacts a release makes, built once for all the tests by `scripts/dist` — the same
//! script the release workflow runs — and the release archive's own checks.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use crate::support::{project_root, require_tool, test_cache};

/// The version every artefact carries.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The static Linux target the release archives are built for.
const MUSL: &str = "x86_64-unknown-linux-musl";

/// What `scripts/dist --wheel` made for this machine.
pub struct Dist {
    /// The folder holding the archive, its checksum file and the wheel.
    pub dir: PathBuf,
    pub target: String,
    /// `planbook-VERSION-TARGET`, the archive's name without extension and its one folder.
    pub name: String,
    pub archive: PathBuf,
    pub wheel: PathBuf,
    /// Whether the binary must be static (the musl target).
    pub static_binary: bool,
}

/// Builds the release archive and the wheel once for every test (a release build: minutes the
/// first time, seconds when cargo finds it fresh). `None` when a tool is missing outside CI.
pub fn dist() -> Option<&'static Dist> {
    // A failed build is kept and reported to every test, not run again by each.
    static DIST: OnceLock<Result<Option<Dist>, String>> = OnceLock::new();
    let built = DIST.get_or_init(|| {
        std::panic::catch_unwind(build).map_err(|e| {
            let text = e.downcast_ref::<String>().cloned();
            text.or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string())).unwrap_or_default()
        })
    });
    match built {
        Ok(dist) => dist.as_ref(),
        Err(message) => panic!("scripts/dist failed: {message}"),
    }
}

fn build() -> Option<Dist> {
    if !require_tool("maturin") {
        return None;
    }
    let target = target()?;
    let dir = project_root().join("target/dist-test");
    let _ = std::fs::remove_dir_all(&dir);
    let mut dist = Command::new(project_root().join("scripts/dist"));
    dist.args(["--target", &target, "--out"]).arg(&dir).arg("--wheel");
    if target == MUSL {
        // pip here (glibc) takes a `linux` wheel; the release workflow tags its musl wheels
        // `musllinux_1_2` and builds `manylinux` ones from the gnu target.
        dist.args(["--", "--compatibility", "linux"]);
    }
    output(&mut dist);
    let name = format!("planbook-{VERSION}-{target}");
    let archive = dir.join(format!("{name}.tar.gz"));
    assert!(archive.is_file(), "scripts/dist wrote no {}", archive.display());
    let wheels: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("dist folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "whl"))
        .collect();
    assert_eq!(wheels.len(), 1, "one wheel: {wheels:?}");
    let wheel = wheels.into_iter().next().expect("a wheel");
    Some(Dist { dir, static_binary: target == MUSL, target, name, archive, wheel })
}

/// The musl target when its standard library and C compiler are installed (scripts/test
/// installs both); else, outside CI, this machine's own target.
fn target() -> Option<String> {
    let installed = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).lines().any(|l| l.trim() == MUSL));
    let compiler = Command::new("sh")
        .args(["-c", "command -v musl-gcc"])
        .output()
        .is_ok_and(|o| o.status.success());
    if installed && compiler {
        return Some(MUSL.to_string());
    }
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!(
            "the {MUSL} target and musl-gcc are required under CI=true; scripts/test installs them"
        );
    }
    eprintln!("building for this machine's target: {MUSL} or musl-gcc is missing");
    let host = output(Command::new("rustc").arg("-vV"));
    host.lines().find_map(|l| l.strip_prefix("host: ")).map(str::to_string)
}

impl Dist {
    /// The archive unpacked in a temporary folder, and the binary in it.
    pub fn unpacked(&self) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().expect("temporary folder");
        output(Command::new("tar").arg("-xzf").arg(&self.archive).arg("-C").arg(dir.path()));
        let binary = dir.path().join(&self.name).join("planbook");
        (dir, binary)
    }
}

/// Runs `command`, failing the test with its output when it fails; returns its stdout.
pub fn output(command: &mut Command) -> String {
    let out = command.output().unwrap_or_else(|e| panic!("run {command:?}: {e}"));
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{command:?} failed ({}):\n{stdout}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

/// A copy of the sample data repository `plans/`, in a git repository of its own.
pub fn sample() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    crate::support::copy_tree(&project_root().join("plans"), dir.path());
    let _ = std::fs::remove_dir_all(dir.path().join("_site"));
    dir
}

/// Runs an installed `planbook` on `dir` and returns (exit code, stderr).
pub fn planbook(binary: &Path, dir: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::new(binary)
        .args(args)
        .current_dir(dir)
        .env("LANG", "en_US.UTF-8")
        .env("PLANBOOK_CACHE_DIR", test_cache())
        .output()
        .unwrap_or_else(|e| panic!("run {}: {e}", binary.display()));
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// Whether an ELF file asks for a program interpreter (the dynamic loader): a static binary
/// does not.
fn has_interpreter(elf: &[u8]) -> bool {
    assert!(elf.starts_with(b"\x7fELF") && elf[4] == 2, "a 64-bit ELF file");
    let u16_at = |at: usize| u16::from_le_bytes([elf[at], elf[at + 1]]) as usize;
    let phoff = u64::from_le_bytes(elf[0x20..0x28].try_into().expect("8 bytes")) as usize;
    let (size, count) = (u16_at(0x36), u16_at(0x38));
    (0..count).any(|i| {
        let at = phoff + i * size;
        u32::from_le_bytes(elf[at..at + 4].try_into().expect("4 bytes")) == 3 // PT_INTERP
    })
}

#[test]
fn release_archive_holds_the_binary_its_documents_and_a_checksum() {
    let Some(dist) = dist() else { return };
    let listing = output(Command::new("tar").arg("-tzf").arg(&dist.archive));
    let mut files: Vec<&str> = listing.lines().filter(|l| !l.ends_with('/')).collect();
    files.sort_unstable();
    let name = &dist.name;
    for file in [
        "planbook",
        "README.md",
        "CHANGELOG.md",
        "LICENSE-MIT",
        "LICENSE-APACHE",
        "complete/planbook.bash",
        "complete/_planbook",
        "complete/planbook.fish",
        "complete/_planbook.ps1",
        "doc/planbook.1",
        "doc/planbook-check.1",
        "doc/planbook-build.1",
    ] {
        assert!(files.contains(&format!("{name}/{file}").as_str()), "{file} in {files:?}");
    }
    assert!(files.iter().all(|f| f.starts_with(&format!("{name}/"))), "one folder: {files:?}");
    let man = files.iter().filter(|f| f.ends_with(".1")).count();
    assert!(man >= 10, "a man page for each command: {files:?}");

    // The checksum file is `sha256sum`'s own format, and it catches a changed archive.
    let sums = format!("{name}.tar.gz.sha256");
    output(Command::new("sha256sum").args(["--check", "--strict", &sums]).current_dir(&dist.dir));
    let tampered = tempfile::tempdir().expect("temporary folder");
    let mut bytes = std::fs::read(&dist.archive).expect("archive");
    bytes.push(0);
    std::fs::write(tampered.path().join(format!("{name}.tar.gz")), bytes).expect("write");
    std::fs::copy(dist.dir.join(&sums), tampered.path().join(&sums)).expect("copy");
    let check = Command::new("sha256sum")
        .args(["--check", "--strict", &sums])
        .current_dir(tampered.path())
        .output()
        .expect("run sha256sum");
    assert!(!check.status.success(), "a changed archive fails its checksum");

    // Unpacked, the binary runs on its own and checks the sample repository.
    let (_unpacked, binary) = dist.unpacked();
    let version = output(Command::new(&binary).arg("--version"));
    assert_eq!(version.trim(), format!("planbook {VERSION}"));
    let elf = std::fs::read(&binary).expect("binary");
    if dist.static_binary {
        assert!(!has_interpreter(&elf), "the {} binary is static", dist.target);
    }
    eprintln!("release binary for {}: {} bytes", dist.target, elf.len());
    let sample = sample();
    let (code, stderr) = planbook(&binary, sample.path(), &["check"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("checked "), "{stderr}");
}
