//! `targets/<year>.yaml`: the county's annual targets and each unit's share (分解任务).

use std::collections::BTreeMap;

use crate::content::fields::{Decoder, Fields, IdTable, Optional, Required};
use crate::content::model::{RateTargets, UnitIx, UnitTargets, YearTargets};
use crate::content::problems::{self, NumberKind, RefKind};
use crate::content::yaml::Node;

/// The words a targets file uses: a county's `county:` and `units: - unit:`, a roll-up's
/// `total:` and `members: - member:`.
pub struct Keys {
    pub total: &'static str,
    pub shares: &'static str,
    pub share: &'static str,
}

pub const COUNTY: Keys = Keys { total: "county", shares: "units", share: "unit" };
pub const ROLLUP: Keys = Keys { total: "total", shares: "members", share: "member" };

pub fn decode(d: &mut Decoder, node: &Node, year: i32, units: &IdTable) -> Option<YearTargets> {
    decode_with(d, node, year, units, &COUNTY)
}

pub fn decode_with(d: &mut Decoder, node: &Node, year: i32, units: &IdTable, keys: &Keys) -> Option<YearTargets> {
    let mut f = Fields::of(d, node, "")?;
    let origin = d.origin(node.span);
    let county = f.nested(d, keys.total, Required);
    let county = county.map(|mut c| {
        let projects = c.count(d, "projects", Required, 0..=1_000_000);
        let funds = c.number(d, "funds", Required, NumberKind::Wan);
        let fdi = c.number(d, "fdi", Required, NumberKind::UsdWan);
        let factory_occupancy = c.number(d, "factory_occupancy", Optional, NumberKind::Percent);
        let trips = c.count(d, "trips_per_squad_month", Optional, 0..=31);
        let rates = match c.nested(d, "rates", Optional) {
            Some(mut r) => {
                let rates = RateTargets {
                    fulfilment: r.number(d, "fulfilment", Optional, NumberKind::Percent),
                    funds: r.number(d, "funds", Optional, NumberKind::Percent),
                    start: r.number(d, "start", Optional, NumberKind::Percent),
                    production: r.number(d, "production", Optional, NumberKind::Percent),
                };
                r.finish(d);
                rates
            }
            None => RateTargets::default(),
        };
        c.finish(d);
        (projects, funds, fdi, factory_occupancy, trips, rates)
    });

    let mut shares: BTreeMap<UnitIx, UnitTargets> = BTreeMap::new();
    let mut first_line: BTreeMap<UnitIx, String> = BTreeMap::new();
    f.list_of(d, keys.shares, |d, item, path| {
        let mut u = Fields::of(d, item, path)?;
        let unit = u.reference(d, keys.share, Required, units).map(UnitIx);
        let share = UnitTargets {
            projects: u.count(d, "projects", Optional, 0..=1_000_000),
            funds: u.number(d, "funds", Optional, NumberKind::Wan),
            fdi: u.number(d, "fdi", Optional, NumberKind::UsdWan),
        };
        let unit_span = u.span_of(keys.share);
        let path = u.path(keys.share);
        u.finish(d);
        let unit = unit?;
        if let Some(first) = first_line.get(&unit) {
            let id = d.src.text()[unit_span.map_or(0..0, |s| s.range())].to_string();
            d.report(problems::duplicate_id(&path, RefKind::Unit, &id, first), unit_span);
            return None;
        }
        let line = unit_span.map_or(0, |s| d.src.line_col(s.start).0);
        first_line.insert(unit, format!("{}:{line}", d.src.path));
        shares.insert(unit, share);
        Some(())
    });
    f.finish(d);

    let (projects, funds, fdi, factory_occupancy, trips, rates) = county?;
    Some(YearTargets {
        year,
        projects: projects?,
        funds: funds?,
        fdi: fdi?,
        factory_occupancy,
        trips_per_squad_month: trips.unwrap_or(1),
        rates,
        units: shares,
        origin,
    })
}
