//! The `planbook` binary: parse arguments, run, map the outcome to an exit code.

use std::process::ExitCode;

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

fn main() -> ExitCode {
    no_huge_pages();
    planbook::i18n::set_error_locale(locale());
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
