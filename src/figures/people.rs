//! Accountability figures: factory occupancy, each county leader's 五个一 portfolio, and the
//! 交办联评 meetings' items.

use rust_decimal::Decimal;

use super::Period;
use super::rules::{self, Stage};
use super::snapshot::{BuildingRow, Factories, LeaderRow, MeetingFigures, Ratio, StageCount};
use crate::content::model::{LeaderIx, MeetingItem, Project};

/// 标准化厂房 built and occupied by the as-of date.
pub fn factories(p: &Period) -> Factories {
    let mut f = Factories {
        buildings_built: 0,
        buildings_occupied: 0,
        area_built: Decimal::ZERO,
        area_occupied: Decimal::ZERO,
        rate_area: Ratio::none(),
        rate_buildings: Ratio::none(),
        target: p.targets.and_then(|t| t.factory_occupancy).map(|v| v / Decimal::ONE_HUNDRED),
        buildings: Vec::new(),
    };
    for park in &p.content.parks {
        for b in &park.buildings {
            let built = b.completed <= p.as_of;
            let occupied = built && b.moved_in.is_some_and(|d| d <= p.as_of);
            if built {
                f.buildings_built += 1;
                f.area_built += b.area;
            }
            if occupied {
                f.buildings_occupied += 1;
                f.area_occupied += b.area;
            }
            f.buildings.push(BuildingRow {
                id: b.id.clone(),
                park: park.name.clone(),
                name: b.name.clone(),
                area: b.area,
                built,
                project: b.project.filter(|_| occupied).map(|ix| p.content.project(ix).id.clone()),
                moved_in: b.moved_in.filter(|_| occupied),
            });
        }
    }
    f.rate_area = Ratio::of(f.area_occupied, f.area_built);
    f.rate_buildings = Ratio::of(f.buildings_occupied.into(), f.buildings_built.into());
    f
}

/// An item assigned at a meeting held by the as-of date, past its deadline and not closed.
pub fn overdue(item: &MeetingItem, as_of: chrono::NaiveDate) -> bool {
    item.deadline < as_of && item.closed.is_none_or(|c| c > as_of)
}

/// Where a meeting item stands as of a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemState {
    Closed,
    Overdue,
    Open,
}

impl ItemState {
    pub fn of(item: &MeetingItem, as_of: chrono::NaiveDate) -> ItemState {
        if item.closed.is_some_and(|d| d <= as_of) {
            ItemState::Closed
        } else if overdue(item, as_of) {
            ItemState::Overdue
        } else {
            ItemState::Open
        }
    }

    pub fn zh(self) -> &'static str {
        match self {
            ItemState::Closed => "已办结",
            ItemState::Overdue => "逾期",
            ItemState::Open => "推进中",
        }
    }

    /// A CSS class for the state.
    pub fn class(self) -> &'static str {
        match self {
            ItemState::Closed => "closed",
            ItemState::Overdue => "overdue",
            ItemState::Open => "open",
        }
    }
}

/// Each leader's 五个一 portfolio: the projects in their charge that are signed by the as-of
/// date (any year) and not terminated by then. Every field of the row counts exactly these
/// projects, so `by_stage` adds up to `projects` (and has no 已终止 entry).
pub fn leaders(p: &Period) -> Vec<LeaderRow> {
    let c = p.content;
    let mut rows: Vec<LeaderRow> = c
        .leaders
        .iter()
        .map(|l| LeaderRow {
            id: l.id.clone(),
            name: l.name.clone(),
            title: l.title.clone(),
            projects: Vec::new(),
            by_stage: Vec::new(),
            funds: Decimal::ZERO,
            overdue_items: 0,
            open_problems: 0,
        })
        .collect();
    let mut stages = vec![[0u32; 4]; rows.len()];
    let first = p.month.january();
    let in_block = |project: &Project| project.milestones.signed <= p.as_of && !rules::terminated(project, p.as_of);
    let has_funds = c.has_funds(first, p.month);
    for (project, has_funds) in c.projects.iter().zip(has_funds).filter(|(project, _)| in_block(project)) {
        let Some(LeaderIx(l)) = project.leader else {
            continue;
        };
        let l = l as usize;
        let stage = rules::stage(project, p.rules, p.as_of);
        stages[l][Stage::LIVE.iter().position(|s| *s == stage).expect("a project in the block is live")] += 1;
        let row = &mut rows[l];
        row.projects.push(project.id.clone());
        let in_period = if has_funds { project.funds_between(first, p.month) } else { &[] };
        row.funds += in_period.iter().filter(|f| rules::counted_funds(f, p.rules)).map(|f| f.amount).sum::<Decimal>();
        row.open_problems +=
            project.problems.iter().filter(|pr| pr.opened <= p.as_of && pr.resolved.is_none_or(|r| r > p.as_of)).count() as u32;
    }
    for meeting in c.meetings.iter().filter(|m| m.date <= p.as_of) {
        for item in meeting.items.iter().filter(|i| overdue(i, p.as_of)) {
            let Some(project) = item.project.map(|ix| c.project(ix)) else { continue };
            if let (Some(LeaderIx(l)), true) = (project.leader, in_block(project)) {
                rows[l as usize].overdue_items += 1;
            }
        }
    }
    for (row, counts) in rows.iter_mut().zip(stages) {
        row.by_stage = Stage::LIVE.iter().zip(counts).map(|(stage, count)| StageCount { stage: *stage, count }).collect();
    }
    rows
}

/// Meetings of this year held by the as-of date and their items.
pub fn meetings(p: &Period) -> MeetingFigures {
    let held: Vec<_> = p.content.meetings.iter().filter(|m| m.date >= p.year_start && m.date <= p.as_of).collect();
    let items: Vec<&MeetingItem> = held.iter().flat_map(|m| m.items.iter()).collect();
    let closed = items.iter().filter(|i| i.closed.is_some_and(|c| c <= p.as_of)).count() as u32;
    let overdue = items.iter().filter(|i| overdue(i, p.as_of)).count() as u32;
    MeetingFigures {
        meetings: held.len() as u32,
        items: items.len() as u32,
        closed,
        closed_rate: Ratio::of(closed.into(), (items.len() as u32).into()),
        overdue,
    }
}
