//! Evaluation task `stories`: the streaming story clusterer against ECB+ topics and event
//! clusters, or against the news-story-chains same-story judgements.
//!
//! ECB+ (`documents.jsonl`): every document is analyzed with the full pipeline, then fed to
//! the [`StoryIndex`] in a fixed pseudo-random order (by a hash of its id; the corpus has no
//! dates and is sorted by topic, which would flatter a streaming clusterer). The topic level is
//! scored with [`StoryConfig::TOPIC`] against the gold topics (top-level keys), the event level
//! with [`StoryConfig::EVENT`] against the gold subtopics (`event_*` keys). Both thresholds
//! were picked on the training topics of the usual split; the report notes the threshold that
//! is best on those topics and gives the held-out test topics (36–45) separately. Because a
//! greedy stream depends on arrival order, a note also gives the topic figure averaged over
//! several other orders (the TOPIC settings were chosen on that average over training topics).
//!
//! news-story-chains: the dossier's own [`stories`] (publication order, default config) and
//! pairwise precision/recall/F1 over the labelled pairs.

mod clusters;

use crate::formats::ecbplus::{self, EcbDocument};
use crate::formats::story_chains;
use crate::metrics::Counts;
use crate::{EvalError, EvalReport};
use clusters::{agreement, Agreement};
use parallax_core::{Document, DocumentMeta};
use parallax_crossdoc::stories::{features, stories, DocFeatures, StoryConfig, StoryIndex};
use parallax_crossdoc::words::hash_str;
use std::collections::HashMap;
use std::path::Path;

/// Training topics of the usual ECB+ split (Cybulska & Vossen 2015; Barhom et al. 2019).
const TRAIN_TOPICS: [u32; 25] = [
    1, 3, 4, 6, 7, 8, 9, 10, 11, 13, 14, 16, 19, 20, 22, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33,
];
/// Held-out test topics of the same split.
const TEST_TOPICS: std::ops::RangeInclusive<u32> = 36..=45;

pub fn run(gold: &Path, limit: Option<usize>) -> Result<EvalReport, EvalError> {
    if gold.is_dir() && gold.join(story_chains::PAIRS_FILE).is_file() {
        return run_chains(gold, limit);
    }
    run_ecbplus(gold, limit)
}

fn run_ecbplus(gold: &Path, limit: Option<usize>) -> Result<EvalReport, EvalError> {
    let path = ecbplus::documents_file(gold);
    let mut docs = ecbplus::read(&path)?;
    if let Some(limit) = limit {
        docs.truncate(limit);
    }
    docs.sort_by_key(|d| (hash_str(&d.doc_id), d.doc_id.clone()));
    let feats: Vec<DocFeatures> = docs
        .iter()
        .map(|d| {
            let doc = ecb_document(d);
            features(&doc, &parallax_pipeline::analyze(&doc))
        })
        .collect();
    let topic_of = |d: &EcbDocument| d.topic.clone();
    let event_of = |d: &EcbDocument| d.subtopic.clone();
    let all: Vec<usize> = (0..docs.len()).collect();
    let train: Vec<usize> = select(&docs, |t| TRAIN_TOPICS.contains(&t));
    let test: Vec<usize> = select(&docs, |t| TEST_TOPICS.contains(&t));

    let mut report = EvalReport::new("stories", path.display().to_string());
    report.items = docs.len();
    let topic = score(&docs, &feats, &all, StoryConfig::TOPIC, topic_of);
    let event = score(&docs, &feats, &all, StoryConfig::EVENT, event_of);
    put_main(&mut report, "", &topic);
    put_main(&mut report, "event_", &event);
    put_row(&mut report, "topic", &topic);
    put_row(&mut report, "event", &event);
    if !test.is_empty() {
        put_row(
            &mut report,
            "topic_test",
            &score(&docs, &feats, &test, StoryConfig::TOPIC, topic_of),
        );
        put_row(
            &mut report,
            "event_test",
            &score(&docs, &feats, &test, StoryConfig::EVENT, event_of),
        );
    }
    report.notes.push(
        "top-level keys: topic level (StoryConfig::TOPIC vs gold topics); event_*: event \
         level (StoryConfig::EVENT vs gold subtopics); rows *_test: held-out topics 36-45 only"
            .to_string(),
    );
    if !train.is_empty() {
        for (name, config, of) in [
            (
                "topic",
                StoryConfig::TOPIC,
                &topic_of as &dyn Fn(&EcbDocument) -> String,
            ),
            ("event", StoryConfig::EVENT, &event_of),
        ] {
            let (best, f1) = best_threshold(&docs, &feats, &train, config, of);
            let at_best = score(
                &docs,
                &feats,
                &all,
                StoryConfig {
                    threshold: best,
                    ..config
                },
                of,
            );
            report.notes.push(format!(
                "{name} threshold chosen on the {} training-topic documents: best B-cubed F1 \
                 {f1:.4} at {best:.3} (shipped {}; all documents at {best:.3}: {:.4})",
                train.len(),
                config.threshold,
                at_best.bcubed_f1()
            ));
        }
    }
    let (all_mean, test_mean) = mean_over_orders(&docs, &feats, &test);
    report.notes.push(format!(
        "topic B-cubed F1 averaged over {ORDERS} other arrival orders (a streaming clusterer \
         depends on order): all topics {all_mean:.4}, test topics {test_mean:.4}"
    ));
    Ok(report)
}

/// Arrival orders averaged over in the report's robustness note.
const ORDERS: u64 = 8;

/// Topic-level B-cubed F1 (all documents, and the `test` documents) averaged over
/// [`ORDERS`] pseudo-random arrival orders.
fn mean_over_orders(docs: &[EcbDocument], feats: &[DocFeatures], test: &[usize]) -> (f64, f64) {
    let mut sums = (0.0, 0.0);
    for seed in 0..ORDERS {
        let mut order: Vec<usize> = (0..docs.len()).collect();
        order.sort_by_key(|&i| (hash_str(&format!("{seed}/{}", docs[i].doc_id)), i));
        let held_out: Vec<usize> = order.iter().copied().filter(|i| test.contains(i)).collect();
        let topic_of = |d: &EcbDocument| d.topic.clone();
        sums.0 += score(docs, feats, &order, StoryConfig::TOPIC, topic_of).bcubed_f1();
        sums.1 += score(docs, feats, &held_out, StoryConfig::TOPIC, topic_of).bcubed_f1();
    }
    (sums.0 / ORDERS as f64, sums.1 / ORDERS as f64)
}

/// The document the pipeline sees: the whole text, with the first sentence as title.
pub(crate) fn ecb_document(d: &EcbDocument) -> Document {
    let mut doc = Document::new(d.doc_id.clone(), d.full_text(), d.doc_id.clone());
    doc.meta = DocumentMeta {
        title: Some(d.title.clone()),
        ..DocumentMeta::default()
    };
    doc
}

/// Indices of the documents whose numeric topic passes `keep`.
fn select(docs: &[EcbDocument], keep: impl Fn(u32) -> bool) -> Vec<usize> {
    (0..docs.len())
        .filter(|&i| docs[i].topic.parse::<u32>().is_ok_and(&keep))
        .collect()
}

/// Clusters the documents `subset` (in that order) and compares with the gold labels.
fn score(
    docs: &[EcbDocument],
    feats: &[DocFeatures],
    subset: &[usize],
    config: StoryConfig,
    gold_of: impl Fn(&EcbDocument) -> String,
) -> Agreement {
    let mut index = StoryIndex::new(config);
    let added: Vec<usize> = subset
        .iter()
        .map(|&i| index.add(feats[i].clone()))
        .collect();
    let predicted: Vec<usize> = added.iter().map(|&s| index.resolve(s)).collect();
    let mut ids: HashMap<String, usize> = HashMap::new();
    let gold: Vec<usize> = subset
        .iter()
        .map(|&i| {
            let next = ids.len();
            *ids.entry(gold_of(&docs[i])).or_insert(next)
        })
        .collect();
    agreement(&predicted, &gold)
}

/// The B-cubed-F1-maximizing threshold on `subset`, on a grid of 0.025 steps.
fn best_threshold(
    docs: &[EcbDocument],
    feats: &[DocFeatures],
    subset: &[usize],
    config: StoryConfig,
    gold_of: &dyn Fn(&EcbDocument) -> String,
) -> (f64, f64) {
    (1..=32)
        .map(|i| {
            let threshold = f64::from(i) * 0.025;
            let a = score(
                docs,
                feats,
                subset,
                StoryConfig {
                    threshold,
                    ..config
                },
                gold_of,
            );
            (threshold, a.bcubed_f1())
        })
        .fold((0.0, -1.0), |best, x| if x.1 > best.1 { x } else { best })
}

fn put_main(report: &mut EvalReport, prefix: &str, a: &Agreement) {
    if prefix.is_empty() {
        report.metric("bcubed_precision", a.bcubed_precision);
        report.metric("bcubed_recall", a.bcubed_recall);
        report.metric("pairwise_precision", a.pairwise.precision());
        report.metric("pairwise_recall", a.pairwise.recall());
    }
    report.metric(&format!("{prefix}bcubed_f1"), a.bcubed_f1());
    report.metric(&format!("{prefix}pairwise_f1"), a.pairwise.f1());
    report.metric(&format!("{prefix}ari"), a.ari);
}

fn put_row(report: &mut EvalReport, row: &str, a: &Agreement) {
    report.type_metric(row, "bcubed_precision", a.bcubed_precision);
    report.type_metric(row, "bcubed_recall", a.bcubed_recall);
    report.type_metric(row, "bcubed_f1", a.bcubed_f1());
    report.type_metric(row, "pairwise_f1", a.pairwise.f1());
    report.type_metric(row, "ari", a.ari);
}

fn run_chains(gold: &Path, limit: Option<usize>) -> Result<EvalReport, EvalError> {
    let (mut articles, mut pairs) = story_chains::read(gold)?;
    if let Some(limit) = limit {
        articles.truncate(limit);
    }
    let docs: Vec<Document> = articles
        .iter()
        .map(|a| {
            let mut doc = Document::new(a.url.clone(), a.text.clone(), a.url.clone());
            doc.meta = DocumentMeta {
                title: Some(a.title.clone()),
                outlet: Some(a.outlet.clone()),
                published: Some(a.date.replacen(' ', "T", 1)),
                url: Some(a.url.clone()),
                authors: Vec::new(),
            };
            doc
        })
        .collect();
    let analyses: Vec<_> = docs.iter().map(parallax_pipeline::analyze).collect();
    let corpus: Vec<_> = docs.iter().zip(&analyses).collect();
    let mut story_of: HashMap<&str, usize> = HashMap::new();
    let found = stories(&corpus);
    for (s, story) in found.iter().enumerate() {
        for d in &story.documents {
            story_of.insert(d.as_str(), s);
        }
    }
    pairs.retain(|p| {
        story_of.contains_key(p.url1.as_str()) && story_of.contains_key(p.url2.as_str())
    });
    let mut counts = Counts::default();
    for p in &pairs {
        let predicted = story_of.get(p.url1.as_str()) == story_of.get(p.url2.as_str());
        match (predicted, p.same_story) {
            (true, true) => counts.tp += 1,
            (true, false) => counts.fp += 1,
            (false, true) => counts.fn_ += 1,
            (false, false) => {}
        }
    }
    let mut report = EvalReport::new("stories", gold.display().to_string());
    report.items = pairs.len();
    report.metric("pairwise_precision", counts.precision());
    report.metric("pairwise_recall", counts.recall());
    report.metric("pairwise_f1", counts.f1());
    report.metric("precision", counts.precision());
    report.metric("recall", counts.recall());
    report.metric("f1", counts.f1());
    report.metric("stories", found.len() as f64);
    report.notes.push(format!(
        "{} articles clustered by the dossier's stories() (StoryConfig::EVENT, publication \
         order); scored on the {} labelled pairs",
        docs.len(),
        pairs.len()
    ));
    Ok(report)
}
