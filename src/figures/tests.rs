//! Figures worked out by hand on small content folders. Each test states its arithmetic.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::{Snapshot, format, snapshot};
use crate::content::{self, Content};
use crate::period::Month;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn m(s: &str) -> Month {
    Month::parse(s).unwrap()
}

/// A county with two towns (t1, t2, t3) and two departments (d1, d2), targets for 2026
/// (10 projects, 1000 万元, 100 万美元; t1 and t2 have shares, t3 has none), plus `extra`
/// files (projects, squads…) and `site_rules` appended to site.yaml.
fn county(site_rules: &str, extra: &[(&str, &str)]) -> Content {
    county_with(site_rules, true, extra)
}

/// [`county`], with the 2026 targets (and 履约率 90 %, factory occupancy 100 %) only if
/// `targets`. Shared with the chart tests.
pub(crate) fn county_with(site_rules: &str, targets: bool, extra: &[(&str, &str)]) -> Content {
    let mut files: Vec<(String, std::io::Result<Vec<u8>>)> = vec![
        ("site.yaml".into(), Ok(format!("title: 测试\nissuer: 测试办\n{site_rules}").into_bytes())),
        (
            "units.yaml".into(),
            Ok("- {id: t1, name: 甲镇, kind: 镇办}\n- {id: t2, name: 乙镇, kind: 镇办}\n- {id: t3, name: 丙镇, kind: 镇办}\n\
                - {id: d1, name: 甲局, kind: 部门}\n- {id: d2, name: 乙局, kind: 部门}\n"
                .into()),
        ),
        ("leaders.yaml".into(), Ok("- {id: l1, name: 王某, title: 副县长}\n".into())),
        (
            "chains.yaml".into(),
            Ok("chains:\n  - {id: agri, name: 新农业, key: true}\n  - {id: tour, name: 大旅游, key: true}\n".into()),
        ),
    ];
    if targets {
        files.push((
            "targets/2026.yaml".into(),
            Ok("county: {projects: 10, funds: 1000, fdi: 100, factory_occupancy: 100, rates: {fulfilment: 90}}\n\
                units:\n  - {unit: t1, projects: 4, funds: 400}\n  - {unit: t2, projects: 4, funds: 400}\n  - {unit: d1, projects: 2, funds: 200}\n"
                .into()),
        ));
    }
    for (path, text) in extra {
        files.push((path.to_string(), Ok(text.as_bytes().to_vec())));
    }
    let loaded = content::from_files(files);
    assert!(!loaded.diagnostics.has_errors(), "fixture has errors: {:#?}", loaded.diagnostics.errors().collect::<Vec<_>>());
    loaded.content.unwrap()
}

/// A project file: `signed` date, sign type, credit unit, contract amount, then any extra
/// YAML lines (milestones are given in `milestones`).
fn project(sign: &str, unit: &str, amount: &str, milestones: &str, rest: &str) -> String {
    format!(
        "name: 项目\ninvestor: 某公司\nchain: agri\nsign_type: {sign}\ntotal_investment: {amount}\ncontract_amount: {amount}\n\
         leader: l1\nmeasures: 专班推进\nunit: {unit}\nmilestones:\n{milestones}\n{rest}"
    )
}

fn snap(c: &Content, month: &str) -> Snapshot {
    snapshot(c, m(month))
}

#[test]
fn january_with_nothing_signed() {
    let c = county("", &[]);
    let s = snap(&c, "2026-01");
    let h = &s.headline;
    assert_eq!(h.projects.value, d("0"));
    // 0 of 10: completion 0%, time progress 1/12 = 8.33%, so 8.33 points behind.
    assert_eq!(h.projects.completion.value, Some(d("0")));
    assert_eq!(h.projects.gap_points, Some(d("-8.33")));
    // No money last year either: 同比 has no base.
    assert_eq!(h.funds.yoy.value, None);
    assert_eq!(format::yoy_text(h.funds.yoy.value), "—");
    // No signed projects: every rate has a zero denominator and shows "—", not 0% or NaN.
    for rate in [&s.rates.fulfilment, &s.rates.funds, &s.rates.start, &s.rates.production] {
        assert_eq!(rate.rate.value, None);
        assert_eq!(format::percent(rate.rate.value), "—");
    }
    assert_eq!(s.rates.fulfilment.target, Some(d("0.9")));
    assert_eq!(s.series.months.len(), 1);
}

#[test]
fn headline_completion_gap_yoy_and_increment() {
    let p1 = project(
        "合同",
        "t1",
        "600",
        "  signed: 2026-01-15\n  registered: 2026-02-01",
        "funds:\n  - {month: 2026-02, amount: 100, origin: 省外, use: 固定资产}\n  - {month: 2026-03, amount: 200.5, origin: 省内市外, use: 流动资金}\n  - {month: 2026-04, amount: 999, origin: 省外, use: 固定资产}\nfdi:\n  - {month: 2026-03, amount: 12}\n",
    );
    let old = project(
        "合同",
        "t2",
        "500",
        "  signed: 2025-01-10",
        "funds:\n  - {month: 2025-02, amount: 150, origin: 省外, use: 固定资产}\n  - {month: 2025-03, amount: 90, origin: 市内县外, use: 固定资产}\n  - {month: 2025-05, amount: 1000, origin: 省外, use: 固定资产}\n",
    );
    let c = county("", &[("projects/p1.yaml", &p1), ("projects/old.yaml", &old)]);
    let s = snap(&c, "2026-03");
    let f = &s.headline.funds;
    // 1–3月: 100 + 200.5 = 300.5 (April's 999 is after the as-of date).
    assert_eq!(f.value, d("300.5"));
    // 300.5 / 1000 = 30.05%; time progress 3/12 = 25.00%: 5.05 points ahead.
    assert_eq!(format::percent(f.completion.value), "30.05%");
    assert_eq!(f.gap_points, Some(d("5.05")));
    // Last year 1–3月: 150 + 90 = 240 (May's 1000 is outside the period). (300.5 − 240) / 240 = 25.21%.
    assert_eq!(f.last_year, d("240"));
    assert_eq!(format::percent(f.yoy.value), "25.21%");
    // March alone: 200.5.
    assert_eq!(f.this_month, d("200.5"));
    // FDI: 12 of 100 = 12.00%.
    assert_eq!(s.headline.fdi.value, d("12"));
    assert_eq!(format::percent(s.headline.fdi.completion.value), "12.00%");
    // One project signed in 2026 (old.yaml was signed in 2025 and does not count again).
    assert_eq!(s.headline.projects.value, d("1"));
    assert_eq!(s.headline.projects.last_year, d("1"));
    assert_eq!(s.headline.projects.this_month, d("0"));
    // The series: cumulative 0, 100, 300.5 against the target line 1000 × k/12.
    let funds: Vec<Decimal> = s.series.months.iter().map(|p| p.funds).collect();
    assert_eq!(funds, [d("0"), d("100"), d("300.5")]);
    assert_eq!(s.series.months[2].funds_target, Some(d("250")));
    assert_eq!(s.series.months[1].funds_last_year, d("150"));
}

#[test]
fn county_internal_funds_are_excluded_but_shown() {
    let p1 = project(
        "合同",
        "t1",
        "600",
        "  signed: 2026-01-15",
        "funds:\n  - {month: 2026-02, amount: 100, origin: 省外, use: 固定资产}\n  - {month: 2026-02, amount: 50, origin: 县内, use: 固定资产}\n",
    );
    let c = county("", &[("projects/p1.yaml", &p1)]);
    let s = snap(&c, "2026-02");
    assert_eq!(s.headline.funds.value, d("100"));
    let county_row = s.breakdowns.by_fund_origin.iter().find(|r| r.name == "县内").unwrap();
    assert_eq!((county_row.funds, county_row.counted), (d("50"), false));
    // 资金到位率 counts the same money: 100 / 600 = 16.67%.
    assert_eq!(format::percent(s.rates.funds.rate.value), "16.67%");
    // With 县内 counted by the rules, it is 150.
    let c = county("rules:\n  funds_origins: [省外, 省内市外, 市内县外, 县内]\n", &[("projects/p1.yaml", &p1)]);
    assert_eq!(snap(&c, "2026-02").headline.funds.value, d("150"));
}

#[test]
fn a_terminated_project_leaves_the_count_but_stays_in_the_rates() {
    let p1 = project(
        "合同",
        "t1",
        "400",
        "  signed: 2026-02-10\n  registered: 2026-03-01\n  terminated: 2026-05-20",
        "terminated_reason: 投资方撤资\nfunds:\n  - {month: 2026-03, amount: 100, origin: 省外, use: 固定资产}\n",
    );
    let p2 = project("合同", "t1", "100", "  signed: 2026-02-15", "");
    let c = county("", &[("projects/p1.yaml", &p1), ("projects/p2.yaml", &p2)]);
    let april = snap(&c, "2026-04");
    assert_eq!(april.headline.projects.value, d("2"));
    // 履约: p1 registered, p2 nothing: 1 / 2 = 50%.
    assert_eq!((april.rates.fulfilment.numerator, april.rates.fulfilment.denominator), (d("1"), d("2")));
    let may = snap(&c, "2026-05");
    // Terminated on 05-20: no longer counted (count_terminated is false by default).
    assert_eq!(may.headline.projects.value, d("1"));
    assert_eq!(may.headline.projects.this_month, d("-1"));
    // Still a signed project that was not honoured: 0 / 2.
    assert_eq!((may.rates.fulfilment.numerator, may.rates.fulfilment.denominator), (d("0"), d("2")));
    assert_eq!(may.pipeline.terminated, 1);
    // The money that did arrive still counts.
    assert_eq!(may.headline.funds.value, d("100"));
    let c = county("rules:\n  count_terminated: true\n", &[("projects/p1.yaml", &p1), ("projects/p2.yaml", &p2)]);
    assert_eq!(snap(&c, "2026-05").headline.projects.value, d("2"));
}

#[test]
fn continuing_project_from_last_year_brings_funds_not_a_count() {
    let old = project(
        "合同",
        "t2",
        "1000",
        "  signed: 2025-06-01\n  started: 2025-09-01",
        "build_type: 续建\nfunds:\n  - {month: 2025-08, amount: 300, origin: 省外, use: 固定资产}\n  - {month: 2026-02, amount: 200, origin: 省外, use: 固定资产}\n",
    );
    let c = county("", &[("projects/old.yaml", &old)]);
    let s = snap(&c, "2026-03");
    assert_eq!(s.headline.projects.value, d("0"));
    assert_eq!(s.headline.funds.value, d("200"));
    assert_eq!(s.rates.start.denominator, d("0"));
    // Credited to t2 in the unit table.
    let t2 = s.units.towns.iter().find(|r| r.id == "t2").unwrap();
    assert_eq!(t2.funds.value, d("200"));
    // With 续建 in the rate cohort: started 1 / 1, and funds 300 + 200 of 1000 = 50%.
    let c = county("rules:\n  rates_include_continuing: true\n", &[("projects/old.yaml", &old)]);
    let s = snap(&c, "2026-03");
    assert_eq!((s.rates.start.numerator, s.rates.start.denominator), (d("1"), d("1")));
    assert_eq!(format::percent(s.rates.funds.rate.value), "50.00%");
}

#[test]
fn agreements_count_from_conversion_unless_the_rules_count_them() {
    let a = project("协议", "t1", "300", "  signed: 2026-03-01\n  contracted: 2026-06-15", "");
    let c = county("", &[("projects/a.yaml", &a)]);
    let may = snap(&c, "2026-05");
    assert_eq!(may.headline.projects.value, d("0"));
    assert_eq!((may.agreements.agreements, may.agreements.converted), (1, 0));
    assert_eq!(format::percent(may.agreements.rate.value), "0.00%");
    let june = snap(&c, "2026-06");
    assert_eq!(june.headline.projects.value, d("1"));
    assert_eq!(june.headline.projects.this_month, d("1"));
    assert_eq!((june.agreements.agreements, june.agreements.converted), (1, 1));
    // Counting 协议 too: it counts from its signing in March, once.
    let c = county("rules:\n  count_sign_types: [合同, 协议]\n", &[("projects/a.yaml", &a)]);
    assert_eq!(snap(&c, "2026-03").headline.projects.value, d("1"));
    assert_eq!(snap(&c, "2026-06").headline.projects.value, d("1"));
}

#[test]
fn the_four_rates_with_their_counts() {
    // Four projects signed in 2026 with contract amounts 100, 200, 300, 400 (total 1000):
    // a: registered only; b: started; c: started and producing; d: nothing.
    let a = project("合同", "t1", "100", "  signed: 2026-01-05\n  registered: 2026-02-01", "");
    let b = project(
        "合同",
        "t1",
        "200",
        "  signed: 2026-01-05\n  started: 2026-03-01",
        "funds:\n  - {month: 2026-03, amount: 50, origin: 省外, use: 固定资产}\n",
    );
    let c_ = project(
        "合同",
        "t2",
        "300",
        "  signed: 2026-01-05\n  started: 2026-02-01\n  production: 2026-04-01",
        "funds:\n  - {month: 2026-02, amount: 150, origin: 省外, use: 固定资产}\n",
    );
    let dd = project("合同", "d1", "400", "  signed: 2026-01-05", "");
    let files = [("projects/a.yaml", a.as_str()), ("projects/b.yaml", &b), ("projects/c.yaml", &c_), ("projects/d.yaml", &dd)];
    let c = county("", &files);
    let s = snap(&c, "2026-04");
    // 履约 (registered, first funds or started): a, b, c → 3 / 4 = 75%.
    assert_eq!(format::percent(s.rates.fulfilment.rate.value), "75.00%");
    // 资金到位率: (50 + 150) / 1000 = 20%.
    assert_eq!((s.rates.funds.numerator, s.rates.funds.denominator), (d("200"), d("1000")));
    assert_eq!(format::percent(s.rates.funds.rate.value), "20.00%");
    // 开工率: b, c → 2 / 4 = 50%. 投产率: c → 1 / 4 = 25%.
    assert_eq!(format::percent(s.rates.start.rate.value), "50.00%");
    assert_eq!(format::percent(s.rates.production.rate.value), "25.00%");
    // Pipeline now: a fulfilled, b started, c producing, d signed.
    let stages: Vec<u32> = s.pipeline.by_stage.iter().map(|x| x.count).collect();
    assert_eq!(stages, [1, 1, 1, 1, 0]);
    // 投产率 over started projects: 1 / 2.
    let c = county("rules:\n  production_rate_base: 开工\n", &files);
    assert_eq!(format::percent(snap(&c, "2026-04").rates.production.rate.value), "50.00%");
    // 履约 by registration only: a → 1 / 4.
    let c = county("rules:\n  fulfilled_when: [注册]\n", &files);
    assert_eq!(format::percent(snap(&c, "2026-04").rates.fulfilment.rate.value), "25.00%");
}

#[test]
fn units_ranked_within_their_kind_with_ties_and_lists() {
    // Month 6: time progress 50%. Funds targets t1 400, t2 400, d1 200; t3 and d2 have none.
    // t1: 200 (50.00%), t2: 200 (50.00%) → tied first; t3: 300 but no target → unranked.
    // d1: 50 (25.00%) → rank 1 of 1 department.
    let f = |unit: &str, amount: &str| {
        project(
            "合同",
            unit,
            "1000",
            "  signed: 2026-01-05",
            &format!("funds:\n  - {{month: 2026-03, amount: {amount}, origin: 省外, use: 固定资产}}\n"),
        )
    };
    let files = [
        ("projects/a.yaml", f("t1", "200")),
        ("projects/b.yaml", f("t2", "200")),
        ("projects/c.yaml", f("t3", "300")),
        ("projects/d.yaml", f("d1", "50")),
    ];
    let refs: Vec<(&str, &str)> = files.iter().map(|(p, t)| (*p, t.as_str())).collect();
    let c = county("rules:\n  red_list_top: 1\n  black_list_bottom: 1\n", &refs);
    let s = snap(&c, "2026-06");
    let towns: Vec<(&str, Option<u32>, Option<&str>)> =
        s.units.towns.iter().map(|r| (r.id.as_str(), r.rank, r.list.map(snapshot::List::key))).collect();
    // Tied at 50.00% = time progress: both rank 1, both on the red list (top 1, not behind).
    assert_eq!(towns, [("t1", Some(1), Some("red")), ("t2", Some(1), Some("red")), ("t3", None, None)]);
    let d1 = &s.units.departments[0];
    // 25% is 25 points behind, and rank 1 of 1 is also the bottom 1: black list.
    assert_eq!((d1.rank, d1.funds.gap_points, d1.list), (Some(1), Some(d("-25.00")), Some(snapshot::List::Black)));
    // Ranks did not change since May (same funds then), so the change is 0.
    assert_eq!(s.units.towns[0].rank_change, Some(0));
    // The unit sums add up to the county total (300 has no target but is still county money).
    let sum: Decimal = s.units.towns.iter().chain(&s.units.departments).map(|r| r.funds.value).sum();
    assert_eq!(sum, s.headline.funds.value);
    assert_eq!(sum, d("750"));
}

#[test]
fn rank_change_compares_with_last_month() {
    // In March t1 leads (100 vs 0); in April t2 overtakes (t2 300 vs t1 100).
    let a = project(
        "合同",
        "t1",
        "1000",
        "  signed: 2026-01-05",
        "funds:\n  - {month: 2026-03, amount: 100, origin: 省外, use: 固定资产}\n",
    );
    let b = project(
        "合同",
        "t2",
        "1000",
        "  signed: 2026-01-05",
        "funds:\n  - {month: 2026-04, amount: 300, origin: 省外, use: 固定资产}\n",
    );
    let c = county("", &[("projects/a.yaml", &a), ("projects/b.yaml", &b)]);
    let s = snap(&c, "2026-04");
    let by_id = |id: &str| s.units.towns.iter().find(|r| r.id == id).unwrap();
    assert_eq!((by_id("t2").rank, by_id("t2").rank_change), (Some(1), Some(1)));
    assert_eq!((by_id("t1").rank, by_id("t1").rank_change), (Some(2), Some(-1)));
    assert_eq!(snap(&c, "2026-01").units.towns[0].rank_change, None);
}

#[test]
fn squads_factories_meetings_and_alerts() {
    let squad = |trip_month: &str| {
        format!(
            "name: 小分队\nunit: t1\ntrips:\n  - {{start: {trip_month}-03, end: {trip_month}-05, destination: 杭州, people: 3, companies: [甲公司, 乙公司], leads: 2}}\n"
        )
    };
    let s1 = squad("2026-04");
    let s2 = squad("2026-03");
    // p: signed 2026-01-10, nothing since → stalled (idle since 01-10: 3 whole months by 04-30)
    // and, with not_started_months 3, not started. Its open problem from 03-01 is 60 days old.
    let p = "name: 项目\ninvestor: 某公司\nchain: agri\nsign_type: 合同\ntotal_investment: 100\ncontract_amount: 100\nunit: t1\n\
         milestones:\n  signed: 2026-01-10\nproblems:\n  - {kind: 用地, text: 用地未落实, opened: 2026-03-01}\n"
        .to_string();
    let factories = "- park: 现代材料产业园\n  buildings:\n    - {id: a1, area: 1000, completed: 2025-01-01, project: p, moved_in: 2026-02-01}\n    - {id: a2, area: 2000, completed: 2025-01-01}\n    - {id: a3, area: 3000, completed: 2026-03-01, project: p, moved_in: 2026-04-10}\n    - {id: a4, area: 500, completed: 2026-06-01}\n";
    let meeting = "chair: l1\nitems:\n  - {project: p, task: 供地, unit: d1, deadline: 2026-04-15}\n  - {project: p, task: 办证, unit: d1, deadline: 2026-04-20, closed: 2026-04-18}\n  - {task: 协调, unit: d2, deadline: 2026-05-30}\n";
    let c = county(
        "rules:\n  not_started_months: 3\n",
        &[
            ("squads/s1.yaml", &s1),
            ("squads/s2.yaml", &s2),
            ("projects/p.yaml", &p),
            ("factories.yaml", factories),
            ("meetings/2026-04-01.yaml", meeting),
        ],
    );
    let s = snap(&c, "2026-04");
    // Squads: s1 went out in April, s2 did not: 1 / 2 = 50%.
    assert_eq!((s.squads.met, s.squads.total), (1, 2));
    assert_eq!(s.squads.missed, ["s2"]);
    let s1 = &s.squads.rows[0];
    assert_eq!((s1.trips, s1.days_away, s1.companies, s1.leads, s1.unreported), (1, 3, 2, 2, 1));
    assert_eq!(s1.by_month, [0, 0, 0, 1]);
    assert_eq!(s1.missed_months, [m("2026-01"), m("2026-02"), m("2026-03")]);
    // Factories built by 04-30: a1, a2, a3 (6000 m²); occupied a1 + a3 (4000 m²) → 66.67%; 2 of 3 buildings.
    assert_eq!((s.factories.area_built, s.factories.area_occupied), (d("6000"), d("4000")));
    assert_eq!(format::percent(s.factories.rate_area.value), "66.67%");
    assert_eq!(format::percent(s.factories.rate_buildings.value), "66.67%");
    // Meeting items: 3 assigned, 1 closed; only 供地 is past its deadline (04-15) and open.
    assert_eq!((s.meetings.items, s.meetings.closed, s.meetings.overdue), (3, 1, 1));
    assert_eq!(s.alerts.overdue_items.len(), 1);
    assert_eq!(s.alerts.overdue_items[0].days_overdue, 15);
    // Alerts.
    assert_eq!(s.alerts.stalled.iter().map(|a| (a.project.as_str(), a.months)).collect::<Vec<_>>(), [("p", 3)]);
    assert_eq!(s.alerts.not_started.len(), 1);
    assert_eq!(s.alerts.old_problems.iter().map(|a| a.days).collect::<Vec<_>>(), [60]);
    assert_eq!(s.alerts.missing_five_one[0].missing, [snapshot::FiveOne::Leader, snapshot::FiveOne::Measures]);
    assert_eq!(s.alerts.squads_short_of_trips, ["s2"]);
    // The leader l1 is in charge of no project (p has none).
    assert!(s.leaders[0].projects.is_empty());
    // In March, p is not yet stalled (2 months idle) and the problem is 30 days old (not over 30).
    let march = snap(&c, "2026-03");
    assert!(march.alerts.stalled.is_empty());
    assert!(march.alerts.old_problems.is_empty());
}

#[test]
fn breakdown_rows_add_up_to_the_county() {
    let a = project(
        "合同",
        "t1",
        "100",
        "  signed: 2026-01-05",
        "method: 亲情招商\norigin: {province: 浙江省}\nfunds:\n  - {month: 2026-02, amount: 70, origin: 省外, use: 固定资产}\n",
    );
    let b = project(
        "合同",
        "t2",
        "200",
        "  signed: 2026-01-05",
        "method: 以商\norigin: {country: 香港}\nfunds:\n  - {month: 2026-02, amount: 30.25, origin: 省外, use: 流动资金}\n",
    );
    let c = county("", &[("projects/a.yaml", &a), ("projects/b.yaml", &b)]);
    let s = snap(&c, "2026-02");
    let total = s.headline.funds.value;
    assert_eq!(total, d("100.25"));
    for rows in [&s.breakdowns.by_chain, &s.breakdowns.by_method, &s.breakdowns.by_province, &s.breakdowns.by_fund_use] {
        assert_eq!(rows.iter().map(|r| r.funds).sum::<Decimal>(), total);
    }
    let provinces: Vec<&str> = s.breakdowns.by_province.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(provinces, ["浙江省", "境外·香港"]);
    let kin = s.breakdowns.by_method.iter().find(|r| r.name == "以商招商").unwrap();
    assert_eq!((kin.projects, kin.funds), (1, d("30.25")));
}

#[test]
fn a_squad_counts_from_the_month_it_was_formed() {
    // Formed in March with a trip in March only: as of April it missed April, not January or
    // February, and it is one of the squads counted this month.
    let squad = "name: 新小分队\nunit: t1\nformed: 2026-03-10\ntrips:\n  - {start: 2026-03-12, end: 2026-03-12, destination: 西安, people: 2}\n";
    let c = county("", &[("squads/new.yaml", squad)]);
    let s = snap(&c, "2026-04");
    assert_eq!(s.squads.rows[0].missed_months, [m("2026-04")]);
    assert_eq!((s.squads.met, s.squads.total), (0, 1));
    // In February it did not exist yet: no row, no squad to count.
    let feb = snap(&c, "2026-02");
    assert_eq!(feb.squads.total, 0);
    assert_eq!(format::percent(feb.squads.rate.value), "—");
    // March: met the rule.
    assert_eq!(snap(&c, "2026-03").squads.met, 1);
}

/// Issue 11: money of an origin that does not count (县内) went missing from `by_fund_origin`
/// when its project was neither counted this year nor had counted money in the period.
#[test]
fn issue_11_county_internal_money_of_an_earlier_project_is_in_its_origin_row() {
    // The reproduction of the issue: a 2025 contract whose only 2026 money is 100 万元 from 县内.
    let old = |origin: &str| {
        project(
            "合同",
            "t1",
            "500",
            "  signed: 2025-05-01\n  registered: 2025-05-10",
            &format!("funds:\n  - {{month: 2026-03, amount: 100, origin: {origin}, use: 固定资产}}\n"),
        )
    };
    let c = county("", &[("projects/old.yaml", &old("县内"))]);
    let s = snap(&c, "2026-03");
    let row = |s: &Snapshot, name: &str| {
        let r = s.breakdowns.by_fund_origin.iter().find(|r| r.name == name).unwrap();
        (r.projects, r.funds, r.counted)
    };
    // 县内: 1 project, 100 万元, not counted; 到位资金 stays 0.
    assert_eq!(row(&s, "县内"), (1, d("100"), false));
    assert_eq!(s.headline.funds.value, d("0"));
    // By use splits 到位资金 only: nothing there; no project-level row gets anything either.
    assert!(s.breakdowns.by_fund_use.iter().all(|r| r.projects == 0 && r.funds.is_zero()));
    assert!(s.breakdowns.by_chain.iter().all(|r| r.projects == 0 && r.funds.is_zero()));
    assert!(s.breakdowns.by_province.is_empty());
    // The same money from 省外: 1 / 100 in 省外, counted, and in the chain and use rows too.
    let c = county("", &[("projects/old.yaml", &old("省外"))]);
    let s = snap(&c, "2026-03");
    assert_eq!(row(&s, "省外"), (1, d("100"), true));
    assert_eq!(row(&s, "县内"), (0, d("0"), false));
    let fixed = s.breakdowns.by_fund_use.iter().find(|r| r.name == "固定资产").unwrap();
    assert_eq!((fixed.projects, fixed.funds), (1, d("100")));
    assert_eq!(s.breakdowns.by_chain[0].funds, d("100"));
}

#[test]
fn the_leaders_block_counts_only_signed_projects_that_are_not_terminated() {
    // All five projects are in 王某's (l1) charge. As of 2026-06-30:
    // a: signed 2025, producing since 2026-02; 200 万元 省外 in April (and 50 in 2025, outside
    //    1–6月); a problem open since 05-01.
    // b: signed 02-01, registered 03-01 (履约); 70 省外 + 30 县内 in May.
    // c: signed 01-10, started 02-01, terminated 04-01; 100 省外 in March; an open problem.
    // d: signed 07-01, after the as-of date.
    // e: signed 03-01, nothing since.
    let a = project(
        "合同",
        "t1",
        "1000",
        "  signed: 2025-03-01\n  started: 2025-06-01\n  production: 2026-02-01",
        "funds:\n  - {month: 2025-05, amount: 50, origin: 省外, use: 固定资产}\n  - {month: 2026-04, amount: 200, origin: 省外, use: 固定资产}\n\
         problems:\n  - {kind: 手续, text: 环评未批, opened: 2026-05-01}\n",
    );
    let b = project(
        "合同",
        "t1",
        "300",
        "  signed: 2026-02-01\n  registered: 2026-03-01",
        "funds:\n  - {month: 2026-05, amount: 70, origin: 省外, use: 固定资产}\n  - {month: 2026-05, amount: 30, origin: 县内, use: 流动资金}\n",
    );
    let c_ = project(
        "合同",
        "t2",
        "500",
        "  signed: 2026-01-10\n  started: 2026-02-01\n  terminated: 2026-04-01",
        "terminated_reason: 撤资\nfunds:\n  - {month: 2026-03, amount: 100, origin: 省外, use: 固定资产}\n\
         problems:\n  - {kind: 用地, text: 用地未落实, opened: 2026-02-01}\n",
    );
    let dd = project("合同", "t2", "400", "  signed: 2026-07-01", "");
    let e = project("合同", "t2", "200", "  signed: 2026-03-01", "");
    // Items: on c overdue (but c is terminated), on e overdue, on e closed, on a not yet due
    // (a deadline on the as-of date is not past it).
    let meeting = [
        "chair: l1\nitems:\n",
        "  - {project: c, task: 清退, unit: d1, deadline: 2026-05-10}\n",
        "  - {project: e, task: 供地, unit: d1, deadline: 2026-05-31}\n",
        "  - {project: e, task: 办证, unit: d1, deadline: 2026-05-15, closed: 2026-05-20}\n",
        "  - {project: a, task: 验收, unit: d2, deadline: 2026-06-30}\n",
    ]
    .concat();
    let c = county(
        "",
        &[
            ("projects/a.yaml", &a),
            ("projects/b.yaml", &b),
            ("projects/c.yaml", &c_),
            ("projects/d.yaml", &dd),
            ("projects/e.yaml", &e),
            ("meetings/2026-04-15.yaml", &meeting),
        ],
    );
    let s = snap(&c, "2026-06");
    let l = &s.leaders[0];
    // In the block: a, b, e (c terminated, d not yet signed), by id.
    assert_eq!(l.projects, ["a", "b", "e"]);
    // By stage (signed, fulfilled, started, producing): e, b, —, a → 1, 1, 0, 1 = 3 projects.
    let stages: Vec<(&str, u32)> = l.by_stage.iter().map(|x| (x.stage.zh(), x.count)).collect();
    assert_eq!(stages, [("已签约", 1), ("已履约", 1), ("已开工", 0), ("已投产", 1)]);
    assert_eq!(l.by_stage.iter().map(|x| x.count).sum::<u32>() as usize, l.projects.len());
    // 到位资金 of 1–6月: a 200 + b 70 = 270 (c's 100 is terminated's, b's 30 is 县内, a's 50 is 2025).
    assert_eq!(l.funds, d("270"));
    // Open problems: a's only (c's is a terminated project's).
    assert_eq!(l.open_problems, 1);
    // Overdue items: e's 供地 only (c's item is a terminated project's; a's is due on 06-30).
    assert_eq!(l.overdue_items, 1);
    // The meetings block and the alerts still list every overdue item: c's and e's.
    assert_eq!((s.meetings.items, s.meetings.closed, s.meetings.overdue), (4, 1, 2));
    assert_eq!(s.alerts.overdue_items.len(), 2);
}

/// Three towns, each with a 到位资金 target of 100 万元 for 2026, and the funds each brought
/// by June, one project per town.
fn three_towns(site_rules: &str, funds: [&str; 3]) -> Content {
    let targets = "county: {projects: 3, funds: 300, fdi: 0}\nunits:\n  - {unit: t1, projects: 1, funds: 100}\n  \
                   - {unit: t2, projects: 1, funds: 100}\n  - {unit: t3, projects: 1, funds: 100}\n";
    let files: Vec<(String, String)> = ["t1", "t2", "t3"]
        .iter()
        .zip(funds)
        .map(|(unit, amount)| {
            let money = if amount == "0" {
                String::new()
            } else {
                format!("funds:\n  - {{month: 2026-03, amount: {amount}, origin: 省外, use: 固定资产}}\n")
            };
            (format!("projects/{unit}.yaml"), project("合同", unit, "100", "  signed: 2026-01-05", &money))
        })
        .chain([("targets/2026.yaml".to_string(), targets.to_string())])
        .collect();
    let refs: Vec<(&str, &str)> = files.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    county_with(site_rules, false, &refs)
}

fn lists(s: &Snapshot) -> Vec<(&str, Option<u32>, Option<&str>)> {
    s.units.towns.iter().map(|r| (r.id.as_str(), r.rank, r.list.map(snapshot::List::key))).collect()
}

#[test]
fn black_and_red_lists_take_every_unit_tied_at_their_boundary() {
    // June: time progress 50.00%. t1 60 of 100 = 60.00% (+10 points), t2 and t3 0.00% (−50).
    // Ranks 1, 2, 2. With a 黑榜 of one place, t2 and t3 share the last place: no unit ranks
    // below either, so both are on it (the old rule, rank + 1 > 3 units, listed neither).
    let c = three_towns("rules:\n  red_list_top: 1\n  black_list_bottom: 1\n", ["60", "0", "0"]);
    let s = snap(&c, "2026-06");
    assert_eq!(lists(&s), [("t1", Some(1), Some("red")), ("t2", Some(2), Some("black")), ("t3", Some(2), Some("black"))]);
    // A 红榜 of one place with t1 and t2 tied first at 60.00%: both on it; t3 alone is last.
    let c = three_towns("rules:\n  red_list_top: 1\n  black_list_bottom: 1\n", ["60", "60", "0"]);
    let s = snap(&c, "2026-06");
    assert_eq!(lists(&s), [("t1", Some(1), Some("red")), ("t2", Some(1), Some("red")), ("t3", Some(3), Some("black"))]);
    // A unit in the top places but behind time progress is on neither list: t1 40.00% (−10),
    // t2 30.00%, t3 20.00%; red top 1 takes no one, black bottom 1 takes t3 only.
    let c = three_towns("rules:\n  red_list_top: 1\n  black_list_bottom: 1\n", ["40", "30", "20"]);
    let s = snap(&c, "2026-06");
    assert_eq!(lists(&s), [("t1", Some(1), None), ("t2", Some(2), None), ("t3", Some(3), Some("black"))]);
}

#[test]
fn a_terminated_project_that_had_started_counts_in_no_numerator() {
    // a: contract 400, registered 02-01, started 03-01, 100 万元 in March, terminated 05-15.
    // b: contract 600, started 04-01, producing from 05-20.
    let a = project(
        "合同",
        "t1",
        "400",
        "  signed: 2026-01-10\n  registered: 2026-02-01\n  started: 2026-03-01\n  terminated: 2026-05-15",
        "terminated_reason: 撤资\nfunds:\n  - {month: 2026-03, amount: 100, origin: 省外, use: 固定资产}\n",
    );
    let b = project("合同", "t2", "600", "  signed: 2026-01-20\n  started: 2026-04-01\n  production: 2026-05-20", "");
    let files = [("projects/a.yaml", a.as_str()), ("projects/b.yaml", b.as_str())];
    let c = county("", &files);
    let num_den = |r: &crate::figures::snapshot::Rate| (r.numerator, r.denominator);
    // April: both started, both 履约: 2 / 2; 资金到位率 100 / (400 + 600) = 10%.
    let april = snap(&c, "2026-04");
    assert_eq!(num_den(&april.rates.start), (d("2"), d("2")));
    assert_eq!(num_den(&april.rates.fulfilment), (d("2"), d("2")));
    // May: a is terminated. It stays in every denominator but is neither 履约 nor 开工 any
    // more: 开工率 1 / 2, 履约率 1 / 2, 投产率 (b) 1 / 2; its 100 万元 stay: 100 / 1000.
    let may = snap(&c, "2026-05");
    assert_eq!(num_den(&may.rates.start), (d("1"), d("2")));
    assert_eq!(num_den(&may.rates.fulfilment), (d("1"), d("2")));
    assert_eq!(num_den(&may.rates.production), (d("1"), d("2")));
    assert_eq!(num_den(&may.rates.funds), (d("100"), d("1000")));
    // The funnel agrees with the numerators, and the stage table counts each project once
    // (b 已投产, a 已终止), adding up to the 2 signed.
    let pl = &may.pipeline;
    assert_eq!((pl.signed, pl.fulfilled, pl.started, pl.producing, pl.terminated), (2, 1, 1, 1, 1));
    let stages: Vec<u32> = pl.by_stage.iter().map(|x| x.count).collect();
    assert_eq!(stages, [0, 0, 0, 1, 1]);
    // 投产率 over started projects: b of the one live started project, 1 / 1.
    let c = county("rules:\n  production_rate_base: 开工\n", &files);
    assert_eq!(num_den(&snap(&c, "2026-05").rates.production), (d("1"), d("1")));
}

#[test]
fn each_alert_looks_at_the_projects_its_rule_names() {
    // As of 2026-06-30, problems older than 30 days are old.
    // a: producing since 2026-01-10, no measures, a problem open since 03-01 (121 days:
    //    30 + 30 + 31 + 30). Old problems include producing projects; 五个一 does not.
    // b: terminated 04-01, no leader, a problem open since 02-01: in no alert.
    // e: live, signed 01-31, no unit; problems open since 05-30 (31 days, old) and 05-31
    //    (30 days, not over 30).
    let a = "name: 甲\ninvestor: 某公司\nchain: agri\nsign_type: 合同\ntotal_investment: 100\ncontract_amount: 100\n\
             leader: l1\nunit: t1\nmilestones:\n  signed: 2025-01-10\n  started: 2025-03-01\n  production: 2026-01-10\n\
             problems:\n  - {kind: 手续, text: 产权证未办, opened: 2026-03-01}\n";
    let b = "name: 乙\ninvestor: 某公司\nchain: agri\nsign_type: 合同\ntotal_investment: 100\ncontract_amount: 100\n\
             measures: 专班\nunit: t1\nmilestones:\n  signed: 2026-01-05\n  terminated: 2026-04-01\nterminated_reason: 撤资\n\
             problems:\n  - {kind: 用地, text: 用地未落实, opened: 2026-02-01}\n";
    let e = "name: 戊\ninvestor: 某公司\nchain: agri\nsign_type: 合同\ntotal_investment: 100\ncontract_amount: 100\n\
             leader: l1\nmeasures: 专班\nmilestones:\n  signed: 2026-01-31\n\
             problems:\n  - {kind: 资金, text: 资金未到, opened: 2026-05-30}\n  - {kind: 其他, text: 待定, opened: 2026-05-31}\n";
    let c =
        county("rules:\n  not_started_months: 5\n", &[("projects/a.yaml", a), ("projects/b.yaml", b), ("projects/e.yaml", e)]);
    let s = snap(&c, "2026-06");
    let old: Vec<(&str, usize, i64)> = s.alerts.old_problems.iter().map(|x| (x.project.as_str(), x.number, x.days)).collect();
    assert_eq!(old, [("a", 1, 121), ("e", 1, 31)]);
    let five_one: Vec<(&str, &[snapshot::FiveOne])> =
        s.alerts.missing_five_one.iter().map(|x| (x.project.as_str(), &x.missing[..])).collect();
    assert_eq!(five_one, [("e", &[snapshot::FiveOne::Unit][..])]);
    // Not started: e only (a started; b terminated). 01-31 → 06-30 is 5 whole months (June
    // has no 31st, so the fifth month is complete on its last day).
    let not_started: Vec<(&str, i32)> = s.alerts.not_started.iter().map(|x| (x.project.as_str(), x.months)).collect();
    assert_eq!(not_started, [("e", 5)]);
    // The leader's block agrees: a's problem is open (a is in l1's charge), e's two are too.
    assert_eq!(s.leaders[0].open_problems, 3);
}

#[test]
fn whole_months_from_the_31st_complete_on_a_shorter_months_last_day() {
    // Signed 03-31, not started, the alert after 6 whole months: 03-31 → 08-31 is 5 months,
    // → 09-30 is 6 (September has no 31st: its last day completes the month).
    let p = project("合同", "t1", "100", "  signed: 2026-03-31", "");
    let c = county("", &[("projects/p.yaml", &p)]);
    assert!(snap(&c, "2026-08").alerts.not_started.is_empty());
    let sept = snap(&c, "2026-09");
    assert_eq!(sept.alerts.not_started.iter().map(|x| x.months).collect::<Vec<_>>(), [6]);
    // Stalled after 3 whole months idle: 03-31 → 06-30 is 3 months.
    assert!(snap(&c, "2026-05").alerts.stalled.is_empty());
    assert_eq!(snap(&c, "2026-06").alerts.stalled.iter().map(|x| x.months).collect::<Vec<_>>(), [3]);
}

#[test]
fn squads_short_of_trips_are_those_below_the_required_number_and_days_stop_at_the_as_of_day() {
    // Two trips a month are required. In April: s0 made none, s1 one, s2 two (the second runs
    // from 04-29 to 05-02).
    let targets = "county: {projects: 1, funds: 100, fdi: 0, trips_per_squad_month: 2}\n";
    let trip = |start: &str, end: &str| format!("  - {{start: {start}, end: {end}, destination: 西安, people: 2}}\n");
    let squad = |trips: &[String]| {
        if trips.is_empty() {
            "name: 小分队\nunit: t1\ntrips: []\n".to_string()
        } else {
            format!("name: 小分队\nunit: t1\ntrips:\n{}", trips.concat())
        }
    };
    let s0 = squad(&[]);
    let s1 = squad(&[trip("2026-04-10", "2026-04-12")]);
    let s2 = squad(&[trip("2026-04-03", "2026-04-03"), trip("2026-04-29", "2026-05-02")]);
    let c = county_with(
        "",
        false,
        &[("targets/2026.yaml", targets), ("squads/s0.yaml", &s0), ("squads/s1.yaml", &s1), ("squads/s2.yaml", &s2)],
    );
    let april = snap(&c, "2026-04");
    // Short of two trips: s0 (0) and s1 (1); s2 met the rule. 1 of 3 met = 33.33%.
    assert_eq!(april.alerts.squads_short_of_trips, ["s0", "s1"]);
    assert_eq!(april.squads.missed, april.alerts.squads_short_of_trips);
    assert_eq!((april.squads.met, april.squads.total, april.squads.required_per_month), (1, 3, 2));
    assert_eq!(format::percent(april.squads.rate.value), "33.33%");
    // Days away stop at the as-of day: s2's 04-03 (1 day) and 04-29..04-30 of its second trip
    // (2 days) = 3 as of 04-30; s1's 04-10..04-12 = 3.
    let days: Vec<u32> = april.squads.rows.iter().map(|r| r.days_away).collect();
    assert_eq!(days, [0, 3, 3]);
    // As of 05-31 the whole second trip counts: 1 + 4 = 5 (it still counts in April, the
    // month it started: s2 made no trip in May).
    let may = snap(&c, "2026-05");
    assert_eq!(may.squads.rows[2].days_away, 5);
    assert_eq!(may.squads.rows[2].by_month, [0, 0, 0, 2, 0]);
    assert_eq!(may.alerts.squads_short_of_trips, ["s0", "s1", "s2"]);
}

#[test]
fn the_bulletins_annex_lists() {
    use crate::figures::annex::Annex;
    use crate::figures::people::ItemState;
    // As of 2026-04-30.
    // p1: 合同 signed 02-10; 120 省外 + 30 县内 in April.
    // p2: 协议 signed 01-05, contracted 03-20 (counts from 03-20).
    // p3: 合同 signed 02-10 (same day as p1); only 10 县内 in April.
    // p4: signed 2025 (not new this year); 300 省外 in March, 50 in April.
    // p5: 合同 signed 03-01, terminated 04-10; 120 省外 in March.
    // p6: signed 05-01, after the as-of date.
    let money = |entries: &[(&str, &str, &str)]| {
        let lines: Vec<String> =
            entries.iter().map(|(m, a, o)| format!("  - {{month: {m}, amount: {a}, origin: {o}, use: 固定资产}}\n")).collect();
        format!("funds:\n{}", lines.concat())
    };
    let p1 =
        project("合同", "t1", "500", "  signed: 2026-02-10", &money(&[("2026-04", "120", "省外"), ("2026-04", "30", "县内")]));
    let p2 = project("协议", "t1", "500", "  signed: 2026-01-05\n  contracted: 2026-03-20", "");
    let p3 = project("合同", "t2", "500", "  signed: 2026-02-10", &money(&[("2026-04", "10", "县内")]));
    let p4 =
        project("合同", "t2", "500", "  signed: 2025-06-01", &money(&[("2026-03", "300", "省外"), ("2026-04", "50", "省外")]));
    let p5 = project(
        "合同",
        "d1",
        "500",
        "  signed: 2026-03-01\n  terminated: 2026-04-10",
        &format!("terminated_reason: 撤资\n{}", money(&[("2026-03", "120", "省外")])),
    );
    let p6 = project("合同", "d1", "500", "  signed: 2026-05-01", "");
    // Squads: sa went out 03-10, 04-05..04-06 and 04-29; sb left 04-29 and came back 05-02.
    let trip = |start: &str, end: &str| format!("  - {{start: {start}, end: {end}, destination: 杭州, people: 2}}\n");
    let sa = format!(
        "name: 甲队\nunit: t1\ntrips:\n{}{}{}",
        trip("2026-03-10", "2026-03-10"),
        trip("2026-04-05", "2026-04-06"),
        trip("2026-04-29", "2026-04-29")
    );
    let sb = format!("name: 乙队\nunit: t2\ntrips:\n{}", trip("2026-04-29", "2026-05-02"));
    // Meetings: one in 2025 and one in May are outside 1–4月.
    let item = |task: &str, deadline: &str, closed: &str| {
        let closed = if closed.is_empty() { String::new() } else { format!(", closed: {closed}") };
        format!("  - {{task: {task}, unit: d1, deadline: {deadline}{closed}}}\n")
    };
    let m_dec = format!("items:\n{}", item("旧事项", "2025-12-20", ""));
    let m_mar = format!("items:\n{}{}", item("甲事项", "2026-03-31", "2026-03-25"), item("乙事项", "2026-04-15", ""));
    let m_apr = format!("items:\n{}", item("丙事项", "2026-05-10", ""));
    let m_may = format!("items:\n{}", item("丁事项", "2026-05-20", ""));
    let c = county(
        "",
        &[
            ("projects/p1.yaml", &p1),
            ("projects/p2.yaml", &p2),
            ("projects/p3.yaml", &p3),
            ("projects/p4.yaml", &p4),
            ("projects/p5.yaml", &p5),
            ("projects/p6.yaml", &p6),
            ("squads/sa.yaml", &sa),
            ("squads/sb.yaml", &sb),
            ("meetings/2025-12-01.yaml", &m_dec),
            ("meetings/2026-03-10.yaml", &m_mar),
            ("meetings/2026-04-20.yaml", &m_apr),
            ("meetings/2026-05-05.yaml", &m_may),
        ],
    );
    let a = Annex::of(&c, m("2026-04"));
    // 附件1: counted this year as of 04-30, latest count date first, then by id: p2 (03-20),
    // p1 and p3 (02-10). p4 counted in 2025, p5 terminated, p6 not yet signed.
    let ids: Vec<&str> = a.new_projects.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["p2", "p1", "p3"]);
    // 附件2: counted money of 1–4月, largest first: p4 300 + 50 = 350 (50 in April); p1 120
    // and p5 120 tie (both named 项目), so by id. p3's money is all 县内: not listed.
    let funds: Vec<(&str, Decimal, Decimal)> = a.funds.iter().map(|f| (f.project.id.as_str(), f.month, f.to_date)).collect();
    assert_eq!(funds, [("p4", d("50"), d("350")), ("p1", d("120"), d("120")), ("p5", d("0"), d("120"))]);
    // 附件3: April's trips by start date, then squad: sa 04-05 (2 days, back 04-06), sa 04-29
    // (1 day), sb 04-29 (still away on 04-30: 2 days, no return date yet).
    let trips: Vec<(&str, String, u32, Option<String>)> =
        a.trips.iter().map(|t| (t.squad.id.as_str(), t.trip.start.to_string(), t.days, t.back.map(|b| b.to_string()))).collect();
    assert_eq!(
        trips,
        [
            ("sa", "2026-04-05".to_string(), 2, Some("2026-04-06".to_string())),
            ("sa", "2026-04-29".to_string(), 1, Some("2026-04-29".to_string())),
            ("sb", "2026-04-29".to_string(), 2, None),
        ]
    );
    // 附件4: items of the meetings held 01-01..04-30, by meeting then as listed: 甲 closed
    // 03-25; 乙 past its 04-15 deadline; 丙 due 05-10.
    let items: Vec<(&str, ItemState)> = a.items.iter().map(|i| (i.item.task.as_str(), i.state)).collect();
    assert_eq!(items, [("甲事项", ItemState::Closed), ("乙事项", ItemState::Overdue), ("丙事项", ItemState::Open)]);
}

#[test]
fn the_target_line_is_target_times_k_over_12_with_one_division() {
    // The domain's targets: 50 projects, 2 230 000 万元, 300 万美元. As of October (k = 10):
    // 50 × 10 ÷ 12 = 41⅔, 2 230 000 × 10 ÷ 12 = 1 858 333⅓, 300 × 10 ÷ 12 = 250 exactly.
    // The decimal type carries 28–29 significant digits (its mantissa is below 2⁹⁶ ≈ 7.9e28),
    // so 41⅔ is 41.666…667 with 27 decimals (the last rounded up), 1 858 333⅓ has 22.
    let targets = "county: {projects: 50, funds: 2230000, fdi: 300}\n";
    let c = county_with("", false, &[("targets/2026.yaml", targets)]);
    let s = snap(&c, "2026-10");
    let october = &s.series.months[9];
    assert_eq!(october.projects_target.unwrap().to_string(), "41.666666666666666666666666667");
    assert_eq!(october.funds_target.unwrap().to_string(), "1858333.3333333333333333333333");
    assert_eq!(october.fdi_target.unwrap().to_string(), "250");
    // September (k = 9): 50 × 9 ÷ 12 = 37.5, 2 230 000 × 9 ÷ 12 = 1 672 500, 300 × 9 ÷ 12 = 225.
    let september = &s.series.months[8];
    assert_eq!(september.projects_target, Some(d("37.5")));
    assert_eq!(september.funds_target, Some(d("1672500")));
    assert_eq!(september.fdi_target, Some(d("225")));
    // Rounded only for display: 1 858 333⅓ 万元 is 185.83 亿元; 41⅔ projects shows as 42.
    assert_eq!(format::yi(october.funds_target.unwrap()), "185.83");
    assert_eq!(format::count(october.projects_target.unwrap()), "42");
}

#[test]
fn min_contract_amount_limits_the_count_and_the_rate_cohort_not_the_money() {
    // Threshold 500 万元. As of 2026-04-30:
    // a (t1): contract 499.99, started 03-01, 100 万元 省外 in March: below the threshold.
    // b (t2): contract 500 exactly: counts.
    // c (t1): 协议 of 300, converted 03-05: below the threshold, so never counted.
    let a = project(
        "合同",
        "t1",
        "499.99",
        "  signed: 2026-02-01\n  started: 2026-03-01",
        "funds:\n  - {month: 2026-03, amount: 100, origin: 省外, use: 固定资产}\n",
    );
    let b = project("合同", "t2", "500", "  signed: 2026-02-01", "");
    let c_ = project("协议", "t1", "300", "  signed: 2026-01-10\n  contracted: 2026-03-05", "");
    let files = [("projects/a.yaml", a.as_str()), ("projects/b.yaml", b.as_str()), ("projects/c.yaml", c_.as_str())];
    let c = county("rules:\n  min_contract_amount: 500\n", &files);
    let s = snap(&c, "2026-04");
    // Projects: b only. Money: a's 100 still counts (money that arrived is money).
    assert_eq!(s.headline.projects.value, d("1"));
    assert_eq!(s.headline.funds.value, d("100"));
    // The rate cohort is b alone: not started 0 / 1; 资金到位率 0 / 500 (a's money is outside it).
    assert_eq!((s.rates.start.numerator, s.rates.start.denominator), (d("0"), d("1")));
    assert_eq!((s.rates.funds.numerator, s.rates.funds.denominator), (d("0"), d("500")));
    assert_eq!(s.pipeline.signed, 1);
    // The 协议→合同 conversion counts every 协议 signed this year, whatever its amount.
    assert_eq!((s.agreements.agreements, s.agreements.converted), (1, 1));
    // Units and chains: t1 has a's money but no project; the chain row has b's 500.
    let t1 = s.units.towns.iter().find(|r| r.id == "t1").unwrap();
    assert_eq!((t1.projects.value, t1.funds.value), (d("0"), d("100")));
    let agri = &s.breakdowns.by_chain[0];
    assert_eq!((agri.projects, agri.contract_amount, agri.funds), (1, d("500"), d("100")));
    assert_eq!(crate::figures::annex::new_projects(&c, m("2026-04")).iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["b"]);
    // Without the threshold: a, b and c count (3), and the cohort is all three.
    let c = county("", &files);
    let s = snap(&c, "2026-04");
    assert_eq!((s.headline.projects.value, s.rates.start.numerator, s.rates.start.denominator), (d("3"), d("1"), d("3")));
}

#[test]
fn units_ranked_by_projects() {
    // rank_by 项目. June: time progress 50.00%. Project targets t1 4, t2 4, d1 2; t3 none.
    // t1: 2 counted (a third, terminated in May, no longer counts) → 50.00%, gap 0.00.
    // t2: 1 counted → 25.00%, gap −25.00, although its 1000 万元 are 250% of its funds target.
    // t3: 1 counted, no target → unranked. d1: 1 of 2 → 50.00%.
    let plain = |unit: &str| project("合同", unit, "100", "  signed: 2026-01-05", "");
    let rich = project(
        "合同",
        "t2",
        "100",
        "  signed: 2026-01-05",
        "funds:\n  - {month: 2026-02, amount: 1000, origin: 省外, use: 固定资产}\n",
    );
    let gone = project("合同", "t1", "100", "  signed: 2026-01-05\n  terminated: 2026-05-10", "terminated_reason: 撤资\n");
    let files = [
        ("projects/a1.yaml", plain("t1")),
        ("projects/a2.yaml", plain("t1")),
        ("projects/a3.yaml", gone),
        ("projects/b1.yaml", rich),
        ("projects/c1.yaml", plain("t3")),
        ("projects/d1.yaml", plain("d1")),
    ];
    let refs: Vec<(&str, &str)> = files.iter().map(|(p, t)| (*p, t.as_str())).collect();
    let c = county("rules:\n  rank_by: 项目\n  red_list_top: 1\n  black_list_bottom: 1\n", &refs);
    let s = snap(&c, "2026-06");
    assert_eq!(s.units.rank_by, crate::content::model::RankBy::Projects);
    type Line<'a> = (&'a str, Decimal, Option<Decimal>, Option<u32>, Option<&'a str>);
    let towns: Vec<Line> = s
        .units
        .towns
        .iter()
        .map(|r| (r.id.as_str(), r.projects.value, r.projects.gap_points, r.rank, r.list.map(snapshot::List::key)))
        .collect();
    assert_eq!(
        towns,
        [
            // On time (gap 0.00 is not behind) and first: 红榜.
            ("t1", d("2"), Some(d("0.00")), Some(1), Some("red")),
            // Behind and last: 黑榜, whatever its money.
            ("t2", d("1"), Some(d("-25.00")), Some(2), Some("black")),
            ("t3", d("1"), None, None, None),
        ]
    );
    let d1 = &s.units.departments[0];
    assert_eq!((d1.rank, d1.list), (Some(1), Some(snapshot::List::Red)));
    // Last month (May, a3 terminated on 05-10): t1 2 of 4, t2 1 of 4, the same ranks: no change.
    assert_eq!(s.units.towns[0].rank_change, Some(0));
}

#[test]
fn data_quality_warnings_point_at_their_files() {
    use crate::figures::warnings;
    // Targets whose unit shares do not add up: projects 4 + 4 = 8 of 10, funds 400 + 500 = 900
    // of 1000; no unit has an FDI share, so FDI is not checked.
    let targets = "county: {projects: 10, funds: 1000, fdi: 100}\nunits:\n  - {unit: t1, projects: 4, funds: 400}\n  \
                   - {unit: t2, projects: 4, funds: 500}\n";
    // p: no leader, no measures; signed 2025-08-15 and not started (7 whole months by
    //    2026-03-31, over 6); a problem open since 2026-01-10 (21 + 28 + 31 = 80 days, over 30).
    // q: producing, no unit: 五个一 ends at production, so no warning.
    let p = "name: 甲\ninvestor: 某公司\nchain: agri\nsign_type: 合同\ntotal_investment: 100\ncontract_amount: 100\n\
             unit: t1\nmilestones:\n  signed: 2025-08-15\nproblems:\n  - {kind: 用地, text: 用地未落实, opened: 2026-01-10}\n";
    let q = "name: 乙\ninvestor: 某公司\nchain: agri\nsign_type: 合同\ntotal_investment: 100\ncontract_amount: 100\n\
             leader: l1\nmeasures: 专班\nmilestones:\n  signed: 2025-03-01\n  started: 2025-04-01\n  production: 2025-12-01\n";
    // s: formed 2026-02-01; no trip in February, one in March: February is short (January is
    // before it was formed).
    let s = "name: 小分队\nunit: t1\nformed: 2026-02-01\ntrips:\n  - {start: 2026-03-05, end: 2026-03-06, destination: 西安, people: 2}\n";
    let c = county_with(
        "",
        false,
        &[("targets/2026.yaml", targets), ("projects/p.yaml", p), ("projects/q.yaml", q), ("squads/s.yaml", s)],
    );
    let found = warnings::data_quality(&c, m("2026-03"));
    let file_of = |id: &str| c.project_by_id(id).unwrap().origin.file;
    let (p_file, squad_file, targets_file) = (file_of("p"), c.squads[0].origin.file, c.targets[&2026].origin.file);
    let got: Vec<(&str, Option<crate::source::FileId>, &str)> =
        found.iter().map(|w| (w.code, w.file, w.message.en.as_str())).collect();
    assert_eq!(
        got,
        [
            ("five-one-missing", Some(p_file), "五个一 incomplete: missing leader"),
            ("five-one-missing", Some(p_file), "五个一 incomplete: missing measures"),
            ("not-started", Some(p_file), "signed on 2025-08-15, not started after 7 months"),
            ("problem-open", Some(p_file), "problem open since 2026-01-10, 80 days unresolved"),
            ("squad-no-trip", Some(squad_file), "0 trip(s) in 2026-02, fewer than the required 1"),
            ("target-split", Some(targets_file), "unit project targets add up to 8, not the county target 10"),
            ("target-split", Some(targets_file), "unit funds targets add up to 900, not the county target 1000"),
        ]
    );
    assert!(found.iter().all(|w| !w.is_error()));
}

#[test]
fn rates_include_continuing_takes_only_earlier_projects_marked_continuing() {
    // With rates_include_continuing, as of 2026-06-30:
    // k1: 续建, counted 2025, started 2025: joins (and is started).
    // k2: 新建, counted 2025, started 2025: does not join (not marked 续建).
    // k3: 续建, terminated 2025-12-31, before the year began: does not join.
    // k4: 续建, terminated 2026-01-01, within the year: joins, in the denominator only.
    // k5: 续建 协议 of 2025 never converted: never counted, does not join.
    // n1: signed 2026-02-01: in the cohort as every project counted this year.
    let old = |build: &str, milestones: &str, rest: &str| {
        project("合同", "t1", "100", milestones, &format!("build_type: {build}\n{rest}"))
    };
    let k1 = old("续建", "  signed: 2025-03-01\n  started: 2025-06-01", "");
    let k2 = old("新建", "  signed: 2025-04-01\n  started: 2025-06-01", "");
    let k3 = old("续建", "  signed: 2025-05-01\n  started: 2025-07-01\n  terminated: 2025-12-31", "terminated_reason: 撤资\n");
    let k4 = old("续建", "  signed: 2025-05-01\n  started: 2025-07-01\n  terminated: 2026-01-01", "terminated_reason: 撤资\n");
    let k5 = project("协议", "t1", "100", "  signed: 2025-02-01", "build_type: 续建\n");
    let n1 = project("合同", "t1", "100", "  signed: 2026-02-01", "");
    let files = [
        ("projects/k1.yaml", k1.as_str()),
        ("projects/k2.yaml", k2.as_str()),
        ("projects/k3.yaml", k3.as_str()),
        ("projects/k4.yaml", k4.as_str()),
        ("projects/k5.yaml", k5.as_str()),
        ("projects/n1.yaml", n1.as_str()),
    ];
    let c = county("rules:\n  rates_include_continuing: true\n", &files);
    let s = snap(&c, "2026-06");
    // Cohort k1, k4, n1: started k1 only (k4 is terminated) → 1 / 3.
    assert_eq!((s.rates.start.numerator, s.rates.start.denominator), (d("1"), d("3")));
    let stages: Vec<u32> = s.pipeline.by_stage.iter().map(|x| x.count).collect();
    // n1 已签约, k1 已开工, k4 已终止.
    assert_eq!(stages, [1, 0, 1, 0, 1]);
    // Without the rule the cohort is n1 alone: 0 / 1.
    let c = county("", &files);
    let s = snap(&c, "2026-06");
    assert_eq!((s.rates.start.numerator, s.rates.start.denominator), (d("0"), d("1")));
}

#[test]
fn breakdown_keys_and_the_order_of_the_lists() {
    // a: 亲情招商 on 丝博会, from 浙江省, 300 万元. b: no method, no platform, from 香港 (and a
    // province, which the country overrides), 300 万元. c: no origin at all, 商洛商会, 50 万元.
    let with = |unit: &str, rest: &str, amount: &str| {
        project(
            "合同",
            unit,
            "1000",
            "  signed: 2026-01-05",
            &format!("{rest}funds:\n  - {{month: 2026-02, amount: {amount}, origin: 省外, use: 固定资产}}\n"),
        )
    };
    let a = with("t1", "method: 亲情招商\nplatform: 丝博会\norigin: {province: 浙江省}\n", "300");
    let b = with("t2", "origin: {country: 香港, province: 广东省}\n", "300");
    let c_ = with("d1", "platform: 商洛商会\n", "50");
    // Squads whose names sort unlike their ids; leaders in file order.
    let squad = |name: &str| format!("name: {name}\nunit: t1\ntrips: []\n");
    let c = county(
        "",
        &[
            ("projects/a.yaml", &a),
            ("projects/b.yaml", &b),
            ("projects/c.yaml", &c_),
            ("squads/q1.yaml", &squad("乙队")),
            ("squads/q2.yaml", &squad("甲队")),
        ],
    );
    let s = snap(&c, "2026-02");
    let keys = |rows: &[crate::figures::snapshot::BreakdownRow]| -> Vec<String> {
        rows.iter().map(|r| format!("{}:{}:{}", r.key, r.projects, r.funds)).collect()
    };
    // By method: the seven methods in their fixed order, then 未填写 for b and c (300 + 50).
    assert_eq!(
        keys(&s.breakdowns.by_method),
        [
            "亲情招商:1:300",
            "以商招商:0:0",
            "代理招商:0:0",
            "云招商:0:0",
            "叩门招商:0:0",
            "节会招商:0:0",
            "其他:0:0",
            "未填写:2:350"
        ]
    );
    // By platform and by province: funds, largest first; ties by projects, then by key
    // (丝博会 and 未填写 both 300 and 1: their keys in code-point order, 丝 U+4E1D first).
    assert_eq!(keys(&s.breakdowns.by_platform), ["丝博会:1:300", "未填写:1:300", "商洛商会:1:50"]);
    // 境外·香港 (U+5883) before 浙江省 (U+6D59); c has neither province nor country.
    assert_eq!(keys(&s.breakdowns.by_province), ["境外·香港:1:300", "浙江省:1:300", "未填写:1:50"]);
    // By origin: the four origins in fixed order; by use: 固定资产, 流动资金.
    assert_eq!(keys(&s.breakdowns.by_fund_origin), ["省外:3:650", "省内市外:0:0", "市内县外:0:0", "县内:0:0"]);
    assert_eq!(keys(&s.breakdowns.by_fund_use), ["固定资产:3:650", "流动资金:0:0"]);
    // Units: ranked ones by rank (then id), then the unranked by id. Funds targets t1 400,
    // t2 400: both 75.00% → rank 1 and 1; t3 unranked.
    let towns: Vec<(&str, Option<u32>)> = s.units.towns.iter().map(|r| (r.id.as_str(), r.rank)).collect();
    assert_eq!(towns, [("t1", Some(1)), ("t2", Some(1)), ("t3", None)]);
    // Squads by id, whatever their names; the leaders as listed in leaders.yaml.
    assert_eq!(s.squads.rows.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["q1", "q2"]);
    assert_eq!(s.leaders.iter().map(|l| l.id.as_str()).collect::<Vec<_>>(), ["l1"]);
}
