//! The bulletin as a Word document (.docx) a secretary can adjust before 印发: A4 with the
//! GB/T 9704 margins, 仿宋 3号 text on a fixed 28.5 pt line pitch, 黑体/楷体 headings, the red
//! 报头 and rule, the printed bulletin's key tables as real Word tables (the same columns as
//! the page's print, renumbered 表1… as on paper), the charts of the text as pictures when a
//! Chinese font is installed to draw them (else their data tables), page numbers “— N —” on
//! alternating sides, the 附件 when chosen, and the 版记 at the foot of the last, even, page.
//!
//! It writes what the bulletin page shows: an issued month's from its record
//! ([`Source::issued`]), any other month's from the data ([`Source::draft`]).

use std::io::Cursor;

use docx_rs::{
    AlignmentType, BorderType, Docx, Footer, HeightRule, LineSpacing, LineSpacingType, PageMargin, PageNum, PageSize, Paragraph,
    ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Pic, Run, RunFonts, Section, SectionType, SpecialIndentType, Tab,
    TabValueType, Table as WTable, TableCell, TableCellBorder, TableCellBorderPosition, TableCellBorders, TableLayoutType,
    TableRow, VAlignType, WidthType,
};

use super::png;
use crate::content::Content;
use crate::content::model::Briefing;
use crate::figures::Snapshot;
use crate::record::issued::Record;
use crate::render::charts::ChartKind;
use crate::render::markdown::{self, Block, Span};
use crate::report::MonthTables;
use crate::report::table::{Align, DateStyle, Kind, Table};
use crate::report::text::{BulletinText, ChangeLog};

/// What the Word file is made from: the same parts as the bulletin page.
pub struct Source<'a> {
    pub text: BulletinText,
    pub body: Vec<Block>,
    pub snapshot: &'a Snapshot,
    pub tables: &'a MonthTables,
    pub changes: ChangeLog,
    pub sample: bool,
    pub site_title: String,
    /// The detailed lists as numbered 附件 (site.yaml `print: annexes`, `export --annexes`).
    pub annexes: bool,
}

impl<'a> Source<'a> {
    /// A month not issued: its briefing and figures from the data.
    pub fn draft(c: &Content, b: &Briefing, s: &'a Snapshot, tables: &'a MonthTables, changes: ChangeLog) -> Source<'a> {
        Source {
            text: crate::report::text::bulletin_text(c, b, s),
            body: markdown::blocks_with(&b.body, &|key| crate::report::text::figure(s, c, key)),
            snapshot: s,
            tables,
            changes,
            sample: c.site.sample,
            site_title: c.site.title.clone(),
            annexes: c.site.print.annexes,
        }
    }

    /// An issued month, from its record alone (its text, figures and tables as issued).
    pub fn issued(c: &Content, record: &'a Record, tables: &'a MonthTables) -> Source<'a> {
        let figures = &record.figures;
        Source {
            text: record.text.clone(),
            body: markdown::blocks_with(&record.body, &|key| figures.get(key).cloned().unwrap_or_else(|| "—".to_string())),
            snapshot: &record.snapshot,
            tables,
            changes: record.changes.clone(),
            sample: c.site.sample,
            site_title: c.site.title.clone(),
            annexes: c.site.print.annexes,
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[error("cannot write the Word file: {0}")]
pub struct DocxError(String);

// Sizes: twips (1/20 pt; 1 mm = 56.7 twips) and half-points.
const PAGE_W: u32 = 11906;
const PAGE_H: u32 = 16838;
const fn mm(v: u32) -> u32 {
    v * 5669 / 100
}
const MARGIN_TOP: u32 = mm(37);
const MARGIN_BOTTOM: u32 = mm(35);
/// The line pitch of the 版记's 4号 lines: 22 pt.
const BANJI_PITCH: i32 = 440;
/// The type area: 210 mm less the 28 mm and 26 mm margins.
const TEXT_W: u32 = PAGE_W - mm(28) - mm(26);
/// 28.5 pt, the line pitch of 3号 text (22 lines on a page).
const PITCH: i32 = 570;
const SIZE_3: usize = 32; // 3号, 16 pt
const SIZE_4: usize = 28; // 4号, 14 pt
const SIZE_SMALL_4: usize = 24; // 小四, 12 pt
const SIZE_5: usize = 21; // 5号, 10.5 pt
const RED: &str = "C00000";

const FANGSONG: &str = "仿宋";
const HEITI: &str = "黑体";
const KAITI: &str = "楷体";
const BIAOSONG: &str = "方正小标宋简体";
const SONGTI: &str = "宋体";

fn fonts(east_asia: &str) -> RunFonts {
    RunFonts::new().east_asia(east_asia).ascii("Times New Roman").hi_ansi("Times New Roman")
}

fn run(text: &str, font: &str, size: usize) -> Run {
    Run::new().add_text(text).fonts(fonts(font)).size(size)
}

/// The title's run, its lines broken where [`balanced`] put `\n`.
fn title_run(text: &str) -> Run {
    let mut r = Run::new().fonts(fonts(BIAOSONG)).size(44);
    for (i, part) in text.split('\n').enumerate() {
        if i > 0 {
            r = r.add_break(docx_rs::BreakType::TextWrapping);
        }
        r = r.add_text(part);
    }
    r
}

/// A paragraph on the fixed line pitch.
fn line(p: Paragraph) -> Paragraph {
    p.line_spacing(LineSpacing::new().line(PITCH).line_rule(LineSpacingType::Exact).before(0).after(0))
}

/// A paragraph of 3号 仿宋 text indented by two characters.
fn body_paragraph(spans: &[Span]) -> Paragraph {
    let mut p = line(Paragraph::new()).indent(None, Some(SpecialIndentType::FirstLine(640)), None, None);
    for s in spans {
        // **…** in a briefing is a 楷体 lead-in, as on the page.
        p = p.add_run(run(&s.text, if s.strong { KAITI } else { FANGSONG }, SIZE_3));
    }
    p
}

fn border(position: ParagraphBorderPosition, size: usize, color: &str) -> ParagraphBorder {
    ParagraphBorder::new(position).val(BorderType::Single).size(size).space(1).color(color)
}

fn with_borders(mut p: Paragraph, borders: Vec<ParagraphBorder>) -> Paragraph {
    let mut all = ParagraphBorders::with_empty();
    for b in borders {
        all = all.set(b);
    }
    p.property = p.property.set_borders(all);
    p
}

/// The whole document as .docx bytes.
pub fn document(_content: &Content, src: &Source) -> Result<Vec<u8>, DocxError> {
    let t = &src.text;
    let margin = PageMargin {
        top: MARGIN_TOP as i32,
        bottom: MARGIN_BOTTOM as i32,
        left: mm(28) as i32,
        right: mm(26) as i32,
        header: mm(15) as i32,
        footer: mm(22) as i32,
        gutter: 0,
    };
    // One character in from the edge of the type area.
    let page_number = |left: bool| {
        Footer::new().add_paragraph(
            Paragraph::new()
                .align(if left { AlignmentType::Left } else { AlignmentType::Right })
                .indent(Some(if left { 280 } else { 0 }), None, Some(if left { 0 } else { 280 }), None)
                .add_run(run("— ", SONGTI, SIZE_4))
                .add_page_num(PageNum::new())
                .add_run(run(" —", SONGTI, SIZE_4))
                .fonts(fonts(SONGTI))
                .size(SIZE_4),
        )
    };
    // Two sections: the bulletin, numbered "— N —" on alternating sides (GB/T 9704), and the
    // 版记 page. That one starts on an even page (Word and LibreOffice put a blank page before it
    // when the text ends on an even page; the standard leaves both unnumbered) and holds the
    // 版记 anchored to the foot of its type area, so it stands at the foot of the last, even,
    // page whatever the fonts of the machine that opens the file make of the text's length.
    // docx-rs 0.4.22 drops a section's even footer when it also has a default one, so the
    // page-number footers are registered for the document (rIdFooter1, 2), the body section gets
    // an empty one (rIdFooter3), and `swap_footers` exchanges the references after the build.
    let mut doc = Docx::new()
        .page_size(PAGE_W, PAGE_H)
        .page_margin(margin.clone())
        .default_fonts(fonts(FANGSONG))
        .default_size(SIZE_3)
        .footer(page_number(false))
        .even_footer(page_number(true));
    let mut body = Section::new()
        .page_size(PageSize::new().size(PAGE_W, PAGE_H))
        .page_margin(margin)
        .footer(Footer::new().add_paragraph(Paragraph::new()));
    doc.document.section_property.section_type = Some(SectionType::EvenPage);

    // 报头: the title in red, the issue, issuer and date, the red rule.
    body = body
        .add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Center)
                .line_spacing(LineSpacing::new().before(0).after(120))
                .add_run(run(&src.site_title, BIAOSONG, 72).color(RED).character_spacing(40)),
        )
        .add_paragraph(line(Paragraph::new().align(AlignmentType::Center)).add_run(run(&t.issue, FANGSONG, SIZE_3)));
    let meta = Paragraph::new()
        .tabs(&[Tab::new().val(TabValueType::Right).pos(TEXT_W as usize - 320)])
        .indent(Some(320), None, None, None)
        .add_run(run(&t.issuer, FANGSONG, SIZE_3))
        .add_run(Run::new().add_tab())
        .add_run(run(&t.issued, FANGSONG, SIZE_3));
    body = body.add_paragraph(with_borders(
        line(meta).line_spacing(LineSpacing::new().line(PITCH).line_rule(LineSpacingType::Exact).after(400)),
        vec![border(ParagraphBorderPosition::Bottom, 16, RED)],
    ));
    if src.sample {
        body = body.add_paragraph(Paragraph::new().align(AlignmentType::Center).add_run(run(
            "（示例数据）",
            FANGSONG,
            SIZE_SMALL_4,
        )));
    }
    // The title: 2号 小标宋, centred, lines of even length.
    body = body.add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .line_spacing(LineSpacing::new().line(700).line_rule(LineSpacingType::Exact).after(300))
            .add_run(title_run(&balanced(&t.title, 20))),
    );
    if !t.main_to.is_empty() {
        body = body.add_paragraph(line(Paragraph::new()).add_run(run(&format!("{}：", t.main_to), FANGSONG, SIZE_3)));
    }

    // The briefing.
    for block in &src.body {
        body = match block {
            Block::Heading(level, spans) => {
                let text: String = spans.iter().map(|s| s.text.as_str()).collect();
                let font = if *level <= 2 { HEITI } else { KAITI };
                body.add_paragraph(
                    line(Paragraph::new())
                        .indent(None, Some(SpecialIndentType::FirstLine(640)), None, None)
                        .keep_next(true)
                        .add_run(run(&text, font, SIZE_3)),
                )
            }
            Block::Paragraph(spans) => body.add_paragraph(body_paragraph(spans)),
            Block::Item(spans) => body.add_paragraph(body_paragraph(spans)),
            Block::Chart(kind) => add_chart(body, src.snapshot, *kind),
        };
    }

    // 附: the data report, with the printed bulletin's key tables.
    let h1 = |text: &str| {
        line(Paragraph::new())
            .indent(None, Some(SpecialIndentType::FirstLine(640)), None, None)
            .keep_next(true)
            .add_run(run(text, HEITI, SIZE_3))
    };
    let p = |text: &str| body_paragraph(&[Span { text: text.to_string(), strong: false }]);
    body = body.add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .keep_next(true)
            .line_spacing(LineSpacing::new().before(400).after(200))
            .add_run(run(&format!("附：{}全县招商引资数据通报", t.period), BIAOSONG, 36)),
    );
    let tables = src.tables;
    let year = src.snapshot.month.year();
    body = body.add_paragraph(h1("一、总体情况")).add_paragraph(p(&t.overview));
    body = add_table(body, &tables.targets, year);
    body = body.add_paragraph(h1("二、项目推进（“四率”）"));
    body = add_table(body, &tables.rates, year);
    body = body.add_paragraph(p(&format!("{}。{}。", t.conversion, t.factories)));
    body = body.add_paragraph(h1("三、各单位完成情况"));
    body = body.add_paragraph(p(&format!("按{}完成率排名，镇办、部门分别排序，红黑榜的取法见表注。", t.rank_metric)));
    let list = |names: &[String]| if names.is_empty() { "无".to_string() } else { names.join("、") };
    body = body.add_paragraph(body_paragraph(&[
        Span { text: "红榜：".into(), strong: true },
        Span { text: format!("{}。", list(&t.red)), strong: false },
        Span { text: "黑榜：".into(), strong: true },
        Span { text: format!("{}。", list(&t.black)), strong: false },
    ]));
    body = add_table(body, &tables.towns, year);
    body = add_table(body, &tables.departments, year);
    body = body.add_paragraph(h1("四、小分队外出对接"));
    body = body.add_paragraph(p(&format!(
        "{}；本月外出未达标的小分队：{}。一把手带队外出嵌入招商 {} 次。",
        t.squads_line, t.squads_missed, t.leader_trips
    )));
    body = body.add_paragraph(h1("五、“五个一”与交办事项")).add_paragraph(p(&format!("{}。", t.meetings_line)));
    // The overdue items are listed with the 附件 (附件4 holds every item).
    if src.annexes && !t.overdue.is_empty() {
        body = body.add_paragraph(
            line(Paragraph::new())
                .indent(None, Some(SpecialIndentType::FirstLine(640)), None, None)
                .keep_next(true)
                .add_run(run("逾期未办结的交办事项", KAITI, SIZE_3)),
        );
        for a in &t.overdue {
            body = body.add_paragraph(body_paragraph(&[
                Span { text: format!("{}：", a.name), strong: true },
                Span { text: a.detail.clone(), strong: false },
            ]));
        }
    }

    // 附件, each on a new page, when chosen.
    if src.annexes {
        for table in tables.annexes() {
            body = body.add_paragraph(Paragraph::new().page_break_before(true).add_run(run("", FANGSONG, SIZE_5)));
            body = add_table(body, table, year);
        }
        let c = &src.changes;
        if !(c.data.is_empty() && c.corrections.is_empty() && c.commits.is_empty()) {
            body = body.add_paragraph(Paragraph::new().page_break_before(true).keep_next(true).add_run(run(
                &format!("{} 本期数据变动", crate::report::print::Place::changelog()),
                HEITI,
                SIZE_3,
            )));
            let small = |text: &str| {
                Paragraph::new().line_spacing(LineSpacing::new().line(380).line_rule(LineSpacingType::Exact)).add_run(run(
                    text,
                    FANGSONG,
                    SIZE_SMALL_4,
                ))
            };
            for l in c.data.iter().chain(&c.corrections) {
                body = body.add_paragraph(small(&format!("{}：{}", l.name, l.detail)));
            }
            if !c.commits.is_empty() {
                body = body.add_paragraph(small("数据修改记录"));
                for l in &c.commits {
                    body = body.add_paragraph(small(&format!("{} {}", l.name, l.detail)));
                }
            }
        }
    }

    doc = add_banji(doc.add_section(body), t);

    let mut xml = doc.build();
    // Header rows repeat on every page a table runs over: docx-rs has no call for it, so the
    // mark put on them (see `header_row`) is turned into <w:tblHeader/>.
    let document = String::from_utf8(xml.document).map_err(|e| DocxError(e.to_string()))?;
    // docx-rs also numbers paragraphs per thread, so the ids depend on what the thread wrote
    // before: numbered again here, in order, across the body and the footers.
    let mut next = 1u32;
    let document = swap_footers(&document)?;
    xml.document = renumber_paragraphs(&document.replace(HEADER_MARK, "<w:tblHeader />"), &mut next).into_bytes();
    for footer in &mut xml.footers {
        let text = String::from_utf8(std::mem::take(footer)).map_err(|e| DocxError(e.to_string()))?;
        *footer = renumber_paragraphs(&text, &mut next).into_bytes();
    }
    let mut out = Cursor::new(Vec::new());
    xml.pack(&mut out).map_err(|e| DocxError(e.to_string()))?;
    Ok(out.into_inner())
}

/// The document XML with the page-number footers on the body section and the empty one on the
/// 版记 section (see `document`): each reference must be found exactly once.
fn swap_footers(xml: &str) -> Result<String, DocxError> {
    const NUMBERED: &str =
        r#"<w:footerReference w:type="default" r:id="rIdFooter1" /><w:footerReference w:type="even" r:id="rIdFooter2" />"#;
    const EMPTY: &str = r#"<w:footerReference w:type="default" r:id="rIdFooter3" />"#;
    const EMPTY_BOTH: &str =
        r#"<w:footerReference w:type="default" r:id="rIdFooter3" /><w:footerReference w:type="even" r:id="rIdFooter3" />"#;
    if xml.matches(NUMBERED).count() != 1 || xml.matches(EMPTY).count() != 1 {
        return Err(DocxError("the section footers are not where they were put".into()));
    }
    Ok(xml.replace(NUMBERED, "\u{0}").replace(EMPTY, NUMBERED).replace('\u{0}', EMPTY_BOTH))
}

/// `xml` with every `w14:paraId="…"` numbered from `next` on.
fn renumber_paragraphs(xml: &str, next: &mut u32) -> String {
    const ATTR: &str = "w14:paraId=\"";
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(i) = rest.find(ATTR) {
        let start = i + ATTR.len();
        let Some(len) = rest[start..].find('"') else { break };
        out.push_str(&rest[..start]);
        out.push_str(&format!("{:08X}", *next));
        *next += 1;
        rest = &rest[start + len..];
    }
    out.push_str(rest);
    out
}

/// What docx-rs writes for a row height of 1 twip at least: only header rows have it.
const HEADER_MARK: &str = r#"<w:trHeight w:val="1" w:hRule="atLeast" />"#;

/// The 版记 (GB/T 9704): 报/送/发 and the issuer and printing date, between a thick rule above
/// and below and thin rules between, then the copies: alone on the last, even, page, at its foot.
fn add_banji(doc: Docx, t: &BulletinText) -> Docx {
    let rule = |position: TableCellBorderPosition, size: usize| {
        TableCellBorder::new(position).border_type(BorderType::Single).size(size).color("000000")
    };
    let row = |p: Paragraph, top: usize, bottom: usize| {
        let mut borders = TableCellBorders::with_empty()
            .clear(TableCellBorderPosition::Left)
            .clear(TableCellBorderPosition::Right)
            .clear(TableCellBorderPosition::Top)
            .clear(TableCellBorderPosition::Bottom);
        if top > 0 {
            borders = borders.set(rule(TableCellBorderPosition::Top, top));
        }
        if bottom > 0 {
            borders = borders.set(rule(TableCellBorderPosition::Bottom, bottom));
        }
        let p = p.line_spacing(LineSpacing::new().line(BANJI_PITCH).line_rule(LineSpacingType::Exact));
        TableRow::new(vec![TableCell::new().width(TEXT_W as usize, WidthType::Dxa).set_borders(borders).add_paragraph(p)])
            .cant_split()
    };
    let mut rows = Vec::new();
    // Lines of 4号 text in a row: 14 pt a Chinese character, about half that for the rest.
    let per_line = TEXT_W - 2 * 280;
    let lines_of = |text: &str| -> u32 {
        let width: u32 = text.chars().map(|c| if c.is_ascii() { 150 } else { 280 }).sum();
        width.div_ceil(per_line).max(1)
    };
    let mut lines = 0;
    for (label, text) in [("报：", &t.report_to), ("送：", &t.send_to), ("发：", &t.distribute_to)] {
        if text.is_empty() {
            continue;
        }
        let p = Paragraph::new()
            .indent(Some(280), None, Some(280), None)
            .add_run(run(label, FANGSONG, SIZE_4))
            .add_run(run(text, FANGSONG, SIZE_4));
        lines += lines_of(&format!("{label}{text}"));
        // The first line under the thick rule, the others under a thin one.
        rows.push(row(p, if rows.is_empty() { 8 } else { 4 }, 0));
    }
    let printed = Paragraph::new()
        .tabs(&[Tab::new().val(TabValueType::Right).pos(TEXT_W as usize - 280)])
        .indent(Some(280), None, None, None)
        .add_run(run(&t.issuer, FANGSONG, SIZE_4))
        .add_run(Run::new().add_tab())
        .add_run(run(&t.printed, FANGSONG, SIZE_4));
    rows.push(row(printed, if rows.is_empty() { 8 } else { 4 }, 8));
    lines += 1;
    if !t.copies.is_empty() {
        let copies = Paragraph::new().align(AlignmentType::Right).indent(None, None, Some(280), None).add_run(run(
            &format!("（{}）", t.copies),
            FANGSONG,
            SIZE_4,
        ));
        rows.push(row(copies, 0, 0));
        lines += 1;
    }
    let banji = WTable::new(rows)
        .set_grid(vec![TEXT_W as usize])
        .width(TEXT_W as usize, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .clear_all_border()
        .margins(docx_rs::TableCellMargins::new().margin(0, 0, 0, 0));
    // Its section starts on a new page, so a blank line of exact height above it puts it at
    // the foot of the type area: worked out from the exact line pitch, with room for the rules
    // and the document's last paragraph (1 pt). A table floated to the foot would be simpler
    // but LibreOffice sets a floating table as wide as the text inline, at the top.
    let area = (PAGE_H - MARGIN_TOP - MARGIN_BOTTOM) as i32;
    let above = (area - lines as i32 * BANJI_PITCH - 200).max(20);
    let exact = |height: i32| LineSpacing::new().before(0).after(0).line(height).line_rule(LineSpacingType::Exact);
    doc.add_paragraph(Paragraph::new().line_spacing(exact(above)).add_run(run("", FANGSONG, 2)))
        .add_table(banji)
        .add_paragraph(Paragraph::new().line_spacing(exact(20)).add_run(run("", FANGSONG, 2)))
}

/// A chart as a picture, the width of the type area at most and 72 mm high at most, with its
/// title and key figure; its data table when it cannot be drawn (no Chinese font).
fn add_chart(mut doc: Section, s: &Snapshot, kind: ChartKind) -> Section {
    let chart = kind.draw(s);
    doc = doc.add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .keep_next(true)
            .line_spacing(LineSpacing::new().before(120).after(60))
            .add_run(run(&chart.title, HEITI, SIZE_SMALL_4)),
    );
    match png::chart_png(&chart.svg, 2.0) {
        Some((bytes, w, h)) => {
            // EMU: 914 400 an inch, 36 000 a millimetre.
            let max_w = 156.0 * 36_000.0;
            let max_h = 72.0 * 36_000.0;
            let scale = (max_w / w as f64).min(max_h / h as f64);
            let (ew, eh) = ((w as f64 * scale) as u32, (h as f64 * scale) as u32);
            // docx-rs numbers pictures from a process-wide counter; a name from the chart keeps
            // two builds of the site byte-identical, whichever thread drew what first.
            let pic = Pic::new_with_dimensions(bytes, w, h).size(ew, eh).id(format!("rIdImage{}", chart.name.replace('-', "")));
            doc = doc
                .add_paragraph(Paragraph::new().align(AlignmentType::Center).keep_next(true).add_run(Run::new().add_image(pic)));
        }
        None => {
            let t = &chart.table;
            let wraps = vec![false; t.headers.len()];
            let widths = widths_of(&t.headers, &t.rows, &wraps);
            let mut rows = vec![header_row(&t.headers.iter().map(String::as_str).collect::<Vec<_>>(), &widths)];
            for r in &t.rows {
                let cells = r
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let align = if i > 0 && looks_numeric(c) { AlignmentType::Right } else { AlignmentType::Left };
                        cell(c, widths[i], align, FANGSONG)
                    })
                    .collect();
                rows.push(TableRow::new(cells).cant_split());
            }
            doc = doc.add_table(
                WTable::new(rows)
                    .set_grid(widths)
                    .layout(TableLayoutType::Fixed)
                    .margins(docx_rs::TableCellMargins::new().margin(20, 60, 20, 60)),
            );
        }
    }
    if !chart.alt.is_empty() {
        doc = doc.add_paragraph(
            Paragraph::new()
                .line_spacing(LineSpacing::new().line(360).line_rule(LineSpacingType::Exact).after(120))
                .add_run(run(&chart.alt, FANGSONG, SIZE_5)),
        );
    }
    doc
}

fn looks_numeric(cell: &str) -> bool {
    !cell.is_empty()
        && cell.chars().any(|c| c.is_ascii_digit() || c == '—')
        && cell.chars().all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '%' | '+' | '-' | '−' | '—'))
}

/// The width a text takes in 5号 (10.5 pt = 210 twips a Chinese character, about half that a
/// digit or Latin letter).
fn text_width(text: &str) -> u32 {
    text.chars().map(|c| if c.is_ascii() { 110 } else { 212 }).sum()
}

/// Column widths that fit the content: each column as wide as its widest cell (its header may
/// wrap at three characters). When the table is wider than the type area, the text columns
/// (`wraps`) give up width first, down to four characters, so figures never wrap; then all
/// shrink alike.
fn widths_of(headers: &[String], rows: &[Vec<String>], wraps: &[bool]) -> Vec<usize> {
    let pad = 170;
    let mut w: Vec<u32> = headers.iter().map(|h| text_width(h).min(3 * 212) + pad).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            if let Some(x) = w.get_mut(i) {
                *x = (*x).max(text_width(c) + pad);
            }
        }
    }
    let total: u32 = w.iter().sum();
    if total > TEXT_W {
        let floor = 4 * 212 + pad;
        let spare: u32 = w.iter().zip(wraps).filter(|(_, wr)| **wr).map(|(x, _)| x.saturating_sub(floor)).sum();
        if spare > 0 {
            let cut = (total - TEXT_W).min(spare) as f64 / spare as f64;
            for (x, wr) in w.iter_mut().zip(wraps) {
                if *wr && *x > floor {
                    *x -= ((*x - floor) as f64 * cut).ceil() as u32;
                }
            }
        }
    }
    let total: u32 = w.iter().sum();
    let scale = TEXT_W as f64 / total.max(1) as f64;
    // Narrow tables are not stretched across the page more than half again.
    let scale = if scale > 1.0 { scale.min(1.5) } else { scale };
    w.iter().map(|x| (*x as f64 * scale) as usize).collect()
}

fn cell(text: &str, width: usize, align: AlignmentType, font: &str) -> TableCell {
    TableCell::new().width(width, WidthType::Dxa).vertical_align(VAlignType::Center).add_paragraph(
        Paragraph::new()
            .align(align)
            .line_spacing(LineSpacing::new().line(300).line_rule(LineSpacingType::Exact))
            .add_run(run(text, font, SIZE_5)),
    )
}

/// The header row: 黑体, centred, repeated on every page the table runs over.
fn header_row(headers: &[&str], widths: &[usize]) -> TableRow {
    let cells = headers.iter().zip(widths).map(|(h, w)| cell(h, *w, AlignmentType::Center, HEITI)).collect();
    TableRow::new(cells).cant_split().row_height(1.0).height_rule(HeightRule::AtLeast)
}

/// A table as printed: its printed number and caption, the unit, the columns the print shows,
/// numbers right-aligned, dates as 10月22日, no row split, and its notes.
fn add_table(mut doc: Section, t: &Table, year: i32) -> Section {
    let printed: Vec<usize> = (0..t.columns.len()).filter(|i| t.columns[*i].printed).collect();
    let unit = t.shared_unit();
    let headers: Vec<String> = printed
        .iter()
        .map(|i| {
            let c = &t.columns[*i];
            if unit.is_some() { c.header.clone() } else { c.header_with_unit() }
        })
        .collect();
    let kinds: Vec<Kind> = printed
        .iter()
        .map(|i| match t.columns[*i].kind {
            Kind::Date(DateStyle::Iso) => Kind::Date(DateStyle::InYear(year)),
            k => k,
        })
        .collect();
    let rows: Vec<Vec<String>> =
        t.rows.iter().map(|r| printed.iter().zip(&kinds).map(|(i, k)| r.cells[*i].display(*k)).collect()).collect();
    let wraps: Vec<bool> = kinds.iter().map(|k| matches!(k, Kind::Text | Kind::Link)).collect();
    let widths = widths_of(&headers, &rows, &wraps);

    let number = crate::report::print::Place::of(t.slug).number().or_else(|| t.number.clone());
    let title = match number {
        Some(n) => format!("{n} {}", t.caption),
        None => t.caption.clone(),
    };
    doc = doc.add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .keep_next(true)
            .line_spacing(LineSpacing::new().before(160).after(40))
            .add_run(run(&title, HEITI, SIZE_SMALL_4)),
    );
    if let Some(u) = unit {
        doc = doc.add_paragraph(
            Paragraph::new().align(AlignmentType::Right).keep_next(true).line_spacing(LineSpacing::new().after(20)).add_run(run(
                &format!("单位：{u}"),
                FANGSONG,
                SIZE_5,
            )),
        );
    }
    let mut table_rows = vec![header_row(&headers.iter().map(String::as_str).collect::<Vec<_>>(), &widths)];
    if rows.is_empty() {
        let span =
            TableCell::new().grid_span(widths.len()).add_paragraph(Paragraph::new().add_run(run(t.empty, FANGSONG, SIZE_5)));
        table_rows.push(TableRow::new(vec![span]).cant_split());
    }
    for r in &rows {
        let cells = r
            .iter()
            .zip(&kinds)
            .zip(&widths)
            .map(|((text, kind), w)| {
                let align = match kind.align() {
                    Align::Left => AlignmentType::Left,
                    Align::Center => AlignmentType::Center,
                    Align::Right => AlignmentType::Right,
                };
                cell(text, *w, align, FANGSONG)
            })
            .collect();
        table_rows.push(TableRow::new(cells).cant_split());
    }
    doc = doc.add_table(
        WTable::new(table_rows)
            .set_grid(widths)
            .layout(TableLayoutType::Fixed)
            .margins(docx_rs::TableCellMargins::new().margin(20, 60, 20, 60))
            .align(docx_rs::TableAlignmentType::Center),
    );
    for n in &t.notes {
        doc = doc.add_paragraph(
            Paragraph::new()
                .line_spacing(LineSpacing::new().line(320).line_rule(LineSpacingType::Exact).before(40))
                .add_run(run(&format!("注：{n}"), FANGSONG, 20)),
        );
    }
    doc.add_paragraph(Paragraph::new().line_spacing(LineSpacing::new().line(160).line_rule(LineSpacingType::Exact)))
}

/// The title with a line break where two lines come out even (at most `per_line` characters a
/// line), after a word: `关于2026年1—10月全县\n招商引资工作情况的通报` rather than a word alone.
pub fn balanced(title: &str, per_line: usize) -> String {
    let chars: Vec<char> = title.chars().collect();
    // Latin letters and digits are about half a character wide.
    let width = |cs: &[char]| cs.iter().map(|c| if c.is_ascii() { 1 } else { 2 }).sum::<usize>();
    let total = width(&chars);
    if total <= per_line * 2 {
        return title.to_string();
    }
    // Break nearest the middle, never inside a run of digits, before the last 的/通报-like tail.
    let mut best = None;
    for i in 1..chars.len() {
        if chars[i - 1].is_ascii_alphanumeric() && chars[i].is_ascii_alphanumeric() {
            continue;
        }
        let left = width(&chars[..i]);
        if left > per_line * 2 || total - left > per_line * 2 {
            continue;
        }
        let off = left.abs_diff(total - left);
        if best.is_none_or(|(_, o)| off < o) {
            best = Some((i, off));
        }
    }
    match best {
        Some((i, _)) => chars[..i].iter().collect::<String>() + "\n" + &chars[i..].iter().collect::<String>(),
        None => title.to_string(),
    }
}
