//! 标准化厂房 and 交办联评: the factory buildings and the meetings' items.

use serde::Serialize;

use super::{leader_label, summary_lines};
use crate::content::Content;
use crate::figures::Snapshot;
use crate::figures::format as fmt;
use crate::render::charts::ChartKind;
use crate::render::table::{TableView, view};
use crate::render::view::{self, Layout};
use crate::report::site;

#[derive(Serialize)]
pub struct FactoriesPage {
    pub layout: Layout,
    pub summary: String,
    pub target: Option<String>,
    pub table: TableView,
    pub chart: String,
}

pub fn factories(layout: Layout, c: &Content, s: &Snapshot) -> FactoriesPage {
    let root = layout.root.clone();
    FactoriesPage {
        layout,
        summary: summary_lines(s).2,
        target: s.factories.target.map(|t| fmt::percent(Some(t))),
        table: view(&site::factories(c, s), None, &root),
        chart: view::chart(s, ChartKind::Factories),
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
    pub items: TableView,
}

pub fn meetings(layout: Layout, c: &Content, s: &Snapshot) -> MeetingsPage {
    let root = layout.root.clone();
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
                date: fmt::date_zh(m.date),
                title: m.title.clone().unwrap_or_else(|| "招商落地项目交办联评会议".to_string()),
                chair: m.chair.map_or("—".to_string(), |l| leader_label(c.leader(l))),
                items: view(&site::meeting_items(c, m, as_of), None, &root),
            })
            .collect(),
    }
}
