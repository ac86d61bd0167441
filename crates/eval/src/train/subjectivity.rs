//! Training task `subjectivity`: the sentence-voice classifier of `parallax-voice`.
//!
//! Fits one logistic regression per L2 strength in [`L2_GRID`] on the training split, keeps
//! the one with the best dev macro-F1 (the first, on ties, so the choice is deterministic) and
//! writes it. Without a dev set the middle of the grid is used.

use super::TrainSummary;
use crate::formats::checkthat::{self, SubjectivitySentence};
use crate::tasks::subjectivity::score;
use crate::EvalError;
use parallax_voice::train::{fit, Example, TrainOptions};
use parallax_voice::Model;
use std::collections::BTreeMap;
use std::path::Path;

/// L2 strengths tried, weakest first.
const L2_GRID: [f64; 5] = [1e-5, 3e-5, 1e-4, 3e-4, 1e-3];

pub fn train(train: &Path, dev: Option<&Path>, out: &Path) -> Result<TrainSummary, EvalError> {
    let train_file = checkthat::split_file(train, "train_en.tsv");
    let examples: Vec<Example> = checkthat::read(&train_file)?.iter().map(example).collect();
    let dev_file = match dev {
        Some(dev) => Some(checkthat::split_file(dev, "dev_en.tsv")),
        None => train
            .is_dir()
            .then(|| checkthat::split_file(train, "dev_en.tsv")),
    };
    let dev_sentences = dev_file.as_deref().map(checkthat::read).transpose()?;

    let mut figures = BTreeMap::new();
    let (model, dev_confusion) = match &dev_sentences {
        Some(dev_sentences) => {
            let mut best: Option<(f64, Model, crate::metrics::Confusion)> = None;
            for l2 in L2_GRID {
                let model = fit(
                    &examples,
                    &TrainOptions {
                        l2,
                        ..TrainOptions::default()
                    },
                );
                let confusion = score(&model, dev_sentences);
                let f1 = confusion.macro_f1();
                figures.insert(format!("macro_f1@l2={l2:e}"), f1);
                if best.as_ref().is_none_or(|(top, _, _)| f1 > *top) {
                    best = Some((f1, model, confusion));
                }
            }
            match best {
                Some((_, model, confusion)) => (model, Some(confusion)),
                None => return Err(EvalError::Other("empty L2 grid".to_string())),
            }
        }
        None => {
            let l2 = L2_GRID[L2_GRID.len() / 2];
            (
                fit(
                    &examples,
                    &TrainOptions {
                        l2,
                        ..TrainOptions::default()
                    },
                ),
                None,
            )
        }
    };
    if let Some(confusion) = dev_confusion {
        figures.insert("macro_f1".to_string(), confusion.macro_f1());
        figures.insert("accuracy".to_string(), confusion.accuracy());
    }

    let bytes = model
        .encode()
        .map_err(|e| EvalError::Other(format!("cannot encode model: {e}")))?;
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| EvalError::io(parent, e))?;
    }
    std::fs::write(out, &bytes).map_err(|e| EvalError::io(out, e))?;
    Ok(TrainSummary {
        model: out.display().to_string(),
        examples: examples.len(),
        bytes: bytes.len() as u64,
        dev: figures,
    })
}

fn example(sentence: &SubjectivitySentence) -> Example {
    Example {
        text: sentence.sentence.clone(),
        opinion: sentence.subjective,
        weight: 1.0,
    }
}
