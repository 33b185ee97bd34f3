//! The `planbook` binary: parse arguments, run, map the outcome to an exit code.

use std::io::Write;
use std::process::ExitCode;
use std::sync::OnceLock;

use clap::Parser;
use planbook::i18n::Locale;
use planbook::source::Keep;

// Loading allocates many small strings from two threads; mimalloc is faster at that than the
// system allocator and returns memory better (see BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Asks Linux not to back this process with transparent huge pages. mimalloc asks for them,
/// and the kernel then zeroes 2 MiB for every first touch of a fresh region: a warm `check`
/// spent more time there than in its own work (system time 0.9 s against 0.35 s at 20,000
/// documents, and a larger peak). A run of planbook is short and its heap small, so huge pages
/// buy nothing back.
fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: `PR_SET_THP_DISABLE` only sets a flag of this process; it reads no memory.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

/// The language of an error that ends the run: `--lang` as given on the command line, else the
/// environment's, else the `locale` of the repository planbook runs in (after `-C`), else
/// English.
fn locale() -> Locale {
    let mut args = std::env::args_os().skip(1);
    let (mut lang, mut dir) = (None, None);
    while let Some(arg) = args.next() {
        let arg = arg.to_string_lossy().into_owned();
        if arg == "--" {
            break;
        }
        if arg == "--lang" {
            lang = args.next().and_then(|v| Locale::parse(&v.to_string_lossy()));
        } else if let Some(value) = arg.strip_prefix("--lang=") {
            lang = Locale::parse(value);
        } else if arg == "-C" {
            dir = args.next().map(std::path::PathBuf::from);
        }
    }
    lang.or_else(planbook::cli::env_locale)
        .or_else(|| {
            let cwd = std::env::current_dir().ok()?;
            let cwd = dir.map_or_else(|| cwd.clone(), |d| cwd.join(d));
            planbook::cli::repo_locale(&planbook::load::find_root(&cwd).ok()?)
        })
        .unwrap_or_default()
}

/// One error of the chain in words: an operating-system error in the catalogue's, others
/// as they are. Errors name paths and revisions, which may hold control characters.
fn shown(error: &(dyn std::error::Error + 'static), locale: Locale) -> String {
    let text = if let Some(io) = error.downcast_ref::<std::io::Error>() {
        planbook::i18n::io_error(io).text(locale)
    } else {
        error.to_string()
    };
    planbook::source::escape_controls(&text, Keep::Tabs).into_owned()
}

/// The language of the internal-error message, once [`locale`] has chosen it (English before).
static PANIC_LOCALE: OnceLock<Locale> = OnceLock::new();

/// The internal-error message in both languages, put into words before anything can panic: a
/// panic hook that itself panics aborts the process, so the hook only fills in two markers.
struct PanicText {
    en: (String, String, String),
    zh: (String, String, String),
}

const AT: &str = "\u{1}location\u{1}";
const DETAIL: &str = "\u{1}detail\u{1}";

impl PanicText {
    fn new() -> PanicText {
        let words = |locale| {
            let head = planbook::msg!("error-internal", location = AT).text(locale);
            let more = planbook::msg!("error-internal-detail", detail = DETAIL).text(locale);
            (head, more, planbook::msg!("error-output", reason = DETAIL).text(locale))
        };
        PanicText { en: words(Locale::En), zh: words(Locale::ZhCn) }
    }

    /// The message for a panic at `location` with `detail` (the panic's own words, which may
    /// quote data: control characters escaped, cut at 300 characters).
    fn text(&self, locale: Locale, location: &str, detail: &str) -> String {
        let (head, more, _) = if locale == Locale::ZhCn { &self.zh } else { &self.en };
        let detail: String = detail.chars().take(300).collect();
        let detail = planbook::source::escape_controls(&detail, Keep::Tabs);
        format!("{}\n  {}", head.replace(AT, location), more.replace(DETAIL, &detail))
    }

    /// The message for output that could not be written, for `reason` (the system's words).
    fn output(&self, locale: Locale, reason: &str) -> String {
        let (_, _, output) = if locale == Locale::ZhCn { &self.zh } else { &self.en };
        output.replace(DETAIL, &planbook::source::escape_controls(reason, Keep::Tabs))
    }
}

/// The operating-system error code in an `io::Error` as `Display` (`… (os error 28)`) or
/// `Debug` (`Os { code: 28, … }`) writes it.
fn os_code(reason: &str) -> Option<i32> {
    let (_, rest) = reason.split_once("(os error ").or_else(|| reason.split_once("code: "))?;
    rest.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok()
}

/// What a panic was about, by its words. `print!` panics when standard output fails, and so do
/// libraries that write to it (clap_complete): that is no bug of planbook's.
#[derive(Debug, PartialEq, Eq)]
enum Cause<'a> {
    /// Standard output was closed early (`planbook completions bash | head`): no failure.
    ClosedPipe,
    /// Standard output failed otherwise (a full disk): `reason`.
    Output(&'a str),
    /// A bug.
    Bug,
}

fn cause(detail: &str) -> Cause<'_> {
    let output = ["failed printing to stdout: ", "failed to write completion file: "];
    let Some(reason) = output.iter().find_map(|p| detail.strip_prefix(p)) else {
        return Cause::Bug;
    };
    // `Display` of an OS error, or `Debug` of an `io::Error`.
    if reason.starts_with("Broken pipe (os error") || reason.contains("kind: BrokenPipe") {
        Cause::ClosedPipe
    } else {
        Cause::Output(reason)
    }
}

/// Makes a panic end the run like any error that stops planbook: a short message on stderr in
/// the user's language, naming where it happened, and exit code 2 (never Rust's 101 or its
/// "panicked at" text). `RUST_BACKTRACE` set adds the backtrace, for the report.
fn install_panic_hook() {
    let words = PanicText::new();
    std::panic::set_hook(Box::new(move |info| {
        let location =
            info.location().map_or_else(String::new, |l| format!("{}:{}", l.file(), l.line()));
        let payload = info.payload();
        let detail = payload
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
            .unwrap_or("");
        let locale = PANIC_LOCALE.get().copied().unwrap_or_default();
        let mut stderr = std::io::stderr().lock();
        match cause(detail) {
            Cause::ClosedPipe => std::process::exit(0),
            Cause::Output(reason) => {
                // The system's error in the catalogue's words when its code can be read back.
                let reason = os_code(reason).map_or_else(
                    || reason.to_string(),
                    |code| {
                        let error = std::io::Error::from_raw_os_error(code);
                        planbook::i18n::io_error(&error).text(locale)
                    },
                );
                let _ = writeln!(stderr, "{}", words.output(locale, &reason));
                std::process::exit(2);
            }
            Cause::Bug => {}
        }
        let _ = writeln!(stderr, "{}", words.text(locale, &location, detail));
        if std::env::var_os("RUST_BACKTRACE").is_some_and(|v| v != "0") {
            let _ = writeln!(stderr, "{}", std::backtrace::Backtrace::force_capture());
        }
        let _ = stderr.flush();
        std::process::exit(2);
    }));
}

/// For the tests of the panic hook only (debug builds): `PLANBOOK_TEST_PANIC=main` panics on
/// the main thread, `=thread` on another thread, before the command runs. Release builds have
/// no such switch, and any other value does nothing.
fn test_panic() {
    #[cfg(debug_assertions)]
    match std::env::var("PLANBOOK_TEST_PANIC").as_deref() {
        Ok("main") => panic!("PLANBOOK_TEST_PANIC: a panic on request \u{7}"),
        Ok("thread") => {
            let _ = std::thread::spawn(|| panic!("PLANBOOK_TEST_PANIC: on a thread")).join();
        }
        _ => {}
    }
}

fn main() -> ExitCode {
    no_huge_pages();
    install_panic_hook();
    let chosen = locale();
    let _ = PANIC_LOCALE.set(chosen);
    planbook::i18n::set_error_locale(chosen);
    test_panic();
    // Usage errors exit 2 (clap's code), `--help` and `--version` 0.
    let cli = planbook::cli::Cli::parse();
    match planbook::cli::run(cli) {
        Ok(outcome) => outcome.exit_code(),
        Err(error) => {
            // A closed pipe (`planbook check | head`) is not a failure.
            if error.chain().any(|e| {
                e.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            let locale = locale();
            let first = shown(error.as_ref(), locale);
            eprintln!("{}", planbook::msg!("main-error", message = first).text(locale));
            for cause in error.chain().skip(1) {
                let line = planbook::msg!("main-caused-by", cause = shown(cause, locale));
                eprintln!("  {}", line.text(locale));
            }
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Cause, cause};

    #[test]
    fn output_that_cannot_be_written_is_no_internal_error() {
        let closed = "failed printing to stdout: Broken pipe (os error 32)";
        assert_eq!(cause(closed), Cause::ClosedPipe);
        let completion = "failed to write completion file: Os { code: 32, kind: BrokenPipe, \
                          message: \"Broken pipe\" }";
        assert_eq!(cause(completion), Cause::ClosedPipe);
        let full = "failed printing to stdout: No space left on device (os error 28)";
        assert_eq!(cause(full), Cause::Output("No space left on device (os error 28)"));
        assert_eq!(cause("attempt to add with overflow"), Cause::Bug);
        assert_eq!(cause("Broken pipe (os error 32)"), Cause::Bug);
        assert_eq!(super::os_code("No space left on device (os error 28)"), Some(28));
        assert_eq!(super::os_code("Os { code: 28, kind: StorageFull, message: \"\" }"), Some(28));
        assert_eq!(super::os_code("no code"), None);
    }
}
