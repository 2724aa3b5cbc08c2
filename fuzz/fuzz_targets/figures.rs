//! The figures of a small structured county built from fuzzer bytes (a dozen projects with
//! dates, money, stages): within a year the cumulative figures never decrease from month to
//! month; the unit and chain rows add up to the county totals; 履约率, 开工率 and 投产率 lie in
//! [0, 1] or have no value (资金到位率 may pass 100%: more money than contracted arrives).
#![no_main]

#[path = "common.rs"]
mod common;

use arbitrary::Arbitrary;
use bulletin::content;
use bulletin::figures;
use bulletin::period::Month;
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;

const UNITS: [&str; 4] = ["t1", "t2", "d1", "d2"];
const CHAINS: [&str; 3] = ["agri", "tour", "other"];
const ORIGINS: [&str; 4] = ["省外", "省内市外", "市内县外", "县内"];

#[derive(Arbitrary, Debug)]
struct Spec {
    unit: u8,
    chain: u8,
    agreement: bool,
    signed: (u8, u8),
    contracted_after: Option<u8>,
    registered_after: Option<u8>,
    started_after: Option<u8>,
    production_after: Option<u8>,
    terminated_after: Option<u8>,
    funds: Vec<(u8, u32, u8)>,
    fdi: Vec<(u8, u16)>,
}

#[derive(Arbitrary, Debug)]
struct County {
    projects: Vec<Spec>,
    count_terminated: bool,
    rank_by_projects: bool,
}

fn month_at(offset: u32) -> Month {
    let mut m = Month::new(2025, 1).unwrap();
    for _ in 0..offset.min(23) {
        m = m.next();
    }
    m
}

fn yaml(s: &Spec) -> String {
    let sm = u32::from(s.signed.0) % 24;
    let day = u32::from(s.signed.1) % 28 + 1;
    let at = |after: u8| format!("{}-{day:02}", month_at(sm + u32::from(after) % 12));
    let mut y = format!(
        "name: 项目\ninvestor: 某公司\nchain: {}\nsign_type: {}\ntotal_investment: 1000\ncontract_amount: 800\nleader: l1\nmeasures: 推进\nunit: {}\nmilestones:\n  signed: {}-{day:02}\n",
        CHAINS[s.chain as usize % 3],
        if s.agreement { "协议" } else { "合同" },
        UNITS[s.unit as usize % 4],
        month_at(sm)
    );
    // Milestones in order: each at or after the one before.
    let mut last = 0u8;
    let mut step = |key: &str, after: Option<u8>, y: &mut String| {
        if let Some(a) = after {
            last = last.max(a % 12);
            y.push_str(&format!("  {key}: {}\n", at(last)));
        }
    };
    if s.agreement {
        step("contracted", s.contracted_after, &mut y);
    }
    step("registered", s.registered_after, &mut y);
    step("started", s.started_after, &mut y);
    if s.started_after.is_some() {
        step("production", s.production_after, &mut y);
    }
    if let Some(t) = s.terminated_after {
        y.push_str(&format!("  terminated: {}\nterminated_reason: 撤资\n", at(t.max(last))));
    }
    if !s.funds.is_empty() {
        y.push_str("funds:\n");
        for (after, amount, origin) in s.funds.iter().take(6) {
            let amount = (Decimal::from(*amount % 10_000_000) / Decimal::from(100)).normalize();
            let month = month_at(sm + u32::from(*after) % 12);
            y.push_str(&format!(
                "  - {{month: {month}, amount: {amount}, origin: {}, use: 固定资产}}\n",
                ORIGINS[*origin as usize % 4]
            ));
        }
    }
    if !s.fdi.is_empty() {
        y.push_str("fdi:\n");
        for (after, amount) in s.fdi.iter().take(3) {
            y.push_str(&format!("  - {{month: {}, amount: {amount}}}\n", month_at(sm + u32::from(*after) % 12)));
        }
    }
    y
}

fuzz_target!(|county: County| common::one_thread(|| run(county)));

fn run(county: County) {
    let rules = format!(
        "rules:\n  count_terminated: {}\n  rank_by: {}\n",
        county.count_terminated,
        if county.rank_by_projects { "项目" } else { "到位资金" }
    );
    let mut files: Vec<(String, std::io::Result<Vec<u8>>)> = vec![
        ("site.yaml".into(), Ok(format!("title: 测试\nissuer: 测试办\n{rules}").into_bytes())),
        (
            "units.yaml".into(),
            Ok("- {id: t1, name: 甲镇, kind: 镇办}\n- {id: t2, name: 乙镇, kind: 镇办}\n- {id: d1, name: 甲局, kind: 部门}\n- {id: d2, name: 乙局, kind: 部门}\n".into()),
        ),
        ("leaders.yaml".into(), Ok("- {id: l1, name: 王某}\n".into())),
        ("chains.yaml".into(), Ok("chains:\n  - {id: agri, name: 新农业}\n  - {id: tour, name: 大旅游}\n  - {id: other, name: 其他}\n".into())),
        ("targets/2026.yaml".into(), Ok("county: {projects: 10, funds: 10000, fdi: 100}\nunits:\n  - {unit: t1, funds: 5000, projects: 3}\n  - {unit: d1, funds: 5000, projects: 3}\n".into())),
    ];
    for (i, p) in county.projects.iter().take(12).enumerate() {
        files.push((format!("projects/p{i:03}.yaml"), Ok(yaml(p).into_bytes())));
    }
    let loaded = content::from_files(files);
    // A generated county can still be refused (a fund before signing); then nothing to compute.
    let Some(c) = loaded.content else { return };
    // One pass over the ledger for the year, shared by its twelve months, as the site does.
    let years = figures::Years::new(&c, [2026]);
    let mut before: Option<(Decimal, Decimal, Decimal)> = None;
    for m in Month::new(2026, 1).unwrap().through(Month::new(2026, 12).unwrap()) {
        let s = figures::snapshot_with(&c, m, &years);
        let h = &s.headline;
        let now = (h.projects.value, h.funds.value, h.fdi.value);
        if let Some(b) = before {
            assert!(now.1 >= b.1 && now.2 >= b.2, "{m}: money fell from {b:?} to {now:?}");
            if county.count_terminated {
                assert!(now.0 >= b.0, "{m}: projects fell from {b:?} to {now:?}");
            }
        }
        before = Some(now);
        let units = s.units.towns.iter().chain(&s.units.departments);
        let (mut p, mut f, mut x) = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
        for u in units {
            p += u.projects.value;
            f += u.funds.value;
            x += u.fdi.value;
        }
        assert_eq!((p, f, x), now, "{m}: units do not add up");
        let chains = &s.breakdowns.by_chain;
        assert_eq!(chains.iter().map(|r| Decimal::from(r.projects)).sum::<Decimal>(), now.0, "{m}: chain projects");
        assert_eq!(chains.iter().map(|r| r.funds).sum::<Decimal>(), now.1, "{m}: chain funds");
        for (name, rate) in [("履约率", &s.rates.fulfilment), ("开工率", &s.rates.start), ("投产率", &s.rates.production)]
        {
            if let Some(v) = rate.rate.value {
                assert!(v >= Decimal::ZERO && v <= Decimal::ONE, "{m}: {name} {v}");
            }
        }
        if let Some(v) = s.rates.funds.rate.value {
            assert!(v >= Decimal::ZERO, "{m}: 资金到位率 {v}");
        }
    }
}
