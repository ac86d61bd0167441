//! Linking a speaker phrase to an entity mention.
//!
//! Rules, in order:
//! 1. a mention overlapping the speaker phrase is the speaker (the longest overlap wins);
//! 2. a relative pronoun (`lexicon::is_relative`: "who", "which", "that") resolves to the
//!    named mention it directly follows ("Kelidze, who said"), and to nothing when it follows an unnamed noun phrase ("a
//!    schoolgirl who told her mother"): the most recent earlier name is often someone else;
//! 3. a pronoun or a nominal ("the ministry", "the official") without a mention resolves to the
//!    most recent earlier *named* mention of a compatible type: he/she/I and person nouns to a
//!    PERSON; it and organisation nouns ("ministry", "campaign", "newspaper") to an ORG or GPE;
//!    they/we to an ORG, GPE, NORP or PERSON.
//!
//! Anything else stays unresolved rather than guessed.

use crate::lexicon;
use parallax_core::{EntityType, Mention, MentionKind, Span};

/// Bytes at most between a relative pronoun and the name it refers to (", who").
const RELATIVE_GAP: usize = 2;

/// Index into `mentions` of the speaker named by `speaker` (whose text is `words`).
pub fn speaker_mention(mentions: &[Mention], speaker: Span, words: &str) -> Option<usize> {
    let overlapping = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.span.overlaps(speaker))
        .max_by_key(|(_, m)| m.span.end.min(speaker.end) - m.span.start.max(speaker.start));
    if let Some((i, _)) = overlapping {
        return Some(i);
    }
    let before = mentions.partition_point(|m| m.span.start < speaker.start);
    if let Some(compatible) = relative_types(words) {
        let (i, antecedent) = mentions.get(..before)?.iter().enumerate().next_back()?;
        let adjacent = antecedent.span.end <= speaker.start
            && speaker.start - antecedent.span.end <= RELATIVE_GAP;
        let named = antecedent.kind == MentionKind::Name;
        return (adjacent && named && compatible.contains(&antecedent.entity_type)).then_some(i);
    }
    let compatible = compatible_types(words)?;
    mentions
        .get(..before)?
        .iter()
        .enumerate()
        .rev()
        .find(|(_, m)| m.kind == MentionKind::Name && compatible.contains(&m.entity_type))
        .map(|(i, _)| i)
}

/// The entity types a relative pronoun can refer to; `None` for other phrases.
fn relative_types(words: &str) -> Option<&'static [EntityType]> {
    const PERSON: &[EntityType] = &[EntityType::Person];
    const ANY_ACTOR: &[EntityType] = &[
        EntityType::Org,
        EntityType::Gpe,
        EntityType::Norp,
        EntityType::Person,
    ];
    let mut it = words.split_whitespace();
    let (word, None) = (it.next()?, it.next()) else {
        return None;
    };
    if !lexicon::is_relative(word) {
        return None;
    }
    Some(if lexicon::is(word, "who") || lexicon::is(word, "whom") {
        PERSON
    } else {
        ANY_ACTOR
    })
}

/// The entity types a pronoun or nominal speaker phrase can refer to; `None` for names.
fn compatible_types(words: &str) -> Option<&'static [EntityType]> {
    const PERSON: &[EntityType] = &[EntityType::Person];
    const ORG: &[EntityType] = &[EntityType::Org, EntityType::Gpe];
    const GROUP: &[EntityType] = &[
        EntityType::Org,
        EntityType::Gpe,
        EntityType::Norp,
        EntityType::Person,
    ];
    let head = words.split_whitespace().last()?;
    let first = words.split_whitespace().next()?;
    if ["he", "she", "i", "him", "her"]
        .iter()
        .any(|p| lexicon::is(head, p))
    {
        return Some(PERSON);
    }
    if lexicon::is(head, "it") {
        return Some(ORG);
    }
    if ["they", "we"].iter().any(|p| lexicon::is(head, p)) {
        return Some(GROUP);
    }
    if !lexicon::is_determiner(first) && !first.ends_with("'s") && !first.ends_with("’s") {
        return None;
    }
    Some(if lexicon::is_org_noun(head) {
        ORG
    } else {
        PERSON
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(start: usize, end: usize, t: EntityType, kind: MentionKind) -> Mention {
        Mention {
            span: Span::new(start, end),
            text: String::new(),
            entity_type: t,
            kind,
            role: None,
            local_entity: None,
        }
    }

    #[test]
    fn resolves_pronouns_and_nominals_to_recent_names() {
        let mentions = vec![
            mention(0, 5, EntityType::Person, MentionKind::Name),
            mention(10, 16, EntityType::Org, MentionKind::Name),
            mention(40, 42, EntityType::Person, MentionKind::Pronoun),
        ];
        assert_eq!(speaker_mention(&mentions, Span::new(20, 22), "he"), Some(0));
        assert_eq!(
            speaker_mention(&mentions, Span::new(26, 38), "the ministry"),
            Some(1)
        );
        assert_eq!(speaker_mention(&mentions, Span::new(40, 42), "he"), Some(2));
        assert_eq!(speaker_mention(&mentions, Span::new(30, 35), "Putin"), None);
    }

    #[test]
    fn relative_pronouns_take_the_name_they_follow_or_nothing() {
        // "Kelidze, who said …" / "a schoolgirl who told …" after an earlier name.
        let mentions = vec![
            mention(0, 7, EntityType::Person, MentionKind::Name),
            mention(30, 37, EntityType::Org, MentionKind::Name),
        ];
        assert_eq!(speaker_mention(&mentions, Span::new(9, 12), "who"), Some(0));
        assert_eq!(speaker_mention(&mentions, Span::new(20, 23), "who"), None);
        assert_eq!(
            speaker_mention(&mentions, Span::new(39, 44), "which"),
            Some(1)
        );
        assert_eq!(
            speaker_mention(&mentions, Span::new(38, 42), "that"),
            Some(1)
        );
        // "who" does not refer to an organization.
        assert_eq!(speaker_mention(&mentions, Span::new(39, 42), "who"), None);
    }
}
