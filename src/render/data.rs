//! Machine-readable files: each month's snapshot as JSON, the ledger as CSV, and the search
//! index (a script, so search works when pages are opened from disk, where fetch() of a local
//! file is refused).

use serde::Serialize;

use crate::content::Content;
use crate::figures::Snapshot;
use crate::render::markdown;
use crate::{output, paths, report};

/// `data/<month>.json`: compact, as it is for programs (`bulletin figures` prints it
/// indented for people); a ten-year city site has 120 of them.
pub fn snapshot_json(s: &Snapshot) -> Vec<u8> {
    let mut out = serde_json::to_vec(s).expect("a snapshot always serializes");
    out.push(b'\n');
    out
}

/// A roll-up's `data/<month>.json`: the snapshot (its `units.towns` are the members, ranked)
/// and `members`: each member's id, name, folder and site from `members.yaml`, with, for the
/// site's own month, its figures as its own bulletin counts them (`own`; 万元, 个, 万美元).
pub fn rollup_json(s: &Snapshot, c: &Content, own_month: bool) -> Vec<u8> {
    // Written straight from the snapshot (no JSON tree in between: at a province's size that
    // tree cost more than the rest of the file).
    #[derive(Serialize)]
    struct RollupJson<'a> {
        #[serde(flatten)]
        snapshot: &'a Snapshot,
        members: Vec<Member<'a>>,
    }
    #[derive(Serialize)]
    struct Member<'a> {
        id: &'a str,
        name: &'a str,
        folder: &'a str,
        site: Option<&'a str>,
        own: Option<Own>,
    }
    #[derive(Serialize)]
    struct Own {
        projects: String,
        funds: String,
        fdi: String,
    }
    let members = c
        .members
        .iter()
        .map(|m| Member {
            id: &m.id,
            name: &m.name,
            folder: &m.folder,
            site: m.site.as_deref(),
            own: m.own.as_ref().filter(|_| own_month).map(|o| Own {
                projects: o.projects.to_string(),
                funds: o.funds.to_string(),
                fdi: o.fdi.to_string(),
            }),
        })
        .collect();
    let mut out = serde_json::to_vec(&RollupJson { snapshot: s, members }).expect("a snapshot always serializes");
    out.push(b'\n');
    out
}

/// The ledger (台账) as CSV (see [`report::projects::ledger_export`]).
pub fn ledger_csv(c: &Content, as_of: chrono::NaiveDate) -> Vec<u8> {
    output::csv::rows(&report::projects::ledger_export_columns(), report::projects::ledger_export_rows(c, as_of))
}

#[derive(Serialize)]
struct Entry<'a> {
    /// Relative to the site root.
    u: String,
    /// Title shown in results.
    t: &'a str,
    /// Kind: 项目, 单位, 小分队, 简报, 产业链, 领导, 页面.
    k: &'static str,
    /// Other fields searched too, each as "label：value" (shown as why a result matched).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    x: Vec<String>,
    /// The words of a briefing or page, cut at [`BODY_CHARS`].
    #[serde(skip_serializing_if = "String::is_empty")]
    b: String,
}

/// The most characters of a briefing's or page's text kept for search: a county briefing is
/// one to two thousand; ten years of monthly briefings then add about 1.5 MB.
pub const BODY_CHARS: usize = 3_000;

fn labelled<'a>(fields: impl IntoIterator<Item = (&'a str, Option<&'a str>)>) -> Vec<String> {
    fields.into_iter().filter_map(|(label, value)| value.filter(|v| !v.is_empty()).map(|v| format!("{label}：{v}"))).collect()
}

/// `search-index.js`: sets `window.BULLETIN_SEARCH` to the list of searchable things, which
/// `theme/search.js` ranks as the reader types.
pub fn search_index(c: &Content) -> Vec<u8> {
    let mut entries = Vec::new();
    for u in &c.units {
        entries.push(Entry {
            u: paths::unit(&u.id),
            t: &u.name,
            k: "单位",
            x: labelled([("负责人", u.head.as_deref())]),
            b: String::new(),
        });
    }
    for q in &c.squads {
        let x = labelled([("队长", q.captain.as_deref()), ("单位", Some(c.unit(q.unit).name.as_str()))]);
        entries.push(Entry { u: paths::squad(&q.id), t: &q.name, k: "小分队", x, b: String::new() });
    }
    for ch in &c.chains {
        entries.push(Entry { u: paths::chain(&ch.id), t: &ch.name, k: "产业链", x: Vec::new(), b: String::new() });
    }
    for l in &c.leaders {
        entries.push(Entry {
            u: paths::leader(&l.id),
            t: &l.name,
            k: "领导",
            x: labelled([("职务", l.title.as_deref())]),
            b: String::new(),
        });
    }
    for b in &c.briefings {
        let issue = format!("第{}期 {}", b.issue, b.period);
        entries.push(Entry {
            u: paths::bulletin(b.period),
            t: &b.title,
            k: "简报",
            x: labelled([("期号", Some(issue.as_str()))]),
            b: markdown::plain_text(&b.body, BODY_CHARS),
        });
    }
    for p in &c.pages {
        entries.push(Entry {
            u: paths::page(&p.id),
            t: &p.title,
            k: "页面",
            x: Vec::new(),
            b: markdown::plain_text(&p.body, BODY_CHARS),
        });
    }
    for p in &c.projects {
        let x = labelled([
            ("编号", Some(p.id.as_str())),
            ("投资方", Some(p.investor.as_str())),
            ("责任单位", p.unit.map(|u| c.unit(u).name.as_str())),
            ("产业链", Some(c.chain(p.chain).name.as_str())),
            ("包抓领导", p.leader.map(|l| c.leader(l).name.as_str())),
        ]);
        entries.push(Entry { u: paths::project(&p.id), t: &p.name, k: "项目", x, b: String::new() });
    }
    // `</` cannot appear in the JSON text, so it cannot close the script early.
    let json = serde_json::to_string(&entries).expect("strings always serialize").replace("</", "<\\/");
    format!("window.BULLETIN_SEARCH = {json};\n").into_bytes()
}
