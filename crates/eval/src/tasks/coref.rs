//! Evaluation task `coref`: cross-document entity coreference of the whole system — the
//! pipeline on each document, then the dossier's cross-document resolution — on ECB+ entity
//! chains (`ecbplus-docs`) or MEANTIME's corpus-level entity instances (`meantime-en`).
//!
//! The key is the gold clustering of the gold entity mentions. The response clusters the same
//! gold mentions by the system's entities: each gold mention is matched to a predicted mention
//! by its head ([`align`] gives the placing, head and matching rules), takes that mention's
//! corpus-wide entity, and stays a singleton when nothing matches. So precision and recall
//! here measure the clustering of gold mentions, not mention detection; how many gold
//! mentions were matched is reported beside (`matched_mentions`, `matched_share`).
//!
//! Metrics: MUC, B-cubed, CEAF-e and their mean, the CoNLL F1 ([`crate::metrics::coref`]),
//! over all groups' mentions at once (groups never share a chain). Setup per corpus:
//! - ECB+: each gold topic's documents are resolved together as one dossier; top-level keys
//!   are the held-out test topics 36–45 of the usual split (Cybulska & Vossen 2015; Barhom
//!   et al. 2019), singletons included; rows give all topics, the test documents resolved as
//!   one dossier, and each entity class (human, non-human, location, time).
//! - MEANTIME: each topic folder resolved as one dossier, all 120 documents scored; rows give
//!   the whole corpus resolved as one dossier, each topic and each gold type.
//!
//! A group is resolved as the dossier resolves a corpus: its stories are found first
//! ([`parallax_crossdoc::stories`]), since unnamed actors ("the gunman") join only within one.
//!
//! Two baselines are rows of both: `baseline_singletons` (every mention alone) and
//! `baseline_same_head` (mentions of a group with the same lowercased head word together).

mod align;
mod ecbplus;
mod meantime;

use crate::metrics::coref::{score, CorefScores};
use crate::tasks::ner::dataset_name;
use crate::{EvalError, EvalReport};
use align::{responses, GoldMention, Response};
use parallax_core::{Analysis, Document};
use std::collections::HashMap;
use std::hash::Hash;
use std::path::Path;

/// The ECB+ test topics of the usual split.
const TEST_TOPICS: std::ops::RangeInclusive<u32> = 36..=45;
/// The ECB+ development topics of the same split (Barhom et al. 2019); the other topics below
/// 36 are training topics. Nothing is trained here: tuning reads these rows, never the test's.
const DEV_TOPICS: [u32; 8] = [2, 5, 12, 18, 21, 23, 34, 35];

/// MEANTIME has no split: a third of its documents, chosen by a seeded hash of the document
/// name, is held out as a test part (`test_docs`), the rest is the part tuned on (`dev_docs`).
/// Both are scored with every topic resolved whole, since chains cross documents.
fn meantime_test_doc(name: &str) -> bool {
    let hash = name.bytes().fold(0xcbf2_9ce4_8422_2325_u64 ^ 18, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    hash % 3 == 0
}

/// An analyzed corpus with its gold mentions.
#[derive(Default)]
pub(crate) struct Corpus {
    pub documents: Vec<Document>,
    pub analyses: Vec<Analysis>,
    pub gold: Vec<GoldMention>,
    /// Named groups of document indices, each resolved as one dossier.
    pub groups: Vec<(String, Vec<usize>)>,
    /// Gold documents whose text was not found.
    pub missing_documents: usize,
    /// Gold mentions none of whose tokens could be placed in the text.
    pub unplaced_mentions: usize,
}

pub fn run(gold: &Path, limit: Option<usize>) -> Result<EvalReport, EvalError> {
    let ecb = ecbplus::is_ecbplus(gold);
    let corpus = if ecb {
        ecbplus::load(gold, limit)?
    } else {
        meantime::load(gold, limit)?
    };
    if corpus.gold.is_empty() {
        return Err(EvalError::format(gold, "no gold entity mentions found"));
    }
    let mut report = EvalReport::new("coref", dataset_name(gold));
    report.items = corpus.analyses.len();
    let groups: Vec<Vec<usize>> = corpus.groups.iter().map(|g| g.1.clone()).collect();
    let system = responses(&corpus.documents, &corpus.analyses, &groups, &corpus.gold);
    let all: Vec<usize> = (0..corpus.gold.len()).collect();
    let group_of = group_of(&corpus);
    let in_groups = |keep: &dyn Fn(&str) -> bool| -> Vec<usize> {
        all.iter()
            .copied()
            .filter(|&i| {
                group_of
                    .get(corpus.gold[i].doc)
                    .is_some_and(|&g| keep(&corpus.groups[g].0))
            })
            .collect()
    };
    let main = if ecb {
        let test = in_groups(&|t| t.parse().is_ok_and(|t: u32| TEST_TOPICS.contains(&t)));
        if test.is_empty() {
            report
                .notes
                .push("no test-topic documents (limit): top-level keys cover all topics".into());
            all.clone()
        } else {
            test
        }
    } else {
        all.clone()
    };

    let scored = evaluate(&corpus.gold, &main, |i| system[i]);
    put_main(&mut report, &scored, matched(&system, &main));
    put_row(
        &mut report,
        if ecb { "test_topics" } else { "all" },
        &scored,
    );
    if ecb {
        let everything = evaluate(&corpus.gold, &all, |i| system[i]);
        put_row(&mut report, "all_topics", &everything);
        let dev = in_groups(&|t| t.parse().is_ok_and(|t: u32| DEV_TOPICS.contains(&t)));
        put_row(
            &mut report,
            "dev_topics",
            &evaluate(&corpus.gold, &dev, |i| system[i]),
        );
        let train = in_groups(&|t| {
            t.parse()
                .is_ok_and(|t: u32| !DEV_TOPICS.contains(&t) && !TEST_TOPICS.contains(&t))
        });
        put_row(
            &mut report,
            "train_topics",
            &evaluate(&corpus.gold, &train, |i| system[i]),
        );
    } else {
        for (row, test) in [("dev_docs", false), ("test_docs", true)] {
            let part: Vec<usize> = all
                .iter()
                .copied()
                .filter(|&i| meantime_test_doc(&corpus.analyses[corpus.gold[i].doc].doc) == test)
                .collect();
            put_row(
                &mut report,
                row,
                &evaluate(&corpus.gold, &part, |i| system[i]),
            );
        }
    }
    // The scored documents resolved as a single dossier.
    let mut docs: Vec<usize> = main.iter().map(|&i| corpus.gold[i].doc).collect();
    docs.sort_unstable();
    docs.dedup();
    let single = responses(&corpus.documents, &corpus.analyses, &[docs], &corpus.gold);
    put_row(
        &mut report,
        "one_dossier",
        &evaluate(&corpus.gold, &main, |i| single[i]),
    );
    let mut classes: Vec<&str> = main
        .iter()
        .map(|&i| corpus.gold[i].class.as_str())
        .collect();
    classes.sort_unstable();
    classes.dedup();
    for class in classes {
        let subset: Vec<usize> = main
            .iter()
            .copied()
            .filter(|&i| corpus.gold[i].class == class)
            .collect();
        put_row(
            &mut report,
            &format!("type_{class}"),
            &evaluate(&corpus.gold, &subset, |i| system[i]),
        );
    }
    if !ecb {
        for (name, _) in &corpus.groups {
            let subset = in_groups(&|g| g == name);
            put_row(
                &mut report,
                &format!("topic_{name}"),
                &evaluate(&corpus.gold, &subset, |i| system[i]),
            );
        }
    }
    put_row(
        &mut report,
        "baseline_singletons",
        &evaluate(&corpus.gold, &main, |i| i),
    );
    put_row(
        &mut report,
        "baseline_same_head",
        &evaluate(&corpus.gold, &main, |i| {
            let m = &corpus.gold[i];
            (group_of.get(m.doc).copied(), m.head_word.clone())
        }),
    );
    report.notes.push(format!(
        "{} documents in {} groups, each group resolved as one dossier; {} gold entity mentions \
         scored at top level, {} matched to a predicted mention by head overlap (unmatched ones \
         are singletons); rows: P/R per metric at top level only",
        corpus.analyses.len(),
        corpus.groups.len(),
        main.len(),
        matched(&system, &main),
    ));
    if ecb {
        report.notes.push(
            "ECB+ entity chains (HUM, NON, LOC, TIM and their singletons); top level = test \
             topics 36-45; one_dossier = those documents resolved together"
                .into(),
        );
    } else {
        report.notes.push(
            "MEANTIME entity mentions of every type, chains = corpus-level instances; \
             one_dossier = all documents resolved together"
                .into(),
        );
    }
    if corpus.missing_documents > 0 || corpus.unplaced_mentions > 0 {
        report.notes.push(format!(
            "{} gold documents without text, {} gold mentions not placed in the text (left out)",
            corpus.missing_documents, corpus.unplaced_mentions
        ));
    }
    Ok(report)
}

/// The group index of each document.
fn group_of(corpus: &Corpus) -> Vec<usize> {
    let mut of = vec![usize::MAX; corpus.analyses.len()];
    for (g, (_, docs)) in corpus.groups.iter().enumerate() {
        for &d in docs {
            if let Some(slot) = of.get_mut(d) {
                *slot = g;
            }
        }
    }
    of
}

/// How many of `subset` were matched to a predicted mention.
fn matched(system: &[Response], subset: &[usize]) -> usize {
    subset
        .iter()
        .filter(|&&i| !matches!(system.get(i), Some(Response::Unmatched(_)) | None))
        .count()
}

/// Scores of one subset of gold mentions.
struct Scored {
    scores: CorefScores,
    mentions: usize,
    chains: usize,
    clusters: usize,
}

/// Key (gold chains) and response (`label` of each mention) over `subset`, scored.
fn evaluate<L: Hash + Eq>(
    gold: &[GoldMention],
    subset: &[usize],
    label: impl Fn(usize) -> L,
) -> Scored {
    fn clusters<K: Hash + Eq>(subset: &[usize], key: impl Fn(usize) -> K) -> Vec<Vec<usize>> {
        let mut index: HashMap<K, usize> = HashMap::new();
        let mut out: Vec<Vec<usize>> = Vec::new();
        for &i in subset {
            let next = out.len();
            let c = *index.entry(key(i)).or_insert(next);
            if c == next {
                out.push(Vec::new());
            }
            out[c].push(i);
        }
        out
    }
    let key = clusters(subset, |i| gold[i].chain.as_str());
    let response = clusters(subset, label);
    Scored {
        scores: score(&key, &response),
        mentions: subset.len(),
        chains: key.len(),
        clusters: response.len(),
    }
}

fn put_main(report: &mut EvalReport, s: &Scored, matched: usize) {
    let c = &s.scores;
    for (name, prf) in [("muc", c.muc), ("bcubed", c.bcubed), ("ceafe", c.ceafe)] {
        report.metric(&format!("{name}_precision"), prf.precision);
        report.metric(&format!("{name}_recall"), prf.recall);
        report.metric(&format!("{name}_f1"), prf.f1());
    }
    report.metric("conll_f1", c.conll_f1());
    report.metric("gold_mentions", s.mentions as f64);
    report.metric("gold_chains", s.chains as f64);
    report.metric("response_clusters", s.clusters as f64);
    report.metric("matched_mentions", matched as f64);
    report.metric("matched_share", crate::metrics::ratio(matched, s.mentions));
}

fn put_row(report: &mut EvalReport, row: &str, s: &Scored) {
    let c = &s.scores;
    report.type_metric(row, "muc_f1", c.muc.f1());
    report.type_metric(row, "bcubed_f1", c.bcubed.f1());
    report.type_metric(row, "ceafe_f1", c.ceafe.f1());
    report.type_metric(row, "conll_f1", c.conll_f1());
    report.type_metric(row, "mentions", s.mentions as f64);
    report.type_metric(row, "chains", s.chains as f64);
}

#[cfg(test)]
mod dump {
    use super::*;

    /// Development aid: one line per gold mention of the corpus in COREF_DUMP (tab-separated:
    /// group, document, chain, class, gold text, head word, predicted mention or `-`, its
    /// kind, its entity's name, response cluster).
    #[test]
    #[ignore]
    fn dump_mentions() {
        let Ok(dir) = std::env::var("COREF_DUMP") else {
            return;
        };
        let gold = Path::new(&dir);
        let corpus = if ecbplus::is_ecbplus(gold) {
            ecbplus::load(gold, None)
        } else {
            meantime::load(gold, None)
        }
        .unwrap();
        let groups: Vec<Vec<usize>> = corpus.groups.iter().map(|g| g.1.clone()).collect();
        let system = responses(&corpus.documents, &corpus.analyses, &groups, &corpus.gold);
        let group_of = group_of(&corpus);
        for (i, m) in corpus.gold.iter().enumerate() {
            let a = &corpus.analyses[m.doc];
            let (pred, kind, entity) = match align::match_mention(a, m) {
                Some(p) => {
                    let pm = &a.mentions[p];
                    let e = pm
                        .local_entity
                        .and_then(|l| a.local_entities.get(l))
                        .map_or("-".to_string(), |e| {
                            format!("{}/{:?}", e.name, e.entity_type)
                        });
                    (pm.text.clone(), format!("{:?}", pm.kind), e)
                }
                None => ("-".into(), "-".into(), "-".into()),
            };
            let time = a
                .times
                .iter()
                .find(|t| t.span.overlaps(m.head))
                .map_or("-".to_string(), |t| format!("{}|{}", t.value, t.text));
            println!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{:?}\t{}",
                corpus.groups[group_of[m.doc]].0,
                a.doc,
                m.chain,
                m.class,
                m.words,
                m.head_word,
                pred.replace(['\n', '\t'], " "),
                kind,
                entity,
                system[i],
                time
            );
        }
    }
}
