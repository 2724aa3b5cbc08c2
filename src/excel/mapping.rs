//! Which ledger column fills which project field.
//!
//! Ledgers differ from office to office, so a column is recognised by its header text, after
//! tidying what clerks vary without meaning to: spaces and line breaks, full-width letters
//! and parentheses (`（万元）` = `(万元)`), `【】`, a trailing `*`. The unit in parentheses is
//! read too: `总投资（亿元）` is converted to 万元. The built-in table ([`DEFAULT_HEADERS`],
//! documented in `docs/excel.md`) covers the usual names; a mapping file (`--mapping`) adds
//! or overrides headers, one `表头: 字段` line each.

use std::collections::HashMap;

use calamine::{Data, Range};
use rust_decimal::Decimal;

use crate::content::problems;
use crate::content::yaml::{self, NodeKind};
use crate::diagnostics::{Diagnostic, Text};
use crate::source::{SourceFile, Sources};

/// A field of `projects/<id>.yaml` a column can fill.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Id,
    Name,
    Investor,
    /// 投资方来源 in one cell: `浙江省杭州市`, `香港`, `新加坡`.
    Origin,
    Province,
    City,
    Country,
    Tags,
    Chain,
    Content,
    Method,
    Platform,
    BuildType,
    SignType,
    TotalInvestment,
    ContractAmount,
    ContractFdi,
    Town,
    Park,
    Leader,
    Measures,
    Unit,
    Squad,
    IntroducedUnit,
    Signed,
    Contracted,
    Registered,
    FirstFunds,
    Started,
    Production,
    Terminated,
    TerminatedReason,
    Note,
    /// A known column that is not imported (序号).
    Ignore,
}

/// What a cell of a field holds, for reading it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// An amount in 万元.
    Wan,
    /// An amount in 万美元.
    UsdWan,
    Date,
}

impl Field {
    pub const ALL: [Field; 34] = [
        Field::Id,
        Field::Name,
        Field::Investor,
        Field::Origin,
        Field::Province,
        Field::City,
        Field::Country,
        Field::Tags,
        Field::Chain,
        Field::Content,
        Field::Method,
        Field::Platform,
        Field::BuildType,
        Field::SignType,
        Field::TotalInvestment,
        Field::ContractAmount,
        Field::ContractFdi,
        Field::Town,
        Field::Park,
        Field::Leader,
        Field::Measures,
        Field::Unit,
        Field::Squad,
        Field::IntroducedUnit,
        Field::Signed,
        Field::Contracted,
        Field::Registered,
        Field::FirstFunds,
        Field::Started,
        Field::Production,
        Field::Terminated,
        Field::TerminatedReason,
        Field::Note,
        Field::Ignore,
    ];

    /// The key in a project file (and in a mapping file): `milestones.signed`.
    pub fn key(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Name => "name",
            Field::Investor => "investor",
            Field::Origin => "origin",
            Field::Province => "origin.province",
            Field::City => "origin.city",
            Field::Country => "origin.country",
            Field::Tags => "tags",
            Field::Chain => "chain",
            Field::Content => "content",
            Field::Method => "method",
            Field::Platform => "platform",
            Field::BuildType => "build_type",
            Field::SignType => "sign_type",
            Field::TotalInvestment => "total_investment",
            Field::ContractAmount => "contract_amount",
            Field::ContractFdi => "contract_fdi",
            Field::Town => "town",
            Field::Park => "park",
            Field::Leader => "leader",
            Field::Measures => "measures",
            Field::Unit => "unit",
            Field::Squad => "introduced_by.squad",
            Field::IntroducedUnit => "introduced_by.unit",
            Field::Signed => "milestones.signed",
            Field::Contracted => "milestones.contracted",
            Field::Registered => "milestones.registered",
            Field::FirstFunds => "milestones.first_funds",
            Field::Started => "milestones.started",
            Field::Production => "milestones.production",
            Field::Terminated => "milestones.terminated",
            Field::TerminatedReason => "terminated_reason",
            Field::Note => "note",
            Field::Ignore => "ignore",
        }
    }

    /// The usual Chinese name of the column, for messages.
    pub fn zh(self) -> &'static str {
        match self {
            Field::Id => "项目编号",
            Field::Name => "项目名称",
            Field::Investor => "投资方",
            Field::Origin => "投资方来源",
            Field::Province => "省份",
            Field::City => "城市",
            Field::Country => "国家或地区",
            Field::Tags => "标签",
            Field::Chain => "产业链",
            Field::Content => "建设内容",
            Field::Method => "招商方式",
            Field::Platform => "招商平台",
            Field::BuildType => "建设性质",
            Field::SignType => "签约类型",
            Field::TotalInvestment => "总投资",
            Field::ContractAmount => "合同引资额",
            Field::ContractFdi => "合同外资",
            Field::Town => "落地镇办",
            Field::Park => "园区",
            Field::Leader => "包抓县级领导",
            Field::Measures => "推进措施",
            Field::Unit => "责任单位",
            Field::Squad => "引进小分队",
            Field::IntroducedUnit => "引进单位",
            Field::Signed => "签约日期",
            Field::Contracted => "转签合同日期",
            Field::Registered => "注册日期",
            Field::FirstFunds => "首笔资金到位日期",
            Field::Started => "开工日期",
            Field::Production => "投产日期",
            Field::Terminated => "终止日期",
            Field::TerminatedReason => "终止原因",
            Field::Note => "进展情况",
            Field::Ignore => "不导入",
        }
    }

    pub fn kind(self) -> Kind {
        match self {
            Field::TotalInvestment | Field::ContractAmount => Kind::Wan,
            Field::ContractFdi => Kind::UsdWan,
            Field::Signed
            | Field::Contracted
            | Field::Registered
            | Field::FirstFunds
            | Field::Started
            | Field::Production
            | Field::Terminated => Kind::Date,
            _ => Kind::Text,
        }
    }

    /// Fields every row must have (a ledger without one of these columns cannot be imported).
    pub fn required(self) -> bool {
        matches!(
            self,
            Field::Name | Field::Investor | Field::Chain | Field::TotalInvestment | Field::ContractAmount | Field::Signed
        )
    }

    /// Reads a field name as written in a mapping file: the key (`milestones.signed`), its last
    /// part (`signed`), or the usual Chinese name (`签约日期`); `忽略`, `ignore` or `-` to skip.
    pub fn parse(text: &str) -> Option<Field> {
        let t = text.trim();
        if matches!(t, "-" | "忽略" | "不导入" | "ignore" | "skip") {
            return Some(Field::Ignore);
        }
        Field::ALL.into_iter().find(|f| {
            let key = f.key();
            key == t || key.rsplit('.').next() == Some(t) || f.zh() == t
        })
    }
}

/// The built-in headers: for each field, the usual header first, then aliases. Units in
/// parentheses are not part of the name (`总投资（万元）` matches `总投资`).
pub const DEFAULT_HEADERS: &[(Field, &[&str])] = &[
    (Field::Id, &["项目编号", "编号", "项目代码"]),
    (Field::Name, &["项目名称", "项目", "项目全称"]),
    (Field::Investor, &["投资方", "投资主体", "签约企业", "投资企业", "投资商", "签约主体", "企业名称"]),
    (Field::Origin, &["投资方来源", "投资方来源地", "客商来源地", "来源地"]),
    (Field::Province, &["省份", "来源省份", "投资方所在省份"]),
    (Field::City, &["城市", "来源城市", "投资方所在城市"]),
    (Field::Country, &["国家或地区", "国别", "境外国家或地区"]),
    (Field::Tags, &["标签", "项目类别", "重点类别"]),
    (Field::Chain, &["产业链", "所属产业链", "产业类别", "所属产业"]),
    (Field::Content, &["建设内容", "建设规模及内容", "建设内容及规模", "主要建设内容"]),
    (Field::Method, &["招商方式"]),
    (Field::Platform, &["招商平台"]),
    (Field::BuildType, &["建设性质", "新建/续建", "新建或续建"]),
    (Field::SignType, &["签约类型", "签约形式"]),
    (Field::TotalInvestment, &["总投资", "计划总投资", "项目总投资", "总投资额"]),
    (Field::ContractAmount, &["合同引资额", "合同引资", "引资额", "合同金额", "签约金额"]),
    (Field::ContractFdi, &["合同外资", "合同外资额", "合同利用外资"]),
    (Field::Town, &["落地镇办", "落地镇(街道)", "落地镇街", "所在镇办", "所在镇(街道)"]),
    (Field::Park, &["园区", "所在园区", "落地园区"]),
    (Field::Leader, &["包抓县级领导", "包抓领导", "县级包抓领导", "包联领导", "包联县级领导"]),
    (Field::Measures, &["推进措施", "工作措施"]),
    (Field::Unit, &["责任单位", "责任部门", "牵头单位"]),
    (Field::Squad, &["引进小分队", "招商小分队", "小分队"]),
    (Field::IntroducedUnit, &["引进单位"]),
    (Field::Signed, &["签约日期", "签约时间"]),
    (Field::Contracted, &["转签合同日期", "转合同日期"]),
    (Field::Registered, &["注册日期", "注册时间"]),
    (Field::FirstFunds, &["首笔资金到位日期", "首笔到资日期", "首笔资金到位时间"]),
    (Field::Started, &["开工日期", "开工时间"]),
    (Field::Production, &["投产日期", "竣工投产日期", "投产时间"]),
    (Field::Terminated, &["终止日期", "终止时间"]),
    (Field::TerminatedReason, &["终止原因"]),
    (Field::Note, &["进展情况", "项目进展", "进展", "备注"]),
    (Field::Ignore, &["序号"]),
];

/// Header text → field, the mapping file's entries before the built-in ones.
#[derive(Clone, Debug)]
pub struct Mapping {
    entries: Vec<(String, Field)>,
}

/// A column recognised by its header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Matched {
    pub field: Field,
    /// What one unit of the cell is in the field's unit: 10000 for a column in 亿元 when the
    /// field is in 万元, 0.0001 for 元.
    pub scale: Decimal,
}

impl Mapping {
    pub fn builtin() -> Mapping {
        let entries =
            DEFAULT_HEADERS.iter().flat_map(|(field, names)| names.iter().map(move |n| (normalize(n).0, *field))).collect();
        Mapping { entries }
    }

    /// The built-in mapping with a mapping file's entries in front. `path` is for messages.
    pub fn with_file(path: &str, text: &str) -> Result<Mapping, MappingError> {
        let mut sources = Sources::default();
        let file = sources.add(SourceFile::new(path.to_string(), text.to_string()));
        let src = sources.get(file);
        let at = |d: Diagnostic, span| d.at(file, span);
        let mut diagnostics = Vec::new();
        let mut entries = Vec::new();
        match yaml::parse(src) {
            Err(errors) => {
                for e in errors {
                    let detail = if e.detail.is_empty() { format!("{:?}", e.kind) } else { e.detail.clone() };
                    let span = crate::source::Span { start: e.at, end: e.at };
                    diagnostics.push(at(problems::yaml_syntax(&detail), Some(span)));
                }
            }
            Ok(None) => diagnostics.push(at(problems::empty_file(), None)),
            Ok(Some(root)) => match &root.kind {
                NodeKind::Map(pairs) => {
                    for (key, value) in pairs {
                        let header = key.as_scalar().unwrap_or("").trim();
                        let field_text = value.as_scalar().unwrap_or("").trim();
                        match Field::parse(field_text) {
                            Some(field) if !header.is_empty() => entries.push((normalize(header).0, field)),
                            _ if header.is_empty() => {
                                diagnostics.push(at(problems::empty_text("(表头)"), Some(key.span)));
                            }
                            _ => diagnostics.push(at(unknown_field(header, field_text), Some(value.span))),
                        }
                    }
                }
                _ => diagnostics.push(at(
                    Diagnostic::error(
                        "wrong-shape",
                        Text::new("映射文件应该是一行一个 “表头: 字段”", "a mapping file is one `header: field` line per column"),
                    )
                    .help(Text::new(
                        "每行写 表头: 字段，冒号用英文冒号并在后面加一个空格，例如 “签约时间: signed”",
                        "one `header: field` per line with an ASCII colon and a space, e.g. `签约时间: signed`",
                    )),
                    Some(root.span),
                )),
            },
        }
        if !diagnostics.is_empty() {
            return Err(MappingError { sources, diagnostics });
        }
        let mut mapping = Mapping::builtin();
        entries.append(&mut mapping.entries);
        mapping.entries = entries;
        Ok(mapping)
    }

    /// The field a header names, with the unit its cells are in; `None` for an unknown header.
    pub fn lookup(&self, header: &str) -> Option<Result<Matched, String>> {
        let (full, base, unit) = normalize(header);
        if full.is_empty() {
            return None;
        }
        let field = self
            .entries
            .iter()
            .find(|(h, _)| *h == full)
            .or_else(|| self.entries.iter().find(|(h, _)| *h == base))
            .map(|(_, f)| *f)?;
        Some(match (field.kind(), unit) {
            (Kind::Wan | Kind::UsdWan, Some(unit)) => {
                scale_of(field.kind(), &unit).map(|scale| Matched { field, scale }).ok_or(unit)
            }
            _ => Ok(Matched { field, scale: Decimal::ONE }),
        })
    }
}

fn unknown_field(header: &str, written: &str) -> Diagnostic {
    let keys: Vec<&str> = Field::ALL.iter().map(|f| f.key()).collect();
    let short = keys.iter().map(|k| k.rsplit('.').next().unwrap_or(k));
    let closest = problems::closest(written, keys.iter().copied().chain(short));
    let hint = closest.map(|c| format!("是不是想写 “{c}”？")).unwrap_or_default();
    Diagnostic::error(
        "unknown-field",
        Text::new(
            format!("表头 “{header}” 对应的字段 “{written}” 不存在"),
            format!("the field `{written}` for the header `{header}` does not exist"),
        ),
    )
    .help(Text::new(
        format!("{hint}可用的字段：{}（不导入的列写 ignore）", keys.join(", ")),
        format!("fields: {} (ignore for a column not to import)", keys.join(", ")),
    ))
}

/// A mapping file that cannot be used, with its problems located in it.
#[derive(Debug)]
pub struct MappingError {
    pub sources: Sources,
    pub diagnostics: Vec<Diagnostic>,
}

/// What a cell in `unit` is worth in the field's unit (万元 or 万美元).
pub(crate) fn scale_of(kind: Kind, unit: &str) -> Option<Decimal> {
    let unit = unit.trim_start_matches("单位").trim_start_matches([':', '：']);
    let (wan, yi, yuan): (&[&str], &[&str], &[&str]) = match kind {
        Kind::UsdWan => (&["万美元"], &["亿美元"], &["美元"]),
        _ => (&["万元", "万", "万元人民币"], &["亿元", "亿"], &["元"]),
    };
    if wan.contains(&unit) {
        Some(Decimal::ONE)
    } else if yi.contains(&unit) {
        Some(Decimal::from(10_000))
    } else if yuan.contains(&unit) {
        Some(Decimal::new(1, 4))
    } else {
        None
    }
}

/// A header tidied for matching: (whole text, text before any parentheses, the unit in them).
/// `总 投 资\n（万元）` → (`总投资(万元)`, `总投资`, `万元`).
pub fn normalize(header: &str) -> (String, String, Option<String>) {
    let mut full = String::with_capacity(header.len());
    for c in header.chars() {
        let c = match c {
            '（' | '【' | '[' | '〔' => '(',
            '）' | '】' | ']' | '〕' => ')',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        };
        if c.is_whitespace() || c == '*' || c == '＊' {
            continue;
        }
        full.extend(c.to_lowercase());
    }
    let (base, unit) = match full.split_once('(') {
        Some((base, rest)) => (base.to_string(), Some(rest.trim_end_matches(')').to_string()).filter(|u| !u.is_empty())),
        None => (full.clone(), None),
    };
    (full, base, unit)
}

/// The header of a ledger sheet: where it is and which column is which.
#[derive(Clone, Debug)]
pub struct HeaderRow {
    /// 0-based sheet rows holding the header (two when a group header sits above sub-headers).
    pub rows: Vec<u32>,
    /// The first row of data (0-based).
    pub data_start: u32,
    pub columns: Vec<Column>,
    /// Columns whose header is not known: (0-based column, header text).
    pub unused: Vec<(u32, String)>,
    /// Headers naming a field already taken by a column to their left: (column, header, field).
    pub duplicates: Vec<(u32, String, Field)>,
    /// Money headers with a unit that cannot be read: (column, header, unit).
    pub bad_units: Vec<(u32, String, String)>,
}

#[derive(Clone, Debug)]
pub struct Column {
    /// 0-based sheet column.
    pub col: u32,
    pub header: String,
    pub field: Field,
    pub scale: Decimal,
}

impl HeaderRow {
    pub fn column(&self, field: Field) -> Option<&Column> {
        self.columns.iter().find(|c| c.field == field)
    }
}

/// How many rows from the top to look for the header in.
pub const HEADER_SEARCH_ROWS: u32 = 10;

/// Finds the header within the first [`HEADER_SEARCH_ROWS`] rows: the row naming the most
/// known fields (at least two), plus the row just above or below it when that one names
/// fields in other columns (a two-level header with merged group cells).
pub fn find_header(range: &Range<Data>, mapping: &Mapping) -> Option<HeaderRow> {
    let (top, left) = range.start()?;
    let (bottom, right) = range.end()?;
    let text = |row: u32, col: u32| -> Option<String> {
        match range.get_value((row, col))? {
            // A header wrapped onto two lines in its cell reads as one.
            Data::String(s) if !s.trim().is_empty() => Some(s.split(['\r', '\n']).map(str::trim).collect()),
            _ => None,
        }
    };
    let known = |row: u32| -> HashMap<u32, (String, Option<Result<Matched, String>>)> {
        (left..=right).filter_map(|col| text(row, col).map(|h| (col, (h.clone(), mapping.lookup(&h))))).collect()
    };
    let score = |row: u32| known(row).values().filter(|(_, m)| m.is_some()).count();
    let last = bottom.min(top + HEADER_SEARCH_ROWS - 1);
    let best = (top..=last).map(|r| (score(r), r)).filter(|(s, _)| *s >= 2).max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))?.1;

    let mut rows = vec![best];
    let main = known(best);
    let recognised_cols: Vec<u32> = main.iter().filter(|(_, (_, m))| m.is_some()).map(|(c, _)| *c).collect();
    let adds_fields = |row: u32| known(row).iter().any(|(c, (_, m))| m.is_some() && !recognised_cols.contains(c));
    if best < bottom && adds_fields(best + 1) {
        rows.push(best + 1);
    } else if best > top && adds_fields(best - 1) {
        rows.insert(0, best - 1);
    }

    let mut header = HeaderRow {
        data_start: rows.last().copied().unwrap_or(best) + 1,
        rows: rows.clone(),
        columns: Vec::new(),
        unused: Vec::new(),
        duplicates: Vec::new(),
        bad_units: Vec::new(),
    };
    for col in left..=right {
        // The lowest header row that names a field wins; else the lowest with any text.
        let cells: Vec<(String, Option<Result<Matched, String>>)> =
            rows.iter().rev().filter_map(|r| text(*r, col)).map(|h| (h.clone(), mapping.lookup(&h))).collect();
        let Some((text, matched)) = cells.iter().find(|(_, m)| m.is_some()).or(cells.first()).cloned() else {
            continue;
        };
        match matched {
            None => header.unused.push((col, text)),
            Some(Err(unit)) => header.bad_units.push((col, text, unit)),
            Some(Ok(m)) if m.field == Field::Ignore => {}
            Some(Ok(m)) if header.column(m.field).is_some() => header.duplicates.push((col, text, m.field)),
            Some(Ok(m)) => header.columns.push(Column { col, header: text, field: m.field, scale: m.scale }),
        }
    }
    Some(header)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_tidied_before_matching() {
        assert_eq!(normalize("总 投 资\n（万元）"), ("总投资(万元)".to_string(), "总投资".to_string(), Some("万元".to_string())));
        let m = Mapping::builtin();
        let get = |h: &str| m.lookup(h).and_then(Result::ok).map(|x| (x.field, x.scale));
        assert_eq!(get("总投资（万元）"), Some((Field::TotalInvestment, Decimal::ONE)));
        assert_eq!(get("总投资(万元)"), Some((Field::TotalInvestment, Decimal::ONE)));
        assert_eq!(get("总投资（亿元）"), Some((Field::TotalInvestment, Decimal::from(10_000))));
        assert_eq!(get("合同引资额（单位：元）"), Some((Field::ContractAmount, Decimal::new(1, 4))));
        assert_eq!(get("项目名称*"), Some((Field::Name, Decimal::ONE)));
        assert_eq!(get("落地镇（街道）"), Some((Field::Town, Decimal::ONE)));
        assert_eq!(get("落地镇(街道)"), Some((Field::Town, Decimal::ONE)));
        assert_eq!(get("包抓县级领导"), Some((Field::Leader, Decimal::ONE)));
        assert_eq!(get("联系电话"), None);
        assert!(matches!(m.lookup("总投资（万港元）"), Some(Err(_))));
    }

    #[test]
    fn a_mapping_file_adds_and_overrides_headers() {
        let m = Mapping::with_file("m.yaml", "签约时间: signed\n备注: ignore\n项目负责人: 包抓县级领导\n").unwrap();
        let get = |h: &str| m.lookup(h).and_then(Result::ok).map(|x| x.field);
        assert_eq!(get("签约时间"), Some(Field::Signed));
        assert_eq!(get("备注"), Some(Field::Ignore));
        assert_eq!(get("项目负责人"), Some(Field::Leader));
        assert_eq!(get("项目名称"), Some(Field::Name));
        let err = Mapping::with_file("m.yaml", "签约时间: sigend\n").unwrap_err();
        assert_eq!(err.diagnostics[0].code, "unknown-field");
        assert!(err.diagnostics[0].help.as_ref().unwrap().zh.contains("“signed”"), "{:?}", err.diagnostics[0].help);
    }

    fn sheet(rows: &[&[&str]]) -> Range<Data> {
        let width = rows.iter().map(|r| r.len()).max().unwrap_or(1) as u32;
        let mut range = Range::new((0, 0), (rows.len() as u32 - 1, width - 1));
        for (r, row) in rows.iter().enumerate() {
            for (c, text) in row.iter().enumerate() {
                if !text.is_empty() {
                    range.set_value((r as u32, c as u32), Data::String(text.to_string()));
                }
            }
        }
        range
    }

    #[test]
    fn the_header_is_found_under_a_title_and_over_two_rows() {
        let range = sheet(&[
            &["2026年招商项目台账"],
            &["序号", "项目名称", "投资方", "进展节点", "", "联系人"],
            &["", "", "", "签约日期", "开工日期", ""],
            &["1", "茶叶项目", "某公司", "2026-03-05", "", "张三"],
        ]);
        let h = find_header(&range, &Mapping::builtin()).unwrap();
        assert_eq!(h.rows, [1, 2]);
        assert_eq!(h.data_start, 3);
        let fields: Vec<(u32, Field)> = h.columns.iter().map(|c| (c.col, c.field)).collect();
        assert_eq!(fields, [(1, Field::Name), (2, Field::Investor), (3, Field::Signed), (4, Field::Started)]);
        assert_eq!(h.unused, [(5, "联系人".to_string())]);

        let one_row = sheet(&[&["项目名称", "项目", "签约日期"], &["茶叶项目", "", "2026-03-05"]]);
        let h = find_header(&one_row, &Mapping::builtin()).unwrap();
        assert_eq!(h.rows, [0]);
        assert_eq!(h.duplicates, [(1, "项目".to_string(), Field::Name)]);
        assert!(find_header(&sheet(&[&["说明"], &["本表每月更新"]]), &Mapping::builtin()).is_none());
    }

    #[test]
    fn field_names_in_a_mapping_file() {
        assert_eq!(Field::parse("milestones.signed"), Some(Field::Signed));
        assert_eq!(Field::parse("signed"), Some(Field::Signed));
        assert_eq!(Field::parse("签约日期"), Some(Field::Signed));
        assert_eq!(Field::parse("province"), Some(Field::Province));
        assert_eq!(Field::parse("squad"), Some(Field::Squad));
        assert_eq!(Field::parse("忽略"), Some(Field::Ignore));
        assert_eq!(Field::parse("nope"), None);
    }
}
