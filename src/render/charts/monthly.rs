//! `funds-monthly`, `projects-monthly`, `fdi-monthly`: the cumulative value month by month
//! (solid, round markers) against the straight target line (target × k ÷ 12, dashed) and last
//! year's curve (dotted, hollow squares).

use plotters::prelude::WHITE;
use rust_decimal::Decimal;

use super::bars::{Swatch, draw_legend, legend_lines};
use super::canvas::{
    Canvas, DARK_RED, Font, GREY, INK, LABEL, MID_GREY, NAVY, RULE, SMALL, WIDTH, nice_axis, period, text_width, tick_text, ticks,
};
use super::metric::Metric;
use super::{Chart, DataTable};
use crate::figures::Snapshot;
use crate::figures::format;

const MARGIN: f64 = 10.0;

pub fn monthly(s: &Snapshot, metric: Metric) -> Chart {
    let name = match metric {
        Metric::Funds => "funds-monthly",
        Metric::Projects => "projects-monthly",
        Metric::Fdi => "fdi-monthly",
    };
    let period = period(s);
    let unit = metric.unit();
    let points: Vec<_> = s.series.months.iter().map(|p| metric.point(p)).collect();
    let has_data = points.iter().any(|(v, ly, t)| !v.is_zero() || !ly.is_zero() || t.is_some_and(|t| !t.is_zero()));

    let mut table = DataTable::new(
        format!("{}年{period}{}逐月累计{}", s.year, metric.name(), if has_data { "" } else { "（暂无数据）" }),
        &["月份", &format!("本年累计（{unit}）") as &str, &format!("目标进度（{unit}）"), &format!("上年同期（{unit}）")],
    );
    for (p, (v, ly, t)) in s.series.months.iter().zip(&points) {
        table.rows.push(vec![
            format!("{}月", p.month.number()),
            metric.show(*v),
            t.map_or("—".to_string(), |t| metric.show(t)),
            metric.show(*ly),
        ]);
    }

    let target = metric.target(s);
    let value = metric.show(target.value);
    let mut alt = match target.completion.value {
        Some(_) => format!(
            "{period}{}{value}{unit}，完成年度目标的{}，{}",
            metric.name(),
            format::percent(target.completion.value),
            format::gap_text(target.gap_points)
        ),
        None => format!("{period}{}{value}{unit}（未设年度目标）", metric.name()),
    };
    alt.push_str(&format!("；上年同期{}{unit}", metric.show(target.last_year)));
    if target.yoy.value.is_some() {
        alt.push_str(&format!("，{}", format::yoy_text(target.yoy.value)));
    }
    alt.push('。');

    let canvas = draw(s, metric, &points, has_data);
    Chart::new(name, format!("{period}{}逐月累计", metric.name()), canvas, alt, table)
}

fn draw(s: &Snapshot, metric: Metric, points: &[(Decimal, Decimal, Option<Decimal>)], has_data: bool) -> Canvas {
    let width = WIDTH;
    let has_target = points.iter().any(|p| p.2.is_some());
    let mut legend = vec![(Swatch::Line(NAVY), format!("{}年累计", s.year))];
    if has_target {
        legend.push((Swatch::Dashed(DARK_RED), "目标进度（年度目标×月数÷12）".to_string()));
    }
    legend.push((Swatch::Dotted(MID_GREY), format!("{}年同期", s.year - 1)));
    if !has_data {
        let mut c = Canvas::new(width, 100.0);
        c.message(MARGIN, 10.0, width - MARGIN, 90.0, "暂无数据");
        return c;
    }
    let legend_h = legend_lines(&legend, Some(metric.unit()), width);
    let plot_top = 6.0 + legend_h + 14.0;
    let plot_h = 210.0;
    let plot_bottom = plot_top + plot_h;
    let height = plot_bottom + 30.0;
    let mut c = Canvas::new(width, height);
    draw_legend(&mut c, &legend, Some(metric.unit()), 6.0, width);

    let max = points
        .iter()
        .map(|(v, ly, t)| metric.plot(*v).max(metric.plot(*ly)).max(t.map_or(0.0, |t| metric.plot(t))))
        .fold(0.0, f64::max);
    let (top, step) = nice_axis(max, metric == Metric::Projects);
    let ticks = ticks(top, step);
    let tick_w = ticks.iter().map(|t| text_width(&tick_text(*t, step), SMALL)).fold(0.0, f64::max);
    let plot_left = MARGIN + tick_w + 8.0;
    // The current value is printed right of the last point, where no line runs.
    let last_label = points.last().map(|p| format!("{}{}", metric.show(p.0), metric.unit())).unwrap_or_default();
    let label_w = text_width(&last_label, LABEL) * 1.05;
    let plot_right = width - MARGIN - label_w - 4.0;
    let months = points.len().max(1) as f64;
    let slot = (plot_right - plot_left) / months;
    let x = |k: usize| plot_left + (k as f64 + 0.5) * slot;
    let y = |v: f64| plot_bottom - (v / top) * plot_h;

    for t in &ticks {
        c.line(plot_left, y(*t), plot_right, y(*t), RULE, 1);
        c.text(plot_left - 6.0, y(*t), tick_text(*t, step), Font::new(SMALL).color(GREY).end());
    }
    c.line(plot_left, plot_bottom, plot_right, plot_bottom, GREY, 1);
    // Month labels, every other one if they would crowd (not at 12 months and 420 px).
    let every = if slot < text_width("12月", SMALL) + 4.0 { 2 } else { 1 };
    for (k, p) in s.series.months.iter().enumerate() {
        if k % every == 0 || k + 1 == points.len() {
            c.text(x(k), plot_bottom + 6.0, format!("{}月", p.month.number()), Font::new(SMALL).color(GREY).middle().top());
        }
    }

    // Target line (dashed), only where a target is set.
    let target_pts: Vec<(f64, f64)> =
        points.iter().enumerate().filter_map(|(k, p)| p.2.map(|t| (x(k), y(metric.plot(t))))).collect();
    if target_pts.len() == 1 {
        let (px, py) = target_pts[0];
        c.dashed(&[(px - 18.0, py), (px + 18.0, py)], 5.0, 3.0, DARK_RED, 2);
    } else {
        c.dashed(&target_pts, 5.0, 3.0, DARK_RED, 2);
    }
    // Last year (dotted, hollow squares).
    let last_pts: Vec<(f64, f64)> = points.iter().enumerate().map(|(k, p)| (x(k), y(metric.plot(p.1)))).collect();
    c.dashed(&last_pts, 2.0, 3.0, MID_GREY, 2);
    for (px, py) in &last_pts {
        c.fill_rect(px - 3.5, py - 3.5, px + 3.5, py + 3.5, WHITE);
        c.outline(px - 3.5, py - 3.5, px + 3.5, py + 3.5, MID_GREY);
    }
    // This year (solid, round markers).
    let now_pts: Vec<(f64, f64)> = points.iter().enumerate().map(|(k, p)| (x(k), y(metric.plot(p.0)))).collect();
    c.path(now_pts.clone(), NAVY, 3);
    for (px, py) in &now_pts {
        c.circle(*px, *py, 4, NAVY, true, 1);
    }

    if let Some(&(lx, ly)) = now_pts.last() {
        let cy = ly.clamp(plot_top + 8.0, plot_bottom - 8.0);
        c.text(lx + 8.0, cy, last_label, Font::new(LABEL).bold().color(INK));
    }
    c
}
