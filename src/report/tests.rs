//! Table cells read by their labels, on a small county worked out by hand.

use rust_decimal::Decimal;

use super::MonthTables;
use super::table::{Cell, Num};
use crate::figures::annex::Annex;
use crate::figures::tests::county_with;
use crate::figures::{self, Snapshot};
use crate::period::Month;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// Two projects in 甲镇 (t1) and one in 甲局 (d1), as of June 2026:
/// - a: 合同 signed 2026-02-10, 500 万元, started 2026-04-01; funds 省外 300 (2026-03) and 县内 50
///   (2026-04, not counted).
/// - b: 合同 signed 2026-05-20, 12 000 万元 (亿元以上), nothing else.
/// - c: 合同 signed 2026-03-15 in d1, 200 万元, funds 省外 100 (2026-06), FDI 8 万美元 (2026-06).
fn county() -> (crate::content::Content, Month) {
    let project = |unit: &str, amount: &str, signed: &str, rest: &str| {
        format!(
            "name: 项目{unit}{amount}\ninvestor: 某公司\nchain: agri\nsign_type: 合同\ntotal_investment: {amount}\n\
             contract_amount: {amount}\nleader: l1\nmeasures: 专班推进\nunit: {unit}\nmilestones:\n  signed: {signed}\n{rest}"
        )
    };
    let a = project(
        "t1",
        "500",
        "2026-02-10\n  started: 2026-04-01",
        "funds:\n  - {month: 2026-03, amount: 300, origin: 省外, use: 固定资产}\n  - {month: 2026-04, amount: 50, origin: 县内, use: 固定资产}\n",
    );
    let b = project("t1", "12000", "2026-05-20", "");
    let c = project(
        "d1",
        "200",
        "2026-03-15",
        "funds:\n  - {month: 2026-06, amount: 100, origin: 省外, use: 流动资金}\nfdi:\n  - {month: 2026-06, amount: 8}\n",
    );
    let content = county_with("", true, &[("projects/a.yaml", &a), ("projects/b.yaml", &b), ("projects/c.yaml", &c)]);
    (content, Month::parse("2026-06").unwrap())
}

fn tables(c: &crate::content::Content, month: Month) -> (Snapshot, MonthTables) {
    let s = figures::snapshot(c, month);
    let t = MonthTables::of(c, &s, &Annex::of(c, month));
    (s, t)
}

#[test]
fn the_targets_table_holds_each_figure_in_its_labelled_cell() {
    let (c, month) = county();
    let (_, t) = tables(&c, month);
    let targets = &t.targets;
    assert_eq!(targets.number.as_deref(), Some("表1"));
    // Projects: a, b, c signed in 2026 = 3 of 10 → 30.00%; time progress 6 ÷ 12 = 50.00%, so
    // 30.00 − 50.00 = −20.00 points.
    assert_eq!(targets.cell("招引项目（个）", "1—本月累计"), Some(&Cell::Number(d("3"), Num::Count)));
    assert_eq!(targets.shown("招引项目（个）", "完成率").as_deref(), Some("30.00%"));
    assert_eq!(targets.shown("招引项目（个）", "进度差").as_deref(), Some("−20.00"));
    // Funds: 300 (a, 省外) + 100 (c, 省外) = 400 万元 (a's 县内 50 is not counted) = 0.04 亿元;
    // 400 of 1 000 = 40.00%; June alone: c's 100 万元 = 0.01 亿元.
    assert_eq!(targets.cell("招商到位资金（亿元）", "1—本月累计"), Some(&Cell::Number(d("400"), Num::Yi)));
    assert_eq!(targets.shown("招商到位资金（亿元）", "1—本月累计").as_deref(), Some("0.04"));
    assert_eq!(targets.shown("招商到位资金（亿元）", "完成率").as_deref(), Some("40.00%"));
    assert_eq!(targets.shown("招商到位资金（亿元）", "本月新增").as_deref(), Some("0.01"));
    // FDI: c's 8 of 100 万美元 = 8.00%; no 2025 base, so no 同比.
    assert_eq!(targets.shown("外资直投（万美元）", "1—本月累计").as_deref(), Some("8"));
    assert_eq!(targets.shown("外资直投（万美元）", "完成率").as_deref(), Some("8.00%"));
    assert_eq!(targets.cell("外资直投（万美元）", "同比"), Some(&Cell::Dash));
}

#[test]
fn rankings_rates_and_annexes_by_label() {
    let (c, month) = county();
    let (_, t) = tables(&c, month);
    // 甲镇 (t1): a's 300 counted of a 400 target = 75.00%, 75.00 − 50.00 = +25.00 points, ranked
    // first of the towns with a target (乙镇 has 0 of 400 = 0.00%, −50.00).
    let towns = &t.towns;
    assert_eq!(towns.shown("甲镇", "位次").as_deref(), Some("1"));
    assert_eq!(towns.shown("甲镇", "累计完成").as_deref(), Some("300.00"));
    assert_eq!(towns.shown("甲镇", "完成率").as_deref(), Some("75.00%"));
    assert_eq!(towns.shown("甲镇", "进度差").as_deref(), Some("+25.00"));
    assert_eq!(towns.shown("乙镇", "进度差").as_deref(), Some("−50.00"));
    // 丙镇 has no target: no rank, no completion.
    assert_eq!(towns.cell("丙镇", "位次"), Some(&Cell::Dash));
    // 甲局 (d1): c's 100 of 200 = 50.00%, even with time progress.
    assert_eq!(t.departments.shown("甲局", "完成率").as_deref(), Some("50.00%"));
    assert_eq!(t.departments.shown("甲局", "进度差").as_deref(), Some("0.00"));

    // 开工率: a started of the 3 signed = 33.33%.
    assert_eq!(t.rates.shown("开工率", "比率").as_deref(), Some("33.33%"));
    assert_eq!(t.rates.shown("开工率", "分子").as_deref(), Some("1"));
    assert_eq!(t.rates.shown("开工率", "分母").as_deref(), Some("3"));

    // 亿元以上: b only (12 000 ≥ 10 000).
    assert_eq!(t.big_projects.caption, "亿元以上新签约项目（1个）");
    // 附件2: the largest first, a (300) then c (100); June: a 0, c 100.
    let funds = &t.funds;
    assert_eq!(funds.number.as_deref(), Some("附件2"));
    assert_eq!(funds.shown("项目t1500", "1—本月累计").as_deref(), Some("300.00"));
    assert_eq!(funds.shown("项目t1500", "本月到位").as_deref(), Some("0.00"));
    assert_eq!(funds.shown("项目d1200", "本月到位").as_deref(), Some("100.00"));
    assert_eq!(funds.shared_unit(), Some("万元"));
    // No tags: the key-categories table is not shown, so 表7 is the 亿元以上 list.
    assert!(t.tags.rows.is_empty());
    assert_eq!(t.big_projects.number.as_deref(), Some("表7"));
    assert_eq!(t.shown().len(), 15);
}

#[test]
fn every_table_has_a_csv_under_its_month_and_rows_as_wide_as_its_columns() {
    let (c, month) = county();
    let (_, t) = tables(&c, month);
    for (table, slug) in t.all().into_iter().zip(MonthTables::SLUGS) {
        assert_eq!(table.slug, slug);
        assert_eq!(table.csv.as_deref(), Some(format!("data/2026-06/{slug}.csv").as_str()));
        for row in &table.rows {
            assert_eq!(row.cells.len(), table.columns.len(), "{slug}");
        }
    }
}

#[test]
fn the_overview_leaves_out_a_comparison_with_nothing_last_year() {
    // Nothing in 2025, so no 同比 at all; June 2026: time progress 6 ÷ 12 = 50.00%, FDI 8 of 100
    // 万美元 = 8.00%, 42.00 points behind; funds 300 + 100 of 1000 万元 = 40.00%, 10.00 behind.
    let (c, month) = county();
    let s = figures::snapshot(&c, month);
    let text = super::text::overview(&s, "全县");
    assert!(!text.contains("，—") && !text.contains("同比"), "{text}");
    assert!(text.contains("完成年度目标任务0.10亿元的40.00%，欠时序进度10.00个百分点；"), "{text}");
    assert!(text.ends_with("的8.00%，欠时序进度42.00个百分点。时序进度为50.00%。"), "{text}");
}
