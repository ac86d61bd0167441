//! Quotation masking: the words of someone other than the author are not the author's voice.
//!
//! Before a sentence is classified, the content of its quotations — the spans the quote
//! annotator found, plus any quotation marks around at least [`MIN_QUOTED_WORDS`] words — is
//! replaced by one marker, so an opinionated quote inside a news report does not make the
//! report an opinion. Shorter quoted stretches are kept: they are usually scare quotes
//! ("so-called “experts”"), which are themselves the author's voice.

use crate::tokens::{tokenize, Tokens, QUOTE_MARKER};
use std::ops::Range;

/// Quoted stretches with fewer words than this are treated as scare quotes, not speech.
pub const MIN_QUOTED_WORDS: usize = 4;

/// A sentence ready for the classifier.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    /// The normalized tokens, with each masked quotation as one quote token.
    pub tokens: Tokens,
    /// The share of the sentence's non-space bytes that is quotation or attribution, in `[0, 1]`.
    pub quoted_share: f32,
}

/// Masks the quotations of `sentence` and tokenizes it. `quoted` and `attribution` are byte
/// ranges relative to `sentence` (quote contents, and the cue/speaker words that attribute
/// them); ranges that are out of bounds or off char boundaries are ignored.
pub fn prepare(sentence: &str, quoted: &[Range<usize>], attribution: &[Range<usize>]) -> Prepared {
    let valid = |r: &&Range<usize>| r.start < r.end && sentence.get(r.start..r.end).is_some();
    let mut masked: Vec<Range<usize>> = quoted.iter().filter(valid).cloned().collect();
    masked.extend(marked_quotations(sentence));
    let masked = union(masked.into_iter().map(|r| widen(sentence, r)).collect());

    // Most sentences quote nothing: they are tokenized as they are, without a copy.
    let tokens = if masked.is_empty() {
        tokenize(sentence)
    } else {
        let mut text = String::with_capacity(sentence.len());
        let mut at = 0;
        for range in &masked {
            text.push_str(sentence.get(at..range.start).unwrap_or_default());
            text.push(' ');
            text.push(QUOTE_MARKER);
            text.push(' ');
            at = range.end;
        }
        text.push_str(sentence.get(at..).unwrap_or_default());
        tokenize(&text)
    };

    let mut covered = masked;
    covered.extend(attribution.iter().filter(valid).cloned());
    let non_space = |r: Range<usize>| {
        sentence
            .get(r)
            .unwrap_or_default()
            .chars()
            .filter(|c| !c.is_whitespace())
            .count()
    };
    let total = match covered.is_empty() {
        true => 0,
        false => non_space(0..sentence.len()),
    };
    let quoted_share = if total == 0 {
        0.0
    } else {
        let covered: usize = union(covered).into_iter().map(non_space).sum();
        (covered as f32 / total as f32).min(1.0)
    };
    Prepared {
        tokens,
        quoted_share,
    }
}

/// Byte ranges of the contents of quotation marks that hold speech: at least
/// [`MIN_QUOTED_WORDS`] words. A quotation still open at the end of the sentence runs to its
/// end, and a closing mark with no opening one closes a quotation begun before the sentence.
fn marked_quotations(sentence: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut open: Option<usize> = None;
    let mut seen_mark = false;
    for (at, c) in sentence.char_indices() {
        let after = at + c.len_utf8();
        match (c, open) {
            ('\u{201c}' | '\u{ab}' | '\u{201e}', _) | ('"', None) => open = Some(after),
            ('\u{201d}' | '\u{bb}' | '"', Some(start)) => {
                found.push(start..at);
                open = None;
            }
            ('\u{201d}' | '\u{bb}', None) if !seen_mark => found.push(0..at),
            _ => {}
        }
        seen_mark |= is_mark(c);
    }
    if let Some(start) = open {
        found.push(start..sentence.len());
    }
    found.retain(|r| {
        let words = sentence
            .get(r.clone())
            .unwrap_or_default()
            .split_whitespace()
            .count();
        words >= MIN_QUOTED_WORDS
    });
    found
}

fn is_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201c}' | '\u{201d}' | '\u{ab}' | '\u{bb}' | '\u{201e}'
    )
}

/// `range` grown over the quotation marks right around it, so they are masked with it.
fn widen(sentence: &str, range: Range<usize>) -> Range<usize> {
    let mut start = range.start;
    let mut end = range.end;
    if let Some(c) = sentence
        .get(..start)
        .and_then(|s| s.chars().next_back())
        .filter(|c| is_mark(*c))
    {
        start -= c.len_utf8();
    }
    if let Some(c) = sentence
        .get(end..)
        .and_then(|s| s.chars().next())
        .filter(|c| is_mark(*c))
    {
        end += c.len_utf8();
    }
    start..end
}

/// Sorted, non-overlapping ranges covering the same bytes.
fn union(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::QUOTE_TOKEN;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_ranges_on_any_text_never_panic(
            text in "\\PC{0,80}",
            ranges in proptest::collection::vec((0usize..100, 0usize..100), 0..4),
        ) {
            let ranges: Vec<Range<usize>> = ranges.into_iter().map(|(a, b)| a..b).collect();
            let p = prepare(&text, &ranges, &ranges);
            prop_assert!((0.0..=1.0).contains(&p.quoted_share));
        }
    }

    #[test]
    fn masks_speech_but_keeps_scare_quotes() {
        let p = prepare(
            "“This is a disgraceful attack on democracy,” he said.",
            &[],
            &[],
        );
        assert_eq!(p.tokens.to_vec(), [QUOTE_TOKEN, "he", "said", "."]);
        assert!(p.quoted_share > 0.7);
        let p = prepare("The so-called “experts” were wrong again.", &[], &[]);
        assert!(p.tokens.iter().any(|t| t == "experts"));
        assert_eq!(p.quoted_share, 0.0);
    }

    #[test]
    fn quotation_spans_from_the_annotator_are_masked() {
        let sentence = "He said the plan was an utter disaster for everyone.";
        let content = sentence.find("the plan").unwrap_or(0)..sentence.len() - 1;
        let attribution = Range { start: 0, end: 7 };
        let p = prepare(sentence, &[content], &[attribution]);
        assert_eq!(p.tokens.to_vec(), ["he", "said", QUOTE_TOKEN, "."]);
        assert!(p.quoted_share > 0.9);
    }

    #[test]
    fn unbalanced_marks_extend_to_the_sentence_edge() {
        let p = prepare("He added: “We will never accept these terms", &[], &[]);
        assert_eq!(p.tokens.to_vec(), ["he", "added", ":", QUOTE_TOKEN]);
        let p = prepare("and they know it very well,” Smith said.", &[], &[]);
        assert_eq!(p.tokens.to_vec(), [QUOTE_TOKEN, "smith", "said", "."]);
    }

    #[test]
    fn bad_ranges_are_ignored() {
        let reversed = Range { start: 3, end: 1 };
        let p = prepare(
            "Grüße",
            &[2..3, 4..99, reversed],
            &[Range { start: 0, end: 2 }],
        );
        assert_eq!(p.tokens.to_vec(), ["grüße"]);
    }
}
