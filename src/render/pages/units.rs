//! 各单位完成情况 (both rankings) and a unit's page.

use serde::Serialize;

use crate::content::Content;
use crate::content::model::{UnitIx, UnitKind};
use crate::figures::Snapshot;
use crate::paths::{self, Tables};
use crate::render::charts::ChartKind;
use crate::render::table::{TableView, view};
use crate::render::view::{self, Layout, Link};
use crate::report::{Table, units};

#[derive(Serialize)]
pub struct Units {
    pub layout: Layout,
    pub rank_metric: &'static str,
    pub towns: TableView,
    pub departments: TableView,
    pub charts: Vec<String>,
}

/// `towns` and `departments` are the month's tables, as views.
pub fn units(layout: Layout, s: &Snapshot, towns: TableView, departments: TableView) -> Units {
    Units {
        layout,
        rank_metric: units::rank_metric(s.units.rank_by),
        towns,
        departments,
        charts: vec![view::chart(s, ChartKind::UnitsTowns), view::chart(s, ChartKind::UnitsDepartments)],
    }
}

#[derive(Serialize)]
pub struct UnitPage {
    pub layout: Layout,
    pub name: String,
    pub kind: &'static str,
    pub head: String,
    pub line: Option<Line>,
    pub credited: TableView,
    pub responsible: TableView,
    pub squads: Vec<Link>,
    pub items: Option<TableView>,
}

/// The unit's place in its ranking, as its row of the ranking table shows it.
#[derive(Serialize)]
pub struct Line {
    pub rank: String,
    pub rank_change: String,
    pub list: String,
    pub list_class: &'static str,
    pub target: String,
    pub value: String,
    pub completion: String,
    pub gap: String,
    pub yoy: String,
    pub other: String,
    pub other_target: String,
    pub other_name: String,
}

/// The tables of a unit page (its CSV files and its view).
pub fn tables(c: &Content, ix: UnitIx, s: &Snapshot) -> [Table; 3] {
    let id = &c.unit(ix).id;
    let csv = |t: Table| {
        let path = paths::table_csv(Tables::Unit(id), t.slug);
        t.csv(path)
    };
    [csv(units::credited(c, ix, s)), csv(units::responsible(c, ix, s)), csv(units::items(c, ix, s))]
}

/// `ranking` is the month's table of the unit's kind.
pub fn unit(layout: Layout, c: &Content, ix: UnitIx, ranking: &Table, tables: &[Table; 3]) -> UnitPage {
    let root = layout.root.clone();
    let u = c.unit(ix);
    let shown = |col: usize, row: &[crate::report::table::Cell]| row[col].display(ranking.columns[col].kind);
    let line = ranking
        .rows
        .iter()
        .find(|r| matches!(&r.cells[1], crate::report::table::Cell::Link(l) if l.href == paths::unit(&u.id)))
        .map(|r| {
            let cells = &r.cells;
            Line {
                rank: shown(0, cells),
                target: shown(2, cells),
                value: shown(3, cells),
                completion: shown(4, cells),
                gap: shown(5, cells),
                yoy: shown(7, cells),
                rank_change: shown(8, cells),
                list: shown(9, cells),
                list_class: match &cells[9] {
                    crate::report::table::Cell::Tag("红榜", _) => "red",
                    crate::report::table::Cell::Tag(_, _) => "black",
                    _ => "",
                },
                other: shown(10, cells),
                other_target: shown(11, cells),
                other_name: ranking.columns[10].header_with_unit(),
            }
        });
    let [credited, responsible, items] = tables;
    UnitPage {
        layout,
        name: u.name.clone(),
        kind: u.kind.zh(),
        head: u.head.clone().unwrap_or_else(|| "—".to_string()),
        line,
        credited: view(credited, None, &root),
        responsible: view(responsible, None, &root),
        squads: c
            .squads
            .iter()
            .filter(|q| q.unit == ix)
            .map(|q| Link { href: paths::squad(&q.id), text: q.name.clone() })
            .collect(),
        items: (!items.rows.is_empty()).then(|| view(items, None, &root)),
    }
}

/// Which of a month's rankings a unit is in.
pub fn ranking_of(kind: UnitKind) -> fn(&crate::report::MonthTables) -> &Table {
    match kind {
        UnitKind::Town => |t| &t.towns,
        UnitKind::Department => |t| &t.departments,
    }
}
