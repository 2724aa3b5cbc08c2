//! Alerts as of the period's end: stalled projects, signed but not started, squads short of
//! trips, overdue meeting items, old problems, missing 五个一 fields.
//!
//! Which projects each looks at: old problems, every project signed by the as-of date and not
//! terminated (production does not solve a problem); the others, live projects only (signed,
//! not terminated, not yet producing: 一抓到底 ends at production).

use super::Period;
use super::people::overdue;
use super::rules;
use super::snapshot::{Alerts, FiveOne, FiveOneAlert, OverdueItem, ProblemAlert, ProjectAlert};
use crate::period::whole_months_between;

pub fn alerts(p: &Period) -> Alerts {
    let c = p.content;
    let mut a = Alerts {
        stalled: Vec::new(),
        not_started: Vec::new(),
        squads_short_of_trips: Vec::new(),
        overdue_items: Vec::new(),
        old_problems: Vec::new(),
        missing_five_one: Vec::new(),
    };
    for project in &c.projects {
        if project.milestones.signed > p.as_of || rules::terminated(project, p.as_of) {
            continue;
        }
        for (i, pr) in project.problems.iter().enumerate() {
            let days = (p.as_of - pr.opened).num_days();
            if pr.opened <= p.as_of && pr.resolved.is_none_or(|r| r > p.as_of) && days > i64::from(p.rules.problem_open_days) {
                a.old_problems.push(ProblemAlert {
                    project: project.id.clone(),
                    number: i + 1,
                    kind: pr.kind,
                    text: pr.text.clone(),
                    opened: pr.opened,
                    days,
                });
            }
        }
        // Live: not yet producing (一抓到底 until production).
        if rules::producing(project, p.as_of) {
            continue;
        }
        let last = rules::last_activity(project, p.as_of);
        let idle = whole_months_between(last, p.as_of);
        if idle >= p.rules.stalled_months as i32 {
            a.stalled.push(ProjectAlert { project: project.id.clone(), name: project.name.clone(), since: last, months: idle });
        }
        let signed_for = whole_months_between(project.milestones.signed, p.as_of);
        if !rules::started(project, p.as_of) && signed_for >= p.rules.not_started_months as i32 {
            a.not_started.push(ProjectAlert {
                project: project.id.clone(),
                name: project.name.clone(),
                since: project.milestones.signed,
                months: signed_for,
            });
        }
        let missing: Vec<FiveOne> = [
            (project.leader.is_none(), FiveOne::Leader),
            (project.measures.is_none(), FiveOne::Measures),
            (project.unit.is_none(), FiveOne::Unit),
        ]
        .into_iter()
        .filter_map(|(m, name)| m.then_some(name))
        .collect();
        if !missing.is_empty() {
            a.missing_five_one.push(FiveOneAlert { project: project.id.clone(), missing });
        }
    }
    a.stalled.sort_by(|x, y| y.months.cmp(&x.months).then_with(|| x.project.cmp(&y.project)));
    a.not_started.sort_by(|x, y| y.months.cmp(&x.months).then_with(|| x.project.cmp(&y.project)));
    a.old_problems.sort_by(|x, y| y.days.cmp(&x.days).then_with(|| x.project.cmp(&y.project)));

    a.squads_short_of_trips = super::squads::squads(p).missed;

    for meeting in c.meetings.iter().filter(|m| m.date <= p.as_of) {
        for item in meeting.items.iter().filter(|i| overdue(i, p.as_of)) {
            a.overdue_items.push(OverdueItem {
                meeting: meeting.id.clone(),
                project: item.project.map(|ix| c.project(ix).id.clone()),
                task: item.task.clone(),
                unit: c.unit(item.unit).name.clone(),
                deadline: item.deadline,
                days_overdue: (p.as_of - item.deadline).num_days(),
            });
        }
    }
    a.overdue_items.sort_by(|x, y| y.days_overdue.cmp(&x.days_overdue).then_with(|| x.meeting.cmp(&y.meeting)));
    a
}
