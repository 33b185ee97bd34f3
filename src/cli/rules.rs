//! `planbook rules [ID]`: the rule catalogue, or one rule explained.

use std::io::Write;

use anyhow::bail;
use clap::Args;

use crate::cli::table::{Cell, Table};
use crate::cli::{Global, Outcome};
use crate::diag::rules::{ALL, find};
use crate::diag::suggest;
use crate::i18n::{msg, t};

/// Arguments of `planbook rules`.
#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Explain this rule
    id: Option<String>,
}

/// Runs `planbook rules`: in the language of the data repository it runs in, if any.
pub fn run(args: &RulesArgs, global: &Global) -> anyhow::Result<Outcome> {
    let locale = global.here_locale();
    let mut stdout = std::io::stdout().lock();
    let Some(id) = &args.id else {
        let heads = [t(locale, "rules-head-rule"), t(locale, "rules-head-default")];
        let finds = t(locale, "rules-head-finds");
        let title = msg!("rules-title", count = ALL.len()).text(locale);
        let mut table = Table::new(title, &[&heads[0], &heads[1], &finds]);
        for rule in ALL {
            table.row(vec![
                Cell::Text(rule.id.into()),
                Cell::Text(rule.default.word(locale)),
                Cell::Text(rule.summary(locale)),
            ]);
        }
        write!(stdout, "{}", table.render_text())?;
        writeln!(stdout, "\n{}", t(locale, "rules-closing"))?;
        return Ok(Outcome::Success);
    };
    let Some(rule) = find(id) else {
        let hint = suggest::hint(id, ALL.iter().map(|r| r.id), None)
            .unwrap_or_else(|| msg!("rules-see-list"));
        bail!("{}", msg!("rules-unknown", id = id, hint = hint).text(locale))
    };
    let severity = rule.default.word(locale);
    let head = msg!("rules-explain-head", id = rule.id, severity = severity);
    let summary = msg!("rules-explain-summary", summary = rule.summary(locale));
    writeln!(
        stdout,
        "{}\n\n{}\n\n{}",
        head.text(locale),
        summary.text(locale),
        rule.explanation(locale)
    )?;
    Ok(Outcome::Success)
}
