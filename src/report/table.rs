//! The table model: what every output (page, print, workbook, CSV) needs to lay a table out,
//! and nothing about how. Values stay typed (a `Decimal` with its display rule, a date, a
//! link); each output turns them into its own form.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::figures::format as fmt;

/// How a number is shown. Values are exact; rounding happens in [`Num::display`] (pages) or in
/// the workbook's number format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Num {
    /// A whole count: `1,234`.
    Count,
    /// 万元 to 2 places: `12,345.60`.
    Money,
    /// A 万元 value shown in 亿元 to 2 places: `178.17`.
    Yi,
    /// An amount as typed, to at most 2 places (万美元, 平方米): `1,200.5`.
    Amount,
    /// A ratio as a percentage: `83.33%`.
    Percent,
    /// A ratio as a signed percentage (同比): `+10.23%`, `−5.10%`.
    SignedPercent,
    /// Percentage points with a sign (进度差): `+8.47`, `−3.12`.
    Points,
    /// Places moved (positive = up): `↑2`, `↓1`, `持平`.
    RankChange,
}

impl Num {
    /// The text a page shows (thousands separators, `−` for minus).
    pub fn display(self, v: Decimal) -> String {
        match self {
            Num::Count => fmt::count(v),
            Num::Money => fmt::wan(v),
            Num::Yi => fmt::yi(v),
            Num::Amount => fmt::amount(fmt::round(v, 2)),
            Num::Percent => fmt::percent(Some(v)),
            Num::SignedPercent => fmt::yoy_cell(Some(v)),
            Num::Points => fmt::points(Some(v)),
            Num::RankChange => match v.cmp(&Decimal::ZERO) {
                std::cmp::Ordering::Equal => "持平".to_string(),
                std::cmp::Ordering::Greater => format!("↑{}", fmt::count(v)),
                std::cmp::Ordering::Less => format!("↓{}", fmt::count(-v)),
            },
        }
    }

    /// The value a machine reads for the displayed text: rounded as displayed, without
    /// separators, with an ASCII minus, percentages with `%` (`-5.10%`), ranks moved as a signed
    /// whole number.
    pub fn plain(self, v: Decimal) -> String {
        let fixed = |v: Decimal, dp| fmt::fixed(fmt::round(v, dp), dp);
        match self {
            Num::Count | Num::RankChange => fmt::round(v, 0).to_string(),
            Num::Money => fixed(v, 2),
            Num::Yi => fixed(v / Decimal::from(10_000), 2),
            Num::Amount => fmt::round(v, 2).normalize().to_string(),
            Num::Percent | Num::SignedPercent => format!("{}%", fmt::fixed(fmt::percent_value(v), 2)),
            Num::Points => fixed(v, 2),
        }
    }
}

/// How a date column writes its dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateStyle {
    /// `2026-10-22`.
    Iso,
    /// `10月22日` for a date of the given year, `2027年1月15日` for any other.
    InYear(i32),
}

impl DateStyle {
    pub fn display(self, d: NaiveDate) -> String {
        match self {
            DateStyle::Iso => d.to_string(),
            DateStyle::InYear(y) if d.year() == y => fmt::month_day_zh(d),
            DateStyle::InYear(_) => fmt::date_zh(d),
        }
    }
}

/// What a column holds; it decides the alignment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// Names linking to their pages.
    Link,
    /// Short labels: 红榜, 已开工, 逾期.
    Tag,
    Number(Num),
    /// Numbers whose display rule differs by row (a row per indicator, each in its own unit).
    Numbers,
    Date(DateStyle),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

impl Kind {
    pub fn align(self) -> Align {
        match self {
            Kind::Text | Kind::Link => Align::Left,
            Kind::Tag | Kind::Date(_) => Align::Center,
            Kind::Number(_) | Kind::Numbers => Align::Right,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub header: String,
    /// 万元, 个…: said once above the table when every column shares it, else in the header.
    pub unit: Option<&'static str>,
    pub kind: Kind,
    /// Shown in the printed bulletin too (a few detail columns are left out to fit A4).
    pub printed: bool,
}

impl Column {
    pub fn new(header: impl Into<String>, kind: Kind) -> Column {
        Column { header: header.into(), unit: None, kind, printed: true }
    }
    pub fn text(header: impl Into<String>) -> Column {
        Column::new(header, Kind::Text)
    }
    pub fn link(header: impl Into<String>) -> Column {
        Column::new(header, Kind::Link)
    }
    pub fn tag(header: impl Into<String>) -> Column {
        Column::new(header, Kind::Tag)
    }
    pub fn num(header: impl Into<String>, num: Num) -> Column {
        Column::new(header, Kind::Number(num))
    }
    pub fn date(header: impl Into<String>, style: DateStyle) -> Column {
        Column::new(header, Kind::Date(style))
    }
    pub fn unit(mut self, unit: &'static str) -> Column {
        self.unit = Some(unit);
        self
    }
    /// Left out of the printed bulletin.
    pub fn screen_only(mut self) -> Column {
        self.printed = false;
        self
    }

    /// The header with its unit: `到位资金（万元）`.
    pub fn header_with_unit(&self) -> String {
        match self.unit {
            Some(u) => format!("{}（{u}）", self.header),
            None => self.header.clone(),
        }
    }
}

/// A link to a page of the site (relative to its root).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub text: String,
    pub href: String,
}

/// How a label stands out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// 红榜, 重点: outlined in red.
    Red,
    /// 黑榜, 未达标: outlined in ink.
    Black,
    /// 已投产, 已办结.
    Good,
    /// 逾期.
    Bad,
    /// 已终止: struck through.
    Struck,
    Plain,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Nothing to say (a blank in the workbook).
    Empty,
    /// No value (a zero denominator, no target): `—`.
    Dash,
    Text(String),
    Number(Decimal, Num),
    Date(NaiveDate),
    Link(Link),
    /// Several links in one cell (a trip's projects).
    Links(Vec<Link>),
    Tag(&'static str, Tone),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }
    pub fn num(v: impl Into<Decimal>, num: Num) -> Cell {
        Cell::Number(v.into(), num)
    }
    /// A number, or `—` without one.
    pub fn opt(v: Option<Decimal>, num: Num) -> Cell {
        v.map_or(Cell::Dash, |v| Cell::Number(v, num))
    }
    pub fn count(n: impl Into<Decimal>) -> Cell {
        Cell::Number(n.into(), Num::Count)
    }
    pub fn money(v: Decimal) -> Cell {
        Cell::Number(v, Num::Money)
    }
    pub fn link(text: impl Into<String>, href: String) -> Cell {
        Cell::Link(Link { text: text.into(), href })
    }
    /// `是` or nothing.
    pub fn yes(b: bool) -> Cell {
        if b { Cell::text("是") } else { Cell::Empty }
    }

    /// The text a page shows for this cell in a column of `kind`.
    pub fn display(&self, kind: Kind) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Dash => "—".to_string(),
            Cell::Text(t) => t.clone(),
            Cell::Number(v, num) => num.display(*v),
            Cell::Date(d) => match kind {
                Kind::Date(style) => style.display(*d),
                _ => d.to_string(),
            },
            Cell::Link(l) => l.text.clone(),
            Cell::Links(ls) => ls.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join("、"),
            Cell::Tag(t, _) => t.to_string(),
        }
    }
}

/// How a row stands out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Mark {
    #[default]
    None,
    /// On the 红榜.
    Red,
    /// Needs attention (a squad short of trips).
    Alert,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub cells: Vec<Cell>,
    pub mark: Mark,
}

impl From<Vec<Cell>> for Row {
    fn from(cells: Vec<Cell>) -> Row {
        Row { cells, mark: Mark::None }
    }
}

/// One table of the site.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// Stable ASCII name: its CSV file's name (`towns.csv`) and its key in a page's context.
    pub slug: &'static str,
    /// `表1`, `附件2` in the bulletin (numbered in their order there); `None` elsewhere.
    pub number: Option<String>,
    pub caption: String,
    /// A short name for the workbook's sheet tab.
    pub sheet: &'static str,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// Printed under the table: how a column is computed, what a mark means.
    pub notes: Vec<String>,
    /// The column whose cells name their row (a unit, a project), 0 unless a rank comes first.
    pub row_header: usize,
    /// Where the table's CSV is, relative to the site root; `None` when it has none.
    pub csv: Option<String>,
    /// Readers may sort it by any column (lists, not rankings or fixed indicators).
    pub sortable: bool,
    /// Said in place of rows when there are none.
    pub empty: &'static str,
}

impl Table {
    pub fn new(slug: &'static str, sheet: &'static str, caption: impl Into<String>, columns: Vec<Column>) -> Table {
        Table {
            slug,
            number: None,
            caption: caption.into(),
            sheet,
            columns,
            rows: Vec::new(),
            notes: Vec::new(),
            row_header: 0,
            csv: None,
            sortable: false,
            empty: "暂无数据",
        }
    }

    pub fn rows(mut self, rows: impl IntoIterator<Item = impl Into<Row>>) -> Table {
        self.rows = rows.into_iter().map(Into::into).collect();
        self
    }

    pub fn note(mut self, note: impl Into<String>) -> Table {
        self.notes.push(note.into());
        self
    }

    pub fn csv(mut self, path: String) -> Table {
        self.csv = Some(path);
        self
    }

    /// The caption with its number: `表6 镇（街道）完成情况`.
    pub fn title(&self) -> String {
        match &self.number {
            Some(n) => format!("{n} {}", self.caption),
            None => self.caption.clone(),
        }
    }

    /// The unit said once above the table (`单位：万元`) when every column of quantities has
    /// the same one; the headers then leave it out. `None` when they differ or a column's
    /// rows each have their own (each header, or row, says its own).
    pub fn shared_unit(&self) -> Option<&'static str> {
        let quantity = |c: &&Column| match c.kind {
            Kind::Numbers => true,
            Kind::Number(n) => !matches!(n, Num::Percent | Num::SignedPercent | Num::RankChange),
            _ => false,
        };
        let mut units = self.columns.iter().filter(quantity).map(|c| c.unit);
        let first = units.next()??;
        units.all(|u| u == Some(first)).then_some(first)
    }

    /// The cell of the row whose row-header cell reads `row` in the column headed `column`
    /// (tests and checks read a figure by its labels, not its position).
    pub fn cell(&self, row: &str, column: &str) -> Option<&Cell> {
        let col = self.columns.iter().position(|c| c.header == column || c.header_with_unit() == column)?;
        let r = self.rows.iter().find(|r| r.cells.get(self.row_header).is_some_and(|c| c.display(Kind::Text) == row))?;
        r.cells.get(col)
    }

    /// [`Table::cell`] as the page shows it.
    pub fn shown(&self, row: &str, column: &str) -> Option<String> {
        let col = self.columns.iter().position(|c| c.header == column || c.header_with_unit() == column)?;
        self.cell(row, column).map(|c| c.display(self.columns[col].kind))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn numbers_display_for_people_and_plainly_for_machines() {
        // 1 781 741.9 万元 = 178.17419 亿元 → 178.17.
        assert_eq!(Num::Yi.display(d("1781741.9")), "178.17");
        assert_eq!(Num::Yi.plain(d("1781741.9")), "178.17");
        assert_eq!(Num::Money.display(d("1781741.9")), "1,781,741.90");
        assert_eq!(Num::Money.plain(d("1781741.9")), "1781741.90");
        // −0.051 → −5.10%; a page writes the true minus sign, a CSV the ASCII one.
        assert_eq!(Num::SignedPercent.display(d("-0.051")), "−5.10%");
        assert_eq!(Num::SignedPercent.plain(d("-0.051")), "-5.10%");
        assert_eq!(Num::Percent.display(d("0.83335")), "83.34%");
        assert_eq!(Num::Points.plain(d("-3.43")), "-3.43");
        assert_eq!(Num::RankChange.display(d("2")), "↑2");
        assert_eq!(Num::RankChange.display(d("-1")), "↓1");
        assert_eq!(Num::RankChange.display(d("0")), "持平");
        assert_eq!(Num::RankChange.plain(d("-1")), "-1");
        assert_eq!(Num::Amount.display(d("1200.50")), "1,200.5");
    }

    #[test]
    fn dates_of_the_report_year_are_short() {
        let date = NaiveDate::from_ymd_opt(2026, 10, 22).unwrap();
        assert_eq!(DateStyle::InYear(2026).display(date), "10月22日");
        assert_eq!(DateStyle::InYear(2025).display(date), "2026年10月22日");
        assert_eq!(DateStyle::Iso.display(date), "2026-10-22");
    }

    #[test]
    fn a_unit_shared_by_every_column_is_said_once() {
        let money = |h| Column::num(h, Num::Money).unit("万元");
        let t = Table::new("x", "x", "x", vec![Column::text("项目"), money("本月"), money("累计")]);
        assert_eq!(t.shared_unit(), Some("万元"));
        let t = Table::new("x", "x", "x", vec![Column::num("项目", Num::Count).unit("个"), money("累计")]);
        assert_eq!(t.shared_unit(), None);
        // A percentage has no unit to share; a row-by-row column means each row says its own.
        let t = Table::new("x", "x", "x", vec![money("累计"), Column::num("占比", Num::Percent)]);
        assert_eq!(t.shared_unit(), Some("万元"));
        let points = Column::num("进度差", Num::Points).unit("个百分点");
        let t = Table::new("x", "x", "x", vec![Column::new("累计", Kind::Numbers), points]);
        assert_eq!(t.shared_unit(), None);
    }
}
