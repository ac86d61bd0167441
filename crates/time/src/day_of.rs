//! Days and weeks named by their place in another date: "the 15th day of June", "the
//! thirty-first day of the month", "the week beginning February 4", "w/c Feb 4".

use crate::absolute::absolute;
use crate::context::{Ctx, Found};
use crate::relative::relative;
use chrono::NaiveDate;
use parallax_figures::lexer::TokKind;
use parallax_figures::number::{parse_at, NumberKind};

/// A month value ("2020-06", "XXXX-XX") at token `k` and its end: "June", "next month",
/// "the month" (the anchor's).
fn month_at(c: &Ctx<'_, '_>, k: usize) -> Option<(String, usize)> {
    if c.is(k, "the") && c.is(k + 1, "month") {
        let f = c.relative(
            k,
            k + 2,
            parallax_core::TimexType::Date,
            crate::calendar::Granularity::Month,
            |a| {
                Some(crate::calendar::show(
                    a,
                    crate::calendar::Granularity::Month,
                ))
            },
        )?;
        return Some((f.value, f.end));
    }
    let f = absolute(c, k)
        .or_else(|| relative(c, k))
        .filter(|f| f.first == k && f.value.len() == 7 && f.value.get(4..5) == Some("-"))?;
    Some((f.value, f.end))
}

/// "the 15th day of June", "the twenty-sixth day of the month", "the 1st day of next month".
#[inline(never)]
pub fn day_of(c: &Ctx<'_, '_>, i: usize) -> Option<Found> {
    let at = if c.is(i, "the") { i + 1 } else { i };
    // Cheap gate: an ordinal's first word, then "day" within the three tokens after it.
    if !crate::absolute::ordinal_shaped(c, at) || !(at + 1..=at + 3).any(|k| c.is(k, "day")) {
        return None;
    }
    let n = parse_at(c.toks, at).filter(|n| n.kind == NumberKind::Ordinal)?;
    if !(c.is(n.end, "day") && c.is(n.end + 1, "of")) {
        return None;
    }
    let d = n
        .value
        .filter(|v| v.fract() == 0.0 && (1.0..=31.0).contains(v))? as u32;
    let (month, end) = month_at(c, n.end + 2)?;
    let value = format!("{month}-{d:02}");
    if !month.contains('X') {
        NaiveDate::parse_from_str(&value, "%Y-%m-%d").ok()?;
    }
    let mut f = Found::date(i, end, value);
    f.relative = c.anchor.is_some();
    Some(f)
}

/// "the week beginning February 4", "the week starting on Monday 4 Feb", "w/c Feb 4": the
/// ISO week of that day.
#[inline(never)]
pub fn week_beginning(c: &Ctx<'_, '_>, i: usize) -> Option<Found> {
    let k = if c.is(i, "the") && c.is(i + 1, "week") {
        let verb = ["beginning", "starting", "commencing"]
            .iter()
            .any(|w| c.is(i + 2, w));
        if !verb {
            return None;
        }
        if c.is(i + 3, "on") {
            i + 4
        } else {
            i + 3
        }
    } else if c.is(i, "w")
        && c.is_punct(i + 1, '/')
        && c.is(i + 2, "c")
        && c.glued(i)
        && c.glued(i + 1)
    {
        i + 3
    } else {
        return None;
    };
    if c.tok(k).is_none_or(|t| t.kind == TokKind::Punct) {
        return None;
    }
    let day = absolute(c, k).filter(|f| f.first == k)?;
    let date = NaiveDate::parse_from_str(&day.value, "%Y-%m-%d").ok()?;
    let mut f = Found::date(
        i,
        day.end,
        crate::calendar::show(date, crate::calendar::Granularity::Week),
    );
    f.relative = day.relative;
    Some(f)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    fn found(text: &str) -> Vec<(String, String)> {
        crate::scan::scanned(text, NaiveDate::from_ymd_opt(2020, 7, 1))
    }

    fn one(a: &str, b: &str) -> Vec<(String, String)> {
        vec![(a.to_string(), b.to_string())]
    }

    #[test]
    fn days_of_a_month() {
        assert_eq!(
            found("before the twenty-sixth day of the month."),
            one("the twenty-sixth day of the month", "2020-07-26")
        );
        assert_eq!(
            found("after the 15th day of next month"),
            one("the 15th day of next month", "2020-08-15")
        );
        assert_eq!(
            found("We will come back after the 15th day of June"),
            one("the 15th day of June", "2020-06-15")
        );
        assert_eq!(found("the 31st day of June")[0].0, "June");
        assert_eq!(found("the first day of school").len(), 0);
    }

    #[test]
    fn weeks_beginning_on_a_day() {
        // 2020-02-03 was a Monday, in ISO week 6.
        assert_eq!(
            found("for the week beginning February 3"),
            one("the week beginning February 3", "2020-W06")
        );
        assert_eq!(
            found("the week starting on February 3"),
            one("the week starting on February 3", "2020-W06")
        );
        assert_eq!(found("for w/c Feb 3."), one("w/c Feb 3", "2020-W06"));
        assert_eq!(found("the week beginning").len(), 0);
    }
}
