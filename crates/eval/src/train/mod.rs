//! Training of the statistical models from gold data (`parallax train`).

pub mod bias;
pub mod events;
pub mod geocode;
pub mod ner;
pub mod quotes;
pub mod subjectivity;
pub mod tone;

use crate::EvalError;
use std::path::Path;

/// What a training run reports back.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TrainSummary {
    pub model: String,
    pub examples: usize,
    pub bytes: u64,
    /// Dev-set figures, when a dev set was given.
    pub dev: std::collections::BTreeMap<String, f64>,
}

/// Trains the model for `task` from `train` (and `dev` when given) and writes it to `out`.
pub fn train(
    task: &str,
    train: &Path,
    dev: Option<&Path>,
    out: &Path,
) -> Result<TrainSummary, EvalError> {
    match task {
        "ner" => ner::train(train, dev, out),
        "subjectivity" => subjectivity::train(train, dev, out),
        "quotes" => quotes::train(train, dev, out),
        "events" => events::train(train, out),
        "geocode" => geocode::train(train, out),
        "tone" => tone::train(train, dev, out),
        "bias" => bias::train(train, dev, out),
        _ => Err(EvalError::NotImplemented(format!("train {task}"))),
    }
}
