//! 产业链: the period's projects and money by chain (the bulletin's table and the chains
//! page), and one chain's projects.

use super::table::{Cell, Column, Num, Table, Tone};
use crate::content::Content;
use crate::content::model::{Chain, Project};
use crate::figures::snapshot::Snapshot;
use crate::paths;

/// 分产业链情况: every chain, in the order of `chains.yaml`.
pub fn chains(c: &Content, s: &Snapshot) -> Table {
    let money = |h| Column::num(h, Num::Money).unit("万元");
    let columns = vec![
        Column::link("产业链"),
        Column::tag("重点产业链"),
        Column::num("招引项目", Num::Count).unit("个"),
        money("合同引资额"),
        money("到位资金"),
        Column::num("占比", Num::Percent),
        Column::num("外资直投", Num::Amount).unit("万美元"),
    ];
    let key = |id: &str| c.chains.iter().any(|ch| ch.id == id && ch.key);
    let rows = s.breakdowns.by_chain.iter().map(|r| {
        vec![
            Cell::link(&r.name, paths::chain(&r.key)),
            if key(&r.key) { Cell::Tag("重点", Tone::Red) } else { Cell::Empty },
            Cell::count(r.projects),
            Cell::money(r.contract_amount),
            Cell::money(r.funds),
            Cell::opt(r.funds_share.value, Num::Percent),
            Cell::num(r.fdi, Num::Amount),
        ]
    });
    Table::new("chains", "产业链", "分产业链情况", columns).rows(rows).note(format!(
        "招引项目、合同引资额为本年计入目标的项目；到位资金、外资直投为统计期内所有项目（含续建）；占比为占{}到位资金的比重",
        s.units.words.whole
    ))
}

/// The projects of a chain signed by the as-of date.
pub fn projects(c: &Content, ch: &Chain, s: &Snapshot) -> Table {
    let as_of = s.month.last_day();
    let list: Vec<&Project> =
        c.projects.iter().filter(|p| c.chain(p.chain).id == ch.id && p.milestones.signed <= as_of).collect();
    let caption = format!("项目（{}个）", list.len());
    super::projects::list(c, &list, as_of, "projects", caption)
}
