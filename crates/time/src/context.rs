//! What every recognizer reads (the tokens and the anchor) and what it returns.

use crate::calendar::Granularity;
use crate::lexicon::{is_start_word, Lower};
use chrono::NaiveDate;
use parallax_core::TimexType;
use parallax_figures::lexer::{Tok, TokKind};

pub struct Ctx<'a, 't> {
    pub toks: &'a [Tok<'t>],
    /// The text the tokens index, ASCII-lowercased once (same byte offsets), so that reading
    /// a token's lowercase form is a slice, not a copy.
    pub lower: &'a str,
    pub anchor: Option<NaiveDate>,
    /// Inside an update: the article's own date, before which a weekday without "last" does
    /// not resolve (see [`crate::sections`]).
    pub floor: Option<NaiveDate>,
}

/// One recognized expression: token range `[first, end)`, value and type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub first: usize,
    pub end: usize,
    pub value: String,
    pub typ: TimexType,
    /// Whether the value was computed from the anchor.
    pub relative: bool,
    /// Whether the text leaves the value open (a weekday moved past the floor).
    pub uncertain: bool,
    /// A time of day that took the anchor's date for want of a day of its own.
    pub bare_clock: bool,
}

impl Found {
    pub fn new(first: usize, end: usize, value: String, typ: TimexType) -> Found {
        Found {
            first,
            end,
            value,
            typ,
            relative: false,
            uncertain: false,
            bare_clock: false,
        }
    }

    pub fn date(first: usize, end: usize, value: String) -> Found {
        Found::new(first, end, value, TimexType::Date)
    }
}

impl<'a, 't> Ctx<'a, 't> {
    /// Lowercase word at `i`, when it is a short ASCII word.
    pub fn w(&self, i: usize) -> Option<Lower<'a>> {
        let t = self.toks.get(i)?;
        if t.kind != TokKind::Word || t.text.len() > 16 || !t.text.is_ascii() {
            return None;
        }
        let w = self.lower.get(t.start..t.end)?;
        debug_assert!(w.eq_ignore_ascii_case(t.text), "tokens must index `lower`");
        Some(Lower(w))
    }

    /// Whether a time expression can start at token `i`: the cheap test the scan runs on every
    /// token before trying the recognizers. An apostrophe opens one only when a number is
    /// glued to it ("'90s", "’08"); most apostrophes are possessives and contractions.
    pub fn may_start(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        match t.kind {
            TokKind::Digits | TokKind::DigitsAlpha | TokKind::Mixed => true,
            TokKind::Punct => {
                matches!(t.text, "'" | "’")
                    && self.toks.get(i + 1).is_some_and(|n| {
                        n.start == t.end && n.text.starts_with(|c: char| c.is_ascii_digit())
                    })
            }
            TokKind::Word => is_start_word(t, || self.w(i)),
        }
    }

    /// Whether token `i` is the word `w` (any case).
    pub fn is(&self, i: usize, w: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.is(w))
    }

    pub fn tok(&self, i: usize) -> Option<&Tok<'_>> {
        self.toks.get(i)
    }

    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_punct(c))
    }

    /// Whether tokens `i` and `i + 1` touch.
    pub fn glued(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .zip(self.toks.get(i + 1))
            .is_some_and(|(a, b)| a.end == b.start)
    }

    /// A value computed from the anchor, or the unknown value at `granularity` without one.
    pub fn relative(
        &self,
        first: usize,
        end: usize,
        typ: TimexType,
        granularity: Granularity,
        compute: impl FnOnce(NaiveDate) -> Option<String>,
    ) -> Option<Found> {
        match self.anchor {
            Some(a) => {
                let value = compute(a)?;
                Some(Found {
                    first,
                    end,
                    value,
                    typ,
                    relative: true,
                    uncertain: false,
                    bare_clock: false,
                })
            }
            None => Some(Found::new(first, end, granularity.unknown(), typ)),
        }
    }
}

/// Test support for the recognizers: what `recognize` finds at the first token of `text`
/// read against `anchor`, as the text it covers and the find.
#[cfg(test)]
pub(crate) fn found_at_start(
    text: &str,
    anchor: Option<NaiveDate>,
    recognize: impl Fn(&Ctx<'_, '_>, usize) -> Option<Found>,
) -> Option<(String, Found)> {
    let toks = parallax_figures::lexer::tokenize(text);
    let lower = text.to_ascii_lowercase();
    let c = Ctx {
        toks: &toks,
        lower: &lower,
        anchor,
        floor: None,
    };
    let f = recognize(&c, 0)?;
    let span = toks.get(f.first)?.start..toks.get(f.end.checked_sub(1)?)?.end;
    Some((text.get(span)?.to_string(), f))
}
