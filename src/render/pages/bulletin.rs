//! A month's bulletin (简报): the briefing's text, then the generated data report with the
//! month's tables and charts, and the 版记.

use rust_decimal::Decimal;
use serde::Serialize;

use super::{AlertLine, alerts, summary_lines};
use crate::content::Content;
use crate::content::model::Briefing;
use crate::figures::Snapshot;
use crate::figures::format as fmt;
use crate::figures::snapshot::List;
use crate::paths;
use crate::render::charts::ChartKind;
use crate::render::markdown;
use crate::render::table::MonthViews;
use crate::render::view::{self, Layout};
use crate::report::units::rank_metric;

#[derive(Serialize)]
pub struct Bulletin {
    pub layout: Layout,
    pub title: String,
    pub issue: String,
    pub issuer: String,
    pub issued: String,
    pub main_to: String,
    pub body: String,
    pub period: String,
    pub overview: String,
    pub conversion: String,
    pub factories: String,
    pub squads_line: String,
    pub meetings_line: String,
    pub rank_metric: &'static str,
    pub red: Vec<String>,
    pub black: Vec<String>,
    pub squads_missed: String,
    pub leader_trips: u32,
    pub overdue: Vec<AlertLine>,
    pub charts: Charts,
    pub tables: MonthViews,
    pub report_to: String,
    pub send_to: String,
    pub distribute_to: String,
    pub printed: String,
    pub copies: String,
    pub data_json: String,
    pub workbook: String,
}

#[derive(Serialize)]
pub struct Charts {
    pub progress: String,
    pub funds_monthly: String,
    pub projects_monthly: String,
    pub rates: String,
    pub pipeline: String,
    pub by_chain: String,
    pub by_origin: String,
    pub units_towns: String,
    pub units_departments: String,
    pub squad_trips: String,
}

/// The generated 总体情况 paragraph.
fn overview(s: &Snapshot) -> String {
    let h = &s.headline;
    let target_part = |name: &str, value: String, t: &crate::figures::snapshot::Target, goal: String| {
        format!(
            "{name}{value}，完成年度目标任务{goal}的{}，{}，{}",
            fmt::percent(t.completion.value),
            fmt::gap_text(t.gap_points),
            fmt::yoy_text(t.yoy.value)
        )
    };
    let goal = |t: &crate::figures::snapshot::Target, unit: &str, show: &dyn Fn(Decimal) -> String| {
        t.target.map_or("（未设目标）".to_string(), |v| format!("{}{unit}", show(v)))
    };
    format!(
        "{}，全县{}；{}；{}。时序进度为{}。",
        markdown::period_label(s),
        target_part(
            "新签约招引项目",
            format!("{}个", fmt::count(h.projects.value)),
            &h.projects,
            goal(&h.projects, "个", &|v| fmt::count(v))
        ),
        target_part("招商到位资金", format!("{}亿元", fmt::yi(h.funds.value)), &h.funds, goal(&h.funds, "亿元", &|v| fmt::yi(v))),
        target_part(
            "外资直投",
            format!("{}万美元", fmt::amount(fmt::round(h.fdi.value, 2))),
            &h.fdi,
            goal(&h.fdi, "万美元", &|v| fmt::amount(fmt::round(v, 2)))
        ),
        fmt::percent(s.time_progress.value)
    )
}

pub fn bulletin(layout: Layout, c: &Content, b: &Briefing, s: &Snapshot, tables: MonthViews) -> Bulletin {
    let (conversion, squads_line, factories, meetings_line) = summary_lines(s);
    let name_of_unit = |id: &str| c.units.iter().find(|u| u.id == id).map_or(id.to_string(), |u| u.name.clone());
    let listed = |list: List| -> Vec<String> {
        s.units.towns.iter().chain(&s.units.departments).filter(|r| r.list == Some(list)).map(|r| name_of_unit(&r.id)).collect()
    };
    let squad_name = |id: &str| c.squads.iter().find(|q| q.id == id).map_or(id.to_string(), |q| q.name.clone());
    let missed: Vec<String> = s.squads.missed.iter().map(|id| squad_name(id)).collect();
    let chart = |k| view::chart(s, k);
    Bulletin {
        layout,
        title: b.title.clone(),
        issue: format!("第{}期", b.issue),
        issuer: c.site.issuer.clone(),
        issued: b.issued.map(fmt::date_zh).unwrap_or_default(),
        main_to: b.distribute_to.join("、"),
        body: markdown::render(&b.body, s, c, &view::figure_html),
        period: markdown::period_label(s),
        overview: overview(s),
        conversion,
        factories,
        squads_line,
        meetings_line,
        rank_metric: rank_metric(s.units.rank_by),
        red: listed(List::Red),
        black: listed(List::Black),
        squads_missed: if missed.is_empty() { "无".to_string() } else { missed.join("、") },
        leader_trips: s.squads.rows.iter().map(|r| r.leader_trips).sum(),
        overdue: alerts(c, s).overdue,
        charts: Charts {
            progress: chart(ChartKind::Progress),
            funds_monthly: chart(ChartKind::FundsMonthly),
            projects_monthly: chart(ChartKind::ProjectsMonthly),
            rates: chart(ChartKind::Rates),
            pipeline: chart(ChartKind::Pipeline),
            by_chain: chart(ChartKind::ByChain),
            by_origin: chart(ChartKind::ByOrigin),
            units_towns: chart(ChartKind::UnitsTowns),
            units_departments: chart(ChartKind::UnitsDepartments),
            squad_trips: chart(ChartKind::SquadTrips),
        },
        tables,
        report_to: b.report_to.join("，"),
        send_to: b.send_to.join("，"),
        distribute_to: b.distribute_to.join("，"),
        printed: b.issued.map(|d| format!("{}印发", fmt::date_zh(d))).unwrap_or_default(),
        copies: b.copies.map(|n| format!("共印{n}份")).unwrap_or_default(),
        data_json: paths::data_json(s.month),
        workbook: paths::workbook(s.month),
    }
}
