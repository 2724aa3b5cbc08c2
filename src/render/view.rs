//! View models: what templates see. Every number is already formatted here (with
//! `figures::format`), so a template can only lay figures out, never compute or round them.
//! Links are relative to the site root; templates prefix them with `layout.root`.

use rust_decimal::Decimal;
use serde::Serialize;

use super::charts::{self, Chart};
use super::markdown::escape;
use crate::content::Content;
use crate::content::model::{Project, UnitIx};
use crate::figures::format as fmt;
use crate::figures::rules::{self, Stage};
use crate::figures::snapshot::{List, Rate, Snapshot, Target, UnitRow};
use crate::period::Month;

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
}

/// How many free pages the navigation lists; the rest are on `pages/index.html`. A cap
/// keeps every page's size independent of how many pages the site has.
pub const NAV_PAGES: usize = 5;

#[derive(Serialize, Clone)]
pub struct Link {
    pub href: String,
    pub text: String,
}

pub fn project_href(p: &Project) -> String {
    format!("projects/{}.html", p.id)
}

pub fn page_link(p: &crate::content::model::Page) -> Link {
    Link { href: format!("pages/{}.html", p.id), text: p.title.clone() }
}

pub fn unit_href(c: &Content, ix: UnitIx) -> String {
    format!("units/{}.html", c.unit(ix).id)
}

pub fn bulletin_href(month: Month) -> String {
    format!("bulletins/{month}.html")
}

/// `2026年1—10月`.
pub fn period_text(month: Month) -> String {
    if month.number() == 1 { format!("{}年1月", month.year()) } else { format!("{}年1—{}月", month.year(), month.number()) }
}

/// `2026年11月6日` (no zero padding, as GB/T 9704 writes dates).
pub fn date_zh(date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    format!("{}年{}月{}日", date.year(), date.month(), date.day())
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
    let card = |key, name, unit, t: &Target, show: &dyn Fn(Decimal) -> String, spark: &str| Card {
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
        sparkline: charts::by_name(s, spark).map(|c| c.svg).unwrap_or_default(),
    };
    vec![
        card("projects", "招引项目", "个", &h.projects, &|v| fmt::count(v), "sparkline-projects"),
        card("funds", "招商到位资金", "亿元", &h.funds, &|v| fmt::yi(v), "sparkline-funds"),
        card("fdi", "外资直投", "万美元", &h.fdi, &|v| fmt::amount(fmt::round(v, 2)), "sparkline-fdi"),
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
    let production_formula =
        if r.production.denominator == Decimal::from(s.pipeline.started) && s.pipeline.started != s.pipeline.signed {
            "已投产项目 ÷ 已开工项目"
        } else {
            "已投产项目 ÷ 签约项目"
        };
    let view = |name, rate: &Rate, money: bool, formula| RateView {
        name,
        value: fmt::percent(rate.rate.value),
        numerator: if money {
            format!("{}万元", fmt::wan(rate.numerator))
        } else {
            format!("{}个", fmt::count(rate.numerator))
        },
        denominator: if money {
            format!("{}万元", fmt::wan(rate.denominator))
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
        view("履约率", &r.fulfilment, false, "履约项目 ÷ 签约项目"),
        view("资金到位率", &r.funds, true, "签约项目累计到位资金 ÷ 合同引资额"),
        view("开工率", &r.start, false, "已开工项目（含投产） ÷ 签约项目"),
        view("竣工投产率", &r.production, false, production_formula),
    ]
}

/// A unit's line in a ranking table.
#[derive(Serialize)]
pub struct UnitLine {
    pub rank: String,
    pub name: String,
    pub href: String,
    pub target: String,
    pub value: String,
    pub completion: String,
    pub gap: String,
    pub yoy: String,
    pub projects: String,
    pub projects_target: String,
    pub rank_change: String,
    pub list: &'static str,
    pub list_class: &'static str,
}

pub fn unit_lines(rows: &[UnitRow], rank_by_funds: bool) -> Vec<UnitLine> {
    rows.iter()
        .map(|r| {
            let m = if rank_by_funds { &r.funds } else { &r.projects };
            let show = |v: Decimal| if rank_by_funds { fmt::wan(v) } else { fmt::count(v) };
            UnitLine {
                rank: r.rank.map_or("—".to_string(), |r| r.to_string()),
                name: r.name.clone(),
                href: format!("units/{}.html", r.id),
                target: m.target.map_or("—".to_string(), show),
                value: show(m.value),
                completion: fmt::percent(m.completion.value),
                gap: fmt::points(m.gap_points),
                yoy: fmt::yoy_cell(m.yoy.value),
                projects: fmt::count(r.projects.value),
                projects_target: r.projects.target.map_or("—".to_string(), fmt::count),
                rank_change: match r.rank_change {
                    Some(0) => "持平".to_string(),
                    Some(c) if c > 0 => format!("↑{c}"),
                    Some(c) => format!("↓{}", -c),
                    None => "—".to_string(),
                },
                list: r.list.map_or("", List::zh),
                list_class: r.list.map_or("", List::key),
            }
        })
        .collect()
}

/// A project's line in a ledger table, as of a date.
#[derive(Serialize)]
pub struct ProjectLine {
    pub id: String,
    pub href: String,
    pub name: String,
    pub investor: String,
    pub chain: String,
    pub sign_type: &'static str,
    pub signed: String,
    pub contract_amount: String,
    /// Raw number for sorting.
    pub contract_sort: String,
    pub funds: String,
    pub funds_sort: String,
    pub stage: &'static str,
    pub stage_class: &'static str,
    pub unit: String,
    pub leader: String,
    pub year: i32,
}

pub fn project_line(c: &Content, p: &Project, as_of: chrono::NaiveDate) -> ProjectLine {
    let funds: Decimal =
        p.funds.iter().filter(|f| f.month <= Month::of(as_of) && rules::counted_funds(f, &c.site.rules)).map(|f| f.amount).sum();
    let stage = if p.milestones.signed > as_of { None } else { Some(rules::stage(p, &c.site.rules, as_of)) };
    ProjectLine {
        id: p.id.clone(),
        href: project_href(p),
        name: p.name.clone(),
        investor: p.investor.clone(),
        chain: c.chain(p.chain).name.clone(),
        sign_type: p.sign_type.zh(),
        signed: p.milestones.signed.to_string(),
        contract_amount: fmt::wan(p.contract_amount),
        contract_sort: p.contract_amount.normalize().to_string(),
        funds: fmt::wan(funds),
        funds_sort: funds.normalize().to_string(),
        stage: stage.map_or("未签约", |s| s.zh()),
        stage_class: match stage {
            Some(Stage::Terminated) => "terminated",
            Some(Stage::Producing) => "producing",
            Some(Stage::Started) => "started",
            _ => "",
        },
        unit: p.unit.map_or("—".to_string(), |u| c.unit(u).name.clone()),
        leader: p.leader.map_or("—".to_string(), |l| c.leader(l).name.clone()),
        year: chrono::Datelike::year(&p.milestones.signed),
    }
}

/// A chart with its title, alternative text and data table, as HTML.
pub fn figure_html(chart: &Chart) -> String {
    let mut h = String::with_capacity(chart.svg.len() + 1024);
    h.push_str(&format!(
        "<figure class=\"chart\" id=\"chart-{}\">\n<figcaption>{}</figcaption>\n",
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
            } else {
                h.push_str(&format!("<td>{}</td>", escape(cell)));
            }
        }
        h.push_str("</tr>");
    }
    h.push_str("</tbody></table>\n");
    h
}

/// The chart called `name`, as HTML (empty if it does not exist).
pub fn chart(s: &Snapshot, name: &str) -> String {
    charts::by_name(s, name).map(|c| figure_html(&c)).unwrap_or_default()
}
