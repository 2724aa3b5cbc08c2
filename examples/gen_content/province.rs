//! A province: `cities` city roll-ups of `counties` generated counties each (see
//! `src/rollup`), every county as `generate` writes one with its own seed. The province's and
//! each city's targets are the sums of their members' (each county's `targets/<year>.yaml`).

use std::fs;
use std::io;
use std::path::Path;

use super::{Options, Summary, generate};

/// Projects, funds (万元) and FDI (万美元) of a year's targets.
type Targets = (u64, f64, f64);

/// A member of a roll-up: id, name, folder (relative), its targets by year.
type Member = (String, String, String, Vec<(i32, Targets)>);

/// The `county:` block of a county's targets file (projects, funds, fdi): its own keys only,
/// not those of `rates:` under it (whose `funds:` is a percentage), written as a block or, as a
/// roll-up writes its `total:`, on one line in braces.
fn county_targets(text: &str) -> Targets {
    let mut out = (0, 0.0, 0.0);
    let mut take = |key: &str, value: &str| match key.trim() {
        "projects" => out.0 = value.trim().parse().unwrap_or(0),
        "funds" => out.1 = value.trim().parse().unwrap_or(0.0),
        "fdi" => out.2 = value.trim().parse().unwrap_or(0.0),
        _ => {}
    };
    let mut inside = false;
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("county:") {
            if let Some(flow) = rest.trim().strip_prefix('{').and_then(|r| r.strip_suffix('}')) {
                for pair in flow.split(',') {
                    if let Some((key, value)) = pair.split_once(':') {
                        take(key, value);
                    }
                }
                break;
            }
            inside = true;
            continue;
        }
        if inside && !line.starts_with(' ') {
            break;
        }
        // The block's own keys are indented two spaces; deeper ones belong to `rates:`.
        if inside
            && line.starts_with("  ")
            && !line.starts_with("   ")
            && let Some((key, value)) = line.split_once(':')
        {
            take(key, value);
        }
    }
    out
}

/// Writes a roll-up folder `dir` over `members` (id, name, folder, targets by year), with a
/// 通报 for every month of `opts`.
fn rollup(dir: &Path, level: &str, name: &str, members: &[Member], opts: &Options) -> io::Result<()> {
    fs::create_dir_all(dir.join("targets"))?;
    fs::create_dir_all(dir.join("briefings"))?;
    fs::write(
        dir.join("site.yaml"),
        format!(
            "# 生成的测试数据（examples/gen-content.rs）。\ntitle: {name}招商引资工作通报\ncounty: {name}\nissuer: {name}招商引资工作领导小组办公室\nsample: true\nrollup: {level}\n"
        ),
    )?;
    let mut list = String::new();
    for (id, member, folder, _) in members {
        list.push_str(&format!("- {{id: {id}, name: {member}, folder: {folder}}}\n"));
    }
    fs::write(dir.join("members.yaml"), list)?;
    let first = opts.last_year - opts.years as i32 + 1;
    for year in first..=opts.last_year {
        let mut total = (0u64, 0.0f64, 0.0f64);
        let mut shares = String::new();
        for (id, _, _, targets) in members {
            let Some((_, t)) = targets.iter().find(|(y, _)| *y == year) else { continue };
            total = (total.0 + t.0, total.1 + t.1, total.2 + t.2);
            shares.push_str(&format!("  - {{member: {id}, projects: {}, funds: {}, fdi: {}}}\n", t.0, t.1, t.2));
        }
        fs::write(
            dir.join(format!("targets/{year}.yaml")),
            format!("total: {{projects: {}, funds: {}, fdi: {}}}\nmembers:\n{shares}", total.0, total.1, total.2),
        )?;
        let last_month = if year == opts.last_year { opts.last_month } else { 12 };
        for month in 1..=last_month {
            fs::write(
                dir.join(format!("briefings/{year}-{month:02}.md")),
                format!(
                    "---\nissue: {month}\ntitle: 关于{year}年1—{month}月招商引资工作情况的通报\n---\n\n{{{{ period }}}}，到位资金{{{{ funds }}}}，完成年度目标任务的{{{{ funds.completion }}}}，{{{{ funds.gap }}}}。\n"
                ),
            )?;
        }
    }
    Ok(())
}

/// The targets of the generated folder `dir` (a county or a roll-up), by year.
fn targets_of(dir: &Path, opts: &Options) -> Vec<(i32, Targets)> {
    let first = opts.last_year - opts.years as i32 + 1;
    (first..=opts.last_year)
        .filter_map(|y| {
            let text = fs::read_to_string(dir.join(format!("targets/{y}.yaml"))).ok()?;
            let t = if text.contains("\ntotal:") || text.starts_with("total:") {
                county_targets(&text.replacen("total:", "county:", 1))
            } else {
                county_targets(&text)
            };
            Some((y, t))
        })
        .collect()
}

/// `out`: a province of `cities` cities of `counties` counties, each county as `opts` says.
pub fn generate_province(opts: &Options, cities: usize, counties: usize, out: &Path) -> io::Result<Summary> {
    let mut summary: Option<Summary> = None;
    let mut city_members = Vec::new();
    for c in 1..=cities {
        let city_id = format!("c{c:02}");
        let city_dir = out.join("cities").join(&city_id);
        let mut members = Vec::new();
        for k in 1..=counties {
            let id = format!("k{k:02}");
            let dir = city_dir.join("counties").join(&id);
            let mut o = opts.clone();
            o.seed = opts.seed.wrapping_add((c * 1000 + k) as u64);
            let s = generate(&o, &dir)?;
            summary = Some(match summary {
                None => s,
                Some(t) => Summary {
                    files: t.files + s.files,
                    bytes: t.bytes + s.bytes,
                    projects: t.projects + s.projects,
                    fund_entries: t.fund_entries + s.fund_entries,
                    units: t.units + s.units,
                    squads: t.squads + s.squads,
                    trips: t.trips + s.trips,
                    buildings: t.buildings + s.buildings,
                    meetings: t.meetings + s.meetings,
                    briefings: t.briefings + s.briefings,
                    pages: t.pages + s.pages,
                },
            });
            let site = fs::read_to_string(dir.join("site.yaml"))?;
            let name = site.lines().find_map(|l| l.strip_prefix("county: ")).unwrap_or("某县").to_string();
            members.push((id.clone(), format!("{name}{k}"), format!("counties/{id}"), targets_of(&dir, opts)));
        }
        let city_name = format!("第{c}市");
        rollup(&city_dir, "市", &city_name, &members, opts)?;
        city_members.push((city_id.clone(), city_name, format!("cities/{city_id}"), targets_of(&city_dir, opts)));
    }
    rollup(out, "省", "示例省", &city_members, opts)?;
    summary.ok_or_else(|| io::Error::other("no county"))
}
