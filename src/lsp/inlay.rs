//! Inlay hints with computed figures: after a budget line's amount its breakdown's total,
//! after a section's subtotal and the budget's total the computed sums (the figure itself
//! where a line has no amount), at a scorecard its weight sum, in a review after each KPI's
//! actual its attainment and after each spend its variance, and after a person's id where
//! it is named (not defined) the person's name.

use lsp_types::{
    InlayHint, InlayHintKind, InlayHintLabel, InlayHintParams, Position, Range as LspRange,
};
use rust_decimal::Decimal;

use crate::i18n::msg;
use crate::index::Index;
use crate::lsp::World;
use crate::lsp::figures::{number, percent};
use crate::lsp::hover::{attainment_rows, pick_row, standing_id, variance_msg};
use crate::lsp::symbols::{Scope, Sym};
use crate::model::Content;
use crate::model::budget::Budget;
use crate::model::money::exact;
use crate::model::plan::Plan;
use crate::model::review::Review;
use crate::rollup::attainment::Standing;
use crate::source::{FileId, Span};

/// The hints of a range of a document.
pub fn inlay_hints(world: &World, params: InlayHintParams) -> Option<Vec<InlayHint>> {
    let file = world.file(&params.text_document.uri)?;
    let index = world.index();
    let doc = index.ws.documents.iter().find(|d| d.meta.file == file);
    let wanted = world.offset(file, params.range.start)..=world.offset(file, params.range.end);
    let mut hints = Hints { world, file, wanted, out: Vec::new() };
    match doc.map(|d| &d.content) {
        Some(Content::Budget(b)) => hints.budget(b),
        Some(Content::Plan(p, _)) => hints.plan(p),
        Some(Content::Review(r, _)) => hints.review(&index, r),
        _ => {}
    }
    hints.names(&index);
    let range = params.range;
    let mut out: Vec<InlayHint> =
        hints.out.into_iter().filter(|h| within(h.position, range)).collect();
    out.sort_by_key(|h| (h.position.line, h.position.character));
    Some(out)
}

fn within(p: Position, range: LspRange) -> bool {
    let key = |p: Position| (p.line, p.character);
    key(range.start) <= key(p) && key(p) <= key(range.end)
}

struct Hints<'h, 'w> {
    world: &'h World<'w>,
    file: FileId,
    /// The bytes of the requested range: items outside it cost nothing.
    wanted: std::ops::RangeInclusive<usize>,
    out: Vec<InlayHint>,
}

impl Hints<'_, '_> {
    /// Whether an item written at `span` is in the requested range.
    fn wants(&self, span: Span) -> bool {
        let (start, end) = (span.start as usize, span.end as usize);
        start <= *self.wanted.end() && end >= *self.wanted.start()
    }

    /// A hint after `span`.
    fn after(&mut self, span: Span, label: String, kind: InlayHintKind) {
        if span.file != self.file {
            return;
        }
        self.out.push(InlayHint {
            position: self.world.position(span.file, span.end as usize),
            label: InlayHintLabel::String(label),
            kind: Some(kind),
            text_edits: None,
            tooltip: None,
            padding_left: Some(true),
            padding_right: None,
            data: None,
        });
    }

    fn text(&self, m: crate::i18n::Msg) -> String {
        m.text(self.world.locale)
    }

    /// `= figure` when `written` is `computed`, else `≠ computed` with what it is.
    fn compare(&mut self, span: Span, written: Decimal, computed: Decimal, breakdown: bool) {
        let label = if written == computed {
            format!("= {}", number(computed))
        } else if breakdown {
            self.text(msg!("lsp-inlay-breakdown-differs", total = number(computed)))
        } else {
            self.text(msg!("lsp-inlay-sum-differs", total = number(computed)))
        };
        self.after(span, label, InlayHintKind::TYPE);
    }

    fn budget(&mut self, b: &Budget) {
        for line in &b.lines {
            let Ok(Some(total)) = line.breakdown_total() else { continue };
            match &line.amount {
                Some(amount) => self.compare(amount.span, amount.value.0, total, true),
                None => {
                    self.after(line.id.span, format!("= {}", number(total)), InlayHintKind::TYPE)
                }
            }
        }
        for section in &b.sections {
            let Ok(sum) = b.section_total(section.id.value.as_str()) else { continue };
            match &section.subtotal {
                Some(subtotal) => self.compare(subtotal.span, subtotal.value.0, sum, false),
                None => {
                    self.after(section.id.span, format!("= {}", number(sum)), InlayHintKind::TYPE)
                }
            }
        }
        if let (Some(total), Ok(sum)) = (&b.total, b.computed_total()) {
            self.compare(total.span, total.value.0, sum, false);
        }
    }

    fn plan(&mut self, p: &Plan) {
        for card in &p.scorecards {
            let weights: Vec<Decimal> = if card.groups.is_empty() {
                card.components.iter().map(|c| c.weight.value.0).collect()
            } else {
                card.groups.iter().map(|g| g.weight.value.0).collect()
            };
            let Ok(sum) = exact::sum(weights) else { continue };
            let label = if sum == Decimal::ONE_HUNDRED {
                msg!("lsp-inlay-weights", sum = number(sum))
            } else {
                msg!("lsp-inlay-weights-off", sum = number(sum))
            };
            let label = self.text(label);
            self.after(card.post.span, label, InlayHintKind::TYPE);
        }
    }

    fn review(&mut self, index: &Index, r: &Review) {
        let (unit, period) = (r.unit.value.as_str(), r.period.value);
        let table = self.world.table();
        let rows =
            if r.actuals.is_empty() { Vec::new() } else { attainment_rows(index, unit, period) };
        for actual in &r.actuals {
            if !self.wants(actual.kpi.span) {
                continue;
            }
            let Some(value) = &actual.actual else { continue };
            let Some(at) = table.at(self.file, actual.kpi.span.start as usize) else { continue };
            let Some(row) = pick_row(&rows, index, self.file, at) else { continue };
            if row.standing == Standing::NoActual {
                continue;
            }
            let Some(pct) = row.attainment_pct else { continue };
            let standing = standing_id(row.standing);
            let label =
                self.text(msg!("lsp-inlay-attainment", pct = percent(pct), standing = standing));
            self.after(value.span, label, InlayHintKind::TYPE);
        }
        for spend in &r.spend {
            if !self.wants(spend.line.span) {
                continue;
            }
            let Some(actual) = &spend.actual else { continue };
            let Some(at) = table.at(self.file, spend.line.span.start as usize) else { continue };
            let Scope::File(budget_file) = at.key.scope else { continue };
            let budget = index.budgets.iter().find(|b| b.doc.meta.file == budget_file);
            let line = budget
                .and_then(|b| b.value.lines.iter().find(|l| l.id.value.as_str() == at.key.id));
            let Some(line) = line else { continue };
            let Ok(variance) = exact::sub(actual.value.0, line.amount_or_zero()) else { continue };
            let label = self.text(variance_msg(variance, "lsp-inlay"));
            self.after(actual.span, label, InlayHintKind::TYPE);
        }
    }

    /// A person's name after each reference to them in the file.
    fn names(&mut self, index: &Index) {
        let table = self.world.table();
        for o in table.in_file(self.file) {
            if o.def || o.key.sym != Sym::Person {
                continue;
            }
            if let Some((person, _)) = index.people.get(o.key.id.as_str()) {
                self.after(o.span, person.name.clone(), InlayHintKind::PARAMETER);
            }
        }
    }
}
