//! City and province roll-ups: one site that ranks a city's counties (or a province's cities)
//! from their own ledgers, counted under the roll-up's own rules (口径).
//!
//! A roll-up folder holds `site.yaml` with `rollup: 市` (or `省`) and its rules, `members.yaml`
//! naming the member folders (a county's content folder, or another roll-up folder),
//! `targets/<year>.yaml` with the roll-up's targets (`total:`) and each member's share
//! (`members:`), and its own `briefings/YYYY-MM.md` (the 通报).
//!
//! How: every member is loaded as it is (its own `check` problems, named by member), and all
//! their projects are put together into one ledger in which each member stands where a county
//! has its units. The roll-up's rules then apply to every project, as a county's rules apply to
//! its own, so the figures come from the same code as a county's, as of any month-end: totals
//! against the roll-up's targets, the four rates, 同比, the members ranked with rank change and
//! 红黑榜, breakdowns by chain and origin, and the alerts. Money that comes from another
//! county of the same city (市内县外) counts for the county but not for the city, because the
//! city's rules leave that origin out.
//!
//! A member's figures under the roll-up's rules can differ from its own bulletin's; the member
//! page shows both ([`MemberInfo::own`]).

mod load;

pub use load::{is_rollup, load};

use crate::content::model::{Content, UnitIx};
use crate::period::Month;

/// The member folders of the roll-up `dir` and of the roll-ups among them, for `serve` to
/// watch: read loosely from each `members.yaml` (`folder:` values), as a watch list needs no
/// more; `check` reads the file properly.
pub fn member_folders(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![(dir.to_path_buf(), 0)];
    while let Some((dir, depth)) = todo.pop() {
        let Ok(text) = std::fs::read_to_string(dir.join("members.yaml")) else { continue };
        for line in text.lines() {
            let Some(rest) = line.split_once("folder:").map(|(_, r)| r) else { continue };
            let value = rest.split([',', '}', '#']).next().unwrap_or("").trim().trim_matches(['"', '\'']);
            let folder = dir.join(value);
            if value.is_empty() || !folder.is_dir() || out.contains(&folder) {
                continue;
            }
            if depth < 4 && is_rollup(&folder) {
                todo.push((folder.clone(), depth + 1));
            }
            out.push(folder);
        }
    }
    out
}

/// Loads `dir` as a roll-up when it is one, else as a county's content folder.
pub fn load_any(dir: &std::path::Path) -> std::io::Result<crate::content::Loaded> {
    load_any_with(dir, None)
}

/// [`load_any`], reusing what `cache` kept from the last read of the county or of each member
/// of the roll-up (`serve`).
pub fn load_any_with(
    dir: &std::path::Path,
    cache: Option<&crate::content::load::ReadCache>,
) -> std::io::Result<crate::content::Loaded> {
    if is_rollup(dir) { load::load_with(dir, cache) } else { crate::content::load::load_with(dir, cache) }
}

/// Each member's own headline as of `month`, under its own rules: its projects alone, counted
/// as its own bulletin counts them.
pub fn fill_own(c: &mut Content, month: Month) {
    let own: Vec<OwnFigures> = (0..c.members.len())
        .map(|i| {
            let mut site = c.site.clone();
            site.rules = c.members[i].rules.clone();
            let projects = c.projects.iter().filter(|p| p.credit_unit == Some(UnitIx(i as u32))).cloned().collect();
            let alone = Content {
                site,
                units: c.units.clone(),
                leaders: c.leaders.clone(),
                chains: c.chains.clone(),
                cluster: None,
                squads: Vec::new(),
                projects,
                parks: Vec::new(),
                targets: Default::default(),
                meetings: Vec::new(),
                briefings: Vec::new(),
                pages: Vec::new(),
                assets: Vec::new(),
                issued: Vec::new(),
                corrections: Vec::new(),
                members: Vec::new(),
                fund_months: Default::default(),
            };
            let h = crate::figures::snapshot(&alone, month).headline;
            OwnFigures { projects: h.projects.value, funds: h.funds.value, fdi: h.fdi.value }
        })
        .collect();
    for (m, own) in c.members.iter_mut().zip(own) {
        m.own = Some(own);
    }
}

use rust_decimal::Decimal;

/// One member as the roll-up's `members.yaml` names it.
#[derive(Debug, Clone)]
pub struct MemberInfo {
    pub id: String,
    pub name: String,
    /// The member's folder as written, relative to the roll-up folder.
    pub folder: String,
    /// Where the member's own site is published (a relative path or an address), if given.
    pub site: Option<String>,
    /// The member's own rules (口径), as its own bulletin counts.
    pub rules: crate::content::model::Rules,
    /// The member's own headline as of the site's month, under its own rules (for the member
    /// page's comparison); filled in by [`fill_own`].
    pub own: Option<OwnFigures>,
}

/// A member's headline as its own bulletin states it.
#[derive(Debug, Clone, PartialEq)]
pub struct OwnFigures {
    pub projects: Decimal,
    /// 万元.
    pub funds: Decimal,
    /// 万美元.
    pub fdi: Decimal,
}

#[cfg(test)]
mod tests;
