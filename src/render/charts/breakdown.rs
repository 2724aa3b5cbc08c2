//! `by-chain` and `by-origin`: 到位资金 (亿元) by industry chain and by fund origin, one
//! horizontal bar per category in the order the figures give. Money from an origin the rules
//! do not count (县内 by default) is drawn hatched and tagged 不计入.

use super::bars::{BarRow, Bars, Fill, Swatch, Tag, draw};
use super::canvas::{GREY, LABEL, NAVY, f, fit_name, period};
use super::{Chart, DataTable};
use crate::figures::Snapshot;
use crate::figures::format;
use crate::figures::snapshot::BreakdownRow;

pub fn by_chain(s: &Snapshot) -> Chart {
    breakdown(s, "by-chain", "产业链", &s.breakdowns.by_chain)
}

pub fn by_origin(s: &Snapshot) -> Chart {
    breakdown(s, "by-origin", "资金来源", &s.breakdowns.by_fund_origin)
}

fn breakdown(s: &Snapshot, name: &'static str, what: &str, rows: &[BreakdownRow]) -> Chart {
    let period = period(s);
    let total = format::yi(s.headline.funds.value);
    let has_money = rows.iter().any(|r| !r.funds.is_zero());
    let with_counted = rows.iter().any(|r| !r.counted);

    let mut headers = vec![what, "到位资金（亿元）", "占比"];
    if with_counted {
        headers.push("计入到位资金");
    }
    let mut table = DataTable::new(
        format!("{}年{period}到位资金按{what}分布{}", s.year, if has_money { "" } else { "（暂无到位资金）" }),
        &headers,
    );
    let mut bars = Vec::new();
    let mut parts = Vec::new();
    let mut excluded = Vec::new();
    for r in rows {
        let money = format::yi(r.funds);
        let share = format::percent(r.funds_share.value);
        let mut cells = vec![r.name.clone(), money.clone(), if r.counted { share.clone() } else { "—".to_string() }];
        if with_counted {
            cells.push(if r.counted { "计入".to_string() } else { "不计入".to_string() });
        }
        table.rows.push(cells);
        let mut bar = BarRow::new(fit_name(&r.name, LABEL), Some(f(r.funds) / 10_000.0), String::new());
        if r.counted {
            bar.text = format!("{money} · {share}");
            bar.fill = Fill::Solid(NAVY);
            parts.push(format!("{}{money}亿元（{share}）", r.name));
        } else {
            bar.text = money.clone();
            bar.fill = Fill::Hatched(GREY);
            bar.tag = Some(Tag::Outlined("不计入"));
            excluded.push(format!("{}资金{money}亿元", r.name));
        }
        bars.push(bar);
    }

    let alt = if has_money {
        let mut alt = format!("{period}到位资金{total}亿元，按{what}分：{}", parts.join("，"));
        if !excluded.is_empty() {
            alt.push_str(&format!("；另有{}，不计入到位资金", excluded.join("、")));
        }
        alt.push('。');
        alt
    } else {
        format!("{period}暂无到位资金。")
    };

    let mut legend = vec![(Swatch::Fill(Fill::Solid(NAVY)), format!("到位资金 · 占{}比重", s.units.words.whole))];
    if with_counted && has_money {
        legend.push((Swatch::Fill(Fill::Hatched(GREY)), "不计入到位资金".to_string()));
    }
    let spec = Bars {
        rows: if has_money { bars } else { Vec::new() },
        percent: false,
        min_top: 0.0,
        unit: has_money.then(|| "亿元".to_string()),
        track: None,
        reference: None,
        legend: if has_money { legend } else { Vec::new() },
        empty: "暂无到位资金".to_string(),
    };
    Chart::new(name, format!("{period}到位资金按{what}分布"), draw(&spec), alt, table)
}
