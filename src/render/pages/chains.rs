//! 产业链 and a chain's page.

use serde::Serialize;

use crate::content::Content;
use crate::content::model::Chain;
use crate::figures::Snapshot;
use crate::figures::format as fmt;
use crate::paths::{self, Tables};
use crate::render::charts::ChartKind;
use crate::render::table::{TableView, view};
use crate::render::view::{self, Layout};
use crate::report::{Table, chains};

#[derive(Serialize)]
pub struct Chains {
    pub layout: Layout,
    pub cluster: String,
    pub table: TableView,
    pub chart: String,
}

pub fn chains(layout: Layout, c: &Content, s: &Snapshot, table: TableView) -> Chains {
    Chains { layout, cluster: c.cluster.clone().unwrap_or_default(), table, chart: view::chart(s, ChartKind::ByChain) }
}

#[derive(Serialize)]
pub struct ChainPage {
    pub layout: Layout,
    pub name: String,
    pub key: bool,
    /// The chain's figures of the period, in a sentence.
    pub line: Option<String>,
    pub projects: TableView,
}

pub fn projects_table(c: &Content, ch: &Chain, s: &Snapshot) -> Table {
    chains::projects(c, ch, s).csv(paths::table_csv(Tables::Chain(&ch.id), "projects"))
}

pub fn chain(layout: Layout, ch: &Chain, s: &Snapshot, projects: &Table) -> ChainPage {
    let root = layout.root.clone();
    ChainPage {
        name: ch.name.clone(),
        key: ch.key,
        line: s.breakdowns.by_chain.iter().find(|r| r.key == ch.id).map(|r| {
            format!(
                "{}：招引项目 {} 个，合同引资额 {} 万元，到位资金 {} 万元，占全县 {}。",
                fmt::period_text(s.month),
                r.projects,
                fmt::wan(r.contract_amount),
                fmt::wan(r.funds),
                fmt::percent(r.funds_share.value)
            )
        }),
        projects: view(projects, None, &root),
        layout,
    }
}
