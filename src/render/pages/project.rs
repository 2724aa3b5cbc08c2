//! A project's page: its facts, 五个一, milestones, money, problems, meeting items and trips.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::leader_label;
use crate::content::Content;
use crate::content::model::ProjectIx;
use crate::figures::format as fmt;
use crate::figures::rules::{self, Stage};
use crate::paths;
use crate::render::table::{TableView, view};
use crate::render::view::Layout;
use crate::report::backlinks::Backlinks;
use crate::report::project;

#[derive(Serialize)]
pub struct ProjectPage {
    pub layout: Layout,
    pub head: Head,
    pub facts: Vec<(String, String)>,
    pub five_one: Vec<(String, String, Option<String>)>,
    pub introduced: String,
    pub timeline: Vec<TimelineStep>,
    pub funds_total: String,
    pub funds_bar: String,
    pub funds_ratio: String,
    pub funds: TableView,
    pub fdi: Option<TableView>,
    pub problems: TableView,
    pub items: Option<TableView>,
    pub trips: Option<TableView>,
    pub factory: Option<String>,
    /// 变更记录, from git.
    pub changes: Option<TableView>,
    pub terminated_reason: Option<String>,
    pub note: Option<String>,
}

/// What the page's title line says.
#[derive(Serialize)]
pub struct Head {
    pub id: String,
    pub name: String,
    pub stage: &'static str,
    pub stage_class: &'static str,
    pub chain: String,
    pub sign_type: &'static str,
    pub signed: String,
    pub contract_amount: String,
}

#[derive(Serialize)]
pub struct TimelineStep {
    pub name: &'static str,
    pub date: String,
    pub done: bool,
}

pub fn project(
    layout: Layout,
    c: &Content,
    links: &Backlinks,
    ix: ProjectIx,
    as_of: NaiveDate,
    history: &crate::record::git::History,
) -> ProjectPage {
    let root = layout.root.clone();
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
    let origin = p.from.text().unwrap_or_else(|| "—".to_string());
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
            p.leader.map(|l| paths::leader(&c.leader(l).id)),
        ),
        ("推进措施".to_string(), p.measures.clone().unwrap_or_else(|| "未落实".to_string()), None),
        (
            "责任部门".to_string(),
            p.unit.map_or("未落实".to_string(), |u| c.unit(u).name.clone()),
            p.unit.map(|u| paths::unit(&c.unit(u).id)),
        ),
    ];
    let introduced = match (p.introduced_by_squad, p.introduced_by_unit) {
        (Some(q), Some(u)) => format!("{}（{}）", c.squad(q).name, c.unit(u).name),
        (Some(q), None) => c.squad(q).name.clone(),
        (None, Some(u)) => c.unit(u).name.clone(),
        (None, None) => "—".to_string(),
    };
    let factory = links.buildings(c, ix).find(|(_, b)| b.moved_in.is_some_and(|d| d <= as_of)).map(|(park, b)| {
        format!(
            "{} {}（{} 平方米，{} 入驻）",
            park.name,
            b.name,
            fmt::amount(b.area),
            b.moved_in.map(|d| d.to_string()).unwrap_or_default()
        )
    });
    let stage = (m.signed <= as_of).then(|| rules::stage(p, &c.site.rules, as_of));
    let t = project::tables(c, links, ix, as_of);
    let ratio = crate::figures::snapshot::Ratio::of(t.funds_total, p.contract_amount);
    let shown = |t: &crate::report::Table| (!t.rows.is_empty()).then(|| view(t, None, &root));
    ProjectPage {
        layout,
        head: Head {
            id: p.id.clone(),
            name: p.name.clone(),
            stage: stage.map_or("未签约", Stage::zh),
            stage_class: match stage {
                Some(Stage::Terminated) => "struck",
                Some(Stage::Producing) => "good",
                _ => "",
            },
            chain: c.chain(p.chain).name.clone(),
            sign_type: p.sign_type.zh(),
            signed: m.signed.to_string(),
            contract_amount: fmt::wan(p.contract_amount),
        },
        facts,
        five_one,
        introduced,
        timeline,
        funds_total: fmt::wan(t.funds_total),
        funds_bar: fmt::fixed(
            ratio.value.map_or(Decimal::ZERO, fmt::percent_value).clamp(Decimal::ZERO, Decimal::ONE_HUNDRED),
            2,
        ),
        funds_ratio: fmt::percent(ratio.value),
        funds: view(&t.funds, None, &root),
        fdi: shown(&t.fdi),
        problems: view(&t.problems, None, &root),
        items: shown(&t.items),
        trips: shown(&t.trips),
        factory,
        changes: ["yaml", "yml"]
            .iter()
            .find_map(|ext| crate::report::history::changes(history, &format!("projects/{}.{ext}", p.id)))
            .map(|t| view(&t, None, &root)),
        terminated_reason: p.terminated_reason.clone().filter(|_| m.terminated.is_some_and(|d| d <= as_of)),
        note: p.note.clone(),
    }
}
