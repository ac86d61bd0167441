//! Normalized word tokens of a sentence, the common input of every feature.
//!
//! The classifier must see "don’t" and "don't", "1,200" and "3,400" alike, so words are
//! lowercased, typographic apostrophes and quotes are folded to ASCII and digits become `0`.
//! Punctuation marks are kept as one-character tokens because `!`, `?` and scare quotes are
//! themselves evidence of the author's voice.

/// A masked quotation, written into a sentence by [`crate::mask`] in place of the quoted words.
pub const QUOTE_MARKER: char = '\u{1}';
/// The token a [`QUOTE_MARKER`] becomes.
pub const QUOTE_TOKEN: &str = "<quote>";

/// The normalized tokens of `text`.
pub fn tokenize(text: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut word = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let c = fold(c);
        if c.is_alphanumeric() {
            if c.is_numeric() {
                // A number is one `0`, whatever its digits.
                if !word.ends_with('0') {
                    word.push('0');
                }
            } else {
                word.extend(c.to_lowercase());
            }
            continue;
        }
        // An apostrophe or hyphen between letters belongs to the word ("don't", "so-called").
        // So do the separators inside a number ("1,200", "3.5").
        let next_alnum = chars
            .peek()
            .is_some_and(|next| fold(*next).is_alphanumeric());
        let next_digit = chars.peek().is_some_and(|next| next.is_numeric());
        let joins = ((c == '\'' || c == '-') && !word.is_empty() && next_alnum)
            || ((c == ',' || c == '.') && word.ends_with('0') && next_digit);
        if (c == ',' || c == '.') && joins {
            continue;
        }
        if joins {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            tokens.push(std::mem::take(&mut word));
        }
        if c == QUOTE_MARKER {
            tokens.push(QUOTE_TOKEN.to_string());
        } else if !c.is_whitespace() && !c.is_control() {
            tokens.push(c.to_string());
        }
    }
    if !word.is_empty() {
        tokens.push(word);
    }
    tokens
}

/// Folds typographic variants of quotes, apostrophes and dashes to one ASCII form.
fn fold(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201b}' | '\u{2032}' | '`' | '\u{b4}' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{ab}' | '\u{bb}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' => '-',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_apostrophes_digits_and_case() {
        assert_eq!(
            tokenize("It’s 1,200 so-called “experts”!"),
            ["it's", "0", "so-called", "\"", "experts", "\"", "!"]
        );
    }

    #[test]
    fn quote_marker_becomes_a_token() {
        let text = format!("{QUOTE_MARKER}, he said.");
        assert_eq!(tokenize(&text), [QUOTE_TOKEN, ",", "he", "said", "."]);
    }

    #[test]
    fn dash_between_words_is_punctuation_when_spaced() {
        assert_eq!(tokenize("war – again"), ["war", "-", "again"]);
    }
}
