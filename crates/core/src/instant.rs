//! Publication times as instants. A `published` string keeps the offset it was written with
//! ("2008-08-11T08:00:00+04:00" comes an hour before "2008-08-11T05:00:00Z", which only the
//! instants show), so ordering documents by the string misorders outlets in different time
//! zones; every ordering by publication goes through [`utc_seconds`].

use chrono::NaiveDate;

/// Days since 1970-01-01 of the `YYYY-MM-DD` that `date` starts with, when it is a real day.
pub fn day_number(date: &str) -> Option<i64> {
    let b = date.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let day = NaiveDate::from_ymd_opt(
        date.get(0..4)?.parse().ok()?,
        date.get(5..7)?.parse().ok()?,
        date.get(8..10)?.parse().ok()?,
    )?;
    Some(
        day.signed_duration_since(NaiveDate::from_ymd_opt(1970, 1, 1)?)
            .num_days(),
    )
}

/// Seconds since the epoch, in UTC, of an ISO 8601 date or date-time: `YYYY-MM-DD`, then
/// optionally `T` (or a space), `HH:MM`, `:SS`, a fraction (ignored), and `Z` or an offset
/// `±HH`, `±HHMM`, `±HH:MM`. A date alone is its midnight UTC; no offset means UTC.
pub fn utc_seconds(published: &str) -> Option<i64> {
    let published = published.trim();
    let days = day_number(published)?;
    let rest = &published[10..];
    let Some(time) = rest.strip_prefix(['T', ' ']) else {
        return rest.is_empty().then_some(days * 86_400);
    };
    let number = |s: &str| -> Option<i64> {
        (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let hour = number(time.get(0..2)?)?;
    if time.get(2..3)? != ":" {
        return None;
    }
    let minute = number(time.get(3..5)?)?;
    let mut rest = &time[5..];
    let mut second = 0;
    if let Some(s) = rest.strip_prefix(':') {
        second = number(s.get(0..2)?)?;
        rest = &s[2..];
        if let Some(fraction) = rest.strip_prefix(['.', ',']) {
            rest = fraction.trim_start_matches(|c: char| c.is_ascii_digit());
        }
    }
    if hour > 24 || minute > 59 || second > 60 {
        return None;
    }
    let offset = match rest.trim() {
        "" | "Z" | "z" => 0,
        zone => {
            let sign = match zone.as_bytes()[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let digits: String = zone[1..].chars().filter(|c| *c != ':').collect();
            let (h, m) = match digits.len() {
                2 => (number(&digits)?, 0),
                4 => (number(digits.get(..2)?)?, number(digits.get(2..)?)?),
                _ => return None,
            };
            sign * (h * 3600 + m * 60)
        }
    };
    Some(days * 86_400 + hour * 3600 + minute * 60 + second - offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_applied() {
        let east = utc_seconds("2008-08-11T08:00:00+04:00").unwrap();
        let utc = utc_seconds("2008-08-11T05:00:00Z").unwrap();
        assert_eq!(utc - east, 3600);
        assert_eq!(utc_seconds("2008-08-11T05:00"), Some(utc));
        assert_eq!(utc_seconds("2008-08-11 09:00:00.250+0400"), Some(utc));
        assert_eq!(
            utc_seconds("2008-08-11T00:00:00-05"),
            utc_seconds("2008-08-11T05:00")
        );
        assert_eq!(utc_seconds("1970-01-02"), Some(86_400));
    }

    #[test]
    fn malformed_times_have_no_instant() {
        for bad in [
            "",
            "2008",
            "2008-13-01",
            "2008-08-11T8:00",
            "2008-08-11T08:00 PST",
            "2008-08-11T08:00+4",
            "2008-08-11x",
        ] {
            assert_eq!(utc_seconds(bad), None, "{bad}");
        }
    }

    #[test]
    fn days_match_the_calendar() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2000-03-01"), Some(11_017));
        assert_eq!(day_number("1969-12-31"), Some(-1));
        assert_eq!(day_number("2008-08-08"), Some(14_099));
        assert_eq!(day_number("2008-13-08"), None);
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_string_parses_without_panicking(s in "\\PC{0,40}|[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9:.+Zz-]{0,16}") {
            let _ = utc_seconds(&s);
        }
    }
}
