//! `bulletin import LEDGER.xlsx`: a ledger sheet (台账) → `projects/<id>.yaml` (导入台账).
//!
//! Reads the content folder and the workbook, plans every row ([`excel::import::plan`]),
//! prints what happens to each row and every problem at once, writes the new files (and,
//! with `--force`, the changed ones), then checks the folder as `bulletin check` does.
//! Exit 0 when every row is in, 1 when a row has a problem or was not overwritten, 2 on
//! bad usage or I/O failure.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;

use crate::cli::ImportArgs;
use crate::content::{self, problems::field_label};
use crate::diagnostics::reporter::Reporter;
use crate::diagnostics::{Diagnostic, Lang, render};
use crate::excel::column_letters;
use crate::excel::import::{self, Outcome, Plan, SheetError, WorkbookError};
use crate::excel::mapping::{Field, Mapping};
use crate::figures::warnings;
use crate::source::Sources;

pub fn run(args: &ImportArgs) -> anyhow::Result<ExitCode> {
    if let Some(month) = args.month {
        return super::monthly::run(args, month);
    }
    let mut out = std::io::stdout().lock();

    let mapping = match &args.mapping {
        None => Mapping::builtin(),
        Some(path) => {
            let text =
                std::fs::read_to_string(path).with_context(|| format!("cannot read the mapping file {}", path.display()))?;
            match Mapping::with_file(&path.display().to_string(), &text) {
                Ok(m) => m,
                Err(e) => {
                    Reporter::stdout(Lang::Zh).write(&mut out, &e.diagnostics, &e.sources)?;
                    anyhow::bail!("映射文件 {} 有错误（见上）/ the mapping file has errors", path.display());
                }
            }
        }
    };

    let Some((content, files)) = load_with_files(&args.content, "台账", &mut out)? else { return Ok(ExitCode::from(1)) };
    let lang = super::site_lang(&content);
    let reporter = Reporter::stdout(lang);
    let t = |zh: &str, en: &str| if lang == Lang::En { en.to_string() } else { zh.to_string() };
    let colon = t("：", ": ");

    let bytes = read_workbook(&args.ledger)?;
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
    let (index, header) = match import::choose_sheet(&sheets, args.sheet.as_deref(), &mapping) {
        Ok(found) => found,
        Err(SheetError::NoSuchSheet { wanted, available }) => {
            anyhow::bail!("工作簿里没有名为“{wanted}”的工作表，现有的是：{}（no sheet named “{wanted}”）", available.join("、"))
        }
        Err(SheetError::NoHeader { sheet }) => {
            let sheet = render::printable(&sheet);
            writeln!(
                out,
                "{}",
                t(
                    &format!(
                        "没有导入：在工作表“{sheet}”的前 {} 行里找不到表头（需要有“项目名称”“签约日期”等列名）。\n\
                         表头写法不同时，用 --mapping 映射文件指定每一列对应的字段（见 docs/excel.md）；\
                         要读其他工作表，用 --sheet 工作表名。",
                        crate::excel::mapping::HEADER_SEARCH_ROWS
                    ),
                    &format!("nothing imported: no header row found in sheet “{sheet}” (use --mapping or --sheet)"),
                )
            )?;
            return Ok(ExitCode::from(1));
        }
    };
    let (sheet, range) = &sheets[index];
    let ledger_name =
        args.ledger.file_name().map_or_else(|| args.ledger.display().to_string(), |n| n.to_string_lossy().into_owned());
    let plan = import::plan(&content, &files, sheet, range, &header, &ledger_name);

    // Sheet names and headers come from the workbook: shown with control characters made visible.
    let mut header = Vec::new();
    print_header(&mut header, &plan, &ledger_name, lang)?;
    for line in String::from_utf8_lossy(&header).lines() {
        writeln!(out, "{}", render::printable(line))?;
    }
    let empty = Sources::default();
    reporter.write(&mut out, &plan.problems, &empty)?;
    if !plan.problems.is_empty() {
        writeln!(out, "{}", t("没有导入：请先改正上面的问题。", "nothing imported: fix the problems above first."))?;
        return Ok(ExitCode::from(1));
    }
    for row in &plan.rows {
        if let Outcome::Skipped { problems } = &row.outcome {
            reporter.write(&mut out, problems, &empty)?;
        }
    }

    // What happens to each row.
    let mut written = Vec::new();
    let (mut new, mut changed, mut same, mut blocked) = (0, 0, 0, 0);
    for row in &plan.rows {
        let who = format!("{}  {}", row.id.as_deref().unwrap_or("—"), row.name.as_deref().unwrap_or(""));
        let line = match &row.outcome {
            Outcome::New { path, text } => {
                new += 1;
                if !args.dry_run {
                    written.push((path.clone(), text.clone()));
                }
                let verb = if args.dry_run { t("将新建", "would create") } else { t("新建", "created") };
                format!("{verb} {path}")
            }
            Outcome::Unchanged { path } => {
                same += 1;
                t("无变化", "unchanged") + &format!(" {path}")
            }
            Outcome::Changed { path, text, changes } => {
                let list = changes
                    .iter()
                    .map(|c| {
                        let last = c.key.rsplit('.').next().unwrap_or(c.key);
                        let label = field_label(last)
                            .filter(|_| lang == Lang::Zh)
                            .map_or(c.key.to_string(), |l| format!("{l}（{}）", c.key));
                        let none = t("空", "empty");
                        format!("{label} {} → {}", c.before.as_deref().unwrap_or(&none), c.after.as_deref().unwrap_or(&none))
                    })
                    .collect::<Vec<_>>()
                    .join(&t("；", "; "));
                if args.force {
                    changed += 1;
                    if !args.dry_run {
                        written.push((path.clone(), text.clone()));
                    }
                    let verb = if args.dry_run { t("将覆盖", "would overwrite") } else { t("已覆盖", "overwritten") };
                    format!("{verb} {path}{colon}{list}")
                } else {
                    blocked += 1;
                    let verb = if args.dry_run {
                        t("已存在且内容不同，将覆盖（需加 --force）", "exists with other values; would overwrite with --force")
                    } else {
                        t(
                            "已存在且内容不同，没有覆盖（要覆盖请加 --force）",
                            "exists with other values; not overwritten (use --force)",
                        )
                    };
                    format!("{verb} {path}{colon}{list}")
                }
            }
            Outcome::Skipped { problems } => match &problems[..] {
                [one] => format!("{}{colon}{}", t("跳过", "skipped"), one.message.get(lang)),
                _ => format!("{}{colon}{} {}", t("跳过", "skipped"), problems.len(), t("个问题（见上）", "problems, see above")),
            },
        };
        let at = if lang == Lang::En { format!("row {:>3}", row.row) } else { format!("第 {:>3} 行", row.row) };
        // Names and values come from the workbook: shown with control characters made visible.
        writeln!(out, "{}", render::printable(&format!("{at}  {who}  {line}")))?;
        // How the row found its project matters only when something is written.
        for note in row.notes.iter().filter(|_| !matches!(row.outcome, Outcome::Unchanged { .. })) {
            writeln!(out, "          {}", render::printable(note.get(lang)))?;
        }
    }

    for (path, text) in &written {
        write_inside(&args.content, path, text)?;
    }

    let bad = plan.bad_rows();
    writeln!(out)?;
    if lang == Lang::En {
        writeln!(
            out,
            "{}{new} new, {changed} overwritten, {same} unchanged, {blocked} not overwritten (exist with other values), {bad} skipped with problems.",
            if args.dry_run { "dry run, nothing written: " } else { "" }
        )?;
    } else if args.dry_run {
        writeln!(
            out,
            "试运行，没有写入任何文件。将新建 {new} 个，将覆盖 {changed} 个，无变化 {same} 个，内容不同、需加 --force 才覆盖 {blocked} 个，有问题跳过 {bad} 行。"
        )?;
    } else {
        writeln!(
            out,
            "新建 {new} 个，覆盖 {changed} 个，无变化 {same} 个，内容不同未覆盖 {blocked} 个（加 --force 覆盖），有问题跳过 {bad} 行。"
        )?;
    }
    if args.dry_run {
        return Ok(if bad > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS });
    }

    let check_ok = check_after(&mut out, &args.content, reporter)?;
    Ok(if bad > 0 || blocked > 0 || !check_ok { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Writes `text` to `rel` inside the content folder, all or nothing, refusing any path that
/// would end outside it: `..`, an absolute path, or a symbolic link on the way (a
/// `projects/X.yaml` or `projects/` that links elsewhere is never written through).
/// Every content file that could be read, by path, as bytes.
type RawFiles = Vec<(String, Vec<u8>)>;

/// The content folder loaded, with the bytes of every file that could be read (an import
/// compares its rows with them and edits them); `None` after printing its errors, when it has
/// any: nothing is imported into a folder that does not check (`what`: 台账 or 月报).
pub(super) fn load_with_files(
    dir: &Path,
    what: &str,
    out: &mut impl Write,
) -> anyhow::Result<Option<(content::Content, RawFiles)>> {
    if !dir.is_dir() {
        anyhow::bail!("the content folder {} does not exist", dir.display());
    }
    if crate::rollup::is_rollup(dir) {
        writeln!(
            out,
            "没有导入：{} 是汇总（市、省）文件夹，它的数据来自各成员自己的台账。请把{what}导入到成员县的内容文件夹（见 members.yaml）。",
            dir.display()
        )?;
        return Ok(None);
    }
    let read = content::load::read_folder(dir).with_context(|| format!("cannot read {}", dir.display()))?;
    // The loader reports files that could not be read (or are symbolic links) as problems.
    let files: RawFiles = read.iter().filter_map(|(p, b)| Some((p.clone(), b.as_ref().ok()?.clone()))).collect();
    let loaded = content::from_files(read);
    let Some(content) = loaded.content else {
        let errors: Vec<&Diagnostic> = loaded.diagnostics.errors().collect();
        Reporter::stdout(Lang::Zh).write_with_summary(out, &errors, &loaded.sources)?;
        writeln!(out, "没有导入：内容文件夹 {} 有错误，请先改正，再导入{what}。", dir.display())?;
        return Ok(None);
    };
    Ok(Some((content, files)))
}

pub(super) fn write_inside(content: &Path, rel: &str, text: &str) -> anyhow::Result<()> {
    let parts: Vec<&str> = rel.split('/').collect();
    let plain = parts.iter().all(|p| !p.is_empty() && *p != "." && *p != ".." && !p.contains(['\\', ':']));
    anyhow::ensure!(plain, "refusing to write {rel}: not a plain path inside the content folder");
    let root = std::fs::canonicalize(content).with_context(|| format!("cannot read {}", content.display()))?;
    let mut dir = root.clone();
    for part in &parts[..parts.len() - 1] {
        dir.push(part);
        match std::fs::symlink_metadata(&dir) {
            Ok(m) if m.file_type().is_symlink() => {
                anyhow::bail!(
                    "没有写入 {rel}：{} 是符号链接 / {} is a symbolic link; not writing through it",
                    dir.display(),
                    dir.display()
                )
            }
            Ok(_) => {}
            Err(_) => std::fs::create_dir(&dir).with_context(|| format!("cannot create {}", dir.display()))?,
        }
    }
    let file = dir.join(parts[parts.len() - 1]);
    anyhow::ensure!(file.starts_with(&root), "refusing to write {rel}: outside the content folder");
    crate::write::file_atomically(&file, text.as_bytes()).with_context(|| format!("cannot write {}", file.display()))
}

/// The largest workbook read: a ledger of ten thousand projects is a few megabytes.
const MAX_WORKBOOK_BYTES: u64 = 64 << 20;

/// The workbook's bytes, refusing a file too large to be a ledger before reading it.
pub(super) fn read_workbook(path: &Path) -> anyhow::Result<Vec<u8>> {
    let size = std::fs::metadata(path).with_context(|| format!("cannot read {}", path.display()))?.len();
    if size > MAX_WORKBOOK_BYTES {
        anyhow::bail!(
            "{} 有 {} MB，超过了 {} MB，不像是台账，没有读取 / the file is larger than a ledger can be",
            path.display(),
            size >> 20,
            MAX_WORKBOOK_BYTES >> 20
        );
    }
    std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))
}

/// Which sheet, where the header is, which column is which.
fn print_header(out: &mut impl Write, plan: &Plan, ledger: &str, lang: Lang) -> std::io::Result<()> {
    let h = &plan.header;
    let rows: Vec<String> = h.rows.iter().map(|r| (r + 1).to_string()).collect();
    if lang == Lang::En {
        writeln!(out, "{ledger}, sheet “{}”: header in row {}, {} data row(s).", plan.sheet, rows.join("–"), plan.rows.len())?;
    } else {
        writeln!(
            out,
            "读取 {ledger} 的工作表“{}”：表头在第 {} 行，数据从第 {} 行起，共 {} 行项目。",
            plan.sheet,
            rows.join("—"),
            h.data_start + 1,
            plan.rows.len()
        )?;
    }
    let used: Vec<String> = h
        .columns
        .iter()
        .map(|c| {
            let unit = if c.scale == rust_decimal::Decimal::ONE || c.field == Field::Ignore {
                String::new()
            } else {
                format!(" ×{}", c.scale.normalize())
            };
            format!("{} {} → {}{unit}", column_letters(c.col), c.header, c.field.key())
        })
        .collect();
    let comma = if lang == Lang::En { ", " } else { "，" };
    writeln!(out, "{}{}", if lang == Lang::En { "columns: " } else { "读取的列：" }, used.join(comma))?;
    if !h.unused.is_empty() {
        let unused: Vec<String> = h.unused.iter().map(|(col, text)| format!("{} {text}", column_letters(*col))).collect();
        if lang == Lang::En {
            writeln!(out, "not imported (unknown headers): {}", unused.join(", "))?;
        } else {
            writeln!(out, "未导入的列（表头不认识）：{}。需要导入的，用 --mapping 指定字段", unused.join("，"))?;
        }
    }
    for note in &plan.notes {
        writeln!(out, "{}{}", if lang == Lang::En { "note: " } else { "注意：" }, note.get(lang))?;
    }
    writeln!(out)
}

/// Loads the folder again and reports as `bulletin check` does; `true` when it has no error.
pub(super) fn check_after(out: &mut impl Write, dir: &Path, reporter: Reporter) -> anyhow::Result<bool> {
    let lang = reporter.lang;
    let mut loaded = content::load(dir).with_context(|| format!("cannot read the content folder {}", dir.display()))?;
    if let Some(c) = &loaded.content
        && let Some(month) = c.latest_period()
    {
        loaded.diagnostics.extend(warnings::data_quality(c, month));
    }
    let errors: Vec<&Diagnostic> = loaded.diagnostics.errors().collect();
    let warnings = loaded.diagnostics.warnings().count();
    reporter.write(out, errors.iter().copied(), &loaded.sources)?;
    match (errors.len(), lang) {
        (0, Lang::Zh) if warnings == 0 => writeln!(out, "导入后检查 {}：通过，没有发现问题。", dir.display())?,
        (0, Lang::Zh) => writeln!(
            out,
            "导入后检查 {}：通过，没有错误；有 {warnings} 条数据质量提醒，运行 bulletin check 查看。",
            dir.display()
        )?,
        (0, Lang::En) => writeln!(out, "check after import: no errors, {warnings} warning(s) (run bulletin check).")?,
        (n, _) => writeln!(out, "{}", render::summary(n, warnings, lang))?,
    }
    Ok(errors.is_empty())
}
