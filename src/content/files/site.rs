//! `site.yaml`: title, issuer, locale and the counting rules (统计口径).

use crate::content::fields::{Decoder, Fields, Optional, Required};
use crate::content::model::{
    CorrectionPolicy, Fulfilment, FundOrigin, Locale, PrintSettings, RankBy, RateBase, RollupLevel, Rules, SignType, Site,
};
use crate::content::problems::{self, NumberKind};
use crate::content::yaml::Node;

pub const SIGN_TYPES: &[(&str, SignType)] = &[("合同", SignType::Contract), ("协议", SignType::Agreement)];
pub const FUND_ORIGINS: &[(&str, FundOrigin)] = &[
    ("省外", FundOrigin::OutOfProvince),
    ("省内市外", FundOrigin::InProvince),
    ("市内县外", FundOrigin::InCity),
    ("县内", FundOrigin::InCounty),
];
const FULFILMENT: &[(&str, Fulfilment)] =
    &[("注册", Fulfilment::Registered), ("首笔到资", Fulfilment::FirstFunds), ("开工", Fulfilment::Started)];
const RATE_BASES: &[(&str, RateBase)] = &[("签约", RateBase::Signed), ("开工", RateBase::Started)];
const RANK_BY: &[(&str, RankBy)] = &[("到位资金", RankBy::Funds), ("项目", RankBy::Projects)];
const CORRECTIONS: &[(&str, CorrectionPolicy)] =
    &[("warn", CorrectionPolicy::Warn), ("require_note", CorrectionPolicy::RequireNote)];
/// `rollup:` in a roll-up's site.yaml: the level whose 口径 its figures follow.
pub const ROLLUP_LEVELS: &[(&str, RollupLevel)] = &[("市", RollupLevel::City), ("省", RollupLevel::Province)];
const LOCALES: &[(&str, Locale)] = &[("zh-CN", Locale::ZhCn), ("en", Locale::En), ("~zh", Locale::ZhCn), ("~en-US", Locale::En)];

pub fn decode(d: &mut Decoder, node: &Node) -> Option<Site> {
    let mut f = Fields::of(d, node, "")?;
    let title = f.text(d, "title", Required);
    let county = f.text(d, "county", Optional);
    let issuer = f.text(d, "issuer", Required);
    let locale = f.choice(d, "locale", Optional, LOCALES).unwrap_or_default();
    let sample = f.flag(d, "sample").unwrap_or(false);
    let corrections = f.choice(d, "corrections", Optional, CORRECTIONS).unwrap_or_default();
    let base_url = f.get("base_url").and_then(|node| base_url(d, node));
    let rollup = f.choice(d, "rollup", Optional, ROLLUP_LEVELS);
    let defaults = rollup.map_or_else(Rules::default, RollupLevel::default_rules);
    let rules = match f.nested(d, "rules", Optional) {
        Some(mut r) => {
            let rules = rules(d, &mut r, defaults);
            r.finish(d);
            rules
        }
        None => defaults,
    };
    let print = match f.nested(d, "print", Optional) {
        Some(mut p) => {
            let print = PrintSettings {
                annexes: p.flag(d, "annexes").unwrap_or(false),
                pdf: p.flag(d, "pdf").unwrap_or(false),
                browser: p.text(d, "browser", Optional),
            };
            p.finish(d);
            print
        }
        None => PrintSettings::default(),
    };
    f.finish(d);
    Some(Site { title: title?, county, issuer: issuer?, locale, sample, rules, corrections, base_url, print, rollup })
}

/// `base_url`: a full http(s) address without query or fragment, kept with a final `/`.
fn base_url(d: &mut Decoder, node: &Node) -> Option<String> {
    let value = crate::content::fields::text(d, node, "base_url")?;
    let rest = value.strip_prefix("https://").or_else(|| value.strip_prefix("http://"));
    let host_ok = rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/'));
    let clean = !value.contains(|c: char| c.is_whitespace() || c.is_control() || matches!(c, '?' | '#' | '"' | '<' | '>' | '\\'));
    if !(host_ok && clean) {
        d.report(problems::bad_base_url(&value), Some(node.span));
        return None;
    }
    Some(if value.ends_with('/') { value } else { format!("{value}/") })
}

/// Each rule falls back to its default when absent or unreadable (the error is reported).
fn rules(d: &mut Decoder, f: &mut Fields, default: Rules) -> Rules {
    let count = |d: &mut Decoder, f: &mut Fields, key, range, fallback| f.count(d, key, Optional, range).unwrap_or(fallback);
    Rules {
        count_sign_types: f.choices(d, "count_sign_types", SIGN_TYPES).unwrap_or(default.count_sign_types),
        min_contract_amount: f.number(d, "min_contract_amount", Optional, NumberKind::Wan).unwrap_or(default.min_contract_amount),
        count_terminated: f.flag(d, "count_terminated").unwrap_or(default.count_terminated),
        fulfilled_when: f.choices(d, "fulfilled_when", FULFILMENT).unwrap_or(default.fulfilled_when),
        production_rate_base: f.choice(d, "production_rate_base", Optional, RATE_BASES).unwrap_or(default.production_rate_base),
        rates_include_continuing: f.flag(d, "rates_include_continuing").unwrap_or(default.rates_include_continuing),
        funds_origins: f.choices(d, "funds_origins", FUND_ORIGINS).unwrap_or(default.funds_origins),
        rank_by: f.choice(d, "rank_by", Optional, RANK_BY).unwrap_or(default.rank_by),
        // Ranges a county office could mean: lists of up to 100 units, reminders within ten years.
        red_list_top: count(d, f, "red_list_top", 0..=100, default.red_list_top),
        black_list_bottom: count(d, f, "black_list_bottom", 0..=100, default.black_list_bottom),
        not_started_months: count(d, f, "not_started_months", 1..=120, default.not_started_months),
        stalled_months: count(d, f, "stalled_months", 1..=120, default.stalled_months),
        problem_open_days: count(d, f, "problem_open_days", 1..=3_650, default.problem_open_days),
    }
}
