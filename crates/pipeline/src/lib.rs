//! The per-document stage: a pure function from a [`Document`] to its [`Analysis`].
//!
//! It runs segmentation, then entities, times, figures, quotations and voice (sentence voice,
//! then framing: labels, loaded terms and tone, which read the entity and quotation layers), in
//! that order because each later annotator may read the earlier layers. It cannot fail: each
//! annotator returns its items plus diagnostics, which are collected into the analysis. The
//! per-stage wall time is measured on request ([`analyze_batch_timed`]) for `parallax bench`;
//! the framing stage as a whole is `voice` plus `framing`. Callers with many documents hand
//! them over in batches ([`analyze_batch`]), which runs each stage over the whole batch before
//! the next.

use parallax_core::{Analysis, Document};
use std::time::{Duration, Instant};

/// Version of the per-document analysis. Bump it whenever any annotator's output changes, so
/// that stored analyses made by an older version are redone rather than reused.
pub const PIPELINE_VERSION: &str = "0.6.0";

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
    // One document in, one analysis out.
    analyze_batch(&[doc]).swap_remove(0)
}

/// How many documents [`analyze_batch`] callers should hand over at once: enough that each
/// stage's code and tables stay warm across documents, few enough that a batch's intermediate
/// layers stay small.
pub const BATCH: usize = 32;

/// Analyzes several documents, one stage at a time over all of them. The result is the same as
/// [`analyze`] on each; running stage by stage keeps each annotator's code and tables in the
/// caches instead of evicting them with the next stage's for every article.
pub fn analyze_batch(docs: &[&Document]) -> Vec<Analysis> {
    analyze_batch_timed(docs).0
}

/// [`analyze_batch`], also reporting the time each stage took over the whole batch.
pub fn analyze_batch_timed(docs: &[&Document]) -> (Vec<Analysis>, StageTimes) {
    let mut times = StageTimes::default();
    let mut clock = Instant::now();
    let mut lap = |stage: usize| {
        let now = Instant::now();
        times.0[stage] += now - clock;
        clock = now;
    };
    let segmentations: Vec<_> = docs
        .iter()
        .map(|doc| parallax_segment::segment(&doc.text))
        .collect();
    lap(0);
    let entities: Vec<_> = docs
        .iter()
        .zip(&segmentations)
        .map(|(doc, segmentation)| parallax_entities::annotate(doc, segmentation))
        .collect();
    lap(1);
    // Times and figures read the same number-aware tokens; they are made once, in the time
    // stage's lap.
    let number_tokens: Vec<_> = docs
        .iter()
        .map(|doc| parallax_figures::lexer::tokenize(&doc.text))
        .collect();
    let time: Vec<_> = docs
        .iter()
        .zip(&number_tokens)
        .map(|(doc, tokens)| parallax_time::annotate_tokens(doc, tokens))
        .collect();
    lap(2);
    let figures: Vec<_> = docs
        .iter()
        .zip(&number_tokens)
        .map(|(doc, tokens)| parallax_figures::annotate_tokens(doc, tokens))
        .collect();
    lap(3);
    let quotes: Vec<_> = docs
        .iter()
        .zip(segmentations.iter().zip(&entities))
        .map(|(doc, (segmentation, entities))| {
            parallax_quotes::annotate(
                doc,
                segmentation,
                &entities.mentions,
                &entities.local_entities,
            )
        })
        .collect();
    lap(4);
    let voice: Vec<_> = docs
        .iter()
        .zip(segmentations.iter().zip(&quotes))
        .map(|(doc, (segmentation, quotes))| {
            parallax_voice::annotate(doc, segmentation, &quotes.items)
        })
        .collect();
    lap(5);
    let framing: Vec<_> = docs
        .iter()
        .zip(segmentations.iter().zip(entities.iter().zip(&quotes)))
        .map(|(doc, (segmentation, (entities, quotes)))| {
            parallax_voice::frame(
                doc,
                segmentation,
                &entities.mentions,
                &entities.local_entities,
                &quotes.items,
            )
        })
        .collect();
    lap(6);
    drop(number_tokens);

    let analyses = docs
        .iter()
        .zip(segmentations)
        .zip(entities)
        .zip(time)
        .zip(figures)
        .zip(quotes)
        .zip(voice)
        .zip(framing)
        .map(
            |(
                ((((((doc, segmentation), entities), time), mut figures), quotes), voice),
                framing,
            )| {
                // A number inside a time expression ("1991-92", "five days") is part of a
                // date or a duration, not a numeric claim.
                figures
                    .items
                    .retain(|f| !time.times.iter().any(|t| t.span.overlaps(f.span)));
                // A figure inside a quotation (or its attribution) is asserted by that
                // quotation's speaker.
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
                diagnostics.extend(framing.diagnostics);

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
                    labels: framing.labels,
                    loaded_terms: framing.loaded_terms,
                    tones: framing.tones,
                    sentence_tones: framing.sentence_tones,
                    diagnostics,
                }
            },
        )
        .collect();
    (analyses, times)
}
