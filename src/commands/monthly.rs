//! `bulletin import REPORT.xlsx --month YYYY-MM`: a monthly report (月报) merged into the
//! project files in place ([`excel::monthly`]).
//!
//! Prints every problem at once (each naming its cell), then per project what is added,
//! unchanged or in conflict; `--dry-run` prints the diff that would be written. Nothing is
//! written while any row has a problem or a conflict (unless `--partial`, which writes the
//! projects that have none; a conflict is replaced only with `--force`). A real run ends with
//! `check`'s verdict on the folder. Exit 0 when everything is in, 1 otherwise, 2 on bad usage.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;

use crate::cli::ImportArgs;
use crate::diagnostics::reporter::Reporter;
use crate::diagnostics::{Diagnostic, Lang, render};
use crate::excel::import::{self, WorkbookError};
use crate::excel::monthly::{self, NoReport, columns::MonthlyMapping, diff};
use crate::period::Month;
use crate::source::Sources;

pub fn run(args: &ImportArgs, month: Month) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    let mapping = match &args.mapping {
        None => MonthlyMapping::builtin(),
        Some(path) => {
            let text =
                std::fs::read_to_string(path).with_context(|| format!("cannot read the mapping file {}", path.display()))?;
            match MonthlyMapping::with_file(&path.display().to_string(), &text) {
                Ok(m) => m,
                Err((sources, diagnostics)) => {
                    Reporter::stdout(Lang::Zh).write(&mut out, &diagnostics, &sources)?;
                    anyhow::bail!("映射文件 {} 有错误（见上）/ the mapping file has errors", path.display());
                }
            }
        }
    };
    let Some((content, files)) = super::import::load_with_files(&args.content, "月报", &mut out)? else {
        return Ok(ExitCode::from(1));
    };
    let lang = super::site_lang(&content);
    let reporter = Reporter::stdout(lang);
    let t = |zh: &str, en: &str| if lang == Lang::En { en.to_string() } else { zh.to_string() };

    let bytes = super::import::read_workbook(&args.ledger)?;
    let sheets = match import::read_sheets(bytes) {
        Ok(sheets) => sheets,
        Err(e @ (WorkbookError::TooLarge { .. } | WorkbookError::Unpacked { .. } | WorkbookError::Damaged)) => {
            anyhow::bail!("{}: {e}", args.ledger.display())
        }
        Err(WorkbookError::Unreadable(e)) => {
            return Err(anyhow::Error::new(e).context(format!(
                "{} 不是能读取的 Excel 文件（.xlsx、.xls 或 .ods）/ cannot read it as a workbook",
                args.ledger.display()
            )));
        }
    };
    let plan = match monthly::plan(&content, &files, &sheets, args.sheet.as_deref(), &mapping, month, args.force) {
        Ok(plan) => plan,
        Err(NoReport::NoSuchSheet { wanted, available }) => {
            anyhow::bail!("工作簿里没有名为“{wanted}”的工作表，现有的是：{}（no sheet named “{wanted}”）", available.join("、"))
        }
        Err(NoReport::NoHeader) => {
            writeln!(
                out,
                "{}",
                t(
                    "没有导入：工作簿里找不到月报的表头（需要有“项目编号”或“项目名称”，以及“本月到位资金”“开工日期”“存在问题”等列）。\n\
                     表头写法不同时，用 --mapping 映射文件指定每一列对应的字段（见 docs/excel.md）；\
                     空白月报可用 bulletin export --template monthly --month 年-月 生成。",
                    "nothing imported: no monthly report header found (use --mapping, or export the blank report)",
                )
            )?;
            return Ok(ExitCode::from(1));
        }
    };

    let ledger_name =
        args.ledger.file_name().map_or_else(|| args.ledger.display().to_string(), |n| n.to_string_lossy().into_owned());
    for (sheet, rows) in &plan.report.sheets {
        let line = if lang == Lang::En {
            format!("{ledger_name}, sheet “{sheet}”: {rows} row(s) for {month}")
        } else {
            format!("读取 {ledger_name} 的工作表“{sheet}”：{rows} 行，统计月份 {month}")
        };
        writeln!(out, "{}", render::printable(&line))?;
    }
    for note in &plan.report.notes {
        writeln!(out, "{}{}", t("注意：", "note: "), render::printable(note.get(lang)))?;
    }
    writeln!(out)?;

    // Every problem at once: rows first, then each file's conflicts and problems.
    let empty = Sources::default();
    let mut problems: Vec<Diagnostic> = plan.report.problems.clone();
    for f in &plan.files {
        problems.extend(f.problems.iter().cloned());
        if !args.force {
            problems.extend(f.conflicts.iter().cloned());
        }
    }
    reporter.write(&mut out, &problems, &empty)?;
    let blocked = !problems.is_empty();
    let write_any = !blocked || args.partial;

    // What happens to each project.
    let mut written = Vec::new();
    let (mut changed, mut same, mut held) = (0, 0, 0);
    let sep = t("；", "; ");
    for f in &plan.files {
        let who = format!("{}  {}", f.id, f.name);
        let fine = f.problems.is_empty() && (f.conflicts.is_empty() || args.force);
        if !f.changed() && fine {
            same += 1;
            if args.dry_run {
                writeln!(out, "{}", render::printable(&format!("{who}  {}", t("无变化", "unchanged"))))?;
            }
            continue;
        }
        if !fine || !write_any {
            held += 1;
            let why = if fine {
                t("其他行有问题，没有写入（改正后重新导入，或加 --partial）", "not written: other rows have problems")
            } else {
                t("有问题或冲突（见上），没有写入", "not written: problems or conflicts above")
            };
            writeln!(out, "{}", render::printable(&format!("{who}  {why}")))?;
            continue;
        }
        changed += 1;
        let list: Vec<&str> = f.changes.iter().map(|c| c.get(lang)).collect();
        let verb = if args.dry_run { t("将写入", "would write") } else { t("已写入", "written") };
        writeln!(out, "{}", render::printable(&format!("{who}  {verb} {}：{}", f.path, list.join(&sep))))?;
        for m in &f.corrected {
            writeln!(
                out,
                "    {}",
                t(
                    &format!("更正已印发的 {m} 简报数据：请在 corrections/ 写更正说明（见 docs/workflow.md）"),
                    &format!("corrects the issued bulletin of {m}: write a note in corrections/"),
                )
            )?;
        }
        if args.dry_run {
            for line in diff::unified(&f.path, &f.before, &f.after).lines() {
                writeln!(out, "    {}", render::printable(line))?;
            }
        } else {
            written.push((f.path.clone(), f.after.clone()));
        }
    }
    for (path, text) in &written {
        super::import::write_inside(&args.content, path, text)?;
    }

    let bad = plan.report.problems.len();
    writeln!(out)?;
    if lang == Lang::En {
        writeln!(
            out,
            "{}{changed} project file(s) changed, {same} unchanged, {held} not written, {bad} problem(s) in rows.",
            if args.dry_run { "dry run, nothing written: " } else { "" }
        )?;
    } else if args.dry_run {
        writeln!(
            out,
            "试运行，没有写入任何文件。将改动 {changed} 个项目文件，无变化 {same} 个，不能写入 {held} 个，表格中有问题 {bad} 处。"
        )?;
    } else {
        writeln!(out, "改动 {changed} 个项目文件，无变化 {same} 个，没有写入 {held} 个，表格中有问题 {bad} 处。")?;
    }
    if blocked && !args.partial && !args.dry_run {
        writeln!(
            out,
            "{}",
            t(
                "没有写入任何文件：请先改正上面的问题（或加 --partial 只写入没有问题的项目；冲突确需更正的加 --force）。",
                "nothing written: fix the problems above (or use --partial; --force for conflicts)."
            )
        )?;
    }
    if args.dry_run {
        return Ok(if blocked { ExitCode::from(1) } else { ExitCode::SUCCESS });
    }
    let check_ok = super::import::check_after(&mut out, &args.content, reporter)?;
    Ok(if blocked || held > 0 || !check_ok { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
