//! The text and its segmentation, with the token-level questions the rules ask.
//!
//! The words of the tokens and their word-class flags are computed once per document, so the
//! rules' many questions about a token are array lookups rather than string and set tests.

use crate::lexicon;
use parallax_core::{Segmentation, Span};

/// Token flags.
const WORD: u8 = 1;
const MARK: u8 = 2;
const CAPITALIZED: u8 = 4;
use lexicon::{AUXILIARY, CUE_VERB, DETERMINER, PRONOUN};

fn flags_of(w: &str) -> u8 {
    // Most tokens are ASCII: their first byte answers the word, mark and case tests.
    match w.as_bytes().first() {
        None => return 0,
        Some(&b) if b.is_ascii_alphanumeric() => {
            let case = if b.is_ascii_uppercase() {
                CAPITALIZED
            } else {
                0
            };
            return WORD | case | lexicon::classes(w);
        }
        Some(&b) if b.is_ascii() => return if matches!(w, "\"" | "'") { MARK } else { 0 },
        Some(_) => {}
    }
    // Curly and angle marks are neither words nor capitals: no Unicode table lookup.
    if matches!(w, "“" | "”" | "‘" | "’" | "«" | "»" | "„") {
        return MARK;
    }
    let mut f = 0;
    if w.chars().next().is_some_and(char::is_alphanumeric) {
        f |= WORD;
    }
    if parallax_core::text::is_capitalized(w) {
        f |= CAPITALIZED;
    }
    if f & WORD == 0 {
        return f;
    }
    f | lexicon::classes(w)
}

pub struct Ctx<'a> {
    pub text: &'a str,
    pub seg: &'a Segmentation,
    /// Per token, whether the learned cue classifier takes it for a cue head; `None` leaves
    /// the decision to the rule lexicon alone.
    pub learned: Option<Vec<crate::cue::Verdict>>,
    /// The text of each token.
    words: Vec<&'a str>,
    /// The flags of each token.
    flags: Vec<u8>,
}

impl<'a> Ctx<'a> {
    /// A context whose cues come from the rule lexicon alone.
    pub fn new(text: &'a str, seg: &'a Segmentation) -> Self {
        let words: Vec<&str> = seg.tokens.iter().map(|t| t.text(text)).collect();
        let flags = words.iter().map(|w| flags_of(w)).collect();
        Ctx {
            text,
            seg,
            learned: None,
            words,
            flags,
        }
    }

    fn has(&self, i: usize, flag: u8) -> bool {
        self.flags.get(i).is_some_and(|f| f & flag != 0)
    }

    /// Whether token `i` is a form of a reporting verb (in any case).
    pub fn is_cue_verb(&self, i: usize) -> bool {
        self.has(i, CUE_VERB)
    }

    pub fn is_pronoun(&self, i: usize) -> bool {
        self.has(i, PRONOUN)
    }

    pub fn is_determiner(&self, i: usize) -> bool {
        self.has(i, DETERMINER)
    }

    pub fn is_auxiliary(&self, i: usize) -> bool {
        self.has(i, AUXILIARY)
    }

    /// The text of token `i`; empty when there is no such token.
    pub fn word(&self, i: usize) -> &'a str {
        self.words.get(i).copied().unwrap_or("")
    }

    pub fn tok(&self, i: usize) -> Span {
        self.seg.tokens.get(i).copied().unwrap_or_default()
    }

    /// Whether token `i` is a word (starts with a letter or digit).
    pub fn is_word(&self, i: usize) -> bool {
        self.has(i, WORD)
    }

    pub fn is_capitalized(&self, i: usize) -> bool {
        self.has(i, CAPITALIZED)
    }

    /// Whether token `i` is exactly `punct`.
    pub fn is(&self, i: usize, punct: &str) -> bool {
        self.word(i) == punct
    }

    /// Whether token `i` is a quotation mark.
    pub fn is_mark(&self, i: usize) -> bool {
        self.has(i, MARK)
    }

    /// The span from the start of token `first` to the end of token `last`.
    pub fn cover(&self, first: usize, last: usize) -> Span {
        Span::new(self.tok(first).start, self.tok(last).end)
    }

    /// Token indices of `span`.
    pub fn tokens_in(&self, span: Span) -> std::ops::Range<usize> {
        self.seg.tokens_in(span)
    }

    /// `span` after the agency dateline it opens with, if any.
    fn without_dateline(&self, span: Span) -> Span {
        let s = span.text(self.text);
        let Some((_, close)) = parallax_segment::labels::agency_dateline(s) else {
            return span;
        };
        let rest = s[close + 1..].trim_start();
        let rest = rest
            .strip_prefix(['-', '–', '—'])
            .unwrap_or(rest)
            .trim_start();
        Span::new(span.end - rest.len(), span.end)
    }

    /// Index of the first token starting at or after `at`.
    pub fn token_from(&self, at: usize) -> usize {
        self.seg.tokens.partition_point(|t| t.start < at)
    }

    /// `span` without surrounding whitespace and final sentence punctuation, and without an
    /// agency dateline it opens with ("DREVNA (Meridian Wire) – "), which is no one's words.
    pub fn trim_content(&self, span: Span) -> Span {
        let span = self.without_dateline(span.trim(self.text));
        let s = span.text(self.text);
        let kept = s.trim_end_matches(['.', '!', '?', ',', ';', ':', ' ', '\n']);
        let kept = kept.trim_start_matches([',', ';', ':', ' ', '—', '–']);
        let lead = s.len() - s.trim_start_matches([',', ';', ':', ' ', '—', '–']).len();
        Span::new(span.start + lead, span.start + lead + kept.len())
    }
}
