//! Snapshot (+ Content) → tables: each table the site shows, defined once as data
//! ([`table::Table`]: caption, typed columns, typed cells, notes). The bulletin page, its print,
//! its workbook and every CSV are made from these same tables, so they cannot disagree; an
//! output that needs a number no table holds adds it to the table, not to the output.
//!
//! - [`MonthTables`]: a month's tables, in the bulletin's order (表1…, 附件1…4); the dashboard
//!   and the index pages of units, squads, chains and leaders show the latest month's.
//! - `units`, `squads`, `chains`, `leaders`: each family's ranking or list, and what its
//!   entity pages list; `projects`: the project lists they share; `bulletin`: the tables only
//!   the bulletin has; `project` and `site`: the project pages' and the other site pages'
//!   tables (shown through the same component, without downloads).

pub mod backlinks;
pub mod bulletin;
pub mod chains;
pub mod history;
pub mod leaders;
pub mod members;
pub mod project;
pub mod projects;
pub mod site;
pub mod squads;
pub mod table;
pub mod text;
pub mod units;

use crate::content::Content;
use crate::figures::Snapshot;
use crate::figures::annex::Annex;
use crate::paths::{self, Tables};
use crate::period::Month;
pub use table::Table;

/// The tables of a month, each with its CSV at `data/<month>/<slug>.csv`.
pub struct MonthTables {
    pub month: Month,
    pub targets: Table,
    pub others: Table,
    pub rates: Table,
    pub stages: Table,
    pub chains: Table,
    pub origins: Table,
    /// Shown (and numbered) only when some project has a key-category tag.
    pub tags: Table,
    pub big_projects: Table,
    pub towns: Table,
    pub departments: Table,
    pub squads: Table,
    pub leaders: Table,
    pub new_projects: Table,
    pub funds: Table,
    pub trips: Table,
    pub items: Table,
}

impl MonthTables {
    /// Every month table's slug: the names of its CSV files.
    pub const SLUGS: [&'static str; 16] = [
        "targets",
        "others",
        "rates",
        "stages",
        "chains",
        "origins",
        "tags",
        "big-projects",
        "towns",
        "departments",
        "squads",
        "leaders",
        "new-projects",
        "funds",
        "trips",
        "items",
    ];

    pub fn of(c: &Content, s: &Snapshot, annex: &Annex) -> MonthTables {
        // A province lists its members where a county lists projects (see `members`).
        let by_member = members::instead_of_projects(c);
        let mut t = MonthTables {
            month: s.month,
            targets: bulletin::targets(s),
            others: bulletin::others(s),
            rates: bulletin::rates(s),
            stages: bulletin::stages(s),
            chains: chains::chains(c, s),
            origins: bulletin::origins(s),
            tags: bulletin::tags(s),
            big_projects: if by_member {
                members::big_projects(c, s, &annex.new_projects)
            } else {
                bulletin::big_projects(c, s, annex)
            },
            towns: units::towns(c, s),
            departments: units::departments(c, s),
            squads: squads::squads(s),
            leaders: leaders::leaders(s),
            new_projects: if by_member {
                members::new_projects(c, s, &annex.new_projects)
            } else {
                bulletin::new_projects(c, s, &annex.new_projects)
            },
            funds: if by_member { members::funds(c, s, &annex.funds) } else { bulletin::funds(c, &annex.funds) },
            trips: bulletin::trips(s, &annex.trips),
            items: bulletin::items(c, s, &annex.items),
        };
        let month = s.month;
        let mut n = 0;
        for table in t.all_mut() {
            table.csv = Some(paths::table_csv(Tables::Month(month), table.slug));
        }
        for table in t.main_mut() {
            n += 1;
            table.number = Some(format!("表{n}"));
        }
        for (i, table) in [&mut t.new_projects, &mut t.funds, &mut t.trips, &mut t.items].into_iter().enumerate() {
            table.number = Some(format!("附件{}", i + 1));
        }
        t
    }

    /// The bulletin's tables in its order, as shown (the key categories only when there are
    /// some).
    pub fn shown(&self) -> Vec<&Table> {
        let mut list = vec![&self.targets, &self.others, &self.rates, &self.stages, &self.chains, &self.origins];
        if !self.tags.rows.is_empty() {
            list.push(&self.tags);
        }
        list.extend([&self.big_projects, &self.towns, &self.departments, &self.squads, &self.leaders]);
        list.extend([&self.new_projects, &self.funds, &self.trips, &self.items]);
        list
    }

    /// A month's tables from a list (an issued bulletin's record), each in its place by slug;
    /// a table the list lacks is empty.
    pub fn from_tables(month: Month, tables: Vec<Table>) -> MonthTables {
        let empty = |slug: &'static str| Table::new(slug, slug, String::new(), Vec::new());
        let mut t = MonthTables {
            month,
            targets: empty("targets"),
            others: empty("others"),
            rates: empty("rates"),
            stages: empty("stages"),
            chains: empty("chains"),
            origins: empty("origins"),
            tags: empty("tags"),
            big_projects: empty("big-projects"),
            towns: empty("towns"),
            departments: empty("departments"),
            squads: empty("squads"),
            leaders: empty("leaders"),
            new_projects: empty("new-projects"),
            funds: empty("funds"),
            trips: empty("trips"),
            items: empty("items"),
        };
        for table in tables {
            if let Some(place) = t.all_mut().into_iter().find(|p| p.slug == table.slug) {
                *place = table;
            }
        }
        // Where each table's CSV goes is the site's to say, whatever the list held.
        for table in t.all_mut() {
            table.csv = Some(paths::table_csv(Tables::Month(month), table.slug));
        }
        t
    }

    /// Every table, in the order of [`MonthTables::SLUGS`] (each has a CSV, shown or not).
    pub fn all(&self) -> [&Table; 16] {
        [
            &self.targets,
            &self.others,
            &self.rates,
            &self.stages,
            &self.chains,
            &self.origins,
            &self.tags,
            &self.big_projects,
            &self.towns,
            &self.departments,
            &self.squads,
            &self.leaders,
            &self.new_projects,
            &self.funds,
            &self.trips,
            &self.items,
        ]
    }

    fn all_mut(&mut self) -> [&mut Table; 16] {
        [
            &mut self.targets,
            &mut self.others,
            &mut self.rates,
            &mut self.stages,
            &mut self.chains,
            &mut self.origins,
            &mut self.tags,
            &mut self.big_projects,
            &mut self.towns,
            &mut self.departments,
            &mut self.squads,
            &mut self.leaders,
            &mut self.new_projects,
            &mut self.funds,
            &mut self.trips,
            &mut self.items,
        ]
    }

    /// The numbered tables (表1…) in order, the key categories only when shown.
    fn main_mut(&mut self) -> Vec<&mut Table> {
        let show_tags = !self.tags.rows.is_empty();
        let mut list =
            vec![&mut self.targets, &mut self.others, &mut self.rates, &mut self.stages, &mut self.chains, &mut self.origins];
        if show_tags {
            list.push(&mut self.tags);
        }
        list.extend([&mut self.big_projects, &mut self.towns, &mut self.departments, &mut self.squads, &mut self.leaders]);
        list
    }
}

/// What the printed bulletin (its print page, its PDF and its Word file) holds: the key tables
/// in the text, renumbered 表1… in print order, and the detailed lists that print as numbered
/// 附件 after the bulletin only when chosen. Every other table is on the page and in the
/// workbook, not on paper.
pub mod print {
    /// The key tables: the three targets, the four rates, the units' rankings with the 红黑榜.
    /// (The squads' and leaders' tables are summed up in the text; 表8, the 亿元以上 projects,
    /// is a part of 附件1.)
    pub const KEY: [&str; 4] = ["targets", "rates", "towns", "departments"];
    /// The detailed lists, as 附件 in this order (the bulletin's change log follows them).
    pub const ANNEXES: [&str; 4] = ["new-projects", "funds", "trips", "items"];

    /// How a table prints.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Place {
        /// In the bulletin, as `表{n}`.
        Key(usize),
        /// After the bulletin when 附件 are chosen, as `附件{n}`.
        Annex(usize),
        /// Not printed.
        Screen,
    }

    impl Place {
        pub fn of(slug: &str) -> Place {
            if let Some(i) = KEY.iter().position(|s| *s == slug) {
                Place::Key(i + 1)
            } else if let Some(i) = ANNEXES.iter().position(|s| *s == slug) {
                Place::Annex(i + 1)
            } else {
                Place::Screen
            }
        }

        /// `表2`, `附件1`, or nothing.
        pub fn number(self) -> Option<String> {
            match self {
                Place::Key(n) => Some(format!("表{n}")),
                Place::Annex(n) => Some(format!("附件{n}")),
                Place::Screen => None,
            }
        }

        /// The change log's number: the 附件 after the tables.
        pub fn changelog() -> String {
            format!("附件{}", ANNEXES.len() + 1)
        }

        /// `key`, `annex` or `screen`: the page's `data-print` attribute.
        pub fn class(self) -> &'static str {
            match self {
                Place::Key(_) => "key",
                Place::Annex(_) => "annex",
                Place::Screen => "screen",
            }
        }
    }
}

impl MonthTables {
    /// The printed bulletin's key tables in order ([`print::KEY`]).
    pub fn printed(&self) -> Vec<&Table> {
        print::KEY.iter().filter_map(|slug| self.all().into_iter().find(|t| t.slug == *slug)).collect()
    }

    /// The printed bulletin's 附件 in order ([`print::ANNEXES`]).
    pub fn annexes(&self) -> Vec<&Table> {
        print::ANNEXES.iter().filter_map(|slug| self.all().into_iter().find(|t| t.slug == *slug)).collect()
    }
}

#[cfg(test)]
mod tests;
