//! Charts as inline SVG, drawn with plotters, each with a text alternative that states its key
//! figure and the data table it was drawn from (print shows the table).
//!
//! Every chart is a pure function of a [`Snapshot`]: same snapshot, same bytes. Each kind
//! lives in its own file; [`canvas`] does the layout and SVG finishing they share (CJK text
//! widths, the font stack, the `<svg>` root), [`bars`] the horizontal bar rows, and every
//! number printed goes through [`crate::figures::format`] so charts agree with the tables.

mod bars;
mod breakdown;
mod canvas;
mod factories;
mod metric;
mod monthly;
mod pipeline;
mod progress;
mod rates;
mod sparkline;
mod squads;
mod units;

#[cfg(test)]
mod tests;

use crate::figures::Snapshot;

/// One chart, ready to inline in a page.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Chart {
    /// Stable name, used in briefings as `{{ chart funds-monthly }}` and as the HTML id.
    pub name: &'static str,
    pub title: String,
    /// A complete `<svg …>…</svg>` element with `role="img"` and an `aria-label` equal to `alt`.
    pub svg: String,
    /// One or two sentences stating the key figure, e.g. “1—10月到位资金178.23亿元，完成年度目标的79.92%，欠时序进度3.41个百分点。”
    pub alt: String,
    pub table: DataTable,
}

/// The numbers behind a chart, already formatted for display.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DataTable {
    pub caption: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl DataTable {
    fn new(caption: impl Into<String>, headers: &[&str]) -> DataTable {
        DataTable { caption: caption.into(), headers: headers.iter().map(|h| h.to_string()).collect(), rows: Vec::new() }
    }
}

impl Chart {
    /// Finishes a drawn canvas into a chart: the SVG carries the title and the alt text.
    fn new(name: &'static str, title: String, canvas: canvas::Canvas, alt: String, table: DataTable) -> Chart {
        let svg = canvas.finish(&title, &alt);
        Chart { name, title, svg, alt, table }
    }
}

/// The names a briefing may embed with `{{ chart NAME }}`, in display order.
pub const NAMES: &[&str] = crate::content::placeholders::CHARTS;

/// The dashboard's sparklines: found by [`by_name`] but not embeddable in a briefing.
pub const SPARKLINES: &[&str] = &["sparkline-funds", "sparkline-projects", "sparkline-fdi"];

/// The chart called `name` for this snapshot, if there is one ([`NAMES`] and [`SPARKLINES`]).
pub fn by_name(snapshot: &Snapshot, name: &str) -> Option<Chart> {
    use metric::Metric;
    let chart = match name {
        "progress" => progress::progress(snapshot),
        "funds-monthly" => monthly::monthly(snapshot, Metric::Funds),
        "projects-monthly" => monthly::monthly(snapshot, Metric::Projects),
        "fdi-monthly" => monthly::monthly(snapshot, Metric::Fdi),
        "rates" => rates::rates(snapshot),
        "pipeline" => pipeline::pipeline(snapshot),
        "by-chain" => breakdown::by_chain(snapshot),
        "by-origin" => breakdown::by_origin(snapshot),
        "units-towns" => units::towns(snapshot),
        "units-departments" => units::departments(snapshot),
        "squad-trips" => squads::squad_trips(snapshot),
        "factories" => factories::factories(snapshot),
        "sparkline-funds" => sparkline::sparkline(snapshot, Metric::Funds),
        "sparkline-projects" => sparkline::sparkline(snapshot, Metric::Projects),
        "sparkline-fdi" => sparkline::sparkline(snapshot, Metric::Fdi),
        _ => return None,
    };
    Some(chart)
}

pub use breakdown::{by_chain, by_origin};
pub use factories::factories;
pub use pipeline::pipeline;
pub use progress::progress;
pub use rates::rates;
pub use squads::squad_trips;
pub use units::{departments as units_departments, towns as units_towns};

/// `funds-monthly`: 到位资金 month by month against the target line and last year.
pub fn funds_monthly(s: &Snapshot) -> Chart {
    monthly::monthly(s, metric::Metric::Funds)
}
/// `projects-monthly`.
pub fn projects_monthly(s: &Snapshot) -> Chart {
    monthly::monthly(s, metric::Metric::Projects)
}
/// `fdi-monthly`.
pub fn fdi_monthly(s: &Snapshot) -> Chart {
    monthly::monthly(s, metric::Metric::Fdi)
}
/// `sparkline-funds`: a 120×32 line for a dashboard card.
pub fn sparkline_funds(s: &Snapshot) -> Chart {
    sparkline::sparkline(s, metric::Metric::Funds)
}
/// `sparkline-projects`.
pub fn sparkline_projects(s: &Snapshot) -> Chart {
    sparkline::sparkline(s, metric::Metric::Projects)
}
/// `sparkline-fdi`.
pub fn sparkline_fdi(s: &Snapshot) -> Chart {
    sparkline::sparkline(s, metric::Metric::Fdi)
}
