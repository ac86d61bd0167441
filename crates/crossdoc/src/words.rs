//! Word-level views of a document shared by the reuse and story stages: normalized word
//! tokens with their spans, stable hashes of words and word n-grams (shingles), and the
//! document's sentence spans.
//!
//! Normalization is deliberately light (lowercase alphanumeric runs, accents folded) so that
//! reuse detection sees the words as written, while small typographic edits (curly quotes,
//! dashes, casing, punctuation) do not break a match.

use parallax_core::{Analysis, Document, Span};

/// A normalized word and the span of the text it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub span: Span,
    pub norm: String,
}

/// The normalized words of `text[span]`: maximal runs of alphanumeric characters, lowercased
/// and folded to ASCII. A span that does not slice `text` yields no words.
pub fn words_in(text: &str, span: Span) -> Vec<Word> {
    let Ok(slice) = span.slice(text) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in slice
        .char_indices()
        .chain(std::iter::once((slice.len(), ' ')))
    {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Word {
                    span: Span::new(span.start + s, span.start + i),
                    norm: fold(&slice[s..i]),
                });
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// One word folded to ASCII lowercase (accents removed, letters without an ASCII form kept).
fn fold(word: &str) -> String {
    if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        let ascii = deunicode::deunicode(word).to_lowercase();
        let kept: String = ascii.chars().filter(|c| c.is_alphanumeric()).collect();
        if kept.is_empty() {
            word.to_lowercase()
        } else {
            kept
        }
    }
}

/// A stable 64-bit hash (FNV-1a): the same word hashes the same on every run and platform,
/// which keeps every ordering derived from it deterministic.
pub fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The hashes of the normalized words of `text[span]`.
pub fn word_hashes(text: &str, span: Span) -> Vec<u64> {
    words_in(text, span)
        .iter()
        .map(|w| hash_str(&w.norm))
        .collect()
}

/// The hashes of every run of `k` consecutive words (a word shingle), given the words'
/// hashes; none when fewer than `k` words are given.
pub fn shingles(word_hashes: &[u64], k: usize) -> Vec<u64> {
    if k == 0 {
        return Vec::new();
    }
    word_hashes
        .windows(k)
        .map(|w| {
            w.iter().fold(0x8422_2325_cbf2_9ce4_u64, |h, &word| {
                (h.rotate_left(17) ^ word).wrapping_mul(0x9e37_79b9_7f4a_7c15)
            })
        })
        .collect()
}

/// The document's sentence spans: the segmenter's when it produced any, otherwise the text
/// split at line breaks and at terminal punctuation followed by a space.
pub fn sentence_spans(doc: &Document, analysis: &Analysis) -> Vec<Span> {
    let segmented = &analysis.segmentation.sentences;
    if !segmented.is_empty() {
        return segmented
            .iter()
            .map(|s| s.span)
            .filter(|s| s.slice(&doc.text).is_ok())
            .collect();
    }
    fallback_sentences(&doc.text)
}

fn fallback_sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut previous: Option<char> = None;
    for (i, c) in text.char_indices() {
        let ends_before = c == '\n' || (c == ' ' && matches!(previous, Some('.' | '!' | '?')));
        if ends_before {
            let span = Span::new(start, i).trim(text);
            if !span.is_empty() {
                out.push(span);
            }
            start = i + c.len_utf8();
        }
        previous = Some(c);
    }
    let span = Span::new(start, text.len()).trim(text);
    if !span.is_empty() {
        out.push(span);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_folded_with_exact_spans() {
        let text = "Élan — «Tbilisi's» 42!";
        let words = words_in(text, Span::new(0, text.len()));
        let norms: Vec<&str> = words.iter().map(|w| w.norm.as_str()).collect();
        assert_eq!(norms, ["elan", "tbilisi", "s", "42"]);
        assert_eq!(words[1].span.text(text), "Tbilisi");
    }

    #[test]
    fn shingles_need_k_words() {
        let text = "one two three";
        let words = word_hashes(text, Span::new(0, text.len()));
        assert_eq!(shingles(&words, 3).len(), 1);
        assert!(shingles(&words, 4).is_empty());
    }

    #[test]
    fn fallback_splits_at_stops_and_lines() {
        let text = "First one. Second one!\nThird";
        let spans: Vec<&str> = fallback_sentences(text)
            .iter()
            .map(|s| s.text(text))
            .collect();
        assert_eq!(spans, ["First one.", "Second one!", "Third"]);
    }
}
