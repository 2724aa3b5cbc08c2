//! The three headline targets (projects, 到位资金, 外资直投) and their monthly series.

use rust_decimal::Decimal;

use super::Period;
use super::format;
use super::rules;
use super::snapshot::{Headline, Ratio, Series, SeriesPoint, Target};
use crate::content::model::Project;
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

impl Totals {
    /// Adds one project's share of the period.
    pub fn add(&mut self, p: &Period, project: &Project) {
        let first = p.month.january();
        if rules::counts_toward_target(project, p.rules, p.as_of) {
            self.projects += Decimal::ONE;
        }
        for f in &project.funds {
            if f.month >= first && f.month <= p.month && rules::counted_funds(f, p.rules) {
                self.funds += f.amount;
            }
        }
        for f in &project.fdi {
            if f.month >= first && f.month <= p.month {
                self.fdi += f.amount;
            }
        }
    }
}

/// One pass over the projects for the period's cumulative values.
pub fn totals(p: &Period) -> Totals {
    let mut t = Totals::default();
    for project in &p.content.projects {
        t.add(p, project);
    }
    t
}

pub fn headline(p: &Period) -> Headline {
    let now = totals(p);
    let last_year = totals(&p.last_year());
    let before = p.previous_month().map(|prev| totals(&prev)).unwrap_or_default();
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

/// January..m of this year beside the same months of last year and the straight target line.
pub fn series(p: &Period) -> Series {
    let months = p
        .month
        .january()
        .through(p.month)
        .map(|m: Month| {
            let now = totals(&Period::new(p.content, m));
            let last = totals(&Period::new(p.content, m.year_before()));
            let share = Decimal::from(m.number()) / Decimal::from(12);
            let t = p.targets;
            SeriesPoint {
                month: m,
                projects: now.projects,
                funds: now.funds,
                fdi: now.fdi,
                projects_last_year: last.projects,
                funds_last_year: last.funds,
                fdi_last_year: last.fdi,
                projects_target: t.map(|t| Decimal::from(t.projects) * share),
                funds_target: t.map(|t| t.funds * share),
                fdi_target: t.map(|t| t.fdi * share),
                squads_met: super::squads::met_in(p, m),
            }
        })
        .collect();
    Series { months }
}
