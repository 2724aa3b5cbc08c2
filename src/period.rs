//! Calendar months and the date helpers every stage shares.
//!
//! A report period is "1–m月 of a year, as of the last day of month m", so the one type the
//! figures are keyed by is [`Month`]; dates are plain `chrono::NaiveDate`.

use std::fmt;

use chrono::{Datelike, NaiveDate};

/// A calendar month, written `YYYY-MM` in content files and URLs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    year: i32,
    month: u32,
}

impl Month {
    /// `None` unless `month` is 1–12 and the year is one a bulletin could plausibly cover.
    pub fn new(year: i32, month: u32) -> Option<Month> {
        ((1..=12).contains(&month) && (1900..=2999).contains(&year)).then_some(Month { year, month })
    }

    pub fn of(date: NaiveDate) -> Month {
        Month { year: date.year(), month: date.month() }
    }

    /// Parses exactly `YYYY-MM` (two-digit month), as the content format requires.
    pub fn parse(text: &str) -> Option<Month> {
        let b = text.as_bytes();
        if b.len() != 7 || b[4] != b'-' || !b.iter().enumerate().all(|(i, c)| i == 4 || c.is_ascii_digit()) {
            return None;
        }
        Month::new(text[..4].parse().ok()?, text[5..].parse().ok()?)
    }

    pub fn year(self) -> i32 {
        self.year
    }

    /// 1–12.
    pub fn number(self) -> u32 {
        self.month
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).expect("Month is always a valid month")
    }

    /// The as-of date of a report period: figures for month m count everything dated up to here.
    pub fn last_day(self) -> NaiveDate {
        self.next().first_day().pred_opt().expect("a month has a last day")
    }

    pub fn next(self) -> Month {
        if self.month == 12 { Month { year: self.year + 1, month: 1 } } else { Month { year: self.year, month: self.month + 1 } }
    }

    pub fn prev(self) -> Month {
        if self.month == 1 { Month { year: self.year - 1, month: 12 } } else { Month { year: self.year, month: self.month - 1 } }
    }

    /// January of the same year: the start of the 1–m月 period.
    pub fn january(self) -> Month {
        Month { year: self.year, month: 1 }
    }

    /// The same month one year earlier, for 同比.
    pub fn year_before(self) -> Month {
        Month { year: self.year - 1, month: self.month }
    }

    /// Months from `self` up to and including `last` (empty when `last` is earlier).
    pub fn through(self, last: Month) -> impl Iterator<Item = Month> {
        let mut next = Some(self).filter(|m| *m <= last);
        std::iter::from_fn(move || {
            let current = next?;
            next = Some(current.next()).filter(|m| *m <= last);
            Some(current)
        })
    }

    /// Whole months from `self` to `later` (0 for the same month, negative when `later` is earlier).
    pub fn months_until(self, later: Month) -> i32 {
        (later.year - self.year) * 12 + later.month as i32 - self.month as i32
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// As `YYYY-MM`, the form of the content files and the published JSON.
impl serde::Serialize for Month {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Month {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Month, D::Error> {
        let text = String::deserialize(d)?;
        Month::parse(&text).ok_or_else(|| serde::de::Error::custom(format!("not a month: {text}")))
    }
}

/// Parses exactly `YYYY-MM-DD` with a real calendar date.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    let shape_ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape_ok {
        return None;
    }
    let year: i32 = text[..4].parse().ok()?;
    if !(1900..=2999).contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(year, text[5..7].parse().ok()?, text[8..].parse().ok()?)
}

/// Whole calendar months from `from` to `to`: a month is complete on the same day of a later
/// month, or on that month's last day when it has no such day (2026-01-15 → 2026-07-14 is 5
/// months, → 2026-07-15 is 6; 2026-01-31 → 2026-02-28 is 1).
pub fn whole_months_between(from: NaiveDate, to: NaiveDate) -> i32 {
    let mut months = Month::of(from).months_until(Month::of(to));
    if to.day() < from.day() && to != Month::of(to).last_day() {
        months -= 1;
    }
    months
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    #[test]
    fn month_parsing_is_strict() {
        assert_eq!(Month::parse("2026-03"), Month::new(2026, 3));
        for bad in ["2026-3", "2026-13", "2026-00", "26-03", "2026/03", "2026-03-01", " 2026-03", "２０２６-03"] {
            assert_eq!(Month::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn date_parsing_is_strict() {
        assert_eq!(parse_date("2026-02-28").map(|d| d.to_string()), Some("2026-02-28".to_string()));
        for bad in ["2026-02-30", "2026-2-28", "2026/02/28", "20260228", "2026-02-28T00:00", ""] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn month_arithmetic() {
        let m = Month::new(2026, 1).unwrap();
        assert_eq!(m.prev().to_string(), "2025-12");
        assert_eq!(m.last_day(), d("2026-01-31"));
        assert_eq!(Month::new(2024, 2).unwrap().last_day(), d("2024-02-29"));
        assert_eq!(Month::new(2026, 12).unwrap().next().to_string(), "2027-01");
        assert_eq!(m.through(Month::new(2026, 3).unwrap()).count(), 3);
        assert_eq!(m.through(m.prev()).count(), 0);
        assert_eq!(Month::new(2025, 11).unwrap().months_until(Month::new(2026, 2).unwrap()), 3);
    }

    #[test]
    fn whole_months_counts_only_completed_months() {
        assert_eq!(whole_months_between(d("2026-01-15"), d("2026-07-14")), 5);
        assert_eq!(whole_months_between(d("2026-01-15"), d("2026-07-15")), 6);
        // A month-end start is complete at the next month's end, even when that month is shorter.
        assert_eq!(whole_months_between(d("2026-01-31"), d("2026-02-28")), 1);
        assert_eq!(whole_months_between(d("2026-03-01"), d("2026-03-31")), 0);
        // From the 31st: September has no 31st, so its 30th completes the sixth month.
        assert_eq!(whole_months_between(d("2026-03-31"), d("2026-09-29")), 5);
        assert_eq!(whole_months_between(d("2026-03-31"), d("2026-09-30")), 6);
        // From the 29th or 30th of January: February 2026 has neither, so its 28th completes
        // the month; February 2024 has a 29th, so from the 29th its 28th does not.
        assert_eq!(whole_months_between(d("2026-01-30"), d("2026-02-28")), 1);
        assert_eq!(whole_months_between(d("2024-01-29"), d("2024-02-28")), 0);
        assert_eq!(whole_months_between(d("2024-01-29"), d("2024-02-29")), 1);
    }
}
