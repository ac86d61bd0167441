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
//! the next.

use parallax_core::{Analysis, Document};
use std::time::{Duration, Instant};

/// Version of the per-document analysis. Bump it whenever any annotator's output changes, so
/// that stored analyses made by an older version are redone rather than reused.
pub const PIPELINE_VERSION: &str = "0.7.0";

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
    let mut works: Vec<Work> = docs
        .iter()
        .map(|doc| Work {
            analysis: Analysis {
                doc: doc.id.clone(),
                pipeline_version: PIPELINE_VERSION.to_string(),
                ..Analysis::default()
            },
            number_tokens: Vec::new(),
        })
        .collect();
    let mut times = StageTimes(Vec::with_capacity(STAGES.len()));
    for stage in STAGES {
        let clock = Instant::now();
        for (doc, work) in docs.iter().zip(&mut works) {
            (stage.run)(doc, work);
        }
        times.0.push(clock.elapsed());
    }
    (works.into_iter().map(|w| w.analysis).collect(), times)
}
