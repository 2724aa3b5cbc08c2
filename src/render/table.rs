//! A report table as the one table component of the templates (`data_table` in
//! `templates/components.html`) sees it: every cell already displayed, every class chosen.

use serde::Serialize;

use super::markdown::escape;
use crate::record::frozen::{self, FrozenCell, FrozenTable};
use crate::report::MonthTables;
use crate::report::print::Place;
use crate::report::table::{Align, Cell, DateStyle, Kind, Link, Mark, Num, Table, Tone};

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
    /// Given to the template as `{total, html}`: the rows' `<tr>` elements in one string.
    pub rows: Rows,
    pub notes: Vec<String>,
    /// The table's CSV and its month's workbook, relative to the site root.
    pub csv: Option<String>,
    pub workbook: Option<String>,
    pub sortable: bool,
    pub empty: &'static str,
    /// How the printed bulletin shows it (`key`, `annex`, `screen`: [`crate::report::print`]),
    /// set by [`MonthViews`]; empty elsewhere.
    pub print: &'static str,
    /// Its title on paper, renumbered in print order (`表2 “四率”情况`, `附件1 …`).
    pub print_title: String,
}

#[derive(Serialize, Clone)]
pub struct ColumnView {
    pub header: String,
    /// `num`, `center`, `no-print` (space separated).
    pub class: String,
}

/// The rows as the template gets them: how many, and their `<tr>` elements written here, each
/// row as it is made. A province's pages hold millions of cells: a loop over them in the
/// template engine was a large part of every page's time, and a 50 000-project ledger kept as
/// one string per cell took 60 MB more than its text.
#[derive(Serialize, Clone, Default)]
pub struct Rows {
    pub total: usize,
    pub html: String,
}

impl Rows {
    fn push(&mut self, class: &str, cells: impl Iterator<Item = String>) {
        let html = &mut self.html;
        html.push_str("<tr");
        if !class.is_empty() {
            html.push_str(" class=\"");
            html.push_str(class);
            html.push('"');
        }
        html.push('>');
        for c in cells {
            html.push_str(&c);
        }
        // The whitespace the template's loop wrote between rows.
        html.push_str("</tr>\n  ");
        self.total += 1;
    }
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

/// The row's name column also carries `key`: on a narrow screen it stays in view while the rest
/// of a wide table scrolls sideways (theme/style.css).
fn with_key(mut classes: Vec<String>, row_header: usize) -> Vec<String> {
    if let Some(class) = classes.get_mut(row_header) {
        class.push_str(if class.is_empty() { "key" } else { " key" });
    }
    classes
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

/// One cell as `<td>` (or `<th scope="row">` for the row's name): numbers carry their exact
/// value for sorting, links are relative to the page (`root`), labels get their tone's class.
fn cell_html(cell: &Cell, kind: Kind, header: bool, class: &str, root: &str) -> String {
    let mut h = String::with_capacity(64);
    h.push_str(if header { "<th scope=\"row\"" } else { "<td" });
    if !class.is_empty() {
        h.push_str(" class=\"");
        h.push_str(class);
        h.push('"');
    }
    if let Cell::Number(v, _) = cell {
        h.push_str(" data-sort=\"");
        h.push_str(&v.normalize().to_string());
        h.push('"');
    }
    h.push('>');
    let link = |h: &mut String, l: &Link| {
        h.push_str("<a href=\"");
        h.push_str(&escape(root));
        h.push_str(&escape(&l.href));
        h.push_str("\">");
        h.push_str(&escape(&l.text));
        h.push_str("</a>");
    };
    match cell {
        Cell::Link(l) => link(&mut h, l),
        Cell::Links(ls) => {
            for (i, l) in ls.iter().enumerate() {
                if i > 0 {
                    h.push('、');
                }
                link(&mut h, l);
            }
        }
        Cell::Tag(text, tone) => {
            h.push_str("<span class=\"");
            h.push_str(tone_class(*tone));
            h.push_str("\">");
            h.push_str(&escape(text));
            h.push_str("</span>");
        }
        other => h.push_str(&escape(&other.display(kind))),
    }
    h.push_str(if header { "</th>" } else { "</td>" });
    h
}

/// The view of `t` on a page whose links start with `root`; `workbook` is where its month's
/// workbook is, if it has one.
pub fn view(t: &Table, workbook: Option<String>, root: &str) -> TableView {
    let unit = t.shared_unit();
    let classes = with_key(t.columns.iter().map(|c| column_class(c.kind, c.printed)).collect(), t.row_header);
    let columns = t
        .columns
        .iter()
        .zip(&classes)
        .map(|(c, class)| ColumnView {
            header: if unit.is_some() { c.header.clone() } else { c.header_with_unit() },
            class: class.clone(),
        })
        .collect();
    let mut rows = Rows::default();
    for r in &t.rows {
        let class = match r.mark {
            Mark::None => "",
            Mark::Red => "list-red",
            Mark::Alert => "missed",
        };
        rows.push(
            class,
            r.cells.iter().enumerate().map(|(i, cell)| cell_html(cell, t.columns[i].kind, i == t.row_header, &classes[i], root)),
        );
    }
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
        print: "",
        print_title: String::new(),
    }
}

/// The view of an issued bulletin's table: the same component, every cell's text as issued
/// (escaped here: a record is content, not trusted markup), a link only where the site would
/// write it. `csv` is the table's file, made from the record too.
pub fn frozen_view(t: &FrozenTable, csv: Option<String>, workbook: Option<String>, root: &str) -> TableView {
    let kinds: Vec<Kind> = t.columns.iter().map(|c| frozen::kind_of(&c.kind)).collect();
    let classes = with_key(t.columns.iter().zip(&kinds).map(|(c, k)| column_class(*k, c.printed)).collect(), t.row_header);
    // The unit said once above the table when the issued table did (all quantities share it).
    let units: Vec<Option<&str>> = t
        .columns
        .iter()
        .zip(&kinds)
        .filter(|(_, k)| match k {
            Kind::Numbers => true,
            Kind::Number(n) => !matches!(n, Num::Percent | Num::SignedPercent | Num::RankChange),
            _ => false,
        })
        .map(|(c, _)| c.unit.as_deref())
        .collect();
    let unit = units.first().copied().flatten().filter(|u| units.iter().all(|x| *x == Some(*u)));
    let columns = t
        .columns
        .iter()
        .zip(&classes)
        .map(|(c, class)| ColumnView {
            header: match (&c.unit, unit) {
                (Some(u), None) => format!("{}（{u}）", c.header),
                _ => c.header.clone(),
            },
            class: class.clone(),
        })
        .collect();
    let mut rows = Rows::default();
    for r in &t.rows {
        let class = match r.mark.as_str() {
            "red" => "list-red",
            "alert" => "missed",
            _ => "",
        };
        rows.push(
            class,
            r.cells
                .iter()
                .enumerate()
                .map(|(i, cell)| frozen_cell_html(cell, i == t.row_header, classes.get(i).map_or("", String::as_str), root)),
        );
    }
    TableView {
        id: format!("table-{}", escape(&t.slug)),
        title: match &t.number {
            Some(n) => format!("{n} {}", t.caption),
            None => t.caption.clone(),
        },
        caption: t.caption.clone(),
        unit: unit.map(|u| format!("单位：{u}")),
        columns,
        rows,
        notes: t.notes.clone(),
        csv,
        workbook,
        sortable: t.sortable,
        empty: "暂无数据",
        print: "",
        print_title: String::new(),
    }
}

/// One issued cell as `<td>`/`<th>`: its text, its value for sorting, its link if allowed.
fn frozen_cell_html(cell: &FrozenCell, header: bool, class: &str, root: &str) -> String {
    let mut h = String::with_capacity(64);
    h.push_str(if header { "<th scope=\"row\"" } else { "<td" });
    if !class.is_empty() {
        h.push_str(" class=\"");
        h.push_str(class);
        h.push('"');
    }
    if let FrozenCell::Number { v, .. } = cell {
        h.push_str(" data-sort=\"");
        h.push_str(&v.normalize().to_string());
        h.push('"');
    }
    h.push('>');
    let link = |h: &mut String, text: &str, href: &str| {
        if crate::content::links::is_allowed(href) {
            h.push_str("<a href=\"");
            h.push_str(&escape(root));
            h.push_str(&escape(href));
            h.push_str("\">");
            h.push_str(&escape(text));
            h.push_str("</a>");
        } else {
            h.push_str(&escape(text));
        }
    };
    match cell {
        FrozenCell::Link { s, h: href } => link(&mut h, s, href),
        FrozenCell::Links { l } => {
            for (i, (text, href)) in l.iter().enumerate() {
                if i > 0 {
                    h.push('、');
                }
                link(&mut h, text, href);
            }
        }
        FrozenCell::Tag { s, tone } => {
            h.push_str("<span class=\"");
            h.push_str(tone_class(frozen::tone_of(tone)));
            h.push_str("\">");
            h.push_str(&escape(s));
            h.push_str("</span>");
        }
        other => h.push_str(&escape(&other.text())),
    }
    h.push_str(if header { "</th>" } else { "</td>" });
    h
}

/// The rows' HTML with every date cell (`<td class="center">2026-10-22</td>`) carrying the date
/// as the printed bulletin writes it (`data-zh="10月22日"`, `2025年3月26日` in another year).
/// A cell's text is escaped, so `<td` and `</td>` in the HTML are always the cells' own.
fn with_print_dates(html: &str, year: i32) -> String {
    const OPEN: &str = "<td class=\"center\">";
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    let mut rest = html;
    while let Some(at) = rest.find(OPEN) {
        let (before, cell) = rest.split_at(at);
        out.push_str(before);
        let text_and_more = &cell[OPEN.len()..];
        let end = text_and_more.find("</td>").unwrap_or(text_and_more.len());
        let text = &text_and_more[..end];
        match chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            Ok(date) => {
                let zh = DateStyle::InYear(year).display(date);
                out.push_str(&format!("<td class=\"center\" data-zh=\"{zh}\">{text}"));
            }
            Err(_) => {
                out.push_str(OPEN);
                out.push_str(text);
            }
        }
        rest = &text_and_more[end..];
    }
    out.push_str(rest);
    out
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
    /// The views of an issued month's tables, as issued; `t` is the same tables read back (for
    /// their CSV paths and which are shown).
    pub fn issued(record: &[FrozenTable], t: &MonthTables, workbook: Option<String>, root: &str) -> MonthViews {
        MonthViews::each(t, &|table| match record.iter().find(|f| f.slug == table.slug) {
            Some(f) => frozen_view(f, table.csv.clone(), workbook.clone(), root),
            None => view(table, workbook.clone(), root),
        })
    }

    pub fn of(t: &MonthTables, workbook: Option<String>, root: &str) -> MonthViews {
        MonthViews::each(t, &|table| view(table, workbook.clone(), root))
    }

    /// Each table of `t` through `v` (the key categories only when shown).
    fn each(t: &MonthTables, v: &dyn Fn(&Table) -> TableView) -> MonthViews {
        let v = |table: &Table| {
            let mut view = v(table);
            let place = Place::of(table.slug);
            view.print = place.class();
            view.print_title = match place.number() {
                Some(n) => format!("{n} {}", view.caption),
                None => view.caption.clone(),
            };
            view.rows.html = with_print_dates(&view.rows.html, t.month.year());
            view
        };
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_printed_bulletin_gets_each_date_cell_in_chinese_and_nothing_else() {
        let html = concat!(
            "<tr><td class=\"key\">茶叶</td><td class=\"center\">2026-10-22</td><td class=\"center\">在建</td></tr>\n  ",
            "<tr class=\"list-red\"><td class=\"center\">2025-03-26</td><td class=\"num\">12.00</td><td class=\"center\"></td></tr>\n  ",
        );
        let expected = concat!(
            "<tr><td class=\"key\">茶叶</td><td class=\"center\" data-zh=\"10月22日\">2026-10-22</td><td class=\"center\">在建</td></tr>\n  ",
            "<tr class=\"list-red\"><td class=\"center\" data-zh=\"2025年3月26日\">2025-03-26</td><td class=\"num\">12.00</td><td class=\"center\"></td></tr>\n  ",
        );
        assert_eq!(with_print_dates(html, 2026), expected);
        assert_eq!(with_print_dates("", 2026), "");
    }
}
