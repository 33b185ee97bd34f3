//! `planbook rollup WHAT`: computed figures as tables, CSV, JSON, Markdown or a spreadsheet.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use clap::{Args, ValueEnum};

use crate::cli::table::{self, Table};
use crate::cli::{Global, Outcome, tables};
use crate::i18n::{Arg, Locale, msg};
use crate::index::Index;
use crate::load;
use crate::model::period::{Date, Period};
use crate::rollup::scores::{Ranking, ScoreOptions};
use crate::rollup::{self, Options, consolidate};
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
    /// Headcount on this day (default: the period's last day, else the roster's `as_of`)
    #[arg(long, value_name = "DATE", value_parser = parse_date, conflicts_with = "period")]
    as_of: Option<Date>,
    /// Headcount month by month from this month (with --to)
    #[arg(long, value_name = "MONTH", value_parser = parse_period, requires = "to")]
    #[arg(conflicts_with_all = ["period", "as_of"])]
    from: Option<Period>,
    /// Headcount month by month up to this month (with --from)
    #[arg(long, value_name = "MONTH", value_parser = parse_period, requires = "from")]
    to: Option<Period>,
    /// Output format (`xlsx` needs `-o`)
    #[arg(long, value_enum, default_value_t = RollupFormat::Table)]
    format: RollupFormat,
    /// Write to FILE instead of standard output
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Scores: rank everyone together instead of within each post
    #[arg(long)]
    overall: bool,
    /// Scores: only the people scored under this post
    #[arg(long, value_name = "POST")]
    post: Option<String>,
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

fn parse_date(text: &str) -> Result<Date, String> {
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
    headcount_only(args, said)?;
    if args.what != What::Scores && (args.overall || args.post.is_some()) {
        bail!("{}", msg!("scores-only-for-scores").text(said));
    }
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
        What::Headcount => headcount(args, &index, &options, &words, said)?,
        What::Attainment => {
            report(rollup::attainment::rollup(&index, &options), &words, tables::attainment)?
        }
        What::Scores => {
            let ranking = if args.overall { Ranking::Overall } else { Ranking::Post };
            let how = ScoreOptions { ranking, post: args.post.clone() };
            report(rollup::scores::rollup_with(&index, &options, &how), &words, tables::scores)?
        }
        What::Trends => report(rollup::trends::rollup(&index, &options), &words, tables::trends)?,
        What::Areas => report(rollup::areas::rollup(&index, &options), &words, tables::areas)?,
    };
    let (json, tables) = consolidated(args, &words, said, (json, tables), &mut outcome)?;
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

/// With `--unit` naming a unit that has units below it, `budget`, `headcount` and `attainment`
/// open with that unit's figures consolidated from theirs (`rollup::consolidate`): for
/// `--period` (a budget or attainment without one: the latest period with data; headcount
/// without one: today), and the JSON report gains them as `consolidated`.
fn consolidated(
    args: &RollupArgs,
    words: &tables::Words,
    said: Locale,
    (mut json, tables): (serde_json::Value, Vec<Table>),
    outcome: &mut Outcome,
) -> anyhow::Result<(serde_json::Value, Vec<Table>)> {
    let index = words.index;
    let Some(unit) = args.unit.as_deref().filter(|u| consolidate::has_children(index, u)) else {
        return Ok((json, tables));
    };
    let (value, mut front) = match args.what {
        What::Budget => {
            let latest = || consolidate::latest_budget_period(index, unit);
            let Some(period) = args.period.or_else(latest) else { return Ok((json, tables)) };
            let budget = consolidate::budget(index, unit, period);
            for unit in &budget.out_of_range {
                let unit = escape_controls(unit, Keep::Tabs);
                let period = period.to_string();
                eprintln!(
                    "{}",
                    msg!("consolidate-left-out", unit = unit, period = period).text(said)
                );
                *outcome = Outcome::Failure;
            }
            report(budget, words, tables::consolidated_budget)?
        }
        What::Headcount if args.from.is_some() => return Ok((json, tables)),
        What::Headcount => {
            let latest = || consolidate::latest_roster_day(index, unit);
            let day = args.as_of.or(args.period.map(Period::as_of)).or_else(latest);
            let day = day.unwrap_or_else(Date::today);
            report(consolidate::headcount(index, unit, day), words, tables::consolidated_headcount)?
        }
        What::Attainment => {
            let latest = || consolidate::latest_attainment_period(index, unit);
            let Some(period) = args.period.or_else(latest) else { return Ok((json, tables)) };
            let attainment = consolidate::attainment(index, unit, period);
            report(attainment, words, tables::consolidated_attainment)?
        }
        What::Scores | What::Trends | What::Areas => return Ok((json, tables)),
    };
    if let serde_json::Value::Object(map) = &mut json {
        map.insert("consolidated".into(), value);
    }
    // The consolidation replaces the attainment report's own table of units combined up the
    // hierarchy (its second table), which combines only unit-wide actuals and would disagree.
    let keep = if args.what == What::Attainment { 1 } else { tables.len() };
    front.extend(tables.into_iter().take(keep));
    Ok((json, front))
}

/// `--as-of`, `--from` and `--to` are refused for anything but headcount.
fn headcount_only(args: &RollupArgs, said: crate::i18n::Locale) -> anyhow::Result<()> {
    let given = [("--as-of", args.as_of.is_some()), ("--from", args.from.is_some())];
    match given.iter().find(|(_, given)| *given) {
        Some((option, _)) if args.what != What::Headcount => {
            bail!("{}", msg!("rollup-headcount-only", option = *option).text(said))
        }
        _ => Ok(()),
    }
}

/// Headcount on one day (`--as-of`, the end of `--period`, else each roster's `as_of`), or
/// month by month from `--from` to `--to`.
fn headcount(
    args: &RollupArgs,
    index: &Index,
    options: &Options,
    words: &tables::Words,
    said: crate::i18n::Locale,
) -> anyhow::Result<(serde_json::Value, Vec<Table>)> {
    use rollup::headcount::{months_between, rollup_on, trend};
    if let (Some(from), Some(to)) = (args.from, args.to) {
        if months_between(from, to).is_empty() {
            let (from, to) = (from.to_string(), to.to_string());
            bail!("{}", msg!("rollup-headcount-no-months", from = from, to = to).text(said));
        }
        return report(trend(index, options, from, to), words, tables::headcount_trend);
    }
    let day = args.as_of.or(args.period.map(Period::as_of));
    report(rollup_on(index, options, day), words, tables::headcount)
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
