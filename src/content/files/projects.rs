//! `projects/<id>.yaml`: one row of the ledger (台账).

use chrono::NaiveDate;

use super::Tables;
use super::site::{FUND_ORIGINS, SIGN_TYPES};
use crate::content::fields::{Decoder, Fields, Optional, Required};
use crate::content::model::{
    BuildType, ChainIx, FdiEntry, FundEntry, FundUse, LeaderIx, Method, Milestones, Place, ProblemEntry, ProblemKind, Project,
    SignType, SquadIx, UnitIx,
};
use crate::content::problems::{self, NumberKind};
use crate::content::yaml::Node;
use crate::source::Span;

pub const TAGS: &[(&str, &str)] = &[
    ("500强", "500强"),
    ("世界500强", "世界500强"),
    ("中国500强", "中国500强"),
    ("民企500强", "民企500强"),
    ("总部经济", "总部经济"),
    ("电子信息", "电子信息"),
    ("乡党返乡", "乡党返乡"),
];
const METHODS: &[(&str, Method)] = &[
    ("亲情招商", Method::Kinship),
    ("以商招商", Method::ByBusiness),
    ("代理招商", Method::Agency),
    ("云招商", Method::Online),
    ("叩门招商", Method::DoorKnocking),
    ("节会招商", Method::Expo),
    ("其他", Method::Other),
    ("~亲情", Method::Kinship),
    ("~以商", Method::ByBusiness),
    ("~代理", Method::Agency),
    ("~云", Method::Online),
    ("~叩门", Method::DoorKnocking),
    ("~节会", Method::Expo),
];
const BUILD_TYPES: &[(&str, BuildType)] = &[("新建", BuildType::New), ("续建", BuildType::Continuing)];
const FUND_USES: &[(&str, FundUse)] = &[("固定资产", FundUse::FixedAssets), ("流动资金", FundUse::WorkingCapital)];
const PROBLEM_KINDS: &[(&str, ProblemKind)] =
    &[("用地", ProblemKind::Land), ("手续", ProblemKind::Permits), ("资金", ProblemKind::Money), ("其他", ProblemKind::Other)];

pub fn decode(d: &mut Decoder, node: &Node, id: &str, t: &Tables) -> Option<Project> {
    let mut f = Fields::of(d, node, "")?;
    let name = f.text(d, "name", Required);
    let investor = f.text(d, "investor", Required);
    let from = match f.nested(d, "origin", Optional) {
        Some(mut o) => {
            let place = Place {
                province: o.text(d, "province", Optional),
                city: o.text(d, "city", Optional),
                country: o.text(d, "country", Optional),
            };
            o.finish(d);
            place
        }
        None => Place::default(),
    };
    let tags = f.choices(d, "tags", TAGS).unwrap_or_default().into_iter().map(str::to_string).collect();
    let chain = f.reference(d, "chain", Required, &t.chains).map(ChainIx);
    let content = f.text(d, "content", Optional);
    let method = f.choice(d, "method", Optional, METHODS);
    let platform = f.text(d, "platform", Optional);
    let build_type = f.choice(d, "build_type", Optional, BUILD_TYPES).unwrap_or(BuildType::New);
    let sign_type = f.choice(d, "sign_type", Required, SIGN_TYPES);
    let total_investment = f.number(d, "total_investment", Required, NumberKind::Wan);
    let contract_amount = f.number(d, "contract_amount", Required, NumberKind::Wan);
    let contract_fdi = f.number(d, "contract_fdi", Optional, NumberKind::UsdWan).unwrap_or_default();
    let town = f.reference(d, "town", Optional, &t.units).map(UnitIx);
    let town_span = f.span_of("town");
    let park = f.text(d, "park", Optional);
    let leader = f.reference(d, "leader", Optional, &t.leaders).map(LeaderIx);
    let measures = f.text(d, "measures", Optional);
    let unit = f.reference(d, "unit", Optional, &t.units).map(UnitIx);
    let (introduced_by_squad, introduced_by_unit) = match f.nested(d, "introduced_by", Optional) {
        Some(mut i) => {
            let squad = i.reference(d, "squad", Optional, &t.squads).map(SquadIx);
            let unit = i.reference(d, "unit", Optional, &t.units).map(UnitIx);
            i.finish(d);
            (squad, unit)
        }
        None => (None, None),
    };
    let milestones = f.nested(d, "milestones", Required).and_then(|mut m| {
        let ms = milestones(d, &mut m, sign_type);
        m.finish(d);
        ms
    });
    let terminated_reason = f.text(d, "terminated_reason", Optional);
    let terminated_reason_span = f.span_of("terminated_reason");
    let funds = f.list_of(d, "funds", |d, item, path| {
        let mut e = Fields::of(d, item, path)?;
        let month = e.month(d, "month", Required);
        let amount = e.number(d, "amount", Required, NumberKind::Wan);
        let origin = e.choice(d, "origin", Required, FUND_ORIGINS);
        let use_ = e.choice(d, "use", Required, FUND_USES);
        let month_span = e.span_of("month");
        let path = e.path("month");
        e.finish(d);
        Some((FundEntry { month: month?, amount: amount?, origin: origin?, use_: use_? }, month_span, path))
    });
    let fdi = f.list_of(d, "fdi", |d, item, path| {
        let mut e = Fields::of(d, item, path)?;
        let month = e.month(d, "month", Required);
        let amount = e.number(d, "amount", Required, NumberKind::UsdWan);
        let month_span = e.span_of("month");
        let path = e.path("month");
        e.finish(d);
        Some((FdiEntry { month: month?, amount: amount? }, month_span, path))
    });
    let problem_list = f.list_of(d, "problems", |d, item, path| {
        let mut e = Fields::of(d, item, path)?;
        let kind = e.choice(d, "kind", Required, PROBLEM_KINDS);
        let text = e.text(d, "text", Required);
        let opened = e.date(d, "opened", Required);
        let resolved = e.date(d, "resolved", Optional);
        if let (Some(o), Some(r)) = (opened, resolved)
            && r < o
        {
            d.report(
                problems::date_order(&e.path("resolved"), &r.to_string(), &e.path("opened"), &o.to_string()),
                e.span_of("resolved"),
            );
        }
        let origin = d.origin(item.span);
        e.finish(d);
        Some(ProblemEntry { kind: kind?, text: text?, opened: opened?, resolved, origin })
    });
    let note = f.text(d, "note", Optional);
    f.finish(d);

    // Checks that need several fields at once.
    if let Some(town) = town
        && t.unit_kinds[town.get()] != crate::content::model::UnitKind::Town
    {
        d.report(problems::wrong_unit_kind("town", t.units_ids[town.get()].as_str(), "镇办"), town_span);
    }
    let milestones = milestones?;
    let signed_month = crate::period::Month::of(milestones.signed);
    for (entry, span, path) in &funds {
        if entry.month < signed_month {
            d.report(problems::before_signing(path, &entry.month.to_string(), &milestones.signed.to_string()), *span);
        }
    }
    for (entry, span, path) in &fdi {
        if entry.month < signed_month {
            d.report(problems::before_signing(path, &entry.month.to_string(), &milestones.signed.to_string()), *span);
        }
    }
    if let (Some(first_funds), Some((first, span, path))) = (milestones.first_funds, funds.iter().min_by_key(|(e, _, _)| e.month))
        && first.month < crate::period::Month::of(first_funds)
    {
        d.report(problems::date_order("milestones.first_funds", &first_funds.to_string(), path, &first.month.to_string()), *span);
    }
    match (milestones.terminated, &terminated_reason) {
        (Some(_), None) => d.report(
            problems::needs_field(
                "terminated_reason",
                "项目已填写终止日期，需要写明终止原因",
                "a terminated project needs a reason",
            ),
            f_span_or(terminated_reason_span, node.span),
        ),
        (None, Some(_)) => d.report(
            problems::not_allowed_here(
                "terminated_reason",
                "没有填写 milestones.terminated（终止日期）",
                "there is no milestones.terminated date",
            ),
            terminated_reason_span,
        ),
        _ => {}
    }

    let introduced_squad_unit = introduced_by_squad.and_then(|s| t.squad_units[s.get()]);
    let mut funds: Vec<FundEntry> = funds.into_iter().map(|(e, _, _)| e).collect();
    funds.sort_by_key(|e| e.month);
    let mut fdi: Vec<FdiEntry> = fdi.into_iter().map(|(e, _, _)| e).collect();
    fdi.sort_by_key(|e| e.month);
    Some(Project {
        id: id.to_string(),
        name: name?,
        investor: investor?,
        from,
        tags,
        chain: chain?,
        content,
        method,
        platform,
        build_type,
        sign_type: sign_type?,
        total_investment: total_investment?,
        contract_amount: contract_amount?,
        contract_fdi,
        town,
        park,
        leader,
        measures,
        unit,
        introduced_by_squad,
        introduced_by_unit,
        credit_unit: introduced_by_unit.or(introduced_squad_unit).or(unit),
        milestones,
        terminated_reason,
        funds,
        fdi,
        problems: problem_list,
        note,
        origin: d.origin(node.span),
    })
}

fn f_span_or(span: Option<Span>, fallback: Span) -> Option<Span> {
    Some(span.unwrap_or(Span { start: fallback.start, end: fallback.start }))
}

/// Reads the milestones and checks their order; `None` when `signed` is missing or bad.
fn milestones(d: &mut Decoder, m: &mut Fields, sign_type: Option<SignType>) -> Option<Milestones> {
    let signed = m.date(d, "signed", Required);
    let contracted = m.date(d, "contracted", Optional);
    let registered = m.date(d, "registered", Optional);
    let first_funds = m.date(d, "first_funds", Optional);
    let started = m.date(d, "started", Optional);
    let production = m.date(d, "production", Optional);
    let terminated = m.date(d, "terminated", Optional);

    if contracted.is_some() && sign_type == Some(SignType::Contract) {
        d.report(
            problems::not_allowed_here(
                &m.path("contracted"),
                "sign_type 已是 合同；contracted 只用于协议项目转签合同",
                "sign_type is already 合同; contracted is only for a 协议 that became a contract",
            ),
            m.span_of("contracted"),
        );
    }
    // Each later milestone must not precede the one it depends on.
    let mut order = |later: &str, later_date: Option<NaiveDate>, earlier: &str, earlier_date: Option<NaiveDate>| {
        if let (Some(l), Some(e)) = (later_date, earlier_date)
            && l < e
        {
            d.report(problems::date_order(&m.path(later), &l.to_string(), &m.path(earlier), &e.to_string()), m.span_of(later));
        }
    };
    order("contracted", contracted, "signed", signed);
    order("registered", registered, "signed", signed);
    order("first_funds", first_funds, "signed", signed);
    order("started", started, "signed", signed);
    order("production", production, "started", started);
    order("terminated", terminated, "signed", signed);
    if production.is_some() && started.is_none() {
        d.report(
            problems::needs_field(
                &m.path("started"),
                "已填写竣工投产日期，但没有开工日期",
                "production is set but started is not",
            ),
            m.span_of("production"),
        );
    }
    Some(Milestones { signed: signed?, contracted, registered, first_funds, started, production, terminated })
}
