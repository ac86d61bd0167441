//! Normalized word tokens of a sentence, the common input of every feature.
//!
//! The classifier must see "don’t" and "don't", "1,200" and "3,400" alike, so words are
//! lowercased, typographic apostrophes and quotes are folded to ASCII and digits become `0`.
//! Punctuation marks are kept as one-character tokens because `!`, `?` and scare quotes are
//! themselves evidence of the author's voice.
//!
//! The tokens of a sentence live in one [`Tokens`] buffer (one string and the end of each
//! token), so tokenizing costs two allocations however long the sentence is.

/// A masked quotation, written into a sentence by [`crate::mask`] in place of the quoted words.
pub const QUOTE_MARKER: char = '\u{1}';
/// The token a [`QUOTE_MARKER`] becomes.
pub const QUOTE_TOKEN: &str = "<quote>";

/// The normalized tokens of a sentence, stored back to back in one string.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tokens {
    text: String,
    /// The end of each token in `text`; a token starts where the previous one ends.
    ends: Vec<u32>,
}

impl Tokens {
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The `index`th token.
    pub fn get(&self, index: usize) -> Option<&str> {
        let end = *self.ends.get(index)? as usize;
        let start = match index {
            0 => 0,
            _ => *self.ends.get(index - 1)? as usize,
        };
        self.text.get(start..end)
    }

    /// The tokens in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + Clone + '_ {
        let mut start = 0;
        self.ends.iter().map(move |&end| {
            let token = self.text.get(start as usize..end as usize).unwrap_or("");
            start = end;
            token
        })
    }

    /// The tokens as owned strings (for tests and debugging).
    pub fn to_vec(&self) -> Vec<String> {
        self.iter().map(str::to_string).collect()
    }

    /// Ends the token being written, if it has any characters.
    fn finish(&mut self) {
        let end = self.text.len() as u32;
        if end > self.ends.last().copied().unwrap_or(0) {
            self.ends.push(end);
        }
    }

    /// The token being written (after the last finished one).
    fn current(&self) -> &str {
        let start = self.ends.last().copied().unwrap_or(0) as usize;
        self.text.get(start..).unwrap_or("")
    }

    fn push_token(&mut self, token: &str) {
        self.finish();
        self.text.push_str(token);
        self.finish();
    }
}

/// The normalized tokens of `text`.
pub fn tokenize(text: &str) -> Tokens {
    let mut tokens = Tokens {
        text: String::with_capacity(text.len() + 8),
        ends: Vec::with_capacity(text.len() / 4 + 1),
    };
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let c = fold(c);
        if c.is_alphanumeric() {
            if c.is_numeric() {
                // A number is one `0`, whatever its digits.
                if !tokens.current().ends_with('0') {
                    tokens.text.push('0');
                }
            } else if c.is_ascii() {
                tokens.text.push(c.to_ascii_lowercase());
            } else {
                tokens.text.extend(c.to_lowercase());
            }
            continue;
        }
        // An apostrophe or hyphen between letters belongs to the word ("don't", "so-called").
        // So do the separators inside a number ("1,200", "3.5").
        let word = tokens.current();
        let next_alnum = chars
            .peek()
            .is_some_and(|next| fold(*next).is_alphanumeric());
        let next_digit = chars.peek().is_some_and(|next| next.is_numeric());
        if (c == ',' || c == '.') && word.ends_with('0') && next_digit {
            continue;
        }
        if (c == '\'' || c == '-') && !word.is_empty() && next_alnum {
            tokens.text.push(c);
            continue;
        }
        if c == QUOTE_MARKER {
            tokens.push_token(QUOTE_TOKEN);
        } else if !c.is_whitespace() && !c.is_control() {
            tokens.finish();
            tokens.text.push(c);
            tokens.finish();
        } else {
            tokens.finish();
        }
    }
    tokens.finish();
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
            tokenize("It’s 1,200 so-called “experts”!").to_vec(),
            ["it's", "0", "so-called", "\"", "experts", "\"", "!"]
        );
    }

    #[test]
    fn quote_marker_becomes_a_token() {
        let text = format!("{QUOTE_MARKER}, he said.");
        assert_eq!(
            tokenize(&text).to_vec(),
            [QUOTE_TOKEN, ",", "he", "said", "."]
        );
    }

    #[test]
    fn dash_between_words_is_punctuation_when_spaced() {
        assert_eq!(tokenize("war – again").to_vec(), ["war", "-", "again"]);
    }

    #[test]
    fn access_by_index_and_iteration_agree() {
        let tokens = tokenize("Grüße, 3.5 Ärzte!");
        assert_eq!(tokens.len(), 5);
        let all: Vec<&str> = tokens.iter().collect();
        assert_eq!(all, ["grüße", ",", "0", "ärzte", "!"]);
        assert_eq!(tokens.get(3), Some("ärzte"));
        assert_eq!(tokens.get(5), None);
        assert!(tokenize("  ").is_empty());
    }
}
