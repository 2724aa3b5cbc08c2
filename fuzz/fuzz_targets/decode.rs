//! Decoding one content file into the model with all its problems: a project, a squad, a
//! targets file, site.yaml, a briefing, units.yaml or a correction note, fuzzed, in a county
//! that is otherwise clean. Either the content loads (and then has no error), or at least one
//! error names a file; every span lies inside its file; every message renders.
#![no_main]

#[path = "common.rs"]
mod common;

use bulletin::content;
use bulletin::diagnostics::{Lang, render};
use libfuzzer_sys::fuzz_target;

const PLACES: [&str; 7] = [
    "projects/p1.yaml",
    "squads/s1.yaml",
    "targets/2026.yaml",
    "site.yaml",
    "briefings/2026-03.md",
    "units.yaml",
    "corrections/2026-04-01.yaml",
];

fuzz_target!(|data: &[u8]| common::one_thread(|| run(data)));

fn run(data: &[u8]) {
    let Some((&which, text)) = data.split_first() else { return };
    let place = PLACES[which as usize % PLACES.len()];
    let loaded = content::from_files(common::county((place, text)));
    let has_errors = loaded.diagnostics.has_errors();
    assert_eq!(loaded.content.is_some(), !has_errors, "content must be given exactly when there is no error");
    if has_errors {
        assert!(loaded.diagnostics.errors().any(|d| d.file.is_some()), "no error names its file");
    }
    for d in &loaded.diagnostics.0 {
        if let (Some(file), Some(span)) = (d.file, d.span) {
            let src = loaded.sources.get(file);
            assert!(span.start <= span.end && span.end as usize <= src.text().len(), "{}: span outside {}", d.code, src.path);
        }
        let text = render::text(d, &loaded.sources, Lang::Zh, false);
        assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "a control character reaches the terminal");
    }
    let _ = render::json(&loaded.diagnostics.0, &loaded.sources, Lang::En);
}
