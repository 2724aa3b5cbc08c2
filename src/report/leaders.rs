//! 五个一包抓: each county leader's projects and what is left to do on them (the bulletin's
//! table and the leaders page), and one leader's projects.

use super::backlinks::Backlinks;
use super::table::{Cell, Column, Num, Table};
use crate::content::Content;
use crate::content::model::{LeaderIx, Project};
use crate::figures::rules::{self, Stage};
use crate::figures::snapshot::Snapshot;
use crate::paths;

/// “五个一”包抓情况: every leader, with the live projects in their charge by stage.
pub fn leaders(s: &Snapshot) -> Table {
    let count = |h: &str, unit| Column::num(h, Num::Count).unit(unit);
    let mut columns = vec![Column::link("包抓县级领导"), Column::text("职务").screen_only(), count("在推项目", "个")];
    columns.extend(Stage::LIVE.iter().map(|st| count(st.zh(), "个")));
    columns.extend([Column::num("到位资金", Num::Money).unit("万元"), count("未解决问题", "个"), count("逾期交办事项", "项")]);
    let rows = s.leaders.iter().map(|l| {
        let mut cells = vec![
            Cell::link(&l.name, paths::leader(&l.id)),
            l.title.as_ref().map_or(Cell::Empty, Cell::text),
            Cell::count(l.projects.len() as u32),
        ];
        cells.extend(Stage::LIVE.iter().map(|st| Cell::count(l.by_stage.iter().find(|x| x.stage == *st).map_or(0, |x| x.count))));
        cells.extend([Cell::money(l.funds), Cell::count(l.open_problems), Cell::count(l.overdue_items)]);
        cells
    });
    Table::new("leaders", "五个一", "“五个一”包抓情况", columns)
        .rows(rows)
        .note("在推项目为截至月末已签约、未终止的包抓项目，其余各栏只计这些项目；到位资金为本年 1—本月")
}

/// A leader's projects signed by the as-of date: those the figures count, and the terminated
/// ones (listed apart: no figure counts them).
pub fn projects(c: &Content, links: &Backlinks, l: LeaderIx, s: &Snapshot) -> (Table, Table) {
    let as_of = s.month.last_day();
    let (terminated, live): (Vec<&Project>, Vec<&Project>) =
        links.led_by(c, l).filter(|p| p.milestones.signed <= as_of).partition(|p| rules::terminated(p, as_of));
    (
        super::projects::list(c, &live, as_of, "projects", format!("包抓项目（{}个）", live.len())),
        super::projects::list(c, &terminated, as_of, "terminated", format!("已终止项目（{}个）", terminated.len())),
    )
}
