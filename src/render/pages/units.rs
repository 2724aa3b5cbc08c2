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
    /// A roll-up's member: its figures here and in its own bulletin, and its own site.
    pub member: Option<MemberView>,
}

/// A roll-up's member page: the same member counted two ways, when they differ.
#[derive(Serialize)]
pub struct MemberView {
    /// “按全市口径” as this page counts, and the member's own bulletin's figures.
    pub here: String,
    pub own: String,
    pub differs: bool,
    /// Its own site, as a link from this page (relative paths are from the roll-up site's
    /// root), if `members.yaml` gives one.
    pub site: Option<String>,
    /// Month by month this year, under the roll-up's rules.
    pub trend: Vec<TrendRow>,
}

/// One month of a member's year: its cumulative figures, completion and place.
#[derive(Serialize)]
pub struct TrendRow {
    pub month: String,
    pub projects: String,
    pub funds: String,
    pub completion: String,
    pub rank: String,
}

/// The member `id`'s row in each of `year`'s snapshots.
pub fn trend(id: &str, year: &[Snapshot]) -> Vec<TrendRow> {
    year.iter()
        .filter_map(|s| {
            let r = crate::figures::snapshot::unit_row(s, id)?;
            let metric = r.ranked(s.units.rank_by);
            Some(TrendRow {
                month: format!("{}月", s.month.number()),
                projects: crate::figures::format::count(r.projects.value),
                funds: crate::figures::format::yi(r.funds.value),
                completion: crate::figures::format::percent(metric.completion.value),
                rank: r.rank.map_or_else(|| "—".to_string(), |n| n.to_string()),
            })
        })
        .collect()
}

/// The member view of unit `ix` of a roll-up as of `s` (`None` on a county's site).
pub fn member(c: &Content, ix: UnitIx, s: &Snapshot, root: &str) -> Option<MemberView> {
    let m = c.members.get(ix.get())?;
    let row = crate::figures::snapshot::unit_row(s, &m.id)?;
    let words = c.site.words();
    let show = |projects: rust_decimal::Decimal, funds: rust_decimal::Decimal, fdi: rust_decimal::Decimal| {
        format!(
            "招引项目{}个、到位资金{}亿元、外资直投{}万美元",
            crate::figures::format::count(projects),
            crate::figures::format::yi(funds),
            crate::figures::format::amount(fdi)
        )
    };
    let here = show(row.projects.value, row.funds.value, row.fdi.value);
    let own = m.own.as_ref().map_or_else(|| "—".to_string(), |o| show(o.projects, o.funds, o.fdi));
    let differs =
        m.own.as_ref().is_some_and(|o| (o.projects, o.funds, o.fdi) != (row.projects.value, row.funds.value, row.fdi.value));
    let site = m.site.as_ref().map(|link| {
        if link.starts_with("http://") || link.starts_with("https://") { link.clone() } else { format!("{root}{link}") }
    });
    Some(MemberView {
        here: format!("按{}口径：{here}", words.whole.trim_start_matches('全')),
        own,
        differs,
        site,
        trend: Vec::new(),
    })
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
        member: None,
    }
}

/// Which of a month's rankings a unit is in.
pub fn ranking_of(kind: UnitKind) -> fn(&crate::report::MonthTables) -> &Table {
    match kind {
        UnitKind::Town => |t| &t.towns,
        UnitKind::Department => |t| &t.departments,
    }
}
