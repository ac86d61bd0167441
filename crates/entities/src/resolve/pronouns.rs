//! Pronouns resolved to the entities they stand for (the classes are those of
//! `crates/core/data/function_words.txt`).
//!
//! - **He, she**: he, him, his, himself look for a male or unknown-gender person; she, her,
//!   hers, herself for a female or unknown-gender one: the person mentioned most recently
//!   before (by name or description) in its sentence or the two before, whose gender does not
//!   contradict the pronoun. An unnamed person counts only when its noun tells its gender
//!   ("a ministry spokesman … he said", not "a teenager … he said", whose "he" is more often
//!   a named person a sentence further back).
//! - **Who, whom, whose** right after a person, a group or an organization (", who" at most)
//!   are that one.
//! - **They, them, their, themselves**: the group, or the organization described without its
//!   name, mentioned most recently in the sentence or the two before ("police … they", "the
//!   pirates … their"), unless that is a nationality qualifying a noun ("Jewish critics …
//!   their" are the critics); an organization named by its name only in the same sentence, since
//!   "they" after "the Senate" is mostly senators (leaving named organizations out
//!   altogether cost MEANTIME dev CoNLL F1 0.555 → 0.548: companies are "they" there).
//! - **Its, itself**, and **it** before a verb of saying ("it said"): the organization or
//!   place mentioned most recently in the sentence or the one before (not a group: "residents
//!   … its citizens"); "it" elsewhere is as often nobody ("it was unclear") and is left out.
//!
//! A pronoun with no such antecedent is left out rather than guessed. Pronouns inside
//! quotations are treated like any other (a known limitation: "I" and "we" are not resolved
//! at all).

use super::{Context, Linked};
use crate::names::Name;
use crate::roles::Gender;
use crate::tokens::SentenceTokens;
use parallax_core::function_words::FunctionWord;
use parallax_core::{EntityType, MentionKind};

/// How many sentences back a pronoun may reach.
const WINDOW: usize = 2;

fn pronoun_gender(word: &str) -> Option<Gender> {
    let class = parallax_core::function_words::class_of(word);
    if class.is(FunctionWord::MALE) {
        Some(Gender::Male)
    } else if class.is(FunctionWord::FEMALE) {
        Some(Gender::Female)
    } else {
        None
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

/// The pronoun mentions of the document; `mentions` (names and nominals) in order of their
/// start.
pub(super) fn find(context: &Context<'_>, mentions: &[Linked]) -> Vec<Linked> {
    let mut out = Vec::new();
    let is_type = |m: &Linked, types: &[EntityType]| {
        context
            .entities
            .get(m.entity)
            .is_some_and(|e| types.contains(&e.entity_type))
    };
    for (index, sentence) in context.sentences.iter().enumerate() {
        for (k, span) in sentence.spans.iter().enumerate() {
            let word = span.text(context.text);
            let class = parallax_core::function_words::class_of(word);
            if class == FunctionWord::default() {
                continue;
            }
            // Mentions starting after the pronoun cannot end before it: only those before
            // are read (`mentions` are in order of their start), back to the window's edge.
            let earlier =
                &mentions[..mentions.partition_point(|m| m.mention.span.start <= span.start)];
            let before = |window: usize| {
                earlier
                    .iter()
                    .rev()
                    .filter(|m| m.mention.span.end <= span.start)
                    .take_while(move |m| m.sentence + window >= index)
            };
            let candidate = if let Some(gender) = pronoun_gender(word) {
                before(WINDOW).find(|m| {
                    context.entities.get(m.entity).is_some_and(|e| {
                        e.entity_type == EntityType::Person
                            && (e.gender == gender || (e.gender == Gender::Unknown && !e.unnamed))
                    })
                })
            } else if class.is(FunctionWord::RELATIVE) {
                let gap = |m: &&Linked| {
                    context
                        .text
                        .get(m.mention.span.end..span.start)
                        .is_some_and(|g| g.trim() == "," || g.trim().is_empty())
                };
                before(0).next().filter(gap).filter(|m| {
                    is_type(m, &[EntityType::Person, EntityType::Norp, EntityType::Org])
                })
            } else if class.is(FunctionWord::PLURAL) {
                // "Hispanic voters … they": the group is the noun the name qualifies, which
                // is no entity, so the pronoun is left out rather than given to the people.
                before(WINDOW)
                    .find(|m| {
                        is_type(m, &[EntityType::Norp])
                            || (is_type(m, &[EntityType::Org])
                                && (m.mention.kind == MentionKind::Nominal || m.sentence == index))
                    })
                    .filter(|m| !parallax_core::modifiers::is_modifier(context.text, &m.mention))
            } else if class.is(FunctionWord::NEUTER) {
                let next = sentence.spans.get(k + 1).map(|s| s.text(context.text));
                let actor = class.is(FunctionWord::POSSESSIVE)
                    || !class.is(FunctionWord::SUBJECT)
                    || next.is_some_and(parallax_core::modifiers::is_reporting_verb);
                if !actor {
                    continue;
                }
                before(1).find(|m| is_type(m, &[EntityType::Org, EntityType::Gpe]))
            } else {
                None
            };
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
