//! Calendar arithmetic against the anchor date and TIMEX3 value formatting.
//!
//! Every relative expression is computed as "anchor moved by n units, shown at the unit's
//! granularity": "last week" is the anchor minus seven days shown as an ISO week, "two years
//! ago" the anchor minus two years shown as a year. Without an anchor the same expression is
//! shown with `X` placeholders at that granularity ("XXXX-WXX").

use crate::lexicon::Unit;
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// How precisely a value is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Granularity {
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Granularity {
    /// The granularity at which "n units ago" is shown.
    pub fn of_unit(unit: Unit) -> Granularity {
        match unit {
            Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => Granularity::Day,
            Unit::Week => Granularity::Week,
            Unit::Month => Granularity::Month,
            Unit::Quarter => Granularity::Quarter,
            Unit::Year => Granularity::Year,
            Unit::Decade => Granularity::Decade,
            Unit::Century => Granularity::Century,
        }
    }

    /// The value of an unknown date at this granularity.
    pub fn unknown(self) -> String {
        match self {
            Granularity::Day => "XXXX-XX-XX",
            Granularity::Week => "XXXX-WXX",
            Granularity::Month => "XXXX-XX",
            Granularity::Quarter => "XXXX-QX",
            Granularity::Year => "XXXX",
            Granularity::Decade => "XXX",
            Granularity::Century => "XX",
        }
        .to_string()
    }
}

/// `date` shown at `granularity`.
pub fn show(date: NaiveDate, granularity: Granularity) -> String {
    let y = date.year();
    match granularity {
        Granularity::Day => ymd(y, date.month(), date.day()),
        Granularity::Week => {
            let w = date.iso_week();
            format!("{:04}-W{:02}", w.year(), w.week())
        }
        Granularity::Month => format!("{y:04}-{:02}", date.month()),
        Granularity::Quarter => format!("{y:04}-Q{}", quarter(date)),
        Granularity::Year => format!("{y:04}"),
        Granularity::Decade => format!("{:03}", y.div_euclid(10)),
        Granularity::Century => format!("{:02}", y.div_euclid(100)),
    }
}

pub fn ymd(y: i32, m: u32, d: u32) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

pub fn quarter(date: NaiveDate) -> u32 {
    (date.month() - 1) / 3 + 1
}

/// `date` moved by `n` units (negative: back), `None` on calendar overflow.
pub fn shift(date: NaiveDate, unit: Unit, n: i64) -> Option<NaiveDate> {
    let months = |k: i64| -> Option<NaiveDate> {
        let m = u32::try_from(k.unsigned_abs()).ok()?;
        if k >= 0 {
            date.checked_add_months(Months::new(m))
        } else {
            date.checked_sub_months(Months::new(m))
        }
    };
    let days = |k: i64| -> Option<NaiveDate> {
        if k >= 0 {
            date.checked_add_days(Days::new(k.unsigned_abs()))
        } else {
            date.checked_sub_days(Days::new(k.unsigned_abs()))
        }
    };
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour => Some(date),
        Unit::Day => days(n),
        Unit::Week => days(n.checked_mul(7)?),
        Unit::Month => months(n),
        Unit::Quarter => months(n.checked_mul(3)?),
        Unit::Year => months(n.checked_mul(12)?),
        Unit::Decade => months(n.checked_mul(120)?),
        Unit::Century => months(n.checked_mul(1200)?),
    }
}

fn weekday_of(n: u32) -> Weekday {
    match n {
        1 => Weekday::Mon,
        2 => Weekday::Tue,
        3 => Weekday::Wed,
        4 => Weekday::Thu,
        5 => Weekday::Fri,
        6 => Weekday::Sat,
        _ => Weekday::Sun,
    }
}

/// The weekday `wd` (Monday = 1) nearest `anchor` in the given direction, the anchor itself
/// included: past reporting "Friday" is the latest Friday on or before the anchor.
pub fn weekday_near(anchor: NaiveDate, wd: u32, forward: bool) -> Option<NaiveDate> {
    let target = weekday_of(wd).num_days_from_monday() as i64;
    let current = anchor.weekday().num_days_from_monday() as i64;
    let delta = if forward {
        (target - current).rem_euclid(7)
    } else {
        -(current - target).rem_euclid(7)
    };
    shift(anchor, Unit::Day, delta)
}

/// The year in which month `m` (and day `d`) falls nearest `anchor` in the given direction;
/// `strict` excludes the anchor's own month ("last April" said in April is a year ago).
pub fn month_year(anchor: NaiveDate, m: u32, forward: bool, strict: bool) -> i32 {
    let y = anchor.year();
    let am = anchor.month();
    if forward {
        if m > am || (m == am && !strict) {
            y
        } else {
            y + 1
        }
    } else if m < am || (m == am && !strict) {
        y
    } else {
        y - 1
    }
}

/// The season a date falls in, as a TIMEX3 code, and the year the season is named by.
pub fn season_of(date: NaiveDate) -> (&'static str, i32) {
    match date.month() {
        3..=5 => ("SP", date.year()),
        6..=8 => ("SU", date.year()),
        9..=11 => ("FA", date.year()),
        12 => ("WI", date.year()),
        _ => ("WI", date.year() - 1),
    }
}

/// Order of a season code within its year (winter last: it starts in December).
pub fn season_rank(code: &str) -> u32 {
    match code {
        "SP" => 1,
        "SU" => 2,
        "FA" => 3,
        _ => 4,
    }
}

/// The days a calendar DATE value denotes, as `[start, end)`: a day, an ISO week
/// ("2008-W32", Monday to Monday), a month, a quarter ("2008-Q3"), a half ("2008-H2") or a
/// year. `None` for other values (times, durations, seasons, unknown parts).
pub fn interval(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    let y: i32 = value.get(..4)?.parse().ok()?;
    let first_of = |m: u32| NaiveDate::from_ymd_opt(y, m, 1);
    let rest = value.get(4..)?;
    if rest.is_empty() {
        return Some((first_of(1)?, NaiveDate::from_ymd_opt(y + 1, 1, 1)?));
    }
    let rest = rest.strip_prefix('-')?;
    let months = |m: u32, n: u32| {
        Some((
            first_of(m)?,
            first_of(m)?.checked_add_months(Months::new(n))?,
        ))
    };
    if let Some(w) = rest.strip_prefix('W') {
        let monday = NaiveDate::from_isoywd_opt(y, w.parse().ok()?, Weekday::Mon)?;
        return Some((monday, monday.checked_add_days(Days::new(7))?));
    }
    if let Some(q) = rest.strip_prefix('Q') {
        let q: u32 = q.parse().ok().filter(|q| (1..=4).contains(q))?;
        return months(3 * q - 2, 3);
    }
    if let Some(h) = rest.strip_prefix('H') {
        let h: u32 = h.parse().ok().filter(|h| (1..=2).contains(h))?;
        return months(6 * h - 5, 6);
    }
    match rest.len() {
        2 => months(rest.parse().ok()?, 1),
        5 => {
            let day = NaiveDate::parse_from_str(value, "%Y-%m-%d").ok()?;
            Some((day, day.checked_add_days(Days::new(1))?))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn weekdays_resolve_by_direction() {
        // 2008-08-08 was a Friday.
        assert_eq!(weekday_near(d(2008, 8, 8), 5, false), Some(d(2008, 8, 8)));
        assert_eq!(weekday_near(d(2008, 8, 8), 4, false), Some(d(2008, 8, 7)));
        assert_eq!(weekday_near(d(2008, 8, 8), 6, false), Some(d(2008, 8, 2)));
        assert_eq!(weekday_near(d(2008, 8, 8), 6, true), Some(d(2008, 8, 9)));
    }

    #[test]
    fn granularities() {
        let date = d(2008, 8, 8);
        assert_eq!(show(date, Granularity::Week), "2008-W32");
        assert_eq!(show(date, Granularity::Decade), "200");
        assert_eq!(show(date, Granularity::Quarter), "2008-Q3");
        assert_eq!(
            shift(date, Unit::Month, -8)
                .map(|x| show(x, Granularity::Month))
                .as_deref(),
            Some("2007-12")
        );
    }

    #[test]
    fn intervals_of_values() {
        assert_eq!(interval("2019-Q3"), Some((d(2019, 7, 1), d(2019, 10, 1))));
        assert_eq!(interval("2019-H2"), Some((d(2019, 7, 1), d(2020, 1, 1))));
        assert_eq!(interval("2018-W21"), Some((d(2018, 5, 21), d(2018, 5, 28))));
        assert_eq!(interval("2018-04"), Some((d(2018, 4, 1), d(2018, 5, 1))));
        assert_eq!(interval("2018"), Some((d(2018, 1, 1), d(2019, 1, 1))));
        assert_eq!(
            interval("2018-12-31"),
            Some((d(2018, 12, 31), d(2019, 1, 1)))
        );
        assert_eq!(interval("2018-12-31T10:00"), None);
        assert_eq!(interval("XXXX-04"), None);
        assert_eq!(interval("2018-SU"), None);
    }
}
