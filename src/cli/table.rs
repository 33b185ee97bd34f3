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
    /// A percentage, already multiplied by 100 (`24.5` is 24.5 %); a spreadsheet stores the
    /// fraction (`0.245`) under a percent format.
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
    /// Title, printed above the table.
    pub title: String,
    /// The name of its sheet in a spreadsheet: what the table holds (`Budget lines`), then
    /// what it covers (a unit and period), shortened when the two are too long for a sheet.
    pub sheet: (String, String),
    /// Column headers.
    pub headers: Vec<String>,
    /// Rows of cells, as many as headers.
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// A table with headers and no rows; its sheet is named after its title.
    pub fn new(title: impl Into<String>, headers: &[impl AsRef<str>]) -> Table {
        let title = title.into();
        Table {
            sheet: (title.clone(), String::new()),
            title,
            headers: headers.iter().map(|h| h.as_ref().to_string()).collect(),
            rows: Vec::new(),
        }
    }

    /// Names its sheet: what it holds, then what it covers (may be empty).
    pub fn sheet(mut self, holds: impl Into<String>, covers: impl Into<String>) -> Table {
        self.sheet = (holds.into(), covers.into());
        self
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

/// The tables as an `.xlsx` workbook, one sheet per table: headers in bold, money and numbers
/// as numbers showing the digits they have (`#,##0` for whole numbers), percentages as
/// fractions under a percent format.
pub fn xlsx(tables: &[Table]) -> anyhow::Result<Vec<u8>> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let mut formats: std::collections::HashMap<String, Format> = Default::default();
    let mut names: Vec<String> = Vec::new();
    for table in tables {
        let sheet = workbook.add_worksheet();
        sheet.set_name(sheet_name(&table.sheet.0, &table.sheet.1, &mut names))?;
        for (c, header) in table.headers.iter().enumerate() {
            sheet.write_string_with_format(0, column(c)?, header, &bold)?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            let r = u32::try_from(r + 1)?;
            for (c, cell) in row.iter().enumerate() {
                let c = column(c)?;
                // A spreadsheet holds doubles: the exact decimal becomes one only here.
                let (value, code) = match cell {
                    Cell::Empty => continue,
                    Cell::Text(t) => {
                        sheet.write_string(r, c, t)?;
                        continue;
                    }
                    Cell::Money(m) => (*m, number_format(m.scale(), 2)),
                    Cell::Number(n) => (*n, number_format(n.normalize().scale(), 0)),
                    Cell::Percent(p) => {
                        let places = p.normalize().scale().max(1);
                        let fraction = p.checked_div(Decimal::ONE_HUNDRED).unwrap_or(*p);
                        (fraction, format!("0.{}%", "0".repeat(places as usize)))
                    }
                };
                let format = formats
                    .entry(code)
                    .or_insert_with_key(|code| Format::new().set_num_format(code));
                sheet.write_number_with_format(r, c, to_f64(value), &*format)?;
            }
        }
        // Widths by display width (a Chinese character is two columns), as the terminal
        // table measures them; `autofit` counts characters and cuts Chinese text short.
        for (c, header) in table.headers.iter().enumerate() {
            let widest = table
                .rows
                .iter()
                .filter_map(|row| row.get(c))
                .map(|cell| cell.display().width())
                .chain([header.width()])
                .max()
                .unwrap_or(0);
            sheet.set_column_width(column(c)?, (widest.min(80) + 2) as f64)?;
        }
    }
    Ok(workbook.save_to_buffer()?)
}

fn column(index: usize) -> anyhow::Result<u16> {
    Ok(u16::try_from(index)?)
}

/// `#,##0` for a whole number; otherwise as many decimal places as the value has (at least
/// `least`), so a figure shows every digit it has and no trailing point.
fn number_format(scale: u32, least: u32) -> String {
    match scale {
        0 => "#,##0".to_string(),
        places => format!("#,##0.{}", "0".repeat(places.max(least) as usize)),
    }
}

fn to_f64(value: Decimal) -> f64 {
    use rust_decimal::prelude::ToPrimitive;
    value.to_f64().unwrap_or(f64::NAN)
}

/// Excel's longest sheet name, in characters.
const SHEET_NAME_MAX: usize = 31;

/// A sheet name as Excel accepts it: at most 31 characters, none of `[]:*?/\`, not starting
/// or ending with `'`, and unique in the workbook regardless of case. What the sheet `holds`
/// is kept whole; what it `covers` (a unit's name and period) is shortened with `…` to fit,
/// and a number is added to a name already taken.
fn sheet_name(holds: &str, covers: &str, taken: &mut Vec<String>) -> String {
    let clean = |text: &str| -> String {
        let text: String = text
            .chars()
            .map(|c| if "[]:*?/\\".contains(c) || c.is_control() { ' ' } else { c })
            .collect();
        text.split_whitespace().collect::<Vec<_>>().join(" ").trim_matches('\'').to_string()
    };
    let (holds, covers) = (clean(holds), clean(covers));
    let fit = |suffix: &str| -> String {
        // The number of a taken name is at most a few characters; what the sheet holds is
        // shortened only if a name of ours ever came near 31 characters.
        let room = SHEET_NAME_MAX.saturating_sub(suffix.chars().count());
        let holds: String = holds.chars().take(room).collect();
        let room = room - holds.chars().count();
        let covers = match covers.chars().count() {
            0 => String::new(),
            n if n < room => format!(" {covers}"),
            _ if room >= 3 => {
                let cut: String = covers.chars().take(room - 2).collect();
                format!(" {}…", cut.trim_end().trim_end_matches('\''))
            }
            _ => String::new(),
        };
        let name = format!("{holds}{covers}{suffix}");
        if name.is_empty() { "-".to_string() } else { name }
    };
    let lower = |name: &str| name.to_lowercase();
    let mut name = fit("");
    let mut n = 2;
    while taken.iter().any(|t| lower(t) == lower(&name)) {
        name = fit(&format!(" ({n})"));
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

    #[test]
    fn sheet_names_are_whole_short_and_unique() {
        let mut taken = Vec::new();
        let long = "一个名称非常非常非常非常非常非常非常长的分公司 2026-12";
        let a = sheet_name("预算科目", long, &mut taken);
        let b = sheet_name("预算科目", long, &mut taken);
        let c = sheet_name("Budget lines", "", &mut taken);
        let d = sheet_name("budget LINES", "", &mut taken);
        let e = sheet_name("预算类别", "a[b]:c*d?e/f\\g", &mut taken);
        for name in [&a, &b, &c, &d, &e] {
            assert!(name.chars().count() <= SHEET_NAME_MAX, "{name}");
            assert!(!name.contains(['[', ']', ':', '*', '?', '/', '\\']), "{name}");
        }
        assert!(a.starts_with("预算科目 一个名称") && a.ends_with('…'), "{a}");
        assert!(b.starts_with("预算科目 ") && b.ends_with(" (2)") && a != b, "{b}");
        assert_eq!(c, "Budget lines");
        assert_eq!(d, "budget LINES (2)");
        assert_eq!(e, "预算类别 a b c d e f g");
        let mut many = Vec::new();
        for _ in 0..12 {
            let long = "非常非常非常非常非常非常非常非常长的表格名称";
            let name = sheet_name(long, "x", &mut many);
            assert!(name.chars().count() <= SHEET_NAME_MAX, "{name}");
        }
        assert_eq!(
            many.iter().map(|n| n.to_lowercase()).collect::<std::collections::HashSet<_>>().len(),
            12
        );
        assert_eq!(number_format(0, 2), "#,##0");
        assert_eq!(number_format(1, 2), "#,##0.00");
        assert_eq!(number_format(3, 0), "#,##0.000");
    }
}
