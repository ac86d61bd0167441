//! The ECB+ corpus for entity coreference: the documents of `documents.jsonl` analyzed by the
//! pipeline, and the entity mentions of the CoNLL chains in `coref_annotations_conll.tar.gz`.
//!
//! Entities are what ECB+ calls participants, locations and times: chains `HUM…`, `NON…`,
//! `LOC…`, `TIM…` and their singletons; event chains (`ACT…`, `NEG…`, `CON…`) are left out.
//! Each gold topic is one group (resolved as one dossier), and ECB+ chain ids are shared
//! across a topic's documents, which is what makes the chains cross-document.

use super::align::{gold_mention, place_tokens};
use super::Corpus;
use crate::formats::ecbplus::{self, EcbDocument};
use crate::formats::ecbplus_coref::{self, MentionClass};
use crate::tasks::stories::ecb_document;
use crate::EvalError;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// Whether a folder (or file) is the ECB+ dataset.
pub fn is_ecbplus(gold: &Path) -> bool {
    gold.join(ecbplus_coref::ARCHIVE).is_file()
        || gold
            .file_name()
            .is_some_and(|n| n == ecbplus_coref::ARCHIVE)
}

/// Reads and analyzes the corpus, keeping at most `limit` documents (in topic order).
pub fn load(gold: &Path, limit: Option<usize>) -> Result<Corpus, EvalError> {
    let folder = if gold.is_dir() {
        gold
    } else {
        gold.parent().unwrap_or(gold)
    };
    let mut conll = ecbplus_coref::read(gold)?;
    conll.sort_by_key(|d| (d.topic().unwrap_or(u32::MAX), d.name.clone()));
    let texts: HashMap<String, EcbDocument> = ecbplus::read(&ecbplus::documents_file(folder))?
        .into_iter()
        .map(|d| (d.doc_id.clone(), d))
        .collect();
    let mut corpus = Corpus::default();
    let mut groups: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
    for doc in &conll {
        if corpus.analyses.len() >= limit.unwrap_or(usize::MAX) {
            break;
        }
        let Some(source) = texts.get(&doc.doc_id()) else {
            corpus.missing_documents += 1;
            continue;
        };
        let document = ecb_document(source);
        let placed = place_tokens(
            &document.text,
            &doc.tokens.iter().map(|t| &t.1).collect::<Vec<_>>(),
        );
        let d = corpus.analyses.len();
        for m in &doc.mentions {
            let Some(class) = MentionClass::of_chain(&m.chain).filter(|c| c.is_entity()) else {
                continue;
            };
            let words: Vec<&str> = doc.tokens[m.start..m.end]
                .iter()
                .map(|t| t.1.as_str())
                .collect();
            match gold_mention(
                d,
                &placed[m.start..m.end],
                &words,
                m.chain.clone(),
                class.name().to_string(),
            ) {
                Some(g) => corpus.gold.push(g),
                None => corpus.unplaced_mentions += 1,
            }
        }
        let topic = doc.topic().unwrap_or(0);
        groups.entry(topic).or_default().push(d);
        corpus.analyses.push(parallax_pipeline::analyze(&document));
        corpus.documents.push(document);
    }
    corpus.groups = groups
        .into_iter()
        .map(|(topic, docs)| (topic.to_string(), docs))
        .collect();
    Ok(corpus)
}
