//! `rates`: the four rates (四率) as bars on a 0–100% track, each with its target marker when
//! one is set; a rate with a zero denominator is an empty dashed slot labelled “—”.

use super::bars::{BarRow, Bars, Fill, Swatch, draw};
use super::canvas::{DARK_RED, NAVY, f, period};
use super::{Chart, DataTable};
use crate::figures::Snapshot;
use crate::figures::format;
use crate::figures::snapshot::Rate;

/// Name, rate, and the unit of its numerator and denominator.
fn four(s: &Snapshot) -> [(&'static str, &Rate, &'static str); 4] {
    let r = &s.rates;
    [
        ("履约率", &r.fulfilment, "个"),
        ("资金到位率", &r.funds, "亿元"),
        ("开工率", &r.start, "个"),
        ("竣工投产率", &r.production, "个"),
    ]
}

fn show(value: rust_decimal::Decimal, unit: &str) -> String {
    if unit == "亿元" { format::yi(value) } else { format::count(value) }
}

pub fn rates(s: &Snapshot) -> Chart {
    let period = period(s);
    let mut table =
        DataTable::new(format!("{}年{period}四率（签约项目口径）", s.year), &["指标", "比率", "目标", "分子", "分母", "单位"]);
    let mut rows = Vec::new();
    let mut sentences = Vec::new();
    for (name, rate, unit) in four(s) {
        let value = format::percent(rate.rate.value);
        let target = rate.target.map(|t| format::percent(Some(t)));
        let mut row = BarRow::new(name, rate.rate.value.map(f), value.clone());
        row.marker = rate.target.map(f);
        let counts = format!("{}/{}{unit}", show(rate.numerator, unit), show(rate.denominator, unit));
        row.note = Some(match (&target, rate.rate.value) {
            (_, None) => format!("分母为零，暂无数据{}", target.as_ref().map_or(String::new(), |t| format!(" · 目标{t}"))),
            (Some(t), Some(_)) => format!("{counts} · 目标{t}"),
            (None, Some(_)) => counts,
        });
        // Below its target: hatched dark red, so it differs in pattern as well as colour.
        row.fill = match (rate.rate.value, rate.target) {
            (Some(v), Some(t)) if format::percent_value(v) < format::percent_value(t) => Fill::Hatched(DARK_RED),
            _ => Fill::Solid(NAVY),
        };
        rows.push(row);
        table.rows.push(vec![
            name.to_string(),
            value.clone(),
            target.clone().unwrap_or_else(|| "—".to_string()),
            show(rate.numerator, unit),
            show(rate.denominator, unit),
            unit.to_string(),
        ]);
        sentences.push(match (rate.rate.value, &target) {
            (None, _) => format!("{name}暂无数据"),
            (Some(_), Some(t)) => format!("{name}{value}（目标{t}）"),
            (Some(_), None) => format!("{name}{value}"),
        });
    }
    let alt = format!("{period}{}。", sentences.join("，"));
    let below = rows.iter().any(|r| matches!(r.fill, Fill::Hatched(_)));
    let mut legend = vec![(Swatch::Fill(Fill::Solid(NAVY)), if below { "达到目标" } else { "实际" }.to_string())];
    if below {
        legend.push((Swatch::Fill(Fill::Hatched(DARK_RED)), "低于目标".to_string()));
    }
    if rows.iter().any(|r| r.marker.is_some()) {
        legend.push((Swatch::Marker, "目标".to_string()));
    }
    let spec = Bars::completion(rows, None, legend, "暂无数据".to_string());
    Chart::new("rates", format!("{period}四率"), draw(&spec), alt, table)
}
