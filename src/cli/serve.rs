//! `planbook serve`: build the handbook, serve it on a local address, rebuild when a file of
//! the data repository changes, and reload open pages after each rebuild.
//!
//! Changes are found by polling file sizes and modification times (twice a second), which
//! needs no platform watcher and sees edits made by any editor. The live-reload script and the
//! version it polls live under `/__planbook/`; the script tag is added to HTML as it is
//! served, so the files on disk stay exactly what `planbook build` writes.
//!
//! A rebuild that fails leaves the last good handbook in place (the output folder is replaced
//! whole or not at all); `serve` says so in the terminal (in the terminal's language) and,
//! until a rebuild succeeds, adds a banner with the error to every page it serves (in the
//! handbook's language, as are its plain-text answers such as "not found").

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::io::Write;
use std::net::IpAddr;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::Context;
use clap::Args;
use tiny_http::{Header, Response, Server};

use crate::cli::build::{BuildArgs, Reads, errors_summary, prepare, report, report_profile};
use crate::cli::{Global, Outcome};
use crate::i18n::{Locale, msg, t};
use crate::load;
use crate::render::profile::Profile;
use crate::render::util::percent_decode_strict;
use crate::render::{self, Built, Memo, Options, assets};

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

/// What the rebuilds tell the pages being served.
#[derive(Default)]
struct Status {
    /// Goes up after every rebuild, so open pages reload.
    version: AtomicU64,
    /// Why the last rebuild failed; `None` after a success.
    failure: Mutex<Option<String>>,
    /// The language of the last good handbook.
    locale: Mutex<Locale>,
}

impl Status {
    /// Records a rebuild's outcome and lets open pages reload.
    fn rebuilt(&self, failure: Option<String>) {
        if let Ok(mut f) = self.failure.lock() {
            *f = failure;
        }
        self.version.fetch_add(1, Ordering::SeqCst);
    }

    fn failure(&self) -> Option<String> {
        self.failure.lock().ok().and_then(|f| f.clone())
    }

    fn locale(&self) -> Locale {
        self.locale.lock().map(|l| *l).unwrap_or_default()
    }
}

/// Runs `planbook serve` until interrupted.
pub fn run(args: &ServeArgs, global: &Global) -> anyhow::Result<Outcome> {
    let root = load::find_root(&global.cwd)?;
    let out = render::check_target(&root, &args.build.out_dir(global, &root))?;
    let reads = args.build.reads(global);
    let started = Instant::now();
    // Taken before the first build, so a change made while it runs still triggers a rebuild.
    let files = fingerprint(&root, &out);
    let mut memo = Memo::default();
    let built = rebuild(&root, &out, reads, &mut memo, &mut Profile::default())?;
    // The terminal's language; `built.locale` is the handbook's (`--lang`, else the
    // repository's), which stands for the repository's here as `--lang` wins anyway.
    let say_in = global.locale(built.locale);
    if !global.quiet {
        report(&built, global, &root, started)?;
    }
    let server = Server::http((args.bind, args.port))
        .map_err(|e| anyhow::anyhow!("{e}"))
        .with_context(|| {
            let address = format!("{}:{}", args.bind, args.port);
            msg!("handbook-serve-cannot-listen", address = address).text(say_in)
        })?;
    let addr = server.server_addr().to_ip();
    let addr = addr.with_context(|| t(say_in, "handbook-serve-no-address"))?;
    let url = format!("http://{addr}/");
    println!("{}", msg!("handbook-serve-listening", url = url.clone()).text(say_in));
    std::io::stdout().flush()?;

    let status = Arc::new(Status {
        version: AtomicU64::new(1),
        locale: Mutex::new(built.locale),
        ..Status::default()
    });
    let watcher_status = Arc::clone(&status);
    let (watch_root, watch_out) = (root.clone(), out.clone());
    let (quiet, verbose) = (global.quiet, global.verbose);
    std::thread::spawn(move || {
        let say = Say { quiet, verbose, locale: say_in, base: url };
        watch(&watch_root, &watch_out, files, reads, &watcher_status, say, memo);
    });

    for request in server.incoming_requests() {
        let response = respond(request.url(), &out, &status);
        // A client that went away is not our problem.
        let _ = request.respond(response);
    }
    Ok(Outcome::Success)
}

/// Rebuilds whenever the repository's files differ from `last`, their fingerprint when the
/// handbook was last built.
fn watch(
    root: &Path,
    out: &Path,
    mut last: u64,
    reads: Reads,
    status: &Status,
    say: Say,
    mut memo: Memo,
) {
    loop {
        std::thread::sleep(Duration::from_millis(500));
        let now = fingerprint(root, out);
        if now == last {
            continue;
        }
        last = now;
        let started = Instant::now();
        let mut profile = Profile::default();
        match rebuild(root, out, reads, &mut memo, &mut profile) {
            Ok(built) => {
                if let Ok(mut locale) = status.locale.lock() {
                    *locale = built.locale;
                }
                status.rebuilt(None);
                if say.verbose {
                    let _ = report_profile(&profile);
                }
                if !say.quiet {
                    let time = format!("{:.0?}", started.elapsed());
                    let (pages, written) = (built.pages, built.written);
                    let done = msg!(
                        "handbook-serve-rebuilt",
                        pages = pages,
                        written = written,
                        time = time
                    );
                    eprintln!("{}", done.text(say.locale));
                    let page = |url: &str| format!("{}{url}", say.base);
                    for line in errors_summary(&built, say.locale, &|p| p.to_string(), &page) {
                        eprintln!("{line}");
                    }
                }
            }
            Err(e) => {
                // The next rebuild starts afresh.
                memo = Memo::default();
                let why = format!("{e:#}");
                eprintln!("{}", msg!("handbook-serve-failed", error = why).text(say.locale));
                status.rebuilt(Some(format!("{e:#}")));
            }
        }
    }
}

/// Loads the repository at `root` and builds its handbook into `out` (which only this
/// process writes): the first time whole, after that only the pages that changed since the
/// build `memo` describes (see [`render::Handbook::rebuild`]).
fn rebuild(
    root: &Path,
    out: &Path,
    reads: Reads,
    memo: &mut Memo,
    profile: &mut Profile,
) -> anyhow::Result<Built> {
    let handbook = prepare(root, reads, profile)?;
    handbook.rebuild(&Options { out: out.to_path_buf() }, memo, profile)
}

/// What to print after each rebuild.
#[derive(Clone)]
struct Say {
    quiet: bool,
    verbose: bool,
    /// The handbook's address, which pages named after a rebuild are shown under.
    base: String,
    /// The terminal's language.
    locale: Locale,
}

/// A hash of every file's and link's path, size and modification time (hidden and ignored
/// files and the output folder left out; links are not followed, as when loading).
fn fingerprint(root: &Path, out: &Path) -> u64 {
    let mut hasher = DefaultHasher::new();
    let walk = crate::load::walk::walker(root, Some(out.to_path_buf())).build();
    let mut entries: Vec<(PathBuf, u64, Option<std::time::SystemTime>)> = walk
        .flatten()
        .filter_map(|e| {
            let meta = e.metadata().ok()?;
            let kept = meta.is_file() || meta.file_type().is_symlink();
            kept.then(|| (e.into_path(), meta.len(), meta.modified().ok()))
        })
        .collect();
    entries.sort();
    entries.hash(&mut hasher);
    hasher.finish()
}

type Reply = Response<std::io::Cursor<Vec<u8>>>;

/// The response to a GET of `url`.
fn respond(url: &str, out: &Path, state: &Status) -> Reply {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    match path {
        "/__planbook/version" => {
            let version = state.version.load(Ordering::SeqCst);
            return reply(version.to_string().into_bytes(), "text/plain");
        }
        "/__planbook/live-reload.js" => {
            return reply(assets::LIVE_RELOAD_JS.as_bytes().to_vec(), "text/javascript");
        }
        "/__planbook/rebuild-failed.css" => {
            return reply(assets::REBUILD_FAILED_CSS.as_bytes().to_vec(), "text/css");
        }
        _ => {}
    }
    let locale = state.locale();
    let Some(rel) = safe_path(path) else {
        return status(400, &t(locale, "handbook-serve-bad-path"));
    };
    let mut file = out.join(&rel);
    if !file.is_file() && !file.join("index.html").is_file() {
        // `/budgets` and `/budgets/` name the folder of the budget pages, which has no index:
        // the list of them is `budgets.html`.
        let bare = path.trim_end_matches('/');
        let list = format!("{bare}.html");
        if !bare.is_empty() && safe_path(&list).is_some_and(|p| out.join(p).is_file()) {
            return moved(&list, locale);
        }
    }
    if file.is_dir() {
        // A folder of pages with neither an index nor a list page (`/reports`): not found,
        // rather than a redirect to a folder that is not found either.
        if !file.join("index.html").is_file() {
            return status(404, &t(locale, "handbook-serve-not-found"));
        }
        if !path.ends_with('/') && !path.is_empty() {
            return moved(&format!("{path}/"), locale);
        }
        file = file.join("index.html");
    }
    match std::fs::read(&file) {
        Ok(bytes) => {
            let kind = content_type(&file);
            let bytes = if kind.starts_with("text/html") {
                inject(bytes, state.failure().as_deref(), locale)
            } else {
                bytes
            };
            reply(bytes, kind)
        }
        Err(_) => status(404, &t(locale, "handbook-serve-not-found")),
    }
}

/// A permanent redirect to `location`.
fn moved(location: &str, locale: Locale) -> Reply {
    let mut r = status(301, &t(locale, "handbook-serve-moved"));
    if let Ok(h) = Header::from_bytes("Location", location) {
        r.add_header(h);
    }
    r
}

/// The request path as a relative path inside the output folder; `None` if it would leave it.
fn safe_path(path: &str) -> Option<PathBuf> {
    let decoded = percent_decode_strict(path).filter(|s| !s.contains('\0'))?;
    let rel = PathBuf::from(decoded.trim_start_matches('/'));
    rel.components().all(|c| matches!(c, Component::Normal(_))).then_some(rel)
}

/// Adds the live-reload script to an HTML page and, while the last rebuild failed, a banner
/// that says why at the top of the page.
fn inject(html: Vec<u8>, failure: Option<&str>, locale: Locale) -> Vec<u8> {
    let script = b"<script src=\"/__planbook/live-reload.js\"></script>\n";
    let html = match html.windows(7).rposition(|w| w == b"</body>") {
        Some(at) => [&html[..at], script.as_slice(), &html[at..]].concat(),
        None => html,
    };
    let Some(failure) = failure else { return html };
    let banner = format!(
        "\n<link rel=\"stylesheet\" href=\"/__planbook/rebuild-failed.css\">\n\
         <div class=\"planbook-rebuild-failed\" role=\"alert\"><strong>{}</strong>\
         <pre>{}</pre></div>\n",
        escape(&t(locale, "handbook-serve-banner")),
        escape(failure)
    );
    let body = html.windows(5).position(|w| w.eq_ignore_ascii_case(b"<body"));
    match body.and_then(|at| html[at..].iter().position(|b| *b == b'>').map(|end| at + end + 1)) {
        Some(at) => [&html[..at], banner.as_bytes(), &html[at..]].concat(),
        None => [banner.as_bytes(), html.as_slice()].concat(),
    }
}

/// `text` safe inside HTML.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
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
        let out = String::from_utf8(inject(b"<p>x</p></body></html>".to_vec(), None, Locale::En));
        let out = out.unwrap();
        assert!(out.contains("live-reload.js\"></script>\n</body>"));
        assert!(!out.contains("rebuild-failed"));
    }

    #[test]
    fn a_failed_rebuild_is_announced_at_the_top_of_the_page() {
        let page = b"<html><body class=\"x\"><p>x</p></body></html>".to_vec();
        let failure = Some("bad <tag> in `page.html`");
        let out = String::from_utf8(inject(page.clone(), failure, Locale::En)).unwrap();
        let banner = out.find("planbook-rebuild-failed\"").expect("a banner");
        assert!(out.find("<body class=\"x\">").is_some_and(|b| b < banner), "{out}");
        assert!(banner < out.find("<p>x</p>").expect("content"), "{out}");
        assert!(out.contains("bad &lt;tag&gt; in `page.html`"), "escaped: {out}");
        assert!(out.contains("The last rebuild failed"), "{out}");
        let zh = String::from_utf8(inject(page, failure, Locale::ZhCn)).unwrap();
        assert!(zh.contains("上一次重建失败") && !zh.contains("The last rebuild"), "{zh}");
    }
}
