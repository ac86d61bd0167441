//! The closed-class words around personal names that within-document and cross-document
//! resolution both drop before comparing two names: generational suffixes and post-nominal
//! letters ("Jr.", "III", from `crates/core/data/name_suffixes.txt`) and single-letter initials
//! ("W.", "J"). One list, so that both stages agree that "W. Mark Felt Sr." is "Mark Felt".

use std::collections::HashSet;
use std::sync::LazyLock;

static SUFFIXES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    include_str!("../data/name_suffixes.txt")
        .lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|line| !line.is_empty())
        .map(key)
        .collect()
});

/// A word as the list stores it: ASCII-lowercased, without final full stops.
fn key(word: &str) -> String {
    word.trim_end_matches('.').to_ascii_lowercase()
}

/// Whether `word` is a generational suffix or a post-nominal ("Jr.", "III", "PhD").
pub fn is_name_suffix(word: &str) -> bool {
    SUFFIXES.contains(&key(word))
}

/// Whether `word` is a single-letter initial ("W.", "J").
pub fn is_initial(word: &str) -> bool {
    let mut letters = word.trim_end_matches('.').chars();
    letters.next().is_some_and(char::is_alphabetic) && letters.next().is_none()
}

/// Whether `word` is a regnal numeral ("II", "XVI"): written in Roman capitals or their
/// lowercase folding, of more than one letter so that the initial "I" or "V" is not one.
fn is_regnal(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    w.len() > 1
        && w.chars()
            .all(|c| matches!(c.to_ascii_lowercase(), 'i' | 'v' | 'x'))
}

/// The words of a personal name without its initials and suffixes, unless nothing else is
/// left: `["w.", "mark", "felt", "sr."]` → `["mark", "felt"]`. A regnal name keeps its
/// numeral: "Elizabeth II" is a monarch's whole name, not the first name "Elizabeth".
pub fn core_words<S: AsRef<str> + Clone>(words: &[S]) -> Vec<S> {
    let kept: Vec<S> = words
        .iter()
        .filter(|w| !is_initial(w.as_ref()) && !is_name_suffix(w.as_ref()))
        .cloned()
        .collect();
    if kept.len() == 1 && words.iter().any(|w| is_regnal(w.as_ref())) {
        return words
            .iter()
            .filter(|w| !is_initial(w.as_ref()))
            .cloned()
            .collect();
    }
    if kept.is_empty() {
        words.to_vec()
    } else {
        kept
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_and_suffixes_leave_the_core() {
        assert_eq!(core_words(&["w.", "mark", "felt", "sr."]), ["mark", "felt"]);
        assert_eq!(core_words(&["Donald", "J.", "Trump"]), ["Donald", "Trump"]);
        assert_eq!(core_words(&["J."]), ["J."]);
        // A monarch's numeral is part of the name: "Elizabeth II" is not a lone "Elizabeth".
        assert_eq!(core_words(&["Elizabeth", "II"]), ["Elizabeth", "II"]);
        assert_eq!(
            core_words(&["Martin", "Luther", "King", "III"]),
            ["Martin", "Luther", "King"]
        );
        assert!(is_name_suffix("Jr."));
        assert!(is_name_suffix("III"));
        assert!(!is_name_suffix("Felt"));
        assert!(!is_initial("Xi"));
    }
}
