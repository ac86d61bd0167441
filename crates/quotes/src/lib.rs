//! Quotations and their attribution.

use parallax_core::{Annotated, Document, LocalEntity, Mention, Quote, Segmentation};

/// Finds quotations in `doc` and attributes each to a speaker among `mentions`.
pub fn annotate(
    doc: &Document,
    seg: &Segmentation,
    mentions: &[Mention],
    entities: &[LocalEntity],
) -> Annotated<Quote> {
    let _ = (doc, seg, mentions, entities);
    Annotated::default()
}
