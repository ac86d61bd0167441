//! Personal pronouns resolved to people.
//!
//! Rules: he, him, his, himself look for a male or unknown-gender person; she, her, hers,
//! herself for a female or unknown-gender one. The pronoun goes to the person mentioned most
//! recently before it (by name or nominal) in its sentence or the two before, whose entity's
//! gender does not contradict the pronoun. A pronoun with no such person is left out rather
//! than guessed. Pronouns inside quotations are treated like any other (a known limitation:
//! "I" and "we" are not resolved at all).

use super::{Context, Linked};
use crate::names::Name;
use crate::roles::Gender;
use crate::tokens::SentenceTokens;
use parallax_core::{EntityType, MentionKind};

/// How many sentences back a pronoun may reach.
const WINDOW: usize = 2;

fn pronoun_gender(word: &str) -> Option<Gender> {
    match word.to_lowercase().as_str() {
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

/// The gender of the pronouns that follow person name `i` in its sentence, and in the next
/// sentence when that one names no person, provided no other person is named beside it: the
/// evidence that "Biden" is a man when "he" follows him. `names` must be in text order.
pub(super) fn gender_after(
    text: &str,
    sentences: &[SentenceTokens],
    names: &[Name],
    i: usize,
) -> Gender {
    let Some(name) = names.get(i) else {
        return Gender::Unknown;
    };
    let persons_in = |sentence: usize| {
        let from = names.partition_point(|n| n.sentence < sentence);
        names[from..]
            .iter()
            .take_while(|n| n.sentence == sentence)
            .filter(|n| n.entity_type == EntityType::Person)
            .map(|n| &n.words)
            .collect::<Vec<_>>()
    };
    if persons_in(name.sentence).iter().any(|w| **w != name.words) {
        return Gender::Unknown;
    }
    let (mut male, mut female) = (0, 0);
    let mut count = |spans: &[parallax_core::Span]| {
        for span in spans {
            match pronoun_gender(span.text(text)) {
                Some(Gender::Male) => male += 1,
                Some(Gender::Female) => female += 1,
                _ => {}
            }
        }
    };
    if let Some(own) = sentences.get(name.sentence) {
        let after = own.spans.partition_point(|s| s.start < name.span.end);
        count(&own.spans[after..]);
    }
    let next = name.sentence + 1;
    if let Some(sentence) = sentences.get(next).filter(|_| persons_in(next).is_empty()) {
        count(&sentence.spans);
    }
    match male.cmp(&female) {
        std::cmp::Ordering::Greater => Gender::Male,
        std::cmp::Ordering::Less => Gender::Female,
        std::cmp::Ordering::Equal => Gender::Unknown,
    }
}

/// `mentions` must be in text order.
pub(super) fn find(context: &Context<'_>, mentions: &[Linked]) -> Vec<Linked> {
    let mut out = Vec::new();
    for (index, sentence) in context.sentences.iter().enumerate() {
        for span in &sentence.spans {
            let Some(gender) = pronoun_gender(span.text(context.text)) else {
                continue;
            };
            let candidate = mentions
                .iter()
                .rev()
                .filter(|m| m.mention.span.end <= span.start)
                .take_while(|m| m.sentence + WINDOW >= index)
                .find(|m| {
                    context.entities.get(m.entity).is_some_and(|e| {
                        e.entity_type == EntityType::Person
                            && (e.gender == Gender::Unknown || e.gender == gender)
                    })
                });
            if let Some(m) = candidate {
                if let Some(linked) =
                    context.mention(*span, MentionKind::Pronoun, m.entity, index, None)
                {
                    out.push(linked);
                }
            }
        }
    }
    out
}
