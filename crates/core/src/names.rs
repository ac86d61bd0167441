//! The closed-class words around personal names that within-document and cross-document
//! resolution both drop before comparing two names: generational suffixes and post-nominal
//! letters ("Jr.", "III", from `crates/core/data/name_suffixes.txt`) and single-letter initials
//! ("W.", "J"). One list, so that both stages agree that "W. Mark Felt Sr." is "Mark Felt".
//! A generational suffix also names a generation ([`generation`]), which both stages use to
//! keep a son apart from the father he is named after. The titles written before a name are
//! compared by the office they name ([`office`], from `crates/core/data/offices.txt`): "Rep."
//! and "Congressman" are one. A body named after the person who leads it ("the Obama
//! administration", [`is_person_body`], from `crates/core/data/person_bodies.txt`) is an actor
//! of its own.

use std::collections::HashMap;
use std::sync::LazyLock;

/// Each suffix, keyed as [`key`] folds it, with the generation it names (`None` for a
/// post-nominal such as "PhD").
static SUFFIXES: LazyLock<HashMap<String, Option<&'static str>>> = LazyLock::new(|| {
    suffix_lines()
        .map(|line| match line.split_once('=') {
            Some((word, value)) => (key(word.trim()), value.split_whitespace().next()),
            None => (key(line), None),
        })
        .collect()
});

/// The generations marked `elder` in the list ("sr").
static ELDER: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    suffix_lines()
        .filter_map(|line| line.split_once('=').map(|(_, value)| value))
        .filter_map(
            |value| match value.split_whitespace().collect::<Vec<_>>()[..] {
                [generation, "elder"] => Some(generation),
                _ => None,
            },
        )
        .collect()
});

/// Head words of titles folded into the office they name (`rep` → `representative`).
static OFFICES: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    crate::text::data_lines(include_str!("../data/offices.txt"))
        .filter_map(|line| line.split_once('='))
        .map(|(written, office)| (written.trim(), office.trim()))
        .collect()
});

/// Nouns that make a person's name before them a body the person leads.
static PERSON_BODIES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| crate::text::data_lines(include_str!("../data/person_bodies.txt")).collect());

/// Whether `word`, written in lowercase after a person's name, makes the two a body the person
/// leads ("the Obama administration", "the Clinton campaign"): an actor of its own, whose name
/// holds the person's without being a mention of the person.
pub fn is_person_body(word: &str) -> bool {
    word.chars().all(char::is_lowercase) && PERSON_BODIES.contains(&word)
}

/// The suffix list's lines without comments and blank lines.
fn suffix_lines() -> impl Iterator<Item = &'static str> {
    crate::text::data_lines(include_str!("../data/name_suffixes.txt"))
}

/// The office a title written before a name holds, by its head word: "Rep.", "Representative"
/// and "Congressman" → `representative`, "Foreign Minister" → `minister`; `None` for a title
/// with no word.
pub fn office(title: &str) -> Option<String> {
    let head = key(title.split_whitespace().last()?);
    Some(match OFFICES.get(head.as_str()) {
        Some(office) => office.to_string(),
        None => head,
    })
}

/// A word as the list stores it: ASCII-lowercased, without final full stops.
fn key(word: &str) -> String {
    word.trim_end_matches('.').to_ascii_lowercase()
}

/// Whether `word` is a generational suffix or a post-nominal ("Jr.", "III", "PhD").
pub fn is_name_suffix(word: &str) -> bool {
    SUFFIXES.contains_key(&key(word))
}

/// The generation a suffix word names ("Jr." and "Junior" → `jr`, "III" → `iii`), or `None`
/// for any other word, post-nominals included.
pub fn generation_of(word: &str) -> Option<&'static str> {
    SUFFIXES.get(&key(word)).copied().flatten()
}

/// Whether `generation` is the elder's ("sr"): a story writing it calls the same man by his
/// unmarked name, while a son's suffix ("jr", "iii") sets him apart from an unmarked father.
pub fn is_elder(generation: &str) -> bool {
    ELDER.contains(&generation)
}

/// The generation a personal name is marked with: its last generational suffix after the
/// first word ("Donald Trump Jr." → `jr`), or `None` for an unmarked name. The first word is
/// never a suffix, so that a lone "Junior" (a nickname) marks nothing.
pub fn generation<S: AsRef<str>>(words: &[S]) -> Option<&'static str> {
    words
        .iter()
        .skip(1)
        .rev()
        .find_map(|w| generation_of(w.as_ref()))
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
    fn a_body_is_named_by_a_lowercase_noun() {
        assert!(is_person_body("administration"));
        assert!(!is_person_body("Administration"));
        assert!(!is_person_body("said"));
    }

    #[test]
    fn titles_of_one_office_fold_together() {
        for title in ["Rep.", "Representative", "Congressman", "congresswoman"] {
            assert_eq!(office(title).as_deref(), Some("representative"), "{title}");
        }
        assert_eq!(office("Foreign Minister").as_deref(), Some("minister"));
        assert_eq!(office("Sen.").as_deref(), Some("senator"));
        assert_eq!(office("President"), office("Pres."));
        assert_ne!(office("Senator"), office("Governor"));
        assert_eq!(office("  "), None);
    }

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

    #[test]
    fn generational_suffixes_name_a_generation() {
        assert_eq!(generation(&["Donald", "Trump", "Jr."]), Some("jr"));
        assert_eq!(generation(&["Hank", "Williams", "Junior"]), Some("jr"));
        assert_eq!(generation(&["W.", "Mark", "Felt", "Sr."]), Some("sr"));
        assert_eq!(
            generation(&["Martin", "Luther", "King", "III"]),
            Some("iii")
        );
        assert_eq!(generation(&["Donald", "Trump"]), None);
        assert_eq!(generation(&["Jane", "Roe", "PhD"]), None);
        assert_eq!(generation(&["Junior"]), None);
        assert_eq!(generation_of("Jr"), Some("jr"));
        assert_eq!(generation_of("MD"), None);
        assert!(is_elder("sr"));
        assert!(!is_elder("jr"));
    }
}
