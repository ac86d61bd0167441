//! The per-document stage: a pure function from a [`Document`] to its [`Analysis`].
//!
//! It runs segmentation, then entities, times, figures, quotations and voice, in that order
//! because each later annotator may read the earlier layers. It cannot fail: each annotator
//! returns its items plus diagnostics, which are collected into the analysis.

use parallax_core::{Analysis, Document};

/// Version of the per-document analysis. Bump it whenever any annotator's output changes, so
/// that stored analyses made by an older version are redone rather than reused.
pub const PIPELINE_VERSION: &str = "0.1.0";

/// Analyzes one document.
pub fn analyze(doc: &Document) -> Analysis {
    let segmentation = parallax_segment::segment(&doc.text);
    let entities = parallax_entities::annotate(doc, &segmentation);
    let time = parallax_time::annotate(doc, &segmentation);
    let mut figures = parallax_figures::annotate(doc, &segmentation);
    let quotes =
        parallax_quotes::annotate(doc, &segmentation, &entities.mentions, &entities.local_entities);
    let voice = parallax_voice::annotate(doc, &segmentation, &quotes.items);

    // A figure inside a quotation is asserted by that quotation's speaker.
    for figure in &mut figures.items {
        figure.quote = quotes.items.iter().position(|q| q.span.contains(figure.span));
    }

    let mut diagnostics = Vec::new();
    diagnostics.extend(entities.diagnostics);
    diagnostics.extend(time.diagnostics);
    diagnostics.extend(figures.diagnostics);
    diagnostics.extend(quotes.diagnostics);
    diagnostics.extend(voice.diagnostics);

    Analysis {
        doc: doc.id.clone(),
        pipeline_version: PIPELINE_VERSION.to_string(),
        segmentation,
        mentions: entities.mentions,
        local_entities: entities.local_entities,
        quotes: quotes.items,
        figures: figures.items,
        times: time.times,
        time_anchor: time.anchor,
        voice: voice.items,
        diagnostics,
    }
}
