//! One hashed table of every word the framing rules list — closed-class words, descriptor
//! nouns and modifiers ([`crate::words`]), polar words and negators ([`crate::polarity`]) and loaded terms ([`crate::loaded`]) —
//! so that a word is looked up once, with a fast hash, whatever it is asked for.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// What the lists say about one lowercased word; empty for an unlisted word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Entry {
    lists: u8,
    /// Closed-class flags of [`crate::words`].
    closed: u32,
}

const DESCRIPTOR: u8 = 1;
const MODIFIER: u8 = 1 << 1;
const NEGATIVE: u8 = 1 << 2;
const POSITIVE: u8 = 1 << 3;
const LOADED: u8 = 1 << 4;
const NEGATOR: u8 = 1 << 5;

impl Entry {
    fn has(self, flag: u8) -> bool {
        self.lists & flag != 0
    }
    /// A role or descriptor noun ("president", "dictator"), singular as listed.
    pub fn is_descriptor(self) -> bool {
        self.has(DESCRIPTOR)
    }
    /// A listed modifier ("former", "embattled").
    pub fn is_listed_modifier(self) -> bool {
        self.has(MODIFIER)
    }
    /// −1, 0 or +1 from the polarity lexicon.
    pub fn polarity(self) -> i8 {
        if self.has(NEGATIVE) {
            -1
        } else if self.has(POSITIVE) {
            1
        } else {
            0
        }
    }
    /// In the loaded-terms lexicon learned from BABE.
    pub fn is_loaded(self) -> bool {
        self.has(LOADED)
    }
    /// A listed negator ("not", "never"); see [`crate::polarity::is_negator`].
    pub fn is_negator(self) -> bool {
        self.has(NEGATOR)
    }
    /// Polar or loaded: a word that judges.
    pub fn is_evaluative(self) -> bool {
        self.has(NEGATIVE | POSITIVE | LOADED)
    }
    /// The flags of [`crate::words`] for a closed-class word ("the", "said"); 0 otherwise.
    pub fn closed_class(self) -> u32 {
        self.closed
    }
    /// Whether the word is in any list.
    pub fn is_listed(self) -> bool {
        self.lists != 0 || self.closed != 0
    }
}

static TABLE: LazyLock<FxHashMap<&'static [u8], Entry>> = LazyLock::new(|| {
    let lists: [(&[&'static str], u8); 2] = [
        (crate::words::DESCRIPTORS, DESCRIPTOR),
        (crate::words::MODIFIERS, MODIFIER),
    ];
    let mut table: FxHashMap<&'static [u8], Entry> = FxHashMap::default();
    for (words, flag) in lists {
        for &word in words {
            table.entry(word.as_bytes()).or_default().lists |= flag;
        }
    }
    let files = [
        (crate::polarity::NEGATIVE, NEGATIVE),
        (crate::polarity::POSITIVE, POSITIVE),
        (crate::polarity::NEGATORS, NEGATOR),
    ];
    for (list, flag) in files {
        for word in crate::wordlist::words(list) {
            table.entry(word.as_bytes()).or_default().lists |= flag;
        }
    }
    for word in crate::loaded::lexicon_words() {
        table.entry(word.as_bytes()).or_default().lists |= LOADED;
    }
    for &(flags, words) in crate::words::CLOSED_CLASSES {
        for &word in words {
            table.entry(word.as_bytes()).or_default().closed |= flags;
        }
    }
    table
});

/// The entry of a lowercased word (typographic apostrophes folded to ASCII).
pub fn lookup(lower: &str) -> Entry {
    lookup_bytes(lower.as_bytes())
}

/// [`lookup`] of a word's UTF-8 bytes.
pub fn lookup_bytes(lower: &[u8]) -> Entry {
    TABLE.get(lower).copied().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_is_in_the_table() {
        assert!(lookup("president").is_descriptor());
        assert!(lookup("former").is_listed_modifier());
        assert_eq!(lookup("reckless").polarity(), -1);
        assert_eq!(lookup("statesman").polarity(), 1);
        assert!(lookup("statesman").is_descriptor());
        assert!(lookup("bizarre").is_loaded());
        assert!(lookup("bizarre").is_evaluative());
        assert!(lookup("the").is_listed());
        assert_ne!(lookup("said").closed_class(), 0);
        assert_eq!(lookup("president").closed_class(), 0);
        assert!(!lookup("President").is_listed(), "keys are lowercase");
        assert!(!lookup("zzz").is_listed());
    }

    #[test]
    fn agrees_with_the_lists() {
        for &w in crate::words::DESCRIPTORS {
            assert!(lookup(w).is_descriptor(), "{w}");
        }
        for w in crate::wordlist::words(crate::polarity::NEGATIVE) {
            assert_eq!(lookup(w).polarity(), -1, "{w}");
        }
        for w in crate::wordlist::words(crate::polarity::POSITIVE) {
            assert_eq!(lookup(w).polarity(), 1, "{w}");
        }
        for w in crate::loaded::lexicon_words() {
            assert!(lookup(w).is_loaded(), "{w}");
        }
    }
}
