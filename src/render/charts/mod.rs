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
mod new_by_month;
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

/// Every chart the site draws. A briefing names one by [`ChartKind::name`] (`{{ chart
/// funds-monthly }}`, checked against [`crate::content::placeholders::CHARTS`]); the sparklines are
/// the dashboard's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartKind {
    Progress,
    FundsMonthly,
    FundsNew,
    ProjectsMonthly,
    FdiMonthly,
    Rates,
    Pipeline,
    ByChain,
    ByOrigin,
    UnitsTowns,
    UnitsDepartments,
    SquadTrips,
    Factories,
    SparklineFunds,
    SparklineProjects,
    SparklineFdi,
}

impl ChartKind {
    pub const ALL: [ChartKind; 16] = [
        ChartKind::Progress,
        ChartKind::FundsMonthly,
        ChartKind::FundsNew,
        ChartKind::ProjectsMonthly,
        ChartKind::FdiMonthly,
        ChartKind::Rates,
        ChartKind::Pipeline,
        ChartKind::ByChain,
        ChartKind::ByOrigin,
        ChartKind::UnitsTowns,
        ChartKind::UnitsDepartments,
        ChartKind::SquadTrips,
        ChartKind::Factories,
        ChartKind::SparklineFunds,
        ChartKind::SparklineProjects,
        ChartKind::SparklineFdi,
    ];

    /// The stable name: in briefings and as the HTML id (`chart-funds-monthly`).
    pub fn name(self) -> &'static str {
        match self {
            ChartKind::Progress => "progress",
            ChartKind::FundsMonthly => "funds-monthly",
            ChartKind::FundsNew => "funds-new",
            ChartKind::ProjectsMonthly => "projects-monthly",
            ChartKind::FdiMonthly => "fdi-monthly",
            ChartKind::Rates => "rates",
            ChartKind::Pipeline => "pipeline",
            ChartKind::ByChain => "by-chain",
            ChartKind::ByOrigin => "by-origin",
            ChartKind::UnitsTowns => "units-towns",
            ChartKind::UnitsDepartments => "units-departments",
            ChartKind::SquadTrips => "squad-trips",
            ChartKind::Factories => "factories",
            ChartKind::SparklineFunds => "sparkline-funds",
            ChartKind::SparklineProjects => "sparkline-projects",
            ChartKind::SparklineFdi => "sparkline-fdi",
        }
    }

    pub fn from_name(name: &str) -> Option<ChartKind> {
        ChartKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The slug of the bulletin's numbered table that holds the same data, if one does: the
    /// printed bulletin then leaves the chart's own data table out.
    pub fn same_data_as(self) -> Option<&'static str> {
        match self {
            ChartKind::Progress => Some("targets"),
            ChartKind::Rates => Some("rates"),
            ChartKind::Pipeline => Some("stages"),
            ChartKind::ByChain => Some("chains"),
            ChartKind::ByOrigin => Some("origins"),
            ChartKind::UnitsTowns => Some("towns"),
            ChartKind::UnitsDepartments => Some("departments"),
            _ => None,
        }
    }

    /// Whether a briefing may embed it (the sparklines are too small to stand alone).
    pub fn embeddable(self) -> bool {
        !matches!(self, ChartKind::SparklineFunds | ChartKind::SparklineProjects | ChartKind::SparklineFdi)
    }

    /// The chart for this snapshot.
    pub fn draw(self, snapshot: &Snapshot) -> Chart {
        use metric::Metric;
        match self {
            ChartKind::Progress => progress::progress(snapshot),
            ChartKind::FundsMonthly => monthly::monthly(snapshot, Metric::Funds),
            ChartKind::FundsNew => new_by_month::funds_new(snapshot),
            ChartKind::ProjectsMonthly => monthly::monthly(snapshot, Metric::Projects),
            ChartKind::FdiMonthly => monthly::monthly(snapshot, Metric::Fdi),
            ChartKind::Rates => rates::rates(snapshot),
            ChartKind::Pipeline => pipeline::pipeline(snapshot),
            ChartKind::ByChain => breakdown::by_chain(snapshot),
            ChartKind::ByOrigin => breakdown::by_origin(snapshot),
            ChartKind::UnitsTowns => units::towns(snapshot),
            ChartKind::UnitsDepartments => units::departments(snapshot),
            ChartKind::SquadTrips => squads::squad_trips(snapshot),
            ChartKind::Factories => factories::factories(snapshot),
            ChartKind::SparklineFunds => sparkline::sparkline(snapshot, Metric::Funds),
            ChartKind::SparklineProjects => sparkline::sparkline(snapshot, Metric::Projects),
            ChartKind::SparklineFdi => sparkline::sparkline(snapshot, Metric::Fdi),
        }
    }
}
