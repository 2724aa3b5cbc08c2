//! The content generator (`examples/gen-content.rs`, logic in `examples/gen_content/`) writes
//! folders that load with no error at every size, the same bytes for the same options, and
//! plain-page sites that build.

#[path = "../examples/gen_content/mod.rs"]
mod gen_content;

use std::fs;
use std::path::Path;
use std::process::Command;

use gen_content::{Options, generate, generate_plain};

mod common;
use common::files;

/// Loads `dir` and panics with the first errors if there are any.
fn load_clean(dir: &Path) -> bulletin::content::Content {
    let loaded = bulletin::content::load(dir).expect("the folder reads");
    let errors: Vec<String> = loaded.diagnostics.errors().take(5).map(|d| format!("{d:?}")).collect();
    assert!(errors.is_empty(), "{} has errors:\n{}", dir.display(), errors.join("\n"));
    loaded.content.expect("no errors, so content")
}

#[test]
fn every_size_loads_without_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let mut sizes = [
        (Options::new(50, 1), 10),
        (Options { pages: 5, last_month: 12, ..Options::new(300, 3) }, 36),
        (Options::new(0, 2), 22),
        (Options { units: Some(2), squads: Some(1), leaders: Some(1), ..Options::new(120, 2) }, 22),
    ];
    sizes[0].0.seed = 7;
    for (i, (opts, months)) in sizes.iter().enumerate() {
        let dir = tmp.path().join(format!("c{i}"));
        let summary = generate(opts, &dir).unwrap();
        let content = load_clean(&dir);
        assert_eq!(content.projects.len(), opts.projects, "{opts:?}");
        assert_eq!(content.briefings.len(), *months, "a briefing for every month: {opts:?}");
        assert_eq!(content.targets.len(), opts.years as usize, "targets for every year: {opts:?}");
        assert_eq!(content.pages.len(), opts.pages + 1);
        assert_eq!(summary.projects, opts.projects);
        assert_eq!(content.squads.len(), summary.squads);
        assert!(content.squads.iter().all(|s| !s.trips.is_empty()), "every squad travels");
        if opts.projects > 0 {
            assert!(content.projects.iter().any(|p| !p.funds.is_empty()), "some funds arrive");
            assert!(!content.meetings.is_empty(), "meetings every year");
            assert!(content.parks.iter().flat_map(|p| &p.buildings).any(|b| b.project.is_some()), "a factory is let");
        }
        // The unit shares add up to the county's targets: no `target-split` warning.
        let last = content.latest_period().unwrap();
        let warnings = bulletin::figures::warnings::data_quality(&content, last);
        assert!(warnings.iter().all(|w| w.code != "target-split"), "{:?}", warnings.iter().find(|w| w.code == "target-split"));
    }
}

#[test]
fn check_passes_on_generated_content() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("content");
    generate(&Options { pages: 2, ..Options::new(200, 2) }, &dir).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_bulletin")).arg("check").arg("--content").arg(&dir).output().unwrap();
    assert!(out.status.success(), "bulletin check failed:\n{}", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn the_same_options_give_the_same_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    let opts = Options { pages: 3, ..Options::new(150, 2) };
    generate(&opts, &tmp.path().join("a")).unwrap();
    generate(&opts, &tmp.path().join("b")).unwrap();
    generate(&Options { seed: 99, ..opts.clone() }, &tmp.path().join("c")).unwrap();
    let a = files(&tmp.path().join("a"));
    assert_eq!(a, files(&tmp.path().join("b")));
    assert_ne!(a, files(&tmp.path().join("c")), "another seed gives other content");
}

#[test]
fn refuses_a_folder_that_is_not_empty() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("keep.txt"), "mine").unwrap();
    assert!(generate(&Options::new(10, 1), tmp.path()).is_err());
    assert!(generate_plain(3, 1, tmp.path(), None).is_err());
    assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 1, "nothing written");
}

#[test]
fn plain_page_sites_load_and_match_hugo_pages() {
    let tmp = tempfile::tempdir().unwrap();
    let (ours, hugo) = (tmp.path().join("ours"), tmp.path().join("hugo"));
    generate_plain(25, 1, &ours, Some(&hugo)).unwrap();
    let content = load_clean(&ours);
    assert_eq!(content.pages.len(), 25);
    assert!(content.projects.is_empty());
    let hugo_pages = fs::read_dir(hugo.join("content/pages")).unwrap().count();
    assert_eq!(hugo_pages, 25 + 1, "the same pages and the section's _index.md");
    assert!(hugo.join("layouts/_default/single.html").is_file());
    // An empty site (the start-up benchmark) loads too.
    generate_plain(0, 1, &tmp.path().join("empty"), None).unwrap();
    load_clean(&tmp.path().join("empty"));
}
