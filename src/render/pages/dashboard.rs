//! The home page: the three targets and the four rates as cards, what needs attention, the
//! main charts and the latest bulletins.

use serde::Serialize;

use super::{Alerts, BulletinLink, alerts, bulletin_link, summary_lines};
use crate::content::Content;
use crate::figures::Snapshot;
use crate::figures::format as fmt;
use crate::render::charts::ChartKind;
use crate::render::table::TableView;
use crate::render::view::{self, Card, Layout, RateView};

#[derive(Serialize)]
pub struct Dashboard {
    pub layout: Layout,
    pub period: String,
    pub time_progress: String,
    pub cards: Vec<Card>,
    /// The cards' figures as the bulletin's table, with its downloads.
    pub targets: TableView,
    pub rates: Vec<RateView>,
    pub rates_table: TableView,
    pub conversion: String,
    pub squads: String,
    pub factories: String,
    pub meetings: String,
    pub alerts: Alerts,
    pub charts: Vec<String>,
    pub bulletins: Vec<BulletinLink>,
}

/// `targets` and `rates` are the month's tables, as views.
pub fn dashboard(layout: Layout, c: &Content, s: &Snapshot, targets: TableView, rates: TableView) -> Dashboard {
    let (conversion, squads, factories, meetings) = summary_lines(s);
    Dashboard {
        layout,
        period: fmt::period_text(s.month),
        time_progress: fmt::percent(s.time_progress.value),
        cards: view::cards(s),
        targets,
        rates: view::rates(s),
        rates_table: rates,
        conversion,
        squads,
        factories,
        meetings,
        alerts: alerts(c, s),
        charts: [ChartKind::Progress, ChartKind::FundsMonthly, ChartKind::Rates, ChartKind::Pipeline]
            .into_iter()
            .map(|k| view::chart(s, k))
            .collect(),
        bulletins: c.briefings.iter().rev().filter(|b| b.period <= s.month).take(3).map(bulletin_link).collect(),
    }
}
