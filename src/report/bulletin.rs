//! The tables only a month's bulletin has: the three targets, the other indicators, the four
//! rates, the stages, the fund origins and key categories, the 亿元以上 projects and the four
//! annexes (附件). The rankings, squads, chains and leaders tables are their pages' own
//! (`units`, `squads`, `chains`, `leaders`); [`super::MonthTables`] puts them all in order.

use rust_decimal::Decimal;

use super::table::{Cell, Column, DateStyle, Kind, Num, Table};
use crate::content::Content;
use crate::content::model::Project;
use crate::figures::annex::{Annex, ItemLine, ProjectFunds, TripLine};
use crate::figures::format as fmt;
use crate::figures::snapshot::{BreakdownRow, Rate, Snapshot, Target};
use crate::paths;

/// 三项目标任务完成情况: a row per target, each in its own unit.
pub fn targets(s: &Snapshot) -> Table {
    let numbers = |h| Column::new(h, Kind::Numbers);
    let columns = vec![
        Column::text("指标"),
        numbers("1—本月累计"),
        numbers("年度目标"),
        Column::num("完成率", Num::Percent),
        Column::num("进度差", Num::Points).unit("个百分点"),
        numbers("上年同期"),
        Column::num("同比", Num::SignedPercent),
        numbers("本月新增"),
    ];
    let line = |name: &str, t: &Target, num: Num| {
        vec![
            Cell::text(name),
            Cell::num(t.value, num),
            Cell::opt(t.target, num),
            Cell::opt(t.completion.value, Num::Percent),
            Cell::opt(t.gap_points, Num::Points),
            Cell::num(t.last_year, num),
            Cell::opt(t.yoy.value, Num::SignedPercent),
            Cell::num(t.this_month, num),
        ]
    };
    let h = &s.headline;
    Table::new("targets", "三项目标", "三项目标任务完成情况", columns)
        .rows([
            line("招引项目（个）", &h.projects, Num::Count),
            line("招商到位资金（亿元）", &h.funds, Num::Yi),
            line("外资直投（万美元）", &h.fdi, Num::Amount),
        ])
        .note(format!(
            "时序进度 {}（{}月 ÷ 12）；进度差 = 完成率 − 时序进度，正数为超时序进度，负数为欠时序进度",
            fmt::percent(s.time_progress.value),
            s.month.number()
        ))
}

/// 其他主要指标: 协议转化, 标准化厂房, 小分队, 交办事项.
pub fn others(s: &Snapshot) -> Table {
    let columns = vec![Column::text("指标"), Column::new("数值", Kind::Numbers), Column::text("说明")];
    let (a, f, q, m) = (&s.agreements, &s.factories, &s.squads, &s.meetings);
    let row = |name: &str, value: Cell, note: String| vec![Cell::text(name), value, Cell::text(note)];
    let pct = |r: Option<Decimal>| Cell::opt(r, Num::Percent);
    let mut rows = vec![
        row("协议项目（个）", Cell::count(a.agreements), "本年签订的协议项目".into()),
        row("协议转签合同（个）", Cell::count(a.converted), "截至月末已转签合同".into()),
        row("协议转化率", pct(a.rate.value), "转签合同 ÷ 协议项目".into()),
        row("直接签订合同项目（个）", Cell::count(a.contracts), String::new()),
    ];
    // Factories, squads and meetings are a county's own: a roll-up does not add them up.
    if s.units.words.rollup {
        return Table::new("others", "其他指标", "其他主要指标", columns).rows(rows);
    }
    rows.extend([
        row("标准化厂房已建成（栋）", Cell::count(f.buildings_built), String::new()),
        row("已建成面积（平方米）", Cell::num(f.area_built, Num::Amount), String::new()),
        row("已入驻（栋）", Cell::count(f.buildings_occupied), String::new()),
        row("已入驻面积（平方米）", Cell::num(f.area_occupied, Num::Amount), String::new()),
        row("厂房入驻率", pct(f.rate_area.value), "按面积：已入驻面积 ÷ 已建成面积".into()),
        row("厂房入驻率目标", pct(f.target), String::new()),
        row("招商小分队（支）", Cell::count(q.total), String::new()),
        row("本月完成外出任务（支）", Cell::count(q.met), format!("每支每月至少外出 {} 次", q.required_per_month)),
        row("小分队达标率", pct(q.rate.value), "完成外出任务的小分队 ÷ 小分队总数".into()),
        row("交办联评会议（次）", Cell::count(m.meetings), "本年截至月末".into()),
        row("交办事项（项）", Cell::count(m.items), String::new()),
        row("已办结（项）", Cell::count(m.closed), String::new()),
        row("办结率", pct(m.closed_rate.value), "已办结 ÷ 交办事项".into()),
        row("逾期未办结（项）", Cell::count(m.overdue), String::new()),
    ]);
    Table::new("others", "其他指标", "其他主要指标", columns).rows(rows)
}

/// The formula of each rate, as the rules compute it.
pub fn rate_formulas(s: &Snapshot) -> [&'static str; 4] {
    let r = &s.rates;
    let production = if r.production.denominator == Decimal::from(s.pipeline.started) && s.pipeline.started != s.pipeline.signed {
        "已投产项目 ÷ 已开工项目"
    } else {
        "已投产项目 ÷ 签约项目"
    };
    ["履约项目 ÷ 签约项目", "签约项目累计到位资金 ÷ 合同引资额", "已开工项目（含投产） ÷ 签约项目", production]
}

/// “四率”情况.
pub fn rates(s: &Snapshot) -> Table {
    let numbers = |h| Column::new(h, Kind::Numbers);
    let columns = vec![
        Column::text("指标"),
        Column::num("比率", Num::Percent),
        numbers("分子"),
        numbers("分母"),
        Column::text("单位"),
        Column::text("计算方法"),
        Column::num("目标", Num::Percent),
    ];
    let r = &s.rates;
    let formulas = rate_formulas(s);
    let rows = [
        ("履约率", &r.fulfilment, false),
        ("资金到位率", &r.funds, true),
        ("开工率", &r.start, false),
        ("竣工投产率", &r.production, false),
    ]
    .into_iter()
    .zip(formulas)
    .map(|((name, rate, money), formula): ((&str, &Rate, bool), &str)| {
        let num = if money { Num::Money } else { Num::Count };
        vec![
            Cell::text(name),
            Cell::opt(rate.rate.value, Num::Percent),
            Cell::num(rate.numerator, num),
            Cell::num(rate.denominator, num),
            Cell::text(if money { "万元" } else { "个" }),
            Cell::text(formula),
            Cell::opt(rate.target, Num::Percent),
        ]
    });
    Table::new("rates", "四率", "“四率”情况", columns).rows(rows)
}

/// 项目所处阶段: the rate cohort by the stage each project is at now.
pub fn stages(s: &Snapshot) -> Table {
    let columns = vec![Column::text("阶段"), Column::num("项目", Num::Count).unit("个")];
    let rows = s.pipeline.by_stage.iter().map(|x| vec![Cell::text(x.stage.zh()), Cell::count(x.count)]);
    Table::new("stages", "项目阶段", "项目所处阶段（截至月末）", columns)
        .rows(rows)
        .note("本年计入“四率”的签约项目，各在其当前所处阶段计一次")
}

/// A breakdown's rows with projects or money.
fn shown(rows: &[BreakdownRow]) -> impl Iterator<Item = &BreakdownRow> {
    rows.iter().filter(|r| r.projects > 0 || !r.funds.is_zero())
}

fn share(r: &BreakdownRow) -> Cell {
    if r.counted { Cell::opt(r.funds_share.value, Num::Percent) } else { Cell::text("不计入") }
}

/// 到位资金来源: every origin with money, 县内 marked as not counted.
pub fn origins(s: &Snapshot) -> Table {
    let columns =
        vec![Column::text("资金来源"), Column::num("到位资金", Num::Money).unit("万元"), Column::num("占比", Num::Percent)];
    let rows = shown(&s.breakdowns.by_fund_origin).map(|r| vec![Cell::text(&r.name), Cell::money(r.funds), share(r)]);
    Table::new("origins", "资金来源", "到位资金来源", columns)
        .rows(rows)
        .note(format!("占比为占{}到位资金的比重；“不计入”的来源不算作招商到位资金", s.units.words.whole))
}

/// 500强、总部经济、电子信息等项目: the tags, largest money first.
pub fn tags(s: &Snapshot) -> Table {
    let money = |h| Column::num(h, Num::Money).unit("万元");
    let columns = vec![
        Column::text("重点类别"),
        Column::num("招引项目", Num::Count).unit("个"),
        money("合同引资额"),
        money("到位资金"),
        Column::num("占比", Num::Percent),
    ];
    let rows = shown(&s.breakdowns.by_tag).map(|r| {
        vec![Cell::text(&r.name), Cell::count(r.projects), Cell::money(r.contract_amount), Cell::money(r.funds), share(r)]
    });
    Table::new("tags", "重点类别", "500强、总部经济、电子信息等项目", columns)
        .rows(rows)
        .note(format!("一个项目可属于几个类别，各类别之和不必等于{}合计", s.units.words.whole))
}

/// 亿元以上新签约项目: those of 附件1 with a contract amount of 1 亿元 (10 000 万元) or more.
pub fn big_projects(c: &Content, s: &Snapshot, annex: &Annex) -> Table {
    let big: Vec<&Project> = annex.new_projects.iter().copied().filter(|p| p.contract_amount >= Decimal::from(10_000)).collect();
    let caption = format!("亿元以上新签约项目（{}个）", big.len());
    let mut t = super::projects::list(c, &big, s.month.last_day(), "big-projects", caption);
    t.sheet = "亿元以上项目";
    t
}

/// 附件1 新签约项目台账: the projects counted toward this year's target, newest first.
pub fn new_projects(c: &Content, s: &Snapshot, list: &[&Project]) -> Table {
    super::projects::ledger(c, list, s.month.last_day(), "new-projects", "新签约项目", "新签约项目台账")
}

/// 附件2 到位资金明细: 到位资金 by project this period, largest first.
pub fn funds(c: &Content, rows: &[ProjectFunds]) -> Table {
    let money = |h| Column::num(h, Num::Money).unit("万元");
    let columns = vec![
        Column::link("项目"),
        Column::text("产业链"),
        Column::text("建设性质"),
        money("本月到位"),
        money("1—本月累计"),
        Column::text("计入单位"),
    ];
    let rows = rows.iter().map(|f| {
        let p = f.project;
        vec![
            Cell::link(&p.name, paths::project(&p.id)),
            Cell::text(&c.chain(p.chain).name),
            Cell::text(p.build_type.zh()),
            Cell::money(f.month),
            Cell::money(f.to_date),
            p.credit_unit.map_or(Cell::Dash, |u| Cell::text(&c.unit(u).name)),
        ]
    });
    Table::new("funds", "到位资金明细", "到位资金明细", columns).rows(rows)
}

/// 附件3 本月小分队外出情况: trips that started this month; one still under way on the as-of
/// day has no return date yet.
pub fn trips(s: &Snapshot, lines: &[TripLine]) -> Table {
    let in_year = DateStyle::InYear(s.year);
    let count = |h, unit| Column::num(h, Num::Count).unit(unit);
    let columns = vec![
        Column::link("小分队"),
        Column::date("出发日期", in_year),
        Column::date("返回日期", in_year),
        Column::text("目的地"),
        count("人数", "人"),
        count("天数", "天"),
        count("拜访企业", "家"),
        count("有效线索", "条"),
        Column::text("一把手带队"),
    ];
    let rows = lines.iter().map(|line| {
        let t = line.trip;
        vec![
            Cell::link(&line.squad.name, paths::squad(&line.squad.id)),
            Cell::Date(t.start),
            line.back.map_or_else(|| Cell::text("未返回"), Cell::Date),
            Cell::text(&t.destination),
            Cell::count(t.people),
            Cell::count(line.days),
            Cell::count(t.companies.len() as u32),
            Cell::count(t.leads),
            Cell::yes(t.leader_trip),
        ]
    });
    Table::new("trips", "本月外出", "本月小分队外出情况", columns)
        .rows(rows)
        .note(format!("天数计至{}（月末）", fmt::date_zh(s.month.last_day())))
}

/// 附件4 交办事项清单: every item assigned this year by the as-of date.
pub fn items(c: &Content, s: &Snapshot, lines: &[ItemLine]) -> Table {
    let in_year = DateStyle::InYear(s.year);
    let columns = vec![
        Column::date("会议日期", in_year),
        Column::link("项目"),
        Column::text("交办事项"),
        Column::text("承办单位"),
        Column::date("办结时限", in_year),
        Column::tag("状态"),
    ];
    let rows = lines.iter().map(|line| {
        let i = line.item;
        vec![
            Cell::Date(line.meeting.date),
            i.project.map_or(Cell::Dash, |p| Cell::link(&c.project(p).name, paths::project(&c.project(p).id))),
            Cell::text(&i.task),
            Cell::text(&c.unit(i.unit).name),
            Cell::Date(i.deadline),
            super::units::state_cell(line.state),
        ]
    });
    let mut t = Table::new("items", "交办事项", "交办事项清单", columns).rows(rows);
    t.row_header = 2;
    t
}
