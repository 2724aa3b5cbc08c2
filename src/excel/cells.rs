//! Reading one ledger cell the way clerks fill it in.
//!
//! - Dates: a date cell, an Excel serial number (46086), or text `2026-03-05`, `2026/3/5`,
//!   `2026.3.5`, `2026年3月5日`, `20260305` → a calendar date.
//! - Amounts: a number cell, or text `1,200`, `1200万元`, `1.2亿元`, `￥350.5` → an exact
//!   decimal in the field's unit (万元, 外资 万美元). Number cells are read to Excel's 15
//!   significant digits, so binary noise (0.30000000000000004) never reaches a file.
//! - Text: trimmed; a whole number typed into a text column reads without `.0`.
//!
//! Each reader returns `Ok(None)` for an empty cell and a [`Problem`] for one it cannot read.

use calamine::Data;
use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};

use super::mapping::Kind;
use crate::diagnostics::Text;

/// Why a cell cannot be read: the tail of a message whose head names the cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub code: &'static str,
    /// “不是有效日期：“2026-13-45””, to follow “台账!E7（签约日期）”.
    pub message: Text,
    pub help: Text,
}

impl Problem {
    fn new(code: &'static str, message: Text, help: Text) -> Problem {
        Problem { code, message, help }
    }
}

/// Dates before this are not ledger dates: a year typed as a number (2026) reads as 1905.
const EARLIEST_SERIAL: f64 = 32874.0; // 1990-01-01

/// The cell as the clerk sees it, for messages.
pub fn shown(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.trim().to_string(),
        Data::Float(f) => decimal_from_f64(*f).map_or_else(|| f.to_string(), |d| d.to_string()),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(d) => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            format!("{y}-{m:02}-{day:02}")
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
        Data::Empty => String::new(),
    }
}

pub fn is_empty(cell: &Data) -> bool {
    match cell {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

fn error_cell(cell: &Data) -> Option<Problem> {
    match cell {
        Data::Error(e) => Some(Problem::new(
            "bad-cell",
            Text::new(format!("是错误值 {e}（公式出错）"), format!("holds the error value {e}")),
            Text::new("改正这个单元格的公式，或直接填写内容", "fix the formula or type the value"),
        )),
        _ => None,
    }
}

/// A text cell, trimmed; line breaks inside the cell are kept.
pub fn text(cell: &Data) -> Result<Option<String>, Problem> {
    if let Some(p) = error_cell(cell) {
        return Err(p);
    }
    if is_empty(cell) {
        return Ok(None);
    }
    let s = shown(cell);
    let s = s.trim().replace("\r\n", "\n");
    Ok((!s.is_empty()).then_some(s))
}

/// A date cell, serial number or date text.
pub fn date(cell: &Data) -> Result<Option<NaiveDate>, Problem> {
    if let Some(p) = error_cell(cell) {
        return Err(p);
    }
    let bad = || bad_date(&shown(cell));
    match cell {
        Data::Empty => Ok(None),
        Data::String(s) if s.trim().is_empty() => Ok(None),
        Data::String(s) | Data::DateTimeIso(s) => date_text(s).map(Some).ok_or_else(|| bad_date_text(s.trim())),
        Data::DateTime(d) if d.is_datetime() => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            plausible(NaiveDate::from_ymd_opt(y.into(), m.into(), day.into())).map(Some).ok_or_else(bad)
        }
        Data::Float(_) | Data::Int(_) => {
            let v = match cell {
                Data::Float(f) => *f,
                Data::Int(i) => *i as f64,
                _ => unreachable!(),
            };
            // 20260305 typed as a number.
            if v.fract() == 0.0 && (19_000_101.0..=29_991_231.0).contains(&v) {
                return date_text(&format!("{v:.0}")).map(Some).ok_or_else(bad);
            }
            serial_date(v).map(Some).ok_or_else(bad)
        }
        _ => Err(bad()),
    }
}

/// An Excel serial date (1900 date system): 46086 → 2026-03-05. The time of day is ignored.
pub fn serial_date(serial: f64) -> Option<NaiveDate> {
    if !serial.is_finite() || !(EARLIEST_SERIAL..3_000_000.0).contains(&serial) {
        return None;
    }
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    plausible(epoch.checked_add_days(chrono::Days::new(serial.floor() as u64)))
}

fn plausible(date: Option<NaiveDate>) -> Option<NaiveDate> {
    use chrono::Datelike;
    date.filter(|d| (1900..=2999).contains(&d.year()))
}

/// `2026-03-05`, `2026-3-5`, `2026/3/5`, `2026.3.5`, `2026年3月5日`, `20260305`, with any time
/// after it ignored.
pub fn date_text(text: &str) -> Option<NaiveDate> {
    let t: String = text.trim().chars().map(half_width).collect();
    let t = t.split(['T', ' ']).next().unwrap_or("");
    if t.len() == 8 && t.bytes().all(|b| b.is_ascii_digit()) {
        return plausible(NaiveDate::from_ymd_opt(t[..4].parse().ok()?, t[4..6].parse().ok()?, t[6..].parse().ok()?));
    }
    let t = t.trim_end_matches(['日', '号']);
    let mut groups: Vec<&str> = Vec::new();
    let mut seps: Vec<char> = Vec::new();
    let mut start = None;
    for (i, c) in t.char_indices() {
        if c.is_ascii_digit() {
            start.get_or_insert(i);
        } else {
            groups.push(&t[start.take()?..i]);
            seps.push(c);
        }
    }
    groups.push(&t[start?..]);
    let seps_ok = match seps[..] {
        [a, b] if a == b => matches!(a, '-' | '/' | '.'),
        ['年', '月'] => true,
        _ => false,
    };
    if !seps_ok || groups.len() != 3 || groups[0].len() != 4 || groups[1].len() > 2 || groups[2].len() > 2 {
        return None;
    }
    plausible(NaiveDate::from_ymd_opt(groups[0].parse().ok()?, groups[1].parse().ok()?, groups[2].parse().ok()?))
}

fn half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

fn date_help() -> Text {
    Text::new(
        "写成 2026-03-05、2026/3/5、2026.3.5 或 2026年3月5日，或把单元格设为日期格式",
        "write 2026-03-05, 2026/3/5, 2026.3.5 or 2026年3月5日, or format the cell as a date",
    )
}

fn bad_date(value: &str) -> Problem {
    Problem::new(
        "bad-date",
        Text::new(format!("不是有效日期：“{value}”"), format!("is not a valid date: `{value}`")),
        date_help(),
    )
}

fn bad_date_text(value: &str) -> Problem {
    let numbers: Vec<&str> = value.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty()).collect();
    let help = match numbers[..] {
        [y, _] if y.len() == 4 => {
            Text::new("要写到哪一天，例如 2026年3月5日；不清楚具体日期的，请先核实", "give the day too, e.g. 2026-03-05")
        }
        [_, _, y] if y.len() == 4 => {
            Text::new("年份写在最前面：年-月-日，例如 2026-03-05", "put the year first: year-month-day, e.g. 2026-03-05")
        }
        _ => date_help(),
    };
    Problem { help, ..bad_date(value) }
}

/// An amount in the field's unit; `scale` converts the column's unit (亿元 → ×10000).
pub fn amount(cell: &Data, kind: Kind, scale: Decimal) -> Result<Option<Decimal>, Problem> {
    if let Some(p) = error_cell(cell) {
        return Err(p);
    }
    let unit = if kind == Kind::UsdWan { "万美元" } else { "万元" };
    let shown_value = shown(cell);
    let bad = || {
        Problem::new(
            "bad-number",
            Text::new(
                format!("应为金额（{unit}），这里是 “{shown_value}”"),
                format!("must be an amount in {unit}, found `{shown_value}`"),
            ),
            Text::new(
                format!("只写数字，可以带千位逗号或单位，例如 1200、1,200、1200{unit}"),
                format!("write a number, e.g. 1200, 1,200 or 1200{unit}"),
            ),
        )
    };
    let (value, scale) = match cell {
        Data::Empty => return Ok(None),
        Data::String(s) if s.trim().is_empty() => return Ok(None),
        Data::Float(f) => (decimal_from_f64(*f).ok_or_else(bad)?, scale),
        Data::Int(i) => (Decimal::from(*i), scale),
        Data::String(s) => {
            let (v, cell_scale) = amount_text(s, kind).ok_or_else(bad)?;
            (v, cell_scale.unwrap_or(scale))
        }
        _ => return Err(bad()),
    };
    if value.is_sign_negative() && !value.is_zero() {
        return Err(Problem::new(
            "negative-amount",
            Text::new(format!("不能是负数：“{shown_value}”"), format!("cannot be negative: `{shown_value}`")),
            Text::new("金额只登记正数", "amounts are never negative"),
        ));
    }
    let value = if scale == Decimal::ONE {
        if value.normalize().scale() > 4 {
            return Err(Problem::new(
                "too-precise",
                Text::new(format!("小数位太多：“{shown_value}”"), format!("has too many decimals: `{shown_value}`")),
                Text::new(
                    format!("{unit}最多保留 4 位小数（精确到元），例如 {}", value.round_dp(4).normalize()),
                    "use at most 4 decimals",
                ),
            ));
        }
        value
    } else {
        // Converted from 元 or 亿元: keep to the 元, as the content format does.
        (value * scale).round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero)
    };
    Ok(Some(value.normalize()))
}

/// `1,200`, `1200万元`, `1.2亿`, `￥350.5`, `-5` → (value, the unit's scale if one is written).
fn amount_text(text: &str, kind: Kind) -> Option<(Decimal, Option<Decimal>)> {
    let mut t: String =
        text.chars().map(half_width).filter(|c| !c.is_whitespace() && !matches!(c, ',' | '，' | '¥' | '￥' | '$')).collect();
    let units: &[(&str, Decimal)] = match kind {
        Kind::UsdWan => {
            &[("万美元", Decimal::ONE), ("亿美元", Decimal::from(10_000)), ("美元", Decimal::new(1, 4)), ("万", Decimal::ONE)]
        }
        _ => &[
            ("万元人民币", Decimal::ONE),
            ("万元", Decimal::ONE),
            ("亿元", Decimal::from(10_000)),
            ("万", Decimal::ONE),
            ("亿", Decimal::from(10_000)),
            ("元", Decimal::new(1, 4)),
        ],
    };
    let mut scale = None;
    for (suffix, s) in units {
        if let Some(rest) = t.strip_suffix(suffix) {
            t = rest.to_string();
            scale = Some(*s);
            break;
        }
    }
    let (negative, body) = match t.strip_prefix(['-', '−', '－']) {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(&t)),
    };
    let (whole, frac) = body.split_once('.').unwrap_or((body, ""));
    let ok = !whole.is_empty()
        && whole.len() <= 15
        && whole.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
        && !(body.ends_with('.'));
    if !ok {
        return None;
    }
    let v: Decimal = body.parse().ok()?;
    Some((if negative { -v } else { v }, scale))
}

/// A number cell to a decimal, to Excel's 15 significant digits.
pub fn decimal_from_f64(f: f64) -> Option<Decimal> {
    if !f.is_finite() {
        return None;
    }
    Decimal::from_scientific(&format!("{f:.14e}")).ok().map(|d| d.normalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        crate::period::parse_date(s).unwrap()
    }

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn dates_as_clerks_type_them() {
        for text in [
            "2026-03-05",
            "2026-3-5",
            "2026/3/5",
            "2026.3.5",
            "2026年3月5日",
            "2026年03月05日",
            "20260305",
            "2026-03-05 00:00:00",
        ] {
            assert_eq!(date(&Data::String(text.into())), Ok(Some(d("2026-03-05"))), "{text}");
        }
        for bad in ["2026-13-05", "2026/2/30", "3/5/2026", "26/3/5", "2026年3月", "明年", "2026-3/5", "1800-01-01"] {
            let p = date(&Data::String(bad.into())).unwrap_err();
            assert_eq!(p.code, "bad-date", "{bad}");
        }
        assert!(date(&Data::String("2026年3月".into())).unwrap_err().help.zh.contains("哪一天"));
        assert!(date(&Data::String("3/5/2026".into())).unwrap_err().help.zh.contains("年份写在最前面"));
        assert_eq!(date(&Data::String("  ".into())), Ok(None));
        assert_eq!(date(&Data::Empty), Ok(None));
    }

    #[test]
    fn serial_numbers_are_dates() {
        assert_eq!(date(&Data::Float(46086.0)), Ok(Some(d("2026-03-05"))));
        assert_eq!(date(&Data::Float(46086.75)), Ok(Some(d("2026-03-05"))));
        assert_eq!(date(&Data::Int(46086)), Ok(Some(d("2026-03-05"))));
        assert_eq!(date(&Data::Float(20260305.0)), Ok(Some(d("2026-03-05"))));
        assert_eq!(date(&Data::Float(2026.0)).unwrap_err().code, "bad-date");
        let cell = Data::DateTime(calamine::ExcelDateTime::new(46086.0, calamine::ExcelDateTimeType::DateTime, false));
        assert_eq!(date(&cell), Ok(Some(d("2026-03-05"))));
    }

    #[test]
    fn amounts_as_clerks_type_them() {
        let wan = |cell: Data| amount(&cell, Kind::Wan, Decimal::ONE);
        assert_eq!(wan(Data::Float(1200.0)), Ok(Some(dec("1200"))));
        assert_eq!(wan(Data::Float(1125.3)), Ok(Some(dec("1125.3"))));
        assert_eq!(wan(Data::Float(0.1 + 0.2)), Ok(Some(dec("0.3"))));
        assert_eq!(wan(Data::String("1,200".into())), Ok(Some(dec("1200"))));
        assert_eq!(wan(Data::String("1200万元".into())), Ok(Some(dec("1200"))));
        assert_eq!(wan(Data::String(" 1200 万 ".into())), Ok(Some(dec("1200"))));
        assert_eq!(wan(Data::String("1.2亿元".into())), Ok(Some(dec("12000"))));
        assert_eq!(wan(Data::String("3500000元".into())), Ok(Some(dec("350"))));
        assert_eq!(wan(Data::String("１２００".into())), Ok(Some(dec("1200"))));
        assert_eq!(wan(Data::Empty), Ok(None));
        assert_eq!(wan(Data::String("-5".into())).unwrap_err().code, "negative-amount");
        assert_eq!(wan(Data::Float(-5.0)).unwrap_err().code, "negative-amount");
        assert_eq!(wan(Data::String("一千二".into())).unwrap_err().code, "bad-number");
        assert_eq!(wan(Data::String("12,00.5.3".into())).unwrap_err().code, "bad-number");
        assert_eq!(wan(Data::Float(1.23456)).unwrap_err().code, "too-precise");
        // A column in 亿元: the cell is converted.
        assert_eq!(amount(&Data::Float(1.5), Kind::Wan, Decimal::from(10_000)), Ok(Some(dec("15000"))));
        // A unit in the cell wins over the column's.
        assert_eq!(amount(&Data::String("500万".into()), Kind::Wan, Decimal::from(10_000)), Ok(Some(dec("500"))));
        assert_eq!(amount(&Data::String("50万美元".into()), Kind::UsdWan, Decimal::ONE), Ok(Some(dec("50"))));
    }

    #[test]
    fn text_cells() {
        assert_eq!(text(&Data::String("  茶叶项目 ".into())), Ok(Some("茶叶项目".to_string())));
        assert_eq!(text(&Data::Float(2026001.0)), Ok(Some("2026001".to_string())));
        assert_eq!(text(&Data::Empty), Ok(None));
        assert_eq!(text(&Data::Error(calamine::CellErrorType::NA)).unwrap_err().code, "bad-cell");
    }
}
