//! The MEANTIME corpus for entity coreference: every `ENTITY_MENTION` of the
//! `intra_cross-doc_annotation` layer (all types: PER, ORG, LOC, PRO, FIN, MIX), its chain
//! being the corpus-level instance it refers to (`instance_id`, shared across documents), else
//! its document-level instance, else itself alone.
//!
//! MEANTIME ships tokens, not text: each document's text is its tokens joined by spaces, one
//! sentence a line (as in the `ner` task), and the pipeline runs on that. Each topic folder
//! (`corpus_airbus`, `corpus_apple`, `corpus_gm`, `corpus_stock`) is one group.

use super::align::gold_mention;
use super::Corpus;
use crate::formats::meantime::{self, MeantimeDocument};
use crate::tasks::ner::document_of;
use crate::EvalError;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The folder holding both annotation layers, inside the dataset folder.
const CROSS_DOC: &str = "intra_cross-doc_annotation";

/// Reads and analyzes the corpus, keeping at most `limit` documents (in topic, file order).
pub fn load(gold: &Path, limit: Option<usize>) -> Result<Corpus, EvalError> {
    let root = if gold.join(CROSS_DOC).is_dir() {
        gold.join(CROSS_DOC)
    } else {
        gold.to_path_buf()
    };
    let mut corpus = Corpus::default();
    for (name, folder) in topic_folders(&root)? {
        let mut group = Vec::new();
        for doc in meantime::read(&folder)? {
            if corpus.analyses.len() >= limit.unwrap_or(usize::MAX) {
                break;
            }
            group.push(add_document(&mut corpus, &doc));
        }
        if !group.is_empty() {
            corpus.groups.push((name, group));
        }
    }
    Ok(corpus)
}

/// The topic folders under `root` (sub-folders holding `.xml` files), or `root` itself.
fn topic_folders(root: &Path) -> Result<Vec<(String, PathBuf)>, EvalError> {
    let mut folders = Vec::new();
    if root.is_dir() {
        for entry in std::fs::read_dir(root).map_err(|e| EvalError::io(root, e))? {
            let path = entry.map_err(|e| EvalError::io(root, e))?.path();
            if path.is_dir() {
                let name = path
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                folders.push((name.trim_start_matches("corpus_").to_string(), path));
            }
        }
    }
    folders.sort();
    if folders.is_empty() {
        folders.push(("all".to_string(), root.to_path_buf()));
    }
    Ok(folders)
}

/// Analyzes one document and adds its gold mentions; returns its index.
fn add_document(corpus: &mut Corpus, doc: &MeantimeDocument) -> usize {
    let d = corpus.analyses.len();
    let sentences = doc.sentences();
    let (mut document, seg) = document_of(&sentences);
    document.id = doc.name.clone();
    let position: HashMap<&str, usize> = doc
        .tokens
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    for m in &doc.mentions {
        let mut at: Vec<usize> = m
            .token_ids
            .iter()
            .filter_map(|id| position.get(id.as_str()).copied())
            .collect();
        at.sort_unstable();
        at.dedup();
        let placed: Vec<_> = at.iter().map(|&i| seg.tokens.get(i).copied()).collect();
        let words: Vec<&str> = at.iter().map(|&i| doc.tokens[i].text.as_str()).collect();
        let chain = m
            .instance
            .clone()
            .map(|i| match i.strip_prefix("doc:") {
                Some(local) => format!("{}:{local}", doc.name),
                None => i,
            })
            .unwrap_or_else(|| format!("{}:mention:{}", doc.name, m.id));
        let class = m.entity_type.clone().unwrap_or_else(|| "none".to_string());
        match gold_mention(d, &placed, &words, chain, class) {
            Some(g) => corpus.gold.push(g),
            None => corpus.unplaced_mentions += 1,
        }
    }
    corpus.analyses.push(parallax_pipeline::analyze(&document));
    corpus.documents.push(document);
    d
}
