//! Personal pronouns resolved to people.
//!
//! Rules: he, him, his, himself look for a male or unknown-gender person; she, her, hers,
//! herself for a female or unknown-gender one. The pronoun goes to the person mentioned most
//! recently before it (by name or nominal) in its sentence or the two before, whose entity's
//! gender does not contradict the pronoun. A pronoun with no such person is left out rather
//! than guessed. Pronouns inside quotations are treated like any other (a known limitation:
//! "I" and "we" are not resolved at all).

use super::{Context, Linked};
use crate::roles::Gender;
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

/// `mentions` must be in text order.
/// The pronoun mentions of the document; `mentions` (names and nominals) in order of their
/// start.
pub(super) fn find(context: &Context<'_>, mentions: &[Linked]) -> Vec<Linked> {
    let mut out = Vec::new();
    for (index, sentence) in context.sentences.iter().enumerate() {
        for span in &sentence.spans {
            let Some(gender) = pronoun_gender(span.text(context.text)) else {
                continue;
            };
            // Mentions starting after the pronoun cannot end before it: only those before
            // are read (`mentions` are in order of their start), back to the window's edge.
            let before = mentions.partition_point(|m| m.mention.span.start <= span.start);
            let candidate = mentions[..before]
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
