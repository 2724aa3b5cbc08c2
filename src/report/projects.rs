//! Tables of projects: the short list on unit, chain and leader pages (and the bulletin's
//! 亿元以上 list), and the ledger's columns (the ledger page, the bulletin's 附件1).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::table::{Cell, Column, DateStyle, Num, Table, Tone};
use crate::content::Content;
use crate::content::model::Project;
use crate::figures::rules::{self, Stage};
use crate::paths;
use crate::period::Month;

/// A project's counted 到位资金 from its first entry to `as_of`'s month.
pub fn funds_to_date(c: &Content, p: &Project, as_of: NaiveDate) -> Decimal {
    let month = Month::of(as_of);
    p.funds.iter().filter(|f| f.month <= month && rules::counted_funds(f, &c.site.rules)).map(|f| f.amount).sum()
}

/// A stage as a label: 已投产 stands out, 已终止 is struck through.
pub fn stage_cell(stage: Stage) -> Cell {
    let tone = match stage {
        Stage::Producing => Tone::Good,
        Stage::Terminated => Tone::Struck,
        _ => Tone::Plain,
    };
    Cell::Tag(stage.zh(), tone)
}

fn name_cell(p: &Project) -> Cell {
    Cell::link(&p.name, paths::project(&p.id))
}

fn unit_name(c: &Content, p: &Project) -> Cell {
    p.unit.map_or(Cell::Dash, |u| Cell::text(&c.unit(u).name))
}

/// The short list: name, chain, signing date, money, stage and responsible unit, as of `as_of`
/// (the projects must be signed by then).
pub fn list(c: &Content, projects: &[&Project], as_of: NaiveDate, slug: &'static str, caption: impl Into<String>) -> Table {
    let money = |h| Column::num(h, Num::Money).unit("万元");
    let columns = vec![
        Column::link("项目名称"),
        Column::text("产业链"),
        Column::date("签约日期", DateStyle::Iso),
        money("合同引资额"),
        money("累计到位资金"),
        Column::tag("阶段"),
        Column::text("责任部门"),
    ];
    let rows = projects.iter().map(|p| {
        vec![
            name_cell(p),
            Cell::text(&c.chain(p.chain).name),
            Cell::Date(p.milestones.signed),
            Cell::money(p.contract_amount),
            Cell::money(funds_to_date(c, p, as_of)),
            stage_cell(rules::stage(p, &c.site.rules, as_of)),
            unit_name(c, p),
        ]
    });
    let mut t = Table::new(slug, "项目", caption, columns).rows(rows);
    t.sortable = true;
    t.empty = "暂无项目";
    t
}

/// The ledger's columns: the list's, with the id, the investor, the sign type and the leader.
pub fn ledger(
    c: &Content,
    projects: &[&Project],
    as_of: NaiveDate,
    slug: &'static str,
    sheet: &'static str,
    caption: impl Into<String>,
) -> Table {
    let money = |h| Column::num(h, Num::Money).unit("万元");
    let columns = vec![
        Column::text("编号").screen_only(),
        Column::link("项目名称"),
        Column::text("投资方").screen_only(),
        Column::text("产业链"),
        Column::text("签约类型").screen_only(),
        Column::date("签约日期", DateStyle::Iso),
        money("合同引资额"),
        money("累计到位资金"),
        Column::tag("阶段"),
        Column::text("责任部门"),
        Column::text("包抓县级领导").screen_only(),
    ];
    let rows = projects.iter().map(|p| {
        vec![
            Cell::text(&p.id),
            name_cell(p),
            Cell::text(&p.investor),
            Cell::text(&c.chain(p.chain).name),
            Cell::text(p.sign_type.zh()),
            Cell::Date(p.milestones.signed),
            Cell::money(p.contract_amount),
            Cell::money(funds_to_date(c, p, as_of)),
            stage_cell(rules::stage(p, &c.site.rules, as_of)),
            unit_name(c, p),
            p.leader.map_or(Cell::Dash, |l| Cell::text(&c.leader(l).name)),
        ]
    });
    let mut t = Table::new(slug, sheet, caption, columns).rows(rows);
    t.row_header = 1;
    t.sortable = true;
    t.empty = "暂无项目";
    t
}

/// The whole ledger (台账) as of `as_of`, every field a clerk keeps, for `data/ledger.csv`:
/// projects signed by then, in the content's order, amounts as typed.
pub fn ledger_export(c: &Content, as_of: NaiveDate) -> Table {
    let mut t = Table::new("ledger", "台账", "项目台账", ledger_export_columns())
        .rows(ledger_export_rows(c, as_of))
        .csv(crate::paths::LEDGER_CSV.to_string());
    t.row_header = 1;
    t
}

/// The columns of [`ledger_export`].
pub fn ledger_export_columns() -> Vec<Column> {
    let headers = [
        "编号",
        "项目名称",
        "投资方",
        "投资方来源",
        "产业链",
        "招商方式",
        "建设性质",
        "签约类型",
        "签约日期",
        "转签合同日期",
        "注册日期",
        "开工日期",
        "投产日期",
        "终止日期",
        "总投资(万元)",
        "合同引资额(万元)",
        "合同外资(万美元)",
        "累计到位资金(万元)",
        "外资到位(万美元)",
        "包抓县级领导",
        "推进措施",
        "责任部门",
        "引进单位",
        "阶段",
    ];
    headers
        .iter()
        .map(|h| match *h {
            "签约日期" | "转签合同日期" | "注册日期" | "开工日期" | "投产日期" | "终止日期" => {
                Column::date(*h, DateStyle::Iso)
            }
            h if h.contains("万") => Column::num(h, Num::Amount),
            h => Column::text(h),
        })
        .collect()
}

/// The rows of [`ledger_export`], made one at a time: the CSV of a large county's ledger is
/// written row by row, never held whole as cells.
pub fn ledger_export_rows(c: &Content, as_of: NaiveDate) -> impl Iterator<Item = Vec<Cell>> {
    let month = Month::of(as_of);
    c.projects.iter().filter(move |p| p.milestones.signed <= as_of).map(move |p| {
        let date = |d: Option<NaiveDate>| d.filter(|d| *d <= as_of).map_or(Cell::Empty, Cell::Date);
        let text = |s: Option<&str>| s.map_or(Cell::Empty, Cell::text);
        let fdi: Decimal = p.fdi.iter().filter(|f| f.month <= month).map(|f| f.amount).sum();
        let from = p.from.text();
        let m = &p.milestones;
        vec![
            Cell::text(&p.id),
            Cell::text(&p.name),
            Cell::text(&p.investor),
            text(from.as_deref()),
            Cell::text(&c.chain(p.chain).name),
            text(p.method.map(|m| m.zh())),
            Cell::text(p.build_type.zh()),
            Cell::text(p.sign_type.zh()),
            Cell::Date(m.signed),
            date(m.contracted),
            date(m.registered),
            date(m.started),
            date(m.production),
            date(m.terminated),
            Cell::num(p.total_investment, Num::Amount),
            Cell::num(p.contract_amount, Num::Amount),
            Cell::num(p.contract_fdi, Num::Amount),
            Cell::num(funds_to_date(c, p, as_of), Num::Amount),
            Cell::num(fdi, Num::Amount),
            text(p.leader.map(|l| c.leader(l).name.as_str())),
            text(p.measures.as_deref()),
            text(p.unit.map(|u| c.unit(u).name.as_str())),
            text(p.credit_unit.map(|u| c.unit(u).name.as_str())),
            Cell::text(rules::stage(p, &c.site.rules, as_of).zh()),
        ]
    })
}
