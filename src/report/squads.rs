//! 招商小分队: each squad's trips of the period (the bulletin's table and the squads page),
//! and one squad's trip log.

use super::table::{Cell, Column, DateStyle, Link, Mark, Num, Row, Table};
use crate::content::Content;
use crate::content::model::Squad;
use crate::figures::snapshot::Snapshot;
use crate::paths;

/// 小分队外出对接情况: every squad held to the trip rule this month, a row marked when it
/// made fewer trips this month than the rule asks.
pub fn squads(s: &Snapshot) -> Table {
    let count = |h, unit| Column::num(h, Num::Count).unit(unit);
    let columns = vec![
        Column::link("小分队"),
        Column::text("所属单位").screen_only(),
        count("本月外出", "次"),
        count("累计外出", "次"),
        count("外出天数", "天"),
        count("外出人次", "人次").screen_only(),
        count("拜访企业", "家"),
        count("有效线索", "条"),
        count("对接项目", "个"),
        count("一把手带队", "次"),
        count("成果未报送", "次").screen_only(),
        Column::text("未达标月份"),
    ];
    let q = &s.squads;
    let rows = q.rows.iter().map(|r| Row {
        cells: vec![
            Cell::link(&r.name, paths::squad(&r.id)),
            Cell::text(&r.unit),
            Cell::count(r.trips_this_month),
            Cell::count(r.trips),
            Cell::count(r.days_away),
            Cell::count(r.people),
            Cell::count(r.companies),
            Cell::count(r.leads),
            Cell::count(r.projects),
            Cell::count(r.leader_trips),
            Cell::count(r.unreported),
            if r.missed_months.is_empty() {
                Cell::Dash
            } else {
                Cell::text(r.missed_months.iter().map(|m| format!("{}月", m.number())).collect::<Vec<_>>().join("、"))
            },
        ],
        mark: if r.trips_this_month < q.required_per_month { Mark::Alert } else { Mark::None },
    });
    let mut t = Table::new("squads", "小分队", "小分队外出对接情况", columns)
        .rows(rows)
        .note(format!("每支小分队每月至少外出 {} 次；本月未达标的小分队整行标出", q.required_per_month));
    t.sortable = true;
    t
}

/// One squad's trips started by the as-of date, the latest first.
pub fn trips(c: &Content, q: &Squad, s: &Snapshot) -> Table {
    let as_of = s.month.last_day();
    let count = |h, unit| Column::num(h, Num::Count).unit(unit);
    let columns = vec![
        Column::date("出发日期", DateStyle::Iso),
        Column::date("返回日期", DateStyle::Iso),
        count("天数", "天"),
        Column::text("目的地"),
        count("人数", "人"),
        count("拜访企业", "家"),
        count("有效线索", "条"),
        Column::link("对接项目"),
        Column::text("一把手带队"),
        Column::date("成果报送", DateStyle::Iso),
        Column::text("情况").screen_only(),
    ];
    let rows = q.trips.iter().rev().filter(|t| t.start <= as_of).map(|t| {
        vec![
            Cell::Date(t.start),
            if t.end <= as_of { Cell::Date(t.end) } else { Cell::text("未返回") },
            Cell::count(crate::figures::squads::days_away(t, as_of)),
            Cell::text(&t.destination),
            Cell::count(t.people),
            Cell::count(t.companies.len() as u32),
            Cell::count(t.leads),
            Cell::Links(
                t.projects
                    .iter()
                    .map(|p| Link { text: c.project(*p).name.clone(), href: paths::project(&c.project(*p).id) })
                    .collect(),
            ),
            Cell::yes(t.leader_trip),
            t.reported.filter(|r| *r <= as_of).map_or(Cell::text("未报送"), Cell::Date),
            t.summary.as_ref().map_or(Cell::Empty, Cell::text),
        ]
    });
    let mut t = Table::new("trips", "外出记录", "外出对接记录", columns).rows(rows);
    t.empty = "暂无外出记录";
    t
}
