//! `units-towns`, `units-departments`: the ranked units of one kind, best first, as bars of
//! their completion of the ranking metric (`units.rank_by`) against the 时序进度 line.
//! Red-list units are solid dark red and tagged 红榜, black-list units hatched and tagged
//! 黑榜 (outlined), so the lists survive greyscale printing.

use super::bars::{BarRow, Bars, Fill, Swatch, Tag, draw, time_progress_line};
use super::canvas::{DARK_RED, INK, LABEL, NAVY, f, fit_name, period};
use super::{Chart, DataTable};
use crate::content::model::RankBy;
use crate::figures::Snapshot;
use crate::figures::format;
use crate::figures::snapshot::{List, UnitMetric, UnitRow};

pub fn towns(s: &Snapshot) -> Chart {
    ranking(s, "units-towns", s.units.words.towns_short, &s.units.towns)
}

pub fn departments(s: &Snapshot) -> Chart {
    ranking(s, "units-departments", "部门", &s.units.departments)
}

fn ranking(s: &Snapshot, name: &'static str, kind: &str, units: &[UnitRow]) -> Chart {
    let period = period(s);
    let tp = format::percent(s.time_progress.value);
    let by_funds = s.units.rank_by == RankBy::Funds;
    let (what, unit) = if by_funds { ("到位资金", "万元") } else { ("招引项目", "个") };
    fn pick(u: &UnitRow, by_funds: bool) -> &UnitMetric {
        if by_funds { &u.funds } else { &u.projects }
    }
    let metric = |u: &UnitRow| pick(u, by_funds).clone();
    let show = |v| if by_funds { format::wan(v) } else { format::count(v) };
    let ranked: Vec<&UnitRow> = units.iter().filter(|u| u.rank.is_some()).collect();

    let mut table = DataTable::new(
        format!(
            "{}年{period}{kind}{what}完成率排名（时序进度{tp}）{}",
            s.year,
            if ranked.is_empty() { "（暂无排名）" } else { "" }
        ),
        &[
            "排名",
            "单位",
            &format!("{what}（{unit}）") as &str,
            &format!("目标（{unit}）"),
            "完成率",
            "超(+)/欠(−)时序进度（个百分点）",
            "红黑榜",
        ],
    );
    let mut rows = Vec::new();
    for u in &ranked {
        let m = metric(u);
        let completion = format::percent(m.completion.value);
        let list = u.list.map_or("", List::zh);
        table.rows.push(vec![
            u.rank.map_or("—".to_string(), |r| r.to_string()),
            u.name.clone(),
            show(m.value),
            m.target.map_or("—".to_string(), show),
            completion.clone(),
            format::points(m.gap_points),
            list.to_string(),
        ]);
        let mut row = BarRow::new(fit_name(&u.name, LABEL), m.completion.value.map(f), completion);
        row.prefix = u.rank.map(|r| r.to_string());
        (row.fill, row.tag) = match u.list {
            Some(List::Red) => (Fill::Solid(DARK_RED), Some(Tag::Solid("红榜"))),
            Some(List::Black) => (Fill::Hatched(INK), Some(Tag::Outlined("黑榜"))),
            _ => (Fill::Solid(NAVY), None),
        };
        rows.push(row);
    }

    let alt = if ranked.is_empty() {
        format!("{period}{kind}暂无排名（未设单位目标）。")
    } else {
        let names = |rank: Option<u32>| {
            ranked
                .iter()
                .filter(|u| u.rank == rank)
                .map(|u| format!("{}（{}）", u.name, format::percent(metric(u).completion.value)))
                .collect::<Vec<_>>()
                .join("、")
        };
        let last = ranked.iter().filter_map(|u| u.rank).max();
        let mut alt = format!("{period}{kind}按{what}完成率排名，第1名{}", names(Some(1)));
        if last != Some(1) {
            alt.push_str(&format!("，末位{}", names(last)));
        }
        for list in [List::Red, List::Black] {
            let title = list.zh();
            let on: Vec<&str> = ranked.iter().filter(|u| u.list == Some(list)).map(|u| u.name.as_str()).collect();
            if !on.is_empty() {
                alt.push_str(&format!("；{title}：{}", on.join("、")));
            }
        }
        alt.push_str(&format!("。时序进度{tp}。"));
        alt
    };

    let mut legend = vec![(Swatch::Fill(Fill::Solid(NAVY)), format!("{what}完成率"))];
    if rows.iter().any(|r| matches!(r.tag, Some(Tag::Solid(_)))) {
        legend.push((Swatch::Fill(Fill::Solid(DARK_RED)), "红榜".to_string()));
    }
    if rows.iter().any(|r| matches!(r.tag, Some(Tag::Outlined(_)))) {
        legend.push((Swatch::Fill(Fill::Hatched(INK)), "黑榜".to_string()));
    }
    let (line, line_legend) = time_progress_line(s);
    legend.push(line_legend);
    let legend = if ranked.is_empty() { Vec::new() } else { legend };
    let empty = if units.is_empty() { format!("暂无{kind}") } else { "暂无排名（未设单位目标）".to_string() };
    let spec = Bars::completion(rows, line, legend, empty);
    Chart::new(name, format!("{period}{kind}{what}完成率排名"), draw(&spec), alt, table)
}
