//! Name keys for matching entities across documents.
//!
//! A name is folded to ASCII lowercase words with the titles, honorifics and "the" that
//! precede it dropped ([`words`]; the list is `data/name_prefixes.txt`). Two names match
//! exactly when their words are equal, and loosely when their *consonant skeletons* are
//! equal: each word without vowels (counting `y`), doubled letters, `h` after another
//! consonant, and the `w`/`v` distinction. The skeleton absorbs the usual transliteration
//! variants (Mikheil/Mikhail → `mkl`, Dmitry/Dmitri → `dmtr`, Sergei/Sergey → `srg`) and vowel
//! slips and transpositions of vowels ("Tiblisi"/"Tbilisi" → `tblss`).
//!
//! Kinds of names fold further before they are compared ([`key_words`]):
//! - a person's name loses its initials and suffixes ("Donald J. Trump" → `donald trump`) and
//!   its first name is written in full (`data/nicknames.txt`: "Mike" → `michael`); a
//!   generational suffix is kept as the generation's word at the end ("Donald Trump Jr." →
//!   `donald trump jr`), which resolution drops again for the elder's ("Sr.");
//! - an organization's name loses its legal form (`data/org_suffixes.txt`: "Apple Inc." →
//!   `apple`);
//! - any name that is, or starts with, an alias (`data/aliases.txt`: "U.S." → `united
//!   states`, "UN General Assembly" → `united nations general assembly`) is written with the
//!   canonical words, so that every spelling of one actor has one key.

use crate::lists::lists;
use parallax_core::EntityType;

/// The folded words of `name`: ASCII, lowercase, without punctuation or leading titles.
pub fn words(name: &str) -> Vec<String> {
    let mut out = fold(name);
    while out.len() > 1 && lists().is_prefix(&out[0]) {
        out.remove(0);
    }
    out
}

/// `name` as ASCII lowercase words, split at anything but letters, digits and apostrophes,
/// without a possessive "s".
pub(crate) fn fold(name: &str) -> Vec<String> {
    let ascii = deunicode::deunicode(name).to_lowercase();
    ascii
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '\'')
        .map(|w| w.trim_matches('\'').to_string())
        .filter(|w| !w.is_empty() && w != "s")
        .collect()
}

/// The exact matching key: folded words joined by spaces.
pub fn exact_key(name: &str) -> String {
    words(name).join(" ")
}

/// The words a name of this type is compared by (see the module doc).
pub fn key_words(name: &str, entity_type: EntityType) -> Vec<String> {
    let words = lists().expand_alias(words(name));
    match entity_type {
        EntityType::Person => {
            let mut core = parallax_core::names::core_words(&words);
            if core.len() > 1 {
                if let Some(full) = lists().full_first_name(&core[0]) {
                    core[0] = full.to_string();
                }
            }
            // A regnal numeral already in the core ("elizabeth ii") is not added twice.
            let in_core = core
                .iter()
                .any(|w| parallax_core::names::generation_of(w).is_some());
            if let Some(generation) = parallax_core::names::generation(&words).filter(|_| !in_core)
            {
                core.push(generation.to_string());
            }
            core
        }
        EntityType::Org => {
            let mut words = words;
            while words.len() > 1 && words.last().is_some_and(|w| lists().is_legal_form(w)) {
                words.pop();
            }
            words
        }
        _ => words,
    }
}

/// The loose matching key of folded words: the consonant skeleton of each.
pub fn skeleton_of(words: &[String]) -> String {
    words
        .iter()
        .map(|w| skeleton(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The loose matching key: the consonant skeleton of each folded word.
pub fn skeleton_key(name: &str) -> String {
    skeleton_of(&words(name))
}

/// The consonant skeleton of one folded word.
pub fn skeleton(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut previous: Option<char> = None;
    for (i, c) in word.chars().enumerate() {
        let c = if c == 'w' { 'v' } else { c };
        let is_vowel = matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
        let silent_h =
            c == 'h' && previous.is_some_and(|p| !matches!(p, 'a' | 'e' | 'i' | 'o' | 'u' | 'y'));
        // A leading vowel carries identity ("Abkhazia" vs "Bkhazia" do not exist, but
        // "Ossetia"/"Estonia" must stay apart).
        let keep = (i == 0 && is_vowel) || (!is_vowel && !silent_h);
        if keep && !out.ends_with(c) {
            out.push(c);
        }
        previous = Some(c);
    }
    out
}

/// The initials of a name's words, skipping "of", "the", "and", "for" and "&"
/// ("International Atomic Energy Agency" → `iaea`); empty for a name of one word.
pub fn initials(words: &[String]) -> String {
    if words.len() < 2 {
        return String::new();
    }
    words
        .iter()
        .filter(|w| {
            !matches!(
                w.as_str(),
                "of" | "the" | "and" | "for" | "de" | "du" | "des"
            )
        })
        .filter_map(|w| w.chars().next())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn honorifics_and_accents_fold_away() {
        assert_eq!(
            exact_key("President Mikheil Saakashvili"),
            "mikheil saakashvili"
        );
        assert_eq!(exact_key("Mr. Lavrov"), "lavrov");
        assert_eq!(exact_key("Škoda"), "skoda");
        assert_eq!(exact_key("the Kremlin"), "kremlin");
    }

    #[test]
    fn kinds_of_names_fold_to_one_key() {
        use EntityType::*;
        let key = |n, t| key_words(n, t).join(" ");
        assert_eq!(key("Donald J. Trump", Person), "donald trump");
        assert_eq!(key("Mike Bloomberg", Person), "michael bloomberg");
        assert_eq!(key("W. Mark Felt Sr.", Person), "mark felt sr");
        assert_eq!(key("Donald Trump Jr.", Person), "donald trump jr");
        assert_eq!(key("Trump Jr", Person), "trump jr");
        assert_eq!(key("Elizabeth II", Person), "elizabeth ii");
        // A lone first name stays itself.
        assert_eq!(key("Mike", Person), "mike");
        assert_eq!(key("Apple Inc.", Org), "apple");
        assert_eq!(key("Ford Motor Co.", Org), "ford motor");
        assert_eq!(key("U.S.", Gpe), "united states");
        assert_eq!(
            key("UN General Assembly", Org),
            "united nations general assembly"
        );
        assert_eq!(key("the Élysée", Org), "france");
        assert_eq!(key("Republic of Korea", Gpe), "south korea");
    }

    #[test]
    fn transliterations_share_a_skeleton() {
        assert_eq!(
            skeleton_key("Mikheil Saakashvili"),
            skeleton_key("Mikhail Saakashvili")
        );
        assert_eq!(skeleton("dmitry"), skeleton("dmitri"));
        assert_eq!(skeleton("sergei"), skeleton("sergey"));
        assert_eq!(skeleton("tbilisi"), skeleton("tiblisi"));
        assert_ne!(skeleton("ossetia"), skeleton("estonia"));
        assert_ne!(skeleton_key("Sergei Lavrov"), skeleton_key("Sergei Ivanov"));
    }

    #[test]
    fn initials_skip_function_words() {
        let w = |s: &str| words(s);
        assert_eq!(initials(&w("International Atomic Energy Agency")), "iaea");
        assert_eq!(initials(&w("Bank of America")), "ba");
        assert_eq!(initials(&w("Europe")), "");
    }
}
