//! `bulletin check`: every problem in the content folder at once, then a summary line.

use std::io::Write;
use std::process::ExitCode;

use crate::cli::{CheckArgs, Format};

use crate::diagnostics::reporter::Reporter;
use crate::diagnostics::{Lang, render};
use crate::figures::warnings;
use crate::record;

pub fn run(args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let mut loaded = crate::rollup::load_any(&args.content)
        .map_err(|e| anyhow::anyhow!("cannot read the content folder {}: {e}", args.content.display()))?;
    if let Some(content) = &loaded.content
        && let Some(month) = args.month.or_else(|| content.latest_period())
    {
        // Warnings are judged as of a month the content can report on, else that is the error.
        match content.check_report_month(month) {
            Ok(()) => {
                loaded.diagnostics.extend(crate::render::clashes(content, &loaded.sources, month));
                loaded.diagnostics.extend(warnings::data_quality(content, month));
                loaded.diagnostics.extend(record::corrections_to_explain(content, &loaded.sources));
            }
            Err(problem) => loaded.diagnostics.extend([*problem]),
        }
        loaded.diagnostics.sort();
    }
    let lang = args.lang.map(Lang::from).or(loaded.content.as_ref().map(|c| c.site.locale.lang())).unwrap_or_default();
    let diags = &loaded.diagnostics;
    let errors = diags.errors().count();
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &render::json(&diags.0, &loaded.sources, lang))?;
            writeln!(out)?;
        }
        Format::Text => {
            let all: Vec<_> = diags.0.iter().collect();
            Reporter::stdout(lang).write_with_summary(&mut out, &all, &loaded.sources)?;
        }
    }
    Ok(if errors > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
