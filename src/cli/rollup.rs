//! `planbook rollup WHAT`: computed figures as tables, CSV, JSON, Markdown or a spreadsheet.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, bail};
use clap::{Args, ValueEnum};

use crate::cli::table::{Table, write_xlsx};
use crate::cli::{Global, Outcome, tables};
use crate::index::Index;
use crate::load;
use crate::model::period::Period;
use crate::rollup::{self, Options};

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
pub fn run(args: &RollupArgs, global: &Global) -> anyhow::Result<Outcome> {
    let root = load::find_root(&global.cwd)?;
    let loaded = load::load(&root)?;
    let index = Index::new(&loaded.workspace);
    if let Some(unit) = &args.unit
        && !index.units.contains_key(unit.as_str())
    {
        // In the order of planbook.yaml: the index's map has none, and messages must not vary.
        let known: Vec<&str> = index.ws.config.units.iter().map(|u| u.id.value.as_str()).collect();
        bail!("unknown unit `{unit}`; the units are {}", known.join(", "));
    }
    let options = Options { unit: args.unit.clone(), period: args.period };
    let mut outcome = Outcome::Success;
    let (json, tables): (serde_json::Value, Vec<Table>) = match args.what {
        What::Budget => {
            let budgets = rollup::budget::rollup(&index, &options);
            for (unit, period) in &budgets.out_of_range {
                let unit = crate::source::escape_controls(unit, crate::source::Keep::Tabs);
                eprintln!(
                    "error: the budget of `{unit}` for {period} is left out: a sum or product of \
                     its figures is beyond what planbook computes exactly; run `planbook check`"
                );
                outcome = Outcome::Failure;
            }
            report(budgets, tables::budget)
        }
        What::Headcount => report(rollup::headcount::rollup(&index, &options), tables::headcount),
        What::Attainment => {
            report(rollup::attainment::rollup(&index, &options), tables::attainment)
        }
        What::Scores => report(rollup::scores::rollup(&index, &options), tables::scores),
        What::Trends => report(rollup::trends::rollup(&index, &options), tables::trends),
    };
    if !loaded.diagnostics.is_empty() && !global.quiet {
        eprintln!(
            "note: {} found while loading; documents that failed to load are left out; run \
             `planbook check`",
            crate::diag::count(loaded.diagnostics.len(), "problem", "problems")
        );
    }
    let text = match args.format {
        RollupFormat::Xlsx => {
            let path = args
                .output
                .as_ref()
                .context("`--format xlsx` writes a file: add `-o FILE.xlsx`")?;
            let path = global.cwd.join(path);
            write_xlsx(&tables, &path)
                .with_context(|| format!("failed to write `{}`", path.display()))?;
            if !global.quiet {
                eprintln!("wrote {}", path.display());
            }
            return Ok(outcome);
        }
        RollupFormat::Json => {
            format!("{}\n", crate::diag::json::escape_json(serde_json::to_string_pretty(&json)?))
        }
        RollupFormat::Table => tables.iter().map(Table::render_text).collect::<Vec<_>>().join("\n"),
        RollupFormat::Csv => tables
            .iter()
            .map(|t| format!("# {}\n{}", t.title, t.render_csv()))
            .collect::<Vec<_>>()
            .join("\n"),
        RollupFormat::Markdown => {
            tables.iter().map(Table::render_markdown).collect::<Vec<_>>().join("\n")
        }
    };
    match &args.output {
        Some(path) => {
            let path = global.cwd.join(path);
            std::fs::write(&path, text)
                .with_context(|| format!("failed to write `{}`", path.display()))?;
        }
        None => std::io::stdout().lock().write_all(text.as_bytes())?,
    }
    Ok(outcome)
}

fn report<R: serde::Serialize>(
    report: R,
    to_tables: fn(&R) -> Vec<Table>,
) -> (serde_json::Value, Vec<Table>) {
    let tables = to_tables(&report);
    (serde_json::to_value(&report).expect("reports serialise"), tables)
}
