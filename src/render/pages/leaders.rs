//! “五个一”包抓 and a leader's page.

use serde::Serialize;

use crate::content::Content;
use crate::content::model::{LeaderIx, Project};
use crate::figures::Snapshot;
use crate::figures::format as fmt;
use crate::figures::rules;
use crate::paths::{self, Tables};
use crate::render::table::{TableView, view};
use crate::render::view::Layout;
use crate::report::backlinks::Backlinks;
use crate::report::{Table, leaders};

#[derive(Serialize)]
pub struct Leaders {
    pub layout: Layout,
    pub table: TableView,
}

pub fn leaders(layout: Layout, table: TableView) -> Leaders {
    Leaders { layout, table }
}

#[derive(Serialize)]
pub struct LeaderPage {
    pub layout: Layout,
    pub name: String,
    pub title: String,
    /// The leader's figures of the period, in a sentence.
    pub line: Option<String>,
    /// The projects the leader's figures count (signed, not terminated).
    pub projects: TableView,
    /// Terminated projects that were in the leader's charge, listed apart: no figure counts them.
    pub terminated: Option<TableView>,
    pub measures: Vec<(String, String)>,
}

pub fn tables(c: &Content, links: &Backlinks, ix: LeaderIx, s: &Snapshot) -> [Table; 2] {
    let l = c.leader(ix);
    let (live, terminated) = leaders::projects(c, links, ix, s);
    let csv = |t: Table| {
        let path = paths::table_csv(Tables::Leader(&l.id), t.slug);
        t.csv(path)
    };
    [csv(live), csv(terminated)]
}

pub fn leader(layout: Layout, c: &Content, links: &Backlinks, ix: LeaderIx, s: &Snapshot, tables: &[Table; 2]) -> LeaderPage {
    let root = layout.root.clone();
    let as_of = s.month.last_day();
    let l = c.leader(ix);
    let mine: Vec<&Project> =
        links.led_by(c, ix).filter(|p| p.milestones.signed <= as_of && !rules::terminated(p, as_of)).collect();
    let [live, terminated] = tables;
    LeaderPage {
        name: l.name.clone(),
        title: l.title.clone().unwrap_or_default(),
        line: s.leaders.iter().find(|r| r.id == l.id).map(|r| {
            format!(
                "包抓在推项目 {} 个，{}到位资金 {} 万元；未解决问题 {} 个，逾期交办事项 {} 项。",
                r.projects.len(),
                fmt::period_text(s.month),
                fmt::wan(r.funds),
                r.open_problems,
                r.overdue_items
            )
        }),
        projects: view(live, None, &root),
        terminated: (!terminated.rows.is_empty()).then(|| view(terminated, None, &root)),
        measures: mine.iter().map(|p| (p.name.clone(), p.measures.clone().unwrap_or_else(|| "未落实".to_string()))).collect(),
        layout,
    }
}
