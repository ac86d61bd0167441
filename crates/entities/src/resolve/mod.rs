//! Within-document resolution: which mentions of a document are the same entity.
//!
//! Rules, applied in text order:
//!
//! 1. **Names.** A person's name joins an earlier person entity when the two share their words
//!    or one's words end the other's ("Mikheil Saakashvili", "Saakashvili"), unless both have
//!    different first words ("Mikheil Saakashvili" vs "Sandra Saakashvili"); when several fit,
//!    the most recently mentioned wins. Other names join an
//!    entity of the same type family (GPE/LOC/FAC together) with the same words, or whose
//!    initials they are ("EU" for "European Union").
//! 2. **Nominals** ([`nominals`]): "Georgia's president", "the president", "the ministry".
//! 3. **Pronouns** ([`pronouns`]): he/him/his/himself and she/her/hers/herself.
//!
//! An entity's name is its longest name mention; its roles are the titles written with its
//! mentions; its gender is the first evidence found (honorific, gendered title, first name).

mod index;
mod nominals;
mod pronouns;

use crate::lexicon::normalize;
use crate::names::Name;
use crate::roles::Gender;
use crate::tokens::SentenceTokens;
use parallax_core::{EntityType, LocalEntity, Mention, MentionKind, Span};

/// An entity being built.
#[derive(Debug, Clone)]
struct Entity {
    entity_type: EntityType,
    /// Normalized words of the longest name.
    words: Vec<String>,
    name: String,
    roles: Vec<String>,
    gender: Gender,
}

/// A mention with its entity, before final ordering.
#[derive(Debug, Clone)]
struct Linked {
    mention: Mention,
    entity: usize,
    sentence: usize,
}

/// Links `names` into entities and adds the nominal and pronoun mentions that resolve to them.
/// Mentions come out in text order; every mention has its `local_entity`.
pub fn resolve(
    text: &str,
    sentences: &[SentenceTokens],
    mut names: Vec<Name>,
) -> (Vec<Mention>, Vec<LocalEntity>) {
    // The rules look names up by position: they must be in text order, as recognition gives
    // them (stable, so this changes nothing for its output).
    names.sort_by_key(|n| n.span.start);
    let mut entities: Vec<Entity> = Vec::new();
    let mut linked: Vec<Linked> = Vec::new();
    let mut index = index::EntityIndex::default();
    for name in names {
        let words: Vec<String> = name.words.iter().map(|w| normalize(w)).collect();
        let entity_type = name.entity_type;
        let found = index.find(&words, entity_type, |id| {
            joins(&entities[id], &words, entity_type)
        });
        let created = found.is_none();
        let id = match found {
            Some(id) => id,
            None => {
                entities.push(Entity {
                    entity_type,
                    words: Vec::new(),
                    name: String::new(),
                    roles: Vec::new(),
                    gender: Gender::Unknown,
                });
                entities.len() - 1
            }
        };
        let entity = &mut entities[id];
        let written = name.span.text(text);
        if written.chars().count() > entity.name.chars().count() {
            entity.name = written.to_string();
            entity.words = words;
            index.add(id, entity);
        } else if created {
            index.add(id, entity);
        }
        if let Some(role) = &name.role {
            if !entity.roles.iter().any(|r| r.eq_ignore_ascii_case(role)) {
                entity.roles.push(role.clone());
            }
        }
        if entity.gender == Gender::Unknown {
            entity.gender = name.gender;
        }
        index.mentioned(id, linked.len());
        linked.push(Linked {
            mention: Mention {
                span: name.span,
                text: written.to_string(),
                entity_type,
                kind: MentionKind::Name,
                role: name.role,
                local_entity: Some(id),
            },
            entity: id,
            sentence: name.sentence,
        });
    }
    let context = Context {
        text,
        sentences,
        entities: &entities,
    };
    let nominal = nominals::find(&context, &linked);
    linked.extend(nominal);
    linked.sort_by_key(|l| l.mention.span.start);
    let pronoun = pronouns::find(&context, &linked);
    linked.extend(pronoun);
    linked.sort_by_key(|l| (l.mention.span.start, l.mention.span.end));

    let mut locals: Vec<LocalEntity> = entities
        .into_iter()
        .map(|e| LocalEntity {
            country: (e.entity_type == EntityType::Norp)
                .then(|| crate::lexicon::lexicon().demonym_country(&e.name))
                .flatten()
                .map(str::to_string),
            name: e.name,
            entity_type: e.entity_type,
            mentions: Vec::new(),
            roles: e.roles,
        })
        .collect();
    let mentions = linked
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            if let Some(local) = locals.get_mut(l.entity) {
                local.mentions.push(i);
            }
            l.mention
        })
        .collect();
    (mentions, locals)
}

/// What the nominal and pronoun rules read.
struct Context<'a> {
    text: &'a str,
    sentences: &'a [SentenceTokens],
    entities: &'a [Entity],
}

impl Context<'_> {
    fn words(&self, sentence: &SentenceTokens) -> Vec<&str> {
        sentence.spans.iter().map(|s| s.text(self.text)).collect()
    }

    /// A new mention of `entity` at `span`.
    fn mention(
        &self,
        span: Span,
        kind: MentionKind,
        entity: usize,
        sentence: usize,
        role: Option<String>,
    ) -> Option<Linked> {
        let e = self.entities.get(entity)?;
        Some(Linked {
            mention: Mention {
                span,
                text: span.slice(self.text).ok()?.to_string(),
                entity_type: e.entity_type,
                kind,
                role,
                local_entity: Some(entity),
            },
            entity,
            sentence,
        })
    }
}

fn same_family(a: EntityType, b: EntityType) -> bool {
    let place = |t| matches!(t, EntityType::Gpe | EntityType::Loc | EntityType::Fac);
    a == b || (place(a) && place(b))
}

/// Whether a name with these normalized `words` and type can join entity `e` (of all that
/// can, it joins the one mentioned most recently: [`index`]).
fn joins(e: &Entity, words: &[String], entity_type: EntityType) -> bool {
    if e.entity_type == EntityType::Person {
        entity_type == EntityType::Person && person_matches(&e.words, words)
    } else {
        same_family(e.entity_type, entity_type)
            && (e.words == words || is_initials(words, &e.words) || is_initials(&e.words, words))
    }
}

/// Whether two person names can be one person: one's words end the other's, and they do not
/// have different first names.
fn person_matches(a: &[String], b: &[String]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    !short.is_empty() && long.ends_with(short)
}

/// Whether `acronym` is one word made of the initials of `full`'s significant words.
fn is_initials(acronym: &[String], full: &[String]) -> bool {
    let [word] = acronym else { return false };
    let letters = letters(word);
    full.len() >= 2 && letters.len() >= 2 && letters == initials(full)
}

/// The letters and digits of a word ("U.N." gives "UN").
fn letters(word: &str) -> String {
    word.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The first letters of a name's significant words.
fn initials(full: &[String]) -> String {
    full.iter()
        .filter(|w| !matches!(w.as_str(), "of" | "the" | "and" | "for" | "&"))
        .filter_map(|w| w.chars().next())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split(' ').map(normalize).collect()
    }

    #[test]
    fn matches_person_names_by_suffix() {
        assert!(person_matches(
            &words("Mikheil Saakashvili"),
            &words("Saakashvili")
        ));
        assert!(!person_matches(
            &words("Mikheil Saakashvili"),
            &words("Sandra Saakashvili")
        ));
        assert!(is_initials(&words("EU"), &words("European Union")));
        assert!(is_initials(&words("U.N."), &words("United Nations")));
        assert!(!is_initials(&words("EU"), &words("Europe")));
    }
}
