//! Times of day: "3 p.m.", "10:35 a.m.", "3pm", "noon", "5 p.m. EST Nov. 9".
//!
//! A time takes its date from a date written right after it, else from the anchor.

use crate::absolute::absolute;
use crate::context::{Ctx, Found};
use crate::relative::relative;
use parallax_core::TimexType;
use parallax_figures::lexer::TokKind;

/// A time of day starting at token `i`.
pub fn clock(c: &Ctx<'_, '_>, i: usize) -> Option<Found> {
    let (h, m, end) = hour_minute(c, i)?;
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
    let time = format!("T{h:02}:{m:02}");
    // "5 p.m. EST, Nov. 9", "10 p.m. Wednesday": the date written after the time.
    let date_at = if c.is_punct(end, ',') { end + 1 } else { end };
    let date = absolute(c, date_at)
        .or_else(|| relative(c, date_at))
        .filter(|d| d.value.len() == 10 && d.first == date_at);
    if let Some(d) = date {
        let mut f = Found::new(i, d.end, format!("{}{time}", d.value), TimexType::Time);
        f.relative = d.relative;
        return Some(f);
    }
    match c.anchor {
        Some(a) => {
            let mut f = Found::new(
                i,
                end,
                format!("{}{time}", a.format("%Y-%m-%d")),
                TimexType::Time,
            );
            f.relative = true;
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

/// Hour (0–24), minute and end token of "3 p.m.", "10:35", "3pm", "noon".
fn hour_minute(c: &Ctx<'_, '_>, i: usize) -> Option<(u32, u32, usize)> {
    let t = c.tok(i)?;
    if t.kind == TokKind::Word {
        return match c.w(i)?.as_str() {
            "noon" | "midday" => Some((12, 0, i + 1)),
            "midnight" => Some((24, 0, i + 1)),
            _ => None,
        };
    }
    let (h, m, mut end, glued_meridiem, minutes) = match t.kind {
        // "6.45", "2.30pm": a dotted time, only after "at" or before a meridiem.
        TokKind::Digits if t.text.len() >= 4 && t.text.contains('.') => {
            let (h, mm) = t.text.split_once('.')?;
            let at = i > 0 && c.is(i - 1, "at");
            if h.len() > 2
                || mm.len() != 2
                || !(at || meridiem(c, i + 1).is_some())
                || c.is_punct(i + 1, '%')
            {
                return None;
            }
            (h.parse().ok()?, mm.parse().ok()?, i + 1, None, true)
        }
        TokKind::Digits if t.text.len() <= 2 => {
            let h: u32 = t.text.parse().ok()?;
            let minute = c.is_punct(i + 1, ':') && c.glued(i) && c.glued(i + 1);
            let mm = c
                .tok(i + 2)
                .filter(|n| minute && n.kind == TokKind::Digits && n.text.len() == 2);
            match mm {
                Some(n) => (h, n.text.parse().ok()?, i + 3, None, true),
                None => (h, 0, i + 1, None, false),
            }
        }
        TokKind::DigitsAlpha => {
            let digits = t.text.trim_end_matches(|ch: char| ch.is_ascii_alphabetic());
            let suffix = t.text.get(digits.len()..)?.to_ascii_lowercase();
            let pm = match suffix.as_str() {
                "am" => false,
                "pm" => true,
                _ => return None,
            };
            (digits.parse().ok()?, 0, i + 1, Some(pm), false)
        }
        _ => return None,
    };
    if h > 24 || m > 59 {
        return None;
    }
    let pm = match glued_meridiem {
        Some(pm) => Some(pm),
        None => meridiem(c, end).map(|(pm, e)| {
            end = e;
            pm
        }),
    };
    let h = match pm {
        Some(_) if h == 0 || h > 12 => return None,
        Some(true) if h < 12 => h + 12,
        Some(false) if h == 12 => 0,
        Some(_) => h,
        // A bare number is a time only with minutes ("10:35").
        None if minutes => h,
        None => return None,
    };
    Some((h, m, end))
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

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use parallax_figures::lexer::tokenize;

    fn at0(text: &str) -> Option<(String, String)> {
        let toks = tokenize(text);
        let c = Ctx {
            toks: &toks,
            anchor: NaiveDate::from_ymd_opt(2008, 8, 12),
        };
        clock(&c, 0).map(|f| {
            (
                text[toks[f.first].start..toks[f.end - 1].end].to_string(),
                f.value,
            )
        })
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
}
