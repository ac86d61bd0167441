//! Proper names written as adjectives: "Jewish critics", "Islamic extremists", "US-led
//! forces", "Obama-supporting". Such a name qualifies the noun after it (or is itself a
//! compound adjective) and names no actor of the sentence: the critics are criticized, not
//! the Jews; the forces fight, not "US-led". Entity resolution, quotations and tone read the
//! same test from here so that they agree on which name is a modifier.

use crate::function_words::class_of;
use crate::{EntityType, Mention, MentionKind, Span};
use std::collections::HashMap;
use std::sync::LazyLock;

/// The words of `data/actor_verbs.txt`, each with whether it is a verb of saying.
static ACTOR_VERBS: LazyLock<HashMap<&'static str, bool>> = LazyLock::new(|| {
    crate::text::data_lines(include_str!("../data/actor_verbs.txt"))
        .map(|line| match line.split_once('|') {
            Some((word, class)) => (word.trim(), class.trim() == "reporting"),
            None => (line, false),
        })
        .collect()
});

/// Whether a lowercase word after a noun shows the noun is the subject of a verb ("said",
/// "was", any "-ed" word), from `data/actor_verbs.txt`.
pub fn follows_actor(word: &str) -> bool {
    word.ends_with("ed") || ACTOR_VERBS.contains_key(word.to_ascii_lowercase().as_str())
}

/// Whether a word is a verb of saying ("said", "told"), from `data/actor_verbs.txt`.
pub fn is_reporting_verb(word: &str) -> bool {
    ACTOR_VERBS
        .get(word.to_ascii_lowercase().as_str())
        .copied()
        .unwrap_or(false)
}

/// Whether the word right after byte `end` of `text`, before byte `limit`, is a noun the
/// name ending at `end` modifies: one space, then a lowercase word that is no closed-class
/// word ("who", "in"), no verb that shows the name is a subject ([`follows_actor`]: "are",
/// "said", "based") nor an "-ing" form ("the Republican speaking", but "Jewish
/// home-building") — "Cornell law professor", "Hispanic voters".
pub fn modifies_noun(text: &str, end: usize, limit: usize) -> bool {
    let rest = text.get(end..limit.max(end)).unwrap_or("");
    let Some(next) = rest
        .strip_prefix(' ')
        .and_then(|r| r.split_whitespace().next())
    else {
        return false;
    };
    let next = next.trim_end_matches(|c: char| !c.is_alphanumeric());
    next.starts_with(|c: char| c.is_ascii_lowercase())
        && !follows_actor(next)
        && (!next.ends_with("ing") || next.contains('-'))
        && class_of(next) == Default::default()
}

/// Whether a name is a compound adjective, a name joined by a hyphen to a lowercase word:
/// "Obama-supporting", "US-led", "London-based", "ACLU-style".
pub fn is_compound_adjective(name: &str) -> bool {
    name.rsplit_once('-').is_some_and(|(head, tail)| {
        !head.is_empty()
            && tail.len() > 1
            && tail.chars().all(|c| c.is_ascii_lowercase())
            && head.starts_with(|c: char| c.is_uppercase())
    })
}

/// Whether the name at `span` is written in the possessive ("Trump's lawyer", "the NCMI’s
/// work"): it owns the noun after it, which is the phrase's head, not the name.
pub fn is_possessive(text: &str, span: Span) -> bool {
    let after = text.get(span.end..).unwrap_or("");
    after.starts_with("'s") || after.starts_with("’s")
}

/// Whether the name at `span` of `text` is used as an adjective: a compound adjective, or
/// a name qualifying the noun after it. A plural ("Democrats made a blunder") is a noun
/// whatever follows it: the word after is its verb.
pub fn is_attributive(text: &str, span: Span) -> bool {
    let Ok(name) = span.slice(text) else {
        return false;
    };
    is_compound_adjective(name) || !name.ends_with('s') && modifies_noun(text, span.end, text.len())
}

/// Whether mention `m` of `text` is a proper adjective of a type written as one — a
/// nationality, religion or party ("Jewish critics"), or a miscellaneous name ("Churchillian
/// dictum", "Obama-supporting") — and so names no actor: no tone, label or pronoun is its.
pub fn is_modifier(text: &str, m: &Mention) -> bool {
    m.kind == MentionKind::Name
        && matches!(m.entity_type, EntityType::Norp | EntityType::Misc)
        && is_attributive(text, m.span)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_before_an_apostrophe_s_is_possessive() {
        let text = "the NCMI’s work and Trump's lawyer, not Trump";
        let at = |name: &str, from: usize| {
            let start = text[from..].find(name).unwrap_or(0) + from;
            is_possessive(text, Span::new(start, start + name.len()))
        };
        assert!(at("NCMI", 0));
        assert!(at("Trump", 0));
        assert!(!at("Trump", 30));
    }

    fn attributive(text: &str, name: &str) -> bool {
        let start = text.find(name).unwrap_or(0);
        is_attributive(text, Span::new(start, start + name.len()))
    }

    #[test]
    fn a_name_before_its_noun_is_a_modifier() {
        assert!(attributive("many Jewish critics, to their shame", "Jewish"));
        assert!(attributive("radical Islamic extremists", "Islamic"));
        assert!(attributive("attract Hispanic voters.", "Hispanic"));
        assert!(attributive(
            "deeming Jewish home-building illegal",
            "Jewish"
        ));
        assert!(!attributive("Jewish critics said", "critics"));
        assert!(!attributive("the Texas Republican, speaking", "Republican"));
        assert!(!attributive(
            "the Arkansas Republican challenged him",
            "Republican"
        ));
        assert!(!attributive("Republicans are divided", "Republicans"));
        assert!(!attributive("Democrats made a blunder", "Democrats"));
        assert!(!attributive(
            "The so-called Islamic State has",
            "Islamic State"
        ));
    }

    #[test]
    fn the_actor_verbs_are_read_with_their_class() {
        assert!(follows_actor("said") && follows_actor("was") && follows_actor("based"));
        assert!(!follows_actor("critics"));
        assert!(is_reporting_verb("said") && is_reporting_verb("Told"));
        assert!(!is_reporting_verb("was"));
    }

    #[test]
    fn a_hyphenated_participle_makes_a_compound_adjective() {
        assert!(is_compound_adjective("Obama-supporting"));
        assert!(is_compound_adjective("US-led"));
        assert!(is_compound_adjective("Wisconsin-based"));
        assert!(!is_compound_adjective("Obama-Clinton-Kerry"));
        assert!(!is_compound_adjective("un-American"));
        assert!(!is_compound_adjective("Ocasio-Cortez"));
        assert!(attributive(
            "his leftist Obama-supporting Jewish critics",
            "Obama-supporting"
        ));
    }
}
