//! `bulletin figures`: the snapshot of one month, as JSON (the published `data/<YYYY-MM>.json`)
//! or as a readable table.

use std::io::Write;
use std::process::ExitCode;

use crate::cli::{FiguresArgs, FiguresFormat};
use crate::content::model::RankBy;
use crate::figures::snapshot::{List, Snapshot};
use crate::figures::{self, format as fmt};

pub fn run(args: &FiguresArgs) -> anyhow::Result<ExitCode> {
    let Some((content, _)) = super::load_or_report(&args.content)? else {
        return Ok(ExitCode::from(1));
    };
    let Some(month) = args.month.or_else(|| content.latest_period()) else {
        anyhow::bail!("no briefing yet, so no default month: pass --month YYYY-MM");
    };
    if let Err(problem) = content.check_report_month(month) {
        super::report_problem(&problem)?;
        return Ok(ExitCode::from(1));
    }
    let snapshot = figures::snapshot(&content, month);
    let mut out = std::io::stdout().lock();
    match args.format {
        FiguresFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &snapshot)?;
            writeln!(out)?;
        }
        FiguresFormat::Table => {
            // Unit and squad names come from the content: no control character reaches the terminal.
            for line in table(&snapshot).lines() {
                writeln!(out, "{}", crate::diagnostics::render::printable(line))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A plain-text summary for the terminal.
fn table(s: &Snapshot) -> String {
    let mut t = String::new();
    let h = &s.headline;
    let line = |t: &mut String, name: &str, value: String, target: &figures::snapshot::Target| {
        t.push_str(&format!(
            "{name:<10}{value:>16}  完成率 {:>8}  {}  {}  本月 {}\n",
            fmt::percent(target.completion.value),
            fmt::gap_text(target.gap_points),
            fmt::yoy_text(target.yoy.value),
            fmt::amount(target.this_month),
        ));
    };
    t.push_str(&format!(
        "{}年1—{}月  截至 {}  时序进度 {}\n\n",
        s.year,
        s.month.number(),
        s.as_of,
        fmt::percent(s.time_progress.value)
    ));
    line(&mut t, "招引项目", format!("{} 个", fmt::count(h.projects.value)), &h.projects);
    line(&mut t, "到位资金", format!("{} 亿元", fmt::yi(h.funds.value)), &h.funds);
    line(&mut t, "外资直投", format!("{} 万美元", fmt::amount(h.fdi.value)), &h.fdi);
    t.push('\n');
    let r = &s.rates;
    for (name, rate) in [("履约率", &r.fulfilment), ("资金到位率", &r.funds), ("开工率", &r.start), ("竣工投产率", &r.production)]
    {
        t.push_str(&format!(
            "{name:<10}{:>10}  ({} / {})\n",
            fmt::percent(rate.rate.value),
            fmt::amount(rate.numerator),
            fmt::amount(rate.denominator)
        ));
    }
    t.push_str(&format!(
        "协议转合同  {} / {}   小分队达标率 {} ({}/{})   厂房入驻率 {}\n",
        s.agreements.converted,
        s.agreements.agreements,
        fmt::percent(s.squads.rate.value),
        s.squads.met,
        s.squads.total,
        fmt::percent(s.factories.rate_area.value)
    ));
    for (kind, rows) in [("镇办", &s.units.towns), ("部门", &s.units.departments)] {
        t.push_str(&format!("\n{kind}排名（按{}）\n", if s.units.rank_by == RankBy::Funds { "到位资金" } else { "项目" }));
        for row in rows.iter() {
            let m = if s.units.rank_by == RankBy::Funds { &row.funds } else { &row.projects };
            t.push_str(&format!(
                "  {:>3}  {:<12} {:>14}  {:>8}  {:>8}  {}\n",
                row.rank.map_or("—".to_string(), |r| r.to_string()),
                row.name,
                fmt::wan(m.value),
                fmt::percent(m.completion.value),
                fmt::points(m.gap_points),
                row.list.map_or("", List::zh)
            ));
        }
    }
    t
}
