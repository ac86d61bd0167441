//! MEANTIME scoring: the annotator's proper names against MEANTIME's named mentions
//! (`syntactic_type="NAM"`) of persons, organizations and locations.
//!
//! MEANTIME's types are PER, ORG, LOC, PRO (products), FIN (financial entities) and MIX.
//! Parallax's PERSON, ORG and GPE/LOC/FAC map to PER, ORG and LOC; MEANTIME's PRO, FIN and MIX
//! and Parallax's NORP, EVENT and MISC have no counterpart and are left out of the score on
//! both sides. Each document's text is its tokens joined by spaces, one sentence a line.

use super::{document_of, fill, Entity};
use crate::formats::meantime::{self, MeantimeDocument};
use crate::{EvalError, EvalReport};
use parallax_core::{EntityType, MentionKind};
use std::collections::HashMap;
use std::path::Path;

pub fn run(gold: &Path, limit: Option<usize>) -> Result<EvalReport, EvalError> {
    let mut docs = meantime::read(gold)?;
    docs.truncate(limit.unwrap_or(usize::MAX));
    let mut gold_entities = Vec::new();
    let mut predicted = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        let (g, p) = score_document(d, doc);
        gold_entities.extend(g);
        predicted.extend(p);
    }
    let mut report = EvalReport::new("ner", super::dataset_name(gold));
    report.items = docs.len();
    fill(&mut report, &gold_entities, &predicted);
    report.notes.push(
        "MEANTIME named mentions (NAM) of PER/ORG/LOC; PRO/FIN/MIX and NORP/EVENT/MISC not scored"
            .into(),
    );
    Ok(report)
}

fn meantime_type(t: EntityType) -> Option<&'static str> {
    match t {
        EntityType::Person => Some("PER"),
        EntityType::Org => Some("ORG"),
        EntityType::Gpe | EntityType::Loc | EntityType::Fac => Some("LOC"),
        EntityType::Norp | EntityType::Event | EntityType::Misc => None,
    }
}

/// Gold and predicted entities of one document, as (document, first token, end token, type)
/// with token positions counted over the whole document.
fn score_document(d: usize, doc: &MeantimeDocument) -> (Vec<Entity>, Vec<Entity>) {
    let position: HashMap<&str, usize> = doc
        .tokens
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    let mut gold = Vec::new();
    for m in doc.mentions.iter().filter(|m| m.syntactic_type == "NAM") {
        let Some(t @ ("PER" | "ORG" | "LOC")) = m.entity_type.as_deref() else {
            continue;
        };
        let mut at: Vec<usize> = m
            .token_ids
            .iter()
            .filter_map(|id| position.get(id.as_str()).copied())
            .collect();
        at.sort_unstable();
        if let (Some(&first), Some(&last)) = (at.first(), at.last()) {
            gold.push((d, first, last + 1, t.to_string()));
        }
    }
    let mut sentences: Vec<Vec<&str>> = Vec::new();
    let mut last_sentence = None;
    for t in &doc.tokens {
        if last_sentence != Some(t.sentence) {
            sentences.push(Vec::new());
            last_sentence = Some(t.sentence);
        }
        if let Some(s) = sentences.last_mut() {
            s.push(t.text.as_str());
        }
    }
    let (document, seg) = document_of(&sentences);
    let layer = parallax_entities::annotate(&document, &seg);
    let predicted = layer
        .mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Name)
        .filter_map(|m| {
            let range = seg.tokens_in(m.span);
            Some((
                d,
                range.start,
                range.end,
                meantime_type(m.entity_type)?.to_string(),
            ))
        })
        .collect();
    (gold, predicted)
}
