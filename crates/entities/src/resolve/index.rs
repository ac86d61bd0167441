//! Finding the entity a name joins without comparing it with every earlier entity.
//!
//! A name (other than a person's) joins, among the entities it may join
//! ([`joins`](super::joins)), the one mentioned most recently. Comparing the name with each entity in turn made resolution cost the number
//! of names times the number of entities, the square of a document's length. Every rule that
//! lets a name join an entity implies a shared key, so only the entities under the name's keys
//! are compared (by the same rule as before), and the latest mention of each is kept:
//!
//! a name joins an entity of its type family with the same words, or whose initials it is, or
//! which is its initials. People are grouped by [`people`](super::people) instead, and are
//! filed under no key.
//!
//! An entity's words change when a longer name of it is written; the keys of the new words are
//! added, and those of the old ones left (a candidate is always checked against its current
//! words), so the entities under a key are a superset of those that match.

use super::{initials, letters, Entity};
use parallax_core::EntityType;
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    /// A type family and all the words.
    Words(EntityType, Vec<String>),
    /// A type family, the letters of one word or the initials of several, and whether the
    /// entity filed under it is the one word.
    Acronym(EntityType, String, bool),
}

/// The entities under each key, and the position of each entity's latest name mention.
#[derive(Debug, Default)]
pub(super) struct EntityIndex {
    keys: HashMap<Key, Vec<usize>>,
    latest: Vec<usize>,
}

/// The type standing for a type's family (places are one family).
fn family(t: EntityType) -> EntityType {
    match t {
        EntityType::Loc | EntityType::Fac => EntityType::Gpe,
        t => t,
    }
}

impl EntityIndex {
    /// The keys an entity of these words and type is filed under (`filed`), or those a name
    /// of them looks under: the same but for the acronym key, under which a name looks for
    /// the other side (a one-word name for entities of several words whose initials it is,
    /// a name of several words for one-word entities that are its initials).
    fn keys(words: &[String], entity_type: EntityType, filed: bool) -> Vec<Key> {
        if entity_type == EntityType::Person {
            return Vec::new();
        }
        let f = family(entity_type);
        let mut keys = vec![Key::Words(f, words.to_vec())];
        let acronym = match words {
            [word] => Some((letters(word), true)),
            [_, _, ..] => Some((initials(words), false)),
            [] => None,
        };
        if let Some((letters, one_word)) = acronym {
            keys.push(Key::Acronym(f, letters, one_word == filed));
        }
        keys
    }

    /// Files entity `id` under the keys of its (new) words.
    pub(super) fn add(&mut self, id: usize, entity: &Entity) {
        for key in Self::keys(&entity.words, entity.entity_type, true) {
            let ids = self.keys.entry(key).or_default();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }

    /// Records that entity `id` was mentioned by the name at `position`.
    pub(super) fn mentioned(&mut self, id: usize, position: usize) {
        if self.latest.len() <= id {
            self.latest.resize(id + 1, 0);
        }
        self.latest[id] = position;
    }

    /// The entity, among those `joins` accepts, whose latest mention is the most recent.
    pub(super) fn find(
        &self,
        words: &[String],
        entity_type: EntityType,
        joins: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        Self::keys(words, entity_type, false)
            .iter()
            .filter_map(|key| self.keys.get(key))
            .flatten()
            .copied()
            .filter(|&id| joins(id))
            .max_by_key(|&id| self.latest.get(id).copied().unwrap_or(0))
    }
}

#[cfg(test)]
mod tests {
    use super::super::joins;
    use super::*;
    use crate::lexicon::normalize;
    use crate::roles::Gender;

    fn words(name: &str) -> Vec<String> {
        name.split(' ').map(normalize).collect()
    }

    #[test]
    fn a_name_finds_the_latest_entity_it_may_join_by_key() {
        let entities: Vec<Entity> = [
            (EntityType::Org, "European Union"),
            (EntityType::Person, "Mikheil Saakashvili"),
            (EntityType::Org, "Georgian Dream"),
            (EntityType::Gpe, "United States"),
            (EntityType::Org, "NATO"),
            (EntityType::Org, "Georgian Dream"),
        ]
        .into_iter()
        .map(|(entity_type, name)| Entity {
            entity_type,
            words: words(name),
            name: name.to_string(),
            roles: Vec::new(),
            gender: Gender::Unknown,
            unnamed: false,
        })
        .collect();
        let mut index = EntityIndex::default();
        for (id, entity) in entities.iter().enumerate() {
            index.add(id, entity);
            index.mentioned(id, id);
        }
        let find = |index: &EntityIndex, name: &str, entity_type| {
            let words = words(name);
            index.find(&words, entity_type, |id| {
                joins(&entities[id], &words, entity_type)
            })
        };
        assert_eq!(find(&index, "EU", EntityType::Org), Some(0));
        // People are grouped elsewhere: no name finds a person here.
        assert_eq!(find(&index, "Saakashvili", EntityType::Person), None);
        // Of two entities a name may join, the one mentioned last.
        assert_eq!(find(&index, "GD", EntityType::Org), Some(5));
        assert_eq!(find(&index, "US", EntityType::Loc), Some(3));
        assert_eq!(find(&index, "European Union", EntityType::Gpe), None);
        assert_eq!(
            find(
                &index,
                "North Atlantic Treaty Organization",
                EntityType::Org
            ),
            Some(4)
        );
        index.mentioned(2, 9);
        assert_eq!(find(&index, "Georgian Dream", EntityType::Org), Some(2));
    }
}
