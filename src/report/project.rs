//! A project page's tables: its money month by month, its FDI, its problems, the meeting
//! items and the squad trips about it, as of the as-of date.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::backlinks::Backlinks;
use super::table::{Cell, Column, DateStyle, Num, Table};
use crate::content::Content;
use crate::content::model::ProjectIx;
use crate::figures::people::ItemState;
use crate::figures::rules;
use crate::paths;
use crate::period::Month;

/// The page's tables; `funds_total` is the counted 到位资金 to date (the last 累计).
pub struct ProjectTables {
    pub funds: Table,
    pub funds_total: Decimal,
    pub fdi: Table,
    pub problems: Table,
    pub items: Table,
    pub trips: Table,
}

pub fn tables(c: &Content, links: &Backlinks, ix: ProjectIx, as_of: NaiveDate) -> ProjectTables {
    let p = c.project(ix);
    let month = Month::of(as_of);
    let mut running = Decimal::ZERO;
    let money = |h| Column::num(h, Num::Money).unit("万元");
    let funds_rows: Vec<Vec<Cell>> = p
        .funds
        .iter()
        .filter(|f| f.month <= month)
        .map(|f| {
            let counted = rules::counted_funds(f, &c.site.rules);
            if counted {
                running += f.amount;
            }
            vec![
                Cell::text(f.month.to_string()),
                Cell::money(f.amount),
                Cell::text(f.origin.zh()),
                Cell::text(f.use_.zh()),
                if counted { Cell::money(running) } else { Cell::text("不计入") },
            ]
        })
        .collect();
    let funds = Table::new(
        "funds",
        "资金到位",
        "逐月到位情况",
        vec![Column::text("月份"), money("到位"), Column::text("来源"), Column::text("用途"), money("累计")],
    )
    .rows(funds_rows);
    let fdi = Table::new(
        "fdi",
        "外资直投",
        "外资直投逐月到位情况",
        vec![Column::text("月份"), Column::num("外资到位", Num::Amount).unit("万美元")],
    )
    .rows(
        p.fdi
            .iter()
            .filter(|f| f.month <= month)
            .map(|f| vec![Cell::text(f.month.to_string()), Cell::num(f.amount, Num::Amount)]),
    );
    let problems = Table::new(
        "problems",
        "存在问题",
        "问题及解决情况",
        vec![Column::text("类别"), Column::text("问题"), Column::date("提出日期", DateStyle::Iso), Column::text("解决情况")],
    )
    .rows(p.problems.iter().filter(|x| x.opened <= as_of).map(|x| {
        vec![
            Cell::text(x.kind.zh()),
            Cell::text(&x.text),
            Cell::Date(x.opened),
            x.resolved.filter(|r| *r <= as_of).map_or_else(
                || Cell::text(format!("未解决（{} 天）", (as_of - x.opened).num_days())),
                |r| Cell::text(r.to_string()),
            ),
        ]
    }));
    let mut items = Table::new(
        "items",
        "交办事项",
        "交办事项清单",
        vec![
            Column::date("会议日期", DateStyle::Iso),
            Column::text("交办事项"),
            Column::text("承办单位"),
            Column::date("办结时限", DateStyle::Iso),
            Column::tag("状态"),
        ],
    )
    .rows(links.items(c, ix).filter(|(mt, _)| mt.date <= as_of).map(|(mt, i)| {
        vec![
            Cell::Date(mt.date),
            Cell::text(&i.task),
            Cell::text(&c.unit(i.unit).name),
            Cell::Date(i.deadline),
            super::units::state_cell(ItemState::of(i, as_of)),
        ]
    }));
    items.row_header = 1;
    let trips = Table::new(
        "trips",
        "外出对接",
        "外出对接记录",
        vec![Column::date("日期", DateStyle::Iso), Column::link("小分队"), Column::text("目的地"), Column::text("情况")],
    )
    .rows(links.trips(c, ix).filter(|(_, t)| t.start <= as_of).map(|(q, t)| {
        vec![
            Cell::Date(t.start),
            Cell::link(&q.name, paths::squad(&q.id)),
            Cell::text(&t.destination),
            t.summary.as_ref().map_or(Cell::Empty, Cell::text),
        ]
    }));
    ProjectTables { funds, funds_total: running, fdi, problems, items, trips }
}
