//! Numbered parts of a year: weeks ("week 31", "the first week of 2019"), quarters ("Q3
//! 2019", "2019-Q1", "the 1st quarter of 2013") and halves ("2019 H2").
//!
//! A number without a year takes the anchor's year; without an anchor the year is unknown
//! (`XXXX-W31`).

use crate::context::{Ctx, Found};
use chrono::{Datelike, NaiveDate, Weekday};
use parallax_figures::lexer::TokKind;
use parallax_figures::number::{parse_at, NumberKind};

/// The longest numbered period starting at token `i`.
pub fn period(c: &Ctx<'_, '_>, i: usize) -> Option<Found> {
    // Cheap gate: a number, "Q3", or a word that can open one ("the", "week", "last",
    // ordinals such as "first").
    let t = c.tok(i)?;
    let before_part = |k: usize| c.is(k, "week") || c.is(k, "quarter") || c.is(k, "half");
    let opens = match t.kind {
        TokKind::Digits => t.text.len() == 4,
        TokKind::Mixed => t.text.len() == 2,
        TokKind::DigitsAlpha => before_part(i + 1),
        TokKind::Word => {
            c.tok(i + 1).is_some_and(|t| matches!(t.text.len(), 4 | 7))
                && c.w(i + 1)
                    .is_some_and(|w| matches!(w.as_str(), "week" | "quarter" | "half"))
                || c.is(i, "week")
                || (c.is(i, "the") && before_part(i + 2))
        }
        _ => false,
    };
    if !opens {
        return None;
    }
    [
        numbered_week(c, i),
        week_of_year(c, i),
        quarter_or_half(c, i),
    ]
    .into_iter()
    .flatten()
    .max_by_key(|f| f.end)
}

/// A four-digit year at `k`.
fn year_at(c: &Ctx<'_, '_>, k: usize) -> Option<i32> {
    let t = c
        .tok(k)
        .filter(|t| t.kind == TokKind::Digits && t.text.len() == 4)?;
    t.text.parse().ok().filter(|y| (1000..=2199).contains(y))
}

/// `value` in year `y`, or the anchor's year when none is written.
fn in_year(
    c: &Ctx<'_, '_>,
    first: usize,
    end: usize,
    y: Option<i32>,
    show: impl Fn(i32) -> String,
) -> Option<Found> {
    match y {
        Some(y) => Some(Found::date(first, end, show(y))),
        None => {
            let mut f = match c.anchor {
                Some(a) => Found::date(first, end, show(a.year())),
                None => Found::date(first, end, show(0).replacen("0000", "XXXX", 1)),
            };
            f.relative = c.anchor.is_some();
            Some(f)
        }
    }
}

/// "week 31", "the week 1": the ISO week of the anchor's year.
fn numbered_week(c: &Ctx<'_, '_>, i: usize) -> Option<Found> {
    let j = if c.is(i, "the") { i + 1 } else { i };
    if !c.is(j, "week") {
        return None;
    }
    let t = c
        .tok(j + 1)
        .filter(|t| t.kind == TokKind::Digits && t.text.len() <= 2)?;
    let w: u32 = t.text.parse().ok().filter(|w| (1..=53).contains(w))?;
    // "the week 1" is read from "week": the article stays a determiner.
    in_year(c, j, j + 2, None, |y| format!("{y:04}-W{w:02}"))
}

/// "the first week of 2019", "last week of 2019".
fn week_of_year(c: &Ctx<'_, '_>, i: usize) -> Option<Found> {
    let j = if c.is(i, "the") { i + 1 } else { i };
    if !(c.is(j + 1, "week") && c.is(j + 2, "of")) {
        return None;
    }
    let last = c.is(j, "last");
    let n = if last {
        None
    } else {
        let n = parse_at(c.toks, j).filter(|n| n.kind == NumberKind::Ordinal && n.end == j + 1)?;
        Some(n.value? as u32).filter(|n| (1..=53).contains(n))
    };
    if !(c.is(j + 1, "week") && c.is(j + 2, "of")) {
        return None;
    }
    let y = year_at(c, j + 3)?;
    let w = match n {
        Some(n) => n,
        None => NaiveDate::from_ymd_opt(y, 12, 28)?.iso_week().week(),
    };
    NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)?;
    Some(Found::date(i, j + 4, format!("{y:04}-W{w:02}")))
}

/// "Q3" / "H2" as one token: the part and its number.
fn part_code(text: &str) -> Option<(char, u32)> {
    let mut chars = text.chars();
    let p = chars.next()?.to_ascii_uppercase();
    let n: u32 = chars.as_str().parse().ok()?;
    match p {
        'Q' if (1..=4).contains(&n) => Some(('Q', n)),
        'H' if (1..=2).contains(&n) => Some(('H', n)),
        _ => None,
    }
}

/// "Q3 2019", "2019 Q1", "2019-Q1", "q1", "2019 H2", "the 1st quarter of 2013", "the first
/// quarter of the year".
fn quarter_or_half(c: &Ctx<'_, '_>, i: usize) -> Option<Found> {
    let code_at = |k: usize| {
        c.tok(k)
            .filter(|t| t.kind == TokKind::Mixed && t.text.len() == 2)
            .and_then(|t| part_code(t.text))
    };
    let show = |p: char, n: u32| move |y: i32| format!("{y:04}-{p}{n}");
    // "2019 Q1", "2019-Q1"
    if let Some(y) = year_at(c, i) {
        let k = if c.is_punct(i + 1, '-') && c.glued(i) && c.glued(i + 1) {
            i + 2
        } else {
            i + 1
        };
        let (p, n) = code_at(k)?;
        return in_year(c, i, k + 1, Some(y), show(p, n));
    }
    // "Q3 2019", "Q3"
    if let Some((p, n)) = code_at(i) {
        let y = year_at(c, i + 1);
        let end = if y.is_some() { i + 2 } else { i + 1 };
        return in_year(c, i, end, y, show(p, n));
    }
    // "the 1st quarter of 2013", "first quarter of the year"
    let j = if c.is(i, "the") { i + 1 } else { i };
    if !(c.is(j + 1, "quarter") || c.is(j + 1, "half")) {
        return None;
    }
    let n = parse_at(c.toks, j).filter(|n| n.kind == NumberKind::Ordinal && n.end == j + 1)?;
    let q = n.value? as u32;
    let (p, q) = match c.w(j + 1)?.as_str() {
        "quarter" if (1..=4).contains(&q) => ('Q', q),
        "half" if (1..=2).contains(&q) => ('H', q),
        _ => return None,
    };
    if !c.is(j + 2, "of") {
        return None;
    }
    if let Some(y) = year_at(c, j + 3) {
        return in_year(c, i, j + 4, Some(y), show(p, q));
    }
    if c.is(j + 3, "the") && c.is(j + 4, "year") {
        return in_year(c, i, j + 5, None, show(p, q));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at0(text: &str) -> Option<(String, String)> {
        crate::context::found_at_start(text, NaiveDate::from_ymd_opt(2019, 7, 2), period)
            .map(|(s, f)| (s, f.value))
    }

    #[test]
    fn weeks() {
        assert_eq!(
            at0("week 31 sales"),
            Some(("week 31".into(), "2019-W31".into()))
        );
        assert_eq!(at0("the week 1").map(|f| f.1), Some("2019-W01".into()));
        assert_eq!(
            at0("first week of 2019"),
            Some(("first week of 2019".into(), "2019-W01".into()))
        );
        assert_eq!(
            at0("last week of 2019").map(|f| f.1),
            Some("2019-W52".into())
        );
        assert_eq!(at0("week 60"), None);
    }

    #[test]
    fn quarters_and_halves() {
        assert_eq!(at0("Q3 2019"), Some(("Q3 2019".into(), "2019-Q3".into())));
        assert_eq!(at0("2019-Q1").map(|f| f.1), Some("2019-Q1".into()));
        assert_eq!(at0("2017 q1").map(|f| f.1), Some("2017-Q1".into()));
        assert_eq!(at0("q2").map(|f| f.1), Some("2019-Q2".into()));
        assert_eq!(at0("2019 H2").map(|f| f.1), Some("2019-H2".into()));
        assert_eq!(
            at0("the 1st quarter of 2013").map(|f| f.1),
            Some("2013-Q1".into())
        );
        assert_eq!(
            at0("the first quarter of the year").map(|f| f.1),
            Some("2019-Q1".into())
        );
        assert_eq!(at0("Q5"), None);
        assert_eq!(at0("2019 revenue"), None);
    }
}
