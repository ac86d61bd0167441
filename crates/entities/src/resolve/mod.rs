//! Within-document resolution: which mentions of a document are the same entity.
//!
//! Rules, applied in text order:
//!
//! 1. **Names.** Person names are grouped by [`people`] (full names, lone surnames and first
//!    names, surname-first names, by salience where several people share a name). A one-word
//!    name the tagger did not type as a person is the person whose surname (or first name) it
//!    is, when the document names that person in full, no longer name of another kind holds
//!    the word and the lexicon does not know it as a place ("Bloomberg" after "Michael
//!    Bloomberg"); a longer name takes the type most of its occurrences have. Other names
//!    join an entity of the same type family (GPE/LOC/FAC together) with the same words, or
//!    whose initials they are ("EU" for "European Union").
//! 2. **Nominals** ([`nominals`]): "Georgia's president", "the president", "the ministry".
//! 3. **Descriptions** ([`descriptions`]): actors without a proper name ("the gunman",
//!    "police", "the migrant caravan"), or the named person a description stands for
//!    ("actress Tara Reid", "the actress").
//! 4. **Pronouns** ([`pronouns`]): he/him/his/himself and she/her/hers/herself.
//!
//! An entity's name is its longest name mention (an unnamed actor's, its longest definite
//! description); its roles are the titles written with its
//! mentions; its gender is the first evidence found (honorific, gendered title, first name).

mod descriptions;
mod index;
mod nominals;
mod people;
mod pronouns;

use crate::lexicon::{lexicon, normalize, Kind};
use crate::names::Name;
use crate::roles::Gender;
use crate::tokens::SentenceTokens;
use parallax_core::{EntityType, LocalEntity, Mention, MentionKind, Span};
use std::collections::{HashMap, HashSet};

/// An entity being built.
#[derive(Debug, Clone)]
struct Entity {
    entity_type: EntityType,
    /// Normalized words of the longest name.
    words: Vec<String>,
    name: String,
    roles: Vec<String>,
    gender: Gender,
    /// Whether it is an unnamed actor ("the gunman"): one of unknown gender is no one's "he"
    /// or "she", since the nearest such noun is more often a bystander than the subject.
    unnamed: bool,
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
    let names = retype(names);
    let person_group = person_groups(text, sentences, &names);
    let mut entities: Vec<Entity> = Vec::new();
    let mut linked: Vec<Linked> = Vec::new();
    let mut person_entity: Vec<Option<usize>> = Vec::new();
    let mut index = index::EntityIndex::default();
    for (n, name) in names.into_iter().enumerate() {
        let words: Vec<String> = name.words.iter().map(|w| normalize(w)).collect();
        let entity_type = name.entity_type;
        let found = match person_group[n] {
            Some(g) => person_entity.get(g).copied().flatten(),
            None => index.find(&words, entity_type, |id| {
                joins(&entities[id], &words, entity_type)
            }),
        };
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
                    unnamed: false,
                });
                entities.len() - 1
            }
        };
        if let Some(g) = person_group[n] {
            if person_entity.len() <= g {
                person_entity.resize(g + 1, None);
            }
            person_entity[g] = Some(id);
        }
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
    let described = descriptions::find(text, sentences, &linked, &mut entities);
    linked.extend(described);
    linked.sort_by_key(|l| l.mention.span.start);
    let context = Context {
        text,
        sentences,
        entities: &entities,
    };
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
/// can, it joins the one mentioned most recently: [`index`]). People are grouped by
/// [`people`] instead: no name joins a person here.
fn joins(e: &Entity, words: &[String], entity_type: EntityType) -> bool {
    e.entity_type != EntityType::Person
        && same_family(e.entity_type, entity_type)
        && (e.words == words || is_initials(words, &e.words) || is_initials(&e.words, words))
}

/// Types made consistent within the document (see the module's rule 1): a name of several
/// words takes the type most of its occurrences have (the tagger's "Meridian Wire" person in
/// one sentence is the organization of two others), and a one-word name that is a person's
/// surname or first name becomes that person's.
fn retype(mut names: Vec<Name>) -> Vec<Name> {
    let mut votes: HashMap<Vec<String>, Vec<(EntityType, usize)>> = HashMap::new();
    for n in names.iter().filter(|n| n.words.len() > 1) {
        let tally = votes.entry(normalized(&n.words)).or_default();
        match tally.iter_mut().find(|(t, _)| *t == n.entity_type) {
            Some((_, count)) => *count += 1,
            None => tally.push((n.entity_type, 1)),
        }
    }
    for name in names.iter_mut().filter(|n| n.words.len() > 1) {
        let Some(tally) = votes.get(&normalized(&name.words)) else {
            continue;
        };
        let total: usize = tally.iter().map(|(_, c)| c).sum();
        if let Some(&(majority, _)) = tally.iter().find(|(_, c)| 2 * c > total) {
            name.entity_type = majority;
        }
    }
    let person_cores: Vec<Vec<String>> = names
        .iter()
        .filter(|n| n.entity_type == EntityType::Person)
        .map(|n| people::core(&normalized(&n.words)))
        .filter(|c| c.len() >= 2)
        .collect();
    if person_cores.is_empty() {
        return names;
    }
    // Words inside longer names of other kinds ("Bloomberg News", "Ford Motor").
    // A body named after its leader ("Obama administration") holds a person's name.
    let led = |n: &Name| {
        n.words
            .last()
            .is_some_and(|w| parallax_core::names::is_person_body(w))
    };
    let held: HashSet<String> = names
        .iter()
        .filter(|n| n.entity_type != EntityType::Person && n.words.len() > 1 && !led(n))
        .flat_map(|n| normalized(&n.words))
        .collect();
    let places = Kind::Country.bit() | Kind::City.bit() | Kind::Region.bit() | Kind::Place.bit();
    for name in names
        .iter_mut()
        .filter(|n| n.entity_type != EntityType::Person && n.words.len() == 1)
    {
        let word = normalize(&name.words[0]);
        let named = person_cores
            .iter()
            .any(|c| c.last() == Some(&word) || c.first() == Some(&word));
        if named
            && !held.contains(&word)
            && lexicon().kinds_of_words(&[name.words[0].as_str()]) & places == 0
        {
            name.entity_type = EntityType::Person;
        }
    }
    names
}

fn normalized(words: &[String]) -> Vec<String> {
    words.iter().map(|w| normalize(w)).collect()
}

/// The person group of each name (`None` for names of other types), by [`people::group`],
/// with the gender the pronouns after each lone name give it.
fn person_groups(text: &str, sentences: &[SentenceTokens], names: &[Name]) -> Vec<Option<usize>> {
    let persons: Vec<usize> = (0..names.len())
        .filter(|&i| names[i].entity_type == EntityType::Person)
        .collect();
    let headline = is_headline(text, sentences);
    let input: Vec<people::PersonName> = persons
        .iter()
        .map(|&i| {
            let n = &names[i];
            people::PersonName {
                words: normalized(&n.words),
                role_head: n.role.as_deref().and_then(parallax_core::names::office),
                gender: n.gender,
                pronoun_gender: pronouns::gender_after(text, sentences, names, i),
                in_headline: headline && n.sentence == 0,
            }
        })
        .collect();
    let groups = people::group(&input);
    let mut out = vec![None; names.len()];
    for (&i, g) in persons.iter().zip(groups) {
        out[i] = Some(g);
    }
    out
}

/// Whether the document's first sentence is a headline: it does not end as a sentence of
/// running text does (with `.`, `!`, `?`, a closing quotation mark or a colon).
fn is_headline(text: &str, sentences: &[SentenceTokens]) -> bool {
    let last = sentences
        .first()
        .and_then(|s| s.spans.last())
        .map_or("", |span| span.text(text));
    !last.ends_with(['.', '!', '?', '"', '\u{201d}', ':'])
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
    fn matches_initials() {
        assert!(is_initials(&words("EU"), &words("European Union")));
        assert!(is_initials(&words("U.N."), &words("United Nations")));
        assert!(!is_initials(&words("EU"), &words("Europe")));
    }
}
