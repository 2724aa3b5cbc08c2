//! `squad-trips`: a squad × month grid of trip counts. Cells of months a squad fell short of
//! the required trips are hatched, outlined in dark red and carry “未” next to the count, so
//! they read without colour; other cells are shaded by count.

use plotters::prelude::WHITE;
use plotters::style::RGBColor;

use super::bars::{Fill, Swatch, draw_legend, legend_lines};
use super::canvas::{Canvas, DARK_RED, Font, GREY, INK, RULE, SMALL, WIDTH, fit_name, period, text_width};
use super::{Chart, DataTable};
use crate::figures::Snapshot;
use crate::figures::format;
use crate::period::Month;

const MARGIN: f64 = 10.0;
const NAME: f64 = 14.0;
/// Navy tints for 1, 2 and 3+ trips: light enough for dark text, apart in greyscale too.
const SHADES: [RGBColor; 3] = [RGBColor(0xe4, 0xe9, 0xf1), RGBColor(0xc2, 0xcd, 0xdf), RGBColor(0x98, 0xab, 0xc8)];
const MISSED_HATCH: RGBColor = RGBColor(0xe3, 0xc4, 0xc4);

pub fn squad_trips(s: &Snapshot) -> Chart {
    let period = period(s);
    let q = &s.squads;
    let m = s.month.number() as usize;
    let month_key = |k: usize| Month::new(s.year, k as u32 + 1).expect("a month of the report year");
    let required = q.required_per_month;

    let mut headers: Vec<String> = vec!["小分队".to_string()];
    headers.extend((1..=m).map(|k| format!("{k}月")));
    headers.push("合计（次）".to_string());
    let mut table = DataTable {
        caption: format!(
            "{}年{period}招商小分队出访次数（次；每月应至少出访{required}次，标“（未）”为当月未达标）{}",
            s.year,
            if q.rows.is_empty() { "（暂无招商小分队）" } else { "" }
        ),
        headers,
        rows: Vec::new(),
    };
    for r in &q.rows {
        let mut cells = vec![r.name.clone()];
        for k in 0..m {
            let n = r.by_month.get(k).copied().unwrap_or(0);
            let missed = r.missed_months.contains(&month_key(k));
            cells.push(if missed { format!("{n}（未）") } else { n.to_string() });
        }
        cells.push(r.trips.to_string());
        table.rows.push(cells);
    }

    let alt = if q.rows.is_empty() {
        format!("{}年{}月暂无招商小分队。", s.year, m)
    } else {
        let missed: Vec<&str> =
            q.missed.iter().map(|id| q.rows.iter().find(|r| &r.id == id).map_or(id.as_str(), |r| r.name.as_str())).collect();
        format!(
            "{}月{}支招商小分队中{}支达到每月至少出访{required}次的要求，达标率{}；{}。",
            m,
            q.total,
            q.met,
            format::percent(q.rate.value),
            if missed.is_empty() { "全部达标".to_string() } else { format!("未达标：{}", missed.join("、")) }
        )
    };

    let canvas = draw(s, m, &month_key);
    Chart::new("squad-trips", format!("{period}招商小分队出访情况"), canvas, alt, table)
}

fn draw(s: &Snapshot, m: usize, month_key: &dyn Fn(usize) -> Month) -> Canvas {
    let q = &s.squads;
    let width = WIDTH;
    let legend = vec![
        (Swatch::Fill(Fill::Solid(SHADES[0])), "1次".to_string()),
        (Swatch::Fill(Fill::Solid(SHADES[1])), "2次".to_string()),
        (Swatch::Fill(Fill::Solid(SHADES[2])), "3次及以上".to_string()),
        (Swatch::Fill(Fill::Hatched(DARK_RED)), format!("未 = 当月不足{}次", q.required_per_month)),
    ];
    let legend_h = if q.rows.is_empty() { 0.0 } else { legend_lines(&legend, None, width) };
    let header_top = 6.0 + legend_h + 4.0;
    let grid_top = header_top + 22.0;
    let row_h = 26.0;
    let rows_h = if q.rows.is_empty() { 70.0 } else { q.rows.len() as f64 * row_h };
    let (names, dropped) = short_names(q.rows.iter().map(|r| r.name.as_str()).collect());
    let note_h = if dropped.is_some() { 22.0 } else { 0.0 };
    let mut c = Canvas::new(width, grid_top + rows_h + 10.0 + note_h);
    if q.rows.is_empty() {
        c.message(MARGIN, 10.0, width - MARGIN, 10.0 + 70.0, "暂无招商小分队");
        return c;
    }
    draw_legend(&mut c, &legend, None, 6.0, width);

    let name_w = names.iter().map(|n| text_width(n, NAME)).fold(0.0, f64::max);
    let total_w =
        text_width("合计", SMALL).max(text_width(&q.rows.iter().map(|r| r.trips).max().unwrap_or(0).to_string(), NAME)) + 16.0;
    let grid_left = MARGIN + name_w + 10.0;
    let cell_w = ((width - MARGIN - total_w - grid_left) / m.max(1) as f64).min(40.0);
    let grid_right = grid_left + cell_w * m as f64;
    let x = |k: usize| grid_left + k as f64 * cell_w;

    // “10月11月12月” crowd narrow cells: then the columns say 1…12 and the corner says 月.
    let short = cell_w < text_width("12月", SMALL) + 6.0;
    c.text(MARGIN, header_top + 11.0, if short { "小分队＼月" } else { "小分队" }, Font::new(SMALL).color(GREY));
    for k in 0..m {
        let label = if short { (k + 1).to_string() } else { format!("{}月", k + 1) };
        c.text(x(k) + cell_w / 2.0, header_top + 11.0, label, Font::new(SMALL).color(GREY).middle());
    }
    let cell_font = if cell_w < 28.0 { NAME - 1.0 } else { NAME };
    let total_x = grid_right + 8.0 + (total_w - 8.0) / 2.0;
    c.text(total_x, header_top + 11.0, "合计", Font::new(SMALL).color(GREY).middle());

    for (i, (r, name)) in q.rows.iter().zip(&names).enumerate() {
        let y0 = grid_top + i as f64 * row_h;
        let cy = y0 + row_h / 2.0;
        c.text(MARGIN, cy, name.clone(), Font::new(NAME));
        for k in 0..m {
            let n = r.by_month.get(k).copied().unwrap_or(0);
            let missed = r.missed_months.contains(&month_key(k));
            let (x0, y0c, x1, y1c) = (x(k) + 1.0, y0 + 1.0, x(k) + cell_w - 1.0, y0 + row_h - 1.0);
            if missed {
                c.fill_rect(x0, y0c, x1, y1c, WHITE);
                c.hatch(x0, y0c, x1, y1c, 4.0, MISSED_HATCH);
                c.outline(x0, y0c, x1, y1c, DARK_RED);
                let label = format!("{n}未");
                let tw = text_width(&label, cell_font);
                c.fill_rect(x0 + (cell_w - tw) / 2.0 - 2.0, cy - 7.0, x0 + (cell_w + tw) / 2.0, cy + 7.0, WHITE);
                c.text(x(k) + cell_w / 2.0, cy, label, Font::new(cell_font).bold().color(DARK_RED).middle());
            } else {
                match n {
                    0 => c.outline(x0, y0c, x1, y1c, RULE),
                    n => c.fill_rect(x0, y0c, x1, y1c, SHADES[(n as usize).min(3) - 1]),
                }
                c.text(x(k) + cell_w / 2.0, cy, n.to_string(), Font::new(NAME).color(if n == 0 { GREY } else { INK }).middle());
            }
        }
        c.text(total_x, cy, r.trips.to_string(), Font::new(NAME).bold().middle());
    }
    if let Some(suffix) = dropped {
        let y = grid_top + rows_h + 8.0;
        c.text(MARGIN, y, format!("注：名称略去“{suffix}”，全称见数据表"), Font::new(SMALL).color(GREY).top());
    }
    c
}

/// Chart labels for the squads: a suffix every name shares (“招商小分队”, three characters or
/// more) is dropped, then each is fitted to the label width. Returns the dropped suffix too.
fn short_names(names: Vec<&str>) -> (Vec<String>, Option<String>) {
    let mut suffix: Vec<char> = names.first().map_or(Vec::new(), |n| n.chars().rev().collect());
    for n in &names {
        let common = suffix.iter().zip(n.chars().rev()).take_while(|(a, b)| **a == *b).count();
        suffix.truncate(common);
    }
    let len = suffix.len();
    let drop = names.len() >= 2 && len >= 3 && names.iter().all(|n| n.chars().count() > len);
    let shown = names
        .iter()
        .map(|n| {
            let kept: String = if drop { n.chars().take(n.chars().count() - len).collect() } else { n.to_string() };
            fit_name(&kept, NAME)
        })
        .collect();
    (shown, drop.then(|| suffix.into_iter().rev().collect()))
}
