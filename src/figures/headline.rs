//! The three headline targets (projects, 到位资金, 外资直投) and their monthly series.

use std::collections::{BTreeMap, BTreeSet};

use chrono::Datelike;
use rayon::prelude::*;
use rust_decimal::Decimal;

use super::Period;
use super::format;
use super::rules;
use super::snapshot::{Headline, Ratio, Series, SeriesPoint, Target};
use crate::content::model::{Content, Project};
use crate::period::Month;

/// The cumulative 1–m月 values of a period.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Totals {
    /// Projects counted toward the target.
    pub projects: Decimal,
    /// 到位资金 (万元), counted origins only.
    pub funds: Decimal,
    /// 外资直投 (万美元).
    pub fdi: Decimal,
}

/// The cumulative 1–k月 totals of `last`'s year for every month k = 1..=`last`, indexed
/// [group][k − 1], in one pass over the ledger: money is summed month by month and then run
/// up; project counts are taken as of each month's end, because a terminated project drops
/// out. `group_of` puts a project in one of `groups` groups (a unit, say) or in none.
pub fn running_totals_by(
    content: &Content,
    last: Month,
    groups: usize,
    group_of: impl Fn(&Project) -> Option<usize>,
) -> Vec<Vec<Totals>> {
    let rules = &content.site.rules;
    let first = last.january();
    let (start, end) = (first.first_day(), last.last_day());
    let index = |m: Month| (m.number() - 1) as usize;
    let in_year = |m: Month| m >= first && m <= last;
    let mut out = vec![vec![Totals::default(); index(last) + 1]; groups];
    for project in &content.projects {
        let Some(group) = group_of(project) else { continue };
        let out = &mut out[group];
        for f in project.funds.iter().filter(|f| in_year(f.month) && rules::counted_funds(f, rules)) {
            out[index(f.month)].funds += f.amount;
        }
        for f in project.fdi.iter().filter(|f| in_year(f.month)) {
            out[index(f.month)].fdi += f.amount;
        }
        if rules::count_date(project, rules).is_some_and(|d| d >= start && d <= end) {
            for (k, m) in first.through(last).enumerate() {
                if rules::counts_toward_target(project, rules, m.last_day()) {
                    out[k].projects += Decimal::ONE;
                }
            }
        }
    }
    for months in &mut out {
        for k in 1..months.len() {
            let before = months[k - 1];
            months[k].funds += before.funds;
            months[k].fdi += before.fdi;
        }
    }
    out
}

/// A year's running totals for each month, for the county and for each unit (by credit
/// unit). The figures of 1–m月 are its first m entries — nothing dated after a month's end goes
/// into them — so one per year serves the snapshots of all its months.
pub struct YearTotals {
    pub county: Vec<Totals>,
    /// Indexed like `content.units`, then by month.
    pub units: Vec<Vec<Totals>>,
    /// The projects that can count toward the year's target or have money (到位资金 or 外资)
    /// dated in it, as indexes into `content.projects`, ascending: a month's breakdowns look
    /// at these, not at every project of a ten-year ledger.
    pub active: Vec<u32>,
}

impl YearTotals {
    /// One pass over the ledger: a group per unit and one for projects credited to no unit,
    /// so the county is the sum of the groups.
    pub fn of(content: &Content, year: i32) -> YearTotals {
        let units = content.units.len();
        let group = |project: &Project| Some(project.credit_unit.map_or(units, |u| u.get()));
        let Some(december) = Month::new(year, 12) else {
            return YearTotals {
                county: vec![Totals::default(); 12],
                units: vec![vec![Totals::default(); 12]; units],
                active: Vec::new(),
            };
        };
        let mut groups = running_totals_by(content, december, units + 1, group);
        let mut county = vec![Totals::default(); 12];
        for g in &groups {
            for (c, t) in county.iter_mut().zip(g) {
                c.projects += t.projects;
                c.funds += t.funds;
                c.fdi += t.fdi;
            }
        }
        groups.truncate(units);
        YearTotals { county, units: groups, active: active_in(content, year) }
    }
}

/// See [`YearTotals::active`]: a project outside it adds nothing to any figure of the year
/// that is summed from the year's counted projects and money.
fn active_in(content: &Content, year: i32) -> Vec<u32> {
    let rules = &content.site.rules;
    let in_year = |m: Month| m.year() == year;
    (0..content.projects.len() as u32)
        .filter(|&i| {
            let p = &content.projects[i as usize];
            rules::count_date(p, rules).is_some_and(|d| d.year() == year)
                || p.funds.iter().any(|f| in_year(f.month))
                || p.fdi.iter().any(|f| in_year(f.month))
        })
        .collect()
}

/// The running totals of the years a set of snapshots reads, each computed once.
pub struct Years(BTreeMap<i32, YearTotals>);

impl Years {
    /// `years` and, for 同比, the year before each.
    pub fn new(content: &Content, years: impl IntoIterator<Item = i32>) -> Years {
        let wanted: BTreeSet<i32> = years.into_iter().flat_map(|y| [y - 1, y]).collect();
        Years(wanted.into_par_iter().map(|y| (y, YearTotals::of(content, y))).collect())
    }

    fn get(&self, year: i32) -> &YearTotals {
        &self.0[&year]
    }
}

/// The period's year and the year before, from [`Years`].
pub struct Running<'y> {
    pub this_year: &'y YearTotals,
    pub last_year: &'y YearTotals,
}

impl<'y> Running<'y> {
    /// `years` must hold the period's year (and so the year before).
    pub fn new(p: &Period, years: &'y Years) -> Running<'y> {
        let year = p.month.year();
        Running { this_year: years.get(year), last_year: years.get(year - 1) }
    }

    /// The totals of 1–m月 from a list indexed by month.
    pub fn at(totals: &[Totals], m: Month) -> Totals {
        totals[(m.number() - 1) as usize]
    }
}

pub fn headline(p: &Period, running: &Running) -> Headline {
    let now = Running::at(&running.this_year.county, p.month);
    let last_year = Running::at(&running.last_year.county, p.month.year_before());
    let before = p.previous_month().map(|prev| Running::at(&running.this_year.county, prev.month)).unwrap_or_default();
    let tp = p.time_progress();
    let target = |value: Decimal, last: Decimal, prev: Decimal, goal: Option<Decimal>| {
        let completion = goal.map_or(Ratio::none(), |g| Ratio::of(value, g));
        Target {
            value,
            target: goal,
            completion,
            gap_points: format::gap_points(completion.value, tp),
            last_year: last,
            yoy: Ratio::of(value - last, last),
            this_month: value - prev,
        }
    };
    let t = p.targets;
    Headline {
        projects: target(now.projects, last_year.projects, before.projects, t.map(|t| Decimal::from(t.projects))),
        funds: target(now.funds, last_year.funds, before.funds, t.map(|t| t.funds)),
        fdi: target(now.fdi, last_year.fdi, before.fdi, t.map(|t| t.fdi)),
    }
}

/// The straight target line at month k: target × k ÷ 12. The one division comes last, so the
/// value is exact whenever the quotient terminates (1000 × 3 ÷ 12 = 250) and otherwise the
/// quotient correct to the decimal type's last digit (500 ÷ 12 = 41.666…667); multiplying
/// by a rounded k ÷ 12 instead put an error in the last digits (41.666…665).
pub fn target_line(target: Decimal, k: u32) -> Decimal {
    (target * Decimal::from(k) / Decimal::from(12)).normalize()
}

/// January..m of this year beside the same months of last year and the straight target line.
pub fn series(p: &Period, running: &Running) -> Series {
    let months = p
        .month
        .january()
        .through(p.month)
        .map(|m: Month| {
            let now = Running::at(&running.this_year.county, m);
            let last = Running::at(&running.last_year.county, m.year_before());
            let t = p.targets;
            let line = |target: Decimal| target_line(target, m.number());
            SeriesPoint {
                month: m,
                projects: now.projects,
                funds: now.funds,
                fdi: now.fdi,
                projects_last_year: last.projects,
                funds_last_year: last.funds,
                fdi_last_year: last.fdi,
                projects_target: t.map(|t| line(Decimal::from(t.projects))),
                funds_target: t.map(|t| line(t.funds)),
                fdi_target: t.map(|t| line(t.fdi)),
                squads_met: super::squads::met_in(p, m),
            }
        })
        .collect();
    Series { months }
}
