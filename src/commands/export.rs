//! `bulletin export`: a month's bulletin tables as an Excel workbook (导出表格).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use crate::cli::ExportArgs;
use crate::figures::annex::Annex;
use crate::figures::{self, format as fmt};
use crate::output::xlsx;
use crate::report::MonthTables;

pub fn run(args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let Some((content, _)) = super::load_or_report(&args.content)? else {
        eprintln!("没有导出：请先改正上面的错误。");
        return Ok(ExitCode::from(1));
    };
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
    let bytes = xlsx::workbook_of(&content, &snapshot, &tables).context("cannot make the workbook")?;
    let out = args.out.clone().unwrap_or_else(|| PathBuf::from(format!("招商引资简报-{month}.xlsx")));
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
    }
    // Write beside the target and rename, so an open or half-written file is never left behind.
    let tmp = out.with_extension("xlsx.tmp");
    std::fs::write(&tmp, &bytes).with_context(|| format!("cannot write {}", tmp.display()))?;
    if let Err(e) = std::fs::rename(&tmp, &out) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e).with_context(|| format!("cannot write {} (is it open in Excel?)", out.display()));
    }
    eprintln!("已导出 {} 的简报表格（{} 张工作表，截至 {}）：", fmt::period_text(month), tables.shown().len(), month.last_day());
    println!("{}", out.display());
    Ok(ExitCode::SUCCESS)
}
