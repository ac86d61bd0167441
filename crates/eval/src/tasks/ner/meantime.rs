//! MEANTIME scoring: the annotator's proper names against MEANTIME's named mentions of
//! persons, organizations and locations: those marked `syntactic_type="NAM"`, and those added
//! at the corpus level without a syntactic type that contain a capitalized word.
//!
//! MEANTIME's mention extents are whole noun phrases ("The United States", "EADS chief
//! executive Louis Gallois"), and only entities taking part in annotated events are marked, so
//! exact-match figures understate the tagger; `overlap_*` figures (same type, overlapping
//! tokens) are reported beside them.
//!
//! MEANTIME's types are PER, ORG, LOC, PRO (products), FIN (financial entities) and MIX.
//! Parallax's PERSON, ORG and GPE/LOC/FAC map to PER, ORG and LOC; MEANTIME's PRO, FIN and MIX
//! and Parallax's NORP, EVENT and MISC have no counterpart and are left out of the score on
//! both sides. Each document's text is its tokens joined by spaces, one sentence a line.

use super::{document_of, fill, Entity};
use crate::formats::meantime::{self, MeantimeDocument};
use crate::metrics::ratio;
use crate::{EvalError, EvalReport};
use parallax_core::{EntityType, MentionKind};
use std::collections::{HashMap, HashSet};
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
    let (p, r, f1) = overlap(&gold_entities, &predicted);
    report
        .metric("overlap_precision", p)
        .metric("overlap_recall", r)
        .metric("overlap_f1", f1);
    report.notes.push(
        "MEANTIME named mentions of PER/ORG/LOC (NAM, or corpus-level with a capital); PRO/FIN/MIX and NORP/EVENT/MISC not scored; gold extents are whole noun phrases"
            .into(),
    );
    Ok(report)
}

/// Overlap precision and recall: a prediction is right when it overlaps a gold mention of the
/// same type; a gold mention is found when a prediction of its type overlaps it.
fn overlap(gold: &[Entity], predicted: &[Entity]) -> (f64, f64, f64) {
    let overlaps = |a: &Entity, b: &Entity| a.0 == b.0 && a.3 == b.3 && a.1 < b.2 && b.1 < a.2;
    let gold: HashSet<&Entity> = gold.iter().collect();
    let predicted: HashSet<&Entity> = predicted.iter().collect();
    let right = predicted
        .iter()
        .filter(|p| gold.iter().any(|g| overlaps(p, g)))
        .count();
    let found = gold
        .iter()
        .filter(|g| predicted.iter().any(|p| overlaps(p, g)))
        .count();
    let (p, r) = (ratio(right, predicted.len()), ratio(found, gold.len()));
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f1)
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
    let named = |m: &&meantime::EntityMention| match m.syntactic_type.as_deref() {
        Some("NAM") => true,
        None => m.token_ids.iter().any(|id| {
            position
                .get(id.as_str())
                .and_then(|&i| doc.tokens.get(i))
                .is_some_and(|t| t.text.chars().next().is_some_and(char::is_uppercase))
        }),
        Some(_) => false,
    };
    for m in doc.mentions.iter().filter(named) {
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
    let sentences = doc.sentences();
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
