//! A pixel-space drawing surface on top of plotters' SVG backend, and the finishing pass that
//! turns plotters' output into an inline-ready `<svg>`.
//!
//! Why our own layout instead of plotters' `ChartBuilder`: without a font feature plotters
//! estimates text width as 0.7 em per *byte*, so every Chinese label is sized ~2× too wide and
//! legends and label areas come out wrong. Each chart lays itself out here with
//! [`text_width`] (CJK ≈ 1 em, ASCII ≈ 0.55 em) and plotters only writes the shapes.
//!
//! Shapes are recorded first and painted in one go in [`Canvas::finish`], so chart code never
//! holds the backend's borrow of the output string.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontDesc, FontFamily, FontStyle};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::figures::Snapshot;
use crate::figures::format;

/// The CSS font stack: fonts resolve in the reader's browser, nothing is embedded.
pub const FONT: &str = "Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, SimHei, sans-serif";

/// Default design width of a chart in CSS pixels; the SVG scales to its column from here. With
/// [`SMALL`] text at 13 px, a phone's 358 px column (390 px less the page's margins) still shows
/// it at 11 px (13 × 358 ÷ 420).
pub const WIDTH: f64 = 420.0;

// A restrained palette: navy and greys, dark red only for what should stand out. Navy and dark
// red print as much the same grey, so nothing is told by colour alone: lines differ in dash and
// marker, list membership and shortfalls carry a word (红榜, 黑榜, 未, 不计入) or hatching.
pub const NAVY: RGBColor = RGBColor(0x1f, 0x38, 0x64);
pub const DARK_RED: RGBColor = RGBColor(0xb2, 0x22, 0x22);
pub const INK: RGBColor = RGBColor(0x1a, 0x1a, 0x1a);
/// Secondary text.
pub const GREY: RGBColor = RGBColor(0x59, 0x59, 0x59);
/// Last year's line, axis lines.
pub const MID_GREY: RGBColor = RGBColor(0x80, 0x80, 0x80);
/// Grid lines and outlines of empty slots.
pub const RULE: RGBColor = RGBColor(0xc8, 0xc8, 0xc8);
/// The track behind a bar (0–100%).
pub const TRACK: RGBColor = RGBColor(0xec, 0xec, 0xec);

/// Text sizes in CSS pixels.
pub const LABEL: f64 = 15.0;
pub const SMALL: f64 = 13.0;

/// How text is set: size in CSS pixels, weight, colour and anchor.
#[derive(Clone, Copy)]
pub struct Font {
    pub size: f64,
    pub bold: bool,
    pub color: RGBColor,
    pub h: HPos,
    pub v: VPos,
}

impl Font {
    /// Left-aligned, vertically centred on the given point.
    pub fn new(size: f64) -> Font {
        Font { size, bold: false, color: INK, h: HPos::Left, v: VPos::Center }
    }
    pub fn bold(self) -> Font {
        Font { bold: true, ..self }
    }
    pub fn color(self, color: RGBColor) -> Font {
        Font { color, ..self }
    }
    pub fn end(self) -> Font {
        Font { h: HPos::Right, ..self }
    }
    pub fn middle(self) -> Font {
        Font { h: HPos::Center, ..self }
    }
    /// The point is the text's top.
    pub fn top(self) -> Font {
        Font { v: VPos::Top, ..self }
    }
    /// The point is the text's baseline area (bottom).
    #[allow(dead_code)]
    pub fn bottom(self) -> Font {
        Font { v: VPos::Bottom, ..self }
    }
}

/// Estimated advance width of `text` set at `size` px: CJK and other wide characters 1 em,
/// ASCII about 0.55 em (a bit more for `%` and capitals). Errs on the wide side.
pub fn text_width(text: &str, size: f64) -> f64 {
    let ems: f64 = text
        .chars()
        .map(|c| match c {
            '%' | 'M' | 'W' | 'm' | 'w' | '@' => 0.9,
            'A'..='Z' => 0.7,
            '.' | ',' | ':' | ';' | '!' | '|' | '\'' | 'i' | 'l' | ' ' => 0.35,
            c if c.is_ascii() => 0.58,
            _ => 1.0,
        })
        .sum();
    ems * size
}

/// A label shortened to at most `max` characters with “…” (the full text stays in the table).
pub fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut s: String = text.chars().take(max.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

/// Long unit, chain and squad names are cut beyond the width of this many Chinese characters.
pub const NAME_CHARS: usize = 8;

/// `text` cut (with “…”) to fit `room` px at `size`.
pub fn fit(text: &str, size: f64, room: f64) -> String {
    let mut max = text.chars().count();
    loop {
        let t = truncate(text, max);
        if max <= 2 || text_width(&t, size) <= room + 0.01 {
            return t;
        }
        max -= 1;
    }
}

/// A name as a chart label: whole up to the width of [`NAME_CHARS`] Chinese characters, else
/// cut with “…” (so `500强及总部经济` stays whole: its digits are narrow).
pub fn fit_name(text: &str, size: f64) -> String {
    fit(text, size, NAME_CHARS as f64 * size)
}

pub fn f(value: Decimal) -> f64 {
    value.to_f64().unwrap_or(0.0)
}

/// “1—10月”, or “1月” in January.
pub fn period(s: &Snapshot) -> String {
    match s.month.number() {
        1 => "1月".to_string(),
        m => format!("1—{m}月"),
    }
}

/// A 0-based axis: the top value and the tick step, about five ticks, on 1/2/2.5/5 × 10ⁿ.
/// `whole` keeps steps whole (counts).
pub fn nice_axis(max: f64, whole: bool) -> (f64, f64) {
    let max = if max.is_finite() && max > 0.0 { max } else { 1.0 };
    let raw = max / 5.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let mut step = [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * magnitude).find(|s| *s >= raw * 0.999).unwrap_or(raw);
    if whole {
        step = step.ceil().max(1.0);
        if step == 3.0 {
            step = 5.0;
        }
    }
    let top = (max / step - 1e-9).ceil().max(1.0) * step;
    (top, step)
}

/// The tick values 0, step, 2·step … top (computed by index, so no rounding drift).
pub fn ticks(top: f64, step: f64) -> Vec<f64> {
    let n = (top / step).round().clamp(1.0, 50.0) as u32;
    (0..=n).map(|i| f64::from(i) * step).collect()
}

/// A tick value with as many decimals as the step needs, grouped: `1,000`, `2.5`.
pub fn tick_text(value: f64, step: f64) -> String {
    let dp = (0..4).find(|dp| ((step * 10f64.powi(*dp)).round() - step * 10f64.powi(*dp)).abs() < 1e-6).unwrap_or(4) as usize;
    let plain = format!("{value:.dp$}");
    let plain =
        if plain.starts_with("-0") && plain.trim_start_matches(['-', '0', '.']).is_empty() { &plain[1..] } else { &plain };
    format::grouped(plain)
}

enum Shape {
    Rect { x0: f64, y0: f64, x1: f64, y1: f64, color: RGBColor, filled: bool },
    Path { points: Vec<(f64, f64)>, color: RGBColor, width: u32 },
    Polygon { points: Vec<(f64, f64)>, color: RGBColor },
    Circle { x: f64, y: f64, r: u32, color: RGBColor, filled: bool, width: u32 },
    Text { x: f64, y: f64, text: String, font: Font },
}

/// A chart being drawn, in CSS pixels from the top-left corner.
pub struct Canvas {
    pub width: f64,
    pub height: f64,
    background: bool,
    shapes: Vec<Shape>,
}

fn px(v: f64) -> i32 {
    v.round() as i32
}

impl Canvas {
    /// A canvas with a white background (so it prints and reads on any page colour).
    pub fn new(width: f64, height: f64) -> Canvas {
        Canvas { width: width.ceil(), height: height.ceil(), background: true, shapes: Vec::new() }
    }

    /// A transparent canvas (sparklines sit on a card's own background).
    pub fn transparent(width: f64, height: f64) -> Canvas {
        Canvas { background: false, ..Canvas::new(width, height) }
    }

    pub fn fill_rect(&mut self, x0: f64, y0: f64, x1: f64, y1: f64, color: RGBColor) {
        self.shapes.push(Shape::Rect { x0, y0, x1, y1, color, filled: true });
    }

    /// A 1 px outline.
    pub fn outline(&mut self, x0: f64, y0: f64, x1: f64, y1: f64, color: RGBColor) {
        self.shapes.push(Shape::Rect { x0, y0, x1, y1, color, filled: false });
    }

    pub fn line(&mut self, x0: f64, y0: f64, x1: f64, y1: f64, color: RGBColor, width: u32) {
        self.path(vec![(x0, y0), (x1, y1)], color, width);
    }

    pub fn path(&mut self, points: Vec<(f64, f64)>, color: RGBColor, width: u32) {
        if points.len() >= 2 {
            self.shapes.push(Shape::Path { points, color, width });
        }
    }

    pub fn polygon(&mut self, points: Vec<(f64, f64)>, color: RGBColor) {
        self.shapes.push(Shape::Polygon { points, color });
    }

    pub fn circle(&mut self, x: f64, y: f64, r: u32, color: RGBColor, filled: bool, width: u32) {
        self.shapes.push(Shape::Circle { x, y, r, color, filled, width });
    }

    pub fn text(&mut self, x: f64, y: f64, text: impl Into<String>, font: Font) {
        self.shapes.push(Shape::Text { x, y, text: text.into(), font });
    }

    /// A polyline drawn as dashes of `dash` px with `gap` px between them, the pattern running
    /// on across corners. (The SVG backend has no `stroke-dasharray`, so each dash is a path.)
    pub fn dashed(&mut self, points: &[(f64, f64)], dash: f64, gap: f64, color: RGBColor, width: u32) {
        let Some(&first) = points.first() else {
            return;
        };
        let mut on = true;
        let mut left = dash;
        let mut current = vec![first];
        for pair in points.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let len = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
            let mut pos = 0.0;
            while len - pos > left {
                pos += left;
                let t = pos / len;
                let p = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
                if on {
                    current.push(p);
                    self.path(std::mem::take(&mut current), color, width);
                } else {
                    current = vec![p];
                }
                on = !on;
                left = if on { dash } else { gap };
            }
            left -= len - pos;
            if on {
                current.push(b);
            }
        }
        if on {
            self.path(current, color, width);
        }
    }

    /// Diagonal hatching (lines rising left to right, `spacing` px apart) inside a rectangle.
    pub fn hatch(&mut self, x0: f64, y0: f64, x1: f64, y1: f64, spacing: f64, color: RGBColor) {
        // Lines x + y = c, clipped to the rectangle.
        let mut c = x0 + y0 + spacing / 2.0;
        while c < x1 + y1 {
            let xa = x0.max(c - y1);
            let xb = x1.min(c - y0);
            if xb - xa > 0.5 {
                self.line(xa, c - xa, xb, c - xb, color, 1);
            }
            c += spacing;
        }
    }

    /// “暂无数据”-style message centred in the given box.
    pub fn message(&mut self, x0: f64, y0: f64, x1: f64, y1: f64, text: &str) {
        self.outline(x0, y0, x1, y1, RULE);
        self.text((x0 + x1) / 2.0, (y0 + y1) / 2.0, text, Font::new(LABEL).color(GREY).middle());
    }

    /// Paints the shapes with plotters and returns the finished inline `<svg>` element.
    pub fn finish(self, title: &str, alt: &str) -> String {
        let (w, h) = (self.width as u32, self.height as u32);
        let mut raw = String::new();
        let painted = {
            let root = SVGBackend::with_string(&mut raw, (w, h)).into_drawing_area();
            let result = self.paint(&root);
            result.and_then(|_| root.present())
        };
        // Drawing into a String has no I/O to fail; should plotters still report an error, the
        // chart comes out empty (title and alt intact) rather than bringing the build down.
        let body = if painted.is_ok() { body_of(&raw) } else { String::new() };
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"100%\" style=\"height:auto\" \
             role=\"img\" aria-label=\"{alt}\" font-family=\"{FONT}\">\n<title>{title}</title>\n{body}</svg>\n",
            alt = escape(alt),
            title = escape(title),
        )
    }

    fn paint<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, plotters::coord::Shift>,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        if self.background {
            root.fill(&WHITE)?;
        }
        for shape in &self.shapes {
            match shape {
                Shape::Rect { x0, y0, x1, y1, color, filled } => {
                    let style = if *filled { color.filled() } else { color.stroke_width(1) };
                    root.draw(&Rectangle::new([(px(*x0), px(*y0)), (px(*x1), px(*y1))], style))?;
                }
                Shape::Path { points, color, width } => {
                    let points: Vec<(i32, i32)> = points.iter().map(|(x, y)| (px(*x), px(*y))).collect();
                    root.draw(&PathElement::new(points, color.stroke_width(*width)))?;
                }
                Shape::Polygon { points, color } => {
                    let points: Vec<(i32, i32)> = points.iter().map(|(x, y)| (px(*x), px(*y))).collect();
                    root.draw(&Polygon::new(points, color.filled()))?;
                }
                Shape::Circle { x, y, r, color, filled, width } => {
                    let style = if *filled { color.filled() } else { color.stroke_width(*width) };
                    root.draw(&Circle::new((px(*x), px(*y)), *r, style))?;
                }
                Shape::Text { x, y, text, font } => {
                    // plotters writes font-size = size ÷ 1.24; ask for 1.24× so the SVG says `size`
                    // (rounded again in `body_of`).
                    let style = if font.bold { FontStyle::Bold } else { FontStyle::Normal };
                    let desc = FontDesc::new(FontFamily::Name(FONT), font.size * 1.24, style);
                    let text_style = TextStyle::from(desc).color(&font.color).pos(Pos::new(font.h, font.v));
                    root.draw(&Text::new(text.as_str(), (px(*x), px(*y)), text_style))?;
                }
            }
        }
        Ok(())
    }
}

/// The elements inside plotters' `<svg>` root, tidied: the per-element font family goes (the
/// root carries it), `opacity="1"` goes, font sizes are rounded to 0.1 px, and text content
/// loses the newlines plotters puts around it.
fn body_of(raw: &str) -> String {
    let start = raw.find(">\n").map_or(0, |i| i + 2);
    let end = raw.rfind("</svg>").unwrap_or(raw.len()).max(start);
    let body = raw[start..end]
        .replace(&format!(" font-family=\"{}\"", escape(FONT)), "")
        .replace(" opacity=\"1\"", "")
        .replace("\n</text>", "</text>");
    let mut out = String::with_capacity(body.len());
    let mut rest = body.as_str();
    while let Some(i) = rest.find("<text ") {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let close = rest.find(">\n").unwrap_or(rest.len().saturating_sub(1));
        out.push_str(&round_font_size(&rest[..close]));
        out.push('>');
        rest = rest.get(close + 2..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

fn round_font_size(tag: &str) -> String {
    const KEY: &str = "font-size=\"";
    let Some(i) = tag.find(KEY) else {
        return tag.to_string();
    };
    let from = i + KEY.len();
    let len = tag[from..].find('"').unwrap_or(0);
    let size: f64 = tag[from..from + len].parse().unwrap_or(LABEL);
    let rounded = format!("{:.1}", size);
    let rounded = rounded.strip_suffix(".0").unwrap_or(&rounded);
    format!("{}{}{}", &tag[..from], rounded, &tag[from + len..])
}

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}
