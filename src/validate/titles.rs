//! `document.title-period`: a plan, review or budget whose title names another period than
//! its `period`, as a November plan copied from October and still titled 2026年10月.
//!
//! The title is read from the document (`check` keeps no Markdown body and no file text, so
//! the narrative's headings are left to `new`, which rewrites them); the finding points at
//! `period`, and the help gives the title rewritten. A title has no span in the model, so
//! there is no fix to apply: that needs `title: Spanned<String>`.

use crate::diag::{Diagnostic, rules};
use crate::i18n::msg;
use crate::index::Index;
use crate::model::calendar::{self, Form};
use crate::model::period::Period;
use crate::source::Span;

/// `document.title-period`.
pub fn check_title_periods(ix: &Index, out: &mut Vec<Diagnostic>) {
    let plans = ix.plans.iter().map(|(p, _)| (p.value.title.as_str(), &p.value.period));
    let reviews = ix.reviews.iter().map(|(r, _)| (r.value.title.as_str(), &r.value.period));
    let budgets =
        ix.budgets.iter().filter_map(|b| b.value.title.as_deref().map(|t| (t, &b.value.period)));
    for (title, period) in plans.chain(reviews).chain(budgets) {
        if let Some(d) = check(title, period.value, period.span) {
            out.push(d);
        }
    }
}

/// The finding for `title` when it names a period other than `period`, and none that is or
/// contains it.
fn check(title: &str, period: Period, span: Span) -> Option<Diagnostic> {
    // A bare `2026` in a yearly document may be any number: it proves nothing.
    let mentions: Vec<_> = calendar::find(title, period)
        .into_iter()
        .filter(|m| !(m.form == Form::Iso && matches!(m.period, Period::Year(_))))
        .collect();
    if mentions.iter().any(|m| m.period == period || period.within(m.period)) {
        return None;
    }
    let m = mentions.first()?;
    let said = title.get(m.start..m.end)?;
    let right = format!(
        "{}{}{}",
        title.get(..m.start)?,
        calendar::write(m.form, period),
        title.get(m.end..)?
    );
    let message = msg!("calendar-title-period", said = said, period = period.to_string());
    Some(
        Diagnostic::new(&rules::DOCUMENT_TITLE_PERIOD, message, span)
            .help(msg!("calendar-title-period-help", title = right)),
    )
}

#[cfg(test)]
mod tests {
    use crate::validate::tests::{plan, report};

    #[test]
    fn a_title_naming_last_month_is_reported() {
        let title = "title: 河南分公司2026年11月工作计划";
        let text = plan("").replace("title: 计划", title);
        let found = report(super::check_title_periods, &[("henan/2026-12.plan.md", &text)]);
        assert_eq!(
            found,
            ["document.title-period: the title says 2026年11月 but the period is 2026-12"]
        );
    }
}
