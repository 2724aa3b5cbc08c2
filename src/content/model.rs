//! The validated content: what every later stage reads.
//!
//! References between files are resolved to typed indices ([`UnitIx`], [`ProjectIx`]…), so
//! nothing downstream can meet a dangling id. Money is `Decimal` in 万元 (外资 in 万美元),
//! exactly as typed.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::problems;
use crate::diagnostics::Diagnostic;
use crate::period::Month;
use crate::source::{FileId, Origin};

macro_rules! index_type {
    ($($name:ident),*) => {$(
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub u32);
        impl $name {
            pub fn get(self) -> usize { self.0 as usize }
        }
    )*};
}
index_type!(UnitIx, LeaderIx, ChainIx, SquadIx, ProjectIx);

#[derive(Debug)]
pub struct Content {
    pub site: Site,
    pub units: Vec<Unit>,
    pub leaders: Vec<Leader>,
    pub chains: Vec<Chain>,
    /// Name of the industrial cluster the chains form (“3+N”产业集群).
    pub cluster: Option<String>,
    pub squads: Vec<Squad>,
    /// Sorted by id.
    pub projects: Vec<Project>,
    pub parks: Vec<Park>,
    /// By year.
    pub targets: BTreeMap<i32, YearTargets>,
    /// Sorted by date.
    pub meetings: Vec<Meeting>,
    /// Sorted by period.
    pub briefings: Vec<Briefing>,
    pub pages: Vec<Page>,
    /// Pictures and attachments under `pages/`, copied to the site as they are.
    pub assets: Vec<Asset>,
    /// The records of issued bulletins (`issued/<YYYY-MM>.json`), as written; read by
    /// `crate::record`. Sorted by month.
    pub issued: Vec<IssuedFile>,
    /// Notes explaining corrections of issued bulletins, by date.
    pub corrections: Vec<CorrectionNote>,
    /// A roll-up's members, in the order of its `members.yaml`, each standing as one unit in
    /// `units` (same index); empty for a county.
    pub members: Vec<crate::rollup::MemberInfo>,
    /// Which projects have money in which month, made on first use from `projects` (which
    /// is not changed once the content is loaded).
    pub fund_months: FundMonths,
}

/// For each month, the projects with a fund entry in it (indexes into [`Content::projects`],
/// ascending): the bulletin's lists of money by project look at these instead of every
/// project of a ten-year ledger, most of which have no money that month.
#[derive(Debug, Default)]
pub struct FundMonths(std::sync::OnceLock<BTreeMap<Month, Vec<u32>>>);

impl Content {
    /// The projects with a fund entry in the months `from..=to`, in ledger order.
    pub fn projects_with_funds(&self, from: Month, to: Month) -> impl Iterator<Item = &Project> {
        let index = self.fund_index();
        let mut ixs: Vec<u32> = index.range(from..=to).flat_map(|(_, list)| list.iter().copied()).collect();
        if from != to {
            ixs.sort_unstable();
            ixs.dedup();
        }
        ixs.into_iter().map(|i| &self.projects[i as usize])
    }

    /// For each project (by index), whether it has a fund entry in the months `from..=to`.
    pub fn has_funds(&self, from: Month, to: Month) -> Vec<bool> {
        let mut has = vec![false; self.projects.len()];
        for (_, list) in self.fund_index().range(from..=to) {
            for &i in list {
                has[i as usize] = true;
            }
        }
        has
    }

    fn fund_index(&self) -> &BTreeMap<Month, Vec<u32>> {
        self.fund_months.0.get_or_init(|| {
            let mut index: BTreeMap<Month, Vec<u32>> = BTreeMap::new();
            for (i, p) in self.projects.iter().enumerate() {
                for f in &p.funds {
                    let list = index.entry(f.month).or_default();
                    if list.last() != Some(&(i as u32)) {
                        list.push(i as u32);
                    }
                }
            }
            index
        })
    }

    pub fn unit(&self, ix: UnitIx) -> &Unit {
        &self.units[ix.get()]
    }
    pub fn leader(&self, ix: LeaderIx) -> &Leader {
        &self.leaders[ix.get()]
    }
    pub fn chain(&self, ix: ChainIx) -> &Chain {
        &self.chains[ix.get()]
    }
    pub fn squad(&self, ix: SquadIx) -> &Squad {
        &self.squads[ix.get()]
    }
    pub fn project(&self, ix: ProjectIx) -> &Project {
        &self.projects[ix.get()]
    }

    /// The project with this id (projects are sorted by id).
    pub fn project_by_id(&self, id: &str) -> Option<&Project> {
        self.projects.binary_search_by(|p| p.id.as_str().cmp(id)).ok().map(|i| &self.projects[i])
    }

    /// The month of the latest briefing: what `build` and `check` report up to by default.
    pub fn latest_period(&self) -> Option<Month> {
        self.briefings.last().map(|b| b.period)
    }

    /// Whether `month` can be reported on: its year must have `targets/<year>.yaml`. Every
    /// briefing's year has one (validation requires it), so the default month always can; a
    /// `--month` in any other year, before the data (1900-01) or after it (2027-01 with no
    /// 2027 targets, 2999-12), has nothing to measure against and is refused, naming the file.
    pub fn check_report_month(&self, month: Month) -> Result<(), Box<Diagnostic>> {
        if self.targets.contains_key(&month.year()) {
            return Ok(());
        }
        let years: Vec<i32> = self.targets.keys().copied().collect();
        match self.first_month() {
            Some(first) if month < first => Err(Box::new(problems::month_before_data(month, first, &years))),
            _ => Err(Box::new(problems::month_without_targets(month, &years))),
        }
    }

    /// The month of the earliest record: a signing, a trip, a meeting or a briefing.
    fn first_month(&self) -> Option<Month> {
        let signed = self.projects.iter().map(|p| p.milestones.signed);
        let trips = self.squads.iter().flat_map(|q| q.trips.iter().map(|t| t.start));
        let meetings = self.meetings.iter().map(|m| m.date);
        let dated = signed.chain(trips).chain(meetings).map(Month::of);
        dated.chain(self.briefings.iter().map(|b| b.period)).min()
    }
}

#[derive(Debug, Clone)]
pub struct Site {
    pub title: String,
    pub county: Option<String>,
    pub issuer: String,
    /// The language of the messages of `check` and `import` (the site itself is always
    /// Chinese).
    pub locale: Locale,
    pub sample: bool,
    pub rules: Rules,
    /// What a change to an issued bulletin's figures needs (`corrections:`).
    pub corrections: CorrectionPolicy,
    /// Where the site is published (`base_url:`, ending in `/`): with it, the build writes a
    /// feed of the bulletins and a sitemap, which need full addresses.
    pub base_url: Option<String>,
    /// How bulletins print and which files `build` makes of them (`print:`).
    pub print: PrintSettings,
    /// `rollup: 市` or `省`: the folder rolls up its members' ledgers (`members.yaml`) under
    /// its own rules; see `crate::rollup`.
    pub rollup: Option<RollupLevel>,
}

/// The words a page uses for the whole and for the ranked units: a county's 全县 and 镇办/部门,
/// a city's 全市 and 县（市、区）, a province's 全省 and 市.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct Words {
    /// 全县, 全市, 全省.
    pub whole: &'static str,
    /// What the first ranking holds: 镇（街道）, 县（市、区）, 市.
    pub towns: &'static str,
    /// Its short name in a table's or chart's title: 镇办, 县区, 各市.
    pub towns_short: &'static str,
    /// What a ranked unit is called: 单位, 县（区）, 市.
    pub unit: &'static str,
    /// The ranking page in the navigation: 单位排名, 县区排名, 各市排名.
    pub ranking: &'static str,
    /// A roll-up's words: it has no squads, factories or meetings of its own.
    pub rollup: bool,
}

impl Words {
    pub const COUNTY: Words =
        Words {
            whole: "全县", towns: "镇（街道）", towns_short: "镇办", unit: "单位", ranking: "单位排名", rollup: false
        };
    pub const CITY: Words =
        Words {
            whole: "全市", towns: "县（市、区）", towns_short: "县区", unit: "县（区）", ranking: "县区排名", rollup: true
        };
    pub const PROVINCE: Words =
        Words { whole: "全省", towns: "市", towns_short: "各市", unit: "市", ranking: "各市排名", rollup: true };
}

impl Site {
    pub fn words(&self) -> Words {
        match self.rollup {
            None => Words::COUNTY,
            Some(RollupLevel::City) => Words::CITY,
            Some(RollupLevel::Province) => Words::PROVINCE,
        }
    }
}

/// The level a roll-up reports at, which sets the default for which money counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RollupLevel {
    City,
    Province,
}

impl RollupLevel {
    /// A city counts money from outside the province and from elsewhere in the province, not
    /// from its own counties (市内县外); a province counts only money from outside it.
    pub fn default_rules(self) -> Rules {
        let funds_origins = match self {
            RollupLevel::City => vec![FundOrigin::OutOfProvince, FundOrigin::InProvince],
            RollupLevel::Province => vec![FundOrigin::OutOfProvince],
        };
        Rules { funds_origins, ..Rules::default() }
    }

    /// What the members are called: 县（市、区） of a city, 市 of a province.
    pub fn members(self) -> &'static str {
        match self {
            RollupLevel::City => "县（市、区）",
            RollupLevel::Province => "市",
        }
    }

    /// 全市 or 全省.
    pub fn whole(self) -> &'static str {
        match self {
            RollupLevel::City => "全市",
            RollupLevel::Province => "全省",
        }
    }
}

/// `print:` in site.yaml.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PrintSettings {
    /// `annexes: true`: the printed bulletin (and its PDF and Word file) ends with the detailed
    /// lists as numbered 附件; by default they are left out (the page's print option adds them).
    pub annexes: bool,
    /// `pdf: true`: `build` writes each bulletin as `bulletins/YYYY-MM.pdf` too.
    pub pdf: bool,
    /// `browser: PATH`: the Chromium or Chrome that makes the PDFs (default: found on PATH).
    pub browser: Option<String>,
}

/// `corrections: warn` (default): `check` warns about an issued bulletin whose figures have
/// changed; `require_note`: it is an error until a `corrections/` note explains it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CorrectionPolicy {
    #[default]
    Warn,
    RequireNote,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    #[default]
    ZhCn,
    En,
}

impl Locale {
    /// The language messages are printed in.
    pub fn lang(self) -> crate::diagnostics::Lang {
        match self {
            Locale::ZhCn => crate::diagnostics::Lang::Zh,
            Locale::En => crate::diagnostics::Lang::En,
        }
    }
}

/// The counting rules (统计口径), each with the default the docs promise.
#[derive(Debug, Clone, PartialEq)]
pub struct Rules {
    pub count_sign_types: Vec<SignType>,
    pub min_contract_amount: Decimal,
    pub count_terminated: bool,
    pub fulfilled_when: Vec<Fulfilment>,
    pub production_rate_base: RateBase,
    pub rates_include_continuing: bool,
    pub funds_origins: Vec<FundOrigin>,
    pub rank_by: RankBy,
    pub red_list_top: u32,
    pub black_list_bottom: u32,
    pub not_started_months: u32,
    pub stalled_months: u32,
    pub problem_open_days: u32,
}

impl Default for Rules {
    fn default() -> Rules {
        Rules {
            count_sign_types: vec![SignType::Contract],
            min_contract_amount: Decimal::ZERO,
            count_terminated: false,
            fulfilled_when: vec![Fulfilment::Registered, Fulfilment::FirstFunds, Fulfilment::Started],
            production_rate_base: RateBase::Signed,
            rates_include_continuing: false,
            funds_origins: vec![FundOrigin::OutOfProvince, FundOrigin::InProvince, FundOrigin::InCity],
            rank_by: RankBy::Funds,
            red_list_top: 5,
            black_list_bottom: 4,
            not_started_months: 6,
            stalled_months: 3,
            problem_open_days: 30,
        }
    }
}

/// Which milestone makes a signed project count as 履约.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fulfilment {
    Registered,
    FirstFunds,
    Started,
}

/// Denominator of 投产率: all signed projects, or those started (the 统计辞典 variant).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RateBase {
    Signed,
    Started,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RankBy {
    Funds,
    Projects,
}

#[derive(Debug, Clone)]
pub struct Unit {
    pub id: String,
    pub name: String,
    pub kind: UnitKind,
    pub head: Option<String>,
    pub origin: Origin,
}

/// Units are ranked within their kind: 镇办 and 部门 separately.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum UnitKind {
    Town,
    Department,
}

impl UnitKind {
    pub fn zh(self) -> &'static str {
        match self {
            UnitKind::Town => "镇办",
            UnitKind::Department => "部门",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Leader {
    pub id: String,
    pub name: String,
    pub title: Option<String>,
    pub origin: Origin,
}

#[derive(Debug, Clone)]
pub struct Chain {
    pub id: String,
    pub name: String,
    /// One of the four key chains (新农业、新材料、大旅游、大健康).
    pub key: bool,
    pub origin: Origin,
}

#[derive(Debug, Clone)]
pub struct Squad {
    pub id: String,
    pub name: String,
    pub captain: Option<String>,
    pub unit: UnitIx,
    /// When the squad was formed: it is held to the monthly trip rule from that month on.
    pub formed: Option<NaiveDate>,
    pub members: Vec<Member>,
    pub chains: Vec<ChainIx>,
    pub regions: Vec<String>,
    /// Sorted by start date.
    pub trips: Vec<Trip>,
    pub origin: Origin,
}

#[derive(Debug, Clone)]
pub struct Member {
    pub name: String,
    pub grade: Option<Grade>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grade {
    SectionLevel,
    Young,
}

impl Grade {
    pub fn zh(self) -> &'static str {
        match self {
            Grade::SectionLevel => "科级",
            Grade::Young => "年轻干部",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Trip {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub destination: String,
    pub people: u32,
    pub companies: Vec<String>,
    pub leads: u32,
    pub projects: Vec<ProjectIx>,
    pub leader_trip: bool,
    pub reported: Option<NaiveDate>,
    pub summary: Option<String>,
}

impl Trip {
    /// Days away, counting both the day of departure and the day of return.
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }
}

#[derive(Debug, Clone)]
pub struct Project {
    pub id: String,
    pub name: String,
    pub investor: String,
    pub from: Place,
    pub tags: Vec<String>,
    pub chain: ChainIx,
    pub content: Option<String>,
    pub method: Option<Method>,
    pub platform: Option<String>,
    pub build_type: BuildType,
    pub sign_type: SignType,
    pub total_investment: Decimal,
    pub contract_amount: Decimal,
    pub contract_fdi: Decimal,
    pub town: Option<UnitIx>,
    pub park: Option<String>,
    /// 五个一: the county leader in charge.
    pub leader: Option<LeaderIx>,
    /// 五个一: the set of measures.
    pub measures: Option<String>,
    /// 五个一: the responsible department.
    pub unit: Option<UnitIx>,
    pub introduced_by_squad: Option<SquadIx>,
    pub introduced_by_unit: Option<UnitIx>,
    /// The unit credited in rankings: the introducing unit, else the squad's unit, else the
    /// responsible unit.
    pub credit_unit: Option<UnitIx>,
    pub milestones: Milestones,
    pub terminated_reason: Option<String>,
    /// Sorted by month.
    pub funds: Vec<FundEntry>,
    /// Sorted by month.
    pub fdi: Vec<FdiEntry>,
    pub problems: Vec<ProblemEntry>,
    pub note: Option<String>,
    pub origin: Origin,
}

impl Project {
    /// Its fund entries of the months `from..=to`, found by bisection (the list is sorted by
    /// month): the figures of each month look at every project, most of which have no money
    /// in that year.
    pub fn funds_between(&self, from: Month, to: Month) -> &[FundEntry] {
        let start = self.funds.partition_point(|f| f.month < from);
        let end = self.funds.partition_point(|f| f.month <= to).max(start);
        &self.funds[start..end]
    }

    /// Its FDI entries of the months `from..=to` (see [`Project::funds_between`]).
    pub fn fdi_between(&self, from: Month, to: Month) -> &[FdiEntry] {
        let start = self.fdi.partition_point(|f| f.month < from);
        let end = self.fdi.partition_point(|f| f.month <= to).max(start);
        &self.fdi[start..end]
    }

    /// The day it counts as a 合同 project: its signing, or for a 协议 its conversion.
    pub fn contract_date(&self) -> Option<NaiveDate> {
        match self.sign_type {
            SignType::Contract => Some(self.milestones.signed),
            SignType::Agreement => self.milestones.contracted,
        }
    }

    /// The date of the first money: the `first_funds` milestone, or else the first day of the
    /// first month with funds.
    pub fn first_funds_date(&self) -> Option<NaiveDate> {
        self.milestones.first_funds.or_else(|| self.funds.first().map(|f| f.month.first_day()))
    }
}

/// Where the investor comes from.
#[derive(Debug, Clone, Default)]
pub struct Place {
    pub province: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
}

impl Place {
    /// `境外·新加坡`, `浙江省杭州市`, `陕西省`; `None` when nothing is filled in.
    pub fn text(&self) -> Option<String> {
        match (&self.country, &self.province, &self.city) {
            (Some(country), _, _) => Some(format!("境外·{country}")),
            (None, Some(province), city) => Some(format!("{province}{}", city.as_deref().unwrap_or(""))),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Milestones {
    pub signed: NaiveDate,
    pub contracted: Option<NaiveDate>,
    pub registered: Option<NaiveDate>,
    pub first_funds: Option<NaiveDate>,
    pub started: Option<NaiveDate>,
    pub production: Option<NaiveDate>,
    pub terminated: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SignType {
    Contract,
    Agreement,
}

impl SignType {
    pub fn zh(self) -> &'static str {
        match self {
            SignType::Contract => "合同",
            SignType::Agreement => "协议",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BuildType {
    New,
    Continuing,
}

impl BuildType {
    pub fn zh(self) -> &'static str {
        match self {
            BuildType::New => "新建",
            BuildType::Continuing => "续建",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Method {
    Kinship,
    ByBusiness,
    Agency,
    Online,
    DoorKnocking,
    Expo,
    Other,
}

impl Method {
    pub const ALL: [Method; 7] =
        [Method::Kinship, Method::ByBusiness, Method::Agency, Method::Online, Method::DoorKnocking, Method::Expo, Method::Other];

    pub fn zh(self) -> &'static str {
        match self {
            Method::Kinship => "亲情招商",
            Method::ByBusiness => "以商招商",
            Method::Agency => "代理招商",
            Method::Online => "云招商",
            Method::DoorKnocking => "叩门招商",
            Method::Expo => "节会招商",
            Method::Other => "其他",
        }
    }
}

/// Where money comes from, relative to the county.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FundOrigin {
    OutOfProvince,
    InProvince,
    InCity,
    InCounty,
}

impl FundOrigin {
    pub const ALL: [FundOrigin; 4] =
        [FundOrigin::OutOfProvince, FundOrigin::InProvince, FundOrigin::InCity, FundOrigin::InCounty];

    pub fn zh(self) -> &'static str {
        match self {
            FundOrigin::OutOfProvince => "省外",
            FundOrigin::InProvince => "省内市外",
            FundOrigin::InCity => "市内县外",
            FundOrigin::InCounty => "县内",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FundUse {
    FixedAssets,
    WorkingCapital,
}

impl FundUse {
    pub fn zh(self) -> &'static str {
        match self {
            FundUse::FixedAssets => "固定资产",
            FundUse::WorkingCapital => "流动资金",
        }
    }
}

#[derive(Debug, Clone)]
pub struct FundEntry {
    pub month: Month,
    pub amount: Decimal,
    pub origin: FundOrigin,
    pub use_: FundUse,
}

#[derive(Debug, Clone)]
pub struct FdiEntry {
    pub month: Month,
    pub amount: Decimal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ProblemKind {
    Land,
    Permits,
    Money,
    Other,
}

impl ProblemKind {
    pub const ALL: [ProblemKind; 4] = [ProblemKind::Land, ProblemKind::Permits, ProblemKind::Money, ProblemKind::Other];

    pub fn zh(self) -> &'static str {
        match self {
            ProblemKind::Land => "用地",
            ProblemKind::Permits => "手续",
            ProblemKind::Money => "资金",
            ProblemKind::Other => "其他",
        }
    }
}

#[derive(Debug, Clone)]
pub struct ProblemEntry {
    pub kind: ProblemKind,
    pub text: String,
    pub opened: NaiveDate,
    pub resolved: Option<NaiveDate>,
    pub origin: Origin,
}

#[derive(Debug, Clone)]
pub struct Park {
    pub name: String,
    pub buildings: Vec<Building>,
}

#[derive(Debug, Clone)]
pub struct Building {
    pub id: String,
    pub name: String,
    /// m².
    pub area: Decimal,
    pub completed: NaiveDate,
    pub project: Option<ProjectIx>,
    pub moved_in: Option<NaiveDate>,
    pub origin: Origin,
}

#[derive(Debug, Clone)]
pub struct YearTargets {
    pub year: i32,
    pub projects: u32,
    pub funds: Decimal,
    pub fdi: Decimal,
    pub factory_occupancy: Option<Decimal>,
    pub trips_per_squad_month: u32,
    pub rates: RateTargets,
    /// By unit; a unit without a share has no target and is not ranked on it.
    pub units: BTreeMap<UnitIx, UnitTargets>,
    pub origin: Origin,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct RateTargets {
    pub fulfilment: Option<Decimal>,
    pub funds: Option<Decimal>,
    pub start: Option<Decimal>,
    pub production: Option<Decimal>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct UnitTargets {
    pub projects: Option<u32>,
    pub funds: Option<Decimal>,
    pub fdi: Option<Decimal>,
}

#[derive(Debug, Clone)]
pub struct Meeting {
    /// The file stem, e.g. `2026-03-20` or `2026-03-20-2`.
    pub id: String,
    pub date: NaiveDate,
    pub title: Option<String>,
    pub chair: Option<LeaderIx>,
    pub items: Vec<MeetingItem>,
    pub origin: Origin,
}

#[derive(Debug, Clone)]
pub struct MeetingItem {
    pub project: Option<ProjectIx>,
    pub task: String,
    pub unit: UnitIx,
    pub deadline: NaiveDate,
    pub closed: Option<NaiveDate>,
}

#[derive(Debug, Clone)]
pub struct Briefing {
    pub period: Month,
    pub issue: u32,
    pub title: String,
    pub issued: Option<NaiveDate>,
    pub report_to: Vec<String>,
    pub send_to: Vec<String>,
    pub distribute_to: Vec<String>,
    pub copies: Option<u32>,
    /// Markdown, after the front matter.
    pub body: String,
    /// Byte offset of the body in its file, for pointing at a line of it.
    pub body_offset: u32,
    pub origin: Origin,
}

/// `issued/<YYYY-MM>.json` as read: the record is parsed (and its problems reported) by
/// `crate::record`, which owns its form.
#[derive(Debug, Clone)]
pub struct IssuedFile {
    pub month: Month,
    pub file: FileId,
    pub text: String,
}

/// `corrections/<YYYY-MM-DD>.yaml`: why an issued bulletin's figures changed, shown in its
/// 更正说明.
#[derive(Debug, Clone)]
pub struct CorrectionNote {
    /// The file stem (`2026-11-20`, `2026-11-20-2`).
    pub id: String,
    /// The date of the note (from the file name).
    pub date: NaiveDate,
    /// The issued bulletin it corrects.
    pub month: Month,
    /// What was wrong and why it changed.
    pub reason: String,
    /// Who approved the correction (审核人).
    pub approved_by: Option<String>,
    pub origin: Origin,
}

/// A file under `pages/` published as it is (a photo a briefing shows, a PDF a page links to).
#[derive(Debug, Clone)]
pub struct Asset {
    /// Relative to the content folder, which is also its path in the site (`pages/img/a.png`).
    pub path: String,
    pub bytes: Vec<u8>,
}

#[derive(Debug, Clone)]
pub struct Page {
    /// The path under `pages/` without `.md`: `about` for `pages/about.md`, `guide/howto`
    /// for `pages/guide/howto.md`; the page is `pages/<id>.html`.
    pub id: String,
    pub title: String,
    pub order: i64,
    pub body: String,
    pub body_offset: u32,
    pub origin: Origin,
}
