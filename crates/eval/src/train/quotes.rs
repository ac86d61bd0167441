//! Training task `quotes`: the cue classifier of `parallax-quotes` on PolNeAR.
//!
//! Reads the gold cues of the training split (one annotator per article, as the eval does),
//! builds the candidate vocabulary and the labelled candidates, and fits an averaged
//! perceptron for each epoch count in [`EPOCHS`]. With a dev split, every model is scored end
//! to end by the `quotes` eval at each threshold of [`THRESHOLDS`], and the pair with the best
//! sum of cue F1 and exact source F1 is kept (the first, on ties); without one, the defaults.

use super::TrainSummary;
use crate::tasks::quotes::{documents, gold_cues, run_with};
use crate::{read_text, EvalError};
use parallax_quotes::train::{examples, fit, heads, Labelled, VocabularyCounts};
use parallax_quotes::CueModel;
use std::collections::BTreeMap;
use std::path::Path;

/// log2 of the number of feature weights.
const BITS: u32 = 16;
/// Perceptron epoch counts tried.
const EPOCHS: [usize; 3] = [5, 10, 20];
/// Thresholds tried for candidates outside the rule lexicon, in units of the mean absolute
/// score.
const THRESHOLDS: [f32; 5] = [-0.25, 0.0, 0.25, 0.5, 1.0];
/// Veto thresholds tried for the rule lexicon's cues (the first keeps them all).
const VETOES: [f32; 4] = [f32::MIN, -1.0, -0.5, 0.0];
/// Fixed shuffle seed.
const SEED: u64 = 0x0c0e_5eed;

pub fn train(train: &Path, dev: Option<&Path>, out: &Path) -> Result<TrainSummary, EvalError> {
    let docs = read_split(train)?;
    let mut counts = VocabularyCounts::default();
    for (text, seg, cues) in &docs {
        counts.add(text, seg, cues);
    }
    let vocabulary = counts.vocabulary();
    let mut data: Vec<Labelled> = Vec::new();
    for (text, seg, cues) in &docs {
        let h = heads(text, seg, cues);
        data.extend(examples(text, seg, &h, &vocabulary, BITS));
    }
    let mut figures = BTreeMap::new();
    figures.insert("vocabulary".to_string(), vocabulary.len() as f64);
    figures.insert(
        "positives".to_string(),
        data.iter().filter(|e| e.positive).count() as f64,
    );
    let dev_data: Vec<Labelled> = match dev {
        Some(dev) => read_split(dev)?
            .iter()
            .flat_map(|(text, seg, cues)| {
                let h = heads(text, seg, cues);
                examples(text, seg, &h, &vocabulary, BITS)
            })
            .collect(),
        None => Vec::new(),
    };
    let mut best: Option<(f64, CueModel)> = None;
    for epochs in EPOCHS {
        let mut model = CueModel::zeros(BITS, vocabulary.clone());
        model.weights = fit(&data, BITS, epochs, SEED);
        let Some(dev) = dev else {
            best = Some((0.0, model));
            break;
        };
        for (threshold, veto) in THRESHOLDS
            .iter()
            .flat_map(|t| VETOES.iter().map(move |v| (*t, *v)))
        {
            model.threshold = threshold;
            model.veto = veto;
            let (p, r) = head_scores(&model, &dev_data);
            figures.insert(
                format!("head_precision@e={epochs},t={threshold},v={veto}"),
                p,
            );
            figures.insert(format!("head_recall@e={epochs},t={threshold},v={veto}"), r);
            let report = run_with(dev, None, Some(&model))?;
            let m = |k: &str| report.metrics.get(k).copied().unwrap_or(0.0);
            let goal = m("cue_f1") + m("source_exact_f1");
            figures.insert(
                format!("cue_f1@e={epochs},t={threshold},v={veto}"),
                m("cue_f1"),
            );
            figures.insert(
                format!("source_f1@e={epochs},t={threshold},v={veto}"),
                m("source_exact_f1"),
            );
            if best.as_ref().is_none_or(|(top, _)| goal > *top) {
                best = Some((goal, model.clone()));
            }
        }
    }
    let Some((_, model)) = best else {
        return Err(EvalError::Other("empty epoch grid".to_string()));
    };
    if let Some(dev) = dev {
        let report = run_with(dev, None, Some(&model))?;
        for (k, v) in &report.metrics {
            if k.ends_with("_f1") {
                figures.insert(format!("dev_{k}"), *v);
            }
        }
        figures.insert("threshold".to_string(), f64::from(model.threshold));
        figures.insert("veto".to_string(), f64::from(model.veto));
    }
    let bytes = model
        .encode()
        .map_err(|e| EvalError::Other(format!("cannot encode cue model: {e}")))?;
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| EvalError::io(parent, e))?;
    }
    std::fs::write(out, &bytes).map_err(|e| EvalError::io(out, e))?;
    Ok(TrainSummary {
        model: out.display().to_string(),
        examples: data.len(),
        bytes: bytes.len() as u64,
        dev: figures,
    })
}

/// Text, segmentation and gold cue spans of each article of the split at `dir`.
fn read_split(
    dir: &Path,
) -> Result<
    Vec<(
        String,
        parallax_core::Segmentation,
        Vec<parallax_core::Span>,
    )>,
    EvalError,
> {
    let mut out = Vec::new();
    for (text_path, ann_path) in documents(dir)? {
        let text = read_text(&text_path)?;
        let cues = gold_cues(&text, &ann_path)?;
        let seg = parallax_segment::segment(&text);
        out.push((text, seg, cues));
    }
    Ok(out)
}

/// Precision and recall of `model` on labelled candidate heads.
fn head_scores(model: &CueModel, data: &[Labelled]) -> (f64, f64) {
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for e in data {
        let predicted = model.score(&e.features) > model.threshold;
        match (predicted, e.positive) {
            (true, true) => tp += 1,
            (true, false) => fp += 1,
            (false, true) => fn_ += 1,
            _ => {}
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    (ratio(tp, tp + fp), ratio(tp, tp + fn_))
}
