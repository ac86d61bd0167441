//! Times of day: "3 p.m.", "10:35 a.m.", "3pm", "noon", "5 p.m. EST Nov. 9".
//!
//! A time takes its date from a date written right after it, else from the anchor (or, in
//! a narration of another day, from that day: see [`crate::scan`]).

use crate::absolute::absolute;
use crate::context::{Ctx, Found};
use crate::lexicon::part_of_day;
use crate::relative::relative;
use parallax_core::TimexType;
use parallax_figures::lexer::TokKind;

/// A time of day starting at token `i`.
pub fn clock(c: &Ctx<'_, '_>, i: usize) -> Option<Found> {
    dated(c, i, time_of_day(c, i, false)?)
}

/// A time of day right after a day ("tomorrow at 7", "tonight around 3"): there a bare hour
/// is a time too.
pub fn clock_after_day(c: &Ctx<'_, '_>, i: usize) -> Option<Found> {
    dated(c, i, time_of_day(c, i, true)?)
}

/// A time read at `i`, with its time zone and the date written after it, else the anchor's.
fn dated(c: &Ctx<'_, '_>, i: usize, (time, end): (Hms, usize)) -> Option<Found> {
    let mut end = end;
    if c.tok(end).is_some_and(|t| {
        t.kind == TokKind::Word
            && [
                "EST", "EDT", "GMT", "UTC", "PST", "PDT", "CST", "CDT", "MSK", "BST", "CET",
            ]
            .contains(&t.text)
    }) {
        end += 1;
    }
    // "5 p.m. EST, Nov. 9", "10 p.m. Wednesday", "9am on Tuesday", "6pm of April 22": the
    // date written after the time.
    let date_at = if c.is_punct(end, ',') || c.is(end, "on") || c.is(end, "of") {
        end + 1
    } else {
        end
    };
    // "8am this morning": a part of the day names the day too.
    let date = absolute(c, date_at)
        .or_else(|| relative(c, date_at))
        .filter(|d| {
            d.first == date_at
                && (d.value.len() == 10
                    || (d.value.len() == 13 && d.value.get(10..11) == Some("T")))
        });
    if let Some(d) = date {
        let day = d.value.get(..10).unwrap_or("");
        // "five-thirty tomorrow evening": the part of the day places the hour.
        let mut time = time;
        if let Some(h) = d.value.get(11..).and_then(|p| with_part_of_day(time.h, p)) {
            time.h = h;
        }
        let mut f = Found::new(i, d.end, format!("{day}{}", time.show()), TimexType::Time);
        f.relative = d.relative;
        return Some(f);
    }
    let time = time.show();
    match c.anchor {
        Some(a) => {
            let mut f = Found::new(
                i,
                end,
                format!("{}{time}", a.format("%Y-%m-%d")),
                TimexType::Time,
            );
            f.relative = true;
            f.bare_clock = true;
            Some(f)
        }
        None => Some(Found::new(
            i,
            end,
            format!("XXXX-XX-XX{time}"),
            TimexType::Time,
        )),
    }
}

/// Hour, minute and second of a time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hms {
    pub h: u32,
    pub m: u32,
    pub s: Option<u32>,
}

impl Hms {
    /// The TIMEX3 time part: "T15:00", "T19:56:30".
    pub fn show(self) -> String {
        match self.s {
            Some(s) => format!("T{:02}:{:02}:{s:02}", self.h, self.m),
            None => format!("T{:02}:{:02}", self.h, self.m),
        }
    }
}

/// A time of day at `i` and its end token, with a part of day written after it ("seven in
/// the evening"). `bare` admits an hour without minutes, meridiem or "o'clock".
fn time_of_day(c: &Ctx<'_, '_>, i: usize, bare: bool) -> Option<(Hms, usize)> {
    let mut read = match numeric(c, i) {
        Some(r) if r.explicit => r,
        // "20 min past eight": the number is the minutes.
        n => in_words(c, i).or(n)?,
    };
    if read.pm.is_none() {
        if let Some((pm, e)) = meridiem(c, read.end) {
            read.pm = Some(pm);
            read.end = e;
            read.explicit = true;
        }
    }
    let Read {
        mut h,
        m,
        s,
        mut end,
        pm,
        explicit,
    } = read;
    // Cheap gate: a bare hour is a time only before "o'clock", "in the …" or "at night".
    let next = c.w(end);
    let marked = next
        .as_ref()
        .is_some_and(|w| matches!(w.as_str(), "o" | "oclock" | "in" | "at"));
    if !(explicit || bare || marked) {
        return None;
    }
    if c.is(end, "o") && c.is_punct(end + 1, '\'') && c.is(end + 2, "clock") {
        end += 3;
    } else if c.is(end, "oclock") {
        end += 1;
    }
    let oclock = end > read.end;
    // "seven in the evening", "3 in the morning", "ten at night".
    let part = if c.is(end, "in") && c.is(end + 1, "the") {
        c.w(end + 2)
            .and_then(|w| part_of_day(w.as_str()))
            .filter(|p| *p != "NI")
            .map(|p| (p, end + 3))
    } else if c.is(end, "at") && c.is(end + 1, "night") {
        Some(("NI", end + 2))
    } else {
        None
    };
    if let Some((p, e)) = part.filter(|_| pm.is_none()) {
        h = with_part_of_day(h, p)?;
        end = e;
    }
    let h = match pm {
        Some(_) if h == 0 || h > 12 => return None,
        Some(true) if h < 12 => h + 12,
        Some(false) if h == 12 => 0,
        _ => h,
    };
    if !(explicit || oclock || part.is_some() || bare) || h > 24 || m > 59 {
        return None;
    }
    Some((Hms { h, m, s }, end))
}

/// The hour a part of day makes of a clock hour: "seven in the evening" is 19:00.
pub fn with_part_of_day(h: u32, part: &str) -> Option<u32> {
    if h > 12 {
        return (part != "MO").then_some(h);
    }
    Some(match part {
        "AF" | "EV" if h < 12 => h + 12,
        "NI" if (6..12).contains(&h) => h + 12,
        "MO" | "NI" if h == 12 => 0,
        _ => h,
    })
}

/// What a numeric or worded time gives before its meridiem is applied.
#[derive(Debug, Clone, Copy)]
struct Read {
    h: u32,
    m: u32,
    s: Option<u32>,
    end: usize,
    pm: Option<bool>,
    /// Minutes, a meridiem or "-ish" mark it as a time on its own.
    explicit: bool,
}

/// "3 p.m.", "10:35", "3pm", "8:00am", "2.30pm", "7:56:30 pm", "1140 a.m.", "9.am",
/// "11ish", "12 noon", and "9a"/"9p" after "at".
fn numeric(c: &Ctx<'_, '_>, i: usize) -> Option<Read> {
    let t = c.tok(i)?;
    if !matches!(t.kind, TokKind::Digits | TokKind::DigitsAlpha) {
        return None;
    }
    let after_at = i > 0 && (c.is(i - 1, "at") || c.is_punct(i - 1, '@'));
    let two = |k: usize| {
        c.tok(k)
            .filter(|n| n.kind == TokKind::Digits && n.text.len() == 2)
            .and_then(|n| n.text.parse::<u32>().ok())
    };
    // Two digits glued to a meridiem: "00am", "30p".
    let two_suffixed = |k: usize| {
        let n = c.tok(k).filter(|n| n.kind == TokKind::DigitsAlpha)?;
        let (digits, suffix) = split_suffix(n.text);
        let v = digits.parse::<u32>().ok().filter(|_| digits.len() == 2)?;
        Some((v, suffix))
    };
    let glued_colon = |k: usize| c.is_punct(k, ':') && c.glued(k - 1) && c.glued(k);
    let r = match t.kind {
        // "6.45", "2.30": a dotted time, only after "at" or before a meridiem.
        TokKind::Digits if t.text.contains('.') => {
            let (h, mm) = t.text.split_once('.')?;
            if h.len() > 2 || mm.len() != 2 || !(after_at || meridiem(c, i + 1).is_some()) {
                return None;
            }
            Read {
                h: h.parse().ok()?,
                m: mm.parse().ok()?,
                s: None,
                end: i + 1,
                pm: None,
                explicit: true,
            }
        }
        // "1140 a.m."
        TokKind::Digits if (3..=4).contains(&t.text.len()) => {
            let n: u32 = t.text.parse().ok()?;
            meridiem(c, i + 1)?;
            Read {
                h: n / 100,
                m: n % 100,
                s: None,
                end: i + 1,
                pm: None,
                explicit: true,
            }
        }
        TokKind::Digits if t.text.len() <= 2 => {
            let h: u32 = t.text.parse().ok()?;
            let mut r = Read {
                h,
                m: 0,
                s: None,
                end: i + 1,
                pm: None,
                explicit: false,
            };
            if glued_colon(i + 1) {
                if let Some(m) = two(i + 2) {
                    r.m = m;
                    r.end = i + 3;
                    r.explicit = true;
                    if glued_colon(i + 3) {
                        if let Some(s) = two(i + 4) {
                            r.s = Some(s);
                            r.end = i + 5;
                        } else if let Some((s, suffix)) = two_suffixed(i + 4) {
                            let (pm, end) = suffix_meridiem(c, i + 4, &suffix, true)?;
                            r.s = Some(s);
                            r.pm = Some(pm);
                            r.end = end;
                        }
                    }
                } else if let Some((m, suffix)) = two_suffixed(i + 2) {
                    let (pm, end) = suffix_meridiem(c, i + 2, &suffix, true)?;
                    r.m = m;
                    r.pm = Some(pm);
                    r.end = end;
                    r.explicit = true;
                }
            } else if c.is_punct(i + 1, '.') && c.glued(i) && c.glued(i + 1) {
                // "9.am"
                if let Some(pm) = c.w(i + 2).and_then(|w| match w.as_str() {
                    "am" => Some(false),
                    "pm" => Some(true),
                    _ => None,
                }) {
                    r.pm = Some(pm);
                    r.end = i + 3;
                    r.explicit = true;
                }
            } else if c.is(i + 1, "noon") && h == 12 {
                r.end = i + 2;
                r.explicit = true;
            }
            r
        }
        TokKind::DigitsAlpha => {
            let (digits, suffix) = split_suffix(t.text);
            let (h, m, minutes) = match digits.split_once('.') {
                Some((h, mm)) if mm.len() == 2 && h.len() <= 2 => {
                    (h.parse().ok()?, mm.parse().ok()?, true)
                }
                Some(_) => return None,
                None if digits.len() <= 2 => (digits.parse().ok()?, 0, false),
                None => return None,
            };
            if suffix == "ish" {
                Read {
                    h,
                    m,
                    s: None,
                    end: i + 1,
                    pm: None,
                    explicit: true,
                }
            } else {
                let (pm, end) = suffix_meridiem(c, i, &suffix, minutes || after_at)?;
                Read {
                    h,
                    m,
                    s: None,
                    end,
                    pm: Some(pm),
                    explicit: true,
                }
            }
        }
        _ => return None,
    };
    // "6.45 percent" is no time.
    if c.is_punct(r.end, '%') || c.is(r.end, "percent") || c.is(r.end, "per") {
        return None;
    }
    Some(r)
}

/// "a.m.", "p.m", "am", "PM" at token `k`: whether it is afternoon, and the end token.
fn meridiem(c: &Ctx<'_, '_>, k: usize) -> Option<(bool, usize)> {
    let w = c.w(k)?;
    match w.as_str() {
        "am" => return Some((false, k + 1)),
        "pm" => return Some((true, k + 1)),
        "a" | "p" => {}
        _ => return None,
    }
    let pm = w.as_str() == "p";
    if !(c.is_punct(k + 1, '.') && c.is(k + 2, "m") && c.glued(k) && c.glued(k + 1)) {
        return None;
    }
    let end = if c.is_punct(k + 3, '.') && c.glued(k + 2) {
        k + 4
    } else {
        k + 3
    };
    Some((pm, end))
}

/// Digits and lowercase letters of a token like "8pm", "8.30pm", "11ish".
fn split_suffix(text: &str) -> (&str, String) {
    let digits = text.trim_end_matches(|ch: char| ch.is_ascii_alphabetic());
    let suffix = text.get(digits.len()..).unwrap_or("").to_ascii_lowercase();
    (digits, suffix)
}

/// The meridiem a token at `k` ends with ("pm", "a", and "p" + ".m." as in "8p.m."), and
/// the end token; a lone "a"/"p" only where `short_ok`.
fn suffix_meridiem(
    c: &Ctx<'_, '_>,
    k: usize,
    suffix: &str,
    short_ok: bool,
) -> Option<(bool, usize)> {
    match suffix {
        "am" => Some((false, k + 1)),
        "pm" => Some((true, k + 1)),
        "a" | "p" => {
            let pm = suffix == "p";
            if c.is_punct(k + 1, '.') && c.is(k + 2, "m") && c.glued(k) && c.glued(k + 1) {
                let end = if c.is_punct(k + 3, '.') && c.glued(k + 2) {
                    k + 4
                } else {
                    k + 3
                };
                Some((pm, end))
            } else {
                short_ok.then_some((pm, k + 1))
            }
        }
        _ => None,
    }
}

/// Clock hours and minutes in words.
fn small_number(w: &str) -> Option<u32> {
    Some(match w {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "fifteen" => 15,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        _ => return None,
    })
}

/// An hour 1–12 at `k`, in digits or words.
fn hour_at(c: &Ctx<'_, '_>, k: usize) -> Option<u32> {
    let t = c.tok(k)?;
    let h = match t.kind {
        TokKind::Digits if t.text.len() <= 2 => t.text.parse().ok()?,
        TokKind::Word => small_number(c.w(k)?.as_str())?,
        _ => return None,
    };
    (1..=12).contains(&h).then_some(h)
}

/// "noon", "midnight", "half past seven", "ten past 9", "20 min past eight", "quarter to
/// six", "five-thirty", "nine thirty", "six pm", "seven o'clock".
fn in_words(c: &Ctx<'_, '_>, i: usize) -> Option<Read> {
    let read = |h, m, end, explicit| Read {
        h,
        m,
        s: None,
        end,
        pm: None,
        explicit,
    };
    let t = c.tok(i)?;
    let w = c.w(i);
    let word = w.as_ref().map(|w| w.as_str());
    match word {
        Some("noon" | "midday" | "noonish") => return Some(read(12, 0, i + 1, true)),
        Some("midnight") => return Some(read(0, 0, i + 1, true)),
        Some("mid") if c.is(i + 1, "night") => return Some(read(0, 0, i + 2, true)),
        // Cheap gate: only a number or a fraction of an hour starts a worded time.
        Some("a") if !c.is(i + 1, "quarter") => return None,
        Some(w) if small_number(w).is_none() && !matches!(w, "half" | "quarter" | "a") => {
            return None
        }
        _ => {}
    }
    if word.is_none() && t.kind != TokKind::Digits {
        return None;
    }
    // Minutes before "past"/"to": "half", "a quarter", "ten", "20 min".
    let (mins, k) = match word {
        Some("half") => (Some(30), i + 1),
        Some("quarter") => (Some(15), i + 1),
        Some("a") if c.is(i + 1, "quarter") => (Some(15), i + 2),
        _ => {
            let n = match word {
                Some(w) => small_number(w),
                None if t.text.len() <= 2 => t.text.parse::<u32>().ok(),
                None => None,
            };
            let n = n.filter(|n| (1..60).contains(n));
            let k = if n.is_some()
                && ["min", "mins", "minute", "minutes"]
                    .iter()
                    .any(|w| c.is(i + 1, w))
            {
                i + 2
            } else {
                i + 1
            };
            (n, k)
        }
    };
    if let Some(m) = mins {
        let past = c.is(k, "past") || c.is(k, "after");
        // "to" only after a fraction or counted minutes: "two to four people" is no time.
        let to = c.is(k, "to") && (k > i + 1 || c.is(i, "half") || c.is(i, "quarter"));
        if past || to {
            if let Some(h) = hour_at(c, k + 1) {
                // "quarter to six" is 5:45.
                let (h, m) = if past {
                    (h, m)
                } else {
                    ((h + 10) % 12 + 1, 60 - m)
                };
                return Some(read(h, m, k + 2, true));
            }
        }
    }
    // A worded hour: "six pm", "five-thirty", "nine thirty", "seven o'clock".
    if t.kind != TokKind::Word {
        return None;
    }
    let h = hour_at(c, i)?;
    let k = if c.is_punct(i + 1, '-') && c.glued(i) && c.glued(i + 1) {
        i + 2
    } else {
        i + 1
    };
    let minute_word = c.w(k).and_then(|w| match w.as_str() {
        "fifteen" => Some(15),
        "thirty" => Some(30),
        "forty" if c.is(k + 1, "five") => Some(45),
        _ => None,
    });
    match minute_word {
        Some(45) => Some(read(h, 45, k + 2, true)),
        Some(m) => Some(read(h, m, k + 1, true)),
        None => Some(read(h, 0, i + 1, false)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at0(text: &str) -> Option<(String, String)> {
        crate::context::found_at_start(text, NaiveDate::from_ymd_opt(2008, 8, 12), clock)
            .map(|(s, f)| (s, f.value))
    }

    #[test]
    fn times_of_day() {
        assert_eq!(
            at0("3 p.m. local"),
            Some(("3 p.m.".into(), "2008-08-12T15:00".into()))
        );
        assert_eq!(
            at0("10:35 a.m."),
            Some(("10:35 a.m.".into(), "2008-08-12T10:35".into()))
        );
        assert_eq!(at0("3pm"), Some(("3pm".into(), "2008-08-12T15:00".into())));
        assert_eq!(
            at0("5 p.m. EST, Aug. 9").map(|f| f.1),
            Some("2008-08-09T17:00".into())
        );
        assert_eq!(at0("12 a.m.").map(|f| f.1), Some("2008-08-12T00:00".into()));
        assert_eq!(at0("15 people"), None);
    }

    #[test]
    fn written_variants() {
        let value = |text: &str| at0(text).map(|f| f.1);
        assert_eq!(value("8:00am"), Some("2008-08-12T08:00".into()));
        assert_eq!(value("8.30pm"), Some("2008-08-12T20:30".into()));
        assert_eq!(value("8p.m."), Some("2008-08-12T20:00".into()));
        assert_eq!(value("9.am"), Some("2008-08-12T09:00".into()));
        assert_eq!(value("7:56:30 pm"), Some("2008-08-12T19:56:30".into()));
        assert_eq!(value("8:00:31am"), Some("2008-08-12T08:00:31".into()));
        assert_eq!(value("1140 a.m."), Some("2008-08-12T11:40".into()));
        assert_eq!(value("11ish"), Some("2008-08-12T11:00".into()));
        assert_eq!(value("12 noon"), Some("2008-08-12T12:00".into()));
        assert_eq!(value("noonish"), Some("2008-08-12T12:00".into()));
        assert_eq!(value("6.45 percent"), None);
        assert_eq!(value("9a"), None);
        assert_eq!(value("1140 people"), None);
    }

    #[test]
    fn worded_times() {
        let value = |text: &str| at0(text).map(|f| f.1);
        assert_eq!(value("half past seven"), Some("2008-08-12T07:30".into()));
        assert_eq!(value("ten past 9"), Some("2008-08-12T09:10".into()));
        assert_eq!(value("quarter to six"), Some("2008-08-12T05:45".into()));
        assert_eq!(
            value("20 min past eight in the evening"),
            Some("2008-08-12T20:20".into())
        );
        assert_eq!(value("five-thirty"), Some("2008-08-12T05:30".into()));
        assert_eq!(value("six pm"), Some("2008-08-12T18:00".into()));
        assert_eq!(value("seven o'clock"), Some("2008-08-12T07:00".into()));
        assert_eq!(value("3 in the afternoon"), Some("2008-08-12T15:00".into()));
        assert_eq!(value("two to four people"), None);
        assert_eq!(value("seven people"), None);
        assert_eq!(value("mid night"), Some("2008-08-12T00:00".into()));
    }

    #[test]
    fn dates_after_times() {
        assert_eq!(
            at0("9am on Friday"),
            Some(("9am on Friday".into(), "2008-08-08T09:00".into()))
        );
        assert_eq!(
            at0("6pm of August 22").map(|f| f.1),
            Some("2008-08-22T18:00".into())
        );
        assert_eq!(
            at0("five-thirty tomorrow evening"),
            Some((
                "five-thirty tomorrow evening".into(),
                "2008-08-13T17:30".into()
            ))
        );
        assert_eq!(at0("9am on the bus").map(|f| f.0), Some("9am".into()));
    }
}
