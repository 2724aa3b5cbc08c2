//! A month's bulletin (简报): the briefing's text, then the generated data report with the
//! month's tables and charts, the 版记, and the month's 本期数据变动. An issued month's page is
//! made from its record alone ([`issued`]); a month not issued yet from the data ([`draft`]).

use serde::Serialize;

use crate::content::Content;
use crate::content::model::Briefing;
use crate::figures::Snapshot;
use crate::paths;
use crate::record::issued::{Changed, Record};
use crate::render::charts::ChartKind;
use crate::render::markdown;
use crate::render::table::MonthViews;
use crate::render::view::{self, Layout};
use crate::report::text::{BulletinText, ChangeLog, Line};

#[derive(Serialize)]
pub struct Bulletin {
    pub layout: Layout,
    #[serde(flatten)]
    pub text: BulletinText,
    pub body: String,
    pub charts: Charts,
    pub tables: MonthViews,
    pub data_json: String,
    pub workbook: String,
    /// 已印发 / 草稿 and what it means, on screen only.
    pub status: Status,
    /// The 更正说明 of an issued bulletin whose figures have changed since.
    pub correction: Option<Correction>,
    pub changes: ChangeLog,
    /// Print the 附件 by default (site.yaml `print: annexes: true`).
    pub print_annexes: bool,
    /// The change log's 附件 number on paper.
    pub changelog_number: String,
    /// The bulletin as a PDF and as a Word file, when the site has them.
    pub pdf: Option<String>,
    pub docx: Option<String>,
}

#[derive(Serialize)]
pub struct Charts {
    pub progress: String,
    pub funds_monthly: String,
    pub projects_monthly: String,
    pub rates: String,
    pub pipeline: String,
    pub by_chain: String,
    pub by_origin: String,
    pub units_towns: String,
    pub units_departments: String,
    pub squad_trips: String,
}

impl Charts {
    /// The charts of the bulletin, drawn from `s`.
    pub fn of(s: &Snapshot) -> Charts {
        let chart = |k| view::chart(s, k);
        Charts {
            progress: chart(ChartKind::Progress),
            funds_monthly: chart(ChartKind::FundsMonthly),
            projects_monthly: chart(ChartKind::ProjectsMonthly),
            rates: chart(ChartKind::Rates),
            pipeline: chart(ChartKind::Pipeline),
            by_chain: chart(ChartKind::ByChain),
            by_origin: chart(ChartKind::ByOrigin),
            units_towns: chart(ChartKind::UnitsTowns),
            units_departments: chart(ChartKind::UnitsDepartments),
            squad_trips: chart(ChartKind::SquadTrips),
        }
    }
}

#[derive(Serialize)]
pub struct Status {
    /// `issued`, `corrected`, `draft` or empty (a site that does not issue).
    pub class: &'static str,
    pub label: String,
    pub detail: String,
}

/// 更正说明: what reads differently now, why, and the commits that changed it.
#[derive(Serialize)]
pub struct Correction {
    pub changes: Vec<ChangedView>,
    /// Changes not listed (the list shows the first [`SHOWN_CHANGES`]).
    pub more: usize,
    pub notes: Vec<Line>,
    pub commits: Vec<Line>,
}

#[derive(Serialize)]
pub struct ChangedView {
    pub what: String,
    pub issued: String,
    pub now: String,
}

/// The changes a 更正说明 lists before it says how many more there are.
pub const SHOWN_CHANGES: usize = 30;

impl Correction {
    pub fn of(changed: &[Changed], notes: Vec<Line>, commits: Vec<Line>) -> Correction {
        Correction {
            changes: changed
                .iter()
                .take(SHOWN_CHANGES)
                .map(|c| ChangedView { what: c.what.clone(), issued: c.issued.clone(), now: c.now.clone() })
                .collect(),
            more: changed.len().saturating_sub(SHOWN_CHANGES),
            notes,
            commits,
        }
    }
}

/// The page of a month not issued yet, from the data. `issuing` is whether the site issues
/// bulletins at all (then this one is marked 草稿).
#[allow(clippy::too_many_arguments)]
pub fn draft(
    layout: Layout,
    c: &Content,
    b: &Briefing,
    s: &Snapshot,
    tables: MonthViews,
    changes: ChangeLog,
    issuing: bool,
) -> Bulletin {
    let status = if issuing {
        Status {
            class: "draft",
            label: "草稿（未印发）".into(),
            detail: "这一期还没有印发，数字会随数据更新；印发后页面固定不变".into(),
        }
    } else {
        Status { class: "", label: String::new(), detail: String::new() }
    };
    Bulletin {
        layout,
        text: crate::report::text::bulletin_text(c, b, s),
        body: markdown::render(&b.body, s, c, &view::figure_html),
        charts: Charts::of(s),
        tables,
        data_json: paths::data_json(s.month),
        workbook: paths::workbook(s.month),
        status,
        correction: None,
        changes,
        print_annexes: false,
        changelog_number: crate::report::print::Place::changelog(),
        pdf: None,
        docx: None,
    }
}

/// The page of an issued month, from its record alone; `correction` when its figures read
/// differently now.
pub fn issued(layout: Layout, record: &Record, tables: MonthViews, correction: Option<Correction>) -> Bulletin {
    let s = &record.snapshot;
    let when =
        if record.text.issued.is_empty() { record.recorded.get(..10).unwrap_or(&record.recorded) } else { &record.text.issued };
    let status = match &correction {
        None => {
            Status { class: "issued", label: "已印发".into(), detail: format!("本期于 {when} 印发，内容固定不变") }
        }
        Some(_) => Status {
            class: "corrected",
            label: "已更正".into(),
            detail: format!("本期于 {when} 印发，此后有数字更正，见下方更正说明；正文和表格保持印发时的原样"),
        },
    };
    let figures = &record.figures;
    Bulletin {
        layout,
        text: record.text.clone(),
        body: markdown::render_with(
            &record.body,
            &|key| figures.get(key).cloned().unwrap_or_else(|| "—".to_string()),
            &|kind| view::chart(s, kind),
        ),
        charts: Charts::of(s),
        tables,
        data_json: paths::issued_json(s.month),
        workbook: paths::workbook(s.month),
        status,
        correction,
        changes: record.changes.clone(),
        print_annexes: false,
        changelog_number: crate::report::print::Place::changelog(),
        pdf: None,
        docx: None,
    }
}
