//! A month's bulletin tables as an Excel workbook: one sheet per table of the bulletin page
//! (`render::pages::bulletin`), with the same rows in the same order.
//!
//! Cells hold the snapshot's exact figures as numbers, never text: money in 万元 (外资 in
//! 万美元) with `#,##0.00`, rates as fractions with `0.00%`, counts with `0`, percentage-point
//! gaps with a sign. Rounding is left to the number format, so a sum in Excel adds the exact
//! values; the percentages shown are rounded half up exactly as the site rounds them.
//!
//! Each sheet starts with the table's caption and a line naming the period and the as-of date,
//! then the header row (frozen, with units in the headers). The file's creation time is the
//! as-of date, so two exports of the same content are byte-identical.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Table as ExcelTable, TableColumn, TableStyle, Workbook,
    Worksheet, XlsxError,
};

use crate::content::Content;
use crate::content::model::Project;
use crate::content::model::RankBy;
use crate::figures::annex::{Annex, ItemLine, ProjectFunds, TripLine};
use crate::figures::format as fmt;
use crate::figures::rules::{self, Stage};
use crate::figures::snapshot::{BreakdownRow, List, Snapshot, Target, UnitRow};
use crate::period::Month;
use crate::render::view;

/// The sheet names, in order.
pub const SHEETS: [&str; 13] = [
    "总体情况",
    "四率",
    "产业链",
    "资金来源",
    "重点类别",
    "镇办排名",
    "部门排名",
    "小分队",
    "本月外出",
    "五个一",
    "新签约项目",
    "到位资金明细",
    "交办事项",
];

/// Rows above the header: the caption and the period line.
pub const HEADER_ROW: u32 = 2;

/// The workbook of `snapshot`'s month, as the bytes of an .xlsx file.
pub fn workbook(content: &Content, snapshot: &Snapshot) -> Result<Vec<u8>, XlsxError> {
    workbook_with(content, snapshot, &Annex::of(content, snapshot.month))
}

/// [`workbook`] with the month's annex lists already made (the site makes them once for the
/// bulletin page and its workbook).
pub fn workbook_with(content: &Content, snapshot: &Snapshot, annex: &Annex) -> Result<Vec<u8>, XlsxError> {
    let s = snapshot;
    let as_of = s.month.last_day();
    let mut book = Workbook::new();
    // Fastest deflate: a site writes one workbook per bulletin, and level 6 (the default)
    // costs three times the CPU for files about 10 % smaller.
    book.set_zip_compression_level(1);
    let created = ExcelDateTime::from_ymd(as_of.year() as u16, as_of.month() as u8, as_of.day() as u8)?;
    let props = DocProperties::new()
        .set_title(format!("{} {}数据", content.site.title, view::period_text(s.month)))
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
            view::period_text(s.month),
            view::date_zh(as_of),
            fmt::percent(s.time_progress.value)
        ),
    };
    for table in tables(content, s, annex) {
        let sheet = book.add_worksheet();
        write_table(sheet, &styles, &frame, &table)?;
    }
    book.save_to_buffer()
}

// ---- cells and styles -----------------------------------------------------------------------

/// How a number is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Num {
    /// 万元 / 万美元 / 平方米: `#,##0.00`.
    Money,
    /// `0`.
    Count,
    /// A fraction shown as `83.33%`.
    Percent,
    /// A fraction shown as `+10.23%` / `-5.10%`.
    SignedPercent,
    /// Percentage points: `+8.47` / `-3.12`.
    Points,
    /// Places moved up (positive) or down: `↑2` / `↓1` / `持平`.
    RankChange,
}

#[derive(Clone, Debug)]
enum Cell {
    Text(String),
    Number(Decimal, Num),
    Date(NaiveDate),
    /// No value (a zero denominator, no target): `—`, as the site shows it.
    Dash,
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

fn money(d: Decimal) -> Cell {
    Cell::Number(d, Num::Money)
}

fn count(n: impl Into<Decimal>) -> Cell {
    Cell::Number(n.into(), Num::Count)
}

fn ratio(r: Option<Decimal>, num: Num) -> Cell {
    r.map_or(Cell::Dash, |v| Cell::Number(v, num))
}

fn opt(d: Option<Decimal>, num: Num) -> Cell {
    d.map_or(Cell::Dash, |v| Cell::Number(v, num))
}

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

struct Styles {
    caption: Format,
    period: Format,
    header: Format,
    text: Format,
    dash: Format,
    date: Format,
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
        Styles {
            caption: Format::new().set_font_name(FONT).set_font_size(14).set_bold(),
            period: Format::new().set_font_name(FONT).set_font_size(10).set_font_color(0x595959),
            header: cell()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_text_wrap()
                .set_background_color(0xD9E1F2),
            text: cell(),
            dash: cell().set_align(FormatAlign::Center),
            date: number("yyyy-mm-dd").set_align(FormatAlign::Center),
            money: number("#,##0.00"),
            count: number("0"),
            percent: number("0.00%"),
            signed_percent: number("+0.00%;-0.00%;0.00%"),
            points: number("+0.00;-0.00;0.00"),
            rank_change: number("\"↑\"0;\"↓\"0;\"持平\"").set_align(FormatAlign::Center),
        }
    }

    fn number(&self, num: Num) -> &Format {
        match num {
            Num::Money => &self.money,
            Num::Count => &self.count,
            Num::Percent => &self.percent,
            Num::SignedPercent => &self.signed_percent,
            Num::Points => &self.points,
            Num::RankChange => &self.rank_change,
        }
    }
}

/// What every sheet's top says.
struct Frame {
    site: String,
    period: String,
}

/// One table: a sheet, or a second table further down a sheet.
struct Table {
    sheet: &'static str,
    caption: String,
    headers: Vec<String>,
    rows: Vec<Vec<Cell>>,
    /// Further tables below the first, each after an empty row.
    more: Vec<Table>,
    /// Columns kept in view when scrolling right (the row's name).
    frozen_columns: u16,
}

impl Table {
    fn new(sheet: &'static str, caption: &str, headers: &[&str], rows: Vec<Vec<Cell>>) -> Table {
        Table {
            sheet,
            caption: caption.to_string(),
            headers: headers.iter().map(|h| h.to_string()).collect(),
            rows,
            more: Vec::new(),
            frozen_columns: 1,
        }
    }
}

/// Display width in Excel's units (a CJK character is about two digits wide).
fn width_of(s: &str) -> f64 {
    s.chars().map(|c| if c.is_ascii() { 1.1 } else { 2.1 }).sum()
}

/// The display width of a cell as the sheet shows it, without formatting it (a workbook has
/// tens of thousands of cells).
fn shown_width(cell: &Cell) -> f64 {
    // `#,##0`: the integer digits and a comma every three.
    let grouped = |d: &Decimal| {
        let digits = d.abs().trunc().to_string().len();
        (digits + (digits - 1) / 3) as f64 * 1.1 + if d.is_sign_negative() { 1.1 } else { 0.0 }
    };
    match cell {
        Cell::Text(t) => width_of(t),
        Cell::Number(d, Num::Money) => grouped(d) + 3.3,
        Cell::Number(d, Num::Count) => grouped(d),
        // `+83.33%`, `+10.67`
        Cell::Number(_, Num::Percent | Num::SignedPercent) => width_of("+100.00%"),
        Cell::Number(_, Num::Points) => width_of("+10.00"),
        Cell::Number(_, Num::RankChange) => width_of("↑10"),
        Cell::Date(_) => width_of("2026-10-31"),
        Cell::Dash => width_of("—"),
    }
}

/// The style a cell is written in; `None` for the few written one by one (a dash, an empty
/// cell).
fn style_of<'s>(cell: &Cell, st: &'s Styles) -> Option<&'s Format> {
    match cell {
        Cell::Text(t) if t.is_empty() => None,
        Cell::Text(_) => Some(&st.text),
        Cell::Number(_, num) => Some(st.number(*num)),
        Cell::Date(_) => Some(&st.date),
        Cell::Dash => None,
    }
}

/// Writes `t` (header at `header_row`, at least one row) as an Excel table with no table
/// style: the cells look as before, and each column's style is set once for all its cells.
/// (Styling cell by cell made rust_xlsxwriter hash the whole format for every cell: a third
/// of the time of a workbook.) Cells in another style than their column's are written after.
fn write_as_excel_table(sheet: &mut Worksheet, st: &Styles, t: &Table, header_row: u32, filter: bool) -> Result<(), XlsxError> {
    let first = header_row + 1;
    let column_style: Vec<Option<&Format>> =
        (0..t.headers.len()).map(|col| t.rows.iter().find_map(|r| r.get(col).and_then(|c| style_of(c, st)))).collect();
    let mut one_by_one = Vec::new();
    for (r, cells) in t.rows.iter().enumerate() {
        let row = first + r as u32;
        for (col, cell) in cells.iter().enumerate() {
            let c = col as u16;
            let same = matches!((style_of(cell, st), column_style[col]), (Some(a), Some(b)) if std::ptr::eq(a, b));
            if !same {
                one_by_one.push((row, c, cell));
                continue;
            }
            match cell {
                Cell::Text(s) => sheet.write_string(row, c, s)?,
                Cell::Number(d, _) => sheet.write_number(row, c, to_f64(*d))?,
                Cell::Date(d) => {
                    sheet.write_datetime(row, c, ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?)?
                }
                Cell::Dash => unreachable!("a dash has no column style"),
            };
        }
    }
    let columns: Vec<TableColumn> = t
        .headers
        .iter()
        .zip(&column_style)
        .map(|(h, style)| {
            let column = TableColumn::new().set_header(h).set_header_format(&st.header);
            match style {
                Some(f) => column.set_format(*f),
                None => column,
            }
        })
        .collect();
    let last = first + t.rows.len() as u32 - 1;
    let table = ExcelTable::new().set_style(TableStyle::None).set_columns(&columns).set_autofilter(filter);
    sheet.add_table(header_row, 0, last, (t.headers.len() - 1) as u16, &table)?;
    for (row, c, cell) in one_by_one {
        match cell {
            Cell::Text(s) if s.is_empty() => sheet.write_blank(row, c, &st.text)?,
            Cell::Text(s) => sheet.write_string_with_format(row, c, s, &st.text)?,
            Cell::Number(d, num) => sheet.write_number_with_format(row, c, to_f64(*d), st.number(*num))?,
            Cell::Date(d) => {
                let date = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
                sheet.write_datetime_with_format(row, c, &date, &st.date)?
            }
            Cell::Dash => sheet.write_string_with_format(row, c, "—", &st.dash)?,
        };
    }
    Ok(())
}

fn write_table(sheet: &mut Worksheet, st: &Styles, frame: &Frame, table: &Table) -> Result<(), XlsxError> {
    sheet.set_name(table.sheet)?;
    sheet.set_landscape().set_paper_size(9).set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, HEADER_ROW)?;
    sheet.set_footer("&C第 &P 页，共 &N 页");
    sheet.set_row_height(0, 24)?;
    sheet.write_string_with_format(0, 0, format!("{}　{}", table.caption, frame.site), &st.caption)?;
    sheet.write_string_with_format(1, 0, &frame.period, &st.period)?;

    let columns = std::iter::once(table).chain(&table.more).map(|t| t.headers.len()).max().unwrap_or(1);
    let mut widths = vec![6.0_f64; columns];
    let mut row = HEADER_ROW;
    for (i, t) in std::iter::once(table).chain(&table.more).enumerate() {
        if i > 0 {
            row += 1;
            sheet.write_string_with_format(row, 0, &t.caption, &st.caption)?;
            row += 1;
        }
        let header_row = row;
        for (col, h) in t.headers.iter().enumerate() {
            // Headers wrap: a long one needs no more than about two lines.
            widths[col] = widths[col].max((width_of(h) / 2.0).max(width_of(h).min(12.0)) + 1.0);
        }
        sheet.set_row_height(row, 30)?;
        row += 1;
        if t.rows.is_empty() {
            for (col, h) in t.headers.iter().enumerate() {
                sheet.write_string_with_format(header_row, col as u16, h, &st.header)?;
            }
            sheet.write_string_with_format(row, 0, "暂无数据", &st.text)?;
            row += 1;
            continue;
        }
        for cells in &t.rows {
            for (col, cell) in cells.iter().enumerate() {
                widths[col] = widths[col].max(shown_width(cell) + 2.0);
            }
        }
        write_as_excel_table(sheet, st, t, header_row, i == 0 && table.more.is_empty())?;
        row += t.rows.len() as u32;
    }
    for (col, w) in widths.iter().enumerate() {
        sheet.set_column_width(col as u16, w.min(48.0))?;
    }
    sheet.set_freeze_panes(HEADER_ROW + 1, table.frozen_columns)?;
    Ok(())
}

// ---- the tables -------------------------------------------------------------------------------

fn tables(c: &Content, s: &Snapshot, annex: &Annex) -> Vec<Table> {
    vec![
        overview(s),
        rates(s),
        chains(c, s),
        origins(s),
        tags(s),
        units("镇办排名", "表6 镇（街道）完成情况", &s.units.towns, s.units.rank_by == RankBy::Funds),
        units("部门排名", "表7 县直部门完成情况", &s.units.departments, s.units.rank_by == RankBy::Funds),
        squads(s),
        trips(&annex.trips),
        leaders(s),
        new_projects(c, s, &annex.new_projects),
        funds_detail(c, &annex.funds),
        items(c, &annex.items),
    ]
}

fn overview(s: &Snapshot) -> Table {
    let h = &s.headline;
    let line = |name: &str, t: &Target, num: Num| {
        vec![
            text(name),
            Cell::Number(t.value, num),
            opt(t.target, num),
            ratio(t.completion.value, Num::Percent),
            ratio(s.time_progress.value, Num::Percent),
            opt(t.gap_points, Num::Points),
            Cell::Number(t.last_year, num),
            ratio(t.yoy.value, Num::SignedPercent),
            Cell::Number(t.this_month, num),
        ]
    };
    let mut table = Table::new(
        "总体情况",
        "表1 三项目标任务完成情况",
        &["指标", "1—本月累计", "年度目标", "完成率", "时序进度", "进度差（个百分点）", "上年同期", "同比", "本月新增"],
        vec![
            line("招引项目（个）", &h.projects, Num::Count),
            line("招商到位资金（万元）", &h.funds, Num::Money),
            line("外资直投（万美元）", &h.fdi, Num::Money),
        ],
    );
    let a = &s.agreements;
    let f = &s.factories;
    let q = &s.squads;
    let m = &s.meetings;
    let row = |name: &str, value: Cell, note: &str| vec![text(name), value, text(note)];
    table.more.push(Table::new(
        "总体情况",
        "其他指标",
        &["指标", "数值", "说明"],
        vec![
            row("协议项目（个）", count(a.agreements), "本年签订的协议项目"),
            row("协议转签合同（个）", count(a.converted), "截至月末已转签合同"),
            row("协议转化率", ratio(a.rate.value, Num::Percent), "转签合同 ÷ 协议项目"),
            row("直接签订合同项目（个）", count(a.contracts), ""),
            row("标准化厂房已建成（栋）", count(f.buildings_built), ""),
            row("已建成面积（平方米）", money(f.area_built), ""),
            row("已入驻（栋）", count(f.buildings_occupied), ""),
            row("已入驻面积（平方米）", money(f.area_occupied), ""),
            row("厂房入驻率", ratio(f.rate_area.value, Num::Percent), "按面积：已入驻面积 ÷ 已建成面积"),
            row("厂房入驻率目标", ratio(f.target, Num::Percent), ""),
            row("招商小分队（支）", count(q.total), ""),
            row("本月完成外出任务（支）", count(q.met), format!("每支每月至少外出 {} 次", q.required_per_month).as_str()),
            row("小分队达标率", ratio(q.rate.value, Num::Percent), "完成外出任务的小分队 ÷ 小分队总数"),
            row("交办联评会议（次）", count(m.meetings), "本年截至月末"),
            row("交办事项（项）", count(m.items), ""),
            row("已办结（项）", count(m.closed), ""),
            row("办结率", ratio(m.closed_rate.value, Num::Percent), "已办结 ÷ 交办事项"),
            row("逾期未办结（项）", count(m.overdue), ""),
        ],
    ));
    table
}

fn rates(s: &Snapshot) -> Table {
    let r = &s.rates;
    let views = view::rates(s);
    let rows = [(&r.fulfilment, false), (&r.funds, true), (&r.start, false), (&r.production, false)]
        .iter()
        .zip(&views)
        .map(|((rate, is_money), v)| {
            let num = if *is_money { Num::Money } else { Num::Count };
            vec![
                text(v.name),
                ratio(rate.rate.value, Num::Percent),
                Cell::Number(rate.numerator, num),
                Cell::Number(rate.denominator, num),
                text(if *is_money { "万元" } else { "个" }),
                text(v.formula),
                ratio(rate.target, Num::Percent),
            ]
        })
        .collect();
    let mut table =
        Table::new("四率", "表2 “四率”情况", &["指标", "比率", "分子", "分母", "分子分母单位", "计算方法", "目标"], rows);
    table.more.push(Table::new(
        "四率",
        "项目所处阶段（截至月末）",
        &["阶段", "项目（个）"],
        s.pipeline.by_stage.iter().map(|x| vec![text(x.stage.zh()), count(x.count)]).collect(),
    ));
    table
}

/// The bulletin shows a breakdown's rows with projects or money.
fn shown_rows(rows: &[BreakdownRow]) -> impl Iterator<Item = &BreakdownRow> {
    rows.iter().filter(|r| r.projects > 0 || !r.funds.is_zero())
}

fn share(r: &BreakdownRow) -> Cell {
    if r.counted { ratio(r.funds_share.value, Num::Percent) } else { text("不计入") }
}

fn chains(c: &Content, s: &Snapshot) -> Table {
    let key = |id: &str| c.chains.iter().any(|ch| ch.id == id && ch.key);
    Table::new(
        "产业链",
        "表3 分产业链情况",
        &["产业链", "重点产业链", "招引项目（个）", "合同引资额（万元）", "到位资金（万元）", "占比", "外资直投（万美元）"],
        shown_rows(&s.breakdowns.by_chain)
            .map(|r| {
                vec![
                    text(&r.name),
                    text(if key(&r.key) { "是" } else { "" }),
                    count(r.projects),
                    money(r.contract_amount),
                    money(r.funds),
                    share(r),
                    money(r.fdi),
                ]
            })
            .collect(),
    )
}

fn origins(s: &Snapshot) -> Table {
    Table::new(
        "资金来源",
        "表4 到位资金来源",
        &["资金来源", "到位资金（万元）", "占比", "计入到位资金"],
        shown_rows(&s.breakdowns.by_fund_origin)
            .map(|r| vec![text(&r.name), money(r.funds), share(r), text(if r.counted { "是" } else { "否" })])
            .collect(),
    )
}

fn tags(s: &Snapshot) -> Table {
    Table::new(
        "重点类别",
        "表5 500强、总部经济、电子信息等项目",
        &["重点类别", "招引项目（个）", "合同引资额（万元）", "到位资金（万元）", "占比"],
        shown_rows(&s.breakdowns.by_tag)
            .map(|r| vec![text(&r.name), count(r.projects), money(r.contract_amount), money(r.funds), share(r)])
            .collect(),
    )
}

fn units(sheet: &'static str, caption: &str, rows: &[UnitRow], by_funds: bool) -> Table {
    let (unit, other_headers): (&str, [&str; 2]) = if by_funds {
        ("万元", ["招引项目（个）", "项目任务（个）"])
    } else {
        ("个", ["到位资金（万元）", "资金任务（万元）"])
    };
    let headers = [
        "位次".to_string(),
        "单位".to_string(),
        format!("年度任务（{unit}）"),
        format!("累计完成（{unit}）"),
        "完成率".to_string(),
        "进度差（个百分点）".to_string(),
        format!("上年同期（{unit}）"),
        "同比".to_string(),
        "升降（位）".to_string(),
        "榜单".to_string(),
        other_headers[0].to_string(),
        other_headers[1].to_string(),
    ];
    let caption = format!("{caption}（按{}完成率排名）", if by_funds { "到位资金" } else { "招引项目" });
    let mut table = Table::new(sheet, &caption, &[], Vec::new());
    table.headers = headers.to_vec();
    table.frozen_columns = 2;
    table.rows = rows
        .iter()
        .map(|r| {
            let (m, other, num, other_num) = if by_funds {
                (&r.funds, &r.projects, Num::Money, Num::Count)
            } else {
                (&r.projects, &r.funds, Num::Count, Num::Money)
            };
            vec![
                r.rank.map_or(Cell::Dash, count),
                text(&r.name),
                opt(m.target, num),
                Cell::Number(m.value, num),
                ratio(m.completion.value, Num::Percent),
                opt(m.gap_points, Num::Points),
                Cell::Number(m.last_year, num),
                ratio(m.yoy.value, Num::SignedPercent),
                r.rank_change.map_or(Cell::Dash, |c| Cell::Number(Decimal::from(c), Num::RankChange)),
                text(r.list.map_or("", List::zh)),
                Cell::Number(other.value, other_num),
                opt(other.target, other_num),
            ]
        })
        .collect();
    table
}

fn squads(s: &Snapshot) -> Table {
    Table::new(
        "小分队",
        "表8 小分队外出对接情况",
        &[
            "小分队",
            "所属单位",
            "本月外出（次）",
            "累计外出（次）",
            "外出天数",
            "外出人次",
            "拜访企业（家）",
            "有效线索（条）",
            "对接项目（个）",
            "一把手带队（次）",
            "成果未报送（次）",
            "未达标月份",
        ],
        s.squads
            .rows
            .iter()
            .map(|r| {
                vec![
                    text(&r.name),
                    text(&r.unit),
                    count(r.trips_this_month),
                    count(r.trips),
                    count(r.days_away),
                    count(r.people),
                    count(r.companies),
                    count(r.leads),
                    count(r.projects),
                    count(r.leader_trips),
                    count(r.unreported),
                    text(r.missed_months.iter().map(|m| m.to_string()).collect::<Vec<_>>().join("、")),
                ]
            })
            .collect(),
    )
}

/// 附件3: trips that started this month, as the bulletin lists them; a trip still under way on
/// the as-of day has no return date yet.
fn trips(lines: &[TripLine]) -> Table {
    Table::new(
        "本月外出",
        "附件3 本月小分队外出情况",
        &["小分队", "出发日期", "返回日期", "目的地", "人数", "天数", "拜访企业（家）", "有效线索（条）", "一把手带队"],
        lines
            .iter()
            .map(|line| {
                let t = line.trip;
                vec![
                    text(&line.squad.name),
                    Cell::Date(t.start),
                    line.back.map_or_else(|| text("未返回"), Cell::Date),
                    text(&t.destination),
                    count(t.people),
                    count(line.days),
                    count(t.companies.len() as u32),
                    count(t.leads),
                    text(if t.leader_trip { "是" } else { "" }),
                ]
            })
            .collect(),
    )
}

fn leaders(s: &Snapshot) -> Table {
    Table::new(
        "五个一",
        "表9 “五个一”包抓情况",
        &[
            "包抓县级领导",
            "职务",
            "在推项目（个）",
            "已开工（个）",
            "已投产（个）",
            "到位资金（万元）",
            "未解决问题（个）",
            "逾期交办事项（项）",
        ],
        s.leaders
            .iter()
            .filter(|l| !l.projects.is_empty())
            .map(|l| {
                let stage = |st: Stage| l.by_stage.iter().find(|x| x.stage == st).map_or(0, |x| x.count);
                vec![
                    text(&l.name),
                    text(l.title.clone().unwrap_or_default()),
                    count(l.projects.len() as u32),
                    count(stage(Stage::Started)),
                    count(stage(Stage::Producing)),
                    money(l.funds),
                    count(l.open_problems),
                    count(l.overdue_items),
                ]
            })
            .collect(),
    )
}

/// Counted 到位资金 of a project in months `from..=to`.
fn project_funds(c: &Content, p: &Project, from: Option<Month>, to: Month) -> Decimal {
    p.funds
        .iter()
        .filter(|f| from.is_none_or(|m| f.month >= m) && f.month <= to && rules::counted_funds(f, &c.site.rules))
        .map(|f| f.amount)
        .sum()
}

/// 附件1: projects counted toward this year's target, newest first (as the bulletin lists them).
fn new_projects(c: &Content, s: &Snapshot, list: &[&Project]) -> Table {
    let as_of = s.month.last_day();
    let rules = &c.site.rules;
    Table::new(
        "新签约项目",
        "附件1 新签约项目台账",
        &[
            "编号",
            "项目名称",
            "投资方",
            "产业链",
            "签约类型",
            "签约日期",
            "合同引资额（万元）",
            "累计到位资金（万元）",
            "阶段",
            "责任部门",
            "包抓县级领导",
            "亿元以上",
        ],
        list.iter()
            .map(|p| {
                vec![
                    text(&p.id),
                    text(&p.name),
                    text(&p.investor),
                    text(&c.chain(p.chain).name),
                    text(p.sign_type.zh()),
                    Cell::Date(p.milestones.signed),
                    money(p.contract_amount),
                    money(project_funds(c, p, None, s.month)),
                    text(rules::stage(p, rules, as_of).zh()),
                    text(p.unit.map_or("—".to_string(), |u| c.unit(u).name.clone())),
                    text(p.leader.map_or("—".to_string(), |l| c.leader(l).name.clone())),
                    text(if p.contract_amount >= Decimal::from(10_000) { "是" } else { "" }),
                ]
            })
            .collect(),
    )
}

/// 附件2: 到位资金 by project this period, largest first.
fn funds_detail(c: &Content, rows: &[ProjectFunds]) -> Table {
    Table::new(
        "到位资金明细",
        "附件2 到位资金明细",
        &["项目", "产业链", "建设性质", "本月到位（万元）", "1—本月累计（万元）", "计入单位"],
        rows.iter()
            .map(|f| {
                let p = f.project;
                vec![
                    text(&p.name),
                    text(&c.chain(p.chain).name),
                    text(p.build_type.zh()),
                    money(f.month),
                    money(f.to_date),
                    text(p.credit_unit.map_or("—".to_string(), |u| c.unit(u).name.clone())),
                ]
            })
            .collect(),
    )
}

/// 附件4: every item assigned this year by the as-of date, as the bulletin lists them.
fn items(c: &Content, lines: &[ItemLine]) -> Table {
    let rows = lines
        .iter()
        .map(|line| {
            let i = line.item;
            vec![
                Cell::Date(line.meeting.date),
                text(i.project.map_or("—".to_string(), |p| c.project(p).name.clone())),
                text(&i.task),
                text(&c.unit(i.unit).name),
                Cell::Date(i.deadline),
                text(line.state.zh()),
            ]
        })
        .collect();
    Table::new("交办事项", "附件4 交办事项清单", &["会议日期", "项目", "交办事项", "承办单位", "办结时限", "状态"], rows)
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
