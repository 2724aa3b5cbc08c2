//! Data-quality warnings: things that do not stop a build but that the office should fix
//! (a 五个一 field missing, a squad with no trip in a month, a project not started long after
//! signing, a problem left open, unit shares that do not add up).
//!
//! They are judged as of a reference date, the last day of the report month, so `check` gives
//! the same answer whenever it is run.

use rust_decimal::Decimal;

use super::model::Content;
use super::problems;
use crate::diagnostics::Diagnostic;
use crate::period::{self, Month};

pub fn data_quality(content: &Content, month: Month) -> Vec<Diagnostic> {
    let as_of = month.last_day();
    let rules = &content.site.rules;
    let mut out = Vec::new();

    for p in &content.projects {
        let live = p.milestones.terminated.is_none_or(|t| t > as_of) && p.milestones.signed <= as_of;
        if !live {
            continue;
        }
        for (missing, field) in [(p.leader.is_none(), "leader"), (p.measures.is_none(), "measures"), (p.unit.is_none(), "unit")] {
            if missing {
                out.push(problems::five_one_missing(field).at(p.origin.file, p.origin.span));
            }
        }
        let started = p.milestones.started.is_some_and(|s| s <= as_of);
        let months = period::whole_months_between(p.milestones.signed, as_of);
        if !started && months >= rules.not_started_months as i32 {
            out.push(problems::not_started(&p.milestones.signed.to_string(), months).at(p.origin.file, p.origin.span));
        }
        for problem in &p.problems {
            let open = problem.opened <= as_of && problem.resolved.is_none_or(|r| r > as_of);
            let days = (as_of - problem.opened).num_days();
            if open && days > i64::from(rules.problem_open_days) {
                out.push(problems::problem_open(&problem.opened.to_string(), days).at(problem.origin.file, problem.origin.span));
            }
        }
    }

    let needed = content.targets.get(&month.year()).map_or(1, |t| t.trips_per_squad_month);
    for squad in &content.squads {
        for m in month.january().through(month) {
            let made = squad.trips.iter().filter(|t| Month::of(t.start) == m).count() as u32;
            if made < needed {
                out.push(problems::squad_no_trip(&m.to_string(), needed, made).at(squad.origin.file, squad.origin.span));
            }
        }
    }

    if let Some(t) = content.targets.get(&month.year()) {
        let projects: u32 = t.units.values().filter_map(|u| u.projects).sum();
        let funds: Decimal = t.units.values().filter_map(|u| u.funds).sum();
        let fdi: Decimal = t.units.values().filter_map(|u| u.fdi).sum();
        let any = |f: fn(&super::model::UnitTargets) -> bool| t.units.values().any(f);
        if any(|u| u.projects.is_some()) && projects != t.projects {
            out.push(problems::target_split("项目", "project", &projects.to_string(), &t.projects.to_string()).at(t.origin.file, t.origin.span));
        }
        if any(|u| u.funds.is_some()) && funds != t.funds {
            out.push(problems::target_split("到位资金", "funds", &funds.to_string(), &t.funds.to_string()).at(t.origin.file, t.origin.span));
        }
        if any(|u| u.fdi.is_some()) && fdi != t.fdi {
            out.push(problems::target_split("外资", "FDI", &fdi.to_string(), &t.fdi.to_string()).at(t.origin.file, t.origin.span));
        }
    }
    out
}
