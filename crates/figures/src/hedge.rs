//! Hedges written before a number ("at least", "up to", "about") and what they do to its bounds.
//!
//! The rule, per hedge class:
//! - lower bound ("at least", "more than", "over", "no fewer than"): `low` = the number,
//!   `high` unknown;
//! - upper bound ("up to", "as many as", "fewer than", "under", "nearly", "almost"): `high` =
//!   the number, `low` unknown ("nearly 200" says the true count is below 200);
//! - approximate ("about", "around", "some", "an estimated", "reportedly", "approximately"):
//!   `value` = the number and both bounds unknown — the text gives no band, so none is
//!   invented.
//!
//! Without a hedge an exact number has `low` = `high` = `value`.

use crate::lexer::Tok;

/// How a hedge bounds the number after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HedgeKind {
    Lower,
    Upper,
    Approximate,
}

/// Hedges as lowercase word sequences, longest first within each leading word.
const HEDGES: &[(&[&str], HedgeKind)] = &[
    (&["at", "least"], HedgeKind::Lower),
    (&["no", "fewer", "than"], HedgeKind::Lower),
    (&["no", "less", "than"], HedgeKind::Lower),
    (&["more", "than"], HedgeKind::Lower),
    (&["well", "over"], HedgeKind::Lower),
    (&["just", "over"], HedgeKind::Lower),
    (&["upwards", "of"], HedgeKind::Lower),
    (&["in", "excess", "of"], HedgeKind::Lower),
    (&["over"], HedgeKind::Lower),
    (&["up", "to"], HedgeKind::Upper),
    (&["as", "many", "as"], HedgeKind::Upper),
    (&["as", "much", "as"], HedgeKind::Upper),
    (&["at", "most"], HedgeKind::Upper),
    (&["no", "more", "than"], HedgeKind::Upper),
    (&["fewer", "than"], HedgeKind::Upper),
    (&["less", "than"], HedgeKind::Upper),
    (&["just", "under"], HedgeKind::Upper),
    (&["under"], HedgeKind::Upper),
    (&["nearly"], HedgeKind::Upper),
    (&["almost"], HedgeKind::Upper),
    (&["close", "to"], HedgeKind::Upper),
    (&["about"], HedgeKind::Approximate),
    (&["around"], HedgeKind::Approximate),
    (&["roughly"], HedgeKind::Approximate),
    (&["approximately"], HedgeKind::Approximate),
    (&["some"], HedgeKind::Approximate),
    (&["an", "estimated"], HedgeKind::Approximate),
    (&["estimated"], HedgeKind::Approximate),
    (&["a", "reported"], HedgeKind::Approximate),
    (&["reportedly"], HedgeKind::Approximate),
    (&["reported"], HedgeKind::Approximate),
];

/// The hedge ending right before token `at`: its first token index and kind.
pub fn before(toks: &[Tok<'_>], at: usize) -> Option<(usize, HedgeKind)> {
    HEDGES.iter().find_map(|(words, kind)| {
        let first = at.checked_sub(words.len())?;
        let all = words
            .iter()
            .enumerate()
            .all(|(k, w)| toks.get(first + k).is_some_and(|t| t.is(w)));
        all.then_some((first, *kind))
    })
}

/// `(value, low, high)` of a number `n` under a hedge.
pub fn bounds(kind: Option<HedgeKind>, n: f64) -> (Option<f64>, Option<f64>, Option<f64>) {
    match kind {
        None => (Some(n), Some(n), Some(n)),
        Some(HedgeKind::Lower) => (Some(n), Some(n), None),
        Some(HedgeKind::Upper) => (Some(n), None, Some(n)),
        Some(HedgeKind::Approximate) => (Some(n), None, None),
    }
}
