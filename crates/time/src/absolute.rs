//! Calendar dates written out: "7 August 2008", "Aug. 8", "August 7, 2008", ISO and slashed
//! dates, months ("in April"), years ("fiscal 1989", "1991-92"), decades ("the early 1990s")
//! and centuries ("the 20th century").
//!
//! A date without a year takes the anchor's year, as TimeML annotators do; the result is then
//! marked relative.

use crate::calendar::{ymd, Granularity};
use crate::context::{Ctx, Found};
use crate::day_of::{day_of, week_beginning};
use crate::glued::{glued_date, month_glued_day};
use crate::lexicon::{is_month_abbreviation, month, weekday};
use crate::tense::is_future;
use chrono::{Datelike, NaiveDate};
use parallax_figures::lexer::Tok;
use parallax_figures::lexer::TokKind;
use parallax_figures::number::{parse_at, NumberKind};

/// The longest absolute date starting at token `i`.
pub fn absolute(c: &Ctx<'_, '_>, i: usize) -> Option<Found> {
    // "Friday, Aug. 8": the weekday joins the date it introduces.
    if c.w(i).is_some_and(|w| weekday(w.as_str()).is_some()) {
        let at = if c.is_punct(i + 1, ',') { i + 2 } else { i + 1 };
        let wd = weekday(c.w(i)?.as_str())?;
        let date = month_first(c, at)
            .or_else(|| day_first(c, at))
            .or_else(|| iso(c, at))
            .or_else(|| month_day(c, at, true))
            .filter(|f| f.value.len() == 10)
            .or_else(|| nth_day(c, at, Some(wd)));
        if let Some(mut f) = date {
            f.first = i;
            return Some(f);
        }
    }
    let signal = i > 0
        && c.tok(i)
            .is_some_and(|t| t.kind == TokKind::Digits || t.is("the"))
        && c.w(i - 1).is_some_and(|w| {
            matches!(
                w.as_str(),
                "on" | "from" | "to" | "until" | "till" | "by" | "since" | "before" | "after"
            )
        });
    if signal {
        let dotted = c.is(i - 1, "on");
        if let Some(f) = month_day(c, i, dotted).or_else(|| nth_day(c, i, None)) {
            return Some(f);
        }
    }
    [
        month_first(c, i),
        day_first(c, i),
        iso(c, i),
        slashed(c, i),
        written_within(c, i),
        decade(c, i),
        century(c, i),
        year(c, i),
    ]
    .into_iter()
    .flatten()
    .max_by_key(|f| (f.end, std::cmp::Reverse(f.first)))
}

/// The rarer written forms, each tried only where its first token can open it: glued dates
/// ("2019/aug/01", "mar4"), days within a month ("the 15th day of June") and weeks from a day
/// ("the week beginning February 4", "w/c Feb 4").
/// The gates run inline; the recognizers themselves stay out of line, so that the hot scan
/// loop's code does not grow.
#[inline]
fn written_within(c: &Ctx<'_, '_>, i: usize) -> Option<Found> {
    let t: &Tok<'_> = c.tok(i)?;
    let separator_after = || {
        c.tok(i + 1)
            .is_some_and(|n| n.kind == TokKind::Punct && matches!(n.text, "/" | "-"))
    };
    match t.kind {
        TokKind::Mixed => month_glued_day(c, i),
        TokKind::Digits if separator_after() => glued_date(c, i),
        TokKind::DigitsAlpha => day_of(c, i),
        TokKind::Word if separator_after() => glued_date(c, i).or_else(|| week_beginning(c, i)),
        TokKind::Word => {
            let the = t.is("the");
            if the && c.is(i + 1, "week") {
                week_beginning(c, i)
            } else if ordinal_shaped(c, i + usize::from(the)) {
                day_of(c, i)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Month number at token `i` when it is a capitalized month name; "May" only where a date
/// context makes it one (not the modal verb).
fn month_at(c: &Ctx<'_, '_>, i: usize) -> Option<(u32, usize)> {
    let t = c.tok(i)?;
    let w = c.w(i)?;
    let m = month(w.as_str())?;
    // Lowercase only for full names that are no common word ("april", not "may", "march").
    let unambiguous = w.as_str().len() >= 4 && !matches!(w.as_str(), "march" | "sept");
    // "march 18th", "may twenty ninth": an ordinal day makes even these a month.
    let ordinal_after = || {
        parse_at(c.toks, i + 1).is_some_and(|n| n.kind == NumberKind::Ordinal)
            && day_at(c, i + 1, false).is_some()
    };
    if !t.is_capitalized() && !unambiguous && !ordinal_after() {
        return None;
    }
    let mut end = i + 1;
    if is_month_abbreviation(w.as_str()) && c.is_punct(end, '.') && c.glued(i) {
        end += 1;
    } else if w.as_str().len() == 3 && w.as_str() != "may" {
        // A bare three-letter abbreviation only with a day or year after it.
        let digit = |k: usize| {
            c.tok(k)
                .is_some_and(|t| matches!(t.kind, TokKind::Digits | TokKind::DigitsAlpha))
        };
        let separated = [',', '-', '/'].iter().any(|p| c.is_punct(end, *p)) && digit(end + 1);
        if !digit(end) && !separated {
            return None;
        }
    }
    if w.as_str() == "may" || w.as_str() == "march" {
        let next_digit =
            c.tok(end).is_some_and(|t| t.kind == TokKind::Digits) || day_at(c, end, true).is_some();
        let prev_date_word = i > 0
            && [
                "in", "of", "since", "until", "by", "early", "late", "mid", "last", "next", "this",
                "during", "before", "after", "from", "through", "to", "between", "and", "-",
            ]
            .iter()
            .any(|p| c.is(i - 1, p) || c.is_punct(i - 1, '-'));
        // "3 March", "12 May": a capitalized month after a day number.
        let after_day = t.is_capitalized()
            && i > 0
            && c.tok(i - 1).is_some_and(|p| {
                matches!(p.kind, TokKind::Digits | TokKind::DigitsAlpha) && p.text.len() <= 4
            });
        if !next_digit && !prev_date_word && !after_day {
            return None;
        }
    }
    Some((m, end))
}

/// A day of the month at token `i` and its end: "8", "8th", "eighteenth", "twenty second";
/// cardinal words ("twenty nine") only where `words` (right after a month name).
fn day_at(c: &Ctx<'_, '_>, i: usize, words: bool) -> Option<(u32, usize)> {
    let t = c.tok(i)?;
    // "2th", "21th": an ordinal suffix that does not agree with the number still marks a day.
    if t.kind == TokKind::DigitsAlpha {
        let digits = t.text.trim_end_matches(|ch: char| ch.is_ascii_alphabetic());
        let suffix = t.text.get(digits.len()..).unwrap_or("");
        let ordinal = ["st", "nd", "rd", "th"]
            .iter()
            .any(|s| suffix.eq_ignore_ascii_case(s));
        let d = digits.parse::<u32>().ok().filter(|_| digits.len() <= 2);
        return d
            .filter(|d| ordinal && (1..=31).contains(d))
            .map(|d| (d, i + 1));
    }
    let n = parse_at(c.toks, i)?;
    let (ok_kind, end) = match t.kind {
        TokKind::Digits => (n.kind == NumberKind::Cardinal && t.text.len() <= 2, i + 1),
        TokKind::DigitsAlpha => (n.kind == NumberKind::Ordinal, i + 1),
        // "twenty-second" is glued; a word day never runs into a hyphen after it.
        TokKind::Word => (
            (n.kind == NumberKind::Ordinal || words)
                && n.suffix.is_none()
                && !(c.is_punct(n.end, '-') && c.glued(n.end - 1)),
            n.end,
        ),
        _ => (false, i + 1),
    };
    let v = n.value?;
    (ok_kind && v.fract() == 0.0 && (1.0..=31.0).contains(&v)).then_some((v as u32, end))
}

/// A year after a day or month: "…, 2008", "… of 1995", "… in 2020"; the year and its end.
fn year_after(c: &Ctx<'_, '_>, k: usize) -> Option<(i32, usize)> {
    let sep = c.is_punct(k, ',') || c.is(k, "of") || c.is(k, "in");
    let at = k + usize::from(sep);
    year_at(c, at).map(|y| (y, at + 1))
}

/// A four-digit year at token `i`.
fn year_at(c: &Ctx<'_, '_>, i: usize) -> Option<i32> {
    let t = c.tok(i)?;
    if t.kind != TokKind::Digits || t.text.len() != 4 {
        return None;
    }
    t.text
        .parse::<i32>()
        .ok()
        .filter(|y| (1000..=2199).contains(y))
}

/// The full date, or the date in the anchor's year.
pub(crate) fn day_value(
    c: &Ctx<'_, '_>,
    first: usize,
    end: usize,
    y: Option<i32>,
    m: u32,
    d: u32,
) -> Option<Found> {
    match y {
        Some(y) => {
            NaiveDate::from_ymd_opt(y, m, d)?;
            Some(Found::date(first, end, ymd(y, m, d)))
        }
        None => c.relative(
            first,
            end,
            parallax_core::TimexType::Date,
            Granularity::Day,
            |a| {
                let future = is_future(c.toks, first);
                let y = year_near(a, m, future);
                // "Feb 29" in a common year: the nearest leap year the clause points to.
                let step = if future { 1 } else { -1 };
                let y = (0..8)
                    .map(|k| y + k * step)
                    .find(|y| NaiveDate::from_ymd_opt(*y, m, d).is_some())?;
                Some(ymd(y, m, d))
            },
        ),
    }
}

/// The year of month `m` written without one: the anchor's, unless that puts the month well
/// on the wrong side of the anchor for the clause's tense ("Nov. 25" reported in January is
/// last November; "in January" planned in November is next January). Two months of slack
/// keep near dates in the anchor's year either way.
/// The year of a bare month `m` at token `i`: [`year_near`] by the clause's tense, except
/// that a month later in the year than the anchor's, in a clause about an election ("is up
/// for re-election in November", "the November elections"), is this year's: news speaks of
/// the coming vote.
fn year_by_election(anchor: NaiveDate, m: u32, toks: &[Tok<'_>], i: usize) -> i32 {
    let ahead = m > anchor.month();
    let election = ahead && crate::tense::near_election(toks, i);
    if election {
        anchor.year()
    } else {
        year_near(anchor, m, is_future(toks, i))
    }
}

pub(crate) fn year_near(anchor: NaiveDate, m: u32, future: bool) -> i32 {
    let (y, am) = (anchor.year(), anchor.month() as i32);
    let m = m as i32;
    if !future && m > am + 2 {
        y - 1
    } else if future && m < am - 2 {
        y + 1
    } else {
        y
    }
}

/// "August 7, 2008", "Aug. 8", "August 2008", "April".
fn month_first(c: &Ctx<'_, '_>, i: usize) -> Option<Found> {
    let (m, after_month) = month_at(c, i)?;
    // "Dec, 2018", "Dec-2018", "Oct/2", "October, 1st".
    let glued_sep = (c.is_punct(after_month, '-') || c.is_punct(after_month, '/'))
        && c.glued(after_month - 1)
        && c.glued(after_month);
    let j = if c.is_punct(after_month, ',') || glued_sep {
        after_month + 1
    } else {
        after_month
    };
    // "June the 28th".
    let j = if c.is(j, "the") && ordinal_shaped(c, j + 1) {
        j + 1
    } else {
        j
    };
    if let Some((d, k)) = day_at(c, j, !c.is(j - 1, "the")) {
        return match year_after(c, k) {
            Some((y, end)) => day_value(c, i, end, Some(y), m, d),
            None => day_value(c, i, k, None, m, d),
        };
    }
    // "August 2008", "June of 1992"
    let y = year_at(c, j).map(|y| (y, j + 1)).or_else(|| {
        (c.is(after_month, "of") || c.is_punct(after_month, ','))
            .then(|| year_after(c, after_month))
            .flatten()
    });
    if let Some((y, end)) = y {
        return Some(Found::date(i, end, format!("{y:04}-{m:02}")));
    }
    let j = after_month;
    let end = if c.is_punct(j - 1, '.') { j - 1 } else { j };
    c.relative(
        i,
        end,
        parallax_core::TimexType::Date,
        Granularity::Month,
        |a| Some(format!("{:04}-{m:02}", year_by_election(a, m, c.toks, i))),
    )
}

/// "7 August 2008", "8th of August", "the 9th of May", "second of Aug", "26th June of 2020".
fn day_first(c: &Ctx<'_, '_>, i: usize) -> Option<Found> {
    let the = c.is(i, "the");
    let at = usize::from(the) + i;
    if the && !ordinal_shaped(c, at) {
        return None;
    }
    // The month follows within a few tokens ("27 December", "27th of Dec.", "27-Dec"): test
    // that before parsing the day, which most numbers and number words are not.
    if !(at + 1..at + 5).any(|k| c.w(k).is_some_and(|w| month(w.as_str()).is_some())) {
        return None;
    }
    // "$12 December 27": the number is an amount of money.
    if at > 0
        && c.tok(at - 1)
            .is_some_and(|p| p.kind == TokKind::Punct && ["$", "€", "£"].contains(&p.text))
    {
        return None;
    }
    let (d, after_day) = day_at(c, at, false)?;
    let hyphen = |k: usize| c.is_punct(k, '-') && c.glued(k - 1) && c.glued(k);
    let of = c.is(after_day, "of");
    // A worded day ("second") and "the" only with "of": "the second of May".
    let worded = c.tok(at).is_some_and(|t| t.kind == TokKind::Word);
    if (worded || the) && !of {
        return None;
    }
    let j = if of || hyphen(after_day) {
        after_day + 1
    } else {
        after_day
    };
    let (m, k) = month_at(c, j)?;
    let hyphen_year = hyphen(k) && year_at(c, k + 1).is_some();
    match year_after(c, k).or_else(|| {
        hyphen_year
            .then(|| year_at(c, k + 1).map(|y| (y, k + 2)))
            .flatten()
    }) {
        Some((y, end)) => day_value(c, i, end, Some(y), m, d),
        None => {
            let end = if c.is_punct(k - 1, '.') { k - 1 } else { k };
            day_value(c, i, end, None, m, d)
        }
    }
}

/// "7/6", "29/03", "7-6" and, after a weekday (`dotted`), "7.6": a month and day without a
/// year, month first unless the first number cannot be a month. Read only where a weekday or
/// a signal ("on", "from", "until") makes the numbers a date.
fn month_day(c: &Ctx<'_, '_>, i: usize, dotted: bool) -> Option<Found> {
    let t = c.tok(i).filter(|t| t.kind == TokKind::Digits)?;
    let (a, b, end) = match t.text.split_once('.') {
        Some((a, b)) if dotted && a.len() <= 2 && b.len() <= 2 => (a, b, i + 1),
        Some(_) => return None,
        None => {
            let sep =
                (c.is_punct(i + 1, '/') || c.is_punct(i + 1, '-')) && c.glued(i) && c.glued(i + 1);
            let n = c.tok(i + 2).filter(|n| sep && n.kind == TokKind::Digits)?;
            // "8/7/2008" is a full date, "10-15%" no date.
            let more = c.glued(i + 2)
                && c.tok(i + 3)
                    .is_some_and(|p| p.kind == TokKind::Punct && matches!(p.text, "/" | "-" | "%"));
            if t.text.len() > 2 || n.text.len() > 2 || more {
                return None;
            }
            (t.text, n.text, i + 3)
        }
    };
    let (a, b): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
    let (m, d) = if a > 12 && b <= 12 { (b, a) } else { (a, b) };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    day_value(c, i, end, None, m, d)
}

/// Whether token `k` looks like an ordinal ("9th", "first", "second", "twenty", "thirty")
/// before the number parser is asked: the cheap test after "the".
pub(crate) fn ordinal_shaped(c: &Ctx<'_, '_>, k: usize) -> bool {
    c.tok(k).is_some_and(|t| match t.kind {
        TokKind::DigitsAlpha => true,
        TokKind::Word => {
            let w = t.text.as_bytes();
            let tail = w.get(w.len().saturating_sub(2)..).unwrap_or(&[]);
            [b"th", b"st", b"nd", b"rd"]
                .iter()
                .any(|s| tail.eq_ignore_ascii_case(&s[..]))
                || t.is("twenty")
                || t.is("thirty")
        }
        _ => false,
    })
}

/// "the 18th", "the eleventh", and after a weekday "the 4th" of the month in which that
/// day falls on it: a day of the month near the anchor — the latest on or before it in
/// past reporting, the next on or after it for the future.
fn nth_day(c: &Ctx<'_, '_>, i: usize, wd: Option<u32>) -> Option<Found> {
    if !(c.is(i, "the") && ordinal_shaped(c, i + 1)) {
        return None;
    }
    let n = parse_at(c.toks, i + 1).filter(|n| n.kind == NumberKind::Ordinal)?;
    let (d, end) = day_at(c, i + 1, false)?;
    // "the 4th of July" is `day_first`'s; "the 58th army" no date.
    let word_after = c.tok(end).is_some_and(|t| {
        t.kind == TokKind::Word && !t.is("at") && !t.is("around") && !t.is("about")
    });
    if n.end != end || (word_after && crate::clock::clock(c, end).is_none()) {
        return None;
    }
    let future = is_future(c.toks, i);
    c.relative(
        i,
        end,
        parallax_core::TimexType::Date,
        Granularity::Day,
        |a| {
            let candidates = (-2..=2).filter_map(|k: i32| {
                let first = a.with_day(1)?;
                let first = if k < 0 {
                    first.checked_sub_months(chrono::Months::new(k.unsigned_abs()))?
                } else {
                    first.checked_add_months(chrono::Months::new(k as u32))?
                };
                NaiveDate::from_ymd_opt(first.year(), first.month(), d)
            });
            let date = match wd {
                Some(wd) => candidates
                    .filter(|x| x.weekday().number_from_monday() == wd)
                    .min_by_key(|x| (*x - a).num_days().abs())?,
                None if future => candidates.filter(|x| *x >= a).min()?,
                None => candidates.filter(|x| *x <= a).max()?,
            };
            Some(ymd(date.year(), date.month(), date.day()))
        },
    )
}

/// "2008-08-07", "2008-08".
fn iso(c: &Ctx<'_, '_>, i: usize) -> Option<Found> {
    let y = year_at(c, i)?;
    // Month and day in one or two digits: "2008-08-07", "2018-7-6", "2015-3".
    let two = |k: usize| {
        c.tok(k)
            .filter(|t| t.kind == TokKind::Digits && (1..=2).contains(&t.text.len()))
            .and_then(|t| t.text.parse::<u32>().ok())
    };
    if !(c.is_punct(i + 1, '-') && c.glued(i) && c.glued(i + 1)) {
        return None;
    }
    let m = two(i + 2).filter(|m| (1..=12).contains(m))?;
    if c.is_punct(i + 3, '-') && c.glued(i + 2) && c.glued(i + 3) {
        // The day may carry a time: "2008-08-07T10:00".
        let day = two(i + 4).or_else(|| {
            let t = c.tok(i + 4).filter(|t| t.kind == TokKind::Mixed)?;
            t.text
                .get(..2)?
                .parse::<u32>()
                .ok()
                .filter(|_| t.text.get(2..3) == Some("T"))
        });
        if let Some(d) = day {
            NaiveDate::from_ymd_opt(y, m, d)?;
            return Some(Found::date(i, i + 5, ymd(y, m, d)));
        }
    }
    Some(Found::date(i, i + 3, format!("{y:04}-{m:02}")))
}

/// "8/7/2008", "8/7/08" (month first, as US wire copy writes them).
fn slashed(c: &Ctx<'_, '_>, i: usize) -> Option<Found> {
    let num = |k: usize, max_len: usize| {
        c.tok(k)
            .filter(|t| t.kind == TokKind::Digits && t.text.len() <= max_len)
            .and_then(|t| t.text.parse::<u32>().ok())
    };
    let m = num(i, 2)?;
    let ok = (0..4).all(|k| c.glued(i + k)) && c.is_punct(i + 1, '/') && c.is_punct(i + 3, '/');
    if !ok {
        return None;
    }
    let d = num(i + 2, 2)?;
    let y_tok = c.tok(i + 4)?;
    let y = match (num(i + 4, 4)?, y_tok.text.len()) {
        (y, 4) => y as i32,
        (y, 2) if y < 50 => 2000 + y as i32,
        (y, 2) => 1900 + y as i32,
        _ => return None,
    };
    NaiveDate::from_ymd_opt(y, m, d)?;
    Some(Found::date(i, i + 5, ymd(y, m, d)))
}

/// "the 1990s", "the early 1990s", "the '90s", "the mid-1990s", "the nineties".
fn decade(c: &Ctx<'_, '_>, i: usize) -> Option<Found> {
    let mut j = if c.is(i, "the") { i + 1 } else { i };
    if ["early", "late", "mid"].iter().any(|w| c.is(j, w)) {
        j += 1;
        if c.is_punct(j, '-') {
            j += 1;
        }
    }
    let t = c.tok(j)?;
    let (prefix, end) = match t.kind {
        TokKind::DigitsAlpha if t.text.len() == 5 && t.text.ends_with(['s', 'S']) => {
            (t.text.get(..3)?.to_string(), j + 1)
        }
        // "1990's"
        TokKind::Digits
            if t.text.len() == 4 && c.is_punct(j + 1, '\'') && c.is(j + 2, "s") && c.glued(j) =>
        {
            (t.text.get(..3)?.to_string(), j + 3)
        }
        // "'90s": the twentieth century is meant.
        TokKind::Punct if (t.text == "'" || t.text == "’") && c.glued(j) => {
            let n = c
                .tok(j + 1)
                .filter(|n| n.kind == TokKind::DigitsAlpha && n.text.len() == 3)?;
            (format!("19{}", n.text.get(..1)?), j + 2)
        }
        TokKind::Word => {
            let w = c.w(j)?;
            let d = match w.as_str() {
                "twenties" => '2',
                "thirties" => '3',
                "forties" => '4',
                "fifties" => '5',
                "sixties" => '6',
                "seventies" => '7',
                "eighties" => '8',
                "nineties" => '9',
                _ => return None,
            };
            if j == i {
                return None;
            }
            (format!("19{d}"), j + 1)
        }
        _ => return None,
    };
    // "1990s" names a decade; "1995s" does not.
    let t = c.tok(j)?;
    let digits = matches!(t.kind, TokKind::Digits | TokKind::DigitsAlpha);
    if !prefix.ends_with(|ch: char| ch.is_ascii_digit())
        || (digits && t.text.get(3..4) != Some("0"))
    {
        return None;
    }
    Some(Found::date(i, end, format!("{prefix}X")))
}

/// "the 20th century", "the twentieth century".
fn century(c: &Ctx<'_, '_>, i: usize) -> Option<Found> {
    let j = if c.is(i, "the") { i + 1 } else { i };
    let n = parse_at(c.toks, j).filter(|n| n.kind == NumberKind::Ordinal)?;
    if !c.is(n.end, "century") {
        return None;
    }
    let v = n.value? as i64;
    if !(1..=30).contains(&v) {
        return None;
    }
    Some(Found::date(i, n.end + 1, format!("{:02}", v - 1)))
}

/// "2008", "fiscal 1989", and spans of years ("1991-92").
fn year(c: &Ctx<'_, '_>, i: usize) -> Option<Found> {
    let fiscal = c.is(i, "fiscal");
    let j = if fiscal { i + 1 } else { i };
    if let Some(y) = year_at(c, j) {
        let prev = j.checked_sub(1).and_then(|p| c.tok(p));
        if prev.is_some_and(|p| {
            p.kind == TokKind::Punct && ["$", "€", "£", "#", "+"].contains(&p.text)
        }) {
            return None;
        }
        let next = c.tok(j + 1);
        let unit_after = next.is_some_and(|n| {
            n.is_punct('%')
                || n.is("percent")
                || (n.kind == TokKind::Word
                    && !n.is_capitalized()
                    && n.text.ends_with('s')
                    && !prev.is_some_and(|p| {
                        ["in", "of", "since", "the", "by"].iter().any(|w| p.is(w))
                    }))
        });
        let clock = c.is_punct(j + 1, ':');
        if unit_after || clock || !(1800..=2100).contains(&y) {
            return None;
        }
        if let Some((last, end)) = year_range_end(c, j, y) {
            return Some(Found::date(i, end, format!("{y:04}/{last:04}")));
        }
        // "2017 April": a month after its year, with no day after it.
        if let Some((m, end)) = month_at(c, j + 1).filter(|_| !fiscal) {
            if !c.tok(end).is_some_and(|t| t.kind == TokKind::Digits) {
                return Some(Found::date(i, end, format!("{y:04}-{m:02}")));
            }
        }
        return Some(Found::date(i, j + 1, format!("{y:04}")));
    }
    None
}

/// "1991-92", "1991–1992": the closing year of a span of years whose first year `y` is at
/// token `j`, and the token after it. The value of the whole is the ISO 8601 interval
/// "1991/1992" at year granularity.
fn year_range_end(c: &Ctx<'_, '_>, j: usize, y: i32) -> Option<(i32, usize)> {
    let dash = c.is_punct(j + 1, '-') || c.is_punct(j + 1, '–');
    if !(dash && c.glued(j) && c.glued(j + 1)) {
        return None;
    }
    let t = c.tok(j + 2).filter(|t| t.kind == TokKind::Digits)?;
    let last = match t.text.len() {
        // "2008-05" is a month; "2008-09" and "1991-92" (the next year, or no month) spans.
        2 => {
            let yy = t.text.parse::<i32>().ok()?;
            if yy <= 12 && yy != (y + 1).rem_euclid(100) {
                return None;
            }
            y - y.rem_euclid(100) + yy
        }
        4 => t.text.parse::<i32>().ok()?,
        _ => return None,
    };
    // A further dash or slash makes it something else ("2008-09-01" is a date).
    let more = c.glued(j + 2) && (c.is_punct(j + 3, '-') || c.is_punct(j + 3, '/'));
    (last > y && last - y <= 30 && !more).then_some((last, j + 3))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at0(text: &str, anchor: Option<NaiveDate>) -> Option<(String, String)> {
        crate::context::found_at_start(text, anchor, absolute).map(|(s, f)| (s, f.value))
    }

    fn a() -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(2008, 8, 12)
    }

    #[test]
    fn full_dates() {
        assert_eq!(
            at0("7 August 2008 was", None),
            Some(("7 August 2008".into(), "2008-08-07".into()))
        );
        assert_eq!(
            at0("August 7, 2008, when", None),
            Some(("August 7, 2008".into(), "2008-08-07".into()))
        );
        assert_eq!(
            at0("Aug. 8 the", a()),
            Some(("Aug. 8".into(), "2008-08-08".into()))
        );
        assert_eq!(
            at0("2008-08-07T10", None),
            Some(("2008-08-07T10".into(), "2008-08-07".into()))
        );
        assert_eq!(
            at0("8/7/2008", None),
            Some(("8/7/2008".into(), "2008-08-07".into()))
        );
        assert_eq!(
            at0("Friday, Aug. 8, 2008", None),
            Some(("Friday, Aug. 8, 2008".into(), "2008-08-08".into()))
        );
    }

    #[test]
    fn partial_dates() {
        assert_eq!(at0("April", a()), Some(("April".into(), "2008-04".into())));
        assert_eq!(at0("April", None), Some(("April".into(), "XXXX-XX".into())));
        assert_eq!(
            at0("August 2008", None),
            Some(("August 2008".into(), "2008-08".into()))
        );
        assert_eq!(at0("May I", a()), None);
        assert_eq!(
            at0("fiscal 1989", None),
            Some(("fiscal 1989".into(), "1989".into()))
        );
        assert_eq!(
            at0("1991-92 season", None),
            Some(("1991-92".into(), "1991/1992".into()))
        );
        assert_eq!(
            at0("2004–2006 was", None),
            Some(("2004–2006".into(), "2004/2006".into()))
        );
        assert_eq!(
            at0("2008-08-07", None),
            Some(("2008-08-07".into(), "2008-08-07".into()))
        );
    }

    #[test]
    fn days_in_words_and_years_after() {
        assert_eq!(
            at0("February twenty second", a()).map(|f| f.1),
            Some("2008-02-22".into())
        );
        assert_eq!(
            at0("march eighteenth", a()).map(|f| f.1),
            Some("2008-03-18".into())
        );
        assert_eq!(
            at0("second of Aug.", a()),
            Some(("second of Aug".into(), "2008-08-02".into()))
        );
        assert_eq!(
            at0("the 09th of May", a()),
            Some(("the 09th of May".into(), "2008-05-09".into()))
        );
        assert_eq!(
            at0("july 4th of 1995", a()).map(|f| f.1),
            Some("1995-07-04".into())
        );
        assert_eq!(
            at0("June of 1992", a()).map(|f| f.1),
            Some("1992-06".into())
        );
        assert_eq!(at0("2015-3", None).map(|f| f.1), Some("2015-03".into()));
        assert_eq!(at0("second quarter", a()), None);
        assert_eq!(at0("march 20 miles", a()), None);
    }

    #[test]
    fn weekday_dates() {
        // 2008-08-12 was a Tuesday.
        assert_eq!(
            at0("Friday 8/15", a()),
            Some(("Friday 8/15".into(), "2008-08-15".into()))
        );
        assert_eq!(
            at0("Friday 15/08", a()).map(|f| f.1),
            Some("2008-08-15".into())
        );
        assert_eq!(
            at0("Tuesday the 8th", a()).map(|f| f.1),
            Some("2008-07-08".into())
        );
        assert_eq!(at0("8/15", a()), None);
    }

    #[test]
    fn leap_days_and_loose_ordinals() {
        let in_2017 = NaiveDate::from_ymd_opt(2017, 3, 22);
        assert_eq!(
            at0("Feb 29", in_2017).map(|f| f.1),
            Some("2016-02-29".into())
        );
        assert_eq!(at0("Feb 30", in_2017), None);
        assert_eq!(
            at0("Feb 2th 9:00", a()),
            Some(("Feb 2th".into(), "2008-02-02".into()))
        );
        assert_eq!(at0("May 21th", a()).map(|f| f.1), Some("2008-05-21".into()));
        assert_eq!(at0("May 21x", a()), None);
        assert_eq!(
            at0("june the 28th 2020", a()).map(|f| f.1),
            Some("2020-06-28".into())
        );
        assert_eq!(
            at0("2017 april.", a()),
            Some(("2017 april".into(), "2017-04".into()))
        );
    }

    #[test]
    fn decades_and_centuries() {
        assert_eq!(
            at0("the early 1990s", None),
            Some(("the early 1990s".into(), "199X".into()))
        );
        assert_eq!(
            at0("the '90s", None),
            Some(("the '90s".into(), "199X".into()))
        );
        assert_eq!(
            at0("the 20th century", None),
            Some(("the 20th century".into(), "19".into()))
        );
    }
}
