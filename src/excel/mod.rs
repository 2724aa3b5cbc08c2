//! A clerk's Excel ledger (台账) in, as project files. (The bulletin's tables go out as a
//! workbook through [`crate::output::xlsx`].)
//!
//! - [`import::plan`]: a ledger sheet + the loaded content → what each row would become
//!   (`projects/<id>.yaml` text, or the row's problems). Pure: the command does the reading,
//!   the writing and the final check.
//! - [`mapping`]: which column header fills which field (built in, or from a small YAML file).
//! - [`cells`]: reading dates, amounts and text out of cells the way clerks type them.
//! - [`project_file`]: a project file's fields in the documented order, written as clean YAML.
//! - [`monthly`]: a monthly report (月报) merged into the project files in place, and its blank form.

pub mod cells;
pub mod import;
pub mod mapping;
pub mod monthly;
pub mod project_file;

/// Excel's column letters for a 0-based column: 0 → `A`, 26 → `AA`.
pub fn column_letters(col: u32) -> String {
    let mut n = col as u64 + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        letters.push((b'A' + rem) as char);
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// A cell as Excel names it, from 0-based row and column: `台账!E7`.
pub fn cell_ref(sheet: &str, row: u32, col: u32) -> String {
    let sheet = if sheet.chars().any(|c| c.is_whitespace() || "!'-+()".contains(c)) {
        format!("'{}'", sheet.replace('\'', "''"))
    } else {
        sheet.to_string()
    };
    format!("{sheet}!{}{}", column_letters(col), row + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_column_letters() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(4), "E");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
        assert_eq!(cell_ref("台账", 6, 4), "台账!E7");
        assert_eq!(cell_ref("2026 台账", 0, 0), "'2026 台账'!A1");
    }
}
