//! Reading a workbook safely: its size bounded before it is unpacked, the sheet chosen.

use std::io::Cursor;

use calamine::{Data, Range, Reader};

use crate::excel::mapping::{HeaderRow, Mapping, find_header};

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
    /// The reader gave up with a panic: the workbook's inner structure is broken.
    #[error(
        "工作簿已损坏，无法读取（其内部结构不合规，例如单元格地址无效）。请在 Excel 或 WPS 中打开，另存为新的 .xlsx 文件后再导入 / the workbook is damaged and cannot be read; open it in Excel or WPS and save it as a new .xlsx"
    )]
    Damaged,
}

/// Every sheet of a workbook (.xlsx, .xlsm, .xlsb, .xls or .ods), by name, in workbook order.
/// Sheets of .xlsx and .xlsb are read cell by cell and refused when their values spread over
/// an absurd area, before any rectangle is made; .xls (at most 65 536 × 256 cells by format)
/// and .ods (capped by the reader) are read whole.
pub fn read_sheets(bytes: Vec<u8>) -> Result<Vec<(String, Range<Data>)>, WorkbookError> {
    // calamine parses bytes that come from anyone, and the fuzzer found workbooks on which it
    // panics (an overflowing cell reference): such a panic means a damaged workbook, not a
    // crash. Nothing is shared across the call, so unwinding out of it leaves nothing half-done.
    let read = QUIET_PANICS.with(|quiet| {
        quiet.set(true);
        let read = std::panic::catch_unwind(move || read_sheets_unguarded(bytes));
        quiet.set(false);
        read
    });
    read.unwrap_or(Err(WorkbookError::Damaged))
}

thread_local! {
    /// Set while a workbook is read, so that a reader's panic prints nothing (see [`quiet_reader_panics`]).
    static QUIET_PANICS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Installs a panic hook that stays silent for a panic inside [`read_sheets`] (it becomes a
/// plain "damaged workbook" error) and prints every other panic as before. Called once by `main`.
pub fn quiet_reader_panics() {
    let before = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !QUIET_PANICS.with(|quiet| quiet.get()) {
            before(info);
        }
    }));
}

fn read_sheets_unguarded(bytes: Vec<u8>) -> Result<Vec<(String, Range<Data>)>, WorkbookError> {
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
pub(super) fn bounded<'a>(
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
