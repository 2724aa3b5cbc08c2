//! A ledger sheet (台账) → project files.
//!
//! [`plan`] reads every data row under the header (found by [`mapping::find_header`]) and
//! decides what each becomes, without touching the disk:
//! - names in cells become ids through the loaded content (产业链 `新材料` → `materials`,
//!   责任单位 `县商务局` → `shangwu`, a leader's name → the leader's id);
//! - dates and amounts are read as clerks type them ([`cells`]);
//! - the id comes from the 编号 column when it is usable as a file name, else from an
//!   existing project of the same name, else it is the next free `p<签约年份>-<nnn>`;
//! - a row for an existing project is merged into it: only the ledger's non-empty cells
//!   replace values, so 到位资金, 外资 and problems recorded in the file are kept;
//! - every candidate file is then checked together with the rest of the folder, exactly as
//!   `bulletin check` would, so a row that would break the folder (开工 before 签约…) is
//!   skipped with its cell named, and the files that are written check clean.
//!
//! Every problem names its cell the way Excel does (`台账!E7`) and is a [`Diagnostic`] with
//! the same codes as `bulletin check`.
//!
//! Here: the plan and its checks; `workbook` reads a workbook safely, `rows` reads each row,
//! `names` turns names into ids, `origin` reads where an investor comes from.

mod names;
mod origin;
mod rows;
mod workbook;

use std::collections::BTreeMap;

use calamine::{Data, Range};

use crate::content;
use crate::content::model::Content;
use crate::diagnostics::{Diagnostic, Text};
use crate::excel::cells;
use crate::excel::mapping::{Field, HeaderRow};
use crate::excel::project_file::{Change, ProjectFile, Value};
use crate::excel::{cell_ref, column_letters};

use names::Names;
use rows::{RowRead, assign_ids, read_row};
pub use workbook::{
    MAX_CELLS, MAX_COLUMNS, MAX_ROWS, MAX_UNPACKED_BYTES, SheetError, WorkbookError, choose_sheet, quiet_reader_panics,
    read_sheets,
};

/// What importing a sheet would do.
#[derive(Debug)]
pub struct Plan {
    pub sheet: String,
    pub header: HeaderRow,
    /// Things the clerk should know that are not errors (a default used, a total row skipped).
    pub notes: Vec<Text>,
    /// Problems with the sheet as a whole; when there are any, no row is imported.
    pub problems: Vec<Diagnostic>,
    pub rows: Vec<RowPlan>,
}

impl Plan {
    pub fn bad_rows(&self) -> usize {
        self.rows.iter().filter(|r| matches!(r.outcome, Outcome::Skipped { .. })).count()
    }
}

/// One data row and what it becomes.
#[derive(Debug)]
pub struct RowPlan {
    /// The row number Excel shows (1-based).
    pub row: u32,
    pub id: Option<String>,
    pub name: Option<String>,
    /// How the id was found, when not from the 编号 column.
    pub notes: Vec<Text>,
    pub outcome: Outcome,
}

#[derive(Debug)]
pub enum Outcome {
    /// A new project file.
    New { path: String, text: String },
    /// The file exists and already holds these values.
    Unchanged { path: String },
    /// The file exists with other values; written only with `--force`.
    Changed { path: String, text: String, changes: Vec<Change> },
    /// The row cannot be imported; nothing is written for it.
    Skipped { problems: Vec<Diagnostic> },
}

/// Plans the import of `range` (sheet `sheet`, header `header`) into the content folder whose
/// files are `files` (relative path, bytes) and which loads as `content`. `ledger_name` is
/// written in a comment at the top of each file.
pub fn plan(
    content: &Content,
    files: &[(String, Vec<u8>)],
    sheet: &str,
    range: &Range<Data>,
    header: &HeaderRow,
    ledger_name: &str,
) -> Plan {
    let mut plan =
        Plan { sheet: sheet.to_string(), header: header.clone(), notes: Vec::new(), problems: Vec::new(), rows: Vec::new() };
    sheet_checks(&mut plan);
    if !plan.problems.is_empty() {
        return plan;
    }
    let names = Names { content };
    let mut reads: Vec<RowRead> = Vec::new();
    let (Some((_, left)), Some((bottom, right))) = (range.start(), range.end()) else {
        return plan;
    };
    for row in header.data_start..=bottom {
        let cell = |col: u32| range.get_value((row, col)).unwrap_or(&Data::Empty);
        if header.columns.iter().all(|c| cells::is_empty(cell(c.col))) {
            continue;
        }
        let first = (left..=right).map(cell).find(|c| !cells::is_empty(c));
        if let Some(Data::String(s)) = first {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            if ["合计", "小计", "总计"].iter().any(|t| s.starts_with(t)) {
                plan.notes.push(Text::new(
                    format!("第 {} 行是合计行，已跳过", row + 1),
                    format!("row {} is a total row and was skipped", row + 1),
                ));
                continue;
            }
            // A footnote under the table: 注：…, 说明：…, 填报人：…
            if ["注:", "注：", "备注:", "备注：", "说明", "填报", "制表", "审核"].iter().any(|t| s.starts_with(t))
            {
                plan.notes.push(Text::new(
                    format!("第 {} 行是表格说明（“{}”），已跳过", row + 1, s.chars().take(12).collect::<String>()),
                    format!("row {} is a note under the table and was skipped", row + 1),
                ));
                continue;
            }
        }
        reads.push(read_row(sheet, header, row, &cell, &names));
    }

    let sign_type_column = header.column(Field::SignType).is_some();
    if !sign_type_column && !reads.is_empty() {
        plan.notes.push(Text::new(
            "台账没有“签约类型”列：新项目都按“合同”导入，已有项目保持原来的签约类型",
            "the ledger has no 签约类型 column: new projects are imported as 合同",
        ));
    }
    assign_ids(content, sheet, header, &mut reads);

    // Each row's file, merged into the existing project's values.
    let comment = |row: u32| vec![format!("由 bulletin import 从 {ledger_name}（工作表“{sheet}”第 {row} 行）导入")];
    let mut texts: BTreeMap<String, (usize, String)> = BTreeMap::new();
    for read in reads {
        let index = plan.rows.len();
        let outcome = if !read.problems.is_empty() || read.id.is_none() {
            let mut problems = read.problems;
            if problems.is_empty() {
                problems.push(Diagnostic::error(
                    "missing-field",
                    Text::new(
                        format!("{sheet}第 {} 行：无法确定项目编号", read.row + 1),
                        format!("{sheet} row {}: no id", read.row + 1),
                    ),
                ));
            }
            Outcome::Skipped { problems }
        } else {
            let id = read.id.clone().unwrap_or_default();
            // An existing project keeps its file, `.yml` included.
            let path = [format!("projects/{id}.yaml"), format!("projects/{id}.yml")]
                .into_iter()
                .find(|p| files.iter().any(|(f, _)| f == p))
                .unwrap_or_else(|| format!("projects/{id}.yaml"));
            match content.projects.iter().find(|p| p.id == id) {
                Some(existing) => {
                    let before = ProjectFile::from_project(content, existing);
                    let mut merged = before.clone();
                    if ["origin.province", "origin.city", "origin.country"].iter().any(|k| read.values.get(k).is_some()) {
                        for k in ["origin.province", "origin.city", "origin.country"] {
                            merged.remove(k);
                        }
                    }
                    merged.overlay(&read.values);
                    let changes = merged.changes(&before);
                    if changes.is_empty() {
                        Outcome::Unchanged { path }
                    } else {
                        let text = merged.to_yaml(&comment(read.row + 1));
                        texts.insert(path.clone(), (index, text.clone()));
                        Outcome::Changed { path, text, changes }
                    }
                }
                None => {
                    let mut values = read.values.clone();
                    if values.get("sign_type").is_none() {
                        values.set("sign_type", Value::Text("合同".into()));
                    }
                    let text = values.to_yaml(&comment(read.row + 1));
                    texts.insert(path.clone(), (index, text.clone()));
                    Outcome::New { path, text }
                }
            }
        };
        plan.rows.push(RowPlan { row: read.row + 1, id: read.id, name: read.name, notes: read.notes, outcome });
    }

    check_with_folder(&mut plan, files, texts);
    plan
}

/// Columns every ledger needs, and money columns in a unit that cannot be converted.
fn sheet_checks(plan: &mut Plan) {
    let h = &plan.header;
    let header_row = h.rows.last().copied().unwrap_or(0);
    for field in Field::ALL.into_iter().filter(|f| f.required() && h.column(*f).is_none()) {
        let usual: Vec<&str> =
            super::mapping::DEFAULT_HEADERS.iter().find(|(f, _)| *f == field).map(|(_, n)| n.to_vec()).unwrap_or_default();
        plan.problems.push(
            Diagnostic::error(
                "missing-column",
                Text::new(
                    format!("工作表“{}”第 {} 行的表头里没有“{}”列", plan.sheet, header_row + 1, field.zh()),
                    format!("the header (row {} of sheet {}) has no column for {}", header_row + 1, plan.sheet, field.key()),
                ),
            )
            .field(field.key())
            .help(Text::new(
                format!(
                    "这一列必须有。表头可以写：{}；表头写法不同时，用 --mapping 映射文件指定（见 docs/excel.md）",
                    usual.join("、")
                ),
                format!("add the column (headers: {}), or map your header with --mapping", usual.join(", ")),
            )),
        );
    }
    for (col, text, unit) in &h.bad_units {
        plan.problems.push(
            Diagnostic::error(
                "bad-unit",
                Text::new(
                    format!("{}（{text}）的单位“{unit}”无法换算", cell_ref(&plan.sheet, header_row, *col)),
                    format!("{} ({text}): cannot convert the unit `{unit}`", cell_ref(&plan.sheet, header_row, *col)),
                ),
            )
            .help(Text::new(
                "金额列的单位应为 万元、亿元 或 元（外资为 万美元、美元）",
                "money columns must be in 万元, 亿元 or 元 (FDI: 万美元 or 美元)",
            )),
        );
    }
    for (col, text, field) in &h.duplicates {
        let first = h.column(*field).map(|c| column_letters(c.col)).unwrap_or_default();
        plan.notes.push(Text::new(
            format!("{} 列“{text}”和 {first} 列都对应 {}，只读 {first} 列", column_letters(*col), field.key()),
            format!(
                "column {} ({text}) and column {first} both map to {}; only {first} is read",
                column_letters(*col),
                field.key()
            ),
        ));
    }
}

/// Checks the planned files together with the rest of the folder, as `bulletin check` does.
/// A row whose file has errors is skipped, its errors moved to its cells.
fn check_with_folder(plan: &mut Plan, files: &[(String, Vec<u8>)], mut texts: BTreeMap<String, (usize, String)>) {
    for _ in 0..3 {
        if texts.is_empty() {
            return;
        }
        let mut all: Vec<(String, std::io::Result<Vec<u8>>)> =
            files.iter().filter(|(p, _)| !texts.contains_key(p)).map(|(p, b)| (p.clone(), Ok(b.clone()))).collect();
        all.extend(texts.iter().map(|(p, (_, t))| (p.clone(), Ok(t.clone().into_bytes()))));
        let loaded = content::from_files(all);
        let mut failed: BTreeMap<String, Vec<Diagnostic>> = BTreeMap::new();
        let mut elsewhere = Vec::new();
        for d in loaded.diagnostics.errors() {
            let path = d.file.map(|f| loaded.sources.get(f).path.clone()).unwrap_or_default();
            if texts.contains_key(&path) {
                failed.entry(path).or_default().push(d.clone());
            } else {
                let line = d.file.zip(d.span).map(|(f, s)| loaded.sources.get(f).line_col(s.start).0);
                let at = line.map_or(path.clone(), |l| format!("{path}:{l}"));
                elsewhere.push(Diagnostic {
                    message: Text::new(format!("{at}：{}", d.message.zh), format!("{at}: {}", d.message.en)),
                    file: None,
                    span: None,
                    ..d.clone()
                });
            }
        }
        if failed.is_empty() {
            if !elsewhere.is_empty() {
                // Another file breaks because of the new values; which row caused it is not
                // known, so nothing is imported.
                plan.problems.extend(elsewhere);
                for (_, (index, _)) in texts {
                    plan.rows[index].outcome = Outcome::Skipped {
                        problems: vec![Diagnostic::error(
                            "breaks-folder",
                            Text::new(
                                "导入后其他文件会出错（见上），这一行没有导入",
                                "importing would break other files (see above)",
                            ),
                        )],
                    };
                }
            }
            return;
        }
        for (path, diags) in failed {
            let Some((index, _)) = texts.remove(&path) else { continue };
            let row = &plan.rows[index];
            let problems = diags.iter().map(|d| located(&plan.sheet, &plan.header, row.row - 1, &path, d)).collect();
            plan.rows[index].outcome = Outcome::Skipped { problems };
        }
    }
}

/// A problem found in a planned file, moved to the ledger cell it came from (or the row).
fn located(sheet: &str, header: &HeaderRow, row: u32, path: &str, d: &Diagnostic) -> Diagnostic {
    let field = d.field.as_deref().unwrap_or("");
    let column = Field::ALL
        .into_iter()
        .find(|f| f.key() == field)
        .and_then(|f| header.column(f).or_else(|| field.starts_with("origin.").then(|| header.column(Field::Origin)).flatten()));
    let (zh, en) = match column {
        Some(c) => {
            let at = cell_ref(sheet, row, c.col);
            (format!("{at}（{}）：", c.header), format!("{at} ({}): ", c.header))
        }
        None => (format!("{sheet}第 {} 行（{path}）：", row + 1), format!("{sheet} row {} ({path}): ", row + 1)),
    };
    Diagnostic {
        message: Text::new(format!("{zh}{}", d.message.zh), format!("{en}{}", d.message.en)),
        file: None,
        span: None,
        label: None,
        ..d.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::names::{choice, method, tags};
    use super::origin::{parse_origin, province};
    use crate::content::model::Method;

    #[test]
    fn origins() {
        let p = parse_origin("浙江省杭州市");
        assert_eq!((p.province.as_deref(), p.city.as_deref(), p.country.as_deref()), (Some("浙江省"), Some("杭州市"), None));
        let p = parse_origin("浙江 杭州");
        assert_eq!((p.province.as_deref(), p.city.as_deref()), (Some("浙江省"), Some("杭州")));
        let p = parse_origin("北京市");
        assert_eq!((p.province.as_deref(), p.city.as_deref()), (Some("北京市"), None));
        let p = parse_origin("广西壮族自治区南宁市");
        assert_eq!((p.province.as_deref(), p.city.as_deref()), (Some("广西壮族自治区"), Some("南宁市")));
        assert_eq!(parse_origin("香港特别行政区").country.as_deref(), Some("香港"));
        assert_eq!(parse_origin("境外·新加坡").country.as_deref(), Some("新加坡"));
        assert_eq!(parse_origin("新加坡").country.as_deref(), Some("新加坡"));
        assert_eq!(parse_origin("深圳市").city.as_deref(), Some("深圳市"));
        assert_eq!(province("陕西"), Ok("陕西省".to_string()));
        assert_eq!(province("山西省"), Ok("山西省".to_string()));
        assert_eq!(province("香港"), Err("香港".to_string()));
    }

    #[test]
    fn choices() {
        assert_eq!(choice("合同", &["合同", "协议"]), Ok("合同".to_string()));
        assert_eq!(choice("框架协议", &["合同", "协议"]), Ok("协议".to_string()));
        assert!(choice("意向", &["合同", "协议"]).is_err());
        assert_eq!(method("亲情"), Ok(Method::Kinship));
        assert_eq!(method("以商招商"), Ok(Method::ByBusiness));
        assert!(method("招商").is_err());
        assert_eq!(tags("500强、总部经济"), Ok(vec!["500强".to_string(), "总部经济".to_string()]));
        assert!(tags("独角兽").is_err());
    }
}
