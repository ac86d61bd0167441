//! Evaluation task `ner`: entity-level exact-match precision, recall and F1 as conlleval
//! defines them (an entity counts only when both its span and its type match), overall and per
//! type.
//!
//! CoNLL-2003 (`conll2003-en`, or any CoNLL column file) is scored in CoNLL's own four classes:
//! the annotator's types are mapped back (GPE, LOC, FAC → LOC; NORP, EVENT, MISC → MISC).
//! MEANTIME (`meantime-en`) is scored on its named mentions (see [`meantime`]).

mod meantime;

use crate::formats::conll::{self, ConllDocument};
use crate::metrics::Counts;
use crate::{EvalError, EvalReport};
use parallax_core::{
    Document, MentionKind, Paragraph, ParagraphRole, Segmentation, Sentence, Span,
};
use parallax_entities::tagger::{spans_of_bio, Class, Model};
use parallax_entities::types::conll_class;
use std::collections::{BTreeMap, HashSet};
use std::path::Path;

/// One entity for scoring: sentence number, token range, type name.
pub(crate) type Entity = (usize, usize, usize, String);

pub fn run(gold: &Path, limit: Option<usize>) -> Result<EvalReport, EvalError> {
    if gold.is_dir() && !gold.join("test.txt").exists()
        || gold.extension().is_some_and(|e| e == "xml")
    {
        return meantime::run(gold, limit);
    }
    let path = if gold.is_dir() {
        gold.join("test.txt")
    } else {
        gold.to_path_buf()
    };
    let mut docs = conll::read(&path)?;
    let items = truncate(&mut docs, limit);
    let (gold_entities, predicted) = annotate_conll(&docs);
    let mut report = EvalReport::new("ner", dataset_name(gold));
    report.items = items;
    fill(&mut report, &gold_entities, &predicted);
    report
        .notes
        .push("scored in CoNLL's classes: GPE/LOC/FAC as LOC, NORP/EVENT/MISC as MISC".into());
    Ok(report)
}

/// The dataset's folder name, or the file's path.
pub(crate) fn dataset_name(gold: &Path) -> String {
    let named = if gold.is_dir() {
        gold.file_name()
    } else {
        None
    };
    named.map_or_else(
        || gold.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Keeps at most `limit` sentences; returns how many are kept.
fn truncate(docs: &mut Vec<ConllDocument>, limit: Option<usize>) -> usize {
    let mut left = limit.unwrap_or(usize::MAX);
    docs.retain_mut(|d| {
        d.sentences.truncate(left);
        left -= d.sentences.len();
        !d.sentences.is_empty()
    });
    docs.iter().map(|d| d.sentences.len()).sum()
}

/// Gold and predicted entities of CoNLL documents, predicted by the full annotator on the
/// documents' text (tokens joined by spaces, one sentence a line).
fn annotate_conll(docs: &[ConllDocument]) -> (Vec<Entity>, Vec<Entity>) {
    let mut gold = Vec::new();
    let mut predicted = Vec::new();
    let mut sentence_base = 0;
    for doc in docs {
        let tokens: Vec<Vec<&str>> = doc
            .sentences
            .iter()
            .map(|s| s.tokens.iter().map(String::as_str).collect())
            .collect();
        let (document, seg) = document_of(&tokens);
        let layer = parallax_entities::annotate(&document, &seg);
        for (i, sentence) in doc.sentences.iter().enumerate() {
            for span in spans_of_bio(&sentence.tags) {
                gold.push((
                    sentence_base + i,
                    span.start,
                    span.end,
                    span.class.as_str().to_string(),
                ));
            }
        }
        for mention in layer
            .mentions
            .iter()
            .filter(|m| m.kind == MentionKind::Name)
        {
            let range = seg.tokens_in(mention.span);
            let Some(first) = seg.tokens.get(range.start) else {
                continue;
            };
            let Some(sentence) = seg.sentence_at(first.start) else {
                continue;
            };
            let sentence_first = seg.tokens_in(seg.sentences[sentence].span).start;
            predicted.push((
                sentence_base + sentence,
                range.start - sentence_first,
                range.end - sentence_first,
                conll_class(mention.entity_type).as_str().to_string(),
            ));
        }
        sentence_base += doc.sentences.len();
    }
    (gold, predicted)
}

/// A document whose text is the sentences' tokens joined by spaces, one sentence a line, with
/// the matching segmentation (one paragraph per sentence).
pub(crate) fn document_of(sentences: &[Vec<&str>]) -> (Document, Segmentation) {
    let mut text = String::new();
    let mut seg = Segmentation::default();
    for tokens in sentences {
        let start = text.len();
        for (i, token) in tokens.iter().enumerate() {
            if i > 0 {
                text.push(' ');
            }
            seg.tokens
                .push(Span::new(text.len(), text.len() + token.len()));
            text.push_str(token);
        }
        let span = Span::new(start, text.len());
        seg.sentences.push(Sentence {
            span,
            paragraph: seg.paragraphs.len(),
        });
        seg.paragraphs.push(Paragraph {
            span,
            role: ParagraphRole::Body,
        });
        text.push('\n');
    }
    (Document::new("gold", text, "gold"), seg)
}

/// Overall and per-type precision, recall and F1 of `predicted` against `gold`.
pub(crate) fn fill(report: &mut EvalReport, gold: &[Entity], predicted: &[Entity]) {
    let (overall, per_type) = score(gold, predicted);
    report
        .metric("precision", overall.precision())
        .metric("recall", overall.recall())
        .metric("f1", overall.f1());
    for (kind, c) in per_type {
        report
            .type_metric(&kind, "precision", c.precision())
            .type_metric(&kind, "recall", c.recall())
            .type_metric(&kind, "f1", c.f1())
            .type_metric(&kind, "gold", (c.tp + c.fn_) as f64);
    }
}

fn score(gold: &[Entity], predicted: &[Entity]) -> (Counts, BTreeMap<String, Counts>) {
    let gold_set: HashSet<&Entity> = gold.iter().collect();
    let predicted_set: HashSet<&Entity> = predicted.iter().collect();
    let mut overall = Counts::default();
    let mut per_type: BTreeMap<String, Counts> = BTreeMap::new();
    for e in &predicted_set {
        let hit = gold_set.contains(e);
        let c = per_type.entry(e.3.clone()).or_default();
        if hit {
            c.tp += 1;
            overall.tp += 1;
        } else {
            c.fp += 1;
            overall.fp += 1;
        }
    }
    for e in gold_set.iter().filter(|e| !predicted_set.contains(*e)) {
        per_type.entry(e.3.clone()).or_default().fn_ += 1;
        overall.fn_ += 1;
    }
    (overall, per_type)
}

/// Entity-level counts of the bare tagger on CoNLL documents (used for dev figures while
/// training, where the full annotator's lexicon refinements do not matter).
pub fn score_tagger(model: &Model, docs: &[ConllDocument]) -> Counts {
    let mut gold = Vec::new();
    let mut predicted = Vec::new();
    let mut base = 0;
    let name = |c: Class| c.as_str().to_string();
    for doc in docs {
        let tokens: Vec<Vec<&str>> = doc
            .sentences
            .iter()
            .map(|s| s.tokens.iter().map(String::as_str).collect())
            .collect();
        for (i, (s, spans)) in doc
            .sentences
            .iter()
            .zip(model.document_spans(&tokens))
            .enumerate()
        {
            let at = base + i;
            gold.extend(
                spans_of_bio(&s.tags)
                    .into_iter()
                    .map(|e| (at, e.start, e.end, name(e.class))),
            );
            predicted.extend(
                spans
                    .into_iter()
                    .map(|e| (at, e.start, e.end, name(e.class))),
            );
        }
        base += doc.sentences.len();
    }
    score(&gold, &predicted).0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_exact_spans_and_types() {
        let e = |s: usize, a: usize, b: usize, t: &str| (s, a, b, t.to_string());
        let gold = vec![e(0, 0, 2, "PER"), e(0, 3, 4, "LOC"), e(1, 0, 1, "ORG")];
        let predicted = vec![e(0, 0, 2, "PER"), e(0, 3, 4, "ORG"), e(1, 0, 2, "ORG")];
        let (overall, per_type) = score(&gold, &predicted);
        assert_eq!((overall.tp, overall.fp, overall.fn_), (1, 2, 2));
        assert_eq!(per_type["LOC"].fn_, 1);
        assert_eq!(per_type["ORG"].fp, 2);
    }

    #[test]
    fn builds_documents_from_tokens() {
        let (doc, seg) = document_of(&[vec!["Ana", "left"], vec!["."]]);
        assert_eq!(doc.text, "Ana left\n.\n");
        assert_eq!(seg.tokens[1].text(&doc.text), "left");
        assert_eq!(seg.tokens_in(seg.sentences[1].span), 2..3);
    }
}
