//! 招商小分队 and a squad's page.

use serde::Serialize;

use crate::content::Content;
use crate::content::model::Squad;
use crate::figures::Snapshot;
use crate::paths::{self, Tables};
use crate::render::charts::ChartKind;
use crate::render::table::{TableView, view};
use crate::render::view::{self, Layout, Link};
use crate::report::{Table, squads};

#[derive(Serialize)]
pub struct Squads {
    pub layout: Layout,
    pub summary: String,
    pub table: TableView,
    pub chart: String,
}

pub fn squads(layout: Layout, s: &Snapshot, table: TableView) -> Squads {
    Squads { layout, summary: super::summary_lines(s).1, table, chart: view::chart(s, ChartKind::SquadTrips) }
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
    /// The squad's figures of the period, in a sentence.
    pub line: Option<String>,
    pub trips: TableView,
    /// 变更记录, from git.
    pub changes: Option<TableView>,
}

pub fn trips_table(c: &Content, q: &Squad, s: &Snapshot) -> Table {
    squads::trips(c, q, s).csv(paths::table_csv(Tables::Squad(&q.id), "trips"))
}

pub fn squad(
    layout: Layout,
    c: &Content,
    q: &Squad,
    s: &Snapshot,
    trips: &Table,
    history: &crate::record::git::History,
) -> SquadPage {
    let root = layout.root.clone();
    SquadPage {
        layout,
        name: q.name.clone(),
        captain: q.captain.clone().unwrap_or_else(|| "—".to_string()),
        unit: Link { href: paths::unit(&c.unit(q.unit).id), text: c.unit(q.unit).name.clone() },
        members: q.members.iter().map(|m| (m.name.clone(), m.grade.map_or("", |g| g.zh()).to_string())).collect(),
        chains: q.chains.iter().map(|ch| c.chain(*ch).name.clone()).collect::<Vec<_>>().join("、"),
        regions: q.regions.join("、"),
        line: s.squads.rows.iter().find(|r| r.id == q.id).map(|r| {
            let missed: Vec<String> = r.missed_months.iter().map(|m| format!("{}月", m.number())).collect();
            format!(
                "外出 {} 次、{} 天，拜访企业 {} 家，有效线索 {} 条；未达标月份：{}",
                r.trips,
                r.days_away,
                r.companies,
                r.leads,
                if missed.is_empty() { "无".to_string() } else { missed.join("、") }
            )
        }),
        trips: view(trips, None, &root),
        changes: ["yaml", "yml"]
            .iter()
            .find_map(|ext| crate::report::history::changes(history, &format!("squads/{}.{ext}", q.id)))
            .map(|t| view(&t, None, &root)),
    }
}
