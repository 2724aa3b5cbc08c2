//! View models: what templates see. Every number is already formatted here (with
//! `figures::format`), so a template can only lay figures out, never compute or round them.
//! Links are relative to the site root; templates prefix them with `layout.root`.

use rust_decimal::Decimal;
use serde::Serialize;

use super::charts::{Chart, ChartKind};
use super::markdown::escape;
use crate::figures::format as fmt;
use crate::figures::snapshot::{Rate, Snapshot, Target};
use crate::paths;

/// What every page's frame needs.
#[derive(Serialize, Clone)]
pub struct Layout {
    /// `""` at the top, `"../"` one folder down: prefix of every link.
    pub root: String,
    pub site_title: String,
    pub issuer: String,
    pub sample: bool,
    pub page_title: String,
    /// Which navigation entry is current.
    pub section: &'static str,
    pub nav: &'static [NavEntry],
    /// The list of all free pages, linked when the navigation cannot show them all.
    pub pages_index: &'static str,
    /// `2026年1—10月`: the period the site's figures are as of.
    pub period: String,
    pub as_of: String,
    /// Path of the latest bulletin page, if any.
    pub latest_bulletin: Option<String>,
    /// The first free pages, for the navigation (at most [`NAV_PAGES`]).
    pub pages: Vec<Link>,
    /// More free pages than the navigation shows: it links to the list of all of them.
    pub more_pages: bool,
    /// Set only by `serve`: the page listens for rebuilds.
    pub live_reload: bool,
    /// The site has `feed.xml` (it has a `base_url`).
    pub feed: bool,
    /// 全县/全市, 镇办/县区…: the words of a county's site or of a roll-up's.
    pub words: crate::content::model::Words,
}

/// How many free pages the navigation lists; the rest are on `pages/index.html`. A cap
/// keeps every page's size independent of how many pages the site has.
pub const NAV_PAGES: usize = 5;

#[derive(Serialize, Clone)]
pub struct Link {
    pub href: String,
    pub text: String,
}

pub fn page_link(p: &crate::content::model::Page) -> Link {
    Link { href: paths::page(&p.id), text: p.title.clone() }
}

/// An entry of the main navigation.
#[derive(Serialize, Clone, Copy)]
pub struct NavEntry {
    /// The section a page of it says it is in ([`Layout::section`]).
    pub section: &'static str,
    pub text: &'static str,
    pub href: &'static str,
    /// Not shown: a roll-up has no squads, factories or meetings of its own (they stay with
    /// the counties). Kept in the list so that `layout.nav[3]` is the ranking everywhere.
    pub hidden: bool,
}

/// The main navigation, in order (the free pages follow it).
pub const NAV: [NavEntry; 9] = nav("单位排名", false);
/// A city's: its counties ranked, and nothing that only a county keeps.
pub const CITY_NAV: [NavEntry; 9] = nav("县区排名", true);
/// A province's: its cities ranked.
pub const PROVINCE_NAV: [NavEntry; 9] = nav("各市排名", true);

const fn entry(section: &'static str, text: &'static str, href: &'static str, hidden: bool) -> NavEntry {
    NavEntry { section, text, href, hidden }
}

const fn nav(ranking: &'static str, rollup: bool) -> [NavEntry; 9] {
    [
        entry("home", "首页", paths::DASHBOARD, false),
        entry("bulletins", "简报", paths::ARCHIVE, false),
        entry("projects", "项目台账", paths::LEDGER, false),
        entry("units", ranking, paths::UNITS, false),
        entry("squads", "小分队", paths::SQUADS, rollup),
        entry("chains", "产业链", paths::CHAINS, false),
        entry("leaders", "五个一", paths::LEADERS, false),
        entry("factories", "厂房", paths::FACTORIES, rollup),
        entry("meetings", "交办联评", paths::MEETINGS, rollup),
    ]
}

/// The navigation of a site of `content`.
pub fn nav_of(site: &crate::content::model::Site) -> &'static [NavEntry; 9] {
    match site.rollup {
        None => &NAV,
        Some(crate::content::model::RollupLevel::City) => &CITY_NAV,
        Some(crate::content::model::RollupLevel::Province) => &PROVINCE_NAV,
    }
}

/// A headline target as a dashboard card and a table row.
#[derive(Serialize)]
pub struct Card {
    pub key: &'static str,
    pub name: &'static str,
    pub value: String,
    pub unit: &'static str,
    pub target: String,
    pub completion: String,
    /// Bar width in percent, 0–100.
    pub bar: String,
    /// Time-progress marker position in percent.
    pub marker: String,
    pub gap: String,
    /// `ahead`, `behind` or `even`: for styling only (the text says it too).
    pub status: &'static str,
    pub yoy: String,
    pub last_year: String,
    pub this_month: String,
    pub sparkline: String,
}

fn status(gap: Option<Decimal>) -> &'static str {
    match gap {
        Some(g) if g > Decimal::ZERO => "ahead",
        Some(g) if g < Decimal::ZERO => "behind",
        Some(_) => "even",
        None => "none",
    }
}

fn bar_width(ratio: Option<Decimal>) -> String {
    let pct = ratio.map_or(Decimal::ZERO, fmt::percent_value).clamp(Decimal::ZERO, Decimal::ONE_HUNDRED);
    fmt::fixed(pct, 2)
}

pub fn cards(s: &Snapshot) -> Vec<Card> {
    let h = &s.headline;
    let marker = bar_width(s.time_progress.value);
    let card = |key, name, unit, t: &Target, show: &dyn Fn(Decimal) -> String, spark: ChartKind| Card {
        key,
        name,
        value: show(t.value),
        unit,
        target: t.target.map_or("未设目标".to_string(), |v| format!("{}{unit}", show(v))),
        completion: fmt::percent(t.completion.value),
        bar: bar_width(t.completion.value),
        marker: marker.clone(),
        gap: fmt::gap_text(t.gap_points),
        status: status(t.gap_points),
        yoy: fmt::yoy_text(t.yoy.value),
        last_year: format!("{}{unit}", show(t.last_year)),
        this_month: format!("{}{unit}", show(t.this_month)),
        sparkline: spark.draw(s).svg,
    };
    vec![
        card("projects", "招引项目", "个", &h.projects, &|v| fmt::count(v), ChartKind::SparklineProjects),
        card("funds", "招商到位资金", "亿元", &h.funds, &|v| fmt::yi(v), ChartKind::SparklineFunds),
        card("fdi", "外资直投", "万美元", &h.fdi, &|v| fmt::amount(fmt::round(v, 2)), ChartKind::SparklineFdi),
    ]
}

/// One of the four rates.
#[derive(Serialize)]
pub struct RateView {
    pub name: &'static str,
    pub value: String,
    pub numerator: String,
    pub denominator: String,
    pub target: String,
    pub formula: &'static str,
    pub status: &'static str,
}

pub fn rates(s: &Snapshot) -> Vec<RateView> {
    let r = &s.rates;
    let [fulfilment, funds, start, production] = crate::report::bulletin::rate_formulas(s);
    let view = |name, rate: &Rate, money: bool, formula| RateView {
        name,
        value: fmt::percent(rate.rate.value),
        // Cards speak 亿元 with two decimals, as the text does; the tables keep 万元.
        numerator: if money {
            format!("{}亿元", fmt::yi(rate.numerator))
        } else {
            format!("{}个", fmt::count(rate.numerator))
        },
        denominator: if money {
            format!("{}亿元", fmt::yi(rate.denominator))
        } else {
            format!("{}个", fmt::count(rate.denominator))
        },
        target: fmt::percent(rate.target).replace('—', ""),
        formula,
        status: match (rate.rate.value, rate.target) {
            (Some(v), Some(t)) if fmt::percent_value(v) >= fmt::percent_value(t) => "ahead",
            (Some(_), Some(_)) => "behind",
            _ => "none",
        },
    };
    vec![
        view("履约率", &r.fulfilment, false, fulfilment),
        view("资金到位率", &r.funds, true, funds),
        view("开工率", &r.start, false, start),
        view("竣工投产率", &r.production, false, production),
    ]
}

/// A chart with its title, alternative text and data table, as HTML.
pub fn figure_html(chart: &Chart) -> String {
    let mut h = String::with_capacity(chart.svg.len() + 1024);
    // A chart whose data a numbered table holds says which: print leaves its data table out.
    let same = ChartKind::from_name(chart.name)
        .and_then(ChartKind::same_data_as)
        .map(|slug| format!(" data-table=\"table-{slug}\""))
        .unwrap_or_default();
    h.push_str(&format!(
        "<figure class=\"chart\" id=\"chart-{}\"{same}>\n<figcaption>{}</figcaption>\n",
        chart.name,
        escape(&chart.title)
    ));
    h.push_str(&chart.svg);
    h.push_str(&format!("\n<p class=\"chart-alt\">{}</p>\n", escape(&chart.alt)));
    h.push_str("<details class=\"chart-data\"><summary>数据表</summary>\n");
    h.push_str(&table_html(&chart.table.caption, &chart.table.headers, &chart.table.rows));
    h.push_str("</details>\n</figure>\n");
    h
}

/// A plain data table; cells are escaped.
pub fn table_html(caption: &str, headers: &[String], rows: &[Vec<String>]) -> String {
    let mut h = String::from("<table class=\"data\">");
    if !caption.is_empty() {
        h.push_str(&format!("<caption>{}</caption>", escape(caption)));
    }
    h.push_str("<thead><tr>");
    for head in headers {
        h.push_str(&format!("<th scope=\"col\">{}</th>", escape(head)));
    }
    h.push_str("</tr></thead><tbody>");
    if rows.is_empty() {
        h.push_str(&format!("<tr><td colspan=\"{}\">暂无数据</td></tr>", headers.len().max(1)));
    }
    for row in rows {
        h.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            if i == 0 {
                h.push_str(&format!("<th scope=\"row\">{}</th>", escape(cell)));
            } else if is_number(cell) {
                h.push_str(&format!("<td class=\"num\">{}</td>", escape(cell)));
            } else {
                h.push_str(&format!("<td>{}</td>", escape(cell)));
            }
        }
        h.push_str("</tr>");
    }
    h.push_str("</tbody></table>\n");
    h
}

/// Whether a data cell is a number as the site writes one (`1,234.50`, `−3.12`, `83.33%`,
/// `—`): those are right-aligned.
fn is_number(cell: &str) -> bool {
    !cell.is_empty()
        && cell.chars().any(|c| c.is_ascii_digit() || c == '—')
        && cell.chars().all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '%' | '+' | '-' | '−' | '—'))
}

/// A chart as HTML.
pub fn chart(s: &Snapshot, kind: ChartKind) -> String {
    figure_html(&kind.draw(s))
}
