//! The sentences of a bulletin and the text of its live figures, as the page shows them: kept
//! whole in an issued bulletin's record (`crate::record`), so its page never changes.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::content::Content;
use crate::content::model::Briefing;
use crate::figures::Snapshot;
use crate::figures::format as fmt;
use crate::figures::snapshot::List;
use crate::paths;
use crate::period::Month;
use crate::report::units::rank_metric;

/// A line naming something, maybe linking to its page (relative to the site root).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    pub href: Option<String>,
    pub name: String,
    pub detail: String,
}

/// The sentences and lists of a bulletin page, as shown.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BulletinText {
    pub title: String,
    pub issue: String,
    pub issuer: String,
    pub issued: String,
    pub main_to: String,
    pub period: String,
    pub overview: String,
    pub conversion: String,
    pub factories: String,
    pub squads_line: String,
    pub meetings_line: String,
    pub rank_metric: String,
    pub red: Vec<String>,
    pub black: Vec<String>,
    pub squads_missed: String,
    pub leader_trips: u32,
    pub overdue: Vec<Line>,
    pub report_to: String,
    pub send_to: String,
    pub distribute_to: String,
    pub printed: String,
    pub copies: String,
}

/// 本期数据变动: what changed in the ledger since the previous bulletin.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ChangeLog {
    /// The bulletin compared with (`2026-09`), if any.
    pub since: Option<Month>,
    /// From the data: projects signed, milestones reached, money entered in the month.
    pub data: Vec<Line>,
    /// Issued bulletins of earlier months whose figures have changed since they were issued.
    pub corrections: Vec<Line>,
    /// From git: the commits since the previous bulletin (date, author, message, files).
    pub commits: Vec<Line>,
}

/// The generated 总体情况 paragraph.
pub(super) fn overview(s: &Snapshot, whole: &str) -> String {
    let h = &s.headline;
    // A clause that has no value (no target; nothing last year to compare with) is left out,
    // not written as "—" in the middle of a sentence.
    let target_part = |name: &str, value: String, t: &crate::figures::snapshot::Target, goal: String| {
        let mut part = match t.completion.value {
            Some(_) => format!(
                "{name}{value}，完成年度目标任务{goal}的{}，{}",
                fmt::percent(t.completion.value),
                fmt::gap_text(t.gap_points)
            ),
            None => format!("{name}{value}{goal}"),
        };
        if t.yoy.value.is_some() {
            part.push('，');
            part.push_str(&fmt::yoy_text(t.yoy.value));
        }
        part
    };
    let goal = |t: &crate::figures::snapshot::Target, unit: &str, show: &dyn Fn(Decimal) -> String| {
        t.target.map_or("（未设目标）".to_string(), |v| format!("{}{unit}", show(v)))
    };
    format!(
        "{}，{}{}；{}；{}。时序进度为{}。",
        period_label(s),
        whole,
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

/// The text of the bulletin of briefing `b`, from the figures `s` of its month.
pub fn bulletin_text(c: &Content, b: &Briefing, s: &Snapshot) -> BulletinText {
    let (conversion, squads_line, factories, meetings_line) = summary_lines(s);
    let name_of_unit = |id: &str| c.units.iter().find(|u| u.id == id).map_or(id.to_string(), |u| u.name.clone());
    let listed = |list: List| -> Vec<String> {
        s.units.towns.iter().chain(&s.units.departments).filter(|r| r.list == Some(list)).map(|r| name_of_unit(&r.id)).collect()
    };
    let squad_name = |id: &str| c.squads.iter().find(|q| q.id == id).map_or(id.to_string(), |q| q.name.clone());
    let missed: Vec<String> = s.squads.missed.iter().map(|id| squad_name(id)).collect();
    BulletinText {
        title: b.title.clone(),
        issue: format!("第{}期", b.issue),
        issuer: c.site.issuer.clone(),
        issued: b.issued.map(fmt::date_zh).unwrap_or_default(),
        main_to: b.distribute_to.join("、"),
        period: period_label(s),
        overview: overview(s, c.site.words().whole),
        conversion,
        factories,
        squads_line,
        meetings_line,
        rank_metric: rank_metric(s.units.rank_by).to_string(),
        red: listed(List::Red),
        black: listed(List::Black),
        squads_missed: if missed.is_empty() { "无".to_string() } else { missed.join("、") },
        leader_trips: s.squads.rows.iter().map(|r| r.leader_trips).sum(),
        overdue: overdue_lines(c, s),
        report_to: b.report_to.join("，"),
        send_to: b.send_to.join("，"),
        distribute_to: b.distribute_to.join("，"),
        printed: b.issued.map(|d| format!("{}印发", fmt::date_zh(d))).unwrap_or_default(),
        copies: b.copies.map(|n| format!("共印{n}份")).unwrap_or_default(),
    }
}

/// The overdue meeting items, as the bulletin and the dashboard list them.
pub fn overdue_lines(c: &Content, s: &Snapshot) -> Vec<Line> {
    let name_of = |id: &str| c.project_by_id(id).map_or(id.to_string(), |p| p.name.clone());
    let href = |id: &str| Some(paths::project(id));
    s.alerts
        .overdue_items
        .iter()
        .map(|x| Line {
            href: x.project.as_deref().and_then(href),
            name: x.task.clone(),
            detail: format!(
                "{}{}，限 {} 办结，已逾期 {} 天",
                x.project.as_deref().map(|p| format!("{}：", name_of(p))).unwrap_or_default(),
                x.unit,
                x.deadline,
                x.days_overdue
            ),
        })
        .collect()
}

pub fn summary_lines(s: &Snapshot) -> (String, String, String, String) {
    let conversion = format!(
        "协议项目 {} 个，已转签合同 {} 个（转化率 {}）",
        s.agreements.agreements,
        s.agreements.converted,
        fmt::percent(s.agreements.rate.value)
    );
    let squads = format!(
        "本月 {} 支小分队中 {} 支完成外出任务（每支每月至少外出 {} 次，达标率 {}）",
        s.squads.total,
        s.squads.met,
        s.squads.required_per_month,
        fmt::percent(s.squads.rate.value)
    );
    let factories = format!(
        "已建成标准化厂房 {} 栋、{} 平方米，已入驻 {} 栋、{} 平方米（入驻率 {}）",
        s.factories.buildings_built,
        fmt::amount(s.factories.area_built),
        s.factories.buildings_occupied,
        fmt::amount(s.factories.area_occupied),
        fmt::percent(s.factories.rate_area.value)
    );
    let meetings = format!(
        "交办联评会议 {} 次，交办事项 {} 项，已办结 {} 项（办结率 {}），逾期 {} 项",
        s.meetings.meetings,
        s.meetings.items,
        s.meetings.closed,
        fmt::percent(s.meetings.closed_rate.value),
        s.meetings.overdue
    );
    (conversion, squads, factories, meetings)
}

/// The display text of a figure placeholder, exactly as the tables show it.
pub fn figure(s: &Snapshot, content: &Content, key: &str) -> String {
    let h = &s.headline;
    let yi = |v| format!("{}亿元", fmt::yi(v));
    let count = |v| format!("{}个", fmt::count(v));
    let usd = |v| format!("{}万美元", fmt::amount(fmt::round(v, 2)));
    match key {
        "period" => period_label(s),
        "time_progress" => fmt::percent(s.time_progress.value),
        "projects" => count(h.projects.value),
        "projects.target" => h.projects.target.map_or("—".into(), count),
        "projects.completion" => fmt::percent(h.projects.completion.value),
        "projects.gap" => fmt::gap_text(h.projects.gap_points),
        "projects.yoy" => fmt::yoy_text(h.projects.yoy.value),
        "projects.month" => count(h.projects.this_month),
        "funds" => yi(h.funds.value),
        "funds.target" => h.funds.target.map_or("—".into(), yi),
        "funds.completion" => fmt::percent(h.funds.completion.value),
        "funds.gap" => fmt::gap_text(h.funds.gap_points),
        "funds.yoy" => fmt::yoy_text(h.funds.yoy.value),
        "funds.month" => yi(h.funds.this_month),
        "fdi" => usd(h.fdi.value),
        "fdi.target" => h.fdi.target.map_or("—".into(), usd),
        "fdi.completion" => fmt::percent(h.fdi.completion.value),
        "fdi.gap" => fmt::gap_text(h.fdi.gap_points),
        "fdi.yoy" => fmt::yoy_text(h.fdi.yoy.value),
        "fdi.month" => usd(h.fdi.this_month),
        "rates.fulfilment" => fmt::percent(s.rates.fulfilment.rate.value),
        "rates.funds" => fmt::percent(s.rates.funds.rate.value),
        "rates.start" => fmt::percent(s.rates.start.rate.value),
        "rates.production" => fmt::percent(s.rates.production.rate.value),
        "agreements.converted" => format!("{}个", s.agreements.converted),
        "squads.ok_rate" => fmt::percent(s.squads.rate.value),
        "squads.missed" => {
            let names: Vec<&str> = s
                .squads
                .missed
                .iter()
                .filter_map(|id| content.squads.iter().find(|q| &q.id == id).map(|q| q.name.as_str()))
                .collect();
            if names.is_empty() { "无".to_string() } else { names.join("、") }
        }
        "factories.rate" => fmt::percent(s.factories.rate_area.value),
        "meetings.closed_rate" => fmt::percent(s.meetings.closed_rate.value),
        _ => "—".to_string(),
    }
}

/// `1—10月`, or `1月` for January.
pub fn period_label(s: &Snapshot) -> String {
    if s.month.number() == 1 { "1月".to_string() } else { format!("1—{}月", s.month.number()) }
}
