//! Actors without a proper name: "the gunman", "police", "the migrant caravan", "two women".
//!
//! A noun of the actor list (`lexicon/actor_nouns.txt`, [`crate::lexicon::lists`]) that no
//! name or nominal covers is a description mention when it is plainly a noun: after a
//! determiner or possessive (`crates/core/data/function_words.txt`: "the", "a", "these", "her", …,
//! with at most six tokens between that are lowercase modifiers or words of a name, which
//! join the mention: "the migrant caravan", "a Perth mountain climber"), before a person's
//! name ("actress Tara Reid"), or a plural or an organization noun not after a modal or a
//! subject pronoun, nor after "to" for people ("police said", "according to police",
//! "pirates seized"; "to guard" is a verb). It is not one when it modifies
//! what follows: another actor noun ("police officers"), a title it begins ("separatist
//! leader"), or, for a singular group or body, any lowercase word but a verb of
//! `crates/core/data/actor_verbs.txt` or an "-ed" word ("the military operation", but "the military
//! said"). It resolves, in order:
//!
//! 1. a noun for one person, to the person whose name it stands before ("actress Tara
//!    Reid") or after, as an appositive ("Tara Reid, the actress"; but "Arlen Specter, the
//!    Obama administration said" is not Specter); the noun is then remembered for that
//!    person; a body right after an organization's name is that organization ("the
//!    Northern Dispatch team" is Northern Dispatch); other actors named after a name are
//!    their own ("Russian troops", "Kordanian officials", "the Newtown families", "White
//!    House lawyers": not the country, town or building);
//! 2. a definite description ("the actress") to the person the same noun was remembered for;
//! 3. to the unnamed actor of the same noun met before in the document (singular and plural
//!    alike for groups and bodies: "the caravan", "the caravans"; in the same number for
//!    people: "the officer" is not "officers");
//! 4. else to a new unnamed actor: a person, a group (NORP) or an organization, named by its
//!    longest definite mention; one per name modifying it ("a Marenian official" and "a
//!    Kordanian official" are two) and per possessive owning it ("his mother", "her mother";
//!    the name keeps the possessive, which tells cross-document resolution not to join it).

use super::{Entity, Linked};
use crate::lexicon::lists::{lists, ActorNoun};
use crate::lexicon::normalize;
use crate::roles::title_at_start;
use crate::tokens::SentenceTokens;
use parallax_core::function_words::FunctionWord;
use parallax_core::{EntityType, Mention, MentionKind, Span};
use std::collections::HashMap;

/// Most tokens between a determiner and the noun ("a 61 - year - old man").
const MAX_MODIFIERS: usize = 6;

fn class(word: &str) -> FunctionWord {
    parallax_core::function_words::class_of(word)
}

/// Words after which a noun of the list is a verb ("to guard", "will police", "they rebel").
fn before_verb(word: &str) -> bool {
    word.eq_ignore_ascii_case("to") || class(word).is(FunctionWord::SUBJECT | FunctionWord::MODAL)
}

/// The description mentions of the document; new unnamed actors are pushed onto `entities`.
/// `linked` (names and nominals) must be in text order.
pub(super) fn find(
    text: &str,
    sentences: &[SentenceTokens],
    linked: &[Linked],
    entities: &mut Vec<Entity>,
) -> Vec<Linked> {
    let mut out: Vec<Linked> = Vec::new();
    // Noun lemma → the person it was written for; see ActorKey for the unnamed actors.
    let mut stands_for: HashMap<String, usize> = HashMap::new();
    let mut actors: HashMap<ActorKey, usize> = HashMap::new();
    let covered = |span: Span| {
        let at = linked.partition_point(|l| l.mention.span.end <= span.start);
        linked
            .get(at)
            .is_some_and(|l| l.mention.span.start < span.end)
    };
    let person_at = |start: usize| {
        let at = linked.partition_point(|l| l.mention.span.start < start);
        linked.get(at).filter(|l| {
            l.mention.span.start == start
                && l.mention.kind == MentionKind::Name
                && l.mention.entity_type == EntityType::Person
        })
    };
    // The name right before token `i` ("Russian" troops, the "Northern Dispatch" team).
    let name_ending = |end: usize| {
        let at = linked.partition_point(|l| l.mention.span.end < end);
        linked
            .get(at)
            .filter(|l| l.mention.span.end == end && l.mention.kind == MentionKind::Name)
    };
    let person_ending =
        |end: usize| name_ending(end).filter(|l| l.mention.entity_type == EntityType::Person);
    for (index, sentence) in sentences.iter().enumerate() {
        let spans = &sentence.spans;
        let words: Vec<&str> = spans.iter().map(|s| s.text(text)).collect();
        for i in 0..words.len() {
            let word = words[i];
            let lowercase = word.chars().next().is_some_and(char::is_lowercase);
            let opening = i == 0 && word.chars().skip(1).all(char::is_lowercase);
            if !(lowercase || opening) || covered(spans[i]) {
                continue;
            }
            let Some(noun) = lists().actor_noun(&normalize(word)) else {
                continue;
            };
            // A compound's head is the last noun: "police officers", not "police"; a title
            // is the person's role ("separatist leader Eduard Vasko"); a singular group or
            // body before another word is a modifier ("the military operation", "separatist
            // provocations") unless a verb follows ("the military said").
            let next = words.get(i + 1).copied().unwrap_or("");
            let next_lower = next.chars().next().is_some_and(char::is_lowercase);
            let singular_group =
                noun.entity_type != EntityType::Person && normalize(word) == noun.lemma;
            if next_lower
                && (lists().actor_noun(next).is_some()
                    || (singular_group && !parallax_core::modifiers::follows_actor(next)))
            {
                continue;
            }
            if title_at_start(&words[i..]).is_some_and(|t| t.len > 1) {
                continue;
            }
            let (start, opening) = opening_of(&words, i, spans, &covered);
            let determined = opening != Opening::Bare;
            // Only one person stands for one person ("actress Tara Reid"): "Arlen Specter,
            // the Obama administration said" is not Specter.
            let one_person = noun.entity_type == EntityType::Person && !noun.plural;
            let before_name = spans
                .get(i + 1)
                .and_then(|s| person_at(s.start))
                .filter(|_| one_person);
            // "to" makes a verb of a person's noun ("to guard"), not of a body's ("according
            // to police").
            let verb = i.checked_sub(1).is_some_and(|p| {
                before_verb(words[p])
                    && !(noun.entity_type == EntityType::Org && words[p].eq_ignore_ascii_case("to"))
            });
            let bare_ok = (noun.plural || noun.entity_type != EntityType::Person) && !verb;
            if !determined && before_name.is_none() && !bare_ok {
                continue;
            }
            let span = Span::new(spans[start].start, spans[i].end);
            let after_name = (one_person && start >= 2 && words[start - 1] == ",")
                .then(|| person_ending(spans[start - 2].end))
                .flatten();
            let definite = match opening {
                Opening::Bare => false,
                Opening::Possessive(_) => true,
                Opening::Article(j) => {
                    !matches!(normalize(words[j]).as_str(), "a" | "an" | "another")
                }
            };
            let modifier = i
                .checked_sub(1)
                .and_then(|p| name_ending(spans[p].end))
                .filter(|m| m.mention.entity_type != EntityType::Person);
            // A body is the organization named before it ("the Northern Dispatch team"), but
            // a country's or city's body is its own ("the Indian navy", "Vancouver police"),
            // and so are people ("Russian troops", "the Newtown families", "the American
            // men's team").
            let acting = modifier.filter(|m| {
                noun.entity_type == EntityType::Org && m.mention.entity_type == EntityType::Org
            });
            let entity = if let Some(person) = before_name.or(after_name) {
                stands_for.insert(noun.lemma.clone(), person.entity);
                person.entity
            } else if let Some(m) = acting {
                m.entity
            } else if let Some(&person) = stands_for.get(&noun.lemma).filter(|_| definite) {
                person
            } else {
                // How it is named: with the name modifying it when the span starts after
                // that name, with its owner's possessive ("her family": whose family is told
                // by the owner, so it is one actor per possessive and never across articles).
                let mut written = span.text(text).to_string();
                if let Some(m) = modifier.filter(|m| m.mention.span.start < span.start) {
                    written = format!("{} {written}", m.mention.text);
                }
                let owner = match opening {
                    Opening::Possessive(j) => {
                        written = format!("{} {written}", words[j]);
                        Some(normalize(words[j]))
                    }
                    _ => None,
                };
                let key = (
                    noun.lemma.clone(),
                    noun.plural,
                    modifier.map(|m| m.entity),
                    owner,
                );
                actor(&noun, key, &written, definite, &mut actors, entities)
            };
            let Some(e) = entities.get(entity) else {
                continue;
            };
            out.push(Linked {
                mention: Mention {
                    span,
                    text: span.text(text).to_string(),
                    entity_type: e.entity_type,
                    kind: MentionKind::Nominal,
                    role: None,
                    local_entity: Some(entity),
                },
                entity,
                sentence: index,
            });
        }
    }
    out
}

/// What opens a description.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Opening {
    /// Nothing: a bare noun ("police said").
    Bare,
    /// An article or demonstrative at this token, inside the span.
    Article(usize),
    /// A possessive at this token ("her family"), outside the span: it is the owner's
    /// mention.
    Possessive(usize),
}

/// The token where the description of noun `i` starts, and what opens it.
fn opening_of(
    words: &[&str],
    i: usize,
    spans: &[Span],
    covered: &impl Fn(Span) -> bool,
) -> (usize, Opening) {
    let mut start = i;
    for back in 1..=(MAX_MODIFIERS + 1).min(i) {
        let j = i - back;
        let c = class(words[j]);
        if c.is(FunctionWord::DETERMINER) {
            return (j, Opening::Article(j));
        }
        if c.is(FunctionWord::POSSESSIVE) {
            return (start, Opening::Possessive(j));
        }
        if c != FunctionWord::default() {
            break;
        }
        // A modifier is a lowercase word, a number or a hyphenated compound, not a plural
        // or a verb's "-s" ("a flaw allows hackers"), or a word of a name ("a Perth
        // mountain climber").
        let w = words[j];
        let modifier = if covered(spans[j]) {
            w.chars().next().is_some_and(char::is_uppercase)
        } else {
            w.chars()
                .all(|c| c.is_lowercase() || c.is_ascii_digit() || c == '-')
                && (!w.ends_with('s') || w.ends_with("ss"))
        };
        if !modifier {
            break;
        }
        start = j;
    }
    (i, Opening::Bare)
}

/// What tells one unnamed actor of a document from another: the noun's lemma, whether it is
/// the plural of a person noun, the entity of the name that modifies it ("Marenian
/// officials" are not "Kordanian officials"), and the possessive that owns it ("his mother"
/// is not "her mother").
type ActorKey = (String, bool, Option<usize>, Option<String>);

/// The unnamed actor of `key` in this document, made when it is new; `written` is how this
/// mention names it (with its modifier's name).
fn actor(
    noun: &ActorNoun,
    key: ActorKey,
    written: &str,
    definite: bool,
    actors: &mut HashMap<ActorKey, usize>,
    entities: &mut Vec<Entity>,
) -> usize {
    let id = *actors.entry(key).or_insert_with(|| {
        entities.push(Entity {
            entity_type: noun.entity_type,
            words: Vec::new(),
            name: String::new(),
            roles: Vec::new(),
            gender: noun.gender,
            unnamed: true,
        });
        entities.len() - 1
    });
    let e = &mut entities[id];
    // The name: the longest definite mention, else the first one.
    let better = e.name.is_empty()
        || (definite
            && (e
                .words
                .first()
                .is_some_and(|w| matches!(w.as_str(), "a" | "an" | "another"))
                || written.chars().count() > e.name.chars().count()));
    if better {
        e.name = written.to_string();
        e.words = written.split_whitespace().map(normalize).collect();
    }
    id
}
