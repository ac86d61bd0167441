//! The word lists of cross-document resolution, compiled in from `crates/crossdoc/data/*.txt`:
//! one entry a line, `#` starting a comment, `|` separating an entry from its value. Entries
//! are folded as names are ([`crate::names::fold`]), so a list and the names it is compared
//! with always agree on accents, case and punctuation.

use crate::names::fold;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// The parsed lists.
#[derive(Debug, Default)]
pub(crate) struct Lists {
    prefixes: HashSet<String>,
    nicknames: HashMap<String, String>,
    legal_forms: HashSet<String>,
    descriptors: HashSet<String>,
    bodies: HashSet<String>,
    /// Folded alias words → folded canonical words.
    aliases: HashMap<Vec<String>, Vec<String>>,
    /// Folded canonical words → the canonical name as the list writes it.
    canonical_names: HashMap<Vec<String>, String>,
    /// Most words an alias has.
    longest_alias: usize,
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| {
    let mut lists = Lists::default();
    for (entry, _) in entries(include_str!("../data/name_prefixes.txt")) {
        lists.prefixes.extend(fold(entry));
    }
    for (short, full) in entries(include_str!("../data/nicknames.txt")) {
        lists
            .nicknames
            .insert(fold(short).join(" "), fold(full).join(" "));
    }
    for (word, kind) in entries(include_str!("../data/org_suffixes.txt")) {
        let set = match kind {
            "legal" => &mut lists.legal_forms,
            "body" => &mut lists.bodies,
            _ => &mut lists.descriptors,
        };
        set.extend(fold(word));
    }
    for (alias, canonical) in entries(include_str!("../data/aliases.txt")) {
        let alias = fold(alias);
        lists.longest_alias = lists.longest_alias.max(alias.len());
        lists
            .canonical_names
            .insert(fold(canonical), canonical.to_string());
        lists.aliases.insert(alias, fold(canonical));
    }
    lists
});

/// The lists compiled into the crate.
pub(crate) fn lists() -> &'static Lists {
    &LISTS
}

/// The entries of a list file: each line's entry and the text after its `|`.
fn entries(text: &str) -> impl Iterator<Item = (&str, &str)> {
    text.lines().filter_map(|line| {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            return None;
        }
        Some(match line.split_once('|') {
            Some((e, v)) => (e.trim(), v.trim()),
            None => (line, ""),
        })
    })
}

impl Lists {
    /// Whether a folded word is a title, honorific or article written before names.
    pub fn is_prefix(&self, word: &str) -> bool {
        self.prefixes.contains(word)
    }

    /// The full form of a short first name ("mike" → "michael").
    pub fn full_first_name(&self, word: &str) -> Option<&str> {
        self.nicknames.get(word).map(String::as_str)
    }

    /// Whether a folded word is a legal form ("inc", "llc").
    pub fn is_legal_form(&self, word: &str) -> bool {
        self.legal_forms.contains(word)
    }

    /// Whether a folded word ends the name of a part of a larger body ("committee").
    pub fn is_body(&self, word: &str) -> bool {
        self.bodies.contains(word)
    }

    /// Whether a folded word is a trade descriptor ("group", "motors").
    pub fn is_descriptor(&self, word: &str) -> bool {
        self.descriptors.contains(word) || self.legal_forms.contains(word)
    }

    /// The canonical name (as the list writes it) of a name that is wholly an alias
    /// ("the Kremlin" → "Russia"), given its folded words.
    pub fn alias_of(&self, words: &[String]) -> Option<&str> {
        let canonical = self.aliases.get(words)?;
        self.canonical_names.get(canonical).map(String::as_str)
    }

    /// `words` with a leading alias written as its canonical words (the longest alias wins).
    pub fn expand_alias(&self, words: Vec<String>) -> Vec<String> {
        let longest = self.longest_alias.min(words.len());
        for len in (1..=longest).rev() {
            if let Some(canonical) = self.aliases.get(&words[..len]) {
                let mut out = canonical.clone();
                out.extend_from_slice(&words[len..]);
                return out;
            }
        }
        words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_parse_and_fold() {
        let l = lists();
        assert!(l.is_prefix("president"));
        assert_eq!(l.full_first_name("mike"), Some("michael"));
        assert!(l.is_legal_form("inc"));
        assert!(l.is_descriptor("motors"));
        assert!(l.is_body("committee") && !l.is_descriptor("committee"));
        let w = |s: &str| fold(s);
        assert_eq!(l.expand_alias(w("Downing Street")), w("United Kingdom"));
        assert_eq!(
            l.expand_alias(w("U.N. Security Council")),
            w("United Nations Security Council")
        );
        assert_eq!(l.expand_alias(w("Usman")), w("Usman"));
    }
}
