//! `planbook new review|plan|budget --unit U --period P`: next period's documents, prefilled.

use std::path::PathBuf;

use anyhow::bail;
use clap::{Args, ValueEnum};

use crate::cli::{Global, Outcome};
use crate::i18n::{Msg, msg};
use crate::index::Index;
use crate::load;
use crate::model::period::Period;
use crate::scaffold::id::parse_id;
use crate::scaffold::new::{self, NewDocument};

/// Arguments of `planbook new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// What to start
    #[arg(value_enum)]
    kind: NewKind,
    /// The unit
    #[arg(long, value_parser = parse_id)]
    unit: String,
    /// The period, e.g. 2027-01
    #[arg(long, value_parser = |s: &str| s.parse::<Period>())]
    period: Period,
    /// Write to FILE instead of the default path next to its source document
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Print the document instead of writing it
    #[arg(long)]
    stdout: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum NewKind {
    /// The period's review, from its plan: every target, task, budget line and person to fill
    Review,
    /// The period's plan, from the previous period's plan
    Plan,
    /// The period's budget, a copy of the previous period's
    Budget,
}

/// Runs `planbook new`.
pub fn run(args: &NewArgs, global: &Global) -> anyhow::Result<Outcome> {
    let root = load::find_root(&global.cwd)?;
    let loaded = load::load(&root)?;
    let index = Index::new(&loaded.workspace);
    let repo = loaded.workspace.config.locale;
    // Messages in the reader's language; the document's comments in the repository's.
    let (lang, written) = (global.locale(repo), global.publication_locale(repo));
    let words = |m: Msg| anyhow::anyhow!("{}", m.text(lang));
    if !index.units.contains_key(args.unit.as_str()) {
        bail!("{}", msg!("scaffold-unknown-unit", unit = &args.unit).text(lang));
    }
    let doc: NewDocument = match args.kind {
        NewKind::Review => new::review(&index, &args.unit, args.period, written),
        NewKind::Plan => new::plan(&index, &args.unit, args.period, written),
        NewKind::Budget => new::budget(&index, &args.unit, args.period),
    }
    .map_err(words)?;
    if args.stdout {
        print!("{}", doc.text);
        return Ok(Outcome::Success);
    }
    let output = args.output.as_ref().map(|o| global.cwd.join(o));
    let path = new::destination(&root, &doc, output.as_deref()).map_err(words)?;
    // Inside the repository unless `-o` names a place of the user's choosing.
    let within =
        if output.is_some() { path.parent().unwrap_or(&root).to_path_buf() } else { root.clone() };
    crate::cli::write_new_file(&within, &path, doc.text.as_bytes())?;
    if !global.quiet {
        let shown = global.display_path(&root, path.strip_prefix(&root).unwrap_or(&path));
        eprintln!("{}", msg!("scaffold-wrote", path = shown).text(lang));
    }
    Ok(Outcome::Success)
}
