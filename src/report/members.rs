//! A province's 通报 lists its members where a county's bulletin (and a city's 通报) lists
//! projects: 表8 亿元以上新签约项目, 附件1 新签约项目 and 附件2 到位资金 each become a row per 市
//! with the 全省 total. A province signs thousands of projects a year; listed one by one they
//! made a 7 MB page at 50 000 projects that no one reads on screen or prints. Each project
//! stays on its own page and in the ledger, and each city's 通报 lists its own.

use rust_decimal::Decimal;

use super::table::{Cell, Column, Num, Row, Table};
use crate::content::Content;
use crate::content::model::{Project, RollupLevel};
use crate::figures::annex::ProjectFunds;
use crate::figures::snapshot::Snapshot;
use crate::paths;

/// Whether `c`'s bulletin lists members instead of projects: a province's does.
pub fn instead_of_projects(c: &Content) -> bool {
    c.site.rollup == Some(RollupLevel::Province)
}

/// 1 亿元 in 万元: where 亿元以上 starts.
fn one_yi() -> Decimal {
    Decimal::from(10_000)
}

/// One row per member (every member, in the members file's order), then the whole's total:
/// `items` are each project's member and figures, summed column by column; `cells` shows a
/// row's sums.
fn per_member<const N: usize>(
    c: &Content,
    s: &Snapshot,
    items: impl Iterator<Item = (Option<usize>, [Decimal; N])>,
    cells: impl Fn([Decimal; N]) -> Vec<Cell>,
) -> Vec<Row> {
    let mut sums = vec![[Decimal::ZERO; N]; c.units.len()];
    let mut total = [Decimal::ZERO; N];
    for (member, figures) in items {
        for i in 0..N {
            if let Some(m) = member {
                sums[m][i] += figures[i];
            }
            total[i] += figures[i];
        }
    }
    let mut rows: Vec<Row> = c
        .units
        .iter()
        .zip(sums)
        .map(|(u, figures)| {
            let mut row = vec![Cell::link(&u.name, paths::unit(&u.id))];
            row.extend(cells(figures));
            row.into()
        })
        .collect();
    let mut row = vec![Cell::text(format!("{}合计", s.units.words.whole))];
    row.extend(cells(total));
    rows.push(row.into());
    rows
}

fn member_of(p: &Project) -> Option<usize> {
    p.credit_unit.map(|u| u.0 as usize)
}

fn member_column(s: &Snapshot) -> Column {
    Column::link(s.units.words.unit)
}

/// 亿元以上新签约项目 by member: how many of the year's new projects have a contract amount of
/// 1 亿元 or more, and that amount.
pub fn big_projects(c: &Content, s: &Snapshot, new: &[&Project]) -> Table {
    let big: Vec<&&Project> = new.iter().filter(|p| p.contract_amount >= one_yi()).collect();
    let columns = vec![
        member_column(s),
        Column::num("亿元以上新签约项目", Num::Count).unit("个"),
        Column::num("合同引资额", Num::Money).unit("万元"),
    ];
    let caption = format!("亿元以上新签约项目（{}个）", big.len());
    let rows = per_member(c, s, big.iter().map(|p| (member_of(p), [Decimal::ONE, p.contract_amount])), |[n, amount]| {
        vec![Cell::count(n), Cell::money(amount)]
    });
    let mut t = Table::new("big-projects", "亿元以上项目", caption, columns)
        .rows(rows)
        .note(format!("按{}汇总；项目明细见各{}的通报", s.units.words.unit, s.units.words.unit));
    t.sheet = "亿元以上项目";
    t
}

/// 附件1 新签约项目 by member: the projects counted toward this year's target, their contract
/// amount, and of them those of 1 亿元 or more.
pub fn new_projects(c: &Content, s: &Snapshot, new: &[&Project]) -> Table {
    let columns = vec![
        member_column(s),
        Column::num("新签约项目", Num::Count).unit("个"),
        Column::num("合同引资额", Num::Money).unit("万元"),
        Column::num("其中亿元以上", Num::Count).unit("个"),
    ];
    let items = new.iter().map(|p| {
        let big = if p.contract_amount >= one_yi() { Decimal::ONE } else { Decimal::ZERO };
        (member_of(p), [Decimal::ONE, p.contract_amount, big])
    });
    let rows = per_member(c, s, items, |[n, amount, big]| vec![Cell::count(n), Cell::money(amount), Cell::count(big)]);
    Table::new("new-projects", "新签约项目", "新签约项目汇总", columns)
        .rows(rows)
        .note(format!("按{}汇总；项目明细见各{}的通报和本站项目台账", s.units.words.unit, s.units.words.unit))
}

/// 附件2 到位资金 by member: this month's and 1–m月's counted 到位资金, and how many projects
/// brought it.
pub fn funds(c: &Content, s: &Snapshot, list: &[ProjectFunds]) -> Table {
    let money = |h| Column::num(h, Num::Money).unit("万元");
    let columns =
        vec![member_column(s), money("本月到位"), money("1—本月累计"), Column::num("有到位资金的项目", Num::Count).unit("个")];
    let items = list.iter().map(|f| (member_of(f.project), [f.month, f.to_date, Decimal::ONE]));
    let rows = per_member(c, s, items, |[month, to_date, n]| vec![Cell::money(month), Cell::money(to_date), Cell::count(n)]);
    Table::new("funds", "到位资金汇总", "到位资金汇总", columns)
        .rows(rows)
        .note(format!("按{}汇总；项目明细见各{}的通报", s.units.words.unit, s.units.words.unit))
}
