//! `bulletin build`: content → figures → pages → the output folder, swapped in whole.

use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};

use crate::cli::BuildArgs;
use crate::render::{Page, Reload};
use crate::site::{self, BuildError};
use crate::write;

pub fn run(args: &BuildArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    // Progress only on a terminal: quiet in CI and when piped.
    let tty = std::io::stderr().is_terminal();
    let bar = if tty { ProgressBar::new_spinner() } else { ProgressBar::hidden() };
    bar.set_style(ProgressStyle::with_template("{spinner} {msg} {pos} 页").expect("valid template"));
    bar.set_message("正在生成");
    write::check_out(&args.out, &args.content)?;
    // Pages go straight into a folder beside the output, swapped in only if all succeed.
    let staging = write::Staging::begin(&args.out)?;
    let emit = |page: Page| {
        staging.put(&page)?;
        bar.inc(1);
        Ok(())
    };
    let built = match site::build_with(&args.content, args.month, Reload::Off, args.pdf, &emit) {
        Ok(built) => built,
        Err(BuildError::Content(loaded)) => {
            bar.finish_and_clear();
            super::report_errors(&loaded)?;
            eprintln!("没有生成网站：{} 保持不变。", args.out.display());
            return Ok(ExitCode::from(1));
        }
        Err(BuildError::Month(problem)) => {
            bar.finish_and_clear();
            super::report_problem(&problem)?;
            eprintln!("没有生成网站：{} 保持不变。", args.out.display());
            return Ok(ExitCode::from(1));
        }
        Err(e) => {
            bar.finish_and_clear();
            return Err(e.into());
        }
    };
    // The bulletins as PDF, printed from the pages just written, before the site is swapped in.
    if !built.pdfs.is_empty() {
        bar.set_message("正在打印 PDF");
        let printer = match crate::output::pdf::find_browser(built.content.site.print.browser.as_deref())
            .and_then(crate::output::pdf::Printer::start)
        {
            Ok(printer) => printer,
            Err(e) => {
                bar.finish_and_clear();
                eprintln!("{e}");
                eprintln!(
                    "没有生成网站：{} 保持不变。（不要 PDF 时，去掉 --pdf 或 site.yaml 的 print.pdf。）",
                    args.out.display()
                );
                return Ok(ExitCode::from(1));
            }
        };
        for month in &built.pdfs {
            let page = staging.path().join(crate::paths::bulletin(*month));
            let bytes = printer.print(&page, false)?;
            staging.put(&Page { path: crate::paths::bulletin_pdf(*month), bytes })?;
            bar.inc(1);
        }
    }
    staging.commit()?;
    bar.finish_and_clear();
    if tty {
        eprintln!(
            "已生成 {} 个文件到 {}（截至 {}，用时 {} 毫秒）",
            built.files,
            args.out.display(),
            built.month.last_day(),
            started.elapsed().as_millis()
        );
    }
    // What the change history lacks (no git, a shallow clone), once, with how to fix it.
    if let Some(notice) = built.archive.history.notice() {
        eprintln!("{notice}");
    }
    // The process ends here: freeing the content piece by piece (a city's ledger is millions
    // of small allocations) would only delay the exit.
    std::mem::forget(built.content);
    std::mem::forget(built.archive);
    Ok(ExitCode::SUCCESS)
}
