//! The Excel import on arbitrary workbook bytes: the reader's limits hold (no unbounded
//! allocation: libFuzzer's -rss_limit_mb catches one), and a plan only ever names files inside
//! `projects/` with a safe id.
#![no_main]

#[path = "common.rs"]
mod common;

use std::sync::OnceLock;

use bulletin::content::{self, Content};
use bulletin::excel::{import, mapping::Mapping};
use libfuzzer_sys::fuzz_target;

fn county() -> &'static (Content, Vec<(String, Vec<u8>)>) {
    static COUNTY: OnceLock<(Content, Vec<(String, Vec<u8>)>)> = OnceLock::new();
    COUNTY.get_or_init(|| {
        let files = common::county(("pages/x.md", b"---\ntitle: x\n---\nx\n"));
        let bytes: Vec<(String, Vec<u8>)> = files.iter().map(|(p, b)| (p.clone(), b.as_ref().unwrap().clone())).collect();
        let content = content::from_files(files).content.expect("the county loads");
        (content, bytes)
    })
}

fuzz_target!(|data: &[u8]| common::one_thread(|| run(data)));

fn run(data: &[u8]) {
    // As `main` does: a panic of the workbook reader is a "damaged workbook" error. Installed
    // over libFuzzer's own hook, which still aborts on any other panic.
    static QUIET: std::sync::Once = std::sync::Once::new();
    QUIET.call_once(import::quiet_reader_panics);
    let Ok(sheets) = import::read_sheets(data.to_vec()) else { return };
    for (_, range) in &sheets {
        let (rows, cols) = range.get_size();
        assert!(rows as u64 * cols as u64 <= import::MAX_CELLS.max(65_536 * 256), "{rows} × {cols}");
    }
    let Ok((i, header)) = import::choose_sheet(&sheets, None, &Mapping::builtin()) else { return };
    let (content, files) = county();
    let (name, range) = &sheets[i];
    let plan = import::plan(content, files, name, range, &header, "台账.xlsx");
    for row in &plan.rows {
        if let import::Outcome::New { path, .. } | import::Outcome::Changed { path, .. } = &row.outcome {
            let stem = path.strip_prefix("projects/").and_then(|p| p.strip_suffix(".yaml"));
            assert!(stem.is_some_and(bulletin::content::fields::is_safe_id), "writes {path}");
        }
    }
}
