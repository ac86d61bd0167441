//! Whose words a span is: the author's own, or someone else's inside a quotation.
//!
//! The quote annotator's spans are the quoted content (inside the marks of a direct quote, the
//! reported clause of an indirect one, the pasted text of a block quote). A span starting inside
//! one of them is [`Speech::Quoted`]. The attribution around a quotation (its cue, speaker and
//! channel: "Orlov accused", "told CNN") is the author's reporting of someone else's stance,
//! so [`QuoteMask::is_masked`] also covers it when measuring the author's own tone.

use parallax_core::span_index::SpanIndex;
use parallax_core::{Quote, Span, Speech};

/// The quotations of one document, sorted for lookups by offset.
#[derive(Debug, Clone, Default)]
pub struct QuoteMask {
    /// The quotes' contents.
    contents: SpanIndex,
    /// Quote contents and their attributions, merged into disjoint sorted spans.
    masked: Vec<Span>,
}

impl QuoteMask {
    pub fn new(quotes: &[Quote]) -> Self {
        let contents = SpanIndex::new(quotes.iter().map(|q| q.span));
        let mut spans: Vec<Span> = quotes
            .iter()
            .flat_map(|q| {
                let anchors = [&q.cue, &q.speaker_text, &q.channel];
                std::iter::once(q.span).chain(anchors.into_iter().flatten().map(|a| a.span))
            })
            .filter(|s| s.start < s.end)
            .collect();
        spans.sort_by_key(|s| (s.start, s.end));
        let mut masked: Vec<Span> = Vec::with_capacity(spans.len());
        for span in spans {
            match masked.last_mut() {
                Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
                _ => masked.push(span),
            }
        }
        QuoteMask { contents, masked }
    }

    /// Whether `span` is the author's words or quoted, and the quote it is in (the innermost,
    /// i.e. the latest-starting quotation containing its start).
    pub fn speech_of(&self, span: Span) -> (Speech, Option<usize>) {
        match self.contents.innermost_at(span.start) {
            Some(quote) => (Speech::Quoted, Some(quote)),
            None => (Speech::Author, None),
        }
    }

    /// The indices of the quotes whose contents overlap `span`, ascending.
    pub fn overlapping(&self, span: Span) -> Vec<usize> {
        self.contents.overlapping(span)
    }

    /// Whether byte offset `at` lies in a quotation or its attribution.
    pub fn is_masked(&self, at: usize) -> bool {
        let i = self.masked.partition_point(|s| s.end <= at);
        self.masked.get(i).is_some_and(|s| s.start <= at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::{Anchor, QuoteKind};

    fn quote(text: &str, content: &str, cue: &str) -> Quote {
        let start = text.find(content).unwrap_or(0);
        let span = Span::new(start, start + content.len());
        let cue_at = text.find(cue).unwrap_or(0);
        Quote {
            span,
            text: content.to_string(),
            kind: QuoteKind::Direct,
            cue: Anchor::new(text, Span::new(cue_at, cue_at + cue.len())),
            speaker_text: None,
            speaker_mention: None,
            channel: None,
        }
    }

    #[test]
    fn quoted_and_author_spans() {
        let text = "“He is a puppet,” Orlov said. Kelidze is the president.";
        let mask = QuoteMask::new(&[quote(text, "He is a puppet,", "said")]);
        let puppet = text.find("a puppet").unwrap_or(0);
        assert_eq!(
            mask.speech_of(Span::new(puppet, puppet + 8)),
            (Speech::Quoted, Some(0))
        );
        let president = text.find("the president").unwrap_or(0);
        assert_eq!(
            mask.speech_of(Span::new(president, president + 13)).0,
            Speech::Author
        );
        assert!(mask.is_masked(text.find("said").unwrap_or(0)));
        assert!(!mask.is_masked(president));
    }
}
