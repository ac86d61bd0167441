//! A sentence as the tone classifier sees it: its words in order, each entity mention as one
//! token, and each masked quotation as one token.
//!
//! One view serves every actor of the sentence: which mention tokens are the target and which
//! are other actors is decided when features are taken ([`crate::tone::features`]), so the
//! sentence is split into words once however many actors it names.

use crate::loaded::for_each_word;
use std::ops::Range;

/// What a token of a [`View`] stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A word of the sentence (lowercased, typographic apostrophes folded).
    Word,
    /// An entity mention: the index of its range in the list the view was made from.
    Mention(usize),
    /// A quotation whose words are masked.
    Quote,
}

/// One token of a [`View`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The normalized word; empty for a mention or a quotation.
    pub word: String,
    /// Byte range in the sentence.
    pub range: Range<usize>,
    pub kind: Kind,
}

/// The tokens of one sentence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct View {
    pub tokens: Vec<Token>,
}

impl View {
    /// The view of `sentence` with the given `mentions` and `masked` quotations (byte ranges
    /// of the sentence). A mention overlapping an earlier mention or a masked range is left
    /// out (its words are then read as words, or masked); ranges that do not fit the sentence
    /// are ignored.
    pub fn new(sentence: &str, mentions: &[Range<usize>], masked: &[Range<usize>]) -> View {
        let fits = |r: &Range<usize>| r.start < r.end && sentence.get(r.clone()).is_some();
        // Masked quotations first (they win over mentions), then mentions, in text order.
        let mut spans: Vec<(Range<usize>, Kind)> = masked
            .iter()
            .filter(|r| fits(r))
            .map(|r| (r.clone(), Kind::Quote))
            .collect();
        spans.sort_by_key(|(r, _)| (r.start, r.end));
        let mut merged: Vec<(Range<usize>, Kind)> = Vec::with_capacity(spans.len());
        for (r, kind) in spans {
            match merged.last_mut() {
                Some((last, _)) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => merged.push((r, kind)),
            }
        }
        let mut order: Vec<(usize, &Range<usize>)> = mentions
            .iter()
            .enumerate()
            .filter(|(_, r)| fits(r))
            .collect();
        order.sort_by_key(|(_, r)| (r.start, r.end));
        for (index, range) in order {
            let clashes = merged
                .iter()
                .any(|(r, _)| r.start < range.end && range.start < r.end);
            if !clashes {
                merged.push((range.clone(), Kind::Mention(index)));
            }
        }
        merged.sort_by_key(|(r, _)| r.start);
        let mut tokens = Vec::with_capacity(sentence.len() / 5 + merged.len());
        let mut at = 0;
        for (range, kind) in merged {
            words_of(sentence, at..range.start, &mut tokens);
            tokens.push(Token {
                word: String::new(),
                range: range.clone(),
                kind,
            });
            at = range.end;
        }
        words_of(sentence, at..sentence.len(), &mut tokens);
        View { tokens }
    }

    /// Indices of the tokens of the mentions `targets` lists.
    pub fn positions(&self, targets: &[usize]) -> Vec<usize> {
        self.tokens
            .iter()
            .enumerate()
            .filter(|(_, t)| matches!(t.kind, Kind::Mention(m) if targets.contains(&m)))
            .map(|(i, _)| i)
            .collect()
    }
}

/// Punctuation kept as tokens: it bounds clauses (see [`is_clause_boundary`]).
const PUNCTUATION: [char; 10] = [',', ';', ':', '(', ')', '—', '–', '!', '?', '"'];

/// Whether a token ends one clause and opens another: punctuation inside the sentence, or a
/// conjunction of contrast or cause.
pub fn is_clause_boundary(word: &str) -> bool {
    matches!(
        word,
        "," | ";"
            | ":"
            | "("
            | ")"
            | "—"
            | "–"
            | "but"
            | "while"
            | "whereas"
            | "although"
            | "though"
            | "because"
            | "however"
            | "yet"
    )
}

/// Appends the words of `sentence[range]` as tokens, with the punctuation that bounds clauses.
fn words_of(sentence: &str, range: Range<usize>, out: &mut Vec<Token>) {
    let Some(part) = sentence.get(range.clone()) else {
        return;
    };
    let mut words: Vec<(Range<usize>, String)> = Vec::new();
    for_each_word(part, |r, word| words.push((r, word.to_string())));
    let mut at = 0;
    let punctuation = |from: usize, upto: usize, out: &mut Vec<Token>| {
        let gap = part.get(from..upto).unwrap_or_default();
        for (i, c) in gap.char_indices().filter(|(_, c)| PUNCTUATION.contains(c)) {
            let start = range.start + from + i;
            out.push(Token {
                word: c.to_string(),
                range: start..start + c.len_utf8(),
                kind: Kind::Word,
            });
        }
    };
    for (r, word) in words {
        punctuation(at, r.start, out);
        at = r.end;
        out.push(Token {
            word,
            range: range.start + r.start..range.start + r.end,
            kind: Kind::Word,
        });
    }
    punctuation(at, part.len(), out);
}

// `View::new` takes slices of byte ranges: a one-range slice is meant, not a range of numbers.
#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn mentions_and_quotations_are_one_token_each() {
        let s = "Kelidze called Orlov “a liar and a thief” on Friday.";
        let k = 0..7;
        let o = s.find("Orlov").unwrap_or(0);
        let q = s.find("“").unwrap_or(0);
        let q_end = s.find("” on").unwrap_or(0) + "”".len();
        let view = View::new(s, &[k, o..o + 5], &[q..q_end]);
        let kinds: Vec<(String, Kind)> = view
            .tokens
            .iter()
            .map(|t| (t.word.clone(), t.kind))
            .collect();
        assert_eq!(
            kinds,
            [
                (String::new(), Kind::Mention(0)),
                ("called".into(), Kind::Word),
                (String::new(), Kind::Mention(1)),
                (String::new(), Kind::Quote),
                ("on".into(), Kind::Word),
                ("friday".into(), Kind::Word),
            ]
        );
        assert_eq!(view.positions(&[1]), [2]);
    }

    #[test]
    fn a_mention_inside_a_masked_quotation_is_masked() {
        let s = "He said “Orlov lied” today.";
        let o = s.find("Orlov").unwrap_or(0);
        let q = s.find("“").unwrap_or(0);
        let view = View::new(s, &[o..o + 5], &[q..s.find(" today").unwrap_or(0)]);
        assert!(view.positions(&[0]).is_empty());
    }

    proptest! {
        #[test]
        fn ranges_are_in_the_sentence(s in "\\PC{0,80}", a in 0usize..90, b in 0usize..90) {
            let view = View::new(&s, &[a.min(b)..a.max(b)], &[b..a]);
            for t in &view.tokens {
                prop_assert!(s.get(t.range.clone()).is_some());
            }
            prop_assert!(view.tokens.windows(2).all(|w| w[0].range.end <= w[1].range.start));
        }
    }
}
