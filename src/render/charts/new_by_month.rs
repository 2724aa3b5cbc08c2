//! `funds-new`: the funds that arrived in each month of the year (solid bars) beside the same
//! month of last year (hatched grey), with this month's 同比 and 环比 in its text: what a leader
//! asks of a month, which the cumulative curve (`funds-monthly`) hides.

use rust_decimal::Decimal;

use super::bars::{Fill, Swatch, draw_legend, legend_lines, paint_fill};
use super::canvas::{
    Canvas, Font, GREY, INK, LABEL, MID_GREY, NAVY, RULE, SMALL, WIDTH, nice_axis, period, text_width, tick_text, ticks,
};
use super::metric::Metric;
use super::{Chart, DataTable};
use crate::figures::Snapshot;
use crate::figures::format;

const MARGIN: f64 = 10.0;

/// Each month's new value, this year and last: the cumulative series' steps (a January starts
/// from zero).
pub fn monthly_new(s: &Snapshot, metric: Metric) -> Vec<(u32, Decimal, Decimal)> {
    let mut before = (Decimal::ZERO, Decimal::ZERO);
    s.series
        .months
        .iter()
        .map(|p| {
            let (now, last_year, _) = metric.point(p);
            if p.month.number() == 1 {
                before = (Decimal::ZERO, Decimal::ZERO);
            }
            let step = (p.month.number(), now - before.0, last_year - before.1);
            before = (now, last_year);
            step
        })
        .collect()
}

/// `环比增长12.50%`, `环比下降3.00%`, `环比持平`, or `—` without last month's value.
fn mom_text(now: Decimal, before: Decimal) -> String {
    if before <= Decimal::ZERO {
        return "—".to_string();
    }
    let p = format::percent_value((now - before) / before);
    if p.is_zero() {
        "环比持平".to_string()
    } else if p > Decimal::ZERO {
        format!("环比增长{}%", format::fixed(p, 2))
    } else {
        format!("环比下降{}%", format::fixed(-p, 2))
    }
}

pub fn funds_new(s: &Snapshot) -> Chart {
    let metric = Metric::Funds;
    let unit = metric.unit();
    let steps = monthly_new(s, metric);
    let mut table = DataTable::new(
        format!("{}年{}每月新增{}", s.year, period(s), metric.name()),
        &["月份", &format!("本年当月（{unit}）") as &str, &format!("上年同月（{unit}）"), "同比"],
    );
    for (m, now, ly) in &steps {
        let yoy = (*ly > Decimal::ZERO).then(|| (*now - *ly) / *ly);
        table.rows.push(vec![format!("{m}月"), metric.show(*now), metric.show(*ly), format::yoy_cell(yoy)]);
    }
    let alt = match steps.last() {
        Some((m, now, ly)) => {
            let yoy = (*ly > Decimal::ZERO).then(|| (*now - *ly) / *ly);
            let mut alt = format!("{m}月新增{}{}{unit}，上年同月{}{unit}", metric.name(), metric.show(*now), metric.show(*ly));
            if yoy.is_some() {
                alt.push_str(&format!("，{}", format::yoy_text(yoy)));
            }
            if steps.len() >= 2 {
                let (pm, before, _) = steps[steps.len() - 2];
                alt.push_str(&format!("；{pm}月{}{unit}", metric.show(before)));
                let mom = mom_text(*now, before);
                if mom != "—" {
                    alt.push_str(&format!("，{mom}"));
                }
            }
            alt.push('。');
            alt
        }
        None => "暂无数据。".to_string(),
    };
    let title = format!("{}每月新增{}", period(s), metric.name());
    Chart::new("funds-new", title, draw(s, metric, &steps), alt, table)
}

fn draw(s: &Snapshot, metric: Metric, steps: &[(u32, Decimal, Decimal)]) -> Canvas {
    let width = WIDTH;
    let this_year = Fill::Solid(NAVY);
    let last_year = Fill::Hatched(MID_GREY);
    let legend =
        vec![(Swatch::Fill(this_year), format!("{}年当月", s.year)), (Swatch::Fill(last_year), format!("{}年同月", s.year - 1))];
    let max = steps.iter().map(|(_, n, l)| metric.plot(*n).max(metric.plot(*l))).fold(0.0, f64::max);
    if steps.is_empty() || max <= 0.0 {
        let mut c = Canvas::new(width, 100.0);
        c.message(MARGIN, 10.0, width - MARGIN, 90.0, "暂无数据");
        return c;
    }
    let legend_h = legend_lines(&legend, Some(metric.unit()), width);
    let plot_top = 6.0 + legend_h + 22.0;
    let plot_h = 190.0;
    let plot_bottom = plot_top + plot_h;
    let mut c = Canvas::new(width, plot_bottom + 30.0);
    draw_legend(&mut c, &legend, Some(metric.unit()), 6.0, width);

    let (top, step) = nice_axis(max, false);
    let ticks = ticks(top, step);
    let tick_w = ticks.iter().map(|t| text_width(&tick_text(*t, step), SMALL)).fold(0.0, f64::max);
    let plot_left = MARGIN + tick_w + 8.0;
    let plot_right = width - MARGIN;
    let slot = (plot_right - plot_left) / steps.len() as f64;
    let bar = (slot * 0.36).min(16.0);
    let y = |v: f64| plot_bottom - (v / top) * plot_h;
    for t in &ticks {
        c.line(plot_left, y(*t), plot_right, y(*t), RULE, 1);
        c.text(plot_left - 6.0, y(*t), tick_text(*t, step), Font::new(SMALL).color(GREY).end());
    }
    let every = if slot < text_width("12月", SMALL) + 4.0 { 2 } else { 1 };
    for (k, (m, now, ly)) in steps.iter().enumerate() {
        let mid = plot_left + (k as f64 + 0.5) * slot;
        paint_fill(&mut c, mid - bar - 1.0, y(metric.plot(*now)), mid - 1.0, plot_bottom, this_year);
        paint_fill(&mut c, mid + 1.0, y(metric.plot(*ly)), mid + bar + 1.0, plot_bottom, last_year);
        if k % every == 0 || k + 1 == steps.len() {
            c.text(mid, plot_bottom + 6.0, format!("{m}月"), Font::new(SMALL).color(GREY).middle().top());
        }
    }
    c.line(plot_left, plot_bottom, plot_right, plot_bottom, GREY, 1);
    // This month's figure over its bar, kept inside the chart.
    if let Some((_, now, _)) = steps.last() {
        let label = format!("{}{}", metric.show(*now), metric.unit());
        let mid = plot_left + (steps.len() as f64 - 0.5) * slot - bar / 2.0 - 1.0;
        let half = text_width(&label, LABEL) / 2.0;
        let x = mid.min(width - MARGIN - half);
        let top_y = y(metric.plot(*now)) - 4.0;
        c.text(x, top_y - 8.0, label, Font::new(LABEL).bold().color(INK).middle());
    }
    c
}
