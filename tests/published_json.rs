//! The published `data/<YYYY-MM>.json` is a contract with other systems: its bytes must not
//! change when the code behind it does. `tests/fixtures/published/` holds the files the
//! sample built before the snapshot was typed (issue 12); this build must give the same bytes.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Mutex;

use bulletin::render::Reload;
use bulletin::site;

#[test]
fn the_published_json_is_byte_identical_to_the_committed_copies() {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let wanted = ["2026-10", "2026-03", "2025-12"];
    let got = Mutex::new(BTreeMap::new());
    site::build(&repo.join("content"), None, Reload::Off, &|page| {
        if let Some(month) = page.path.strip_prefix("data/").and_then(|p| p.strip_suffix(".json"))
            && wanted.contains(&month)
        {
            got.lock().unwrap().insert(month.to_string(), page.bytes);
        }
        Ok(())
    })
    .unwrap_or_else(|_| panic!("the sample builds"));
    let got = got.into_inner().unwrap();
    for month in wanted {
        let fixture = std::fs::read(repo.join(format!("tests/fixtures/published/{month}.json"))).unwrap();
        let built = got.get(month).unwrap_or_else(|| panic!("data/{month}.json was not built"));
        if *built != fixture {
            let at = built.iter().zip(&fixture).position(|(a, b)| a != b).unwrap_or(built.len().min(fixture.len()));
            let show = |b: &[u8]| String::from_utf8_lossy(&b[at.saturating_sub(80)..(at + 80).min(b.len())]).into_owned();
            panic!("data/{month}.json differs at byte {at}:\n built: …{}…\n fixture: …{}…", show(built), show(&fixture));
        }
    }
}

/// An issued bulletin keeps its snapshot in this form and draws its charts from it again: the
/// JSON must read back into the same figures, to the last digit (no trip through f64).
#[test]
fn the_published_json_reads_back_into_the_same_snapshot() {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    for month in ["2026-10", "2026-03", "2025-12"] {
        let fixture = std::fs::read(repo.join(format!("tests/fixtures/published/{month}.json"))).unwrap();
        let snapshot: bulletin::figures::Snapshot = serde_json::from_slice(&fixture).unwrap();
        let again = bulletin::render::data::snapshot_json(&snapshot);
        assert!(again == fixture, "data/{month}.json does not survive a round trip");
    }
}
