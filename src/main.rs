//! The `planbook` binary: parse arguments, run, map the outcome to an exit code.

use std::process::ExitCode;

use clap::Parser;
use planbook::source::Keep;

// Loading allocates many small strings from two threads; mimalloc is faster at that than the
// system allocator and returns memory better (see BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
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
            // Errors name paths and revisions, which may hold control characters.
            let shown = |e: &dyn std::fmt::Display| {
                planbook::source::escape_controls(&e.to_string(), Keep::Tabs).into_owned()
            };
            eprintln!("error: {}", shown(&error));
            for cause in error.chain().skip(1) {
                eprintln!("  caused by: {}", shown(cause));
            }
            ExitCode::from(2)
        }
    }
}
