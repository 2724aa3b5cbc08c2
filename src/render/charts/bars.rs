//! Horizontal bar rows, shared by the progress, rates, breakdown and unit charts: a label
//! column sized from the labels, one bar per row with its value printed at the end, an
//! optional track (0–100%), target markers, a dashed reference line (时序进度) and a legend.

use plotters::prelude::WHITE;
use plotters::style::RGBColor;

use super::canvas::{
    Canvas, DARK_RED, Font, GREY, INK, LABEL, NAVY, RULE, SMALL, TRACK, WIDTH, nice_axis, text_width, tick_text, ticks,
};

/// How a bar is filled. Each differs from the others in more than colour.
#[derive(Clone, Copy)]
pub enum Fill {
    Solid(RGBColor),
    /// White with diagonal lines and an outline in this colour.
    Hatched(RGBColor),
}

/// A legend entry's sample.
#[derive(Clone, Copy)]
pub enum Swatch {
    Fill(Fill),
    /// A dashed line (the reference or target line).
    Dashed(RGBColor),
    /// A solid line with a round marker.
    Line(RGBColor),
    /// A dotted line with a hollow square marker (last year).
    Dotted(RGBColor),
    /// The target marker: a triangle over a tick.
    Marker,
}

/// A boxed word after the value: solid (dark red, white text) or outlined (ink).
#[derive(Clone, Copy)]
pub enum Tag {
    Solid(&'static str),
    Outlined(&'static str),
}

impl Tag {
    fn text(self) -> &'static str {
        match self {
            Tag::Solid(t) | Tag::Outlined(t) => t,
        }
    }
    fn width(self) -> f64 {
        text_width(self.text(), SMALL) + 8.0
    }
}

pub struct BarRow {
    /// A short column before the label (a rank), right-aligned.
    pub prefix: Option<String>,
    pub label: String,
    /// In axis units (a ratio when the axis is in percent); `None` draws an empty slot.
    pub value: Option<f64>,
    /// Printed after the bar's end.
    pub text: String,
    /// A small grey line under the bar.
    pub note: Option<String>,
    pub fill: Fill,
    pub tag: Option<Tag>,
    /// A target marker, in axis units.
    pub marker: Option<f64>,
}

impl BarRow {
    pub fn new(label: impl Into<String>, value: Option<f64>, text: impl Into<String>) -> BarRow {
        BarRow {
            prefix: None,
            label: label.into(),
            value,
            text: text.into(),
            note: None,
            fill: Fill::Solid(NAVY),
            tag: None,
            marker: None,
        }
    }
}

pub struct Bars {
    pub rows: Vec<BarRow>,
    /// Values are ratios shown as percentages.
    pub percent: bool,
    /// The smallest axis top (1.0 for 100%), so a track always fits.
    pub min_top: f64,
    /// Shown as “单位：…” at the top right.
    pub unit: Option<String>,
    /// A light track from 0 to this value behind every bar.
    pub track: Option<f64>,
    /// A dashed vertical line across all rows with a label above it.
    pub reference: Option<(f64, String)>,
    pub legend: Vec<(Swatch, String)>,
    /// Shown instead of bars when there are no rows.
    pub empty: String,
}

impl Bars {
    /// Completion rates: percentages on a 0–100 % track, and a dashed line at `reference`
    /// (时序进度, say).
    pub fn completion(rows: Vec<BarRow>, reference: Option<(f64, String)>, legend: Vec<(Swatch, String)>, empty: String) -> Bars {
        Bars { rows, percent: true, min_top: 1.0, unit: None, track: Some(1.0), reference, legend, empty }
    }
}

/// The dashed 时序进度 line of a completion chart, and its legend entry.
pub fn time_progress_line(s: &crate::figures::Snapshot) -> (Option<(f64, String)>, (Swatch, String)) {
    let tp = crate::figures::format::percent(s.time_progress.value);
    let line = s.time_progress.value.map(|v| (super::canvas::f(v), format!("时序进度{tp}")));
    (line, (Swatch::Dashed(super::canvas::DARK_RED), "时序进度".to_string()))
}

const MARGIN: f64 = 10.0;

pub fn draw(spec: &Bars) -> Canvas {
    let width = WIDTH;
    let label_font = Font::new(LABEL);
    let value_font = Font::new(LABEL).bold();
    let mut y = 6.0;

    let legend_height = legend_lines(&spec.legend, spec.unit.as_deref(), width);
    y += legend_height;
    let ref_label_y = y;
    if spec.reference.is_some() && !spec.rows.is_empty() {
        y += 22.0;
    }
    let plot_top = y + 2.0;

    let has_note = spec.rows.iter().any(|r| r.note.is_some());
    let row_h = if has_note { 50.0 } else { 30.0 };
    let bar_h = 18.0;

    let prefix_w = spec.rows.iter().filter_map(|r| r.prefix.as_deref()).map(|p| text_width(p, LABEL)).fold(0.0, f64::max);
    let prefix_col = if prefix_w > 0.0 { prefix_w + 8.0 } else { 0.0 };
    let label_w = spec.rows.iter().map(|r| text_width(&r.label, LABEL)).fold(0.0, f64::max);
    let plot_left = MARGIN + prefix_col + label_w + 10.0;
    let value_w =
        spec.rows.iter().map(|r| text_width(&r.text, LABEL) * 1.05 + r.tag.map_or(0.0, |t| t.width() + 6.0)).fold(0.0, f64::max);
    let plot_right = (width - MARGIN - value_w - 8.0).max(plot_left + 80.0);

    let mut top = spec.min_top;
    for r in &spec.rows {
        top = top.max(r.value.unwrap_or(0.0)).max(r.marker.unwrap_or(0.0));
    }
    if let Some((v, _)) = &spec.reference {
        top = top.max(*v);
    }
    let scale = if spec.percent { 100.0 } else { 1.0 };
    let (axis_top, step) = nice_axis(top * scale, !spec.percent && top * scale >= 5.0);
    let (axis_top, step) = (axis_top / scale, step / scale);
    let x = |v: f64| plot_left + (v.max(0.0) / axis_top) * (plot_right - plot_left);

    let rows_h = if spec.rows.is_empty() { 70.0 } else { spec.rows.len() as f64 * row_h };
    let plot_bottom = plot_top + rows_h;
    let height = plot_bottom + if spec.rows.is_empty() { 10.0 } else { 28.0 };
    let mut c = Canvas::new(width, height);
    draw_legend(&mut c, &spec.legend, spec.unit.as_deref(), 6.0, width);

    if spec.rows.is_empty() {
        c.message(MARGIN, plot_top, width - MARGIN, plot_bottom, &spec.empty);
        return c;
    }

    // Grid and axis. Every grid line, but a label only on every k-th so wide numbers (a
    // province's 12,500 亿元) keep a gap between them.
    let grid = ticks(axis_top, step);
    let label = |t: f64| if spec.percent { format!("{}%", tick_text(t * 100.0, step * 100.0)) } else { tick_text(t, step) };
    let spacing = (plot_right - plot_left) / (grid.len().max(2) - 1) as f64;
    let widest = grid.iter().map(|t| text_width(&label(*t), SMALL)).fold(0.0, f64::max);
    let every = ((widest + 6.0) / spacing).ceil().max(1.0) as usize;
    for (i, t) in grid.iter().enumerate() {
        c.line(x(*t), plot_top, x(*t), plot_bottom, RULE, 1);
        if i % every == 0 {
            c.text(x(*t), plot_bottom + 5.0, label(*t), Font::new(SMALL).color(GREY).middle().top());
        }
    }
    c.line(plot_left, plot_top, plot_left, plot_bottom, GREY, 1);

    // Tracks under everything else.
    for (i, r) in spec.rows.iter().enumerate() {
        let bar_top = plot_top + i as f64 * row_h + 6.0;
        if let (Some(t), Some(_)) = (spec.track, r.value) {
            c.fill_rect(x(0.0), bar_top, x(t), bar_top + bar_h, TRACK);
        }
    }
    for (i, r) in spec.rows.iter().enumerate() {
        let row_top = plot_top + i as f64 * row_h;
        let bar_top = row_top + 6.0;
        let bar_bottom = bar_top + bar_h;
        let cy = bar_top + bar_h / 2.0;
        if let Some(p) = &r.prefix {
            c.text(MARGIN + prefix_w, cy, p.clone(), label_font.end().color(GREY));
        }
        c.text(MARGIN + prefix_col, cy, r.label.clone(), label_font);
        match r.value {
            Some(v) if v > 0.0 => paint_fill(&mut c, x(0.0), bar_top, x(v).max(x(0.0) + 1.0), bar_bottom, r.fill),
            Some(_) => {}
            None => {
                // An empty slot: the rate has no value (zero denominator), which is not 0%.
                let x1 = x(spec.track.unwrap_or(axis_top));
                let (x0, y0, y1) = (x(0.0), bar_top, bar_bottom);
                c.dashed(&[(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)], 4.0, 3.0, GREY, 1);
            }
        }
        if let Some(m) = r.marker {
            // A white casing keeps the tick visible where it crosses a dark bar.
            let mx = x(m);
            c.line(mx, bar_top - 4.0, mx, bar_bottom + 5.0, WHITE, 4);
            c.line(mx, bar_top - 4.0, mx, bar_bottom + 5.0, INK, 2);
            c.polygon(vec![(mx - 5.0, bar_top - 10.0), (mx + 5.0, bar_top - 10.0), (mx, bar_top - 4.0)], INK);
        }
    }
    // The reference line runs over the bars (cased in white so it shows on a dark red bar too)
    // but under the value labels' plates.
    if let Some((v, label)) = &spec.reference {
        let rx = x(*v);
        let line = [(rx, plot_top - 4.0), (rx, plot_bottom)];
        c.dashed(&line, 5.0, 3.0, WHITE, 4);
        c.dashed(&line, 5.0, 3.0, DARK_RED, 2);
        let w = text_width(label, SMALL);
        let lx = rx.clamp(MARGIN + w / 2.0, width - MARGIN - w / 2.0);
        c.text(lx, ref_label_y + 9.0, label.clone(), Font::new(SMALL).color(DARK_RED).bold().middle());
    }
    for (i, r) in spec.rows.iter().enumerate() {
        let row_top = plot_top + i as f64 * row_h;
        let bar_top = row_top + 6.0;
        let bar_bottom = bar_top + bar_h;
        let cy = bar_top + bar_h / 2.0;
        let end = match r.value {
            Some(v) => x(v).max(x(0.0) + if v > 0.0 { 1.0 } else { 0.0 }),
            None => x(0.0),
        };
        let tw = text_width(&r.text, LABEL) * 1.05;
        let mut tx = end + 6.0;
        if let Some(m) = r.marker {
            let mx = x(m);
            if mx >= tx - 4.0 && mx <= tx + tw + 4.0 {
                tx = mx + 7.0;
            }
        }
        // A white plate under the value so the dashed reference line never runs through it.
        if r.value.is_some() {
            c.fill_rect(tx - 2.0, cy - 8.0, tx + tw + 2.0, cy + 8.0, WHITE);
        }
        c.text(tx, cy, r.text.clone(), if r.value.is_some() { value_font } else { label_font.color(GREY) });
        if let Some(tag) = r.tag {
            draw_tag(&mut c, tx + tw + 6.0, cy, tag);
        }
        if let Some(note) = &r.note {
            let (nx, ny) = (x(0.0), bar_bottom + 5.0);
            c.fill_rect(nx - 1.0, ny, nx + text_width(note, SMALL) + 2.0, ny + SMALL + 3.0, WHITE);
            c.text(nx, ny, note.clone(), Font::new(SMALL).color(GREY).top());
        }
    }
    c
}

/// Draws `fill` in a rectangle.
pub fn paint_fill(c: &mut Canvas, x0: f64, y0: f64, x1: f64, y1: f64, fill: Fill) {
    match fill {
        Fill::Solid(color) => c.fill_rect(x0, y0, x1, y1, color),
        Fill::Hatched(color) => {
            c.fill_rect(x0, y0, x1, y1, WHITE);
            c.hatch(x0, y0, x1, y1, 5.0, color);
            c.outline(x0, y0, x1, y1, color);
        }
    }
}

/// A boxed word with its left edge at `x`, centred on `cy`.
pub fn draw_tag(c: &mut Canvas, x: f64, cy: f64, tag: Tag) {
    let w = tag.width();
    match tag {
        Tag::Solid(text) => {
            c.fill_rect(x, cy - 9.0, x + w, cy + 9.0, DARK_RED);
            c.text(x + w / 2.0, cy, text, Font::new(SMALL).bold().color(WHITE).middle());
        }
        Tag::Outlined(text) => {
            c.fill_rect(x, cy - 9.0, x + w, cy + 9.0, WHITE);
            c.outline(x, cy - 9.0, x + w, cy + 9.0, INK);
            c.text(x + w / 2.0, cy, text, Font::new(SMALL).bold().color(INK).middle());
        }
    }
}

fn swatch_width(s: Swatch) -> f64 {
    match s {
        Swatch::Fill(_) => 16.0,
        Swatch::Dashed(_) | Swatch::Line(_) | Swatch::Dotted(_) => 26.0,
        Swatch::Marker => 12.0,
    }
}

fn entry_width(s: Swatch, text: &str) -> f64 {
    swatch_width(s) + 5.0 + text_width(text, SMALL) + 16.0
}

/// The height the legend (and the unit note) take at the top of a chart `width` wide.
pub fn legend_lines(legend: &[(Swatch, String)], unit: Option<&str>, width: f64) -> f64 {
    if legend.is_empty() && unit.is_none() {
        return 0.0;
    }
    let unit_w = unit.map_or(0.0, |u| text_width(&format!("单位：{u}"), SMALL) + 12.0);
    let mut lines = 1.0;
    let mut x = MARGIN;
    for (s, text) in legend {
        let w = entry_width(*s, text);
        if x + w > width - MARGIN - if lines == 1.0 { unit_w } else { 0.0 } && x > MARGIN {
            lines += 1.0;
            x = MARGIN;
        }
        x += w;
    }
    lines * 22.0
}

/// Draws the legend from `top`, wrapping to more lines when needed; the unit sits on the
/// first line, right-aligned.
pub fn draw_legend(c: &mut Canvas, legend: &[(Swatch, String)], unit: Option<&str>, top: f64, width: f64) {
    let unit_w = unit.map_or(0.0, |u| text_width(&format!("单位：{u}"), SMALL) + 12.0);
    if let Some(u) = unit {
        c.text(width - MARGIN, top + 9.0, format!("单位：{u}"), Font::new(SMALL).color(GREY).end());
    }
    let mut line = 0.0;
    let mut x = MARGIN;
    for (s, text) in legend {
        let w = entry_width(*s, text);
        if x + w > width - MARGIN - if line == 0.0 { unit_w } else { 0.0 } && x > MARGIN {
            line += 1.0;
            x = MARGIN;
        }
        let cy = top + 9.0 + line * 22.0;
        let sw = swatch_width(*s);
        match *s {
            Swatch::Fill(fill) => paint_fill(c, x, cy - 6.0, x + sw, cy + 6.0, fill),
            Swatch::Dashed(color) => c.dashed(&[(x, cy), (x + sw, cy)], 5.0, 3.0, color, 2),
            Swatch::Line(color) => {
                c.line(x, cy, x + sw, cy, color, 2);
                c.circle(x + sw / 2.0, cy, 3, color, true, 1);
            }
            Swatch::Dotted(color) => {
                c.dashed(&[(x, cy), (x + sw, cy)], 2.0, 3.0, color, 2);
                c.fill_rect(x + sw / 2.0 - 3.0, cy - 3.0, x + sw / 2.0 + 3.0, cy + 3.0, WHITE);
                c.outline(x + sw / 2.0 - 3.0, cy - 3.0, x + sw / 2.0 + 3.0, cy + 3.0, color);
            }
            Swatch::Marker => {
                c.line(x + 6.0, cy - 2.0, x + 6.0, cy + 7.0, INK, 2);
                c.polygon(vec![(x + 1.0, cy - 7.0), (x + 11.0, cy - 7.0), (x + 6.0, cy - 1.0)], INK);
            }
        }
        c.text(x + sw + 5.0, cy, text.clone(), Font::new(SMALL).color(GREY));
        x += w;
    }
}
