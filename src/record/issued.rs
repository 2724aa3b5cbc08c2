//! The record of an issued bulletin (`issued/<YYYY-MM>.json`, written by `bulletin issue` and
//! committed with the data): everything the issued page shows, as it showed it — the text, the
//! briefing with its live figures filled in, the tables cell by cell, the change log, and the
//! snapshot its charts and `data/issued/<YYYY-MM>.json` are made from. An issued month's page
//! is built from its record alone, so it never changes; comparing the record with the figures
//! computed now finds the corrections to announce.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::frozen::FrozenTable;
use crate::content::Content;
use crate::content::model::IssuedFile;
use crate::content::problems;
use crate::diagnostics::Diagnostic;
use crate::figures::Snapshot;
use crate::period::Month;
use crate::report::text::{BulletinText, ChangeLog};
use crate::source::Span;

/// The form of the record; a record of another form is refused, not misread.
pub const SCHEMA: u32 = 1;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Record {
    pub schema: u32,
    pub month: Month,
    pub issue: u32,
    pub title: String,
    /// When `bulletin issue` wrote it (RFC 3339 with the office's offset).
    pub recorded: String,
    /// The commit of the content it was issued from, when the content is in git.
    pub commit: Option<String>,
    /// Issued with uncommitted changes (`--force`): `commit` does not hold all of it.
    pub uncommitted: bool,
    /// Earlier records of this month that a reissue replaced, oldest first.
    pub reissues: Vec<Reissue>,
    pub text: BulletinText,
    /// The briefing's Markdown as written; its `{{ figure }}` placeholders show `figures`.
    pub body: String,
    /// The text of every figure placeholder of the body, as issued.
    pub figures: BTreeMap<String, String>,
    /// The bulletin's tables in its order (表1…, 附件1…), as printed.
    pub tables: Vec<FrozenTable>,
    /// 本期数据变动 as issued.
    pub changes: ChangeLog,
    pub snapshot: Snapshot,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reissue {
    pub recorded: String,
    pub commit: Option<String>,
    /// Why it was issued again.
    pub reason: String,
}

/// The records of the content, by month, and the problems of those that cannot be read.
pub fn records(c: &Content, sources: Option<&crate::source::Sources>) -> (BTreeMap<Month, Record>, Vec<Diagnostic>) {
    let mut found = BTreeMap::new();
    let mut problems = Vec::new();
    for file in &c.issued {
        match read(file) {
            Ok(record) => {
                found.insert(file.month, record);
            }
            Err((message, at)) => {
                let span = at.and_then(|(line, col)| {
                    let src = sources.map(|s| s.get(file.file))?;
                    let start = src.byte_at(line, col.saturating_sub(1));
                    Some(Span { start, end: start })
                });
                problems.push(problems::bad_record(&message).at(file.file, span));
            }
        }
    }
    (found, problems)
}

/// Reads one record; the error says what is wrong and, for a JSON error, the line and column.
fn read(file: &IssuedFile) -> Result<Record, (String, Option<(usize, usize)>)> {
    let record: Record = serde_json::from_str(&file.text).map_err(|e| (e.to_string(), Some((e.line(), e.column()))))?;
    if record.schema != SCHEMA {
        return Err((
            format!("记录格式 {}，本程序只读格式 {SCHEMA} / schema {} is not {SCHEMA}", record.schema, record.schema),
            None,
        ));
    }
    if record.month != file.month || record.snapshot.month != file.month {
        return Err((
            format!("记录的月份 {} 与文件名 {} 不一致 / the month does not match the file name", record.month, file.month),
            None,
        ));
    }
    Ok(record)
}

impl Record {
    /// The record as written to `issued/<YYYY-MM>.json`: indented, so `git diff` shows what a
    /// reissue changed.
    pub fn to_json(&self) -> Vec<u8> {
        let mut out = serde_json::to_vec_pretty(self).expect("a record always serializes");
        out.push(b'\n');
        out
    }
}

/// What a figure placeholder shows, in words (`funds` → 到位资金), from its documented meaning.
fn figure_label(key: &str) -> String {
    crate::content::placeholders::FIGURES
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, meaning)| meaning.split(['，', '（']).next().unwrap_or(meaning).to_string())
        .unwrap_or_else(|| key.to_string())
}

/// One figure of an issued bulletin that reads differently now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changed {
    /// Where: `表1 三项目标 · 到位资金 · 完成` or `正文 · funds`.
    pub what: String,
    pub issued: String,
    pub now: String,
}

/// The figures of `record` that read differently in `tables` and `figures` computed now:
/// table cells matched by table, row name and column, and the body's figure placeholders.
pub fn compare(record: &Record, tables: &[FrozenTable], figures: &BTreeMap<String, String>) -> Vec<Changed> {
    let mut changed = Vec::new();
    for (key, issued) in &record.figures {
        let now = figures.get(key).cloned().unwrap_or_else(|| "—".to_string());
        if &now != issued {
            changed.push(Changed { what: format!("正文 · {}", figure_label(key)), issued: issued.clone(), now });
        }
    }
    for old in &record.tables {
        let Some(new) = tables.iter().find(|t| t.slug == old.slug) else { continue };
        let title = match &old.number {
            Some(n) => format!("{n} {}", old.caption),
            None => old.caption.clone(),
        };
        let name =
            |t: &FrozenTable, r: &super::frozen::FrozenRow| r.cells.get(t.row_header).map(|c| c.text()).unwrap_or_default();
        for row in &old.rows {
            let row_name = name(old, row);
            let Some(now_row) = new.rows.iter().find(|r| name(new, r) == row_name) else {
                changed.push(Changed {
                    what: format!("{title} · {row_name}"),
                    issued: "（有此行）".into(),
                    now: "（已无此行）".into(),
                });
                continue;
            };
            for (i, cell) in row.cells.iter().enumerate() {
                let Some(column) = old.columns.get(i) else { continue };
                let Some(j) = new.columns.iter().position(|c| c.header == column.header) else { continue };
                let now = now_row.cells.get(j).map(|c| c.text()).unwrap_or_default();
                if cell.text() != now {
                    let header = match &column.unit {
                        Some(u) => format!("{}（{u}）", column.header),
                        None => column.header.clone(),
                    };
                    changed.push(Changed { what: format!("{title} · {row_name} · {header}"), issued: cell.text(), now });
                }
            }
        }
        for row in &new.rows {
            let row_name = name(new, row);
            if !old.rows.iter().any(|r| name(old, r) == row_name) {
                changed.push(Changed {
                    what: format!("{title} · {row_name}"),
                    issued: "（无此行）".into(),
                    now: "（新增此行）".into(),
                });
            }
        }
    }
    changed
}
