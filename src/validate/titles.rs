//! `document.title-period`: a plan, review or budget whose title (or the first `#` heading of
//! its narrative) names another period than its `period`, as a November plan copied from
//! October and still titled 2026年10月.

use std::ops::Range;

use crate::diag::{Applicability, Diagnostic, Fix, rules};
use crate::i18n::msg;
use crate::index::Index;
use crate::model::calendar::{self, Form};
use crate::model::period::Period;
use crate::source::{FileId, Span};

/// A document whose title is checked: its file, period and narrative (offset and text).
type Titled<'a> = (FileId, Period, Option<(usize, &'a str)>);

/// `document.title-period`.
pub fn check_title_periods(ix: &Index, out: &mut Vec<Diagnostic>) {
    let mut docs: Vec<Titled> = Vec::new();
    for (plan, body) in &ix.plans {
        docs.push((plan.doc.meta.file, plan.value.period.value, Some((body.offset, &body.text))));
    }
    for (review, body) in &ix.reviews {
        let r = review.value;
        docs.push((review.doc.meta.file, r.period.value, Some((body.offset, &body.text))));
    }
    for budget in &ix.budgets {
        if budget.value.title.is_some() {
            docs.push((budget.doc.meta.file, budget.value.period.value, None));
        }
    }
    for (file, period, body) in docs {
        let source = &ix.ws.sources.get(file).text;
        if let Some(range) = calendar::title_value(source) {
            check(out, file, source, range, period, false);
        }
        if let Some((offset, text)) = body
            && let Some(r) = calendar::first_heading(text)
        {
            check(out, file, source, offset + r.start..offset + r.end, period, true);
        }
    }
}

/// Reports the text at `range` of `source` when it names a period other than `period`, and
/// none that is or contains it.
fn check(
    out: &mut Vec<Diagnostic>,
    file: FileId,
    source: &str,
    range: Range<usize>,
    period: Period,
    heading: bool,
) {
    let Some(text) = source.get(range.clone()) else { return };
    // A bare `2026` in a yearly document may be any number: it proves nothing.
    let mentions: Vec<_> = calendar::find(text, period)
        .into_iter()
        .filter(|m| !(m.form == Form::Iso && matches!(m.period, Period::Year(_))))
        .collect();
    if mentions.iter().any(|m| m.period == period || period.within(m.period)) {
        return;
    }
    let Some(m) = mentions.first() else { return };
    let said = &text[m.start..m.end];
    let span = Span::new(file, range.start + m.start, range.start + m.end);
    let right = calendar::write(m.form, period);
    let (said, shown) = (said.to_string(), period.to_string());
    let message = if heading {
        msg!("calendar-heading-period", said = said, period = shown)
    } else {
        msg!("calendar-title-period", said = said, period = shown)
    };
    out.push(
        Diagnostic::new(&rules::DOCUMENT_TITLE_PERIOD, message, span)
            .help(msg!("calendar-title-period-help", right = &right))
            .fix(Fix::replace(
                msg!("calendar-title-period-fix", right = &right),
                Applicability::Safe,
                span,
                right,
            )),
    );
}
