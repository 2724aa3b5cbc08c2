//! A briefing's Markdown with live placeholders, rendered to HTML: never an `href`/`src` with a
//! scheme outside the allowed ones, never an unescaped `<script`, and `check` flags every link
//! the renderer drops.
#![no_main]

#[path = "common.rs"]
mod common;

use bulletin::content::links;
use bulletin::render::markdown;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let body = String::from_utf8_lossy(data);
    let html = markdown::render_with(&body, &|key| format!("<{key}>&\"'"), &|_| String::new());
    for url in common::link_targets(&html) {
        // The browser decodes character references in an attribute, once, before it reads the
        // scheme (decoding `&amp;` and then `&#x3A;` was this oracle's own bug).
        let decoded = common::decode_once(&url);
        assert!(links::is_allowed(&decoded), "{url} in {html}");
    }
    assert!(!html.to_ascii_lowercase().contains("<script"), "{html}");
    // Every unsafe target the parser sees is one `check` reports.
    for found in links::find(&body) {
        assert_eq!(found.allowed, links::is_allowed(&found.url));
    }
});
