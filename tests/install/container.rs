//! The container image: the Dockerfile passes hadolint, and where a container engine works
//! (podman, which scripts/test installs, or a Docker daemon) the image is built from the
//! release archive's static binary, laid out as the release workflow lays it out, and what is
//! inside it checks the sample repository.

use std::path::Path;
use std::process::Command;

use crate::artefacts::{VERSION, dist, output, planbook, sample};
use crate::support::{project_root, require_tool};

#[test]
fn dockerfile_passes_hadolint() {
    if !require_tool("hadolint") {
        return;
    }
    let out = Command::new("hadolint")
        .args(["--no-color", "--failure-threshold", "style"])
        .arg(project_root().join("Dockerfile"))
        .output()
        .expect("run hadolint");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success() && text.trim().is_empty(), "hadolint:\n{text}");
}

#[test]
fn dockerfile_copies_the_static_binary_the_workflow_lays_out() {
    let dockerfile = std::fs::read_to_string(project_root().join("Dockerfile")).unwrap();
    let instructions: Vec<&str> = dockerfile
        .lines()
        .filter(|l| !l.trim_start().starts_with('#') && !l.trim().is_empty())
        .collect();
    assert_eq!(instructions.first(), Some(&"FROM scratch"), "{instructions:?}");
    assert!(
        instructions.contains(&"COPY --chmod=0755 ${TARGETARCH}/planbook /usr/local/bin/planbook")
    );
    assert!(instructions.contains(&"ENTRYPOINT [\"/usr/local/bin/planbook\"]"));
    // The release workflow's image job puts each platform's binary where the COPY looks.
    let workflow =
        std::fs::read_to_string(project_root().join(".github/workflows/release.yml")).unwrap();
    assert!(workflow.contains("mkdir -p \"image/$arch\""), "the image job's layout changed");
    assert!(workflow.contains("platforms: linux/amd64,linux/arm64"));
}

/// The container engine to build with: podman, or docker with a running daemon.
fn engine() -> Option<&'static str> {
    ["podman", "docker"]
        .into_iter()
        .find(|engine| Command::new(engine).arg("info").output().is_ok_and(|o| o.status.success()))
}

#[test]
fn image_builds_from_the_release_binary_and_checks_the_sample() {
    let Some(engine) = engine() else {
        if std::env::var("CI").as_deref() == Ok("true") {
            panic!("no container engine works under CI=true; scripts/test installs podman");
        }
        eprintln!("no container engine works here: the Dockerfile is linted only");
        return;
    };
    let Some(dist) = dist() else { return };
    if !dist.static_binary {
        eprintln!("the image needs the static musl binary; {} is not", dist.target);
        return;
    }
    // The build context, as the release workflow's `image` job makes it.
    let context = tempfile::tempdir().expect("temporary folder");
    std::fs::create_dir_all(context.path().join("amd64")).expect("mkdir");
    output(
        Command::new("tar")
            .arg("-xzf")
            .arg(&dist.archive)
            .arg("-C")
            .arg(context.path().join("amd64"))
            .args(["--strip-components=1", &format!("{}/planbook", dist.name)]),
    );
    std::fs::copy(project_root().join("Dockerfile"), context.path().join("Dockerfile")).unwrap();
    let tag = format!("localhost/planbook-test:{VERSION}");
    output(
        Command::new(engine)
            .args(["build", "--quiet", "--platform", "linux/amd64", "-t", &tag])
            .arg(context.path()),
    );
    let inspect = output(Command::new(engine).args([
        "image",
        "inspect",
        "--format",
        "{{json .Config.Entrypoint}} {{json .Config.Cmd}} {{.Config.WorkingDir}} {{.Size}}",
        &tag,
    ]));
    let fields: Vec<&str> = inspect.split_whitespace().collect();
    assert_eq!(fields[..3], ["[\"/usr/local/bin/planbook\"]", "[\"check\"]", "/data"], "{inspect}");
    eprintln!("container image: {} bytes", fields[3]);

    // What is in the image: the binary and the working folder, nothing else.
    let container = output(Command::new(engine).args(["create", &tag]));
    let rootfs = tempfile::tempdir().expect("temporary folder");
    let export = rootfs.path().join("rootfs.tar");
    output(Command::new(engine).args(["export", "-o"]).arg(&export).arg(container.trim()));
    output(Command::new(engine).args(["rm", container.trim()]));
    output(Command::new(engine).args(["rmi", &tag]));
    let listing = output(Command::new("tar").arg("-tf").arg(&export));
    // What the engine adds to every container (Docker's `.dockerenv`, mount points) is not
    // the image's.
    let engine_made =
        |l: &&str| [".dockerenv", "etc/", "dev/", "proc/", "sys/"].iter().any(|p| l.starts_with(p));
    let files: Vec<&str> =
        listing.lines().filter(|l| !l.ends_with('/')).filter(|l| !engine_made(l)).collect();
    assert_eq!(files, ["usr/local/bin/planbook"], "{listing}");
    output(Command::new("tar").arg("-xf").arg(&export).arg("-C").arg(rootfs.path()));
    let binary = rootfs.path().join("usr/local/bin/planbook");
    assert_executable(&binary);
    let sample = sample();
    let (code, stderr) = planbook(&binary, sample.path(), &["check"]);
    assert_eq!(code, 0, "{stderr}");
}

fn assert_executable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path).expect("binary in the image").permissions().mode();
    assert_eq!(mode & 0o755, 0o755, "{} is mode {mode:o}", path.display());
}
