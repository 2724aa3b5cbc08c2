//! `progress`: the three headline targets as completion bars (0–100% track) against the
//! 时序进度 line.

use super::bars::{BarRow, Bars, Fill, Swatch, draw, time_progress_line};
use super::canvas::{DARK_RED, NAVY, f, period};
use super::metric::Metric;
use super::{Chart, DataTable};
use crate::figures::Snapshot;
use crate::figures::format;

pub fn progress(s: &Snapshot) -> Chart {
    let period = period(s);
    let tp = format::percent(s.time_progress.value);
    let mut rows = Vec::new();
    let mut table = DataTable::new(
        format!("{}年{period}三项指标完成情况（时序进度{tp}）", s.year),
        &["指标", "单位", &format!("{period}累计"), "年度目标", "完成率", "超(+)/欠(−)时序进度（个百分点）"],
    );
    let mut sentences = Vec::new();
    for m in Metric::ALL {
        let t = m.target(s);
        let value = m.show(t.value);
        let completion = format::percent(t.completion.value);
        let mut row = BarRow::new(m.name(), t.completion.value.map(f), completion.clone());
        // Behind 时序进度: hatched dark red, so it differs in pattern as well as colour.
        if t.gap_points.is_some_and(|g| g < rust_decimal::Decimal::ZERO) {
            row.fill = Fill::Hatched(DARK_RED);
        }
        row.note = Some(match t.target {
            Some(target) => format!("{value}/{}{} · {}", m.show(target), m.unit(), format::gap_text(t.gap_points)),
            None => format!("{value}{} · 未设年度目标", m.unit()),
        });
        rows.push(row);
        table.rows.push(vec![
            m.name().to_string(),
            m.unit().to_string(),
            value.clone(),
            t.target.map_or("—".to_string(), |v| m.show(v)),
            completion.clone(),
            format::points(t.gap_points),
        ]);
        sentences.push(match (t.target, t.completion.value) {
            (Some(_), Some(_)) => {
                format!("{}{value}{}，完成年度目标的{completion}，{}", m.name(), m.unit(), format::gap_text(t.gap_points))
            }
            _ => format!("{}{value}{}（未设年度目标）", m.name(), m.unit()),
        });
    }
    let alt = format!("{period}{}。时序进度{tp}。", sentences.join("；"));
    let (line, line_legend) = time_progress_line(s);
    let legend = vec![
        (Swatch::Fill(Fill::Solid(NAVY)), "超（达）时序进度".to_string()),
        (Swatch::Fill(Fill::Hatched(DARK_RED)), "欠时序进度".to_string()),
        line_legend,
    ];
    let spec = Bars::completion(rows, line, legend, "暂无数据".to_string());
    Chart::new("progress", format!("{period}三项指标完成进度"), draw(&spec), alt, table)
}
