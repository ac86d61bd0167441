//! Nominal mentions: descriptions that refer to an entity named elsewhere in the document.
//!
//! Rules (a nominal is emitted only when it resolves):
//!
//! - **"<place>'s <title>"** ("Georgia's president"): the person entity whose roles include a
//!   title with the same head word ("President"); the most recent one mentioned before, else
//!   the first one mentioned after.
//! - **"the <title>"** ("the president", "the foreign minister"), written in lowercase: the same
//!   person rule.
//! - **"the <organization word>"** ("the ministry", "the party"), in lowercase: the most recent
//!   organization whose name ends with that word ("Foreign Ministry"); "the company" and "the
//!   firm" take the most recent organization.

use super::{Context, Linked};
use crate::lexicon::{lexicon, normalize, Kind};
use crate::roles::title_at_start;
use parallax_core::{EntityType, MentionKind, Span};
use std::collections::HashMap;

/// The nominal mentions of the document; `names` (the name mentions) in order of their start.
pub(super) fn find(context: &Context<'_>, names: &[Linked]) -> Vec<Linked> {
    let names = Names::new(context, names);
    let mut out = Vec::new();
    for (index, sentence) in context.sentences.iter().enumerate() {
        let words = context.words(sentence);
        let mut i = 0;
        while i < words.len() {
            let found = possessive(context, &names, sentence.spans.as_slice(), &words, i, index)
                .or_else(|| definite(context, &names, sentence.spans.as_slice(), &words, i, index));
            match found {
                Some((linked, next)) => {
                    out.push(linked);
                    i = next;
                }
                None => i += 1,
            }
        }
    }
    out
}

/// The name mentions the rules look up, indexed so that a lookup reads only the names it may
/// take rather than every name of the document (which made the rules cost the square of the
/// document's length). Lists of positions are in text order.
struct Names<'a> {
    names: &'a [Linked],
    /// The first place name ending at each (sentence, byte offset).
    places: HashMap<(usize, usize), usize>,
    /// Names of persons, by the head word (lowercased) of each of the person's roles.
    by_role: HashMap<String, Vec<usize>>,
    /// Names of organizations, by the last word of the organization's name.
    by_last_word: HashMap<&'a str, Vec<usize>>,
    organizations: Vec<usize>,
}

/// The head word of a role ("foreign minister" → "minister"), lowercased.
fn head(role: &str) -> Option<String> {
    role.split_whitespace().last().map(str::to_lowercase)
}

impl<'a> Names<'a> {
    fn new(context: &Context<'a>, names: &'a [Linked]) -> Self {
        let mut index = Names {
            names,
            places: HashMap::new(),
            by_role: HashMap::new(),
            by_last_word: HashMap::new(),
            organizations: Vec::new(),
        };
        for (i, n) in names.iter().enumerate() {
            if n.mention.kind == MentionKind::Name && n.mention.entity_type == EntityType::Gpe {
                index
                    .places
                    .entry((n.sentence, n.mention.span.end))
                    .or_insert(i);
            }
            let Some(e) = context.entities.get(n.entity) else {
                continue;
            };
            match e.entity_type {
                EntityType::Person => {
                    for role in e.roles.iter().filter_map(|r| head(r)) {
                        let list = index.by_role.entry(role).or_default();
                        if list.last() != Some(&i) {
                            list.push(i);
                        }
                    }
                }
                EntityType::Org => {
                    index.organizations.push(i);
                    if let Some(last) = e.words.last() {
                        index.by_last_word.entry(last.as_str()).or_default().push(i);
                    }
                }
                _ => {}
            }
        }
        index
    }

    /// The last name of `list` that ends by `at`.
    fn latest_before(&self, list: &[usize], at: usize) -> Option<&'a Linked> {
        // Names starting after `at` cannot end by it.
        let upto = list.partition_point(|&i| self.names[i].mention.span.start <= at);
        list[..upto]
            .iter()
            .rev()
            .map(|&i| &self.names[i])
            .find(|n| n.mention.span.end <= at)
    }

    /// The first name of `list` that starts after `at`.
    fn first_after(&self, list: &[usize], at: usize) -> Option<&'a Linked> {
        let from = list.partition_point(|&i| self.names[i].mention.span.start <= at);
        list.get(from).map(|&i| &self.names[i])
    }
}

fn possessive(
    context: &Context<'_>,
    names: &Names<'_>,
    spans: &[Span],
    words: &[&str],
    i: usize,
    sentence: usize,
) -> Option<(Linked, usize)> {
    let end_of_place = spans.get(i)?.end;
    let place = &names.names[*names.places.get(&(sentence, end_of_place))?];
    if !matches!(words.get(i + 1), Some(&"'s") | Some(&"’s")) {
        return None;
    }
    let title = title_at_start(words.get(i + 2..)?)?;
    if !title.is_role {
        return None;
    }
    let end = i + 2 + title.len;
    // "Georgia's President Saakashvili" is a name with a role, not a nominal.
    if words
        .get(end)
        .is_some_and(|w| parallax_core::text::is_capitalized(w))
    {
        return None;
    }
    let title_span = Span::new(spans.get(i + 2)?.start, spans.get(end - 1)?.end);
    let role = title_span.text(context.text);
    let at = place.mention.span.start;
    let entity = person_with_role(names, role, at)?;
    let span = Span::new(at, title_span.end);
    Some((
        context.mention(
            span,
            MentionKind::Nominal,
            entity,
            sentence,
            Some(role.to_string()),
        )?,
        end,
    ))
}

/// "the president", "the ministry": lowercase "the" + title or organization word.
fn definite(
    context: &Context<'_>,
    names: &Names<'_>,
    spans: &[Span],
    words: &[&str],
    i: usize,
    sentence: usize,
) -> Option<(Linked, usize)> {
    if !words.get(i)?.eq_ignore_ascii_case("the") {
        return None;
    }
    let rest = words.get(i + 1..)?;
    if !rest.first()?.chars().next()?.is_lowercase() {
        return None;
    }
    let at = spans.get(i)?.start;
    if let Some(title) = title_at_start(rest).filter(|t| t.is_role) {
        let end = i + 1 + title.len;
        let title_span = Span::new(spans.get(i + 1)?.start, spans.get(end - 1)?.end);
        let role = title_span.text(context.text);
        let entity = person_with_role(names, role, at)?;
        let span = Span::new(at, title_span.end);
        return Some((
            context.mention(
                span,
                MentionKind::Nominal,
                entity,
                sentence,
                Some(role.to_string()),
            )?,
            end,
        ));
    }
    let head = normalize(rest.first()?);
    let is_org_word = lexicon().kinds_of_words(&[head.as_str()]) & Kind::OrgWord.bit() != 0;
    let generic = matches!(head.as_str(), "company" | "firm");
    if !is_org_word && !generic {
        return None;
    }
    let organizations = match generic {
        true => &names.organizations,
        false => names.by_last_word.get(head.as_str())?,
    };
    let entity = names.latest_before(organizations, at)?.entity;
    let span = Span::new(at, spans.get(i + 1)?.end);
    Some((
        context.mention(span, MentionKind::Nominal, entity, sentence, None)?,
        i + 2,
    ))
}

/// The person entity with a role whose head word is `role`'s: the last mentioned before `at`,
/// else the first after.
fn person_with_role(names: &Names<'_>, role: &str, at: usize) -> Option<usize> {
    let persons = names.by_role.get(&head(role)?)?;
    names
        .latest_before(persons, at)
        .or_else(|| names.first_after(persons, at))
        .map(|n| n.entity)
}
