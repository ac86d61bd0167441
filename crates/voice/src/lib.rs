//! Sentence voice.

use parallax_core::{Annotated, Document, Quote, Segmentation, SentenceVoice};

/// Classifies each sentence of `doc` as reporting or opinion.
pub fn annotate(doc: &Document, seg: &Segmentation, quotes: &[Quote]) -> Annotated<SentenceVoice> {
    let _ = (doc, seg, quotes);
    Annotated::default()
}
