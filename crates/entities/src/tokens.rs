//! The token sequences the tagger reads: the segmentation's tokens grouped by sentence.
//!
//! When the pipeline's segmentation has no tokens (a caller that did not segment), the text is
//! segmented here with the same segmenter, so the tagger always sees the tokenization it was
//! trained for (CoNLL-like: "'s" split off, abbreviations kept whole).

use parallax_core::{Segmentation, Span};
use std::borrow::Cow;

/// One sentence's tokens, as valid spans of the document text.
#[derive(Debug, Clone, Default)]
pub struct SentenceTokens {
    pub spans: Vec<Span>,
}

/// The document's sentences with their tokens. Tokens outside every sentence (a segmentation
/// without sentences) are grouped by line.
pub fn sentences(text: &str, seg: &Segmentation) -> Vec<SentenceTokens> {
    let seg: Cow<'_, Segmentation> = if seg.tokens.is_empty() {
        Cow::Owned(parallax_segment::segment(text))
    } else {
        Cow::Borrowed(seg)
    };
    let valid = |s: &&Span| !s.is_empty() && s.slice(text).is_ok();
    if seg.sentences.is_empty() {
        return by_line(text, seg.tokens.iter().filter(valid).copied());
    }
    seg.sentences
        .iter()
        .map(|sentence| {
            let range = seg.tokens_in(sentence.span);
            let spans = seg
                .tokens
                .get(range)
                .unwrap_or(&[])
                .iter()
                .filter(valid)
                .copied()
                .collect();
            SentenceTokens { spans }
        })
        .filter(|s| !s.spans.is_empty())
        .collect()
}

fn by_line(text: &str, tokens: impl Iterator<Item = Span>) -> Vec<SentenceTokens> {
    let mut out: Vec<SentenceTokens> = Vec::new();
    let mut last_end = 0;
    for token in tokens {
        let gap = text
            .get(last_end.min(token.start)..token.start)
            .unwrap_or("");
        if out.is_empty() || gap.contains('\n') {
            out.push(SentenceTokens::default());
        }
        if let Some(sentence) = out.last_mut() {
            sentence.spans.push(token);
        }
        last_end = token.end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_when_the_segmentation_is_empty() {
        let text = "Mr Saakashvili spoke.\n\nHe left.";
        let sentences = sentences(text, &Segmentation::default());
        assert_eq!(sentences.len(), 2);
        assert_eq!(sentences[0].spans[1].text(text), "Saakashvili");
    }

    #[test]
    fn groups_sentenceless_tokens_by_line() {
        let text = "A b\nC";
        let seg = Segmentation {
            tokens: vec![Span::new(0, 1), Span::new(2, 3), Span::new(4, 5)],
            ..Segmentation::default()
        };
        let sentences = sentences(text, &seg);
        assert_eq!(sentences.len(), 2);
    }
}
