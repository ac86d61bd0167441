//! Name recognition over a document: the tagger's spans per sentence, datelines, and the
//! titles and honorifics moved out of person names into roles.

use crate::dateline;
use crate::roles::{gender_of_first_name, title_at_start, title_before, Gender};
use crate::tagger::{Class, Model, TokenSpan};
use crate::tokens::SentenceTokens;
use crate::types::refine;
use parallax_core::{EntityType, Span};

/// A proper-name mention before resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    pub span: Span,
    pub entity_type: EntityType,
    /// The name's words, as written.
    pub words: Vec<String>,
    pub role: Option<String>,
    /// Gender evidence from an honorific, a title or the first name.
    pub gender: Gender,
    pub sentence: usize,
}

/// The names in every sentence, in text order.
pub fn recognize(text: &str, sentences: &[SentenceTokens], model: &Model) -> Vec<Name> {
    let mut out = Vec::new();
    let words: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| s.spans.iter().map(|t| t.text(text)).collect())
        .collect();
    let tagged = model.document_spans(&words);
    for (index, ((sentence, words), mut spans)) in
        sentences.iter().zip(&words).zip(tagged).enumerate()
    {
        if let Some(found) = dateline::find(words) {
            spans.retain(|s| found.iter().all(|d| s.end <= d.start || d.end <= s.start));
            spans.extend(found);
            spans.sort_by_key(|s| s.start);
        }
        for span in spans {
            if let Some(name) = name_of(text, sentence, words, span, index) {
                out.push(name);
            }
        }
    }
    out
}

fn name_of(
    text: &str,
    sentence: &SentenceTokens,
    words: &[&str],
    span: TokenSpan,
    index: usize,
) -> Option<Name> {
    let mut start = span.start;
    let end = span.end.min(words.len());
    let mut role = None;
    let mut gender = Gender::Unknown;
    if span.class == Class::Per {
        // A title the tagger took into the name: move it out, keeping at least one word.
        if let Some(t) = title_at_start(words.get(start..end.saturating_sub(1))?) {
            let role_span = cover(sentence, start, start + t.len)?;
            role = t.is_role.then(|| role_span.text(text).to_string());
            gender = t.gender;
            start += t.len;
        } else if let Some(t) = title_before(words.get(..start)?) {
            let role_span = cover(sentence, start - t.len, start)?;
            role = t.is_role.then(|| role_span.text(text).to_string());
            gender = t.gender;
        }
        if gender == Gender::Unknown && end - start > 1 {
            gender = words
                .get(start)
                .map_or(Gender::Unknown, |w| gender_of_first_name(w));
        }
    }
    let name_words = words.get(start..end)?;
    Some(Name {
        span: cover(sentence, start, end)?,
        entity_type: refine(span.class, name_words),
        words: name_words.iter().map(|w| w.to_string()).collect(),
        role,
        gender,
        sentence: index,
    })
}

/// The byte span from token `start` to the end of token `end - 1`.
fn cover(sentence: &SentenceTokens, start: usize, end: usize) -> Option<Span> {
    let first = sentence.spans.get(start)?;
    let last = sentence.spans.get(end.checked_sub(1)?)?;
    (first.start <= last.end).then(|| Span::new(first.start, last.end))
}
