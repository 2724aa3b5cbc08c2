//! The project lists a bulletin annexes, shared by the bulletin page and its workbook so the
//! two can never disagree: projects newly counted this year, and 到位资金 by project.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::rules;
use crate::content::Content;
use crate::content::model::Project;
use crate::period::Month;

/// Both lists of a month, made once for the bulletin page and its workbook.
pub struct Annex<'c> {
    pub new_projects: Vec<&'c Project>,
    pub funds: Vec<ProjectFunds<'c>>,
}

impl<'c> Annex<'c> {
    pub fn of(c: &'c Content, month: Month) -> Annex<'c> {
        Annex { new_projects: new_projects(c, month), funds: funds_by_project(c, month) }
    }
}

/// Projects counted toward the target of `month`'s year as of its end, the latest counted
/// first (then by id).
pub fn new_projects(c: &Content, month: Month) -> Vec<&Project> {
    let rules = &c.site.rules;
    let as_of = month.last_day();
    let mut list: Vec<(Option<NaiveDate>, &Project)> = c
        .projects
        .iter()
        .filter(|p| rules::counts_toward_target(p, rules, as_of))
        .map(|p| (rules::count_date(p, rules), p))
        .collect();
    list.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.id.cmp(&b.1.id)));
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

/// Every project with counted 到位资金 in 1–m月 of `month`'s year, the largest first (then by
/// name).
pub fn funds_by_project(c: &Content, month: Month) -> Vec<ProjectFunds<'_>> {
    let rules = &c.site.rules;
    let first = month.january();
    let mut list: Vec<ProjectFunds> = c
        .projects
        .iter()
        .filter_map(|p| {
            let (mut in_month, mut to_date) = (Decimal::ZERO, Decimal::ZERO);
            for f in p.funds.iter().filter(|f| f.month >= first && f.month <= month && rules::counted_funds(f, rules)) {
                to_date += f.amount;
                if f.month == month {
                    in_month += f.amount;
                }
            }
            (!to_date.is_zero()).then_some(ProjectFunds { project: p, month: in_month, to_date })
        })
        .collect();
    list.sort_by(|a, b| b.to_date.cmp(&a.to_date).then_with(|| a.project.name.cmp(&b.project.name)));
    list
}
