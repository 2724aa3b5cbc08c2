//! The blank monthly report (月报) a unit fills in: its projects listed, one column per field
//! in the order of the built-in mapping, drop-down lists for 资金来源, 资金用途 and 问题类型,
//! so what comes back is exactly what `bulletin import --month` reads.

use chrono::Datelike;
use rust_xlsxwriter::{DataValidation, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, XlsxError};

use super::columns::{Col, HEADERS};
use crate::content::model::{Content, FundOrigin, ProblemKind, Project, UnitIx};
use crate::period::Month;

/// The columns of the blank report, left to right: (what it holds, header).
pub fn columns() -> Vec<(Col, String)> {
    let header = |c: Col| HEADERS.iter().find(|(col, _)| *col == c).map(|(_, n)| n[0]).unwrap_or("");
    let mut cols = vec![
        (Col::Id, header(Col::Id).to_string()),
        (Col::Name, header(Col::Name).to_string()),
        (Col::Amount, format!("{}（万元）", header(Col::Amount))),
        (Col::Origin, header(Col::Origin).to_string()),
        (Col::Use, header(Col::Use).to_string()),
        (Col::Fdi, format!("{}（万美元）", header(Col::Fdi))),
    ];
    for key in ["registered", "first_funds", "started", "production"] {
        cols.push((Col::Milestone(key), header(Col::Milestone(key)).to_string()));
    }
    for c in [Col::ProblemKind, Col::ProblemText, Col::ProblemOpened, Col::ProblemResolved] {
        cols.push((c, header(c).to_string()));
    }
    cols
}

/// Rows left blank under the projects, for a second entry of a project (another origin or use,
/// another problem): each such row repeats the project's id.
pub const SPARE_ROWS: u32 = 30;

/// The projects a unit reports: those it is credited with or responsible for, signed by the
/// month's end and not terminated before it began (all projects when `unit` is `None`).
pub fn projects_of(content: &Content, unit: Option<UnitIx>, month: Month) -> Vec<&Project> {
    content
        .projects
        .iter()
        .filter(|p| unit.is_none() || p.credit_unit == unit || p.unit == unit)
        .filter(|p| p.milestones.signed <= month.last_day())
        .filter(|p| p.milestones.terminated.is_none_or(|t| t >= month.first_day()))
        .collect()
}

/// The blank report for `unit`'s projects in `month`, as .xlsx bytes (byte-identical between runs).
pub fn workbook(content: &Content, unit: Option<UnitIx>, month: Month) -> Result<Vec<u8>, XlsxError> {
    let unit_name = unit.map(|u| content.unit(u).name.clone());
    let projects = projects_of(content, unit, month);
    let mut book = Workbook::new();
    let end = month.last_day();
    let created = ExcelDateTime::from_ymd(end.year() as u16, end.month() as u8, end.day() as u8)?;
    book.set_properties(
        &DocProperties::new()
            .set_title(format!("招商引资项目月报 {month}"))
            .set_author(&content.site.issuer)
            .set_comment("由 bulletin export --template monthly 生成；填好后用 bulletin import --month 导入")
            .set_creation_datetime(&created),
    );
    let cols = columns();
    let last_col = cols.len() as u16 - 1;
    let title = Format::new().set_bold().set_font_size(16).set_align(FormatAlign::Center);
    let head = Format::new().set_bold().set_border(FormatBorder::Thin).set_text_wrap().set_align(FormatAlign::Center);
    let cell = Format::new().set_border(FormatBorder::Thin);
    let date = Format::new().set_border(FormatBorder::Thin).set_num_format("yyyy-mm-dd");
    let money = Format::new().set_border(FormatBorder::Thin).set_num_format("#,##0.00");

    let sheet = book.add_worksheet();
    sheet.set_name("月报")?;
    let county = content.site.county.clone().unwrap_or_default();
    sheet.merge_range(
        0,
        0,
        0,
        last_col,
        &format!("{county}招商引资项目月报（{}年{}月）", month.year(), month.number()),
        &title,
    )?;
    sheet.write_string(
        1,
        0,
        format!(
            "填报单位：{}　统计月份：{month}　金额单位：万元（外资：万美元）　日期写本月内的日期；一个项目有多笔资金或多个问题时，在下面空行再写一行，项目编号照抄",
            unit_name.as_deref().unwrap_or("（全部项目）")
        ),
    )?;
    let header_row = 2;
    for (i, (_, h)) in cols.iter().enumerate() {
        sheet.write_string_with_format(header_row, i as u16, h, &head)?;
        let width = match i {
            1 => 36.0,
            11 => 30.0,
            _ => 14.0,
        };
        sheet.set_column_width(i as u16, width)?;
    }
    sheet.set_freeze_panes(header_row + 1, 2)?;
    let first = header_row + 1;
    let last = first + projects.len() as u32 + SPARE_ROWS - 1;
    for r in first..=last {
        for (i, (c, _)) in cols.iter().enumerate() {
            let f = match c {
                Col::Amount | Col::Fdi => &money,
                Col::Milestone(_) | Col::ProblemOpened | Col::ProblemResolved => &date,
                _ => &cell,
            };
            sheet.write_blank(r, i as u16, f)?;
        }
    }
    for (k, p) in projects.iter().enumerate() {
        let r = first + k as u32;
        sheet.write_string_with_format(r, 0, &p.id, &cell)?;
        sheet.write_string_with_format(r, 1, &p.name, &cell)?;
        // The origin and use of the project's latest money, as a start.
        if let Some(f) = p.funds.iter().rev().find(|f| f.month <= month) {
            sheet.write_string_with_format(r, 3, f.origin.zh(), &cell)?;
            sheet.write_string_with_format(r, 4, f.use_.zh(), &cell)?;
        }
    }
    let list = |items: &[&str], what: &str| -> Result<DataValidation, XlsxError> {
        DataValidation::new()
            .allow_list_strings(items)?
            .set_error_title("请从列表中选择")?
            .set_error_message(format!("{what}只能是：{}", items.join("、")))
    };
    let col_of = |c: Col| cols.iter().position(|(x, _)| *x == c).unwrap_or(0) as u16;
    let origins: Vec<&str> = FundOrigin::ALL.iter().map(|o| o.zh()).collect();
    sheet.add_data_validation(first, col_of(Col::Origin), last, col_of(Col::Origin), &list(&origins, "资金来源")?)?;
    sheet.add_data_validation(first, col_of(Col::Use), last, col_of(Col::Use), &list(&["固定资产", "流动资金"], "资金用途")?)?;
    let kinds: Vec<&str> = ProblemKind::ALL.iter().map(|k| k.zh()).collect();
    sheet.add_data_validation(first, col_of(Col::ProblemKind), last, col_of(Col::ProblemKind), &list(&kinds, "问题类型")?)?;
    book.save_to_buffer()
}
