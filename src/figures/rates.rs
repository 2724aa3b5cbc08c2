//! The four rates (四率), the 协议 → 合同 conversion and the pipeline, over the rate cohort.

use rust_decimal::Decimal;

use super::Period;
use super::rules::{self, Stage};
use super::snapshot::{Conversion, Pipeline, Rate, Rates, Ratio, StageCount};
use crate::content::model::{Project, RateBase, SignType};

/// The projects the four rates are computed over.
pub fn cohort<'c>(p: &Period<'c>) -> impl Iterator<Item = &'c Project> + use<'c> {
    let (rules, as_of) = (p.rules, p.as_of);
    p.content.projects.iter().filter(move |project| rules::in_rate_cohort(project, rules, as_of))
}

/// What a cohort project has reached as of the as-of date, for the rates' numerators. A
/// terminated project has reached nothing: it stays in the denominators only, whatever it
/// had reached before it was terminated (its money stays in 资金到位率).
struct Reached {
    fulfilled: bool,
    started: bool,
    producing: bool,
}

fn reached(p: &Period, project: &Project) -> Reached {
    let live = !rules::terminated(project, p.as_of);
    Reached {
        fulfilled: rules::fulfilled(project, p.rules, p.as_of),
        started: live && rules::started(project, p.as_of),
        producing: live && rules::producing(project, p.as_of),
    }
}

pub fn rates(p: &Period) -> Rates {
    let (mut signed, mut fulfilled, mut started, mut producing) = (0u32, 0u32, 0u32, 0u32);
    let (mut contract, mut arrived) = (Decimal::ZERO, Decimal::ZERO);
    for project in cohort(p) {
        let r = reached(p, project);
        signed += 1;
        fulfilled += u32::from(r.fulfilled);
        started += u32::from(r.started);
        producing += u32::from(r.producing);
        contract += project.contract_amount;
        arrived += project
            .funds
            .iter()
            .filter(|f| f.month <= p.month && rules::counted_funds(f, p.rules))
            .map(|f| f.amount)
            .sum::<Decimal>();
    }
    let targets = p.targets.map(|t| &t.rates);
    let as_ratio = |percent: Option<Decimal>| percent.map(|v| v / Decimal::ONE_HUNDRED);
    let rate = |num: Decimal, den: Decimal, target: Option<Decimal>| Rate {
        numerator: num,
        denominator: den,
        rate: Ratio::of(num, den),
        target: as_ratio(target),
    };
    let production_base = match p.rules.production_rate_base {
        RateBase::Signed => signed,
        RateBase::Started => started,
    };
    Rates {
        fulfilment: rate(signed_dec(fulfilled), signed_dec(signed), targets.and_then(|t| t.fulfilment)),
        funds: rate(arrived, contract, targets.and_then(|t| t.funds)),
        start: rate(signed_dec(started), signed_dec(signed), targets.and_then(|t| t.start)),
        production: rate(signed_dec(producing), signed_dec(production_base), targets.and_then(|t| t.production)),
    }
}

fn signed_dec(n: u32) -> Decimal {
    Decimal::from(n)
}

/// 协议 signed this year, and how many of them had become contracts by the as-of date.
pub fn conversion(p: &Period) -> Conversion {
    let this_year = |d: chrono::NaiveDate| d >= p.year_start && d <= p.as_of;
    let mut agreements = 0;
    let mut converted = 0;
    let mut contracts = 0;
    for project in &p.content.projects {
        if !this_year(project.milestones.signed) {
            continue;
        }
        match project.sign_type {
            SignType::Agreement => {
                agreements += 1;
                converted += u32::from(project.milestones.contracted.is_some_and(|d| d <= p.as_of));
            }
            SignType::Contract => contracts += 1,
        }
    }
    Conversion { agreements, converted, rate: Ratio::of(converted.into(), agreements.into()), contracts }
}

/// The cohort by stage: cumulative counts for the funnel (the rates' numerators), exclusive
/// counts for the table (each project once, at its stage on the as-of date).
pub fn pipeline(p: &Period) -> Pipeline {
    let mut by_stage = [0u32; 5];
    let (mut signed, mut fulfilled, mut started, mut producing) = (0, 0, 0, 0);
    for project in cohort(p) {
        let stage = rules::stage(project, p.rules, p.as_of);
        by_stage[Stage::ALL.iter().position(|s| *s == stage).unwrap_or(0)] += 1;
        let r = reached(p, project);
        signed += 1;
        fulfilled += u32::from(r.fulfilled);
        started += u32::from(r.started);
        producing += u32::from(r.producing);
    }
    Pipeline { signed, fulfilled, started, producing, terminated: by_stage[4], by_stage: stage_counts(by_stage) }
}

pub fn stage_counts(counts: [u32; 5]) -> Vec<StageCount> {
    Stage::ALL.iter().zip(counts).map(|(stage, count)| StageCount { stage: *stage, count }).collect()
}
