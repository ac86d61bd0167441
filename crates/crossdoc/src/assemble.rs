//! Laying out the dossier: documents, resolved entities, quotes, figures and times, each item
//! with its document id, span, exact text and the sentence that contains it.
//!
//! Documents are ordered by publication date (undated last), then outlet, then id, and every
//! list follows document order then text order, so the same corpus always gives the same
//! dossier byte for byte.

use crate::resolve::{resolve_in_stories, Resolution};
use parallax_core::text::without_relative_clause;
use parallax_core::{
    Analysis, Document, Dossier, DossierDocument, DossierFigure, DossierQuote, DossierTime, Entity,
    EntityMention, Evidence, MentionKind, SkippedInput, Span,
};
use std::collections::HashMap;
use std::time::{Duration, Instant};

/// Wall time of each cross-document sub-stage, in the order they ran.
#[derive(Debug, Clone, Default)]
pub struct CrossdocTimes(pub Vec<(&'static str, Duration)>);

impl CrossdocTimes {
    /// Runs `f`, adding its wall time under `stage`.
    fn time<T>(&mut self, stage: &'static str, f: impl FnOnce() -> T) -> T {
        let clock = Instant::now();
        let out = f();
        self.0.push((stage, clock.elapsed()));
        out
    }
}

/// The order documents are laid out and streamed in: by publication time as an instant
/// (undated last), then outlet, then id.
pub(crate) fn publication_key(
    doc: &Document,
) -> (bool, Option<i64>, Option<&str>, Option<&str>, &str) {
    (
        doc.meta.published.is_none(),
        doc.published_instant(),
        doc.meta.published.as_deref(),
        doc.meta.outlet.as_deref(),
        &doc.id,
    )
}

/// Builds the dossier of `corpus` (documents with their analyses).
pub fn build_dossier(corpus: &[(Document, Analysis)], skipped: &[SkippedInput]) -> Dossier {
    build_dossier_timed(corpus, skipped).0
}

/// [`build_dossier`], also returning the wall time of each sub-stage.
pub fn build_dossier_timed(
    corpus: &[(Document, Analysis)],
    skipped: &[SkippedInput],
) -> (Dossier, CrossdocTimes) {
    build(corpus, skipped, crate::stories::stories)
}

/// [`build_dossier`] with the stories given, not clustered: `story_of[i]` is the story key of
/// `corpus[i]`, articles with one key being one story. A distributed run clusters stories by
/// partition and then builds each story's dossier with this (docs/scale.md).
pub fn build_dossier_in_stories(
    corpus: &[(Document, Analysis)],
    skipped: &[SkippedInput],
    story_of: &[String],
) -> Dossier {
    // `build` hands the stories function the corpus in its own (publication) order, with
    // outlets respelled: the keys follow the articles by id.
    let key_of: HashMap<&str, &str> = corpus
        .iter()
        .zip(story_of)
        .map(|((doc, _), key)| (doc.id.as_str(), key.as_str()))
        .collect();
    build(corpus, skipped, |pairs| {
        let keys: Vec<String> = pairs
            .iter()
            .map(|(doc, _)| {
                key_of
                    .get(doc.id.as_str())
                    .copied()
                    .unwrap_or("")
                    .to_string()
            })
            .collect();
        crate::stories::given(pairs, &keys)
    })
    .0
}

/// Lays out the dossier of `corpus`, its stories found by `stories` (given the corpus in
/// publication order).
fn build(
    corpus: &[(Document, Analysis)],
    skipped: &[SkippedInput],
    stories: impl FnOnce(&[(&Document, &Analysis)]) -> Vec<parallax_core::Story>,
) -> (Dossier, CrossdocTimes) {
    let mut times = CrossdocTimes::default();
    let clock = Instant::now();
    // One name per outlet before anything groups by it (core's outlet_names); only the
    // documents whose outlet is respelled are copied.
    let renames = parallax_core::outlet_names::renames(
        corpus
            .iter()
            .filter_map(|(doc, _)| doc.meta.outlet.as_deref()),
    );
    let respelled: HashMap<usize, Document> = corpus
        .iter()
        .enumerate()
        .filter_map(|(i, (doc, _))| {
            let name = renames.get(doc.meta.outlet.as_deref()?)?;
            let mut doc = doc.clone();
            doc.meta.outlet = Some(name.clone());
            Some((i, doc))
        })
        .collect();
    let document = |i: usize| respelled.get(&i).unwrap_or(&corpus[i].0);
    let mut order: Vec<usize> = (0..corpus.len()).collect();
    order.sort_by(|&a, &b| publication_key(document(a)).cmp(&publication_key(document(b))));
    let docs: Vec<&Document> = order.iter().map(|&i| document(i)).collect();
    let analyses: Vec<&Analysis> = order.iter().map(|&i| &corpus[i].1).collect();
    times.0.push(("order", clock.elapsed()));
    let pairs: Vec<(&Document, &Analysis)> =
        docs.iter().copied().zip(analyses.iter().copied()).collect();
    let stories = times.time("stories", || stories(&pairs));
    let story_of = story_of_documents(&docs, &stories);
    let resolution = times.time("resolve", || resolve_in_stories(&analyses, &story_of));
    let entity_ids = entity_ids(&resolution);
    let clock = Instant::now();

    let mut dossier = Dossier::empty();
    dossier.skipped = skipped.to_vec();
    for (doc, analysis) in docs.iter().zip(&analyses) {
        dossier.documents.push(DossierDocument {
            id: doc.id.clone(),
            text: doc.text.clone(),
            title: doc.meta.title.clone(),
            outlet: doc.meta.outlet.clone(),
            published: doc.meta.published.clone(),
            source: doc.source.clone(),
            url: doc.meta.url.clone(),
            authors: doc.meta.authors.clone(),
            paragraphs: analysis.segmentation.paragraphs.clone(),
            sentences: analysis
                .segmentation
                .sentences
                .iter()
                .map(|s| s.span)
                .collect(),
            voice: sentence_voices(analysis),
            time_anchor: analysis.time_anchor.clone(),
            diagnostics: doc
                .diagnostics
                .iter()
                .chain(&analysis.diagnostics)
                .cloned()
                .collect(),
        });
    }
    times.0.push(("documents", clock.elapsed()));
    dossier.entities = times.time("entities", || {
        entities(&docs, &analyses, &resolution, &entity_ids)
    });
    let clock = Instant::now();
    let entity_names: HashMap<&str, &str> = dossier
        .entities
        .iter()
        .map(|e| (e.id.as_str(), e.name.as_str()))
        .collect();
    let speaker_of = |d: usize, mention: Option<usize>| -> Option<String> {
        let local = analyses[d].mentions.get(mention?)?.local_entity?;
        resolution
            .of_local
            .get(&(d, local))
            .map(|&e| entity_ids[e].clone())
    };
    for (d, (doc, analysis)) in docs.iter().zip(&analyses).enumerate() {
        for quote in &analysis.quotes {
            dossier.quotes.push(DossierQuote {
                id: format!("q{}", dossier.quotes.len() + 1),
                evidence: evidence(doc, analysis, quote.span, &quote.text),
                kind: quote.kind,
                cue: quote.cue.clone(),
                speaker: speaker_of(d, quote.speaker_mention),
                speaker_text: quote.speaker_text.as_ref().map(|s| s.text.clone()),
                speaker_span: quote.speaker_text.as_ref().map(|s| s.span),
                channel: quote.channel.clone(),
                group: None,
            });
        }
        for figure in &analysis.figures {
            let quote = figure.quote.and_then(|q| analysis.quotes.get(q));
            let speaker = quote.and_then(|q| speaker_of(d, q.speaker_mention));
            // The speaker's words keep any relative clause ("GOP sources who provided the
            // draft to CNN on condition of anonymity because …"); beside a figure the head
            // says who, and a pronoun ("he") says it through the entity it resolved to.
            let words = quote
                .and_then(|q| q.speaker_text.as_ref())
                .map(|s| s.text.as_str());
            let pronoun = quote
                .and_then(|q| analysis.mentions.get(q.speaker_mention?))
                .is_some_and(|m| m.kind == MentionKind::Pronoun)
                || words.is_some_and(is_pronoun);
            // The author's own "I" or "we" is the outlet speaking.
            let author = speaker.is_none() && words.is_some_and(is_first_person);
            let asserted_by = speaker
                .as_ref()
                .filter(|_| pronoun)
                .and_then(|id| entity_names.get(id.as_str()).map(|name| name.to_string()))
                .or_else(|| {
                    quote
                        .and_then(|q| q.speaker_text.as_ref())
                        .filter(|_| !author)
                        .map(|s| without_relative_clause(&s.text).to_string())
                })
                .or_else(|| doc.meta.outlet.clone());
            dossier.figures.push(DossierFigure {
                id: format!("f{}", dossier.figures.len() + 1),
                doc: doc.id.clone(),
                sentence: sentence_of(analysis, figure.span),
                figure: figure.clone(),
                speaker,
                asserted_by,
            });
        }
        for time in &analysis.times {
            dossier.times.push(DossierTime {
                id: format!("t{}", dossier.times.len() + 1),
                doc: doc.id.clone(),
                sentence: sentence_of(analysis, time.span),
                time: time.clone(),
                anchor: if time.relative {
                    time.section_anchor
                        .clone()
                        .or_else(|| analysis.time_anchor.clone())
                } else {
                    None
                },
            });
        }
    }
    times.0.push(("quotes, figures, times", clock.elapsed()));
    let clock = Instant::now();
    let mut reports = Vec::new();
    for (d, (doc, analysis)) in docs.iter().zip(&analyses).enumerate() {
        let name = |actor: &parallax_core::EventActor| -> String {
            // A nationality names its country; a resolved entity its cross-document name.
            let local = actor
                .local_entity
                .and_then(|e| analysis.local_entities.get(e));
            match (actor.local_entity, local) {
                (Some(e), Some(le)) if le.country.is_none() => resolution
                    .of_local
                    .get(&(d, e))
                    .and_then(|&i| entity_names.get(entity_ids[i].as_str()))
                    .map_or_else(|| actor.name.clone(), |n| n.to_string()),
                _ => actor.name.clone(),
            }
        };
        for event in &analysis.events {
            let quote = event.quote.and_then(|q| analysis.quotes.get(q));
            let reported_by = quote.and_then(|q| {
                speaker_of(d, q.speaker_mention)
                    .and_then(|id| entity_names.get(id.as_str()).map(|n| n.to_string()))
                    .or_else(|| q.speaker_text.as_ref().map(|s| s.text.clone()))
            });
            reports.push(crate::events::Report {
                report: parallax_core::EventReport {
                    evidence: evidence(doc, analysis, event.trigger.span, &event.trigger.text),
                    outlet: doc
                        .meta
                        .outlet
                        .clone()
                        .unwrap_or_else(|| parallax_core::UNKNOWN_OUTLET.to_string()),
                    event_type: event.event_type,
                    source: event.source.iter().map(name).collect(),
                    target: event.target.iter().map(name).collect(),
                    location: event.location.as_ref().map(|l| l.text.clone()),
                    place: event
                        .place
                        .and_then(|p| analysis.places.get(p))
                        .and_then(|p| p.place.clone()),
                    date: event.date.as_ref().map(|t| t.value.clone()),
                    date_from_anchor: event.date.as_ref().is_some_and(|t| t.from_anchor),
                    reported_by,
                    asserted: event.asserted,
                    reason: event.reason,
                    modality: event.modality.clone(),
                },
                mode: event.mode.clone(),
            });
        }
    }
    times.0.push(("event reports", clock.elapsed()));
    dossier.stories = stories;
    dossier.reuse = times.time("reuse", || crate::reuse::find_reuse(&pairs));
    dossier.places = times.time("places", || {
        crate::places::gather(&docs, &analyses, &dossier.stories)
    });
    link_cross_source(&mut dossier, &analyses, reports, &mut times);
    (dossier, times)
}

/// The cross-source layers over the laid-out items: quote groups, claims, timeline, outlets.
fn link_cross_source(
    dossier: &mut Dossier,
    analyses: &[&Analysis],
    reports: Vec<crate::events::Report>,
    times: &mut CrossdocTimes,
) {
    let story_of: HashMap<String, String> = dossier
        .stories
        .iter()
        .flat_map(|s| s.documents.iter().map(move |d| (d.clone(), s.id.clone())))
        .collect();
    let (groups, group_of) = times.time("quote groups", || crate::quote_groups::align(dossier));
    for (quote, group) in dossier.quotes.iter_mut().zip(group_of) {
        quote.group = group.map(|g| groups[g].id.clone());
    }
    dossier.quote_groups = groups;
    dossier.claims = times.time("claims", || crate::claims::reconcile(dossier, &story_of));
    dossier.events = times.time("events", || crate::events::merge(reports, &story_of));
    dossier.disputes = times.time("disputes", || crate::disputes::find(dossier, &story_of));
    dossier.timeline = times.time("timeline", || crate::timeline::build(dossier, &story_of));
    let by_id: HashMap<&str, &Analysis> = analyses.iter().map(|a| (a.doc.as_str(), *a)).collect();
    dossier.outlets = times.time("outlets", || {
        crate::outlets::profiles(dossier, &dossier.claims, &story_of, &by_id)
    });
}

/// The index of the story each document (in `docs`' order) belongs to.
pub fn story_of_documents(
    docs: &[&Document],
    stories: &[parallax_core::Story],
) -> Vec<Option<usize>> {
    let index: HashMap<&str, usize> = stories
        .iter()
        .enumerate()
        .flat_map(|(s, story)| story.documents.iter().map(move |d| (d.as_str(), s)))
        .collect();
    docs.iter()
        .map(|d| index.get(d.id.as_str()).copied())
        .collect()
}

/// Whether a speaker phrase is one personal pronoun ("he", "they").
fn is_pronoun(words: &str) -> bool {
    ["he", "she", "it", "they", "i", "we"]
        .iter()
        .any(|p| words.eq_ignore_ascii_case(p))
}

/// Whether a speaker phrase is the first person ("I", "we").
fn is_first_person(words: &str) -> bool {
    ["i", "we"].iter().any(|p| words.eq_ignore_ascii_case(p))
}

/// Stable, readable entity ids from canonical names ("e:mikheil-saakashvili").
fn entity_ids(resolution: &Resolution) -> Vec<String> {
    let mut used: HashMap<String, usize> = HashMap::new();
    resolution
        .entities
        .iter()
        .map(|e| {
            let slug: String = crate::names::words(&e.name).join("-");
            let slug = if slug.is_empty() {
                "entity".to_string()
            } else {
                slug
            };
            let n = used.entry(slug.clone()).or_default();
            *n += 1;
            if *n == 1 {
                format!("e:{slug}")
            } else {
                format!("e:{slug}-{n}")
            }
        })
        .collect()
}

fn entities(
    docs: &[&Document],
    analyses: &[&Analysis],
    resolution: &Resolution,
    ids: &[String],
) -> Vec<Entity> {
    let mut out: Vec<Entity> = resolution
        .entities
        .iter()
        .zip(ids)
        .map(|(e, id)| {
            let mut mentions = Vec::new();
            for &(d, local) in &e.members {
                let analysis = analyses[d];
                for &m in &analysis.local_entities[local].mentions {
                    if let Some(mention) = analysis.mentions.get(m) {
                        mentions.push(EntityMention {
                            evidence: evidence(docs[d], analysis, mention.span, &mention.text),
                            kind: mention.kind,
                        });
                    }
                }
            }
            Entity {
                id: id.clone(),
                name: e.name.clone(),
                entity_type: e.entity_type,
                aliases: e.aliases.clone(),
                roles: e.roles.clone(),
                mentions,
            }
        })
        .collect();
    // Most-mentioned actors first: that is the order a reader wants.
    out.sort_by(|a, b| {
        b.mentions
            .len()
            .cmp(&a.mentions.len())
            .then(a.id.cmp(&b.id))
    });
    out
}

pub(crate) fn evidence(doc: &Document, analysis: &Analysis, span: Span, text: &str) -> Evidence {
    Evidence {
        doc: doc.id.clone(),
        span,
        text: text.to_string(),
        sentence: sentence_of(analysis, span),
    }
}

/// The span of the sentence containing `span` (or of the sentences it runs across).
fn sentence_of(analysis: &Analysis, span: Span) -> Span {
    let seg = &analysis.segmentation;
    let first = seg.sentence_at(span.start).map(|i| seg.sentences[i].span);
    let last = seg
        .sentence_at(span.end.saturating_sub(1).max(span.start))
        .map(|i| seg.sentences[i].span);
    match (first, last) {
        (Some(a), Some(b)) => a.cover(b),
        (Some(a), None) | (None, Some(a)) => a.cover(span),
        (None, None) => span,
    }
}

/// Each sentence's voice, parallel to the sentences; empty when any sentence has none (the
/// voice annotator did not run, or skipped a sentence it could not read).
fn sentence_voices(analysis: &Analysis) -> Vec<parallax_core::SentenceVoiceMark> {
    let n = analysis.segmentation.sentences.len();
    let mut marks = vec![None; n];
    for v in &analysis.voice {
        if let Some(slot) = marks.get_mut(v.sentence) {
            *slot = Some(parallax_core::SentenceVoiceMark {
                voice: v.voice,
                confidence: v.confidence,
            });
        }
    }
    marks
        .into_iter()
        .collect::<Option<Vec<_>>>()
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn published(id: &str, when: &str) -> Document {
        let mut d = Document::new(id, "Text.", id);
        d.meta.published = Some(when.to_string());
        d
    }

    #[test]
    fn documents_are_ordered_by_instant_across_time_zones() {
        // 08:00 in Tbilisi (+04:00) is 04:00 UTC, before 05:00 UTC in London.
        let corpus = vec![
            (
                published("london", "2008-08-11T05:00:00Z"),
                Analysis::default(),
            ),
            (
                published("tbilisi", "2008-08-11T08:00:00+04:00"),
                Analysis::default(),
            ),
            (Document::new("undated", "Text.", "u"), Analysis::default()),
        ];
        let dossier = build_dossier(&corpus, &[]);
        let order: Vec<&str> = dossier.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(order, ["tbilisi", "london", "undated"]);
    }
}
