//! The content generator behind `cargo run --release --example gen-content`: writes a valid,
//! deterministic content folder at any scale (see `docs/performance.md`), the plain-page
//! sites used to compare with Hugo, and, with [`generate_with_history`], the same folder as a
//! git repository whose history builds it up month by month ([`history`]; runs `git`).
//!
//! Only `std` and `chrono` (already a dependency of the crate), so the integration test
//! `tests/generated_content.rs` includes this module with `#[path]` and calls [`generate`]
//! directly. Every random choice comes from [`rng::Rng`] forked per entity, so the same
//! options give byte-identical folders on every machine.

#![allow(dead_code)]

pub mod history;
pub mod names;
pub mod province;
pub mod rng;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate, TimeDelta};

use names::*;
use rng::Rng;

/// What to generate. `Options::new(projects, years)` gives the defaults the CLI documents.
#[derive(Debug, Clone)]
pub struct Options {
    /// Number of projects (0 is allowed: a site with squads, meetings and briefings only).
    pub projects: usize,
    /// Number of years of data, ending in `last_year`.
    pub years: u32,
    pub last_year: i32,
    /// Data and briefings run through this month of `last_year` (the sample stops in October).
    pub last_month: u32,
    /// Extra plain Markdown pages (`pages/note-NNNNN.md`), besides `pages/about.md`.
    pub pages: usize,
    /// Units (half 镇办, half 部门); default `25 + projects / 100`.
    pub units: Option<usize>,
    /// Squads; default `12 + projects / 250`.
    pub squads: Option<usize>,
    /// County leaders; default `6 + units / 10`.
    pub leaders: Option<usize>,
    pub seed: u64,
}

impl Options {
    pub fn new(projects: usize, years: u32) -> Options {
        Options {
            projects,
            years,
            last_year: 2026,
            last_month: 10,
            pages: 0,
            units: None,
            squads: None,
            leaders: None,
            seed: 2026,
        }
    }
}

/// What was written.
#[derive(Debug, Default, Clone)]
pub struct Summary {
    pub files: usize,
    pub bytes: u64,
    pub projects: usize,
    pub fund_entries: usize,
    pub units: usize,
    pub squads: usize,
    pub trips: usize,
    pub buildings: usize,
    pub meetings: usize,
    pub briefings: usize,
    pub pages: usize,
}

/// Fails unless `dir` is missing or an empty folder; creates it.
pub fn prepare_out(dir: &Path) -> io::Result<()> {
    if dir.exists() {
        if !dir.is_dir() {
            return Err(io::Error::new(io::ErrorKind::AlreadyExists, format!("{} is not a folder", dir.display())));
        }
        if fs::read_dir(dir)?.next().is_some() {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                format!("{} is not empty: refusing to write into it", dir.display()),
            ));
        }
    }
    fs::create_dir_all(dir)
}

/// Files as written: (path relative to the folder, text).
type Kept = Vec<(String, String)>;

struct Out {
    root: PathBuf,
    dirs: HashSet<PathBuf>,
    files: usize,
    bytes: u64,
    /// Every file written, (path, text), when the history is to be built from them.
    kept: Option<Kept>,
}

impl Out {
    fn new(root: &Path) -> Out {
        Out { root: root.to_path_buf(), dirs: HashSet::new(), files: 0, bytes: 0, kept: None }
    }

    fn write(&mut self, rel: &str, text: &str) -> io::Result<()> {
        let path = self.root.join(rel);
        if let Some(parent) = path.parent()
            && self.dirs.insert(parent.to_path_buf())
        {
            fs::create_dir_all(parent)?;
        }
        fs::write(&path, text)?;
        self.files += 1;
        self.bytes += text.len() as u64;
        if let Some(kept) = &mut self.kept {
            kept.push((rel.to_string(), text.to_string()));
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// Dates and months

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn add_days(d: NaiveDate, n: i64) -> NaiveDate {
    d + TimeDelta::days(n)
}

/// Months as one integer: `year * 12 + month - 1`.
fn mi_of(d: NaiveDate) -> i32 {
    d.year() * 12 + d.month0() as i32
}

fn mi_parts(mi: i32) -> (i32, u32) {
    (mi.div_euclid(12), mi.rem_euclid(12) as u32 + 1)
}

fn mi_text(mi: i32) -> String {
    let (y, m) = mi_parts(mi);
    format!("{y}-{m:02}")
}

fn mi_first(mi: i32) -> NaiveDate {
    let (y, m) = mi_parts(mi);
    date(y, m, 1)
}

fn mi_last(mi: i32) -> NaiveDate {
    add_days(mi_first(mi + 1), -1)
}

/// A uniform random date in `lo..=hi`.
fn date_between(r: &mut Rng, lo: NaiveDate, hi: NaiveDate) -> NaiveDate {
    add_days(lo, r.range(0, (hi - lo).num_days()))
}

/// 万元 with one decimal at most, from tenths.
fn tenths(t: u64) -> String {
    if t.is_multiple_of(10) { format!("{}", t / 10) } else { format!("{}.{}", t / 10, t % 10) }
}

/// Splits `total` into integer shares proportional to `weights` (largest remainder), so the
/// shares add up exactly.
fn split(total: u64, weights: &[u64]) -> Vec<u64> {
    let sum: u64 = weights.iter().sum();
    if sum == 0 || weights.is_empty() {
        return vec![0; weights.len()];
    }
    let mut shares: Vec<u64> = weights.iter().map(|w| total * w / sum).collect();
    let mut rest = total - shares.iter().sum::<u64>();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse((total * weights[i]) % sum), i));
    for &i in order.iter().cycle() {
        if rest == 0 {
            break;
        }
        shares[i] += 1;
        rest -= 1;
    }
    shares
}

// ---------------------------------------------------------------------------------------------
// The generated model (only what later files need to refer to)

struct Unit {
    id: String,
    name: String,
    town: bool,
    /// Share weight in the targets.
    weight: u64,
}

struct SquadInfo {
    id: String,
    unit: usize,
    chains: Vec<usize>,
    regions: Vec<&'static str>,
    name: String,
    members: usize,
}

struct ProjectInfo {
    id: String,
    signed: NaiveDate,
    short: String,
    chain: usize,
    unit: usize,
    squad: Option<usize>,
    terminated: Option<NaiveDate>,
}

/// Per-year totals the targets are derived from.
#[derive(Default, Clone)]
struct YearTotals {
    contracts: u64,
    /// Counted funds (not 县内), in tenths of 万元.
    funds_tenths: u64,
    fdi: u64,
}

struct Ctx {
    seed: u64,
    county: &'static str,
    first_year: i32,
    last_year: i32,
    first_mi: i32,
    last_mi: i32,
    start: NaiveDate,
    end: NaiveDate,
    units: Vec<Unit>,
    towns: Vec<usize>,
    departments: Vec<usize>,
    leaders: Vec<String>,
    squads: Vec<SquadInfo>,
    projects: Vec<ProjectInfo>,
    totals: BTreeMap<i32, YearTotals>,
}

impl Ctx {
    fn rng(&self, tag: &str, index: u64) -> Rng {
        Rng::fork(self.seed, tag, index)
    }
}

/// Writes a full content folder into `out` (which must be missing or empty).
pub fn generate(opts: &Options, out: &Path) -> io::Result<Summary> {
    generate_kept(opts, out, false).map(|(summary, ..)| summary)
}

/// Writes a full content folder into `out`, then makes it a git repository whose history
/// builds that content up month by month (see [`history`]); the working tree ends as
/// [`generate`] writes it.
pub fn generate_with_history(opts: &Options, out: &Path, git: &history::GitOptions) -> io::Result<(Summary, history::Made)> {
    let (summary, c, files) = generate_kept(opts, out, true)?;
    let made = history::write(&c, out, files, git)?;
    Ok((summary, made))
}

/// [`generate`], also returning the model and, when `keep`, every file written.
fn generate_kept(opts: &Options, out: &Path, keep: bool) -> io::Result<(Summary, Ctx, Kept)> {
    assert!(opts.years >= 1, "years must be at least 1");
    assert!((1..=12).contains(&opts.last_month), "last_month is 1–12");
    prepare_out(out)?;
    let mut w = Out::new(out);
    if keep {
        w.kept = Some(Vec::new());
    }
    let first_year = opts.last_year - opts.years as i32 + 1;
    let mut county_rng = Rng::fork(opts.seed, "county", 0);
    let mut c = Ctx {
        seed: opts.seed,
        county: COUNTIES[county_rng.below(COUNTIES.len() as u64) as usize],
        first_year,
        last_year: opts.last_year,
        first_mi: first_year * 12,
        last_mi: opts.last_year * 12 + opts.last_month as i32 - 1,
        start: date(first_year, 1, 1),
        end: mi_last(opts.last_year * 12 + opts.last_month as i32 - 1),
        units: Vec::new(),
        towns: Vec::new(),
        departments: Vec::new(),
        leaders: Vec::new(),
        squads: Vec::new(),
        projects: Vec::new(),
        totals: BTreeMap::new(),
    };
    let n_units = opts.units.unwrap_or(25 + opts.projects / 100).max(2);
    let n_squads = opts.squads.unwrap_or(12 + opts.projects / 250);
    let n_leaders = opts.leaders.unwrap_or(6 + n_units / 10).max(1);

    site(&c, &mut w)?;
    chains(&mut w)?;
    units(&mut c, &mut w, n_units)?;
    leaders(&mut c, &mut w, n_leaders)?;
    squads_registry(&mut c, n_squads);
    let fund_entries = projects(&mut c, &mut w, opts)?;
    let trips = squads(&c, &mut w)?;
    let buildings = factories(&c, &mut w)?;
    let meetings = meetings(&c, &mut w)?;
    targets(&c, &mut w)?;
    let briefings = briefings(&c, &mut w)?;
    pages(&c, &mut w, opts.pages)?;
    let summary = Summary {
        files: w.files,
        bytes: w.bytes,
        projects: c.projects.len(),
        fund_entries,
        units: c.units.len(),
        squads: c.squads.len(),
        trips,
        buildings,
        meetings,
        briefings,
        pages: opts.pages + 1,
    };
    let kept = w.kept.take().unwrap_or_default();
    Ok((summary, c, kept))
}

fn site(c: &Ctx, w: &mut Out) -> io::Result<()> {
    let county = c.county;
    w.write(
        "site.yaml",
        &format!(
            "# 生成的测试数据（examples/gen-content.rs），人物、企业、数字均为虚构。\n\
             title: {county}招商引资工作简报\n\
             county: {county}\n\
             issuer: {county}招商引资工作领导小组办公室\n\
             locale: zh-CN\n\
             sample: true\n\
             rules:\n  count_sign_types: [合同]\n  fulfilled_when: [注册, 首笔到资, 开工]\n  rank_by: 到位资金\n  red_list_top: 5\n  black_list_bottom: 4\n"
        ),
    )
}

fn chains(w: &mut Out) -> io::Result<()> {
    let mut s = String::from("cluster: “3+N”产业集群\nchains:\n");
    for (id, name, key, _, _) in CHAINS {
        let _ = writeln!(s, "  - id: {id}\n    name: {name}");
        if *key {
            s.push_str("    key: true\n");
        }
    }
    w.write("chains.yaml", &s)
}

fn person(r: &mut Rng) -> String {
    format!("{}某某", r.pick(SURNAMES))
}

fn units(c: &mut Ctx, w: &mut Out, n: usize) -> io::Result<()> {
    let n_towns = (n / 2).max(1);
    let n_depts = n - n_towns;
    let mut r = c.rng("units", 0);
    // Town names: every first×second pair once, in a seeded order.
    let mut pairs: Vec<(usize, usize)> =
        (0..TOWN_FIRST.len()).flat_map(|a| (0..TOWN_SECOND.len()).map(move |b| (a, b))).collect();
    r.shuffle(&mut pairs);
    let mut s = String::from("# 责任单位：镇办、部门分开排名。\n");
    for i in 0..n_towns {
        let (a, b) = pairs[i % pairs.len()];
        let round = i / pairs.len();
        let base = format!("{}{}", TOWN_FIRST[a], TOWN_SECOND[b]);
        let name = match (i, round) {
            (0, _) => "城关街道".to_string(),
            (_, 0) if i % 9 == 4 => format!("{base}街道"),
            (_, 0) => format!("{base}镇"),
            _ => format!("{base}{}镇", round + 1),
        };
        let id = format!("town-{:03}", i + 1);
        let _ = writeln!(s, "- id: {id}\n  name: {name}\n  kind: 镇办\n  head: {}", person(&mut r));
        c.towns.push(c.units.len());
        c.units.push(Unit { id, name, town: true, weight: r.range(2, 6) as u64 });
    }
    for i in 0..n_depts {
        let name = if let Some(name) = DEPARTMENTS.get(i) {
            name.to_string()
        } else {
            let k = i - DEPARTMENTS.len();
            let products = CHAINS[k % CHAINS.len()].3;
            let product = products[(k / CHAINS.len()) % products.len()];
            let round = k / (CHAINS.len() * products.len());
            if round == 0 {
                format!("县{product}产业招商专班")
            } else {
                format!("县{product}产业招商{}专班", round + 1)
            }
        };
        let id = format!("dept-{:03}", i + 1);
        let _ = writeln!(s, "- id: {id}\n  name: {name}\n  kind: 部门\n  head: {}", person(&mut r));
        c.departments.push(c.units.len());
        // The first few (发改、工信、商务、招商) carry the biggest shares, as in the sample.
        let weight = if i < 4 { r.range(8, 12) } else { r.range(1, 6) } as u64;
        c.units.push(Unit { id, name, town: false, weight });
    }
    w.write("units.yaml", &s)
}

fn leaders(c: &mut Ctx, w: &mut Out, n: usize) -> io::Result<()> {
    let mut r = c.rng("leaders", 0);
    let mut s = String::from("# 包抓招商项目的县级领导（“五个一”）\n");
    for i in 0..n {
        let id = format!("leader-{:02}", i + 1);
        let title = LEADER_TITLES[i.min(LEADER_TITLES.len() - 1)];
        let _ = writeln!(s, "- id: {id}\n  name: {}\n  title: {title}", person(&mut r));
        c.leaders.push(id);
    }
    w.write("leaders.yaml", &s)
}

fn squads_registry(c: &mut Ctx, n: usize) {
    for i in 0..n {
        let mut r = c.rng("squad", i as u64);
        let chain = i % CHAINS.len();
        let mut chains = vec![chain];
        if r.chance(0.3) {
            let other = r.below(CHAINS.len() as u64) as usize;
            if other != chain {
                chains.push(other);
            }
        }
        let mut regions = vec![*r.pick(REGIONS)];
        let second = *r.pick(REGIONS);
        if second != regions[0] {
            regions.push(second);
        }
        // Squads belong mostly to departments, some to towns.
        let unit = if r.chance(0.7) || c.towns.is_empty() { *r.pick(&c.departments) } else { *r.pick(&c.towns) };
        let round = i / CHAINS.len() + 1;
        let name = format!("{}产业链招商第{}小分队", CHAINS[chain].1, round);
        c.squads.push(SquadInfo {
            id: format!("squad-{:03}", i + 1),
            unit,
            chains,
            regions,
            name,
            members: r.range(3, 6) as usize,
        });
    }
}

/// A place of origin: (province, city, country, short name for the company).
fn origin(r: &mut Rng, foreign: bool) -> (Option<&'static str>, Option<&'static str>, Option<&'static str>, &'static str) {
    if foreign {
        let country = *r.pick(COUNTRIES);
        return (None, None, Some(country), country);
    }
    let (province, short, cities, _) = PROVINCES[r.weighted(PROVINCE_WEIGHTS)];
    let city = if cities.is_empty() { None } else { Some(*r.pick(cities)) };
    (Some(province), city, None, short)
}

fn projects(c: &mut Ctx, w: &mut Out, opts: &Options) -> io::Result<usize> {
    // Projects per year grow a little each year; the last year has only `last_month` months.
    let years: Vec<i32> = (c.first_year..=c.last_year).collect();
    let weights: Vec<u64> = years
        .iter()
        .enumerate()
        .map(|(i, y)| {
            let months = if *y == c.last_year { u64::from(opts.last_month) } else { 12 };
            (100 + 6 * i as u64) * months
        })
        .collect();
    let per_year = split(opts.projects as u64, &weights);
    let width = per_year.iter().max().map_or(3, |m| m.to_string().len().max(3));
    let squads_by_chain: Vec<Vec<usize>> =
        (0..CHAINS.len()).map(|ch| (0..c.squads.len()).filter(|s| c.squads[*s].chains.contains(&ch)).collect()).collect();
    let mut fund_entries = 0;
    for (yi, year) in years.iter().enumerate() {
        let mut r = c.rng("signing", *year as u64);
        let last = if *year == c.last_year { c.end } else { date(*year, 12, 31) };
        let mut dates: Vec<NaiveDate> = (0..per_year[yi]).map(|_| date_between(&mut r, date(*year, 1, 1), last)).collect();
        dates.sort();
        for (k, signed) in dates.into_iter().enumerate() {
            let id = format!("p{year}-{:0width$}", k + 1);
            let index = c.projects.len() as u64;
            let (text, info, entries) = project(c, &id, signed, index, &squads_by_chain);
            fund_entries += entries;
            w.write(&format!("projects/{id}.yaml"), &text)?;
            c.projects.push(info);
        }
    }
    Ok(fund_entries)
}

/// One project file, the facts other files need, and its number of fund entries.
fn project(c: &mut Ctx, id: &str, signed: NaiveDate, index: u64, squads_by_chain: &[Vec<usize>]) -> (String, ProjectInfo, usize) {
    let mut r = c.rng("project", index);
    let end = c.end;
    let chain = r.weighted(CHAIN_WEIGHTS);
    let (chain_id, _, _, products, trades) = CHAINS[chain];
    let product = *r.pick(products);
    let suffix = *r.pick(PROJECT_SUFFIXES);
    let short = format!("{product}{}", suffix.trim_end_matches("项目"));
    let foreign = r.chance(0.06);
    let (province, city, country, place_short) = origin(&mut r, foreign);
    let home = province == Some(HOME_PROVINCE);
    let mut s = String::with_capacity(1600);
    let _ = writeln!(s, "name: {}{short}项目", c.county);
    let _ = writeln!(s, "investor: {place_short}某某{}{}", r.pick(trades), r.pick(COMPANY_SUFFIXES));
    s.push_str("origin:\n");
    if let Some(p) = province {
        let _ = writeln!(s, "  province: {p}");
    }
    if let Some(city) = city {
        let _ = writeln!(s, "  city: {city}");
    }
    if let Some(country) = country {
        let _ = writeln!(s, "  country: {country}");
    }
    if r.chance(0.12) {
        let tag = if chain_id == "electronics" { "电子信息" } else { *r.pick(TAGS) };
        let _ = writeln!(s, "tags: [{tag}]");
    }
    let _ = writeln!(s, "chain: {chain_id}");
    let _ = writeln!(s, "content: 建设{product}{}", if r.chance(0.5) { "生产线及配套设施" } else { "项目主体工程" });
    let _ = writeln!(s, "method: {}", METHODS[r.weighted(METHOD_WEIGHTS)]);
    if r.chance(0.3) {
        let _ = writeln!(s, "platform: {}", r.pick(PLATFORMS));
    }
    let _ = writeln!(s, "build_type: {}", if r.chance(0.1) { "续建" } else { "新建" });
    let agreement = r.chance(0.12);
    let _ = writeln!(s, "sign_type: {}", if agreement { "协议" } else { "合同" });
    let contract = (r.log_uniform(1000.0, 300_000.0) / 100.0).round() as u64 * 100;
    let total = contract + (contract as f64 * r.unit() * 0.5 / 100.0).round() as u64 * 100;
    let _ = writeln!(s, "total_investment: {total}");
    let _ = writeln!(s, "contract_amount: {contract}");
    if foreign {
        let _ = writeln!(s, "contract_fdi: {}", r.range(10, 200) * 10);
    }
    let town = if c.towns.is_empty() || r.chance(0.1) { None } else { Some(*r.pick(&c.towns)) };
    if let Some(t) = town {
        let _ = writeln!(s, "town: {}", c.units[t].id);
    }
    if r.chance(0.4) {
        let _ = writeln!(s, "park: {}", r.pick(PARKS));
    }
    // 五个一: now and then one field is missing (a data-quality warning, as in real ledgers).
    let missing = if r.chance(0.03) { r.below(3) } else { 9 };
    let unit = if c.departments.is_empty() { *r.pick(&c.towns) } else { *r.pick(&c.departments) };
    if missing != 0 {
        let _ = writeln!(s, "leader: {}", r.pick(&c.leaders));
    }
    if missing != 1 {
        let _ = writeln!(s, "measures: {}", r.pick(MEASURES));
    }
    if missing != 2 {
        let _ = writeln!(s, "unit: {}", c.units[unit].id);
    }
    let squad = if !squads_by_chain[chain].is_empty() && r.chance(0.55) {
        Some(*r.pick(&squads_by_chain[chain]))
    } else if !c.squads.is_empty() && r.chance(0.1) {
        Some(r.below(c.squads.len() as u64) as usize)
    } else {
        None
    };
    // Towns are credited through `introduced_by.unit` (the town that brought the investor in).
    let by_unit = if town.is_some() && r.chance(0.4) {
        town
    } else if r.chance(0.05) {
        Some(r.below(c.units.len() as u64) as usize)
    } else {
        None
    };
    if squad.is_some() || by_unit.is_some() {
        s.push_str("introduced_by:\n");
        if let Some(q) = squad {
            let _ = writeln!(s, "  squad: {}", c.squads[q].id);
        }
        if let Some(u) = by_unit {
            let _ = writeln!(s, "  unit: {}", c.units[u].id);
        }
    }

    // Milestones, in order, none after the data's end.
    let within = |d: NaiveDate| (d <= end).then_some(d);
    let contracted = if agreement && r.chance(0.6) { within(add_days(signed, r.range(20, 240))) } else { None };
    let registered = if r.chance(0.9) { within(add_days(signed, r.range(3, 45))) } else { None };
    // Every project ends one way or another within a few years, as in a real ledger: it goes into
    // production, or, not started or stuck, it is terminated. So a 10-year ledger does not carry
    // thousands of decade-old "not started" or "stalled" projects in every bulletin's alerts.
    let start_after = r.range(15, 210);
    let started = if r.chance(0.9) { Some(add_days(signed, start_after)) } else { None };
    let (production, terminated) = match started {
        Some(st) if r.chance(0.9) => (Some(add_days(st, r.range(90, 600))), None),
        Some(st) if r.chance(0.6) => (None, Some(add_days(st, r.range(180, 720)))),
        Some(st) => (Some(add_days(st, r.range(600, 1500))), None),
        None if r.chance(0.9) => (None, Some(add_days(signed, r.range(240, 720)))),
        None => (None, None),
    };
    let (started, production, terminated) = (started.and_then(within), production.and_then(within), terminated.and_then(within));
    let terminated_reason =
        if started.is_none() { "长期未开工，双方协商解除合同" } else { r.pick(TERMINATED_REASONS) };

    // Funds: monthly entries from shortly after signing, for a while, with gaps.
    let signed_mi = mi_of(signed);
    let last_fund_mi = terminated.map_or(c.last_mi, |t| mi_of(t).min(c.last_mi));
    let mut funds: Vec<(i32, u64, &str, &str)> = Vec::new();
    if r.chance(0.88) {
        let first = signed_mi + r.range(0, 3) as i32;
        let span = r.range(2, 30) as i32;
        let target_tenths = (contract as f64 * (0.25 + 0.7 * r.unit()) * 10.0) as u64;
        let per = (target_tenths / span as u64).max(10);
        let origin = if foreign || !home {
            "省外"
        } else if city == Some(HOME_CITY) {
            if r.chance(0.75) { "市内县外" } else { "县内" }
        } else {
            "省内市外"
        };
        for mi in first..(first + span).min(last_fund_mi + 1) {
            if mi != first && !r.chance(0.72) {
                continue;
            }
            let amount = ((per as f64) * (0.4 + 1.2 * r.unit())) as u64 + 10;
            if r.chance(0.12) {
                // Two entries in one month: fixed assets and working capital.
                let working = amount / 4 + 1;
                funds.push((mi, amount - working, origin, "固定资产"));
                funds.push((mi, working, origin, "流动资金"));
            } else {
                funds.push((mi, amount, origin, if r.chance(0.85) { "固定资产" } else { "流动资金" }));
            }
        }
    }
    let fdi: Vec<(i32, u64)> = if foreign {
        let first = signed_mi + r.range(1, 4) as i32;
        let mut fdi = Vec::new();
        for mi in first..(first + r.range(2, 8) as i32).min(last_fund_mi + 1) {
            if r.chance(0.7) {
                fdi.push((mi, r.range(1, 30) as u64 * 10));
            }
        }
        fdi
    } else {
        Vec::new()
    };
    let first_funds = funds.first().map(|(mi, ..)| {
        let lo = if *mi == signed_mi { signed } else { mi_first(*mi) };
        date_between(&mut r, lo, mi_last(*mi).min(end))
    });

    s.push_str("milestones:\n");
    let _ = writeln!(s, "  signed: {signed}");
    for (key, d) in [
        ("contracted", contracted),
        ("registered", registered),
        ("first_funds", first_funds.filter(|_| r.chance(0.8))),
        ("started", started),
        ("production", production),
        ("terminated", terminated),
    ] {
        if let Some(d) = d {
            let _ = writeln!(s, "  {key}: {d}");
        }
    }
    if terminated.is_some() {
        let _ = writeln!(s, "terminated_reason: {terminated_reason}");
    }
    if !funds.is_empty() {
        s.push_str("funds:\n");
        for (mi, amount, origin, use_) in &funds {
            let _ = writeln!(
                s,
                "  - month: {}\n    amount: {}\n    origin: {origin}\n    use: {use_}",
                mi_text(*mi),
                tenths(*amount)
            );
        }
    }
    if !fdi.is_empty() {
        s.push_str("fdi:\n");
        for (mi, amount) in &fdi {
            let _ = writeln!(s, "  - month: {}\n    amount: {amount}", mi_text(*mi));
        }
    }
    if r.chance(0.12) {
        let (kind, texts) = PROBLEMS[r.below(PROBLEMS.len() as u64) as usize];
        let opened = add_days(signed, r.range(10, 300));
        if opened <= end {
            let _ = writeln!(s, "problems:\n  - kind: {kind}\n    text: {}\n    opened: {opened}", r.pick(texts));
            // Problems get solved: only recent ones may still be open.
            if (r.chance(0.75) || (c.end - opened).num_days() > 365)
                && let Some(resolved) = within(add_days(opened, r.range(5, 180)))
            {
                let _ = writeln!(s, "    resolved: {resolved}");
            }
        }
    }
    let note = match (terminated, production, started, registered) {
        (Some(_), ..) => Some("已终止"),
        (_, Some(_), ..) => Some("已竣工投产"),
        (_, _, Some(_), _) => Some("项目建设中"),
        (_, _, _, Some(_)) => Some("已注册，正在办理前期手续"),
        _ => None,
    };
    if let Some(note) = note.filter(|_| r.chance(0.7)) {
        let _ = writeln!(s, "note: {note}");
    }

    // Totals for the targets.
    let year_of = |mi: i32| mi_parts(mi).0;
    let counted_year = if agreement { contracted.map(|d| d.year()) } else { Some(signed.year()) };
    if let Some(y) = counted_year {
        c.totals.entry(y).or_default().contracts += 1;
    }
    for (mi, amount, origin, _) in &funds {
        if *origin != "县内" {
            c.totals.entry(year_of(*mi)).or_default().funds_tenths += amount;
        }
    }
    for (mi, amount) in &fdi {
        c.totals.entry(year_of(*mi)).or_default().fdi += amount;
    }
    let entries = funds.len();
    (s, ProjectInfo { id: id.to_string(), signed, short, chain, unit, squad, terminated }, entries)
}

fn squads(c: &Ctx, w: &mut Out) -> io::Result<usize> {
    // The projects each squad introduced, by signing month, for the trips to mention.
    let mut introduced: HashMap<(usize, i32), Vec<usize>> = HashMap::new();
    for (i, p) in c.projects.iter().enumerate() {
        if let Some(q) = p.squad {
            introduced.entry((q, mi_of(p.signed))).or_default().push(i);
        }
    }
    let mut trips = 0;
    for (i, q) in c.squads.iter().enumerate() {
        let mut r = c.rng("trips", i as u64);
        let mut s = String::with_capacity(64 * 1024);
        let captain = person(&mut r);
        let _ = writeln!(s, "name: {}\ncaptain: {captain}\nunit: {}\nmembers:", q.name, c.units[q.unit].id);
        let _ = writeln!(s, "  - name: {captain}\n    grade: 科级");
        for m in 1..q.members {
            if m % 2 == 1 {
                let _ = writeln!(s, "  - name: {}某\n    grade: 年轻干部", r.pick(SURNAMES));
            } else {
                let _ = writeln!(s, "  - name: {}\n    grade: 科级", person(&mut r));
            }
        }
        let chain_ids: Vec<&str> = q.chains.iter().map(|ch| CHAINS[*ch].0).collect();
        let _ = writeln!(s, "chains: [{}]\nregions: [{}]\ntrips:", chain_ids.join(", "), q.regions.join(", "));
        let places: Vec<(&str, &str)> = PROVINCES
            .iter()
            .filter(|p| q.regions.contains(&p.3))
            .flat_map(
                |(prov, _, cities, _)| {
                    if cities.is_empty() { vec![(*prov, "")] } else { cities.iter().map(|city| (*prov, *city)).collect() }
                },
            )
            .collect();
        let trade = CHAINS[q.chains[0]].4;
        for mi in c.first_mi..=c.last_mi {
            // Mostly one or two trips a month; now and then none (a data-quality warning).
            let n = match r.below(100) {
                0..3 => 0,
                3..62 => 1,
                _ => 2,
            };
            let mut days: Vec<NaiveDate> = (0..n).map(|_| date_between(&mut r, mi_first(mi), mi_last(mi))).collect();
            days.sort();
            for start in days {
                let (prov, city) = *r.pick(&places);
                let city_short = if city.is_empty() { prov.trim_end_matches('市') } else { city.trim_end_matches('市') };
                let end = add_days(start, r.range(0, 4)).min(c.end.max(start));
                let companies: Vec<String> = (0..r.range(1, 4))
                    .map(|_| format!("{city_short}某某{}{}", r.pick(trade), r.pick(COMPANY_SUFFIXES)))
                    .collect();
                let leads = r.range(0, 4);
                let _ = writeln!(
                    s,
                    "  - start: {start}\n    end: {end}\n    destination: {prov}{city}\n    people: {}\n    companies: [{}]\n    leads: {leads}",
                    r.range(2, q.members as i64),
                    companies.join(", ")
                );
                let project = introduced.get(&(i, mi)).and_then(|list| list.first()).map(|p| &c.projects[*p]);
                if let Some(p) = project {
                    let _ = writeln!(s, "    projects: [{}]", p.id);
                }
                if r.chance(0.2) {
                    s.push_str("    leader_trip: true\n");
                }
                if r.chance(0.92) {
                    let reported = add_days(end, r.range(1, 7));
                    if reported <= c.end {
                        let _ = writeln!(s, "    reported: {reported}");
                    }
                }
                match project {
                    Some(p) => {
                        let _ = writeln!(s, "    summary: 赴{city_short}对接{}项目，拜访企业 {} 家", p.short, companies.len());
                    }
                    None => {
                        let _ = writeln!(
                            s,
                            "    summary: 赴{city_short}开展{}产业链招商，拜访企业 {} 家，获取有效线索 {leads} 条",
                            CHAINS[q.chains[0]].1,
                            companies.len()
                        );
                    }
                }
                trips += 1;
            }
        }
        w.write(&format!("squads/{}.yaml", q.id), &s)?;
    }
    Ok(trips)
}

fn factories(c: &Ctx, w: &mut Out) -> io::Result<usize> {
    let n_projects = c.projects.len();
    let n_buildings = 4 + n_projects / 8;
    let n_parks = (1 + n_projects / 1500).min(PARKS.len());
    let mut r = c.rng("factories", 0);
    let mut used: HashSet<usize> = HashSet::new();
    let mut s = String::from("# 标准化厂房\n");
    let per_park = split(n_buildings as u64, &vec![1; n_parks]);
    let earliest = date(c.first_year - 1, 6, 1);
    let latest = add_days(c.end, -60).max(earliest);
    for (pi, count) in per_park.iter().enumerate() {
        let _ = writeln!(s, "- park: {}\n  buildings:", PARKS[pi]);
        let mut completed: Vec<NaiveDate> = (0..*count).map(|_| date_between(&mut r, earliest, latest)).collect();
        completed.sort();
        for (bi, done) in completed.into_iter().enumerate() {
            let letter = (b'a' + (bi / 20 % 26) as u8) as char;
            let number = bi % 20 + 1;
            let round = bi / (20 * 26);
            let id = if round == 0 {
                format!("k{}-{letter}{number}", pi + 1)
            } else {
                format!("k{}-{letter}{number}-{}", pi + 1, round + 1)
            };
            let area = r.range(6, 24) * 500;
            let _ = writeln!(
                s,
                "    - id: {id}\n      name: {}{number} 栋\n      area: {area}\n      completed: {done}",
                letter.to_ascii_uppercase()
            );
            // Most buildings get a tenant: a project signed around or after completion.
            if n_projects > 0 && r.chance(0.8) {
                let from = add_days(done, -365);
                let lo = c.projects.partition_point(|p| p.signed < from);
                for _ in 0..6 {
                    if lo >= n_projects {
                        break;
                    }
                    let k = lo + r.below((n_projects - lo) as u64) as usize;
                    let p = &c.projects[k];
                    if used.contains(&k) || p.terminated.is_some() {
                        continue;
                    }
                    let moved_in = add_days(done.max(p.signed), r.range(10, 120));
                    if moved_in > c.end {
                        continue;
                    }
                    used.insert(k);
                    let _ = writeln!(s, "      project: {}\n      moved_in: {moved_in}", p.id);
                    break;
                }
            }
        }
    }
    w.write("factories.yaml", &s)?;
    Ok(n_buildings)
}

fn meetings(c: &Ctx, w: &mut Out) -> io::Result<usize> {
    let mut count = 0;
    for year in c.first_year..=c.last_year {
        let mut r = c.rng("meetings", year as u64);
        let per_year = c.projects.iter().filter(|p| p.signed.year() == year).count();
        let n_items = (4 + per_year / 200).min(40);
        for (q, month) in [3u32, 6, 9, 12].into_iter().enumerate() {
            let day = date(year, month, r.range(18, 28) as u32);
            if day > c.end {
                continue;
            }
            // Items about projects signed at least a month before, not terminated.
            let hi = c.projects.partition_point(|p| p.signed < add_days(day, -30));
            let mut s =
                format!("title: {year} 年第{}季度招商落地项目交办联评会议\nchair: {}\nitems:\n", ORDINALS[q], r.pick(&c.leaders));
            let mut picked = HashSet::new();
            let mut items = 0;
            for _ in 0..n_items * 3 {
                if items == n_items {
                    break;
                }
                let deadline = add_days(day, r.range(10, 60));
                if hi == 0 {
                    // No project yet: a task for a unit alone.
                    let unit = &c.units[r.below(c.units.len() as u64) as usize];
                    let _ = writeln!(
                        s,
                        "  - task: 梳理本单位招商线索并制定对接计划\n    unit: {}\n    deadline: {deadline}",
                        unit.id
                    );
                    items += 1;
                    continue;
                }
                let k = r.below(hi as u64) as usize;
                let p = &c.projects[k];
                if p.terminated.is_some_and(|t| t <= day) || !picked.insert(k) {
                    continue;
                }
                let task = r.pick(MEETING_TASKS).replace("{}", &format!("{}项目", p.short));
                let _ = writeln!(
                    s,
                    "  - project: {}\n    task: {task}\n    unit: {}\n    deadline: {deadline}",
                    p.id, c.units[p.unit].id
                );
                // Items of old meetings are all closed by now; recent ones may still be open.
                if r.chance(0.72) || (c.end - day).num_days() > 240 {
                    let closed = add_days(day, r.range(5, (deadline - day).num_days() + 30));
                    if closed <= c.end {
                        let _ = writeln!(s, "    closed: {closed}");
                    }
                }
                items += 1;
            }
            w.write(&format!("meetings/{day}.yaml"), &s)?;
            count += 1;
        }
    }
    Ok(count)
}

fn targets(c: &Ctx, w: &mut Out) -> io::Result<()> {
    for year in c.first_year..=c.last_year {
        let mut r = c.rng("targets", year as u64);
        let t = c.totals.get(&year).cloned().unwrap_or_default();
        let months = if year == c.last_year { mi_parts(c.last_mi).1 } else { 12 };
        let scale = |x: f64, r: &mut Rng| x * 12.0 / f64::from(months) * (0.92 + 0.22 * r.unit());
        let projects = (scale(t.contracts as f64, &mut r).round() as u64).max(1);
        // Funds in thousands of 万元, the county's a multiple of 10000 万元 (1 亿元).
        let funds_k = ((scale(t.funds_tenths as f64 / 10.0, &mut r) / 10_000.0).round() as u64).max(1) * 10;
        let fdi_tens = ((scale(t.fdi as f64, &mut r) / 10.0).round() as u64).max(10);
        let mut s = format!(
            "# {year} 年招商引资目标任务及分解\ncounty:\n  projects: {projects}\n  funds: {}\n  fdi: {}\n  factory_occupancy: 100\n  trips_per_squad_month: 1\n  rates:\n    fulfilment: 95\n    funds: 30\n    start: 60\n    production: 40\nunits:\n",
            funds_k * 1000,
            fdi_tens * 10
        );
        let weights: Vec<u64> = c.units.iter().map(|u| u.weight).collect();
        let project_shares = split(projects, &weights);
        let fund_shares = split(funds_k, &weights);
        // 外资 goes to the first two departments (商务、招商 in a real county).
        let fdi_units: Vec<usize> = c.departments.iter().copied().take(2).collect();
        let fdi_units = if fdi_units.is_empty() { vec![0] } else { fdi_units };
        let fdi_shares = split(fdi_tens, &vec![1; fdi_units.len()]);
        for (i, u) in c.units.iter().enumerate() {
            let _ = writeln!(s, "  - unit: {}\n    projects: {}\n    funds: {}", u.id, project_shares[i], fund_shares[i] * 1000);
            if let Some(k) = fdi_units.iter().position(|x| *x == i) {
                let _ = writeln!(s, "    fdi: {}", fdi_shares[k] * 10);
            }
        }
        w.write(&format!("targets/{year}.yaml"), &s)?;
    }
    Ok(())
}

fn period_text(month: u32) -> String {
    if month == 1 { "1月".to_string() } else { format!("1—{month}月") }
}

fn paragraph(r: &mut Rng, pool: &[&str], n: usize) -> String {
    let mut idx: Vec<usize> = (0..pool.len()).collect();
    r.shuffle(&mut idx);
    idx.iter().take(n).map(|i| pool[*i]).collect()
}

fn briefings(c: &Ctx, w: &mut Out) -> io::Result<usize> {
    let mut by_month: HashMap<i32, Vec<usize>> = HashMap::new();
    for (i, p) in c.projects.iter().enumerate() {
        by_month.entry(mi_of(p.signed)).or_default().push(i);
    }
    let mut count = 0;
    for mi in c.first_mi..=c.last_mi {
        let (year, month) = mi_parts(mi);
        let mut r = c.rng("briefing", mi as u64);
        let period = period_text(month);
        let issued = date_between(&mut r, add_days(mi_first(mi + 1), 2), add_days(mi_first(mi + 1), 8));
        let mut s = format!(
            "---\nissue: {month}\ntitle: 关于{year}年{period}全县招商引资工作情况的通报\nissued: {issued}\nrecipients:\n  report_to: [县委书记, 县长, 县人大常委会主任, 县政协主席]\n  send_to: [县委、县政府其他县级领导]\n  distribute_to: [各镇（街道）, 县直各部门]\ncopies: 60\n---\n\n"
        );
        let yoy = if year > c.first_year { "，{{ projects.yoy }}" } else { "" };
        let funds_yoy = if year > c.first_year { "，{{ funds.yoy }}" } else { "" };
        let _ = writeln!(
            s,
            "{period}，全县各镇（街道）、各部门围绕年度目标任务，扎实开展千名干部招商引资活动。全县新签约合同项目{{{{ projects }}}}，完成年度目标任务的{{{{ projects.completion }}}}，{{{{ projects.gap }}}}{yoy}；招商到位资金{{{{ funds }}}}，完成年度目标任务的{{{{ funds.completion }}}}，{{{{ funds.gap }}}}{funds_yoy}；外资直投{{{{ fdi }}}}。时序进度为{{{{ time_progress }}}}。现将有关情况通报如下。\n"
        );
        if month % 3 == 0 || mi == c.last_mi {
            s.push_str("{{ chart funds-monthly }}\n\n");
        }
        s.push_str("## 一、主要做法\n\n");
        let signed: Vec<&str> =
            by_month.get(&mi).map(|v| v.iter().take(3).map(|i| c.projects[*i].short.as_str()).collect()).unwrap_or_default();
        if signed.is_empty() {
            let _ = writeln!(s, "**（一）持续推进项目招引。** {}\n", paragraph(&mut r, SENTENCES, 2));
        } else {
            let _ = writeln!(
                s,
                "**（一）集中签约一批项目。** 本月{}等项目签约，本月新增招引项目{{{{ projects.month }}}}。{}\n",
                signed.join("、"),
                paragraph(&mut r, SENTENCES, 1)
            );
        }
        let _ = writeln!(
            s,
            "**（二）小分队外出对接。** 本月小分队外出达标率{{{{ squads.ok_rate }}}}，未外出的小分队：{{{{ squads.missed }}}}。{}\n",
            paragraph(&mut r, SENTENCES, 1)
        );
        let _ = writeln!(
            s,
            "**（三）“四率”情况。** 截至{month}月底，签约项目履约率{{{{ rates.fulfilment }}}}，资金到位率{{{{ rates.funds }}}}，开工率{{{{ rates.start }}}}，竣工投产率{{{{ rates.production }}}}；交办事项办结率{{{{ meetings.closed_rate }}}}。\n"
        );
        s.push_str("## 二、存在问题\n\n");
        let mut issues: Vec<usize> = (0..ISSUES.len()).collect();
        r.shuffle(&mut issues);
        for (k, i) in issues.iter().take(r.range(2, 3) as usize).enumerate() {
            let _ = writeln!(s, "{}是{}\n", ORDINALS[k], ISSUES[*i]);
        }
        s.push_str("## 三、下一步工作\n\n");
        let mut steps: Vec<usize> = (0..NEXT_STEPS.len()).collect();
        r.shuffle(&mut steps);
        for (k, i) in steps.iter().take(r.range(2, 4) as usize).enumerate() {
            let _ = writeln!(s, "（{}）{}\n", ORDINALS[k], NEXT_STEPS[*i]);
        }
        w.write(&format!("briefings/{}.md", mi_text(mi)), &format!("{}\n", s.trim_end_matches('\n')))?;
        count += 1;
    }
    Ok(count)
}

/// A plain Markdown page: a heading, a few paragraphs and a list; no placeholders.
fn plain_body(r: &mut Rng, topic: &str) -> String {
    let mut s = String::with_capacity(2048);
    let _ = writeln!(s, "## {topic}概述\n");
    let _ = writeln!(s, "{}\n", paragraph(r, SENTENCES, 3));
    let _ = writeln!(s, "{}\n", paragraph(r, SENTENCES, 2));
    s.push_str("## 主要内容\n\n");
    let mut items: Vec<usize> = (0..LIST_ITEMS.len()).collect();
    r.shuffle(&mut items);
    for i in items.iter().take(r.range(3, 5) as usize) {
        let _ = writeln!(s, "- {}", LIST_ITEMS[*i]);
    }
    let _ = writeln!(s, "\n{}\n", paragraph(r, SENTENCES, 3));
    let _ = writeln!(s, "**联系方式：** 县招商服务中心，工作日 8:30—17:30。");
    s
}

fn page_title(i: usize) -> String {
    format!("{}（第{}篇）", PAGE_TOPICS[i % PAGE_TOPICS.len()], i + 1)
}

fn pages(c: &Ctx, w: &mut Out, n: usize) -> io::Result<()> {
    w.write(
        "pages/about.md",
        &format!(
            "---\ntitle: 关于本简报\norder: 1\n---\n\n**本站数据为生成的测试数据，人物、企业、数字均为虚构。**\n\n《{}招商引资工作简报》按月通报全县招商引资工作情况。截至目前，全县招引项目{{{{ projects }}}}，到位资金{{{{ funds }}}}。\n",
            c.county
        ),
    )?;
    let width = n.to_string().len().max(5);
    for i in 0..n {
        let mut r = c.rng("page", i as u64);
        let topic = PAGE_TOPICS[i % PAGE_TOPICS.len()];
        let body = plain_body(&mut r, topic);
        w.write(
            &format!("pages/note-{:0width$}.md", i + 1),
            &format!("---\ntitle: {}\norder: {}\n---\n\n{body}", page_title(i), 10 + i),
        )?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Plain-page sites: ours and Hugo's, with the same N Markdown pages

/// Writes a minimal content folder whose bulk is `n` plain Markdown pages (`pages/note-*.md`)
/// into `out`, and, when `hugo` is given, a Hugo site with the same pages (`content/pages/`),
/// minimal layouts and no taxonomies, RSS, sitemap or robots.txt.
pub fn generate_plain(n: usize, seed: u64, out: &Path, hugo: Option<&Path>) -> io::Result<Summary> {
    prepare_out(out)?;
    if let Some(h) = hugo {
        prepare_out(h)?;
    }
    let mut w = Out::new(out);
    w.write(
        "site.yaml",
        "title: 测试县招商引资工作简报\ncounty: 测试县\nissuer: 测试县招商引资工作领导小组办公室\nsample: true\n",
    )?;
    w.write("units.yaml", "- id: town-001\n  name: 城关街道\n  kind: 镇办\n- id: dept-001\n  name: 县商务局\n  kind: 部门\n")?;
    w.write("leaders.yaml", "- id: leader-01\n  name: 王某某\n  title: 县长\n")?;
    w.write("chains.yaml", "chains:\n  - id: other\n    name: 其他\n")?;
    w.write("targets/2026.yaml", "county:\n  projects: 1\n  funds: 10000\n  fdi: 0\n")?;
    w.write(
        "briefings/2026-01.md",
        "---\nissue: 1\ntitle: 关于2026年1月全县招商引资工作情况的通报\n---\n\n本月全县招商引资工作平稳推进。\n",
    )?;
    let width = n.to_string().len().max(5);
    let mut hugo_out = hugo.map(Out::new);
    if let Some(h) = &mut hugo_out {
        h.write(
            "hugo.toml",
            "baseURL = 'http://localhost/'\ntitle = '测试县招商引资工作简报'\nlanguageCode = 'zh-cn'\n\
             disableKinds = ['taxonomy', 'term', 'RSS', 'sitemap', 'robotsTXT', '404']\n\
             enableRobotsTXT = false\n\n[taxonomies]\n",
        )?;
        h.write(
            "layouts/_default/baseof.html",
            "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>{{ .Title }} — {{ .Site.Title }}</title>\n</head>\n<body>\n<header><a href=\"{{ \"/\" | relURL }}\">{{ .Site.Title }}</a></header>\n<main>\n{{ block \"main\" . }}{{ end }}\n</main>\n</body>\n</html>\n",
        )?;
        h.write(
            "layouts/_default/single.html",
            "{{ define \"main\" }}\n<article>\n<h1>{{ .Title }}</h1>\n{{ .Content }}\n</article>\n{{ end }}\n",
        )?;
        h.write(
            "layouts/_default/list.html",
            "{{ define \"main\" }}\n<h1>{{ .Title }}</h1>\n<ul>\n{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>\n{{ end }}</ul>\n{{ end }}\n",
        )?;
        h.write("content/_index.md", "---\ntitle: 首页\n---\n")?;
        h.write("content/pages/_index.md", "---\ntitle: 其他页面\n---\n")?;
    }
    for i in 0..n {
        let mut r = Rng::fork(seed, "page", i as u64);
        let topic = PAGE_TOPICS[i % PAGE_TOPICS.len()];
        let body = plain_body(&mut r, topic);
        let name = format!("note-{:0width$}.md", i + 1);
        let text = format!("---\ntitle: {}\norder: {}\n---\n\n{body}", page_title(i), 10 + i);
        w.write(&format!("pages/{name}"), &text)?;
        if let Some(h) = &mut hugo_out {
            h.write(
                &format!("content/pages/{name}"),
                &format!("---\ntitle: {}\nweight: {}\n---\n\n{body}", page_title(i), 10 + i),
            )?;
        }
    }
    Ok(Summary { files: w.files, bytes: w.bytes, pages: n, ..Summary::default() })
}

#[cfg(test)]
mod tests {
    use super::split;

    #[test]
    fn split_adds_up() {
        assert_eq!(split(10, &[1, 1, 1]).iter().sum::<u64>(), 10);
        assert_eq!(split(7, &[5, 0, 2]), vec![5, 0, 2]);
        assert_eq!(split(0, &[1, 2]), vec![0, 0]);
    }
}
