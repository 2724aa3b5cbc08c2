//! `factories`: one tile per built standard factory building, grouped by park: occupied tiles
//! solid navy with white text, vacant ones hatched grey; each says its area and state in
//! words. The overall 入驻率 (by area) heads the chart.

use plotters::prelude::WHITE;
use plotters::style::RGBColor;

use super::bars::{Fill, Swatch, draw_legend, legend_lines};
use super::canvas::{Canvas, Font, GREY, INK, LABEL, MID_GREY, NAVY, SMALL, WIDTH, fit, text_width};
use super::{Chart, DataTable};
use crate::figures::Snapshot;
use crate::figures::format;
use crate::figures::snapshot::BuildingRow;

const MARGIN: f64 = 10.0;
const VACANT_HATCH: RGBColor = RGBColor(0xd0, 0xd0, 0xd0);
const MAX_PER_ROW: usize = 6;

pub fn factories(s: &Snapshot) -> Chart {
    let fa = &s.factories;
    let built: Vec<&BuildingRow> = fa.buildings.iter().filter(|b| b.built).collect();
    let rate = format::percent(fa.rate_area.value);
    let target = fa.target.map(|t| format::percent(Some(t)));

    let mut table = DataTable::new(
        format!("截至{}标准化厂房入驻情况{}", format::date_zh(s.as_of), if built.is_empty() { "（暂无已建成厂房）" } else { "" }),
        &["园区", "厂房", "面积（平方米）", "状态", "入驻项目", "入驻日期"],
    );
    for b in &built {
        table.rows.push(vec![
            b.park.clone(),
            b.name.clone(),
            format::amount(b.area),
            if b.project.is_some() { "已入驻" } else { "空置" }.to_string(),
            b.project.clone().unwrap_or_else(|| "—".to_string()),
            b.moved_in.map_or_else(|| "—".to_string(), |d| d.to_string()),
        ]);
    }
    if !built.is_empty() {
        table.rows.push(vec![
            "合计".to_string(),
            format!("{}栋，已入驻{}栋", fa.buildings_built, fa.buildings_occupied),
            format::amount(fa.area_built),
            format!("入驻率{rate}（按面积）"),
            String::new(),
            String::new(),
        ]);
    }

    let alt = if built.is_empty() {
        format!("截至{}，暂无已建成的标准化厂房。", format::date_zh(s.as_of))
    } else {
        format!(
            "截至{}，已建成标准化厂房{}栋{}平方米，已入驻{}栋{}平方米，入驻率{rate}（按面积{}）。",
            format::date_zh(s.as_of),
            fa.buildings_built,
            format::amount(fa.area_built),
            fa.buildings_occupied,
            format::amount(fa.area_occupied),
            target.as_ref().map_or(String::new(), |t| format!("，目标{t}"))
        )
    };

    let canvas = draw(s, &built, &rate, target.as_deref());
    Chart::new("factories", "标准化厂房入驻情况".to_string(), canvas, alt, table)
}

fn draw(s: &Snapshot, built: &[&BuildingRow], rate: &str, target: Option<&str>) -> Canvas {
    let fa = &s.factories;
    let width = WIDTH;
    if built.is_empty() {
        let mut c = Canvas::new(width, 100.0);
        c.message(MARGIN, 10.0, width - MARGIN, 90.0, "暂无已建成的标准化厂房");
        return c;
    }
    let legend = vec![
        (Swatch::Fill(Fill::Solid(NAVY)), "已入驻".to_string()),
        (Swatch::Fill(Fill::Hatched(MID_GREY)), "空置".to_string()),
    ];
    // Parks in the order the figures list them.
    let mut parks: Vec<(&str, Vec<&BuildingRow>)> = Vec::new();
    for b in built {
        match parks.iter_mut().find(|(p, _)| *p == b.park) {
            Some((_, list)) => list.push(b),
            None => parks.push((b.park.as_str(), vec![b])),
        }
    }
    let gap = 6.0;
    let details: Vec<String> = built.iter().map(|b| detail(b)).collect();
    let need = details.iter().map(|d| text_width(d, SMALL)).fold(0.0, f64::max) + 12.0;
    let per_row = (((width - 2.0 * MARGIN + gap) / (need + gap)).floor() as usize).clamp(2, MAX_PER_ROW);
    let tile_w = (width - 2.0 * MARGIN - gap * (per_row as f64 - 1.0)) / per_row as f64;
    let tile_h = 44.0;
    let headline_h = 48.0;
    let legend_top = 6.0 + headline_h;
    let legend_h = legend_lines(&legend, None, width);
    let mut height = legend_top + legend_h + 4.0;
    for (_, list) in &parks {
        height += 24.0 + list.len().div_ceil(per_row) as f64 * (tile_h + gap);
    }
    let mut c = Canvas::new(width, height + 4.0);

    let headline = format!("入驻率{rate}");
    c.text(MARGIN, 8.0, headline.clone(), Font::new(LABEL * 1.3).bold().top());
    // The target beside the headline: the line under it is long enough as it is.
    if let Some(t) = target {
        let x = MARGIN + text_width(&headline, LABEL * 1.3) * 1.05 + 10.0;
        c.text(x, 14.0, format!("目标{t}"), Font::new(SMALL).color(GREY).top());
    }
    let sub = format!(
        "按面积：已入驻{}/建成{}平方米 · 已入驻{}/{}栋",
        format::amount(fa.area_occupied),
        format::amount(fa.area_built),
        fa.buildings_occupied,
        fa.buildings_built,
    );
    c.text(MARGIN, 34.0, sub, Font::new(SMALL).color(GREY).top());
    draw_legend(&mut c, &legend, None, legend_top, width);

    let mut y = legend_top + legend_h + 4.0;
    for (park, list) in &parks {
        c.text(MARGIN, y + 10.0, *park, Font::new(SMALL + 1.0).bold());
        y += 24.0;
        for (i, b) in list.iter().enumerate() {
            let x0 = MARGIN + (i % per_row) as f64 * (tile_w + gap);
            let y0 = y + (i / per_row) as f64 * (tile_h + gap);
            let (x1, y1) = (x0 + tile_w, y0 + tile_h);
            let occupied = b.project.is_some();
            let color = if occupied {
                c.fill_rect(x0, y0, x1, y1, NAVY);
                WHITE
            } else {
                c.fill_rect(x0, y0, x1, y1, WHITE);
                c.hatch(x0, y0, x1, y1, 6.0, VACANT_HATCH);
                c.outline(x0, y0, x1, y1, MID_GREY);
                INK
            };
            let name = fit(&b.name, SMALL, tile_w - 10.0);
            let detail = detail(b);
            if !occupied {
                // White plates keep the words clear of the hatching.
                for (text, cy, size) in [(&name, y0 + 13.0, SMALL), (&detail, y0 + 31.0, SMALL)] {
                    c.fill_rect(x0 + 3.0, cy - 8.0, x0 + 7.0 + text_width(text, size), cy + 8.0, WHITE);
                }
            }
            c.text(x0 + 5.0, y0 + 13.0, name, Font::new(SMALL).bold().color(color));
            c.text(x0 + 5.0, y0 + 31.0, detail, Font::new(SMALL).color(color));
        }
        y += list.len().div_ceil(per_row) as f64 * (tile_h + gap);
    }
    c
}

/// A tile's second line: area and state in words.
fn detail(b: &BuildingRow) -> String {
    format!("{}㎡ {}", format::amount(b.area), if b.project.is_some() { "已入驻" } else { "空置" })
}
