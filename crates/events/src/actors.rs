//! The actors of a sentence and their roles in an event: who did it (the subject before the
//! trigger, or the "by" phrase of a passive), to whom (the first actor after it), and where
//! (a place after "in", "at", "near"...).
//!
//! An actor phrase is an entity mention (a person, organization, country, nationality or
//! place), a generic actor noun from `lexicon/actors.txt` ("troops", "police"), or a mention
//! followed by such a noun ("Iranian drones": Iran, military). It is named through the entity
//! layer: a nationality by its country, a pronoun or a surname by its entity's name. A
//! pronoun resolved to one of the entity layer's unnamed actors ("the gunman") is no actor.

use crate::lexicon::{Lexicon, Modality};
use crate::sentence::Sentence;
use parallax_core::function_words::{self, FunctionWord};
use parallax_core::{Anchor, EntityType, EventActor, LocalEntity, Mention, MentionKind, Span};

/// An actor phrase: tokens `[first, last)`.
#[derive(Debug, Clone)]
pub struct Phrase {
    pub first: usize,
    pub last: usize,
    pub actor: EventActor,
    pub entity_type: Option<EntityType>,
    /// Whether a locative preposition stands just before it ("in Gori").
    pub locative: bool,
    /// The title written with its mention ("Former New York City Mayor"), if any.
    pub role: Option<String>,
}

/// Stems of the words before a place that make it the event's location.
const LOCATIVE: &[&str] = &[
    "in", "at", "near", "outsid", "insid", "into", "across", "around", "toward",
];

/// Words that join coordinated actors ("Israel and the Palestinians").
const COORDINATION: &[&str] = &["and", "along"];

/// Words between a nationality or name and the actor noun it qualifies ("Iranian-made drones").
const MAX_MODIFIER_GAP: usize = 2;

fn actor_of(
    text: &str,
    span: Span,
    mention: Option<(usize, &Mention)>,
    entities: &[LocalEntity],
    sector: Option<&'static str>,
) -> Option<EventActor> {
    let words = text.get(span.start..span.end)?.to_string();
    let (name, local_entity) = match mention {
        Some((_, m)) => match m
            .local_entity
            .and_then(|e| entities.get(e).map(|le| (e, le)))
        {
            Some((e, le)) => (
                le.country.clone().unwrap_or_else(|| le.name.clone()),
                Some(e),
            ),
            // An unresolved pronoun names nobody.
            None if m.kind == MentionKind::Pronoun => return None,
            None => (m.text.clone(), None),
        },
        None => (words.clone(), None),
    };
    Some(EventActor {
        span,
        text: words,
        name,
        mention: mention.map(|(i, _)| i),
        local_entity,
        sector: sector.map(str::to_string),
    })
}

/// Whether local entity `e` is an unnamed actor ([`LocalEntity::is_unnamed`]).
fn unnamed(e: usize, mentions: &[Mention], entities: &[LocalEntity]) -> bool {
    entities.get(e).is_some_and(|le| le.is_unnamed(mentions))
}

/// The text of token `i` of `s` ("" out of range).
fn word<'t>(s: &Sentence, text: &'t str, i: usize) -> &'t str {
    s.toks
        .get(i)
        .and_then(|t| text.get(t.span.start..t.span.end))
        .unwrap_or("")
}

/// Whether token `i` of `s` is a closed-class word of one of `classes`.
fn is_class(s: &Sentence, text: &str, i: usize, classes: FunctionWord) -> bool {
    function_words::class_of(word(s, text, i)).is(classes)
}

/// Whether the pronoun at token `i` is a possessive before its noun ("their demands", "its
/// involvement"): the noun phrase it opens is the participant, not the pronoun's referent.
/// "her" is also an object ("police arrested her"): it is a possessive only before a word
/// that is no closed-class word.
fn possessive_determiner(s: &Sentence, text: &str, i: usize) -> bool {
    if !is_class(s, text, i, FunctionWord::POSSESSIVE) {
        return false;
    }
    if !word(s, text, i).eq_ignore_ascii_case("her") {
        return true;
    }
    s.is_word(i + 1) && function_words::class_of(word(s, text, i + 1)) == FunctionWord::default()
}

/// The actor phrases of sentence `s`, in text order, from the `mentions` inside it.
pub fn phrases(
    s: &Sentence,
    text: &str,
    mentions: &[Mention],
    sentence_mentions: std::ops::Range<usize>,
    entities: &[LocalEntity],
    lex: &Lexicon,
) -> Vec<Phrase> {
    let mut out: Vec<Phrase> = Vec::new();
    let mut covered = vec![false; s.len()];
    for i in sentence_mentions.clone() {
        let Some(m) = mentions.get(i) else { continue };
        if matches!(m.entity_type, EntityType::Event | EntityType::Misc) {
            continue;
        }
        // A pronoun resolved to an unnamed actor ("the gunman") names nobody an event could
        // be coded with: a named actor of the sentence takes the role.
        if m.kind == MentionKind::Pronoun
            && m.local_entity
                .is_some_and(|e| unnamed(e, mentions, entities))
        {
            continue;
        }
        // A pronoun whose entity the sentence already named ("French farmers said they would
        // blockade Paris") adds no actor: the name is the phrase a reader looks for.
        if m.kind == MentionKind::Pronoun
            && m.local_entity.is_some_and(|e| {
                (sentence_mentions.start..i).any(|j| {
                    mentions.get(j).is_some_and(|o| {
                        o.local_entity == Some(e) && o.kind != MentionKind::Pronoun
                    })
                })
            })
        {
            continue;
        }
        let mut first = s.tok_at(m.span.start);
        let mut last = s.tok_at(m.span.end);
        if first >= last || last > s.len() {
            continue;
        }
        if m.kind == MentionKind::Pronoun && possessive_determiner(s, text, first) {
            continue;
        }
        // A description's article is no part of the actor ("the Israeli army").
        while first + 1 < last && is_class(s, text, first, FunctionWord::DETERMINER) {
            first += 1;
        }
        // A generic actor noun right after the mention is its head ("Iranian drones").
        let mut sector = None;
        let head = (last..(last + MAX_MODIFIER_GAP + 1).min(s.len()))
            .take_while(|&k| {
                (s.is_word(k) && s.stem(k) != "to")
                    || text.get(s.toks[k].span.start..s.toks[k].span.end) == Some("-")
            })
            .find(|&k| lex.sectors.contains_key(s.stem(k)) && !is_verb(s, k, lex));
        if let Some(k) = head {
            // "security forces": the last noun of the run is the head; a capital ends it.
            last = k;
            while let Some(&next) = s
                .toks
                .get(last)
                .filter(|t| !t.capital || last == k)
                .and_then(|_| lex.sectors.get(s.stem(last)))
            {
                sector = Some(next);
                last += 1;
            }
        }
        let start = m.span.start.max(s.toks[first].span.start);
        let span = Span::new(start, s.toks[last - 1].span.end.max(m.span.end));
        let Some(actor) = actor_of(text, span, Some((i, m)), entities, sector) else {
            continue;
        };
        for c in covered.iter_mut().take(last).skip(first) {
            *c = true;
        }
        out.push(Phrase {
            first,
            last,
            actor,
            entity_type: Some(m.entity_type),
            locative: false,
            role: m.role.clone(),
        });
    }
    // Generic actor nouns outside mentions, a run of them being one phrase ("riot police").
    // An infinitive is no actor ("to force President Biden"), and a capital ends the run: a
    // title before a name is no noun of the run ("forces President").
    let mut k = 0;
    while k < s.len() {
        if covered[k]
            || !lex.sectors.contains_key(s.stem(k))
            || s.toks[k].capital && k > 0
            || is_verb(s, k, lex)
        {
            k += 1;
            continue;
        }
        let first = k;
        let mut sector = lex.sectors.get(s.stem(k)).copied();
        k += 1;
        while k < s.len() && !covered[k] && !s.toks[k].capital {
            match lex.sectors.get(s.stem(k)) {
                Some(&next) => {
                    sector = Some(next);
                    k += 1;
                }
                None => break,
            }
        }
        let span = Span::new(s.toks[first].span.start, s.toks[k - 1].span.end);
        if let Some(actor) = actor_of(text, span, None, entities, sector) {
            out.push(Phrase {
                first,
                last: k,
                actor,
                entity_type: None,
                locative: false,
                role: None,
            });
        }
    }
    out.sort_by_key(|p| p.first);
    out.dedup_by(|b, a| b.first < a.last);
    // A name inside a person's title is no actor of its own: in "Former New York City Mayor
    // Rudy Giuliani agreed" and "Senate Minority Leader Mitch McConnell vowed" the person acts.
    let in_title: Vec<bool> = (0..out.len())
        .map(|j| {
            out.get(j + 1)
                .is_some_and(|next| names_title_of(s, text, &out[j], next))
        })
        .collect();
    let mut keep = in_title.iter().map(|t| !t);
    out.retain(|_| keep.next().unwrap_or(true));
    for p in &mut out {
        // The preposition may stand before a determiner ("in the capital Kabul"), not before
        // a number: "at least 16 people" are no place.
        p.locative = (1..=3).any(|back| {
            p.first.checked_sub(back).is_some_and(|k| {
                LOCATIVE.contains(&s.stem(k)) && (k + 1..p.first).all(|w| s.is_word(w))
            })
        });
    }
    out
}

/// Whether phrase `q` is written inside the title of the person `p` that follows it: the words
/// between them end `p`'s title ("New York City" + "Mayor" + "Rudy Giuliani", title "Former
/// New York City Mayor"), or `q` names a body and is one capitalized run with the words up to
/// `p` that ends with the title, the rest of a title the entity layer cut shorter ("Senate" +
/// "Minority Leader" + "Mitch McConnell", title "Leader").
fn names_title_of(s: &Sentence, text: &str, q: &Phrase, p: &Phrase) -> bool {
    let (Some(role), Some(EntityType::Person)) = (p.role.as_deref(), p.entity_type) else {
        return false;
    };
    if q.entity_type == Some(EntityType::Person) || q.last > p.first || p.first == 0 {
        return false;
    }
    let role = role.to_lowercase();
    let ends = |long: &str, short: &str| {
        long.ends_with(short) && (long.len() == short.len() || long.ends_with(&format!(" {short}")))
    };
    let between = |from: usize| {
        let (Some(from), Some(to)) = (s.toks.get(from), s.toks.get(p.first - 1)) else {
            return None;
        };
        text.get(from.span.start..to.span.end)
    };
    // The words between them end the title.
    let gap_ends_title = q.last < p.first
        && between(q.last).is_some_and(|gap| !gap.is_empty() && ends(&role, &gap.to_lowercase()));
    // The name and the words after it are one capitalized run ending with the title, the
    // name a body's ("Senate Minority Leader"): a party leader is not the chamber. A country's
    // ("Sarkan President Ilya Borun") stays the actor, as event coding reads a head of state
    // or minister as the state's government.
    let body = !matches!(
        q.entity_type,
        Some(EntityType::Gpe | EntityType::Norp | EntityType::Loc)
    );
    // A word between the name and the title ("Minority") says the title is an office inside
    // the body; "Sarkan President" or "House Speaker" leaves the body the actor.
    let run_ends_with_title = body
        && between(q.first).is_some_and(|run| {
            let words = run.split_whitespace().count();
            run.split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase) && !w.contains([',', ';', ':']))
                && run.to_lowercase().ends_with(&format!(" {role}"))
                && words >= role.split_whitespace().count() + 2
        });
    gap_ends_title || run_ends_with_title
}

/// Whether the actor noun at token `k` is used as a verb: after the infinitive "to" or an
/// auxiliary ([future] or [hypothetical] in `lexicon/modality.txt`) and before its object, a
/// name or "the" ("to force President Biden", "would force President Trump", "to police
/// the streets"); "sent aid to rebels in Idlib" keeps its noun.
fn is_verb(s: &Sentence, k: usize, lex: &Lexicon) -> bool {
    k > 0
        && (s.stem(k - 1) == "to"
            || matches!(
                lex.modality.get(s.stem(k - 1)),
                Some(Modality::Future | Modality::Hypothetical)
            ))
        && (s.toks.get(k + 1).is_some_and(|t| t.capital) || s.stem(k + 1) == "the")
}

/// Indices into `phrases` of the coordinated run starting at `i` ("Bosnia and Slovenia").
fn with_coordinated(
    s: &Sentence,
    text: &str,
    phrases: &[Phrase],
    i: usize,
    end: usize,
) -> Vec<usize> {
    let mut run = vec![i];
    let mut at = i;
    while let Some(next) = phrases.get(at + 1) {
        let between: Vec<usize> = (phrases[at].last..next.first).collect();
        let joined = !between.is_empty()
            && between.len() <= 2
            && between.iter().all(|&k| {
                COORDINATION.contains(&s.stem(k))
                    || text.get(s.toks[k].span.start..s.toks[k].span.end) == Some(",")
                    || s.stem(k) == "the"
            })
            && between.iter().any(|&k| COORDINATION.contains(&s.stem(k)));
        if !joined || next.last > end {
            break;
        }
        at += 1;
        run.push(at);
    }
    run
}

/// The roles of one event's actors.
#[derive(Debug, Default)]
pub struct Roles {
    pub source: Vec<EventActor>,
    pub target: Vec<EventActor>,
    pub location: Option<Anchor>,
    /// Whether the trigger is a passive participle ("were seized"): the text says something
    /// underwent it, named or not.
    pub passive: bool,
}

/// Words before a participle that make it passive ("was struck").
const PASSIVE: &[&str] = &["was", "were", "been", "being", "is", "are", "be"];

/// The actors of the event triggered at tokens `[first, last)`, whose clause starts at token
/// `clause` (the sentence's start, or its quotation's) and whose target may be sought up to
/// token `reach`.
#[allow(clippy::too_many_arguments)]
pub fn roles(
    s: &Sentence,
    text: &str,
    phrases: &[Phrase],
    lex: &Lexicon,
    clause: usize,
    first: usize,
    last: usize,
    reach: usize,
) -> Roles {
    // The subject stands after the last clause boundary before the trigger.
    let mut start = clause;
    let mut after_word = false;
    for k in (clause..first).rev() {
        let dash = matches!(
            text.get(s.toks[k].span.start..s.toks[k].span.end),
            Some("–" | "—" | ":" | ";")
        );
        if dash || lex.boundaries.contains(s.stem(k)) {
            start = k + 1;
            after_word = !dash;
            break;
        }
    }
    // With none there ("X said they would boycott": an unresolved pronoun), the subject of
    // the clause before the boundary speaks for it.
    let subject = phrases
        .iter()
        .position(|p| p.first >= start && p.last <= first && !p.locative)
        .or_else(|| {
            (after_word && start > clause)
                .then(|| {
                    phrases
                        .iter()
                        .position(|p| p.first >= clause && p.last < start && !p.locative)
                })
                .flatten()
        })
        .map(|i| with_coordinated(s, text, phrases, i, first));
    // The object: the first actor after the trigger, before the next clause boundary.
    let mut end = reach.min(s.len()).min(last + 12);
    for k in last..end {
        let boundary = lex.boundaries.contains(s.stem(k)) && k > last + 1;
        let stop = matches!(
            text.get(s.toks[k].span.start..s.toks[k].span.end),
            Some(";" | ":" | "(")
        );
        if boundary || stop {
            end = k;
            break;
        }
    }
    // "was struck by", or a reduced relative: "Breonna Taylor, shot by police".
    let by_follows = s.stem(last) == "by";
    let passive = first > 0
        && (by_follows
            || text
                .get(s.toks[first - 1].span.start..s.toks[first - 1].span.end)
                .is_some_and(|w| PASSIVE.iter().any(|p| w.eq_ignore_ascii_case(p))))
        && text
            .get(s.toks[first].span.start..s.toks[first].span.end)
            .is_some_and(|w| {
                w.ends_with("ed") || w.ends_with("en") || w == "struck" || w == "shot"
            });
    let by_agent = passive
        .then(|| {
            (last..end.min(last + 3))
                .find(|&k| s.stem(k) == "by")
                .and_then(|k| phrases.iter().position(|p| p.first > k && p.first <= k + 3))
        })
        .flatten();
    // A place after "in", "at", "near" is where it happened; it is the target (as PLOVER
    // codes it: the place's government) only when no other actor follows, and not when it
    // locates the actor named just before it ("the Justice Department in Washington").
    let after = |p: &Phrase| {
        p.first >= last && p.last <= end && Some(p.first) != by_agent.map(|b| phrases[b].first)
    };
    let locates_another = |p: &Phrase| {
        phrases
            .iter()
            .any(|q| q.last < p.first && p.first - q.last <= 2 && q.last >= last)
    };
    let object = phrases
        .iter()
        .position(|p| after(p) && !p.locative)
        .or_else(|| {
            phrases.iter().position(|p| {
                after(p) && p.entity_type == Some(EntityType::Gpe) && !locates_another(p)
            })
        })
        .map(|i| with_coordinated(s, text, phrases, i, end));
    let pick = |run: Option<Vec<usize>>| -> Vec<EventActor> {
        run.unwrap_or_default()
            .into_iter()
            .map(|i| phrases[i].actor.clone())
            .collect()
    };
    // "Trump is not under investigation", "the town came under attack": the subject
    // undergoes the event, as in a passive, and nothing names who does it.
    let under = (1..=2).filter_map(|b| first.checked_sub(b)).any(|k| {
        k >= start
            && text
                .get(s.toks[k].span.start..s.toks[k].span.end)
                .is_some_and(|w| w.eq_ignore_ascii_case("under"))
    });
    let (source, target) = if under && !passive {
        (Vec::new(), pick(subject))
    } else if passive {
        (
            pick(by_agent.map(|i| with_coordinated(s, text, phrases, i, end))),
            pick(subject),
        )
    } else {
        (pick(subject), pick(object))
    };
    let place = |p: &&Phrase| {
        p.locative
            && matches!(
                p.entity_type,
                Some(EntityType::Gpe | EntityType::Loc | EntityType::Fac)
            )
    };
    let location = phrases
        .iter()
        .filter(place)
        .find(|p| p.first >= last)
        .or_else(|| phrases.iter().find(place))
        .map(|p| Anchor {
            span: p.actor.span,
            text: p.actor.text.clone(),
        });
    Roles {
        source,
        target,
        location,
        passive,
    }
}
