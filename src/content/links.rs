//! Which link targets content may hold: relative paths, `#` anchors, `http:`, `https:` and
//! `mailto:`. Anything else (`javascript:`, `data:`, `vbscript:`, `file:` …) could run a script
//! or reach outside the intranet, so `check` rejects it and the renderer never writes it.
//!
//! The scheme is read the way a browser reads it (WHATWG URL): leading and trailing spaces and
//! control characters are ignored, tabs and line breaks inside are dropped, letters are
//! compared without case. Character references (`jav&#x61;script:`) are already decoded by
//! the Markdown parser before a destination reaches here.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag};

/// The schemes a link or image may use; a URL without a scheme (relative, `#…`) is allowed.
pub const ALLOWED_SCHEMES: &[&str] = &["http", "https", "mailto"];

/// Whether a browser would open `url` as a relative link or with an allowed scheme.
pub fn is_allowed(url: &str) -> bool {
    match scheme(url) {
        None => true,
        Some(s) => ALLOWED_SCHEMES.iter().any(|a| a.eq_ignore_ascii_case(&s)),
    }
}

/// The scheme a browser would see in `url`, lower-cased; `None` for a relative URL.
pub fn scheme(url: &str) -> Option<String> {
    let trimmed = url.trim_matches(|c: char| c <= ' ');
    let mut scheme = String::new();
    for c in trimmed.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')) {
        match c {
            ':' => return (!scheme.is_empty()).then_some(scheme),
            c if c.is_ascii_alphabetic() => scheme.push(c.to_ascii_lowercase()),
            c if !scheme.is_empty() && (c.is_ascii_digit() || matches!(c, '+' | '-' | '.')) => scheme.push(c),
            _ => return None,
        }
    }
    None
}

/// A link or image in Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// Byte range of the whole link or image in the text.
    pub range: Range<usize>,
    /// The target as the browser would get it (character references decoded).
    pub url: String,
    pub image: bool,
    /// Whether [`is_allowed`] lets it through.
    pub allowed: bool,
}

/// Every link and image of a Markdown text, with where it is.
pub fn find(markdown: &str) -> Vec<Target> {
    let mut found = Vec::new();
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        if let Event::Start(tag) = event {
            let (url, image) = match tag {
                Tag::Link { dest_url, .. } => (dest_url, false),
                Tag::Image { dest_url, .. } => (dest_url, true),
                _ => continue,
            };
            found.push(Target { range, allowed: is_allowed(&url), url: url.into_string(), image });
        }
    }
    found
}

/// The links and images of a Markdown text whose target is not allowed.
pub fn find_unsafe(markdown: &str) -> Vec<Target> {
    find(markdown).into_iter().filter(|t| !t.allowed).collect()
}

/// The Markdown extensions the site renders with, so checking and rendering see the same links.
pub fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes_are_read_as_a_browser_reads_them() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " \u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "data:text/html,<script>",
            "vbscript:x",
            "file:///etc/passwd",
            "c:/windows",
        ] {
            assert!(!is_allowed(bad), "{bad:?} must be refused");
        }
        for good in [
            "https://example.org/a?b=c:d",
            "HTTP://example.org",
            "mailto:zsb@example.org",
            "../index.html",
            "pages/about.html",
            "#top",
            "",
            "?q=1",
            "a/b:c",
            "//example.org/x",
        ] {
            assert!(is_allowed(good), "{good:?} must be allowed");
        }
        assert_eq!(scheme("  JavaScript:x").as_deref(), Some("javascript"));
        assert_eq!(scheme("./a:b"), None);
    }

    #[test]
    fn every_markdown_form_of_a_script_link_is_found() {
        let text = "[a](javascript:alert(1)) [b](jav&#x61;script:alert(1)) [c][r] <javascript:alert(3)>\n\
                    ![i](data:text/html,x) [ok](https://a.org) [ok2](../x.html)\n\n[r]: JAVASCRIPT:alert(2)\n";
        let found = find_unsafe(text);
        let urls: Vec<&str> = found.iter().map(|u| u.url.as_str()).collect();
        assert_eq!(
            urls,
            ["javascript:alert(1)", "javascript:alert(1)", "JAVASCRIPT:alert(2)", "javascript:alert(3)", "data:text/html,x"]
        );
        assert!(found[4].image);
        assert_eq!(&text[found[0].range.clone()], "[a](javascript:alert(1))");
    }
}
