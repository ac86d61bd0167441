//! Evaluation task `tone` on BASIL (`basil-dev`): the author's feeling toward each main
//! entity of an article (`author_feeling_<Entity>`: negative, neutral or positive).
//!
//! Each article runs through the whole per-document pipeline; the gold entity is found among
//! the article's local entities by its full name or its last word (the one with most mentions
//! wins), and its article tone is the author-voice tone of `parallax_voice::tone`. An entity
//! the pipeline does not find, or mentions only inside quotations, is predicted neutral.
//!
//! BASIL has no split: the events are split by a seeded shuffle ([`basil::test_events`]); the
//! test part's figures are printed, and the training part is what `parallax train tone`
//! calibrates the article scores on. The all-neutral baseline is printed beside them.

use crate::formats::basil::{self, Article};
use crate::metrics::Confusion;
use crate::tasks::tone::{report, CLASS_NAMES};
use crate::{EvalError, EvalReport};
use parallax_core::{Document, LocalEntity};
use parallax_voice::speech::QuoteMask;
use parallax_voice::tone::{self, ToneModel};
use std::path::Path;

pub fn run(gold: &Path, limit: Option<usize>) -> Result<EvalReport, EvalError> {
    let (_, mut test) = basil::split(basil::read_annotated(gold)?);
    if let Some(limit) = limit {
        test.truncate(limit);
    }
    let model = tone::embedded_model()
        .map_err(|e| EvalError::Other(format!("tone model unusable: {e}")))?;
    let pairs = article_means(model, &test);
    let confusion = score(model, &pairs);
    let mut report = report(&confusion, &gold.display().to_string(), pairs.len());
    let mut baseline = Confusion::default();
    for (gold, _) in &pairs {
        baseline.add(class_name(*gold), "neutral");
    }
    report.notes.push(format!(
        "all-neutral baseline: macro_f1 {:.3}, accuracy {:.3}",
        baseline.macro_f1(),
        baseline.accuracy()
    ));
    let events = basil::test_events(&test);
    report.notes.push(format!(
        "test part: {} events ({} articles, {} entity feelings), a seeded shuffle (seed {}) of \
         the sorted event ids: {}",
        events.len(),
        test.len(),
        pairs.len(),
        basil::SPLIT_SEED,
        events.join(" ")
    ));
    Ok(report)
}

fn class_name(polarity: i8) -> &'static str {
    CLASS_NAMES[usize::try_from(polarity + 1).unwrap_or(1).min(2)]
}

/// Per gold entity feeling of each article: the gold polarity and the salience-weighted mean
/// of the model's author-voice sentence scores toward it (`None` when not found).
pub fn article_means(model: &ToneModel, articles: &[Article]) -> Vec<(i8, Option<f32>)> {
    let mut out = Vec::new();
    for article in articles {
        let mut doc = Document::new(article.id.clone(), article.text.clone(), &article.id);
        doc.meta.outlet = Some(article.outlet.clone());
        doc.meta.published = article.date.clone();
        let analysis = parallax_pipeline::analyze(&doc);
        let seg = &analysis.segmentation;
        let mask = QuoteMask::new(&analysis.quotes);
        let tones = tone::tones_with(
            model,
            &doc,
            seg,
            &analysis.mentions,
            &analysis.local_entities,
            &analysis.quotes,
            &mask,
        );
        let means = tone::article_tones(seg, &analysis.mentions, &tones.sentences);
        for (name, gold) in &article.feelings {
            let entity = find(name, &analysis.local_entities, |e| {
                means.iter().any(|(m, _, _)| *m == e)
            });
            let mean = entity.and_then(|e| means.iter().find(|(m, _, _)| *m == e).map(|m| m.1));
            out.push((*gold, mean));
        }
    }
    out
}

/// The local entity named `name` (full name or last word, case-insensitive) with most mentions
/// among those `judged` accepts.
fn find(name: &str, entities: &[LocalEntity], judged: impl Fn(usize) -> bool) -> Option<usize> {
    let lower = name.to_lowercase();
    let last = lower
        .split_whitespace()
        .last()
        .unwrap_or_default()
        .to_string();
    entities
        .iter()
        .enumerate()
        .filter(|(i, e)| {
            let n = e.name.to_lowercase();
            judged(*i)
                && (n == lower
                    || lower.contains(&n)
                    || n.contains(&lower)
                    || n.split_whitespace().last() == Some(last.as_str()))
        })
        .max_by_key(|(i, e)| (e.mentions.len(), std::cmp::Reverse(*i)))
        .map(|(i, _)| i)
}

/// The confusion of the calibrated article tones against the gold feelings.
pub fn score(model: &ToneModel, pairs: &[(i8, Option<f32>)]) -> Confusion {
    let mut confusion = Confusion::default();
    for (gold, mean) in pairs {
        let predicted = mean.map_or(parallax_core::Tone::Neutral, |m| {
            tone::tone_of(tone::calibrate(model, m))
        });
        confusion.add(class_name(*gold), predicted.as_str());
    }
    confusion
}
