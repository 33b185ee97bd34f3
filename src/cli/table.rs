//! Tables for the terminal, CSV, Markdown and spreadsheets. Widths are display widths, so
//! Chinese text lines up; money keeps every digit.

use std::fmt::Write;

use rust_decimal::Decimal;
use unicode_width::UnicodeWidthStr;

use crate::model::money::grouped;
use crate::source::{Keep, escape_controls};

/// A cell: its kind decides alignment and how each format writes it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing.
    Empty,
    /// Text, left-aligned.
    Text(String),
    /// Money: grouped thousands in tables, plain digits in CSV, a number in spreadsheets.
    Money(Decimal),
    /// A plain number.
    Number(Decimal),
    /// A percentage (already multiplied by 100).
    Percent(Decimal),
}

impl Cell {
    /// Text, or empty when `None`.
    pub fn text(value: Option<impl Into<String>>) -> Cell {
        value.map_or(Cell::Empty, |v| Cell::Text(v.into()))
    }

    /// Money, or empty when `None`.
    pub fn money(value: Option<Decimal>) -> Cell {
        value.map_or(Cell::Empty, Cell::Money)
    }

    /// A number, or empty when `None`.
    pub fn number(value: Option<Decimal>) -> Cell {
        value.map_or(Cell::Empty, Cell::Number)
    }

    /// A percentage, or empty when `None`.
    pub fn percent(value: Option<Decimal>) -> Cell {
        value.map_or(Cell::Empty, Cell::Percent)
    }

    fn is_numeric(&self) -> bool {
        matches!(self, Cell::Money(_) | Cell::Number(_) | Cell::Percent(_))
    }

    /// The cell as shown to a person; control characters in text are shown as escapes.
    pub fn display(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => shown(t),
            Cell::Money(m) => grouped(*m),
            Cell::Number(n) => grouped(n.normalize()),
            Cell::Percent(p) => format!("{:.1}%", p),
        }
    }

    /// The cell as written to CSV: numbers without grouping.
    pub fn plain(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Money(m) => m.to_string(),
            Cell::Number(n) => n.normalize().to_string(),
            Cell::Percent(p) => p.normalize().to_string(),
        }
    }
}

/// A titled table.
#[derive(Debug, Clone)]
pub struct Table {
    /// Title, printed above the table (and the sheet name in a spreadsheet).
    pub title: String,
    /// Column headers.
    pub headers: Vec<String>,
    /// Rows of cells, as many as headers.
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// A table with headers and no rows.
    pub fn new(title: impl Into<String>, headers: &[&str]) -> Table {
        Table {
            title: title.into(),
            headers: headers.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    /// Adds a row.
    pub fn row(&mut self, cells: Vec<Cell>) {
        self.rows.push(cells);
    }

    /// Renders for a terminal: columns padded to display width, numbers right-aligned.
    pub fn render_text(&self) -> String {
        let cells: Vec<Vec<String>> =
            self.rows.iter().map(|r| r.iter().map(Cell::display).collect()).collect();
        let widths: Vec<usize> = (0..self.headers.len())
            .map(|i| {
                cells
                    .iter()
                    .map(|r| r.get(i).map_or(0, |c| c.width()))
                    .chain([self.headers[i].width()])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let numeric: Vec<bool> = (0..self.headers.len())
            .map(|i| self.rows.iter().any(|r| r.get(i).is_some_and(Cell::is_numeric)))
            .collect();
        let pad = |text: &str, i: usize| {
            let fill = " ".repeat(widths[i].saturating_sub(text.width()));
            if numeric[i] { format!("{fill}{text}") } else { format!("{text}{fill}") }
        };
        let mut out = format!("{}\n", shown(&self.title));
        let header: Vec<String> = self.headers.iter().enumerate().map(|(i, h)| pad(h, i)).collect();
        let _ = writeln!(out, "{}", header.join("  ").trim_end());
        let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
        let _ = writeln!(out, "{}", rule.join("  "));
        for row in &cells {
            let line: Vec<String> = row.iter().enumerate().map(|(i, c)| pad(c, i)).collect();
            let _ = writeln!(out, "{}", line.join("  ").trim_end());
        }
        out
    }

    /// Renders as CSV (RFC 4180), without the title.
    pub fn render_csv(&self) -> String {
        let field = |f: &str| {
            if f.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", f.replace('"', "\"\""))
            } else {
                f.to_string()
            }
        };
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{}",
            self.headers.iter().map(|h| field(h)).collect::<Vec<_>>().join(",")
        );
        for row in &self.rows {
            let _ = writeln!(
                out,
                "{}",
                row.iter().map(|c| field(&c.plain())).collect::<Vec<_>>().join(",")
            );
        }
        out
    }

    /// Renders as a Markdown table under a heading.
    pub fn render_markdown(&self) -> String {
        let esc = |t: &str| shown(&t.replace('|', "\\|").replace('\n', " "));
        let mut out = format!("### {}\n\n", esc(&self.title));
        let _ = writeln!(
            out,
            "| {} |",
            self.headers.iter().map(|h| esc(h)).collect::<Vec<_>>().join(" | ")
        );
        let aligns: Vec<&str> = (0..self.headers.len())
            .map(|i| {
                if self.rows.iter().any(|r| r.get(i).is_some_and(Cell::is_numeric)) {
                    "---:"
                } else {
                    "---"
                }
            })
            .collect();
        let _ = writeln!(out, "| {} |", aligns.join(" | "));
        for row in &self.rows {
            let _ = writeln!(
                out,
                "| {} |",
                row.iter().map(|c| esc(&c.display())).collect::<Vec<_>>().join(" | ")
            );
        }
        out
    }
}

/// Text from documents as a terminal shows it: control characters and bidirectional controls
/// as escapes (a unit name cannot clear the screen or reorder a row).
fn shown(text: &str) -> String {
    escape_controls(text, Keep::Tabs).into_owned()
}

/// Writes tables to an `.xlsx` workbook, one sheet per table.
pub fn write_xlsx(tables: &[Table], path: &std::path::Path) -> anyhow::Result<()> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let money = Format::new().set_num_format("#,##0.00");
    let number = Format::new().set_num_format("#,##0.####");
    let percent = Format::new().set_num_format("0.0\"%\"");
    let mut names: Vec<String> = Vec::new();
    for table in tables {
        let sheet = workbook.add_worksheet();
        sheet.set_name(sheet_name(&table.title, &mut names))?;
        for (c, header) in table.headers.iter().enumerate() {
            sheet.write_string_with_format(0, c as u16, header, &bold)?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, cell) in row.iter().enumerate() {
                let c = c as u16;
                // Spreadsheets store doubles; the text form keeps the exact value visible too.
                match cell {
                    Cell::Empty => {}
                    Cell::Text(t) => {
                        sheet.write_string(r, c, t)?;
                    }
                    Cell::Money(m) => {
                        sheet.write_number_with_format(r, c, to_f64(*m), &money)?;
                    }
                    Cell::Number(n) => {
                        sheet.write_number_with_format(r, c, to_f64(*n), &number)?;
                    }
                    Cell::Percent(p) => {
                        sheet.write_number_with_format(r, c, to_f64(*p), &percent)?;
                    }
                }
            }
        }
        sheet.autofit();
    }
    workbook.save(path)?;
    Ok(())
}

fn to_f64(value: Decimal) -> f64 {
    use rust_decimal::prelude::ToPrimitive;
    value.to_f64().unwrap_or(f64::NAN)
}

/// A sheet name: at most 31 characters, none of `[]:*?/\`, unique in the workbook.
fn sheet_name(title: &str, taken: &mut Vec<String>) -> String {
    let clean: String = title.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(28).collect();
    let mut name = clean.clone();
    let mut n = 2;
    while taken.contains(&name) {
        name = format!("{clean} {n}");
        n += 1;
    }
    taken.push(name.clone());
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_columns_line_up() {
        let mut t = Table::new("t", &["名称", "amount"]);
        t.row(vec![Cell::Text("工资".into()), Cell::Money(Decimal::from(46000))]);
        t.row(vec![Cell::Text("IP电话费用".into()), Cell::Money(Decimal::from(2000))]);
        let text = t.render_text();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[3], "工资        46,000");
        assert_eq!(lines[4], "IP电话费用   2,000");
    }

    #[test]
    fn csv_quotes_and_keeps_digits() {
        let mut t = Table::new("t", &["a", "b"]);
        t.row(vec![Cell::Text("x, \"y\"".into()), Cell::Money(Decimal::new(12345678901234567, 2))]);
        assert_eq!(t.render_csv(), "a,b\n\"x, \"\"y\"\"\",123456789012345.67\n");
    }
}
