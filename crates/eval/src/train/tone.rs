//! Training task `tone`: the target-dependent tone model of `parallax_voice::tone`.
//!
//! Data: NewsMTSC's `train.jsonl` (the folder given). A tenth of its articles (by a hash of
//! the article key, so no article is on both sides) is held out as the dev split the settings
//! were chosen on; the dev figures of the summary come from a model fitted without them, and
//! the written model is refitted on all of `train.jsonl`. NewsMTSC's `devtest_rw` and
//! `devtest_mt` files are its test sets and are never read here.
//!
//! Word vectors are learned from unlabelled text: the NewsMTSC training sentences and the
//! unlabelled sources of the voice model ([`super::subjectivity::unlabelled_texts_in`]).

use super::TrainSummary;
use crate::formats::basil;
use crate::formats::newsmtsc::{self, Sentence};
use crate::tasks::tone::{examples, score};
use crate::tasks::tone_basil::{self, article_means};
use crate::EvalError;
use parallax_voice::embed;
use parallax_voice::tokens::{tokenize, Tokens};
use parallax_voice::tone::features::ToneConfig;
use parallax_voice::tone::fit::{fit, ToneTrainOptions};
use std::collections::BTreeMap;
use std::path::Path;

/// Dimensions of the word vectors.
pub const WORD_DIMS: usize = 50;

/// The settings chosen on the dev split.
pub fn options() -> ToneTrainOptions {
    ToneTrainOptions {
        config: ToneConfig::default(),
        l2: 3e-4,
        max_iterations: 300,
        balance_classes: true,
        word_weight: 5.0,
    }
}

/// Whether an article of NewsMTSC's training file is in the dev split.
pub fn is_dev(article: &str) -> bool {
    let hash = article.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    hash % 10 == 0
}

pub fn train(train: &Path, _dev: Option<&Path>, out: &Path) -> Result<TrainSummary, EvalError> {
    let file = newsmtsc::split_file(train, "train.jsonl");
    let sentences = newsmtsc::read(&file)?;
    let (dev, fit_part): (Vec<Sentence>, Vec<Sentence>) =
        sentences.iter().cloned().partition(|s| is_dev(&s.article));
    let data = file
        .canonicalize()
        .ok()
        .and_then(|f| Some(f.parent()?.parent()?.to_path_buf()));
    let mut texts: Vec<Tokens> = sentences.iter().map(|s| tokenize(&s.text)).collect();
    if let Some(data) = &data {
        texts.extend(super::subjectivity::unlabelled_texts_in(data)?);
    }
    let vectors = embed::learn(&texts, WORD_DIMS);
    let mut figures = BTreeMap::new();
    figures.insert(
        "unlabelled_tokens".to_string(),
        texts.iter().map(Tokens::len).sum::<usize>() as f64,
    );
    let options = options();
    let grid = std::env::var("PARALLAX_TONE_GRID").is_ok();
    let configs: Vec<ToneTrainOptions> = if grid {
        grid_options()
    } else {
        vec![options.clone()]
    };
    let dev_examples = examples(&dev);
    for (n, o) in configs.iter().enumerate() {
        let model = fit(&examples(&fit_part), o, Some(&vectors));
        let confusion = score(&model, &dev_examples);
        if grid {
            eprintln!(
                "{n}: {o:?} dev macro_f1 {:.4} accuracy {:.4}",
                confusion.macro_f1(),
                confusion.accuracy()
            );
        }
        if grid && n == 0 {
            let models: Vec<_> = [1e-4, 3e-4, 1e-3]
                .iter()
                .map(|&l2| {
                    fit(
                        &examples(&fit_part),
                        &ToneTrainOptions { l2, ..o.clone() },
                        Some(&vectors),
                    )
                })
                .collect();
            if let Some(mean) = parallax_voice::tone::fit::average(&models) {
                let c = score(&mean, &dev_examples);
                eprintln!(
                    "averaged: dev macro_f1 {:.4} accuracy {:.4}",
                    c.macro_f1(),
                    c.accuracy()
                );
            }
        }
        if n == 0 {
            figures.insert("dev_macro_f1".to_string(), confusion.macro_f1());
            figures.insert("dev_accuracy".to_string(), confusion.accuracy());
        }
    }
    let all = examples(&sentences);
    let mut model = fit(&all, &options, Some(&vectors));
    if let Some(basil) = data
        .as_ref()
        .map(|d| d.join("basil-dev"))
        .filter(|b| b.is_dir())
    {
        let (train_part, _) = basil::split(basil::read_annotated(&basil)?);
        let pairs = article_means(&model, &train_part);
        model.article = calibration(&pairs);
        let confusion = tone_basil::score(&model, &pairs);
        figures.insert("basil_train_pairs".to_string(), pairs.len() as f64);
        figures.insert("basil_train_macro_f1".to_string(), confusion.macro_f1());
        figures.insert("basil_train_accuracy".to_string(), confusion.accuracy());
        figures.insert("article_offset".to_string(), f64::from(model.article[0]));
        figures.insert("article_scale".to_string(), f64::from(model.article[1]));
    }
    let bytes = model
        .encode()
        .map_err(|e| EvalError::Other(format!("cannot encode tone model: {e}")))?;
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| EvalError::io(parent, e))?;
    }
    std::fs::write(out, &bytes).map_err(|e| EvalError::io(out, e))?;
    figures.insert("dev_examples".to_string(), dev_examples.len() as f64);
    Ok(TrainSummary {
        model: out.display().to_string(),
        examples: all.len(),
        bytes: bytes.len() as u64,
        dev: figures,
    })
}

/// The article calibration (offset, scale) whose two thresholds on the weighted mean sentence
/// score give the best macro-F1 (then accuracy) on `pairs` (gold, mean): the negative
/// threshold and the positive one are searched over the pairs' own means, and mapped so that
/// `Tone::THRESHOLD` falls on them.
pub fn calibration(pairs: &[(i8, Option<f32>)]) -> [f32; 2] {
    let mut means: Vec<f32> = pairs.iter().filter_map(|(_, m)| *m).collect();
    means.sort_by(f32::total_cmp);
    means.dedup();
    let threshold = parallax_core::Tone::THRESHOLD as f32;
    let mut best = ([0.0, 1.0], (f64::MIN, f64::MIN));
    // Candidate cuts: midpoints between successive means, and beyond either end.
    let mut cuts: Vec<f32> = means.windows(2).map(|w| (w[0] + w[1]) / 2.0).collect();
    cuts.push(means.first().copied().unwrap_or(0.0) - 0.01);
    cuts.push(means.last().copied().unwrap_or(0.0) + 0.01);
    cuts.sort_by(f32::total_cmp);
    for (i, &negative) in cuts.iter().enumerate() {
        for &positive in &cuts[i + 1..] {
            let offset = (negative + positive) / 2.0;
            let scale = threshold / ((positive - negative) / 2.0).max(1e-6);
            let mut model = parallax_voice::tone::ToneModel::zeros(ToneConfig {
                bits: 1,
                ..ToneConfig::default()
            });
            model.article = [offset, scale];
            let c = tone_basil::score(&model, pairs);
            let key = (c.macro_f1(), c.accuracy());
            if key > best.1 {
                best = ([offset, scale], key);
            }
        }
    }
    best.0
}

/// Settings tried on the dev split when `PARALLAX_TONE_GRID` is set (the first is the shipped one).
fn grid_options() -> Vec<ToneTrainOptions> {
    let base = options();
    let mut out = vec![base.clone()];
    for (l2, near, clause) in [
        (3e-4, 2.0, 2.0),
        (3e-4, 2.0, 0.0),
        (1e-4, 2.0, 1.0),
        (3e-4, 4.0, 1.0),
    ] {
        out.push(ToneTrainOptions {
            l2,
            config: ToneConfig {
                near_weight: near,
                clause_weight: clause,
                ..base.config
            },
            ..base.clone()
        });
    }
    out
}
