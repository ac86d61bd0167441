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

pub(super) fn find(context: &Context<'_>, names: &[Linked]) -> Vec<Linked> {
    let mut out = Vec::new();
    for (index, sentence) in context.sentences.iter().enumerate() {
        let words = context.words(sentence);
        let mut i = 0;
        while i < words.len() {
            let found = possessive(context, names, sentence.spans.as_slice(), &words, i, index)
                .or_else(|| definite(context, names, sentence.spans.as_slice(), &words, i, index));
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

/// "Georgia's president": a place name ending at token `i`, "'s", a title.
fn possessive(
    context: &Context<'_>,
    names: &[Linked],
    spans: &[Span],
    words: &[&str],
    i: usize,
    sentence: usize,
) -> Option<(Linked, usize)> {
    let end_of_place = spans.get(i)?.end;
    let place = names.iter().find(|n| {
        n.sentence == sentence
            && n.mention.span.end == end_of_place
            && n.mention.kind == MentionKind::Name
            && n.mention.entity_type == EntityType::Gpe
    })?;
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
    let entity = person_with_role(context, names, role, at)?;
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
    names: &[Linked],
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
        let entity = person_with_role(context, names, role, at)?;
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
    let entity = names
        .iter()
        .rev()
        .filter(|n| n.mention.span.end <= at)
        .find_map(|n| {
            let e = context.entities.get(n.entity)?;
            let fits =
                e.entity_type == EntityType::Org && (generic || e.words.last() == Some(&head));
            fits.then_some(n.entity)
        })?;
    let span = Span::new(at, spans.get(i + 1)?.end);
    Some((
        context.mention(span, MentionKind::Nominal, entity, sentence, None)?,
        i + 2,
    ))
}

/// The person entity with a role whose head word is `role`'s: the last mentioned before `at`,
/// else the first after.
fn person_with_role(
    context: &Context<'_>,
    names: &[Linked],
    role: &str,
    at: usize,
) -> Option<usize> {
    let head = |r: &str| r.split_whitespace().last().map(str::to_lowercase);
    let wanted = head(role)?;
    let fits = |n: &&Linked| {
        context.entities.get(n.entity).is_some_and(|e| {
            e.entity_type == EntityType::Person
                && e.roles
                    .iter()
                    .any(|r| head(r).as_deref() == Some(wanted.as_str()))
        })
    };
    let before = names
        .iter()
        .rev()
        .filter(|n| n.mention.span.end <= at)
        .find(fits);
    before
        .or_else(|| {
            names
                .iter()
                .filter(|n| n.mention.span.start > at)
                .find(fits)
        })
        .map(|n| n.entity)
}
