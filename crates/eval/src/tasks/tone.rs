//! Evaluation task `tone`: the sentiment toward a target.
//!
//! - On NewsMTSC (a `.jsonl` file, or the dataset folder for `devtest_rw.jsonl`): each target
//!   of each sentence is classified by the tone model as the annotator would see it (the
//!   sentence as one view, every target as a mention, the target's own mentions as the
//!   target); macro-F1 over negative, neutral and positive, and accuracy. The all-neutral
//!   baseline is printed beside them.
//! - On BASIL (the `basil-dev` folder): see [`crate::tasks::tone_basil`].

use crate::formats::newsmtsc::{self, Sentence};
use crate::metrics::Confusion;
use crate::{EvalError, EvalReport};
use parallax_voice::tone::features::{Reading, Targeted};
use parallax_voice::tone::fit::ToneExample;
use parallax_voice::tone::view::View;
use parallax_voice::tone::ToneModel;
use std::path::Path;

pub fn run(gold: &Path, limit: Option<usize>) -> Result<EvalReport, EvalError> {
    if gold.join("annotations").is_dir() {
        return crate::tasks::tone_basil::run(gold, limit);
    }
    let path = newsmtsc::split_file(gold, newsmtsc::DEFAULT_SPLIT);
    let mut sentences = newsmtsc::read(&path)?;
    if let Some(limit) = limit {
        sentences.truncate(limit);
    }
    let model = parallax_voice::tone::embedded_model()
        .map_err(|e| EvalError::Other(format!("tone model unusable: {e}")))?;
    let examples = examples(&sentences);
    let confusion = score(model, &examples);
    let mut report = report(&confusion, &path.display().to_string(), examples.len());
    report.notes.push(baseline_note(&examples));
    Ok(report)
}

/// The tone class names, by class index.
pub const CLASS_NAMES: [&str; 3] = ["negative", "neutral", "positive"];

/// One example per target: the sentence as a view with every target's mentions, this
/// target's mentions as the target.
pub fn examples(sentences: &[Sentence]) -> Vec<ToneExample> {
    let mut out = Vec::new();
    for sentence in sentences {
        let mut ranges = Vec::new();
        let mut owner = Vec::new();
        for (t, target) in sentence.targets.iter().enumerate() {
            for m in &target.mentions {
                ranges.push(m.clone());
                owner.push(t);
            }
        }
        let view = View::new(&sentence.text, &ranges, &[]);
        for (t, target) in sentence.targets.iter().enumerate() {
            let own: Vec<usize> = (0..ranges.len()).filter(|&m| owner[m] == t).collect();
            let targets = view.positions(&own);
            let primary = target.mentions.first().cloned().unwrap_or(0..0);
            let target_words = words(sentence.text.get(primary).unwrap_or_default());
            out.push(ToneExample {
                view: view.clone(),
                targets,
                target_words,
                class: usize::try_from(target.polarity + 1).unwrap_or(1),
                weight: 1.0,
            });
        }
    }
    out
}

/// The normalized words of a mention.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    parallax_voice::loaded::for_each_word(text, |_, w| out.push(w.to_string()));
    out
}

/// The class the model gives an example.
pub fn predict(model: &ToneModel, e: &ToneExample) -> usize {
    let reading = Reading::new(&e.view);
    let t = Targeted::new(&reading, e.targets.clone(), &e.target_words);
    model.classify(&t).0
}

pub fn score(model: &ToneModel, examples: &[ToneExample]) -> Confusion {
    let mut confusion = Confusion::default();
    for e in examples {
        confusion.add(CLASS_NAMES[e.class.min(2)], CLASS_NAMES[predict(model, e)]);
    }
    confusion
}

/// The report with the task's stable keys: `macro_f1`, `accuracy`, per-class P/R/F1.
pub fn report(confusion: &Confusion, dataset: &str, items: usize) -> EvalReport {
    let mut report = EvalReport::new("tone", dataset);
    report.items = items;
    report.metric("macro_f1", confusion.macro_f1());
    report.metric("accuracy", confusion.accuracy());
    for (class, counts) in &confusion.per_class {
        report.type_metric(class, "precision", counts.precision());
        report.type_metric(class, "recall", counts.recall());
        report.type_metric(class, "f1", counts.f1());
    }
    report
}

/// The all-neutral baseline's figures.
fn baseline_note(examples: &[ToneExample]) -> String {
    let mut c = Confusion::default();
    for e in examples {
        c.add(CLASS_NAMES[e.class.min(2)], "neutral");
    }
    format!(
        "all-neutral baseline: macro_f1 {:.3}, accuracy {:.3}",
        c.macro_f1(),
        c.accuracy()
    )
}
