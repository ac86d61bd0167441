//! The per-document stage: a pure function from a [`Document`] to its [`Analysis`].
//!
//! It runs segmentation, then entities, times, figures, quotations and voice (sentence voice,
//! then framing: labels, loaded terms and tone, which read the entity and quotation layers) and
//! events (who did what to whom, reading entities, times and quotations), in
//! that order because each later annotator may read the earlier layers. It cannot fail: each
//! annotator returns its items plus diagnostics, which are collected into the analysis. The
//! stages are a declared table ([`STAGES`]: name and function per row), which the runner walks
//! in order and `parallax bench` reads for its rows. The per-stage wall time is measured on
//! request ([`analyze_batch_timed`]) for `parallax bench`;
//! the framing stage as a whole is `voice` plus `framing`. Callers with many documents hand
//! them over in batches ([`analyze_batch`]), which runs each stage over the whole batch before
//! the next. Every document has a work budget ([`budget`]): the annotators read at most its
//! first [`budget::MAX_TEXT_BYTES`], and once its stages have run past [`budget::MAX_TIME`] its
//! later stages are skipped, with a diagnostic either way. A document reliably detected as
//! written in another language than English is only segmented ([`language`]).
//!
//! # Example
//!
//! ```
//! use parallax_core::Document;
//!
//! let mut doc = Document::new(
//!     "d1",
//!     "\"We are ready,\" Mayor Anna Ivanova said on Tuesday. At least 15 people were killed.",
//!     "example.txt",
//! );
//! doc.meta.published = Some("2024-03-07".into());
//! let analysis = parallax_pipeline::analyze(&doc);
//! assert_eq!(analysis.doc, "d1");
//! assert_eq!(analysis.quotes.len(), 1);
//! assert_eq!(analysis.figures[0].text, "At least 15");
//! assert!(analysis.times.iter().any(|t| t.value == "2024-03-05"));
//! // Every item's span slices the unchanged text.
//! assert!(analysis.figures.iter().all(|f| f.span.slice(&doc.text).ok() == Some(f.text.as_str())));
//! ```

pub mod budget;
pub mod language;

pub use budget::{stopped_by_budget, Budget};
use parallax_core::{Analysis, Document};
use std::borrow::Cow;
use std::time::{Duration, Instant};

/// Version of the per-document analysis. Bump it whenever any annotator's output changes, so
/// that stored analyses made by an older version are redone rather than reused.
pub const PIPELINE_VERSION: &str = "0.9.3";

mod stages;

pub use stages::{Stage, Work, STAGES};

/// Wall time spent in each row of [`STAGES`], in that order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StageTimes(Vec<Duration>);

impl StageTimes {
    pub fn add(&mut self, other: &StageTimes) {
        if self.0.len() < other.0.len() {
            self.0.resize(other.0.len(), Duration::ZERO);
        }
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a += *b;
        }
    }

    /// Each stage's name with its time, in table order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, Duration)> + '_ {
        STAGES
            .iter()
            .enumerate()
            .map(|(i, stage)| (stage.name, self.0.get(i).copied().unwrap_or_default()))
    }

    /// The time of the stage named `name` (zero for a name not in the table).
    pub fn get(&self, name: &str) -> Duration {
        self.iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| t)
            .unwrap_or_default()
    }

    /// The time of all stages together.
    pub fn total(&self) -> Duration {
        self.0.iter().sum()
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

/// [`analyze_batch_timed`] with a given work budget per document: each document's text is
/// clipped to `budget.max_text_bytes` before the stages read it, and a document whose stages
/// have taken `budget.max_time` skips the rest (segmentation, which the others read and which
/// is linear, always runs).
pub fn analyze_batch_budgeted(docs: &[&Document], budget: &Budget) -> (Vec<Analysis>, StageTimes) {
    let clipped: Vec<(Cow<Document>, _)> = docs
        .iter()
        .map(|doc| budget::clip(doc, budget.max_text_bytes))
        .collect();
    let mut works: Vec<Work> = clipped
        .iter()
        .map(|(doc, warning)| Work {
            analysis: Analysis {
                doc: doc.id.clone(),
                pipeline_version: PIPELINE_VERSION.to_string(),
                diagnostics: warning.iter().cloned().collect(),
                ..Analysis::default()
            },
            number_tokens: Vec::new(),
        })
        .collect();
    let mut spent = vec![Duration::ZERO; docs.len()];
    // A document in another language than English is only segmented.
    let held: Vec<bool> = clipped
        .iter()
        .zip(&mut works)
        .map(|((doc, _), work)| {
            let found = language::unsupported(&doc.text);
            if let Some(found) = &found {
                work.analysis
                    .diagnostics
                    .push(language::not_analyzed(found));
            }
            found.is_some()
        })
        .collect();
    let mut stopped = vec![false; docs.len()];
    let mut times = StageTimes(Vec::with_capacity(STAGES.len()));
    for (index, stage) in STAGES.iter().enumerate() {
        let clock = Instant::now();
        for (i, ((doc, _), work)) in clipped.iter().zip(&mut works).enumerate() {
            if stopped[i] || (index > 0 && held[i]) {
                continue;
            }
            if index > 0 && spent[i] >= budget.max_time {
                stopped[i] = true;
                let stop = budget::stopped(stage.name, spent[i], budget.max_time);
                work.analysis.diagnostics.push(stop);
                continue;
            }
            let started = Instant::now();
            (stage.run)(doc, work);
            spent[i] += started.elapsed();
        }
        times.0.push(clock.elapsed());
    }
    (works.into_iter().map(|w| w.analysis).collect(), times)
}
