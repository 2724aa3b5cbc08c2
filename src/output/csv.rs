//! CSV files: one report table, or the ledger, with a byte-order mark so Excel opens the
//! Chinese text right, and CRLF line ends.
//!
//! Numbers are written as the page shows them (rounded the same way) but plainly, so a
//! spreadsheet reads them as numbers: no thousands separators, an ASCII minus, `83.33%`.
//! Units go into the headers (`到位资金（万元）`), dates are `YYYY-MM-DD`, links their text.

use crate::report::table::{Cell, Column, Kind, Table};

/// A table as CSV bytes: the header row, then a line per row.
pub fn table(t: &Table) -> Vec<u8> {
    rows(&t.columns, t.rows.iter().map(|r| r.cells.as_slice()))
}

/// [`table`] for rows made one at a time (the ledger's export is never held whole as cells).
pub fn rows<C: AsRef<[Cell]>>(columns: &[Column], rows: impl IntoIterator<Item = C>) -> Vec<u8> {
    let header = columns.iter().map(|c| c.header_with_unit());
    let rows = rows.into_iter().map(|r| r.as_ref().iter().zip(columns).map(|(cell, col)| plain(cell, col.kind)).collect());
    write(header, rows)
}

/// Any header and rows of text as CSV bytes, each cell defused (see [`defuse`]).
pub fn write(header: impl IntoIterator<Item = String>, rows: impl IntoIterator<Item = Vec<String>>) -> Vec<u8> {
    let mut out = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(b"\xEF\xBB\xBF".to_vec());
    let mut record = |cells: Vec<String>| {
        let cells: Vec<std::borrow::Cow<str>> = cells.iter().map(|c| defuse(c)).collect();
        out.write_record(cells.iter().map(|c| c.as_bytes())).expect("writing to memory cannot fail");
    };
    record(header.into_iter().collect());
    for row in rows {
        record(row);
    }
    out.into_inner().expect("writing to memory cannot fail")
}

/// A cell's text for a machine.
fn plain(cell: &Cell, kind: Kind) -> String {
    match cell {
        Cell::Number(v, num) => num.plain(*v),
        Cell::Date(d) => d.to_string(),
        Cell::Empty => String::new(),
        other => other.display(kind),
    }
}

/// Text a spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a
/// carriage return) gets a leading `'`, unless it is a number (`-3.43`, `-5.10%`).
pub fn defuse(v: &str) -> std::borrow::Cow<'_, str> {
    let number = v.strip_suffix('%').unwrap_or(v).parse::<f64>().is_ok();
    if v.starts_with(['=', '+', '-', '@', '\t', '\r']) && !number { format!("'{v}").into() } else { v.into() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::table::{Column, Num};
    use rust_decimal::Decimal;

    #[test]
    fn formulas_are_defused_and_numbers_are_not() {
        for (cell, written) in [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("+1 (555)", "'+1 (555)"),
            ("-项目", "'-项目"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tcmd", "'\tcmd"),
            ("\rcmd", "'\rcmd"),
            ("-3.43", "-3.43"),
            ("-5.10%", "-5.10%"),
            ("茶叶", "茶叶"),
        ] {
            assert_eq!(defuse(cell), written, "{cell:?}");
        }
    }

    #[test]
    fn a_table_is_quoted_by_the_csv_rules_with_units_in_the_headers() {
        let t = Table::new(
            "x",
            "x",
            "x",
            vec![Column::text("项目"), Column::num("到位资金", Num::Money).unit("万元"), Column::num("同比", Num::SignedPercent)],
        )
        .rows([
            vec![
                Cell::text("甲,乙\"丙\""),
                Cell::money(Decimal::new(12345605, 1)),
                Cell::num(Decimal::new(-51, 3), Num::SignedPercent),
            ],
            vec![Cell::text("=1+1"), Cell::Dash, Cell::Empty],
        ]);
        let text = String::from_utf8(table(&t)).unwrap();
        // 1 234 560.5 万元 → 1234560.50; −0.051 → -5.10%.
        assert_eq!(text, "\u{feff}项目,到位资金（万元）,同比\r\n\"甲,乙\"\"丙\"\"\",1234560.50,-5.10%\r\n'=1+1,—,\r\n");
    }
}
