//! Tables of the site-wide pages that are not a month's: the list of bulletins, the factory
//! buildings and each meeting's items.

use super::table::{Cell, Column, DateStyle, Num, Table, Tone};
use crate::content::Content;
use crate::content::model::{Briefing, Meeting};
use crate::figures::format as fmt;
use crate::figures::people::ItemState;
use crate::figures::snapshot::Snapshot;
use crate::paths;
use crate::period::Month;

/// A year's bulletins, the latest first.
/// A year's bulletins; `status` says, for a site that issues its bulletins, whether each is
/// issued (已印发), corrected since (已更正) or a draft (草稿).
pub fn bulletins(year: i32, list: &[&Briefing], status: Option<&dyn Fn(Month) -> (&'static str, Tone)>) -> Table {
    let mut columns = vec![Column::text("期号"), Column::link("标题"), Column::text("统计期"), Column::text("印发日期")];
    if status.is_some() {
        columns.push(Column::tag("状态"));
    }
    let mut t = Table::new("bulletins", "简报", format!("{year}年"), columns).rows(list.iter().map(|b| {
        let mut row = vec![
            Cell::text(format!("第{}期", b.issue)),
            Cell::link(&b.title, paths::bulletin(b.period)),
            Cell::text(fmt::period_text(b.period)),
            b.issued.map_or(Cell::Empty, |d| Cell::text(fmt::date_zh(d))),
        ];
        if let Some(status) = status {
            let (label, tone) = status(b.period);
            row.push(Cell::Tag(label, tone));
        }
        row
    }));
    t.row_header = 1;
    t
}

/// Every factory building, by park, as of the as-of date.
pub fn factories(c: &Content, s: &Snapshot) -> Table {
    let columns = vec![
        Column::text("园区"),
        Column::text("厂房"),
        Column::num("面积", Num::Amount).unit("平方米"),
        Column::tag("状态"),
        Column::link("入驻项目"),
        Column::date("入驻日期", DateStyle::Iso),
    ];
    let rows = s.factories.buildings.iter().map(|b| {
        let project = b.project.as_ref().and_then(|id| c.project_by_id(id));
        vec![
            Cell::text(&b.park),
            Cell::text(&b.name),
            Cell::num(b.area, Num::Amount),
            Cell::text(if b.built { "已建成" } else { "在建" }),
            project.map_or(Cell::Dash, |p| Cell::link(&p.name, paths::project(&p.id))),
            b.moved_in.map_or(Cell::Dash, Cell::Date),
        ]
    });
    let mut t = Table::new("factories", "标准化厂房", "标准化厂房", columns).rows(rows);
    t.row_header = 1;
    t.empty = "暂无厂房数据";
    t
}

/// One meeting's items, where each stands as of `as_of`.
pub fn meeting_items(c: &Content, m: &Meeting, as_of: chrono::NaiveDate) -> Table {
    let columns = vec![
        Column::link("项目"),
        Column::text("交办事项"),
        Column::text("承办单位"),
        Column::date("办结时限", DateStyle::Iso),
        Column::tag("状态"),
    ];
    let rows = m.items.iter().map(|i| {
        vec![
            i.project.map_or(Cell::Dash, |p| Cell::link(&c.project(p).name, paths::project(&c.project(p).id))),
            Cell::text(&i.task),
            Cell::text(&c.unit(i.unit).name),
            Cell::Date(i.deadline),
            super::units::state_cell(ItemState::of(i, as_of)),
        ]
    });
    let mut t = Table::new("items", "交办事项", "交办事项", columns).rows(rows);
    t.row_header = 1;
    t
}
