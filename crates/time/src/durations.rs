//! Amounts of time: durations ("five days", "the past two years", "two-year"), points
//! reached by counting back from the anchor ("two days ago", "a year earlier") and sets
//! ("every week", "daily").

use crate::calendar::{shift, show, Granularity};
use crate::context::{Ctx, Found};
use crate::lexicon::{part_of_day, unit, weekday, Unit};
use parallax_core::TimexType;
use parallax_figures::lexer::TokKind;
use parallax_figures::number::{parse_at, NumberKind};

/// The longest duration, count-back or set starting at token `i`.
pub fn amount_of_time(c: &Ctx<'_, '_>, i: usize) -> Option<Found> {
    [duration(c, i), ago(c, i), set(c, i), another_unit(c, i)]
        .into_iter()
        .flatten()
        .max_by_key(|f| f.end)
}

/// An amount at token `j`: its value (`None` for "several", "a few") and end.
fn amount(c: &Ctx<'_, '_>, j: usize) -> Option<(Option<f64>, usize)> {
    let w = c.w(j);
    match w.as_ref().map(|w| w.as_str()) {
        Some("a" | "an") if c.is(j + 1, "few") || c.is(j + 1, "couple") => {
            let end = if c.is(j + 2, "of") { j + 3 } else { j + 2 };
            return Some((
                if c.is(j + 1, "couple") {
                    Some(2.0)
                } else {
                    None
                },
                end,
            ));
        }
        Some("a" | "an") => return Some((Some(1.0), j + 1)),
        Some("several" | "few" | "many") => return Some((None, j + 1)),
        _ => {}
    }
    let n = parse_at(c.toks, j)?;
    if n.kind != NumberKind::Cardinal || n.suffix.is_some() {
        return None;
    }
    Some((n.value, n.end))
}

/// A unit word at `k`, allowing "more" before it ("two more weeks").
fn unit_at(c: &Ctx<'_, '_>, k: usize) -> Option<(Unit, bool, usize)> {
    let k = if c.is(k, "more") { k + 1 } else { k };
    let (u, plural) = unit(c.w(k)?.as_str())?;
    Some((u, plural, k + 1))
}

/// "five days", "the past two years", "two-year", "several weeks", "the coming weeks",
/// "the past week", "recent years", "for years".
fn duration(c: &Ctx<'_, '_>, i: usize) -> Option<Found> {
    let mut j = if c.is(i, "the") { i + 1 } else { i };
    let modifier = [
        "past",
        "last",
        "next",
        "first",
        "previous",
        "coming",
        "following",
        "final",
        "recent",
    ]
    .iter()
    .any(|w| c.is(j, w))
        && !last_as_verb(c, j);
    if modifier {
        j += 1;
    }
    // "the past week", "the coming weeks", "recent years".
    if modifier && (j > i + 1 || c.is(i, "coming") || c.is(i, "recent")) || c.is(i, "recent") {
        if let Some((u, plural, end)) = unit_at(c, j) {
            if c.is(j - 1, "recent") && u == Unit::Year {
                return Some(Found::date(i, end, "PAST_REF".to_string()));
            }
            // "the past year", "the last week", "the next month" name that calendar period,
            // as TimeML annotates them; decades and plurals stay amounts of time.
            let step = if ["past", "last", "previous"].iter().any(|w| c.is(j - 1, w)) {
                Some(-1)
            } else if ["next", "coming", "following"]
                .iter()
                .any(|w| c.is(j - 1, w))
            {
                Some(1)
            } else {
                None
            };
            // "the next day", "the following day": the day after.
            let calendar = matches!(u, Unit::Week | Unit::Month | Unit::Quarter | Unit::Year)
                || (u == Unit::Day && step == Some(1));
            if let Some(step) = step.filter(|_| !plural && calendar) {
                let g = Granularity::of_unit(u);
                return c.relative(i, end, TimexType::Date, g, |a| {
                    shift(a, u, step).map(|d| show(d, g))
                });
            }
            // "the first week", "the final day" name one period, no amount of time.
            if !plural && (c.is(j - 1, "first") || c.is(j - 1, "final")) {
                return None;
            }
            let n = if plural { None } else { Some(1.0) };
            return Some(Found::new(i, end, u.duration(n), TimexType::Duration));
        }
    }
    // "for years", "within weeks", "minutes later": a bare plural unit next to a word of
    // extent or sequence.
    let extent_before = i > 0
        && ["for", "in", "over", "within", "after"]
            .iter()
            .any(|w| c.is(i - 1, w));
    let sequence_after = ["later", "earlier", "after", "before"]
        .iter()
        .any(|w| c.is(i + 1, w));
    if j == i && (extent_before || sequence_after) {
        if let Some((u, true, end)) = unit_at(c, i).filter(|(_, _, e)| *e == i + 1) {
            if !c.is(end, "ago") && !c.is(end, "of") {
                return Some(Found::new(i, end, u.duration(None), TimexType::Duration));
            }
        }
    }
    // "3h", "3.5years": the unit glued to the digits.
    if let Some(t) = c.tok(j).filter(|t| t.kind == TokKind::DigitsAlpha) {
        let digits = t.text.trim_end_matches(|ch: char| ch.is_ascii_alphabetic());
        let suffix = t
            .text
            .get(digits.len()..)
            .unwrap_or("")
            .to_ascii_lowercase();
        let value = parallax_figures::number::parse_digits(digits);
        if let (Some(v), Some((u, _))) = (value, unit(&suffix)) {
            return Some(Found::new(
                i,
                j + 1,
                u.duration(Some(v)),
                TimexType::Duration,
            ));
        }
    }
    let (n, k) = amount(c, j)?;
    // "two-year", "52-week": a hyphenated amount used as an adjective.
    if c.is_punct(k, '-') && c.glued(k - 1) && c.glued(k) {
        let (u, _, end) = unit_at(c, k + 1)?;
        // "6-year-old" is an age, not a duration.
        if c.is_punct(end, '-') && c.is(end + 1, "old") {
            return None;
        }
        let end = if c.is_punct(end, '-') && c.is(end + 1, "long") {
            end + 2
        } else {
            end
        };
        return Some(Found::new(i, end, u.duration(n), TimexType::Duration));
    }
    // "two nights", "1 night": nights counted are days.
    if n.is_some_and(|n| n >= 1.0) && (c.is(k, "night") || c.is(k, "nights")) {
        return Some(Found::new(
            i,
            k + 1,
            Unit::Day.duration(n),
            TimexType::Duration,
        ));
    }
    let (u, plural, end) = unit_at(c, k)?;
    // "a day" after a rate ("twice a day", "$5 a year") is a set, not a duration.
    if n == Some(1.0)
        && !plural
        && i > 0
        && c.tok(i - 1).is_some_and(|p| {
            p.kind != TokKind::Word || p.is("times") || p.is("once") || p.is("twice")
        })
    {
        return None;
    }
    if n.is_none() && !plural {
        return None;
    }
    // "a second wave", "a second term": the ordinal before a noun.
    let ordinal_second = u == Unit::Second
        && !plural
        && c.is(j, "a")
        && c.tok(end).is_some_and(|t| {
            t.kind == TokKind::Word
                && ![
                    "later", "earlier", "ago", "before", "after", "longer", "or", "and",
                ]
                .iter()
                .any(|w| t.is(w))
        });
    if ordinal_second {
        return None;
    }
    // "one hour and a half", "one year and a quarter".
    let (n, end) = match (n, fraction_after(c, end)) {
        (Some(v), Some((f, e))) => (Some(v + f), e),
        _ => (n, end),
    };
    Some(Found::new(i, end, u.duration(n), TimexType::Duration))
}

/// Whether "last" at `k` is the verb: after a modal, "to" or a negation ("shouldn't last
/// two hours", "will last a week").
#[inline(never)]
fn last_as_verb(c: &Ctx<'_, '_>, k: usize) -> bool {
    c.is(k, "last")
        && k > 0
        && [
            "will", "would", "can", "could", "should", "may", "might", "must", "to", "not", "t",
            "ll", "did", "does", "do",
        ]
        .iter()
        .any(|w| c.is(k - 1, w))
}

/// "and a half", "and half", "and a quarter" after a unit: the fraction and its end.
fn fraction_after(c: &Ctx<'_, '_>, k: usize) -> Option<(f64, usize)> {
    if !c.is(k, "and") {
        return None;
    }
    let j = if c.is(k + 1, "a") { k + 2 } else { k + 1 };
    match c.w(j)?.as_str() {
        "half" => Some((0.5, j + 1)),
        "quarter" if j == k + 2 => Some((0.25, j + 1)),
        _ => None,
    }
}

/// "another week": one unit.
fn another_unit(c: &Ctx<'_, '_>, i: usize) -> Option<Found> {
    if c.is(i, "another") {
        let (u, plural) = unit(c.w(i + 1)?.as_str())?;
        if plural || !matches!(u, Unit::Day | Unit::Week | Unit::Month | Unit::Year) {
            return None;
        }
        return Some(Found::new(
            i,
            i + 2,
            u.duration(Some(1.0)),
            TimexType::Duration,
        ));
    }
    None
}

/// The day an amount of time is counted from: "today", "tomorrow", "yesterday" at `k`, as
/// days after the anchor. ("Eight years from now" stays two expressions, as TimeML
/// annotates it: the amount and "now".)
fn counted_from(c: &Ctx<'_, '_>, k: usize) -> Option<i64> {
    Some(match c.w(k)?.as_str() {
        "today" => 0,
        "tomorrow" => 1,
        "yesterday" => -1,
        _ => return None,
    })
}

/// "3 days from today", "two days after tomorrow": `n` units `u` counted forward from the day
/// named after the word at `end`.
#[inline(never)]
fn counted_forward(
    c: &Ctx<'_, '_>,
    i: usize,
    n: Option<f64>,
    u: Unit,
    end: usize,
) -> Option<Found> {
    let base = counted_from(c, end + 1)?;
    let n = n?;
    if matches!(u, Unit::Second | Unit::Minute | Unit::Hour) {
        return None;
    }
    let g = Granularity::of_unit(u);
    c.relative(i, end + 2, TimexType::Date, g, |a| {
        let day = shift(a, Unit::Day, base)?;
        shift(day, u, n.round() as i64).map(|d| show(d, g))
    })
}

/// "two days ago", "a year earlier", "three weeks ago", and forward "3 days from today",
/// "two days after tomorrow".
fn ago(c: &Ctx<'_, '_>, i: usize) -> Option<Found> {
    let (n, k) = amount(c, i)?;
    let (u, _, end) = unit_at(c, k)?;
    if c.is(end, "from") || c.is(end, "after") {
        if let Some(f) = counted_forward(c, i, n, u, end) {
            return Some(f);
        }
    }
    if !(c.is(end, "ago") || c.is(end, "earlier")) {
        return None;
    }
    let end = end + 1;
    let Some(n) = n else {
        return Some(Found::new(i, end, u.duration(None), TimexType::Duration));
    };
    let g = Granularity::of_unit(u);
    c.relative(i, end, TimexType::Date, g, |a| {
        let back = -(n.round() as i64);
        shift(a, u, back).map(|d| show(d, g))
    })
}

/// "mornings", "(the) evenings" with the plural at `at`: that part of every day.
#[inline(never)]
fn parts_of_days(c: &Ctx<'_, '_>, i: usize, at: usize) -> Option<Found> {
    let code = part_of_day(c.w(at)?.as_str().strip_suffix('s')?)?;
    Some(Found::new(
        i,
        at + 1,
        format!("XXXX-XX-XXT{code}"),
        TimexType::Set,
    ))
}

/// "every week", "each year", "every other day", "every Sunday", "daily", "annually".
fn set(c: &Ctx<'_, '_>, i: usize) -> Option<Found> {
    let w = c.w(i)?;
    let adverb = match w.as_str() {
        "daily" | "everyday" => Some("P1D"),
        "nightly" => Some("P1D"),
        "weekly" => Some("P1W"),
        "monthly" => Some("P1M"),
        "annually" | "yearly" => Some("P1Y"),
        "hourly" => Some("PT1H"),
        _ => None,
    };
    if let Some(v) = adverb {
        // "The Daily Mail", "the Weekly Standard", "the daily" (a newspaper): a name or a
        // noun, not how often.
        let capital = c.tok(i).is_some_and(|t| t.is_capitalized());
        let named = capital && c.tok(i + 1).is_some_and(|t| t.is_capitalized());
        let noun = i > 0 && c.is(i - 1, "the");
        if named || noun {
            return None;
        }
        return Some(Found::new(i, i + 1, v.to_string(), TimexType::Set));
    }
    // "once a week", "twice a year"
    if matches!(w.as_str(), "once" | "twice") && (c.is(i + 1, "a") || c.is(i + 1, "per")) {
        let (u, false) = unit(c.w(i + 2)?.as_str())? else {
            return None;
        };
        return Some(Found::new(i, i + 3, u.duration(Some(1.0)), TimexType::Set));
    }
    // "Thursdays", "Tuesday afternoons", "Friday mornings": a weekday every week.
    let plural_day = w
        .as_str()
        .strip_suffix('s')
        .and_then(crate::lexicon::weekday_full);
    let day = plural_day.or_else(|| crate::lexicon::weekday_full(w.as_str()));
    let part = day.and_then(|_| {
        c.w(i + 1)
            .and_then(|p| part_of_day(p.as_str().strip_suffix('s')?))
    });
    if let Some(wd) = day.filter(|_| plural_day.is_some() || part.is_some()) {
        return Some(match part {
            Some(code) => Found::new(i, i + 2, format!("XXXX-WXX-{wd}T{code}"), TimexType::Set),
            None => Found::new(i, i + 1, format!("XXXX-WXX-{wd}"), TimexType::Set),
        });
    }
    let at = usize::from(w.as_str() == "the") + i;
    if c.tok(at).is_some_and(|t| t.text.ends_with('s')) {
        if let Some(f) = parts_of_days(c, i, at) {
            return Some(f);
        }
    }
    if !matches!(w.as_str(), "every" | "each") {
        return None;
    }
    let mut j = i + 1;
    let mut n = Some(1.0);
    if c.is(j, "other") {
        n = Some(2.0);
        j += 1;
    } else if let Some((v, k)) = amount(c, j).filter(|(v, _)| v.is_some()) {
        n = v;
        j = k;
    }
    if let Some((u, _, end)) = unit_at(c, j) {
        return Some(Found::new(i, end, u.duration(n), TimexType::Set));
    }
    let next = c.w(j)?;
    if let Some(wd) = weekday(next.as_str()) {
        return Some(Found::new(
            i,
            j + 1,
            format!("XXXX-WXX-{wd}"),
            TimexType::Set,
        ));
    }
    let code = part_of_day(next.as_str())?;
    Some(Found::new(
        i,
        j + 1,
        format!("XXXX-XX-XXT{code}"),
        TimexType::Set,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use parallax_figures::lexer::tokenize;

    fn at0(text: &str) -> Option<(String, String, TimexType)> {
        crate::context::found_at_start(text, NaiveDate::from_ymd_opt(2008, 8, 12), amount_of_time)
            .map(|(s, f)| (s, f.value, f.typ))
    }

    #[test]
    fn durations() {
        assert_eq!(
            at0("five days of war"),
            Some(("five days".into(), "P5D".into(), TimexType::Duration))
        );
        assert_eq!(
            at0("two years"),
            Some(("two years".into(), "P2Y".into(), TimexType::Duration))
        );
        assert_eq!(
            at0("the past two months"),
            Some((
                "the past two months".into(),
                "P2M".into(),
                TimexType::Duration
            ))
        );
        assert_eq!(at0("a two-year deal").map(|f| f.1), None);
        assert_eq!(at0("two-year deal").map(|f| f.1), Some("P2Y".into()));
        assert_eq!(at0("several weeks").map(|f| f.1), Some("PXW".into()));
        assert_eq!(at0("24 hours").map(|f| f.1), Some("PT24H".into()));
        assert_eq!(at0("a decade").map(|f| f.1), Some("P10Y".into()));
    }

    #[test]
    fn count_back_from_anchor() {
        assert_eq!(
            at0("two days ago"),
            Some(("two days ago".into(), "2008-08-10".into(), TimexType::Date))
        );
        assert_eq!(at0("a year ago").map(|f| f.1), Some("2007".into()));
        assert_eq!(at0("three weeks ago").map(|f| f.1), Some("2008-W30".into()));
        assert_eq!(
            at0("3 days from today"),
            Some((
                "3 days from today".into(),
                "2008-08-15".into(),
                TimexType::Date
            ))
        );
        assert_eq!(
            at0("two days after tomorrow").map(|f| f.1),
            Some("2008-08-15".into())
        );
        assert_eq!(
            at0("two weeks from today").map(|f| f.1),
            Some("2008-W35".into())
        );
        assert_eq!(at0("two weeks from now").map(|f| f.1), Some("P2W".into()));
        assert_eq!(
            at0("two days after the war").map(|f| f.1),
            Some("P2D".into())
        );
    }

    #[test]
    fn ordinals_and_verbs_are_no_amounts() {
        assert_eq!(at0("the first week"), None);
        assert_eq!(
            at0("the next day"),
            Some(("the next day".into(), "2008-08-13".into(), TimexType::Date))
        );
        assert_eq!(at0("the first two weeks").map(|f| f.1), Some("P2W".into()));
        assert_eq!(at0("a second wave"), None);
        assert_eq!(at0("a second later").map(|f| f.1), Some("PT1S".into()));
        let text = "it will last two hours";
        let toks = tokenize(text);
        let c = Ctx {
            toks: &toks,
            lower: text,
            anchor: None,
            floor: None,
        };
        assert_eq!(amount_of_time(&c, 2), None);
        assert_eq!(amount_of_time(&c, 3).map(|f| f.value), Some("PT2H".into()));
    }

    #[test]
    fn sets() {
        assert_eq!(
            at0("every week"),
            Some(("every week".into(), "P1W".into(), TimexType::Set))
        );
        assert_eq!(at0("daily").map(|f| f.1), Some("P1D".into()));
        assert_eq!(at0("Daily Mail reported"), None);
        assert_eq!(at0("every Sunday").map(|f| f.1), Some("XXXX-WXX-7".into()));
        assert_eq!(at0("every other day").map(|f| f.1), Some("P2D".into()));
        assert_eq!(
            at0("once a week"),
            Some(("once a week".into(), "P1W".into(), TimexType::Set))
        );
        assert_eq!(
            at0("Tuesday afternoons").map(|f| f.1),
            Some("XXXX-WXX-2TAF".into())
        );
        assert_eq!(at0("Thursdays").map(|f| f.1), Some("XXXX-WXX-4".into()));
        assert_eq!(
            at0("the mornings"),
            Some((
                "the mornings".into(),
                "XXXX-XX-XXTMO".into(),
                TimexType::Set
            ))
        );
        assert_eq!(at0("evenings").map(|f| f.1), Some("XXXX-XX-XXTEV".into()));
    }

    #[test]
    fn fractions_nights_and_whole_units() {
        assert_eq!(
            at0("one hour and a half"),
            Some((
                "one hour and a half".into(),
                "PT1.5H".into(),
                TimexType::Duration
            ))
        );
        assert_eq!(
            at0("one year and a quarter").map(|f| f.1),
            Some("P1.25Y".into())
        );
        assert_eq!(at0("two nights").map(|f| f.1), Some("P2D".into()));
        assert_eq!(at0("another week").map(|f| f.1), Some("P1W".into()));
        assert_eq!(at0("another days"), None);
    }
}
