//! Finding the entity a name joins without comparing it with every earlier entity.
//!
//! [`find_entity`](super) must return, among the entities a name may join, the one mentioned
//! most recently. Comparing the name with each entity in turn made resolution cost the number
//! of names times the number of entities, the square of a document's length. Every rule that
//! lets a name join an entity implies a shared key, so only the entities under the name's keys
//! are compared (by the same rule as before), and the latest mention of each is kept:
//!
//! - a person's name joins a person whose words end its own, or the reverse: the two share
//!   their last word (which therefore never changes for a person entity);
//! - another name joins an entity of its type family with the same words, or whose initials
//!   it is, or which is its initials.
//!
//! An entity's words change when a longer name of it is written; the keys of the new words are
//! added, and those of the old ones left (a candidate is always checked against its current
//! words), so the entities under a key are a superset of those that match.

use super::{initials, letters, Entity};
use parallax_core::EntityType;
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    /// A person's last word.
    Person(String),
    /// A type family and all the words.
    Words(EntityType, Vec<String>),
    /// A type family and the initials of several words.
    Initials(EntityType, String),
    /// A type family and the letters of one word.
    Letters(EntityType, String),
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
    /// The keys under which a name of these words and type finds the entities it may join.
    fn lookups(words: &[String], entity_type: EntityType) -> Vec<Key> {
        if entity_type == EntityType::Person {
            return words
                .last()
                .map(|w| Key::Person(w.clone()))
                .into_iter()
                .collect();
        }
        let f = family(entity_type);
        let mut keys = vec![Key::Words(f, words.to_vec())];
        match words {
            [word] => keys.push(Key::Initials(f, letters(word))),
            [_, _, ..] => keys.push(Key::Letters(f, initials(words))),
            [] => {}
        }
        keys
    }

    /// The keys under which an entity of these words and type is found.
    fn entries(words: &[String], entity_type: EntityType) -> Vec<Key> {
        if entity_type == EntityType::Person {
            return words
                .last()
                .map(|w| Key::Person(w.clone()))
                .into_iter()
                .collect();
        }
        let f = family(entity_type);
        let mut keys = vec![Key::Words(f, words.to_vec())];
        match words {
            [word] => keys.push(Key::Letters(f, letters(word))),
            [_, _, ..] => keys.push(Key::Initials(f, initials(words))),
            [] => {}
        }
        keys
    }

    /// Files entity `id` under the keys of its (new) words.
    pub(super) fn add(&mut self, id: usize, entity: &Entity) {
        for key in Self::entries(&entity.words, entity.entity_type) {
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
        Self::lookups(words, entity_type)
            .iter()
            .filter_map(|key| self.keys.get(key))
            .flatten()
            .copied()
            .filter(|&id| joins(id))
            .max_by_key(|&id| self.latest.get(id).copied().unwrap_or(0))
    }
}
