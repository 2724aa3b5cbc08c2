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

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Cursor;

use calamine::{Data, Range, Reader};
use chrono::{Datelike, NaiveDate};

use super::cells::{self, Problem};
use super::mapping::{Field, HeaderRow, Kind, Mapping, find_header};
use super::project_file::{Change, ProjectFile, Value};
use super::{cell_ref, column_letters};
use crate::content::fields::is_safe_id;
use crate::content::files::projects::TAGS;
use crate::content::model::{Content, Method, UnitKind};
use crate::content::{self, problems};
use crate::diagnostics::{Diagnostic, Text};

/// The largest sheet read: a ledger or monthly report has thousands of rows and tens of
/// columns. A sheet's cells are kept as one rectangle, so a single value placed far away (a
/// 5 KB file with a value in XFD1048576) would otherwise ask for billions of cells.
pub const MAX_ROWS: u32 = 100_000;
pub const MAX_COLUMNS: u32 = 1_000;
/// The most cells (rows × columns of the rectangle) and the most values read from a sheet.
pub const MAX_CELLS: u64 = 5_000_000;
/// The most a workbook may unpack to; a ledger of ten thousand rows unpacks to a few MB.
pub const MAX_UNPACKED_BYTES: u64 = 256 << 20;

/// Why a workbook cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum WorkbookError {
    #[error(transparent)]
    Unreadable(#[from] calamine::Error),
    /// A workbook whose parts unpack to more than [`MAX_UNPACKED_BYTES`].
    #[error(
        "工作簿解压后有 {mib} MB，远超台账的正常大小（最多 {} MB），没有读取。请在 Excel 或 WPS 中打开，把台账复制到一个新的工作簿后再导入 / the workbook unpacks to {mib} MiB, more than a ledger can be",
        MAX_UNPACKED_BYTES >> 20
    )]
    Unpacked { mib: u64 },
    /// A sheet whose values span more rows or columns than any real ledger.
    #[error(
        "工作表“{sheet}”的内容跨越 {rows} 行、{columns} 列（最远到 {last}），远超台账的正常大小（最多 {MAX_ROWS} 行、{MAX_COLUMNS} 列、共 {MAX_CELLS} 格），没有读取。请删除表格下方和右侧多余的内容后另存，或把台账复制到一个新的工作簿 / sheet “{sheet}” has values spanning {rows} rows × {columns} columns (as far as {last}), beyond what a ledger can have; delete the stray cells or copy the ledger into a new workbook"
    )]
    TooLarge { sheet: String, rows: u64, columns: u64, last: String },
}

/// Every sheet of a workbook (.xlsx, .xlsm, .xlsb, .xls or .ods), by name, in workbook order.
/// Sheets of .xlsx and .xlsb are read cell by cell and refused when their values spread over
/// an absurd area, before any rectangle is made; .xls (at most 65 536 × 256 cells by format)
/// and .ods (capped by the reader) are read whole.
pub fn read_sheets(bytes: Vec<u8>) -> Result<Vec<(String, Range<Data>)>, WorkbookError> {
    // .xlsx, .xlsb and .ods are zip files whose directory states each part's unpacked size, and
    // the zip reader stops at that size; a small file could otherwise unpack to gigabytes of
    // shared strings before any sheet is looked at.
    if let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(&bytes[..])) {
        let total: u64 = (0..zip.len()).filter_map(|i| zip.by_index_raw(i).ok().map(|f| f.size())).fold(0, u64::saturating_add);
        if total > MAX_UNPACKED_BYTES {
            return Err(WorkbookError::Unpacked { mib: total >> 20 });
        }
    }
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))?;
    let names = book.sheet_names().to_vec();
    let mut sheets = Vec::with_capacity(names.len());
    for name in names {
        let range = match &mut book {
            calamine::Sheets::Xlsx(x) => {
                let mut reader = x.worksheet_cells_reader(&name).map_err(calamine::Error::from)?;
                bounded(&name, || reader.next_cell().map_err(calamine::Error::from))?
            }
            calamine::Sheets::Xlsb(x) => {
                let mut reader = x.worksheet_cells_reader(&name).map_err(calamine::Error::from)?;
                bounded(&name, || reader.next_cell().map_err(calamine::Error::from))?
            }
            other => other.worksheet_range(&name)?,
        };
        sheets.push((name, range));
    }
    Ok(sheets)
}

/// Collects a sheet's values from `next`, refusing the sheet as soon as they spread beyond
/// [`MAX_ROWS`] × [`MAX_COLUMNS`] or [`MAX_CELLS`].
fn bounded<'a>(
    sheet: &str,
    mut next: impl FnMut() -> Result<Option<calamine::Cell<calamine::DataRef<'a>>>, calamine::Error>,
) -> Result<Range<Data>, WorkbookError> {
    let mut cells = Vec::new();
    let (mut first, mut last) = ((u32::MAX, u32::MAX), (0u32, 0u32));
    while let Some(cell) = next()? {
        if matches!(cell.get_value(), calamine::DataRef::Empty) {
            continue;
        }
        let (row, col) = cell.get_position();
        first = (first.0.min(row), first.1.min(col));
        last = (last.0.max(row), last.1.max(col));
        let rows = u64::from(last.0 - first.0) + 1;
        let columns = u64::from(last.1 - first.1) + 1;
        if rows > u64::from(MAX_ROWS) || columns > u64::from(MAX_COLUMNS) || rows * columns > MAX_CELLS {
            let last = super::cell_ref(sheet, row, col);
            return Err(WorkbookError::TooLarge { sheet: sheet.to_string(), rows, columns, last });
        }
        cells.push(calamine::Cell::new((row, col), Data::from(cell.get_value().clone())));
    }
    Ok(Range::from_sparse(cells))
}

/// Why no sheet can be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetError {
    /// `--sheet` names a sheet the workbook does not have.
    NoSuchSheet { wanted: String, available: Vec<String> },
    /// No row in the first rows of the sheet has two known headers.
    NoHeader { sheet: String },
}

/// The sheet to import and its header: the one asked for, else the first sheet with a
/// recognisable header (a workbook often starts with a cover or 说明 sheet).
pub fn choose_sheet(
    sheets: &[(String, Range<Data>)],
    wanted: Option<&str>,
    mapping: &Mapping,
) -> Result<(usize, HeaderRow), SheetError> {
    if let Some(wanted) = wanted {
        let Some(i) = sheets.iter().position(|(n, _)| n == wanted || n.trim() == wanted.trim()) else {
            return Err(SheetError::NoSuchSheet {
                wanted: wanted.to_string(),
                available: sheets.iter().map(|(n, _)| n.clone()).collect(),
            });
        };
        return find_header(&sheets[i].1, mapping).map(|h| (i, h)).ok_or(SheetError::NoHeader { sheet: sheets[i].0.clone() });
    }
    sheets
        .iter()
        .enumerate()
        .find_map(|(i, (_, range))| find_header(range, mapping).map(|h| (i, h)))
        .ok_or_else(|| SheetError::NoHeader { sheet: sheets.first().map(|(n, _)| n.clone()).unwrap_or_default() })
}

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

/// One row as read: the values of its non-empty cells, and its problems.
struct RowRead {
    /// 0-based.
    row: u32,
    values: ProjectFile,
    id_cell: Option<String>,
    id: Option<String>,
    name: Option<String>,
    signed: Option<NaiveDate>,
    notes: Vec<Text>,
    problems: Vec<Diagnostic>,
}

fn cell_problem(sheet: &str, row: u32, col: u32, header: &str, field: Field, p: Problem) -> Diagnostic {
    let at = cell_ref(sheet, row, col);
    let mut d = Diagnostic::error(
        p.code,
        Text::new(format!("{at}（{header}）{}", p.message.zh), format!("{at} ({header}) {}", p.message.en)),
    )
    .help(p.help);
    if field != Field::Ignore {
        d = d.field(field.key());
    }
    d
}

fn read_row<'r>(sheet: &str, header: &HeaderRow, row: u32, cell: &dyn Fn(u32) -> &'r Data, names: &Names) -> RowRead {
    let mut r = RowRead {
        row,
        values: ProjectFile::default(),
        id_cell: None,
        id: None,
        name: None,
        signed: None,
        notes: Vec::new(),
        problems: Vec::new(),
    };
    let mut combined_origin: Option<Place> = None;
    let mut parts = Place::default();
    let mut bad_cells: HashSet<u32> = HashSet::new();
    for column in &header.columns {
        let (field, data) = (column.field, cell(column.col));
        let mut problem = |p: Problem| {
            bad_cells.insert(column.col);
            r.problems.push(cell_problem(sheet, row, column.col, &column.header, field, p));
        };
        match field.kind() {
            Kind::Date => match cells::date(data) {
                Ok(Some(date)) => {
                    if field == Field::Signed {
                        r.signed = Some(date);
                    }
                    r.values.set(field.key(), Value::Date(date));
                }
                Ok(None) => {}
                Err(p) => problem(p),
            },
            Kind::Wan | Kind::UsdWan => match cells::amount(data, field.kind(), column.scale) {
                Ok(Some(v)) if field == Field::ContractFdi && v.is_zero() => {}
                Ok(Some(v)) => r.values.set(field.key(), Value::Number(v)),
                Ok(None) => {}
                Err(p) => problem(p),
            },
            Kind::Text => {
                let text = match cells::text(data) {
                    Ok(Some(t)) => t,
                    Ok(None) => continue,
                    Err(p) => {
                        problem(p);
                        continue;
                    }
                };
                let one_line = || text.split(['\n', '\r']).map(str::trim).collect::<String>();
                let set = |values: &mut ProjectFile, v: String| values.set(field.key(), Value::Text(v));
                match field {
                    Field::Id => r.id_cell = Some(one_line()),
                    Field::Name => {
                        r.name = Some(one_line());
                        set(&mut r.values, one_line());
                    }
                    Field::Investor | Field::Platform | Field::Park => set(&mut r.values, one_line()),
                    Field::Content | Field::Measures | Field::TerminatedReason | Field::Note => set(&mut r.values, text.clone()),
                    Field::Origin => combined_origin = Some(parse_origin(&one_line())),
                    Field::Province => match province(&one_line()) {
                        Ok(p) => parts.province = Some(p),
                        Err(country) => parts.country = Some(country),
                    },
                    Field::City => parts.city = Some(one_line()),
                    Field::Country => parts.country = Some(one_line()),
                    Field::Tags => match tags(&text) {
                        Ok(list) if !list.is_empty() => r.values.set("tags", Value::Flow(list)),
                        Ok(_) => {}
                        Err(p) => problem(p),
                    },
                    Field::Chain => match names.chain(&one_line()) {
                        Ok(id) => set(&mut r.values, id),
                        Err(p) => problem(p),
                    },
                    Field::Town | Field::Unit | Field::IntroducedUnit => match names.unit(&one_line(), field == Field::Town) {
                        Ok(id) => set(&mut r.values, id),
                        Err(p) => problem(p),
                    },
                    Field::Leader => match names.leader(&one_line()) {
                        Ok(id) => set(&mut r.values, id),
                        Err(p) => problem(p),
                    },
                    Field::Squad => match names.squad(&one_line()) {
                        Ok(id) => set(&mut r.values, id),
                        Err(p) => problem(p),
                    },
                    Field::Method => match method(&one_line()) {
                        Ok(m) => set(&mut r.values, m.zh().to_string()),
                        Err(p) => problem(p),
                    },
                    Field::BuildType => match choice(&one_line(), &["新建", "续建"]) {
                        Ok(v) => set(&mut r.values, v),
                        Err(p) => problem(p),
                    },
                    Field::SignType => match choice(&one_line(), &["合同", "协议"]) {
                        Ok(v) => set(&mut r.values, v),
                        Err(p) => problem(p),
                    },
                    _ => {}
                }
            }
        }
    }
    // Separate 省份 / 城市 / 国家 columns win over a combined 投资方来源 column.
    let place = if parts.is_empty() { combined_origin.unwrap_or_default() } else { parts };
    for (key, v) in [("origin.province", place.province), ("origin.city", place.city), ("origin.country", place.country)] {
        if let Some(v) = v {
            r.values.set(key, Value::Text(v));
        }
    }
    // A required column's empty cell.
    for column in header.columns.iter().filter(|c| c.field.required() && !bad_cells.contains(&c.col)) {
        let empty = match column.field {
            Field::Signed => r.signed.is_none(),
            f => r.values.get(f.key()).is_none(),
        };
        if empty {
            r.problems.push(cell_problem(
                sheet,
                row,
                column.col,
                &column.header,
                column.field,
                Problem {
                    code: "missing-field",
                    message: Text::new("是空的，这一列必须填写", "is empty; this column is required"),
                    help: Text::new(format!("填写{}", column.field.zh()), format!("fill in {}", column.field.key())),
                },
            ));
        }
    }
    if let Some(column) = header.column(Field::SignType)
        && r.values.get("sign_type").is_none()
        && !bad_cells.contains(&column.col)
    {
        r.problems.push(cell_problem(
            sheet,
            row,
            column.col,
            &column.header,
            Field::SignType,
            Problem {
                code: "missing-field",
                message: Text::new("是空的", "is empty"),
                help: Text::new("填写 合同 或 协议", "write 合同 or 协议"),
            },
        ));
    }
    r
}

/// Ids for every row: from the 编号 column when usable, else the existing project of the same
/// name, else the next free `p<year>-<nnn>` of the signing year.
fn assign_ids(content: &Content, sheet: &str, header: &HeaderRow, reads: &mut [RowRead]) {
    let existing: HashMap<String, &str> = content.projects.iter().map(|p| (p.id.to_lowercase(), p.id.as_str())).collect();
    let mut by_name: HashMap<&str, Vec<&str>> = HashMap::new();
    for p in &content.projects {
        by_name.entry(p.name.as_str()).or_default().push(p.id.as_str());
    }
    let id_col = header.column(Field::Id).or(header.column(Field::Name));
    let mut taken: HashMap<String, u32> = HashMap::new();
    // Gives `r` the id, or reports the row that already has it.
    let take = |taken: &mut HashMap<String, u32>, r: &mut RowRead, id: String| {
        match taken.get(&id.to_lowercase()) {
            Some(first) => r.problems.push(cell_problem(
                sheet,
                r.row,
                id_col.map_or(0, |c| c.col),
                id_col.map_or("", |c| c.header.as_str()),
                Field::Id,
                Problem {
                    code: "duplicate-id",
                    message: Text::new(
                        format!("和第 {} 行是同一个项目（{id}）", first + 1),
                        format!("is the same project ({id}) as row {}", first + 1),
                    ),
                    help: Text::new(
                        "一个项目在台账中只能占一行：删除重复的行，或给它们不同的编号",
                        "each project takes one row: remove the duplicate or give it another id",
                    ),
                },
            )),
            None => {
                taken.insert(id.to_lowercase(), r.row);
            }
        }
        r.id = Some(id);
    };
    for r in reads.iter_mut() {
        if let Some(cell_id) = r.id_cell.clone() {
            if is_safe_id(&cell_id) {
                let id = existing.get(&cell_id.to_lowercase()).map_or(cell_id, |e| e.to_string());
                take(&mut taken, r, id);
                continue;
            }
            r.notes.push(Text::new(
                format!("编号“{cell_id}”不能用作文件名（只能用英文字母、数字、- 和 _），改用自动编号"),
                format!("the id `{cell_id}` cannot be a file name; a new id is used"),
            ));
        }
        if let Some(ids) = r.name.as_deref().and_then(|n| by_name.get(n)).filter(|ids| ids.len() == 1) {
            r.notes.push(Text::new(format!("按项目名称对应到已有项目 {}", ids[0]), format!("matched by name to {}", ids[0])));
            take(&mut taken, r, ids[0].to_string());
        }
    }
    // New ids, in row order, after the highest number already used in each year.
    let mut next: HashMap<i32, u32> = HashMap::new();
    let used: Vec<String> = existing.keys().cloned().chain(taken.keys().cloned()).collect();
    for r in reads.iter_mut().filter(|r| r.id.is_none() && r.problems.is_empty()) {
        let Some(year) = r.signed.map(|d| d.year()) else {
            continue;
        };
        let n = next.entry(year).or_insert_with(|| {
            let prefix = format!("p{year}-");
            used.iter().filter_map(|id| id.strip_prefix(&prefix)?.parse::<u32>().ok()).max().unwrap_or(0)
        });
        *n += 1;
        let id = format!("p{year}-{:03}", *n);
        take(&mut taken, r, id);
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

// ---- names to ids -------------------------------------------------------------------------------

/// Resolves the names clerks write to the ids the content uses.
struct Names<'c> {
    content: &'c Content,
}

fn tidy(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Finds `value` among (id, name) pairs: by id, by name, then by a name variant.
fn resolve<'a>(value: &str, entries: &[(&'a str, &'a str)], variants: &dyn Fn(&str) -> Vec<String>) -> Option<&'a str> {
    if let Some((id, _)) = entries.iter().find(|(id, _)| *id == value) {
        return Some(id);
    }
    let wanted = tidy(value);
    if let Some((id, _)) = entries.iter().find(|(_, name)| tidy(name) == wanted) {
        return Some(id);
    }
    let wanted: Vec<String> = variants(&wanted);
    let hits: Vec<&str> = entries
        .iter()
        .filter(|(_, name)| {
            let name = tidy(name);
            variants(&name).iter().any(|v| wanted.contains(v))
        })
        .map(|(id, _)| *id)
        .collect();
    (hits.len() == 1).then(|| hits[0])
}

fn unknown(kind: problems::RefKind, value: &str, entries: &[(&str, &str)]) -> Problem {
    let closest = problems::closest(value, entries.iter().map(|(_, n)| *n));
    let names: Vec<&str> = entries.iter().map(|(_, n)| *n).collect();
    let listed = if names.len() <= 20 { format!("已有的{}：{}。", kind.zh(), names.join("、")) } else { String::new() };
    let hint = closest.map(|c| format!("是不是 “{c}”？")).unwrap_or_default();
    Problem {
        code: "unknown-ref",
        message: Text::new(
            format!("写的{} “{value}” 不存在", kind.zh()),
            format!("names the {} `{value}`, which does not exist", kind.en()),
        ),
        help: Text::new(
            format!("{hint}{listed}如果是新的{}，先在 {} 中添加", kind.zh(), kind.home_zh()),
            format!("{}add it first if it is new", closest.map(|c| format!("did you mean `{c}`? ")).unwrap_or_default()),
        ),
    }
}

impl Names<'_> {
    fn chain(&self, value: &str) -> Result<String, Problem> {
        let entries: Vec<(&str, &str)> = self.content.chains.iter().map(|c| (c.id.as_str(), c.name.as_str())).collect();
        let variants = |s: &str| vec![s.trim_end_matches("产业链").trim_end_matches("产业").to_string()];
        resolve(value, &entries, &variants).map(str::to_string).ok_or_else(|| unknown(problems::RefKind::Chain, value, &entries))
    }

    fn unit(&self, value: &str, town: bool) -> Result<String, Problem> {
        let entries: Vec<(&str, &str)> = self.content.units.iter().map(|u| (u.id.as_str(), u.name.as_str())).collect();
        // 县商务局 = 商务局; 城关街道 = 城关街道办 = 城关.
        let variants = |s: &str| {
            let s = s.strip_prefix("县").unwrap_or(s);
            let short = s.trim_end_matches("办事处").trim_end_matches("办").trim_end_matches("街道").trim_end_matches('镇');
            vec![s.to_string(), short.to_string()]
        };
        let id = resolve(value, &entries, &variants).ok_or_else(|| unknown(problems::RefKind::Unit, value, &entries))?;
        let unit = self.content.units.iter().find(|u| u.id == id).expect("resolved from the list");
        if town && unit.kind != UnitKind::Town {
            return Err(Problem {
                code: "wrong-unit-kind",
                message: Text::new(format!("写的 “{value}” 不是镇办"), format!("`{value}` is not a 镇办 unit")),
                help: Text::new("落地镇办只能写镇（街道）", "the town must be a 镇办 unit"),
            });
        }
        Ok(id.to_string())
    }

    fn leader(&self, value: &str) -> Result<String, Problem> {
        let entries: Vec<(&str, &str)> = self.content.leaders.iter().map(|l| (l.id.as_str(), l.name.as_str())).collect();
        let several = value.split(['、', ',', '，', '/', ';', '；']).filter(|s| !s.trim().is_empty()).count() > 1;
        if several {
            return Err(Problem {
                code: "bad-choice",
                message: Text::new(format!("写了几名领导：“{value}”"), format!("names several leaders: `{value}`")),
                help: Text::new(
                    "“五个一”每个项目只有一名包抓县级领导，只写一名",
                    "each project has one leader in charge (五个一)",
                ),
            });
        }
        // 王某某（县长）、王某某 县长 → 王某某.
        let name = value.split(['(', '（']).next().unwrap_or(value).split_whitespace().next().unwrap_or(value);
        let variants = |s: &str| vec![s.to_string()];
        resolve(name, &entries, &variants).map(str::to_string).ok_or_else(|| unknown(problems::RefKind::Leader, value, &entries))
    }

    fn squad(&self, value: &str) -> Result<String, Problem> {
        let entries: Vec<(&str, &str)> = self.content.squads.iter().map(|q| (q.id.as_str(), q.name.as_str())).collect();
        let variants = |s: &str| vec![s.trim_end_matches("招商小分队").trim_end_matches("小分队").to_string()];
        resolve(value, &entries, &variants).map(str::to_string).ok_or_else(|| unknown(problems::RefKind::Squad, value, &entries))
    }
}

fn bad_choice(value: &str, allowed: &[&str]) -> Problem {
    Problem {
        code: "bad-choice",
        message: Text::new(format!("不能写 “{value}”"), format!("cannot be `{value}`")),
        help: Text::new(format!("只能写：{}", allowed.join("、")), format!("allowed: {}", allowed.join(", "))),
    }
}

/// One of `allowed`, also when written inside a longer phrase (`正式合同` → 合同).
fn choice(value: &str, allowed: &[&str]) -> Result<String, Problem> {
    let hits: Vec<&&str> = allowed.iter().filter(|a| value.contains(**a)).collect();
    match hits[..] {
        [one] => Ok(one.to_string()),
        _ => Err(bad_choice(value, allowed)),
    }
}

fn method(value: &str) -> Result<Method, Problem> {
    let v = tidy(value);
    Method::ALL
        .into_iter()
        .find(|m| m.zh() == v || format!("{v}招商") == m.zh())
        .ok_or_else(|| bad_choice(value, &Method::ALL.map(|m| m.zh())))
}

fn tags(value: &str) -> Result<Vec<String>, Problem> {
    let mut out = Vec::new();
    for tag in value.split(['、', ',', '，', ';', '；', '/', ' ', '\n']).map(str::trim).filter(|t| !t.is_empty()) {
        match TAGS.iter().find(|(name, _)| *name == tag) {
            Some((_, t)) => out.push(t.to_string()),
            None => return Err(bad_choice(tag, &TAGS.iter().map(|(n, _)| *n).collect::<Vec<_>>())),
        }
    }
    Ok(out)
}

// ---- where the investor comes from -------------------------------------------------------------

#[derive(Default)]
struct Place {
    province: Option<String>,
    city: Option<String>,
    country: Option<String>,
}

impl Place {
    fn is_empty(&self) -> bool {
        self.province.is_none() && self.city.is_none() && self.country.is_none()
    }
}

/// China's provinces by full name, as the content writes them.
const PROVINCES: &[&str] = &[
    "北京市",
    "天津市",
    "上海市",
    "重庆市",
    "河北省",
    "山西省",
    "辽宁省",
    "吉林省",
    "黑龙江省",
    "江苏省",
    "浙江省",
    "安徽省",
    "福建省",
    "江西省",
    "山东省",
    "河南省",
    "湖北省",
    "湖南省",
    "广东省",
    "海南省",
    "四川省",
    "贵州省",
    "云南省",
    "陕西省",
    "甘肃省",
    "青海省",
    "内蒙古自治区",
    "广西壮族自治区",
    "西藏自治区",
    "宁夏回族自治区",
    "新疆维吾尔自治区",
];

/// 香港, 澳门 and 台湾 are recorded as 境外 (`origin.country`), as the sample content does.
const REGIONS: &[&str] = &["香港", "澳门", "台湾"];

/// The short name of a province: 浙江省 → 浙江, 广西壮族自治区 → 广西.
fn short(province: &str) -> &str {
    ["壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "省", "市"]
        .iter()
        .find_map(|s| province.strip_suffix(s))
        .unwrap_or(province)
}

/// A province column: `浙江` or `浙江省` → `浙江省`; 香港 etc. → `Err(country)`.
fn province(value: &str) -> Result<String, String> {
    let v = tidy(value);
    if let Some(region) = REGIONS.iter().find(|r| v.starts_with(**r)) {
        return Err(region.to_string());
    }
    Ok(PROVINCES.iter().find(|p| **p == v || short(p) == v).map_or(v, |p| p.to_string()))
}

/// A 投资方来源 cell: `浙江省杭州市` → 浙江省 + 杭州市; `浙江杭州` → 浙江省 + 杭州; `香港`,
/// `新加坡`, `境外·新加坡` → country; `深圳市` → city only.
fn parse_origin(value: &str) -> Place {
    let v = tidy(value);
    let v = v.trim_start_matches("境外").trim_start_matches(['·', ':', '：', '-', '/']).to_string();
    let rest = |s: &str| Some(s.trim_start_matches(['·', '/', '-', '、', ',', '，']).to_string()).filter(|s| !s.is_empty());
    if let Some(region) = REGIONS.iter().find(|r| v.starts_with(**r)) {
        return Place { country: Some(region.to_string()), ..Place::default() };
    }
    for p in PROVINCES {
        for prefix in [*p, short(p)] {
            if let Some(tail) = v.strip_prefix(prefix) {
                return Place { province: Some(p.to_string()), city: rest(tail), country: None };
            }
        }
    }
    if v.ends_with(['市', '县', '区', '州', '盟']) {
        return Place { city: Some(v), ..Place::default() };
    }
    Place { country: Some(v), ..Place::default() }
}

#[cfg(test)]
mod tests {
    use super::*;

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
