//! Training task `bias`: the loaded-language lexicon of `parallax_voice::loaded`
//! (`crates/voice/model/loaded-terms.tsv`), from BASIL's lexical-bias phrases and BABE's
//! biased words together.
//!
//! Data: the training part of BASIL's event split ([`basil::split`]; its test part is never
//! read here), each sentence with the words of the `lex` phrases in it as its marked words;
//! and BABE's expert sentences (`../babe-mbic/final_labels_SG2.csv`) outside its held-out
//! fifth. Words on the never-loaded list (`crates/voice/lexicon/not-loaded.txt`) are left out.
//! The two thresholds (least sentences a word occurs in, least smoothed share of markings)
//! are chosen by token F1 on a quarter of the training events (a hash of the event id) with
//! the lexicon learned from the rest; the written lexicon is learned from all of it.

use super::TrainSummary;
use crate::formats::babe;
use crate::formats::basil::{self, Article};
use crate::tasks::bias::score;
use crate::EvalError;
use parallax_core::Span;
use parallax_voice::loaded::{self, for_each_word, Marked};
use std::collections::{BTreeMap, HashSet};
use std::path::Path;

/// Thresholds tried: (least sentences, least score).
const GRID: [(u32, f64); 10] = [
    (2, 0.2),
    (2, 0.3),
    (2, 0.4),
    (2, 0.5),
    (3, 0.15),
    (3, 0.2),
    (3, 0.3),
    (3, 0.4),
    (3, 0.5),
    (5, 0.3),
];

/// Whether a BASIL training event is in the quarter the thresholds are chosen on.
fn is_tuning(event: &str) -> bool {
    let hash = event.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    hash % 4 == 0
}

/// BASIL sentences with the words of their lexical-bias phrases.
fn basil_sentences(articles: &[Article]) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    for a in articles {
        for &sentence in &a.sentences {
            let marked: Vec<String> = a
                .lexical
                .iter()
                .filter(|p| p.span.overlaps(sentence))
                .map(|p| p.span.text(&a.text).to_string())
                .collect();
            out.push((sentence.text(&a.text).to_string(), marked));
        }
    }
    out
}

pub fn train(train: &Path, _dev: Option<&Path>, out: &Path) -> Result<TrainSummary, EvalError> {
    let (train_part, _) = basil::split(basil::read_annotated(train)?);
    let babe_file = train
        .parent()
        .map(|p| p.join("babe-mbic").join(babe::EXPERT_FILE))
        .filter(|f| f.is_file());
    let babe_sentences: Vec<(String, Vec<String>)> = match &babe_file {
        Some(file) => babe::read(file)?
            .into_iter()
            .filter(|s| !babe::is_held_out(&s.text))
            .map(|s| (s.text, s.biased_words))
            .collect(),
        None => Vec::new(),
    };
    let (tuning, fitting): (Vec<Article>, Vec<Article>) = train_part
        .iter()
        .cloned()
        .partition(|a| is_tuning(&a.event));
    let excluded = |w: &str| loaded::is_never_loaded(w);
    let learn = |basil: &[(String, Vec<String>)], min_count: u32, min_score: f64| {
        let marked: Vec<Marked> = babe_sentences
            .iter()
            .chain(basil)
            .map(|(text, words)| Marked {
                text,
                biased_words: words,
            })
            .collect();
        loaded::learn_with(&marked, min_count, min_score, &excluded)
    };
    let fitting_sentences = basil_sentences(&fitting);
    let mut figures = BTreeMap::new();
    let mut best = (GRID[0], f64::MIN);
    for (min_count, min_score) in GRID {
        let terms = learn(&fitting_sentences, min_count, min_score);
        let lexicon: HashSet<String> = terms.into_iter().map(|(w, _)| w).collect();
        let f1 = score(&tuning, |text, sentence| find(&lexicon, text, sentence))
            .tokens
            .f1();
        figures.insert(format!("tuning_token_f1@{min_count},{min_score}"), f1);
        if f1 > best.1 {
            best = ((min_count, min_score), f1);
        }
    }
    let ((min_count, min_score), f1) = best;
    figures.insert("tuning_token_f1".to_string(), f1);
    figures.insert("min_count".to_string(), f64::from(min_count));
    figures.insert("min_score".to_string(), min_score);
    let terms = learn(&basil_sentences(&train_part), min_count, min_score);
    figures.insert("terms".to_string(), terms.len() as f64);
    let text = format!(
        "# Loaded terms (word, score), written by `parallax train bias`: see docs/models.md.\n{}",
        loaded::lexicon_file(&terms)
    );
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| EvalError::io(parent, e))?;
    }
    std::fs::write(out, &text).map_err(|e| EvalError::io(out, e))?;
    Ok(TrainSummary {
        model: out.display().to_string(),
        examples: babe_sentences.len() + basil_sentences(&train_part).len(),
        bytes: text.len() as u64,
        dev: figures,
    })
}

/// The words of `sentence` in `lexicon`, as spans of `text`.
fn find(lexicon: &HashSet<String>, text: &str, sentence: Span) -> Vec<Span> {
    let mut out = Vec::new();
    for_each_word(sentence.text(text), |range, word| {
        if lexicon.contains(word) {
            out.push(Span::new(
                sentence.start + range.start,
                sentence.start + range.end,
            ));
        }
    });
    out
}
