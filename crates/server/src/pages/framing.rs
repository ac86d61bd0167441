//! How an outlet frames an actor, as shown on the entity and outlet pages: its labels (repeats
//! counted, each linked to its first sentence), its own tone toward the actor with the
//! non-neutral sentences linked, and what the people it quotes say of the actor.

use crate::links;
use crate::state::Corpus;
use maud::{html, Markup};
use parallax_core::{LabelForm, OutletActor, OutletLabel, Speech, Tone};
use std::collections::HashMap;

/// Most labels shown per outlet and actor; the rest are in the API.
const LABELS_SHOWN: usize = 20;
/// Most non-neutral sentences or quotations listed per outlet and actor.
const JUDGEMENTS_SHOWN: usize = 6;

/// The labels of one actor in one outlet, grouped, linked to their sentences; `api` is where
/// the rest are.
pub fn labels_cell(corpus: &Corpus, labels: &[OutletLabel], api: &str) -> Markup {
    let groups = grouped(labels);
    html! {
        @if groups.is_empty() { span.empty { "none" } }
        @for (label, uses) in groups.iter().take(LABELS_SHOWN) {
            div.label {
                a href=(links::evidence(corpus, &label.evidence.doc, label.evidence.span)) { (label.evidence.text) }
                " " span.tag { (format!("{:?}", label.form).to_lowercase()) }
                @if label.voice == Speech::Quoted { " " span.tag { "quoted" } }
                @if *uses > 1 { " " span.note { "×" (uses) } }
            }
        }
        @if groups.len() > LABELS_SHOWN {
            p.note { (groups.len() - LABELS_SHOWN) " more in " a href=(api) { "the API" } }
        }
    }
}

/// The outlet's own tone toward the actor, its non-neutral sentences each linked, and the
/// quoted voices' non-neutral tones.
pub fn tone_cell(corpus: &Corpus, actor: &OutletActor) -> Markup {
    html! {
        @match &actor.tone {
            Some(t) => {
                span class={ "tag tone-" (t.tone.as_str()) } title="the outlet's own tone toward the actor: its sentences mentioning it, quotations masked, weighed by salience" {
                    (t.tone.as_str()) " " (format!("{:+.2}", t.score))
                }
                " " span.note { (t.sentences) @if t.sentences == 1 { " sentence" } @else { " sentences" } }
                @for d in &t.documents {
                    @for j in d.by_sentence.iter().filter(|j| j.tone != Tone::Neutral).take(JUDGEMENTS_SHOWN) {
                        div.judgement {
                            a href=(links::evidence(corpus, &d.doc, j.sentence)) title="open the sentence" {
                                span class={ "tag tone-" (j.tone.as_str()) } { (sign(j.tone)) }
                                @if j.words.is_empty() { "sentence" }
                                @for (i, w) in j.words.iter().enumerate() { @if i > 0 { ", " } "“" (w.text) "”" }
                            }
                        }
                    }
                }
            }
            None => span.empty { "only quoted" },
        }
        @for q in actor.quoted_tones.iter().take(JUDGEMENTS_SHOWN) {
            div.judgement.quoted {
                span class={ "tag tone-" (q.tone.as_str()) } { (sign(q.tone)) }
                span.note { "quoted, " }
                @match &q.speaker {
                    Some(s) => (super::entity_link(corpus, s)),
                    None => (q.speaker_text.as_deref().unwrap_or("unattributed")),
                }
                ": "
                a href=(links::evidence(corpus, &q.evidence.doc, q.evidence.span)) { "“" (super::article::clip(&q.evidence.text, 90)) "”" }
            }
        }
    }
}

fn sign(tone: Tone) -> &'static str {
    match tone {
        Tone::Negative => "−",
        Tone::Neutral => "·",
        Tone::Positive => "+",
    }
}

/// Labels with the same text (case aside), form and voice, as (first use, number of uses), in
/// order of first use: "President ×9" rather than nine rows.
fn grouped(labels: &[OutletLabel]) -> Vec<(&OutletLabel, usize)> {
    let mut groups: Vec<(&OutletLabel, usize)> = Vec::new();
    let mut index: HashMap<(String, LabelForm, Speech), usize> = HashMap::new();
    for label in labels {
        let key = (label.evidence.text.to_lowercase(), label.form, label.voice);
        match index.get(&key) {
            Some(&g) => groups[g].1 += 1,
            None => {
                index.insert(key, groups.len());
                groups.push((label, 1));
            }
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::{Evidence, Span};

    fn label(text: &str, at: usize, voice: Speech) -> OutletLabel {
        OutletLabel {
            evidence: Evidence {
                doc: "d".into(),
                span: Span::new(at, at + text.len()),
                text: text.into(),
                sentence: Span::new(0, 100),
            },
            form: LabelForm::Premodifier,
            voice,
        }
    }

    #[test]
    fn repeated_labels_are_counted_at_their_first_use() {
        let labels = [
            label("President", 0, Speech::Author),
            label("the rebel leader", 20, Speech::Author),
            label("president", 40, Speech::Author),
            label("President", 60, Speech::Quoted),
        ];
        let groups: Vec<(&str, usize, usize)> = grouped(&labels)
            .into_iter()
            .map(|(l, n)| (l.evidence.text.as_str(), l.evidence.span.start, n))
            .collect();
        assert_eq!(
            groups,
            [
                ("President", 0, 2),
                ("the rebel leader", 20, 1),
                ("President", 60, 1)
            ]
        );
    }
}
