//! Issue 18: `serve` keeps each project file's decoded record between saves
//! (`content::load::DecodeCache`). Whatever the edits, a read that reuses it must find exactly
//! what a first read of the same files finds: the same problems at the same files and lines,
//! and the same figures.

use std::path::PathBuf;

use bulletin::content::load::{DecodeCache, from_files, from_files_with, read_folder};
use bulletin::content::{Content, Loaded};
use bulletin::diagnostics::{Lang, render};

type Files = Vec<(String, std::io::Result<Vec<u8>>)>;

fn copy(files: &Files) -> Files {
    files.iter().map(|(path, bytes)| (path.clone(), Ok(bytes.as_ref().expect("the sample reads").clone()))).collect()
}

/// What a read found, as a clerk and the figures would see it.
fn seen(loaded: &Loaded) -> (Vec<String>, Option<String>) {
    let problems = loaded.diagnostics.0.iter().map(|d| render::text(d, &loaded.sources, Lang::En, false)).collect();
    let figures = loaded.content.as_ref().map(|c: &Content| {
        let month = c.latest_period().expect("a briefing");
        serde_json::to_string(&bulletin::figures::snapshot(c, month)).expect("serializes")
    });
    (problems, figures)
}

fn edit(files: &mut Files, path: &str, f: impl Fn(&str) -> String) {
    let (_, bytes) = files.iter_mut().find(|(p, _)| p == path).unwrap_or_else(|| panic!("{path}"));
    let text = String::from_utf8(bytes.as_ref().unwrap().clone()).unwrap();
    *bytes = Ok(f(&text).into_bytes());
}

#[test]
fn a_read_reusing_the_decoded_projects_finds_what_a_first_read_finds() {
    let sample = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("content");
    let mut files = read_folder(&sample).expect("the sample reads");
    let cache = DecodeCache::default();
    let check = |files: &Files, what: &str| {
        let cached = seen(&from_files_with(copy(files), Some(&cache)));
        let first = seen(&from_files(copy(files)));
        assert_eq!(cached, first, "{what}");
        cached
    };
    let (problems, figures) = check(&files, "the sample");
    assert!(problems.is_empty() && figures.is_some(), "{problems:?}");

    // A unit the projects refer to is renamed: every project naming it is now wrong, though
    // none of their files changed.
    edit(&mut files, "units.yaml", |t| t.replacen("id: nongye", "id: nongye2", 1));
    let (problems, _) = check(&files, "a unit renamed");
    assert!(problems.iter().any(|p| p.contains("p2025-002.yaml") && p.contains("nongye")), "{problems:?}");
    edit(&mut files, "units.yaml", |t| t.replacen("id: nongye2", "id: nongye", 1));
    check(&files, "the unit back");

    // A file sorting before every project shifts every file's place in the list: the problems
    // kept from last time must still point at their own files and lines.
    edit(&mut files, "projects/p2025-002.yaml", |t| t.replacen("contract_amount:", "contract_amount: 十\nx_amount:", 1));
    let early = std::fs::read(sample.join("projects/p2025-003.yaml")).unwrap();
    files.push(("projects/a-first.yaml".to_string(), Ok(early)));
    let (problems, _) = check(&files, "a file added before the others, one project broken");
    assert!(problems.iter().any(|p| p.contains("p2025-002.yaml")), "{problems:?}");
    files.retain(|(path, _)| path != "projects/a-first.yaml");
    check(&files, "the file removed again");

    // An amount changed: the figures follow.
    edit(&mut files, "projects/p2025-002.yaml", |t| t.replacen("contract_amount: 十\nx_amount:", "contract_amount:", 1));
    let (_, before) = check(&files, "the project mended");
    let funds_line =
        String::from_utf8(files.iter().find(|(p, _)| p == "projects/p2025-002.yaml").unwrap().1.as_ref().unwrap().clone())
            .unwrap();
    let amount = funds_line.lines().find(|l| l.trim_start().starts_with("amount:")).expect("a fund entry").to_string();
    edit(&mut files, "projects/p2025-002.yaml", |t| t.replacen(&amount, &format!("{amount}1"), 1));
    let (_, after) = check(&files, "an amount changed");
    assert_ne!(before, after, "the figures changed with the amount");
}
