//! Figures as the hover cards and inlay hints write them: money and quantities with `,`
//! between thousands and every decimal kept (the CLI's formatting, from
//! [`crate::model::money::grouped`]), signed variances, percentages, and a budget line's
//! breakdown written out as arithmetic. Exact decimals throughout, never `f64`.

use rust_decimal::Decimal;

use crate::model::budget::Line;
use crate::model::money::grouped;

/// `value` with thousands separators: `1234.56` → `1,234.56`.
pub fn number(value: Decimal) -> String {
    grouped(value.normalize_if_whole())
}

/// `value` with its sign always written: `+120`, `-380`, `0`.
pub fn signed(value: Decimal) -> String {
    if value > Decimal::ZERO { format!("+{}", number(value)) } else { number(value) }
}

/// A percentage figure as written after it (`74.2`).
pub fn percent(value: Decimal) -> String {
    value.normalize_if_whole().to_string()
}

trait Whole {
    fn normalize_if_whole(self) -> Decimal;
}

impl Whole for Decimal {
    /// The same value, with zeros after the point dropped only when it is whole (`5000.00`
    /// reads `5,000`; `1350.50` keeps its cents).
    fn normalize_if_whole(self) -> Decimal {
        if self.fract().is_zero() { self.trunc() } else { self }
    }
}

/// A line's breakdown as arithmetic: `5 × 400 + 30 × 100 = 5,000`, ending `= 4,400 ≠ 5,000`
/// when the items do not add up to the line's amount. `None` without a breakdown.
pub fn breakdown(line: &Line) -> Option<String> {
    if line.breakdown.is_empty() {
        return None;
    }
    let terms: Vec<String> = line
        .breakdown
        .iter()
        .map(|item| match (&item.quantity, &item.unit_price, &item.amount) {
            (Some(q), Some(p), _) => format!("{} × {}", number(q.value.0), number(p.value.0)),
            (_, _, Some(a)) => number(a.value.0),
            _ => "?".to_owned(),
        })
        .collect();
    let mut text = terms.join(" + ");
    if let Ok(Some(total)) = line.breakdown_total() {
        text.push_str(&format!(" = {}", number(total)));
        if let Some(amount) = &line.amount
            && amount.value.0 != total
        {
            text.push_str(&format!(" ≠ {}", number(amount.value.0)));
        }
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        crate::model::money::parse_decimal(text).unwrap()
    }

    #[test]
    fn figures_keep_their_cents_and_group_thousands() {
        assert_eq!(number(d("1234.56")), "1,234.56");
        assert_eq!(number(d("5000.00")), "5,000");
        assert_eq!(number(d("1350.50")), "1,350.50");
        assert_eq!(number(d("999999999999999.999999")), "999,999,999,999,999.999999");
        assert_eq!(signed(d("120")), "+120");
        assert_eq!(signed(d("-380")), "-380");
        assert_eq!(signed(d("0")), "0");
        assert_eq!(percent(d("74.20")), "74.20");
        assert_eq!(percent(d("100.0")), "100");
    }

    fn budget(lines: &str) -> crate::model::Document {
        let text = format!("kind: budget\nunit: henan\nperiod: 2026-10\nlines:\n{lines}");
        let config = "name: 甲\nunits:\n  - { id: henan, name: 河南 }\n";
        let files = vec![(std::path::PathBuf::from("b.budget.yaml"), text.into_bytes())];
        let loaded = crate::load::load_files(std::path::Path::new("/r"), config.into(), files);
        loaded.workspace.documents.into_iter().next().unwrap()
    }

    #[test]
    fn a_breakdown_is_written_out_and_a_mismatch_shows() {
        let lines = "  - id: office\n    name: 办公费\n    amount: 5000\n    breakdown:\n\
            \x20     - { name: 电话, quantity: 5, unit_price: 400 }\n\
            \x20     - { name: 用品, quantity: 30, unit_price: 100 }\n";
        let text = |doc: crate::model::Document| match doc.content {
            crate::model::Content::Budget(b) => b.lines.first().and_then(breakdown).unwrap(),
            _ => panic!("not a budget"),
        };
        assert_eq!(text(budget(lines)), "5 × 400 + 30 × 100 = 5,000");
        assert_eq!(
            text(budget(&lines.replace("30,", "24,"))),
            "5 × 400 + 24 × 100 = 4,400 ≠ 5,000"
        );
    }
}
