//! Live figures in Markdown: `{{ funds }}` prints the month's 到位资金 in 亿元, and
//! `{{ chart funds-monthly }}` on a line of its own puts a chart there. The text of a
//! briefing therefore never disagrees with its tables.
//!
//! This module is the syntax: which names exist and how a body splits into text and
//! placeholders. `check` reports unknown names with the line; rendering fills them in.

use std::ops::Range;

/// Every figure a placeholder can print, with what it shows (for docs and messages).
pub const FIGURES: &[(&str, &str)] = &[
    ("period", "统计期，如 1—10月"),
    ("time_progress", "时序进度，如 83.33%"),
    ("projects", "招引项目数，如 46个"),
    ("projects.target", "招引项目年度目标，如 50个"),
    ("projects.completion", "招引项目完成率"),
    ("projects.gap", "招引项目与时序进度之差，如 超时序进度8.67个百分点"),
    ("projects.yoy", "招引项目同比，如 同比增长10.00%"),
    ("projects.month", "本月新增招引项目"),
    ("funds", "到位资金，如 178.23亿元"),
    ("funds.target", "到位资金年度目标（亿元）"),
    ("funds.completion", "到位资金完成率"),
    ("funds.gap", "到位资金与时序进度之差"),
    ("funds.yoy", "到位资金同比"),
    ("funds.month", "本月到位资金（亿元）"),
    ("fdi", "外资直投，如 210万美元"),
    ("fdi.target", "外资直投年度目标（万美元）"),
    ("fdi.completion", "外资直投完成率"),
    ("fdi.gap", "外资直投与时序进度之差"),
    ("fdi.yoy", "外资直投同比"),
    ("fdi.month", "本月外资直投（万美元）"),
    ("rates.fulfilment", "履约率"),
    ("rates.funds", "资金到位率"),
    ("rates.start", "开工率"),
    ("rates.production", "竣工投产率"),
    ("agreements.converted", "协议转合同项目数"),
    ("squads.ok_rate", "小分队本月外出达标率"),
    ("squads.missed", "本月外出次数未达到每月要求的小分队名称（没有则为“无”）"),
    ("factories.rate", "标准化厂房入驻率（按面积）"),
    ("meetings.closed_rate", "交办事项办结率"),
];

/// The most charts one briefing or page may embed.
pub const MAX_CHARTS: usize = 30;

/// Charts a briefing can embed; each is a `render::charts::ChartKind`.
pub const CHARTS: &[&str] = &[
    "progress",
    "funds-monthly",
    "funds-new",
    "projects-monthly",
    "fdi-monthly",
    "rates",
    "pipeline",
    "by-chain",
    "by-origin",
    "units-towns",
    "units-departments",
    "squad-trips",
    "factories",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Placeholder {
    Figure(&'static str),
    Chart(&'static str),
}

/// A placeholder found in a body: where it is (bytes of the body) and what it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub range: Range<usize>,
    pub what: Result<Placeholder, Unknown>,
}

/// A placeholder that names nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unknown {
    pub written: String,
    /// Written as `{{ chart … }}`.
    pub chart: bool,
    pub unclosed: bool,
}

impl Unknown {
    /// The real name most like the one written, if it looks like a typo. Worked out only when a
    /// problem is reported (rendering a page does not need it).
    pub fn closest(&self) -> Option<&'static str> {
        if self.unclosed {
            None
        } else if self.chart {
            let name = self.written.strip_prefix("chart").unwrap_or(&self.written).trim();
            super::closest::closest(name, CHARTS.iter().copied())
        } else {
            super::closest::closest(&self.written, FIGURES.iter().map(|(k, _)| *k))
        }
    }
}

/// Every `{{ … }}` in `body`, in order.
pub fn scan(body: &str) -> Vec<Found> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = body[from..].find("{{").map(|i| from + i) {
        let Some(close) = body[open + 2..].find("}}").map(|i| open + 2 + i) else {
            let line_end = body[open..].find('\n').map_or(body.len(), |i| open + i);
            out.push(Found {
                range: open..line_end,
                what: Err(Unknown { written: body[open..line_end].to_string(), chart: false, unclosed: true }),
            });
            break;
        };
        let inner = body[open + 2..close].trim();
        let what = resolve(inner);
        out.push(Found { range: open..close + 2, what });
        from = close + 2;
    }
    out
}

fn resolve(inner: &str) -> Result<Placeholder, Unknown> {
    if let Some(name) = inner.strip_prefix("chart").filter(|rest| rest.starts_with(char::is_whitespace)).map(str::trim) {
        return CHARTS.iter().find(|c| **c == name).map(|c| Placeholder::Chart(c)).ok_or_else(|| Unknown {
            written: inner.to_string(),
            chart: true,
            unclosed: false,
        });
    }
    FIGURES.iter().find(|(k, _)| *k == inner).map(|(k, _)| Placeholder::Figure(k)).ok_or_else(|| Unknown {
        written: inner.to_string(),
        chart: false,
        unclosed: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_figures_charts_and_mistakes() {
        let body =
            "到位资金{{ funds }}，完成{{funds.completion}}。\n\n{{ chart funds-monthly }}\n{{ fundz }} {{ chart pie }} {{ funds";
        let found = scan(body);
        assert_eq!(found[0].what, Ok(Placeholder::Figure("funds")));
        assert_eq!(&body[found[0].range.clone()], "{{ funds }}");
        assert_eq!(found[1].what, Ok(Placeholder::Figure("funds.completion")));
        assert_eq!(found[2].what, Ok(Placeholder::Chart("funds-monthly")));
        assert_eq!(found[3].what.as_ref().unwrap_err().closest(), Some("funds"));
        // A chart's name is matched against the charts only.
        assert_eq!(found[4].what.as_ref().unwrap_err().closest(), Some("pipeline"));
        assert!(found[4].what.is_err());
        assert!(found[5].what.as_ref().unwrap_err().unclosed);
        assert_eq!(found.len(), 6);
    }
}
