//! A table as an issued bulletin showed it: every cell's text as printed, kept with its value,
//! so the issued page shows the same characters whatever later happens to the data or to the
//! way numbers are written, and the workbook still gets real numbers.
//!
//! A record is content (it is committed with the data), so nothing in it is trusted: texts are
//! escaped where they are shown, and a link is kept only if [`crate::content::links`] allows it.

use std::collections::HashSet;
use std::sync::Mutex;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::report::table::{Cell, Column, DateStyle, Kind, Link, Mark, Num, Row, Table, Tone};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrozenTable {
    pub slug: String,
    pub number: Option<String>,
    pub caption: String,
    pub sheet: String,
    pub columns: Vec<FrozenColumn>,
    pub rows: Vec<FrozenRow>,
    pub notes: Vec<String>,
    pub row_header: usize,
    pub csv: Option<String>,
    pub sortable: bool,
    pub empty: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrozenColumn {
    pub header: String,
    pub unit: Option<String>,
    /// `text`, `link`, `tag`, `numbers`, `date`, or `number:<rule>` (`number:money`).
    pub kind: String,
    pub printed: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrozenRow {
    /// `red`, `alert` or empty.
    pub mark: String,
    pub cells: Vec<FrozenCell>,
}

/// A cell: the text shown, and what it was (so a workbook writes a number as a number).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "t", rename_all = "lowercase")]
pub enum FrozenCell {
    Empty,
    Dash,
    Text { s: String },
    Number { s: String, v: Decimal, n: String },
    Date { s: String, d: String },
    Link { s: String, h: String },
    Links { l: Vec<(String, String)> },
    Tag { s: String, tone: String },
}

impl FrozenCell {
    /// The text an issued page shows.
    pub fn text(&self) -> String {
        match self {
            FrozenCell::Empty => String::new(),
            FrozenCell::Dash => "—".to_string(),
            FrozenCell::Text { s } | FrozenCell::Number { s, .. } | FrozenCell::Date { s, .. } => s.clone(),
            FrozenCell::Link { s, .. } | FrozenCell::Tag { s, .. } => s.clone(),
            FrozenCell::Links { l } => l.iter().map(|(s, _)| s.as_str()).collect::<Vec<_>>().join("、"),
        }
    }
}

const NUMS: &[(Num, &str)] = &[
    (Num::Count, "count"),
    (Num::Money, "money"),
    (Num::Yi, "yi"),
    (Num::Amount, "amount"),
    (Num::Percent, "percent"),
    (Num::SignedPercent, "signed_percent"),
    (Num::Points, "points"),
    (Num::RankChange, "rank_change"),
];

const TONES: &[(Tone, &str)] = &[
    (Tone::Red, "red"),
    (Tone::Black, "black"),
    (Tone::Good, "good"),
    (Tone::Bad, "bad"),
    (Tone::Struck, "struck"),
    (Tone::Plain, "plain"),
];

fn num_name(n: Num) -> &'static str {
    NUMS.iter().find(|(x, _)| *x == n).map_or("count", |(_, s)| s)
}

fn num_of(name: &str) -> Option<Num> {
    NUMS.iter().find(|(_, s)| *s == name).map(|(n, _)| *n)
}

fn kind_name(k: Kind) -> String {
    match k {
        Kind::Text => "text".into(),
        Kind::Link => "link".into(),
        Kind::Tag => "tag".into(),
        Kind::Numbers => "numbers".into(),
        Kind::Date(_) => "date".into(),
        Kind::Number(n) => format!("number:{}", num_name(n)),
    }
}

/// The kind a recorded column name stands for (a date column is written as ISO dates here:
/// its cells carry their issued text anyway).
pub fn kind_of(name: &str) -> Kind {
    match name {
        "link" => Kind::Link,
        "tag" => Kind::Tag,
        "numbers" => Kind::Numbers,
        "date" => Kind::Date(DateStyle::Iso),
        other => other.strip_prefix("number:").and_then(num_of).map_or(Kind::Text, Kind::Number),
    }
}

pub fn tone_of(name: &str) -> Tone {
    TONES.iter().find(|(_, s)| *s == name).map_or(Tone::Plain, |(t, _)| *t)
}

impl FrozenTable {
    /// `t` as the page shows it now.
    pub fn of(t: &Table) -> FrozenTable {
        FrozenTable {
            slug: t.slug.to_string(),
            number: t.number.clone(),
            caption: t.caption.clone(),
            sheet: t.sheet.to_string(),
            columns: t
                .columns
                .iter()
                .map(|c| FrozenColumn {
                    header: c.header.clone(),
                    unit: c.unit.map(str::to_string),
                    kind: kind_name(c.kind),
                    printed: c.printed,
                })
                .collect(),
            rows: t
                .rows
                .iter()
                .map(|r| FrozenRow {
                    mark: match r.mark {
                        Mark::None => String::new(),
                        Mark::Red => "red".into(),
                        Mark::Alert => "alert".into(),
                    },
                    cells: r.cells.iter().zip(&t.columns).map(|(c, col)| freeze(c, col.kind)).collect(),
                })
                .collect(),
            notes: t.notes.clone(),
            row_header: t.row_header,
            csv: t.csv.clone(),
            sortable: t.sortable,
            empty: t.empty.to_string(),
        }
    }

    /// The table again, for the workbook and the CSV of an issued month: numbers and dates as
    /// values (their issued text is what [`FrozenCell::text`] gives the page).
    pub fn table(&self) -> Table {
        let columns: Vec<Column> = self
            .columns
            .iter()
            .map(|c| Column {
                header: c.header.clone(),
                unit: c.unit.as_deref().map(intern),
                kind: kind_of(&c.kind),
                printed: c.printed,
            })
            .collect();
        let rows = self
            .rows
            .iter()
            .map(|r| Row {
                cells: r.cells.iter().map(thaw).collect(),
                mark: match r.mark.as_str() {
                    "red" => Mark::Red,
                    "alert" => Mark::Alert,
                    _ => Mark::None,
                },
            })
            .collect();
        let mut t = Table::new(intern(&self.slug), intern(&self.sheet), self.caption.clone(), columns);
        t.rows = rows;
        t.number = self.number.clone();
        t.notes = self.notes.clone();
        t.row_header = self.row_header;
        t.csv = self.csv.clone();
        t.sortable = self.sortable;
        t.empty = intern(&self.empty);
        t
    }
}

fn freeze(c: &Cell, kind: Kind) -> FrozenCell {
    let s = c.display(kind);
    match c {
        Cell::Empty => FrozenCell::Empty,
        Cell::Dash => FrozenCell::Dash,
        Cell::Text(_) => FrozenCell::Text { s },
        Cell::Number(v, n) => FrozenCell::Number { s, v: *v, n: num_name(*n).to_string() },
        Cell::Date(d) => FrozenCell::Date { s, d: d.to_string() },
        Cell::Link(l) => FrozenCell::Link { s: l.text.clone(), h: l.href.clone() },
        Cell::Links(ls) => FrozenCell::Links { l: ls.iter().map(|l| (l.text.clone(), l.href.clone())).collect() },
        Cell::Tag(text, tone) => FrozenCell::Tag {
            s: text.to_string(),
            tone: TONES.iter().find(|(t, _)| t == tone).map_or("plain", |(_, s)| s).into(),
        },
    }
}

/// A recorded cell as a table cell; a link the site would not write becomes its text.
fn thaw(c: &FrozenCell) -> Cell {
    let link = |s: &String, h: &String| crate::content::links::is_allowed(h).then(|| Link { text: s.clone(), href: h.clone() });
    match c {
        FrozenCell::Empty => Cell::Empty,
        FrozenCell::Dash => Cell::Dash,
        FrozenCell::Text { s } => Cell::Text(s.clone()),
        FrozenCell::Number { s, v, n } => match num_of(n) {
            Some(num) => Cell::Number(*v, num),
            None => Cell::Text(s.clone()),
        },
        FrozenCell::Date { s, d } => crate::period::parse_date(d).map_or_else(|| Cell::Text(s.clone()), Cell::Date),
        FrozenCell::Link { s, h } => link(s, h).map_or_else(|| Cell::Text(s.clone()), Cell::Link),
        FrozenCell::Links { l } => Cell::Links(l.iter().filter_map(|(s, h)| link(s, h)).collect()),
        FrozenCell::Tag { s, tone } => Cell::Tag(intern(s), tone_of(tone)),
    }
}

/// A `&'static str` for a text read from a record (table slugs, sheet names, units, labels:
/// a few dozen distinct texts, each kept once for the life of the process).
fn intern(s: &str) -> &'static str {
    static SEEN: Mutex<Option<HashSet<&'static str>>> = Mutex::new(None);
    let mut seen = SEEN.lock().expect("interned texts");
    let set = seen.get_or_insert_with(HashSet::new);
    if let Some(found) = set.get(s) {
        return found;
    }
    let leaked: &'static str = Box::leak(s.to_string().into_boxed_str());
    set.insert(leaked);
    leaked
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn a_table_survives_freezing_with_its_text_and_values() {
        let t = Table::new(
            "towns",
            "表9 镇办排名",
            "镇（街道）完成情况",
            vec![
                Column::link("单位"),
                Column::num("到位资金", Num::Money).unit("万元"),
                Column::num("完成率", Num::Percent),
                Column::tag("榜单"),
                Column::date("日期", DateStyle::InYear(2026)),
            ],
        )
        .rows(vec![vec![
            Cell::link("城关街道", "units/chengguan.html".into()),
            Cell::money("156797.7".parse().unwrap()),
            Cell::opt(Some("0.8333".parse().unwrap()), Num::Percent),
            Cell::Tag("红榜", Tone::Red),
            Cell::Date(NaiveDate::from_ymd_opt(2026, 10, 22).unwrap()),
        ]]);
        let frozen = FrozenTable::of(&t);
        let json = serde_json::to_string(&frozen).unwrap();
        let back: FrozenTable = serde_json::from_str(&json).unwrap();
        assert_eq!(back, frozen);
        let texts: Vec<String> = back.rows[0].cells.iter().map(FrozenCell::text).collect();
        assert_eq!(texts, ["城关街道", "156,797.70", "83.33%", "红榜", "10月22日"]);
        // The table again has the same values (for the workbook).
        assert_eq!(back.table().rows, t.rows);
    }

    #[test]
    fn a_link_a_record_should_not_hold_is_dropped() {
        let hostile = FrozenCell::Link { s: "点这里".into(), h: "javascript:alert(1)".into() };
        assert_eq!(thaw(&hostile), Cell::Text("点这里".into()));
    }
}
