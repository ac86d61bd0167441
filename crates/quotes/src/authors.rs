//! The author of a document that speaks: "Steele issued a statement saying: “…”", "“…,” the
//! statement said" after "a statement from Grimm's attorney, William McGinley", "the report,
//! by White House Counsel Robert Bauer, concluded".
//!
//! A speaker phrase whose head is a document noun (`lexicon/documents.txt`) speaks for the
//! author the text gives that document: at the phrase itself or, for a definite one ("the
//! statement"), at the latest earlier mention of the same noun in the narrative of this or the
//! few paragraphs before. At a mention of the noun the author is, in order: a name after
//! "from" or "by" a few words on ("a statement from X", "the report, by X"), a name in the
//! possessive right before it ("Grimm's statement"), else the name nearest before it in its
//! sentence ("X issued a statement", "X later released a report"). Names inside quoted words
//! and names in the possessive of another ("Grimm's attorney, William McGinley" is
//! McGinley's) are passed over.

use crate::lexicon;
use parallax_core::span_index::SpanIndex;
use parallax_core::{EntityType, Mention, MentionKind, Span};

/// Bytes after a document noun within which "from X" or "by X" names its author.
const AUTHOR_REACH: usize = 80;
/// How many paragraphs back the earlier mention of a document may be.
const PARAGRAPHS_BACK: usize = 4;

/// What authors are looked for in.
pub struct Text<'a> {
    pub text: &'a str,
    pub seg: &'a parallax_core::Segmentation,
    pub mentions: &'a [Mention],
    /// Quoted words, where no name is an author.
    pub quoted: &'a SpanIndex,
}

/// The mention of the author of the document that the speaker phrase `speaker`, headed by
/// the document noun `head`, names.
pub fn author(t: &Text, speaker: Span, head: &str) -> Option<usize> {
    if !lexicon::is_document(head) {
        return None;
    }
    let noun = last_word(t.text, speaker)?;
    if let Some(a) = author_at(t, noun) {
        return Some(a);
    }
    let words = speaker.text(t.text);
    let definite = words.split_whitespace().next().is_some_and(|d| {
        ["the", "that", "this", "its"]
            .iter()
            .any(|x| lexicon::is(d, x))
    });
    if !definite {
        return None;
    }
    let paragraph = t.seg.paragraph_at(speaker.start)?;
    let floor = t
        .seg
        .paragraphs
        .get(paragraph.saturating_sub(PARAGRAPHS_BACK))
        .map_or(0, |p| p.span.start);
    earlier_uses(t.text, floor, speaker.start, head)
        .filter(|s| !t.quoted.any_contains(*s))
        .find_map(|s| author_at(t, s))
}

/// The span of the last word of `span`.
fn last_word(text: &str, span: Span) -> Option<Span> {
    let s = span
        .text(text)
        .trim_end_matches(|c: char| !c.is_alphanumeric());
    let start = s.rfind(|c: char| c.is_whitespace()).map_or(0, |i| i + 1);
    (start < s.len()).then(|| Span::new(span.start + start, span.start + s.len()))
}

/// The spans of whole-word uses of `noun` between byte `floor` and `end`, latest first.
fn earlier_uses<'t>(
    text: &'t str,
    floor: usize,
    end: usize,
    noun: &'t str,
) -> impl Iterator<Item = Span> + 't {
    let hay = text.get(floor..end).unwrap_or("");
    let lower = hay.to_ascii_lowercase();
    let noun_lower = noun.to_ascii_lowercase();
    let mut found: Vec<Span> = lower
        .match_indices(noun_lower.as_str())
        .filter(|(i, _)| {
            let before = hay[..*i].chars().next_back();
            let after = hay[i + noun.len()..].chars().next();
            before.is_none_or(|c| !c.is_alphanumeric())
                && after.is_none_or(|c| !c.is_alphanumeric())
        })
        .map(|(i, _)| Span::new(floor + i, floor + i + noun.len()))
        .collect();
    found.reverse();
    found.into_iter()
}

/// Whether mention `m` can author a document: a named person, organisation or country.
fn can_author(m: &Mention) -> bool {
    m.kind == MentionKind::Name
        && matches!(
            m.entity_type,
            EntityType::Person | EntityType::Org | EntityType::Gpe
        )
}

/// The author named at the document noun `noun` (see the module doc).
fn author_at(t: &Text, noun: Span) -> Option<usize> {
    let possessive = |m: &Mention| parallax_core::modifiers::is_possessive(t.text, m.span);
    let free = |m: &Mention| can_author(m) && !t.quoted.any_contains(m.span);
    let sentence = t
        .seg
        .sentence_at(noun.start)
        .and_then(|s| t.seg.sentences.get(s))?
        .span;
    // "a statement from X", "the report, by X".
    let after = t
        .text
        .get(noun.end..sentence.end.min(noun.end + AUTHOR_REACH))?;
    let by = [" from ", " by ", ", by "]
        .iter()
        .filter_map(|w| after.find(w).map(|i| noun.end + i + w.len()))
        .min()
        .filter(|&at| at <= noun.end + 2 + ", by ".len());
    // Mentions are sorted by start: only those starting in the sentence around the noun are read.
    let from = |byte: usize| t.mentions.partition_point(|m| m.span.start < byte);
    if let Some(at) = by {
        let named = t.mentions[..from(at + AUTHOR_REACH + 1)]
            .iter()
            .enumerate()
            .skip(from(at))
            .filter(|(_, m)| m.span.start >= at && m.span.end <= sentence.end && free(m))
            .find(|(_, m)| !possessive(m) && m.span.start <= at + AUTHOR_REACH);
        if let Some((i, _)) = named {
            return Some(i);
        }
    }
    // "Grimm's statement", "X issued a statement": the nearest name before it.
    t.mentions[..from(noun.start + 1)]
        .iter()
        .enumerate()
        .skip(from(sentence.start))
        .rev()
        .filter(|(_, m)| m.span.end <= noun.start && m.span.start >= sentence.start && free(m))
        .find(|(_, m)| {
            !possessive(m) || {
                // Only the possessive that owns the document itself.
                let between = t.text.get(m.span.end..noun.start).unwrap_or("");
                between.split_whitespace().count() <= 2
            }
        })
        .map(|(i, _)| i)
}
