//! 结构分析: the period's projects and 到位资金 by chain, fund origin and use, method,
//! platform, tag and investor origin.
//!
//! Project-level breakdowns (chain, method, …) put each project's counted status and all its
//! money of the period under the project's category, so the rows of a single-valued
//! dimension add up to the county totals. Tags are multi-valued and need not add up.
//!
//! Fund-level breakdowns look at each fund entry of the period on its own: `by_fund_origin`
//! takes every entry, whatever its origin and whether its project counts (县内 money is shown,
//! marked not counted); `by_fund_use` takes the entries of counted origins, so it splits
//! 到位资金 and adds up to it. The two kinds select their projects separately: a project whose
//! only money in the period is 县内 adds nothing to a project-level row but is in 县内's row.

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::Period;
use super::rules;
use super::snapshot::{BreakdownRow, Breakdowns, Ratio};
use crate::content::model::{FundEntry, FundOrigin, FundUse, Method, Project};

/// One project's share of the period: counted toward the target, and its money.
struct Share {
    counted: bool,
    contract_amount: Decimal,
    funds: Decimal,
    fdi: Decimal,
}

/// `in_period`: the project's fund entries of the period.
fn share(p: &Period, project: &Project, in_period: &[FundEntry]) -> Share {
    let first = p.month.january();
    let counted = rules::counts_toward_target(project, p.rules, p.as_of);
    Share {
        counted,
        contract_amount: if counted { project.contract_amount } else { Decimal::ZERO },
        funds: in_period.iter().filter(|f| rules::counted_funds(f, p.rules)).map(|f| f.amount).sum(),
        fdi: project.fdi_between(first, p.month).iter().map(|f| f.amount).sum(),
    }
}

/// Accumulates rows by key, keeping the first-seen order unless sorted later. Rows seeded in a
/// known order (chains, fund origins) are also reached by position: a month of a province
/// adds ten thousand projects to each table.
#[derive(Default)]
struct Table {
    rows: Vec<BreakdownRow>,
    index: HashMap<String, usize>,
}

impl Table {
    fn row(&mut self, key: &str, name: &str) -> &mut BreakdownRow {
        match self.index.get(key) {
            Some(&i) => &mut self.rows[i],
            None => self.push(key, name),
        }
    }

    /// A new row at the end, whatever the rows before: a seeded row's position is its
    /// position in the seed list.
    fn push(&mut self, key: &str, name: &str) -> &mut BreakdownRow {
        self.index.entry(key.to_string()).or_insert(self.rows.len());
        self.rows.push(BreakdownRow {
            key: key.to_string(),
            name: name.to_string(),
            projects: 0,
            contract_amount: Decimal::ZERO,
            funds: Decimal::ZERO,
            fdi: Decimal::ZERO,
            funds_share: Ratio::none(),
            counted: true,
        });
        self.rows.last_mut().expect("just pushed")
    }

    fn add(&mut self, key: &str, name: &str, s: &Share) {
        add_to(self.row(key, name), s);
    }

    /// Rows in first-seen order, or by funds (largest first) then key.
    fn finish(self, total_funds: Decimal, by_funds: bool) -> Vec<BreakdownRow> {
        let mut rows = self.rows;
        if by_funds {
            rows.sort_by(|a, b| b.funds.cmp(&a.funds).then(b.projects.cmp(&a.projects)).then_with(|| a.key.cmp(&b.key)));
        }
        for row in &mut rows {
            row.funds_share = if row.counted { Ratio::of(row.funds, total_funds) } else { Ratio::none() };
        }
        rows
    }
}

fn add_to(row: &mut BreakdownRow, s: &Share) {
    row.projects += u32::from(s.counted);
    row.contract_amount += s.contract_amount;
    row.funds += s.funds;
    row.fdi += s.fdi;
}

/// `active`: the year's projects that can count or have money ([`super::YearTotals::active`]);
/// no other project adds to any row.
pub fn breakdowns(p: &Period, total_funds: Decimal, active: &[u32]) -> Breakdowns {
    let c = p.content;
    let mut chain = Table::default();
    for ch in &c.chains {
        chain.push(&ch.id, &ch.name);
    }
    let mut method = Table::default();
    for m in Method::ALL {
        method.row(m.zh(), m.zh());
    }
    let (mut platform, mut tag, mut province) = (Table::default(), Table::default(), Table::default());
    let mut origin = Table::default();
    for o in FundOrigin::ALL {
        origin.push(o.zh(), o.zh()).counted = p.rules.funds_origins.contains(&o);
    }
    let mut fund_use = Table::default();
    for u in [FundUse::FixedAssets, FundUse::WorkingCapital] {
        fund_use.row(u.zh(), u.zh());
    }

    let first = p.month.january();
    for project in active.iter().map(|&i| &c.projects[i as usize]) {
        if project.milestones.signed > p.as_of {
            continue;
        }
        // Fund-level breakdowns: every entry of the period, by its own origin and use.
        let mut seen_origin = Vec::new();
        let mut seen_use = Vec::new();
        let in_period = project.funds_between(first, p.month);
        for f in in_period {
            // Seeded in `FundOrigin::ALL`'s order.
            let row = &mut origin.rows[FundOrigin::ALL.iter().position(|o| *o == f.origin).expect("every origin")];
            row.funds += f.amount;
            if !seen_origin.contains(&f.origin) {
                seen_origin.push(f.origin);
                row.projects += 1;
            }
            if rules::counted_funds(f, p.rules) {
                let row = fund_use.row(f.use_.zh(), f.use_.zh());
                row.funds += f.amount;
                if !seen_use.contains(&f.use_) {
                    seen_use.push(f.use_);
                    row.projects += 1;
                }
            }
        }

        // Project-level breakdowns: only projects that add something to them.
        let s = share(p, project, in_period);
        if !s.counted && s.funds.is_zero() && s.fdi.is_zero() {
            continue;
        }
        // Seeded in `c.chains`' order.
        add_to(&mut chain.rows[project.chain.get()], &s);
        let m = project.method.map_or("未填写", |m| m.zh());
        method.add(m, m, &s);
        let pf = project.platform.as_deref().unwrap_or("未填写");
        platform.add(pf, pf, &s);
        for t in &project.tags {
            tag.add(t, t, &s);
        }
        let abroad;
        let place = match (&project.from.country, &project.from.province) {
            (Some(country), _) => {
                abroad = format!("境外·{country}");
                abroad.as_str()
            }
            (None, Some(province)) => province.as_str(),
            (None, None) => "未填写",
        };
        province.add(place, place, &s);
    }
    Breakdowns {
        by_chain: chain.finish(total_funds, false),
        by_fund_origin: origin.finish(total_funds, false),
        by_fund_use: fund_use.finish(total_funds, false),
        by_method: method.finish(total_funds, false),
        by_platform: platform.finish(total_funds, true),
        by_tag: tag.finish(total_funds, true),
        by_province: province.finish(total_funds, true),
    }
}
