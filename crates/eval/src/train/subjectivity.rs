//! Training task `subjectivity`: the sentence-voice classifier of `parallax-voice`.
//!
//! Fits one logistic regression per L2 strength in [`L2_GRID`] on the training split and
//! writes their average (one linear model whose logit is the mean of theirs): on the CheckThat
//! dev set the average beat every single strength, and it spares choosing one strength on
//! 219 sentences. The decision threshold is then moved to the dev-best logit offset in
//! [`THRESHOLD_GRID`] (0, the plain 0.5 probability, on ties) and folded into the bias.
//!
//! When the BABE/MBIC dataset sits beside the CheckThat folder (`../babe-mbic`, as in the
//! shared data layout), its expert-labelled sentences are added at [`BABE_WEIGHT`]: sentences
//! that express the writer's opinion, wholly or in part, as opinion; entirely factual ones
//! as reporting; unagreed ones left out. On the CheckThat dev set this raised macro-F1 from
//! about 0.68 to 0.71.
//!
//! The same run learns the loaded-language lexicon of `parallax_voice::loaded` from the BABE
//! sentences outside the held-out fifth ([`babe::is_held_out`]) and writes it as
//! `loaded-terms.tsv` beside the model.

use super::TrainSummary;
use crate::formats::babe::{self, Opinion};
use crate::formats::checkthat::{self, SubjectivitySentence};
use crate::tasks::subjectivity::score;
use crate::EvalError;
use parallax_voice::features::FeatureConfig;
use parallax_voice::loaded;
use parallax_voice::train::{average, fit, Example, TrainOptions};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// L2 strengths of the averaged models, weakest first.
const L2_GRID: [f64; 3] = [1e-3, 3e-3, 1e-2];
/// Logit offsets tried as the decision threshold on the dev set, in tie-break order.
const THRESHOLD_GRID: [f32; 9] = [0.0, -0.1, 0.1, -0.2, 0.2, -0.3, 0.3, -0.4, 0.4];

/// How much one BABE sentence counts against one CheckThat sentence.
const BABE_WEIGHT: f32 = 0.5;
/// The expert-annotated BABE files (the crowdsourced MBIC labels are noisier and left out).
const BABE_FILES: [&str; 2] = ["final_labels_SG1.csv", "final_labels_SG2.csv"];

/// Feature settings chosen on the dev set: word n-grams count half as much as character
/// n-grams (2–5 bytes inside words), which generalize better from a thousand sentences.
const FEATURES: FeatureConfig = FeatureConfig {
    bits: 18,
    word_weight: 0.5,
    char_weight: 1.0,
    lexicon_weight: 0.5,
    char_min: 2,
    char_max: 5,
};

pub fn train(train: &Path, dev: Option<&Path>, out: &Path) -> Result<TrainSummary, EvalError> {
    let train_file = checkthat::split_file(train, "train_en.tsv");
    let mut examples: Vec<Example> = checkthat::read(&train_file)?.iter().map(example).collect();
    let checkthat_examples = examples.len();
    examples.extend(babe_examples(train)?);
    let dev_file = match dev {
        Some(dev) => Some(checkthat::split_file(dev, "dev_en.tsv")),
        None => train
            .is_dir()
            .then(|| checkthat::split_file(train, "dev_en.tsv")),
    };
    let dev_sentences = dev_file.as_deref().map(checkthat::read).transpose()?;

    let mut figures = BTreeMap::new();
    figures.insert("checkthat_examples".to_string(), checkthat_examples as f64);
    let mut models = Vec::with_capacity(L2_GRID.len());
    for l2 in L2_GRID {
        let model = fit(
            &examples,
            &TrainOptions {
                l2,
                features: FEATURES,
                ..TrainOptions::default()
            },
        );
        if let Some(dev_sentences) = &dev_sentences {
            let f1 = score(&model, dev_sentences).macro_f1();
            figures.insert(format!("macro_f1@l2={l2:e}"), f1);
        }
        models.push(model);
    }
    let mut model =
        average(&models).ok_or_else(|| EvalError::Other("empty L2 grid".to_string()))?;
    if let Some(dev_sentences) = &dev_sentences {
        let bias = model.bias;
        let mut best: Option<(f64, f32)> = None;
        for offset in THRESHOLD_GRID {
            model.bias = bias - offset;
            let f1 = score(&model, dev_sentences).macro_f1();
            if best.is_none_or(|(top, _)| f1 > top) {
                best = Some((f1, offset));
            }
        }
        let offset = best.map_or(0.0, |(_, offset)| offset);
        model.bias = bias - offset;
        figures.insert("threshold_offset".to_string(), f64::from(offset));
        let confusion = score(&model, dev_sentences);
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
    if let Some(folder) = babe_folder(train) {
        let terms = learn_loaded_terms(&folder)?;
        figures.insert("loaded_terms".to_string(), terms.len() as f64);
        let lexicon = out.with_file_name("loaded-terms.tsv");
        std::fs::write(&lexicon, loaded::lexicon_file(&terms))
            .map_err(|e| EvalError::io(&lexicon, e))?;
    }
    Ok(TrainSummary {
        model: out.display().to_string(),
        examples: examples.len(),
        bytes: bytes.len() as u64,
        dev: figures,
    })
}

/// The BABE/MBIC dataset folder beside the CheckThat folder `train` (or beside the folder of
/// the split file `train`), when it exists.
pub fn babe_folder(train: &Path) -> Option<PathBuf> {
    let train = train.canonicalize().ok()?;
    let dataset = if train.is_dir() {
        train
    } else {
        train.parent()?.parent()?.to_path_buf()
    };
    Some(dataset.parent()?.join("babe-mbic")).filter(|f| f.is_dir())
}

/// The loaded-language lexicon learned from BABE's expert sentences outside the held-out fifth.
fn learn_loaded_terms(folder: &Path) -> Result<Vec<(String, f64)>, EvalError> {
    let sentences = babe::read(&folder.join(babe::EXPERT_FILE))?;
    let marked: Vec<loaded::Marked> = sentences
        .iter()
        .filter(|s| !babe::is_held_out(&s.text))
        .map(|s| loaded::Marked {
            text: &s.text,
            biased_words: &s.biased_words,
        })
        .collect();
    Ok(loaded::learn(&marked))
}

/// BABE's sentences with an agreed opinion label, when the dataset is beside `train`.
fn babe_examples(train: &Path) -> Result<Vec<Example>, EvalError> {
    let Some(folder) = babe_folder(train) else {
        return Ok(Vec::new());
    };
    let mut examples = Vec::new();
    for file in BABE_FILES
        .map(|f| folder.join(f))
        .iter()
        .filter(|f| f.is_file())
    {
        for sentence in babe::read(file)? {
            let opinion = match sentence.opinion {
                Opinion::WritersOpinion | Opinion::SomewhatFactual => true,
                Opinion::EntirelyFactual => false,
                Opinion::NoAgreement => continue,
            };
            examples.push(Example {
                text: sentence.text,
                opinion,
                weight: BABE_WEIGHT,
            });
        }
    }
    Ok(examples)
}

fn example(sentence: &SubjectivitySentence) -> Example {
    Example {
        text: sentence.sentence.clone(),
        opinion: sentence.subjective,
        weight: 1.0,
    }
}
