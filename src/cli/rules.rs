//! `planbook rules [ID]`: the rule catalogue, or one rule explained.

use std::io::Write;

use anyhow::bail;
use clap::Args;

use crate::cli::table::{Cell, Table};
use crate::cli::{Global, Outcome};
use crate::diag::rules::{ALL, find};
use crate::diag::suggest;
use crate::i18n::msg;

/// Arguments of `planbook rules`.
#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Explain this rule
    id: Option<String>,
}

/// Runs `planbook rules`.
pub fn run(args: &RulesArgs, global: &Global) -> anyhow::Result<Outcome> {
    let mut stdout = std::io::stdout().lock();
    let Some(id) = &args.id else {
        let mut table = Table::new(format!("{} rules", ALL.len()), &["rule", "default", "finds"]);
        for rule in ALL {
            table.row(vec![
                Cell::Text(rule.id.into()),
                Cell::Text(rule.default.as_str().into()),
                Cell::Text(rule.summary.into()),
            ]);
        }
        write!(stdout, "{}", table.render_text())?;
        writeln!(
            stdout,
            "\n`planbook rules ID` explains a rule; `rules:` in planbook.yaml overrides severities."
        )?;
        return Ok(Outcome::Success);
    };
    let Some(rule) = find(id) else {
        let hint = suggest::hint(id, ALL.iter().map(|r| r.id), None)
            .unwrap_or_else(|| msg!("rules-see-list"));
        bail!("{}", msg!("rules-unknown", id = id, hint = hint).text(global.own_locale()))
    };
    writeln!(
        stdout,
        "{} ({} by default)\n\n{}.\n\n{}",
        rule.id,
        rule.default.as_str(),
        capitalise(rule.summary),
        rule.explanation
    )?;
    Ok(Outcome::Success)
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
