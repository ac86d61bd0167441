//! Numeric claims: how many were killed, displaced, deployed, paid — with the hedge the
//! outlet put on the number and what it counts.
//!
//! The crate has two layers. [`number`] is a pure number parser (digits, words, ordinals,
//! vague amounts) that the time recognizer reuses for "five days" and "two years ago".
//! [`annotate`] turns numbers into [`Figure`]s: it reads ranges, hedges ([`hedge`]), units
//! ([`units`]), the counted noun phrase and category ([`counted`]), and drops numbers that
//! are not figures ([`exclude`]): years, dates, times of day, names and intensifiers.
//!
//! # Example
//!
//! ```
//! use parallax_core::FigureCategory;
//!
//! let figures = parallax_figures::figures_in("At least 15 people were killed and $5 million pledged.");
//! let toll = &figures[0];
//! assert_eq!((toll.text.as_str(), toll.low, toll.high), ("At least 15", Some(15.0), None));
//! assert_eq!(toll.category, FigureCategory::Fatalities);
//! let money = &figures[1];
//! assert_eq!((money.value, money.unit.as_deref()), (Some(5e6), Some("USD")));
//! ```

pub mod counted;
pub mod exclude;
pub mod hedge;
pub mod lexer;
pub mod notation;
pub mod number;
pub mod units;

pub use notation::{find_numbers_with, Notations};
pub use number::{find_numbers, parse_number, NumberKind, NumberMatch};

use lexer::{Tok, TokKind};
use parallax_core::{Anchor, Annotated, Document, Figure, FigureCategory, Segmentation, Span};

/// Finds numeric claims in `doc`. The recognizer scans the text itself, so it does not need
/// the segmentation; clause boundaries come from punctuation.
pub fn annotate(doc: &Document, seg: &Segmentation) -> Annotated<Figure> {
    let _ = seg;
    Annotated::new(figures_in(&doc.text))
}

/// [`annotate`] over tokens already made by [`lexer::tokenize`] of `doc.text`: the time
/// annotator reads the same tokens, so the pipeline makes them once for both.
pub fn annotate_tokens(doc: &Document, toks: &[Tok<'_>]) -> Annotated<Figure> {
    Annotated::new(figures_in_tokens(&doc.text, toks))
}

/// A number, or two joined into a range, before hedges and units are read.
struct Amount {
    /// Token range of the number words.
    first: usize,
    end: usize,
    value: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
    vague: bool,
    range: bool,
    /// Whether "of" may follow before the counted noun ("hundreds of", "2 million of").
    of_allowed: bool,
    /// A unit glued to the digits ("75ml", "100元").
    glued_unit: Option<&'static str>,
}

/// Reads letters glued to the digits: "$5m" is five million, "75ml" a measure; any other
/// suffix ("1990s", "3pm") is left on the number for the exclusions to judge.
fn read_suffix(
    text: &str,
    toks: &[Tok<'_>],
    m: &NumberMatch,
) -> Option<(NumberMatch, Option<&'static str>)> {
    let mut m = m.clone();
    let Some(suffix) = m.suffix else {
        return Some((m, None));
    };
    let s = suffix.slice(text).ok()?;
    let money = units::before(toks, m.first).is_some_and(|u| u.is_money());
    if money && (s.eq_ignore_ascii_case("m") || s.eq_ignore_ascii_case("mn")) {
        m.value = m.value.map(|v| v * 1e6);
        m.low = m.value;
        m.high = m.value;
        m.suffix = None;
        return Some((m, None));
    }
    let glued = units::glued_unit(s);
    if glued.is_some() {
        m.suffix = None;
    }
    Some((m, glued))
}

/// Every figure in `text`, in text order.
pub fn figures_in(text: &str) -> Vec<Figure> {
    figures_in_tokens(text, &lexer::tokenize(text))
}

/// Every figure in `text`, whose [`lexer::tokenize`] tokens are `toks`, in text order.
pub fn figures_in_tokens(text: &str, toks: &[Tok<'_>]) -> Vec<Figure> {
    let numbers = number::scan(toks);
    let mut out = Vec::new();
    let mut k = 0;
    while k < numbers.len() {
        let m = &numbers[k];
        let next = numbers.get(k + 1);
        k += 1;
        if m.kind == NumberKind::Ordinal {
            continue;
        }
        let amount = match next.and_then(|n| range(toks, m, n)) {
            Some(a) => {
                k += 1;
                a
            }
            None => {
                let Some((m, glued)) = read_suffix(text, toks, m) else {
                    continue;
                };
                if exclude::reason(toks, &m).is_some() {
                    continue;
                }
                let mut a = single(&m);
                a.glued_unit = glued;
                a
            }
        };
        if let Some(f) = figure(text, toks, amount) {
            out.push(f);
        }
    }
    out
}

fn single(m: &NumberMatch) -> Amount {
    Amount {
        first: m.first,
        end: m.end,
        value: m.value,
        low: m.low,
        high: m.high,
        vague: m.kind == NumberKind::Vague,
        range: false,
        of_allowed: m.kind == NumberKind::Vague || m.end > m.first + 1,
        glued_unit: None,
    }
}

/// "between 10 and 20", "10-15", "10 to 15 million", "two or three".
fn range(toks: &[Tok<'_>], a: &NumberMatch, b: &NumberMatch) -> Option<Amount> {
    if a.kind != NumberKind::Cardinal || b.kind != NumberKind::Cardinal {
        return None;
    }
    // A unit may be written on both ends: "10% to 15%", "$100,000 to $500,000".
    let link_at = units::after(toks, a.end).map_or(a.end, |u| u.end);
    let b_start = units::before(toks, b.first).map_or(b.first, |u| u.first);
    if b_start != link_at + 1 {
        return None;
    }
    let link = toks.get(link_at)?;
    let between = a.first >= 1 && toks.get(a.first - 1).is_some_and(|t| t.is("between"));
    let from = a.first >= 1 && toks.get(a.first - 1).is_some_and(|t| t.is("from"));
    let linked = if between {
        link.is("and")
    } else {
        link.is_punct('-') || link.is_punct('–') || ((link.is("to") || link.is("or")) && !from)
    };
    if !linked || a.suffix.is_some() || b.suffix.is_some() {
        return None;
    }
    let first_tok = toks.get(a.first)?;
    let year_range = exclude::is_year_like(first_tok)
        && toks.get(b.first).is_some_and(|t| {
            t.kind == TokKind::Digits && (t.text.len() == 2 || exclude::is_year_like(t))
        });
    if year_range || exclude::reason(toks, b).is_some() {
        return None;
    }
    let (mut low, high) = (a.value?, b.value?);
    // "10 to 15 million": the scale written once applies to both ends.
    if a.end == a.first + 1 && b.end > b.first + 1 {
        if let Some(head) = number::parse_at(&toks[..b.first + 1], b.first).and_then(|h| h.value) {
            if head > 0.0 {
                low *= high / head;
            }
        }
    }
    if low >= high {
        return None;
    }
    Some(Amount {
        first: if between { a.first - 1 } else { a.first },
        end: b.end,
        value: None,
        low: Some(low),
        high: Some(high),
        vague: false,
        range: true,
        of_allowed: b.end > b.first + 1,
        glued_unit: None,
    })
}

/// Reads hedge, units and the counted noun around an amount and makes the figure.
fn figure(text: &str, toks: &[Tok<'_>], a: Amount) -> Option<Figure> {
    let unit_before = units::before(toks, a.first);
    let num_start = unit_before.map_or(a.first, |u| u.first);
    let hedge = if a.range {
        None
    } else {
        hedge::before(toks, num_start)
    };
    let first = hedge.map_or(num_start, |(h, _)| h);
    let glued = a.glued_unit.map(|name| units::Unit {
        name,
        first: a.end,
        end: a.end,
    });
    let unit_after = if unit_before.is_some() {
        None
    } else {
        glued.or_else(|| units::after(toks, a.end)).or_else(|| {
            // "billions of dollars", "millions of euros": the currency after "of" is the unit.
            let of = toks.get(a.end).is_some_and(|t| t.is("of"));
            (a.of_allowed && of)
                .then(|| units::after(toks, a.end + 1))
                .flatten()
                .filter(units::Unit::is_money)
        })
    };
    let end = unit_after.map_or(a.end, |u| u.end);
    let unit = unit_before.or(unit_after);

    if unit.is_some_and(|u| !u.is_money()) && exclude::is_intensifier(toks, a.value, end) {
        return None;
    }
    let counted = if unit.is_some() {
        None
    } else {
        counted::noun_phrase(toks, end, a.of_allowed)
            .or_else(|| counted::line_label(text, toks, first))
    };
    if counted
        .as_ref()
        .is_some_and(|c| counted::is_time_unit(&c.head))
    {
        return None;
    }
    // Bare vague words and a lone "one" only count something when a noun or cue says what.
    let after_counted = counted.as_ref().map_or(end, |c| c.end.max(end));
    let category = match unit {
        Some(u) if u.is_money() => FigureCategory::Economic,
        Some(_) => FigureCategory::Other,
        None => counted::category(
            toks,
            first,
            after_counted,
            counted
                .as_ref()
                .filter(|c| !counted::institutional_bodies(toks, c))
                .map(|c| c.head.as_str()),
        ),
    };
    let lone_word =
        toks.get(a.first).is_some_and(|t| t.kind == TokKind::Word) && a.end == a.first + 1;
    if lone_word && unit.is_none() && counted.is_none() && category == FigureCategory::Other {
        return None;
    }
    // "half the residents": a bare fraction is a share, not a count.
    if unit.is_none() && a.value.is_some_and(|v| v > 0.0 && v < 1.0) {
        return None;
    }
    // "one of them", "zero tolerance": one and zero as words rarely count anything.
    if lone_word && matches!(a.value, Some(v) if v <= 1.0) && category == FigureCategory::Other {
        return None;
    }

    let (value, low, high) = if a.vague || a.range {
        (a.value, a.low, a.high)
    } else {
        let n = a.value?;
        hedge::bounds(hedge.map(|(_, kind)| kind), n)
    };
    let span = Span::new(toks.get(first)?.start, toks.get(end.checked_sub(1)?)?.end);
    let counted_anchor = counted.as_ref().and_then(|c| {
        let s = Span::new(
            toks.get(c.first)?.start,
            toks.get(c.end.checked_sub(1)?)?.end,
        );
        Anchor::new(text, s)
    });
    let hedge_text = hedge.and_then(|(h, _)| {
        let s = Span::new(toks.get(h)?.start, toks.get(num_start.checked_sub(1)?)?.end);
        s.slice(text).ok().map(str::to_lowercase)
    });
    Some(Figure {
        span,
        text: span.slice(text).ok()?.to_string(),
        value,
        low,
        high,
        unit: unit
            .map(|u| u.name.to_string())
            .or_else(|| counted.map(|c| c.head)),
        hedge: hedge_text,
        counted: counted_anchor,
        category,
        quote: None,
    })
}

#[cfg(test)]
mod tests;
