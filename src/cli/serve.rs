//! `planbook serve`: build the handbook, serve it on a local address, rebuild when a file of
//! the data repository changes, and reload open pages after each rebuild.
//!
//! Changes are found by polling file sizes and modification times (twice a second), which
//! needs no platform watcher and sees edits made by any editor. The live-reload script and the
//! version it polls live under `/__planbook/`; the script tag is added to HTML as it is
//! served, so the files on disk stay exactly what `planbook build` writes.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::io::Write;
use std::net::IpAddr;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context;
use clap::Args;
use tiny_http::{Header, Response, Server};

use crate::cli::build::{BuildArgs, report};
use crate::cli::{Global, Outcome};
use crate::load;
use crate::render::{Handbook, Options, assets};

/// Arguments of `planbook serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    build: BuildArgs,
    /// The port to listen on (0 picks a free one)
    #[arg(long, default_value_t = 1111)]
    port: u16,
    /// The address to listen on; only this machine can connect to the default
    #[arg(long, default_value = "127.0.0.1")]
    bind: IpAddr,
}

/// Runs `planbook serve` until interrupted.
pub fn run(args: &ServeArgs, global: &Global) -> anyhow::Result<Outcome> {
    let root = load::find_root(&global.cwd)?;
    let out = args.build.out_dir(global, &root);
    let started = Instant::now();
    let built = Handbook::build(&root, &Options { out: out.clone(), history: true })?;
    let out = built.out.clone();
    if !global.quiet {
        report(&built, global, &root, started)?;
    }
    let server = Server::http((args.bind, args.port))
        .map_err(|e| anyhow::anyhow!("{e}"))
        .with_context(|| format!("failed to listen on {}:{}", args.bind, args.port))?;
    let addr = server.server_addr().to_ip().context("the server has no IP address")?;
    println!("serving the handbook at http://{addr}/ (rebuilds on change; Ctrl-C stops)");
    std::io::stdout().flush()?;

    let version = Arc::new(AtomicU64::new(1));
    let watcher_version = Arc::clone(&version);
    let (watch_root, watch_out, quiet) = (root.clone(), out.clone(), global.quiet);
    std::thread::spawn(move || watch(&watch_root, &watch_out, &watcher_version, quiet));

    for request in server.incoming_requests() {
        let response = respond(request.url(), &out, version.load(Ordering::SeqCst));
        // A client that went away is not our problem.
        let _ = request.respond(response);
    }
    Ok(Outcome::Success)
}

/// Rebuilds whenever the repository's files change.
fn watch(root: &Path, out: &Path, version: &AtomicU64, quiet: bool) {
    let mut last = fingerprint(root, out);
    loop {
        std::thread::sleep(Duration::from_millis(500));
        let now = fingerprint(root, out);
        if now == last {
            continue;
        }
        last = now;
        let started = Instant::now();
        match Handbook::build(root, &Options { out: out.to_path_buf(), history: true }) {
            Ok(built) => {
                version.fetch_add(1, Ordering::SeqCst);
                if !quiet {
                    let pages = crate::diag::count(built.pages, "page", "pages");
                    eprintln!("rebuilt {pages} in {:.0?}", started.elapsed());
                }
            }
            Err(e) => eprintln!("error: rebuild failed: {e:#}"),
        }
    }
}

/// A hash of every file's path, size and modification time (hidden and ignored files and the
/// output folder left out).
fn fingerprint(root: &Path, out: &Path) -> u64 {
    let mut hasher = DefaultHasher::new();
    let out = out.to_path_buf();
    let walk = ignore::WalkBuilder::new(root).filter_entry(move |e| e.path() != out).build();
    let mut entries: Vec<(PathBuf, u64, Option<std::time::SystemTime>)> = walk
        .flatten()
        .filter_map(|e| {
            let meta = e.metadata().ok()?;
            meta.is_file().then(|| (e.into_path(), meta.len(), meta.modified().ok()))
        })
        .collect();
    entries.sort();
    entries.hash(&mut hasher);
    hasher.finish()
}

type Reply = Response<std::io::Cursor<Vec<u8>>>;

/// The response to a GET of `url`.
fn respond(url: &str, out: &Path, version: u64) -> Reply {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    match path {
        "/__planbook/version" => return reply(version.to_string().into_bytes(), "text/plain"),
        "/__planbook/live-reload.js" => {
            return reply(assets::LIVE_RELOAD_JS.as_bytes().to_vec(), "text/javascript");
        }
        _ => {}
    }
    let Some(rel) = safe_path(path) else { return status(400, "bad path") };
    let mut file = out.join(&rel);
    if file.is_dir() {
        if !path.ends_with('/') && !path.is_empty() {
            let mut r = status(301, "moved");
            if let Ok(h) = Header::from_bytes("Location", format!("{path}/")) {
                r.add_header(h);
            }
            return r;
        }
        file = file.join("index.html");
    }
    match std::fs::read(&file) {
        Ok(bytes) => {
            let kind = content_type(&file);
            let bytes = if kind.starts_with("text/html") { inject(bytes) } else { bytes };
            reply(bytes, kind)
        }
        Err(_) => status(404, "not found"),
    }
}

/// The request path as a relative path inside the output folder; `None` if it would leave it.
fn safe_path(path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(path)?;
    let rel = PathBuf::from(decoded.trim_start_matches('/'));
    rel.components().all(|c| matches!(c, Component::Normal(_))).then_some(rel)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok().filter(|s| !s.contains('\0'))
}

/// Adds the live-reload script to an HTML page.
fn inject(html: Vec<u8>) -> Vec<u8> {
    let tag = b"<script src=\"/__planbook/live-reload.js\"></script>\n";
    match html.windows(7).rposition(|w| w == b"</body>") {
        Some(at) => [&html[..at], tag.as_slice(), &html[at..]].concat(),
        None => html,
    }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "woff2" => "font/woff2",
        "json" => "application/json",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn reply(bytes: Vec<u8>, kind: &str) -> Reply {
    let mut r = Response::from_data(bytes);
    for (name, value) in [
        ("Content-Type", kind),
        ("Cache-Control", "no-store"),
        ("X-Content-Type-Options", "nosniff"),
    ] {
        if let Ok(h) = Header::from_bytes(name, value) {
            r.add_header(h);
        }
    }
    r
}

fn status(code: u16, text: &str) -> Reply {
    reply(text.as_bytes().to_vec(), "text/plain; charset=utf-8").with_status_code(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_paths_stay_inside_the_output() {
        assert_eq!(safe_path("/plans/a.html"), Some(PathBuf::from("plans/a.html")));
        assert_eq!(safe_path("/pages/%E8%80%83.html"), Some(PathBuf::from("pages/考.html")));
        assert_eq!(safe_path("/"), Some(PathBuf::new()));
        for bad in ["/../etc/passwd", "/a/%2e%2e/%2e%2e/x", "/%00", "/%zz"] {
            assert_eq!(safe_path(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_reload_script_goes_before_the_body_ends() {
        let out = String::from_utf8(inject(b"<p>x</p></body></html>".to_vec())).unwrap();
        assert!(out.contains("live-reload.js\"></script>\n</body>"));
    }
}
