//! A small, allocation-light word scanner shared by the number and time recognizers.
//!
//! The segmenter's tokens are not always present (and split differently from what number
//! parsing needs: "1,234.5" must stay one token, "58th" must keep its suffix), so the
//! recognizers scan the text themselves. Tokens are byte spans into the unchanged text:
//! runs of letters and digits (a digit run may carry `,`/`.` separators followed by a digit
//! and a letter suffix, e.g. "1,234.5", "58th", "1990s"), and single punctuation characters.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters only ("troops", "Aug").
    Word,
    /// Digits with optional `,`/`.` separators ("1,234.5").
    Digits,
    /// Digits followed by letters ("58th", "1990s", "3pm").
    DigitsAlpha,
    /// Letters then digits, or mixed ("HTML5", "G8").
    Mixed,
    /// One character that is neither a letter, a digit nor whitespace.
    Punct,
}

/// One token: its byte range in the text and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub kind: TokKind,
}

impl<'a> Tok<'a> {
    /// Whether the token is a word equal to `word`, ignoring ASCII case.
    pub fn is(&self, word: &str) -> bool {
        self.text.eq_ignore_ascii_case(word)
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokKind::Punct && self.text.starts_with(c)
    }

    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// Splits `text` into tokens, in text order.
pub fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let (c, w) = if b.is_ascii() {
            (b as char, 1)
        } else {
            char_at(text, i)
        };
        if c.is_whitespace() {
            i += w;
            continue;
        }
        let start = i;
        let kind;
        if c.is_ascii_digit() {
            i = scan_digits(bytes, i);
            let letters_end = scan_while(text, i, char::is_alphabetic);
            let alnum_end = scan_while(text, letters_end, char::is_alphanumeric);
            kind = if alnum_end > letters_end {
                TokKind::Mixed
            } else if letters_end > i {
                TokKind::DigitsAlpha
            } else {
                TokKind::Digits
            };
            i = alnum_end;
        } else if c.is_alphanumeric() {
            // ASCII letters first (the common case), then any letters and digits.
            let mut digits = false;
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                digits |= bytes[i].is_ascii_digit();
                i += 1;
            }
            if bytes.get(i).is_some_and(|b| !b.is_ascii()) {
                let end = scan_while(text, i, char::is_alphanumeric);
                digits |= text[i..end].chars().any(|c| c.is_ascii_digit());
                i = end;
                while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                    digits |= bytes[i].is_ascii_digit();
                    i += 1;
                }
                i = scan_while(text, i, char::is_alphanumeric);
            }
            kind = if digits {
                TokKind::Mixed
            } else {
                TokKind::Word
            };
        } else {
            i += w;
            kind = TokKind::Punct;
        }
        out.push(Tok {
            start,
            end: i,
            text: &text[start..i],
            kind,
        });
    }
    out
}

/// The char at byte `i` (a char boundary) and its width.
fn char_at(text: &str, i: usize) -> (char, usize) {
    text[i..]
        .chars()
        .next()
        .map_or((' ', 1), |c| (c, c.len_utf8()))
}

/// End of a digit run starting at `i`, taking `,`/`.` only when a digit follows.
fn scan_digits(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_digit() {
            i += 1;
        } else if (b == b',' || b == b'.') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
            i += 2;
        } else {
            break;
        }
    }
    i
}

/// End of the run of chars satisfying `keep` that starts at byte `i`.
fn scan_while(text: &str, i: usize, keep: fn(char) -> bool) -> usize {
    let rest = text.get(i..).unwrap_or("");
    i + rest.find(|c: char| !keep(c)).unwrap_or(rest.len())
}

/// Whether nothing separates token `a` from the next token `b` (no space between them).
pub fn adjacent(a: &Tok<'_>, b: &Tok<'_>) -> bool {
    a.end == b.start
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(&str, TokKind)> {
        tokenize(text)
            .into_iter()
            .map(|t| (t.text, t.kind))
            .collect()
    }

    #[test]
    fn keeps_numbers_whole() {
        assert_eq!(
            kinds("1,234.5 troops, 58th army."),
            vec![
                ("1,234.5", TokKind::Digits),
                ("troops", TokKind::Word),
                (",", TokKind::Punct),
                ("58th", TokKind::DigitsAlpha),
                ("army", TokKind::Word),
                (".", TokKind::Punct),
            ]
        );
    }

    #[test]
    fn mixed_and_multibyte() {
        assert_eq!(
            kinds("HTML5 Su-25 – Цхинвали"),
            vec![
                ("HTML5", TokKind::Mixed),
                ("Su", TokKind::Word),
                ("-", TokKind::Punct),
                ("25", TokKind::Digits),
                ("–", TokKind::Punct),
                ("Цхинвали", TokKind::Word),
            ]
        );
        assert_eq!(
            kinds("192."),
            vec![("192", TokKind::Digits), (".", TokKind::Punct)]
        );
    }
}
