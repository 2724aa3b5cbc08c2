//! The context of each kind of page: what its template shows, already formatted. One file per
//! page family; each function takes the page's [`Layout`] and returns its context. Tables come
//! from [`crate::report`] as [`TableView`](super::table::TableView)s.

pub mod bulletin;
pub mod chains;
pub mod dashboard;
pub mod free;
pub mod leaders;
pub mod project;
pub mod projects;
pub mod site;
pub mod squads;
pub mod units;

use serde::Serialize;

use super::view::Link;
use crate::content::Content;
use crate::content::model::{Briefing, Leader};
use crate::figures::Snapshot;
use crate::figures::format as fmt;
use crate::paths;
use crate::report::text;

#[derive(Serialize)]
pub struct Alerts {
    pub count: usize,
    /// A roll-up's alerts counted by member (best first as the ranking has them): where to
    /// look first. Empty on a county's site.
    pub by_member: Vec<MemberAlerts>,
    pub stalled: Vec<AlertLine>,
    pub not_started: Vec<AlertLine>,
    pub squads: Vec<Link>,
    pub overdue: Vec<AlertLine>,
    pub problems: Vec<AlertLine>,
    pub five_one: Vec<AlertLine>,
}

/// One member's alerts of a roll-up, counted.
#[derive(Serialize)]
pub struct MemberAlerts {
    pub name: String,
    pub href: String,
    pub stalled: usize,
    pub not_started: usize,
    pub problems: usize,
    pub five_one: usize,
}

/// A line of a list of alerts: what, a link to its page, the detail.
pub use crate::report::text::Line as AlertLine;
pub use crate::report::text::summary_lines;

pub fn alerts(c: &Content, s: &Snapshot) -> Alerts {
    let project = |id: &str| c.project_by_id(id);
    let name_of = |id: &str| project(id).map_or(id.to_string(), |p| p.name.clone());
    let href = |id: &str| Some(paths::project(id));
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
        .map(|q| Link { href: paths::squad(&q.id), text: q.name.clone() })
        .collect();
    let overdue = text::overdue_lines(c, s);
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
    // A roll-up's projects are `<member>-<id>`: count each list by member.
    let of = |member: &str, ids: &mut dyn Iterator<Item = &String>| {
        let prefix = format!("{member}-");
        ids.filter(|id| id.starts_with(&prefix)).count()
    };
    let by_member = c
        .members
        .iter()
        .map(|m| MemberAlerts {
            name: m.name.clone(),
            href: paths::unit(&m.id),
            stalled: of(&m.id, &mut a.stalled.iter().map(|x| &x.project)),
            not_started: of(&m.id, &mut a.not_started.iter().map(|x| &x.project)),
            problems: of(&m.id, &mut a.old_problems.iter().map(|x| &x.project)),
            five_one: of(&m.id, &mut a.missing_five_one.iter().map(|x| &x.project)),
        })
        .collect();
    Alerts {
        count: stalled.len() + not_started.len() + squads.len() + overdue.len() + problems.len() + five_one.len(),
        by_member,
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
        href: paths::bulletin(b.period),
        issue: format!("第{}期", b.issue),
        title: b.title.clone(),
        period: fmt::period_text(b.period),
        issued: b.issued.map(fmt::date_zh).unwrap_or_default(),
    }
}

/// `姓名（职务）`.
pub fn leader_label(l: &Leader) -> String {
    match &l.title {
        Some(t) => format!("{}（{t}）", l.name),
        None => l.name.clone(),
    }
}
