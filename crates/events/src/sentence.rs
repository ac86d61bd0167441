//! One sentence as the events annotator reads it: its tokens with their stems (lowercased and
//! stemmed once per token, into one buffer), and whether each is a word.

use crate::lexicon::stem;
use parallax_core::Span;

/// A token of the sentence.
#[derive(Debug, Clone, Copy)]
pub struct Tok {
    pub span: Span,
    /// Byte range of the stem in [`Sentence::stems`]; empty for tokens that are not words.
    stem: (u32, u32),
    /// Whether the token starts with a capital letter.
    pub capital: bool,
}

/// The tokens of one sentence.
#[derive(Debug, Default)]
pub struct Sentence {
    pub toks: Vec<Tok>,
    stems: String,
    lower: String,
}

/// Tokens longer than this are never words of the lists.
const MAX_WORD: usize = 24;

impl Sentence {
    /// Reads the tokens `spans` of `text` (spans that do not fit the text are skipped).
    pub fn read(&mut self, text: &str, spans: &[Span]) {
        self.toks.clear();
        self.stems.clear();
        for &span in spans {
            let Some(word) = text.get(span.start..span.end) else {
                continue;
            };
            let first = word.as_bytes().first().copied().unwrap_or(b' ');
            let is_word = first.is_ascii_alphabetic() && word.len() <= MAX_WORD;
            let range = if is_word {
                self.lower.clear();
                self.lower.push_str(word);
                self.lower.make_ascii_lowercase();
                let s = stem(&self.lower);
                let start = self.stems.len() as u32;
                self.stems.push_str(s);
                (start, self.stems.len() as u32)
            } else {
                let at = self.stems.len() as u32;
                (at, at)
            };
            self.toks.push(Tok {
                span,
                stem: range,
                capital: first.is_ascii_uppercase(),
            });
        }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// The stem of token `i` ("" for punctuation, numbers and out-of-range tokens).
    pub fn stem(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .and_then(|t| self.stems.get(t.stem.0 as usize..t.stem.1 as usize))
            .unwrap_or("")
    }

    /// Whether token `i` is a word (has a stem).
    pub fn is_word(&self, i: usize) -> bool {
        !self.stem(i).is_empty()
    }

    /// Token index of the first token starting at or after byte `at`.
    pub fn tok_at(&self, at: usize) -> usize {
        self.toks.partition_point(|t| t.span.start < at)
    }
}
