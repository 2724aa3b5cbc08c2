//! Machine-readable files: each month's snapshot as JSON, the ledger as CSV, and the search
//! index (a script, so search works when pages are opened from disk, where fetch() of a local
//! file is refused).

use serde::Serialize;

use crate::content::Content;
use crate::figures::Snapshot;
use crate::{output, paths, report};

/// `data/<month>.json`: compact, as it is for programs (`bulletin figures` prints it
/// indented for people); a ten-year city site has 120 of them.
pub fn snapshot_json(s: &Snapshot) -> Vec<u8> {
    let mut out = serde_json::to_vec(s).expect("a snapshot always serializes");
    out.push(b'\n');
    out
}

/// The ledger (台账) as CSV (see [`report::projects::ledger_export`]).
pub fn ledger_csv(c: &Content, as_of: chrono::NaiveDate) -> Vec<u8> {
    output::csv::table(&report::projects::ledger_export(c, as_of))
}

#[derive(Serialize)]
struct Entry<'a> {
    /// Relative to the site root.
    u: String,
    /// Title shown in results.
    t: &'a str,
    /// Kind: 项目, 单位, 小分队, 简报, 产业链, 领导, 页面.
    k: &'static str,
    /// Extra text searched too (investor, unit name…).
    x: String,
}

/// `search-index.js`: sets `window.BULLETIN_SEARCH` to the list of searchable things.
pub fn search_index(c: &Content) -> Vec<u8> {
    let mut entries = Vec::new();
    for p in &c.projects {
        let unit = p.unit.map(|u| c.unit(u).name.as_str()).unwrap_or("");
        entries.push(Entry { u: paths::project(&p.id), t: &p.name, k: "项目", x: format!("{} {} {}", p.id, p.investor, unit) });
    }
    for u in &c.units {
        entries.push(Entry { u: paths::unit(&u.id), t: &u.name, k: "单位", x: u.head.clone().unwrap_or_default() });
    }
    for q in &c.squads {
        entries.push(Entry { u: paths::squad(&q.id), t: &q.name, k: "小分队", x: q.captain.clone().unwrap_or_default() });
    }
    for b in &c.briefings {
        entries
            .push(Entry { u: paths::bulletin(b.period), t: &b.title, k: "简报", x: format!("第{}期 {}", b.issue, b.period) });
    }
    for ch in &c.chains {
        entries.push(Entry { u: paths::chain(&ch.id), t: &ch.name, k: "产业链", x: String::new() });
    }
    for l in &c.leaders {
        entries.push(Entry { u: paths::leader(&l.id), t: &l.name, k: "领导", x: l.title.clone().unwrap_or_default() });
    }
    for p in &c.pages {
        entries.push(Entry { u: paths::page(&p.id), t: &p.title, k: "页面", x: String::new() });
    }
    // `</` cannot appear in the JSON text, so it cannot close the script early.
    let json = serde_json::to_string(&entries).expect("strings always serialize").replace("</", "<\\/");
    format!("window.BULLETIN_SEARCH = {json};\n").into_bytes()
}
