//! The home page: the three targets and the four rates as cards, what needs attention, the
//! main charts and the latest bulletins.

use serde::Serialize;

use super::{Alerts, BulletinLink, alerts, bulletin_link, summary_lines};
use crate::content::Content;
use rust_decimal::Decimal;

use crate::content::model::RankBy;
use crate::figures::Snapshot;
use crate::figures::format as fmt;
use crate::figures::snapshot::{List, UnitRow};
use crate::paths;
use crate::render::charts::ChartKind;
use crate::render::table::TableView;
use crate::render::view::{self, Card, Layout, RateView};
use crate::report::table::Num;

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
    /// Something is overdue or stalled: the alerts come first, before the cards.
    pub alerts_first: bool,
    /// The 红黑榜 of the towns and of the departments.
    pub lists: Vec<ListsOfKind>,
    pub rank_metric: &'static str,
    pub charts: Vec<String>,
    pub bulletins: Vec<BulletinLink>,
}

/// One kind of unit's 红榜 and 黑榜, best first.
#[derive(Serialize)]
pub struct ListsOfKind {
    pub kind: &'static str,
    pub red: Vec<Listed>,
    pub black: Vec<Listed>,
}

/// A unit on a list: its rank, its move since last month and its completion rate.
#[derive(Serialize)]
pub struct Listed {
    pub name: String,
    pub href: String,
    pub rank: String,
    /// `↑2`, `↓1`, `持平`, or empty in January and for a unit ranked for the first time.
    pub change: String,
    /// `up`, `down` or empty.
    pub change_class: &'static str,
    pub completion: String,
}

fn lists_of(kind: &'static str, rows: &[UnitRow], by: &RankBy) -> ListsOfKind {
    let listed = |list: List| {
        rows.iter()
            .filter(|u| u.list == Some(list))
            .map(|u| {
                let metric = u.ranked(*by);
                Listed {
                    name: u.name.clone(),
                    href: paths::unit(&u.id),
                    rank: u.rank.map_or_else(String::new, |r| format!("第{r}名")),
                    change: u.rank_change.map_or_else(String::new, |c| Num::RankChange.display(Decimal::from(c))),
                    change_class: match u.rank_change {
                        Some(c) if c > 0 => "up",
                        Some(c) if c < 0 => "down",
                        _ => "",
                    },
                    completion: fmt::percent(metric.completion.value),
                }
            })
            .collect()
    };
    ListsOfKind { kind, red: listed(List::Red), black: listed(List::Black) }
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
        alerts_first: !s.alerts.overdue_items.is_empty() || !s.alerts.stalled.is_empty(),
        alerts: alerts(c, s),
        // A roll-up's members are all of one kind: one list.
        lists: std::iter::once(lists_of(c.site.words().towns, &s.units.towns, &s.units.rank_by))
            .chain(c.site.rollup.is_none().then(|| lists_of("县直部门", &s.units.departments, &s.units.rank_by)))
            .collect(),
        rank_metric: match s.units.rank_by {
            RankBy::Funds => "到位资金",
            RankBy::Projects => "招引项目",
        },
        charts: [ChartKind::Progress, ChartKind::FundsNew, ChartKind::FundsMonthly, ChartKind::Rates, ChartKind::Pipeline]
            .into_iter()
            .map(|k| view::chart(s, k))
            .collect(),
        bulletins: c.briefings.iter().rev().filter(|b| b.period <= s.month).take(3).map(bulletin_link).collect(),
    }
}
