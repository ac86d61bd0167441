//! The author's tone toward each entity in one document.
//!
//! For each entity, the sentences in which it is mentioned in the author's own words (not
//! inside a quotation) are scored with the polarity lexicon ([`crate::polarity`]) over the
//! author's words only: quotations and their attributions are masked ([`crate::speech`]), as
//! is anything inside double quotation marks, and a negator ("not", "never", "n't") up to
//! [`NEGATION_REACH`] words before a polar word reverses it. A sentence's score is `tanh(sum / 2)`, so one evaluative word gives ±0.46 and several
//! saturate towards ±1; the entity's score is the mean over its sentences, in `[-1, 1]`, and
//! its tone is negative or positive beyond ±[`Tone::THRESHOLD`], neutral otherwise.
//!
//! A sentence that mentions two actors gives both the same score: the measure is the climate
//! of the sentences around an actor, not a parse of who is judged.

use crate::scan::{Notable, Scan};
use crate::speech::QuoteMask;
use parallax_core::{
    Anchor, Document, EntityTone, LocalEntity, Mention, Segmentation, Span, Speech, Tone,
};

/// A negator reverses polar words up to this many words after it.
pub const NEGATION_REACH: usize = 3;

/// The author's polar words in one sentence.
#[derive(Debug, Clone, Default)]
struct SentencePolarity {
    sum: f32,
    words: Vec<Anchor>,
}

impl SentencePolarity {
    fn score(&self) -> f32 {
        (self.sum / 2.0).tanh()
    }
}

/// The tone toward each local entity mentioned in the author's voice, by entity index.
pub fn tones(
    doc: &Document,
    seg: &Segmentation,
    mentions: &[Mention],
    local_entities: &[LocalEntity],
    mask: &QuoteMask,
) -> Vec<EntityTone> {
    let scan = Scan::new(&doc.text, seg);
    tones_from_scan(doc, seg, &scan, mentions, local_entities, mask)
}

/// [`tones`] from the words of a [`Scan`] of `doc` by `seg`.
pub fn tones_from_scan(
    doc: &Document,
    seg: &Segmentation,
    scan: &Scan,
    mentions: &[Mention],
    local_entities: &[LocalEntity],
    mask: &QuoteMask,
) -> Vec<EntityTone> {
    let mut polarities: Vec<Option<SentencePolarity>> = vec![None; seg.sentences.len()];
    let mut out = Vec::new();
    for (index, entity) in local_entities.iter().enumerate() {
        let mut sentences: Vec<usize> = entity
            .mentions
            .iter()
            .filter_map(|&m| mentions.get(m))
            .filter(|m| mask.speech_of(m.span).0 == Speech::Author)
            .filter_map(|m| seg.sentence_at(m.span.start))
            .collect();
        sentences.sort_unstable();
        sentences.dedup();
        if sentences.is_empty() {
            continue;
        }
        let mut total = 0.0;
        let mut evidence: Vec<Anchor> = Vec::new();
        for &s in &sentences {
            let polarity = polarities[s].get_or_insert_with(|| {
                sentence_polarity(&doc.text, seg.sentences[s].span, scan.sentence(s), mask)
            });
            total += polarity.score();
            evidence.extend(polarity.words.iter().cloned());
        }
        let score = total / sentences.len() as f32;
        out.push(EntityTone {
            local_entity: index,
            tone: tone_of(score),
            score,
            sentences: sentences.len(),
            evidence,
        });
    }
    out
}

/// The tone a score stands for (see [`Tone::of_score`]).
pub fn tone_of(score: f32) -> Tone {
    Tone::of_score(f64::from(score))
}

/// The polar words of the author's part of `sentence`, from its notable `words`.
fn sentence_polarity(
    text: &str,
    sentence: Span,
    words: &[Notable],
    mask: &QuoteMask,
) -> SentencePolarity {
    let mut out = SentencePolarity::default();
    if words.is_empty() {
        return out;
    }
    let Ok(slice) = sentence.slice(text) else {
        return out;
    };
    let marked = inside_quotation_marks(slice);
    let mut negated_until = 0usize;
    for word in words {
        let at = word.span.start;
        let relative = at.saturating_sub(sentence.start);
        if mask.is_masked(at) || marked.iter().any(|r| r.contains(&relative)) {
            continue;
        }
        if word.negator {
            negated_until = word.position + NEGATION_REACH;
            continue;
        }
        let value = word.entry.polarity();
        if value == 0 {
            continue;
        }
        let sign = if word.position <= negated_until {
            -1.0
        } else {
            1.0
        };
        out.sum += sign * f32::from(value);
        out.words.extend(Anchor::new(text, word.span));
    }
    out
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
    use parallax_core::{EntityType, MentionKind, Quote, QuoteKind};

    fn tone_for(text: &str, name: &str, quotes: &[Quote]) -> Option<EntityTone> {
        let doc = Document::new("d", text, "t");
        let seg = parallax_segment::segment(text);
        let mentions: Vec<Mention> = text
            .match_indices(name)
            .map(|(at, _)| Mention {
                span: Span::new(at, at + name.len()),
                text: name.to_string(),
                entity_type: EntityType::Person,
                kind: MentionKind::Name,
                role: None,
                local_entity: Some(0),
            })
            .collect();
        let entity = LocalEntity {
            name: name.to_string(),
            entity_type: EntityType::Person,
            mentions: (0..mentions.len()).collect(),
            roles: vec![],
            country: None,
        };
        tones(&doc, &seg, &mentions, &[entity], &QuoteMask::new(quotes))
            .into_iter()
            .next()
    }

    #[test]
    fn negative_positive_and_neutral() {
        let t = tone_for(
            "Kelidze made a reckless and foolish gamble.",
            "Kelidze",
            &[],
        );
        assert_eq!(t.as_ref().map(|t| t.tone), Some(Tone::Negative));
        assert_eq!(t.map(|t| t.evidence.len()), Some(3));
        let t = tone_for("Kelidze was brave and wise.", "Kelidze", &[]);
        assert_eq!(t.map(|t| t.tone), Some(Tone::Positive));
        let t = tone_for(
            "Kelidze spoke on Friday. 15 people were killed.",
            "Kelidze",
            &[],
        );
        assert_eq!(t.map(|t| t.tone), Some(Tone::Neutral));
    }

    #[test]
    fn words_in_quotation_marks_are_not_the_authors() {
        let t = tone_for("Orlov accused Kelidze of “genocide”.", "Kelidze", &[]);
        assert_eq!(
            t.map(|t| (t.tone, t.evidence.len())),
            Some((Tone::Neutral, 0))
        );
    }

    #[test]
    fn negation_reverses() {
        let t = tone_for("Kelidze was not reckless.", "Kelidze", &[]);
        assert_eq!(t.map(|t| t.tone), Some(Tone::Positive));
    }

    #[test]
    fn quotations_are_excluded() {
        let text = "Orlov said Kelidze was a reckless dictator.";
        let start = text.find("Kelidze").unwrap_or(0);
        let quote = Quote {
            span: Span::new(start, text.len() - 1),
            text: text.get(start..text.len() - 1).unwrap_or("").to_string(),
            kind: QuoteKind::Indirect,
            cue: None,
            speaker_text: None,
            speaker_mention: None,
            channel: None,
        };
        // Kelidze is only mentioned inside the quotation: no author-voice tone at all.
        assert!(tone_for(text, "Kelidze", std::slice::from_ref(&quote)).is_none());
        // Orlov's sentence, with the quotation masked, is neutral.
        let t = tone_for(text, "Orlov", &[quote]);
        assert_eq!(
            t.map(|t| (t.tone, t.evidence.len())),
            Some((Tone::Neutral, 0))
        );
    }
}
