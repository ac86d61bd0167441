//! The end of the anchor's own day, week, month or year written without a date after it:
//! "end of day", "the end of the month", "EOD", "EOY". TimeML gives the period's value (its
//! `mod="END"` is carried by the extent).

use crate::absolute::year_near;
use crate::calendar::{show, Granularity};
use crate::context::{Ctx, Found};
use crate::lexicon::{unit, Unit};
use crate::tense::is_future;
use parallax_core::TimexType;
use parallax_figures::lexer::TokKind;

/// "end of day", "the end of the week", "EOD", "EOM", "EOY" starting at token `i`.
#[inline(never)]
pub fn period_end(c: &Ctx<'_, '_>, i: usize) -> Option<Found> {
    let k = if c.is(i, "the") { i + 1 } else { i };
    // Cheap gate: every opening word has three letters and starts with "e".
    let t = c.tok(k)?;
    if !(t.text.len() == 3 && t.text.as_bytes().first().map(u8::to_ascii_lowercase) == Some(b'e')) {
        return None;
    }
    let (u, end) = match c.w(k)?.as_str() {
        "eod" => (Unit::Day, k + 1),
        "eom" => (Unit::Month, k + 1),
        "eoy" => (Unit::Year, k + 1),
        "end" if c.is(k + 1, "of") => {
            let at = if c.is(k + 2, "the") { k + 3 } else { k + 2 };
            match unit(c.w(at)?.as_str())? {
                (u @ (Unit::Day | Unit::Week | Unit::Month | Unit::Year), false) => (u, at + 1),
                _ => return None,
            }
        }
        _ => return None,
    };
    // "the end of the year 2008" names another year.
    if c.tok(end).is_some_and(|t| t.kind == TokKind::Digits) {
        return None;
    }
    let g = Granularity::of_unit(u);
    // The end of the year is December: past reporting early in a year means last year's.
    let future = u == Unit::Year && is_future(c.toks, i);
    c.relative(i, end, TimexType::Date, g, |a| match u {
        Unit::Year => Some(format!("{:04}", year_near(a, 12, future))),
        _ => Some(show(a, g)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use parallax_figures::lexer::tokenize;

    fn at0(text: &str) -> Option<(String, String)> {
        crate::context::found_at_start(text, NaiveDate::from_ymd_opt(2018, 11, 21), period_end)
            .map(|(s, f)| (s, f.value))
    }

    #[test]
    fn ends_of_the_anchor_periods() {
        assert_eq!(
            at0("end of day since"),
            Some(("end of day".into(), "2018-11-21".into()))
        );
        assert_eq!(
            at0("the end of the month."),
            Some(("the end of the month".into(), "2018-11".into()))
        );
        assert_eq!(at0("the EOY"), Some(("the EOY".into(), "2018".into())));
        assert_eq!(at0("the eod").map(|f| f.1), Some("2018-11-21".into()));
        assert_eq!(at0("end of the week").map(|f| f.1), Some("2018-W47".into()));
        assert_eq!(at0("the end of the year 2008"), None);
        let text = "Cases peaked by the end of year.";
        let toks = tokenize(text);
        let lower = text.to_ascii_lowercase();
        let c = Ctx {
            toks: &toks,
            lower: &lower,
            anchor: NaiveDate::from_ymd_opt(2013, 3, 22),
            floor: None,
        };
        assert_eq!(period_end(&c, 3).map(|f| f.value), Some("2012".into()));
        assert_eq!(at0("the end of days"), None);
        assert_eq!(at0("the end of the war"), None);
    }
}
