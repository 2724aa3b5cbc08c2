//! The three headline metrics (招引项目, 到位资金, 外资直投): their names, units and how their
//! values are displayed, so every chart prints them the way the tables do.

use rust_decimal::Decimal;

use super::canvas::f;
use crate::figures::format;
use crate::figures::snapshot::{SeriesPoint, Snapshot, Target};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    Projects,
    Funds,
    Fdi,
}

impl Metric {
    pub const ALL: [Metric; 3] = [Metric::Projects, Metric::Funds, Metric::Fdi];

    pub fn name(self) -> &'static str {
        match self {
            Metric::Projects => "招引项目",
            Metric::Funds => "到位资金",
            Metric::Fdi => "外资直投",
        }
    }

    /// The unit values are displayed in.
    pub fn unit(self) -> &'static str {
        match self {
            Metric::Projects => "个",
            Metric::Funds => "亿元",
            Metric::Fdi => "万美元",
        }
    }

    /// A value (个, 万元 or 万美元) as displayed, without its unit: `52`, `178.23`, `1,200.5`.
    pub fn show(self, value: Decimal) -> String {
        match self {
            Metric::Projects => format::count(value),
            Metric::Funds => format::yi(value),
            Metric::Fdi => format::amount(value),
        }
    }

    /// A value in display units, for drawing.
    pub fn plot(self, value: Decimal) -> f64 {
        match self {
            Metric::Funds => f(value) / 10_000.0,
            _ => f(value),
        }
    }

    pub fn target(self, s: &Snapshot) -> &Target {
        match self {
            Metric::Projects => &s.headline.projects,
            Metric::Funds => &s.headline.funds,
            Metric::Fdi => &s.headline.fdi,
        }
    }

    /// This year's cumulative value, last year's, and the target line at one month.
    pub fn point(self, p: &SeriesPoint) -> (Decimal, Decimal, Option<Decimal>) {
        match self {
            Metric::Projects => (p.projects, p.projects_last_year, p.projects_target),
            Metric::Funds => (p.funds, p.funds_last_year, p.funds_target),
            Metric::Fdi => (p.fdi, p.fdi_last_year, p.fdi_target),
        }
    }
}
