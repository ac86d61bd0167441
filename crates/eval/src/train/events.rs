//! `parallax train events`: the event type model ([`parallax_events::model`]) from the tuning
//! half of the PLOVER gold-standard records (the seeded split of
//! [`crate::tasks::events::tune_half`]; the held half is never read here).
//!
//! Each record's sentence is analyzed by the pipeline; the features of its main event (the
//! first, as the evaluation scores it) are paired with the gold type, and an averaged
//! perceptron is trained over them for a fixed number of passes in the split's order.

use super::TrainSummary;
use crate::tasks::events::{read_plover, tune_half, PLOVER_FILE};
use crate::EvalError;
use parallax_core::{Document, EventType};
use std::path::Path;

/// Passes over the tuning half.
const EPOCHS: usize = 10;

pub fn train(gold: &Path, out: &Path) -> Result<TrainSummary, EvalError> {
    let file = if gold.is_dir() {
        gold.join(PLOVER_FILE)
    } else {
        gold.to_path_buf()
    };
    let (tune, _) = tune_half(read_plover(&file)?);
    let mut examples: Vec<(Vec<u32>, EventType)> = Vec::new();
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
        };
        if let Some((_, features)) =
            parallax_events::code(&doc, &layers, None, parallax_events::BITS)
                .into_iter()
                .next()
        {
            examples.push((features, record.event));
        }
    }
    let model = parallax_events::model::train(&examples, parallax_events::BITS, EPOCHS);
    let bytes = model
        .to_bytes()
        .map_err(|e| EvalError::Other(format!("cannot encode the event type model: {e}")))?;
    std::fs::write(out, &bytes).map_err(|e| EvalError::io(out, e))?;
    let correct = examples
        .iter()
        .filter(|(f, gold)| model.predict(f) == *gold)
        .count();
    let mut dev = std::collections::BTreeMap::new();
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
