//! Loaded language: evaluative, emotive or ideological words, found with a lexicon learned
//! from the BABE media-bias annotations.
//!
//! A word enters the lexicon when annotators marked it as biased in a large enough share of
//! the sentences it occurs in ([`learn`]), from BABE's biased words and BASIL's lexical-bias
//! phrases together; reporting verbs and legal or procedural words ("claimed", "illegal",
//! "charged": `lexicon/not-loaded.txt`) never enter it, since annotators of media bias do not
//! mark them for themselves. The lexicon is a small text file committed beside the model and
//! rebuilt by `parallax train bias` (see docs/models.md).

use crate::scan::Scan;
use crate::speech::QuoteMask;
use parallax_core::{Anchor, Document, LoadedTerm, Segmentation, Span};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// The committed lexicon: `word<TAB>score` per line, best first.
const LEXICON: &str = include_str!("../model/loaded-terms.tsv");

/// Words that are never loaded by themselves, whatever the training data says: reporting
/// verbs and legal or procedural terms (a commented word list).
const NOT_LOADED: &str = include_str!("../lexicon/not-loaded.txt");

/// The words of the committed lexicon.
pub(crate) fn lexicon_words() -> impl Iterator<Item = &'static str> {
    LEXICON
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split('\t').next())
        .filter(|w| !w.is_empty())
}

/// Whether a lowercased word is on the list of words never loaded by themselves.
pub fn is_never_loaded(lower: &str) -> bool {
    crate::wordlist::words(NOT_LOADED).any(|w| w == lower)
}

/// A word must occur in at least this many training sentences to be scored.
pub const MIN_COUNT: u32 = 3;
/// A word is loaded when its smoothed share of biased markings is at least this.
pub const MIN_SCORE: f64 = 0.3;

/// Whether a lowercased word is in the loaded-terms lexicon.
pub fn is_loaded(lower: &str) -> bool {
    crate::vocab::lookup(lower).is_loaded()
}

/// The loaded terms inside `sentence` of `text`, in text order. A span that does not fit the
/// text gives none.
pub fn loaded_terms(text: &str, sentence: Span) -> Vec<Anchor> {
    let Ok(slice) = sentence.slice(text) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for_each_word(slice, |range, word| {
        if is_loaded(word) {
            found.extend(Anchor::new(
                text,
                Span::new(sentence.start + range.start, sentence.start + range.end),
            ));
        }
    });
    found
}

/// The loaded terms of every sentence of `doc`, each marked as the author's words or quoted.
pub fn annotate(doc: &Document, seg: &Segmentation, mask: &QuoteMask) -> Vec<LoadedTerm> {
    from_scan(&doc.text, &Scan::new(&doc.text, seg), mask)
}

/// [`annotate`] from the words of a [`Scan`] of `text`.
pub fn from_scan(text: &str, scan: &Scan, mask: &QuoteMask) -> Vec<LoadedTerm> {
    let mut found = Vec::new();
    for index in 0..scan.len() {
        for word in scan.sentence(index) {
            if !word.entry.is_loaded() {
                continue;
            }
            if let Ok(slice) = word.span.slice(text) {
                found.push(LoadedTerm {
                    span: word.span,
                    text: slice.to_string(),
                    sentence: index,
                    voice: mask.speech_of(word.span).0,
                });
            }
        }
    }
    found
}

/// One annotated sentence for learning: its text and the words annotators marked as biased.
pub struct Marked<'a> {
    pub text: &'a str,
    pub biased_words: &'a [String],
}

/// The loaded words of `sentences` with their scores, best first (ties by word): the share of
/// the sentences containing a word in which it was marked biased, smoothed towards the overall
/// share by one pseudo-sentence, for words in at least [`MIN_COUNT`] sentences scoring at least
/// [`MIN_SCORE`].
pub fn learn(sentences: &[Marked]) -> Vec<(String, f64)> {
    learn_with(sentences, MIN_COUNT, MIN_SCORE, &|_| false)
}

/// [`learn`] with the given thresholds, leaving out the words `excluded` names.
pub fn learn_with(
    sentences: &[Marked],
    min_count: u32,
    min_score: f64,
    excluded: &dyn Fn(&str) -> bool,
) -> Vec<(String, f64)> {
    let mut occurs: HashMap<String, u32> = HashMap::new();
    let mut marked: HashMap<String, u32> = HashMap::new();
    for sentence in sentences {
        let present: HashSet<String> = words(sentence.text).map(|(_, w)| w).collect();
        let flagged: HashSet<String> = sentence
            .biased_words
            .iter()
            .flat_map(|w| words(w).map(|(_, w)| w).collect::<Vec<_>>())
            .filter(|w| present.contains(w))
            .collect();
        for word in present {
            *occurs.entry(word).or_default() += 1;
        }
        for word in flagged {
            *marked.entry(word).or_default() += 1;
        }
    }
    let total_marked: u32 = marked.values().sum();
    let total_occurs: u32 = occurs.values().sum();
    let prior = f64::from(total_marked) / f64::from(total_occurs.max(1));
    let mut scored: Vec<(String, f64)> = occurs
        .into_iter()
        .filter(|(word, n)| *n >= min_count && !excluded(word))
        .map(|(word, n)| {
            let m = marked.get(&word).copied().unwrap_or(0);
            let score = (f64::from(m) + prior) / (f64::from(n) + 1.0);
            (word, score)
        })
        .filter(|(_, score)| *score >= min_score)
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    scored
}

/// The lexicon file text for learned terms.
pub fn lexicon_file(terms: &[(String, f64)]) -> String {
    terms
        .iter()
        .map(|(word, score)| format!("{word}\t{score:.3}\n"))
        .collect()
}

/// Words of `text` with their byte ranges, as owned strings (see [`for_each_word`]).
fn words(text: &str) -> impl Iterator<Item = (Range<usize>, String)> {
    let mut found = Vec::new();
    for_each_word(text, |range, word| found.push((range, word.to_string())));
    found.into_iter()
}

/// Calls `f` with each word of `text` (letters, with inner apostrophes and hyphens) and its
/// byte range, the word lowercased and with typographic apostrophes folded to ASCII. One
/// buffer is reused for every word, so scanning allocates nothing per word; ASCII is read a
/// byte at a time.
pub fn for_each_word(text: &str, mut f: impl FnMut(Range<usize>, &str)) {
    let bytes = text.as_bytes();
    let mut word = String::new();
    let mut at = 0;
    loop {
        // Skip to the next letter.
        loop {
            match bytes.get(at) {
                None => return,
                Some(b) if b.is_ascii_alphabetic() => break,
                Some(b) if b.is_ascii() => at += 1,
                Some(_) => match char_at(text, at) {
                    Some(c) if c.is_alphabetic() => break,
                    Some(c) => at += c.len_utf8(),
                    None => return,
                },
            }
        }
        let start = at;
        word.clear();
        while let Some(&b) = bytes.get(at) {
            if b.is_ascii_alphabetic() {
                word.push(char::from(b.to_ascii_lowercase()));
                at += 1;
                continue;
            }
            let Some(c) = char_at(text, at) else {
                break;
            };
            if c.is_alphabetic() {
                word.extend(c.to_lowercase());
            } else if matches!(c, '\'' | '\u{2019}' | '-')
                && text.get(at + c.len_utf8()..).is_some_and(starts_alphabetic)
            {
                word.push(if c == '-' { '-' } else { '\'' });
            } else {
                break;
            }
            at += c.len_utf8();
        }
        f(start..at, &word);
    }
}

/// The character starting at byte `at` of `text`, if `at` is a character boundary inside it.
fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

fn starts_alphabetic(rest: &str) -> bool {
    rest.chars().next().is_some_and(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn words_have_exact_ranges() {
        let text = "The “radical” left’s so-called plan!";
        let found: Vec<(&str, String)> = words(text)
            .map(|(r, w)| (text.get(r).unwrap_or(""), w))
            .collect();
        assert_eq!(found[1], ("radical", "radical".to_string()));
        assert_eq!(found[2], ("left’s", "left's".to_string()));
        assert_eq!(found[3], ("so-called", "so-called".to_string()));
    }

    #[test]
    fn learns_words_marked_in_most_of_their_sentences() {
        let marks = vec!["slammed".to_string()];
        let texts = [
            "Critics slammed the plan.",
            "Democrats slammed the bill.",
            "Voters slammed the mayor.",
            "The plan passed.",
        ];
        let sentences: Vec<Marked> = texts
            .iter()
            .map(|t| Marked {
                text: t,
                biased_words: &marks,
            })
            .collect();
        let learned = learn(&sentences);
        assert_eq!(learned.first().map(|(w, _)| w.as_str()), Some("slammed"));
        assert!(learned.iter().all(|(w, _)| w != "the"));
    }

    /// The definition of [`for_each_word`], a character at a time.
    fn reference_words(text: &str) -> Vec<(Range<usize>, String)> {
        let mut found = Vec::new();
        let mut chars = text.char_indices().peekable();
        loop {
            while chars.peek().is_some_and(|(_, c)| !c.is_alphabetic()) {
                chars.next();
            }
            let Some(&(start, _)) = chars.peek() else {
                return found;
            };
            let mut end = start;
            let mut word = String::new();
            while let Some(&(at, c)) = chars.peek() {
                if c.is_alphabetic() {
                    word.extend(c.to_lowercase());
                } else if matches!(c, '\'' | '\u{2019}' | '-')
                    && text.get(at + c.len_utf8()..).is_some_and(starts_alphabetic)
                {
                    word.push(if c == '-' { '-' } else { '\'' });
                } else {
                    break;
                }
                end = at + c.len_utf8();
                chars.next();
            }
            found.push((start..end, word));
        }
    }

    proptest! {
        #[test]
        fn words_agree_with_the_definition(text in "(\\PC|[a-zA-Z' -]|’){0,80}") {
            prop_assert_eq!(words(&text).collect::<Vec<_>>(), reference_words(&text));
        }

        #[test]
        fn anchors_match_the_text(text in "\\PC{0,120}", a in 0usize..130, b in 0usize..130) {
            let span = Span::new(a.min(b), a.max(b));
            for anchor in loaded_terms(&text, span) {
                prop_assert_eq!(anchor.span.slice(&text).ok(), Some(anchor.text.as_str()));
                prop_assert!(span.contains(anchor.span));
            }
        }
    }
}
