//! Every chart on a small county worked out by hand, on an empty one, and on one with no
//! targets: well-formed, self-contained, deterministic SVG whose alt text and table state the
//! numbers computed here.
//!
//! `CHARTS_PREVIEW=/tmp/charts-preview cargo test --lib render::charts::tests::preview -- --ignored`
//! writes every chart (of the folder `CHARTS_CONTENT`, default `content/`, at `CHARTS_MONTH`;
//! or `CHARTS_CONTENT=fixture` / `empty`) and index.html, phone.html and grey.html to look at.

use super::{Chart, ChartKind};
use crate::content;
use crate::figures::{self, Snapshot};
use crate::period::Month;

/// Towns 甲镇 乙镇 丙镇 and departments 甲局 乙局; 2026 targets 10 projects, 1000 万元, 100
/// 万美元, 履约率 90%, factory occupancy 100% (unless `targets` is false); then `extra` files.
fn county(targets: bool, extra: &[(&str, &str)]) -> content::Content {
    figures::tests::county_with("", targets, extra)
}

const P1: &str = concat!(
    "name: 项目\ninvestor: 某公司\nchain: agri\nsign_type: 合同\ntotal_investment: 600\ncontract_amount: 600\n",
    "leader: l1\nmeasures: 专班推进\nunit: t1\nmilestones:\n  signed: 2026-01-15\n  registered: 2026-02-01\n",
    "funds:\n",
    "  - {month: 2026-02, amount: 100, origin: 省外, use: 固定资产}\n",
    "  - {month: 2026-03, amount: 200.5, origin: 省内市外, use: 流动资金}\n",
    "  - {month: 2026-02, amount: 50, origin: 县内, use: 固定资产}\n",
    "  - {month: 2026-04, amount: 999, origin: 省外, use: 固定资产}\n",
    "fdi:\n  - {month: 2026-03, amount: 12}\n",
);
const OLD: &str = concat!(
    "name: 老项目\ninvestor: 某公司\nchain: tour\nsign_type: 合同\ntotal_investment: 500\ncontract_amount: 500\n",
    "leader: l1\nmeasures: 专班推进\nunit: t2\nmilestones:\n  signed: 2025-01-10\n",
    "funds:\n",
    "  - {month: 2025-02, amount: 150, origin: 省外, use: 固定资产}\n",
    "  - {month: 2025-03, amount: 90, origin: 市内县外, use: 固定资产}\n",
);
const FACTORIES: &str = concat!(
    "- park: 现代材料产业园\n  buildings:\n",
    "    - {id: a1, area: 1000, completed: 2025-01-01, project: p1, moved_in: 2026-02-01}\n",
    "    - {id: a2, area: 2000, completed: 2025-01-01}\n",
    "    - {id: a3, area: 3000, completed: 2026-06-01}\n",
);

fn squad(name: &str, trip_month: &str) -> String {
    format!(
        "name: {name}\nunit: t1\ntrips:\n  - {{start: {trip_month}-03, end: {trip_month}-05, destination: 杭州, people: 3, companies: [甲公司], leads: 1}}\n"
    )
}

/// March 2026: funds 100 + 200.5 = 300.5 万元 (县内 50 excluded, April's 999 later), FDI 12.
fn march() -> Snapshot {
    let s1 = squad("第一招商小分队", "2026-03");
    let s2 = squad("县发展和改革局驻外招商小分队", "2026-01");
    let c = county(
        true,
        &[
            ("projects/p1.yaml", P1),
            ("projects/old.yaml", OLD),
            ("squads/s1.yaml", &s1),
            ("squads/s2.yaml", &s2),
            ("factories.yaml", FACTORIES),
        ],
    );
    figures::snapshot(&c, Month::parse("2026-03").unwrap())
}

fn all(s: &Snapshot) -> Vec<Chart> {
    ChartKind::ALL.iter().map(|k| k.draw(s)).collect()
}

fn chart(s: &Snapshot, name: &str) -> Chart {
    ChartKind::from_name(name).unwrap_or_else(|| panic!("no chart {name}")).draw(s)
}

/// Balanced tags, quoted attributes, escaped text: enough of XML to catch a broken SVG.
fn assert_well_formed(name: &str, svg: &str) {
    let mut stack: Vec<&str> = Vec::new();
    let mut rest = svg;
    while let Some(open) = rest.find('<') {
        let text = &rest[..open];
        assert!(!text.contains('>'), "{name}: stray '>' in text {text:?}");
        assert_entities(name, text);
        let close = rest[open..].find('>').unwrap_or_else(|| panic!("{name}: unclosed tag")) + open;
        let tag = &rest[open + 1..close];
        assert!(!tag.contains('<'), "{name}: '<' inside tag {tag:?}");
        assert_eq!(tag.matches('"').count() % 2, 0, "{name}: unbalanced quotes in {tag:?}");
        assert_entities(name, tag);
        if let Some(end) = tag.strip_prefix('/') {
            assert_eq!(stack.pop(), Some(end.trim()), "{name}: mismatched </{end}>");
        } else if !tag.ends_with('/') {
            stack.push(tag.split_whitespace().next().unwrap_or(""));
        }
        rest = &rest[close + 1..];
    }
    assert!(rest.trim().is_empty(), "{name}: text after the root");
    assert!(stack.is_empty(), "{name}: unclosed {stack:?}");
}

fn assert_entities(name: &str, s: &str) {
    for (i, _) in s.match_indices('&') {
        let entity = &s[i..s[i..].find(';').map_or(s.len(), |e| i + e + 1)];
        assert!(["&lt;", "&gt;", "&amp;", "&quot;", "&apos;"].contains(&entity), "{name}: bad entity {entity:?}");
    }
}

fn assert_inline_ready(c: &Chart) {
    let svg = &c.svg;
    assert_well_formed(c.name, svg);
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""), "{}: {}", c.name, &svg[..40.min(svg.len())]);
    assert!(!svg.contains("<?xml"));
    assert_eq!(svg.matches("http").count(), 1, "{}: an external reference", c.name);
    for forbidden in ["<script", "<image", "href", "@import", "@font-face", "url("] {
        assert!(!svg.contains(forbidden), "{}: contains {forbidden}", c.name);
    }
    let root = &svg[..svg.find('>').unwrap()];
    assert!(root.contains(" role=\"img\""));
    assert!(root.contains(" viewBox=\"0 0 "));
    assert!(root.contains(" width=\"100%\""));
    assert!(!root.contains(" height=\""), "{}: a fixed height keeps it from scaling", c.name);
    assert!(root.contains(&format!(" aria-label=\"{}\"", super::canvas::escape(&c.alt))));
    assert!(
        root.contains(" font-family=\"Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, SimHei, sans-serif\"")
    );
    assert!(svg.contains(&format!("<title>{}</title>", super::canvas::escape(&c.title))));
    assert_text_inside(c);
    assert!(!c.alt.is_empty() && c.alt.ends_with('。'), "{}: alt {:?}", c.name, c.alt);
    assert!(!c.table.caption.is_empty() && !c.table.headers.is_empty());
    for row in &c.table.rows {
        assert_eq!(row.len(), c.table.headers.len(), "{}: ragged table row {row:?}", c.name);
    }
}

/// Every label, by our width estimate, lies within the viewBox: nothing is clipped at an edge.
fn assert_text_inside(c: &Chart) {
    let attr = |tag: &str, name: &str| -> Option<String> {
        let start = tag.find(&format!(" {name}=\"")).map(|i| i + name.len() + 3)?;
        Some(tag[start..start + tag[start..].find('"')?].to_string())
    };
    let root = &c.svg[..c.svg.find('>').unwrap()];
    let view: Vec<f64> = attr(root, "viewBox").unwrap().split(' ').map(|v| v.parse().unwrap()).collect();
    let mut rest = c.svg.as_str();
    let mut placed: Vec<(f64, f64, f64, String)> = Vec::new();
    while let Some(i) = rest.find("<text ") {
        let close = rest[i..].find('>').unwrap() + i;
        let tag = &rest[i..close];
        let end = rest[close..].find("</text>").unwrap() + close;
        let text = rest[close + 1..end].replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        let x: f64 = attr(tag, "x").unwrap().parse().unwrap();
        let size: f64 = attr(tag, "font-size").unwrap().parse().unwrap();
        let w = super::canvas::text_width(&text, size) * if tag.contains("bold") { 1.05 } else { 1.0 };
        let (left, right) = match attr(tag, "text-anchor").as_deref() {
            Some("middle") => (x - w / 2.0, x + w / 2.0),
            Some("end") => (x - w, x),
            _ => (x, x + w),
        };
        assert!(left >= -1.0 && right <= view[2] + 1.0, "{}: {text:?} spans {left:.0}..{right:.0} of {}", c.name, view[2]);
        let y: f64 = attr(tag, "y").unwrap().parse().unwrap();
        placed.push((y, left, right, text));
        rest = &rest[end..];
    }
    // Labels on one line (an axis's numbers, a legend) do not run into each other.
    placed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    for pair in placed.windows(2) {
        let ((y1, _, right, a), (y2, left, _, b)) = (&pair[0], &pair[1]);
        assert!(y1 != y2 || left >= right, "{}: {a:?} runs into {b:?} ({right:.0} > {left:.0})", c.name);
    }
}

#[test]
fn cjk_widths_names_and_axes() {
    use super::canvas::{fit_name, nice_axis, text_width};
    assert_eq!(text_width("到位资金", 10.0), 40.0);
    assert!(text_width("178.23", 10.0) < 40.0);
    // Eight Chinese characters stay whole; a ninth is cut; narrow digits leave room.
    assert_eq!(fit_name("县行政审批服务局", 14.0), "县行政审批服务局");
    assert_eq!(fit_name("县发展和改革局驻外", 14.0), "县发展和改革局…");
    assert_eq!(fit_name("500强及总部经济", 14.0), "500强及总部经济");
    assert_eq!(nice_axis(178.17, false), (200.0, 50.0));
    assert_eq!(nice_axis(94.0, false), (100.0, 20.0));
    assert_eq!(nice_axis(3.0, true), (3.0, 1.0));
    assert_eq!(nice_axis(0.0, true), (1.0, 1.0));
}

#[test]
fn every_name_has_a_chart_and_names_are_unique() {
    let s = march();
    for kind in ChartKind::ALL {
        assert_eq!(kind.draw(&s).name, kind.name());
        assert_eq!(ChartKind::ALL.iter().filter(|k| k.name() == kind.name()).count(), 1);
    }
    assert!(ChartKind::from_name("nope").is_none());
    // A briefing may embed exactly the charts `check` accepts: every kind but the sparklines.
    let embeddable: Vec<&str> = ChartKind::ALL.iter().filter(|k| k.embeddable()).map(|k| k.name()).collect();
    assert_eq!(embeddable, content::placeholders::CHARTS);
}

#[test]
fn charts_are_inline_ready_and_deterministic() {
    let s = march();
    let first = all(&s);
    let second = all(&s);
    for (a, b) in first.iter().zip(&second) {
        assert_inline_ready(a);
        assert_eq!(a.svg, b.svg, "{} is not deterministic", a.name);
        assert_eq!(a.alt, b.alt);
    }
}

#[test]
fn progress_states_the_three_completions() {
    let c = chart(&march(), "progress");
    // Funds 300.5 / 1000 = 30.05%, time progress 3/12 = 25.00%: 5.05 points ahead.
    // 300.5 万元 = 0.03005 亿元 → 0.03. Projects 1 / 10 = 10.00%, 15.00 behind. FDI 12 / 100.
    assert!(c.alt.contains("到位资金0.03亿元，完成年度目标的30.05%，超时序进度5.05个百分点"), "{}", c.alt);
    assert!(c.alt.contains("招引项目1个，完成年度目标的10.00%，欠时序进度15.00个百分点"), "{}", c.alt);
    assert!(c.alt.contains("外资直投12万美元，完成年度目标的12.00%"), "{}", c.alt);
    assert!(c.alt.starts_with("1—3月"));
    assert!(c.alt.contains("时序进度25.00%"));
    assert_eq!(c.table.rows[1], ["到位资金", "亿元", "0.03", "0.10", "30.05%", "+5.05"]);
    assert_eq!(c.table.rows[0], ["招引项目", "个", "1", "10", "10.00%", "−15.00"]);
    assert!(c.svg.contains(">30.05%</text>"));
    assert!(c.svg.contains(">时序进度25.00%</text>"));
    // Projects are behind time progress: hatched, and the legend says what hatching means.
    assert!(c.svg.contains(">欠时序进度</text>"));
}

#[test]
fn monthly_series_against_target_and_last_year() {
    let s = march();
    let c = chart(&s, "funds-monthly");
    // Cumulative 0, 100, 300.5 万元; target line 1000 × k/12 = 83.33…, 166.67, 250; last year
    // 0, 150, 240 (2025: 150 in Feb, 90 in Mar). 同比 (300.5 − 240) / 240 = 25.21%.
    let rows: Vec<Vec<&str>> = c.table.rows.iter().map(|r| r.iter().map(String::as_str).collect()).collect();
    assert_eq!(rows, [["1月", "0.00", "0.01", "0.00"], ["2月", "0.01", "0.02", "0.02"], ["3月", "0.03", "0.03", "0.02"]]);
    assert_eq!(c.table.headers[1], "本年累计（亿元）");
    assert!(
        c.alt.contains("到位资金0.03亿元，完成年度目标的30.05%，超时序进度5.05个百分点；上年同期0.02亿元，同比增长25.21%"),
        "{}",
        c.alt
    );
    let p = chart(&s, "projects-monthly");
    assert_eq!(p.table.rows[2][1], "1");
    assert_eq!(p.table.headers[1], "本年累计（个）");
    let fdi = chart(&s, "fdi-monthly");
    assert_eq!(fdi.table.rows[2][1], "12");
    assert!(fdi.alt.contains("外资直投12万美元，完成年度目标的12.00%"), "{}", fdi.alt);
    for c in [&c, &p, &fdi] {
        for k in 1..=3 {
            assert!(c.svg.contains(&format!(">{k}月</text>")), "{}: no x label {k}月", c.name);
        }
    }
}

#[test]
fn new_funds_each_month_against_the_same_month_last_year() {
    let s = march();
    // Steps of the cumulative series: 2026 0, 100, 200.5 万元 (Feb 100, Mar 200.5); 2025 0, 150,
    // 90 (Feb 150, Mar 90).
    let steps = super::new_by_month::monthly_new(&s, super::metric::Metric::Funds);
    let d = |v: &str| rust_decimal::Decimal::from_str_exact(v).unwrap();
    assert_eq!(steps, [(1, d("0"), d("0")), (2, d("100"), d("150")), (3, d("200.5"), d("90"))]);
    let c = chart(&s, "funds-new");
    // 同比 (200.5 − 90) / 90 = 122.78%; 环比 (200.5 − 100) / 100 = 100.50%; in 亿元 200.5 万元
    // = 0.02, 90 = 0.01, 100 = 0.01.
    assert_eq!(c.alt, "3月新增到位资金0.02亿元，上年同月0.01亿元，同比增长122.78%；2月0.01亿元，环比增长100.50%。");
    assert_eq!(c.table.rows[2], ["3月", "0.02", "0.01", "+122.78%"]);
    assert_eq!(c.table.rows[0][3], "—", "no 同比 over an empty month");
    assert!(c.svg.contains(">0.02亿元</text>"));
}

#[test]
fn rates_with_targets_and_counts() {
    let c = chart(&march(), "rates");
    // 履约: p1 registered → 1 / 1 = 100%, target 90%. 资金到位率: (100 + 200.5) / 600 = 50.08%.
    // Nothing started or producing: 0 / 1.
    assert!(c.alt.contains("履约率100.00%（目标90.00%）"), "{}", c.alt);
    assert!(c.alt.contains("资金到位率50.08%"));
    assert!(c.alt.contains("开工率0.00%"));
    assert_eq!(c.table.rows[1], ["资金到位率", "50.08%", "—", "0.03", "0.06", "亿元"]);
    assert_eq!(c.table.rows[0], ["履约率", "100.00%", "90.00%", "1", "1", "个"]);
    // The only rate with a target meets it: no bar is hatched as below target.
    assert!(!c.svg.contains("低于目标"));
}

#[test]
fn pipeline_breakdowns_units_squads_factories() {
    let s = march();
    let p = chart(&s, "pipeline");
    assert!(p.alt.contains("签约项目1个，其中履约1个（100.00%）、开工0个（0.00%）、投产0个（0.00%）；已终止0个"), "{}", p.alt);
    assert_eq!(p.table.rows[0], ["签约", "1", "100.00%"]);

    let o = chart(&s, "by-origin");
    // 省外 100 of 300.5 = 33.28%; 省内市外 200.5 = 66.72%; 县内 50 shown but not counted.
    let row = |name: &str| o.table.rows.iter().find(|r| r[0] == name).unwrap().clone();
    assert_eq!(row("省外"), ["省外", "0.01", "33.28%", "计入"]);
    assert_eq!(row("省内市外"), ["省内市外", "0.02", "66.72%", "计入"]);
    assert_eq!(row("县内"), ["县内", "0.01", "—", "不计入"]);
    assert!(o.alt.contains("县内资金0.01亿元，不计入到位资金"), "{}", o.alt);
    assert!(o.svg.contains(">不计入</text>"));

    let chain = chart(&s, "by-chain");
    assert!(chain.alt.contains("新农业0.03亿元（100.00%）"), "{}", chain.alt);

    let towns = chart(&s, "units-towns");
    // t1 300.5 / 400 = 75.13% (rank 1), t2 0 / 400 = 0% (rank 2); t3 has no target, unranked.
    assert_eq!(towns.table.rows.len(), 2);
    assert_eq!(towns.table.rows[0][..5], ["1", "甲镇", "300.50", "400.00", "75.13%"]);
    assert!(towns.alt.contains("第1名甲镇（75.13%），末位乙镇（0.00%）"), "{}", towns.alt);
    assert!(!towns.svg.contains(">丙镇</text>"));

    let sq = chart(&s, "squad-trips");
    // s1 went out in March only, s2 in January only: in March 1 of 2 met the rule (50%).
    assert!(
        sq.alt.contains("3月2支招商小分队中1支达到每月至少出访1次的要求，达标率50.00%；未达标：县发展和改革局驻外招商小分队"),
        "{}",
        sq.alt
    );
    assert_eq!(sq.table.headers, ["小分队", "1月", "2月", "3月", "合计（次）"]);
    assert_eq!(sq.table.rows[1], ["县发展和改革局驻外招商小分队", "1", "0（未）", "0（未）", "1"]);
    // The long name is cut in the chart, whole in the table.
    assert!(sq.svg.contains(">县发展和改革局…</text>"));

    let f = chart(&s, "factories");
    // Built by 03-31: a1 (1000, occupied) and a2 (2000): 1000 / 3000 = 33.33%.
    assert!(
        f.alt.contains("已建成标准化厂房2栋3,000平方米，已入驻1栋1,000平方米，入驻率33.33%（按面积，目标100.00%）"),
        "{}",
        f.alt
    );
    assert_eq!(f.table.rows.len(), 3);
    assert_eq!(f.table.rows[0][..4], ["现代材料产业园", "a1", "1,000", "已入驻"]);

    let spark = chart(&s, "sparkline-funds");
    assert!(spark.alt.contains("到位资金0.03亿元，完成年度目标的30.05%"));
    assert!(spark.svg.contains("viewBox=\"0 0 120 32\""));
    assert!(!spark.svg.contains("<text"));
}

#[test]
fn empty_county_in_january_draws_every_chart() {
    for targets in [true, false] {
        let c = county(targets, &[]);
        let s = figures::snapshot(&c, Month::parse("2026-01").unwrap());
        for chart in all(&s) {
            assert_inline_ready(&chart);
        }
        assert!(chart(&s, "pipeline").alt.contains("暂无签约项目"));
        assert!(chart(&s, "pipeline").svg.contains(">暂无签约项目</text>"));
        assert!(chart(&s, "squad-trips").table.caption.contains("暂无招商小分队"));
        assert!(chart(&s, "squad-trips").table.rows.is_empty());
        assert!(chart(&s, "factories").table.rows.is_empty());
        assert!(chart(&s, "factories").table.caption.contains("暂无"));
        assert!(chart(&s, "by-chain").svg.contains(">暂无到位资金</text>"));
        assert!(chart(&s, "by-origin").alt.contains("暂无到位资金"));
        let rates = chart(&s, "rates");
        assert!(rates.alt.contains("履约率暂无数据"), "{}", rates.alt);
        assert!(rates.table.rows.iter().all(|r| r[1] == "—"));
        let units = chart(&s, "units-towns");
        let progress = chart(&s, "progress");
        if targets {
            // 0 of 10 in January: 0.00%, 8.33 points behind.
            assert!(progress.alt.contains("招引项目0个，完成年度目标的0.00%，欠时序进度8.33个百分点"), "{}", progress.alt);
            assert_eq!(units.table.rows.len(), 2);
        } else {
            assert!(progress.alt.contains("招引项目0个（未设年度目标）"), "{}", progress.alt);
            assert!(chart(&s, "funds-monthly").svg.contains(">暂无数据</text>"));
            assert!(units.svg.contains(">暂无排名（未设单位目标）</text>"));
            assert!(units.table.rows.is_empty());
        }
    }
}

#[test]
#[ignore = "writes preview files; run by hand"]
fn preview() {
    let Some(dir) = std::env::var_os("CHARTS_PREVIEW") else {
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    std::fs::create_dir_all(&dir).unwrap();
    let root = std::env::var("CHARTS_CONTENT").unwrap_or_else(|_| "content".to_string());
    let empty = || figures::snapshot(&county(false, &[]), Month::parse("2026-01").unwrap());
    let snapshot = if root == "empty" {
        empty()
    } else if root == "fixture" {
        march()
    } else {
        content::load(std::path::Path::new(&root))
            .ok()
            .and_then(|l| l.content)
            .and_then(|c| {
                let month = std::env::var("CHARTS_MONTH").ok().and_then(|m| Month::parse(&m)).or_else(|| c.latest_period())?;
                Some(figures::snapshot(&c, month))
            })
            .unwrap_or_else(march)
    };
    // index.html at desktop width, phone.html at a 390 px phone's content width, grey.html in
    // greyscale (as a black-and-white print shows it).
    let charts = all(&snapshot);
    for (file, style) in [
        ("index.html", "figure{width:500px}"),
        ("phone.html", "figure{width:358px}"),
        ("grey.html", "figure{width:500px} body{filter:grayscale(1)}"),
    ] {
        let mut html = format!(
            "<!doctype html><meta charset=utf-8><title>charts</title><style>body{{font-family:sans-serif;margin:8px}}\
             figure{{margin:0 8px 16px 0;padding:8px;border:1px solid #ddd;display:inline-block;vertical-align:top}}\
             figcaption{{font-size:13px;color:#333}} {style}</style><body>\n"
        );
        for c in &charts {
            html.push_str(&format!(
                "<figure id=\"{}\"><figcaption><b>{}</b> — {}</figcaption>{}</figure>\n",
                c.name,
                super::canvas::escape(&c.title),
                super::canvas::escape(&c.alt),
                c.svg
            ));
        }
        std::fs::write(dir.join(file), html).unwrap();
    }
    for c in &charts {
        std::fs::write(dir.join(format!("{}.svg", c.name)), &c.svg).unwrap();
        assert_inline_ready(c);
    }
}

/// A province's money reaches 10 000 亿元 and more, as in its by-origin chart: the axis labels
/// only every k-th tick, so 2,500 5,000 7,500 10,000 12,500 do not run together.
#[test]
fn wide_axis_numbers_keep_apart() {
    use super::bars::{BarRow, Bars, draw};
    let rows = [("省外", 10_347.17, " · 100.00%"), ("省内市外", 1_239.66, ""), ("市内县外", 306.92, ""), ("县内", 82.41, "")]
        .into_iter()
        .map(|(name, v, share)| BarRow::new(name, Some(v), format!("{v:.2}{share}")))
        .collect();
    let spec = Bars {
        rows,
        percent: false,
        min_top: 0.0,
        unit: Some("亿元".into()),
        track: None,
        reference: None,
        legend: Vec::new(),
        empty: String::new(),
    };
    let svg = draw(&spec).finish("到位资金按资金来源分布", "示例。");
    assert!(svg.contains(">0<") && svg.contains(">10,000<"), "{svg}");
    let c = Chart {
        name: "wide",
        title: String::new(),
        svg,
        alt: "示例。".into(),
        table: super::DataTable { caption: String::new(), headers: Vec::new(), rows: Vec::new() },
    };
    assert_text_inside(&c);
}
