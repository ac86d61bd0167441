//! Dates written as one glued run of parts: a year, a month name and a day joined by the same
//! slash or hyphen in any order ("2019/aug/01", "Sep-23-2020", "23/Sep/2020",
//! "September-2020-23"), and a month abbreviation glued to its day ("mar4").

use crate::calendar::ymd;
use crate::context::{Ctx, Found};
use crate::lexicon::month;
use chrono::NaiveDate;
use parallax_figures::lexer::TokKind;

/// One part of a glued date.
#[derive(Clone, Copy)]
enum Part {
    Year(i32),
    Month(u32),
    Day(u32),
}

/// The part token `k` can be: four digits a year, one or two a day, a month name a month.
fn part_at(c: &Ctx<'_, '_>, k: usize) -> Option<Part> {
    let t = c.tok(k)?;
    match t.kind {
        TokKind::Digits if t.text.len() == 4 => t
            .text
            .parse()
            .ok()
            .filter(|y| (1000..=2199).contains(y))
            .map(Part::Year),
        TokKind::Digits if t.text.len() <= 2 => t
            .text
            .parse()
            .ok()
            .filter(|d| (1..=31).contains(d))
            .map(Part::Day),
        TokKind::Word => month(c.w(k)?.as_str()).map(Part::Month),
        _ => None,
    }
}

/// A year, a month name and a day glued by one separator, in any order, starting at `i`.
#[inline(never)]
pub fn glued_date(c: &Ctx<'_, '_>, i: usize) -> Option<Found> {
    // Cheap gate: a separator glued right after the first part.
    let sep = ['/', '-'].into_iter().find(|s| c.is_punct(i + 1, *s))?;
    if !(c.glued(i) && c.glued(i + 1) && c.is_punct(i + 3, sep) && c.glued(i + 2)) {
        return None;
    }
    if !c.glued(i + 3) {
        return None;
    }
    let (mut y, mut m, mut d) = (None, None, None);
    for k in [i, i + 2, i + 4] {
        let slot = match part_at(c, k)? {
            Part::Year(v) => y.replace(v).is_none(),
            Part::Month(v) => m.replace(v).is_none(),
            Part::Day(v) => d.replace(v).is_none(),
        };
        if !slot {
            return None;
        }
    }
    // A part glued on after the third makes it something else ("2019/aug/01/x").
    if c.glued(i + 4)
        && c.tok(i + 5)
            .is_some_and(|t| t.kind != TokKind::Punct || matches!(t.text, "/" | "-"))
    {
        return None;
    }
    let (y, m, d) = (y?, m?, d?);
    NaiveDate::from_ymd_opt(y, m, d)?;
    Some(Found::date(i, i + 5, ymd(y, m, d)))
}

/// "mar4", "Dec25": a month abbreviation glued to its day, in the year the clause points to.
#[inline(never)]
pub fn month_glued_day(c: &Ctx<'_, '_>, i: usize) -> Option<Found> {
    let t = c.tok(i).filter(|t| t.kind == TokKind::Mixed)?;
    let letters = t.text.trim_end_matches(|ch: char| ch.is_ascii_digit());
    let digits = t.text.get(letters.len()..)?;
    if letters.len() != 3 || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    let m = month(&letters.to_ascii_lowercase())?;
    let d: u32 = digits.parse().ok()?;
    crate::absolute::day_value(c, i, i + 1, None, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at0(text: &str) -> Option<(String, String)> {
        crate::context::found_at_start(text, NaiveDate::from_ymd_opt(2019, 8, 8), |c, i| {
            glued_date(c, i).or_else(|| month_glued_day(c, i))
        })
        .map(|(s, f)| (s, f.value))
    }

    #[test]
    fn parts_in_any_order() {
        for text in [
            "2019/aug/01 x",
            "2019-aug-1",
            "Aug-01-2019.",
            "August-2019-1",
            "2019/1/Aug",
            "1/Aug/2019",
            "1-2019-August",
        ] {
            assert_eq!(at0(text).map(|f| f.1), Some("2019-08-01".into()), "{text}");
        }
        assert_eq!(
            at0("23/Sep/2020 to"),
            Some(("23/Sep/2020".into(), "2020-09-23".into()))
        );
    }

    #[test]
    fn not_glued_dates() {
        assert_eq!(at0("2019/2020/12"), None);
        assert_eq!(at0("2019 / aug / 01"), None);
        assert_eq!(at0("12/aug/40"), None);
        assert_eq!(at0("2019/feb/30"), None);
        assert_eq!(at0("2019-aug-1-3"), None);
    }

    #[test]
    fn month_abbreviation_glued_to_day() {
        assert_eq!(at0("mar4 night").map(|f| f.1), Some("2019-03-04".into()));
        assert_eq!(at0("G8"), None);
        assert_eq!(at0("mar45"), None);
    }
}
