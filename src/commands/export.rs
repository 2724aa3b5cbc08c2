//! `bulletin export`: a month's bulletin tables as an Excel workbook (导出表格), or the
//! bulletin itself as PDF (printed from its page by the system's Chromium) or as Word.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;

use crate::cli::{ExportArgs, ExportFormat, Template};
use crate::content::model::{Content, UnitIx};
use crate::figures::annex::Annex;
use crate::figures::{self, format as fmt};
use crate::output::{docx, pdf, xlsx};
use crate::record::git::History;
use crate::report::MonthTables;

pub fn run(args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let Some((content, _)) = super::load_or_report(&args.content)? else {
        eprintln!("没有导出：请先改正上面的错误。");
        return Ok(ExitCode::from(1));
    };
    if args.template == Some(Template::Monthly) {
        return monthly_template(args, &content);
    }
    let Some(month) = args.month.or_else(|| content.latest_period()) else {
        anyhow::bail!("there is no briefing yet, so no month to export: pass --month YYYY-MM");
    };
    if let Err(problem) = content.check_report_month(month) {
        super::report_problem(&problem)?;
        eprintln!("没有导出。");
        return Ok(ExitCode::from(1));
    }
    // An issued month's workbook holds its tables as issued, like its page on the site.
    let (records, _) = crate::record::issued::records(&content, None);
    let (snapshot, tables) = match records.get(&month) {
        Some(record) => {
            let tables =
                MonthTables::from_tables(month, record.tables.iter().map(crate::record::frozen::FrozenTable::table).collect());
            (record.snapshot.clone(), tables)
        }
        None => {
            let snapshot = figures::snapshot(&content, month);
            let tables = MonthTables::of(&content, &snapshot, &Annex::of(&content, month));
            (snapshot, tables)
        }
    };
    let out = args.out.clone().unwrap_or_else(|| PathBuf::from(format!("招商引资简报-{month}.{}", args.format.extension())));
    let bytes = match args.format {
        ExportFormat::Xlsx => xlsx::workbook_of(&content, &snapshot, &tables).context("cannot make the workbook")?,
        ExportFormat::Docx => {
            let record = records.get(&month);
            let mut source = match record {
                Some(record) => docx::Source::issued(&content, record, &tables),
                None => {
                    let Some(briefing) = content.briefings.iter().find(|b| b.period == month) else {
                        eprintln!(
                            "{month} 没有简报（briefings/{month}.md），没有导出 Word 文件。\n  修改方法：先写这个月的简报（bulletin new briefing --month {month}）。"
                        );
                        return Ok(ExitCode::from(1));
                    };
                    let archive = crate::record::Archive::new(&content, records.clone(), History::read_shared(&args.content));
                    let changes = crate::record::changelog::of(&content, month, &archive, None);
                    docx::Source::draft(&content, briefing, &snapshot, &tables, changes)
                }
            };
            source.annexes |= args.annexes;
            docx::document(&content, &source)?
        }
        ExportFormat::Pdf => match pdf_of(args, &content, month)? {
            Some(bytes) => bytes,
            None => return Ok(ExitCode::from(1)),
        },
    };
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
    }
    // Write beside the target and rename, so an open or half-written file is never left behind.
    let tmp = out.with_extension(format!("{}.tmp", args.format.extension()));
    std::fs::write(&tmp, &bytes).with_context(|| format!("cannot write {}", tmp.display()))?;
    if let Err(e) = std::fs::rename(&tmp, &out) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e).with_context(|| format!("cannot write {} (is it open?)", out.display()));
    }
    match args.format {
        ExportFormat::Xlsx => eprintln!(
            "已导出 {} 的简报表格（{} 张工作表，截至 {}）：",
            fmt::period_text(month),
            tables.shown().len(),
            month.last_day()
        ),
        ExportFormat::Pdf => eprintln!("已导出 {} 的简报（PDF）：", fmt::period_text(month)),
        ExportFormat::Docx => eprintln!("已导出 {} 的简报（Word）：", fmt::period_text(month)),
    }
    println!("{}", out.display());
    Ok(ExitCode::SUCCESS)
}

/// The bulletin of `month` printed to PDF: the site is built as of `month` into a temporary
/// folder (the page with its theme, exactly as `build` writes it; an issued month's from its
/// record) and its page printed. `None` when no browser was found (the message says what to install).
fn pdf_of(args: &ExportArgs, content: &crate::content::Content, month: crate::period::Month) -> anyhow::Result<Option<Vec<u8>>> {
    let browser = match pdf::find_browser(content.site.print.browser.as_deref()) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{e}");
            eprintln!("没有导出。");
            return Ok(None);
        }
    };
    let dir = tempfile_dir()?;
    let result = (|| -> anyhow::Result<Vec<u8>> {
        let root = dir.clone();
        let emit = |page: crate::render::Page| -> Result<(), crate::site::BuildError> {
            let path = root.join(&page.path);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)
                    .map_err(|e| crate::write::WriteError::Io { path: path.display().to_string(), error: e })?;
            }
            std::fs::write(&path, &page.bytes)
                .map_err(|e| crate::write::WriteError::Io { path: path.display().to_string(), error: e })?;
            Ok(())
        };
        crate::site::build(&args.content, Some(month), crate::render::Reload::Off, &emit)
            .map_err(|e| anyhow::anyhow!("cannot build the page to print: {e}"))?;
        let printer = pdf::Printer::start(browser)?;
        Ok(printer.print(&dir.join(crate::paths::bulletin(month)), args.annexes)?)
    })();
    let _ = std::fs::remove_dir_all(&dir);
    result.map(Some)
}

/// A new empty folder under the system's temporary folder.
fn tempfile_dir() -> anyhow::Result<PathBuf> {
    let base = std::env::temp_dir();
    for i in 0..100u32 {
        let dir = base.join(format!("bulletin-print-{}-{i}", std::process::id()));
        if std::fs::create_dir(&dir).is_ok() {
            return Ok(dir);
        }
    }
    anyhow::bail!("cannot make a temporary folder in {}", base.display())
}

/// Writes beside the target and renames, so an open or half-written file is never left behind.
fn write_workbook(out: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
    }
    let tmp = out.with_extension("xlsx.tmp");
    std::fs::write(&tmp, bytes).with_context(|| format!("cannot write {}", tmp.display()))?;
    if let Err(e) = std::fs::rename(&tmp, out) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e).with_context(|| format!("cannot write {} (is it open in Excel?)", out.display()));
    }
    Ok(())
}

/// `--template monthly`: the blank monthly report (月报) for a unit's projects.
fn monthly_template(args: &ExportArgs, content: &Content) -> anyhow::Result<ExitCode> {
    let Some(month) = args.month else {
        anyhow::bail!("空白月报要写明月份：--month 年-月（如 --month 2026-10）/ pass --month YYYY-MM");
    };
    let unit = match &args.unit {
        None => None,
        Some(wanted) => {
            let w: String = wanted.chars().filter(|c| !c.is_whitespace()).collect();
            let found = content.units.iter().position(|u| u.id == w || u.name == w || u.name == format!("县{w}"));
            match found {
                Some(i) => Some(UnitIx(i as u32)),
                None => {
                    let names: Vec<&str> = content.units.iter().map(|u| u.name.as_str()).collect();
                    let hint = crate::content::closest::closest(&w, names.iter().copied())
                        .map(|c| format!("是不是 “{c}”？"))
                        .unwrap_or_default();
                    anyhow::bail!(
                        "没有单位 “{wanted}”。{hint}单位写 units.yaml 里的编号或名称：{} / no such unit",
                        names.join("、")
                    );
                }
            }
        }
    };
    let bytes = crate::excel::monthly::template::workbook(content, unit, month).context("cannot make the workbook")?;
    let listed = crate::excel::monthly::template::projects_of(content, unit, month).len();
    let unit_id = unit.map(|u| format!("-{}", content.unit(u).id)).unwrap_or_default();
    let out = args.out.clone().unwrap_or_else(|| PathBuf::from(format!("月报-{month}{unit_id}.xlsx")));
    write_workbook(&out, &bytes)?;
    eprintln!("已导出 {month} 的空白月报（{listed} 个项目），填好后用 bulletin import 文件 --month {month} 导入：");
    println!("{}", out.display());
    Ok(ExitCode::SUCCESS)
}
