//! `planbook rollup WHAT`: computed figures as tables, CSV, JSON, Markdown or a spreadsheet.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use clap::{Args, ValueEnum};

use crate::cli::table::{self, Table};
use crate::cli::{Global, Outcome, tables};
use crate::i18n::{Arg, msg};
use crate::index::Index;
use crate::load;
use crate::model::period::Period;
use crate::rollup::{self, Options};
use crate::source::{Keep, escape_controls};

/// Arguments of `planbook rollup`.
#[derive(Debug, Args)]
pub struct RollupArgs {
    /// What to compute
    #[arg(value_enum)]
    what: What,
    /// Only this unit and the units below it
    #[arg(long, value_name = "UNIT")]
    unit: Option<String>,
    /// Only periods within this one, e.g. 2026-12, 2026-Q4 or 2026
    #[arg(long, value_name = "PERIOD", value_parser = parse_period)]
    period: Option<Period>,
    /// Output format (`xlsx` needs `-o`)
    #[arg(long, value_enum, default_value_t = RollupFormat::Table)]
    format: RollupFormat,
    /// Write to FILE instead of standard output
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum What {
    /// Budget lines, categories, sections, caps, previous period, actual spend, year to date
    Budget,
    /// Headcount against establishment by post and region, span of control, depth
    Headcount,
    /// KPI actuals against targets, and up the unit hierarchy
    Attainment,
    /// Weighted evaluation scores, averages and ranking
    Scores,
    /// KPIs and budget categories across periods
    Trends,
    /// Work areas of plans: tasks done, in progress, blocked and not started per area
    Areas,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum RollupFormat {
    /// Aligned columns for the terminal
    Table,
    /// Comma-separated values
    Csv,
    /// The report as JSON, with exact decimal strings
    Json,
    /// Markdown tables
    Markdown,
    /// An Excel workbook, one sheet per table (needs -o FILE)
    Xlsx,
}

fn parse_period(text: &str) -> Result<Period, String> {
    text.parse()
}

/// Runs `planbook rollup`.
///
/// Language: what a person reads on the terminal (tables on standard output, notes and
/// errors on standard error) is in [`Global::locale`] — `--lang`, else the environment's
/// language, else the repository's `locale`. A file written with `-o` (any format, and every
/// workbook) is a publication, for readers other than the one running planbook, so it is in
/// [`Global::publication_locale`] — `--lang`, else the repository's `locale` — as the
/// handbook is. JSON carries ids and machine values (`standing: above-floor`), never words,
/// and is the same in every language.
pub fn run(args: &RollupArgs, global: &Global) -> anyhow::Result<Outcome> {
    let root = load::find_root(&global.cwd)?;
    let loaded = load::load(&root)?;
    let index = Index::new(&loaded.workspace);
    let repo = index.ws.config.locale;
    let said = global.locale(repo);
    if let Some(unit) = &args.unit
        && !index.units.contains_key(unit.as_str())
    {
        // In the order of planbook.yaml: the index's map has none, and messages must not vary.
        let known: Vec<String> =
            index.ws.config.units.iter().map(|u| u.id.value.0.clone()).collect();
        bail!("{}", msg!("rollup-unknown-unit", unit = unit, units = Arg::List(known)).text(said));
    }
    let written = args.output.is_some() || args.format == RollupFormat::Xlsx;
    let locale = if written { global.publication_locale(repo) } else { said };
    let words = tables::Words { index: &index, locale };
    let options = Options { unit: args.unit.clone(), period: args.period };
    let mut outcome = Outcome::Success;
    let (json, tables): (serde_json::Value, Vec<Table>) = match args.what {
        What::Budget => {
            let budgets = rollup::budget::rollup(&index, &options);
            for (unit, period) in &budgets.out_of_range {
                let unit = escape_controls(unit, Keep::Tabs);
                let period = period.to_string();
                eprintln!("{}", msg!("rollup-left-out", unit = unit, period = period).text(said));
                outcome = Outcome::Failure;
            }
            report(budgets, &words, tables::budget)?
        }
        What::Headcount => {
            report(rollup::headcount::rollup(&index, &options), &words, tables::headcount)?
        }
        What::Attainment => {
            report(rollup::attainment::rollup(&index, &options), &words, tables::attainment)?
        }
        What::Scores => report(rollup::scores::rollup(&index, &options), &words, tables::scores)?,
        What::Trends => report(rollup::trends::rollup(&index, &options), &words, tables::trends)?,
        What::Areas => report(rollup::areas::rollup(&index, &options), &words, tables::areas)?,
    };
    if !loaded.diagnostics.is_empty() && !global.quiet {
        eprintln!("{}", msg!("rollup-load-problems", count = loaded.diagnostics.len()).text(said));
    }
    let bytes = match args.format {
        RollupFormat::Xlsx => {
            if args.output.is_none() {
                bail!("{}", msg!("rollup-xlsx-needs-file").text(said));
            }
            table::xlsx(&tables)?
        }
        RollupFormat::Json => {
            format!("{}\n", crate::diag::json::escape_json(serde_json::to_string_pretty(&json)?))
                .into_bytes()
        }
        RollupFormat::Table => {
            tables.iter().map(Table::render_text).collect::<Vec<_>>().join("\n").into_bytes()
        }
        RollupFormat::Csv => tables
            .iter()
            .map(|t| format!("# {}\n{}", t.title, t.render_csv()))
            .collect::<Vec<_>>()
            .join("\n")
            .into_bytes(),
        RollupFormat::Markdown => {
            tables.iter().map(Table::render_markdown).collect::<Vec<_>>().join("\n").into_bytes()
        }
    };
    match &args.output {
        Some(path) => {
            let path = global.cwd.join(path);
            let shown = escape_controls(&path.display().to_string(), Keep::Tabs).into_owned();
            write_whole(&path, &bytes)
                .with_context(|| msg!("rollup-write-failed", path = &shown).text(said))?;
            if args.format == RollupFormat::Xlsx && !global.quiet {
                eprintln!("{}", msg!("rollup-wrote", path = &shown).text(said));
            }
        }
        None => std::io::stdout().lock().write_all(&bytes)?,
    }
    Ok(outcome)
}

fn report<R: serde::Serialize>(
    report: R,
    words: &tables::Words,
    to_tables: fn(&R, &tables::Words) -> Vec<Table>,
) -> anyhow::Result<(serde_json::Value, Vec<Table>)> {
    let tables = to_tables(&report, words);
    Ok((serde_json::to_value(&report)?, tables))
}

/// Writes `bytes` to `path` whole or not at all: into a new temporary file beside it, renamed
/// over `path` once written and flushed. On any failure the temporary file is removed, and
/// whatever was at `path` before is left as it was.
fn write_whole(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut attempt = 0u32;
    let (temp, mut file) = loop {
        let temp = folder.join(format!(".{name}.{}-{attempt}.tmp", std::process::id()));
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&temp) {
            Ok(file) => break (temp, file),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 => {
                attempt += 1;
            }
            Err(e) => return Err(e.into()),
        }
    };
    let written = file
        .write_all(bytes)
        .and_then(|()| file.sync_all())
        .and_then(|()| std::fs::rename(&temp, path));
    drop(file);
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temp);
        return Err(e.into());
    }
    Ok(())
}
