//! Linking each quotation's speaker phrase to an entity mention, over the whole article's
//! quotations at once (a pronoun's referent depends on the quotations before it).
//!
//! Rules, in order:
//! 1. a first-person speaker ("I", "we") inside a pasted block speaks for the block's source
//!    ("from the senator's office:" … "We condemn …"); outside one it is the article's author,
//!    and stays unresolved: the outlet speaks in its own voice;
//! 2. a relative pronoun ("who", "which", "that") resolves to the named mention it directly
//!    follows ("Kelidze, who said"), and to nothing when it follows an unnamed noun phrase ("a
//!    schoolgirl who told her mother"): the most recent earlier name is often someone else;
//! 3. a name or description mention overlapping the speaker phrase is the speaker: a person's
//!    name before another's ("Jason Baron, a former director at the National Archives"), one
//!    not in the possessive before one that is ("Mr. Jackson's lawyer, Reid Weingarten"), a
//!    name before a description ("a White House spokesman, Eric Schultz"), not a name a role
//!    serves ("a lawyer for Mr. Grimm"), modifying a noun ("Cornell law professor") or
//!    written as a location ("a group in Washington"), then the first; but an unnamed
//!    person of a named body ("a senior State Department official") is not the body, unless
//!    a spokesperson. A pronoun mention the entity layer linked is not
//!    trusted as it is, since that layer does not know who is speaking;
//! 4. a pronoun, or a party member's description ("The Arizona Republican"), (he/she to a
//!    PERSON; it to an ORG or GPE; they/we to an ORG, GPE or NORP, or to a PERSON only when
//!    continuing a speaker phrase that names several people) **continues the current speaker**: the speaker of the latest attributed
//!    quotation in this or the three paragraphs before, when no other compatible name has been
//!    written in the narrative since ("“…,” Vasko said. “I spoke with President Orlov,” he
//!    said" is Vasko's). Otherwise it goes to the most recent compatible name in the narrative
//!    of this or the two paragraphs before. Names inside quoted words never count: the person
//!    a speaker talks about is not the one speaking, nor does the listener of "told" ("told
//!    the Kingsport Times-News"), nor the one a role serves ("The former chief strategist to
//!    Donald Trump …, which he promised" is the strategist's), nor a name or speaker before a
//!    section heading (a short paragraph without closing punctuation); nor does a place
//!    written as a location ("in Benghazi"), a body written as the channel words appeared on
//!    ("fans on Twitter") or a place or body modifying a role ("The Idaho congressman") for
//!    "it" or "they". An "it" right after a quotation given on a website or in a document
//!    ("Labrador says this on his website: “…” / “…,” it says") is that channel, and speaks
//!    for that quotation's speaker;
//!    a continuation keeps the speaker of the quotation it continues;
//! 5. a document speaks for its author ([`authors`]): "Steele issued a statement saying",
//!    "the statement said" after "a statement from Grimm's attorney, William McGinley";
//! 6. a description with a determiner ("the ministry", "the website", "the senator") resolves
//!    only to a name it fits: an organisation whose name holds the head noun ("the ministry" →
//!    "Interior Ministry"); for a medium ("the website", "the newspaper") the most recent
//!    organisation; a person whose title or role is the head noun ("the senator" → "Sen. Jane
//!    Roe"). "The official" with no official named stays unresolved rather than guessed;
//! 7. ([`refer_back`]) such an unresolved "the aide", or a relative pronoun after an earlier
//!    speaker phrase of its sentence, takes the words of the unnamed speaker it refers back to ("An
//!    aide to the committee … said"), so that the quotation names its source.

use crate::found::Found;
use crate::{authors, lexicon};
use parallax_core::span_index::SpanIndex;
use parallax_core::{EntityType, LocalEntity, Mention, MentionKind, QuoteKind, Segmentation, Span};
use std::cell::OnceCell;
use std::collections::HashMap;

/// Bytes at most between a relative pronoun and the name it refers to (", who").
const RELATIVE_GAP: usize = 2;
/// How many paragraphs before the speaker's a pronoun may reach for a name, or for the
/// quotation whose speaker it continues.
const PARAGRAPH_WINDOW: usize = 3;

const PERSON: &[EntityType] = &[EntityType::Person];
const ORG: &[EntityType] = &[EntityType::Org, EntityType::Gpe];
const GROUP: &[EntityType] = &[
    EntityType::Org,
    EntityType::Gpe,
    EntityType::Norp,
    EntityType::Person,
];

/// What an article's quotations are resolved against.
pub struct Scope<'a> {
    pub text: &'a str,
    pub seg: &'a Segmentation,
    pub mentions: &'a [Mention],
    pub entities: &'a [LocalEntity],
}

/// A person's grammatical gender as the entity layer's pronoun links show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
}

fn gender_of_pronoun(word: &str) -> Option<Gender> {
    if ["he", "him", "his", "himself"]
        .iter()
        .any(|p| lexicon::is(word, p))
    {
        Some(Gender::Male)
    } else if ["she", "her", "hers", "herself"]
        .iter()
        .any(|p| lexicon::is(word, p))
    {
        Some(Gender::Female)
    } else {
        None
    }
}

/// Per local entity, the gender of the pronouns the entity layer linked to it (which it
/// links only where names and titles allow); `None` where it linked none or both.
fn genders(mentions: &[Mention], entities: usize) -> Vec<Option<Gender>> {
    let mut seen: Vec<(bool, bool)> = vec![(false, false); entities];
    for m in mentions.iter().filter(|m| m.kind == MentionKind::Pronoun) {
        let (Some(e), Some(g)) = (m.local_entity, gender_of_pronoun(&m.text)) else {
            continue;
        };
        if let Some(s) = seen.get_mut(e) {
            match g {
                Gender::Male => s.0 = true,
                Gender::Female => s.1 = true,
            }
        }
    }
    seen.into_iter()
        .map(|s| match s {
            (true, false) => Some(Gender::Male),
            (false, true) => Some(Gender::Female),
            _ => None,
        })
        .collect()
}

/// For each of `found` (in text order) with its final speaker span in `speakers`, the index
/// into `mentions` of the speaker's mention.
pub fn speakers(scope: &Scope, found: &[Found], speakers: &[Option<Span>]) -> Vec<Option<usize>> {
    // Quoted words, where no name is a pronoun's referent.
    let quoted = SpanIndex::new(
        found
            .iter()
            .filter(|f| f.kind != QuoteKind::Block)
            .map(|f| f.span),
    );
    let genders = genders(scope.mentions, scope.entities.len());
    let lookup = Lookup {
        mentions: SpanIndex::new(scope.mentions.iter().map(|m| m.span)),
        blocks: SpanIndex::new(found.iter().map(|f| match f.kind {
            QuoteKind::Block => f.span,
            // Contains no speaker: left out of the block lookups.
            _ => Span::new(0, 0),
        })),
        titles: OnceCell::new(),
    };
    let mut out: Vec<Option<usize>> = Vec::with_capacity(found.len());
    // The latest quotation so far with a resolved speaker (rule 4's current speaker).
    let mut attributed: Option<usize> = None;
    // The latest quotation so far with a speaker phrase: the one a continuation continues.
    let mut spoken: Option<usize> = None;
    for (k, speaker) in speakers.iter().enumerate().take(found.len()) {
        // A continuation took its speaker phrase from the quotation it continues, and is
        // that speaker's however the phrase would resolve from here ("“…,” it says. “…”").
        let continued = spoken
            .filter(|&j| found[k].continues && speakers.get(j) == Some(speaker))
            .and_then(|j| out.get(j).copied());
        let resolved = continued.flatten().or_else(|| {
            speaker.and_then(|s| {
                let words = s.text(scope.text);
                let earlier = Earlier {
                    found: &found[..k],
                    resolved: &out,
                    attributed,
                    quoted: &quoted,
                    genders: &genders,
                    lookup: &lookup,
                };
                resolve_one(scope, s, words, &earlier)
            })
        });
        let f = &found[k];
        if speaker.is_some() {
            spoken = Some(k);
        }
        if resolved.is_some() && f.kind != QuoteKind::Block && f.speaker.is_some() {
            attributed = Some(k);
        }
        out.push(resolved);
    }
    out
}

/// Words opening an indefinite description of a speaker: "An aide to …", "one Democrat who …".
const INDEFINITE: [&str; 4] = ["a", "an", "one", "another"];

/// Rule 7, after the others: a speaker phrase that names no one but refers back to an
/// earlier quotation's unnamed speaker takes that phrase's words and resolution, as a reader
/// takes it. "The aide said" after "An aide to the House Ways and Means Committee … said"
/// is that aide (the latest indefinite description of the same role within
/// [`PARAGRAPH_WINDOW`] paragraphs); a relative pronoun after the speaker phrase of its
/// sentence ("said one Democrat who opposed her, who requested anonymity") is that phrase's.
/// One pass, with the latest description per role word.
pub fn refer_back(scope: &Scope, speakers: &mut [Option<Span>], resolved: &mut [Option<usize>]) {
    let mut described: HashMap<String, usize> = HashMap::new();
    let mut previous: Option<usize> = None;
    for k in 0..speakers.len().min(resolved.len()) {
        let Some(span) = speakers[k] else {
            continue;
        };
        let words = span.text(scope.text);
        let earlier = if resolved[k].is_some() {
            None
        } else if relative_types(words).is_some() {
            previous.filter(|&j| speakers[j].is_some_and(|p| same_clause(scope.text, p, span)))
        } else {
            definite_role(words)
                .and_then(|role| described.get(&role).copied())
                .filter(|&j| {
                    let at = |s: Option<Span>| s.and_then(|s| scope.seg.paragraph_at(s.start));
                    at(speakers[j])
                        .zip(at(Some(span)))
                        .is_some_and(|(from, to)| from <= to && to <= from + PARAGRAPH_WINDOW)
                })
        };
        if let Some(j) = earlier {
            speakers[k] = speakers[j];
            resolved[k] = resolved[j];
        }
        if let Some(role) = speakers[k].and_then(|s| indefinite_role(s.text(scope.text))) {
            described.insert(role, k);
        }
        previous = Some(k);
    }
}

/// Whether the relative pronoun `relative` refers to the speaker phrase `earlier`: it is that
/// phrase's last word, follows it right after a comma ("government sources, who noted"), or
/// opens a second clause after a phrase ending in its own relative pronoun, in one sentence
/// ("said one Democrat who opposed her, who requested anonymity", the first "who" being
/// itself taken as the speaker of "opposed her"). A relative pronoun after other words of
/// the sentence refers to them ("Obama said the Republicans who were vowing").
fn same_clause(text: &str, earlier: Span, relative: Span) -> bool {
    if earlier.start >= relative.start {
        return false;
    }
    if earlier.end == relative.end {
        return true;
    }
    let Some(gap) = text.get(earlier.end..relative.start) else {
        return false;
    };
    let chained = earlier
        .text(text)
        .split_whitespace()
        .next_back()
        .is_some_and(lexicon::is_relative)
        && !gap.contains(['.', '!', '?', '\n']);
    gap.len() <= RELATIVE_GAP || chained
}

/// The role word of a definite description of two words, "the aide", in ASCII lowercase.
fn definite_role(words: &str) -> Option<String> {
    let mut parts = words.split_whitespace();
    let (the, role) = (parts.next()?, parts.next()?);
    let fits = parts.next().is_none()
        && lexicon::is(the, "the")
        && role.starts_with(|c: char| c.is_ascii_lowercase())
        && lexicon::is_role(role);
    fits.then(|| role.to_ascii_lowercase())
}

/// The role word heading an indefinite description ("An aide to the committee", "a senior
/// aide, who"): the last word before a preposition, a comma or a relative pronoun, when a
/// role.
fn indefinite_role(words: &str) -> Option<String> {
    let mut parts = words.split_whitespace();
    let first = parts.next()?;
    if !INDEFINITE.iter().any(|d| lexicon::is(first, d)) {
        return None;
    }
    let mut head = None;
    for w in parts {
        let bare = w.trim_end_matches(',');
        if lexicon::is_relative(bare)
            || parallax_core::function_words::class_of(bare) != Default::default()
        {
            break;
        }
        head = Some(bare);
        if bare.len() < w.len() {
            break;
        }
    }
    let head =
        head.filter(|h| h.starts_with(|c: char| c.is_ascii_lowercase()) && lexicon::is_role(h))?;
    Some(head.to_ascii_lowercase())
}

/// Lookups built once per article, so that resolving a quotation reads the mentions and
/// quotations near it rather than every one ([`SpanIndex`]).
struct Lookup {
    /// The mentions' spans.
    mentions: SpanIndex,
    /// The quotations' spans, blocks only (the others empty).
    blocks: SpanIndex,
    /// The titles of the named persons, made when first asked for.
    titles: OnceCell<Titles>,
}

/// The named persons outside quoted words by the words of their titles and roles, for rule 6's
/// "the president", which reaches back over the whole article: a scan back per quotation
/// would read every earlier mention whenever the title fits no one.
struct Titles {
    /// Role word (ASCII lowercase: "sen", "president") → the mentions whose own role holds it,
    /// ascending.
    by_role: HashMap<String, Vec<usize>>,
    /// Role word → the local entities whose roles hold it.
    entities: HashMap<String, Vec<usize>>,
    /// Per local entity, its mentions, ascending.
    of_entity: HashMap<usize, Vec<usize>>,
}

impl Titles {
    fn new(scope: &Scope, quoted: &SpanIndex) -> Titles {
        let mut titles = Titles {
            by_role: HashMap::new(),
            entities: HashMap::new(),
            of_entity: HashMap::new(),
        };
        let named = scope.mentions.iter().enumerate().filter(|(_, m)| {
            m.kind == MentionKind::Name
                && m.entity_type == EntityType::Person
                && !quoted.any_contains(m.span)
        });
        for (i, m) in named {
            for word in m.role.iter().flat_map(|r| role_words(r)) {
                let list = titles.by_role.entry(word).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
            if let Some(e) = m.local_entity {
                titles.of_entity.entry(e).or_default().push(i);
            }
        }
        for (e, entity) in scope.entities.iter().enumerate() {
            for word in entity.roles.iter().flat_map(|r| role_words(r)) {
                let list = titles.entities.entry(word).or_default();
                if list.last() != Some(&e) {
                    list.push(e);
                }
            }
        }
        titles
    }

    /// The mentions whose title or role fits `head` ([`head_keys`]), each list ascending.
    fn fitting<'t>(&'t self, head: &'t str) -> impl Iterator<Item = &'t [usize]> {
        head_keys(head).flat_map(move |key| {
            let own = self.by_role.get(&key).map(Vec::as_slice);
            let entities = self.entities.get(&key).map_or(&[][..], Vec::as_slice);
            let of_entities = entities
                .iter()
                .filter_map(|e| self.of_entity.get(e).map(Vec::as_slice));
            own.into_iter().chain(of_entities).collect::<Vec<_>>()
        })
    }
}

/// The quotations before the one being resolved, with their resolutions.
struct Earlier<'a> {
    found: &'a [Found],
    resolved: &'a [Option<usize>],
    /// The index in `found` of the latest one with a resolved speaker, not a block.
    attributed: Option<usize>,
    /// Every quotation's quoted words (not only the earlier ones'), blocks aside.
    quoted: &'a SpanIndex,
    /// Per local entity, the gender its pronouns show.
    genders: &'a [Option<Gender>],
    lookup: &'a Lookup,
}

impl Earlier<'_> {
    /// Whether mention `m` may be referred to by the pronoun `word`: no pronoun of the other
    /// gender was linked to its entity.
    fn gender_fits(&self, m: &Mention, word: &str) -> bool {
        let known = m
            .local_entity
            .and_then(|e| self.genders.get(e).copied().flatten());
        match (known, gender_of_pronoun(word)) {
            (Some(k), Some(g)) => k == g,
            _ => true,
        }
    }
}

fn resolve_one(scope: &Scope, speaker: Span, words: &str, earlier: &Earlier) -> Option<usize> {
    let mentions = scope.mentions;
    if is_first_person(words) {
        // The source of the pasted block holding it, else the author.
        let blocks = earlier.lookup.blocks.containing(speaker);
        return blocks
            .iter()
            .rev()
            .filter(|&&b| b < earlier.found.len())
            .map(|&b| (&earlier.found[b], earlier.resolved.get(b)))
            .find(|(b, _)| b.kind == QuoteKind::Block && b.span.contains(speaker))
            .and_then(|(_, r)| r.copied().flatten());
    }
    let before = mentions.partition_point(|m| m.span.start < speaker.start);
    if let Some(compatible) = relative_types(words) {
        let (i, antecedent) = mentions.get(..before)?.iter().enumerate().next_back()?;
        let adjacent = antecedent.span.end <= speaker.start
            && speaker.start - antecedent.span.end <= RELATIVE_GAP;
        let named = antecedent.kind == MentionKind::Name;
        return (adjacent && named && compatible.contains(&antecedent.entity_type)).then_some(i);
    }
    let head = words
        .split_whitespace()
        .last()?
        .trim_end_matches(|c: char| !c.is_alphanumeric());
    // "The Arizona Republican said": a description of a person already named.
    let party_member = lexicon::is_party_member(head)
        && words
            .split_whitespace()
            .next()
            .is_some_and(|d| lexicon::is(d, "the"));
    // A person named in the phrase speaks ("Jason Baron, a former director at the National
    // Archives", "State Department spokeswoman Marie Harf"), not one whose possession it
    // names ("Mr. Jackson's lawyer, Reid H. Weingarten") or whom it serves ("A lawyer for
    // Mr. Grimm, William McGinley", "an aide to Pelosi"); then the first name.
    let possessive = |m: &Mention| {
        parallax_core::modifiers::is_possessive(scope.text, m.span) || served(scope.text, m)
    };
    let overlapping = earlier
        .lookup
        .mentions
        .overlapping(speaker)
        .into_iter()
        .filter_map(|i| mentions.get(i).map(|m| (i, m)))
        .filter(|(_, m)| m.kind != MentionKind::Pronoun)
        .filter(|(_, m)| !party_member || m.entity_type == EntityType::Person)
        // "a moderate group in Washington": where the speaker is, not who.
        .filter(|(_, m)| !located(scope.text, m))
        // "The US Trade Representative’s office": the country of a title, not its holder.
        .filter(|(_, m)| !titles_a_role(scope.text, speaker, m))
        .max_by_key(|(_, m)| {
            (
                m.entity_type == EntityType::Person && !possessive(m),
                !possessive(m),
                // "a White House spokesman, Eric Schultz": the person's name, not the
                // description (nor a place in it: "Federal prosecutors in New York").
                m.entity_type == EntityType::Person && m.kind == MentionKind::Name,
                // "Cornell law professor Michael Dorf": a name modifying a noun after it is
                // not the one the phrase names.
                !(m.kind == MentionKind::Name && modifies_noun(scope.text, speaker, m)),
                std::cmp::Reverse(m.span.start),
            )
        });
    if let Some((i, m)) = overlapping {
        // "A senior State Department official", "a Pentagon aide": an unnamed person of a
        // body is not the body; its spokesman speaks for it.
        // The role heads the phrase even when a clause follows it: "An aide to the House
        // Ways and Means Committee, who spoke on condition of anonymity".
        let role = indefinite_role(words);
        let role = role.as_deref().unwrap_or(head);
        // Nor is a person's aide the person: "one of Ms. Rice’s aides" is left unnamed when
        // no name of the aide's own is written.
        let unnamed_person = (m.entity_type != EntityType::Person || possessive(m))
            && role.starts_with(|c: char| c.is_ascii_lowercase())
            && lexicon::is_role(role)
            && !role.starts_with("spokes");
        if unnamed_person {
            return None;
        }
        return Some(i);
    }
    let texts = authors::Text {
        text: scope.text,
        seg: scope.seg,
        mentions,
        quoted: earlier.quoted,
    };
    if let Some(author) = authors::author(&texts, speaker, head) {
        return Some(author);
    }
    let compatible = if party_member {
        Some(PERSON)
    } else {
        pronoun_types(head).filter(|_| !words.contains(' '))
    };
    if let Some(compatible) = compatible {
        // "it said" is a body's, not a place's written as a location ("in Benghazi",
        // "the draft from Vietnam"): a country speaks as the subject of its own sentence.
        let it = lexicon::is(head, "it");
        let through_channel = || {
            it.then(|| channel_speaker(scope, speaker, earlier))
                .flatten()
        };
        return through_channel()
            .or_else(|| current_speaker(scope, speaker, compatible, head, earlier))
            .or_else(|| {
                // A plural pronoun names a group, a body or several people: never the one
                // person last written ("They" is not Pelosi), nor a place, whose people a
                // group name (NORP) stands for.
                let plural = is_plural(head);
                let one =
                    |m: &Mention| matches!(m.entity_type, EntityType::Person | EntityType::Gpe);
                latest_name(scope, speaker, earlier, PARAGRAPH_WINDOW, |m| {
                    fits_pronoun(scope.text, m, compatible, head)
                        && !(plural && one(m))
                        && !stands_aside(scope.text, m)
                        && earlier.gender_fits(m, head)
                        && !((it || plural)
                            && (located(scope.text, m)
                                || on_channel(scope.text, m)
                                || modifies_role(scope.text, m)))
                })
            });
    }
    let first = words.split_whitespace().next()?;
    if !lexicon::is_determiner(first) && !first.ends_with("'s") && !first.ends_with("’s") {
        return None;
    }
    if lexicon::is_org_noun(head) {
        let named = |m: &Mention| ORG.contains(&m.entity_type) && contains_word(&m.text, head);
        return latest_name(scope, speaker, earlier, PARAGRAPH_WINDOW, named).or_else(|| {
            lexicon::is_medium(head)
                .then(|| {
                    latest_name(scope, speaker, earlier, PARAGRAPH_WINDOW, |m| {
                        m.entity_type == EntityType::Org
                    })
                })
                .flatten()
        });
    }
    // A title names one person for the whole article ("the president"): the latest named
    // person before the speaker whose title or role fits.
    scope.seg.paragraph_at(speaker.start)?;
    let floor = scope.seg.paragraphs.first().map_or(0, |p| p.span.start);
    let before = mentions.partition_point(|m| m.span.start < speaker.start);
    let titles = earlier
        .lookup
        .titles
        .get_or_init(|| Titles::new(scope, earlier.quoted));
    let start_of = |i: usize| mentions.get(i).map_or(0, |m| m.span.start);
    let end_of = |i: usize| mentions.get(i).map_or(usize::MAX, |m| m.span.end);
    titles
        .fitting(head)
        .filter_map(|list| {
            list[..list.partition_point(|&i| i < before)]
                .iter()
                .rev()
                .take_while(|&&i| start_of(i) >= floor)
                .find(|&&i| end_of(i) <= speaker.start)
                .copied()
        })
        .max()
}

/// Rule 4's continuation: the latest earlier quotation's resolved speaker, within
/// [`PARAGRAPH_WINDOW`] paragraphs, when it is of a `compatible` type and no other compatible name stands
/// in the narrative between that quotation and `speaker`.
fn current_speaker(
    scope: &Scope,
    speaker: Span,
    compatible: &[EntityType],
    pronoun: &str,
    earlier: &Earlier,
) -> Option<usize> {
    let (prev, resolved) = latest_attributed(scope, speaker, earlier)?;
    let m = scope.mentions.get(resolved)?;
    if !compatible.contains(&m.entity_type) || !earlier.gender_fits(m, pronoun) {
        return None;
    }
    // "they" continues a person only when that person spoke with others ("Keny and Nancy
    // Pham say … they say"); one person is never "they".
    let one_person = m.entity_type == EntityType::Person
        && !prev
            .speaker
            .is_some_and(|s| contains_word(s.text(scope.text), "and"));
    if is_plural(pronoun) && one_person {
        return None;
    }
    let other = named_since(scope, prev, speaker, earlier, |o| {
        fits_pronoun(scope.text, o, compatible, pronoun)
            && earlier.gender_fits(o, pronoun)
            && !served(scope.text, o)
            && (o.local_entity.is_none() || o.local_entity != m.local_entity)
    });
    (!other).then_some(resolved)
}

/// "Labrador says this about himself on his website: “…” / “…,” it says.": an "it" after a
/// quotation given through a document or medium (its channel) is that channel, which speaks
/// for the quotation's speaker, when no organisation or place is named in between.
fn channel_speaker(scope: &Scope, speaker: Span, earlier: &Earlier) -> Option<usize> {
    let (prev, resolved) = latest_attributed(scope, speaker, earlier)?;
    let channel = prev.channel?.text(scope.text);
    let head = channel
        .split_whitespace()
        .last()?
        .trim_end_matches(|c: char| !c.is_alphanumeric());
    if !lexicon::is_document(head) && !lexicon::is_medium(head) {
        return None;
    }
    let other = named_since(scope, prev, speaker, earlier, |o| {
        ORG.contains(&o.entity_type) && !located(scope.text, o)
    });
    (!other).then_some(resolved)
}

/// The latest earlier quotation with a resolved speaker, and that speaker's mention, when it
/// stands within [`PARAGRAPH_WINDOW`] paragraphs of `speaker`.
fn latest_attributed<'e>(
    scope: &Scope,
    speaker: Span,
    earlier: &Earlier<'e>,
) -> Option<(&'e Found, usize)> {
    let paragraph = scope.seg.paragraph_at(speaker.start)?;
    let at = earlier.attributed?;
    let (prev, resolved) = (earlier.found.get(at)?, (*earlier.resolved.get(at)?)?);
    let prev_paragraph = scope.seg.paragraph_at(prev.span.start)?;
    let near = prev_paragraph + PARAGRAPH_WINDOW >= paragraph;
    (near && !heading_between(scope, prev_paragraph, paragraph)).then_some((prev, resolved))
}

/// Most words of a section heading.
const HEADING_WORDS: usize = 8;

/// Whether a section heading stands after paragraph `from` and before paragraph `to`: a short
/// paragraph without closing punctuation ("Paris Climate Agreement"). A new section starts a
/// new narrative, so a pronoun after it never continues a speaker of the section before.
fn heading_between(scope: &Scope, from: usize, to: usize) -> bool {
    scope
        .seg
        .paragraphs
        .get(from + 1..to)
        .unwrap_or(&[])
        .iter()
        .any(|p| is_heading(p.span.text(scope.text)))
}

/// Whether `paragraph` reads as a section heading (see [`heading_between`]).
fn is_heading(paragraph: &str) -> bool {
    let words = paragraph.split_whitespace().count();
    let closed = paragraph
        .trim_end()
        .ends_with(['.', '!', '?', ':', ';', ',', '"', '”', '’', ')']);
    words > 0 && words <= HEADING_WORDS && !closed
}

/// Whether a name that `fits` stands in the narrative (not in quoted words) between the
/// quotation `prev` with its attribution and `speaker`.
fn named_since(
    scope: &Scope,
    prev: &Found,
    speaker: Span,
    earlier: &Earlier,
    fits: impl Fn(&Mention) -> bool,
) -> bool {
    let Some(since) = [Some(prev.span), prev.cue, prev.speaker]
        .into_iter()
        .flatten()
        .map(|s| s.end)
        .max()
    else {
        return false;
    };
    // Only mentions starting from `since` to the speaker can stand between.
    let from = scope.mentions.partition_point(|o| o.span.start < since);
    let to = scope
        .mentions
        .partition_point(|o| o.span.start <= speaker.start);
    scope.mentions[from..to.max(from)].iter().any(|o| {
        o.kind == MentionKind::Name
            && o.span.start >= since
            && o.span.end <= speaker.start
            && fits(o)
            && !earlier.quoted.any_contains(o.span)
    })
}

/// The most recent named mention before `speaker` that `fits`, in the narrative (not inside
/// quoted words) of the speaker's paragraph or the `reach` paragraphs before it.
fn latest_name(
    scope: &Scope,
    speaker: Span,
    earlier: &Earlier,
    reach: usize,
    fits: impl Fn(&Mention) -> bool,
) -> Option<usize> {
    let paragraph = scope.seg.paragraph_at(speaker.start)?;
    // Not across a section heading (see `heading_between`).
    let first = (paragraph.saturating_sub(reach)..paragraph)
        .rev()
        .find(|&p| {
            scope
                .seg
                .paragraphs
                .get(p)
                .is_some_and(|p| is_heading(p.span.text(scope.text)))
        })
        .map_or(paragraph.saturating_sub(reach), |h| h + 1);
    let floor = scope.seg.paragraphs.get(first).map_or(0, |p| p.span.start);
    let before = scope
        .mentions
        .partition_point(|m| m.span.start < speaker.start);
    scope.mentions[..before]
        .iter()
        .enumerate()
        .rev()
        .take_while(|(_, m)| m.span.start >= floor)
        .find(|(_, m)| {
            m.kind == MentionKind::Name
                && m.span.end <= speaker.start
                && fits(m)
                && !earlier.quoted.any_contains(m.span)
        })
        .map(|(i, _)| i)
}

/// Whether mention `m` is of a type the pronoun `pronoun` may stand for (`compatible`), or,
/// for "it", a name heading a medium noun whatever type the entity layer gave it: "Slate
/// magazine, produced a profile …, it said" is the magazine.
fn fits_pronoun(text: &str, m: &Mention, compatible: &[EntityType], pronoun: &str) -> bool {
    compatible.contains(&m.entity_type) || lexicon::is(pronoun, "it") && names_medium(text, m)
}

/// Whether the word right after mention `m` is a medium noun ("Slate magazine", "the Bee
/// newspaper"): the name is a publication's.
fn names_medium(text: &str, m: &Mention) -> bool {
    text.get(m.span.end..)
        .and_then(|after| after.strip_prefix(' '))
        .and_then(|after| after.split_whitespace().next())
        .is_some_and(|w| lexicon::is_medium(w.trim_end_matches(|c: char| !c.is_alphanumeric())))
}

/// Prepositions that make the place after them a location rather than an actor.
const LOCATIVE: [&str; 9] = [
    "in", "at", "from", "to", "near", "across", "into", "of", "outside",
];

/// Whether a place mention is a location: a [`LOCATIVE`] preposition stands before it, with
/// "the" between them or not ("in Benghazi", "from the United States"), or it is the state of
/// a party-state tag ("R-Idaho").
fn located(text: &str, m: &Mention) -> bool {
    if m.entity_type != EntityType::Gpe {
        return false;
    }
    let before = text.get(..m.span.start).unwrap_or("");
    // A party-state tag ("R-Idaho", "(D-N.Y.)") names a constituency, never a speaker.
    if ["R-", "D-", "I-"].iter().any(|t| before.ends_with(t)) {
        return true;
    }
    let w = word_before(before);
    LOCATIVE.iter().any(|p| lexicon::is(w, p))
}

/// Whether an organization mention is written as the channel something appeared on ("fans
/// on Twitter", "said on CNN", "via Facebook"): where words were posted, not who acts, so
/// neither "it" nor "they" means it.
fn on_channel(text: &str, m: &Mention) -> bool {
    let w = word_before(text.get(..m.span.start).unwrap_or(""));
    // "depend on the NCMI's work" is the body's own work.
    m.entity_type == EntityType::Org
        && !parallax_core::modifiers::is_possessive(text, m.span)
        && (lexicon::is(w, "on") || lexicon::is(w, "via"))
}

/// The last word of `before`, past a final "the": the word governing a name that follows
/// ("in [the] Benghazi", "told [the] Herald").
fn word_before(before: &str) -> &str {
    let mut words = before.split_whitespace().rev();
    let w = words.next().unwrap_or("");
    if lexicon::is(w, "the") {
        return words.next().unwrap_or("");
    }
    w
}

/// Whether mention `m` is the listener of "told" ("told the Kingsport Times-News"): the
/// outlet or person told is the channel of a statement, not a speaker a later pronoun means.
fn listener(text: &str, m: &Mention) -> bool {
    crate::indirect::is_told(word_before(text.get(..m.span.start).unwrap_or("")))
}

/// Whether mention `m` names someone beside the actor of its clause, whom a later pronoun
/// does not mean: the listener of "told" or the one a role serves.
fn stands_aside(text: &str, m: &Mention) -> bool {
    listener(text, m) || served(text, m)
}

/// Whether mention `m` names whom a role before it serves: "a lawyer for Mr. Grimm", "an
/// aide to Pelosi", "the spokesman of the ministry".
fn served(text: &str, m: &Mention) -> bool {
    let mut words = text
        .get(..m.span.start)
        .unwrap_or("")
        .split_whitespace()
        .rev();
    let mut w = words.next().unwrap_or("");
    // A title or article between: "for Mr. Grimm", "of the ministry".
    if w.ends_with('.') || lexicon::is(w, "the") {
        w = words.next().unwrap_or("");
    }
    let role = words.next().is_some_and(lexicon::is_people_noun);
    role && ["for", "to", "of"].iter().any(|p| lexicon::is(w, p))
}

/// Whether mention `m` modifies a noun after it inside the speaker phrase `speaker`
/// ("Cornell law professor", not "The Eparchy based in Stamford").
fn modifies_noun(text: &str, speaker: Span, m: &Mention) -> bool {
    parallax_core::modifiers::modifies_noun(text, m.span.end, speaker.end)
}

/// Whether a place or body mention modifies the role after it ("The Idaho congressman", "a
/// Beijing official", "Supreme Court nominee Brett Kavanaugh"): the person is the actor, not
/// the place or the body.
fn modifies_role(text: &str, m: &Mention) -> bool {
    m.entity_type != EntityType::Person
        && text
            .get(m.span.end..)
            .and_then(|after| after.split_whitespace().next())
            .is_some_and(|w| {
                w.starts_with(|c: char| c.is_ascii_lowercase())
                    && lexicon::is_role(w.trim_end_matches(|c: char| !c.is_alphanumeric()))
            })
}

/// Whether a place mention names the country of a title that follows it inside the speaker
/// phrase `speaker`: capitalized words up to a role word ("The US Trade Representative’s
/// office", "the US Ambassador"), the holder or the office speaking, not the country.
fn titles_a_role(text: &str, speaker: Span, m: &Mention) -> bool {
    if m.entity_type != EntityType::Gpe {
        return false;
    }
    let rest = text
        .get(m.span.end..speaker.end.max(m.span.end))
        .unwrap_or("");
    for w in rest.split_whitespace() {
        let bare = w
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .trim_end_matches("’s")
            .trim_end_matches("'s");
        if lexicon::is_role(bare) {
            return true;
        }
        if !bare.starts_with(|c: char| c.is_uppercase()) {
            return false;
        }
    }
    false
}

/// The words of a title or role as written ("Sen.", "Foreign Minister"), in ASCII lowercase
/// without their final periods: "sen", "foreign", "minister".
fn role_words(role: &str) -> impl Iterator<Item = String> + '_ {
    role.split_whitespace()
        .map(|w| w.trim_end_matches('.').to_ascii_lowercase())
}

/// The role words ([`role_words`]) that name the role `head` ("senator", "minister"): the same
/// word, or an abbreviation of it of three letters or more ("sen").
fn head_keys(head: &str) -> impl Iterator<Item = String> + '_ {
    let prefixes = (3..head.len()).filter(|&k| head.is_char_boundary(k));
    prefixes
        .chain([head.len()])
        .map(|k| head[..k].to_ascii_lowercase())
}

/// Whether `text` holds `word` as a whole word, in any case.
fn contains_word(text: &str, word: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| lexicon::is(w, word))
}

fn is_first_person(words: &str) -> bool {
    ["i", "we", "me", "us"]
        .iter()
        .any(|p| lexicon::is(words, p))
}

/// The entity types a relative pronoun can refer to; `None` for other phrases.
fn relative_types(words: &str) -> Option<&'static [EntityType]> {
    if words.contains(' ') || !lexicon::is_relative(words) {
        return None;
    }
    Some(if lexicon::is(words, "who") || lexicon::is(words, "whom") {
        PERSON
    } else {
        GROUP
    })
}

/// Whether `word` is a plural third-person pronoun.
fn is_plural(word: &str) -> bool {
    ["they", "them"].iter().any(|p| lexicon::is(word, p))
}

/// The entity types a third-person pronoun can refer to.
fn pronoun_types(word: &str) -> Option<&'static [EntityType]> {
    if ["he", "she", "him", "her"]
        .iter()
        .any(|p| lexicon::is(word, p))
    {
        return Some(PERSON);
    }
    if lexicon::is(word, "it") {
        return Some(ORG);
    }
    is_plural(word).then_some(GROUP)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The span of the first `words` in `text`.
    fn span_of(text: &str, words: &str) -> Span {
        let start = text.find(words).unwrap_or(0);
        Span::new(start, start + words.len())
    }

    fn mention(text: &str, all: &str, t: EntityType, kind: MentionKind) -> Mention {
        Mention {
            span: span_of(all, text),
            text: text.to_string(),
            entity_type: t,
            kind,
            role: None,
            local_entity: None,
        }
    }

    /// The mention that the speaker "it" of "it said" in `text` resolves to.
    fn it_said(text: &str, mentions: &[Mention]) -> Option<usize> {
        let seg = parallax_segment::segment(text);
        let it = text.find("it said").unwrap_or(0);
        let speaker = Span::new(it, it + 2);
        let f = Found::new(
            Span::new(speaker.start - 1, speaker.start),
            QuoteKind::Direct,
        );
        let scope = Scope {
            text,
            seg: &seg,
            mentions,
            entities: &[],
        };
        speakers(&scope, &[f], &[Some(speaker)])[0]
    }

    #[test]
    fn it_is_not_the_listener_told_nor_a_speaker_before_a_heading() {
        let text = "“We are ready,” the mayor told the Valley Herald. The club wrote a letter. \
                    It said the plan was illegal, it said.";
        let herald = mention("Valley Herald", text, EntityType::Org, MentionKind::Name);
        assert!(listener(text, &herald));
        assert_eq!(it_said(text, &[herald]), None);
        let text = "“Cuts are coming,” the Daily Ledger reported.\n\nBudget Talks\n\nWhen \
                    the vote came, it said nothing.";
        let seg = parallax_segment::segment(text);
        let ledger = mention("Daily Ledger", text, EntityType::Org, MentionKind::Name);
        let mut first = Found::new(span_of(text, "Cuts are coming,"), QuoteKind::Direct);
        first.speaker = Some(span_of(text, "the Daily Ledger"));
        first.cue = Some(span_of(text, "reported"));
        let second = Found::new(span_of(text, "nothing"), QuoteKind::Indirect);
        let scope = Scope {
            text,
            seg: &seg,
            mentions: std::slice::from_ref(&ledger),
            entities: &[],
        };
        let spans = [
            first.speaker,
            Some(span_of(text, "it said")).map(|s| Span::new(s.start, s.start + 2)),
        ];
        let got = speakers(&scope, &[first, second], &spans);
        assert_eq!(got, [Some(0), None]);
    }

    /// The mention that "they" resolves to as the speaker of “We will strike,” in `text`.
    fn they_said(text: &str, mentions: &[Mention]) -> Option<usize> {
        let seg = parallax_segment::segment(text);
        let scope = Scope {
            text,
            seg: &seg,
            mentions,
            entities: &[],
        };
        let f = Found::new(span_of(text, "We will strike,"), QuoteKind::Direct);
        speakers(&scope, &[f], &[Some(span_of(text, "they"))])[0]
    }

    #[test]
    fn they_is_never_one_person() {
        let text = "Senator Ann Vale met the union leaders. “We will strike,” they said.";
        let vale = mention("Ann Vale", text, EntityType::Person, MentionKind::Name);
        assert_eq!(they_said(text, &[vale]), None);
        // A body named in the narrative may be "they".
        let text = "The union met Senator Ann Vale. “We will strike,” they said.";
        let mentions = [
            mention("union", text, EntityType::Org, MentionKind::Name),
            mention("Ann Vale", text, EntityType::Person, MentionKind::Name),
        ];
        assert_eq!(they_said(text, &mentions), Some(0));
        // Nor is a place "they", nor a body modifying a role ("Senate candidate").
        let text = "Texas hired Senate candidate Ann Vale. “We will strike,” they said.";
        let mentions = [
            mention("Texas", text, EntityType::Gpe, MentionKind::Name),
            mention("Senate", text, EntityType::Org, MentionKind::Name),
        ];
        assert_eq!(they_said(text, &mentions), None);
        // Nor a platform words appeared on.
        let text = "The boy earned fans on Twitter. “We will move,” they said.";
        let twitter = mention("Twitter", text, EntityType::Org, MentionKind::Name);
        assert_eq!(they_said(text, &[twitter]), None);
        let text = "Troops depend on the union's work. “We will move,” they said.";
        let union = mention("union", text, EntityType::Org, MentionKind::Name);
        assert_eq!(they_said(text, &[union]), Some(0));
    }

    #[test]
    fn it_is_not_a_place_written_as_a_location() {
        let text = "The ministry met in Sichuan. “We will act,” it said.";
        let mut mentions = vec![mention("Sichuan", text, EntityType::Gpe, MentionKind::Name)];
        let scope = |mentions: &[Mention]| it_said(text, mentions);
        assert_eq!(scope(&mentions), None);
        // A country as the subject of its sentence may be "it".
        let text2 = "China met in Geneva.";
        let china = mention("China", text2, EntityType::Gpe, MentionKind::Name);
        assert!(!located(text2, &china));
        let text3 = "Rep. Raul Labrador (R-Idaho) spoke.";
        let idaho = mention("Idaho", text3, EntityType::Gpe, MentionKind::Name);
        assert!(located(text3, &idaho));
        mentions.push(mention(
            "ministry",
            text,
            EntityType::Org,
            MentionKind::Name,
        ));
        mentions.sort_by_key(|m| m.span.start);
        assert_eq!(scope(&mentions), Some(0));
    }

    #[test]
    fn he_is_not_the_one_a_role_serves() {
        let text = "Steve Bannon conceded it. The former chief strategist to Donald Trump \
                    has spent months on a group, which he promised would operate.";
        let seg = parallax_segment::segment(text);
        let person = |w: &str| mention(w, text, EntityType::Person, MentionKind::Name);
        let mentions = vec![person("Steve Bannon"), person("Donald Trump")];
        let scope = Scope {
            text,
            seg: &seg,
            mentions: &mentions,
            entities: &[],
        };
        let he = span_of(text, "he promised");
        let he = Span::new(he.start, he.start + 2);
        let found = [Found::new(
            Span::new(he.end + 10, text.len() - 1),
            QuoteKind::Indirect,
        )];
        assert_eq!(speakers(&scope, &found, &[Some(he)]), [Some(0)]);
    }

    #[test]
    fn a_persons_aide_is_not_the_person() {
        let text = "One of Ms. Rice's aides said it. Ms. Rice's spokesman said it.";
        let seg = parallax_segment::segment(text);
        let mut mentions = vec![mention("Rice", text, EntityType::Person, MentionKind::Name)];
        let second = text.rfind("Rice").unwrap_or(0);
        mentions.push(Mention {
            span: Span::new(second, second + 4),
            ..mentions[0].clone()
        });
        let scope = Scope {
            text,
            seg: &seg,
            mentions: &mentions,
            entities: &[],
        };
        let phrase = |w: &str| span_of(text, w);
        let aides = phrase("One of Ms. Rice's aides");
        let spokesman = phrase("Ms. Rice's spokesman");
        let found = [
            Found::new(Span::new(aides.end + 6, aides.end + 8), QuoteKind::Indirect),
            Found::new(
                Span::new(spokesman.end + 6, spokesman.end + 8),
                QuoteKind::Indirect,
            ),
        ];
        assert_eq!(
            speakers(&scope, &found, &[Some(aides), Some(spokesman)]),
            [None, Some(1)]
        );
    }

    #[test]
    fn it_may_be_a_publication_whatever_its_type() {
        let text = "When Slate magazine profiled him, “He served,” it said.";
        // The entity layer took the magazine for a person.
        let mentions = [mention(
            "Slate",
            text,
            EntityType::Person,
            MentionKind::Name,
        )];
        assert_eq!(it_said(text, &mentions), Some(0));
        let text = "Slate, he said.";
        let slate = mention("Slate", text, EntityType::Person, MentionKind::Name);
        assert!(!names_medium(text, &slate));
    }

    #[test]
    fn names_a_role_serves_or_a_noun_follows_are_not_the_speaker() {
        let text = "A lawyer for Mr. Grimm, William McGinley, said. An aide to Pelosi said.";
        let grimm = mention("Grimm", text, EntityType::Person, MentionKind::Name);
        let mcginley = mention(
            "William McGinley",
            text,
            EntityType::Person,
            MentionKind::Name,
        );
        let pelosi = mention("Pelosi", text, EntityType::Person, MentionKind::Name);
        assert!(served(text, &grimm));
        assert!(served(text, &pelosi));
        assert!(!served(text, &mcginley));
        let text = "Cornell law professor Michael Dorf. The Eparchy based in Stamford.";
        let phrase = |w: &str| span_of(text, w);
        let cornell = mention("Cornell", text, EntityType::Person, MentionKind::Name);
        let dorf = mention("Michael Dorf", text, EntityType::Person, MentionKind::Name);
        let eparchy = mention("Eparchy", text, EntityType::Org, MentionKind::Name);
        let speaker = phrase("Cornell law professor Michael Dorf");
        assert!(modifies_noun(text, speaker, &cornell));
        assert!(!modifies_noun(text, speaker, &dorf));
        let speaker = phrase("The Eparchy based in Stamford");
        assert!(!modifies_noun(text, speaker, &eparchy));
        let text = "The US Trade Representative’s office said. The US Senate said.";
        let us = mention("US", text, EntityType::Gpe, MentionKind::Name);
        let end = text.find(" said").unwrap_or(0);
        assert!(titles_a_role(text, Span::new(0, end), &us));
        let senate = text.rfind("The US Senate").unwrap_or(0);
        let us2 = Mention {
            span: Span::new(senate + 4, senate + 6),
            ..us.clone()
        };
        assert!(!titles_a_role(text, Span::new(senate, senate + 13), &us2));
        let text = "The Idaho congressman spoke.";
        let idaho = mention("Idaho", text, EntityType::Gpe, MentionKind::Name);
        assert!(modifies_role(text, &idaho));
    }

    #[test]
    fn it_after_a_quotation_on_a_website_is_its_speaker() {
        let text = "Labrador says this on his website: “Born poor.” “He worked,” it says.";
        let seg = parallax_segment::segment(text);
        let mentions = vec![mention(
            "Labrador",
            text,
            EntityType::Person,
            MentionKind::Name,
        )];
        let scope = Scope {
            text,
            seg: &seg,
            mentions: &mentions,
            entities: &[],
        };
        let at = |w: &str| span_of(text, w);
        let mut first = Found::new(at("Born poor."), QuoteKind::Direct);
        first.cue = Some(at("says"));
        first.speaker = Some(at("Labrador"));
        first.channel = Some(at("on his website"));
        let mut second = Found::new(at("He worked,"), QuoteKind::Direct);
        let it = at("it says").start;
        second.cue = Some(Span::new(it + 3, it + 7));
        second.speaker = Some(Span::new(it, it + 2));
        let got = speakers(
            &scope,
            &[first.clone(), second.clone()],
            &[first.speaker, second.speaker],
        );
        assert_eq!(got, vec![Some(0), Some(0)]);
    }

    #[test]
    fn a_description_referring_back_takes_the_first_descriptions_words() {
        let text = "An aide to the committee said it was welcome.\n\n“Wait,” the aide said. \
                    “Anger,” said one Democrat who opposed her, who asked.";
        let seg = parallax_segment::segment(text);
        let scope = Scope {
            text,
            seg: &seg,
            mentions: &[],
            entities: &[],
        };
        let at = |w: &str| span_of(text, w);
        let first = at("An aide to the committee");
        let democrat = at("one Democrat who opposed her");
        let mut speakers = vec![
            Some(first),
            Some(at("the aide")),
            Some(democrat),
            Some(Span::new(at("who asked").start, at("who asked").start + 3)),
        ];
        let mut resolved = vec![None; 4];
        refer_back(&scope, &mut speakers, &mut resolved);
        assert_eq!(
            speakers,
            vec![Some(first), Some(first), Some(democrat), Some(democrat)]
        );
        assert_eq!(definite_role("the aide").as_deref(), Some("aide"));
        assert_eq!(definite_role("the committee"), None);
        assert_eq!(
            indefinite_role("a senior aide, who").as_deref(),
            Some("aide")
        );
        assert_eq!(indefinite_role("the aide"), None);
    }

    #[test]
    fn role_abbreviations_fit_their_nouns() {
        let fits =
            |role: &str, head: &str| role_words(role).any(|w| head_keys(head).any(|k| k == w));
        assert!(fits("Sen.", "senator"));
        assert!(fits("Foreign Minister", "minister"));
        assert!(!fits("President", "senator"));
    }

    #[test]
    fn relative_pronouns_take_the_name_they_follow_or_nothing() {
        let text = "Kelidze, who said it. A schoolgirl who told it. The Herald, which said it.";
        let seg = parallax_segment::segment(text);
        let mentions = vec![
            mention("Kelidze", text, EntityType::Person, MentionKind::Name),
            mention("Herald", text, EntityType::Org, MentionKind::Name),
        ];
        let scope = Scope {
            text,
            seg: &seg,
            mentions: &mentions,
            entities: &[],
        };
        let at = |w: &str, from: usize| {
            let s = from + text[from..].find(w).unwrap_or(0);
            Span::new(s, s + w.len())
        };
        let one = |s: Span| {
            let f = Found::new(Span::new(s.end, s.end + 1), QuoteKind::Indirect);
            speakers(&scope, &[f], &[Some(s)])[0]
        };
        assert_eq!(one(at("who", 0)), Some(0));
        assert_eq!(one(at("who", 20)), None);
        assert_eq!(one(at("which", 0)), Some(1));
    }
}
