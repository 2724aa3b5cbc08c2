//! Markdown files with YAML front matter: `briefings/<YYYY-MM>.md` and `pages/<name>.md`.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use crate::content::fields::{Decoder, Fields, Optional, Required};
use crate::content::model::{Briefing, Page, YearTargets};
use crate::content::yaml::{self, Node};
use crate::content::{links, placeholders, problems};
use crate::period::Month;

/// Where the front matter and the body are in a Markdown file.
pub struct Parts {
    pub front: Range<usize>,
    pub body: Range<usize>,
}

/// Splits `---\n…\n---\n body`; `None` when the file does not start with a `---` line.
pub fn split(text: &str) -> Option<Parts> {
    let first_end = text.find('\n')?;
    if text[..first_end].trim_end() != "---" {
        return None;
    }
    let front_start = first_end + 1;
    let mut offset = front_start;
    for line in text[front_start..].split_inclusive('\n') {
        if line.trim_end() == "---" {
            return Some(Parts { front: front_start..offset, body: offset + line.len()..text.len() });
        }
        offset += line.len();
    }
    None
}

/// Reports every `{{ … }}` in the body that names no figure or chart, and charts past
/// [`placeholders::MAX_CHARTS`] (each is drawn in full: a body of thousands would make a page
/// of hundreds of megabytes).
fn check_placeholders(d: &mut Decoder, body: Range<usize>) {
    let mut charts = 0;
    for found in placeholders::scan(&d.src.text()[body.clone()]) {
        let span = crate::source::Span::new(body.start + found.range.start..body.start + found.range.end);
        match &found.what {
            Err(unknown) => d.report(problems::unknown_placeholder(unknown), Some(span)),
            Ok(placeholders::Placeholder::Chart(_)) => {
                charts += 1;
                if charts == placeholders::MAX_CHARTS + 1 {
                    d.report(problems::too_many_charts(), Some(span));
                }
            }
            Ok(_) => {}
        }
    }
}

/// Reports every link or image whose target could run a script (`javascript:`, `data:` …), and
/// warns of pictures from outside the site, which an intranet without internet cannot show.
fn check_links(d: &mut Decoder, body: Range<usize>) {
    for found in links::find(&d.src.text()[body.clone()]) {
        let span = crate::source::Span::new(body.start + found.range.start..body.start + found.range.end);
        if !found.allowed {
            d.report(problems::unsafe_link(&found.url, found.image), Some(span));
        } else if found.image && links::scheme(&found.url).is_some() {
            d.report(problems::external_image(&found.url), Some(span));
        }
    }
}

/// Parses the front matter, reporting syntax problems; `None` if it is missing or unreadable.
fn front_matter(d: &mut Decoder) -> Option<(Node, Parts)> {
    let Some(parts) = split(d.src.text()) else {
        d.report(problems::missing_front_matter(), Some(crate::source::Span { start: 0, end: 0 }));
        return None;
    };
    match yaml::parse_region(d.src, parts.front.clone()) {
        Ok(Some(node)) => Some((node, parts)),
        Ok(None) => {
            let empty = crate::content::yaml::Node {
                span: crate::source::Span::new(parts.front.clone()),
                kind: crate::content::yaml::NodeKind::Map(Vec::new()),
            };
            Some((empty, parts))
        }
        Err(errors) => {
            super::report_syntax(d, errors);
            None
        }
    }
}

/// Reads a briefing; `targets` are the years with targets, `issues` the issue numbers used so
/// far (by year), to catch a number used twice.
pub fn briefing(
    d: &mut Decoder,
    period: Month,
    targets: &BTreeMap<i32, YearTargets>,
    issues: &mut HashMap<(i32, u32), Month>,
) -> Option<Briefing> {
    let (node, parts) = front_matter(d)?;
    let mut f = Fields::of(d, &node, "")?;
    if let Some(written) = f.month(d, "period", Optional)
        && written != period
    {
        d.report(problems::mismatch("period", &written.to_string(), &period.to_string()), f.span_of("period"));
    }
    let issue = f.count(d, "issue", Required, 1..=9_999);
    let title = f.text(d, "title", Required);
    let issued = f.date(d, "issued", Optional);
    let (report_to, send_to, distribute_to) = match f.nested(d, "recipients", Optional) {
        Some(mut r) => {
            let lists = (r.texts(d, "report_to"), r.texts(d, "send_to"), r.texts(d, "distribute_to"));
            r.finish(d);
            lists
        }
        None => Default::default(),
    };
    let copies = f.count(d, "copies", Optional, 1..=100_000);
    let origin = d.origin(node.span);
    check_placeholders(d, parts.body.clone());
    check_links(d, parts.body.clone());
    if !targets.contains_key(&period.year()) {
        d.report(problems::no_targets(period.year()), Some(crate::source::Span { start: 0, end: 3 }));
    }
    if let Some(issue) = issue
        && let Some(first) = issues.insert((period.year(), issue), period)
    {
        d.report(problems::duplicate_issue(issue, &first.to_string()), f.span_of("issue"));
    }
    f.finish(d);
    Some(Briefing {
        period,
        issue: issue?,
        title: title?,
        issued,
        report_to,
        send_to,
        distribute_to,
        copies,
        body: d.src.text()[parts.body.clone()].to_string(),
        body_offset: parts.body.start as u32,
        origin,
    })
}

pub fn page(d: &mut Decoder, id: &str) -> Option<Page> {
    let (node, parts) = front_matter(d)?;
    let mut f = Fields::of(d, &node, "")?;
    let title = f.text(d, "title", Required);
    let order = f.count(d, "order", Optional, 0..=1_000_000).unwrap_or(100);
    let origin = d.origin(node.span);
    check_placeholders(d, parts.body.clone());
    check_links(d, parts.body.clone());
    f.finish(d);
    Some(Page {
        id: id.to_string(),
        title: title?,
        order: i64::from(order),
        body: d.src.text()[parts.body.clone()].to_string(),
        body_offset: parts.body.start as u32,
        origin,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_body() {
        let text = "---\nissue: 3\n---\n正文\n";
        let parts = split(text).unwrap();
        assert_eq!(&text[parts.front], "issue: 3\n");
        assert_eq!(&text[parts.body], "正文\n");
        assert!(split("issue: 3\n---\n").is_none());
        assert!(split("---\nissue: 3\n").is_none());
        let crlf = "---\r\nissue: 3\r\n---\r\nbody";
        assert_eq!(&crlf[split(crlf).unwrap().body], "body");
    }
}
