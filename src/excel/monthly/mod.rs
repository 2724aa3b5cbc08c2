//! A monthly report (月报) in: the money each project received this month (到位资金, by
//! origin and use), FDI, milestones reached and problems raised or resolved, merged into the
//! project files in place.
//!
//! - [`columns`]: which column holds what (built in, or a mapping file), the header found.
//! - [`read`]: each sheet's rows → what each project reported, every problem named by its
//!   cell (unknown or near-miss projects, a 合计 row that does not add up, bad amounts, dates
//!   outside the month). Three shapes read alike: one row per project (one amount, or a
//!   column per origin or use), one row per money entry, a column per month (1月…12月).
//! - [`merge`]: what that does to each file — entries added with [`crate::content::edit`],
//!   months already recorded compared (unchanged, or a conflict replaced only when forced) —
//!   and each changed file checked with the folder.
//! - [`template`]: the blank report a unit fills in.
//! - [`diff`]: the lines a change adds and removes, for `--dry-run`.

pub mod columns;
pub mod diff;
pub mod merge;
pub mod read;
pub mod template;

use calamine::{Data, Range};

use crate::content::model::Content;
use crate::diagnostics::{Diagnostic, Text};
use crate::period::Month;
use columns::{MonthlyMapping, find_header};
use merge::FilePlan;
use read::Report;

/// What importing a report would do.
#[derive(Debug)]
pub struct Plan {
    pub report: Report,
    pub files: Vec<FilePlan>,
}

/// Why no sheet of a workbook can be read as a monthly report.
#[derive(Debug, PartialEq, Eq)]
pub enum NoReport {
    NoSuchSheet { wanted: String, available: Vec<String> },
    NoHeader,
}

/// Reads every sheet with a monthly report header (or only `sheet`) and plans the merge.
pub fn plan(
    content: &Content,
    files: &[(String, Vec<u8>)],
    sheets: &[(String, Range<Data>)],
    wanted: Option<&str>,
    mapping: &MonthlyMapping,
    month: Month,
    force: bool,
) -> Result<Plan, NoReport> {
    let chosen: Vec<&(String, Range<Data>)> = match wanted {
        Some(w) => match sheets.iter().find(|(n, _)| n.trim() == w.trim()) {
            Some(s) => vec![s],
            None => {
                return Err(NoReport::NoSuchSheet {
                    wanted: w.to_string(),
                    available: sheets.iter().map(|(n, _)| n.clone()).collect(),
                });
            }
        },
        None => sheets.iter().collect(),
    };
    let mut report = Report::default();
    for (name, range) in chosen {
        if let Some(header) = find_header(range, mapping) {
            read::read_sheet(content, month, name, range, &header, &mut report);
        }
    }
    if report.sheets.is_empty() && report.problems.is_empty() {
        return Err(NoReport::NoHeader);
    }
    same_money_twice(&mut report);
    let files = merge::merge(content, files, &report, force);
    Ok(Plan { report, files })
}

/// A project's money for a month on two sheets (a summary sheet beside a detail sheet) would be
/// counted twice: reported, and the project left out.
fn same_money_twice(report: &mut Report) {
    let mut found = Vec::new();
    for (id, pr) in report.projects.iter_mut() {
        for ((fdi, month), cells) in &pr.cells {
            let sheet = |c: &String| c.rsplit_once('!').map_or(c.clone(), |(s, _)| s.to_string());
            let mut sheets: Vec<String> = cells.iter().map(sheet).collect();
            sheets.dedup();
            if sheets.len() > 1 {
                pr.bad = true;
                let what = if *fdi { "外资到位" } else { "到位资金" };
                found.push(
                    Diagnostic::error(
                        "conflict",
                        Text::new(
                            format!(
                                "{}：项目 {id} 的 {month} {what}在 {} 张工作表里都有，会重复计算",
                                cells.join("、"),
                                sheets.len()
                            ),
                            format!(
                                "{}: {id}'s {month} money is on {} sheets and would count twice",
                                cells.join(", "),
                                sheets.len()
                            ),
                        ),
                    )
                    .help(Text::new(
                        "一个项目的资金只写在一张表里；工作簿里有汇总表和明细表时，用 --sheet 只读其中一张",
                        "keep a project's money on one sheet, or read one sheet with --sheet",
                    )),
                );
            }
        }
    }
    report.problems.extend(found);
}
