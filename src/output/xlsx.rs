//! A month's tables as an Excel workbook: one sheet per table of the bulletin
//! ([`MonthTables::shown`]), in its order, with the same captions, rows and notes.
//!
//! Cells hold the exact figures as numbers, never text: money in 万元 (外资 in 万美元, 亿元
//! columns in 亿元) with `#,##0.00`, rates as fractions with `0.00%`, counts with `0`,
//! percentage-point gaps with a sign. Rounding is left to the number format, so a sum in Excel
//! adds the exact values; the percentages shown are rounded half up exactly as the site rounds
//! them. Dates are date cells.
//!
//! Each sheet starts with the table's caption and a line naming the period and the as-of date,
//! then the header row (frozen, with units in the headers), the rows, and the table's notes.
//! The file's creation time is the as-of date, so two exports of the same content are
//! byte-identical.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Table as ExcelTable, TableColumn, TableStyle, Workbook,
    Worksheet, XlsxError,
};

use crate::content::Content;
use crate::figures::Snapshot;
use crate::figures::annex::Annex;
use crate::figures::format as fmt;
use crate::report::MonthTables;
use crate::report::table::{Cell, DateStyle, Kind, Num, Table};

/// Rows above the header: the caption and the period line.
pub const HEADER_ROW: u32 = 2;

/// The workbook of `snapshot`'s month, as the bytes of an .xlsx file.
pub fn workbook(content: &Content, snapshot: &Snapshot) -> Result<Vec<u8>, XlsxError> {
    let annex = Annex::of(content, snapshot.month);
    workbook_of(content, snapshot, &MonthTables::of(content, snapshot, &annex))
}

/// The sheet name of a table: its number and short name (`表9 镇办排名`).
pub fn sheet_name(t: &Table) -> String {
    match &t.number {
        Some(n) => format!("{n} {}", t.sheet),
        None => t.sheet.to_string(),
    }
}

/// [`workbook`] from the month's tables already made (the site makes them once for the
/// bulletin page, its CSV files and its workbook).
pub fn workbook_of(content: &Content, s: &Snapshot, tables: &MonthTables) -> Result<Vec<u8>, XlsxError> {
    let as_of = s.month.last_day();
    let mut book = Workbook::new();
    // Fastest deflate: a site writes one workbook per bulletin, and level 6 (the default)
    // costs three times the CPU for files about 10 % smaller.
    book.set_zip_compression_level(1);
    let created = ExcelDateTime::from_ymd(as_of.year() as u16, as_of.month() as u8, as_of.day() as u8)?;
    let props = DocProperties::new()
        .set_title(format!("{} {}数据", content.site.title, fmt::period_text(s.month)))
        .set_author(&content.site.issuer)
        .set_company(&content.site.issuer)
        .set_comment("由 bulletin export 生成")
        .set_creation_datetime(&created);
    book.set_properties(&props);

    let styles = Styles::new();
    let frame = Frame {
        site: format!("{}{}", content.site.title, if content.site.sample { "（示例数据）" } else { "" }),
        period: format!(
            "统计期：{}　数据截至{}（月末）　时序进度：{}",
            fmt::period_text(s.month),
            fmt::date_zh(as_of),
            fmt::percent(s.time_progress.value)
        ),
    };
    for table in tables.shown() {
        let sheet = book.add_worksheet();
        write_table(sheet, &styles, &frame, table)?;
    }
    book.save_to_buffer()
}

// ---- cells and styles -----------------------------------------------------------------------

/// A decimal as the nearest double, so 1781741.9 stays 1781741.9.
pub fn to_f64(d: Decimal) -> f64 {
    // Exact powers of ten as doubles (10^22 is the largest).
    const POW10: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21,
        1e22,
    ];
    // Fast path (a workbook has tens of thousands of numbers): a mantissa below 2^53 and a power
    // of ten up to 10^22 are both exact doubles, so one correctly rounded division gives the
    // nearest double to mantissa ÷ 10^scale. Anything else goes through the decimal text.
    let (mantissa, scale) = (d.mantissa(), d.scale() as usize);
    if mantissa.unsigned_abs() < 1 << 53 && scale < POW10.len() {
        return mantissa as f64 / POW10[scale];
    }
    d.normalize().to_string().parse().unwrap_or(0.0)
}

/// The number a cell holds: 亿元 cells hold 亿元 (the 万元 value ÷ 10 000, exact).
fn value(v: Decimal, num: Num) -> f64 {
    match num {
        Num::Yi => to_f64(v / Decimal::from(10_000)),
        _ => to_f64(v),
    }
}

/// How a date is shown: `2026-10-22`, `10月22日` or `2026年10月22日`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DateFmt {
    Iso,
    MonthDay,
    Full,
}

fn date_fmt(d: NaiveDate, kind: Kind) -> DateFmt {
    match kind {
        Kind::Date(DateStyle::InYear(y)) if d.year() == y => DateFmt::MonthDay,
        Kind::Date(DateStyle::InYear(_)) => DateFmt::Full,
        _ => DateFmt::Iso,
    }
}

fn excel_date(d: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
}

struct Styles {
    caption: Format,
    period: Format,
    note: Format,
    header: Format,
    text: Format,
    centered: Format,
    iso: Format,
    month_day: Format,
    full_date: Format,
    money: Format,
    count: Format,
    percent: Format,
    signed_percent: Format,
    points: Format,
    rank_change: Format,
}

const FONT: &str = "宋体";

impl Styles {
    fn new() -> Styles {
        let cell = || Format::new().set_font_name(FONT).set_font_size(11).set_border(FormatBorder::Thin);
        let number = |f: &str| cell().set_num_format(f).set_align(FormatAlign::Right);
        let date = |f: &str| cell().set_num_format(f).set_align(FormatAlign::Center);
        Styles {
            caption: Format::new().set_font_name(FONT).set_font_size(14).set_bold(),
            period: Format::new().set_font_name(FONT).set_font_size(10).set_font_color(0x595959),
            note: Format::new().set_font_name(FONT).set_font_size(10).set_font_color(0x595959),
            header: cell()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_text_wrap()
                .set_background_color(0xD9E1F2),
            text: cell(),
            centered: cell().set_align(FormatAlign::Center),
            iso: date("yyyy-mm-dd"),
            month_day: date("m\"月\"d\"日\""),
            full_date: date("yyyy\"年\"m\"月\"d\"日\""),
            money: number("#,##0.00"),
            count: number("#,##0"),
            percent: number("0.00%"),
            signed_percent: number("+0.00%;-0.00%;0.00%"),
            points: number("+0.00;-0.00;0.00"),
            rank_change: number("\"↑\"0;\"↓\"0;\"持平\"").set_align(FormatAlign::Center),
        }
    }

    fn number(&self, num: Num) -> &Format {
        match num {
            Num::Money | Num::Yi | Num::Amount => &self.money,
            Num::Count => &self.count,
            Num::Percent => &self.percent,
            Num::SignedPercent => &self.signed_percent,
            Num::Points => &self.points,
            Num::RankChange => &self.rank_change,
        }
    }

    fn date(&self, f: DateFmt) -> &Format {
        match f {
            DateFmt::Iso => &self.iso,
            DateFmt::MonthDay => &self.month_day,
            DateFmt::Full => &self.full_date,
        }
    }
}

/// What every sheet's top says.
struct Frame {
    site: String,
    period: String,
}

/// Display width in Excel's units (a CJK character is about two digits wide).
fn width_of(s: &str) -> f64 {
    s.chars().map(|c| if c.is_ascii() { 1.1 } else { 2.1 }).sum()
}

/// The display width of a cell as the sheet shows it, without formatting it (a workbook has
/// tens of thousands of cells).
fn shown_width(cell: &Cell, kind: Kind) -> f64 {
    // `#,##0`: the integer digits and a comma every three.
    let grouped = |d: &Decimal| {
        let digits = d.abs().trunc().to_string().len();
        (digits + (digits - 1) / 3) as f64 * 1.1 + if d.is_sign_negative() { 1.1 } else { 0.0 }
    };
    match cell {
        Cell::Number(d, Num::Money | Num::Amount) => grouped(d) + 3.3,
        Cell::Number(d, Num::Yi) => grouped(&(d / Decimal::from(10_000))) + 3.3,
        Cell::Number(d, Num::Count) => grouped(d),
        // `+83.33%`, `+10.67`
        Cell::Number(_, Num::Percent | Num::SignedPercent) => width_of("+100.00%"),
        Cell::Number(_, Num::Points) => width_of("+10.00"),
        Cell::Number(_, Num::RankChange) => width_of("↑10"),
        Cell::Date(d) => match date_fmt(*d, kind) {
            DateFmt::Iso => width_of("2026-10-31"),
            DateFmt::MonthDay => width_of("10月31日"),
            DateFmt::Full => width_of("2026年10月31日"),
        },
        other => width_of(&other.display(kind)),
    }
}

/// The style a cell is written in; `None` for a blank.
fn style_of<'s>(cell: &Cell, kind: Kind, st: &'s Styles) -> Option<&'s Format> {
    match cell {
        Cell::Empty => None,
        Cell::Text(_) | Cell::Link(_) | Cell::Links(_) => Some(&st.text),
        Cell::Tag(..) | Cell::Dash => Some(&st.centered),
        Cell::Number(_, num) => Some(st.number(*num)),
        Cell::Date(d) => Some(st.date(date_fmt(*d, kind))),
    }
}

/// Writes one cell's value (in `format`, or the column's when `None`).
fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    kind: Kind,
    format: Option<&Format>,
) -> Result<(), XlsxError> {
    match (cell, format) {
        (Cell::Empty, Some(f)) => sheet.write_blank(row, col, f)?,
        (Cell::Empty, None) => sheet,
        (Cell::Number(v, num), Some(f)) => sheet.write_number_with_format(row, col, value(*v, *num), f)?,
        (Cell::Number(v, num), None) => sheet.write_number(row, col, value(*v, *num))?,
        (Cell::Date(d), Some(f)) => sheet.write_datetime_with_format(row, col, excel_date(*d)?, f)?,
        (Cell::Date(d), None) => sheet.write_datetime(row, col, excel_date(*d)?)?,
        (other, Some(f)) => sheet.write_string_with_format(row, col, other.display(kind), f)?,
        (other, None) => sheet.write_string(row, col, other.display(kind))?,
    };
    Ok(())
}

/// Writes `t` (header at `header_row`, at least one row) as an Excel table with no table
/// style: the cells look as before, and each column's style is set once for all its cells.
/// (Styling cell by cell made rust_xlsxwriter hash the whole format for every cell: a third
/// of the time of a workbook.) Cells in another style than their column's are written after.
fn write_as_excel_table(sheet: &mut Worksheet, st: &Styles, t: &Table, header_row: u32) -> Result<(), XlsxError> {
    let first = header_row + 1;
    let kinds: Vec<Kind> = t.columns.iter().map(|c| c.kind).collect();
    let column_style: Vec<Option<&Format>> = (0..t.columns.len())
        .map(|col| t.rows.iter().find_map(|r| r.cells.get(col).and_then(|c| style_of(c, kinds[col], st))))
        .collect();
    let mut one_by_one = Vec::new();
    for (r, row) in t.rows.iter().enumerate() {
        let at = first + r as u32;
        for (col, cell) in row.cells.iter().enumerate() {
            let style = style_of(cell, kinds[col], st);
            let same = matches!((style, column_style[col]), (Some(a), Some(b)) if std::ptr::eq(a, b));
            if same {
                write_cell(sheet, at, col as u16, cell, kinds[col], None)?;
            } else {
                one_by_one.push((at, col, cell, style.unwrap_or(&st.text)));
            }
        }
    }
    let columns: Vec<TableColumn> = t
        .columns
        .iter()
        .zip(&column_style)
        .map(|(c, style)| {
            let column = TableColumn::new().set_header(c.header_with_unit()).set_header_format(&st.header);
            match style {
                Some(f) => column.set_format(*f),
                None => column,
            }
        })
        .collect();
    let last = first + t.rows.len() as u32 - 1;
    let table = ExcelTable::new().set_style(TableStyle::None).set_columns(&columns).set_autofilter(true);
    sheet.add_table(header_row, 0, last, (t.columns.len() - 1) as u16, &table)?;
    for (row, col, cell, format) in one_by_one {
        write_cell(sheet, row, col as u16, cell, kinds[col], Some(format))?;
    }
    Ok(())
}

fn write_table(sheet: &mut Worksheet, st: &Styles, frame: &Frame, t: &Table) -> Result<(), XlsxError> {
    sheet.set_name(sheet_name(t))?;
    sheet.set_landscape().set_paper_size(9).set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, HEADER_ROW)?;
    sheet.set_footer("&C第 &P 页，共 &N 页");
    sheet.set_row_height(0, 24)?;
    sheet.write_string_with_format(0, 0, format!("{}　{}", t.title(), frame.site), &st.caption)?;
    sheet.write_string_with_format(1, 0, &frame.period, &st.period)?;

    let mut widths = vec![6.0_f64; t.columns.len()];
    for (col, c) in t.columns.iter().enumerate() {
        let h = c.header_with_unit();
        // Headers wrap: a long one needs no more than about two lines.
        widths[col] = widths[col].max((width_of(&h) / 2.0).max(width_of(&h).min(12.0)) + 1.0);
    }
    sheet.set_row_height(HEADER_ROW, 30)?;
    let mut row = HEADER_ROW + 1;
    if t.rows.is_empty() {
        for (col, c) in t.columns.iter().enumerate() {
            sheet.write_string_with_format(HEADER_ROW, col as u16, c.header_with_unit(), &st.header)?;
        }
        sheet.write_string_with_format(row, 0, t.empty, &st.text)?;
        row += 1;
    } else {
        for r in &t.rows {
            for (col, cell) in r.cells.iter().enumerate() {
                widths[col] = widths[col].max(shown_width(cell, t.columns[col].kind) + 2.0);
            }
        }
        write_as_excel_table(sheet, st, t, HEADER_ROW)?;
        row += t.rows.len() as u32;
    }
    for note in &t.notes {
        row += 1;
        sheet.write_string_with_format(row, 0, format!("注：{note}"), &st.note)?;
    }
    for (col, w) in widths.iter().enumerate() {
        sheet.set_column_width(col as u16, w.min(48.0))?;
    }
    sheet.set_freeze_panes(HEADER_ROW + 1, (t.row_header + 1) as u16)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast path gives the same double as parsing the decimal's text.
    #[test]
    fn decimals_become_the_nearest_double() {
        let through_text = |d: Decimal| -> f64 { d.normalize().to_string().parse().unwrap() };
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            // xorshift: mantissas of every size, scales 0–12, both signs
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let digits = (x % 16) as u32;
            let mantissa = (x >> 8) as i64 % 10_i64.pow(digits.min(15) + 1);
            let sign = if x & 1 == 0 { 1 } else { -1 };
            let d = Decimal::new(sign * mantissa, (x >> 4) as u32 % 13);
            assert_eq!(to_f64(d).to_bits(), through_text(d).to_bits(), "{d}");
        }
        for (text, expected) in [("1781741.9", 1781741.9), ("0.1", 0.1), ("223", 223.0), ("-3.43", -3.43), ("0", 0.0)] {
            assert_eq!(to_f64(text.parse().unwrap()), expected, "{text}");
        }
        // Beyond the fast path: 2^53 + 1 and 28 decimal places.
        let big: Decimal = "9007199254740993".parse().unwrap();
        assert_eq!(to_f64(big), 9007199254740992.0);
        let fine: Decimal = "0.1234567890123456789012345678".parse().unwrap();
        assert_eq!(to_f64(fine), 0.12345678901234568);
    }
}
