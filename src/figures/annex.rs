//! The lists a bulletin annexes (附件), shared by the bulletin page and its workbook so the
//! two can never disagree: projects newly counted this year, 到位资金 by project, the month's
//! squad trips and the year's meeting items. Each list's order is part of its definition
//! (`docs/figures.md`).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::people::ItemState;
use super::{rules, squads};
use crate::content::Content;
use crate::content::model::{Meeting, MeetingItem, Project, Squad, Trip};
use crate::period::Month;

/// All lists of a month, made once for the bulletin page and its workbook.
pub struct Annex<'c> {
    /// 附件1 新签约项目台账.
    pub new_projects: Vec<&'c Project>,
    /// 附件2 到位资金明细.
    pub funds: Vec<ProjectFunds<'c>>,
    /// 附件3 本月小分队外出情况.
    pub trips: Vec<TripLine<'c>>,
    /// 附件4 交办事项清单.
    pub items: Vec<ItemLine<'c>>,
}

impl<'c> Annex<'c> {
    pub fn of(c: &'c Content, month: Month) -> Annex<'c> {
        Annex {
            new_projects: new_projects(c, month),
            funds: funds_by_project(c, month),
            trips: trips(c, month),
            items: items(c, month),
        }
    }
}

/// Projects counted toward the target of `month`'s year as of its end, the latest counted
/// first (then by id); in no order for a province, like [`funds_by_project`].
pub fn new_projects(c: &Content, month: Month) -> Vec<&Project> {
    let rules = &c.site.rules;
    let as_of = month.last_day();
    let mut list: Vec<(Option<NaiveDate>, &Project)> = c
        .projects
        .iter()
        .filter(|p| rules::counts_toward_target(p, rules, as_of))
        .map(|p| (rules::count_date(p, rules), p))
        .collect();
    if !crate::report::members::instead_of_projects(c) {
        list.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.id.cmp(&b.1.id)));
    }
    list.into_iter().map(|(_, p)| p).collect()
}

/// One project's counted 到位资金 in a period.
pub struct ProjectFunds<'c> {
    pub project: &'c Project,
    /// In the month itself.
    pub month: Decimal,
    /// In 1–m月.
    pub to_date: Decimal,
}

/// Every project with counted 到位资金 in 1–m月 of `month`'s year (any signing year, terminated
/// ones included), the largest first (then by name, then by id); in no order for a province,
/// whose 通报 sums them by member (`report::members`): thousands a month need no sorting.
pub fn funds_by_project(c: &Content, month: Month) -> Vec<ProjectFunds<'_>> {
    let rules = &c.site.rules;
    let first = month.january();
    let mut list: Vec<ProjectFunds> = c
        .projects_with_funds(first, month)
        .filter_map(|p| {
            let (mut in_month, mut to_date) = (Decimal::ZERO, Decimal::ZERO);
            for f in p.funds_between(first, month).iter().filter(|f| rules::counted_funds(f, rules)) {
                to_date += f.amount;
                if f.month == month {
                    in_month += f.amount;
                }
            }
            (!to_date.is_zero()).then_some(ProjectFunds { project: p, month: in_month, to_date })
        })
        .collect();
    if !crate::report::members::instead_of_projects(c) {
        list.sort_by(|a, b| {
            b.to_date
                .cmp(&a.to_date)
                .then_with(|| a.project.name.cmp(&b.project.name))
                .then_with(|| a.project.id.cmp(&b.project.id))
        });
    }
    list
}

/// A trip that started in the month.
pub struct TripLine<'c> {
    pub squad: &'c Squad,
    pub trip: &'c Trip,
    /// Days away up to the as-of day (see [`squads::days_away`]).
    pub days: u32,
    /// The return date, when it is on or before the as-of day; `None` for a trip still under
    /// way then (its later return is not looked at).
    pub back: Option<NaiveDate>,
}

/// Every trip that started in `month`, by start date, then squad id, then as listed.
pub fn trips(c: &Content, month: Month) -> Vec<TripLine<'_>> {
    let as_of = month.last_day();
    let mut list: Vec<TripLine> = c
        .squads
        .iter()
        .flat_map(|q| q.trips.iter().filter(|t| Month::of(t.start) == month).map(move |t| (q, t)))
        .map(|(squad, trip)| TripLine {
            squad,
            trip,
            days: squads::days_away(trip, as_of),
            back: Some(trip.end).filter(|end| *end <= as_of),
        })
        .collect();
    // Stable: trips of one squad on one day keep their order in the file.
    list.sort_by(|a, b| a.trip.start.cmp(&b.trip.start).then_with(|| a.squad.id.cmp(&b.squad.id)));
    list
}

/// An item assigned at a meeting, with where it stands as of the as-of date.
pub struct ItemLine<'c> {
    pub meeting: &'c Meeting,
    pub item: &'c MeetingItem,
    pub state: ItemState,
}

/// Every item of the meetings held in 1–m月 of `month`'s year, by meeting (date, then file
/// name), then as listed in the meeting's file.
pub fn items(c: &Content, month: Month) -> Vec<ItemLine<'_>> {
    let as_of = month.last_day();
    let first = month.january().first_day();
    // `content.meetings` is sorted by date, then id.
    c.meetings
        .iter()
        .filter(|m| m.date >= first && m.date <= as_of)
        .flat_map(|meeting| meeting.items.iter().map(move |item| ItemLine { meeting, item, state: ItemState::of(item, as_of) }))
        .collect()
}
