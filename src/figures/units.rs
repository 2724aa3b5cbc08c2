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
use super::snapshot::{List, Ratio, UnitMetric, UnitRankings, UnitRow};
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

/// Where a ranked unit stands among the ranked units of its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Place {
    /// Units ranked strictly above it.
    better: u32,
    /// Units ranked strictly below it.
    worse: u32,
}

impl Place {
    /// Competition rank ("1, 2, 2, 4").
    fn rank(self) -> u32 {
        self.better + 1
    }
}

/// Each unit's place within its kind, indexed like `content.units`; `None` when unranked.
fn places(p: &Period, totals: &[Totals]) -> Vec<Option<Place>> {
    let keys: Vec<Option<Decimal>> = totals.iter().enumerate().map(|(i, t)| rank_key(p, UnitIx(i as u32), t)).collect();
    let units = &p.content.units;
    units
        .iter()
        .enumerate()
        .map(|(i, unit)| {
            let mine = keys[i]?;
            let count = |pred: &dyn Fn(Decimal) -> bool| {
                units.iter().zip(&keys).filter(|(other, k)| other.kind == unit.kind && k.is_some_and(pred)).count() as u32
            };
            Some(Place { better: count(&|k| k > mine), worse: count(&|k| k < mine) })
        })
        .collect()
}

/// Competition ranks within each kind, indexed like `content.units`.
fn ranks(p: &Period, totals: &[Totals]) -> Vec<Option<u32>> {
    places(p, totals).into_iter().map(|place| place.map(Place::rank)).collect()
}

/// 红榜 / 黑榜: the top `red_list_top` places among units not behind time progress, the last
/// `black_list_bottom` places among units behind it. A boundary never splits a tie: a unit is
/// in the top N when fewer than N units rank above it, and in the last N when fewer than N
/// rank below it (nine units tied last are all on a 黑榜 of four).
fn list(p: &Period, place: Option<Place>, gap: Option<Decimal>) -> Option<List> {
    match (place, gap) {
        (Some(at), Some(g)) if g >= Decimal::ZERO && at.better < p.rules.red_list_top => Some(List::Red),
        (Some(at), Some(g)) if g < Decimal::ZERO && at.worse < p.rules.black_list_bottom => Some(List::Black),
        _ => None,
    }
}

pub fn rankings(p: &Period, running: &Running) -> UnitRankings {
    let at = |units: &[Vec<Totals>], m: Month| -> Vec<Totals> { units.iter().map(|t| Running::at(t, m)).collect() };
    let this_year = &running.this_year.units;
    let now = at(this_year, p.month);
    let last_year = at(&running.last_year.units, p.month.year_before());
    let places_now = places(p, &now);
    let ranks_before = p.previous_month().map(|prev| ranks(&prev, &at(this_year, prev.month)));
    let tp = p.time_progress();

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
        let rank = places_now[i].map(Place::rank);
        let gap = match p.rules.rank_by {
            RankBy::Funds => funds.gap_points,
            RankBy::Projects => projects.gap_points,
        };
        let list = list(p, places_now[i], gap);
        let rank_change = match (rank, ranks_before.as_ref().and_then(|b| b[i])) {
            (Some(now), Some(before)) => Some(before as i32 - now as i32),
            _ => None,
        };
        let row = UnitRow {
            id: unit.id.clone(),
            name: unit.name.clone(),
            kind: unit.kind,
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
    UnitRankings { rank_by: p.rules.rank_by, towns, departments, words: p.content.site.words() }
}
