//! The per-document stage: a pure function from a [`Document`] to its [`Analysis`].
//!
//! It runs segmentation, then entities, times, figures, quotations and voice (sentence voice,
//! then framing: labels, loaded terms and tone, which read the entity and quotation layers), in
//! that order because each later annotator may read the earlier layers. It cannot fail: each
//! annotator returns its items plus diagnostics, which are collected into the analysis. The
//! per-stage wall time is measured on request ([`analyze_timed`]) for `parallax bench`; the
//! framing stage as a whole is `voice` plus `framing`.

use parallax_core::{Analysis, Document};
use std::time::{Duration, Instant};

/// Version of the per-document analysis. Bump it whenever any annotator's output changes, so
/// that stored analyses made by an older version are redone rather than reused.
pub const PIPELINE_VERSION: &str = "0.5.0";

/// The per-document stages, in the order they run.
pub const STAGES: [&str; 7] = [
    "segment", "entities", "time", "figures", "quotes", "voice", "framing",
];

/// Wall time spent in each of [`STAGES`], in that order.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct StageTimes(pub [Duration; 7]);

impl StageTimes {
    pub fn add(&mut self, other: &StageTimes) {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a += b;
        }
    }
}

/// Analyzes one document.
pub fn analyze(doc: &Document) -> Analysis {
    analyze_timed(doc).0
}

/// Analyzes one document and reports the time each stage took.
pub fn analyze_timed(doc: &Document) -> (Analysis, StageTimes) {
    let mut times = StageTimes::default();
    let mut clock = Instant::now();
    let mut lap = |stage: usize| {
        let now = Instant::now();
        times.0[stage] += now - clock;
        clock = now;
    };
    let segmentation = parallax_segment::segment(&doc.text);
    lap(0);
    let entities = parallax_entities::annotate(doc, &segmentation);
    lap(1);
    // Times and figures read the same number-aware tokens; they are made once, in the time
    // stage's lap.
    let number_tokens = parallax_figures::lexer::tokenize(&doc.text);
    let time = parallax_time::annotate_tokens(doc, &number_tokens);
    lap(2);
    let mut figures = parallax_figures::annotate_tokens(doc, &number_tokens);
    lap(3);
    let quotes = parallax_quotes::annotate(
        doc,
        &segmentation,
        &entities.mentions,
        &entities.local_entities,
    );
    lap(4);
    let voice = parallax_voice::annotate(doc, &segmentation, &quotes.items);
    lap(5);
    let framing = parallax_voice::frame(
        doc,
        &segmentation,
        &entities.mentions,
        &entities.local_entities,
        &quotes.items,
    );
    lap(6);

    // A number inside a time expression ("1991-92", "five days") is part of a date or a
    // duration, not a numeric claim.
    figures
        .items
        .retain(|f| !time.times.iter().any(|t| t.span.overlaps(f.span)));
    // A figure inside a quotation (or its attribution) is asserted by that quotation's speaker.
    for figure in &mut figures.items {
        figure.quote = quotes
            .items
            .iter()
            .position(|q| q.span.contains(figure.span));
    }

    let mut diagnostics = Vec::new();
    diagnostics.extend(entities.diagnostics);
    diagnostics.extend(time.diagnostics);
    diagnostics.extend(figures.diagnostics);
    diagnostics.extend(quotes.diagnostics);
    diagnostics.extend(voice.diagnostics);

    let analysis = Analysis {
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
        labels: framing.labels,
        loaded_terms: framing.loaded_terms,
        tones: framing.tones,
        diagnostics,
    };
    (analysis, times)
}
