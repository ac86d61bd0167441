//! How each outlet frames each actor: the labels it attaches to it, its tone toward it, and the
//! loaded terms it uses, gathered from the per-document framing layers.
//!
//! A label or tone belongs to a corpus-wide entity through its mention: the (document, span)
//! of every resolved mention is a key into the dossier's entities. An outlet's tone toward an
//! actor is the mean of its articles' scores weighted by the sentences each was measured on.

use parallax_core::{
    ActorTone, Analysis, DocumentTone, Dossier, DossierDocument, Evidence, OutletActor,
    OutletLabel, OutletTerm, Span, Speech, Tone, MAX_TERM_EVIDENCE,
};
use std::collections::{BTreeMap, HashMap};

/// Lookups shared by every outlet's profile.
pub(super) struct Framing<'d> {
    docs: HashMap<&'d str, &'d DossierDocument>,
    analyses: &'d HashMap<&'d str, &'d Analysis>,
    /// Entity index in `dossier.entities` by (document, mention span).
    entity_of: HashMap<(&'d str, Span), usize>,
    entity_ids: Vec<&'d str>,
}

impl<'d> Framing<'d> {
    pub(super) fn new(dossier: &'d Dossier, analyses: &'d HashMap<&'d str, &'d Analysis>) -> Self {
        let entity_of = dossier
            .entities
            .iter()
            .enumerate()
            .flat_map(|(i, e)| {
                e.mentions
                    .iter()
                    .map(move |m| ((m.evidence.doc.as_str(), m.evidence.span), i))
            })
            .collect();
        Framing {
            docs: dossier
                .documents
                .iter()
                .map(|d| (d.id.as_str(), d))
                .collect(),
            analyses,
            entity_of,
            entity_ids: dossier.entities.iter().map(|e| e.id.as_str()).collect(),
        }
    }

    /// The actors and loaded terms of the outlet whose documents are `docs`.
    pub(super) fn of_outlet(&self, docs: &[&str]) -> (Vec<OutletActor>, Vec<OutletTerm>) {
        let mut actors: BTreeMap<usize, (Vec<OutletLabel>, Vec<DocumentTone>)> = BTreeMap::new();
        let mut terms: HashMap<String, (OutletTerm, Vec<(Speech, Evidence)>)> = HashMap::new();
        for &doc in docs {
            let (Some(analysis), Some(document)) = (self.analyses.get(doc), self.docs.get(doc))
            else {
                continue;
            };
            let entity_of_mention = |m: usize| {
                let span = analysis.mentions.get(m)?.span;
                self.entity_of.get(&(doc, span)).copied()
            };
            for label in &analysis.labels {
                if let Some(e) = entity_of_mention(label.mention) {
                    actors.entry(e).or_default().0.push(OutletLabel {
                        evidence: evidence(document, label.span, &label.text),
                        form: label.form,
                        voice: label.voice,
                    });
                }
            }
            for tone in &analysis.tones {
                let entity = analysis
                    .local_entities
                    .get(tone.local_entity)
                    .and_then(|l| l.mentions.iter().find_map(|&m| entity_of_mention(m)));
                if let Some(e) = entity {
                    actors.entry(e).or_default().1.push(DocumentTone {
                        doc: doc.to_string(),
                        tone: tone.tone,
                        score: f64::from(tone.score),
                        sentences: tone.sentences,
                        evidence: tone
                            .evidence
                            .iter()
                            .map(|a| evidence(document, a.span, &a.text))
                            .collect(),
                    });
                }
            }
            for term in &analysis.loaded_terms {
                let (entry, uses) =
                    terms
                        .entry(term.text.to_lowercase())
                        .or_insert_with_key(|key| {
                            let term = OutletTerm {
                                term: key.clone(),
                                author: 0,
                                quoted: 0,
                                evidence: Vec::new(),
                            };
                            (term, Vec::new())
                        });
                match term.voice {
                    Speech::Author => entry.author += 1,
                    Speech::Quoted => entry.quoted += 1,
                }
                uses.push((term.voice, evidence(document, term.span, &term.text)));
            }
        }
        let actors = actors
            .into_iter()
            .map(|(e, (labels, documents))| OutletActor {
                entity: self
                    .entity_ids
                    .get(e)
                    .copied()
                    .unwrap_or_default()
                    .to_string(),
                labels,
                tone: actor_tone(documents),
            })
            .collect();
        (actors, ranked_terms(terms))
    }
}

/// The outlet's tone over its articles' tones; `None` without any.
fn actor_tone(documents: Vec<DocumentTone>) -> Option<ActorTone> {
    let sentences: usize = documents.iter().map(|d| d.sentences).sum();
    if sentences == 0 {
        return None;
    }
    let weighted: f64 = documents.iter().map(|d| d.score * d.sentences as f64).sum();
    let score = weighted / sentences as f64;
    Some(ActorTone {
        tone: Tone::of_score(score),
        score,
        sentences,
        documents,
    })
}

/// Terms most used in the outlet's own voice first (then by all uses, then alphabetically),
/// each with its own-voice evidence first, capped at [`MAX_TERM_EVIDENCE`].
fn ranked_terms(terms: HashMap<String, (OutletTerm, Vec<(Speech, Evidence)>)>) -> Vec<OutletTerm> {
    let mut ranked: Vec<OutletTerm> = terms
        .into_values()
        .map(|(mut term, mut uses)| {
            // A stable sort keeps document then text order within each voice.
            uses.sort_by_key(|(voice, _)| *voice);
            term.evidence = uses
                .into_iter()
                .take(MAX_TERM_EVIDENCE)
                .map(|(_, e)| e)
                .collect();
            term
        })
        .collect();
    ranked.sort_by(|a, b| {
        (b.author, b.author + b.quoted)
            .cmp(&(a.author, a.author + a.quoted))
            .then_with(|| a.term.cmp(&b.term))
    });
    ranked
}

fn evidence(doc: &DossierDocument, span: Span, text: &str) -> Evidence {
    Evidence {
        doc: doc.id.clone(),
        span,
        text: text.to_string(),
        sentence: doc.sentence_containing(span).1,
    }
}
