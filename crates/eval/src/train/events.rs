//! `parallax train events`: the event type model ([`parallax_events::model`]) from the tuning
//! half of the PLOVER gold-standard records (the seeded split of
//! [`crate::tasks::events::tune_half`]; the held half is never read here).
//!
//! Each record's sentence is analyzed by the pipeline; the features of its main event (the
//! first, as the evaluation scores it) are paired with the gold type, and an averaged
//! perceptron is trained over them in the split's order. The number of passes is chosen by
//! two-fold cross-validation inside the tuning half (the held half is never read), scoring the
//! type as the annotator decides it ([`parallax_events::decide`]: the model overrides the
//! lexicon's type only with a higher-scoring type of the same family); the summary reports each candidate's cross-validated accuracy beside the
//! lexicon's alone.

use super::TrainSummary;
use crate::tasks::events::{read_plover, tune_half, PLOVER_FILE};
use crate::EvalError;
use parallax_core::{Document, EventType};
use std::path::Path;

/// Candidate numbers of passes over the tuning half.
const EPOCHS: [usize; 4] = [1, 2, 5, 10];
/// Candidate weights of the lexicon prior the perceptron starts from.
const PRIORS: [f32; 6] = [0.0, 1.0, 2.0, 4.0, 8.0, 16.0];

pub fn train(gold: &Path, out: &Path) -> Result<TrainSummary, EvalError> {
    let file = if gold.is_dir() {
        gold.join(PLOVER_FILE)
    } else {
        gold.to_path_buf()
    };
    let (tune, _) = tune_half(read_plover(&file)?);
    let mut examples: Vec<(Vec<u32>, EventType)> = Vec::new();
    let mut lexical: Vec<EventType> = Vec::new();
    for record in &tune {
        let doc = Document::new(record.id.as_str(), record.text.as_str(), record.id.as_str());
        let a = parallax_pipeline::analyze(&doc);
        let layers = parallax_events::Layers {
            segmentation: &a.segmentation,
            mentions: &a.mentions,
            local_entities: &a.local_entities,
            times: &a.times,
            time_anchor: a.time_anchor.as_ref(),
            quotes: &a.quotes,
            places: &a.places,
        };
        if let Some((event, features)) =
            parallax_events::code(&doc, &layers, None, parallax_events::BITS)
                .into_iter()
                .next()
        {
            examples.push((features, record.event));
            lexical.push(event.event_type);
        }
    }
    let mut dev = std::collections::BTreeMap::new();
    let n = examples.len();
    let lexicon_alone = (0..n).filter(|&i| lexical[i] == examples[i].1).count();
    dev.insert(
        "cv_accuracy_lexicon_alone".to_string(),
        lexicon_alone as f64 / n.max(1) as f64,
    );
    let bits = parallax_events::BITS;
    let mut best = (0usize, 0f32, 0usize);
    for prior in PRIORS {
        for epochs in EPOCHS {
            let mut correct = 0;
            for fold in 0..2 {
                let train: Vec<_> = (0..n)
                    .filter(|i| i % 2 != fold)
                    .map(|i| examples[i].clone())
                    .collect();
                let init = parallax_events::model::lexicon_prior(bits, prior);
                let m = parallax_events::model::train_from(init, &train, epochs);
                correct += (0..n)
                    .filter(|i| i % 2 == fold)
                    .filter(|&i| {
                        parallax_events::decide(Some(&m), &examples[i].0, lexical[i])
                            == examples[i].1
                    })
                    .count();
            }
            dev.insert(
                format!("cv_accuracy_prior_{prior}_{epochs}_epochs"),
                correct as f64 / n.max(1) as f64,
            );
            // On a tie the later candidate (a stronger prior, more passes) wins: the more
            // conservative model.
            if correct >= best.2 {
                best = (epochs, prior, correct);
            }
        }
    }
    let init = parallax_events::model::lexicon_prior(bits, best.1);
    let model = parallax_events::model::train_from(init, &examples, best.0);
    dev.insert("epochs".to_string(), best.0 as f64);
    dev.insert("prior".to_string(), f64::from(best.1));
    let bytes = model
        .to_bytes()
        .map_err(|e| EvalError::Other(format!("cannot encode the event type model: {e}")))?;
    std::fs::write(out, &bytes).map_err(|e| EvalError::io(out, e))?;
    let correct = (0..n)
        .filter(|&i| {
            parallax_events::decide(Some(&model), &examples[i].0, lexical[i]) == examples[i].1
        })
        .count();
    dev.insert(
        "tune_half_accuracy_in_sample".to_string(),
        correct as f64 / examples.len().max(1) as f64,
    );
    Ok(TrainSummary {
        model: "events".to_string(),
        examples: examples.len(),
        bytes: bytes.len() as u64,
        dev,
    })
}
