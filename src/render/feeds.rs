//! `feed.xml` (an Atom feed of the bulletins) and `sitemap.xml`: both need the site's full
//! address, so they are written only when `site.yaml` gives `base_url`.

use crate::content::Content;
use crate::period::Month;
use crate::record::Archive;
use crate::render::markdown::{escape, plain_text};
use crate::{paths, render};

/// How much of a bulletin's text the feed carries as its summary.
const SUMMARY_CHARS: usize = 200;

/// One bulletin as the feed lists it.
struct Entry {
    month: Month,
    title: String,
    /// RFC 3339.
    updated: String,
    summary: String,
}

/// The bulletins of the site as of `month`, newest first: an issued one as its record holds it
/// (dated when it was issued), a draft from its briefing (dated by its 印发 date, else the
/// month's last day).
fn entries(c: &Content, archive: &Archive, months: &[Month]) -> Vec<Entry> {
    let mut list: Vec<Entry> = months
        .iter()
        .filter_map(|&month| {
            if let Some(r) = archive.records.get(&month) {
                let title = format!("第{}期 {}", r.issue, r.title);
                return Some(Entry { month, title, updated: r.recorded.clone(), summary: plain_text(&r.body, SUMMARY_CHARS) });
            }
            let b = c.briefings.iter().find(|b| b.period == month)?;
            let day = b.issued.unwrap_or_else(|| month.last_day());
            Some(Entry {
                month,
                title: format!("第{}期 {}", b.issue, b.title),
                updated: format!("{day}T00:00:00+08:00"),
                summary: plain_text(&b.body, SUMMARY_CHARS),
            })
        })
        .collect();
    list.sort_by_key(|e| std::cmp::Reverse(e.month));
    list
}

/// The Atom feed of the bulletins among `months` (those with a bulletin on the site).
pub fn atom(c: &Content, archive: &Archive, months: &[Month], base: &str) -> Vec<u8> {
    let entries = entries(c, archive, months);
    let updated = entries.iter().map(|e| e.updated.as_str()).max().unwrap_or("1970-01-01T00:00:00Z");
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    out.push_str(&format!("  <title>{}</title>\n", escape(&c.site.title)));
    out.push_str(&format!("  <id>{}</id>\n", escape(base)));
    out.push_str(&format!("  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n", escape(base)));
    out.push_str(&format!("  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}{}\"/>\n", escape(base), paths::FEED));
    out.push_str(&format!("  <author><name>{}</name></author>\n", escape(&c.site.issuer)));
    out.push_str(&format!("  <updated>{}</updated>\n", escape(updated)));
    for e in &entries {
        let url = format!("{base}{}", paths::bulletin(e.month));
        out.push_str("  <entry>\n");
        out.push_str(&format!("    <title>{}</title>\n", escape(&e.title)));
        out.push_str(&format!("    <id>{}</id>\n", escape(&url)));
        out.push_str(&format!("    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n", escape(&url)));
        out.push_str(&format!("    <updated>{}</updated>\n", escape(&e.updated)));
        out.push_str(&format!("    <summary>{}</summary>\n", escape(&e.summary)));
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out.into_bytes()
}

/// The sitemap: every page of the site (`html_paths`, relative to its root) at its full address.
pub fn sitemap(html_paths: &[String], base: &str) -> Vec<u8> {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for path in html_paths {
        out.push_str(&format!("  <url><loc>{}{}</loc></url>\n", escape(base), escape(path)));
    }
    out.push_str("</urlset>\n");
    out.into_bytes()
}

/// The pages of the site (what the sitemap lists), sorted.
pub fn html_paths(c: &Content, opts: render::Options) -> Vec<String> {
    let mut list: Vec<String> =
        render::jobs(c, opts.month).iter().flat_map(|job| job.paths(c, opts)).filter(|p| p.ends_with(".html")).collect();
    list.sort();
    list
}
