//! Machine-readable files: each month's snapshot as JSON, the ledger as CSV, and the search
//! index (a script, so search works when pages are opened from disk, where fetch() of a local
//! file is refused).

use rust_decimal::Decimal;
use serde::Serialize;

use crate::content::Content;
use crate::figures::{Snapshot, rules};
use crate::period::Month;

/// `data/<month>.json`: compact, as it is for programs (`bulletin figures` prints it
/// indented for people); a ten-year city site has 120 of them.
pub fn snapshot_json(s: &Snapshot) -> Vec<u8> {
    let mut out = serde_json::to_vec(s).expect("a snapshot always serializes");
    out.push(b'\n');
    out
}

/// The ledger (台账) as CSV with a byte-order mark, so Excel opens the Chinese text right.
pub fn ledger_csv(c: &Content, as_of: chrono::NaiveDate) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    let headers = [
        "编号",
        "项目名称",
        "投资方",
        "投资方来源",
        "产业链",
        "招商方式",
        "建设性质",
        "签约类型",
        "签约日期",
        "转签合同日期",
        "注册日期",
        "开工日期",
        "投产日期",
        "终止日期",
        "总投资(万元)",
        "合同引资额(万元)",
        "合同外资(万美元)",
        "累计到位资金(万元)",
        "外资到位(万美元)",
        "包抓县级领导",
        "推进措施",
        "责任部门",
        "引进单位",
        "阶段",
    ];
    out.push_str(&headers.join(","));
    out.push_str("\r\n");
    let month = Month::of(as_of);
    for p in c.projects.iter().filter(|p| p.milestones.signed <= as_of) {
        let date = |d: Option<chrono::NaiveDate>| d.filter(|d| *d <= as_of).map(|d| d.to_string()).unwrap_or_default();
        let funds: Decimal =
            p.funds.iter().filter(|f| f.month <= month && rules::counted_funds(f, &c.site.rules)).map(|f| f.amount).sum();
        let fdi: Decimal = p.fdi.iter().filter(|f| f.month <= month).map(|f| f.amount).sum();
        let from = match (&p.from.country, &p.from.province, &p.from.city) {
            (Some(country), _, _) => format!("境外·{country}"),
            (None, Some(pr), city) => format!("{pr}{}", city.as_deref().unwrap_or("")),
            _ => String::new(),
        };
        let m = &p.milestones;
        let cells = [
            p.id.clone(),
            p.name.clone(),
            p.investor.clone(),
            from,
            c.chain(p.chain).name.clone(),
            p.method.map(|m| m.zh().to_string()).unwrap_or_default(),
            p.build_type.zh().to_string(),
            p.sign_type.zh().to_string(),
            m.signed.to_string(),
            date(m.contracted),
            date(m.registered),
            date(m.started),
            date(m.production),
            date(m.terminated),
            p.total_investment.normalize().to_string(),
            p.contract_amount.normalize().to_string(),
            p.contract_fdi.normalize().to_string(),
            funds.normalize().to_string(),
            fdi.normalize().to_string(),
            p.leader.map(|l| c.leader(l).name.clone()).unwrap_or_default(),
            p.measures.clone().unwrap_or_default(),
            p.unit.map(|u| c.unit(u).name.clone()).unwrap_or_default(),
            p.credit_unit.map(|u| c.unit(u).name.clone()).unwrap_or_default(),
            rules::stage(p, &c.site.rules, as_of).zh().to_string(),
        ];
        out.push_str(&cells.iter().map(|v| csv_cell(v)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

/// Quotes a cell when needed, and defuses text that a spreadsheet would run as a formula.
fn csv_cell(v: &str) -> String {
    // A spreadsheet runs a cell that starts with one of these as a formula (OWASP's list).
    let v = if v.starts_with(['=', '+', '-', '@', '\t', '\r']) && v.parse::<f64>().is_err() {
        format!("'{v}")
    } else {
        v.to_string()
    };
    if v.contains([',', '"', '\n', '\r']) { format!("\"{}\"", v.replace('"', "\"\"")) } else { v }
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
        entries.push(Entry {
            u: format!("projects/{}.html", p.id),
            t: &p.name,
            k: "项目",
            x: format!("{} {} {}", p.id, p.investor, unit),
        });
    }
    for u in &c.units {
        entries.push(Entry { u: format!("units/{}.html", u.id), t: &u.name, k: "单位", x: u.head.clone().unwrap_or_default() });
    }
    for q in &c.squads {
        entries.push(Entry {
            u: format!("squads/{}.html", q.id),
            t: &q.name,
            k: "小分队",
            x: q.captain.clone().unwrap_or_default(),
        });
    }
    for b in &c.briefings {
        entries.push(Entry {
            u: format!("bulletins/{}.html", b.period),
            t: &b.title,
            k: "简报",
            x: format!("第{}期 {}", b.issue, b.period),
        });
    }
    for ch in &c.chains {
        entries.push(Entry { u: format!("chains/{}.html", ch.id), t: &ch.name, k: "产业链", x: String::new() });
    }
    for l in &c.leaders {
        entries.push(Entry {
            u: format!("leaders/{}.html", l.id),
            t: &l.name,
            k: "领导",
            x: l.title.clone().unwrap_or_default(),
        });
    }
    for p in &c.pages {
        entries.push(Entry { u: format!("pages/{}.html", p.id), t: &p.title, k: "页面", x: String::new() });
    }
    // `</` cannot appear in the JSON text, so it cannot close the script early.
    let json = serde_json::to_string(&entries).expect("strings always serialize").replace("</", "<\\/");
    format!("window.BULLETIN_SEARCH = {json};\n").into_bytes()
}
