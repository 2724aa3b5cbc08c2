//! Data-quality warnings for `check`: things that do not stop a build but that the office
//! should fix. They are the alerts of the report month (a 五个一 field missing, a project not
//! started long after signing, a problem left open), every month a squad fell short of trips,
//! and unit shares that do not add up to the county target, each pointed at its file.
//!
//! Judged as of the last day of the report month, so `check` gives the same answer whenever
//! it runs.

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::{Period, alerts, squads};
use crate::content::model::{Content, Project, UnitTargets};
use crate::content::problems;
use crate::diagnostics::Diagnostic;
use crate::period::Month;

pub fn data_quality(content: &Content, month: Month) -> Vec<Diagnostic> {
    let p = Period::new(content, month);
    let alerts = alerts::alerts(&p);
    let by_id: HashMap<&str, &Project> = content.projects.iter().map(|p| (p.id.as_str(), p)).collect();
    let mut out = Vec::new();

    for a in &alerts.missing_five_one {
        let project = by_id[a.project.as_str()];
        for field in &a.missing {
            out.push(problems::five_one_missing(field.key()).at(project.origin.file, project.origin.span));
        }
    }
    for a in &alerts.not_started {
        let project = by_id[a.project.as_str()];
        out.push(problems::not_started(&a.since.to_string(), a.months).at(project.origin.file, project.origin.span));
    }
    for a in &alerts.old_problems {
        let problem = &by_id[a.project.as_str()].problems[a.number - 1];
        out.push(problems::problem_open(&a.opened.to_string(), a.days).at(problem.origin.file, problem.origin.span));
    }
    let figures = squads::squads(&p);
    for row in &figures.rows {
        let squad = content.squads.iter().find(|q| q.id == row.id).expect("rows come from squads");
        for m in &row.missed_months {
            let made = row.by_month[m.number() as usize - 1];
            out.push(
                problems::squad_no_trip(&m.to_string(), figures.required_per_month, made)
                    .at(squad.origin.file, squad.origin.span),
            );
        }
    }

    if let Some(t) = p.targets {
        let shares: Vec<&UnitTargets> = t.units.values().collect();
        let projects: u32 = shares.iter().filter_map(|u| u.projects).sum();
        let funds: Decimal = shares.iter().filter_map(|u| u.funds).sum();
        let fdi: Decimal = shares.iter().filter_map(|u| u.fdi).sum();
        let split = |zh, en, any: bool, sum: String, county: String| {
            (any && sum != county).then(|| problems::target_split(zh, en, &sum, &county).at(t.origin.file, t.origin.span))
        };
        out.extend(split(
            "项目",
            "project",
            shares.iter().any(|u| u.projects.is_some()),
            projects.to_string(),
            t.projects.to_string(),
        ));
        out.extend(split(
            "到位资金",
            "funds",
            shares.iter().any(|u| u.funds.is_some()),
            funds.normalize().to_string(),
            t.funds.normalize().to_string(),
        ));
        out.extend(split(
            "外资",
            "FDI",
            shares.iter().any(|u| u.fdi.is_some()),
            fdi.normalize().to_string(),
            t.fdi.normalize().to_string(),
        ));
    }
    out
}
