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
use crate::figures::format as fmt;

// Private-use characters mark where a placeholder goes, so Markdown never sees its value.
const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// Renders `body`; placeholders take their values from `snapshot`, charts are drawn by
/// `chart_html`.
pub fn render(body: &str, snapshot: &Snapshot, content: &Content, chart_html: &dyn Fn(&Chart) -> String) -> String {
    let found = placeholders::scan(body);
    let mut marked = String::with_capacity(body.len());
    let mut values: Vec<String> = Vec::new();
    let mut last = 0;
    for f in &found {
        marked.push_str(&body[last..f.range.start]);
        let value = match &f.what {
            Ok(Placeholder::Figure(key)) => escape(&figure(snapshot, content, key)),
            Ok(Placeholder::Chart(name)) => ChartKind::from_name(name).map(|k| chart_html(&k.draw(snapshot))).unwrap_or_default(),
            // `check` reports unknown names; should one reach here, show what was written.
            Err(_) => escape(&body[f.range.clone()]),
        };
        marked.push(OPEN);
        marked.push_str(&values.len().to_string());
        marked.push(CLOSE);
        values.push(value);
        last = f.range.end;
    }
    marked.push_str(&body[last..]);

    let mut out = to_html(&marked);

    // A chart alone in its paragraph replaces the paragraph; anything else goes inline.
    for (i, value) in values.iter().enumerate() {
        let marker = format!("{OPEN}{i}{CLOSE}");
        let alone = format!("<p>{marker}</p>");
        if out.contains(&alone) {
            out = out.replacen(&alone, value, 1);
        } else {
            out = out.replacen(&marker, value, 1);
        }
    }
    out
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

/// The display text of a figure placeholder, exactly as the tables show it.
pub fn figure(s: &Snapshot, content: &Content, key: &str) -> String {
    let h = &s.headline;
    let yi = |v| format!("{}亿元", fmt::yi(v));
    let count = |v| format!("{}个", fmt::count(v));
    let usd = |v| format!("{}万美元", fmt::amount(fmt::round(v, 2)));
    match key {
        "period" => period_label(s),
        "time_progress" => fmt::percent(s.time_progress.value),
        "projects" => count(h.projects.value),
        "projects.target" => h.projects.target.map_or("—".into(), count),
        "projects.completion" => fmt::percent(h.projects.completion.value),
        "projects.gap" => fmt::gap_text(h.projects.gap_points),
        "projects.yoy" => fmt::yoy_text(h.projects.yoy.value),
        "projects.month" => count(h.projects.this_month),
        "funds" => yi(h.funds.value),
        "funds.target" => h.funds.target.map_or("—".into(), yi),
        "funds.completion" => fmt::percent(h.funds.completion.value),
        "funds.gap" => fmt::gap_text(h.funds.gap_points),
        "funds.yoy" => fmt::yoy_text(h.funds.yoy.value),
        "funds.month" => yi(h.funds.this_month),
        "fdi" => usd(h.fdi.value),
        "fdi.target" => h.fdi.target.map_or("—".into(), usd),
        "fdi.completion" => fmt::percent(h.fdi.completion.value),
        "fdi.gap" => fmt::gap_text(h.fdi.gap_points),
        "fdi.yoy" => fmt::yoy_text(h.fdi.yoy.value),
        "fdi.month" => usd(h.fdi.this_month),
        "rates.fulfilment" => fmt::percent(s.rates.fulfilment.rate.value),
        "rates.funds" => fmt::percent(s.rates.funds.rate.value),
        "rates.start" => fmt::percent(s.rates.start.rate.value),
        "rates.production" => fmt::percent(s.rates.production.rate.value),
        "agreements.converted" => format!("{}个", s.agreements.converted),
        "squads.ok_rate" => fmt::percent(s.squads.rate.value),
        "squads.missed" => {
            let names: Vec<&str> = s
                .squads
                .missed
                .iter()
                .filter_map(|id| content.squads.iter().find(|q| &q.id == id).map(|q| q.name.as_str()))
                .collect();
            if names.is_empty() { "无".to_string() } else { names.join("、") }
        }
        "factories.rate" => fmt::percent(s.factories.rate_area.value),
        "meetings.closed_rate" => fmt::percent(s.meetings.closed_rate.value),
        _ => "—".to_string(),
    }
}

/// `1—10月`, or `1月` for January.
pub fn period_label(s: &Snapshot) -> String {
    if s.month.number() == 1 { "1月".to_string() } else { format!("1—{}月", s.month.number()) }
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
}
