//! Squads (招商小分队): who met the monthly trip rule, and each squad's trip log totals.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::Period;
use super::snapshot::{Ratio, SquadFigures, SquadRow};
use crate::content::model::{Squad, Trip};
use crate::period::Month;

/// Trips a squad must make each month (from the year's targets; 1 by default).
pub fn required(p: &Period) -> u32 {
    p.targets.map_or(1, |t| t.trips_per_squad_month)
}

/// Days away on a trip as of `as_of`: from departure to return, both days included, but not
/// past the as-of day (nothing dated after it is looked at). 0 for a trip not yet started.
pub fn days_away(trip: &Trip, as_of: NaiveDate) -> u32 {
    if trip.start > as_of {
        return 0;
    }
    ((trip.end.min(as_of) - trip.start).num_days() + 1) as u32
}

fn trips_in(squad: &Squad, month: Month) -> u32 {
    squad.trips.iter().filter(|t| Month::of(t.start) == month).count() as u32
}

/// A squad is held to the trip rule from the month it was formed.
fn active_in(squad: &Squad, month: Month) -> bool {
    squad.formed.is_none_or(|f| Month::of(f) <= month)
}

/// How many squads met the trip rule in `month` (a month of `p`'s year up to its month).
pub fn met_in(p: &Period, month: Month) -> u32 {
    let needed = required(p);
    p.content.squads.iter().filter(|s| active_in(s, month) && trips_in(s, month) >= needed).count() as u32
}

pub fn squads(p: &Period) -> SquadFigures {
    let needed = required(p);
    let months: Vec<Month> = p.month.january().through(p.month).collect();
    let rows: Vec<SquadRow> = p
        .content
        .squads
        .iter()
        .filter(|squad| active_in(squad, p.month))
        .map(|squad| {
            // Trips count by their start date; only trips started in the period.
            let trips: Vec<_> = squad.trips.iter().filter(|t| t.start >= p.year_start && t.start <= p.as_of).collect();
            let by_month: Vec<u32> = months.iter().map(|m| trips_in(squad, *m)).collect();
            let projects: BTreeSet<_> = trips.iter().flat_map(|t| t.projects.iter()).collect();
            SquadRow {
                id: squad.id.clone(),
                name: squad.name.clone(),
                unit: p.content.unit(squad.unit).name.clone(),
                trips: trips.len() as u32,
                trips_this_month: trips_in(squad, p.month),
                days_away: trips.iter().map(|t| days_away(t, p.as_of)).sum(),
                people: trips.iter().map(|t| t.people).sum(),
                companies: trips.iter().map(|t| t.companies.len() as u32).sum(),
                leads: trips.iter().map(|t| t.leads).sum(),
                projects: projects.len() as u32,
                leader_trips: trips.iter().filter(|t| t.leader_trip).count() as u32,
                unreported: trips.iter().filter(|t| t.reported.is_none_or(|r| r > p.as_of)).count() as u32,
                missed_months: months
                    .iter()
                    .zip(&by_month)
                    .filter(|(m, n)| active_in(squad, **m) && **n < needed)
                    .map(|(m, _)| *m)
                    .collect(),
                by_month,
            }
        })
        .collect();
    let missed: Vec<String> = rows.iter().filter(|r| r.trips_this_month < needed).map(|r| r.id.clone()).collect();
    let total = rows.len() as u32;
    let met = total - missed.len() as u32;
    SquadFigures {
        total,
        met,
        rate: Ratio::of(Decimal::from(met), Decimal::from(total)),
        required_per_month: needed,
        missed,
        rows,
    }
}
