//! Training task `ner`: the entity tagger from CoNLL-format gold (`parallax train ner`).

use super::TrainSummary;
use crate::formats::conll::{self, ConllDocument};
use crate::tasks::ner::score_tagger;
use crate::EvalError;
use parallax_entities::tagger::{
    self, spans_of_bio, TrainOptions, TrainingDocument, TrainingSentence,
};
use std::collections::BTreeMap;
use std::path::Path;

/// Trains the tagger on `train`, reports dev figures after every epoch when `dev` is given,
/// and writes the compressed model to `out`.
pub fn train(train: &Path, dev: Option<&Path>, out: &Path) -> Result<TrainSummary, EvalError> {
    let documents = training_documents(&conll::read(train)?);
    let dev_docs = dev.map(conll::read).transpose()?;
    let options = TrainOptions::default();
    let started = std::time::Instant::now();
    let mut dev_figures = BTreeMap::new();
    let model = tagger::train(&documents, &options, &mut |run, epoch, model| {
        if let Some(docs) = &dev_docs {
            let counts = score_tagger(model, docs);
            eprintln!(
                "run {} epoch {epoch}: dev P {:.4} R {:.4} F1 {:.4} ({} rows, {:.0?})",
                run + 1,
                counts.precision(),
                counts.recall(),
                counts.f1(),
                model.num_rows(),
                started.elapsed()
            );
        }
    });
    if let Some(docs) = &dev_docs {
        let counts = score_tagger(&model, docs);
        eprintln!(
            "model (mean of {} runs): dev P {:.4} R {:.4} F1 {:.4} ({} rows, {:.0?})",
            options.runs,
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
    let bytes = tagger::encode(&model).map_err(|e| EvalError::Other(e.to_string()))?;
    std::fs::write(out, &bytes).map_err(|e| EvalError::io(out, e))?;
    Ok(TrainSummary {
        model: out.display().to_string(),
        examples: documents.iter().map(|d| d.sentences.len()).sum(),
        bytes: bytes.len() as u64,
        dev: dev_figures,
    })
}

fn training_documents(docs: &[ConllDocument]) -> Vec<TrainingDocument> {
    let sentence = |s: &conll::ConllSentence| TrainingSentence {
        tokens: s.tokens.clone(),
        entities: spans_of_bio(&s.tags),
    };
    docs.iter()
        .map(|d| TrainingDocument {
            sentences: d.sentences.iter().map(sentence).collect(),
        })
        .collect()
}
