//! Training task `subjectivity`: the sentence-voice classifier of `parallax-voice`.
//!
//! Fits one logistic regression per L2 strength in [`L2_GRID`] and writes their average (one
//! linear model whose logit is the mean of theirs): on the CheckThat dev set the average beat
//! every single strength, and it spares choosing one strength on 219 sentences. The decision
//! threshold is the plain 0.5 probability.
//!
//! Data: the CheckThat 2023 training split; the new sentences of the CheckThat 2025
//! `dev_test` file at [`EXTRA_WEIGHT`], less any sentence that is also in the 2023 dev or test
//! file (the test file is read for that exclusion only); and, when the BABE/MBIC dataset sits
//! beside the CheckThat folder (`../babe-mbic`, as in the shared data layout), its
//! expert-labelled sentences at [`BABE_WEIGHT`]: sentences that express the writer's opinion,
//! wholly or in part, as opinion; entirely factual ones as reporting; unagreed ones left out.
//!
//! The models fitted without the dev split are scored on it (the held-out dev figures of the
//! summary); the written model is then refitted with the dev sentences added to the
//! CheckThat training sentences, with the same settings.
//!
//! The loaded-language lexicon is learned by `parallax train bias` ([`super::bias`]).

use super::TrainSummary;
use crate::formats::babe::{self, Opinion};
use crate::formats::checkthat::{self, SubjectivitySentence};
use crate::tasks::subjectivity::{score, TEST_SPLIT};
use crate::EvalError;
use parallax_voice::embed;
use parallax_voice::features::FeatureConfig;
use parallax_voice::tokens::{tokenize, Tokens};
use parallax_voice::train::{average, fit_with_words, Example, TrainOptions, WordBlock};
use parallax_voice::Model;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

/// L2 strengths of the averaged models, weakest first.
pub const L2_GRID: [f64; 3] = [1e-3, 3e-3, 1e-2];

/// How much one BABE sentence counts against one CheckThat sentence.
const BABE_WEIGHT: f32 = 0.5;
/// The expert-annotated BABE files (the crowdsourced MBIC labels are noisier and left out).
const BABE_FILES: [&str; 2] = ["final_labels_SG1.csv", "final_labels_SG2.csv"];

/// The CheckThat 2025 English file of sentences new since 2023, relative to the dataset folder.
const EXTRA_FILE: &str = "2025/dev_test_en.tsv";
/// How much one of its sentences counts: three quarters of them are reporting, against about
/// half in the 2023 dev and test sets; 0.5 was best in cross-validation over 0.25 and 1.
const EXTRA_WEIGHT: f32 = 0.5;

/// Feature settings chosen by cross-validation on the 2023 train and dev splits: word uni- and
/// bigrams at twice the weight of character n-grams (2–5 bytes inside words), both scaled well
/// above the cue classes (a larger scale is a weaker L2 penalty on that group alone).
pub const FEATURES: FeatureConfig = FeatureConfig {
    bits: 18,
    word_weight: 4.0,
    char_weight: 2.0,
    lexicon_weight: 0.5,
    char_min: 2,
    char_max: 5,
};

/// Dimensions of the word vectors learned from unlabelled news text, and the scale of the
/// sentence's mean vector as a feature block.
pub const WORD_DIMS: usize = 50;
pub const WORD_WEIGHT: f32 = 5.0;

pub fn train(train: &Path, dev: Option<&Path>, out: &Path) -> Result<TrainSummary, EvalError> {
    let train_sentences = checkthat::read(&checkthat::split_file(train, "train_en.tsv"))?;
    let dev_file = match dev {
        Some(dev) => Some(checkthat::split_file(dev, "dev_en.tsv")),
        None => train
            .is_dir()
            .then(|| checkthat::split_file(train, "dev_en.tsv")),
    };
    let dev_sentences = dev_file
        .as_deref()
        .map(checkthat::read)
        .transpose()?
        .unwrap_or_default();
    let texts = unlabelled_texts(train)?;
    let vectors = (!texts.is_empty()).then(|| embed::learn(&texts, WORD_DIMS));
    let block = vectors.as_ref().map(|embeddings| WordBlock {
        embeddings,
        weight: WORD_WEIGHT,
    });
    let mut others = extra_examples(train, &dev_sentences)?;
    let extra = others.len();
    others.extend(babe_examples(train)?);

    let mut figures = BTreeMap::new();
    figures.insert(
        "checkthat_examples".to_string(),
        train_sentences.len() as f64,
    );
    figures.insert("dev_test_2025_examples".to_string(), extra as f64);
    figures.insert(
        "unlabelled_tokens".to_string(),
        texts.iter().map(Tokens::len).sum::<usize>() as f64,
    );
    figures.insert(
        "word_vectors".to_string(),
        vectors.as_ref().map_or(0, |e| e.vocabulary.len()) as f64,
    );
    if !dev_sentences.is_empty() {
        let (held_out, models) = fit_averaged(&train_sentences, &others, block);
        for (l2, model) in L2_GRID.iter().zip(&models) {
            let f1 = score(model, &dev_sentences).macro_f1();
            figures.insert(format!("macro_f1@l2={l2:e}"), f1);
        }
        let confusion = score(&held_out, &dev_sentences);
        figures.insert("macro_f1".to_string(), confusion.macro_f1());
        figures.insert("accuracy".to_string(), confusion.accuracy());
    }
    let checkthat: Vec<SubjectivitySentence> = train_sentences
        .iter()
        .chain(&dev_sentences)
        .cloned()
        .collect();
    let (model, _) = fit_averaged(&checkthat, &others, block);
    let examples = checkthat.len() + others.len();

    let bytes = model
        .encode()
        .map_err(|e| EvalError::Other(format!("cannot encode model: {e}")))?;
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| EvalError::io(parent, e))?;
    }
    std::fs::write(out, &bytes).map_err(|e| EvalError::io(out, e))?;
    Ok(TrainSummary {
        model: out.display().to_string(),
        examples,
        bytes: bytes.len() as u64,
        dev: figures,
    })
}

/// The average of the models fitted at each strength of [`L2_GRID`] to the CheckThat
/// sentences (weight 1) and `others`, and those models.
pub fn fit_averaged(
    checkthat: &[SubjectivitySentence],
    others: &[Example],
    block: Option<WordBlock>,
) -> (Model, Vec<Model>) {
    let examples: Vec<Example> = checkthat
        .iter()
        .map(example)
        .chain(others.iter().cloned())
        .collect();
    let models: Vec<Model> = L2_GRID
        .iter()
        .map(|&l2| {
            fit_with_words(
                &examples,
                &TrainOptions {
                    l2,
                    features: FEATURES,
                    ..TrainOptions::default()
                },
                block,
            )
        })
        .collect();
    let mean = average(&models).unwrap_or_else(|| Model::zeros(FEATURES));
    (mean, models)
}

/// The CheckThat dataset folder of `train` (the folder itself, or the folder above the split
/// file's year folder).
fn dataset_folder(train: &Path) -> Option<PathBuf> {
    let train = train.canonicalize().ok()?;
    if train.is_dir() {
        Some(train)
    } else {
        Some(train.parent()?.parent()?.to_path_buf())
    }
}

/// The 2025 `dev_test` sentences at [`EXTRA_WEIGHT`], when the file is in the dataset folder,
/// less any sentence equal to one of `dev` or of the 2023 test file.
pub fn extra_examples(
    train: &Path,
    dev: &[SubjectivitySentence],
) -> Result<Vec<Example>, EvalError> {
    let Some(folder) = dataset_folder(train) else {
        return Ok(Vec::new());
    };
    let file = folder.join(EXTRA_FILE);
    if !file.is_file() {
        return Ok(Vec::new());
    }
    let test_file = checkthat::split_file(&folder, TEST_SPLIT);
    let test = if test_file.is_file() {
        checkthat::read(&test_file)?
    } else {
        Vec::new()
    };
    let held_out: HashSet<&str> = dev
        .iter()
        .chain(&test)
        .map(|s| s.sentence.as_str())
        .collect();
    Ok(checkthat::read(&file)?
        .iter()
        .filter(|s| !held_out.contains(s.sentence.as_str()))
        .map(|s| Example {
            weight: EXTRA_WEIGHT,
            ..example(s)
        })
        .collect())
}

/// The BABE/MBIC dataset folder beside the CheckThat folder `train` (or beside the folder of
/// the split file `train`), when it exists.
pub fn babe_folder(train: &Path) -> Option<PathBuf> {
    let dataset = dataset_folder(train)?;
    Some(dataset.parent()?.join("babe-mbic")).filter(|f| f.is_dir())
}

/// BABE's sentences with an agreed opinion label, when the dataset is beside `train`.
pub fn babe_examples(train: &Path) -> Result<Vec<Example>, EvalError> {
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

/// Unlabelled news text for the word vectors, from the training splits of datasets beside the
/// CheckThat folder (each missing one skipped), tokenized one paragraph or sentence at a
/// time: PolNeAR's training articles (`polnear/train/text`), MBIC's full articles
/// (`babe-mbic/final_labels_MBIC.csv`), the MSRP training sentences and the CoNLL-2003
/// training sentences. No CheckThat sentence is among them.
pub fn unlabelled_texts(train: &Path) -> Result<Vec<Tokens>, EvalError> {
    match dataset_folder(train).and_then(|d| d.parent().map(Path::to_path_buf)) {
        Some(data) => unlabelled_texts_in(&data),
        None => Ok(Vec::new()),
    }
}

/// [`unlabelled_texts`] from the shared data folder `data` (each source skipped when missing).
pub fn unlabelled_texts_in(data: &Path) -> Result<Vec<Tokens>, EvalError> {
    let mut texts: Vec<Tokens> = Vec::new();
    let mut add_paragraphs = |text: &str| {
        texts.extend(text.lines().filter(|l| !l.trim().is_empty()).map(tokenize));
    };
    let polnear = data.join("polnear/train/text");
    if polnear.is_dir() {
        for file in crate::files_with_extension(&polnear, "txt")? {
            add_paragraphs(&crate::read_text(&file)?);
        }
    }
    let mbic = data.join("babe-mbic/final_labels_MBIC.csv");
    if mbic.is_file() {
        for article in babe::articles(&mbic)? {
            add_paragraphs(&article);
        }
    }
    let msrp = data.join("msrp-news-paraphrase/msr_paraphrase_train.txt");
    if msrp.is_file() {
        for pair in crate::formats::msrp::read(&msrp)? {
            add_paragraphs(&pair.a);
            add_paragraphs(&pair.b);
        }
    }
    let conll = data.join("conll2003-en/train.txt");
    if conll.is_file() {
        for document in crate::formats::conll::read(&conll)? {
            for sentence in &document.sentences {
                add_paragraphs(&sentence.tokens.join(" "));
            }
        }
    }
    Ok(texts)
}

fn example(sentence: &SubjectivitySentence) -> Example {
    Example {
        text: sentence.sentence.clone(),
        opinion: sentence.subjective,
        weight: 1.0,
    }
}
