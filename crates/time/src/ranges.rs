//! The two ends of a range ("5 to 6pm", "between 3 and 12 of Sept", "3:00 to 4:00
//! tomorrow", "November 19-20"). TimeML marks each end as its own expression; an end written
//! short borrows what it leaves out from the other: the meridiem and day of the closing time,
//! the month of the closing date, the month of the opening date.

use crate::clock::Hms;
use crate::context::{Ctx, Found};
use parallax_core::TimexType;
use parallax_figures::lexer::TokKind;

/// Words that join the two ends of a range.
fn is_joiner(c: &Ctx<'_, '_>, k: usize) -> bool {
    ["to", "until", "till", "through", "thru", "and"]
        .iter()
        .any(|w| c.is(k, w))
        || c.is_punct(k, '-')
        || c.is_punct(k, '–')
}

/// A bare number at `k`: digits ("5", "12") or an hour in words ("five").
fn bare_number(c: &Ctx<'_, '_>, k: usize) -> Option<u32> {
    let t = c.tok(k)?;
    match t.kind {
        TokKind::Digits if t.text.len() <= 2 => t.text.parse().ok(),
        TokKind::Word => {
            let n = parallax_figures::number::parse_at(c.toks, k)?;
            let v = n.value?;
            (n.end == k + 1 && v.fract() == 0.0 && (1.0..=31.0).contains(&v)).then_some(v as u32)
        }
        _ => None,
    }
}

/// The date part, hour and rest of a dated TIME value ("2016-11-07T18:00").
fn split_time(value: &str) -> Option<(&str, u32, &str)> {
    let (date, time) = value.split_once('T')?;
    let h = time.get(..2)?.parse().ok()?;
    Some((date, h, time.get(2..)?))
}

/// A full day value's year-month and day ("2016-09-12").
fn split_day(value: &str) -> Option<(&str, u32)> {
    if value.len() != 10 || value.as_bytes().get(4) != Some(&b'-') {
        return None;
    }
    Some((value.get(..7)?, value.get(8..)?.parse().ok()?))
}

/// Completes the ranges among `out` (in text order): adds an opening end written as a bare
/// number, dates an opening time by its closing one, and adds a closing bare day.
pub fn complete(c: &Ctx<'_, '_>, out: &mut Vec<Found>) {
    let mut k = 0;
    while k < out.len() {
        let floor = k.checked_sub(1).map_or(0, |p| out[p].end);
        let joiner = out[k]
            .first
            .checked_sub(1)
            .filter(|j| *j >= floor && is_joiner(c, *j));
        if let Some(j) = joiner {
            if k > 0 && out[k - 1].end == j {
                let (head, tail) = out.split_at_mut(k);
                if let (Some(a), Some(b)) = (head.last_mut(), tail.first_mut()) {
                    share_day(c, a, b);
                }
            } else if let Some(a) = j
                .checked_sub(1)
                .filter(|a| *a >= floor)
                .and_then(|a| bare_opening(c, a, j, &out[k]))
            {
                out.insert(k, a);
                k += 2;
                continue;
            }
        }
        if let Some(end) = bare_closing(c, &out[k]) {
            out.insert(k + 1, end);
            k += 1;
        }
        k += 1;
    }
}

/// "5 to 6pm", "between 5 and 6 in the afternoon", "between 3 and 12 of Sept": the bare
/// number at `a` before joiner `j` as the opening end of `b`.
fn bare_opening(c: &Ctx<'_, '_>, a: usize, j: usize, b: &Found) -> Option<Found> {
    // "and" joins a range only after "between".
    if c.is(j, "and") && !(a > 0 && c.is(a - 1, "between")) {
        return None;
    }
    let n = bare_number(c, a)?;
    let mut f = if b.typ == TimexType::Time {
        let (date, h, _) = split_time(&b.value)?;
        if !(1..=12).contains(&n) {
            return None;
        }
        let h0 = if h >= 12 && n < 12 && n + 12 <= h {
            n + 12
        } else {
            n
        };
        let time = Hms {
            h: h0,
            m: 0,
            s: None,
        }
        .show();
        Found::new(a, a + 1, format!("{date}{time}"), TimexType::Time)
    } else {
        let (month, d) = split_day(&b.value)?;
        if n == 0 || n >= d {
            return None;
        }
        Found::date(a, a + 1, format!("{month}-{n:02}"))
    };
    f.relative = b.relative;
    Some(f)
}

/// "3:00 to 4:00 tomorrow": an opening time dated by the anchor takes the closing time's
/// day when that one is written, and the other way round ("Thursday 19:00 - 21:00").
fn share_day(c: &Ctx<'_, '_>, a: &mut Found, b: &mut Found) {
    let (Some((da, _, _)), Some((db, _, _))) = (split_time(&a.value), split_time(&b.value)) else {
        return;
    };
    let (da, db) = (da.to_string(), db.to_string());
    let Some(anchor) = c.anchor.map(|d| d.format("%Y-%m-%d").to_string()) else {
        return;
    };
    if da == db {
        return;
    }
    if anchor == da && a.relative {
        a.value = format!("{db}{}", a.value.get(da.len()..).unwrap_or(""));
    } else if anchor == db && b.relative {
        b.value = format!("{da}{}", b.value.get(db.len()..).unwrap_or(""));
    }
}

/// "November 19-20", "Nov. 19 to 20": a bare closing day after a date.
fn bare_closing(c: &Ctx<'_, '_>, a: &Found) -> Option<Found> {
    let (month, d) = split_day(&a.value)?;
    let j = a.end;
    let glued_dash = c.is_punct(j, '-') && c.glued(j - 1) && c.glued(j);
    if !(glued_dash || c.is(j, "to")) {
        return None;
    }
    // "10/1 to 11/7": a number glued to more is a date of its own.
    let t = c
        .tok(j + 1)
        .filter(|t| t.kind == TokKind::Digits && t.text.len() <= 2 && !c.glued(j + 1))?;
    let n: u32 = t.text.parse().ok()?;
    // "Nov. 19 to 20 percent" or "to 20 people" is no day.
    let next_word = c
        .tok(j + 2)
        .is_some_and(|t| t.kind == TokKind::Word || t.is_punct('%'));
    if n <= d || n > 31 || next_word {
        return None;
    }
    chrono::NaiveDate::parse_from_str(&format!("{month}-{n:02}"), "%Y-%m-%d").ok()?;
    let mut f = Found::date(j + 1, j + 2, format!("{month}-{n:02}"));
    f.relative = a.relative;
    Some(f)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    fn found(text: &str) -> Vec<(String, String)> {
        crate::scan::scanned(text, NaiveDate::from_ymd_opt(2016, 11, 7))
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }

    #[test]
    fn opening_ends_borrow_from_closing_ends() {
        assert_eq!(
            found("out 5 to 6pm"),
            vec![
                pair("5", "2016-11-07T17:00"),
                pair("6pm", "2016-11-07T18:00")
            ]
        );
        assert_eq!(
            found("between 3 and 12 of Sept"),
            vec![pair("3", "2016-09-03"), pair("12 of Sept", "2016-09-12")]
        );
        assert_eq!(
            found("3:00 to 4:00 tomorrow")[0],
            pair("3:00", "2016-11-08T03:00")
        );
        assert_eq!(
            found("November 19-20"),
            vec![pair("November 19", "2016-11-19"), pair("20", "2016-11-20")]
        );
    }

    #[test]
    fn numbers_that_are_no_ends() {
        assert!(found("5 to 6 people").is_empty());
        assert_eq!(found("it rose 3 and 12 of Sept").len(), 1);
        assert_eq!(found("November 19 to 20 people").len(), 1);
        assert_eq!(found("November 19-20%").len(), 1);
        assert_eq!(found("from 10/1 to 11/7").len(), 2);
    }
}
