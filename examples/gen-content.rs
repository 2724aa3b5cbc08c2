//! Writes a valid, deterministic content folder at any scale, for benchmarks and tests.
//!
//! ```sh
//! # 10 000 projects over 10 years (2017–2026, data through October 2026), into an empty folder:
//! cargo run --release --example gen-content -- --projects 10000 --years 10 --out /dev/shm/c10k
//! # … with 120 full months of bulletins and 500 extra Markdown pages:
//! cargo run --release --example gen-content -- --projects 10000 --years 10 --last-month 12 --pages 500 --out DIR
//! # A minimal site whose bulk is N plain Markdown pages, and the same pages as a Hugo site:
//! cargo run --release --example gen-content -- --plain-pages 1000 --out DIR --hugo-out DIR-hugo
//! # Time the figures of every month (load once, then one snapshot per month):
//! cargo run --release --example gen-content -- --time-figures DIR
//! # The same content as a git repository whose history builds it up month by month
//! # (10 commits a month by four clerks, with corrections), and the time to read that history:
//! cargo run --release --example gen-content -- --projects 10000 --years 10 --git --out DIR
//! cargo run --release --example gen-content -- --time-history DIR
//! # A province of 10 cities of 10 counties with 500 projects each (50 000 projects), as
//! # roll-ups over the counties' own folders (docs/rollup.md):
//! cargo run --release --example gen-content -- --province 10x10 --projects 500 --out DIR
//! ```
//!
//! The logic is in `examples/gen_content/` (std + chrono only), shared with
//! `tests/generated_content.rs`. See `docs/performance.md`.

#[path = "gen_content/mod.rs"]
mod gen_content;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;
use rayon::prelude::*;

use gen_content::history::GitOptions;
use gen_content::{Options, generate, generate_plain, generate_with_history};

#[derive(Parser, Debug)]
#[command(name = "gen-content", about = "Generate a valid, deterministic bulletin content folder of any size")]
struct Args {
    /// Number of projects
    #[arg(long, default_value_t = 1000)]
    projects: usize,
    /// Years of data, ending in --last-year
    #[arg(long, default_value_t = 10)]
    years: u32,
    /// The last year of data
    #[arg(long, default_value_t = 2026)]
    last_year: i32,
    /// Data and briefings run through this month of the last year (the sample stops in October)
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=12))]
    last_month: u32,
    /// Extra plain Markdown pages (pages/note-NNNNN.md), besides pages/about.md
    #[arg(long, default_value_t = 0)]
    pages: usize,
    /// Units, half 镇办 and half 部门 [default: 25 + projects/100]
    #[arg(long)]
    units: Option<usize>,
    /// Squads [default: 12 + projects/250]
    #[arg(long)]
    squads: Option<usize>,
    /// County leaders [default: 6 + units/10]
    #[arg(long)]
    leaders: Option<usize>,
    /// Seed of the generator: the same seed and sizes give byte-identical output
    #[arg(long, default_value_t = 2026)]
    seed: u64,
    /// Instead of a full site: a minimal site whose bulk is N plain Markdown pages
    #[arg(long, value_name = "N")]
    plain_pages: Option<usize>,
    /// With --plain-pages: also write the same pages as a Hugo site here
    #[arg(long, value_name = "DIR", requires = "plain_pages")]
    hugo_out: Option<PathBuf>,
    /// Also make the folder a git repository whose history builds the content up month by month
    /// (several commits a month by four clerks, and corrections of earlier months)
    #[arg(long, conflicts_with = "plain_pages")]
    git: bool,
    /// With --git: commits a month (the project ledger's commits by unit fill what the squads,
    /// meetings, briefing and targets leave), plus one per correction
    #[arg(long, value_name = "N", default_value_t = 10, requires = "git", value_parser = clap::value_parser!(u32).range(1..=1000))]
    git_commits_per_month: u32,
    /// The content folder to write (must not exist, or be empty)
    /// Instead of one county: a province of CITIES city roll-ups of COUNTIES counties each
    /// (`--province 10x10`), every county with --projects projects (see docs/rollup.md)
    #[arg(long, value_name = "CITIESxCOUNTIES", conflicts_with_all = ["plain_pages", "git"])]
    province: Option<String>,
    #[arg(long, value_name = "DIR", required_unless_present_any = ["time_figures", "time_history"])]
    out: Option<PathBuf>,
    /// Instead of generating: load DIR and time the figures of every month (as `build` does)
    #[arg(long, value_name = "DIR", conflicts_with_all = ["out", "time_history"])]
    time_figures: Option<PathBuf>,
    /// Instead of generating: time reading the git history of the content folder DIR
    /// (`bulletin::record::git::History::read`)
    #[arg(long, value_name = "DIR", conflicts_with = "out")]
    time_history: Option<PathBuf>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    if let Some(dir) = &args.time_figures {
        return time_figures(dir);
    }
    if let Some(dir) = &args.time_history {
        return time_history(dir);
    }
    let out = args.out.as_ref().expect("clap requires --out");
    let started = Instant::now();
    let result = match args.plain_pages {
        Some(n) => generate_plain(n, args.seed, out, args.hugo_out.as_deref()),
        None => {
            let mut opts = Options::new(args.projects, args.years);
            opts.last_year = args.last_year;
            opts.last_month = args.last_month;
            opts.pages = args.pages;
            opts.units = args.units;
            opts.squads = args.squads;
            opts.leaders = args.leaders;
            opts.seed = args.seed;
            if opts.years == 0 {
                eprintln!("gen-content: --years must be at least 1");
                return ExitCode::from(2);
            }
            if let Some(shape) = &args.province {
                let Some((cities, counties)) = shape.split_once('x').and_then(|(a, b)| Some((a.parse().ok()?, b.parse().ok()?)))
                else {
                    eprintln!("gen-content: --province takes CITIESxCOUNTIES, e.g. 10x10");
                    return ExitCode::from(2);
                };
                gen_content::province::generate_province(&opts, cities, counties, out)
            } else if args.git {
                let git = GitOptions { commits_per_month: args.git_commits_per_month as usize };
                generate_with_history(&opts, out, &git).map(|(summary, made)| {
                    eprintln!(
                        "gen-content: git history of {} months: {} commits ({} corrections), {} file versions, in {} ms ({} ms of it packing)",
                        made.months,
                        made.commits,
                        made.corrections.len(),
                        made.file_versions,
                        made.millis,
                        made.pack_millis
                    );
                    summary
                })
            } else {
                generate(&opts, out)
            }
        }
    };
    match result {
        Ok(s) => {
            eprintln!(
                "gen-content: {} files, {:.1} MiB in {} ({} projects, {} fund entries, {} units, {} squads, {} trips, {} buildings, {} meetings, {} briefings, {} pages) in {} ms",
                s.files,
                s.bytes as f64 / 1048576.0,
                out.display(),
                s.projects,
                s.fund_entries,
                s.units,
                s.squads,
                s.trips,
                s.buildings,
                s.meetings,
                s.briefings,
                s.pages,
                started.elapsed().as_millis()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen-content: {e}");
            ExitCode::from(2)
        }
    }
}

/// Loads `dir`, then computes the snapshot of every month the site has (as `bulletin build`
/// does), in parallel as the build does and then one after another. Prints one line of
/// `key=value` timings in milliseconds, for bench/run.sh.
fn time_figures(dir: &std::path::Path) -> ExitCode {
    let t0 = Instant::now();
    let loaded = match bulletin::content::load(dir) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("gen-content: {e}");
            return ExitCode::from(2);
        }
    };
    let Some(content) = loaded.content else {
        eprintln!("gen-content: {} has errors; run bulletin check", dir.display());
        return ExitCode::from(1);
    };
    let load_ms = t0.elapsed().as_secs_f64() * 1e3;
    let Some(last) = content.latest_period() else {
        eprintln!("gen-content: no briefing, so no month");
        return ExitCode::from(1);
    };
    let months = bulletin::render::months(&content, last);
    // As `build` does: the years' running totals once, shared by the months' snapshots.
    let years = |parallel: bool| {
        let years = months.iter().map(|m| m.year());
        if parallel {
            bulletin::figures::Years::new(&content, years)
        } else {
            rayon::ThreadPoolBuilder::new()
                .num_threads(1)
                .build()
                .expect("a pool")
                .install(|| bulletin::figures::Years::new(&content, years))
        }
    };
    let t1 = Instant::now();
    let shared = years(true);
    let par: Vec<_> = months.par_iter().map(|m| bulletin::figures::snapshot_with(&content, *m, &shared)).collect();
    let par_ms = t1.elapsed().as_secs_f64() * 1e3;
    let t2 = Instant::now();
    let shared = years(false);
    let seq: Vec<_> = months.iter().map(|m| bulletin::figures::snapshot_with(&content, *m, &shared)).collect();
    let seq_ms = t2.elapsed().as_secs_f64() * 1e3;
    let t3 = Instant::now();
    let json_bytes: usize = par.iter().map(|s| bulletin::render::data::snapshot_json(s).len()).sum();
    let json_ms = t3.elapsed().as_secs_f64() * 1e3;
    assert_eq!(par.len(), seq.len());
    println!(
        "months={} load_ms={load_ms:.1} figures_parallel_ms={par_ms:.1} figures_sequential_ms={seq_ms:.1} per_month_ms={:.2} json_ms={json_ms:.1} json_bytes={json_bytes}",
        months.len(),
        seq_ms / months.len() as f64
    );
    ExitCode::SUCCESS
}

/// Reads the git history of the content folder `dir` as `build` will
/// (`bulletin::record::git::History::read`) and prints one line of `key=value`, for
/// bench/run.sh.
fn time_history(dir: &std::path::Path) -> ExitCode {
    let t0 = Instant::now();
    let history = bulletin::record::git::History::read(dir);
    let read_ms = t0.elapsed().as_secs_f64() * 1e3;
    if let Some(notice) = history.notice() {
        eprintln!("gen-content: {notice}");
        return ExitCode::from(1);
    }
    let files: usize = history.commits.iter().map(|c| c.files.len()).sum();
    let fields: usize = history.commits.iter().flat_map(|c| &c.files).filter_map(|f| f.fields.as_ref()).map(Vec::len).sum();
    println!("commits={} file_changes={files} field_changes={fields} read_ms={read_ms:.1}", history.commits.len());
    ExitCode::SUCCESS
}
