//! Which column of a monthly report (月报) holds what: the built-in headers, a mapping file's
//! `表头: 字段` lines in front of them, and the header row found under a title.

use calamine::{Data, Range};
use rust_decimal::Decimal;

use crate::content::model::{FundOrigin, FundUse};
use crate::content::problems;
use crate::content::yaml::{self, NodeKind};
use crate::diagnostics::{Diagnostic, Text};
use crate::excel::mapping::{Kind, normalize, scale_of};
use crate::source::{SourceFile, Sources};

/// What a column of a monthly report holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Col {
    /// 项目编号.
    Id,
    /// 项目名称.
    Name,
    /// 到位月份: the month of a money entry (one row per entry).
    Month,
    /// This month's money (万元), with its origin and use in [`Col::Origin`] and [`Col::Use`].
    Amount,
    /// This month's money from one origin (a column per origin).
    ByOrigin(FundOrigin),
    /// This month's money for one use (a column per use).
    ByUse(FundUse),
    /// The money of one month of the year (1月 … 12月), for a wide sheet.
    ByMonth(u32),
    /// 资金来源.
    Origin,
    /// 资金用途.
    Use,
    /// 外资到位 (万美元).
    Fdi,
    /// A milestone's date: its key in `milestones:`.
    Milestone(&'static str),
    ProblemKind,
    ProblemText,
    ProblemOpened,
    ProblemResolved,
    /// A known column that is not read (序号, 填报单位, 备注).
    Ignore,
}

impl Col {
    /// The field's name in a mapping file.
    pub fn key(self) -> String {
        match self {
            Col::Id => "id".into(),
            Col::Name => "name".into(),
            Col::Month => "month".into(),
            Col::Amount => "amount".into(),
            Col::ByOrigin(o) => format!("amount.{}", o.zh()),
            Col::ByUse(u) => format!("amount.{}", u.zh()),
            Col::ByMonth(m) => format!("amount.{m}月"),
            Col::Origin => "origin".into(),
            Col::Use => "use".into(),
            Col::Fdi => "fdi".into(),
            Col::Milestone(k) => format!("milestones.{k}"),
            Col::ProblemKind => "problem.kind".into(),
            Col::ProblemText => "problem.text".into(),
            Col::ProblemOpened => "problem.opened".into(),
            Col::ProblemResolved => "problem.resolved".into(),
            Col::Ignore => "ignore".into(),
        }
    }

    fn kind(self) -> Kind {
        match self {
            Col::Amount | Col::ByOrigin(_) | Col::ByUse(_) | Col::ByMonth(_) => Kind::Wan,
            Col::Fdi => Kind::UsdWan,
            Col::Milestone(_) | Col::ProblemOpened | Col::ProblemResolved | Col::Month => Kind::Date,
            _ => Kind::Text,
        }
    }

    /// Whether the column holds money whose total a 合计 row may state.
    pub fn is_money(self) -> bool {
        matches!(self.kind(), Kind::Wan | Kind::UsdWan)
    }

    fn all() -> Vec<Col> {
        let mut all = vec![Col::Id, Col::Name, Col::Month, Col::Amount];
        all.extend(FundOrigin::ALL.map(Col::ByOrigin));
        all.extend([Col::ByUse(FundUse::FixedAssets), Col::ByUse(FundUse::WorkingCapital)]);
        all.extend((1..=12).map(Col::ByMonth));
        all.extend([Col::Origin, Col::Use, Col::Fdi]);
        all.extend(MILESTONES.iter().map(|(k, _)| Col::Milestone(k)));
        all.extend([Col::ProblemKind, Col::ProblemText, Col::ProblemOpened, Col::ProblemResolved, Col::Ignore]);
        all
    }

    /// A mapping file's field: its key, the last part of it, or its usual header.
    pub fn parse(text: &str) -> Option<Col> {
        let t = text.trim();
        if t == "忽略" {
            return Some(Col::Ignore);
        }
        Col::all().into_iter().find(|c| {
            let key = c.key();
            key == t
                || key.strip_prefix("milestones.").is_some_and(|k| k == t)
                || key.strip_prefix("amount.").is_some_and(|k| k == t)
                || HEADERS.iter().find(|(col, _)| col == c).is_some_and(|(_, names)| names.first() == Some(&t))
        })
    }
}

/// The milestones a monthly report may carry, in the documented order, with their headers.
pub const MILESTONES: [(&str, &[&str]); 5] = [
    ("contracted", &["转签合同日期", "转合同日期"]),
    ("registered", &["注册日期", "注册时间"]),
    ("first_funds", &["首笔资金到位日期", "首笔到资日期", "首笔资金到位时间"]),
    ("started", &["开工日期", "开工时间"]),
    ("production", &["投产日期", "竣工投产日期", "投产时间"]),
];

/// The built-in headers (the first of each is the one the blank report uses).
pub const HEADERS: &[(Col, &[&str])] = &[
    (Col::Id, &["项目编号", "编号", "项目代码"]),
    (Col::Name, &["项目名称", "项目", "项目全称"]),
    (Col::Month, &["到位月份", "月份", "资金到位月份", "统计月份"]),
    (Col::Amount, &["本月到位资金", "到位资金", "本月到资", "到位金额", "本月到位", "金额"]),
    (Col::ByOrigin(FundOrigin::OutOfProvince), &["省外", "省外资金", "省外到位资金"]),
    (Col::ByOrigin(FundOrigin::InProvince), &["省内市外", "省内市外资金", "省内市外到位资金"]),
    (Col::ByOrigin(FundOrigin::InCity), &["市内县外", "市内县外资金", "市内县外到位资金"]),
    (Col::ByOrigin(FundOrigin::InCounty), &["县内", "县内资金", "县内到位资金"]),
    (Col::ByUse(FundUse::FixedAssets), &["固定资产", "固定资产投资", "固定资产到位资金"]),
    (Col::ByUse(FundUse::WorkingCapital), &["流动资金", "流动资金到位"]),
    (Col::Origin, &["资金来源", "来源", "到位资金来源"]),
    (Col::Use, &["资金用途", "用途", "到位资金用途"]),
    (Col::Fdi, &["外资到位", "本月外资到位", "外资直投", "外资到位金额", "外资"]),
    (Col::Milestone("contracted"), MILESTONES[0].1),
    (Col::Milestone("registered"), MILESTONES[1].1),
    (Col::Milestone("first_funds"), MILESTONES[2].1),
    (Col::Milestone("started"), MILESTONES[3].1),
    (Col::Milestone("production"), MILESTONES[4].1),
    (Col::ProblemKind, &["问题类型", "问题类别"]),
    (Col::ProblemText, &["存在问题", "问题", "新增问题", "问题描述"]),
    (Col::ProblemOpened, &["问题提出日期", "提出日期", "发现日期"]),
    (Col::ProblemResolved, &["问题解决日期", "解决日期"]),
    (Col::Ignore, &["序号", "填报单位", "责任单位", "备注", "联系人"]),
];

/// `3月`, `3月到位资金`, `三月`, `3月份` → 3.
fn month_header(base: &str) -> Option<u32> {
    let (number, rest) = base.split_once('月')?;
    if !["", "份", "到位资金", "到资", "份到位资金", "资金"].contains(&rest) {
        return None;
    }
    const ZH: [&str; 12] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];
    let m = number.parse::<u32>().ok().or_else(|| ZH.iter().position(|z| *z == number).map(|i| i as u32 + 1))?;
    (1..=12).contains(&m).then_some(m)
}

/// Header text → column, a mapping file's entries first.
#[derive(Clone, Debug)]
pub struct MonthlyMapping {
    entries: Vec<(String, Col)>,
}

impl Default for MonthlyMapping {
    fn default() -> Self {
        Self::builtin()
    }
}

impl MonthlyMapping {
    pub fn builtin() -> MonthlyMapping {
        let entries = HEADERS.iter().flat_map(|(c, names)| names.iter().map(move |n| (normalize(n).0, *c))).collect();
        MonthlyMapping { entries }
    }

    /// The built-in mapping with a mapping file's `表头: 字段` lines in front.
    pub fn with_file(path: &str, text: &str) -> Result<MonthlyMapping, (Sources, Vec<Diagnostic>)> {
        let mut sources = Sources::default();
        let file = sources.add(SourceFile::new(path.to_string(), text.to_string()));
        let mut diagnostics = Vec::new();
        let mut entries = Vec::new();
        match yaml::parse(sources.get(file)) {
            Ok(Some(root)) => match &root.kind {
                NodeKind::Map(pairs) => {
                    for (key, value) in pairs {
                        let header = key.as_scalar().unwrap_or("").trim();
                        let written = value.as_scalar().unwrap_or("").trim();
                        match Col::parse(written) {
                            Some(col) if !header.is_empty() => entries.push((normalize(header).0, col)),
                            _ => {
                                let keys: Vec<String> = Col::all().into_iter().map(Col::key).collect();
                                let closest = problems::closest(written, keys.iter().map(String::as_str));
                                let hint = closest.map(|c| format!("是不是想写 “{c}”？")).unwrap_or_default();
                                diagnostics.push(
                                    Diagnostic::error(
                                        "unknown-field",
                                        Text::new(
                                            format!("表头 “{header}” 对应的字段 “{written}” 不存在"),
                                            format!("the field `{written}` for the header `{header}` does not exist"),
                                        ),
                                    )
                                    .help(Text::new(
                                        format!("{hint}月报可用的字段：{}", keys.join(", ")),
                                        format!("monthly report fields: {}", keys.join(", ")),
                                    ))
                                    .at(file, Some(value.span)),
                                );
                            }
                        }
                    }
                }
                _ => diagnostics.push(
                    Diagnostic::error(
                        "wrong-shape",
                        Text::new("映射文件应该是一行一个 “表头: 字段”", "a mapping file is one `header: field` line per column"),
                    )
                    .at(file, Some(root.span)),
                ),
            },
            Ok(None) => diagnostics.push(problems::empty_file().at(file, None)),
            Err(errors) => {
                for e in errors {
                    let span = crate::source::Span { start: e.at, end: e.at };
                    diagnostics.push(problems::yaml_syntax(&e.detail).at(file, Some(span)));
                }
            }
        }
        if !diagnostics.is_empty() {
            return Err((sources, diagnostics));
        }
        entries.extend(MonthlyMapping::builtin().entries);
        Ok(MonthlyMapping { entries })
    }

    /// The column a header names and the scale of its unit; `Some(Err(unit))` for money in a
    /// unit that cannot be converted.
    pub fn lookup(&self, header: &str) -> Option<Result<(Col, Decimal), String>> {
        let (full, base, unit) = normalize(header);
        if full.is_empty() {
            return None;
        }
        let col = self
            .entries
            .iter()
            .find(|(h, _)| *h == full)
            .or_else(|| self.entries.iter().find(|(h, _)| *h == base))
            .map(|(_, c)| *c)
            .or_else(|| month_header(&base).map(Col::ByMonth))?;
        Some(match (col.kind(), unit) {
            (k @ (Kind::Wan | Kind::UsdWan), Some(unit)) => scale_of(k, &unit).map(|s| (col, s)).ok_or(unit),
            _ => Ok((col, Decimal::ONE)),
        })
    }
}

/// A monthly report's header: where it is and what each column holds.
#[derive(Clone, Debug)]
pub struct Header {
    pub rows: Vec<u32>,
    pub data_start: u32,
    /// (0-based column, header text, what it holds, unit scale).
    pub columns: Vec<(u32, String, Col, Decimal)>,
    /// Money headers with a unit that cannot be read: (column, header, unit).
    pub bad_units: Vec<(u32, String, String)>,
}

impl Header {
    pub fn col(&self, c: Col) -> Option<(u32, &str, Decimal)> {
        self.columns.iter().find(|(_, _, col, _)| *col == c).map(|(i, h, _, s)| (*i, h.as_str(), *s))
    }

    pub fn has(&self, pred: impl Fn(Col) -> bool) -> bool {
        self.columns.iter().any(|(_, _, c, _)| pred(*c))
    }
}

/// Finds the header in the first rows: the row naming the most known columns (at least two,
/// one of them 项目编号 or 项目名称), and a group row above it or sub-headers below it.
/// A sub-header's money unit comes from its group header when it has none (`本月到位资金
/// （亿元）` over `省外`, `省内市外`).
pub fn find_header(range: &Range<Data>, mapping: &MonthlyMapping) -> Option<Header> {
    let (top, left) = range.start()?;
    let (bottom, right) = range.end()?;
    let text = |row: u32, col: u32| -> Option<String> {
        match range.get_value((row, col))? {
            Data::String(s) if !s.trim().is_empty() => Some(s.split(['\r', '\n']).map(str::trim).collect()),
            _ => None,
        }
    };
    let known = |row: u32| -> Vec<(u32, Col)> {
        (left..=right).filter_map(|c| Some((c, mapping.lookup(&text(row, c)?)?.ok()?.0))).collect()
    };
    let last = bottom.min(top + crate::excel::mapping::HEADER_SEARCH_ROWS);
    let mut best: Option<(usize, u32)> = None;
    for row in top..=last {
        let k = known(row);
        let with_next = if row < bottom { known(row + 1) } else { Vec::new() };
        let names_project = k.iter().chain(&with_next).any(|(_, c)| matches!(c, Col::Id | Col::Name));
        if k.len() >= 2 && names_project && best.is_none_or(|(n, _)| k.len() > n) {
            best = Some((k.len(), row));
        }
    }
    let (_, row) = best?;
    let main: Vec<u32> = known(row).iter().map(|(c, _)| *c).collect();
    // Sub-headers leave the project columns empty (merged down from the header); a row that
    // names a project there is the first row of data, whatever else it holds.
    let project_cols: Vec<u32> = known(row).iter().filter(|(_, c)| matches!(c, Col::Id | Col::Name)).map(|(c, _)| *c).collect();
    let data_row = |r: u32| project_cols.iter().any(|c| text(r, *c).is_some());
    let mut rows = vec![row];
    if row < bottom && !data_row(row + 1) && known(row + 1).iter().any(|(c, _)| !main.contains(c)) {
        rows.push(row + 1);
    } else if row > top && known(row - 1).iter().any(|(c, _)| !main.contains(c)) {
        rows.insert(0, row - 1);
    }
    let mut header =
        Header { rows: rows.clone(), data_start: rows[rows.len() - 1] + 1, columns: Vec::new(), bad_units: Vec::new() };
    for col in left..=right {
        let found = rows
            .iter()
            .rev()
            .filter_map(|r| Some((*r, text(*r, col)?)))
            .find_map(|(r, h)| Some((r, h.clone(), mapping.lookup(&h)?)));
        let Some((r, h, matched)) = found else { continue };
        match matched {
            Err(unit) => header.bad_units.push((col, h, unit)),
            Ok((Col::Ignore, _)) => {}
            Ok((c, _)) if header.col(c).is_some() => {}
            Ok((c, mut scale)) => {
                // A sub-header without a unit takes its group's (the nearest text above-left).
                if c.is_money() && r == rows[rows.len() - 1] && rows.len() == 2 && normalize(&h).2.is_none() {
                    let group = (left..=col).rev().find_map(|gc| text(rows[0], gc));
                    if let Some(unit) = group.and_then(|g| normalize(&g).2) {
                        match scale_of(c.kind(), &unit) {
                            Some(s) => scale = s,
                            None => {
                                header.bad_units.push((col, h, unit));
                                continue;
                            }
                        }
                    }
                }
                header.columns.push((col, h, c, scale));
            }
        }
    }
    // A header needs a column that says which project and one that says something about it.
    let data = header.has(|c| !matches!(c, Col::Id | Col::Name | Col::Ignore | Col::Origin | Col::Use | Col::Month));
    (header.has(|c| matches!(c, Col::Id | Col::Name)) && data).then_some(header)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(rows: &[&[&str]]) -> Range<Data> {
        let mut range = Range::new((0, 0), (rows.len() as u32 - 1, 5));
        for (r, row) in rows.iter().enumerate() {
            for (c, text) in row.iter().enumerate().filter(|(_, t)| !t.is_empty()) {
                range.set_value((r as u32, c as u32), Data::String(text.to_string()));
            }
        }
        range
    }

    #[test]
    fn sub_headers_are_found_and_a_data_row_is_not_taken_for_one() {
        let m = MonthlyMapping::builtin();
        let two = sheet(&[
            &["项目名称", "本月到位资金（亿元）", "", "开工日期"],
            &["", "省外", "县内", ""],
            &["茶叶项目", "1", "", ""],
        ]);
        let h = find_header(&two, &m).unwrap();
        assert_eq!((h.rows.clone(), h.data_start), (vec![0, 1], 2));
        let cols: Vec<(u32, Col, Decimal)> = h.columns.iter().map(|(c, _, col, s)| (*c, *col, *s)).collect();
        assert_eq!(
            cols,
            [
                (0, Col::Name, Decimal::ONE),
                (1, Col::ByOrigin(FundOrigin::OutOfProvince), Decimal::from(10_000)),
                (2, Col::ByOrigin(FundOrigin::InCounty), Decimal::from(10_000)),
                (3, Col::Milestone("started"), Decimal::ONE)
            ]
        );
        // “省外” under an unknown header on the first data row is data, not a sub-header.
        let one = sheet(&[&["项目名称", "本月到位资金", "说明"], &["茶叶项目", "100", "省外"]]);
        let h = find_header(&one, &m).unwrap();
        assert_eq!((h.rows.clone(), h.data_start), (vec![0], 1));
    }

    #[test]
    fn headers_of_each_shape() {
        let m = MonthlyMapping::builtin();
        let get = |h: &str| m.lookup(h).and_then(Result::ok);
        assert_eq!(get("本月到位资金（万元）"), Some((Col::Amount, Decimal::ONE)));
        assert_eq!(get("本月到位资金(亿元)"), Some((Col::Amount, Decimal::from(10_000))));
        assert_eq!(get("10月"), Some((Col::ByMonth(10), Decimal::ONE)));
        assert_eq!(get("3月到位资金（万元）"), Some((Col::ByMonth(3), Decimal::ONE)));
        assert_eq!(get("十二月"), Some((Col::ByMonth(12), Decimal::ONE)));
        assert_eq!(get("13月"), None);
        assert_eq!(get("省内市外"), Some((Col::ByOrigin(FundOrigin::InProvince), Decimal::ONE)));
        assert_eq!(get("外资到位（万美元）"), Some((Col::Fdi, Decimal::ONE)));
        assert_eq!(get("开工日期"), Some((Col::Milestone("started"), Decimal::ONE)));
        assert!(matches!(m.lookup("本月到位资金（万港元）"), Some(Err(_))));
        assert_eq!(Col::parse("started"), Some(Col::Milestone("started")));
        assert_eq!(Col::parse("省外"), Some(Col::ByOrigin(FundOrigin::OutOfProvince)));
        assert_eq!(Col::parse("本月到位资金"), Some(Col::Amount));
        let m = MonthlyMapping::with_file("m.yaml", "实到资金: amount\n开工时刻: started\n").unwrap();
        assert_eq!(m.lookup("实到资金（万元）").and_then(Result::ok), Some((Col::Amount, Decimal::ONE)));
        assert_eq!(m.lookup("开工时刻").and_then(Result::ok), Some((Col::Milestone("started"), Decimal::ONE)));
        let (_, d) = MonthlyMapping::with_file("m.yaml", "实到资金: amout\n").unwrap_err();
        assert_eq!(d[0].code, "unknown-field");
        assert!(d[0].help.as_ref().unwrap().zh.contains("“amount”"));
    }
}
