//! One runner per evaluation task. Each reads its gold format, runs the annotator, and scores.

use crate::{EvalError, EvalReport};
use std::path::Path;

pub mod bias;
pub mod coref;
pub mod coverage;
pub mod events;
pub mod extract;
pub mod geocode;
pub mod ner;
pub mod numbers;
pub mod quotes;
pub mod reuse;
pub mod stories;
pub mod subjectivity;
pub mod timex;
pub mod tone;
pub mod tone_basil;

/// Every task name `parallax eval` accepts.
pub const TASKS: [&str; 14] = [
    "ner",
    "timex",
    "quotes",
    "numbers",
    "subjectivity",
    "extract",
    "stories",
    "reuse",
    "events",
    "coref",
    "coverage",
    "geocode",
    "tone",
    "bias",
];

pub fn run(task: &str, gold: &Path, limit: Option<usize>) -> Result<EvalReport, EvalError> {
    match task {
        "ner" => ner::run(gold, limit),
        "timex" => timex::run(gold, limit),
        "quotes" => quotes::run(gold, limit),
        "numbers" => numbers::run(gold, limit),
        "subjectivity" => subjectivity::run(gold, limit),
        "extract" => extract::run(gold, limit),
        "stories" => stories::run(gold, limit),
        "reuse" => reuse::run(gold, limit),
        "events" => events::run(gold, limit),
        "coref" => coref::run(gold, limit),
        "coverage" => coverage::run(gold, limit),
        "geocode" => geocode::run(gold, limit),
        "tone" => tone::run(gold, limit),
        "bias" => bias::run(gold, limit),
        other => Err(EvalError::UnknownTask(other.to_string())),
    }
}
