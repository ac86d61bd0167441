//! The tone toward each entity: per sentence, in the author's voice and in quoted voices, and
//! per article in the author's voice.
//!
//! **Per sentence.** Each sentence that mentions an entity outside quotations is read by the
//! target-dependent tone model ([`model`], features in [`features`]) with that entity as the
//! target: the words around its mentions, the other actors of the sentence read as other
//! actors, negation, and the quotations' contents masked ([`crate::speech`]; also any words in
//! double quotation marks, however short: "accused Marenia of “genocide”" is someone else's
//! word). That is the author's voice. Each mention inside a quotation is read within the
//! quotation's own words: that is the quoted speaker's tone toward the entity (who says what
//! about whom). A sentence's score is P(positive) − P(negative); its tone is the most
//! probable class.
//!
//! **Per article.** The author's tone toward an entity is the mean of its author-voice sentence
//! scores weighted by salience ([`salience`]: a headline counts [`HEADLINE_WEIGHT`] times, the
//! opening sentences [`LEAD_WEIGHT`] times, a sentence naming the entity as its first word —
//! its grammatical subject, as a rule — [`SUBJECT_WEIGHT`] times), then calibrated
//! ([`ToneModel::article`], chosen by the trainer on the BASIL training events) so that
//! [`Tone::THRESHOLD`] separates the article tones: a news report that mentions a politician
//! in a dozen sentences, one of them critical, is neutral toward him.
//!
//! Evidence for a non-neutral sentence is the words of its context window that pull hardest
//! toward its tone ([`ToneModel::pull`]).

pub mod features;
pub mod fit;
pub mod model;
pub mod view;

pub use model::{ToneModel, ToneModelError};

use crate::speech::QuoteMask;
use features::{Reading, Targeted};
use parallax_core::{
    Anchor, Diagnostic, Document, EntityTone, LocalEntity, Mention, ParagraphRole, Quote,
    Segmentation, SentenceTone, Span, Speech, Tone,
};
use std::ops::Range;
use std::sync::LazyLock;
use view::View;

/// The trained tone model, decoded on first use.
static MODEL: LazyLock<Result<ToneModel, ToneModelError>> =
    LazyLock::new(|| ToneModel::decode(include_bytes!("../../model/tone.bin.gz")));

/// The embedded tone model, or why it cannot be used.
pub fn embedded_model() -> Result<&'static ToneModel, &'static ToneModelError> {
    MODEL.as_ref()
}

/// A negator reverses polar words up to this many words after it.
pub const NEGATION_REACH: usize = 3;
/// Salience of a headline sentence.
pub const HEADLINE_WEIGHT: f32 = 2.0;
/// Salience of the article's first [`LEAD_SENTENCES`] body sentences.
pub const LEAD_WEIGHT: f32 = 1.5;
pub const LEAD_SENTENCES: usize = 3;
/// Salience of a sentence that opens with the entity.
pub const SUBJECT_WEIGHT: f32 = 1.5;
/// Longest quotation (bytes) read for a quoted voice's tone.
const MAX_QUOTE_BYTES: usize = 2_000;
/// Evidence words kept per sentence.
const MAX_EVIDENCE: usize = 3;

/// Per-sentence and per-article tones of one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tones {
    pub sentences: Vec<SentenceTone>,
    pub entities: Vec<EntityTone>,
    pub diagnostics: Vec<Diagnostic>,
}

/// The tones of `doc` toward its local entities, with the embedded model; when the model is
/// unusable, no tones and one diagnostic.
pub fn tones(
    doc: &Document,
    seg: &Segmentation,
    mentions: &[Mention],
    local_entities: &[LocalEntity],
    quotes: &[Quote],
    mask: &QuoteMask,
) -> Tones {
    match embedded_model() {
        Ok(model) => tones_with(model, doc, seg, mentions, local_entities, quotes, mask),
        Err(e) => Tones {
            diagnostics: vec![Diagnostic::error(
                "framing",
                format!("tone model unusable: {e}"),
            )],
            ..Tones::default()
        },
    }
}

/// [`tones`] with a given model.
pub fn tones_with(
    model: &ToneModel,
    doc: &Document,
    seg: &Segmentation,
    mentions: &[Mention],
    local_entities: &[LocalEntity],
    quotes: &[Quote],
    mask: &QuoteMask,
) -> Tones {
    let mut out = Tones::default();
    // Resolved mentions of named entities in text order, each with its entity. An unnamed
    // actor ("the gunman") is nobody a reader could look up, and the model was fitted on
    // named targets: its mentions are read as plain words. So is a nationality or other
    // proper adjective qualifying a noun ("Jewish critics", "US-led forces"): the tone of
    // the sentence is toward the critics or the forces, not toward a people.
    let mut resolved: Vec<(usize, Span, usize)> = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| !parallax_core::modifiers::is_modifier(&doc.text, m))
        .filter_map(|(i, m)| Some((i, m.span, m.local_entity?)))
        .filter(|(_, span, e)| {
            local_entities
                .get(*e)
                .is_some_and(|le| le.is_named(mentions))
                && span.slice(&doc.text).is_ok()
        })
        .collect();
    resolved.sort_by_key(|(i, span, _)| (span.start, *i));
    let mut at = 0;
    for (index, sentence) in seg.sentences.iter().enumerate() {
        let Ok(text) = sentence.span.slice(&doc.text) else {
            continue;
        };
        while at < resolved.len() && resolved[at].1.start < sentence.span.start {
            at += 1;
        }
        let end = resolved[at..].partition_point(|(_, s, _)| s.start < sentence.span.end);
        let here = &resolved[at..at + end];
        if here.is_empty() {
            continue;
        }
        let author: Vec<&(usize, Span, usize)> = here
            .iter()
            .filter(|(_, s, _)| {
                mask.speech_of(*s).0 == Speech::Author && s.end <= sentence.span.end
            })
            .collect();
        if !author.is_empty() {
            let masked = masked_ranges(text, sentence.span, quotes, mask);
            let ranges: Vec<Range<usize>> = author
                .iter()
                .map(|(_, s, _)| s.start - sentence.span.start..s.end - sentence.span.start)
                .collect();
            let view = View::new(text, &ranges, &masked);
            judge(
                model,
                &doc.text,
                sentence.span.start,
                &view,
                &author,
                index,
                mentions,
                (Speech::Author, None),
                &mut out.sentences,
            );
        }
    }
    quoted_tones(
        model,
        doc,
        seg,
        &resolved,
        mentions,
        quotes,
        &mut out.sentences,
    );
    // A sentence inside nested quotations (an indirect quote within a pasted block quote) is
    // judged once per entity, within the innermost (shortest) quotation.
    let length = |t: &SentenceTone| {
        t.quote
            .and_then(|q| quotes.get(q))
            .map_or(0, |q| q.span.len())
    };
    out.sentences
        .sort_by_key(|t| (t.sentence, t.voice, t.local_entity, length(t), t.mention));
    out.sentences.dedup_by(|b, a| {
        (a.sentence, a.voice, a.local_entity) == (b.sentence, b.voice, b.local_entity)
    });
    out.entities = article_tones(seg, mentions, &out.sentences)
        .into_iter()
        .map(|(entity, mean, judged)| {
            let score = calibrate(model, mean);
            EntityTone {
                local_entity: entity,
                tone: tone_of(score),
                score,
                sentences: judged.len(),
                evidence: judged
                    .iter()
                    .flat_map(|t| t.evidence.iter().cloned())
                    .collect(),
            }
        })
        .collect();
    out
}

/// Classifies the view once per entity among `targets` (mention index, span, entity) and
/// appends the judgements; `offset` is the view's start in `text`.
#[allow(clippy::too_many_arguments)]
fn judge(
    model: &ToneModel,
    text: &str,
    offset: usize,
    view: &View,
    targets: &[&(usize, Span, usize)],
    sentence: usize,
    mentions: &[Mention],
    voice: (Speech, Option<usize>),
    out: &mut Vec<SentenceTone>,
) {
    let reading = Reading::new(view);
    let mut entities: Vec<usize> = targets.iter().map(|(_, _, e)| *e).collect();
    entities.sort_unstable();
    entities.dedup();
    for entity in entities {
        let own: Vec<usize> = (0..targets.len())
            .filter(|&k| targets[k].2 == entity)
            .collect();
        let positions = view.positions(&own);
        if positions.is_empty() {
            continue;
        }
        let first = targets[own[0]].0;
        let target_words = mention_words(mentions.get(first).map_or("", |m| m.text.as_str()));
        let t = Targeted::new(&reading, positions, &target_words);
        let (class, p) = model.classify(&t);
        let tone = [Tone::Negative, Tone::Neutral, Tone::Positive][class];
        let evidence = if tone == Tone::Neutral {
            Vec::new()
        } else {
            model
                .pull(&t, class, MAX_EVIDENCE)
                .into_iter()
                .filter_map(|i| {
                    let r = &view.tokens.get(i)?.range;
                    Anchor::new(text, Span::new(offset + r.start, offset + r.end))
                })
                .collect()
        };
        out.push(SentenceTone {
            sentence,
            local_entity: entity,
            mention: first,
            tone,
            score: p[2] - p[0],
            voice: voice.0,
            quote: voice.1,
            evidence,
        });
    }
}

/// The quoted voices: each quotation's tone toward the entities it mentions, read within its
/// own words, sentence by sentence (a block quote of several sentences is judged per sentence).
fn quoted_tones(
    model: &ToneModel,
    doc: &Document,
    seg: &Segmentation,
    resolved: &[(usize, Span, usize)],
    mentions: &[Mention],
    quotes: &[Quote],
    out: &mut Vec<SentenceTone>,
) {
    for (q, quote) in quotes.iter().enumerate() {
        if quote.span.len() > MAX_QUOTE_BYTES {
            continue;
        }
        let first = seg
            .sentences
            .partition_point(|s| s.span.end <= quote.span.start);
        for (index, sentence) in seg.sentences.iter().enumerate().skip(first) {
            if sentence.span.start >= quote.span.end {
                break;
            }
            let span = Span::new(
                quote.span.start.max(sentence.span.start),
                quote.span.end.min(sentence.span.end),
            );
            let Ok(text) = span.slice(&doc.text) else {
                continue;
            };
            let from = resolved.partition_point(|(_, s, _)| s.start < span.start);
            let inside: Vec<&(usize, Span, usize)> = resolved[from..]
                .iter()
                .take_while(|(_, s, _)| s.start < span.end)
                .filter(|(_, s, _)| s.end <= span.end)
                .collect();
            if inside.is_empty() {
                continue;
            }
            let ranges: Vec<Range<usize>> = inside
                .iter()
                .map(|(_, s, _)| s.start - span.start..s.end - span.start)
                .collect();
            let view = View::new(text, &ranges, &[]);
            judge(
                model,
                &doc.text,
                span.start,
                &view,
                &inside,
                index,
                mentions,
                (Speech::Quoted, Some(q)),
                out,
            );
        }
    }
}

/// How much a sentence counts toward the article's tone toward an entity.
pub fn salience(
    seg: &Segmentation,
    sentence: usize,
    first_body: Option<usize>,
    opens: bool,
) -> f32 {
    let role = seg
        .sentences
        .get(sentence)
        .and_then(|s| seg.paragraphs.get(s.paragraph))
        .map(|p| p.role);
    let mut weight = match role {
        Some(ParagraphRole::Headline) => HEADLINE_WEIGHT,
        _ if first_body.is_some_and(|f| sentence >= f && sentence < f + LEAD_SENTENCES) => {
            LEAD_WEIGHT
        }
        _ => 1.0,
    };
    if opens {
        weight *= SUBJECT_WEIGHT;
    }
    weight
}

/// Per entity with author-voice judgements: its index, the salience-weighted mean of their
/// scores, and the judgements.
pub fn article_tones<'t>(
    seg: &Segmentation,
    mentions: &[Mention],
    sentences: &'t [SentenceTone],
) -> Vec<(usize, f32, Vec<&'t SentenceTone>)> {
    let first_body = seg.sentences.iter().position(|s| {
        seg.paragraphs
            .get(s.paragraph)
            .is_some_and(|p| p.role == ParagraphRole::Body)
    });
    let mut by_entity: std::collections::BTreeMap<usize, Vec<&SentenceTone>> =
        std::collections::BTreeMap::new();
    for t in sentences.iter().filter(|t| t.voice == Speech::Author) {
        by_entity.entry(t.local_entity).or_default().push(t);
    }
    by_entity
        .into_iter()
        .map(|(entity, judged)| {
            let (mut sum, mut weights) = (0f32, 0f32);
            for t in &judged {
                let opens = mentions.get(t.mention).is_some_and(|m| {
                    seg.sentences
                        .get(t.sentence)
                        .is_some_and(|s| m.span.start == s.span.start)
                });
                let w = salience(seg, t.sentence, first_body, opens);
                sum += w * t.score;
                weights += w;
            }
            let mean = if weights > 0.0 { sum / weights } else { 0.0 };
            (entity, mean, judged)
        })
        .collect()
}

/// The article score of a salience-weighted mean sentence score.
pub fn calibrate(model: &ToneModel, mean: f32) -> f32 {
    let [offset, scale] = model.article;
    (scale * (mean - offset)).clamp(-1.0, 1.0)
}

/// The tone a score stands for (see [`Tone::of_score`]).
pub fn tone_of(score: f32) -> Tone {
    Tone::of_score(f64::from(score))
}

/// The normalized words of a mention's text.
pub fn mention_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    crate::loaded::for_each_word(text, |_, w| out.push(w.to_string()));
    out
}

/// The parts of `sentence` (at `sentence_span` in the document) that are not the author's
/// words, as ranges of the sentence: quotation contents and words in quotation marks.
fn masked_ranges(
    sentence: &str,
    sentence_span: Span,
    quotes: &[Quote],
    mask: &QuoteMask,
) -> Vec<Range<usize>> {
    let mut masked = inside_quotation_marks(sentence);
    for q in mask
        .overlapping(sentence_span)
        .iter()
        .filter_map(|&i| quotes.get(i))
    {
        let start = q.span.start.max(sentence_span.start) - sentence_span.start;
        let end = q.span.end.min(sentence_span.end) - sentence_span.start;
        if start < end {
            masked.push(start..end);
        }
    }
    masked
}

/// Byte ranges of `sentence` inside double quotation marks, however short: a word in quotation
/// marks ("accused Marenia of “genocide”") is someone else's word even when the quotation
/// annotator does not take it for a quotation.
fn inside_quotation_marks(sentence: &str) -> Vec<std::ops::Range<usize>> {
    let mut found = Vec::new();
    let mut open: Option<usize> = None;
    for (at, c) in sentence.char_indices() {
        match (c, open) {
            ('\u{201c}' | '\u{ab}' | '\u{201e}', _) | ('"', None) => open = Some(at),
            ('\u{201d}' | '\u{bb}' | '"', Some(start)) => {
                found.push(start..at);
                open = None;
            }
            _ => {}
        }
    }
    found.extend(open.map(|start| start..sentence.len()));
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::{EntityType, MentionKind, QuoteKind};
    use proptest::prelude::*;

    /// The tones of `text` with one local entity per name, every occurrence a mention.
    fn tones_of(text: &str, names: &[&str], quotes: &[Quote]) -> (Vec<Mention>, Tones) {
        tones_typed(text, names, EntityType::Person, quotes)
    }

    /// [`tones_of`] with names of type `entity_type`.
    fn tones_typed(
        text: &str,
        names: &[&str],
        entity_type: EntityType,
        quotes: &[Quote],
    ) -> (Vec<Mention>, Tones) {
        let doc = Document::new("d", text, "t");
        let seg = parallax_segment::segment(text);
        let mut mentions = Vec::new();
        let mut entities = Vec::new();
        for (e, name) in names.iter().enumerate() {
            let mut own = Vec::new();
            for (at, _) in text.match_indices(name) {
                own.push(mentions.len());
                mentions.push(Mention {
                    span: Span::new(at, at + name.len()),
                    text: name.to_string(),
                    entity_type,
                    kind: MentionKind::Name,
                    role: None,
                    local_entity: Some(e),
                });
            }
            entities.push(LocalEntity {
                name: name.to_string(),
                entity_type,
                mentions: own,
                roles: vec![],
                country: None,
            });
        }
        mentions.sort_by_key(|m| m.span.start);
        let t = tones(
            &doc,
            &seg,
            &mentions,
            &entities,
            quotes,
            &QuoteMask::new(quotes),
        );
        assert!(t.diagnostics.is_empty(), "{:?}", t.diagnostics);
        (mentions, t)
    }

    fn sentence_tone(t: &Tones, entity: usize, voice: Speech) -> Option<Tone> {
        t.sentences
            .iter()
            .find(|s| s.local_entity == entity && s.voice == voice)
            .map(|s| s.tone)
    }

    #[test]
    fn an_evaluative_sentence_is_negative_and_a_plain_one_neutral() {
        let (_, t) = tones_of(
            "Kelidze made a reckless and foolish blunder.",
            &["Kelidze"],
            &[],
        );
        assert_eq!(sentence_tone(&t, 0, Speech::Author), Some(Tone::Negative));
        assert!(!t.sentences[0].evidence.is_empty());
        assert_eq!(t.entities[0].tone, Tone::Negative);
        let (_, t) = tones_of("Kelidze spoke to reporters on Friday.", &["Kelidze"], &[]);
        assert_eq!(sentence_tone(&t, 0, Speech::Author), Some(Tone::Neutral));
        assert!(t.sentences[0].evidence.is_empty());
    }

    #[test]
    fn a_people_named_as_an_adjective_gets_no_tone() {
        let (_, t) = tones_typed(
            "Jewish critics made a reckless and foolish blunder.",
            &["Jewish"],
            EntityType::Norp,
            &[],
        );
        assert!(t.sentences.is_empty() && t.entities.is_empty(), "{t:?}");
        let (_, t) = tones_typed(
            "Jews made a reckless and foolish blunder.",
            &["Jews"],
            EntityType::Norp,
            &[],
        );
        assert_eq!(sentence_tone(&t, 0, Speech::Author), Some(Tone::Negative));
    }

    #[test]
    fn a_quoted_judgement_is_the_speakers_not_the_authors() {
        let text = "Orlov said Kelidze was a reckless and dangerous liar.";
        let start = text.find("Kelidze").unwrap_or(0);
        let quote = Quote {
            span: Span::new(start, text.len() - 1),
            text: text.get(start..text.len() - 1).unwrap_or("").to_string(),
            kind: QuoteKind::Indirect,
            cue: Anchor::new(text, Span::new(6, 10)),
            speaker_text: Anchor::new(text, Span::new(0, 5)),
            speaker_mention: None,
            channel: None,
        };
        let (_, t) = tones_of(text, &["Orlov", "Kelidze"], &[quote]);
        assert_eq!(sentence_tone(&t, 1, Speech::Author), None);
        assert_eq!(sentence_tone(&t, 1, Speech::Quoted), Some(Tone::Negative));
        let quoted = t.sentences.iter().find(|s| s.voice == Speech::Quoted);
        assert_eq!(quoted.and_then(|s| s.quote), Some(0));
        assert!(t.entities.iter().all(|e| e.local_entity != 1));
    }

    #[test]
    fn words_in_quotation_marks_are_not_the_authors() {
        let (_, t) = tones_of(
            "Orlov accused Kelidze of “genocide”.",
            &["Orlov", "Kelidze"],
            &[],
        );
        for s in &t.sentences {
            assert!(s.evidence.iter().all(|w| w.text != "genocide"), "{s:?}");
        }
    }

    #[test]
    fn an_evaluative_word_about_another_actor() {
        let (_, t) = tones_of(
            "Kelidze kept his nerve this weekend while Orlov made a reckless gamble.",
            &["Kelidze", "Orlov"],
            &[],
        );
        assert_eq!(sentence_tone(&t, 1, Speech::Author), Some(Tone::Negative));
        assert_ne!(sentence_tone(&t, 0, Speech::Author), Some(Tone::Negative));
    }

    #[test]
    fn a_negated_evaluative_word() {
        let (_, t) = tones_of("Kelidze was brave and wise.", &["Kelidze"], &[]);
        assert_eq!(sentence_tone(&t, 0, Speech::Author), Some(Tone::Positive));
        let (_, t) = tones_of("Kelidze was not brave and not wise.", &["Kelidze"], &[]);
        assert_ne!(sentence_tone(&t, 0, Speech::Author), Some(Tone::Positive));
    }

    #[test]
    fn salience_weighs_headlines_leads_and_subjects() {
        let seg = parallax_segment::segment("Headline here\n\nFirst. Second. Third. Fourth.");
        let first_body = Some(1);
        assert_eq!(salience(&seg, 0, first_body, false), HEADLINE_WEIGHT);
        assert_eq!(salience(&seg, 1, first_body, false), LEAD_WEIGHT);
        assert_eq!(salience(&seg, 4, first_body, false), 1.0);
        assert_eq!(salience(&seg, 4, first_body, true), SUBJECT_WEIGHT);
    }

    proptest! {
        #[test]
        fn evidence_is_text_and_never_panics(text in "\\PC{0,160}", a in 0usize..160, b in 0usize..12) {
            let doc = Document::new("d", text.clone(), "t");
            let seg = parallax_segment::segment(&text);
            let start = parallax_core::text::floor_char_boundary(&text, a);
            let end = parallax_core::text::floor_char_boundary(&text, a + b);
            let mention = Mention {
                span: Span::new(start, end),
                text: text.get(start..end).unwrap_or("").to_string(),
                entity_type: EntityType::Person,
                kind: MentionKind::Name,
                role: None,
                local_entity: Some(0),
            };
            let entity = LocalEntity {
                name: "x".into(),
                entity_type: EntityType::Person,
                mentions: vec![0],
                roles: vec![],
                country: None,
            };
            let t = tones(&doc, &seg, &[mention], &[entity], &[], &QuoteMask::default());
            for s in &t.sentences {
                prop_assert!((-1.0..=1.0).contains(&s.score));
                for w in &s.evidence {
                    prop_assert_eq!(w.span.slice(&text).ok(), Some(w.text.as_str()));
                }
            }
        }
    }
}
