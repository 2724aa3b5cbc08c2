//! Markdown to HTML, with the live placeholders of a briefing filled in from its month's
//! snapshot. Raw HTML in Markdown is shown as text, and a link or image whose target is not
//! allowed ([`links::is_allowed`]) is shown as its text alone: nothing a clerk types can
//! inject markup or a script. (`check` reports such links; this is the second line.)

use pulldown_cmark::{Event, Parser, Tag, TagEnd, html};

use super::charts::{Chart, ChartKind};
use crate::content::Content;
use crate::content::links;
use crate::content::placeholders::{self, Placeholder};
use crate::figures::Snapshot;
use crate::report::text::figure;

// Private-use characters mark where a placeholder goes, so Markdown never sees its value.
const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// Renders `body`; placeholders take their values from `snapshot`, charts are drawn by
/// `chart_html`.
pub fn render(body: &str, snapshot: &Snapshot, content: &Content, chart_html: &dyn Fn(&Chart) -> String) -> String {
    render_with(body, &|key| figure(snapshot, content, key), &|kind| chart_html(&kind.draw(snapshot)))
}

/// Renders `body` with each figure placeholder's text from `figure` and each chart's HTML from
/// `chart` (an issued bulletin gives the texts it was issued with).
pub fn render_with(body: &str, figure: &dyn Fn(&str) -> String, chart: &dyn Fn(ChartKind) -> String) -> String {
    let found = placeholders::scan(body);
    let mut marked = String::with_capacity(body.len());
    // (value, is a chart) by marker number.
    let mut values: Vec<(String, bool)> = Vec::new();
    let mut last = 0;
    for f in &found {
        push_unmarked(&mut marked, &body[last..f.range.start]);
        let value = match &f.what {
            Ok(Placeholder::Figure(key)) => (escape(&figure(key)), false),
            Ok(Placeholder::Chart(name)) => (ChartKind::from_name(name).map(chart).unwrap_or_default(), true),
            // `check` reports unknown names; should one reach here, show what was written.
            Err(_) => (escape(&body[f.range.clone()]), false),
        };
        marked.push(OPEN);
        marked.push_str(&values.len().to_string());
        marked.push(CLOSE);
        values.push(value);
        last = f.range.end;
    }
    push_unmarked(&mut marked, &body[last..]);
    fill_markers(&to_html(&marked), &values)
}

/// `text` with the marker characters replaced, so that a clerk's text never reads as a marker.
fn push_unmarked(out: &mut String, text: &str) {
    out.extend(text.chars().map(|c| if c == OPEN || c == CLOSE { char::REPLACEMENT_CHARACTER } else { c }));
}

/// Puts each marker's value in its place, in one pass (a briefing may hold tens of thousands
/// of placeholders). A chart alone in its paragraph replaces the paragraph; anything else goes
/// inline.
fn fill_markers(html: &str, values: &[(String, bool)]) -> String {
    let mut out = String::with_capacity(html.len() + values.iter().map(|(v, _)| v.len()).sum::<usize>());
    let mut rest = html;
    while let Some(at) = rest.find(OPEN) {
        let after = &rest[at + OPEN.len_utf8()..];
        let found = after.find(CLOSE).and_then(|end| Some((after[..end].parse::<usize>().ok()?, end)));
        let Some(((value, is_chart), end)) = found.and_then(|(i, end)| Some((values.get(i)?, end))) else {
            // Only this function's own markers reach here; keep anything else as it is.
            out.push_str(&rest[..at + OPEN.len_utf8()]);
            rest = after;
            continue;
        };
        let (mut before, mut tail) = (&rest[..at], &after[end + CLOSE.len_utf8()..]);
        if *is_chart && before.ends_with("<p>") && tail.starts_with("</p>") {
            before = &before[..before.len() - "<p>".len()];
            tail = &tail["</p>".len()..];
        }
        out.push_str(before);
        out.push_str(value);
        rest = tail;
    }
    out.push_str(rest);
    out
}

/// A briefing as plain blocks, for outputs that are not HTML (the Word file): headings,
/// paragraphs of runs (bold or not), list items, and charts standing alone in a paragraph.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading(u8, Vec<Span>),
    Paragraph(Vec<Span>),
    Item(Vec<Span>),
    Chart(ChartKind),
}

/// A run of text in a block; `strong` is `**…**`.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub text: String,
    pub strong: bool,
}

/// `body` as [`Block`]s, each figure placeholder's text from `figure` (the same texts the page
/// shows). Links keep their text; pictures, raw HTML and code are shown as their text.
pub fn blocks_with(body: &str, figure: &dyn Fn(&str) -> String) -> Vec<Block> {
    let found = placeholders::scan(body);
    let mut marked = String::with_capacity(body.len());
    let mut values: Vec<Result<String, ChartKind>> = Vec::new();
    let mut last = 0;
    for f in &found {
        marked.push_str(&body[last..f.range.start]);
        let value = match &f.what {
            Ok(Placeholder::Figure(key)) => Ok(figure(key)),
            Ok(Placeholder::Chart(name)) => match ChartKind::from_name(name) {
                Some(kind) => Err(kind),
                None => Ok(String::new()),
            },
            Err(_) => Ok(body[f.range.clone()].to_string()),
        };
        marked.push(OPEN);
        marked.push_str(&values.len().to_string());
        marked.push(CLOSE);
        values.push(value);
        last = f.range.end;
    }
    marked.push_str(&body[last..]);

    let mut blocks = Vec::new();
    let mut spans: Vec<Span> = Vec::new();
    let mut strong = 0usize;
    let push_text = |spans: &mut Vec<Span>, text: &str, strong: bool| {
        // Markers become their figures' text; a chart's marker is kept for the block's end.
        let mut rest = text;
        let mut out = String::new();
        while let Some(open) = rest.find(OPEN) {
            out.push_str(&rest[..open]);
            let after = &rest[open + OPEN.len_utf8()..];
            let Some(close) = after.find(CLOSE) else { break };
            match after[..close].parse::<usize>().ok().and_then(|i| values.get(i)) {
                Some(Ok(text)) => out.push_str(text),
                Some(Err(kind)) => {
                    out.push(OPEN);
                    out.push_str(kind.name());
                    out.push(CLOSE);
                }
                None => {}
            }
            rest = &after[close + CLOSE.len_utf8()..];
        }
        out.push_str(rest);
        match spans.last_mut() {
            Some(last) if last.strong == strong => last.text.push_str(&out),
            _ => spans.push(Span { text: out, strong }),
        }
    };
    let finish = |spans: &mut Vec<Span>, make: &dyn Fn(Vec<Span>) -> Block, blocks: &mut Vec<Block>| {
        let taken = std::mem::take(spans);
        let text: String = taken.iter().map(|s| s.text.as_str()).collect();
        let trimmed = text.trim();
        // A chart alone in its paragraph is the chart.
        if let Some(name) = trimmed.strip_prefix(OPEN).and_then(|t| t.strip_suffix(CLOSE))
            && let Some(kind) = ChartKind::from_name(name)
        {
            blocks.push(Block::Chart(kind));
            return;
        }
        let cleaned: Vec<Span> = taken
            .into_iter()
            .map(|s| Span { text: strip_chart_markers(&s.text), strong: s.strong })
            .filter(|s| !s.text.is_empty())
            .collect();
        if !cleaned.is_empty() {
            blocks.push(make(cleaned));
        }
    };
    let mut level = 0u8;
    for event in Parser::new_ext(&marked, links::options()) {
        match event {
            Event::Start(Tag::Heading { level: l, .. }) => level = l as u8,
            Event::End(TagEnd::Heading(_)) => finish(&mut spans, &|s| Block::Heading(level, s), &mut blocks),
            Event::End(TagEnd::Paragraph) => finish(&mut spans, &Block::Paragraph, &mut blocks),
            Event::End(TagEnd::Item) => finish(&mut spans, &Block::Item, &mut blocks),
            Event::Start(Tag::Strong) => strong += 1,
            Event::End(TagEnd::Strong) => strong = strong.saturating_sub(1),
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => push_text(&mut spans, &t, strong > 0),
            Event::SoftBreak | Event::HardBreak => {}
            _ => {}
        }
    }
    finish(&mut spans, &Block::Paragraph, &mut blocks);
    blocks
}

/// Text with any chart marker left inline removed (a chart inside a sentence is not drawn).
fn strip_chart_markers(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut inside = false;
    for c in text.chars() {
        match c {
            OPEN => inside = true,
            CLOSE => inside = false,
            c if !inside => out.push(c),
            _ => {}
        }
    }
    out
}

/// The text of every figure placeholder in `body`, by name, as `snapshot` gives it: what an
/// issued bulletin keeps.
pub fn figures_of(body: &str, snapshot: &Snapshot, content: &Content) -> std::collections::BTreeMap<String, String> {
    placeholders::scan(body)
        .into_iter()
        .filter_map(|f| match f.what {
            Ok(Placeholder::Figure(key)) => Some((key.to_string(), figure(snapshot, content, key))),
            _ => None,
        })
        .collect()
}

/// Markdown without placeholders (free pages).
pub fn plain(body: &str) -> String {
    to_html(body)
}

/// Markdown → HTML with raw HTML escaped and disallowed link and image targets dropped.
fn to_html(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() * 2);
    // For each open link or image: whether its start tag was dropped (its end goes too).
    let mut dropped: Vec<bool> = Vec::new();
    let events = Parser::new_ext(markdown, links::options()).filter_map(|event| match event {
        Event::Html(text) | Event::InlineHtml(text) => Some(Event::Text(text)),
        Event::Start(Tag::Link { ref dest_url, .. } | Tag::Image { ref dest_url, .. }) => {
            let allowed = links::is_allowed(dest_url);
            dropped.push(!allowed);
            allowed.then_some(event)
        }
        Event::End(TagEnd::Link | TagEnd::Image) => (!dropped.pop().unwrap_or(false)).then_some(event),
        other => Some(other),
    });
    html::push_html(&mut out, events);
    out
}

/// The words of `body` without markup or placeholders, in one line, cut after `max_chars`
/// characters: what search looks through (a phrase from a bulletin finds it).
pub fn plain_text(body: &str, max_chars: usize) -> String {
    let mut unplaced = String::with_capacity(body.len());
    let mut last = 0;
    for f in placeholders::scan(body) {
        unplaced.push_str(&body[last..f.range.start]);
        unplaced.push(' ');
        last = f.range.end;
    }
    unplaced.push_str(&body[last..]);
    let mut out = String::new();
    let mut chars = 0;
    for event in Parser::new_ext(&unplaced, links::options()) {
        let text = match event {
            Event::Text(t) | Event::Code(t) => t,
            // Inline markup ends inside a sentence; a block's end ends a sentence.
            Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link | TagEnd::Image) => continue,
            // A line break inside a Chinese sentence is no space (a phrase across it still matches).
            Event::SoftBreak if !out.ends_with(|c: char| c.is_ascii_alphanumeric()) => continue,
            Event::SoftBreak | Event::HardBreak | Event::End(_) => " ".into(),
            _ => continue,
        };
        for c in text.chars() {
            // One space for any run of blanks.
            let c = if c.is_whitespace() { ' ' } else { c };
            if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
                continue;
            }
            if chars == max_chars {
                return out.trim_end().to_string();
            }
            out.push(c);
            chars += 1;
        }
    }
    out.trim_end().to_string()
}

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_is_shown_as_text() {
        let html = plain("a <script>alert(1)</script> b\n\n<div>x</div>\n");
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(!html.contains("<div>"), "{html}");
    }

    #[test]
    fn script_links_and_images_keep_only_their_text() {
        let html = plain(
            "[点这里](javascript:alert(1)) [b](jav&#x61;script:x) <javascript:y> ![图](data:text/html,z) \
             [c][r] [好](https://example.org) [关于](../pages/about.html)\n\n[r]: JaVaScRiPt:w\n",
        );
        let lower = html.to_lowercase();
        assert!(!lower.contains("href=\"javascript") && !lower.contains("src=\"data"), "{html}");
        assert_eq!(html.matches("href=").count(), 2, "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("点这里") && html.contains("图"), "{html}");
        assert!(html.contains(r#"<a href="https://example.org">好</a>"#), "{html}");
        assert!(html.contains(r#"<a href="../pages/about.html">关于</a>"#), "{html}");
    }

    /// Figures numbered by the order they are asked for, charts as a fixed block.
    fn numbered(body: &str) -> String {
        let n = std::cell::Cell::new(0);
        render_with(
            body,
            &|key| {
                n.set(n.get() + 1);
                format!("{key}#{}", n.get())
            },
            &|_| "<figure>chart</figure>".to_string(),
        )
    }

    #[test]
    fn every_placeholder_gets_its_own_value_in_order() {
        let body = "{{ funds }} {{ projects }}\n".repeat(3000);
        let html = numbered(&body);
        // 6000 placeholders, asked in order: the i-th in the text shows the i-th value.
        let expected: String =
            (0..3000).map(|i| format!("funds#{} projects#{}", 2 * i + 1, 2 * i + 2)).collect::<Vec<_>>().join("\n");
        assert_eq!(html, format!("<p>{expected}</p>\n"));
    }

    #[test]
    fn a_chart_alone_replaces_its_paragraph_and_a_figure_alone_keeps_it() {
        let html = numbered("{{ chart funds-monthly }}\n\n{{ funds }}\n\n见 {{ chart funds-monthly }} 图\n");
        assert_eq!(html, "<figure>chart</figure>\n<p>funds#1</p>\n<p>见 <figure>chart</figure> 图</p>\n");
    }

    #[test]
    fn plain_text_keeps_the_words_only() {
        let body =
            "## 一、总体情况\n\n全县签约 {{ projects }} 个，**到位资金**增\n长。\n\n- [方法](../pages/method.html)\n- `代码`\n";
        assert_eq!(plain_text(body, 1000), "一、总体情况 全县签约 个，到位资金增长。 方法 代码");
        assert_eq!(plain_text(body, 6), "一、总体情况");
        assert_eq!(plain_text("", 10), "");
    }

    #[test]
    fn marker_characters_typed_by_a_clerk_stay_text() {
        // What a marker looks like inside, typed in the text: it must not pull in a value.
        let html = numbered("a \u{E000}0\u{E001} b {{ funds }}\n");
        assert_eq!(html, "<p>a \u{FFFD}0\u{FFFD} b funds#1</p>\n");
    }
}
