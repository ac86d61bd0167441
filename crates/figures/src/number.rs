//! Number expressions: digits, number words, ordinals, scale words and vague amounts.
//!
//! This is the pure parsing layer: it knows nothing of what is counted or whether a number is
//! a year. [`parse_at`] reads the longest number expression starting at a token; the figure
//! and time recognizers decide what the number means in its context.

use crate::lexer::{adjacent, tokenize, Tok, TokKind};
use parallax_core::word_filter::WordFilter;
use parallax_core::Span;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// How a number expression counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberKind {
    /// A cardinal amount ("15", "two million", "a dozen").
    Cardinal,
    /// An ordinal ("58th", "fourth").
    Ordinal,
    /// A vague amount with bounds but no value ("hundreds", "tens of thousands", "several").
    Vague,
}

/// One number expression found in a token sequence.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberMatch {
    /// Byte span in the text.
    pub span: Span,
    /// Token range `[first, end)`.
    pub first: usize,
    pub end: usize,
    pub kind: NumberKind,
    /// The value stated; `None` for vague amounts.
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// Whether the number is written (at least partly) in words.
    pub words: bool,
    /// Letters glued to the digits that are not a number suffix ("ml" in "75ml", "s" in
    /// "1990s"), as a byte span; the caller decides what they mean.
    pub suffix: Option<Span>,
}

impl NumberMatch {
    fn exact(toks: &[Tok<'_>], first: usize, end: usize, value: f64, kind: NumberKind) -> Self {
        NumberMatch {
            span: span_of(toks, first, end),
            first,
            end,
            kind,
            value: Some(value),
            low: Some(value),
            high: Some(value),
            words: toks[first..end].iter().any(|t| t.kind == TokKind::Word),
            suffix: None,
        }
    }
}

fn span_of(toks: &[Tok<'_>], first: usize, end: usize) -> Span {
    let start = toks.get(first).map_or(0, |t| t.start);
    let stop = end
        .checked_sub(1)
        .and_then(|i| toks.get(i))
        .map_or(start, |t| t.end);
    Span::new(start, stop)
}

/// Value of a number word below a hundred, and whether it is a ten (twenty, thirty, ...).
fn small_word(w: &str) -> Option<(f64, bool)> {
    entry(w).and_then(|e| e.small)
}

/// Value of an ordinal word below a hundred, and whether it is a ten ("twentieth").
fn ordinal_word(w: &str) -> Option<(f64, bool)> {
    entry(w).and_then(|e| e.ordinal)
}

/// What the number vocabulary knows of one lowercase word. Every word in the table can open a
/// number expression ([`may_start_word`]).
#[derive(Debug, Clone, Copy, Default)]
struct Entry {
    small: Option<(f64, bool)>,
    ordinal: Option<(f64, bool)>,
    vague: Option<(f64, f64)>,
}

/// Number words below a hundred: value, and whether it is a ten.
const SMALL_WORDS: &[(&str, f64, bool)] = &[
    ("zero", 0.0, false),
    ("nought", 0.0, false),
    ("naught", 0.0, false),
    ("one", 1.0, false),
    ("two", 2.0, false),
    ("three", 3.0, false),
    ("four", 4.0, false),
    ("five", 5.0, false),
    ("six", 6.0, false),
    ("seven", 7.0, false),
    ("eight", 8.0, false),
    ("nine", 9.0, false),
    ("ten", 10.0, false),
    ("eleven", 11.0, false),
    ("twelve", 12.0, false),
    ("thirteen", 13.0, false),
    ("fourteen", 14.0, false),
    ("fifteen", 15.0, false),
    ("sixteen", 16.0, false),
    ("seventeen", 17.0, false),
    ("eighteen", 18.0, false),
    ("nineteen", 19.0, false),
    ("twenty", 20.0, true),
    ("thirty", 30.0, true),
    ("forty", 40.0, true),
    ("fourty", 40.0, true),
    ("fifty", 50.0, true),
    ("sixty", 60.0, true),
    ("seventy", 70.0, true),
    ("eighty", 80.0, true),
    ("ninety", 90.0, true),
];

/// Ordinal words below a hundred: value, and whether it is a ten.
const ORDINAL_WORDS: &[(&str, f64, bool)] = &[
    ("first", 1.0, false),
    ("second", 2.0, false),
    ("third", 3.0, false),
    ("fourth", 4.0, false),
    ("fifth", 5.0, false),
    ("sixth", 6.0, false),
    ("seventh", 7.0, false),
    ("eighth", 8.0, false),
    ("ninth", 9.0, false),
    ("tenth", 10.0, false),
    ("eleventh", 11.0, false),
    ("twelfth", 12.0, false),
    ("thirteenth", 13.0, false),
    ("fourteenth", 14.0, false),
    ("fifteenth", 15.0, false),
    ("sixteenth", 16.0, false),
    ("seventeenth", 17.0, false),
    ("eighteenth", 18.0, false),
    ("nineteenth", 19.0, false),
    ("twentieth", 20.0, true),
    ("thirtieth", 30.0, true),
    ("fortieth", 40.0, true),
    ("fiftieth", 50.0, true),
    ("sixtieth", 60.0, true),
    ("seventieth", 70.0, true),
    ("eightieth", 80.0, true),
    ("ninetieth", 90.0, true),
];

/// Plural scale words used as vague amounts, with their bounds ("hundreds" → 100..999).
const VAGUE_SCALES: &[(&str, f64, f64)] = &[
    ("dozens", 24.0, 99.0),
    ("scores", 40.0, 99.0),
    ("hundreds", 100.0, 999.0),
    ("thousands", 1e3, 9_999.0),
    ("millions", 1e6, 999_999_999.0),
    ("billions", 1e9, 999_999_999_999.0),
];

/// Words that open number expressions without being number words themselves ("a dozen",
/// "minus five", "tens of thousands", "several hundred", "half a million").
const OTHER_STARTS: &[&str] = &["a", "an", "minus", "negative", "tens", "several", "half"];

/// The vocabulary, keyed by lowercase word, built once: one hash lookup per word instead of
/// a chain of `match`es.
fn table() -> &'static FxHashMap<&'static str, Entry> {
    static TABLE: OnceLock<FxHashMap<&'static str, Entry>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: FxHashMap<&'static str, Entry> = FxHashMap::default();
        for &(w, v, ten) in SMALL_WORDS {
            table.entry(w).or_default().small = Some((v, ten));
        }
        for &(w, v, ten) in ORDINAL_WORDS {
            table.entry(w).or_default().ordinal = Some((v, ten));
        }
        for &(w, low, high) in VAGUE_SCALES {
            table.entry(w).or_default().vague = Some((low, high));
        }
        for w in OTHER_STARTS {
            table.entry(w).or_default();
        }
        table
    })
}

fn entry(w: &str) -> Option<&'static Entry> {
    table().get(w)
}

/// Every lowercase word that can open a number expression, for annotators that gate on it.
pub fn start_words() -> impl Iterator<Item = &'static str> {
    SMALL_WORDS
        .iter()
        .map(|e| e.0)
        .chain(ORDINAL_WORDS.iter().map(|e| e.0))
        .chain(VAGUE_SCALES.iter().map(|e| e.0))
        .chain(OTHER_STARTS.iter().copied())
}

/// The denominator a fraction word names ("fifths" → 5); "second" is left out, being a unit
/// of time far more often than half.
fn denominator(w: &str) -> Option<f64> {
    let singular = w.strip_suffix('s').unwrap_or(w);
    match singular {
        "half" | "halve" => Some(2.0),
        "quarter" => Some(4.0),
        "second" | "first" => None,
        "hundredth" => Some(1e2),
        "thousandth" => Some(1e3),
        "millionth" => Some(1e6),
        "billionth" => Some(1e9),
        "trillionth" => Some(1e12),
        _ => ordinal_word(singular).map(|(v, _)| v),
    }
}

/// Scale words that multiply what precedes them.
fn scale_word(w: &str) -> Option<f64> {
    match w {
        "hundred" => Some(1e2),
        "thousand" => Some(1e3),
        "million" => Some(1e6),
        "billion" => Some(1e9),
        "trillion" => Some(1e12),
        "lakh" | "lakhs" => Some(1e5),
        "crore" | "crores" => Some(1e7),
        _ => None,
    }
}

/// Ordinal scale words ("hundredth").
fn ordinal_scale(w: &str) -> Option<f64> {
    match w {
        "hundredth" => Some(1e2),
        "thousandth" => Some(1e3),
        "millionth" => Some(1e6),
        _ => None,
    }
}

/// Bounds of plural scale words used as vague amounts ("hundreds" → 100..999).
fn vague_scale(w: &str) -> Option<(f64, f64)> {
    entry(w).and_then(|e| e.vague)
}

/// Parses a digit string with optional thousands separators and one decimal point.
/// Commas must group digits by three ("1,234"); anything else is not a number.
pub fn parse_digits(s: &str) -> Option<f64> {
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    if frac.is_some_and(|f| f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let mut groups = int.split(',');
    let head = groups.next()?;
    if head.is_empty() || !head.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut digits = head.to_string();
    for g in groups {
        if g.len() != 3 || !g.bytes().all(|b| b.is_ascii_digit()) || head.len() > 3 {
            return None;
        }
        digits.push_str(g);
    }
    if let Some(f) = frac {
        digits.push('.');
        digits.push_str(f);
    }
    digits.parse().ok()
}

/// A short lowercase ASCII word in a stack buffer: the number parser reads every candidate
/// word through one, so that parsing allocates nothing.
/// Holds the token's own text when it is already lowercase, else a lowercased copy.
#[derive(Default)]
struct WordBuf<'a> {
    borrowed: Option<&'a str>,
    buf: [u8; 12],
    len: usize,
}

impl std::ops::Deref for WordBuf<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match self.borrowed {
            Some(s) => s,
            None => std::str::from_utf8(self.buf.get(..self.len).unwrap_or(&[])).unwrap_or(""),
        }
    }
}

impl PartialEq<&str> for WordBuf<'_> {
    fn eq(&self, other: &&str) -> bool {
        &**self == *other
    }
}

/// Reads word token `i` into `buf`, lowercased; false when it is not a short ASCII word.
fn word_at<'a>(toks: &[Tok<'a>], i: usize, buf: &mut WordBuf<'a>) -> bool {
    buf.len = 0;
    buf.borrowed = None;
    match toks.get(i) {
        Some(t) if t.kind == TokKind::Word && t.text.len() <= 12 && t.text.is_ascii() => {
            if !t.text.bytes().any(|b| b.is_ascii_uppercase()) {
                buf.borrowed = Some(t.text);
                return true;
            }
            for (b, s) in buf.buf.iter_mut().zip(t.text.bytes()) {
                *b = s.to_ascii_lowercase();
            }
            buf.len = t.text.len();
            true
        }
        _ => false,
    }
}

/// A denominator written in more than one word, starting at token `j`: a ten and a unit
/// ordinal ("twenty-firsts", "thirty fifths" → 35), or a unit and a scale before an ordinal
/// ("one hundred fifth" → 105, "one thousand and fifths" → 1005). Returns the denominator,
/// the token after it and whether it is plural. "second" is left out (a unit of time).
fn compound_denominator(toks: &[Tok<'_>], j: usize) -> Option<(f64, usize, bool)> {
    let mut buf = WordBuf::default();
    if !word_at(toks, j, &mut buf) {
        return None;
    }
    let (lead, is_ten) = small_word(&buf)?;
    let mut k = j + 1;
    let mut base = lead;
    if !is_ten {
        // "one hundred (and) fifth".
        let mut scale = WordBuf::default();
        let s = word_at(toks, k, &mut scale)
            .then(|| scale_word(&scale))
            .flatten()
            .filter(|s| *s == 1e2 || *s == 1e3)?;
        if lead == 0.0 || lead >= 10.0 {
            return None;
        }
        base = lead * s;
        k += 1;
        if toks.get(k).is_some_and(|t| t.is("and")) {
            k += 1;
        }
    } else if toks.get(k).is_some_and(|t| t.is_punct('-')) {
        k += 1;
    }
    let mut last = WordBuf::default();
    if !word_at(toks, k, &mut last) {
        return None;
    }
    let plural = last.ends_with('s');
    let singular = last.strip_suffix('s').unwrap_or(&last);
    let (v, ten) = ordinal_word(singular).filter(|(v, _)| *v != 2.0)?;
    if is_ten && (ten || v >= 10.0) {
        return None;
    }
    Some((base + v, k + 1, plural))
}

/// [`small_word`] of a word token, in any case.
fn small_word_tok(t: &Tok<'_>) -> Option<(f64, bool)> {
    let mut buf = WordBuf::default();
    word_at(std::slice::from_ref(t), 0, &mut buf)
        .then(|| small_word(&buf))
        .flatten()
}

fn is_number_word(w: &str) -> bool {
    small_word(w).is_some() || ordinal_word(w).is_some()
}

/// Reads the longest number expression starting at token `i`.
pub fn parse_at(toks: &[Tok<'_>], i: usize) -> Option<NumberMatch> {
    let tok = toks.get(i)?;
    match tok.kind {
        TokKind::Digits | TokKind::DigitsAlpha | TokKind::Mixed => parse_digit_start(toks, i),
        TokKind::Word if tok.is("minus") || tok.is("negative") => negated(toks, i),
        // Only a start word opens a worded number; the check turns most words away cheaply.
        TokKind::Word if !may_start(tok) => None,
        TokKind::Word => parse_vague(toks, i).or_else(|| parse_words(toks, i)),
        TokKind::Punct if tok.is_punct('-') || tok.is_punct('−') => {
            // A sign glued to the digits, not a hyphen after a word or number ("10-15").
            let glued_before = i > 0
                && toks
                    .get(i - 1)
                    .is_some_and(|p| adjacent(p, tok) && p.kind != TokKind::Punct);
            let glued_after = toks.get(i + 1).is_some_and(|n| {
                adjacent(tok, n) && n.kind != TokKind::Punct && n.kind != TokKind::Word
            });
            if glued_before || !glued_after {
                return None;
            }
            negated(toks, i)
        }
        TokKind::Punct if tok.is_punct('.') => {
            // ".08": a decimal without its leading zero.
            let glued_before = i > 0
                && toks
                    .get(i - 1)
                    .is_some_and(|p| adjacent(p, tok) && p.kind != TokKind::Punct);
            let next = toks
                .get(i + 1)
                .filter(|n| adjacent(tok, n) && n.kind == TokKind::Digits)?;
            if glued_before || next.text.contains([',', '.']) {
                return None;
            }
            let value: f64 = format!("0.{}", next.text).parse().ok()?;
            Some(NumberMatch::exact(
                toks,
                i,
                i + 2,
                value,
                NumberKind::Cardinal,
            ))
        }
        _ => None,
    }
}

/// "minus five", "-9.5": the number after the sign, negated.
fn negated(toks: &[Tok<'_>], i: usize) -> Option<NumberMatch> {
    let mut m =
        parse_at(toks, i + 1).filter(|m| m.kind == NumberKind::Cardinal && m.suffix.is_none())?;
    m.value = m.value.map(|v| -v);
    m.low = m.value;
    m.high = m.value;
    m.first = i;
    m.span = span_of(toks, i, m.end);
    Some(m)
}

/// Scale letters glued to or written after digits: "1.5k", "5bn", "10M", "2mil".
fn scale_suffix(suffix: &str) -> Option<f64> {
    match suffix {
        "k" | "K" => Some(1e3),
        "M" | "MM" | "mm" | "mil" | "mln" | "mn" => Some(1e6),
        "b" | "B" | "bn" | "bln" | "G" | "g" => Some(1e9),
        "tn" | "tln" | "T" => Some(1e12),
        _ => None,
    }
}

/// "3/4": a fraction of glued digits, not part of a date ("8/8/2008").
fn digit_fraction(toks: &[Tok<'_>], i: usize) -> Option<(f64, usize)> {
    let (a, slash, b) = (toks.get(i)?, toks.get(i + 1)?, toks.get(i + 2)?);
    let shape = a.kind == TokKind::Digits
        && slash.is_punct('/')
        && b.kind == TokKind::Digits
        && adjacent(a, slash)
        && adjacent(slash, b);
    let more = toks
        .get(i + 3)
        .is_some_and(|t| t.is_punct('/') && adjacent(b, t));
    if !shape || more {
        return None;
    }
    let (n, d) = (parse_digits(a.text)?, parse_digits(b.text)?);
    (d != 0.0 && n < d * 10.0).then(|| (n / d, i + 3))
}

/// "1.3e6", "12.32e+14": scientific notation.
fn scientific(toks: &[Tok<'_>], i: usize) -> Option<(f64, usize)> {
    let t = toks.get(i)?;
    let (mantissa, exponent) = t.text.split_once(['e', 'E'])?;
    let m = parse_digits(mantissa)?;
    if !exponent.is_empty() {
        let e: i32 = exponent.parse().ok()?;
        return Some((m * 10f64.powi(e), i + 1));
    }
    let sign = toks
        .get(i + 1)
        .filter(|s| adjacent(t, s) && (s.is_punct('+') || s.is_punct('-')))?;
    let digits = toks
        .get(i + 2)
        .filter(|d| adjacent(sign, d) && d.kind == TokKind::Digits)?;
    let e: i32 = digits.text.parse().ok()?;
    let e = if sign.is_punct('-') { -e } else { e };
    Some((m * 10f64.powi(e), i + 3))
}

/// "1.1^23", "2.5^-1", "1.1^--23": `base` raised to the signed whole exponent written glued
/// after it from token `at`.
fn power(toks: &[Tok<'_>], at: usize, base: f64) -> Option<(f64, usize)> {
    let caret = toks.get(at).filter(|t| t.is_punct('^'))?;
    if !adjacent(toks.get(at.checked_sub(1)?)?, caret) {
        return None;
    }
    let mut prev = caret;
    let mut negative = false;
    let mut j = at + 1;
    loop {
        let t = toks.get(j).filter(|t| adjacent(prev, t))?;
        if t.is_punct('-') || t.is_punct('+') {
            negative ^= t.is_punct('-');
            prev = t;
            j += 1;
            continue;
        }
        if t.kind != TokKind::Digits || t.text.len() > 3 {
            return None;
        }
        let e: i32 = t.text.parse().ok()?;
        let v = base.powi(if negative { -e } else { e });
        return v.is_finite().then_some((v, j + 1));
    }
}

/// "1,234", "2 million", "1.5bn", "58th", "75ml".
fn parse_digit_start(toks: &[Tok<'_>], i: usize) -> Option<NumberMatch> {
    let tok = toks.get(i)?;
    let digit_len = tok
        .text
        .find(|c: char| c.is_alphabetic())
        .unwrap_or(tok.text.len());
    if let Some((v, end)) = scientific(toks, i) {
        return Some(NumberMatch::exact(toks, i, end, v, NumberKind::Cardinal));
    }
    if tok.kind == TokKind::Mixed {
        return None;
    }
    if let Some((v, end)) = digit_fraction(toks, i) {
        return Some(NumberMatch::exact(toks, i, end, v, NumberKind::Cardinal));
    }
    let value = parse_digits(&tok.text[..digit_len])?;
    let suffix = &tok.text[digit_len..];
    if !suffix.is_empty() {
        let lower = suffix.to_ascii_lowercase();
        let ordinal = matches!(lower.as_str(), "st" | "nd" | "rd" | "th")
            && value.fract() == 0.0
            && ordinal_suffix_fits(value, &lower);
        if ordinal {
            return Some(NumberMatch::exact(
                toks,
                i,
                i + 1,
                value,
                NumberKind::Ordinal,
            ));
        }
        if let Some(s) = scale_suffix(suffix) {
            return Some(NumberMatch::exact(
                toks,
                i,
                i + 1,
                value * s,
                NumberKind::Cardinal,
            ));
        }
        let mut m = NumberMatch::exact(toks, i, i + 1, value, NumberKind::Cardinal);
        m.suffix = Some(Span::new(tok.start + digit_len, tok.end));
        return Some(m);
    }
    if let Some((v, end)) = power(toks, i + 1, value) {
        return Some(NumberMatch::exact(toks, i, end, v, NumberKind::Cardinal));
    }
    // Digits followed by scale words: "2 million", "1.5 billion", "300 thousand".
    let mut end = i + 1;
    let mut total = value;
    let mut last_scale = f64::INFINITY;
    let mut buf = WordBuf::default();
    // "2 1/4": a whole number and a fraction.
    if let Some((f, e)) = digit_fraction(toks, end).filter(|_| value.fract() == 0.0) {
        return Some(NumberMatch::exact(
            toks,
            i,
            e,
            value + f,
            NumberKind::Cardinal,
        ));
    }
    while word_at(toks, end, &mut buf) {
        let written = toks.get(end).map_or("", |t| t.text);
        let scale = scale_word(&buf)
            .or_else(|| {
                matches!(&*buf, "dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs").then_some(12.0)
            })
            .or_else(|| {
                scale_suffix(written)
                    .filter(|_| written != "g" && written != "b" && written != "mm")
            });
        match scale {
            Some(s) if s < last_scale => {
                total *= s;
                last_scale = s;
                end += 1;
            }
            _ => break,
        }
    }
    Some(NumberMatch::exact(
        toks,
        i,
        end,
        total,
        NumberKind::Cardinal,
    ))
}

fn ordinal_suffix_fits(value: f64, suffix: &str) -> bool {
    let n = value as u64;
    let expected = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    expected == suffix
}

/// "hundreds", "tens of thousands", "several", "a handful", "several hundred".
fn parse_vague(toks: &[Tok<'_>], i: usize) -> Option<NumberMatch> {
    let mut buf = WordBuf::default();
    word_at(toks, i, &mut buf);
    let vague = |first: usize, end: usize, low: f64, high: f64| NumberMatch {
        span: span_of(toks, first, end),
        first,
        end,
        kind: NumberKind::Vague,
        value: None,
        low: Some(low),
        high: Some(high),
        words: true,
        suffix: None,
    };
    let next_is = |j: usize, w: &str| toks.get(j).is_some_and(|t| t.is(w));
    // "tens of thousands", "hundreds of millions": the first word scales the second.
    let multiplier = match &*buf {
        "tens" => Some(10.0),
        "hundreds" => Some(100.0),
        _ => None,
    };
    if let Some(m) = multiplier {
        if next_is(i + 1, "of") {
            let mut second = WordBuf::default();
            if word_at(toks, i + 2, &mut second) {
                if let Some((low, _)) = vague_scale(&second).filter(|(l, _)| *l >= 1e3) {
                    let lo = low * m;
                    return Some(vague(i, i + 3, lo, lo * 10.0 - 1.0));
                }
            }
        }
    }
    if let Some((low, high)) = vague_scale(&buf) {
        return Some(vague(i, i + 1, low, high));
    }
    match &*buf {
        // "several hundred" → 300..900; plain "several" → 3..9.
        "several" => {
            let mut second = WordBuf::default();
            if word_at(toks, i + 1, &mut second) {
                if let Some(s) = scale_word(&second) {
                    return Some(vague(i, i + 2, 3.0 * s, 9.0 * s));
                }
            }
            Some(vague(i, i + 1, 3.0, 9.0))
        }
        "a" if next_is(i + 1, "handful") => Some(vague(i, i + 2, 3.0, 5.0)),
        _ => None,
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Last {
    None,
    Unit,
    Teen,
    Ten,
    Hundred,
    Scale,
}

/// "fifteen", "two million", "a dozen", "one hundred and twenty", "twenty-first".
fn parse_words(toks: &[Tok<'_>], i: usize) -> Option<NumberMatch> {
    let mut buf = WordBuf::default();
    let mut total = 0.0;
    let mut cur = 0.0;
    let mut last = Last::None;
    let mut last_scale = f64::INFINITY;
    let mut j = i;
    let mut end = i;
    let mut kind = NumberKind::Cardinal;
    // The part of `cur` written since its last "hundred", which "dozen" multiplies.
    let mut small = 0.0;
    // "half a dozen" is six; "half" alone a half.
    if toks.get(i).is_some_and(|t| t.is("half")) {
        let dozen = toks.get(i + 1).is_some_and(|t| t.is("a"))
            && toks.get(i + 2).is_some_and(|t| t.is("dozen"));
        return Some(if dozen {
            NumberMatch::exact(toks, i, i + 3, 6.0, NumberKind::Cardinal)
        } else {
            NumberMatch::exact(toks, i, i + 1, 0.5, NumberKind::Cardinal)
        });
    }
    // "a hundred", "a dozen": the article stands for one before a scale word.
    if toks.get(i).is_some_and(|t| t.is("a") || t.is("an")) {
        let mut next = WordBuf::default();
        if !word_at(toks, i + 1, &mut next) {
            return None;
        }
        // "a half", "a fifth", "a hundredth".
        if let Some(d) = denominator(&next).filter(|_| !next.ends_with('s') || next == "halves") {
            return Some(NumberMatch::exact(
                toks,
                i,
                i + 2,
                1.0 / d,
                NumberKind::Cardinal,
            ));
        }
        if !(scale_word(&next).is_some() || next == "dozen") {
            return None;
        }
        cur = 1.0;
        small = 1.0;
        last = Last::Unit;
        j = i + 1;
    }
    loop {
        // "three twenty-firsts", "one hundred thirty fifths", "one one hundred fifth": a
        // numerator, then a denominator of several words.
        // Not after "and" ("one hundred and thirty fifths" is 130 fifths), and a unit after a
        // ten belongs to the numerator ("ninety-five hundred fifths" is 9500 fifths).
        let after_and = j > 0 && toks.get(j - 1).is_some_and(|t| t.is("and"));
        if last != Last::None && !after_and {
            let compound = compound_denominator(toks, j).filter(|_| {
                last != Last::Ten
                    || toks
                        .get(j)
                        .is_some_and(|t| small_word_tok(t).is_some_and(|(_, ten)| ten))
            });
            if let Some((d, after, plural)) = compound {
                let numerator = total + cur;
                if plural || numerator == 1.0 {
                    return Some(NumberMatch::exact(
                        toks,
                        i,
                        after,
                        numerator / d,
                        NumberKind::Cardinal,
                    ));
                }
            }
        }
        if !word_at(toks, j, &mut buf) {
            // "one-eighth", "five - eighths": a hyphen between a numerator and a fraction word.
            let mut den = WordBuf::default();
            let fraction = matches!(last, Last::Unit | Last::Teen | Last::Hundred)
                && toks.get(j).is_some_and(|t| t.is_punct('-'))
                && word_at(toks, j + 1, &mut den);
            if let Some(d) = denominator(&den).filter(|_| fraction) {
                let numerator = total + cur;
                if den.ends_with('s') || numerator == 1.0 || den == "half" || den == "quarter" {
                    return Some(NumberMatch::exact(
                        toks,
                        i,
                        j + 2,
                        numerator / d,
                        NumberKind::Cardinal,
                    ));
                }
            }
            // A hyphen joins "twenty-five" and "twenty-first".
            let mut next = WordBuf::default();
            let joins = last == Last::Ten
                && toks.get(j).is_some_and(|t| t.is_punct('-'))
                && word_at(toks, j + 1, &mut next)
                && (small_word(&next).is_some_and(|(v, ten)| !ten && v < 10.0)
                    || ordinal_word(&next).is_some()
                    || denominator(&next).is_some());
            if joins {
                j += 1;
                continue;
            }
            break;
        }
        if let Some((v, is_ten)) = small_word(&buf) {
            let ok = match last {
                Last::None | Last::Hundred | Last::Scale => true,
                Last::Ten => !is_ten && v > 0.0 && v < 10.0,
                Last::Unit | Last::Teen => false,
            };
            if !ok || (v == 0.0 && last != Last::None) {
                break;
            }
            cur += v;
            small += v;
            last = if is_ten {
                Last::Ten
            } else if v >= 10.0 {
                Last::Teen
            } else {
                Last::Unit
            };
            j += 1;
            end = j;
            // "nought point five": zero starts a number only before a decimal point.
            if v == 0.0 && !toks.get(j).is_some_and(|t| t.is("point")) {
                break;
            }
            continue;
        }
        // "two thirds", "three quarters", "one hundred and thirty fifths".
        if let Some(d) = denominator(&buf) {
            let plural = buf.ends_with('s');
            let numerator = match last {
                Last::Unit | Last::Teen | Last::Hundred | Last::Scale => true,
                Last::Ten => plural,
                Last::None => false,
            };
            if numerator && (plural || total + cur == 1.0 || buf == "half" || buf == "quarter") {
                let value = (total + cur) / d;
                return Some(NumberMatch::exact(
                    toks,
                    i,
                    j + 1,
                    value,
                    NumberKind::Cardinal,
                ));
            }
        }
        if let Some((v, is_ten)) = ordinal_word(&buf) {
            let ok = match last {
                Last::None | Last::Hundred | Last::Scale => true,
                Last::Ten => !is_ten && v < 10.0,
                Last::Unit | Last::Teen => false,
            };
            if ok {
                cur += v;
                j += 1;
                end = j;
                kind = NumberKind::Ordinal;
            }
            break;
        }
        if let Some(s) = ordinal_scale(&buf) {
            if last != Last::None && last != Last::Scale && cur < 100.0 {
                cur *= s;
                j += 1;
                end = j;
                kind = NumberKind::Ordinal;
            }
            break;
        }
        // "two dozen", "three hundred and two dozens" (300 + 24), "five dozs".
        if matches!(&*buf, "dozen" | "dozens" | "doz" | "dozs")
            && matches!(last, Last::Unit | Last::Teen | Last::Ten)
            && small > 0.0
            && small < 100.0
        {
            cur += small * 11.0;
            small = 0.0;
            last = Last::Scale;
            j += 1;
            end = j;
            continue;
        }
        if let Some(s) = scale_word(&buf) {
            if last == Last::None {
                break;
            }
            small = 0.0;
            if s == 100.0 {
                if cur >= 100.0 || last == Last::Hundred || last == Last::Scale {
                    break;
                }
                cur *= 100.0;
                last = Last::Hundred;
            } else if s > last_scale && last == Last::Scale && cur == 0.0 {
                // "three lakh crore", "a thousand million": a larger scale right after a
                // smaller one multiplies it.
                total *= s;
                last_scale = s;
            } else {
                if s >= last_scale {
                    break;
                }
                total += cur.max(1.0) * s;
                cur = 0.0;
                last_scale = s;
                last = Last::Scale;
            }
            j += 1;
            end = j;
            continue;
        }
        // "one and a half (million)".
        if buf == "and" && last != Last::None {
            let mut d = WordBuf::default();
            let half = toks.get(j + 1).is_some_and(|t| t.is("a"))
                && word_at(toks, j + 2, &mut d)
                && !d.ends_with('s');
            if let Some(den) = denominator(&d).filter(|_| half) {
                cur += 1.0 / den;
                last = Last::Unit;
                j += 3;
                end = j;
                continue;
            }
            // "twenty and three fifths": a proper fraction after "and" adds to the whole.
            let fraction = parse_words(toks, j + 1).filter(|f| {
                f.value.is_some_and(|v| v > 0.0 && v < 1.0) && f.kind == NumberKind::Cardinal
            });
            if let Some(f) = fraction {
                cur += f.value.unwrap_or(0.0);
                end = f.end;
                break;
            }
        }
        // "two hundred point zero three", "nine point five".
        if buf == "point" && last != Last::None {
            let (digits, after) = decimal_words(toks, j + 1);
            if let Some(frac) = digits
                .filter(|d| !d.is_empty())
                .and_then(|d| format!("0.{d}").parse::<f64>().ok())
            {
                cur += frac;
                end = after;
            }
            break;
        }
        // "one hundred and twenty": "and" only between a scale and a smaller number word.
        if buf == "and" && matches!(last, Last::Hundred | Last::Scale) {
            let mut next = WordBuf::default();
            if word_at(toks, j + 1, &mut next) && is_number_word(&next) {
                j += 1;
                continue;
            }
        }
        break;
    }
    if end == i || (end == i + 1 && last == Last::None && kind == NumberKind::Cardinal) {
        return None;
    }
    Some(NumberMatch::exact(toks, i, end, total + cur, kind))
}

/// The digits of the words after "point": "zero three" → "03", "seventy-one" → "71".
fn decimal_words(toks: &[Tok<'_>], mut j: usize) -> (Option<String>, usize) {
    let mut digits = String::new();
    let mut buf = WordBuf::default();
    while word_at(toks, j, &mut buf) {
        let Some((v, is_ten)) = small_word(&buf) else {
            break;
        };
        if is_ten {
            let mut unit = WordBuf::default();
            let hyphen = toks.get(j + 1).is_some_and(|t| t.is_punct('-'));
            let k = if hyphen { j + 2 } else { j + 1 };
            match word_at(toks, k, &mut unit)
                .then(|| small_word(&unit))
                .flatten()
            {
                Some((u, false)) if u < 10.0 => {
                    digits.push_str(&format!("{}", v as u32 + u as u32));
                    j = k + 1;
                }
                _ => {
                    digits.push_str(&format!("{}", v as u32));
                    j += 1;
                }
            }
        } else {
            digits.push_str(&format!("{}", v as u32));
            j += 1;
        }
    }
    (Some(digits), j)
}

/// Every number expression in `text`, left to right, longest first, not overlapping.
pub fn find_numbers(text: &str) -> Vec<NumberMatch> {
    let toks = tokenize(text);
    scan(&toks)
}

/// Whether a number expression can start at this token: a cheap test run on every token
/// before the full parse, so that ordinary words cost one lowercase copy and one match.
pub fn may_start(t: &Tok<'_>) -> bool {
    match t.kind {
        TokKind::Digits | TokKind::DigitsAlpha | TokKind::Mixed => true,
        TokKind::Punct => matches!(t.text, "-" | "−" | "."),
        TokKind::Word => {
            if !start_filter().may_contain(t.text) {
                return false;
            }
            let mut buf = WordBuf::default();
            word_at(std::slice::from_ref(t), 0, &mut buf) && may_start_word(&buf)
        }
    }
}

/// Whether a number expression can start with this lowercase word.
pub fn may_start_word(w: &str) -> bool {
    entry(w).is_some()
}

/// The quick rejection in front of [`may_start_word`] for the word tokens of running text.
fn start_filter() -> &'static WordFilter {
    static FILTER: OnceLock<WordFilter> = OnceLock::new();
    FILTER.get_or_init(|| WordFilter::new(start_words()))
}

/// Every number expression in a token sequence, left to right, not overlapping.
pub fn scan(toks: &[Tok<'_>]) -> Vec<NumberMatch> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // `parse_at` turns away whatever cannot start a number as cheaply as a separate
        // start test would.
        match parse_at(toks, i) {
            Some(m) => {
                i = m.end.max(i + 1);
                out.push(m);
            }
            None => i += 1,
        }
    }
    out
}

/// The value of `text` when the whole of it is one number expression ("two million", "1,500").
pub fn parse_number(text: &str) -> Option<f64> {
    let toks = tokenize(text);
    let m = parse_at(&toks, 0)?;
    (m.end == toks.len() && m.suffix.is_none())
        .then_some(m.value)
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_start_word_starts() {
        for w in start_words() {
            assert!(may_start_word(w), "{w}");
            let upper = w.to_uppercase();
            assert!(may_start(&tokenize(&upper)[0]), "{upper}");
        }
        assert!(!may_start_word("said"));
        assert!(
            !may_start_word("hundred"),
            "a scale word needs a number before it"
        );
    }

    #[test]
    fn digits_with_separators_and_decimals() {
        assert_eq!(parse_number("1,234"), Some(1234.0));
        assert_eq!(parse_number("1,234.5"), Some(1234.5));
        assert_eq!(parse_number("0.25"), Some(0.25));
        assert_eq!(parse_number("12,34"), None);
        assert_eq!(parse_number("2 million"), Some(2e6));
        assert_eq!(parse_number("1.5bn"), Some(1.5e9));
    }

    #[test]
    fn words() {
        assert_eq!(parse_number("fifteen"), Some(15.0));
        assert_eq!(parse_number("two million"), Some(2e6));
        assert_eq!(parse_number("a dozen"), Some(12.0));
        assert_eq!(parse_number("two dozen"), Some(24.0));
        assert_eq!(parse_number("one hundred and twenty"), Some(120.0));
        assert_eq!(parse_number("twenty-five"), Some(25.0));
        assert_eq!(parse_number("a hundred"), Some(100.0));
        assert_eq!(
            parse_number("three thousand four hundred and five"),
            Some(3405.0)
        );
        assert_eq!(parse_number("five six"), None);
        assert_eq!(parse_number("a"), None);
        assert_eq!(parse_number("half a dozen"), Some(6.0));
        assert_eq!(parse_number("two thirds"), Some(2.0 / 3.0));
        assert_eq!(parse_number("one and a half million"), Some(1.5e6));
        assert_eq!(parse_number("twenty and three fifths"), Some(20.6));
        assert_eq!(parse_number("two hundred point zero three"), Some(200.03));
        assert_eq!(parse_number("3/4"), Some(0.75));
        assert_eq!(parse_number("-12e-1"), Some(-1.2000000000000002));
        assert_eq!(parse_number("10M"), Some(1e7));
        assert_eq!(parse_number("nought point nought three"), Some(0.03));
        assert_eq!(parse_number("three hundred and two dozens"), Some(324.0));
        assert_eq!(parse_number("five dozs"), Some(60.0));
        assert_eq!(parse_number("three lakh crore"), Some(3e12));
        assert_eq!(parse_number("one hundred and five"), Some(105.0));
    }

    #[test]
    fn fractions_in_words() {
        assert_eq!(parse_number("one-eighth"), Some(0.125));
        assert_eq!(parse_number("five - eighths"), Some(0.625));
        assert_eq!(parse_number("three twenty-firsts"), Some(3.0 / 21.0));
        assert_eq!(parse_number("one twenty-fifth"), Some(0.04));
        assert_eq!(
            parse_number("one hundred thirty fifths"),
            Some(100.0 / 35.0)
        );
        assert_eq!(parse_number("one hundred and thirty fifths"), Some(26.0));
        assert_eq!(parse_number("ninety - five hundred fifths"), Some(1900.0));
        assert_eq!(parse_number("twenty twenty fifths"), Some(0.8));
        assert_eq!(parse_number("one one hundred and fifth"), Some(1.0 / 105.0));
        assert_eq!(parse_number("two thirds"), Some(2.0 / 3.0));
        // Ordinals stay ordinals.
        let m = &find_numbers("the two hundred thirty first day")[0];
        assert_eq!((m.kind, m.value), (NumberKind::Ordinal, Some(231.0)));
        let m = &find_numbers("the one hundred fifth anniversary")[0];
        assert_eq!((m.kind, m.value), (NumberKind::Ordinal, Some(105.0)));
        // "twenty seconds" is a duration, not twentieths.
        assert_eq!(find_numbers("one twenty seconds")[0].value, Some(1.0));
    }

    #[test]
    fn powers() {
        assert_eq!(parse_number("2.5^-1"), Some(0.4));
        assert_eq!(parse_number("-2500^-1"), Some(-0.0004));
        assert!(parse_number("1.1^--23").is_some_and(|v| (v - 8.954_302_432_552_39).abs() < 1e-9));
        assert_eq!(parse_number("2 ^ 3"), None);
    }

    #[test]
    fn ordinals() {
        let m = &find_numbers("the 58th army")[0];
        assert_eq!((m.kind, m.value), (NumberKind::Ordinal, Some(58.0)));
        let m = &find_numbers("the twenty-first century")[0];
        assert_eq!((m.kind, m.value), (NumberKind::Ordinal, Some(21.0)));
        assert!(find_numbers("the 58rd")
            .iter()
            .all(|m| m.kind != NumberKind::Ordinal));
    }

    #[test]
    fn vague_amounts() {
        let m = &find_numbers("tens of thousands of people")[0];
        assert_eq!((m.value, m.low, m.high), (None, Some(1e4), Some(99_999.0)));
        let m = &find_numbers("hundreds fled")[0];
        assert_eq!((m.low, m.high), (Some(100.0), Some(999.0)));
        let m = &find_numbers("a handful of")[0];
        assert_eq!(
            (m.kind, m.low, m.high),
            (NumberKind::Vague, Some(3.0), Some(5.0))
        );
    }
}
