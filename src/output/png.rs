//! A chart's SVG drawn to PNG (for the Word file), with the fonts installed on this machine:
//! nothing is downloaded or shipped. Without a Chinese font the chart cannot be drawn legibly,
//! and [`chart_png`] says so (`None`); the Word file then shows the chart's data table.

use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

/// The system's fonts, read once per process; `None` when none of them has Chinese glyphs.
fn fonts() -> Option<Arc<usvg::fontdb::Database>> {
    static FONTS: OnceLock<Option<Arc<usvg::fontdb::Database>>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = usvg::fontdb::Database::new();
            db.load_system_fonts();
            let cjk: Vec<usvg::fontdb::ID> = db
                .faces()
                .filter(|f| {
                    f.families.iter().any(|(name, _)| {
                        [
                            "CJK",
                            "Han Sans",
                            "Han Serif",
                            "YaHei",
                            "SimHei",
                            "SimSun",
                            "PingFang",
                            "WenQuanYi",
                            "Hei",
                            "Song",
                            "Kai",
                        ]
                        .iter()
                        .any(|k| name.contains(k))
                    })
                })
                .map(|f| f.id)
                .collect();
            // The Chinese faces, which every chart's text uses, are mapped once and kept:
            // otherwise the font file is mapped and unmapped for each glyph looked up, and the
            // unmapping stalls every core (a tenth of a 10 000-project build went to it).
            for id in &cjk {
                // SAFETY: fontdb maps these same files on every lookup anyway; keeping one
                // mapping changes how often a file is mapped, not whether. A font file
                // rewritten on disk during a build is the same risk either way.
                unsafe {
                    db.make_shared_face_data(*id);
                }
            }
            (!cjk.is_empty()).then(|| Arc::new(db))
        })
        .clone()
}

/// Whether charts can be drawn here (a Chinese font is installed).
pub fn can_draw() -> bool {
    fonts().is_some()
}

/// `svg` as a PNG `scale` times its size, on white, with its pixel size; `None` when no Chinese
/// font is installed or the SVG cannot be read.
pub fn chart_png(svg: &str, scale: f32) -> Option<(Vec<u8>, u32, u32)> {
    let fontdb = fonts()?;
    let options = usvg::Options { fontdb, ..usvg::Options::default() };
    let tree = usvg::Tree::from_str(svg, &options).ok()?;
    let size = tree.size().to_int_size().scale_by(scale)?;
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(&tree, tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    let png = pixmap.encode_png().ok()?;
    Some((png, size.width(), size.height()))
}
