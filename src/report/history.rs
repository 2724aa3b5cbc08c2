//! 变更记录: the commits that touched one content file (a project's, a squad's), newest first,
//! with the fields each changed, as a table for that file's page.

use super::table::{Cell, Column, Table};
use crate::record::git::{History, Kind};

/// The most commits a page lists (the rest are counted in a note).
pub const MAX_COMMITS: usize = 50;
/// The most field changes a commit's cell lists.
const MAX_FIELDS: usize = 8;

/// The history of the file at `path` (relative to the content folder), or `None` without git
/// history of it.
pub fn changes(history: &History, path: &str) -> Option<Table> {
    let all: Vec<_> = history.of_file(path).collect();
    if all.is_empty() {
        return None;
    }
    let rows: Vec<Vec<Cell>> = all
        .iter()
        .take(MAX_COMMITS)
        .map(|(commit, file)| {
            let what = match (file.kind, &file.fields) {
                (Kind::Added, _) => "新建".to_string(),
                (Kind::Deleted, _) => "删除".to_string(),
                (_, Some(fields)) if !fields.is_empty() => {
                    let mut list: Vec<String> = fields
                        .iter()
                        .take(MAX_FIELDS)
                        .map(|f| match (&f.before, &f.after) {
                            (Some(b), Some(a)) => format!("{}：{b} → {a}", f.field),
                            (None, Some(a)) => format!("{} 新增：{a}", f.field),
                            (Some(b), None) => format!("{} 删除（原为 {b}）", f.field),
                            (None, None) => f.field.clone(),
                        })
                        .collect();
                    if fields.len() > MAX_FIELDS {
                        list.push(format!("等 {} 处", fields.len()));
                    }
                    list.join("；")
                }
                (Kind::Renamed, _) => format!("改名（原为 {}）", file.previous.as_deref().unwrap_or("")),
                _ => "修改".to_string(),
            };
            vec![
                Cell::text(commit.date()),
                Cell::text(&commit.author),
                Cell::text(&commit.subject),
                Cell::text(what),
                Cell::text(commit.short_id()),
            ]
        })
        .collect();
    let columns = vec![
        Column::text("日期"),
        Column::text("修改人"),
        Column::text("说明"),
        Column::text("改动"),
        Column::text("提交").screen_only(),
    ];
    let mut t = Table::new("changes", "变更记录", "git 提交记录", columns).rows(rows);
    if all.len() > MAX_COMMITS {
        t = t.note(format!("共 {} 次修改，这里列出最近 {MAX_COMMITS} 次；全部记录见 git log -- {path}", all.len()));
    }
    t.empty = "没有修改记录";
    Some(t)
}
