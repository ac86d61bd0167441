//! The left-to-right scan: at each token the longest expression any recognizer reads wins,
//! then modifiers and hedges written before it join its extent ("late on August 7",
//! "earlier this month", "about two years ago"), and the ends of ranges are completed.

use crate::absolute::absolute;
use crate::clock::{clock, clock_after_day, with_part_of_day};
use crate::context::{Ctx, Found};
use crate::durations::amount_of_time;
use crate::lexicon::part_of_day;
use crate::periods::period;
use crate::ranges;
use crate::relative::relative;
use chrono::NaiveDate;
use parallax_core::TimexType;
use parallax_figures::hedge;
use parallax_figures::lexer::{Tok, TokKind};

/// Every time expression in `toks`, in text order, not overlapping.
///
/// `lower` is the text the tokens index, ASCII-lowercased ([`str::to_ascii_lowercase`]).
pub fn scan(toks: &[Tok<'_>], lower: &str, anchor: Option<NaiveDate>) -> Vec<Found> {
    scan_from(toks, lower, anchor, None)
}

/// [`scan`] in a section where bare weekdays do not resolve before `floor` (an update, see
/// [`crate::sections`]).
pub fn scan_from(
    toks: &[Tok<'_>],
    lower: &str,
    anchor: Option<NaiveDate>,
    floor: Option<NaiveDate>,
) -> Vec<Found> {
    let c = Ctx {
        toks,
        lower,
        anchor,
        floor,
    };
    let mut out: Vec<Found> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !c.may_start(i) {
            i += 1;
            continue;
        }
        // Articles start an expression only before a word that can ("the 1990s", "a year ago").
        let article = toks[i].is("the") || toks[i].is("a") || toks[i].is("an");
        let follows = |j: usize| {
            c.may_start(j)
                || ["future", "near", "following", "final", "couple", "weekend"]
                    .iter()
                    .any(|w| c.is(j, w))
        };
        if article && !follows(i + 1) {
            i += 1;
            continue;
        }
        // On equal length the earlier recognizer in this list wins.
        let candidates = [
            clock(&c, i),
            amount_of_time(&c, i),
            absolute(&c, i),
            relative(&c, i),
            period(&c, i),
        ];
        let best = candidates
            .into_iter()
            .flatten()
            .fold(None::<Found>, |best, f| match best {
                Some(b) if b.end >= f.end => Some(b),
                _ => Some(f),
            });
        match best {
            Some(mut f) => {
                let floor = out.last().map_or(0, |l| l.end);
                extend_before(&c, &mut f, floor);
                join_clock_after(&c, &mut f);
                i = f.end.max(i + 1);
                out.push(f);
            }
            None => i += 1,
        }
    }
    ranges::complete(&c, &mut out);
    narrated_days(toks, &mut out);
    out
}

/// Tokens back a narration's day reaches: "On Sept. 14 … At 6:20 p.m., …, At 9:52 p.m.".
const NARRATION_REACH: usize = 400;

/// A time of day written without a day, in a narration of some other day ("at 4:20 p.m. on
/// Friday, Sept. 14, … At 6:20 p.m., the spokesman e-mailed …"), is on the day the narration
/// last set: a day written with a time of day, or opening its sentence ("On Sept. 15, …").
/// A date inside a clause ("suggested saying that on Sept. 10, the C.I.A. had …") sets none.
fn narrated_days(toks: &[Tok<'_>], out: &mut [Found]) {
    let opens_sentence = |first: usize| {
        let mut k = first;
        if k > 0 && toks.get(k - 1).is_some_and(|t| t.is("on") || t.is("by")) {
            k -= 1;
        }
        k == 0
            || toks
                .get(k - 1)
                .is_some_and(|t| t.is_punct('.') || t.is_punct('\n'))
    };
    let mut day: Option<(usize, String)> = None;
    for f in out.iter_mut() {
        if f.bare_clock {
            if let Some((_, d)) = day
                .as_ref()
                .filter(|(at, _)| f.first <= at + NARRATION_REACH)
            {
                if let Some(time) = f.value.get(10..) {
                    f.value = format!("{d}{time}");
                }
            }
            continue;
        }
        let named = f.value.len() >= 10
            && f.value.as_bytes().get(4) == Some(&b'-')
            && f.value.as_bytes().get(7) == Some(&b'-')
            && (f.typ == TimexType::Time || f.typ == TimexType::Date && opens_sentence(f.first));
        if named {
            day = f.value.get(..10).map(|d| (f.end, d.to_string()));
        }
    }
}

/// Joins modifiers ("early", "late on", "mid-", "earlier", "right now") and hedges ("about", "more than")
/// written right before `f`, never reaching back past token `floor`.
fn extend_before(c: &Ctx<'_, '_>, f: &mut Found, floor: usize) {
    let starts_with_amount = c.tok(f.first).is_some_and(|t| t.kind == TokKind::Digits)
        || c.w(f.first).is_some_and(|w| {
            parallax_figures::parse_number(w.as_str()).is_some() || w.as_str() == "a"
        });
    if matches!(f.typ, TimexType::Duration | TimexType::Time) || starts_with_amount {
        // "How about 2019" asks; it does not hedge.
        let asked = |h: usize| h > 0 && (c.is(h - 1, "how") || c.is(h - 1, "what"));
        if let Some((h, _)) =
            hedge::before(c.toks, f.first).filter(|(h, _)| *h >= floor && !asked(*h))
        {
            if starts_with_amount {
                f.first = h;
                return;
            }
        }
    }
    if f.typ != TimexType::Date && f.typ != TimexType::Time {
        return;
    }
    let Some(p) = f.first.checked_sub(1).filter(|p| *p >= floor) else {
        return;
    };
    let modifier = |k: usize| {
        ["early", "late", "mid", "earlier", "later"]
            .iter()
            .any(|w| c.is(k, w))
    };
    // "right now".
    if modifier(p) || (f.value == "PRESENT_REF" && c.is(p, "right")) {
        f.first = p;
        return;
    }
    // "the end of the year", "end of this month", "the beginning of March".
    let part =
        p > floor && c.is(p, "of") && ["end", "beginning", "start"].iter().any(|w| c.is(p - 1, w));
    if part && f.typ == TimexType::Date {
        f.first = if p - 1 > floor && c.is(p - 2, "the") {
            p - 2
        } else {
            p - 1
        };
        return;
    }
    // "mid-August", "late on August 7", "early in 2008".
    let joined = p > floor
        && ((c.is_punct(p, '-') && c.is(p - 1, "mid") && c.glued(p - 1))
            || ((c.is(p, "on") || c.is(p, "in"))
                && ["early", "late", "earlier", "later"]
                    .iter()
                    .any(|w| c.is(p - 1, w))));
    if joined {
        f.first = p - 1;
    }
}

/// "Friday at 3 p.m.", "tomorrow 8:00am", "tonight at 2am", "today around 7": a day
/// followed by its time of day becomes one TIME on that day; a part of day the day names
/// ("tonight", "Friday evening") places a bare hour in it.
fn join_clock_after(c: &Ctx<'_, '_>, f: &mut Found) {
    let (day, part) = match f.value.split_once('T') {
        Some((d, p))
            if f.typ == TimexType::Time
                && p.len() == 2
                && p.bytes().all(|b| b.is_ascii_uppercase()) =>
        {
            (d, Some(p))
        }
        Some(_) => return,
        None => (f.value.as_str(), None),
    };
    let is_day = day.len() == 10 && day.as_bytes().get(4) == Some(&b'-');
    if !is_day {
        return;
    }
    let joined = ["at", "around", "about", "@"]
        .iter()
        .any(|w| c.is(f.end, w) || c.is_punct(f.end, '@'));
    let at = if joined { f.end + 1 } else { f.end };
    let t = if joined || part.is_some() {
        clock_after_day(c, at)
    } else {
        clock(c, at)
    };
    let Some(t) = t else { return };
    let Some((_, time)) = t.value.split_once('T') else {
        return;
    };
    // "Sunday at 8:00 early morning": a part of the day written after the time.
    let mut end = t.end;
    let after = if c.is(end, "early") || c.is(end, "late") {
        end + 1
    } else {
        end
    };
    let part = part.or_else(|| {
        let p = c.w(after).and_then(|w| part_of_day(w.as_str()))?;
        end = after + 1;
        Some(p)
    });
    let time = match part.and_then(|p| Some((p, time.get(..2)?.parse::<u32>().ok()?))) {
        Some((p, h)) => match with_part_of_day(h, p) {
            Some(h) => format!("{h:02}{}", time.get(2..).unwrap_or("")),
            None => return,
        },
        None => time.to_string(),
    };
    f.value = format!("{day}T{time}");
    f.typ = TimexType::Time;
    f.end = end;
}

/// Test support: every expression [`scan`] finds in `text` read against `anchor`, as the text
/// it covers and its value.
#[cfg(test)]
pub(crate) fn scanned(text: &str, anchor: Option<NaiveDate>) -> Vec<(String, String)> {
    let toks = parallax_figures::lexer::tokenize(text);
    scan(&toks, &text.to_ascii_lowercase(), anchor)
        .into_iter()
        .filter_map(|f| {
            let span = toks.get(f.first)?.start..toks.get(f.end.checked_sub(1)?)?.end;
            Some((text.get(span)?.to_string(), f.value))
        })
        .collect()
}
