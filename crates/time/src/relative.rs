//! Expressions that only mean something against the anchor date: "yesterday", "Friday",
//! "last week", "this year", "next April", "the third quarter", "overnight", "now".
//!
//! Weekdays and months without a direction word resolve backwards (on or before the anchor)
//! in past-tense reporting and forwards when the clause speaks of the future ("will", "next").

use crate::calendar::{
    month_year, quarter, season_of, season_rank, shift, show, weekday_near, Granularity,
};
use crate::context::{Ctx, Found};
use crate::lexicon::{month, part_of_day, season, unit, weekday_full, Unit};
use crate::tense::is_future;
use chrono::{Datelike, NaiveDate};
use parallax_core::TimexType;
use parallax_figures::lexer::TokKind;

/// The longest anchor-relative expression starting at token `i`.
pub fn relative(c: &Ctx<'_, '_>, i: usize) -> Option<Found> {
    // Cheap gate: every one of them starts with one of these words.
    let w = c.w(i)?;
    let w = w.as_str();
    // A bare part of the day opens one only after "early", "late" or "mid".
    let modified_part = || {
        i > 0
            && c.w(i - 1)
                .is_some_and(|p| matches!(p.as_str(), "early" | "late" | "mid"))
            && part_of_day(w).is_some()
    };
    let opens = matches!(
        w,
        "today"
            | "yesterday"
            | "tomorrow"
            | "tonight"
            | "tonite"
            | "overnight"
            | "this"
            | "last"
            | "next"
            | "past"
            | "coming"
            | "previous"
            | "current"
            | "following"
            | "the"
            | "now"
            | "currently"
            | "recently"
            | "lately"
            | "first"
            | "second"
            | "third"
            | "fourth"
            | "christmas"
            | "independence"
            | "juneteenth"
            | "halloween"
            | "end"
            | "eod"
            | "eom"
            | "eoy"
    ) || weekday_full(w).is_some()
        || modified_part();
    if !opens {
        return None;
    }
    [
        deictic_day(c, i),
        weekday_expr(c, i),
        shifted(c, i),
        quarter_expr(c, i),
        weekend(c, i),
        reference(c, i),
        part_of_today(c, i),
        the_unit(c, i),
        holiday_expr(c, i),
        week_day(c, i),
        // Gate inline, recognizer out of line: "end", "EOD", "the end", "the EOY".
        (matches!(w, "end" | "eod" | "eom" | "eoy")
            || (w == "the" && c.tok(i + 1).is_some_and(|t| t.text.len() == 3)))
        .then(|| crate::ends::period_end(c, i))
        .flatten(),
    ]
    .into_iter()
    .flatten()
    .max_by_key(|f| f.end)
}

/// Appends a part of day ("morning", "early morning", "in the morning") after a day
/// expression: the value becomes a TIME.
#[inline(never)]
fn with_part_of_day(c: &Ctx<'_, '_>, mut f: Found) -> Found {
    let k = f.end;
    let at = if c.is(k, "early") || c.is(k, "late") {
        k + 1
    } else if c.is(k, "in") && c.is(k + 1, "the") {
        k + 2
    } else {
        k
    };
    let part = c.w(at).and_then(|w| part_of_day(w.as_str()));
    if let Some(code) = part {
        if f.value.len() == 10 {
            f.value = format!("{}T{code}", f.value);
            f.typ = TimexType::Time;
        }
        f.end = at + 1;
    }
    f
}

/// "today", "yesterday", "tomorrow", "tonight", "this morning", "last night", "overnight".
fn deictic_day(c: &Ctx<'_, '_>, i: usize) -> Option<Found> {
    let w = c.w(i)?;
    let day = |offset: i64| {
        move |a: NaiveDate| shift(a, Unit::Day, offset).map(|d| show(d, Granularity::Day))
    };
    let (end, offset, part) = match w.as_str() {
        "today" => (i + 1, 0, None),
        "yesterday" => (i + 1, -1, None),
        "tomorrow" => (i + 1, 1, None),
        "tonight" | "tonite" => (i + 1, 0, Some("NI")),
        "overnight" => (i + 1, -1, Some("NI")),
        "this" => {
            let p = c.w(i + 1).and_then(|w| part_of_day(w.as_str()))?;
            (i + 2, 0, Some(p))
        }
        "last" if c.is(i + 1, "night") => (i + 2, -1, Some("NI")),
        _ => return None,
    };
    let f = c.relative(i, end, TimexType::Date, Granularity::Day, day(offset))?;
    Some(match part {
        Some(code) => {
            let mut f = f;
            if f.value.len() == 10 {
                f.value = format!("{}T{code}", f.value);
            }
            f.typ = TimexType::Time;
            f
        }
        None => with_part_of_day(c, f),
    })
}

/// "Friday", "on Saturday", "last Friday", "next Monday", "Friday night".
fn weekday_expr(c: &Ctx<'_, '_>, i: usize) -> Option<Found> {
    let (j, direction) = match c.w(i)?.as_str() {
        "last" | "past" => (i + 1, Some(false)),
        "next" | "coming" => (i + 1, Some(true)),
        "this" => (i + 1, None),
        _ => (i, None),
    };
    // Full names in any case ("monday"); abbreviations only capitalized and before a day
    // of the month, which `absolute` reads.
    let wd = weekday_full(c.w(j)?.as_str())?;
    // Without a direction word the clause's tense decides; "last"/"next" exclude the anchor.
    let forward = direction.unwrap_or_else(|| is_future(c.toks, i));
    let strict = direction.is_some();
    let moved = std::cell::Cell::new(false);
    let mut f = c.relative(i, j + 1, TimexType::Date, Granularity::Day, |a| {
        let start = if strict {
            shift(a, Unit::Day, if forward { 1 } else { -1 })?
        } else {
            a
        };
        let day = weekday_near(start, wd, forward)?;
        // In an update, "on Saturday" is not the Saturday before the article.
        let day = match c.floor {
            Some(floor) if !strict && day < floor => {
                moved.set(true);
                weekday_near(floor, wd, true)?
            }
            _ => day,
        };
        Some(show(day, Granularity::Day))
    })?;
    f.uncertain = moved.get();
    Some(with_part_of_day(c, f))
}

/// "last week", "past quarter", "this year", "next month", "last weekend", "next April",
/// "last fall", "this century".
fn shifted(c: &Ctx<'_, '_>, i: usize) -> Option<Found> {
    let dir: i64 = match c.w(i)?.as_str() {
        "last" | "previous" | "past" => -1,
        "this" | "current" => 0,
        "next" | "coming" => 1,
        _ => return None,
    };
    let w = c.w(i + 1)?;
    let end = i + 2;
    if let Some((u, false)) = unit(w.as_str()) {
        let g = Granularity::of_unit(u);
        if matches!(u, Unit::Second | Unit::Minute | Unit::Hour | Unit::Day) {
            return None;
        }
        return c.relative(i, end, TimexType::Date, g, |a| {
            shift(a, u, dir).map(|d| show(d, g))
        });
    }
    if w.as_str() == "weekend" {
        return c.relative(i, end, TimexType::Date, Granularity::Week, |a| {
            shift(a, Unit::Week, dir).map(|d| format!("{}-WE", show(d, Granularity::Week)))
        });
    }
    if let Some(m) = month(w.as_str()).filter(|_| c.tok(i + 1).is_some_and(|t| t.is_capitalized()))
    {
        return c.relative(i, end, TimexType::Date, Granularity::Month, |a| {
            let y = if dir == 0 {
                a.year()
            } else {
                month_year(a, m, dir > 0, true)
            };
            Some(format!("{y:04}-{m:02}"))
        });
    }
    if let Some(code) = season(w.as_str()) {
        return c.relative(i, end, TimexType::Date, Granularity::Year, |a| {
            let (current, year) = season_of(a);
            let rank = season_rank(code);
            let y = match dir {
                0 => year,
                d if d < 0 => {
                    if rank < season_rank(current) {
                        year
                    } else {
                        year - 1
                    }
                }
                _ => {
                    if rank > season_rank(current) {
                        year
                    } else {
                        year + 1
                    }
                }
            };
            Some(format!("{y:04}-{code}"))
        });
    }
    None
}

/// "the third quarter", "third-quarter", "the first half": the quarter of the anchor's year,
/// or of the year before when that quarter has not begun yet.
fn quarter_expr(c: &Ctx<'_, '_>, i: usize) -> Option<Found> {
    let j = if c.is(i, "the") { i + 1 } else { i };
    let q = match c.w(j)?.as_str() {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        _ => return None,
    };
    let k = if c.is_punct(j + 1, '-') { j + 2 } else { j + 1 };
    if !c.is(k, "quarter") {
        return None;
    }
    c.relative(
        i,
        k + 1,
        TimexType::Date,
        Granularity::Quarter,
        |a: NaiveDate| {
            let y = if q > quarter(a) {
                a.year() - 1
            } else {
                a.year()
            };
            Some(format!("{y:04}-Q{q}"))
        },
    )
}

/// "the weekend": the latest weekend on or before the anchor in past reporting, the next one
/// on or after it when the clause speaks of the future.
fn weekend(c: &Ctx<'_, '_>, i: usize) -> Option<Found> {
    if !(c.is(i, "the") && c.is(i + 1, "weekend")) {
        return None;
    }
    let forward = is_future(c.toks, i);
    c.relative(i, i + 2, TimexType::Date, Granularity::Week, |a| {
        let saturday = weekday_near(a, 6, forward)?;
        let day = if !forward && a.weekday() == chrono::Weekday::Sun {
            a
        } else {
            saturday
        };
        Some(format!("{}-WE", show(day, Granularity::Week)))
    })
}

/// "the morning", "early morning", "late afternoon": a part of the anchor's day. A bare part
/// of day only after "early", "late" or "mid" ("the morning" is one anyway).
fn part_of_today(c: &Ctx<'_, '_>, i: usize) -> Option<Found> {
    let the = c.is(i, "the");
    let j = if the { i + 1 } else { i };
    let code = part_of_day(c.w(j)?.as_str())?;
    let modified = i > 0 && ["early", "late", "mid"].iter().any(|w| c.is(i - 1, w));
    if !(the || modified) {
        return None;
    }
    let mut f = c.relative(i, j + 1, TimexType::Time, Granularity::Day, |a| {
        Some(show(a, Granularity::Day))
    })?;
    if f.value.len() == 10 {
        f.value = format!("{}T{code}", f.value);
    }
    Some(f)
}

/// "the day", "the week", "the month", "the year": the anchor's; "the day before", "the
/// day after" (at the end of a clause) the days around it.
fn the_unit(c: &Ctx<'_, '_>, i: usize) -> Option<Found> {
    if !c.is(i, "the") {
        return None;
    }
    let (u, false) = unit(c.w(i + 1)?.as_str())? else {
        return None;
    };
    if !matches!(u, Unit::Day | Unit::Week | Unit::Month | Unit::Year) {
        return None;
    }
    let g = Granularity::of_unit(u);
    let clause_end = |k: usize| c.tok(k).is_none_or(|t| t.kind == TokKind::Punct);
    if u == Unit::Day && (c.is(i + 2, "before") || c.is(i + 2, "after")) && clause_end(i + 3) {
        let step = if c.is(i + 2, "before") { -1 } else { 1 };
        return c.relative(i, i + 3, TimexType::Date, g, |a| {
            shift(a, Unit::Day, step).map(|d| show(d, g))
        });
    }
    // Only closing a clause ("partner of the year."): "the year of the dragon", "the day
    // the son left" name some other one.
    if !clause_end(i + 2) {
        return None;
    }
    c.relative(i, i + 2, TimexType::Date, g, |a| Some(show(a, g)))
}

/// "Christmas", "Christmas Eve", "Independence Day": the holiday's date in the year the
/// clause's tense points to.
fn holiday_expr(c: &Ctx<'_, '_>, i: usize) -> Option<Found> {
    let first = c.w(i)?;
    if !matches!(
        first.as_str(),
        "christmas" | "independence" | "juneteenth" | "halloween"
    ) {
        return None;
    }
    let next = c.w(i + 1);
    let (m, d, len) = crate::lexicon::holiday(c.w(i)?.as_str(), next.as_ref().map(|w| w.as_str()))?;
    let future = is_future(c.toks, i);
    c.relative(i, i + len, TimexType::Date, Granularity::Day, |a| {
        let y = crate::absolute::year_near(a, m, future);
        NaiveDate::from_ymd_opt(y, m, d).map(|x| show(x, Granularity::Day))
    })
}

/// "next week Wednesday", "this week Monday", "Tuesday of next week", "Monday of the
/// following week": a weekday in a named week.
fn week_day(c: &Ctx<'_, '_>, i: usize) -> Option<Found> {
    // Cheap gate: a weekday, or a word that names a week before "week".
    let w = c.w(i)?;
    let starts = weekday_full(w.as_str()).is_some()
        || (matches!(
            w.as_str(),
            "next" | "this" | "last" | "previous" | "coming" | "current" | "the" | "following"
        ) && (c.is(i + 1, "week") || c.is(i + 2, "week")));
    if !starts {
        return None;
    }
    let week = |k: usize| {
        shifted(c, k)
            .or_else(|| crate::durations::amount_of_time(c, k))
            .filter(|f| f.value.len() == 8 && f.value.get(4..6) == Some("-W"))
    };
    let day_of = |value: &str, wd: u32| {
        let y: i32 = value.get(..4)?.parse().ok()?;
        let w: u32 = value.get(6..)?.parse().ok()?;
        let day = NaiveDate::from_isoywd_opt(y, w, weekday_of_number(wd))?;
        Some(show(day, Granularity::Day))
    };
    // "Tuesday of next week"
    if let Some(wd) = c.w(i).and_then(|w| weekday_full(w.as_str())) {
        if c.is(i + 1, "of") {
            let w = week(i + 2)?;
            let mut f = Found::date(i, w.end, day_of(&w.value, wd)?);
            f.relative = true;
            return Some(f);
        }
        return None;
    }
    // "next week Wednesday", "previous week - Monday"
    let w = week(i)?;
    let k = if c.is_punct(w.end, '-') {
        w.end + 1
    } else {
        w.end
    };
    let wd = weekday_full(c.w(k)?.as_str())?;
    let mut f = Found::date(i, k + 1, day_of(&w.value, wd)?);
    f.relative = true;
    Some(f)
}

fn weekday_of_number(n: u32) -> chrono::Weekday {
    chrono::Weekday::try_from((n.clamp(1, 7) - 1) as u8).unwrap_or(chrono::Weekday::Mon)
}

/// "now", "currently", "recently", "the past", "the future".
fn reference(c: &Ctx<'_, '_>, i: usize) -> Option<Found> {
    let w = c.w(i)?;
    let (end, value) = match w.as_str() {
        "now" if !c.is(i + 1, "that") => (i + 1, "PRESENT_REF"),
        "currently" => (i + 1, "PRESENT_REF"),
        "recently" | "lately" => (i + 1, "PAST_REF"),
        "the"
            if c.is(i + 1, "past")
                && !c
                    .tok(i + 2)
                    .is_some_and(|t| t.kind != parallax_figures::lexer::TokKind::Punct) =>
        {
            (i + 2, "PAST_REF")
        }
        "the" if c.is(i + 1, "future") => (i + 2, "FUTURE_REF"),
        "the" if c.is(i + 1, "near") && c.is(i + 2, "future") => (i + 3, "FUTURE_REF"),
        _ => return None,
    };
    Some(Found::date(i, end, value.to_string()))
}
