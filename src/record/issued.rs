//! The record of an issued bulletin (`issued/<YYYY-MM>.json`, written by `bulletin issue` and
//! committed with the data): everything the issued page shows, as it showed it — the text, the
//! briefing with its live figures filled in, the tables cell by cell, the change log, and the
//! snapshot its charts and `data/issued/<YYYY-MM>.json` are made from. An issued month's page
//! is built from its record alone, so it never changes; comparing the record with the figures
//! computed now finds the corrections to announce.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::frozen::{FrozenCell, FrozenTable};
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
        compare_table(old, new, &mut changed);
    }
    changed
}

/// The cells of `old` that read differently in `new`. Rows are matched by their name (the
/// row-header cell); several rows of one name (a squad's trips of a month) by their order
/// among those rows; columns by their header.
fn compare_table(old: &FrozenTable, new: &FrozenTable, changed: &mut Vec<Changed>) {
    let title = match &old.number {
        Some(n) => format!("{n} {}", old.caption),
        None => old.caption.clone(),
    };
    let named = |t: &FrozenTable| -> Vec<(String, usize)> {
        let mut seen: HashMap<String, usize> = HashMap::new();
        t.rows
            .iter()
            .map(|r| {
                let name = r.cells.get(t.row_header).map(FrozenCell::text).unwrap_or_default();
                let k = seen.entry(name.clone()).or_default();
                *k += 1;
                (name, *k)
            })
            .collect()
    };
    let (old_names, new_names) = (named(old), named(new));
    for (row, key) in old.rows.iter().zip(&old_names) {
        let row_name = &key.0;
        let Some(j) = new_names.iter().position(|k| k == key) else {
            changed.push(Changed {
                what: format!("{title} · {row_name}"),
                issued: "（有此行）".into(),
                now: "（已无此行）".into(),
            });
            continue;
        };
        let now_row = &new.rows[j];
        for (i, cell) in row.cells.iter().enumerate() {
            let Some(column) = old.columns.get(i) else { continue };
            let Some(c) = new.columns.iter().position(|c| c.header == column.header) else { continue };
            let now = now_row.cells.get(c).map(FrozenCell::text).unwrap_or_default();
            if cell.text() != now {
                let header = match &column.unit {
                    Some(u) => format!("{}（{u}）", column.header),
                    None => column.header.clone(),
                };
                changed.push(Changed { what: format!("{title} · {row_name} · {header}"), issued: cell.text(), now });
            }
        }
    }
    for key in new_names.iter().filter(|k| !old_names.contains(k)) {
        changed.push(Changed {
            what: format!("{title} · {}", key.0), issued: "（无此行）".into(), now: "（新增此行）".into()
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::frozen::{FrozenColumn, FrozenRow};

    fn table(rows: &[(&str, &str)]) -> FrozenTable {
        let text = |s: &str| FrozenCell::Text { s: s.to_string() };
        FrozenTable {
            slug: "trips".into(),
            number: Some("附件3".into()),
            caption: "本月外出".into(),
            sheet: "外出".into(),
            columns: ["小分队", "目的地"]
                .iter()
                .map(|h| FrozenColumn { header: h.to_string(), unit: None, kind: "text".into(), printed: true })
                .collect(),
            rows: rows.iter().map(|(a, b)| FrozenRow { mark: String::new(), cells: vec![text(a), text(b)] }).collect(),
            notes: Vec::new(),
            row_header: 0,
            csv: None,
            sortable: false,
            empty: String::new(),
        }
    }

    #[test]
    fn rows_of_one_name_are_matched_in_order_not_all_to_the_first() {
        // A squad with two trips in the month: unchanged, nothing to report.
        let issued = table(&[("一队", "杭州"), ("一队", "宁波"), ("二队", "深圳")]);
        let mut changed = Vec::new();
        compare_table(&issued, &issued.clone(), &mut changed);
        assert!(changed.is_empty(), "{changed:?}");
        // The second trip's destination corrected, a third trip added, 二队's removed.
        let now = table(&[("一队", "杭州"), ("一队", "温州"), ("一队", "上海")]);
        compare_table(&issued, &now, &mut changed);
        let said: Vec<(&str, &str, &str)> =
            changed.iter().map(|c| (c.what.as_str(), c.issued.as_str(), c.now.as_str())).collect();
        assert_eq!(
            said,
            [
                ("附件3 本月外出 · 一队 · 目的地", "宁波", "温州"),
                ("附件3 本月外出 · 二队", "（有此行）", "（已无此行）"),
                ("附件3 本月外出 · 一队", "（无此行）", "（新增此行）"),
            ]
        );
    }
}
