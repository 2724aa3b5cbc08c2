//! `&Content` + a month → [`Snapshot`]: every figure the site shows for the period 1–m月,
//! as of the month's last day. Pure: no I/O, nothing that can fail, nothing dated after the
//! as-of date is looked at, so an old bulletin never changes when newer data lands.
//!
//! Formulas: `docs/figures.md` and the domain notes §1–2; counting rules: [`rules`].

pub mod alerts;
pub mod annex;
pub mod breakdowns;
pub mod format;
pub mod headline;
pub mod people;
pub mod rates;
pub mod rules;
pub mod snapshot;
pub mod squads;
pub mod units;
pub mod warnings;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::content::model::{Content, Rules, YearTargets};
use crate::period::Month;
pub use headline::Years;
pub use snapshot::Snapshot;

/// Version of the JSON form; bump when a field changes meaning or is removed.
pub const SCHEMA_VERSION: u32 = 2;

/// What every part of the computation needs to know about the period.
pub struct Period<'c> {
    pub content: &'c Content,
    pub rules: &'c Rules,
    pub month: Month,
    pub as_of: NaiveDate,
    pub year_start: NaiveDate,
    pub targets: Option<&'c YearTargets>,
}

impl<'c> Period<'c> {
    pub fn new(content: &'c Content, month: Month) -> Period<'c> {
        Period {
            content,
            rules: &content.site.rules,
            month,
            as_of: month.last_day(),
            year_start: month.january().first_day(),
            targets: content.targets.get(&month.year()),
        }
    }

    /// 时序进度 = m ÷ 12, exact.
    pub fn time_progress(&self) -> Decimal {
        Decimal::from(self.month.number()) / Decimal::from(12)
    }

    /// The same period of the previous year, for 同比.
    pub fn last_year(&self) -> Period<'c> {
        Period::new(self.content, self.month.year_before())
    }

    /// Last month's period within the same year (`None` in January).
    pub fn previous_month(&self) -> Option<Period<'c>> {
        (self.month.number() > 1).then(|| Period::new(self.content, self.month.prev()))
    }
}

/// All figures of the period 1–m月 of `month`'s year.
pub fn snapshot(content: &Content, month: Month) -> Snapshot {
    snapshot_with(content, month, &Years::new(content, [month.year()]))
}

/// [`snapshot`], with the running totals of its year and the year before taken from `years`
/// (a site's snapshots share them: one pass over the ledger a year, not two a month).
pub fn snapshot_with(content: &Content, month: Month, years: &Years) -> Snapshot {
    let p = Period::new(content, month);
    let running = headline::Running::new(&p, years);
    let headline = headline::headline(&p, &running);
    Snapshot {
        schema: SCHEMA_VERSION,
        month,
        year: month.year(),
        as_of: p.as_of,
        time_progress: snapshot::Ratio { value: Some(p.time_progress()) },
        rates: rates::rates(&p),
        agreements: rates::conversion(&p),
        pipeline: rates::pipeline(&p),
        factories: people::factories(&p),
        squads: squads::squads(&p),
        breakdowns: breakdowns::breakdowns(&p, headline.funds.value, &running.this_year.active),
        units: units::rankings(&p, &running),
        leaders: people::leaders(&p),
        meetings: people::meetings(&p),
        alerts: alerts::alerts(&p),
        series: headline::series(&p, &running),
        headline,
    }
}

#[cfg(test)]
pub(crate) mod tests;
