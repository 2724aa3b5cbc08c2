//! The context of each kind of page: which figures it shows, formatted. One function per
//! page kind; each returns the template name and its context.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::backlinks::Backlinks;
use super::markdown;
use super::view::{self, Card, Layout, Link, ProjectLine, RateView, UnitLine};
use crate::content::Content;
use crate::content::model::RankBy;
use crate::content::model::{Briefing, Chain, Leader, Page, Project, ProjectIx, Squad, Unit, UnitIx, UnitKind};
use crate::figures::annex::Annex;
use crate::figures::format as fmt;
use crate::figures::people::ItemState;
use crate::figures::rules::{self, Stage};
use crate::figures::snapshot::{BreakdownRow, LeaderRow, List, Snapshot, SquadRow};
use crate::period::Month;

// ---- dashboard -------------------------------------------------------------------------------

#[derive(Serialize)]
pub struct Dashboard {
    pub layout: Layout,
    pub period: String,
    pub time_progress: String,
    pub cards: Vec<Card>,
    pub rates: Vec<RateView>,
    pub conversion: String,
    pub squads: String,
    pub factories: String,
    pub meetings: String,
    pub alerts: Alerts,
    pub charts: Vec<String>,
    pub bulletins: Vec<BulletinLink>,
}

#[derive(Serialize)]
pub struct Alerts {
    pub count: usize,
    pub stalled: Vec<AlertLine>,
    pub not_started: Vec<AlertLine>,
    pub squads: Vec<Link>,
    pub overdue: Vec<AlertLine>,
    pub problems: Vec<AlertLine>,
    pub five_one: Vec<AlertLine>,
}

#[derive(Serialize)]
pub struct AlertLine {
    pub href: Option<String>,
    pub name: String,
    pub detail: String,
}

pub fn alerts(c: &Content, s: &Snapshot) -> Alerts {
    let project = |id: &str| c.project_by_id(id);
    let name_of = |id: &str| project(id).map_or(id.to_string(), |p| p.name.clone());
    let href = |id: &str| Some(format!("projects/{id}.html"));
    let a = &s.alerts;
    let stalled: Vec<AlertLine> = a
        .stalled
        .iter()
        .map(|x| AlertLine {
            href: href(&x.project),
            name: x.name.clone(),
            detail: format!("自 {} 起 {} 个月无进展", x.since, x.months),
        })
        .collect();
    let not_started: Vec<AlertLine> = a
        .not_started
        .iter()
        .map(|x| AlertLine {
            href: href(&x.project),
            name: x.name.clone(),
            detail: format!("{} 签约，{} 个月未开工", x.since, x.months),
        })
        .collect();
    let squads: Vec<Link> = a
        .squads_short_of_trips
        .iter()
        .filter_map(|id| c.squads.iter().find(|q| &q.id == id))
        .map(|q| Link { href: format!("squads/{}.html", q.id), text: q.name.clone() })
        .collect();
    let overdue: Vec<AlertLine> = a
        .overdue_items
        .iter()
        .map(|x| AlertLine {
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
        .collect();
    let problems: Vec<AlertLine> = a
        .old_problems
        .iter()
        .map(|x| AlertLine {
            href: href(&x.project),
            name: format!("{}：{}", name_of(&x.project), x.text),
            detail: format!("{}问题，{} 提出，{} 天未解决", x.kind.zh(), x.opened, x.days),
        })
        .collect();
    let five_one: Vec<AlertLine> = a
        .missing_five_one
        .iter()
        .map(|x| AlertLine {
            href: href(&x.project),
            name: name_of(&x.project),
            detail: format!("缺少{}", x.missing.iter().map(|m| m.zh()).collect::<Vec<_>>().join("、")),
        })
        .collect();
    Alerts {
        count: stalled.len() + not_started.len() + squads.len() + overdue.len() + problems.len() + five_one.len(),
        stalled,
        not_started,
        squads,
        overdue,
        problems,
        five_one,
    }
}

#[derive(Serialize)]
pub struct BulletinLink {
    pub href: String,
    pub issue: String,
    pub title: String,
    pub period: String,
    pub issued: String,
}

pub fn bulletin_link(b: &Briefing) -> BulletinLink {
    BulletinLink {
        href: view::bulletin_href(b.period),
        issue: format!("第{}期", b.issue),
        title: b.title.clone(),
        period: view::period_text(b.period),
        issued: b.issued.map(view::date_zh).unwrap_or_default(),
    }
}

fn summary_lines(s: &Snapshot) -> (String, String, String, String) {
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

pub fn dashboard(layout: Layout, c: &Content, s: &Snapshot) -> Dashboard {
    let (conversion, squads, factories, meetings) = summary_lines(s);
    Dashboard {
        layout,
        period: view::period_text(s.month),
        time_progress: fmt::percent(s.time_progress.value),
        cards: view::cards(s),
        rates: view::rates(s),
        conversion,
        squads,
        factories,
        meetings,
        alerts: alerts(c, s),
        charts: ["progress", "funds-monthly", "rates", "pipeline"].iter().map(|n| view::chart(s, n)).collect(),
        bulletins: c.briefings.iter().rev().filter(|b| b.period <= s.month).take(3).map(bulletin_link).collect(),
    }
}

// ---- bulletin --------------------------------------------------------------------------------

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
    pub cards: Vec<Card>,
    pub rates: Vec<RateView>,
    pub pipeline: Vec<(String, String)>,
    pub conversion: String,
    pub factories: String,
    pub squads_line: String,
    pub meetings_line: String,
    pub chains: Vec<Vec<String>>,
    pub origins: Vec<Vec<String>>,
    pub tags: Vec<Vec<String>>,
    pub big_projects: Vec<ProjectLine>,
    pub towns: Vec<UnitLine>,
    pub departments: Vec<UnitLine>,
    pub rank_metric: &'static str,
    /// How the 红黑榜 are drawn, with this site's numbers of places.
    pub lists_rule: String,
    pub red: Vec<String>,
    pub black: Vec<String>,
    pub squads: Vec<Vec<String>>,
    pub squads_missed: String,
    pub leader_trips: u32,
    pub leaders: Vec<Vec<String>>,
    pub overdue: Vec<AlertLine>,
    pub charts: Charts,
    pub new_projects: Vec<ProjectLine>,
    pub funds_detail: Vec<Vec<String>>,
    pub trips: Vec<Vec<String>>,
    pub items: Vec<Vec<String>>,
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

fn breakdown_rows(rows: &[crate::figures::snapshot::BreakdownRow], with_projects: bool) -> Vec<Vec<String>> {
    rows.iter()
        .filter(|r| r.projects > 0 || !r.funds.is_zero())
        .map(|r| {
            let mut row = vec![r.name.clone()];
            if with_projects {
                row.push(r.projects.to_string());
                row.push(fmt::wan(r.contract_amount));
            }
            row.push(fmt::wan(r.funds));
            row.push(if r.counted { fmt::percent(r.funds_share.value) } else { "不计入".to_string() });
            row
        })
        .collect()
}

/// The 红黑榜 rule in the words of the 统计口径 page, with the site's numbers of places.
pub fn lists_rule(c: &Content) -> String {
    let r = &c.site.rules;
    format!(
        "红榜取完成率不低于时序进度、且排名在本类前{}名的单位，黑榜取完成率低于时序进度、且排名在本类后{}名的单位，名次并列的单位一并列入",
        r.red_list_top, r.black_list_bottom
    )
}

pub fn bulletin(layout: Layout, c: &Content, b: &Briefing, s: &Snapshot, annex: &Annex) -> Bulletin {
    let (conversion, squads_line, factories, meetings_line) = summary_lines(s);
    let as_of = s.month.last_day();
    let rank_by_funds = s.units.rank_by == RankBy::Funds;
    let name_of_unit = |id: &str| c.units.iter().find(|u| u.id == id).map_or(id.to_string(), |u| u.name.clone());
    let listed = |list: List| -> Vec<String> {
        s.units.towns.iter().chain(&s.units.departments).filter(|r| r.list == Some(list)).map(|r| name_of_unit(&r.id)).collect()
    };
    let squad_name = |id: &str| c.squads.iter().find(|q| q.id == id).map_or(id.to_string(), |q| q.name.clone());
    let missed: Vec<String> = s.squads.missed.iter().map(|id| squad_name(id)).collect();
    let chart = |n| view::chart(s, n);

    // 附件1: projects newly counted this year (signed or converted), newest first.
    let new_projects = &annex.new_projects;
    // 亿元以上 projects among them.
    let big_projects = new_projects
        .iter()
        .filter(|p| p.contract_amount >= Decimal::from(10_000))
        .map(|p| view::project_line(c, p, as_of))
        .collect();

    // 附件2: 到位资金 by project this period.
    let funds_detail: Vec<Vec<String>> = annex
        .funds
        .iter()
        .map(|f| {
            let p = f.project;
            vec![
                p.name.clone(),
                c.chain(p.chain).name.clone(),
                p.build_type.zh().to_string(),
                fmt::wan(f.month),
                fmt::wan(f.to_date),
                p.credit_unit.map_or("—".to_string(), |u| c.unit(u).name.clone()),
            ]
        })
        .collect();

    // 附件3: trips of this month; one still under way on the as-of day shows no return date.
    let trips: Vec<Vec<String>> = annex
        .trips
        .iter()
        .map(|line| {
            let t = line.trip;
            let start = t.start.format("%m-%d");
            vec![
                line.squad.name.clone(),
                match line.back {
                    Some(back) => format!("{start}至{}", back.format("%m-%d")),
                    None => format!("{start}起（截至{}未返回）", as_of.format("%m-%d")),
                },
                t.destination.clone(),
                t.people.to_string(),
                line.days.to_string(),
                t.companies.len().to_string(),
                t.leads.to_string(),
                if t.leader_trip { "是" } else { "" }.to_string(),
            ]
        })
        .collect();

    // 附件4: every item assigned this year by the as-of date.
    let items: Vec<Vec<String>> = annex
        .items
        .iter()
        .map(|line| {
            let i = line.item;
            vec![
                line.meeting.date.to_string(),
                i.project.map_or("—".to_string(), |p| c.project(p).name.clone()),
                i.task.clone(),
                c.unit(i.unit).name.clone(),
                i.deadline.to_string(),
                line.state.zh().to_string(),
            ]
        })
        .collect();

    let dash = alerts(c, s);
    Bulletin {
        layout,
        title: b.title.clone(),
        issue: format!("第{}期", b.issue),
        issuer: c.site.issuer.clone(),
        issued: b.issued.map(view::date_zh).unwrap_or_default(),
        main_to: b.distribute_to.join("、"),
        body: markdown::render(&b.body, s, c, &view::figure_html),
        period: markdown::period_label(s),
        overview: overview(s),
        cards: view::cards(s),
        rates: view::rates(s),
        pipeline: s.pipeline.by_stage.iter().map(|x| (x.stage.zh().to_string(), x.count.to_string())).collect(),
        conversion,
        factories,
        squads_line,
        meetings_line,
        chains: breakdown_rows(&s.breakdowns.by_chain, true),
        origins: breakdown_rows(&s.breakdowns.by_fund_origin, false),
        tags: breakdown_rows(&s.breakdowns.by_tag, true),
        big_projects,
        towns: view::unit_lines(&s.units.towns, rank_by_funds),
        departments: view::unit_lines(&s.units.departments, rank_by_funds),
        rank_metric: if rank_by_funds { "到位资金" } else { "招引项目" },
        lists_rule: lists_rule(c),
        red: listed(List::Red),
        black: listed(List::Black),
        squads: s
            .squads
            .rows
            .iter()
            .map(|r| {
                vec![
                    r.name.clone(),
                    r.trips_this_month.to_string(),
                    r.trips.to_string(),
                    r.days_away.to_string(),
                    r.companies.to_string(),
                    r.leads.to_string(),
                    r.projects.to_string(),
                    r.leader_trips.to_string(),
                ]
            })
            .collect(),
        squads_missed: if missed.is_empty() { "无".to_string() } else { missed.join("、") },
        leader_trips: s.squads.rows.iter().map(|r| r.leader_trips).sum(),
        leaders: s
            .leaders
            .iter()
            .filter(|l| !l.projects.is_empty())
            .map(|l| {
                let count = |stage: Stage| l.by_stage.iter().find(|x| x.stage == stage).map_or(0, |x| x.count);
                vec![
                    l.name.clone(),
                    l.projects.len().to_string(),
                    count(Stage::Started).to_string(),
                    count(Stage::Producing).to_string(),
                    fmt::wan(l.funds),
                    l.open_problems.to_string(),
                    l.overdue_items.to_string(),
                ]
            })
            .collect(),
        overdue: dash.overdue,
        charts: Charts {
            progress: chart("progress"),
            funds_monthly: chart("funds-monthly"),
            projects_monthly: chart("projects-monthly"),
            rates: chart("rates"),
            pipeline: chart("pipeline"),
            by_chain: chart("by-chain"),
            by_origin: chart("by-origin"),
            units_towns: chart("units-towns"),
            units_departments: chart("units-departments"),
            squad_trips: chart("squad-trips"),
        },
        new_projects: new_projects.iter().map(|p| view::project_line(c, p, as_of)).collect(),
        funds_detail,
        trips,
        items,
        report_to: b.report_to.join("，"),
        send_to: b.send_to.join("，"),
        distribute_to: b.distribute_to.join("，"),
        printed: b.issued.map(|d| format!("{}印发", view::date_zh(d))).unwrap_or_default(),
        copies: b.copies.map(|n| format!("共印{n}份")).unwrap_or_default(),
        data_json: format!("data/{}.json", s.month),
        workbook: format!("bulletins/{}.xlsx", s.month),
    }
}

// ---- archive, ledger ---------------------------------------------------------------------------

#[derive(Serialize)]
pub struct Archive {
    pub layout: Layout,
    pub years: Vec<(i32, Vec<BulletinLink>)>,
}

pub fn archive(layout: Layout, c: &Content, month: Month) -> Archive {
    let mut years: Vec<(i32, Vec<BulletinLink>)> = Vec::new();
    for b in c.briefings.iter().rev().filter(|b| b.period <= month) {
        match years.last_mut() {
            Some((y, list)) if *y == b.period.year() => list.push(bulletin_link(b)),
            _ => years.push((b.period.year(), vec![bulletin_link(b)])),
        }
    }
    Archive { layout, years }
}

#[derive(Serialize)]
pub struct Ledger {
    pub layout: Layout,
    pub projects: Vec<ProjectLine>,
    pub chains: Vec<String>,
    pub stages: Vec<&'static str>,
    pub years: Vec<i32>,
    pub total_contract: String,
    pub total_funds: String,
}

pub fn ledger(layout: Layout, c: &Content, as_of: NaiveDate) -> Ledger {
    let mut lines: Vec<ProjectLine> =
        c.projects.iter().filter(|p| p.milestones.signed <= as_of).map(|p| view::project_line(c, p, as_of)).collect();
    lines.sort_by(|a, b| b.signed.cmp(&a.signed).then_with(|| a.id.cmp(&b.id)));
    let years: BTreeSet<i32> = lines.iter().map(|l| l.year).collect();
    let total = |f: fn(&Project) -> Decimal| c.projects.iter().filter(|p| p.milestones.signed <= as_of).map(f).sum::<Decimal>();
    let funds_to_date = |p: &Project| -> Decimal {
        p.funds.iter().filter(|f| f.month <= Month::of(as_of) && rules::counted_funds(f, &c.site.rules)).map(|f| f.amount).sum()
    };
    Ledger {
        layout,
        chains: c.chains.iter().map(|ch| ch.name.clone()).collect(),
        stages: Stage::ALL.iter().map(|s| s.zh()).collect(),
        years: years.into_iter().rev().collect(),
        total_contract: fmt::wan(total(|p| p.contract_amount)),
        total_funds: fmt::wan(c.projects.iter().filter(|p| p.milestones.signed <= as_of).map(funds_to_date).sum()),
        projects: lines,
    }
}

// ---- one project ----------------------------------------------------------------------------

#[derive(Serialize)]
pub struct ProjectPage {
    pub layout: Layout,
    pub line: ProjectLine,
    pub facts: Vec<(String, String)>,
    pub five_one: Vec<(String, String, Option<String>)>,
    pub introduced: String,
    pub timeline: Vec<TimelineStep>,
    pub funds_total: String,
    pub funds_bar: String,
    pub funds_ratio: String,
    pub funds: Vec<Vec<String>>,
    pub fdi: Vec<Vec<String>>,
    pub problems: Vec<Vec<String>>,
    pub items: Vec<Vec<String>>,
    pub trips: Vec<Vec<String>>,
    pub factory: Option<String>,
    pub terminated_reason: Option<String>,
    pub note: Option<String>,
}

#[derive(Serialize)]
pub struct TimelineStep {
    pub name: &'static str,
    pub date: String,
    pub done: bool,
}

pub fn project(layout: Layout, c: &Content, links: &Backlinks, ix: ProjectIx, as_of: NaiveDate) -> ProjectPage {
    let p = c.project(ix);
    let m = &p.milestones;
    let by = |d: Option<NaiveDate>| d.filter(|d| *d <= as_of);
    let mut timeline = vec![TimelineStep { name: "签约", date: m.signed.to_string(), done: m.signed <= as_of }];
    for (name, date) in [
        ("转签合同", m.contracted),
        ("注册", m.registered),
        ("首笔到资", p.first_funds_date()),
        ("开工", m.started),
        ("竣工投产", m.production),
        ("终止", m.terminated),
    ] {
        if name == "转签合同" && p.sign_type != crate::content::model::SignType::Agreement {
            continue;
        }
        if name == "终止" && by(date).is_none() {
            continue;
        }
        timeline
            .push(TimelineStep { name, date: by(date).map_or("—".to_string(), |d| d.to_string()), done: by(date).is_some() });
    }
    let origin = match (&p.from.country, &p.from.province, &p.from.city) {
        (Some(country), _, _) => format!("境外·{country}"),
        (None, Some(pr), Some(city)) => format!("{pr}{city}"),
        (None, Some(pr), None) => pr.clone(),
        _ => "—".to_string(),
    };
    let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".to_string());
    let facts = vec![
        ("投资方".to_string(), p.investor.clone()),
        ("投资方来源".to_string(), origin),
        ("产业链".to_string(), c.chain(p.chain).name.clone()),
        ("建设内容".to_string(), opt(&p.content)),
        ("招商方式".to_string(), p.method.map_or("—".to_string(), |m| m.zh().to_string())),
        ("招商平台".to_string(), opt(&p.platform)),
        ("建设性质".to_string(), p.build_type.zh().to_string()),
        ("签约类型".to_string(), p.sign_type.zh().to_string()),
        ("总投资".to_string(), format!("{}万元", fmt::wan(p.total_investment))),
        ("合同引资额".to_string(), format!("{}万元", fmt::wan(p.contract_amount))),
        ("合同外资".to_string(), format!("{}万美元", fmt::amount(p.contract_fdi))),
        ("落地镇办".to_string(), p.town.map_or("—".to_string(), |u| c.unit(u).name.clone())),
        ("所在园区".to_string(), opt(&p.park)),
        ("标签".to_string(), if p.tags.is_empty() { "—".to_string() } else { p.tags.join("、") }),
    ];
    let five_one = vec![
        (
            "包抓县级领导".to_string(),
            p.leader.map_or("未落实".to_string(), |l| leader_label(c.leader(l))),
            p.leader.map(|l| format!("leaders/{}.html", c.leader(l).id)),
        ),
        ("推进措施".to_string(), p.measures.clone().unwrap_or_else(|| "未落实".to_string()), None),
        (
            "责任部门".to_string(),
            p.unit.map_or("未落实".to_string(), |u| c.unit(u).name.clone()),
            p.unit.map(|u| view::unit_href(c, u)),
        ),
    ];
    let introduced = match (p.introduced_by_squad, p.introduced_by_unit) {
        (Some(q), Some(u)) => format!("{}（{}）", c.squad(q).name, c.unit(u).name),
        (Some(q), None) => c.squad(q).name.clone(),
        (None, Some(u)) => c.unit(u).name.clone(),
        (None, None) => "—".to_string(),
    };
    let mut running = Decimal::ZERO;
    let funds: Vec<Vec<String>> = p
        .funds
        .iter()
        .filter(|f| f.month <= Month::of(as_of))
        .map(|f| {
            let counted = rules::counted_funds(f, &c.site.rules);
            if counted {
                running += f.amount;
            }
            vec![
                f.month.to_string(),
                fmt::wan(f.amount),
                f.origin.zh().to_string(),
                f.use_.zh().to_string(),
                if counted { fmt::wan(running) } else { "不计入".to_string() },
            ]
        })
        .collect();
    let ratio = crate::figures::snapshot::Ratio::of(running, p.contract_amount);
    let fdi =
        p.fdi.iter().filter(|f| f.month <= Month::of(as_of)).map(|f| vec![f.month.to_string(), fmt::amount(f.amount)]).collect();
    let problems = p
        .problems
        .iter()
        .filter(|x| x.opened <= as_of)
        .map(|x| {
            let resolved = x.resolved.filter(|r| *r <= as_of);
            vec![
                x.kind.zh().to_string(),
                x.text.clone(),
                x.opened.to_string(),
                resolved.map_or_else(|| format!("未解决（{} 天）", (as_of - x.opened).num_days()), |r| r.to_string()),
            ]
        })
        .collect();
    let items = links
        .items(c, ix)
        .filter(|(mt, _)| mt.date <= as_of)
        .map(|(mt, i)| {
            vec![
                mt.date.to_string(),
                i.task.clone(),
                c.unit(i.unit).name.clone(),
                i.deadline.to_string(),
                ItemState::of(i, as_of).zh().to_string(),
            ]
        })
        .collect();
    let trips = links
        .trips(c, ix)
        .filter(|(_, t)| t.start <= as_of)
        .map(|(q, t)| vec![t.start.to_string(), q.name.clone(), t.destination.clone(), t.summary.clone().unwrap_or_default()])
        .collect();
    let factory = links.buildings(c, ix).find(|(_, b)| b.moved_in.is_some_and(|d| d <= as_of)).map(|(park, b)| {
        format!(
            "{} {}（{} 平方米，{} 入驻）",
            park.name,
            b.name,
            fmt::amount(b.area),
            b.moved_in.map(|d| d.to_string()).unwrap_or_default()
        )
    });
    ProjectPage {
        layout,
        line: view::project_line(c, p, as_of),
        facts,
        five_one,
        introduced,
        timeline,
        funds_total: fmt::wan(running),
        funds_bar: fmt::fixed(
            ratio.value.map_or(Decimal::ZERO, fmt::percent_value).clamp(Decimal::ZERO, Decimal::ONE_HUNDRED),
            2,
        ),
        funds_ratio: fmt::percent(ratio.value),
        funds,
        fdi,
        problems,
        items,
        trips,
        factory,
        terminated_reason: p.terminated_reason.clone().filter(|_| m.terminated.is_some_and(|d| d <= as_of)),
        note: p.note.clone(),
    }
}

fn leader_label(l: &Leader) -> String {
    match &l.title {
        Some(t) => format!("{}（{t}）", l.name),
        None => l.name.clone(),
    }
}

// ---- units, squads, chains, leaders ------------------------------------------------------------

#[derive(Serialize)]
pub struct Units {
    pub layout: Layout,
    pub rank_metric: &'static str,
    pub towns: Vec<UnitLine>,
    pub departments: Vec<UnitLine>,
    pub charts: Vec<String>,
}

pub fn units(layout: Layout, s: &Snapshot) -> Units {
    let by_funds = s.units.rank_by == RankBy::Funds;
    Units {
        layout,
        rank_metric: if by_funds { "到位资金" } else { "招引项目" },
        towns: view::unit_lines(&s.units.towns, by_funds),
        departments: view::unit_lines(&s.units.departments, by_funds),
        charts: vec![view::chart(s, "units-towns"), view::chart(s, "units-departments")],
    }
}

#[derive(Serialize)]
pub struct UnitPage {
    pub layout: Layout,
    pub name: String,
    pub kind: &'static str,
    pub head: String,
    pub line: Option<UnitLine>,
    pub credited: Vec<ProjectLine>,
    pub responsible: Vec<ProjectLine>,
    pub squads: Vec<Link>,
    pub items: Vec<Vec<String>>,
}

pub fn unit(layout: Layout, c: &Content, ix: UnitIx, s: &Snapshot) -> UnitPage {
    let u: &Unit = c.unit(ix);
    let as_of = s.month.last_day();
    let rows = if u.kind == UnitKind::Town { &s.units.towns } else { &s.units.departments };
    let line = view::unit_lines(rows, s.units.rank_by == RankBy::Funds).into_iter().find(|l| l.href == view::unit_href(c, ix));
    let signed = |p: &&Project| p.milestones.signed <= as_of;
    UnitPage {
        layout,
        name: u.name.clone(),
        kind: u.kind.zh(),
        head: u.head.clone().unwrap_or_else(|| "—".to_string()),
        line,
        credited: c
            .projects
            .iter()
            .filter(|p| p.credit_unit == Some(ix))
            .filter(signed)
            .map(|p| view::project_line(c, p, as_of))
            .collect(),
        responsible: c
            .projects
            .iter()
            .filter(|p| p.unit == Some(ix))
            .filter(signed)
            .map(|p| view::project_line(c, p, as_of))
            .collect(),
        squads: c
            .squads
            .iter()
            .filter(|q| q.unit == ix)
            .map(|q| Link { href: format!("squads/{}.html", q.id), text: q.name.clone() })
            .collect(),
        items: c
            .meetings
            .iter()
            .filter(|m| m.date <= as_of)
            .flat_map(|m| m.items.iter().filter(|i| i.unit == ix).map(move |i| (m, i)))
            .map(|(m, i)| {
                vec![
                    m.date.to_string(),
                    i.project.map_or("—".to_string(), |p| c.project(p).name.clone()),
                    i.task.clone(),
                    i.deadline.to_string(),
                    ItemState::of(i, as_of).zh().to_string(),
                ]
            })
            .collect(),
    }
}

#[derive(Serialize)]
pub struct Squads {
    pub layout: Layout,
    pub summary: String,
    pub rows: Vec<SquadLine>,
    pub chart: String,
}

#[derive(Serialize)]
pub struct SquadLine {
    pub href: String,
    pub name: String,
    pub unit: String,
    pub this_month: String,
    pub trips: String,
    pub days: String,
    pub companies: String,
    pub leads: String,
    pub projects: String,
    pub missed: String,
    pub ok: bool,
}

pub fn squads(layout: Layout, s: &Snapshot) -> Squads {
    Squads {
        layout,
        summary: summary_lines(s).1,
        rows: s.squads.rows.iter().map(|r| squad_line(r, s)).collect(),
        chart: view::chart(s, "squad-trips"),
    }
}

fn squad_line(r: &SquadRow, s: &Snapshot) -> SquadLine {
    SquadLine {
        href: format!("squads/{}.html", r.id),
        name: r.name.clone(),
        unit: r.unit.clone(),
        this_month: r.trips_this_month.to_string(),
        trips: r.trips.to_string(),
        days: r.days_away.to_string(),
        companies: r.companies.to_string(),
        leads: r.leads.to_string(),
        projects: r.projects.to_string(),
        missed: if r.missed_months.is_empty() {
            "—".to_string()
        } else {
            r.missed_months.iter().map(|m| m.to_string()).collect::<Vec<_>>().join("、")
        },
        ok: r.trips_this_month >= s.squads.required_per_month,
    }
}

#[derive(Serialize)]
pub struct SquadPage {
    pub layout: Layout,
    pub name: String,
    pub captain: String,
    pub unit: Link,
    pub members: Vec<(String, String)>,
    pub chains: String,
    pub regions: String,
    pub line: Option<SquadLine>,
    pub trips: Vec<TripLine>,
}

#[derive(Serialize)]
pub struct TripLine {
    pub dates: String,
    pub days: String,
    pub destination: String,
    pub people: String,
    pub companies: String,
    pub leads: String,
    pub projects: Vec<Link>,
    pub leader_trip: bool,
    pub reported: String,
    pub summary: String,
}

pub fn squad(layout: Layout, c: &Content, q: &Squad, s: &Snapshot) -> SquadPage {
    let as_of = s.month.last_day();
    SquadPage {
        layout,
        name: q.name.clone(),
        captain: q.captain.clone().unwrap_or_else(|| "—".to_string()),
        unit: Link { href: view::unit_href(c, q.unit), text: c.unit(q.unit).name.clone() },
        members: q.members.iter().map(|m| (m.name.clone(), m.grade.map_or("", |g| g.zh()).to_string())).collect(),
        chains: q.chains.iter().map(|ch| c.chain(*ch).name.clone()).collect::<Vec<_>>().join("、"),
        regions: q.regions.join("、"),
        line: s.squads.rows.iter().find(|r| r.id == q.id).map(|r| squad_line(r, s)),
        trips: q
            .trips
            .iter()
            .rev()
            .filter(|t| t.start <= as_of)
            .map(|t| TripLine {
                dates: if t.start == t.end { t.start.to_string() } else { format!("{} 至 {}", t.start, t.end) },
                days: t.days().to_string(),
                destination: t.destination.clone(),
                people: t.people.to_string(),
                companies: t.companies.join("、"),
                leads: t.leads.to_string(),
                projects: t
                    .projects
                    .iter()
                    .map(|p| Link { href: view::project_href(c.project(*p)), text: c.project(*p).name.clone() })
                    .collect(),
                leader_trip: t.leader_trip,
                reported: t.reported.filter(|r| *r <= as_of).map_or("未报送".to_string(), |r| r.to_string()),
                summary: t.summary.clone().unwrap_or_default(),
            })
            .collect(),
    }
}

#[derive(Serialize)]
pub struct Chains {
    pub layout: Layout,
    pub cluster: String,
    pub rows: Vec<ChainLine>,
    pub chart: String,
}

#[derive(Serialize)]
pub struct ChainLine {
    pub href: String,
    pub name: String,
    pub key: bool,
    pub projects: String,
    pub contract: String,
    pub funds: String,
    pub share: String,
}

pub fn chains(layout: Layout, c: &Content, s: &Snapshot) -> Chains {
    Chains {
        layout,
        cluster: c.cluster.clone().unwrap_or_default(),
        rows: s.breakdowns.by_chain.iter().map(|r| chain_line(c, r)).collect(),
        chart: view::chart(s, "by-chain"),
    }
}

fn chain_line(c: &Content, r: &BreakdownRow) -> ChainLine {
    ChainLine {
        href: format!("chains/{}.html", r.key),
        name: r.name.clone(),
        key: c.chains.iter().any(|ch| ch.id == r.key && ch.key),
        projects: r.projects.to_string(),
        contract: fmt::wan(r.contract_amount),
        funds: fmt::wan(r.funds),
        share: fmt::percent(r.funds_share.value),
    }
}

#[derive(Serialize)]
pub struct ChainPage {
    pub layout: Layout,
    pub name: String,
    pub key: bool,
    pub line: Option<ChainLine>,
    pub projects: Vec<ProjectLine>,
}

pub fn chain(layout: Layout, c: &Content, ch: &Chain, s: &Snapshot) -> ChainPage {
    let as_of = s.month.last_day();
    let ix = c.chains.iter().position(|x| x.id == ch.id).unwrap_or(0);
    ChainPage {
        name: ch.name.clone(),
        key: ch.key,
        line: s.breakdowns.by_chain.iter().find(|r| r.key == ch.id).map(|r| chain_line(c, r)),
        projects: c
            .projects
            .iter()
            .filter(|p| p.chain.get() == ix && p.milestones.signed <= as_of)
            .map(|p| view::project_line(c, p, as_of))
            .collect(),
        layout,
    }
}

#[derive(Serialize)]
pub struct Leaders {
    pub layout: Layout,
    pub rows: Vec<LeaderLine>,
}

#[derive(Serialize)]
pub struct LeaderLine {
    pub href: String,
    pub name: String,
    pub title: String,
    pub projects: String,
    pub stages: Vec<(String, String)>,
    pub funds: String,
    pub problems: String,
    pub overdue: String,
}

pub fn leaders(layout: Layout, s: &Snapshot) -> Leaders {
    Leaders { layout, rows: s.leaders.iter().map(leader_line).collect() }
}

fn leader_line(l: &LeaderRow) -> LeaderLine {
    LeaderLine {
        href: format!("leaders/{}.html", l.id),
        name: l.name.clone(),
        title: l.title.clone().unwrap_or_default(),
        projects: l.projects.len().to_string(),
        stages: l.by_stage.iter().map(|x| (x.stage.zh().to_string(), x.count.to_string())).collect(),
        funds: fmt::wan(l.funds),
        problems: l.open_problems.to_string(),
        overdue: l.overdue_items.to_string(),
    }
}

#[derive(Serialize)]
pub struct LeaderPage {
    pub layout: Layout,
    pub name: String,
    pub title: String,
    pub line: Option<LeaderLine>,
    /// The projects the leader's figures count (signed, not terminated).
    pub projects: Vec<ProjectLine>,
    /// Terminated projects that were in the leader's charge, listed apart: no figure counts them.
    pub terminated: Vec<ProjectLine>,
    pub measures: Vec<(String, String)>,
}

pub fn leader(layout: Layout, c: &Content, l: &Leader, s: &Snapshot) -> LeaderPage {
    let as_of = s.month.last_day();
    let ix = c.leaders.iter().position(|x| x.id == l.id).unwrap_or(0);
    let (terminated, mine): (Vec<&Project>, Vec<&Project>) = c
        .projects
        .iter()
        .filter(|p| p.leader.is_some_and(|x| x.get() == ix) && p.milestones.signed <= as_of)
        .partition(|p| rules::terminated(p, as_of));
    LeaderPage {
        name: l.name.clone(),
        title: l.title.clone().unwrap_or_default(),
        line: s.leaders.iter().find(|r| r.id == l.id).map(leader_line),
        projects: mine.iter().map(|p| view::project_line(c, p, as_of)).collect(),
        terminated: terminated.iter().map(|p| view::project_line(c, p, as_of)).collect(),
        measures: mine.iter().map(|p| (p.name.clone(), p.measures.clone().unwrap_or_else(|| "未落实".to_string()))).collect(),
        layout,
    }
}

// ---- factories, meetings, free pages ---------------------------------------------------------

#[derive(Serialize)]
pub struct FactoriesPage {
    pub layout: Layout,
    pub summary: String,
    pub target: String,
    pub buildings: Vec<Vec<String>>,
    pub links: Vec<Option<String>>,
    pub chart: String,
}

pub fn factories(layout: Layout, c: &Content, s: &Snapshot) -> FactoriesPage {
    let f = &s.factories;
    let project = |id: &Option<String>| id.as_ref().and_then(|id| c.project_by_id(id));
    FactoriesPage {
        layout,
        summary: summary_lines(s).2,
        target: fmt::percent(f.target),
        buildings: f
            .buildings
            .iter()
            .map(|b| {
                vec![
                    b.park.clone(),
                    b.name.clone(),
                    fmt::amount(b.area),
                    if b.built { "已建成" } else { "在建" }.to_string(),
                    project(&b.project).map_or("—".to_string(), |p| p.name.clone()),
                    b.moved_in.map_or_else(|| "—".to_string(), |d| d.to_string()),
                ]
            })
            .collect(),
        links: f.buildings.iter().map(|b| project(&b.project).map(view::project_href)).collect(),
        chart: view::chart(s, "factories"),
    }
}

#[derive(Serialize)]
pub struct MeetingsPage {
    pub layout: Layout,
    pub summary: String,
    pub meetings: Vec<MeetingView>,
}

#[derive(Serialize)]
pub struct MeetingView {
    pub id: String,
    pub date: String,
    pub title: String,
    pub chair: String,
    pub items: Vec<ItemView>,
}

#[derive(Serialize)]
pub struct ItemView {
    pub project: Option<Link>,
    pub task: String,
    pub unit: String,
    pub deadline: String,
    pub state: &'static str,
    pub state_class: &'static str,
}

pub fn meetings(layout: Layout, c: &Content, s: &Snapshot) -> MeetingsPage {
    let as_of = s.month.last_day();
    MeetingsPage {
        layout,
        summary: summary_lines(s).3,
        meetings: c
            .meetings
            .iter()
            .rev()
            .filter(|m| m.date <= as_of)
            .map(|m| MeetingView {
                id: m.id.clone(),
                date: view::date_zh(m.date),
                title: m.title.clone().unwrap_or_else(|| "招商落地项目交办联评会议".to_string()),
                chair: m.chair.map_or("—".to_string(), |l| leader_label(c.leader(l))),
                items: m
                    .items
                    .iter()
                    .map(|i| {
                        let state = ItemState::of(i, as_of);
                        let (state, class) = (state.zh(), state.class());
                        ItemView {
                            project: i
                                .project
                                .map(|p| Link { href: view::project_href(c.project(p)), text: c.project(p).name.clone() }),
                            task: i.task.clone(),
                            unit: c.unit(i.unit).name.clone(),
                            deadline: i.deadline.to_string(),
                            state,
                            state_class: class,
                        }
                    })
                    .collect(),
            })
            .collect(),
    }
}

#[derive(Serialize)]
pub struct FreePage {
    pub layout: Layout,
    pub title: String,
    pub body: String,
}

#[derive(Serialize)]
pub struct PagesIndex {
    pub layout: Layout,
    pub pages: Vec<Link>,
}

/// Every free page, in navigation order.
pub fn pages_index(layout: Layout, c: &Content) -> PagesIndex {
    PagesIndex { layout, pages: c.pages.iter().map(view::page_link).collect() }
}

pub fn page(layout: Layout, c: &Content, p: &Page, s: &Snapshot) -> FreePage {
    FreePage { layout, title: p.title.clone(), body: markdown::render(&p.body, s, c, &view::figure_html) }
}
