//! Number notations that news copy rarely uses but a general number reader accepts, as the
//! Microsoft Recognizers-Text specifications do: ratios ("1 over 3", "one out of three"),
//! thousands grouped by spaces ("1 234 567", "40 000"), a sign set apart from its number
//! ("- 10 k"), and digit lists ("22,24,26,31", "192.168.1.2") or a decimal comma ("1,3").
//!
//! The figure recognizer does not use them: in an article "5 over 3 days" is not a ratio and
//! "On August 7 200 soldiers" is not 7,200. [`find_numbers_with`] reads them when the
//! caller asks for [`Notations::GENERAL`].

use crate::lexer::{adjacent, tokenize, Tok, TokKind};
use crate::number::{parse_at, parse_digits, NumberKind, NumberMatch};
use parallax_core::Span;

/// Which notations beyond news copy the number scan reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Notations {
    /// "1 over 3", "one out of three".
    pub ratios: bool,
    /// "1 234 567", "40 000", "1\u{202f}234\u{202f}567.89".
    pub spaced_groups: bool,
    /// "- 1 4/5", "- 10  k".
    pub detached_sign: bool,
    /// "22,24,26,31" as four numbers, "1,3" as 1.3.
    pub digit_lists: bool,
}

impl Notations {
    /// What the figure recognizer reads in news copy: none of them.
    pub const NEWS: Notations = Notations {
        ratios: false,
        spaced_groups: false,
        detached_sign: false,
        digit_lists: false,
    };
    /// Every notation: a general-purpose number reader.
    pub const GENERAL: Notations = Notations {
        ratios: true,
        spaced_groups: true,
        detached_sign: true,
        digit_lists: true,
    };
}

/// Every number expression in `text` under `notations`, left to right, not overlapping.
pub fn find_numbers_with(text: &str, notations: Notations) -> Vec<NumberMatch> {
    let toks = tokenize(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if notations.digit_lists {
            let parts = digit_list(&toks[i]);
            if !parts.is_empty() {
                out.extend(parts);
                i += 1;
                continue;
            }
        }
        let found = (notations.spaced_groups)
            .then(|| spaced_groups(text, &toks, i))
            .flatten()
            .or_else(|| {
                (notations.detached_sign)
                    .then(|| detached_sign(&toks, i))
                    .flatten()
            })
            .or_else(|| parse_at(&toks, i));
        let Some(mut m) = found else {
            i += 1;
            continue;
        };
        if notations.ratios {
            if let Some(r) = ratio(&toks, &m) {
                m = r;
            }
        }
        i = m.end.max(i + 1);
        out.push(m);
    }
    out
}

fn cardinal(m: &NumberMatch) -> Option<f64> {
    (m.kind == NumberKind::Cardinal && m.suffix.is_none())
        .then_some(m.value)
        .flatten()
}

fn with_value(toks: &[Tok<'_>], first: usize, end: usize, value: f64, words: bool) -> NumberMatch {
    let span = Span::new(toks[first].start, toks[end - 1].end);
    NumberMatch {
        span,
        first,
        end,
        kind: NumberKind::Cardinal,
        value: Some(value),
        low: Some(value),
        high: Some(value),
        words,
        suffix: None,
    }
}

/// "1 over 3", "negative one over 20", "one out of three": `m` divided by the number after.
fn ratio(toks: &[Tok<'_>], m: &NumberMatch) -> Option<NumberMatch> {
    let numerator = cardinal(m)?;
    let at = if toks.get(m.end).is_some_and(|t| t.is("over")) {
        m.end + 1
    } else if toks.get(m.end).is_some_and(|t| t.is("out"))
        && toks.get(m.end + 1).is_some_and(|t| t.is("of"))
    {
        m.end + 2
    } else {
        return None;
    };
    let d = parse_at(toks, at)?;
    let denominator = cardinal(&d).filter(|v| *v != 0.0)?;
    // "$2000 over 3 years" is a period, not a ratio.
    let period = toks
        .get(d.end)
        .is_some_and(|t| crate::counted::is_time_unit(&t.text.to_ascii_lowercase()));
    if period {
        return None;
    }
    Some(with_value(
        toks,
        m.first,
        d.end,
        numerator / denominator,
        m.words || d.words,
    ))
}

/// "1 234 567", "40 000": a group of one to three digits, then groups of exactly three, each
/// after one space (ordinary, no-break or narrow no-break); the last may carry decimals.
fn spaced_groups(text: &str, toks: &[Tok<'_>], i: usize) -> Option<NumberMatch> {
    let head = toks.get(i).filter(|t| {
        t.kind == TokKind::Digits && t.text.len() <= 3 && t.text.bytes().all(|b| b.is_ascii_digit())
    })?;
    let mut digits = head.text.to_string();
    let mut end = i + 1;
    let mut prev = head;
    while let Some(t) = toks.get(end) {
        let gap = text.get(prev.end..t.start).unwrap_or("");
        let one_space = matches!(gap, " " | "\u{a0}" | "\u{202f}");
        let (int, frac) = t.text.split_once('.').unwrap_or((t.text, ""));
        let group = t.kind == TokKind::Digits
            && int.len() == 3
            && int.bytes().all(|b| b.is_ascii_digit())
            && frac.bytes().all(|b| b.is_ascii_digit());
        if !one_space || !group {
            break;
        }
        digits.push_str(t.text);
        end += 1;
        prev = t;
        if !frac.is_empty() {
            break;
        }
    }
    if end == i + 1 {
        return None;
    }
    Some(with_value(toks, i, end, digits.parse().ok()?, false))
}

/// "- 1 4/5", "- 10  k": a minus sign set apart from the number it negates, where it cannot
/// be a dash between two words or numbers.
fn detached_sign(toks: &[Tok<'_>], i: usize) -> Option<NumberMatch> {
    let sign = toks.get(i).filter(|t| t.is_punct('-') || t.is_punct('−'))?;
    let next = toks.get(i + 1).filter(|n| !adjacent(sign, n))?;
    if next.kind != TokKind::Digits {
        return None;
    }
    if i > 0 && toks.get(i - 1).is_some_and(|p| p.kind != TokKind::Punct) {
        return None;
    }
    let m = parse_at(toks, i + 1)?;
    let v = cardinal(&m)?;
    Some(with_value(toks, i, m.end, -v, m.words))
}

/// "22,24,26,31" and "192.168.1.2": digits joined by separators that are neither thousands
/// groups nor one decimal point, read as a list; a single comma not grouping thousands
/// ("1,3") as a decimal comma.
fn digit_list(t: &Tok<'_>) -> Vec<NumberMatch> {
    if t.kind != TokKind::Digits || parse_digits(t.text).is_some() {
        return Vec::new();
    }
    let seps = t.text.bytes().filter(|b| *b == b',' || *b == b'.').count();
    if seps == 1 && t.text.contains(',') {
        let Ok(v) = t.text.replace(',', ".").parse::<f64>() else {
            return Vec::new();
        };
        return vec![single(t.start, t.end, v)];
    }
    let mut out = Vec::new();
    let mut offset = t.start;
    for part in t.text.split([',', '.']) {
        let Ok(v) = part.parse::<f64>() else {
            return Vec::new();
        };
        out.push(single(offset, offset + part.len(), v));
        offset += part.len() + 1;
    }
    out
}

fn single(start: usize, end: usize, value: f64) -> NumberMatch {
    NumberMatch {
        span: Span::new(start, end),
        first: 0,
        end: 0,
        kind: NumberKind::Cardinal,
        value: Some(value),
        low: Some(value),
        high: Some(value),
        words: false,
        suffix: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, n: Notations) -> Vec<(String, f64)> {
        find_numbers_with(text, n)
            .into_iter()
            .filter_map(|m| Some((text.get(m.span.range())?.to_string(), m.value?)))
            .collect()
    }

    #[test]
    fn general_notations() {
        let g = Notations::GENERAL;
        assert_eq!(
            read("one out of three", g),
            vec![("one out of three".into(), 1.0 / 3.0)]
        );
        assert_eq!(read("2000 over 4", g), vec![("2000 over 4".into(), 500.0)]);
        assert_eq!(read("$2000 over 3 years", g).len(), 2);
        assert_eq!(
            read("is 1 414 021 100.", g),
            vec![("1 414 021 100".into(), 1_414_021_100.0)]
        );
        assert_eq!(
            read("1\u{202f}234\u{202f}567.89 is", g),
            vec![("1\u{202f}234\u{202f}567.89".into(), 1_234_567.89)]
        );
        assert_eq!(read("- 10 k", g), vec![("- 10 k".into(), -10_000.0)]);
        assert_eq!(read("1,3", g), vec![("1,3".into(), 1.3)]);
        assert_eq!(read("192.168.1.2", g).len(), 4);
        assert_eq!(read("22,24,26", g)[2], ("26".into(), 26.0));
    }

    #[test]
    fn news_copy_reads_none_of_them() {
        let n = Notations::NEWS;
        assert_eq!(read("5 over 3 days", n).len(), 2);
        assert_eq!(read("On August 7 200 soldiers", n).len(), 2);
        assert_eq!(read("ten - 10 k", n).len(), 2);
    }
}
