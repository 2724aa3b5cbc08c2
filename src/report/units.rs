//! 各单位完成情况: the ranking of towns and of departments (the bulletin's tables and the
//! units page), and what a unit page lists.

use rust_decimal::Decimal;

use super::table::{Cell, Column, DateStyle, Kind, Mark, Num, Row, Table, Tone};
use crate::content::Content;
use crate::content::model::{Project, RankBy, UnitIx};
use crate::figures::format as fmt;
use crate::figures::people::ItemState;
use crate::figures::snapshot::{List, Snapshot, UnitRow};
use crate::paths;

/// What units are ranked on, in words: `到位资金` or `招引项目`.
pub fn rank_metric(rank_by: RankBy) -> &'static str {
    match rank_by {
        RankBy::Funds => "到位资金",
        RankBy::Projects => "招引项目",
    }
}

/// The 红黑榜 rule in the words of the 统计口径 page, with the site's numbers of places.
pub fn lists_rule(c: &Content) -> String {
    let r = &c.site.rules;
    format!(
        "红榜取完成率不低于时序进度、且排名在本类前{}名的单位，黑榜取完成率低于时序进度、且排名在本类后{}名的单位，名次并列的单位一并列入",
        r.red_list_top, r.black_list_bottom
    )
}

pub fn list_cell(list: Option<List>) -> Cell {
    match list {
        Some(l @ List::Red) => Cell::Tag(l.zh(), Tone::Red),
        Some(l @ List::Black) => Cell::Tag(l.zh(), Tone::Black),
        None => Cell::Empty,
    }
}

/// One kind's ranking, in rank order: the ranked metric first, the other one after.
fn ranking(c: &Content, s: &Snapshot, slug: &'static str, sheet: &'static str, caption: &str, rows: &[UnitRow]) -> Table {
    let by = s.units.rank_by;
    let (num, unit, other_num, other_unit, other) = match by {
        RankBy::Funds => (Num::Money, "万元", Num::Count, "个", ["招引项目", "项目任务"]),
        RankBy::Projects => (Num::Count, "个", Num::Money, "万元", ["到位资金", "资金任务"]),
    };
    let columns = vec![
        Column::num("位次", Num::Count),
        Column::link(if c.site.rollup.is_some() { c.site.words().unit } else { "单位" }),
        Column::num("年度任务", num).unit(unit),
        Column::num("累计完成", num).unit(unit),
        Column::num("完成率", Num::Percent),
        Column::num("进度差", Num::Points).unit("个百分点"),
        Column::num("上年同期", num).unit(unit).screen_only(),
        Column::num("同比", Num::SignedPercent),
        Column::num("升降", Num::RankChange).unit("位"),
        Column::tag("榜单"),
        Column::num(other[0], other_num).unit(other_unit).screen_only(),
        Column::num(other[1], other_num).unit(other_unit).screen_only(),
    ];
    let rows = rows.iter().map(|r| {
        let (m, o) = match by {
            RankBy::Funds => (&r.funds, &r.projects),
            RankBy::Projects => (&r.projects, &r.funds),
        };
        Row {
            cells: vec![
                r.rank.map_or(Cell::Dash, Cell::count),
                Cell::link(&r.name, paths::unit(&r.id)),
                Cell::opt(m.target, num),
                Cell::num(m.value, num),
                Cell::opt(m.completion.value, Num::Percent),
                Cell::opt(m.gap_points, Num::Points),
                Cell::num(m.last_year, num),
                Cell::opt(m.yoy.value, Num::SignedPercent),
                Cell::opt(r.rank_change.map(Decimal::from), Num::RankChange),
                list_cell(r.list),
                Cell::num(o.value, other_num),
                Cell::opt(o.target, other_num),
            ],
            mark: if r.list == Some(List::Red) { Mark::Red } else { Mark::None },
        }
    });
    let mut t = Table::new(slug, sheet, format!("{caption}（按{}完成率排名）", rank_metric(by)), columns)
        .rows(rows)
        .note(format!(
            "进度差 = 完成率 − 时序进度（{}），单位：个百分点；升降为与上月相比名次的变化",
            fmt::percent(s.time_progress.value)
        ))
        .note(format!("{}。", lists_rule(c)));
    t.row_header = 1;
    t
}

/// 镇（街道）完成情况.
pub fn towns(c: &Content, s: &Snapshot) -> Table {
    let words = c.site.words();
    let sheet = if c.site.rollup.is_some() { words.ranking } else { "镇办排名" };
    ranking(c, s, "towns", sheet, &format!("{}完成情况", words.towns), &s.units.towns)
}

/// 县直部门完成情况.
pub fn departments(c: &Content, s: &Snapshot) -> Table {
    ranking(c, s, "departments", "部门排名", "县直部门完成情况", &s.units.departments)
}

/// A unit page's project lists: those credited to it, and those it is responsible for.
pub fn credited(c: &Content, ix: UnitIx, s: &Snapshot) -> Table {
    let as_of = s.month.last_day();
    let list: Vec<&Project> = c.projects.iter().filter(|p| p.credit_unit == Some(ix) && p.milestones.signed <= as_of).collect();
    let caption = format!("计入本单位的项目（{}个）", list.len());
    super::projects::list(c, &list, as_of, "credited", caption)
}

pub fn responsible(c: &Content, ix: UnitIx, s: &Snapshot) -> Table {
    let as_of = s.month.last_day();
    let list: Vec<&Project> = c.projects.iter().filter(|p| p.unit == Some(ix) && p.milestones.signed <= as_of).collect();
    let caption = format!("本单位为责任部门的项目（{}个）", list.len());
    super::projects::list(c, &list, as_of, "responsible", caption)
}

/// The meeting items a unit carries out, of meetings held by the as-of date (any year).
pub fn items(c: &Content, ix: UnitIx, s: &Snapshot) -> Table {
    let as_of = s.month.last_day();
    let columns = vec![
        Column::date("会议日期", DateStyle::Iso),
        Column::new("项目", Kind::Link),
        Column::text("交办事项"),
        Column::date("办结时限", DateStyle::Iso),
        Column::tag("状态"),
    ];
    let rows = c
        .meetings
        .iter()
        .filter(|m| m.date <= as_of)
        .flat_map(|m| m.items.iter().filter(|i| i.unit == ix).map(move |i| (m, i)))
        .map(|(m, i)| {
            vec![
                Cell::Date(m.date),
                i.project.map_or(Cell::Dash, |p| Cell::link(&c.project(p).name, paths::project(&c.project(p).id))),
                Cell::text(&i.task),
                Cell::Date(i.deadline),
                state_cell(ItemState::of(i, as_of)),
            ]
        });
    let mut t = Table::new("items", "交办事项", "承办的交办事项", columns).rows(rows);
    t.row_header = 2;
    t
}

/// Where an item stands, as a label: 逾期 stands out, 已办结 reads as done.
pub fn state_cell(state: ItemState) -> Cell {
    let tone = match state {
        ItemState::Overdue => Tone::Bad,
        ItemState::Closed => Tone::Good,
        ItemState::Open => Tone::Plain,
    };
    Cell::Tag(state.zh(), tone)
}
