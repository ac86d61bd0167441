//! The per-document stage: a pure function from a [`Document`] to its [`Analysis`].
//!
//! It runs segmentation, then entities, times, figures, quotations and voice (sentence voice,
//! then framing: labels, loaded terms and tone, which read the entity and quotation layers), in
//! that order because each later annotator may read the earlier layers. It cannot fail: each
//! annotator returns its items plus diagnostics, which are collected into the analysis. The
//! per-stage wall time is measured on request ([`analyze_batch_timed`]) for `parallax bench`;
//! the framing stage as a whole is `voice` plus `framing`. Callers with many documents hand
//! them over in batches ([`analyze_batch`]), which runs each stage over the whole batch before
//! the next. Every document has a work budget ([`budget`]): the annotators read at most its
//! first [`budget::MAX_TEXT_BYTES`], and once its stages have run past [`budget::MAX_TIME`] its
//! later stages are skipped, with a diagnostic either way. A document reliably detected as
//! written in another language than English is only segmented ([`language`]).

pub mod budget;
pub mod language;

pub use budget::{stopped_by_budget, Budget};
use parallax_core::{Analysis, Document};
use std::borrow::Cow;
use std::time::{Duration, Instant};

/// Version of the per-document analysis. Bump it whenever any annotator's output changes, so
/// that stored analyses made by an older version are redone rather than reused.
pub const PIPELINE_VERSION: &str = "0.6.1";

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
    analyze_batch_budgeted(docs, &Budget::default())
}

/// [`analyze_batch_timed`] with a given work budget per document.
pub fn analyze_batch_budgeted(docs: &[&Document], budget: &Budget) -> (Vec<Analysis>, StageTimes) {
    let mut times = StageTimes::default();
    let mut clock = Instant::now();
    let mut lap = |stage: usize| {
        let now = Instant::now();
        times.0[stage] += now - clock;
        clock = now;
    };
    let (read, mut notes): (Vec<Cow<Document>>, Vec<Vec<_>>) = docs
        .iter()
        .map(|doc| {
            let (read, warning) = budget::clip(doc, budget.max_text_bytes);
            (read, warning.into_iter().collect())
        })
        .unzip();
    let docs: Vec<&Document> = read.iter().map(|d| d.as_ref()).collect();
    let mut meter = Meter::new(docs.len(), budget.max_time);
    for (i, doc) in docs.iter().enumerate() {
        if let Some(found) = language::unsupported(&doc.text) {
            meter.held[i] = true;
            notes[i].push(language::not_analyzed(&found));
        }
    }
    let segmentations: Vec<_> = (0..docs.len())
        .map(|i| {
            meter.run(i, 0, Default::default, || {
                parallax_segment::segment(&docs[i].text)
            })
        })
        .collect();
    lap(0);
    let entities: Vec<_> = (0..docs.len())
        .map(|i| {
            meter.run(i, 1, Default::default, || {
                parallax_entities::annotate(docs[i], &segmentations[i])
            })
        })
        .collect();
    lap(1);
    // Times and figures read the same number-aware tokens; they are made once, in the time
    // stage's lap.
    let number_tokens: Vec<_> = (0..docs.len())
        .map(|i| {
            meter.run(i, 2, Vec::new, || {
                parallax_figures::lexer::tokenize(&docs[i].text)
            })
        })
        .collect();
    let time: Vec<_> = (0..docs.len())
        .map(|i| {
            meter.run(i, 2, Default::default, || {
                parallax_time::annotate_tokens(docs[i], &number_tokens[i])
            })
        })
        .collect();
    lap(2);
    let figures: Vec<_> = (0..docs.len())
        .map(|i| {
            meter.run(
                i,
                3,
                || parallax_core::Annotated::new(Vec::new()),
                || parallax_figures::annotate_tokens(docs[i], &number_tokens[i]),
            )
        })
        .collect();
    lap(3);
    let quotes: Vec<_> = (0..docs.len())
        .map(|i| {
            meter.run(
                i,
                4,
                || parallax_core::Annotated::new(Vec::new()),
                || {
                    parallax_quotes::annotate(
                        docs[i],
                        &segmentations[i],
                        &entities[i].mentions,
                        &entities[i].local_entities,
                    )
                },
            )
        })
        .collect();
    lap(4);
    let voice: Vec<_> = (0..docs.len())
        .map(|i| {
            meter.run(
                i,
                5,
                || parallax_core::Annotated::new(Vec::new()),
                || parallax_voice::annotate(docs[i], &segmentations[i], &quotes[i].items),
            )
        })
        .collect();
    lap(5);
    let framing: Vec<_> = (0..docs.len())
        .map(|i| {
            meter.run(i, 6, Default::default, || {
                parallax_voice::frame(
                    docs[i],
                    &segmentations[i],
                    &entities[i].mentions,
                    &entities[i].local_entities,
                    &quotes[i].items,
                )
            })
        })
        .collect();
    lap(6);
    for (notes, stop) in notes.iter_mut().zip(meter.stops()) {
        notes.extend(stop);
    }
    drop(number_tokens);

    let analyses = docs
        .iter()
        .zip(notes)
        .zip(segmentations)
        .zip(entities)
        .zip(time)
        .zip(figures)
        .zip(quotes)
        .zip(voice)
        .zip(framing)
        .map(
            |(
                (((((((doc, notes), segmentation), entities), time), mut figures), quotes), voice),
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

                let mut diagnostics = notes;
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
                    labels: framing.labels,
                    loaded_terms: framing.loaded_terms,
                    tones: framing.tones,
                    diagnostics,
                }
            },
        )
        .collect();
    (analyses, times)
}

/// Each document's time spent in its stages so far, and where the budget stopped it.
struct Meter {
    spent: Vec<Duration>,
    stopped: Vec<Option<usize>>,
    /// Documents whose stages after segmentation are not run (another language).
    held: Vec<bool>,
    budget: Duration,
}

impl Meter {
    fn new(docs: usize, budget: Duration) -> Meter {
        Meter {
            spent: vec![Duration::ZERO; docs],
            stopped: vec![None; docs],
            held: vec![false; docs],
            budget,
        }
    }

    /// Runs document `doc`'s part of `stage` and counts its time, unless the document's
    /// budget is already spent (then its layer is `empty`). Segmentation, which every other
    /// layer reads and which is linear, always runs.
    fn run<T>(
        &mut self,
        doc: usize,
        stage: usize,
        empty: impl FnOnce() -> T,
        work: impl FnOnce() -> T,
    ) -> T {
        if self.stopped[doc].is_some() || (stage > 0 && self.held[doc]) {
            return empty();
        }
        if stage > 0 && self.spent[doc] >= self.budget {
            self.stopped[doc] = Some(stage);
            return empty();
        }
        let started = Instant::now();
        let out = work();
        self.spent[doc] += started.elapsed();
        out
    }

    /// The diagnostic of each document the budget stopped.
    fn stops(&self) -> Vec<Option<parallax_core::Diagnostic>> {
        self.stopped
            .iter()
            .zip(&self.spent)
            .map(|(stopped, spent)| {
                stopped.map(|stage| budget::stopped(STAGES[stage], *spent, self.budget))
            })
            .collect()
    }
}
