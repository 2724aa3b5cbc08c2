//! A report table as the one table component of the templates (`data_table` in
//! `templates/components.html`) sees it: every cell already displayed, every class chosen.

use serde::Serialize;

use crate::report::MonthTables;
use crate::report::table::{Align, Cell, Kind, Mark, Table, Tone};

#[derive(Serialize, Clone)]
pub struct TableView {
    /// The HTML id (`table-towns`), so a table can be linked to.
    pub id: String,
    /// With its number in the bulletin (`表9 镇（街道）完成情况`).
    pub title: String,
    pub caption: String,
    /// `单位：万元`, when the columns share a unit.
    pub unit: Option<String>,
    pub columns: Vec<ColumnView>,
    pub rows: Vec<RowView>,
    pub notes: Vec<String>,
    /// The table's CSV and its month's workbook, relative to the site root.
    pub csv: Option<String>,
    pub workbook: Option<String>,
    pub sortable: bool,
    pub empty: &'static str,
}

#[derive(Serialize, Clone)]
pub struct ColumnView {
    pub header: String,
    /// `num`, `center`, `no-print` (space separated).
    pub class: String,
}

#[derive(Serialize, Clone)]
pub struct RowView {
    pub class: &'static str,
    pub cells: Vec<CellView>,
}

#[derive(Serialize, Clone)]
pub struct CellView {
    pub text: String,
    /// Names the row (`<th scope="row">`).
    pub header: bool,
    pub class: String,
    /// The exact value, for sorting numbers.
    pub sort: Option<String>,
    /// Links (the text is theirs, joined by `、`).
    pub links: Vec<LinkView>,
    /// A label's classes (`tag tag-red`, `stage producing`).
    pub tag: Option<&'static str>,
}

#[derive(Serialize, Clone)]
pub struct LinkView {
    pub href: String,
    pub text: String,
}

fn column_class(kind: Kind, printed: bool) -> String {
    let mut class = match kind.align() {
        Align::Left => String::new(),
        Align::Center => "center".to_string(),
        Align::Right => "num".to_string(),
    };
    if !printed {
        class.push_str(if class.is_empty() { "no-print" } else { " no-print" });
    }
    class
}

fn tone_class(tone: Tone) -> &'static str {
    match tone {
        Tone::Red => "tag tag-red",
        Tone::Black => "tag tag-black",
        Tone::Good => "mark good",
        Tone::Bad => "mark bad",
        Tone::Struck => "mark struck",
        Tone::Plain => "mark",
    }
}

/// The view of `t`; `workbook` is where its month's workbook is, if it has one.
pub fn view(t: &Table, workbook: Option<String>) -> TableView {
    let unit = t.shared_unit();
    let classes: Vec<String> = t.columns.iter().map(|c| column_class(c.kind, c.printed)).collect();
    let columns = t
        .columns
        .iter()
        .zip(&classes)
        .map(|(c, class)| ColumnView {
            header: if unit.is_some() { c.header.clone() } else { c.header_with_unit() },
            class: class.clone(),
        })
        .collect();
    let rows = t
        .rows
        .iter()
        .map(|r| RowView {
            class: match r.mark {
                Mark::None => "",
                Mark::Red => "list-red",
                Mark::Alert => "missed",
            },
            cells: r
                .cells
                .iter()
                .enumerate()
                .map(|(i, cell)| {
                    let kind = t.columns[i].kind;
                    CellView {
                        text: cell.display(kind),
                        header: i == t.row_header,
                        class: classes[i].clone(),
                        sort: match cell {
                            Cell::Number(v, _) => Some(v.normalize().to_string()),
                            _ => None,
                        },
                        links: match cell {
                            Cell::Link(l) => vec![LinkView { href: l.href.clone(), text: l.text.clone() }],
                            Cell::Links(ls) => {
                                ls.iter().map(|l| LinkView { href: l.href.clone(), text: l.text.clone() }).collect()
                            }
                            _ => Vec::new(),
                        },
                        tag: match cell {
                            Cell::Tag(_, tone) => Some(tone_class(*tone)),
                            _ => None,
                        },
                    }
                })
                .collect(),
        })
        .collect();
    TableView {
        id: format!("table-{}", t.slug),
        title: t.title(),
        caption: t.caption.clone(),
        unit: unit.map(|u| format!("单位：{u}")),
        columns,
        rows,
        notes: t.notes.clone(),
        csv: t.csv.clone(),
        workbook,
        sortable: t.sortable,
        empty: t.empty,
    }
}

/// The views of a month's tables, by slug, each offering the month's workbook when it has one.
#[derive(Serialize)]
pub struct MonthViews {
    pub targets: TableView,
    pub others: TableView,
    pub rates: TableView,
    pub stages: TableView,
    pub chains: TableView,
    pub origins: TableView,
    pub tags: Option<TableView>,
    pub big_projects: TableView,
    pub towns: TableView,
    pub departments: TableView,
    pub squads: TableView,
    pub leaders: TableView,
    pub new_projects: TableView,
    pub funds: TableView,
    pub trips: TableView,
    pub items: TableView,
}

impl MonthViews {
    pub fn of(t: &MonthTables, workbook: Option<String>) -> MonthViews {
        let v = |table: &Table| view(table, workbook.clone());
        MonthViews {
            targets: v(&t.targets),
            others: v(&t.others),
            rates: v(&t.rates),
            stages: v(&t.stages),
            chains: v(&t.chains),
            origins: v(&t.origins),
            tags: (!t.tags.rows.is_empty()).then(|| v(&t.tags)),
            big_projects: v(&t.big_projects),
            towns: v(&t.towns),
            departments: v(&t.departments),
            squads: v(&t.squads),
            leaders: v(&t.leaders),
            new_projects: v(&t.new_projects),
            funds: v(&t.funds),
            trips: v(&t.trips),
            items: v(&t.items),
        }
    }
}
