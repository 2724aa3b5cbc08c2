//! 本期数据变动: what changed in the ledger for a bulletin since the previous one — from the data
//! (projects signed, milestones reached, money entered in the month), the corrections to
//! earlier issued bulletins, and, when the content is in git, the commits in between.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::Archive;
use crate::content::Content;
use crate::figures::format as fmt;
use crate::paths;
use crate::period::Month;
use crate::report::text::{ChangeLog, Line};

/// The most names a data line lists before it says how many more there are.
const NAMES: usize = 8;
/// The most commits listed.
const COMMITS: usize = 40;

/// The change log of the bulletin of `month`: `until` is the commit it is (being) issued from,
/// or `None` for a draft (history up to the newest commit).
pub fn of(c: &Content, month: Month, archive: &Archive, until: Option<&str>) -> ChangeLog {
    let since = c.briefings.iter().rev().map(|b| b.period).find(|m| *m < month);
    let (first, last) = (month.first_day(), month.last_day());
    let within = |d: Option<NaiveDate>| d.is_some_and(|d| d >= first && d <= last);
    let mut data = Vec::new();
    let mut list = |what: &str, names: Vec<(&str, &str)>| {
        if names.is_empty() {
            return;
        }
        let shown: Vec<&str> = names.iter().take(NAMES).map(|(_, n)| *n).collect();
        let more = if names.len() > NAMES { format!(" 等 {} 个", names.len()) } else { String::new() };
        data.push(Line {
            href: (names.len() == 1).then(|| paths::project(names[0].0)),
            name: format!("{what} {} 个", names.len()),
            detail: format!("{}{more}", shown.join("、")),
        });
    };
    let named = |pick: &dyn Fn(&crate::content::model::Project) -> bool| -> Vec<(&str, &str)> {
        c.projects.iter().filter(|p| pick(p)).map(|p| (p.id.as_str(), p.name.as_str())).collect()
    };
    list("新签约项目", named(&|p| within(Some(p.milestones.signed))));
    list("注册", named(&|p| within(p.milestones.registered)));
    list("开工", named(&|p| within(p.milestones.started)));
    list("竣工投产", named(&|p| within(p.milestones.production)));
    list("终止", named(&|p| within(p.milestones.terminated)));
    let entered: Vec<(Decimal, &str)> = c
        .projects_with_funds(month, month)
        .flat_map(|p| p.funds_between(month, month).iter().map(move |f| (f.amount, p.id.as_str())))
        .collect();
    if !entered.is_empty() {
        let total: Decimal = entered.iter().map(|(a, _)| *a).sum();
        let mut projects: Vec<&str> = entered.iter().map(|(_, p)| *p).collect();
        projects.sort_unstable();
        projects.dedup();
        data.push(Line {
            href: None,
            name: "录入本月到位资金".into(),
            detail: format!("{} 笔、{} 万元，涉及 {} 个项目（含不计入的来源）", entered.len(), fmt::wan(total), projects.len()),
        });
    }

    let corrections = archive
        .restated
        .iter()
        .filter(|(m, _)| **m < month)
        .filter_map(|(m, changed)| {
            let record = archive.records.get(m)?;
            Some(Line {
                href: Some(paths::bulletin(*m)),
                name: format!("第{}期（{}）", record.issue, fmt::period_text(*m)),
                detail: format!("印发后有 {} 项数字更正，见该期的更正说明", changed.len()),
            })
        })
        .collect();

    let previous_commit = since.and_then(|m| archive.records.get(&m)).and_then(|r| r.commit.clone());
    let history = &archive.history;
    let head = until.map(str::to_string).or_else(|| history.commits.first().map(|c| c.id.clone()));
    let commits = match head.and_then(|h| history.between(previous_commit.as_deref(), &h)) {
        // Without the previous bulletin's commit, "since then" is unknown: list none rather
        // than the whole history.
        Some(list) if previous_commit.is_some() || since.is_none() => list
            .iter()
            .take(COMMITS)
            .map(|commit| Line {
                href: None,
                name: format!("{} {}", commit.date(), commit.author),
                detail: format!("{}（{} 个文件）", commit.subject, commit.files.len()),
            })
            .collect(),
        _ => Vec::new(),
    };
    ChangeLog { since, data, corrections, commits }
}
