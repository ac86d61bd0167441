//! One pass over the words of every sentence for the loaded-terms annotator
//! ([`crate::loaded`]): each word is split out ([`for_each_word`]) and looked up
//! ([`crate::vocab`]) once, and only the loaded words are kept, with their place in the
//! sentence.

use crate::loaded::for_each_word;
use crate::vocab::{self, Entry};
use parallax_core::{Segmentation, Span};
use std::ops::Range;

/// A word some framing annotator reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Notable {
    /// Byte span in the document text.
    pub span: Span,
    /// 1-based position of the word among all the words of its sentence.
    pub position: usize,
    pub entry: Entry,
}

/// The notable words of each sentence of one document.
#[derive(Debug, Clone, Default)]
pub struct Scan {
    words: Vec<Notable>,
    /// Per sentence, its words' range in `words`.
    sentences: Vec<Range<usize>>,
}

impl Scan {
    /// Scans every sentence of `seg` in `text`; a sentence whose span does not fit the text
    /// has no words.
    pub fn new(text: &str, seg: &Segmentation) -> Scan {
        let mut words = Vec::new();
        let mut sentences = Vec::with_capacity(seg.sentences.len());
        for sentence in &seg.sentences {
            let first = words.len();
            if let Ok(slice) = sentence.span.slice(text) {
                scan_sentence(slice, sentence.span.start, &mut words);
            }
            sentences.push(first..words.len());
        }
        Scan { words, sentences }
    }

    /// The notable words of sentence `index`, in text order (none for an unknown index).
    pub fn sentence(&self, index: usize) -> &[Notable] {
        self.sentences
            .get(index)
            .and_then(|r| self.words.get(r.clone()))
            .unwrap_or_default()
    }

    /// Number of sentences scanned.
    pub fn len(&self) -> usize {
        self.sentences.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sentences.is_empty()
    }
}

/// Appends the loaded words of `sentence`, which starts at byte `offset` of the document.
fn scan_sentence(sentence: &str, offset: usize, out: &mut Vec<Notable>) {
    let mut position = 0usize;
    for_each_word(sentence, |range, word| {
        position += 1;
        let entry = vocab::lookup(word);
        if entry.is_loaded() {
            out.push(Notable {
                span: Span::new(offset + range.start, offset + range.end),
                position,
                entry,
            });
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_only_loaded_words() {
        let text = "Intro. The bizarre plan was not reckless at all.";
        let seg = parallax_segment::segment(text);
        let scan = Scan::new(text, &seg);
        assert_eq!(scan.len(), seg.sentences.len());
        let last = scan.sentence(scan.len() - 1);
        let found: Vec<(&str, usize)> = last
            .iter()
            .map(|n| (n.span.slice(text).unwrap_or(""), n.position))
            .collect();
        assert!(found.contains(&("bizarre", 2)), "{found:?}");
        assert!(last.iter().all(|n| n.entry.is_loaded()));
        assert!(scan.sentence(99).is_empty());
    }
}
