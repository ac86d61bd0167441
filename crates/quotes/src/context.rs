//! The text and its segmentation, with the token-level questions the rules ask.

use parallax_core::{Segmentation, Span};

pub struct Ctx<'a> {
    pub text: &'a str,
    pub seg: &'a Segmentation,
}

impl<'a> Ctx<'a> {
    /// The text of token `i`; empty when there is no such token.
    pub fn word(&self, i: usize) -> &'a str {
        self.seg.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    pub fn tok(&self, i: usize) -> Span {
        self.seg.tokens.get(i).copied().unwrap_or_default()
    }

    /// Whether token `i` is a word (starts with a letter or digit).
    pub fn is_word(&self, i: usize) -> bool {
        self.word(i)
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
    }

    pub fn is_capitalized(&self, i: usize) -> bool {
        parallax_core::text::is_capitalized(self.word(i))
    }

    /// Whether token `i` is exactly `punct`.
    pub fn is(&self, i: usize, punct: &str) -> bool {
        self.word(i) == punct
    }

    /// Whether token `i` is a quotation mark.
    pub fn is_mark(&self, i: usize) -> bool {
        matches!(
            self.word(i),
            "\"" | "“" | "”" | "‘" | "’" | "'" | "«" | "»" | "„"
        )
    }

    /// The span from the start of token `first` to the end of token `last`.
    pub fn cover(&self, first: usize, last: usize) -> Span {
        Span::new(self.tok(first).start, self.tok(last).end)
    }

    /// Token indices of `span`.
    pub fn tokens_in(&self, span: Span) -> std::ops::Range<usize> {
        self.seg.tokens_in(span)
    }

    /// Index of the first token starting at or after `at`.
    pub fn token_from(&self, at: usize) -> usize {
        self.seg.tokens.partition_point(|t| t.start < at)
    }

    /// `span` without surrounding whitespace and final sentence punctuation.
    pub fn trim_content(&self, span: Span) -> Span {
        let span = span.trim(self.text);
        let s = span.text(self.text);
        let kept = s.trim_end_matches(['.', '!', '?', ',', ';', ':', ' ', '\n']);
        let kept = kept.trim_start_matches([',', ';', ':', ' ', '—', '–']);
        let lead = s.len() - s.trim_start_matches([',', ';', ':', ' ', '—', '–']).len();
        Span::new(span.start + lead, span.start + lead + kept.len())
    }
}
