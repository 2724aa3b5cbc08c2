//! `pipeline`: the rate cohort as a funnel 签约 → 履约 → 开工 → 投产, each bar as wide as its
//! share of the signed projects, with the count and share printed beside it; terminated
//! projects (still counted as signed) are stated under the funnel and in the table.

use rust_decimal::Decimal;

use super::canvas::{Canvas, DARK_RED, Font, GREY, INK, LABEL, NAVY, SMALL, WIDTH, period, text_width};
use super::{Chart, DataTable};
use crate::figures::Snapshot;
use crate::figures::format;
use crate::figures::snapshot::Ratio;
use plotters::style::RGBColor;

const MARGIN: f64 = 10.0;
/// The connector between stages: a light navy tint, lighter than any bar.
const FUNNEL: RGBColor = RGBColor(0xdc, 0xe2, 0xeb);

pub fn pipeline(s: &Snapshot) -> Chart {
    let period = period(s);
    let p = &s.pipeline;
    let signed = Decimal::from(p.signed);
    let share = |n: u32| format::percent(Ratio::of(Decimal::from(n), signed).value);
    let stages = [("签约", p.signed), ("履约", p.fulfilled), ("开工", p.started), ("投产", p.producing)];

    let mut table = DataTable::new(
        format!("{}年{period}签约项目推进情况{}", s.year, if p.signed == 0 { "（暂无签约项目）" } else { "" }),
        &["环节", "项目数（个）", "占签约项目"],
    );
    for (name, n) in stages {
        table.rows.push(vec![name.to_string(), n.to_string(), share(n)]);
    }
    table.rows.push(vec!["其中：已终止".to_string(), p.terminated.to_string(), share(p.terminated)]);

    let alt = if p.signed == 0 {
        format!("{period}暂无签约项目。")
    } else {
        format!(
            "{period}签约项目{}个，其中履约{}个（{}）、开工{}个（{}）、投产{}个（{}）；已终止{}个。",
            p.signed,
            p.fulfilled,
            share(p.fulfilled),
            p.started,
            share(p.started),
            p.producing,
            share(p.producing),
            p.terminated
        )
    };

    let width = WIDTH;
    let row_h = 46.0;
    let bar_h = 30.0;
    let top = 12.0;
    let height = if p.signed == 0 { top + 90.0 } else { top + stages.len() as f64 * row_h + 34.0 };
    let mut c = Canvas::new(width, height);
    if p.signed == 0 {
        c.message(MARGIN, top, width - MARGIN, top + 80.0, "暂无签约项目");
        return Chart::new("pipeline", format!("{period}签约项目推进漏斗"), c, alt, table);
    }

    let label_w = text_width("投产", LABEL) + 12.0;
    let texts: Vec<String> = stages.iter().map(|(_, n)| format!("{n}个 · {}", share(*n))).collect();
    let text_w = texts.iter().map(|t| text_width(t, LABEL)).fold(0.0, f64::max) * 1.05 + 12.0;
    let left = MARGIN + label_w;
    let right = width - MARGIN - text_w;
    let cx = (left + right) / 2.0;
    let full = right - left;
    let half = |n: u32| if n == 0 { 0.0 } else { (full * f64::from(n) / f64::from(p.signed)).max(3.0) / 2.0 };

    for (i, ((name, n), text)) in stages.iter().zip(&texts).enumerate() {
        let y0 = top + i as f64 * row_h;
        let y1 = y0 + bar_h;
        let cy = (y0 + y1) / 2.0;
        let h = half(*n);
        if let Some((_, next)) = stages.get(i + 1) {
            let hn = half(*next);
            c.polygon(vec![(cx - h, y1), (cx + h, y1), (cx + hn, y0 + row_h), (cx - hn, y0 + row_h)], FUNNEL);
        }
        if h > 0.0 {
            c.fill_rect(cx - h, y0, cx + h, y1, NAVY);
        } else {
            c.line(cx, y0, cx, y1, GREY, 1);
        }
        c.text(MARGIN, cy, *name, Font::new(LABEL).bold());
        c.text(right + 12.0, cy, text.clone(), Font::new(LABEL).bold().color(INK));
    }
    let note_y = top + stages.len() as f64 * row_h + 8.0;
    let note = if p.terminated > 0 {
        format!("另：签约项目中已终止{}个（{}），终止后不再计入履约", p.terminated, share(p.terminated))
    } else {
        "签约项目中无终止项目".to_string()
    };
    c.text(MARGIN, note_y, note, Font::new(SMALL).color(if p.terminated > 0 { DARK_RED } else { GREY }).top());
    Chart::new("pipeline", format!("{period}签约项目推进漏斗"), c, alt, table)
}
