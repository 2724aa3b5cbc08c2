//! `sparkline-funds`, `sparkline-projects`, `sparkline-fdi`: a 120×32 line of the monthly
//! cumulative value for a dashboard card, with a dot at the latest month. No axes and no
//! text; the alt text states the value.

use super::canvas::{Canvas, NAVY, RULE, period};
use super::metric::Metric;
use super::{Chart, DataTable};
use crate::figures::Snapshot;
use crate::figures::format;

const W: f64 = 120.0;
const H: f64 = 32.0;
const PAD: f64 = 4.0;

pub fn sparkline(s: &Snapshot, metric: Metric) -> Chart {
    let name = match metric {
        Metric::Funds => "sparkline-funds",
        Metric::Projects => "sparkline-projects",
        Metric::Fdi => "sparkline-fdi",
    };
    let period = period(s);
    let unit = metric.unit();
    let values: Vec<f64> = s.series.months.iter().map(|p| metric.plot(metric.point(p).0)).collect();

    let mut table = DataTable::new(
        format!("{}年{period}{}逐月累计", s.year, metric.name()),
        &["月份", &format!("本年累计（{unit}）") as &str],
    );
    for p in &s.series.months {
        table.rows.push(vec![format!("{}月", p.month.number()), metric.show(metric.point(p).0)]);
    }
    let t = metric.target(s);
    let mut alt = format!("{period}{}{}{unit}", metric.name(), metric.show(t.value));
    if t.completion.value.is_some() {
        alt.push_str(&format!("，完成年度目标的{}", format::percent(t.completion.value)));
    }
    alt.push('。');

    let mut c = Canvas::transparent(W, H);
    let max = values.iter().copied().fold(0.0, f64::max);
    let n = values.len();
    let x = |k: usize| if n <= 1 { W - PAD } else { PAD + (W - 2.0 * PAD) * k as f64 / (n - 1) as f64 };
    let y = |v: f64| if max > 0.0 { H - PAD - (H - 2.0 * PAD) * v / max } else { H - PAD };
    c.line(PAD, H - PAD, W - PAD, H - PAD, RULE, 1);
    let points: Vec<(f64, f64)> = values.iter().enumerate().map(|(k, v)| (x(k), y(*v))).collect();
    c.path(points.clone(), NAVY, 2);
    if let Some(&(px, py)) = points.last() {
        c.circle(px, py, 3, NAVY, true, 1);
    }
    Chart::new(name, format!("{}逐月累计（{period}）", metric.name()), c, alt, table)
}
