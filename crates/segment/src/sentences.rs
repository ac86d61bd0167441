//! Sentence boundaries within a paragraph.
//!
//! A sentence ends at `.`, `!`, `?` or an ellipsis, together with any closing quotes and
//! brackets that follow, when the next word starts like a sentence (a capital letter, a digit,
//! an opening quote or bracket). A period after an abbreviation does not end a sentence unless
//! the abbreviation may be terminal and the next word is a common sentence opener (see
//! [`crate::abbreviations`]). Headlines, bylines and list items are single lines: each line is
//! a sentence of its own.

use crate::abbreviations::{classify, is_sentence_opener, Abbreviation};
use parallax_core::{ParagraphRole, Span};

const CLOSERS: &[char] = &['"', '\'', '”', '’', '»', ')', ']', '“'];
const OPENERS: &[char] = &['"', '\'', '“', '‘', '«', '„', '(', '['];

/// Sentence spans of the paragraph at `para` (trimmed, non-empty, in order).
pub fn split(text: &str, para: Span, role: ParagraphRole) -> Vec<Span> {
    let mut out = Vec::new();
    if matches!(
        role,
        ParagraphRole::Headline | ParagraphRole::Byline | ParagraphRole::List
    ) {
        let mut offset = para.start;
        for line in para.text(text).split_inclusive('\n') {
            push_trimmed(text, Span::new(offset, offset + line.len()), &mut out);
            offset += line.len();
        }
        return out;
    }
    let body = para.text(text);
    let mut start = 0;
    let mut iter = body.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let is_ellipsis = c == '…' || (c == '.' && body[i..].starts_with("..."));
        if !matches!(c, '.' | '!' | '?') && !is_ellipsis {
            continue;
        }
        // Take the whole run of terminal punctuation ("?!", "...").
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            if matches!(d, '.' | '!' | '?' | '…') {
                end = j + d.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        // Closing quotes and brackets belong to the sentence they close.
        let mut after = end;
        for d in body[after..].chars() {
            if CLOSERS.contains(&d) {
                after += d.len_utf8();
            } else {
                break;
            }
        }
        let rest = &body[after..];
        let trimmed = rest.trim_start();
        let glued = c == '.' && glued_boundary(&body[start..i], rest, after > end);
        if trimmed.len() == rest.len() && !rest.is_empty() && !glued {
            continue; // No space after: "3.5", "U.S.-backed", "Yahoo!Inc".
        }
        let next_word = next_word(trimmed);
        if !starts_sentence(trimmed) {
            continue;
        }
        // “Will it end?” Kelidze asked. — a quoted question or exclamation followed by its
        // attribution is one sentence.
        if after > end && matches!(c, '?' | '!') && attribution_follows(trimmed) {
            continue;
        }
        if c == '.' && !is_ellipsis && end == i + 1 {
            let word = word_before(&body[start..i]);
            match classify(word) {
                Abbreviation::NonTerminal => continue,
                Abbreviation::MaybeTerminal if !is_sentence_opener(next_word) => continue,
                _ => {}
            }
        }
        push_trimmed(
            text,
            Span::new(para.start + start, para.start + after),
            &mut out,
        );
        start = after;
        // Skip ahead so the iterator does not revisit closers.
        while iter.peek().is_some_and(|&(j, _)| j < after) {
            iter.next();
        }
    }
    push_trimmed(text, Span::new(para.start + start, para.end), &mut out);
    out
}

/// Reporting verbs that follow a quotation's speaker ("Kelidze said", "asked Mr. Dalen").
const REPORTING_VERBS: &[&str] = &[
    "said", "says", "asked", "asks", "told", "added", "adds", "shouted", "replied", "wrote",
    "writes", "declared", "insisted", "warned", "tweeted", "cried", "demanded",
];

/// Whether `rest` opens with a speaker of up to four capitalized words and a reporting verb,
/// or with the verb and then the speaker.
fn attribution_follows(rest: &str) -> bool {
    let words: Vec<&str> = rest.split_whitespace().take(5).collect();
    let is_verb = |w: &str| REPORTING_VERBS.contains(&w.trim_end_matches([',', '.', ';']));
    if words.first().is_some_and(|w| is_verb(&w.to_lowercase())) {
        return true;
    }
    for (i, w) in words.iter().enumerate() {
        if is_verb(w) {
            return i > 0;
        }
        if !w.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
    }
    false
}

/// Whether a period with no space after it ends a sentence, in text that lost the breaks
/// between its sentences ("he said.By a margin", "the poll.Overall,", "the final
/// word."I think"): a lowercase word of two letters or more before it (not "U.S", "e.g",
/// "pic.twitter"), and after it a capitalized word — of two letters or more with a
/// lowercase second, unless a closing quotation mark came between (`closed`) — that does
/// not go on into a web address ("breitbart.Com").
fn glued_boundary(before: &str, rest: &str, closed: bool) -> bool {
    let word = word_before(before);
    let lowercase_word = word.len() >= 2 && word.chars().all(|c| c.is_ascii_lowercase());
    let next = next_word(rest);
    let mut letters = next.chars();
    let capital = letters.next().is_some_and(char::is_uppercase)
        && (closed || letters.next().is_some_and(char::is_lowercase));
    let after_next = rest
        .trim_start_matches(OPENERS)
        .get(next.len()..)
        .unwrap_or("");
    let address =
        after_next.starts_with('.') && after_next[1..].starts_with(|c: char| c.is_alphanumeric());
    lowercase_word && capital && !address
}

fn push_trimmed(text: &str, span: Span, out: &mut Vec<Span>) {
    let span = span.trim(text);
    if !span.is_empty() {
        out.push(span);
    }
}

fn starts_sentence(rest: &str) -> bool {
    match rest.chars().next() {
        Some(c) => {
            c.is_uppercase() || c.is_ascii_digit() || OPENERS.contains(&c) || c == '—' || c == '–'
        }
        None => false,
    }
}

/// The word before a period: letters, digits and internal periods ("U.S").
fn word_before(before: &str) -> &str {
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    &before[start..]
}

fn next_word(rest: &str) -> &str {
    let rest = rest.trim_start_matches(OPENERS);
    let end = rest
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len());
    &rest[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text, Span::new(0, text.len()), ParagraphRole::Body)
            .into_iter()
            .map(|s| s.text(text))
            .collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            sentences("Mr. Dalen met Dr. Ives on Aug. 8 in St. Cloud. They spoke."),
            [
                "Mr. Dalen met Dr. Ives on Aug. 8 in St. Cloud.",
                "They spoke."
            ]
        );
        assert_eq!(
            sentences("John F. Kennedy spoke."),
            ["John F. Kennedy spoke."]
        );
    }

    #[test]
    fn us_splits_only_before_an_opener() {
        assert_eq!(
            sentences("He flew to the U.S. The talks failed."),
            ["He flew to the U.S.", "The talks failed."]
        );
        assert_eq!(
            sentences("The U.S. Navy sailed."),
            ["The U.S. Navy sailed."]
        );
    }

    #[test]
    fn quotes_end_sentences() {
        assert_eq!(
            sentences("He said: “We will fight.” Then he left. “Go!” he shouted."),
            [
                "He said: “We will fight.”",
                "Then he left.",
                "“Go!” he shouted."
            ]
        );
    }

    #[test]
    fn quoted_question_keeps_its_attribution() {
        assert_eq!(
            sentences(
                "“Will it ever end?” Hillary Clinton said. “No!” Asked Mr. Dalen. Then rain."
            ),
            [
                "“Will it ever end?” Hillary Clinton said.",
                "“No!” Asked Mr. Dalen.",
                "Then rain."
            ]
        );
        assert_eq!(
            sentences("“Why?” The crowd fell silent."),
            ["“Why?”", "The crowd fell silent."]
        );
    }

    #[test]
    fn a_period_without_its_space_still_ends_a_sentence() {
        assert_eq!(
            sentences("It has its word,\" he said.By a margin of 53 percent, voters agree."),
            [
                "It has its word,\" he said.",
                "By a margin of 53 percent, voters agree."
            ]
        );
        assert_eq!(
            sentences("the final word.\"I think so,\" he said."),
            ["the final word.\"", "I think so,\" he said."]
        );
        for whole in [
            "He flew to the U.S.Army base.",
            "See pic.twitter.com/x now.",
            "Read it on www.Breitbart.com today.",
            "Growth was 3.5 percent.",
        ] {
            assert_eq!(sentences(whole), [whole]);
        }
    }

    #[test]
    fn ellipses() {
        assert_eq!(
            sentences("It was... complicated. Then… Silence."),
            ["It was... complicated.", "Then…", "Silence."]
        );
    }

    #[test]
    fn decimals_and_question_marks() {
        assert_eq!(
            sentences("Growth was 3.5 percent. Why? Nobody knows."),
            ["Growth was 3.5 percent.", "Why?", "Nobody knows."]
        );
    }
}
