//! The figures of one report period (1–m月, as of the month's last day): what every page and
//! the published `data/<YYYY-MM>.json` show. `docs/figures.md` documents the JSON form.
//!
//! Values are exact: money as `Decimal` (万元, 外资 万美元), rates as exact ratios (0.9 for
//! 90%). Rounding happens once, when a value is displayed; the `display` strings here are
//! those displayed values, so other systems can show exactly what the bulletin shows.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::rules::Stage;
use crate::content::model::{ProblemKind, RankBy, UnitKind};
use crate::period::Month;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Snapshot {
    /// Schema version of this JSON form.
    pub schema: u32,
    /// The report month `YYYY-MM`: the period is January to this month.
    pub month: Month,
    pub year: i32,
    /// The last day of the month: nothing dated later is counted.
    #[serde(serialize_with = "date", deserialize_with = "de_date")]
    pub as_of: NaiveDate,
    /// 时序进度 = m ÷ 12.
    pub time_progress: Ratio,
    pub headline: Headline,
    pub rates: Rates,
    pub agreements: Conversion,
    pub pipeline: Pipeline,
    pub factories: Factories,
    pub squads: SquadFigures,
    pub breakdowns: Breakdowns,
    pub units: UnitRankings,
    pub leaders: Vec<LeaderRow>,
    pub meetings: MeetingFigures,
    pub alerts: Alerts,
    pub series: Series,
}

/// A ratio with its display form; `value` is `null` when the denominator is zero.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Ratio {
    #[serde(with = "rust_decimal::serde::arbitrary_precision_option")]
    pub value: Option<Decimal>,
}

impl Ratio {
    pub fn of(numerator: Decimal, denominator: Decimal) -> Ratio {
        Ratio { value: (!denominator.is_zero()).then(|| numerator / denominator) }
    }
    pub fn none() -> Ratio {
        Ratio { value: None }
    }
}

/// The three annual targets.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Headline {
    /// 招引项目 (个).
    pub projects: Target,
    /// 招商到位资金 (万元).
    pub funds: Target,
    /// 外资直投 (万美元).
    pub fdi: Target,
}

/// Progress toward one annual target.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Target {
    /// 1–m月累计.
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub value: Decimal,
    /// 年度目标; `null` when none is set.
    #[serde(with = "rust_decimal::serde::arbitrary_precision_option")]
    pub target: Option<Decimal>,
    /// 完成率 = value ÷ target.
    pub completion: Ratio,
    /// 超(+)/欠(−)时序进度, in percentage points, as displayed: the displayed completion minus
    /// the displayed time progress, so the three printed numbers always agree.
    #[serde(with = "rust_decimal::serde::arbitrary_precision_option")]
    pub gap_points: Option<Decimal>,
    /// 上年同期 (1–m月 of the previous year).
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub last_year: Decimal,
    /// 同比 = (value − last_year) ÷ last_year.
    pub yoy: Ratio,
    /// This month's increment (本月新增).
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub this_month: Decimal,
}

/// A rate with the counts (or sums) behind it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Rate {
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub numerator: Decimal,
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub denominator: Decimal,
    pub rate: Ratio,
    /// The rate target (as a ratio) from the year's targets, if set.
    #[serde(with = "rust_decimal::serde::arbitrary_precision_option")]
    pub target: Option<Decimal>,
}

/// The four rates (四率).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Rates {
    /// 履约率 = 履约项目 ÷ 签约项目.
    pub fulfilment: Rate,
    /// 资金到位率 = 签约项目累计到位资金 ÷ 合同引资额 (万元).
    pub funds: Rate,
    /// 开工率 = 已开工(含投产) ÷ 签约项目.
    pub start: Rate,
    /// 竣工投产率 = 已投产 ÷ 签约项目 (or ÷ 已开工, per the rules).
    pub production: Rate,
}

/// 协议 → 合同 conversion this year.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Conversion {
    /// 协议 projects signed this year.
    pub agreements: u32,
    /// Of those, converted to a contract by the as-of date.
    pub converted: u32,
    pub rate: Ratio,
    /// 合同 projects signed directly this year.
    pub contracts: u32,
}

/// The rate cohort by stage.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Pipeline {
    /// How many reached each milestone by the as-of date and are not terminated by then (the
    /// numerators of the rates); `signed` is the whole cohort, terminated projects included.
    pub signed: u32,
    pub fulfilled: u32,
    pub started: u32,
    pub producing: u32,
    pub terminated: u32,
    /// Exclusive: how many are at each stage now.
    pub by_stage: Vec<StageCount>,
}

/// How many projects are at a stage. In JSON also the stage's Chinese name (`name`), for
/// programs that show it (read back, the name is ignored).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct StageCount {
    pub stage: Stage,
    pub count: u32,
}

impl Serialize for StageCount {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = s.serialize_struct("StageCount", 3)?;
        out.serialize_field("stage", &self.stage)?;
        out.serialize_field("name", self.stage.zh())?;
        out.serialize_field("count", &self.count)?;
        out.end()
    }
}

/// Standard factory buildings (标准化厂房).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Factories {
    pub buildings_built: u32,
    pub buildings_occupied: u32,
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub area_built: Decimal,
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub area_occupied: Decimal,
    /// 入驻率 by area.
    pub rate_area: Ratio,
    pub rate_buildings: Ratio,
    #[serde(with = "rust_decimal::serde::arbitrary_precision_option")]
    pub target: Option<Decimal>,
    pub buildings: Vec<BuildingRow>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct BuildingRow {
    pub id: String,
    pub park: String,
    pub name: String,
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub area: Decimal,
    pub built: bool,
    pub project: Option<String>,
    #[serde(serialize_with = "opt_date", deserialize_with = "de_opt_date")]
    pub moved_in: Option<NaiveDate>,
}

/// Squads (招商小分队) and their trips.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SquadFigures {
    pub total: u32,
    /// Squads with at least the required number of trips this month.
    pub met: u32,
    /// 达标率 = met ÷ total.
    pub rate: Ratio,
    pub required_per_month: u32,
    /// Ids of the squads short of trips this month.
    pub missed: Vec<String>,
    pub rows: Vec<SquadRow>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SquadRow {
    pub id: String,
    pub name: String,
    pub unit: String,
    /// 1–m月.
    pub trips: u32,
    pub trips_this_month: u32,
    pub days_away: u32,
    pub people: u32,
    pub companies: u32,
    pub leads: u32,
    /// Distinct projects linked to its trips.
    pub projects: u32,
    pub leader_trips: u32,
    /// Trips not yet reported (no `reported` date by the as-of date).
    pub unreported: u32,
    /// Trips in each month January..m.
    pub by_month: Vec<u32>,
    /// Months (`YYYY-MM`) short of the required trips.
    pub missed_months: Vec<Month>,
}

/// Breakdowns of the 1–m月 figures.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Breakdowns {
    pub by_chain: Vec<BreakdownRow>,
    /// Every origin, including 县内; `counted` says whether it is in 到位资金.
    pub by_fund_origin: Vec<BreakdownRow>,
    pub by_fund_use: Vec<BreakdownRow>,
    pub by_method: Vec<BreakdownRow>,
    pub by_platform: Vec<BreakdownRow>,
    pub by_tag: Vec<BreakdownRow>,
    pub by_province: Vec<BreakdownRow>,
}

/// One row of a breakdown: projects counted toward the target this year, their contract
/// amount, and the 到位资金 of the period (any project, 续建 included) in this category.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct BreakdownRow {
    pub key: String,
    pub name: String,
    pub projects: u32,
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub contract_amount: Decimal,
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub funds: Decimal,
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub fdi: Decimal,
    /// Share of the county's 到位资金.
    pub funds_share: Ratio,
    pub counted: bool,
}

/// Units ranked within their kind.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct UnitRankings {
    /// What the rank is by: `funds` or `projects`.
    #[serde(serialize_with = "rank_by", deserialize_with = "de_rank_by")]
    pub rank_by: RankBy,
    pub towns: Vec<UnitRow>,
    pub departments: Vec<UnitRow>,
    /// 全县 and 镇办, or a roll-up's 全市 and 县区, for the charts' words (not in the JSON;
    /// a record read back has a county's).
    #[serde(skip, default = "county_words")]
    pub words: crate::content::model::Words,
}

fn county_words() -> crate::content::model::Words {
    crate::content::model::Words::COUNTY
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct UnitRow {
    pub id: String,
    pub name: String,
    /// `镇办` or `部门`, as the clerk writes it in `units.yaml`.
    #[serde(serialize_with = "unit_kind", deserialize_with = "de_unit_kind")]
    pub kind: UnitKind,
    pub projects: UnitMetric,
    pub funds: UnitMetric,
    pub fdi: UnitMetric,
    /// 1 = best; tied units share a rank; `null` when the unit has no target to rank on.
    pub rank: Option<u32>,
    /// Rank last month minus rank now (positive = moved up); `null` in January or when unranked.
    pub rank_change: Option<i32>,
    /// `red`, `black` or `null`.
    pub list: Option<List>,
}

impl UnitRow {
    /// The figure the unit is ranked on (`rules.rank_by`) and its row of numbers.
    pub fn ranked(&self, by: RankBy) -> &UnitMetric {
        match by {
            RankBy::Funds => &self.funds,
            RankBy::Projects => &self.projects,
        }
    }
}

/// The unit `id`'s row in a snapshot's rankings, of either kind.
pub fn unit_row<'s>(s: &'s Snapshot, id: &str) -> Option<&'s UnitRow> {
    s.units.towns.iter().chain(&s.units.departments).find(|r| r.id == id)
}

/// The 红黑榜 a unit is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum List {
    Red,
    Black,
}

impl List {
    /// `red` or `black`, as in the JSON (and CSS classes).
    pub fn key(self) -> &'static str {
        match self {
            List::Red => "red",
            List::Black => "black",
        }
    }

    pub fn zh(self) -> &'static str {
        match self {
            List::Red => "红榜",
            List::Black => "黑榜",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct UnitMetric {
    #[serde(with = "rust_decimal::serde::arbitrary_precision_option")]
    pub target: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub value: Decimal,
    pub completion: Ratio,
    #[serde(with = "rust_decimal::serde::arbitrary_precision_option")]
    pub gap_points: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub last_year: Decimal,
    pub yoy: Ratio,
}

/// A county leader's 五个一 portfolio.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LeaderRow {
    pub id: String,
    pub name: String,
    pub title: Option<String>,
    /// Live projects in the leader's charge (signed by the as-of date, any year, not
    /// terminated), by id; every other field counts these projects only.
    pub projects: Vec<String>,
    /// Those projects by stage: signed, fulfilled, started, producing (adds up to `projects`).
    pub by_stage: Vec<StageCount>,
    /// Their counted 到位资金 of 1–m月.
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub funds: Decimal,
    /// Items of meetings held by the as-of date (any year) on those projects, past their
    /// deadline and not closed.
    pub overdue_items: u32,
    /// Their problems opened by the as-of date and not resolved by then.
    pub open_problems: u32,
}

/// 交办联评 meetings held this year up to the as-of date.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MeetingFigures {
    pub meetings: u32,
    pub items: u32,
    pub closed: u32,
    /// 办结率 = closed ÷ items.
    pub closed_rate: Ratio,
    pub overdue: u32,
}

/// Things to act on, as of the as-of date.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Alerts {
    /// Live projects with no milestone and no money for `stalled_months` whole months.
    pub stalled: Vec<ProjectAlert>,
    /// Live projects signed `not_started_months` or more whole months ago and not started.
    pub not_started: Vec<ProjectAlert>,
    /// Squads that made fewer trips this month than `trips_per_squad_month` (zero included);
    /// the same squads as `squads.missed`.
    pub squads_short_of_trips: Vec<String>,
    /// Items of meetings held by the as-of date (any year) past their deadline and not closed.
    pub overdue_items: Vec<OverdueItem>,
    /// Problems open longer than `problem_open_days`, on projects signed and not terminated
    /// (producing ones included).
    pub old_problems: Vec<ProblemAlert>,
    /// Live projects missing a 五个一 field.
    pub missing_five_one: Vec<FiveOneAlert>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ProjectAlert {
    pub project: String,
    pub name: String,
    #[serde(serialize_with = "date", deserialize_with = "de_date")]
    pub since: NaiveDate,
    pub months: i32,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OverdueItem {
    pub meeting: String,
    pub project: Option<String>,
    pub task: String,
    pub unit: String,
    #[serde(serialize_with = "date", deserialize_with = "de_date")]
    pub deadline: NaiveDate,
    pub days_overdue: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ProblemAlert {
    pub project: String,
    /// Position in the project's `problems` list, from 1.
    pub number: usize,
    /// The kind as the clerk writes it (`用地`).
    #[serde(serialize_with = "problem_kind", deserialize_with = "de_problem_kind")]
    pub kind: ProblemKind,
    pub text: String,
    #[serde(serialize_with = "date", deserialize_with = "de_date")]
    pub opened: NaiveDate,
    pub days: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FiveOneAlert {
    pub project: String,
    /// The missing fields: `leader`, `measures`, `unit`.
    pub missing: Vec<FiveOne>,
}

/// A 五个一 field of a project that can be missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FiveOne {
    Leader,
    Measures,
    Unit,
}

impl FiveOne {
    /// The field's name in a project file.
    pub fn key(self) -> &'static str {
        match self {
            FiveOne::Leader => "leader",
            FiveOne::Measures => "measures",
            FiveOne::Unit => "unit",
        }
    }

    pub fn zh(self) -> &'static str {
        match self {
            FiveOne::Leader => "包抓县级领导",
            FiveOne::Measures => "推进措施",
            FiveOne::Unit => "责任部门",
        }
    }
}

/// Month-by-month values for the charts, January..m.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Series {
    pub months: Vec<SeriesPoint>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SeriesPoint {
    pub month: Month,
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub projects: Decimal,
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub funds: Decimal,
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub fdi: Decimal,
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub projects_last_year: Decimal,
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub funds_last_year: Decimal,
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub fdi_last_year: Decimal,
    /// The straight target line: annual target × k ÷ 12.
    #[serde(with = "rust_decimal::serde::arbitrary_precision_option")]
    pub projects_target: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::arbitrary_precision_option")]
    pub funds_target: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::arbitrary_precision_option")]
    pub fdi_target: Option<Decimal>,
    /// Squads that met the trip rule in that month.
    pub squads_met: u32,
}

// The serde edge: typed values written in the published JSON's forms.

/// `2026-10-31`.
fn date<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(d)
}

fn opt_date<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.collect_str(d),
        None => s.serialize_none(),
    }
}

fn rank_by<S: Serializer>(r: &RankBy, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(match r {
        RankBy::Funds => "funds",
        RankBy::Projects => "projects",
    })
}

fn unit_kind<S: Serializer>(k: &UnitKind, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(k.zh())
}

fn problem_kind<S: Serializer>(k: &ProblemKind, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(k.zh())
}

// And back, for an issued bulletin's recorded snapshot (`crate::record`).

fn de_date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    let text = String::deserialize(d)?;
    crate::period::parse_date(&text).ok_or_else(|| serde::de::Error::custom(format!("not a date: {text}")))
}

fn de_opt_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(text) => {
            crate::period::parse_date(&text).map(Some).ok_or_else(|| serde::de::Error::custom(format!("not a date: {text}")))
        }
    }
}

fn de_rank_by<'de, D: Deserializer<'de>>(d: D) -> Result<RankBy, D::Error> {
    match String::deserialize(d)?.as_str() {
        "funds" => Ok(RankBy::Funds),
        "projects" => Ok(RankBy::Projects),
        other => Err(serde::de::Error::custom(format!("not a ranking: {other}"))),
    }
}

fn de_unit_kind<'de, D: Deserializer<'de>>(d: D) -> Result<UnitKind, D::Error> {
    let text = String::deserialize(d)?;
    [UnitKind::Town, UnitKind::Department]
        .into_iter()
        .find(|k| k.zh() == text)
        .ok_or_else(|| serde::de::Error::custom(format!("not a unit kind: {text}")))
}

fn de_problem_kind<'de, D: Deserializer<'de>>(d: D) -> Result<ProblemKind, D::Error> {
    let text = String::deserialize(d)?;
    ProblemKind::ALL
        .into_iter()
        .find(|k| k.zh() == text)
        .ok_or_else(|| serde::de::Error::custom(format!("not a problem kind: {text}")))
}
