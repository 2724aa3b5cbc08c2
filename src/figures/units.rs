//! 各单位完成情况: each unit's share of the targets, ranked within its kind (镇办 and 部门
//! separately), with the rank change since last month and the 红黑榜.
//!
//! A project's figures go to its credit unit (the introducing unit, else its squad's unit,
//! else the responsible unit). Units are ranked by the completion of `rules.rank_by`, as
//! displayed (to 0.01%), so two units that show the same percentage share a rank.

use rust_decimal::Decimal;

use super::Period;
use super::format;
use super::headline::{Running, Totals};
use super::snapshot::{Ratio, UnitMetric, UnitRankings, UnitRow};
use crate::content::model::{RankBy, UnitIx, UnitKind};
use crate::period::Month;

/// The completion each unit is ranked on (displayed percentage), `None` without a target.
fn rank_key(p: &Period, unit: UnitIx, t: &Totals) -> Option<Decimal> {
    let share = p.targets?.units.get(&unit)?;
    let (value, target) = match p.rules.rank_by {
        RankBy::Funds => (t.funds, share.funds?),
        RankBy::Projects => (t.projects, Decimal::from(share.projects?)),
    };
    Ratio::of(value, target).value.map(format::percent_value)
}

/// Competition ranks ("1, 2, 2, 4") within each kind, indexed like `content.units`.
fn ranks(p: &Period, totals: &[Totals]) -> Vec<Option<u32>> {
    let keys: Vec<Option<Decimal>> = totals.iter().enumerate().map(|(i, t)| rank_key(p, UnitIx(i as u32), t)).collect();
    p.content
        .units
        .iter()
        .enumerate()
        .map(|(i, unit)| {
            let mine = keys[i]?;
            let better = p
                .content
                .units
                .iter()
                .enumerate()
                .filter(|(j, other)| other.kind == unit.kind && keys[*j].is_some_and(|k| k > mine))
                .count();
            Some(better as u32 + 1)
        })
        .collect()
}

pub fn rankings(p: &Period, running: &Running) -> UnitRankings {
    let at = |units: &[Vec<Totals>], m: Month| -> Vec<Totals> { units.iter().map(|t| Running::at(t, m)).collect() };
    let this_year = &running.this_year.units;
    let now = at(this_year, p.month);
    let last_year = at(&running.last_year.units, p.month.year_before());
    let ranks_now = ranks(p, &now);
    let ranks_before = p.previous_month().map(|prev| ranks(&prev, &at(this_year, prev.month)));
    let tp = p.time_progress();
    let ranked_in =
        |kind: UnitKind| p.content.units.iter().zip(&ranks_now).filter(|(u, r)| u.kind == kind && r.is_some()).count() as u32;
    let (towns_ranked, departments_ranked) = (ranked_in(UnitKind::Town), ranked_in(UnitKind::Department));

    let mut towns = Vec::new();
    let mut departments = Vec::new();
    for (i, unit) in p.content.units.iter().enumerate() {
        let ix = UnitIx(i as u32);
        let share = p.targets.and_then(|t| t.units.get(&ix));
        let metric = |value: Decimal, last: Decimal, target: Option<Decimal>| {
            let completion = target.map_or(Ratio::none(), |t| Ratio::of(value, t));
            UnitMetric {
                target,
                value,
                completion,
                gap_points: format::gap_points(completion.value, tp),
                last_year: last,
                yoy: Ratio::of(value - last, last),
            }
        };
        let projects = metric(now[i].projects, last_year[i].projects, share.and_then(|s| s.projects).map(Decimal::from));
        let funds = metric(now[i].funds, last_year[i].funds, share.and_then(|s| s.funds));
        let fdi = metric(now[i].fdi, last_year[i].fdi, share.and_then(|s| s.fdi));
        let rank = ranks_now[i];
        let ranked = if unit.kind == UnitKind::Town { towns_ranked } else { departments_ranked };
        let gap = match p.rules.rank_by {
            RankBy::Funds => funds.gap_points,
            RankBy::Projects => projects.gap_points,
        };
        let list = match (rank, gap) {
            (Some(r), Some(g)) if g >= Decimal::ZERO && r <= p.rules.red_list_top => Some("red"),
            (Some(r), Some(g)) if g < Decimal::ZERO && r + p.rules.black_list_bottom > ranked => Some("black"),
            _ => None,
        };
        let rank_change = match (rank, ranks_before.as_ref().and_then(|b| b[i])) {
            (Some(now), Some(before)) => Some(before as i32 - now as i32),
            _ => None,
        };
        let row = UnitRow {
            id: unit.id.clone(),
            name: unit.name.clone(),
            kind: unit.kind.zh(),
            projects,
            funds,
            fdi,
            rank,
            rank_change,
            list,
        };
        match unit.kind {
            UnitKind::Town => towns.push(row),
            UnitKind::Department => departments.push(row),
        }
    }
    // Ranked units first, best first; then the unranked, by id.
    let order = |a: &UnitRow, b: &UnitRow| (a.rank.is_none(), a.rank, &a.id).cmp(&(b.rank.is_none(), b.rank, &b.id));
    towns.sort_by(order);
    departments.sort_by(order);
    UnitRankings {
        rank_by: match p.rules.rank_by {
            RankBy::Funds => "funds",
            RankBy::Projects => "projects",
        },
        towns,
        departments,
    }
}
