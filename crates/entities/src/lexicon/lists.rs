//! Word lists that within-document resolution reads and the tagger never does: they are not
//! part of its gazetteer, so editing them cannot change a tag. One file each under
//! `crates/entities/lexicon/`, in the gazetteer files' format.

use super::{entries, normalize};
use crate::roles::Gender;
use parallax_core::EntityType;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// A noun that names an actor without a proper name ("gunman", "police", "caravan").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorNoun {
    /// The singular the noun is compared by ("gunmen" → "gunman").
    pub lemma: String,
    /// Person for one individual, ORG for an organized body, NORP for people acting together
    /// (the plural of a person noun too: "officers", "women").
    pub entity_type: EntityType,
    /// Whether the word is the plural of a person noun: "the officer" and "officers" are not
    /// one actor, "the caravan" and "the caravans" are.
    pub plural: bool,
    /// The gender the noun itself tells ("spokesman", "actress"), Unknown for the rest
    /// ("the suspect", "a teenager") and for every plural.
    pub gender: Gender,
}

/// The resolution lists, parsed once.
#[derive(Debug, Default)]
pub struct Lists {
    /// Actor nouns by their written form (singular, or an irregular plural).
    actor_nouns: HashMap<String, ActorNoun>,
    /// Month names that are also given names (`lexicon/given_name_months.txt`), lowercase,
    /// with the gender the name usually has.
    given_name_months: HashMap<String, Gender>,
    /// Words that make a following month a date (`lexicon/date_modifiers.txt`).
    date_modifiers: HashSet<String>,
    /// Words that open a picture credit (`lexicon/credit_cues.txt`).
    credit_cues: HashSet<String>,
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| {
    let mut lists = Lists::default();
    for (noun, extra) in entries(include_str!("../../lexicon/actor_nouns.txt")) {
        let mut parts = extra.split('|').map(str::trim);
        let entity_type = match parts.next() {
            Some("person") => EntityType::Person,
            Some("org") => EntityType::Org,
            _ => EntityType::Norp,
        };
        let noun = normalize(noun);
        let mut singular = None;
        let mut gender = Gender::Unknown;
        for part in parts {
            match part {
                "he" => gender = Gender::Male,
                "she" => gender = Gender::Female,
                _ => singular = Some(normalize(part)),
            }
        }
        let plural = singular.is_some();
        let lemma = singular.unwrap_or_else(|| noun.clone());
        lists.actor_nouns.insert(
            noun,
            ActorNoun {
                lemma,
                entity_type,
                plural,
                gender,
            },
        );
    }
    for (month, gender) in entries(include_str!("../../lexicon/given_name_months.txt")) {
        let gender = match gender {
            "m" => Gender::Male,
            "f" => Gender::Female,
            _ => Gender::Unknown,
        };
        lists.given_name_months.insert(normalize(month), gender);
    }
    for (word, _) in entries(include_str!("../../lexicon/date_modifiers.txt")) {
        lists.date_modifiers.insert(normalize(word));
    }
    for (word, _) in entries(include_str!("../../lexicon/credit_cues.txt")) {
        lists.credit_cues.insert(normalize(word));
    }
    lists
});

/// The lists compiled into the crate.
pub fn lists() -> &'static Lists {
    &LISTS
}

impl Lists {
    /// The actor noun a lowercase word is, itself or as a regular plural ("caravans",
    /// "authorities", "witnesses").
    pub fn actor_noun(&self, word: &str) -> Option<ActorNoun> {
        if let Some(found) = self.actor_nouns.get(word) {
            return Some(found.clone());
        }
        let singulars = [
            word.strip_suffix("ies").map(|s| format!("{s}y")),
            word.strip_suffix("es").map(str::to_string),
            word.strip_suffix('s')
                .filter(|s| !s.ends_with('s'))
                .map(str::to_string),
        ];
        let found = singulars
            .into_iter()
            .flatten()
            .find_map(|s| self.actor_nouns.get(&s))?;
        let person = found.entity_type == EntityType::Person;
        Some(ActorNoun {
            lemma: found.lemma.clone(),
            entity_type: if person {
                EntityType::Norp
            } else {
                found.entity_type
            },
            plural: person,
            gender: Gender::Unknown,
        })
    }

    /// The gender of a month name that is also a given name ("June", "August"), for a
    /// lowercase word; None for every other word.
    pub fn given_name_month(&self, word: &str) -> Option<Gender> {
        self.given_name_months.get(word).copied()
    }

    /// Whether a lowercase word opens a picture credit ("photograph", "photo").
    pub fn is_credit_cue(&self, word: &str) -> bool {
        self.credit_cues.contains(word)
    }

    /// Whether a lowercase word makes the month after it a date ("last", "early").
    pub fn is_date_modifier(&self, word: &str) -> bool {
        self.date_modifiers.contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn given_name_months_tell_their_gender() {
        let l = lists();
        assert_eq!(l.given_name_month("june"), Some(Gender::Female));
        assert_eq!(l.given_name_month("may"), None);
        assert_eq!(l.given_name_month("august"), Some(Gender::Male));
        assert_eq!(l.given_name_month("march"), None);
        assert_eq!(l.given_name_month("davis"), None);
    }

    #[test]
    fn actor_nouns_fold_plurals() {
        let l = lists();
        let lemma = |w: &str| l.actor_noun(w).map(|a| a.lemma);
        assert_eq!(lemma("caravans").as_deref(), Some("caravan"));
        assert_eq!(lemma("gunmen").as_deref(), Some("gunman"));
        assert_eq!(lemma("witnesses").as_deref(), Some("witness"));
        assert_eq!(lemma("police").as_deref(), Some("police"));
        assert_eq!(lemma("authorities").as_deref(), Some("authorities"));
        assert_eq!(lemma("people"), None);
        assert_eq!(lemma("glass"), None);
        assert_eq!(
            l.actor_noun("gunman").map(|a| (a.entity_type, a.plural)),
            Some((EntityType::Person, false))
        );
        assert_eq!(
            l.actor_noun("officers").map(|a| (a.entity_type, a.plural)),
            Some((EntityType::Norp, true))
        );
        assert_eq!(l.actor_noun("caravans").map(|a| a.plural), Some(false));
    }

    #[test]
    fn actor_nouns_tell_their_gender() {
        let l = lists();
        let gender = |w: &str| l.actor_noun(w).map(|a| a.gender);
        assert_eq!(gender("spokesman"), Some(Gender::Male));
        assert_eq!(gender("actress"), Some(Gender::Female));
        assert_eq!(gender("teenager"), Some(Gender::Unknown));
        assert_eq!(gender("women"), Some(Gender::Unknown));
        // The gender column is not read as an irregular plural's singular.
        assert_eq!(l.actor_noun("spokesman").map(|a| a.plural), Some(false));
    }
}
