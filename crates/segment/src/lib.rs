//! Segmentation: paragraphs (with their roles), sentences and tokens, as byte spans into the
//! unchanged text. Every other annotator reads these layers.
//!
//! The three layers are computed in one pass each, in order: [`paragraphs`] splits on blank
//! lines (and on single lines in lists and headers) and assigns roles; [`sentences`] splits
//! each paragraph at terminal punctuation, consulting the [`abbreviations`] layer; [`tokens`]
//! splits each sentence into words and punctuation. None of them allocates per character, and
//! none can fail: any text, however odd, gets some segmentation.
//!
//! # Example
//!
//! ```
//! let text = "Fighting resumed on Monday. Dr. Smith said it was over.\n\nA second paragraph.";
//! let seg = parallax_segment::segment(text);
//! assert_eq!(seg.paragraphs.len(), 2);
//! // "Dr." does not end a sentence.
//! let sentences: Vec<&str> = seg.sentences.iter().map(|s| &text[s.span.start..s.span.end]).collect();
//! assert_eq!(sentences, ["Fighting resumed on Monday.", "Dr. Smith said it was over.", "A second paragraph."]);
//! ```

pub mod abbreviations;
pub mod labels;
pub mod paragraphs;
pub mod pasted;
pub mod sentences;
pub mod tokens;
mod wordlists;

use parallax_core::{Segmentation, Sentence};

/// Splits `text` into paragraphs, sentences and tokens.
pub fn segment(text: &str) -> Segmentation {
    let paragraphs = paragraphs::split(text);
    let mut sentences = Vec::new();
    let mut token_spans = Vec::new();
    for (index, paragraph) in paragraphs.iter().enumerate() {
        for span in sentences::split(text, paragraph.span, paragraph.role) {
            tokens::split_into(text, span, &mut token_spans);
            sentences.push(Sentence {
                span,
                paragraph: index,
            });
        }
    }
    Segmentation {
        paragraphs,
        sentences,
        tokens: token_spans,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn segments_a_short_article() {
        let text = "Clashes erupt in Varosa\n\nBy Ana Petrov\n\nMr. Dalen said on Friday that \
                    troops had entered the U.S.-backed zone. \"We will respond,\" he said.\n";
        let seg = segment(text);
        let sentences: Vec<&str> = seg.sentences.iter().map(|s| s.span.text(text)).collect();
        assert_eq!(
            sentences,
            [
                "Clashes erupt in Varosa",
                "By Ana Petrov",
                "Mr. Dalen said on Friday that troops had entered the U.S.-backed zone.",
                "\"We will respond,\" he said.",
            ]
        );
        assert!(seg.tokens.iter().any(|t| t.text(text) == "Mr."));
    }

    proptest! {
        #[test]
        fn spans_are_valid_and_ordered(text in "\\PC{0,200}|[a-zA-Z .!?\"“”'’\n-]{0,200}") {
            let seg = segment(&text);
            let mut last = 0;
            for p in &seg.paragraphs {
                prop_assert!(p.span.slice(&text).is_ok());
                prop_assert!(p.span.start >= last && !p.span.is_empty());
                last = p.span.end;
            }
            let mut last = 0;
            for s in &seg.sentences {
                prop_assert!(s.span.slice(&text).is_ok());
                prop_assert!(s.span.start >= last && !s.span.is_empty());
                prop_assert!(seg.paragraphs[s.paragraph].span.contains(s.span));
                last = s.span.end;
            }
            let mut last = 0;
            for t in &seg.tokens {
                let slice = t.slice(&text);
                prop_assert!(slice.is_ok());
                prop_assert!(t.start >= last && !t.is_empty());
                prop_assert!(!slice.unwrap_or(" ").trim().is_empty());
                last = t.end;
            }
        }
    }
}
