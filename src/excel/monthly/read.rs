//! A monthly report's rows → what each project reported for the month, every problem named
//! by its cell.

use std::collections::BTreeMap;

use calamine::{Data, Range};
use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::columns::{Col, Header};
use crate::content::closest::closest;
use crate::content::model::{Content, FundOrigin, FundUse, ProblemKind, Project};
use crate::diagnostics::{Diagnostic, Text};
use crate::excel::cell_ref;
use crate::excel::cells::{self, Problem};
use crate::excel::mapping::Kind;
use crate::period::Month;

/// The most one project can plausibly receive in one month: 100 亿元 (a larger figure is
/// almost always an amount typed in 元, or a cumulative total).
pub const MAX_MONTH_FUNDS: i64 = 1_000_000;
/// The same for FDI: 10 亿美元.
pub const MAX_MONTH_FDI: i64 = 100_000;

/// One money entry: an amount from one origin for one use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    pub origin: FundOrigin,
    pub use_: FundUse,
    pub amount: Decimal,
}

/// A problem as a row reports it.
#[derive(Clone, Debug)]
pub struct ProblemRow {
    pub kind: Option<ProblemKind>,
    pub text: String,
    pub opened: Option<NaiveDate>,
    pub resolved: Option<NaiveDate>,
    /// The problem cell, for messages.
    pub at: String,
}

/// Everything the report says about one project.
#[derive(Clone, Debug, Default)]
pub struct ProjectReport {
    pub funds: BTreeMap<Month, Vec<Entry>>,
    pub fdi: BTreeMap<Month, Decimal>,
    /// Milestone key → (date, cell).
    pub milestones: BTreeMap<&'static str, (NaiveDate, String)>,
    pub problems: Vec<ProblemRow>,
    /// Where its rows are: `月报!5`.
    pub rows: Vec<String>,
    /// The cells each month's money and FDI came from: `月报!C5`.
    pub cells: BTreeMap<(bool, Month), Vec<String>>,
    /// A row of this project has a problem: nothing of it is written.
    pub bad: bool,
}

/// A whole report: by project id.
#[derive(Debug, Default)]
pub struct Report {
    pub projects: BTreeMap<String, ProjectReport>,
    /// Every problem, each naming its cell.
    pub problems: Vec<Diagnostic>,
    pub notes: Vec<Text>,
    /// (sheet, data rows read).
    pub sheets: Vec<(String, usize)>,
}

impl Report {
    fn problem(&mut self, at: &str, header: &str, code: &'static str, message: Text, help: Text) {
        self.problems.push(
            Diagnostic::error(
                code,
                Text::new(format!("{at}（{header}）：{}", message.zh), format!("{at} ({header}): {}", message.en)),
            )
            .help(help),
        );
    }

    fn cell_problem(&mut self, at: &str, header: &str, p: Problem) {
        self.problem(at, header, p.code, p.message, p.help);
    }
}

/// Reads one sheet's rows into `report`.
pub fn read_sheet(content: &Content, month: Month, sheet: &str, range: &Range<Data>, header: &Header, report: &mut Report) {
    for (col, text, unit) in &header.bad_units {
        let at = cell_ref(sheet, header.rows[header.rows.len() - 1], *col);
        report.problem(
            &at,
            text,
            "bad-unit",
            Text::new(format!("单位“{unit}”无法换算"), format!("cannot convert the unit `{unit}`")),
            Text::new("金额列的单位应为 万元、亿元 或 元（外资为 万美元、美元）", "use 万元, 亿元 or 元 (FDI: 万美元 or 美元)"),
        );
    }
    if header.has(|c| matches!(c, Col::ByOrigin(_))) && header.has(|c| matches!(c, Col::ByUse(_))) {
        let at = cell_ref(sheet, header.rows[0], header.columns[0].0);
        report.problem(
            &at,
            "表头",
            "wrong-shape",
            Text::new(
                "同时按资金来源和资金用途分列，无法知道每一笔的来源和用途",
                "money is split by origin and by use at once; each entry's origin and use are unknown",
            ),
            Text::new(
                "只按一种分列（来源或用途），另一种写在“资金来源”或“资金用途”列；或一笔资金一行",
                "split by one of them only, or write one row per entry",
            ),
        );
        return;
    }
    let Some((bottom, right)) = range.end() else { return };
    let left = range.start().map_or(0, |(_, c)| c);
    let money_cols: Vec<(u32, String, Col, Decimal)> =
        header.columns.iter().filter(|(_, _, c, _)| c.is_money()).cloned().collect();
    let mut sums: BTreeMap<u32, Decimal> = BTreeMap::new();
    let mut read = 0;
    for row in header.data_start..=bottom {
        let cell = |col: u32| range.get_value((row, col)).unwrap_or(&Data::Empty);
        if header.columns.iter().all(|(c, ..)| cells::is_empty(cell(*c))) {
            continue;
        }
        let first = (left..=right).map(cell).find(|c| !cells::is_empty(c));
        if let Some(Data::String(s)) = first {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            if s.starts_with("合计") || s.starts_with("总计") {
                check_totals(sheet, row, &cell, &money_cols, &sums, report);
                report.notes.push(Text::new(
                    format!("{sheet}第 {} 行是合计行，只用来核对各列之和，不导入", row + 1),
                    format!("{sheet} row {} is a total row: used to check the sums, not imported", row + 1),
                ));
                continue;
            }
            if s.starts_with("小计") {
                report.notes.push(Text::new(
                    format!("{sheet}第 {} 行是小计行，已跳过", row + 1),
                    format!("{sheet} row {} is a subtotal row and was skipped", row + 1),
                ));
                continue;
            }
            if ["注:", "注：", "备注:", "备注：", "说明", "填报", "制表", "审核"].iter().any(|t| s.starts_with(t))
            {
                continue;
            }
        }
        read += 1;
        for (c, _, col, scale) in &money_cols {
            let kind = if *col == Col::Fdi { Kind::UsdWan } else { Kind::Wan };
            if let Ok(Some(v)) = cells::amount(cell(*c), kind, *scale) {
                *sums.entry(*c).or_default() += v;
            }
        }
        read_row(content, month, sheet, row, &cell, header, report);
    }
    report.sheets.push((sheet.to_string(), read));
}

/// Compares a 合计 row's money cells with the sums of the rows above it.
fn check_totals<'a>(
    sheet: &str,
    row: u32,
    cell: &dyn Fn(u32) -> &'a Data,
    money_cols: &[(u32, String, Col, Decimal)],
    sums: &BTreeMap<u32, Decimal>,
    report: &mut Report,
) {
    for (c, header, col, scale) in money_cols {
        let kind = if *col == Col::Fdi { Kind::UsdWan } else { Kind::Wan };
        let at = cell_ref(sheet, row, *c);
        let stated = match cells::amount(cell(*c), kind, *scale) {
            Ok(Some(v)) => v,
            Ok(None) => continue,
            Err(p) => {
                report.cell_problem(&at, header, p);
                continue;
            }
        };
        let sum = sums.get(c).copied().unwrap_or_default();
        if stated != sum {
            let unit = if kind == Kind::UsdWan { "万美元" } else { "万元" };
            report.problem(
                &at,
                header,
                "total-mismatch",
                Text::new(
                    format!(
                        "合计行写的是 {} {unit}，上面各行加起来是 {} {unit}，相差 {}",
                        stated.normalize(),
                        sum.normalize(),
                        (stated - sum).abs().normalize()
                    ),
                    format!("the total row says {} but the rows above add up to {}", stated.normalize(), sum.normalize()),
                ),
                Text::new(
                    "核对这一列每一行的金额（是否漏填、多填或单位写错），或改正合计数",
                    "check each row of the column (a missed or extra row, a wrong unit) or correct the total",
                ),
            );
        }
    }
}

/// The project a row names: by 项目编号, else by 项目名称.
fn find_project<'c, 'a>(
    content: &'c Content,
    sheet: &str,
    row: u32,
    cell: &dyn Fn(u32) -> &'a Data,
    header: &Header,
    report: &mut Report,
) -> Option<&'c Project> {
    let id = header.col(Col::Id).map(|(c, h, _)| (c, h, cells::text(cell(c)).ok().flatten()));
    let name = header.col(Col::Name).map(|(c, h, _)| (c, h, cells::text(cell(c)).ok().flatten()));
    let tidy = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let by_name = |n: &str| {
        let hits: Vec<&Project> = content.projects.iter().filter(|p| tidy(&p.name) == tidy(n)).collect();
        (hits.len() == 1).then(|| hits[0])
    };
    if let Some((c, h, Some(id))) = &id {
        if let Some(p) = content.project_by_id(id) {
            return Some(p);
        }
        let at = cell_ref(sheet, row, *c);
        let named = name.as_ref().and_then(|(_, _, n)| n.as_deref()).and_then(by_name);
        let hint = match named {
            Some(p) => Text::new(
                format!("这一行的项目名称对应 {}（{}），请改正编号", p.id, p.name),
                format!("the name on this row is {} ({}); correct the id", p.id, p.name),
            ),
            None => match closest(id, content.projects.iter().map(|p| p.id.as_str())) {
                Some(near) => {
                    Text::new(format!("是不是 “{near}”？项目编号见 projects/ 文件夹的文件名"), format!("did you mean `{near}`?"))
                }
                None => Text::new(
                    "项目编号是 projects/ 文件夹里项目文件的文件名（如 p2026-008）；新项目先用台账导入",
                    "the id is a project file's name",
                ),
            },
        };
        report.problem(
            &at,
            h,
            "unknown-project",
            Text::new(format!("项目编号 “{id}” 不存在"), format!("there is no project `{id}`")),
            hint,
        );
        return None;
    }
    match &name {
        Some((c, h, Some(n))) => {
            if let Some(p) = by_name(n) {
                return Some(p);
            }
            let at = cell_ref(sheet, row, *c);
            let near = closest(n, content.projects.iter().map(|p| p.name.as_str()))
                .and_then(|near| content.projects.iter().find(|p| p.name == near));
            let (message, help) = match near {
                Some(p) => (
                    Text::new(
                        format!("没有名为 “{n}” 的项目，最接近的是 “{}”（{}）", p.name, p.id),
                        format!("no project is named `{n}`; the closest is `{}` ({})", p.name, p.id),
                    ),
                    Text::new(
                        format!("如果就是这个项目，把名称改成 “{}”，或在“项目编号”列写 {}", p.name, p.id),
                        format!("if it is that project, write its name `{}` or its id {}", p.name, p.id),
                    ),
                ),
                None => (
                    Text::new(format!("没有名为 “{n}” 的项目"), format!("no project is named `{n}`")),
                    Text::new(
                        "写项目文件里的项目名称或项目编号；新项目先用台账导入（bulletin import 台账.xlsx）",
                        "write the name or id of an existing project; import new projects from the ledger first",
                    ),
                ),
            };
            report.problem(&at, h, "unknown-project", message, help);
            None
        }
        _ => {
            let (c, h) = id.map(|(c, h, _)| (c, h)).or(name.map(|(c, h, _)| (c, h))).unwrap_or((0, "项目"));
            report.problem(
                &cell_ref(sheet, row, c),
                h,
                "missing-field",
                Text::new("这一行有数据，但没有写是哪个项目", "the row has figures but names no project"),
                Text::new("填写项目编号或项目名称", "write the project's id or name"),
            );
            None
        }
    }
}

fn origin_of(text: &str) -> Option<FundOrigin> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    FundOrigin::ALL.into_iter().find(|o| t == o.zh() || t == format!("{}资金", o.zh()))
}

fn use_of(text: &str) -> Option<FundUse> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    match t.as_str() {
        "固定资产" | "固定资产投资" => Some(FundUse::FixedAssets),
        "流动资金" => Some(FundUse::WorkingCapital),
        _ => None,
    }
}

fn kind_of(text: &str) -> Option<ProblemKind> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    ProblemKind::ALL.into_iter().find(|k| t == k.zh() || t.strip_suffix("问题") == Some(k.zh()))
}

/// A month cell: a date (its month), `2026-10`, `2026/10`, `2026.10`, `2026年10月`.
fn month_cell(cell: &Data) -> Result<Option<Month>, ()> {
    if cells::is_empty(cell) {
        return Ok(None);
    }
    if let Data::String(s) = cell {
        let t: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        let t = t.trim_end_matches(['月', '份']).replace(['年', '/', '.'], "-");
        if let Some((y, m)) = t.split_once('-')
            && !m.contains('-')
            && y.len() == 4
            && let (Ok(y), Ok(m)) = (y.parse(), m.parse())
        {
            return Month::new(y, m).map(Some).ok_or(());
        }
    }
    cells::date(cell).map(|d| d.map(Month::of)).map_err(|_| ())
}

fn read_row<'a>(
    content: &Content,
    month: Month,
    sheet: &str,
    row: u32,
    cell: &dyn Fn(u32) -> &'a Data,
    header: &Header,
    report: &mut Report,
) {
    let errors_before = report.problems.len();
    let project = find_project(content, sheet, row, cell, header, report);
    let mut got = ProjectReport::default();
    let at = |c: u32| cell_ref(sheet, row, c);
    let help_month = || {
        Text::new(
            format!("这张月报是 {month} 的：只填本月的数据；其他月份的改动请另行核实后改项目文件"),
            format!("this is the report of {month}: only this month's figures belong in it"),
        )
    };

    // Which month the row's money is for.
    let mut row_month = month;
    if let Some((c, h, _)) = header.col(Col::Month) {
        match month_cell(cell(c)) {
            Ok(None) => {}
            Ok(Some(m)) if m == month => row_month = m,
            Ok(Some(m)) => report.problem(
                &at(c),
                h,
                "outside-month",
                Text::new(format!("月份 {m} 不是本月报的月份 {month}"), format!("month {m} is not the report's month {month}")),
                help_month(),
            ),
            Err(()) => report.problem(
                &at(c),
                h,
                "bad-date",
                Text::new(
                    format!("不是月份：“{}”", cells::shown(cell(c))),
                    format!("is not a month: `{}`", cells::shown(cell(c))),
                ),
                Text::new("写成 2026-10 或 2026年10月", "write 2026-10"),
            ),
        }
    }

    // Origin and use: the row's columns, else the project's latest entry (origin), 固定资产 (use).
    let latest = project.and_then(|p| p.funds.iter().rev().find(|f| f.month <= month));
    let mut origin = latest.map(|f| f.origin);
    let mut use_ = Some(latest.map_or(FundUse::FixedAssets, |f| f.use_));
    let mut origin_written = false;
    if let Some((c, h, _)) = header.col(Col::Origin)
        && let Ok(Some(t)) = cells::text(cell(c))
    {
        origin_written = true;
        match origin_of(&t) {
            Some(o) => origin = Some(o),
            None => {
                origin = None;
                report.problem(
                    &at(c),
                    h,
                    "bad-choice",
                    Text::new(format!("资金来源 “{t}” 不是可选的值"), format!("`{t}` is not a funds origin")),
                    Text::new("写 省外、省内市外、市内县外 或 县内", "write 省外, 省内市外, 市内县外 or 县内"),
                );
            }
        }
    }
    if let Some((c, h, _)) = header.col(Col::Use)
        && let Ok(Some(t)) = cells::text(cell(c))
    {
        match use_of(&t) {
            Some(u) => use_ = Some(u),
            None => {
                use_ = None;
                report.problem(
                    &at(c),
                    h,
                    "bad-choice",
                    Text::new(format!("资金用途 “{t}” 不是可选的值"), format!("`{t}` is not a funds use")),
                    Text::new("写 固定资产 或 流动资金", "write 固定资产 or 流动资金"),
                );
            }
        }
    }

    // Money. With a column per origin or use, a 本月到位资金 column beside them is the row's
    // total: checked against them, not counted again.
    let split = header.has(|c| matches!(c, Col::ByOrigin(_) | Col::ByUse(_)));
    if split && let Some((c, h, scale)) = header.col(Col::Amount) {
        let parts: Decimal = header
            .columns
            .iter()
            .filter(|(_, _, col, _)| matches!(col, Col::ByOrigin(_) | Col::ByUse(_)))
            .filter_map(|(pc, _, _, ps)| cells::amount(cell(*pc), Kind::Wan, *ps).ok().flatten())
            .sum();
        match cells::amount(cell(c), Kind::Wan, scale) {
            Ok(Some(total)) if total != parts => report.problem(
                &at(c),
                h,
                "total-mismatch",
                Text::new(
                    format!(
                        "这一行的合计写的是 {} 万元，按来源（用途）分列的各格加起来是 {} 万元",
                        total.normalize(),
                        parts.normalize()
                    ),
                    format!("the row's total says {} but its parts add up to {}", total.normalize(), parts.normalize()),
                ),
                Text::new("核对这一行各列的金额，或改正这一行的合计", "check the row's cells or correct its total"),
            ),
            Ok(_) => {}
            Err(p) => report.cell_problem(&at(c), h, p),
        }
    }
    for (c, h, col, scale) in header.columns.iter().filter(|(_, _, c, _)| c.is_money() && !(split && *c == Col::Amount)) {
        let kind = if *col == Col::Fdi { Kind::UsdWan } else { Kind::Wan };
        let amount = match cells::amount(cell(*c), kind, *scale) {
            Ok(Some(v)) if v.is_zero() => continue,
            Ok(Some(v)) => v,
            Ok(None) => continue,
            Err(p) => {
                report.cell_problem(&at(*c), h, p);
                continue;
            }
        };
        let cap = Decimal::from(if kind == Kind::UsdWan { MAX_MONTH_FDI } else { MAX_MONTH_FUNDS });
        if amount > cap {
            let unit = if kind == Kind::UsdWan { "万美元" } else { "万元" };
            report.problem(
                &at(*c),
                h,
                "absurd-amount",
                Text::new(
                    format!("{} {unit} 超过 {cap} {unit}，不像是一个项目一个月的金额", amount.normalize()),
                    format!("{} {unit} is more than {cap} {unit}: not one project's money in one month", amount.normalize()),
                ),
                Text::new(
                    format!("金额以{unit}为单位：是不是按元填写，或填成了累计数？按元填写的，在表头写“（元）”"),
                    format!("amounts are in {unit}: typed in 元, or a cumulative figure?"),
                ),
            );
            continue;
        }
        let entry_month = match col {
            Col::ByMonth(m) => {
                let Some(m) = Month::new(month.year(), *m) else { continue };
                if m > month {
                    report.problem(
                        &at(*c),
                        h,
                        "outside-month",
                        Text::new(
                            format!("{m} 还没到（本月报是 {month} 的）"),
                            format!("{m} is after the report's month {month}"),
                        ),
                        help_month(),
                    );
                    continue;
                }
                m
            }
            _ => row_month,
        };
        if *col == Col::Fdi {
            *got.fdi.entry(entry_month).or_default() += amount;
            got.cells.entry((true, entry_month)).or_default().push(at(*c));
            continue;
        }
        let (o, u) = match col {
            Col::ByOrigin(o) => (Some(*o), use_),
            Col::ByUse(u) => (origin, Some(*u)),
            _ => (origin, use_),
        };
        match (o, u) {
            (Some(origin), Some(use_)) => {
                got.funds.entry(entry_month).or_default().push(Entry { origin, use_, amount });
                got.cells.entry((false, entry_month)).or_default().push(at(*c));
            }
            (None, _) if !origin_written => report.problem(
                &at(*c),
                h,
                "missing-field",
                Text::new(
                    "没有写资金来源，这个项目以前也没有到位资金可以参照",
                    "no funds origin, and no earlier entry to follow",
                ),
                Text::new("在“资金来源”列写 省外、省内市外、市内县外 或 县内", "write the origin in a 资金来源 column"),
            ),
            _ => {} // the bad origin or use is reported already
        }
    }

    // Milestones.
    for (c, h, col, _) in &header.columns {
        let Col::Milestone(key) = col else { continue };
        match cells::date(cell(*c)) {
            Ok(None) => {}
            Ok(Some(d)) if Month::of(d) == month => {
                got.milestones.insert(key, (d, at(*c)));
            }
            Ok(Some(d)) => report.problem(
                &at(*c),
                h,
                "outside-month",
                Text::new(format!("日期 {d} 不在 {month} 月内"), format!("the date {d} is not in {month}")),
                Text::new(
                    format!("月报只填本月（{} 至 {}）达到的节点；日期写错的请改正", month.first_day(), month.last_day()),
                    "a monthly report holds the milestones reached this month",
                ),
            ),
            Err(p) => report.cell_problem(&at(*c), h, p),
        }
    }

    // A problem, new or resolved.
    if let Some((c, h, _)) = header.col(Col::ProblemText) {
        match cells::text(cell(c)) {
            Ok(Some(text)) => {
                let date = |col: Col, may_be_earlier: bool, report: &mut Report| -> Option<NaiveDate> {
                    let (dc, dh, _) = header.col(col)?;
                    match cells::date(cell(dc)) {
                        Ok(Some(d)) if d <= month.last_day() && (may_be_earlier || d >= month.first_day()) => Some(d),
                        Ok(Some(d)) => {
                            report.problem(
                                &at(dc),
                                dh,
                                "outside-month",
                                Text::new(format!("日期 {d} 不在 {month} 月内"), format!("the date {d} is not in {month}")),
                                Text::new(
                                    format!("写本月（{} 至 {}）内的日期", month.first_day(), month.last_day()),
                                    "write a date within the month",
                                ),
                            );
                            None
                        }
                        Ok(None) => None,
                        Err(p) => {
                            report.cell_problem(&at(dc), dh, p);
                            None
                        }
                    }
                };
                let opened = date(Col::ProblemOpened, true, report);
                let resolved = date(Col::ProblemResolved, false, report);
                let kind = match header.col(Col::ProblemKind).map(|(kc, kh, _)| (kc, kh, cells::text(cell(kc)))) {
                    Some((kc, kh, Ok(Some(k)))) => match kind_of(&k) {
                        Some(k) => Some(k),
                        None => {
                            report.problem(
                                &at(kc),
                                kh,
                                "bad-choice",
                                Text::new(format!("问题类型 “{k}” 不是可选的值"), format!("`{k}` is not a problem kind")),
                                Text::new("写 用地、手续、资金 或 其他", "write 用地, 手续, 资金 or 其他"),
                            );
                            None
                        }
                    },
                    _ => None,
                };
                got.problems.push(ProblemRow { kind, text, opened, resolved, at: at(c) });
            }
            Ok(None) => {}
            Err(p) => report.cell_problem(&at(c), h, p),
        }
    }

    let Some(project) = project else { return };
    let bad = report.problems.len() > errors_before;
    let entry = report.projects.entry(project.id.clone()).or_default();
    entry.bad |= bad;
    entry.rows.push(format!("{sheet}!{}", row + 1));
    for (m, list) in got.funds {
        entry.funds.entry(m).or_default().extend(list);
    }
    for (m, v) in got.fdi {
        *entry.fdi.entry(m).or_default() += v;
    }
    for (k, list) in got.cells {
        entry.cells.entry(k).or_default().extend(list);
    }
    for (k, (d, cell_at)) in got.milestones {
        match entry.milestones.get(k) {
            Some((d0, at0)) if *d0 != d => {
                let (d0, at0) = (*d0, at0.clone());
                report.problems.push(
                    Diagnostic::error(
                        "conflict",
                        Text::new(
                            format!("{cell_at} 与 {at0} 给同一项目写了不同的日期（{d} 和 {d0}）"),
                            format!("{cell_at} and {at0} give the project different dates ({d}, {d0})"),
                        ),
                    )
                    .field(format!("milestones.{k}")),
                );
                entry.bad = true;
            }
            _ => {
                entry.milestones.insert(k, (d, cell_at));
            }
        }
    }
    entry.problems.extend(got.problems);
}
