//! How each outlet frames each actor: the labels it attaches to it, its tone toward it, and the
//! loaded terms it uses, gathered from the per-document framing layers.
//!
//! A label or tone belongs to a corpus-wide entity through its mention: the (document, span)
//! of every resolved mention is a key into the dossier's entities. An article in which several
//! local entities resolve to one actor gives that actor one tone (scores weighted by their
//! sentences). An outlet's tone toward an actor is the mean of its articles' scores weighted
//! by the sentences each was measured on. The quoted voices' non-neutral tones toward the
//! actor are listed beside it with their speakers.

use parallax_core::{
    ActorTone, Analysis, DocumentTone, Dossier, DossierDocument, Evidence, OutletActor,
    OutletLabel, OutletTerm, QuotedTone, Span, Speech, Tone, ToneSentence, MAX_TERM_EVIDENCE,
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
        let mut actors: BTreeMap<usize, ActorFraming> = BTreeMap::new();
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
            let entity_of_local = |l: usize| {
                analysis
                    .local_entities
                    .get(l)
                    .and_then(|l| l.mentions.iter().find_map(|&m| entity_of_mention(m)))
            };
            for label in &analysis.labels {
                if let Some(e) = entity_of_mention(label.mention) {
                    actors.entry(e).or_default().labels.push(OutletLabel {
                        evidence: evidence(document, label.span, &label.text),
                        form: label.form,
                        voice: label.voice,
                    });
                }
            }
            // One tone per actor and article, however many local entities resolve to it.
            let mut tones: BTreeMap<usize, DocumentTone> = BTreeMap::new();
            for tone in &analysis.tones {
                let Some(e) = entity_of_local(tone.local_entity) else {
                    continue;
                };
                let by_sentence = analysis
                    .sentence_tones
                    .iter()
                    .filter(|t| t.voice == Speech::Author && t.local_entity == tone.local_entity)
                    .filter_map(|t| {
                        let sentence = analysis.segmentation.sentences.get(t.sentence)?.span;
                        Some(ToneSentence {
                            sentence,
                            tone: t.tone,
                            score: f64::from(t.score),
                            words: anchors(document, &t.evidence),
                        })
                    })
                    .collect();
                let next = DocumentTone {
                    doc: doc.to_string(),
                    tone: tone.tone,
                    score: f64::from(tone.score),
                    sentences: tone.sentences,
                    evidence: anchors(document, &tone.evidence),
                    by_sentence,
                };
                match tones.get_mut(&e) {
                    Some(seen) => merge(seen, next),
                    None => {
                        tones.insert(e, next);
                    }
                }
            }
            for (e, tone) in tones {
                actors.entry(e).or_default().tones.push(tone);
            }
            for t in analysis
                .sentence_tones
                .iter()
                .filter(|t| t.voice == Speech::Quoted && t.tone != Tone::Neutral)
            {
                let (Some(e), Some(quote)) = (
                    entity_of_local(t.local_entity),
                    t.quote.and_then(|q| analysis.quotes.get(q)),
                ) else {
                    continue;
                };
                actors.entry(e).or_default().quoted.push(QuotedTone {
                    evidence: evidence(document, quote.span, &quote.text),
                    speaker: quote
                        .speaker_mention
                        .and_then(entity_of_mention)
                        .and_then(|s| self.entity_ids.get(s))
                        .map(|s| s.to_string()),
                    speaker_text: quote.speaker_text.as_ref().map(|a| a.text.clone()),
                    tone: t.tone,
                    score: f64::from(t.score),
                    words: anchors(document, &t.evidence),
                });
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
            .map(|(e, framing)| OutletActor {
                entity: self
                    .entity_ids
                    .get(e)
                    .copied()
                    .unwrap_or_default()
                    .to_string(),
                labels: framing.labels,
                tone: actor_tone(framing.tones),
                quoted_tones: framing.quoted,
            })
            .collect();
        (actors, ranked_terms(terms))
    }
}

/// What one outlet's articles say of one actor, gathered before it is summed up.
#[derive(Default)]
struct ActorFraming {
    labels: Vec<OutletLabel>,
    tones: Vec<DocumentTone>,
    quoted: Vec<QuotedTone>,
}

/// Folds a second tone of the same article toward the same actor into the first: scores
/// weighted by sentences, sentences added, judgements merged in text order (a sentence
/// judged twice is kept once).
fn merge(seen: &mut DocumentTone, next: DocumentTone) {
    let total = seen.sentences + next.sentences;
    if total > 0 {
        seen.score = (seen.score * seen.sentences as f64 + next.score * next.sentences as f64)
            / total as f64;
    }
    seen.sentences = total;
    seen.tone = Tone::of_score(seen.score);
    seen.evidence.extend(next.evidence);
    seen.by_sentence.extend(next.by_sentence);
    seen.by_sentence
        .sort_by_key(|t| (t.sentence.start, t.sentence.end));
    seen.by_sentence.dedup_by_key(|t| t.sentence);
}

fn anchors(document: &DossierDocument, anchors: &[parallax_core::Anchor]) -> Vec<Evidence> {
    anchors
        .iter()
        .map(|a| evidence(document, a.span, &a.text))
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::{
        Anchor, Entity, EntityMention, EntityTone, EntityType, Label, LabelForm, LoadedTerm,
        LocalEntity, Mention, MentionKind,
    };

    const D1: &str = "Kokoity, the rebel leader, spoke. Kokoity was reckless. A Reckless plan.";
    const D2: &str = "Kokoity was brave. He was wise.";

    fn span_of(text: &str, needle: &str, nth: usize) -> Span {
        let at = text.match_indices(needle).nth(nth).map_or(0, |(at, _)| at);
        Span::new(at, at + needle.len())
    }

    fn document(id: &str, text: &str) -> DossierDocument {
        let mut sentences = Vec::new();
        let mut start = 0;
        for (at, _) in text.match_indices(". ") {
            sentences.push(Span::new(start, at + 1));
            start = at + 2;
        }
        sentences.push(Span::new(start, text.len()));
        DossierDocument {
            id: id.into(),
            text: text.into(),
            title: None,
            outlet: Some("Meridian".into()),
            published: None,
            source: id.into(),
            url: None,
            authors: vec![],
            paragraphs: vec![],
            sentences,
            voice: Vec::new(),
            time_anchor: None,
            diagnostics: vec![],
        }
    }

    fn mention(text: &str, span: Span) -> Mention {
        Mention {
            span,
            text: span.text(text).to_string(),
            entity_type: EntityType::Person,
            kind: MentionKind::Name,
            role: None,
            local_entity: Some(0),
        }
    }

    fn label(text: &str, span: Span, mention: usize, voice: Speech) -> Label {
        Label {
            span,
            text: span.text(text).to_string(),
            form: LabelForm::Appositive,
            mention,
            local_entity: Some(0),
            voice,
            quote: None,
        }
    }

    fn tone(text: &str, score: f32, sentences: usize, words: &[Span]) -> EntityTone {
        EntityTone {
            local_entity: 0,
            tone: Tone::of_score(f64::from(score)),
            score,
            sentences,
            evidence: words.iter().filter_map(|&s| Anchor::new(text, s)).collect(),
        }
    }

    fn term(text: &str, span: Span, sentence: usize, voice: Speech) -> LoadedTerm {
        LoadedTerm {
            span,
            text: span.text(text).to_string(),
            sentence,
            voice,
        }
    }

    /// Two articles of one outlet about Kokoity: d1 labels him twice (once through a mention
    /// no entity resolved) and is negative about him; d2 is positive over more sentences.
    fn corpus() -> (Dossier, Vec<Analysis>) {
        let k1 = span_of(D1, "Kokoity", 0);
        let k2 = span_of(D1, "Kokoity", 1);
        let stray = span_of(D1, "A Reckless plan", 0);
        let d1 = Analysis {
            doc: "d1".into(),
            mentions: vec![mention(D1, k1), mention(D1, k2), mention(D1, stray)],
            local_entities: vec![LocalEntity {
                name: "Kokoity".into(),
                entity_type: EntityType::Person,
                mentions: vec![0, 1],
                roles: vec![],
                country: None,
            }],
            labels: vec![
                label(D1, span_of(D1, "the rebel leader", 0), 0, Speech::Author),
                label(D1, stray, 2, Speech::Author),
            ],
            tones: vec![tone(D1, -0.5, 1, &[span_of(D1, "reckless", 0)])],
            loaded_terms: vec![
                term(D1, span_of(D1, "Reckless", 0), 2, Speech::Quoted),
                term(D1, span_of(D1, "reckless", 0), 1, Speech::Author),
            ],
            ..Analysis::default()
        };
        let k = span_of(D2, "Kokoity", 0);
        let d2 = Analysis {
            doc: "d2".into(),
            mentions: vec![mention(D2, k)],
            local_entities: vec![LocalEntity {
                name: "Kokoity".into(),
                entity_type: EntityType::Person,
                mentions: vec![0],
                roles: vec![],
                country: None,
            }],
            tones: vec![tone(D2, 0.5, 3, &[span_of(D2, "brave", 0)])],
            ..Analysis::default()
        };
        let mut dossier = Dossier::empty();
        dossier.documents = vec![document("d1", D1), document("d2", D2)];
        let evidence_of = |doc: &str, text: &str, span: Span| EntityMention {
            evidence: Evidence {
                doc: doc.into(),
                span,
                text: span.text(text).to_string(),
                sentence: span,
            },
            kind: MentionKind::Name,
        };
        dossier.entities = vec![Entity {
            id: "e-kokoity".into(),
            name: "Kokoity".into(),
            entity_type: EntityType::Person,
            aliases: vec![],
            roles: vec![],
            mentions: vec![
                evidence_of("d1", D1, k1),
                evidence_of("d1", D1, k2),
                evidence_of("d2", D2, k),
            ],
        }];
        (dossier, vec![d1, d2])
    }

    fn profile(docs: &[&str]) -> (Vec<OutletActor>, Vec<OutletTerm>) {
        let (dossier, analyses) = corpus();
        let by_doc: HashMap<&str, &Analysis> =
            analyses.iter().map(|a| (a.doc.as_str(), a)).collect();
        Framing::new(&dossier, &by_doc).of_outlet(docs)
    }

    #[test]
    fn labels_go_to_the_resolved_entity_with_their_sentence() {
        let (actors, _) = profile(&["d1"]);
        assert_eq!(actors.len(), 1, "the unresolved mention's label is dropped");
        let actor = &actors[0];
        assert_eq!(actor.entity, "e-kokoity");
        let texts: Vec<&str> = actor
            .labels
            .iter()
            .map(|l| l.evidence.text.as_str())
            .collect();
        assert_eq!(texts, ["the rebel leader"]);
        let label = &actor.labels[0];
        assert_eq!(label.evidence.doc, "d1");
        assert_eq!(
            label.evidence.sentence.text(D1),
            "Kokoity, the rebel leader, spoke."
        );
        assert_eq!(
            (label.form, label.voice),
            (LabelForm::Appositive, Speech::Author)
        );
    }

    #[test]
    fn tone_is_the_mean_of_articles_weighted_by_sentences() {
        let (actors, _) = profile(&["d1", "d2"]);
        let tone = actors[0].tone.as_ref().expect("a tone");
        assert_eq!(tone.sentences, 4);
        assert!((tone.score - 0.25).abs() < 1e-9, "{}", tone.score);
        assert_eq!(tone.tone, Tone::Positive);
        let docs: Vec<(&str, Tone)> = tone
            .documents
            .iter()
            .map(|d| (d.doc.as_str(), d.tone))
            .collect();
        assert_eq!(docs, [("d1", Tone::Negative), ("d2", Tone::Positive)]);
        assert_eq!(tone.documents[0].evidence[0].text, "reckless");
        assert_eq!(actor_tone(Vec::new()), None);
    }

    #[test]
    fn loaded_terms_merge_case_and_put_the_outlets_own_voice_first() {
        let (_, terms) = profile(&["d1"]);
        assert_eq!(terms.len(), 1);
        let t = &terms[0];
        assert_eq!((t.term.as_str(), t.author, t.quoted), ("reckless", 1, 1));
        let evidence: Vec<&str> = t.evidence.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(evidence, ["reckless", "Reckless"], "own voice first");
    }

    #[test]
    fn terms_rank_by_own_voice_then_all_uses_and_cap_their_evidence() {
        let use_of = |voice| (voice, evidence(&document("d", "x"), Span::new(0, 1), "x"));
        let entry = |name: &str, author: usize, quoted: usize| {
            let mut uses: Vec<(Speech, Evidence)> = Vec::new();
            uses.extend((0..quoted).map(|_| use_of(Speech::Quoted)));
            uses.extend((0..author).map(|_| use_of(Speech::Author)));
            let term = OutletTerm {
                term: name.to_string(),
                author,
                quoted,
                evidence: Vec::new(),
            };
            (name.to_string(), (term, uses))
        };
        let terms = HashMap::from([
            entry("quoted-often", 0, 30),
            entry("own-once", 1, 0),
            entry("own-once-quoted", 1, 2),
            entry("own-often", 12, 3),
        ]);
        let ranked = ranked_terms(terms);
        let order: Vec<&str> = ranked.iter().map(|t| t.term.as_str()).collect();
        assert_eq!(
            order,
            ["own-often", "own-once-quoted", "own-once", "quoted-often"]
        );
        assert_eq!(ranked[0].evidence.len(), MAX_TERM_EVIDENCE);
        assert_eq!(ranked[3].evidence.len(), MAX_TERM_EVIDENCE);
    }

    #[test]
    fn documents_without_an_analysis_are_skipped() {
        let (actors, terms) = profile(&["nope"]);
        assert!(actors.is_empty() && terms.is_empty());
    }
}
