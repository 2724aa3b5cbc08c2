//! Displaying figures the way Chinese bulletins print them. Rounding happens here and only
//! here, half up (四舍五入): 亿元 and percentages to 2 places, gaps in 个百分点.

use chrono::{Datelike, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};

use crate::period::Month;

/// Half-up rounding to `dp` places.
pub fn round(value: Decimal, dp: u32) -> Decimal {
    value.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}

/// A ratio as a percentage rounded to 2 places (0.83333 → 83.33).
pub fn percent_value(ratio: Decimal) -> Decimal {
    round(ratio * Decimal::ONE_HUNDRED, 2)
}

/// `83.33%`, or `—` when there is no value (a zero denominator).
pub fn percent(ratio: Option<Decimal>) -> String {
    match ratio {
        Some(r) => format!("{}%", fixed(percent_value(r), 2)),
        None => "—".to_string(),
    }
}

/// The gap between a completion rate and time progress in percentage points, computed from
/// the two displayed percentages so that the printed numbers always agree.
pub fn gap_points(completion: Option<Decimal>, time_progress: Decimal) -> Option<Decimal> {
    completion.map(|c| percent_value(c) - percent_value(time_progress))
}

/// `超时序进度8.47个百分点`, `欠时序进度3.12个百分点` or `与时序进度持平`.
pub fn gap_text(gap: Option<Decimal>) -> String {
    match gap {
        None => "—".to_string(),
        Some(g) if g.is_zero() => "与时序进度持平".to_string(),
        Some(g) if g > Decimal::ZERO => format!("超时序进度{}个百分点", fixed(g, 2)),
        Some(g) => format!("欠时序进度{}个百分点", fixed(-g, 2)),
    }
}

/// Signed points, `+8.47` / `−3.12` / `0.00`, for table cells.
pub fn points(gap: Option<Decimal>) -> String {
    match gap {
        None => "—".to_string(),
        Some(g) if g > Decimal::ZERO => format!("+{}", fixed(g, 2)),
        Some(g) if g < Decimal::ZERO => format!("−{}", fixed(-g, 2)),
        Some(_) => "0.00".to_string(),
    }
}

/// `同比增长10.23%`, `同比下降5.10%`, `同比持平`, or `—` without a base.
pub fn yoy_text(yoy: Option<Decimal>) -> String {
    match yoy {
        None => "—".to_string(),
        Some(y) => {
            let p = percent_value(y);
            if p.is_zero() {
                "同比持平".to_string()
            } else if p > Decimal::ZERO {
                format!("同比增长{}%", fixed(p, 2))
            } else {
                format!("同比下降{}%", fixed(-p, 2))
            }
        }
    }
}

/// Signed percentage for table cells: `+10.23%`, `−5.10%`, `—`.
pub fn yoy_cell(yoy: Option<Decimal>) -> String {
    match yoy {
        None => "—".to_string(),
        Some(y) => {
            let p = percent_value(y);
            if p > Decimal::ZERO {
                format!("+{}%", fixed(p, 2))
            } else if p < Decimal::ZERO {
                format!("−{}%", fixed(-p, 2))
            } else {
                "0.00%".to_string()
            }
        }
    }
}

/// 万元 → 亿元 to 2 places: `178.23`.
pub fn yi(wan: Decimal) -> String {
    fixed(round(wan / Decimal::from(10_000), 2), 2)
}

/// 万元 to 2 places with thousands separators: `12,345.60`.
pub fn wan(wan: Decimal) -> String {
    grouped(&fixed(round(wan, 2), 2))
}

/// An amount as typed, without trailing zeros, with thousands separators: `1,200.5`.
pub fn amount(value: Decimal) -> String {
    grouped(&value.normalize().to_string())
}

/// A whole count.
pub fn count(value: Decimal) -> String {
    grouped(&round(value, 0).to_string())
}

/// `value` printed with exactly `dp` decimals (it must already be rounded to ≤ `dp`).
pub fn fixed(value: Decimal, dp: u32) -> String {
    let mut v = value;
    v.rescale(dp);
    v.to_string()
}

/// Inserts thousands separators into the integer part of a plain decimal string.
pub fn grouped(plain: &str) -> String {
    let (sign, rest) = plain.strip_prefix('-').map_or(("", plain), |r| ("-", r));
    let (int, frac) = rest.split_once('.').map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut out = String::with_capacity(plain.len() + int.len() / 3);
    out.push_str(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// `2026年11月6日` (no zero padding, as GB/T 9704 writes dates).
pub fn date_zh(date: NaiveDate) -> String {
    format!("{}年{}月{}日", date.year(), date.month(), date.day())
}

/// `10月22日`: a date within the report year, as the bulletin's tables write it.
pub fn month_day_zh(date: NaiveDate) -> String {
    format!("{}月{}日", date.month(), date.day())
}

/// `2026年1—10月`, or `2026年1月` for January: the period a report month covers.
pub fn period_text(month: Month) -> String {
    if month.number() == 1 { format!("{}年1月", month.year()) } else { format!("{}年1—{}月", month.year(), month.number()) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn rounding_is_half_up_not_to_even() {
        assert_eq!(round(d("2.665"), 2), d("2.67"));
        assert_eq!(round(d("2.675"), 2), d("2.68"));
        assert_eq!(percent(Some(d("0.83335"))), "83.34%");
        assert_eq!(yi(d("1782345")), "178.23");
        assert_eq!(yi(d("1782350")), "178.24");
        assert_eq!(yi(d("2230000")), "223.00");
    }

    #[test]
    fn zero_denominators_show_a_dash() {
        assert_eq!(percent(None), "—");
        assert_eq!(yoy_text(None), "—");
        assert_eq!(gap_text(None), "—");
    }

    #[test]
    fn gap_agrees_with_displayed_numbers() {
        // 10 of 12: 83.33% − 83.33% (10/12): the exact difference is 0, and so is the display.
        let tp = d("10") / d("12");
        assert_eq!(gap_points(Some(tp), tp), Some(d("0.00")));
        // 陕西 1–4月: 41.80% − 33.33% = 8.47 个百分点 (the domain notes' worked example).
        let gap = gap_points(Some(d("0.418")), d("4") / d("12"));
        assert_eq!(gap, Some(d("8.47")));
        assert_eq!(gap_text(gap), "超时序进度8.47个百分点");
        assert_eq!(gap_text(Some(d("-3.1"))), "欠时序进度3.10个百分点");
        assert_eq!(points(Some(d("-3.1"))), "−3.10");
    }

    #[test]
    fn dates_in_chinese() {
        let date = NaiveDate::from_ymd_opt(2026, 10, 2).unwrap();
        assert_eq!(date_zh(date), "2026年10月2日");
        assert_eq!(month_day_zh(date), "10月2日");
        assert_eq!(period_text(Month::new(2026, 10).unwrap()), "2026年1—10月");
        assert_eq!(period_text(Month::new(2026, 1).unwrap()), "2026年1月");
    }

    #[test]
    fn grouping() {
        assert_eq!(wan(d("1782345.5")), "1,782,345.50");
        assert_eq!(wan(d("345")), "345.00");
        assert_eq!(amount(d("1200.50")), "1,200.5");
        assert_eq!(grouped("-1234567"), "-1,234,567");
        assert_eq!(yoy_text(Some(d("0.1023"))), "同比增长10.23%");
        assert_eq!(yoy_text(Some(d("-0.051"))), "同比下降5.10%");
    }
}
