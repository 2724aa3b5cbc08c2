//! The list of bulletins and the project ledger (项目台账).

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::content::Content;
use crate::content::model::{Briefing, Project};
use crate::figures::format as fmt;
use crate::figures::rules::Stage;
use crate::paths;
use crate::period::Month;
use crate::render::table::{TableView, view};
use crate::render::view::Layout;
use crate::report::table::Tone;
use crate::report::{projects, site};

#[derive(Serialize)]
pub struct Archive {
    pub layout: Layout,
    /// A table per year, the latest first.
    pub years: Vec<TableView>,
}

pub fn archive(layout: Layout, c: &Content, month: Month, issued: &crate::record::Archive) -> Archive {
    let root = layout.root.clone();
    let status = |m: Month| match (issued.records.contains_key(&m), issued.restated.contains_key(&m)) {
        (true, true) => ("已更正", Tone::Bad),
        (true, false) => ("已印发", Tone::Good),
        _ => ("草稿", Tone::Plain),
    };
    let status: Option<&dyn Fn(Month) -> (&'static str, Tone)> = if issued.issuing() { Some(&status) } else { None };
    let mut years: Vec<(i32, Vec<&Briefing>)> = Vec::new();
    for b in c.briefings.iter().rev().filter(|b| b.period <= month) {
        match years.last_mut() {
            Some((y, list)) if *y == b.period.year() => list.push(b),
            _ => years.push((b.period.year(), vec![b])),
        }
    }
    Archive { layout, years: years.iter().map(|(y, list)| view(&site::bulletins(*y, list, status), None, &root)).collect() }
}

#[derive(Serialize)]
pub struct Ledger {
    pub layout: Layout,
    pub count: usize,
    pub table: TableView,
    pub csv: &'static str,
    pub chains: Vec<String>,
    pub stages: Vec<&'static str>,
    pub years: Vec<i32>,
    pub total_contract: String,
    pub total_funds: String,
}

pub fn ledger(layout: Layout, c: &Content, as_of: NaiveDate) -> Ledger {
    let root = layout.root.clone();
    let mut list: Vec<&Project> = c.projects.iter().filter(|p| p.milestones.signed <= as_of).collect();
    list.sort_by(|a, b| b.milestones.signed.cmp(&a.milestones.signed).then_with(|| a.id.cmp(&b.id)));
    let years: BTreeSet<i32> = list.iter().map(|p| p.milestones.signed.year()).collect();
    let total_contract: Decimal = list.iter().map(|p| p.contract_amount).sum();
    let total_funds: Decimal = list.iter().map(|p| projects::funds_to_date(c, p, as_of)).sum();
    let table = projects::ledger(c, &list, as_of, "ledger", "台账", "项目台账").csv(paths::LEDGER_CSV.to_string());
    Ledger {
        layout,
        count: list.len(),
        table: view(&table, None, &root),
        csv: paths::LEDGER_CSV,
        chains: c.chains.iter().map(|ch| ch.name.clone()).collect(),
        stages: Stage::ALL.iter().map(|s| s.zh()).collect(),
        years: years.into_iter().rev().collect(),
        total_contract: fmt::wan(total_contract),
        total_funds: fmt::wan(total_funds),
    }
}
