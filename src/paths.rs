//! Where every file of the site goes, relative to the output folder with `/` separators: the
//! one place that spells a path. Pages link with these (prefixed by their `layout.root`), the
//! jobs write to them, the clash check compares them, the search index points at them.
//!
//! Ids are the content's own (`p2026-001`), already checked to be safe file names.

use crate::period::Month;

pub const DASHBOARD: &str = "index.html";
pub const ARCHIVE: &str = "bulletins/index.html";
pub const LEDGER: &str = "projects/index.html";
pub const UNITS: &str = "units/index.html";
pub const SQUADS: &str = "squads/index.html";
pub const CHAINS: &str = "chains/index.html";
pub const LEADERS: &str = "leaders/index.html";
pub const FACTORIES: &str = "factories.html";
pub const MEETINGS: &str = "meetings.html";
pub const PAGES: &str = "pages/index.html";
pub const LEDGER_CSV: &str = "data/ledger.csv";
pub const SEARCH_INDEX: &str = "search-index.js";
/// Written only with `base_url` (full addresses are needed).
pub const FEED: &str = "feed.xml";
pub const SITEMAP: &str = "sitemap.xml";
/// The folder of the theme's files (CSS, script, pictures).
pub const THEME: &str = "theme";

pub fn project(id: &str) -> String {
    format!("projects/{id}.html")
}

pub fn unit(id: &str) -> String {
    format!("units/{id}.html")
}

pub fn squad(id: &str) -> String {
    format!("squads/{id}.html")
}

pub fn chain(id: &str) -> String {
    format!("chains/{id}.html")
}

pub fn leader(id: &str) -> String {
    format!("leaders/{id}.html")
}

/// A free page (`pages/<id>.md`).
pub fn page(id: &str) -> String {
    format!("pages/{id}.html")
}

/// The bulletin of a month.
pub fn bulletin(month: Month) -> String {
    format!("bulletins/{month}.html")
}

/// The bulletin's tables as an Excel workbook.
pub fn workbook(month: Month) -> String {
    format!("bulletins/{month}.xlsx")
}

/// The bulletin as a PDF, printed from its page.
pub fn bulletin_pdf(month: Month) -> String {
    format!("bulletins/{month}.pdf")
}

/// The bulletin as a Word document.
pub fn bulletin_docx(month: Month) -> String {
    format!("bulletins/{month}.docx")
}

/// A month's figures as JSON.
pub fn data_json(month: Month) -> String {
    format!("data/{month}.json")
}

/// The figures of an issued bulletin, as issued (its record's snapshot).
pub fn issued_json(month: Month) -> String {
    format!("data/issued/{month}.json")
}

/// Whose tables a CSV file belongs to: a month's (the bulletin's tables, which the dashboard
/// and the index pages of units, squads, chains and leaders show too), or one page's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tables<'a> {
    Month(Month),
    Unit(&'a str),
    Squad(&'a str),
    Chain(&'a str),
    Leader(&'a str),
}

/// The CSV file of one table: `data/2026-10/towns.csv`, `data/units/chengguan-credited.csv`.
/// A page's own tables sit side by side in their family's folder (a folder per unit or leader
/// would be hundreds of folders on a city's site, each costing more to write than its files).
pub fn table_csv(whose: Tables, slug: &str) -> String {
    match whose {
        Tables::Month(month) => format!("data/{month}/{slug}.csv"),
        Tables::Unit(id) => format!("data/units/{id}-{slug}.csv"),
        Tables::Squad(id) => format!("data/squads/{id}-{slug}.csv"),
        Tables::Chain(id) => format!("data/chains/{id}-{slug}.csv"),
        Tables::Leader(id) => format!("data/leaders/{id}-{slug}.csv"),
    }
}

/// `"../"` repeated once per folder of `path`: what a page at `path` puts before a link to
/// reach the site root (links stay relative, so the site opens from any folder or a disk).
pub fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_roots() {
        let m = Month::new(2026, 10).unwrap();
        assert_eq!(bulletin(m), "bulletins/2026-10.html");
        assert_eq!(table_csv(Tables::Month(m), "towns"), "data/2026-10/towns.csv");
        assert_eq!(table_csv(Tables::Unit("qingshan"), "credited"), "data/units/qingshan-credited.csv");
        assert_eq!(root_of(DASHBOARD), "");
        assert_eq!(root_of(&project("p1")), "../");
        assert_eq!(root_of(&table_csv(Tables::Unit("u"), "x")), "../../");
    }
}
