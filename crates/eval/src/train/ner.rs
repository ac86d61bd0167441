//! Training task `ner`: the entity tagger from CoNLL-format gold (`parallax train ner`).

use super::TrainSummary;
use crate::formats::conll::{self, ConllDocument};
use crate::tasks::ner::score_tagger;
use crate::EvalError;
use parallax_entities::tagger::{self, spans_of_bio, TrainOptions, TrainingSentence};
use std::collections::BTreeMap;
use std::path::Path;

/// Trains the tagger on `train`, reports dev figures after every epoch when `dev` is given,
/// and writes the compressed model to `out`.
pub fn train(train: &Path, dev: Option<&Path>, out: &Path) -> Result<TrainSummary, EvalError> {
    let sentences = training_sentences(&conll::read(train)?);
    let dev_docs = dev.map(conll::read).transpose()?;
    let options = TrainOptions::default();
    let started = std::time::Instant::now();
    let mut dev_figures = BTreeMap::new();
    let model = tagger::train(&sentences, &options, &mut |epoch, model| {
        if let Some(docs) = &dev_docs {
            let counts = score_tagger(model, docs);
            eprintln!(
                "epoch {epoch}: dev P {:.4} R {:.4} F1 {:.4} ({} rows, {:.0?})",
                counts.precision(),
                counts.recall(),
                counts.f1(),
                model.num_rows(),
                started.elapsed()
            );
            dev_figures.insert("precision".to_string(), counts.precision());
            dev_figures.insert("recall".to_string(), counts.recall());
            dev_figures.insert("f1".to_string(), counts.f1());
        }
    });
    let bytes = tagger::encode(&model).map_err(|e| EvalError::Other(e.to_string()))?;
    std::fs::write(out, &bytes).map_err(|e| EvalError::io(out, e))?;
    Ok(TrainSummary {
        model: out.display().to_string(),
        examples: sentences.len(),
        bytes: bytes.len() as u64,
        dev: dev_figures,
    })
}

fn training_sentences(docs: &[ConllDocument]) -> Vec<TrainingSentence> {
    docs.iter()
        .flat_map(|d| &d.sentences)
        .map(|s| TrainingSentence {
            tokens: s.tokens.clone(),
            entities: spans_of_bio(&s.tags),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    /// Trains the committed model when `PARALLAX_NER_TRAIN=train.txt,dev.txt,out.bin.gz` is set
    /// (a stand-in for `parallax train ner` until the CLI is wired; run in release).
    #[test]
    #[ignore]
    fn train_from_env() {
        let Ok(spec) = std::env::var("PARALLAX_NER_TRAIN") else {
            return;
        };
        let parts: Vec<&str> = spec.split(',').collect();
        let [train, dev, out] = parts[..] else {
            panic!("PARALLAX_NER_TRAIN=train,dev,out")
        };
        let summary = super::train(train.as_ref(), Some(dev.as_ref()), out.as_ref()).unwrap();
        eprintln!("{summary:?}");
    }
}
