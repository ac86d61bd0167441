//! Plain-text articles (`.txt`, `.md`): the text is kept as written (only CRLF becomes LF and
//! a byte-order mark is dropped); a headline-like first line supplies the title.

use crate::decode::normalize_newlines;
use crate::meta::Inferred;
use parallax_core::Diagnostic;

/// The most words a first line may have to count as a headline.
const MAX_HEADLINE_WORDS: usize = 25;
const MAX_HEADLINE_CHARS: usize = 200;

/// Prepares decoded plain text: newline normalization and title inference from its first
/// line. The first line stays in the text unchanged either way.
pub fn plain_text(text: String, diagnostics: &mut Vec<Diagnostic>) -> (String, Inferred) {
    let text = normalize_newlines(text, diagnostics);
    let inferred = Inferred {
        title: headline(&text).map(|t| (t.to_string(), "title inferred from the first line")),
    };
    (text, inferred)
}

/// The first line when it reads as a headline: short, followed by more text, and not ending
/// like a sentence (a final period), a list item or a dateline.
pub fn headline(text: &str) -> Option<&str> {
    let text = text.trim_start_matches(['\n', ' ', '\t']);
    let (first, rest) = text.split_once('\n')?;
    let line = first.trim();
    let line = line.trim_start_matches('#').trim();
    if line.is_empty() || rest.trim().is_empty() {
        return None;
    }
    let words = line.split_whitespace().count();
    let ends_like_sentence = line.ends_with(['.', ',', ';', ':']) && !line.ends_with("...");
    let headline_like = words <= MAX_HEADLINE_WORDS
        && line.chars().count() <= MAX_HEADLINE_CHARS
        && !ends_like_sentence
        && line.chars().any(char::is_alphabetic);
    headline_like.then_some(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_line_headline_becomes_title_and_stays_in_text() {
        let mut diags = Vec::new();
        let input = "Flood waters rise in Riverton\r\n\r\nThe river rose overnight.\r\n";
        let (text, inferred) = plain_text(input.to_string(), &mut diags);
        assert_eq!(
            text,
            "Flood waters rise in Riverton\n\nThe river rose overnight.\n"
        );
        assert_eq!(inferred.title.unwrap().0, "Flood waters rise in Riverton");
        assert!(diags.iter().any(|d| d.message.contains("CRLF")));
    }

    #[test]
    fn sentence_first_line_is_not_a_headline() {
        assert_eq!(headline("The river rose overnight.\nMore text."), None);
        assert_eq!(headline("Only one line"), None);
        assert_eq!(
            headline("# Markdown headline\n\nBody."),
            Some("Markdown headline")
        );
        let long = format!("{}\nbody", "word ".repeat(40));
        assert_eq!(headline(&long), None);
    }
}
