//! Where a build's time goes, phase by phase and page kind by page kind (issue 6; see
//! docs/performance.md). Runs the library's pipeline as `bulletin build` does, but one thread
//! at a time, so each figure is CPU time and adds up:
//!
//!     cargo run --release --example phases -- DIR [RUNS]
//!
//! prints the median over RUNS (default 3) of: load and validate, the figures of every month,
//! rendering by job kind (bulletins, workbooks, project pages, …) and writing to a tmpfs folder.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use bulletin::render::{self, Job, Options, Reload, theme};

fn kind(job: &Job) -> &'static str {
    match job {
        Job::Project(_) => "project pages",
        Job::Unit(_) => "unit pages",
        Job::Squad(_) => "squad pages",
        Job::Chain(_) | Job::Leader(_) => "chain and leader pages",
        Job::FreePage(_) | Job::PagesIndex => "free pages",
        Job::Dashboard => "dashboard",
        Job::Month(_) => unreachable!("timed part by part"),
        _ => "index pages, ledger, csv, search index",
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().expect("usage: phases CONTENT_DIR [RUNS]"));
    let runs: usize = args.next().map_or(3, |r| r.parse().expect("RUNS is a number"));
    // tmpfs where there is one: measure the program, not the disk.
    let shm = PathBuf::from("/dev/shm");
    let base = if shm.is_dir() { shm } else { std::env::temp_dir() };
    let out = base.join(format!("bulletin-phases-{}", std::process::id()));
    let mut samples: BTreeMap<String, Vec<Duration>> = BTreeMap::new();
    let mut record = |name: &str, d: Duration| samples.entry(name.to_string()).or_default().push(d);

    for _ in 0..runs {
        let t = Instant::now();
        let loaded = bulletin::rollup::load_any(&dir).expect("content folder");
        let content = loaded.content.expect("content without errors");
        record("1 load and validate", t.elapsed());

        let month = content.latest_period().expect("a briefing");
        let theme = theme::load(bulletin::site::site_root(&dir)).expect("theme");
        // The yearly running totals the snapshots share, counted with the figures.
        let t = Instant::now();
        let years = bulletin::figures::Years::new(&content, render::months(&content, month).iter().map(|m| m.year()));
        let years_time = t.elapsed();
        let archive = bulletin::record::Archive::empty();
        let site =
            render::Site::new(&content, &theme, Options { month, reload: Reload::Off, workbooks: true, pdfs: false }, &archive);
        let mut by_kind: BTreeMap<&str, Duration> = BTreeMap::new();
        let mut pages = Vec::new();
        let mut time = |kind: &'static str, f: &mut dyn FnMut() -> Vec<render::Page>| {
            let t = Instant::now();
            pages.extend(f());
            *by_kind.entry(kind).or_default() += t.elapsed();
        };
        for job in render::jobs(&content, month) {
            let Job::Month(m) = job else {
                time(kind(&job), &mut || site.render(&job).expect("renders"));
                continue;
            };
            // A month job, part by part: its snapshot, data, bulletin and workbook.
            let mut snapshot = None;
            time("2 figures of every month", &mut || {
                snapshot = Some(bulletin::figures::snapshot_with(&content, m, &years));
                Vec::new()
            });
            let s = snapshot.expect("computed");
            time("3 render: data/*.json", &mut || vec![site.data(&s)]);
            if let Some(b) = content.briefings.iter().find(|b| b.period == m) {
                // The month's tables are made once for the page, its CSV files and the workbook:
                // counted with the page.
                let mut tables = None;
                time("3 render: bulletin pages", &mut || {
                    let annex = bulletin::figures::annex::Annex::of(&content, m);
                    tables = Some(bulletin::report::MonthTables::of(&content, &s, &annex));
                    Vec::new()
                });
                let tables = tables.expect("made");
                time("3 render: bulletin pages", &mut || {
                    let changes = bulletin::record::changelog::of(&content, m, &archive, None);
                    vec![site.bulletin(b, &s, &tables, changes).expect("renders")]
                });
                time("3 render: table CSV files", &mut || {
                    tables
                        .all()
                        .iter()
                        .map(|t| render::Page {
                            path: t.csv.clone().expect("a month table has a CSV"),
                            bytes: bulletin::output::csv::table(t),
                        })
                        .collect()
                });
                time("3 render: bulletin workbooks (.xlsx)", &mut || {
                    vec![render::workbook(&content, &s, &tables).expect("renders")]
                });
            }
        }
        *by_kind.entry("2 figures of every month").or_default() += years_time;
        for (k, d) in by_kind {
            let name = if k.starts_with(char::is_numeric) { k.to_string() } else { format!("3 render: {k}") };
            record(&name, d);
        }
        let t = Instant::now();
        let _ = std::fs::remove_dir_all(&out);
        bulletin::write::atomically(&pages, &out).expect("writes");
        record("4 write", t.elapsed());
        let _ = std::fs::remove_dir_all(&out);
    }

    let median = |v: &mut Vec<Duration>| {
        v.sort();
        v[v.len() / 2]
    };
    let mut total = Duration::ZERO;
    println!("{:<48} {:>10}", "phase (one thread)", "median ms");
    for (name, v) in &mut samples {
        let m = median(v);
        total += m;
        println!("{:<48} {:>10.0}", name, m.as_secs_f64() * 1000.0);
    }
    println!("{:<48} {:>10.0}", "total", total.as_secs_f64() * 1000.0);
}
