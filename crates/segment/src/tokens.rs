//! Tokens: words (with their internal apostrophes, hyphens, and the periods of abbreviations),
//! numbers (with thousands separators and decimals), and single punctuation marks.
//!
//! The possessive "'s" is its own token, as in the Penn Treebank and CoNLL conventions that
//! the entity tagger was trained on.

use crate::abbreviations::{classify, Abbreviation};
use parallax_core::Span;

/// Appends the tokens of `span` in `text` to `out`.
pub fn split_into(text: &str, span: Span, out: &mut Vec<Span>) {
    let s = span.text(text);
    let base = span.start;
    let bytes: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < bytes.len() {
        let (start, c) = bytes[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let mut j = i + 1;
            while j < bytes.len() {
                let (_, d) = bytes[j];
                let next_alnum = bytes.get(j + 1).is_some_and(|&(_, n)| n.is_alphanumeric());
                let prev = bytes[j - 1].1;
                let joins = d.is_alphanumeric()
                    || (matches!(d, '-' | '&' | '/') && next_alnum)
                    || (matches!(d, ',' | '.')
                        && prev.is_ascii_digit()
                        && bytes.get(j + 1).is_some_and(|&(_, n)| n.is_ascii_digit()))
                    || (d == '.' && next_alnum && is_dotted_letters(&s[start..bytes[j].0]));
                let possessive_or_contraction = matches!(d, '\'' | '’') && next_alnum;
                if possessive_or_contraction {
                    // "'s" and "n't" split off; "O'Brien", "don’t" stay whole otherwise.
                    let rest = &s[bytes[j].0 + d.len_utf8()..];
                    let tail = rest
                        .split(|ch: char| !ch.is_alphanumeric())
                        .next()
                        .unwrap_or("");
                    if tail == "s" || tail == "S" {
                        break;
                    }
                    j += 1;
                    continue;
                }
                if !joins {
                    break;
                }
                j += 1;
            }
            let mut end = bytes.get(j).map_or(s.len(), |&(b, _)| b);
            // Trailing period of an abbreviation belongs to the word ("Mr.", "U.S.").
            if bytes.get(j).is_some_and(|&(_, d)| d == '.')
                && classify(&s[start..end]) != Abbreviation::NotAbbreviation
            {
                end += 1;
                j += 1;
            }
            out.push(Span::new(base + start, base + end));
            i = j;
            continue;
        }
        if matches!(c, '\'' | '’')
            && s[start + c.len_utf8()..].starts_with(['s', 'S'])
            && !s[start + c.len_utf8() + 1..].starts_with(|ch: char| ch.is_alphanumeric())
            && i > 0
            && bytes[i - 1].1.is_alphanumeric()
        {
            out.push(Span::new(base + start, base + start + c.len_utf8() + 1));
            i += 2;
            continue;
        }
        // Runs of the same punctuation ("...", "--") are one token.
        let mut j = i + 1;
        while j < bytes.len() && bytes[j].1 == c && matches!(c, '.' | '-') {
            j += 1;
        }
        let end = bytes.get(j).map_or(s.len(), |&(b, _)| b);
        out.push(Span::new(base + start, base + end));
        i = j;
    }
}

fn is_dotted_letters(word: &str) -> bool {
    word.chars().count() <= 3
        && word.chars().all(char::is_alphabetic)
        && word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        split_into(text, Span::new(0, text.len()), &mut out);
        out.iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn words_numbers_and_punctuation() {
        assert_eq!(
            tokens("Mr. Dalen's pro-Western U.S. allies said 1,500.5 died... “Go”"),
            [
                "Mr.",
                "Dalen",
                "'s",
                "pro-Western",
                "U.S.",
                "allies",
                "said",
                "1,500.5",
                "died",
                "...",
                "“",
                "Go",
                "”"
            ]
        );
    }

    #[test]
    fn contractions_and_curly_possessives() {
        assert_eq!(
            tokens("Georgia’s don’t O'Brien"),
            ["Georgia", "’s", "don’t", "O'Brien"]
        );
    }

    #[test]
    fn comma_after_number_is_punctuation() {
        assert_eq!(tokens("15, 20."), ["15", ",", "20", "."]);
    }
}
