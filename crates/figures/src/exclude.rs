//! Numbers that are not figures: years and dates, times of day, model and document names,
//! phone-like digit chains, and "100 percent" used as an intensifier.
//!
//! Ordinals ("the 58th army", "the Fourth International") never reach here: an ordinal
//! ranks or names, it does not count, so the figure recognizer drops every ordinal.

use crate::lexer::{adjacent, Tok, TokKind};
use crate::number::NumberMatch;

fn is_month_tok(t: Option<&Tok<'_>>) -> bool {
    t.is_some_and(|t| {
        t.kind == TokKind::Word
            && t.text.len() <= 9
            && parallax_core::calendar::month(t.text).is_some()
    })
}

/// Whether the number reads as a year: four plain digits between 1000 and 2100.
pub fn is_year_like(tok: &Tok<'_>) -> bool {
    tok.kind == TokKind::Digits
        && tok.text.len() == 4
        && tok
            .text
            .parse::<u32>()
            .is_ok_and(|y| (1000..=2100).contains(&y))
}

/// Why a number is not a figure, if it is not one.
pub fn reason(toks: &[Tok<'_>], m: &NumberMatch) -> Option<&'static str> {
    let tok = toks.get(m.first)?;
    let prev = m.first.checked_sub(1).and_then(|i| toks.get(i));
    let next = toks.get(m.end);
    if m.suffix.is_some() {
        return Some("letters glued to the digits (1990s, 3pm, 75ml)");
    }
    if is_date(toks, m) {
        return Some("date");
    }
    if is_year_like(tok) && m.end == m.first + 1 {
        // "2,000 troops" but "(2001 census)", "1991 campus".
        let counted_plural = next.is_some_and(|n| {
            n.kind == TokKind::Word
                && !n.is_capitalized()
                && n.text.ends_with('s')
                && !n.text.ends_with("us")
                && !n.text.ends_with("ss")
        });
        let year_preposition = prev.is_some_and(|p| {
            [
                "in", "of", "since", "until", "by", "the", "from", "to", "and", "early", "late",
                "mid",
            ]
            .iter()
            .any(|w| p.is(w))
        });
        // "the deadly 2012 attacks", "GOP 2016 candidates": after an adjective in "-ly" or a
        // capitalized word a four-digit number names the year of what follows; a count of
        // thousands is written with a separator ("2,012 attacks") or after a verb or hedge.
        let year_modifier = prev.is_some_and(|p| {
            p.kind == TokKind::Word
                && (p.is_capitalized() || (p.text.len() > 4 && p.text.ends_with("ly")))
        });
        if !counted_plural || year_preposition || year_modifier {
            return Some("year");
        }
    }
    if is_rank(toks, m) {
        return Some("a rank (No. 2)");
    }
    if is_age(toks, m) {
        return Some("a person's age");
    }
    if is_identifier(toks, m) {
        return Some("part of an identifier (ticker, URL slug)");
    }
    if is_time_of_day(toks, m) {
        return Some("time of day");
    }
    if is_phone_like(toks, m) {
        return Some("phone-like digit chain");
    }
    if is_model_name(toks, m) {
        return Some("model or document name");
    }
    None
}

/// A rank, not a count: "the No. 2 Democrat", "No 3", "number 3 Republican".
fn is_rank(toks: &[Tok<'_>], m: &NumberMatch) -> bool {
    let prev = m.first.checked_sub(1).and_then(|i| toks.get(i));
    let before_dot = m.first.checked_sub(2).and_then(|i| toks.get(i));
    let is_no = |t: &Tok<'_>| t.text == "No" || t.text == "no" || t.text == "NO";
    prev.is_some_and(|p| is_no(p) || p.is("number") || p.is_punct('#'))
        || (prev.is_some_and(|p| p.is_punct('.')) && before_dot.is_some_and(is_no))
}

/// A person's age: "aged 61", "age 75", a number set off by commas after a name ("Carole
/// Bower, 75, a retiree"), and the compound "18-year-old" ("18 years old", "six-month-old").
/// Ages are not counts: "the death of 18-year-old Michael Brown" tells of one death, not 18.
fn is_age(toks: &[Tok<'_>], m: &NumberMatch) -> bool {
    let prev = m.first.checked_sub(1).and_then(|i| toks.get(i));
    if prev.is_some_and(|p| p.is("aged") || p.is("age") || p.is("ages")) {
        return true;
    }
    let hyphen_at = |i: usize| usize::from(toks.get(i).is_some_and(|t| t.is_punct('-')));
    let unit = m.end + hyphen_at(m.end);
    if toks.get(unit).is_some_and(|t| {
        t.kind == TokKind::Word && crate::counted::is_time_unit(&t.text.to_ascii_lowercase())
    }) {
        let old = unit + 1 + hyphen_at(unit + 1);
        if toks.get(old).is_some_and(|t| t.is("old")) {
            return true;
        }
    }
    let small = m
        .value
        .is_some_and(|v| v.fract() == 0.0 && (1.0..=120.0).contains(&v))
        && !m.words;
    let name_before = m.first >= 2
        && prev.is_some_and(|p| p.is_punct(','))
        && toks
            .get(m.first - 2)
            .is_some_and(|n| n.kind == TokKind::Word && n.is_capitalized());
    let comma_after = toks
        .get(m.end)
        .is_some_and(|t| t.is_punct(',') || t.is_punct(')'));
    small && name_before && comma_after
}

/// "(603260.SS)", "acciona-seeks-11-6-billion": digits glued to a ticker suffix, or hyphens
/// glued on both sides as in a URL slug.
fn is_identifier(toks: &[Tok<'_>], m: &NumberMatch) -> bool {
    let glued = |i: usize, j: usize| {
        toks.get(i)
            .zip(toks.get(j))
            .is_some_and(|(a, b)| adjacent(a, b))
    };
    let ticker = toks.get(m.end).is_some_and(|t| t.is_punct('.'))
        && glued(m.end - 1, m.end)
        && glued(m.end, m.end + 1)
        && toks.get(m.end + 1).is_some_and(|t| {
            t.kind == TokKind::Word
                && t.text.len() <= 3
                && t.text.chars().all(|c| c.is_ascii_uppercase())
        });
    let slug = m.first >= 1
        && toks.get(m.first - 1).is_some_and(|t| t.is_punct('-'))
        && toks.get(m.end).is_some_and(|t| t.is_punct('-'))
        && glued(m.first - 1, m.first)
        && glued(m.end - 1, m.end)
        && m.first >= 2
        && glued(m.first - 2, m.first - 1)
        && glued(m.end, m.end + 1);
    ticker || slug
}

/// "August 8", "8 August", "Aug. 8", "8/8/2008", "2008-08-08".
fn is_date(toks: &[Tok<'_>], m: &NumberMatch) -> bool {
    let prev = m.first.checked_sub(1).and_then(|i| toks.get(i));
    let before_dot = m.first.checked_sub(2).and_then(|i| toks.get(i));
    let month_before =
        is_month_tok(prev) || (prev.is_some_and(|p| p.is_punct('.')) && is_month_tok(before_dot));
    let month_after = is_month_tok(toks.get(m.end))
        || (toks.get(m.end).is_some_and(|t| t.is("of")) && is_month_tok(toks.get(m.end + 1)));
    if m.kind != crate::number::NumberKind::Vague && !m.words && (month_before || month_after) {
        return true;
    }
    // Digit groups glued by "/" or "-" into a date shape.
    let glued = |i: usize, j: usize| {
        toks.get(i)
            .zip(toks.get(j))
            .is_some_and(|(a, b)| adjacent(a, b))
    };
    let sep = |i: usize| toks.get(i).is_some_and(|t| t.is_punct('/'));
    (sep(m.end)
        && glued(m.end - 1, m.end)
        && toks
            .get(m.end + 1)
            .is_some_and(|t| t.kind == TokKind::Digits)
        && glued(m.end, m.end + 1))
        || (m.first >= 2
            && sep(m.first - 1)
            && glued(m.first - 1, m.first)
            && glued(m.first - 2, m.first - 1))
}

/// "3 p.m.", "3pm" (caught as a suffix), "10:30", "5 o'clock".
fn is_time_of_day(toks: &[Tok<'_>], m: &NumberMatch) -> bool {
    let next = toks.get(m.end);
    let after = toks.get(m.end + 1);
    let colon_after = next.is_some_and(|n| n.is_punct(':'))
        && after.is_some_and(|a| a.kind == TokKind::Digits)
        && toks
            .get(m.end - 1)
            .zip(next)
            .is_some_and(|(a, b)| adjacent(a, b));
    let colon_before = m.first >= 2
        && toks.get(m.first - 1).is_some_and(|p| p.is_punct(':'))
        && toks
            .get(m.first - 2)
            .is_some_and(|p| p.kind == TokKind::Digits);
    let meridiem = next.is_some_and(|n| {
        n.is("am")
            || n.is("pm")
            || n.is("gmt")
            || n.is("utc")
            || n.is("o")
            || ((n.is("a") || n.is("p")) && after.is_some_and(|a| a.is_punct('.')))
    });
    colon_after || colon_before || (meridiem && !m.words)
}

/// "555-1234", "+7 495 123", "(202) 555-0100": digit groups chained by "-" with seven or more
/// digits in all, or introduced by "+".
fn is_phone_like(toks: &[Tok<'_>], m: &NumberMatch) -> bool {
    let Some(tok) = toks.get(m.first) else {
        return false;
    };
    if tok.kind != TokKind::Digits {
        return false;
    }
    // "+7 (495) 123-45-67": walk back over the digit groups to an international "+".
    let mut i = m.first;
    while i > 0 && m.first - i < 8 {
        let Some(p) = toks.get(i - 1) else { break };
        if p.is_punct('+') {
            return toks
                .get(i)
                .is_some_and(|n| n.kind == TokKind::Digits && adjacent(p, n));
        }
        if !(p.kind == TokKind::Digits || p.is_punct('(') || p.is_punct(')') || p.is_punct('-')) {
            break;
        }
        i -= 1;
    }
    // Walk the chain of glued "digits-digits-..." both ways.
    let is_link = |i: usize| {
        toks.get(i)
            .is_some_and(|t| t.is_punct('-') || t.is_punct('.'))
            && toks
                .get(i.wrapping_sub(1))
                .zip(toks.get(i))
                .is_some_and(|(a, b)| adjacent(a, b))
            && toks.get(i + 1).is_some_and(|n| {
                n.kind == TokKind::Digits && toks.get(i).is_some_and(|l| adjacent(l, n))
            })
    };
    let mut start = m.first;
    while start >= 2
        && is_link(start - 1)
        && toks
            .get(start - 2)
            .is_some_and(|t| t.kind == TokKind::Digits)
    {
        start -= 2;
    }
    let mut end = m.first;
    while is_link(end + 1) {
        end += 2;
    }
    if start == end {
        return false;
    }
    let digits: usize = (start..=end)
        .filter_map(|i| toks.get(i))
        .filter(|t| t.kind == TokKind::Digits)
        .map(|t| t.text.len())
        .sum();
    digits >= 7 || (end - start) >= 4
}

/// "Su-25", "S-300", "HTML5" (a mixed token, never parsed as a number), "Resolution 1701".
fn is_model_name(toks: &[Tok<'_>], m: &NumberMatch) -> bool {
    let Some(tok) = toks.get(m.first) else {
        return false;
    };
    if m.words {
        return false;
    }
    // Letters glued by a hyphen: "Su-25", "MiG-29", "T-72".
    if m.first >= 2 {
        if let (Some(h), Some(w)) = (toks.get(m.first - 1), toks.get(m.first - 2)) {
            if h.is_punct('-')
                && adjacent(h, tok)
                && adjacent(w, h)
                && matches!(w.kind, TokKind::Word | TokKind::Mixed)
            {
                return true;
            }
        }
    }
    // Digits glued by a hyphen to letters after: "25-M" is a model, "15-year-old" is not.
    if let (Some(h), Some(w)) = (toks.get(m.end), toks.get(m.end + 1)) {
        if h.is_punct('-')
            && adjacent(h, w)
            && w.kind == TokKind::Word
            && w.text.chars().all(char::is_uppercase)
        {
            return true;
        }
    }
    // A capitalized name right before a bare number: "Resolution 1701", "Boeing 747".
    let prev = m.first.checked_sub(1).and_then(|i| toks.get(i));
    let prev_prev = m.first.checked_sub(2).and_then(|i| toks.get(i));
    let mid_sentence =
        prev_prev.is_some_and(|p| !(p.is_punct('.') || p.is_punct('"') || p.is_punct('“')));
    prev.is_some_and(|p| {
        p.kind == TokKind::Word
            && p.is_capitalized()
            && mid_sentence
            && parallax_core::calendar::month(p.text).is_none()
            && !p.text.chars().all(char::is_uppercase)
    }) && toks
        .get(m.end)
        .is_none_or(|n| n.kind != TokKind::Word || n.is_capitalized())
}

/// "100 percent unprovoked": the whole amount used to intensify an adjective.
pub fn is_intensifier(toks: &[Tok<'_>], value: Option<f64>, after_unit: usize) -> bool {
    if value != Some(100.0) {
        return false;
    }
    let Some(next) = toks.get(after_unit) else {
        return false;
    };
    if next.kind != TokKind::Word {
        return false;
    }
    let w = next.text.to_lowercase();
    const ADJECTIVES: [&str; 12] = [
        "sure",
        "certain",
        "true",
        "right",
        "wrong",
        "correct",
        "behind",
        "confident",
        "safe",
        "clear",
        "committed",
        "convinced",
    ];
    ADJECTIVES.contains(&w.as_str())
        || [
            "ed", "ly", "ful", "ive", "able", "ible", "ous", "al", "ic", "ent", "ant", "less",
        ]
        .iter()
        .any(|s| w.len() > s.len() + 2 && w.ends_with(s))
}
