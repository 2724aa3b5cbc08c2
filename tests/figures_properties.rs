//! Properties of the figures over random content folders:
//! - cumulative figures never decrease from month to month within a year;
//! - events dated after month m leave month m's snapshot unchanged;
//! - per-unit and per-chain rows add up to the county totals;
//! - each point of the monthly series is that month's headline, and last year's points are
//!   the headline of the same month a year before.

use proptest::prelude::*;
use rust_decimal::Decimal;

use bulletin::content::{self, Content};
use bulletin::figures;
use bulletin::period::Month;

const UNITS: [&str; 4] = ["t1", "t2", "d1", "d2"];
const CHAINS: [&str; 3] = ["agri", "tour", "other"];
const ORIGINS: [&str; 4] = ["省外", "省内市外", "市内县外", "县内"];

#[derive(Debug, Clone)]
struct Spec {
    unit: usize,
    chain: usize,
    agreement: bool,
    /// Months after 2025-01 (0..24) and day 1..28.
    signed: (u32, u32),
    contracted_after: Option<u32>,
    started_after: Option<u32>,
    terminated_after: Option<u32>,
    /// (months after signing, amount in 元 hundredths of 万元, origin)
    funds: Vec<(u32, u32, usize)>,
    fdi: Vec<(u32, u32)>,
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        0..UNITS.len(),
        0..CHAINS.len(),
        any::<bool>(),
        (0u32..24, 1u32..=28),
        proptest::option::of(0u32..6),
        proptest::option::of(0u32..8),
        proptest::option::of(1u32..10),
        proptest::collection::vec((0u32..12, 1u32..500_000, 0..ORIGINS.len()), 0..5),
        proptest::collection::vec((0u32..12, 1u32..10_000), 0..2),
    )
        .prop_map(|(unit, chain, agreement, signed, contracted_after, started_after, terminated_after, funds, fdi)| Spec {
            unit,
            chain,
            agreement,
            signed,
            contracted_after: contracted_after.filter(|_| agreement),
            started_after,
            terminated_after,
            funds,
            fdi,
        })
}

fn month_at(offset: u32) -> Month {
    let mut m = Month::new(2025, 1).unwrap();
    for _ in 0..offset {
        m = m.next();
    }
    m
}

fn date_at(offset: u32, day: u32) -> String {
    format!("{}-{:02}", month_at(offset), day)
}

fn cents(v: u32) -> String {
    (Decimal::from(v) / Decimal::from(100)).normalize().to_string()
}

/// The project as a YAML file; every date stays within 2025-01..2026-12.
fn project_yaml(s: &Spec, extra_funds: &[(Month, u32)]) -> String {
    let (sm, day) = s.signed;
    let clamp = |m: u32| (sm + m).min(23);
    let mut y = format!(
        "name: 项目\ninvestor: 某公司\nchain: {}\nsign_type: {}\ntotal_investment: 1000\ncontract_amount: 800\nleader: l1\nmeasures: 推进\nunit: {}\nmilestones:\n  signed: {}\n",
        CHAINS[s.chain],
        if s.agreement { "协议" } else { "合同" },
        UNITS[s.unit],
        date_at(sm, day)
    );
    if let Some(c) = s.contracted_after {
        y += &format!("  contracted: {}\n", date_at(clamp(c), day));
    }
    if let Some(st) = s.started_after {
        y += &format!("  started: {}\n", date_at(clamp(st), day));
    }
    if let Some(t) = s.terminated_after {
        y += &format!("  terminated: {}\nterminated_reason: 撤资\n", date_at(clamp(t), day));
    }
    if !s.funds.is_empty() || !extra_funds.is_empty() {
        y += "funds:\n";
        for (after, amount, origin) in &s.funds {
            y += &format!(
                "  - {{month: {}, amount: {}, origin: {}, use: 固定资产}}\n",
                month_at(clamp(*after)),
                cents(*amount),
                ORIGINS[*origin]
            );
        }
        for (month, amount) in extra_funds {
            y += &format!("  - {{month: {month}, amount: {}, origin: 省外, use: 流动资金}}\n", cents(*amount));
        }
    }
    if !s.fdi.is_empty() {
        y += "fdi:\n";
        for (after, amount) in &s.fdi {
            y += &format!("  - {{month: {}, amount: {}}}\n", month_at(clamp(*after)), cents(*amount));
        }
    }
    y
}

fn county(projects: &[String], rules: &str) -> Content {
    let mut files: Vec<(String, std::io::Result<Vec<u8>>)> = vec![
        ("site.yaml".into(), Ok(format!("title: 测试\nissuer: 测试办\n{rules}").into_bytes())),
        (
            "units.yaml".into(),
            Ok("- {id: t1, name: 甲镇, kind: 镇办}\n- {id: t2, name: 乙镇, kind: 镇办}\n- {id: d1, name: 甲局, kind: 部门}\n- {id: d2, name: 乙局, kind: 部门}\n".into()),
        ),
        ("leaders.yaml".into(), Ok("- {id: l1, name: 王某}\n".into())),
        ("chains.yaml".into(), Ok("chains:\n  - {id: agri, name: 新农业}\n  - {id: tour, name: 大旅游}\n  - {id: other, name: 其他}\n".into())),
        ("targets/2026.yaml".into(), Ok("county: {projects: 10, funds: 10000, fdi: 100}\nunits:\n  - {unit: t1, funds: 5000}\n  - {unit: d1, funds: 5000}\n".into())),
    ];
    for (i, p) in projects.iter().enumerate() {
        files.push((format!("projects/p{i:03}.yaml"), Ok(p.clone().into_bytes())));
    }
    let loaded = content::from_files(files);
    let errors: Vec<_> = loaded.diagnostics.errors().map(|d| (d.code, d.message.en.clone())).collect();
    assert!(errors.is_empty(), "generated content has errors: {errors:?}");
    loaded.content.unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn cumulative_figures_never_decrease(specs in proptest::collection::vec(spec(), 0..12)) {
        // With terminated projects still counted, the project count is cumulative too.
        let c = county(&specs.iter().map(|s| project_yaml(s, &[])).collect::<Vec<_>>(), "rules:\n  count_terminated: true\n");
        let mut before = None;
        for m in Month::new(2026, 1).unwrap().through(Month::new(2026, 12).unwrap()) {
            let h = figures::snapshot(&c, m).headline;
            let now = (h.projects.value, h.funds.value, h.fdi.value);
            if let Some((p, f, x)) = before {
                prop_assert!(now.0 >= p && now.1 >= f && now.2 >= x, "{m}: {now:?} after {:?}", (p, f, x));
            }
            before = Some(now);
        }
    }

    #[test]
    fn later_events_do_not_change_a_month(specs in proptest::collection::vec(spec(), 1..10), cut in 0u32..23, extra in 1u32..100_000) {
        let month = month_at(cut);
        let plain: Vec<String> = specs.iter().map(|s| project_yaml(s, &[])).collect();
        let before = serde_json::to_string(&figures::snapshot(&county(&plain, ""), month)).unwrap();

        // Add money after the cut to every project that is signed by then, and a new
        // project signed after the cut.
        let later = month.next();
        let mut changed: Vec<String> = specs
            .iter()
            .map(|s| if month_at(s.signed.0) <= later { project_yaml(s, &[(later, extra)]) } else { project_yaml(s, &[]) })
            .collect();
        let newcomer = Spec {
            unit: 0, chain: 0, agreement: false, signed: (cut + 1, 1), contracted_after: None,
            started_after: Some(0), terminated_after: None, funds: vec![(0, extra, 0)], fdi: vec![(0, 5)],
        };
        changed.push(project_yaml(&newcomer, &[]));
        let after = serde_json::to_string(&figures::snapshot(&county(&changed, ""), month)).unwrap();
        prop_assert_eq!(before, after);
    }

    #[test]
    fn unit_and_chain_rows_add_up_to_the_county(specs in proptest::collection::vec(spec(), 0..12), at in 12u32..24) {
        let c = county(&specs.iter().map(|s| project_yaml(s, &[])).collect::<Vec<_>>(), "");
        let s = figures::snapshot(&c, month_at(at));
        let units = s.units.towns.iter().chain(&s.units.departments);
        let (mut p, mut f, mut x) = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
        for u in units {
            p += u.projects.value;
            f += u.funds.value;
            x += u.fdi.value;
        }
        prop_assert_eq!((p, f, x), (s.headline.projects.value, s.headline.funds.value, s.headline.fdi.value));
        let chains = &s.breakdowns.by_chain;
        prop_assert_eq!(chains.iter().map(|r| Decimal::from(r.projects)).sum::<Decimal>(), s.headline.projects.value);
        prop_assert_eq!(chains.iter().map(|r| r.funds).sum::<Decimal>(), s.headline.funds.value);
        prop_assert_eq!(chains.iter().map(|r| r.fdi).sum::<Decimal>(), s.headline.fdi.value);
    }

    #[test]
    fn the_series_is_each_months_headline(specs in proptest::collection::vec(spec(), 0..12), at in 12u32..24, count_terminated in any::<bool>()) {
        let rules = format!("rules:\n  count_terminated: {count_terminated}\n");
        let c = county(&specs.iter().map(|s| project_yaml(s, &[])).collect::<Vec<_>>(), &rules);
        let month = month_at(at);
        let series = figures::snapshot(&c, month).series;
        prop_assert_eq!(series.months.len() as u32, month.number());
        for point in &series.months {
            let h = figures::snapshot(&c, point.month).headline;
            prop_assert_eq!((point.projects, point.funds, point.fdi), (h.projects.value, h.funds.value, h.fdi.value));
            let a_year_before = figures::snapshot(&c, point.month.year_before()).headline;
            prop_assert_eq!(
                (point.projects_last_year, point.funds_last_year, point.fdi_last_year),
                (a_year_before.projects.value, a_year_before.funds.value, a_year_before.fdi.value)
            );
            prop_assert_eq!((h.projects.last_year, h.funds.last_year), (a_year_before.projects.value, a_year_before.funds.value));
        }
    }
}
