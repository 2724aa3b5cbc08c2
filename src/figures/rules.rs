//! The counting rules (统计口径) applied to one project as of a date.
//!
//! Everything the figures count goes through these few functions, so each rule of
//! `site.yaml` has exactly one place where it takes effect.

use chrono::NaiveDate;

use crate::content::model::{Fulfilment, FundEntry, Project, Rules, SignType};
use crate::period::Month;

/// The day a project starts to count toward the project target (招引项目): its signing for a
/// sign type that counts, or for a 协议 its conversion to a contract when only 合同 counts.
/// `None` when it never counts (too small, or a type that does not count).
pub fn count_date(p: &Project, rules: &Rules) -> Option<NaiveDate> {
    if p.contract_amount < rules.min_contract_amount {
        return None;
    }
    rules
        .count_sign_types
        .iter()
        .filter_map(|t| match t {
            SignType::Contract => p.contract_date(),
            SignType::Agreement => (p.sign_type == SignType::Agreement).then_some(p.milestones.signed),
        })
        .min()
}

/// Terminated on or before `as_of`.
pub fn terminated(p: &Project, as_of: NaiveDate) -> bool {
    p.milestones.terminated.is_some_and(|t| t <= as_of)
}

/// Counts toward the project target of `as_of`'s year, as of `as_of`.
pub fn counts_toward_target(p: &Project, rules: &Rules, as_of: NaiveDate) -> bool {
    let year_start = Month::of(as_of).january().first_day();
    count_date(p, rules).is_some_and(|d| d >= year_start && d <= as_of) && (rules.count_terminated || !terminated(p, as_of))
}

/// In the cohort the four rates are computed over: projects signed this year that count
/// (terminated ones included: a terminated project is a signed project that was not honoured),
/// plus, if the rules say so, 续建 projects signed in earlier years and still live at the start
/// of the year.
pub fn in_rate_cohort(p: &Project, rules: &Rules, as_of: NaiveDate) -> bool {
    let year_start = Month::of(as_of).january().first_day();
    match count_date(p, rules) {
        Some(d) if d >= year_start && d <= as_of => true,
        Some(d) if d < year_start => {
            rules.rates_include_continuing
                && p.build_type == crate::content::model::BuildType::Continuing
                && p.milestones.terminated.is_none_or(|t| t >= year_start)
        }
        _ => false,
    }
}

/// 履约 as of `as_of`: one of the configured milestones is reached and the project is not
/// terminated.
pub fn fulfilled(p: &Project, rules: &Rules, as_of: NaiveDate) -> bool {
    if terminated(p, as_of) {
        return false;
    }
    let reached = |d: Option<NaiveDate>| d.is_some_and(|d| d <= as_of);
    rules.fulfilled_when.iter().any(|f| match f {
        Fulfilment::Registered => reached(p.milestones.registered),
        Fulfilment::FirstFunds => reached(p.first_funds_date()),
        Fulfilment::Started => reached(p.milestones.started),
    })
}

pub fn started(p: &Project, as_of: NaiveDate) -> bool {
    p.milestones.started.is_some_and(|d| d <= as_of)
}

pub fn producing(p: &Project, as_of: NaiveDate) -> bool {
    p.milestones.production.is_some_and(|d| d <= as_of)
}

/// A fund entry that counts as 到位资金 (by origin).
pub fn counted_funds(entry: &FundEntry, rules: &Rules) -> bool {
    rules.funds_origins.contains(&entry.origin)
}

/// The project's stage as of a date, for the pipeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Signed, nothing more yet.
    Signed,
    /// Honoured (registered / money arrived) but not started.
    Fulfilled,
    Started,
    Producing,
    Terminated,
}

impl Stage {
    pub const ALL: [Stage; 5] = [Stage::Signed, Stage::Fulfilled, Stage::Started, Stage::Producing, Stage::Terminated];
    /// The stages of a project that is not terminated.
    pub const LIVE: [Stage; 4] = [Stage::Signed, Stage::Fulfilled, Stage::Started, Stage::Producing];

    pub fn zh(self) -> &'static str {
        match self {
            Stage::Signed => "已签约",
            Stage::Fulfilled => "已履约",
            Stage::Started => "已开工",
            Stage::Producing => "已投产",
            Stage::Terminated => "已终止",
        }
    }
}

pub fn stage(p: &Project, rules: &Rules, as_of: NaiveDate) -> Stage {
    if terminated(p, as_of) {
        Stage::Terminated
    } else if producing(p, as_of) {
        Stage::Producing
    } else if started(p, as_of) {
        Stage::Started
    } else if fulfilled(p, rules, as_of) {
        Stage::Fulfilled
    } else {
        Stage::Signed
    }
}

/// The last day anything happened to a project up to `as_of`: a milestone, or the last day of
/// a month with money arriving. Used to find stalled projects.
pub fn last_activity(p: &Project, as_of: NaiveDate) -> NaiveDate {
    let m = &p.milestones;
    let milestones = [Some(m.signed), m.contracted, m.registered, m.first_funds, m.started, m.production];
    // The lists are sorted by month: the entries up to `as_of` are a prefix, the last of it
    // the latest.
    let funds = p.funds[..p.funds.partition_point(|f| f.month.last_day() <= as_of)].last().map(|f| f.month);
    let fdi = p.fdi[..p.fdi.partition_point(|f| f.month.last_day() <= as_of)].last().map(|f| f.month);
    let money = funds.into_iter().chain(fdi).map(Month::last_day);
    milestones.into_iter().flatten().chain(money).filter(|d| *d <= as_of).max().unwrap_or(m.signed)
}
