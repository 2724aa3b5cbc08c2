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
    let out = args.out_dir();
    // Progress only on a terminal: quiet in CI and when piped.
    let tty = std::io::stderr().is_terminal();
    let bar = if tty { ProgressBar::new_spinner() } else { ProgressBar::hidden() };
    bar.set_style(ProgressStyle::with_template("{spinner} {msg} {pos} 个文件").expect("valid template"));
    bar.set_message("正在生成");
    write::check_out(&out, &args.content)?;
    // Pages go straight into a folder beside the output, swapped in only if all succeed.
    let staging = write::Staging::begin(&out)?;
    let html_pages = std::sync::atomic::AtomicUsize::new(0);
    let emit = |page: Page| {
        staging.put(&page)?;
        if page.path.ends_with(".html") {
            html_pages.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        bar.inc(1);
        Ok(())
    };
    let built = match site::build_with(&args.content, args.month, Reload::Off, args.pdf, &emit) {
        Ok(built) => built,
        Err(BuildError::Content(loaded)) => {
            bar.finish_and_clear();
            super::report_errors(&loaded)?;
            eprintln!("没有生成网站：{} 保持不变。", out.display());
            return Ok(ExitCode::from(1));
        }
        Err(BuildError::Month(problem)) => {
            bar.finish_and_clear();
            super::report_problem(&problem)?;
            eprintln!("没有生成网站：{} 保持不变。", out.display());
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
                eprintln!("没有生成网站：{} 保持不变。（不要 PDF 时，去掉 --pdf 或 site.yaml 的 print.pdf。）", out.display());
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
        // One line: what was made, where, and what to open.
        eprintln!(
            "已生成 {} 个页面（共 {} 个文件，截至 {}，用时 {:.1} 秒）。用浏览器打开 {} 即可查看。",
            html_pages.into_inner(),
            built.files,
            crate::figures::format::date_zh(built.month.last_day()),
            started.elapsed().as_secs_f64(),
            out.join(crate::paths::DASHBOARD).display(),
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
